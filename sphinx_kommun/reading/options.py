"""The option block of a directive, as reST and MyST hand it over.

sphinx-kommun's directives read their options themselves (their
``option_spec`` is None): docutils refuses a whole directive, content and
all, for an option written twice or a line it cannot read among the
options, and a clerk's slip must cost a warning, not the document. So the
block is found where each parser leaves it:

- reST, a directive with an argument: at the end of the argument (docutils
  joins the lines up to the first blank line);
- reST without an argument, and MyST: at the start of the content;
- MyST's YAML block (``---`` … ``---``) at the start of the content.

Each option keeps the line it is written on, for warnings.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from docutils.parsers.rst.states import Body
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..i18n import _

#: A field marker (``:name:``), as docutils reads option blocks.
FIELD = re.compile(Body.patterns["field_marker"])

#: How the block reports a problem: (message, subtype, values, line).
Warn = Callable[[str, str, dict[str, Any], int], None]


@dataclass(frozen=True)
class Written:
    """One option as written: its name (lower case), value and line."""

    name: str
    value: str
    line: int


def is_myst(directive: SphinxDirective) -> bool:
    """Whether MyST parsed the directive (its state is MyST's mock)."""
    return type(directive.state).__module__.startswith("myst_parser")


def take_options(directive: SphinxDirective, warn: Warn) -> list[Written]:
    """Take the option block off ``directive``'s argument or content."""
    if directive.arguments and not is_myst(directive):
        found = _from_argument(directive, warn)
        if found is not None:
            return found
    content = directive.content
    if content and content[0].strip() == "---" and is_myst(directive):
        return _from_yaml(directive, warn)
    if content and FIELD.match(content[0]):
        return _from_content(directive, warn)
    return []


def _from_argument(directive: SphinxDirective, warn: Warn) -> list[Written] | None:
    """reST: the option lines docutils left at the end of the argument."""
    lines = directive.arguments[-1].splitlines()
    start = next((n for n, line in enumerate(lines) if FIELD.match(line)), None)
    if start is None:
        return None
    head = "\n".join(lines[:start]).strip()
    directive.arguments = [*directive.arguments[:-1], *([head] if head else [])]
    first = _block_line(directive, lines[start])
    options, taken = read_lines(lines[start:], first, warn)
    if start + taken < len(lines):
        _prepend_content(directive, lines[start + taken :], first + taken)
    return options


def content_line(directive: SphinxDirective, index: int) -> int:
    """The source line of line ``index`` of the directive's content."""
    if is_myst(directive):
        # MyST's content items are not source lines; its body starts
        # content_offset lines after the directive's first line
        return directive.lineno + directive.content_offset + 1 + index
    _source, offset = directive.content.info(index)
    if isinstance(offset, int):
        return offset + 1
    return directive.content_offset + 1 + index


def _from_content(directive: SphinxDirective, warn: Warn) -> list[Written]:
    content = directive.content
    end = next((n for n, line in enumerate(content) if not line.strip()), len(content))
    options, taken = read_lines(list(content[:end]), content_line(directive, 0), warn)
    if taken < end:
        end = taken
    else:
        while end < len(content) and not content[end].strip():
            end += 1
    _drop_content_head(directive, end)
    return options


def _drop_content_head(directive: SphinxDirective, count: int) -> None:
    directive.content = directive.content[count:]
    directive.content_offset += count


def _from_yaml(directive: SphinxDirective, warn: Warn) -> list[Written]:
    """MyST: a YAML block of options (``---`` … ``---``)."""
    content = directive.content
    close = next(
        (n for n in range(1, len(content)) if content[n].strip() == "---"), None
    )
    first = content_line(directive, 0)
    if close is None:
        warn(
            _("YAML-blocket med alternativ saknar sin avslutande rad '---'"),
            "option",
            {},
            first,
        )
        return []
    text = "\n".join(content[1:close])
    options = read_yaml(text, first + 1, warn)
    end = close + 1
    while end < len(content) and not content[end].strip():
        end += 1
    _drop_content_head(directive, end)
    return options


def read_yaml(text: str, first: int, warn: Warn) -> list[Written]:
    """Options from YAML, each value as written (no YAML types: a date
    stays ``2020-09-24``, ``ja`` stays ``ja``); a list becomes one entry per
    line. ``first`` is the source line of the YAML's first line."""
    import yaml  # MyST's own dependency: only MyST documents have YAML blocks

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        # where what went wrong began (an unclosed list), else where it showed
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        warn(
            _("YAML-blocket med alternativ går inte att läsa: %(error)s"),
            "option",
            {"error": getattr(err, "problem", None) or err},
            first + (mark.line if mark is not None else 0),
        )
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        warn(
            _("YAML-blocket med alternativ ska vara namn: värde, ett per rad"),
            "option",
            {},
            first,
        )
        return []
    found = []
    for key, value in root.value:
        line = first + key.start_mark.line
        if isinstance(value, yaml.ScalarNode):
            text_value = value.value
        elif isinstance(value, yaml.SequenceNode) and all(
            isinstance(item, yaml.ScalarNode) for item in value.value
        ):
            text_value = "\n".join(item.value for item in value.value)
        else:
            warn(
                _("värdet av '%(option)s' går inte att läsa som text eller lista"),
                "option",
                {"option": key.value},
                line,
            )
            continue
        found.append(Written(str(key.value).lower(), text_value.strip(), line))
    return found


def _prepend_content(directive: SphinxDirective, lines: list[str], first: int) -> None:
    """Make ``lines``, written from line ``first`` on right after the
    options, the start of the content (which follows a blank line)."""
    machine = directive.state_machine
    assert machine.input_lines is not None  # reST, while the directive runs
    following = (
        directive.content_offset + 1 if directive.content else first + len(lines)
    )
    text = lines + [""] * (following - first - len(lines))
    items = [
        cast(
            "tuple[str, int]",
            machine.input_lines.info(first + n - 1 - machine.input_offset),
        )
        for n in range(len(text))
    ]
    directive.content = StringList(text, items=items) + directive.content
    directive.content_offset = first - 1


def _block_line(directive: SphinxDirective, text: str) -> int:
    """The source line of ``text``, a line of the directive's block."""
    for number, line in enumerate(directive.block_text.splitlines()):
        if line.strip() == text.strip():
            return directive.lineno + number
    return directive.lineno


def read_lines(lines: list[str], first: int, warn: Warn) -> tuple[list[Written], int]:
    """``:name: value`` lines, values continued on indented lines; ``first``
    is the source line of the first.

    Returns the options and how many of ``lines`` they take: what follows
    the last option unindented (a heading or a paragraph written without a
    blank line after the options) is the start of the content.
    """
    last = max(n for n, line in enumerate(lines) if _option(line))
    taken = next(
        (n for n in range(last + 1, len(lines)) if not lines[n][:1].isspace()),
        len(lines),
    )
    if taken < len(lines):
        warn(
            _(
                "raden '%(line)s' efter alternativen saknar en tom rad före "
                "sig; den läses som början på texten"
            ),
            "option",
            {"line": lines[taken].strip()},
            first + taken,
        )
    items: list[tuple[str, list[str], int]] = []
    for number, line in enumerate(lines[:taken], start=first):
        _read_line(line, number, items, warn)
    result = []
    for name, (head, *rest), number in items:
        more = textwrap.dedent("\n".join(rest)).strip()
        result.append(
            Written(name, "\n".join(part for part in (head, more) if part), number)
        )
    return result, taken


def _option(line: str) -> re.Match[str] | None:
    # an option indented more than the others (a tab among spaces) is an
    # option all the same, not a continuation of the one before
    return FIELD.match(line.lstrip())


def _read_line(
    line: str, number: int, items: list[tuple[str, list[str], int]], warn: Warn
) -> None:
    """One line of the option block: an option, a continuation or neither."""
    match = _option(line)
    if match and line[:1].isspace() and items:
        warn(
            _(
                "raden '%(line)s' är mer indragen än alternativen före "
                "den (ett tabbtecken?) men läses som ett eget alternativ, "
                "inte som en fortsättning på '%(option)s'"
            ),
            "option",
            {"line": line.strip(), "option": items[-1][0]},
            number,
        )
    if match:
        line = line.lstrip()
        name = match.group(0).strip()[1:-1].replace("\\", "").lower()
        items.append((name, [line[match.end() :].strip()], number))
    elif line[:1].isspace() and items:
        items[-1][1].append(line)
    else:
        warn(
            _(
                "raden '%(line)s' bland alternativen går inte att läsa "
                "(skriv :namn: värde); den hoppas över"
            ),
            "option",
            {"line": line.strip()},
            number,
        )
