"""A progress bar for a build, on a terminal only: the documents read
(of those Sphinx found outdated) and the pages written."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from sphinx.application import Sphinx

from .term import _

WIDTH = 30


class Progress:
    """Counts what an application reads and writes; draws a bar on
    ``stream`` when it is a terminal."""

    def __init__(
        self, label: str, stream: TextIO | None = None, shown: bool | None = None
    ) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty() if shown is None else shown
        self.to_read = 0
        self.read = 0
        self.written = 0

    def attach(self, app: Sphinx) -> None:
        app.connect("env-before-read-docs", self._before_read)
        app.connect("source-read", self._source_read)
        app.connect("doctree-resolved", self._resolved)
        app.connect("build-finished", self._finished)

    def _before_read(self, app: Sphinx, env: Any, docnames: list[str]) -> None:
        self.to_read = len(docnames)
        self._draw(_("läser"), self.read, self.to_read)

    def _source_read(self, app: Sphinx, docname: str, source: list[str]) -> None:
        self.read += 1
        self._draw(_("läser"), self.read, self.to_read)

    def _resolved(self, app: Sphinx, doctree: Any, docname: str) -> None:
        self.written += 1
        self._draw(_("skriver"), self.written, 0)

    def _finished(self, app: Sphinx, error: Exception | None) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _draw(self, phase: str, done: int, total: int) -> None:
        if not self.shown:
            return
        if total:
            filled = WIDTH * min(done, total) // total
            bar = "█" * filled + "░" * (WIDTH - filled)
            text = f"{self.label}: {phase} {bar} {done}/{total}"
        else:
            text = f"{self.label}: {phase} {done}"
        self.stream.write("\r\033[K" + text)
        self.stream.flush()
