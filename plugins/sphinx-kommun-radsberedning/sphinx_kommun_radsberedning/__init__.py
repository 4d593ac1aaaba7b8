"""Rådsberedning: which councils and groups considered a matter, and when.

A sphinx-kommun plugin (entry point ``radsberedning``). It adds the passage
``radsberedning`` (no heading of its own), meant inside "Ärendets beredning"
of a yttrande::

    .. radsberedning::
       :rad: funktionshinderrådet 2019-08-21
             pensionärsrådet 2019-08-22
             förvaltningsgruppen 2019-08-22

which becomes one sentence, in date order: "Ärendet har behandlats i
funktionshinderrådet den 21 augusti 2019, i pensionärsrådet den 22 augusti
2019 och i förvaltningsgruppen den 22 augusti 2019."
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from docutils import nodes

from sphinx_kommun.api import (
    format_date,
    hookimpl,
    join,
    output_locale,
    parse_date,
    parse_entries,
)

__version__ = "0.1.0"

#: The directive name: ``.. radsberedning::`` and ``.. avsnitt:: radsberedning``.
NAME = "radsberedning"
#: CSS class of the sentence.
SENTENCE_CLASS = "kommun-radsberedning"

#: One consideration: the council or group, and the date of its meeting.
Consideration = tuple[str, dt.date]

_EXAMPLE = "'pensionärsrådet 2019-08-22'"


def _parse_entry(entry: str) -> Consideration:
    """``funktionshinderrådet 2019-08-21`` → ("funktionshinderrådet", date)."""
    words = entry.split()
    # the date is the last words that have digits and no letters ("22/8 2019")
    split = len(words)
    while split > 0 and _looks_like_date(words[split - 1]):
        split -= 1
    body = " ".join(words[:split])
    # "i pensionärsrådet 2019-08-22" is written as it would be in the sentence
    if body[:2].casefold() == "i ":
        body = body[2:].strip()
    written = " ".join(words[split:])
    if not written:
        raise ValueError(
            f"'{entry}' saknar datum (ÅÅÅÅ-MM-DD) efter rådet; skriv t.ex. {_EXAMPLE}"
        )
    try:
        date = parse_date(written)
    except ValueError as err:
        raise ValueError(f"'{entry}': {err}; skriv t.ex. {_EXAMPLE}") from None
    if not body:
        raise ValueError(
            f"'{entry}' saknar rådet eller gruppen före datumet; skriv t.ex. {_EXAMPLE}"
        )
    return body, date


def _looks_like_date(word: str) -> bool:
    return any(char.isdigit() for char in word) and not any(
        char.isalpha() for char in word
    )


def validate_councils(value: str) -> tuple[Consideration, ...]:
    """Parse ``:rad:``: entries ``<råd> <ÅÅÅÅ-MM-DD>``, one per line or ``;``.

    :raises ValueError: in Swedish, naming every entry that is wrong.
    """
    found = parse_entries(value, _parse_entry)
    if not found:
        raise ValueError(f"ange minst ett råd med datum, t.ex. {_EXAMPLE}")
    return tuple(found)


def sentence(considerations: Sequence[Consideration], language: str) -> str:
    """The sentence listing the considerations in date order."""
    locale = output_locale(language)
    ordered = sorted(considerations, key=lambda item: item[1])  # stable per date
    if locale == "en":
        parts = [f"by {body} on {format_date(date, locale)}" for body, date in ordered]
        return f"The matter was considered {join(parts, locale)}."
    parts = [f"i {body} den {format_date(date, locale)}" for body, date in ordered]
    return f"Ärendet har behandlats {join(parts, locale)}."


def build(
    options: Mapping[str, Any], content: Sequence[nodes.Node], language: str
) -> list[nodes.Node]:
    """The sentence, then the content as written (if any)."""
    considerations = options.get("rad") or ()
    if not considerations:
        return list(content)
    text = sentence(considerations, language)
    return [nodes.paragraph(text, text, classes=[SENTENCE_CLASS]), *content]


@hookimpl
def kommun_section_kinds() -> list[dict[str, Any]]:
    return [
        {
            "name": NAME,
            "aliases": ["rådsberedning"],
            "title": None,
            "kinds": ("yttrande",),
            "options": {
                "rad": {
                    "help": "councils and groups that considered the matter, one "
                    "per line or separated by ';': '<råd> <YYYY-MM-DD>'",
                    "validate": validate_councils,
                }
            },
            "build": build,
        }
    ]
