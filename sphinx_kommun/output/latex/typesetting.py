"""What plain Sphinx sets badly or not at all with pdflatex, fixed in the doctree.

- A run without spaces (a web address written as text, a long id) may
  break after punctuation, and a very long run of letters every so often.
- A table inside another table's cell takes its column widths from LaTeX.
- Symbol footnotes (``[*]_``) get numbers.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...nodes import ancestors

#: A run without spaces this long may not fit a column (a URL written as
#: text, an id, a file name); shorter words are left to babel's hyphenation.
LONG_RUN = 30
#: Letters in a row are broken only when longer than any Swedish compound.
LONG_LETTERS = 40
_RUN = re.compile(rf"\S{{{LONG_RUN},}}")
_BREAK_AFTER = re.compile(r"(?<=[/\-_.@=&?:;,])(?=.)")
_NO_BREAK = (
    nodes.literal,
    nodes.literal_block,
    nodes.raw,
    nodes.title,
    nodes.reference,
)


def _breakable(run: str) -> list[str]:
    """``run`` cut where a line may break: after punctuation, and every
    ``LONG_LETTERS`` // 2 characters of a longer stretch without any."""
    pieces: list[str] = []
    for piece in _BREAK_AFTER.split(run):
        step = LONG_LETTERS // 2
        if len(piece) <= LONG_LETTERS:
            pieces.append(piece)
            continue
        pieces.extend(piece[i : i + step] for i in range(0, len(piece), step))
    return pieces


def breakable_text(text: str) -> list[str]:
    """``text`` cut where a line may break inside its long runs."""
    pieces = [""]
    position = 0
    for match in _RUN.finditer(text):
        run = _breakable(match.group())
        pieces[-1] += text[position : match.start()] + run[0]
        pieces.extend(run[1:])
        position = match.end()
    pieces[-1] += text[position:]
    return pieces


def long_runs_break(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: let LaTeX break a long run without spaces.

    pdflatex breaks lines only at spaces and hyphenation points, so a URL
    written as text or a long id in a table cell ran into the margin.
    """
    if app.builder.format != "latex":
        return
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or not _RUN.search(text):
            continue
        if any(isinstance(a, _NO_BREAK) for a in ancestors(parent)):
            continue
        pieces = breakable_text(text)
        if len(pieces) == 1:
            continue
        parts: list[nodes.Node] = [nodes.Text(pieces[0])]
        for piece in pieces[1:]:
            parts.append(nodes.raw("", r"\allowbreak{}", format="latex"))
            parts.append(nodes.Text(piece))
        index = parent.index(text)
        parent[index : index + 1] = parts


def nested_tables_fit(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a table inside another table's cell (a beslut in
    a grid table) takes its column widths from LaTeX. Sphinx sets given widths
    as ``tabular`` inside the outer ``tabulary``, which pdflatex cannot set."""
    if app.builder.format != "latex":
        return
    for table in doctree.findall(nodes.table):
        if "colwidths-given" not in table["classes"]:
            continue
        if any(isinstance(a, nodes.table) for a in ancestors(table.parent)):
            table["classes"].remove("colwidths-given")


class NumberedSymbolFootnotes(SphinxPostTransform):
    """Symbol footnotes (``[*]_``) get numbers in print.

    Sphinx's LaTeX writer uses a footnote's label as its number, and
    pdflatex stops at ``\\begin{footnote}[*]``. Each symbol footnote gets
    the next number after the document's numbered ones.
    """

    default_priority = 590  # before Sphinx's LaTeXFootnoteTransform (600)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        footnotes = list(self.document.findall(nodes.footnote))
        if not any(note.get("auto") == "*" for note in footnotes):
            return
        highest: dict[str, int] = {}
        for note in footnotes:
            label = note[0].astext() if len(note) else ""
            if label.isdigit():
                docname = note.get("docname", "")
                highest[docname] = max(highest.get(docname, 0), int(label))
        numbers: dict[str, str] = {}
        for note in footnotes:
            if note.get("auto") != "*" or not len(note) or not note["ids"]:
                continue
            docname = note.get("docname", "")
            highest[docname] = highest.get(docname, 0) + 1
            number = str(highest[docname])
            label_node = note[0]
            assert isinstance(label_node, nodes.Element)
            label_node.replace_self(nodes.label(number, number))
            numbers[note["ids"][0]] = number
        for reference in self.document.findall(nodes.footnote_reference):
            given = numbers.get(reference.get("refid", ""))
            if given is not None:
                reference.children = [nodes.Text(given)]
