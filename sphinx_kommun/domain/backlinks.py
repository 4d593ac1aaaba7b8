"""Backlinks: for each object, what points at it and how.

Each kind of object links the objects it is about (:func:`_links`): a
yttrande answers the att-satser (with its ställning on each), a
reservation concerns a decision, a beslut decides the att-satser … and a
reference written with a role mentions its target (:func:`_mentions`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..kinds.arende import Arende
from ..kinds.beslut import Beslut
from ..kinds.beslutspunkt import Beslutspunkt, Proposing
from ..kinds.initiativ import Initiativ, Yrkande
from ..kinds.paragraf import Paragraf
from ..kinds.protokoll import Protokoll
from ..kinds.remiss import Remiss
from ..kinds.reservation import Reservation
from ..kinds.sammantrade import Sammantrade
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from ..swedish import fold
from .model import KommunObject, RoleRef
from .protocol import decisions_of


class Lookups(Protocol):
    """What backlinks are computed from: the object index's lookups."""

    @property
    def by_id(self) -> Mapping[str, KommunObject]: ...
    @property
    def refs(self) -> Sequence[RoleRef]: ...

    def page_title(self, docname: str) -> str: ...
    def arende(self, dnr: str) -> Arende | None: ...
    def initiativ(self, dnr: str) -> list[Initiativ]: ...
    def items(self, dnr: str) -> list[KommunObject]: ...
    def remiss(self, dnr: str) -> Remiss | None: ...
    def utlatande(self, dnr: str) -> Utlatande | None: ...
    def yrkanden(self, initiativ: KommunObject) -> list[Yrkande]: ...
    def yttranden(self, dnr: str) -> list[Yttrande]: ...
    def points(self, proposal: KommunObject) -> list[Beslutspunkt]: ...
    def proposal_for(self, beslut: Beslut) -> Proposing | None: ...
    def outcome_on(self, beslut: Beslut, item: KommunObject) -> str: ...
    def position_on(self, yttrande: Yttrande, item: KommunObject) -> str: ...
    def concerns(self, reservation: Reservation) -> KommunObject | None: ...
    def beslut(self, dnr: str) -> list[Beslut]: ...
    def remiss_rank(self, obj: KommunObject) -> int: ...
    def sammantraden(self) -> list[Sammantrade]: ...
    def resolve(
        self, kind: str, target: str, refdnr: str = ""
    ) -> KommunObject | None: ...


@dataclass
class Backlink:
    """One object (or document) pointing at another."""

    relation: str
    source: KommunObject | None
    docname: str
    detail: str = ""
    #: For a document (no source object): its title, shown as the link.
    page_title: str = ""


Link = tuple[KommunObject | None, Backlink]


def compute(index: Lookups) -> dict[str, list[Backlink]]:
    """Every object's backlinks, by the object's id."""
    links: dict[str, list[Backlink]] = defaultdict(list)
    for obj in index.by_id.values():
        for target, link in _links(index, obj):
            if target is not None:
                links[target.id].append(link)
    for target, link in _mentions(index):
        if target is not None:
            links[target.id].append(link)
    return {target: _unique(index, found) for target, found in links.items()}


def answered(
    items: Sequence[KommunObject],
    yttrande: Yttrande,
    position_on: Callable[[Yttrande, KommunObject], str],
) -> list[KommunObject]:
    """What a yttrande answers of ``items`` (every att-sats, or initiating
    document without, of its ärende): all of them — or, when each of its
    ställningar names a document, those it takes a stance on."""
    positions = yttrande.positions
    if not positions or not all(position.target for position in positions):
        return list(items)
    return [item for item in items if position_on(yttrande, item)]


def _links(index: Lookups, obj: KommunObject) -> Iterator[Link]:
    def link(relation: str, detail: str = "") -> Backlink:
        return Backlink(relation, obj, obj.docname, detail)

    if isinstance(obj, Remiss):
        for initiativ in index.initiativ(obj.dnr):
            yield initiativ, link("remitterad")
    elif isinstance(obj, Yttrande):
        yield index.remiss(obj.dnr), link("svar")
        # on the att-satser (with the ställning on each), or on the
        # initiating document when it has none: a list per att-sats says it all
        for item in answered(index.items(obj.dnr), obj, index.position_on):
            yield item, link("besvaras", index.position_on(obj, item))
    elif isinstance(obj, Reservation):
        yield index.concerns(obj), link("reservation")
    elif isinstance(obj, Proposing):
        for initiativ in index.initiativ(obj.dnr):
            yield initiativ, link("behandlas")
        if isinstance(obj, Utlatande):
            for yttrande in index.yttranden(obj.dnr):
                yield yttrande, link("behandlas")
    elif isinstance(obj, Paragraf):
        yield from _recorded(index, obj)
    elif isinstance(obj, Beslut):
        yield from _decided(index, obj)
    elif isinstance(obj, Sammantrade):
        for dnr in obj.items:
            yield index.arende(dnr), link("sammantrade")
            yield index.utlatande(dnr), link("sammantrade")
    elif isinstance(obj, Arende):
        for dnr in obj.related:
            yield index.arende(dnr), link("relaterat")
    elif isinstance(obj, Protokoll):
        # the meeting it is the protokoll of: the same body on the same day
        for meeting in index.sammantraden():
            if meeting.date == obj.date and fold(meeting.body) == fold(obj.body):
                yield meeting, link("protokoll")


def _decided(index: Lookups, beslut: Beslut) -> Iterator[Link]:
    """A beslut on what it decided, with the outcome on each: the
    att-satser (initiating documents without), the proposal it decided on
    and its beslutspunkter."""
    for item in index.items(beslut.dnr):
        outcome = index.outcome_on(beslut, item)
        yield item, Backlink("beslut", beslut, beslut.docname, outcome)
    proposal = index.proposal_for(beslut)
    if proposal is None:
        return
    yield proposal, Backlink("beslut", beslut, beslut.docname)
    for point in index.points(proposal):
        outcome = index.outcome_on(beslut, point)
        yield point, Backlink("beslut", beslut, beslut.docname, outcome)


def _recorded(index: Lookups, paragraf: Paragraf) -> Iterator[Link]:
    """A § on what it decided (as a beslut does, :func:`_decided`), on the
    ärende and on the ``beslut`` directives it records."""
    for target, link in _decided(index, paragraf):
        yield target, Backlink("paragraf", paragraf, paragraf.docname, link.detail)
    yield index.arende(paragraf.dnr), Backlink("paragraf", paragraf, paragraf.docname)
    for beslut in decisions_of(index, paragraf):
        yield beslut, Backlink("paragraf", paragraf, paragraf.docname)


def _mentions(index: Lookups) -> Iterator[Link]:
    """A reference written with a role mentions its target."""
    for ref in index.refs:
        target = index.resolve(ref.kind, ref.target, ref.refdnr)
        if target is None:
            continue
        source = index.by_id.get(ref.source) if ref.source else None
        if source is not None and source.id == target.id:
            continue
        title = index.page_title(ref.docname) if source is None else ""
        yield target, Backlink("omnamnd", source, ref.docname, page_title=title)


def _unique(index: Lookups, found: list[Backlink]) -> list[Backlink]:
    """One entry per (relation, source, document), yttranden in remiss order;
    a mention by an object already linked otherwise is left out."""
    found = sorted(
        found,
        key=lambda link: (
            index.remiss_rank(link.source) if link.source else 10**6,
            link.docname,
        ),
    )
    related = {
        link.source.id
        for link in found
        if link.source is not None and link.relation != "omnamnd"
    }
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for link in found:
        if link.relation == "omnamnd" and link.source and link.source.id in related:
            continue
        key = (link.relation, link.source.id if link.source else "", link.docname)
        if key not in seen:
            seen.add(key)
            unique.append(link)
    return unique
