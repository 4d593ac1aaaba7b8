"""``new yttrande`` and ``new reservation``: answers and reservations in
an ärende, the yttrande's instans checked against the ärende's remiss."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..swedish import normalise, slug
from ..vocabulary import RESERVATION_TYPES
from . import documents
from .files import arende_of, checked_dnr, free, listed, profile, write
from .project import Found, dnr_of, entries, of_arende, project_dir
from .term import CliError, _, ask, interactive
from .text import one_line


def instans_of_remiss(srcdir: Path, arende: Found, written: str | None) -> str:
    """The instans as the ärende's remiss spells it."""
    remisser = of_arende(srcdir, arende, "remiss")
    if not remisser:
        raise CliError(
            _(
                "ärendet %(dnr)s har ingen remiss; skapa den med: sphinx-kommun new remiss '%(dnr)s'"
            )
            % {"dnr": dnr_of(arende)}
        )
    instanser = [n for r in remisser for n in entries(r.options.get("instanser", ""))]
    if written is None and interactive():
        written = ask(
            _("Remissinstans (%(known)s)") % {"known": "; ".join(instanser)}, ""
        )
    if written is None:
        raise CliError(_("ange remissinstansen med --instans"))
    for name in instanser:
        if normalise(name) == normalise(written):
            return name
    raise CliError(
        _("'%(instans)s' står inte i remissen; dess instanser är: %(known)s")
        % {"instans": written, "known": "; ".join(instanser) or "–"}
    )


def reservation_type(written: str) -> str:
    for known in RESERVATION_TYPES:
        if normalise(known) == normalise(written):
            return known
    raise CliError(
        _("okänd typ '%(type)s'; kända är %(known)s")
        % {"type": written, "known": ", ".join(RESERVATION_TYPES)}
    )


def run_yttrande(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    arende = arende_of(srcdir, checked_dnr(srcdir, args.dnr))
    instans = instans_of_remiss(srcdir, arende, args.instans)
    for answer in of_arende(srcdir, arende, "yttrande"):
        if normalise(answer.argument) == normalise(instans):
            raise CliError(
                _("%(instans)s har redan ett yttrande i ärendet: %(path)s")
                % {"instans": instans, "path": answer.path.relative_to(srcdir)}
            )
    options = [
        ("forvaltning", args.forvaltning or ""),
        ("datum", args.datum or ""),
        ("sammantrade", args.sammantrade or ""),
        ("handlaggare", args.handlaggare or ""),
        ("sammanfattning", args.sammanfattning or ""),
        ("stallning", args.stallning or ""),
    ]
    sections = profile(srcdir).quoted_sections[:1]
    path = yttrande_path(arende, instans)
    write(path, documents.yttrande(dnr_of(arende), instans, options, sections), srcdir)
    listed(arende.path, path, srcdir)
    return 0


def yttrande_path(arende: Found, instans: str) -> Path:
    return free(arende.path.parent / "yttranden" / f"{slug(instans)}.rst")


def run_reservation(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    arende = arende_of(srcdir, checked_dnr(srcdir, args.dnr))
    kind = reservation_type(args.typ)
    authors = [one_line(a) for a in args.forfattare]
    if not authors and interactive():
        authors = entries(ask(_("Författare, Namn (Parti), åtskilda med ';'"), ""))
    options: list[tuple[str, str | list[str]]] = [
        ("typ", kind),
        ("organ", args.organ or ""),
        ("forfattare", authors),
        ("avser", args.avser or ""),
        ("datum", args.datum or ""),
    ]
    first = authors[0].split("(")[0] if authors else ""
    name = "-".join(part for part in (slug(kind), slug(first)) if part)
    path = free(arende.path.parent / "reservationer" / f"{name}.rst")
    title = kind[:1].upper() + kind[1:]
    if authors:
        title = _("%(kind)s av %(who)s") % {"kind": title, "who": authors[0]}
    write(path, documents.reservation(dnr_of(arende), title, options), srcdir)
    listed(arende.path, path, srcdir)
    return 0
