"""What the ``new`` and ``import`` commands share: the project's profile,
its diarienummer, and writing a document into its place and toctree."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..profiles import PROFILES, Profile
from ..swedish import parse_date
from . import toctree
from .project import Found, conf_values, find_arende
from .term import CliError, _, say
from .text import one_line

ARENDEN = "arenden"
SAMMANTRADEN = "sammantraden"


def date(text: str) -> str:
    """An argument that must be a date (exit status 2 if it is not)."""
    try:
        return parse_date(text).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def profile(srcdir: Path) -> Profile:
    conf = conf_values(srcdir)
    chosen = PROFILES.get(str(conf.get("kommun_profile", "kommun")), PROFILES["kommun"])
    return chosen.replace(
        {
            key: conf[f"kommun_{key}"]
            for key in ("municipality", "dnr_pattern")
            if conf.get(f"kommun_{key}")
        }
    )


def checked_dnr(srcdir: Path, dnr: str) -> str:
    dnr = one_line(dnr)
    if not re.match(profile(srcdir).dnr_pattern, dnr):
        raise CliError(
            _("'%(dnr)s' är inget diarienummer enligt projektets kommun_dnr_pattern")
            % {"dnr": dnr}
        )
    return dnr


def arende_of(srcdir: Path, dnr: str) -> Found:
    found = find_arende(srcdir, dnr)
    if found is None:
        raise CliError(
            _(
                "ärendet %(dnr)s finns inte; skapa det med: sphinx-kommun new arende '%(dnr)s'"
            )
            % {"dnr": dnr}
        )
    return found


def write(path: Path, text: str, srcdir: Path) -> None:
    if path.exists():
        raise CliError(_("%(path)s finns redan") % {"path": path.relative_to(srcdir)})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    say(_("skapade %(path)s") % {"path": path.relative_to(srcdir)})


def listed(
    page: Path, document: Path, srcdir: Path, caption: str | None = None
) -> None:
    """Put ``document`` into ``page``'s toctree (the one with ``caption``)."""
    entry = document.relative_to(page.parent).with_suffix("").as_posix()
    if toctree.add(page, entry, caption):
        say(
            _("lade till %(entry)s i innehållsförteckningen i %(page)s")
            % {"entry": entry, "page": page.relative_to(srcdir)}
        )


def add(page: Path, path: Path, text: str, srcdir: Path) -> None:
    """A new document at ``path`` (or ``path-2`` … if taken), in ``page``'s
    toctree."""
    path = free(path)
    write(path, text, srcdir)
    listed(page, path, srcdir)


def root_page(srcdir: Path) -> Path:
    """The start page (conf.py's ``root_doc``, default ``index``), in reST
    or Markdown."""
    conf = conf_values(srcdir)
    name = str(conf.get("root_doc") or conf.get("master_doc") or "index")
    for suffix in (".rst", ".md"):
        if (srcdir / f"{name}{suffix}").is_file():
            return srcdir / f"{name}{suffix}"
    raise CliError(_("startsidan %(name)s.rst saknas") % {"name": name})


def free(path: Path) -> Path:
    """``path``, or ``path-2`` … if it is taken."""
    number = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate
