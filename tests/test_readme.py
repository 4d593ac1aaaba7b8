"""The README's options reference names every option of every directive."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx_kommun.generate.kallelse import KallelseDirective
from sphinx_kommun.generate.motions import MotionsredovisningDirective
from sphinx_kommun.generate.people import PersonregisterDirective
from sphinx_kommun.generate.subscribe import PrenumereraDirective
from sphinx_kommun.kinds import DIRECTIVES as KIND_DIRECTIVES
from sphinx_kommun.reading.generated import (
    BeredningDirective,
    RemissammanstallningDirective,
)

DIRECTIVES = {
    **KIND_DIRECTIVES,
    "remissammanstallning": RemissammanstallningDirective,
    "remissammanställning": RemissammanstallningDirective,
    "beredning": BeredningDirective,
    "kallelse": KallelseDirective,
    "personregister": PersonregisterDirective,
    "motionsredovisning": MotionsredovisningDirective,
    "prenumerera": PrenumereraDirective,
}

README = Path(__file__).parent.parent / "README.md"
EVERY = "every directive"


def documented_options() -> dict[str, set[str]]:
    """Directive name (or EVERY) -> the options its rows of the README's
    options table name; a row with an empty first cell continues the one
    before."""
    text = README.read_text(encoding="utf-8")
    assert "\n### Options\n" in text, "the README has no options reference"
    table = text.split("\n### Options\n", 1)[1].split("\n#", 1)[0]
    rows = [
        line.split("|")[1:-1] for line in table.splitlines() if line.startswith("|")
    ]
    documented: dict[str, set[str]] = {}
    names: list[str] = []
    for first, options, _meaning in rows[2:]:  # after the header and the rule
        if first.strip():
            names = (
                [EVERY] if first.strip() == EVERY else re.findall(r"`([^`]+)`", first)
            )
            assert names, f"no directive in {first!r}"
        for name in names:
            documented.setdefault(name, set()).update(
                re.findall(r"`:([a-z-]+):`", options)
            )
    return documented


def test_every_option_of_every_directive_is_in_the_readme() -> None:
    documented = documented_options()
    assert {"id", "dnr"} <= documented[EVERY]
    by_class: dict[type, set[str]] = {}
    for name, options in documented.items():
        if name != EVERY:
            assert name in DIRECTIVES, f"the README names no directive {name!r}"
            by_class.setdefault(DIRECTIVES[name], set()).update(options)
    missing = {}
    unknown = {}
    for name, cls in DIRECTIVES.items():
        assert cls in by_class, f"the README's options table has no row for {name}"
        declared = {"id", "dnr", *cls.option_names()}
        named = by_class[cls] | documented[EVERY]
        if declared - named:
            missing[name] = sorted(declared - named)
        if named - declared:
            unknown[name] = sorted(named - declared)
    assert missing == {}, "add these options to the README's Options"
    assert unknown == {}, "the README's Options names options the directive lacks"


def test_the_first_command_builds_the_example_and_the_second_tests() -> None:
    """On a fresh machine the README's first command installs and builds the
    example handlingar, its second runs the tests (what .ci/run runs)."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    first, second = (block.strip() for block in blocks[:2])
    assert first == "make handlingar"
    assert second == ".venv/bin/python -m pytest"
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().endswith(f"exec {second}")
