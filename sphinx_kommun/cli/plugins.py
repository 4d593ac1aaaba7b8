"""``sphinx-kommun plugins``: the installed plugins (built-in, entry points,
and the modules named after it) with their version and the hooks each
implements."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from .term import _


def list_plugins(extra: Sequence[str] = (), disabled: Sequence[str] = ()) -> str:
    from ..plugins import load

    plugins = load(extra, disabled)
    lines = []
    for info in plugins.info.values():
        version = info.version or "-"
        lines.append(f"{info.name} {version} ({info.source})")
        lines.extend(f"    {hook}" for hook in info.hooks)
    return "\n".join(lines)


def add_parser(commands: Any) -> None:
    listing = commands.add_parser(
        "plugins",
        help=_("visa installerade insticksprogram"),
        description=_("Visar installerade insticksprogram, deras version och krokar."),
    )
    listing.add_argument(
        "modules", nargs="*", help=_("projektets egna insticksmoduler")
    )
    listing.add_argument(
        "--disable",
        action="append",
        default=[],
        help=_("insticksprogram som inte ska laddas, efter namn"),
    )
    listing.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(list_plugins(args.modules, args.disable))
    return 0
