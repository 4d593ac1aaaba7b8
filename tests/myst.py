"""The reST test projects written in MyST Markdown, for the MyST tests.

A small converter for the reST these projects use: titles, directives with
an argument, options and content (nested), roles and plain paragraphs.
The options become ``:name: value`` lines or, with ``yaml``, a ``---``
block.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_DIRECTIVE = re.compile(r"^\.\. ([\w-]+)::(?: (.*))?$")
_OPTION = re.compile(r"^:([^:\s][^:]*):(?: (.*))?$")
_ROLE = re.compile(r":([\w:-]+):`")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1+$")


def _roles(text: str) -> str:
    return _ROLE.sub(r"{\1}`", text)


def _dedent(lines: list[str], by: int) -> list[str]:
    return [line[by:] if line.strip() else "" for line in lines]


def convert(lines: list[str], *, yaml: bool, level: int = 1) -> tuple[list[str], int]:
    """MyST lines for reST ``lines``, and the depth of directives in them."""
    out: list[str] = []
    styles: list[str] = []
    depth = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        match = _DIRECTIVE.match(line)
        if line.strip() and _UNDERLINE.match(following) and not match:
            style = following[0]
            if style not in styles:
                styles.append(style)
            out.append("#" * (level + styles.index(style)) + " " + line.strip())
            i += 2
            continue
        if match is None:
            out.append(_roles(line))
            i += 1
            continue
        name, argument = match.group(1), match.group(2) or ""
        i += 1
        options: list[tuple[str, list[str]]] = []
        while i < len(lines) and lines[i].startswith("   ") and lines[i].strip():
            text = lines[i][3:]
            option = _OPTION.match(text)
            if option and not text.startswith(" "):
                options.append((option.group(1), [option.group(2) or ""]))
            elif options:
                options[-1][1].append(text.strip())
            i += 1
        body: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith("   ")):
            body.append(lines[i])
            i += 1
        while body and not body[-1].strip():
            body.pop()
        inner, inner_depth = convert(_dedent(body, 3), yaml=yaml, level=level + 1)
        while inner and not inner[0].strip():
            inner.pop(0)
        fence = "`" * (3 + inner_depth)
        depth = max(depth, inner_depth + 1)
        out.append(f"{fence}{{{name}}} {argument}".rstrip())
        out.extend(_options(options, yaml=yaml))
        if inner:
            out.append("")
            out.extend(inner)
        out.append(fence)
        out.append("")
    return out, depth


def _options(options: list[tuple[str, list[str]]], *, yaml: bool) -> list[str]:
    if not options:
        return []
    if not yaml:
        result = []
        for name, (head, *rest) in options:
            result.append(f":{name}: {_roles(head)}".rstrip())
            result.extend(f"  {_roles(line)}" for line in rest)
        return result
    result = ["---"]
    for name, values in options:
        values = [_roles(value) for value in values if value]
        if len(values) > 1:
            result.append(f"{name}:")
            result.extend(
                f"  - {json.dumps(value, ensure_ascii=False)}" for value in values
            )
        else:
            result.append(
                f"{name}: {json.dumps(values[0], ensure_ascii=False) if values else ''}".rstrip()
            )
    result.append("---")
    return result


def to_myst(src: Path, *, yaml: bool = False) -> None:
    """Write each ``.rst`` of ``src`` as ``.md`` and remove the ``.rst``;
    conf.py gets myst-parser."""
    for path in sorted(src.glob("*.rst")):
        lines, _depth = convert(
            path.read_text(encoding="utf-8").splitlines(), yaml=yaml
        )
        path.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        path.unlink()
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            'extensions = ["sphinx_kommun"]',
            'extensions = ["myst_parser", "sphinx_kommun"]',
        ),
        encoding="utf-8",
    )
