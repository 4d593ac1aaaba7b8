"""The OParl export (``-b oparl``), continued from tests/test_oparl.py: where
a protokoll is kept, who a framställning comes from, and the lists' pages.

Luleå's protokoll of 22 April 2024 (tests/roots/test-lulea) says where it
is kept; Uppsala's project (written here) has framställningar from a nämnd
and a kommunal bolag.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import build_once, warnings_of

from .conftest import ROOTS
from .test_oparl import papers_by_id, read_back, validate

LULEA = "https://handlingar.lulea.example/"


def test_where_a_protokoll_is_kept_is_exported(tmp_path: Path) -> None:
    """``:forvaringsplats:`` (which the anslag must say, KL 8 kap. 12 §) is
    ``sk:forvaringsplats`` of the protokoll's Paper: OParl 1.1 has no field
    for where a paper original is kept (a Paper's ``location`` is a place
    its content concerns)."""
    app = build_once(
        "oparl",
        ROOTS / "test-lulea",
        tmp_path,
        confoverrides={"html_baseurl": LULEA},
    )
    assert warnings_of(app) == ""
    objects = read_back(app.outdir, LULEA + "oparl/")
    protokoll = papers_by_id(objects)["protokoll-kommunfullmäktige-2024-04-22"]
    assert protokoll["sk:forvaringsplats"] == (
        "Kommunledningsförvaltningen, Stadshuset"
    )
    assert "location" not in protokoll
    validate(protokoll, "Paper")
    paragrafer = [p for p in papers_by_id(objects).values() if p.get("sk:protokoll")]
    assert paragrafer  # a § carries its protokoll's address, not the place
    assert all("sk:forvaringsplats" not in p for p in paragrafer)


def test_an_unpublished_protokoll_does_not_say_where_it_is_kept(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """A protokoll marked ``:publiceras: nej`` is its title, kind and body
    only, as every unpublished document is: no ``sk:`` property."""
    src = project_copy("lulea")
    page = src / "kf-2024-04-22-protokoll.rst"
    page.write_text(":publiceras: nej\n\n" + page.read_text("utf-8"), "utf-8")
    app = build(src, "oparl", confoverrides={"html_baseurl": LULEA})
    assert warnings_of(app) == ""
    objects = read_back(app.outdir, LULEA + "oparl/")
    protokoll = papers_by_id(objects)["protokoll-kommunfullmäktige-2024-04-22"]
    assert protokoll["sk:publicerad"] is False
    assert "sk:forvaringsplats" not in protokoll
    text = "".join(p.read_text("utf-8") for p in app.outdir.rglob("*.json"))
    assert "Kommunledningsförvaltningen, Stadshuset" not in text


UPPSALA = "https://handlingar.uppsala.example/oparl/"


def test_a_framstallning_comes_from_organizations_not_persons(
    tmp_path: Path,
) -> None:
    """Uppsala's framställningar (tests/roots/test-framstallning): one from
    the kommun's bolag, one from a nämnd of the register and a region.
    ``:fran:`` names who made it: an Organization each, the register's
    own where it names that body; no Person."""
    app = build_once("oparl", ROOTS / "test-framstallning", tmp_path)
    assert warnings_of(app) == ""
    objects = read_back(app.outdir, UPPSALA)
    papers = papers_by_id(objects)
    vatten = papers["ks-2024-00318-framställning"]
    assert "originatorPerson" not in vatten
    (bolag,) = vatten["originatorOrganization"]
    assert objects[bolag]["name"] == "Uppsala Vatten och Avfall AB"
    assert objects[bolag]["type"] == "https://schema.oparl.org/1.1/Organization"
    assert vatten["underDirectionOf"] == [UPPSALA + "organization/kommunstyrelsen.json"]
    plan = papers["ks-2024-00415-framställning"]
    assert "originatorPerson" not in plan
    assert [objects[o]["name"] for o in plan["originatorOrganization"]] == [
        "Plan- och byggnadsnämnden",
        "Region Uppsala",
    ]
    nämnd = objects[plan["originatorOrganization"][0]]
    assert nämnd["sk:platser"] == 2  # the register's organization, not a second
    for paper in (vatten, plan):
        validate(paper, "Paper")
    names = {o["name"] for o in objects.values() if o["type"].endswith("/Person")}
    assert names == {"Maria Lundqvist", "Anders Wikström"}
    organizations = [
        o["name"] for o in objects.values() if o["type"].endswith("/Organization")
    ]
    assert sorted(organizations) == sorted(set(organizations))
