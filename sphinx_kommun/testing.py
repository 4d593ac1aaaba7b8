"""Test helpers for sphinx-kommun and for plugin authors.

A plugin's ``tests/conftest.py`` needs only::

    from pathlib import Path

    import pytest

    from sphinx_kommun.testing import *  # noqa: F403  (Sphinx's fixtures)


    @pytest.fixture(scope="session")
    def rootdir() -> Path:
        return Path(__file__).parent / "roots"

Sphinx's fixtures are re-exported here rather than named in
``pytest_plugins``: pytest refuses ``pytest_plugins`` in a conftest that is
not at the top of a run, and a plugin's tests run both on their own and as
part of a larger suite (``pytest plugins``).
"""

from __future__ import annotations

import re
import subprocess
from io import StringIO
from pathlib import Path
from typing import Any

from sphinx.testing.fixtures import (
    _shared_result_cache,
    app,
    app_params,
    make_app,
    pytest_configure,
    shared_result,
    sphinx_test_tempdir,
    status,
    test_params,
    warning,
)
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import (  # type: ignore[attr-defined]
    strip_escape_sequences,
)

__all__ = [
    "_shared_result_cache",
    "app",
    "app_params",
    "build_once",
    "built_with_plugin",
    "latexmk",
    "line_of",
    "make_app",
    "pdf_text",
    "pytest_configure",
    "shared_result",
    "sphinx_test_tempdir",
    "status",
    "test_params",
    "warning",
    "warning_lines",
    "warnings_of",
]


def warnings_of(app: SphinxTestApp) -> str:
    """The warning stream, without terminal colours."""
    return strip_escape_sequences(app.warning.getvalue())


def warning_lines(app: SphinxTestApp) -> list[str]:
    """The warnings, one per line, with paths relative to the source directory
    (``index.rst:4: WARNING: …``)."""
    prefix = str(app.srcdir) + "/"
    return [line.replace(prefix, "") for line in warnings_of(app).splitlines() if line]


def build_once(
    buildername: str,
    srcdir: Path,
    builddir: Path,
    *,
    freshenv: bool = True,
    confoverrides: dict[str, Any] | None = None,
) -> SphinxTestApp:
    """Build a project outside the ``make_app`` fixture (module fixtures, loops).

    Status and warnings go to memory (``warnings_of``); docutils' global
    registries are restored at once, so the next app starts clean.
    """
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=builddir,
        status=StringIO(),
        warning=StringIO(),
        freshenv=freshenv,
        confoverrides=confoverrides,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def line_of(path: Path, text: str, nth: int = 1) -> int:
    """The line number (from 1) of the ``nth`` line of a source file holding
    ``text``: where a warning about that line should point."""
    numbers = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text in line
    ]
    assert len(numbers) >= nth, f"{text!r} not {nth} times in {path.name}"
    return numbers[nth - 1]


def built_with_plugin(app: SphinxTestApp, name: str) -> SphinxTestApp:
    """Build ``app`` and check that plugin ``name`` came from its entry point."""
    app.build()
    info = app.kommun_plugins.info  # type: ignore[attr-defined]
    assert name in info, sorted(info)
    assert info[name].source == "entry point"
    return app


def latexmk(outdir: Path, texname: str) -> Path:
    """Run latexmk as Sphinx's Makefile does; fail with the log on error."""
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", texname],
        cwd=outdir,
        capture_output=True,
        timeout=600,
    )
    log = outdir / texname.replace(".tex", ".log")
    assert result.returncode == 0, log.read_text(errors="replace")[-3000:]
    return outdir / texname.replace(".tex", ".pdf")


def pdf_text(pdf: Path, *, body: bool = False, layout: bool = False) -> str:
    """The PDF's text (``pdftotext``) with soft hyphenation undone.

    With ``body``, the running header of each A4 page (the top 80 pt) is
    left out, so a word hyphenated across a page break joins up again. With
    ``layout``, table rows stay on one line each.
    """
    crop = ["-x", "0", "-y", "80", "-W", "595", "-H", "762"] if body else []
    text = subprocess.run(
        [
            "pdftotext",
            "-enc",
            "UTF-8",
            *crop,
            *(["-layout"] if layout else []),
            str(pdf),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.sub(r"(\w)-\s*\n\f?(?=[a-zåäö])", r"\1", text)
