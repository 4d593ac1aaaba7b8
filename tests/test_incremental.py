"""Incremental builds give the same output as fresh ones, rewriting only what
depends on the change."""

from __future__ import annotations

import errno
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import warnings_of

from .conftest import ROOTS, append, edit, html_text

#: pages Sphinx writes on every build, whatever changed
ALWAYS = {"genindex", "search", "kommun-arenden", "permalink"}


def html_pages(outdir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(outdir).with_suffix("").as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*.html"))
        if "_static" not in path.parts
    }


def assert_same_pages(incremental: Path, fresh: Path) -> None:
    """Every page of the fresh build, byte for byte (Sphinx leaves the pages
    of removed documents in place; they are no longer linked)."""
    fresh_pages = html_pages(fresh)
    incremental_pages = html_pages(incremental)
    for page, content in fresh_pages.items():
        assert incremental_pages.get(page) == content, f"{page}.html differs"


def mtimes(outdir: Path) -> dict[str, int]:
    return {
        path.relative_to(outdir).with_suffix("").as_posix(): path.stat().st_mtime_ns
        for path in outdir.rglob("*.html")
        if "_static" not in path.parts
    }


def remove_kungsholmen(src: Path) -> None:
    (src / "yttrande-kungsholmen.rst").unlink()
    edit(src / "index.rst", "   yttrande-kungsholmen\n", "")


def add_kungsholmen_back(src: Path, original: Path) -> None:
    shutil.copy(original / "yttrande-kungsholmen.rst", src / "yttrande-kungsholmen.rst")
    edit(
        src / "index.rst",
        "   yttrande-slk\n",
        "   yttrande-slk\n   yttrande-kungsholmen\n",
    )


SCENARIOS: dict[str, tuple[Callable[[Path], None], set[str], set[str]]] = {
    # name: (change, pages that must be rewritten, pages that must not be)
    "yttrande text": (
        lambda src: edit(
            src / "yttrande-kungsholmen.rst",
            "Insatserna bör bygga på stadsdelens egna förutsättningar.",
            "Insatserna bör bygga på lokala behov och följas upp.",
        ),
        {"yttrande-kungsholmen", "utlatande"},
        {"motion", "remiss", "yttrande-bromma", "yttrande-slk", "beslut"},
    ),
    "yttrande date": (
        lambda src: edit(
            src / "yttrande-kungsholmen.rst", ":datum: 2020-09-04", ":datum: 2020-09-05"
        ),
        {"yttrande-kungsholmen", "utlatande", "index"},
        {"motion", "yttrande-bromma", "yttrande-slk", "beslut"},
    ),
    "text above a yttrande": (
        lambda src: edit(
            src / "yttrande-kungsholmen.rst",
            "\n.. yttrande:: Kungsholmens stadsdelsnämnd\n",
            "\nNämndens svar följer.\n\n.. yttrande:: Kungsholmens stadsdelsnämnd\n",
        ),
        # the yttrande and its options move down: pages that show the
        # yttrande do not show where it is written (Sphinx itself rewrites
        # the ärende page, whose toctree holds the changed page)
        {"yttrande-kungsholmen"},
        {"utlatande", "remiss", "motion", "yttrande-bromma", "beslut"},
    ),
    "summary": (
        lambda src: edit(
            src / "yttrande-kungsholmen.rst",
            "vill att insatserna utgår från lokala behov",
            "betonar lokala behov",
        ),
        {"yttrande-kungsholmen", "utlatande"},
        {"motion", "yttrande-bromma", "yttrande-slk", "beslut"},
    ),
    "reservation text": (
        lambda src: edit(
            src / "yttrande-bromma.rst", "Vi tycker annorlunda.", "Vi är oense."
        ),
        {"yttrande-bromma", "utlatande"},
        {"motion", "yttrande-slk", "yttrande-kungsholmen", "beslut", "remiss"},
    ),
    "remove yttrande": (
        remove_kungsholmen,
        # every page of the ärende: its sidebar lists the ärende's documents
        {
            "utlatande",
            "remiss",
            "index",
            "motion",
            "yttrande-slk",
            "yttrande-bromma",
            "beslut",
        },
        {"sammantrade"},
    ),
    "motion title": (
        lambda src: edit(
            src / "motion.rst",
            ".. motion:: Motion angående att ta tillbaka utsatta områden",
            ".. motion:: Motion om utsatta områden",
        ),
        {"motion", "utlatande", "index"},
        {"remiss", "beslut"},
    ),
    "ärende referenced in a quote": (
        lambda src: edit(
            src / "annat.rst",
            ":rubrik: Övergripande samverkansöverenskommelse",
            ":rubrik: Samverkan i stadsdelarna",
        ),
        # the Bromma yttrande's quoted section refers to KS 2019/656
        {"annat", "yttrande-bromma", "utlatande"},
        {"motion", "remiss", "beslut", "yttrande-slk"},
    ),
    "ärende rubrik": (
        lambda src: edit(
            src / "index.rst",
            ":rubrik: Motion om att ta tillbaka utsatta områden",
            ":rubrik: Utsatta områden",
        ),
        # the yttranden show it as their heading; every sidebar shows it;
        # the föredragningslista links the ärende (its title in the link's
        # tooltip)
        {
            "index",
            "yttrande-bromma",
            "yttrande-slk",
            "yttrande-kungsholmen",
            "remiss",
            "motion",
            "sammantrade",
        },
        set(),
    ),
}


def add_compilation_page(src: Path) -> None:
    (src / "sammanstallning.rst").write_text(
        ":orphan:\n\nSammanställning\n===============\n\n"
        ".. remissammanstallning::\n   :dnr: KS 2019/1899\n",
        encoding="utf-8",
    )


SCENARIOS["page with a remissammanställning added"] = (
    add_compilation_page,
    # the föredragningslista links every compilation of an ärende on the agenda
    {"sammanstallning", "sammantrade"},
    {"motion", "remiss", "yttrande-bromma", "beslut"},
)


def rebuild_equals_fresh(
    src: Path,
    change: Callable[[Path], None],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
    **kwargs: object,
) -> tuple[dict[str, int], SphinxTestApp]:
    """Build ``src``, change it, rebuild: the pages equal a fresh build's.

    Returns the pages' mtimes after the first build and the rebuilt app;
    both builds must be free of warnings.
    """
    first = build(src, **kwargs)
    assert warnings_of(first) == ""
    before = mtimes(first.outdir)
    change(src)
    second = build(src, **kwargs)
    assert warnings_of(second) == ""
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True, **kwargs)
    assert_same_pages(second.outdir, fresh.outdir)
    return before, second


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_incremental_equals_fresh(
    scenario: str,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    change, must, must_not = SCENARIOS[scenario]
    before, second = rebuild_equals_fresh(project_copy("case"), change, build, tmp_path)
    after = mtimes(second.outdir)
    rewritten = {page for page in after if before.get(page) != after[page]} - ALWAYS
    assert must <= rewritten, f"not rewritten: {must - rewritten}"
    assert not (must_not & rewritten), f"needlessly rewritten: {must_not & rewritten}"


def test_removed_yttrande_vanishes_and_instans_is_unanswered(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    build(src)
    remove_kungsholmen(src)
    app = build(src)
    text = html_text(app.outdir / "utlatande.html")
    assert "Insatserna bör bygga" not in text
    assert "Kungsholmens stadsdelsnämnd har inte besvarat remissen." in text
    assert "Kungsholmens stadsdelsnämnd – – Inget svar" in text
    assert not (app.outdir / "yttrande-kungsholmen.html").exists() or (
        "Kungsholmens stadsdelsförvaltnings" not in text
    )


def test_added_yttrande_appears(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("case")
    original = src.parent / "original"
    shutil.copytree(src, original)
    remove_kungsholmen(src)
    _before, app = rebuild_equals_fresh(
        src, lambda src: add_kungsholmen_back(src, original), build, tmp_path
    )
    text = html_text(app.outdir / "utlatande.html")
    assert (
        "Kungsholmens stadsdelsförvaltnings tjänsteutlåtande daterat den 4 september 2020"
        in text
    )


def test_noop_rebuild_writes_nothing(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    first = build(src)
    before = mtimes(first.outdir)
    second = build(src)
    after = mtimes(second.outdir)
    assert {p for p in after if before.get(p) != after[p]} - ALWAYS == set()


def test_a_mentioning_page_retitled_updates_the_backlink(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("case")
    append(src / "sammantrade.rst", "\nSe även :motion:`KS 2019/1899`.\n")

    def retitle(src: Path) -> None:
        edit(
            src / "sammantrade.rst",
            "Kommunfullmäktige\n=================",
            "Fullmäktige\n===========",
        )

    _before, second = rebuild_equals_fresh(src, retitle, build, tmp_path)
    assert "Omnämns i Fullmäktige" in html_text(second.outdir / "motion.html")


def test_a_reservation_about_another_arendes_yttrande_follows_it(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("case")
    (src / "yttrande-annat.rst").write_text(
        ":orphan:\n\nSvar i KS 2019/656\n==================\n\n"
        ".. yttrande:: Älvsjö stadsdelsnämnd\n   :dnr: KS 2019/656\n"
        "   :id: alvsjo-svar\n   :datum: 2020-09-01\n"
        "   :sammanfattning: svarar kort\n\n   Ett svar.\n",
        encoding="utf-8",
    )
    edit(
        src / "yttrande-bromma.rst",
        ":forfattare: Niklas Thorén m.fl. (V)",
        ":forfattare: Niklas Thorén m.fl. (V)\n   :avser: alvsjo-svar",
    )

    def rename(src: Path) -> None:
        edit(
            src / "yttrande-annat.rst",
            ".. yttrande:: Älvsjö stadsdelsnämnd",
            ".. yttrande:: Älvsjö-Liljeholmens stadsdelsnämnd",
        )

    # KS 2019/656 has no remiss: that is not what is tested here
    _before, second = rebuild_equals_fresh(
        src,
        rename,
        build,
        tmp_path,
        confoverrides={"suppress_warnings": ["kommun.remiss"]},
    )
    assert "Älvsjö-Liljeholmens stadsdelsnämnd" in html_text(
        second.outdir / "utlatande.html"
    )


def test_a_substitution_defined_outside_a_quoted_section_updates_the_quote(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("case")
    page = src / "yttrande-kungsholmen.rst"
    edit(page, "stadsdelens egna förutsättningar.", "|stadsdel| egna förutsättningar.")
    append(page, "\n.. |stadsdel| replace:: Kungsholmens\n")

    _before, second = rebuild_equals_fresh(
        src,
        lambda src: edit(
            page, ".. |stadsdel| replace:: Kungsholmens", ".. |stadsdel| replace:: Vår"
        ),
        build,
        tmp_path,
    )
    assert "Insatserna bör bygga på Vår egna förutsättningar." in html_text(
        second.outdir / "utlatande.html"
    )


@pytest.mark.parametrize("first", ["added", "removed"])
def test_the_first_arende_added_or_the_last_removed_updates_every_sidebar(
    first: str,
    tmp_path: Path,
    build: Callable[..., SphinxTestApp],
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ROOTS / "test-case" / "conf.py", src / "conf.py")
    (src / "index.rst").write_text(
        "Handlingar\n==========\n\n.. toctree::\n\n   om\n   arende\n", encoding="utf-8"
    )
    (src / "om.rst").write_text("Om\n==\n\nOm handlingarna.\n", encoding="utf-8")
    plain = "Ärende\n======\n\nInget ännu.\n"
    with_arende = plain + "\n.. arende:: KS 2020/1\n   :rubrik: Provärende\n"
    page = src / "arende.rst"
    page.write_text(plain if first == "added" else with_arende, encoding="utf-8")

    _before, second = rebuild_equals_fresh(
        src,
        lambda src: page.write_text(
            with_arende if first == "added" else plain, encoding="utf-8"
        ),
        build,
        tmp_path,
    )
    sidebar = (second.outdir / "om.html").read_text(encoding="utf-8")
    linked = 'href="kommun-arenden.html">Alla ärenden</a>' in sidebar
    assert linked == (first == "added")


def test_a_latex_build_in_between_leaves_the_html_to_update(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    """``make html``, an edit, ``make latex``, ``make html``: one environment."""

    def edit_then_latex(src: Path) -> None:
        edit(
            src / "yttrande-kungsholmen.rst", ":datum: 2020-09-04", ":datum: 2020-09-05"
        )
        assert warnings_of(build(src, "latex")) == ""

    _before, second = rebuild_equals_fresh(
        project_copy("case"), edit_then_latex, build, tmp_path
    )
    assert "daterat den 5 september 2020" in html_text(second.outdir / "utlatande.html")


# -- a build that does not write every page it meant to ---------------------------


def change_a_date(src: Path) -> None:
    """An edit that changes the utlåtande (and the ärende page) without
    touching their sources: Sphinx would not rewrite them by itself."""
    edit(src / "yttrande-kungsholmen.rst", ":datum: 2020-09-04", ":datum: 2020-09-05")


def rebuilt_equals_fresh(
    src: Path, build: Callable[..., SphinxTestApp], tmp_path: Path, **kwargs: object
) -> None:
    """A normal rebuild after a build that went wrong equals a fresh build,
    and the build after it rewrites nothing."""
    rebuilt = build(src, **kwargs)
    assert warnings_of(rebuilt) == ""
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    assert_same_pages(rebuilt.outdir, fresh.outdir)
    utlatande = html_text(rebuilt.outdir / "utlatande.html")
    assert "daterat den 5 september 2020" in utlatande
    before = mtimes(rebuilt.outdir)
    after = mtimes(build(src, **kwargs).outdir)
    assert {page for page in after if before.get(page) != after[page]} <= ALWAYS


def test_a_build_interrupted_while_writing_is_redone(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    """Ctrl-C while pages are written (after Sphinx pickled the environment)."""
    src = project_copy("case")
    assert warnings_of(build(src)) == ""
    change_a_date(src)
    app = make_app("html", srcdir=src, builddir=src / "_build")
    written: list[str] = []

    def interrupt(app: object, pagename: str, *args: Any) -> None:
        written.append(pagename)
        if pagename == "index":  # written before the utlåtande
            raise KeyboardInterrupt

    app.connect("html-page-context", interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            app.build()
    finally:
        app.cleanup()
    assert "index" in written
    assert "utlatande" not in written
    rebuilt_equals_fresh(src, build, tmp_path)


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_page_that_could_not_be_written_is_written_next_time(
    parallel: int,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The utlåtande's file is read-only for one build (simulated: the tests
    may run as root, whom a read-only file does not stop)."""
    src = project_copy("case")
    assert warnings_of(build(src, parallel=parallel)) == ""
    change_a_date(src)
    target = (src / "_build" / "html" / "utlatande.html").resolve()
    write_text = Path.write_text

    def read_only(path: Path, *args: Any, **kwargs: Any) -> int:
        if path.resolve() == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return write_text(path, *args, **kwargs)

    with monkeypatch.context() as patched:
        # forked -j workers inherit it
        patched.setattr(Path, "write_text", read_only)
        failed = build(src, parallel=parallel)
    assert "error writing file" in warnings_of(failed)
    assert "utlatande.html: [Errno 13] Permission denied" in warnings_of(failed)
    assert failed.statuscode == 0  # Sphinx reports it and goes on
    rebuilt_equals_fresh(src, build, tmp_path, parallel=parallel)


KILL_WHILE_WRITING = """

def setup(app):
    import os
    import signal

    def kill(app, pagename, *args):
        if pagename == "index":  # written before the utlåtande
            os.kill(os.getpid(), signal.%s)

    app.connect("html-page-context", kill)
"""


def sphinx_build(src: Path, builddir: Path) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -b html`` in a process of its own (the build fixture's
    layout: ``builddir/html``, ``builddir/doctrees``)."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q"]
    directories = [src, builddir / "html", "-d", builddir / "doctrees"]
    return subprocess.run(
        [*command, *map(str, directories)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_build_killed_while_writing_is_redone(
    signum: signal.Signals, project_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """SIGTERM or SIGKILL (a cancelled CI job) while pages are written.
    Every build runs ``sphinx-build``: a test app's settings differ from its."""
    src = project_copy("case")
    builddir = src / "_build"
    first = sphinx_build(src, builddir)
    assert (first.returncode, first.stderr) == (0, "")
    change_a_date(src)
    conf = src / "conf.py"
    original = conf.read_text(encoding="utf-8")
    conf.write_text(original + KILL_WHILE_WRITING % signum.name, encoding="utf-8")
    killed = sphinx_build(src, builddir)
    assert killed.returncode == -signum, killed.stderr
    conf.write_text(original, encoding="utf-8")
    rebuilt = sphinx_build(src, builddir)
    assert (rebuilt.returncode, rebuilt.stderr) == (0, "")
    fresh = sphinx_build(src, tmp_path / "fresh")
    assert (fresh.returncode, fresh.stderr) == (0, "")
    assert_same_pages(builddir / "html", tmp_path / "fresh" / "html")
    utlatande = builddir / "html" / "utlatande.html"
    assert "daterat den 5 september 2020" in html_text(utlatande)
    before = mtimes(builddir / "html")
    again = sphinx_build(src, builddir)
    assert (again.returncode, again.stderr) == (0, "")
    after = mtimes(builddir / "html")
    assert {page for page in after if before.get(page) != after[page]} <= ALWAYS


def test_a_fresh_environment_does_not_inherit_what_the_old_one_wrote(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    """``-E`` after an edit, then the edit undone: the utlåtande the ``-E``
    build wrote is rewritten, though the old environment's record (of the
    same size, so perhaps of the same generation) matches the text again."""
    src = project_copy("case")
    assert warnings_of(build(src)) == ""
    change_a_date(src)
    assert warnings_of(build(src, freshenv=True)) == ""
    edit(src / "yttrande-kungsholmen.rst", ":datum: 2020-09-05", ":datum: 2020-09-04")
    rebuilt = build(src)
    assert warnings_of(rebuilt) == ""
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    assert_same_pages(rebuilt.outdir, fresh.outdir)
    utlatande = html_text(rebuilt.outdir / "utlatande.html")
    assert "daterat den 4 september 2020" in utlatande
