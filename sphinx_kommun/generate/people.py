"""The personregister: a section per person of the register of members.

``.. personregister::`` writes, while its page is read, one section per
person of the register (:mod:`~sphinx_kommun.domain.register`), with their
bodies and seats; what the person signed, proposed, reserved and how they
voted is filled in when the page is written, from every object's
:meth:`~sphinx_kommun.domain.model.KommunObject.participants` (a kind
such as the protokoll's § adds votes by overriding it). Names anywhere in
the project link to the person's section (:func:`~sphinx_kommun.render.person_inline`).
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import (
    ATTESTED,
    PROPOSED,
    RESERVED,
    SIGNED,
    VOTED,
    KommunObject,
    Participation,
)
from ..domain.people import People, RegisterPerson
from ..domain.register import Member, register_of
from ..i18n import N_, _
from ..nodes import kommun_generated, kommun_pending
from ..reading.generated import GeneratedDirective
from ..reading.people import PersonError, parse_person
from ..swedish import capitalise, fold, format_date, join, normalise
from ..vocabulary import readable, readable_role
from .context import Context
from .registry import generator

#: What a person did, as the person's section heads it, in this order.
HEADINGS = {
    PROPOSED: N_("Motioner och yrkanden"),
    SIGNED: N_("Undertecknat"),
    ATTESTED: N_("Attesterat"),
    RESERVED: N_("Reservationer och protokollsanteckningar"),
    VOTED: N_("Omröstningar"),
}
OTHER = N_("Övrigt")
#: A seat, as the table of seats names it.
SEAT_LABELS = {"ledamot": N_("ledamot"), "ersättare": N_("ersättare")}


class PersonregisterDirective(GeneratedDirective):
    """``.. personregister::``: a section per person of the register."""

    generated: ClassVar[str] = "personregister"
    has_content = True  # the options may be written there, and an introduction
    options_help: ClassVar[dict[str, str]] = {
        "organ": "only the members of these bodies, one per line or ';' "
        "(default: every body of the register)",
        "person": "only these people, one per line or ';' (a page of one's own; "
        "Name (Party) for one of two of the same name)",
    }

    def run(self) -> list[nodes.Node]:
        register = register_of(self.env)
        bodies = list(register.bodies)
        wanted = self.entries("organ")
        if wanted:
            bodies = []
            for name in wanted:
                body = register.body(name)
                if body is None:
                    self.warn(
                        _("organet '%(body)s' finns inte i registret"),
                        "register",
                        {"body": name, "option": "organ"},
                    )
                else:
                    bodies.append(body)
        if not register.bodies:
            self.warn(
                _("personregistret är tomt: kommun_ledamoter anger inget register"),
                "register",
            )
        shown = {id(member) for body in bodies for member in body.members}
        people = People(register)
        found = [
            (person, [seat for seat in person.seats if id(seat) in shown])
            for person in people.all
        ]
        found = [(person, seats) for person, seats in found if seats]
        chosen = self.entries("person")
        if chosen:
            found = self._chosen(chosen, people, found)
        intro = self.parse_sections() if self.content else []
        return [*intro, *(self._person(person, seats) for person, seats in found)]

    def _chosen(
        self,
        chosen: list[str],
        people: People,
        found: list[tuple[RegisterPerson, list[Member]]],
    ) -> list[tuple[RegisterPerson, list[Member]]]:
        """The people ``:person:`` names (``Name (Party)`` for a namesake)."""
        wanted = []
        for entry in chosen:
            try:
                written = parse_person(entry)
            except PersonError as err:
                written = err.person
            person = people.identify(written.name, written.party)
            if person is not None:
                wanted.append(person)
            elif people.named(written.name):
                self.warn(
                    _(
                        "%(name)s kan vara flera personer i registret (%(who)s): "
                        "skriv partiet"
                    ),
                    "namesake",
                    {
                        "name": entry,
                        "who": join(
                            [p.title for p in people.named(written.name)],
                            self.locale,
                            style="or",
                        ),
                        "option": "person",
                    },
                )
            else:
                self.warn(
                    _("%(name)s finns inte i registret"),
                    "register",
                    {"name": entry, "option": "person"},
                )
        return [(person, seats) for person, seats in found if person in wanted]

    def _period(self, seat: Member) -> str:
        """ "1 januari 2023 – 31 december 2026", either end left open."""
        start, end = (
            format_date(day, self.locale) if day else ""
            for day in (seat.start, seat.end)
        )
        return f"{start} – {end}".strip() if start or end else ""

    def _person(self, person: RegisterPerson, seats: list[Member]) -> nodes.section:
        anchor = person.anchor
        headers = [_("Organ"), _("Uppdrag"), _("Parti"), _("Roll")]
        rows: list[tuple[str, ...]] = [
            (
                seat.body,
                capitalise(_(SEAT_LABELS[seat.seat])),
                seat.party,
                readable_role(seat.role or ""),
            )
            for seat in seats
        ]
        if any(seat.start or seat.end for seat in seats):
            headers.append(_("Period"))
            rows = [
                (*row, self._period(seat))
                for row, seat in zip(rows, seats, strict=True)
            ]
        table = render.table(
            headers,
            rows,
            widths=[5, 3, 2, 3, 4][: len(headers)],
            title=_("Förtroendeuppdrag"),
            node_id=f"{anchor}-uppdrag",
        )
        placeholder = self.pending("person", person=person.name, anchor=anchor)
        if person.shared:  # a namesake: the party tells them apart
            placeholder["parties"] = list(person.parties)
        section = render.section(person.title, anchor, table, placeholder)
        section["names"].append(fold(anchor))
        section["classes"].append("kommun-person")
        return section


@generator("person")
def person(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """What the person did, per kind of act, each object linked."""
    wanted = normalise(node["person"])
    parties = node.get("parties")  # a namesake's: the party tells
    done: dict[str, list[tuple[KommunObject, Participation]]] = {}
    # objects without a dnr too (a protokoll, a sammanträde)
    for dnr in ["", *ctx.index.dnrs()]:
        for obj in ctx.index.of_dnr(dnr):
            for act in obj.participants():
                if normalise(act.name) == wanted and (
                    parties is None or normalise(act.party) in parties
                ):
                    key = act.what if act.what in HEADINGS else OTHER
                    done.setdefault(key, []).append((obj, act))
    block = kommun_generated(classes=["kommun-person-acts"])
    if not done:
        block += nodes.paragraph("", _("Inget registrerat i handlingarna."))
        return [block]
    for key in [*HEADINGS, OTHER]:
        if key not in done:
            continue
        items = [_act(ctx, obj, act) for obj, act in done[key]]
        block += nodes.rubric("", _(HEADINGS.get(key, OTHER)))
        block += _list(items)
    return [block]


def _act(ctx: Context, obj: KommunObject, act: Participation) -> list[nodes.Node]:
    """ "Motion om fler laddplatser, KS 2020/0412"; a vote with its answer."""
    text = ctx.labelled(obj)
    result: list[nodes.Node] = [ctx.link(obj, text)]
    if obj.dnr:
        result.append(nodes.Text(f", {obj.dnr}"))
    detail = readable(act.detail)  # a reservation's kind, a vote's answer
    if detail and fold(detail) not in fold(text):
        result.append(nodes.Text(f": {detail}"))  # lower case after a colon
    return result


def _list(items: list[list[nodes.Node]]) -> nodes.bullet_list:
    listing = nodes.bullet_list()
    for item in items:
        listing += nodes.list_item("", nodes.paragraph("", "", *item))
    return listing
