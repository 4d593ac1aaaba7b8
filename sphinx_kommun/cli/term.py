"""The terminal: colour only where it is one, questions only where someone
can answer them, and the one error the commands raise."""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO

from ..i18n import _ as translation

COLOURS = {"red": "31", "yellow": "33", "green": "32", "bold": "1", "dim": "2"}


def _(message: str) -> str:
    """A message of the command line (a Swedish msgid), as a string."""
    return str(translation(message))


class CliError(Exception):
    """A problem the clerk can fix: printed as one line, exit status 1."""


def colour_on(stream: TextIO) -> bool:
    """Colour on a terminal only, and never with NO_COLOR set
    (https://no-color.org) or on a dumb terminal."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def paint(text: str, colour: str, stream: TextIO) -> str:
    if not colour_on(stream):
        return text
    return f"\033[{COLOURS[colour]}m{text}\033[0m"


def interactive() -> bool:
    """Whether someone sits at a terminal to answer questions."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask(question: str, default: str) -> str:
    """Ask on the terminal; an empty answer takes the default."""
    shown = f"{question} [{default}]: " if default else f"{question}: "
    try:
        answer = input(shown).strip()
    except EOFError:
        answer = ""
    return answer or default


def say(text: str) -> None:
    print(text, flush=True)


def warn(text: str) -> None:
    print(paint(text, "yellow", sys.stderr), file=sys.stderr)


def fail(text: str) -> None:
    print(paint(text, "red", sys.stderr), file=sys.stderr)


def add_project_dir(parser: Any, *, option: bool = False) -> None:
    """The project's folder, the current one unless given: ``KATALOG`` after
    the command, or ``--dir KATALOG`` where the command takes other
    arguments."""
    names, extra = (("--dir",), {}) if option else (("dir",), {"nargs": "?"})
    parser.add_argument(
        *names,
        metavar=_("KATALOG"),
        help=_("projektets katalog (förval: den aktuella)"),
        **extra,
    )
