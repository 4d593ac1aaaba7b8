"""The ``kommun`` Sphinx domain: all cross-document state of sphinx-kommun.

State is kept per document (``objects``, ``refs``, ``deps``), so purging a
document and merging the results of parallel readers are one-line filters.
Everything across documents is derived in :class:`~.index.ObjectIndex`.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterable, Iterator, Set
from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from ..i18n import _
from ..swedish import capitalise
from .index import ObjectIndex
from .model import (
    Arende,
    KommunObject,
    RoleRef,
    Yrkande,
)

logger = logging.getLogger(__name__)

#: A dependency of generated content on domain data, e.g. ("backlinks", id).
DepKey = tuple[str, ...]
#: The dependency key kind of a page showing an ärende's remissammanställning:
#: ("remissammanstallning", "", dnr).
COMPILATION = "remissammanstallning"


class ArendeIndex(Index):
    """Domain index of every ärende, grouped by board code and year."""

    name = "arenden"
    localname = "Ärendeförteckning"
    shortname = "ärenden"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = cast(KommunDomain, self.domain)
        groups: dict[str, list[IndexEntry]] = {}
        wanted = set(docnames) if docnames is not None else None
        for obj in domain.index.by_id.values():
            if not isinstance(obj, Arende):
                continue
            if wanted is not None and obj.docname not in wanted:
                continue
            group = obj.dnr.split("/")[0]
            groups.setdefault(group, []).append(
                IndexEntry(
                    obj.dnr,
                    0,
                    obj.docname,
                    obj.id,
                    obj.responsible,
                    "",
                    obj.title,
                )
            )
        content = [
            (group, sorted(entries, key=lambda e: _dnr_sort_key(e.name)))
            for group, entries in sorted(groups.items())
        ]
        return content, False


def _dnr_sort_key(dnr: str) -> tuple[str, int]:
    head, _, serial = dnr.partition("/")
    return head, int(serial) if serial.isdigit() else 0


class KommunDomain(Domain):
    """Holds every ärende object of the project, keyed by document."""

    name = "kommun"
    label = "Kommun"
    object_types: ClassVar[dict[str, ObjType]] = {
        kind: ObjType(label, kind, "ref")
        for kind, label in (
            ("arende", "ärende"),
            ("motion", "motion"),
            ("yrkande", "att-sats"),
            ("remiss", "remiss"),
            ("yttrande", "yttrande"),
            ("reservation", "reservation"),
            ("utlatande", "utlåtande"),
            ("beslut", "beslut"),
            ("sammantrade", "sammanträde"),
        )
    }
    indices: ClassVar[list[type[Index]]] = [ArendeIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "objects": {},  # docname -> list[KommunObject]
        "refs": {},  # docname -> list[RoleRef]
        "deps": {},  # docname -> set[DepKey]
        "excerpts": {},  # docname -> {"<id>#<name>": pickled nodes}
        "generation": 0,  # counts changes to the objects and references
        # names this environment: what each builder's pages were last
        # written from is kept outside it, for it alone (incremental.py)
        "token": "",
    }
    data_version = 5

    _index: ObjectIndex | None = None

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        if not self.data["token"]:  # a new environment
            self.data["token"] = secrets.token_hex(16)

    # -- stored state -----------------------------------------------------------

    @property
    def objects(self) -> dict[str, list[KommunObject]]:
        return cast(dict[str, list[KommunObject]], self.data["objects"])

    @property
    def refs(self) -> dict[str, list[RoleRef]]:
        return cast(dict[str, list[RoleRef]], self.data["refs"])

    @property
    def deps(self) -> dict[str, set[DepKey]]:
        return cast(dict[str, set[DepKey]], self.data["deps"])

    @property
    def token(self) -> str:
        """Names this environment (and no other, nor a fresh ``-E`` one)."""
        return cast(str, self.data["token"])

    def _changed(self) -> None:
        self._index = None
        self.data["generation"] += 1

    def add_object(self, obj: KommunObject) -> None:
        self.objects.setdefault(obj.docname, []).append(obj)
        self._changed()

    def unpublish(self, docname: str) -> None:
        """Mark the objects of ``docname`` as not to be published."""
        objects = self.objects.get(docname, [])
        objects[:] = [dataclasses.replace(obj, published=False) for obj in objects]
        self._changed()

    def set_excerpt_digests(self, docname: str, digests: dict[str, str]) -> None:
        """Digests of the excerpts of ``docname`` as quoted (``"<id>#<name>"``)."""
        objects = self.objects.get(docname, [])
        for n, obj in enumerate(objects):
            if not obj.excerpts:
                continue
            excerpts = tuple(
                dataclasses.replace(e, digest=digests.get(f"{obj.id}#{e.name}", ""))
                for e in obj.excerpts
            )
            if excerpts != obj.excerpts:
                objects[n] = dataclasses.replace(obj, excerpts=excerpts)
                self._changed()

    def add_ref(self, ref: RoleRef) -> None:
        self.refs.setdefault(ref.docname, []).append(ref)
        self._changed()

    def add_dependency(self, docname: str, key: DepKey) -> None:
        self.deps.setdefault(docname, set()).add(key)
        if key[0] == COMPILATION:  # the index knows where compilations are
            self._index = None

    def clear_doc(self, docname: str) -> None:
        for store in ("objects", "refs", "deps", "excerpts"):
            self.data[store].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for store in ("objects", "refs", "deps", "excerpts"):
            for docname, value in otherdata[store].items():
                if docname in docnames:
                    self.data[store][docname] = value
        self._changed()

    # -- derived state ------------------------------------------------------------

    @property
    def index(self) -> ObjectIndex:
        if self._index is None:
            compilations = {
                docname: [key[2] for key in keys if key[0] == COMPILATION]
                for docname, keys in self.deps.items()
            }
            self._index = ObjectIndex.build(
                self.objects, self.refs, compilations, self._page_title
            )
        return self._index

    def _page_title(self, docname: str) -> str:
        """A page's title, as Sphinx's title collector keeps it."""
        title = self.env.titles.get(docname)
        return title.astext() if title is not None else ""

    # -- cross references -----------------------------------------------------------

    def link_text(self, obj: KommunObject) -> str:
        """The text a reference to ``obj`` shows when no title is given."""
        if isinstance(obj, Arende):
            return obj.dnr
        if isinstance(obj, Yrkande):
            return _("att-sats %(number)s") % {"number": obj.number}
        return obj.title

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        obj = self.index.resolve(typ, target, node.get("kommun-refdnr", ""))
        if obj is None:
            return None  # Sphinx asks warn_missing_reference whether to warn
        if not node.get("refexplicit") and node.get("kommun-autotext", True):
            contnode = contnode.deepcopy()
            contnode.children = []
            contnode += nodes.Text(self.link_text(obj))
        return make_refnode(
            builder, fromdocname, obj.docname, obj.id, contnode, self._tooltip(obj)
        )

    @staticmethod
    def warn_missing_reference(
        app: object, domain: Domain | None, node: pending_xref
    ) -> bool | None:
        """``warn-missing-reference``: one ``kommun.ref`` warning per reference
        written in the text, with or without ``-n``.

        References the directives and generators write are checked where
        their data is (:mod:`.checks`), and a quoted copy was reported where
        it is written: those stay quiet.
        """
        if node.get("refdomain") != "kommun":
            return None
        if node.get("refwarn") and not node.get("kommun-copy"):
            logger.warning(
                _("%(kind)s '%(target)s' finns inte"),
                {"kind": _kind_label(node["reftype"]), "target": node["reftarget"]},
                location=node,
                type="kommun",
                subtype="ref",
            )
        return True

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        obj = self.index.resolve("any", target, node.get("kommun-refdnr", ""))
        if obj is None:
            return []
        return [
            (
                f"kommun:{obj.kind}",
                make_refnode(builder, fromdocname, obj.docname, obj.id, contnode),
            )
        ]

    def _tooltip(self, obj: KommunObject) -> str:
        return f"{capitalise(_(obj.label))} {obj.title} ({obj.dnr})"

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Each object twice: by its id, for ``objects.inv`` (intersphinx
        refers to objects by id) and kept out of the search (priority -1);
        and by its title and ärende, for the search.

        Sphinx's search writes no anchor for an object whose name is its
        anchor, and its JavaScript then takes the displayed name as the
        anchor (``#Bromma stadsdelsnämnd``, a link to the top of the page):
        the searched name is never the id, so the element's real id is
        written.
        """
        for obj in self.index.by_id.values():
            yield (obj.id, obj.title, obj.kind, obj.docname, obj.id, -1)
            name = search_name(obj)
            yield (name, name, obj.kind, obj.docname, obj.id, 1)


def search_name(obj: KommunObject) -> str:
    """An object's name in the search: its title with its ärende's dnr
    (never equal to its id, see :meth:`KommunDomain.get_objects`)."""
    if isinstance(obj, Arende):
        name = obj.heading
    elif obj.dnr and obj.dnr not in obj.title:
        name = f"{obj.title} ({obj.dnr})"
    else:
        name = obj.title
    return name if name != obj.id else f"{name} ({_(obj.label)})"


def _kind_label(kind: str) -> str:
    labels = {
        "arende": _("Ärendet"),
        "motion": _("Motionen"),
        "yrkande": _("Att-satsen"),
        "remiss": _("Remissen"),
        "yttrande": _("Yttrandet"),
        "reservation": _("Reservationen"),
        "utlatande": _("Utlåtandet"),
        "beslut": _("Beslutet"),
        "sammantrade": _("Sammanträdet"),
        "any": _("Objektet"),
    }
    return labels.get(kind, kind)


def get_domain(env: BuildEnvironment) -> KommunDomain:
    return cast(KommunDomain, env.domains["kommun"])


__all__ = ["DepKey", "KommunDomain", "get_domain"]
