"""Sammanträde: a meeting and the ärenden on its agenda (the föredragningslista)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import KommunObject
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..swedish import format_date, slug


@dataclass(frozen=True, kw_only=True)
class Sammantrade(KommunObject):
    """A meeting (e.g. of kommunfullmäktige) and the ärenden on its agenda."""

    kind: ClassVar[str] = "sammantrade"
    label: ClassVar[str] = N_("sammanträde")

    body: str = ""
    date: dt.date | None = None
    time: str = ""
    place: str = ""
    #: Diarienummer of the ärenden on the agenda, in order.
    items: tuple[str, ...] = ()


OPTIONS = {
    "organ": kind.text("the body meeting (default: the profile's fullmäktige)"),
    "datum": kind.date("date of the meeting (YYYY-MM-DD)"),
    "tid": kind.text("time, e.g. 18.00"),
    "plats": kind.text("where the meeting is held"),
    "arenden": kind.entries("diarienummer of the ärenden on the agenda, in order"),
}


def agenda(d: ObjectDirective) -> tuple[str, ...]:
    items: list[str] = []
    line = d.option_line("arenden")
    for entry in d.value("arenden"):
        dnr = " ".join(entry.split())
        d.check_dnr(dnr, line=line)
        if dnr in items:
            d.warn(
                _("ärendet %(dnr)s står två gånger på föredragningslistan"),
                "duplicate",
                {"dnr": dnr},
                line=line,
            )
            continue
        items.append(dnr)
    if not items:
        d.warn(_("sammanträdet har inga ärenden (:arenden:)"), "missing")
    return tuple(items)


def parse(d: ObjectDirective) -> tuple[Sammantrade, list[nodes.Node]]:
    organ = d.value("organ") or d.kommun_config.words.council
    when = d.value("datum")
    if when is None and not d.text("datum"):
        d.warn(_("sammanträdet saknar datum (:datum:)"), "missing")
    items = agenda(d)
    day = format_date(when, d.locale) if when else ""
    title = d.argument() or f"{organ} {day}".strip()
    default = slug(f"{organ} {when.isoformat() if when else ''}") or "sammantrade"
    meeting = Sammantrade(
        id=d.object_id(default),
        **d.where(),
        dnr="",
        title=title,
        body=organ,
        date=when,
        time=d.value("tid"),
        place=d.value("plats"),
        items=items,
    )
    return meeting, d.body("")


def render_sammantrade(
    d: ObjectDirective, meeting: Sammantrade, body: list[nodes.Node]
) -> list[nodes.Node]:
    fields = d.fields(
        (_("Organ"), meeting.body),
        (_("Datum"), meeting.date),
        (_("Tid"), meeting.time),
        (_("Plats"), meeting.place),
    )
    container = d.container(meeting)
    container += d.header(meeting, fields, classes=["kommun-sammantrade-header"])
    container += render.rubric(meeting.title, classes=["kommun-doc-title"])
    container += d.pending("pdf-link", target=meeting.id)
    container += d.pending("feed-links", target=meeting.id)
    container.extend(body)
    container += d.pending("sammantrade-agenda", target=meeting.id)
    container.extend(d.footer(meeting))
    container += d.backlinks(meeting)
    return [container]


KIND = kind.Kind(
    Sammantrade,
    ("sammantrade", "sammanträde"),
    OPTIONS,
    parse,
    render_sammantrade,
    colour="#C8E6F7",
)
