"""A plugin that raises in some hooks and returns nonsense from others."""

from sphinx_kommun import hookimpl


@hookimpl
def kommun_section_kinds():
    return [{"name": "trasig", "title": "Trasig", "build": lambda o, c, lang: 1 / 0}]


@hookimpl
def kommun_positions():
    return ["inte", "en", "dict"]


@hookimpl
def kommun_compilation_columns():
    return [{"title": "Trasig", "value": lambda yttrande: 1 / 0}]


@hookimpl
def kommun_header_fields(obj, language):
    raise RuntimeError("trasigt huvud")


@hookimpl
def kommun_footer(obj, language):
    return [{"key": "x", "nodes": ["inte en nod"]}]


@hookimpl
def kommun_checks(index):
    raise KeyError("trasig kontroll")


@hookimpl
def kommun_static_files():
    return ["saknas.css"]


@hookimpl
def kommun_object_fields(kind):
    return [{"name": "trasigt", "label": "Trasigt", "help": "", "validate": len}]
