"""Who a name written in a document is: the people of the register.

The register of members (:mod:`.members`) holds seats; a person is the
seats of one name. Seats of the same name are told apart by party: of the
same party one person, of different parties two (namesakes: "Anna
Andersson (S)" in the styrelse and "Anna Andersson (M)" in a nämnd) — unless
a seat's ``tidigare-parti`` names the other's party: a person who changed
party is one person. A seat without a party is the person of that name,
when the register has only one.

A name written in a document is the register's person of that name; of
namesakes, the one whose party is written with it. A name the register
cannot tell apart (without a party, or with one none of them has) is no
one: it links nowhere, and where a person's page would list it (an author,
a signatory, a yrkande, a vote …) it is a ``kommun.namesake`` warning at its
line (:func:`check_namesakes`, after reading), never merged silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..i18n import _
from ..swedish import join, normalise, output_locale, slug
from .members import Member, Register, surname_first
from .model import KommunObject, Participation
from .remote import is_federated

logger = logging.getLogger(__name__)


def person_anchor(name: str, party: str | None = None) -> str:
    """``person-anna-lindqvist``; a namesake's with their party
    (``person-anna-andersson-s``; ``None``: no party to tell them apart)."""
    anchor = "person-" + (slug(name) or "utan-namn")
    if party is None:
        return anchor
    return f"{anchor}-{slug(party) or 'utan-parti'}"


@dataclass(frozen=True)
class RegisterPerson:
    """One person of the register: their seats, in the register's order."""

    name: str
    seats: tuple[Member, ...]
    #: whether the register has another person of the same name
    shared: bool = False

    @property
    def party(self) -> str:
        """Their party now: of their first seat with one no seat names as
        earlier (``tidigare-parti``)."""
        former = {normalise(party) for seat in self.seats for party in seat.former}
        parties = [seat.party for seat in self.seats if seat.party]
        current = [party for party in parties if normalise(party) not in former]
        return (current or parties or [""])[0]

    @property
    def parties(self) -> tuple[str, ...]:
        """Every party of their seats, earlier ones too, normalised."""
        found = [
            normalise(party)
            for seat in self.seats
            for party in (seat.party, *seat.former)
            if party
        ]
        return tuple(dict.fromkeys(found))

    @property
    def title(self) -> str:
        """``Anna Lindqvist``; a namesake ``Anna Andersson (S)``."""
        party = self.party
        return f"{self.name} ({party})" if self.shared and party else self.name

    @property
    def anchor(self) -> str:
        return person_anchor(self.name, self.party if self.shared else None)


class People:
    """The register's people (see the module's description)."""

    def __init__(self, register: Register) -> None:
        seats: dict[str, list[Member]] = {}
        for body in register.bodies:
            for member in body.members:
                seats.setdefault(normalise(member.name), []).append(member)
        self.by_name = {key: _people(found) for key, found in seats.items()}
        self.all = sorted(
            (person for found in self.by_name.values() for person in found),
            key=lambda p: (surname_first(p.name), p.parties),
        )

    def named(self, name: str) -> list[RegisterPerson]:
        return self.by_name.get(normalise(name), [])

    def identify(self, name: str, party: str = "") -> RegisterPerson | None:
        """The person ``name`` (written with ``party``) is, if the register
        can tell."""
        found = self.named(name)
        if len(found) == 1:
            return found[0]
        wanted = normalise(party)
        matching = [p for p in found if wanted and wanted in p.parties]
        return matching[0] if len(matching) == 1 else None

    def ambiguous(self, name: str, party: str = "") -> bool:
        """Whether ``name`` is several people the party does not tell apart."""
        return len(self.named(name)) > 1 and self.identify(name, party) is None


def _people(seats: Sequence[Member]) -> list[RegisterPerson]:
    """The people of one name: seats grouped by party, a person who changed
    party (``tidigare-parti``) one group; seats without a party join the one
    group there is (else they are a person of their own)."""
    groups: list[tuple[set[str], list[Member]]] = []
    for seat in seats:
        parties = {normalise(p) for p in (seat.party, *seat.former) if p}
        joined = [g for g in groups if g[0] & parties]
        merged: tuple[set[str], list[Member]] = (set(parties), [])
        for group in joined:
            merged[0].update(group[0])
            merged[1].extend(group[1])
            groups.remove(group)
        merged[1].append(seat)
        groups.append(merged)
    with_party = [g for g in groups if g[0]]
    without = [seat for g in groups if not g[0] for seat in g[1]]
    if without and len(with_party) == 1:
        with_party[0][1].extend(without)
    elif without:
        with_party.append((set(), without))
    order = {id(seat): number for number, seat in enumerate(seats)}
    found = [sorted(g[1], key=lambda seat: order[id(seat)]) for g in with_party]
    found.sort(key=lambda group: order[id(group[0])])
    return [
        RegisterPerson(group[0].name, tuple(group), shared=len(found) > 1)
        for group in found
    ]


# -- names the register cannot tell apart ------------------------------------------


def check_namesakes(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: each name a person's page would list that
    is several people of the register, at its line (``kommun.namesake``)."""
    from .register import register_of
    from .store import get_domain

    people = People(register_of(env))
    if not any(len(found) > 1 for found in people.by_name.values()):
        return
    for obj in get_domain(env).index.objects:
        if is_federated(obj.docname):
            continue
        for act in _unique(obj.participants()):
            if people.ambiguous(act.name, act.party):
                _warn(obj, act, people.named(act.name), app.config.language)


def _unique(acts: Iterable[Participation]) -> list[Participation]:
    """Each name once per option (a yrkande and its votes are one name)."""
    seen: dict[tuple[str, str, str], Participation] = {}
    for act in acts:
        seen.setdefault((normalise(act.name), normalise(act.party), act.option), act)
    return list(seen.values())


def _warn(
    obj: KommunObject,
    act: Participation,
    namesakes: Sequence[RegisterPerson],
    language: str | None,
) -> None:
    written = f"{act.name} ({act.party})" if act.party else act.name
    who = join([p.title for p in namesakes], output_locale(language), style="or")
    message = _(
        "%(written)s kan vara flera personer i registret (%(who)s): skriv "
        "partiet som registret har det, så länkas namnet till rätt person"
    )
    logger.warning(
        message % {"written": written, "who": who},
        location=(obj.docname, obj.line_of(act.option)),
        type="kommun",
        subtype="namesake",
    )
