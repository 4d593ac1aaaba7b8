"""The search index stems each word once per build (output/html/search.py)
and is the same as Sphinx's own."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.search import languages
from sphinx.search.sv import SearchSwedish
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.output.html.search import remembering
from sphinx_kommun.testing import warnings_of

WORDS = [
    "remissammanställningen",
    "stadsdelsnämnderna",
    "tillstyrker",
    "kommunfullmäktiges",
    "cykelparkeringar",
    "yttrandena",
]


def test_a_remembering_stemmer_stems_as_sphinx_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = [SearchSwedish({}).stem(w) for w in WORDS]
    ours = remembering(SearchSwedish)({})
    assert [ours.stem(w) for w in WORDS] == expected
    # the second time from memory: Sphinx's stemmer is not asked
    monkeypatch.setattr(SearchSwedish, "stem", lambda self, word: "fel")
    assert [ours.stem(w) for w in WORDS] == expected
    assert remembering(type(ours)) is type(ours)  # not wrapped twice


def _index(outdir: Path) -> dict[str, object]:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    found: dict[str, object] = json.loads(
        text.removeprefix("Search.setIndex(").removesuffix(")")
    )
    return found


def test_the_search_index_is_sphinxs_own(
    build: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = project_copy("case")
    ours = build(src, builddir=tmp_path / "ours", freshenv=True)
    assert warnings_of(ours) == ""
    assert getattr(languages["sv"], "kommun_remembers", False)
    # the same project with Sphinx's own Swedish stemmer
    monkeypatch.setitem(languages, "sv", SearchSwedish)
    monkeypatch.setattr(
        "sphinx_kommun.output.html.search.remember_stems", lambda app, config: None
    )
    theirs = build(src, builddir=tmp_path / "theirs", freshenv=True)
    assert warnings_of(theirs) == ""
    index = _index(ours.outdir)
    assert index == _index(theirs.outdir)
    assert SearchSwedish({}).stem("yttrande").lower() in index["terms"]  # type: ignore[operator]


def test_sphinxs_own_swedish_words_are_corrected(
    build: Callable[..., SphinxTestApp], project_copy: Callable[[str], Path]
) -> None:
    """A table's permalink is a "tabell", not a "bord" (Sphinx's Swedish
    catalogue); Sphinx's other Swedish words stay."""
    app = build(project_copy("case"), freshenv=True)
    assert warnings_of(app) == ""
    pages = "".join(
        page.read_text(encoding="utf-8") for page in Path(app.outdir).rglob("*.html")
    )
    assert 'title="Länk till denna tabell"' in pages
    assert "detta bord" not in pages
    assert 'title="Länk till denna rubrik"' in pages  # Sphinx's own, kept
    assert 'value="Sök"' in pages and 'value="Start"' not in pages


def test_the_corrections_are_compiled() -> None:
    from sphinx_kommun import i18n

    po = i18n.sphinx_po_path()
    assert po.with_suffix(".mo").read_bytes() == i18n.compile_catalog("sv", po)
