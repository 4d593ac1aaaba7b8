"""The whole OParl export of a project: every object, and the lists.

:func:`make` turns the domain's index into OParl 1.1 objects by the file
each is written to: ``system.json`` (the System), ``body.json`` (the list
of the one Body, the kommun), ``body/<kommun>.json`` and its lists
(``body/<kommun>/paper.json``, ``meeting.json``, ``organization.json``,
``person.json`` …), and every object at its own address
(``paper/…``, ``meeting/…``, ``organization/…``, ``person/…``,
``membership/…``, ``agendaitem/…``, ``consultation/…``, ``file/…``,
``location/…``). Each list holds its objects whole, on pages of
``kommun_oparl_page_size`` (``paper.json``, ``paper-2.json`` …).

Everything is made from what the domain holds after reading, so the
export of an incremental build is that of a fresh one. What a public build
leaves out (masked text, the text of unpublished documents) is not in the
domain and so not in the export.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sphinx.environment import BuildEnvironment

from ...config import KommunConfig
from ...domain.register import register_of
from ...domain.store import get_domain
from . import meetings, members
from .objects import Export, Json, compact, own
from .papers import NOT_PAPERS, document_paper
from .sources import source_times
from .urls import SCHEMA, Site

#: What each of the Body's lists holds, by the list's property and name.
LISTS = {
    "organization": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "paper": "Paper",
    "agendaItem": "AgendaItem",
    "consultation": "Consultation",
    "file": "File",
    "membership": "Membership",
    "locationList": "Location",
}


def collect(env: BuildEnvironment) -> Export:
    """Every OParl object of the project (lists, System and Body aside)."""
    config = KommunConfig.from_config(env.config)
    index = get_domain(env).index
    ex = Export(
        site=Site.of(env.config),
        index=index,
        kommun=config.words.municipality or str(env.config.project),
        modified=source_times(env),
        register=register_of(env),
        first_paragraf=config.forsta_paragraf,
    )
    members.add_register(ex, ex.register)
    papers = {
        dnr: meetings.arende_paper(ex, dnr) for dnr in index.dnrs() if ex.exported(dnr)
    }
    for obj in index.by_id.values():
        if own(obj) and not isinstance(obj, NOT_PAPERS):
            document_paper(ex, obj)
    found = sorted(
        (m for m in index.sammantraden() if own(m)),
        key=lambda m: (m.date or dt.date.min, m.id),
    )
    for meeting in found:
        made = meetings.meeting_object(ex, meeting)
        for item in made["agendaItem"]:
            consultation = ex.objects[item["consultation"]]
            paper = papers.get(index.canonical(item["sk:arende"]))
            if paper is not None:
                paper.setdefault("consultation", []).append(consultation)
    return ex


def page_url(first: str, number: int) -> str:
    """The address of page ``number`` of the list whose first page is
    ``first``: ``…/paper.json``, ``…/paper-2.json``, ``…/paper-3.json`` …"""
    return first if number == 1 else f"{first.removesuffix('.json')}-{number}.json"


def pages(first: str, objects: list[Json], size: int) -> dict[str, Json]:
    """An OParl object list as its pages, by address (OParl 1.1, 2.5
    "Paginierung"): ``size`` objects on each but the last, in the order
    made (the same from build to build), each page linking the first, the
    previous, itself, the next and the last. An empty list is one page."""
    count = max(1, -(-len(objects) // size))
    urls = [page_url(first, number) for number in range(1, count + 1)]
    found: dict[str, Json] = {}
    for number, url in enumerate(urls, start=1):
        links = {
            "first": urls[0],
            "prev": urls[number - 2] if number > 1 else None,
            "self": url,
            "next": urls[number] if number < count else None,
            "last": urls[-1],
        }
        found[url] = {
            "data": objects[(number - 1) * size : number * size],
            "pagination": {
                "totalElements": len(objects),
                "elementsPerPage": size,
                "currentPage": number,
                "totalPages": count,
            },
            "links": compact(links),
        }
    return found


def make(env: BuildEnvironment) -> dict[str, Json]:
    """The export: each file's path below the output directory, its JSON."""
    ex = collect(env)
    site = ex.site
    key = site.path(ex.body).removesuffix(".json")
    lists: dict[str, str] = {prop: site.at(f"{key}/{prop}.json") for prop in LISTS}
    body = _body(ex, lists)
    size = KommunConfig.from_config(env.config).oparl_page_size
    files: dict[str, Json] = {site.path(url): obj for url, obj in ex.objects.items()}
    files[site.path(body["id"])] = body
    for prop, kind in LISTS.items():
        found = [o for o in ex.objects.values() if o["type"] == SCHEMA + kind]
        for url, page in pages(lists[prop], found, size).items():
            files[site.path(url)] = page
    bodies = site.at("body.json")
    for url, page in pages(bodies, [body], size).items():
        files[site.path(url)] = page
    files["system.json"] = _system(env, site, bodies)
    return files


def _body(ex: Export, lists: dict[str, str]) -> Json:
    body: Json = {
        "id": ex.body,
        "type": SCHEMA + "Body",
        "system": ex.site.at("system.json"),
        "name": ex.kommun,
        **lists,
        "legislativeTerm": members.terms(ex, ex.register),
        "classification": "kommun",
    }
    if ex.site.html:
        body["website"] = body["web"] = ex.site.html
    return body


def _system(env: BuildEnvironment, site: Site, bodies: str) -> Json:
    system: dict[str, Any] = {
        "id": site.at("system.json"),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "body": bodies,
        "name": str(env.config.project),
        "product": "https://pypi.org/project/sphinx-kommun/",
        # "internal": everything, also what a public build leaves out
        "sk:publicering": KommunConfig.from_config(env.config).publication,
    }
    if site.html:
        system["website"] = site.html
        system["web"] = site.html
    return system
