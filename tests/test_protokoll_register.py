"""The protokoll with the register of members and in print: every name it
prints links to the person's page, the ordförande comes from the register
when the protokoll names none, a protokoll no PDF prints is warned about,
and the first § number is 1 or more (the test-protokoll root: Härnösands
kommunfullmäktige 17 June 2024, KS 2024/0123; the test-umea root's kallelse)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain.register import Body, Member
from sphinx_kommun.testing import line_of, warning_lines, warnings_of

from .conftest import append, edit, html_text
from .test_incremental import assert_same_pages, html_pages
from .test_protokoll import REGISTER

Build = Callable[..., SphinxTestApp]
PAGE = "ledamoter.html#person-"


@pytest.fixture
def src(project_copy: Callable[[str], Path]) -> Path:
    return project_copy("protokoll")


def with_register(src: Path, *, page: bool = True) -> None:
    """Härnösand's register of kommunfullmäktige (Sofia Strand, the
    kommunsekreterare, is not in it), and a personregister page."""
    (src / "ledamoter.toml").write_text(REGISTER.format(seats=9), encoding="utf-8")
    append(src / "conf.py", 'kommun_ledamoter = "ledamoter.toml"\n')
    if page:
        (src / "ledamoter.rst").write_text(
            "Förtroendevalda\n===============\n\n.. personregister::\n",
            encoding="utf-8",
        )
        edit(src / "index.rst", "   utdrag\n", "   utdrag\n   ledamoter\n")


def soup_of(app: SphinxTestApp, page: str) -> BeautifulSoup:
    html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def links_in(block: Tag) -> list[tuple[str, str]]:
    """(text, person) of each link to a person's section in ``block``."""
    return [
        (" ".join(a.get_text().split()), str(a["href"]).split("#person-")[1])
        for a in block.find_all("a", href=True)
        if "#person-" in str(a["href"])
    ]


def one(soup: BeautifulSoup, selector: str) -> Tag:
    found = soup.select(selector)
    assert len(found) >= 1, selector
    return found[0]


# -- names link to the person pages ------------------------------------------------


def test_every_name_the_protokoll_prints_links_to_the_person(
    src: Path, build: Build
) -> None:
    with_register(src)
    edit(
        src / "protokoll.rst",
        "   .. paragraf:: Val av justerare\n",
        "   .. paragraf:: Val av justerare\n      :jav: Erik Sandberg (C)\n",
    )
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    soup = soup_of(app, "protokoll")
    header = one(soup, ".kommun-protokoll-header")
    assert links_in(header) == [("Maria Ek (S)", "maria-ek")]
    assert links_in(one(soup, ".kommun-narvaro")) == [
        ("Maria Ek (S)", "maria-ek"),
        ("Erik Sandberg (C)", "erik-sandberg"),
        ("Johan Lind (M)", "johan-lind"),
        ("Karin Holm (V)", "karin-holm"),
        ("Per Nord (S)", "per-nord"),
        ("Anna Berg (S)", "anna-berg"),
    ]
    assert links_in(one(soup, ".kommun-jav")) == [
        ("Erik Sandberg (C)", "erik-sandberg")
    ]
    yrkanden = [links_in(p) for p in soup.select(".kommun-yrkande")]
    assert yrkanden == [
        [("Maria Ek (S)", "maria-ek")],
        [("Erik Sandberg (C)", "erik-sandberg")],
    ]
    # the genitive links too: "Maria Eks (S) yrkande"
    assert links_in(one(soup, ".kommun-proposition")) == [
        ("Maria Eks (S)", "maria-ek"),
        ("Erik Sandbergs (C)", "erik-sandberg"),
        ("Maria Eks (S)", "maria-ek"),
    ]
    votes = links_in(one(soup, "table.kommun-votes"))
    assert [person for _text, person in votes] == [
        "maria-ek",
        "erik-sandberg",
        "johan-lind",
        "karin-holm",
        "per-nord",
    ]
    assert links_in(one(soup, ".kommun-vote-result")) == [("Maria Eks (S)", "maria-ek")]
    assert links_in(one(soup, ".kommun-justering")) == [
        ("Johan Lind (M)", "johan-lind"),
        ("Karin Holm (V)", "karin-holm"),
    ]
    signatures = links_in(one(soup, ".kommun-protokoll-signatures"))
    assert [person for _text, person in signatures] == [
        "maria-ek",
        "johan-lind",
        "karin-holm",
    ]
    # the text reads as before
    text = html_text(app.outdir / "protokoll.html")
    assert "Tjänstgörande ersättare: Per Nord (S) för Anna Berg (S)" in text
    assert "Erik Sandberg (C) yrkar bifall till motionen." in text
    assert "Kommunfullmäktige har därmed beslutat enligt Maria Eks (S) yrkande." in text


def test_unregistered_names_stay_text_without_a_warning(
    src: Path, build: Build
) -> None:
    """Sofia Strand, kommunsekreterare, is in no register: her name is
    printed, not linked; Kommunstyrelsen among an extract's recipients too."""
    with_register(src)
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    soup = soup_of(app, "protokoll")
    narvaro = one(soup, ".kommun-narvaro")
    assert "Sofia Strand, kommunsekreterare" in " ".join(narvaro.get_text().split())
    assert "sofia-strand" not in str(soup)
    assert "Sekreterare: Sofia Strand" in html_text(app.outdir / "protokoll.html")
    utdrag = soup_of(app, "utdrag")
    assert ("Erik Sandberg (C)", "erik-sandberg") in links_in(utdrag)
    assert "Till: Kommunstyrelsen; Erik Sandberg (C)" in html_text(
        app.outdir / "utdrag.html"
    )
    assert not any(person == "kommunstyrelsen" for _t, person in links_in(utdrag))


def test_without_a_personregister_no_name_is_linked(src: Path, build: Build) -> None:
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    assert "#person-" not in (app.outdir / "protokoll.html").read_text("utf-8")
    assert "Ordförande: Maria Ek (S)" in html_text(app.outdir / "protokoll.html")


# -- the ordförande from the register -----------------------------------------------


def test_the_chair_comes_from_the_register(src: Path, build: Build) -> None:
    """Without :ordforande:, the register's ordförande chairs: named in the
    header, signing, and deciding the tie with her ja."""
    with_register(src)
    edit(src / "protokoll.rst", "   :ordforande: Maria Ek (S)\n", "")
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "protokoll.html")
    assert "Ordförande: Maria Ek (S)" in text
    assert "Rösterna faller lika och ordföranden har utslagsröst (ja)." in text
    soup = soup_of(app, "protokoll")
    assert links_in(one(soup, ".kommun-protokoll-header")) == [
        ("Maria Ek (S)", "maria-ek")
    ]
    assert "Maria Ek ordförande" in " ".join(
        one(soup, ".kommun-protokoll-signatures").get_text().split()
    )


def test_the_written_chair_wins_over_the_register(src: Path, build: Build) -> None:
    """A vice ordförande chairing the meeting is written in :ordforande:."""
    with_register(src, page=False)
    edit(
        src / "protokoll.rst",
        ":ordforande: Maria Ek (S)",
        ":ordforande: Johan Lind (M)",
    )
    app = build(src, freshenv=True)
    text = html_text(app.outdir / "protokoll.html")
    assert "Ordförande: Johan Lind (M)" in text
    assert "utslagsröst (ja)" in text  # Johan Lind voted ja


def test_without_register_or_ordforande_there_is_no_chair(
    src: Path, build: Build
) -> None:
    edit(src / "protokoll.rst", "   :ordforande: Maria Ek (S)\n", "")
    app = build(src, freshenv=True)
    protokoll = src / "protokoll.rst"
    assert warning_lines(app) == [
        f"protokoll.rst:{line_of(protokoll, ':omrostning:')}: WARNING: rösterna "
        "faller lika men ordföranden har inte röstat ja eller nej: ordföranden "
        "har utslagsröst [kommun.vote]"
    ]
    assert "Ordförande:" not in html_text(app.outdir / "protokoll.html")


def test_the_chair_on_the_day_of_the_meeting() -> None:
    """Linköping's byggnadsnämnd changes ordförande on 1 July 2024."""
    body = Body(
        "Byggnadsnämnden",
        9,
        (
            Member(
                "Karin Wikström",
                "KD",
                "Byggnadsnämnden",
                "ledamot",
                "ordförande",
                None,
                dt.date(2024, 6, 30),
            ),
            Member(
                "Ahmed Hassan",
                "S",
                "Byggnadsnämnden",
                "ledamot",
                "ordförande",
                dt.date(2024, 7, 1),
            ),
        ),
    )
    chair = body.chair_on(dt.date(2024, 6, 30))
    assert chair is not None and chair.name == "Karin Wikström"
    chair = body.chair_on(dt.date(2024, 7, 1))
    assert chair is not None and chair.name == "Ahmed Hassan"
    assert body.chair is not None and body.chair.name == "Karin Wikström"


def test_the_kallelse_is_signed_by_the_chair_of_the_day(
    project_copy: Callable[[str], Path], build: Build
) -> None:
    """Umeå: Anna Lindqvist leaves kommunfullmäktige on 31 March 2021 and
    Jonas Östlund is ordförande from 1 April; the kallelse of 26 April is
    his."""
    src = project_copy("umea")
    register = src / "ledamoter.toml"
    edit(
        register,
        'namn = "Anna Lindqvist"\nparti = "S"\nroll = "ordförande"\n\n'
        '[[organ.ledamot]]\nnamn = "Jonas Östlund"\nparti = "M"\n'
        'roll = "vice ordförande"',
        'namn = "Anna Lindqvist"\nparti = "S"\nroll = "ordförande"\n'
        'till = 2021-03-31\n\n[[organ.ledamot]]\nnamn = "Jonas Östlund"\n'
        'parti = "M"\nroll = "ordförande"\n"från" = 2021-04-01',
    )
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "sammantrade.html")
    assert "12 april 2021 Jonas Östlund ordförande" in text
    assert "Anna Lindqvist ordförande" not in text


# -- a protokoll no PDF prints --------------------------------------------------------


def unprinted(src: Path) -> str:
    """The protokoll's page moved out of the meeting's toctree to the index's."""
    edit(src / "sammantrade.rst", ".. toctree::\n\n   protokoll\n", "")
    edit(src / "index.rst", "   utdrag\n", "   utdrag\n   protokoll\n")
    return (
        f"protokoll.rst:{line_of(src / 'protokoll.rst', '.. protokoll::')}: WARNING: "
        "protokollet kommer inte med i någon PDF: sidan står inte i någon toctree "
        "under sammanträdets sida (sammantrade; ange :orphan: om den ska stå "
        "utanför) [kommun.structure]"
    )


def test_a_protokoll_outside_its_meetings_pdf_is_warned_about(
    src: Path, build: Build
) -> None:
    message = unprinted(src)
    assert warning_lines(build(src, freshenv=True)) == [message]
    # LaTeX says so too, and the meeting's PDF lacks it
    app = build(src, "latex", freshenv=True)
    assert warning_lines(app) == [message]
    tex = next(p for p in app.outdir.glob("*.tex") if "kommunfull" in p.name)
    assert "Val av justerare" not in tex.read_text(encoding="utf-8")


def test_a_protokoll_in_its_meetings_pdf_or_left_out_knowingly(
    src: Path, build: Build
) -> None:
    app = build(src, "latex", freshenv=True)
    assert warnings_of(app) == ""
    tex = next(p for p in app.outdir.glob("*.tex") if "kommunfull" in p.name)
    assert "Val av justerare" in tex.read_text(encoding="utf-8")
    unprinted(src)
    protokoll = src / "protokoll.rst"
    protokoll.write_text(":orphan:\n\n" + protokoll.read_text("utf-8"), "utf-8")
    edit(src / "index.rst", "   protokoll\n", "")
    assert warnings_of(build(src, freshenv=True)) == ""


@pytest.mark.parametrize("documents", ["off", "arenden", "ks-2024-0123"])
def test_no_warning_where_the_build_derives_no_pdf_of_the_meeting(
    documents: str, src: Path, build: Build
) -> None:
    unprinted(src)
    app = build(src, freshenv=True, confoverrides={"kommun_pdf_documents": documents})
    assert warnings_of(app) == ""


def test_a_protokoll_of_no_meeting_is_warned_about_with_every_pdf(
    src: Path, build: Build
) -> None:
    """A protokoll whose meeting has no sammanträde (another day) is in no
    PDF: with 'sammantraden' it is warned about; with the meeting's id only,
    not (the build derives no PDF it could be in)."""
    unprinted(src)
    edit(src / "protokoll.rst", ":datum: 2024-06-17", ":datum: 2024-06-18")
    edit(src / "protokoll.rst", ":justering: 2024-06-19", ":justering: 2024-06-20")
    edit(src / "protokoll.rst", ":anslag: 2024-06-20", ":anslag: 2024-06-21")
    app = build(
        src, freshenv=True, confoverrides={"kommun_pdf_documents": "sammantraden"}
    )
    assert warning_lines(app) == [
        f"protokoll.rst:{line_of(src / 'protokoll.rst', '.. protokoll::')}: "
        "WARNING: protokollet kommer inte med i någon PDF: sidan står inte i någon "
        "toctree under ett sammanträdes sida (ange :orphan: om den ska stå "
        "utanför) [kommun.structure]"
    ]


# -- the first § number ---------------------------------------------------------------


@pytest.mark.parametrize("value", [0, -5])
def test_kommun_forsta_paragraf_below_one_is_warned_about(
    value: int, src: Path, build: Build
) -> None:
    append(src / "conf.py", f"kommun_forsta_paragraf = {value}\n")
    edit(src / "protokoll.rst", "   :forsta-paragraf: 81\n", "")
    app = build(src, freshenv=True)
    conf = src / "conf.py"
    assert warning_lines(app) == [
        f"conf.py:{line_of(conf, 'kommun_forsta_paragraf')}: WARNING: "
        "kommun_forsta_paragraf must be a whole number, 1 or more; using the "
        "default 1 [kommun.config]"
    ]
    assert "§ 1 Val av justerare" in html_text(app.outdir / "protokoll.html")


def test_kommun_forsta_paragraf_of_one_or_more_is_taken(
    src: Path, build: Build
) -> None:
    append(src / "conf.py", "kommun_forsta_paragraf = 1\n")
    edit(src / "protokoll.rst", "   :forsta-paragraf: 81\n", "")
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    assert "§ 2 Motion om fler laddplatser" in html_text(app.outdir / "protokoll.html")


@pytest.mark.parametrize("value", ["0", "-3", "§ 0"])
def test_forsta_paragraf_below_one_is_warned_about(
    value: str, src: Path, build: Build
) -> None:
    edit(src / "protokoll.rst", ":forsta-paragraf: 81", f":forsta-paragraf: {value}")
    app = build(src, freshenv=True)
    assert warning_lines(app) == [
        f"protokoll.rst:{line_of(src / 'protokoll.rst', ':forsta-paragraf:')}: "
        "WARNING: fel värde för 'forsta-paragraf': ett nummer, 1 eller större "
        "[kommun.option]"
    ]
    assert "§ 1 Val av justerare" in html_text(app.outdir / "protokoll.html")


# -- as a clerk reads it ---------------------------------------------------------------


def test_the_protokoll_in_running_text(src: Path, build: Build) -> None:
    """Mid-sentence the protokoll is "kommunfullmäktiges protokoll den 17
    juni 2024"; in a list of backlinks it keeps its title."""
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "protokoll.html")
    assert "Avser § 82 i kommunfullmäktiges protokoll den 17 juni 2024." in text
    assert "Kommunfullmäktiges protokoll 17 juni" not in text.split("Avser")[1][:60]
    utdrag = html_text(app.outdir / "utdrag.html")
    assert "Utdrag ur kommunfullmäktiges protokoll den 17 juni 2024" in utdrag
    arende = html_text(app.outdir / "arende.html")
    assert "§ 82, Kommunfullmäktiges protokoll 17 juni 2024 – avslag" in arende


def test_a_written_title_is_kept_in_running_text(src: Path, build: Build) -> None:
    edit(
        src / "protokoll.rst",
        ".. protokoll::\n",
        ".. protokoll:: Protokoll KF 2024-06-17\n",
    )
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "protokoll.html")
    assert "Avser § 82 i Protokoll KF 2024-06-17." in text
    utdrag = html_text(app.outdir / "utdrag.html")
    assert "Utdrag ur Protokoll KF 2024-06-17" in utdrag


def test_the_secretary_signs_first(src: Path, build: Build) -> None:
    """Underskrifter: sekreterare, ordförande, justerare; without a
    :sekreterare: the chair signs first."""
    app = build(src, freshenv=True)
    soup = soup_of(app, "protokoll")
    signed = " ".join(one(soup, ".kommun-protokoll-signatures").get_text().split())
    assert signed == (
        "Sofia Strand sekreterare Maria Ek ordförande Johan Lind justerare "
        "Karin Holm justerare"
    )
    edit(src / "protokoll.rst", "   :sekreterare: Sofia Strand\n", "")
    app = build(src, freshenv=True)
    soup = soup_of(app, "protokoll")
    signed = " ".join(one(soup, ".kommun-protokoll-signatures").get_text().split())
    assert signed.startswith("Maria Ek ordförande")


# -- incremental and parallel --------------------------------------------------------


def test_links_and_chair_incremental_and_parallel_equal_fresh_and_serial(
    src: Path, build: Build, tmp_path: Path
) -> None:
    """Per Nord leaves the register and Karin Holm becomes ordförande: the
    protokoll (no :ordforande:) and its extract follow after an incremental
    build, as after a fresh one and with -j 2."""
    with_register(src)
    edit(src / "protokoll.rst", "   :ordforande: Maria Ek (S)\n", "")
    build(src, builddir=tmp_path / "inc")
    register = src / "ledamoter.toml"
    edit(register, '\n[[organ.ersattare]]\nnamn = "Per Nord"\nparti = "S"\n', "")
    edit(register, 'roll = "ordförande"\n', "")
    edit(
        register,
        'namn = "Karin Holm"\nparti = "V"\n',
        'namn = "Karin Holm"\nparti = "V"\nroll = "ordförande"\n',
    )
    incremental = build(src, builddir=tmp_path / "inc")
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    parallel = build(src, builddir=tmp_path / "par", freshenv=True, parallel=2)
    assert warning_lines(fresh) == warning_lines(parallel)
    assert_same_pages(incremental.outdir, fresh.outdir)
    assert html_pages(parallel.outdir) == html_pages(fresh.outdir)
    text = html_text(incremental.outdir / "protokoll.html")
    assert "Ordförande: Karin Holm (V)" in text
    # Karin Holm voted nej on the tie: the vote goes to Erik Sandberg's yrkande
    assert "utslagsröst (nej)" in text
    soup = soup_of(incremental, "protokoll")
    assert ("Per Nord (S)", "per-nord") not in links_in(soup)
    assert ("Karin Holm (V)", "karin-holm") in links_in(
        one(soup, ".kommun-protokoll-header")
    )


def test_the_anslag_says_where_the_protokoll_is_kept(src: Path, build: Build) -> None:
    edit(
        src / "protokoll.rst",
        ":anslag: 2024-06-20\n",
        ":anslag: 2024-06-20\n   :forvaringsplats: Kommunledningskontoret, Rådhuset\n",
    )
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    expected = "Förvaringsplats för protokollet: Kommunledningskontoret, Rådhuset"
    assert expected in html_text(app.outdir / "protokoll.html")
    assert expected in html_text(app.outdir / "utdrag.html")


def test_without_forvaringsplats_the_anslag_has_no_such_line(
    src: Path, build: Build
) -> None:
    app = build(src, freshenv=True)
    assert "Förvaringsplats" not in html_text(app.outdir / "protokoll.html")


def test_one_yrkande_is_not_named_twice(src: Path, build: Build) -> None:
    edit(
        src / "protokoll.rst",
        "   .. paragraf:: Val av justerare\n",
        "   .. paragraf:: Val av justerare\n      :yrkanden: Maria Ek (S): att Johan "
        "Lind (M) och Karin Holm (V) utses att justera protokollet\n",
    )
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "protokoll.html")
    assert (
        "Ordföranden ställer proposition på Maria Eks (S) yrkande och finner att "
        "kommunfullmäktige bifaller det." in text
    )
    # two yrkanden: the one found for is named
    assert "och finner att kommunfullmäktige beslutar enligt Maria Eks (S)" in text


def test_a_vote_without_abstentions_says_none(src: Path, build: Build) -> None:
    edit(src / "protokoll.rst", "Per Nord (S): avstår", "Per Nord (S): ja")
    app = build(src, freshenv=True)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "protokoll.html")
    assert (
        "Omröstningen utfaller med 3 ja-röster mot 2 nej-röster. Kommunfullmäktige "
        "har därmed beslutat enligt Maria Eks (S) yrkande." in text
    )
    assert "0 ledamöter avstår" not in text
