"""The clerk's command line, ``sphinx-kommun``: every command driven in a
temporary folder, as a clerk in Umeå or Region Västerbotten would."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from sphinx_kommun.cli import main
from sphinx_kommun.cli.progress import Progress
from sphinx_kommun.cli.term import paint

from .conftest import append, edit, html_text

DNR = "KS 2024/0123"
ARENDE = Path("arenden") / "ks-2024-0123"
SCRIPT = Path(sys.executable).parent / "sphinx-kommun"


def kommun(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project from ``init``, the current folder, with an ärende whose
    remiss goes to two nämnder."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert kommun("init", tmp_path / "umea", "--kommun", "Umeå kommun") == 0
    monkeypatch.chdir(tmp_path / "umea")
    assert kommun("new", "arende", DNR, "--rubrik", "Ny förskola på Ersboda") == 0
    assert (
        kommun(
            "new",
            "remiss",
            DNR,
            "--instans",
            "Barn- och utbildningsnämnden",
            "--instans",
            "Miljö- och hälsoskyddsnämnden",
            "--datum",
            "2024-03-01",
            "--svar-senast",
            "2024-04-30",
        )
        == 0
    )
    return tmp_path / "umea"


def check_json(
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    status = kommun("check", "--format", "json")
    return status, json.loads(capsys.readouterr().out)


# -- conventions --------------------------------------------------------------


COMMANDS = [
    ["init"], ["new"], ["new", "arende"], ["new", "remiss"], ["new", "yttrande"],
    ["new", "reservation"], ["new", "sammantrade"], ["new", "motion"],
    ["new", "skrivelse"], ["new", "medborgarforslag"], ["new", "e-forslag"],
    ["new", "framstallning"], ["new", "tjansteskrivelse"], ["new", "utlatande"],
    ["new", "beslut"], ["new", "kallelse"], ["new", "protokoll"], ["import"],
    ["check"], ["build"], ["serve"], ["plugins"], ["hooks"], [],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit:
        kommun(*command, "--help")
    assert exit.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("användning: sphinx-kommun")
    assert "visa den här hjälpen och avsluta" in shown


def test_a_command_written_wrong_is_exit_status_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for wrong in (
        ["new", "yttrande"],  # no DNR
        ["new", "sammantrade", "2024-02-30"],  # no such day
        ["check", "--format", "xml"],
        ["frobnicate"],
    ):
        with pytest.raises(SystemExit) as exit:
            kommun(*wrong)
        assert exit.value.code == 2, wrong
        assert "sphinx-kommun" in capsys.readouterr().err


def test_the_console_script_and_python_m_are_one_command_line(tmp_path: Path) -> None:
    hooks = subprocess.run(
        [sys.executable, "-m", "sphinx_kommun", "hooks"],
        capture_output=True,
        text=True,
        check=True,
    )
    committed = Path(__file__).parent.parent / "docs" / "plugin-hooks.md"
    assert hooks.stdout == committed.read_text(encoding="utf-8")
    listing = subprocess.run(
        [SCRIPT, "plugins"], capture_output=True, text=True, check=True
    )
    assert "sphinx_kommun.builtin" in listing.stdout
    outside = subprocess.run(
        [SCRIPT, "check", tmp_path], capture_output=True, text=True
    )
    assert outside.returncode == 1
    assert "conf.py saknas" in outside.stderr


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert paint("1 varning", "yellow", Terminal()) == "\033[33m1 varning\033[0m"
    assert paint("1 varning", "yellow", io.StringIO()) == "1 varning"
    monkeypatch.setenv("NO_COLOR", "1")
    assert paint("1 varning", "yellow", Terminal()) == "1 varning"


def test_a_progress_bar_on_a_terminal_only() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet, terminal = io.StringIO(), Terminal()
    for stream in (quiet, terminal):
        progress = Progress("HTML", stream)
        progress._before_read(None, None, ["index", "remiss", "yttrande", "beslut"])  # type: ignore[arg-type]
        progress._source_read(None, "index", [""])  # type: ignore[arg-type]
    assert quiet.getvalue() == ""
    assert terminal.getvalue().endswith("HTML: läser " + "█" * 7 + "░" * 23 + " 1/4")


# -- init ---------------------------------------------------------------------


def test_init_asks_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["region", "Region Jämtland Härjedalen", ""])
    asked: list[str] = []

    def answer(question: str) -> str:
        asked.append(question)
        return next(answers)

    monkeypatch.setattr("sphinx_kommun.cli.init.interactive", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    assert kommun("init", tmp_path / "jh") == 0
    assert asked == [
        "Profil (kommun, stockholm, region) [kommun]: ",
        "Kommunens namn: ",
        "HTML-tema (alabaster, furo) [alabaster]: ",
    ]
    conf = (tmp_path / "jh" / "conf.py").read_text(encoding="utf-8")
    assert "kommun_municipality = 'Region Jämtland Härjedalen'" in conf
    assert "kommun_profile = 'region'" in conf
    assert "html_theme = 'alabaster'" in conf


def test_init_writes_a_project_for_the_profile(tmp_path: Path) -> None:
    target = tmp_path / "vasterbotten"
    assert (
        kommun(
            "init",
            target,
            "--kommun",
            "Region Västerbotten",
            "--profil",
            "region",
            "--tema",
            "furo",
        )
        == 0
    )
    conf = (target / "conf.py").read_text(encoding="utf-8")
    assert "kommun_profile = 'region'" in conf
    assert "kommun_municipality = 'Region Västerbotten'" in conf
    assert "html_theme = 'furo'" in conf
    assert "html_sidebars" not in conf.replace("no html_sidebars", "")
    index = (target / "index.rst").read_text(encoding="utf-8")
    assert index.startswith("Handlingar – Region Västerbotten\n")
    assert ":caption: Ärenden" in index and ":caption: Sammanträden" in index
    assert (target / "sammantraden").is_dir() and (target / "arenden").is_dir()
    workflow = (target / ".github" / "workflows" / "handlingar.yml").read_text()
    steps = yaml.safe_load(workflow)["jobs"]["handlingar"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands[1:] == [
        "pip install sphinx-kommun furo",
        "sphinx-kommun check --format github",
        "sphinx-kommun build -W",
    ]
    assert "latexmk" in commands[0]
    # the region's own words are the defaults of the new documents
    assert kommun("new", "arende", "RS 2024/0417", "--dir", target) == 0
    page = target / "arenden" / "rs-2024-0417" / "index.rst"
    assert ":ansvarig: Regionstyrelsen" in page.read_text(encoding="utf-8")
    assert kommun("new", "sammantrade", "2024-06-18", "--dir", target) == 0
    meeting = target / "sammantraden" / "regionfullmäktige-2024-06-18.rst"
    assert meeting.read_text(encoding="utf-8").startswith(
        "Regionfullmäktige 18 juni 2024\n"
    )


def test_init_asks_nothing_off_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # no municipality and nobody to ask: a usage error that says what to give
    assert kommun("init", tmp_path / "p") == 2
    assert "--kommun" in capsys.readouterr().err
    assert not (tmp_path / "p" / "conf.py").exists()
    # Stockholm's profile names its city
    assert kommun("init", tmp_path / "p", "--profil", "stockholm") == 0
    conf = (tmp_path / "p" / "conf.py").read_text(encoding="utf-8")
    assert "kommun_municipality = 'Stockholms stad'" in conf
    # and an existing project is left alone
    assert kommun("init", tmp_path / "p", "--kommun", "Umeå kommun") == 1
    assert "Stockholms stad" in (tmp_path / "p" / "conf.py").read_text(encoding="utf-8")


def test_an_empty_project_builds_clean(tmp_path: Path) -> None:
    assert kommun("init", tmp_path / "tom", "--kommun", "Västerås stad") == 0
    assert kommun("check", tmp_path / "tom") == 0
    assert kommun("build", tmp_path / "tom", "-W", "--utan-pdf") == 0
    assert (tmp_path / "tom" / "_build" / "html" / "index.html").is_file()
    # and with sphinx-build itself, as the README's Sphinx sections do it
    sphinx_build = subprocess.run(
        [Path(sys.executable).parent / "sphinx-build", "-W", "-q", "-b", "html",
         tmp_path / "tom", tmp_path / "sphinx-build"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert sphinx_build.returncode == 0, sphinx_build.stderr
    assert sphinx_build.stderr == ""


# -- new, check, build --------------------------------------------------------


def test_init_new_check_build(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The acceptance: init, new ×5, check names what is left to write,
    the clerk writes it, check and build -W are clean."""
    assert (
        kommun(
            "new",
            "yttrande",
            DNR,
            "--instans",
            "miljö- och hälsoskyddsnämnden",
            "--forvaltning",
            "Miljö- och hälsoskyddskontoret",
            "--datum",
            "2024-04-02",
            "--sammanfattning",
            "ser positivt på förslaget",
            "--stallning",
            "tillstyrker",
        )
        == 0
    )
    assert (
        kommun(
            "new",
            "reservation",
            DNR,
            "--typ",
            "särskilt uttalande",
            "--organ",
            "Miljö- och hälsoskyddsnämnden",
            "--forfattare",
            "Anna Berg (V)",
            "--datum",
            "2024-04-18",
        )
        == 0
    )
    assert (
        kommun(
            "new",
            "sammantrade",
            "2024-06-10",
            "--arende",
            DNR,
            "--tid",
            "18.00",
            "--plats",
            "Rådhuset, sessionssalen",
        )
        == 0
    )
    yttrande = ARENDE / "yttranden" / "miljö-och-hälsoskyddsnämnden.rst"
    reservation = ARENDE / "reservationer" / "särskilt-uttalande-anna-berg.rst"
    # the instans as the remiss spells it, each file in its toctree
    assert ".. yttrande:: Miljö- och hälsoskyddsnämnden\n" in yttrande.read_text(
        encoding="utf-8"
    )
    toctree = (ARENDE / "index.rst").read_text(encoding="utf-8")
    assert toctree.endswith(
        "   remiss\n   yttranden/miljö-och-hälsoskyddsnämnden\n"
        "   reservationer/särskilt-uttalande-anna-berg\n"
    )
    assert "   sammantraden/kommunfullmäktige-2024-06-10\n" in Path(
        "index.rst"
    ).read_text(encoding="utf-8")

    # what the clerk has still to write, at its file and line
    status, found = check_json(capsys)
    assert status == 1
    assert [(w["file"], w["line"], w["type"], w["subtype"]) for w in found] == [
        (reservation.as_posix(), 6, "kommun", "missing"),
        (yttrande.as_posix(), 6, "kommun", "missing"),
    ]
    assert "saknar text" in str(found[0]["message"])

    append(
        yttrande,
        "\n   Förslag till beslut\n   -------------------\n\n"
        "   Nämnden tillstyrker förslaget.\n\n"
        "   Synpunkter och förslag\n   ----------------------\n\n"
        "   Gården bör skyddas mot buller från Ersbodavägen.\n",
    )
    append(reservation, "\n   Förskolan bör byggas med solceller på taket.\n")
    assert check_json(capsys) == (0, [])
    assert kommun("check") == 0
    assert "inga varningar" in capsys.readouterr().out

    assert kommun("build", "-W") == 0
    said = capsys.readouterr().out
    html = project / "_build" / "html"
    assert "Gården bör skyddas" in html_text(html / yttrande.with_suffix(".html"))
    assert "Förskolan bör byggas med solceller" in html_text(
        html / reservation.with_suffix(".html")
    )
    assert sorted(p.name for p in (html / "pdf").glob("*.pdf")) == [
        "kommunfullmaktige-2024-06-10.pdf",
        "ks-2024-0123.pdf",
    ]
    # the PDFs after the HTML read nothing: one environment
    assert re.search(r"HTML: .* \(6 lästa, 6 skrivna\)", said), said
    assert re.search(r"PDF: 2 i .* \(0 lästa\)", said), said


def test_the_arende_page_names_its_list_of_pages_once(project: Path) -> None:
    """The page new writes: the overview table is "Handlingar i ärendet",
    the toctree below it another heading, not the same one twice."""
    assert kommun("build", "-W", "--utan-pdf") == 0
    page = html_text(project / "_build" / "html" / ARENDE / "index.html")
    assert page.count("Handlingar i ärendet") == 1
    assert "Sidor i ärendet Remiss" in page


def test_build_with_w_fails_on_a_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(ARENDE / "remiss.rst", ":svar-senast: 2024-04-30", ":svar-senast: 2024-04-31")
    assert kommun("build", "-W", "--utan-pdf") == 1
    err = capsys.readouterr().err
    assert f"{ARENDE.as_posix()}/remiss.rst:" in err
    assert "2024-04-31" in err and "[kommun.date]" in err
    assert err.endswith("bygget misslyckades: 1 varning\n")
    # off a terminal: no progress bar, no colour
    assert "\r" not in err and "\033[" not in err
    # without -W the build goes through and says what it found
    assert kommun("build", "--utan-pdf") == 0


def test_check_annotates_for_github_actions(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(ARENDE / "remiss.rst", ":svar-senast: 2024-04-30", ":svar-senast: 30 april")
    capsys.readouterr()
    assert kommun("check", "--format", "github") == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith(
        f"::warning file={ARENDE.as_posix()}/remiss.rst,line=8,title=kommun.date::"
    )


def test_yttrande_instans_is_checked_against_the_remiss(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert kommun("new", "yttrande", DNR, "--instans", "Byggnadsnämnden") == 1
    err = capsys.readouterr().err
    assert "'Byggnadsnämnden' står inte i remissen" in err
    assert "Barn- och utbildningsnämnden; Miljö- och hälsoskyddsnämnden" in err
    assert not (ARENDE / "yttranden").exists()
    # a second answer of one instans is refused
    assert (
        kommun("new", "yttrande", DNR, "--instans", "Barn- och utbildningsnämnden") == 0
    )
    assert (
        kommun("new", "yttrande", DNR, "--instans", "barn- och utbildningsnämnden") == 1
    )
    assert "har redan ett yttrande" in capsys.readouterr().err
    # an ärende without remiss, and one that does not exist
    assert kommun("new", "arende", "KS 2024/0200") == 0
    assert kommun("new", "yttrande", "KS 2024/0200", "--instans", "Kulturnämnden") == 1
    assert "new remiss 'KS 2024/0200'" in capsys.readouterr().err
    assert (
        kommun("new", "reservation", "KS 2024/9999", "--organ", "Kommunstyrelsen") == 1
    )
    assert "ärendet KS 2024/9999 finns inte" in capsys.readouterr().err


def test_a_remiss_written_in_markdown_names_the_instanser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A remiss in MyST with its options as a YAML block, in Linköping."""
    folder = tmp_path / "linkoping"
    assert kommun("init", folder, "--kommun", "Linköpings kommun") == 0
    edit(folder / "conf.py", '["sphinx_kommun"]', '["myst_parser", "sphinx_kommun"]')
    assert kommun("new", "arende", "SBN-2023-00417", "--dir", folder) == 0
    arende = folder / "arenden" / "sbn-2023-00417"
    (arende / "remiss.md").write_text(
        "# Remiss\n\n"
        "```{remiss} Remiss om cykelparkering\n"
        "---\n"
        "dnr: SBN-2023-00417\n"
        "svar-senast: 2023-10-01\n"
        "instanser:\n"
        "  - Tekniska nämnden\n"
        "  - Kultur- och fritidsnämnden\n"
        "---\n"
        "Samhällsbyggnadsnämnden remitterar riktlinjerna.\n"
        "```\n",
        encoding="utf-8",
    )
    edit(
        arende / "index.rst",
        "Sidor i ärendet\n",
        "Sidor i ärendet\n\n   remiss\n",
    )
    capsys.readouterr()
    assert (
        kommun(
            "new",
            "yttrande",
            "SBN-2023-00417",
            "--instans",
            "Byggnadsnämnden",
            "--dir",
            folder,
        )
        == 1
    )
    assert "Tekniska nämnden; Kultur- och fritidsnämnden" in capsys.readouterr().err
    assert (
        kommun(
            "new",
            "yttrande",
            "SBN-2023-00417",
            "--instans",
            "tekniska nämnden",
            "--dir",
            folder,
        )
        == 0
    )
    text = (arende / "yttranden" / "tekniska-nämnden.rst").read_text(encoding="utf-8")
    assert ".. yttrande:: Tekniska nämnden\n   :dnr: SBN-2023-00417\n" in text


def test_new_adds_to_a_start_page_in_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Västerås writes its start page in MyST: its toctree gets the ärende,
    and a second toctree is made for the meetings."""
    folder = tmp_path / "vasteras"
    assert kommun("init", folder, "--kommun", "Västerås stad") == 0
    edit(folder / "conf.py", '["sphinx_kommun"]', '["myst_parser", "sphinx_kommun"]')
    (folder / "index.rst").unlink()
    (folder / "index.md").write_text(
        "# Handlingar – Västerås stad\n\n"
        "```{toctree}\n:maxdepth: 1\n:caption: Ärenden\n```\n",
        encoding="utf-8",
    )
    assert kommun("new", "arende", "KS 2022/0456", "--dir", folder) == 0
    assert (
        kommun(
            "new",
            "sammantrade",
            "2022-11-07",
            "--arende",
            "KS 2022/0456",
            "--dir",
            folder,
        )
        == 0
    )
    assert (folder / "index.md").read_text(encoding="utf-8") == (
        "# Handlingar – Västerås stad\n\n"
        "```{toctree}\n:maxdepth: 1\n:caption: Ärenden\n"
        "arenden/ks-2022-0456/index\n```\n\n"
        "```{toctree}\n:maxdepth: 1\n:caption: Sammanträden\n\n"
        "sammantraden/kommunfullmäktige-2022-11-07\n```\n"
    )
    assert kommun("check", folder) == 0


def test_an_arende_of_several_diarienummer(tmp_path: Path) -> None:
    """Göteborg's kommunstyrelse handles three skrivelser in one ärende,
    its own dnr first: new documents belong to it by that one."""
    folder = tmp_path / "goteborg"
    assert kommun("init", folder, "--kommun", "Göteborgs Stad") == 0
    page = folder / "arenden" / "0456-21" / "index.rst"
    page.parent.mkdir(parents=True)
    page.write_text(
        "Skrivelser om trygghet\n======================\n\n"
        ".. arende:: 0456/21, 0398/21, 0412/21\n   :rubrik: Skrivelser om trygghet\n",
        encoding="utf-8",
    )
    assert (
        kommun(
            "new",
            "remiss",
            "0456/21",
            "--instans",
            "Social resursnämnd",
            "--dir",
            folder,
        )
        == 0
    )
    assert (
        kommun(
            "new",
            "yttrande",
            "0456/21",
            "--instans",
            "Social resursnämnd",
            "--dir",
            folder,
        )
        == 0
    )
    remiss = (page.parent / "remiss.rst").read_text(encoding="utf-8")
    assert "   :dnr: 0456/21\n" in remiss
    yttrande = page.parent / "yttranden" / "social-resursnämnd.rst"
    assert "   :dnr: 0456/21\n" in yttrande.read_text(encoding="utf-8")
    # the page had no toctree: one is added, with both
    assert page.read_text(encoding="utf-8").endswith(
        ".. toctree::\n   :maxdepth: 1\n\n   remiss\n   yttranden/social-resursnämnd\n"
    )


def test_new_checks_the_diarienummer_and_keeps_existing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kommun("init", tmp_path / "sthlm", "--profil", "stockholm") == 0
    folder = str(tmp_path / "sthlm")
    # Stockholm's form is "KS 2019/1899"; Linköping's form is not it
    assert kommun("new", "arende", "SBN-2023-00417", "--dir", folder) == 1
    assert "inget diarienummer" in capsys.readouterr().err
    assert kommun("new", "arende", "KS 2019/1899", "--dir", folder) == 0
    assert kommun("new", "arende", "KS 2019/1899", "--dir", folder) == 1
    assert "finns redan" in capsys.readouterr().err
    assert kommun("new", "sammantrade", "2021-03-15", "--dir", folder) == 0
    assert kommun("new", "sammantrade", "2021-03-15", "--dir", folder) == 1


def test_marked_options_are_what_check_reports(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Options not given are written empty, and the build names the ones
    that are required."""
    assert kommun("new", "reservation", DNR) == 0
    assert kommun("new", "sammantrade", "2024-09-02", "--organ", "Kommunstyrelsen") == 0
    text = (ARENDE / "reservationer" / "reservation.rst").read_text(encoding="utf-8")
    assert "   :organ:\n" in text and "   :forfattare:\n" in text
    status, found = check_json(capsys)
    assert status == 1
    messages = {(w["file"], w["message"]) for w in found}
    assert (
        "sammantraden/kommunstyrelsen-2024-09-02.rst",
        "sammanträdet har inga ärenden (:arenden:)",
    ) in messages
    reservation = (ARENDE / "reservationer" / "reservation.rst").as_posix()
    assert (reservation, "reservationen saknar författare (:forfattare:)") in messages
    assert (reservation, "reservationen anger varken :organ: eller :avser:") in messages


# -- an ärende's documents, from the motion to the protokoll --------------------

SUNDSVALL = "KS-2025-00312"
LADDPLATSER = Path("arenden") / "ks-2025-00312"
MEETING = Path("sammantraden") / "kommunfullmäktige-2025-06-16.rst"
REGISTER = """organ,namn,parti,uppdrag,roll,från,till
Kommunfullmäktige,Karin Sjölund,S,ledamot,ordförande,,
Kommunfullmäktige,Jonas Hedlund,M,ledamot,,,
Kommunfullmäktige,Maria Sjödin,C,ledamot,,,
Kommunfullmäktige,Anders Öberg,V,ledamot,,,
Kommunfullmäktige,Lena Byström,SD,ledamot,,,
Kommunfullmäktige,Per Wikström,S,ersättare,,,
"""


@pytest.fixture
def sundsvall(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sundsvalls kommun's project with its register of fullmäktige's
    members and a motion's ärende."""
    assert kommun("init", tmp_path / "sundsvall", "--kommun", "Sundsvalls kommun") == 0
    monkeypatch.chdir(tmp_path / "sundsvall")
    Path("ledamoter.csv").write_text(REGISTER, encoding="utf-8")
    append(Path("conf.py"), 'kommun_ledamoter = "ledamoter.csv"\n')
    rubrik = "Motion om laddplatser vid kommunens idrottsanläggningar"
    assert kommun("new", "arende", SUNDSVALL, "--rubrik", rubrik) == 0
    return tmp_path / "sundsvall"


def new(*argv: str) -> None:
    assert kommun("new", *argv) == 0, argv


def test_an_arende_from_motion_to_protokoll(
    sundsvall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The acceptance: every document of an ordinary ärende and its
    meeting from the command line, and check and build -W are clean."""
    new("motion", SUNDSVALL, "--motionar", "Maria Sjödin", "--motionar",
        "Erik Lindström", "--parti", "C", "--inlamnad", "2025-02-24",
        "--nummer", "2025:4", "--att-sats",
        "att kommunen bygger laddplatser vid alla idrottsanläggningar senast 2027,",
        "--att-sats", "att laddplatserna får el från kommunens egna solceller.")  # fmt: skip
    new("remiss", SUNDSVALL, "--instans", "Kultur- och fritidsnämnden",
        "--datum", "2025-03-10", "--svar-senast", "2025-05-15")  # fmt: skip
    new("yttrande", SUNDSVALL, "--instans", "kultur- och fritidsnämnden",
        "--forvaltning", "Kultur- och fritidsförvaltningen", "--datum",
        "2025-04-14", "--sammantrade", "2025-04-29", "--sammanfattning",
        "tillstyrker laddplatserna men inte kravet på egna solceller",
        "--stallning", "1: tillstyrker; 2: avstyrker")  # fmt: skip
    new("tjansteskrivelse", SUNDSVALL, "--forvaltning", "Kommunstyrelsekontoret",
        "--datum", "2025-05-19", "--handlaggare", "Elin Håkansson, utredare",
        "--undertecknare", "Peter Nordin, kommundirektör",
        "--forslag", "1: bifall; 2: avslag")  # fmt: skip
    new("utlatande", SUNDSVALL, "--foredragande", "Anna Forsberg", "--datum",
        "2025-06-02", "--ort", "Sundsvall", "--undertecknare",
        "Anna Forsberg, kommunstyrelsens ordförande")  # fmt: skip
    new("beslut", SUNDSVALL, "--datum", "2025-06-16", "--utfall", "enligt förslaget")
    new("sammantrade", "2025-06-16", "--arende", SUNDSVALL, "--tid", "18.00",
        "--plats", "Sundsvalls stadshus, sessionssalen")  # fmt: skip
    new("kallelse", "2025-06-16", "--skickas", "2025-06-02")
    new("protokoll", "2025-06-16", "--sekreterare", "Lena Östlund",
        "--justerare", "Jonas Hedlund (M)", "--justerare", "Anders Öberg (V)",
        "--justering", "2025-06-19, Sundsvalls stadshus", "--anslag", "2025-06-20",
        "--forvaringsplats", "Kommunstyrelsekontoret, Sundsvalls stadshus")  # fmt: skip

    motion = (LADDPLATSER / "motion.rst").read_text(encoding="utf-8")
    assert (
        ".. motion:: Motion om laddplatser vid kommunens idrottsanläggningar\n"
        in motion
    )
    assert (
        "   :motionarer:\n      Maria Sjödin (C)\n      Erik Lindström (C)\n" in motion
    )
    assert motion.count("   .. yrkande::\n") == 2
    # the utlåtande: fullmäktige decides, a keyword per att-sats to write in,
    # the Beredning generated from the remiss
    utlatande = LADDPLATSER / "utlatande.rst"
    text = utlatande.read_text(encoding="utf-8")
    assert (
        ".. utlatande:: Svar på motion om laddplatser vid kommunens "
        "idrottsanläggningar\n"
    ) in text
    assert "   :organ: Kommunstyrelsen\n   :till: Kommunfullmäktige\n" in text
    assert "   :forslag:\n      1:\n      2:\n" in text
    assert "   .. beredning::\n" in text
    beslut = (LADDPLATSER / "beslut-kommunfullmäktige.rst").read_text(encoding="utf-8")
    assert "   :organ: Kommunfullmäktige\n" in beslut  # the utlåtande's :till:
    assert (
        (LADDPLATSER / "index.rst")
        .read_text(encoding="utf-8")
        .endswith(
            "   motion\n   remiss\n   yttranden/kultur-och-fritidsnämnden\n"
            "   tjansteskrivelse\n   utlatande\n   beslut-kommunfullmäktige\n"
        )
    )
    # the kallelse before the föredragningslista, the protokoll in the
    # meeting's toctree with the sammanträde's facts and a § per ärende
    page = MEETING.read_text(encoding="utf-8")
    assert page.index(".. kallelse::") < page.index(".. sammantrade::")
    assert page.endswith("   kommunfullmäktige-2025-06-16-protokoll\n")
    protokoll = MEETING.with_name("kommunfullmäktige-2025-06-16-protokoll.rst")
    minutes = protokoll.read_text(encoding="utf-8")
    assert minutes.startswith("Kommunfullmäktiges protokoll 16 juni 2025\n")
    assert "   :tid: 18.00\n   :plats: Sundsvalls stadshus, sessionssalen\n" in minutes
    # the ledamöter from the register, the § its ärende's beslut
    assert (
        "   :ledamoter:\n      Karin Sjölund (S)\n      Jonas Hedlund (M)\n" in minutes
    )
    assert (
        "   .. paragraf:: Motion om laddplatser vid kommunens idrottsanläggningar\n"
        f"      :dnr: {SUNDSVALL}\n      :utfall: enligt förslaget\n"
    ) in minutes

    # what is left for the clerk: the yttrande's text and the keywords
    status, found = check_json(capsys)
    assert status == 1
    yttrande = LADDPLATSER / "yttranden" / "kultur-och-fritidsnämnden.rst"
    assert [(w["file"], w["line"], w["subtype"]) for w in found] == [
        (utlatande.as_posix(), 15, "missing"),
        (utlatande.as_posix(), 15, "missing"),
        (yttrande.as_posix(), 6, "missing"),
        # the register's ersättare, until the clerk knows whom he served for
        (protokoll.as_posix(), 15, "missing"),
        # until the keywords are written, "enligt förslaget" decides nothing
        (protokoll.as_posix(), 32, "undecided"),
        (protokoll.as_posix(), 32, "undecided"),
    ]
    assert found[0]["message"] == (
        "nummer 1 i 'forslag' saknar ord; kända är bifall, delvis bifall, "
        "avslag, anses besvarad, återremiss"
    )
    append(
        yttrande,
        "\n   Förslag till beslut\n   -------------------\n\n"
        "   Nämnden tillstyrker att-sats 1 och avstyrker att-sats 2.\n\n"
        "   Synpunkter och förslag\n   ----------------------\n\n"
        "   Laddplatser vid Nordichallen och Baldershov behövs, men solceller "
        "på varje anläggning är för dyrt.\n",
    )
    edit(utlatande, "      1:\n      2:\n", "      1: bifall\n      2: avslag\n")
    # every ledamot came: the ersättare did not serve
    edit(protokoll, "      Per Wikström (S)\n", "")
    assert check_json(capsys) == (0, [])
    assert kommun("build", "--utan-pdf", "-W") == 0
    html = sundsvall / "_build" / "html"
    shown = html_text(html / protokoll.with_suffix(".html"))
    assert "Val av justerare" in shown
    assert "Kommunfullmäktige utser Jonas Hedlund (M) och Anders Öberg (V)" in shown
    kallelse = html_text(html / MEETING.with_suffix(".html"))
    assert "Kallelse till sammanträde med kommunfullmäktige" in kallelse
    assert "Karin Sjölund" in kallelse  # the ordförande signs
    assert "Erik Lindström" in html_text(html / LADDPLATSER / "motion.html")


def test_new_documents_take_their_values_from_the_project(
    sundsvall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A medborgarförslag and a skrivelse, each with its own dnr, in one
    ärende: a keyword per document or att-sats to write in, the beslut on
    the meeting's day, the § of an undecided ärende left for the clerk, and
    what is not given marked for check."""
    new("medborgarforslag", SUNDSVALL, "--eget-dnr", "KS-2025-00330",
        "--forslagsstallare", "Sara Nyberg",
        "--rubrik", "Medborgarförslag om laddplatser i Stenstan")  # fmt: skip
    new("skrivelse", SUNDSVALL, "--eget-dnr", "KS-2025-00341", "--forfattare",
        "Jonas Hedlund (M)", "--organ", "Kommunstyrelsen", "--att-sats",
        "att laddplatserna byggs vid Nordichallen först,", "--att-sats",
        "att föreningarna får ladda sina fordon utan kostnad.")  # fmt: skip
    new("tjansteskrivelse", SUNDSVALL)
    new("motion", SUNDSVALL)  # nothing given
    new("sammantrade", "2025-09-22", "--organ", "Kommunstyrelsen",
        "--arende", SUNDSVALL)  # fmt: skip
    new("beslut", SUNDSVALL)
    new("protokoll", "2025-09-22")
    folder = LADDPLATSER
    tjansteskrivelse = (folder / "tjansteskrivelse.rst").read_text(encoding="utf-8")
    # addressed to the ärende's ansvarig, a keyword per document to write in
    assert "   :till: Kommunstyrelsen\n" in tjansteskrivelse
    assert (
        "   :forslag:\n      KS-2025-00330:\n      KS-2025-00341:1:\n"
        "      KS-2025-00341:2:\n"
    ) in tjansteskrivelse
    skrivelse = (folder / "skrivelse.rst").read_text(encoding="utf-8")
    assert "   :dnr: KS-2025-00312, KS-2025-00341\n" in skrivelse
    beslut = (folder / "beslut-kommunstyrelsen.rst").read_text(encoding="utf-8")
    assert "   :organ: Kommunstyrelsen\n   :datum: 2025-09-22\n" in beslut
    assert "   :utfall:\n" in beslut
    motion = (folder / "motion.rst").read_text(encoding="utf-8")
    assert "   :motionarer:\n" in motion and "   .. yrkande::\n" in motion
    minutes = MEETING.with_name("kommunstyrelsen-2025-09-22-protokoll.rst")
    assert "      :utfall:\n" in minutes.read_text(encoding="utf-8")
    capsys.readouterr()
    assert kommun("new", "kallelse", "2025-10-01") == 1
    assert "new sammantrade 2025-10-01" in capsys.readouterr().err
    assert kommun("new", "kallelse", "2025-09-22") == 0
    assert "Kommunstyrelsen finns inte i registret" in capsys.readouterr().err
    assert kommun("new", "kallelse", "2025-09-22") == 1
    status, found = check_json(capsys)
    assert status == 1
    messages = {(w["file"], w["line"], w["message"]) for w in found}
    motion_file = (folder / "motion.rst").as_posix()
    assert (motion_file, 9, "Motion saknar författare (:motionarer:)") in messages
    assert (motion_file, 13, "att-sats 1 är tom") in messages
    # each keyword left to write in, at the :forslag: line
    left = sorted(
        message.split(" i 'forslag'")[0]
        for file, line, message in messages
        if file == (folder / "tjansteskrivelse.rst").as_posix() and line == 13
    )
    assert left == [
        "uppgiften för KS-2025-00330",
        "uppgiften för KS-2025-00341:1",
        "uppgiften för KS-2025-00341:2",
    ]
    assert (
        (folder / "tjansteskrivelse.rst").as_posix(),
        6,
        "tjänsteskrivelsen anger inte :forvaltning:",
    ) in messages
    assert (
        "sammantraden/kommunstyrelsen-2025-09-22-protokoll.rst",
        4,
        "protokollet saknar tjänstgörande ledamöter (:ledamoter:)",
    ) in messages


def test_kallelse_and_protokoll_on_a_meeting_page_in_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Linköping writes its meeting pages in MyST, and two bodies meet on
    12 March 2024: --organ chooses, the kallelse is a fence before the
    sammanträde's, the protokoll is listed in a MyST toctree."""
    folder = tmp_path / "linkoping"
    assert kommun("init", folder, "--kommun", "Linköpings kommun") == 0
    edit(folder / "conf.py", '["sphinx_kommun"]', '["myst_parser", "sphinx_kommun"]')
    assert kommun("new", "arende", "SBN-2023-00417", "--dir", folder,
                  "--ansvarig", "Samhällsbyggnadsnämnden") == 0  # fmt: skip
    page = folder / "sammantraden" / "samhällsbyggnadsnämnden-2024-03-12.md"
    page.write_text(
        "# Samhällsbyggnadsnämnden 12 mars 2024\n\n"
        "```{sammantrade}\n:organ: Samhällsbyggnadsnämnden\n:datum: 2024-03-12\n"
        ":tid: 08.30\n:plats: Stadshuset, Linköping\n:arenden: SBN-2023-00417\n```\n",
        encoding="utf-8",
    )
    edit(folder / "index.rst", ":caption: Sammanträden\n",
         ":caption: Sammanträden\n\n   sammantraden/samhällsbyggnadsnämnden-2024-03-12\n")  # fmt: skip
    assert kommun("new", "sammantrade", "2024-03-12", "--organ", "Kommunstyrelsen",
                  "--arende", "SBN-2023-00417", "--dir", folder) == 0  # fmt: skip
    capsys.readouterr()
    assert kommun("new", "kallelse", "2024-03-12", "--dir", folder) == 1
    assert "flera sammanträden den 2024-03-12 (Kommunstyrelsen; " in (
        capsys.readouterr().err
    )
    assert kommun("new", "kallelse", "2024-03-12", "--organ", "samhällsbyggnadsnämnden",
                  "--skickas", "2024-02-27", "--undertecknare",
                  "Karin Ek, ordförande", "--dir", folder) == 0  # fmt: skip
    assert kommun("new", "protokoll", "2024-03-12", "--organ", "Samhällsbyggnadsnämnden",
                  "--ledamot", "Karin Ek (M)", "--ledamot", "Nils Borg (S)",
                  "--dir", folder) == 0  # fmt: skip
    assert page.read_text(encoding="utf-8") == (
        "# Samhällsbyggnadsnämnden 12 mars 2024\n\n"
        "```{kallelse}\n:datum: 2024-02-27\n:undertecknare:\n  Karin Ek, ordförande\n"
        "```\n\n"
        "```{sammantrade}\n:organ: Samhällsbyggnadsnämnden\n:datum: 2024-03-12\n"
        ":tid: 08.30\n:plats: Stadshuset, Linköping\n:arenden: SBN-2023-00417\n```\n\n"
        "```{toctree}\n:maxdepth: 1\n\nsamhällsbyggnadsnämnden-2024-03-12-protokoll\n```\n"
    )
    minutes = page.with_name("samhällsbyggnadsnämnden-2024-03-12-protokoll.rst")
    assert "   :tid: 08.30\n   :plats: Stadshuset, Linköping\n" in minutes.read_text(
        encoding="utf-8"
    )
    capsys.readouterr()
    assert kommun("check", "--format", "json", folder) == 1
    found = json.loads(capsys.readouterr().out)
    # no register of members: the kallelse names no one summoned, and the
    # §'s outcome is left for the clerk; nothing else
    assert sorted((w["file"], w["subtype"], w["message"]) for w in found) == [
        (
            minutes.relative_to(folder).as_posix(),
            "missing",
            "beslutet saknar utfall (:utfall:)",
        ),
        (
            page.relative_to(folder).as_posix(),
            "register",
            "Samhällsbyggnadsnämnden finns inte i registret (kommun_ledamoter): "
            "kallelsen namnger inga ledamöter",
        ),
    ]


# -- import -------------------------------------------------------------------


def word_answer(path: Path, *, header: str = "body") -> Path:
    """A förvaltning's answer as Word writes it: a header table (in the
    ``body``, in the ``page`` header, or none), a title, headings, bold, a
    bulleted list with a nested item, a numbered list, a table and a link."""
    document = docx.Document()
    if header:
        table = (
            document.add_table(rows=0, cols=2)
            if header == "body"
            else document.sections[0].header.add_table(0, 2, docx.shared.Cm(16))
        )
        for label, value in [
            ("Nämnd", "Miljö- och hälsoskyddsnämnden"),
            ("Förvaltning", "Miljö- och hälsoskyddskontoret"),
            ("Datum", "2 april 2024"),
            ("Diarienummer", DNR),
            ("Handläggare", "Karin Lund, miljöinspektör"),
        ]:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    document.add_paragraph("Yttrande över förslaget om förskola på Ersboda", "Title")
    document.add_heading("Förslag till beslut", 1)
    document.add_paragraph("Miljö- och hälsoskyddsnämnden tillstyrker förslaget.")
    document.add_heading("Synpunkter och förslag", 1)
    paragraph = document.add_paragraph("Förvaltningen ser ")
    paragraph.add_run("positivt").bold = True
    paragraph.add_run(" på förslaget men påpekar *två* saker:")
    document.add_paragraph("bullret vid gården", "List Bullet")
    document.add_paragraph("trafiken på Ersbodavägen", "List Bullet")
    document.add_paragraph("särskilt morgontid", "List Bullet 2")
    document.add_paragraph("Förvaltningen föreslår:")
    document.add_paragraph("mät bullret vid gården", "List Number")
    document.add_paragraph("sänk hastigheten till 30 km/h", "List Number")
    table = document.add_table(rows=3, cols=2)
    for row, values in zip(
        table.rows,
        [("Mätpunkt", "dB(A)"), ("Gården", "52"), ("Entrén", "58")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = values
    document.add_paragraph("1. Så står det i mätprotokollet.")
    paragraph = document.add_paragraph("Läs mer i ")
    add_link(paragraph, "bullerutredningen", "https://www.umea.se/buller")
    paragraph.add_run(" från 2023.")
    document.save(str(path))
    return path


def add_link(paragraph: Paragraph, text: str, url: str) -> None:
    """A hyperlink as Word writes one (python-docx reads but does not write
    them)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    relation = paragraph.part.relate_to(
        url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    written = OxmlElement("w:t")
    written.text = text
    run.append(written)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def test_import_makes_a_yttrande_of_a_word_answer(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = word_answer(tmp_path / "svar från miljö.docx")
    assert kommun("import", answer) == 0  # the header names the ärende
    path = ARENDE / "yttranden" / "miljö-och-hälsoskyddsnämnden.rst"
    text = path.read_text(encoding="utf-8")
    assert (
        ".. yttrande:: Miljö- och hälsoskyddsnämnden\n   :dnr: KS 2024/0123\n" in text
    )
    assert "   :forvaltning: Miljö- och hälsoskyddskontoret\n" in text
    assert "   :datum: 2024-04-02\n" in text
    assert "   :handlaggare: Karin Lund, miljöinspektör\n" in text
    assert "   :rubrik: Yttrande över förslaget om förskola på Ersboda\n" in text
    assert "yttranden/miljö-och-hälsoskyddsnämnden" in (ARENDE / "index.rst").read_text(
        encoding="utf-8"
    )
    # the one thing Word does not say is marked for the clerk
    status, found = check_json(capsys)
    assert status == 1
    assert [(w["file"], w["subtype"]) for w in found] == [(path.as_posix(), "missing")]
    edit(path, ":sammanfattning:", ":sammanfattning: ser positivt på förslaget")
    assert kommun("build", "-W", "--utan-pdf") == 0
    page = project / "_build" / "html" / path.with_suffix(".html")
    soup = page.read_text(encoding="utf-8")
    body = html_text(page)
    assert "Förvaltningen ser positivt på förslaget men påpekar *två* saker:" in body
    assert "<strong>positivt</strong>" in soup
    items = re.findall(r"<li><p>(.*?)</p>", soup)
    assert items == [
        "bullret vid gården",
        "trafiken på Ersbodavägen",
        "särskilt morgontid",
        "mät bullret vid gården",
        "sänk hastigheten till 30 km/h",
    ]
    assert re.search(r"<ul[^>]*>\s*<li><p>särskilt morgontid", soup)
    assert re.search(r"<ol[^>]*>\s*<li><p>mät bullret", soup)
    assert re.search(r"<th[^>]*><p>Mätpunkt</p></th>", soup)
    assert re.search(r"<td><p>Entrén</p></td>\s*<td><p>58</p></td>", soup)
    assert "1. Så står det i mätprotokollet." in body
    assert "Läs mer i bullerutredningen från 2023." in body
    assert (
        '<a class="reference external" href="https://www.umea.se/buller">bullerutredningen</a>'
        in soup
    )
    assert "Synpunkter och förslag" in body


def test_import_reads_a_header_table_in_the_page_header(
    project: Path, tmp_path: Path
) -> None:
    answer = word_answer(tmp_path / "sidhuvud.docx", header="page")
    assert kommun("import", answer) == 0
    text = (ARENDE / "yttranden" / "miljö-och-hälsoskyddsnämnden.rst").read_text(
        encoding="utf-8"
    )
    assert "   :forvaltning: Miljö- och hälsoskyddskontoret\n" in text
    assert "   :datum: 2024-04-02\n" in text
    # the page header's table is not the document's first table
    assert "      * - Mätpunkt\n        - dB(A)\n" in text


def png() -> bytes:
    """A one-pixel PNG image."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def test_import_without_a_header_table(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = word_answer(tmp_path / "svar.docx", header="")
    # no ärende known: the directive is printed for the clerk to place
    assert kommun("import", answer, "--instans", "Barn- och utbildningsnämnden") == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Yttrande från Barn- och utbildningsnämnden\n")
    assert "   - bullret vid gården\n" in printed
    assert "   .. list-table::\n      :header-rows: 1\n" in printed
    # with --arende it is placed, the instans as the remiss spells it
    assert (
        kommun(
            "import",
            answer,
            "--arende",
            DNR,
            "--instans",
            "barn- och utbildningsnämnden",
        )
        == 0
    )
    written = ARENDE / "yttranden" / "barn-och-utbildningsnämnden.rst"
    assert ".. yttrande:: Barn- och utbildningsnämnden\n" in written.read_text(
        encoding="utf-8"
    )
    # a picture cannot become reST: named, not dropped silently
    document = docx.Document(str(answer))
    document.add_paragraph().add_run().add_picture(io.BytesIO(png()))
    noted = document.add_paragraph("Mätningen gjordes i mars.")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    noted.add_run()._r.append(reference)
    document.save(str(tmp_path / "med-bild.docx"))
    assert (
        kommun("import", tmp_path / "med-bild.docx", "--instans", "Kulturnämnden") == 0
    )
    err = capsys.readouterr().err
    assert err == (
        "En bild i Word-filen togs inte med; den stod vid "
        "'Läs mer i bullerutredningen från 2023.'\n"
        "En fotnot i Word-filen togs inte med; den stod vid "
        "'Mätningen gjordes i mars.'\n"
    )
    assert kommun("import", tmp_path / "saknas.docx") == 1
    (tmp_path / "trasig.docx").write_text("inte en Word-fil", encoding="utf-8")
    assert kommun("import", tmp_path / "trasig.docx") == 1
    assert "kan inte läsas som en Word-fil" in capsys.readouterr().err


# -- serve --------------------------------------------------------------------


@pytest.fixture
def server(project: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``sphinx-kommun serve`` on a free port of 127.0.0.1."""
    process = subprocess.Popen(
        [SCRIPT, "serve", "--port", "0"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                yield process, found.group(0)
                break
        else:
            pytest.fail("serve printed no address")
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def test_serve_rebuilds_an_edited_page_and_reloads_it(
    project: Path, server: tuple[subprocess.Popen[str], str]
) -> None:
    process, address = server
    page = address + "arenden/ks-2024-0123/remiss.html"
    assert "Remiss" in get(page)
    assert "/__sphinx_kommun__/build" in get(page)  # the reload script
    assert get(address + "__sphinx_kommun__/build") == "1"
    edit(
        ARENDE / "remiss.rst",
        "   .. Skriv remissens följebrev här.",
        "   Kommunstyrelsen remitterar förslaget om en förskola på Ersboda.",
    )
    deadline = time.monotonic() + 120
    while get(address + "__sphinx_kommun__/build") == "1":
        assert time.monotonic() < deadline, "no rebuild after the edit"
        time.sleep(0.2)
    assert "remitterar förslaget om en förskola på Ersboda" in get(page)
    # what serve shows is what a fresh build gives, page for page
    served = project / "_build" / "preview" / "html"
    assert kommun("build", "--utan-pdf") == 0
    fresh = project / "_build" / "html"
    (fresh / "pdf").mkdir()
    (fresh / "pdf" / "ks-2024-0123.pdf").write_text(
        "%PDF-1.5 (byggd)", encoding="utf-8"
    )
    pages = sorted(p.relative_to(fresh) for p in fresh.rglob("*.html"))
    assert len(pages) > 5
    assert pages == sorted(p.relative_to(served) for p in served.rglob("*.html"))
    for name in pages:
        assert html_text(served / name) == html_text(fresh / name), name
    # a file the preview does not write comes from the last build
    assert get(address + "pdf/ks-2024-0123.pdf") == "%PDF-1.5 (byggd)"
    process.terminate()
    assert process.wait(timeout=30) == 0
    assert process.stdout is not None
    said = process.stdout.read()
    # one application in memory: the edit reread one file
    assert re.search(
        r"^bygge 2 klart på \d+,\d s: 1 lästa, \d+ skrivna$", said, re.M
    ), said


def test_serve_says_when_its_port_is_taken(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert kommun("serve", "--port", port) == 1
    assert f"kan inte lyssna på 127.0.0.1:{port}" in capsys.readouterr().err
