"""``latex_elements`` and the indices: a municipal look, unless the
project chose otherwise.

A printed handling has no index pages at its end: ``latex_domain_indices``
is False and ``latex_elements["printindex"]`` empty unless conf.py (or
``-D``) sets them.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from ...config import KommunConfig
from .documents import tex_text

#: ``latex_elements`` a project gets unless it sets the key itself.
DEFAULTS = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "geometry": "\\usepackage[a4paper,top=30mm,bottom=25mm,left=25mm,"
    "right=25mm,headheight=28pt,headsep=10mm]{geometry}",
    "maketitle": "\\kommunmaketitle",
    "tableofcontents": "",
    "fncychap": "",
    "extraclassoptions": "oneside",
    # no general index after the documents
    "printindex": "",
}


def set_by_project(config: Config, name: str) -> bool:
    """Whether conf.py or ``-D`` sets ``name``. (Sphinx keeps no public
    record of it: its raw namespace and the overrides are read.)"""
    return name in config._raw_config or name in config._overrides


def configure(app: Sphinx, config: Config) -> None:
    """``config-inited``: our defaults of ``latex_elements`` and
    ``latex_domain_indices``, and the preamble."""
    settings = KommunConfig.from_config(config)
    elements = dict(config.latex_elements)
    for key, value in DEFAULTS.items():
        elements.setdefault(key, value)
    municipality = tex_text(config, settings.words.municipality)
    plugins = app.kommun_plugins  # type: ignore[attr-defined]
    environments = "".join(
        f"\\newenvironment{{sphinxclasskommunenv-{env}}}{{\\begin{{{env}}}}}{{\\end{{{env}}}}}\n"
        for kind in plugins.sections.values()
        if (env := kind.get("latex_environment"))
    )
    elements["preamble"] = (
        f"\\renewcommand{{\\kommunmunicipality}}{{{municipality}}}\n"
        + plugins.latex_preamble()
        + "\n"
        + environments
        + elements.get("preamble", "")
    )
    config.latex_elements = elements
    if not set_by_project(config, "latex_domain_indices"):
        config.latex_domain_indices = False
