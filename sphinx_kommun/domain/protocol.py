"""Protokoll across documents: the §'s numbers over a year, and whether a §
agrees with the ``beslut`` of its ärende.

The §§ of a body are numbered over the calendar year: the year's first
protokoll (by date) starts at ``kommun_forsta_paragraf`` (1), each next one
where the one before ended, and a protokoll's ``:forsta-paragraf:`` starts
it (and those after it) anew.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..kinds.beslut import Beslut
from ..kinds.paragraf import Paragraf
from ..kinds.protokoll import Protokoll
from ..kinds.protokollsutdrag import Protokollsutdrag
from ..swedish import normalise
from .model import KommunObject

if TYPE_CHECKING:
    from .project import Project


def _key(protokoll: Protokoll) -> tuple[str, str, int]:
    when = protokoll.date.isoformat() if protokoll.date else "9999"
    return when, protokoll.docname, protokoll.lineno


def first_numbers(
    objects: Iterable[KommunObject], first_of_year: int
) -> dict[str, int]:
    """The number of each protokoll's first §, by the protokoll's id."""
    by_year: dict[tuple[str, int | None], list[Protokoll]] = {}
    for obj in objects:
        if isinstance(obj, Protokoll):
            year = obj.date.year if obj.date else None
            by_year.setdefault((normalise(obj.body), year), []).append(obj)
    numbers: dict[str, int] = {}
    for protocols in by_year.values():
        following = first_of_year
        for protokoll in sorted(protocols, key=_key):
            start = protokoll.first or following
            numbers[protokoll.id] = start
            following = start + protokoll.paragraphs
    return numbers


def paragraf_number(
    by_id: Mapping[str, KommunObject], numbers: Mapping[str, int], paragraf_id: str
) -> int | None:
    """The number of a § (None if it is in no protokoll)."""
    paragraf = by_id.get(paragraf_id)
    if not isinstance(paragraf, Paragraf) or paragraf.protokoll not in numbers:
        return None
    return numbers[paragraf.protokoll] + paragraf.ordinal - 1


def decisions_of(index: Any, paragraf: Paragraf) -> list[Beslut]:
    """The ``beslut`` directives of the §'s ärende by its body (on its date,
    where both have one)."""
    return [
        b
        for b in index.beslut(paragraf.dnr)
        if not isinstance(b, Paragraf)
        and normalise(b.body) == normalise(paragraf.body)
        and (b.date is None or paragraf.date is None or b.date == paragraf.date)
    ]


def check_protocols(index: Project, warn: Callable[..., None]) -> None:
    """A § whose outcome on a beslutspunkt, att-sats or initiating document
    contradicts the ``beslut`` of the same ärende."""
    for obj in index.by_id.values():
        if (
            isinstance(obj, Protokollsutdrag)
            and obj.paragraf
            and index.find_paragraf(obj.paragraf) is None
        ):
            warn(
                obj,
                "ref",
                _("paragrafen '%(ref)s' finns inte i något protokoll"),
                at="paragraf",
                ref=obj.paragraf,
            )
        if not isinstance(obj, Paragraf) or not obj.dnr:
            continue
        for beslut in decisions_of(index, obj):
            _compare(index, obj, beslut, warn)


def _compare(
    index: Project, paragraf: Paragraf, beslut: Beslut, warn: Callable[..., None]
) -> None:
    proposal = index.proposal_for(paragraf)
    points = list(index.points(proposal)) if proposal is not None else []
    for item in [*points, *index.items(paragraf.dnr)]:
        here = index.outcome_on(paragraf, item)
        there = index.outcome_on(beslut, item)
        if here and there and here != there:
            warn(
                paragraf,
                "contradiction",
                _(
                    "paragrafen beslutar %(here)s om %(what)s, men beslutet i "
                    "%(where)s säger %(there)s"
                ),
                at="utfall",
                here=here,
                there=there,
                what=_named(item),
                where=beslut.docname,
            )


def _named(item: KommunObject) -> str:
    """ "beslutspunkt 2", "att-sats 1", or a document's title."""
    number = getattr(item, "number", None)
    if isinstance(number, int):
        if item.kind == "beslutspunkt":
            return _("beslutspunkt %(number)s") % {"number": number}
        return _("att-sats %(number)s") % {"number": number}
    return item.title
