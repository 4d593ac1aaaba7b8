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

from sphinx_kommun.testing import latexmk, pdf_text, warning_lines

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


def test_backslash_escapes_print_as_written_in_html_and_pdf(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """``\\*`` and ``\\\\`` in content, a title and an option parsed as inline
    text: no ``kommun.latex`` warning, and the character in the PDF."""
    src = project_copy("bad-escapes")
    written = [
        "Förvaltningen ser *inget* behov av förslaget (se C:\\Handlingar\\2020).",
        "att motionen avslås, *bara* i den delen",
        "Ärendet *i korthet*",
    ]
    html = build(src)
    assert warning_lines(html) == []
    text = html_text(html.outdir / "index.html")
    latex = build(src, "latex", builddir=src / "_build_latex")
    assert warning_lines(latex) == []
    pdf = " ".join(pdf_text(latexmk(latex.outdir, "ks-2020-1.tex")).split())
    for printed in (text, pdf):
        assert all(sentence in printed for sentence in written), printed
        # the yttrande and its quote in the remissammanställning
        assert printed.count(written[0]) == 2
