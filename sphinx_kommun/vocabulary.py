"""The closed word lists of the process: ställningar, beslut, reservation kinds.

The clerk writes the Swedish keywords whatever the build's language; a
reader reads them through the catalogue (:func:`readable`): "avslag" is
"rejected" in an English build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .i18n import (
    N_,
    _,
)
from .swedish import normalise

#: What an instans can say about a motion or an att-sats.
POSITIONS: Mapping[str, str] = {
    N_("tillstyrker"): "stöder förslaget",
    N_("delvis tillstyrker"): "stöder delar av förslaget",
    N_("avstyrker"): "motsätter sig förslaget",
    N_("instämmer"): "instämmer i förslaget",
    N_("ingen erinran"): "har inget att invända",
    N_("tillgodosett"): "anser att det som föreslås redan görs",
    N_("lämnar synpunkter"): "lämnar synpunkter utan att ta ställning",
}

#: What a beslut can say about an att-sats, an initiating document or a
#: beslutspunkt.
OUTCOMES: Mapping[str, str] = {
    N_("bifall"): "förslaget bifalls",
    N_("delvis bifall"): "förslaget bifalls delvis",
    N_("avslag"): "förslaget avslås",
    N_("anses besvarad"): "motionen, skrivelsen eller förslaget anses besvarat",
    N_("enligt förslaget"): "beslutet fattas enligt förslaget",
    N_("återremiss"): "ärendet återremitteras",
    N_("bordläggning"): "ärendet bordläggs till ett senare sammanträde",
}

#: Other ways a clerk writes an outcome, and the word each is.
OUTCOME_FORMS: Mapping[str, str] = {
    "bifalls": "bifall",
    "avslås": "avslag",
    "anses besvarade": "anses besvarad",
    N_("anses besvarat"): "anses besvarad",
    "besvarad": "anses besvarad",
    "besvarade": "anses besvarad",
    "enligt förslag": "enligt förslaget",
    "återremitteras": "återremiss",
    "bordläggs": "bordläggning",
    "bordlagd": "bordläggning",
}

#: The proposal sentence a ``:forslag:`` keyword stands for: %(what)s is
#: what it is on ("Motionen", "Skrivelserna", "Att-sats 2 i motionen"),
#: %(where)s the document ("utlåtandet"), %(answered)s "besvarad",
#: "besvarat" or "besvarade" as %(what)s wants it.
PROPOSALS: Mapping[str, str] = {
    "bifall": N_("%(what)s bifalls."),
    "delvis bifall": N_(
        "%(what)s bifalls delvis med hänvisning till vad som sägs i %(where)s."
    ),
    "avslag": N_("%(what)s avslås med hänvisning till vad som sägs i %(where)s."),
    "anses besvarad": N_(
        "%(what)s anses %(answered)s med hänvisning till vad som sägs i %(where)s."
    ),
    "återremiss": N_("Ärendet återremitteras."),
}

#: The roles of the register of members (``roll``) a reader reads in the
#: build's language (the kallelse, the personregister); another role stays
#: as written.
ROLES = (
    N_("ordförande"),
    N_("vice ordförande"),
    N_("förste vice ordförande"),
    N_("andre vice ordförande"),
)

#: Kinds of dissent and statement, with the plural used in headings.
RESERVATION_TYPES: Mapping[str, str] = {
    N_("reservation"): "reservationer",
    N_("särskilt uttalande"): "särskilda uttalanden",
    N_("ersättaryttrande"): "ersättaryttranden",
    N_("protokollsanteckning"): "protokollsanteckningar",
}


#: Each kind in the definite form, as a warning names it ("reservationen
#: saknar text"); unknown kinds are called a reservation.
RESERVATION_DEFINITE: Mapping[str, str] = {
    "reservation": N_("reservationen"),
    "särskilt uttalande": N_("det särskilda uttalandet"),
    "ersättaryttrande": N_("ersättaryttrandet"),
    "protokollsanteckning": N_("protokollsanteckningen"),
}


def definite(kind: str) -> str:
    """``kind`` of reservation in the definite form, translated."""
    return _(RESERVATION_DEFINITE.get(kind, RESERVATION_DEFINITE["reservation"]))


def readable(word: str) -> str:
    """A word of the vocabulary as a reader reads it, in the build's
    language; a plugin's or a project's own word stays as written."""
    return _(word) if word else word


def readable_role(written: str) -> str:
    """A role of the register as a reader reads it: one of :data:`ROLES`,
    however cased, in the build's language ("Vice ordförande" is "vice
    chair" in English); in Swedish, or another role, as written."""
    known = closest(written, ROLES)
    translated = _(known) if known else written
    return translated if translated != known else written


def closest(word: str, vocabulary: Iterable[str]) -> str | None:
    """The vocabulary word ``word`` is, ignoring case and spacing."""
    wanted = normalise(word)
    for known in vocabulary:
        if normalise(known) == wanted:
            return known
    return None
