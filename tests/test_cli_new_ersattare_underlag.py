"""``sphinx-kommun new``: the ersättare of a protokoll from the register of
members, and the ``:underlag:`` of a new beslut, from ``init`` to
``check`` and ``build -W``, as Västerås stad's and Gävle kommun's clerks
would write them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_kommun.cli import main

from .conftest import edit, html_text


def kommun(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


def new(*argv: str) -> None:
    assert kommun("new", *argv) == 0, argv


def check_json(
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    status = kommun("check", "--format", "json")
    return status, json.loads(capsys.readouterr().out)


# -- the protokoll's ersättare ----------------------------------------------------

VASTERAS = "KS 2025/0417"
CYKELBANOR = Path("arenden") / "ks-2025-0417"
MEETING = Path("sammantraden") / "kommunstyrelsen-2025-09-22.rst"
PROTOKOLL = MEETING.with_name("kommunstyrelsen-2025-09-22-protokoll.rst")
#: Västerås' kommunstyrelse: five seats, three ersättare, one of whom left
#: the seat before the meeting
REGISTER = """\
[[organ]]
namn = "Kommunstyrelsen"
platser = 5

[[organ.ledamot]]
namn = "Anna Holm"
parti = "S"
roll = "ordförande"

[[organ.ledamot]]
namn = "Mikael Sund"
parti = "S"

[[organ.ledamot]]
namn = "Erik Berg"
parti = "M"

[[organ.ledamot]]
namn = "Sara Lund"
parti = "C"

[[organ.ledamot]]
namn = "Karin Ahl"
parti = "L"

[[organ.ersattare]]
namn = "Johan Ek"
parti = "S"

[[organ.ersattare]]
namn = "Lisa Åberg"
parti = "M"

[[organ.ersattare]]
namn = "Olof Strand"
parti = "KD"
till = 2025-06-30
"""


@pytest.fixture
def vasteras(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Västerås stad's project with its register of the kommunstyrelse's
    members, a motion's ärende with the förvaltning's tjänsteskrivelse,
    and the kommunstyrelse's meeting with the ärende on its agenda."""
    assert kommun("init", tmp_path / "vasteras", "--kommun", "Västerås stad") == 0
    monkeypatch.chdir(tmp_path / "vasteras")
    Path("ledamoter.toml").write_text(REGISTER, encoding="utf-8")
    with Path("conf.py").open("a", encoding="utf-8") as conf:
        conf.write('kommun_ledamoter = "ledamoter.toml"\n')
    new("arende", VASTERAS, "--rubrik", "Motion om cykelbana längs Svartån",
        "--ansvarig", "Kommunstyrelsen")  # fmt: skip
    new("motion", VASTERAS, "--motionar", "Eva Sten (MP)", "--inlamnad",
        "2025-02-03", "--att-sats", "att kommunen bygger en cykelbana längs Svartån.")  # fmt: skip
    new("tjansteskrivelse", VASTERAS, "--forvaltning", "Stadsledningskontoret",
        "--datum", "2025-08-25", "--forslag", "1: bifall")  # fmt: skip
    new("sammantrade", "2025-09-22", "--organ", "Kommunstyrelsen", "--arende",
        VASTERAS, "--tid", "08.30", "--plats", "Stadshuset, Västerås")  # fmt: skip
    return tmp_path / "vasteras"


def test_the_protokoll_lists_the_registers_ersattare_to_complete(
    vasteras: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The kallelse goes to the ledamöter and, for notice, the ersättare
    holding a seat on the day; the protokoll lists both, the ersättare
    without whom they serve for, which check names until the clerk writes
    it or strikes the line."""
    new("beslut", VASTERAS, "--utfall", "enligt förslaget")
    new("kallelse", "2025-09-22", "--skickas", "2025-09-08")
    new("protokoll", "2025-09-22", "--sekreterare", "Maria Lindgren",
        "--justerare", "Erik Berg (M)", "--justering", "2025-09-25, Stadshuset",
        "--anslag", "2025-09-26")  # fmt: skip
    minutes = PROTOKOLL.read_text(encoding="utf-8")
    assert "      Karin Ahl (L)\n   :ersattare:\n" in minutes
    assert (
        "   :ersattare:\n      Johan Ek (S)\n      Lisa Åberg (M)\n   :ovriga:\n"
        in (minutes)
    )
    assert "Olof Strand" not in minutes  # his seat ended 30 June
    assert "   .. Stryk de ledamöter och ersättare som inte tjänstgjorde" in minutes
    line = minutes.splitlines().index("   :ersattare:") + 1
    # the § decides on what the kommunstyrelse's beslut decides on
    decided = _underlag(CYKELBANOR / "beslut-kommunstyrelsen.rst")
    assert decided.startswith("ks-2025-0417-tjänsteskrivelse-stadsledningskontoret-")
    assert f"      :utfall: enligt förslaget\n      :underlag: {decided}\n" in minutes

    status, found = check_json(capsys)
    assert status == 1
    assert sorted(
        (w["file"], w["line"], w["subtype"], w["message"]) for w in found
    ) == [
        (PROTOKOLL.as_posix(), line, "missing", f"ersättaren {name} tjänstgör "
         "inte för någon: skriv 'Namn för Namn'")
        for name in ("Johan Ek", "Lisa Åberg")
    ]  # fmt: skip

    # Mikael Sund was away and Johan Ek served for him; Lisa Åberg did not serve
    edit(PROTOKOLL, "      Mikael Sund (S)\n", "")
    edit(PROTOKOLL, "      Johan Ek (S)\n      Lisa Åberg (M)\n",
         "      Johan Ek (S) för Mikael Sund (S)\n")  # fmt: skip
    assert check_json(capsys) == (0, [])
    assert kommun("build", "--utan-pdf", "-W") == 0
    html = vasteras / "_build" / "html"
    shown = html_text(html / PROTOKOLL.with_suffix(".html"))
    assert "Tjänstgörande ersättare" in shown
    assert "Johan Ek (S) för Mikael Sund (S)" in shown
    assert "Lisa Åberg" not in shown
    kallelse = html_text(html / MEETING.with_suffix(".html"))
    summoned = kallelse.split("Kallade ledamöter", 1)[1]
    notice = summoned.split("Ersättare för kännedom", 1)[1]
    assert "Mikael Sund (S)" in summoned.split("Ersättare för kännedom", 1)[0]
    assert "Johan Ek (S)" in notice and "Lisa Åberg (M)" in notice
    assert "Olof Strand" not in kallelse


def test_no_ersattare_to_complete_when_the_ledamoter_fill_every_seat(
    vasteras: Path,
) -> None:
    """Attendance given on the command line: --ersattare as written, and
    with --ledamot for every seat no ersättare at all; with a seat left
    the register's ersättare are listed to complete."""
    ledamoter = ["Anna Holm (S)", "Erik Berg (M)", "Sara Lund (C)", "Karin Ahl (L)"]
    every = [
        arg for name in [*ledamoter, "Mikael Sund (S)"] for arg in ("--ledamot", name)
    ]
    new("protokoll", "2025-09-22", *every)
    assert "   :ersattare:\n   :ovriga:\n" in PROTOKOLL.read_text(encoding="utf-8")
    four = [arg for name in ledamoter for arg in ("--ledamot", name)]
    new("protokoll", "2025-09-22", *four)
    second = PROTOKOLL.with_name("kommunstyrelsen-2025-09-22-protokoll-2.rst")
    assert "   :ersattare:\n      Johan Ek (S)\n      Lisa Åberg (M)\n" in (
        second.read_text(encoding="utf-8")
    )
    new(
        "protokoll",
        "2025-09-22",
        *four,
        "--ersattare",
        "Johan Ek (S) för Mikael Sund (S)",
    )
    third = PROTOKOLL.with_name("kommunstyrelsen-2025-09-22-protokoll-3.rst")
    text = third.read_text(encoding="utf-8")
    assert (
        "   :ersattare:\n      Johan Ek (S) för Mikael Sund (S)\n   :ovriga:\n" in text
    )
    assert "Lisa Åberg" not in text and ".. Stryk" not in text


# -- the beslut's underlag ----------------------------------------------------------

GAVLE = "KS-2024-00912"
SOLCELLER = Path("arenden") / "ks-2024-00912"


@pytest.fixture
def gavle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Gävle kommun's ärende on a motion: the förvaltning's
    tjänsteskrivelse to the kommunstyrelse and the kommunstyrelse's
    utlåtande to fullmäktige, each decided at a meeting."""
    assert kommun("init", tmp_path / "gavle", "--kommun", "Gävle kommun") == 0
    monkeypatch.chdir(tmp_path / "gavle")
    new("arende", GAVLE, "--rubrik", "Motion om solceller på kommunens skolor",
        "--ansvarig", "Kommunstyrelsen")  # fmt: skip
    new("motion", GAVLE, "--motionar", "Lars Öhman (V)", "--inlamnad", "2024-03-11",
        "--att-sats", "att solceller sätts upp på alla kommunens skolor.")  # fmt: skip
    new("tjansteskrivelse", GAVLE, "--forvaltning", "Kommunledningsförvaltningen",
        "--datum", "2024-09-02", "--forslag", "1: avslag")  # fmt: skip
    new("utlatande", GAVLE, "--datum", "2024-10-01", "--forslag", "1: avslag")
    new("sammantrade", "2024-10-01", "--organ", "Kommunstyrelsen", "--arende", GAVLE)
    new("sammantrade", "2024-11-11", "--arende", GAVLE)
    return tmp_path / "gavle"


def _underlag(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("   :underlag:", 1)[1].split("\n", 1)[0].strip()


def test_a_beslut_decides_on_the_proposal_addressed_to_its_body(
    gavle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The kommunstyrelse decides on the tjänsteskrivelse, fullmäktige on
    the utlåtande: each beslut's :underlag: is that proposal's id as the
    build makes it, so check has nothing to say of it."""
    new("beslut", GAVLE, "--organ", "Kommunstyrelsen", "--utfall", "enligt förslaget")
    new("beslut", GAVLE, "--utfall", "enligt förslaget")
    styrelsen = SOLCELLER / "beslut-kommunstyrelsen.rst"
    fullmaktige = SOLCELLER / "beslut-kommunfullmäktige.rst"
    assert _underlag(styrelsen).startswith("ks-2024-00912-tjänsteskrivelse-")
    assert _underlag(fullmaktige) == "ks-2024-00912-utlåtande"
    assert "   :datum: 2024-10-01\n" in styrelsen.read_text(encoding="utf-8")
    assert check_json(capsys) == (0, [])
    assert kommun("build", "--utan-pdf", "-W") == 0
    # an underlag the build does not know would have been named
    edit(styrelsen, _underlag(styrelsen), "ks-2024-00912-tjänsteskrivelse")
    status, found = check_json(capsys)
    assert status == 1
    assert [(w["file"], w["subtype"]) for w in found] == [(styrelsen.as_posix(), "ref")]


def test_underlag_named_by_id_file_or_kind(
    gavle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--underlag names the proposal by its :id:, its file or its kind; a
    name that is none of the ärende's proposals is an error listing them."""
    with pytest.raises(SystemExit):
        kommun("new", "beslut", "--help")
    shown = " ".join(capsys.readouterr().out.split())
    assert "--underlag UNDERLAG förslaget beslutet fattas på" in shown
    edit(SOLCELLER / "utlatande.rst", "   :dnr: KS-2024-00912\n",
         "   :dnr: KS-2024-00912\n   :id: ks-utlatande-solceller\n")  # fmt: skip
    new("beslut", GAVLE, "--underlag", "ks-utlatande-solceller", "--utfall", "avslag")
    first = SOLCELLER / "beslut-kommunfullmäktige.rst"
    assert _underlag(first) == "ks-utlatande-solceller"
    new("beslut", GAVLE, "--organ", "Kommunstyrelsen", "--underlag",
        "tjansteskrivelse", "--utfall", "avslag")  # fmt: skip
    tjansteskrivelse = _underlag(SOLCELLER / "beslut-kommunstyrelsen.rst")
    assert tjansteskrivelse.startswith("ks-2024-00912-tjänsteskrivelse-")
    capsys.readouterr()
    assert kommun("new", "beslut", GAVLE, "--underlag", "yttrande") == 1
    error = capsys.readouterr().err
    assert "underlaget 'yttrande' finns inte i ärendet KS-2024-00912" in error
    assert f"{tjansteskrivelse}, ks-utlatande-solceller" in error
    # a beslut decides on one proposal: a second --underlag is not dropped
    assert kommun("new", "beslut", GAVLE, "--underlag", "utlatande",
                  "--underlag", "tjansteskrivelse") == 1  # fmt: skip
    assert "ange --underlag en gång, inte 2 gånger" in capsys.readouterr().err
    assert not (SOLCELLER / "beslut-kommunfullmäktige-2.rst").exists()
    # a second tjänsteskrivelse, named by its file
    new("tjansteskrivelse", GAVLE, "--forvaltning", "Samhällsbyggnadsförvaltningen",
        "--rubrik", "Kompletterande underlag om solceller", "--forslag", "1: avslag",
        "--datum", "2024-10-14")  # fmt: skip
    new("beslut", GAVLE, "--underlag", "tjansteskrivelse-2", "--organ",
        "Kommunstyrelsen", "--datum", "2024-10-01", "--utfall", "avslag")  # fmt: skip
    second = _underlag(SOLCELLER / "beslut-kommunstyrelsen-2.rst")
    assert second.startswith("ks-2024-00912-tjänsteskrivelse-samhällsbyggnads")
    _status, found = check_json(capsys)
    assert not [w for w in found if w["subtype"] == "ref"], found


def test_underlag_left_to_write_when_the_project_cannot_tell(
    gavle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No proposal addressed to the body among several, or no proposal at
    all: :underlag: is written empty and new says what to write."""
    capsys.readouterr()
    new("beslut", GAVLE, "--organ", "Tekniska nämnden", "--datum", "2024-10-09")
    assert _underlag(SOLCELLER / "beslut-tekniska-nämnden.rst") == ""
    told = capsys.readouterr().err
    assert "inget av förslagen i ärendet KS-2024-00912 är ställt till Tekniska" in told
    assert "ks-2024-00912-utlåtande" in told
    new("arende", "KS-2024-01033", "--rubrik", "Medborgarförslag om en hundrastgård")
    new("beslut", "KS-2024-01033", "--datum", "2024-11-11")
    assert (
        _underlag(Path("arenden") / "ks-2024-01033" / "beslut-kommunfullmäktige.rst")
        == ""
    )
    assert (
        "ärendet KS-2024-01033 har inget förslag till beslut" in capsys.readouterr().err
    )


def test_the_protokolls_paragraf_names_its_underlag(
    gavle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fullmäktige's § on the ärende, before any beslut is written, decides
    on the utlåtande addressed to it; the kommunstyrelse's on its beslut's
    :underlag:, as written."""
    new("protokoll", "2024-11-11", "--ledamot", "Ingrid Forsberg (S)")
    fullmaktige = Path("sammantraden") / "kommunfullmäktige-2024-11-11-protokoll.rst"
    assert "      :underlag: ks-2024-00912-utlåtande\n" in fullmaktige.read_text(
        encoding="utf-8"
    )
    tjansteskrivelse = SOLCELLER / "tjansteskrivelse.rst"
    edit(tjansteskrivelse, "   :dnr: KS-2024-00912\n",
         "   :dnr: KS-2024-00912\n   :id: tjsk-solceller\n")  # fmt: skip
    new("beslut", GAVLE, "--organ", "Kommunstyrelsen", "--utfall", "avslag")
    new("protokoll", "2024-10-01", "--ledamot", "Per Berglund (M)")
    styrelsen = Path("sammantraden") / "kommunstyrelsen-2024-10-01-protokoll.rst"
    assert "      :utfall: avslag\n      :underlag: tjsk-solceller\n" in (
        styrelsen.read_text(encoding="utf-8")
    )
    _status, found = check_json(capsys)
    assert not [w for w in found if w["subtype"] == "ref"], found
