"""Which pages to rewrite after an incremental read.

Generated content depends on data from other documents. Each placeholder
records a dependency key while its document is read; after reading, what
each page is made of – the digest of every key it depends on, its
previous/next/parent links, whether there is an index of ärenden (every
sidebar links it), and for a page with needs views the digest of all
objects – is compared with what the page was last *written* from, and pages
whose inputs changed are rewritten.

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

The record also keeps the domain's generation (which counts every change
to objects and references) when every page it rewrote was written: a build
that reads nothing then rewrites nothing without comparing. Sphinx itself
rewrites a page whose own source is newer than its output; the record only
matters for what a page shows of others.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import weakref
from collections.abc import Callable
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

from ..domain.store import (
    DepKey,
    KommunDomain,
    get_domain,
)
from ..needs import stale_views
from . import (
    _digest,
    fingerprint,
    project,
)

#: What a page was made of: digests of its dependency keys, its
#: previous/next/parent links, whether an index of ärenden exists, and the
#: digest of all objects for a page with needs views ("" without).
Inputs = tuple[dict[DepKey, str], tuple[str, ...], bool, str]

RECORD_VERSION = 1


@dataclass
class _Pending:
    """Inputs of the pages to commit once the build has finished."""

    path: Path
    record: dict[str, Any]
    changed: dict[str, Inputs]
    generation: int
    #: the output file of a page, for builders with one file per page
    output_file: Callable[[str], str | os.PathLike[str]] | None
    #: mtime (ns) of a file made in the output directory before writing
    started: int


_pending: weakref.WeakKeyDictionary[Sphinx, _Pending] = weakref.WeakKeyDictionary()


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose generated content has changed.

    Compared per builder: after ``make html``, an edit and ``make latex``
    on one environment, the HTML pages are still to be rewritten.
    """
    domain = get_domain(env)
    builder = app.builder
    path = Path(app.doctreedir) / f"kommun-written-{builder.name}.pickle"
    record = _load(path, domain.token, os.fspath(builder.outdir))
    generation = domain.data["generation"]
    if record["generation"] == generation:
        return []
    pages: dict[str, Inputs] = record["pages"]
    changed = {
        docname: inputs
        for docname, inputs in _inputs(env, domain).items()
        if pages.get(docname) != inputs
    }
    output_file = _output_file(builder)
    _pending[app] = _Pending(
        path,
        record,
        changed,
        generation,
        output_file,
        _clock(Path(builder.outdir)) if output_file is not None else 0,
    )
    return sorted(changed)


def commit_written(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: record what the pages written were written from."""
    pending = _pending.pop(app, None)
    if pending is None or exception is not None:
        return
    record = pending.record
    pages: dict[str, Inputs] = record["pages"]
    for docname in set(pages) - set(app.env.all_docs):
        del pages[docname]
    complete = True
    for docname, inputs in pending.changed.items():
        if _was_written(pending, docname):
            pages[docname] = inputs
        else:
            complete = False
    record["generation"] = pending.generation if complete else None
    _save(pending.path, record)


def _inputs(env: BuildEnvironment, domain: KommunDomain) -> dict[str, Inputs]:
    """What each page is made of now."""
    index = domain.index
    cache: dict[DepKey, str] = {}
    relations = _relations(env)
    views = set(stale_views(env))
    objects = (
        _digest(fingerprint(obj, with_text=True) for obj in index.objects)
        if views
        else ""
    )
    inputs: dict[str, Inputs] = {}
    for docname in env.all_docs:
        digests = {}
        for key in domain.deps.get(docname, ()):
            if key not in cache:
                cache[key] = project(index, key)
            digests[key] = cache[key]
        inputs[docname] = (
            digests,
            relations.get(docname, ()),
            index.has_arenden,
            objects if docname in views else "",
        )
    return inputs


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
    directory, else an empty one."""
    empty = {
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
    return record


def _save(path: Path, record: dict[str, Any]) -> None:
    """Replace the record at once: a build killed meanwhile leaves the old one."""
    temporary = path.with_name(path.name + ".new")
    try:
        with temporary.open("wb") as f:
            pickle.dump(record, f, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        # no record: the next build rewrites every page, which is safe
        with contextlib.suppress(OSError):
            path.unlink()
        with contextlib.suppress(OSError):
            temporary.unlink()


def plugins_changed(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """``env-get-outdated``: re-read everything when the plugins changed.

    Plugins are not configuration values Sphinx compares (they may be
    installed or removed without touching conf.py), so their names and
    versions are kept with the environment.
    """
    plugins = getattr(app, "kommun_plugins", None)
    if plugins is None:
        return []
    current = sorted((info.name, info.version) for info in plugins.info.values())
    domain = get_domain(env)
    previous = domain.data.get("plugins")
    domain.data["plugins"] = current
    if previous is None or previous == current:
        return []
    return sorted(env.found_docs)
