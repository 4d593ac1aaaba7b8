"""The tillgänglighetsredogörelse (accessibility statement) DOS-lagen
requires of a public body's website, generated from ``kommun_accessibility``.

``.. tillganglighetsredogorelse::`` on a page writes the statement in the
structure of Digg's model: who stands behind the site, how accessible it
is and its known problems, what a reader can do and whom to tell,
supervision by Digg, and how and when the site was assessed. What the
kommun must fill in and has not is a ``kommun.config`` warning.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import render
from ..config import KommunConfig
from ..i18n import N_, _
from ..swedish import format_date, output_locale, slug

logger = logging.getLogger(__name__)

_STATUS = {
    "helt": N_(
        "Webbplatsen är helt förenlig med lagen om tillgänglighet till "
        "digital offentlig service."
    ),
    "delvis": N_(
        "Webbplatsen är delvis förenlig med lagen om tillgänglighet till "
        "digital offentlig service, på grund av de brister som beskrivs nedan."
    ),
    "inte": N_(
        "Webbplatsen är inte förenlig med lagen om tillgänglighet till "
        "digital offentlig service, på grund av de brister som beskrivs nedan."
    ),
}


class TillganglighetsredogorelseDirective(SphinxDirective):
    """The accessibility statement, from ``kommun_accessibility``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        settings = KommunConfig.from_config(self.config)
        given: dict[str, Any] = dict(settings.accessibility)
        for key in ("epost", "bedomd"):
            if not given.get(key):
                logger.warning(
                    _(
                        "tillgänglighetsredogörelsen saknar '%(key)s' i "
                        "kommun_accessibility"
                    ),
                    {"key": key},
                    location=self.get_location(),
                    type="kommun",
                    subtype="config",
                )
        site = str(
            given.get("webbplats")
            or self.config.html_title
            or self.config.project
            or _("webbplatsen")
        )
        organisation = str(given.get("organisation") or settings.words.municipality)
        locale = output_locale(self.config.language)
        return [*self._parts(site, organisation, given, locale)]

    def _parts(
        self, site: str, organisation: str, given: dict[str, Any], locale: str
    ) -> list[nodes.Node]:
        contact = self._contact(given)
        intro = _(
            "%(organisation)s står bakom den här webbplatsen. Vi vill att så "
            "många som möjligt ska kunna använda den. Den här texten beskriver "
            "hur %(site)s uppfyller lagen om tillgänglighet till digital "
            "offentlig service, vilka tillgänglighetsproblem vi känner till och "
            "hur du kan rapportera brister så att vi kan åtgärda dem."
        ) % {"organisation": organisation or _("Kommunen"), "site": site}
        texts = (
            (
                _("Vad kan du göra om du inte kan använda delar av webbplatsen?"),
                _(
                    "Om du behöver innehåll som inte är tillgängligt för dig, "
                    "till exempel en handling i ett annat format, kan du "
                    "kontakta oss: %(contact)s."
                ),
            ),
            (
                _("Rapportera brister i webbplatsens tillgänglighet"),
                _(
                    "Vi strävar hela tiden efter att förbättra webbplatsens "
                    "tillgänglighet. Om du upptäcker problem som inte beskrivs "
                    "här, eller om du anser att vi inte uppfyller lagens krav, "
                    "meddela oss: %(contact)s."
                ),
            ),
            (
                _("Tillsyn"),
                _(
                    "Myndigheten för digital förvaltning (Digg) har ansvaret för "
                    "tillsynen över lagen om tillgänglighet till digital "
                    "offentlig service. Om du inte är nöjd med hur vi hanterar "
                    "dina synpunkter kan du kontakta Digg och påtala det."
                ),
            ),
        )
        return [
            nodes.paragraph("", intro),
            self._how_accessible(given),
            *(
                self._section(
                    title, nodes.paragraph("", "", *render.fill(text, contact=contact))
                )
                for title, text in texts
            ),
            self._section(
                _("Hur vi testat webbplatsen"),
                nodes.paragraph("", self._dates(given, locale)),
            ),
        ]

    def _how_accessible(self, given: dict[str, Any]) -> nodes.section:
        status = str(given.get("status", "delvis"))
        how: list[nodes.Node] = [nodes.paragraph("", _(_STATUS[status]))]
        brister = [str(text) for text in given.get("brister", [])]
        if brister:
            how.append(render.bullet_list([nodes.Text(text)] for text in brister))
        return self._section(_("Hur tillgänglig är webbplatsen?"), *how)

    def _section(self, title: str, *children: nodes.Node) -> nodes.section:
        return render.section(title, f"tillganglighet-{slug(title)}", *children)

    @staticmethod
    def _contact(given: dict[str, Any]) -> list[nodes.Node]:
        """The e-mail address and phone number, as links."""
        links: list[render.Part] = []
        for key, scheme in (("epost", "mailto:"), ("telefon", "tel:")):
            if given.get(key):
                value = str(given[key])
                target = scheme + "".join(value.split()).replace("-", "")
                if key == "epost":
                    target = scheme + value
                links.append([nodes.reference(value, value, refuri=target)])
        if not links:
            return [nodes.Text("–")]
        template = " eller ".join(f"%({n})s" for n in range(len(links)))
        return render.fill(template, **{str(n): part for n, part in enumerate(links)})

    @staticmethod
    def _dates(given: dict[str, Any], locale: str) -> str:
        text = str(
            given.get("metod")
            or _("Vi har gjort en självskattning (intern testning) av webbplatsen.")
        )
        for key, sentence in (
            ("bedomd", _("Den senaste bedömningen gjordes den %(date)s.")),
            ("publicerad", _("Webbplatsen publicerades den %(date)s.")),
        ):
            if given.get(key):
                date = dt.date.fromisoformat(str(given[key]))
                text += " " + sentence % {"date": format_date(date, locale)}
        return text
