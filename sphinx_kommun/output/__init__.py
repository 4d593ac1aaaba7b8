"""Output: what each builder writes of the documents.

HTML (:mod:`.html`), LaTeX and the PDF handlingar (:mod:`.latex`,
:mod:`.pdfchars`), sphinx-needs' needs made from the domain
(:mod:`.needs`), the garbage collector while pages are written
(:mod:`.memory`) and the check that the output can be written at all
(:mod:`.outdir`).
"""

from __future__ import annotations

from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    from ..nodes import register as register_nodes
    from . import html, latex, memory, needs, outdir, pdfchars

    # before Sphinx and sphinx-needs write anything
    outdir.check(app)
    needs.register(app)
    register_nodes(app)
    latex.register(app)
    pdfchars.register(app)
    html.register(app)
    memory.register(app)
