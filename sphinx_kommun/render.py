"""Small builders of docutils nodes shared by directives and generated text.

Everything the user wrote goes into ``nodes.Text``, which every writer
escapes, so option values cannot inject HTML or LaTeX.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TypeAlias, TypeVar

from docutils import nodes
from sphinx.addnodes import pending_xref

from .domain.model import Person
from .nodes import (
    kommun_header,
    kommun_signatures,
    kommun_struck,
)
from .swedish import (
    format_date,
    join,
)

N = TypeVar("N", bound=nodes.Element)

Part: TypeAlias = str | nodes.Node | Sequence[nodes.Node]

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _as_nodes(part: Part) -> list[nodes.Node]:
    if isinstance(part, str):
        return [nodes.Text(part)] if part else []
    if isinstance(part, nodes.Node):
        return [part]
    return list(part)


def fill(template: str, **parts: Part) -> list[nodes.Node]:
    """Nodes for a translated template whose ``%(name)s`` fields are nodes.

    ``fill("%(who)s beslutade den %(date)s.", who=nodes.strong(...), date="…")``
    keeps the markup of each part, which ``%``-formatting a string cannot.
    """
    result: list[nodes.Node] = []
    position = 0
    text = str(template)
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > position:
            result.append(nodes.Text(text[position : match.start()]))
        result.extend(_as_nodes(parts[match.group(1)]))
        position = match.end()
    if position < len(text):
        result.append(nodes.Text(text[position:]))
    return result


def para(template: str, classes: Iterable[str] = (), **parts: Part) -> nodes.paragraph:
    node = nodes.paragraph("", "", *fill(template, **parts))
    node["classes"].extend(classes)
    return node


def sentence(text: str) -> str:
    """``text`` as a sentence: with a full stop."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def strong(text: str) -> nodes.strong:
    return nodes.strong(text, text)


def emphasis(text: str) -> nodes.emphasis:
    return nodes.emphasis(text, text)


def date_text(date: dt.date | None, locale: str) -> str:
    return format_date(date, locale) if date else "–"


def section(
    title: Part, node_id: str, *children: nodes.Node, classes: Iterable[str] = ()
) -> nodes.section:
    sect = nodes.section(ids=[node_id] if node_id else [])
    sect["classes"].extend(classes)
    title_node = nodes.title("", "", *_as_nodes(title))
    sect += title_node
    sect.extend(children)
    return sect


def as_written(node: N) -> N:
    """Keep what the clerk wrote in an option as written.

    Sphinx's smart quotes would otherwise rewrite quotes and backslashes in
    these nodes when the document is read, but not in the same values where
    generated text repeats them later, so one value would print two ways.
    """
    node["support_smartquotes"] = False
    return node


def rubric(text: str, classes: Iterable[str] = ()) -> nodes.rubric:
    node = nodes.rubric(text, text)
    node["classes"].extend(classes)
    return as_written(node)


def header(
    fields: Sequence[tuple[str, Part]], classes: Iterable[str] = ()
) -> kommun_header:
    """The header block: a field list (the LaTeX writer lays it out in two
    columns from the fields' text, once generated values are filled in)."""
    block = as_written(kommun_header())
    block["classes"].extend(classes)
    field_list = nodes.field_list()
    for label, value in fields:
        body = nodes.paragraph("", "", *_as_nodes(value))
        field_list += nodes.field(
            "", nodes.field_name(label, label), nodes.field_body("", body)
        )
    block += field_list
    return block


def person_inline(person: Person) -> list[nodes.Node]:
    """A person as written in running text; withdrawn signatories struck
    through. The name links to the person's section of a personregister
    where there is one (else it stays text, as written)."""
    text = person.with_party()
    if person.withdrawn:
        result: list[nodes.Node] = [kommun_struck(text, text)]
        if person.note:
            result.append(nodes.Text(f" ({person.note})"))
        return result
    return [person_link(person.name, text, person.party)]


def person_link(name: str, text: str, party: str = "") -> pending_xref:
    """``text`` linked to the section of the person ``name`` in a
    personregister (of namesakes, the one of ``party``); unresolved, never
    warned about, it is just the text."""
    node = pending_xref(
        "",
        nodes.Text(text),
        refdomain="kommun",
        reftype="person",
        reftarget=name,
        refexplicit=True,
        refwarn=False,
    )
    node["kommun-person"] = True
    if party:
        node["kommun-party"] = party
    return node


def person_list(people: Sequence[Person], locale: str) -> list[nodes.Node]:
    """People in running text, as a Swedish list ("A (V), B (S) och C (M)"),
    withdrawn ones struck through."""
    template = join([f"%({number})s" for number in range(len(people))], locale)
    return fill(
        template,
        **{str(number): person_inline(p) for number, p in enumerate(people)},
    )


def person_lines(people: Sequence[Person]) -> nodes.line_block:
    block = as_written(nodes.line_block())
    for person in people:
        line = nodes.line("", "", *person_inline(person))
        block += line
    return block


def lines(parts: Sequence[Part]) -> nodes.line_block:
    """Parts a line each: a narrow table cell's att-satser, which
    :func:`table` puts in the cell as they are, not in a paragraph."""
    block = nodes.line_block()
    for part in parts:
        block += nodes.line("", "", *_as_nodes(part))
    return block


def cell(parts: Sequence[Part], empty: Part = "") -> Part:
    """A table cell of ``parts``: a line each when there are several
    (:func:`lines`), the one part, or ``empty``."""
    if len(parts) > 1:
        return lines(parts)
    return parts[0] if parts else empty


def signatures(
    people: Sequence[Person],
    intro: Sequence[nodes.paragraph] = (),
    classes: Iterable[str] = (),
) -> kommun_signatures:
    """Signature block: intro lines (place and date, "on behalf of"), then
    per signatory the name and, on the next line, the title."""
    block = as_written(kommun_signatures())
    block["classes"].extend(classes)
    block.extend(intro)
    for person in people:
        lines = nodes.line_block(classes=["kommun-signature"])
        lines += nodes.line("", "", *person_inline(person))
        if person.role:
            lines += nodes.line(person.role, person.role)
        block += lines
    return block


def xref(
    kind: str,
    target: str,
    text: str,
    refdoc: str,
    *,
    explicit: bool = True,
    refdnr: str = "",
) -> pending_xref:
    """A cross reference to an object, resolved by the kommun domain."""
    node = pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="kommun",
        reftype=kind,
        reftarget=target,
        refdoc=refdoc,
        refexplicit=explicit,
        refwarn=False,
    )
    node["kommun-refdnr"] = refdnr
    return node


#: The class of the container each table of :func:`table` stands in.
TABLE_CLASS = "kommun-table"


def small(node: nodes.Node) -> nodes.container:
    """A container set in a smaller font in LaTeX (class ``kommun-table``)."""
    return nodes.container("", node, classes=[TABLE_CLASS])


def bullet_list(
    items: Iterable[Sequence[nodes.Node]], classes: Iterable[str] = ()
) -> nodes.bullet_list:
    blist = nodes.bullet_list()
    blist["classes"].extend(classes)
    for item in items:
        blist += nodes.list_item("", nodes.paragraph("", "", *item))
    return blist


def enumerated_list(items: Iterable[Sequence[nodes.Node]]) -> nodes.enumerated_list:
    elist = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for item in items:
        elist += nodes.list_item("", nodes.paragraph("", "", *item))
    return elist


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Part]],
    *,
    widths: Sequence[int] | None = None,
    classes: Iterable[str] = (),
    title: str = "",
    node_id: str = "",
) -> nodes.container:
    """A simple table of paragraphs; long tables break across pages in LaTeX.

    A table with a title needs an id (Sphinx numbers captioned tables). The
    table comes in a container set in a smaller font in print.
    """
    columns = len(headers)
    table_node = nodes.table(ids=[node_id] if node_id else [])
    table_node["classes"].extend(classes)
    if widths:
        # Sphinx's LaTeX writer honours colspec widths only with this class
        table_node["classes"].append("colwidths-given")
    if title:
        table_node += nodes.title(title, title)
    group = nodes.tgroup(cols=columns)
    table_node += group
    for number, width in enumerate(widths or [1] * columns):
        colspec = nodes.colspec(colwidth=width)
        if number == 0:  # the first column names the row: row headers
            colspec["stub"] = 1
        group += colspec
    thead = nodes.thead()
    group += thead
    head_row = nodes.row()
    for text in headers:
        head_row += nodes.entry("", nodes.paragraph(text, text))
    thead += head_row
    tbody = nodes.tbody()
    group += tbody
    for row in rows:
        row_node = nodes.row()
        for cell in row:
            if isinstance(cell, nodes.line_block):  # from lines()
                row_node += nodes.entry("", cell)
                continue
            row_node += nodes.entry("", nodes.paragraph("", "", *_as_nodes(cell)))
        tbody += row_node
    return small(table_node)


def file_name(text: str) -> str:
    """A file name (a PDF's): ASCII, as docutils transliterates identifiers
    (ä → a, ł → l), digits kept at the start (Göteborg's ``0456/21`` is
    ``0456-21``, where docutils would drop them)."""
    return nodes.make_id(f"x{text}")[1:] or "dokument"


#: Where an HTML build writes its feeds, below its output directory.
FEEDS = "feeds"
#: The builders that write the feeds (and link them).
FEED_BUILDERS = ("html", "dirhtml")
#: The Atom feed of new and changed ärenden and meetings.
ATOM_FILE = f"{FEEDS}/arenden.atom"


def calendar_file(body: str = "") -> str:
    """The iCalendar file of the meetings of ``body`` (of every body: "")."""
    own = f"-{file_name(body)}" if body else ""
    return f"{FEEDS}/sammantraden{own}.ics"
