"""Förslag till beslut and its numbered beslutspunkter.

A document that proposes a decision (an utlåtande, a tjänsteskrivelse) is a
:class:`Proposing`. Its proposal is one sentence, a keyword whose sentence
is generated ("Motionen avslås med hänvisning till …"), or numbered
beslutspunkter: lines ``1. …`` in its ``:forslag:``, entries ``N:
keyword`` (on att-sats N), or ``beslutspunkt`` directives in its content.
Each point is an object of its own, addressable (``:beslutspunkt:``), that
a beslut decides and a reservation may concern.

What a point says of the initiating documents is read from its text:
"Skrivelserna anses besvarade." answers the ärende's skrivelser (see
:func:`answers_in`), and ``:besvarar:`` says it where the text does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from docutils import nodes

from .. import render
from ..domain.model import KommunObject, Verdict
from ..i18n import N_, _
from ..nodes import kommun_object, kommun_pending
from ..reading import kind
from ..reading.directive import ObjectDirective
from ..reading.values import split_key
from ..vocabulary import OUTCOMES, PROPOSALS, closest

#: While a proposing document's content is read: (its id, dnr, points so far).
CURRENT_PROPOSAL = "kommun:proposal"


@dataclass(frozen=True)
class Answer(Verdict):
    """What approving a beslutspunkt decides on initiating documents: the
    outcome ``word`` on those of ``kinds`` (all kinds when empty) — only
    those whose dnr or number ``mentions`` names, if it names any — or on
    the one ``target`` names (att-sats ``number`` of it)."""

    kinds: tuple[str, ...] = ()
    mentions: str = ""


@dataclass(frozen=True, kw_only=True)
class Proposing(KommunObject):
    """A document with a förslag till beslut."""

    #: the kind in the definite form, as a warning names it
    definite: ClassVar[str] = N_("dokumentet")

    #: who proposes, and to whom
    body: str = ""
    addressee: str = ""
    #: the proposal as one sentence, as written ("" with points or a keyword)
    proposal: str = ""
    #: the PROPOSALS keyword the proposal is, its sentence generated
    keyword: str = ""


@dataclass(frozen=True, kw_only=True)
class Beslutspunkt(KommunObject):
    kind: ClassVar[str] = "beslutspunkt"
    label: ClassVar[str] = N_("beslutspunkt")

    #: the id of the document whose proposal it is in
    proposal: str
    number: int
    #: as written; "" for a keyword on an att-sats (its sentence generated)
    text: str = ""
    answers: tuple[Answer, ...] = ()


# -- what a point's text says of the initiating documents ------------------------

_NOUNS = {
    "motionen": "motion",
    "motionerna": "motion",
    "skrivelsen": "skrivelse",
    "skrivelserna": "skrivelse",
    "medborgarförslaget": "medborgarforslag",
    "medborgarförslagen": "medborgarforslag",
    "e-förslaget": "e-forslag",
    "e-förslagen": "e-forslag",
    "framställningen": "framstallning",
    "framställningarna": "framstallning",
}
_VERBS = {
    "bifalls delvis": "delvis bifall",
    "bifalles delvis": "delvis bifall",
    "bifalls": "bifall",
    "bifalles": "bifall",
    "avslås": "avslag",
    "anses besvarad": "anses besvarad",
    "anses besvarat": "anses besvarad",
    "anses besvarade": "anses besvarad",
    "anses vara besvarad": "anses besvarad",
    "anses vara besvarat": "anses besvarad",
    "anses vara besvarade": "anses besvarad",
}
_NOUN = "|".join(sorted(map(re.escape, _NOUNS), key=len, reverse=True))
_VERB = "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True))
_ANSWER = re.compile(
    rf"^\s*(?P<nouns>(?:{_NOUN})(?:\s*(?:,|och)\s*(?:{_NOUN}))*)\b"
    rf"(?P<middle>[^.;]*?)\s+(?P<verb>{_VERB})(?![\wåäö])",
    re.IGNORECASE,
)


def answers_in(text: str) -> tuple[Answer, ...]:
    """What a point's sentence decides on initiating documents:
    "Skrivelserna anses besvarade." → anses besvarad on every skrivelse;
    "Motionen (KS 2019/1899) avslås." → avslag on that motion."""
    found = _ANSWER.match(text)
    if found is None:
        return ()
    kinds = tuple(
        dict.fromkeys(
            _NOUNS[noun.casefold()]
            for noun in re.findall(_NOUN, found["nouns"], re.IGNORECASE)
        )
    )
    word = _VERBS[" ".join(found["verb"].casefold().split())]
    return (Answer(word, kinds=kinds, mentions=found["middle"].strip()),)


# -- reading a proposal ------------------------------------------------------------

_POINT = re.compile(r"^\s*(\d+)\s*[.)]\s+(.*)$")


def _numbered_lines(text: str) -> list[tuple[int, str]] | None:
    """``1. …`` lines (continued on the lines below), or None if the text
    does not start with one."""
    points: list[tuple[int, list[str]]] = []
    for line in text.splitlines():
        found = _POINT.match(line)
        if found:
            points.append((int(found.group(1)), [found.group(2)]))
        elif points:
            points[-1][1].append(line)
        elif line.strip():
            return None
    return [(number, " ".join(" ".join(lines).split())) for number, lines in points]


def read_proposal(
    d: ObjectDirective, proposal_id: str, dnr: str
) -> tuple[str, str, list[Beslutspunkt]]:
    """The ``:forslag:`` of a proposing document: (sentence as written,
    keyword, points). A missing proposal is warned about by the caller."""
    written = d.text("forslag")
    if not written:
        return "", "", []
    lines = _numbered_lines(written)
    if lines is not None:
        return "", "", _points_from_lines(d, proposal_id, dnr, lines)
    entries = [split_key(entry) for entry in re.split(r"[;\n]", written)]
    if len(entries) > 1 or entries[0][1] is not None:
        return "", "", _points_on_att_satser(d, proposal_id, dnr, written)
    keyword = closest(written, PROPOSALS)
    if keyword is not None:
        return "", keyword, []
    return " ".join(written.split()), "", []


def _point(
    d: ObjectDirective,
    proposal_id: str,
    dnr: str,
    number: int,
    text: str,
    answers: tuple[Answer, ...],
) -> Beslutspunkt:
    return Beslutspunkt(
        id=f"{proposal_id}-punkt-{number}",
        **{**d.where(), "dnrs": ()},
        dnr=dnr,
        title=_("Beslutspunkt %(number)s") % {"number": number},
        proposal=proposal_id,
        number=number,
        text=text,
        answers=answers,
    )


def _points_from_lines(
    d: ObjectDirective, proposal_id: str, dnr: str, lines: list[tuple[int, str]]
) -> list[Beslutspunkt]:
    points = []
    for expected, (number, text) in enumerate(lines, start=1):
        if number != expected:
            d.warn(
                _(
                    "beslutspunkt %(number)s i :forslag: borde ha nummer "
                    "%(expected)s; den numreras %(expected)s"
                ),
                "option",
                {"number": number, "expected": expected},
                line=d.option_line("forslag"),
            )
        if not text:
            d.warn(
                _("beslutspunkt %(number)s är tom"),
                "missing",
                {"number": expected},
                line=d.option_line("forslag"),
            )
        points.append(_point(d, proposal_id, dnr, expected, text, answers_in(text)))
    return points


def _points_on_att_satser(
    d: ObjectDirective, proposal_id: str, dnr: str, written: str
) -> list[Beslutspunkt]:
    """``1: bifall; 2: avslag``: a point per att-sats, its sentence generated."""
    points = []
    entries = d.vocabulary(
        "forslag",
        PROPOSALS,
        _("okänt förslag '%(word)s'; kända är %(known)s"),
    )
    for number, (target, att_sats, word) in enumerate(entries, start=1):
        answer = Answer(word, number=att_sats, target=target)
        points.append(_point(d, proposal_id, dnr, number, "", (answer,)))
    return points


def read_proposing(
    d: ObjectDirective, proposal_id: str, dnr: str
) -> tuple[str, str, list[nodes.Node]]:
    """A proposing document's proposal and content: (its sentence as
    written, its keyword, the nodes of its points and its content), the
    points of ``:forslag:`` first (:func:`split_points` takes them off)."""
    proposal, keyword, points = read_proposal(d, proposal_id, dnr)
    doc = d.env.current_document
    previous = doc.get(CURRENT_PROPOSAL)
    doc[CURRENT_PROPOSAL] = (proposal_id, dnr, len(points))
    try:
        body = d.body(dnr)
        nested = doc[CURRENT_PROPOSAL][2] - len(points)
    finally:
        doc[CURRENT_PROPOSAL] = previous
    if not (proposal or keyword or points or nested):
        model = d.kind_spec.model
        assert issubclass(model, Proposing)
        d.warn(
            _("%(what)s saknar förslag till beslut (:forslag:)"),
            "missing",
            {"what": _(model.definite)},
        )
    if not points:
        body = _leading_points(body)
    return proposal, keyword, [*_point_list(d, points), *body]


def _leading_points(body: list[nodes.Node]) -> list[nodes.Node]:
    """``beslutspunkt`` directives written first in the content, as the
    proposal's list of points (the opening phrase and the presenter's line
    come before it, and an endorsement repeats it)."""
    count = 0
    for node in body:
        if not (isinstance(node, kommun_object) and node.get("kind") == "beslutspunkt"):
            break
        count += 1
    if not count:
        return body
    wrapper = nodes.container(classes=[POINTS])
    wrapper.extend(body[:count])
    return [wrapper, *body[count:]]


def _point_list(d: ObjectDirective, points: list[Beslutspunkt]) -> list[nodes.Node]:
    """The points of ``:forslag:``, as the numbered list printed."""
    if not points:
        return []
    elist = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    elist["classes"].append(POINTS)
    for point in points:
        container = d.container(point)
        container += nodes.paragraph("", "", *_point_text(d, point))
        container += d.backlinks(point)
        elist += nodes.list_item("", container)
    return [elist]


def _point_text(d: ObjectDirective, point: Beslutspunkt) -> list[nodes.Node]:
    if point.text:
        return d.inline(point.text, "forslag")
    return [d.pending("proposal-sentence", dnr=point.dnr, target=point.id)]


#: The class of the list of a proposal's points.
POINTS = "kommun-beslutspunkter"


def split_points(body: list[nodes.Node]) -> tuple[list[nodes.Node], list[nodes.Node]]:
    """(the list of points :func:`read_proposing` put first, the rest)."""
    if body and isinstance(body[0], nodes.Element) and POINTS in body[0]["classes"]:
        return body[:1], body[1:]
    return [], body


def proposed(
    d: ObjectDirective, doc: Proposing, points: Sequence[nodes.Node] = ()
) -> list[nodes.Node]:
    """The proposal as printed after the opening phrase: its sentence (a
    keyword's generated), or — repeated — a copy of its points without
    their ids."""
    if doc.proposal:
        sentence = d.inline(doc.proposal, "forslag")
    elif doc.keyword:
        sentence = [d.pending("proposal-sentence", dnr=doc.dnr, target=doc.id)]
    else:
        return [_copy(point_list) for point_list in points]
    return [nodes.paragraph("", "", *sentence, classes=["kommun-proposal"])]


def _copy(point_list: nodes.Node) -> nodes.Node:
    """A list of points again, as text: no ids, no objects, no backlinks."""
    copy = point_list.deepcopy()
    for container in list(copy.findall(kommun_object)):
        container.replace_self(
            [
                child
                for child in container.children
                if not isinstance(child, kommun_pending)
                or child["generate"] != "backlinks"
            ]
        )
    return copy


# -- the beslutspunkt directive ---------------------------------------------------------

OPTIONS = {
    "besvarar": kind.entries(
        "what approving the point decides on initiating documents, where its "
        "text does not say it: 'REF: word' (an id or dnr) or 'word' for all, "
        "one per line"
    ),
}


def parse(d: ObjectDirective) -> tuple[Beslutspunkt | None, list[nodes.Node]]:
    doc = d.env.current_document
    current = doc.get(CURRENT_PROPOSAL)
    text = " ".join(" ".join(d.content).split())
    if not current:
        d.warn(
            _("beslutspunkt måste stå inuti ett utlåtande eller en tjänsteskrivelse"),
            "structure",
        )
        return None, [nodes.paragraph("", "", *d.parse_content_to_nodes())]
    proposal_id, dnr, count = current
    number = count + 1
    doc[CURRENT_PROPOSAL] = (proposal_id, dnr, number)
    if not text:
        d.warn(_("beslutspunkt %(number)s är tom"), "missing", {"number": number})
    explicit = tuple(
        Answer(word, number=att_sats, target=target)
        for target, att_sats, word in d.vocabulary(
            "besvarar", OUTCOMES, _("okänt utfall '%(word)s'; kända är %(known)s")
        )
    )
    point = _point(d, proposal_id, dnr, number, text, explicit or answers_in(text))
    return point, d.body(dnr)


def render_beslutspunkt(
    d: ObjectDirective, point: Beslutspunkt, body: list[nodes.Node]
) -> list[nodes.Node]:
    container = d.container(point)
    label = render.strong(f"{point.number}.")
    first = body[0] if body and isinstance(body[0], nodes.paragraph) else None
    if first is not None:
        first.insert(0, nodes.Text(" "))
        first.insert(0, label)
    else:
        container += nodes.paragraph("", "", label)
    container.extend(body)
    container += d.backlinks(point)
    return [container]


KIND = kind.Kind(
    Beslutspunkt,
    ("beslutspunkt",),
    OPTIONS,
    parse,
    render_beslutspunkt,
    takes_argument=False,
    printed=False,
    colour="#F3E0C8",
)
