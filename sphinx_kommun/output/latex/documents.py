"""Which PDFs a build writes, named and described from the sources.

- ``latex_documents`` is derived from the sources: one PDF per ärende and
  one per sammanträde (``kommun_pdf_documents`` chooses), named after the
  diarienummer or the meeting's id, with title, subject (dnr) and language
  as PDF metadata.
- Every document of an ärende with a PDF must be printed in it.
- The .tex (and .pdf) of a PDF no longer derived is removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging, texescape
from sphinx.util.fileutil import copy_asset_file

from ... import render
from ...config import (
    KommunConfig,
    conf_location,
)
from ...domain.arenden import ArendeIndex
from ...domain.index import ObjectIndex
from ...domain.model import KommunObject
from ...domain.remote import is_federated
from ...domain.store import get_domain
from ...generate.motions import pdf_documents
from ...i18n import _
from ...kinds.arende import Arende
from ...kinds.protokoll import Protokoll
from ...kinds.sammantrade import Sammantrade
from ...swedish import (
    capitalise,
    format_date,
    output_locale,
)
from .archival import language_tag
from .characters import checked, declarations, fitted
from .views import process_in_pdfs

STYLE = Path(__file__).parent / "texinputs" / "sphinxkommun.sty"

logger = logging.getLogger(__name__)


def documents(
    index: ObjectIndex, config: KommunConfig
) -> list[tuple[str, str, str, str, str, bool]]:
    """latex_documents entries: one per ärende and one per sammanträde."""
    selected = selection(config)
    entries = []
    names: dict[str, int] = {}
    starts: dict[str, KommunObject] = {}
    for obj in index.by_id.values():
        if is_federated(obj.docname):
            continue  # printed by the project it is written in
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
        name = _unique(
            render.file_name(obj.dnr if isinstance(obj, Arende) else obj.id),
            names,
            obj,
        )
        entries.append(
            (
                obj.docname,
                f"{name}.tex",
                title,
                config.words.municipality,
                "howto",
                False,
            )
        )
    return sorted(entries, key=lambda entry: entry[1])


def _unique(name: str, names: dict[str, int], obj: KommunObject) -> str:
    """``name``, or ``name-2`` … if an earlier PDF has it (counted in ``names``)."""
    if name not in names:
        names[name] = 1
        return name
    names[name] += 1
    renamed = f"{name}-{names[name]}"
    logger.warning(
        _("två PDF:er skulle heta %(name)s.tex; den här heter %(renamed)s.tex"),
        {"name": name, "renamed": renamed},
        location=obj.location,
        type="kommun",
        subtype="duplicate",
    )
    return renamed


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
    # a protokoll's §§ (and what is written in them) are printed in it
    protokolls = {o.docname for o in index.by_id.values() if isinstance(o, Protokoll)}
    for dnr in index.dnrs():
        arende = index.arende(dnr)
        if arende is None or not selected & _keys(arende, "arenden"):
            continue
        if is_federated(arende.docname):
            continue
        printed = printed_pages(env, arende.docname)
        warned = set(protokolls)
        for obj in index.by_dnr[dnr]:
            if obj.docname in printed or obj.docname in warned:
                continue
            if is_federated(obj.docname):
                continue  # another project's, printed there
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
    fields = {
        "pdflang": language_tag(env.config),
        "pdfauthor": pdf_string(env.config, config.words.municipality),
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
    they are, without a doctree :mod:`.characters` would have seen; each
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
    # and a PDF of each page with a motionsredovisning
    derived = documents(index, settings) + pdf_documents(app.env, settings)
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
    process_in_pdfs(app.env, [entry[0] for entry in app.config.latex_documents])


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
