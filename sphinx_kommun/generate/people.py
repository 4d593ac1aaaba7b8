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
from ..domain.register import Member, register_of
from ..i18n import N_, _
from ..nodes import kommun_generated, kommun_pending
from ..reading.generated import GeneratedDirective
from ..swedish import capitalise, fold, format_date, normalise, slug
from ..vocabulary import readable
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


def person_anchor(name: str) -> str:
    return "person-" + (slug(name) or "utan-namn")


class PersonregisterDirective(GeneratedDirective):
    """``.. personregister::``: a section per person of the register."""

    generated: ClassVar[str] = "personregister"
    has_content = True  # the options may be written there, and an introduction
    options_help: ClassVar[dict[str, str]] = {
        "organ": "only the members of these bodies, one per line or ';' "
        "(default: every body of the register)",
        "person": "only these people, one per line or ';' (a page of one's own)",
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
        seats: dict[str, list[Member]] = {}
        for body in bodies:
            for member in body.members:
                seats.setdefault(normalise(member.name), []).append(member)
        names = [n for n in register.people() if normalise(n) in seats]
        chosen = self.entries("person")
        if chosen:
            names = self._chosen(chosen, names)
        intro = self.parse_sections() if self.content else []
        return [*intro, *(self._person(name, seats[normalise(name)]) for name in names)]

    def _chosen(self, chosen: list[str], names: list[str]) -> list[str]:
        """The people ``:person:`` names, as the register spells them."""
        known = {normalise(name): name for name in names}
        found = []
        for name in chosen:
            if normalise(name) in known:
                found.append(known[normalise(name)])
            else:
                self.warn(
                    _("%(name)s finns inte i registret"),
                    "register",
                    {"name": name, "option": "person"},
                )
        return found

    def _period(self, seat: Member) -> str:
        """ "1 januari 2023 – 31 december 2026", either end left open."""
        start, end = (
            format_date(day, self.locale) if day else ""
            for day in (seat.start, seat.end)
        )
        return f"{start} – {end}".strip() if start or end else ""

    def _person(self, name: str, seats: list[Member]) -> nodes.section:
        anchor = person_anchor(name)
        headers = [_("Organ"), _("Uppdrag"), _("Parti"), _("Roll")]
        rows: list[tuple[str, ...]] = [
            (
                seat.body,
                capitalise(_(SEAT_LABELS[seat.seat])),
                seat.party,
                seat.role or "",
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
        placeholder = self.pending("person", person=name, anchor=anchor)
        section = render.section(name, anchor, table, placeholder)
        section["names"].append(fold(anchor))
        section["classes"].append("kommun-person")
        return section


@generator("person")
def person(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """What the person did, per kind of act, each object linked."""
    wanted = normalise(node["person"])
    done: dict[str, list[tuple[KommunObject, Participation]]] = {}
    # objects without a dnr too (a protokoll, a sammanträde)
    for dnr in ["", *ctx.index.dnrs()]:
        for obj in ctx.index.of_dnr(dnr):
            for act in obj.participants():
                if normalise(act.name) == wanted:
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
