"""The catalogue of every ärende, here and in the projects read with
``kommun_federation``: ``.. arendeforteckning::``.

A kommun's archive is one project per year (or per nämnd), each built on
its own; a project that names them all in ``kommun_federation`` and has a
page with this directive is the archive's front door: one table per year,
newest first, each ärende linked where it is published.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes

from .. import render
from ..config import KommunConfig
from ..domain.arenden import dnr_sort_key
from ..domain.federation import sources
from ..domain.remote import is_federated, page_of
from ..i18n import _
from ..kinds.arende import Arende
from ..nodes import kommun_generated, kommun_pending
from ..reading.generated import GeneratedDirective
from .context import Context
from .registry import generator

#: A year in a diarienummer: ``KS 2024/0123``, ``GSN-2023-00417``, ``0456/21``.
YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)|/(\d\d)$")


class ArendeforteckningDirective(GeneratedDirective):
    """``.. arendeforteckning::``: every ärende of the project and of the
    projects it reads."""

    generated: ClassVar[str] = "arendeforteckning"
    has_content = False

    def run(self) -> list[nodes.Node]:
        return [self.pending("arendeforteckning")]


def year_of(dnr: str) -> str:
    """The year a diarienummer names, or ""."""
    found = YEAR.search(dnr)
    if found is None:
        return ""
    return found.group(1) or f"20{found.group(2)}"


def _where(bases: dict[str, str], arende: Arende) -> str:
    """The name of the project an ärende is published in ("" for this one)."""
    if not is_federated(arende.docname):
        return ""
    page = page_of(arende.docname)
    for name, base in bases.items():
        if page.startswith(base):
            return name
    return ""


@generator("arendeforteckning")
def arendeforteckning(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    config = KommunConfig.from_config(ctx.env.config)
    # where each source is published, once for the page
    bases = {name: base for name, (base, _file) in sources(config).items()}
    years: dict[str, dict[str, Arende]] = {}
    for dnr in ctx.index.dnrs():
        arende = ctx.index.arende(dnr)
        if arende is not None:  # once, under the dnr it declares
            years.setdefault(year_of(arende.dnr), {})[arende.id] = arende
    block = kommun_generated(classes=["kommun-arendeforteckning"])
    if not years:
        none = _("Det finns inga ärenden.")
        block += nodes.paragraph(none, none)
        return [block]
    for year in sorted(years, reverse=True):
        rows: list[Any] = [
            (
                [ctx.link(arende, arende.dnr)],
                arende.title,
                arende.responsible,
                _where(bases, arende) or _("här"),
            )
            for arende in sorted(
                years[year].values(), key=lambda a: dnr_sort_key(a.dnr)
            )
        ]
        title = year or _("Utan årtal")
        block += render.table(
            [_("Diarienummer"), _("Ärende"), _("Ansvarig"), _("Publicerat")],
            rows,
            widths=[3, 8, 4, 3],
            classes=["longtable"],
            title=_("Ärenden %(year)s") % {"year": title},
            node_id=f"arendeforteckning-{year or 'utan-artal'}",
        )
    return [block]
