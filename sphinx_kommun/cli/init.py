"""``sphinx-kommun init``: a new kommun project that builds with ``-W``.

conf.py with the profile and an accessible theme set up as the README
recommends (alabaster or furo, sphinx-kommun's own sidebar), the start
page with its toctrees of ärenden and sammanträden, the folders ``new``
writes into, and a CI workflow that checks and builds with ``-W``.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import Any

from ..profiles import PROFILES
from . import scaffold
from .files import ARENDEN, SAMMANTRADEN
from .term import CliError, _, ask, fail, interactive, say, warn
from .text import one_line

PROFILE_CHOICES = ("kommun", "stockholm", "region")
THEMES = ("alabaster", "furo")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "init",
        help=_("skapa ett nytt projekt"),
        description=_(
            "Skapar ett nytt projekt för kommunens handlingar: conf.py, "
            "startsidan, mappar och ett CI-flöde. Frågar på en terminal, "
            "annars gäller alternativen och förvalen."
        ),
    )
    parser.add_argument(
        "dir",
        nargs="?",
        default=".",
        metavar=_("KATALOG"),
        help=_("det nya projektets katalog (förval: den aktuella)"),
    )
    parser.add_argument("--kommun", help=_('kommunens namn, t.ex. "Umeå kommun"'))
    parser.add_argument(
        "--profil", choices=PROFILE_CHOICES, help=_("profil (förval: kommun)")
    )
    parser.add_argument(
        "--tema", choices=THEMES, help=_("HTML-tema (förval: alabaster)")
    )
    parser.set_defaults(run=run)


def settings(args: argparse.Namespace) -> tuple[str, str, str] | None:
    """Municipality, profile and theme: from the options, else asked on a
    terminal, else the defaults (the municipality has none)."""
    profile, kommun, theme = args.profil, args.kommun, args.tema
    if interactive():
        profile = profile or ask(_("Profil (kommun, stockholm, region)"), "kommun")
        if profile not in PROFILE_CHOICES:
            raise CliError(_("okänd profil '%(profile)s'") % {"profile": profile})
        kommun = kommun or ask(_("Kommunens namn"), PROFILES[profile].municipality)
        theme = theme or ask(_("HTML-tema (alabaster, furo)"), "alabaster")
        if theme not in THEMES:
            raise CliError(_("okänt tema '%(theme)s'") % {"theme": theme})
    profile = profile or "kommun"
    kommun = one_line(kommun or PROFILES[profile].municipality)
    if not kommun:
        return None
    return kommun, profile, theme or "alabaster"


def run(args: argparse.Namespace) -> int:
    target = Path(args.dir).resolve()
    if (target / "conf.py").exists():
        raise CliError(_("%(path)s har redan en conf.py") % {"path": target})
    chosen = settings(args)
    if chosen is None:
        fail(_('ange kommunens namn med --kommun, t.ex. --kommun "Umeå kommun"'))
        return 2
    kommun, profile, theme = chosen
    files = {
        "conf.py": scaffold.conf(kommun, profile, theme),
        "index.rst": scaffold.index(kommun),
        ".gitignore": "_build/\n",
        f"{ARENDEN}/.gitkeep": "",
        f"{SAMMANTRADEN}/.gitkeep": "",
        ".github/workflows/handlingar.yml": scaffold.workflow(theme),
    }
    for name in files:
        path = target / name
        if path.exists():
            raise CliError(_("%(path)s finns redan") % {"path": path})
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        say(_("skapade %(path)s") % {"path": name})
    if theme != "alabaster" and importlib.util.find_spec(theme) is None:
        warn(
            _("temat %(theme)s är inte installerat: pip install %(theme)s")
            % {"theme": theme}
        )
    return 0
