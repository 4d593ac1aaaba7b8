"""Backlinks: what refers to an object ("Besvaras av", "Reservationer" …)."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from .. import render
from ..domain.backlinks import Backlink
from ..i18n import N_, _
from ..kinds.beslut import Beslut
from ..kinds.paragraf import Paragraf
from ..kinds.reservation import Reservation
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from ..nodes import kommun_backlinks, kommun_pending
from ..vocabulary import readable
from .context import Context
from .protocol import paragraf_label
from .registry import generator

_RELATIONS = (
    ("protokoll", N_("Protokoll")),
    ("remitterad", N_("Remitterad")),
    ("besvaras", N_("Besvaras av")),
    ("reservation", N_("Reservationer")),
    ("behandlas", N_("Behandlas i")),
    ("beslut", N_("Beslut")),
    ("paragraf", N_("Protokollfört i")),
    ("sammantrade", N_("På föredragningslistan")),
    ("relaterat", N_("Relaterade ärenden som hänvisar hit")),
    ("omnamnd", N_("Omnämns i")),
)


def _backlink_item(ctx: Context, link: Backlink) -> list[nodes.Node]:
    source = link.source
    if source is None:
        # the page's title as it was read: what the projection compares
        title = link.page_title
        ref = render.xref(
            "doc", "/" + link.docname, title, ctx.refdoc, explicit=bool(title)
        )
        ref["refdomain"] = "std"
        if not title:
            ref.children = [nodes.inline("", "")]
        return [ref]
    text = ctx.labelled(source)
    if isinstance(source, Paragraf):
        text = paragraf_label(ctx, source)
    elif isinstance(source, Yttrande | Reservation | Beslut | Utlatande) and source.dnr:
        text += f" ({source.dnr})"
    item: list[nodes.Node] = [ctx.link(source, text)]
    if link.detail and source.published:
        item.append(nodes.Text(f" – {readable(link.detail)}"))
    return item


def _in_toctree(node: nodes.Node) -> set[str]:
    """The pages a visible toctree on ``node``'s page lists: a meeting's
    protokoll listed there is not listed again as its backlink."""
    root = node
    while root.parent is not None:
        root = root.parent
    return {
        ref
        for toctree in root.findall(addnodes.toctree)
        if not toctree.get("hidden")
        for _title, ref in toctree["entries"]
    }


@generator("backlinks")
def backlinks(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    listed = _in_toctree(node)
    links = [
        link
        for link in ctx.index.backlinks(node["target"])
        # other backlinks say more than the page: what it is, a ställning
        if link.relation != "protokoll"
        or link.source is None
        or link.source.docname not in listed
    ]
    if not links:
        return []
    block = kommun_backlinks()
    for relation, label in _RELATIONS:
        found = [link for link in links if link.relation == relation]
        if not found:
            continue
        block += render.rubric(_(label), classes=["kommun-backlinks-title"])
        block += render.bullet_list(_backlink_item(ctx, link) for link in found)
    return [block] if len(block) else []
