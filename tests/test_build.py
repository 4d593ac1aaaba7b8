"""A whole small ärende builds to HTML with generated, linked content."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from sphinx_kommun.domain.store import get_domain
from sphinx_kommun.testing import warning_lines, warnings_of

from .conftest import (
    broken_links,
    cut_before,
    edit,
    html_text,
    with_notes_in_a_quoted_section,
)


@pytest.fixture
def built(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> SphinxTestApp:
    return build(project_copy("case"))


def test_happy_build_has_no_warnings(built: SphinxTestApp) -> None:
    assert warnings_of(built) == ""


def test_remissammanstallning_is_generated_in_remiss_order(
    built: SphinxTestApp,
) -> None:
    text = html_text(built.outdir / "utlatande.html")
    compilation = text[text.index("Remissammanställning") :]
    order = [
        compilation.index(
            "Stadsledningskontorets tjänsteutlåtande daterat den 10 oktober 2020"
        ),
        compilation.index(
            "Bromma stadsdelsnämnd beslutade vid sitt sammanträde den 24 september 2020 följande."
        ),
        compilation.index(
            "Kungsholmens stadsdelsförvaltnings tjänsteutlåtande daterat den 4 september 2020"
        ),
    ]
    assert order == sorted(order)
    # the nämnd's decision and the quoted section follow their sentences
    assert (
        "följande. Nämnden överlämnar förvaltningens tjänsteutlåtande." in compilation
    )
    assert "har i huvudsak följande lydelse. Insatserna bör bygga" in compilation


def test_beredning_lists_instanser_and_summaries(built: SphinxTestApp) -> None:
    text = html_text(built.outdir / "utlatande.html")
    assert (
        "Ärendet har remitterats till stadsledningskontoret, Bromma stadsdelsnämnd "
        "och Kungsholmens stadsdelsnämnd." in text
    )
    assert (
        "Kungsholmens stadsdelsnämnd vill att insatserna utgår från lokala behov."
        in text
    )


def test_stated_date_differs_and_the_discrepancy_is_shown(built: SphinxTestApp) -> None:
    text = html_text(built.outdir / "utlatande.html")
    assert (
        "Bromma stadsdelsförvaltnings tjänsteutlåtande daterat den 20 juli 2020" in text
    )
    assert "Yttrandet självt är daterat den 2 september 2020" in text
    assert "(utlåtandet anger 20 juli 2020)" in text


def test_reservation_is_gathered_under_its_instans(built: SphinxTestApp) -> None:
    text = html_text(built.outdir / "utlatande.html")
    assert "Särskilt uttalande gjordes av Niklas Thorén m.fl. (V), bilaga 1." in text
    reservations = text[text.index("Reservationer m.m. Bromma stadsdelsnämnd") :]
    assert (
        "Särskilt uttalande (bilaga 1) gjordes av Niklas Thorén m.fl. (V) enligt följande. Vi tycker annorlunda."
        in reservations
    )


def test_late_answer_and_missing_answer_are_marked(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    srcdir = project_copy("case")
    (srcdir / "yttrande-kungsholmen.rst").unlink()
    edit(srcdir / "index.rst", "   yttrande-kungsholmen\n", "")
    app = build(srcdir)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "utlatande.html")
    table = text[text.index("Remissvar i sammandrag Svar senast 1 oktober 2020.") :]
    assert "Stadsledningskontoret 10 oktober 2020 (efter svar senast) –" in table
    assert "Kungsholmens stadsdelsnämnd – – Inget svar" in table
    assert "Kungsholmens stadsdelsnämnd har inte besvarat remissen." in text


def test_backlinks_on_targets(built: SphinxTestApp) -> None:
    motion = html_text(built.outdir / "motion.html")
    first = motion[motion.index("Att-sats 1") : motion.index("Att-sats 2")]
    assert (
        "Besvaras av Yttrande: Stadsledningskontoret (KS 2019/1899) "
        "Yttrande: Bromma stadsdelsnämnd (KS 2019/1899) – avstyrker "
        "Yttrande: Kungsholmens stadsdelsnämnd (KS 2019/1899) – lämnar synpunkter"
    ) in first
    assert "Omnämns i" not in first  # Bromma mentions it, but is listed already
    assert "Beslut Beslut i kommunstyrelsen (KS 2019/1899) – avslag" in first
    yttrande = html_text(built.outdir / "yttrande-bromma.html")
    assert "Reservationer Särskilt uttalande av Niklas Thorén m.fl. (V)" in yttrande
    assert "Behandlas i Utlåtande: Ta tillbaka utsatta områden" in yttrande
    related = html_text(built.outdir / "annat.html")
    assert (
        "Relaterade ärenden som hänvisar hit Ärende: Motion om att ta tillbaka"
        in related
    )


def test_roles_link_to_objects_with_swedish_anchors(built: SphinxTestApp) -> None:
    html = (built.outdir / "yttrande-bromma.html").read_text(encoding="utf-8")
    assert 'href="motion.html#ks-2019-1899-motion-att-sats-1"' in html
    assert 'href="annat.html#ks-2019-656"' in html
    assert 'id="ks-2019-1899-yttrande-bromma-stadsdelsnämnd"' in html


def test_withdrawn_signatory_is_struck(built: SphinxTestApp) -> None:
    html = (built.outdir / "motion.html").read_text(encoding="utf-8")
    assert re.search(r'<del class="kommun-struck">Mona Wallen \(-\)</del>', html)


def test_arende_index_lists_cases(built: SphinxTestApp) -> None:
    text = html_text(built.outdir / "kommun-arenden.html")
    assert "KS 2019/1899" in text
    assert "KS 2019/656" in text


def test_needs_assets_only_where_needs_are_used(built: SphinxTestApp) -> None:
    plain_page = (built.outdir / "motion.html").read_text()
    for asset in ("sphinx-needs/", "sphinx-data-viewer/", "jquery.js", "graphviz.css"):
        assert asset not in plain_page
    assert "sphinx-needs/" in (built.outdir / "annat.html").read_text()
    assert "jquery.js" in (built.outdir / "annat.html").read_text()


def test_jquery_stays_on_the_pages_of_a_theme_that_loads_it(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """sphinx-rtd-theme loads sphinxcontrib.jquery itself (as sphinx-needs
    does) and its script needs jQuery on every page; sphinx-needs' own
    assets still stay off a page without a needs view."""
    app = build(project_copy("case"), confoverrides={"html_theme": "sphinx_rtd_theme"})
    assert warnings_of(app) == ""
    page = (app.outdir / "motion.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([^"?]+)', page)
    assert "_static/js/theme.js" in scripts
    assert "_static/jquery.js" in scripts
    assert scripts.index("_static/jquery.js") < scripts.index("_static/js/theme.js")
    assert "sphinx-needs/" not in page


def test_sammantrade_agenda_links_the_handlingar(built: SphinxTestApp) -> None:
    text = html_text(built.outdir / "sammantrade.html")
    assert (
        "Föredragningslista Ärenden och handlingar Nr Ärende Diarienummer Handlingar "
        "1. Ta tillbaka utsatta områden KS 2019/1899 "
        "Utlåtande, Motion, Beslut i kommunstyrelsen, Remissammanställning" in text
    )
    html = (built.outdir / "sammantrade.html").read_text(encoding="utf-8")
    assert 'href="utlatande.html#ks-2019-1899-utlåtande"' in html
    assert 'href="motion.html#ks-2019-1899-motion"' in html
    # the ärende's title links its page
    assert re.search(
        r'href="index.html#ks-2019-1899"[^>]*><span>Ta tillbaka', html
    ) or ('href="index.html#ks-2019-1899">Ta tillbaka' in html), html[
        html.index("Föredragningslista") :
    ][:1500]
    arende = html_text(built.outdir / "index.html")
    assert (
        "På föredragningslistan Sammanträde: Kommunfullmäktiges sammanträde" in arende
    )


def nav_text(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    nav = soup.find("nav", class_="kommun-navigation")
    assert nav is not None, "no sphinx-kommun navigation in the sidebar"
    return " | ".join(nav.stripped_strings)


def test_default_sidebar_shows_the_arende_not_the_global_toctree(
    built: SphinxTestApp,
) -> None:
    html = (built.outdir / "yttrande-slk.html").read_text(encoding="utf-8")
    sidebar = html[html.index('class="sphinxsidebar"') :]
    assert "toctree-l1" not in sidebar
    assert nav_text(built.outdir / "yttrande-slk.html") == (
        "Ärende KS 2019/1899 | KS 2019/1899 Motion om att ta tillbaka utsatta områden | "
        "Motion | Remiss | Stadsledningskontoret | Bromma stadsdelsnämnd | "
        "Kungsholmens stadsdelsnämnd | Utlåtande | Beslut | Sammanträden | "
        "Kommunfullmäktiges sammanträde | Handlingar | Startsida | Alla ärenden"
    )
    assert re.search(
        r'<li class="current"><a href="#">Stadsledningskontoret</a></li>', html
    )


def test_meeting_sidebar_shows_the_agenda(built: SphinxTestApp) -> None:
    assert nav_text(built.outdir / "sammantrade.html").startswith(
        "Föredragningslista | 1. Ta tillbaka utsatta områden (KS 2019/1899) | Handlingar"
    )


@pytest.mark.parametrize("buildername", ["man", "singlehtml", "text"])
def test_generated_text_in_builders_that_assemble_pages(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    buildername: str,
) -> None:
    src = project_copy("case")
    # a start page with nothing generated on it, above the ärende
    (src / "start.rst").write_text(
        "Handlingar\n==========\n\n.. toctree::\n\n   index\n", encoding="utf-8"
    )
    app = build(src, buildername, confoverrides={"root_doc": "start"})
    text = "\n".join(
        path.read_text(encoding="utf-8")
        for path in app.outdir.rglob("*")
        if path.is_file() and path.suffix in (".1", ".html", ".txt")
    )
    text = re.sub(r"<[^>]+>|\\f[BIRP]|\\-|\n", " ", text)
    text = " ".join(text.split())
    assert "Ärendet har remitterats till" in text, buildername


def test_generated_content_inside_a_quoted_section_is_not_quoted(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-kungsholmen.rst",
        "   Insatserna bör bygga på stadsdelens egna förutsättningar.\n",
        "   Insatserna bör bygga på stadsdelens egna förutsättningar.\n\n"
        "   .. beredning::\n      :dnr: KS 2019/1899\n",
    )
    app = build(src)
    assert warnings_of(app) == ""
    page = html_text(app.outdir / "yttrande-kungsholmen.html")
    assert "Ärendet har remitterats till" in page
    compilation = html_text(app.outdir / "utlatande.html")
    assert "Insatserna bör bygga på stadsdelens egna förutsättningar." in compilation


def test_a_quoted_section_keeps_its_footnotes_and_points_to_what_it_cannot_show(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    with_notes_in_a_quoted_section(src)
    app = build(src)
    assert warnings_of(app) == ""
    page = (app.outdir / "utlatande.html").read_text(encoding="utf-8")
    # every link inside the page lands on an anchor of the page
    ids = set(re.findall(r'id="([^"]+)"', page))
    local = set(re.findall(r'href="#([^"]+)"', page))
    quoted = {target for target in local if "-citat-" in target}
    assert len(quoted) >= 3, local  # the footnote, the citation, the target
    assert quoted <= ids, quoted - ids
    text = html_text(app.outdir / "utlatande.html")
    assert "Se stadsdelens budget." in text
    assert "Trygghetsrapport 2020." in text
    assert "Återges inte här; se Kungsholmens stadsdelsnämnd." in text
    # the yttrande itself shows its table
    assert 'data-need-id="ks-2019-1899-motion"' in (
        app.outdir / "yttrande-kungsholmen.html"
    ).read_text(encoding="utf-8")


def test_an_answer_without_text_is_not_announced_as_quoted(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    cut_before(src / "yttrande-kungsholmen.rst", "   Förslag till beslut")
    app = build(src)
    assert warning_lines(app) == [
        "yttrande-kungsholmen.rst:4: WARNING: yttrandet har ingen text att återge "
        "i remissammanställningen [kommun.missing]"
    ]
    compilation = html_text(app.outdir / "utlatande.html")
    assert (
        "Kungsholmens stadsdelsförvaltnings tjänsteutlåtande daterat den "
        "4 september 2020 återges inte."
    ) in compilation
    assert (
        "Kungsholmens stadsdelsförvaltnings tjänsteutlåtande daterat den "
        "4 september 2020 har i huvudsak"
    ) not in compilation
    assert (
        "Kungsholmens stadsdelsnämnd behandlade ärendet vid sitt sammanträde den "
        "24 september 2020."
    ) in compilation


def test_epub_writes_the_documents(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    app = build(
        src,
        "epub",
        confoverrides={
            "copyright": "2021, Testkommun",
            "version": "1",
            # sphinx-needs' permalink.html and schema_violations.json
            "suppress_warnings": ["epub.unknown_project_files"],
        },
    )
    assert warnings_of(app) == ""
    page = html_text(app.outdir / "utlatande.xhtml")
    assert "Ärendet har remitterats till" in page


def test_a_footnote_left_outside_the_quote_is_unlinked_in_it(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-kungsholmen.rst",
        "   Nämnden besvarar remissen med förvaltningens tjänsteutlåtande.\n",
        "   Nämnden besvarar remissen med förvaltningens tjänsteutlåtande.\n\n"
        "   .. [#budget] Se stadsdelens budget.\n",
    )
    edit(
        src / "yttrande-kungsholmen.rst",
        "egna förutsättningar.",
        "egna förutsättningar [#budget]_.",
    )
    app = build(src)
    assert warnings_of(app) == ""
    page = (app.outdir / "utlatande.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert set(re.findall(r'href="#([^"]+)"', page)) <= ids
    text = html_text(app.outdir / "utlatande.html")
    assert "egna förutsättningar [1]." in text


def test_quoted_links_lead_from_the_quoting_page(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """A yttrande in a folder, quoted with links (a role, a :doc:) in the
    utlåtande one folder up: each link is made for the utlåtande's page."""
    src = project_copy("case")
    (src / "yttranden").mkdir()
    (src / "yttrande-bromma.rst").rename(src / "yttranden" / "bromma.rst")
    edit(src / "index.rst", "   yttrande-bromma\n", "   yttranden/bromma\n")
    edit(
        src / "yttranden" / "bromma.rst",
        "och :arende:`KS 2019/656`.",
        "och :arende:`KS 2019/656`; se :doc:`remissen <../remiss>`.",
    )
    app = build(src)
    assert warnings_of(app) == ""
    page = (app.outdir / "utlatande.html").read_text(encoding="utf-8")
    assert 'href="remiss.html"' in page
    assert 'href="motion.html#ks-2019-1899-motion-att-sats-1"' in page
    assert broken_links(app.outdir) == set()


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml"])
def test_every_local_link_leads_to_a_written_file(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    buildername: str,
) -> None:
    app = build(project_copy("case"), buildername)
    assert warnings_of(app) == ""
    assert broken_links(app.outdir) == set()


def _search_index(outdir: Path) -> dict[str, Any]:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return cast(
        dict[str, Any], json.loads(text[text.index("(") + 1 : text.rindex(")")])
    )


def test_search_results_land_on_the_object(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """Each object hit links to the element's real id, as Sphinx's search
    script makes the link (an empty anchor means the displayed name), and
    a name with a full stop is shown whole."""
    src = project_copy("case")
    edit(
        src / "yttrande-bromma.rst",
        ".. reservation::\n",
        ".. reservation:: Särskilt uttalande av Eva Ek m.fl. (V)\n",
    )
    app = build(src)
    assert warnings_of(app) == ""
    index = _search_index(app.outdir)
    objtypes = {int(n): kind for n, kind in index["objtypes"].items()}
    found = {}
    for prefix, entries in index["objects"].items():
        for page, objtype, _prio, anchor, name in entries:
            shown = f"{prefix}.{name}" if prefix else name
            if anchor == "":
                anchor = shown
            elif anchor == "-":
                anchor = f"{objtypes[objtype].split(':')[1]}-{shown}"
            html = (app.outdir / (index["docnames"][page] + ".html")).read_text("utf-8")
            assert f'id="{anchor}"' in html, (shown, anchor)
            found[shown] = anchor
    assert found["Bromma stadsdelsnämnd (KS 2019/1899)"] == (
        "ks-2019-1899-yttrande-bromma-stadsdelsnämnd"
    )
    assert "Särskilt uttalande av Eva Ek m.fl. (V) (KS 2019/1899)" in found
    objects = get_domain(app.env).index.by_id
    assert len(found) == len(objects)
    # intersphinx refers to objects by id
    inventory = InventoryFile.load(
        (app.outdir / "objects.inv").open("rb"), "", posixpath.join
    )
    by_id = {
        name: item
        for kind, items in inventory.items()
        if kind.startswith("kommun:")
        for name, item in items.items()
    }
    assert set(objects) <= set(by_id)
    assert by_id["ks-2019-1899-yttrande-bromma-stadsdelsnämnd"].uri.endswith(
        "yttrande-bromma.html#ks-2019-1899-yttrande-bromma-stadsdelsnämnd"
    )


def test_pages_are_structured_for_assistive_technology(built: SphinxTestApp) -> None:
    """One h1 a page (the remissammanställning after its utlåtande goes a
    level down), header cells with their scope (the first column names the
    row), a document's title in the role of a heading, toctree captions
    with a level."""
    from bs4 import BeautifulSoup

    for path in built.outdir.glob("*.html"):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        body = page.find("div", class_="body") or page
        assert len(body.find_all("h1")) <= 1, path.name
        for cell in body.find_all("th"):
            assert cell.get("scope") in ("col", "row"), (path.name, cell)
        for caption in page.find_all(attrs={"role": "heading"}):
            assert caption.get("aria-level"), (path.name, caption)
        # a captioned table's box scrolls on a phone: a region the keyboard
        # reaches, named by the caption
        for box in body.find_all("div", class_="kommun-table"):
            caption = box.find("caption")
            if caption is None:
                continue
            assert (box.get("role"), box.get("tabindex")) == ("region", "0")
            text = caption.find("span", class_="caption-text")
            assert box["aria-label"] == " ".join(text.get_text(" ").split())
    utlatande = BeautifulSoup(
        (built.outdir / "utlatande.html").read_text("utf-8"), "html.parser"
    )
    title = utlatande.find("p", class_="kommun-doc-title")
    assert title is not None and title["role"] == "heading"
    regions = utlatande.find_all("div", class_="kommun-table", role="region")
    assert "Remissvaren per instans" in [box["aria-label"] for box in regions]
    rows = utlatande.find("table", class_="kommun-remiss-table").find_all("tr")
    assert [cell.name for cell in rows[1].find_all(["th", "td"])][:2] == ["th", "td"]


def test_emphasis_in_generated_text_reads_in_the_text_builder(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """Luleå's yttrande: the space after "Besvarar" is outside the strong
    text, which the text builder marks with asterisks."""
    app = build(project_copy("lulea"), "text")
    assert warnings_of(app) == ""
    text = (app.outdir / "isbana" / "fritidsnamnden.txt").read_text("utf-8")
    assert "**Besvarar** att-sats 1 (tillstyrker) och att-sats 2 (avstyrker)" in text
    assert "**Besvarar **" not in text


def test_a_long_swedish_word_stays_whole_in_a_text_table(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """Luleå's ärende: the reservation's note "§ 62 i kommunfullmäktiges
    protokoll …" keeps its 18-letter word whole (not "kommunful|lmäktiges")."""
    app = build(project_copy("lulea"), "text")
    assert warnings_of(app) == ""
    text = (app.outdir / "isbana" / "index.txt").read_text("utf-8")
    assert "kommunfullmäktiges" in text
    borders = [line for line in text.splitlines() if line.startswith("+-")]
    assert max(len(line) for line in borders) <= 76


def test_tables_are_readable_in_the_text_builder(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("case"), "text")
    assert warnings_of(app) == ""
    text = (app.outdir / "utlatande.txt").read_text("utf-8")
    borders = [line for line in text.splitlines() if line.startswith("+-")]
    assert borders
    # a line of the page rather than Sphinx's 38 characters; words whole
    assert min(len(line) for line in borders) >= 70
    assert "| Remissinstans " in text
    assert "| Bromma         |" in text
    assert "| stadsdelsnämnd |" in text  # the name wraps between its words
