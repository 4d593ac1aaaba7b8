"""The register of members as OParl Persons and Memberships.

Where the project has a register of its bodies' ledamöter and ersättare
(``kommun_ledamoter``, :mod:`sphinx_kommun.domain.register`), each body
is an Organization (``sk:platser``: its seats) and each seat a
Membership of its Person in it: ``role`` the member's role (ordförande …)
or seat, ``votingRight`` for a ledamot, ``sk:uppdrag`` the seat and
``sk:parti`` the party. Without a register, the people are those the
documents name as authors.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from sphinx.environment import BuildEnvironment

from .objects import Export, Json, ext, iso


def register_of(env: BuildEnvironment) -> Any:
    """The project's register of members, or None where sphinx-kommun has none."""
    try:
        module = importlib.import_module("sphinx_kommun.domain.register")
    except ImportError:
        return None
    return module.register_of(env)


def add_register(ex: Export, register: Any) -> None:
    """Every body and seat of the register."""
    for body in getattr(register, "bodies", ()):
        org = ex.objects[ex.organization(body.name)]
        org["sk:platser"] = body.seats
        if getattr(body, "period", ""):
            org["sk:mandatperiod"] = body.period
        for member in body.members:
            membership = _membership(ex, member, org["id"])
            org.setdefault("membership", []).append(membership["id"])
            person = ex.objects[ex.person(member.name, member.party)]
            person.setdefault("membership", []).append(membership)


def _date(value: Any) -> str | None:
    return iso(value) if isinstance(value, dt.date) else None


def _membership(ex: Export, member: Any, organization: str) -> Json:
    person = ex.person(member.name, member.party)
    return ex.new(
        "Membership",
        ex.site.url("membership", f"{member.body} {member.seat} {member.name}"),
        person=person,
        organization=organization,
        role=member.role or member.seat,
        votingRight=member.seat == "ledamot",
        startDate=_date(getattr(member, "start", None)),
        endDate=_date(getattr(member, "end", None)),
        **ext(uppdrag=member.seat, parti=member.party),
    )
