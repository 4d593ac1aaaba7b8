"""The remissammanställning's stance matrix: each instans' ställning on
each att-sats (or, without initiating documents, each beslutspunkt), one
row per instans in remiss order."""

from __future__ import annotations

from docutils import nodes

from .. import render
from ..i18n import _
from ..kinds.beslutspunkt import Beslutspunkt
from ..swedish import capitalise
from ..vocabulary import readable
from .answers import Answers
from .titles import item_label, stance_items


def stance_matrix(answers: Answers) -> list[nodes.Node]:
    """The matrix, when there is something to take a stance on and an
    instans took one per item (a stance on the whole is in the table)."""
    ctx = answers.ctx
    items = stance_items(ctx, answers.dnr)
    if len(items) < 2 or not answers.rows:  # one: the table's column says it
        return []
    several = len(ctx.index.initiativ(answers.dnr)) > 1
    rows = []
    for instans, yttrande, _in_remiss in answers.rows:
        name: list[nodes.Node] | str = capitalise(instans)
        if yttrande is None or not yttrande.published:
            mark = _("Inget svar") if yttrande is None else _("Publiceras inte")
            rows.append([name, *([render.emphasis(mark)] + ["–"] * (len(items) - 1))])
            continue
        name = [ctx.link(yttrande, capitalise(instans))]
        cells = [
            readable(ctx.index.position_on(yttrande, item)) or "–" for item in items
        ]
        rows.append([name, *cells])
    kind = _("beslutspunkt") if isinstance(items[0], Beslutspunkt) else _("att-sats")
    title = _("Ställning per %(kind)s") % {"kind": kind}
    return [
        render.table(
            [_("Remissinstans"), *(item_label(ctx, item, several) for item in items)],
            rows,
            widths=[3, *([2] * len(items))],
            classes=["kommun-stance-matrix"],
            title=title,
            node_id=f"{answers.anchor}-stallningsmatris",
        )
    ]
