"""The ``yttrande`` directive: one remissinstans' answer, as the document it is."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import (
    Position,
    Yttrande,
    default_id,
)
from ...i18n import (
    N_,
    _,
)
from ...swedish import (
    format_date,
    output_locale,
)
from .base import (
    KommunDirective,
    mark_excerpt,
    mark_excerpts,
)


class YttrandeDirective(KommunDirective):
    """``.. yttrande:: Bromma stadsdelsnämnd`` with the answer as its content."""

    kind = "yttrande"
    required_arguments = 0  # see argument_help
    argument_help = N_("remissinstansen")
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "forvaltning": "the förvaltning that wrote the tjänsteutlåtande",
        "avdelning": "the förvaltning's department",
        "datum": "date of the tjänsteutlåtande (YYYY-MM-DD)",
        "sammantrade": "date of the nämnd meeting that decided the answer",
        "till": "addressee shown in the header (default: the instans)",
        "handlaggare": "case officer",
        "telefon": "case officer's phone",
        "rubrik": "heading (default: the ärende's rubrik)",
        "underrubrik": "sub-heading (default: Yttrande till <remiss sender>)",
        "sammanfattning": "one sentence for the Beredning, continuing after the "
        "instans' name ('anser att …')",
        "stallning": "ställning on the motion ('avstyrker') or per att-sats "
        "('1: avstyrker; 2: instämmer')",
        "beslut": "the nämnd's decision text, when it differs from the "
        "Förslag till beslut section",
        "citera": "titles of the sections quoted in the remissammanställning",
        "undertecknare": "signatories, one per line: Name, title",
        "attesterat": "digital approvals, one per line: Name, title, YYYY-MM-DD",
        "bilagor": "annexes, one per line",
    }

    def positions(self) -> tuple[Position, ...]:
        vocabulary = {**self.plugins.positions, **self.kommun_config.extra_positions}
        return tuple(
            Position(word, number)
            for number, word in self.vocabulary_opt(
                "stallning",
                vocabulary,
                _("okänd ställning '%(word)s'; kända är %(known)s"),
            )
        )

    def run(self) -> list[nodes.Node]:
        if not self.arguments:
            return self.without_argument()
        dnr = self.resolve_dnr()
        instans = " ".join(self.arguments[0].split())
        obj_id = self.object_id(default_id("yttrande", dnr, instans))
        locale = output_locale(self.config.language)

        body = self.parse_body(obj_id, dnr)
        quoted = self.list_opt("citera") or [
            *self.kommun_config.quoted_sections,
            *self.excerpt_titles("lydelse"),
        ]
        wanted = {title: "lydelse" for title in quoted}
        proposal_titles = self.excerpt_titles("beslut")
        decision_text = self.opt("beslut")
        if not decision_text:
            wanted.update((title, "beslut") for title in proposal_titles)
        excerpts = list(mark_excerpts(body, obj_id, wanted))
        decision_node: nodes.Element | None = None
        if decision_text:
            decision_node = render.section(
                _("Nämndens beslut"),
                f"{obj_id}-beslut",
                nodes.paragraph(
                    "", "", *self.parse_inline_option(decision_text, "beslut")
                ),
            )
            excerpts.append(mark_excerpt(decision_node, obj_id, "beslut"))
        if not any(e.name == "lydelse" for e in excerpts):
            if self.has_opt("citera"):
                self.warn(
                    _("yttrandet har inget avsnitt som heter %(titles)s (:citera:)"),
                    "excerpt",
                    {"titles": ", ".join(f"'{t}'" for t in quoted)},
                    line=self.option_line("citera"),
                )
            # quote everything the answer says, rather than nothing
            wrapper = nodes.container(classes=["kommun-lydelse"])
            wrapper.extend(
                n for n in body if not _is_section_titled(n, proposal_titles)
            )
            body = [n for n in body if _is_section_titled(n, proposal_titles)]
            body.append(wrapper)
            excerpts.append(mark_excerpt(wrapper, obj_id, "lydelse"))
            if not len(wrapper):
                self.warn(
                    _("yttrandet har ingen text att återge i remissammanställningen"),
                    "missing",
                )

        yttrande = Yttrande(
            id=obj_id,
            **self.where(),
            dnr=dnr,
            title=instans,
            excerpts=tuple(dict.fromkeys(excerpts)),  # each name once
            instans=instans,
            forvaltning=self.opt("forvaltning"),
            date=self.date_opt("datum"),
            meeting=self.date_opt("sammantrade"),
            recipient=self.opt("till") or instans,
            handlaggare=self.opt("handlaggare"),
            telefon=self.opt("telefon"),
            summary=" ".join(self.opt("sammanfattning").split()),
            positions=self.positions(),
            signatories=self.persons_opt("undertecknare"),
            attestations=self.persons_opt("attesterat", with_dates=True),
            bilagor=tuple(self.list_opt("bilagor")),
        )
        if not yttrande.summary:
            self.warn(
                _("yttrandet saknar :sammanfattning: till utlåtandets beredning"),
                "missing",
            )

        yttrande = self.with_extra(yttrande)
        container = self.container(yttrande)
        container += self.header_block(yttrande, locale)
        container += self.pending(
            "document-title",
            dnr=dnr,
            target=obj_id,
            rubrik=self.opt("rubrik"),
            underrubrik=self.opt("underrubrik"),
        )
        if decision_node is not None:
            container += decision_node
        container.extend(body)
        if yttrande.signatories:
            container += render.signatures(yttrande.signatories)
        if yttrande.bilagor:
            heading = _("Bilaga") if len(yttrande.bilagor) == 1 else _("Bilagor")
            container += render.rubric(heading, classes=["kommun-bilagor"])
            container += render.enumerated_list(
                self.parse_inline_option(text, "bilagor") for text in yttrande.bilagor
            )
        container.extend(self.footer(yttrande))
        container += self.backlinks(yttrande)
        self.register(yttrande)
        return [container]

    def header_block(self, yttrande: Yttrande, locale: str) -> nodes.Element:
        fields: list[tuple[str, render.Part]] = []
        if yttrande.forvaltning:
            unit = yttrande.forvaltning
            if self.opt("avdelning"):
                unit += ", " + self.opt("avdelning")
            fields.append((_("Förvaltning"), unit))
        if yttrande.handlaggare:
            fields.append((_("Handläggare"), yttrande.handlaggare))
        if yttrande.telefon:
            fields.append((_("Telefon"), yttrande.telefon))
        to = yttrande.recipient
        if yttrande.meeting:
            to += ", " + format_date(yttrande.meeting, locale)
        fields.append((_("Till"), to))
        if yttrande.date:
            fields.append((_("Datum"), format_date(yttrande.date, locale)))
        if yttrande.dnr:
            fields.append((_("Diarienummer"), yttrande.dnr))
        if yttrande.positions:
            fields.append(
                (
                    _("Ställning"),
                    "; ".join(
                        (
                            f"{_('att-sats %(number)s') % {'number': p.yrkande}}: {p.word}"
                        )
                        if p.yrkande
                        else p.word
                        for p in yttrande.positions
                    ),
                )
            )
        return self.header(yttrande, fields, classes=["kommun-yttrande-header"])


def _is_section_titled(node: nodes.Node, titles: list[str]) -> bool:
    return (
        isinstance(node, nodes.section)
        and bool(node.children)
        and node[0].astext().strip().casefold() in {t.casefold() for t in titles}
    )
