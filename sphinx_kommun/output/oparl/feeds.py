"""The HTML build's feeds: the meetings as iCalendar, the ärenden and
meetings as Atom (RFC 4287), written with the standard library.

Written when an HTML or dirhtml build finishes, from what the domain
holds (so an incremental build writes what a fresh one does), below the
output directory (:data:`render.FEEDS`): ``sammantraden.ics`` (every
meeting), ``sammantraden-<organ>.ics`` (one per body) and
``arenden.atom``. An entry's ``updated`` is when the sources of its
ärende or meeting last changed: an edit makes it new in a reader. Every
page links the Atom feed and the calendar in its head.
"""

from __future__ import annotations

import html
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.osutil import relative_uri

from ... import render
from ...config import KommunConfig
from ...domain.index import ObjectIndex
from ...domain.model import KommunObject
from ...domain.store import get_domain
from ...i18n import _
from ...kinds.sammantrade import Sammantrade
from ...swedish import capitalise, format_date, genitive, normalise, output_locale
from .calendar import calendar
from .objects import own
from .papers import NOT_PAPERS
from .sources import source_times
from .urls import html_base

ATOM = "http://www.w3.org/2005/Atom"
#: When an entry whose sources have no time changed (none is unknown).
EPOCH = "1970-01-01T00:00:00+00:00"


class Entry(NamedTuple):
    """An entry of the Atom feed."""

    updated: str
    title: str
    summary: str
    kind: str
    obj: KommunObject


def wanted(app: Sphinx) -> bool:
    return (
        app.builder.name in render.FEED_BUILDERS
        and KommunConfig.from_config(app.config).feeds
    )


class Feeds:
    """What the feeds of one build are made of."""

    def __init__(self, app: Sphinx) -> None:
        self.builder: Builder = app.builder
        self.index: ObjectIndex = get_domain(app.env).index
        self.modified: Callable[[str], str] = source_times(app.env)
        self.base = html_base(app.config)
        self.project = str(app.config.project)
        self.language = output_locale(app.config.language)
        config = KommunConfig.from_config(app.config)
        self.kommun = config.words.municipality or self.project
        self.domain = self.base.split("/")[2] if "://" in self.base else "sphinx-kommun"

    def page(self, obj: KommunObject, feed: str) -> str:
        """The address of ``obj``'s page, from ``feed`` where no base is set."""
        uri = self.builder.get_target_uri(obj.docname)
        page = self.base + uri if self.base else relative_uri(feed, uri)
        return f"{page}#{quote(obj.id)}"  # relative_uri drops a fragment

    def ident(self, obj: KommunObject) -> str:
        if self.base:
            return self.page(obj, "")
        return "urn:uuid:" + str(
            uuid.uuid5(uuid.NAMESPACE_URL, self.project + "#" + obj.id)
        )

    def updated(self, *objects: KommunObject) -> str:
        times = [self.modified(o.docname) for o in objects]
        return max((t for t in times if t), default=EPOCH)

    # -- iCalendar --------------------------------------------------------

    def describe(self, meeting: Sammantrade) -> tuple[list[str], str, str]:
        agenda = []
        for number, dnr in enumerate(meeting.items, start=1):
            arende = self.index.arende(dnr)
            agenda.append(f"{number}. {arende.heading if arende else dnr}")
        stamp = self.updated(meeting).replace("-", "").replace(":", "")
        return agenda, stamp.replace("+0000", "Z"), self.page(meeting, "")

    def calendars(self) -> dict[str, str]:
        """Each calendar file's path (below the output) and text."""
        meetings = sorted(
            (m for m in self.index.sammantraden() if own(m)),
            key=lambda m: (m.date is None, m.date, m.id),
        )
        by_body: dict[str, list[Sammantrade]] = {}
        for meeting in meetings:
            by_body.setdefault(normalise(meeting.body), []).append(meeting)
        name = _("%(kommun)s: sammanträden") % {"kommun": self.kommun}
        files = {
            render.calendar_file(): calendar(name, meetings, self.describe, self.domain)
        }
        for found in by_body.values():
            body = found[0].body
            name = _("%(body_gen)s sammanträden") % {
                "body": body,
                "body_gen": genitive(body),
            }
            files[render.calendar_file(body)] = calendar(
                name, found, self.describe, self.domain
            )
        return files

    # -- Atom -----------------------------------------------------------------

    def arende_entry(
        self, dnr: str
    ) -> tuple[KommunObject, str, str, list[KommunObject]]:
        objects = [o for o in self.index.of_dnr(dnr) if own(o)]
        arende = self.index.arende(dnr)
        arende = arende if arende is not None and own(arende) else None
        documents = [o for o in objects if not isinstance(o, NOT_PAPERS)]
        shown = arende or (documents or objects)[0]
        title = arende.heading if arende else f"{dnr} {shown.title}"
        summary = "; ".join(f"{capitalise(_(o.label))}: {o.title}" for o in documents)
        return shown, title, summary, objects

    def meeting_entry(self, meeting: Sammantrade) -> str:
        parts = [
            format_date(meeting.date, self.language) if meeting.date else "",
            meeting.time,
        ]
        parts.append(meeting.place)
        agenda, _stamp, _url = self.describe(meeting)
        text = ", ".join(p for p in parts if p)
        return f"{text}. {_('Föredragningslista:')} {'; '.join(agenda)}"

    def entries(self) -> list[Entry]:
        """The ärenden and meetings of this project, last changed first."""
        found: list[Entry] = []
        for dnr in self.index.dnrs():
            if not any(own(o) for o in self.index.of_dnr(dnr)):
                continue  # another project's ärende
            shown, title, summary, objects = self.arende_entry(dnr)
            found.append(
                Entry(self.updated(*objects), title, summary, _("ärende"), shown)
            )
        for meeting in filter(own, self.index.sammantraden()):
            summary = self.meeting_entry(meeting)
            found.append(
                Entry(
                    self.updated(meeting),
                    meeting.title,
                    summary,
                    _("sammanträde"),
                    meeting,
                )
            )
        return sorted(found, key=lambda e: (e.updated, e.obj.id), reverse=True)

    def atom(self) -> str:
        feed_path = render.ATOM_FILE
        entries = self.entries()
        root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": self.language})
        feed_url = self.base + feed_path if self.base else ""
        feed_id = feed_url or "urn:uuid:" + str(
            uuid.uuid5(uuid.NAMESPACE_URL, self.project)
        )
        _text(root, "id", feed_id)
        title = _("%(kommun)s: ärenden och sammanträden") % {"kommun": self.kommun}
        _text(root, "title", title)
        last = max((e.updated for e in entries), default=EPOCH)
        _text(root, "updated", last)
        ET.SubElement(ET.SubElement(root, "author"), "name").text = self.kommun
        _text(root, "generator", "sphinx-kommun")
        if feed_url:
            ET.SubElement(
                root, "link", rel="self", href=feed_url, type="application/atom+xml"
            )
        for found in entries:
            entry = ET.SubElement(root, "entry")
            _text(entry, "id", self.ident(found.obj))
            _text(entry, "title", found.title)
            _text(entry, "updated", found.updated)
            ET.SubElement(
                entry,
                "link",
                rel="alternate",
                href=self.page(found.obj, feed_path),
                type="text/html",
            )
            ET.SubElement(entry, "category", term=found.kind)
            _text(entry, "summary", found.summary or found.title)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> None:
    ET.SubElement(parent, tag, attrs).text = text


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the feeds of a finished HTML build."""
    if exception is not None or not wanted(app):
        return
    feeds = Feeds(app)
    files = {**feeds.calendars(), render.ATOM_FILE: feeds.atom()}
    outdir = Path(app.outdir)
    folder = outdir / render.FEEDS
    for old in folder.glob("*") if folder.is_dir() else ():
        if old.relative_to(outdir).as_posix() not in files:
            old.unlink()
    for name, text in files.items():
        path = outdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="")


def head_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the feeds as ``<link rel="alternate">``."""
    if not wanted(app) or "pathto" not in context:
        return
    kommun = (
        KommunConfig.from_config(app.config).words.municipality or app.config.project
    )
    links = [
        (
            "application/atom+xml",
            render.ATOM_FILE,
            _("%(kommun)s: ärenden och sammanträden"),
        ),
        ("text/calendar", render.calendar_file(), _("%(kommun)s: sammanträden")),
    ]
    tags = "".join(
        f'\n<link rel="alternate" type="{kind}" title="{html.escape(title % {"kommun": kommun})}"'
        f' href="{html.escape(context["pathto"](path, 1))}" />'
        for kind, path, title in links
    )
    context["metatags"] = context.get("metatags", "") + tags
