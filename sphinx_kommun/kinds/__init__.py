"""The kinds of object, each declared once in its own module.

A module here holds one kind's model class, its options, its parse
function and its renderer, and declares them in a
:class:`~sphinx_kommun.reading.kind.Kind`. Adding a kind is one module
and its line in :data:`KINDS` (see ``docs/architecture.md``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from ..domain.model import KommunObject
from ..reading.directive import ObjectDirective, directive_for
from ..reading.kind import Kind
from ..reading.roles import KommunXRefRole
from . import (
    arende,
    beslut,
    beslutspunkt,
    initiativ,
    paragraf,
    protokoll,
    protokollsutdrag,
    remiss,
    reservation,
    sammantrade,
    tjansteskrivelse,
    utlatande,
    yttrande,
)

#: Every kind, in process order.
KINDS: tuple[Kind, ...] = (
    arende.KIND,
    initiativ.KIND,
    initiativ.SKRIVELSE,
    initiativ.MEDBORGARFORSLAG,
    initiativ.E_FORSLAG,
    initiativ.FRAMSTALLNING,
    initiativ.YRKANDE,
    tjansteskrivelse.KIND,
    remiss.KIND,
    yttrande.KIND,
    reservation.KIND,
    utlatande.KIND,
    beslutspunkt.KIND,
    beslut.KIND,
    sammantrade.KIND,
    protokoll.KIND,
    paragraf.KIND,
    protokollsutdrag.KIND,
)

#: Each kind's model class, by the kind's name.
MODELS: dict[str, type[KommunObject]] = {kind.name: kind.model for kind in KINDS}

#: Role names and the kind each refers to: one per kind, ``dnr`` for the
#: ärende and ``ref`` for any object.
ROLES: dict[str, str] = {
    **{kind.name: kind.name for kind in KINDS if kind.role},
    "dnr": "arende",
    "ref": "any",
}


#: Every directive name of every kind, and its class.
DIRECTIVES: dict[str, type[ObjectDirective]] = {
    name: cls
    for kind in KINDS
    for cls in [directive_for(kind)]
    for name in kind.directives
}


def register_directives(app: Sphinx, config: Config) -> None:
    """``config-inited``: the directives without the ``kommun:`` prefix.

    Late: sphinx-needs registers a need directive under each need type's
    name (ours), and ours must win.
    """
    for name, cls in DIRECTIVES.items():
        app.add_directive(name, cls, override=True)


def register(app: Sphinx) -> None:
    app.connect("config-inited", register_directives, priority=900)
    for name, kind in ROLES.items():
        if name != "ref":  # :kommun:ref: only
            app.add_role(name, KommunXRefRole(kind))
