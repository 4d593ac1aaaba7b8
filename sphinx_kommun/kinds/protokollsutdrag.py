"""Protokollsutdrag: an extract of one § for named recipients.

The § is copied when the page is written (``protokollsutdrag`` in
:mod:`sphinx_kommun.generate.protocol`): its number, what happened at the
meeting, the beslut, the justering and the anslag, and the line "Utdrag
bestyrks" with who certifies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import KommunObject, Person, dnr_slug
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..reading.people import PersonError, parse_person


@dataclass(frozen=True, kw_only=True)
class Protokollsutdrag(KommunObject):
    kind: ClassVar[str] = "protokollsutdrag"
    label: ClassVar[str] = N_("protokollsutdrag")

    #: the § as written: its id or its ärende's dnr
    paragraf: str = ""
    recipients: tuple[str, ...] = ()
    certifier: Person | None = None


OPTIONS = {
    "paragraf": kind.text("the § extracted: its id, or the dnr of its ärende"),
    "mottagare": kind.entries("who gets the extract, one per line"),
    "bestyrks-av": kind.persons("who certifies the extract: 'Name, title'"),
}


def parse(d: ObjectDirective) -> tuple[Protokollsutdrag, list[nodes.Node]]:
    ref = d.value("paragraf")
    if not ref:
        d.warn(_("protokollsutdraget anger ingen paragraf (:paragraf:)"), "missing")
    certifiers = d.value("bestyrks-av")
    recipients = tuple(" ".join(r.split()) for r in d.value("mottagare"))
    default = "protokollsutdrag-" + (dnr_slug(ref) if ref else "utan-paragraf")
    utdrag = Protokollsutdrag(
        id=d.object_id(default),
        **d.where(),
        dnr="",
        title=d.argument() or _("Protokollsutdrag"),
        paragraf=" ".join(ref.split()),
        recipients=recipients,
        certifier=certifiers[0] if certifiers else None,
    )
    return utdrag, d.body("")


def _recipient(entry: str) -> list[nodes.Node]:
    """A recipient; a person's name linked to the person (a body's stays text,
    as does a name the register lacks)."""
    try:
        person = parse_person(entry)
    except PersonError:
        return [nodes.Text(entry)]
    return render.person_inline(person)


def render_utdrag(
    d: ObjectDirective, utdrag: Protokollsutdrag, body: list[nodes.Node]
) -> list[nodes.Node]:
    container = d.container(utdrag)
    recipients: list[nodes.Node] = []
    for number, recipient in enumerate(utdrag.recipients):
        if number:
            recipients.append(nodes.Text("; "))
        recipients.extend(_recipient(recipient))
    container += d.header(utdrag, d.fields((_("Till"), recipients)))
    container += d.pending("protokollsutdrag", target=utdrag.id)
    container.extend(body)
    container.extend(d.footer(utdrag))
    return [container]


KIND = kind.Kind(
    Protokollsutdrag,
    ("protokollsutdrag",),
    OPTIONS,
    parse,
    render_utdrag,
    colour="#DDE8D4",
)
