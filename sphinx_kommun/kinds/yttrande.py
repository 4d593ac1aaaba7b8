"""Yttrande: one remissinstans' answer, as the document it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import (
    ATTESTED,
    SIGNED,
    Excerpt,
    KommunObject,
    Person,
    Position,
    default_id,
)
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..reading.excerpts import mark_excerpt, mark_excerpts, section_title
from ..swedish import format_date


@dataclass(frozen=True, kw_only=True)
class Yttrande(KommunObject):
    kind: ClassVar[str] = "yttrande"
    label: ClassVar[str] = N_("yttrande")
    people_fields: ClassVar[dict[str, str]] = {
        "signatories": SIGNED,
        "attestations": ATTESTED,
    }
    people_options: ClassVar[dict[str, str]] = {
        "signatories": "undertecknare",
        "attestations": "attesterat",
    }

    instans: str
    forvaltning: str = ""
    #: What the förvaltning's document is called, if not what the profile
    #: says ("yttrande" from a company, "tjänsteutlåtande" …).
    document: str = ""
    #: The instans' name inside a sentence, if not what the rule gives.
    name_form: str = ""
    #: Date of the förvaltning's document (tjänsteskrivelse, tjänsteutlåtande).
    date: dt.date | None = None
    #: Date of the nämnd meeting that decided the answer.
    meeting: dt.date | None = None
    recipient: str = ""
    handlaggare: str = ""
    telefon: str = ""
    summary: str = ""
    positions: tuple[Position, ...] = ()
    signatories: tuple[Person, ...] = ()
    attestations: tuple[Person, ...] = ()
    bilagor: tuple[str, ...] = ()

    @property
    def author_body(self) -> str:
        """Who wrote the document: the förvaltning, or the instans itself."""
        return self.forvaltning or self.instans

    @property
    def effective_date(self) -> dt.date | None:
        """The document's date, or the last attestation date without one."""
        if self.date is not None:
            return self.date
        dates = [p.date for p in self.attestations if p.date is not None]
        return max(dates) if dates else None

    @property
    def answered_on(self) -> dt.date | None:
        """When the answer was given: the nämnd's meeting, else the document date."""
        return self.meeting or self.effective_date


OPTIONS = {
    "forvaltning": kind.text(
        "the förvaltning that wrote the document the answer is based on"
    ),
    "dokument": kind.text(
        "what that document is called (tjänsteskrivelse, tjänsteutlåtande, "
        "yttrande …; default: the profile's)"
    ),
    "namnform": kind.text(
        "the instans' name inside a sentence (e.g. 'gatu- och "
        "fastighetsnämnden', or 'Skönhetsrådet' to keep its capitals)"
    ),
    "avdelning": kind.text("the förvaltning's department"),
    "datum": kind.date("date of the förvaltning's document (YYYY-MM-DD)"),
    "sammantrade": kind.date("date of the nämnd meeting that decided the answer"),
    "till": kind.text("addressee shown in the header (default: the instans)"),
    "handlaggare": kind.text("case officer"),
    "telefon": kind.text("case officer's phone"),
    "rubrik": kind.text("heading (default: the ärende's rubrik)"),
    "underrubrik": kind.text("sub-heading (default: Yttrande till <remiss sender>)"),
    "sammanfattning": kind.text(
        "one sentence for the Beredning, continuing after the instans' name "
        "('anser att …')"
    ),
    "stallning": kind.text(
        "ställning on the motion ('avstyrker') or per att-sats "
        "('1: avstyrker; 2: instämmer')"
    ),
    "beslut": kind.text(
        "the nämnd's decision text, when it differs from the Förslag till "
        "beslut section"
    ),
    "citera": kind.entries("titles of the sections quoted in the remissammanställning"),
    "undertecknare": kind.persons("signatories, one per line: Name, title"),
    "attesterat": kind.dated_persons(
        "digital approvals, one per line: Name, title, YYYY-MM-DD"
    ),
    "bilagor": kind.entries("annexes, one per line"),
}


def positions(d: ObjectDirective) -> tuple[Position, ...]:
    words = {**d.plugins.positions, **d.kommun_config.extra_positions}
    return tuple(
        Position(word, number, target)
        for target, number, word in d.vocabulary(
            "stallning", words, _("okänd ställning '%(word)s'; kända är %(known)s")
        )
    )


def parse(d: ObjectDirective) -> tuple[Yttrande, list[nodes.Node]]:
    dnr = d.dnr()
    instans = d.argument()
    obj_id = d.object_id(default_id("yttrande", dnr, instans))
    body = d.body(dnr)
    body, excerpts = _mark_quoted(d, obj_id, body)
    yttrande = Yttrande(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=instans,
        excerpts=excerpts,
        instans=instans,
        forvaltning=d.value("forvaltning"),
        document=" ".join(d.value("dokument").split()),
        name_form=" ".join(d.value("namnform").split()),
        date=d.value("datum"),
        meeting=d.value("sammantrade"),
        # a nämnd's förvaltning writes to the nämnd; a company or a råd
        # writing its own yttrande (:dokument:) to whom :till: says
        recipient=d.value("till")
        or ("" if d.value("dokument") and not d.value("sammantrade") else instans),
        handlaggare=d.value("handlaggare"),
        telefon=d.value("telefon"),
        summary=" ".join(d.value("sammanfattning").split()),
        positions=positions(d),
        signatories=d.value("undertecknare"),
        attestations=d.value("attesterat"),
        bilagor=tuple(d.value("bilagor")),
    )
    if not yttrande.summary:
        d.warn(
            _("yttrandet saknar :sammanfattning: till förslagets beredning"),
            "missing",
        )
    return yttrande, body


def _mark_quoted(
    d: ObjectDirective, obj_id: str, body: list[nodes.Node]
) -> tuple[list[nodes.Node], tuple[Excerpt, ...]]:
    """Mark what the remissammanställning quotes: the nämnd's decision
    (``:beslut:`` or the Förslag till beslut section) and the answer's text
    (the sections of ``:citera:``, else everything but the proposal)."""
    quoted = d.value("citera") or [
        *d.kommun_config.words.quoted_sections,
        *d.excerpt_titles("lydelse"),
    ]
    wanted = {title: "lydelse" for title in quoted}
    proposal_titles = {title.casefold() for title in d.excerpt_titles("beslut")}
    decision_text = d.value("beslut")
    if not decision_text:
        wanted.update((title, "beslut") for title in d.excerpt_titles("beslut"))
    excerpts = list(mark_excerpts(body, obj_id, wanted))
    decision: list[nodes.Node] = []
    if decision_text:
        section = render.section(
            _("Nämndens beslut"),
            f"{obj_id}-beslut",
            nodes.paragraph("", "", *d.inline(decision_text, "beslut")),
        )
        excerpts.append(mark_excerpt(section, obj_id, "beslut"))
        decision.append(section)
    if not any(e.name == "lydelse" for e in excerpts):
        if d.has("citera"):
            d.warn(
                _("yttrandet har inget avsnitt som heter %(titles)s (:citera:)"),
                "excerpt",
                {"titles": ", ".join(f"'{t}'" for t in quoted)},
                line=d.option_line("citera"),
            )
        # quote everything the answer says, rather than nothing
        wrapper = nodes.container(classes=["kommun-lydelse"])
        wrapper.extend(n for n in body if section_title(n) not in proposal_titles)
        body = [n for n in body if section_title(n) in proposal_titles]
        body.append(wrapper)
        excerpts.append(mark_excerpt(wrapper, obj_id, "lydelse"))
        if not len(wrapper):
            d.warn(
                _("yttrandet har ingen text att återge i remissammanställningen"),
                "missing",
            )
    return [*decision, *body], tuple(dict.fromkeys(excerpts))  # each name once


def render_yttrande(
    d: ObjectDirective, yttrande: Yttrande, body: list[nodes.Node]
) -> list[nodes.Node]:
    container = d.container(yttrande)
    container += d.header(
        yttrande, header_fields(d, yttrande), classes=["kommun-yttrande-header"]
    )
    container += d.pending(
        "document-title",
        dnr=yttrande.dnr,
        target=yttrande.id,
        rubrik=d.value("rubrik"),
        underrubrik=d.value("underrubrik"),
    )
    container += d.pending("answers-items", dnr=yttrande.dnr, target=yttrande.id)
    container.extend(body)
    if yttrande.signatories:
        container += render.signatures(yttrande.signatories)
    if yttrande.bilagor:
        heading = _("Bilaga") if len(yttrande.bilagor) == 1 else _("Bilagor")
        container += render.rubric(heading, classes=["kommun-bilagor"])
        container += render.enumerated_list(
            d.inline(text, "bilagor") for text in yttrande.bilagor
        )
    container.extend(d.footer(yttrande))
    container += d.backlinks(yttrande)
    return [container]


def header_fields(
    d: ObjectDirective, yttrande: Yttrande
) -> list[tuple[str, render.Part]]:
    unit = yttrande.forvaltning
    if unit and d.value("avdelning"):
        unit += ", " + d.value("avdelning")
    to = yttrande.recipient
    # readable from the ärende's att-satser, when the page is written
    stance = [d.pending("positions", target=yttrande.id)] if yttrande.positions else []
    if yttrande.meeting:
        to += ", " + format_date(yttrande.meeting, d.locale)
    return d.fields(
        (_("Förvaltning"), unit),
        (_("Handläggare"), yttrande.handlaggare),
        (_("Telefon"), yttrande.telefon),
        (_("Till"), to),
        (_("Datum"), yttrande.date),
        (_("Diarienummer"), yttrande.dnr),
        (_("Ställning"), stance),
    )


KIND = kind.Kind(
    Yttrande,
    ("yttrande",),
    OPTIONS,
    parse,
    render_yttrande,
    argument=N_("remissinstansen"),
    argument_required=True,
    colour="#FEDCD2",
)
