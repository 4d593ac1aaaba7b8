"""The top of every HTML page: a skip link and the municipality's banner.

A page starts with a link to its main content ("Hoppa till
huvudinnehållet"), visible only when it has the keyboard's focus (WCAG
2.4.1, Bypass Blocks), and then the municipality's name and logo
(``kommun_municipality``, ``kommun_logo``), linking to the start page.

Themes differ in what they put first in ``<body>`` and have no common
block for it, so the rendered page is finished here: the template
bridge's ``render`` gets a last step, for pages whose context
:func:`page_context` filled. A theme with a skip link of its own (furo,
pydata-sphinx-theme, sphinx-book-theme) keeps it, in the page's language,
and the banner follows it; elsewhere ours comes first, pointing at the
element with ``role="main"`` (given an id and ``tabindex="-1"`` so that it
takes the focus). The same last step names buttons by what they say
(:func:`.accessibility.label_in_name`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.fileutil import copy_asset_file

from ...config import KommunConfig, conf_location
from ...i18n import _
from .accessibility import label_in_name

logger = logging.getLogger(__name__)

#: The context entry :func:`page_context` fills: what the page gets.
KEY = "kommun_page_top"
#: The id the main content gets where it has none.
MAIN_ID = "kommun-main"

_BODY = re.compile(r"<body\b[^>]*>")
#: A theme's own skip link: furo's ``<a class="skip-to-content">``,
#: pydata's ``<div class="skip-link"><a …>…</a></div>``.
_THEME_SKIP = re.compile(
    r'<(a|div)\b[^>]*\bclass="[^"]*\bskip-(?:link|to-content)\b[^"]*"[^>]*>.*?</\1>',
    re.S,
)
_SKIP_TEXT = re.compile(r"(<a\b[^>]*>)(.*?)(</a>)", re.S)
_MAIN = re.compile(r'<(?:div|main|article|section)\b[^>]*\brole="main"[^>]*>')
_ID = re.compile(r'\bid="([^"]+)"')


def is_url(value: str) -> bool:
    return bool(re.match(r"[a-z][a-z0-9+.-]*://", value, re.I))


def logo_file(app: Sphinx) -> Path | None:
    """The file ``kommun_logo`` names (relative to conf.py's folder), or
    None (none set, an address, or missing: a ``kommun.config`` warning)."""
    logo = KommunConfig.from_config(app.config).logo
    if not logo or is_url(logo):
        return None
    path = Path(app.confdir, logo)
    if path.is_file():
        return path
    logger.warning(
        _(
            "kommun_logo: det finns ingen fil %s; sidhuvudet visar kommunens "
            "namn utan logotyp"
        ),
        path,
        type="kommun",
        subtype="config",
        location=conf_location(app, "kommun_logo"),
    )
    return None


def _banner(app: Sphinx, context: dict[str, Any], logo: Path | None) -> str:
    """The municipality's name and logo, linking to the start page ("" when
    neither is set)."""
    settings = KommunConfig.from_config(app.config)
    name = settings.words.municipality
    src = settings.logo if is_url(settings.logo) else ""
    if logo is not None:
        src = context["pathto"](f"_static/{logo.name}", 1)
    if not (name or src):
        return ""
    name = name or str(app.config.project)
    inner = f'<span class="kommun-banner-name">{html.escape(name)}</span>'
    if src:
        # the image names the municipality; the name beside it is for the
        # eye, so a screen reader says it once
        inner = (
            f'<img class="kommun-banner-logo" src="{html.escape(src)}" '
            f'alt="{html.escape(name)}"/>'
            f'<span class="kommun-banner-name" aria-hidden="true">'
            f"{html.escape(name)}</span>"
        )
    home = html.escape(context["pathto"](app.config.root_doc))
    return (
        f'<div class="kommun-banner"><a class="kommun-banner-home" '
        f'href="{home}">{inner}</a></div>'
    )


def finish(page: str, banner: str, label: str) -> str:
    """The page with a skip link (the theme's, in the page's language, or
    ours) and the banner after it, at the top of ``<body>``."""
    body = _BODY.search(page)
    if body is None:
        return page
    main = _MAIN.search(page, body.end())
    end = main.start() if main else len(page)
    theirs = _THEME_SKIP.search(page, body.end(), end)
    if theirs is not None:
        link = _SKIP_TEXT.sub(
            lambda m: m.group(1) + html.escape(label) + m.group(3), theirs.group(0), 1
        )
        return page[: theirs.start()] + link + banner + page[theirs.end() :]
    ours = ""
    if main is not None:
        tag = main.group(0)
        found = _ID.search(tag)
        target = found.group(1) if found else MAIN_ID
        extra = ("" if found else f' id="{MAIN_ID}"') + (
            "" if "tabindex=" in tag else ' tabindex="-1"'
        )
        page = page[: main.end() - 1] + extra + page[main.end() - 1 :]
        ours = (
            f'<a class="kommun-skip-link" href="#{html.escape(target)}">'
            f"{html.escape(label)}</a>"
        )
    return page[: body.end()] + ours + banner + page[body.end() :]


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: what the top of this page gets."""
    if app.builder.name.startswith("epub"):
        return
    logo = getattr(app.builder, "kommun_logo", None)
    context[KEY] = (_banner(app, context, logo), _("Hoppa till huvudinnehållet"))


def builder_inited(app: Sphinx) -> None:
    """``builder-inited``: the logo copied to ``_static``, and the last step
    of rendering a page (:func:`finish`)."""
    if app.builder.format != "html" or app.builder.name.startswith("epub"):
        return
    logo = logo_file(app)
    if logo is not None:
        copy_asset_file(logo, Path(app.builder.outdir) / "_static", force=True)
    app.builder.kommun_logo = logo  # type: ignore[attr-defined]
    templates = getattr(app.builder, "templates", None)
    if templates is None:
        return
    render: Callable[[str, dict[str, Any]], str] = templates.render

    def finished(template: str, context: dict[str, Any]) -> str:
        page = render(template, context)
        top = context.get(KEY)
        return label_in_name(finish(page, *top)) if top else page

    templates.render = finished


def register(app: Sphinx) -> None:
    app.connect("builder-inited", builder_inited)
    app.connect("html-page-context", page_context)
