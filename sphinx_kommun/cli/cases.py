"""``new arende``, ``new remiss`` and ``new sammantrade``."""

from __future__ import annotations

import argparse
import datetime as dt

from ..swedish import format_date, slug
from . import documents
from .files import (
    ARENDEN,
    SAMMANTRADEN,
    add,
    arende_of,
    checked_dnr,
    listed,
    profile,
    root_page,
    write,
)
from .project import dnr_of, entries, find_arende, project_dir
from .term import CliError, _, ask, interactive
from .text import one_line


def run_arende(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    dnr = checked_dnr(srcdir, args.dnr)
    if find_arende(srcdir, dnr) is not None:
        raise CliError(_("ärendet %(dnr)s finns redan") % {"dnr": dnr})
    rubrik = args.rubrik
    if rubrik is None and interactive():
        rubrik = ask(_("Ärendets rubrik"), "")
    ansvarig = args.ansvarig or profile(srcdir).board
    page = srcdir / ARENDEN / slug(dnr) / "index.rst"
    write(page, documents.arende(dnr, rubrik or "", ansvarig), srcdir)
    listed(root_page(srcdir), page, srcdir, _("Ärenden"))
    return 0


def run_remiss(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    arende = arende_of(srcdir, checked_dnr(srcdir, args.dnr))
    dnr = dnr_of(arende)
    instanser = [one_line(name) for name in args.instans]
    if not instanser and interactive():
        instanser = entries(ask(_("Remissinstanser, åtskilda med ';'"), ""))
    options = [
        ("avsandare", args.avsandare or profile(srcdir).board),
        ("datum", args.datum or dt.date.today().isoformat()),
        ("svar-senast", args.svar_senast or ""),
    ]
    add(
        arende.path,
        arende.path.parent / "remiss.rst",
        documents.remiss(dnr, instanser, options),
        srcdir,
    )
    return 0


def run_sammantrade(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    organ = one_line(args.organ or profile(srcdir).council)
    arenden = []
    for written in args.arende:
        dnr = checked_dnr(srcdir, written)
        arende_of(srcdir, dnr)
        arenden.append(dnr)
    day = dt.date.fromisoformat(args.datum)
    title = f"{organ} {format_date(day, 'sv')}"
    options = [
        ("organ", organ),
        ("datum", args.datum),
        ("tid", args.tid or ""),
        ("plats", args.plats or ""),
    ]
    path = srcdir / SAMMANTRADEN / f"{slug(organ)}-{args.datum}.rst"
    if path.exists():
        raise CliError(_("%(path)s finns redan") % {"path": path.relative_to(srcdir)})
    write(path, documents.sammantrade(title, options, arenden), srcdir)
    listed(root_page(srcdir), path, srcdir, _("Sammanträden"))
    return 0
