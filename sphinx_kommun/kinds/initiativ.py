"""Initiating documents and their att-satser (``yrkande`` nested in them).

A motion (from a ledamot in fullmäktige), a skrivelse (from a borgarråd,
kommunalråd or ledamot), a medborgarförslag or e-förslag (from a resident)
and a framställning (from a nämnd, a company or an outside body): one model
each, all an :class:`Initiativ`. Several may be handled in one ärende, each
with its own dnr, authors and att-satser; the decision must answer each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import PROPOSED, KommunObject, Person, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..swedish import capitalise, format_date

#: While an initiating document's content is read: (its id, dnr, att-satser so far).
CURRENT_INITIATIV = "kommun:initiativ"


@dataclass(frozen=True, kw_only=True)
class Initiativ(KommunObject):
    """What starts an ärende: its authors, where and when it was filed."""

    kind: ClassVar[str] = "initiativ"
    label: ClassVar[str] = N_("initiativ")
    people_fields: ClassVar[dict[str, str]] = {"authors": PROPOSED}
    #: the kind in the plural, as a byline names several ("Skrivelser av …"),
    #: and definite, singular and plural ("skrivelsen", "skrivelserna")
    plural: ClassVar[str] = N_("initiativ")
    definite: ClassVar[str] = N_("initiativet")
    definite_plural: ClassVar[str] = N_("initiativen")
    #: whether it is expected to end with att-satser (a motion is)
    needs_att_satser: ClassVar[bool] = False

    filed: dt.date | None = None
    #: the body it was filed in or sent to
    body: str = ""
    authors: tuple[Person, ...] = ()
    #: the number it was filed under ("2016:5"), if any
    number: str = ""

    #: whether it is filed in fullmäktige when ``:organ:`` does not say
    in_council: ClassVar[bool] = False
    #: whether the noun is neuter ("förslaget anses besvarat")
    neuter: ClassVar[bool] = False
    #: whether its authors are residents (private persons, not elected)
    residents: ClassVar[bool] = False

    def __init_subclass__(
        cls,
        *,
        forms: tuple[str, str, str, str] | None = None,
        neuter: bool = False,
        in_council: bool = False,
        needs_att_satser: bool = False,
        residents: bool = False,
        **kwargs: object,
    ) -> None:
        """A kind of initiating document: its ``forms`` (label, plural,
        definite, definite plural), its gender, where it is filed, whether
        residents write it."""
        super().__init_subclass__(**kwargs)
        if forms is not None:
            cls.label, cls.plural, cls.definite, cls.definite_plural = forms
        cls.neuter = neuter
        cls.in_council = in_council
        cls.needs_att_satser = needs_att_satser
        cls.residents = residents

    def byline(self) -> str:
        """``Bengt Herke m.fl. (-)``: the first active author and party;
        two of different parties both (``Anna Lundberg (S) och Per-Erik
        Marklund (C)``), more of different parties the first with hers."""
        active = [p for p in self.authors if not p.withdrawn] or list(self.authors)
        if not active:
            return ""
        first = active[0]
        if len({p.party for p in active}) > 1:
            if len(active) == 2:
                return _("%(first)s och %(second)s") % {
                    "first": _with_party(first),
                    "second": _with_party(active[1]),
                }
            return _with_party(first, more=True)
        return _with_party(first, more=len(active) > 1)


def _with_party(person: Person, *, more: bool = False) -> str:
    """``Anna Lundberg m.fl. (S)`` (``more`` authors, or written so);
    without a party, the name."""
    return dataclasses.replace(person, others=more or person.others).with_party()


@dataclass(frozen=True, kw_only=True)
class Motion(
    Initiativ,
    forms=(N_("motion"), N_("motioner"), N_("motionen"), N_("motionerna")),
    in_council=True,
    needs_att_satser=True,
):
    kind: ClassVar[str] = "motion"
    people_options: ClassVar[dict[str, str]] = {"authors": "motionarer"}


@dataclass(frozen=True, kw_only=True)
class Skrivelse(
    Initiativ,
    forms=(N_("skrivelse"), N_("skrivelser"), N_("skrivelsen"), N_("skrivelserna")),
):
    kind: ClassVar[str] = "skrivelse"
    people_options: ClassVar[dict[str, str]] = {"authors": "forfattare"}


@dataclass(frozen=True, kw_only=True)
class Medborgarforslag(
    Initiativ,
    forms=(
        N_("medborgarförslag"),
        N_("medborgarförslag"),
        N_("medborgarförslaget"),
        N_("medborgarförslagen"),
    ),
    neuter=True,
    in_council=True,
    residents=True,
):
    kind: ClassVar[str] = "medborgarforslag"
    people_options: ClassVar[dict[str, str]] = {"authors": "forslagsstallare"}


@dataclass(frozen=True, kw_only=True)
class EForslag(
    Initiativ,
    forms=(N_("e-förslag"), N_("e-förslag"), N_("e-förslaget"), N_("e-förslagen")),
    neuter=True,
    in_council=True,
    residents=True,
):
    kind: ClassVar[str] = "e-forslag"
    people_options: ClassVar[dict[str, str]] = {"authors": "forslagsstallare"}


@dataclass(frozen=True, kw_only=True)
class Framstallning(
    Initiativ,
    forms=(
        N_("framställning"),
        N_("framställningar"),
        N_("framställningen"),
        N_("framställningarna"),
    ),
):
    kind: ClassVar[str] = "framstallning"
    people_options: ClassVar[dict[str, str]] = {"authors": "fran"}


@dataclass(frozen=True, kw_only=True)
class Yrkande(KommunObject):
    kind: ClassVar[str] = "yrkande"
    label: ClassVar[str] = N_("att-sats")

    #: the id of the initiating document it is in
    initiativ: str
    number: int
    text: str = ""


def parse(d: ObjectDirective, authors: str) -> tuple[Initiativ, list[nodes.Node]]:
    """An initiating document, its authors in option ``authors``."""
    model = d.kind_spec.model
    assert issubclass(model, Initiativ)
    dnr = d.dnr()
    own = next((x for x in d.where()["dnrs"] if x != dnr), dnr)
    number = d.value("nummer")
    obj_id = d.object_id(default_id(model.kind, own, number))
    people = d.value(authors)
    if not people:
        d.warn(
            _("%(what)s saknar författare (:%(option)s:)"),
            "missing",
            {"what": capitalise(_(model.label)), "option": authors},
        )
    initiativ = model(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=d.argument(),
        filed=d.value("inlamnad"),
        body=d.value("organ")
        or (d.kommun_config.words.council if model.in_council else ""),
        authors=people,
        number=number,
    )
    doc = d.env.current_document
    previous = doc.get(CURRENT_INITIATIV)
    doc[CURRENT_INITIATIV] = (obj_id, dnr, 0)
    try:
        body = d.body(dnr)
        count = doc[CURRENT_INITIATIV][2]
    finally:
        doc[CURRENT_INITIATIV] = previous
    if count == 0 and model.needs_att_satser:
        d.warn(
            _("%(what)s har inga att-satser (yrkande-direktiv)"),
            "missing",
            {"what": capitalise(_(model.definite))},
        )
    return initiativ, body


def render_initiativ(
    d: ObjectDirective, initiativ: Initiativ, body: list[nodes.Node]
) -> list[nodes.Node]:
    filed = ", ".join(
        part
        for part in (
            initiativ.body,
            format_date(initiativ.filed, d.locale) if initiativ.filed else "",
        )
        if part
    )
    fields = d.fields(
        (_("Inlämnad"), filed if initiativ.filed else ""),
        (_("Nummer"), initiativ.number),
        (_("Diarienummer"), ", ".join(initiativ.dnrs or (initiativ.dnr,))),
    )
    container = d.container(initiativ)
    container += d.header(initiativ, fields, classes=["kommun-motion-header"])
    container += render.rubric(initiativ.title, classes=["kommun-doc-title"])
    container.extend(body)
    if initiativ.authors:
        container += render.person_lines(initiativ.authors)
    container.extend(d.footer(initiativ))
    container += d.backlinks(initiativ)
    return [container]


def parse_yrkande(d: ObjectDirective) -> tuple[Yrkande | None, list[nodes.Node]]:
    doc = d.env.current_document
    current = doc.get(CURRENT_INITIATIV)
    if not current:
        d.warn(
            _(
                "yrkande måste stå inuti en motion, skrivelse, ett "
                "medborgarförslag, e-förslag eller en framställning"
            ),
            "structure",
        )
        return None, [nodes.paragraph("", "", *d.parse_content_to_nodes())]
    initiativ_id, dnr, count = current
    number = count + 1
    doc[CURRENT_INITIATIV] = (initiativ_id, dnr, number)
    text = " ".join(" ".join(d.content).split())
    if not text:
        d.warn(_("att-sats %(number)s är tom"), "missing", {"number": number})
    yrkande = Yrkande(
        id=d.object_id(f"{initiativ_id}-att-sats-{number}"),
        **d.where(),
        dnr=dnr,
        title=_("Att-sats %(number)s") % {"number": number},
        initiativ=initiativ_id,
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


PEOPLE = "one per line: Name (Party), '[ej tjänstgörande]' for a signatory who withdrew"
RESIDENTS = "the residents who made it, one per line: Name"


def _kind(
    model: type[Initiativ],
    directives: tuple[str, ...],
    authors: tuple[str, str],
    body: str,
    colour: str,
) -> kind.Kind:
    option, help = authors
    return kind.Kind(
        model,
        directives,
        {
            "inlamnad": kind.date("date it was filed (YYYY-MM-DD)"),
            "organ": kind.text(f"the body it was filed in or sent to ({body})"),
            option: kind.persons(help),
            "nummer": kind.text("the number it was filed under (e.g. 2016:5)"),
        },
        functools.partial(parse, authors=option),
        render_initiativ,
        argument=N_("rubriken"),
        argument_required=True,
        colour=colour,
    )


KIND = _kind(
    Motion,
    ("motion",),
    ("motionarer", PEOPLE),
    "default: the profile's fullmäktige",
    "#BFD8D2",
)
SKRIVELSE = _kind(
    Skrivelse,
    ("skrivelse",),
    ("forfattare", "authors, " + PEOPLE),
    "e.g. Kommunstyrelsen",
    "#CFE3D8",
)
MEDBORGARFORSLAG = _kind(
    Medborgarforslag,
    ("medborgarforslag", "medborgarförslag"),
    ("forslagsstallare", RESIDENTS),
    "default: the profile's fullmäktige",
    "#D7EBDF",
)
E_FORSLAG = _kind(
    EForslag,
    ("e-forslag", "e-förslag"),
    ("forslagsstallare", RESIDENTS),
    "default: the profile's fullmäktige",
    "#D7EBDF",
)
FRAMSTALLNING = _kind(
    Framstallning,
    ("framstallning", "framställning"),
    ("fran", "who made it (a nämnd, a company, an outside body), one per line"),
    "e.g. Kommunstyrelsen",
    "#DDEDE3",
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
