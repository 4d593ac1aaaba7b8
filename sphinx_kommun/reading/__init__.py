"""Reading: from the sources to the model.

The sources are normalised as they are read (:mod:`.source`), submitted
text is made safe (:mod:`.safety`, and the links of a page's tree:
:mod:`.links`), the directives of each kind
(:mod:`sphinx_kommun.kinds`) read their options (:mod:`.options`,
:mod:`.values`) and content into model objects carried on their nodes,
sections of plugins' kinds are read (:mod:`.sections`), personnummer are
found (:mod:`.personnummer`), a public build takes out what must not be
published (:mod:`.masking`), from conf.py's values too (:mod:`.settings`),
and documents not to be published are reduced to a notice
(:mod:`.publishing`). The domain collects the objects when a
document has been read.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    # imported here: a package's own import must not pull in the stages
    # after it (the kinds import reading's framework modules)
    from . import (
        links,
        masking,
        personnummer,
        publishing,
        safety,
        sections,
        settings,
        source,
    )
    from .generated import BeredningDirective, RemissammanstallningDirective
    from .statement import TillganglighetsredogorelseDirective

    source.register(app)
    masking.register(app)
    settings.register(app)
    safety.register(app)
    links.register(app)
    publishing.register(app)
    personnummer.register(app)
    for name in ("remissammanstallning", "remissammanställning"):
        app.add_directive(name, RemissammanstallningDirective)
    app.add_directive("beredning", BeredningDirective)
    for name in ("tillganglighetsredogorelse", "tillgänglighetsredogörelse"):
        app.add_directive(name, TillganglighetsredogorelseDirective)
    sections.register(app)
