"""Generate: what the pages show of other documents, filled in as they are written.

A placeholder a directive leaves (:class:`~sphinx_kommun.nodes.kommun_pending`)
is replaced by its generator (:mod:`.registry`) when its page is written
(:mod:`.fill`): backlinks (:mod:`.backlinks`), document titles
(:mod:`.titles`), the answers to a remiss and the ärende overview
(:mod:`.overview`), the remissammanställning and Beredning
(:mod:`.compilation`, :mod:`.table`) and the föredragningslista
(:mod:`.agenda`), what decisions are about — bylines, proposal
sentences, a beslut's outcomes (:mod:`.decisions`), what a yttrande
answers and where a beslut was taken (:mod:`.links`), a protokoll's §
numbers, ärenden and extracts (:mod:`.protocol`), the kallelse
(:mod:`.kallelse`), the personregister (:mod:`.people`) and the motion
report (:mod:`.motions`), the catalogue of every ärende here and in the
projects read with ``kommun_federation`` (:mod:`.catalogue`), where to
subscribe to the feeds (:mod:`.subscribe`); the sidebar is computed alongside (:mod:`.navigation`).
Everything a page reads of the domain is recorded, and decides when it is
written again (:mod:`.incremental`).
"""

from __future__ import annotations

from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    # the generators register themselves when imported
    from . import (  # noqa: F401
        agenda,
        backlinks,
        catalogue,
        compilation,
        decisions,
        incremental,
        kallelse,
        links,
        motions,
        navigation,
        overview,
        people,
        protocol,
        subscribe,
        titles,
    )
    from .fill import FillGenerated, PersonLinks

    app.add_directive("personregister", people.PersonregisterDirective)
    app.add_directive("kallelse", kallelse.KallelseDirective)
    app.add_directive("motionsredovisning", motions.MotionsredovisningDirective)
    app.add_directive("prenumerera", subscribe.PrenumereraDirective)
    for name in ("arendeforteckning", "ärendeförteckning"):
        app.add_directive(name, catalogue.ArendeforteckningDirective)
    app.add_post_transform(FillGenerated)
    app.add_post_transform(PersonLinks)
    navigation.register(app)
    app.connect("env-get-updated", incremental.pages_to_rewrite)
    app.connect("build-finished", incremental.commit_written)
