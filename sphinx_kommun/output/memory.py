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

While pages are read, the doctrees read so far pile up in memory, and
CPython collects its oldest generation in full each time that has grown by
a quarter: reading N pages walks every doctree about five times over.
With ``kommun_gc_freeze`` (the default), each time the number of pages
read has grown by a quarter, what is not yet frozen is collected in full
and moved to the collector's permanent generation (:func:`gc.freeze`), so
that later collections walk only what was read since. When writing
starts, everything is unfrozen again: a serial build's doctrees are
dropped as their pages are written and must be collectable. Under ``-j``
the pages are read in other processes, which keep no doctree in memory:
they do not freeze as they read (collecting in full as they read cost more
than it saved), but what the main process holds when reading starts is
frozen, so that neither its collections nor those of the reading processes
it forks walk it; the main process holds no doctree when writing starts;
what it holds then (the environment) is frozen until the build finishes,
so neither its own collections nor the processes it forks to write pages
walk it (the use :func:`gc.freeze` is documented for). A process forked
while a build runs (``-j``'s readers and writers) freezes, once, all it
inherited, which is never garbage there: what the main process merged from
earlier readers, the pages it resolved for writing since. At N = 500 this
took the readers' collections from 5.4 s to 2.9 s and the writers' from
4.9 s to 0.9 s. A build unfreezes only what it froze itself.

When the pages are written, what the build holds is frozen while the
``build-finished`` handlers run (the open data, the record of what each
page was written from): their full collections walked the whole
environment, and at N = 500 the record took 3.0 s (frozen, 1.6 s) in the
build's last stretch, which no other process shares. It is unfrozen after
the last handler.

An application kept in memory between builds (``sphinx-kommun serve``)
holds the whole environment and its indexes between edits: about a
million objects at 500 ärenden, which a full collection walks in 0.65 s,
every third edit or so. When the preview is idle, it collects everything
once and freezes what is left (:mod:`sphinx_kommun.cli.serve`), so that
the collections of the next build walk only what that build made.
"""

from __future__ import annotations

import gc
import os

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..config import KommunConfig
from ..domain.perdocument import read_elsewhere

#: The thresholds to restore, by application, while one is writing.
_SAVED: dict[int, tuple[int, int, int]] = {}
#: Pages read in this process and the count at which to freeze next, by
#: application.
_READ: dict[int, list[int]] = {}
#: The applications whose build has frozen objects (to unfreeze them).
_FROZE: set[int] = set()
#: The applications building now, freezing (a process forked meanwhile
#: freezes what it inherited).
_BUILDING: set[int] = set()
#: The first freeze comes after this many pages.
FIRST_FREEZE = 50
#: Priorities of ``build-finished`` handlers before and after all others
#: (Sphinx's default is 500).
FIRST, LAST = 100, 900


def freezing(app: Sphinx) -> bool:
    return KommunConfig.from_config(app.config).gc_freeze


def read_started(app: Sphinx, env: object, docnames: list[str]) -> None:
    """``env-before-read-docs``: no page read yet (in this process, the
    main one); under ``-j``, what it holds frozen for the processes it forks
    to read."""
    _READ[id(app)] = [0, FIRST_FREEZE]
    if not freezing(app):
        return
    _BUILDING.add(id(app))
    if app.parallel > 1 and id(app) not in _FROZE:
        gc.freeze()
        _FROZE.add(id(app))


def doctree_read(app: Sphinx, doctree: object) -> None:
    """``doctree-read``: freeze what has been read, each time the pages read
    have grown by a quarter (not in a forked reading process: it keeps no
    doctree)."""
    counts = _READ.get(id(app))
    if counts is None or not freezing(app) or read_elsewhere():
        return
    counts[0] += 1
    if counts[0] >= counts[1]:
        counts[1] = counts[0] + counts[0] // 4 + 1
        gc.collect()
        gc.freeze()
        _FROZE.add(id(app))


def write_started(app: Sphinx, builder: Builder) -> None:
    """``write-started``: unfreeze what reading froze, or, when the pages
    were read in other processes, freeze what the writing forks share; and
    enlarge the youngest generation."""
    counts = _READ.pop(id(app), None)
    if freezing(app):
        if id(app) in _FROZE:
            _FROZE.discard(id(app))
            gc.unfreeze()
        if app.parallel > 1 and not (counts and counts[0]):
            gc.collect()
            gc.freeze()
            _FROZE.add(id(app))
    threshold = KommunConfig.from_config(app.config).write_gc_threshold
    current = gc.get_threshold()
    if threshold <= current[0] or id(app) in _SAVED:
        return
    _SAVED[id(app)] = current
    gc.set_threshold(threshold, current[1], current[2])


def finishing(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``, before the other handlers: what the build holds
    frozen while they run (unless something is frozen already: under
    ``-j`` by this build, in the preview by ``serve`` when it was idle)."""
    if freezing(app) and not gc.get_freeze_count():
        gc.freeze()
        _FROZE.add(id(app))


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``, after the other handlers: nothing this build
    froze frozen any longer, and the collector's thresholds put back."""
    _READ.pop(id(app), None)
    _BUILDING.discard(id(app))
    if id(app) in _FROZE:
        _FROZE.discard(id(app))
        gc.unfreeze()
    saved = _SAVED.pop(id(app), None)
    if saved is not None:
        gc.set_threshold(*saved)


def forked() -> None:
    """In a process just forked: what it inherited frozen, if a build is
    running (it is the main process's, which a forked process never frees)."""
    if _BUILDING:
        gc.freeze()


os.register_at_fork(after_in_child=forked)


def register(app: Sphinx) -> None:
    app.connect("env-before-read-docs", read_started)
    app.connect("doctree-read", doctree_read)
    app.connect("write-started", write_started)
    app.connect("build-finished", finishing, priority=FIRST)
    app.connect("build-finished", build_finished, priority=LAST)
