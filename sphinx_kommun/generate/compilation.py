"""The remissammanställning: the compiled referral answers of an ärende."""

from __future__ import annotations

import datetime as dt

from docutils import nodes
from sphinx.util import logging

from .. import render
from ..i18n import (
    N_,
    _,
)
from ..kinds.reservation import Reservation
from ..kinds.yttrande import Yttrande
from ..nodes import (
    kommun_generated,
    kommun_pending,
)
from ..swedish import (
    capitalise,
    dated,
    genitive,
    join,
    slug,
)
from ..vocabulary import definite, readable
from .answers import Answers
from .context import Context
from .matrix import stance_matrix
from .registry import generator
from .table import summary_table

logger = logging.getLogger(__name__)


def _authors(reservation: Reservation, locale: str) -> str:
    return join((p.with_party() for p in reservation.authors), locale)


class Compilation(Answers):
    """Builds the parts of one ärende's remissammanställning."""

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
                result.append(_unanswered(render.emphasis(capitalise(instans))))
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
                    summary=render.sentence(yttrande.summary),
                )
                result.append(ctx.locate(sentence, yttrande))
        return result

    def sammanstallning(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for instans, yttrande, in_remiss in self.rows:
            children: list[nodes.Node] = []
            if yttrande is None:
                children.append(_unanswered(render.strong(capitalise(instans))))
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
        """What one instans answered: its nämnd's decision, the reservations
        made there, and the quoted document of the förvaltning."""
        if not yttrande.published:
            return [
                render.para(
                    _("%(whose)s yttrande publiceras inte."),
                    classes=["kommun-unpublished"],
                    whose=render.strong(genitive(capitalise(yttrande.instans))),
                    who=render.strong(capitalise(yttrande.instans)),
                ),
                *self._reservation_lines(yttrande),
            ]
        return [
            *self._decision(yttrande),
            *self._reservation_lines(yttrande),
            *self._quote(yttrande),
        ]

    def _decision(self, yttrande: Yttrande) -> list[nodes.Node]:
        """ "X beslutade vid sitt sammanträde den … följande." and the decision."""
        if yttrande.meeting is None:
            return []
        decision = self.ctx.excerpt(yttrande, "beslut")
        sentence = render.para(
            _("%(who)s beslutade vid sitt sammanträde den %(date)s följande.")
            if decision
            # no decision written down: say no more than is known
            else _("%(who)s behandlade ärendet vid sitt sammanträde den %(date)s."),
            who=render.strong(capitalise(yttrande.instans)),
            date=self.ctx.date(yttrande.meeting),
        )
        return [sentence, *decision]

    def _quote(self, yttrande: Yttrande) -> list[nodes.Node]:
        """ "Y:s tjänsteskrivelse daterad den … har i huvudsak följande
        lydelse." and the quote, with the date the utlåtande states."""
        ctx = self.ctx
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
                    "%(whose)s %(document)s %(dated)s den %(date)s har i "
                    "huvudsak följande lydelse."
                )
                if date is not None
                else _("%(whose)s %(document)s har i huvudsak följande lydelse.")
            )
        else:
            # an answer without text (only its decision and ställning)
            sentence = (
                _("%(whose)s %(document)s %(dated)s den %(date)s återges inte.")
                if date is not None
                else _("%(whose)s %(document)s återges inte.")
            )
        document, dated = self.document(yttrande)
        result: list[nodes.Node] = [
            render.para(
                sentence,
                whose=render.strong(genitive(author)),
                who=render.strong(author),
                document=document,
                dated=dated,
                date=ctx.date(date),
            )
        ]
        if stated is not None and own is not None and stated != own:
            result.append(self._discrepancy(yttrande, stated, own))
        return [*result, *quote]

    def document(self, yttrande: Yttrande) -> tuple[str, str]:
        """What the förvaltning's document is called ("tjänsteskrivelse"),
        and "daterad" in its gender."""
        if yttrande.document:
            return yttrande.document, _(dated(yttrande.document))
        words = self.ctx.config.words
        return _(words.statement), _(words.statement_dated)

    def _reservation_lines(self, yttrande: Yttrande) -> list[nodes.Node]:
        """ "Särskilt uttalande gjordes av …, bilaga 1." for each reservation
        made on the yttrande's decision."""
        ctx = self.ctx
        if "reservationer" not in self.parts:
            # no annex to point to: the reservation itself
            return [
                render.para(
                    _("%(type)s gjordes av %(who)s."),
                    type=ctx.link(reservation, capitalise(readable(reservation.type))),
                    who=_authors(reservation, ctx.locale),
                )
                for reservation in self.for_yttrande(yttrande)
            ]
        return [
            render.para(
                _("%(type)s gjordes av %(who)s, %(annex)s."),
                type=render.emphasis(capitalise(readable(reservation.type))),
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
                "%(instans)s: utlåtandet anger förvaltningens datum som den "
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
                        type=render.emphasis(capitalise(readable(reservation.type))),
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
        return summary_table(self)

    def stallning(self) -> list[nodes.Node]:
        return stance_matrix(self)


_PART_TITLES = {
    "arendet": N_("Ärendet"),
    "beredning": N_("Beredning"),
    "sammanstallning": N_("Remissvaren"),
    "reservationer": N_("Reservationer m.m."),
    "tabell": N_("Remissvar i sammandrag"),
    "stallning": N_("Ställningstaganden"),
}


@generator("remissammanstallning")
def remissammanstallning(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    parts = node.get("parts", "").split()
    anchor = f"{slug(dnr)}-remissammanställning"
    compilation = Compilation(ctx, dnr, anchor, parts)
    block = kommun_generated(
        classes=["kommun-remissammanstallning"], dnr=dnr, parts=" ".join(parts)
    )
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


def _unanswered(who: nodes.Node) -> nodes.paragraph:
    return render.para(
        _("%(who)s har inte besvarat remissen."), classes=["kommun-unanswered"], who=who
    )


def _internal_link(text: str, refid: str) -> nodes.reference:
    return nodes.reference(text, text, refid=refid, internal=True)
