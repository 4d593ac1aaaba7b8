"""The register of members, person pages, the kallelse and the motion report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain.model import Person
from sphinx_kommun.domain.register import register_of
from sphinx_kommun.testing import latexmk, pdf_text, warning_lines, warnings_of

from .conftest import append, broken_links, edit, html_text
from .test_incremental import assert_same_pages, html_pages
from .test_pdf import assert_no_lost_content

Build = Callable[..., SphinxTestApp]
Copy = Callable[[str], Path]


# -- the register -------------------------------------------------------------------


def test_the_register_is_read_from_toml(project_copy: Copy, build: Build) -> None:
    app = build(project_copy("umea"))
    assert warnings_of(app) == ""
    register = register_of(app.env)
    council = register.body("kommunfullmäktige")
    assert council is not None
    assert council.seats == 5
    assert [m.name for m in council.ledamoter][:2] == [
        "Anna Lindqvist",
        "Jonas Östlund",
    ]
    assert [m.name for m in council.ersattare] == ["Per Ekström", "Sara Lundgren"]
    assert council.chair is not None and council.chair.name == "Anna Lindqvist"
    member = council.member("  anna   LINDQVIST ")
    assert member is not None and member.party == "S" and member.role == "ordförande"
    assert council.member("Olle Sjöberg") is None
    seats = register.person("Anna Lindqvist")
    assert [(m.body, m.seat) for m in seats] == [
        ("Kommunfullmäktige", "ledamot"),
        ("Kommunstyrelsen", "ledamot"),
    ]
    # by surname, å ä ö after z
    assert register.people()[-2:] == ["Lina Åberg", "Jonas Östlund"]


def test_the_register_may_be_csv_and_several_files(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    (src / "bygg.csv").write_text(
        "organ,namn,parti,uppdrag,roll,från,till\n"
        "Byggnadsnämnden,Karin Wikström,KD,ledamot,ordförande,2023-01-01,2026-12-31\n"
        "Byggnadsnämnden,Ahmed Hassan,S,ledamot,,,\n"
        "Byggnadsnämnden,Sofia Berglund,MP,ersättare,,,\n",
        encoding="utf-8",
    )
    append(src / "conf.py", 'kommun_ledamoter = ["ledamoter.toml", "bygg.csv"]\n')
    app = build(src)
    assert warnings_of(app) == ""
    board = register_of(app.env).body("Byggnadsnämnden")
    assert board is not None
    assert board.seats == 2  # as many as its ledamöter
    chair = board.member("Karin Wikström")
    assert chair is not None and chair.role == "ordförande"
    assert str(chair.start) == "2023-01-01" and str(chair.end) == "2026-12-31"
    assert [m.name for m in board.ersattare] == ["Sofia Berglund"]


def test_a_toml_syntax_error_warns_at_its_line(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    edit(src / "ledamoter.toml", 'namn = "Erik Sandberg"', "namn = Erik Sandberg")
    app = build(src)
    warnings = warnings_of(app)
    assert "ledamoter.toml:23: WARNING: registret är inte giltig TOML" in warnings
    assert "[kommun.register]" in warnings
    assert register_of(app.env).bodies == ()


def test_bad_entries_warn_and_the_rest_is_kept(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    edit(src / "ledamoter.toml", 'parti = "C"', 'parti = "C"\nfarg = "grön"')
    # after the line added above: "namn = \"Kommunstyrelsen\"" is line 40
    edit(src / "ledamoter.toml", "platser = 3", "platser = 2")
    app = build(src)
    warnings = warnings_of(app).splitlines()
    assert any(
        "ledamoter.toml:22: WARNING: okänd nyckel 'farg' för Erik Sandberg" in line
        for line in warnings
    ), warnings
    assert any(
        "ledamoter.toml:40: WARNING: Kommunstyrelsen har 3 ledamöter men 2 platser"
        in line
        for line in warnings
    ), warnings
    assert len(warnings) == 2
    council = register_of(app.env).body("Kommunfullmäktige")
    assert council is not None and council.member("Erik Sandberg") is not None


def test_a_bad_csv_row_warns_at_its_line(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    (src / "ledamoter.csv").write_text(
        "organ,namn,parti,uppdrag,roll,från,till\n"
        "Kommunstyrelsen,Anna Lindqvist,S,ledamot,ordförande,,\n"
        "Kommunstyrelsen,Bo Ek,V,suppleant,,,\n"
        "Kommunstyrelsen,Li Wu,L,ersättare,,2023-13-01,\n",
        encoding="utf-8",
    )
    edit(src / "conf.py", '"ledamoter.toml"', '"ledamoter.csv"')
    app = build(src)
    warnings = warnings_of(app)
    assert (
        "ledamoter.csv:3: WARNING: uppdraget 'suppleant' är varken ledamot "
        "eller ersättare" in warnings
    )
    assert "ledamoter.csv:4: WARNING: Li Wu: '2023-13-01' är inget datum" in warnings
    board = register_of(app.env).body("Kommunstyrelsen")
    assert board is not None
    assert [m.name for m in board.members] == ["Anna Lindqvist", "Li Wu"]


def test_a_missing_register_file_warns(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    (src / "ledamoter.toml").unlink()
    app = build(src)
    warnings = warnings_of(app)
    assert "ledamoter.toml:: WARNING: registret kan inte läsas" in warnings
    assert "[kommun.register]" in warnings


# -- person pages -------------------------------------------------------------------


def test_each_person_gets_a_section_with_seats_and_acts(
    project_copy: Copy, build: Build
) -> None:
    app = build(project_copy("umea"))
    assert warnings_of(app) == ""
    page = (app.outdir / "ledamoter.html").read_text(encoding="utf-8")
    for name in ("anna-lindqvist", "per-ekström", "jonas-östlund", "lina-åberg"):
        assert f'id="person-{name}"' in page
    text = html_text(app.outdir / "ledamoter.html")
    # surnames in Swedish order: Ekström … Åberg, Östlund last
    assert (
        text.index("Per Ekström")
        < text.index("Lina Åberg")
        < text.index("Jonas Östlund")
    )
    jonas = text[text.index("Jonas Östlund Förtroendeuppdrag") :]
    assert "Kommunfullmäktige Ledamot M vice ordförande" in jonas
    assert "Motion om längre öppettider på biblioteken, KS 2019/0301" in jonas
    assert "Reservationer och protokollsanteckningar" in jonas
    assert "Reservation av Jonas Östlund (M), KS 2019/0233" in jonas
    per = text[text.index("Per Ekström Förtroendeuppdrag") : text.index("Anna")]
    assert "Kommunfullmäktige Ersättare M" in per
    assert "Inget registrerat i handlingarna." in per
    # an unregistered motionär has no section
    assert "Olle Sjöberg" not in text


def test_names_link_to_the_person_and_unregistered_names_stay_text(
    project_copy: Copy, build: Build
) -> None:
    app = build(project_copy("umea"))
    page = (app.outdir / "motion.html").read_text(encoding="utf-8")
    assert re.search(
        r'<a class="reference internal" href="ledamoter.html#person-maria-nystr%C3%B6m"'
        r'|<a class="reference internal" href="ledamoter.html#person-maria-nyström"',
        page,
    ), page
    assert ">Maria Nyström (V)</a>" in page
    assert "Olle Sjöberg (V)" in page
    assert ">Olle Sjöberg (V)</a>" not in page
    assert broken_links(app.outdir) == set()


def test_without_a_personregister_names_are_text(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    (src / "ledamoter.rst").unlink()
    edit(src / "index.rst", "   ledamoter\n", "")
    app = build(src, confoverrides={"nitpicky": True})
    assert warnings_of(app) == ""
    page = (app.outdir / "motion.html").read_text(encoding="utf-8")
    assert "Maria Nyström (V)" in page
    assert "ledamoter.html" not in page


def test_a_personregister_of_one_body_and_an_unknown_body(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    append(src / "ledamoter.rst", "   :organ: Kommunstyrelsen; Fritidsnämnden\n")
    app = build(src)
    assert warning_lines(app) == [
        "ledamoter.rst:5: WARNING: organet 'Fritidsnämnden' finns inte i registret "
        "[kommun.register]"
    ]
    text = html_text(app.outdir / "ledamoter.html")
    assert "Maria Nyström" in text
    assert "Per Ekström" not in text  # an ersättare of fullmäktige only


def test_the_votes_of_a_kind_reach_the_person_page() -> None:
    """The extension point the protokoll feeds: an object's participants."""
    from sphinx_kommun.domain.model import VOTED, Participation
    from sphinx_kommun.kinds.reservation import Reservation

    reservation = Reservation(
        id="r",
        docname="d",
        lineno=1,
        dnr="KS 2019/0233",
        title="Reservation",
        type="protokollsanteckning",
        authors=(Person(name="Jonas Östlund", party="M"),),
    )
    assert reservation.participants() == (
        Participation("Jonas Östlund", "reserved", "protokollsanteckning", party="M"),
    )
    assert VOTED == "voted"


# -- the kallelse -------------------------------------------------------------------


def test_the_kallelse_names_time_place_arenden_and_who_is_summoned(
    project_copy: Copy, build: Build
) -> None:
    app = build(project_copy("umea"))
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "sammantrade.html")
    kallelse = text[text.index("Kallelse till sammanträde med kommunfullmäktige") :]
    assert "Tid: måndagen den 26 april 2021 kl. 13.00" in kallelse
    assert "Plats: Stadshuset, Skolgatan 31A, Umeå" in kallelse
    assert "1. Motion om fler laddplatser för elbilar KS 2020/0412 Motion" in kallelse
    assert "Förhinder anmäls till kommunstyrelsens kansli" in kallelse
    summoned = kallelse[kallelse.index("Kallade ledamöter") :]
    assert summoned.index("Anna Lindqvist (S), ordförande") < summoned.index(
        "Lina Åberg (L)"
    )
    assert "Ersättare för kännedom Per Ekström (M) Sara Lundgren (S)" in summoned
    signed = "12 april 2021 Anna Lindqvist ordförande"
    assert signed in summoned
    # the meeting's own page follows
    assert summoned.index(signed) < summoned.index("Föredragningslista")
    page = (app.outdir / "sammantrade.html").read_text(encoding="utf-8")
    kallelse_html = page[page.index('id="kommunfullmäktige-2021-04-26-kallelse"') :]
    assert 'href="motion.html#' in kallelse_html  # the handling is linked


def test_a_kallelse_for_a_meeting_elsewhere_signed_by_the_clerk(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    (src / "kallelse.rst").write_text(
        "Kallelse\n========\n\n"
        ".. kallelse::\n"
        "   :sammantrade: kommunfullmäktige-2021-04-26\n"
        "   :undertecknare: Karin Holm, kommunsekreterare\n",
        encoding="utf-8",
    )
    append(src / "index.rst", "   kallelse\n")
    app = build(src)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "kallelse.html")
    assert "Kallelse till sammanträde med kommunfullmäktige" in text
    assert text.endswith("Karin Holm kommunsekreterare")


def test_a_kallelse_without_its_meeting_or_body_warns(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    (src / "kallelse.rst").write_text(
        "Kallelse\n========\n\n.. kallelse::\n   :sammantrade: ks-2099\n",
        encoding="utf-8",
    )
    append(src / "index.rst", "   kallelse\n")
    edit(src / "sammantrade.rst", ":organ: Kommunfullmäktige", ":organ: Fritidsnämnden")
    app = build(src)
    assert sorted(warning_lines(app)) == [
        "kallelse.rst:4: WARNING: sammanträdet 'ks-2099' finns inte (:sammantrade:) "
        "[kommun.ref]",
        "sammantrade.rst:4: WARNING: Fritidsnämnden finns inte i registret "
        "(kommun_ledamoter): kallelsen namnger inga ledamöter [kommun.register]",
        "sammantrade.rst:4: WARNING: kallelsen har ingen undertecknare: ange "
        ":undertecknare: eller organets ordförande i registret [kommun.missing]",
    ]
    text = html_text(app.outdir / "sammantrade.html")
    assert "Kallelse till sammanträde med fritidsnämnden" in text
    assert "Kallade ledamöter" not in text


def test_the_kallelse_is_in_the_meetings_pdf(project_copy: Copy, build: Build) -> None:
    app = build(project_copy("umea"), "latex")
    assert warnings_of(app) == ""
    tex = (app.outdir / "kommunfullmaktige-2021-04-26.tex").read_text(encoding="utf-8")
    assert "Kallelse till sammanträde med kommunfullmäktige" in tex
    assert "måndagen den 26 april 2021 kl. 13.00" in tex
    assert "Kallade ledamöter" in tex
    report = app.outdir / "motionsredovisning-2021-04-30.tex"
    text = report.read_text(encoding="utf-8")
    assert "Motion om cykelbanor längs Umeälven" in text
    assert "Motion om ett nytt utomhusbad" not in text


# -- the motion report --------------------------------------------------------------


def test_the_motion_report_lists_motions_older_than_a_year_undecided(
    project_copy: Copy, build: Build
) -> None:
    app = build(project_copy("umea"))
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "motionsredovisning.html")
    assert (
        "Kommunstyrelsen redovisar de motioner som väckts före den 30 april 2020 "
        "och som inte har beretts färdigt den 30 april 2021" in text
    )
    listed = [
        title
        for title in (
            "Motion om längre öppettider på biblioteken",  # decided after the date
            "Motion om fler laddplatser för elbilar",  # no beslut
            "Motion om cykelbanor längs Umeälven",  # a day over; återremiss
            "Motion om ett nytt utomhusbad",  # väckt a year ago to the day
            "Motion om skolgårdarnas grönska",  # decided (avslag)
        )
        if title in text
    ]
    assert listed == [
        "Motion om längre öppettider på biblioteken",
        "Motion om fler laddplatser för elbilar",
        "Motion om cykelbanor längs Umeälven",
    ]
    # oldest first, with dnr, motionärer and date
    assert "KS 2020/0412 Maria Nyström (V) och Olle Sjöberg (V) 16 mars 2020" in text
    assert text.index("KS 2019/0301") < text.index("KS 2020/0412")


def test_the_motion_report_a_day_later_takes_the_next_motion(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    edit(src / "motionsredovisning.rst", "2021-04-30", "2021-05-01")
    app = build(src)
    text = html_text(app.outdir / "motionsredovisning.html")
    assert "Motion om ett nytt utomhusbad" in text


def test_a_motion_report_without_a_date_warns(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    edit(src / "motionsredovisning.rst", "   :datum: 2021-04-30\n", "")
    app = build(src)
    assert warning_lines(app) == [
        "motionsredovisning.rst:4: WARNING: motionsredovisningen saknar datum "
        "(:datum:) [kommun.missing]"
    ]


# -- incremental and parallel -------------------------------------------------------


def test_a_changed_register_rewrites_what_used_it(
    project_copy: Copy, build: Build, tmp_path: Path
) -> None:
    src = project_copy("umea")
    build(src, builddir=tmp_path / "inc")
    edit(src / "ledamoter.toml", 'namn = "Erik Sandberg"', 'namn = "Olle Sjöberg"')
    edit(src / "motionsredovisning.rst", "2021-04-30", "2021-05-01")
    incremental = build(src, builddir=tmp_path / "inc")
    assert warnings_of(incremental) == ""
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    assert_same_pages(incremental.outdir, fresh.outdir)
    assert ">Olle Sjöberg (V)</a>" in (incremental.outdir / "motion.html").read_text(
        encoding="utf-8"
    )
    assert "Olle Sjöberg (C)" in html_text(incremental.outdir / "sammantrade.html")


def test_parallel_equals_serial(
    project_copy: Copy, build: Build, tmp_path: Path
) -> None:
    src = project_copy("umea")
    serial = build(src, builddir=tmp_path / "serial", freshenv=True)
    parallel = build(src, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert warnings_of(parallel) == ""
    assert html_pages(parallel.outdir) == html_pages(serial.outdir)


def test_yrkanden_and_votes_of_a_protokoll_reach_the_person_page(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    (src / "protokoll.rst").write_text(
        "Protokoll 29 mars 2021\n======================\n\n"
        ".. protokoll::\n"
        "   :organ: Kommunfullmäktige\n"
        "   :datum: 2021-03-29\n"
        "   :plats: Stadshuset\n"
        "   :forsta-paragraf: 41\n"
        "   :ledamoter:\n"
        "      Anna Lindqvist (S)\n"
        "      Jonas Östlund (M)\n"
        "      Maria Nyström (V)\n"
        "      Erik Sandberg (C)\n"
        "      Lina Åberg (L)\n"
        "   :ordforande: Anna Lindqvist (S)\n\n"
        "   .. paragraf:: Motion om skolgårdarnas grönska\n"
        "      :dnr: KS 2019/0233\n"
        "      :yrkanden:\n"
        "         Anna Lindqvist (S): avslag på motionen\n"
        "         Jonas Östlund (M): bifall till motionen\n"
        "      :omrostning:\n"
        "         Anna Lindqvist (S): ja\n"
        "         Jonas Östlund (M): nej\n"
        "         Maria Nyström (V): ja\n"
        "         Erik Sandberg (C): ja\n"
        "         Lina Åberg (L): avstår\n"
        "      :utfall: avslag\n\n"
        "      Kommunfullmäktige avslår motionen.\n",
        encoding="utf-8",
    )
    append(src / "index.rst", "   protokoll\n")
    app = build(src)
    text = html_text(app.outdir / "ledamoter.html")
    jonas = text[text.index("Jonas Östlund Förtroendeuppdrag") :]
    assert "Motion om skolgårdarnas grönska, KS 2019/0233: bifall till motionen" in (
        jonas
    )
    votes = jonas[jonas.index("Omröstningar") :]
    assert "Motion om skolgårdarnas grönska, KS 2019/0233: nej" in votes
    lina = text[text.index("Lina Åberg Förtroendeuppdrag") :]
    assert "KS 2019/0233: avstår" in lina


def test_the_kallelse_summons_who_holds_a_seat_that_day(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    edit(
        src / "ledamoter.toml",
        'namn = "Erik Sandberg"\nparti = "C"',
        'namn = "Erik Sandberg"\nparti = "C"\ntill = 2021-01-31',
    )
    edit(
        src / "ledamoter.toml",
        'namn = "Sara Lundgren"\nparti = "S"',
        'namn = "Sara Lundgren"\nparti = "S"\n"från" = 2021-05-01',
    )
    app = build(src)
    assert warnings_of(app) == ""
    summoned = html_text(app.outdir / "sammantrade.html").split("Kallade ledamöter")[1]
    assert "Lina Åberg (L)" in summoned
    assert "Erik Sandberg" not in summoned  # left before the meeting
    assert "Per Ekström (M)" in summoned
    assert "Sara Lundgren" not in summoned  # not yet an ersättare


def test_an_undecided_motion_without_a_date_is_named_and_warned_about(
    project_copy: Copy, build: Build
) -> None:
    src = project_copy("umea")
    edit(src / "motion-bad.rst", "   :inlamnad: 2020-04-30\n", "")
    app = build(src)
    assert warning_lines(app) == [
        "motion-bad.rst:8: WARNING: motionen saknar datum (:inlamnad:) och kan "
        "inte redovisas [kommun.missing]"
    ]
    text = html_text(app.outdir / "motionsredovisning.html")
    assert (
        "Utan datum för när de väcktes, och därför inte bedömda: "
        "Motion om ett nytt utomhusbad" in text
    )


def test_the_pdfs_hold_the_kallelse_and_the_motion_report(
    project_copy: Copy, build: Build
) -> None:
    app = build(project_copy("umea"), "latex")
    assert warnings_of(app) == ""
    pdf = latexmk(app.outdir, "kommunfullmaktige-2021-04-26.tex")
    assert_no_lost_content(pdf.with_suffix(".log"))
    kallelse = " ".join(pdf_text(pdf).split())
    # the kallelse first, then the föredragningslista and the handlingar
    assert kallelse.index("Kallelse till sammanträde") < kallelse.index(
        "Föredragningslista"
    )
    assert "Kallelse till sammanträde med kommunfullmäktige" in kallelse
    assert "måndagen den 26 april 2021 kl. 13.00" in kallelse
    assert "Stadshuset, Skolgatan 31A, Umeå" in kallelse
    assert "Anna Lindqvist (S), ordförande" in kallelse
    assert "Ersättare för kännedom" in kallelse
    pdf = latexmk(app.outdir, "motionsredovisning-2021-04-30.tex")
    assert_no_lost_content(pdf.with_suffix(".log"))
    report = pdf_text(pdf)
    words = " ".join(report.split())
    assert "Redovisning av motioner som inte har beretts färdigt 30 april 2021" in (
        words
    )
    for dnr in ("KS 2019/0301", "KS 2020/0412", "KS 2020/0577"):
        assert dnr in words
    assert "KS 2020/0588" not in words


def test_a_page_of_ones_own(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    (src / "ledamoter.rst").unlink()
    (src / "anna.rst").write_text(
        "Anna Lindqvist\n==============\n\n"
        ".. personregister::\n   :person: anna lindqvist; Kalle Anka\n",
        encoding="utf-8",
    )
    edit(src / "index.rst", "   ledamoter\n", "   anna\n")
    app = build(src)
    assert warning_lines(app) == [
        "anna.rst:5: WARNING: Kalle Anka finns inte i registret [kommun.register]"
    ]
    text = html_text(app.outdir / "anna.html")
    assert "Kommunstyrelsen Ledamot S ordförande" in text
    assert "Jonas Östlund" not in text
    page = (app.outdir / "sammantrade.html").read_text(encoding="utf-8")
    assert 'href="anna.html#person-anna-lindqvist"' in page
    assert ">Maria Nyström (V)<" in page and "ledamoter.html" not in page


def test_a_namnds_kallelse_from_a_csv_register(
    project_copy: Copy, build: Build
) -> None:
    """Linköping: a nämnd's register exported as CSV; an ersättare replaced
    during the period is summoned only for meetings of their time."""
    app = build(project_copy("linkoping"))
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "sammantrade.html")
    assert "Kallelse till sammanträde med samhällsbyggnadsnämnden" in text
    assert "Tid: torsdagen den 21 mars 2024 kl. 08.30" in text  # not "kl. kl."
    assert "1. Detaljplan för Vallastaden etapp 3 SBN 2023-00417 Tjänsteskrivelse" in (
        text
    )
    assert "Karin Wikström (KD), ordförande Ahmed Hassan (S), vice ordförande" in text
    assert "Ersättare för kännedom Sofia Berglund (MP) Lejla Hodžić (S)" in text
    assert "Mats Andersson" not in text  # his seat ended 29 February 2024
    assert "7 mars 2024 Karin Wikström ordförande" in text


def test_the_kallelse_in_english(project_copy: Copy, build: Build) -> None:
    app = build(project_copy("linkoping"), confoverrides={"language": "en"})
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "sammantrade.html")
    assert "Notice of the meeting of Samhällsbyggnadsnämnden" in text
    assert "Time: Thursday 21 March 2024 at 08.30" in text
    assert "Members summoned" in text


def test_the_year_of_a_motion_across_29_february() -> None:
    """A year from 29 February ends on 28 February; a report on 29 February
    takes the motions väckt up to 28 February a year before."""
    from sphinx_kommun.generate.motions import first_within, year_end

    d = dt.date
    assert year_end(d(2020, 4, 30)) == d(2021, 4, 30)
    assert year_end(d(2020, 2, 29)) == d(2021, 2, 28)
    assert year_end(d(2023, 2, 28)) == d(2024, 2, 28)
    assert first_within(d(2021, 4, 30)) == d(2020, 4, 30)
    assert first_within(d(2024, 2, 29)) == d(2023, 3, 1)
    assert first_within(d(2021, 3, 1)) == d(2020, 3, 1)
    assert first_within(d(2021, 2, 28)) == d(2020, 2, 28)


def test_seats_with_dates_show_their_period(project_copy: Copy, build: Build) -> None:
    src = project_copy("linkoping")
    (src / "ledamoter.rst").write_text(
        "Förtroendevalda\n===============\n\n.. personregister::\n", encoding="utf-8"
    )
    append(src / "index.rst", "   ledamoter\n")
    app = build(src)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "ledamoter.html")
    mats = text[text.index("Mats Andersson Förtroendeuppdrag") :]
    assert "Organ Uppdrag Parti Roll Period" in mats
    assert "Ersättare S 1 januari 2023 – 29 februari 2024" in mats
    karin = text[text.index("Karin Wikström Förtroendeuppdrag") :]
    assert "Undertecknat Tjänsteskrivelse: Detaljplan för Vallastaden etapp 3" in karin


def test_without_a_register_the_pages_say_so(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    edit(src / "conf.py", 'kommun_ledamoter = "ledamoter.toml"\n', "")
    (src / "kallelse.rst").write_text(
        "Kallelse\n========\n\n.. kallelse::\n", encoding="utf-8"
    )
    append(src / "index.rst", "   kallelse\n")
    app = build(src)
    assert sorted(warning_lines(app)) == [
        "kallelse.rst:4: WARNING: kallelsen saknar :sammantrade: och sidan har "
        "inget eller flera sammanträden [kommun.ref]",
        "ledamoter.rst:4: WARNING: personregistret är tomt: kommun_ledamoter anger "
        "inget register [kommun.register]",
        "sammantrade.rst:4: WARNING: Kommunfullmäktige finns inte i registret "
        "(kommun_ledamoter): kallelsen namnger inga ledamöter [kommun.register]",
        "sammantrade.rst:4: WARNING: kallelsen har ingen undertecknare: ange "
        ":undertecknare: eller organets ordförande i registret [kommun.missing]",
    ]
    # names stay text; the motion report does not need the register
    assert "Maria Nyström (V)" in html_text(app.outdir / "motion.html")
    assert "KS 2020/0412" in html_text(app.outdir / "motionsredovisning.html")


def test_the_kallelse_is_a_printed_document_of_its_own(
    project_copy: Copy, build: Build
) -> None:
    """Luleå's meeting PDF: the kallelse on its own pages ("Kallelse" in the
    running header); the sammanträde's header block starts the next page
    with its föredragningslista, not left at the foot of the kallelse."""
    app = build(project_copy("lulea"), "latex")
    assert warnings_of(app) == ""
    pdf = latexmk(app.outdir, "kommunfullmaktige-2024-04-22.tex")
    pages = [" ".join(page.split()) for page in pdf_text(pdf).split("\f")]
    notice = next(page for page in pages if "Kallade ledamöter" in page)
    assert notice.startswith("Luleå kommun Kallelse Sida 1 (1)")
    assert "Föredragningslista" not in notice
    assert "Kulturens hus, Luleå" in notice  # its own Plats
    agenda = next(page for page in pages if "Föredragningslista" in page)
    assert agenda.startswith("Luleå kommun Sammanträde Sida 1 (1)")
    assert "Organ Tid Kommunfullmäktige 13.00" in agenda
    assert "Organ Tid" not in notice


def test_the_agenda_holds_the_styrelses_beslut_and_the_answers(
    project_copy: Copy, build: Build
) -> None:
    """Luleå's medborgarförslag on kommunfullmäktige's agenda: besides the
    tjänsteskrivelse and the förslag, kommunstyrelsen's beslut and, with no
    remissammanställning to quote them, both yttranden."""
    src = project_copy("lulea")
    app = build(src)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "kf-2024-04-22.html")
    assert (
        "KS 2023/00845 Tjänsteskrivelse, Medborgarförslag, Beslut i kommunstyrelsen, "
        "Yttrande: Fritidsnämnden, Yttrande: Tekniska nämnden" in text
    )
    latex = build(src, "latex")
    tex = (latex.outdir / "kommunfullmaktige-2024-04-22.tex").read_text("utf-8")
    for printed in ("{Yttrande}", "Kommunstyrelsen föreslår kommunfullmäktige"):
        assert printed in tex
