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
from ..kinds.motion import Motion, Yrkande
from ..kinds.remiss import Remiss
from ..kinds.reservation import Reservation
from ..kinds.sammantrade import Sammantrade
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from .model import KommunObject, RoleRef


class Lookups(Protocol):
    """What backlinks are computed from: the object index's lookups."""

    @property
    def by_id(self) -> Mapping[str, KommunObject]: ...
    @property
    def refs(self) -> Sequence[RoleRef]: ...

    def page_title(self, docname: str) -> str: ...
    def arende(self, dnr: str) -> Arende | None: ...
    def motion(self, dnr: str) -> Motion | None: ...
    def remiss(self, dnr: str) -> Remiss | None: ...
    def utlatande(self, dnr: str) -> Utlatande | None: ...
    def yrkanden(self, motion: Motion) -> list[Yrkande]: ...
    def yttranden(self, dnr: str) -> list[Yttrande]: ...
    def concerns(self, reservation: Reservation) -> KommunObject | None: ...
    def remiss_rank(self, obj: KommunObject) -> int: ...
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


def _links(index: Lookups, obj: KommunObject) -> Iterator[Link]:
    def link(relation: str, detail: str = "") -> Backlink:
        return Backlink(relation, obj, obj.docname, detail)

    if isinstance(obj, Remiss):
        yield index.motion(obj.dnr), link("remitterad")
    elif isinstance(obj, Yttrande):
        yield index.remiss(obj.dnr), link("svar")
        # on the att-satser (with the ställning on each), or on the motion
        # when it has none: a list per att-sats says it all
        yield from _per_att_sats(index, obj, "besvaras", obj.position_for)
    elif isinstance(obj, Reservation):
        yield index.concerns(obj), link("reservation")
    elif isinstance(obj, Utlatande):
        yield index.motion(obj.dnr), link("behandlas")
        for yttrande in index.yttranden(obj.dnr):
            yield yttrande, link("behandlas")
    elif isinstance(obj, Beslut):
        yield from _per_att_sats(index, obj, "beslut", obj.outcome_for)
    elif isinstance(obj, Sammantrade):
        for dnr in obj.items:
            yield index.arende(dnr), link("sammantrade")
            yield index.utlatande(dnr), link("sammantrade")
    elif isinstance(obj, Arende):
        for dnr in obj.related:
            yield index.arende(dnr), link("relaterat")


def _per_att_sats(
    index: Lookups,
    obj: KommunObject,
    relation: str,
    word: Callable[[int], str],
) -> Iterator[Link]:
    """A link on each att-sats of the ärende's motion, with the word on it
    (``word(number)``), or on the motion when it has none."""
    motion = index.motion(obj.dnr)
    yrkanden = index.yrkanden(motion) if motion is not None else []
    if not yrkanden:
        yield motion, Backlink(relation, obj, obj.docname)
    for yrkande in yrkanden:
        yield yrkande, Backlink(relation, obj, obj.docname, word(yrkande.number))


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
