"""sphinx-needs' stylesheets and scripts only on the pages that use them.

sphinx-needs and the extensions it loads add their CSS and JS to every
page; each costs every page a checksum and a tag. A page without a needs
view gets none of them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ...needs import needs_docs

#: Assets of sphinx-needs and of the extensions it loads, by path prefix, and
#: the extension that, listed in a project's own ``extensions``, keeps them.
NEEDS_ASSETS = (
    ("sphinx-needs/", ""),
    ("sphinx-data-viewer/", "sphinx_data_viewer"),
    ("jquery.js", "sphinxcontrib.jquery"),
    ("_sphinx_javascript_frameworks_compat.js", "sphinxcontrib.jquery"),
    ("graphviz.css", "sphinx.ext.graphviz"),
)


def strip_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: leave sphinx-needs' CSS and JS (and those of the
    extensions it loads, unless the project lists them itself) out of pages
    without a needs view."""
    if doctree is not None and pagename in set(needs_docs(app.env)):
        return
    own = set(app.config.extensions)
    prefixes = tuple(prefix for prefix, keeper in NEEDS_ASSETS if keeper not in own)

    def loaded_for_needs(asset: Any) -> bool:
        name = str(getattr(asset, "filename", asset)).removeprefix("_static/")
        return name.startswith(prefixes)

    for key in ("css_files", "script_files"):
        files = context.get(key)
        if isinstance(files, list):
            context[key] = [asset for asset in files if not loaded_for_needs(asset)]
