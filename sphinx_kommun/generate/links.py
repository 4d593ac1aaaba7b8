"""What a document is about, as links: the att-satser a yttrande answers
("Besvarar att-sats 1 (avstyrker) och att-sats 2 (ingen erinran)") and its
header's ställning ("Att-sats 1: avstyrker; att-sats 2: ingen erinran"), the
meeting a beslut was taken at, an ärende's or a meeting's PDF, and the
feeds a meeting's page offers."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.osutil import relative_uri

from .. import render
from ..domain.backlinks import answered
from ..i18n import _
from ..kinds.arende import Arende
from ..kinds.beslut import Beslut
from ..kinds.initiativ import Initiativ
from ..kinds.sammantrade import Sammantrade
from ..kinds.yttrande import Yttrande
from ..nodes import kommun_pending
from ..swedish import genitive, join
from ..vocabulary import readable
from .context import Context
from .registry import generator
from .titles import document_label, item_label, positions_line, positions_read


@generator("answers-items")
def answers_items(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """A yttrande's line of what it answers, each with its ställning."""
    yttrande = ctx.index.get(node["target"])
    if not isinstance(yttrande, Yttrande) or not yttrande.published:
        return []
    items = answered(ctx.index.items(yttrande.dnr), yttrande, ctx.index.position_on)
    if not items:
        return []
    several = len(ctx.index.initiativ(yttrande.dnr)) > 1
    parts: list[list[nodes.Node]] = []
    for item in items:
        label = item_label(ctx, item, False)  # "Att-sats 1"
        initiativ = ctx.index.get(getattr(item, "initiativ", ""))
        if several and isinstance(initiativ, Initiativ):
            # "att-sats 1 i skrivelse 0398/21": no comma inside an item
            document = document_label(initiativ)
            label += " i " + document[:1].lower() + document[1:]
        link: list[nodes.Node] = [ctx.link(item, label[:1].lower() + label[1:])]
        position = ctx.index.position_on(yttrande, item)
        if position:
            link.append(nodes.Text(f" ({readable(position)})"))
        parts.append(link)
    template = join([f"%({n})s" for n in range(len(parts))], ctx.locale)
    listed = render.fill(template, **{str(n): part for n, part in enumerate(parts)})
    return [
        nodes.paragraph(
            "",
            "",
            # the space outside the emphasis: "**Besvarar** att-sats 1" in text
            nodes.strong("", _("Besvarar")),
            nodes.Text(" "),
            *listed,
            classes=["kommun-answers-items"],
        )
    ]


@generator("positions")
def positions(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """A yttrande's ställning in its header, as the stance matrix reads it:
    the word on the whole ("avstyrker"), or the word on each att-sats or
    beslutspunkt ("Att-sats 1: tillstyrker; att-sats 2: avstyrker")."""
    yttrande = ctx.index.get(node["target"])
    if not isinstance(yttrande, Yttrande) or not yttrande.positions:
        return []
    return [nodes.Text(positions_line(positions_read(ctx, yttrande)))]


@generator("taken-at")
def taken_at(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """ "Fattat vid Kommunfullmäktiges sammanträde den 15 mars 2021": the
    meeting of the beslut's body on its date with the ärende on its agenda."""
    beslut = ctx.index.get(node["target"])
    if not isinstance(beslut, Beslut) or beslut.date is None:
        return []
    for meeting in ctx.index.meetings_of(beslut.dnr):
        if meeting.date == beslut.date and (
            not meeting.body or meeting.body.casefold() == beslut.body.casefold()
        ):
            # "kommunfullmäktiges sammanträde den 15 mars 2021"
            body = ctx.in_sentence(meeting.body or beslut.body)
            text = _("%(body_gen)s sammanträde den %(date)s") % {
                "body": body,
                "body_gen": genitive(body),
                "date": ctx.date(meeting.date),
            }
            return [
                render.para(
                    _("Fattat vid %(meeting)s."),
                    classes=["kommun-taken-at"],
                    meeting=ctx.link(meeting, text),
                )
            ]
    return []


@generator("pdf-link")
def pdf_link(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """ "Handlingarna som PDF: ks-2019-1899.pdf", where ``kommun_pdf_url``
    says the PDFs are published (HTML only; a PDF does not link itself)."""
    base = ctx.config.pdf_url
    obj = ctx.index.get(node["target"])
    if not base or ctx.output_format != "html" or obj is None:
        return []
    name = render.file_name(obj.dnr if isinstance(obj, Arende) else obj.id) + ".pdf"
    base = base if base.endswith("/") else base + "/"
    if "://" not in base and not base.startswith("/"):
        base = "../" * ctx.refdoc.count("/") + base  # from this page to the root
    link = nodes.reference(name, name, refuri=base + name)
    return [
        render.para(
            _("Handlingarna som PDF: %(link)s"), classes=["kommun-pdf-link"], link=link
        )
    ]


@generator("feed-links")
def feed_links(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """ "Prenumerera: kommunstyrelsens sammanträden och alla sammanträden
    (iCalendar), nya och ändrade ärenden (Atom)." on a meeting's page, where
    the HTML build writes the feeds (``kommun_feeds``)."""
    meeting = ctx.index.get(node["target"])
    if (
        not isinstance(meeting, Sammantrade)
        or ctx.builder.name not in render.FEED_BUILDERS
        or not ctx.config.feeds
    ):
        return []
    here = ctx.builder.get_target_uri(ctx.refdoc)

    def link(text: str, path: str) -> nodes.reference:
        return nodes.reference(text, text, refuri=relative_uri(here, path))

    body = ctx.in_sentence(meeting.body)
    own = _("%(body_gen)s sammanträden") % {"body": body, "body_gen": genitive(body)}
    return [
        render.para(
            _("Prenumerera: %(own)s och %(all)s (iCalendar), %(feed)s (Atom)."),
            classes=["kommun-feed-links"],
            own=link(own, render.calendar_file(meeting.body)),
            all=link(_("alla sammanträden"), render.calendar_file()),
            feed=link(_("nya och ändrade ärenden"), render.ATOM_FILE),
        )
    ]
