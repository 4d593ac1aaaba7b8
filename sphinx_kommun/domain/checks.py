"""Checks across documents, reported once after reading.

The checks here are sphinx-kommun's own; they reach the build through the
built-in plugin's ``kommun_checks`` hook, like any plugin's. Each finding
becomes a warning of type ``kommun`` with a subtype listed in the README, at
the file and line of the object it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sphinx.util import logging

from ..i18n import _
from ..kinds.arende import Arende
from ..kinds.beslut import Beslut
from ..kinds.initiativ import Initiativ, Yrkande
from ..kinds.remiss import Remiss
from ..kinds.reservation import Reservation
from ..kinds.sammantrade import Sammantrade
from ..kinds.utlatande import Utlatande
from ..kinds.yttrande import Yttrande
from ..vocabulary import definite
from .model import KommunObject, Verdict
from .project import Project
from .protocol import check_protocols
from .remote import is_federated

logger = logging.getLogger(__name__)


class Findings(list[dict[str, Any]]):
    """Collects findings as the ``kommun_checks`` hook returns them."""

    def __call__(
        self,
        obj: KommunObject,
        subtype: str,
        message: str,
        *,
        at: str = "",
        **args: Any,
    ) -> None:
        """A finding about ``obj``, at the line of its option ``at`` if given
        (none about another project's object: that project reports it)."""
        if is_federated(obj.docname):
            return
        finding = {"object": obj, "subtype": subtype, "message": message % args}
        if at:
            finding["line"] = obj.line_of(at)
        self.append(finding)


def check_duplicates(index: Project, warn: Findings) -> None:
    for first, duplicate in index.duplicates:
        warn(
            duplicate,
            "duplicate",
            _(
                "id '%(id)s' finns redan (%(where)s, rad %(line)s); det här "
                "objektet lämnas utanför länkar och sammanställningar"
            ),
            id=duplicate.id,
            where=first.docname,
            line=first.lineno,
        )


def check_arenden(index: Project, warn: Findings) -> None:
    for dnr, objects in index.by_dnr.items():
        if not dnr:
            continue
        if index.arende(dnr) is None:
            first = objects[0]
            warn(
                first,
                "dnr",
                _("okänt diarienummer '%(dnr)s': inget arende-direktiv har det"),
                at="dnr",
                dnr=dnr,
            )
    for obj in index.by_id.values():
        if isinstance(obj, Sammantrade):
            named = (
                obj.items,
                "arenden",
                _("okänt diarienummer '%(dnr)s' på föredragningslistan"),
            )
        elif isinstance(obj, Arende):
            named = (
                obj.related,
                "relaterade",
                _("okänt diarienummer '%(dnr)s' i :relaterade:"),
            )
        else:
            continue
        dnrs, option, message = named
        for dnr in dnrs:
            if index.arende(dnr) is None:
                warn(obj, "dnr", message, at=option, dnr=dnr)


def check_answers(index: Project, warn: Findings) -> None:
    for dnr in index.dnrs():
        remiss = index.remiss(dnr)
        seen: dict[str, Yttrande] = {}
        for yttrande in index.yttranden(dnr):
            key = yttrande.instans.casefold()
            if key in seen:
                warn(
                    yttrande,
                    "duplicate",
                    _("%(instans)s har redan ett yttrande i ärendet (%(where)s)"),
                    instans=yttrande.instans,
                    where=seen[key].docname,
                )
            seen[key] = yttrande
            check_dates(yttrande, remiss, warn)
            check_in_remiss(yttrande, remiss, warn)
            check_verdicts(index, yttrande, yttrande.positions, "stallning", warn)
        utlatande = index.utlatande(dnr)
        if isinstance(utlatande, Utlatande):
            check_utlatande(utlatande, remiss, set(seen), warn)


def check_verdicts(
    index: Project,
    obj: Yttrande | Beslut,
    verdicts: Iterable[Verdict],
    option: str,
    warn: Findings,
) -> None:
    """Each verdict is on something there is: a document named, an
    att-sats, a beslutspunkt of the proposal a beslut decides on."""
    proposal = index.proposal_for(obj) if isinstance(obj, Beslut) else None
    points = index.points(proposal) if proposal is not None else ()
    for verdict in verdicts:
        if verdict.target:
            named = index.find_initiativ(verdict.target, obj.dnr)
            if named is None and index.resolve("any", verdict.target, obj.dnr):
                continue
            numbers = {y.number for y in index.yrkanden(named)} if named else set()
            if named is not None and verdict.number in (None, *numbers):
                continue
        elif verdict.number is None:
            continue
        elif points:
            if verdict.number in {p.number for p in points}:
                continue
        else:
            primary = index.primary(obj.dnr)
            numbers = {y.number for y in index.yrkanden(primary)} if primary else set()
            if verdict.number in numbers:
                continue
        warn(
            obj,
            "ref",
            _("%(what)s '%(key)s' i :%(option)s: finns inte i ärendet"),
            at=option,
            what=_("beslutspunkten")
            if points and not verdict.target
            else _("att-satsen")
            if verdict.number is not None
            else _("handlingen"),
            key=verdict.key(),
            option=option,
        )


def check_in_remiss(yttrande: Yttrande, remiss: Remiss | None, warn: Findings) -> None:
    """A yttrande answers a remiss that names its instans."""
    if remiss is None:
        warn(
            yttrande,
            "remiss",
            _("yttrande från %(instans)s men ärendet %(dnr)s har ingen remiss"),
            instans=yttrande.instans,
            dnr=yttrande.dnr,
        )
    elif yttrande.instans.casefold() not in {n.casefold() for n in remiss.instanser}:
        warn(
            yttrande,
            "remiss",
            _("%(instans)s svarar men fanns inte med i remissen"),
            instans=yttrande.instans,
        )


def check_utlatande(
    utlatande: Utlatande, remiss: Remiss | None, answered: set[str], warn: Findings
) -> None:
    """A final utlåtande has every answer; a date it states is of an answer."""
    if remiss is not None and utlatande.final:
        for instans in remiss.instanser:
            if instans.casefold() not in answered:
                warn(
                    utlatande,
                    "unanswered",
                    _("utlåtandet är slutligt men %(instans)s har inte svarat"),
                    instans=instans,
                )
    for instans, _date in utlatande.stated_dates:
        if instans.casefold() not in answered:
            warn(
                utlatande,
                "ref",
                _("uppgivet datum för %(instans)s, som inte har något yttrande"),
                at="uppgivna-datum",
                instans=instans,
            )


def check_dates(yttrande: Yttrande, remiss: Remiss | None, warn: Findings) -> None:
    """Dates out of order. An answer after the deadline is not an error: the
    remissammanställning's table shows it."""
    if yttrande.meeting and yttrande.date and yttrande.meeting < yttrande.date:
        warn(
            yttrande,
            "date-order",
            _(
                "nämnden beslutade den %(meeting)s, före förvaltningens datum "
                "%(date)s (:datum:)"
            ),
            meeting=yttrande.meeting.isoformat(),
            date=yttrande.date.isoformat(),
        )
    earliest = min((d for d in (yttrande.date, yttrande.meeting) if d), default=None)
    if remiss is not None and remiss.date and earliest and earliest < remiss.date:
        warn(
            yttrande,
            "date-order",
            _(
                "yttrandet från %(instans)s är daterat %(date)s, före remissen %(remiss)s"
            ),
            instans=yttrande.instans,
            date=earliest.isoformat(),
            remiss=remiss.date.isoformat(),
        )


def check_decisions(index: Project, warn: Findings) -> None:
    for obj in index.by_id.values():
        if (
            isinstance(obj, Reservation)
            and obj.concerns_ref
            and index.resolve("any", obj.concerns_ref, obj.dnr) is obj
        ):
            warn(
                obj,
                "ref",
                _("%(what)s avser sig själv (:avser: %(target)s)"),
                at="avser",
                what=definite(obj.type),
                target=obj.concerns_ref,
            )
        elif (
            isinstance(obj, Reservation)
            # naming nothing was warned about where it is written
            and (obj.concerns_ref or obj.body)
            and index.concerns(obj) is None
        ):
            warn(
                obj,
                "ref",
                _("%(what)s avser '%(target)s', som inte finns"),
                at="avser" if obj.concerns_ref else "organ",
                what=definite(obj.type),
                target=obj.concerns_ref or obj.body,
            )


def check_outcomes(index: Project, warn: Findings) -> None:
    """Every beslutspunkt a beslut decides on, and every att-sats and
    initiating document of a decided ärende, gets an outcome."""
    for dnr in index.dnrs():
        decisions = index.beslut(dnr)
        if not decisions:
            continue
        for beslut in decisions:
            check_verdicts(index, beslut, beslut.outcomes, "utfall", warn)
            proposal = index.proposal_for(beslut)
            if beslut.underlag and proposal is None:
                check_underlag(index, beslut, warn)
            for point in index.points(proposal) if proposal is not None else ():
                if not index.outcome_on(beslut, point):
                    warn(
                        beslut,
                        "undecided",
                        _("beslutet saknar utfall för beslutspunkt %(number)s"),
                        number=point.number,
                    )
        several = len(index.initiativ(dnr)) > 1
        for item in index.items(dnr):
            if not any(index.outcome_on(b, item) for b in decisions):
                message, values = _undecided(index, item, several)
                warn(decisions[-1], "undecided", message, **values)


def check_underlag(index: Project, beslut: Beslut, warn: Findings) -> None:
    """An ``:underlag:`` naming no proposal of the ärende: the beslut would
    otherwise decide on nothing, silently."""
    ids = [p.id for p in index.proposals(beslut.dnr)]
    warn(
        beslut,
        "ref",
        _(
            "underlaget '%(target)s' finns inte i ärendet %(dnr)s; ärendets "
            "förslag till beslut: %(ids)s"
        ),
        at="underlag",
        target=beslut.underlag,
        dnr=beslut.dnr,
        ids=", ".join(ids) or _("inga"),
    )


def _undecided(
    index: Project, item: KommunObject, several: bool
) -> tuple[str, dict[str, Any]]:
    """The message that ``item`` got no outcome, naming it."""
    if isinstance(item, Yrkande):
        initiativ = index.get(item.initiativ)
        if not several or not isinstance(initiativ, Initiativ):
            return _("beslutet saknar utfall för att-sats %(number)s"), {
                "number": item.number
            }
        return _("beslutet saknar utfall för att-sats %(number)s i %(what)s"), {
            "number": item.number,
            "what": _named(initiativ),
        }
    assert isinstance(item, Initiativ)
    return _("beslutet saknar utfall för %(what)s"), {"what": _named(item)}


def _named(initiativ: Initiativ) -> str:
    """``skrivelsen KS 2023/456 (Anna Ek (M))``."""
    byline = initiativ.byline()
    return f"{_(initiativ.definite)} {initiativ.own_dnr}" + (
        f" ({byline})" if byline else ""
    )


def all_findings(index: Project) -> Findings:
    """Every finding of sphinx-kommun's own checks."""
    findings = Findings()
    for check in (
        check_duplicates,
        check_arenden,
        check_answers,
        check_decisions,
        check_outcomes,
        check_protocols,
    ):
        check(index, findings)
    return findings
