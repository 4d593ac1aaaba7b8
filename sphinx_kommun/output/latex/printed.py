"""Where each printed document of a PDF starts and ends.

Every printed document (the pages of one motion, yttrande, utlåtande …)
starts on a new page with "Sida 1 (n)" and a running header naming the
municipality, the kind of document and its diarienummer: the marks for it
(:class:`~sphinx_kommun.nodes.kommun_document`) are put into the assembled
doctree of each PDF here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...config import KommunConfig
from ...domain.store import get_domain
from ...i18n import _
from ...kinds import MODELS as KINDS
from ...kinds.initiativ import Initiativ
from ...kinds.protokoll import Protokoll
from ...nodes import (
    kommun_bookmark,
    kommun_document,
    kommun_generated,
    kommun_object,
)
from ...swedish import capitalise, format_date, in_sentence, output_locale
from .documents import index_characters, pdf_info

#: Kinds of object that are documents of their own when printed.
DOCUMENT_KINDS = (
    "sammantrade",
    "arende",
    *(kind for kind, model in KINDS.items() if issubclass(model, Initiativ)),
    "tjansteskrivelse",
    "remiss",
    "yttrande",
    "utlatande",
    "beslut",
    "reservation",
    "protokoll",
    "protokollsutdrag",
)

#: The class of a generated remissammanställning (a document when printed).
COMPILATION = "kommun-remissammanstallning"
#: The class of a generated kallelse: a document of its own when printed,
#: before the sammanträde's (its föredragningslista on a new page).
NOTICE = "kommun-kallelse-block"


def _outside_files(node: nodes.Element) -> Iterator[nodes.Element]:
    """Descendants of ``node`` that are not inside an included file."""
    for child in node.children:
        if not isinstance(child, nodes.Element):
            continue
        if isinstance(child, addnodes.start_of_file):
            continue
        yield child
        yield from _outside_files(child)


def _first_document_object(node: nodes.Element) -> nodes.Element | None:
    """The first object of ``node`` that is a document of its own, or a
    remissammanställning."""
    for child in _outside_files(node):
        if isinstance(child, kommun_object) and child.get("kind") in DOCUMENT_KINDS:
            return child
        if isinstance(child, kommun_generated) and COMPILATION in child["classes"]:
            return child
    return None


def _text_after(included: nodes.Element) -> nodes.Element | None:
    """The first node after an included file (or a bilaga), before the next
    file, that the enclosing document prints (not another file, not a
    marker).

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


def _heading_of(node: nodes.Element) -> nodes.Element:
    """The section ``node`` starts (its heading printed with it), or
    ``node`` if text comes before it in its section."""
    while isinstance(node.parent, nodes.section):
        before = node.parent.children[: node.parent.index(node)]
        if any(
            not isinstance(sibling, nodes.title | nodes.target) and sibling.astext()
            for sibling in before
        ):
            break
        node = node.parent
    return node


def _owner(included: nodes.Element) -> nodes.Element:
    """The included page (or the whole PDF) that includes ``included``."""
    owner = included.parent
    while not isinstance(owner, addnodes.start_of_file) and owner.parent is not None:
        owner = owner.parent
    return owner


def _label(env: BuildEnvironment, node: nodes.Element) -> str:
    """What the running header calls the document: its kind in the
    profile's words ("Tjänsteskrivelse", "Förslag till beslut"), a
    reservation's type, "Remissammanställning"; a protokoll with its body
    and date ("Protokoll, kommunfullmäktige, 17 juni 2024"), as it has no
    diarienummer to name it."""
    if isinstance(node, kommun_generated):
        if NOTICE in node["classes"]:
            return _("Kallelse")
        return _("Bilaga: Remissammanställning")
    ids = node.get("ids") or [""]
    obj = get_domain(env).index.get(ids[0])
    if obj is None:
        cls = KINDS.get(node.get("kind", ""))
        return capitalise(_(cls.label)) if cls is not None else ""
    words = KommunConfig.from_config(env.config).words
    label = capitalise(_(words.name_of(obj)))
    if isinstance(obj, Protokoll):
        locale = output_locale(env.config.language)
        body = obj.body
        if body and locale == "sv":
            body = in_sentence(body, words.common_noun_endings, words.proper_names)
        date = format_date(obj.date, locale) if obj.date else ""
        label = ", ".join(part for part in (label, body, date) if part)
    return label


class PrintedDocuments(SphinxPostTransform):
    """Mark where each printed document starts and ends (LaTeX only)."""

    default_priority = 20
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if self.document.get("docname") is None:
            return
        self.number = 0
        root = self.document
        section = next(iter(root.findall(nodes.section)), None)
        first = self.start(section, 1) if section is not None else self.start(root, 0)
        info, first["cover"] = pdf_info(self.env, str(root["docname"]))
        first["pdfinfo"] = "\n".join(filter(None, [info, index_characters(self.env)]))
        for included in list(root.findall(addnodes.start_of_file)):
            previous = included.previous_sibling()
            self.start(included, 0)
            if isinstance(previous, kommun_bookmark):
                # the bookmark belongs on the document's first page
                previous.parent.remove(previous)
                included.insert(1, previous)
            # text after the included page belongs to the document that
            # includes it: that document starts again there
            after = _text_after(included)
            if after is not None:
                self.start(after.parent, after.parent.index(after), _owner(included))
        for compilation in list(root.findall(kommun_generated)):
            # the answers compiled, not a summary of them ("beredning")
            parts = compilation.get("parts", "").split()
            if COMPILATION in compilation["classes"] and "sammanstallning" in parts:
                self.annex(compilation)
        for notice in list(root.findall(kommun_generated)):
            if NOTICE in notice["classes"]:
                self.notice(notice)
        root += kommun_document(start=False)

    def notice(self, notice: kommun_generated) -> None:
        """A kallelse is a document of its own ("Kallelse" in the running
        header); what follows it on its page (the sammanträde with its
        föredragningslista) starts a new one."""
        previous = notice.previous_sibling()
        if isinstance(previous, kommun_document) and previous["start"]:
            previous["kind"] = _label(self.env, notice)  # it starts the page
        else:
            self.start(notice.parent, notice.parent.index(notice), document=notice)
        after = _text_after(notice)
        if after is not None:
            self.start(after.parent, after.parent.index(after), _owner(notice))

    def annex(self, compilation: kommun_generated) -> None:
        """A remissammanställning is a bilaga: a printed document of its own,
        numbered from its first page; text after it on its page belongs to
        the document before it again."""
        owner = _owner(compilation)
        if _first_document_object(owner) is compilation:
            return  # its page starts with it: a document already
        first = _heading_of(compilation)
        self.start(first.parent, first.parent.index(first), document=compilation)
        after = _text_after(compilation)
        if after is not None:
            self.start(after.parent, after.parent.index(after), owner)

    def start(
        self,
        container: nodes.Element,
        position: int,
        of: nodes.Element | None = None,
        document: nodes.Element | None = None,
    ) -> kommun_document:
        """Start the document ``document`` (default: the first in ``of``, or
        in ``container``) at ``position``."""
        self.number += 1
        obj = document or _first_document_object(of if of is not None else container)
        kind = _label(self.env, obj) if obj is not None else ""
        marker = kommun_document(
            start=True,
            number=str(self.number),
            kind=kind,
            dnr=obj.get("dnr", "") if obj is not None else "",
        )
        container.insert(position, marker)
        return marker
