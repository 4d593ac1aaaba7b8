"""What the HTML needs for WCAG 2.1 AA beyond sphinx-kommun's own markup.

Sphinx writes a toctree's caption as ``<p class="caption" role="heading">``
without the ``aria-level`` a heading role requires (axe-core:
``aria-required-attr``); in each page's body, and in a theme's own
navigation made with the template's ``toctree()``, each gets the level
below the heading before it (2 where none is). Colour contrast of the themes' footers and of our
own marks is fixed in ``static/kommun.css``.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

_CAPTION = re.compile(r'<p class="caption" role="heading">')
_HEADING = re.compile(r"<h([1-6])[\s>]")


def _levelled(body: str) -> str:
    """Each caption with ``aria-level`` one below the heading before it."""
    parts: list[str] = []
    last = 0
    for match in _CAPTION.finditer(body):
        before = _HEADING.findall(body, 0, match.start())
        level = min(int(before[-1]) + 1, 6) if before else 2
        parts.append(body[last : match.start()])
        parts.append(f'<p class="caption" role="heading" aria-level="{level}">')
        last = match.end()
    parts.append(body[last:])
    return "".join(parts)


def heading_levels(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: toctree captions get their heading level."""
    body = context.get("body")
    if isinstance(body, str) and 'role="heading">' in body:
        context["body"] = _levelled(body)
    toctree = context.get("toctree")
    if callable(toctree):  # a theme's own navigation (sphinx-rtd-theme)

        def levelled_toctree(**kwargs: Any) -> Any:
            found = toctree(**kwargs)
            return _levelled(found) if isinstance(found, str) else found

        context["toctree"] = levelled_toctree
