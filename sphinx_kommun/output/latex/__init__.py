"""Print-ready PDF handlingar through Sphinx's LaTeX builder.

- :mod:`.documents`: which PDFs, named and described from the sources.
- :mod:`.protocols`: a protokoll no PDF prints, warned about.
- :mod:`.printed`: where each printed document of a PDF starts and ends.
- :mod:`.visitors`: how our nodes are written (``texinputs/sphinxkommun.sty``).
- :mod:`.typesetting`: what pdflatex would set badly (long runs, nested
  tables, symbol footnotes).
- :mod:`.characters`: what pdflatex cannot set, warned about and replaced.
- :mod:`.views`: sphinx-needs' views in a PDF.
- :mod:`.elements`: ``latex_elements`` defaults, no index pages.
- :mod:`.archival`: PDF/A (``kommun_pdf_standard``).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (
    archival,
    characters,
    documents,
    elements,
    printed,
    protocols,
    typesetting,
    views,
)
from .visitors import VISITORS

__all__ = ["VISITORS", "register"]


def register(app: Sphinx) -> None:
    app.add_latex_package("sphinxkommun")
    app.add_post_transform(printed.PrintedDocuments)
    app.add_post_transform(typesetting.NumberedSymbolFootnotes)
    app.connect("config-inited", elements.configure, priority=600)
    app.connect("env-check-consistency", documents.check_printed)
    app.connect("env-check-consistency", protocols.check_protokoll_printed)
    app.connect("write-started", documents.prepare)
    app.connect("build-finished", archival.add_metadata)
    # before sphinx-needs renders its views (500)
    app.connect("doctree-resolved", views.render_views, priority=400)
    app.connect("doctree-resolved", typesetting.nested_tables_fit, priority=650)
    app.add_transform(characters.MarkWritten)
    # after sphinx-needs has rendered its views into the doctree
    app.connect("doctree-resolved", characters.check_doctree, priority=700)
    app.connect("write-started", characters.start_writing)
    # after the characters (700): what pdflatex cannot set is replaced
    app.connect("doctree-resolved", typesetting.long_runs_break, priority=710)
