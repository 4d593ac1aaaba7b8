"""What the HTML needs for WCAG 2.1 AA beyond sphinx-kommun's own markup.

Sphinx writes a toctree's caption as ``<p class="caption" role="heading">``
without the ``aria-level`` a heading role requires (axe-core:
``aria-required-attr``); in each page's body, and in a theme's own
navigation made with the template's ``toctree()``, each gets the level
below the heading before it (2 where none is). Header cells get their
``scope`` (a table's first column names its row), and a document's title
(a rubric, kept out of the table of contents) the role of a heading. Colour contrast of the themes' footers and of our
own marks is fixed in ``static/kommun.css``. In the rendered page (see
:mod:`.banner`), a button whose ``aria-label`` is only the start of its
visible text is named by its text (:func:`label_in_name`). A generated
table's box, which scrolls when the table is wider than a phone's screen,
is a region named by the table's caption that the keyboard can reach.
"""

from __future__ import annotations

import html
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


#: Header cells: a column's (in the head) and a row's (the first column).
_HEAD_CELL = re.compile(r'<th class="head( stub)?"')
_ROW_CELL = re.compile(r'<th class="stub"')
#: A document's title (a rubric, so it stays out of the table of contents).
_DOC_TITLE = re.compile(r'<p class="([^"]*\bkommun-doc-title\b[^"]*)">')


_H1 = re.compile(r"<h1[\s>]")
_ANY_HEADING = re.compile(r"<(/?)h([1-5])([\s>])")


def _one_h1(body: str) -> str:
    """One ``h1`` a page: a second top-level section of a page (the
    remissammanställning after its utlåtande) and what is below it go one
    level down."""
    first = _H1.search(body)
    second = _H1.search(body, first.end()) if first else None
    if second is None:
        return body
    rest = _ANY_HEADING.sub(
        lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}{m.group(3)}",
        body[second.start() :],
    )
    return body[: second.start()] + rest


#: The box a generated table stands in (it scrolls when the table is wider
#: than the page), with the table's caption when it has one.
_TABLE_BOX = re.compile(
    r'<div class="kommun-table docutils container">'
    r"(\s*<table[^>]*>\s*<caption>(.*?)</caption>)?",
    re.S,
)
_CAPTION_TEXT = re.compile(r'<span class="caption-text">(.*?)</span>', re.S)


def _table_region(box: re.Match[str]) -> str:
    """A table's box, which scrolls on a phone, reachable by the keyboard
    (WCAG 2.1.1) and named by the table's caption: a region."""
    caption = box.group(2)
    if caption is None:
        return box.group(0)
    text = _CAPTION_TEXT.search(caption)  # without its number and permalink
    name = html.escape(
        _words(_TAG.sub(" ", text.group(1) if text else caption)), quote=True
    )
    return (
        '<div class="kommun-table docutils container" role="region" '
        f'tabindex="0" aria-label="{name}">{box.group(1)}'
    )


def semantics(body: str) -> str:
    """One ``h1``; header cells with their ``scope``; document titles as
    headings; a captioned table's box a region the keyboard can scroll."""
    body = _TABLE_BOX.sub(_table_region, body)
    body = _one_h1(body)
    body = _HEAD_CELL.sub(
        lambda m: f'<th class="head{m.group(1) or ""}" scope="col"', body
    )
    body = _ROW_CELL.sub('<th class="stub" scope="row"', body)
    return _DOC_TITLE.sub(r'<p class="\1" role="heading" aria-level="2">', body)


def heading_levels(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: toctree captions get their heading level."""
    body = context.get("body")
    if isinstance(body, str):
        context["body"] = semantics(
            _levelled(body) if 'role="heading">' in body else body
        )
    toctree = context.get("toctree")
    if callable(toctree):  # a theme's own navigation (sphinx-rtd-theme)

        def levelled_toctree(**kwargs: Any) -> Any:
            found = toctree(**kwargs)
            return _levelled(found) if isinstance(found, str) else found

        context["toctree"] = levelled_toctree


_BUTTON = re.compile(r"<button\b([^>]*)>(.*?)</button>", re.S)
_ARIA_LABEL = re.compile(r'\s+aria-label="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def _words(text: str) -> str:
    return " ".join(html.unescape(text).split())


def label_in_name(page: str) -> str:
    """A button labelled with only the start of the text it shows is named
    by that text (WCAG 2.5.3, Label in Name): pydata-sphinx-theme's and
    sphinx-book-theme's search button says "Sök Ctrl + K" and is labelled
    "Sök"; without the label its name is what it says."""
    if "<button" not in page or "aria-label" not in page:
        return page

    def named(button: re.Match[str]) -> str:
        attributes, inner = button.group(1), button.group(2)
        label = _ARIA_LABEL.search(attributes)
        if label is None:
            return button.group(0)
        name, text = _words(label.group(1)), _words(_TAG.sub(" ", inner))
        if not name or text == name or not text.startswith(name + " "):
            return button.group(0)
        return f"<button{_ARIA_LABEL.sub('', attributes, count=1)}>{inner}</button>"

    return _BUTTON.sub(named, page)
