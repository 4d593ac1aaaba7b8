"""sphinx-kommun: a Swedish municipality's ärenden, written in reST."""

from __future__ import annotations

from typing import Any

import pluggy
from sphinx.application import Sphinx

__version__ = "0.1.0"

#: Marker for plugin hook implementations: ``from sphinx_kommun import hookimpl``.
hookimpl = pluggy.HookimplMarker("sphinx_kommun")


def setup(app: Sphinx) -> dict[str, Any]:
    from . import (
        config,
        i18n,
        needs,
        output,
    )
    from .domain import checks
    from .domain.store import KommunDomain
    from .generate import (
        agenda as meeting,  # noqa: F401  (registers the agenda generator)
    )
    from .generate import (
        incremental,
        keep_excerpts,
        navigation,
    )
    from .generate.fill import FillGenerated
    from .plugins import manager as plugins
    from .reading import (
        personnummer,
        safety,
    )
    from .reading import (
        source as reading,
    )
    from .reading.directives import (
        DIRECTIVES,
        SECTION_DIRECTIVES,
        register_short_names,
    )
    from .reading.publishing import (
        UnpublishedDocument,
        no_page_sources,
    )
    from .reading.roles import (
        ROLE_KINDS,
        KommunXRefRole,
    )

    config.register(app)
    i18n.register(app)
    app.setup_extension("sphinx_needs")
    # checks the output directories first, before anything is written there
    output.register(app)
    navigation.register(app)
    reading.register(app)
    safety.register(app)

    KommunDomain.directives = {**DIRECTIVES, **SECTION_DIRECTIVES}
    KommunDomain.roles = {
        name: KommunXRefRole(kind) for name, kind in ROLE_KINDS.items()
    }
    app.add_domain(KommunDomain)
    app.connect("config-inited", plugins.setup_plugins, priority=1)
    # after sphinx-needs reads needs_from_toml (10), before it resolves types (12)
    app.connect("config-inited", needs.configure, priority=11)
    app.connect("config-inited", register_short_names, priority=900)
    for name, kind in ROLE_KINDS.items():
        if name != "ref":
            app.add_role(name, KommunXRefRole(kind))

    app.add_transform(UnpublishedDocument)
    app.connect("config-inited", no_page_sources)
    app.add_post_transform(FillGenerated)
    app.connect("warn-missing-reference", KommunDomain.warn_missing_reference)
    app.connect("env-get-updated", incremental.pages_to_rewrite)
    app.connect("build-finished", incremental.commit_written)
    app.connect("env-check-consistency", checks.check_consistency)
    app.connect("doctree-read", personnummer.check_document, priority=600)
    app.connect("doctree-read", keep_excerpts, priority=700)
    app.connect("needs-before-post-processing", needs.add_needs)

    app.connect("env-get-outdated", incremental.plugins_changed)

    return {
        "version": __version__,
        "env_version": KommunDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
