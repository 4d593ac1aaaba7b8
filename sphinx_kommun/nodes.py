"""Docutils nodes of sphinx-kommun and how each builder renders them.

Objects are rendered with generic docutils nodes (paragraphs, field lists,
tables, sections) wrapped in a few block nodes that carry the semantic
role, so every builder can render them; builder-specific layout is a matter
of the wrappers' visitors (HTML here, LaTeX in :mod:`.latex`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


class kommun_block(nodes.General, nodes.Element):  # noqa: N801
    """Base of the block wrappers: rendered as a ``div`` with classes in HTML."""


class kommun_object(kommun_block):  # noqa: N801
    """One object rendered as a document (yttrande, motion, utlåtande …)."""


class kommun_header(kommun_block):  # noqa: N801
    """The header block of a document: kommun, body, dnr, handläggare, till, datum.

    ``node["fields"]`` holds the (label, value) pairs the children show, for
    builders that lay the header out themselves.
    """


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


# -- HTML -----------------------------------------------------------------------


def _visit_block_html(self: Any, node: kommun_block) -> None:
    classes = ["kommun", node.__class__.__name__.replace("_", "-")]
    self.body.append(self.starttag(node, "div", CLASS=" ".join(classes)))


def _depart_block_html(self: Any, node: kommun_block) -> None:
    self.body.append("</div>\n")


def _visit_struck_html(self: Any, node: kommun_struck) -> None:
    self.body.append(self.starttag(node, "del", "", CLASS="kommun-struck"))


def _depart_struck_html(self: Any, node: kommun_struck) -> None:
    self.body.append("</del>")


def _visit_bookmark_html(self: Any, node: kommun_bookmark) -> None:
    # only an anchor: the outline is a PDF thing
    for node_id in node["ids"]:
        self.body.append(f'<span id="{node_id}"></span>')
    raise nodes.SkipNode


# -- shared ---------------------------------------------------------------------


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


def _pass(self: Any, node: nodes.Node) -> None:
    pass


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


BLOCKS = (
    kommun_object,
    kommun_header,
    kommun_signatures,
    kommun_backlinks,
    kommun_generated,
)

_PLAIN = ("text", "man", "texinfo")
_HTML = ("html",)


def epub_writes_html_nodes(app: Sphinx) -> None:
    """``builder-inited``: the epub builder writes every node HTML does.

    Sphinx gives a builder the visitors registered under its own name, and
    only when there are none those of its format; once one extension
    registers a visitor for ``epub`` (sphinx-data-viewer, which sphinx-needs
    loads, does), every node registered for ``html`` alone (ours, a
    ``needflow``) could not be written to an epub.
    """
    if app.builder.name != "epub":
        return
    handlers = app.registry.translation_handlers
    epub = handlers.setdefault("epub", {})
    for name, visitors in handlers.get("html", {}).items():
        epub.setdefault(name, visitors)


def register(app: Sphinx) -> None:
    from .output import latex

    app.connect("builder-inited", epub_writes_html_nodes)

    def add(node: type[nodes.Element], html: Any, latex_: Any, plain: Any) -> None:
        app.add_node(
            node,
            latex=latex_,
            **{name: html for name in _HTML},
            **{name: plain for name in _PLAIN},
        )

    passthrough = (_pass, _pass)
    skipped = (_skip, None)
    for block in BLOCKS:
        add(
            block,
            (_visit_block_html, _depart_block_html),
            latex.VISITORS.get(block, (latex.visit_block, latex.depart_block)),
            passthrough,
        )
    add(
        kommun_struck,
        (_visit_struck_html, _depart_struck_html),
        (latex.visit_struck, latex.depart_struck),
        passthrough,
    )
    add(kommun_pending, skipped, skipped, skipped)
    add(
        kommun_bookmark,
        (_visit_bookmark_html, None),
        (latex.visit_bookmark, None),
        skipped,
    )
    add(kommun_document, skipped, (latex.visit_document, None), skipped)
