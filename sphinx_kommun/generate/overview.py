"""The answers to a remiss, and the overview of an ärende's documents."""

from __future__ import annotations

import datetime as dt

from docutils import nodes

from .. import render
from ..domain.model import KommunObject
from ..i18n import _
from ..kinds.beslut import Beslut
from ..kinds.initiativ import Initiativ
from ..kinds.paragraf import Paragraf
from ..kinds.remiss import Remiss
from ..kinds.reservation import Reservation
from ..kinds.tjansteskrivelse import Tjansteskrivelse
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from ..nodes import kommun_generated, kommun_pending
from ..swedish import slug
from .context import Context
from .protocol import paragraf_in_sentence
from .registry import generator
from .titles import outcomes_read, positions_lines, positions_read

# answers to a remiss --------------------------------------------------------------------


def answer_rows(ctx: Context, dnr: str) -> list[tuple[str, Yttrande | None, bool]]:
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


def is_late(yttrande: Yttrande, remiss: Remiss | None) -> bool:
    answered = yttrande.answered_on
    return bool(remiss and remiss.deadline and answered and answered > remiss.deadline)


@generator("remiss-status")
def remiss_status(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    remiss = ctx.index.remiss(dnr)
    rows: list[tuple[render.Part, render.Part, render.Part]] = []
    for name, yttrande, in_remiss in answer_rows(ctx, dnr):
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
        if is_late(yttrande, remiss):
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
        title=_("Remissinstanser och svar"),
        node_id=f"{remiss.id}-svar",
    )
    return [kommun_generated("", table)]


# overview of an ärende --------------------------------------------------------------------


def own_date(ctx: Context, yttrande: Yttrande) -> str:
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


_OVERVIEW_ORDER = (
    Initiativ,
    Tjansteskrivelse,
    Remiss,
    Yttrande,
    Utlatande,
    Beslut,
    Reservation,
)


def _in_order(ctx: Context, dnr: str) -> list[KommunObject]:
    """The ärende's documents by kind and date; a tjänsteskrivelse written
    after the remiss was sent (it rests on the answers) after the yttranden."""
    objects = ctx.index.of_dnr(dnr)
    ordered: list[KommunObject] = []
    for cls in _OVERVIEW_ORDER:
        ordered.extend(
            ctx.index.yttranden(dnr)  # in remiss order
            if cls is Yttrande
            else sorted(
                (obj for obj in objects if isinstance(obj, cls)),
                key=lambda obj: _object_date(obj) or dt.date.max,
            )
        )
    remiss = ctx.index.remiss(dnr)
    sent = remiss.date if remiss is not None else None
    later = [
        obj
        for obj in ordered
        if isinstance(obj, Tjansteskrivelse)
        and sent is not None
        and (_object_date(obj) or dt.date.min) > sent
    ]
    if not later:
        return ordered
    rest = [obj for obj in ordered if obj not in later]
    answers = [n for n, obj in enumerate(rest) if isinstance(obj, Remiss | Yttrande)]
    at = answers[-1] + 1 if answers else len(rest)
    return rest[:at] + later + rest[at:]


def _yttrande_note(ctx: Context, yttrande: Yttrande) -> render.Part:
    """The ställning as the yttrande's header writes it out, a line per
    att-sats, and whether it came after svar senast (as the remiss and the
    compilation's table mark it)."""
    parts = positions_lines(positions_read(ctx, yttrande))
    if is_late(yttrande, ctx.index.remiss(yttrande.dnr)):
        late = _("(efter svar senast)")
        if len(parts) > 1:
            parts.append(late)
        else:
            parts = [" ".join([*parts, late])]
    return render.cell(parts)


@generator("arende-overview")
def arende_overview(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    rows: list[tuple[render.Part, ...]] = []
    for obj in _in_order(ctx, dnr):
        note: render.Part = ""
        if not obj.published:
            rows.append(
                (
                    ctx.label(obj),
                    [ctx.link(obj, obj.title)],
                    "–",
                    _("publiceras inte"),
                )
            )
            continue
        if isinstance(obj, Yttrande):
            note = _yttrande_note(ctx, obj)
        elif isinstance(obj, Beslut):
            note = render.cell(positions_lines(outcomes_read(ctx, obj)))
        elif isinstance(obj, Reservation):
            concerns = ctx.index.concerns(obj)
            if isinstance(concerns, Paragraf):
                # "§ 62 i kommunfullmäktiges protokoll den 22 april 2024"
                note = paragraf_in_sentence(ctx, concerns)
            else:
                note = ctx.labelled(concerns) if concerns is not None else ""
        rows.append(
            (
                ctx.label(obj),
                [ctx.link(obj, obj.title)],
                ctx.date(_object_date(obj)),
                note,
            )
        )
    if not rows:
        return []
    block = kommun_generated()
    block += render.table(
        [_("Handling"), _("Titel"), _("Datum"), _("Anmärkning")],
        rows,
        widths=[3, 5, 2, 2],  # "Tjänsteskrivelse" whole in print
        classes=["kommun-overview"],
        title=_("Handlingar i ärendet"),
        node_id=f"{slug(dnr)}-handlingar",
    )
    return [block]
