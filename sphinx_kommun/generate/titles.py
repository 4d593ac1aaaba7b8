"""Titles of documents: a yttrande's document title, what a reservation
concerns, and what a decision or a ställning is on as a table names it."""

from __future__ import annotations

from docutils import nodes

from .. import render
from ..domain.model import KommunObject
from ..i18n import _
from ..kinds.beslutspunkt import Beslutspunkt
from ..kinds.initiativ import Initiativ, Yrkande
from ..kinds.paragraf import Paragraf
from ..kinds.reservation import Reservation
from ..kinds.yttrande import Yttrande
from ..nodes import WRITTEN, kommun_pending
from ..swedish import capitalise, genitive
from .context import Context
from .protocol import paragraf_in_sentence
from .registry import generator

# document title of a yttrande --------------------------------------------------------


@generator("document-title")
def document_title(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    initiativ = ctx.index.initiativ(dnr)
    arende = ctx.index.arende(dnr)
    remiss = ctx.index.remiss(dnr)
    rubrik = (
        node.get("rubrik")
        or (arende.title if arende else "")
        or (initiativ[0].title if initiativ else "")
    )
    sender = remiss.sender if remiss else ctx.config.words.board
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


# what a reservation concerns ------------------------------------------------------------


@generator("concerns")
def concerns(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    reservation = ctx.index.get(node["target"])
    if not isinstance(reservation, Reservation):
        return []
    target = ctx.index.concerns(reservation)
    if target is None:
        return []
    text = ctx.labelled(target)
    if isinstance(target, Paragraf):
        text = paragraf_in_sentence(ctx, target)  # "Avser § 82 i kommunfullmäktiges …"
    elif isinstance(target, Beslutspunkt):
        text = text[:1].lower() + text[1:]  # "Avser beslutspunkt 3."
    elif isinstance(target, Yttrande):
        # "Avser regionala utvecklingsnämndens yttrande.", not "Avser Yttrande: …"
        instans = ctx.in_sentence(target.instans)
        return [
            render.para(
                _("Avser %(whose)s yttrande."),
                classes=["kommun-concerns"],
                whose=ctx.link(target, genitive(instans)),
                who=ctx.link(target, instans),
            )
        ]
    return [
        render.para(
            _("Avser %(what)s."),
            classes=["kommun-concerns"],
            what=ctx.link(target, text),
        )
    ]


def item_label(ctx: Context, item: KommunObject, several: bool) -> str:
    """What a decision or a ställning is on, as a table names it: "Att-sats
    2", "Beslutspunkt 3", "Skrivelse KS 2023/456, att-sats 1" (with several
    initiating documents), "Medborgarförslag KS 2023/77" (one without
    att-satser)."""
    if isinstance(item, Yrkande):
        label = _("Att-sats %(number)s") % {"number": item.number}
        initiativ = ctx.index.get(item.initiativ) if several else None
        if isinstance(initiativ, Initiativ):
            return f"{document_label(initiativ)}, {label[:1].lower()}{label[1:]}"
        return label
    if isinstance(item, Beslutspunkt):
        return _("Beslutspunkt %(number)s") % {"number": item.number}
    if isinstance(item, Initiativ):
        return document_label(item)
    return item.title


def document_label(initiativ: Initiativ) -> str:
    """ "Skrivelse KS 2023/456", "Motion 2016:5" (its number, where it has one)."""
    return f"{capitalise(_(initiativ.label))} {initiativ.number or initiativ.own_dnr}"
