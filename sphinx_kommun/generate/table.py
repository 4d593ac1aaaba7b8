"""The remissammanställning's table: each instans' answer in one row."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from .. import render
from ..i18n import N_, _
from ..kinds.reservation import Reservation
from ..kinds.yttrande import Yttrande
from ..plugins.hookspecs import Column
from ..plugins.manager import Plugins, plugins_of
from ..swedish import capitalise
from ..vocabulary import readable
from .answers import Answers
from .context import Context
from .overview import is_late, own_date
from .titles import positions_lines, positions_read

#: The table's own columns and their relative widths (the second is named
#: by the profile's word for the förvaltning's document; the ställning has
#: "Att-sats 1: tillstyrker" on a line in print).
COLUMNS = (
    (N_("Remissinstans"), 3),
    ("", 3),
    (N_("Nämndens beslut"), 3),
    (N_("Ställning"), 3),
    (N_("Sammanfattning"), 5),
    (N_("Reservationer m.m."), 2),
)


def summary_table(answers: Answers) -> list[nodes.Node]:
    """ "Svar senast …" and the table, with a row per instans in remiss order."""
    ctx = answers.ctx
    plugins = plugins_of(ctx.env)
    extra = plugins.columns
    statement = _statement(answers)
    rows = [
        _row(answers, plugins, extra, statement, instans, yttrande, in_remiss)
        for instans, yttrande, in_remiss in answers.rows
    ]
    if not rows:
        return []
    table = render.table(
        [
            *(_(title) if title else statement for title, _w in COLUMNS),
            *(c["title"] for _n, c in extra),
        ],
        rows,
        widths=[
            *(width for _title, width in COLUMNS),
            *(column.get("width", 2) for _n, column in extra),
        ],
        classes=["kommun-remiss-table", "longtable"],
        title=_("Remissvaren per instans"),
        node_id=f"{answers.anchor}-svar",
    )
    # a row shows what its yttrande says: warnings about it point there
    body = next(table.findall(nodes.tbody))
    for row, (_instans, yttrande, _in_remiss) in zip(
        body.children, answers.rows, strict=True
    ):
        if yttrande is not None and isinstance(row, nodes.Element):
            ctx.locate(row, yttrande)
    result: list[nodes.Node] = []
    remiss = answers.remiss
    if remiss and remiss.deadline:
        result.append(
            nodes.paragraph(
                "", _("Svar senast %(date)s.") % {"date": ctx.date(remiss.deadline)}
            )
        )
    result.append(table)
    return result


def _statement(answers: Answers) -> str:
    """The förvaltning's document, as the column's title: the word the
    answers use, if all use the same, else the profile's."""
    words = answers.ctx.config.words
    used = {y.document for _i, y, _r in answers.rows if y is not None}
    word = used.pop() if len(used) == 1 else ""
    return capitalise(word or _(words.statement))


def _row(
    answers: Answers,
    plugins: Plugins,
    extra: list[tuple[str, Column]],
    statement: str,
    instans: str,
    yttrande: Yttrande | None,
    in_remiss: bool,
) -> Sequence[render.Part]:
    ctx = answers.ctx
    empty = ["" for _column in extra]
    if yttrande is None:
        return (
            capitalise(instans),
            "–",
            "–",
            [render.emphasis(_("Inget svar"))],
            "",
            "",
            *empty,
        )
    name: list[nodes.Node] = [ctx.link(yttrande, capitalise(instans))]
    if not in_remiss:
        name.append(render.emphasis(" " + _("(ej remissinstans)")))
    if not yttrande.published:
        return (
            name,
            "–",
            "–",
            "–",
            [render.emphasis(_("Publiceras inte"))],
            "",
            *empty,
        )
    answered, document_date = _dates(answers, instans, yttrande)
    if yttrande.document and capitalise(yttrande.document) != statement:
        # another kind of document than the column's
        document_date.append(render.emphasis(f" ({yttrande.document})"))
    return (
        name,
        document_date,
        answered,
        _positions(ctx, yttrande),
        render.sentence(yttrande.summary) if yttrande.summary else "–",
        _reservation_types(answers.for_yttrande(yttrande)),
        *(_plugin_cell(plugins, plugin, column, yttrande) for plugin, column in extra),
    )


def _positions(ctx: Context, yttrande: Yttrande) -> render.Part:
    """The ställning as the yttrande's header writes it out, a line per
    att-sats (the column is narrow, on a phone too)."""
    return render.cell(positions_lines(positions_read(ctx, yttrande)), "–")


def _dates(
    answers: Answers, instans: str, yttrande: Yttrande
) -> tuple[list[nodes.Node], list[nodes.Node]]:
    """The nämnd's decision and the tjänsteutlåtande's date, marked late
    (after svar senast) and with the date the utlåtande states."""
    ctx = answers.ctx
    late = is_late(yttrande, answers.remiss)
    late_mark = render.emphasis(" " + _("(efter svar senast)"))
    answered: list[nodes.Node] = [nodes.Text(ctx.date(yttrande.meeting))]
    if late and yttrande.meeting is not None:
        answered.append(late_mark.deepcopy())
    document_date: list[nodes.Node] = [nodes.Text(own_date(ctx, yttrande))]
    if late and yttrande.meeting is None:
        document_date.append(late_mark)
    utlatande = answers.utlatande
    stated = utlatande.stated_date(instans) if utlatande else None
    if stated and stated != yttrande.date:
        document_date.append(
            render.emphasis(
                " " + _("(utlåtandet anger %(date)s)") % {"date": ctx.date(stated)}
            )
        )
    return answered, document_date


def _reservation_types(reservations: Sequence[Reservation]) -> str:
    return ", ".join(sorted({readable(r.type) for r in reservations}))


def _plugin_cell(
    plugins: Plugins, name: str, column: Column, yttrande: Yttrande
) -> render.Part:
    """A plugin's cell; a plugin that fails gets an empty cell and a warning,
    once per build for each column and yttrande (the table may be on several
    pages and in several PDFs)."""
    try:
        value = column["value"](yttrande)
    except Exception as err:
        error = f"{type(err).__name__}: {err}"
    else:
        if isinstance(value, str) or (
            isinstance(value, list | tuple)
            and all(isinstance(n, nodes.Node) for n in value)
        ):
            return value
        error = _("gav %(type)s, inte text eller noder") % {
            "type": type(value).__name__
        }
    plugins.warn(
        _(
            "pluginen '%(plugin)s' misslyckades i kolumnen '%(column)s' för "
            "%(instans)s: %(error)s"
        )
        % {
            "plugin": name,
            "column": column["title"],
            "instans": yttrande.instans,
            "error": error,
        },
        yttrande.location,
        key=("column", name, column["title"], yttrande.id),
    )
    return ""
