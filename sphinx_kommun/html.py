"""HTML output: our stylesheet and the static files plugins contribute."""

from __future__ import annotations

import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.fileutil import copy_asset_file

from .config import KommunConfig

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
#: Where plugins' files go under _static (copied one by one, not their folders).
PLUGIN_STATIC = "kommun-plugins"


#: The plugins' checked files per app: read at config-inited, copied at builder-inited.
_FILES: weakref.WeakKeyDictionary[Sphinx, list[Path]] = weakref.WeakKeyDictionary()


def _plugin_files(app: Sphinx) -> list[Path]:
    """The plugins' existing .css and .js files (asked for and checked once)."""
    if app in _FILES:
        return _FILES[app]
    files = []
    for plugin, text in app.kommun_plugins.static_files():  # type: ignore[attr-defined]
        path = Path(text)
        if path.suffix not in (".css", ".js") or not path.is_file():
            logger.warning(
                "plugin %r: static file %s is not an existing .css or .js file",
                plugin,
                path,
                type="kommun",
                subtype="plugin",
            )
            continue
        files.append(path)
    _FILES[app] = files
    return files


def add_static_files(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``kommun.css``, then every plugin's CSS and JS."""
    if KommunConfig.from_config(config).object_css:
        if str(STATIC) not in config.html_static_path:
            config.html_static_path.append(str(STATIC))
        app.add_css_file("kommun.css")
    for path in _plugin_files(app):
        name = f"{PLUGIN_STATIC}/{path.name}"
        if path.suffix == ".js":
            app.add_js_file(name)
        else:
            app.add_css_file(name)


def copy_plugin_files(app: Sphinx) -> None:
    """``builder-inited``: put plugins' files in place before pages link them."""
    if app.builder.format != "html":
        return
    target = Path(app.builder.outdir) / "_static" / PLUGIN_STATIC
    target.mkdir(parents=True, exist_ok=True)
    for path in _plugin_files(app):
        copy_asset_file(path, target, force=True)
