"""The rådsberedning passage: parsing, the sentence, HTML, LaTeX and English."""

from __future__ import annotations

import datetime as dt

import pytest
import sphinx_kommun_radsberedning as plugin
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import built_with_plugin, line_of, warnings_of

ENTRY_POINT = "radsberedning"

SENTENCE_SV = (
    "Ärendet har behandlats i funktionshinderrådet den 21 augusti 2019, "
    "i pensionärsrådet den 22 augusti 2019 och i förvaltningsgruppen den "
    "22 augusti 2019."
)
SENTENCE_EN = (
    "The matter was considered by funktionshinderrådet on 21 August 2019, "
    "by pensionärsrådet on 22 August 2019, and by förvaltningsgruppen on "
    "22 August 2019."
)


def built(app: SphinxTestApp) -> SphinxTestApp:
    return built_with_plugin(app, ENTRY_POINT)


def passages(app: SphinxTestApp) -> list:
    soup = BeautifulSoup(
        (app.outdir / "yttrande.html").read_text("utf-8"), "html.parser"
    )
    return soup.select(".kommun-avsnitt-radsberedning")


# -- parsing ------------------------------------------------------------------------


def test_entries_one_per_line_or_semicolons() -> None:
    expected = (
        ("funktionshinderrådet", dt.date(2019, 8, 21)),
        ("pensionärsrådet", dt.date(2019, 8, 22)),
    )
    assert (
        plugin.validate_councils(
            "funktionshinderrådet 2019-08-21\npensionärsrådet 2019-08-22"
        )
        == expected
    )
    assert (
        plugin.validate_councils(
            "funktionshinderrådet 2019-08-21;  pensionärsrådet   2019-08-22 ;"
        )
        == expected
    )


def test_bodies_of_several_words() -> None:
    assert plugin.validate_councils(
        "förvaltningsgruppen 2020-09-15; rådet för funktionshinderfrågor 2020-09-17"
    ) == (
        ("förvaltningsgruppen", dt.date(2020, 9, 15)),
        ("rådet för funktionshinderfrågor", dt.date(2020, 9, 17)),
    )
    # written as in the sentence
    assert plugin.validate_councils("i pensionärsrådet 2019-08-22") == (
        ("pensionärsrådet", dt.date(2019, 8, 22)),
    )


@pytest.mark.parametrize(
    ("written", "bad", "says"),
    [
        (
            "pensionärsrådet 2019-02-30",
            "pensionärsrådet 2019-02-30",
            "inte ett giltigt datum",
        ),
        ("pensionärsrådet", "pensionärsrådet", "saknar datum"),
        ("2019-08-22", "2019-08-22", "saknar rådet eller gruppen"),
        (
            "pensionärsrådet 22/8 2019",
            "pensionärsrådet 22/8 2019",
            "'22/8 2019' är inte ett datum på formen ÅÅÅÅ-MM-DD",
        ),
        (
            "funktionshinderrådet 2019-08-21; pensionärsrådet 2019-13-01",
            "pensionärsrådet 2019-13-01",
            "inte ett giltigt datum",
        ),
        ("", "", "ange minst ett råd"),
    ],
)
def test_wrong_entries_are_named(written: str, bad: str, says: str) -> None:
    with pytest.raises(ValueError) as info:
        plugin.validate_councils(written)
    message = str(info.value)
    assert says in message
    if bad:
        assert f"'{bad}'" in message


def test_every_wrong_entry_is_named() -> None:
    with pytest.raises(ValueError) as info:
        plugin.validate_councils("a 2019-02-30; b; c 2019-08-22")
    message = str(info.value)
    assert "'a 2019-02-30'" in message
    assert "'b'" in message
    assert "'c 2019-08-22'" not in message


# -- the sentence ------------------------------------------------------------------


def test_sentence_in_date_order() -> None:
    found = plugin.validate_councils(
        "pensionärsrådet 2019-08-22; förvaltningsgruppen 2019-08-22; "
        "funktionshinderrådet 2019-08-21"
    )
    assert plugin.sentence(found, "sv") == SENTENCE_SV
    assert plugin.sentence(found, "en") == SENTENCE_EN


def test_sentence_with_one_and_two() -> None:
    one = (("förvaltningsgruppen", dt.date(2020, 9, 15)),)
    assert (
        plugin.sentence(one, "sv")
        == "Ärendet har behandlats i förvaltningsgruppen den 15 september 2020."
    )
    two = (*one, ("rådet för funktionshinderfrågor", dt.date(2020, 9, 17)))
    assert plugin.sentence(two, "sv") == (
        "Ärendet har behandlats i förvaltningsgruppen den 15 september 2020 och i "
        "rådet för funktionshinderfrågor den 17 september 2020."
    )


def test_build_keeps_the_content_after_the_sentence() -> None:
    content = [nodes.paragraph("", "Mer text.")]
    found = plugin.validate_councils("pensionärsrådet 2019-08-22")
    built_nodes = plugin.build({"rad": found}, content, "sv")
    assert [n.astext() for n in built_nodes] == [
        "Ärendet har behandlats i pensionärsrådet den 22 augusti 2019.",
        "Mer text.",
    ]
    assert plugin.build({}, content, "sv") == content


# -- builds ------------------------------------------------------------------------


@pytest.mark.sphinx(
    "html", testroot="radsberedning", srcdir="plugin-radsberedning-html", freshenv=True
)
def test_html(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    (passage,) = passages(app)
    paragraphs = [p.get_text(" ", strip=True) for p in passage.find_all("p")]
    assert paragraphs == [SENTENCE_SV, "Rådens synpunkter har beaktats."]
    assert "kommun-radsberedning" in passage.find("p")["class"]
    # a passage without heading, inside "Ärendets beredning"
    assert passage.find(["h1", "h2", "h3", "h4"]) is None
    section = passage.find_parent("section")
    assert (
        section.find(["h2", "h3"]).get_text(strip=True).startswith("Ärendets beredning")
    )


@pytest.mark.sphinx(
    "latex",
    testroot="radsberedning",
    srcdir="plugin-radsberedning-latex",
    freshenv=True,
)
def test_latex(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    tex = "\n".join(p.read_text("utf-8") for p in sorted(app.outdir.glob("*.tex")))
    flat = " ".join(tex.split())
    assert SENTENCE_SV in flat
    assert flat.index("Ärendets beredning") < flat.index(SENTENCE_SV)
    assert flat.index(SENTENCE_SV) < flat.index("Rådens synpunkter har beaktats.")


@pytest.mark.sphinx(
    "html",
    testroot="radsberedning",
    srcdir="plugin-radsberedning-en",
    freshenv=True,
    confoverrides={"language": "en"},
)
def test_english(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    (passage,) = passages(app)
    assert passage.find("p").get_text(" ", strip=True) == SENTENCE_EN


@pytest.mark.sphinx(
    "html",
    testroot="radsberedning-fel",
    srcdir="plugin-radsberedning-fel",
    freshenv=True,
)
def test_validation_errors_are_warnings_at_the_option(app: SphinxTestApp) -> None:
    built(app)
    lines = [line for line in warnings_of(app).splitlines() if line.strip()]
    assert len(lines) == 3, lines
    source = app.srcdir / "yttrande.rst"
    options = (
        ":rad: pensionärsrådet 2019-02-30",
        ":rad: 2019-08-22",
        ":rad: förvaltningsgruppen 22/8 2019",
    )
    linenos = [line_of(source, option) for option in options]
    for line, lineno in zip(lines, linenos, strict=True):
        assert f"yttrande.rst:{lineno}:" in line
        assert "[kommun.avsnitt]" in line
        assert "'rad'" in line
    assert "'pensionärsrådet 2019-02-30'" in lines[0]
    assert "'funktionshinderrådet' saknar datum" in lines[0]
    assert "'2019-08-22' saknar rådet eller gruppen" in lines[1]
    assert "'förvaltningsgruppen 22/8 2019'" in lines[2]
    # no sentence is made of a wrong list; the content stays
    texts = [p.get_text(" ", strip=True) for p in passages(app)]
    assert texts[0] == "Texten finns kvar."
    assert not any("behandlats" in text for text in texts)
