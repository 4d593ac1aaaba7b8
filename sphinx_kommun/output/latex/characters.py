"""Characters pdflatex cannot set: a warning, not a failed PDF.

With ``latex_engine = "pdflatex"`` (Sphinx's default) one character that
LaTeX's encodings do not know ("Unicode character 😀 not set up for use
with LaTeX") stops the whole PDF, so one pasted emoji or Greek name in one
yttrande would cost the kansli the meeting's handlingar. Before a LaTeX
document is written, each such character gets a ``kommun.latex`` warning at
the file and line where its text is written (once, however many pages show
a copy: see :func:`check_doctree`) and is printed as ``?``; space
characters LaTeX does not know become ordinary spaces and invisible ones
are left out.

:data:`RANGES` are the code points above ASCII that Sphinx's pdflatex
preamble (T1 and TS1 fonts, Babel Swedish or English) sets: measured by
typesetting every character of the Latin, Greek, Cyrillic, punctuation,
symbol and arrow blocks and keeping those LaTeX did not refuse
(``tests/test_pdf.py`` typesets them all again). A project that changes
``fontenc`` or ``inputenc`` in ``latex_elements`` is not checked, nor one
using xelatex or lualatex, which set whatever their fonts have.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ...i18n import _
from ...nodes import (
    WRITTEN,
    placed,
    source_location,
    written_at,
)

logger = logging.getLogger(__name__)

#: Inclusive ranges of the non-ASCII code points pdflatex sets.
RANGES: tuple[tuple[int, int], ...] = (
    (0xA0, 0x125), (0x128, 0x137), (0x139, 0x13E), (0x141, 0x148),
    (0x14A, 0x165), (0x168, 0x17E), (0x192, 0x192), (0x1C4, 0x1D4),
    (0x1E2, 0x1E3), (0x1E6, 0x1EB), (0x1F0, 0x1F0), (0x1F4, 0x1F5),
    (0x218, 0x21B), (0x232, 0x233), (0x237, 0x237), (0x2C6, 0x2C7),
    (0x2D8, 0x2D9), (0x2DB, 0x2DD), (0x1E02, 0x1E03), (0x1E0D, 0x1E0D),
    (0x1E1E, 0x1E21), (0x1E25, 0x1E25), (0x1E30, 0x1E31), (0x1E37, 0x1E37),
    (0x1E43, 0x1E43), (0x1E45, 0x1E45), (0x1E47, 0x1E47), (0x1E5B, 0x1E5B),
    (0x1E63, 0x1E63), (0x1E6D, 0x1E6D), (0x1E8E, 0x1E91), (0x1E9E, 0x1E9E),
    (0x1EF2, 0x1EF3), (0x2010, 0x2016), (0x2018, 0x201A), (0x201C, 0x201E),
    (0x2020, 0x2023), (0x2026, 0x2026), (0x2030, 0x2031), (0x2039, 0x203B),
    (0x203D, 0x203D), (0x2044, 0x2044), (0x204E, 0x204E), (0x2052, 0x2052),
    (0x2070, 0x2070), (0x2074, 0x2079), (0x2080, 0x2089), (0x20A1, 0x20A1),
    (0x20A4, 0x20A4), (0x20A6, 0x20A6), (0x20A9, 0x20A9), (0x20AB, 0x20AC),
    (0x20B1, 0x20B1), (0x2103, 0x2103), (0x2116, 0x2117), (0x211E, 0x211E),
    (0x2120, 0x2120), (0x2122, 0x2122), (0x2126, 0x2127), (0x212E, 0x212F),
    (0x2148, 0x2148), (0x2190, 0x2193), (0x221E, 0x221E), (0x2329, 0x232A),
    (0x23BD, 0x23BD), (0x2500, 0x2500), (0x2502, 0x2502), (0x2514, 0x2514),
    (0x251C, 0x251C), (0x2572, 0x2572), (0x25E6, 0x25E6), (0x25EF, 0x25EF),
    (0x266A, 0x266A), (0x2713, 0x2716), (0x27E8, 0x27E9),
)  # fmt: skip

_STARTS = [start for start, _end in RANGES]

#: Spaces LaTeX does not know, as the nearest space it does; invisible
#: characters (zero-width space and joiners, word joiner, byte order mark)
#: are left out.
REPLACEMENTS = {
    **dict.fromkeys(map(chr, range(0x2000, 0x200B)), " "),
    "\u2007": "\u00a0",  # figure space: a space that does not break
    "\u202f": "\u00a0",  # narrow no-break space (thousands in Swedish numbers)
    "\u205f": " ",
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", ""),
}

#: What an unsettable character is printed as.
PLACEHOLDER = "?"


def settable(char: str) -> bool:
    """Whether pdflatex, with Sphinx's preamble, sets ``char``."""
    point = ord(char)
    if point < 0x80:  # control characters (ESC, BEL, DEL …) stop LaTeX too
        return 0x20 <= point < 0x7F or char in "\t\n\r"
    i = bisect.bisect_right(_STARTS, point) - 1
    return i >= 0 and point <= RANGES[i][1]


def _class(ranges: Iterable[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(start)) + ("-" + re.escape(chr(end)) if end > start else "")
        for start, end in ranges
    )


#: A character pdflatex cannot set and no replacement takes care of: what
#: :func:`settable` says, as one regular expression (text is scanned in C).
_UNSETTABLE = re.compile(
    "[^"
    + _class([(0x20, 0x7E), (0x09, 0x0A), (0x0D, 0x0D), *RANGES])
    + "".join(re.escape(char) for char in REPLACEMENTS)
    + "]"
)


def unsettable(text: str) -> list[str]:
    """The characters of ``text`` pdflatex cannot set, in order, once each."""
    return list(dict.fromkeys(_UNSETTABLE.findall(text)))


def printable(text: str) -> str:
    """``text`` as pdflatex can set it (see the module's description)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        REPLACEMENTS.get(char, char if settable(char) else PLACEHOLDER) for char in text
    )


def checked(config: Config) -> bool:
    """Whether LaTeX goes to pdflatex with Sphinx's own encodings."""
    own = config.latex_elements or {}
    return config.latex_engine == "pdflatex" and not (
        {"fontenc", "inputenc", "utf8extra"} & set(own)
    )


def fitted(config: Config, text: str) -> str:
    """``text`` for the LaTeX run: :func:`printable` where :func:`checked`."""
    return printable(text) if checked(config) else text


def _described(chars: Iterable[str]) -> str:
    return ", ".join(
        f"'{char}' (U+{ord(char):04X})" if char.isprintable() else f"U+{ord(char):04X}"
        for char in chars
    )


#: The warnings given while an app writes (place, characters): a text in
#: several PDFs, or quoted in several places, is warned about once.
_WARNED: weakref.WeakKeyDictionary[Sphinx, set[tuple[str, str]]] = (
    weakref.WeakKeyDictionary()
)


def start_writing(app: Sphinx, builder: Builder) -> None:
    """``write-started``: nothing warned about yet in this build."""
    _WARNED.pop(app, None)


def check_doctree(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: warn about and replace what pdflatex cannot set.

    A character is warned about once per place in the sources where its
    text is written: where the user wrote it (also when a quote or a
    meeting's PDF shows a copy that keeps its place), or where a generator
    located what it shows (:meth:`~sphinx_kommun.generate.Context.locate`).
    A copy without a place of its own (a title in a backlink, a
    needtable's cell, a generated table) is printed with ``?`` and not
    warned about again.
    """
    if app.builder.format != "latex" or not checked(app.config):
        return
    warned = _WARNED.setdefault(app, set())
    for node in list(doctree.findall(nodes.Text)):
        parent = node.parent
        if parent is None or isinstance(parent, nodes.raw):
            continue
        # what is printed: docutils keeps a backslash escape (``\\*``) as a
        # null character before the escaped one until astext()
        text = node.astext()
        if text.isascii() and all(settable(char) for char in text):
            continue
        bad = unsettable(text)
        place = written_at(parent, "".join(bad)) if bad else None
        where = source_location(place) if place is not None else None
        if where is not None:
            chars = _described(bad)
            if (where, chars) not in warned:
                warned.add((where, chars))
                logger.warning(
                    _(
                        "%(chars)s kan inte sättas med pdflatex och skrivs som '?' "
                        "i PDF:en (latex_engine = 'xelatex' eller 'lualatex' klarar dem)"
                    ),
                    {"chars": chars},
                    location=where,
                    type="kommun",
                    subtype="latex",
                )
        fixed = printable(text)
        if fixed != text:
            parent.replace(node, nodes.Text(fixed))


class MarkWritten(SphinxTransform):
    """Mark where the characters pdflatex cannot set are written
    (:data:`~sphinx_kommun.nodes.WRITTEN`), before the domain keeps quotes
    (850), so a quote keeps the marks of its original."""

    default_priority = 830

    def apply(self, **kwargs: Any) -> None:
        mark_written(self.document)


def mark_written(doctree: nodes.document) -> None:
    """Mark the places of ``doctree`` (see :class:`MarkWritten`)."""
    for node in doctree.findall(nodes.Text):
        if node.isascii() or node.parent is None:
            continue
        bad = unsettable(node.astext())
        place = placed(node.parent) if bad else None
        if place is not None:
            mark = place.get(WRITTEN) or ""
            if mark is not True:
                place[WRITTEN] = "".join(dict.fromkeys(mark + "".join(bad)))


#: How a replacement of :data:`REPLACEMENTS` is written in LaTeX.
_AS_LATEX = {"\u00a0": "\\nobreakspace{}"}


def declarations(text: str) -> str:
    """``\\DeclareUnicodeCharacter`` for each character of ``text`` that
    pdflatex cannot set, printing it as :func:`printable` would: for text
    that reaches LaTeX without passing through a doctree (the entries of a
    domain index). ASCII control characters cannot be declared."""
    chars = dict.fromkeys(c for c in text if ord(c) >= 0x80 and not settable(c))
    lines = []
    for char in chars:
        replacement = REPLACEMENTS.get(char, PLACEHOLDER)
        written = _AS_LATEX.get(replacement, replacement)
        lines.append(f"\\DeclareUnicodeCharacter{{{ord(char):04X}}}{{{written}}}\n")
    return "".join(lines)
