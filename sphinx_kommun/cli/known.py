"""What the project already has that a new document takes its values
from: an ärende's initiating documents and their att-satser, its
proposals and beslut, a sammanträde by its date, the register of members.

Read from the sources as text, as :mod:`.project` reads them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..domain.members import load
from ..domain.model import default_id
from ..kinds.tjansteskrivelse import tjansteskrivelse_id
from ..swedish import fold, normalise
from .project import (
    DIRECTIVE,
    Found,
    conf_values,
    directives,
    dnr_of,
    entries,
    of_arende,
    sources,
)
from .term import CliError, _
from .text import one_line

#: the initiating documents' directives, folded
INITIATING = ("motion", "skrivelse", "medborgarforslag", "e-forslag", "framstallning")
#: an att-sats inside one, in reST or MyST
YRKANDE = re.compile(r"^\s*(?:\.\. |(?:`{3,}|:{3,})\{)(?:kommun:)?(?:yrkande|att-sats)")


@dataclass(frozen=True)
class Initiating:
    """An initiating document of the ärende: its own dnr and how many
    att-satser it has."""

    found: Found
    own_dnr: str
    att_satser: int


def initiating(srcdir: Path, arende: Found) -> list[Initiating]:
    """The ärende's initiating documents, in the order of its files."""
    dnr = dnr_of(arende)
    result = []
    for kind in INITIATING:
        for found in of_arende(srcdir, arende, kind):
            named = [one_line(d) for d in found.options.get("dnr", "").split(",")]
            own = next((d for d in named if d and d != dnr), dnr)
            result.append(Initiating(found, own, _att_satser(found)))
    return sorted(result, key=lambda doc: (doc.found.path, doc.found.line))


def _att_satser(found: Found) -> int:
    """The yrkande directives after ``found`` up to the file's next
    directive of another kind."""
    lines = found.path.read_text(encoding="utf-8", errors="replace").splitlines()
    count = 0
    for line in lines[found.line :]:
        if YRKANDE.match(line):
            count += 1
        elif DIRECTIVE.match(line):
            break
    return count


def per_att_sats(docs: list[Initiating]) -> list[str]:
    """A keyword per att-sats of the initiating documents, each left for
    the clerk to write (``1:``, ``2:``; with several documents
    ``0398/21:1:`` or, for one without att-satser, ``0412/21:``)."""
    if len(docs) == 1:
        return [f"{n}:" for n in range(1, docs[0].att_satser + 1)]
    keys = []
    for doc in docs:
        if doc.att_satser:
            keys += [f"{doc.own_dnr}:{n}:" for n in range(1, doc.att_satser + 1)]
        else:
            keys.append(f"{doc.own_dnr}:")
    return keys


def proposals(srcdir: Path, arende: Found) -> list[Found]:
    """The ärende's tjänsteskrivelser and utlåtanden, utlåtanden last."""
    return [
        *of_arende(srcdir, arende, "tjansteskrivelse"),
        *of_arende(srcdir, arende, "utlatande"),
    ]


def addressee(proposal: Found, council: str) -> str:
    """The body a proposal is addressed to (an utlåtande's default is
    fullmäktige; "" for a tjänsteskrivelse without ``:till:``)."""
    till = one_line(proposal.options.get("till", ""))
    return till or (council if proposal.kind == "utlatande" else "")


def deciding_body(srcdir: Path, arende: Found, council: str) -> str:
    """Who decides the ärende: the body the last proposal is addressed to
    (an utlåtande's default is fullmäktige), else fullmäktige."""
    for found in reversed(proposals(srcdir, arende)):
        if addressee(found, council):
            return addressee(found, council)
    return council


def proposal_id(proposal: Found, dnr: str) -> str:
    """The id the build gives a tjänsteskrivelse or utlåtande of ärende
    ``dnr``: its ``:id:``, else the one made of what it is (as
    :mod:`sphinx_kommun.kinds.tjansteskrivelse` and ``utlatande`` make it)."""
    explicit = proposal.options.get("id", "").strip()
    if explicit:
        return explicit
    if proposal.kind == "utlatande":
        return default_id("utlatande", dnr)
    named = [one_line(d) for d in re.split(r"[,;\n]", proposal.options.get("dnr", ""))]
    forvaltning = proposal.options.get("forvaltning", "")
    return tjansteskrivelse_id(dnr, named, forvaltning, proposal.argument)


def decided_on(
    srcdir: Path, arende: Found, organ: str, council: str
) -> tuple[str, list[Found], list[str]]:
    """What a beslut of ``organ`` decides on, by default: the id of the
    last proposal addressed to it, else of the ärende's only one ("" with
    none or several); and the ärende's proposals and their ids."""
    found = proposals(srcdir, arende)
    ids = [proposal_id(p, dnr_of(arende)) for p in found]
    addressed = [
        ident
        for proposal, ident in zip(found, ids, strict=True)
        if normalise(addressee(proposal, council)) == normalise(organ)
    ]
    chosen = (addressed or ids)[-1] if addressed or len(ids) == 1 else ""
    return chosen, found, ids


def beslut_of(srcdir: Path, arende: Found, organ: str, council: str) -> Found | None:
    """The ärende's last beslut of ``organ``."""
    found = [
        b
        for b in of_arende(srcdir, arende, "beslut")
        if normalise(b.options.get("organ") or council) == normalise(organ)
    ]
    return found[-1] if found else None


def meetings(srcdir: Path) -> list[Found]:
    return [m for path in sources(srcdir) for m in directives(path, ("sammantrade",))]


def organ_of(meeting: Found, council: str) -> str:
    return one_line(meeting.options.get("organ") or council)


def meeting_on(srcdir: Path, day: str, organ: str | None, council: str) -> Found:
    """The sammanträde on ``day`` (of ``organ`` when given)."""
    found = [m for m in meetings(srcdir) if m.options.get("datum", "").strip() == day]
    if organ:
        found = [m for m in found if fold(organ_of(m, council)) == fold(organ)]
    if not found:
        raise CliError(
            _(
                "det finns inget sammanträde den %(day)s; skapa det med: "
                "sphinx-kommun new sammantrade %(day)s"
            )
            % {"day": day}
        )
    if len(found) > 1:
        raise CliError(
            _("flera sammanträden den %(day)s (%(organs)s): ange --organ")
            % {"day": day, "organs": "; ".join(organ_of(m, council) for m in found)}
        )
    return found[0]


def meeting_date(srcdir: Path, dnr: str, organ: str, council: str) -> str:
    """The date of ``organ``'s sammanträde with the ärende on its agenda."""
    for meeting in meetings(srcdir):
        if fold(organ_of(meeting, council)) == fold(organ) and dnr in [
            one_line(d) for d in entries(meeting.options.get("arenden", ""))
        ]:
            return meeting.options.get("datum", "").strip()
    return ""


@dataclass(frozen=True)
class Seated:
    """Who holds a seat in a body on a day, by the register of members:
    its ledamöter and ersättare, ``Name (Party)``, and its number of seats."""

    ledamoter: list[str]
    ersattare: list[str]
    seats: int


def registered(srcdir: Path, organ: str, day: str) -> Seated | None:
    """The ledamöter and ersättare of ``organ`` on ``day`` in the register
    of members; None without a register or the body in it."""
    files = conf_values(srcdir).get("kommun_ledamoter") or []
    if isinstance(files, str):
        files = [files]
    if not files:
        return None
    register, _problems = load([srcdir / str(name) for name in files])
    body = register.body(organ)
    if body is None:
        return None
    try:
        when: dt.date | None = dt.date.fromisoformat(day)
    except ValueError:
        when = None
    return Seated(
        [m.with_party() for m in body.ledamoter if m.seated_on(when)],
        [m.with_party() for m in body.ersattare if m.seated_on(when)],
        body.seats,
    )
