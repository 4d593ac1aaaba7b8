"""Protokoll and their §§ in the OParl export.

A protokoll is a Paper (``paperType`` "protokoll") and the
``resultsProtocol`` of the meeting of its body on its day; what OParl has
no word for is in ``sk:`` properties: who served, the ordförande,
sekreterare and justerare, the justering and the anslag (and the last day
to appeal), where the protokoll is kept. A § is a Paper too (a beslut: its
outcomes in ``sk:utfall``), with its number (``sk:paragraf``), its
protokoll, the yrkanden, the omröstning (each vote by name, as the
protokoll records it) and who was jävig.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...domain.model import Person
from ...kinds.paragraf import Paragraf
from ...kinds.protokoll import Protokoll
from ...kinds.sammantrade import Sammantrade
from ...swedish import normalise
from .objects import Export, Json, compact, ext, iso


def people(found: Iterable[Person | None]) -> list[Json]:
    return [
        compact({"namn": p.name, "parti": p.party, "roll": p.role})
        for p in found
        if p is not None
    ]


def protokoll_fields(ex: Export, obj: Any) -> Json:
    assert isinstance(obj, Protokoll)
    return {
        "originatorOrganization": ex.organizations_of(obj.body),
        **ext(
            organ=obj.body,
            tid=obj.time,
            plats=obj.place,
            tjanstgorande=people(obj.serving),
            ovriga=people(obj.others),
            ordforande=people([obj.chair]),
            sekreterare=people([obj.secretary]),
            justerare=people(obj.adjusters),
            justerat=iso(obj.adjusted),
            justeringsplats=obj.adjusted_place,
            anslagsdatum=iso(obj.posted),
            anslagNedtas=iso(obj.taken_down),
            overklagandeSenast=iso(obj.appeal_day),
            # where the original is kept: no OParl field says so (a Paper's
            # location is a place its content concerns)
            forvaringsplats=obj.kept,
        ),
    }


def paragraf_fields(ex: Export, obj: Any) -> Json:
    assert isinstance(obj, Paragraf)
    protokoll = ex.index.get(obj.protokoll)
    votes = None
    if obj.votes:
        votes = compact(
            {
                **obj.tally(),
                "roster": [
                    compact(
                        {"namn": v.person.name, "parti": v.person.party, "rost": v.vote}
                    )
                    for v in obj.votes
                ],
                "utslagsrost": obj.casting,
            }
        )
    return ext(
        paragraf=ex.index.paragraf_number(obj.id, ex.first_paragraf),
        protokoll=ex.paper_url(protokoll) if protokoll is not None else None,
        yrkanden=[
            compact({"namn": c.person.name, "parti": c.person.party, "text": c.text})
            for c in obj.claims
        ],
        omrostning=votes,
        jav=people(obj.recused),
    )


def protokoll_of(ex: Export, meeting: Sammantrade) -> Protokoll | None:
    """The protokoll of the meeting: of its body, on its day."""
    for obj in ex.index.by_id.values():
        if (
            isinstance(obj, Protokoll)
            and obj.date == meeting.date
            and normalise(obj.body) == normalise(meeting.body)
        ):
            return obj
    return None


def results_protocol(ex: Export, meeting: Sammantrade, url: str) -> Json | None:
    """The page File of the meeting's protokoll, noted on it."""
    protokoll = protokoll_of(ex, meeting)
    if protokoll is None:
        return None
    page = ex.page_file(protokoll.docname)
    ex.filed_on(page, "meeting", url)
    return page
