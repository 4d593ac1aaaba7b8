"""How the LaTeX writer writes sphinx-kommun's nodes (``sphinxkommun.sty``
defines the environments and commands used here).

Objects flow as ordinary text, so long documents break across pages and
nothing is cut off (unlike sphinx-needs' one-cell need tables); the header
block and the signatures are laid out as in the municipality's own papers.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from ... import nodes as kommun
from ..plain import skip
from .characters import fitted
from .typesetting import breakable_text


def visit_block(self: Any, node: kommun.kommun_block) -> None:
    for node_id in node["ids"]:
        self.body.append(self.hypertarget(node_id, anchor=True))
    self.body.append("\n")


def depart_block(self: Any, node: kommun.kommun_block) -> None:
    self.body.append("\n")


def _encode(self: Any, text: str) -> str:
    """An attribute's text, escaped, with what pdflatex cannot set replaced.

    (Text nodes are seen to by :mod:`.characters` before writing.)
    """
    return str(self.encode(fitted(self.config, str(text))))


def _rendered(self: Any, node: nodes.Element) -> str:
    """The LaTeX of ``node``'s children, as the translator writes them
    (a withdrawn signatory struck through, links kept)."""
    self.pushbody([])
    for child in node.children:
        child.walkabout(self)
    return "".join(self.popbody()).strip()


def visit_header(self: Any, node: kommun.kommun_header) -> None:
    """The header block: label over value, in two columns, between rules
    (the values as filled in: a yttrande's ställning is generated)."""
    fields = [
        (field[0].astext(), field[1].astext())
        for field in node.findall(nodes.field)
        if len(field) == 2
    ]
    half = (len(fields) + 1) // 2
    columns = [fields[:half], fields[half:]]
    out = ["\n\\begin{kommunheader}"]
    for number, column in enumerate(columns):
        if number:
            out.append("\\hfill")
        out.append("\\begin{minipage}[t]{0.48\\linewidth}")
        for label, value in column:
            value_tex = r"\allowbreak{}".join(
                _encode(self, piece) for piece in breakable_text(value)
            )
            out.append(f"\\kommunfield{{{_encode(self, label)}}}{{{value_tex}}}")
        out.append("\\end{minipage}")
    out.append("\\end{kommunheader}\n")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def visit_signatures(self: Any, node: kommun.kommun_signatures) -> None:
    """Place, date and 'on behalf of' lines, then the names side by side."""
    out = ["\n\\begin{kommunsignatures}"]
    for child in node.children:
        if isinstance(child, nodes.line_block):
            lines = [
                _rendered(self, line)
                for line in child.children
                if isinstance(line, nodes.Element)
            ]
            name, role = (lines[0] if lines else ""), "\\\\".join(lines[1:])
            out.append(f"\\kommunsignature{{{name}}}{{{role}}}")
        elif isinstance(child, nodes.Element):
            out.append(f"\\kommunsignatureintro{{{_rendered(self, child)}}}")
    out.append("\\end{kommunsignatures}\n")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def visit_backlinks(self: Any, node: kommun.kommun_backlinks) -> None:
    # navigation for the web; the printed papers carry their own references
    raise nodes.SkipNode


def visit_struck(self: Any, node: kommun.kommun_struck) -> None:
    self.body.append(r"\kommunstrike{")


def depart_struck(self: Any, node: kommun.kommun_struck) -> None:
    self.body.append("}")


def visit_bookmark(self: Any, node: kommun.kommun_bookmark) -> None:
    anchor = self.idescape(f"{self.curfilestack[-1]}:{node['ids'][0]}")
    self.body.append(
        f"\n\\kommunbookmark{{{_encode(self, node['title'])}}}{{{anchor}}}\n"
    )
    raise nodes.SkipNode


def visit_document(self: Any, node: kommun.kommun_document) -> None:
    if node.get("pdfinfo"):
        # per PDF: the preamble and the cover's date line are this writer's
        self.elements["preamble"] += "\n" + node["pdfinfo"] + "\n"
        self.elements["date"] = _encode(self, node.get("cover", ""))
    if node["start"]:
        number, kind, dnr = (
            node["number"],
            _encode(self, node["kind"]),
            _encode(self, node["dnr"]),
        )
        self.body.append(f"\n\\kommunstartdocument{{{number}}}{{{kind}}}{{{dnr}}}\n")
    else:
        self.body.append("\n\\kommunenddocument\n")
    raise nodes.SkipNode


_BLOCK = (visit_block, depart_block)

#: (visit, depart) of every node of :mod:`sphinx_kommun.nodes` for LaTeX.
VISITORS: dict[type[nodes.Element], tuple[Any, Any]] = {
    kommun.kommun_object: _BLOCK,
    kommun.kommun_header: (visit_header, None),
    kommun.kommun_signatures: (visit_signatures, None),
    kommun.kommun_backlinks: (visit_backlinks, None),
    kommun.kommun_generated: _BLOCK,
    kommun.kommun_struck: (visit_struck, depart_struck),
    kommun.kommun_pending: (skip, None),
    kommun.kommun_bookmark: (visit_bookmark, None),
    kommun.kommun_document: (visit_document, None),
}
