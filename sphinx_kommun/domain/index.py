"""Lookups derived from the domain's objects.

The domain stores objects per document only; everything that needs a view
across documents (by id, by ärende, backlinks) is computed here once, after
reading, and thrown away whenever the stored objects change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..kinds.arende import Arende
from ..kinds.beslut import Beslut
from ..kinds.beslutspunkt import Beslutspunkt, Proposing
from ..kinds.initiativ import Initiativ, Yrkande
from ..kinds.paragraf import Paragraf
from ..kinds.remiss import Remiss
from ..kinds.reservation import Reservation
from ..kinds.sammantrade import Sammantrade
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from ..swedish import normalise
from . import protocol, resolution, verdicts
from .backlinks import Backlink, compute
from .joined import join_dnrs
from .model import KommunObject, RoleRef

T = TypeVar("T", bound=KommunObject)


@dataclass
class ObjectIndex:
    """Every object of the project, indexed."""

    objects: list[KommunObject]
    refs: list[RoleRef]
    by_id: dict[str, KommunObject] = field(default_factory=dict)
    duplicates: list[tuple[KommunObject, KommunObject]] = field(default_factory=list)
    by_dnr: dict[str, list[KommunObject]] = field(default_factory=dict)
    #: each dnr written together with another, and the ärende's it is joined to
    joined: dict[str, str] = field(default_factory=dict)
    _backlinks: dict[str, list[Backlink]] | None = None
    _ranks: dict[str, dict[str, int]] = field(default_factory=dict)
    _meetings: list[Sammantrade] | None = None
    _has_arenden: bool | None = None
    _meetings_by_dnr: dict[str, list[Sammantrade]] | None = None
    _name_forms: dict[str, str] | None = None
    _first_numbers: dict[int, dict[str, int]] = field(default_factory=dict)
    #: dnr -> the pages with a remissammanställning of that ärende
    compilations: dict[str, list[str]] = field(default_factory=dict)
    #: person's name normalised -> (parties, page, anchor) of each personregister
    #: section of that name (parties: a namesake's, told apart by them; None
    #: when the name is one person's)
    people: dict[str, list[tuple[tuple[str, ...] | None, str, str]]] = field(
        default_factory=dict
    )
    #: A page's title (backlinks from a page rather than an object show it).
    page_title: Callable[[str], str] = lambda docname: ""

    @classmethod
    def build(
        cls,
        objects_by_doc: Mapping[str, Sequence[KommunObject]],
        refs_by_doc: Mapping[str, Sequence[RoleRef]],
        compilations_by_doc: Mapping[str, Iterable[str]] | None = None,
        page_title: Callable[[str], str] | None = None,
        people_by_doc: Mapping[str, Mapping[str, tuple[str, tuple[str, ...] | None]]]
        | None = None,
    ) -> ObjectIndex:
        """The index of the objects and references of every page.

        ``compilations_by_doc``: per page, the dnr of the ärenden whose
        remissammanställning it shows.
        """
        objects = [
            obj
            for docname in sorted(objects_by_doc)
            for obj in sorted(objects_by_doc[docname], key=lambda o: o.lineno)
        ]
        refs = [ref for docname in sorted(refs_by_doc) for ref in refs_by_doc[docname]]
        joined = join_dnrs(objects)
        # an object filed under a joined dnr belongs to the ärende, and
        # keeps the dnr it was written with as its own
        objects = [
            replace(obj, dnr=joined[obj.dnr], dnrs=obj.dnrs or (obj.dnr,))
            if obj.dnr in joined
            else obj
            for obj in objects
        ]
        index = cls(objects=objects, refs=refs, joined=joined)
        if page_title is not None:
            index.page_title = page_title
        by_dnr: dict[str, list[KommunObject]] = defaultdict(list)
        for obj in objects:
            if obj.id in index.by_id:
                index.duplicates.append((index.by_id[obj.id], obj))
                continue
            index.by_id[obj.id] = obj
            by_dnr[obj.dnr].append(obj)
        index.by_dnr = dict(by_dnr)
        compilations: dict[str, list[str]] = defaultdict(list)
        for docname, dnrs in sorted((compilations_by_doc or {}).items()):
            for dnr in dnrs:
                compilations[index.canonical(dnr)].append(docname)
        index.compilations = dict(compilations)
        for docname, anchors in sorted((people_by_doc or {}).items()):
            for anchor, (name, parties) in anchors.items():
                index.people.setdefault(name, []).append((parties, docname, anchor))
        return index

    # -- queries (what a page reads through a RecordingIndex) -----------------

    def get(self, obj_id: str) -> KommunObject | None:
        """The object with id ``obj_id``."""
        return self.by_id.get(obj_id)

    def canonical(self, dnr: str) -> str:
        """The ärende ``dnr`` belongs to: itself, or the one it is joined to."""
        return self.joined.get(dnr, dnr)

    def of_dnr(self, dnr: str) -> list[KommunObject]:
        """The objects of ärende ``dnr``, as read."""
        return self.by_dnr.get(self.canonical(dnr), [])

    def person_page(self, name: str, party: str = "") -> tuple[str, str] | None:
        """The page and anchor of the person's section in a personregister
        (the first page's); of namesakes, the one of ``party``."""
        wanted = normalise(party)
        for parties, docname, anchor in self.people.get(normalise(name), ()):
            if parties is None or wanted in parties:
                return docname, anchor
        return None

    def compilation_pages(self, dnr: str) -> list[str]:
        """The pages showing ärende ``dnr``'s remissammanställning."""
        return self.compilations.get(self.canonical(dnr), [])

    # -- by kind within an ärende -------------------------------------------

    def of_kind(self, cls: type[T], dnr: str) -> list[T]:
        return [obj for obj in self.of_dnr(dnr) if isinstance(obj, cls)]

    def first(self, cls: type[T], dnr: str) -> T | None:
        found = self.of_kind(cls, dnr)
        return found[0] if found else None

    def arende(self, dnr: str) -> Arende | None:
        return self.first(Arende, dnr)

    def initiativ(self, dnr: str) -> list[Initiativ]:
        """The ärende's initiating documents (motions, skrivelser …), in the
        order they were filed (as read where no date says)."""
        found = self.of_kind(Initiativ, dnr)
        return sorted(found, key=lambda doc: doc.filed or dt.date.max)

    def primary(self, dnr: str) -> Initiativ | None:
        """The initiating document a bare att-sats number refers to: the
        first with att-satser, else the first."""
        found = self.initiativ(dnr)
        with_att_satser = [i for i in found if self.yrkanden(i)]
        chosen = with_att_satser or found
        return chosen[0] if chosen else None

    def items(self, dnr: str) -> list[KommunObject]:
        """What a decision in the ärende must answer: every att-sats of every
        initiating document, and each one without att-satser as a whole."""
        found: list[KommunObject] = []
        for initiativ in self.initiativ(dnr):
            found.extend(self.yrkanden(initiativ) or [initiativ])
        return found

    def proposals(self, dnr: str) -> list[Proposing]:
        """The documents with a förslag till beslut (utlåtanden,
        tjänsteskrivelser), as read."""
        return self.of_kind(Proposing, dnr)

    def points(self, proposal: KommunObject) -> list[Beslutspunkt]:
        """The beslutspunkter of a proposing document, by number."""
        return self._numbered(Beslutspunkt, proposal, "proposal")

    def _numbered(self, cls: type[T], owner: KommunObject, attr: str) -> list[T]:
        """The objects of ``cls`` whose ``attr`` names ``owner``, by number."""
        found = [
            obj
            for obj in self.of_dnr(owner.dnr)
            if isinstance(obj, cls) and getattr(obj, attr) == owner.id
        ]
        return sorted(found, key=lambda obj: int(getattr(obj, "number", 0)))

    def proposal_for(self, beslut: Beslut) -> Proposing | None:
        """What a beslut decides on: its ``:underlag:``, else the proposal
        addressed to its body, else the last one with beslutspunkter."""
        return verdicts.proposal_for(self, beslut)

    def outcome_on(self, beslut: Beslut, item: KommunObject) -> str:
        """The beslut's outcome on an att-sats, initiating document or
        beslutspunkt ("" when it gives none)."""
        return verdicts.outcome_on(self, beslut, item)

    def position_on(self, yttrande: Yttrande, item: KommunObject) -> str:
        """The yttrande's ställning on an att-sats or initiating document."""
        return verdicts.position_on(self, yttrande, item)

    def find_initiativ(self, ref: str, dnr: str = "") -> Initiativ | None:
        """The initiating document ``ref`` names: its id, a dnr it carries,
        or its number ("2016:5"); one of ärende ``dnr`` first."""
        ref = " ".join(ref.split())
        found = self.by_id.get(ref)
        if isinstance(found, Initiativ):
            return found
        candidates = self.initiativ(dnr) if dnr else []
        others = [o for o in self.by_id.values() if isinstance(o, Initiativ)]
        for initiativ in [*candidates, *others]:
            if ref in (initiativ.own_dnr, *initiativ.dnrs) or (
                initiativ.number and ref == initiativ.number
            ):
                return initiativ
        return None

    def name_form(self, name: str) -> str:
        """How a yttrande's ``:namnform:`` writes the body ``name`` inside a
        sentence ("" where none does)."""
        if self._name_forms is None:
            self._name_forms = {}
            for obj in self.objects:
                if isinstance(obj, Yttrande) and obj.name_form:
                    self._name_forms.setdefault(normalise(obj.instans), obj.name_form)
        return self._name_forms.get(normalise(name), "")

    def remiss(self, dnr: str) -> Remiss | None:
        return self.first(Remiss, dnr)

    def utlatande(self, dnr: str) -> Utlatande | None:
        return self.first(Utlatande, dnr)

    def yrkanden(self, initiativ: KommunObject) -> list[Yrkande]:
        """The att-satser of an initiating document, by number."""
        return self._numbered(Yrkande, initiativ, "initiativ")

    def yttranden(self, dnr: str) -> list[Yttrande]:
        """The yttranden of an ärende in remiss order (others after, as read)."""
        return sorted(self.of_kind(Yttrande, dnr), key=self.remiss_rank)

    def remiss_rank(self, obj: KommunObject) -> int:
        """Position of a yttrande's instans in its remiss; others rank last."""
        if not isinstance(obj, Yttrande):
            return 10**6
        if obj.dnr not in self._ranks:
            remiss = self.remiss(obj.dnr)
            names = remiss.instanser if remiss is not None else ()
            self._ranks[obj.dnr] = {
                normalise(name): n for n, name in reversed(list(enumerate(names)))
            }
        return self._ranks[obj.dnr].get(normalise(obj.instans), 10**6)

    def yttrande_from(self, dnr: str, instans: str) -> Yttrande | None:
        wanted = normalise(instans)
        for yttrande in self.yttranden(dnr):
            if normalise(yttrande.instans) == wanted:
                return yttrande
        return None

    def reservations(self, dnr: str) -> list[Reservation]:
        return self.of_kind(Reservation, dnr)

    def beslut(self, dnr: str) -> list[Beslut]:
        return self.of_kind(Beslut, dnr)

    def paragrafer(self, dnr: str) -> list[Paragraf]:
        """The §§ of protokoll that record a decision in ärende ``dnr``."""
        return self.of_kind(Paragraf, dnr)

    def find_paragraf(self, ref: str) -> Paragraf | None:
        """The § ``ref`` names: its id, or the last § of ärende ``ref``."""
        found = self.by_id.get(ref)
        if isinstance(found, Paragraf):
            return found
        recorded = self.paragrafer(ref) if ref else []
        return recorded[-1] if recorded else None

    def paragraf_number(self, paragraf_id: str, first_of_year: int = 1) -> int | None:
        """A §'s number, continued over its body's year (:mod:`.protocol`)."""
        if first_of_year not in self._first_numbers:
            self._first_numbers[first_of_year] = protocol.first_numbers(
                self.by_id.values(), first_of_year
            )
        numbers = self._first_numbers[first_of_year]
        return protocol.paragraf_number(self.by_id, numbers, paragraf_id)

    def sammantraden(self) -> list[Sammantrade]:
        if self._meetings is None:
            self._meetings = [
                o for o in self.by_id.values() if isinstance(o, Sammantrade)
            ]
        return self._meetings

    def has_arenden(self) -> bool:
        if self._has_arenden is None:
            self._has_arenden = any(self.arende(dnr) for dnr in self.by_dnr)
        return self._has_arenden

    def meetings_of(self, dnr: str) -> list[Sammantrade]:
        """The meetings with the ärende on their agenda."""
        if self._meetings_by_dnr is None:
            by_dnr: dict[str, list[Sammantrade]] = defaultdict(list)
            for meeting in self.sammantraden():
                for item in meeting.items:
                    by_dnr[self.canonical(item)].append(meeting)
            self._meetings_by_dnr = dict(by_dnr)
        return self._meetings_by_dnr.get(self.canonical(dnr), [])

    def dnrs(self) -> list[str]:
        """Every diarienummer objects are filed under (objects without one,
        already warned about, belong to no ärende)."""
        return sorted(dnr for dnr in self.by_dnr if dnr)

    # -- resolving references -------------------------------------------------

    def split_target(self, target: str, refdnr: str) -> tuple[str, str]:
        """Split ``KS 2019/1899:1`` into ärende and rest (:mod:`.resolution`)."""
        return resolution.split_target(self, target, refdnr)

    def resolve(self, kind: str, target: str, refdnr: str = "") -> KommunObject | None:
        """The object a role or an option refers to (:mod:`.resolution`)."""
        return resolution.resolve(self, kind, target, refdnr)

    def concerns(self, reservation: Reservation) -> KommunObject | None:
        """The decision, beslutspunkt or yttrande a reservation concerns."""
        return resolution.concerns(self, reservation)

    # -- backlinks --------------------------------------------------------------

    def backlinks(self, target_id: str) -> list[Backlink]:
        if self._backlinks is None:
            self._backlinks = self._compute_backlinks()
        return self._backlinks.get(target_id, [])

    def _compute_backlinks(self) -> dict[str, list[Backlink]]:
        return compute(self)

    def computed_backlinks(self) -> Mapping[str, list[Backlink]] | None:
        """Every object's backlinks, if asked for since the index was made."""
        return self._backlinks
