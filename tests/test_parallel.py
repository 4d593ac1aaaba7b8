"""Parallel builds (-j 2) produce the same output as serial ones."""

from __future__ import annotations

import os
import pickle
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import sphinx.builders
from sphinx.search import IndexBuilder
from sphinx.testing.util import SphinxTestApp
from sphinx.util.parallel import ParallelTasks

from sphinx_kommun.domain import perdocument
from sphinx_kommun.testing import warning_lines, warnings_of

from .conftest import edit
from .test_incremental import assert_same_pages, html_pages


def test_parallel_equals_serial(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("case")
    serial = build(src, builddir=tmp_path / "serial", freshenv=True)
    parallel = build(src, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert warnings_of(serial) == ""
    assert warnings_of(parallel) == ""
    assert html_pages(parallel.outdir) == html_pages(serial.outdir)
    # the environment's dicts by page: every page's, plain dicts again
    for name in perdocument.ENVIRONMENT_STORES:
        merged = getattr(parallel.env, name)
        assert type(merged) is dict, name
        assert merged.keys() == getattr(serial.env, name).keys(), name


def test_parallel_pages_are_indexed_where_written_and_the_index_is_serial(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under -j 2 two processes write the pages, as two read them (Sphinx
    writes with one: its main process also indexes), each taking its pages
    into the search index (the main process feeds only the page it writes
    itself), and searchindex.js is byte for byte a serial build's."""
    src = project_copy("case")
    serial = build(src, builddir=tmp_path / "serial", freshenv=True)
    fed: list[str] = []
    feed = IndexBuilder.feed

    def counting(self: IndexBuilder, docname: str, *args: Any) -> None:
        fed.append(docname)
        feed(self, docname, *args)

    processes: list[int] = []

    class Counted(ParallelTasks):
        def __init__(self, nproc: int) -> None:
            processes.append(nproc)
            super().__init__(nproc)

    monkeypatch.setattr(IndexBuilder, "feed", counting)
    monkeypatch.setattr(sphinx.builders, "ParallelTasks", Counted)
    parallel = build(src, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    assert warnings_of(parallel) == ""
    assert processes == [2, 2]  # reading, writing
    index = (parallel.outdir / "searchindex.js").read_bytes()
    assert index == (serial.outdir / "searchindex.js").read_bytes()
    pages = len(html_pages(serial.outdir))
    assert len(fed) == 1 < pages  # fed in this process: the first page only
    # the generated remissammanställning's words are in the index
    assert b"remissammanst" in index


def test_parallel_incremental_equals_fresh(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("case")
    build(src, builddir=tmp_path / "parallel", parallel=2)
    edit(src / "yttrande-slk.rst", ":datum: 2020-10-10", ":datum: 2020-09-30")
    edit(src / "yttrande-bromma.rst", "Vi tycker annorlunda.", "Vi reserverar oss.")
    incremental = build(src, builddir=tmp_path / "parallel", parallel=2)
    assert warnings_of(incremental) == ""
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    assert_same_pages(incremental.outdir, fresh.outdir)
    assert "Vi reserverar oss." in (incremental.outdir / "utlatande.html").read_text()


def test_parallel_gives_the_same_warnings_as_serial(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    """Warnings from reading (in the worker processes) and from the checks
    after reading (in the main process) come out alike, at the same lines."""
    src = project_copy("case")
    edit(src / "yttrande-bromma.rst", ":datum: 2020-09-02", ":datum: 2020-09-32")
    edit(
        src / "yttrande-slk.rst",
        ":sammanfattning:",
        ":telefon: <b>08</b>\n   :sammanfattning:",
    )
    edit(src / "beslut.rst", ":utfall: avslag", ":utfall: 1: avslag; 7: bifall")
    serial = build(src, builddir=tmp_path / "serial", freshenv=True)
    parallel = build(src, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    expected = sorted(warning_lines(serial))
    subtypes = {line.rsplit("[", 1)[-1] for line in expected}
    assert {"kommun.date]", "kommun.markup]", "kommun.ref]"} <= subtypes, expected
    assert sorted(warning_lines(parallel)) == expected


def test_a_reading_process_sends_back_only_the_pages_it_read() -> None:
    """A store pickled in a process forked to read pages (-j) holds only
    what that process read; pickled where reading started, it holds all."""
    store = perdocument.PerDocument({"arende-1/index": 1, "arende-2/index": 2})
    serial = SimpleNamespace(parallel=1)
    perdocument.reading_started(serial, SimpleNamespace(), [])  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(store)) == store
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the reading process
        perdocument.read_here("arende-2/index")
        os.write(write, pickle.dumps(store))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as sent:
        back = pickle.loads(sent.read())
    os.waitpid(pid, 0)
    assert back == {"arende-2/index": 2}
    assert isinstance(back, perdocument.PerDocument)


def test_a_reading_process_sends_back_only_its_pages_of_the_environment() -> None:
    """Under -j, Sphinx's own dicts by page (titles, tables of contents) are
    sent back like the domain's stores, and are plain dicts after reading;
    a serial read leaves them alone."""
    titles = {"arende-1/index": "Motion 1", "arende-2/index": "Motion 2"}
    env = SimpleNamespace(titles=dict(titles), metadata=defaultdict(dict))
    perdocument.reading_started(SimpleNamespace(parallel=1), env, [])  # type: ignore[arg-type]
    assert type(env.titles) is dict
    perdocument.reading_started(SimpleNamespace(parallel=2), env, [])  # type: ignore[arg-type]
    assert isinstance(env.titles, perdocument.PerDocument)
    assert type(env.metadata) is defaultdict  # not a plain dict: left alone
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the reading process
        perdocument.read_here("arende-1/index")
        os.write(write, pickle.dumps(env.titles))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as sent:
        back = pickle.loads(sent.read())
    os.waitpid(pid, 0)
    assert back == {"arende-1/index": "Motion 1"}
    perdocument.reading_finished(SimpleNamespace(), env)  # type: ignore[arg-type]
    assert type(env.titles) is dict
    assert env.titles == titles
