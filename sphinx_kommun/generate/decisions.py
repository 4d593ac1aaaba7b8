"""What a decision is about, written out: the byline of the initiating
documents ("Skrivelser av A (M), B (M) och C (S)"), a keyword's proposal
sentence ("Skrivelserna anses besvarade med hänvisning till …") and a
beslut's outcomes on each beslutspunkt and att-sats."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from .. import render
from ..domain.model import KommunObject
from ..i18n import _
from ..kinds.beslut import Beslut
from ..kinds.beslutspunkt import Beslutspunkt, Proposing
from ..kinds.initiativ import Initiativ, Yrkande
from ..kinds.tjansteskrivelse import Tjansteskrivelse
from ..nodes import kommun_pending
from ..swedish import capitalise, join
from ..vocabulary import PROPOSALS, readable
from .context import Context
from .registry import generator
from .titles import item_label, outcome_word

# the byline ----------------------------------------------------------------------------


def _groups(initiativ: Sequence[Initiativ]) -> list[list[Initiativ]]:
    """The documents by kind, kinds in the order they first come."""
    groups: dict[str, list[Initiativ]] = {}
    for doc in initiativ:
        groups.setdefault(doc.kind, []).append(doc)
    return list(groups.values())


@generator("byline")
def byline(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """ "Motion (2016:5) av Bengt Herke m.fl. (-)", "Skrivelser av A (M),
    B (M) och C (S)": every initiating document, each linked."""
    parts: list[list[nodes.Node]] = []
    for group in _groups(ctx.index.initiativ(node["dnr"])):
        first = group[0]
        label = _(first.label if len(group) == 1 else first.plural)
        if not parts:
            label = capitalise(label)
        if len(group) == 1:
            label += f" ({first.number})" if first.number else ""
            who = first.byline() if first.published else ""
            text = _("%(what)s av %(who)s") % {"what": label, "who": who}
            parts.append([ctx.link(first, text if who else first.title)])
            continue
        links = [ctx.link(doc, doc.byline() or doc.title) for doc in group]
        parts.append(
            render.fill(_("%(what)s av %(who)s"), what=label, who=_listed(links, ctx))
        )
    if not parts:
        return []
    filled = _listed(parts, ctx)
    return [nodes.paragraph("", "", *filled, classes=["kommun-byline"])]


def _listed(parts: Sequence[render.Part], ctx: Context) -> list[nodes.Node]:
    """Parts in a Swedish list ("A, B och C"), each keeping its markup."""
    template = join([f"%({n})s" for n in range(len(parts))], ctx.locale)
    return render.fill(template, **{str(n): part for n, part in enumerate(parts)})


# a keyword's proposal sentence -----------------------------------------------------------


def subject(ctx: Context, initiativ: Sequence[Initiativ]) -> tuple[str, str]:
    """What a proposal is on, as the subject of its sentence ("Motionen",
    "Motionen och skrivelserna"), and the participle that agrees with it
    ("besvarad", "besvarat", "besvarade")."""
    if not initiativ:
        return _("Förslaget"), _("besvarat")
    forms = [
        _(group[0].definite if len(group) == 1 else group[0].definite_plural)
        for group in _groups(initiativ)
    ]
    if len(initiativ) > 1:
        answered = _("besvarade")
    else:
        answered = _("besvarat") if initiativ[0].neuter else _("besvarad")
    return capitalise(join(forms, ctx.locale)), answered


def _reference(ctx: Context, doc: KommunObject | None) -> str:
    """How the proposing document refers to itself ("utlåtandet")."""
    words = ctx.config.words
    if isinstance(doc, Tjansteskrivelse):
        return _(words.statement_definite)
    return _(words.proposal_reference)


@generator("proposal-sentence")
def proposal_sentence(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """The sentence of a proposal written as a keyword, or of a beslutspunkt
    written as a keyword on an att-sats (``1: bifall``)."""
    sentence = keyword_sentence(ctx, ctx.index.get(node["target"]))
    return [nodes.Text(sentence)] if sentence else []


def keyword_sentence(ctx: Context, obj: KommunObject | None) -> str:
    """What a proposal or beslutspunkt written as a keyword says
    ("Att-sats 1 i motionen avslås."); "" for one written out."""
    if isinstance(obj, Proposing):
        keyword = obj.keyword
        what, answered = subject(ctx, ctx.index.initiativ(obj.dnr))
        doc: KommunObject | None = obj
    elif isinstance(obj, Beslutspunkt) and obj.answers:
        answer = obj.answers[0]
        keyword = answer.word
        what, answered = _att_sats_subject(ctx, obj, answer.target, answer.number)
        doc = ctx.index.get(obj.proposal)
    else:
        return ""
    template = PROPOSALS.get(keyword)
    if template is None:
        return readable(keyword)
    return _(template) % {
        "what": what,
        "where": _reference(ctx, doc),
        "answered": answered,
    }


def _att_sats_subject(
    ctx: Context, point: Beslutspunkt, target: str, number: int | None
) -> tuple[str, str]:
    """ "Att-sats 2 i motionen", or the document named."""
    named = (
        ctx.index.find_initiativ(target, point.dnr)
        if target
        else ctx.index.primary(point.dnr)
    )
    documents = [named] if named is not None else []
    what, answered = subject(ctx, documents)
    if number is None:
        return what, answered
    return _("Att-sats %(number)s i %(what)s") % {
        "number": number,
        # a common noun mid-sentence: "i motionen", "of the motion"
        "what": what[:1].lower() + what[1:],
    }, _("besvarad")


# a beslut's outcomes ---------------------------------------------------------------------


@generator("beslut-outcomes")
def beslut_outcomes(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """Tables of what the beslut decided: each beslutspunkt of the proposal
    it decided on, then each att-sats (initiating document without)."""
    beslut = ctx.index.get(node["target"])
    if not isinstance(beslut, Beslut):
        return []
    result: list[nodes.Node] = []
    proposal = ctx.index.proposal_for(beslut)
    points = ctx.index.points(proposal) if proposal is not None else []
    if points:
        rows = [
            (
                [ctx.link(point, point.title)],
                (point.text or keyword_sentence(ctx, point) or "–")
                if point.published
                else "–",
                readable(ctx.index.outcome_on(beslut, point)) or "–",
            )
            for point in points
        ]
        result.append(
            render.table(
                [_("Beslutspunkt"), _("Förslag"), _("Utfall")],
                rows,
                # wide enough in print for "Beslutspunkt 12", "enligt förslaget"
                widths=[2, 6, 2],
                classes=["kommun-outcomes"],
                title=_("Utfall per beslutspunkt"),
                node_id=f"{beslut.id}-beslutspunkter",
            )
        )
    items = ctx.index.items(beslut.dnr)
    if items:
        several = len(ctx.index.initiativ(beslut.dnr)) > 1
        documents = several or any(isinstance(i, Initiativ) for i in items)
        result.append(
            render.table(
                [
                    _("Handling") if documents else _("Att-sats"),
                    _("Yrkande"),
                    _("Utfall"),
                ],
                [_item_row(ctx, beslut, item, several) for item in items],
                widths=[3 if several else 2, 6, 2],
                classes=["kommun-outcomes"],
                title=_("Utfall per handling")
                if documents
                else _("Utfall per att-sats"),
                node_id=f"{beslut.id}-utfall",
            )
        )
    return result


def _item_row(
    ctx: Context, beslut: Beslut, item: KommunObject, several: bool
) -> tuple[list[nodes.Node], str, str]:
    outcome = outcome_word(ctx, beslut, item) or "–"
    link: list[nodes.Node] = [ctx.link(item, item_label(ctx, item, several))]
    if isinstance(item, Yrkande):
        return link, item.text if item.published else "–", outcome
    assert isinstance(item, Initiativ)
    who = item.byline() if item.published else ""
    return link, f"{item.title} ({who})" if who else item.title, outcome
