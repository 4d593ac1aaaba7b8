"""The example project: the Stockholm case KS 2019/1899, authored completely."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import build_once, latexmk, pdf_text, warnings_of

from .conftest import broken_links, html_text
from .data.make_seed_fingerprints import fingerprint, ngrams

EXAMPLE = Path(__file__).parent.parent / "example_project"
SOURCES = sorted(EXAMPLE.rglob("*.rst"))

#: (instans, nämnd decision date, whose tjänsteutlåtande, its date) as seed 001 states them
SEED_001 = [
    ("Stadsledningskontoret", None, "Stadsledningskontorets", "10 oktober 2020"),
    ("Socialnämnden", "22 september 2020", "Socialförvaltningens", "17 juli 2020"),
    ("Bromma stadsdelsnämnd", "24 september 2020", "Bromma stadsdelsförvaltnings", "2 september 2020"),
    ("Hägersten-Älvsjö stadsdelsnämnd", "24 september 2020", "Hägersten-Älvsjö stadsdelsförvaltnings", "20 juli 2020"),
    ("Kungsholmens stadsdelsnämnd", "24 september 2020", "Kungsholmens stadsdelsförvaltnings", "4 september 2020"),
    ("Rinkeby-Kista stadsdelsnämnd", "24 september 2020", "Rinkeby-Kista stadsdelsförvaltnings", "17 augusti 2020"),
    ("Skärholmens stadsdelsnämnd", "24 september 2020", "Skärholmens stadsdelsförvaltnings", "13 juli 2020"),
]  # fmt: skip


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_once("html", EXAMPLE, tmp_path_factory.mktemp("example"))


def utlatande_text(app: SphinxTestApp) -> str:
    return html_text(app.outdir / "ks-2019-1899" / "utlatande.html")


def test_example_builds_without_warnings(example: SphinxTestApp) -> None:
    assert example.warning.getvalue() == ""  # type: ignore[attr-defined]


#: words of this project's development that mean nothing to a reader
JARGON = ("seed", "fixture", "test root", "testrot")


def test_pages_speak_to_the_reader_without_our_jargon(
    example: SphinxTestApp,
) -> None:
    pages = sorted(Path(example.outdir).rglob("*.html"))
    assert any(page.name == "kf-2021-03-15.html" for page in pages)
    found = [
        (page.relative_to(example.outdir).as_posix(), word)
        for page in pages
        for word in JARGON
        if word in html_text(page).casefold()
    ]
    assert found == []


def test_compilation_names_the_seven_instanser_with_seed_dates(
    example: SphinxTestApp,
) -> None:
    text = utlatande_text(example)
    compilation = text[text.index("Remissammanställning") :]
    positions = []
    for instans, decided, whose, dated in SEED_001:
        if decided:
            sentence = (
                f"{instans} beslutade vid sitt sammanträde den {decided} följande."
            )
            assert sentence in compilation
            positions.append(compilation.index(sentence))
        sentence = f"{whose} tjänsteutlåtande daterat den {dated} har i huvudsak följande lydelse."
        assert sentence in compilation
        positions.append(compilation.index(sentence))
    assert positions == sorted(positions), "not in remiss order"


def test_beredning_passage_is_generated(example: SphinxTestApp) -> None:
    text = utlatande_text(example)
    assert (
        "Ärendet har remitterats till stadsledningskontoret, socialnämnden, Bromma "
        "stadsdelsnämnd, Hägersten-Älvsjö stadsdelsnämnd, Kungsholmens stadsdelsnämnd, "
        "Rinkeby-Kista stadsdelsnämnd och Skärholmens stadsdelsnämnd." in text
    )


def test_sarskilt_uttalande_under_rinkeby_kista(example: SphinxTestApp) -> None:
    text = utlatande_text(example)
    section = text[text.index("Rinkeby-Kista stadsdelsnämnd beslutade") :]
    section = section[: section.index("Skärholmens stadsdelsnämnd beslutade")]
    assert "Särskilt uttalande gjordes av Niklas Thorén m.fl. (V), bilaga 1." in section
    reservations = text[text.index("Reservationer m.m. Rinkeby-Kista stadsdelsnämnd") :]
    assert (
        "Särskilt uttalande (bilaga 1) gjordes av Niklas Thorén m.fl. (V)"
        in reservations
    )


def test_hagersten_alvsjo_discrepancy_is_visible(example: SphinxTestApp) -> None:
    text = utlatande_text(example)
    assert "Yttrandet självt är attesterat den 8 september 2020" in text


def test_every_link_of_the_example_leads_somewhere(example: SphinxTestApp) -> None:
    # the example's pages lie in folders; quoted text is linked from the
    # page that quotes it
    assert broken_links(example.outdir) == set()


def test_utlatande_links_the_other_arende(example: SphinxTestApp) -> None:
    html = (example.outdir / "ks-2019-1899" / "utlatande.html").read_text(
        encoding="utf-8"
    )
    assert re.search(r'href="\.\./ks-2019-656/index\.html#ks-2019-656"', html)
    other = html_text(example.outdir / "ks-2019-656" / "index.html")
    mentions = other[other.index("Omnämns i") :]
    assert "Utlåtande: Ta tillbaka utsatta områden (KS 2019/1899)" in mentions


@pytest.mark.parametrize(
    "phrase", ["beslutade vid sitt sammanträde", "har i huvudsak följande lydelse"]
)
def test_generated_phrases_are_not_in_the_sources(phrase: str) -> None:
    assert SOURCES
    for path in SOURCES:
        assert phrase not in path.read_text(encoding="utf-8").lower(), path


#: Options that hold facts carried over as they are (names, titles, lists of
#: bodies), not sentences; they are left out of the comparison.
FACT_OPTIONS = (
    "instanser", "motionarer", "motionärer", "undertecknare", "attesterat",
    "forfattare", "författare", "rubrik", "relaterade", "bilagor", "underrubrik",
)  # fmt: skip


def prose(text: str) -> str:
    """The text without the values of fact options (and their continuation lines)."""
    kept: list[str] = []
    skipping_indent: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if skipping_indent is not None:
            if line.strip() and indent > skipping_indent:
                continue
            skipping_indent = None
        match = re.match(r"^\s+:([\w-]+):", line)
        if match and match.group(1).lower() in FACT_OPTIONS:
            skipping_indent = indent
            continue
        kept.append(line)
    return "\n".join(kept)


def test_prose_drops_only_fact_options() -> None:
    text = (
        ".. x::\n   :instanser:\n      A B\n      C D\n   :datum: 1\n\n   Body text.\n"
    )
    assert prose(text) == ".. x::\n   :datum: 1\n\n   Body text."


def test_sources_copy_no_sentence_from_the_seeds() -> None:
    seeds = set(
        (Path(__file__).parent / "data" / "seed_ngrams.txt").read_text().split()
    )
    assert len(seeds) > 1000
    for path in SOURCES:
        text = prose(path.read_text(encoding="utf-8"))
        copied = [gram for gram in ngrams(text) if fingerprint(gram) in seeds]
        assert not copied, f"{path.relative_to(EXAMPLE)} copies: {copied[:3]}"


def test_example_needs_json(tmp_path: Path) -> None:
    app = build_once("needs", EXAMPLE, tmp_path)
    assert warnings_of(app) == ""
    data = json.loads((app.outdir / "needs.json").read_text(encoding="utf-8"))
    needs = data["versions"][data["current_version"]]["needs"]
    yttranden = [n for n in needs.values() if n["type"] == "yttrande"]
    assert len(yttranden) == 8  # seven in KS 2019/1899, Älvsjö in KS 2019/656
    assert all(n["besvarar"] for n in yttranden)


@pytest.fixture(scope="module")
def example_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    app = build_once("latex", EXAMPLE, tmp_path_factory.mktemp("example-latex"))
    assert warnings_of(app) == ""
    return {tex.stem: latexmk(app.outdir, tex.name) for tex in app.outdir.glob("*.tex")}


def test_example_pdfs_build_without_lost_content(example_pdfs: dict[str, Path]) -> None:
    from .test_pdf import assert_no_lost_content

    assert sorted(example_pdfs) == [
        "kommunfullmaktige-2021-03-15",
        "ks-2019-1899",
        "ks-2019-656",
    ]
    for pdf in example_pdfs.values():
        assert_no_lost_content(pdf.with_suffix(".log"))


def test_example_pdfs_are_pdfa(example_pdfs: dict[str, Path]) -> None:
    """Every PDF of the example is a PDF/A-2b (tests/pdfa.py says what is
    checked); an ärende's names its diarienummer in the XMP, the meeting's
    the ärenden on its agenda."""
    from .pdfa import problems

    subjects = {
        "ks-2019-1899": "KS 2019/1899",
        "ks-2019-656": "KS 2019/656",
        "kommunfullmaktige-2021-03-15": "KS 2019/1899",
    }
    assert set(subjects) <= set(example_pdfs)
    for name, pdf in example_pdfs.items():
        assert problems(pdf, subject=subjects.get(name, "")) == [], name


@pytest.mark.parametrize("name", ["ks-2019-1899", "kommunfullmaktige-2021-03-15"])
def test_the_remissammanstallning_is_a_bilaga_with_its_own_pages(
    example_pdfs: dict[str, Path], name: str
) -> None:
    """In the ärende's and the meeting's PDF the remissammanställning starts
    on a page of its own, after the utlåtande's signatures, headed as a
    bilaga and numbered from 1 to its own last page."""
    pages = pdf_text(example_pdfs[name]).split("\f")
    bilaga = [
        i for i, page in enumerate(pages) if "Bilaga: Remissammanställning" in page
    ]
    assert bilaga, name
    first, last = bilaga[0], bilaga[-1]
    assert bilaga == list(range(first, last + 1))
    count = last - first + 1
    assert count > 1
    for number, page in enumerate(pages[first : last + 1], 1):
        assert f"Sida {number} ({count})" in page
    assert "Remissammanställning" in pages[first].split(f"Sida 1 ({count})")[1]
    assert "Utlåtande" in pages[first - 1]
    assert "På kommunstyrelsens vägnar" in pages[first - 1]


def test_meeting_pdf_of_the_example(example_pdfs: dict[str, Path]) -> None:
    text = " ".join(
        pdf_text(example_pdfs["kommunfullmaktige-2021-03-15"], body=True).split()
    )
    assert "Föredragningslista" in text
    start = text.index("Remissammanställning", text.index("Mina synpunkter"))
    for instans, decided, whose, dated in SEED_001:
        if decided:
            assert (
                f"{instans} beslutade vid sitt sammanträde den {decided} följande."
                in text[start:]
            )
        assert f"{whose} tjänsteutlåtande daterat den {dated}" in text[start:]
    assert "Särskilt uttalande gjordes av Niklas Thorén m.fl. (V), bilaga 1." in text
    assert "Motion angående att ta tillbaka utsatta områden" in text
    assert (
        "Jan Jönsson" in text and "Hägersten-Älvsjö" in text and "Skärholmens" in text
    )


EXAMPLE_PLUGINS = ("jamstalldhetsanalys", "radsberedning", "attestering")


def test_example_plugins_are_installed_and_used(example: SphinxTestApp) -> None:
    info = example.kommun_plugins.info  # type: ignore[attr-defined]
    assert {name: info[name].source for name in EXAMPLE_PLUGINS} == dict.fromkeys(
        EXAMPLE_PLUGINS, "entry point"
    )
    skarholmen = html_text(
        example.outdir / "ks-2019-1899" / "yttranden" / "skärholmen.html"
    )
    assert "Jämställdhetsanalys Bedömning: könsneutral." in skarholmen
    alvsjo = html_text(example.outdir / "ks-2019-656" / "yttranden" / "älvsjö.html")
    assert (
        "Ärendet har behandlats i funktionshinderrådet den 21 augusti 2019, i "
        "pensionärsrådet den 22 augusti 2019 och i förvaltningsgruppen den 22 augusti 2019."
    ) in alvsjo
    assert "Attesterat av" in alvsjo and "Alla undertecknare har attesterat." in alvsjo


def test_example_plugins_in_the_pdf(example_pdfs: dict[str, Path]) -> None:
    text = " ".join(pdf_text(example_pdfs["ks-2019-1899"], body=True).split())
    assert "Jämställdhetsanalys Bedömning: könsneutral." in text
    assert "Ärendet har behandlats i förvaltningsgruppen den 15 september 2020" in text
    assert "Alla undertecknare har attesterat." in text


def test_without_a_plugin_its_sections_go_with_a_clear_warning(tmp_path: Path) -> None:
    app = build_once(
        "html",
        EXAMPLE,
        tmp_path,
        confoverrides={"kommun_disabled_plugins": ["jamstalldhetsanalys"]},
    )
    warnings = warnings_of(app).strip().splitlines()
    assert len(warnings) == 1
    assert re.search(
        r"skärholmen\.md:\d+: WARNING: okänt avsnitt 'jämställdhetsanalys': ingen "
        r"installerad plugin har det \(texten visas som ett vanligt avsnitt\) \[kommun\.avsnitt\]",
        warnings[0],
    )
    text = html_text(app.outdir / "ks-2019-1899" / "yttranden" / "skärholmen.html")
    assert "Bedömning: könsneutral" not in text
    assert "Jämställdhetsanalys Förslaget" in text  # a plain section now
    assert "påverka kvinnor och män" in text  # the clerk's text is kept


def test_the_example_builds_as_epub(tmp_path: Path) -> None:
    """The whole example, its needflow diagram included (it stopped the
    epub build: sphinx-needs' HTML visitors were not the epub's)."""
    app = build_once(
        "epub",
        EXAMPLE,
        tmp_path,
        confoverrides={
            "version": "1",
            "copyright": "2021, Stockholms stad",
            # sphinx-needs' own files (permalink.html, the diagram's map …)
            "suppress_warnings": ["epub.unknown_project_files"],
        },
    )
    assert warnings_of(app) == ""
    assert list(app.outdir.glob("*.epub"))
    trace = (app.outdir / "ks-2019-1899" / "sparbarhet.xhtml").read_text("utf-8")
    assert re.search(r'<img src="\.\./_images/needflow-[0-9a-f]+\.png"', trace)
    text = html_text(app.outdir / "ks-2019-1899" / "utlatande.xhtml")
    assert "Bromma stadsdelsnämnd beslutade vid sitt sammanträde" in text


# -- the public example holds nothing that must not be published ---------------------

#: What the example marks (KS 2019/656): a personnummer and a name marked as
#: personal data, a passage under sekretess, an unpublished PM's text.
MASKED = (
    "650412-9476",
    "9476",
    "Berglund",
    "Rågsvedsvägen",
    "langning",
    "Högdalens",
    "bostadsinbrott",
    "Solberga",
)


def output_files(*directories: Path) -> dict[str, bytes]:
    """Every file below ``directories`` as text bytes: objects.inv unpacked,
    each PDF as pdftotext reads it."""
    from .test_publishing import output_text

    found: dict[str, bytes] = {}
    for directory in directories:
        for name, text in output_text(directory).items():
            path = directory / name
            if path.suffix == ".pdf":
                text = pdf_text(path)
            elif path.suffix == ".aux":
                # where a bookmark stands in the .tex: a line number, not text
                text = re.sub(r"srcline=\{\d+\}", "srcline={}", text)
            found[str(path)] = text.encode()
        for path in directory.rglob("*"):  # the pickles Sphinx keeps too
            if path.is_file() and (
                ".doctrees" in path.parts or path.suffix == ".pickle"
            ):
                found[str(path)] = path.read_bytes()
    return found


def test_the_public_example_holds_no_masked_value_in_any_output_file(
    example: SphinxTestApp,
    example_pdfs: dict[str, Path],
    tmp_path: Path,
) -> None:
    text = build_once("text", EXAMPLE, tmp_path / "text")
    needs = build_once("needs", EXAMPLE, tmp_path / "needs")
    oparl = build_once(
        "oparl",
        EXAMPLE,
        tmp_path / "oparl",
        confoverrides={"html_baseurl": "https://handlingar.exempel.se/"},
    )
    assert warnings_of(text) == warnings_of(needs) == warnings_of(oparl) == ""
    latex_dir = next(iter(example_pdfs.values())).parent
    files = output_files(
        example.outdir,
        Path(example.doctreedir),
        text.outdir,
        needs.outdir,
        oparl.outdir,
        latex_dir,
    )
    assert any(name.endswith(".pdf") for name in files)
    assert any(name.endswith("objects.inv") for name in files)
    # the OParl export and the HTML build's feeds
    assert any(name.endswith("/paper/ks-2019-656.json") for name in files)
    assert any(name.endswith("/feeds/arenden.atom") for name in files)
    assert any(name.endswith("/feeds/sammantraden.ics") for name in files)
    # what other projects read (federation)
    assert any(name.endswith("/kommun-objects.json") for name in files)
    for value in MASKED:
        # the personnummer's last four digits as a number of their own, not
        # inside a hash (a .fdb_latexmk's checksums) or another number
        found = re.compile(
            rb"(?<![0-9a-fA-F])" + re.escape(value.encode()) + rb"(?![0-9a-fA-F])"
        )
        hits = [name for name, data in files.items() if found.search(data)]
        assert hits == [], value
    alvsjo = html_text(example.outdir / "ks-2019-656" / "yttranden" / "älvsjö.html")
    assert "synpunkter från en boende i Rågsved, [personuppgift], som vill" in alvsjo
    assert "Uppgifter har utelämnats med stöd av 18 kap. 2 §" in alvsjo
    pm = html_text(example.outdir / "ks-2019-656" / "lagesbild.html")
    assert "Den här handlingen publiceras inte." in pm


def test_the_internal_example_holds_every_masked_value(tmp_path: Path) -> None:
    """``sphinx-build -t internt``, as the README says."""
    result = subprocess.run(
        [
            *(sys.executable, "-m", "sphinx", "-q", "-W", "-t", "internt"),
            *("-b", "html", str(EXAMPLE), str(tmp_path / "internt")),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    pages = "".join(
        path.read_text("utf-8") for path in (tmp_path / "internt").rglob("*.html")
    )
    for value in MASKED:
        assert value in pages, value


def test_the_example_kallelse_and_person_pages(example: SphinxTestApp) -> None:
    """The KF meeting's kallelse names who the example's register summons;
    Förtroendevalda lists what each did, and names link there."""
    meeting = html_text(example.outdir / "sammantraden" / "kf-2021-03-15.html")
    assert "Kallelse till sammanträde med kommunfullmäktige" in meeting
    assert "Tid: måndagen den 15 mars 2021 kl. 18.00" in meeting
    assert "Eva Lindgren (M), ordförande" in meeting
    assert meeting.index("Kallelse till") < meeting.index("Föredragningslista")
    people = html_text(example.outdir / "ledamoter.html")
    herke = people[people.index("Bengt Herke Förtroendeuppdrag") :]
    assert "Motion angående att ta tillbaka utsatta områden, KS 2019/1899" in herke
    motion = (example.outdir / "ks-2019-1899" / "motion.html").read_text(
        encoding="utf-8"
    )
    assert "ledamoter.html#person-bengt-herke" in motion
