"""Sphinx configuration of the sphinx-kommun example project."""

import sys
from pathlib import Path

# Use the extension from this checkout even when it is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

project = "Handlingar – Stockholms stad"
language = "sv"
extensions = ["sphinx_kommun"]

exclude_patterns = ["_build"]

html_title = "Handlingar"
# No html_sidebars: sphinx-kommun's default sidebar shows the page's ärende
# and the index of all ärenden, not the global table of contents.
