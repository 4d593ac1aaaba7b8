"""Reservation, särskilt uttalande, ersättaryttrande and protokollsanteckning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import RESERVED, KommunObject, Participation, Person, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..reading.excerpts import mark_excerpt
from ..swedish import capitalise, join
from ..vocabulary import RESERVATION_TYPES, closest, definite, readable
from .protokoll import CURRENT_PARAGRAF


@dataclass(frozen=True, kw_only=True)
class Reservation(KommunObject):
    kind: ClassVar[str] = "reservation"
    label: ClassVar[str] = N_("reservation")

    #: reservation, särskilt uttalande, ersättaryttrande, protokollsanteckning
    type: str = "reservation"
    authors: tuple[Person, ...] = ()
    body: str = ""
    date: dt.date | None = None
    #: The reference as written (an id, an instans name, or "beslut").
    concerns_ref: str = ""

    def participants(self) -> tuple[Participation, ...]:
        """Its authors reserved (or noted, said …: the detail is its kind)."""
        return tuple(
            Participation(p.name, RESERVED, self.type, p.party, "forfattare")
            for p in self.authors
            if not p.withdrawn
        )


OPTIONS = {
    "typ": kind.text(
        "reservation, särskilt uttalande, ersättaryttrande or protokollsanteckning"
    ),
    "organ": kind.text("the body it was made in"),
    "forfattare": kind.persons("authors, one per line: Name (Party)"),
    "avser": kind.text(
        "what it concerns: a yttrande (id or instans), a beslut ('beslut' or "
        "its id); default the yttrande of :organ:"
    ),
    "datum": kind.date("date (YYYY-MM-DD)"),
}


def _type(d: ObjectDirective) -> str:
    written = d.value("typ") or "reservation"
    known = closest(written, RESERVATION_TYPES)
    if known is not None:
        return known
    d.warn(
        _("okänd typ '%(type)s'; kända är %(known)s"),
        "type",
        {"type": written, "known": ", ".join(RESERVATION_TYPES)},
        line=d.option_line("typ"),
    )
    return " ".join(written.split())


def parse(d: ObjectDirective) -> tuple[Reservation, list[nodes.Node]]:
    dnr = d.dnr()
    written = _type(d)
    what = definite(written)
    authors = d.value("forfattare")
    if not authors:
        d.warn(
            _("%(what)s saknar författare (:forfattare:)"), "missing", {"what": what}
        )
    organ = d.value("organ")
    # in a § of a protokoll: against the §, made in the protokoll's body at
    # its meeting
    paragraf, body, held = d.env.current_document.get(CURRENT_PARAGRAF) or (
        "",
        "",
        None,
    )
    organ = organ or body
    if not organ and not d.value("avser"):
        d.warn(
            _("%(what)s anger varken :organ: eller :avser:"), "missing", {"what": what}
        )
    by = join((p.with_party() for p in authors), d.locale)
    title = d.argument() or (
        _("%(kind)s av %(who)s") % {"kind": capitalise(readable(written)), "who": by}
        if by
        else capitalise(readable(written))
    )
    # the first author as written: "Niklas Thorén m.fl." keeps its "m-fl"
    first = (
        (authors[0].name + (" m.fl." if authors[0].others else "")) if authors else ""
    )
    obj_id = d.object_id(default_id("reservation", dnr, written, organ, first))
    text_node = nodes.container(classes=["kommun-reservation-text"])
    text_node.extend(d.body(dnr))
    if not len(text_node):
        d.warn(_("%(what)s saknar text"), "missing", {"what": what})
    reservation = Reservation(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=title,
        excerpts=(mark_excerpt(text_node, obj_id, "text"),),
        type=written,
        authors=authors,
        body=organ,
        date=d.value("datum") or held,
        concerns_ref=d.value("avser") or paragraf,
    )
    return reservation, [text_node]


def render_reservation(
    d: ObjectDirective, reservation: Reservation, body: list[nodes.Node]
) -> list[nodes.Node]:
    fields = d.fields(
        (_("Typ"), capitalise(readable(reservation.type))),
        (_("Av"), render.person_list(reservation.authors, d.locale)),
        (_("Organ"), reservation.body),
        (_("Datum"), reservation.date),
    )
    container = d.container(reservation)
    if d.after_another_document():
        # after the beslut it is made against, on the same page
        container += render.rubric(reservation.title, classes=["kommun-doc-title"])
    container += d.header(reservation, fields, classes=["kommun-reservation-header"])
    container += d.pending("concerns", target=reservation.id, dnr=reservation.dnr)
    container.extend(body)
    container.extend(d.footer(reservation))
    return [container]


KIND = kind.Kind(
    Reservation,
    ("reservation",),
    OPTIONS,
    parse,
    render_reservation,
    colour="#E8D5F0",
)
