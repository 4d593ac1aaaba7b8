"""What happens while a source is read, before sphinx-kommun sees the doctree.

Text arrives from other programs: a name pasted from macOS in decomposed
form (NFD), a line separator (U+2028) from a word processor, a byte order
mark from a file joined to another, a file saved as Windows-1252. Each
source is made what its author sees in an editor before it is parsed
(:func:`normalise_source`):

* letters with combining marks composed (Unicode NFC), so "ä" is one
  character wherever it was typed;
* the characters Python's ``splitlines`` (and so docutils) ends a line at
  but editors, ``grep -n`` and git do not (U+2028, U+2029, U+0085, U+001C
  to U+001E, vertical tab, form feed) become spaces, so every line number
  is the one the editor shows;
* a U+FEFF anywhere is removed (before a directive it made the directive a
  paragraph).

A file that is not UTF-8 would stop Sphinx with a traceback and no output:
it is read as Windows-1252 (Latin-1) instead, with a ``kommun.encoding``
warning at its first line that is not UTF-8. Sphinx decodes a source with
the codec ``env.settings["input_encoding"]`` names (``source_encoding``)
before any event, so sphinx-kommun registers a codec that does this and
names it there when the project's ``source_encoding`` is UTF-8.

System messages docutils inserts below Sphinx's filter level (the INFO
that a directive has no Swedish name and the English one is used) are
removed before ``doctree-read``: Sphinx filters them only after it (its
``FilterSystemMessages`` runs at priority 999), so a quoted section kept
at ``doctree-read`` would publish them, with the build machine's path.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import FilterSystemMessages
from sphinx.util import logging

from ..i18n import _

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

logger = logging.getLogger(__name__)

#: The codec sphinx-kommun reads UTF-8 sources with.
CODEC = "sphinx_kommun_utf_8"

#: What a file that is not UTF-8 is read as.
FALLBACK = "cp1252"

#: Line breaks for Python but not for an editor, and invisible U+FEFF.
_NOT_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BOM = "\ufeff"

#: How many times the codec fell back since the last check (a source, or
#: an included file, that was read with it is then checked).
_fallbacks = 0


#: A letter with combining marks after it ("a" + U+0308), as macOS writes
#: names. Only these are composed: NFC would also replace characters that
#: have a canonical equivalent, such as the ohm sign with the Greek omega
#: (which pdflatex cannot set).
_COMBINING = re.compile(
    ".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)


def _composed(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", match.group(0))


def normalise_source(text: str) -> str:
    """``text`` as an editor shows it (see the module's description)."""
    text = _NOT_LINE_BREAKS.sub(" ", text)
    if text.isascii():
        return text
    text = text.replace(_BOM, "")
    if unicodedata.is_normalized("NFC", text):
        return text
    return _COMBINING.sub(_composed, text)


def first_line_not_utf8(data: bytes) -> int | None:
    """The line (from 1) of the first byte sequence that is not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return data.count(b"\n", 0, err.start) + 1
    return None


def _decode_fallback(data: bytes) -> str:
    try:
        return data.decode(FALLBACK)
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves out
        return data.decode("latin-1")


def decode(data: ReadableBuffer, errors: str = "strict", /) -> tuple[str, int]:
    """UTF-8 (a leading byte order mark dropped), else Windows-1252."""
    global _fallbacks
    raw = bytes(data)
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return body.decode("utf-8"), len(raw)
    except UnicodeDecodeError:
        _fallbacks += 1
        return _decode_fallback(body), len(raw)


class _IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    """The whole file decides between UTF-8 and the fallback."""

    def _buffer_decode(
        self, input: ReadableBuffer, errors: str, final: bool
    ) -> tuple[str, int]:
        if not final:
            return "", 0
        return decode(input, errors)


def _search(name: str) -> codecs.CodecInfo | None:
    if name != CODEC:
        return None
    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(
        name=CODEC,
        encode=utf8.encode,
        decode=decode,
        incrementalencoder=utf8.incrementalencoder,
        incrementaldecoder=_IncrementalDecoder,
        streamreader=utf8.streamreader,
        streamwriter=utf8.streamwriter,
    )


codecs.register(_search)


def is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in {"utf-8", "utf-8-sig", CODEC}
    except LookupError:
        return False


def use_codec(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: read UTF-8 sources with :data:`CODEC`."""
    if is_utf8(app.config.source_encoding):
        env.settings["input_encoding"] = CODEC


def _warn_if_not_utf8(path: Path) -> None:
    global _fallbacks
    if not _fallbacks:
        return
    _fallbacks = 0
    try:
        line = first_line_not_utf8(path.read_bytes())
    except OSError:
        return
    if line is not None:
        logger.warning(
            _(
                "filen är inte sparad som UTF-8 (rad %(line)s är den första som "
                "inte är det); den läses som Windows-1252 – spara den som UTF-8"
            ),
            {"line": line},
            location=f"{path}:{line}",
            type="kommun",
            subtype="encoding",
        )


def source_read(app: Sphinx, docname: str, content: list[str]) -> None:
    """``source-read``: the encoding checked, the text normalised."""
    _warn_if_not_utf8(Path(app.env.doc2path(docname)))
    content[0] = normalise_source(content[0])


def include_read(
    app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]
) -> None:
    """``include-read``: as :func:`source_read`, for an included file
    (docutils has split its lines already)."""
    _warn_if_not_utf8(Path(app.srcdir) / relative_path)
    content[0] = normalise_source(content[0])


class EarlyFilterSystemMessages(FilterSystemMessages):
    """Sphinx's own filter, before the domain keeps excerpts for quotes
    (850) instead of after ``doctree-read``."""

    default_priority = 845


def register(app: Sphinx) -> None:
    app.add_transform(EarlyFilterSystemMessages)
    app.connect("env-before-read-docs", use_codec)
    # first, so every other handler sees the normalised text
    app.connect("source-read", source_read, priority=100)
    app.connect("include-read", include_read, priority=100)
