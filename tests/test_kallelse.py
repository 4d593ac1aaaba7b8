"""The register of members, person pages, the kallelse and the motion report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain.register import register_of
from sphinx_kommun.testing import warnings_of

from .conftest import append, edit

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
    assert [m.name for m in council.ledamoter][:2] == ["Anna Lindqvist", "Jonas Östlund"]
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


def test_a_toml_syntax_error_warns_at_its_line(project_copy: Copy, build: Build) -> None:
    src = project_copy("umea")
    edit(src / "ledamoter.toml", 'namn = "Erik Sandberg"', "namn = Erik Sandberg")
    app = build(src)
    warnings = warnings_of(app)
    assert "ledamoter.toml:23: WARNING: registret är inte giltig TOML" in warnings
    assert "[kommun.register]" in warnings
    assert register_of(app.env).bodies == ()


def test_bad_entries_warn_and_the_rest_is_kept(project_copy: Copy, build: Build) -> None:
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
