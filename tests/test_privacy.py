"""Privacy in what conf.py says and in the OParl export.

The project is Örebro's (tests/roots/test-orebro): a resident's
medborgarförslag in KS 2024/0381 with a tjänsteskrivelse and
fullmäktige's beslut, a motion by two ledamöter in KS 2024/0412, and a
register of fullmäktige's members.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import build_once, line_of, warning_lines, warnings_of

from .conftest import ROOTS, edit, html_text
from .test_oparl import TYPE, read_back, validate
from .test_publishing import output_text

BASE = "https://handlingar.orebro.example/oparl/"

# -- personnummer in conf.py ---------------------------------------------------------

#: What the kansli wrote into conf.py: the ansvarig utgivare's personnummer in
#: the project's name and the LaTeX title page, the registrator's in the
#: templates' context, the förslagsställare's and the handläggare's in
#: substitutions every page may use.
SETTINGS = '''
html_context = {"registrator": "Eva Sund, 790611-6152"}
latex_elements = {"releasename": "Ansvarig utgivare 551027-7394"}
rst_prolog = """
.. |forslagsstallare| replace:: Lina Öberg, 19870314-2482
"""
rst_epilog = """
.. |kontakt| replace:: Anders Wiklund, 920517-3868
"""
'''
#: Each number as the warning prints it, the setting and the last four digits.
NUMBERS = (
    ("551027-XXXX", "project", "7394"),
    ("790611-XXXX", "html_context", "6152"),
    ("551027-XXXX", "latex_elements", "7394"),
    ("19870314-XXXX", "rst_prolog", "2482"),
    ("920517-XXXX", "rst_epilog", "3868"),
)


def conf_case(src: Path) -> Path:
    conf = src / "conf.py"
    edit(
        conf,
        'project = "Örebro kommuns handlingar"',
        'project = "Örebro kommuns handlingar, ansvarig utgivare Per Lund 551027-7394"',
    )
    conf.write_text(conf.read_text("utf-8") + SETTINGS, "utf-8")
    edit(
        src / "badplats.rst",
        "   att kommunen anlägger en badplats med brygga vid Karlslund.\n",
        "   att kommunen anlägger en badplats med brygga vid Karlslund.\n\n"
        "   Förslagsställare: |forslagsstallare|.\n",
    )
    edit(
        src / "badplats.rst",
        "och Karlslund är en av de platser som utreds.\n",
        "och Karlslund är en av de platser som utreds.\n\n   Kontakt: |kontakt|.\n",
    )
    return src


def expected_warnings(src: Path) -> list[str]:
    conf = src / "conf.py"
    message = (
        "ser ut som ett personnummer; maskera det där (den publicerade versionen "
        "maskerar det) [kommun.personnummer]"
    )
    found = []
    for masked, setting, digits in NUMBERS:
        # the line the number is written on, from where the setting is set
        start = line_of(conf, f"{setting} =")
        lines = conf.read_text("utf-8").splitlines()
        line = next(n for n in range(start, len(lines) + 1) if digits in lines[n - 1])
        found.append(
            f"conf.py:{line}: WARNING: '{masked}' i {setting} i conf.py {message}"
        )
    return found


def holding(files: dict[str, bytes], digits: str) -> list[str]:
    """The files holding ``digits`` as a number of their own (not inside a
    hash or another number)."""
    found = re.compile(rb"(?<![0-9a-fA-F])" + digits.encode() + rb"(?![0-9a-fA-F])")
    return [name for name, data in files.items() if found.search(data)]


def every_file(*directories: Path) -> dict[str, bytes]:
    """Every file written below ``directories``: objects.inv unpacked, the
    doctrees and the pickled environment as they are."""
    found: dict[str, bytes] = {}
    for directory in directories:
        for name, text in output_text(directory).items():
            found[str(directory / name)] = text.encode()
        for path in directory.rglob("*"):
            if path.is_file() and path.suffix in (".doctree", ".pickle"):
                found[str(path)] = path.read_bytes()
    return found


def test_a_personnummer_in_conf_py_is_warned_about_and_masked_in_every_file(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = conf_case(project_copy("orebro"))
    html = build(src)
    latex = build(src, "latex", builddir=src / "_latex")
    assert warning_lines(html) == warning_lines(latex) == expected_warnings(src)
    page = html_text(html.outdir / "badplats.html")
    # printed where the substitution is used, masked like a number written there
    assert "Förslagsställare: Lina Öberg, 19870314-XXXX." in page
    assert "Kontakt: Anders Wiklund, 920517-XXXX." in page
    head = (html.outdir / "badplats.html").read_text("utf-8")
    assert "Örebro kommuns handlingar, ansvarig utgivare Per Lund 551027-XXXX" in head
    tex = "".join(p.read_text("utf-8") for p in latex.outdir.glob("*.tex"))
    assert r"Lina Öberg, 19870314\sphinxhyphen{}XXXX" in tex
    assert "Ansvarig utgivare 551027-XXXX" in tex
    files = every_file(src / "_build", src / "_latex")
    assert any(name.endswith("environment.pickle") for name in files)
    assert any(name.endswith("objects.inv") for name in files)
    assert any(name.endswith(".tex") for name in files)
    for _masked, _setting, digits in NUMBERS:
        assert holding(files, digits) == [], digits


def test_a_masked_conf_py_rereads_nothing_in_the_next_build(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = conf_case(project_copy("orebro"))
    build(src)
    again = build(src)
    status = again._status.getvalue()
    assert "config changed" not in status
    assert "0 added, 0 changed, 0 removed" in status
    assert warning_lines(again) == expected_warnings(src)


def test_an_internal_build_warns_once_at_conf_py_and_shows_the_number(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = conf_case(project_copy("orebro"))
    app = build(src, confoverrides={"kommun_publication": "internal"})
    # the pages that print a substitution do not warn again
    assert warning_lines(app) == expected_warnings(src)
    page = html_text(app.outdir / "badplats.html")
    assert "Förslagsställare: Lina Öberg, 19870314-2482." in page


def test_a_personnummer_marked_in_rst_prolog_is_no_warning_and_masked(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("orebro")
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text("utf-8")
        + 'rst_prolog = """\n.. |forslagsstallare| replace:: '
        + ':personuppgift:`Lina Öberg, Adolfsbergsvägen 12, 19870314-2482`\n"""\n',
        "utf-8",
    )
    edit(
        src / "badplats.rst",
        "   Många örebroare badar",
        "   Förslagsställare: |forslagsstallare|.\n\n   Många örebroare badar",
    )
    app = build(src)
    assert warnings_of(app) == ""
    page = html_text(app.outdir / "badplats.html")
    assert "Förslagsställare: [personuppgift]." in page
    files = every_file(src / "_build")
    for value in ("Adolfsbergsvägen", "2482"):
        assert holding(files, value) == [], value


def test_a_personnummer_in_myst_substitutions_is_masked_on_the_markdown_page(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("orebro")
    conf = src / "conf.py"
    edit(
        conf,
        'extensions = ["sphinx_kommun"]',
        'extensions = ["myst_parser", "sphinx_kommun"]',
    )
    conf.write_text(
        conf.read_text("utf-8")
        + 'myst_enable_extensions = ["substitution"]\n'
        + 'myst_substitutions = {"kontakt": "Anders Wiklund, 920517-3868"}\n',
        "utf-8",
    )
    (src / "kontakt.md").write_text(
        "# Kontakt\n\nHandläggare av medborgarförslag: {{ kontakt }}.\n", "utf-8"
    )
    edit(src / "index.rst", "   cykelparkering\n", "   cykelparkering\n   kontakt\n")
    app = build(src)
    line = line_of(conf, "920517-3868")
    assert warning_lines(app) == [
        f"conf.py:{line}: WARNING: '920517-XXXX' i myst_substitutions i conf.py ser "
        "ut som ett personnummer; maskera det där (den publicerade versionen "
        "maskerar det) [kommun.personnummer]"
    ]
    page = html_text(app.outdir / "kontakt.html")
    assert "Handläggare av medborgarförslag: Anders Wiklund, 920517-XXXX." in page
    assert holding(every_file(src / "_build"), "3868") == []


# -- a private förslagsställare in the OParl export ----------------------------------


def export(src: Path, builddir: Path, **overrides: Any) -> dict[str, Any]:
    app = build_once("oparl", src, builddir, confoverrides=overrides or None)
    assert warnings_of(app) == ""
    objects = read_back(app.outdir, BASE)
    for obj in objects.values():
        validate(obj, TYPE.match(obj["type"]).group(1))  # type: ignore[union-attr]
    return objects


def test_a_resident_who_made_a_medborgarforslag_is_no_oparl_person(
    tmp_path: Path,
) -> None:
    objects = export(ROOTS / "test-orebro", tmp_path)
    people = [o["name"] for o in objects.values() if o["type"].endswith("/Person")]
    assert "Lina Öberg" not in people
    assert {"Karolina Wallström", "Rasmus Persson"} <= set(people)
    listed = json.loads(
        (tmp_path / "oparl" / "body" / "orebro-kommun" / "person.json").read_text()
    )
    assert sorted(p["name"] for p in listed["data"]) == sorted(people)
    forslag = objects[BASE + "paper/ks-2024-0381-medborgarforslag-2024-7.json"]
    assert "originatorPerson" not in forslag
    # named on the paper as its page prints her
    assert forslag["sk:personer"] == [{"namn": "Lina Öberg"}]
    assert forslag["underDirectionOf"] == [BASE + "organization/kommunfullmaktige.json"]
    motion = objects[BASE + "paper/ks-2024-0412-motion.json"]
    assert motion["originatorPerson"] == [
        BASE + "person/karolina-wallstrom.json",
        BASE + "person/rasmus-persson.json",
    ]
    assert not (tmp_path / "oparl" / "person" / "lina-oberg.json").exists()


def test_a_forslagsstallare_in_the_register_is_the_ledamots_person(
    project_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    src = project_copy("orebro")
    edit(src / "badplats.rst", "Lina Öberg", "Marie Brorson")
    objects = export(src, tmp_path / "out")
    forslag = objects[BASE + "paper/ks-2024-0381-medborgarforslag-2024-7.json"]
    assert forslag["originatorPerson"] == [BASE + "person/marie-brorson.json"]
    person = objects[BASE + "person/marie-brorson.json"]
    assert person["membership"][0]["organization"] == (
        BASE + "organization/kommunfullmaktige.json"
    )


def test_a_forslagsstallare_marked_as_personal_data_is_masked_in_the_export(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("orebro")
    edit(
        src / "badplats.rst",
        ":forslagsstallare: Lina Öberg",
        ":forslagsstallare: :personuppgift:`Lina Öberg`, boende i Adolfsberg",
    )
    site = build(src)
    assert warnings_of(site) == ""
    page = html_text(site.outdir / "badplats.html")
    assert "Medborgarförslag (2024:7) av [personuppgift]" in page
    objects = export(src, tmp_path / "public")
    forslag = objects[BASE + "paper/ks-2024-0381-medborgarforslag-2024-7.json"]
    assert forslag["sk:personer"] == [
        {"namn": "[personuppgift]", "roll": "boende i Adolfsberg"}
    ]
    people = [o["name"] for o in objects.values() if o["type"].endswith("/Person")]
    assert "[personuppgift]" not in people
    files = every_file(tmp_path / "public", src / "_build")
    assert [name for name, data in files.items() if b"Lina" in data] == []
    internal = export(src, tmp_path / "internal", kommun_publication="internal")
    forslag = internal[BASE + "paper/ks-2024-0381-medborgarforslag-2024-7.json"]
    assert forslag["sk:personer"][0]["namn"] == "Lina Öberg"
    assert "originatorPerson" not in forslag
