"""``sphinx-kommun hooks``: the hook reference for plugin authors
(Markdown), generated from :mod:`sphinx_kommun.plugins.hookspecs`
(``docs/plugin-hooks.md``)."""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from typing import Any

from ..plugins import hookspecs
from .term import _


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


def add_parser(commands: Any) -> None:
    reference = commands.add_parser(
        "hooks",
        help=_("skriv krokreferensen (Markdown)"),
        description=_(
            "Skriver krokreferensen för den som skriver insticksprogram, i Markdown."
        ),
    )
    reference.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(hook_reference())
    return 0
