"""What is collected from a document when it has been read: the values of
the domain's stores (:data:`~.store.STORES`) for it, found in one walk of
its tree."""

from __future__ import annotations

import dataclasses
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref

from ..nodes import ancestors, kommun_object, kommun_pending
from ..reading.roles import ROLE_MARK
from ..swedish import normalise
from . import excerpts, interchange
from .model import KommunObject, RoleRef


def collect(document: nodes.document, docname: str) -> dict[str, Any]:
    """What the document's directives and roles left on their nodes: the
    objects, the excerpts they mark for quoting, the references written
    with roles, and where generated content goes."""
    marks, object_nodes, refs, pending = [], [], [], []
    for node in document.findall(nodes.Element):
        if excerpts.marked(node):
            marks.append(node)
        if isinstance(node, kommun_object):
            object_nodes.append(node)
        elif isinstance(node, kommun_pending):
            pending.append(node)
        elif (
            isinstance(node, pending_xref)
            and node.get("refdomain") == "kommun"
            and node.get(ROLE_MARK)
        ):
            refs.append(_role_ref(node, docname))
    kept, digests, quoted = excerpts.keep(marks)
    objects = []
    for node in object_nodes:
        obj = node.attributes.pop("object", None)
        if isinstance(obj, KommunObject):
            objects.append(_with_digests(obj, digests))
    return {
        "objects": objects,
        "refs": refs,
        "excerpts": kept,
        "placeholders": bool(pending),
        "compilations": [
            node["dnr"]
            for node in pending
            if node["generate"] == "remissammanstallning" and node.get("dnr")
        ],
        "people": {
            node["anchor"]: (normalise(node["person"]), _parties(node))
            for node in pending
            if node["generate"] == "person"
        },
        # encoded as read, so a build writes the file without encoding
        # what it did not read (output/published.py)
        "published": interchange.published(objects, quoted),
    }


def _parties(node: kommun_pending) -> tuple[str, ...] | None:
    """A personregister section's parties: a namesake's (None: any)."""
    parties = node.get("parties")
    return None if parties is None else tuple(parties)


def _with_digests(obj: KommunObject, digests: dict[str, str]) -> KommunObject:
    """``obj`` with the digest of each of its excerpts as kept."""
    if not obj.excerpts:
        return obj
    return dataclasses.replace(
        obj,
        excerpts=tuple(
            dataclasses.replace(e, digest=digests.get(f"{obj.id}#{e.name}", ""))
            for e in obj.excerpts
        ),
    )


def _role_ref(node: pending_xref, docname: str) -> RoleRef:
    """A reference written with a role, and the object it is written in."""
    source = next(
        (a for a in ancestors(node) if isinstance(a, kommun_object) and a["ids"]),
        None,
    )
    return RoleRef(
        kind=node["reftype"],
        target=node["reftarget"],
        refdnr=node.get("kommun-refdnr", ""),
        docname=docname,
        lineno=node.line or 0,
        source=source["ids"][0] if source is not None else "",
    )
