"""The ``arende`` directive: the case every other object belongs to."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import (
    Arende,
    default_id,
)
from ...i18n import (
    N_,
    _,
)
from .base import (
    KommunDirective,
    split_entries,
)


class ArendeDirective(KommunDirective):
    """``.. arende:: KS 2019/1899`` with rubrik, responsible body and relations."""

    kind = "arende"
    required_arguments = 0  # see argument_help
    argument_help = N_("diarienumret")
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "rubrik": "the case's heading",
        "ansvarig": "the responsible body (e.g. Kommunstyrelsen)",
        "relaterade": "diarienummer of related ärenden, one per line or ';'",
    }

    def run(self) -> list[nodes.Node]:
        if not self.arguments:
            return self.without_argument()
        dnr = self.resolve_dnr(self.arguments[0])
        if not dnr:
            return []
        rubrik = self.opt("rubrik") or dnr
        obj_id = self.object_id(default_id("arende", dnr))
        related = tuple(
            " ".join(d.split()) for d in split_entries(self.opt("relaterade"))
        )
        if dnr in related:
            self.warn(
                _("ärendet %(dnr)s anger sig självt i :relaterade:"),
                "ref",
                {"dnr": dnr, "option": "relaterade"},
            )
            related = tuple(other for other in related if other != dnr)
        for other in related:
            if not self.kommun_config.dnr_regex.fullmatch(other):
                self.warn(
                    _("diarienumret '%(dnr)s' har inte formen %(pattern)s"),
                    "dnr",
                    {"dnr": other, "pattern": self.kommun_config.dnr_pattern},
                )
        obj = Arende(
            id=obj_id,
            **self.where(),
            dnr=dnr,
            title=rubrik,
            responsible=self.opt("ansvarig"),
            related=related,
        )
        obj = self.with_extra(obj)
        container = self.container(obj)
        fields: list[tuple[str, render.Part]] = [
            (_("Diarienummer"), dnr),
            (_("Rubrik"), rubrik),
        ]
        if obj.responsible:
            fields.append((_("Ansvarig"), obj.responsible))
        if related:
            links: list[nodes.Node] = []
            for number, other in enumerate(related):
                if number:
                    links.append(nodes.Text(", "))
                links.append(self.xref("arende", other, other, refdnr=dnr))
            fields.append((_("Relaterade ärenden"), links))
        container += self.header(obj, fields)
        container.extend(self.parse_body(obj_id, dnr))
        container += self.pending("arende-overview", dnr=dnr, target=obj_id)
        container.extend(self.footer(obj))
        container += self.backlinks(obj)
        self.register(obj)
        return [container]
