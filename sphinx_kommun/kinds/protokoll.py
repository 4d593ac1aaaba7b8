"""Protokoll: what a body's meeting decided, its närvaro, justering and anslag.

The §§ are ``paragraf`` directives in its content (:mod:`.paragraf`); their
numbers continue over the body's year (:mod:`sphinx_kommun.domain.protocol`).
While the content is read, the protokoll's närvaro is kept in the document
(:data:`CURRENT_PROTOKOLL`) so each § checks its votes against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from .. import render
from ..domain.appeal import last_appeal_day
from ..domain.model import KommunObject, Person
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..swedish import format_date, genitive, parse_date, slug
from .narvaro import (
    Substitute,
    check_register,
    read_person,
    registered_chair,
    substitutes,
)

#: While a protokoll's content is read: what its §§ need of it.
CURRENT_PROTOKOLL = "kommun:protokoll"
#: While a §'s content is read: its id, body and date (a reservation in it
#: concerns it, made in that body on that day).
CURRENT_PARAGRAF = "kommun:paragraf"

#: The longest time from the meeting to the justering (KL 5 kap. 69 §) and
#: from the justering to its anslag (KL 8 kap. 12 §), in days.
JUSTERING_DAYS = 14
ANSLAG_DAYS = 2


@dataclass(frozen=True, kw_only=True)
class Protokoll(KommunObject):
    kind: ClassVar[str] = "protokoll"
    label: ClassVar[str] = N_("protokoll")

    body: str = ""
    date: dt.date | None = None
    time: str = ""
    place: str = ""
    #: tjänstgörande ledamöter, ersättare serving, others present
    members: tuple[Person, ...] = ()
    substitutes: tuple[Substitute, ...] = ()
    others: tuple[Person, ...] = ()
    chair: Person | None = None
    secretary: Person | None = None
    adjusters: tuple[Person, ...] = ()
    #: the justering: date, place, digital
    adjusted: dt.date | None = None
    adjusted_place: str = ""
    digital: bool = False
    #: the anslag: posted, taken down
    posted: dt.date | None = None
    taken_down: dt.date | None = None
    #: where the protokoll is kept, as the anslag says (KL 8 kap. 12 §)
    kept: str = ""
    #: ``:forsta-paragraf:``, when written
    first: int | None = None
    #: how many §§ it has
    paragraphs: int = 0

    @property
    def serving(self) -> tuple[Person, ...]:
        """Who serves: the ledamöter and the ersättare serving."""
        return (*self.members, *(s.person for s in self.substitutes))

    @property
    def appeal_day(self) -> dt.date | None:
        return last_appeal_day(self.posted) if self.posted else None


OPTIONS = {
    "organ": kind.text("the body (default: the profile's fullmäktige)"),
    "datum": kind.date("date of the meeting (YYYY-MM-DD)"),
    "tid": kind.text("time, e.g. 18.00–21.15"),
    "plats": kind.text("where the meeting was held"),
    "ledamoter": kind.persons("tjänstgörande ledamöter, one per line: Name (Party)"),
    "ersattare": kind.entries(
        "ersättare serving, one per line: 'Name (Party) för Name (Party)'"
    ),
    "ovriga": kind.persons("others present, one per line: 'Name, role'"),
    "ordforande": kind.text(
        "the chair: Name (Party) (default: the body's ordförande in the register)"
    ),
    "sekreterare": kind.text("the secretary: Name"),
    "justerare": kind.persons("who adjusts the protokoll, one per line"),
    "justering": kind.text(
        "date and place of the justering: 'YYYY-MM-DD, place' or "
        "'YYYY-MM-DD, digital justering'"
    ),
    "anslag": kind.date("the day the justering was posted on the anslagstavla"),
    "anslag-ned": kind.date("the day the anslag is taken down"),
    "forvaringsplats": kind.text(
        "where the protokoll is kept, as the anslag says (KL 8 kap. 12 §)"
    ),
    "forsta-paragraf": kind.text("the number of its first § (default: continued)"),
}


def default_title(organ: str, when: dt.date | None, locale: str) -> str:
    """ "Kommunfullmäktiges protokoll 17 juni 2024", a protokoll's title
    when none is written."""
    return _("%(organ_gen)s protokoll %(date)s") % {
        "organ": organ,
        "organ_gen": genitive(organ),
        "date": format_date(when, locale) if when else "",
    }


def _justering(d: ObjectDirective) -> tuple[dt.date | None, str, bool]:
    written = d.text("justering")
    if not written:
        return None, "", False
    head, _sep, place = (part.strip() for part in written.partition(","))
    try:
        when = parse_date(head)
    except ValueError as err:
        d.warn(
            _("fel datum i :justering: '%(value)s': %(error)s"),
            "date",
            {"value": head, "error": err},
            line=d.option_line("justering"),
        )
        when = None
    digital = place.casefold().startswith("digital")
    return when, "" if digital else place, digital


def _first(d: ObjectDirective) -> int | None:
    written = d.text("forsta-paragraf").lstrip("§ ").strip()
    if not written:
        return None
    if not written.isdigit() or int(written) < 1:
        d.warn(
            _("fel värde för 'forsta-paragraf': %(error)s"),
            "option",
            {"error": _("ett nummer, 1 eller större")},
            line=d.option_line("forsta-paragraf"),
        )
        return None
    return int(written)


def _check_dates(d: ObjectDirective, values: dict[str, Any]) -> None:
    meeting, adjusted, posted = values["date"], values["adjusted"], values["posted"]
    if meeting and adjusted and (adjusted - meeting).days > JUSTERING_DAYS:
        d.warn(
            _(
                "protokollet justeras %(days)s dagar efter sammanträdet; det ska "
                "justeras inom 14 dagar (KL 5 kap. 69 §)"
            ),
            "justering",
            {"days": (adjusted - meeting).days},
            line=d.option_line("justering"),
        )
    if meeting and adjusted and adjusted < meeting:
        d.warn(
            _("protokollet justeras före sammanträdet"),
            "justering",
            line=d.option_line("justering"),
        )
    if adjusted and posted and not 0 <= (posted - adjusted).days <= ANSLAG_DAYS:
        d.warn(
            _(
                "justeringen anslås %(days)s dagar efter justeringen; den ska "
                "anslås inom två dagar efter justeringen (KL 8 kap. 12 §)"
            ),
            "anslag",
            {"days": (posted - adjusted).days},
            line=d.option_line("anslag"),
        )
    down = values["taken_down"]
    if posted and down and down <= last_appeal_day(posted):
        d.warn(
            _(
                "anslaget tas ned %(down)s, men det ska sitta uppe till dess att "
                "tiden för överklagande har gått ut den %(last)s (KL 8 kap. 12 §)"
            ),
            "anslag",
            {"down": down.isoformat(), "last": last_appeal_day(posted).isoformat()},
            line=d.option_line("anslag-ned"),
        )


def parse(d: ObjectDirective) -> tuple[Protokoll, list[nodes.Node]]:
    organ = d.value("organ") or d.kommun_config.words.council
    when = d.value("datum")
    if when is None and not d.text("datum"):
        d.warn(_("protokollet saknar datum (:datum:)"), "missing")
    members = d.value("ledamoter")
    if not members:
        d.warn(_("protokollet saknar tjänstgörande ledamöter (:ledamoter:)"), "missing")
    adjusted, adjusted_place, digital = _justering(d)
    values: dict[str, Any] = {
        "body": organ,
        "date": when,
        "time": d.value("tid"),
        "place": d.value("plats"),
        "members": members,
        "substitutes": tuple(substitutes(d, members)),
        "others": d.value("ovriga"),
        "chair": read_person(d, "ordforande", d.value("ordforande"))
        or registered_chair(d, organ, when),
        "secretary": read_person(d, "sekreterare", d.value("sekreterare")),
        "adjusters": d.value("justerare"),
        "adjusted": adjusted,
        "adjusted_place": adjusted_place,
        "digital": digital,
        "posted": d.value("anslag"),
        "taken_down": d.value("anslag-ned"),
        "kept": d.value("forvaringsplats"),
        "first": _first(d),
    }
    _check_dates(d, values)
    check_register(d, organ, members, values["substitutes"])
    day = when.isoformat() if when else ""
    obj_id = d.object_id(slug(f"protokoll {organ} {day}"))
    title = d.argument() or default_title(organ, when, d.locale)
    draft = Protokoll(id=obj_id, **d.where(), dnr="", title=title.strip(), **values)
    doc = d.env.current_document
    previous = doc.get(CURRENT_PROTOKOLL)
    doc[CURRENT_PROTOKOLL] = {"protokoll": draft, "count": 0}
    try:
        body = d.body("")
        count = doc[CURRENT_PROTOKOLL]["count"]
    finally:
        doc[CURRENT_PROTOKOLL] = previous
    return Protokoll(
        id=obj_id, **d.where(), dnr="", title=draft.title, **values, paragraphs=count
    ), body


def _names(people: tuple[Person, ...], locale: str) -> render.Part:
    return render.person_list(people, locale) if people else ""


def _listed(parts: list[list[nodes.Node]]) -> list[nodes.Node]:
    """Entries of a header field, separated by semicolons."""
    found: list[nodes.Node] = []
    for number, part in enumerate(parts):
        if number:
            found.append(nodes.Text("; "))
        found.extend(part)
    return found


def _narvaro(d: ObjectDirective, protokoll: Protokoll) -> nodes.Element:
    """Who serves and who else is present, each name linked to the person."""
    substitutes = [
        [
            *render.person_inline(s.person),
            *render.fill(" " + _("för %(name)s"), name=render.person_inline(s.ledamot)),
        ]
        for s in protokoll.substitutes
    ]
    others = [
        [
            render.person_link(p.name, p.name),
            nodes.Text(f", {p.role}" if p.role else ""),
        ]
        for p in protokoll.others
    ]
    fields = d.fields(
        (_("Tjänstgörande ledamöter"), _names(protokoll.members, d.locale)),
        (_("Tjänstgörande ersättare"), _listed(substitutes)),
        (_("Övriga närvarande"), _listed(others)),
    )
    block = render.header(fields, classes=["kommun-narvaro"])
    return block


def justering_fields(
    protokoll: Protokoll, locale: str
) -> list[tuple[str, render.Part]]:
    """The justering and the anslag, as the protokoll's end and an extract
    show them: justerare, date and place, the anslag's dates, the last day
    to appeal."""
    how = _("digital justering") if protokoll.digital else protokoll.adjusted_place
    when = format_date(protokoll.adjusted, locale) if protokoll.adjusted else ""

    def day(date: dt.date | None) -> str:
        return format_date(date, locale) if date else ""

    rows: list[tuple[str, render.Part]] = [
        (_("Justerare"), _names(protokoll.adjusters, locale)),
        (_("Justering"), ", ".join(part for part in (when, how) if part)),
        (_("Anslaget på anslagstavlan"), day(protokoll.posted)),
        (_("Anslaget tas ned"), day(protokoll.taken_down)),
        (_("Sista dag att överklaga"), day(protokoll.appeal_day)),
        (_("Förvaringsplats för protokollet"), protokoll.kept),
    ]
    return [(label, value) for label, value in rows if value]


def _signatures(d: ObjectDirective, protokoll: Protokoll) -> nodes.Element:
    """The secretary's, the chair's and the justerare's signatures, as a
    protokoll's underskrifter are ordered; or who adjusted it digitally."""
    chair = [protokoll.chair] if protokoll.chair else []
    secretary = [protokoll.secretary] if protokoll.secretary else []
    if protokoll.digital:
        who = render.person_list([*chair, *protokoll.adjusters], d.locale)
        return render.para(
            _("Protokollet justeras digitalt av %(who)s."),
            classes=["kommun-protokoll-signatures"],
            who=who,
        )
    return render.signatures(
        [
            *(Person(p.name, role=_("sekreterare")) for p in secretary),
            *(Person(p.name, role=_("ordförande")) for p in chair),
            *(Person(p.name, role=_("justerare")) for p in protokoll.adjusters),
        ],
        classes=["kommun-protokoll-signatures"],
    )


def render_protokoll(
    d: ObjectDirective, protokoll: Protokoll, body: list[nodes.Node]
) -> list[nodes.Node]:
    chair, secretary = protokoll.chair, protokoll.secretary
    people: list[tuple[str, render.Part]] = [
        (_("Ordförande"), render.person_inline(chair) if chair else ""),
        (
            _("Sekreterare"),
            render.person_link(secretary.name, secretary.name) if secretary else "",
        ),
    ]
    fields = d.fields(
        (_("Organ"), protokoll.body),
        (_("Datum"), protokoll.date),
        (_("Tid"), protokoll.time),
        (_("Plats"), protokoll.place),
        *people,
    )
    container = d.container(protokoll)
    container += d.header(protokoll, fields, classes=["kommun-protokoll-header"])
    container += render.rubric(protokoll.title, classes=["kommun-doc-title"])
    container += render.rubric(_("Närvarande"), classes=["kommun-narvaro-title"])
    container += _narvaro(d, protokoll)
    container.extend(body)
    container += render.rubric(
        _("Justering och anslag"), classes=["kommun-justering-title"]
    )
    container += render.header(
        justering_fields(protokoll, d.locale), classes=["kommun-justering"]
    )
    if protokoll.appeal_day is not None:
        container += render.para(
            _(
                "Den som vill överklaga ett beslut genom laglighetsprövning ska "
                "göra det senast den %(date)s (kommunallagen 13 kap. 5 §)."
            ),
            classes=["kommun-appeal"],
            date=format_date(protokoll.appeal_day, d.locale),
        )
    container += _signatures(d, protokoll)
    container.extend(d.footer(protokoll))
    container += d.backlinks(protokoll)
    return [container]


KIND = kind.Kind(
    Protokoll,
    ("protokoll",),
    OPTIONS,
    parse,
    render_protokoll,
    colour="#D5E8D4",
)
