"""The post-transform that fills generated content in, before references resolve."""

from __future__ import annotations

from typing import Any

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
        if not any(True for _ in self.document.findall(kommun_pending)):
            return
        apply(Context(self.env, docname, builder), self.document)
