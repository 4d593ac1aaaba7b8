"""Print-ready PDF handlingar through Sphinx's LaTeX builder.

- Every printed document (the pages of one motion, yttrande, utlåtande …)
  starts on a new page with "Sida 1 (n)" and a running header naming the
  municipality, the kind of document and its diarienummer.
- Objects flow as ordinary text, so long documents break across pages and
  nothing is cut off (unlike sphinx-needs' one-cell need tables).
- ``latex_documents`` is derived from the sources: one PDF per ärende and
  one per sammanträde, with title, subject (dnr) and language as PDF
  metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging, texescape
from sphinx.util.fileutil import copy_asset_file

from ..config import (
    KommunConfig,
    conf_location,
)
from ..domain.index import ObjectIndex
from ..domain.model import (
    KINDS,
    Arende,
    KommunObject,
    Sammantrade,
)
from ..domain.store import ArendeIndex, get_domain
from ..i18n import _
from ..nodes import (
    ancestors,
    kommun_backlinks,
    kommun_block,
    kommun_bookmark,
    kommun_document,
    kommun_header,
    kommun_object,
    kommun_signatures,
    kommun_struck,
)
from ..swedish import (
    capitalise,
    format_date,
    output_locale,
)
from . import needs
from .pdfchars import checked, declarations, fitted

STYLE = Path(__file__).parent / "texinputs" / "sphinxkommun.sty"

#: Kinds of object that are documents of their own when printed.
DOCUMENT_KINDS = (
    "sammantrade",
    "arende",
    "motion",
    "remiss",
    "yttrande",
    "utlatande",
    "beslut",
)


# -- visitors ---------------------------------------------------------------------

logger = logging.getLogger(__name__)


def visit_block(self: Any, node: kommun_block) -> None:
    for node_id in node["ids"]:
        self.body.append(self.hypertarget(node_id, anchor=True))
    self.body.append("\n")


def depart_block(self: Any, node: kommun_block) -> None:
    self.body.append("\n")


def _encode(self: Any, text: str) -> str:
    """An attribute's text, escaped, with what pdflatex cannot set replaced.

    (Text nodes are seen to by :mod:`.pdfchars` before writing.)
    """
    return str(self.encode(fitted(self.config, str(text))))


def _rendered(self: Any, node: nodes.Element) -> str:
    """The LaTeX of ``node``'s children, as the translator writes them
    (a withdrawn signatory struck through, links kept)."""
    self.pushbody([])
    for child in node.children:
        child.walkabout(self)
    return "".join(self.popbody()).strip()


def visit_header(self: Any, node: kommun_header) -> None:
    """The header block: label over value, in two columns, between rules."""
    fields = [(str(label), str(value)) for label, value in node.get("fields", [])]
    half = (len(fields) + 1) // 2
    columns = [fields[:half], fields[half:]]
    out = ["\n\\begin{kommunheader}"]
    for number, column in enumerate(columns):
        if number:
            out.append("\\hfill")
        out.append("\\begin{minipage}[t]{0.48\\linewidth}")
        for label, value in column:
            value_tex = r"\allowbreak{}".join(
                _encode(self, piece) for piece in _breakable_text(value)
            )
            out.append(f"\\kommunfield{{{_encode(self, label)}}}{{{value_tex}}}")
        out.append("\\end{minipage}")
    out.append("\\end{kommunheader}\n")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def visit_signatures(self: Any, node: kommun_signatures) -> None:
    """Place, date and 'on behalf of' lines, then the names side by side."""
    out = ["\n\\begin{kommunsignatures}"]
    for child in node.children:
        if isinstance(child, nodes.line_block):
            lines = [_rendered(self, line) for line in child.children]
            name, role = (lines[0] if lines else ""), "\\\\".join(lines[1:])
            out.append(f"\\kommunsignature{{{name}}}{{{role}}}")
        else:
            out.append(f"\\kommunsignatureintro{{{_rendered(self, child)}}}")
    out.append("\\end{kommunsignatures}\n")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def visit_backlinks(self: Any, node: kommun_backlinks) -> None:
    # navigation for the web; the printed papers carry their own references
    raise nodes.SkipNode


def visit_struck(self: Any, node: kommun_struck) -> None:
    self.body.append(r"\kommunstrike{")


def depart_struck(self: Any, node: kommun_struck) -> None:
    self.body.append("}")


def visit_bookmark(self: Any, node: kommun_bookmark) -> None:
    anchor = self.idescape(f"{self.curfilestack[-1]}:{node['ids'][0]}")
    self.body.append(
        f"\n\\kommunbookmark{{{_encode(self, node['title'])}}}{{{anchor}}}\n"
    )
    raise nodes.SkipNode


def visit_document(self: Any, node: kommun_document) -> None:
    if node.get("pdfinfo"):
        # per PDF: the preamble and the cover's date line are this writer's
        self.elements["preamble"] += "\n" + node["pdfinfo"] + "\n"
        self.elements["date"] = _encode(self, node.get("cover", ""))
    if node["start"]:
        number, kind, dnr = (
            node["number"],
            _encode(self, node["kind"]),
            _encode(self, node["dnr"]),
        )
        self.body.append(f"\n\\kommunstartdocument{{{number}}}{{{kind}}}{{{dnr}}}\n")
    else:
        self.body.append("\n\\kommunenddocument\n")
    raise nodes.SkipNode


VISITORS: dict[type[nodes.Element], tuple[Any, Any]] = {
    kommun_header: (visit_header, None),
    kommun_signatures: (visit_signatures, None),
    kommun_backlinks: (visit_backlinks, None),
}


# -- marking the printed documents --------------------------------------------------


def _outside_files(node: nodes.Element) -> Iterator[nodes.Element]:
    """Descendants of ``node`` that are not inside an included file."""
    for child in node.children:
        if not isinstance(child, nodes.Element):
            continue
        if isinstance(child, addnodes.start_of_file):
            continue
        yield child
        yield from _outside_files(child)


def _first_document_object(node: nodes.Element) -> kommun_object | None:
    for child in _outside_files(node):
        if isinstance(child, kommun_object) and child.get("kind") in DOCUMENT_KINDS:
            return child
    return None


def _text_after(included: addnodes.start_of_file) -> nodes.Element | None:
    """The first node after an included file, before the next one, that
    the enclosing document prints (not another file, not a marker).

    Looks past the end of the toctree's wrapper and of the sections around
    it, up to the enclosing file.
    """
    node: nodes.Element = included
    while node.parent is not None and not isinstance(node, nodes.document):
        parent = node.parent
        for sibling in parent.children[parent.index(node) + 1 :]:
            if isinstance(sibling, addnodes.start_of_file):
                return None
            if isinstance(sibling, kommun_bookmark | kommun_document):
                continue
            if isinstance(sibling, nodes.Element) and sibling.astext().strip():
                return sibling
        if isinstance(parent, addnodes.start_of_file):
            return None
        node = parent
    return None


def _owner(included: addnodes.start_of_file) -> nodes.Element:
    """The included page (or the whole PDF) that includes ``included``."""
    owner = included.parent
    while not isinstance(owner, addnodes.start_of_file) and owner.parent is not None:
        owner = owner.parent
    return owner


class PrintedDocuments(SphinxPostTransform):
    """Mark where each printed document starts and ends (LaTeX only)."""

    default_priority = 20
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if self.document.get("docname") is None:
            return
        number = 0

        def start(
            container: nodes.Element,
            position: int,
            of: nodes.Element | None = None,
        ) -> kommun_document:
            """Start document ``of`` (default: ``container``) at ``position``."""
            nonlocal number
            number += 1
            obj = _first_document_object(of if of is not None else container)
            kind = capitalise(_(_label(obj))) if obj is not None else ""
            marker = kommun_document(
                start=True,
                number=str(number),
                kind=kind,
                dnr=obj.get("dnr", "") if obj is not None else "",
            )
            container.insert(position, marker)
            return marker

        root = self.document
        section = next(iter(root.findall(nodes.section)), None)
        first = start(section, 1) if section is not None else start(root, 0)
        info, first["cover"] = pdf_info(self.env, str(root["docname"]))
        first["pdfinfo"] = "\n".join(filter(None, [info, index_characters(self.env)]))
        for included in list(root.findall(addnodes.start_of_file)):
            previous = included.previous_sibling()
            start(included, 0)
            if isinstance(previous, kommun_bookmark):
                # the bookmark belongs on the document's first page
                previous.parent.remove(previous)
                included.insert(1, previous)
            # text after the included page belongs to the document that
            # includes it: that document starts again there
            after = _text_after(included)
            if after is not None:
                start(after.parent, after.parent.index(after), _owner(included))
        root += kommun_document(start=False)


def _label(obj: kommun_object) -> str:
    cls = KINDS.get(obj.get("kind", ""))
    return cls.label if cls is not None else ""


# -- which PDFs, and their metadata -------------------------------------------------


def file_name(text: str) -> str:
    """A file name for LaTeX: ASCII, as docutils transliterates identifiers
    (ä → a, ł → l), digits kept at the start (Göteborg's ``0456/21`` is
    ``0456-21``, where docutils would drop them)."""
    return nodes.make_id(f"x{text}")[1:] or "dokument"


def documents(
    index: ObjectIndex, config: KommunConfig
) -> list[tuple[str, str, str, str, str, bool]]:
    """latex_documents entries: one per ärende and one per sammanträde."""
    selected = selection(config)
    entries = []
    names: dict[str, int] = {}
    starts: dict[str, KommunObject] = {}
    for obj in index.by_id.values():
        if isinstance(obj, Arende):
            group = "arenden"
        elif isinstance(obj, Sammantrade):
            group = "sammantraden"
        else:
            continue
        title = pdf_title(obj)
        keys = _keys(obj, group)
        if not selected & keys:
            continue
        if obj.docname in starts:
            # a PDF holds a page and what it includes: one PDF per page
            logger.warning(
                _(
                    "%(this)s står på samma sida som %(other)s och får ingen egen "
                    "PDF; ge det en egen sida för en egen PDF"
                ),
                {"this": _heading(obj), "other": _heading(starts[obj.docname])},
                location=obj.location,
                type="kommun",
                subtype="duplicate",
            )
            continue
        starts[obj.docname] = obj
        # an ärende's PDF is named after its diarienummer, a meeting's after its id
        name = file_name(obj.dnr if isinstance(obj, Arende) else obj.id)
        if name in names:
            names[name] += 1
            renamed = f"{name}-{names[name]}"
            logger.warning(
                _("två PDF:er skulle heta %(name)s.tex; den här heter %(renamed)s.tex"),
                {"name": name, "renamed": renamed},
                location=obj.location,
                type="kommun",
                subtype="duplicate",
            )
            name = renamed
        else:
            names[name] = 1
        entries.append(
            (
                obj.docname,
                f"{name}.tex",
                title,
                config.municipality,
                "howto",
                False,
            )
        )
    return sorted(entries, key=lambda entry: entry[1])


def selection(config: KommunConfig) -> set[str]:
    """The items of ``kommun_pdf_documents``, folded, without empty ones."""
    return {item.casefold() for item in _items(config)}


def _items(config: KommunConfig) -> list[str]:
    """The items of ``kommun_pdf_documents`` as written."""
    parts = config.pdf_documents.replace(";", ",").split(",")
    return [part.strip() for part in parts if part.strip()]


def _keys(obj: Arende | Sammantrade, group: str) -> set[str]:
    return {"all", group, obj.id.casefold()} | (
        {obj.dnr.casefold()} if obj.dnr else set()
    )


def unmatched(index: ObjectIndex, config: KommunConfig) -> list[str]:
    """Items of ``kommun_pdf_documents`` that select no ärende or sammanträde."""
    found: set[str] = {"all", "arenden", "sammantraden", "off"}
    for obj in index.by_id.values():
        if isinstance(obj, Arende):
            found |= _keys(obj, "arenden")
        elif isinstance(obj, Sammantrade):
            found |= _keys(obj, "sammantraden")
    return [item for item in _items(config) if item.casefold() not in found]


def printed_pages(env: BuildEnvironment, start: str) -> set[str]:
    """The pages a PDF starting at ``start`` holds: its toctrees, inlined."""
    found = {start}
    stack = [start]
    while stack:
        for included in env.toctree_includes.get(stack.pop(), ()):
            if included not in found:
                found.add(included)
                stack.append(included)
    return found


def check_printed(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: every document of an ärende with a PDF is
    printed in it, i.e. its page is in a toctree under the ärende's page (a
    page outside it would be missing from the printed handlingar). A page
    marked ``:orphan:`` is left out of print knowingly."""
    settings = KommunConfig.from_config(app.config)
    if settings.pdf_documents.strip().casefold() in ("", "off"):
        return
    index = get_domain(env).index
    selected = selection(settings)
    for dnr in index.dnrs():
        arende = index.arende(dnr)
        if arende is None or not selected & _keys(arende, "arenden"):
            continue
        printed = printed_pages(env, arende.docname)
        warned: set[str] = set()
        for obj in index.by_dnr[dnr]:
            if obj.docname in printed or obj.docname in warned:
                continue
            if "orphan" in env.metadata.get(obj.docname, {}):
                continue
            warned.add(obj.docname)
            logger.warning(
                _(
                    "%(kind)s i ärendet %(dnr)s kommer inte med i ärendets PDF: "
                    "sidan står inte i någon toctree under ärendets sida "
                    "(%(page)s; ange :orphan: om den ska stå utanför)"
                ),
                {
                    "kind": capitalise(_(obj.label)),
                    "dnr": dnr,
                    "page": arende.docname,
                },
                location=obj.location,
                type="kommun",
                subtype="structure",
            )


def _heading(obj: KommunObject) -> str:
    if isinstance(obj, Arende):
        return _("ärendet %(dnr)s") % {"dnr": obj.dnr}
    return _("sammanträdet '%(title)s'") % {"title": obj.title}


def pdf_title(obj: Arende | Sammantrade) -> str:
    if isinstance(obj, Sammantrade):
        return _("Handlingar: %(title)s") % {"title": obj.title}
    return obj.heading


def pdf_info(env: Any, docname: str) -> tuple[str, str]:
    """``\\hypersetup`` with title, subject (diarienummer) and language, and
    the line printed under the title on the cover."""
    index = get_domain(env).index
    config = KommunConfig.from_config(env.config)
    locale = output_locale(env.config.language)
    title = subject = cover = ""
    for obj in index.by_id.values():
        if obj.docname != docname:
            continue
        if isinstance(obj, Arende):
            title, subject = pdf_title(obj), obj.dnr
            cover = _("Ärendets handlingar, %(dnr)s") % {"dnr": obj.dnr}
            break
        if isinstance(obj, Sammantrade):
            title = pdf_title(obj)
            subject = ", ".join(obj.items)
            parts = [format_date(obj.date, locale)] if obj.date else []
            if obj.time:
                parts.append(_("kl. %(time)s") % {"time": obj.time})
            if obj.place:
                parts.append(obj.place)
            cover = ", ".join([obj.body, *parts])
            break
    language = env.config.language or "sv"
    lang = {"sv": "sv-SE", "en": "en-GB"}.get(language, language.replace("_", "-"))
    fields = {
        "pdflang": lang,
        "pdfauthor": pdf_string(env.config, config.municipality),
        "pdftitle": pdf_string(env.config, title),
        "pdfsubject": pdf_string(env.config, subject),
    }
    parts = [f"{key}={{{value}}}" for key, value in fields.items() if value]
    return "\\hypersetup{" + ",".join(parts) + "}", cover


def prints_index(config: Config, name: str) -> bool:
    """Whether the domain index ``name`` (``kommun-arenden``) is printed."""
    chosen = config.latex_domain_indices
    if isinstance(chosen, bool):
        return chosen
    return name in chosen


def index_characters(env: BuildEnvironment) -> str:
    """For a project that prints the index of ärenden (``latex_domain_indices``):
    the characters pdflatex cannot set in its entries, declared to print as
    in the documents (``?``). Sphinx writes the entries into the .tex as
    they are, without a doctree :mod:`.pdfchars` would have seen; each
    was warned about where the ärende's text is written."""
    if not checked(env.config) or not prints_index(env.config, "kommun-arenden"):
        return ""
    content, _collapse = ArendeIndex(get_domain(env)).generate()
    text = "".join(
        group + "".join(entry.name + entry.extra for entry in entries)
        for group, entries in content
    )
    return declarations(text)


#: What must be escaped in a PDF string (metadata): TeX's specials only.
#: Sphinx's escapes for running text (``\sphinxhyphen{}`` for ``-``, math
#: for some symbols) are no tokens hyperref allows there: a dnr like
#: ``KSN-2023-00417`` lost its hyphens.
_PDF_STRING = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "#": r"\#",
        "%": r"\%",
        "&": r"\&",
        "$": r"\$",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def pdf_string(config: Config, text: str) -> str:
    """Plain text as a value of ``\\hypersetup`` (title, subject, author)."""
    return fitted(config, " ".join(text.split())).translate(_PDF_STRING)


def tex_text(config: Config, text: str) -> str:
    """Plain text as LaTeX outside a translator (preamble, title, metadata):
    what pdflatex cannot set replaced (:mod:`.pdfchars`), specials escaped.
    """
    texescape.init()  # idempotent; Sphinx calls it only when its builder starts
    return texescape.escape(fitted(config, text), config.latex_engine)


# -- configuration -------------------------------------------------------------------


def set_by_project(config: Config, name: str) -> bool:
    """Whether conf.py or ``-D`` sets ``name``. (Sphinx keeps no public
    record of it: its raw namespace and the overrides are read.)"""
    return name in config._raw_config or name in config._overrides


def configure(app: Sphinx, config: Config) -> None:
    """``config-inited``: a municipal look, unless the project chose otherwise.

    A printed handling has no index pages at its end: ``latex_domain_indices``
    is False and ``latex_elements["printindex"]`` empty unless conf.py (or
    ``-D``) sets them.
    """
    settings = KommunConfig.from_config(config)
    elements = dict(config.latex_elements)
    defaults = {
        "papersize": "a4paper",
        "pointsize": "11pt",
        "geometry": "\\usepackage[a4paper,top=30mm,bottom=25mm,left=25mm,"
        "right=25mm,headheight=28pt,headsep=10mm]{geometry}",
        "maketitle": "\\kommunmaketitle",
        "tableofcontents": "",
        "fncychap": "",
        "extraclassoptions": "oneside",
        # no general index after the documents
        "printindex": "",
    }
    for key, value in defaults.items():
        elements.setdefault(key, value)
    municipality = tex_text(config, settings.municipality)
    plugins = app.kommun_plugins  # type: ignore[attr-defined]
    environments = "".join(
        f"\\newenvironment{{sphinxclasskommunenv-{env}}}{{\\begin{{{env}}}}}{{\\end{{{env}}}}}\n"
        for kind in plugins.sections.values()
        if (env := kind.get("latex_environment"))
    )
    elements["preamble"] = (
        f"\\renewcommand{{\\kommunmunicipality}}{{{municipality}}}\n"
        + plugins.latex_preamble()
        + "\n"
        + environments
        + elements.get("preamble", "")
    )
    config.latex_elements = elements
    if not set_by_project(config, "latex_domain_indices"):
        config.latex_domain_indices = False


def prepare(app: Sphinx, builder: Builder) -> None:
    """``write-started``: our style file, and the PDFs derived from the sources."""
    if builder.format != "latex":
        return
    copy_asset_file(STYLE, builder.outdir, force=True)
    settings = KommunConfig.from_config(app.config)
    if settings.pdf_documents.strip().casefold() in ("", "off"):
        return
    index = get_domain(app.env).index
    missing = unmatched(index, settings)
    if missing:
        logger.warning(
            "kommun_pdf_documents: %s matches no ärende or sammanträde (use "
            "'all', 'arenden', 'sammantraden', a diarienummer or an id)",
            ", ".join(f"'{item}'" for item in missing),
            type="kommun",
            subtype="config",
            location=conf_location(app, "kommun_pdf_documents"),
        )
    derived = documents(index, settings)
    if derived:
        app.config.latex_documents = [
            # Sphinx writes these into \\title and \\author as LaTeX markup
            (
                start,
                name,
                tex_text(app.config, title),
                tex_text(app.config, author),
                theme,
                toctree_only,
            )
            for start, name, title, author, theme, toctree_only in derived
        ]
    _remove_stale(
        Path(builder.outdir), {entry[1] for entry in app.config.latex_documents}
    )
    needs.process_in_pdfs(app.env, [entry[0] for entry in app.config.latex_documents])


def _remove_stale(outdir: Path, current: set[str]) -> None:
    """Remove the .tex (and .pdf) of PDFs sphinx-kommun wrote before and no
    longer derives (a removed ärende, a narrower ``kommun_pdf_documents``):
    Sphinx's Makefile compiles every .tex it finds, and CI would publish
    the stale PDF. A .tex sphinx-kommun did not write is left alone."""
    for tex in outdir.glob("*.tex"):
        if tex.name in current:
            continue
        try:
            ours = "\\kommunstartdocument{" in tex.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if ours:
            logger.info("removing %s (no longer a PDF of the project)", tex.name)
            tex.unlink()
            tex.with_suffix(".pdf").unlink(missing_ok=True)


def _needs_views_open(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Before sphinx-needs renders its views into a PDF (``doctree-resolved``).

    A needtable links every need it lists; in a PDF that does not hold the
    need's page the LaTeX builder raises ``NoUri``, which sphinx-needs does
    not catch. Every page counts as included while it renders; links to
    pages outside the PDF become plain text afterwards.
    """
    builder = app.builder
    if builder.format != "latex" or not hasattr(builder, "docnames"):
        return
    builder._kommun_included = set(builder.docnames)  # type: ignore[attr-defined]
    builder.docnames = set(builder.docnames) | set(app.env.all_docs)


def _needs_views_close(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    builder = app.builder
    included = getattr(builder, "_kommun_included", None)
    if builder.format != "latex" or included is None:
        return
    builder.docnames = included  # type: ignore[attr-defined]
    del builder._kommun_included  # type: ignore[attr-defined]
    for reference in list(doctree.findall(nodes.reference)):
        uri = reference.get("refuri", "")
        if uri.startswith("%") and uri[1:].split("#")[0] not in included:
            reference.replace_self(reference.children)


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
            note[0].replace_self(nodes.label(number, number))
            numbers[note["ids"][0]] = number
        for reference in self.document.findall(nodes.footnote_reference):
            given = numbers.get(reference.get("refid", ""))
            if given is not None:
                reference.children = [nodes.Text(given)]


def _nested_tables_fit(app: Sphinx, doctree: nodes.document, docname: str) -> None:
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


def _breakable_text(text: str) -> list[str]:
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


def _long_runs_break(app: Sphinx, doctree: nodes.document, docname: str) -> None:
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
        pieces = _breakable_text(text)
        if len(pieces) == 1:
            continue
        parts: list[nodes.Node] = [nodes.Text(pieces[0])]
        for piece in pieces[1:]:
            parts.append(nodes.raw("", r"\allowbreak{}", format="latex"))
            parts.append(nodes.Text(piece))
        index = parent.index(text)
        parent[index : index + 1] = parts


def register(app: Sphinx) -> None:
    app.add_latex_package("sphinxkommun")
    app.add_post_transform(PrintedDocuments)
    app.add_post_transform(NumberedSymbolFootnotes)
    app.connect("config-inited", configure, priority=600)
    app.connect("env-check-consistency", check_printed)
    app.connect("write-started", prepare)
    app.connect("doctree-resolved", _needs_views_open, priority=400)
    app.connect("doctree-resolved", _needs_views_close, priority=600)
    app.connect("doctree-resolved", _nested_tables_fit, priority=650)
    # after pdfchars (700) has replaced what pdflatex cannot set
    app.connect("doctree-resolved", _long_runs_break, priority=710)
