"""A förvaltning's answer written in Word (.docx), read with python-docx:
its header table (Nämnd, Förvaltning, Datum, Diarienummer …), its title,
and its body as reST — headings as sections, paragraphs with their bold
and italic, bulleted and numbered lists (nested by level), and tables as
``list-table`` directives. What cannot be carried over (an image) is
reported, not dropped silently."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import N_
from ..swedish import fold
from .text import one_line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.hyperlink import Hyperlink
    from docx.text.paragraph import Paragraph

#: Header-table labels (folded) → the yttrande's option ("" is its instans).
LABELS = {
    "namnd": "",
    "instans": "",
    "remissinstans": "",
    "organ": "",
    "forvaltning": "forvaltning",
    "avdelning": "avdelning",
    "datum": "datum",
    "sammantrade": "sammantrade",
    "sammantradesdatum": "sammantrade",
    "diarienummer": "dnr",
    "dnr": "dnr",
    "handlaggare": "handlaggare",
    "telefon": "telefon",
    "till": "till",
    "stallning": "stallning",
    "sammanfattning": "sammanfattning",
}
MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni", "juli",
    "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
SWEDISH_DATE = re.compile(r"^(\d{1,2}) (\w+) (\d{4})$")
HEADING_STYLE = re.compile(r"^(?:Heading|Rubrik) (\d)$")
UNDERLINES = "-~^\"'"
#: What reST gets no copy of, by what it is called in a message.
LEFT_OUT = {
    N_("en bild"): ".//w:drawing | .//w:pict",
    N_("en fotnot"): ".//w:footnoteReference | .//w:endnoteReference",
    N_("en kommentar"): ".//w:commentReference",
}


@dataclass
class Answer:
    """What the Word file says: header fields by option, title, reST body,
    and what could not be carried over."""

    fields: dict[str, str] = field(default_factory=dict)
    title: str = ""
    body: list[str] = field(default_factory=list)
    #: what could not be carried over (LEFT_OUT) and where it stood (its
    #: paragraph's text or the text before it)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    #: the text of the last paragraph read, as written
    last: str = ""
    #: the markers of the list items open, by level
    markers: list[str] = field(default_factory=list)


def read(path: Path) -> Answer:
    import docx

    document = docx.Document(str(path))
    answer = Answer()
    header = header_table(document)
    if header is not None:
        answer.fields = fields_of(header)
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            if header is None or block._tbl is not header._tbl:
                answer.body += ["", *table(block)]
            answer.markers = []
        else:
            paragraph_into(answer, block)
    return answer


def header_table(document: Document) -> Table | None:
    """The first table, in a page header or the body, whose rows are
    mostly label and value pairs of LABELS."""
    candidates = [t for s in document.sections for t in s.header.tables]
    candidates += document.tables[:1]
    for candidate in candidates:
        rows = [_cells(row.cells) for row in candidate.rows]
        known = [r for r in rows if len(r) >= 2 and fold(r[0].rstrip(":")) in LABELS]
        if rows and len(known) * 2 >= len(rows):
            found: Table = candidate
            return found
    return None


def _cells(cells: list[object]) -> list[str]:
    """The texts of a row's cells, a merged cell once."""
    texts: list[str] = []
    seen: list[object] = []
    for cell in cells:
        tc = getattr(cell, "_tc", cell)
        if tc in seen:
            continue
        seen.append(tc)
        texts.append(one_line(getattr(cell, "text", "")))
    return texts


def fields_of(header: Table) -> dict[str, str]:
    found: dict[str, str] = {}
    for row in header.rows:
        cells = _cells(row.cells)
        if len(cells) >= 2 and fold(cells[0].rstrip(":")) in LABELS:
            option = LABELS[fold(cells[0].rstrip(":"))]
            value = cells[1]
            if option in ("datum", "sammantrade"):
                value = iso_date(value)
            found.setdefault(option, value)
    return found


def iso_date(text: str) -> str:
    """'2 september 2020' as 2020-09-02; any other form as written (the
    build warns about a date it cannot read)."""
    match = SWEDISH_DATE.match(text.strip().lower())
    if match and match[2] in MONTHS:
        return f"{match[3]}-{MONTHS.index(match[2]) + 1:02d}-{int(match[1]):02d}"
    return text.strip()


def paragraph_into(answer: Answer, paragraph: Paragraph) -> None:
    style = paragraph.style.name if paragraph.style is not None else ""
    text = inline(paragraph)
    for what, path in LEFT_OUT.items():
        if paragraph._p.xpath(path):
            # where it stood: its paragraph's text, or the text before it
            where = one_line(paragraph.text) or answer.last
            answer.left_out.append((what, where[:60]))
    if paragraph.text.strip():
        answer.last = one_line(paragraph.text)
    if not text.strip():
        return
    heading = HEADING_STYLE.match(style)
    level = list_level(paragraph, style)
    if style == "Title" and not answer.title:
        answer.title = one_line(paragraph.text)
    elif heading:
        title = one_line(paragraph.text)
        mark = UNDERLINES[min(int(heading[1]), len(UNDERLINES)) - 1]
        answer.body += ["", title, mark * len(title)]
    elif level is not None:
        list_item(answer, level[0], numbered(paragraph, style), text)
        return
    else:
        answer.body += ["", text]
    answer.markers = []


def list_item(answer: Answer, level: int, numbered: bool, text: str) -> None:
    """An item at ``level``, indented under its parent's text; a blank line
    where the level changes, as reST wants between a list and a nested one."""
    marker = "#. " if numbered else "- "
    if level > len(answer.markers):
        level = len(answer.markers)
    changed = level != len(answer.markers) - 1 or not answer.markers
    answer.markers = [*answer.markers[:level], marker]
    indent = " " * sum(len(m) for m in answer.markers[:level])
    if changed:
        answer.body.append("")
    answer.body.append(indent + marker + text)


def list_level(paragraph: Paragraph, style: str) -> tuple[int] | None:
    """The list level of a list paragraph (0 the outermost), else None:
    its numbering's level, or its style's ("List Bullet 2" is level 1)."""
    levels = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
    if levels:
        return (int(levels[0]),)
    match = re.match(r"^List (?:Bullet|Number|Paragraph)(?: (\d))?$", style)
    if match:
        return (int(match[1]) - 1 if match[1] else 0,)
    return None


def numbered(paragraph: Paragraph, style: str) -> bool:
    """Whether a list paragraph is numbered: its numbering definition's
    format at its level, else its style's name."""
    number = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if not number:
        return "Number" in style
    level = (paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val") or ["0"])[0]
    try:
        definitions = paragraph.part.package.main_document_part.numbering_part.element
    except (AttributeError, KeyError, NotImplementedError):
        return "Number" in style
    formats = definitions.xpath(
        f'./w:abstractNum[@w:abstractNumId=string(../w:num[@w:numId="{number[0]}"]'
        f'/w:abstractNumId/@w:val)]/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val'
    )
    return bool(formats) and formats[0] != "bullet"


def inline(paragraph: Paragraph) -> str:
    """The paragraph's text as reST inline markup: bold and italic runs
    marked, links kept, everything else escaped."""
    from docx.text.hyperlink import Hyperlink

    parts: list[str] = []
    for content in paragraph.iter_inner_content():
        if isinstance(content, Hyperlink):
            parts.append(link(content))
            continue
        text = escape(content.text.replace("\t", " ").replace("\n", " "))
        if parts and parts[-1].endswith("__") and text[:1].isalnum():
            text = "\\ " + text  # a word right after a link: an escaped space
        if not text.strip():
            parts.append(text)
            continue
        lead, core, trail = _split_space(text)
        if content.bold:
            core = f"**{core}**"
        elif content.italic:
            core = f"*{core}*"
        parts.append(lead + core + trail)
    text = one_line("".join(parts))
    return re.sub(r"\*\*\*\*|(?<=\*)\*\*(?=\*)", "", text)


def link(hyperlink: Hyperlink) -> str:
    """A link as an anonymous reST link; one within the document as its text."""
    text = one_line(hyperlink.text)
    if not hyperlink.address:
        return escape(text)
    shown = re.sub(r"([\\`<>])", r"\\\1", text) or hyperlink.url
    # after a word, an escaped space: reST starts a link only after a space
    return f"\\ `{shown} <{hyperlink.url}>`__"


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def escape(text: str) -> str:
    """Characters reST would read as markup, escaped; a paragraph that
    would start a list or a directive, too."""
    text = re.sub(r"([\\*`|_])", r"\\\1", text)
    return re.sub(r"^(\s*)([-+•]|\d+[.)]|#\.|\.\.)(\s)", r"\1\\\2\3", text)


def table(block: Table) -> Iterator[str]:
    rows = [_cells(row.cells) for row in block.rows]
    width = max((len(r) for r in rows), default=0)
    yield ".. list-table::"
    if len(rows) > 1:
        yield "   :header-rows: 1"
    yield ""
    for row in rows:
        cells = [escape(cell) for cell in row] + [""] * (width - len(row))
        yield f"   * - {cells[0]}".rstrip()
        for cell in cells[1:]:
            yield f"     - {cell}".rstrip()
