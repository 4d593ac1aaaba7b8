"""The protokoll of a meeting: närvaro, §§ numbered over the year, yrkanden,
propositionsordning, omröstning, justering, anslag and the last day to
appeal; protokollsutdrag; the checks; traceability; PDF; MyST; incremental
and parallel builds (the test-protokoll root: Härnösands kommunfullmäktige,
KS 2024/0123)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain.appeal import easter, holidays, last_appeal_day
from sphinx_kommun.testing import (
    build_once,
    latexmk,
    line_of,
    pdf_text,
    warning_lines,
    warnings_of,
)

from .conftest import ROOTS, edit, html_text
from .test_incremental import assert_same_pages, html_pages
from .test_myst import myst_case, pages

# -- the last day to appeal ---------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (2000, "04-23"),
        (2019, "04-21"),
        (2024, "03-31"),
        (2025, "04-20"),
        (2038, "04-25"),
    ],
)
def test_easter(year: int, sunday: str) -> None:
    assert easter(year) == dt.date.fromisoformat(f"{year}-{sunday}")


def test_the_holidays_of_2024() -> None:
    found = {day.isoformat(): name for day, name in holidays(2024).items()}
    assert found["2024-03-29"] == "långfredagen"
    assert found["2024-04-01"] == "annandag påsk"
    assert found["2024-05-09"] == "Kristi himmelsfärdsdag"
    assert found["2024-05-19"] == "pingstdagen"
    assert found["2024-06-22"] == "midsommardagen"
    assert found["2024-11-02"] == "alla helgons dag"
    assert len(found) == 13


@pytest.mark.parametrize(
    ("announced", "last", "why"),
    [
        ("2024-06-20", "2024-07-11", "a Thursday three weeks later"),
        ("2024-01-31", "2024-02-21", "across a month end"),
        ("2024-02-08", "2024-02-29", "to a leap day"),
        ("2023-12-11", "2024-01-02", "across the year end, nyårsdagen a Monday"),
        ("2024-12-03", "2024-12-27", "julafton, juldagen, annandag jul"),
        ("2024-03-08", "2024-04-02", "långfredagen to annandag påsk"),
        ("2024-04-18", "2024-05-10", "Kristi himmelsfärdsdag"),
        ("2024-05-31", "2024-06-24", "midsommarafton, midsommardagen, a Sunday"),
        ("2024-10-12", "2024-11-04", "alla helgons dag, a Saturday"),
        ("2025-12-10", "2026-01-02", "nyårsafton and nyårsdagen"),
        ("2026-05-16", "2026-06-08", "nationaldagen on a Saturday"),
    ],
)
def test_the_last_day_to_appeal(announced: str, last: str, why: str) -> None:
    day = last_appeal_day(dt.date.fromisoformat(announced))
    assert day == dt.date.fromisoformat(last), why


# -- the protokoll as built --------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app = build_once("html", ROOTS / "test-protokoll", tmp_path_factory.mktemp("p"))
    assert warnings_of(app) == ""
    return app


def text_of(app: SphinxTestApp, page: str) -> str:
    return html_text(app.outdir / f"{page}.html")


def test_the_paragraphs_continue_from_the_first_number(built: SphinxTestApp) -> None:
    text = text_of(built, "protokoll")
    assert "§ 81 Val av justerare" in text
    assert "§ 82 Motion om fler laddplatser för elbilar" in text


def test_the_narvaro_and_the_chair(built: SphinxTestApp) -> None:
    text = text_of(built, "protokoll")
    assert "Kommunfullmäktiges protokoll 17 juni 2024" in text
    assert (
        "Tjänstgörande ledamöter: Maria Ek (S), Erik Sandberg (C), Johan Lind (M) "
        "och Karin Holm (V)" in text
    )
    assert "Tjänstgörande ersättare: Per Nord (S) för Anna Berg (S)" in text
    assert "Övriga närvarande: Sofia Strand, kommunsekreterare" in text
    assert "Ordförande: Maria Ek (S)" in text


def test_the_yrkanden_the_proposition_and_the_vote(built: SphinxTestApp) -> None:
    text = text_of(built, "protokoll")
    assert "Erik Sandberg (C) yrkar bifall till motionen." in text
    assert (
        "Ordföranden ställer proposition på Maria Eks (S) yrkande och Erik "
        "Sandbergs (C) yrkande och finner att kommunfullmäktige beslutar enligt "
        "Maria Eks (S) yrkande." in text
    )
    assert "Röster per ledamot Ledamot Röst Maria Ek (S) ja" in text
    assert "Johan Lind (M) ja Karin Holm (V) nej Per Nord (S) avstår" in text
    assert (
        "Omröstningen utfaller med 2 ja-röster mot 2 nej-röster; 1 ledamot "
        "avstår. Rösterna faller lika och ordföranden har utslagsröst (ja). "
        "Kommunfullmäktige har därmed beslutat enligt Maria Eks (S) yrkande." in text
    )


def test_the_beslut_and_the_reservation(built: SphinxTestApp) -> None:
    text = text_of(built, "protokoll")
    assert "Att-sats 1 Kommunen bygger laddplatser vid alla skolor. avslag" in text
    assert "Att-sats 2 Kommunen utreder laddplatser vid idrottshallarna. bifall" in text
    # the proposal's points written as keywords (:forslag: 1: avslag; 2: bifall)
    # show the sentence they stand for
    assert "Beslutspunkt 1 Att-sats 1 i motionen avslås" in text
    assert "Beslutspunkt 2 Att-sats 2 i motionen bifalls. enligt förslaget" in text
    assert "Vi reserverar oss till förmån för motionen" in text
    assert "Avser § 82 i kommunfullmäktiges protokoll den 17 juni 2024." in text


def test_the_justering_the_anslag_and_the_last_day_to_appeal(
    built: SphinxTestApp,
) -> None:
    text = text_of(built, "protokoll")
    assert "Justerare: Johan Lind (M) och Karin Holm (V)" in text
    assert "Justering: 19 juni 2024, Kommunhuset" in text
    assert "Anslaget på anslagstavlan: 20 juni 2024" in text
    assert "Sista dag att överklaga: 11 juli 2024" in text
    assert "senast den 11 juli 2024 (kommunallagen 13 kap. 5 §)" in text


def test_the_paragraph_links_its_arende_and_they_link_back(
    built: SphinxTestApp,
) -> None:
    protokoll = (built.outdir / "protokoll.html").read_text(encoding="utf-8")
    assert 'href="arende.html#ks-2024-0123"' in protokoll
    assert 'href="arende.html#ks-2024-0123-motion"' in protokoll
    arende = text_of(built, "arende")
    # the ärende, the motion's att-satser, the utlåtande and the beslut
    assert arende.count("Protokollfört i") >= 5
    assert "§ 82, Kommunfullmäktiges protokoll 17 juni 2024 – avslag" in arende
    source = (built.outdir / "arende.html").read_text(encoding="utf-8")
    assert (
        'href="protokoll.html#protokoll-kommunfullmäktige-2024-06-17-ks-2024-0123"'
        in source
    )


def test_the_meeting_lists_its_protokoll_once(built: SphinxTestApp) -> None:
    """The sammanträde's page lists the protokoll of the same body and day
    once: its toctree lists the page, so no backlink 'Protokoll' repeats it."""
    main = BeautifulSoup(
        (built.outdir / "sammantrade.html").read_text(encoding="utf-8"), "html.parser"
    ).find(role="main")
    assert main is not None
    links = [a["href"] for a in main.find_all("a", href=re.compile("^protokoll"))]
    assert links == ["protokoll.html"]
    meeting = text_of(built, "sammantrade")
    assert meeting.count("Protokoll 17 juni 2024") == 1
    assert "Protokoll: Kommunfullmäktiges protokoll" not in meeting


def test_a_meeting_with_a_hidden_toctree_links_its_protokoll(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    """A toctree the page does not show lists nothing: the backlink
    'Protokoll' links the protokoll of the same body and day."""
    edit(src / "sammantrade.rst", ".. toctree::\n", ".. toctree::\n   :hidden:\n")
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    meeting = text_of(app, "sammantrade")
    assert "Protokoll Protokoll: Kommunfullmäktiges protokoll 17 juni 2024" in meeting
    source = (app.outdir / "sammantrade.html").read_text(encoding="utf-8")
    assert 'href="protokoll.html#protokoll-kommunfullmäktige-2024-06-17"' in source


def test_a_role_to_the_beslut_names_the_directive_not_the_paragraph(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    with (src / "utdrag.rst").open("a", encoding="utf-8") as page:
        page.write(
            "\nSe :beslut:`KS 2024/0123` och :beslut:`KS 2024/0123:Kommunfullmäktige`.\n"
        )
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    source = (app.outdir / "utdrag.html").read_text(encoding="utf-8")
    assert source.count('href="arende.html#ks-2024-0123-beslut-kommunfullmäktige"') == 2


def test_the_extract(built: SphinxTestApp) -> None:
    text = text_of(built, "utdrag")
    assert "Till: Kommunstyrelsen; Erik Sandberg (C)" in text
    assert "Utdrag ur kommunfullmäktiges protokoll den 17 juni 2024" in text
    assert "§ 82 Motion om fler laddplatser för elbilar" in text
    assert "Att-sats 1 Kommunen bygger laddplatser vid alla skolor. avslag" in text
    assert "Per Nord (S) avstår" in text
    assert "Vi reserverar oss till förmån för motionen" in text
    assert "Justering: 19 juni 2024, Kommunhuset" in text
    assert "Utdrag bestyrks Sofia Strand kommunsekreterare" in text
    assert "Val av justerare" not in text


# -- the checks -------------------------------------------------------------------------


@pytest.fixture
def src(project_copy: Callable[[str], Path]) -> Path:
    return project_copy("protokoll")


def warned(src: Path, build: Callable[..., SphinxTestApp]) -> list[str]:
    return warning_lines(build(src, freshenv=True))


PROTOKOLL = "protokoll.rst"


def at(src: Path, text: str) -> str:
    return f"{PROTOKOLL}:{line_of(src / PROTOKOLL, text)}: WARNING: "


CHECKS = {
    "vote-twice": (
        "         Per Nord (S): avstår\n",
        "         Per Nord (S): avstår\n         Johan Lind (M): nej\n",
        ":omrostning:",
        "Johan Lind röstar två gånger [kommun.vote]",
    ),
    "vote-not-serving": (
        "         Per Nord (S): avstår\n",
        "         Per Nord (S): avstår\n         Anna Berg (S): nej\n",
        ":omrostning:",
        "Anna Berg röstar men tjänstgör inte (:ledamoter:, :ersattare:) [kommun.vote]",
    ),
    "vote-totals": (
        "         Per Nord (S): avstår\n",
        "         Per Nord (S): avstår\n         Anna Berg (S): nej\n",
        ":omrostning:",
        "6 röster men bara 5 tjänstgörande ledamöter [kommun.vote]",
    ),
    "ersattare": (
        ":ersattare: Per Nord (S) för Anna Berg (S)",
        ":ersattare: Per Nord (S) för Johan Lind (M)",
        ":ersattare:",
        "ersättaren Per Nord tjänstgör för Johan Lind, som själv tjänstgör "
        "(:ledamoter:) [kommun.narvaro]",
    ),
    "jav": (
        "      :finner: Maria Ek (S)\n",
        "      :finner: Maria Ek (S)\n      :jav: Johan Lind (M)\n",
        ":omrostning:",
        "Johan Lind är jävig (:jav:) men röstar [kommun.jav]",
    ),
    "justering": (
        ":justering: 2024-06-19, Kommunhuset",
        ":justering: 2024-07-02, Kommunhuset",
        ":justering:",
        "protokollet justeras 15 dagar efter sammanträdet; det ska justeras inom "
        "14 dagar (KL 5 kap. 69 §) [kommun.justering]",
    ),
    "anslag": (
        ":anslag: 2024-06-20",
        ":anslag: 2024-06-22",
        ":anslag:",
        "justeringen anslås 3 dagar efter justeringen; den ska anslås inom två "
        "dagar efter justeringen (KL 8 kap. 12 §) [kommun.anslag]",
    ),
    "anslag-ned": (
        ":anslag: 2024-06-20\n",
        ":anslag: 2024-06-20\n   :anslag-ned: 2024-07-11\n",
        ":anslag-ned:",
        "anslaget tas ned 2024-07-11, men det ska sitta uppe till dess att tiden "
        "för överklagande har gått ut den 2024-07-11 (KL 8 kap. 12 §) [kommun.anslag]",
    ),
    "proposition": (
        "      :finner: Maria Ek (S)\n",
        "      :proposition: Maria Ek (S); Johan Lind (M)\n      :finner: Maria Ek (S)\n",
        ":proposition:",
        "Johan Lind (M) ställs under proposition men har inte yrkat något "
        "(:yrkanden:) [kommun.proposition]",
    ),
}


@pytest.mark.parametrize("check", list(CHECKS))
def test_a_check_warns_at_its_line(
    check: str, src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    old, new, option, message = CHECKS[check]
    edit(src / PROTOKOLL, old, new)
    found = warned(src, build)
    assert at(src, option) + message in found


def test_a_tie_the_chair_does_not_decide(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    edit(src / PROTOKOLL, "Maria Ek (S): ja", "Maria Ek (S): avstår")
    edit(src / PROTOKOLL, "Per Nord (S): avstår", "Per Nord (S): ja")
    found = warned(src, build)
    assert (
        at(src, ":omrostning:") + "rösterna faller lika men ordföranden har inte "
        "röstat ja eller nej: ordföranden har utslagsröst [kommun.vote]"
    ) in found


def test_an_unknown_vote_is_warned_about_and_printed(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    edit(src / PROTOKOLL, "Per Nord (S): avstår", "Per Nord (S): kanske")
    app = build(src, freshenv=True)
    assert warning_lines(app) == [
        at(src, ":omrostning:") + "okänd röst 'kanske' för Per Nord; kända är ja, "
        "nej, avstår [kommun.vote]"
    ]
    assert "Per Nord (S) kanske" in html_text(app.outdir / "protokoll.html")


def test_a_paragraph_outside_a_protokoll_and_an_extract_of_none(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    edit(src / "utdrag.rst", ":paragraf: KS 2024/0123", ":paragraf: KS 2024/0999")
    with (src / "utdrag.rst").open("a", encoding="utf-8") as page:
        page.write("\n.. paragraf:: Anmälningar\n\n   Inga anmälningar.\n")
    found = warned(src, build)
    utdrag = src / "utdrag.rst"
    assert (
        f"utdrag.rst:{line_of(utdrag, ':paragraf:')}: WARNING: paragrafen "
        "'KS 2024/0999' finns inte i något protokoll [kommun.ref]"
    ) in found
    assert (
        f"utdrag.rst:{line_of(utdrag, '.. paragraf::')}: WARNING: paragraf måste "
        "stå inuti ett protokoll [kommun.structure]"
    ) in found


def test_bad_justering_and_first_number_are_warned_about(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    edit(src / PROTOKOLL, ":justering: 2024-06-19,", ":justering: 2024-06-31,")
    edit(src / PROTOKOLL, ":forsta-paragraf: 81", ":forsta-paragraf: åttioett")
    app = build(src, freshenv=True)
    found = warning_lines(app)
    assert any(
        line.startswith(at(src, ":justering:") + "fel datum i :justering: '2024-06-31'")
        and line.endswith("[kommun.date]")
        for line in found
    ), found
    assert (
        at(src, ":forsta-paragraf:") + "fel värde för 'forsta-paragraf': ett nummer, "
        "1 eller större [kommun.option]"
    ) in found
    # the place is kept, the numbering starts at the setting's 1
    text = html_text(app.outdir / "protokoll.html")
    assert "Justering: Kommunhuset" in text
    assert "§ 2 Motion om fler laddplatser" in text


def test_within_the_limits_no_check_warns(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    """Justering on the 14th day, anslag two days after, a vote without a
    tie: nothing to warn about."""
    edit(
        src / PROTOKOLL,
        ":justering: 2024-06-19, Kommunhuset",
        ":justering: 2024-07-01, digital justering",
    )
    edit(
        src / PROTOKOLL,
        ":anslag: 2024-06-20",
        ":anslag: 2024-07-03\n   :anslag-ned: 2024-07-25",
    )
    edit(src / PROTOKOLL, "Karin Holm (V): nej", "Karin Holm (V): ja")
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "protokoll.html")
    assert "Justering: 1 juli 2024, digital justering" in text
    assert (
        "Omröstningen utfaller med 3 ja-röster mot 1 nej-röst; 1 ledamot avstår."
        in text
    )
    assert "utslagsröst" not in text
    assert "Sista dag att överklaga: 24 juli 2024" in text
    assert "Anslaget tas ned: 25 juli 2024" in text


def test_a_paragraph_that_contradicts_the_beslut(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    edit(
        src / PROTOKOLL,
        "      :utfall: enligt förslaget",
        "      :utfall: 1: bifall; 2: avslag",
    )
    found = warned(src, build)
    assert (
        at(src, "      :utfall:") + "paragrafen beslutar avslag om beslutspunkt 2, "
        "men beslutet i arende säger enligt förslaget [kommun.contradiction]"
    ) in found


REGISTER = """
[[organ]]
namn = "Kommunfullmäktige"
platser = {seats}

[[organ.ledamot]]
namn = "Maria Ek"
parti = "S"
roll = "ordförande"

[[organ.ledamot]]
namn = "Erik Sandberg"
parti = "C"

[[organ.ledamot]]
namn = "Johan Lind"
parti = "M"

[[organ.ledamot]]
namn = "Karin Holm"
parti = "V"

[[organ.ledamot]]
namn = "Anna Berg"
parti = "S"

[[organ.ersattare]]
namn = "Per Nord"
parti = "S"
"""


@pytest.mark.parametrize(("seats", "quorum"), [(9, True), (10, False), (11, False)])
def test_the_quorum_with_a_register(
    seats: int, quorum: bool, src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    """Five serve: more than half of nine seats, not of ten (KL 5 kap. 57 §)."""
    (src / "ledamoter.toml").write_text(REGISTER.format(seats=seats), encoding="utf-8")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('kommun_ledamoter = "ledamoter.toml"\n')
    found = warned(src, build)
    message = (
        at(src, ":ledamoter:") + f"Kommunfullmäktige är inte beslutfört: 5 av "
        f"{seats} ledamöter tjänstgör, mer än hälften måste vara närvarande "
        "(KL 5 kap. 57 §) [kommun.quorum]"
    )
    assert (message in found) is not quorum
    assert len(found) == (0 if quorum else 1)


def test_a_serving_member_not_in_the_register(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    register = REGISTER.format(seats=9).replace("Karin Holm", "Karin Holmberg")
    (src / "ledamoter.toml").write_text(register, encoding="utf-8")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('kommun_ledamoter = "ledamoter.toml"\n')
    found = warned(src, build)
    assert found == [
        at(src, ":ledamoter:") + "Karin Holm tjänstgör men finns inte i registret "
        "för Kommunfullmäktige [kommun.narvaro]"
    ]


def test_seats_as_the_register_has_them(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    """Per Nord is an ersättare: written among the ledamöter too, and
    serving for Lisa Berg, who is no ledamot."""
    (src / "ledamoter.toml").write_text(REGISTER.format(seats=9), encoding="utf-8")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('kommun_ledamoter = "ledamoter.toml"\n')
    edit(
        src / PROTOKOLL,
        "      Karin Holm (V)\n",
        "      Karin Holm (V)\n      Per Nord (S)\n",
    )
    edit(
        src / PROTOKOLL,
        "Per Nord (S) för Anna Berg (S)",
        "Per Nord (S) för Lisa Berg (S)",
    )
    found = warned(src, build)
    assert found == [
        at(src, ":ledamoter:") + "Per Nord är ersättare i Kommunfullmäktige: skriv "
        "'Namn för Namn' under :ersattare: [kommun.narvaro]",
        at(src, ":ersattare:") + "Lisa Berg, som Per Nord tjänstgör för, är inte "
        "ledamot i Kommunfullmäktige [kommun.narvaro]",
    ]


def test_a_digital_justering_names_who_adjusted(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    edit(src / PROTOKOLL, "2024-06-19, Kommunhuset", "2024-06-19, digital justering")
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "protokoll.html")
    assert (
        "Protokollet justeras digitalt av Maria Ek (S), Johan Lind (M) och Karin "
        "Holm (V)." in text
    )
    assert "justerare" not in text.split("Sista dag att överklaga")[1]


# -- numbering over a year ---------------------------------------------------------------


def test_numbers_continue_over_the_year_from_the_setting(
    src: Path, build: Callable[..., SphinxTestApp]
) -> None:
    """Without :forsta-paragraf:, the year's first protokoll starts at
    kommun_forsta_paragraf; a later one in the year continues."""
    edit(src / PROTOKOLL, "   :forsta-paragraf: 81\n", "")
    (src / "september.rst").write_text(
        "September\n=========\n\n.. protokoll::\n   :organ: Kommunfullmäktige\n"
        "   :datum: 2024-09-16\n   :ledamoter: Maria Ek (S)\n\n"
        "   .. paragraf:: Anmälningar\n\n      Inga anmälningar.\n",
        encoding="utf-8",
    )
    edit(src / "sammantrade.rst", "   protokoll\n", "   protokoll\n   september\n")
    app = build(src, freshenv=True, confoverrides={"kommun_forsta_paragraf": 40})
    assert warnings_of(app) == ""
    assert "§ 41 Motion om fler laddplatser" in html_text(app.outdir / "protokoll.html")
    assert "§ 42 Anmälningar" in html_text(app.outdir / "september.html")


# -- PDF, MyST, incremental and parallel ---------------------------------------------------


def test_the_pdf_holds_the_protokoll(tmp_path: Path) -> None:
    """The meeting's PDF holds its protokoll (a page in its toctree): each §
    with its beslut, the vote table, the reservation, justering and anslag."""
    app = build_once("latex", ROOTS / "test-protokoll", tmp_path)
    assert warnings_of(app) == ""
    texname = next(p.name for p in app.outdir.glob("*.tex") if "kommunfull" in p.name)
    pdf = latexmk(app.outdir, texname)
    text = " ".join(pdf_text(pdf).split())
    rows = [" ".join(line.split()) for line in pdf_text(pdf, layout=True).splitlines()]
    for expected in (
        "§ 81 Val av justerare",
        "Kommunfullmäktige utser Johan Lind (M) och Karin Holm (V)",
        "§ 82 Motion om fler laddplatser för elbilar",
        "Omröstningen utfaller med 2 ja-röster mot 2 nej-röster",
        "Kommunfullmäktige beslutar enligt kommunstyrelsens förslag.",
        "Vi reserverar oss till förmån för motionen",
        "senast den 11 juli 2024",
    ):
        assert expected in text, expected
    for row in (
        "Att-sats 1 Kommunen bygger laddplatser vid alla skolor. avslag",
        "Att-sats 2 Kommunen utreder laddplatser vid idrottshallarna. bifall",
        "Maria Ek (S) ja",
        "Erik Sandberg (C) nej",
        "Per Nord (S) avstår",
        "Justerare Anslaget på anslagstavlan",
        "Johan Lind (M) och Karin Holm (V) 20 juni 2024",
        "Justering Sista dag att överklaga",
        "19 juni 2024, Kommunhuset 11 juli 2024",
    ):
        assert row in rows, row
    # the protokoll is a printed document of its own, not the reservation in it
    assert "Dnr KS 2024/0123 Reservation" not in " ".join(rows)


def test_the_protokolls_running_header_names_its_body_and_date(
    tmp_path: Path,
) -> None:
    """A protokoll has no dnr of its own: its running header says whose
    protokoll of which day, as an ärende's document says its kind and dnr
    (Härnösands kommunfullmäktige, 17 juni 2024), in English too."""
    app = build_once("latex", ROOTS / "test-protokoll", tmp_path / "sv")
    assert warnings_of(app) == ""
    texname = next(p.name for p in app.outdir.glob("*.tex") if "kommunfull" in p.name)
    tex = (app.outdir / texname).read_text(encoding="utf-8")
    starts = re.findall(r"\\kommunstartdocument\{\d+\}\{(Protokoll[^}]*)\}", tex)
    assert starts == ["Protokoll, kommunfullmäktige, 17 juni 2024"]
    app = build_once(
        "latex",
        ROOTS / "test-protokoll",
        tmp_path / "en",
        confoverrides={"language": "en"},
    )
    tex = (app.outdir / texname).read_text(encoding="utf-8")
    assert "{Minutes, Kommunfullmäktige, 17 June 2024}" in tex


@pytest.mark.parametrize("style", ["colon", "yaml"])
def test_the_protokoll_in_markdown(style: str, tmp_path: Path) -> None:
    rst = build_once("html", ROOTS / "test-protokoll", tmp_path / "rst")
    src = myst_case(tmp_path / "protokoll", style, "protokoll")
    app = build_once("html", src, tmp_path / "out")
    assert warnings_of(app) == ""
    assert pages(app) == pages(rst)


def test_incremental_and_parallel_equal_fresh_and_serial(
    src: Path, build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    build(src, builddir=tmp_path / "inc")
    edit(src / PROTOKOLL, "Karin Holm (V): nej", "Karin Holm (V): ja")
    edit(src / PROTOKOLL, ":forsta-paragraf: 81", ":forsta-paragraf: 91")
    incremental = build(src, builddir=tmp_path / "inc")
    assert warnings_of(incremental) == ""
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    parallel = build(src, builddir=tmp_path / "par", freshenv=True, parallel=2)
    assert_same_pages(incremental.outdir, fresh.outdir)
    assert html_pages(parallel.outdir) == html_pages(fresh.outdir)
    assert "3 ja-röster" in html_text(incremental.outdir / "utdrag.html")
    # the ärende's page reads the §'s number
    assert "§ 92, Kommunfullmäktiges protokoll" in html_text(
        incremental.outdir / "arende.html"
    )


# -- a medborgarförslag decided by fullmäktige (Luleå, KS 2023/00845) ----------------


@pytest.fixture(scope="module")
def lulea(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app = build_once("html", ROOTS / "test-lulea", tmp_path_factory.mktemp("l"))
    assert warnings_of(app) == ""
    return app


def test_a_reservation_in_a_paragraph_is_dated_by_its_meeting(
    lulea: SphinxTestApp,
) -> None:
    """Written in § 62 without :datum:, the reservation was made on the day
    of the meeting: its header and the ärende's table say so, not '–'."""
    protokoll = text_of(lulea, "kf-2024-04-22-protokoll")
    assert "Organ: Kommunfullmäktige Datum: 22 april 2024 Avser § 62" in protokoll
    overview = text_of(lulea, "isbana/index")
    # and names the § as the protokoll does, not "Paragraf: <its title>"
    assert (
        "Hanna Lindgren (M) 22 april 2024 "
        "§ 62 i kommunfullmäktiges protokoll den 22 april 2024" in overview
    )
