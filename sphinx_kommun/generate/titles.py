"""Titles and bylines of documents: a yttrande's document title, the
motion byline of an utlåtande, what a reservation concerns, a beslut's
outcomes."""

from __future__ import annotations

from docutils import nodes

from .. import render
from ..i18n import _
from ..kinds.beslut import Beslut
from ..kinds.reservation import Reservation
from ..nodes import WRITTEN, kommun_pending
from ..swedish import capitalise
from .context import Context
from .registry import generator

# document title of a yttrande --------------------------------------------------------


@generator("document-title")
def document_title(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    motion = ctx.index.motion(dnr)
    arende = ctx.index.arende(dnr)
    remiss = ctx.index.remiss(dnr)
    rubrik = (
        node.get("rubrik")
        or (arende.title if arende else "")
        or (motion.title if motion else "")
    )
    sender = remiss.sender if remiss else "Kommunstyrelsen"
    underrubrik = node.get("underrubrik") or _("Yttrande till %(to)s") % {
        "to": ctx.in_sentence(sender)
    }
    result: list[nodes.Node] = []
    if rubrik:
        title = render.rubric(rubrik, classes=["kommun-doc-title"])
        if node.get("rubrik"):
            # the document's own :rubrik:, written at its directive
            title.source, title.line = node.source, node.line
            title[WRITTEN] = True
        result.append(title)
    subtitle = nodes.paragraph("", underrubrik, classes=["kommun-doc-subtitle"])
    if node.get("underrubrik"):
        subtitle.source, subtitle.line = node.source, node.line
        subtitle[WRITTEN] = True
    if dnr and dnr not in underrubrik:
        subtitle += nodes.Text(f" {dnr}")
    result.append(subtitle)
    return result


# motion byline of an utlåtande --------------------------------------------------------


@generator("motion-byline")
def motion_byline(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    motion = ctx.index.motion(node["dnr"])
    if motion is None:
        return []
    byline = motion.byline() if motion.published else ""
    text = _("Motion av %(who)s") % {"who": byline} if byline else motion.title
    return [nodes.paragraph("", "", ctx.link(motion, text), classes=["kommun-byline"])]


# what a reservation concerns ------------------------------------------------------------


@generator("concerns")
def concerns(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    reservation = ctx.index.get(node["target"])
    if not isinstance(reservation, Reservation):
        return []
    target = ctx.index.concerns(reservation)
    if target is None:
        return []
    text = f"{capitalise(_(target.label))}: {target.title}"
    return [
        render.para(
            _("Avser %(what)s."),
            classes=["kommun-concerns"],
            what=ctx.link(target, text),
        )
    ]


# outcomes of a beslut ------------------------------------------------------------------


@generator("beslut-outcomes")
def beslut_outcomes(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    beslut = ctx.index.get(node["target"])
    motion = ctx.index.motion(node["dnr"])
    if not isinstance(beslut, Beslut) or motion is None:
        return []
    rows = []
    for yrkande in ctx.index.yrkanden(motion):
        rows.append(
            (
                [ctx.link(yrkande, yrkande.title)],
                yrkande.text if yrkande.published else "–",
                beslut.outcome_for(yrkande.number) or "–",
            )
        )
    if not rows:
        return []
    return [
        render.table(
            [_("Att-sats"), _("Yrkande"), _("Utfall")],
            rows,
            widths=[1, 5, 1],
            classes=["kommun-outcomes"],
        )
    ]
