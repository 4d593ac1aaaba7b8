"""The model as JSON: what one project publishes of its objects and another
reads back (:mod:`.federation`).

Objects and their values (people, ställningar, dates) are written as JSON
with the name of their class; only sphinx-kommun's own dataclasses are
read back, so a file from elsewhere cannot make anything else. A quoted
excerpt is written as a tree of docutils nodes: the standard text nodes
(paragraphs, lists, tables, emphasis …) with their classes, and links only
to absolute web addresses; a cross-reference keeps its text, and what the
reader may not show (raw markup, images, targets, comments) is left out
with its text kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from typing import Any

from docutils import nodes

from .model import KommunObject

#: Node classes never made from a file: what could inject markup or
#: reach outside the page, or means nothing out of its document.
UNSAFE = frozenset(
    {
        "raw",
        "pending",
        "comment",
        "system_message",
        "substitution_definition",
        "substitution_reference",
        "target",
        "image",
        "figure",
        "footnote_reference",
        "citation_reference",
        "problematic",
    }
)

#: Attributes a node keeps (the ids of a quote are its object's id and
#: "-citat-…", unique as the object's id is).
ATTRIBUTES = frozenset(
    {
        "ids",
        "classes",
        "refuri",
        "enumtype",
        "prefix",
        "suffix",
        "start",
        "bullet",
        "cols",
        "colwidth",
        "morerows",
        "morecols",
        "stub",
    }
)

#: Link schemes a reference keeps.
SCHEMES = ("https://", "http://", "mailto:")


def _classes() -> dict[str, type[Any]]:
    """sphinx-kommun's dataclasses by name (``kinds.yttrande.Yttrande``)."""
    found: dict[str, type[Any]] = {}
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("sphinx_kommun."):
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__ == name
            ):
                found[_name(value)] = value
    return found


def _name(cls: type[Any]) -> str:
    return f"{cls.__module__.removeprefix('sphinx_kommun.')}.{cls.__qualname__}"


def encode(value: Any) -> Any:
    """``value`` (an object, one of its values) as JSON data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
        return {"$type": _name(type(value)), **fields}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot publish a {type(value).__name__}")


def decode(data: Any, classes: dict[str, type[Any]] | None = None) -> Any:
    """What :func:`encode` wrote (lists read back as tuples); ValueError if
    it names a class that is not one of ours."""
    known = classes if classes is not None else _classes()
    if isinstance(data, list):
        return tuple(decode(item, known) for item in data)
    if isinstance(data, dict):
        if "$date" in data:
            return dt.date.fromisoformat(str(data["$date"]))
        cls = known.get(str(data.get("$type")))
        if cls is None:
            raise ValueError(f"unknown type {data.get('$type')!r}")
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        values = {k: decode(v, known) for k, v in data.items() if k in names}
        return cls(**values)
    return data


def decode_object(data: Any) -> KommunObject:
    obj = decode(data)
    if not isinstance(obj, KommunObject):
        raise ValueError(f"not an object: {type(obj).__name__}")
    return obj


def encode_nodes(found: list[nodes.Node]) -> list[Any]:
    """Quoted nodes as JSON data."""
    return [_encode_node(node) for node in found]


def _encode_node(node: nodes.Node) -> Any:
    if isinstance(node, nodes.Text):
        return str(node)
    assert isinstance(node, nodes.Element)
    tagname = node.tagname
    if tagname in UNSAFE or not hasattr(nodes, tagname):
        tagname = "inline"  # another extension's node: its text
    attributes = {k: v for k, v in node.attributes.items() if k in ATTRIBUTES and v}
    if not str(attributes.get("refuri", "")).startswith(SCHEMES):
        attributes.pop("refuri", None)
    return {
        "t": tagname,
        "a": attributes,
        "c": [_encode_node(child) for child in node.children],
    }


def decode_nodes(data: Any) -> list[nodes.Node]:
    """Nodes from what :func:`encode_nodes` wrote; ValueError on anything
    else."""
    if not isinstance(data, list):
        raise ValueError("excerpt is not a list")
    return [_decode_node(item) for item in data]


def _decode_node(data: Any) -> nodes.Node:
    if isinstance(data, str):
        return nodes.Text(data)
    if not isinstance(data, dict):
        raise ValueError("node is neither text nor an element")
    tagname = str(data.get("t", ""))
    cls = getattr(nodes, tagname, None) if tagname not in UNSAFE else None
    if not (isinstance(cls, type) and issubclass(cls, nodes.Element)):
        raise ValueError(f"unknown node {tagname!r}")
    if tagname == "reference" and not str(
        data.get("a", {}).get("refuri", "")
    ).startswith(SCHEMES):
        cls = nodes.inline
    node = cls()
    for key, value in dict(data.get("a", {})).items():
        if key in ATTRIBUTES and isinstance(value, str | int | list):
            node[key] = [str(v) for v in value] if isinstance(value, list) else value
    for child in data.get("c", []):
        node += _decode_node(child)
    return node


def published(objects: list[KommunObject], quoted: dict[str, list[nodes.Node]]) -> str:
    """A document's objects as ``kommun-objects.json`` holds them (a JSON
    array): each object's fields, and the excerpts of a published one (the
    copies :func:`~.excerpts.keep` made, not unpickled again)."""
    entries = [
        {
            "object": encode(obj),
            "excerpts": {
                excerpt.name: encode_nodes(quoted[key])
                for excerpt in obj.excerpts
                if obj.published and (key := f"{obj.id}#{excerpt.name}") in quoted
            },
        }
        for obj in objects
    ]
    return (
        json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        if entries
        else ""
    )
