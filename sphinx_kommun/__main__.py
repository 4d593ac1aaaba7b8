"""Command line: ``python -m sphinx_kommun plugins`` and ``… hooks``.

``plugins`` lists the installed plugins (built-in, entry points, and the
modules named after it) with their version and the hooks each implements.
``hooks`` prints the hook reference for plugin authors (Markdown), generated
from :mod:`sphinx_kommun.plugins.hookspecs`.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Sequence

from .plugins import hookspecs


def list_plugins(extra: Sequence[str] = (), disabled: Sequence[str] = ()) -> str:
    from .plugins import load

    plugins = load(extra, disabled)
    lines = []
    for info in plugins.info.values():
        version = info.version or "-"
        lines.append(f"{info.name} {version} ({info.source})")
        lines.extend(f"    {hook}" for hook in info.hooks)
    return "\n".join(lines)


def hook_reference() -> str:
    """The hook reference, in Markdown, in the order the specs are declared."""
    out = [
        "# Hook reference",
        "",
        "Generated from `sphinx_kommun/plugins/hookspecs.py` by "
        "`python -m sphinx_kommun hooks`; do not edit by hand.",
        "",
        _markdown(hookspecs.__doc__),
        "",
    ]
    for spec in hookspecs.HOOKS:
        # the annotations as written (some name types only for type checking)
        signature = str(inspect.signature(spec)).replace("'", "")
        out += [f"## `{spec.__name__}{signature}`", "", _markdown(spec.__doc__), ""]
    out += ["# Returned values", ""]
    for name in (
        "SectionKind",
        "OptionSpec",
        "FieldSpec",
        "Column",
        "FooterPart",
        "Finding",
    ):
        cls = getattr(hookspecs, name)
        out += [f"## `{name}`", "", _markdown(cls.__doc__), ""]
        source = inspect.getsource(cls).splitlines()
        out += ["```python", *source, "```", ""]
    return "\n".join(out).rstrip() + "\n"


def _markdown(docstring: str | None) -> str:
    """A docstring's reST roles and literals, as Markdown."""
    text = inspect.cleandoc(docstring or "")
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text)
    text = text.replace("``", "`")
    # a literal block introduced by '::' becomes a fenced block
    return re.sub(
        r"::\n\n((?:    .*\n?|\n)+)",
        lambda m: ":\n\n```python\n" + inspect.cleandoc(m.group(1)) + "\n```\n",
        text,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_kommun")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("plugins", help="list installed plugins")
    listing.add_argument("modules", nargs="*", help="project-local plugin modules")
    listing.add_argument("--disable", action="append", default=[], help="plugin name")
    commands.add_parser("hooks", help="print the hook reference (Markdown)")
    args = parser.parse_args(argv)
    if args.command == "plugins":
        print(list_plugins(args.modules, args.disable))
    else:
        sys.stdout.write(hook_reference())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
