"""argparse in the clerk's language: the headings, the usage line, the help
option and the error line in Swedish (argparse's own explanations of what
was written wrong stay as argparse words them)."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from .term import _

HEADINGS = {
    "positional arguments": "argument",
    "options": "alternativ",
    "optional arguments": "alternativ",
}


class Help(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        # argparse names a subcommand with the prefix ''
        if prefix is None:
            prefix = _("användning: ")
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_(HEADINGS[heading]) if heading in HEADINGS else heading)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser (and each of its subcommands') with Swedish help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Help)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h", "--help", action="help", help=_("visa den här hjälpen och avsluta")
        )

    def error(self, message: str) -> NoReturn:
        """Usage and the error, exit status 2 (a command written wrong)."""
        self.print_usage(sys.stderr)
        self.exit(
            2,
            _("%(prog)s: fel: %(message)s\n") % {"prog": self.prog, "message": message},
        )
