"""sphinx-needs' views (needtables, needlists) in a PDF."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ...needs import enabled


def needs_views_open(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Before sphinx-needs renders its views into a PDF (``doctree-resolved``).

    A needtable links every need it lists; in a PDF that does not hold the
    need's page the LaTeX builder raises ``NoUri``, which sphinx-needs does
    not catch. Every page counts as included while it renders; links to
    pages outside the PDF become plain text afterwards.
    """
    builder = app.builder
    if builder.format != "latex" or not hasattr(builder, "docnames"):
        return
    builder._kommun_included = set(builder.docnames)  # type: ignore[attr-defined]
    builder.docnames = set(builder.docnames) | set(app.env.all_docs)


def needs_views_close(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    builder = app.builder
    included = getattr(builder, "_kommun_included", None)
    if builder.format != "latex" or included is None:
        return
    builder.docnames = included  # type: ignore[attr-defined]
    del builder._kommun_included  # type: ignore[attr-defined]
    for reference in list(doctree.findall(nodes.reference)):
        uri = reference.get("refuri", "")
        if uri.startswith("%") and uri[1:].split("#")[0] not in included:
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
