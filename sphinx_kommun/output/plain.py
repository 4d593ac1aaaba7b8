"""Plain formats (text, man, texinfo): the block wrappers pass their
children through; placeholders and print-only marks are left out."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from .. import nodes as kommun

#: The builders (by name) these visitors are registered for.
BUILDERS = ("text", "man", "texinfo")


def pass_through(self: Any, node: nodes.Node) -> None:
    """Write nothing of ``node`` itself; its children are written."""


def skip(self: Any, node: nodes.Node) -> None:
    """Write neither ``node`` nor its children (a visitor for every format)."""
    raise nodes.SkipNode


_PASS = (pass_through, pass_through)
_SKIP = (skip, None)

#: (visit, depart) of every node of :mod:`sphinx_kommun.nodes` for plain formats.
VISITORS: dict[type[nodes.Element], tuple[Any, Any]] = {
    kommun.kommun_object: _PASS,
    kommun.kommun_header: _PASS,
    kommun.kommun_signatures: _PASS,
    kommun.kommun_backlinks: _PASS,
    kommun.kommun_generated: _PASS,
    kommun.kommun_struck: _PASS,
    kommun.kommun_pending: _SKIP,
    kommun.kommun_bookmark: _SKIP,
    kommun.kommun_document: _SKIP,
}
