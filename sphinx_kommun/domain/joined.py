"""Diarienummer handled together: several written on one document.

"A document may carry several dnr": an ärende that handles three
skrivelser together is filed under one dnr and joins the skrivelser's own;
any document that lists several dnr joins them. Every object filed under a
joined dnr belongs to the ärende it is joined to.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..kinds.arende import Arende
from .model import KommunObject


def join_dnrs(objects: Iterable[KommunObject]) -> dict[str, str]:
    """Each dnr written together with others, and the dnr of the ärende
    they are handled as: the dnr of an ``arende`` among them, else the
    first written. Dnr that stand alone are left out."""
    objects = list(objects)
    parent: dict[str, str] = {}

    def root(dnr: str) -> str:
        while parent.get(dnr, dnr) != dnr:
            dnr = parent[dnr]
        return dnr

    for obj in objects:
        if not obj.dnrs or not obj.dnr:
            continue
        first = root(obj.dnr)
        for other in obj.dnrs:
            found = root(other)
            if found != first:
                parent[found] = first
    if not parent:
        return {}
    groups: dict[str, list[str]] = {}
    for dnr in {*parent, *parent.values()}:
        groups.setdefault(root(dnr), []).append(dnr)
    arenden = [o.dnr for o in objects if isinstance(o, Arende)]
    written = [d for o in objects for d in (o.dnr, *o.dnrs)]
    joined: dict[str, str] = {}
    for members in groups.values():
        chosen = next((d for d in arenden if d in members), None) or next(
            d for d in written if d in members
        )
        joined.update((dnr, chosen) for dnr in members if dnr != chosen)
    return joined
