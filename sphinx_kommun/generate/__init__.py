"""Generated content: everything a clerk would otherwise copy by hand.

Each generator turns a :class:`~.nodes.kommun_pending` placeholder into
nodes, from the domain's objects and the excerpts they mark in their own
documents. Each also has a *projection*: the data it reads, which the
incremental build compares to decide which pages to rewrite.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import docname_join, logging

from .. import render
from ..config import KommunConfig
from ..domain.index import ObjectIndex
from ..domain.model import KommunObject
from ..domain.store import get_domain
from ..i18n import _
from ..nodes import (
    WRITTEN,
    kommun_pending,
)
from ..swedish import (
    in_sentence,
    output_locale,
)

logger = logging.getLogger(__name__)

N = TypeVar("N", bound=nodes.Node)


#: Class of a paragraph (``.. rst-class:: ej-citerad``) left out when quoted.
UNQUOTED = "ej-citerad"


@dataclass
class Context:
    """What a generator needs: the objects, the environment, the output language."""

    env: BuildEnvironment
    index: ObjectIndex
    refdoc: str
    #: The builder writing, when known (None while only projecting).
    builder: Builder | None = None

    @property
    def output_format(self) -> str:
        return self.builder.format if self.builder is not None else ""

    @property
    def locale(self) -> str:
        return output_locale(self.env.config.language)

    @property
    def config(self) -> KommunConfig:
        return KommunConfig.from_config(self.env.config)

    def date(self, date: dt.date | None) -> str:
        return render.date_text(date, self.locale)

    def in_sentence(self, name: str) -> str:
        """``name`` inside a Swedish sentence (common nouns in lower case)."""
        if self.locale != "sv":
            return name
        return in_sentence(name, self.config.common_noun_endings)

    def locate(self, node: N, obj: KommunObject) -> N:
        """``node`` located where ``obj`` is written, for warnings about what
        it shows (a character pdflatex cannot set in a sammanfattning)."""
        node.source = str(self.env.doc2path(obj.docname))
        node.line = obj.lineno
        node[WRITTEN] = True
        return node

    def link(self, obj: KommunObject, text: str | None = None) -> nodes.Element:
        return render.xref(obj.kind, obj.id, text or obj.title, self.refdoc)

    def excerpt(self, obj: KommunObject, name: str) -> list[nodes.Node]:
        """Copies of the nodes ``obj`` marked as excerpt ``name`` in its document.

        They were stored when that document was read (see :func:`keep_excerpts`);
        unpickling them is much cheaper than loading the whole document.
        """
        if obj.excerpt(name) is None or not obj.published:
            return []
        stored = get_domain(self.env).data["excerpts"].get(obj.docname, {})
        data = stored.get(f"{obj.id}#{name}")
        if not data:
            return []
        copies: list[nodes.Node] = pickle.loads(data)
        if self.builder is None:
            return copies
        return [self._writable_copy(copy, obj) for copy in copies]

    def _writable_copy(self, copy: nodes.Node, obj: KommunObject) -> nodes.Node:
        """``copy``, with a pointer to the original in place of what the builder
        cannot write: another extension's placeholder (a ``needtable``) that
        is filled in only on the page it was written on."""
        assert self.builder is not None
        for node in list(copy.findall(nodes.Element)):
            if _writable(node, self.builder):
                continue
            pointer = nodes.paragraph(
                "",
                "",
                nodes.emphasis("", _("(Återges inte här; se ")),
                self.link(obj),
                nodes.emphasis("", ".)"),
            )
            if node is copy:
                return pointer
            node.replace_self(pointer)
        return copy


def _writable(node: nodes.Element, builder: Builder) -> bool:
    """Whether ``builder``'s translator has a visitor for ``node``."""
    cls = type(node)
    if cls.__module__.startswith(("docutils.", "sphinx.addnodes", "sphinx_kommun.")):
        return True
    try:
        translator = builder.get_translator_class()
    except AttributeError:
        return True  # a builder that writes no pages (``needs``, ``dummy``)
    # the visitors add_node registered; Sphinx keeps them in its registry
    registry = builder._registry
    handlers = registry.translation_handlers.get(builder.name)
    if handlers is None:
        handlers = registry.translation_handlers.get(builder.format, {})
    name = cls.__name__
    return name in handlers or hasattr(translator, f"visit_{name}")


def keep_excerpts(app: object, doctree: nodes.document) -> None:
    """``doctree-read``: store the marked excerpts of a document, as read.

    Taken after the read transforms (smart quotes, substitutions …), so a
    quote prints as the original does; pickled, since they are only
    needed where a page quotes them.
    """
    env = doctree.settings.env
    found: dict[str, list[nodes.Node]] = {}
    for node in doctree.findall(nodes.Element):
        mark = node.get("kommun-excerpt")
        if not mark:
            continue
        children = (
            node.children[1:] if isinstance(node, nodes.section) else node.children
        )
        prefix = mark.split("#")[0] + "-citat"
        found.setdefault(mark, []).extend(
            _detached_copy(child, prefix)
            for child in children
            if not (isinstance(child, nodes.Element) and UNQUOTED in child["classes"])
            # generated content is generated where it is written, not quoted
            and not isinstance(child, kommun_pending)
        )
    for copies in found.values():
        _relink(copies)
    if not found:
        return
    domain = get_domain(env)
    domain.data["excerpts"][env.docname] = {
        mark: pickle.dumps(copies, pickle.HIGHEST_PROTOCOL)
        for mark, copies in found.items()
    }
    # what a quote shows, for the incremental build: substitutions and
    # the other read transforms included, line numbers left out
    domain.set_excerpt_digests(
        env.docname,
        {
            mark: _digest(copy.pformat() for copy in copies)
            for mark, copies in found.items()
        },
    )


def _detached_copy(node: nodes.Node, prefix: str) -> nodes.Node:
    """A deep copy without placeholders, safe to insert in another page.

    Ids get ``prefix`` (sections need one, and the original's are taken);
    names, which would clash with the page's own targets, are dropped.
    """
    copy = node.deepcopy()
    for every in copy.findall():
        every._document = None  # a copy still names the document it came from
    if isinstance(copy, nodes.Element):
        for element in list(copy.findall(nodes.Element)):
            if isinstance(element, kommun_pending):
                if element.parent is not None:
                    element.parent.remove(element)
                continue
            element["ids"] = [f"{prefix}-{node_id}" for node_id in element["ids"]]
            element["names"] = []
            # links inside the copy point at the copy (footnotes, targets)
            if "refid" in element:
                element["refid"] = f"{prefix}-{element['refid']}"
            if element.get("backrefs"):
                element["backrefs"] = [f"{prefix}-{i}" for i in element["backrefs"]]
            if isinstance(element, pending_xref):
                # a broken reference is reported where it is written, once
                element["kommun-copy"] = True
                _resolve_from_the_quoting_page(element)
            element.attributes.pop("kommun-excerpt", None)
    return copy


def _resolve_from_the_quoting_page(xref: pending_xref) -> None:
    """Let a quoted reference resolve from the page that quotes it.

    Sphinx makes a link relative to the reference's ``refdoc``: left as the
    quoted page, a link quoted into a page of another folder would miss. A
    ``:doc:`` target, relative to the page it was written in, is made
    absolute first.
    """
    refdoc = xref.attributes.pop("refdoc", None)
    if refdoc and (xref.get("refdomain"), xref.get("reftype")) == ("std", "doc"):
        xref["reftarget"] = "/" + docname_join(refdoc, xref["reftarget"])


def _relink(copies: list[nodes.Node]) -> None:
    """Point the links inside ``copies`` at the copies, and unlink what
    points at a part left unquoted (a footnote, a target): the text stays.
    A citation quoted with its reference is cited from the copy."""
    elements = [
        element
        for copy in copies
        if isinstance(copy, nodes.Element)
        for element in copy.findall(nodes.Element)
    ]
    ids = {node_id for element in elements for node_id in element["ids"]}
    citations = {
        element[0].astext(): element
        for element in elements
        if isinstance(element, nodes.citation) and element["ids"] and len(element)
    }
    for element in elements:
        if element.get("backrefs"):
            element["backrefs"] = [i for i in element["backrefs"] if i in ids]
        if isinstance(element, pending_xref) and element.get("refdomain") == "citation":
            citation = citations.get(element["reftarget"])
            if citation is not None:
                element.replace_self(
                    nodes.citation_reference(
                        "",
                        "",
                        *element.children,
                        docname=citation.get("docname", ""),
                        refid=citation["ids"][0],
                        refname=citation["ids"][0],
                    )
                )
            continue
        if "refid" not in element or element["refid"] in ids:
            continue
        # an inline keeps the ids others may point at
        if isinstance(element, nodes.footnote_reference):
            mark = f"[{element.astext()}]"
            element.replace_self(nodes.inline(mark, mark))
        elif isinstance(element, nodes.reference):
            element.replace_self(nodes.inline("", "", *element.children))
        else:
            del element["refid"]


# -- fingerprints ---------------------------------------------------------------


def fingerprint(obj: KommunObject | None, *, with_text: bool = False) -> str:
    """What a generated page shows of ``obj``; where it is written (its
    lines) is left out."""
    if obj is None:
        return "-"
    values = {
        f.name: getattr(obj, f.name)
        for f in dataclasses.fields(obj)
        if f.name not in ("lineno", "option_lines")
        and (with_text or f.name != "excerpts")
    }
    return f"{obj.kind}:{values!r}"


def _digest(parts: Iterable[str]) -> str:
    hasher = hashlib.sha1()
    for part in parts:
        hasher.update(part.encode())
        hasher.update(b"\0")
    return hasher.hexdigest()


# -- generators ------------------------------------------------------------------

Generator = Callable[[Context, kommun_pending], list[nodes.Node]]
Projection = Callable[[ObjectIndex, tuple[str, ...]], str]

GENERATORS: dict[str, Generator] = {}
PROJECTIONS: dict[str, Projection] = {}


def generator(name: str, projection: Projection) -> Callable[[Generator], Generator]:
    def decorate(func: Generator) -> Generator:
        GENERATORS[name] = func
        PROJECTIONS[name] = projection
        return func

    return decorate


def project(index: ObjectIndex, key: tuple[str, ...]) -> str:
    """The digest of the data a dependency key stands for."""
    if key[0] == "ref":
        _kind, kind, target, refdnr = key
        obj = index.resolve(kind, target, refdnr)
        return _digest([fingerprint(obj)])
    projection = PROJECTIONS.get(key[0])
    if projection is None:
        return ""
    return projection(index, key)


def _dnr_objects(index: ObjectIndex, dnr: str, *, with_text: bool) -> str:
    return _digest(
        fingerprint(o, with_text=with_text) for o in index.by_dnr.get(dnr, ())
    )


# filling the placeholders ---------------------------------------------------------


def apply(ctx: Context, doctree: nodes.Node) -> None:
    """Replace every placeholder of ``doctree`` with its generated nodes.

    Generated content may bring placeholders of its own (a meeting's PDF
    includes whole documents), so this repeats until none is left.
    """
    for _round in range(10):
        found = list(doctree.findall(kommun_pending))
        if not found:
            return
        for pending in found:
            func = GENERATORS.get(pending["generate"])
            produced = func(ctx_for(ctx, pending), pending) if func else []
            if produced:
                pending.replace_self(produced)
            else:
                pending.parent.remove(pending)


def ctx_for(ctx: Context, pending: kommun_pending) -> Context:
    refdoc = pending.get("refdoc") or ctx.refdoc
    if refdoc == ctx.refdoc:
        return ctx
    return Context(ctx.env, ctx.index, refdoc, ctx.builder)


# the generators register themselves when imported
from . import compilation, views  # noqa: E402, F401
