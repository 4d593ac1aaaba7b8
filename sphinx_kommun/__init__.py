"""sphinx-kommun: a Swedish municipality's ärenden, written in reST or Markdown.

The package reads as its pipeline (``docs/architecture.md``): ``reading``
turns sources into the model the ``kinds`` declare, the ``domain`` keeps
it, ``generate`` fills in what pages show of other documents, ``output``
writes HTML, PDF and sphinx-needs' data, and ``plugins`` add what a nämnd
or kommun needs.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .plugins.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl", "setup"]


def setup(app: Sphinx) -> ExtensionMetadata:
    from . import (
        config,
        domain,
        generate,
        i18n,
        kinds,
        needs,
        output,
        plugins,
        reading,
    )
    from .domain.store import KommunDomain

    config.register(app)
    i18n.register(app)
    output.register(app)
    needs.register(app)
    plugins.register(app)
    reading.register(app)
    kinds.register(app)
    domain.register_domain(app)
    generate.register(app)
    return {
        "version": __version__,
        "env_version": KommunDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
