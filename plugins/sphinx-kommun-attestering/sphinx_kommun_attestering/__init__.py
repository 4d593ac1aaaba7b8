"""Attestering: the "Attesterat av" block, for yttranden and utlåtanden, and its checks.

A sphinx-kommun plugin (entry point ``attestering``). It

- replaces the built-in "Attesterat av" block (footer part ``attestering``)
  with a table Namn | Roll | Datum in date order, and the line "Alla
  undertecknare har attesterat." when every signatory has approved;
- adds the option ``:attesterat:`` to ``utlatande`` (a yttrande has it
  already), written like a yttrande's: ``Namn, roll, ÅÅÅÅ-MM-DD``, one per
  line or separated by ``;``;
- checks every yttrande with attestations: no approval after the nämnd's
  meeting, every signatory has approved, every approval names a role
  (warnings ``kommun.attestering``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from docutils import nodes

from sphinx_kommun.api import (
    date_text,
    fold,
    hookimpl,
    output_locale,
    parse_entries,
    parse_person,
    rubric,
    split_entries,
    table,
)

__version__ = "0.1.0"

#: The footer part's key: the same as the built-in block's, which it replaces.
KEY = "attestering"
#: The field added to the utlåtande.
FIELD = "attesterat"
#: Warning subtype of the checks (``kommun.attestering``).
SUBTYPE = "attestering"

_FORM = "'Namn, roll, ÅÅÅÅ-MM-DD'"

#: The texts a reader sees, in Swedish and English.
TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "heading": "Attesterat av",
        "intro": "Detta dokument har godkänts digitalt av följande personer:",
        "name": "Namn",
        "role": "Roll",
        "date": "Datum",
        "all": "Alla undertecknare har attesterat.",
    },
    "en": {
        "heading": "Approved by",
        "intro": "This document has been approved digitally by the following persons:",
        "name": "Name",
        "role": "Role",
        "date": "Date",
        "all": "All signatories have approved.",
    },
}


class Attestation(NamedTuple):
    """One digital approval: who, in what role, and when."""

    name: str
    role: str
    date: dt.date | None


# -- reading ------------------------------------------------------------------------


def parse_entry(entry: str) -> Attestation:
    """``Gunilla Davidsson, stadsdelsdirektör, 2020-09-08`` → an Attestation.

    Read as sphinx-kommun reads a yttrande's ``:attesterat:``
    (:func:`sphinx_kommun.api.parse_person`), with a role and a date required.
    A role may itself hold commas: everything between the name and the date.

    :raises ValueError: in Swedish, naming the entry.
    """
    if not entry.split(",")[0].strip():
        raise ValueError(f"'{entry}' saknar namn; skriv {_FORM}")
    try:
        person = parse_person(entry, with_dates=True)
    except ValueError as err:
        raise ValueError(f"'{entry}': {err}") from None
    if not person.role and person.date is None:
        raise ValueError(f"'{entry}' ska skrivas {_FORM}")
    if not person.role:
        raise ValueError(f"'{entry}' saknar roll; skriv {_FORM}")
    if person.date is None:
        raise ValueError(f"'{entry}' saknar datum; skriv {_FORM}")
    return Attestation(person.name, person.role, person.date)


def validate_attesterat(value: str) -> str:
    """Check ``:attesterat:`` and return it normalised (entries joined with "; ").

    :raises ValueError: in Swedish, naming every wrong entry.
    """
    found = parse_entries(value, parse_entry)
    if not found:
        raise ValueError(f"ange minst en attestering: {_FORM}")
    return "; ".join(
        f"{a.name}, {a.role}, {a.date.isoformat()}" for a in found if a.date
    )


def _lenient(entry: str) -> Attestation:
    """An entry of a value already validated (or anything, without raising)."""
    try:
        return parse_entry(entry)
    except ValueError:
        name, _sep, rest = entry.partition(",")
        return Attestation(name.strip(), rest.strip(), None)


def attestations_of(obj: Any) -> list[Attestation]:
    """The approvals of a yttrande (``:attesterat:``) or utlåtande (this plugin's field)."""
    kind = getattr(obj, "kind", "")
    if kind == "yttrande":
        return [
            Attestation(person.name, person.role, person.date)
            for person in getattr(obj, "attestations", ())
        ]
    if kind == "utlatande":
        value = dict(getattr(obj, "extra", ())).get(FIELD, "")
        return [_lenient(" ".join(entry.split())) for entry in split_entries(value)]
    return []


def _signatories(obj: Any) -> list[Any]:
    return [
        p for p in getattr(obj, "signatories", ()) if not getattr(p, "withdrawn", False)
    ]


def unattested(obj: Any, attestations: Iterable[Any]) -> list[Any]:
    """The signatories of ``obj`` (not withdrawn) with no approval among ``attestations``.

    Names are compared folded: case, accents and spacing do not matter.
    """
    attested = {fold(a.name) for a in attestations}
    return [p for p in _signatories(obj) if fold(p.name) not in attested]


def all_signatories_attested(obj: Any, attestations: Iterable[Attestation]) -> bool:
    """Whether the document has signatories and every one of them has approved."""
    return bool(_signatories(obj)) and not unattested(obj, attestations)


def in_date_order(attestations: Iterable[Attestation]) -> list[Attestation]:
    """By date; approvals without a date last; the same day as written."""
    return sorted(attestations, key=lambda a: (a.date is None, a.date or dt.date.min))


# -- the block ------------------------------------------------------------------------


def block(
    attestations: Sequence[Attestation], language: str, *, all_attested: bool
) -> nodes.container:
    """The "Attesterat av" block."""
    locale = output_locale(language)
    text = TEXTS[locale]
    container = nodes.container(classes=["kommun-attestation"])
    container += rubric(text["heading"])
    container += nodes.paragraph(text["intro"], text["intro"])
    rows = [
        (
            a.name,
            a.role or "–",
            date_text(a.date, locale),
        )
        for a in in_date_order(attestations)
    ]
    container += table(
        [text["name"], text["role"], text["date"]],
        rows,
        widths=[3, 3, 2],
        classes=["kommun-attestation-table"],
    )
    if all_attested:
        container += nodes.paragraph(
            text["all"], text["all"], classes=["kommun-attestation-all"]
        )
    return container


# -- hooks ----------------------------------------------------------------------------


@hookimpl
def kommun_object_fields(kind: str) -> list[dict[str, Any]]:
    if kind != "utlatande":
        return []
    return [
        {
            "name": FIELD,
            "label": "",
            "help": "digital approvals, one per line or separated by ';': "
            "Name, role, YYYY-MM-DD",
            "validate": validate_attesterat,
        }
    ]


@hookimpl
def kommun_footer(obj: Any, language: str) -> list[dict[str, Any]]:
    attestations = attestations_of(obj)
    if not attestations:
        return []
    node = block(
        attestations,
        language,
        all_attested=all_signatories_attested(obj, attestations),
    )
    return [{"key": KEY, "nodes": [node]}]


@hookimpl
def kommun_checks(index: Any) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = []

    def finding(obj: Any, message: str) -> None:
        # each is about the approvals: reported at the :attesterat: line
        findings.append(
            {
                "object": obj,
                "subtype": SUBTYPE,
                "message": message,
                "line": obj.line_of("attesterat"),
            }
        )

    for obj in index.by_id.values():
        if getattr(obj, "kind", "") != "yttrande" or not obj.attestations:
            continue
        meeting = obj.meeting
        for person in obj.attestations:
            if (
                person.date is not None
                and meeting is not None
                and person.date > meeting
            ):
                finding(
                    obj,
                    f"{person.name} attesterade {person.date.isoformat()}, efter "
                    f"nämndens sammanträde {meeting.isoformat()} (:sammantrade:)",
                )
            if not person.role:
                finding(
                    obj,
                    f"attesteringen av {person.name} saknar roll; skriv {_FORM} "
                    "i :attesterat:",
                )
            if person.date is None:
                finding(
                    obj,
                    f"attesteringen av {person.name} saknar datum; skriv {_FORM} "
                    "i :attesterat:",
                )
        for signatory in unattested(obj, obj.attestations):
            finding(
                obj,
                f"undertecknaren {signatory.name} har inte attesterat yttrandet "
                "(:attesterat:)",
            )
    return findings
