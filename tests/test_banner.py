"""The top of every HTML page (sphinx_kommun/output/html/banner.py): a skip
link to the main content first, then the municipality's name and logo.
The browser tests (tests/test_browser.py) follow them in the five themes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.output.html.accessibility import label_in_name
from sphinx_kommun.output.html.banner import finish
from sphinx_kommun.testing import line_of, warning_lines, warnings_of

#: a small logo of its own (no kommun's coat of arms)
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 12">'
    '<path d="M0 0h10v7c0 3-2 4-5 5C2 11 0 10 0 7z" fill="#1f5f8b"/></svg>\n'
)
FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]"


def vasteras(src: Path, logo: str = "_bilder/logotyp.svg") -> Path:
    """The test case as Västerås stad's, with a logo and a page one folder
    down."""
    (src / "_bilder").mkdir()
    (src / "_bilder" / "logotyp.svg").write_text(LOGO, encoding="utf-8")
    (src / "om").mkdir()
    (src / "om" / "handlingarna.rst").write_text(
        ":orphan:\n\nOm handlingarna\n===============\n\n"
        "Kommunstyrelsens handlingar, KS 2024/0123.\n",
        encoding="utf-8",
    )
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f'kommun_municipality = "Västerås stad"\nkommun_logo = "{logo}"\n')
    return src


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup(
        (Path(app.outdir) / name).read_text(encoding="utf-8"), "html.parser"
    )


def first_focusable(soup: BeautifulSoup) -> Tag:
    found = soup.select_one(f"body :is({FOCUSABLE})")
    assert isinstance(found, Tag)
    return found


def test_every_page_starts_with_the_skip_link_and_the_banner(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(vasteras(project_copy("case")))
    assert warnings_of(app) == ""
    logo = Path(app.outdir) / "_static" / "logotyp.svg"
    assert logo.read_text(encoding="utf-8") == LOGO
    for name, up, home_page in [
        ("index.html", "", "#"),  # the start page itself
        ("utlatande.html", "", "index.html"),
        ("search.html", "", "index.html"),
        ("om/handlingarna.html", "../", "../index.html"),
    ]:
        soup = page(app, name)
        skip = first_focusable(soup)
        assert skip.get("class") == ["kommun-skip-link"], name
        assert skip.get_text() == "Hoppa till huvudinnehållet"
        assert skip["href"] == "#kommun-main"
        main = soup.select("#kommun-main")
        assert len(main) == 1, name
        assert main[0]["role"] == "main" and main[0]["tabindex"] == "-1"

        banners = soup.select("div.kommun-banner")
        assert len(banners) == 1, name
        home = banners[0].a
        assert home is not None and home["href"] == home_page
        # the skip link, then the banner's link: nothing focusable between
        assert soup.select(f"body :is({FOCUSABLE})")[1] is home, name
        img = home.img
        assert img is not None
        assert img["alt"] == "Västerås stad"
        assert img["src"] == f"{up}_static/logotyp.svg"
        name_shown = home.select_one("span.kommun-banner-name")
        assert name_shown is not None and name_shown.get_text() == "Västerås stad"
        assert name_shown["aria-hidden"] == "true"  # the alt text says it


def test_a_missing_logo_warns_at_its_line_and_the_banner_shows_the_name(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = vasteras(project_copy("case"), logo="_bilder/vapen.svg")
    app = build(src)
    line = line_of(src / "conf.py", "kommun_logo")
    assert warning_lines(app) == [
        f"conf.py:{line}: WARNING: kommun_logo: det finns ingen fil "
        "_bilder/vapen.svg; sidhuvudet visar kommunens namn utan logotyp "
        "[kommun.config]"
    ]
    banner = page(app, "index.html").select_one("div.kommun-banner")
    assert banner is not None and banner.img is None
    assert banner.get_text() == "Västerås stad"
    assert not (Path(app.outdir) / "_static" / "vapen.svg").exists()


def test_a_logo_at_an_address_and_the_english_skip_link(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    address = "https://www.vasteras.se/logotyp.svg"
    app = build(
        vasteras(project_copy("case"), logo=address),
        confoverrides={"language": "en"},
    )
    assert warnings_of(app) == ""
    soup = page(app, "om/handlingarna.html")
    assert first_focusable(soup).get_text() == "Skip to main content"
    img = soup.select_one("div.kommun-banner img")
    assert img is not None and img["src"] == address and img["alt"] == "Västerås stad"


def test_without_a_name_or_a_logo_there_is_no_banner(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """The profile 'kommun' names no municipality: the skip link alone."""
    app = build(project_copy("case"), confoverrides={"kommun_profile": "kommun"})
    assert warnings_of(app) == ""
    soup = page(app, "index.html")
    assert first_focusable(soup).get_text() == "Hoppa till huvudinnehållet"
    assert soup.select("div.kommun-banner") == []


BANNER = '<div class="kommun-banner">Örebro kommun</div>'


def test_a_themes_own_skip_link_is_kept_in_the_pages_language() -> None:
    """furo's and pydata-sphinx-theme's skip links say it in English; the
    banner follows them, and there is no second link."""
    furo = (
        '<body><input type="checkbox" class="sidebar-toggle">'
        '<a class="skip-to-content muted-link" href="#furo-main-content">'
        "Skip to content</a><div class=page>"
        '<article role="main" id="furo-main-content">Text</article></body>'
    )
    assert finish(furo, BANNER, "Hoppa till huvudinnehållet") == (
        '<body><input type="checkbox" class="sidebar-toggle">'
        '<a class="skip-to-content muted-link" href="#furo-main-content">'
        f"Hoppa till huvudinnehållet</a>{BANNER}<div class=page>"
        '<article role="main" id="furo-main-content">Text</article></body>'
    )
    pydata = (
        '<body data-default-mode=""><div id="pst-skip-link" class="skip-link">'
        '<a href="#main-content">Skip to main content</a></div>'
        '<main id="main-content" role="main">Text</main></body>'
    )
    finished = finish(pydata, BANNER, "Hoppa till huvudinnehållet")
    assert finished.count("<a ") == 1
    assert (
        '<a href="#main-content">Hoppa till huvudinnehållet</a></div>' + BANNER
    ) in finished
    assert '<main id="main-content" role="main">' in finished  # as it was


def test_a_main_element_keeps_its_id_and_a_page_without_one_no_skip_link() -> None:
    own_id = '<body class="x"><div role="main" id="innehall">Text</div></body>'
    assert finish(own_id, "", "Hoppa till huvudinnehållet") == (
        '<body class="x"><a class="kommun-skip-link" href="#innehall">'
        'Hoppa till huvudinnehållet</a><div role="main" id="innehall" '
        'tabindex="-1">Text</div></body>'
    )
    without = "<body><p>Text</p></body>"
    assert finish(without, BANNER, "Hoppa") == f"<body>{BANNER}<p>Text</p></body>"
    assert finish("<p>utan body</p>", BANNER, "Hoppa") == "<p>utan body</p>"


def test_a_button_labelled_with_the_start_of_its_text_is_named_by_its_text() -> None:
    """pydata-sphinx-theme's search button (WCAG 2.5.3): its label 'Sök' is
    dropped, as its text 'Sök Ctrl + K' names it; other labels stay."""
    search = (
        '<button class="btn search-button-field" title="Sök" aria-label="Sök">'
        '<i class="fa-solid"></i> <span>Sök</span> '
        "<span><kbd>Ctrl</kbd>+<kbd>K</kbd></span></button>"
    )
    assert label_in_name(f"<body>{search}</body>") == (
        "<body>" + search.replace(' aria-label="Sök"', "") + "</body>"
    )
    kept = [
        '<button aria-label="Sök">Sök</button>',  # the same words
        '<button aria-label="Sök"><i class="icon"></i></button>',  # an icon
        '<button aria-label="Meny">Visa menyn</button>',  # other words
        '<button aria-label="Sök">Söker</button>',  # not a whole word
        "<button>Sök Ctrl+K</button>",  # no label
    ]
    for button in kept:
        assert label_in_name(button) == button
