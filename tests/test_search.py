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
