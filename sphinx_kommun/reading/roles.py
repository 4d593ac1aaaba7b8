"""Roles that reference ärende objects from running text.

``:yttrande:`Bromma stadsdelsnämnd``` refers to that instans' yttrande in the
document's ärende; ``:yrkande:`KS 2019/1899:2``` to att-sats 2 of another;
``:arende:`KS 2019/656``` to an ärende. Every role also takes an object id.
"""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Element
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole

from ..domain.model import RoleRef
from ..domain.store import get_domain
from .directives.base import (
    CURRENT_DNR,
    CURRENT_OBJECT,
)

#: Role names and the kind each refers to; ``dnr`` is an alias of ``arende``.
ROLE_KINDS = {
    "arende": "arende",
    "dnr": "arende",
    "motion": "motion",
    "yrkande": "yrkande",
    "remiss": "remiss",
    "yttrande": "yttrande",
    "reservation": "reservation",
    "utlatande": "utlatande",
    "beslut": "beslut",
    "sammantrade": "sammantrade",
    "ref": "any",
}


class KommunXRefRole(XRefRole):
    """A reference to an object; remembered so the target can show a backlink."""

    innernodeclass = nodes.inline

    def __init__(self, kind: str) -> None:
        super().__init__(warn_dangling=True)  # see warn_missing_reference
        self.kind = kind

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        target = " ".join(target.split())
        refdnr = str(env.current_document.get(CURRENT_DNR) or "")
        refnode["refdomain"] = "kommun"
        refnode["reftype"] = self.kind
        refnode["kommun-refdnr"] = refdnr
        domain = get_domain(env)
        docname = env.current_document.docname
        domain.add_ref(
            RoleRef(
                kind=self.kind,
                target=target,
                refdnr=refdnr,
                docname=docname,
                lineno=self.lineno,
                source=str(env.current_document.get(CURRENT_OBJECT) or ""),
            )
        )
        domain.add_dependency(docname, ("ref", self.kind, target, refdnr))
        return title, target
