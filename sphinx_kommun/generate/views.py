"""Generated views of an ärende: backlinks, titles, overview, answers."""

from __future__ import annotations

import datetime as dt

from docutils import nodes
from sphinx.util import logging

from .. import render
from ..domain.index import (
    Backlink,
    ObjectIndex,
)
from ..domain.model import (
    Beslut,
    KommunObject,
    Motion,
    Remiss,
    Reservation,
    Utlatande,
    Yttrande,
)
from ..i18n import (
    N_,
    _,
)
from ..nodes import (
    WRITTEN,
    kommun_backlinks,
    kommun_generated,
    kommun_pending,
)
from ..swedish import capitalise
from . import (
    Context,
    _digest,
    _dnr_objects,
    fingerprint,
    generator,
)

logger = logging.getLogger(__name__)


_RELATIONS = (
    ("remitterad", N_("Remitterad")),
    ("besvaras", N_("Besvaras av")),
    ("reservation", N_("Reservationer")),
    ("behandlas", N_("Behandlas i")),
    ("beslut", N_("Beslut")),
    ("sammantrade", N_("På föredragningslistan")),
    ("relaterat", N_("Relaterade ärenden som hänvisar hit")),
    ("omnamnd", N_("Omnämns i")),
)


def _project_backlinks(index: ObjectIndex, key: tuple[str, ...]) -> str:
    """Only what a backlink shows: relation, the source's title and place."""
    return _digest(
        "|".join(
            (
                link.relation,
                link.docname,
                link.detail,
                link.page_title,
                *(
                    (s.kind, s.id, s.title, s.dnr)
                    if (s := link.source) is not None
                    else ()
                ),
            )
        )
        for link in index.backlinks(key[1])
    )


def _backlink_item(ctx: Context, link: Backlink) -> list[nodes.Node]:
    source = link.source
    if source is None:
        # the page's title as it was read: what the projection compares
        title = link.page_title
        ref = render.xref(
            "doc", "/" + link.docname, title, ctx.refdoc, explicit=bool(title)
        )
        ref["refdomain"] = "std"
        if not title:
            ref.children = [nodes.inline("", "")]
        return [ref]
    text = f"{capitalise(_(source.label))}: {source.title}"
    if isinstance(source, Yttrande | Reservation | Beslut | Utlatande) and source.dnr:
        text += f" ({source.dnr})"
    item: list[nodes.Node] = [ctx.link(source, text)]
    if link.detail and source.published:
        item.append(nodes.Text(f" – {link.detail}"))
    return item


@generator("backlinks", _project_backlinks)
def backlinks(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    links = ctx.index.backlinks(node["target"])
    if not links:
        return []
    block = kommun_backlinks()
    for relation, label in _RELATIONS:
        found = [link for link in links if link.relation == relation]
        if not found:
            continue
        block += render.rubric(_(label), classes=["kommun-backlinks-title"])
        block += render.bullet_list(_backlink_item(ctx, link) for link in found)
    return [block] if len(block) else []


# document title of a yttrande --------------------------------------------------------


def _project_title(index: ObjectIndex, key: tuple[str, ...]) -> str:
    dnr = key[2]
    return _digest(
        [
            fingerprint(index.arende(dnr)),
            fingerprint(index.remiss(dnr)),
            fingerprint(index.motion(dnr)),
        ]
    )


@generator("document-title", _project_title)
def document_title(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    motion = ctx.index.motion(dnr)
    arende = ctx.index.arende(dnr)
    remiss = ctx.index.remiss(dnr)
    rubrik = (
        node.get("rubrik")
        or (arende.title if arende else "")
        or (motion.title if motion else "")
    )
    sender = remiss.sender if remiss else "Kommunstyrelsen"
    underrubrik = node.get("underrubrik") or _("Yttrande till %(to)s") % {
        "to": ctx.in_sentence(sender)
    }
    result: list[nodes.Node] = []
    if rubrik:
        title = render.rubric(rubrik, classes=["kommun-doc-title"])
        if node.get("rubrik"):
            # the document's own :rubrik:, written at its directive
            title.source, title.line = node.source, node.line
            title[WRITTEN] = True
        result.append(title)
    subtitle = nodes.paragraph("", underrubrik, classes=["kommun-doc-subtitle"])
    if node.get("underrubrik"):
        subtitle.source, subtitle.line = node.source, node.line
        subtitle[WRITTEN] = True
    if dnr and dnr not in underrubrik:
        subtitle += nodes.Text(f" {dnr}")
    result.append(subtitle)
    return result


# motion byline of an utlåtande --------------------------------------------------------


def _project_byline(index: ObjectIndex, key: tuple[str, ...]) -> str:
    return _digest([fingerprint(index.motion(key[2]))])


@generator("motion-byline", _project_byline)
def motion_byline(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    motion = ctx.index.motion(node["dnr"])
    if motion is None:
        return []
    byline = motion.byline() if motion.published else ""
    text = _("Motion av %(who)s") % {"who": byline} if byline else motion.title
    return [nodes.paragraph("", "", ctx.link(motion, text), classes=["kommun-byline"])]


# what a reservation concerns ------------------------------------------------------------


def _project_concerns(index: ObjectIndex, key: tuple[str, ...]) -> str:
    reservation = index.by_id.get(key[1])
    target = (
        index.concerns(reservation) if isinstance(reservation, Reservation) else None
    )
    return _digest([fingerprint(reservation), fingerprint(target)])


@generator("concerns", _project_concerns)
def concerns(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    reservation = ctx.index.by_id.get(node["target"])
    if not isinstance(reservation, Reservation):
        return []
    target = ctx.index.concerns(reservation)
    if target is None:
        return []
    text = f"{capitalise(_(target.label))}: {target.title}"
    return [
        render.para(
            _("Avser %(what)s."),
            classes=["kommun-concerns"],
            what=ctx.link(target, text),
        )
    ]


# outcomes of a beslut ------------------------------------------------------------------


def _project_outcomes(index: ObjectIndex, key: tuple[str, ...]) -> str:
    dnr = key[2]
    motion = index.motion(dnr)
    yrkanden = index.yrkanden(motion) if motion else []
    return _digest(
        [fingerprint(index.by_id.get(key[1])), *(fingerprint(y) for y in yrkanden)]
    )


@generator("beslut-outcomes", _project_outcomes)
def beslut_outcomes(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    beslut = ctx.index.by_id.get(node["target"])
    motion = ctx.index.motion(node["dnr"])
    if not isinstance(beslut, Beslut) or motion is None:
        return []
    rows = []
    for yrkande in ctx.index.yrkanden(motion):
        rows.append(
            (
                [ctx.link(yrkande, yrkande.title)],
                yrkande.text if yrkande.published else "–",
                beslut.outcome_for(yrkande.number) or "–",
            )
        )
    if not rows:
        return []
    return [
        render.table(
            [_("Att-sats"), _("Yrkande"), _("Utfall")],
            rows,
            widths=[1, 5, 1],
            classes=["kommun-outcomes"],
        )
    ]


# answers to a remiss --------------------------------------------------------------------


def _answer_rows(ctx: Context, dnr: str) -> list[tuple[str, Yttrande | None, bool]]:
    """(instans, yttrande or None, in the remiss?) in remiss order, then others."""
    remiss = ctx.index.remiss(dnr)
    rows: list[tuple[str, Yttrande | None, bool]] = []
    named: set[str] = set()
    for instans in remiss.instanser if remiss else ():
        rows.append((instans, ctx.index.yttrande_from(dnr, instans), True))
        named.add(instans.casefold())
    for yttrande in ctx.index.yttranden(dnr):
        if yttrande.instans.casefold() not in named:
            rows.append((yttrande.instans, yttrande, False))
    return rows


def _project_remiss_status(index: ObjectIndex, key: tuple[str, ...]) -> str:
    dnr = key[2]
    return _digest(
        [
            fingerprint(index.remiss(dnr)),
            *(fingerprint(y) for y in index.yttranden(dnr)),
        ]
    )


def _is_late(yttrande: Yttrande, remiss: Remiss | None) -> bool:
    answered = yttrande.answered_on
    return bool(remiss and remiss.deadline and answered and answered > remiss.deadline)


@generator("remiss-status", _project_remiss_status)
def remiss_status(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    remiss = ctx.index.remiss(dnr)
    rows: list[tuple[render.Part, render.Part, render.Part]] = []
    for name, yttrande, in_remiss in _answer_rows(ctx, dnr):
        # the instans as the remiss names it, written at the remiss
        instans: render.Part = (
            ctx.locate(nodes.inline("", name), remiss)
            if remiss is not None and in_remiss
            else name
        )
        if yttrande is None:
            rows.append((instans, [render.emphasis(_("Inget svar"))], "–"))
            continue
        status: list[nodes.Node] = [ctx.link(yttrande, _("Yttrande"))]
        if not yttrande.published:
            status.append(render.emphasis(" " + _("(publiceras inte)")))
            rows.append((instans, status, "–"))
            continue
        if _is_late(yttrande, remiss):
            status.append(render.emphasis(" " + _("(efter svar senast)")))
        if not in_remiss:
            status.append(render.emphasis(" " + _("(ej remissinstans)")))
        rows.append((instans, status, ctx.date(yttrande.answered_on)))
    if not rows:
        return []
    table = render.table(
        [_("Remissinstans"), _("Svar"), _("Besvarad")],
        rows,
        widths=[3, 2, 2],
        classes=["kommun-remiss-status"],
    )
    return [kommun_generated("", table)]


# overview of an ärende --------------------------------------------------------------------


def _project_overview(index: ObjectIndex, key: tuple[str, ...]) -> str:
    return _dnr_objects(index, key[2], with_text=False)


def _own_date(ctx: Context, yttrande: Yttrande) -> str:
    """The tjänsteutlåtande's date as the yttrande states it."""
    if yttrande.date is not None:
        return ctx.date(yttrande.date)
    if yttrande.effective_date is not None:
        return _("attesterat %(date)s") % {"date": ctx.date(yttrande.effective_date)}
    return "–"


def _object_date(obj: KommunObject) -> dt.date | None:
    if isinstance(obj, Yttrande):
        return obj.answered_on
    for name in ("date", "filed", "meeting"):
        value = getattr(obj, name, None)
        if isinstance(value, dt.date):
            return value
    return None


_OVERVIEW_ORDER = (Motion, Remiss, Yttrande, Reservation, Utlatande, Beslut)


@generator("arende-overview", _project_overview)
def arende_overview(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    objects = ctx.index.by_dnr.get(dnr, [])
    rows = []
    for cls in _OVERVIEW_ORDER:
        of_kind = (
            ctx.index.yttranden(dnr)
            if cls is Yttrande
            else [obj for obj in objects if type(obj) is cls]
        )
        for obj in of_kind:
            note = ""
            if not obj.published:
                rows.append(
                    (
                        capitalise(_(obj.label)),
                        [ctx.link(obj, obj.title)],
                        "–",
                        _("publiceras inte"),
                    )
                )
                continue
            if isinstance(obj, Yttrande):
                note = "; ".join(p.word for p in obj.positions)
            elif isinstance(obj, Beslut):
                note = "; ".join(o.word for o in obj.outcomes)
            elif isinstance(obj, Reservation):
                note = capitalise(obj.type)
            rows.append(
                (
                    capitalise(_(obj.label)),
                    [ctx.link(obj, obj.title)],
                    ctx.date(_object_date(obj)),
                    note,
                )
            )
    if not rows:
        return []
    block = kommun_generated()
    block += render.rubric(_("Handlingar i ärendet"), classes=["kommun-overview-title"])
    block += render.table(
        [_("Handling"), _("Titel"), _("Datum"), _("Anmärkning")],
        rows,
        widths=[2, 5, 2, 2],
        classes=["kommun-overview"],
    )
    return [block]
