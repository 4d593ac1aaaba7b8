"""HTML output: our stylesheet and the static files plugins contribute."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.fileutil import copy_asset_file

from ...config import KommunConfig

STATIC = Path(__file__).parent / "static"
#: Where plugins' files go under _static (copied one by one, not their folders).
PLUGIN_STATIC = "kommun-plugins"


def add_static_files(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``kommun.css``, then every plugin's CSS and JS."""
    if KommunConfig.from_config(config).object_css:
        if str(STATIC) not in config.html_static_path:
            config.html_static_path.append(str(STATIC))
        app.add_css_file("kommun.css")
    for path in app.kommun_plugins.checked_static_files:  # type: ignore[attr-defined]
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
    for path in app.kommun_plugins.checked_static_files:  # type: ignore[attr-defined]
        copy_asset_file(path, target, force=True)


def register(app: Sphinx) -> None:
    app.connect("config-inited", add_static_files)
    app.connect("builder-inited", copy_plugin_files)
