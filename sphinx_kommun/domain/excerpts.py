"""Excerpts: the parts of a document that generated text quotes, kept as read.

A directive marks what may be quoted (:mod:`sphinx_kommun.reading.excerpts`);
when the document has been read, :func:`keep` copies each marked part, after
the read transforms (smart quotes, substitutions …) so a quote prints as
the original does, and detached so it can be inserted in another page.
The copies are pickled: they are needed only where a page quotes them.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.util import docname_join

from ..nodes import kommun_pending
from .recording import digest

#: Class of a paragraph (``.. rst-class:: ej-citerad``) left out when quoted.
UNQUOTED = "ej-citerad"


def marked(node: nodes.Node) -> bool:
    """Whether ``node`` is marked as an excerpt (see :func:`keep`)."""
    return isinstance(node, nodes.Element) and bool(node.get("kommun-excerpt"))


def keep(
    marked: Iterable[nodes.Element],
) -> tuple[dict[str, bytes], dict[str, str], dict[str, list[nodes.Node]]]:
    """The excerpts of a document (its :func:`marked` nodes, in document
    order), pickled, the digest of each (what a quote shows: line numbers
    left out), and the copies themselves (for what else is made of them
    while the document is read), by ``"<id>#<name>"``."""
    found: dict[str, list[nodes.Node]] = {}
    for node in marked:
        mark = node["kommun-excerpt"]
        children = (
            node.children[1:] if isinstance(node, nodes.section) else node.children
        )
        prefix = mark.split("#")[0] + "-citat"
        found.setdefault(mark, []).extend(
            _detached_copy(child, prefix)
            for child in children
            if not (isinstance(child, nodes.Element) and UNQUOTED in child["classes"])
            # generated content is generated where it is written, not quoted
            and not isinstance(child, kommun_pending)
        )
    for copies in found.values():
        _relink(copies)
    kept = {
        mark: pickle.dumps(copies, pickle.HIGHEST_PROTOCOL)
        for mark, copies in found.items()
    }
    digests = {
        mark: digest(copy.pformat() for copy in copies)
        for mark, copies in found.items()
    }
    return kept, digests, found


def copies(kept: bytes) -> list[nodes.Node]:
    """Fresh copies of a kept excerpt."""
    found: list[nodes.Node] = pickle.loads(kept)
    return found


def _detached_copy(node: nodes.Node, prefix: str) -> nodes.Node:
    """A deep copy without placeholders, safe to insert in another page.

    Ids get ``prefix`` (sections need one, and the original's are taken);
    names, which would clash with the page's own targets, are dropped.
    """
    copy = node.deepcopy()
    for every in copy.findall():
        # a copy still names the document it came from
        every._document = None  # type: ignore[attr-defined]
    if isinstance(copy, nodes.Element):
        for element in list(copy.findall(nodes.Element)):
            if isinstance(element, kommun_pending):
                if element.parent is not None:
                    element.parent.remove(element)
                continue
            element["ids"] = [f"{prefix}-{node_id}" for node_id in element["ids"]]
            element["names"] = []
            # links inside the copy point at the copy (footnotes, targets)
            if "refid" in element:
                element["refid"] = f"{prefix}-{element['refid']}"
            if element.get("backrefs"):
                element["backrefs"] = [f"{prefix}-{i}" for i in element["backrefs"]]
            if isinstance(element, pending_xref):
                # a broken reference is reported where it is written, once
                element["kommun-copy"] = True
                _resolve_from_the_quoting_page(element)
            element.attributes.pop("kommun-excerpt", None)
    return copy


def _resolve_from_the_quoting_page(xref: pending_xref) -> None:
    """Let a quoted reference resolve from the page that quotes it.

    Sphinx makes a link relative to the reference's ``refdoc``: left as the
    quoted page, a link quoted into a page of another folder would miss. A
    ``:doc:`` target, relative to the page it was written in, is made
    absolute first.
    """
    refdoc = xref.attributes.pop("refdoc", None)
    if refdoc and (xref.get("refdomain"), xref.get("reftype")) == ("std", "doc"):
        xref["reftarget"] = "/" + docname_join(refdoc, xref["reftarget"])


def _relink(copies: list[nodes.Node]) -> None:
    """Point the links inside ``copies`` at the copies, and unlink what
    points at a part left unquoted (a footnote, a target): the text stays.
    A citation quoted with its reference is cited from the copy."""
    elements = [
        element
        for copy in copies
        if isinstance(copy, nodes.Element)
        for element in copy.findall(nodes.Element)
    ]
    ids = {node_id for element in elements for node_id in element["ids"]}
    citations = {
        element[0].astext(): element
        for element in elements
        if isinstance(element, nodes.citation) and element["ids"] and len(element)
    }
    for element in elements:
        if element.get("backrefs"):
            element["backrefs"] = [i for i in element["backrefs"] if i in ids]
        if isinstance(element, pending_xref) and element.get("refdomain") == "citation":
            citation = citations.get(element["reftarget"])
            if citation is not None:
                element.replace_self(
                    nodes.citation_reference(
                        "",
                        "",
                        *element.children,
                        docname=citation.get("docname", ""),
                        refid=citation["ids"][0],
                        refname=citation["ids"][0],
                    )
                )
            continue
        if "refid" not in element or element["refid"] in ids:
            continue
        # an inline keeps the ids others may point at
        if isinstance(element, nodes.footnote_reference):
            mark = f"[{element.astext()}]"
            element.replace_self(nodes.inline(mark, mark))
        elif isinstance(element, nodes.reference):
            element.replace_self(nodes.inline("", "", *element.children))
        else:
            del element["refid"]
