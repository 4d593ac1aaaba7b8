"""The example in a real browser: Debian's Chromium driven by Playwright, with
axe-core (fixtures in tests/browser.py). Select with ``-m browser``; see the
reports with ``-rP``. ``make screenshots`` writes the reference images in
docs/screenshots/ (``KOMMUN_SCREENSHOTS`` names the folder)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from .browser import (
    SCREENSHOT_SIZES,
    SCREENSHOTS,
    THEMES,
    WCAG_TAGS,
    Site,
    axe,
    png_size,
)

pytestmark = pytest.mark.browser

DNR = "ks-2019-1899"
MOTION = f"{DNR}/motion.html"
UTLATANDE = f"{DNR}/utlatande.html"
RINKEBY = f"{DNR}-yttrande-rinkeby-kista-stadsdelsnämnd"
RESERVATION = (
    f"{DNR}-reservation-särskilt-uttalande-rinkeby-kista-stadsdelsnämnd"
    "-niklas-thorén-m-fl"
)
MEETING = "kommunfullmäktige-2021-03-15"
#: the example's profile's municipality, the banner's name and logo's alt text
MUNICIPALITY = "Stockholms stad"
SKIP_LINK = "Hoppa till huvudinnehållet"


def lands_on(page: Page, target: str, text: str) -> None:
    """The address names ``target`` as its fragment, and the element with
    that id exists, shows ``text`` and is in view."""
    assert unquote(urlsplit(page.url).fragment) == target, page.url
    element = page.locator(f'[id="{target}"]')
    expect(element).to_have_count(1)
    expect(element).to_contain_text(text)
    expect(element).to_be_in_viewport()


def follow(page: Page, selector: str | Locator) -> str:
    """Click the first link matching ``selector`` and wait until the browser
    is at its address; return the link's target id (its fragment)."""
    link = (page.locator(selector) if isinstance(selector, str) else selector).first
    href = link.get_attribute("href")
    assert href, selector
    expected = unquote(urljoin(page.url, href))
    link.click()
    page.wait_for_url(lambda url: unquote(url) == expected)
    page.wait_for_load_state("load")
    return unquote(urlsplit(expected).fragment)


def test_link_walk_from_the_motion_to_the_meeting(
    example_site: Site, browser_page: Page
) -> None:
    """motion → yttrande → reservation → utlåtande → beslut → meeting, each
    click landing on the object it names."""
    browser_page.goto(example_site.url_of(MOTION))
    body = '[role="main"]'

    # the motion's "Besvaras av"
    assert follow(browser_page, f'{body} a[href$="#{RINKEBY}"]') == RINKEBY
    assert urlsplit(browser_page.url).path.endswith("/rinkeby-kista.html")
    lands_on(browser_page, RINKEBY, "Rinkeby-Kista stadsdelsnämnd")

    # the yttrande's "Reservationer", on the same page
    assert follow(browser_page, f'{body} a[href="#{RESERVATION}"]') == RESERVATION
    lands_on(browser_page, RESERVATION, "Niklas Thorén")

    # the page's "Behandlas i": the reservation has no link of its own to it
    utlatande = f"{DNR}-utlåtande"
    assert follow(browser_page, f'{body} a[href$="#{utlatande}"]') == utlatande
    assert urlsplit(browser_page.url).path.endswith("/utlatande.html")
    lands_on(browser_page, utlatande, "Ta tillbaka utsatta områden")

    # the utlåtande's "Beslut"
    beslut = f"{DNR}-beslut-kommunstyrelsen"
    assert follow(browser_page, f'{body} a[href$="beslut.html#{beslut}"]') == beslut
    lands_on(browser_page, beslut, "Kommunstyrelsen")

    # the beslut names no meeting; the ärende's navigation does, as a page
    assert (
        follow(browser_page, 'nav.kommun-navigation a[href$="kf-2021-03-15.html"]')
        == ""
    )
    assert urlsplit(browser_page.url).path.endswith("/sammantraden/kf-2021-03-15.html")
    # the page opens at its heading; the kallelse stands before the meeting
    expect(browser_page.locator("h1")).to_contain_text("Kommunfullmäktige 15 mars 2021")
    expect(browser_page.locator("h1")).to_be_in_viewport()
    expect(browser_page.locator(f'[id="{MEETING}"]')).to_contain_text("15 mars 2021")


@pytest.mark.parametrize(
    ("query", "hit", "target"),
    [
        (
            "Skärholmen",
            "Skärholmens stadsdelsnämnd (KS 2019/1899)",
            f"{DNR}-yttrande-skärholmens-stadsdelsnämnd",
        ),
        (
            "Hägersten-Älvsjö",
            "Hägersten-Älvsjö stadsdelsnämnd (KS 2019/1899)",
            f"{DNR}-yttrande-hägersten-älvsjö-stadsdelsnämnd",
        ),
    ],
    ids=["Skarholmen", "Hagersten-Alvsjo"],
)
def test_search_for_a_swedish_word_lands_on_the_object(
    example_site: Site, browser_page: Page, query: str, hit: str, target: str
) -> None:
    """Typed into the search box, the word reaches the search page; its
    object hit leads to the yttrande itself."""
    browser_page.goto(example_site.url_of("index.html"))
    box = browser_page.locator('form[action$="search.html"] input[name="q"]').first
    box.fill(query)
    box.press("Enter")
    browser_page.wait_for_url("**/search.html?**")
    link = browser_page.locator("#search-results li.kind-object a", has_text=hit)
    expect(link).to_have_count(1, timeout=10_000)
    assert follow(browser_page, link) == target
    lands_on(browser_page, target, query)


def test_axe_finds_no_violation_on_any_page(
    example_site: Site, browser_page: Page, tmp_path: Path
) -> None:
    """axe-core's WCAG 2.1 A/AA check of every HTML page of the example:
    no violation. What it finds is reported per rule (id, impact, count of
    elements, pages) in the test's output and in ``axe-report.txt`` in its
    tmp dir."""
    pages = example_site.pages()
    assert "ks-2019-1899/yttranden/hägersten-älvsjö.html" in pages
    assert "sammantraden/kf-2021-03-15.html" in pages
    by_rule: dict[str, dict[str, Any]] = {}
    for name in pages:
        response = browser_page.goto(example_site.url_of(name))
        assert response is not None and response.ok, name
        for violation in axe(browser_page):
            rule = by_rule.setdefault(
                violation["id"],
                {
                    "impact": violation["impact"],
                    "count": 0,
                    "pages": set(),
                    "example": " ".join(violation["nodes"][0]["html"].split()),
                },
            )
            rule["count"] += len(violation["nodes"])
            rule["pages"].add(name)

    lines = [
        f"{rule_id}\t{rule['impact']}\t{rule['count']}\t{len(rule['pages'])}: "
        f"{', '.join(sorted(rule['pages']))}\n\te.g. {rule['example'][:200]}"
        for rule_id, rule in sorted(by_rule.items())
    ]
    report = "\n".join(
        [
            f"axe-core, {', '.join(WCAG_TAGS)}: "
            f"{len(pages)} pages, {len(by_rule)} rules violated, "
            f"{sum(rule['count'] for rule in by_rule.values())} elements",
            "rule\timpact\telements\tpages",
            *lines,
        ]
    )
    (tmp_path / "axe-report.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert by_rule == {}, report


def test_every_page_reflows_to_320_px(
    example_site: Site, browser_page: Page, tmp_path: Path
) -> None:
    """No page is wider than a 320 px window (WCAG 1.4.10, Reflow), by its
    ``scrollWidth``: a wide table scrolls in its own box. The widths are in
    the test's output and ``reflow-report.txt``."""
    browser_page.set_viewport_size({"width": 320, "height": 640})
    widths = {}
    for name in example_site.pages():
        response = browser_page.goto(example_site.url_of(name))
        assert response is not None and response.ok, name
        inner, scroll = browser_page.evaluate(
            "[window.innerWidth, document.documentElement.scrollWidth]"
        )
        assert inner == 320, name
        widths[name] = scroll
    wide = {name: width for name, width in widths.items() if width > 320}
    report = "\n".join(
        [
            f"{len(wide)} of {len(widths)} pages wider than 320 px",
            *(f"{width}\t{name}" for name, width in sorted(wide.items())),
        ]
    )
    (tmp_path / "reflow-report.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert all(width >= 320 for width in widths.values()), widths
    assert wide == {}, report


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshot_of_the_utlatande(
    example_site: Site, browser_page: Page, tmp_path: Path, width: int
) -> None:
    """The whole utlåtande page at a desktop and a phone width, in the test's
    tmp dir."""
    browser_page.set_viewport_size({"width": width, "height": 800})
    browser_page.goto(example_site.url_of(UTLATANDE))
    expect(browser_page.locator(f'[id="{DNR}-utlåtande"]')).to_be_visible()
    page_width, page_height = browser_page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    shot = tmp_path / f"utlatande-{width}.png"
    browser_page.screenshot(path=shot, full_page=True)
    print(shot, f"{page_width} × {page_height} px")
    # the whole page, not the window (wider than it where the page overflows)
    assert png_size(shot) == (max(width, page_width), page_height)
    assert page_height > 800


def smaller_png(path: Path) -> None:
    """The PNG in at most 128 colours (an octree keeps a logo's few pixels of
    colour), without dithering: text stays sharp, the file a quarter as
    large. Where Pillow is installed (pikepdf brings it)."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        fewer = image.convert("RGB").quantize(
            colors=128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    fewer.save(path, optimize=True)


@pytest.mark.parametrize("width", list(SCREENSHOT_SIZES))
@pytest.mark.parametrize("page", list(SCREENSHOTS))
def test_reference_screenshot(
    example_site: Site, browser_page: Page, tmp_path: Path, page: str, width: int
) -> None:
    """The window's view of the top of the utlåtande and the motion at a
    desktop and a phone width, as ``<name>-<width>.png``: into the folder
    ``KOMMUN_SCREENSHOTS`` names (``make screenshots``: docs/screenshots/,
    the reference images), else the test's tmp dir."""
    height = SCREENSHOT_SIZES[width]
    folder = Path(os.environ.get("KOMMUN_SCREENSHOTS") or tmp_path)
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(example_site.url_of(page))
    expect(browser_page.locator("div.kommun-banner img")).to_be_visible()
    expect(browser_page.locator("h1").first).to_be_in_viewport()
    shot = folder / f"{SCREENSHOTS[page]}-{width}.png"
    browser_page.screenshot(path=shot, animations="disabled")
    smaller_png(shot)
    print(shot, f"{shot.stat().st_size // 1024} KiB")
    assert png_size(shot) == (width, height)


@pytest.mark.parametrize("theme", THEMES)
def test_axe_finds_no_violation_in_any_theme(
    theme_sites: Callable[[str], Site], browser_page: Page, theme: str
) -> None:
    """axe-core's WCAG 2.1 A/AA check in each theme, on a page of each kind
    (the start page, a motion, an utlåtande with its remissammanställning, a
    meeting, the search page): no violation (every page of the example is
    checked under one theme above, KOMMUN_BROWSER_THEME)."""
    site = theme_sites(theme)
    found = {}
    for name in [
        "index.html",
        MOTION,
        UTLATANDE,
        "sammantraden/kf-2021-03-15.html",
        "search.html",
    ]:
        response = browser_page.goto(site.url_of(name))
        assert response is not None and response.ok, name
        for violation in axe(browser_page):
            found[(name, violation["id"])] = [
                " ".join(node["html"].split())[:200] for node in violation["nodes"]
            ]
    assert found == {}


@pytest.mark.parametrize("theme", THEMES)
def test_the_first_tab_stop_is_a_skip_link_to_the_main_content(
    theme_sites: Callable[[str], Site], browser_page: Page, theme: str
) -> None:
    """The first Tab on a page focuses one link, "Hoppa till
    huvudinnehållet", out of sight until then (ours, or the theme's own in
    Swedish); Enter on it moves to the page's main content, where the next
    Tab goes on."""
    site = theme_sites(theme)
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.goto(site.url_of(UTLATANDE))
    skip = browser_page.get_by_role("link", name=SKIP_LINK, exact=True)
    expect(skip).to_have_count(1)
    expect(skip).not_to_be_in_viewport()

    browser_page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport(ratio=1)  # the themes' slide in
    href = skip.get_attribute("href")
    assert href and href.startswith("#"), href
    main = browser_page.locator(f'[id="{href[1:]}"]')
    expect(main).to_have_attribute("role", "main")
    expect(main).to_contain_text("Ta tillbaka utsatta områden")

    skip.press("Enter")
    browser_page.wait_for_url(f"**{href}")
    expect(main).to_be_in_viewport()
    expect(skip).not_to_be_in_viewport()
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate(
        "main => main.contains(document.activeElement)", main.element_handle()
    ), browser_page.evaluate("document.activeElement.outerHTML")


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_banner_shows_the_municipality_and_its_logo(
    theme_sites: Callable[[str], Site], browser_page: Page, theme: str, width: int
) -> None:
    """At the top of every page, over the theme's own: the municipality's
    logo (alt text: its name) and name, uncovered, linking to the start
    page; axe finds nothing wrong with it or with the focused skip link."""
    site = theme_sites(theme)
    browser_page.set_viewport_size({"width": width, "height": 844})
    browser_page.goto(site.url_of(MOTION))
    banner = browser_page.locator("div.kommun-banner")
    expect(banner).to_have_count(1)
    home = banner.get_by_role("link", name=MUNICIPALITY, exact=True)
    expect(home).to_have_attribute("href", "../index.html")
    logo = home.get_by_role("img", name=MUNICIPALITY, exact=True)
    expect(logo).to_have_attribute("alt", MUNICIPALITY)
    expect(logo).to_be_visible()
    expect(banner).to_contain_text(MUNICIPALITY)
    expect(banner.locator(".kommun-banner-name")).to_be_visible()
    assert logo.evaluate("img => img.complete && img.naturalWidth") > 0
    box = logo.bounding_box()
    assert box is not None and box["y"] < 100 and box["height"] >= 30, box
    # nothing lies over it (sphinx-rtd-theme's fixed sidebar, a sticky header)
    assert logo.evaluate(
        """img => { const r = img.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
            === img }"""
    )

    browser_page.keyboard.press("Tab")
    browser_page.wait_for_timeout(500)  # the themes' skip links slide in
    ours = [
        (violation["id"], node["target"])
        for violation in axe(browser_page)
        for node in violation["nodes"]
        if "kommun-banner" in node["html"] or SKIP_LINK in node["html"]
    ]
    assert ours == []

    browser_page.evaluate("document.activeElement.blur()")
    home.click()
    browser_page.wait_for_url("**/index.html")


def search_box(page: Page) -> Locator:
    """The search box a reader sees: in the sidebar, or behind the search
    button of the header (pydata-sphinx-theme, sphinx-book-theme)."""
    box = page.locator('form[action$="search.html"] input[name="q"]:visible')
    if box.count() == 0:
        page.get_by_role("button", name="Sök").locator("visible=true").first.click()
    expect(box.first).to_be_visible()
    return box.first


@pytest.mark.parametrize("theme", THEMES)
def test_the_search_box_works_in_each_theme(
    theme_sites: Callable[[str], Site], browser_page: Page, theme: str
) -> None:
    """A word with å/ä/ö typed into the theme's search box reaches the
    search page, whose object hit leads to the yttrande itself."""
    site = theme_sites(theme)
    browser_page.goto(site.url_of(MOTION))
    box = search_box(browser_page)
    box.fill("Hägersten-Älvsjö")
    box.press("Enter")
    browser_page.wait_for_url("**/search.html?**")
    target = f"{DNR}-yttrande-hägersten-älvsjö-stadsdelsnämnd"
    link = browser_page.locator(
        "#search-results li.kind-object a",
        has_text="Hägersten-Älvsjö stadsdelsnämnd (KS 2019/1899)",
    )
    expect(link).to_have_count(1, timeout=10_000)
    assert follow(browser_page, link) == target
    lands_on(browser_page, target, "Hägersten-Älvsjö")
