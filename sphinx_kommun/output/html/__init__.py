"""HTML output (and epub, singlehtml).

- :mod:`.visitors`: how our nodes are written.
- :mod:`.static_files`: ``kommun.css`` (``static/``) and plugins' files.
- :mod:`.assets`: sphinx-needs' CSS and JS only where a needs view is.
- :mod:`.builders`: epub writes what HTML writes; singlehtml's anchors.
- :mod:`.accessibility`: what Sphinx's own HTML lacks for WCAG 2.1 AA.
- :mod:`.banner`: the top of every page: a skip link, the municipality's
  name and logo.
- :mod:`.search`: the search index stems each word once per build.
- :mod:`.indexing`: under ``-j``, pages are indexed where they are written.
- ``templates/``: the sidebar (``kommun-navigation.html``, which
  :mod:`sphinx_kommun.generate.navigation` fills and puts on the path).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (
    accessibility,
    assets,
    banner,
    builders,
    indexing,
    search,
    static_files,
)
from .visitors import VISITORS

__all__ = ["VISITORS", "register"]


def register(app: Sphinx) -> None:
    app.connect("builder-inited", builders.epub_writes_html_nodes)
    app.connect("config-inited", static_files.add_static_files)
    app.connect("builder-inited", static_files.copy_plugin_files)
    # late: after sphinx-needs has made the links of its tables
    app.connect("doctree-resolved", builders.single_file_anchors, priority=900)
    app.connect("html-page-context", assets.strip_assets, priority=900)
    app.connect("html-page-context", accessibility.heading_levels)
    banner.register(app)
    app.connect("config-inited", search.remember_stems)
    app.connect("builder-inited", indexing.install)
