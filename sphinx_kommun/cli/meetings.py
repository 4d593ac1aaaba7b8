"""``new kallelse`` and ``new protokoll``: a sammanträde's notice, on the
meeting's page before its föredragningslista, and its protokoll, on a page
of its own in the meeting page's toctree, with the body, date, time and
place of the sammanträde and a § for each ärende on its agenda."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..swedish import format_date, genitive, join
from . import documents, known
from .files import add, date, profile
from .project import directives, entries, find_arende, project_dir
from .term import CliError, _, say, warn
from .text import one_line

Kind = Callable[..., argparse.ArgumentParser]


def add_parsers(kinds: Any, kind: Kind) -> None:
    kallelse = kind(
        kinds, "kallelse", _("kallelsen till ett sammanträde, på dess sida"), dnr=False
    )
    _meeting(kallelse)
    kallelse.add_argument(
        "--skickas", type=date, help=_("dagen kallelsen skickas (förval: i dag)")
    )
    kallelse.add_argument(
        "--undertecknare",
        action="append",
        default=[],
        help=_("Namn, roll (förval: organets ordförande i registret)"),
    )
    kallelse.set_defaults(run=run_kallelse)
    protokoll = kind(
        kinds, "protokoll", _("protokollet från ett sammanträde"), dnr=False
    )
    _meeting(protokoll)
    _protokoll(protokoll)
    protokoll.set_defaults(run=run_protokoll)


def _meeting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "datum",
        metavar=_("DATUM"),
        type=date,
        help=_("sammanträdets datum, ÅÅÅÅ-MM-DD"),
    )
    parser.add_argument(
        "--organ", help=_("sammanträdets organ, när flera sammanträder den dagen")
    )


def _protokoll(parser: argparse.ArgumentParser) -> None:
    people = {
        "--ledamot": _("en tjänstgörande ledamot, Namn (Parti) (förval: registrets)"),
        "--ersattare": _(
            "en tjänstgörande ersättare, Namn (Parti) för Namn (Parti), flera "
            "gånger (förval: registrets ersättare, för vem skrivs in efteråt)"
        ),
        "--ovriga": _("övriga närvarande, Namn, roll, flera gånger"),
        "--justerare": _("en justerare, Namn (Parti), flera gånger"),
    }
    for flag, help in people.items():
        parser.add_argument(flag, action="append", default=[], help=help)
    parser.add_argument(
        "--tid", help=_("tid, t.ex. 18.00–20.30 (förval: sammanträdets)")
    )
    parser.add_argument("--plats", help=_("plats (förval: sammanträdets)"))
    parser.add_argument("--sekreterare", help=_("sekreterare"))
    parser.add_argument(
        "--justering",
        help=_('"ÅÅÅÅ-MM-DD, plats" eller "ÅÅÅÅ-MM-DD, digital justering"'),
    )
    parser.add_argument("--anslag", type=date, help=_("dagen justeringen anslås"))
    parser.add_argument("--forvaringsplats", help=_("var protokollet förvaras"))


def _words(values: list[str]) -> list[str]:
    return [one_line(v) for v in values if v.strip()]


def run_kallelse(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    council = profile(srcdir).council
    meeting = known.meeting_on(srcdir, args.datum, args.organ, council)
    page = meeting.path
    if directives(page, ("kallelse",)):
        raise CliError(
            _("%(path)s har redan en kallelse") % {"path": page.relative_to(srcdir)}
        )
    options: list[tuple[str, str | list[str]]] = [
        ("datum", args.skickas or dt.date.today().isoformat()),
    ]
    signers = _words(args.undertecknare)
    if signers:
        options.append(("undertecknare", signers))
    organ = known.organ_of(meeting, council)
    lines = page.read_text(encoding="utf-8").splitlines()
    at = meeting.line - 1
    lines[at:at] = _kallelse(page, options)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    say(_("lade till en kallelse i %(path)s") % {"path": page.relative_to(srcdir)})
    if known.registered(srcdir, organ, args.datum) is None:
        warn(
            _(
                "%(organ)s finns inte i registret över ledamöter (kommun_ledamoter): "
                "kallelsen kan inte namnge de kallade"
            )
            % {"organ": organ}
        )
    return 0


def _kallelse(page: Path, options: list[tuple[str, str | list[str]]]) -> list[str]:
    """The kallelse directive, before the sammanträde's."""
    if page.suffix == ".md":
        lines = ["```{kallelse}"]
        for name, value in options:
            lines += (
                [f":{name}: {value}"]
                if isinstance(value, str)
                else [f":{name}:", *(f"  {v}" for v in value)]
            )
        return [*lines, "```", ""]
    return [
        *documents.directive("kallelse", "", options),
        *documents.placeholder(
            _("Skriv kallelsens text här, t.ex. till vem förhinder anmäls.")
        ),
        "",
    ]


def run_protokoll(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    council = profile(srcdir).council
    meeting = known.meeting_on(srcdir, args.datum, args.organ, council)
    organ = known.organ_of(meeting, council)
    members, substitutes, unknown = _attendance(args, srcdir, organ)
    adjusters = _words(args.justerare)
    options: list[tuple[str, str | list[str]]] = [
        ("organ", organ),
        ("datum", args.datum),
        ("tid", one_line(args.tid or meeting.options.get("tid", ""))),
        ("plats", one_line(args.plats or meeting.options.get("plats", ""))),
        ("ledamoter", members),
        ("ersattare", substitutes),
        ("ovriga", _words(args.ovriga)),
        ("sekreterare", one_line(args.sekreterare or "")),
        ("justerare", adjusters),
        ("justering", one_line(args.justering or "")),
        ("anslag", args.anslag or ""),
        ("forvaringsplats", one_line(args.forvaringsplats or "")),
    ]
    day = dt.date.fromisoformat(args.datum)
    title = _("%(organ_gen)s protokoll %(date)s") % {
        "organ_gen": genitive(organ),
        "date": format_date(day, "sv"),
    }
    lines = [*documents.heading(title), *documents.directive("protokoll", "", options)]
    if unknown:
        lines += documents.placeholder(
            _(
                "Stryk de ledamöter och ersättare som inte tjänstgjorde, och skriv "
                "för vem varje ersättare tjänstgjorde: 'Namn (Parti) för Namn (Parti)'."
            )
        )
    if adjusters:
        lines += _paragraf(
            _("Val av justerare"),
            [],
            [
                _("%(organ)s utser %(names)s att justera protokollet.")
                % {"organ": organ, "names": join(adjusters, "sv")}
            ],
        )
    for dnr in entries(meeting.options.get("arenden", "")):
        lines += _arende(srcdir, dnr, organ, council)
    add(
        meeting.path,
        meeting.path.with_name(f"{meeting.path.stem}-protokoll.rst"),
        "\n".join(lines) + "\n",
        srcdir,
    )
    return 0


def _attendance(
    args: argparse.Namespace, srcdir: Path, organ: str
) -> tuple[list[str], list[str], bool]:
    """The protokoll's ledamöter and ersättare, and whether the ersättare
    are the register's, for the clerk to complete: ``--ledamot`` (else the
    register's ledamöter of the day) and ``--ersattare`` (else the
    register's ersättare, written without whom they serve for, which
    ``check`` names, unless ``--ledamot`` fills every seat)."""
    seated = known.registered(srcdir, organ, args.datum)
    members = _words(args.ledamot) or (seated.ledamoter if seated else [])
    substitutes = _words(args.ersattare)
    if substitutes or seated is None or not seated.ersattare:
        return members, substitutes, False
    if args.ledamot and len(members) >= max(seated.seats, len(seated.ledamoter)):
        return members, [], False
    return members, seated.ersattare, True


def _arende(srcdir: Path, dnr: str, organ: str, council: str) -> list[str]:
    """The § of an ärende on the agenda: its rubrik, and the outcome and
    underlag of the ärende's beslut of the body, if there is one (else the
    proposal addressed to the body, as ``new beslut`` finds it)."""
    arende = find_arende(srcdir, dnr)
    title, outcome, underlag = dnr, "", ""
    if arende is not None:
        title = one_line(arende.options.get("rubrik", "")) or dnr
        beslut = known.beslut_of(srcdir, arende, organ, council)
        outcome = one_line(beslut.options.get("utfall", "")) if beslut else ""
        underlag = (beslut.options.get("underlag", "") if beslut else "").strip()
        underlag = underlag or known.decided_on(srcdir, arende, organ, council)[0]
    return _paragraf(
        title,
        [("dnr", dnr), ("utfall", outcome), ("underlag", underlag)],
        [".. " + _("Skriv paragrafens text här: vad organet beslutar.")],
    )


def _paragraf(title: str, options: list[tuple[str, str]], text: list[str]) -> list[str]:
    """A ``paragraf`` inside the protokoll."""
    inner = [
        *documents.directive("paragraf", title, options),
        "",
        *("   " + line for line in text),
    ]
    return ["", *("   " + line if line else "" for line in inner)]
