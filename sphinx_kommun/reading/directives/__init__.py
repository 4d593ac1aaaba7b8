"""The directives, by the names authors write (with and without å, ä, ö)."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from .arende import ArendeDirective
from .avsnitt import (
    AvsnittDirective,
    directive_for,
)
from .base import KommunDirective
from .beslut import BeslutDirective
from .generated import (
    BeredningDirective,
    RemissammanstallningDirective,
)
from .motion import (
    MotionDirective,
    YrkandeDirective,
)
from .remiss import RemissDirective
from .reservation import ReservationDirective
from .sammantrade import SammantradeDirective
from .utlatande import UtlatandeDirective
from .yttrande import YttrandeDirective

#: Directive name -> class; names with å, ä, ö are aliases.
DIRECTIVES: dict[str, type[KommunDirective]] = {
    "arende": ArendeDirective,
    "ärende": ArendeDirective,
    "motion": MotionDirective,
    "yrkande": YrkandeDirective,
    "att-sats": YrkandeDirective,
    "remiss": RemissDirective,
    "yttrande": YttrandeDirective,
    "reservation": ReservationDirective,
    "utlatande": UtlatandeDirective,
    "utlåtande": UtlatandeDirective,
    "beslut": BeslutDirective,
    "remissammanstallning": RemissammanstallningDirective,
    "remissammanställning": RemissammanstallningDirective,
    "beredning": BeredningDirective,
    "sammantrade": SammantradeDirective,
    "sammanträde": SammantradeDirective,
}

#: Directive name -> class of the directives that are not objects.
SECTION_DIRECTIVES: dict[str, type[AvsnittDirective]] = {"avsnitt": AvsnittDirective}


def register_short_names(app: Sphinx, config: Config) -> None:
    """Register the directives without the ``kommun:`` prefix.

    Runs late in ``config-inited``: sphinx-needs registers a need directive
    under each need type's name, and ours must win.
    """
    for name, cls in DIRECTIVES.items():
        app.add_directive(name, cls, override=True)
    app.add_directive("avsnitt", AvsnittDirective, override=True)
    kinds = app.kommun_plugins.sections.values()  # type: ignore[attr-defined]
    # aliases first: a kind's own name wins over another kind's alias
    for kind in kinds:
        for alias in kind.get("aliases", ()):
            app.add_directive(alias, directive_for(kind["name"]), override=True)
    for kind in kinds:
        app.add_directive(kind["name"], directive_for(kind["name"]), override=True)


__all__ = ["DIRECTIVES", "SECTION_DIRECTIVES", "register_short_names"]
