"""sphinx-needs' stylesheets and scripts only on the pages that use them.

sphinx-needs and the extensions it loads add their CSS and JS to every
page; each costs every page a checksum and a tag. A page without a needs
view gets none of them, unless something other than sphinx-needs asked for
the extension that adds them: the project, in its ``extensions``, or
another loaded extension (a theme) whose package requires it —
sphinx-rtd-theme loads sphinxcontrib.jquery, and its script needs jQuery on
every page.
"""

from __future__ import annotations

import functools
import re
from importlib import metadata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ...needs import needs_docs

#: Assets of sphinx-needs and of the extensions it loads, by path prefix:
#: (prefix, the extension that adds it, that extension's distribution).
NEEDS_ASSETS = (
    ("sphinx-needs/", "", ""),
    ("sphinx-data-viewer/", "sphinx_data_viewer", "sphinx-data-viewer"),
    ("jquery.js", "sphinxcontrib.jquery", "sphinxcontrib-jquery"),
    (
        "_sphinx_javascript_frameworks_compat.js",
        "sphinxcontrib.jquery",
        "sphinxcontrib-jquery",
    ),
    ("graphviz.css", "sphinx.ext.graphviz", ""),
)

#: The distribution whose requirements do not count: it is what the
#: stripping is for.
NEEDS = "sphinx-needs"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _top_level(dist: metadata.Distribution) -> set[str]:
    """The top-level modules a distribution installs."""
    listed = dist.read_text("top_level.txt")
    if listed:
        return set(listed.split())
    return {
        file.parts[0].removesuffix(".py")
        for file in dist.files or ()
        if file.suffix == ".py" and ".." not in file.parts
    }


@functools.cache
def _modules_requiring(distribution: str) -> frozenset[str]:
    """Top-level modules of the installed distributions, other than
    sphinx-needs, that require ``distribution`` (not as an extra)."""
    wanted = _canonical(distribution)
    modules: set[str] = set()
    for dist in metadata.distributions():
        name = _canonical(dist.metadata["Name"] or "")
        if name in (wanted, _canonical(NEEDS)):
            continue
        for requirement in dist.requires or ():
            project, _, marker = requirement.partition(";")
            match = re.match(r"\s*([A-Za-z0-9._-]+)", project)
            if match and _canonical(match[1]) == wanted and "extra" not in marker:
                modules |= _top_level(dist)
                break
    return frozenset(modules)


def kept(app: Sphinx, extension: str, distribution: str) -> bool:
    """Whether ``extension``'s assets stay on every page: the project lists
    it, or a loaded extension's package requires ``distribution``."""
    if extension in app.config.extensions:
        return True
    if not distribution:
        return False
    loaded = {name.split(".")[0] for name in app.extensions}
    return bool(loaded & _modules_requiring(distribution))


def strip_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: leave sphinx-needs' CSS and JS (and those of the
    extensions it loads, unless something else asked for them, see
    :func:`kept`) out of pages without a needs view."""
    if doctree is not None and pagename in set(needs_docs(app.env)):
        return
    prefixes = tuple(
        prefix
        for prefix, extension, distribution in NEEDS_ASSETS
        if not (extension and kept(app, extension, distribution))
    )

    def loaded_for_needs(asset: Any) -> bool:
        name = str(getattr(asset, "filename", asset)).removeprefix("_static/")
        return name.startswith(prefixes)

    for key in ("css_files", "script_files"):
        files = context.get(key)
        if isinstance(files, list):
            context[key] = [asset for asset in files if not loaded_for_needs(asset)]
