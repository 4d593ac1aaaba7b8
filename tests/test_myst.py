"""Every directive in MyST Markdown: ```` ```{yttrande} ```` fences with
``:name: value`` option lines or a ``---`` YAML block give the same pages as
reST (the case project, converted by tests/myst.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import build_once, line_of, warning_lines, warnings_of

from .conftest import ROOTS, edit, html_text
from .myst import to_myst

STYLES = ("colon", "yaml")


def pages(app: SphinxTestApp) -> dict[str, str]:
    return {path.name: html_text(path) for path in sorted(app.outdir.glob("*.html"))}


@pytest.fixture(scope="module")
def rst_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("rst")
    app = build_once("html", ROOTS / "test-case", base)
    assert warnings_of(app) == ""
    return pages(app)


def myst_case(target: Path, style: str) -> Path:
    shutil.copytree(ROOTS / "test-case", target)
    to_myst(target, yaml=style == "yaml")
    return target


@pytest.mark.parametrize("style", STYLES)
def test_the_case_in_markdown_gives_the_pages_of_the_case_in_rest(
    style: str, tmp_path: Path, rst_pages: dict[str, str]
) -> None:
    src = myst_case(tmp_path / "case", style)
    assert (src / "yttrande-bromma.md").is_file()
    assert not list(src.glob("*.rst"))
    app = build_once("html", src, tmp_path / "out")
    assert warnings_of(app) == ""
    found = pages(app)
    assert found.keys() == rst_pages.keys()
    for name, text in rst_pages.items():
        assert found[name] == text, name
    # the generated parts are there, not only the same nothing
    utlatande = found["utlatande.html"]
    assert (
        "Bromma stadsdelsnämnd beslutade vid sitt sammanträde den 24 september"
        in utlatande
    )
    assert (
        "Särskilt uttalande gjordes av Niklas Thorén m.fl. (V), bilaga 1." in utlatande
    )


@pytest.mark.parametrize("style", STYLES)
def test_a_warning_in_markdown_names_the_line_of_its_option(
    style: str, tmp_path: Path
) -> None:
    src = myst_case(tmp_path / "case", style)
    path = src / "yttrande-bromma.md"
    edit(path, "2020-09-02", "2020-09-32")
    app = build_once("html", src, tmp_path / "out")
    line = line_of(path, "2020-09-32")
    assert warning_lines(app) == [
        f"yttrande-bromma.md:{line}: WARNING: fel datum i 'datum': '2020-09-32' är "
        "inte ett giltigt datum [kommun.date]"
    ]


def test_an_unreadable_yaml_block_is_warned_about_and_the_text_kept(
    tmp_path: Path,
) -> None:
    src = myst_case(tmp_path / "case", "yaml")
    path = src / "yttrande-slk.md"
    edit(path, "datum: ", "datum: [")
    app = build_once("html", src, tmp_path / "out")
    warnings = warning_lines(app)
    assert warnings[0].startswith(
        f"yttrande-slk.md:{line_of(path, 'datum: [')}: WARNING: YAML-blocket med "
        "alternativ går inte att läsa"
    ), warnings
    assert "SLK anser saker." in html_text(app.outdir / "yttrande-slk.html")
