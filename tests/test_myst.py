"""Every directive in MyST Markdown: ```` ```{yttrande} ```` fences with
``:name: value`` option lines or a ``---`` YAML block give the same pages as
reST (the case project, converted by tests/myst.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
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
def rst_pages_of(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str], dict[str, str]]:
    """The pages of a test root built from its reST, once per root."""
    built: dict[str, dict[str, str]] = {}

    def of(root: str) -> dict[str, str]:
        if root not in built:
            base = tmp_path_factory.mktemp(f"rst-{root}")
            app = build_once("html", ROOTS / f"test-{root}", base)
            assert warnings_of(app) == ""
            built[root] = pages(app)
        return built[root]

    return of


@pytest.fixture
def rst_pages(rst_pages_of: Callable[[str], dict[str, str]]) -> dict[str, str]:
    return rst_pages_of("case")


def myst_case(target: Path, style: str, root: str = "case") -> Path:
    shutil.copytree(ROOTS / f"test-{root}", target)
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
@pytest.mark.parametrize("root", ["skrivelser", "tjansteskrivelse", "medborgarforslag"])
def test_every_kind_in_markdown_gives_the_pages_of_rest(
    root: str,
    style: str,
    tmp_path: Path,
    rst_pages_of: Callable[[str], dict[str, str]],
) -> None:
    """skrivelse, medborgarförslag, tjänsteskrivelse, beslutspunkter in
    :forslag: (lines, or a YAML list), roles to a point."""
    src = myst_case(tmp_path / root, style, root)
    assert not list(src.glob("*.rst"))
    app = build_once("html", src, tmp_path / "out")
    assert warnings_of(app) == ""
    found = pages(app)
    expected = rst_pages_of(root)
    assert found.keys() == expected.keys()
    for name, text in expected.items():
        assert found[name] == text, name
    generated = {
        "skrivelser": "Skrivelser av Hampus Magnusson m.fl. (M), Helene Odenjung",
        "tjansteskrivelse": "Beslutspunkt 2 Stadsbyggnadsförvaltningen får i uppdrag",
        "medborgarforslag": "Medborgarförslaget anses besvarat med hänvisning",
    }
    assert generated[root] in " ".join(found.values())


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
