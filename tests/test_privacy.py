"""Privacy in what conf.py says.

The project is Örebro's (tests/roots/test-orebro): a resident's
medborgarförslag in KS 2024/0381 with a tjänsteskrivelse and
fullmäktige's beslut, a motion by two ledamöter in KS 2024/0412, and a
register of fullmäktige's members.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import line_of, warning_lines, warnings_of

from .conftest import edit, html_text
from .test_publishing import output_text

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
