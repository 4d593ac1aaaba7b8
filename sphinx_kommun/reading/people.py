"""People as a clerk writes them in a list option.

``Name (Party) [note]`` (motionärer, authors) or ``Name, role[, YYYY-MM-DD]``
(signatories, attestations).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..domain.model import Person
from ..swedish import parse_date

_PERSON = re.compile(
    r"^\s*(?P<name>[^()\[\]]+?)\s*(?:\((?P<party>[^()]*)\))?\s*"
    r"(?:\[(?P<note>[^\]]*)\])?\s*$"
)
#: A name marked as personal data, ``:personuppgift:`Lina Öberg``` (MyST:
#: ``{personuppgift}`Lina Öberg```), what may follow it (a role) after it; in
#: a public build its text is "[personuppgift]" by the time it is read
_MARKED = re.compile(
    r"^\s*(?::personuppgift:|\{personuppgift\})`(?P<name>[^`]*)`(?P<rest>.*)$",
    re.DOTALL,
)
_WITHDRAWN_NOTES = ("ej tjänstgörande", "återkallad", "utgår")
#: "m.fl." (med flera) after a name, or after its party: the person and
#: others not named ("m.fl", "m. fl.", "m fl", "mfl", "med flera", "et al.")
_OTHERS = re.compile(
    r"(?:\s+|,\s*)(?:m\.?\s*fl\.?|med\s+flera|et\s+al\.?)\s*$", re.IGNORECASE
)
_SEPARATORS = re.compile(r"\s*(?:;|\n)\s*")


def split_entries(value: str) -> list[str]:
    """Entries of a list option: one per line, or separated by semicolons."""
    return [entry.strip() for entry in _SEPARATORS.split(value) if entry.strip()]


class PersonError(ValueError):
    """An entry :func:`parse_person` cannot read whole.

    ``kind`` is ``"date"`` (a date that is not one: ``value``), ``"place"``
    (a date, ``value``, before the role, where it would be read as part of
    it) or ``"person"`` (no name to read); ``person`` is what could be read,
    with the misplaced date as its date.
    """

    def __init__(self, message: str, kind: str, person: Person, value: str = ""):
        super().__init__(message)
        self.kind = kind
        self.person = person
        self.value = value


def parse_person(entry: str, *, with_dates: bool = False) -> Person:
    """One person of a list option.

    ``Name (Party) [note]`` (a note such as ``[ej tjänstgörande]`` marks a
    withdrawn signatory), or ``Name, role[, YYYY-MM-DD]``: the role is
    everything between the name and the date, and the date is read only
    ``with_dates``.

    A name marked ``:personuppgift:`…``` is the role's text (masked in a
    public build).

    :raises PersonError: in Swedish, with what could be read.
    """
    marked = _MARKED.match(entry)
    if marked:
        return _marked_person(marked, with_dates=with_dates)
    date = None
    role = ""
    head = entry
    if "," in entry and "(" not in entry:
        parts = [part.strip() for part in entry.split(",")]
        head, rest = parts[0], parts[1:]
        if with_dates and rest:
            try:
                date = parse_date(rest[-1])
                rest = rest[:-1]
            except ValueError as err:
                if re.match(r"^\s*\d", rest[-1]):
                    raise PersonError(
                        str(err),
                        "date",
                        _person(head, ", ".join(rest[:-1])) or Person(name=head),
                        rest[-1],
                    ) from None
            if date is None:
                _date_not_last(head, rest)
        role = ", ".join(part for part in rest if part)
    person = _person(head, role, date)
    if person is None:
        raise PersonError(
            f"kan inte läsa personen '{entry}'", "person", Person(name=entry)
        )
    return person


def _marked_person(marked: re.Match[str], *, with_dates: bool) -> Person:
    """A person whose name is marked ``:personuppgift:`…```: read with a
    stand-in name, then given the role's text."""
    name = " ".join(marked.group("name").split())
    try:
        found = parse_person("N" + marked.group("rest"), with_dates=with_dates)
    except PersonError as err:
        err.person = dataclasses.replace(err.person, name=name)
        raise
    return dataclasses.replace(found, name=name)


def _date_not_last(head: str, rest: list[str]) -> None:
    """Refuse ``Name, 2020-09-08, role``: a date that is not last would be read as role."""
    for place, part in enumerate(rest):
        try:
            date = parse_date(part)
        except ValueError:
            continue
        others = ", ".join(rest[:place] + rest[place + 1 :])
        raise PersonError(
            f"datumet '{part}' ska stå sist",
            "place",
            _person(head, others, date) or Person(name=head, date=date),
            part,
        )


def _person(head: str, role: str, date: dt.date | None = None) -> Person | None:
    head, others = _without_others(head)
    match = _PERSON.match(head)
    if not match:
        return None
    note = (match.group("note") or "").strip()
    name, more = _without_others(match.group("name").strip())
    return Person(
        name=name,
        party=(match.group("party") or "").strip(),
        role=role,
        date=date,
        withdrawn=note.casefold() in _WITHDRAWN_NOTES,
        note=note,
        others=others or more,
    )


def _without_others(text: str) -> tuple[str, bool]:
    """``text`` without a "m.fl." at its end, and whether it had one (a
    name that would be left empty keeps it)."""
    found = _OTHERS.search(text)
    if found is None or not text[: found.start()].strip():
        return text, False
    return text[: found.start()].rstrip(), True
