"""Bad input as it arrives from other programs and other people: safety,
Unicode, escapes and what docutils itself reports (issue 13).

The bad projects that give one warning are in ``test_validation.CASES``;
these tests check what else must hold for them: what is published, and
what is not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import warning_lines

from .conftest import html_text


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_docutils_info_messages_are_not_published(
    builder: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    """``topic``, ``line-block`` and ``epigraph`` have no Swedish name in
    docutils: its INFO message about the English fallback is no part of the
    page, nor of a quote of the section (the remissammanställning)."""
    app = build(project_copy("bad-system-messages"), builder)
    assert warning_lines(app) == []
    written = "".join(
        path.read_text(encoding="utf-8")
        for path in app.outdir.glob("*.html" if builder == "html" else "*.tex")
    )
    assert "System Message" not in written
    assert "Using English fallback" not in written
    assert str(app.srcdir) not in written
    if builder == "html":
        # the page and the quote both show the topic
        text = html_text(app.outdir / "index.html")
        assert text.count("Förslaget kostar mer än det ger.") == 2
