"""Every shape of ärende in any kommun: several skrivelser with numbered
beslutspunkter (Göteborg), a nämnd's own tjänsteskrivelse (Uppsala), a
medborgarförslag to fullmäktige (Västerås), and the profiles' words."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import warning_lines, warnings_of

from .conftest import append, broken_links, edit, html_text
from .test_incremental import rebuild_equals_fresh

Build = Callable[..., SphinxTestApp]
Copy = Callable[[str], Path]


def page(app: SphinxTestApp, name: str) -> str:
    return html_text(app.outdir / f"{name}.html")


def soup(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text("utf-8"), "html.parser"
    )


def table_rows(app: SphinxTestApp, name: str, css_class: str) -> list[list[str]]:
    """The rows of the first table with ``css_class``, each cell's text."""
    table = soup(app, name).find("table", class_=css_class)
    assert table is not None, f"no {css_class} table in {name}"
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
        for row in table.find_all("tr")
    ]


# -- several skrivelser, numbered beslutspunkter (Göteborg) ---------------------------


@pytest.fixture
def skrivelser(project_copy: Copy, build: Build) -> SphinxTestApp:
    return build(project_copy("skrivelser"))


def test_several_skrivelser_are_answered_together(skrivelser: SphinxTestApp) -> None:
    assert warnings_of(skrivelser) == ""
    assert broken_links(skrivelser.outdir) == set()
    text = page(skrivelser, "tjansteutlatande")
    assert (
        "Skrivelser av Hampus Magnusson m.fl. (M), Helene Odenjung (L) och "
        "Blerta Hoti (S)" in text
    )
    assert (
        "Stadsledningskontoret föreslår kommunstyrelsen att besluta följande." in text
    )
    # each skrivelse keeps its own dnr beside the ärende's
    skrivelser_page = page(skrivelser, "skrivelser")
    for own in ("0398/21", "0412/21", "0431/21"):
        assert f"Diarienummer: 0456/21, {own}" in skrivelser_page


def test_every_att_sats_of_every_skrivelse_gets_the_outcome_of_its_point(
    skrivelser: SphinxTestApp,
) -> None:
    assert table_rows(skrivelser, "beslut", "kommun-outcomes") == [
        ["Beslutspunkt", "Förslag", "Utfall"],
        ["Beslutspunkt 1", "Skrivelserna anses besvarade.", "bifall"],
        [
            "Beslutspunkt 2",
            "Lokalnämnden får i uppdrag att planera för en ny simhall i Angered.",
            "bifall",
        ],
        [
            "Beslutspunkt 3",
            "Idrotts- och föreningsnämnden får i uppdrag att erbjuda simskola "
            "under sommarlovet 2022.",
            "bifall",
        ],
    ]
    rows = soup(skrivelser, "beslut").find_all("table", class_="kommun-outcomes")[1]
    decided = [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
        for row in rows.find_all("tr")
    ]
    assert [row[0] for row in decided] == [
        "Handling",
        "Skrivelse 0398/21, att-sats 1",
        "Skrivelse 0412/21, att-sats 1",
        "Skrivelse 0412/21, att-sats 2",
        "Skrivelse 0431/21, att-sats 1",
    ]
    assert {row[2] for row in decided[1:]} == {"anses besvarad"}


def test_a_reservation_against_one_point(skrivelser: SphinxTestApp) -> None:
    beslut = soup(skrivelser, "beslut")
    avser = [a for a in beslut.find_all("a") if "beslutspunkt 3" in a.get_text()]
    assert avser, "the reservation links the point it concerns"
    point_id = avser[-1]["href"].rpartition("#")[2]
    assert point_id.endswith("-punkt-3")
    document = soup(skrivelser, "tjansteutlatande")
    point = document.find(id=point_id)
    assert point is not None
    assert "Reservation av Jörgen Fogelklou (SD) och Ann Catrine Fogelgren (SD)" in (
        point.get_text(" ")
    )
    other = document.find(id=point_id.replace("-punkt-3", "-punkt-2"))
    assert other is not None
    assert "Fogelklou" not in other.get_text(" ")


def test_roles_cite_a_point_and_a_skrivelse_by_its_own_dnr(
    skrivelser: SphinxTestApp,
) -> None:
    text = page(skrivelser, "tjansteutlatande")
    assert (
        "Stadsledningskontoret föreslår att beslutspunkt 2 och beslutspunkt 3 "
        "genomförs inom befintliga ramar. Lokalnämnden tillstyrker Skrivelse om "
        "en ny simhall i Angered." in text
    )


def test_the_compilation_speaks_the_kommuns_words(skrivelser: SphinxTestApp) -> None:
    text = page(skrivelser, "tjansteutlatande")
    assert (
        "Idrotts- och föreningsförvaltningens tjänsteutlåtande daterat den "
        "1 juni 2021 har i huvudsak följande lydelse." in text
    )
    assert "Grundskolenämnden har inte besvarat remissen." in text
    header = table_rows(skrivelser, "tjansteutlatande", "kommun-remiss-table")[0]
    assert header[:2] == ["Remissinstans", "Tjänsteutlåtande"]


def test_the_stance_matrix_has_a_column_per_att_sats(skrivelser: SphinxTestApp) -> None:
    assert table_rows(skrivelser, "tjansteutlatande", "kommun-stance-matrix") == [
        [
            "Remissinstans",
            "Skrivelse 0398/21, att-sats 1",
            "Skrivelse 0412/21, att-sats 1",
            "Skrivelse 0412/21, att-sats 2",
            "Skrivelse 0431/21, att-sats 1",
        ],
        [
            "Idrotts- och föreningsnämnden",
            "tillstyrker",
            "–",
            "tillstyrker",
            "avstyrker",
        ],
        ["Lokalnämnden", "tillstyrker", "–", "–", "–"],
        ["Grundskolenämnden", "Inget svar", "–", "–", "–"],
    ]


def test_a_point_left_out_leaves_every_skrivelse_undecided_with_a_warning(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("skrivelser")
    edit(src / "tjansteutlatande.rst", "      1. Skrivelserna anses besvarade.\n", "")
    edit(src / "tjansteutlatande.rst", "      2. Lokal", "      1. Lokal")
    edit(src / "tjansteutlatande.rst", "      3. Idrotts", "      2. Idrotts")
    edit(
        src / "beslut.rst",
        ":utfall: 1: bifall; 2: bifall; 3: bifall",
        ":utfall: bifall",
    )
    edit(src / "beslut.rst", ":avser: punkt 3", ":avser: punkt 2")
    edit(
        src / "tjansteutlatande.rst",
        ":beslutspunkt:`punkt 3`",
        ":beslutspunkt:`punkt 2`",
    )
    lines = warning_lines(build(src))
    assert lines == [
        f"beslut.rst:4: WARNING: beslutet saknar utfall för att-sats {n} i "
        f"skrivelsen {dnr} ({who}) [kommun.undecided]"
        for n, dnr, who in (
            (1, "0398/21", "Hampus Magnusson m.fl. (M)"),
            (1, "0412/21", "Helene Odenjung (L)"),
            (2, "0412/21", "Helene Odenjung (L)"),
            (1, "0431/21", "Blerta Hoti (S)"),
        )
    ]


def test_an_outcome_on_a_point_that_is_not_there_is_warned_at_its_line(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("skrivelser")
    edit(src / "beslut.rst", "3: bifall", "3: bifall; 4: avslag")
    assert warning_lines(build(src)) == [
        "beslut.rst:8: WARNING: beslutspunkten '4' i :utfall: finns inte i "
        "ärendet [kommun.ref]"
    ]


# -- a nämnd's own ärende: tjänsteskrivelse to beslut (Uppsala) ------------------------


@pytest.fixture
def tjansteskrivelse(project_copy: Copy, build: Build) -> SphinxTestApp:
    return build(project_copy("tjansteskrivelse"))


def test_a_namnds_own_arende_from_tjansteskrivelse_to_beslut(
    tjansteskrivelse: SphinxTestApp,
) -> None:
    assert warnings_of(tjansteskrivelse) == ""
    text = page(tjansteskrivelse, "cykelparkering")
    assert "Dokument: Tjänsteskrivelse Från: Stadsbyggnadsförvaltningen" in text
    assert (
        "Stadsbyggnadsförvaltningen föreslår gatu- och samhällsmiljönämnden att "
        "besluta följande." in text
    )
    assert "Beslut i gatu- och samhällsmiljönämnden" in text
    assert (
        "Fattat vid gatu- och samhällsmiljönämndens sammanträde den 25 maj 2023."
        in text
    )
    agenda = soup(tjansteskrivelse, "sammantrade").find("table")
    assert agenda is not None
    assert agenda.find("a", string="Riktlinjer för cykelparkering vid nybyggnation")
    rows = table_rows(tjansteskrivelse, "cykelparkering", "kommun-outcomes")
    assert [row[0] for row in rows] == [
        "Beslutspunkt",
        "Beslutspunkt 1",
        "Beslutspunkt 2",
    ]
    assert {row[2] for row in rows[1:]} == {"enligt förslaget"}
    # the protokollsanteckning on point 2 is named by its kind
    assert "Avser beslutspunkt 2." in text
    assert "Protokollsanteckning av Linda Eskilsson (V)" in text
    assert "Reservation: Protokollsanteckning" not in text


def test_nothing_stockholm_outside_the_stockholm_profile(
    tjansteskrivelse: SphinxTestApp,
) -> None:
    for path in tjansteskrivelse.outdir.glob("*.html"):
        text = path.read_text("utf-8").casefold()
        for word in ("borgarråd", "tjänsteutlåtande", "stockholm", "rotel"):
            assert word not in text, (path.name, word)


# -- a medborgarförslag to fullmäktige (Västerås) --------------------------------------


@pytest.fixture
def medborgarforslag(project_copy: Copy, build: Build) -> SphinxTestApp:
    return build(project_copy("medborgarforslag"))


def test_a_medborgarforslag_is_answered_by_fullmaktige(
    medborgarforslag: SphinxTestApp,
) -> None:
    assert warnings_of(medborgarforslag) == ""
    text = page(medborgarforslag, "utegym")
    for sentence in (
        "Dokument: Förslag till beslut",
        "Medborgarförslag (2022:14) av Amira Hassan",
        "Kommunstyrelsen föreslår kommunfullmäktige att besluta följande.",
        "Medborgarförslaget anses besvarat med hänvisning till vad som sägs i ärendet.",
        "Föredragande kommunalrådet Elisabeth Unell anför följande.",
        "Ärendet har remitterats till tekniska nämnden och kultur-, idrotts- och "
        "fritidsnämnden.",
        "Tekniska nämnden planerar ett utegym i Bäckbyparken under 2023.",
    ):
        assert sentence in text
    assert table_rows(medborgarforslag, "utegym", "kommun-outcomes")[1] == [
        "Medborgarförslag 2022:14",
        "Medborgarförslag om ett utegym i Bäckby (Amira Hassan)",
        "anses besvarat",
    ]


def test_a_medborgarforslag_without_outcome_is_warned_about(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("medborgarforslag")
    edit(src / "utegym.rst", "   :utfall: anses besvarad\n", "")
    lines = warning_lines(build(src))
    assert lines[-1] == (
        "utegym.rst:64: WARNING: beslutet saknar utfall för medborgarförslaget "
        "KS 2022/01234 (Amira Hassan) [kommun.undecided]"
    )


# -- profiles ------------------------------------------------------------------------


def test_the_region_profile(project_copy: Copy, build: Build) -> None:
    app = build(
        project_copy("medborgarforslag"),
        confoverrides={"kommun_profile": "region"},
    )
    text = page(app, "utegym")
    assert "Regionstyrelsen föreslår regionfullmäktige att besluta följande." in text
    assert "Föredragande regionrådet Elisabeth Unell anför följande." in text
    assert "Beslut i regionfullmäktige" in text


def test_single_entries_of_a_profile_are_overridden_in_conf_py(
    project_copy: Copy, build: Build
) -> None:
    app = build(
        project_copy("medborgarforslag"),
        confoverrides={
            "kommun_vocabulary": {
                "presenter_title": "ordföranden",
                "proposal_title": "Kommunstyrelsens förslag",
                "proper_names": ["Tekniska nämnden"],
            }
        },
    )
    assert warnings_of(app) == ""
    text = page(app, "utegym")
    assert "Föredragande ordföranden Elisabeth Unell anför följande." in text
    assert "Dokument: Kommunstyrelsens förslag" in text
    assert "remitterats till Tekniska nämnden och kultur-" in text


def test_a_yttrande_names_its_own_document_and_form_in_a_sentence(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("medborgarforslag")
    edit(
        src / "utegym.rst",
        "   :forvaltning: Tekniska förvaltningen\n",
        "   :forvaltning: Tekniska förvaltningen\n   :dokument: yttrande\n"
        "   :namnform: Tekniska nämnden\n",
    )
    append_compilation = (
        "\n.. remissammanstallning::\n   :delar: beredning; sammanstallning; tabell\n"
    )
    (src / "utegym.rst").write_text(
        (src / "utegym.rst").read_text("utf-8") + append_compilation, "utf-8"
    )
    app = build(src)
    assert warnings_of(app) == ""
    text = page(app, "utegym")
    assert "remitterats till Tekniska nämnden och kultur-" in text
    # the table's column is the profile's word; the other document says so
    rows = table_rows(app, "utegym", "kommun-remiss-table")
    assert rows[0][1] == "Tjänsteskrivelse"
    assert rows[1][:2] == ["Tekniska nämnden", "22 augusti 2022 (yttrande)"]
    assert rows[2][1] == "30 augusti 2022"
    assert (
        "Tekniska förvaltningens yttrande daterat den 22 augusti 2022 har i "
        "huvudsak följande lydelse." in text
    )
    assert (
        "Kultur-, idrotts- och fritidsförvaltningens tjänsteskrivelse daterad den "
        "30 augusti 2022 har i huvudsak följande lydelse." in text
    )


def test_an_unknown_profile_warns_and_the_ordinary_kommuns_is_used(
    project_copy: Copy, build: Build
) -> None:
    app = build(
        project_copy("medborgarforslag"), confoverrides={"kommun_profile": "gbg"}
    )
    assert re.search(
        r"WARNING: okänd profil 'gbg' i kommun_profile; kända är kommun, region, "
        r"stockholm \[kommun\.config\]",
        warnings_of(app),
    )
    assert "Föredragande kommunalrådet" in page(app, "utegym")


def test_a_bad_profile_entry_warns(project_copy: Copy, build: Build) -> None:
    app = build(
        project_copy("medborgarforslag"),
        confoverrides={"kommun_vocabulary": {"presenter": "ordföranden"}},
    )
    assert "has an unknown entry 'presenter'" in warnings_of(app)
    assert "Föredragande kommunalrådet" in page(app, "utegym")


def test_the_arende_lists_the_dnr_and_a_point_answers_only_what_it_names(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("skrivelser")
    edit(
        src / "arende.rst",
        ".. arende:: 0456/21",
        ".. arende:: 0456/21, 0398/21, 0412/21, 0431/21",
    )
    for own in ("0398/21", "0412/21", "0431/21"):
        edit(src / "skrivelser.rst", f":dnr: 0456/21, {own}", f":dnr: {own}")
    edit(
        src / "tjansteutlatande.rst",
        "1. Skrivelserna anses besvarade.",
        "1. Skrivelserna (0398/21, 0412/21) anses besvarade.",
    )
    edit(
        src / "tjansteutlatande.rst",
        "   tillstyrker :skrivelse:`0398/21`.\n",
        "   tillstyrker :skrivelse:`0398/21`.\n\n   .. beslutspunkt::\n"
        "      :besvarar: 0431/21: avslag\n\n      Badplanen tas fram inom "
        "ramen för lokalförsörjningsplanen.\n",
    )
    edit(src / "beslut.rst", "3: bifall", "3: bifall; 4: bifall")
    app = build(src)
    assert warnings_of(app) == ""
    rows = soup(app, "beslut").find_all("table", class_="kommun-outcomes")[1]
    cells = [row.find_all(["th", "td"]) for row in rows.find_all("tr")[1:]]
    decided = {
        " ".join(row[0].get_text(" ").split()): " ".join(row[2].get_text(" ").split())
        for row in cells
    }
    assert decided == {
        "Skrivelse 0398/21, att-sats 1": "anses besvarad",
        "Skrivelse 0412/21, att-sats 1": "anses besvarad",
        "Skrivelse 0412/21, att-sats 2": "anses besvarad",
        "Skrivelse 0431/21, att-sats 1": "avslag",
    }
    assert "Beslutspunkt 4 Badplanen tas fram" in page(app, "beslut")


def test_the_numbers_a_clerk_cites(project_copy: Copy, build: Build) -> None:
    """Stockholm: "Motion (2019:61) av …", "Utlåtande 2021:37 Rotel VIII"."""
    src = project_copy("case")
    edit(
        src / "motion.rst",
        "   :inlamnad: 2019-12-02\n",
        "   :inlamnad: 2019-12-02\n   :nummer: 2019:61\n",
    )
    edit(
        src / "utlatande.rst",
        "   :rotel: Rotel VIII\n",
        "   :rotel: Rotel VIII\n   :nummer: 2021:37\n",
    )
    app = build(src)
    assert warnings_of(app) == ""
    text = page(app, "utlatande")
    assert "Dokument: Utlåtande 2021:37 Rotel VIII" in text
    assert "Motion (2019:61) av Bengt Herke m.fl. (-)" in text
    assert "Nummer: 2019:61" in page(app, "motion")


def test_a_tjansteskrivelse_called_pm(project_copy: Copy, build: Build) -> None:
    src = project_copy("skrivelser")
    edit(
        src / "tjansteutlatande.rst",
        "   :till: Kommunstyrelsen\n",
        "   :till: Kommunstyrelsen\n   :dokument: PM\n",
    )
    app = build(src)
    assert warnings_of(app) == ""
    assert "Dokument: PM Från: Stadsledningskontoret" in page(app, "tjansteutlatande")
    overview = table_rows(app, "arende", "kommun-overview")
    assert ["PM", "Svar på skrivelser om simhallar och simkunnighet"] in [
        row[:2] for row in overview
    ]


def test_two_tjansteskrivelser_of_one_forvaltning_keep_their_own_ids(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("tjansteskrivelse")
    path = src / "cykelparkering.rst"
    path.write_text(
        path.read_text("utf-8")
        + "\n.. tjansteskrivelse:: Uppföljning av cykelparkeringen vid stationen\n"
        "   :forvaltning: Stadsbyggnadsförvaltningen\n"
        "   :till: Gatu- och samhällsmiljönämnden\n"
        "   :datum: 2023-09-04\n"
        "   :forslag: Gatu- och samhällsmiljönämnden lägger informationen till "
        "handlingarna.\n",
        "utf-8",
    )
    app = build(src)
    assert warnings_of(app) == ""
    overview = [row[1] for row in table_rows(app, "cykelparkering", "kommun-overview")]
    assert "Riktlinjer för cykelparkering vid nybyggnation" in overview
    assert "Uppföljning av cykelparkeringen vid stationen" in overview


def test_the_arende_and_the_meeting_link_their_pdfs(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("tjansteskrivelse")
    app = build(src, confoverrides={"kommun_pdf_url": "pdf"})
    assert warnings_of(app) == ""
    arende = soup(app, "cykelparkering").find("p", class_="kommun-pdf-link")
    assert arende is not None
    assert (
        arende.get_text(" ", strip=True) == "Handlingarna som PDF: gsn-2023-00417.pdf"
    )
    assert arende.a["href"] == "pdf/gsn-2023-00417.pdf"
    meeting = soup(app, "sammantrade").find("p", class_="kommun-pdf-link")
    assert meeting is not None and meeting.a["href"].startswith("pdf/")
    # the names are those of the PDFs the LaTeX builder writes
    latex = build(src, "latex", builddir=src / "_latex")
    written = {path.with_suffix(".pdf").name for path in latex.outdir.glob("*.tex")}
    assert {arende.a["href"][4:], meeting.a["href"][4:]} == written
    # an address, as it is
    app = build(
        src,
        freshenv=True,
        builddir=src / "_web",
        confoverrides={"kommun_pdf_url": "https://handlingar.uppsala.se/pdf/"},
    )
    link = soup(app, "cykelparkering").find("p", class_="kommun-pdf-link").a
    assert link["href"] == "https://handlingar.uppsala.se/pdf/gsn-2023-00417.pdf"


def test_a_yttrande_on_one_skrivelse_answers_only_that_one(
    skrivelser: SphinxTestApp,
) -> None:
    """Lokalnämnden takes a stance on skrivelse 0398/21 only: it is listed
    under that att-sats, not under the other skrivelsers'."""
    text = page(skrivelser, "yttranden")
    start = text.index("Lokalförvaltningen")
    assert "Besvarar att-sats 1 i skrivelse 0398/21 (tillstyrker) " in text[start:]
    assert "Besvarar att-sats 1 i skrivelse 0412/21" not in text[start:]
    document = soup(skrivelser, "skrivelser")
    other = document.find(id="0412-21-skrivelse-att-sats-2")
    assert other is not None
    answered_by = other.get_text(" ")
    assert "Idrotts- och föreningsnämnden" in answered_by
    assert "Lokalnämnden" not in answered_by


# -- a motion to regionfullmäktige, decided per att-sats (Region Västerbotten) --------


@pytest.fixture
def region(project_copy: Copy, build: Build) -> SphinxTestApp:
    return build(project_copy("region"))


def test_a_beslut_per_att_sats_decides_each_att_sats_as_written(
    region: SphinxTestApp,
) -> None:
    """The proposal is written a keyword per att-sats (1: bifall; 2: avslag;
    3: anses besvarad) and regionfullmäktige's beslut the same way: "2:
    avslag" rejects att-sats 2, it does not leave it undecided."""
    assert warnings_of(region) == ""
    tables = soup(region, "kollektivtrafik").find_all("table", class_="kommun-outcomes")
    att_satser = [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
        for row in tables[1].find_all("tr")
    ]
    assert [(row[0], row[2]) for row in att_satser[1:]] == [
        ("Att-sats 1", "bifall"),
        ("Att-sats 2", "avslag"),
        ("Att-sats 3", "anses besvarad"),
    ]


def test_a_remiss_comes_from_the_profiles_styrelse(region: SphinxTestApp) -> None:
    """Region Västerbotten's remiss names no :avsandare:: it is sent by
    regionstyrelsen, and the yttranden answer regionstyrelsen, not a
    kommunstyrelse."""
    assert warnings_of(region) == ""
    text = html_text(region.outdir / "kollektivtrafik.html")
    assert "Avsändare: Regionstyrelsen" in text
    assert "Yttrande till regionstyrelsen RS 2024-00123" in text
    assert "kommunstyrelse" not in text.casefold()


def test_an_outcome_other_than_proposed_on_a_keyword_point_is_the_att_satss(
    project_copy: Copy, build: Build
) -> None:
    """Fullmäktige approves att-sats 2 against the proposal (2: avslag):
    att-sats 2 is approved; "enligt förslaget" still decides as proposed."""
    src = project_copy("region")
    edit(
        src / "kollektivtrafik.rst",
        "   :utfall: 1: bifall; 2: avslag; 3: anses besvarad",
        "   :utfall: 1: enligt förslaget; 2: bifall; 3: enligt förslaget",
    )
    app = build(src)
    assert warnings_of(app) == ""
    tables = soup(app, "kollektivtrafik").find_all("table", class_="kommun-outcomes")
    outcomes = [
        row.find_all("td")[-1].get_text(" ").strip()
        for row in tables[1].find_all("tr")[1:]
    ]
    assert outcomes == ["bifall", "bifall", "anses besvarad"]


def test_two_motionarer_of_different_parties_are_both_named(
    region: SphinxTestApp,
) -> None:
    text = page(region, "kollektivtrafik")
    assert "Motion av Anna Lundberg (S) och Per-Erik Marklund (C)" in text
    assert "Umeå den 27 augusti 2024 På regionstyrelsens vägnar:" in text
    assert "Motion av Anna Lundberg m.fl." not in text


def test_a_reservation_names_the_yttrande_it_concerns_in_a_sentence(
    region: SphinxTestApp,
) -> None:
    text = page(region, "kollektivtrafik")
    assert "Avser regionala utvecklingsnämndens yttrande." in text
    assert "Avser Yttrande:" not in text
    assert "Avser beslutspunkt 2." in text


def test_the_region_case_in_english(project_copy: Copy, build: Build) -> None:
    app = build(project_copy("region"), confoverrides={"language": "en"})
    text = page(app, "kollektivtrafik")
    assert "Proposal clause 2 of the motion is rejected" in text
    assert "Umeå, 27 August 2024 On behalf of Regionstyrelsen:" in text
    assert "of The motion" not in text
    assert "Motion by Anna Lundberg (S) and Per-Erik Marklund (C)" in text
    assert "Concerns the answer from Regionala utvecklingsnämnden." in text
    # no Swedish genitive in an English sentence
    assert (
        "The official report of Regional utveckling dated 29 April 2024 reads in "
        "essence as follows." in text
    )
    assert "The yttrande of Länstrafiken i Västerbotten AB dated 20 May 2024" in text
    assert "AB:s" not in text
    assert "Concerns decision point 2." in text


def test_the_region_case_in_english_says_the_words_in_english(
    project_copy: Copy, build: Build
) -> None:
    """The clerk writes the Swedish keywords (':stallning: 1: delvis
    tillstyrker; 2: avstyrker', ':utfall: 1: bifall; 2: avslag; 3: anses
    besvarad', ':typ: särskilt uttalande'); an English build says them in
    English: the header, the table and the stance matrix, the outcome
    tables, the backlinks, the overview and the reservations."""
    app = build(project_copy("region"), confoverrides={"language": "en"})
    assert warnings_of(app) == ""
    text = page(app, "kollektivtrafik")
    for swedish in (
        "tillstyrker",
        "avstyrker",
        "lämnar synpunkter",
        "bifall",
        "avslag",
        "anses besvarad",
        "särskilt uttalande",
        "Särskilt uttalande",
    ):
        assert swedish not in text, swedish
    answers = soup(app, "kollektivtrafik").find_all(class_="kommun-yttrande-header")
    assert [fields_of(header)["Position"] for header in answers] == [
        "Proposal clause 1: partly supports; proposal clause 2: opposes; "
        "proposal clause 3: supports",
        "Proposal clause 1: submits comments; proposal clause 2: opposes; "
        "proposal clause 3: supports",
    ]
    matrix = table_rows(app, "kollektivtrafik", "kommun-stance-matrix")
    assert matrix[1][1:] == ["partly supports", "opposes", "supports"]
    outcomes = table_rows(app, "kollektivtrafik", "kommun-outcomes")
    assert [row[-1] for row in outcomes[1:]] == [
        "approved",
        "rejected",
        "considered answered",
    ]
    assert "Answers proposal clause 1 (partly supports)" in text
    assert "Regionala utvecklingsnämnden (RS 2024-00123) – opposes" in text
    notes = cell_lines(app, "kollektivtrafik", "kommun-overview")
    assert [
        "Proposal clause 1: approved",
        "Proposal clause 2: rejected",
        "Proposal clause 3: considered answered",
    ] in notes.values()
    assert "Separate statement by Lena Holmgren (V)" in text
    assert "Reservation by Anna Lundberg (S) and Karin Sandberg (S)" in text


def test_the_agenda_leaves_out_a_reservation_made_at_the_meeting(
    project_copy: Copy, build: Build
) -> None:
    """Regionfullmäktige's reservation against its own beslut is made at
    the meeting: no handling on its föredragningslista; one made in
    regionstyrelsen before it is."""
    src = project_copy("region")
    app = build(src)
    assert warnings_of(app) == ""
    handlingar = page(app, "sammantrade")
    assert "Förslag till beslut, Motion" in handlingar
    assert "Reservation av Anna Lundberg" not in handlingar
    edit(
        src / "kollektivtrafik.rst",
        "   :organ: Regionfullmäktige\n   :forfattare: Anna Lundberg (S); "
        "Karin Sandberg (S)\n   :avser: punkt 2\n   :datum: 2024-09-24",
        "   :organ: Regionstyrelsen\n   :forfattare: Anna Lundberg (S); "
        "Karin Sandberg (S)\n   :avser: punkt 2\n   :datum: 2024-08-27",
    )
    app = build(src, freshenv=True)
    assert "Reservation av Anna Lundberg (S) och Karin Sandberg (S)" in page(
        app, "sammantrade"
    )


# -- a medborgarförslag on remiss, answered by fullmäktige (Luleå) -----------------


def test_the_overview_lists_a_later_tjansteskrivelse_after_the_answers(
    project_copy: Copy, build: Build
) -> None:
    """Luleå's tjänsteskrivelse of 11 March 2024 rests on the yttranden to
    the remiss of 6 November 2023: it follows them, as in the diarium."""
    app = build(project_copy("lulea"))
    assert warnings_of(app) == ""
    kinds = [row[0] for row in table_rows(app, "isbana/index", "kommun-overview")]
    assert kinds == [
        "Handling",
        "Medborgarförslag",
        "Remiss",
        "Yttrande",
        "Yttrande",
        "Tjänsteskrivelse",
        "Beslut",
        "Paragraf",
        "Reservation",
    ]


def fields_of(header: Tag) -> dict[str, str]:
    """A header block's fields: label → value."""
    labels = [dt.get_text().rstrip(":") for dt in header.find_all("dt")]
    values = [dd.get_text().strip() for dd in header.find_all("dd")]
    return dict(zip(labels, values, strict=True))


def header_fields(app: SphinxTestApp, name: str) -> dict[str, str]:
    """The header block of the first document on a page: label → value."""
    header = soup(app, name).find(class_="kommun-header")
    assert isinstance(header, Tag)
    return fields_of(header)


def test_a_yttrandes_header_says_its_stallning_per_att_sats(
    project_copy: Copy, build: Build
) -> None:
    """Luleå's fritidsnämnd wrote ':stallning: 1: tillstyrker; 2: avstyrker':
    its header says which att-sats each word is on, as the stance matrix
    does, in HTML and in the PDF's header block; tekniska nämnden's
    ställning on the whole stays one word."""
    src = project_copy("lulea")
    app = build(src)
    assert warnings_of(app) == ""
    stance = "Att-sats 1: tillstyrker; att-sats 2: avstyrker"
    assert header_fields(app, "isbana/fritidsnamnden")["Ställning"] == stance
    assert header_fields(app, "isbana/tekniska-namnden")["Ställning"] == "ingen erinran"
    latex = build(src, "latex", builddir=src / "_latex")
    assert warnings_of(latex) == ""
    tex = (latex.outdir / "ks-2023-00845.tex").read_text(encoding="utf-8")
    fields = re.findall(r"\\kommunfield\{Ställning\}\{([^\n]*)\}\n", tex)
    assert [field.replace(r"\sphinxhyphen{}", "-") for field in fields] == [
        stance,
        "ingen erinran",
    ]


def cell_lines(app: SphinxTestApp, name: str, css_class: str) -> dict[str, list[str]]:
    """Per row of the first table with ``css_class``: its first link's text
    → the lines of its fourth cell (the answers' Ställning, the overview's
    Anmärkning): a line block's lines, else the cell's text as one line."""
    table = soup(app, name).find("table", class_=css_class)
    assert isinstance(table, Tag), f"no {css_class} table in {name}"
    found = {}
    for row in table.find_all("tr")[1:]:
        link = row.find("a")
        if link is None:
            continue
        cell = row.find_all(["td", "th"])[3]  # Ställning, Anmärkning
        lines = cell.find_all("div", class_="line") or [cell]
        found[link.get_text()] = [" ".join(line.get_text().split()) for line in lines]
    return found


@pytest.mark.parametrize(
    ("language", "column", "stance", "whole", "late"),
    [
        (
            "sv",
            "Ställning",
            ["Att-sats 1: tillstyrker", "Att-sats 2: avstyrker"],
            "ingen erinran",
            "(efter svar senast)",
        ),
        (
            "en",
            "Position",
            ["Proposal clause 1: supports", "Proposal clause 2: opposes"],
            "no objection",
            "(after the response deadline)",
        ),
    ],
)
def test_the_tables_write_a_stallning_out_as_the_header_does(
    project_copy: Copy,
    build: Build,
    language: str,
    column: str,
    stance: list[str],
    whole: str,
    late: str,
) -> None:
    """Luleå's fritidsnämnd wrote ':stallning: 1: tillstyrker; 2: avstyrker':
    the tjänsteskrivelse's table of the answers and the ärende's overview
    name each att-sats as the yttrande's header does, not '1: tillstyrker;
    2: avstyrker', a line each (the columns are narrow, on a phone too), in
    HTML and in the PDF, in Swedish and in English; tekniska nämnden's word
    on the whole stays one line. Answered after svar senast, the overview
    says so on a line of its own."""
    src = project_copy("lulea")
    append(
        src / "isbana/tjansteskrivelse.rst",
        "\n   Remissvaren\n   -----------\n\n"
        "   .. remissammanstallning::\n      :delar: tabell\n",
    )
    app = build(src, confoverrides={"language": language})
    assert warnings_of(app) == ""
    header = header_fields(app, "isbana/fritidsnamnden")[column]
    assert header == "; ".join(
        line if n == 0 else line[:1].lower() + line[1:] for n, line in enumerate(stance)
    )
    answers = cell_lines(app, "isbana/tjansteskrivelse", "kommun-remiss-table")
    overview = cell_lines(app, "isbana/index", "kommun-overview")
    for table in (answers, overview):
        assert table["Fritidsnämnden"] == stance
        assert table["Tekniska nämnden"] == [whole]
    latex = build(
        src, "latex", builddir=src / "_latex", confoverrides={"language": language}
    )
    assert warnings_of(latex) == ""
    tex = (latex.outdir / "ks-2023-00845.tex").read_text(encoding="utf-8")
    blocks = re.findall(
        r"\\begin\{DUlineblock\}\{0em\}\n(.*?)\\end\{DUlineblock\}", tex, re.S
    )
    lines = [
        " ".join(item.replace(r"\sphinxhyphen{}", "-").split())
        for item in blocks[0].split(r"\item[]")[1:]
    ]
    assert lines == stance
    assert blocks.count(blocks[0]) == 2  # the overview's and the table's
    assert "1: tillstyrker; 2: avstyrker" not in tex
    # answered after svar senast (29 February): a line of its own
    edit(
        src / "isbana/fritidsnamnden.rst",
        ":sammantrade: 2024-02-08",
        ":sammantrade: 2024-03-07",
    )
    late_app = build(src, freshenv=True, confoverrides={"language": language})
    assert warnings_of(late_app) == ""
    assert cell_lines(late_app, "isbana/index", "kommun-overview")[
        "Fritidsnämnden"
    ] == [*stance, late]


def test_a_yttrandes_header_follows_the_att_satser_it_is_on(
    project_copy: Copy, build: Build, tmp_path: Path
) -> None:
    """The header's ställning is read from the ärende when the page is
    written: a third att-sats added to Luleå's medborgarförslag (on another
    page) shows in fritidsnämnden's header ('1: tillstyrker; avstyrker':
    avstyrker on the rest), as a fresh build shows it."""
    src = project_copy("lulea")
    edit(
        src / "isbana" / "fritidsnamnden.rst",
        ":stallning: 1: tillstyrker; 2: avstyrker",
        ":stallning: 1: tillstyrker; avstyrker",
    )

    def add_att_sats(src: Path) -> None:
        with (src / "isbana" / "medborgarforslag.rst").open(
            "a", encoding="utf-8"
        ) as page:
            page.write("\n   .. yrkande::\n\n      att isbanan får belysning.\n")

    _before, app = rebuild_equals_fresh(src, add_att_sats, build, tmp_path)
    assert header_fields(app, "isbana/fritidsnamnden")["Ställning"] == (
        "Att-sats 1: tillstyrker; att-sats 2: avstyrker; att-sats 3: avstyrker"
    )


def test_a_beslut_after_the_document_it_decides_has_a_title_of_its_own(
    tjansteskrivelse: SphinxTestApp, skrivelser: SphinxTestApp
) -> None:
    """Uppsala writes the tjänsteskrivelse and the nämnd's beslut on one
    page: the beslut starts with its title, not with a bare 'Organ:' after
    the bilagor; on a page of its own the page's title is enough."""
    beslut = soup(tjansteskrivelse, "cykelparkering").find(
        "div", class_="kommun-beslut"
    )
    assert beslut is not None
    title = beslut.find(class_="kommun-doc-title")
    assert title is not None
    assert title.get_text() == "Beslut i gatu- och samhällsmiljönämnden"
    alone = soup(skrivelser, "beslut").find("div", class_="kommun-beslut")
    assert alone is not None
    assert alone.find(class_="kommun-doc-title") is None


def test_the_arende_overview_marks_an_answer_after_the_deadline(
    region: SphinxTestApp,
) -> None:
    """Regionala utvecklingsnämnden decided on 12 June, after svar senast
    (31 May): the overview says so, as the remiss does; the bolag was on time."""
    rows = table_rows(region, "kollektivtrafik", "kommun-overview")
    notes = {row[1]: row[3] for row in rows[1:] if row[0] == "Yttrande"}
    assert notes["Regionala utvecklingsnämnden"].endswith("(efter svar senast)")
    assert "efter svar senast" not in notes["Länstrafiken i Västerbotten AB"]


def test_a_reservation_after_the_beslut_on_its_page_has_a_title_of_its_own(
    region: SphinxTestApp, skrivelser: SphinxTestApp
) -> None:
    """Regionfullmäktige's reservation follows its beslut on the page: it
    starts with 'Reservation av …', not with a bare 'Typ: Reservation'."""
    for app, page_name, title in (
        (
            region,
            "kollektivtrafik",
            "Reservation av Anna Lundberg (S) och Karin Sandberg (S)",
        ),
        (
            skrivelser,
            "beslut",
            "Reservation av Jörgen Fogelklou (SD) och Ann Catrine Fogelgren (SD)",
        ),
    ):
        found = [
            div.find(class_="kommun-doc-title")
            for div in soup(app, page_name).find_all("div", class_="kommun-reservation")
        ]
        assert title in [node.get_text() for node in found if node is not None]


def test_a_missing_sammanfattning_is_warned_about_in_every_profiles_words(
    project_copy: Copy, build: Build
) -> None:
    """The region's proposal is no utlåtande: the warning speaks of the
    proposal's Beredning."""
    src = project_copy("region")
    edit(
        src / "kollektivtrafik.rst",
        "   :sammanfattning: bedömer att avgiftsfria resor kräver fler avgångar\n",
        "",
    )
    lines = warning_lines(build(src))
    assert lines == [
        "kollektivtrafik.rst:64: WARNING: yttrandet saknar :sammanfattning: till "
        "förslagets beredning [kommun.missing]"
    ]


def test_the_overview_writes_a_beslut_per_att_sats_out(region: SphinxTestApp) -> None:
    """The ärende overview's note on a beslut decided per att-sats reads as
    its outcome table does, a line per att-sats: "Att-sats 1: bifall", not
    "1: bifall; 2: avslag; 3: anses besvarad"."""
    assert warnings_of(region) == ""
    notes = cell_lines(region, "kollektivtrafik", "kommun-overview")
    (beslut,) = [lines for lines in notes.values() if "bifall" in " ".join(lines)]
    assert beslut == [
        "Att-sats 1: bifall",
        "Att-sats 2: avslag",
        "Att-sats 3: anses besvarad",
    ]
