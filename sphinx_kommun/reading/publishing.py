"""Documents not to be published: ``:publiceras: nej``.

The file-wide field ``:publiceras: nej`` at the top of a document is the
clerk's word that its text must not be published. The document is read as
any other, so the ärende knows it (the remiss shows that the instans has
answered), but:

- its page, in every builder (HTML, PDF, epub, text …), holds only its
  title and a notice that it is not published: the text, its section
  titles and everything its directives render are removed while the
  document is read, before Sphinx collects its titles, table of contents
  and search terms;
- every other page shows of it only its title and a link to that notice:
  the remissammanställning, the Beredning, the tables and the ärende
  overview say that it is not published instead of quoting, summarising
  or dating it, and it is no sphinx-needs need.

A value other than ``ja`` or ``nej`` is warned about and read as ``nej``.

In an internal build (:mod:`.masking`) the document is shown whole, with
a notice that it is not published. Sphinx's "page source"
(``_sources/*.txt``) would republish every text as written: a public build
never copies it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..config import KommunConfig
from ..domain.model import KommunObject
from ..i18n import _
from ..nodes import kommun_object
from ..swedish import fold

logger = logging.getLogger(__name__)

FIELD = "publiceras"
#: What may stand before a document's file-wide fields (comments, targets …);
#: a class docutils mixes into node classes, typed as one
_BIBLIOGRAPHIC = cast("type[nodes.Node]", nodes.PreBibliographic)
_YES = ("ja", "yes", "true", "1")
_NO = ("nej", "no", "false", "0")


def _publish_field(document: nodes.document) -> nodes.field | None:
    """The ``:publiceras:`` field of the document's file-wide fields: its
    docinfo, or while it is parsed, the field list it starts with."""
    index = document.first_child_not_matching_class(_BIBLIOGRAPHIC)
    if index is None or not isinstance(
        document[index], nodes.docinfo | nodes.field_list
    ):
        return None
    for field in document[index].findall(nodes.field):
        if fold(field[0].astext()) == FIELD:
            return field
    return None


def may_publish(document: nodes.document) -> bool:
    """Whether the document may be published (no ``:publiceras: nej``);
    also while it is still being parsed (directives ask)."""
    field = _publish_field(document)
    return field is None or fold(field[1].astext()) in _YES


def is_published(document: nodes.document) -> bool:
    """:func:`may_publish`, with a warning for a value that is neither
    ``ja`` nor ``nej`` (read as ``nej``)."""
    field = _publish_field(document)
    if field is None:
        return True
    value = fold(field[1].astext())
    if value in _YES:
        return True
    if value not in _NO:
        logger.warning(
            _(
                ":publiceras: ska vara 'ja' eller 'nej', inte '%(value)s'; "
                "handlingen publiceras inte"
            ),
            {"value": field[1].astext()},
            location=field,
            type="kommun",
            subtype="option",
        )
    return False


class UnpublishedDocument(SphinxTransform):
    """Reduce a document marked ``:publiceras: nej`` to its title and a notice.

    Runs after docutils has made the docinfo (340), before the domain
    collects the document's objects (850) and before Sphinx's collectors
    read it (``doctree-read``, 880).
    """

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        if is_published(self.document):
            return
        if KommunConfig.from_config(self.config).publication == "internal":
            mark_internal(self.document)
        else:
            replace_with_notice(self.document)


def mark_internal(document: nodes.document) -> None:
    """An internal build shows the document whole, with a notice."""
    notice = nodes.paragraph(
        "",
        _(
            "Den här handlingen publiceras inte; den visas bara i den interna versionen."
        ),
        classes=["kommun-unpublished", "kommun-internal"],
    )
    first = next(iter(document.findall(nodes.section)), None)
    if first is not None:
        first.insert(1, notice)
    else:
        document.insert(0, notice)


#: What an unpublished object keeps no trace of in a public build, not even
#: in the environment Sphinx pickles: its free text and the people it names
#: besides its authors.
_PRIVATE_FIELDS = frozenset(
    {
        "summary",
        "excerpts",
        "extra",
        "text",
        "signatories",
        "attestations",
        "handlaggare",
        "telefon",
        "bilagor",
        "proposal",
        "positions",
    }
)


def _bare(obj: KommunObject) -> KommunObject:
    """``obj`` marked not published, without its private fields."""
    cleared: dict[str, Any] = {}
    for field in dataclasses.fields(obj):
        if field.name not in _PRIVATE_FIELDS:
            continue
        if field.default_factory is not dataclasses.MISSING:
            cleared[field.name] = field.default_factory()
        elif field.default is not dataclasses.MISSING:
            cleared[field.name] = field.default
    return dataclasses.replace(obj, published=False, **cleared)


def replace_with_notice(document: nodes.document) -> None:
    """Keep of ``document`` its docinfo, its title, the toctrees (the
    pages it includes are their own) and each object, marked as not
    published, with its anchor."""
    objects: list[KommunObject] = [
        _bare(node["object"])
        for node in document.findall(kommun_object)
        if isinstance(node.get("object"), KommunObject)
    ]
    kept: list[nodes.Node] = []
    index = document.first_child_not_matching_class(_BIBLIOGRAPHIC)
    if index is not None and isinstance(document[index], nodes.docinfo):
        kept.append(document[index])
    toctrees = [
        node.parent if isinstance(node.parent, nodes.compound) else node
        for node in document.findall(addnodes.toctree)
    ]
    first = next(iter(document.findall(nodes.section)), None)
    holder: nodes.Element
    if first is not None:
        holder = nodes.section(ids=first["ids"], names=first["names"])
        holder += first[0].deepcopy()
    else:
        holder = nodes.container()
    kept.append(holder)
    holder.append(
        nodes.paragraph(
            "",
            _("Den här handlingen publiceras inte."),
            classes=["kommun-unpublished"],
        )
    )
    for obj in objects:
        holder.append(
            kommun_object(ids=[obj.id], kind=obj.kind, dnr=obj.dnr, object=obj)
        )
    holder.extend(toctrees)
    document.children = []
    document.extend(kept)
    _forget_removed(document)


def _forget_removed(document: nodes.document) -> None:
    """Drop the document's own references to the nodes taken out (its ids,
    names, footnotes …), so the doctree Sphinx pickles keeps none of them."""
    document.ids = {
        id_: node for node in document.findall(nodes.Element) for id_ in node["ids"]
    }
    kept = set(document.ids)
    for name in [name for name, id_ in document.nameids.items() if id_ not in kept]:
        del document.nameids[name]
        document.nametypes.pop(name, None)
    for store in (
        "footnotes",
        "autofootnotes",
        "symbol_footnotes",
        "citations",
        "indirect_targets",
        "autofootnote_refs",
        "symbol_footnote_refs",
    ):
        setattr(document, store, [])
    for mapping in (
        "footnote_refs",
        "citation_refs",
        "substitution_defs",
        "refnames",
        "refids",
    ):
        getattr(document, mapping).clear()


def register(app: Sphinx) -> None:
    app.add_transform(UnpublishedDocument)
