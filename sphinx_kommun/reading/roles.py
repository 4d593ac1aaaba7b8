"""Roles that reference ärende objects from running text.

``:yttrande:`Bromma stadsdelsnämnd``` refers to that instans' yttrande in the
document's ärende; ``:yrkande:`KS 2019/1899:2``` to att-sats 2 of another;
``:arende:`KS 2019/656``` to an ärende. Every role also takes an object id.
A reference written in the text is marked (``kommun-role``): the domain
collects it when the document is read, so its target shows a backlink.
"""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Element
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole

from .directive import CURRENT_DNR

#: Marks a reference written in the text with a role.
ROLE_MARK = "kommun-role"


class KommunXRefRole(XRefRole):
    """A reference to an object of ``kind`` (``"any"`` for ``:kommun:ref:``)."""

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
        refnode["refdomain"] = "kommun"
        refnode["reftype"] = self.kind
        refnode["kommun-refdnr"] = str(env.current_document.get(CURRENT_DNR) or "")
        refnode[ROLE_MARK] = True
        return title, " ".join(target.split())
