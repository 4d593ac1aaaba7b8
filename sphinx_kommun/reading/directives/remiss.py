"""The ``remiss`` directive: which instanser the case was referred to, and when."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import (
    Remiss,
    default_id,
)
from ...i18n import _
from ...swedish import (
    format_date,
    normalise,
    output_locale,
)
from .base import KommunDirective


class RemissDirective(KommunDirective):
    kind = "remiss"
    required_arguments = 0
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "avsandare": "who sent the remiss (default Kommunstyrelsen)",
        "datum": "date of the remiss (YYYY-MM-DD)",
        "svar-senast": "deadline for answers (YYYY-MM-DD)",
        "instanser": "the remissinstanser, one per line or ';', in order",
    }

    def run(self) -> list[nodes.Node]:
        dnr = self.resolve_dnr()
        written = [" ".join(name.split()) for name in self.list_opt("instanser")]
        if not written:
            self.warn(_("remissen saknar remissinstanser (:instanser:)"), "missing")
        seen: dict[str, str] = {}
        for name in written:
            if normalise(name) in seen:
                self.warn(
                    _(
                        "remissinstansen '%(instans)s' står två gånger; den räknas en gång"
                    ),
                    "duplicate",
                    {"instans": name},
                    line=self.option_line("instanser"),
                )
                continue
            seen[normalise(name)] = name
        instanser = tuple(seen.values())
        sender = self.opt("avsandare", "Kommunstyrelsen")
        title = " ".join(self.arguments[0].split()) if self.arguments else _("Remiss")
        remiss = Remiss(
            id=self.object_id(default_id("remiss", dnr)),
            **self.where(),
            dnr=dnr,
            title=title,
            sender=sender,
            date=self.date_opt("datum"),
            deadline=self.date_opt("svar-senast"),
            instanser=instanser,
        )
        locale = output_locale(self.config.language)
        remiss = self.with_extra(remiss)
        container = self.container(remiss)
        fields: list[tuple[str, render.Part]] = [(_("Avsändare"), sender)]
        if remiss.date:
            fields.append((_("Remissdatum"), format_date(remiss.date, locale)))
        if remiss.deadline:
            fields.append((_("Svar senast"), format_date(remiss.deadline, locale)))
        if dnr:
            fields.append((_("Diarienummer"), dnr))
        container += self.header(remiss, fields)
        container.extend(self.parse_body(remiss.id, dnr))
        container += self.pending("remiss-status", dnr=dnr, target=remiss.id)
        container.extend(self.footer(remiss))
        self.register(remiss)
        return [container]
