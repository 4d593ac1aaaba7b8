"""Personnummer in documents that are to be published.

Handlingar are published on the web, where a personnummer must be masked.
Every text of every document is scanned after it is read, and every
option value as its directive is read (a ``:sammanfattning:`` or a
``:handlaggare:`` is printed in generated text too); a ten- or
twelve-digit number, with or without ``-``, ``+`` or a space before the
last four digits, that is a real date (a samordningsnummer's day plus 60
too) and passes the Luhn check gets a ``kommun.personnummer`` warning at
the line it is written on. A document opts out with the file-wide field
``:publiceras: nej`` (it is then not published, see :mod:`.publishing`).
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..config import KommunConfig
from ..i18n import _
from .publishing import may_publish

logger = logging.getLogger(__name__)

_CANDIDATE = re.compile(
    r"(?<![\d/-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+ ]?)(\d{4})(?![\d/-])"
)
#: The numbers already reported in the document being read (each once).
_REPORTED = "kommun:personnummer"
#: The numbers conf.py's settings hold, by config (:mod:`.settings` warns
#: about them at conf.py; a page that prints one from ``rst_prolog`` does not)
in_settings: weakref.WeakKeyDictionary[Config, frozenset[str]] = (
    weakref.WeakKeyDictionary()
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(digits):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _valid_date(century: str | None, year: str, month: str, day: str) -> bool:
    day_number = int(day)
    if day_number > 60:  # samordningsnummer
        day_number -= 60
    # without the century the number is valid if either century makes a date
    # (000229 is 29 February 2000; 1900 was no leap year)
    for prefix in [century] if century else ["19", "20"]:
        try:
            dt.date(int(prefix + year), int(month), day_number)
        except ValueError:
            continue
        return True
    return False


#: Six digits in a row: in every form of a personnummer (its date).
_SIX_DIGITS = re.compile(r"\d{6}")


def find(text: str) -> list[str]:
    """The personnummer-like strings in ``text``."""
    if not _SIX_DIGITS.search(text):
        return []
    found = []
    for match in _CANDIDATE.finditer(text):
        century, year, month, day, _sep, tail = match.groups()
        if not _valid_date(century, year, month, day):
            continue
        if luhn_ok(f"{year}{month}{day}{tail}"):
            found.append(match.group(0))
    return found


def mask(number: str) -> str:
    return number[:-4] + "XXXX"


def warn_masked(number: str, location: str | nodes.Node | None) -> None:
    """A personnummer in the text: masked in a public build, and the
    source should be masked too."""
    logger.warning(
        _(
            "'%(masked)s' ser ut som ett personnummer; maskera det i texten "
            "eller märk det med :personuppgift: (den publicerade versionen maskerar det)"
        ),
        {"masked": mask(number)},
        location=location,
        type="kommun",
        subtype="personnummer",
    )


def _reported(doc: Any) -> set[str]:
    """The numbers reported in the document being read (``current_document``)."""
    found = doc.get(_REPORTED)
    if not isinstance(found, set):
        found = set()
        doc[_REPORTED] = found
    return found


def _line_of(lines: list[str], number: str, start: int) -> int:
    """The line, of ``lines`` numbered from ``start``, that holds ``number``."""
    for offset, line in enumerate(lines):
        if number in line:
            return start + offset
    return start


def check_options(directive: SphinxDirective, values: Iterable[str]) -> None:
    """Warn about each personnummer in a directive's argument and options,
    at the line of the directive's block it is written on."""
    if not KommunConfig.from_config(directive.config).check_personnummer:
        return
    if not may_publish(directive.state.document):
        return
    reported = _reported(directive.env.current_document)
    lines = directive.block_text.splitlines()
    for value in values:
        for number in find(value):
            if number in reported:
                continue
            reported.add(number)
            source, line = directive.state_machine.get_source_and_line(
                _line_of(lines, number, directive.lineno)
            )
            warn_masked(number, f"{source}:{line}")


def _text_line(text: nodes.Text, number: str) -> nodes.Node | str:
    """Where ``number`` in ``text`` is written: its paragraph's line plus the
    lines before it in the paragraph's source."""
    parent = text.parent
    element: nodes.Node | None = parent
    while element is not None and not element.line:
        element = element.parent
    if element is None:
        return parent
    raw = getattr(element, "rawsource", "") or ""
    position = raw.find(number)
    if position < 0:
        return element
    source = element.source or ""
    return f"{source}:{(element.line or 0) + raw.count(chr(10), 0, position)}"


def _marked(text: nodes.Text) -> bool:
    parent = text.parent
    return isinstance(parent, nodes.Element) and "kommun-personuppgift" in parent.get(
        "classes", []
    )


def check_document(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: warn about each personnummer in a published document."""
    if not KommunConfig.from_config(app.config).check_personnummer:
        return
    docname = app.env.current_document.docname
    published = str(app.env.metadata.get(docname, {}).get("publiceras", "ja"))
    if published.strip().casefold() in ("nej", "no", "false"):
        return
    reported = _reported(app.env.current_document)
    reported.update(in_settings.get(app.config, ()))
    # (the docinfo, :publiceras: included, is metadata by now, not text)
    for text in doctree.findall(nodes.Text):
        if _marked(text):
            continue  # marked as personal data: masked where published
        for number in find(str(text)):
            if number in reported:
                continue  # reported where its option is written
            reported.add(number)
            warn_masked(number, _text_line(text, number))


def register(app: Sphinx) -> None:
    app.connect("doctree-read", check_document, priority=600)
