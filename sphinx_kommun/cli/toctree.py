"""Adding an entry to a page's toctree, as the clerk would write it."""

from __future__ import annotations

import re
from pathlib import Path

TOCTREE = re.compile(r"^(?P<indent>[ \t]*)\.\. toctree::\s*$")
MYST_TOCTREE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{toctree\}\s*$")


def add(page: Path, entry: str, caption: str | None = None) -> bool:
    """Add ``entry`` (a document name relative to ``page``) at the end of the
    page's toctree (the one with ``caption``, else the first); a page with
    none gets one. False if the entry was there already."""
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks = [_block(lines, start) for start in _starts(lines)]
    if caption is not None:
        blocks = [b for b in blocks if _caption(lines, b) == caption] or []
    if blocks:
        start, end, indent, fence = blocks[0]
        body = lines[start + 1 : end]
        if entry in (line.strip() for line in body):
            return False
        last = max(
            (n for n in range(start, end) if lines[n].strip() and n != start),
            default=start,
        )
        new = [f"{indent}   {entry}"] if not fence else [entry]
        if not _has_entries(lines[start + 1 : last + 1]) and not fence:
            new = ["", *new]
        lines[last + 1 : last + 1] = new
    elif page.suffix == ".md":
        lines += ["", "```{toctree}", ":maxdepth: 1"]
        lines += [f":caption: {caption}"] if caption else []
        lines += ["", entry, "```"]
    else:
        lines += ["", ".. toctree::", "   :maxdepth: 1"]
        lines += [f"   :caption: {caption}"] if caption else []
        lines += ["", f"   {entry}"]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return True


def _starts(lines: list[str]) -> list[int]:
    return [
        n
        for n, line in enumerate(lines)
        if TOCTREE.match(line) or MYST_TOCTREE.match(line)
    ]


def _block(lines: list[str], start: int) -> tuple[int, int, str, str]:
    """(first line, line after the block, indentation, MyST fence or '')."""
    myst = MYST_TOCTREE.match(lines[start])
    if myst:
        fence = myst["fence"]
        end = next(
            (n for n in range(start + 1, len(lines)) if lines[n].strip() == fence),
            len(lines),
        )
        return start, end, "", fence
    match = TOCTREE.match(lines[start])
    indent = match["indent"] if match else ""
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip()
        or len(lines[end]) - len(lines[end].lstrip()) > len(indent)
    ):
        end += 1
    return start, end, indent, ""


def _caption(lines: list[str], block: tuple[int, int, str, str]) -> str | None:
    start, end, _indent, _fence = block
    for line in lines[start + 1 : end]:
        stripped = line.strip()
        if stripped.startswith(":caption:"):
            return stripped[len(":caption:") :].strip()
    return None


def _has_entries(body: list[str]) -> bool:
    return any(line.strip() and not line.strip().startswith(":") for line in body)
