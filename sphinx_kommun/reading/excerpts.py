"""Marking the parts of a document that generated text quotes.

A quoted part (a section, or a container of the text) gets the attribute
``kommun-excerpt`` = ``"<object id>#<name>"``; the domain keeps a copy of
what it holds when the document is read (:meth:`~..domain.store.KommunDomain.process_doc`).
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from ..domain.model import Excerpt


def lift_sections(body: list[nodes.Node]) -> list[nodes.Node]:
    """Make a plugin's titled section that ends another section its sibling.

    A section directive written after "Synpunkter och förslag" is parsed as
    part of it; in the document it is the next heading at the same level
    (as Skärholmen's Jämställdhetsanalys is), and it is not quoted with the
    section before it.
    """
    result: list[nodes.Node] = []
    for node in body:
        result.append(node)
        if not isinstance(node, nodes.section):
            continue
        node.children[:] = lift_sections(list(node.children))
        lifted: list[nodes.Node] = []
        while (
            len(node.children) > 1
            and isinstance(node[-1], nodes.section)
            and "kommun-avsnitt" in node[-1]["classes"]
        ):
            lifted.insert(0, node.pop())
        for child in lifted:
            child.parent = None
        result.extend(lifted)
    return result


def section_title(node: nodes.Node) -> str | None:
    """The title of a section, as compared (case-insensitively), else None."""
    if not isinstance(node, nodes.section) or not node.children:
        return None
    return node[0].astext().strip().casefold()


def mark_excerpts(
    body: Iterable[nodes.Node], obj_id: str, wanted: dict[str, str]
) -> tuple[Excerpt, ...]:
    """Mark the sections of ``body`` whose titles are in ``wanted``.

    ``wanted`` maps a section title (case-insensitive) to an excerpt name.
    Returns the excerpts, once each.
    """
    folded = {title.casefold(): name for title, name in wanted.items()}
    names: dict[str, None] = {}
    for node in body:
        title = section_title(node)
        name = folded.get(title) if title is not None else None
        if name is not None and isinstance(node, nodes.Element):
            mark_excerpt(node, obj_id, name)
            names[name] = None
    return tuple(Excerpt(name) for name in names)


def mark_excerpt(node: nodes.Element, obj_id: str, name: str) -> Excerpt:
    node["kommun-excerpt"] = f"{obj_id}#{name}"
    return Excerpt(name)
