"""Which pages to rewrite after an incremental read.

Generated content, references and sidebars depend on data from other
documents. What a page read of the domain while it was written is recorded
(:mod:`~sphinx_kommun.domain.recording`); after the next read, each page's
inputs – the digest of what its recorded reads give now, its
previous/next/parent links, and for a page with needs views the digest of
all objects – are compared with what the page was last *written* from, and
pages whose inputs changed are rewritten.

What each page was written from is kept outside the environment, because
Sphinx pickles the environment after reading and *before* writing: a record
kept there would claim pages that an interrupted build (Ctrl-C, SIGTERM,
SIGKILL) or a failed write never wrote, and they would stay stale. So:

- the record is a small pickle per builder in the doctree directory
  (``kommun-written-<builder>.pickle``), tied to the environment by a token
  the domain keeps from the moment the environment is created, and to the
  output directory: a fresh (``-E``) or another environment, or another
  output directory, finds no record, and every page is rewritten;
- ``env-get-updated`` compares the fresh inputs with the record and keeps
  those that differ in memory (main process; ``-j`` workers only write);
- ``build-finished`` without an exception commits them, only for pages that
  were written: for a builder with one output file per page (HTML,
  dirhtml, epub, text, xml) a page whose file was written during this build
  (its mtime at least that of a file made in the output directory when the
  pages were chosen, so the same clock decides); for other builders (LaTeX,
  singlehtml, which write everything each time) every page. A
  KeyboardInterrupt (Sphinx emits no ``build-finished`` for it), a signal
  or an exception leaves the record as it was, and the next build rewrites
  what was not written.

An application kept in memory between builds (``sphinx-kommun serve``,
:func:`keep_in_memory`) keeps the record in memory too, with what
:mod:`.inmemory` needs to evaluate only the keys that can have changed;
the file is then written when the caller says (the preview: when idle).

The record also keeps the domain's generation (which counts every change
to objects and references) when every page it rewrote was written: a build
that reads nothing then rewrites nothing without comparing. Sphinx itself
rewrites a page whose own source is newer than its output; the record only
matters for what a page shows of others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.builders.text import TextBuilder
from sphinx.builders.xml import XMLBuilder
from sphinx.environment import BuildEnvironment

from ..config import KommunConfig
from ..domain.recording import Key, digest, evaluate
from ..domain.store import KommunDomain, get_domain
from . import inmemory

#: What a page was made of: the digest of what its reads gave, its
#: previous/next/parent links, and the digest of all objects for a page with
#: needs views ("" without).
Inputs = tuple[str, tuple[str, ...], str]

RECORD_VERSION = 2


@dataclass
class _Pending:
    """What to commit once the build has finished."""

    path: Path
    record: dict[str, Any]
    #: the pages to rewrite (their inputs changed, or they have no record)
    changed: set[str]
    generation: int
    #: the output file of a page, for builders with one file per page
    output_file: Callable[[str], str | os.PathLike[str]] | None
    #: mtime (ns) of a file made in the output directory before writing
    started: int
    #: the inputs evaluated when the pages were chosen
    now: _Now | None = None


_pending: weakref.WeakKeyDictionary[Sphinx, _Pending] = weakref.WeakKeyDictionary()


@dataclass
class _Kept:
    """An application whose record stays in memory (:func:`keep_in_memory`)."""

    #: called with a function that writes the record file
    save: Callable[[Callable[[], None]], None]
    record: dict[str, Any] | None = None
    memo: inmemory.Memo | None = None
    #: the pages resolved for writing in this build (no other was written)
    resolved: set[str] = dataclasses.field(default_factory=set)


_kept: weakref.WeakKeyDictionary[Sphinx, _Kept] = weakref.WeakKeyDictionary()


def keep_in_memory(app: Sphinx, save: Callable[[Callable[[], None]], None]) -> None:
    """Keep ``app``'s record in memory between its builds; ``save`` is
    given the function that writes it to its file, to call when it likes
    (a record file older than the pages only makes the next application
    rewrite more).

    Sphinx caches the doctrees a build loads and never forgets them (one
    ``sphinx-build`` reads each document once): a kept application forgets
    them before each build reads, or a page rewritten later would be
    written from its document as it was before an edit.
    """
    _kept[app] = kept = _Kept(save)
    app.connect("env-before-read-docs", _forget_doctrees)
    app.connect(
        "doctree-resolved", lambda app, doctree, docname: kept.resolved.add(docname)
    )


def _forget_doctrees(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _kept[app].resolved.clear()
    env._pickled_doctree_cache.clear()
    env._write_doc_doctree_cache.clear()


class _Now:
    """Inputs of pages as they are now, each key evaluated once."""

    def __init__(self, env: BuildEnvironment, domain: KommunDomain) -> None:
        self.index = domain.index
        self.relations = _relations(env)
        views = _needs_pages(env)
        self.views = views
        self.objects = (
            digest(repr(obj) for obj in _without_lines(self.index.objects))
            if views
            else ""
        )
        #: each key evaluated (the domain does not change while pages are
        #: written: the pages chosen and those written read one index)
        self.values: dict[Key, str] = {}

    def value(self, key: Key) -> str:
        if key not in self.values:
            self.values[key] = evaluate(self.index, key)
        return self.values[key]

    def inputs_besides_reads(self, docname: str) -> tuple[tuple[str, ...], str]:
        return (
            self.relations.get(docname, ()),
            self.objects if docname in self.views else "",
        )

    def inputs(self, docname: str, keys: Iterable[Key]) -> Inputs:
        return (
            digest(self.value(key) for key in sorted(keys, key=repr)),
            self.relations.get(docname, ()),
            self.objects if docname in self.views else "",
        )


def _without_lines(objects: Iterable[Any]) -> Iterator[Any]:
    for obj in objects:
        yield dataclasses.replace(obj, lineno=0, option_lines=())


#: each page: the keys it read and its inputs (as the record holds it in memory)
Pages = dict[str, tuple[frozenset[Key], Inputs]]


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose inputs have changed since written.

    Compared per builder: after ``make html``, an edit and ``make latex``
    on one environment, the HTML pages are still to be rewritten.
    """
    domain = get_domain(env)
    domain.take_reads()  # what pages read is recorded from here on
    builder = app.builder
    path = Path(app.doctreedir) / f"kommun-written-{builder.name}.pickle"
    kept = _kept.get(app)
    outdir = os.fspath(builder.outdir)
    if (
        kept is not None
        and kept.record is not None
        and kept.record["token"] == domain.token
    ):
        record = kept.record
    else:
        record = _load(path, domain.token, outdir)
    generation = domain.data["generation"]
    output_file = _output_file(builder)
    pending = _Pending(
        path,
        record,
        set(),
        generation,
        output_file,
        _clock(Path(builder.outdir)) if output_file is not None else 0,
    )
    _pending[app] = pending
    if record["generation"] == generation:
        return []
    now = pending.now = _Now(env, domain)
    pages: Pages = record["pages"]
    memo = kept.memo if kept is not None and record["generation"] is not None else None
    keys = inmemory.changed_keys(memo, domain, now.value) if memo else None
    if memo is not None and keys is not None:
        pending.changed = inmemory.pages_of(memo, keys) & env.all_docs.keys()
        for docname in env.all_docs:
            stored = pages.get(docname)
            if stored is None or now.inputs_besides_reads(docname) != stored[1][1:]:
                pending.changed.add(docname)
        return sorted(pending.changed)
    for docname in env.all_docs:
        stored = pages.get(docname)
        if stored is None or now.inputs(docname, stored[0]) != stored[1]:
            pending.changed.add(docname)
    return sorted(pending.changed)


def commit_written(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: record what the pages written were written from."""
    pending = _pending.pop(app, None)
    if pending is None or exception is not None:
        return
    env = app.env
    domain = get_domain(env)
    reads = domain.take_reads()
    record = pending.record
    old: Pages = record["pages"]
    now = pending.now
    if now is None or domain.data["generation"] != pending.generation:
        now = _Now(env, domain)
    pages: Pages = {}
    written: Pages = {}
    complete = True
    kept = _kept.get(app)
    for docname in env.all_docs:
        # a kept application's pages not resolved in this build were not
        # written (their files need not be looked at)
        if (kept is None or docname in kept.resolved) and _was_written(
            pending, docname
        ):
            read = frozenset(reads.get(docname, ()))
            pages[docname] = written[docname] = (read, now.inputs(docname, read))
        else:
            complete = complete and docname not in pending.changed
            if docname in old:
                pages[docname] = old[docname]
    record = {**record, "pages": pages}
    record["generation"] = pending.generation if complete else None
    if kept is None:
        _save(pending.path, record)
        return
    kept.record = record
    if not complete or domain.data["generation"] != pending.generation:
        kept.memo = None
    elif kept.memo is None:
        kept.memo = inmemory.new_memo(domain, pages, now.value)
    else:
        inmemory.remember(kept.memo, domain, written, now.values)
    kept.save(lambda: _save(pending.path, record))


def _needs_pages(env: BuildEnvironment) -> set[str]:
    """Pages with a sphinx-needs view (a needtable lists every object)."""
    if not KommunConfig.from_config(env.config).needs:
        return set()
    from sphinx_needs.data import SphinxNeedsData

    return set(SphinxNeedsData(env).get_or_create_docs().get("all", []))


def _relations(env: BuildEnvironment) -> dict[str, tuple[str, ...]]:
    """Each page's previous/next/parent pages and their titles.

    Sphinx rewrites a page's toctree parents when it changes, but not the
    pages before and after it, whose ``rel="next"``/``"prev"`` links name
    it; adding, removing or retitling a page would leave them stale.
    """
    return {
        docname: tuple(
            f"{other}:{env.titles[other].astext() if other in env.titles else ''}"
            for other in related
            if other
        )
        for docname, related in env.collect_relations().items()
    }


def _output_file(builder: Builder) -> Callable[[str], str | os.PathLike[str]] | None:
    """A page's output file, for builders that write one per page."""
    if isinstance(builder, SingleFileHTMLBuilder):
        return None
    if isinstance(builder, StandaloneHTMLBuilder):  # also dirhtml and epub
        return builder.get_outfilename
    if isinstance(builder, (TextBuilder, XMLBuilder)):
        outdir, suffix = Path(builder.outdir), builder.out_suffix
        return lambda docname: outdir / (docname + suffix)
    return None


def _clock(directory: Path) -> int:
    """The file system's time now, as the mtime of a file made in ``directory``
    (the kernel stamps files from a coarser clock than ``time.time_ns``)."""
    fd, name = tempfile.mkstemp(prefix=".kommun-clock-", dir=directory)
    try:
        return os.fstat(fd).st_mtime_ns
    finally:
        os.close(fd)
        os.unlink(name)


def _was_written(pending: _Pending, docname: str) -> bool:
    if pending.output_file is None:
        return True  # no file per page: a build that finished wrote them all
    try:
        mtime = os.stat(pending.output_file(docname)).st_mtime_ns
    except OSError:
        return False
    return mtime >= pending.started


def _load(path: Path, token: str, outdir: str) -> dict[str, Any]:
    """The record at ``path`` if it belongs to this environment and output
    directory, else an empty one; its pages as :data:`Pages`."""
    empty: dict[str, Any] = {
        "version": RECORD_VERSION,
        "token": token,
        "outdir": outdir,
        "generation": None,
        "pages": {},
    }
    try:
        with path.open("rb") as f:
            record = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return empty
    if not isinstance(record, dict) or any(
        record.get(field) != empty[field] for field in ("version", "token", "outdir")
    ):
        return empty
    keys: list[Key] = record.pop("keys")
    record["pages"] = {
        docname: (frozenset(keys[n] for n in numbers), inputs)
        for docname, (numbers, inputs) in record["pages"].items()
    }
    return record


def _save(path: Path, record: dict[str, Any]) -> None:
    """Replace the record at once: a build killed meanwhile leaves the old one.
    On disk each key is written once, pages name keys by number."""
    pages: Pages = record["pages"]
    position: dict[Key, int] = {}
    for read, _inputs in pages.values():
        for key in read:
            position.setdefault(key, len(position))
    stored = {
        **record,
        "keys": list(position),
        "pages": {
            docname: (tuple(position[key] for key in read), inputs)
            for docname, (read, inputs) in pages.items()
        },
    }
    temporary = path.with_name(path.name + ".new")
    try:
        with temporary.open("wb") as f:
            pickle.dump(stored, f, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        # no record: the next build rewrites every page, which is safe
        with contextlib.suppress(OSError):
            path.unlink()
        with contextlib.suppress(OSError):
            temporary.unlink()
