"""The föredragningslista of a sammanträde, and its handlingar.

In HTML the agenda links each ärende's utlåtande and bilagor. In LaTeX the
meeting's PDF holds them too: after the agenda, each ärende gets a PDF
bookmark and its documents follow in order, so one PDF is the whole set of
handlingar for the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.nodes import inline_all_toctrees

from .. import render
from ..domain.model import KommunObject
from ..domain.recording import RecordingIndex
from ..i18n import _
from ..kinds.beslut import Beslut
from ..kinds.beslutspunkt import Beslutspunkt, Proposing
from ..kinds.paragraf import Paragraf
from ..kinds.reservation import Reservation
from ..kinds.sammantrade import Sammantrade
from ..kinds.yttrande import Yttrande
from ..nodes import (
    kommun_bookmark,
    kommun_generated,
    kommun_pending,
)
from ..swedish import (
    normalise,
    slug,
)
from .context import Context
from .registry import generator


@dataclass
class AgendaItem:
    """One ärende on the agenda, with the documents that go with it."""

    number: int
    dnr: str
    title: str
    objects: list[tuple[str, KommunObject]]
    compilation_docs: list[str]

    def documents(self) -> list[str]:
        """Documents of the item in the order they are printed."""
        order: list[str] = []
        proposal = dict(self.objects).get("proposal")
        if proposal is not None:
            order.append(proposal.docname)
        order.extend(self.compilation_docs)
        for label, obj in self.objects:
            if label != "proposal":
                order.append(obj.docname)
        return list(dict.fromkeys(order))


def _proposal(index: RecordingIndex, dnr: str, body: str) -> Proposing | None:
    """The proposal a meeting decides on: the one addressed to its body,
    else the ärende's last."""
    proposals = index.proposals(dnr)
    addressed = [p for p in proposals if normalise(p.addressee) == normalise(body)]
    found = addressed or proposals
    return found[-1] if found else None


def _item_title(index: RecordingIndex, dnr: str, proposal: Proposing | None) -> str:
    """An agenda item's title: the proposal's, else the ärende's rubrik."""
    arende = index.arende(dnr)
    return proposal.title if proposal else arende.title if arende else dnr


def _made_at(reservation: Reservation, meeting: Sammantrade) -> bool:
    """Whether ``reservation`` was made at ``meeting`` or after it, in its
    body: no handling sent before the meeting (regionfullmäktige's
    reservation against its own beslut is not on its agenda)."""
    if not reservation.body or normalise(reservation.body) != normalise(meeting.body):
        return False
    return (
        reservation.date is None
        or meeting.date is None
        or reservation.date >= meeting.date
    )


def _prepared(beslut: Beslut, meeting: Sammantrade) -> bool:
    """Whether ``beslut`` is another body's, taken before ``meeting`` (the
    styrelse's decision to propose): a handling of the meeting."""
    if isinstance(beslut, Paragraf) or not beslut.body:
        return False
    if normalise(beslut.body) == normalise(meeting.body):
        return False
    return beslut.date is None or meeting.date is None or beslut.date <= meeting.date


def agenda(ctx: Context, meeting: Sammantrade) -> list[AgendaItem]:
    items = []
    for number, dnr in enumerate(meeting.items, start=1):
        index = ctx.index
        proposal = _proposal(index, dnr, meeting.body)
        objects: list[tuple[str, KommunObject]] = []
        if proposal is not None:
            objects.append(("proposal", proposal))
        for initiativ in index.initiativ(dnr):
            objects.append(("initiativ", initiativ))
        objects.extend(
            ("beslut", b) for b in index.beslut(dnr) if _prepared(b, meeting)
        )
        if not index.compilation_pages(dnr):
            # no remissammanställning quotes them: the answers themselves
            objects.extend(("yttrande", y) for y in index.yttranden(dnr))
        for reservation in index.reservations(dnr):
            concerns = index.concerns(reservation)
            # not one made at a meeting, in its protokoll
            if (
                isinstance(concerns, Beslut | Proposing | Beslutspunkt)
                and not isinstance(concerns, Paragraf)
                and not _made_at(reservation, meeting)
            ):
                objects.append(("reservation", reservation))
        items.append(
            AgendaItem(
                number,
                dnr,
                _item_title(index, dnr, proposal),
                objects,
                index.compilation_pages(dnr),
            )
        )
    return items


@generator("sammantrade-agenda")
def sammantrade_agenda(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    meeting = ctx.index.get(node["target"])
    if not isinstance(meeting, Sammantrade):
        return []
    items = agenda(ctx, meeting)
    rows = agenda_rows(ctx, items)
    anchor = f"{meeting.id}-foredragningslista"
    block = kommun_generated(classes=["kommun-agenda"])
    block += render.section(
        _("Föredragningslista"), anchor, agenda_table(rows, f"{anchor}-arenden")
    )
    if ctx.output_format == "latex":
        block.extend(_handlingar(ctx, meeting, items))
    return [block]


def agenda_table(rows: list[Any], node_id: str) -> nodes.container:
    """The table of ärenden and their handlingar (:func:`agenda_rows`)."""
    return render.table(
        [_("Nr"), _("Ärende"), _("Diarienummer"), _("Handlingar")],
        rows,
        widths=[1, 6, 3, 5],
        classes=["kommun-agenda-table", "longtable"],
        title=_("Ärenden och handlingar"),
        node_id=node_id,
    )


def agenda_rows(ctx: Context, items: list[AgendaItem]) -> list[Any]:
    """A row per ärende: number, title (linked), dnr, the handlingar (linked)."""
    rows = []
    for item in items:
        documents: list[nodes.Node] = []
        for _kind, obj in item.objects:
            if documents:
                documents.append(nodes.Text(", "))
            text = (
                ctx.labelled(obj)
                if isinstance(obj, Reservation | Beslut | Yttrande)
                else ctx.label(obj)
            )
            documents.append(ctx.link(obj, text))
        for docname in dict.fromkeys(item.compilation_docs):
            if documents:
                documents.append(nodes.Text(", "))
            documents.append(_doc_link(ctx, docname, _("Remissammanställning")))
        arende = ctx.index.arende(item.dnr)
        title = ctx.link(arende, item.title) if arende else nodes.Text(item.title)
        rows.append((f"{item.number}.", [title], item.dnr, documents))
    return rows


def _doc_link(ctx: Context, docname: str, text: str) -> nodes.Element:
    ref = render.xref("doc", "/" + docname, text, ctx.refdoc)
    ref["refdomain"] = "std"
    return ref


def _handlingar(
    ctx: Context, meeting: Sammantrade, items: list[AgendaItem]
) -> list[nodes.Node]:
    """Each ärende's documents, inlined, with a bookmark per ärende (LaTeX)."""
    result: list[nodes.Node] = []
    found = getattr(ctx.builder, "docnames", None)
    included: set[str] = found if isinstance(found, set) else set()
    for item in items:
        inlined = []
        for docname in item.documents():
            if docname in included:
                continue  # the PDF holds it already (e.g. by its toctree)
            included.add(docname)
            inlined.append(inline_document(ctx, docname, included))
        if not inlined:
            continue  # no bookmark with nothing behind it
        result.append(
            kommun_bookmark(
                title=f"{item.number}. {item.title} ({item.dnr})",
                ids=[f"{meeting.id}-{slug(item.dnr)}"],
            )
        )
        result.extend(inlined)
    return result


def inline_document(ctx: Context, docname: str, included: set[str]) -> nodes.Element:
    """A whole document with the pages its toctrees include, as the LaTeX
    builder inlines a PDF's own pages; pages in ``included`` are not
    repeated, and the ones inlined are added to it."""
    assert ctx.builder is not None  # only called while writing LaTeX
    tree = inline_all_toctrees(
        ctx.builder,
        included,
        docname,
        ctx.env.get_doctree(docname),
        str,
        [*included, docname],
    )
    start = addnodes.start_of_file(docname=docname)
    start.extend(tree.children)
    return start
