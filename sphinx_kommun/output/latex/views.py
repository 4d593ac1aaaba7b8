"""sphinx-needs' views (needtables, needlists, need roles) in a PDF.

A PDF is assembled from a start page and what its toctrees include, and its
views are rendered there by sphinx-needs at ``doctree-resolved``. Two things
plain sphinx-needs does not do for such a PDF are done here:

- it renders views only in documents it has seen a view in, which the
  start page of an ärende's PDF often is not (:func:`process_in_pdfs`);
- a needtable, needlist or need role links the needs it shows through the
  builder's ``get_relative_uri``, which the LaTeX builder answers with
  ``NoUri`` for a page outside the PDF being written; sphinx-needs does not
  catch it in a table (the build stops) and leaves the link out or points
  it nowhere in a role. So these are rendered by sphinx-needs' own
  functions just before its handler runs, with the builder seen through
  :class:`PrintedLinks` (a page outside the PDF gets a URI that is then
  taken out again: the need is named, not linked). The builder is not
  changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri

from ...needs import enabled, needs_docs

#: The URI a link to a page outside the PDF has until it becomes text.
OUTSIDE = "kommun-outside-pdf:"


class PrintedLinks:
    """The LaTeX builder as sphinx-needs' views see it: a page outside the
    PDF being written gets an :data:`OUTSIDE` URI instead of ``NoUri``;
    everything else is the builder's."""

    def __init__(self, builder: Builder) -> None:
        self._builder = builder

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        try:
            return self._builder.get_target_uri(docname, typ)
        except NoUri:
            return OUTSIDE + docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        try:
            return self._builder.get_relative_uri(from_, to, typ)
        except NoUri:
            return OUTSIDE + to

    def __getattr__(self, name: str) -> Any:
        return getattr(self._builder, name)


class _PrintingApp:
    """The application with :class:`PrintedLinks` as its builder, for
    sphinx-needs' view functions (which read ``app.builder``)."""

    def __init__(self, app: Sphinx) -> None:
        self._app = app
        self.builder = PrintedLinks(app.builder)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)


Handler = Callable[[Sphinx, nodes.document, str, list[nodes.Element]], None]


def _linking_views() -> dict[type[nodes.Element], Handler]:
    """sphinx-needs' views and roles that link needs, in the order its
    handler renders them: the tables and lists do not catch ``NoUri``, the
    roles leave the link out (``need_incoming``, ``need_outgoing``) or
    point it nowhere (``need``)."""
    from sphinx_needs.directives.needlist import Needlist, process_needlist
    from sphinx_needs.directives.needtable import Needtable, process_needtables
    from sphinx_needs.roles.need_incoming import (
        NeedIncoming,
        process_need_incoming,
    )
    from sphinx_needs.roles.need_outgoing import (
        NeedOutgoing,
        process_need_outgoing,
    )
    from sphinx_needs.roles.need_ref import NeedRef, process_need_ref

    return {
        Needlist: process_needlist,
        Needtable: process_needtables,
        NeedRef: process_need_ref,
        NeedIncoming: process_need_incoming,
        NeedOutgoing: process_need_outgoing,
    }


def render_views(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, LaTeX, before sphinx-needs' handler: render the
    needtables, needlists and need roles of a PDF; links to needs on pages
    outside it become their text."""
    if app.builder.format != "latex":
        return
    if docname not in needs_docs(app.env) and docname != app.config.root_doc:
        return  # sphinx-needs renders no views here either
    printing = cast(Sphinx, _PrintingApp(app))
    for view, handler in _linking_views().items():
        found = list(doctree.findall(view))
        if found:
            handler(printing, doctree, docname, found)
    for reference in list(doctree.findall(nodes.reference)):
        if reference.get("refuri", "").startswith(OUTSIDE):
            reference.replace_self(reference.children)


def process_in_pdfs(env: BuildEnvironment, start_docs: Iterable[str]) -> None:
    """Let sphinx-needs render its views in PDFs that start elsewhere.

    sphinx-needs renders needtables only in documents it has seen a needs
    view in (and the root document); a PDF of an ärende is assembled under
    the ärende's page, which has none itself but includes pages that do.
    Only for this writing run: the environment was pickled before.
    """
    if not enabled(env.config):
        return
    from sphinx_needs.data import SphinxNeedsData

    docs = SphinxNeedsData(env).get_or_create_docs()["all"]
    for docname in start_docs:
        if docname not in docs:
            docs.append(docname)
