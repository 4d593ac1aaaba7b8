"""What a yttrande's ställning and a beslut's utfall say about each thing
decided: an att-sats, an initiating document, a beslutspunkt.

A verdict (:class:`~.model.Verdict`) is on the whole, on a number, on a
document named (``KS 2023/456: avslag``) or on an att-sats of one. A bare
number is an att-sats of the ärende's first initiating document — or, for a
beslut on a proposal with numbered beslutspunkter, a beslutspunkt. When a
beslut decides on beslutspunkter, an initiating document's outcome is what
the approved points say of it ("Skrivelserna anses besvarade.", see
:func:`~sphinx_kommun.kinds.beslutspunkt.answers_in`), unless the beslut
names it itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..kinds.beslut import Beslut
from ..kinds.beslutspunkt import Answer, Beslutspunkt, Proposing, answers_in
from ..kinds.initiativ import Initiativ, Yrkande
from ..kinds.yttrande import Yttrande
from ..swedish import normalise
from ..vocabulary import OUTCOMES
from .model import KommunObject, Verdict

if TYPE_CHECKING:
    from .index import ObjectIndex

#: Outcomes that approve a beslutspunkt.
APPROVING = frozenset({"bifall", "delvis bifall", "enligt förslaget"})
#: The outcome that decides as the proposal says.
AS_PROPOSED = "enligt förslaget"
#: Outcomes on the whole ärende, whatever its points say.
ON_THE_WHOLE = frozenset({"återremiss", "bordläggning"})


def proposal_for(index: ObjectIndex, beslut: Beslut) -> Proposing | None:
    proposals = index.proposals(beslut.dnr)
    if beslut.underlag:
        return next((p for p in proposals if p.id == beslut.underlag), None)
    addressed = [
        p for p in proposals if normalise(p.addressee) == normalise(beslut.body)
    ]
    with_points = [p for p in proposals if index.points(p)]
    found = addressed or with_points or proposals
    return found[-1] if found else None


def _initiativ_of(index: ObjectIndex, item: KommunObject) -> Initiativ | None:
    if isinstance(item, Initiativ):
        return item
    if isinstance(item, Yrkande):
        found = index.get(item.initiativ)
        return found if isinstance(found, Initiativ) else None
    return None


def _aimed(index: ObjectIndex, verdict: Verdict, item: KommunObject, dnr: str) -> bool:
    """Whether a verdict naming a document (``target``) is on ``item``."""
    named = index.find_initiativ(verdict.target, dnr)
    if named is None:
        return index.resolve("any", verdict.target, dnr) is item
    if isinstance(item, Yrkande):
        return named.id == item.initiativ and verdict.number in (None, item.number)
    return named.id == item.id and verdict.number is None


def direct(
    index: ObjectIndex,
    verdicts: Iterable[Verdict],
    item: KommunObject,
    *,
    numbers: bool = True,
) -> str:
    """The word ``verdicts`` say on ``item`` themselves: aimed at it by
    name, then (``numbers``) by number, then on the whole."""
    verdicts = list(verdicts)
    dnr = item.dnr
    named = [v for v in verdicts if v.target and _aimed(index, v, item, dnr)]
    if named:  # REF:N before REF
        return sorted(named, key=lambda v: v.number is None)[0].word
    if not numbers:
        return ""
    initiativ = _initiativ_of(index, item)
    primary = index.primary(dnr)
    for verdict in verdicts:
        if verdict.target or verdict.number is None:
            continue
        on_primary = (
            isinstance(item, Yrkande)
            and primary is not None
            and initiativ is not None
            and initiativ.id == primary.id
        )
        if (on_primary or isinstance(item, Beslutspunkt)) and (
            verdict.number == getattr(item, "number", None)
        ):
            return verdict.word
    return next((v.word for v in verdicts if v.general), "")


def position_on(index: ObjectIndex, yttrande: Yttrande, item: KommunObject) -> str:
    return direct(index, yttrande.positions, item)


def outcome_on(index: ObjectIndex, beslut: Beslut, item: KommunObject) -> str:
    proposal = proposal_for(index, beslut)
    points = index.points(proposal) if proposal is not None else []
    if isinstance(item, Beslutspunkt):
        if proposal is None or item.proposal != proposal.id:
            return ""
        return direct(index, beslut.outcomes, item)
    if not points:
        found = direct(index, beslut.outcomes, item)
        if found == AS_PROPOSED and proposal is not None:
            return _as_proposed(index, proposal, item) or found
        return found
    named = direct(index, beslut.outcomes, item, numbers=False)
    if named:
        return named
    general = next((v.word for v in beslut.outcomes if v.general), "")
    if general in ON_THE_WHOLE:
        return general
    for point in points:
        word = direct(index, beslut.outcomes, point)
        if _on_att_sats(beslut, point, word):
            # "2: avslag" on a point written "2: avslag" is att-sats 2's outcome
            if any(answers(index, answer, item) for answer in point.answers):
                return word
            continue
        if word not in APPROVING:
            continue
        for answer in point.answers:
            if answers(index, answer, item):
                return answer.word
    return ""


def _on_att_sats(beslut: Beslut, point: Beslutspunkt, word: str) -> bool:
    """Whether ``word``, the beslut's word on ``point`` by its number, is
    the outcome on the att-sats itself: the point is a keyword on one
    (``:forslag: 1: bifall; 2: avslag``) and the word an outcome (bifall,
    avslag, anses besvarad …), not "enligt förslaget" — as a beslut on a
    proposal without points decides each att-sats itself."""
    return (
        not point.text
        and word in OUTCOMES
        and word != AS_PROPOSED
        and word not in ON_THE_WHOLE
        and any(v.number == point.number and not v.target for v in beslut.outcomes)
    )


def _as_proposed(index: ObjectIndex, proposal: Proposing, item: KommunObject) -> str:
    """What a proposal without points says of ``item``: its keyword
    ("anses besvarad"), or what its sentence says ("Motionen avslås …")."""
    if proposal.keyword in OUTCOMES:
        return proposal.keyword
    for answer in answers_in(proposal.proposal):
        if answers(index, answer, item):
            return answer.word
    return ""


def answers(index: ObjectIndex, answer: Answer, item: KommunObject) -> bool:
    """Whether ``answer`` (of an approved point) is on ``item``."""
    initiativ = _initiativ_of(index, item)
    if initiativ is None:
        return False
    if answer.target:
        return _aimed(index, answer, item, item.dnr)
    if answer.number is not None:
        return (
            isinstance(item, Yrkande)
            and item.number == answer.number
            and initiativ.id == getattr(index.primary(item.dnr), "id", "")
        )
    if answer.kinds and initiativ.kind not in answer.kinds:
        return False
    # "Skrivelsen (KS 2023/456) anses besvarad": only those it names
    of_kind = [
        i
        for i in index.initiativ(item.dnr)
        if not answer.kinds or i.kind in answer.kinds
    ]
    mentioned = [i for i in of_kind if _mentioned(i, answer.mentions)]
    return not mentioned or initiativ.id in {i.id for i in mentioned}


def _mentioned(initiativ: Initiativ, text: str) -> bool:
    if not text:
        return False
    return any(
        ref and ref in text
        for ref in (initiativ.own_dnr, initiativ.number, *initiativ.dnrs)
    )
