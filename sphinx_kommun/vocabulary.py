"""The closed word lists of the process: ställningar, beslut, reservation kinds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .i18n import (
    N_,
    _,
)
from .swedish import normalise

#: What an instans can say about a motion or an att-sats.
POSITIONS: Mapping[str, str] = {
    "tillstyrker": "stöder förslaget",
    "delvis tillstyrker": "stöder delar av förslaget",
    "avstyrker": "motsätter sig förslaget",
    "instämmer": "instämmer i förslaget",
    "ingen erinran": "har inget att invända",
    "tillgodosett": "anser att det som föreslås redan görs",
    "lämnar synpunkter": "lämnar synpunkter utan att ta ställning",
}

#: What a beslut can say about an att-sats.
OUTCOMES: Mapping[str, str] = {
    "bifall": "förslaget bifalls",
    "delvis bifall": "förslaget bifalls delvis",
    "avslag": "förslaget avslås",
    "anses besvarad": "motionen anses besvarad",
    "återremiss": "ärendet återremitteras",
}

#: The proposal sentence an utlåtande's ``:forslag:`` keyword stands for.
PROPOSALS: Mapping[str, str] = {
    "bifall": N_("Motionen bifalls."),
    "delvis bifall": N_(
        "Motionen bifalls delvis med hänvisning till vad som sägs i utlåtandet."
    ),
    "avslag": N_("Motionen avslås med hänvisning till vad som sägs i utlåtandet."),
    "anses besvarad": N_(
        "Motionen anses besvarad med hänvisning till vad som sägs i utlåtandet."
    ),
    "återremiss": N_("Ärendet återremitteras."),
}

#: Kinds of dissent and statement, with the plural used in headings.
RESERVATION_TYPES: Mapping[str, str] = {
    "reservation": "reservationer",
    "särskilt uttalande": "särskilda uttalanden",
    "ersättaryttrande": "ersättaryttranden",
    "protokollsanteckning": "protokollsanteckningar",
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


def closest(word: str, vocabulary: Iterable[str]) -> str | None:
    """The vocabulary word ``word`` is, ignoring case and spacing."""
    wanted = normalise(word)
    for known in vocabulary:
        if normalise(known) == wanted:
            return known
    return None
