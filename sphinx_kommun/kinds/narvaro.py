"""Who serves at a meeting: the ledamöter, the ersättare serving for a
named ledamot, and — with a register of the body (``kommun_ledamoter``) —
whether they are its members and the body has a quorum."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.model import Person
from ..domain.register import Body, register_of
from ..i18n import _
from ..reading.directive import ObjectDirective
from ..reading.people import PersonError, parse_person
from ..swedish import normalise

_FOR = re.compile(r"\s+för\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Substitute:
    """An ersättare serving for a named ledamot."""

    person: Person
    ledamot: Person


def read_person(d: ObjectDirective, option: str, entry: str) -> Person | None:
    if not entry:
        return None
    try:
        return parse_person(entry)
    except PersonError as err:
        d.warn(
            _("kan inte läsa personen '%(entry)s' i '%(option)s'"),
            "person",
            {"entry": entry, "option": option},
        )
        return err.person


def registered_chair(
    d: ObjectDirective, organ: str, day: dt.date | None
) -> Person | None:
    """The body's ordförande on ``day`` in the register (``kommun_ledamoter``),
    for a protokoll that names none."""
    body = register_of(d.env).body(organ)
    chair = body.chair_on(day) if body is not None else None
    return Person(name=chair.name, party=chair.party) if chair else None


def substitutes(d: ObjectDirective, members: tuple[Person, ...]) -> list[Substitute]:
    present = {normalise(p.name) for p in members}
    found = []
    line = d.option_line("ersattare")
    for entry in d.value("ersattare"):
        parts = _FOR.split(entry, maxsplit=1)
        person = read_person(d, "ersattare", parts[0])
        if person is None:
            continue
        if len(parts) < 2:
            d.warn(
                _(
                    "ersättaren %(name)s tjänstgör inte för någon: skriv 'Namn för Namn'"
                ),
                "missing",
                {"name": person.name},
                line=line,
            )
            found.append(Substitute(person, Person(name="")))
            continue
        ledamot = read_person(d, "ersattare", parts[1]) or Person(name=parts[1])
        if normalise(ledamot.name) in present:
            d.warn(
                _(
                    "ersättaren %(name)s tjänstgör för %(ledamot)s, som själv "
                    "tjänstgör (:ledamoter:)"
                ),
                "narvaro",
                {"name": person.name, "ledamot": ledamot.name},
                line=line,
            )
        found.append(Substitute(person, ledamot))
    return found


def check_register(
    d: ObjectDirective,
    organ: str,
    members: Sequence[Person],
    substitutes: Sequence[Substitute],
) -> None:
    """With a register (``kommun_ledamoter``) of the body: who serves is a
    ledamot or ersättare of it, and more than half its seats are filled
    (KL 5 kap. 57 §)."""
    body = register_of(d.env).body(organ)
    if body is None:
        return
    _check_seats(d, body, members, substitutes)
    serving = len(members) + len(substitutes)
    if serving * 2 <= body.seats:
        d.warn(
            _(
                "%(body)s är inte beslutfört: %(serving)s av %(seats)s ledamöter "
                "tjänstgör, mer än hälften måste vara närvarande (KL 5 kap. 57 §)"
            ),
            "quorum",
            {"body": body.name, "serving": serving, "seats": body.seats},
            line=d.option_line("ledamoter"),
        )


def _check_seats(
    d: ObjectDirective,
    body: Body,
    members: Sequence[Person],
    substitutes: Sequence[Substitute],
) -> None:
    """Each who serves is in the register, a ledamot as ledamot; an
    ersättare serves for one of the body's ledamöter."""
    seats = {"ledamoter": members, "ersattare": [s.person for s in substitutes]}
    for option, people in seats.items():
        for person in people:
            member = body.member(person.name)
            values = {"name": person.name, "body": body.name, "option": option}
            if member is None:
                d.warn(
                    _("%(name)s tjänstgör men finns inte i registret för %(body)s"),
                    "narvaro",
                    values,
                )
            elif option == "ledamoter" and member.seat != "ledamot":
                d.warn(
                    _(
                        "%(name)s är ersättare i %(body)s: skriv 'Namn för Namn' "
                        "under :ersattare:"
                    ),
                    "narvaro",
                    values,
                )
    for substitute in substitutes:
        replaced = body.member(substitute.ledamot.name)
        if substitute.ledamot.name and (replaced is None or replaced.seat != "ledamot"):
            d.warn(
                _(
                    "%(ledamot)s, som %(name)s tjänstgör för, är inte ledamot i %(body)s"
                ),
                "narvaro",
                {
                    "ledamot": substitute.ledamot.name,
                    "name": substitute.person.name,
                    "body": body.name,
                    "option": "ersattare",
                },
            )
