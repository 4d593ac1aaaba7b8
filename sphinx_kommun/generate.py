"""Generated content: everything a clerk would otherwise copy by hand.

Each generator turns a :class:`~.nodes.kommun_pending` placeholder into
nodes, from the domain's objects and the excerpts they mark in their own
documents. Each also has a *projection*: the data it reads, which the
incremental build compares to decide which pages to rewrite.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import render
from .config import KommunConfig
from .domain import get_domain
from .hookspecs import Column
from .i18n import N_, _
from .index import Backlink, ObjectIndex
from .model import (
    Beslut,
    KommunObject,
    Motion,
    Remiss,
    Reservation,
    Utlatande,
    Yttrande,
)
from .nodes import kommun_backlinks, kommun_generated, kommun_pending
from .plugins import plugins_of
from .swedish import (
    capitalise,
    format_date,
    genitive,
    in_sentence,
    join,
    output_locale,
    slug,
)

logger = logging.getLogger(__name__)


#: Class of a paragraph (``.. rst-class:: ej-citerad``) left out when quoted.
UNQUOTED = "ej-citerad"


@dataclass
class Context:
    """What a generator needs: the objects, the environment, the output language."""

    env: BuildEnvironment
    index: ObjectIndex
    refdoc: str
    #: The builder writing, when known (None while only projecting).
    builder: Builder | None = None

    @property
    def output_format(self) -> str:
        return self.builder.format if self.builder is not None else ""

    @property
    def locale(self) -> str:
        return output_locale(self.env.config.language)

    @property
    def config(self) -> KommunConfig:
        return KommunConfig.from_config(self.env.config)

    def date(self, date: dt.date | None) -> str:
        return format_date(date, self.locale) if date else "–"

    def in_sentence(self, name: str) -> str:
        """``name`` inside a Swedish sentence (common nouns in lower case)."""
        if self.locale != "sv":
            return name
        return in_sentence(name, self.config.common_noun_endings)

    def link(self, obj: KommunObject, text: str | None = None) -> nodes.Element:
        return render.xref(obj.kind, obj.id, text or obj.title, self.refdoc)

    def excerpt(self, obj: KommunObject, name: str) -> list[nodes.Node]:
        """Copies of the nodes ``obj`` marked as excerpt ``name`` in its document.

        They were stored when that document was read (see :func:`keep_excerpts`);
        unpickling them is much cheaper than loading the whole document.
        """
        if obj.excerpt(name) is None:
            return []
        stored = get_domain(self.env).data["excerpts"].get(obj.docname, {})
        data = stored.get(f"{obj.id}#{name}")
        return list(pickle.loads(data)) if data else []


def keep_excerpts(app: object, doctree: nodes.document) -> None:
    """``doctree-read``: store the marked excerpts of a document, as read.

    Taken after the read transforms (smart quotes, substitutions …), so a
    quote prints as the original does; pickled, since they are only
    needed where a page quotes them.
    """
    env = doctree.settings.env
    found: dict[str, list[nodes.Node]] = {}
    for node in doctree.findall(nodes.Element):
        mark = node.get("kommun-excerpt")
        if not mark:
            continue
        children = (
            node.children[1:] if isinstance(node, nodes.section) else node.children
        )
        prefix = mark.split("#")[0] + "-citat"
        found.setdefault(mark, []).extend(
            _detached_copy(child, prefix)
            for child in children
            if not (isinstance(child, nodes.Element) and UNQUOTED in child["classes"])
        )
    if found:
        get_domain(env).data["excerpts"][env.docname] = {
            mark: pickle.dumps(copies, pickle.HIGHEST_PROTOCOL)
            for mark, copies in found.items()
        }


def silence_copies(app: object, domain: object, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: quoted copies do not warn a second time."""
    return True if node.get("kommun-copy") else None


def _detached_copy(node: nodes.Node, prefix: str) -> nodes.Node:
    """A deep copy without placeholders, safe to insert in another page.

    Ids get ``prefix`` (sections need one, and the original's are taken);
    names, which would clash with the page's own targets, are dropped.
    """
    copy = node.deepcopy()
    for every in copy.findall():
        every._document = None  # a copy still names the document it came from
    if isinstance(copy, nodes.Element):
        for element in list(copy.findall(nodes.Element)):
            if isinstance(element, kommun_pending):
                element.parent.remove(element)
                continue
            element["ids"] = [f"{prefix}-{node_id}" for node_id in element["ids"]]
            element["names"] = []
            if isinstance(element, pending_xref):
                # a broken reference is reported where it is written, once
                element["kommun-copy"] = True
            element.attributes.pop("kommun-excerpt", None)
    return copy


# -- fingerprints ---------------------------------------------------------------


def fingerprint(obj: KommunObject | None, *, with_text: bool = False) -> str:
    """What a generated page shows of ``obj``; ``lineno`` is left out."""
    if obj is None:
        return "-"
    values = {
        f.name: getattr(obj, f.name)
        for f in dataclasses.fields(obj)
        if f.name != "lineno" and (with_text or f.name != "excerpts")
    }
    return f"{obj.kind}:{values!r}"


def _digest(parts: Iterable[str]) -> str:
    hasher = hashlib.sha1()
    for part in parts:
        hasher.update(part.encode())
        hasher.update(b"\0")
    return hasher.hexdigest()


# -- generators ------------------------------------------------------------------

Generator = Callable[[Context, kommun_pending], list[nodes.Node]]
Projection = Callable[[ObjectIndex, tuple[str, ...]], str]

GENERATORS: dict[str, Generator] = {}
PROJECTIONS: dict[str, Projection] = {}


def generator(name: str, projection: Projection) -> Callable[[Generator], Generator]:
    def decorate(func: Generator) -> Generator:
        GENERATORS[name] = func
        PROJECTIONS[name] = projection
        return func

    return decorate


def project(index: ObjectIndex, key: tuple[str, ...]) -> str:
    """The digest of the data a dependency key stands for."""
    if key[0] == "ref":
        _kind, kind, target, refdnr = key
        obj = index.resolve(kind, target, refdnr)
        return _digest([fingerprint(obj)])
    projection = PROJECTIONS.get(key[0])
    if projection is None:
        return ""
    return projection(index, key)


def _dnr_objects(index: ObjectIndex, dnr: str, *, with_text: bool) -> str:
    return _digest(
        fingerprint(o, with_text=with_text) for o in index.by_dnr.get(dnr, ())
    )


# backlinks ------------------------------------------------------------------------

_RELATIONS = (
    ("remitterad", N_("Remitterad")),
    ("besvaras", N_("Besvaras av")),
    ("reservation", N_("Reservationer")),
    ("behandlas", N_("Behandlas i")),
    ("beslut", N_("Beslut")),
    ("sammantrade", N_("På föredragningslistan")),
    ("relaterat", N_("Relaterade ärenden som hänvisar hit")),
    ("omnamnd", N_("Omnämns i")),
)


def _project_backlinks(index: ObjectIndex, key: tuple[str, ...]) -> str:
    """Only what a backlink shows: relation, the source's title and place."""
    return _digest(
        "|".join(
            (
                link.relation,
                link.docname,
                link.detail,
                *(
                    (s.kind, s.id, s.title, s.dnr)
                    if (s := link.source) is not None
                    else ()
                ),
            )
        )
        for link in index.backlinks(key[1])
    )


def _backlink_item(ctx: Context, link: Backlink) -> list[nodes.Node]:
    source = link.source
    if source is None:
        ref = render.xref("doc", "/" + link.docname, "", ctx.refdoc, explicit=False)
        ref["refdomain"] = "std"
        ref.children = [nodes.inline("", "")]
        return [ref]
    text = f"{capitalise(_(source.label))}: {source.title}"
    if isinstance(source, Yttrande | Reservation | Beslut | Utlatande) and source.dnr:
        text += f" ({source.dnr})"
    item: list[nodes.Node] = [ctx.link(source, text)]
    if link.detail:
        item.append(nodes.Text(f" – {link.detail}"))
    return item


@generator("backlinks", _project_backlinks)
def backlinks(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    links = ctx.index.backlinks(node["target"])
    if not links:
        return []
    block = kommun_backlinks()
    for relation, label in _RELATIONS:
        found = [link for link in links if link.relation == relation]
        if not found:
            continue
        block += render.rubric(_(label), classes=["kommun-backlinks-title"])
        block += render.bullet_list(_backlink_item(ctx, link) for link in found)
    return [block] if len(block) else []


# document title of a yttrande --------------------------------------------------------


def _project_title(index: ObjectIndex, key: tuple[str, ...]) -> str:
    dnr = key[2]
    return _digest(
        [
            fingerprint(index.arende(dnr)),
            fingerprint(index.remiss(dnr)),
            fingerprint(index.motion(dnr)),
        ]
    )


@generator("document-title", _project_title)
def document_title(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    motion = ctx.index.motion(dnr)
    arende = ctx.index.arende(dnr)
    remiss = ctx.index.remiss(dnr)
    rubrik = (
        node.get("rubrik")
        or (arende.title if arende else "")
        or (motion.title if motion else "")
    )
    sender = remiss.sender if remiss else "Kommunstyrelsen"
    underrubrik = node.get("underrubrik") or _("Yttrande till %(to)s") % {
        "to": ctx.in_sentence(sender)
    }
    result: list[nodes.Node] = []
    if rubrik:
        result.append(render.rubric(rubrik, classes=["kommun-doc-title"]))
    subtitle = nodes.paragraph("", underrubrik, classes=["kommun-doc-subtitle"])
    if dnr and dnr not in underrubrik:
        subtitle += nodes.Text(f" {dnr}")
    result.append(subtitle)
    return result


# motion byline of an utlåtande --------------------------------------------------------


def _project_byline(index: ObjectIndex, key: tuple[str, ...]) -> str:
    return _digest([fingerprint(index.motion(key[2]))])


@generator("motion-byline", _project_byline)
def motion_byline(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    motion = ctx.index.motion(node["dnr"])
    if motion is None:
        return []
    byline = motion.byline()
    text = _("Motion av %(who)s") % {"who": byline} if byline else motion.title
    return [nodes.paragraph("", "", ctx.link(motion, text), classes=["kommun-byline"])]


# what a reservation concerns ------------------------------------------------------------


def _project_concerns(index: ObjectIndex, key: tuple[str, ...]) -> str:
    reservation = index.by_id.get(key[1])
    target = (
        index.concerns(reservation) if isinstance(reservation, Reservation) else None
    )
    return _digest([fingerprint(reservation), fingerprint(target)])


@generator("concerns", _project_concerns)
def concerns(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    reservation = ctx.index.by_id.get(node["target"])
    if not isinstance(reservation, Reservation):
        return []
    target = ctx.index.concerns(reservation)
    if target is None:
        return []
    text = f"{capitalise(_(target.label))}: {target.title}"
    return [
        render.para(
            _("Avser %(what)s."),
            classes=["kommun-concerns"],
            what=ctx.link(target, text),
        )
    ]


# outcomes of a beslut ------------------------------------------------------------------


def _project_outcomes(index: ObjectIndex, key: tuple[str, ...]) -> str:
    dnr = key[2]
    motion = index.motion(dnr)
    yrkanden = index.yrkanden(motion) if motion else []
    return _digest(
        [fingerprint(index.by_id.get(key[1])), *(fingerprint(y) for y in yrkanden)]
    )


@generator("beslut-outcomes", _project_outcomes)
def beslut_outcomes(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    beslut = ctx.index.by_id.get(node["target"])
    motion = ctx.index.motion(node["dnr"])
    if not isinstance(beslut, Beslut) or motion is None:
        return []
    rows = []
    for yrkande in ctx.index.yrkanden(motion):
        rows.append(
            (
                [ctx.link(yrkande, yrkande.title)],
                yrkande.text,
                beslut.outcome_for(yrkande.number) or "–",
            )
        )
    if not rows:
        return []
    return [
        render.table(
            [_("Att-sats"), _("Yrkande"), _("Utfall")],
            rows,
            widths=[1, 5, 1],
            classes=["kommun-outcomes"],
        )
    ]


# answers to a remiss --------------------------------------------------------------------


def _answer_rows(ctx: Context, dnr: str) -> list[tuple[str, Yttrande | None, bool]]:
    """(instans, yttrande or None, in the remiss?) in remiss order, then others."""
    remiss = ctx.index.remiss(dnr)
    rows: list[tuple[str, Yttrande | None, bool]] = []
    named: set[str] = set()
    for instans in remiss.instanser if remiss else ():
        rows.append((instans, ctx.index.yttrande_from(dnr, instans), True))
        named.add(instans.casefold())
    for yttrande in ctx.index.yttranden(dnr):
        if yttrande.instans.casefold() not in named:
            rows.append((yttrande.instans, yttrande, False))
    return rows


def _project_remiss_status(index: ObjectIndex, key: tuple[str, ...]) -> str:
    dnr = key[2]
    return _digest(
        [
            fingerprint(index.remiss(dnr)),
            *(fingerprint(y) for y in index.yttranden(dnr)),
        ]
    )


def _is_late(yttrande: Yttrande, remiss: Remiss | None) -> bool:
    answered = yttrande.answered_on
    return bool(remiss and remiss.deadline and answered and answered > remiss.deadline)


@generator("remiss-status", _project_remiss_status)
def remiss_status(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    remiss = ctx.index.remiss(dnr)
    rows = []
    for instans, yttrande, in_remiss in _answer_rows(ctx, dnr):
        if yttrande is None:
            rows.append((instans, [render.emphasis(_("Inget svar"))], "–"))
            continue
        status: list[nodes.Node] = [ctx.link(yttrande, _("Yttrande"))]
        if _is_late(yttrande, remiss):
            status.append(render.emphasis(" " + _("(efter svar senast)")))
        if not in_remiss:
            status.append(render.emphasis(" " + _("(ej remissinstans)")))
        rows.append((instans, status, ctx.date(yttrande.answered_on)))
    if not rows:
        return []
    table = render.table(
        [_("Remissinstans"), _("Svar"), _("Besvarad")],
        rows,
        widths=[3, 2, 2],
        classes=["kommun-remiss-status"],
    )
    return [kommun_generated("", table)]


# overview of an ärende --------------------------------------------------------------------


def _project_overview(index: ObjectIndex, key: tuple[str, ...]) -> str:
    return _dnr_objects(index, key[2], with_text=False)


def _own_date(ctx: Context, yttrande: Yttrande) -> str:
    """The tjänsteutlåtande's date as the yttrande states it."""
    if yttrande.date is not None:
        return ctx.date(yttrande.date)
    if yttrande.effective_date is not None:
        return _("attesterat %(date)s") % {"date": ctx.date(yttrande.effective_date)}
    return "–"


def _object_date(obj: KommunObject) -> dt.date | None:
    if isinstance(obj, Yttrande):
        return obj.answered_on
    for name in ("date", "filed", "meeting"):
        value = getattr(obj, name, None)
        if isinstance(value, dt.date):
            return value
    return None


_OVERVIEW_ORDER = (Motion, Remiss, Yttrande, Reservation, Utlatande, Beslut)


@generator("arende-overview", _project_overview)
def arende_overview(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    objects = ctx.index.by_dnr.get(dnr, [])
    rows = []
    for cls in _OVERVIEW_ORDER:
        of_kind = (
            ctx.index.yttranden(dnr)
            if cls is Yttrande
            else [obj for obj in objects if type(obj) is cls]
        )
        for obj in of_kind:
            note = ""
            if isinstance(obj, Yttrande):
                note = "; ".join(p.word for p in obj.positions)
            elif isinstance(obj, Beslut):
                note = "; ".join(o.word for o in obj.outcomes)
            elif isinstance(obj, Reservation):
                note = capitalise(obj.type)
            rows.append(
                (
                    capitalise(_(obj.label)),
                    [ctx.link(obj, obj.title)],
                    ctx.date(_object_date(obj)),
                    note,
                )
            )
    if not rows:
        return []
    block = kommun_generated()
    block += render.rubric(_("Handlingar i ärendet"), classes=["kommun-overview-title"])
    block += render.table(
        [_("Handling"), _("Titel"), _("Datum"), _("Anmärkning")],
        rows,
        widths=[2, 5, 2, 2],
        classes=["kommun-overview"],
    )
    return [block]


# the remissammanställning --------------------------------------------------------------


def _project_compilation(index: ObjectIndex, key: tuple[str, ...]) -> str:
    return _dnr_objects(index, key[2], with_text=True)


def _reservation_types(reservations: Sequence[Reservation]) -> str:
    return ", ".join(sorted({r.type for r in reservations}))


def _authors(reservation: Reservation, locale: str) -> str:
    return join((p.with_party() for p in reservation.authors), locale)


class Compilation:
    """Builds the parts of one ärende's remissammanställning."""

    def __init__(self, ctx: Context, dnr: str, anchor: str) -> None:
        self.ctx = ctx
        self.dnr = dnr
        self.anchor = anchor
        self.remiss = ctx.index.remiss(dnr)
        self.utlatande = ctx.index.utlatande(dnr)
        self.rows = _answer_rows(ctx, dnr)
        self.reservations = self._ordered_reservations()
        self.numbers = {r.id: n for n, r in enumerate(self.reservations, start=1)}

    def _ordered_reservations(self) -> list[Reservation]:
        order = {name.casefold(): n for n, (name, _y, _r) in enumerate(self.rows)}
        found = self.ctx.index.reservations(self.dnr)

        def key(reservation: Reservation) -> tuple[int, str]:
            concerns = self.ctx.index.concerns(reservation)
            body = (
                concerns.instans if isinstance(concerns, Yttrande) else reservation.body
            )
            return (order.get(body.casefold(), len(order)), body)

        return sorted(found, key=key)

    def reservation_anchor(self, reservation: Reservation) -> str:
        return f"{self.anchor}-{reservation.id}"

    def for_yttrande(self, yttrande: Yttrande) -> list[Reservation]:
        return [
            r
            for r in self.reservations
            if (c := self.ctx.index.concerns(r)) is not None and c.id == yttrande.id
        ]

    # parts

    def arendet(self) -> list[nodes.Node]:
        if self.utlatande is None:
            return []
        return self.ctx.excerpt(self.utlatande, "arendet")

    def beredning(self) -> list[nodes.Node]:
        ctx = self.ctx
        result: list[nodes.Node] = []
        if self.remiss is None or not self.remiss.instanser:
            result.append(nodes.paragraph("", _("Ärendet har inte remitterats.")))
            return result
        names = [ctx.in_sentence(name) for name in self.remiss.instanser]
        result.append(
            nodes.paragraph(
                "",
                _("Ärendet har remitterats till %(list)s.")
                % {"list": join(names, ctx.locale)},
            )
        )
        for instans, yttrande, in_remiss in self.rows:
            if not in_remiss:
                continue
            if yttrande is None:
                result.append(
                    render.para(
                        _("%(who)s har inte besvarat remissen."),
                        classes=["kommun-unanswered"],
                        who=render.emphasis(capitalise(instans)),
                    )
                )
            elif yttrande.summary:
                result.append(
                    render.para(
                        "%(who)s %(summary)s",
                        who=render.emphasis(capitalise(instans)),
                        summary=_sentence(yttrande.summary),
                    )
                )
        return result

    def sammanstallning(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for instans, yttrande, in_remiss in self.rows:
            children: list[nodes.Node] = []
            if yttrande is None:
                children.append(
                    render.para(
                        _("%(who)s har inte besvarat remissen."),
                        classes=["kommun-unanswered"],
                        who=render.strong(capitalise(instans)),
                    )
                )
            else:
                if not in_remiss:
                    children.append(
                        render.para(
                            _("%(who)s fanns inte med i remissen."),
                            classes=["kommun-not-in-remiss"],
                            who=render.emphasis(capitalise(instans)),
                        )
                    )
                children.extend(self._answer(yttrande))
            result.append(
                render.section(
                    capitalise(instans),
                    f"{self.anchor}-{slug(instans)}",
                    *children,
                    classes=["kommun-compilation-instans"],
                )
            )
        return result

    def _answer(self, yttrande: Yttrande) -> list[nodes.Node]:
        ctx = self.ctx
        result: list[nodes.Node] = []
        if yttrande.meeting is not None:
            result.append(
                render.para(
                    _("%(who)s beslutade vid sitt sammanträde den %(date)s följande."),
                    who=render.strong(capitalise(yttrande.instans)),
                    date=ctx.date(yttrande.meeting),
                )
            )
            result.extend(ctx.excerpt(yttrande, "beslut"))
        for reservation in self.for_yttrande(yttrande):
            result.append(
                render.para(
                    _("%(type)s gjordes av %(who)s, %(annex)s."),
                    type=render.emphasis(capitalise(reservation.type)),
                    who=_authors(reservation, ctx.locale),
                    annex=_internal_link(
                        _("bilaga %(number)s")
                        % {"number": self.numbers[reservation.id]},
                        self.reservation_anchor(reservation),
                    ),
                )
            )
        stated = (
            self.utlatande.stated_date(yttrande.instans) if self.utlatande else None
        )
        own = yttrande.effective_date
        date = stated or own
        author = capitalise(yttrande.author_body)
        if date is not None:
            result.append(
                render.para(
                    _(
                        "%(whose)s tjänsteutlåtande daterat den %(date)s har i "
                        "huvudsak följande lydelse."
                    ),
                    whose=render.strong(genitive(author)),
                    who=render.strong(author),
                    date=ctx.date(date),
                )
            )
        else:
            result.append(
                render.para(
                    _("%(whose)s tjänsteutlåtande har i huvudsak följande lydelse."),
                    whose=render.strong(genitive(author)),
                    who=render.strong(author),
                )
            )
        if stated is not None and own is not None and stated != own:
            result.append(self._discrepancy(yttrande, stated, own))
        result.extend(ctx.excerpt(yttrande, "lydelse"))
        return result

    def _discrepancy(
        self, yttrande: Yttrande, stated: dt.date, own: dt.date
    ) -> nodes.Node:
        ctx = self.ctx
        if yttrande.date is not None:
            says = _("daterat den %(date)s") % {"date": ctx.date(own)}
        else:
            says = _("attesterat den %(date)s") % {"date": ctx.date(own)}
        logger.info(
            _(
                "%(instans)s: utlåtandet anger tjänsteutlåtandet som daterat den "
                "%(stated)s, yttrandet självt som %(says)s"
            ),
            {"instans": yttrande.instans, "stated": ctx.date(stated), "says": says},
            location=(yttrande.docname, yttrande.lineno),
        )
        note = render.para(
            _("Anm.: Datumet är utlåtandets uppgift. %(link)s är %(says)s."),
            classes=["kommun-discrepancy"],
            link=ctx.link(yttrande, _("Yttrandet självt")),
            says=says,
        )
        return note

    def reservationer(self) -> list[nodes.Node]:
        ctx = self.ctx
        groups: dict[str, list[Reservation]] = {}
        for reservation in self.reservations:
            concerns = ctx.index.concerns(reservation)
            body = (
                concerns.instans if isinstance(concerns, Yttrande) else reservation.body
            )
            groups.setdefault(body or _("Okänt organ"), []).append(reservation)
        result: list[nodes.Node] = []
        for body, found in groups.items():
            children: list[nodes.Node] = []
            for reservation in found:
                anchor = self.reservation_anchor(reservation)
                label = nodes.paragraph(
                    "",
                    "",
                    nodes.target("", "", ids=[anchor]),
                    *render.fill(
                        _(
                            "%(type)s (bilaga %(number)s) gjordes av %(who)s enligt följande."
                        ),
                        type=render.emphasis(capitalise(reservation.type)),
                        number=str(self.numbers[reservation.id]),
                        who=_authors(reservation, ctx.locale),
                    ),
                )
                children.append(label)
                children.extend(ctx.excerpt(reservation, "text"))
            result.append(
                render.section(
                    capitalise(body),
                    f"{self.anchor}-reservationer-{slug(body)}",
                    *children,
                )
            )
        return result

    def tabell(self) -> list[nodes.Node]:
        ctx = self.ctx
        extra = plugins_of(ctx.env).columns()
        rows: list[Sequence[render.Part]] = []
        for instans, yttrande, in_remiss in self.rows:
            if yttrande is None:
                rows.append(
                    (
                        capitalise(instans),
                        "–",
                        "–",
                        [render.emphasis(_("Inget svar"))],
                        "",
                        "",
                        *("" for _column in extra),
                    )
                )
                continue
            name: list[nodes.Node] = [ctx.link(yttrande, capitalise(instans))]
            if not in_remiss:
                name.append(render.emphasis(" " + _("(ej remissinstans)")))
            late = _is_late(yttrande, self.remiss)
            late_mark = render.emphasis(" " + _("(efter svar senast)"))
            answered: list[nodes.Node] = [nodes.Text(ctx.date(yttrande.meeting))]
            if late and yttrande.meeting is not None:
                answered.append(late_mark.deepcopy())
            document_date: list[nodes.Node] = [nodes.Text(_own_date(ctx, yttrande))]
            if late and yttrande.meeting is None:
                document_date.append(late_mark)
            stated = self.utlatande.stated_date(instans) if self.utlatande else None
            if stated and stated != yttrande.date:
                document_date.append(
                    render.emphasis(
                        " "
                        + _("(utlåtandet anger %(date)s)") % {"date": ctx.date(stated)}
                    )
                )
            rows.append(
                (
                    name,
                    document_date,
                    answered,
                    "; ".join(
                        f"{p.yrkande}: {p.word}" if p.yrkande else p.word
                        for p in yttrande.positions
                    )
                    or "–",
                    _sentence(yttrande.summary) if yttrande.summary else "–",
                    _reservation_types(self.for_yttrande(yttrande)),
                    *(_plugin_cell(name, column, yttrande) for name, column in extra),
                )
            )
        if not rows:
            return []
        result: list[nodes.Node] = []
        if self.remiss and self.remiss.deadline:
            result.append(
                nodes.paragraph(
                    "",
                    _("Svar senast %(date)s.")
                    % {"date": ctx.date(self.remiss.deadline)},
                )
            )
        result.append(
            render.table(
                [
                    _("Remissinstans"),
                    _("Tjänsteutlåtande"),
                    _("Nämndens beslut"),
                    _("Ställning"),
                    _("Sammanfattning"),
                    _("Reservationer m.m."),
                    *(column["title"] for _name, column in extra),
                ],
                rows,
                widths=[
                    3,
                    3,
                    3,
                    2,
                    6,
                    2,
                    *(column.get("width", 2) for _n, column in extra),
                ],
                classes=["kommun-remiss-table", "longtable"],
            )
        )
        return result


_PART_TITLES = {
    "arendet": N_("Ärendet"),
    "beredning": N_("Beredning"),
    "sammanstallning": N_("Remissvaren"),
    "reservationer": N_("Reservationer m.m."),
    "tabell": N_("Remissvar i sammandrag"),
}


@generator("remissammanstallning", _project_compilation)
def remissammanstallning(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    dnr = node["dnr"]
    parts = node.get("parts", "").split()
    anchor = f"{slug(dnr)}-remissammanställning"
    compilation = Compilation(ctx, dnr, anchor)
    block = kommun_generated(classes=["kommun-remissammanstallning"])
    titled = len(parts) > 1
    for part in parts:
        produced = getattr(compilation, part)()
        if not produced:
            continue
        if part == "sammanstallning" and titled:
            block.extend(produced)
        elif titled:
            block += render.section(
                _(_PART_TITLES[part]), f"{anchor}-{part}", *produced
            )
        else:
            block.extend(produced)
    return [block]


def _plugin_cell(name: str, column: Column, yttrande: Yttrande) -> render.Part:
    """A plugin's cell; a plugin that fails gets a warning and an empty cell."""
    try:
        value = column["value"](yttrande)
        if isinstance(value, str) or (
            isinstance(value, list | tuple)
            and all(isinstance(n, nodes.Node) for n in value)
        ):
            return value
        raise TypeError(f"returned {type(value).__name__}, not text or nodes")
    except Exception as err:
        logger.warning(
            "plugin '%s' failed in column '%s' for %s: %s: %s",
            name,
            column["title"],
            yttrande.instans,
            type(err).__name__,
            err,
            location=yttrande.location,
            type="kommun",
            subtype="plugin",
        )
        return ""


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _internal_link(text: str, refid: str) -> nodes.reference:
    return nodes.reference(text, text, refid=refid, internal=True)


def iter_generated(node: nodes.Node) -> Iterable[kommun_pending]:
    yield from node.findall(kommun_pending)


def apply(ctx: Context, doctree: nodes.Node) -> None:
    """Replace every placeholder of ``doctree`` with its generated nodes.

    Generated content may bring placeholders of its own (a meeting's PDF
    includes whole documents), so this repeats until none is left.
    """
    for _round in range(10):
        found = list(iter_generated(doctree))
        if not found:
            return
        for pending in found:
            func = GENERATORS.get(pending["generate"])
            produced = func(ctx_for(ctx, pending), pending) if func else []
            if produced:
                pending.replace_self(produced)
            else:
                pending.parent.remove(pending)


def ctx_for(ctx: Context, pending: kommun_pending) -> Context:
    refdoc = pending.get("refdoc") or ctx.refdoc
    if refdoc == ctx.refdoc:
        return ctx
    return Context(ctx.env, ctx.index, refdoc, ctx.builder)
