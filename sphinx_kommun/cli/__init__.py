"""The clerk's command line, ``sphinx-kommun`` (and ``python -m
sphinx_kommun``): one module per command.

Exit status 0 when all went well, 1 on a problem in the project (a
warning, a file that is there already, an unknown ärende), 2 on a command
written wrong (argparse's own). Colour only on a terminal, never with
NO_COLOR; questions only on a terminal, otherwise options and defaults.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from .. import __version__
from .parsing import Parser
from .term import CliError, _, fail


def parser() -> argparse.ArgumentParser:
    from . import build, check, hooks, importing, init, new, plugins, serve

    main_parser = Parser(
        prog="sphinx-kommun",
        description=_(
            "Kansliets verktyg för handlingar skrivna med sphinx-kommun: "
            "skapa projekt och handlingar, granska, bygga och förhandsgranska."
        ),
    )
    main_parser.add_argument(
        "--version",
        action="version",
        version=f"sphinx-kommun {__version__}",
        help=_("visa versionen och avsluta"),
    )
    commands = main_parser.add_subparsers(
        dest="command", required=True, metavar=_("KOMMANDO")
    )
    for module in (init, new, importing, check, build, serve, plugins, hooks):
        module.add_parser(commands)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            # the libraries' deprecations are for their developers, not the clerk
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            status: int = args.run(args)
    except CliError as error:
        fail(str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader (``| head``) stopped reading: no traceback
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 1
    return status
