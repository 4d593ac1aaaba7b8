"""sphinx-kommun's own sections, words, attestation block and checks.

Registered as the plugin ``sphinx_kommun.builtin`` through the same hooks any
plugin uses, so a plugin can replace or extend each of them (and
``kommun_disabled_plugins = ["sphinx_kommun.builtin"]`` switches them off).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from ..domain.checks import all_findings
from ..domain.model import Person
from ..i18n import _
from ..kinds.yttrande import Yttrande
from ..render import (
    date_text,
    rubric,
    table,
)
from ..vocabulary import POSITIONS
from .hookspecs import (
    FooterPart,
    SectionKind,
    hookimpl,
)

#: (directive name, heading, object kinds, excerpt) of the standard sections.
STANDARD_SECTIONS = (
    ("forslag-till-beslut", "Förslag till beslut", ("yttrande",), "beslut"),
    ("sammanfattning", "Sammanfattning", ("yttrande", "utlatande"), ""),
    ("bakgrund", "Bakgrund", ("yttrande", "utlatande"), ""),
    ("arendets-beredning", "Ärendets beredning", ("yttrande",), ""),
    ("arendet", "Ärendet", ("yttrande", "utlatande"), "arendet"),
    ("synpunkter-och-forslag", "Synpunkter och förslag", ("yttrande",), "lydelse"),
    ("mina-synpunkter", "Mina synpunkter", ("utlatande",), ""),
)


@hookimpl
def kommun_section_kinds() -> list[SectionKind]:
    """The sections of a tjänsteutlåtande and an utlåtande.

    Headings are matched as written: in Swedish, whatever the output language.
    """
    return [
        {"name": name, "title": title, "kinds": kinds, "excerpt": excerpt}
        for name, title, kinds, excerpt in STANDARD_SECTIONS
    ]


@hookimpl
def kommun_positions() -> dict[str, str]:
    return dict(POSITIONS)


@hookimpl
def kommun_footer(obj: Any, language: str) -> list[FooterPart]:
    """ "Attesterat av": who approved a yttrande digitally, and when."""
    if not isinstance(obj, Yttrande) or not obj.attestations:
        return []
    return [
        {"key": "attestering", "nodes": [attestation_block(obj.attestations, language)]}
    ]


def attestation_block(people: tuple[Person, ...], language: str) -> nodes.Element:
    block = nodes.container(classes=["kommun-attestation"])
    block += rubric(_("Attesterat av"))
    block += nodes.paragraph(
        "", _("Detta dokument har godkänts digitalt av följande personer:")
    )
    block += table(
        [_("Namn"), _("Datum")],
        [
            (
                f"{p.name}, {p.role}" if p.role else p.name,
                date_text(p.date, language),
            )
            for p in people
        ],
        widths=[3, 1],
        classes=["kommun-attestation-table"],
    )
    return block


@hookimpl
def kommun_checks(index: Any) -> list[dict[str, Any]]:
    return list(all_findings(index))
