"""Lookups derived from the domain's objects.

The domain stores objects per document only; everything that needs a view
across documents (by id, by ärende, backlinks) is computed here once, after
reading, and thrown away whenever the stored objects change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..kinds.arende import Arende
from ..kinds.beslut import Beslut
from ..kinds.motion import Motion, Yrkande
from ..kinds.remiss import Remiss
from ..kinds.reservation import Reservation
from ..kinds.sammantrade import Sammantrade
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from ..swedish import normalise
from .backlinks import Backlink, compute
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
    _backlinks: dict[str, list[Backlink]] | None = None
    _ranks: dict[str, dict[str, int]] = field(default_factory=dict)
    _meetings: list[Sammantrade] | None = None
    _has_arenden: bool | None = None
    _meetings_by_dnr: dict[str, list[Sammantrade]] | None = None
    _refs_by_source: dict[str, list[RoleRef]] | None = None
    #: dnr -> the pages with a remissammanställning of that ärende
    compilations: dict[str, list[str]] = field(default_factory=dict)
    #: A page's title (backlinks from a page rather than an object show it).
    page_title: Callable[[str], str] = lambda docname: ""

    @classmethod
    def build(
        cls,
        objects_by_doc: Mapping[str, Sequence[KommunObject]],
        refs_by_doc: Mapping[str, Sequence[RoleRef]],
        compilations_by_doc: Mapping[str, Iterable[str]] | None = None,
        page_title: Callable[[str], str] | None = None,
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
        index = cls(objects=objects, refs=refs)
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
                compilations[dnr].append(docname)
        index.compilations = dict(compilations)
        return index

    def refs_from(self, obj_id: str) -> list[RoleRef]:
        """The references written inside object ``obj_id``."""
        if self._refs_by_source is None:
            found: dict[str, list[RoleRef]] = defaultdict(list)
            for ref in self.refs:
                if ref.source:
                    found[ref.source].append(ref)
            self._refs_by_source = dict(found)
        return self._refs_by_source.get(obj_id, [])

    # -- queries (what a page reads through a RecordingIndex) -----------------

    def get(self, obj_id: str) -> KommunObject | None:
        """The object with id ``obj_id``."""
        return self.by_id.get(obj_id)

    def of_dnr(self, dnr: str) -> list[KommunObject]:
        """The objects of ärende ``dnr``, as read."""
        return self.by_dnr.get(dnr, [])

    def compilation_pages(self, dnr: str) -> list[str]:
        """The pages showing ärende ``dnr``'s remissammanställning."""
        return self.compilations.get(dnr, [])

    # -- by kind within an ärende -------------------------------------------

    def of_kind(self, cls: type[T], dnr: str) -> list[T]:
        return [obj for obj in self.by_dnr.get(dnr, ()) if isinstance(obj, cls)]

    def first(self, cls: type[T], dnr: str) -> T | None:
        found = self.of_kind(cls, dnr)
        return found[0] if found else None

    def arende(self, dnr: str) -> Arende | None:
        return self.first(Arende, dnr)

    def motion(self, dnr: str) -> Motion | None:
        return self.first(Motion, dnr)

    def remiss(self, dnr: str) -> Remiss | None:
        return self.first(Remiss, dnr)

    def utlatande(self, dnr: str) -> Utlatande | None:
        return self.first(Utlatande, dnr)

    def yrkanden(self, motion: Motion) -> list[Yrkande]:
        found = [
            obj
            for obj in self.by_dnr.get(motion.dnr, ())
            if isinstance(obj, Yrkande) and obj.motion == motion.id
        ]
        return sorted(found, key=lambda y: y.number)

    def all_yrkanden(self, dnr: str) -> list[Yrkande]:
        motion = self.motion(dnr)
        return self.yrkanden(motion) if motion else []

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
                    by_dnr[item].append(meeting)
            self._meetings_by_dnr = dict(by_dnr)
        return self._meetings_by_dnr.get(dnr, [])

    def dnrs(self) -> list[str]:
        """Every diarienummer objects are filed under (objects without one,
        already warned about, belong to no ärende)."""
        return sorted(dnr for dnr in self.by_dnr if dnr)

    # -- resolving references -------------------------------------------------

    def split_target(self, target: str, refdnr: str) -> tuple[str, str]:
        """Split ``KS 2019/1899:1`` into ärende and rest; relative targets use
        ``refdnr``."""
        target = " ".join(target.split())
        if not target:
            return refdnr, ""
        if target in self.by_dnr:
            return target, ""
        head, sep, rest = target.partition(":")
        if sep and head.strip() in self.by_dnr:
            return head.strip(), rest.strip()
        return refdnr, target

    def resolve(self, kind: str, target: str, refdnr: str = "") -> KommunObject | None:
        """The object a role or an option refers to, or None.

        ``kind`` is a kind name or ``"any"``. A target is an object id, or a
        natural key: the dnr of an ärende, ``[dnr:]N`` for an att-sats,
        ``[dnr:]instans`` for a yttrande, ``[dnr:]organ`` for a beslut; a
        motion, remiss or utlåtande is named by its ärende's dnr.
        """
        target = target.strip()
        obj = self.by_id.get(target)
        if obj is not None and kind in ("any", obj.kind):
            return obj
        dnr, rest = self.split_target(target, refdnr)
        if not dnr:
            return None
        if kind in ("arende", "any") and not rest:
            found = self.arende(dnr)
            if found or kind == "arende":
                return found
        if kind == "motion" and not rest:
            return self.motion(dnr)
        if kind == "remiss" and not rest:
            return self.remiss(dnr)
        if kind == "utlatande" and not rest:
            return self.utlatande(dnr)
        if kind in ("yrkande", "any") and rest.isdigit():
            for yrkande in self.all_yrkanden(dnr):
                if yrkande.number == int(rest):
                    return yrkande
        if kind in ("yttrande", "any") and rest:
            found_yttrande = self.yttrande_from(dnr, rest)
            if found_yttrande:
                return found_yttrande
        if kind in ("beslut", "any"):
            beslut = self.beslut(dnr)
            if not rest and kind == "beslut" and beslut:
                return beslut[-1]
            for candidate in beslut:
                if rest and normalise(candidate.body) == normalise(rest):
                    return candidate
        if kind in ("reservation", "any") and rest:
            for reservation in self.reservations(dnr):
                if normalise(reservation.title) == normalise(rest):
                    return reservation
        return None

    def concerns(self, reservation: Reservation) -> KommunObject | None:
        """The decision or yttrande a reservation concerns."""
        ref = reservation.concerns_ref
        if ref:
            if ref.casefold() == "beslut":
                found = self.resolve("beslut", "", reservation.dnr)
                return found
            obj = self.resolve("any", ref, reservation.dnr)
            # a reservation naming itself concerns nothing (warned about)
            return obj if obj is not reservation else None
        # by default: the yttrande of the body the reservation was made in
        return self.yttrande_from(reservation.dnr, reservation.body)

    # -- backlinks --------------------------------------------------------------

    def backlinks(self, target_id: str) -> list[Backlink]:
        if self._backlinks is None:
            self._backlinks = self._compute_backlinks()
        return self._backlinks.get(target_id, [])

    def _compute_backlinks(self) -> dict[str, list[Backlink]]:
        return compute(self)
