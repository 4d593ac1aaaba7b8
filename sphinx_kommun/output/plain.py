"""Plain formats (text, man, texinfo): the block wrappers pass their
children through; placeholders and print-only marks are left out. The text
builder reads a table's relative column widths as characters: our tables
are widened to a readable line (:class:`ReadableTables`)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import nodes as kommun
from .. import render

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


#: The width, in characters, of a table in the text builder.
TEXT_WIDTH = 76
#: The longest word a column is widened for, and the narrowest such a
#: column gets when the line has no room.
WORD_WIDTH, LEAST_WIDTH = 20, 14


class ReadableTables(SphinxPostTransform):
    """Text builder: the column widths of sphinx-kommun's tables (relative,
    1 to 6) as characters of a line of :data:`TEXT_WIDTH` (Sphinx's text
    writer takes them as characters: a table of 38 characters otherwise)."""

    default_priority = 900
    formats = ("text",)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            wrapper = table.parent
            if not (
                isinstance(wrapper, nodes.container)
                and render.TABLE_CLASS in wrapper["classes"]
            ):
                continue  # not ours (a grid table's widths are characters)
            colspecs = list(table.findall(nodes.colspec))
            total = sum(int(spec.get("colwidth", 0)) for spec in colspecs)
            if not total:
                continue
            # borders and padding take three characters a column; each
            # column at least as wide as its longest word (up to 20, a
            # Swedish compound: "kommunfullmäktiges"), narrowed to 14 at
            # the least where the line has no room for them all
            room = TEXT_WIDTH - 3 * len(colspecs) - 1
            least = _longest_words(table, len(colspecs))
            while sum(least) > room and max(least) > LEAST_WIDTH:
                least[least.index(max(least))] -= 1
            spare = max(0, room - sum(least))
            for spec, word in zip(colspecs, least, strict=True):
                spec["colwidth"] = word + int(spec["colwidth"]) * spare // total


def _longest_words(table: nodes.table, columns: int) -> list[int]:
    """Per column, the length of its longest word, between 4 and
    :data:`WORD_WIDTH`."""
    longest = [4] * columns
    for row in table.findall(nodes.row):
        for number, entry in enumerate(row.findall(nodes.entry)):
            if number < columns:
                words = entry.astext().split() or [""]
                longest[number] = max(longest[number], *(len(w) for w in words))
    return [min(width, WORD_WIDTH) for width in longest]
