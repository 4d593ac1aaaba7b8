"""Where to subscribe: the feeds of the HTML build as links.

``.. prenumerera::`` on a page (the meetings' index, the start page) is
filled in when the page is written: a link to the iCalendar file of every
meeting, one per body that has meetings, and the Atom feed of new and
changed ärenden (``kommun_feeds``; :mod:`sphinx_kommun.output.oparl.feeds`
writes them). A meeting's own page says the same in one sentence
(:func:`.links.feed_links`). Builders without the feeds (LaTeX, text …)
show nothing: a printed page cannot subscribe.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from sphinx.util.osutil import relative_uri

from .. import render
from ..domain.remote import is_federated
from ..i18n import _
from ..nodes import kommun_pending
from ..reading.generated import GeneratedDirective
from ..swedish import capitalise, genitive, normalise
from .context import Context
from .registry import generator


class PrenumereraDirective(GeneratedDirective):
    """``.. prenumerera::``: links to the calendars and the Atom feed."""

    generated: ClassVar[str] = "prenumerera"
    has_content = False
    options_help: ClassVar[dict[str, str]] = {}

    def run(self) -> list[nodes.Node]:
        return [self.pending("prenumerera")]


@generator("prenumerera")
def subscribe(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """The feeds as a list of links, where the build writes them."""
    if ctx.builder.name not in render.FEED_BUILDERS or not ctx.config.feeds:
        return []
    here = ctx.builder.get_target_uri(ctx.refdoc)

    def item(text: str, path: str, kind: str) -> list[nodes.Node]:
        link = nodes.reference(text, text, refuri=relative_uri(here, path))
        return [link, nodes.Text(f" ({kind})")]

    bodies: dict[str, str] = {}
    for meeting in ctx.index.sammantraden():
        if not is_federated(meeting.docname):
            bodies.setdefault(normalise(meeting.body), meeting.body)
    items = [item(_("Alla sammanträden"), render.calendar_file(), "iCalendar")]
    for body in sorted(bodies.values(), key=normalise):
        text = _("%(body_gen)s sammanträden") % {
            "body": capitalise(body),
            "body_gen": genitive(capitalise(body)),
        }
        items.append(item(text, render.calendar_file(body), "iCalendar"))
    items.append(
        item(capitalise(_("nya och ändrade ärenden")), render.ATOM_FILE, "Atom")
    )
    intro = _(
        "Prenumerera på sammanträdena i en kalender och på ärendena i en flödesläsare:"
    )
    return [
        nodes.container(
            "",
            nodes.paragraph(intro, intro),
            render.bullet_list(items),
            classes=["kommun-subscribe"],
        )
    ]
