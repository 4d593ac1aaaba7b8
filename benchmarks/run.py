"""Benchmark sphinx-kommun against plain Sphinx and sphinx-needs on the same text.

Run with the project's Python::

    python benchmarks/run.py --n 50            # full, incremental, -j 2, PDF
    python benchmarks/run.py --n 3 --skip-pdf  # smoke run, well under a minute
    python benchmarks/run.py --scaling         # also full builds at N = 50, 200, 500
    python benchmarks/run.py --n 50 --kommun-commit HEAD  # a fixed snapshot

Every build is ``python -P -m sphinx`` in a child process (``-P``: the
current directory is not put on ``sys.path``, so ``--kommun-commit`` is not
shadowed by a checkout in it), timed with
``time.perf_counter`` around the whole process (interpreter start included).
Peak memory is the child's maximum resident set size as ``os.wait4`` reports
it for that child (the same figure ``/usr/bin/time -v`` prints: the largest
RSS of the process or of any descendant it waited for, not a sum).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib.metadata
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

#: The yttrande edited for the incremental builds (its quoted section changes).
EDIT_DOC = "arende-1/yttrande-2"
EDIT_SECTION = "Synpunkter och förslag"
WARNING_RE = re.compile(r"(WARNING|ERROR|CRITICAL):")
#: Prepended to PYTHONPATH of every build (``--kommun-commit``), so that a
#: fixed snapshot of sphinx_kommun is measured while the working tree changes.
CHILD_PYTHONPATH: list[str] = []
REPO = Path(__file__).resolve().parent.parent


# -- running sphinx-build -------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    maxrss_mb: float
    returncode: int
    warnings: list[str] = field(default_factory=list)
    log: str = ""
    #: user + system CPU seconds of the child and the descendants it waited for
    cpu: float = 0.0


def run_process(cmd: Sequence[str], log: Path, cwd: Path | None = None) -> Run:
    """Run ``cmd``; wall time and the child's peak RSS (``os.wait4``)."""
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    if CHILD_PYTHONPATH:
        env["PYTHONPATH"] = os.pathsep.join(
            [*CHILD_PYTHONPATH, *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=out, stderr=subprocess.STDOUT, cwd=cwd, env=env
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    warnings = [line for line in text.splitlines() if WARNING_RE.search(line)]
    # ru_maxrss is in kilobytes on Linux
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, warnings, text, cpu)


def sphinx(args: Sequence[str], log: Path) -> Run:
    # make mode (-M) must come first
    head = list(args[:4]) if args[0] == "-M" else []
    rest = list(args[4:]) if head else list(args)
    run = run_process([sys.executable, "-P", "-m", "sphinx", *head, "-q", *rest], log)
    if run.returncode != 0:
        tail = "\n".join(run.log.splitlines()[-30:])
        raise SystemExit(f"sphinx-build {' '.join(args)} failed:\n{tail}")
    return run


def full_build(src: Path, out: Path, extra: Sequence[str] = ()) -> Run:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    return sphinx(
        [
            "-b",
            "html",
            "-d",
            str(out / "doctrees"),
            *extra,
            str(src),
            str(out / "html"),
        ],
        out / "build.log",
    )


def best(runs: Sequence[Run]) -> Run:
    """Best of several: least wall time, least CPU time, largest peak RSS."""
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(
        fastest.seconds,
        max(r.maxrss_mb for r in runs),
        fastest.returncode,
        fastest.warnings,
        fastest.log,
        min(r.cpu for r in runs),
    )


def repeated(k: int, once: Callable[[], Run]) -> Run:
    return best([once() for _ in range(k)])


# -- pages and words --------------------------------------------------------------------


def html_body(text: str) -> str:
    start = text.find('role="main"')
    if start < 0:
        return ""
    start = text.find(">", start) + 1
    ends = [
        i
        for i in (
            text.find('<div class="sphinxsidebar"', start),
            text.find('<div class="clearer"', start),
        )
        if i >= 0
    ]
    body = text[start : min(ends)] if ends else text[start:]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def html_pages(outdir: Path) -> list[Path]:
    return [p for p in outdir.rglob("*.html") if "_static" not in p.parts]


def rendered_words(outdir: Path) -> int:
    skip = {"genindex.html", "search.html"}
    return sum(
        len(re.findall(r"\w+", html_body(p.read_text(encoding="utf-8"))))
        for p in html_pages(outdir)
        if p.name not in skip
    )


def mtimes(outdir: Path) -> dict[str, int]:
    return {
        str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in html_pages(outdir)
    }


# -- the incremental edit -----------------------------------------------------------------


def edit_yttrande(project: Path, number: int) -> None:
    """Change one sentence in the quoted section of ``EDIT_DOC``."""
    path = project / f"{EDIT_DOC}.rst"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == EDIT_SECTION)
    at += 1
    if lines[at].strip().startswith(("-", "=", "~")):
        at += 1
    while not lines[at].strip():
        at += 1
    lines[at] += f" Meningen ändrades i mätning nummer {number}."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Incremental:
    seconds: float
    rewritten: list[str]
    warnings: list[str]


def incremental(src: Path, out: Path, k: int) -> Incremental:
    """Best of ``k`` rebuilds after an edit; pages rewritten by the last one."""
    results: list[Incremental] = []
    for number in range(1, k + 1):
        before = mtimes(out / "html")
        time.sleep(0.05)
        edit_yttrande(src, number)
        run = sphinx(
            ["-b", "html", "-d", str(out / "doctrees"), str(src), str(out / "html")],
            out / f"incremental-{number}.log",
        )
        after = mtimes(out / "html")
        changed = sorted(
            name for name, stamp in after.items() if before.get(name) != stamp
        )
        results.append(Incremental(run.seconds, changed, run.warnings))
    fastest = min(results, key=lambda r: r.seconds)
    return Incremental(fastest.seconds, results[-1].rewritten, results[-1].warnings)


# -- PDF ------------------------------------------------------------------------------------


def meeting_id(project: Path) -> str:
    """The id sphinx-kommun gives the first sammanträde (slug of organ and date)."""
    from sphinx_kommun.swedish import slug

    first = sorted((project / "sammantraden").glob("*.rst"))[0]
    datum = re.search(r":datum: (\S+)", first.read_text(encoding="utf-8"))
    assert datum is not None
    return slug(f"Kommunfullmäktige {datum.group(1)}")


@dataclass
class Pdf:
    sphinx_seconds: float
    latex_seconds: float
    pages: int | None
    name: str
    warnings: list[str]


def pdf_build(src: Path, out: Path) -> Pdf:
    """``sphinx-build -M latexpdf`` for the first meeting, in its two steps."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    ident = meeting_id(src)
    run = sphinx(
        ["-M", "latex", str(src), str(out), "-D", f"kommun_pdf_documents={ident}"],
        out / "sphinx.log",
    )
    latex_dir = out / "latex"
    tex = sorted(latex_dir.glob("*.tex"))
    latex = run_process(
        ["make", "all-pdf", "LATEXOPTS=-halt-on-error"],
        out / "latexmk.log",
        cwd=latex_dir,
    )
    if latex.returncode != 0:
        raise SystemExit(f"latexmk failed, see {out / 'latexmk.log'}")
    pdfs = sorted(latex_dir.glob("*.pdf"))
    pages = None
    if pdfs and shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", str(pdfs[0])], capture_output=True, text=True, check=False
        ).stdout
        found = re.search(r"^Pages:\s+(\d+)", info, re.M)
        pages = int(found.group(1)) if found else None
    name = ", ".join(p.name for p in tex)
    return Pdf(run.seconds, latex.seconds, pages, name, run.warnings)


# -- printing ---------------------------------------------------------------------------------


#: The last columns of both full-build tables.
AGAINST_FLOOR = (
    "peak RSS MB",
    "wall vs floor",
    "CPU vs floor",
    "RSS vs floor",
    "warnings",
)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return (
            "| "
            + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
            + " |"
        )

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine_info() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        model = found.group(1).strip() if found else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s+(\d+) kB", meminfo.read_text(), re.M)
        memory = f", {int(found.group(1)) / 1024 / 1024:.1f} GiB RAM" if found else ""
    latexmk = shutil.which("latexmk") or "absent"
    return (
        f"machine: {os.cpu_count()} CPUs ({model or platform.machine()}){memory}; "
        f"{platform.system()} {platform.release()}\n"
        f"Python {platform.python_version()}, Sphinx {version('sphinx')}, "
        f"sphinx-needs {version('sphinx-needs')}, docutils {version('docutils')}, "
        f"sphinx-kommun {version('sphinx-kommun')}, latexmk {latexmk}\n"
        f"date: {dt.datetime.now().isoformat(timespec='seconds')}"
    )


def snapshot_package(commit: str, into: Path) -> str:
    """``git archive`` sphinx_kommun at ``commit`` into ``into``; its full hash."""
    full = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--verify", f"{commit}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", full, "sphinx_kommun"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return full


def kommun_under_test() -> str:
    """Which sphinx_kommun the builds import, and its git state."""
    env = dict(os.environ)
    if CHILD_PYTHONPATH:
        env["PYTHONPATH"] = os.pathsep.join(CHILD_PYTHONPATH)
    where = subprocess.run(
        [
            sys.executable,
            "-P",
            "-c",
            "import sphinx_kommun; print(sphinx_kommun.__file__)",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    ).stdout.strip()
    if CHILD_PYTHONPATH:
        return f"sphinx_kommun under test: {where} (snapshot)"
    head = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"sphinx_kommun under test: {where} (working tree, {head or 'no git'})"


def show_warnings(label: str, warnings: Sequence[str], limit: int = 10) -> None:
    if not warnings:
        return
    print(
        f"\n{label}: {len(warnings)} warning line(s); first {min(limit, len(warnings))}:"
    )
    for line in warnings[:limit]:
        print("  " + line)


# -- the benchmark ----------------------------------------------------------------------------


def load() -> str:
    try:
        one, five, _fifteen = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


#: Pages every HTML build writes again, whatever changed.
SPECIAL_PAGES = {
    "genindex.html",
    "search.html",
    "kommun-arenden.html",
    "permalink.html",
}


def main_benchmark(root: Path, n: int, seed: int, repeat: int, skip_pdf: bool) -> None:
    print(f"\n## N = {n} ärenden, seed {seed}, best of {repeat}\n")
    print(f"before: {load()}")
    started = time.perf_counter()
    projects = with_sidebars(corpus.write_corpus(root / "src", n, seed))
    print(
        f"corpus written in {time.perf_counter() - started:.1f} s under {root / 'src'}"
    )

    variants = [
        ("sphinx-kommun", projects["kommun"], "kommun"),
        ("sphinx-kommun, own sidebar", projects["kommun-nav"], "kommun-nav"),
        ("plain, alabaster sidebar", projects["plain-sidebar"], "plain-sidebar"),
        ("plain, no sidebar (floor)", projects["plain"], "plain"),
        ("sphinx-needs only", projects["needs"], "needs"),
    ]
    # round-robin, so that a busy moment on the machine is spread over variants
    attempts: dict[str, list[Run]] = {key: [] for _label, _src, key in variants}
    for attempt in range(repeat):
        for label, src, key in variants:
            run = full_build(src, root / "out" / key)
            attempts[key].append(run)
            print(
                f"  [{attempt + 1}/{repeat}] {label}: {run.seconds:.1f} s wall, "
                f"{run.cpu:.1f} s CPU"
            )
    runs = {key: best(found) for key, found in attempts.items()}
    sizes: dict[str, tuple[int, int, int, int]] = {}
    for _label, src, key in variants:
        docs, words = corpus.source_words(src)
        out = root / "out" / key / "html"
        sizes[key] = (docs, len(html_pages(out)), words, rendered_words(out))

    print("\n### Size of each variant\n")
    print(
        table(
            ["variant", "source pages", "HTML pages", "source words", "rendered words"],
            [[label, *(f"{v:,}" for v in sizes[key])] for label, _src, key in variants],
        )
    )
    print(
        "\nsource words: \\w+ tokens in the .rst files (sphinx-kommun's are fewer: "
        "its generated text is not in the sources); rendered words: \\w+ tokens "
        "in the HTML body of every page but genindex and search."
    )

    floor = runs["plain"]
    print("\n### Full HTML build (serial)\n")
    rows = []
    for label, _src, key in variants:
        r = runs[key]
        rows.append(
            [
                label,
                f"{r.seconds:.2f}",
                f"{r.cpu:.2f}",
                f"{r.seconds / sizes[key][0] * 1000:.1f}",
                f"{r.maxrss_mb:.0f}",
                f"{r.seconds / floor.seconds:.2f}×",
                f"{r.cpu / floor.cpu:.2f}×",
                f"{r.maxrss_mb / floor.maxrss_mb:.2f}×",
                len(r.warnings),
            ]
        )
    print(
        table(
            ["variant", "wall s", "CPU s", "wall ms/page", *AGAINST_FLOOR],
            rows,
        )
    )
    k = runs["kommun"]
    others = [
        ("plain with sidebar", runs["plain-sidebar"]),
        ("the floor", floor),
        ("sphinx-needs only", runs["needs"]),
    ]
    print("\nagainst the others (wall / CPU / peak RSS):")
    for name, mine in (
        ("sphinx-kommun", k),
        ("with its own sidebar", runs["kommun-nav"]),
    ):
        print(
            f"  {name}: "
            + "; ".join(
                f"{mine.seconds / o.seconds:.2f}× / {mine.cpu / o.cpu:.2f}× / "
                f"{mine.maxrss_mb / o.maxrss_mb:.2f}× {other}"
                for other, o in others
            )
        )
    for label, _src, key in variants:
        show_warnings(label, runs[key].warnings)

    print(f"\n### Incremental rebuild after editing {EDIT_DOC} ({EDIT_SECTION})\n")
    inc_k = incremental(projects["kommun"], root / "out" / "kommun", repeat)
    inc_n = incremental(projects["kommun-nav"], root / "out" / "kommun-nav", repeat)
    inc_p = incremental(projects["plain"], root / "out" / "plain", repeat)

    def split(pages: Sequence[str]) -> tuple[list[str], list[str]]:
        docs = [p for p in pages if p not in SPECIAL_PAGES]
        return docs, [p for p in pages if p in SPECIAL_PAGES]

    rows = []
    for label, inc in (
        ("sphinx-kommun", inc_k),
        ("sphinx-kommun, own sidebar", inc_n),
        ("plain, no sidebar (floor)", inc_p),
    ):
        rewritten, special = split(inc.rewritten)
        rows.append(
            [
                label,
                f"{inc.seconds:.2f}",
                f"{inc.seconds / inc_p.seconds:.2f}×",
                len(rewritten),
                ", ".join(rewritten[:6])
                + (f", … ({len(rewritten) - 6} more)" if len(rewritten) > 6 else ""),
                ", ".join(special),
            ]
        )
    print(
        table(
            [
                "variant",
                "wall s",
                "vs plain",
                "doc pages rewritten",
                "which",
                "also rewritten (indices, every build)",
            ],
            rows,
        )
    )
    show_warnings("incremental sphinx-kommun", inc_k.warnings)
    show_warnings("incremental sphinx-kommun, own sidebar", inc_n.warnings)

    print("\n### Parallel full build of sphinx-kommun\n")
    par = repeated(
        repeat,
        lambda: full_build(projects["kommun"], root / "out" / "kommun-j2", ["-j", "2"]),
    )
    print(
        table(
            ["build", "wall s", "peak RSS MB (largest process)", "wall vs serial"],
            [
                ["serial", f"{k.seconds:.2f}", f"{k.maxrss_mb:.0f}", "1.00×"],
                [
                    "-j 2",
                    f"{par.seconds:.2f}",
                    f"{par.maxrss_mb:.0f}",
                    f"{par.seconds / k.seconds:.2f}×",
                ],
            ],
        )
    )
    show_warnings("-j 2 sphinx-kommun", par.warnings)

    if skip_pdf:
        print("\n(PDF skipped)")
    elif not shutil.which("latexmk"):
        print("\n(PDF skipped: latexmk not found)")
    else:
        print("\n### PDF of the first KF sammanträde (-M latexpdf, cold)\n")
        pdfs = [
            pdf_build(projects["kommun"], root / "out" / "pdf") for _ in range(repeat)
        ]
        pdf = min(pdfs, key=lambda p: p.sphinx_seconds + p.latex_seconds)
        print(
            table(
                ["document", "PDF pages", "sphinx (latex) s", "latexmk s", "total s"],
                [
                    [
                        pdf.name,
                        pdf.pages if pdf.pages is not None else "?",
                        f"{pdf.sphinx_seconds:.2f}",
                        f"{pdf.latex_seconds:.2f}",
                        f"{pdf.sphinx_seconds + pdf.latex_seconds:.2f}",
                    ]
                ],
            )
        )
        show_warnings("latex sphinx-kommun", pdf.warnings)
    print(f"\nafter: {load()}")


def with_sidebars(projects: dict[str, Path]) -> dict[str, Path]:
    """Add copies of the kommun and plain projects with the default sidebar.

    ``kommun-nav``: no ``html_sidebars``, so sphinx-kommun's own navigation
    (``kommun-navigation.html``, its default since commit 9601af5);
    ``plain-sidebar``: alabaster's default sidebars with the global toctree.
    """
    result = dict(projects)
    for variant, name in (("kommun", "kommun-nav"), ("plain", "plain-sidebar")):
        copy = projects[variant].parent / name
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(projects[variant], copy)
        corpus.write_conf(copy, variant, "default")
        result[name] = copy
    return result


def scaling(root: Path, ns: Sequence[int], seed: int, repeat: int) -> None:
    print(f"\n## Scaling: full serial HTML build at N = {', '.join(map(str, ns))}\n")
    measured = (
        ("kommun", "sphinx-kommun"),
        ("kommun-nav", "sphinx-kommun, own sidebar"),
        ("plain", "plain floor"),
    )
    rows = []
    per_page: dict[str, dict[int, float]] = {key: {} for key, _label in measured}
    for n in ns:
        base = root / f"scaling-{n}"
        projects = with_sidebars(corpus.write_corpus(base / "src", n, seed))
        docs, _words = corpus.source_words(projects["kommun"])
        runs: dict[str, list[Run]] = {key: [] for key, _label in measured}
        for _attempt in range(repeat):
            for key, _label in measured:
                runs[key].append(full_build(projects[key], base / f"out-{key}"))
                shutil.rmtree(base / f"out-{key}", ignore_errors=True)
        found = {key: best(runs[key]) for key, _label in measured}
        floor = found["plain"]
        for key, label in measured:
            run = found[key]
            per_page[key][n] = run.seconds / docs
            rows.append(
                [
                    n,
                    f"{docs:,}",
                    label,
                    f"{run.seconds:.1f}",
                    f"{run.cpu:.1f}",
                    f"{per_page[key][n] * 1000:.1f}",
                    f"{run.maxrss_mb:.0f}",
                    f"{run.seconds / floor.seconds:.2f}×",
                    f"{run.cpu / floor.cpu:.2f}×",
                    f"{run.maxrss_mb / floor.maxrss_mb:.2f}×",
                    len(run.warnings),
                ]
            )
            show_warnings(f"{label} N={n}", run.warnings)
        print(
            f"  N={n}: "
            + ", ".join(
                f"{label} {found[key].seconds:.1f} s" for key, label in measured
            )
        )
    print()
    print(
        table(
            ["N", "pages", "variant", "wall s", "CPU s", "ms/page", *AGAINST_FLOOR],
            rows,
        )
    )
    small, large = min(ns), max(ns)
    print(
        f"\nper-page time at N={large} / N={small}: "
        + ", ".join(
            f"{label} {per_page[key][large] / per_page[key][small]:.2f}×"
            for key, label in measured
        )
    )


def pairs(root: Path, n: int, seed: int, k: int) -> None:
    """``--pairs K``: K interleaved full builds of sphinx-kommun and the floor.

    On a noisy machine a single ratio moves by ±0.2; pairs built straight
    after each other share the machine's state, and their median ratio is
    the figure to compare.
    """
    print(f"\n## {k} interleaved pairs at N = {n}: sphinx-kommun, then the floor\n")
    projects = corpus.write_corpus(root / f"pairs-n{n}", n, seed=seed)
    rows = []
    ratios = []
    for i in range(1, k + 1):
        kommun = full_build(projects["kommun"], root / "out-pairs-kommun")
        plain = full_build(projects["plain"], root / "out-pairs-plain")
        for label, run in (("sphinx-kommun", kommun), ("floor", plain)):
            show_warnings(f"pair {i} {label}", run.warnings)
        ratio = kommun.cpu / plain.cpu
        ratios.append(ratio)
        rows.append(
            [
                i,
                f"{kommun.seconds:.2f}",
                f"{kommun.cpu:.2f}",
                f"{plain.seconds:.2f}",
                f"{plain.cpu:.2f}",
                f"{ratio:.2f}×",
                f"{kommun.maxrss_mb:.0f} / {plain.maxrss_mb:.0f}",
            ]
        )
    print(
        table(
            [
                "pair",
                "kommun wall s",
                "kommun CPU s",
                "floor wall s",
                "floor CPU s",
                "CPU ratio",
                "peak RSS MB",
            ],
            rows,
        )
    )
    print(f"\nmedian CPU ratio {statistics.median(ratios):.2f}×")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="number of ärenden")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--scaling",
        action="store_true",
        help="also build sphinx-kommun and the plain floor at each --scaling-ns",
    )
    parser.add_argument(
        "--scaling-ns",
        default="50,200,500",
        help="comma-separated N for --scaling (default 50,200,500)",
    )
    parser.add_argument("--only-scaling", action="store_true", help="skip the --n runs")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    parser.add_argument("--repeat", type=int, default=1, help="best of K timings")
    parser.add_argument(
        "--pairs",
        type=int,
        metavar="K",
        help="only K interleaved builds of sphinx-kommun and the floor at --n",
    )
    parser.add_argument(
        "--kommun-commit",
        metavar="REV",
        help="measure sphinx_kommun as committed at REV (git archive into the "
        "temp dir, put first on the builds' PYTHONPATH) instead of the working tree",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    print("# sphinx-kommun benchmark\n")
    print(machine_info())
    print(
        "timing: time.perf_counter around each `python -P -m sphinx` child; "
        "peak memory: ru_maxrss of that child from os.wait4"
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kommun-bench-") as tmp:
        root = args.keep.resolve() if args.keep else Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        if args.kommun_commit:
            full = snapshot_package(args.kommun_commit, root / "package")
            CHILD_PYTHONPATH.append(str(root / "package"))
            print(f"sphinx_kommun snapshot of commit {full}")
        print(kommun_under_test())
        if args.pairs:
            pairs(root, args.n, args.seed, args.pairs)
        elif not args.only_scaling:
            main_benchmark(root, args.n, args.seed, args.repeat, args.skip_pdf)
        if args.scaling or args.only_scaling:
            ns = sorted({int(x) for x in args.scaling_ns.split(",") if x.strip()})
            scaling(root, ns, args.seed, args.repeat)
    print(f"\nwall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
