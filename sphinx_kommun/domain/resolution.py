"""What a reference names: a role's target, an option naming another
object, the decision a reservation concerns.

A target is an object id or a natural key (see :func:`resolve`); the
ärende part of ``KS 2019/1899:1`` is read by :func:`split_target`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kinds.beslutspunkt import Beslutspunkt
from ..kinds.initiativ import Initiativ
from ..kinds.reservation import Reservation
from ..swedish import normalise
from .model import KommunObject

if TYPE_CHECKING:
    from .index import ObjectIndex

#: The kinds of initiating document (motion, skrivelse …).
INITIATIV_KINDS = frozenset(cls.kind for cls in Initiativ.__subclasses__())


def split_target(index: ObjectIndex, target: str, refdnr: str) -> tuple[str, str]:
    """Split ``KS 2019/1899:1`` into ärende and rest; relative targets use
    ``refdnr``."""
    target = " ".join(target.split())
    refdnr = index.canonical(refdnr)
    if not target:
        return refdnr, ""
    if index.canonical(target) in index.by_dnr:
        return index.canonical(target), ""
    head, sep, rest = target.rpartition(":")
    if sep and index.canonical(head.strip()) in index.by_dnr:
        return index.canonical(head.strip()), rest.strip()
    return refdnr, target


def resolve(
    index: ObjectIndex, kind: str, target: str, refdnr: str = ""
) -> KommunObject | None:
    """The object a role or an option refers to, or None.

    ``kind`` is a kind name or ``"any"``. A target is an object id, or a
    natural key: the dnr of an ärende; an initiating document's own dnr
    or number; ``[dnr:]N`` or ``REF:N`` for an att-sats (of the ärende's
    first initiating document, or of the one REF names); ``[dnr:]N`` or
    ``[dnr:]punkt N`` for a beslutspunkt; ``[dnr:]instans`` for a
    yttrande, ``[dnr:]organ`` for a beslut; a remiss or utlåtande is
    named by its ärende's dnr.
    """
    target = target.strip()
    obj = index.by_id.get(target)
    if obj is not None and kind in ("any", obj.kind):
        return obj
    if kind in INITIATIV_KINDS or kind == "yrkande":
        found = _resolve_initiativ(index, kind, target, refdnr)
        if found is not None:
            return found
    dnr, rest = split_target(index, target, refdnr)
    if not dnr:
        return None
    if kind in ("arende", "any") and not rest:
        found_arende = index.arende(dnr)
        if found_arende or kind == "arende":
            return found_arende
    if kind in INITIATIV_KINDS and not rest:
        return next((i for i in index.initiativ(dnr) if i.kind == kind), None)
    if kind in ("remiss", "utlatande", "tjansteskrivelse") and not rest:
        return next((o for o in index.of_dnr(dnr) if o.kind == kind), None)
    if kind in ("yrkande", "any") and rest.isdigit():
        primary = index.primary(dnr)
        for yrkande in index.yrkanden(primary) if primary else ():
            if yrkande.number == int(rest):
                return yrkande
    if kind in ("beslutspunkt", "any") and rest:
        point = _resolve_point(index, dnr, rest)
        if point is not None:
            return point
    return _resolve_by_name(index, kind, dnr, rest)


def _resolve_initiativ(
    index: ObjectIndex, kind: str, target: str, refdnr: str
) -> KommunObject | None:
    """An initiating document by what it carries, or an att-sats of one
    (``REF:N``)."""
    if kind != "yrkande":
        found = index.find_initiativ(target, index.canonical(refdnr))
        return found if found is not None and found.kind == kind else None
    head, sep, rest = target.rpartition(":")
    initiativ = index.find_initiativ(head, index.canonical(refdnr)) if sep else None
    if initiativ is None or not rest.strip().isdigit():
        return None
    number = int(rest)
    return next((y for y in index.yrkanden(initiativ) if y.number == number), None)


def _resolve_point(index: ObjectIndex, dnr: str, rest: str) -> Beslutspunkt | None:
    """Beslutspunkt ``N`` (``punkt N``) of the ärende's last proposal with
    points, or of the proposal named (``<id>:N``)."""
    words = rest.split()
    if len(words) == 2 and words[0].casefold() in ("punkt", "beslutspunkt"):
        rest = words[1]
    head, _sep, number = rest.rpartition(":")
    if not number.strip().isdigit():
        return None
    proposals = [p for p in index.proposals(dnr) if index.points(p)]
    if head:
        proposals = [p for p in proposals if p.id == head.strip()]
    for point in index.points(proposals[-1]) if proposals else ():
        if point.number == int(number):
            return point
    return None


def _resolve_by_name(
    index: ObjectIndex, kind: str, dnr: str, rest: str
) -> KommunObject | None:
    """A yttrande by its instans, a beslut by its body, a reservation by
    its title."""
    if kind in ("yttrande", "any") and rest:
        found_yttrande = index.yttrande_from(dnr, rest)
        if found_yttrande:
            return found_yttrande
    if kind in ("beslut", "any"):
        # a beslut directive, not a § of a protokoll (a Beslut too)
        beslut = [b for b in index.beslut(dnr) if b.kind == "beslut"]
        if not rest and kind == "beslut" and beslut:
            return beslut[-1]
        for candidate in beslut:
            if rest and normalise(candidate.body) == normalise(rest):
                return candidate
    if kind in ("reservation", "any") and rest:
        for reservation in index.reservations(dnr):
            if normalise(reservation.title) == normalise(rest):
                return reservation
    return None


def concerns(index: ObjectIndex, reservation: Reservation) -> KommunObject | None:
    """The decision, beslutspunkt or yttrande a reservation concerns."""
    ref = reservation.concerns_ref
    if ref:
        if ref.casefold() == "beslut":
            found = resolve(index, "beslut", "", reservation.dnr)
            return found
        point = _concerned_point(index, reservation)
        if point is not None:
            return point
        obj = resolve(index, "any", ref, reservation.dnr)
        # a reservation naming itself concerns nothing (warned about)
        return obj if obj is not reservation else None
    # by default: the yttrande of the body the reservation was made in
    return index.yttrande_from(reservation.dnr, reservation.body)


def _concerned_point(
    index: ObjectIndex, reservation: Reservation
) -> Beslutspunkt | None:
    """``punkt 3``: of the proposal the reservation's body decided on
    (its beslut's), else of the ärende's last proposal with points."""
    words = reservation.concerns_ref.split()
    if len(words) != 2 or words[0].casefold() not in ("punkt", "beslutspunkt"):
        return None
    if not words[1].isdigit():
        return None
    decided = [
        b
        for b in index.beslut(reservation.dnr)
        if not reservation.body or normalise(b.body) == normalise(reservation.body)
    ]
    proposal = index.proposal_for(decided[-1]) if decided else None
    if proposal is not None and index.points(proposal):
        return next(
            (p for p in index.points(proposal) if p.number == int(words[1])), None
        )
    return _resolve_point(index, reservation.dnr, words[1])
