"""Docutils nodes of sphinx-kommun, and small helpers for nodes.

Objects are rendered with generic docutils nodes (paragraphs, field lists,
tables, sections) wrapped in a few block nodes that carry the semantic
role, so every builder can render them; builder-specific layout is a matter
of the wrappers' visitors, which are the output stage's
(:mod:`sphinx_kommun.output`).
"""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes


class kommun_block(nodes.General, nodes.Element):  # noqa: N801
    """Base of the block wrappers: rendered as a ``div`` with classes in HTML."""


class kommun_object(kommun_block):  # noqa: N801
    """One object rendered as a document (yttrande, motion, utlåtande …)."""


class kommun_header(kommun_block):  # noqa: N801
    """The header block of a document: kommun, body, dnr, handläggare, till,
    datum, as a field list (builders that lay the header out themselves read
    its fields' text)."""


class kommun_signatures(kommun_block):  # noqa: N801
    """Signature block: one line per signatory, name then title."""


class kommun_backlinks(kommun_block):  # noqa: N801
    """Generated list of what refers to an object ("Besvaras av" …)."""


class kommun_generated(kommun_block):  # noqa: N801
    """Generated text (remissammanställning, Beredning, ärende overview)."""


class kommun_pending(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for generated content, filled by a post-transform.

    ``node["generate"]`` names the generator, other attributes its
    parameters. Nothing of it reaches any writer.
    """


class kommun_struck(nodes.Inline, nodes.TextElement):  # noqa: N801
    """Struck-through text: a signatory who withdrew."""


class kommun_bookmark(nodes.General, nodes.Element):  # noqa: N801
    """A PDF outline entry above the sections that follow (``node["title"]``)."""


class kommun_document(nodes.General, nodes.Element):  # noqa: N801
    """Start (``node["start"]``) or end of one printed document (LaTeX only).

    Inserted around each document of a PDF; restarts "Sida 1 (n)" and sets
    the running header's kind and diarienummer.
    """


# -- helpers ----------------------------------------------------------------------


def ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    """``node`` and its parents, nearest first."""
    current: nodes.Node | None = node
    while current is not None:
        yield current
        current = current.parent


#: An element's mark that text under it (without a line of its own) is
#: written at its place in the sources: the characters pdflatex cannot set
#: found there when the document was read, or ``True`` for what a generator
#: located there (:meth:`~sphinx_kommun.generate.Context.locate`).
WRITTEN = "kommun-written"


def placed(node: nodes.Node) -> nodes.Element | None:
    """The nearest of ``node`` and its ancestors that knows its line."""
    return next(
        (a for a in ancestors(node) if isinstance(a, nodes.Element) and a.line),
        None,
    )


def written_at(node: nodes.Node, chars: str) -> nodes.Element | None:
    """Where in the sources the text of ``node``, with ``chars`` in it, is
    written: its place (:func:`placed`), if ``chars`` were written there
    (:data:`WRITTEN`). A copy shown under a place that does not have them
    (a title in a backlink, a needtable's cell) is not written anywhere."""
    place = placed(node)
    if place is None:
        return None
    mark = place.get(WRITTEN)
    return place if mark is True or (mark and set(chars) <= set(mark)) else None


def source_location(node: nodes.Node) -> str | None:
    """``file:line`` of ``node``: its line, and the file from it or the
    nearest ancestor that knows it (a generated node often knows only its
    line; Sphinx would say ``<unknown>``)."""
    line = node.line
    for ancestor in ancestors(node):
        line = line or ancestor.line
        source = ancestor.source or (
            ancestor.get("source") if isinstance(ancestor, nodes.document) else None
        )
        if line and source:
            return f"{source}:{line}"
    return None
