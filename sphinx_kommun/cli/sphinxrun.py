"""Running Sphinx for a command: one application, its warnings kept as
records (file, line, type, subtype, message) as well as shown."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from sphinx.application import Sphinx
from sphinx.util import console
from sphinx.util.docutils import docutils_namespace, patch_docutils

#: "path:line: WARNING: message [type.subtype]", as Sphinx writes a warning
RECORD = re.compile(
    r"^(?:(?P<file>.*?)(?::(?P<line>\d+))?: )?(?P<level>WARNING|ERROR|CRITICAL|SEVERE): "
    r"(?P<message>.*?)(?: \[(?P<type>[\w-]+)(?:\.(?P<subtype>[\w.-]+))?\])?\s*$",
    re.S,
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    type: str
    subtype: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        kind = (
            f" [{self.type}.{self.subtype}]"
            if self.subtype
            else (f" [{self.type}]" if self.type else "")
        )
        return f"{where}: {self.message}{kind}" if where else f"{self.message}{kind}"


class WarningStream(io.StringIO):
    """The stream Sphinx writes warnings to: each write is one warning,
    kept as a record and handed on (``show``) as it comes."""

    def __init__(self, show: Callable[[Problem], None] | None = None) -> None:
        super().__init__()
        self.records: list[Problem] = []
        self.show = show

    def write(self, text: str) -> int:
        text = ANSI.sub("", text)
        if text.strip():
            record = parse(text)
            self.records.append(record)
            if self.show is not None:
                self.show(record)
        return super().write(text)


def parse(text: str) -> Problem:
    match = RECORD.match(text.strip())
    if match is None:
        return Problem("", None, "", "", text.strip())
    return Problem(
        match["file"] or "",
        int(match["line"]) if match["line"] else None,
        match["type"] or "",
        match["subtype"] or "",
        match["message"].strip(),
    )


@contextmanager
def session(srcdir: Path) -> Iterator[None]:
    """Where one application lives: docutils' registries (directives,
    roles, nodes) as they were before it, restored after it, so that the
    next application of the same process (the PDF after the HTML, a
    preview's new conf.py) registers its own, as sphinx-build does."""
    with patch_docutils(srcdir), docutils_namespace():
        yield


def application(
    srcdir: Path,
    builder: str,
    outdir: Path,
    doctreedir: Path,
    warnings: WarningStream,
    *,
    status: IO[str] | None = None,
    strict: bool = False,
    fresh: bool = False,
    overrides: dict[str, Any] | None = None,
) -> Sphinx:
    """A Sphinx application of the project; warnings go to ``warnings``,
    uncoloured (colour is the command's to choose)."""
    console.nocolor()
    return Sphinx(
        srcdir,
        srcdir,
        outdir,
        doctreedir,
        builder,
        confoverrides=overrides or {},
        status=status,
        warning=warnings,
        freshenv=fresh,
        warningiserror=strict,
    )
