"""Shared fixtures: Sphinx's own testing fixtures and our test roots."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from sphinx.testing.util import SphinxTestApp

# the browser tests' fixtures (tests/test_browser.py)
from .browser import (  # noqa: F401
    browser_context,
    browser_page,
    example_site,
    theme_sites,
)

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a test root to a fresh directory and return its path."""

    def copy(root: str) -> Path:
        target = tmp_path / root
        shutil.copytree(ROOTS / f"test-{root}", target)
        return target

    return copy


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp]) -> Callable[..., SphinxTestApp]:
    """Build a project directory and return the app (warnings on app._warning)."""

    def run(
        srcdir: Path,
        buildername: str = "html",
        *,
        builddir: Path | None = None,
        freshenv: bool = False,
        parallel: int = 0,
        **kwargs: object,
    ) -> SphinxTestApp:
        app = make_app(
            buildername,
            srcdir=srcdir,
            builddir=builddir or srcdir / "_build",
            freshenv=freshenv,
            parallel=parallel,
            **kwargs,
        )
        try:
            app.build()
        finally:
            # restore docutils' global registries, so the next app of the
            # same test starts clean
            app.cleanup()
        return app

    return run


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) with ``new`` in a source file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def cut_before(path: Path, marker: str) -> None:
    """Keep only what comes before ``marker`` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert marker in text, f"{marker!r} not in {path.name}"
    path.write_text(text[: text.index(marker)], encoding="utf-8")


def broken_links(outdir: Path) -> set[tuple[str, str]]:
    """(page, href) of every link in a page's body to a file not written or
    an anchor not on the target page (the theme's ``<link>`` tags left out)."""
    pages = {
        page.resolve(): page.read_text(encoding="utf-8")
        for page in outdir.rglob("*.html")
    }
    assert pages, f"no pages in {outdir}"
    broken = set()
    for page, text in pages.items():
        for href in re.findall(r'<a [^>]*href="([^"]+)"', text):
            if re.match(r"[a-z]+:", href):
                continue
            path, _sep, anchor = html.unescape(href).partition("#")
            path, anchor = unquote(path.partition("?")[0]), unquote(anchor)
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            found = pages.get(target) if target.suffix == ".html" else None
            if not target.is_file() or (
                anchor and found is not None and f'id="{anchor}"' not in found
            ):
                broken.add((page.relative_to(outdir.resolve()).as_posix(), href))
    return broken


def append(path: Path, text: str) -> None:
    """Add ``text`` at the end of a source file."""
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


_BLOCKS = [
    "p", "div", "li", "td", "th", "tr", "dt", "dd", "h1", "h2", "h3", "h4",
    "h5", "h6", "section", "table", "caption", "ul", "ol", "dl", "blockquote",
]  # fmt: skip


def html_text(path: Path, *, drop: tuple[str, ...] = ()) -> str:
    """The visible text of an HTML page's body, whitespace-normalised.

    Block elements are separated by a space, inline ones are not, so a
    sentence with a link in it reads as one sentence.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for anchor in soup.find_all("a", class_="headerlink"):
        anchor.decompose()
    for css_class in drop:
        for element in soup.find_all(class_=css_class):
            element.decompose()
    body = soup.find("div", class_="body") or soup
    for tag in body.find_all(_BLOCKS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    return " ".join(body.get_text("").split())


def with_notes_in_a_quoted_section(src: Path) -> None:
    """Give the Kungsholmen yttrande's quoted section footnotes, a citation,
    an internal target and a needtable: what a quote must carry or replace."""
    edit(
        src / "yttrande-kungsholmen.rst",
        "   Insatserna bör bygga på stadsdelens egna förutsättningar.\n",
        "   Insatserna bör bygga på stadsdelens egna förutsättningar [#not]_,"
        " enligt [Rapport2020]_ och mal_.\n\n"
        "   .. [#not] Se stadsdelens budget.\n"
        "   .. [Rapport2020] Trygghetsrapport 2020.\n\n"
        "   .. _mal:\n\n"
        "   Målet är trygghet.\n\n"
        "   .. needtable::\n      :types: motion\n",
    )
