"""Every object as a sphinx-needs need, paid for only where needs are used.

- Need types, fields and links are declared in ``conf.py`` terms at
  ``config-inited`` (before sphinx-needs reads them), so each Sphinx app has
  its own and nothing goes through sphinx-needs' process-wide registry.
- Needs are made from the domain just before sphinx-needs post-processes
  its data, when every object is known (so links are never stale), and only
  when the build reads needs. No need node is created: our directives
  render the documents, sphinx-needs only holds the data.
- Pages with needs views are rewritten when an object changes
  (sphinx-needs itself does not, issue #354; :func:`stale_views`). What
  pages without a view leave out of sphinx-needs' assets, and how views
  are rendered in a PDF, is the output's (:mod:`.output.html.assets`,
  :mod:`.output.latex.views`).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .config import KommunConfig
from .domain.index import ObjectIndex
from .domain.model import KommunObject, verdicts_text
from .domain.store import get_domain
from .i18n import _
from .kinds import KINDS
from .kinds.arende import Arende
from .kinds.beslut import Beslut
from .kinds.beslutspunkt import Beslutspunkt, Proposing
from .kinds.initiativ import Initiativ, Yrkande
from .kinds.remiss import Remiss
from .kinds.reservation import Reservation
from .kinds.sammantrade import Sammantrade
from .kinds.tjansteskrivelse import Tjansteskrivelse
from .kinds.utlatande import Utlatande
from .kinds.yttrande import Yttrande
from .swedish import capitalise

logger = logging.getLogger(__name__)

#: (directive/type name, title, colour) of each need type: one per kind.
NEED_TYPES = tuple((k.name, capitalise(k.label), k.colour) for k in KINDS)

#: Fields of the needs, all optional strings.
NEED_FIELDS = {
    "dnr": "Diarienummer",
    "instans": "Remissinstans",
    "forvaltning": "Förvaltning",
    "datum": "Datum (ÅÅÅÅ-MM-DD)",
    "sammantrade": "Nämndens sammanträde",
    "svar_senast": "Svar senast",
    "stallning": "Ställning",
    "sammanfattning": "Sammanfattning",
    "organ": "Organ",
    "typ": "Typ av reservation",
    "personer": "Motionärer, författare eller undertecknare",
    "utfall": "Beslutets utfall",
    "nummer": "Att-satsens nummer",
    "plats": "Sammanträdets plats",
}

#: Link types: name -> (outgoing label, incoming label).
NEED_LINKS = {
    "arende": ("i ärende", "innehåller"),
    "avser": ("avser", "avses av"),
    "besvarar": ("besvarar", "besvaras av"),
    "beslutar": ("beslutar om", "beslutas i"),
    "relaterat": ("relaterat till", "relaterat från"),
    "behandlar": ("behandlar", "behandlas på"),
}

_DEFAULT_ID_REGEX = "^[A-Z0-9_]{5,}"
ID_REGEX = r"^[0-9A-Za-zÅÄÖåäöÉéÜü_][0-9A-Za-zÅÄÖåäöÉéÜü_-]*$"


def enabled(config: Config) -> bool:
    return KommunConfig.from_config(config).needs


def configure(app: Sphinx, config: Config) -> None:
    """Declare our need types, fields and links in the project's config."""
    if not enabled(config):
        return
    from sphinx_needs.config import DEFAULT_NEED_TYPES

    ours = [
        {
            "directive": name,
            "title": title,
            "prefix": "",
            "color": color,
            "style": "node",
        }
        for name, title, color in NEED_TYPES
    ]
    types = config.needs_types
    if isinstance(types, dict):
        merged_dict = dict(types)
        for entry in ours:
            merged_dict.setdefault(
                entry["directive"], {k: v for k, v in entry.items() if k != "directive"}
            )
        config.needs_types = merged_dict
    elif types == DEFAULT_NEED_TYPES or not types:
        config.needs_types = ours
    else:
        present = {t.get("directive") for t in types if isinstance(t, dict)}
        config.needs_types = [
            *types,
            *(t for t in ours if t["directive"] not in present),
        ]

    fields = dict(config.needs_fields or {})
    declared = dict(NEED_FIELDS)
    plugins = app.kommun_plugins  # type: ignore[attr-defined]
    for kind, _title, _colour in NEED_TYPES:
        for spec in plugins.fields(kind):
            declared.setdefault(spec["name"].replace("-", "_"), spec["help"])
    for name, description in declared.items():
        fields.setdefault(
            name,
            {
                "description": description,
                "schema": {"type": "string"},
                "nullable": True,
            },
        )
    config.needs_fields = fields

    links = dict(config.needs_links or {})
    for name, (outgoing, incoming) in NEED_LINKS.items():
        links.setdefault(
            name, {"outgoing": outgoing, "incoming": incoming, "allow_dead_links": True}
        )
    config.needs_links = links
    if config.needs_id_regex == _DEFAULT_ID_REGEX:
        config.needs_id_regex = ID_REGEX


def _fields(obj: KommunObject) -> dict[str, str]:
    """The need fields of an object (links are set later, see :func:`set_links`)."""
    fields: dict[str, str] = {"dnr": obj.dnr}
    if isinstance(obj, Arende):
        fields["organ"] = obj.responsible
    elif isinstance(obj, Initiativ):
        fields["datum"] = obj.filed.isoformat() if obj.filed else ""
        fields["organ"] = obj.body
        fields["personer"] = "; ".join(p.with_party() for p in obj.authors)
        fields["nummer"] = obj.number
    elif isinstance(obj, Yrkande | Beslutspunkt):
        fields["nummer"] = str(obj.number)
    elif isinstance(obj, Remiss):
        fields["organ"] = obj.sender
        fields["datum"] = obj.date.isoformat() if obj.date else ""
        fields["svar_senast"] = obj.deadline.isoformat() if obj.deadline else ""
    elif isinstance(obj, Yttrande):
        fields["instans"] = obj.instans
        fields["forvaltning"] = obj.forvaltning
        fields["datum"] = obj.date.isoformat() if obj.date else ""
        fields["sammantrade"] = obj.meeting.isoformat() if obj.meeting else ""
        fields["stallning"] = verdicts_text(obj.positions)
        fields["sammanfattning"] = obj.summary
        fields["personer"] = "; ".join(p.name for p in obj.signatories)
    elif isinstance(obj, Reservation):
        fields["typ"] = obj.type
        fields["organ"] = obj.body
        fields["datum"] = obj.date.isoformat() if obj.date else ""
        fields["personer"] = "; ".join(p.with_party() for p in obj.authors)
    elif isinstance(obj, Utlatande | Tjansteskrivelse):
        fields["organ"] = obj.body
        fields["datum"] = obj.date.isoformat() if obj.date else ""
        fields["personer"] = "; ".join(p.name for p in obj.signatories)
    elif isinstance(obj, Beslut):
        fields["organ"] = obj.body
        fields["datum"] = obj.date.isoformat() if obj.date else ""
        fields["utfall"] = verdicts_text(obj.outcomes)
    elif isinstance(obj, Sammantrade):
        fields["organ"] = obj.body
        fields["datum"] = obj.date.isoformat() if obj.date else ""
        fields["plats"] = obj.place
    for name, value in obj.extra:
        fields[name.replace("-", "_")] = value
    return {name: value for name, value in fields.items() if value}


#: sphinx-needs settings that check every need: set, they want ours too.
CHECKING_SETTINGS = (
    "needs_build_json",
    "needs_warnings",
    "needs_schema_definitions",
    "needs_schema_definitions_from_json",
)


def wanted(app: Sphinx) -> bool:
    """Whether anything in this build reads needs: a needs view or role on
    some page, the ``needs`` builder, ``needs_build_json``, or checks of
    every need (``needs_warnings``, schema definitions)."""
    if not enabled(app.config):
        return False
    return bool(
        app.builder.name == "needs"
        or any(getattr(app.config, name, None) for name in CHECKING_SETTINGS)
        or needs_docs(app.env)
    )


def _make_need(env: BuildEnvironment, obj: KommunObject) -> Any:
    """``obj`` as a sphinx-needs need item (no node is created), or None."""
    from sphinx_needs.api.need import generate_need
    from sphinx_needs.config import NeedsSphinxConfig
    from sphinx_needs.data import SphinxNeedsData
    from sphinx_needs.exceptions import InvalidNeedException

    fields: dict[str, Any] = _fields(obj)
    try:
        return generate_need(
            NeedsSphinxConfig(env.config),
            SphinxNeedsData(env).get_schema(),
            obj.kind,
            obj.title,
            docname=obj.docname,
            lineno=obj.lineno,
            id=obj.id,
            **fields,
        )
    except InvalidNeedException as err:
        logger.warning(
            _("kan inte registrera %(id)s i sphinx-needs: %(error)s"),
            {"id": obj.id, "error": err.message},
            location=obj.location,
            type="kommun",
            subtype="needs",
        )
        return None


def _links(index: ObjectIndex, obj: KommunObject) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    arende = index.arende(obj.dnr) if obj.dnr else None
    if arende is not None and not isinstance(obj, Arende):
        links["arende"] = [arende.id]
    initiativ = index.initiativ(obj.dnr)
    if isinstance(obj, Yrkande):
        links["avser"] = [obj.initiativ]
    elif isinstance(obj, Beslutspunkt):
        links["avser"] = [obj.proposal]
    elif isinstance(obj, Remiss | Proposing):
        links["avser"] = [i.id for i in initiativ]
    elif isinstance(obj, Yttrande):
        remiss = index.remiss(obj.dnr)
        targets = [remiss.id] if remiss else []
        items = index.items(obj.dnr)
        specific = [item.id for item in items if index.position_on(obj, item)]
        # a ställning on the whole answers everything
        links["besvarar"] = targets + (specific or [item.id for item in items])
    elif isinstance(obj, Reservation):
        concerns = index.concerns(obj)
        if concerns is not None:
            links["avser"] = [concerns.id]
    elif isinstance(obj, Beslut):
        proposal = index.proposal_for(obj)
        points = index.points(proposal) if proposal is not None else []
        links["beslutar"] = [
            item.id
            for item in [*points, *index.items(obj.dnr)]
            if index.outcome_on(obj, item)
        ]
    elif isinstance(obj, Sammantrade):
        links["behandlar"] = [
            found.id for dnr in obj.items if (found := index.arende(dnr)) is not None
        ]
    elif isinstance(obj, Arende):
        links["relaterat"] = [
            found.id for dnr in obj.related if (found := index.arende(dnr)) is not None
        ]
    return {name: targets for name, targets in links.items() if targets}


def add_needs(app: Sphinx, needs: MutableMapping[str, Any]) -> None:
    """``needs-before-post-processing``: every object as a linked need.

    Needs are made here, once every object is known and just before
    sphinx-needs computes back links and filters, and only when something
    in the build reads them: a project whose pages use no needs view pays
    nothing for sphinx-needs but its being loaded.
    """
    if not wanted(app):
        return
    index = get_domain(app.env).index
    for obj in index.by_id.values():
        if obj.id in needs:
            continue  # a need of the project's own with this id wins
        if not obj.published:
            continue  # nothing of an unpublished document in needs views
        need = _make_need(app.env, obj)
        if need is None:
            continue
        for name, targets in _links(index, obj).items():
            need[name] = targets
        needs[obj.id] = need


def needs_docs(env: BuildEnvironment) -> list[str]:
    """Documents that use a needs view (needtable, needflow, need roles …)."""
    from sphinx_needs.data import SphinxNeedsData

    return list(SphinxNeedsData(env).get_or_create_docs().get("all", []))


def stale_views(env: BuildEnvironment) -> list[str]:
    """Pages with needs views, to rewrite when objects changed."""
    return sorted(set(needs_docs(env)))


def register(app: Sphinx) -> None:
    app.setup_extension("sphinx_needs")
    # after sphinx-needs reads needs_from_toml (10), before it resolves types (12)
    app.connect("config-inited", configure, priority=11)
    app.connect("needs-before-post-processing", add_needs)
