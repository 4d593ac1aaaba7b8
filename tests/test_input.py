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

from sphinx_kommun.testing import latexmk, line_of, pdf_text, warning_lines

from .conftest import append, html_text


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


def test_text_right_after_the_options_is_kept(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """A heading written without a blank line after the options is the
    start of the content: the section is there, and quoted."""
    app = build(project_copy("bad-options-without-blank-line"))
    assert len(warning_lines(app)) == 1
    text = html_text(app.outdir / "index.html")
    assert "Synpunkter och förslag Förvaltningen ser inget behov" in text
    assert text.count("Förvaltningen ser inget behov av förslaget.") == 2
    # the options before it are read
    assert "1 mars 2020" in text


def test_a_paragraph_right_after_the_options_of_a_directive_without_argument(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    append(
        src / "annat.rst",
        "\n.. beslut::\n   :organ: Kommunstyrelsen\n   :datum: 2020-05-01\n"
        "   :utfall: avslag\n   Beslutet var enhälligt.\n   Ingen reserverade sig.\n\n"
        "   Justeras senare.\n",
    )
    app = build(src)
    line = line_of(src / "annat.rst", "Beslutet var enhälligt.")
    assert warning_lines(app) == [
        f"annat.rst:{line}: WARNING: raden 'Beslutet var enhälligt.' efter "
        "alternativen saknar en tom rad före sig; den läses som början på texten "
        "[kommun.option]"
    ]
    text = html_text(app.outdir / "annat.html")
    assert "Beslutet var enhälligt. Ingen reserverade sig. Justeras senare." in text


def test_a_tab_indented_option_is_its_own_option(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-tab-indented-option"))
    assert len(warning_lines(app)) == 1
    text = html_text(app.outdir / "index.html")
    assert ":handlaggare:" not in text
    assert "Handläggare: Per Persson" in text
    assert "Socialförvaltningens tjänsteutlåtande" in text
