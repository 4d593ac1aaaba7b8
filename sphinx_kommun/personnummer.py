"""Personnummer in documents that are to be published.

Handlingar are published on the web, where a personnummer must be masked.
Every text of every document is scanned after it is read; a ten- or
twelve-digit number that is a real date (a samordningsnummer's day plus 60
too) and passes the Luhn check gets a ``kommun.personnummer`` warning.
A document opts out with the file-wide field ``:publiceras: nej``.
"""

from __future__ import annotations

import datetime as dt
import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from .config import KommunConfig
from .i18n import _

logger = logging.getLogger(__name__)

_CANDIDATE = re.compile(
    r"(?<![\d/-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d/-])"
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


def find(text: str) -> list[str]:
    """The personnummer-like strings in ``text``."""
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


def check_document(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: warn about each personnummer in a published document."""
    if not KommunConfig.from_config(app.config).check_personnummer:
        return
    docname = app.env.current_document.docname
    published = str(app.env.metadata.get(docname, {}).get("publiceras", "ja"))
    if published.strip().casefold() in ("nej", "no", "false"):
        return
    # (the docinfo, :publiceras: included, is metadata by now, not text)
    for text in doctree.findall(nodes.Text):
        parent = text.parent
        for number in find(str(text)):
            logger.warning(
                _(
                    "'%(masked)s' ser ut som ett personnummer; maskera det innan "
                    "handlingen publiceras (eller ange :publiceras: nej)"
                ),
                {"masked": mask(number)},
                location=parent,
                type="kommun",
                subtype="personnummer",
            )
