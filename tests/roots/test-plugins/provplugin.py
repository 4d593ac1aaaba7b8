"""A test plugin implementing every hook (tests/test_plugins.py)."""

from pathlib import Path

from docutils import nodes

from sphinx_kommun import hookimpl

__version__ = "1.2.3"


def _stadsdel(value):
    if not value.isupper():
        raise ValueError(f"'{value}' ska skrivas med versaler")
    return value


def _build(options, content, language):
    label = "Risknivå" if language == "sv" else "Risk level"
    return [nodes.paragraph("", f"{label}: {options.get('niva', '–')}."), *content]


@hookimpl
def kommun_section_kinds():
    return [
        {
            "name": "riskanalys",
            "aliases": ["riskbedömning"],
            "title": "Riskanalys",
            "kinds": ["yttrande"],
            "options": {"niva": {"help": "låg, medel eller hög", "validate": _niva}},
            "build": _build,
            "html_class": "prov-risk",
            "latex_environment": "provrisk",
        }
    ]


def _niva(value):
    if value not in ("låg", "medel", "hög"):
        raise ValueError(f"'{value}' är ingen nivå")
    return value


@hookimpl
def kommun_object_fields(kind):
    if kind != "yttrande":
        return []
    return [
        {
            "name": "stadsdel",
            "label": "Stadsdelsområde",
            "help": "the district, in capitals",
            "validate": _stadsdel,
        }
    ]


@hookimpl
def kommun_profiles():
    # Göteborgs Stad: an ordinary kommun that writes tjänsteutlåtanden
    return {
        "goteborg": {
            "base": "kommun",
            "municipality": "Göteborgs Stad",
            "statement": "tjänsteutlåtande",
            "statement_definite": "tjänsteutlåtandet",
            "statement_dated": "daterat",
        }
    }


@hookimpl
def kommun_positions():
    return {"tillstyrker med tillägg": "stöder förslaget med ett tillägg"}


@hookimpl
def kommun_compilation_columns():
    return [
        {"title": "Stadsdel", "value": lambda y: dict(y.extra).get("stadsdel", "–")}
    ]


@hookimpl
def kommun_latex_preamble():
    return "\\newenvironment{provrisk}{\\par\\noindent PROVRISK\\par}{\\par}"


@hookimpl
def kommun_static_files():
    return [str(Path(__file__).with_name("prov.css"))]


@hookimpl
def kommun_header_fields(obj, language):
    if obj.kind == "yttrande":
        return [("Provfält", f"prov-{obj.instans}")]
    return []


@hookimpl
def kommun_footer(obj, language):
    if obj.kind != "yttrande":
        return []
    return [
        {
            "key": "prov",
            "nodes": [nodes.paragraph("", f"Provsidfot för {obj.instans}.")],
        },
        {"key": "attestering", "nodes": [nodes.paragraph("", "Provattestering.")]},
    ]


@hookimpl
def kommun_checks(index):
    return [
        {
            "object": obj,
            "subtype": "prov",
            "message": f"provkontroll: {obj.instans}",
            # about one option: reported at its line
            "line": obj.line_of("datum"),
        }
        for obj in index.by_id.values()
        if obj.kind == "yttrande" and obj.instans == "Stadsledningskontoret"
    ]
