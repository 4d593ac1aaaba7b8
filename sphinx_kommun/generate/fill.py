"""The post-transform that fills generated content in, before references resolve."""

from __future__ import annotations

from typing import Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain.store import get_domain
from ..nodes import kommun_pending
from . import (
    GENERATORS,
    Context,
    apply,
)

#: Builders that resolve one page per doctree.
PAGE_BUILDERS = frozenset(
    {"html", "dirhtml", "epub", "text", "xml", "pseudoxml", "needs", "linkcheck"}
)


class FillGenerated(SphinxPostTransform):
    """Replace :class:`~.nodes.kommun_pending` placeholders with generated nodes.

    Runs before Sphinx's ``ReferencesResolver`` (priority 10) and the LaTeX
    builder's citation and math reference transforms (priority 5), so the
    references in generated and quoted text resolve like any other.
    """

    default_priority = 4

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        docname = self.env.current_document.docname
        # the builder, as Sphinx's own ReferencesResolver reaches it
        builder = self.env._app.builder
        # a page has placeholders only if it recorded a generator dependency;
        # builders that assemble many pages into one tree (latex, man,
        # texinfo, singlehtml …) have it scanned
        if builder.name in PAGE_BUILDERS and not any(
            key[0] in GENERATORS for key in domain.deps.get(docname, ())
        ):
            return
        if not any(True for _ in self.document.findall(kommun_pending)):
            return
        ctx = Context(self.env, domain.index, docname, builder=builder)
        apply(ctx, self.document)
