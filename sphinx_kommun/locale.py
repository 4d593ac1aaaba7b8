"""Translation of the texts readers see.

Message ids are the Swedish texts themselves: a Swedish project needs no
catalogue, and ``locale/en`` translates them for projects built in English.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation

CATALOG = "sphinx_kommun"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)


def register(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
