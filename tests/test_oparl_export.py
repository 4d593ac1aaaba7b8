"""The OParl export (``-b oparl``), continued from tests/test_oparl.py: where
a protokoll is kept, who a framställning comes from, and the lists' pages.

Luleå's protokoll of 22 April 2024 (tests/roots/test-lulea) says where it
is kept; Uppsala's project (written here) has framställningar from a nämnd
and a kommunal bolag.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import build_once, warnings_of

from .conftest import ROOTS
from .test_oparl import TYPE, files_of, papers_by_id, read_back, schema, validate

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


# -- lists and their pages ------------------------------------------------------

KUNGALV = "https://handlingar.kungalv.example/oparl/"


def follow(outdir: Path, base: str, first: str) -> list[dict[str, Any]]:
    """Every page of a list, as a client reads it: from the first, by
    ``links.next``, checking the links back and the page numbers."""
    pages: list[dict[str, Any]] = []
    url: str | None = first
    while url is not None:
        assert url.startswith(base) and len(pages) < 100
        page = json.loads((outdir / url[len(base) :]).read_text("utf-8"))
        assert page["links"]["self"] == url
        assert page["links"]["first"] == first
        assert page["links"].get("prev") == (
            pages[-1]["links"]["self"] if pages else None
        )
        assert page["pagination"]["currentPage"] == len(pages) + 1
        pages.append(page)
        url = page["links"].get("next")
    assert pages[0]["links"]["last"] == pages[-1]["links"]["self"]
    return pages


def test_a_client_following_next_gets_every_object_exactly_once(
    tmp_path: Path,
) -> None:
    """Kungälv's export with three objects a page: each of the Body's lists
    (and the list of bodies) is pages linked first to last; every object of
    its type is on exactly one page."""
    app = build_once(
        "oparl",
        ROOTS / "test-oparl",
        tmp_path,
        confoverrides={"kommun_oparl_page_size": 3},
    )
    assert warnings_of(app) == ""
    objects = read_back(app.outdir, KUNGALV)
    body = objects[KUNGALV + "body/kungalvs-kommun.json"]
    lists = {
        name: body[name]
        for name, prop in schema("Body")["properties"].items()
        if prop.get("references") == "externalList" and name in body
    }
    assert len(lists) == 9
    lists["body"] = objects[KUNGALV + "system.json"]["body"]
    for name, first in lists.items():
        pages = follow(app.outdir, KUNGALV, first)
        listed = [obj["id"] for page in pages for obj in page["data"]]
        kind = "Body" if name == "body" else type_of(pages[0]["data"][0])
        expected = [o["id"] for o in objects.values() if type_of(o) == kind]
        assert sorted(listed) == sorted(expected), name  # each exactly once
        assert all(len(p["data"]) == 3 for p in pages[:-1])
        assert 1 <= len(pages[-1]["data"]) <= 3
        for page in pages:
            assert page["pagination"] == {
                "totalElements": len(expected),
                "elementsPerPage": 3,
                "currentPage": page["pagination"]["currentPage"],
                "totalPages": len(pages),
            }
            for obj in page["data"]:
                validate(obj, kind)
    papers = follow(app.outdir, KUNGALV, lists["paper"])
    assert [p["links"]["self"] for p in papers][1:] == [
        KUNGALV + "body/kungalvs-kommun/paper-2.json",
        KUNGALV + "body/kungalvs-kommun/paper-3.json",
    ]


def type_of(obj: dict[str, Any]) -> str:
    match = TYPE.match(str(obj["type"]))
    assert match is not None
    return match.group(1)


def test_pages_are_the_same_in_parallel_and_after_the_size_changes(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("oparl")
    small = {"kommun_oparl_page_size": 2}
    serial = build(src, "oparl", builddir=src / "_serial", confoverrides=small)
    parallel = build(
        src, "oparl", builddir=src / "_parallel", parallel=2, confoverrides=small
    )
    assert warnings_of(serial) == warnings_of(parallel) == ""
    assert files_of(parallel.outdir) == files_of(serial.outdir)
    fifth = serial.outdir / "body/kungalvs-kommun/paper-5.json"
    assert json.loads(fifth.read_text("utf-8"))["pagination"]["totalPages"] == 5
    # a larger page: the pages no longer made are gone, as a fresh build has
    again = build(src, "oparl", builddir=src / "_serial")
    assert warnings_of(again) == ""
    assert not fifth.exists()
    assert not (serial.outdir / "body/kungalvs-kommun/paper-2.json").exists()
    fresh = build(src, "oparl", builddir=src / "_fresh", freshenv=True)
    assert files_of(again.outdir) == files_of(fresh.outdir)


def test_a_page_size_below_one_warns_and_is_the_default(tmp_path: Path) -> None:
    app = build_once(
        "oparl",
        ROOTS / "test-oparl",
        tmp_path,
        confoverrides={"kommun_oparl_page_size": 0},
    )
    assert "kommun_oparl_page_size must be a whole number, 1 or more" in (
        warnings_of(app)
    )
    assert "[kommun.config]" in warnings_of(app)
    papers = json.loads(
        (app.outdir / "body/kungalvs-kommun/paper.json").read_text("utf-8")
    )
    assert papers["pagination"]["elementsPerPage"] == 100
    assert "next" not in papers["links"]
