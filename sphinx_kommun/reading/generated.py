"""Directives whose content is generated: ``remissammanstallning``, ``beredning``."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ..i18n import _
from ..swedish import fold
from .directive import ObjectDirective
from .people import split_entries

#: The parts of a remissammanställning, in the order they are rendered.
PARTS = (
    "arendet",
    "beredning",
    "sammanstallning",
    "reservationer",
    "tabell",
    "stallning",
)


class GeneratedDirective(ObjectDirective):
    """A directive whose content is generated when its page is written: its
    name is its kind, its options are :attr:`options_help`'s (what each
    means, for the README's table)."""

    generated: ClassVar[str]
    optional_arguments = 0
    #: its options and what they mean
    options_help: ClassVar[dict[str, str]] = {}

    @property
    def kind(self) -> str:
        return self.generated

    @classmethod
    def option_names(cls) -> list[str]:
        return list(cls.options_help)

    def known_options(self) -> set[str]:
        return {fold(name) for name in self.option_names()}


class RemissammanstallningDirective(GeneratedDirective):
    """``.. remissammanstallning::``: the compiled referral answers of an ärende.

    Never written by hand: every sentence comes from the remiss, yttrande,
    reservation and utlåtande directives of the ärende.
    """

    generated: ClassVar[str] = "remissammanstallning"
    has_content = True  # only to keep what is written there, with a warning
    default_parts: tuple[str, ...] = PARTS
    options_help: ClassVar[dict[str, str]] = {
        "delar": "which parts, among: " + ", ".join(PARTS),
    }

    def known_options(self) -> set[str]:
        return {"dnr", *super().known_options()}

    def run(self) -> list[nodes.Node]:
        dnr = self.dnr()
        if not dnr:
            return self._written_text()
        parts = []
        for part in (
            split_entries(self.text("delar").replace(",", ";")) or self.default_parts
        ):
            folded = fold(part)
            if folded not in PARTS:
                self.warn(
                    _("okänd del '%(part)s'; kända är %(known)s"),
                    "option",
                    {"part": part, "known": ", ".join(PARTS)},
                    line=self.option_line("delar"),
                )
                continue
            parts.append(folded)
        node = self.pending("remissammanstallning", dnr=dnr, parts=" ".join(parts))
        return [node, *self._written_text()]

    def _written_text(self) -> list[nodes.Node]:
        """Text written under the directive: kept, after what is generated."""
        if not self.content:
            return []
        self.warn(
            _(
                "'%(directive)s' genereras och tar ingen text; texten under "
                "direktivet skrivs ut efter det genererade"
            ),
            "structure",
            {"directive": self.kind},
        )
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        return list(container.children)


class BeredningDirective(RemissammanstallningDirective):
    """``.. beredning::``: the Beredning passage of the utlåtande."""

    generated = "beredning"
    default_parts = ("beredning",)
