"""The domain's index of ärenden (``kommun-arenden``, "Ärendeförteckning")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from sphinx.domains import Index, IndexEntry

from ..i18n import N_, lazy
from ..kinds.arende import Arende
from .remote import is_federated

if TYPE_CHECKING:
    from .store import KommunDomain


class ArendeIndex(Index):
    """Every ärende, grouped by board code and year."""

    name = "arenden"
    localname = lazy(N_("Ärendeförteckning"))
    shortname = lazy(N_("ärenden"))

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = cast("KommunDomain", self.domain)
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        for obj in domain.index.by_id.values():
            if not isinstance(obj, Arende):
                continue
            if wanted is not None and obj.docname not in wanted:
                continue
            if is_federated(obj.docname):
                continue  # in the index of its own project
            groups.setdefault(obj.dnr.split("/")[0], []).append(
                IndexEntry(
                    obj.dnr, 0, obj.docname, obj.id, obj.responsible, "", obj.title
                )
            )
        content = [
            (group, sorted(entries, key=lambda e: dnr_sort_key(e.name)))
            for group, entries in sorted(groups.items())
        ]
        return content, False


def dnr_sort_key(dnr: str) -> tuple[str, int]:
    head, _, serial = dnr.partition("/")
    return head, int(serial) if serial.isdigit() else 0
