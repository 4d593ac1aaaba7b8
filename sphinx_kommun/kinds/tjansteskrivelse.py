"""Tjänsteskrivelse: the förvaltning's written statement with its förslag
till beslut, the underlag of a nämnd's (or the styrelse's) decision.

Most ärenden of a nämnd start and end with one: no motion, often no
remiss; the nämnd's ``beslut`` decides on its beslutspunkter. (A
förvaltning's answer to a remiss is a ``yttrande``, whose header names the
statement as the profile does.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import SIGNED, Person, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..swedish import capitalise
from .beslutspunkt import Proposing, proposed, read_proposing, split_points


@dataclass(frozen=True, kw_only=True)
class Tjansteskrivelse(Proposing):
    kind: ClassVar[str] = "tjansteskrivelse"
    label: ClassVar[str] = N_("tjänsteskrivelse")
    people_fields: ClassVar[dict[str, str]] = {"signatories": SIGNED}
    people_options: ClassVar[dict[str, str]] = {"signatories": "undertecknare"}
    definite: ClassVar[str] = N_("tjänsteskrivelsen")

    date: dt.date | None = None
    #: what it is called, if not the profile's word ("PM", "Promemoria")
    document: str = ""
    handlaggare: tuple[Person, ...] = ()
    signatories: tuple[Person, ...] = ()
    bilagor: tuple[str, ...] = ()


OPTIONS = {
    "forvaltning": kind.text(
        "the förvaltning that wrote it (e.g. Kultur- och fritidsförvaltningen)"
    ),
    "till": kind.text("the nämnd that decides (e.g. Kultur- och fritidsnämnden)"),
    "datum": kind.date("its date (YYYY-MM-DD)"),
    "dokument": kind.text(
        "what the document is called, if not the profile's word (e.g. PM)"
    ),
    "forslag": kind.text(
        "the förslag till beslut: numbered beslutspunkter ('1. …' one per "
        "line), a keyword, or a sentence of your own"
    ),
    "handlaggare": kind.persons("case officers, one per line: Name, title"),
    "undertecknare": kind.persons("signatories, one per line: Name, title"),
    "bilagor": kind.entries("annexes, one per line (roles allowed)"),
}


def tjansteskrivelse_id(
    dnr: str, dnrs: Iterable[str], forvaltning: str, title: str
) -> str:
    """The id of a tjänsteskrivelse of ärende ``dnr`` that gives no ``:id:``:
    the förvaltning's own diarienummer (the first of ``dnrs`` that is not
    the ärende's), the förvaltning, and the first six words of its title (an
    ärende may hold several from one förvaltning)."""
    own = next((x for x in dnrs if x and x != dnr), dnr)
    words = " ".join(title.split()[:6])
    return default_id("tjansteskrivelse", own, forvaltning.strip(), words)


def parse(d: ObjectDirective) -> tuple[Tjansteskrivelse, list[nodes.Node]]:
    dnr = d.dnr()
    forvaltning = d.value("forvaltning")
    obj_id = d.object_id(
        tjansteskrivelse_id(dnr, d.where()["dnrs"], forvaltning, d.argument())
    )
    if not forvaltning:
        d.warn(_("tjänsteskrivelsen anger inte :forvaltning:"), "missing")
    addressee = d.value("till")
    if not addressee:
        d.warn(_("tjänsteskrivelsen anger inte vem som beslutar (:till:)"), "missing")
    proposal, keyword, body = read_proposing(d, obj_id, dnr)
    tjansteskrivelse = Tjansteskrivelse(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=d.argument(),
        body=forvaltning,
        addressee=addressee,
        proposal=proposal,
        keyword=keyword,
        date=d.value("datum"),
        document=" ".join(d.value("dokument").split()),
        handlaggare=d.value("handlaggare"),
        signatories=d.value("undertecknare"),
        bilagor=tuple(d.value("bilagor")),
    )
    return tjansteskrivelse, body


def render_tjansteskrivelse(
    d: ObjectDirective, doc: Tjansteskrivelse, body: list[nodes.Node]
) -> list[nodes.Node]:
    fields = d.fields(
        (
            _("Dokument"),
            capitalise(doc.document or _(d.kommun_config.words.statement)),
        ),
        (_("Från"), doc.body),
        (_("Till"), doc.addressee),
        (_("Diarienummer"), ", ".join(doc.dnrs or (doc.dnr,))),
        (_("Datum"), doc.date),
        (
            _("Handläggare"),
            "; ".join(
                ", ".join(filter(None, (p.with_party(), p.role)))
                for p in doc.handlaggare
            ),
        ),
    )
    container = d.container(doc)
    container += d.header(doc, fields, classes=["kommun-tjansteskrivelse-header"])
    container += render.rubric(doc.title, classes=["kommun-doc-title"])
    # what it answers, if the ärende has initiating documents
    container += d.pending("byline", dnr=doc.dnr, target=doc.id)
    points, body = split_points(body)
    proposal = [*proposed(d, doc), *points]
    if proposal:
        intro = _(d.kommun_config.words.proposes) % {
            "organ": doc.body or _("Förvaltningen"),
            "to": d.in_sentence(doc.addressee) if doc.addressee else _("nämnden"),
        }
        container += render.section(
            _("Förslag till beslut"),
            f"{doc.id}-forslag",
            nodes.paragraph("", intro, classes=["kommun-proposal-intro"]),
            *proposal,
        )
    container.extend(body)
    if doc.signatories:
        container += render.signatures(doc.signatories)
    if doc.bilagor:
        container += render.section(
            _("Bilagor"),
            f"{doc.id}-bilagor",
            render.enumerated_list(d.inline(text, "bilagor") for text in doc.bilagor),
        )
    container.extend(d.footer(doc))
    container += d.backlinks(doc)
    return [container]


KIND = kind.Kind(
    Tjansteskrivelse,
    ("tjansteskrivelse", "tjänsteskrivelse"),
    OPTIONS,
    parse,
    render_tjansteskrivelse,
    argument=N_("rubriken"),
    argument_required=True,
    colour="#E6E6D0",
)
