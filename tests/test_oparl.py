"""Open data: the OParl 1.1 export (``-b oparl``) and the HTML build's feeds.

The project is Kungälv's (tests/roots/test-oparl): a motion in KS 2024/0123
with a remiss, two yttranden (one not published), a tjänsteskrivelse, a
beslut with a reservation, a skrivelse in KS 2023/0456, two meetings and
a register of the kommunstyrelse's members.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import jsonschema
import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain.model import KommunObject
from sphinx_kommun.domain.store import get_domain
from sphinx_kommun.kinds.beslutspunkt import Beslutspunkt
from sphinx_kommun.kinds.initiativ import Yrkande
from sphinx_kommun.kinds.reservation import Reservation
from sphinx_kommun.kinds.sammantrade import Sammantrade
from sphinx_kommun.output.oparl.papers import NOT_PAPERS, date_of
from sphinx_kommun.testing import build_once, warnings_of

from .conftest import ROOTS, edit

SCHEMAS = Path(__file__).parent / "data" / "oparl"
BASE = "https://handlingar.kungalv.example/oparl/"
TYPE = re.compile(r"^https://schema\.oparl\.org/1\.1/(\w+)$")
#: what the unpublished yttrande says, which no exported file may hold
SECRETS = ("Ringvägen", "tillsynsärende", "skuggas")


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_once("oparl", ROOTS / "test-oparl", tmp_path_factory.mktemp("oparl"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_once("html", ROOTS / "test-oparl", tmp_path_factory.mktemp("html"))


def read_back(outdir: Path, base: str = BASE) -> dict[str, Any]:
    """Every object file of an export, by its address."""
    found = {}
    for path in sorted(outdir.rglob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        if isinstance(data, dict) and "type" in data:
            assert data["id"] == base + path.relative_to(outdir).as_posix()
            found[data["id"]] = data
    return found


def schema(kind: str) -> dict[str, Any]:
    return dict(json.loads((SCHEMAS / f"{kind}.json").read_text("utf-8")))


def embedded(obj: dict[str, Any], kind: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each object ``obj`` holds whole, and its type (the schemas name the
    schema of an embedded object with "schema", not "$ref")."""
    for name, prop in schema(kind)["properties"].items():
        inner = prop.get("schema") or prop.get("items", {}).get("schema")
        if inner and name in obj and prop.get("references") != "externalList":
            values = obj[name] if isinstance(obj[name], list) else [obj[name]]
            for value in values:
                yield inner.removesuffix(".json"), value


def validate(obj: dict[str, Any], kind: str) -> int:
    """Validate ``obj`` and what it embeds; how many objects were validated."""
    jsonschema.validate(obj, schema(kind))
    return 1 + sum(validate(inner, name) for name, inner in embedded(obj, kind))


def test_every_exported_object_validates_against_oparl_1_1(
    export: SphinxTestApp,
) -> None:
    assert warnings_of(export) == ""
    objects = read_back(export.outdir)
    kinds = {TYPE.match(obj["type"]).group(1) for obj in objects.values()}  # type: ignore[union-attr]
    assert kinds >= {
        "System", "Body", "Organization", "Person", "Membership", "Meeting",
        "AgendaItem", "Paper", "Consultation", "File", "Location",
    }  # fmt: skip
    validated = sum(
        validate(obj, TYPE.match(obj["type"]).group(1))  # type: ignore[union-attr]
        for obj in objects.values()
    )
    assert validated > len(objects)  # embedded objects too
    body = objects[BASE + "body/kungalvs-kommun.json"]
    for name, prop in schema("Body")["properties"].items():
        if prop.get("references") == "externalList" and name in body:
            listed = json.loads((export.outdir / body[name][len(BASE) :]).read_text())
            assert listed["pagination"]["totalElements"] == len(listed["data"])
            for obj in listed["data"]:
                validate(obj, prop["items"]["schema"].removesuffix(".json"))
    papers = json.loads((export.outdir / "body/kungalvs-kommun/paper.json").read_text())
    assert len(papers["data"]) == 9


def test_every_address_in_the_export_is_an_exported_file(
    export: SphinxTestApp,
) -> None:
    objects = read_back(export.outdir)
    assert len(addresses(export.outdir)) > 50
    assert missing(export.outdir) == set()
    system = objects[BASE + "system.json"]
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    assert system["sk:publicering"] == "public"


def test_an_internal_export_holds_everything_and_says_so(tmp_path: Path) -> None:
    app = build_once(
        "oparl",
        ROOTS / "test-oparl",
        tmp_path,
        confoverrides={"kommun_publication": "internal"},
    )
    assert warnings_of(app) == ""
    objects = read_back(app.outdir)
    assert objects[BASE + "system.json"]["sk:publicering"] == "internal"
    hidden = papers_by_id(objects)["ks-2024-0123-yttrande-miljö-och-hälsoskyddsnämnden"]
    assert hidden["sk:sammanfattning"] == "Ringvägen 14 har ett tak som skuggas"


def addresses(outdir: Path, base: str = BASE) -> set[str]:
    """Every address below ``base`` the export's files name."""
    text = "".join(path.read_text("utf-8") for path in outdir.rglob("*.json"))
    return set(re.findall(rf'"({re.escape(base)}[^"]+)"', text))


def missing(outdir: Path, base: str = BASE) -> set[str]:
    """The addresses the export names but has no file for."""
    return {
        a for a in addresses(outdir, base) if not (outdir / a[len(base) :]).is_file()
    }


def papers_by_id(objects: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["sk:id"]: o for o in objects.values() if o["type"].endswith("/Paper")}


def test_a_round_trip_keeps_every_arende_document_dnr_link_and_date(
    export: SphinxTestApp,
) -> None:
    index = get_domain(export.env).index
    objects = read_back(export.outdir)
    papers = papers_by_id(objects)
    for dnr in index.dnrs():
        arende = index.arende(dnr)
        assert arende is not None
        paper = papers[arende.id]
        assert (paper["reference"], paper["paperType"]) == (dnr, "ärende")
        kept = {url.rsplit("/", 1)[1] for url in paper.get("relatedPaper", [])}
        assert kept == {f"{index.arende(d).id}.json" for d in arende.related}  # type: ignore[union-attr]
    for obj in index.by_id.values():
        check_kept(obj, index, papers, objects)
    meetings = [o for o in objects.values() if o["type"].endswith("/Meeting")]
    assert sorted(m["sk:datum"] for m in meetings) == ["2024-05-13", "2024-06-10"]
    # a reference written in the text is a related paper
    answer = papers["ks-2024-0123-yttrande-samhällsbyggnadsnämnden"]
    assert answer["relatedPaper"] == [BASE + "paper/ks-2023-0456.json"]


def check_kept(
    obj: KommunObject, index: Any, papers: dict[str, Any], objects: dict[str, Any]
) -> None:
    """``obj`` is in the export: a paper, or a part of its paper."""
    if isinstance(obj, NOT_PAPERS):
        if isinstance(obj, Yrkande | Beslutspunkt):
            owner = papers[index.get(getattr(obj, "initiativ", "") or obj.proposal).id]  # type: ignore[attr-defined]
            parts = owner.get("sk:attSatser", []) + owner.get("sk:beslutspunkter", [])
            assert obj.id in [part["id"] for part in parts]
        elif isinstance(obj, Reservation):
            found = papers[index.arende(obj.dnr).id]["sk:reservationer"]
            assert [(r["id"], r["datum"]) for r in found] == [
                (obj.id, obj.date.isoformat())  # type: ignore[union-attr]
            ]
        elif isinstance(obj, Sammantrade):
            meetings = [o for o in objects.values() if o.get("sk:id") == obj.id]
            assert [m["sk:datum"] for m in meetings] == [obj.date.isoformat()]  # type: ignore[union-attr]
        return
    paper = papers[obj.id]
    assert paper["reference"] == obj.own_dnr
    assert paper["sk:arende"] == obj.dnr
    assert paper["superordinatedPaper"] == [papers[index.arende(obj.dnr).id]["id"]]
    when = date_of(obj) if obj.published else None
    assert paper.get("date") == (when.isoformat() if when else None)
    assert paper["web"].startswith("https://handlingar.kungalv.example/")


def test_what_oparl_cannot_say_is_in_sk_properties(export: SphinxTestApp) -> None:
    papers = papers_by_id(read_back(export.outdir))
    answer = papers["ks-2024-0123-yttrande-samhällsbyggnadsnämnden"]
    assert answer["sk:stallningar"] == [
        {"ord": "tillstyrker", "nummer": 1},
        {"ord": "avstyrker", "nummer": 2},
    ]
    assert answer["sk:sammantradesdatum"] == "2024-04-03"
    motion = papers["ks-2024-0123-motion"]
    assert [a["nummer"] for a in motion["sk:attSatser"]] == [1, 2]
    assert motion["paperType"] == "motion"
    assert [p["namn"] for p in motion["sk:personer"]] == ["Eva Holm", "Johan Berg"]
    arende = papers["ks-2024-0123"]
    (reservation,) = arende["sk:reservationer"]
    assert reservation["forfattare"] == [{"namn": "Karin Ek", "parti": "M"}]
    assert reservation["avser"].endswith(
        "/paper/ks-2024-0123-beslut-kommunstyrelsen.json"
    )
    roles = sorted(c["role"] for c in arende["consultation"])
    assert roles == ["behandling", "beslut", "remissinstans", "remissinstans"]
    proposal = next(p for p in papers.values() if p["paperType"] == "tjänsteskrivelse")
    assert [p["nummer"] for p in proposal["sk:beslutspunkter"]] == [1, 2]


def test_another_projects_yttrande_is_answered_there_not_exported_here(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """Umeå's KS project compiles byggnadsnämnden's yttrande from the
    nämnd's own project (tests/test_federation.py): the export names the
    answer, with its address there, but does not republish it."""
    root = project_copy("federation")
    build(root / "ks")  # publishes its objects for the nämnd's project
    assert warnings_of(build(root / "bn")) == ""
    base = "https://handlingar.umea.se/ks/"
    ks = build(
        root / "ks",
        "oparl",
        builddir=root / "ks" / "_oparl",
        confoverrides={"html_baseurl": base},
    )
    assert warnings_of(ks) == ""
    objects = read_back(ks.outdir, base + "oparl/")
    papers = papers_by_id(objects)
    assert "ks-2024-0123-yttrande-byggnadsnämnden" not in papers
    arende = papers["ks-2024-0123"]
    there = "https://handlingar.umea.se/byggnadsnamnden/ks-2024-0123.html#"
    (answer,) = [
        c for c in arende["consultation"] if c.get("web", "").startswith(there)
    ]
    assert answer["role"] == "remissinstans"
    assert "sk:yttrande" not in answer
    assert answer["organization"] == [base + "oparl/organization/byggnadsnamnden.json"]
    assert all(not url.startswith(there) for url in arende["subordinatedPaper"])
    assert missing(ks.outdir, base + "oparl/") == set()
    html = build(root / "ks", confoverrides={"html_baseurl": base})
    feed = feedparser.parse((html.outdir / "feeds" / "arenden.atom").read_bytes())
    assert "Byggnadsnämnden" not in " ".join(e.summary for e in feed.entries)


def test_a_protokoll_and_its_paragrafer(tmp_path: Path) -> None:
    """Härnösand's protokoll of 17 June 2024 (tests/roots/test-protokoll):
    the meeting's resultsProtocol; the § with its number, yrkanden and
    omröstning; the justering and the anslag."""
    base = "https://handlingar.harnosand.example/"
    app = build_once(
        "oparl",
        ROOTS / "test-protokoll",
        tmp_path,
        confoverrides={"html_baseurl": base},
    )
    assert warnings_of(app) == ""
    objects = read_back(app.outdir, base + "oparl/")
    for obj in objects.values():
        validate(obj, TYPE.match(obj["type"]).group(1))  # type: ignore[union-attr]
    assert missing(app.outdir, base + "oparl/") == set()
    papers = papers_by_id(objects)
    protokoll = papers["protokoll-kommunfullmäktige-2024-06-17"]
    assert protokoll["paperType"] == "protokoll"
    assert (protokoll["sk:justerat"], protokoll["sk:anslagsdatum"]) == (
        "2024-06-19",
        "2024-06-20",
    )
    assert [p["namn"] for p in protokoll["sk:justerare"]] == [
        "Johan Lind",
        "Karin Holm",
    ]
    paragraf = papers["protokoll-kommunfullmäktige-2024-06-17-ks-2024-0123"]
    assert paragraf["sk:paragraf"] == 82  # :forsta-paragraf: 81, the second §
    assert paragraf["sk:protokoll"] == protokoll["id"]
    votes = paragraf["sk:omrostning"]
    assert (votes["ja"], votes["nej"], votes["avstår"]) == (2, 2, 1)
    assert {"namn": "Per Nord", "parti": "S", "rost": "avstår"} in votes["roster"]
    assert [y["namn"] for y in paragraf["sk:yrkanden"]] == ["Maria Ek", "Erik Sandberg"]
    meeting = next(o for o in objects.values() if o["type"].endswith("/Meeting"))
    assert meeting["resultsProtocol"]["accessUrl"] == base + "protokoll.html"


README = ROOTS.parent.parent / "README.md"


def sk_properties(data: Any) -> set[str]:
    """Every ``sk:`` property in ``data``, however deep."""
    if isinstance(data, dict):
        own = {key for key in data if key.startswith("sk:")}
        return own.union(*(sk_properties(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(sk_properties(v) for v in data))
    return set()


def test_every_sk_property_is_in_the_readme(
    export: SphinxTestApp, tmp_path: Path
) -> None:
    protokoll = build_once(
        "oparl",
        ROOTS / "test-protokoll",
        tmp_path / "harnosand",
        confoverrides={"html_baseurl": "https://handlingar.harnosand.example/"},
    )
    kept = build_once(  # Luleå's protokoll says where it is kept
        "oparl",
        ROOTS / "test-lulea",
        tmp_path / "lulea",
        confoverrides={"html_baseurl": "https://handlingar.lulea.example/"},
    )
    used = set()
    for outdir in (export.outdir, protokoll.outdir, kept.outdir):
        for path in outdir.rglob("*.json"):
            used |= sk_properties(json.loads(path.read_text("utf-8")))
    text = README.read_text("utf-8")
    section = text[text.index("### Open data: OParl and feeds") :]
    section = section[: section.index("\n### ", 5)]
    documented = set(re.findall(r"`(sk:\w+)`", section))
    assert len(used) > 40
    assert used - documented == set()


def test_the_meetings_agenda_and_results(export: SphinxTestApp) -> None:
    objects = read_back(export.outdir)
    meeting = objects[BASE + "meeting/kommunstyrelsen-2024-05-13.json"]
    assert meeting["start"] == "2024-05-13T13:00:00+02:00"
    assert meeting["end"] == "2024-05-13T16:30:00+02:00"
    assert meeting["location"]["description"] == "Stadshuset, Ting 1"
    items = meeting["agendaItem"]
    assert [(i["order"], i["sk:arende"]) for i in items] == [
        (1, "KS 2024/0123"),
        (2, "KS 2023/0456"),
    ]
    assert items[0]["result"] == "enligt förslaget"
    assert "result" not in items[1]
    consultation = objects[items[0]["consultation"]]
    assert consultation["authoritative"] is True
    assert consultation["paper"] == BASE + "paper/ks-2024-0123.json"
    pdfs = [f["accessUrl"] for f in meeting["auxiliaryFile"]]
    assert (
        "https://handlingar.kungalv.example/pdf/kommunstyrelsen-2024-05-13.pdf" in pdfs
    )


def test_the_register_gives_people_and_memberships(export: SphinxTestApp) -> None:
    objects = read_back(export.outdir)
    board = objects[BASE + "organization/kommunstyrelsen.json"]
    assert board["sk:platser"] == 3
    assert len(board["membership"]) == 4
    chair = objects[BASE + "person/eva-holm.json"]
    (seat,) = chair["membership"]
    assert (seat["role"], seat["votingRight"], seat["sk:parti"]) == (
        "ordförande",
        True,
        "MP",
    )
    (term,) = objects[BASE + "body/kungalvs-kommun.json"]["legislativeTerm"]
    assert (term["name"], term["startDate"], term["endDate"]) == (
        "2023–2026",
        "2023-01-01",
        "2026-12-31",
    )
    deputy = objects[BASE + "person/sven-dahl.json"]
    assert deputy["membership"][0]["votingRight"] is False
    assert deputy["membership"][0]["sk:uppdrag"] == "ersättare"


def test_an_unpublished_document_is_its_title_only(export: SphinxTestApp) -> None:
    papers = papers_by_id(read_back(export.outdir))
    hidden = papers["ks-2024-0123-yttrande-miljö-och-hälsoskyddsnämnden"]
    assert hidden["sk:publicerad"] is False
    assert "sk:stallningar" not in hidden
    assert "sk:sammanfattning" not in hidden
    assert "date" not in hidden  # other pages do not date it either
    for path in export.outdir.rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8", "replace")
            assert [s for s in SECRETS if s in text] == [], path


def test_without_an_address_the_export_warns(tmp_path: Path) -> None:
    app = build_once(
        "oparl", ROOTS / "test-oparl", tmp_path, confoverrides={"html_baseurl": ""}
    )
    assert "OParl-exporten saknar adress" in warnings_of(app)
    assert "[kommun.oparl]" in warnings_of(app)
    # at the setting left empty (-D), not at a document "conf.py.rst"
    assert "conf.py:7: WARNING: OParl-exporten saknar adress" in warnings_of(app)
    assert (app.outdir / "paper" / "ks-2024-0123.json").is_file()


def test_a_project_without_any_address_is_warned_at_its_conf_py(
    tmp_path: Path,
) -> None:
    """Luleå's conf.py sets neither kommun_oparl_url nor html_baseurl."""
    app = build_once("oparl", ROOTS / "test-lulea", tmp_path)
    conf = ROOTS / "test-lulea" / "conf.py"
    assert warnings_of(app).startswith(f"{conf}:1: WARNING: OParl-exporten saknar")
    assert "conf.py.rst" not in warnings_of(app)
    assert (app.outdir / "paper" / "ks-2023-00845.json").is_file()


# -- feeds ----------------------------------------------------------------------


def test_the_calendars_list_the_meetings(site: SphinxTestApp) -> None:
    assert warnings_of(site) == ""
    feeds = site.outdir / "feeds"

    def events(name: str) -> list[Any]:
        calendar = icalendar.Calendar.from_ical((feeds / name).read_bytes())
        return list(calendar.walk("VEVENT"))

    every = events("sammantraden.ics")
    assert [str(e["SUMMARY"]) for e in every] == [
        "Kommunstyrelsens sammanträde den 13 maj 2024",
        "Kommunfullmäktiges sammanträde den 10 juni 2024",
    ]
    start = every[0].decoded("DTSTART")
    assert start == dt.datetime(2024, 5, 13, 11, 0, tzinfo=dt.UTC)
    assert every[1].decoded("DTSTART") == dt.date(2024, 6, 10)
    assert "KS 2023/0456 Laddplatser" in str(every[0]["DESCRIPTION"])
    assert str(every[0]["LOCATION"]) == "Stadshuset, Ting 1"
    board = events("sammantraden-kommunstyrelsen.ics")
    assert [str(e["UID"]) for e in board] == [str(every[0]["UID"])]
    assert len(events("sammantraden-kommunfullmaktige.ics")) == 1


def test_the_atom_feed_lists_arenden_and_meetings(site: SphinxTestApp) -> None:
    feed = feedparser.parse((site.outdir / "feeds" / "arenden.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = {entry.title for entry in feed.entries}
    assert titles == {
        "KS 2024/0123 Motion om solceller på kommunens byggnader",
        "KS 2023/0456 Laddplatser för elbilar vid kommunhuset",
        "Kommunstyrelsens sammanträde den 13 maj 2024",
        "Kommunfullmäktiges sammanträde den 10 juni 2024",
    }
    links = {entry.link for entry in feed.entries}
    assert "https://handlingar.kungalv.example/solceller.html#ks-2024-0123" in links
    assert all(entry.updated_parsed for entry in feed.entries)
    motion = next(e for e in feed.entries if e.title.startswith("KS 2024/0123"))
    assert "Yttrande: Samhällsbyggnadsnämnden" in motion.summary


def test_an_english_build_writes_english_feeds(tmp_path: Path) -> None:
    app = build_once(
        "html", ROOTS / "test-oparl", tmp_path, confoverrides={"language": "en"}
    )
    assert warnings_of(app) == ""
    feed = feedparser.parse((app.outdir / "feeds" / "arenden.atom").read_bytes())
    assert feed.feed.title == "Kungälvs kommun: cases and meetings"
    assert feed.feed.language == "en"
    meeting = next(e for e in feed.entries if e.title.startswith("Kommunstyrelsens"))
    assert meeting.summary.startswith(
        "13 May 2024, 13.00–16.30, Stadshuset, Ting 1. Agenda:"
    )
    page = (app.outdir / "ks-2024-05-13.html").read_text("utf-8")
    assert "Subscribe: " in re.sub(r"<[^>]+>", "", page)


def test_without_an_address_the_feeds_link_relatively(tmp_path: Path) -> None:
    app = build_once(
        "html", ROOTS / "test-oparl", tmp_path, confoverrides={"html_baseurl": ""}
    )
    assert warnings_of(app) == ""
    atom = (app.outdir / "feeds" / "arenden.atom").read_text("utf-8")
    assert 'href="../solceller.html#ks-2024-0123"' in atom
    assert 'rel="self"' not in atom
    assert re.search(r"<id>urn:uuid:[0-9a-f-]{36}</id>", atom)
    assert "\nURL:" not in (app.outdir / "feeds" / "sammantraden.ics").read_text()


def test_pages_link_the_feeds(site: SphinxTestApp) -> None:
    page = (site.outdir / "ks-2024-05-13.html").read_text("utf-8")
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="Kungälvs kommun: '
        r'ärenden och sammanträden" href="feeds/arenden.atom" />',
        page,
    )
    assert '<link rel="alternate" type="text/calendar"' in page
    visible = re.search(r'<p class="kommun-feed-links">(.*?)</p>', page, re.S)
    assert visible is not None
    hrefs = re.findall(r'href="([^"]+)"', visible.group(1))
    assert hrefs == [
        "feeds/sammantraden-kommunstyrelsen.ics",
        "feeds/sammantraden.ics",
        "feeds/arenden.atom",
    ]
    assert all((site.outdir / href).is_file() for href in hrefs)
    text = re.sub(r"<[^>]+>", "", visible.group(1))
    assert text.startswith("Prenumerera: kommunstyrelsens sammanträden och alla")


def test_the_subscribe_directive_lists_every_feed(site: SphinxTestApp) -> None:
    page = (site.outdir / "index.html").read_text("utf-8")
    block = re.search(r'<div class="kommun-subscribe[^"]*">(.*?)</div>', page, re.S)
    assert block is not None
    links = re.findall(r'<a[^>]* href="([^"]+)"[^>]*>([^<]+)</a>', block.group(1))
    assert links == [
        ("feeds/sammantraden.ics", "Alla sammanträden"),
        ("feeds/sammantraden-kommunfullmaktige.ics", "Kommunfullmäktiges sammanträden"),
        ("feeds/sammantraden-kommunstyrelsen.ics", "Kommunstyrelsens sammanträden"),
        ("feeds/arenden.atom", "Nya och ändrade ärenden"),
    ]
    assert all((site.outdir / href).is_file() for href, _text in links)


def test_a_printed_page_has_no_subscribe_links(tmp_path: Path) -> None:
    text = build_once("text", ROOTS / "test-oparl", tmp_path)
    assert warnings_of(text) == ""
    index = (text.outdir / "index.txt").read_text("utf-8")
    assert "Prenumerera" not in index
    assert "feeds/" not in "".join(
        p.read_text("utf-8") for p in text.outdir.rglob("*.txt")
    )


# -- incremental builds ---------------------------------------------------------------


def files_of(outdir: Path) -> dict[str, str]:
    """The export's and the feeds' files (sphinx-needs' report aside)."""
    return {
        p.relative_to(outdir).as_posix(): p.read_text("utf-8")
        for p in sorted(outdir.rglob("*"))
        if p.is_file()
        and p.suffix in (".json", ".ics", ".atom")
        and p.name != "schema_violations.json"
    }


def test_an_edit_shows_in_the_export_and_the_feeds_after_a_rebuild(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("oparl")
    build(src, "oparl", builddir=src / "_oparl")
    build(src, "html")
    edit(src / "laddplatser.rst", ":inlamnad: 2023-09-04", ":inlamnad: 2023-09-11")
    edit(
        src / "laddplatser.rst",
        "vid kommunhuset\n   :ansvarig",
        "vid stadshuset\n   :ansvarig",
    )
    edit(src / "ledamoter.toml", 'parti = "V"', 'parti = "V"\nroll = "vice ordförande"')
    oparl = build(src, "oparl", builddir=src / "_oparl")
    html = build(src, "html")
    assert warnings_of(oparl) == warnings_of(html) == ""
    papers = papers_by_id(read_back(oparl.outdir))
    assert papers["ks-2023-0456-skrivelse"]["date"] == "2023-09-11"
    assert papers["ks-2023-0456"]["name"] == "Laddplatser för elbilar vid stadshuset"
    johan = read_back(oparl.outdir)[BASE + "person/johan-berg.json"]
    assert johan["membership"][0]["role"] == "vice ordförande"
    feed = feedparser.parse((html.outdir / "feeds" / "arenden.atom").read_bytes())
    assert "KS 2023/0456 Laddplatser för elbilar vid stadshuset" in {
        e.title for e in feed.entries
    }
    calendar = (html.outdir / "feeds" / "sammantraden.ics").read_text("utf-8")
    assert "Laddplatser för elbilar vid stadshuset" in calendar.replace("\n ", "")
    fresh = build(src, "oparl", builddir=src / "_fresh", freshenv=True)
    assert files_of(fresh.outdir) == files_of(oparl.outdir)
    fresh_html = build(src, "html", builddir=src / "_fresh_html", freshenv=True)
    assert files_of(fresh_html.outdir) == files_of(html.outdir)


def test_a_committed_source_changed_when_it_was_committed(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """In a git repository (a CI job's fresh checkout): the time of the last
    commit, not of the checkout; a source changed since: its file's time."""
    src = project_copy("oparl")
    when = "2024-06-11T09:00:00+02:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Kansliet",
        "GIT_AUTHOR_EMAIL": "kansliet@kungalv.example",
        "GIT_COMMITTER_NAME": "Kansliet",
        "GIT_COMMITTER_EMAIL": "kansliet@kungalv.example",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "Handlingar"]):
        subprocess.run(["git", *args], cwd=src, env=env, check=True)

    def updated() -> dict[str, str]:
        html = build(src, "html")
        assert warnings_of(html) == ""
        feed = feedparser.parse((html.outdir / "feeds" / "arenden.atom").read_bytes())
        return {
            e.title.split()[1]: e.updated for e in feed.entries if e.title[:3] == "KS "
        }

    assert updated() == {
        "2024/0123": "2024-06-11T07:00:00+00:00",
        "2023/0456": "2024-06-11T07:00:00+00:00",
    }
    edit(
        src / "laddplatser.rst", "saknar laddplatser", "saknar laddplatser för elbilar"
    )
    after = updated()
    assert after["2024/0123"] == "2024-06-11T07:00:00+00:00"
    assert after["2023/0456"] > "2025"  # the file's time: changed since the commit


def test_a_new_bodys_meeting_is_subscribable_after_a_rebuild(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("oparl")
    build(src, "html")
    # a page of its own, in no toctree: the index is rewritten for what it
    # read of the meetings, not for its table of contents
    (src / "bun-2024-09-02.rst").write_text(
        ":orphan:\n\n"
        "Barn- och utbildningsnämnden 2 september 2024\n"
        "=============================================\n\n"
        ".. sammantrade::\n"
        "   :organ: Barn- och utbildningsnämnden\n"
        "   :datum: 2024-09-02\n"
        "   :arenden: KS 2024/0123\n",
        encoding="utf-8",
    )
    html = build(src, "html")
    assert warnings_of(html) == ""
    index = (html.outdir / "index.html").read_text("utf-8")
    assert 'href="feeds/sammantraden-barn-och-utbildningsnamnden.ics"' in index
    assert "Barn- och utbildningsnämndens sammanträden" in index
    calendar = html.outdir / "feeds" / "sammantraden-barn-och-utbildningsnamnden.ics"
    assert "DTSTART;VALUE=DATE:20240902" in calendar.read_text("utf-8")


def test_what_is_gone_stays_at_its_address_as_deleted(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("oparl")
    build(src, "oparl")
    (src / "kf-2024-06-10.rst").unlink()
    edit(src / "index.rst", "   kf-2024-06-10\n", "")
    again = build(src, "oparl")
    assert warnings_of(again) == ""
    gone = again.outdir / "meeting" / "kommunfullmaktige-2024-06-10.json"
    meeting = json.loads(gone.read_text("utf-8"))
    assert set(meeting) == {"id", "type", "deleted", "modified"}
    assert meeting["deleted"] is True
    validate(meeting, "Meeting")
    item = json.loads(
        (again.outdir / "agendaitem/kommunfullmaktige-2024-06-10-1.json").read_text()
    )
    assert item["deleted"] is True
    listed = json.loads(
        (again.outdir / "body/kungalvs-kommun/meeting.json").read_text()
    )
    assert [m["sk:datum"] for m in listed["data"]] == ["2024-05-13"]
    build(src, "oparl")  # deleted it stays, as it was deleted
    assert json.loads(gone.read_text("utf-8")) == meeting


def test_a_parallel_export_equals_a_serial_one(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("oparl")
    serial = build(src, "oparl", builddir=src / "_serial", freshenv=True)
    parallel = build(
        src, "oparl", builddir=src / "_parallel", freshenv=True, parallel=2
    )
    assert warnings_of(parallel) == ""
    assert files_of(parallel.outdir) == files_of(serial.outdir)
    html = build(src, "html", builddir=src / "_html", freshenv=True, parallel=2)
    feeds = {k: v for k, v in files_of(html.outdir).items() if k.startswith("feeds/")}
    assert sorted(feeds) == [
        "feeds/arenden.atom",
        "feeds/sammantraden-kommunfullmaktige.ics",
        "feeds/sammantraden-kommunstyrelsen.ics",
        "feeds/sammantraden.ics",
    ]
    serial_html = files_of(build(src, "html", builddir=src / "_one").outdir)
    assert feeds == {k: v for k, v in serial_html.items() if k.startswith("feeds/")}


# -- the publishing template -------------------------------------------------------


WORKFLOW = ROOTS.parent.parent / "example_project" / ".github" / "workflows"


def test_the_publishing_template_builds_the_example_with_w(tmp_path: Path) -> None:
    """The example's workflow: its HTML and OParl steps, as written, give
    the site with its feeds and the export below the site's address."""
    workflow = yaml.safe_load((WORKFLOW / "publicera.yml").read_text("utf-8"))
    site_url = workflow["env"]["SITE_URL"]
    steps = [s.get("run", "") for s in workflow["jobs"]["build"]["steps"]]
    builds = [s for s in steps if s.startswith("sphinx-build")]
    assert all(" -W " in s for s in builds)
    assert [
        shlex.split(s)[shlex.split(s).index("-b") + 1] for s in builds if " -b " in s
    ] == ["html", "oparl"]
    assert any("-M latexpdf" in s for s in builds)
    for step in builds:
        if "-M latexpdf" in step:
            continue  # the PDFs are tested in test_example.py and test_pdf.py
        words = [
            {".": str(WORKFLOW.parent.parent)}.get(w, w.replace("$SITE_URL", site_url))
            for w in shlex.split(step)
        ]
        words = [w.replace("_build", str(tmp_path / "_build")) for w in words]
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", *words[1:]],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    site = tmp_path / "_build" / "site"
    assert (site / "feeds" / "arenden.atom").is_file()
    system = json.loads((site / "oparl" / "system.json").read_text("utf-8"))
    assert system["id"] == site_url + "oparl/system.json"
