"""The post-transforms that fill generated content in and link the names it
shows, before Sphinx resolves the other references."""

from __future__ import annotations

from typing import Any, cast

from docutils.nodes import Element
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain.store import get_domain
from ..nodes import kommun_pending
from .context import Context
from .registry import apply

#: Builders that resolve one page per doctree.
PAGE_BUILDERS = frozenset(
    {"html", "dirhtml", "epub", "text", "xml", "pseudoxml", "needs", "linkcheck"}
)


class FillGenerated(SphinxPostTransform):
    """Replace :class:`~sphinx_kommun.nodes.kommun_pending` placeholders with
    generated nodes.

    Runs before Sphinx's ``ReferencesResolver`` (priority 10) and the LaTeX
    builder's citation and math reference transforms (priority 5), so the
    references in generated and quoted text resolve like any other.
    """

    default_priority = 4

    def run(self, **kwargs: Any) -> None:
        docname = self.env.current_document.docname
        # the builder, as Sphinx's own ReferencesResolver reaches it
        builder = self.env._app.builder
        # builders that assemble many pages into one tree (latex, man,
        # texinfo, singlehtml …) have it scanned; for one page a tree, the
        # domain knows whether it has placeholders
        if builder.name in PAGE_BUILDERS and not get_domain(self.env).has_placeholders(
            docname
        ):
            return
        found = list(self.document.findall(kommun_pending))
        if found:
            apply(Context(self.env, docname, builder), self.document, found)


class PersonLinks(SphinxPostTransform):
    """Link each name (:func:`~sphinx_kommun.render.person_link`) to the
    person's section in a personregister, or leave it as its text.

    Names are the most numerous references of a page, and most have no
    section to go to; resolving them here, with the domain's
    ``resolve_xref``, spares Sphinx's ``ReferencesResolver`` (priority
    10) copying each name and asking every extension about a reference that
    is never warned about.
    """

    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        names = [
            node
            for node in self.document.findall(addnodes.pending_xref)
            if node.get("kommun-person")
        ]
        if not names:
            return
        domain = get_domain(self.env)
        current = self.env.current_document.docname
        builder = self.env._app.builder
        for node in names:
            refdoc = node.get("refdoc", current)
            contnode = cast(Element, node[0].deepcopy())
            try:
                link = domain.resolve_xref(
                    self.env,
                    refdoc,
                    builder,
                    "person",
                    node["reftarget"],
                    node,
                    contnode,
                )
            except NoUri:  # a page this output does not have (a PDF's)
                link = None
            node.replace_self(link or list(node.children))
