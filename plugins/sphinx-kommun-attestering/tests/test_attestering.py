"""The "Attesterat av" block, the utlåtande's :attesterat: and the checks."""

from __future__ import annotations

import datetime as dt
import shutil
from types import SimpleNamespace

import pytest
import sphinx_kommun_attestering as plugin
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain.model import Person
from sphinx_kommun.kinds.utlatande import Utlatande
from sphinx_kommun.kinds.yttrande import Yttrande
from sphinx_kommun.testing import (
    built_with_plugin,
    latexmk,
    line_of,
    pdf_text,
    warnings_of,
)

ENTRY_POINT = "attestering"


def built(app: SphinxTestApp) -> SphinxTestApp:
    return built_with_plugin(app, ENTRY_POINT)


def soup_of(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text("utf-8"), "html.parser")


def table_rows(block) -> list[list[str]]:
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in block.find("table").find_all("tr")
    ]


def yttrande(**kwargs) -> Yttrande:
    values = {
        "id": "ks-2019-1899-yttrande-x",
        "docname": "yttrande",
        "lineno": 4,
        "dnr": "KS 2019/1899",
        "title": "Hägersten-Älvsjö stadsdelsnämnd",
        "instans": "Hägersten-Älvsjö stadsdelsnämnd",
        "meeting": dt.date(2020, 9, 24),
        "signatories": (
            Person("Gunilla Davidsson", role="stadsdelsdirektör"),
            Person("Toni Mellblom", role="avdelningschef"),
        ),
        "attestations": (
            Person(
                "Gunilla Davidsson", role="stadsdelsdirektör", date=dt.date(2020, 9, 8)
            ),
            Person("Toni Mellblom", role="avdelningschef", date=dt.date(2020, 9, 7)),
        ),
    }
    values.update(kwargs)
    return Yttrande(**values)


# -- the utlåtande's field ------------------------------------------------------------


def test_field_only_on_the_utlatande() -> None:
    (field,) = plugin.kommun_object_fields("utlatande")
    assert field["name"] == "attesterat"
    assert field["label"] == ""  # not in the header
    assert field["help"]
    for kind in ("yttrande", "arende", "motion", "beslut"):
        assert plugin.kommun_object_fields(kind) == []


def test_value_is_normalised() -> None:
    written = (
        "Gunilla Davidsson ,  stadsdelsdirektör, 2020-09-08\n"
        "  Toni Mellblom, avdelningschef,2020-09-07 ;"
    )
    assert plugin.validate_attesterat(written) == (
        "Gunilla Davidsson, stadsdelsdirektör, 2020-09-08; "
        "Toni Mellblom, avdelningschef, 2020-09-07"
    )
    # a role may hold commas
    assert (
        plugin.validate_attesterat(
            "Anna A, avdelningschef, avdelningen för social omsorg, 2020-09-07"
        )
        == "Anna A, avdelningschef, avdelningen för social omsorg, 2020-09-07"
    )


@pytest.mark.parametrize(
    ("written", "says"),
    [
        (
            "Anna König Jerlmyr, 2021-02-10",
            "'Anna König Jerlmyr, 2021-02-10' saknar roll",
        ),
        ("Anna König Jerlmyr, finansborgarråd", "saknar datum"),
        ("Anna König Jerlmyr", "ska skrivas 'Namn, roll, ÅÅÅÅ-MM-DD'"),
        (", borgarråd, 2021-02-10", "saknar namn"),
        (
            "Jan Jönsson, borgarråd, 2021-02-30",
            "'2021-02-30' är inte ett giltigt datum",
        ),
        (
            "Jan Jönsson, borgarråd, 10/2 2021",
            "'10/2 2021' är inte ett datum på formen ÅÅÅÅ-MM-DD",
        ),
        ("", "ange minst en attestering"),
    ],
)
def test_wrong_values(written: str, says: str) -> None:
    with pytest.raises(ValueError) as info:
        plugin.validate_attesterat(written)
    assert says in str(info.value)


# -- the block ----------------------------------------------------------------------


def test_footer_replaces_the_builtin_part() -> None:
    (part,) = plugin.kommun_footer(yttrande(), "sv")
    assert part["key"] == "attestering"
    (block,) = part["nodes"]
    assert isinstance(block, nodes.container)
    (table,) = block.findall(nodes.table)
    assert "colwidths-given" in table["classes"]
    assert [c["colwidth"] for c in table.findall(nodes.colspec)] == [3, 3, 2]
    rows = [
        [entry.astext() for entry in row.findall(nodes.entry)]
        for row in table.findall(nodes.row)
    ]
    assert rows == [
        ["Namn", "Roll", "Datum"],
        ["Toni Mellblom", "avdelningschef", "7 september 2020"],
        ["Gunilla Davidsson", "stadsdelsdirektör", "8 september 2020"],
    ]
    assert block.astext().startswith(
        "Attesterat av\n\nDetta dokument har godkänts digitalt av följande personer:"
    )
    assert block.astext().endswith("Alla undertecknare har attesterat.")


def test_no_all_line_when_a_signatory_has_not_attested() -> None:
    obj = yttrande(
        signatories=(*yttrande().signatories, Person("Lisa Lind", role="chef"))
    )
    (part,) = plugin.kommun_footer(obj, "sv")
    assert "Alla undertecknare" not in part["nodes"][0].astext()
    # nor without signatories
    (part,) = plugin.kommun_footer(yttrande(signatories=()), "sv")
    assert "Alla undertecknare" not in part["nodes"][0].astext()


def test_footer_in_english() -> None:
    (part,) = plugin.kommun_footer(yttrande(), "en")
    text = part["nodes"][0].astext()
    assert "Approved by" in text
    assert "This document has been approved digitally by the following persons:" in text
    assert "7 September 2020" in text
    assert "All signatories have approved." in text
    assert "Attesterat" not in text


def test_nothing_without_attestations() -> None:
    assert plugin.kommun_footer(yttrande(attestations=()), "sv") == []
    utlatande = Utlatande(id="u", docname="u", lineno=1, dnr="KS 2019/1899", title="U")
    assert plugin.kommun_footer(utlatande, "sv") == []


def test_footer_of_an_utlatande() -> None:
    utlatande = Utlatande(
        id="u",
        docname="u",
        lineno=1,
        dnr="KS 2019/1899",
        title="U",
        signatories=(Person("ANNA KÖNIG JERLMYR"), Person("Jan Jönsson")),
        extra=(
            (
                "attesterat",
                "Jan Jönsson, borgarråd, 2021-02-12; "
                "Anna König Jerlmyr, finansborgarråd, 2021-02-10",
            ),
        ),
    )
    (part,) = plugin.kommun_footer(utlatande, "sv")
    text = part["nodes"][0].astext()
    assert text.index("Anna König Jerlmyr") < text.index("Jan Jönsson")
    assert "10 februari 2021" in text
    # names are compared without regard to case
    assert "Alla undertecknare har attesterat." in text


# -- the checks -----------------------------------------------------------------------


def findings_for(*objects) -> list[dict]:
    index = SimpleNamespace(by_id={obj.id: obj for obj in objects})
    return plugin.kommun_checks(index)


def test_checks_pass_a_correct_yttrande() -> None:
    assert findings_for(yttrande()) == []
    # a yttrande without attestations is not checked
    assert findings_for(yttrande(attestations=())) == []


def test_checks() -> None:
    obj = yttrande(
        attestations=(
            Person(
                "Gunilla Davidsson", role="stadsdelsdirektör", date=dt.date(2020, 9, 25)
            ),
            Person("Lisa Lind", date=dt.date(2020, 9, 7)),
        )
    )
    findings = findings_for(obj)
    assert all(f["object"] is obj and f["subtype"] == "attestering" for f in findings)
    messages = [f["message"] for f in findings]
    assert messages == [
        "Gunilla Davidsson attesterade 2020-09-25, efter nämndens sammanträde "
        "2020-09-24 (:sammantrade:)",
        "attesteringen av Lisa Lind saknar roll; skriv 'Namn, roll, ÅÅÅÅ-MM-DD' "
        "i :attesterat:",
        "undertecknaren Toni Mellblom har inte attesterat yttrandet (:attesterat:)",
    ]


def test_attestation_on_the_meeting_day_is_fine() -> None:
    obj = yttrande(
        signatories=(),
        attestations=(Person("A", role="chef", date=dt.date(2020, 9, 24)),),
    )
    assert findings_for(obj) == []
    # without a meeting date there is nothing to compare with
    obj = yttrande(
        meeting=None,
        signatories=(),
        attestations=(Person("A", role="chef", date=dt.date(2030, 1, 1)),),
    )
    assert findings_for(obj) == []


# -- builds ---------------------------------------------------------------------------


@pytest.mark.sphinx(
    "html", testroot="attestering", srcdir="plugin-attestering-html", freshenv=True
)
def test_html(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    soup = soup_of(app, "yttrande.html")
    (block,) = soup.select(".kommun-attestation")  # the built-in one is replaced
    assert block.select_one(".rubric").get_text(strip=True) == "Attesterat av"
    assert table_rows(block) == [
        ["Namn", "Roll", "Datum"],
        ["Toni Mellblom", "avdelningschef", "7 september 2020"],
        ["Gunilla Davidsson", "stadsdelsdirektör", "8 september 2020"],
    ]
    assert (
        block.select_one(".kommun-attestation-all").get_text(strip=True)
        == "Alla undertecknare har attesterat."
    )
    # the utlåtande's block, from its :attesterat:, which is not in its header
    soup = soup_of(app, "utlatande.html")
    (block,) = soup.select(".kommun-attestation")
    assert table_rows(block)[1:] == [
        ["ANNA KÖNIG JERLMYR", "finansborgarråd", "10 februari 2021"],
        ["Jan Jönsson", "borgarråd", "12 februari 2021"],
    ]
    assert "Alla undertecknare har attesterat." in block.get_text(" ", strip=True)
    header = soup.select_one(".kommun-utlatande-header").get_text(" ", strip=True)
    assert "finansborgarråd" not in header


@pytest.mark.sphinx(
    "latex", testroot="attestering", srcdir="plugin-attestering-latex", freshenv=True
)
def test_latex(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    tex = "\n".join(p.read_text("utf-8") for p in sorted(app.outdir.glob("*.tex")))
    assert tex.count(r"\begin{sphinxuseclass}{kommun-attestation}") == 2
    start = tex.index(r"\begin{sphinxuseclass}{kommun-attestation}")
    block = tex[
        start : tex.index(
            r"\end{sphinxuseclass}", tex.index("Alla undertecknare", start)
        )
    ]
    assert "Attesterat av" in block
    # the column widths given are used
    assert r"\X{3}{8}\X{3}{8}\X{2}{8}" in block
    for text in ("Namn", "Roll", "Datum", "Toni Mellblom", "7 september 2020"):
        assert text in block
    assert "Alla undertecknare har attesterat." in tex


@pytest.mark.skipif(
    not (shutil.which("latexmk") and shutil.which("pdftotext")),
    reason="needs latexmk and pdftotext (texlive, poppler-utils)",
)
@pytest.mark.sphinx(
    "latex", testroot="attestering", srcdir="plugin-attestering-pdf", freshenv=True
)
def test_pdf(app: SphinxTestApp) -> None:
    built(app)
    (tex,) = app.outdir.glob("*.tex")
    text = pdf_text(latexmk(app.outdir, tex.name), layout=True)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Namn Roll Datum" in lines
    assert "Toni Mellblom avdelningschef 7 september 2020" in lines
    assert "Alla undertecknare har attesterat." in lines


@pytest.mark.sphinx(
    "html",
    testroot="attestering",
    srcdir="plugin-attestering-en",
    freshenv=True,
    confoverrides={"language": "en"},
)
def test_english(app: SphinxTestApp) -> None:
    built(app)
    assert warnings_of(app) == ""
    (block,) = soup_of(app, "yttrande.html").select(".kommun-attestation")
    assert block.select_one(".rubric").get_text(strip=True) == "Approved by"
    assert table_rows(block)[:2] == [
        ["Name", "Role", "Date"],
        ["Toni Mellblom", "avdelningschef", "7 September 2020"],
    ]
    text = block.get_text(" ", strip=True)
    assert "This document has been approved digitally" in text
    assert "All signatories have approved." in text


@pytest.mark.sphinx(
    "html", testroot="attestering-fel", srcdir="plugin-attestering-fel", freshenv=True
)
def test_wrong_values_and_findings_are_warnings(app: SphinxTestApp) -> None:
    built(app)
    lines = [line for line in warnings_of(app).splitlines() if line.strip()]
    assert len(lines) == 4, lines
    (field,) = [line for line in lines if "utlatande.rst" in line]
    # a wrong value is a warning at its option's line
    at = line_of(app.srcdir / "utlatande.rst", ":attesterat:")
    assert f"utlatande.rst:{at}:" in field
    assert "[kommun.field]" in field
    assert "'attesterat'" in field
    assert "'Anna König Jerlmyr, 2021-02-10' saknar roll" in field
    assert "'Jan Jönsson, borgarråd, 2021-02-30'" in field
    checks = [line for line in lines if "yttrande.rst" in line]
    assert len(checks) == 3
    # the checks of the approvals are at the :attesterat: line too
    at = line_of(app.srcdir / "yttrande.rst", ":attesterat:")
    for line in checks:
        assert f"yttrande.rst:{at}:" in line
        assert line.endswith("[kommun.attestering]")
    joined = "\n".join(checks)
    assert (
        "Gunilla Davidsson attesterade 2020-09-25, efter nämndens sammanträde 2020-09-24"
        in joined
    )
    assert "attesteringen av Lisa Lind saknar roll" in joined
    assert "undertecknaren Toni Mellblom har inte attesterat yttrandet" in joined
    # a wrong :attesterat: gives the utlåtande no block
    assert not soup_of(app, "utlatande.html").select(".kommun-attestation")
    # the yttrande's block has no "all" line: Toni Mellblom has not attested
    (block,) = soup_of(app, "yttrande.html").select(".kommun-attestation")
    assert not block.select(".kommun-attestation-all")
    assert table_rows(block)[1] == ["Lisa Lind", "–", "7 september 2020"]
