"""Two HTML-family builders that need a hand: epub and singlehtml."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


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


def single_file_anchors(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, singlehtml: a link to a target on another page
    points at the target.

    Sphinx 9 writes such links as ``#document-<page>#<target>`` (its
    ``fix_refuris`` is no longer called), which no browser follows; on the
    one page every target is ``#<target>``. Connected late, after
    sphinx-needs has made the links of its tables.
    """
    if app.builder.name != "singlehtml":
        return
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri.startswith("#document-") and uri.count("#") > 1:
            reference["refuri"] = uri[uri.rindex("#") :]
