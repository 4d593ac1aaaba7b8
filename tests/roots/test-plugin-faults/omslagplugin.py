"""Wrappers that fail (tests/test_plugins.py): the results stay as they were."""

from sphinx_kommun import hookimpl


@hookimpl(wrapper=True)
def kommun_positions():
    yield
    raise RuntimeError("omslaget gick sönder")


@hookimpl(hookwrapper=True)
def kommun_header_fields(obj, language):
    if obj.kind == "arende":
        raise RuntimeError("inget huvud för ärendet")
    outcome = yield
    if obj.kind == "yttrande":
        outcome.force_result("inte en lista")
