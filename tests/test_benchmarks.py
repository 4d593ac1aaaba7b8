"""The benchmark corpus builds cleanly in all three variants, with the same text.

``benchmarks/run.py`` times these builds; here a tiny corpus is built once
per variant to check that what is timed is what the README says: three
projects of the same pages, no warnings, and sphinx-kommun generating the
sentences the plain variant has written out by hand.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import warnings_of

from .conftest import html_text

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "kommun_benchmark_corpus", BENCHMARKS / "corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _corpus().write_corpus(tmp_path_factory.mktemp("corpus"), 2)  # type: ignore[no-any-return]


def _docnames(project: Path) -> set[str]:
    return {
        path.relative_to(project).with_suffix("").as_posix()
        for path in project.rglob("*.rst")
    }


def test_variants_have_the_same_pages(corpus: dict[str, Path]) -> None:
    kommun = _docnames(corpus["kommun"])
    assert kommun == _docnames(corpus["plain"]) == _docnames(corpus["needs"])
    # two ärenden of 12 pages, one sammanträde, the root index
    assert len(kommun) == 2 * 12 + 1 + 1


@pytest.mark.parametrize("variant", ["kommun", "plain", "needs"])
def test_variant_builds_without_warnings(
    corpus: dict[str, Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
    variant: str,
) -> None:
    app = build(corpus[variant], builddir=tmp_path / "build")
    assert warnings_of(app) == ""
    assert (app.outdir / "arende-1" / "utlatande.html").exists()


def _sentences(text: str, marker: str) -> list[str]:
    """Sentences of ``text`` (reST source) containing ``marker``."""
    found = []
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split())
        found += [s for s in re.split(r"(?<=\.) (?=[A-ZÅÄÖ])", flat) if marker in s]
    return found


def test_kommun_generates_what_plain_writes_out(
    corpus: dict[str, Path], build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """The plain variant's hand-written compilation equals the generated one."""
    app = build(corpus["kommun"], builddir=tmp_path / "build")
    assert warnings_of(app) == ""
    for arende in ("arende-1", "arende-2"):
        plain = (corpus["plain"] / arende / "utlatande.rst").read_text("utf-8")
        rendered = html_text(app.outdir / arende / "utlatande.html")
        expected = [
            *_sentences(plain, "remitterats till"),
            *_sentences(plain, "beslutade vid sitt sammanträde"),
            *_sentences(plain, "har i huvudsak följande lydelse"),
        ]
        # the Beredning sentence, and the decision and tjänsteutlåtande
        # sentence of each of the seven instanser
        assert len(expected) >= 1 + 7 + 7
        for sentence in expected:
            assert sentence in rendered, sentence


def test_the_archive_benchmark_joins_every_year(
    tmp_path: Path, build: Callable[..., SphinxTestApp]
) -> None:
    """benchmarks/archive.py's layout: year projects of their own, and the
    archive project listing every ärende of every year, linked there."""
    corpus = _corpus()
    spec = importlib.util.spec_from_file_location(
        "kommun_benchmark_archive", BENCHMARKS / "archive.py"
    )
    assert spec and spec.loader
    archive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(archive)
    built = {}
    for year in (2011, 2012):
        src = corpus.write_corpus(
            tmp_path / str(year), 2, seed=year, year=year, variants=("kommun",)
        )
        app = build(src["kommun"], builddir=tmp_path / "out" / str(year))
        assert warnings_of(app) == ""
        built[year] = tmp_path / "out" / str(year)
    app = build(archive.write_archive(tmp_path, built), builddir=tmp_path / "arkiv")
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "index.html")
    for year in (2011, 2012):
        assert f"Ärenden {year}" in text
        for number in (1001, 1002):
            assert f"KS {year}/{number}" in text
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="https://arkiv.example/2012/arende-1/index.html#ks-2012-1001"' in index


def test_the_jobs_benchmark_builds_the_meeting_pdf_on_the_html_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """benchmarks/jobs.py: a serial and a -j 2 build, then the meeting's PDF
    on the HTML build's environment, which reads no source file again."""
    spec = importlib.util.spec_from_file_location(
        "kommun_benchmark_jobs", BENCHMARKS / "jobs.py"
    )
    assert spec and spec.loader
    jobs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(jobs)
    jobs.main(["--n", "2", "--pairs", "1", "--keep", str(tmp_path)])
    report = capsys.readouterr().out
    assert "median -j 2 / serial:" in report
    row = report.split("| latexmk s |")[1].splitlines()[2]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[2] == "0", report  # the LaTeX step read no source file
    assert list((tmp_path / "out" / "shared" / "latex").glob("kommunfullmaktige*.pdf"))
    assert list((tmp_path / "out" / "j2" / "html").rglob("utlatande.html"))
