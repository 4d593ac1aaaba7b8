"""Python's garbage collector while the pages are written.

Sphinx keeps every page's doctree in memory from reading to writing. While
a page is written, the nodes sphinx-kommun generates for it (the
remissammanställning, tables, backlinks) live as long as the page does:
long enough, with the collector's default thresholds, to be promoted to the
oldest generation. Once that holds a quarter more objects than after its
last collection, CPython collects it in full, walking every doctree still
in memory. Plain Sphinx creates few new objects while writing and collects
the oldest generation about once during the write phase; without this
module sphinx-kommun did so five or six times (``benchmarks/README.md``).

A larger youngest generation while writing (``kommun_write_gc_threshold``)
lets a page's generated nodes be collected young, with the page. The
thresholds in force before are put back when the build finishes.
"""

from __future__ import annotations

import gc

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..config import KommunConfig

#: The thresholds to restore, by application, while one is writing.
_SAVED: dict[int, tuple[int, int, int]] = {}


def write_started(app: Sphinx, builder: Builder) -> None:
    """``write-started``: enlarge the youngest generation."""
    threshold = KommunConfig.from_config(app.config).write_gc_threshold
    current = gc.get_threshold()
    if threshold <= current[0] or id(app) in _SAVED:
        return
    _SAVED[id(app)] = current
    gc.set_threshold(threshold, current[1], current[2])


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: put the collector's thresholds back."""
    saved = _SAVED.pop(id(app), None)
    if saved is not None:
        gc.set_threshold(*saved)


def register(app: Sphinx) -> None:
    app.connect("write-started", write_started)
    app.connect("build-finished", build_finished)
