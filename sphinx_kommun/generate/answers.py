"""The answers to an ärende's remiss, in order, with the reservations made
on them: what the remissammanställning's parts and its table read."""

from __future__ import annotations

from collections.abc import Sequence

from ..kinds.beslut import Beslut
from ..kinds.beslutspunkt import Beslutspunkt
from ..kinds.reservation import Reservation
from ..kinds.yttrande import Yttrande
from .context import Context
from .overview import answer_rows


class Answers:
    """One ärende's answers: each instans in remiss order, its yttrande (or
    None), and the reservations numbered as bilagor."""

    def __init__(
        self, ctx: Context, dnr: str, anchor: str, parts: Sequence[str] = ()
    ) -> None:
        self.ctx = ctx
        self.dnr = dnr
        self.anchor = anchor
        #: the parts of the remissammanställning written on the page
        self.parts = tuple(parts)
        self.remiss = ctx.index.remiss(dnr)
        self.utlatande = ctx.index.utlatande(dnr)
        self.rows = answer_rows(ctx, dnr)
        self.reservations = self._ordered_reservations()
        self.numbers = {r.id: n for n, r in enumerate(self.reservations, start=1)}

    def _ordered_reservations(self) -> list[Reservation]:
        order = {name.casefold(): n for n, (name, _y, _r) in enumerate(self.rows)}
        # those made in the instanser: not those against the decision itself
        found = [
            reservation
            for reservation in self.ctx.index.reservations(self.dnr)
            if not isinstance(
                self.ctx.index.concerns(reservation), Beslut | Beslutspunkt
            )
        ]

        def key(reservation: Reservation) -> tuple[int, str]:
            concerns = self.ctx.index.concerns(reservation)
            body = (
                concerns.instans if isinstance(concerns, Yttrande) else reservation.body
            )
            return (order.get(body.casefold(), len(order)), body)

        return sorted(found, key=key)

    def reservation_anchor(self, reservation: Reservation) -> str:
        return f"{self.anchor}-{reservation.id}"

    def for_yttrande(self, yttrande: Yttrande) -> list[Reservation]:
        return [
            r
            for r in self.reservations
            if (c := self.ctx.index.concerns(r)) is not None and c.id == yttrande.id
        ]
