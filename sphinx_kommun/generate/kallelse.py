"""The kallelse: the notice of a sammanträde, sent with the föredragningslista.

``.. kallelse::`` on a page (best the sammanträde's own page, so the
kallelse is the first part of the meeting's PDF) is filled in when the page
is written: "Kallelse till sammanträde med kommunfullmäktige", the time
("måndagen den 15 mars 2021 kl. 13.00") and place, the ärenden with their
handlingar (linked), who is summoned (the body's ledamöter and ersättare
in the register of members), the clerk's own text, and the signature (the
body's ordförande in the register, or ``:undertecknare:``).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from babel.dates import format_date as babel_format_date
from docutils import nodes
from sphinx.util import logging

from .. import render
from ..domain.model import Person
from ..domain.register import Body, Member, register_of
from ..i18n import _
from ..kinds.sammantrade import Sammantrade
from ..nodes import kommun_generated, kommun_pending
from ..reading.generated import GeneratedDirective
from ..swedish import parse_date
from ..vocabulary import readable_role
from .agenda import agenda, agenda_rows, agenda_table
from .context import Context
from .registry import generator

logger = logging.getLogger(__name__)


class KallelseDirective(GeneratedDirective):
    """``.. kallelse::``: the notice of a sammanträde."""

    generated: ClassVar[str] = "kallelse"
    has_content = True
    options_help: ClassVar[dict[str, str]] = {
        "sammantrade": "the id of the sammanträde (default: the one on the same page)",
        "datum": "the date the kallelse is sent (YYYY-MM-DD)",
        "undertecknare": "who signs, one per line: Name, role (default: the "
        "body's ordförande in the register)",
    }

    def run(self) -> list[nodes.Node]:
        register_of(self.env)  # the page is read again when the register changes
        sent = self.date("datum")
        signers = self.persons("undertecknare")
        node = self.pending(
            "kallelse",
            target=self.text("sammantrade"),
            sent=sent.isoformat() if sent else "",
            signers=[(p.name, p.party, p.role) for p in signers],
        )
        node.extend(self.parse_sections() if self.content else [])
        return [node]


def meeting_of(ctx: Context, node: kommun_pending) -> Sammantrade | None:
    """The sammanträde a kallelse is for (warned about when there is none)."""
    target = node["target"]
    if target:
        found = ctx.index.get(target)
        if isinstance(found, Sammantrade):
            return found
        message = _("sammanträdet '%(target)s' finns inte (:sammantrade:)")
    else:
        here: list[Sammantrade] = [
            m for m in ctx.index.sammantraden() if m.docname == ctx.refdoc
        ]
        if len(here) == 1:
            return here[0]
        message = _(
            "kallelsen saknar :sammantrade: och sidan har inget eller flera "
            "sammanträden"
        )
    logger.warning(
        message, {"target": target}, location=node, type="kommun", subtype="ref"
    )
    return None


def when(meeting: Sammantrade, locale: str) -> str:
    """ "måndagen den 15 mars 2021 kl. 13.00" ("Monday 15 March 2021 at 13.00")."""
    parts = []
    if meeting.date is not None:
        parts.append(_day(meeting.date, locale))
    time = meeting.time.strip()
    if time.casefold().startswith("kl."):
        time = time[3:].strip()
    if time:
        parts.append(_("kl. %(time)s") % {"time": time})
    return " ".join(parts)


def _day(date: dt.date, locale: str) -> str:
    weekday = str(babel_format_date(date, "EEEE", locale=locale))
    if locale == "sv":
        weekday += "en"  # måndag → måndagen
    day = str(babel_format_date(date, "d MMMM y", locale=locale))
    return _("%(weekday)s den %(date)s") % {"weekday": weekday, "date": day}


@generator("kallelse")
def kallelse(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    meeting = meeting_of(ctx, node)
    if meeting is None:
        return list(node.children)
    body = register_of(ctx.env).body(meeting.body)
    if body is None:
        logger.warning(
            _(
                "%(body)s finns inte i registret (kommun_ledamoter): kallelsen "
                "namnger inga ledamöter"
            ),
            {"body": meeting.body},
            location=node,
            type="kommun",
            subtype="register",
        )
    anchor = f"{meeting.id}-kallelse"
    title = _("Kallelse till sammanträde med %(body)s") % {
        "body": ctx.in_sentence(meeting.body)
    }
    facts = nodes.field_list(classes=["kommun-kallelse-facts"])
    for label, value in (
        (_("Tid"), when(meeting, ctx.locale)),
        (_("Plats"), meeting.place),
    ):
        if value:
            facts += nodes.field(
                "",
                nodes.field_name(label, label),
                nodes.field_body("", nodes.paragraph(value, value)),
            )
    items = agenda(ctx, meeting)
    section = render.section(
        title,
        anchor,
        facts,
        agenda_table(agenda_rows(ctx, items), f"{anchor}-arenden"),
        *[child.deepcopy() for child in node.children],
        *_summoned(body, meeting.date),
        _signature(ctx, node, body, meeting.date),
        classes=["kommun-kallelse"],
    )
    block = kommun_generated(classes=["kommun-kallelse-block"])
    block += section
    return [block]


def _summoned(body: Body | None, date: dt.date | None) -> list[nodes.Node]:
    """Who is summoned: the ledamöter, and the ersättare for notice, who
    hold their seat on the day (``från``, ``till`` in the register)."""
    if body is None:
        return []
    result: list[nodes.Node] = []
    for label, seated in (
        (_("Kallade ledamöter"), body.ledamoter),
        (_("Ersättare för kännedom"), body.ersattare),
    ):
        members = [m for m in seated if _holds_seat(m, date)]
        if not members:
            continue
        result.append(nodes.rubric(label, label))
        lines = render.as_written(nodes.line_block(classes=["kommun-summoned"]))
        for member in members:
            lines += nodes.line("", "", *_member(member))
        result.append(lines)
    return result


def _holds_seat(member: Member, date: dt.date | None) -> bool:
    return member.seated_on(date)


def _member(member: Member) -> list[nodes.Node]:
    """ "Anna Lindqvist (S), ordförande", the name linked to the person."""
    found: list[nodes.Node] = [
        render.person_link(member.name, member.with_party(), member.party)
    ]
    if member.role:
        found.append(nodes.Text(f", {readable_role(member.role)}"))
    return found


def _signature(
    ctx: Context, node: kommun_pending, body: Body | None, day: dt.date | None
) -> nodes.Node:
    signers = [Person(name=n, party=p, role=r) for n, p, r in node["signers"]]
    chair = body.chair_on(day) if body is not None else None
    if not signers and chair is not None:
        signers = [Person(name=chair.name, role=_("ordförande"))]
    if not signers:
        logger.warning(
            _(
                "kallelsen har ingen undertecknare: ange :undertecknare: eller "
                "organets ordförande i registret"
            ),
            location=node,
            type="kommun",
            subtype="missing",
        )
    intro = []
    if node["sent"]:
        sent = ctx.date(parse_date(node["sent"]))
        intro.append(nodes.paragraph(sent, sent))
    return render.signatures(signers, intro, classes=["kommun-kallelse-signature"])
