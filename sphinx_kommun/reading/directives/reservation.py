"""The ``reservation`` directive: reservation, särskilt uttalande and the like."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import (
    Reservation,
    default_id,
)
from ...i18n import _
from ...swedish import (
    capitalise,
    format_date,
    join,
    output_locale,
)
from ...vocabulary import (
    RESERVATION_TYPES,
    closest,
    definite,
)
from .base import (
    KommunDirective,
    mark_excerpt,
)


class ReservationDirective(KommunDirective):
    """``.. reservation::`` with its kind, authors, body and what it concerns."""

    kind = "reservation"
    required_arguments = 0
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "typ": "reservation, särskilt uttalande, ersättaryttrande or "
        "protokollsanteckning",
        "organ": "the body it was made in",
        "forfattare": "authors, one per line: Name (Party)",
        "avser": "what it concerns: a yttrande (id or instans), a beslut "
        "('beslut' or its id); default the yttrande of :organ:",
        "datum": "date (YYYY-MM-DD)",
    }

    def run(self) -> list[nodes.Node]:
        dnr = self.resolve_dnr()
        written_type = self.opt("typ", "reservation")
        kind = closest(written_type, RESERVATION_TYPES)
        if kind is None:
            self.warn(
                _("okänd typ '%(type)s'; kända är %(known)s"),
                "type",
                {"type": written_type, "known": ", ".join(RESERVATION_TYPES)},
                line=self.option_line("typ"),
            )
            kind = " ".join(written_type.split())
        what = definite(kind)
        authors = self.persons_opt("forfattare")
        if not authors:
            self.warn(
                _("%(what)s saknar författare (:forfattare:)"),
                "missing",
                {"what": what},
            )
        organ = self.opt("organ")
        if not organ and not self.opt("avser"):
            self.warn(
                _("%(what)s anger varken :organ: eller :avser:"),
                "missing",
                {"what": what},
            )
        locale = output_locale(self.config.language)
        by = join((p.with_party() for p in authors), locale)
        title = (
            " ".join(self.arguments[0].split())
            if self.arguments
            else (
                _("%(kind)s av %(who)s") % {"kind": capitalise(kind), "who": by}
                if by
                else capitalise(kind)
            )
        )
        obj_id = self.object_id(
            default_id(
                "reservation", dnr, kind, organ, authors[0].name if authors else ""
            )
        )
        text = nodes.container(classes=["kommun-reservation-text"])
        text.extend(self.parse_body(obj_id, dnr))
        if not len(text):
            self.warn(_("%(what)s saknar text"), "missing", {"what": what})
        excerpt = mark_excerpt(text, obj_id, "text")
        reservation = Reservation(
            id=obj_id,
            **self.where(),
            dnr=dnr,
            title=title,
            excerpts=(excerpt,),
            type=kind,
            authors=authors,
            body=organ,
            date=self.date_opt("datum"),
            concerns_ref=self.opt("avser"),
        )
        reservation = self.with_extra(reservation)
        container = self.container(reservation)
        fields: list[tuple[str, render.Part]] = [(_("Typ"), capitalise(kind))]
        if authors:
            fields.append((_("Av"), render.person_list(authors, locale)))
        if organ:
            fields.append((_("Organ"), organ))
        if reservation.date:
            fields.append((_("Datum"), format_date(reservation.date, locale)))
        container += self.header(
            reservation, fields, classes=["kommun-reservation-header"]
        )
        container += self.pending("concerns", target=obj_id, dnr=dnr)
        container += text
        container.extend(self.footer(reservation))
        self.register(reservation)
        return [container]
