"""``sphinx-kommun build``: the handlingar as HTML and as PDFs.

HTML and LaTeX share one doctree and environment directory
(``_build/doctrees``), so the PDFs after the HTML read nothing that has not
changed; the PDFs are made with latexmk (Sphinx's ``make all-pdf``) and
copied to ``_build/html/pdf/``, where ``kommun_pdf_url = "pdf/"`` (as
``init`` sets it) links them from each ärende's and meeting's page.
``-W`` makes any warning fail the build, as in sphinx-build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from sphinx.errors import SphinxError

from .progress import Progress
from .project import project_dir
from .sphinxrun import Problem, WarningStream, application, session
from .term import CliError, _, add_project_dir, paint, say


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "build",
        help=_("bygg HTML och PDF"),
        description=_(
            "Bygger handlingarna som HTML och PDF i _build; HTML och PDF "
            "delar en miljö, så PDF:erna läser inget som redan är läst."
        ),
    )
    add_project_dir(parser)
    parser.add_argument(
        "-W", dest="strict", action="store_true", help=_("varningar är fel")
    )
    parser.add_argument(
        "--utan-pdf", dest="pdf", action="store_false", help=_("bara HTML")
    )
    parser.add_argument(
        "-v",
        dest="verbose",
        action="store_true",
        help=_("visa Sphinx egna meddelanden"),
    )
    parser.set_defaults(run=run)


def count(number: int) -> str:
    """'1 varning', '3 varningar'."""
    if number == 1:
        return _("1 varning")
    return _("%(count)d varningar") % {"count": number}


def show(problem: Problem) -> None:
    print(paint(str(problem), "yellow", sys.stderr), file=sys.stderr)


def sphinx(srcdir: Path, builder: str, args: argparse.Namespace) -> Progress:
    """One Sphinx build of the project into _build/<builder>."""
    build = srcdir / "_build"
    progress = Progress(builder.upper())
    warnings = WarningStream(show)
    try:
        with session(srcdir):
            app = application(
                srcdir,
                builder,
                build / builder,
                build / "doctrees",
                warnings,
                status=sys.stdout if args.verbose else None,
                strict=args.strict,
            )
            progress.attach(app)
            app.build()
    except SphinxError as error:
        raise CliError(str(error)) from error
    if app.statuscode:
        raise CliError(
            _("bygget misslyckades: %(count)s")
            % {"count": count(len(warnings.records))}
        )
    return progress


def pdfs(latex: Path, html: Path) -> list[Path]:
    """latexmk in the LaTeX folder; the PDFs copied beside the HTML."""
    make = os.environ.get("MAKE", "make")
    log = latex / "__LATEXSTDOUT__"
    with log.open("w", encoding="utf-8") as out:
        try:
            status = subprocess.call(
                [make, "all-pdf", "LATEXOPTS=-halt-on-error -interaction=nonstopmode"],
                cwd=latex,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        except OSError as error:
            raise CliError(
                _("%(make)s saknas: PDF:erna kräver make och latexmk (TeX Live)")
                % {"make": make}
            ) from error
    if status:
        raise CliError(_("LaTeX kunde inte göra PDF:erna; se %(log)s") % {"log": log})
    made = sorted(latex.glob("*.pdf"))
    (html / "pdf").mkdir(parents=True, exist_ok=True)
    for pdf in made:
        shutil.copy2(pdf, html / "pdf" / pdf.name)
    return made


def run(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    html = sphinx(srcdir, "html", args)
    say(
        _("HTML: %(path)s (%(read)d lästa, %(written)d skrivna)")
        % {
            "path": srcdir / "_build" / "html" / "index.html",
            "read": html.read,
            "written": html.written,
        }
    )
    if args.pdf:
        latex = sphinx(srcdir, "latex", args)
        made = pdfs(srcdir / "_build" / "latex", srcdir / "_build" / "html")
        say(
            _("PDF: %(count)d i %(path)s (%(read)d lästa)")
            % {
                "count": len(made),
                "path": srcdir / "_build" / "html" / "pdf",
                "read": latex.read,
            }
        )
    return 0
