"""An English build says in English what the clerk wrote as a Swedish
keyword, and no Swedish word the clerk did not write: Kiruna kommun's
minutes in English (tests/roots/test-kiruna), a § with yrkanden, a tied
vote the chair decides and a reservation, the kallelse, the protokollsutdrag
and the personregister."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import build_once, warnings_of

from .conftest import ROOTS, html_text

ROOT = ROOTS / "test-kiruna"

#: Swedish words a reader would notice in an English page, besides any word
#: with å, ä or ö.
SWEDISH = {"ja", "nej", "och", "eller", "av", "till", "för", "med", "den", "det"}
#: The Swedish legal term an English page keeps, explained, in parentheses:
#: "An appeal against a decision (laglighetsprövning) must be lodged by …"
KEPT = {"laglighetsprövning"}


@pytest.fixture(scope="module")
def kiruna(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_once("html", ROOT, tmp_path_factory.mktemp("kiruna"))


def written_words() -> set[str]:
    """Every word of the project's sources: what the clerk wrote."""
    return {
        word.casefold()
        for path in ROOT.rglob("*")
        if path.suffix in (".rst", ".toml", ".py")
        for word in re.findall(r"\w+", path.read_text("utf-8"))
    }


def page_words(path: Path) -> set[str]:
    """The words of a page a reader sees or hears: its text (the <title>
    too) and its links' titles and labels."""
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    said = [soup.get_text(" ")] + [
        str(tag[name])
        for name in ("title", "aria-label", "alt", "placeholder")
        for tag in soup.find_all(attrs={name: True})
    ]
    return {word for text in said for word in re.findall(r"\w+", text)}


def test_no_swedish_word_the_clerk_did_not_write(kiruna: SphinxTestApp) -> None:
    assert warnings_of(kiruna) == ""
    written = written_words()
    found = {
        path.relative_to(kiruna.outdir).as_posix(): sorted(
            word
            for word in page_words(path)
            if word.casefold() not in written | KEPT
            and (re.search("[åäöÅÄÖ]", word) or word.casefold() in SWEDISH)
        )
        for path in kiruna.outdir.rglob("*.html")
    }
    assert {page: words for page, words in found.items() if words} == {}
    assert "Index of cases" in html_text(kiruna.outdir / "kommun-arenden.html")


def test_the_vote_words_are_read_in_english(kiruna: SphinxTestApp) -> None:
    """The clerk writes 'Mats Taavola (S): ja', 'nej', 'avstår': the
    roll-call table, the chair's casting vote and the personregister's
    votes say yes, no and abstains."""
    assert warnings_of(kiruna) == ""
    soup = BeautifulSoup(
        (kiruna.outdir / "protokoll.html").read_text("utf-8"), "html.parser"
    )
    table = soup.find("table", class_="kommun-votes")
    assert table is not None
    votes = [row.find_all("td")[-1].get_text(strip=True) for row in table.tbody("tr")]
    assert votes == ["yes", "no", "no", "yes", "abstains"]
    text = html_text(kiruna.outdir / "protokoll.html")
    assert (
        "The vote gives 2 yes votes against 2 no votes; 1 member abstains. The "
        "votes are equal and the chair has the casting vote (yes)." in text
    )
    for page in ("protokoll", "utdrag", "ledamoter"):
        said = html_text(kiruna.outdir / f"{page}.html")
        assert not re.search(r": (ja|nej|avstår)\b|\((ja|nej)\)", said), page
    register = html_text(kiruna.outdir / "ledamoter.html")
    assert "2024/0311: abstains" in register


def test_no_swedish_genitive_in_an_english_sentence(kiruna: SphinxTestApp) -> None:
    """ "Mats Taavolas (S) yrkande" is "the motion of Mats Taavola (S)", and
    "kommunfullmäktiges sammanträden" the "Meetings of Kommunfullmäktige",
    on the page, in the list of feeds and in the calendar's name."""
    text = html_text(kiruna.outdir / "protokoll.html")
    assert (
        "The chair puts the motion of Mats Taavola (S) and the motion of Elin "
        "Kallio (V) to the question" in text
    )
    assert "Taavolas" not in text and "Kallios" not in text
    for page in ("sammantrade", "index"):
        said = html_text(kiruna.outdir / f"{page}.html")
        assert "Meetings of Kommunfullmäktige" in said, page
        assert "Kommunfullmäktiges and" not in said, page
    calendar = (
        kiruna.outdir / "feeds" / "sammantraden-kommunfullmaktige.ics"
    ).read_text("utf-8")
    assert "X-WR-CALNAME:Meetings of Kommunfullmäktige" in calendar.splitlines()


def test_the_registers_roles_are_read_in_english(kiruna: SphinxTestApp) -> None:
    """The register says 'roll = "ordförande"' and '"vice ordförande"': the
    kallelse's members summoned and the personregister's Role column say
    chair and vice chair."""
    kallelse = html_text(kiruna.outdir / "sammantrade.html")
    assert "Mats Taavola (S), chair Sara Pekkari (M), vice chair" in kallelse
    soup = BeautifulSoup(
        (kiruna.outdir / "ledamoter.html").read_text("utf-8"), "html.parser"
    )
    roles = {}
    for person in soup.find_all("section", class_="kommun-person"):
        name = person.find(["h2", "h3"]).get_text(strip=True).rstrip("¶")
        row = person.find("table").find("tbody").find("tr")
        roles[name] = row.find_all(["th", "td"])[3].get_text(strip=True)  # Role
    assert roles["Mats Taavola"] == "chair"
    assert roles["Sara Pekkari"] == "vice chair"
    assert roles["Elin Kallio"] == ""
