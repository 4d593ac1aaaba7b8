"""Titles of documents: a yttrande's document title, what a reservation
concerns, what a decision or a ställning is on as a table names it, and a
yttrande's ställning written out with what each word is on."""

from __future__ import annotations

from docutils import nodes

from .. import render
from ..domain.model import KommunObject, Verdict, verdicts_read
from ..i18n import _
from ..kinds.beslut import Beslut
from ..kinds.beslutspunkt import Beslutspunkt
from ..kinds.initiativ import Initiativ, Yrkande
from ..kinds.paragraf import Paragraf
from ..kinds.reservation import Reservation
from ..kinds.yttrande import Yttrande
from ..nodes import WRITTEN, kommun_pending
from ..swedish import capitalise, genitive
from ..vocabulary import readable
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


# a yttrande's ställning written out ----------------------------------------------------


def stance_items(ctx: Context, dnr: str) -> list[KommunObject]:
    """What the instanser take a stance on: the att-satser (and initiating
    documents without), else the beslutspunkter of the last proposal."""
    items: list[KommunObject] = ctx.index.items(dnr)
    if items:
        return items
    with_points = [p for p in ctx.index.proposals(dnr) if ctx.index.points(p)]
    return list(ctx.index.points(with_points[-1])) if with_points else []


def positions_read(ctx: Context, yttrande: Yttrande) -> list[tuple[str, str]]:
    """A yttrande's ställning as the reader reads it, in the build's
    language: (what a word is on, as the stance matrix names it; the word),
    [("Att-sats 1", "tillstyrker"), ("Att-sats 2", "avstyrker")]; the words
    on the whole with nothing they are on, [("", "avstyrker")]; a verdict on
    nothing of the ärende as written, ("5", "avstyrker") (a warning says
    so). The header joins them into one line, a table gives each a line."""
    if all(position.general for position in yttrande.positions):
        text = verdicts_read(yttrande.positions)
        return [("", text)] if text else []
    items = stance_items(ctx, yttrande.dnr)
    several = len(ctx.index.initiativ(yttrande.dnr)) > 1
    parts = [
        (item_label(ctx, item, several), readable(word))
        for item in items
        if (word := ctx.index.position_on(yttrande, item))
    ]
    unknown = [v for v in yttrande.positions if not _on_any(ctx, v, items, yttrande)]
    parts.extend((v.key(), readable(v.word)) for v in unknown)
    return parts


def outcome_word(ctx: Context, beslut: Beslut, item: KommunObject) -> str:
    """What ``beslut`` decided on ``item``, as the reader reads it ("": no
    outcome): "anses besvarat" of a neuter document (a medborgarförslag)."""
    outcome = ctx.index.outcome_on(beslut, item)
    if outcome == "anses besvarad" and getattr(item, "neuter", False):
        outcome = "anses besvarat"
    return readable(outcome)


def outcomes_read(ctx: Context, beslut: Beslut) -> list[tuple[str, str]]:
    """A beslut's outcomes as :func:`positions_read` reads a ställning: on
    the whole [("", "bifall")]; else what the ärende's initiating documents
    asked, each att-sats (document without) with an outcome,
    [("Att-sats 1", "bifall"), ("Att-sats 2", "avslag")], or, in an ärende
    without, each beslutspunkt of the proposal it decided on."""
    if all(verdict.general for verdict in beslut.outcomes):
        text = verdicts_read(beslut.outcomes)
        return [("", text)] if text else []
    several = len(ctx.index.initiativ(beslut.dnr)) > 1
    for items in (ctx.index.items(beslut.dnr), _points(ctx, beslut)):
        parts = [
            (item_label(ctx, item, several), word)
            for item in items
            if (word := outcome_word(ctx, beslut, item))
        ]
        if parts:
            return parts
    # outcomes on nothing of the ärende as written (a warning says so)
    return [("", verdicts_read(beslut.outcomes))]


def _points(ctx: Context, beslut: Beslut) -> list[Beslutspunkt]:
    proposal = ctx.index.proposal_for(beslut)
    return list(ctx.index.points(proposal)) if proposal is not None else []


def positions_line(parts: list[tuple[str, str]]) -> str:
    """A ställning in one line, as a yttrande's header has it: "Att-sats 1:
    tillstyrker; att-sats 2: avstyrker"."""
    texts = [f"{what}: {word}" if what else word for what, word in parts]
    return "; ".join(
        text if n == 0 else text[:1].lower() + text[1:] for n, text in enumerate(texts)
    )


def positions_lines(parts: list[tuple[str, str]]) -> list[str]:
    """A ställning a line per item, as a narrow table column has it:
    "Att-sats 1: tillstyrker", its label kept whole ("Att-sats 1", not
    "Att-sats" and "1:" on lines of their own)."""
    return [f"{_whole(what)}: {word}" if what else word for what, word in parts]


def _whole(label: str) -> str:
    """A label with a no-break space before its number: "Att-sats\u00a01",
    "Skrivelse KS 2023/456, att-sats\u00a01"."""
    head, space, number = label.rpartition(" ")
    return f"{head}\u00a0{number}" if space else label


def _on_any(
    ctx: Context, verdict: Verdict, items: list[KommunObject], yttrande: Yttrande
) -> bool:
    """Whether ``verdict`` is on something of the ärende (the whole, a
    document named, an att-sats or beslutspunkt by its number)."""
    if verdict.general:
        return True
    if verdict.target:
        dnr = yttrande.dnr
        return (
            ctx.index.find_initiativ(verdict.target, dnr) is not None
            or ctx.index.resolve("any", verdict.target, dnr) is not None
        )
    primary = ctx.index.primary(yttrande.dnr)
    return any(
        getattr(item, "number", None) == verdict.number
        and (
            not isinstance(item, Yrkande)
            or (primary is not None and item.initiativ == primary.id)
        )
        for item in items
    )
