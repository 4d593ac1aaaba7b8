"""The garbage collector's youngest generation is enlarged while pages are written."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import warnings_of


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """The collector's thresholds before the test, put back after it."""
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def _build_recording(
    make_app: Callable[..., SphinxTestApp], srcdir: Path, **confoverrides: object
) -> tuple[SphinxTestApp, set[int]]:
    """Build, recording the youngest generation's threshold while writing."""
    app = make_app("html", srcdir=srcdir, confoverrides=confoverrides)
    seen: set[int] = set()
    app.connect(
        "doctree-resolved",
        lambda app, doctree, docname: seen.add(gc.get_threshold()[0]),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app, seen


@pytest.mark.parametrize(
    ("before", "setting", "while_writing"),
    [
        (700, {"kommun_write_gc_threshold": 12_345}, 12_345),
        (700, {}, 10_000),  # the default
        (700, {"kommun_write_gc_threshold": 0}, 700),  # 0: left alone
        (50_000, {}, 50_000),  # a larger threshold already set is kept
    ],
)
def test_write_phase_threshold_and_restored_after(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    thresholds: tuple[int, int, int],
    before: int,
    setting: dict[str, object],
    while_writing: int,
) -> None:
    gc.set_threshold(before, thresholds[1], thresholds[2])
    app, seen = _build_recording(make_app, project_copy("case"), **setting)
    assert warnings_of(app) == ""
    assert seen == {while_writing}
    assert gc.get_threshold() == (before, thresholds[1], thresholds[2])


@pytest.mark.parametrize("value", [-1, 2.5, True])
def test_a_bad_setting_warns_and_falls_back(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    thresholds: tuple[int, int, int],
    value: object,
) -> None:
    gc.set_threshold(700, thresholds[1], thresholds[2])
    app, seen = _build_recording(
        make_app, project_copy("case"), kommun_write_gc_threshold=value
    )
    warnings = warnings_of(app)
    assert "kommun_write_gc_threshold must be a whole number" in warnings
    assert "[kommun.config]" in warnings
    assert seen == {10_000}


def _freeze_counts(
    make_app: Callable[..., SphinxTestApp], srcdir: Path, **kwargs: object
) -> tuple[SphinxTestApp, list[int], list[int]]:
    """Build, recording how many objects are frozen after each page is read
    (in this process) and as each page is resolved for writing."""
    app = make_app("html", srcdir=srcdir, **kwargs)
    reading: list[int] = []
    writing: list[int] = []
    app.connect(
        "doctree-read", lambda app, doctree: reading.append(gc.get_freeze_count()), 900
    )
    app.connect(
        "doctree-resolved",
        lambda app, doctree, docname: writing.append(gc.get_freeze_count()),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app, reading, writing


def test_pages_read_are_frozen_and_unfrozen_before_writing(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sphinx_kommun.output import memory

    monkeypatch.setattr(memory, "FIRST_FREEZE", 2)
    app, reading, writing = _freeze_counts(make_app, project_copy("case"))
    assert warnings_of(app) == ""
    assert reading[0] == 0 and reading[-1] > 0  # frozen as pages are read
    assert set(writing) == {0}  # serial: pages written are collectable
    assert gc.get_freeze_count() == 0


def test_what_a_build_holds_is_frozen_while_build_finished_handlers_run(
    make_app: Callable[..., SphinxTestApp], project_copy: Callable[[str], Path]
) -> None:
    app = make_app("html", srcdir=project_copy("case"))
    during: list[int] = []
    app.connect("build-finished", lambda app, exc: during.append(gc.get_freeze_count()))
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == ""
    assert during and during[0] > 0
    assert gc.get_freeze_count() == 0


def test_what_was_frozen_before_a_build_stays_frozen(
    make_app: Callable[..., SphinxTestApp], project_copy: Callable[[str], Path]
) -> None:
    """As the preview freezes what it holds when idle: a build leaves that
    frozen."""
    app = make_app("html", srcdir=project_copy("case"))
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        app.build()
        # still frozen (a few frozen objects are freed as their last reference goes)
        assert gc.get_freeze_count() > before // 2 > 0
    finally:
        gc.unfreeze()
        app.cleanup()
    assert warnings_of(app) == ""


def test_with_j2_what_the_main_process_holds_is_frozen_while_writing(
    make_app: Callable[..., SphinxTestApp], project_copy: Callable[[str], Path]
) -> None:
    app, reading, writing = _freeze_counts(make_app, project_copy("case"), parallel=2)
    assert warnings_of(app) == ""
    assert reading == []  # read in other processes
    assert writing and min(writing) > 0
    assert gc.get_freeze_count() == 0


def test_freezing_can_be_turned_off(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sphinx_kommun.output import memory

    monkeypatch.setattr(memory, "FIRST_FREEZE", 2)
    app, reading, writing = _freeze_counts(
        make_app, project_copy("case"), confoverrides={"kommun_gc_freeze": False}
    )
    assert warnings_of(app) == ""
    assert set(reading) == {0} and set(writing) == {0}


def test_with_j2_a_reading_process_freezes_nothing_of_its_own(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A forked reading process keeps no doctree, so collecting in full and
    freezing as it reads would only cost; what the main process held when
    reading started is frozen for it (not walked by its collections)."""
    from sphinx_kommun.output import memory

    monkeypatch.setattr(memory, "FIRST_FREEZE", 2)
    log = tmp_path / "frozen.txt"
    app = make_app("html", srcdir=project_copy("case"), parallel=2)

    def note(app: SphinxTestApp, doctree: object) -> None:
        with log.open("a") as file:  # from the reading processes
            file.write(f"{os.getpid()} {gc.get_freeze_count()}\n")

    app.connect("doctree-read", note, 900)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == ""
    counts: dict[str, list[int]] = {}
    for line in log.read_text().splitlines():
        pid, count = line.split()
        counts.setdefault(pid, []).append(int(count))
    assert str(os.getpid()) not in counts  # read in other processes
    assert any(len(seen) > 2 for seen in counts.values())
    for seen in counts.values():
        assert seen[0] > 0  # the main process's objects, frozen
        assert seen == sorted(seen, reverse=True)  # none frozen here
    assert gc.get_freeze_count() == 0


def test_with_j2_a_writing_process_freezes_what_it_inherited(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    tmp_path: Path,
) -> None:
    """What the main process made after it froze its own (the pages it
    resolved for writing) is frozen in the process forked to write them."""
    log = tmp_path / "frozen.txt"
    app = make_app("html", srcdir=project_copy("case"), parallel=2)
    main: list[int] = []

    def written(app: SphinxTestApp, pagename: str, *args: object) -> None:
        with log.open("a") as file:
            file.write(f"{os.getpid()} {gc.get_freeze_count()}\n")

    app.connect(
        "write-started", lambda app, builder: main.append(gc.get_freeze_count()), 900
    )
    app.connect("html-page-context", written)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == ""
    first: dict[str, int] = {}
    for line in log.read_text().splitlines():
        pid, count = line.split()
        first.setdefault(pid, int(count))
    writers = {pid: count for pid, count in first.items() if pid != str(os.getpid())}
    assert writers
    assert all(count > main[0] for count in writers.values()), (main, writers)
    assert gc.get_freeze_count() == 0
