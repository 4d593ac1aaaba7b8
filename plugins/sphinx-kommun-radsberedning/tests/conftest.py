"""Sphinx's testing fixtures, with this plugin's own test roots.

The fixtures of ``sphinx.testing.fixtures`` are imported here rather than
named in ``pytest_plugins``: pytest refuses ``pytest_plugins`` in a conftest
that is not at the top of a run ("Defining 'pytest_plugins' in a
non-top-level conftest is no longer supported"), and these tests run both on
their own and as part of a larger suite (``pytest plugins``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.fixtures import (  # noqa: F401  (fixtures and hook for pytest)
    _shared_result_cache,
    app,
    app_params,
    make_app,
    pytest_configure,
    shared_result,
    sphinx_test_tempdir,
    status,
    test_params,
    warning,
)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"
