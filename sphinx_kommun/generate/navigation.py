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
from sphinx.builders import Builder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..config import KommunConfig
from ..domain.model import KommunObject
from ..domain.recording import RecordingIndex
from ..domain.remote import address, is_federated
from ..domain.store import get_domain
from ..i18n import _
from ..kinds.arende import Arende
from ..kinds.beslut import Beslut
from ..kinds.initiativ import Initiativ
from ..kinds.remiss import Remiss
from ..kinds.sammantrade import Sammantrade
from ..kinds.tjansteskrivelse import Tjansteskrivelse
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from ..profiles import Profile
from ..swedish import capitalise

#: A group of the sidebar: its title and (title, docname) links.
Group = tuple[str, list[tuple[str, str]]]
#: Where a page keeps its navigation (computed when it is resolved, in the
#: main process, so that what it reads is recorded even under ``-j``).
NAVIGATION = "kommun-navigation"

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
ORDER = (Arende, Initiativ, Tjansteskrivelse, Remiss, Yttrande, Utlatande, Beslut)


def entries(index: RecordingIndex, dnr: str) -> list[KommunObject]:
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


def agenda_target(index: RecordingIndex, dnr: str) -> KommunObject | None:
    """What a meeting's agenda links for an ärende: its (last) proposal,
    an utlåtande or tjänsteskrivelse, or the ärende."""
    proposals = index.proposals(dnr)
    target: KommunObject | None = proposals[-1] if proposals else index.arende(dnr)
    return target


def _label(obj: KommunObject, words: Profile) -> str:
    if isinstance(obj, Arende):
        return obj.heading
    if isinstance(obj, Yttrande):
        return obj.instans
    return capitalise(_(words.label(obj.kind, obj.label)))


def groups(
    index: RecordingIndex,
    objects: list[KommunObject],
    *,
    root: str,
    arenden_index: bool,
    words: Profile,
) -> list[Group]:
    """The sidebar of a page with ``objects``: its ärenden's documents and
    meetings, a meeting's agenda, and the start page and index of ärenden."""
    found: list[Group] = []
    for dnr in dict.fromkeys(obj.dnr for obj in objects if obj.dnr):
        items = [(_label(obj, words), obj.docname) for obj in entries(index, dnr)]
        if items:
            found.append((_("Ärende %(dnr)s") % {"dnr": dnr}, items))
        meetings = index.meetings_of(dnr)
        if meetings:
            found.append((_("Sammanträden"), [(m.title, m.docname) for m in meetings]))
    for meeting in (obj for obj in objects if isinstance(obj, Sammantrade)):
        agenda = []
        for number, dnr in enumerate(meeting.items, start=1):
            target = agenda_target(index, dnr)
            if target is not None:
                agenda.append((f"{number}. {target.title} ({dnr})", target.docname))
        found.append((_("Föredragningslista"), agenda))
    found.append(
        (_("Handlingar"), overview(root, arenden_index and index.has_arenden()))
    )
    return found


def overview(root: str, arenden: bool) -> list[tuple[str, str]]:
    """The start page, and the index of every ärende once there is one."""
    items = [(_("Startsida"), root)]
    if arenden:
        items.append((_("Alla ärenden"), "kommun-arenden"))
    return items


def _writes_arenden_index(config: Config, builder: Builder) -> bool:
    # singlehtml writes no index pages
    return bool(config.html_domain_indices) and not isinstance(
        builder, SingleFileHTMLBuilder
    )


def shown(config: Config) -> bool:
    """Whether any page's sidebar has our navigation (``html_sidebars``,
    which :func:`configure` fills when the project leaves it empty; a
    theme's own default sidebars never name it)."""
    return any(TEMPLATE in templates for templates in config.html_sidebars.values())


class PageNavigation(SphinxPostTransform):
    """Keep a page's sidebar on its doctree (HTML builders)."""

    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not shown(self.config):
            return
        docname = self.env.current_document.docname
        domain = get_domain(self.env)
        self.document[NAVIGATION] = groups(
            domain.read_by(docname),
            domain.objects.get(docname, []),
            root=self.config.root_doc,
            # the builder, as Sphinx's own post-transforms reach it
            arenden_index=_writes_arenden_index(self.config, self.env._app.builder),
            words=KommunConfig.from_config(self.config).words,
        )


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the navigation lists of this page."""
    if TEMPLATE not in (context.get("sidebars") or ()):
        return  # the project's sidebars leave it out
    found = doctree.get(NAVIGATION) if doctree is not None else None
    if found is None:  # a page Sphinx makes (the index, the search)
        index = get_domain(app.env).index
        has = _writes_arenden_index(app.config, app.builder) and index.has_arenden()
        found = [(_("Handlingar"), overview(app.config.root_doc, has))]
    pathto = context["pathto"]
    context["kommun_navigation"] = [
        {
            "title": title,
            "items": [
                {
                    "title": text,
                    # another project's page (domain/remote.py) is linked there
                    "url": address(app.builder, pagename, docname)
                    if is_federated(docname)
                    else pathto(docname),
                    "current": docname == pagename,
                }
                for text, docname in items
            ],
        }
        for title, items in found
    ]
    context["kommun_navigation_label"] = _("Navigering")


def configure(app: Sphinx, config: Config) -> None:
    """``config-inited``: our templates, and our sidebar unless the project chose."""
    from pathlib import Path

    templates = str(Path(__file__).parent.parent / "output" / "html" / "templates")
    if templates not in config.templates_path:
        # a new list: the default one is shared by every app in the process
        config.templates_path = [*config.templates_path, templates]
    if not config.html_sidebars:
        config.html_sidebars = THEME_SIDEBARS.get(config.html_theme, DEFAULT_SIDEBARS)


def register(app: Sphinx) -> None:
    app.add_post_transform(PageNavigation)
    app.connect("config-inited", configure)
    app.connect("html-page-context", page_context)
