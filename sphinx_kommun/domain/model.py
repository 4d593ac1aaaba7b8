"""The domain model: one frozen dataclass per kind of object in an ärende.

Objects are plain, picklable values. They are created while a document is
read and kept by :class:`~sphinx_kommun.domain.KommunDomain`, keyed by the
document they come from. Nothing here knows about docutils nodes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from ..i18n import N_
from ..swedish import slug


@dataclass(frozen=True)
class Person:
    """A person as named in a document: motionär, signatory, author, attester."""

    name: str
    party: str = ""
    role: str = ""
    date: dt.date | None = None
    withdrawn: bool = False
    note: str = ""

    def with_party(self) -> str:
        """``Bengt Herke (-)``, or just the name when there is no party."""
        return f"{self.name} ({self.party})" if self.party else self.name


@dataclass(frozen=True)
class Verdict:
    """A word on the whole motion (``yrkande`` None) or on one att-sats."""

    word: str
    yrkande: int | None = None


class Position(Verdict):
    """An yttrande's ställning."""


class Outcome(Verdict):
    """A beslut's outcome."""


def verdict_for(verdicts: Iterable[Verdict], number: int | None) -> str:
    """The word on att-sats ``number``, else the one on the whole motion."""
    general = ""
    for verdict in verdicts:
        if verdict.yrkande == number and number is not None:
            return verdict.word
        if verdict.yrkande is None:
            general = verdict.word
    return general


@dataclass(frozen=True)
class Excerpt:
    """A part of a document that generated text quotes (by marking its nodes)."""

    name: str
    #: Of the quoted nodes, set once the document is read.
    digest: str = ""


@dataclass(frozen=True, kw_only=True)
class KommunObject:
    """What every object has: an id, where it was written, and its ärende."""

    kind: ClassVar[str] = "object"
    #: The Swedish name of the kind, as shown to readers.
    label: ClassVar[str] = N_("objekt")

    id: str
    docname: str
    lineno: int
    dnr: str
    title: str
    excerpts: tuple[Excerpt, ...] = ()
    #: Values of fields added by plugins, as (name, value) pairs.
    extra: tuple[tuple[str, str], ...] = ()
    #: The source line of each option written, as (option name folded, line).
    option_lines: tuple[tuple[str, int], ...] = ()
    #: False when its document is marked ``:publiceras: nej``: other pages
    #: then show nothing of it but its title (see :mod:`~.publishing`).
    published: bool = True

    def excerpt(self, name: str) -> Excerpt | None:
        for excerpt in self.excerpts:
            if excerpt.name == name:
                return excerpt
        return None

    @property
    def location(self) -> tuple[str, int]:
        return (self.docname, self.lineno)

    def line_of(self, option: str) -> int:
        """The line where ``option`` (folded name: ``"stallning"``) is
        written, else the object's own line."""
        return dict(self.option_lines).get(option, self.lineno)


@dataclass(frozen=True, kw_only=True)
class Arende(KommunObject):
    kind: ClassVar[str] = "arende"
    label: ClassVar[str] = N_("ärende")

    responsible: str = ""
    related: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """Diarienummer and rubrik: ``KS 2019/1899 Motion om …``."""
        return f"{self.dnr} {self.title}" if self.title != self.dnr else self.dnr


@dataclass(frozen=True, kw_only=True)
class Motion(KommunObject):
    kind: ClassVar[str] = "motion"
    label: ClassVar[str] = N_("motion")

    filed: dt.date | None = None
    body: str = "Kommunfullmäktige"
    authors: tuple[Person, ...] = ()

    def byline(self) -> str:
        """``Bengt Herke m.fl. (-)``: the first active motionär and party."""
        active = [p for p in self.authors if not p.withdrawn] or list(self.authors)
        if not active:
            return ""
        first = active[0]
        name = first.name + (" m.fl." if len(active) > 1 else "")
        parties = {p.party for p in active}
        party = first.party if len(parties) == 1 else ""
        return f"{name} ({party})" if party else name


@dataclass(frozen=True, kw_only=True)
class Yrkande(KommunObject):
    kind: ClassVar[str] = "yrkande"
    label: ClassVar[str] = N_("att-sats")

    motion: str
    number: int
    text: str = ""


@dataclass(frozen=True, kw_only=True)
class Remiss(KommunObject):
    kind: ClassVar[str] = "remiss"
    label: ClassVar[str] = N_("remiss")

    sender: str = "Kommunstyrelsen"
    date: dt.date | None = None
    deadline: dt.date | None = None
    instanser: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Yttrande(KommunObject):
    kind: ClassVar[str] = "yttrande"
    label: ClassVar[str] = N_("yttrande")

    instans: str
    forvaltning: str = ""
    #: Date of the förvaltning's tjänsteutlåtande.
    date: dt.date | None = None
    #: Date of the nämnd meeting that decided the answer.
    meeting: dt.date | None = None
    recipient: str = ""
    handlaggare: str = ""
    telefon: str = ""
    summary: str = ""
    positions: tuple[Position, ...] = ()
    signatories: tuple[Person, ...] = ()
    attestations: tuple[Person, ...] = ()
    bilagor: tuple[str, ...] = ()

    @property
    def author_body(self) -> str:
        """Who wrote the tjänsteutlåtande: the förvaltning, or the instans itself."""
        return self.forvaltning or self.instans

    @property
    def effective_date(self) -> dt.date | None:
        """The tjänsteutlåtande's date, or the last attestation date without one."""
        if self.date is not None:
            return self.date
        dates = [p.date for p in self.attestations if p.date is not None]
        return max(dates) if dates else None

    @property
    def answered_on(self) -> dt.date | None:
        """When the answer was given: the nämnd's meeting, else the document date."""
        return self.meeting or self.effective_date

    def position_for(self, number: int | None) -> str:
        """The ställning on att-sats ``number`` (or on the motion as a whole)."""
        return verdict_for(self.positions, number)


@dataclass(frozen=True, kw_only=True)
class Reservation(KommunObject):
    kind: ClassVar[str] = "reservation"
    label: ClassVar[str] = N_("reservation")

    #: reservation, särskilt uttalande, ersättaryttrande, protokollsanteckning
    type: str = "reservation"
    authors: tuple[Person, ...] = ()
    body: str = ""
    date: dt.date | None = None
    #: The reference as written (an id, an instans name, or "beslut").
    concerns_ref: str = ""


@dataclass(frozen=True, kw_only=True)
class Utlatande(KommunObject):
    kind: ClassVar[str] = "utlatande"
    label: ClassVar[str] = N_("utlåtande")

    rotel: str = ""
    body: str = "Kommunstyrelsen"
    presenter: str = ""
    presenter_title: str = "borgarrådet"
    proposal: str = ""
    date: dt.date | None = None
    place: str = ""
    signatories: tuple[Person, ...] = ()
    endorsed_by: str = ""
    final: bool = False
    #: Dates the utlåtande states for a tjänsteutlåtande, as (instans, date).
    stated_dates: tuple[tuple[str, dt.date], ...] = ()
    bilagor: tuple[str, ...] = ()

    def stated_date(self, instans: str) -> dt.date | None:
        for name, date in self.stated_dates:
            if name.casefold() == instans.casefold():
                return date
        return None


@dataclass(frozen=True, kw_only=True)
class Beslut(KommunObject):
    kind: ClassVar[str] = "beslut"
    label: ClassVar[str] = N_("beslut")

    body: str = "Kommunfullmäktige"
    date: dt.date | None = None
    outcomes: tuple[Outcome, ...] = ()

    def outcome_for(self, number: int) -> str:
        """The outcome for att-sats ``number`` (or for the motion as a whole)."""
        return verdict_for(self.outcomes, number)


@dataclass(frozen=True, kw_only=True)
class Sammantrade(KommunObject):
    """A meeting (e.g. of kommunfullmäktige) and the ärenden on its agenda."""

    kind: ClassVar[str] = "sammantrade"
    label: ClassVar[str] = N_("sammanträde")

    body: str = "Kommunfullmäktige"
    date: dt.date | None = None
    time: str = ""
    place: str = ""
    #: Diarienummer of the ärenden on the agenda, in order.
    items: tuple[str, ...] = ()


#: Every kind, by its name.
KINDS: dict[str, type[KommunObject]] = {
    cls.kind: cls
    for cls in (
        Arende,
        Motion,
        Yrkande,
        Remiss,
        Yttrande,
        Reservation,
        Utlatande,
        Beslut,
        Sammantrade,
    )
}


def dnr_slug(dnr: str) -> str:
    return slug(dnr) or "utan-dnr"


def default_id(kind: str, dnr: str, *parts: str) -> str:
    """The id an object gets when its author does not give one.

    Ids are derived from what the object is (its ärende and its natural key),
    so that other documents can refer to it without knowing the id.
    """
    base = dnr_slug(dnr)
    if kind == "arende":
        return base
    tail = "-".join(slug(p) for p in parts if p)
    name = {"utlatande": "utlåtande"}.get(kind, kind)
    return f"{base}-{name}" + (f"-{tail}" if tail else "")


@dataclass
class RoleRef:
    """A reference made from running text with one of the roles."""

    kind: str
    target: str
    refdnr: str
    docname: str
    lineno: int
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)
