"""Ärende: the case every other object belongs to, by its diarienummer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from ..domain.model import KommunObject, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective


@dataclass(frozen=True, kw_only=True)
class Arende(KommunObject):
    kind: ClassVar[str] = "arende"
    label: ClassVar[str] = N_("ärende")

    responsible: str = ""
    related: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """Diarienummer and rubrik: ``KS 2019/1899 Motion om …``."""
        return f"{self.dnr} {self.title}" if self.title != self.dnr else self.dnr


OPTIONS = {
    "rubrik": kind.text("the case's heading"),
    "ansvarig": kind.text("the responsible body (e.g. Kommunstyrelsen)"),
    "relaterade": kind.entries("diarienummer of related ärenden, one per line or ';'"),
}


def parse(d: ObjectDirective) -> tuple[Arende | None, list[nodes.Node]]:
    dnr = d.dnr(d.arguments[0])
    if not dnr:
        return None, []
    related = tuple(" ".join(other.split()) for other in d.value("relaterade"))
    if dnr in related:
        d.warn(
            _("ärendet %(dnr)s anger sig självt i :relaterade:"),
            "ref",
            {"dnr": dnr, "option": "relaterade"},
        )
        related = tuple(other for other in related if other != dnr)
    for other in related:
        d.check_dnr(other)
    arende = Arende(
        id=d.object_id(default_id("arende", dnr)),
        **d.where(),
        dnr=dnr,
        title=d.value("rubrik") or dnr,
        responsible=d.value("ansvarig"),
        related=related,
    )
    return arende, d.body(dnr)


def render_arende(
    d: ObjectDirective, arende: Arende, body: list[nodes.Node]
) -> list[nodes.Node]:
    links: list[nodes.Node] = []
    for number, other in enumerate(arende.related):
        if number:
            links.append(nodes.Text(", "))
        links.append(d.xref("arende", other, other, refdnr=arende.dnr))
    fields = d.fields(
        (_("Diarienummer"), arende.dnr),
        (_("Rubrik"), arende.title),
        (_("Ansvarig"), arende.responsible),
        (_("Relaterade ärenden"), links),
    )
    container = d.container(arende)
    container += d.header(arende, fields)
    container += d.pending("pdf-link", dnr=arende.dnr, target=arende.id)
    container.extend(body)
    container += d.pending("arende-overview", dnr=arende.dnr, target=arende.id)
    container.extend(d.footer(arende))
    container += d.backlinks(arende)
    return [container]


KIND = kind.Kind(
    Arende,
    ("arende", "ärende"),
    OPTIONS,
    parse,
    render_arende,
    argument=N_("diarienumret"),
    argument_required=True,
    colour="#D9E7F5",
)
