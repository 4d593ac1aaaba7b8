"""The search index: each word stemmed once per build, not once per page.

Sphinx's index builder remembers the stems of one page only, and a Swedish
(or English …) stemmer is pure Python: a build of N pages stems the same
words of the handlingar N times over, which took a fifth of the whole
build at N = 500, and under ``-j`` all of it in the main process, while the
others wait. The project's search language is registered again
(:meth:`sphinx.application.Sphinx.add_search_language`) as a subclass that
remembers every word's stem; the stems, and so ``searchindex.js``, are the
same.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search import SearchLanguage, languages


def _language_class(name: str) -> type[SearchLanguage] | None:
    """The class Sphinx's index builder takes for language ``name``."""
    found = languages.get(name)
    if found is None and "_" in name:
        found = languages.get(name.partition("_")[0])
    if isinstance(found, str):
        module, name = found.rsplit(".", 1)
        found = getattr(import_module(module), name)
    return found


def remembering(base: type[SearchLanguage]) -> type[SearchLanguage]:
    """``base``, remembering the stem of every word it has stemmed."""
    if getattr(base, "kommun_remembers", False):
        return base

    class Remembering(base):  # type: ignore[valid-type,misc]
        kommun_remembers = True

        def __init__(self, options: dict[str, Any]) -> None:
            self.kommun_stems: dict[str, str] = {}
            super().__init__(options)

        def stem(self, word: str) -> str:
            stems = self.kommun_stems
            if word not in stems:
                stems[word] = super().stem(word)
            return stems[word]

    Remembering.__name__ = Remembering.__qualname__ = base.__name__
    Remembering.__module__ = base.__module__
    return Remembering


def remember_stems(app: Sphinx, config: Config) -> None:
    """``config-inited``: the project's search language, remembering stems."""
    base = _language_class(config.html_search_language or config.language or "en")
    if base is not None:
        app.add_search_language(remembering(base))
