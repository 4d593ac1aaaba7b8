"""The register of members as data, and reading it from its files.

:class:`Register` holds the bodies (:class:`Body`) and their seats
(:class:`Member`); :func:`load` reads TOML or CSV files (columns
``organ,namn,parti,uppdrag,roll,från,till``) and says what is wrong in
them (:class:`Problem`, with the line where it is known). The register of
a build is :func:`sphinx_kommun.domain.register.register_of`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..i18n import _
from ..swedish import normalise, parse_date

Seat = Literal["ledamot", "ersättare"]
SEATS: tuple[Seat, ...] = ("ledamot", "ersättare")
CSV_COLUMNS = ("organ", "namn", "parti", "uppdrag", "roll", "från", "till")
_BODY_KEYS = {"namn", "platser", "mandatperiod", "ledamot", "ersattare"}
_MEMBER_KEYS = {"namn", "parti", "tidigare-parti", "roll", "från", "fran", "till"}
#: read from a CSV row besides the member's own keys
_ROW_KEYS = {"organ", "uppdrag"}


@dataclass(frozen=True)
class Member:
    """One seat of one person in one body."""

    name: str
    party: str
    body: str
    seat: Seat
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    #: the parties the person had before (``tidigare-parti``): one person
    #: with a namesake's seats of those parties (:mod:`.people`)
    former: tuple[str, ...] = ()

    def with_party(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name

    def seated_on(self, day: dt.date | None) -> bool:
        """Whether the member holds the seat on ``day`` (any day: None)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (
            self.end is None or day <= self.end
        )


@dataclass(frozen=True)
class Body:
    """A body (nämnd, styrelse, fullmäktige) and its members."""

    name: str
    seats: int
    members: tuple[Member, ...] = ()
    period: str = ""

    @property
    def ledamoter(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.seat == "ledamot")

    @property
    def ersattare(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.seat == "ersättare")

    def member(self, name: str) -> Member | None:
        """The member of that name (case and whitespace do not matter)."""
        wanted = normalise(name)
        return next((m for m in self.members if normalise(m.name) == wanted), None)

    @property
    def chair(self) -> Member | None:
        """The ordförande."""
        return self.chair_on(None)

    def chair_on(self, day: dt.date | None) -> Member | None:
        """The ordförande on ``day`` (``från``, ``till``; any day: None)."""
        return next(
            (
                m
                for m in self.ledamoter
                if normalise(m.role or "") == "ordförande" and m.seated_on(day)
            ),
            None,
        )


@dataclass(frozen=True)
class Register:
    """Every body of the register; empty without ``kommun_ledamoter``."""

    bodies: tuple[Body, ...] = ()
    #: the files it was read from (absolute)
    files: tuple[str, ...] = ()

    def body(self, name: str) -> Body | None:
        wanted = normalise(name)
        return next((b for b in self.bodies if normalise(b.name) == wanted), None)

    def person(self, name: str) -> list[Member]:
        """Every seat of the person of that name, in the register's order."""
        wanted = normalise(name)
        return [
            m for b in self.bodies for m in b.members if normalise(m.name) == wanted
        ]

    def people(self) -> list[str]:
        """Each person's name once, sorted by surname then first names."""
        names: dict[str, str] = {}
        for body in self.bodies:
            for member in body.members:
                names.setdefault(normalise(member.name), member.name)
        return sorted(names.values(), key=surname_first)


#: å, ä, ö after z, in the Swedish order
_SWEDISH_ORDER = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03"})


def surname_first(name: str) -> tuple[str, str]:
    """A name's sort key: surname, then first names, å, ä, ö after z."""
    first, _sep, last = name.rpartition(" ")
    return (
        normalise(last).translate(_SWEDISH_ORDER),
        normalise(first).translate(_SWEDISH_ORDER),
    )


# -- reading ------------------------------------------------------------------------


@dataclass
class Problem:
    """What is wrong in a register file, and where."""

    message: str
    path: str
    line: int | None = None

    @property
    def location(self) -> str:
        # a path without ':' would be read as a docname (as Sphinx writes a
        # node's place without a line)
        return f"{self.path}:{self.line}" if self.line else f"{self.path}:"


@dataclass
class _Reading:
    path: Path
    problems: list[Problem] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)
    #: how many [[organ.ledamot]] / [[organ.ersattare]] tables were read
    counted: dict[str, int] = field(default_factory=dict)
    #: the bodies this file names
    named: set[str] = field(default_factory=set)

    def warn(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(message, str(self.path), line))


def load(paths: list[Path]) -> tuple[Register, list[Problem]]:
    """The register in ``paths``, and what is wrong in them."""
    bodies: dict[str, Body] = {}
    problems: list[Problem] = []
    for path in paths:
        reading = _Reading(path, bodies=bodies)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            reading.warn(_("registret kan inte läsas: %s") % err)
        else:
            if path.suffix.lower() == ".csv":
                _read_csv(reading, text)
            else:
                _read_toml(reading, text)
            for key in sorted(reading.named):
                _check_seats(reading, bodies[key], text)
        problems.extend(reading.problems)
    files = tuple(str(path) for path in paths)
    return Register(tuple(bodies.values()), files), problems


def _read_toml(reading: _Reading, text: str) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"line (\d+)", str(err))
        reading.warn(
            _("registret är inte giltig TOML: %s") % err,
            int(found.group(1)) if found else None,
        )
        return
    lines = _Lines(text)
    for key in sorted(set(data) - {"organ"}):
        reading.warn(_("okänd nyckel '%s' i registret") % key, lines.key(key))
    organ = data.get("organ", [])
    if not isinstance(organ, list):
        reading.warn(_("'organ' ska vara en tabell per organ: [[organ]]"))
        return
    for number, entry in enumerate(organ):
        _read_body(reading, entry, lines.header("organ", number), lines)


def _read_body(
    reading: _Reading, entry: Any, line: int | None, lines: _Lines | None = None
) -> None:
    name = entry.get("namn") if isinstance(entry, dict) else None
    if not isinstance(name, str) or not name.strip():
        reading.warn(_('organet saknar namn (namn = "…")'), line)
        return
    name = " ".join(name.split())
    for key in sorted(set(entry) - _BODY_KEYS):
        reading.warn(
            _("okänd nyckel '%(key)s' i organet %(body)s") % {"key": key, "body": name},
            line,
        )
    seats = entry.get("platser", 0)
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 0:
        reading.warn(
            _("organet %s: platser ska vara ett heltal, 0 eller fler") % name, line
        )
        seats = 0
    members = []
    seats_of: tuple[tuple[str, Seat], ...] = (
        ("ledamot", "ledamot"),
        ("ersattare", "ersättare"),
    )
    for key, seat in seats_of:
        for person in _as_list(entry.get(key, [])):
            number = reading.counted.get(key, 0)
            reading.counted[key] = number + 1
            where = lines.header(f"organ.{key}", number) if lines else None
            member = _member(reading, person, name, seat, where or line)
            if member is not None:
                members.append(member)
    period = entry.get("mandatperiod", "")
    _add(reading, Body(name, seats, (), str(period)), members, line)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _member(
    reading: _Reading, person: Any, body: str, seat: Seat, line: int | None
) -> Member | None:
    if not isinstance(person, dict) or not str(person.get("namn", "")).strip():
        reading.warn(
            _("en %(seat)s i %(body)s saknar namn") % {"seat": seat, "body": body},
            line,
        )
        return None
    name = " ".join(str(person["namn"]).split())
    for key in sorted(set(person) - _MEMBER_KEYS - _ROW_KEYS):
        reading.warn(
            _("okänd nyckel '%(key)s' för %(name)s") % {"key": key, "name": name}, line
        )
    role = str(person.get("roll", "")).strip() or None
    start = person.get("från", person.get("fran"))
    dates = [_date(reading, value, name, line) for value in (start, person.get("till"))]
    written = person.get("tidigare-parti", "")  # "S", "S; MP" or ["S", "MP"]
    former = [str(p) for p in _as_list(written)] if written else []
    parties = [p.strip() for entry in former for p in re.split(r"[;,]", entry)]
    party = str(person.get("parti", "")).strip()
    start, end = dates
    return Member(
        name, party, body, seat, role, start, end, tuple(filter(None, parties))
    )


def _date(reading: _Reading, value: Any, name: str, line: int | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except ValueError:
        reading.warn(
            _("%(name)s: '%(value)s' är inget datum (ÅÅÅÅ-MM-DD)")
            % {"name": name, "value": value},
            line,
        )
        return None


def _add(
    reading: _Reading, body: Body, members: list[Member], line: int | None
) -> None:
    """``body`` with ``members``, joined to the body of that name read before."""
    key = normalise(body.name)
    reading.named.add(key)
    known = reading.bodies.get(key)
    if known is not None:
        body = Body(
            known.name,
            max(known.seats, body.seats),
            known.members,
            known.period or body.period,
        )
    kept = list(body.members)
    for member in members:
        if any(normalise(m.name) == normalise(member.name) for m in kept):
            reading.warn(
                _("%(name)s står två gånger i %(body)s")
                % {"name": member.name, "body": body.name},
                line,
            )
            continue
        kept.append(member)
    reading.bodies[key] = Body(body.name, body.seats, tuple(kept), body.period)


def _read_csv(reading: _Reading, text: str) -> None:
    rows = csv.DictReader(io.StringIO(text))
    columns = [normalise(c) for c in rows.fieldnames or ()]
    missing = [c for c in ("organ", "namn", "uppdrag") if c not in columns]
    if missing:
        reading.warn(
            _("registrets kolumner saknar %(missing)s (kolumnerna: %(columns)s)")
            % {"missing": ", ".join(missing), "columns": ", ".join(CSV_COLUMNS)},
            1,
        )
        return
    for row in rows:
        line = rows.line_num
        values = {normalise(k or ""): (v or "").strip() for k, v in row.items()}
        written = normalise(values.get("uppdrag", ""))
        seat = next((s for s in SEATS if s == written), None)
        if seat is None:
            reading.warn(
                _("uppdraget '%s' är varken ledamot eller ersättare")
                % values.get("uppdrag", ""),
                line,
            )
            continue
        if not values.get("organ"):
            reading.warn(_("raden saknar organ"), line)
            continue
        body = " ".join(values["organ"].split())
        member = _member(reading, values, body, seat, line)
        if member is not None:
            _add(reading, Body(body, 0), [member], line)


def _check_seats(reading: _Reading, body: Body, text: str) -> None:
    """A CSV body has as many seats as ledamöter; more ledamöter than seats warns."""
    key = normalise(body.name)
    if reading.path.suffix.lower() == ".csv" and body.seats == 0:
        reading.bodies[key] = Body(
            body.name, len(body.ledamoter), body.members, body.period
        )
    elif len(body.ledamoter) > body.seats:
        reading.warn(
            _("%(body)s har %(count)d ledamöter men %(seats)d platser")
            % {"body": body.name, "count": len(body.ledamoter), "seats": body.seats},
            _Lines(text).value("namn", body.name),
        )


class _Lines:
    """Where things are in a TOML file (tomllib gives no lines)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def _find(self, pattern: str) -> Iterator[int]:
        regex = re.compile(pattern)
        return (n for n, line in enumerate(self.lines, 1) if regex.match(line))

    def header(self, table: str, number: int) -> int | None:
        found = list(self._find(rf"\s*\[\[\s*{re.escape(table)}\s*\]\]"))
        return found[number] if number < len(found) else None

    def key(self, key: str) -> int | None:
        return next(self._find(rf"\s*\[*\s*{re.escape(key)}\b"), None)

    def value(self, key: str, value: str) -> int | None:
        return next(
            self._find(rf"\s*{re.escape(key)}\s*=\s*[\"']{re.escape(value)}[\"']"),
            None,
        )
