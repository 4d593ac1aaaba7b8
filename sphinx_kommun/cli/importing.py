"""``sphinx-kommun import FILE.docx``: a förvaltning's answer written in
Word, as a ``yttrande`` directive.

Its header table gives the options (Nämnd, Förvaltning, Datum, Diarienummer
…), its headings the yttrande's sections, its lists and tables are kept
(``wordfile.py``). With the ärende known (``--arende``, or the header's
diarienummer of an ärende in the project) the yttrande is written beside
its ärende's other answers and added to its toctree, its instans spelled
as the remiss spells it; otherwise the reST is printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..swedish import capitalise, normalise
from . import documents
from .answers import yttrande_path
from .files import listed, write
from .project import Found, dnr_of, entries, find_arende, of_arende, project_dir
from .term import CliError, _, add_project_dir, warn

#: The options a yttrande's header takes from the Word file, in order.
ORDER = (
    "forvaltning", "avdelning", "datum", "sammantrade", "till",
    "handlaggare", "telefon", "rubrik", "sammanfattning", "stallning",
)  # fmt: skip


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "import",
        help=_("gör ett yttrande av en Word-fil (.docx)"),
        description=_(
            "Gör om en förvaltnings svar skrivet i Word till ett yttrande: "
            "huvudets tabell blir alternativ, rubrikerna avsnitt, listor och "
            'tabeller behålls. Kräver python-docx: pip install "sphinx-kommun[word]".'
        ),
    )
    parser.add_argument("file", metavar=_("FIL.docx"), type=Path)
    parser.add_argument("--arende", metavar="DNR", help=_("ärendet svaret hör till"))
    parser.add_argument(
        "--instans", help=_("remissinstansen, om Word-filen inte anger den")
    )
    add_project_dir(parser, option=True)
    parser.add_argument(
        "--ut", type=Path, metavar=_("FIL"), help=_("skriv hit i stället")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from . import wordfile
    except ImportError as error:  # pragma: no cover - the [word] extra
        raise CliError(
            _('python-docx saknas: pip install "sphinx-kommun[word]"')
        ) from error
    if not args.file.is_file():
        raise CliError(_("%(path)s finns inte") % {"path": args.file})
    try:
        answer = wordfile.read(args.file)
    except Exception as error:  # python-docx's errors for a file that is no .docx
        raise CliError(
            _("%(path)s kan inte läsas som en Word-fil: %(error)s")
            % {"path": args.file, "error": error}
        ) from error
    for what, where in answer.left_out:
        warn(
            _("%(what)s i Word-filen togs inte med; den stod vid '%(where)s'")
            % {"what": capitalise(_(what)), "where": where}
        )
    instans = args.instans or answer.fields.get("", "")
    dnr = args.arende or answer.fields.get("dnr", "")
    arende = _arende(args, dnr)
    if arende is not None:
        instans = _as_in_remiss(arende, instans)
        dnr = dnr_of(arende)
    if not instans:
        warn(_("Word-filen anger ingen remissinstans; ange den med --instans"))
    fields = {"rubrik": answer.title, **answer.fields}
    options = [
        (name, fields.get(name, ""))
        for name in ORDER
        if fields.get(name) or name in ("sammanfattning", "stallning")
    ]
    text = documents.yttrande(dnr, instans, options, body=answer.body)
    return _place(args, arende, instans, text)


def _arende(args: argparse.Namespace, dnr: str) -> Found | None:
    if args.ut is not None and not args.arende:
        return None
    try:
        srcdir = project_dir(args.dir)
    except CliError:
        if args.arende:
            raise
        return None
    found = find_arende(srcdir, dnr) if dnr else None
    if args.arende and found is None:
        raise CliError(_("ärendet %(dnr)s finns inte") % {"dnr": args.arende})
    return found


def _as_in_remiss(arende: Found, instans: str) -> str:
    names = [
        name
        for remiss in of_arende(_root(arende), arende, "remiss")
        for name in entries(remiss.options.get("instanser", ""))
    ]
    for name in names:
        if normalise(name) == normalise(instans):
            return name
    if instans:
        warn(
            _(
                "'%(instans)s' står inte i ärendets remiss (%(known)s); bygget varnar för det"
            )
            % {"instans": instans, "known": "; ".join(names) or "–"}
        )
    return instans


def _root(arende: Found) -> Path:
    """The project's folder: the nearest folder above the ärende with a conf.py."""
    for folder in arende.path.parents:
        if (folder / "conf.py").is_file():
            return folder
    return arende.path.parent


def _place(
    args: argparse.Namespace, arende: Found | None, instans: str, text: str
) -> int:
    if args.ut is not None:
        args.ut.write_text(text, encoding="utf-8")
        return 0
    if arende is None:
        sys.stdout.write(text)
        return 0
    srcdir = _root(arende)
    path = yttrande_path(arende, instans or args.file.stem)
    write(path, text, srcdir)
    listed(arende.path, path, srcdir)
    return 0
