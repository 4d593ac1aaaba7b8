"""The generators, by name, and filling a page's placeholders with them.

Each generator turns a :class:`~sphinx_kommun.nodes.kommun_pending`
placeholder into nodes, from what the page reads of the index
(:class:`~.context.Context`): everything a clerk would otherwise copy by
hand.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..nodes import kommun_pending
from .context import Context

Generator = Callable[[Context, kommun_pending], list[nodes.Node]]

#: Every generator, by the name its placeholders give (``node["generate"]``).
GENERATORS: dict[str, Generator] = {}


def generator(name: str) -> Callable[[Generator], Generator]:
    """Register a generator under ``name``."""

    def register(func: Generator) -> Generator:
        GENERATORS[name] = func
        return func

    return register


def apply(
    ctx: Context, doctree: nodes.Node, found: list[kommun_pending] | None = None
) -> None:
    """Replace every placeholder of ``doctree`` (``found``, if the caller has
    looked for them already) with its generated nodes.

    Generated content may bring placeholders of its own (a meeting's PDF
    includes whole documents), so what was produced is looked through again,
    until no placeholder is left.
    """
    pending_nodes = list(doctree.findall(kommun_pending)) if found is None else found
    for _round in range(10):
        if not pending_nodes:
            return
        produced_all: list[nodes.Node] = []
        for pending in pending_nodes:
            func = GENERATORS.get(pending["generate"])
            produced = func(_for(ctx, pending), pending) if func else []
            if produced:
                pending.replace_self(produced)
                produced_all.extend(produced)
            elif pending.parent is not None:
                pending.parent.remove(pending)
        pending_nodes = [
            inner for node in produced_all for inner in node.findall(kommun_pending)
        ]


def _for(ctx: Context, pending: kommun_pending) -> Context:
    """The context of a placeholder written on another page (an inlined one)."""
    refdoc = pending.get("refdoc") or ctx.refdoc
    if refdoc == ctx.refdoc:
        return ctx
    return Context(ctx.env, refdoc, ctx.builder)
