"""Sammanträden as OParl Meetings, ärenden as Papers with their Consultations.

A meeting's föredragningslista is its AgendaItems, in order; each item is
a Consultation of the ärende by the meeting's body (``authoritative`` when
a beslut of that body on that day is in the ärende, its outcome as the
item's ``result``). Each remiss answer (yttrande) is a Consultation of the
ärende by the instans. Reservations, which OParl has no object for, are
kept on the ärende's paper (``sk:reservationer``).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from ...domain.model import KommunObject, verdicts_text
from ...kinds.beslut import Beslut
from ...kinds.sammantrade import Sammantrade
from ...swedish import normalise
from . import protocols
from .objects import Export, Json, ext, iso, own
from .papers import NOT_PAPERS, entry, people

#: Sweden's time zone (meetings give local times).
TIMEZONE = "Europe/Stockholm"
_TIME = re.compile(r"(\d{1,2})[.:](\d{2})")


def times(meeting: Sammantrade) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the meeting starts and ends (``:tid: 18.00`` or ``13.00–16.30``),
    in Swedish time; None where the date or the time is not given."""
    if meeting.date is None:
        return None, None
    try:
        zone: dt.tzinfo | None = zoneinfo.ZoneInfo(TIMEZONE)
    except zoneinfo.ZoneInfoNotFoundError:  # no time zone data: local time
        zone = None
    found = []
    for hour, minute in _TIME.findall(meeting.time)[:2]:
        if int(hour) < 24 and int(minute) < 60:
            clock = dt.time(int(hour), int(minute), tzinfo=zone)
            found.append(dt.datetime.combine(meeting.date, clock))
    start = found[0] if found else None
    end = found[1] if len(found) > 1 else None
    return start, end


def decided_at(ex: Export, meeting: Sammantrade, dnr: str) -> Beslut | None:
    """The beslut in ärende ``dnr`` of the meeting's body on its day."""
    for beslut in ex.index.beslut(dnr):
        if (
            own(beslut)
            and beslut.date == meeting.date
            and normalise(beslut.body) == normalise(meeting.body)
        ):
            return beslut
    return None


def meeting_object(ex: Export, meeting: Sammantrade) -> Json:
    """A sammanträde as a Meeting, with its agenda items."""
    url = ex.site.url("meeting", meeting.id)
    start, end = times(meeting)
    page = ex.page_file(meeting.docname)
    ex.filed_on(page, "meeting", url)
    files = [page]
    pdf = ex.pdf_file(meeting.id, meeting.title)
    if pdf is not None:
        ex.filed_on(pdf, "meeting", url)
        files.append(pdf)
    place = None
    if meeting.place:
        place = ex.new(
            "Location",
            ex.site.url("location", meeting.place),
            description=meeting.place,
        )
    obj = ex.new(
        "Meeting",
        url,
        name=meeting.title,
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        location=place,
        organization=ex.organizations_of(meeting.body),
        auxiliaryFile=files,
        resultsProtocol=protocols.results_protocol(ex, meeting, url),
        web=ex.site.page(meeting.docname, meeting.id),
        modified=ex.modified(meeting.docname),
        **ext(id=meeting.id, datum=iso(meeting.date), tid=meeting.time),
    )
    obj["agendaItem"] = [
        agenda_item(ex, meeting, url, number, dnr)
        for number, dnr in enumerate(meeting.items, start=1)
    ]
    return obj


def agenda_item(
    ex: Export, meeting: Sammantrade, meeting_url: str, number: int, dnr: str
) -> Json:
    url = ex.site.url("agendaitem", f"{meeting.id} {number}")
    arende = ex.index.arende(dnr)
    beslut = decided_at(ex, meeting, dnr)
    paper = ex.arende_url(dnr) if ex.exported(dnr) else None
    consultation = ex.new(
        "Consultation",
        ex.site.url("consultation", f"{meeting.id} {number}"),
        paper=paper,
        agendaItem=url,
        meeting=meeting_url,
        organization=ex.organizations_of(meeting.body),
        authoritative=beslut is not None,
        role="beslut" if beslut is not None else "behandling",
    )
    return ex.new(
        "AgendaItem",
        url,
        meeting=meeting_url,
        number=str(number),
        order=number,
        name=arende.heading if arende is not None else dnr,
        public=True,
        consultation=consultation["id"],
        result=verdicts_text(beslut.outcomes) if beslut is not None else None,
        **ext(
            arende=dnr,
            paper=paper,
            beslut=ex.paper_url(beslut) if beslut is not None else None,
        ),
    )


def remiss_answers(ex: Export, dnr: str) -> list[Json]:
    """Each yttrande of the ärende as a Consultation by its instans."""
    return [
        ex.new(
            "Consultation",
            ex.site.url("consultation", yttrande.id),
            paper=ex.arende_url(dnr),
            organization=ex.organizations_of(yttrande.instans),
            authoritative=False,
            role="remissinstans",
            web=ex.web(yttrande),
            **ext(
                yttrande=ex.paper_url(yttrande) if own(yttrande) else None,
                stallning=verdicts_text(yttrande.positions),
            ),
        )
        for yttrande in ex.index.yttranden(dnr)
    ]


def reservations(ex: Export, dnr: str) -> list[Json]:
    found = []
    for reservation in ex.index.reservations(dnr):
        concerns = ex.index.concerns(reservation)
        found.append(
            entry(
                id=reservation.id,
                typ=reservation.type,
                titel=reservation.title,
                organ=reservation.body,
                forfattare=people(reservation.authors),
                datum=iso(reservation.date),
                avser=_concerns(ex, concerns),
                avserSkrivet=reservation.concerns_ref,
                publicerad=None if reservation.published else False,
                web=ex.web(reservation),
            )
        )
        ex.persons(reservation.authors)
    return found


def _concerns(ex: Export, concerns: KommunObject | None) -> str | None:
    if concerns is None:
        return None
    return ex.paper_url(concerns) if own(concerns) else ex.web(concerns)


def arende_paper(ex: Export, dnr: str) -> Json:
    """The ärende ``dnr`` as a Paper: its documents below it."""
    found = ex.index.arende(dnr)
    arende = found if found is not None and own(found) else None
    objects = [o for o in ex.index.of_dnr(dnr) if own(o)]
    documents = [o for o in objects if not isinstance(o, NOT_PAPERS)]
    files = []
    if arende is not None:
        files.append(ex.page_file(arende.docname))
    pdf = ex.pdf_file(dnr, arende.heading if arende is not None else dnr)
    if pdf is not None:
        files.append(pdf)
    url = ex.arende_url(dnr)
    for file in files:
        ex.filed_on(file, "paper", url)
    first = documents[0].title if documents else dnr
    return ex.new(
        "Paper",
        url,
        body=ex.body,
        name=arende.title if arende is not None else first,
        reference=dnr,
        paperType="ärende",
        subordinatedPaper=[ex.paper_url(o) for o in documents],
        relatedPaper=[ex.arende_url(d) for d in arende.related] if arende else [],
        underDirectionOf=ex.organizations_of(arende.responsible) if arende else [],
        mainFile=files[0] if files else None,
        auxiliaryFile=files[1:],
        consultation=remiss_answers(ex, dnr),
        web=ex.site.page(arende.docname, arende.id) if arende else None,
        modified=ex.last_modified(o.docname for o in objects),
        **ext(
            id=arende.id if arende else None,
            reservationer=reservations(ex, dnr),
            dnr=[d for d, to in ex.index.joined.items() if to == dnr],
        ),
    )
