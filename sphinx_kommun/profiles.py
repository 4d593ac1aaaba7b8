"""Kommun profiles: the words, phrases and forms that differ between kommuner.

Only Stockholm has borgarråd, rotlar and an "utlåtande" to fullmäktige;
elsewhere the föredragande is a kommunalråd or the ordförande, the
förvaltning writes a tjänsteskrivelse, and a region has regionfullmäktige.
A :class:`Profile` holds all of it; ``kommun_profile`` chooses one
(``kommun``, the default, ``stockholm`` or ``region``, or one a plugin adds
through ``kommun_profiles``), and ``kommun_vocabulary`` overrides single
entries. Nothing outside this module knows a kommun's words.

Phrases are message ids (translated where they are used); a phrase a
project writes itself is printed as written unless the catalogue has it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .i18n import N_
from .swedish import DEFAULT_COMMON_NOUN_ENDINGS

#: A diarienummer of most forms kommuner use: "KS 2019/1899",
#: "KSN-2021-01234", "0456/21", "123-183/2016", "KS2023.0417".
ANY_DNR = r"^(?=.*[0-9])[0-9A-ZÅÄÖ][0-9A-Za-zÅÄÖåäö .:/_-]{0,40}[0-9A-Za-z]$"

#: Stockholm's form: board code, year, serial ("KS 2019/1899", "RK 2020/196").
STOCKHOLM_DNR = r"^[A-ZÅÄÖ]{1,6} [0-9]{4}/[0-9]{1,6}$"


@dataclass(frozen=True)
class Profile:
    """What a kommun calls things. Each field is an entry of
    ``kommun_vocabulary``; the README's profile table describes them."""

    #: the municipality's name, printed in headers ("Stockholms stad")
    municipality: str = ""
    #: the regular expression a diarienummer must match
    dnr_pattern: str = ANY_DNR
    #: the name of fullmäktige, as a heading writes it
    council: str = "Kommunfullmäktige"
    #: the name of the styrelse
    board: str = "Kommunstyrelsen"
    #: the föredragande's title before the name, definite form
    presenter_title: str = N_("kommunalrådet")
    #: the förvaltning's statement (indefinite, definite; the participle
    #: that agrees with it: "daterat" for -et, "daterad" for -en)
    statement: str = N_("tjänsteskrivelse")
    statement_definite: str = N_("tjänsteskrivelsen")
    statement_dated: str = N_("daterad")
    #: the document heading of the styrelse's statement to fullmäktige
    proposal_title: str = N_("Förslag till beslut")
    #: how a proposal refers to itself ("… med hänvisning till vad som sägs
    #: i ärendet")
    proposal_reference: str = N_("ärendet")
    #: its opening phrase; %(organ)s proposes, %(to)s decides
    proposes: str = N_("%(organ)s föreslår %(to)s att besluta följande.")
    #: the föredragande's line; %(who)s is "Föredragande <title> <name>"
    presents: str = N_("%(who)s anför följande.")
    #: after an endorsement; %(organ)s proposes, %(endorser_gen)s endorsed
    #: (genitive), %(to)s decides
    agrees: str = N_(
        "%(organ)s delar %(endorser_gen)s uppfattning och föreslår %(to)s att "
        "besluta följande."
    )
    #: the sections of a yttrande quoted in the remissammanställning
    quoted_sections: tuple[str, ...] = (
        "Synpunkter och förslag",
        "Förvaltningens synpunkter",
        "Bedömning",
    )
    #: endings of one-word names written in lower case mid-sentence
    common_noun_endings: tuple[str, ...] = DEFAULT_COMMON_NOUN_ENDINGS
    #: names that keep their capitals mid-sentence ("Skönhetsrådet")
    proper_names: tuple[str, ...] = ()

    def label(self, kind: str, label: str) -> str:
        """What the profile calls a kind of document (a message id): the
        förvaltning's statement and the styrelse's proposal by their
        entries, any other kind by its ``label``."""
        return {
            "tjansteskrivelse": self.statement,
            "utlatande": self.proposal_title,
        }.get(kind, label)

    def name_of(self, obj: Any) -> str:
        """What a document is called: its own name (a reservation's type, a
        tjänsteskrivelse's ``:dokument:``), else its kind in the profile's
        words (a message id)."""
        own = {"reservation": "type", "tjansteskrivelse": "document"}.get(obj.kind)
        named = str(getattr(obj, own, "")) if own else ""
        return named or self.label(obj.kind, obj.label)

    def replace(self, entries: Mapping[str, Any]) -> Profile:
        """This profile with ``entries`` (valid ones: see :func:`problems`)."""
        values: dict[str, Any] = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in entries.items()
        }
        return dataclasses.replace(self, **values)

    def entries(self) -> dict[str, Any]:
        """Every entry, lists as lists (a config value's form)."""
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in dataclasses.asdict(self).items()
        }


#: An ordinary kommun: kommunfullmäktige, kommunstyrelsen, kommunalråd,
#: tjänsteskrivelser.
KOMMUN = Profile()

#: Stockholms stad: borgarråd, rotlar, tjänsteutlåtanden and the
#: borgarråd's utlåtande to fullmäktige.
STOCKHOLM = Profile(
    municipality="Stockholms stad",
    dnr_pattern=STOCKHOLM_DNR,
    presenter_title=N_("borgarrådet"),
    statement=N_("tjänsteutlåtande"),
    statement_definite=N_("tjänsteutlåtandet"),
    statement_dated=N_("daterat"),
    proposal_title=N_("Utlåtande"),
    proposal_reference=N_("utlåtandet"),
    proposes=N_("%(organ)s föreslår att %(to)s beslutar följande."),
    agrees=N_(
        "%(organ)s delar %(endorser_gen)s uppfattning och föreslår att "
        "%(to)s beslutar följande."
    ),
    quoted_sections=("Synpunkter och förslag",),
    proper_names=("Skönhetsrådet",),
)

#: A region: regionfullmäktige, regionstyrelsen, regionråd.
REGION = Profile(
    council="Regionfullmäktige",
    board="Regionstyrelsen",
    presenter_title=N_("regionrådet"),
)

#: The built-in profiles, by the name ``kommun_profile`` takes.
PROFILES: dict[str, Profile] = {
    "kommun": KOMMUN,
    "stockholm": STOCKHOLM,
    "region": REGION,
}

FIELDS = {f.name: f for f in dataclasses.fields(Profile)}


def problems(entries: Any) -> list[str]:
    """What is wrong with a mapping of profile entries (empty: nothing)."""
    if not isinstance(entries, Mapping):
        return ["must be a dict of profile entries"]
    found = []
    for name, value in entries.items():
        if name not in FIELDS:
            found.append(
                f"has an unknown entry {name!r} (known: {', '.join(sorted(FIELDS))})"
            )
        elif isinstance(KOMMUN.entries()[name], list):
            if not isinstance(value, list | tuple) or not all(
                isinstance(item, str) for item in value
            ):
                found.append(f"entry {name!r} must be a list of strings")
        elif not isinstance(value, str):
            found.append(f"entry {name!r} must be a string")
    return found
