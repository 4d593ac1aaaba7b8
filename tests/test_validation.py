"""Bad input: each check has a hand-written bad project and gives exactly one
warning, at the file and line, of a documented subtype; a fixed version of
the same project gives none."""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import (
    latexmk,
    line_of,
    pdf_text,
    warning_lines,
    warnings_of,
)

from .conftest import append, edit, html_text

#: root -> (the one warning, as printed after the source directory; the fix)
CASES: dict[str, tuple[str, tuple[str, str]]] = {
    "dnr-format": (
        "index.rst:4: WARNING: diarienumret 'KS-2020-1' har inte formen "
        "^[A-ZÅÄÖ]{1,6} [0-9]{4}/[0-9]{1,6}$ [kommun.dnr]",
        (".. arende:: KS-2020-1", ".. arende:: KS 2020/1"),
    ),
    "dnr-unknown": (
        "index.rst:48: WARNING: okänt diarienummer 'KS 2020/99': inget "
        "arende-direktiv har det [kommun.dnr]",
        (":dnr: KS 2020/99", ":dnr: KS 2020/1"),
    ),
    "date": (
        "index.rst:28: WARNING: fel datum i 'datum': '2020-13-01' är inte ett "
        "giltigt datum [kommun.date]",
        ("2020-13-01", "2020-03-01"),
    ),
    "date-order-decision": (
        "index.rst:26: WARNING: nämnden beslutade den 2020-02-25, före "
        "förvaltningens datum 2020-03-01 (:datum:) [kommun.date-order]",
        (":sammantrade: 2020-02-25", ":sammantrade: 2020-03-20"),
    ),
    "date-order-remiss": (
        "index.rst:26: WARNING: yttrandet från Socialnämnden är daterat 2020-01-15, "
        "före remissen 2020-02-01 [kommun.date-order]",
        (":datum: 2020-01-15", ":datum: 2020-03-01"),
    ),
    "instans-not-in-remiss": (
        "index.rst:26: WARNING: Kulturnämnden svarar men fanns inte med i remissen "
        "[kommun.remiss]",
        (":instanser: Socialnämnden", ":instanser: Socialnämnden; Kulturnämnden"),
    ),
    "unanswered-final": (
        "index.rst:38: WARNING: utlåtandet är slutligt men Kulturnämnden har inte "
        "svarat [kommun.unanswered]",
        ("   :slutlig:\n", ""),
    ),
    "ref": (
        "index.rst:36: WARNING: Yttrandet 'Kulturnämnden' finns inte [kommun.ref]",
        (":yttrande:`Kulturnämnden`", ":yttrande:`Socialnämnden`"),
    ),
    "duplicate-id": (
        "index.rst:54: WARNING: id 'res-1' finns redan (index, rad 47); det här "
        "objektet lämnas utanför länkar och sammanställningar [kommun.duplicate]",
        (
            ":id: res-1\n   :organ: Socialnämnden\n   :forfattare: Cia",
            ":id: res-2\n   :organ: Socialnämnden\n   :forfattare: Cia",
        ),
    ),
    "duplicate-yttrande": (
        "index.rst:38: WARNING: Socialnämnden har redan ett yttrande i ärendet "
        "(index) [kommun.duplicate]",
        (
            ".. yttrande:: Socialnämnden\n   :id: andra-svaret\n   :datum: 2020-03-02\n"
            "   :sammanfattning: anser något annat\n\n   Ett andra svar.\n",
            "",
        ),
    ),
    "reservation-target": (
        "index.rst:50: WARNING: reservationen avser 'Kulturnämnden', som inte finns "
        "[kommun.ref]",
        (":avser: Kulturnämnden", ":avser: Socialnämnden"),
    ),
    # Luleå: an :underlag: naming no proposal would decide on nothing, silently
    "underlag": (
        "index.rst:34: WARNING: underlaget 'isbana-tjansteskrivelse' finns inte i "
        "ärendet KS 2023/00845; ärendets förslag till beslut: isbana-tjs [kommun.ref]",
        (":underlag: isbana-tjansteskrivelse", ":underlag: isbana-tjs"),
    ),
    # Luleå: sphinx-kommun new remiss dates a remiss today by default
    "remiss-deadline": (
        "index.rst:16: WARNING: remissens sista svarsdag 2024-02-29 är före "
        "remissdatumet 2026-12-06 [kommun.date-order]",
        (":datum: 2026-12-06", ":datum: 2023-11-06"),
    ),
    "undecided": (
        "index.rst:47: WARNING: beslutet saknar utfall för att-sats 2 [kommun.undecided]",
        (":utfall: 1: avslag", ":utfall: 1: avslag; 2: bifall"),
    ),
    "stallning": (
        "index.rst:31: WARNING: okänd ställning 'kanske'; kända är tillstyrker, "
        "delvis tillstyrker, avstyrker, instämmer, ingen erinran, tillgodosett, "
        "lämnar synpunkter [kommun.stallning]",
        (":stallning: kanske", ":stallning: ingen erinran"),
    ),
    "personnummer": (
        "index.rst:36: WARNING: '811218-XXXX' ser ut som ett personnummer; maskera "
        "det i texten eller märk det med :personuppgift: (den publicerade "
        "versionen maskerar det) [kommun.personnummer]",
        ("811218-9876", "811218-XXXX"),
    ),
    "generated-text": (
        "index.rst:50: WARNING: 'beredning' genereras och tar ingen text; texten "
        "under direktivet skrivs ut efter det genererade [kommun.structure]",
        (
            "   .. beredning::\n\n      Ärendet har även",
            "   .. beredning::\n\n   Ärendet har även",
        ),
    ),
    "reservation-self": (
        "index.rst:51: WARNING: reservationen avser sig själv (:avser: res-berg) "
        "[kommun.ref]",
        (":avser: res-berg", ":avser: Socialnämnden"),
    ),
    "related-self": (
        "index.rst:6: WARNING: ärendet KS 2020/1 anger sig självt i :relaterade: "
        "[kommun.ref]",
        ("   :relaterade: KS 2020/1\n", ""),
    ),
    "option": (
        "index.rst:31: WARNING: okänt alternativ 'handlägare' för yttrande; kända "
        "alternativ är attesterat, avdelning, beslut, bilagor, citera, datum, dnr, "
        "dokument, forvaltning, handlaggare, id, namnform, rubrik, sammanfattning, "
        "sammantrade, stallning, telefon, till, underrubrik, undertecknare "
        "[kommun.option]",
        (":handlägare:", ":handläggare:"),
    ),
    "options-without-blank-line": (
        "index.rst:32: WARNING: raden 'Synpunkter och förslag' efter alternativen "
        "saknar en tom rad före sig; den läses som början på texten [kommun.option]",
        (":stallning: avstyrker\n", ":stallning: avstyrker\n\n"),
    ),
    "tab-indented-option": (
        "index.rst:28: WARNING: raden ':handlaggare: Per Persson' är mer indragen "
        "än alternativen före den (ett tabbtecken?) men läses som ett eget "
        "alternativ, inte som en fortsättning på 'forvaltning' [kommun.option]",
        ("\t:handlaggare:", "   :handlaggare:"),
    ),
    # a U+2028 (from a word processor) earlier in the file: still the line
    # an editor shows, and the motion around it is read whole
    "line-separator": (
        "index.rst:29: WARNING: fel datum i 'sammantrade': '2020-13-20' är inte ett "
        "giltigt datum [kommun.date]",
        ("2020-13-20", "2020-03-20"),
    ),
    "unsafe-link": (
        "index.rst:32: WARNING: länken till 'javascript:alert(document.cookie)' "
        "skrivs ut som text: adresser som börjar med 'javascript:' tillåts inte "
        "(se kommun_url_schemes) [kommun.unsafe]",
        ("javascript:alert(document.cookie)", "https://start.stockholm/underlag"),
    ),
    "unsafe-include": (
        "index.rst:38: WARNING: '.. include::' hänvisar till "
        "'../../../../../../../../../etc/passwd' utanför projektets källmapp; det "
        "tas inte med (kommun_allow_outside_files = True tillåter det) "
        "[kommun.unsafe]",
        ("../../../../../../../../../etc/passwd", "bakgrund.txt"),
    ),
    "unsafe-download": (
        "index.rst:38: WARNING: :download: hänvisar till "
        "'../../../../../../../../../etc/passwd' utanför projektets källmapp; det "
        "tas inte med (kommun_allow_outside_files = True tillåter det) "
        "[kommun.unsafe]",
        ("../../../../../../../../../etc/passwd", "underlag.txt"),
    ),
    "unsafe-raw": (
        "index.rst:38: WARNING: '.. raw:: html' skrivs ut som text, inte som HTML "
        "eller LaTeX (kommun_allow_raw = True tillåter det) [kommun.unsafe]",
        (".. raw:: html", ".. code-block:: html"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_project_gives_its_warning(
    case: str, project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    expected, _fix = CASES[case]
    app = build(project_copy(f"bad-{case}"))
    assert warning_lines(app) == [expected]


@pytest.mark.parametrize("case", sorted(CASES))
def test_fixed_project_gives_none(
    case: str, project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    _expected, (old, new) = CASES[case]
    src = project_copy(f"bad-{case}")
    edit(src / "index.rst", old, new)
    app = build(src)
    assert warning_lines(app) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_warning_can_be_suppressed(
    case: str, project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    expected, _fix = CASES[case]
    subtype = re.search(r"\[(kommun\.[\w-]+)\]$", expected).group(1)  # type: ignore[union-attr]
    app = build(
        project_copy(f"bad-{case}"), confoverrides={"suppress_warnings": [subtype]}
    )
    assert warning_lines(app) == []


def test_a_warning_fails_a_strict_build(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-date"), warningiserror=True)
    assert app.statuscode == 1


def test_personnummer_may_stay_in_an_unpublished_document(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("bad-personnummer")
    index = src / "index.rst"
    index.write_text(
        ":publiceras: nej\n\n" + index.read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert warning_lines(build(src)) == []


def test_a_leap_day_personnummer_without_century_is_found() -> None:
    from sphinx_kommun.reading.personnummer import find

    # 29 February 2000: valid, though 1900 had no leap day
    assert find("född 000229-0005") == ["000229-0005"]
    assert find("19000229-0005") == []


def test_a_custom_dnr_pattern_must_match_the_whole_number(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "index.rst",
        ":relaterade: KS 2019/656",
        ":relaterade: KS 2019/656 och mer",
    )
    app = build(src, confoverrides={"kommun_dnr_pattern": r"[A-Z]+ \d{4}/\d+"})
    assert re.search(
        r"index\.rst:\d+: WARNING: diarienumret 'KS 2019/656 och mer' har inte "
        r"formen .*\[kommun\.dnr\]",
        warnings_of(app),
    )


def test_numbers_that_fail_luhn_or_are_no_dates_are_not_personnummer() -> None:
    from sphinx_kommun.reading.personnummer import find

    assert find("811218-9876 19811218-9876 121212-1212") == [
        "811218-9876",
        "19811218-9876",
        "121212-1212",
    ]
    assert find("811218-9875 0850822310 KS 2019/1899 2020-09-24 20200924") == []
    assert find("samordningsnummer 701063-2391") == ["701063-2391"]


def test_custom_dnr_pattern(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("bad-dnr-pattern")
    assert warning_lines(build(src)) == []
    src2 = project_copy("bad-dnr-format")
    append(src2 / "conf.py", 'kommun_dnr_pattern = r"^KS-\\d{4}-\\d+$"\n')
    assert warning_lines(build(src2)) == []


def test_late_answer_is_shown_not_warned(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-late-answer"))
    assert warning_lines(app) == []
    # the remiss lists who answered and when, late answers marked
    assert "Socialnämnden Yttrande (efter svar senast) 20 april 2020" in html_text(
        app.outdir / "index.html"
    )


def assert_markup_warnings(app: SphinxTestApp) -> None:
    """Each HTML tag written in an option or argument: a warning at its line."""
    source = app.srcdir / "index.rst"
    expected = [
        (":motionarer:", "<i>", "'motionarer'"),
        (":instanser:", "<b>", "'instanser'"),
        (".. yttrande::", "<b>", "'.. yttrande::'"),
        (":sammanfattning:", "<script>", "'sammanfattning'"),
    ]
    assert sorted(warning_lines(app)) == sorted(
        f"index.rst:{line_of(source, text)}: WARNING: HTML-koden '{tag}' i {where} "
        "skrivs ut som text, inte som formatering [kommun.markup]"
        for text, tag, where in expected
    )


def test_markup_in_options_is_escaped_in_html(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-html-injection"))
    assert_markup_warnings(app)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "anser att &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>nämnden</b>" not in html and "Social&lt;b&gt;nämnden&lt;/b&gt;" in html
    assert "<i>Andersson</i>" not in html


def test_markup_in_options_is_escaped_in_latex(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-html-injection"), "latex")
    assert_markup_warnings(app)
    tex = (app.outdir / "ks-2020-1.tex").read_text(encoding="utf-8")
    assert "\\input{x}" not in tex and "\\textbf{x}" not in tex
    text = " ".join(pdf_text(latexmk(app.outdir, "ks-2020-1.tex")).split())
    assert "Social<b>nämnden</b> & {\\\\input{x}} $50% #1_a^b~c" in text
    assert "anser att <script>alert(1)</script> \\\\textbf{x} }{ är fel" in text


@pytest.mark.parametrize(
    "value",
    [
        "Anna Andersson <anna@example.se> (S)",
        "Kostnaden är < 5 % och > 2 %",
        "se <https://start.stockholm>",
    ],
)
def test_angle_brackets_that_are_no_html_give_no_warning(
    value: str, project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-bromma.rst",
        ":sammanfattning:",
        f":underrubrik: {value}\n   :sammanfattning:",
    )
    app = build(src)
    assert warning_lines(app) == []
    assert value in html_text(app.outdir / "yttrande-bromma.html")


def test_the_default_dnr_pattern_wants_ascii_digits() -> None:
    from sphinx_kommun.config import KommunConfig

    pattern = KommunConfig().dnr_regex
    assert pattern.fullmatch("KS 2019/1899")
    assert not pattern.fullmatch("KS ２０１９/1899")


def test_an_att_sats_given_twice_warns_and_the_first_is_used(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    beslut = src / "beslut.rst"
    utfall = re.search(r":utfall: .*", beslut.read_text(encoding="utf-8"))
    assert utfall is not None
    edit(beslut, utfall.group(0), ":utfall: 1: bifall; 1: avslag; 2: avslag")
    app = build(src)
    assert re.search(
        r"beslut\.rst:\d+: WARNING: '1: avslag' i 'utfall' upprepar nummer 1; "
        r"den första uppgiften gäller \[kommun\.option\]",
        warnings_of(app),
    )
    assert "bifall" in html_text(app.outdir / "beslut.html").lower()


def test_text_written_under_a_generated_part_is_kept_after_it(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("bad-generated-text"))
    text = html_text(app.outdir / "index.html")
    generated = text.index("Ärendet har remitterats till socialnämnden.")
    assert text.index("Ärendet har även diskuterats i pensionärsrådet.") > generated


@pytest.mark.parametrize("nitpicky", [False, True])
def test_a_missing_reference_warns_once_with_or_without_nitpicky(
    nitpicky: bool,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    expected, _fix = CASES["ref"]
    app = build(project_copy("bad-ref"), confoverrides={"nitpicky": nitpicky})
    assert warning_lines(app) == [expected]


def test_an_unknown_related_dnr_warns_once(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(src / "index.rst", ":relaterade: KS 2019/656", ":relaterade: KS 2019/657")
    lines = warning_lines(build(src, confoverrides={"nitpicky": True}))
    at = line_of(src / "index.rst", ":relaterade:")
    assert lines == [
        f"index.rst:{at}: WARNING: okänt diarienummer 'KS 2019/657' i :relaterade: "
        "[kommun.dnr]"
    ]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "kommun_plugins = [3]",
            "kommun_plugins must be a list of module names or modules, not 3",
        ),
        ("kommun_pdf_documents = 'KS 1999/1'", "kommun_pdf_documents: 'KS 1999/1'"),
        (
            "kommun_disabled_plugins = "
            "['jamstalldhetsanalys', 'radsberednig', 'attestering']",
            "kommun_disabled_plugins: ingen plugin heter 'radsberednig'",
        ),
    ],
)
def test_a_bad_setting_is_located_in_conf_py(
    setting: str,
    message: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    conf = src / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines()
    if setting.startswith("kommun_disabled_plugins"):
        lines = [line for line in lines if not line.startswith(setting.split()[0])]
    conf.write_text("\n".join([*lines, setting]) + "\n", encoding="utf-8")
    app = build(src, "latex" if "pdf" in setting else "html")
    line = len(lines) + 1
    assert any(
        warning.startswith(f"conf.py:{line}: WARNING: {message}")
        for warning in warning_lines(app)
    ), warning_lines(app)


@pytest.mark.parametrize(
    ("written", "warning"),
    [
        (
            "   :datum: 2020-09-04\n   :datum: 2020-09-04\n",
            "yttrande-kungsholmen.rst:{line}: WARNING: alternativet 'datum' är "
            "angivet två gånger [kommun.option]",
        ),
        (
            "   :datum: 2020-09-04\n   sammantrade 2020-09-24\n",
            "yttrande-kungsholmen.rst:{line}: WARNING: raden 'sammantrade 2020-09-24' "
            "bland alternativen går inte att läsa (skriv :namn: värde); den hoppas "
            "över [kommun.option]",
        ),
    ],
)
def test_a_slip_among_the_options_warns_and_keeps_the_directive(
    written: str,
    warning: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    path = src / "yttrande-kungsholmen.rst"
    edit(path, "   :datum: 2020-09-04\n", written)
    app = build(src)
    # located at the line of the slip, the second line written
    line = line_of(path, ":datum: 2020-09-04") + 1
    assert warning.format(line=line) in warning_lines(app)
    # docutils would have dropped the whole yttrande; it is still answered
    compilation = html_text(app.outdir / "utlatande.html")
    assert "Kungsholmens stadsdelsförvaltnings tjänsteutlåtande daterat den " in (
        compilation
    )
    assert "Insatserna bör bygga på stadsdelens egna förutsättningar." in compilation


def test_an_instans_listed_twice_warns_and_counts_once(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "remiss.rst",
        ":instanser: Stadsledningskontoret; Bromma stadsdelsnämnd;",
        ":instanser: Stadsledningskontoret; Bromma stadsdelsnämnd; bromma  stadsdelsnämnd;",
    )
    app = build(src)
    line = line_of(src / "remiss.rst", ":instanser:")
    assert warning_lines(app) == [
        f"remiss.rst:{line}: WARNING: remissinstansen 'bromma stadsdelsnämnd' står "
        "två gånger; den räknas en gång [kommun.duplicate]"
    ]
    text = html_text(app.outdir / "utlatande.html")
    assert (
        "Ärendet har remitterats till stadsledningskontoret, Bromma stadsdelsnämnd "
        "och Kungsholmens stadsdelsnämnd."
    ) in text


@pytest.mark.parametrize(
    ("directive", "what"),
    [
        ("yttrande", "remissinstansen"),
        ("arende", "diarienumret"),
        ("motion", "rubriken"),
        ("utlatande", "rubriken"),
    ],
)
def test_a_directive_without_its_argument_warns_and_keeps_its_text(
    directive: str,
    what: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    append(
        src / "annat.rst",
        f"\n.. {directive}::\n   :dnr: KS 2019/656\n\n   Texten får inte försvinna.\n",
    )
    app = build(src)
    assert any(
        re.fullmatch(
            rf"annat\.rst:\d+: WARNING: '\.\. {directive}::' saknar {what}; texten "
            r"visas men blir inget objekt \[kommun\.missing\]",
            line,
        )
        for line in warning_lines(app)
    ), warning_lines(app)
    assert "Texten får inte försvinna." in html_text(app.outdir / "annat.html")


def with_a_reservation(src: Path, block: str) -> Path:
    """``src`` (the case project) with ``.. reservation::`` and the lines of
    ``block`` added to annat.rst (KS 2019/656, which has no reservation)."""
    append(src / "annat.rst", "\n.. reservation::\n" + textwrap.indent(block, "   "))
    return src / "annat.rst"


def test_a_reservation_naming_nothing_warns_once(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    with_a_reservation(src, ":avser:\n:forfattare: Anna A (M)\n\nText.\n")
    lines = warning_lines(build(src))
    assert len(lines) == 1, lines
    assert re.fullmatch(
        r"annat\.rst:\d+: WARNING: reservationen anger varken :organ: eller :avser: "
        r"\[kommun\.missing\]",
        lines[0],
    )


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        ("reservation", "reservationen"),
        ("särskilt uttalande", "det särskilda uttalandet"),
        ("ersättaryttrande", "ersättaryttrandet"),
        ("protokollsanteckning", "protokollsanteckningen"),
    ],
)
def test_a_warning_names_the_kind_of_reservation_in_the_definite_form(
    kind: str,
    named: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    src = project_copy("case")
    path = with_a_reservation(
        src, f":typ: {kind}\n:organ: Socialnämnden\n:forfattare: Anna A (M)\n"
    )
    # KS 2019/656 has no yttrande from Socialnämnden: what it concerns (by
    # default the organ's yttrande) is missing, warned at the :organ: line;
    # the missing text at the directive
    assert warning_lines(build(src)) == [
        f"annat.rst:{line_of(path, '.. reservation::')}: WARNING: {named} saknar text "
        "[kommun.missing]",
        f"annat.rst:{line_of(path, ':organ: Socialnämnden')}: WARNING: {named} avser "
        "'Socialnämnden', som inte finns [kommun.ref]",
    ]


def test_a_date_before_the_role_warns_and_is_not_read_as_role(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    edit(
        src / "yttrande-bromma.rst",
        ":attesterat: Kalle K, stadsdelsdirektör, 2020-09-08",
        ":attesterat: Kalle K, 2020-09-08, stadsdelsdirektör",
    )
    app = build(src)
    line = line_of(src / "yttrande-bromma.rst", ":attesterat:")
    assert warning_lines(app) == [
        f"yttrande-bromma.rst:{line}: WARNING: datumet 2020-09-08 för Kalle K i "
        "'attesterat' ska stå sist: Namn, roll, ÅÅÅÅ-MM-DD [kommun.date]"
    ]
    # read as meant: the role without the date, the date in the date column
    text = html_text(app.outdir / "yttrande-bromma.html")
    assert "stadsdelsdirektör" in text
    assert "2020-09-08, stadsdelsdirektör" not in text
    assert "8 september 2020" in text


def warning_subtypes_in_the_code() -> set[str]:
    """Every subtype written as a literal where sphinx-kommun warns: a
    ``subtype=`` keyword, the subtype argument of a directive's or a check's
    ``warn``, and the option name given to ``vocabulary`` (its subtype)."""
    package = Path(__file__).parent.parent / "sphinx_kommun"
    found: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            found.update(
                keyword.value.value
                for keyword in node.keywords
                if keyword.arg == "subtype" and isinstance(keyword.value, ast.Constant)
            )
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            # warn(message, subtype, ...) and warn(obj, subtype, message, ...):
            # the only plain string among the first two arguments is the subtype
            arguments = {"warn": node.args[:2], "vocabulary": node.args[:1]}
            found.update(
                argument.value
                for argument in arguments.get(name, [])
                if isinstance(argument, ast.Constant)
                and isinstance(argument.value, str)
            )
    return found


def test_every_warning_subtype_is_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Warnings", 1)[1].split("\n## ", 1)[0]
    first_cells = [
        line.split("|")[1] for line in table.splitlines() if line.startswith("|")
    ]
    documented = {
        subtype
        for cell in first_cells
        for subtype in re.findall(r"`kommun\.([a-z-]+)`", cell)
    }
    in_code = warning_subtypes_in_the_code()
    # the scan finds the subtypes the bad-input tests above meet
    assert {"dnr", "date", "markup", "stallning", "utfall", "ref"} <= in_code
    assert in_code - documented == set(), "add these to the README's Warnings"


def test_a_document_left_out_of_its_arendes_pdf_is_warned_about(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    page = src / "reservation-ks.rst"
    page.write_text(
        "Reservation i kommunstyrelsen\n=============================\n\n"
        ".. reservation::\n   :dnr: KS 2019/1899\n   :organ: Kommunstyrelsen\n"
        "   :forfattare: Ann Ek (V)\n   :avser: beslut\n\n   Vi vill bifalla.\n",
        encoding="utf-8",
    )
    assert warning_lines(build(src)) == [
        "reservation-ks.rst: WARNING: document isn't included in any toctree "
        "[toc.not_included]",
        "reservation-ks.rst:4: WARNING: Reservation i ärendet KS 2019/1899 kommer "
        "inte med i ärendets PDF: sidan står inte i någon toctree under ärendets "
        "sida (index; ange :orphan: om den ska stå utanför) [kommun.structure]",
    ]
    # left out knowingly
    page.write_text(":orphan:\n\n" + page.read_text(encoding="utf-8"), "utf-8")
    assert warning_lines(build(src, freshenv=True)) == []
    # or printed
    edit(src / "index.rst", "   sammantrade\n", "   sammantrade\n   reservation-ks\n")
    edit(page, ":orphan:\n\n", "")
    assert warning_lines(build(src, freshenv=True)) == []
