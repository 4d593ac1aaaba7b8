"""A wrapper that is no generator (tests/test_plugins.py): pluggy refuses it."""

from sphinx_kommun import hookimpl


@hookimpl(wrapper=True)
def kommun_positions():
    return {"omslag": "inget omslag"}
