"""Plain formats (text, man, texinfo): the block wrappers pass their
children through; placeholders and print-only marks are left out."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from ..nodes import (
    kommun_backlinks,
    kommun_bookmark,
    kommun_document,
    kommun_generated,
    kommun_header,
    kommun_object,
    kommun_pending,
    kommun_signatures,
    kommun_struck,
)

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
    kommun_object: _PASS,
    kommun_header: _PASS,
    kommun_signatures: _PASS,
    kommun_backlinks: _PASS,
    kommun_generated: _PASS,
    kommun_struck: _PASS,
    kommun_pending: _SKIP,
    kommun_bookmark: _SKIP,
    kommun_document: _SKIP,
}
