"""Remiss: which instanser the ärende was referred to, and by when.

The smallest kind, and the one ``docs/architecture.md`` walks through: its
model class, its options, its parse function and its renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from ..domain.model import KommunObject, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..swedish import normalise


@dataclass(frozen=True, kw_only=True)
class Remiss(KommunObject):
    kind: ClassVar[str] = "remiss"
    label: ClassVar[str] = N_("remiss")

    sender: str = "Kommunstyrelsen"
    date: dt.date | None = None
    deadline: dt.date | None = None
    instanser: tuple[str, ...] = ()


OPTIONS = {
    "avsandare": kind.text("who sent the remiss (default: the profile's styrelse)"),
    "datum": kind.date("date of the remiss (YYYY-MM-DD)"),
    "svar-senast": kind.date("deadline for answers (YYYY-MM-DD)"),
    "instanser": kind.entries("the remissinstanser, one per line or ';', in order"),
}


def parse(d: ObjectDirective) -> tuple[Remiss, list[nodes.Node]]:
    dnr = d.dnr()
    written = [" ".join(name.split()) for name in d.value("instanser")]
    if not written:
        d.warn(_("remissen saknar remissinstanser (:instanser:)"), "missing")
    instanser: dict[str, str] = {}
    for name in written:
        if normalise(name) in instanser:
            d.warn(
                _("remissinstansen '%(instans)s' står två gånger; den räknas en gång"),
                "duplicate",
                {"instans": name},
                line=d.option_line("instanser"),
            )
            continue
        instanser[normalise(name)] = name
    date, deadline = d.value("datum"), d.value("svar-senast")
    if date and deadline and deadline < date:
        d.warn(
            _("remissens sista svarsdag %(deadline)s är före remissdatumet %(date)s"),
            "date-order",
            {"deadline": deadline.isoformat(), "date": date.isoformat()},
            line=d.option_line("svar-senast"),
        )
    remiss = Remiss(
        id=d.object_id(default_id("remiss", dnr)),
        **d.where(),
        dnr=dnr,
        title=d.argument() or _("Remiss"),
        sender=d.value("avsandare") or d.kommun_config.words.board,
        date=date,
        deadline=deadline,
        instanser=tuple(instanser.values()),
    )
    return remiss, d.body(dnr)


def render_remiss(
    d: ObjectDirective, remiss: Remiss, body: list[nodes.Node]
) -> list[nodes.Node]:
    fields = d.fields(
        (_("Avsändare"), remiss.sender),
        (_("Remissdatum"), remiss.date),
        (_("Svar senast"), remiss.deadline),
        (_("Diarienummer"), remiss.dnr),
    )
    container = d.container(remiss)
    container += d.header(remiss, fields)
    container.extend(body)
    container += d.pending("remiss-status", dnr=remiss.dnr, target=remiss.id)
    container.extend(d.footer(remiss))
    return [container]


KIND = kind.Kind(
    Remiss,
    ("remiss",),
    OPTIONS,
    parse,
    render_remiss,
    argument=N_("rubriken"),
    colour="#F4E3B5",
)
