"""Navigation that fits the domain, instead of the global table of contents.

The default sidebar of a sphinx-kommun project shows, for a page of an
ärende, that ärende's documents in process order; for a meeting, its agenda;
for every page, the index of all ärenden. Each list is as long as one ärende
or one agenda, so building N pages costs N × (one ärende), not N × N as
Sphinx's global toctree in every sidebar does.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.config import Config

from ..domain.index import ObjectIndex
from ..domain.model import (
    Arende,
    Beslut,
    KommunObject,
    Motion,
    Remiss,
    Sammantrade,
    Utlatande,
    Yttrande,
)
from ..domain.store import get_domain
from ..i18n import _
from ..swedish import capitalise
from . import (
    PROJECTIONS,
    _digest,
    fingerprint,
)

TEMPLATE = "kommun-navigation.html"
DEFAULT_SIDEBARS = {"**": [TEMPLATE, "searchbox.html"]}
#: Themes whose sidebar is made of their own templates (Sphinx's
#: searchbox.html is not one of them): their default, with our navigation in
#: place of the global table of contents.
THEME_SIDEBARS = {
    "furo": {
        "**": [
            "sidebar/brand.html",
            "sidebar/search.html",
            "sidebar/scroll-start.html",
            TEMPLATE,
            "sidebar/scroll-end.html",
        ]
    },
}

#: Kinds that get an entry of their own, in process order.
ORDER = (Arende, Motion, Remiss, Yttrande, Utlatande, Beslut)


def entries(index: ObjectIndex, dnr: str) -> list[KommunObject]:
    """The documents of an ärende, one object per kind and page, in order."""
    found: list[KommunObject] = []
    seen: set[str] = set()
    for cls in ORDER:
        objects = index.yttranden(dnr) if cls is Yttrande else index.of_kind(cls, dnr)
        for obj in objects:
            if obj.docname not in seen:
                seen.add(obj.docname)
                found.append(obj)
    return found


def agenda_target(index: ObjectIndex, dnr: str) -> KommunObject | None:
    """What a meeting's agenda links for an ärende: its utlåtande, or the ärende."""
    return index.utlatande(dnr) or index.arende(dnr)


def _project(index: ObjectIndex, key: tuple[str, ...]) -> str:
    """What a page's navigation shows: its ärende's documents, its meetings."""
    _name, meeting_id, dnr = key
    parts = []
    if dnr:
        parts += [f"{_label(o)}|{o.docname}" for o in entries(index, dnr)]
        parts += [f"{m.title}|{m.docname}" for m in index.meetings_of(dnr)]
    meeting = index.by_id.get(meeting_id)
    if isinstance(meeting, Sammantrade):
        parts.append(fingerprint(meeting))
        for item in meeting.items:
            target = agenda_target(index, item)
            if target is not None:
                parts.append(f"{item}|{target.title}|{target.docname}")
    return _digest(parts)


#: the sidebar is no generated content, but pages depend on what it shows
PROJECTIONS["navigation"] = _project


def _label(obj: KommunObject) -> str:
    if isinstance(obj, Arende):
        return obj.heading
    if isinstance(obj, Yttrande):
        return obj.instans
    return capitalise(_(obj.label))


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the navigation lists of this page."""
    if TEMPLATE not in (context.get("sidebars") or ()):
        return  # the project's sidebars leave it out
    domain = get_domain(app.env)
    index = domain.index
    pathto = context["pathto"]
    groups: list[dict[str, Any]] = []
    objects = domain.objects.get(pagename, [])
    dnrs = list(dict.fromkeys(obj.dnr for obj in objects if obj.dnr))
    for dnr in dnrs:
        items = [
            {
                "title": _label(obj),
                "url": pathto(obj.docname),
                "current": obj.docname == pagename,
            }
            for obj in entries(index, dnr)
        ]
        if items:
            groups.append({"title": _("Ärende %(dnr)s") % {"dnr": dnr}, "items": items})
        meetings = index.meetings_of(dnr)
        if meetings:
            groups.append(
                {
                    "title": _("Sammanträden"),
                    "items": [
                        {"title": m.title, "url": pathto(m.docname), "current": False}
                        for m in meetings
                    ],
                }
            )
    for meeting in (obj for obj in objects if isinstance(obj, Sammantrade)):
        agenda = []
        for number, dnr in enumerate(meeting.items, start=1):
            target = agenda_target(index, dnr)
            if target is not None:
                agenda.append(
                    {
                        "title": f"{number}. {target.title} ({dnr})",
                        "url": pathto(target.docname),
                        "current": False,
                    }
                )
        groups.append({"title": _("Föredragningslista"), "items": agenda})
    overview = [
        {"title": _("Startsida"), "url": pathto(app.config.root_doc), "current": False}
    ]
    # singlehtml writes no index pages
    writes_indices = not isinstance(app.builder, SingleFileHTMLBuilder)
    if app.config.html_domain_indices and index.has_arenden and writes_indices:
        overview.append(
            {
                "title": _("Alla ärenden"),
                "url": pathto("kommun-arenden"),
                "current": False,
            }
        )
    groups.append({"title": _("Handlingar"), "items": overview})
    context["kommun_navigation"] = groups
    context["kommun_navigation_label"] = _("Navigering")


def configure(app: Sphinx, config: Config) -> None:
    """``config-inited``: our templates, and our sidebar unless the project chose."""
    from pathlib import Path

    templates = str(Path(__file__).parent.parent / "output" / "html" / "templates")
    if templates not in config.templates_path:
        config.templates_path.append(templates)
    if not config.html_sidebars:
        config.html_sidebars = THEME_SIDEBARS.get(config.html_theme, DEFAULT_SIDEBARS)


def register(app: Sphinx) -> None:
    app.connect("config-inited", configure)
    app.connect("html-page-context", page_context)
