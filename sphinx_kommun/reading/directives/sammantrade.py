"""The ``sammantrade`` directive: a meeting and the ärenden on its agenda."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import Sammantrade
from ...i18n import _
from ...swedish import (
    format_date,
    output_locale,
    slug,
)
from .base import KommunDirective


class SammantradeDirective(KommunDirective):
    """``.. sammantrade:: Rubrik`` with ``:arenden:`` in agenda order.

    Renders the föredragningslista; in LaTeX the meeting's PDF also holds
    each ärende's utlåtande and bilagor after it.
    """

    kind = "sammantrade"
    required_arguments = 0
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "organ": "the body meeting (default Kommunfullmäktige)",
        "datum": "date of the meeting (YYYY-MM-DD)",
        "tid": "time, e.g. 18.00",
        "plats": "where the meeting is held",
        "arenden": "diarienummer of the ärenden on the agenda, in order",
    }

    def run(self) -> list[nodes.Node]:
        organ = self.opt("organ", "Kommunfullmäktige")
        date = self.date_opt("datum")
        if date is None and not self.opt("datum"):
            self.warn(_("sammanträdet saknar datum (:datum:)"), "missing")
        locale = output_locale(self.config.language)
        items = []
        for entry in self.list_opt("arenden"):
            dnr = " ".join(entry.split())
            if not self.kommun_config.dnr_regex.fullmatch(dnr):
                self.warn(
                    _("diarienumret '%(dnr)s' har inte formen %(pattern)s"),
                    "dnr",
                    {"dnr": dnr, "pattern": self.kommun_config.dnr_pattern},
                    line=self.option_line("arenden"),
                )
            if dnr in items:
                self.warn(
                    _("ärendet %(dnr)s står två gånger på föredragningslistan"),
                    "duplicate",
                    {"dnr": dnr},
                    line=self.option_line("arenden"),
                )
                continue
            items.append(dnr)
        if not items:
            self.warn(_("sammanträdet har inga ärenden (:arenden:)"), "missing")
        when = format_date(date, locale) if date else ""
        title = (
            " ".join(self.arguments[0].split())
            if self.arguments
            else f"{organ} {when}".strip()
        )
        default = slug(f"{organ} {date.isoformat() if date else ''}") or "sammantrade"
        obj_id = self.object_id(default)
        meeting = Sammantrade(
            id=obj_id,
            **self.where(),
            dnr="",
            title=title,
            body=organ,
            date=date,
            time=self.opt("tid"),
            place=self.opt("plats"),
            items=tuple(items),
        )
        meeting = self.with_extra(meeting)
        container = self.container(meeting)
        fields: list[tuple[str, render.Part]] = [(_("Organ"), organ)]
        if date:
            fields.append((_("Datum"), when))
        if meeting.time:
            fields.append((_("Tid"), meeting.time))
        if meeting.place:
            fields.append((_("Plats"), meeting.place))
        container += self.header(meeting, fields, classes=["kommun-sammantrade-header"])
        container += render.rubric(title, classes=["kommun-doc-title"])
        container.extend(self.parse_body(obj_id, ""))
        container += self.pending("sammantrade-agenda", target=obj_id)
        container.extend(self.footer(meeting))
        self.register(meeting)
        return [container]
