"""Paragraf: one § of a protokoll, and the beslut it records.

A § is a :class:`~.beslut.Beslut` (its ``:utfall:`` and ``:underlag:``
are read as a beslut's, and what it decides is decided by
:mod:`sphinx_kommun.domain.verdicts`), written inside a ``protokoll``. It
adds what happened at the meeting: the yrkanden made by named members, the
propositionsordning, the omröstning by roll call and who left the room for
jäv. Its number is computed over the body's year when the page is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from .. import render
from ..domain.model import PROPOSED, VOTED, Participation, Person, dnr_slug
from ..i18n import N_, _
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..reading.excerpts import mark_excerpt
from ..reading.people import PersonError, parse_person
from ..swedish import normalise
from . import beslut as beslut_kind
from .beslut import Beslut
from .protokoll import CURRENT_PARAGRAF, CURRENT_PROTOKOLL, Protokoll
from .votes import VOTES, Claim, Vote, meeting_parts, read_votes


@dataclass(frozen=True, kw_only=True)
class Paragraf(Beslut):
    kind: ClassVar[str] = "paragraf"
    label: ClassVar[str] = N_("paragraf")

    #: the protokoll's id, and the §'s place in it (from 1)
    protokoll: str = ""
    ordinal: int = 0
    claims: tuple[Claim, ...] = ()
    #: the claims put to proposition, by index into ``claims``
    put: tuple[int, ...] = ()
    #: the claim the chair finds carried (index), before any vote
    found: int | None = None
    votes: tuple[Vote, ...] = ()
    #: the chair's vote, when it decides a tie
    casting: str = ""
    recused: tuple[Person, ...] = ()

    def participants(self) -> tuple[Participation, ...]:
        """For the person pages: who made a yrkande (its text) and how each
        voted (ja, nej, avstår)."""
        return (
            *(
                Participation(
                    c.person.name, PROPOSED, c.text, c.person.party, "yrkanden"
                )
                for c in self.claims
            ),
            *(
                Participation(
                    v.person.name, VOTED, v.vote, v.person.party, "omrostning"
                )
                for v in self.votes
            ),
        )

    def tally(self) -> dict[str, int]:
        counts = dict.fromkeys(VOTES, 0)
        for vote in self.votes:
            if vote.vote in counts:
                counts[vote.vote] += 1
        return counts

    @property
    def against(self) -> int | None:
        """The claim voted against the one found (nej): the next one put."""
        others = [n for n in self.put if n != self.found]
        return others[0] if others else None

    @property
    def carried(self) -> int | None:
        """The claim the meeting decided by: the one found, or the vote's."""
        if not self.votes or self.against is None:
            return self.found
        counts = self.tally()
        yes = counts["ja"] + (self.casting == "ja")
        no = counts["nej"] + (self.casting == "nej")
        return self.found if yes > no else self.against if no > yes else None


OPTIONS = {
    "yrkanden": kind.entries(
        "yrkanden made at the meeting, one per line: 'Name (Party): text'"
    ),
    "proposition": kind.entries(
        "whose yrkanden the chair puts to proposition, by name, in order "
        "(default: every yrkande)"
    ),
    "finner": kind.text(
        "whose yrkande the chair finds carried (default: the first put)"
    ),
    "omrostning": kind.entries(
        "the roll call, one per line: 'Name (Party): ja', 'nej' or 'avstår' "
        "(ja: the yrkande found carried; nej: the next one put)"
    ),
    "jav": kind.persons("members who left the room for jäv, one per line"),
    "utfall": beslut_kind.OPTIONS["utfall"],
    "underlag": beslut_kind.OPTIONS["underlag"],
}


def _claims(d: ObjectDirective) -> list[Claim]:
    claims = []
    for entry in d.value("yrkanden"):
        who, sep, text = entry.partition(":")
        try:
            person = parse_person(who)
        except PersonError as err:
            person = err.person
        if not sep or not text.strip():
            d.warn(
                _("yrkandet '%(entry)s' saknar text: skriv 'Namn (Parti): yrkande'"),
                "missing",
                {"entry": entry},
                line=d.option_line("yrkanden"),
            )
        claims.append(Claim(person, " ".join(text.split())))
    return claims


def _claim_of(
    d: ObjectDirective, claims: list[Claim], name: str, option: str
) -> int | None:
    try:
        wanted = normalise(parse_person(name).name)
    except PersonError:
        wanted = normalise(name)
    for number, claim in enumerate(claims):
        if normalise(claim.person.name) == wanted:
            return number
    d.warn(
        _("%(name)s ställs under proposition men har inte yrkat något (:yrkanden:)"),
        "proposition",
        {"name": name, "option": option},
    )
    return None


def _proposition(
    d: ObjectDirective, claims: list[Claim]
) -> tuple[tuple[int, ...], int | None]:
    if d.has("proposition"):
        put = [
            _claim_of(d, claims, name, "proposition") for name in d.value("proposition")
        ]
        chosen = tuple(dict.fromkeys(n for n in put if n is not None))
    else:
        chosen = tuple(range(len(claims)))
    finner = d.value("finner")
    found = _claim_of(d, claims, finner, "finner") if finner else None
    if found is not None and found not in chosen:
        d.warn(
            _(
                "ordföranden finner bifall till %(name)s, vars yrkande inte ställs under proposition"
            ),
            "proposition",
            {"name": finner, "option": "finner"},
        )
    if found is None and chosen:
        found = chosen[0]
    return chosen, found


def parse(d: ObjectDirective) -> tuple[Paragraf, list[nodes.Node]]:
    doc = d.env.current_document
    current = doc.get(CURRENT_PROTOKOLL)
    if not current:
        d.warn(_("paragraf måste stå inuti ett protokoll"), "structure")
        protokoll = Protokoll(
            id="", docname=d.env.docname, lineno=d.lineno, dnr="", title=""
        )
    else:
        protokoll = current["protokoll"]
        current["count"] += 1
    ordinal = current["count"] if current else 0
    dnr = d.dnr() if d.text("dnr") else ""
    claims = _claims(d)
    put, found = _proposition(d, claims)
    recused = d.value("jav")
    votes, casting = read_votes(
        d, protokoll, recused, found is not None and len(put) > 1
    )
    outcomes = beslut_kind.outcomes(d) if d.has("utfall") or dnr else ()
    base = f"{protokoll.id}-{dnr_slug(dnr)}" if dnr else f"{protokoll.id}-{ordinal}"
    obj_id = d.object_id(base.lstrip("-") or "paragraf")
    title = d.argument() or dnr or _("Paragraf %(number)s") % {"number": ordinal}
    text = nodes.container(classes=["kommun-paragraf-text"])
    previous = doc.get(CURRENT_PARAGRAF)
    doc[CURRENT_PARAGRAF] = (obj_id, protokoll.body, protokoll.date)
    try:
        text.extend(d.body(dnr))
    finally:
        doc[CURRENT_PARAGRAF] = previous
    values: dict[str, Any] = {
        "claims": tuple(claims),
        "put": put,
        "found": found,
        "votes": votes,
        "casting": casting,
        "recused": recused,
    }
    paragraf = Paragraf(
        id=obj_id,
        **d.where(),
        dnr=dnr,
        title=title,
        excerpts=(mark_excerpt(text, obj_id, "text"),),
        body=protokoll.body,
        date=protokoll.date,
        outcomes=outcomes,
        underlag=d.value("underlag"),
        protokoll=protokoll.id,
        ordinal=ordinal,
        **values,
    )
    return paragraf, [text]


def outcome_parts(d: Any, paragraf: Paragraf) -> list[nodes.Node]:
    """ "Beslut" and the table of outcomes (generated when written)."""
    if not paragraf.dnr:
        return []
    return [
        render.rubric(_("Beslut"), classes=["kommun-paragraf-part"]),
        d.pending("beslut-outcomes", dnr=paragraf.dnr, target=paragraf.id),
    ]


def render_paragraf(
    d: ObjectDirective, paragraf: Paragraf, body: list[nodes.Node]
) -> list[nodes.Node]:
    container = d.container(paragraf)
    heading = nodes.rubric("", "", classes=["kommun-paragraf-title"])
    heading += d.pending("paragraf-number", target=paragraf.id)
    heading += nodes.Text(" " + paragraf.title)
    container += heading
    container += d.pending("paragraf-arende", target=paragraf.id, dnr=paragraf.dnr)
    container += outcome_parts(d, paragraf)
    # what happened at the meeting, before the clerk's text: inside the part
    # an extract quotes (the body's container)
    parts = meeting_parts(d, paragraf)
    text = body[0] if body and isinstance(body[0], nodes.Element) else None
    if text is not None:
        text[0:0] = parts
    else:
        container.extend(parts)
    container.extend(body)
    container.extend(d.footer(paragraf))
    container += d.backlinks(paragraf)
    return [container]


KIND = kind.Kind(
    Paragraf,
    ("paragraf",),
    OPTIONS,
    parse,
    render_paragraf,
    printed=False,
    colour="#E1F0DA",
)
