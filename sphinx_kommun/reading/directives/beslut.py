"""The ``beslut`` directive: a body's decision on each att-sats."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import (
    Beslut,
    Outcome,
    default_id,
)
from ...i18n import _
from ...swedish import (
    format_date,
    output_locale,
)
from ...vocabulary import OUTCOMES
from .base import KommunDirective


class BeslutDirective(KommunDirective):
    """``.. beslut::`` with ``:utfall: avslag`` or ``1: bifall; 2: avslag``."""

    kind = "beslut"
    required_arguments = 0
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "organ": "the deciding body (default Kommunfullmäktige)",
        "datum": "date of the decision (YYYY-MM-DD)",
        "utfall": "outcome for the whole motion ('avslag') or per att-sats "
        "('1: bifall; 2: avslag')",
    }

    def outcomes(self) -> tuple[Outcome, ...]:
        result = [
            Outcome(word, number)
            for number, word in self.vocabulary_opt(
                "utfall", OUTCOMES, _("okänt utfall '%(word)s'; kända är %(known)s")
            )
        ]
        if not result:
            self.warn(_("beslutet saknar utfall (:utfall:)"), "missing")
        return tuple(result)

    def run(self) -> list[nodes.Node]:
        dnr = self.resolve_dnr()
        organ = self.opt("organ", "Kommunfullmäktige")
        locale = output_locale(self.config.language)
        date = self.date_opt("datum")
        title = (
            " ".join(self.arguments[0].split())
            if self.arguments
            else _("Beslut i %(organ)s") % {"organ": self.in_sentence(organ)}
        )
        obj_id = self.object_id(default_id("beslut", dnr, organ))
        beslut = Beslut(
            id=obj_id,
            **self.where(),
            dnr=dnr,
            title=title,
            body=organ,
            date=date,
            outcomes=self.outcomes(),
        )
        beslut = self.with_extra(beslut)
        container = self.container(beslut)
        fields: list[tuple[str, render.Part]] = [(_("Organ"), organ)]
        if date:
            fields.append((_("Datum"), format_date(date, locale)))
        if dnr:
            fields.append((_("Diarienummer"), dnr))
        container += self.header(beslut, fields, classes=["kommun-beslut-header"])
        container += self.pending("beslut-outcomes", dnr=dnr, target=obj_id)
        container.extend(self.parse_body(obj_id, dnr))
        container.extend(self.footer(beslut))
        container += self.backlinks(beslut)
        self.register(beslut)
        return [container]
