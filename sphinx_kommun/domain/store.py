"""The ``kommun`` Sphinx domain: all cross-document state of sphinx-kommun.

State is kept per document, so purging a document and merging the results
of parallel readers are one-line filters. When a document has been read,
:meth:`KommunDomain.process_doc` collects what its directives and roles
left on their nodes: the objects, the excerpts they mark for quoting, the
references written with roles, and where generated content goes.
Everything across documents is derived in :class:`~.index.ObjectIndex`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Set
from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, Index, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..i18n import _
from ..kinds import DIRECTIVES, KINDS, ROLES
from ..kinds.arende import Arende
from ..kinds.beslutspunkt import Beslutspunkt
from ..kinds.initiativ import Yrkande
from ..reading.generated import BeredningDirective, RemissammanstallningDirective
from ..reading.roles import KommunXRefRole
from ..reading.sections import AvsnittDirective
from ..swedish import capitalise, with_kind
from .arenden import ArendeIndex
from .collect import collect
from .index import ObjectIndex
from .model import KommunObject, RoleRef
from .perdocument import PerDocument, read_here
from .recording import Key, RecordingIndex
from .remote import is_federated, refnode

logger = logging.getLogger(__name__)

#: Per document: what is collected from it (see :meth:`KommunDomain.process_doc`).
STORES = (
    "objects",
    "refs",
    "excerpts",
    "placeholders",
    "compilations",
    "people",
    "published",
)


class KommunDomain(Domain):
    """Holds every ärende object of the project, keyed by document."""

    name = "kommun"
    label = "Kommun"
    object_types: ClassVar[dict[str, ObjType]] = {
        kind.name: ObjType(kind.label, kind.name, "ref") for kind in KINDS
    }
    directives: ClassVar[dict[str, Any]] = {
        **DIRECTIVES,
        "remissammanstallning": RemissammanstallningDirective,
        "remissammanställning": RemissammanstallningDirective,
        "beredning": BeredningDirective,
        "avsnitt": AvsnittDirective,
    }
    roles: ClassVar[dict[str, Any]] = {
        name: KommunXRefRole(kind) for name, kind in ROLES.items()
    }
    indices: ClassVar[list[type[Index]]] = [ArendeIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        # the stores, by docname (see perdocument.py for -j)
        "objects": PerDocument(),  # list[KommunObject]
        "refs": PerDocument(),  # list[RoleRef]
        "excerpts": PerDocument(),  # {"<id>#<name>": pickled nodes}
        "placeholders": PerDocument(),  # True: it has generated content
        "compilations": PerDocument(),  # dnr of the remissammanställningar on it
        # {anchor: (person's name normalised, parties normalised: a namesake's;
        # None when the name is one person's)} (personregister)
        "people": PerDocument(),
        "published": PerDocument(),  # its objects as kommun-objects.json has them
        "generation": 0,  # counts changes to what is collected
        # ties records kept outside the environment to it (generate/incremental)
        "token": "",
    }
    data_version = 12

    _index: ObjectIndex | None = None
    #: What each page read while it was written in this build (not pickled).
    _reads: dict[str, set[Key]]

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._reads = {}
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
    def token(self) -> str:
        """This environment's, from when it was created."""
        return cast(str, self.data["token"])

    def has_placeholders(self, docname: str) -> bool:
        return docname in self.data["placeholders"]

    def process_doc(
        self, env: BuildEnvironment, docname: str, document: nodes.document
    ) -> None:
        """Collect what the document's directives and roles left on their nodes."""
        read_here(docname)
        for store, value in collect(document, docname).items():
            if value:
                self.data[store][docname] = value
        self._changed()

    def clear_doc(self, docname: str) -> None:
        for store in STORES:
            self.data[store].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for store in STORES:
            for docname, value in otherdata[store].items():
                if docname in docnames:
                    self.data[store][docname] = value
        self._changed()

    def federate(
        self,
        objects: dict[str, list[KommunObject]],
        kept: dict[str, dict[str, bytes]],
    ) -> None:
        """Objects of other projects, by the address of their page, and their
        excerpts (:mod:`.federation`), in place of those federated before."""
        for store, value in (("objects", objects), ("excerpts", kept)):
            old = {k: v for k, v in self.data[store].items() if is_federated(k)}
            if old != value:
                for docname in old:
                    del self.data[store][docname]
                self.data[store].update(value)
                self._changed()

    def _changed(self) -> None:
        self._index = None
        self.data["generation"] += 1

    # -- derived state ------------------------------------------------------------

    @property
    def index(self) -> ObjectIndex:
        if self._index is None:
            self._index = ObjectIndex.build(
                self.objects,
                self.refs,
                self.data["compilations"],
                self._page_title,
                self.data["people"],
            )
        return self._index

    def _page_title(self, docname: str) -> str:
        """A page's title, as Sphinx's title collector keeps it."""
        title = self.env.titles.get(docname)
        return title.astext() if title is not None else ""

    # -- what pages read while they are written ------------------------------------

    def read_by(self, docname: str) -> RecordingIndex:
        """The index as page ``docname`` reads it (what it reads is recorded)."""
        return RecordingIndex(self.index, self._reads.setdefault(docname, set()))

    def take_reads(self) -> dict[str, set[Key]]:
        """What the pages written so far read; forgotten here."""
        reads, self._reads = self._reads, {}
        return reads

    # -- cross references -----------------------------------------------------------

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
        index = self.read_by(fromdocname)
        if typ == "person":  # a name, linked where a personregister shows it
            page = index.person_page(target, node.get("kommun-party", ""))
            if page is None:
                return None
            return refnode(builder, fromdocname, page[0], page[1], contnode)
        obj = index.resolve(typ, target, node.get("kommun-refdnr", ""))
        if obj is None:
            return None  # Sphinx asks warn_missing_reference whether to warn
        if not node.get("refexplicit") and node.get("kommun-autotext", True):
            contnode = contnode.deepcopy()
            contnode.children = []
            contnode += nodes.Text(link_text(obj))
        return refnode(
            builder, fromdocname, obj.docname, obj.id, contnode, _tooltip(obj)
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        index = self.read_by(fromdocname)
        obj = index.resolve("any", target, node.get("kommun-refdnr", ""))
        if obj is None:
            return []
        return [
            (
                f"kommun:{obj.kind}",
                refnode(builder, fromdocname, obj.docname, obj.id, contnode),
            )
        ]

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
            if is_federated(obj.docname):
                continue  # in the inventory of its own project
            yield (obj.id, obj.title, obj.kind, obj.docname, obj.id, -1)
            name = search_name(obj)
            yield (name, name, obj.kind, obj.docname, obj.id, 1)


def link_text(obj: KommunObject) -> str:
    """The text a reference to ``obj`` shows when no title is given."""
    if isinstance(obj, Arende):
        return obj.dnr
    if isinstance(obj, Yrkande):
        return _("att-sats %(number)s") % {"number": obj.number}
    if isinstance(obj, Beslutspunkt):
        return _("beslutspunkt %(number)s") % {"number": obj.number}
    return obj.title


def _tooltip(obj: KommunObject) -> str:
    """ "Yttrande Bromma stadsdelsnämnd (KS 2019/1899)"; a title that starts
    with its kind, or an object without dnr, without the repetition."""
    text = with_kind(capitalise(_(obj.label)), obj.title, " ")
    return f"{text} ({obj.dnr})" if obj.dnr else text


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
        "skrivelse": _("Skrivelsen"),
        "medborgarforslag": _("Medborgarförslaget"),
        "e-forslag": _("E-förslaget"),
        "framstallning": _("Framställningen"),
        "yrkande": _("Att-satsen"),
        "tjansteskrivelse": _("Tjänsteskrivelsen"),
        "beslutspunkt": _("Beslutspunkten"),
        "remiss": _("Remissen"),
        "yttrande": _("Yttrandet"),
        "reservation": _("Reservationen"),
        "utlatande": _("Utlåtandet"),
        "beslut": _("Beslutet"),
        "sammantrade": _("Sammanträdet"),
        "protokoll": _("Protokollet"),
        "paragraf": _("Paragrafen"),
        "protokollsutdrag": _("Protokollsutdraget"),
        "any": _("Objektet"),
    }
    return labels.get(kind, kind)


def get_domain(env: BuildEnvironment) -> KommunDomain:
    return cast(KommunDomain, env.domains["kommun"])
