"""Option values read by their type, with warnings at the option's line.

Mixed into :class:`~.directive.ObjectDirective`: every object directive
reads its options through these, so a bad date, an unknown word or an
unreadable person is warned about the same way everywhere, and kept (as
written, or left out) rather than dropped with the directive.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from ..domain.model import Person
from ..i18n import _
from ..swedish import fold, parse_date
from ..vocabulary import closest
from .options import Written
from .people import PersonError, parse_person, split_entries

#: (target, number, word) of each entry: see :meth:`OptionValues.numbered`.
Numbered = list[tuple[str, int | None, str]]

#: "2", "att-sats 2", "punkt 3", "beslutspunkt 1": a number, maybe with its noun.
_NUMBER = re.compile(
    r"(?:att-sats(?:en)?|beslutspunkt(?:en)?|punkt(?:en)?)?\s*(\d+)", re.IGNORECASE
)
#: "KS 2023/456 att-sats 2": a reference, then a number with its noun.
_REF_NOUN_NUMBER = re.compile(
    r"(.+?)\s+(?:att-sats(?:en)?|beslutspunkt(?:en)?|punkt(?:en)?)\s*(\d+)",
    re.IGNORECASE,
)


def split_key(entry: str) -> tuple[str, int | None, str]:
    """``"KS 2023/456:2: bifall"`` → ``("KS 2023/456", 2, "bifall")``;
    ``"punkt 2: avslag"`` → ``("", 2, "avslag")``; ``"avslag"`` → ``("",
    None, "avslag")``.

    A word never holds a colon; the key before its colon is a number
    (``2``, ``att-sats 2``, ``punkt 2``), a reference (an id or a dnr), or
    both (``REF:2``, ``REF punkt 2``).
    """
    key, sep, word = entry.rpartition(":")
    if not sep:
        return "", None, entry.strip()
    key, word = " ".join(key.split()), word.strip()
    if found := _NUMBER.fullmatch(key):
        return "", int(found.group(1)), word
    head, sep, tail = key.rpartition(":")
    if sep and head.strip() and (found := _NUMBER.fullmatch(tail.strip())):
        return head.strip(), int(found.group(1)), word
    if found := _REF_NOUN_NUMBER.fullmatch(key):
        return found.group(1), int(found.group(2)), word
    return key, None, word


def _repeated(target: str, number: int | None) -> str:
    """What an entry given twice is about, as the warning names it."""
    if target:
        key = f"{target}:{number}" if number is not None else target
        return _("uppgiften för %(key)s") % {"key": key}
    if number is not None:
        return _("nummer %(number)s") % {"number": number}
    return _("uppgiften för hela ärendet")


class OptionValues:
    """Typed access to a directive's options (see :mod:`.options`)."""

    written: list[Written]
    name: str

    def warn(
        self, message: str, subtype: str, *args: Any, line: int | None = None
    ) -> None:
        raise NotImplementedError

    def known_options(self) -> set[str]:
        """The options the directive takes, folded."""
        raise NotImplementedError

    def option_line(self, name: str) -> int | None:
        raise NotImplementedError

    def folded_options(self) -> dict[str, Written]:
        """Each option once, by folded name; a repeat and an unknown option
        are warned about (the first counts)."""
        if not hasattr(self, "_folded"):
            folded: dict[str, Written] = {}
            for option in self.written:
                key = fold(option.name)
                if key in folded:
                    self.warn(
                        _("alternativet '%(option)s' är angivet två gånger"),
                        "option",
                        {"option": option.name},
                        line=option.line,
                    )
                    continue
                folded[key] = option
            self._folded = folded
            known = self.known_options()
            for key, option in folded.items():
                if key not in known:
                    self.warn(
                        _(
                            "okänt alternativ '%(option)s' för %(kind)s; "
                            "kända alternativ är %(known)s"
                        ),
                        "option",
                        {
                            "option": option.name,
                            "kind": self.name,
                            "known": ", ".join(sorted(known)),
                        },
                    )
        return self._folded

    # -- by type ------------------------------------------------------------------

    def text(self, name: str, default: str = "") -> str:
        """The value of an option, stripped, or ``default``."""
        found = self.folded_options().get(fold(name))
        return found.value.strip() if found else default

    def has(self, name: str) -> bool:
        return fold(name) in self.folded_options()

    def flag(self, name: str) -> bool:
        """An option that is written empty, ``ja`` or ``nej``."""
        if not self.has(name):
            return False
        value = self.text(name).casefold()
        if value in ("", "ja", "yes", "true", "1"):
            return True
        if value not in ("nej", "no", "false", "0"):
            self.warn(
                _("alternativet '%(option)s' ska vara tomt, 'ja' eller 'nej'"),
                "option",
                {"option": name},
            )
        return False

    def date(self, name: str) -> dt.date | None:
        value = self.text(name)
        if not value:
            return None
        try:
            return parse_date(value)
        except ValueError as err:
            self.warn(
                _("fel datum i '%(option)s': %(error)s"),
                "date",
                {"option": name, "error": err},
            )
            return None

    def entries(self, name: str) -> list[str]:
        """A list option: one entry per line or ``;``-separated."""
        return split_entries(self.text(name))

    def numbered(self, name: str) -> Numbered:
        """Entries ``word`` (on the whole), ``N: word`` (on number N),
        ``REF: word`` or ``REF:N: word`` (on the document REF names, an id or
        a dnr, or on its att-sats N); see :func:`split_key`.

        The same key twice is warned about: the first is used.
        """
        result: Numbered = []
        seen: set[tuple[str, int | None]] = set()
        for entry in self.entries(name):
            target, number, word = split_key(entry)
            if (target, number) in seen:
                self.warn(
                    _(
                        "'%(entry)s' i '%(option)s' upprepar %(what)s; den "
                        "första uppgiften gäller"
                    ),
                    "option",
                    {
                        "entry": entry,
                        "option": name,
                        "what": _repeated(target, number),
                    },
                )
                continue
            seen.add((target, number))
            result.append((target, number, word))
        return result

    def vocabulary(self, name: str, words: Iterable[str], unknown: str) -> Numbered:
        """:meth:`numbered` with each word matched to ``words``.

        An unknown word is warned about (``unknown``, a message with
        ``%(word)s`` and ``%(known)s``, subtype ``name``) and kept as written;
        a number without a word (``1:``) is a ``missing`` warning.
        """
        known_words = list(words)
        result: Numbered = []
        for target, number, word in self.numbered(name):
            known = closest(word, known_words) if word else None
            if not word:
                # "1:" left for the clerk to fill in (sphinx-kommun new)
                self.warn(
                    _("%(what)s i '%(option)s' saknar ord; kända är %(known)s"),
                    "missing",
                    {
                        "what": _repeated(target, number),
                        "option": name,
                        "known": ", ".join(known_words),
                    },
                    line=self.option_line(name),
                )
                known = ""
            elif known is None:
                self.warn(
                    unknown,
                    name,
                    {"word": word, "known": ", ".join(known_words)},
                    line=self.option_line(name),
                )
                known = " ".join(word.split())
            result.append((target, number, known))
        return result

    def persons(self, name: str, *, with_dates: bool = False) -> tuple[Person, ...]:
        """The people of a list option (see :func:`~.people.parse_person`).

        An entry that cannot be read is warned about and kept as written.
        """
        people = []
        for entry in self.entries(name):
            try:
                people.append(parse_person(entry, with_dates=with_dates))
            except PersonError as err:
                self._person_warning(name, entry, err)
                people.append(err.person)
        return tuple(people)

    def dated_persons(self, name: str) -> tuple[Person, ...]:
        """People written ``Name, role, YYYY-MM-DD`` (attestations)."""
        return self.persons(name, with_dates=True)

    def _person_warning(self, name: str, entry: str, err: PersonError) -> None:
        values = {"person": err.person.name, "option": name, "value": err.value}
        if err.kind == "date":
            self.warn(
                _("fel datum för %(person)s i '%(option)s': %(value)s"), "date", values
            )
        elif err.kind == "place":
            self.warn(
                _(
                    "datumet %(value)s för %(person)s i '%(option)s' ska "
                    "stå sist: Namn, roll, ÅÅÅÅ-MM-DD"
                ),
                "date",
                values,
            )
        else:
            self.warn(
                _("kan inte läsa personen '%(entry)s' i '%(option)s'"),
                "person",
                {"entry": entry, "option": name},
            )
