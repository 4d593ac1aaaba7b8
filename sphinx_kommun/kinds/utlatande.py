"""Utlåtande: the styrelse's statement to fullmäktige on the ärende."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import SIGNED, Person, default_id
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..reading.excerpts import mark_excerpts
from ..swedish import capitalise, format_date, genitive, parse_date
from .beslutspunkt import Proposing, proposed, read_proposing, split_points


@dataclass(frozen=True, kw_only=True)
class Utlatande(Proposing):
    """The styrelse's statement to fullmäktige (Stockholm's utlåtande)."""

    kind: ClassVar[str] = "utlatande"
    label: ClassVar[str] = N_("utlåtande")
    people_fields: ClassVar[dict[str, str]] = {"signatories": SIGNED}
    people_options: ClassVar[dict[str, str]] = {"signatories": "undertecknare"}
    definite: ClassVar[str] = N_("utlåtandet")

    rotel: str = ""
    #: its number in the year's series ("2017:19")
    number: str = ""
    presenter: str = ""
    presenter_title: str = ""
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
    "nummer": kind.text("its number in the year's series (e.g. 2017:19)"),
    "organ": kind.text(
        "the body making the statement (default: the profile's styrelse)"
    ),
    "till": kind.text(
        "the body it is addressed to (default: the profile's fullmäktige)"
    ),
    "foredragande": kind.text("the föredragande (borgarråd, kommunalråd, ordförande)"),
    "foredragande-titel": kind.text(
        "the föredragande's title (default: the profile's, e.g. kommunalrådet)"
    ),
    "forslag": kind.text(
        "the proposed decision: a keyword (bifall, avslag, anses besvarad, "
        "delvis bifall, återremiss), a sentence of your own, numbered "
        "beslutspunkter ('1. …' one per line) or a keyword per att-sats "
        "('1: bifall; 2: avslag')"
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


def parse(d: ObjectDirective) -> tuple[Utlatande, list[nodes.Node]]:
    dnr = d.dnr()
    obj_id = d.object_id(default_id("utlatande", dnr))
    words = d.kommun_config.words
    proposal, keyword, body = read_proposing(d, obj_id, dnr)
    excerpts = mark_excerpts(
        body, obj_id, dict.fromkeys(d.excerpt_titles("arendet"), "arendet")
    )
    utlatande = Utlatande(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=d.argument(),
        excerpts=excerpts,
        rotel=d.value("rotel"),
        number=d.value("nummer"),
        body=d.value("organ") or words.board,
        addressee=d.value("till") or words.council,
        presenter=d.value("foredragande"),
        presenter_title=d.value("foredragande-titel") or _(words.presenter_title),
        proposal=proposal,
        keyword=keyword,
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
    words = d.kommun_config.words
    heading = " ".join(
        part
        for part in (_(words.proposal_title), utlatande.number, utlatande.rotel)
        if part
    )
    fields = d.fields(
        (_("Dokument"), heading),
        (_("Diarienummer"), ", ".join(utlatande.dnrs or (utlatande.dnr,))),
        (_("Datum"), utlatande.date),
    )
    container = d.container(utlatande)
    container += d.header(utlatande, fields, classes=["kommun-utlatande-header"])
    container += render.rubric(utlatande.title, classes=["kommun-doc-title"])
    container += d.pending("byline", dnr=utlatande.dnr, target=utlatande.id)
    points, body = split_points(body)
    container.extend(_proposal(d, utlatande, points))
    container.extend(body)
    if utlatande.bilagor:
        container += render.section(
            _("Bilagor"),
            f"{utlatande.id}-bilagor",
            render.enumerated_list(
                d.inline(text, "bilagor") for text in utlatande.bilagor
            ),
        )
    container.extend(_endorsement(d, utlatande, points))
    container.extend(_signatures(d, utlatande))
    container.extend(d.footer(utlatande))
    container += d.backlinks(utlatande)
    return [container]


def _proposal(
    d: ObjectDirective, utlatande: Utlatande, points: list[nodes.Node]
) -> list[nodes.Node]:
    """ "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande.",
    the proposal and who presents it."""
    proposes = _(d.kommun_config.words.proposes) % {
        "organ": utlatande.body,
        "to": d.in_sentence(utlatande.addressee),
    }
    result: list[nodes.Node] = [
        nodes.paragraph("", proposes, classes=["kommun-proposal-intro"]),
        *proposed(d, utlatande),
        *points,
    ]
    if utlatande.presenter:
        result.append(
            render.para(
                _(d.kommun_config.words.presents),
                who=render.strong(
                    _("Föredragande %(title)s %(name)s")
                    % {"title": utlatande.presenter_title, "name": utlatande.presenter}
                ),
            )
        )
    return result


def _endorsement(
    d: ObjectDirective, utlatande: Utlatande, points: list[nodes.Node]
) -> list[nodes.Node]:
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
            _(d.kommun_config.words.agrees),
            organ=render.strong(utlatande.body),
            endorser=utlatande.endorsed_by,
            endorser_gen=genitive(d.in_sentence(utlatande.endorsed_by)),
            to=d.in_sentence(utlatande.addressee),
        ),
        *proposed(d, utlatande, points),
    ]


def _signatures(d: ObjectDirective, utlatande: Utlatande) -> list[nodes.Node]:
    """Place and date, "På kommunstyrelsens vägnar:" and the signatories."""
    if not (utlatande.place or utlatande.date or utlatande.signatories):
        return []
    where = utlatande.place
    if utlatande.date:
        date = format_date(utlatande.date, d.locale)
        where = (
            _("%(place)s den %(date)s") % {"place": where, "date": date}
            if where
            else _("den %(date)s") % {"date": date}
        )  # "Umeå den 27 augusti 2024", "Umeå, 27 August 2024"
    # "Uppsala den 14 maj 2024", or without a place "Den 14 maj 2024"
    intro = [nodes.paragraph("", capitalise(where))] if where else []
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
