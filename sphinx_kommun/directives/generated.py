"""Directives whose content is generated: ``remissammanstallning``, ``beredning``."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ..i18n import _
from .base import KommunDirective, split_entries

#: The parts of a remissammanställning, in the order they are rendered.
PARTS = ("arendet", "beredning", "sammanstallning", "reservationer", "tabell")


class RemissammanstallningDirective(KommunDirective):
    """``.. remissammanstallning::``: the compiled referral answers of an ärende.

    Never written by hand: every sentence comes from the remiss, yttrande,
    reservation and utlåtande directives of the ärende.
    """

    kind = "remissammanstallning"
    has_content = False
    required_arguments = 0
    optional_arguments = 0
    default_parts: tuple[str, ...] = PARTS
    options_help: ClassVar[dict[str, str]] = {
        "delar": "which parts, among: " + ", ".join(PARTS),
    }

    def run(self) -> list[nodes.Node]:
        dnr = self.resolve_dnr()
        if not dnr:
            return []
        parts = []
        for part in (
            split_entries(self.opt("delar").replace(",", ";")) or self.default_parts
        ):
            folded = part.casefold().replace("ä", "a").replace("å", "a")
            if folded not in PARTS:
                self.warn(
                    _("okänd del '%(part)s'; kända är %(known)s"),
                    "option",
                    {"part": part, "known": ", ".join(PARTS)},
                )
                continue
            parts.append(folded)
        node = self.pending("remissammanstallning", dnr=dnr, parts=" ".join(parts))
        return [node]


class BeredningDirective(RemissammanstallningDirective):
    """``.. beredning::``: the Beredning passage of the utlåtande."""

    kind = "beredning"
    default_parts = ("beredning",)
