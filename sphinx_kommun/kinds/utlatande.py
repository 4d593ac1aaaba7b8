"""Utlåtande: the styrelse's statement to fullmäktige on the ärende."""

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
from ..reading.excerpts import mark_excerpts
from ..swedish import format_date, genitive, parse_date
from ..vocabulary import PROPOSALS, closest


@dataclass(frozen=True, kw_only=True)
class Utlatande(KommunObject):
    kind: ClassVar[str] = "utlatande"
    label: ClassVar[str] = N_("utlåtande")

    rotel: str = ""
    body: str = "Kommunstyrelsen"
    addressee: str = "Kommunfullmäktige"
    presenter: str = ""
    presenter_title: str = "borgarrådet"
    proposal: str = ""
    date: dt.date | None = None
    place: str = ""
    signatories: tuple[Person, ...] = ()
    endorsed_by: str = ""
    final: bool = False
    #: Dates the utlåtande states for a tjänsteutlåtande, as (instans, date).
    stated_dates: tuple[tuple[str, dt.date], ...] = ()
    bilagor: tuple[str, ...] = ()

    def stated_date(self, instans: str) -> dt.date | None:
        for name, date in self.stated_dates:
            if name.casefold() == instans.casefold():
                return date
        return None


OPTIONS = {
    "rotel": kind.text("the rotel (e.g. Rotel VIII)"),
    "organ": kind.text("the body making the statement (default Kommunstyrelsen)"),
    "till": kind.text("the body it is addressed to (default Kommunfullmäktige)"),
    "foredragande": kind.text("the föredragande borgarråd"),
    "foredragande-titel": kind.text("the föredragande's title (default borgarrådet)"),
    "forslag": kind.text(
        "the proposed decision: a keyword (bifall, avslag, anses besvarad, "
        "delvis bifall, återremiss) or a sentence of your own"
    ),
    "tillstyrkt-av": kind.text(
        "the body that endorsed the proposal (e.g. Borgarrådsberedningen)"
    ),
    "datum": kind.date("date of the statement (YYYY-MM-DD)"),
    "ort": kind.text("place of signing (e.g. Stockholm)"),
    "undertecknare": kind.persons("signatories, one per line: Name[, title]"),
    "bilagor": kind.entries("annexes, one per line (roles allowed)"),
    "uppgivna-datum": kind.entries(
        "tjänsteutlåtande dates as this utlåtande states them, when they "
        "differ: 'Instans: YYYY-MM-DD', one per line"
    ),
    "slutlig": kind.flag("mark the utlåtande as final (missing answers then warn)"),
}


def stated_dates(d: ObjectDirective) -> tuple[tuple[str, dt.date], ...]:
    result = []
    for entry in d.value("uppgivna-datum"):
        name, sep, value = entry.rpartition(":")
        if not sep or not name.strip():
            d.warn(
                _("kan inte läsa '%(entry)s' i :uppgivna-datum: (Instans: ÅÅÅÅ-MM-DD)"),
                "option",
                {"entry": entry},
                line=d.option_line("uppgivna-datum"),
            )
            continue
        try:
            result.append((" ".join(name.split()), parse_date(value)))
        except ValueError as err:
            d.warn(
                _("fel datum i '%(option)s': %(error)s"),
                "date",
                {"option": "uppgivna-datum", "error": err},
            )
    return tuple(result)


def proposal(d: ObjectDirective) -> str:
    """The proposal: a keyword's sentence, or the sentence as written."""
    written = d.value("forslag")
    keyword = closest(written, PROPOSALS) if written else None
    if keyword is not None:
        return _(PROPOSALS[keyword])
    if not written:
        d.warn(_("utlåtandet saknar förslag till beslut (:forslag:)"), "missing")
    return str(written)


def parse(d: ObjectDirective) -> tuple[Utlatande, list[nodes.Node]]:
    dnr = d.dnr()
    title = d.argument()
    obj_id = d.object_id(default_id("utlatande", dnr))
    organ = d.value("organ") or "Kommunstyrelsen"
    addressee = d.value("till") or "Kommunfullmäktige"
    proposed = proposal(d)
    body = d.body(dnr)
    excerpts = mark_excerpts(
        body, obj_id, dict.fromkeys(d.excerpt_titles("arendet"), "arendet")
    )
    utlatande = Utlatande(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=title,
        excerpts=excerpts,
        rotel=d.value("rotel"),
        body=organ,
        addressee=addressee,
        presenter=d.value("foredragande"),
        presenter_title=d.value("foredragande-titel") or "borgarrådet",
        proposal=proposed,
        date=d.value("datum"),
        place=d.value("ort"),
        signatories=d.value("undertecknare"),
        endorsed_by=d.value("tillstyrkt-av"),
        final=d.value("slutlig"),
        stated_dates=stated_dates(d),
        bilagor=tuple(d.value("bilagor")),
    )
    return utlatande, body


def render_utlatande(
    d: ObjectDirective, utlatande: Utlatande, body: list[nodes.Node]
) -> list[nodes.Node]:
    heading = _("Utlåtande")
    if utlatande.rotel:
        heading += " " + utlatande.rotel
    fields = d.fields(
        (_("Dokument"), heading),
        (_("Diarienummer"), utlatande.dnr),
        (_("Datum"), utlatande.date),
    )
    container = d.container(utlatande)
    container += d.header(utlatande, fields, classes=["kommun-utlatande-header"])
    container += render.rubric(utlatande.title, classes=["kommun-doc-title"])
    container += d.pending("motion-byline", dnr=utlatande.dnr, target=utlatande.id)
    container.extend(_proposal(d, utlatande))
    container.extend(body)
    if utlatande.bilagor:
        container += render.section(
            _("Bilagor"),
            f"{utlatande.id}-bilagor",
            render.enumerated_list(
                d.inline(text, "bilagor") for text in utlatande.bilagor
            ),
        )
    container.extend(_endorsement(d, utlatande))
    container.extend(_signatures(d, utlatande))
    container.extend(d.footer(utlatande))
    container += d.backlinks(utlatande)
    return [container]


def _proposed(d: ObjectDirective, utlatande: Utlatande) -> list[nodes.Node]:
    if not utlatande.proposal:
        return []
    return [
        nodes.paragraph(
            "",
            "",
            *d.inline(utlatande.proposal, "forslag"),
            classes=["kommun-proposal"],
        )
    ]


def _proposal(d: ObjectDirective, utlatande: Utlatande) -> list[nodes.Node]:
    """ "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande.",
    the proposal and who presents it."""
    proposes = _("%(organ)s föreslår att %(to)s beslutar följande.") % {
        "organ": utlatande.body,
        "to": d.in_sentence(utlatande.addressee),
    }
    result: list[nodes.Node] = [
        nodes.paragraph("", proposes, classes=["kommun-proposal-intro"]),
        *_proposed(d, utlatande),
    ]
    if utlatande.presenter:
        result.append(
            render.para(
                _("%(who)s anför följande."),
                who=render.strong(
                    _("Föredragande %(title)s %(name)s")
                    % {"title": utlatande.presenter_title, "name": utlatande.presenter}
                ),
            )
        )
    return result


def _endorsement(d: ObjectDirective, utlatande: Utlatande) -> list[nodes.Node]:
    """ "Borgarrådsberedningen tillstyrker …" and the proposal again."""
    if not utlatande.endorsed_by:
        return []
    return [
        render.para(
            _("%(who)s tillstyrker föredragande %(title_gen)s förslag."),
            who=render.strong(utlatande.endorsed_by),
            title=utlatande.presenter_title,
            title_gen=genitive(utlatande.presenter_title),
        ),
        render.para(
            _(
                "%(organ)s delar %(endorser_gen)s uppfattning och föreslår att "
                "%(to)s beslutar följande."
            ),
            organ=render.strong(utlatande.body),
            endorser=utlatande.endorsed_by,
            endorser_gen=genitive(d.in_sentence(utlatande.endorsed_by)),
            to=d.in_sentence(utlatande.addressee),
        ),
        *_proposed(d, utlatande),
    ]


def _signatures(d: ObjectDirective, utlatande: Utlatande) -> list[nodes.Node]:
    """Place and date, "På kommunstyrelsens vägnar:" and the signatories."""
    if not (utlatande.place or utlatande.date or utlatande.signatories):
        return []
    where = utlatande.place
    if utlatande.date:
        where = (where + " " if where else "") + _("den %(date)s") % {
            "date": format_date(utlatande.date, d.locale)
        }
    intro = [nodes.paragraph("", where)] if where else []
    intro.append(
        render.para(
            _("På %(organ_gen)s vägnar:"),
            organ=utlatande.body,
            organ_gen=genitive(d.in_sentence(utlatande.body)),
        )
    )
    return [render.signatures(utlatande.signatories, intro=intro)]


KIND = kind.Kind(
    Utlatande,
    ("utlatande", "utlåtande"),
    OPTIONS,
    parse,
    render_utlatande,
    argument=N_("rubriken"),
    argument_required=True,
    colour="#DDDDDD",
)
