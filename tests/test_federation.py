"""Federation: a nämnd's yttranden in its own project, compiled by
kommunstyrelsen's as if written there (tests/roots/test-federation: Umeå
kommun's KS 2024/0123, answered by tekniska nämnden in the KS project and
by byggnadsnämnden in its own)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.domain import interchange
from sphinx_kommun.domain.model import Person, Position
from sphinx_kommun.kinds.yttrande import Yttrande
from sphinx_kommun.testing import warnings_of

from .conftest import append, edit, html_text

NAMND_PAGE = "https://handlingar.umea.se/byggnadsnamnden/ks-2024-0123.html"
YTTRANDE = "ks-2024-0123-yttrande-byggnadsnämnden"


def compilation(page: Path) -> str:
    """The text of the remissammanställning on ``page``."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    section = soup.select_one("#remissammanstallning")
    assert section is not None
    return " ".join(section.get_text(" ").split())


@pytest.fixture
def federation(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> Path:
    """Both projects built: KS first (the nämnd's file is not there yet:
    one warning), the nämnd, then KS again."""
    root = project_copy("federation")
    first = build(root / "ks")
    assert warnings_of(first).count("[kommun.federation]") == 1
    assert "kommun_federation: byggnadsnamnden kan inte läsas" in warnings_of(first)
    assert "dess objekt saknas i bygget" in warnings_of(first)
    namnd = build(root / "bn")
    assert warnings_of(namnd) == ""
    again = build(root / "ks")
    assert warnings_of(again) == ""
    return root


def test_the_namnds_yttrande_is_compiled_and_linked_there(federation: Path) -> None:
    html = federation / "ks" / "_build" / "html"
    text = compilation(html / "tjansteskrivelse.html")
    assert "Ärendet har remitterats till tekniska nämnden och byggnadsnämnden." in text
    assert (
        "Byggnadsnämnden behandlade ärendet vid sitt sammanträde den 20 mars 2024."
        in text
    )
    assert "Laddplatser på befintliga parkeringar kräver i regel inget bygglov." in text
    assert "Byggnadsnämnden ingen erinran tillstyrker" in text  # the stance matrix
    page = BeautifulSoup((html / "tjansteskrivelse.html").read_text(), "html.parser")
    emphasised = [em.get_text() for em in page.select("#remissammanstallning em")]
    assert "vägledning" in emphasised  # the quote keeps its markup
    for name in ("tjansteskrivelse", "motion", "remiss", "arende"):
        soup = BeautifulSoup((html / f"{name}.html").read_text(), "html.parser")
        hrefs = {a["href"] for a in soup.select("a[href]")}
        assert f"{NAMND_PAGE}#{YTTRANDE}" in hrefs, name
        assert not any("%40" in href or href.startswith("@") for href in hrefs)
    # the nämnd's objects are in its own inventory and index, not here
    published = json.loads((html / "kommun-objects.json").read_text())
    assert all(YTTRANDE not in json.dumps(v) for v in published["pages"].values())
    assert "byggnadsnämnden" not in (html / "searchindex.js").read_text()


def test_compiled_exactly_as_a_local_yttrande(
    federation: Path, build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """The same yttrande written in the KS project gives the same
    remissammanställning, word for word."""
    local = tmp_path / "local"
    shutil.copytree(federation / "ks", local, ignore=shutil.ignore_patterns("_build"))
    edit(local / "conf.py", "kommun_federation = {", "_unused = {")
    shutil.copy(federation / "bn" / "ks-2024-0123.rst", local / "byggnadsnamnden.rst")
    edit(local / "arende.rst", "   remiss\n", "   remiss\n   byggnadsnamnden\n")
    app = build(local)
    assert warnings_of(app) == ""
    ks = federation / "ks" / "_build" / "html" / "tjansteskrivelse.html"
    assert compilation(app.outdir / "tjansteskrivelse.html") == compilation(ks)


def test_an_edit_in_the_namnd_shows_after_both_rebuild(
    federation: Path, build: Callable[..., SphinxTestApp]
) -> None:
    edit(
        federation / "bn" / "ks-2024-0123.rst",
        "kräver i regel inget bygglov",
        "kräver sällan bygglov",
    )
    assert warnings_of(build(federation / "bn")) == ""
    app = build(federation / "ks")  # incremental: no source of its own changed
    assert warnings_of(app) == ""
    text = compilation(app.outdir / "tjansteskrivelse.html")
    assert "Laddplatser på befintliga parkeringar kräver sällan bygglov." in text
    assert "i regel" not in text


def test_an_unreachable_source_uses_the_last_kept_copy(
    federation: Path, build: Callable[..., SphinxTestApp]
) -> None:
    shutil.rmtree(federation / "bn" / "_build")
    append(federation / "ks" / "motion.rst", "\n.. Ändrad.\n")
    app = build(federation / "ks", freshenv=True)
    warnings = warnings_of(app)
    assert warnings.count("WARNING") == 1
    assert "conf.py:8: WARNING: kommun_federation: byggnadsnamnden" in warnings
    assert "den senast sparade kopian används [kommun.federation]" in warnings
    text = html_text(app.outdir / "tjansteskrivelse.html")
    assert "Laddplatser på befintliga parkeringar kräver i regel inget bygglov." in text


@pytest.mark.parametrize(
    "content",
    [
        "inte json",
        '{"format": "något annat"}',
        '{"format": "sphinx-kommun-objects", "version": 99, "pages": {}}',
        '{"format": "sphinx-kommun-objects", "version": 1, "pages": {"a.html": '
        '[{"object": {"$type": "os.system"}}]}}',
    ],
)
def test_a_file_not_understood_is_a_warning(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    content: str,
) -> None:
    root = project_copy("federation")
    published = root / "bn" / "_build" / "html" / "kommun-objects.json"
    published.parent.mkdir(parents=True)
    published.write_text(content, encoding="utf-8")
    app = build(root / "ks")
    warnings = warnings_of(app)
    assert warnings.count("WARNING") == 1
    assert "kommun_federation: byggnadsnamnden kan inte läsas" in warnings
    assert "Traceback" not in warnings


def test_objects_and_quotes_round_trip_and_nothing_else_is_made() -> None:
    yttrande = Yttrande(
        id="ks-2024-0123-yttrande-byggnadsnämnden",
        docname="ks-2024-0123",
        lineno=4,
        dnr="KS 2024/0123",
        title="Byggnadsnämnden",
        instans="Byggnadsnämnden",
        positions=(Position("tillstyrker", 2),),
        signatories=(Person("Eva Lindgren", role="stadsbyggnadsdirektör"),),
    )
    data = json.loads(json.dumps(interchange.encode(yttrande)))
    assert interchange.decode_object(data) == yttrande
    with pytest.raises(ValueError, match="unknown type"):
        interchange.decode({"$type": "subprocess.Popen", "args": "ls"})
    quote = nodes.paragraph(
        "",
        "",
        nodes.Text("Se "),
        nodes.reference("", "planen", refuri="https://www.umea.se/plan"),
        nodes.Text(" och "),
        nodes.reference("", "bilagan", refuri="javascript:alert(1)"),
        nodes.raw("", "<script>alert(1)</script>", format="html"),
    )
    (back,) = interchange.decode_nodes(interchange.encode_nodes([quote]))
    assert back.astext() == quote.astext()
    assert [r["refuri"] for r in back.findall(nodes.reference)] == [
        "https://www.umea.se/plan"
    ]
    assert not list(back.findall(nodes.raw))
    with pytest.raises(ValueError, match="unknown node"):
        interchange.decode_nodes([{"t": "raw", "a": {}, "c": ["<script>"]}])


def test_the_archive_lists_every_arende_of_every_project(
    federation: Path, build: Callable[..., SphinxTestApp]
) -> None:
    """An archive project reads the others and lists their ärenden by year,
    each linked where it is published."""
    app = build(federation / "arkiv")
    assert warnings_of(app) == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    (table,) = soup.select("table")
    assert table.caption.get_text().strip("¶ \n") == "Ärenden 2024"
    (row,) = table.select("tbody tr")
    cells = [" ".join(c.get_text().split()) for c in row.select("th, td")]
    assert cells == [
        "KS 2024/0123",
        "Motion om fler laddplatser för elbilar",
        "Kommunstyrelsen",
        "kommunstyrelsen",
    ]
    assert row.a["href"] == (
        "https://handlingar.umea.se/kommunstyrelsen/arende.html#ks-2024-0123"
    )
