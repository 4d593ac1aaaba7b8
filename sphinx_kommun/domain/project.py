"""The project as plugins read it: every object, and the questions across
documents, read-only.

A plugin's checks (``kommun_checks``) get a :class:`Project`; it is
exported from :mod:`sphinx_kommun.api`. What it returns are the model's
frozen objects, in tuples and read-only mappings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

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
from .backlinks import Backlink
from .index import ObjectIndex
from .model import KommunObject


class Project:
    """A read-only view of every object of the project."""

    def __init__(self, index: ObjectIndex) -> None:
        self._index = index

    @property
    def by_id(self) -> Mapping[str, KommunObject]:
        """Every object by its id (the first of a duplicated id)."""
        return MappingProxyType(self._index.by_id)

    @property
    def by_dnr(self) -> Mapping[str, Sequence[KommunObject]]:
        """The objects of each ärende, in the order they are read."""
        return MappingProxyType(self._index.by_dnr)

    @property
    def duplicates(self) -> Sequence[tuple[KommunObject, KommunObject]]:
        """(first, duplicate) for each object whose id was taken."""
        return tuple(self._index.duplicates)

    def get(self, obj_id: str) -> KommunObject | None:
        return self._index.get(obj_id)

    def dnrs(self) -> list[str]:
        """Every diarienummer objects are filed under, sorted."""
        return self._index.dnrs()

    def arende(self, dnr: str) -> Arende | None:
        return self._index.arende(dnr)

    def initiativ(self, dnr: str) -> tuple[Initiativ, ...]:
        """The ärende's initiating documents (motions, skrivelser …)."""
        return tuple(self._index.initiativ(dnr))

    def yrkanden(self, initiativ: Initiativ) -> tuple[Yrkande, ...]:
        """An initiating document's att-satser, by number."""
        return tuple(self._index.yrkanden(initiativ))

    def items(self, dnr: str) -> tuple[KommunObject, ...]:
        """What a decision must answer: every att-sats, and each initiating
        document without att-satser."""
        return tuple(self._index.items(dnr))

    def proposals(self, dnr: str) -> tuple[Proposing, ...]:
        """The utlåtanden and tjänsteskrivelser with a förslag till beslut."""
        return tuple(self._index.proposals(dnr))

    def points(self, proposal: Proposing) -> tuple[Beslutspunkt, ...]:
        """A proposal's beslutspunkter, by number."""
        return tuple(self._index.points(proposal))

    def proposal_for(self, beslut: Beslut) -> Proposing | None:
        """The proposal a beslut decides on."""
        return self._index.proposal_for(beslut)

    def outcome_on(self, beslut: Beslut, item: KommunObject) -> str:
        """A beslut's outcome on an att-sats, initiating document or
        beslutspunkt ("" for none)."""
        return self._index.outcome_on(beslut, item)

    def position_on(self, yttrande: Yttrande, item: KommunObject) -> str:
        """A yttrande's ställning on an att-sats or initiating document."""
        return self._index.position_on(yttrande, item)

    def remiss(self, dnr: str) -> Remiss | None:
        return self._index.remiss(dnr)

    def yttranden(self, dnr: str) -> tuple[Yttrande, ...]:
        """The ärende's yttranden, in remiss order."""
        return tuple(self._index.yttranden(dnr))

    def reservations(self, dnr: str) -> tuple[Reservation, ...]:
        return tuple(self._index.reservations(dnr))

    def utlatande(self, dnr: str) -> Utlatande | None:
        return self._index.utlatande(dnr)

    def beslut(self, dnr: str) -> tuple[Beslut, ...]:
        return tuple(self._index.beslut(dnr))

    def sammantraden(self) -> tuple[Sammantrade, ...]:
        return tuple(self._index.sammantraden())

    def concerns(self, reservation: Reservation) -> KommunObject | None:
        """What a reservation concerns: a yttrande, a beslut …"""
        return self._index.concerns(reservation)

    def find_paragraf(self, ref: str) -> Paragraf | None:
        """The § of a protokoll an id or an ärende's dnr names."""
        return self._index.find_paragraf(ref)

    def paragraf_number(self, paragraf_id: str, first_of_year: int = 1) -> int | None:
        """A §'s number, continued over its body's year."""
        return self._index.paragraf_number(paragraf_id, first_of_year)

    def find_initiativ(self, ref: str, dnr: str = "") -> Initiativ | None:
        """The initiating document an id, dnr or number names."""
        return self._index.find_initiativ(ref, dnr)

    def primary(self, dnr: str) -> Initiativ | None:
        """The initiating document a bare att-sats number refers to."""
        return self._index.primary(dnr)

    def resolve(self, kind: str, target: str, refdnr: str = "") -> KommunObject | None:
        """What a role or an option names (see the README's references)."""
        return self._index.resolve(kind, target, refdnr)

    def backlinks(self, obj_id: str) -> tuple[Backlink, ...]:
        """What points at object ``obj_id`` and how."""
        return tuple(self._index.backlinks(obj_id))
