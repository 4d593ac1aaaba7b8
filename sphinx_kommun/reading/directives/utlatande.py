"""The ``utlatande`` directive: the statement to kommunfullmäktige."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import (
    Utlatande,
    default_id,
)
from ...i18n import (
    N_,
    _,
)
from ...swedish import (
    format_date,
    genitive,
    output_locale,
    parse_date,
)
from ...vocabulary import (
    PROPOSALS,
    closest,
)
from .base import (
    KommunDirective,
    mark_excerpts,
    split_entries,
)


class UtlatandeDirective(KommunDirective):
    """``.. utlatande:: Rubrik`` with the proposal, Ärendet, Mina synpunkter …"""

    kind = "utlatande"
    required_arguments = 0  # see argument_help
    argument_help = N_("rubriken")
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "rotel": "the rotel (e.g. Rotel VIII)",
        "organ": "the body making the statement (default Kommunstyrelsen)",
        "till": "the body it is addressed to (default Kommunfullmäktige)",
        "foredragande": "the föredragande borgarråd",
        "foredragande-titel": "the föredragande's title (default borgarrådet)",
        "forslag": "the proposed decision: a keyword (bifall, avslag, anses "
        "besvarad, delvis bifall, återremiss) or a sentence of your own",
        "tillstyrkt-av": "the body that endorsed the proposal (e.g. "
        "Borgarrådsberedningen)",
        "datum": "date of the statement (YYYY-MM-DD)",
        "ort": "place of signing (e.g. Stockholm)",
        "undertecknare": "signatories, one per line: Name[, title]",
        "bilagor": "annexes, one per line (roles allowed)",
        "uppgivna-datum": "tjänsteutlåtande dates as this utlåtande states "
        "them, when they differ: 'Instans: YYYY-MM-DD', one per line",
        "slutlig": "mark the utlåtande as final (missing answers then warn)",
    }

    def stated_dates(self) -> tuple[tuple[str, dt.date], ...]:
        result = []
        for entry in split_entries(self.opt("uppgivna-datum")):
            name, sep, value = entry.rpartition(":")
            if not sep or not name.strip():
                self.warn(
                    _(
                        "kan inte läsa '%(entry)s' i :uppgivna-datum: (Instans: ÅÅÅÅ-MM-DD)"
                    ),
                    "option",
                    {"entry": entry},
                    line=self.option_line("uppgivna-datum"),
                )
                continue
            try:
                result.append((" ".join(name.split()), parse_date(value)))
            except ValueError as err:
                self.warn(
                    _("fel datum i '%(option)s': %(error)s"),
                    "date",
                    {"option": "uppgivna-datum", "error": err},
                )
        return tuple(result)

    def run(self) -> list[nodes.Node]:
        if not self.arguments:
            return self.without_argument()
        dnr = self.resolve_dnr()
        title = " ".join(self.arguments[0].split())
        obj_id = self.object_id(default_id("utlatande", dnr))
        locale = output_locale(self.config.language)
        organ = self.opt("organ", "Kommunstyrelsen")
        addressee = self.opt("till", "Kommunfullmäktige")
        proposal = self.opt("forslag")
        keyword = closest(proposal, PROPOSALS) if proposal else None
        if keyword is not None:
            proposal = _(PROPOSALS[keyword])
        if not proposal:
            self.warn(_("utlåtandet saknar förslag till beslut (:forslag:)"), "missing")

        body = self.parse_body(obj_id, dnr)
        excerpts = mark_excerpts(
            body, obj_id, dict.fromkeys(self.excerpt_titles("arendet"), "arendet")
        )
        utlatande = Utlatande(
            id=obj_id,
            **self.where(),
            dnr=dnr,
            title=title,
            excerpts=excerpts,
            rotel=self.opt("rotel"),
            body=organ,
            presenter=self.opt("foredragande"),
            presenter_title=self.opt("foredragande-titel", "borgarrådet"),
            proposal=proposal,
            date=self.date_opt("datum"),
            place=self.opt("ort"),
            signatories=self.persons_opt("undertecknare"),
            endorsed_by=self.opt("tillstyrkt-av"),
            final=self.flag("slutlig"),
            stated_dates=self.stated_dates(),
            bilagor=tuple(self.list_opt("bilagor")),
        )

        utlatande = self.with_extra(utlatande)
        container = self.container(utlatande)
        heading = _("Utlåtande")
        if utlatande.rotel:
            heading += " " + utlatande.rotel
        fields: list[tuple[str, render.Part]] = [(_("Dokument"), heading)]
        if dnr:
            fields.append((_("Diarienummer"), dnr))
        if utlatande.date:
            fields.append((_("Datum"), format_date(utlatande.date, locale)))
        container += self.header(utlatande, fields, classes=["kommun-utlatande-header"])
        container += render.rubric(title, classes=["kommun-doc-title"])
        container += self.pending("motion-byline", dnr=dnr, target=obj_id)

        proposes = _("%(organ)s föreslår att %(to)s beslutar följande.") % {
            "organ": organ,
            "to": self.in_sentence(addressee),
        }
        container += nodes.paragraph("", proposes, classes=["kommun-proposal-intro"])
        if proposal:
            container += nodes.paragraph(
                "",
                "",
                *self.parse_inline_option(proposal, "forslag"),
                classes=["kommun-proposal"],
            )
        if utlatande.presenter:
            container += render.para(
                _("%(who)s anför följande."),
                who=render.strong(
                    _("Föredragande %(title)s %(name)s")
                    % {"title": utlatande.presenter_title, "name": utlatande.presenter}
                ),
            )
        container.extend(body)

        if utlatande.bilagor:
            container += render.section(
                _("Bilagor"),
                f"{obj_id}-bilagor",
                render.enumerated_list(
                    self.parse_inline_option(text, "bilagor")
                    for text in utlatande.bilagor
                ),
            )
        if utlatande.endorsed_by:
            container += render.para(
                _("%(who)s tillstyrker föredragande %(title_gen)s förslag."),
                who=render.strong(utlatande.endorsed_by),
                title=utlatande.presenter_title,
                title_gen=genitive(utlatande.presenter_title),
            )
            container += render.para(
                _(
                    "%(organ)s delar %(endorser_gen)s uppfattning och föreslår att "
                    "%(to)s beslutar följande."
                ),
                organ=render.strong(organ),
                endorser=utlatande.endorsed_by,
                endorser_gen=genitive(self.in_sentence(utlatande.endorsed_by)),
                to=self.in_sentence(addressee),
            )
            if proposal:
                container += nodes.paragraph(
                    "",
                    "",
                    *self.parse_inline_option(proposal, "forslag"),
                    classes=["kommun-proposal"],
                )
        if utlatande.place or utlatande.date or utlatande.signatories:
            where = utlatande.place
            if utlatande.date:
                where = (where + " " if where else "") + _("den %(date)s") % {
                    "date": format_date(utlatande.date, locale)
                }
            intro = [nodes.paragraph("", where)] if where else []
            intro.append(
                render.para(
                    _("På %(organ_gen)s vägnar:"),
                    organ=organ,
                    organ_gen=genitive(self.in_sentence(organ)),
                )
            )
            container += render.signatures(utlatande.signatories, intro=intro)
        container.extend(self.footer(utlatande))
        container += self.backlinks(utlatande)
        self.register(utlatande)
        return [container]
