"""The search index stems each word once per build (output/html/search.py)
and is the same as Sphinx's own."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.search import languages
from sphinx.search.sv import SearchSwedish
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.output.html.search import remembering
from sphinx_kommun.testing import warnings_of

from .conftest import append, html_text

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
    """What Sphinx's Swedish catalogue gets wrong on a page: a table's
    permalink is a "tabell", not a "bord"; the search page asks to "kunna
    söka", not for "sök- funktionalitet" (a word broken over a line);
    "Index – A", not "Index - A"; "Skapad med Sphinx"; a Swedish date in
    "Senast uppdaterad den …"; the search page's messages in
    translations.js. Sphinx's other Swedish words stay."""
    src = project_copy("case")
    append(src / "index.rst", "\n.. index:: stadsdelsnämnder\n")
    app = build(
        src,
        freshenv=True,
        confoverrides={
            "html_theme": "basic",  # the templates every theme builds on
            "html_split_index": True,
            "html_last_updated_fmt": "",
        },
    )
    assert warnings_of(app) == ""
    out = Path(app.outdir)
    pages = "".join(page.read_text(encoding="utf-8") for page in out.rglob("*.html"))
    assert 'title="Länk till denna tabell"' in pages
    assert "detta bord" not in pages
    assert 'title="Länk till denna rubrik"' in pages  # Sphinx's own, kept
    assert 'value="Sök"' in pages and 'value="Start"' not in pages
    assert 'value="sök"' not in pages  # the search page's own button
    search = html_text(out / "search.html")
    assert "Aktivera JavaScript för att kunna söka." in search
    assert "sök- funktionalitet" not in search
    assert "Söker du på flera ord visas bara sidor som innehåller alla orden." in search
    assert "matchningar" not in search
    assert "Index – S" in html_text(out / "genindex-S.html")
    index = html_text(out / "genindex.html")
    assert "Fullständigt index på en sida (kan vara mycket stort)" in index
    footer = " ".join(
        BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
        .find("div", class_="footer")
        .get_text(" ")
        .split()
    )
    assert "Skapad med Sphinx" in footer and "med hjälp av" not in footer
    assert re.search(r"Senast uppdaterad den \d{1,2} [a-zåäö]+ \d{4}\.", footer)
    script = (out / "_static" / "translations.js").read_text(encoding="utf-8")
    messages = json.loads(
        script.removeprefix("Documentation.addTranslations(").strip().removesuffix(");")
    )["messages"]
    assert messages["Search finished, found one page matching the search query."] == [
        "Sökningen är klar och gav en träff.",
        "Sökningen är klar och gav ${resultCount} träffar.",
    ]
    assert messages["Search Results"] == "Sökresultat"  # Sphinx's own, kept


def test_a_projects_own_sphinx_catalogue_comes_before_the_corrections(
    build: Callable[..., SphinxTestApp], project_copy: Callable[[str], Path]
) -> None:
    """A kommun that words Sphinx's messages its own way in its
    ``locale_dirs`` (Sphinx's convention) gets its words, not ours; ours
    still correct what it leaves alone."""
    src = project_copy("case")
    own = src / "locales" / "sv" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "sphinx.po").write_text(
        'msgid ""\nmsgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Go"\nmsgstr "Hitta"\n',
        encoding="utf-8",
    )
    app = build(
        src,
        freshenv=True,
        confoverrides={"html_theme": "basic", "locale_dirs": ["locales"]},
    )
    assert warnings_of(app) == ""
    pages = "".join(
        page.read_text(encoding="utf-8") for page in Path(app.outdir).rglob("*.html")
    )
    assert 'value="Hitta"' in pages and 'value="Start"' not in pages
    assert 'title="Länk till denna tabell"' in pages  # ours, where it says nothing


@pytest.mark.parametrize(
    ("theme", "swedish", "english"),
    [
        (
            "furo",
            ["Till sidans början", "Nästa Remiss", "Skapad med Sphinx och"],
            ["Back to top", "Made with"],
        ),
        (
            "pydata_sphinx_theme",
            ["Till sidans början", "Byggd med temat PyData Sphinx Theme"],
            ["Back to top", "Built with the", "System Settings"],
        ),
    ],
)
def test_the_themes_own_words_are_swedish(
    build: Callable[..., SphinxTestApp],
    project_copy: Callable[[str], Path],
    theme: str,
    swedish: list[str],
    english: list[str],
) -> None:
    """furo's and pydata-sphinx-theme's words, which Sphinx's Swedish
    catalogue lacks, are Swedish on a Swedish page ("Till sidans början",
    not "Back to top")."""
    app = build(project_copy("case"), confoverrides={"html_theme": theme})
    assert warnings_of(app) == ""
    soup = BeautifulSoup(
        (Path(app.outdir) / "motion.html").read_text("utf-8"), "html.parser"
    )
    said = " ".join(
        [
            soup.get_text(" "),
            *(str(tag["aria-label"]) for tag in soup.select("[aria-label]")),
        ]
    )
    said = " ".join(said.split())
    for words in swedish:
        assert words in said, words
    for words in english:
        assert words not in said, words


def test_the_corrections_of_the_themes_words_are_sphinxs_own_where_right() -> None:
    """What a page of any of the themes says through Sphinx's catalogue, as
    the corrections make it (see locale/sv/LC_MESSAGES/sphinx.po)."""
    import gettext

    from sphinx_kommun import i18n

    fixed = gettext.translation("sphinx", str(i18n.LOCALE_DIR), languages=["sv"])
    assert fixed.gettext("Note") == "Anmärkning"  # not "Anteckning"
    assert fixed.gettext("Hint") == "Råd"  # not "Ledtråd"
    assert fixed.gettext("Show Source") == "Visa källkod"  # not "Visa källa"
    assert fixed.gettext("Next topic") == "Nästa sida"  # not "Nästa ämne"
    assert (
        fixed.gettext("Link to this toctree") == "Länk till denna innehållsförteckning"
    )
    # furo's and pydata-sphinx-theme's line, which Sphinx's catalogue lacks
    assert (
        fixed.gettext("Please activate JavaScript to enable the search functionality.")
        == "Aktivera JavaScript för att kunna söka."
    )


def test_the_corrections_are_compiled() -> None:
    """The .mo and the search page's script hold the .po's corrections (run
    python -m sphinx_kommun.i18n), the script over the installed Sphinx's."""
    from sphinx_kommun import i18n

    po = i18n.sphinx_po_path()
    assert po.with_suffix(".mo").read_bytes() == i18n.compile_catalog("sv", po)
    assert i18n.js_path().read_text(encoding="utf-8") == i18n.corrected_js()
