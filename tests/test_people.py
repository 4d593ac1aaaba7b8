"""People as documents name them: "m.fl." after a name, and namesakes.

The project is Umeå's (tests/roots/test-umea), with its register of
members. "Maria Nyström m.fl. (V)" is Maria Nyström, written with others
not named; two politicians named Anna Andersson, (S) in the kommunstyrelse
and (M) in the barn- och utbildningsnämnd, are two people.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain.members import Body, Member, Register, load
from sphinx_kommun.domain.model import Person
from sphinx_kommun.domain.people import People
from sphinx_kommun.kinds.initiativ import Motion
from sphinx_kommun.reading.people import parse_person
from sphinx_kommun.testing import build_once, line_of, warning_lines, warnings_of

from .conftest import append, broken_links, edit, html_text
from .test_incremental import assert_same_pages, html_pages

Build = Callable[..., SphinxTestApp]
Copy = Callable[[str], Path]
BASE = "https://handlingar.umea.example/"


# -- "m.fl." --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Niklas Thorén m.fl. (V)",
        "Niklas Thorén m. fl. (V)",
        "Niklas Thorén m fl (V)",
        "Niklas Thorén mfl (V)",
        "Niklas Thorén med flera (V)",
        "Niklas Thorén M.FL. (V)",
        "Niklas Thorén et al. (V)",
        "Niklas Thorén (V) m.fl.",
    ],
)
def test_m_fl_is_the_person_and_others(written: str) -> None:
    person = parse_person(written)
    assert (person.name, person.party, person.others) == ("Niklas Thorén", "V", True)
    assert person.with_party() == "Niklas Thorén m.fl. (V)"


def test_m_fl_alone_is_kept_and_a_signatory_may_be_written_so() -> None:
    person = parse_person("Ingrid Malmflod (S)")
    assert (person.name, person.others) == ("Ingrid Malmflod", False)
    alone = parse_person("m.fl.")
    assert alone.name == "m.fl."  # nothing else to be the name
    signatory = parse_person("Karin Holm m.fl., kommunalråd")
    assert (signatory.name, signatory.role, signatory.others) == (
        "Karin Holm",
        "kommunalråd",
        True,
    )


def test_the_byline_of_a_motion_written_m_fl() -> None:
    motion = Motion(
        id="m",
        docname="motion",
        lineno=1,
        dnr="KS 2024/0123",
        title="Motion om fler förskoleplatser",
        authors=(Person(name="Bengt Herke", party="-", others=True),),
    )
    assert motion.byline() == "Bengt Herke m.fl. (-)"
    assert [act.name for act in motion.participants()] == ["Bengt Herke"]


def with_m_fl(src: Path) -> None:
    """Maria Nyström's motion written "m.fl.", and a reservation so too."""
    edit(
        src / "motion.rst",
        "      Maria Nyström (V)\n      Olle Sjöberg (V)\n",
        "      Maria Nyström m.fl. (V)\n",
    )
    append(
        src / "motion-skola.rst",
        "\n.. reservation::\n"
        "   :dnr: KS 2019/0233\n"
        "   :organ: Kommunfullmäktige\n"
        "   :forfattare: Maria Nyström m fl (V)\n"
        "   :avser: beslut\n\n"
        "   Vi reserverar oss mot beslutet.\n",
    )


def test_a_person_written_m_fl_is_linked_and_listed_as_themselves(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    with_m_fl(src)
    app = build(src)
    assert warnings_of(app) == ""
    page = (app.outdir / "motion.html").read_text(encoding="utf-8")
    # the header as written, the name linked to her section
    assert re.search(
        r'href="ledamoter.html#person-maria-nystr(ö|%C3%B6)m"[^>]*>'
        r"Maria Nyström m.fl. \(V\)</a>",
        page,
    ), page
    assert "laddplatser. Maria Nyström m.fl. (V)" in html_text(
        app.outdir / "motion.html"
    )
    text = html_text(app.outdir / "ledamoter.html")
    register = (app.outdir / "ledamoter.html").read_text(encoding="utf-8")
    assert not re.search(r'id="person-[^"]*-m-fl"', register)
    assert "m.fl. Förtroendeuppdrag" not in text
    maria = text[text.index("Maria Nyström Förtroendeuppdrag") :]
    maria = maria[: maria.index("Förtroendeuppdrag", 40)]
    assert maria.count("Motion om fler laddplatser för elbilar, KS 2020/0412") == 1
    assert "Reservation av Maria Nyström m.fl. (V), KS 2019/0233" in maria
    assert broken_links(app.outdir) == set()


def test_the_oparl_person_of_a_name_written_m_fl(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    with_m_fl(src)
    app = build(src, "oparl", confoverrides={"html_baseurl": BASE})
    assert warnings_of(app) == ""
    people = {
        path.name: json.loads(path.read_text("utf-8"))
        for path in (app.outdir / "person").glob("*.json")
    }
    assert not [p["name"] for p in people.values() if "fl" in p["name"]]
    maria = people["maria-nystrom.json"]
    assert maria["name"] == "Maria Nyström"
    motion = json.loads(
        (app.outdir / "paper" / "ks-2020-0412-motion.json").read_text("utf-8")
    )
    assert motion["originatorPerson"] == [maria["id"]]
    assert motion["sk:personer"] == [
        {"namn": "Maria Nyström", "parti": "V", "medFlera": True}
    ]


def test_the_examples_special_statement_by_niklas_thoren_m_fl(tmp_path: Path) -> None:
    """The example's särskilt uttalande, ':forfattare: Niklas Thorén m.fl. (V)':
    a Person Niklas Thorén, and the paper's authors as written."""
    example = Path(__file__).parent.parent / "example_project"
    app = build_once(
        "oparl",
        example,
        tmp_path,
        confoverrides={"html_baseurl": "https://handlingar.stockholm.example/"},
    )
    assert warnings_of(app) == ""
    names = [
        json.loads(path.read_text("utf-8"))["name"]
        for path in (app.outdir / "person").glob("*.json")
    ]
    assert "Niklas Thorén" in names
    assert not [name for name in names if "m.fl" in name]
    body = json.loads(
        (app.outdir / "body" / "stockholms-stad" / "person.json").read_text("utf-8")
    )
    listed = [person["name"] for person in body["data"]]
    assert listed.count("Niklas Thorén") == 1


# -- namesakes -------------------------------------------------------------------------

NAMESAKES = """
[[organ.ledamot]]
namn = "Anna Andersson"
parti = "S"

[[organ]]
namn = "Barn- och utbildningsnämnden"
platser = 1

[[organ.ledamot]]
namn = "Anna Andersson"
parti = "M"
"""

SKOLSKJUTS = """Skolskjutsar till byskolorna
============================

.. arende:: BUN 2024/0056
   :rubrik: Skolskjutsar till byskolorna
   :ansvarig: Barn- och utbildningsnämnden

.. skrivelse:: Skolskjutsar till byskolorna
   :dnr: BUN 2024/0056
   :inlamnad: 2024-02-12
   :organ: Barn- och utbildningsnämnden
   :forfattare: Anna Andersson (M)

   Skolskjutsarna till byskolorna behöver ses över.
"""

FORSKOLA = """Motion om fler förskoleplatser på Ersboda
=========================================

.. arende:: KS 2024/0123
   :rubrik: Motion om fler förskoleplatser på Ersboda
   :ansvarig: Kommunstyrelsen

.. motion:: Motion om fler förskoleplatser på Ersboda
   :dnr: KS 2024/0123
   :inlamnad: 2024-02-05
   :motionarer: Anna Andersson (S)

   Ersboda behöver fler förskoleplatser.

   .. yrkande::

      Kommunfullmäktige ger barn- och utbildningsnämnden i uppdrag att bygga
      en förskola på Ersboda.
"""


def with_namesakes(src: Path) -> None:
    """Anna Andersson (S) in the kommunstyrelse, Anna Andersson (M) in the
    barn- och utbildningsnämnd, and a document by each."""
    edit(src / "ledamoter.toml", "platser = 3", "platser = 4")
    append(src / "ledamoter.toml", NAMESAKES)
    (src / "skolskjuts.rst").write_text(SKOLSKJUTS, encoding="utf-8")
    (src / "forskola.rst").write_text(FORSKOLA, encoding="utf-8")
    edit(
        src / "index.rst",
        "   ledamoter\n",
        "   skolskjuts\n   forskola\n   ledamoter\n",
    )


def section(text: str, title: str) -> str:
    """A person's section of the personregister page's text."""
    start = text.index(f"{title} Förtroendeuppdrag")
    end = text.find("Förtroendeuppdrag", start + len(title) + 20)
    return text[start : end if end > 0 else None]


def test_namesakes_of_two_parties_get_a_section_each(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    app = build(src)
    assert warnings_of(app) == ""
    page = (app.outdir / "ledamoter.html").read_text(encoding="utf-8")
    assert 'id="person-anna-andersson-s"' in page
    assert 'id="person-anna-andersson-m"' in page
    text = html_text(app.outdir / "ledamoter.html")
    social = section(text, "Anna Andersson (S)")
    moderate = section(text, "Anna Andersson (M)")
    assert "Kommunstyrelsen Ledamot S" in social
    assert "Motion om fler förskoleplatser på Ersboda, KS 2024/0123" in social
    assert "BUN 2024/0056" not in social
    assert "Barn- och utbildningsnämnden Ledamot M" in moderate
    assert "Skolskjutsar till byskolorna, BUN 2024/0056" in moderate
    assert "KS 2024/0123" not in moderate
    # Anna Lindqvist, the only one of her name, keeps her anchor and title
    assert 'id="person-anna-lindqvist"' in page
    # each document links its own Anna Andersson
    written = (app.outdir / "skolskjuts.html").read_text(encoding="utf-8")
    assert re.search(
        r'href="ledamoter.html#person-anna-andersson-m"[^>]*>Anna Andersson \(M\)</a>',
        written,
    )
    motion = (app.outdir / "forskola.html").read_text(encoding="utf-8")
    assert re.search(
        r'href="ledamoter.html#person-anna-andersson-s"[^>]*>Anna Andersson \(S\)</a>',
        motion,
    )
    assert broken_links(app.outdir) == set()


def test_a_namesake_the_register_cannot_tell_apart_warns_and_links_nowhere(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    edit(
        src / "forskola.rst",
        ":motionarer: Anna Andersson (S)",
        ":motionarer: Anna Andersson",
    )
    edit(
        src / "skolskjuts.rst",
        ":forfattare: Anna Andersson (M)",
        ":forfattare: Anna Andersson (V)",
    )
    app = build(src)
    motion = line_of(src / "forskola.rst", ":motionarer:")
    skrivelse = line_of(src / "skolskjuts.rst", ":forfattare:")
    who = "Anna Andersson (S) eller Anna Andersson (M)"
    assert warning_lines(app) == [
        f"forskola.rst:{motion}: WARNING: Anna Andersson kan vara flera "
        f"personer i registret ({who}): skriv partiet som registret har det, så "
        "länkas namnet till rätt person [kommun.namesake]",
        f"skolskjuts.rst:{skrivelse}: WARNING: Anna Andersson (V) kan vara flera "
        f"personer i registret ({who}): skriv partiet som registret har det, så "
        "länkas namnet till rätt person [kommun.namesake]",
    ]
    for page in ("skolskjuts", "forskola"):
        written = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
        assert "person-anna-andersson" not in written
    text = html_text(app.outdir / "ledamoter.html")
    for title in ("Anna Andersson (S)", "Anna Andersson (M)"):
        assert "Inget registrerat i handlingarna." in section(text, title)
    # suppressible
    quiet = build(
        src,
        builddir=src / "_quiet",
        confoverrides={"suppress_warnings": ["kommun.namesake"]},
    )
    assert warnings_of(quiet) == ""


def test_a_namesake_without_a_party_does_not_take_the_names_without_one(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    append(
        src / "ledamoter.toml",
        '\n[[organ]]\nnamn = "Kommunfullmäktige"\n\n'
        '[[organ.ersattare]]\nnamn = "Anna Andersson"\n',
    )
    edit(src / "forskola.rst", "Anna Andersson (S)", "Anna Andersson")
    app = build(src, confoverrides={"suppress_warnings": ["kommun.namesake"]})
    assert warnings_of(app) == ""
    page = (app.outdir / "ledamoter.html").read_text(encoding="utf-8")
    assert 'id="person-anna-andersson-utan-parti"' in page
    text = html_text(app.outdir / "ledamoter.html")
    assert "KS 2024/0123" not in text  # on no one's section
    motion = (app.outdir / "forskola.html").read_text(encoding="utf-8")
    assert "person-anna-andersson" not in motion


def test_a_namesakes_yrkande_and_vote_in_a_protokoll_reach_her_section(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    (src / "protokoll.rst").write_text(
        ":orphan:\n\n"  # a protokoll no PDF prints, knowingly
        "Kommunstyrelsens protokoll 18 mars 2024\n"
        "=======================================\n\n"
        ".. protokoll::\n"
        "   :organ: Kommunstyrelsen\n"
        "   :datum: 2024-03-18\n"
        "   :plats: Stadshuset, Umeå\n"
        "   :ledamoter:\n"
        "      Anna Lindqvist (S)\n"
        "      Jonas Östlund (M)\n"
        "      Maria Nyström (V)\n"
        "      Anna Andersson (S)\n"
        "   :ordforande: Anna Lindqvist (S)\n\n"
        "   .. paragraf:: Motion om fler förskoleplatser på Ersboda\n"
        "      :dnr: KS 2024/0123\n"
        "      :yrkanden:\n"
        "         Anna Andersson (S): bifall till motionen\n"
        "         Jonas Östlund (M): avslag på motionen\n"
        "      :omrostning:\n"
        "         Anna Lindqvist (S): ja\n"
        "         Jonas Östlund (M): nej\n"
        "         Maria Nyström (V): ja\n"
        "         Anna Andersson (S): ja\n"
        "      :utfall: bifall\n\n"
        "      Kommunstyrelsen föreslår att motionen bifalls.\n",
        encoding="utf-8",
    )
    app = build(src)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "ledamoter.html")
    social = section(text, "Anna Andersson (S)")
    assert "KS 2024/0123: bifall till motionen" in social
    assert "KS 2024/0123: ja" in social[social.index("Omröstningar") :]
    moderate = section(text, "Anna Andersson (M)")
    assert "KS 2024/0123" not in moderate
    page = (app.outdir / "protokoll.html").read_text(encoding="utf-8")
    assert 'href="ledamoter.html#person-anna-andersson-s"' in page
    assert "person-anna-andersson-m" not in page


def test_a_page_of_one_namesakes_own(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    (src / "anna.rst").write_text(
        "Anna Andersson\n==============\n\n"
        ".. personregister::\n   :person: Anna Andersson (M)\n\n"
        ".. personregister::\n   :person: Anna Andersson\n",
        encoding="utf-8",
    )
    append(src / "index.rst", "   anna\n")
    app = build(src)
    assert warning_lines(app) == [
        "anna.rst:8: WARNING: Anna Andersson kan vara flera personer i registret "
        "(Anna Andersson (S) eller Anna Andersson (M)): skriv partiet "
        "[kommun.namesake]"
    ]
    text = html_text(app.outdir / "anna.html")
    assert "Anna Andersson (M)" in text and "Anna Andersson (S)" not in text


def test_a_person_who_changed_party_is_one_person(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    # she left S in the kommunstyrelse; fullmäktige's register says so
    append(
        src / "ledamoter.toml",
        '\n[[organ]]\nnamn = "Kommunfullmäktige"\n\n'
        '[[organ.ersattare]]\nnamn = "Anna Andersson"\nparti = "-"\n'
        'tidigare-parti = "S"\n"från" = 2024-06-01\n',
    )
    append(
        src / "motion-skola.rst",
        "\n.. reservation::\n"
        "   :dnr: KS 2019/0233\n"
        "   :organ: Kommunfullmäktige\n"
        "   :forfattare: Anna Andersson (-)\n"
        "   :avser: beslut\n\n"
        "   Jag reserverar mig.\n",
    )
    app = build(src)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "ledamoter.html")
    # one section, titled with her party now
    assert text.count("Anna Andersson (-) Förtroendeuppdrag") == 1
    assert "Anna Andersson (S) Förtroendeuppdrag" not in text
    social = section(text, "Anna Andersson (-)")
    assert "Kommunfullmäktige Ersättare -" in social
    assert "Kommunstyrelsen Ledamot S" in social
    assert "Motion om fler förskoleplatser på Ersboda, KS 2024/0123" in social
    assert "Reservation av Anna Andersson (-), KS 2019/0233" in social


def test_the_register_tells_people_apart_by_name_and_party() -> None:
    def seat(name: str, party: str, body: str, former: tuple[str, ...] = ()) -> Member:
        return Member(name, party, body, "ledamot", former=former)

    register = Register(
        (
            Body(
                "Kommunstyrelsen", 3, (seat("Anna Andersson", "S", "Kommunstyrelsen"),)
            ),
            Body(
                "Kommunfullmäktige",
                3,
                (
                    seat("Anna Andersson", "V", "Kommunfullmäktige", ("S",)),
                    seat("Erik Sandberg", "C", "Kommunfullmäktige"),
                ),
            ),
            Body(
                "Barn- och utbildningsnämnden",
                3,
                (
                    seat("Anna Andersson", "M", "Barn- och utbildningsnämnden"),
                    seat("Erik Sandberg", "", "Barn- och utbildningsnämnden"),
                ),
            ),
        )
    )
    people = People(register)
    annas = people.named("anna  andersson")
    assert [(p.title, p.parties) for p in annas] == [
        ("Anna Andersson (V)", ("s", "v")),
        ("Anna Andersson (M)", ("m",)),
    ]
    assert people.identify("Anna Andersson", "v") is annas[0]
    assert people.identify("Anna Andersson", "S") is annas[0]
    assert people.identify("Anna Andersson", "M") is annas[1]
    assert people.identify("Anna Andersson") is None
    assert people.ambiguous("Anna Andersson", "KD")
    # a seat without a party is the one person of that name
    (erik,) = people.named("Erik Sandberg")
    assert (erik.title, len(erik.seats), erik.anchor) == (
        "Erik Sandberg",
        2,
        "person-erik-sandberg",
    )
    assert people.identify("Erik Sandberg", "M") is erik  # one person: no doubt


def test_a_csv_register_says_who_changed_party(tmp_path: Path) -> None:
    path = tmp_path / "ledamoter.csv"
    path.write_text(
        "organ,namn,parti,tidigare-parti,uppdrag,roll,från,till\n"
        "Kommunfullmäktige,Anna Andersson,S,,ledamot,,2023-01-01,2024-05-31\n"
        "Kommunfullmäktige,Johan Lind,-,S,ledamot,,,\n"
        "Kommunstyrelsen,Anna Andersson,M,,ledamot,,,\n"
        "Kommunstyrelsen,Johan Lind,S,,ersättare,,,\n",
        encoding="utf-8",
    )
    register, problems = load([path])
    assert problems == []
    people = People(register)
    assert [p.title for p in people.named("Anna Andersson")] == [
        "Anna Andersson (S)",
        "Anna Andersson (M)",
    ]
    (johan,) = people.named("Johan Lind")
    assert [(seat.body, seat.party) for seat in johan.seats] == [
        ("Kommunfullmäktige", "-"),
        ("Kommunstyrelsen", "S"),
    ]


# -- incremental and parallel ---------------------------------------------------------


def test_a_namesake_added_to_the_register_rewrites_what_named_her(
    project_copy: Copy, build: Build, tmp_path: Path
) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    # at first the nämnd's Anna Andersson is not in the register
    text = (src / "ledamoter.toml").read_text(encoding="utf-8")
    (src / "ledamoter.toml").write_text(
        text[: text.index('[[organ]]\nnamn = "Barn-')], encoding="utf-8"
    )
    first = build(src, builddir=tmp_path / "inc")
    page = (first.outdir / "skolskjuts.html").read_text(encoding="utf-8")
    assert 'href="ledamoter.html#person-anna-andersson"' in page  # one of that name
    append(src / "ledamoter.toml", NAMESAKES[NAMESAKES.index("[[organ]]") :])
    incremental = build(src, builddir=tmp_path / "inc")
    assert warnings_of(incremental) == ""
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    assert_same_pages(incremental.outdir, fresh.outdir)
    page = (incremental.outdir / "skolskjuts.html").read_text(encoding="utf-8")
    assert 'href="ledamoter.html#person-anna-andersson-m"' in page
    page = (incremental.outdir / "forskola.html").read_text(encoding="utf-8")
    assert 'href="ledamoter.html#person-anna-andersson-s"' in page


def test_namesakes_in_parallel_equal_serial(
    project_copy: Copy, build: Build, tmp_path: Path
) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    with_m_fl(src)
    serial = build(src, builddir=tmp_path / "serial", freshenv=True)
    parallel = build(src, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert warnings_of(parallel) == ""
    assert html_pages(parallel.outdir) == html_pages(serial.outdir)


def test_namesakes_are_two_oparl_persons(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    with_namesakes(src)
    app = build(src, "oparl", confoverrides={"html_baseurl": BASE})
    assert warnings_of(app) == ""
    annas = {
        json.loads(path.read_text("utf-8"))["sk:parti"]: json.loads(
            path.read_text("utf-8")
        )["id"]
        for path in (app.outdir / "person").glob("anna-andersson*.json")
    }
    assert set(annas) == {"S", "M"}
    skrivelse = json.loads(
        (app.outdir / "paper" / "bun-2024-0056-skrivelse.json").read_text("utf-8")
    )
    assert skrivelse["originatorPerson"] == [annas["M"]]
    motion = json.loads(
        (app.outdir / "paper" / "ks-2024-0123-motion.json").read_text("utf-8")
    )
    assert motion["originatorPerson"] == [annas["S"]]
