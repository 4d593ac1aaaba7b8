"""Real-browser fixtures: the example project served over HTTP to Debian's
Chromium, driven by Playwright, and axe-core for accessibility checks.

What they need is installed by ``.ci/run``: the ``chromium`` package
(``.ci/system-packages``), Playwright's Python package (the ``test`` extra;
it brings its driver and no browser) and axe-core (``npm ci --prefix
tests/axe``). When one is missing the browser tests fail and say what to
install; they are never skipped.

``KOMMUN_CHROMIUM`` names another Chromium binary; ``KOMMUN_BROWSER_THEME``
builds the example with another ``html_theme`` than alabaster (Sphinx's
default, which a user gets; Sphinx's test app alone would use ``basic``), to
measure a theme.
"""

from __future__ import annotations

import functools
import os
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, ViewportSize

EXAMPLE = Path(__file__).parent.parent / "example_project"
CHROMIUM = Path(os.environ.get("KOMMUN_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

#: headless as root, and no connection of Chromium's own (updates, sync,
#: field trials), which a machine without a network refuses
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: the WCAG 2.1 success criteria of levels A and AA
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

#: the width of a desktop window; the narrow widths are set by the tests
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Site:
    """The built example and where it is served."""

    outdir: Path
    #: ``http://127.0.0.1:PORT/``
    url: str

    def pages(self) -> list[str]:
        """Every HTML page written, as paths relative to the output directory."""
        return sorted(
            path.relative_to(self.outdir).as_posix()
            for path in self.outdir.rglob("*.html")
            if not path.relative_to(self.outdir).parts[0].startswith("_")
        )

    def url_of(self, page: str) -> str:
        """The address of a page (``ks-2019-1899/yttranden/skärholmen.html``)."""
        return self.url + quote(page)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


#: the themes sphinx-kommun supports (what .ci/wheels builds the example with)
THEMES = (
    "alabaster",
    "furo",
    "pydata_sphinx_theme",
    "sphinx_rtd_theme",
    "sphinx_book_theme",
)


@pytest.fixture(scope="session")
def theme_sites(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str], Site]]:
    """The example project built as HTML with a theme (``html_theme``) and
    served on 127.0.0.1 at a free port: a function from the theme to the
    site, each built once a session."""
    # imported here: conftest imports this module before it loads Sphinx's
    # fixtures, which sphinx_kommun.testing imports
    from sphinx_kommun.testing import build_once, warnings_of

    sites: dict[str, Site] = {}
    servers: list[tuple[ThreadingHTTPServer, threading.Thread]] = []

    def site(theme: str) -> Site:
        if theme in sites:
            return sites[theme]
        app = build_once(
            "html",
            EXAMPLE,
            tmp_path_factory.mktemp(f"browser-example-{theme}"),
            # SphinxTestApp would otherwise replace alabaster with "basic";
            # a list of its own: pydata-sphinx-theme appends its components
            # to the list every app shares as the default
            confoverrides={"html_theme": theme, "templates_path": []},
        )
        assert warnings_of(app) == "", theme
        outdir = Path(app.outdir)
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(_QuietHandler, directory=str(outdir))
        )
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        sites[theme] = Site(outdir, f"http://127.0.0.1:{server.server_address[1]}/")
        return sites[theme]

    try:
        yield site
    finally:
        for server, thread in servers:
            server.shutdown()
            server.server_close()
            thread.join()


@pytest.fixture(scope="session")
def example_site(theme_sites: Callable[[str], Site]) -> Site:
    """The example project with alabaster (or ``KOMMUN_BROWSER_THEME``),
    built once and served for the session."""
    return theme_sites(os.environ.get("KOMMUN_BROWSER_THEME", "alabaster"))


@pytest.fixture(scope="session")
def browser_context(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[BrowserContext]:
    """Headless Chromium with a fresh profile, for the session."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: install Debian's chromium package "
            "(.ci/system-packages does) or set KOMMUN_CHROMIUM",
            pytrace=False,
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "Playwright is not installed: pip install -e '.[test]'", pytrace=False
        )
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            locale="sv-SE",
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def browser_page(browser_context: BrowserContext) -> Iterator[Page]:
    """A new tab at 1280 × 800, closed after the test."""
    tab = browser_context.new_page()
    try:
        yield tab
    finally:
        tab.close()


@functools.cache
def _axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is not installed ({AXE_JS} is missing): "
            "run npm ci --prefix tests/axe (.ci/run does)",
            pytrace=False,
        )
    return AXE_JS.read_text(encoding="utf-8")


def axe(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now and return its violations of
    WCAG 2.1 A and AA (``id``, ``impact``, ``help``, ``nodes`` …)."""
    page.add_script_tag(content=_axe_source())
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        list(WCAG_TAGS),
    )
    assert isinstance(result, dict), result
    assert result["testEngine"]["name"] == "axe-core", result["testEngine"]
    assert result["url"] == page.url, (result["url"], page.url)
    # axe evaluated rules here: some passed, failed or did not apply
    assert result["passes"] or result["violations"] or result["incomplete"], result
    violations: list[dict[str, Any]] = result["violations"]
    return violations


#: the reference images (docs/screenshots/): page, file name; each at these
#: window sizes, the top of the page as a reader first sees it
SCREENSHOTS = {
    "ks-2019-1899/utlatande.html": "utlatande",
    "ks-2019-1899/motion.html": "motion",
}
SCREENSHOT_SIZES = {1280: 800, 390: 844}


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height
