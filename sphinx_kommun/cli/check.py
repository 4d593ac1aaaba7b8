"""``sphinx-kommun check``: validation only. The whole project is read and
every page resolved (Sphinx's ``dummy`` builder, in a temporary folder:
nothing is written, and nothing read earlier hides a warning); every
warning is printed with its file and line, and any warning is exit
status 1. ``--format json`` prints them as a JSON list for CI
annotations, ``--format github`` as GitHub Actions workflow commands."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from sphinx.errors import SphinxError

from .build import count
from .project import project_dir
from .sphinxrun import Problem, WarningStream, application, session
from .term import CliError, _, add_project_dir, paint, say

FORMATS = ("text", "json", "github")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "check",
        help=_("granska projektet utan att skriva något"),
        description=_(
            "Läser hela projektet och visar varje varning med fil och rad; "
            "avslutar med status 1 om det finns någon varning."
        ),
    )
    add_project_dir(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=_("utdataformat")
    )
    parser.set_defaults(run=run)


def problems(srcdir: Path) -> list[Problem]:
    """Every warning a full read and resolution of the project gives."""
    warnings = WarningStream()
    with tempfile.TemporaryDirectory(prefix="sphinx-kommun-check-") as scratch:
        try:
            with session(srcdir):
                app = application(
                    srcdir,
                    "dummy",
                    Path(scratch) / "out",
                    Path(scratch) / "doctrees",
                    warnings,
                )
                app.build()
        except SphinxError as error:
            raise CliError(str(error)) from error
    return [relative(problem, srcdir) for problem in warnings.records]


def relative(problem: Problem, srcdir: Path) -> Problem:
    """The file relative to the project, as a CI annotation wants it."""
    path = Path(problem.file)
    if problem.file and path.is_absolute() and path.is_relative_to(srcdir):
        return Problem(
            path.relative_to(srcdir).as_posix(),
            problem.line,
            problem.type,
            problem.subtype,
            problem.message,
        )
    return problem


def run(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    found = problems(srcdir)
    if args.format == "json":
        json.dump(
            [p.as_dict() for p in found], sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    elif args.format == "github":
        for problem in found:
            say(github(problem))
    else:
        for problem in found:
            say(paint(str(problem), "yellow", sys.stdout))
        if found:
            say(count(len(found)))
        else:
            say(paint(_("inga varningar"), "green", sys.stdout))
    return 1 if found else 0


def github(problem: Problem) -> str:
    """A GitHub Actions workflow command: an annotation at file and line."""
    place = [f"file={problem.file}"] if problem.file else []
    if problem.line:
        place.append(f"line={problem.line}")
    if problem.subtype:
        place.append(f"title={problem.type}.{problem.subtype}")
    message = (
        problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    )
    return f"::warning {','.join(place)}::{message}"
