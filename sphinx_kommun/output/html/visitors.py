"""How the HTML writers write sphinx-kommun's nodes: each block wrapper a
``div`` with classes (``kommun kommun-object`` …) that ``kommun.css`` lays
out, a withdrawn signatory as ``del``, a PDF bookmark as an anchor only."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from ... import nodes as kommun
from ..plain import skip


def visit_block(self: Any, node: kommun.kommun_block) -> None:
    classes = ["kommun", node.__class__.__name__.replace("_", "-")]
    self.body.append(self.starttag(node, "div", CLASS=" ".join(classes)))


def depart_block(self: Any, node: kommun.kommun_block) -> None:
    self.body.append("</div>\n")


def visit_struck(self: Any, node: kommun.kommun_struck) -> None:
    self.body.append(self.starttag(node, "del", "", CLASS="kommun-struck"))


def depart_struck(self: Any, node: kommun.kommun_struck) -> None:
    self.body.append("</del>")


def visit_bookmark(self: Any, node: kommun.kommun_bookmark) -> None:
    # only an anchor: the outline is a PDF thing
    for node_id in node["ids"]:
        self.body.append(f'<span id="{node_id}"></span>')
    raise nodes.SkipNode


_BLOCK = (visit_block, depart_block)

#: (visit, depart) of every node of :mod:`sphinx_kommun.nodes` for HTML.
VISITORS: dict[type[nodes.Element], tuple[Any, Any]] = {
    kommun.kommun_object: _BLOCK,
    kommun.kommun_header: _BLOCK,
    kommun.kommun_signatures: _BLOCK,
    kommun.kommun_backlinks: _BLOCK,
    kommun.kommun_generated: _BLOCK,
    kommun.kommun_struck: (visit_struck, depart_struck),
    kommun.kommun_pending: (skip, None),
    kommun.kommun_bookmark: (visit_bookmark, None),
    kommun.kommun_document: (skip, None),
}
