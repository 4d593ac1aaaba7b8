"""What happens to a § at the meeting: yrkanden, proposition, omröstning, jäv.

Read with the § (:mod:`.paragraf`) and checked against the protokoll's
närvaro where they are written; rendered as the sentences a protokoll
writes ("Ordföranden ställer proposition på … och finner att
kommunfullmäktige beslutar enligt …") and the roll-call table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .. import render
from ..domain.model import Person
from ..i18n import N_, _
from ..reading.directive import ObjectDirective
from ..reading.people import PersonError, parse_person
from ..swedish import capitalise, genitive, join, normalise
from ..vocabulary import readable
from .protokoll import Protokoll

if TYPE_CHECKING:
    from .paragraf import Paragraf

#: The words of a vote, as the clerk writes them; the reader reads them
#: through the catalogue (:func:`~sphinx_kommun.vocabulary.readable`).
VOTES = (N_("ja"), N_("nej"), N_("avstår"))
_FORMS = {"ja": "ja", "nej": "nej", "avstår": "avstår", "avstar": "avstår"}


@dataclass(frozen=True)
class Claim:
    """A yrkande made at the meeting by a named member."""

    person: Person
    text: str


@dataclass(frozen=True)
class Vote:
    person: Person
    vote: str


def _vote(d: ObjectDirective, entry: str) -> Vote:
    who, _sep, word = entry.rpartition(":")
    try:
        person = parse_person(who)
    except PersonError as err:
        person = err.person
    written = " ".join(word.split()).casefold()
    vote = _FORMS.get(written)
    if vote is None:
        d.warn(
            _("okänd röst '%(word)s' för %(name)s; kända är %(known)s"),
            "vote",
            {"word": word.strip(), "name": person.name, "known": ", ".join(VOTES)},
            line=d.option_line("omrostning"),
        )
        vote = written
    return Vote(person, vote)


def read_votes(
    d: ObjectDirective,
    protokoll: Protokoll,
    recused: Sequence[Person],
    two_put: bool,
) -> tuple[tuple[Vote, ...], str]:
    """The roll call, checked against who serves and who is jävig; and the
    chair's vote, when the votes are equal (utslagsröst)."""
    line = d.option_line("omrostning")
    serving = {normalise(p.name) for p in protokoll.serving}
    javiga = {normalise(p.name) for p in recused}
    votes: list[Vote] = []
    seen: set[str] = set()
    for entry in d.value("omrostning"):
        vote = _vote(d, entry)
        key = normalise(vote.person.name)
        values = {"name": vote.person.name}
        if key in seen:
            d.warn(_("%(name)s röstar två gånger"), "vote", values, line=line)
            continue
        seen.add(key)
        if key in javiga:
            d.warn(_("%(name)s är jävig (:jav:) men röstar"), "jav", values, line=line)
        if serving and key not in serving:
            d.warn(
                _("%(name)s röstar men tjänstgör inte (:ledamoter:, :ersattare:)"),
                "vote",
                values,
                line=line,
            )
        votes.append(vote)
    if votes and len(votes) > len(serving) and serving:
        d.warn(
            _("%(votes)s röster men bara %(serving)s tjänstgörande ledamöter"),
            "vote",
            {"votes": len(votes), "serving": len(serving)},
            line=line,
        )
    if votes and not two_put:
        d.warn(
            _(
                "omröstning utan två yrkanden under proposition (:yrkanden:, :proposition:)"
            ),
            "vote",
            line=line,
        )
    return tuple(votes), _casting(d, protokoll, votes)


def _casting(d: ObjectDirective, protokoll: Protokoll, votes: list[Vote]) -> str:
    yes = sum(v.vote == "ja" for v in votes)
    no = sum(v.vote == "nej" for v in votes)
    if not votes or yes != no:
        return ""
    chair = normalise(protokoll.chair.name) if protokoll.chair else ""
    cast = next((v.vote for v in votes if normalise(v.person.name) == chair), "")
    if cast not in ("ja", "nej"):
        d.warn(
            _(
                "rösterna faller lika men ordföranden har inte röstat ja eller "
                "nej: ordföranden har utslagsröst"
            ),
            "vote",
            line=d.option_line("omrostning"),
        )
        return ""
    return cast


# -- rendering ---------------------------------------------------------------------


def claim_part(claim: Claim) -> list[nodes.Node]:
    """ "Anna Lindqvists (S) yrkande" ("the motion of Anna Lindqvist (S)",
    no Swedish genitive in English), the name linked to the person."""
    name, party = claim.person.name, claim.person.party
    written = f" ({party})" if party else ""
    return render.fill(
        _("%(whose)s yrkande"),
        whose=render.person_link(name, genitive(name) + written, party),
        who=render.person_link(name, name + written, party),
    )


def _claim_list(paragraf: Paragraf, numbers: Sequence[int], locale: str) -> render.Part:
    """The claims ``numbers`` in running text: "A:s yrkande och B:s yrkande"."""
    template = join([f"%({n})s" for n in range(len(numbers))], locale)
    return render.fill(
        template,
        **{str(n): claim_part(paragraf.claims[c]) for n, c in enumerate(numbers)},
    )


def _claims(paragraf: Paragraf) -> list[nodes.Node]:
    if not paragraf.claims:
        return []
    result: list[nodes.Node] = [
        render.rubric(_("Yrkanden"), classes=["kommun-paragraf-part"])
    ]
    for claim in paragraf.claims:
        result.append(
            render.para(
                _("%(who)s yrkar %(what)s"),
                classes=["kommun-yrkande"],
                who=render.person_inline(claim.person),
                what=render.sentence(claim.text),
            )
        )
    return result


def _proposition(d: ObjectDirective, paragraf: Paragraf) -> list[nodes.Node]:
    if not paragraf.put or paragraf.found is None:
        return []
    if len(paragraf.put) == 1:  # one yrkande: not named twice
        template = _(
            "Ordföranden ställer proposition på %(put)s och finner att %(body)s "
            "bifaller det."
        )
    else:
        template = _(
            "Ordföranden ställer proposition på %(put)s och finner att %(body)s "
            "beslutar enligt %(found)s."
        )
    text = render.para(
        template,
        classes=["kommun-proposition"],
        put=_claim_list(paragraf, paragraf.put, d.locale),
        body=d.in_sentence(paragraf.body),
        found=claim_part(paragraf.claims[paragraf.found]),
    )
    return [
        render.rubric(_("Propositionsordning"), classes=["kommun-paragraf-part"]),
        text,
    ]


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _votes(d: ObjectDirective, paragraf: Paragraf) -> list[nodes.Node]:
    against = paragraf.against
    if not paragraf.votes or paragraf.found is None or against is None:
        return []
    body = d.in_sentence(paragraf.body)
    asked = render.para(
        _(
            "Omröstning begärs. Den som vill att %(body)s beslutar enligt %(yes)s "
            "röstar ja; den som vill att %(body)s beslutar enligt %(no)s röstar nej."
        ),
        body=body,
        yes=claim_part(paragraf.claims[paragraf.found]),
        no=claim_part(paragraf.claims[against]),
    )
    rows = [
        (render.person_inline(vote.person), readable(vote.vote))
        for vote in paragraf.votes
    ]
    return [
        render.rubric(_("Omröstning"), classes=["kommun-paragraf-part"]),
        asked,
        render.table(
            [_("Ledamot"), _("Röst")],
            rows,
            widths=[4, 1],
            classes=["kommun-votes"],
            title=_("Röster per ledamot"),
            node_id=f"{paragraf.id}-omrostning",
        ),
        _result(paragraf, body),
    ]


def _result(paragraf: Paragraf, body: str) -> nodes.paragraph:
    """ "Omröstningen utfaller med …", the utslagsröst, what was decided."""
    counts = paragraf.tally()
    template = (
        _("Omröstningen utfaller med %(yes)s mot %(no)s; %(abstain)s.")
        if counts["avstår"]
        else _("Omröstningen utfaller med %(yes)s mot %(no)s.")
    )
    result: list[nodes.Node] = render.fill(
        template,
        yes=_count(counts["ja"], _("ja-röst"), _("ja-röster")),
        no=_count(counts["nej"], _("nej-röst"), _("nej-röster")),
        abstain=_count(counts["avstår"], _("ledamot avstår"), _("ledamöter avstår")),
    )
    if paragraf.casting:
        cast = _("Rösterna faller lika och ordföranden har utslagsröst (%(vote)s).") % {
            "vote": readable(paragraf.casting)
        }
        result.append(nodes.Text(" " + cast))
    carried = paragraf.carried
    if carried is not None:
        result.append(nodes.Text(" "))
        result += render.fill(
            _("%(body)s har därmed beslutat enligt %(claim)s."),
            body=capitalise(body),
            claim=claim_part(paragraf.claims[carried]),
        )
    return nodes.paragraph("", "", *result, classes=["kommun-vote-result"])


def meeting_parts(d: ObjectDirective, paragraf: Paragraf) -> list[nodes.Node]:
    """Jäv, the yrkanden, the propositionsordning and the omröstning."""
    parts: list[nodes.Node] = []
    if paragraf.recused:
        parts.append(
            render.para(
                _(
                    "%(who)s deltar inte i handläggningen på grund av jäv och "
                    "lämnar lokalen."
                ),
                classes=["kommun-jav"],
                who=render.person_list(paragraf.recused, d.locale),
            )
        )
    return [
        *parts,
        *_claims(paragraf),
        *_proposition(d, paragraf),
        *_votes(d, paragraf),
    ]
