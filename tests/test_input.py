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


ENCODING_WARNING = (
    "index.rst:5: WARNING: filen är inte sparad som UTF-8 (rad 5 är den första "
    "som inte är det); den läses som Windows-1252 – spara den som UTF-8 "
    "[kommun.encoding]"
)


def test_a_file_not_in_utf8_is_read_as_windows_1252_with_a_warning(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("bad-encoding")
    app = build(src)
    assert warning_lines(app) == [ENCODING_WARNING]
    # nothing lost: the letters are the ones written
    text = html_text(app.outdir / "index.html")
    assert "Förvaltningen ser inget behov av förslaget." in text
    assert "Socialnämnden" in text
    suppressed = build(
        src, confoverrides={"suppress_warnings": ["kommun.encoding"]}, freshenv=True
    )
    assert warning_lines(suppressed) == []
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="cp1252"), encoding="utf-8")
    assert warning_lines(build(src, freshenv=True)) == []


def test_an_included_file_not_in_utf8_is_warned_at_that_file(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    (src / "bakgrund.txt").write_bytes(
        "Bakgrund\n\nStadsdelsnämnderna har yttrat sig.\n".encode("cp1252")
    )
    append(src / "annat.rst", "\n.. include:: bakgrund.txt\n")
    app = build(src, confoverrides={"exclude_patterns": ["bakgrund.txt"]})
    assert warning_lines(app) == [
        "bakgrund.txt:3: WARNING: filen är inte sparad som UTF-8 (rad 3 är den "
        "första som inte är det); den läses som Windows-1252 – spara den som UTF-8 "
        "[kommun.encoding]"
    ]
    assert "Stadsdelsnämnderna har yttrat sig." in html_text(app.outdir / "annat.html")


def test_a_byte_order_mark_before_a_directive_is_ignored(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """A U+FEFF (from a file joined to another) before ``.. remiss::``: the
    remiss is a remiss, and the compilation quotes the answer to it."""
    app = build(project_copy("bad-byte-order-mark"))
    assert warning_lines(app) == []
    text = html_text(app.outdir / "index.html")
    assert ".. remiss::" not in text
    assert "Ärendet har remitterats till socialnämnden." in text
    assert "Socialnämnden behandlade ärendet vid sitt sammanträde den 20 mars" in text


def test_a_decomposed_name_is_the_same_name(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """``Socialnämnden`` pasted from macOS (``a`` + combining diaeresis)
    answers the remiss to Socialnämnden, and its anchor is the usual one."""
    app = build(project_copy("bad-decomposed-name"))
    assert warning_lines(app) == []
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'id="ks-2020-1-yttrande-socialnämnden"' in page
    assert "a\u0308" not in page


@pytest.mark.parametrize(
    "char", ["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c"]
)
def test_a_line_break_only_python_sees_becomes_a_space(char: str) -> None:
    from sphinx_kommun.reading import normalise_source

    text = f"rad ett{char}fortfarande rad ett\nrad två\n"
    assert len(text.splitlines()) == 3
    assert normalise_source(text) == "rad ett fortfarande rad ett\nrad två\n"


def test_source_text_is_composed_and_loses_its_byte_order_marks() -> None:
    from sphinx_kommun.reading import normalise_source

    assert normalise_source("\ufeffSocialna\u0308mnden\n\ufeff.. remiss::\n") == (
        "Socialnämnden\n.. remiss::\n"
    )
