"""Beslut: a body's decision on each att-sats, initiating document or
beslutspunkt (what each outcome is on: :mod:`sphinx_kommun.domain.verdicts`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import KommunObject, Outcome, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..vocabulary import OUTCOME_FORMS, OUTCOMES


@dataclass(frozen=True, kw_only=True)
class Beslut(KommunObject):
    kind: ClassVar[str] = "beslut"
    label: ClassVar[str] = N_("beslut")

    body: str = ""
    date: dt.date | None = None
    outcomes: tuple[Outcome, ...] = ()
    #: the id of the proposing document it decides on, if written
    underlag: str = ""


OPTIONS = {
    "organ": kind.text("the deciding body (default: the profile's fullmäktige)"),
    "datum": kind.date("date of the decision (YYYY-MM-DD)"),
    "utfall": kind.text(
        "the outcome on the whole ('avslag', 'enligt förslaget'), per "
        "beslutspunkt or att-sats ('1: bifall; 2: avslag'), or per "
        "initiating document ('KS 2023/456: anses besvarad')"
    ),
    "underlag": kind.text(
        "the id of the utlåtande or tjänsteskrivelse it decides on (default: "
        "the one addressed to :organ:)"
    ),
}


def outcomes(d: ObjectDirective) -> tuple[Outcome, ...]:
    words = [*OUTCOMES, *OUTCOME_FORMS]
    result = [
        Outcome(OUTCOME_FORMS.get(word, word), number, target)
        for target, number, word in d.vocabulary(
            "utfall", words, _("okänt utfall '%(word)s'; kända är %(known)s")
        )
    ]
    if not result:
        d.warn(_("beslutet saknar utfall (:utfall:)"), "missing")
    return tuple(result)


def parse(d: ObjectDirective) -> tuple[Beslut, list[nodes.Node]]:
    dnr = d.dnr()
    organ = d.value("organ") or d.kommun_config.words.council
    decided = d.value("datum")
    title = d.argument() or _("Beslut i %(organ)s") % {"organ": d.in_sentence(organ)}
    beslut = Beslut(
        id=d.object_id(default_id("beslut", dnr, organ)),
        **d.where(),
        dnr=dnr,
        title=title,
        body=organ,
        date=decided,
        outcomes=outcomes(d),
        underlag=d.value("underlag"),
    )
    return beslut, d.body(dnr)


def render_beslut(
    d: ObjectDirective, beslut: Beslut, body: list[nodes.Node]
) -> list[nodes.Node]:
    fields = d.fields(
        (_("Organ"), beslut.body),
        (_("Datum"), beslut.date),
        (_("Diarienummer"), beslut.dnr),
    )
    container = d.container(beslut)
    if d.after_another_document():
        # on the page of the tjänsteskrivelse it decides: a title of its own
        container += render.rubric(beslut.title, classes=["kommun-doc-title"])
    container += d.header(beslut, fields, classes=["kommun-beslut-header"])
    container += d.pending("taken-at", dnr=beslut.dnr, target=beslut.id)
    container += d.pending("beslut-outcomes", dnr=beslut.dnr, target=beslut.id)
    container.extend(body)
    container.extend(d.footer(beslut))
    container += d.backlinks(beslut)
    return [container]


KIND = kind.Kind(Beslut, ("beslut",), OPTIONS, parse, render_beslut, colour="#F7C8C8")
