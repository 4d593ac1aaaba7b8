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


def verdicts_text(verdicts: Iterable[Verdict]) -> str:
    """Verdicts as every page writes them: ``avstyrker`` on the whole, or
    ``1: avstyrker; 2: ingen erinran`` per att-sats."""
    return "; ".join(
        f"{v.yrkande}: {v.word}" if v.yrkande is not None else v.word for v in verdicts
    )


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
