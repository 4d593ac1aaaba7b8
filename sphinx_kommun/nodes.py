"""Docutils nodes of sphinx-kommun and how each builder renders them.

Objects are rendered with generic docutils nodes (paragraphs, field lists,
tables, sections) wrapped in a few block nodes that carry the semantic
role, so every builder can render them and builder-specific layout is a
matter of the wrappers' visitors.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


class kommun_block(nodes.General, nodes.Element):
    """Base of the block wrappers: rendered as a ``div`` with classes in HTML."""

    tagname_html = "div"


class kommun_object(kommun_block):
    """One object rendered as a document (yttrande, motion, utlåtande …)."""


class kommun_header(kommun_block):
    """The header block of a document: kommun, body, dnr, handläggare, till, datum.

    ``node["fields"]`` holds the (label, value) pairs the children show, for
    builders that lay the header out themselves.
    """


class kommun_signatures(kommun_block):
    """Signature block: one line per signatory, name then title."""


class kommun_backlinks(kommun_block):
    """Generated list of what refers to an object ("Besvaras av" …)."""


class kommun_generated(kommun_block):
    """Generated text (remissammanställning, Beredning, ärende overview)."""


class kommun_pending(nodes.General, nodes.Element):
    """Placeholder for generated content, filled by a post-transform.

    ``node["generate"]`` names the generator, other attributes its
    parameters. Nothing of it reaches any writer.
    """


class kommun_struck(nodes.Inline, nodes.TextElement):
    """Struck-through text: a signatory who withdrew."""


# -- visitors -----------------------------------------------------------------


def _visit_block_html(self: Any, node: kommun_block) -> None:
    classes = ["kommun", node.__class__.__name__.replace("_", "-")]
    self.body.append(self.starttag(node, "div", CLASS=" ".join(classes)))


def _depart_block_html(self: Any, node: kommun_block) -> None:
    self.body.append("</div>\n")


def _visit_block_latex(self: Any, node: kommun_block) -> None:
    # Blocks flow like ordinary text so long documents break across pages;
    # a label makes the object's id a hyperlink target.
    for node_id in node["ids"]:
        self.body.append(self.hypertarget(node_id, anchor=True))
    self.body.append("\n")


def _pass(self: Any, node: nodes.Node) -> None:
    pass


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _visit_struck_html(self: Any, node: kommun_struck) -> None:
    self.body.append(self.starttag(node, "del", "", CLASS="kommun-struck"))


def _depart_struck_html(self: Any, node: kommun_struck) -> None:
    self.body.append("</del>")


def _visit_struck_latex(self: Any, node: kommun_struck) -> None:
    self.body.append(r"\sout{")


def _depart_struck_latex(self: Any, node: kommun_struck) -> None:
    self.body.append("}")


BLOCKS = (
    kommun_object,
    kommun_header,
    kommun_signatures,
    kommun_backlinks,
    kommun_generated,
)


def register(app: Sphinx) -> None:
    passthrough: dict[str, Any] = {
        name: (_pass, None) for name in ("text", "man", "texinfo")
    }
    for block in BLOCKS:
        app.add_node(
            block,
            html=(_visit_block_html, _depart_block_html),
            latex=(_visit_block_latex, None),
            **passthrough,
        )
    app.add_node(
        kommun_pending,
        html=(_skip, None),
        latex=(_skip, None),
        text=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_node(
        kommun_struck,
        html=(_visit_struck_html, _depart_struck_html),
        latex=(_visit_struck_latex, _depart_struck_latex),
        **passthrough,
    )
    app.add_latex_package("ulem", "normalem")
