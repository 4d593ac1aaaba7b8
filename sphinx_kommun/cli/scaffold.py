"""The files ``init`` writes."""

from __future__ import annotations

from .term import _

CONF = '''"""Sphinx configuration of {kommun}'s handlingar (made by sphinx-kommun init)."""

project = {project!r}
language = "sv"
extensions = ["sphinx_kommun"]
exclude_patterns = ["_build", ".venv", ".github"]

# the kommun profile: its words, phrases and diarienummer (README: Kommun profiles)
kommun_profile = {profile!r}
kommun_municipality = {kommun!r}

# an accessible theme (README: alabaster or furo) and no html_sidebars:
# sphinx-kommun's sidebar shows the page's ärende and the index of all ärenden
html_theme = {theme!r}
html_title = {title!r}

# each ärende's and meeting's page links its PDF; sphinx-kommun build
# copies the PDFs to _build/html/pdf/
kommun_pdf_url = "pdf/"
'''

WORKFLOW = """# Checks and builds the handlingar on every push and pull request:
# sphinx-kommun check annotates each warning at its line, and the build
# fails on any warning (-W).
name: Handlingar
on:
  push:
  pull_request:
jobs:
  handlingar:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: TeX Live for the PDFs
        run: >-
          sudo apt-get update && sudo apt-get install -y --no-install-recommends
          texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended
          texlive-lang-european tex-gyre latexmk
      - run: pip install {packages}
      - name: Check
        run: sphinx-kommun check --format github
      - name: Build HTML and PDF
        run: sphinx-kommun build -W
      - uses: actions/upload-artifact@v4
        with:
          name: handlingar
          path: _build/html
"""


def conf(kommun: str, profile: str, theme: str) -> str:
    return CONF.format(
        kommun=kommun,
        project=_("Handlingar – %(kommun)s") % {"kommun": kommun},
        profile=profile,
        theme=theme,
        title=_("Handlingar"),
    )


def index(kommun: str) -> str:
    title = _("Handlingar – %(kommun)s") % {"kommun": kommun}
    intro = _(
        "Här publicerar %(kommun)s sina handlingar: ärendena med sina "
        "motioner, remisser, yttranden och beslut, och sammanträdenas "
        "föredragningslistor."
    ) % {"kommun": kommun}
    lines = [title, "=" * len(title), "", intro, ""]
    for caption in (_("Ärenden"), _("Sammanträden")):
        lines += [".. toctree::", "   :maxdepth: 1", f"   :caption: {caption}", ""]
    return "\n".join(lines)


def workflow(theme: str) -> str:
    packages = "sphinx-kommun" + (f" {theme}" if theme != "alabaster" else "")
    return WORKFLOW.format(packages=packages)
