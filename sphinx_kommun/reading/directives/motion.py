"""The ``motion`` directive and its nested ``yrkande`` (att-sats) directives."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from ... import render
from ...domain.model import (
    Motion,
    Yrkande,
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
from .base import KommunDirective

#: While a motion's content is read: (motion id, dnr, att-satser so far).
CURRENT_MOTION = "kommun:motion"


class MotionDirective(KommunDirective):
    """``.. motion:: Titel`` with motionärer and nested att-satser."""

    kind = "motion"
    required_arguments = 0  # see argument_help
    argument_help = N_("rubriken")
    optional_arguments = 1
    options_help: ClassVar[dict[str, str]] = {
        "inlamnad": "date the motion was filed (YYYY-MM-DD)",
        "organ": "the body it was filed in (default Kommunfullmäktige)",
        "motionarer": "one per line: Name (Party), '[ej tjänstgörande]' for a "
        "signatory who withdrew",
    }

    def run(self) -> list[nodes.Node]:
        if not self.arguments:
            return self.without_argument()
        dnr = self.resolve_dnr()
        title = " ".join(self.arguments[0].split())
        obj_id = self.object_id(default_id("motion", dnr))
        authors = self.persons_opt("motionarer")
        if not authors:
            self.warn(_("motionen saknar motionärer (:motionarer:)"), "missing")
        motion = Motion(
            id=obj_id,
            **self.where(),
            dnr=dnr,
            title=title,
            filed=self.date_opt("inlamnad"),
            body=self.opt("organ", "Kommunfullmäktige"),
            authors=authors,
        )
        locale = output_locale(self.config.language)
        motion = self.with_extra(motion)
        container = self.container(motion)
        fields: list[tuple[str, render.Part]] = []
        if motion.filed:
            fields.append(
                (_("Inlämnad"), f"{motion.body}, {format_date(motion.filed, locale)}")
            )
        if dnr:
            fields.append((_("Diarienummer"), dnr))
        container += self.header(motion, fields, classes=["kommun-motion-header"])
        container += render.rubric(title, classes=["kommun-doc-title"])

        doc = self.env.current_document
        previous = doc.get(CURRENT_MOTION)
        doc[CURRENT_MOTION] = (obj_id, dnr, 0)
        try:
            container.extend(self.parse_body(obj_id, dnr))
            count = doc[CURRENT_MOTION][2]
        finally:
            doc[CURRENT_MOTION] = previous
        if count == 0:
            self.warn(_("motionen har inga att-satser (yrkande-direktiv)"), "missing")
        if authors:
            container += render.person_lines(authors)
        container.extend(self.footer(motion))
        container += self.backlinks(motion)
        self.register(motion)
        return [container]


class YrkandeDirective(KommunDirective):
    """``.. yrkande::`` inside a motion: one att-sats, numbered automatically."""

    kind = "yrkande"
    required_arguments = 0
    optional_arguments = 0
    options_help: ClassVar[dict[str, str]] = {}

    def run(self) -> list[nodes.Node]:
        doc = self.env.current_document
        current = doc.get(CURRENT_MOTION)
        if not current:
            self.warn(_("yrkande måste stå inuti ett motion-direktiv"), "structure")
            return [nodes.paragraph("", "", *self.parse_content_to_nodes())]
        motion_id, dnr, count = current
        number = count + 1
        doc[CURRENT_MOTION] = (motion_id, dnr, number)
        text = " ".join(" ".join(self.content).split())
        if not text:
            self.warn(_("att-sats %(number)s är tom"), "missing", {"number": number})
        obj_id = self.object_id(f"{motion_id}-att-sats-{number}")
        yrkande = Yrkande(
            id=obj_id,
            **self.where(),
            dnr=dnr,
            title=_("Att-sats %(number)s") % {"number": number},
            motion=motion_id,
            number=number,
            text=text,
        )
        container = self.container(yrkande)
        label = nodes.strong("", _("Att-sats %(number)s") % {"number": number})
        container += nodes.paragraph("", "", label, classes=["kommun-yrkande-label"])
        container.extend(self.parse_body(obj_id, dnr))
        container += self.backlinks(yrkande)
        self.register(yrkande)
        return [container]
