"""Ärenden and their documents as OParl Papers.

Each ärende is a Paper (``paperType`` "ärende", its dnr as ``reference``)
whose ``subordinatedPaper`` are its documents; each document (motion,
remiss, yttrande, tjänsteskrivelse, utlåtande, beslut …) is a Paper of
its own (its kind in Swedish as ``paperType``, the dnr it carries as
``reference``, its ärende as ``superordinatedPaper``). Each remiss answer
is a Consultation of the ärende by the instans. Who made a framställning
(a nämnd, a bolag, a region) is its ``originatorOrganization``. What OParl
has no word for is kept in ``sk:`` properties (README, "Öppna data").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from ...domain.model import KommunObject, Person, Verdict
from ...kinds.arende import Arende
from ...kinds.beslut import Beslut
from ...kinds.beslutspunkt import Beslutspunkt, Proposing
from ...kinds.initiativ import Framstallning, Initiativ, Yrkande
from ...kinds.paragraf import Paragraf
from ...kinds.protokoll import Protokoll
from ...kinds.remiss import Remiss
from ...kinds.reservation import Reservation
from ...kinds.sammantrade import Sammantrade
from ...kinds.utlatande import Utlatande
from ...kinds.yttrande import Yttrande
from . import protocols
from .objects import Export, Json, compact, ext, iso, own

#: Objects that are no paper of their own: parts of a document (its
#: att-satser, beslutspunkter), reservations (kept on the ärende) and
#: meetings (Meeting objects).
NOT_PAPERS = (Arende, Yrkande, Beslutspunkt, Reservation, Sammantrade)


def entry(**props: Any) -> Json:
    """An entry of a list inside an ``sk:`` property (no prefix of its own)."""
    return compact(props)


def verdicts(found: Iterable[Verdict]) -> list[Json]:
    """Ställningar or outcomes: the word, and the att-sats or document."""
    return [entry(ord=v.word, nummer=v.number, avser=v.target) for v in found]


def people(found: Iterable[Person]) -> list[Json]:
    return [
        entry(
            namn=p.name,
            parti=p.party,
            roll=p.role,
            datum=iso(p.date),
            anteckning=p.note,
            ejTjanstgorande=p.withdrawn or None,
            medFlera=p.others or None,  # "m.fl.": and others not named
        )
        for p in found
    ]


def date_of(obj: KommunObject) -> dt.date | None:
    found = getattr(obj, "date", None) or getattr(obj, "filed", None)
    return found if isinstance(found, dt.date) else None


def elected(ex: Export, obj: Initiativ) -> list[Person]:
    """The authors who may be Persons of the export: a motion's, a
    skrivelse's; of a medborgarförslag or e-förslag only those the register
    of members names (a resident who is no elected person is no Person, with
    an address of its own and a place in the Body's list of persons: the
    paper names them in ``sk:personer``, as its page prints them)."""
    if not obj.residents:
        return list(obj.authors)
    return [p for p in obj.authors if ex.register.person(p.name)]


def _initiativ(ex: Export, obj: Any) -> Json:
    assert isinstance(obj, Initiativ)
    att_satser = [
        entry(nummer=y.number, text=y.text, id=y.id) for y in ex.index.yrkanden(obj)
    ]
    if isinstance(obj, Framstallning):
        # from a nämnd, a bolag, a region: Organizations (the register's
        # own where it has that body), never Persons
        origin = {
            "originatorOrganization": ex.organizations_of(
                *(p.name for p in obj.authors)
            )
        }
    else:
        origin = {"originatorPerson": ex.persons(elected(ex, obj))}
    return {
        **origin,
        "underDirectionOf": ex.organizations_of(obj.body),
        **ext(nummer=obj.number, personer=people(obj.authors), attSatser=att_satser),
    }


def _remiss(ex: Export, obj: Any) -> Json:
    assert isinstance(obj, Remiss)
    return {
        "originatorOrganization": ex.organizations_of(obj.sender),
        **ext(instanser=list(obj.instanser), svarSenast=iso(obj.deadline)),
    }


def _yttrande(ex: Export, obj: Any) -> Json:
    assert isinstance(obj, Yttrande)
    return {
        "originatorOrganization": ex.organizations_of(obj.instans, obj.forvaltning),
        **ext(
            instans=obj.instans,
            forvaltning=obj.forvaltning,
            handling=obj.document,
            mottagare=obj.recipient,
            sammantradesdatum=iso(obj.meeting),
            sammanfattning=obj.summary,
            stallningar=verdicts(obj.positions),
            undertecknare=people(obj.signatories),
            attesterat=people(obj.attestations),
            bilagor=list(obj.bilagor),
        ),
    }


def _proposing(ex: Export, obj: Any) -> Json:
    assert isinstance(obj, Proposing)
    points = [
        entry(nummer=p.number, text=p.text, id=p.id, svar=verdicts(p.answers))
        for p in ex.index.points(obj)
    ]
    signed = getattr(obj, "signatories", ())
    dates = getattr(obj, "stated_dates", ())
    return {
        "originatorOrganization": ex.organizations_of(obj.body),
        "underDirectionOf": ex.organizations_of(obj.addressee),
        **ext(
            forslag=obj.proposal,
            beslutspunkter=points,
            nummer=obj.number if isinstance(obj, Utlatande) else "",
            undertecknare=people(signed),
            datum=[{"vad": what, "datum": when.isoformat()} for what, when in dates],
            bilagor=list(getattr(obj, "bilagor", ())),
        ),
    }


def _beslut(ex: Export, obj: Any) -> Json:
    assert isinstance(obj, Beslut)
    proposal = ex.index.proposal_for(obj)
    return {
        "originatorOrganization": ex.organizations_of(obj.body),
        "underDirectionOf": ex.organizations_of(obj.body),
        **ext(
            utfall=verdicts(obj.outcomes),
            underlag=ex.paper_url(proposal) if proposal is not None else "",
        ),
    }


def _paragraf(ex: Export, obj: Any) -> Json:
    return {**_beslut(ex, obj), **protocols.paragraf_fields(ex, obj)}


KINDS: dict[type[KommunObject], Callable[[Export, Any], Json]] = {
    Initiativ: _initiativ,
    Remiss: _remiss,
    Yttrande: _yttrande,
    Proposing: _proposing,
    Paragraf: _paragraf,
    Beslut: _beslut,
    Protokoll: protocols.protokoll_fields,
}


def _own(ex: Export, obj: KommunObject) -> Json:
    for cls, make in KINDS.items():
        if isinstance(obj, cls):
            return make(ex, obj)
    return {}


def related(ex: Export, obj: KommunObject) -> list[str]:
    """The papers the references written in ``obj`` lead to."""
    found = []
    for ref in ex.refs_from(obj.id):
        target = ex.index.resolve(ref.kind, ref.target, ref.refdnr)
        if target is not None and own(target) and not isinstance(target, Sammantrade):
            found.append(ex.paper_url(target))
    itself = ex.paper_url(obj)
    return [url for url in dict.fromkeys(found) if url != itself]


def document_paper(ex: Export, obj: KommunObject) -> Json:
    """A document as a Paper."""
    page = ex.page_file(obj.docname)
    url = ex.paper_url(obj)
    ex.filed_on(page, "paper", url)
    own = _own(ex, obj)
    if not obj.published:
        own = {key: value for key, value in own.items() if not key.startswith("sk:")}
    paper = ex.new(
        "Paper",
        url,
        body=ex.body,
        name=obj.title,
        reference=obj.own_dnr,
        date=iso(date_of(obj)) if obj.published else None,
        paperType=obj.label,
        superordinatedPaper=[ex.arende_url(obj.dnr)] if obj.dnr else [],
        relatedPaper=related(ex, obj),
        mainFile=page,
        web=ex.site.page(obj.docname, obj.id),
        modified=ex.modified(obj.docname),
        **own,
    )
    paper.update(ext(id=obj.id, arende=obj.dnr, falt=dict(obj.extra)))
    if not obj.published:
        paper["sk:publicerad"] = False
    return paper
