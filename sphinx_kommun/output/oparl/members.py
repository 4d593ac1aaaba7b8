"""The register of members as OParl Persons, Memberships and
LegislativeTerms.

Where the project has a register of its bodies' ledamöter and ersättare
(``kommun_ledamoter``, :mod:`sphinx_kommun.domain.register`), each body
is an Organization (``sk:platser``: its seats; ``sk:mandatperiod``) and
each seat a Membership of its Person in it: ``role`` the member's role
(ordförande …) or seat, ``votingRight`` for a ledamot, ``sk:uppdrag`` the
seat and ``sk:parti`` the party. Each mandatperiod written as two dates
(``2023-01-01–2026-12-31``) is a LegislativeTerm of the Body. Without a
register, the people are those the documents name as authors.
"""

from __future__ import annotations

import datetime as dt
import re

from ...domain.members import Member, Register
from .objects import Export, Json, ext, iso

_PERIOD = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*[–-]\s*(\d{4}-\d{2}-\d{2})\s*$")


def add_register(ex: Export, register: Register) -> None:
    """Every body and seat of the register."""
    for body in register.bodies:
        org = ex.objects[ex.organization(body.name)]
        org["sk:platser"] = body.seats
        if body.period:
            org["sk:mandatperiod"] = body.period
        for member in body.members:
            membership = _membership(ex, member, org["id"])
            org.setdefault("membership", []).append(membership["id"])
            person = ex.objects[ex.person(member.name, member.party)]
            person.setdefault("membership", []).append(membership)


def terms(ex: Export, register: Register) -> list[Json]:
    """Each mandatperiod of the register's bodies as a LegislativeTerm."""
    found: dict[str, Json] = {}
    for body in register.bodies:
        match = _PERIOD.match(body.period)
        if match is None or body.period in found:
            continue
        try:
            start, end = (dt.date.fromisoformat(d) for d in match.groups())
        except ValueError:
            continue  # the register warns about its dates
        found[body.period] = ex.new(
            "LegislativeTerm",
            ex.site.url("legislativeterm", body.period),
            body=ex.body,
            name=f"{start.year}–{end.year}",
            startDate=iso(start),
            endDate=iso(end),
        )
    return list(found.values())


def _membership(ex: Export, member: Member, organization: str) -> Json:
    person = ex.person(member.name, member.party)
    return ex.new(
        "Membership",
        ex.site.url("membership", f"{member.body} {member.seat} {member.name}"),
        person=person,
        organization=organization,
        role=member.role or member.seat,
        votingRight=member.seat == "ledamot",
        startDate=iso(member.start),
        endDate=iso(member.end),
        **ext(uppdrag=member.seat, parti=member.party),
    )
