"""The motion report: motions not finished within a year (KL 5 kap. 35 §).

Twice a year the styrelse reports to fullmäktige the motions that have not
been finished within a year of being väckt. ``.. motionsredovisning::``
with ``:datum:`` lists, when its page is written, every motion whose year
from being väckt (``:inlamnad:``) ended before that date — väckt 30 April
2020, its year ends 30 April 2021 — that has no final beslut by then (a
``beslut`` of its ärende whose outcome is neither återremiss nor
bordläggning). The page gets a PDF of its own (:func:`pdf_documents`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .. import render
from ..config import KommunConfig
from ..domain.recording import RecordingIndex
from ..i18n import _
from ..kinds.beslut import Beslut
from ..kinds.initiativ import Motion
from ..nodes import kommun_generated, kommun_pending
from ..reading.generated import GeneratedDirective
from ..swedish import capitalise, fold, format_date, parse_date
from .context import Context
from .registry import generator

logger = logging.getLogger(__name__)

#: Outcomes that do not finish an ärende.
NOT_FINAL = frozenset({"återremiss", "bordläggning"})
#: The page's metadata entry naming its PDF (see :func:`pdf_documents`).
PDF_METADATA = "kommun-pdf"


class MotionsredovisningDirective(GeneratedDirective):
    """``.. motionsredovisning::``: the motions not finished within a year."""

    generated: ClassVar[str] = "motionsredovisning"
    has_content = True
    options_help: ClassVar[dict[str, str]] = {
        "datum": "the date of the report (YYYY-MM-DD; required)",
        "organ": "the body reporting (default: the profile's styrelse)",
    }

    def run(self) -> list[nodes.Node]:
        date = self.date("datum")
        if date is None:
            if not self.text("datum"):
                self.warn(_("motionsredovisningen saknar datum (:datum:)"), "missing")
            return self.parse_sections() if self.content else []
        body = self.text("organ") or self.kommun_config.words.board
        title = _("Redovisning av motioner som inte har beretts färdigt")
        self.env.metadata[self.env.docname][PDF_METADATA] = (
            f"motionsredovisning-{date.isoformat()}",
            f"{title} {format_date(date, self.locale)}",
        )
        node = self.pending("motionsredovisning", date=date.isoformat(), body=body)
        node.extend(self.parse_sections() if self.content else [])
        return [node]


def year_end(filed: dt.date) -> dt.date:
    """The last day of the year from ``filed`` (lagen om beräkning av
    lagstadgad tid): the same day a year later; 29 February: the 28th."""
    try:
        return filed.replace(year=filed.year + 1)
    except ValueError:
        return filed.replace(year=filed.year + 1, day=28)


def first_within(date: dt.date) -> dt.date:
    """The first day a motion can be väckt and still be within its year on
    ``date``: those väckt before it are reported."""
    day = date - dt.timedelta(days=366)
    while year_end(day) < date:
        day += dt.timedelta(days=1)
    return day


def unfinished(
    index: RecordingIndex, date: dt.date
) -> tuple[list[Motion], list[Motion]]:
    """The motions whose year from being väckt ended before ``date``, without
    a final beslut on or before ``date``, oldest first; and the undecided
    motions without a date (``:inlamnad:``), which cannot be judged."""
    found, undated = [], []
    for dnr in index.dnrs():
        if _decided(index, dnr, date):
            continue
        for motion in index.initiativ(dnr):
            if not isinstance(motion, Motion):
                continue
            if motion.filed is None:
                undated.append(motion)
            elif year_end(motion.filed) < date:
                found.append(motion)
    return sorted(found, key=lambda m: (m.filed, m.dnr)), undated


def _decided(index: RecordingIndex, dnr: str, date: dt.date) -> bool:
    beslut: list[Beslut] = index.beslut(dnr)
    not_final = {fold(word) for word in NOT_FINAL}
    return any(
        b.date is not None
        and b.date <= date
        and not (b.outcomes and {fold(o.word) for o in b.outcomes} <= not_final)
        for b in beslut
    )


@generator("motionsredovisning")
def motionsredovisning(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    date = parse_date(node["date"])
    motions, undated = unfinished(ctx.index, date)
    block = kommun_generated(classes=["kommun-motionsredovisning"])
    text = _(
        "%(body)s redovisar de motioner som väckts före den %(line)s "
        "och som inte har beretts färdigt den %(date)s (5 kap. 35 § "
        "kommunallagen)."
    ) % {
        "body": capitalise(node["body"]),
        "line": ctx.date(first_within(date)),
        "date": ctx.date(date),
    }
    block += nodes.paragraph(text, text)
    block.extend(child.deepcopy() for child in node.children)
    block.extend(_undated(ctx, undated))
    if not motions:
        none = _("Det finns inga sådana motioner.")
        block += nodes.paragraph(none, none)
        return [block]
    rows: list[Any] = []
    for motion in motions:
        arende = ctx.index.arende(motion.dnr)
        rows.append(
            (
                [ctx.link(motion)],
                motion.dnr,
                render.person_list(motion.authors, ctx.locale),
                ctx.date(motion.filed),
                arende.responsible if arende is not None else "",
            )
        )
    block += render.table(
        [_("Motion"), _("Diarienummer"), _("Motionärer"), _("Väckt"), _("Ansvarig")],
        rows,
        widths=[6, 3, 4, 3, 3],
        classes=["longtable"],
        title=_("Motioner som inte har beretts färdigt inom ett år"),
        node_id=f"motionsredovisning-{date.isoformat()}",
    )
    return [block]


def _undated(ctx: Context, motions: list[Motion]) -> list[nodes.Node]:
    """Undecided motions without a date: named, and warned about where written."""
    if not motions:
        return []
    for motion in motions:
        logger.warning(
            _("motionen saknar datum (:inlamnad:) och kan inte redovisas"),
            location=motion.location,
            type="kommun",
            subtype="missing",
        )
    links: list[nodes.Node] = []
    for motion in motions:
        if links:
            links.append(nodes.Text(", "))
        links.append(ctx.link(motion))
    intro = _("Utan datum för när de väcktes, och därför inte bedömda: ")
    return [nodes.paragraph("", intro, *links)]


def pdf_documents(
    env: BuildEnvironment, config: KommunConfig
) -> list[tuple[str, str, str, str, str, bool]]:
    """latex_documents entries of the pages with a motionsredovisning, when
    ``kommun_pdf_documents`` is ``all`` (the default)."""
    chosen = {
        item.strip().casefold()
        for item in config.pdf_documents.replace(";", ",").split(",")
    }
    entries = []
    for docname in sorted(env.found_docs):
        found = env.metadata.get(docname, {}).get(PDF_METADATA)
        if not found:
            continue
        name, title = found
        if "all" in chosen:
            author = config.words.municipality
            entries.append((docname, f"{name}.tex", title, author, "howto", False))
    return entries
