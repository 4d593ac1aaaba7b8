"""The garbage collector's youngest generation is enlarged while pages are written."""

from __future__ import annotations

import gc
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
