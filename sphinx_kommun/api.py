"""What a plugin may use from sphinx-kommun, besides the hooks.

Plugins import from here only, so these names stay stable while the
modules behind them change::

    from sphinx_kommun.api import hookimpl, parse_date, parse_entries, table

The model's classes are here too, for ``isinstance`` and type hints (every
object is a frozen dataclass), and :class:`Project`, the read-only view of
the whole project a check (``kommun_checks``) gets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .domain.backlinks import Backlink
from .domain.model import Excerpt, KommunObject, Outcome, Person, Position
from .domain.project import Project
from .kinds.arende import Arende
from .kinds.beslut import Beslut
from .kinds.beslutspunkt import Answer, Beslutspunkt, Proposing
from .kinds.initiativ import (
    EForslag,
    Framstallning,
    Initiativ,
    Medborgarforslag,
    Motion,
    Skrivelse,
    Yrkande,
)
from .kinds.remiss import Remiss
from .kinds.reservation import Reservation
from .kinds.sammantrade import Sammantrade
from .kinds.tjansteskrivelse import Tjansteskrivelse
from .kinds.utlatande import Utlatande
from .kinds.yttrande import Yttrande
from .plugins.hookspecs import hookimpl
from .reading.people import (
    parse_person,
    split_entries,
)
from .render import (
    date_text,
    rubric,
    table,
)
from .swedish import (
    fold,
    format_date,
    join,
    output_locale,
    parse_date,
)

T = TypeVar("T")


def parse_entries(value: str, parse: Callable[[str], T]) -> list[T]:
    """Every entry of a list option, parsed.

    Entries are written one per line or separated by ``;``; each is passed
    to ``parse`` with its whitespace collapsed. An empty value gives ``[]``.

    :raises ValueError: when ``parse`` rejects entries: one message naming
        every wrong entry (the messages of ``parse``, joined by ``"; "``).
    """
    found: list[T] = []
    errors: list[str] = []
    for entry in split_entries(value):
        try:
            found.append(parse(" ".join(entry.split())))
        except ValueError as err:
            errors.append(str(err))
    if errors:
        raise ValueError("; ".join(errors))
    return found


__all__ = [
    "Answer",
    "Arende",
    "Backlink",
    "Beslut",
    "Beslutspunkt",
    "EForslag",
    "Excerpt",
    "Framstallning",
    "Initiativ",
    "KommunObject",
    "Medborgarforslag",
    "Motion",
    "Outcome",
    "Person",
    "Position",
    "Project",
    "Proposing",
    "Remiss",
    "Reservation",
    "Sammantrade",
    "Skrivelse",
    "Tjansteskrivelse",
    "Utlatande",
    "Yrkande",
    "Yttrande",
    "date_text",
    "fold",
    "format_date",
    "hookimpl",
    "join",
    "output_locale",
    "parse_date",
    "parse_entries",
    "parse_person",
    "rubric",
    "split_entries",
    "table",
]
