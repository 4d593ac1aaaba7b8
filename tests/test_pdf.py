"""PDF handlingar through the LaTeX builder and TeX Live."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import sphinx
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.output.latex import characters as pdfchars
from sphinx_kommun.testing import latexmk, pdf_text, warnings_of

from .conftest import append, edit, html_text, with_notes_in_a_quoted_section


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[\wåäöÅÄÖé]+", text.lower()))


def assert_no_lost_content(log: Path) -> None:
    content = log.read_text(errors="replace")
    assert "Overfull \\vbox" not in content
    assert "Overfull \\hbox" not in content
    assert "LaTeX Warning" not in content, re.findall(r"LaTeX Warning.*", content)


def printed_whole(outdir: Path, texname: str, *, body: bool = False) -> str:
    """Compile ``texname``; assert that nothing was lost; the PDF's text."""
    pdf = latexmk(outdir, texname)
    assert_no_lost_content(pdf.with_suffix(".log"))
    return pdf_text(pdf, body=body)


@pytest.fixture
def latex_case(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> SphinxTestApp:
    app = build(project_copy("case"), "latex")
    assert warnings_of(app) == ""
    return app


def test_latex_documents_are_derived_from_the_sources(
    latex_case: SphinxTestApp,
) -> None:
    texfiles = sorted(p.name for p in latex_case.outdir.glob("*.tex"))
    assert texfiles == [
        "kommunfullmaktige-2021-03-15.tex",
        "ks-2019-1899.tex",
        "ks-2019-656.tex",
    ]
    entries = {entry[1]: entry for entry in latex_case.config.latex_documents}
    assert entries["ks-2019-1899.tex"][0] == "index"
    assert (
        entries["ks-2019-1899.tex"][2]
        == "KS 2019/1899 Motion om att ta tillbaka utsatta områden"
    )
    assert entries["kommunfullmaktige-2021-03-15.tex"][0] == "sammantrade"


def test_meeting_pdf_holds_agenda_utlatande_compilation_and_motion(
    latex_case: SphinxTestApp, build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    text = printed_whole(
        latex_case.outdir, "kommunfullmaktige-2021-03-15.tex", body=True
    )
    assert "Föredragningslista" in text
    assert text.index("Föredragningslista") < text.index("Ta tillbaka utsatta områden")
    # every word of the utlåtande page (utlåtande and remissammanställning)
    # and of the motion is in the PDF, å, ä and ö intact
    html = build(latex_case.srcdir, builddir=tmp_path / "html")
    printed = words(text)
    for page in ("utlatande", "motion"):
        # backlinks are web navigation, not part of the printed papers
        page_text = html_text(html.outdir / f"{page}.html", drop=("kommun-backlinks",))
        wanted = words(page_text)
        missing = {w: n for w, n in wanted.items() if printed[w] < n}
        assert missing == {}, page
    for phrase in (
        "Bromma stadsdelsnämnd beslutade vid sitt sammanträde den 24 september 2020 följande.",
        "Särskilt uttalande gjordes av Niklas Thorén m.fl. (V), bilaga 1.",
        "Motion angående att ta tillbaka utsatta områden",
    ):
        assert phrase in " ".join(text.split())


def test_pdf_metadata(latex_case: SphinxTestApp) -> None:
    pdf = latexmk(latex_case.outdir, "ks-2019-1899.tex")
    info = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(
        r"^Title:\s+KS 2019/1899 Motion om att ta tillbaka utsatta områden$", info, re.M
    )
    assert re.search(r"^Subject:\s+KS 2019/1899$", info, re.M)
    tex = (latex_case.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    assert "pdflang={sv-SE}" in tex
    assert "babel" in tex and "swedish" in tex


def test_pages_are_numbered_per_document(latex_case: SphinxTestApp) -> None:
    pdf = latexmk(latex_case.outdir, "ks-2019-1899.tex")
    text = pdf_text(pdf)
    numbers = [
        (int(page), int(total))
        for page, total in re.findall(r"Sida (\d+) \((\d+)\)", text)
    ]
    # each printed document counts its own pages: 1 (n), 2 (n) … n (n)
    runs: list[list[tuple[int, int]]] = []
    for page, total in numbers:
        if page == 1:
            runs.append([])
        assert runs, numbers
        runs[-1].append((page, total))
    for run in runs:
        total = run[0][1]
        assert run == [(page, total) for page in range(1, total + 1)], numbers
    tex = (latex_case.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    starts = tex.count("\\kommunstartdocument{")
    assert starts > 5
    assert len(runs) == starts
    assert any(len(run) > 1 for run in runs)


def test_long_yttrande_flows_over_pages_with_every_word(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    tokens = [f"ordet{n:04d}" for n in range(4000)]
    paragraphs = "\n\n".join(
        "   " + " ".join(tokens[i : i + 80]) + "." for i in range(0, len(tokens), 80)
    )
    edit(
        src / "yttrande-kungsholmen.rst",
        "   Insatserna bör bygga på stadsdelens egna förutsättningar.",
        paragraphs,
    )
    app = build(src, "latex")
    assert warnings_of(app) == ""
    printed = words(printed_whole(app.outdir, "ks-2019-1899.tex", body=True))
    # once in the yttrande, once quoted in the remissammanställning
    assert [t for t in tokens if printed[t] < 2] == []


# -- characters pdflatex cannot set ---------------------------------------------------


def test_every_character_counted_as_settable_is_set_by_pdflatex(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    chars = [
        chr(point)
        for start, end in pdfchars.RANGES
        for point in range(start, end + 1)
        if unicodedata.category(chr(point))[0] not in "CZ"
    ]
    assert len(chars) > 300
    lines = [" ".join(chars[i : i + 30]) for i in range(0, len(chars), 30)]
    escaped = [re.sub(r"([*`_|\\])", r"\\\1", line) for line in lines]
    (src / "tecken.rst").write_text(
        "Tecken\n======\n\n" + "\n\n".join(escaped) + "\n", encoding="utf-8"
    )
    app = build(
        src,
        "latex",
        confoverrides={
            "latex_documents": [("tecken", "tecken.tex", "Tecken", "A", "howto")],
            "kommun_pdf_documents": "off",
        },
    )
    assert "kommun.latex" not in warnings_of(app)
    pdf = latexmk(app.outdir, "tecken.tex")
    assert "not set up for use with LaTeX" not in (app.outdir / "tecken.log").read_text(
        errors="replace"
    )
    assert pdf.exists()


def _with_foreign_letters(src: Path) -> None:
    path = src / "yttrande-bromma.rst"
    edit(path, ":handlaggare: Anna A", ":handlaggare: Anna A 😀 Ωμέγα")
    append(path, "\nGrattis 🎉 till Δήμος\u2009Αθηναίων.\n")


def test_unsettable_characters_warn_and_the_pdf_still_builds(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    _with_foreign_letters(src)
    # shown only in generated text: the beredning and the compilation's table
    edit(
        src / "yttrande-bromma.rst",
        ":sammanfattning: anser att samverkan är viktig",
        ":sammanfattning: anser att samverkan är viktig 🙂",
    )
    app = build(src, "latex")
    warnings = warnings_of(app)
    # the warning points where the clerk wrote it, not where it is shown
    assert "yttrande-bromma.rst:4: WARNING: '🙂' (U+1F642)" in warnings
    assert not re.search(r"utlatande\.rst:\d+: WARNING: .*\[kommun\.latex\]", warnings)
    assert re.search(
        r"yttrande-bromma\.rst:4: WARNING: '😀' \(U\+1F600\), 'Ω' \(U\+03A9\), .*"
        r"kan inte sättas med pdflatex och skrivs som '\?' i PDF:en .*\[kommun\.latex\]",
        warnings,
    )
    assert re.search(r"yttrande-bromma\.rst:\d+: WARNING: '🎉' \(U\+1F389\)", warnings)
    # the same text in several PDFs, or quoted twice, warns once per place
    lines = [line for line in warnings.splitlines() if "kommun.latex" in line]
    assert len(lines) == len(set(lines))
    tex = (app.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    assert "😀" not in tex and "🎉" not in tex and "Ω" not in tex
    assert "Anna A ? ?????" in tex
    assert "Grattis ? till ????? ????????." in tex  # the thin space is a space
    text = pdf_text(latexmk(app.outdir, "ks-2019-1899.tex"))
    assert "Grattis ? till" in text


def test_xelatex_sets_every_character_and_is_not_checked(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    _with_foreign_letters(src)
    app = build(src, "latex", confoverrides={"latex_engine": "xelatex"})
    assert "kommun.latex" not in warnings_of(app)
    tex = (app.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    assert "Anna A 😀 Ωμέγα" in tex


def test_html_keeps_every_character(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    _with_foreign_letters(src)
    app = build(src)
    assert warnings_of(app) == ""
    assert "Grattis 🎉 till Δήμος" in html_text(app.outdir / "yttrande-bromma.html")


def test_titles_and_municipality_with_latex_specials_are_escaped(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "index.rst",
        ":rubrik: Motion om att ta tillbaka utsatta områden",
        ":rubrik: Vård & omsorg, 50 % mer #1 \\emph{x} {y} ~z_1^2 $",
    )
    municipality = "Kommun & Co #1 50% \\x_y^z~{}$"
    app = build(src, "latex", confoverrides={"kommun_municipality": municipality})
    assert warnings_of(app) == ""
    for texname in ("ks-2019-1899.tex", "kommunfullmaktige-2021-03-15.tex"):
        text = pdf_text(latexmk(app.outdir, texname))
        assert "Kommun & Co #1 50% \\x_y^z~{}$" in text, texname
    text = pdf_text(latexmk(app.outdir, "ks-2019-1899.tex"))
    assert "Vård & omsorg, 50 % mer #1 \\emph{x} {y} ~z_1^2 $" in text


@pytest.mark.parametrize(
    ("selected", "texfiles"),
    [
        ("KS 2019/1899,", ["ks-2019-1899.tex"]),
        (
            "ks 2019/656; sammantraden",
            ["kommunfullmaktige-2021-03-15.tex", "ks-2019-656.tex"],
        ),
        ("arenden", ["ks-2019-1899.tex", "ks-2019-656.tex"]),
    ],
)
def test_pdf_documents_selects_what_it_names(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    selected: str,
    texfiles: list[str],
) -> None:
    app = build(
        project_copy("case"), "latex", confoverrides={"kommun_pdf_documents": selected}
    )
    assert warnings_of(app) == ""
    assert sorted(p.name for p in app.outdir.glob("*.tex")) == texfiles


def test_pdf_documents_naming_nothing_warns(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(
        project_copy("case"),
        "latex",
        confoverrides={"kommun_pdf_documents": "KS 2019/1899, KS 2020/1"},
    )
    assert re.search(
        r"WARNING: kommun_pdf_documents: 'KS 2020/1' matches no ärende or "
        r"sammanträde .*\[kommun\.config\]",
        warnings_of(app),
    )
    assert [p.name for p in app.outdir.glob("*.tex")] == ["ks-2019-1899.tex"]


def test_a_withdrawn_signatory_is_struck_through_in_print(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "utlatande.rst",
        "Jan Jönsson; Mats Larsson",
        "Jan Jönsson (L) [ej tjänstgörande]; Mats Larsson",
    )
    app = build(src, "latex")
    assert warnings_of(app) == ""
    tex = (app.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    assert (
        "\\kommunsignature{\\kommunstrike{Jan Jönsson (L)} (ej tjänstgörande)}{}" in tex
    )
    assert "Jan Jönsson (L) (ej tjänstgörande)" in pdf_text(
        latexmk(app.outdir, "ks-2019-1899.tex")
    )


def test_two_pdfs_with_the_same_file_name_are_both_kept(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    for name, organ in (("namnd-a", "Nämnd"), ("namnd-b", "Namnd")):
        (src / f"{name}.rst").write_text(
            f":orphan:\n\n{organ}\n=====\n\n.. sammantrade:: {organ}s sammanträde\n"
            f"   :organ: {organ}\n   :datum: 2021-03-15\n   :arenden: KS 2019/1899\n",
            encoding="utf-8",
        )
    app = build(src, "latex")
    assert re.search(
        r"namnd-b\.rst:6: WARNING: två PDF:er skulle heta namnd-2021-03-15\.tex; "
        r"den här heter namnd-2021-03-15-2\.tex \[kommun\.duplicate\]",
        warnings_of(app),
    )
    names = {p.name for p in app.outdir.glob("namnd-*.tex")}
    assert names == {"namnd-2021-03-15.tex", "namnd-2021-03-15-2.tex"}


def test_two_arenden_on_one_page_get_one_pdf_named_after_the_first(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    append(
        src / "annat.rst",
        "\n.. arende:: KS 2019/700\n   :rubrik: Ett andra ärende\n"
        "   :ansvarig: Kommunstyrelsen\n",
    )
    app = build(src, "latex")
    assert re.search(
        r"annat\.rst:\d+: WARNING: ärendet KS 2019/700 står på samma sida som "
        r"ärendet KS 2019/656 och får ingen egen PDF; ge det en egen sida för en "
        r"egen PDF \[kommun\.duplicate\]",
        warnings_of(app),
    )
    assert not (app.outdir / "ks-2019-700.tex").exists()
    tex = (app.outdir / "ks-2019-656.tex").read_text(encoding="utf-8")
    assert "pdfsubject={KS 2019/656}" in tex
    assert "Ett andra ärende" in tex  # printed, in the first one's PDF


def test_meeting_pdf_includes_the_pages_an_inlined_document_includes(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    (src / "bilaga.rst").write_text(
        "Bilaga till utlåtandet\n======================\n\nEn karta över områdena.\n",
        encoding="utf-8",
    )
    append(src / "utlatande.rst", "\n.. toctree::\n\n   bilaga\n")
    app = build(src, "latex")
    assert warnings_of(app) == ""
    meeting = (app.outdir / "kommunfullmaktige-2021-03-15.tex").read_text(
        encoding="utf-8"
    )
    assert meeting.count("En karta över områdena.") == 1
    assert "En karta över områdena." in pdf_text(
        latexmk(app.outdir, "kommunfullmaktige-2021-03-15.tex")
    )


def test_footnotes_and_citations_in_a_quoted_section_print(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    with_notes_in_a_quoted_section(src)
    app = build(src, "latex")
    assert warnings_of(app) == ""
    # the meeting prints the quote but not the yttrande it quotes
    text = printed_whole(app.outdir, "kommunfullmaktige-2021-03-15.tex")
    assert "Se stadsdelens budget." in text
    assert "Trygghetsrapport 2020." in text
    assert "Återges inte här; se Kungsholmens stadsdelsnämnd." in " ".join(text.split())


def test_symbol_footnotes_print_numbered(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-kungsholmen.rst",
        "   Insatserna bör bygga på stadsdelens egna förutsättningar.\n",
        "   Insatserna bör bygga på stadsdelens egna förutsättningar [#]_ [*]_.\n\n"
        "   .. [#] Numrerad not.\n   .. [*] Stjärnnot.\n",
    )
    app = build(src, "latex")
    assert warnings_of(app) == ""
    text = printed_whole(app.outdir, "ks-2019-1899.tex")
    assert "Numrerad not." in text
    assert "Stjärnnot." in text


def test_a_beslut_inside_a_table_cell_prints(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    (src / "beslut.rst").write_text(
        """\
Beslut
======

+--------------------------------+-----------+
| .. beslut::                    | Enhälligt |
|    :dnr: KS 2019/1899          |           |
|    :organ: Kommunstyrelsen     |           |
|    :datum: 2021-02-17          |           |
|    :utfall: avslag             |           |
+--------------------------------+-----------+
""",
        encoding="utf-8",
    )
    app = build(src, "latex")
    assert warnings_of(app) == ""
    text = pdf_text(latexmk(app.outdir, "ks-2019-1899.tex"))
    assert "Enhälligt" in text
    assert "Polisen." in text  # the outcome table's second att-sats


def test_long_runs_without_spaces_break_instead_of_running_off_the_page(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    url = "https://www.stockholm.se/trygghet/samverkan/overenskommelse-2019-uppfoljning.pdf"
    nonsense = "A" * 90
    # the sammanfattning goes into a narrow column of the compilation's table
    edit(
        src / "yttrande-bromma.rst",
        ":sammanfattning: anser att samverkan är viktig",
        f":sammanfattning: anser att samverkan är viktig, se {url}",
    )
    append(src / "yttrande-bromma.rst", f"\n   Förvaltningen betonar {nonsense}.\n")
    app = build(src, "latex")
    assert warnings_of(app) == ""
    text = "".join(printed_whole(app.outdir, "ks-2019-1899.tex").split())
    assert url in text
    assert nonsense in text


def test_text_after_a_toctree_is_printed_as_its_own_document(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    append(src / "index.rst", "\nSlutord\n-------\n\nÄrendet avslutas här.\n")
    app = build(src, "latex")
    assert warnings_of(app) == ""
    tex = (app.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    before = tex[: tex.index("Ärendet avslutas här.")]
    last_start = before[before.rindex("\\kommunstartdocument{") :]
    assert "}{Ärende}{KS 2019/1899}" in last_start.splitlines()[0]
    assert "Ärendet avslutas här." in pdf_text(latexmk(app.outdir, "ks-2019-1899.tex"))


def test_bookmarks_only_where_an_arende_is_printed(latex_case: SphinxTestApp) -> None:
    meeting = (latex_case.outdir / "kommunfullmaktige-2021-03-15.tex").read_text(
        encoding="utf-8"
    )
    assert meeting.count("\\kommunbookmark{1. ") == 1
    # the ärende's own PDF holds the meeting page, whose items it already
    # prints: no outline entry pointing at nothing
    arende = (latex_case.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    assert "\\kommunbookmark{" not in arende


def test_pdfs_no_longer_derived_are_removed_and_others_kept(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    first = build(src, "latex")
    outdir = first.outdir
    assert (outdir / "ks-2019-656.tex").exists()
    (outdir / "ks-2019-656.pdf").write_bytes(b"%PDF stale")
    (outdir / "egen.tex").write_text("\\documentclass{article}\n", encoding="utf-8")
    again = build(src, "latex", confoverrides={"kommun_pdf_documents": "KS 2019/1899"})
    assert warnings_of(again) == ""
    assert sorted(p.name for p in outdir.glob("*.tex")) == [
        "egen.tex",
        "ks-2019-1899.tex",
    ]
    assert not (outdir / "ks-2019-656.pdf").exists()


def _needtable_in(tex: Path) -> str:
    """The needtable of annat.rst as written in ``tex``, hyphens and
    break points undone."""
    text = tex.read_text(encoding="utf-8")
    start = text.index("needtable-annat-0-table_node")
    table = text[start : text.index("\\sphinxbottomrule", start)]
    return table.replace("\\sphinxhyphen{}", "-").replace("\\allowbreak{}", "")


def test_a_needtable_in_a_pdf_links_what_the_pdf_prints_and_names_the_rest(
    project_copy: Callable[[str], Path], make_app: Callable[..., SphinxTestApp]
) -> None:
    """annat.rst's needtable lists the yttranden of KS 2019/1899: linked in
    that ärende's PDF, which prints them, named in KS 2019/656's, which does
    not. sphinx-needs renders it with the builder as Sphinx made it."""
    src = project_copy("case")
    app = make_app("latex", srcdir=src, builddir=src / "_build", freshenv=True)
    seen: dict[str, tuple[set[str], list[str]]] = {}

    def probe(app: Sphinx, doctree: nodes.document, docname: str) -> None:
        builder = app.builder
        seen[docname] = (set(getattr(builder, "docnames", ())), [*vars(builder)])

    # while sphinx-needs renders its views (500)
    app.connect("doctree-resolved", probe, priority=450)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == ""
    docnames, attributes = seen["annat"]
    assert docnames == {"annat"}
    assert not [name for name in attributes if name.startswith("_kommun")]
    bromma = "ks-2019-1899-yttrande-bromma-stadsdelsnämnd"
    outside = _needtable_in(app.outdir / "ks-2019-656.tex")
    assert bromma in outside
    assert "\\hyperref" not in outside
    inside = _needtable_in(app.outdir / "ks-2019-1899.tex")
    assert (
        "\\hyperref[\\detokenize{yttrande-bromma:ks-2019-1899-yttrande-bromma-"
        "stadsdelsn_xe4mnd}]{\\sphinxcrossref{" + bromma + "}}"
    ) in inside
    printed_whole(app.outdir, "ks-2019-656.tex")


def test_a_pdf_ends_without_index_pages(latex_case: SphinxTestApp) -> None:
    """A printed handling ends with its last document: no index of ärenden
    (the domain index), no general index."""
    for tex in latex_case.outdir.glob("*.tex"):
        text = tex.read_text(encoding="utf-8")
        assert "\\kommunenddocument" in text
        assert "sphinxtheindex" not in text, tex.name
        assert "\\printindex" not in text, tex.name


def test_an_index_the_project_asks_for_prints_what_pdflatex_cannot_set_as_in_the_text(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    for path in src.glob("*.rst"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("KS 2019/1899", "KS 2019/1899Ω"), encoding="utf-8")
    append(
        src / "conf.py",
        "latex_domain_indices = True\n"
        "latex_elements = {'printindex': '\\\\printindex'}\n",
    )
    app = build(src, "latex", confoverrides={"kommun_dnr_pattern": r"^KS \S+$"})
    assert "[kommun.latex]" in warnings_of(app)
    (texname,) = [p.name for p in app.outdir.glob("ks-2019-1899*.tex")]
    tex = (app.outdir / texname).read_text(encoding="utf-8")
    # Sphinx writes the entry as it is; pdflatex is told to print it with "?"
    assert "\\sphinxstyleindexentry{KS 2019/1899Ω}" in tex
    assert "\\DeclareUnicodeCharacter{03A9}{?}" in tex
    assert "\\printindex" in tex
    text = pdf_text(latexmk(app.outdir, texname))
    assert "Ärendeförteckning" in text
    assert "Ω" not in text


def test_control_characters_do_not_reach_latex() -> None:
    assert not pdfchars.settable("\x1b") and not pdfchars.settable("\x7f")
    assert pdfchars.settable("\n") and pdfchars.settable("a")
    assert pdfchars.printable("a\x1bb\x07c\nd") == "a?b?c\nd"
    assert pdfchars.unsettable("a\x1bb") == ["\x1b"]


@pytest.mark.parametrize(
    ("dnr", "texname"),
    [
        ("0456/21", "0456-21.tex"),  # Göteborg
        ("123-183/2016", "123-183-2016.tex"),  # Stockholm before 2017
        ("KSN-2023-00417", "ksn-2023-00417.tex"),
    ],
)
def test_pdf_name_and_metadata_come_from_any_form_of_dnr(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    dnr: str,
    texname: str,
) -> None:
    src = project_copy("case")
    for path in src.glob("*.rst"):
        text = path.read_text(encoding="utf-8").replace("KS 2019/1899", dnr)
        # a title's underline as long as the title
        text = re.sub(
            r"^(.+)\n=+$", lambda m: f"{m[1]}\n{'=' * len(m[1])}", text, flags=re.M
        )
        path.write_text(text, encoding="utf-8")
    append(
        src / "conf.py",
        f"kommun_dnr_pattern = r'^({re.escape(dnr)}|KS 2019/656)$'\n",
    )
    app = build(src, "latex")
    assert warnings_of(app) == ""
    assert (app.outdir / texname).is_file()
    assert not (app.outdir / "dokument.tex").exists()
    pdf = latexmk(app.outdir, texname)
    assert "Token not allowed" not in pdf.with_suffix(".log").read_text(
        errors="replace"
    )
    info = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(rf"^Subject:\s+{re.escape(dnr)}$", info, re.M), info
    assert re.search(rf"^Title:\s+{re.escape(dnr)} Motion om att ta", info, re.M)


def test_a_reservation_by_several_people_names_them_all(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-bromma.rst",
        ":forfattare: Niklas Thorén m.fl. (V)",
        ":forfattare:\n      Niklas Thorén (V)\n      Eva Ek (S)\n      Per Berg (MP)",
    )
    who = "Niklas Thorén (V), Eva Ek (S) och Per Berg (MP)"
    html = build(src)
    assert warnings_of(html) == ""
    overview = html_text(html.outdir / "index.html")
    assert f"Särskilt uttalande av {who}" in overview
    page = html_text(html.outdir / "yttrande-bromma.html")
    assert f"Av: {who}" in page
    latex = build(src, "latex", builddir=src / "_latex")
    assert warnings_of(latex) == ""
    text = printed_whole(latex.outdir, "ks-2019-1899.tex", body=True)
    assert who in " ".join(text.split())
    assert ";" not in [line.strip() for line in text.splitlines()]


@pytest.mark.parametrize("standard", ["A-2b", "off"])
def test_a_handling_is_pdfa_unless_switched_off(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    standard: str,
) -> None:
    """Uppsala's PDF is a PDF/A-2b with its dnr in the XMP; with
    kommun_pdf_standard = 'off' the same checks find what is missing."""
    from .pdfa import problems

    app = build(
        project_copy("tjansteskrivelse"),
        "latex",
        confoverrides={"kommun_pdf_standard": standard},
    )
    assert warnings_of(app) == ""
    tex = (app.outdir / "gsn-2023-00417.tex").read_text(encoding="utf-8")
    assert tex.startswith("\\DocumentMetadata{pdfstandard=A-2b") == (standard != "off")
    assert tex.count("\\DocumentMetadata") == (standard != "off")
    found = problems(
        latexmk(app.outdir, "gsn-2023-00417.tex"), subject="GSN-2023-00417"
    )
    if standard == "off":
        assert "XMP does not identify the file as PDF/A-2b" in found
        assert "no PDF/A output intent with an ICC profile" in found
    else:
        assert found == []


def test_a_template_with_its_own_document_metadata_keeps_it(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """A project whose LaTeX template sets \\DocumentMetadata itself (here
    a PDF/A-3b) gets no second one."""
    src = project_copy("tjansteskrivelse")
    template = Path(sphinx.__file__).parent / "templates" / "latex" / "latex.tex.jinja"
    (src / "_templates").mkdir()
    (src / "_templates" / "latex.tex.jinja").write_text(
        "\\DocumentMetadata{pdfstandard=A-3b}\n" + template.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    app = build(src, "latex", confoverrides={"templates_path": ["_templates"]})
    assert warnings_of(app) == ""
    tex = (app.outdir / "gsn-2023-00417.tex").read_text(encoding="utf-8")
    assert tex.count("\\DocumentMetadata") == 1
    assert tex.startswith("\\DocumentMetadata{pdfstandard=A-3b}")


def test_outcome_tables_keep_their_words_whole_in_print(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """Luleå's § 62 in the meeting's PDF: "Beslutspunkt 1", "enligt
    förslaget" and "anses besvarad" each fit their column, unhyphenated."""
    app = build(project_copy("lulea"), "latex")
    assert warnings_of(app) == ""
    pdf = latexmk(app.outdir, "kommunfullmaktige-2024-04-22.tex")
    lines = [" ".join(line.split()) for line in pdf_text(pdf, layout=True).splitlines()]
    assert "Beslutspunkt Förslag Utfall" in lines
    assert any(
        line.startswith("Beslutspunkt 1 Medborgarförslaget anses besvarat.")
        and line.endswith("enligt förslaget")
        for line in lines
    ), lines
    assert any(
        line.startswith("Att-sats 2 att isens") and line.endswith("anses besvarad")
        for line in lines
    ), lines


def test_the_overviews_kinds_of_document_stay_whole_in_print(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """Luleå's ärende PDF: "Medborgarförslag" and "Tjänsteskrivelse" fit
    the table's first column (not "Tjänsteskrivel-se")."""
    app = build(project_copy("lulea"), "latex")
    assert warnings_of(app) == ""
    pdf = latexmk(app.outdir, "ks-2023-00845.tex")
    lines = [" ".join(line.split()) for line in pdf_text(pdf, layout=True).splitlines()]
    assert any(line.startswith("Tjänsteskrivelse Svar på") for line in lines), lines
    assert any(
        line.startswith("Medborgarförslag Medborgarförslag om") for line in lines
    ), lines
