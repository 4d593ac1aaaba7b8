"""Motion and its att-satser (``yrkande`` directives nested in it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import KommunObject, Person, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..swedish import format_date

#: While a motion's content is read: (motion id, dnr, att-satser so far).
CURRENT_MOTION = "kommun:motion"


@dataclass(frozen=True, kw_only=True)
class Motion(KommunObject):
    kind: ClassVar[str] = "motion"
    label: ClassVar[str] = N_("motion")

    filed: dt.date | None = None
    body: str = "Kommunfullmäktige"
    authors: tuple[Person, ...] = ()

    def byline(self) -> str:
        """``Bengt Herke m.fl. (-)``: the first active motionär and party."""
        active = [p for p in self.authors if not p.withdrawn] or list(self.authors)
        if not active:
            return ""
        first = active[0]
        name = first.name + (" m.fl." if len(active) > 1 else "")
        parties = {p.party for p in active}
        party = first.party if len(parties) == 1 else ""
        return f"{name} ({party})" if party else name


@dataclass(frozen=True, kw_only=True)
class Yrkande(KommunObject):
    kind: ClassVar[str] = "yrkande"
    label: ClassVar[str] = N_("att-sats")

    motion: str
    number: int
    text: str = ""


OPTIONS = {
    "inlamnad": kind.date("date the motion was filed (YYYY-MM-DD)"),
    "organ": kind.text("the body it was filed in (default Kommunfullmäktige)"),
    "motionarer": kind.persons(
        "one per line: Name (Party), '[ej tjänstgörande]' for a signatory who withdrew"
    ),
}


def parse(d: ObjectDirective) -> tuple[Motion, list[nodes.Node]]:
    dnr = d.dnr()
    obj_id = d.object_id(default_id("motion", dnr))
    authors = d.value("motionarer")
    if not authors:
        d.warn(_("motionen saknar motionärer (:motionarer:)"), "missing")
    motion = Motion(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=d.argument(),
        filed=d.value("inlamnad"),
        body=d.value("organ") or "Kommunfullmäktige",
        authors=authors,
    )
    doc = d.env.current_document
    previous = doc.get(CURRENT_MOTION)
    doc[CURRENT_MOTION] = (obj_id, dnr, 0)
    try:
        body = d.body(dnr)
        count = doc[CURRENT_MOTION][2]
    finally:
        doc[CURRENT_MOTION] = previous
    if count == 0:
        d.warn(_("motionen har inga att-satser (yrkande-direktiv)"), "missing")
    return motion, body


def render_motion(
    d: ObjectDirective, motion: Motion, body: list[nodes.Node]
) -> list[nodes.Node]:
    filed = (
        f"{motion.body}, {format_date(motion.filed, d.locale)}" if motion.filed else ""
    )
    fields = d.fields(
        (_("Inlämnad"), filed),
        (_("Diarienummer"), motion.dnr),
    )
    container = d.container(motion)
    container += d.header(motion, fields, classes=["kommun-motion-header"])
    container += render.rubric(motion.title, classes=["kommun-doc-title"])
    container.extend(body)
    if motion.authors:
        container += render.person_lines(motion.authors)
    container.extend(d.footer(motion))
    container += d.backlinks(motion)
    return [container]


def parse_yrkande(d: ObjectDirective) -> tuple[Yrkande | None, list[nodes.Node]]:
    doc = d.env.current_document
    current = doc.get(CURRENT_MOTION)
    if not current:
        d.warn(_("yrkande måste stå inuti ett motion-direktiv"), "structure")
        return None, [nodes.paragraph("", "", *d.parse_content_to_nodes())]
    motion_id, dnr, count = current
    number = count + 1
    doc[CURRENT_MOTION] = (motion_id, dnr, number)
    text = " ".join(" ".join(d.content).split())
    if not text:
        d.warn(_("att-sats %(number)s är tom"), "missing", {"number": number})
    yrkande = Yrkande(
        id=d.object_id(f"{motion_id}-att-sats-{number}"),
        **d.where(),
        dnr=dnr,
        title=_("Att-sats %(number)s") % {"number": number},
        motion=motion_id,
        number=number,
        text=text,
    )
    return yrkande, d.body(dnr)


def render_yrkande(
    d: ObjectDirective, yrkande: Yrkande, body: list[nodes.Node]
) -> list[nodes.Node]:
    container = d.container(yrkande)
    label = nodes.strong("", yrkande.title)
    container += nodes.paragraph("", "", label, classes=["kommun-yrkande-label"])
    container.extend(body)
    container += d.backlinks(yrkande)
    return [container]


KIND = kind.Kind(
    Motion,
    ("motion",),
    OPTIONS,
    parse,
    render_motion,
    argument=N_("rubriken"),
    argument_required=True,
    colour="#BFD8D2",
)

YRKANDE = kind.Kind(
    Yrkande,
    ("yrkande", "att-sats"),
    {},
    parse_yrkande,
    render_yrkande,
    takes_argument=False,
    printed=False,
    colour="#DCEFE9",
)
