"""What every object of an ärende is made of.

Objects are frozen, picklable dataclasses: :class:`KommunObject` and, one
per kind, its subclasses (declared with their kind in
:mod:`sphinx_kommun.kinds`), built of the values here (people, verdicts,
excerpts). They are created while a document is read and kept by
:class:`~sphinx_kommun.domain.store.KommunDomain`, keyed by the document they
come from. Nothing here knows about docutils nodes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from ..i18n import N_, _
from ..swedish import slug
from ..vocabulary import readable


@dataclass(frozen=True)
class Person:
    """A person as named in a document: motionär, signatory, author, attester."""

    name: str
    party: str = ""
    role: str = ""
    date: dt.date | None = None
    withdrawn: bool = False
    note: str = ""
    #: written "m.fl." (med flera): the person and others not named; the
    #: name is the person's own
    others: bool = False

    def with_party(self) -> str:
        """``Bengt Herke (-)``, ``Niklas Thorén m.fl. (V)``, or just the
        name when there is no party."""
        name = _("%(name)s m.fl.") % {"name": self.name} if self.others else self.name
        return f"{name} ({self.party})" if self.party else name


@dataclass(frozen=True)
class Verdict:
    """A word on something a decision is about.

    ``number`` and ``target`` say what: neither, the whole (every att-sats,
    every beslutspunkt); a number alone, att-sats N of the ärende's
    initiating document (beslutspunkt N when the decision is on a proposal
    with numbered points); ``target`` alone, the initiating document,
    att-sats or beslutspunkt it names (an id or a dnr); both, att-sats N of
    the document named.
    """

    word: str
    number: int | None = None
    target: str = ""

    @property
    def general(self) -> bool:
        return self.number is None and not self.target

    def key(self) -> str:
        """What it is on, as written: ``2``, ``KS 2023/456``, ``KS 2023/456:2``."""
        number = "" if self.number is None else str(self.number)
        return ":".join(part for part in (self.target, number) if part)


class Position(Verdict):
    """An yttrande's ställning."""


class Outcome(Verdict):
    """A beslut's outcome."""


def verdicts_text(verdicts: Iterable[Verdict]) -> str:
    """Verdicts as every page writes them: ``avstyrker`` on the whole, or
    ``1: avstyrker; 2: ingen erinran`` per att-sats (``KS 2023/456: avslag``
    on a document named)."""
    return "; ".join(f"{v.key()}: {v.word}" if v.key() else v.word for v in verdicts)


def verdicts_read(verdicts: Iterable[Verdict]) -> str:
    """:func:`verdicts_text` with each word as a reader reads it, in the
    build's language (``1: rejected; 2: no objection``)."""
    return "; ".join(
        f"{v.key()}: {readable(v.word)}" if v.key() else readable(v.word)
        for v in verdicts
    )


@dataclass(frozen=True)
class Excerpt:
    """A part of a document that generated text quotes (by marking its nodes)."""

    name: str
    #: Of the quoted nodes, set once the document is read.
    digest: str = ""


#: What a person did in an object (:attr:`Participation.what`).
SIGNED = "signed"
PROPOSED = "proposed"
RESERVED = "reserved"
VOTED = "voted"
ATTESTED = "attested"


@dataclass(frozen=True)
class Participation:
    """A person named in an object and what they did there: ``what`` is one
    of :data:`SIGNED`, :data:`PROPOSED` (a motion, a yrkande),
    :data:`RESERVED`, :data:`VOTED`, :data:`ATTESTED`; ``detail`` says more
    ("ja", "nej", "avstår" for a vote; the kind of a reservation)."""

    name: str
    what: str
    detail: str = ""
    #: the party written with the name (tells namesakes apart)
    party: str = ""
    #: the option it is written in (folded name; "": the object's line), for
    #: a warning's line only
    option: str = field(default="", compare=False)


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
    #: Every diarienummer written on it, when that is not just ``dnr``
    #: (several, or its own beside its ärende's): see :attr:`own_dnr`.
    dnrs: tuple[str, ...] = ()
    #: False when its document is marked ``:publiceras: nej``: other pages
    #: then show nothing of it but its title (see :mod:`~.publishing`).
    published: bool = True

    #: The fields of people (tuples of :class:`Person`) and what the people
    #: named there did, for the person pages: ``{"authors": SIGNED}``.
    people_fields: ClassVar[dict[str, str]] = {}
    #: The option each field of people is written in: ``{"authors": "motionarer"}``.
    people_options: ClassVar[dict[str, str]] = {}

    def participants(self) -> tuple[Participation, ...]:
        """The people this object names and what each did (signed, proposed,
        reserved, voted …): what a person's page lists. Withdrawn people
        are left out. A kind with more to say (votes) overrides it."""
        return tuple(
            Participation(
                person.name,
                what,
                party=person.party,
                option=self.people_options.get(name, ""),
            )
            for name, what in self.people_fields.items()
            for person in getattr(self, name, ())
            if not person.withdrawn
        )

    def excerpt(self, name: str) -> Excerpt | None:
        for excerpt in self.excerpts:
            if excerpt.name == name:
                return excerpt
        return None

    @property
    def own_dnr(self) -> str:
        """The diarienummer it carries itself: the first written that is
        not its ärende's, else its ärende's."""
        return next((dnr for dnr in self.dnrs if dnr != self.dnr), self.dnr)

    @property
    def location(self) -> tuple[str, int]:
        return (self.docname, self.lineno)

    def line_of(self, option: str) -> int:
        """The line where ``option`` (folded name: ``"stallning"``) is
        written, else the object's own line."""
        return dict(self.option_lines).get(option, self.lineno)


def dnr_slug(dnr: str) -> str:
    return slug(dnr) or "utan-dnr"


#: Kind names as ids spell them.
SPELLED = {
    "utlatande": "utlåtande",
    "tjansteskrivelse": "tjänsteskrivelse",
    "medborgarforslag": "medborgarförslag",
    "e-forslag": "e-förslag",
    "framstallning": "framställning",
}


def default_id(kind: str, dnr: str, *parts: str) -> str:
    """The id an object gets when its author does not give one.

    Ids are derived from what the object is (its ärende and its natural key),
    so that other documents can refer to it without knowing the id.
    """
    base = dnr_slug(dnr)
    if kind == "arende":
        return base
    tail = "-".join(slug(p) for p in parts if p)
    name = SPELLED.get(kind, kind)
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
