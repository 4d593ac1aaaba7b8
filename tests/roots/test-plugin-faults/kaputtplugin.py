"""A plugin whose every setup hook raises (tests/test_plugins.py).

Its checks return a finding about no object, which is nonsense.
"""

from sphinx_kommun import hookimpl


@hookimpl
def kommun_section_kinds():
    raise RuntimeError("inga avsnitt")


@hookimpl
def kommun_object_fields(kind):
    raise RuntimeError("inga fält")


@hookimpl
def kommun_positions():
    raise RuntimeError("inga ord")


@hookimpl
def kommun_compilation_columns():
    raise RuntimeError("inga kolumner")


@hookimpl
def kommun_latex_preamble():
    raise RuntimeError("ingen ingress")


@hookimpl
def kommun_static_files():
    raise RuntimeError("inga filer")


@hookimpl
def kommun_checks(index):
    return [{"subtype": "prov", "message": "ett fynd utan objekt"}]
