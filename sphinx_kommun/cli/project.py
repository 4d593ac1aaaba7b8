"""A kommun project on disk: its conf.py, where its ärenden are, what a
directive in one of its files says, and its toctrees.

The commands that write files (``new``, ``import``) read the sources as
text, without building: a question such as "which instanser does this
ärende's remiss name" is answered from the option block as the directive
reads it (:func:`sphinx_kommun.reading.options.read_lines`).
"""

from __future__ import annotations

import re
import runpy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..reading.options import FIELD, Written, read_lines, read_yaml
from ..swedish import fold
from .term import CliError, _
from .text import one_line

SOURCE_SUFFIXES = (".rst", ".md")
#: ``.. kind:: argument`` (reST) or ```` ```{kind} argument ```` (MyST)
DIRECTIVE = re.compile(
    r"^(?:\.\. |(?P<fence>`{3,}|:{3,})\{)(?:kommun:)?(?P<name>[\w-]+)"
    r"(?:::|\})[ \t]*(?P<argument>.*)$"
)

#: the end of a MyST directive's fence, right after its options
FENCE_END = re.compile(r"^\s*(?:`{3,}|:{3,})\s*$")


@dataclass(frozen=True)
class Found:
    """A directive in a source file: its argument, its options (folded
    names) and its line."""

    path: Path
    kind: str
    argument: str
    options: dict[str, str]
    line: int


def project_dir(given: str | None) -> Path:
    """The project's source directory: the one named, or the current one;
    it must hold a conf.py."""
    path = Path(given or ".").resolve()
    if not (path / "conf.py").is_file():
        raise CliError(
            _("%(path)s är inget sphinx-kommun-projekt (conf.py saknas)")
            % {"path": path}
        )
    return path


def conf_values(srcdir: Path) -> dict[str, Any]:
    """The settings conf.py makes, as Sphinx would read them."""
    try:
        return runpy.run_path(str(srcdir / "conf.py"))
    except Exception as error:
        raise CliError(
            _("conf.py kan inte läsas: %(error)s") % {"error": error}
        ) from error


def sources(srcdir: Path) -> Iterator[Path]:
    """The project's source files, outside _build and hidden folders."""
    for path in sorted(srcdir.rglob("*")):
        parts = path.relative_to(srcdir).parts
        if any(part.startswith((".", "_")) for part in parts[:-1]):
            continue
        if path.suffix in SOURCE_SUFFIXES and path.is_file():
            yield path


def directives(path: Path, kinds: tuple[str, ...]) -> list[Found]:
    """The directives of ``kinds`` (folded names) in one file."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    found = []
    for number, line in enumerate(lines):
        match = DIRECTIVE.match(line)
        if match and fold(match["name"]) in kinds:
            options: dict[str, str] = {}
            for option in _options(lines, number + 1, bool(match["fence"])):
                options.setdefault(fold(option.name), option.value)
            found.append(
                Found(
                    path,
                    fold(match["name"]),
                    match["argument"].strip(),
                    options,
                    number + 1,
                )
            )
    return found


def _options(lines: list[str], start: int, fenced: bool) -> list[Written]:
    """The options after a directive's first line: ``:name: value`` lines,
    or MyST's YAML block (``---`` … ``---``)."""
    if fenced and start < len(lines) and lines[start].strip() == "---":
        end = next(
            (n for n in range(start + 1, len(lines)) if lines[n].strip() == "---"),
            None,
        )
        if end is None:
            return []
        return read_yaml("\n".join(lines[start + 1 : end]), start + 2, _ignore)
    block = _block(lines, start, fenced)
    if not any(FIELD.match(line.lstrip()) for line in block):
        return []
    return read_lines(block, start + 1, _ignore)[0]


def _ignore(*_args: object) -> None:
    """Problems with an option block are the build's to report."""


def _block(lines: list[str], start: int, fenced: bool) -> list[str]:
    """The option lines after a directive's first line."""
    block: list[str] = []
    for line in lines[start:]:
        if not line.strip() or (fenced and FENCE_END.match(line)):
            break
        if not fenced and not line[:1].isspace():
            break
        if fenced and not line.lstrip().startswith(":") and not block:
            break
        block.append(line if not fenced else "   " + line.strip())
    return [line for line in block if line.strip()]


def dnr_of(arende: Found) -> str:
    """The ärende's own diarienummer: the first its directive names."""
    return one_line(arende.argument.split(",")[0])


def find_arende(srcdir: Path, dnr: str) -> Found | None:
    """The ``arende`` directive of ``dnr`` (its first diarienummer)."""
    wanted = one_line(dnr)
    for path in sources(srcdir):
        for found in directives(path, ("arende",)):
            if dnr_of(found) == wanted:
                return found
    return None


def of_arende(srcdir: Path, arende: Found, kind: str) -> list[Found]:
    """The directives of ``kind`` that belong to the ärende: in its folder
    (below its page) or naming its dnr in ``:dnr:``."""
    folder = arende.path.parent
    dnr = dnr_of(arende)
    found = []
    for path in sources(srcdir):
        for directive in directives(path, (kind,)):
            named = [one_line(d) for d in directive.options.get("dnr", "").split(",")]
            if dnr in named or (
                not directive.options.get("dnr") and path.is_relative_to(folder)
            ):
                found.append(directive)
    return found


def entries(value: str) -> list[str]:
    """A list option: one entry per line or separated by ';'."""
    return [
        one_line(entry)
        for line in value.splitlines()
        for entry in line.split(";")
        if entry.strip()
    ]
