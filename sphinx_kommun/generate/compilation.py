"""The remissammanställning: the compiled referral answers of an ärende."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docutils import nodes
from sphinx.util import logging

from .. import render
from ..domain.index import ObjectIndex
from ..domain.model import (
    Reservation,
    Yttrande,
)
from ..i18n import (
    N_,
    _,
)
from ..nodes import (
    kommun_generated,
    kommun_pending,
)
from ..plugins.hookspecs import Column
from ..plugins.manager import (
    Plugins,
    plugins_of,
)
from ..swedish import (
    capitalise,
    genitive,
    join,
    slug,
)
from ..vocabulary import definite
from . import (
    Context,
    _digest,
    _dnr_objects,
    fingerprint,
    generator,
)
from .views import (
    _answer_rows,
    _is_late,
    _own_date,
)

logger = logging.getLogger(__name__)


def _project_compilation(index: ObjectIndex, key: tuple[str, ...]) -> str:
    """The ärende's objects; what each reservation concerns (a yttrande of
    another ärende gives the reservation its heading and place); and what
    the references inside the quoted texts point at."""
    dnr = key[2]
    concerned = [
        fingerprint(target)
        for reservation in index.reservations(dnr)
        if (target := index.concerns(reservation)) is not None
    ]
    referenced = [
        fingerprint(index.resolve(ref.kind, ref.target, ref.refdnr))
        for obj in index.by_dnr.get(dnr, ())
        if obj.excerpts
        for ref in index.refs_from(obj.id)
    ]
    return _digest([_dnr_objects(index, dnr, with_text=True), *concerned, *referenced])


def _reservation_types(reservations: Sequence[Reservation]) -> str:
    return ", ".join(sorted({r.type for r in reservations}))


def _authors(reservation: Reservation, locale: str) -> str:
    return join((p.with_party() for p in reservation.authors), locale)


class Compilation:
    """Builds the parts of one ärende's remissammanställning."""

    def __init__(self, ctx: Context, dnr: str, anchor: str) -> None:
        self.ctx = ctx
        self.dnr = dnr
        self.anchor = anchor
        self.remiss = ctx.index.remiss(dnr)
        self.utlatande = ctx.index.utlatande(dnr)
        self.rows = _answer_rows(ctx, dnr)
        self.reservations = self._ordered_reservations()
        self.numbers = {r.id: n for n, r in enumerate(self.reservations, start=1)}

    def _ordered_reservations(self) -> list[Reservation]:
        order = {name.casefold(): n for n, (name, _y, _r) in enumerate(self.rows)}
        found = self.ctx.index.reservations(self.dnr)

        def key(reservation: Reservation) -> tuple[int, str]:
            concerns = self.ctx.index.concerns(reservation)
            body = (
                concerns.instans if isinstance(concerns, Yttrande) else reservation.body
            )
            return (order.get(body.casefold(), len(order)), body)

        return sorted(found, key=key)

    def reservation_anchor(self, reservation: Reservation) -> str:
        return f"{self.anchor}-{reservation.id}"

    def for_yttrande(self, yttrande: Yttrande) -> list[Reservation]:
        return [
            r
            for r in self.reservations
            if (c := self.ctx.index.concerns(r)) is not None and c.id == yttrande.id
        ]

    # parts

    def arendet(self) -> list[nodes.Node]:
        if self.utlatande is None:
            return []
        return self.ctx.excerpt(self.utlatande, "arendet")

    def beredning(self) -> list[nodes.Node]:
        ctx = self.ctx
        result: list[nodes.Node] = []
        if self.remiss is None or not self.remiss.instanser:
            result.append(nodes.paragraph("", _("Ärendet har inte remitterats.")))
            return result
        names = [ctx.in_sentence(name) for name in self.remiss.instanser]
        result.append(
            nodes.paragraph(
                "",
                _("Ärendet har remitterats till %(list)s.")
                % {"list": join(names, ctx.locale)},
            )
        )
        for instans, yttrande, in_remiss in self.rows:
            if not in_remiss:
                continue
            if yttrande is None:
                result.append(
                    render.para(
                        _("%(who)s har inte besvarat remissen."),
                        classes=["kommun-unanswered"],
                        who=render.emphasis(capitalise(instans)),
                    )
                )
            elif not yttrande.published:
                result.append(
                    render.para(
                        _("%(who)s har besvarat remissen; yttrandet publiceras inte."),
                        who=render.emphasis(capitalise(instans)),
                    )
                )
            elif yttrande.summary:
                sentence = render.para(
                    "%(who)s %(summary)s",
                    who=render.emphasis(capitalise(instans)),
                    summary=_sentence(yttrande.summary),
                )
                result.append(ctx.locate(sentence, yttrande))
        return result

    def sammanstallning(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for instans, yttrande, in_remiss in self.rows:
            children: list[nodes.Node] = []
            if yttrande is None:
                children.append(
                    render.para(
                        _("%(who)s har inte besvarat remissen."),
                        classes=["kommun-unanswered"],
                        who=render.strong(capitalise(instans)),
                    )
                )
            else:
                if not in_remiss:
                    children.append(
                        render.para(
                            _("%(who)s fanns inte med i remissen."),
                            classes=["kommun-not-in-remiss"],
                            who=render.emphasis(capitalise(instans)),
                        )
                    )
                children.extend(self._answer(yttrande))
            result.append(
                render.section(
                    capitalise(instans),
                    f"{self.anchor}-{slug(instans)}",
                    *children,
                    classes=["kommun-compilation-instans"],
                )
            )
        return result

    def _answer(self, yttrande: Yttrande) -> list[nodes.Node]:
        ctx = self.ctx
        result: list[nodes.Node] = []
        if not yttrande.published:
            result.append(
                render.para(
                    _("%(whose)s yttrande publiceras inte."),
                    classes=["kommun-unpublished"],
                    whose=render.strong(genitive(capitalise(yttrande.instans))),
                    who=render.strong(capitalise(yttrande.instans)),
                )
            )
            result.extend(self._reservation_lines(yttrande))
            return result
        if yttrande.meeting is not None:
            decision = ctx.excerpt(yttrande, "beslut")
            result.append(
                render.para(
                    _("%(who)s beslutade vid sitt sammanträde den %(date)s följande.")
                    if decision
                    # no decision written down: say no more than is known
                    else _(
                        "%(who)s behandlade ärendet vid sitt sammanträde den %(date)s."
                    ),
                    who=render.strong(capitalise(yttrande.instans)),
                    date=ctx.date(yttrande.meeting),
                )
            )
            result.extend(decision)
        result.extend(self._reservation_lines(yttrande))
        stated = (
            self.utlatande.stated_date(yttrande.instans) if self.utlatande else None
        )
        own = yttrande.effective_date
        date = stated or own
        author = capitalise(yttrande.author_body)
        quote = ctx.excerpt(yttrande, "lydelse")
        if quote:
            sentence = (
                _(
                    "%(whose)s tjänsteutlåtande daterat den %(date)s har i "
                    "huvudsak följande lydelse."
                )
                if date is not None
                else _("%(whose)s tjänsteutlåtande har i huvudsak följande lydelse.")
            )
        else:
            # an answer without text (only its decision and ställning)
            sentence = (
                _("%(whose)s tjänsteutlåtande daterat den %(date)s återges inte.")
                if date is not None
                else _("%(whose)s tjänsteutlåtande återges inte.")
            )
        result.append(
            render.para(
                sentence,
                whose=render.strong(genitive(author)),
                who=render.strong(author),
                date=ctx.date(date),
            )
        )
        if stated is not None and own is not None and stated != own:
            result.append(self._discrepancy(yttrande, stated, own))
        result.extend(quote)
        return result

    def _reservation_lines(self, yttrande: Yttrande) -> list[nodes.Node]:
        """ "Särskilt uttalande gjordes av …, bilaga 1." for each reservation
        made on the yttrande's decision."""
        ctx = self.ctx
        return [
            render.para(
                _("%(type)s gjordes av %(who)s, %(annex)s."),
                type=render.emphasis(capitalise(reservation.type)),
                who=_authors(reservation, ctx.locale),
                annex=_internal_link(
                    _("bilaga %(number)s") % {"number": self.numbers[reservation.id]},
                    self.reservation_anchor(reservation),
                ),
            )
            for reservation in self.for_yttrande(yttrande)
        ]

    def _discrepancy(
        self, yttrande: Yttrande, stated: dt.date, own: dt.date
    ) -> nodes.Node:
        ctx = self.ctx
        if yttrande.date is not None:
            says = _("daterat den %(date)s") % {"date": ctx.date(own)}
        else:
            says = _("attesterat den %(date)s") % {"date": ctx.date(own)}
        logger.info(
            _(
                "%(instans)s: utlåtandet anger tjänsteutlåtandet som daterat den "
                "%(stated)s, yttrandet självt som %(says)s"
            ),
            {"instans": yttrande.instans, "stated": ctx.date(stated), "says": says},
            location=(yttrande.docname, yttrande.lineno),
        )
        note = render.para(
            _("Anm.: Datumet är utlåtandets uppgift. %(link)s är %(says)s."),
            classes=["kommun-discrepancy"],
            link=ctx.link(yttrande, _("Yttrandet självt")),
            says=says,
        )
        return note

    def reservationer(self) -> list[nodes.Node]:
        ctx = self.ctx
        groups: dict[str, list[Reservation]] = {}
        for reservation in self.reservations:
            concerns = ctx.index.concerns(reservation)
            body = (
                concerns.instans if isinstance(concerns, Yttrande) else reservation.body
            )
            groups.setdefault(body or _("Okänt organ"), []).append(reservation)
        result: list[nodes.Node] = []
        for body, found in groups.items():
            children: list[nodes.Node] = []
            for reservation in found:
                anchor = self.reservation_anchor(reservation)
                label = nodes.paragraph(
                    "",
                    "",
                    nodes.target("", "", ids=[anchor]),
                    *render.fill(
                        _(
                            "%(type)s (bilaga %(number)s) gjordes av %(who)s enligt följande."
                        ),
                        type=render.emphasis(capitalise(reservation.type)),
                        number=str(self.numbers[reservation.id]),
                        who=_authors(reservation, ctx.locale),
                    ),
                )
                children.append(label)
                if reservation.published:
                    children.extend(ctx.excerpt(reservation, "text"))
                else:
                    children.append(
                        render.para(
                            _("%(what)s publiceras inte."),
                            classes=["kommun-unpublished"],
                            what=capitalise(definite(reservation.type)),
                        )
                    )
            result.append(
                render.section(
                    capitalise(body),
                    f"{self.anchor}-reservationer-{slug(body)}",
                    *children,
                )
            )
        return result

    def tabell(self) -> list[nodes.Node]:
        ctx = self.ctx
        plugins = plugins_of(ctx.env)
        extra = plugins.columns
        rows: list[Sequence[render.Part]] = []
        for instans, yttrande, in_remiss in self.rows:
            if yttrande is None:
                rows.append(
                    (
                        capitalise(instans),
                        "–",
                        "–",
                        [render.emphasis(_("Inget svar"))],
                        "",
                        "",
                        *("" for _column in extra),
                    )
                )
                continue
            name: list[nodes.Node] = [ctx.link(yttrande, capitalise(instans))]
            if not in_remiss:
                name.append(render.emphasis(" " + _("(ej remissinstans)")))
            if not yttrande.published:
                rows.append(
                    (
                        name,
                        "–",
                        "–",
                        "–",
                        [render.emphasis(_("Publiceras inte"))],
                        "",
                        *("" for _column in extra),
                    )
                )
                continue
            late = _is_late(yttrande, self.remiss)
            late_mark = render.emphasis(" " + _("(efter svar senast)"))
            answered: list[nodes.Node] = [nodes.Text(ctx.date(yttrande.meeting))]
            if late and yttrande.meeting is not None:
                answered.append(late_mark.deepcopy())
            document_date: list[nodes.Node] = [nodes.Text(_own_date(ctx, yttrande))]
            if late and yttrande.meeting is None:
                document_date.append(late_mark)
            stated = self.utlatande.stated_date(instans) if self.utlatande else None
            if stated and stated != yttrande.date:
                document_date.append(
                    render.emphasis(
                        " "
                        + _("(utlåtandet anger %(date)s)") % {"date": ctx.date(stated)}
                    )
                )
            rows.append(
                (
                    name,
                    document_date,
                    answered,
                    "; ".join(
                        f"{p.yrkande}: {p.word}" if p.yrkande else p.word
                        for p in yttrande.positions
                    )
                    or "–",
                    _sentence(yttrande.summary) if yttrande.summary else "–",
                    _reservation_types(self.for_yttrande(yttrande)),
                    *(
                        _plugin_cell(plugins, name, column, yttrande)
                        for name, column in extra
                    ),
                )
            )
        if not rows:
            return []
        table = render.table(
            [
                _("Remissinstans"),
                _("Tjänsteutlåtande"),
                _("Nämndens beslut"),
                _("Ställning"),
                _("Sammanfattning"),
                _("Reservationer m.m."),
                *(column["title"] for _name, column in extra),
            ],
            rows,
            widths=[
                3,
                3,
                3,
                2,
                6,
                2,
                *(column.get("width", 2) for _n, column in extra),
            ],
            classes=["kommun-remiss-table", "longtable"],
        )
        # a row shows what its yttrande says: warnings about it point there
        body = next(table.findall(nodes.tbody))
        for row, (_instans, yttrande, _in_remiss) in zip(
            body.children, self.rows, strict=True
        ):
            if yttrande is not None:
                ctx.locate(row, yttrande)
        result: list[nodes.Node] = []
        if self.remiss and self.remiss.deadline:
            result.append(
                nodes.paragraph(
                    "",
                    _("Svar senast %(date)s.")
                    % {"date": ctx.date(self.remiss.deadline)},
                )
            )
        result.append(table)
        return result


_PART_TITLES = {
    "arendet": N_("Ärendet"),
    "beredning": N_("Beredning"),
    "sammanstallning": N_("Remissvaren"),
    "reservationer": N_("Reservationer m.m."),
    "tabell": N_("Remissvar i sammandrag"),
}


@generator("remissammanstallning", _project_compilation)
def remissammanstallning(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    parts = node.get("parts", "").split()
    anchor = f"{slug(dnr)}-remissammanställning"
    compilation = Compilation(ctx, dnr, anchor)
    block = kommun_generated(classes=["kommun-remissammanstallning"])
    titled = len(parts) > 1
    for part in parts:
        produced = getattr(compilation, part)()
        if not produced:
            continue
        if part == "sammanstallning" and titled:
            block.extend(produced)
        elif titled:
            block += render.section(
                _(_PART_TITLES[part]), f"{anchor}-{part}", *produced
            )
        else:
            block.extend(produced)
    return [block]


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


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _internal_link(text: str, refid: str) -> nodes.reference:
    return nodes.reference(text, text, refid=refid, internal=True)
