"""Sphinx's testing fixtures (from sphinx_kommun.testing), this plugin's test roots."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_kommun.testing import *  # noqa: F403  (fixtures and hook for pytest)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"
