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

Sphinx's "page source" (``_sources/*.txt``) republishes every text as
written, personnummer included: a sphinx-kommun project does not copy the
sources unless its conf.py (or ``-D``) sets ``html_copy_source``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

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
        if not is_published(self.document):
            replace_with_notice(self.document)


def replace_with_notice(document: nodes.document) -> None:
    """Keep of ``document`` its docinfo, its title, the toctrees (the
    pages it includes are their own) and each object, marked as not
    published, with its anchor."""
    objects: list[KommunObject] = [
        dataclasses.replace(node["object"], published=False)
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


def no_page_sources(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``html_copy_source = False`` unless the project
    sets it. (Sphinx keeps no public record of what conf.py set: its raw
    namespace and the ``-D`` overrides are read.)"""
    if "html_copy_source" in config._raw_config:
        return
    if "html_copy_source" in config._overrides:
        return
    config.html_copy_source = False


def register(app: Sphinx) -> None:
    app.add_transform(UnpublishedDocument)
    app.connect("config-inited", no_page_sources)
