"""What a generator gets: the index as its page reads it, and helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeVar

from docutils import nodes
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from .. import render
from ..config import KommunConfig
from ..domain import excerpts
from ..domain.model import KommunObject
from ..domain.recording import RecordingIndex
from ..domain.store import get_domain
from ..i18n import _
from ..nodes import WRITTEN
from ..swedish import capitalise, in_sentence, output_locale, with_kind

N = TypeVar("N", bound=nodes.Element)


@dataclass
class Context:
    """The page being written, its builder, and the index as the page reads
    it (what it reads is recorded: :mod:`~sphinx_kommun.domain.recording`)."""

    env: BuildEnvironment
    refdoc: str
    builder: Builder
    index: RecordingIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = get_domain(self.env).read_by(self.refdoc)

    @property
    def output_format(self) -> str:
        return self.builder.format

    @property
    def locale(self) -> str:
        return output_locale(self.env.config.language)

    @property
    def config(self) -> KommunConfig:
        return KommunConfig.from_config(self.env.config)

    def date(self, date: dt.date | None) -> str:
        return render.date_text(date, self.locale)

    def in_sentence(self, name: str) -> str:
        """``name`` inside a Swedish sentence: as a yttrande's ``:namnform:``
        writes it, else common nouns in lower case (the profile's endings
        and proper names)."""
        if self.locale != "sv":
            return name
        words = self.config.words
        return self.index.name_form(name) or in_sentence(
            name, words.common_noun_endings, words.proper_names
        )

    def label(self, obj: KommunObject) -> str:
        """The kind of ``obj`` as a heading names it ("Yttrande",
        "Tjänsteskrivelse", "Protokollsanteckning", a document's own
        ``:dokument:``), in the profile's words."""
        return capitalise(_(self.config.words.name_of(obj)))

    def labelled(self, obj: KommunObject) -> str:
        """ "Yttrande: Bromma stadsdelsnämnd"; a title that starts with its
        kind is enough ("Beslutspunkt 2", "Reservation av …")."""
        return with_kind(self.label(obj), obj.title)

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
        """Copies of the nodes ``obj`` marked as excerpt ``name`` in its
        document, kept when it was read (:mod:`~sphinx_kommun.domain.excerpts`)."""
        if obj.excerpt(name) is None or not obj.published:
            return []
        stored = get_domain(self.env).data["excerpts"].get(obj.docname, {})
        kept = stored.get(f"{obj.id}#{name}")
        if not kept:
            return []
        return [self._writable_copy(copy, obj) for copy in excerpts.copies(kept)]

    def _writable_copy(self, copy: nodes.Node, obj: KommunObject) -> nodes.Node:
        """``copy``, with a pointer to the original in place of what the builder
        cannot write: another extension's placeholder (a ``needtable``) that
        is filled in only on the page it was written on."""
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
