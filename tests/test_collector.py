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


def test_write_phase_uses_the_setting_and_restores_it(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    thresholds: tuple[int, int, int],
) -> None:
    gc.set_threshold(700, thresholds[1], thresholds[2])
    app, seen = _build_recording(
        make_app, project_copy("case"), kommun_write_gc_threshold=12_345
    )
    assert warnings_of(app) == ""
    assert seen == {12_345}
    assert gc.get_threshold() == (700, thresholds[1], thresholds[2])


def test_zero_leaves_the_collector_alone(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    thresholds: tuple[int, int, int],
) -> None:
    gc.set_threshold(700, thresholds[1], thresholds[2])
    app, seen = _build_recording(
        make_app, project_copy("case"), kommun_write_gc_threshold=0
    )
    assert warnings_of(app) == ""
    assert seen == {700}


def test_a_larger_threshold_already_set_is_kept(
    make_app: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    thresholds: tuple[int, int, int],
) -> None:
    gc.set_threshold(50_000, thresholds[1], thresholds[2])
    _app, seen = _build_recording(make_app, project_copy("case"))
    assert seen == {50_000}
    assert gc.get_threshold()[0] == 50_000


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
