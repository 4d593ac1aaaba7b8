"""The Jämställdhetsanalys section: validation, HTML, LaTeX, PDF and English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sphinx_kommun_jamstalldhet as plugin
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import (
    built_with_plugin,
    latexmk,
    line_of,
    pdf_text,
    warnings_of,
)

ENTRY_POINT = "jamstalldhetsanalys"


def built(app: SphinxTestApp) -> SphinxTestApp:
    return built_with_plugin(app, ENTRY_POINT)


def sections(app: SphinxTestApp, page: str = "yttrande.html") -> list:
    soup = BeautifulSoup((app.outdir / page).read_text("utf-8"), "html.parser")
    return soup.select("section.kommun-jamstalldhet")


def tex_of(app: SphinxTestApp) -> str:
    files = sorted(app.outdir.glob("*.tex"))
    assert files, "the LaTeX builder wrote no .tex file"
    return "\n".join(path.read_text("utf-8") for path in files)


# -- the values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "word"),
    [
        ("könsneutral", "könsneutral"),
        ("Könsneutral", "könsneutral"),
        ("  KÖNSNEUTRAL ", "könsneutral"),
        ("konsneutral", "könsneutral"),
        ("Påverkar kvinnor\n och män olika", "påverkar kvinnor och män olika"),
        ("ej relevant", "ej relevant"),
        ("Ej Relevant", "ej relevant"),
    ],
)
def test_assessment_is_case_insensitive(written: str, word: str) -> None:
    assert plugin.validate_assessment(written) == word


@pytest.mark.parametrize("written", ["neutral", "relevant", "", "könsneutralt"])
def test_wrong_assessment_names_the_allowed_words(written: str) -> None:
    with pytest.raises(ValueError) as info:
        plugin.validate_assessment(written)
    message = str(info.value)
    for word in plugin.ASSESSMENTS:
        assert f"'{word}'" in message


def test_build_puts_the_assessment_first() -> None:
    from docutils import nodes

    content = [nodes.paragraph("", "Analysen.")]
    sv = plugin.build({"bedomning": "ej relevant"}, content, "sv")
    assert [n.astext() for n in sv] == ["Bedömning: ej relevant.", "Analysen."]
    en = plugin.build({"bedomning": "ej relevant"}, content, "en")
    assert en[0].astext() == "Assessment: not relevant."
    # without an assessment (or with a wrong one, dropped) the text stays
    assert plugin.build({}, content, "sv") == content


def test_css_is_shipped_with_the_package() -> None:
    (path,) = plugin.kommun_static_files()
    assert Path(path).is_absolute()
    assert Path(path).is_file()
    assert ".kommun-jamstalldhet" in Path(path).read_text("utf-8")


# -- builds ------------------------------------------------------------------------


@pytest.mark.sphinx(
    "html", testroot="jamstalldhet", srcdir="plugin-jamstalldhet-html", freshenv=True
)
def test_html(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    (section,) = sections(app)
    assert (
        section.find(["h2", "h3", "h4"])
        .get_text(strip=True)
        .startswith("Jämställdhetsanalys")
    )
    paragraphs = [p.get_text(" ", strip=True) for p in section.find_all("p")]
    assert paragraphs[0] == "Bedömning: könsneutral."
    assert paragraphs[1].startswith("Förslaget om myndighetsgemensamma aktionsgrupper")
    # the section sits in the yttrande, after the section that precedes it
    assert section.find_parent(class_="kommun-yttrande") is not None
    # the utlåtande may have one too
    (section,) = sections(app, "utlatande.html")
    assert section.find("p").get_text(" ", strip=True) == "Bedömning: ej relevant."
    assert section.find_parent(class_="kommun-utlatande") is not None
    # the stylesheet is copied and linked
    page = (app.outdir / "yttrande.html").read_text("utf-8")
    assert "kommun-jamstalldhet.css" in page
    assert list(app.outdir.glob("_static/**/kommun-jamstalldhet.css"))


@pytest.mark.sphinx(
    "latex", testroot="jamstalldhet", srcdir="plugin-jamstalldhet-latex", freshenv=True
)
def test_latex(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    tex = tex_of(app)
    # the plugin's environment is defined in the preamble …
    preamble = tex[: tex.index(r"\begin{document}")]
    assert r"\newenvironment{kommunjamstalldhet}" in preamble
    assert (
        r"\newenvironment{sphinxclasskommunenv-kommunjamstalldhet}"
        r"{\begin{kommunjamstalldhet}}{\end{kommunjamstalldhet}}" in preamble
    )
    # … and holds each section's body
    assert tex.count(r"\begin{sphinxuseclass}{kommunenv-kommunjamstalldhet}") == 2
    start = tex.index(r"\begin{sphinxuseclass}{kommunenv-kommunjamstalldhet}")
    end = tex.index(r"\end{sphinxuseclass}", start)
    body = tex[start:end]
    assert "Bedömning:} könsneutral." in body
    assert "myndighetsgemensamma aktionsgrupper" in body
    assert "Jämställdhetsanalys" in tex[:start]


@pytest.mark.skipif(
    not (shutil.which("latexmk") and shutil.which("pdftotext")),
    reason="needs latexmk and pdftotext (texlive, poppler-utils)",
)
@pytest.mark.sphinx(
    "latex", testroot="jamstalldhet", srcdir="plugin-jamstalldhet-pdf", freshenv=True
)
def test_pdf_keeps_the_text(app: SphinxTestApp) -> None:
    built(app)
    (tex,) = app.outdir.glob("*.tex")
    text = pdf_text(latexmk(app.outdir, tex.name))
    flat = " ".join(text.split())
    assert "Jämställdhetsanalys Bedömning: könsneutral." in flat
    assert (
        "Förslaget om myndighetsgemensamma aktionsgrupper påverkar kvinnor och män "
        "på ungefär samma sätt." in flat
    )


@pytest.mark.sphinx(
    "html",
    testroot="jamstalldhet",
    srcdir="plugin-jamstalldhet-en",
    freshenv=True,
    confoverrides={"language": "en"},
)
def test_english(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    (section,) = sections(app)
    text = section.get_text(" ", strip=True)
    assert "Assessment: gender-neutral." in text
    assert "Bedömning" not in text


@pytest.mark.sphinx(
    "html", testroot="jamstalldhet-fel", srcdir="plugin-jamstalldhet-fel", freshenv=True
)
def test_validation_errors_are_warnings_at_the_option(app: SphinxTestApp) -> None:
    built(app)
    lines = [line for line in warnings_of(app).splitlines() if line.strip()]
    assert len(lines) == 2, lines
    wrong, empty = lines
    source = app.srcdir / "yttrande.rst"
    assert f"yttrande.rst:{line_of(source, ':bedomning: neutral')}:" in wrong
    assert "[kommun.avsnitt]" in wrong
    assert "'neutral' är ingen bedömning" in wrong
    assert (
        "'könsneutral', 'påverkar kvinnor och män olika' eller 'ej relevant'" in wrong
    )
    assert f"yttrande.rst:{line_of(source, ':bedömning:')}:" in empty
    assert "[kommun.avsnitt]" in empty
    assert "bedömningen saknas" in empty
    # the analysis text is kept, without an assessment line
    texts = [s.get_text(" ", strip=True) for s in sections(app)]
    assert len(texts) == 2
    assert "Texten finns kvar trots att bedömningen är fel." in texts[0]
    assert not any("Bedömning:" in text for text in texts)
