"""Profile a sphinx-kommun build against the plain floor on the same text.

Writes the corpus for N ärenden, builds the ``kommun`` and ``plain``
variants (sidebar off) once under cProfile and once with a garbage-collector
probe, and prints what ``benchmarks/profile-n50.txt`` holds: the build
phases side by side, sphinx-kommun's and sphinx-needs' own functions, the
top functions by own time, and the time spent in full garbage collections.

    python benchmarks/profile.py --n 50 > benchmarks/profile-n50.txt

The profiler about doubles the run time and weighs function calls more
than C code; read the proportions, not the seconds.
"""

from __future__ import annotations

import argparse
import ast
import io
import os
import pstats
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

#: (label, function name, part of the file name) of each phase
PHASES = (
    ("read", "read", "sphinx/builders/__init__"),
    (
        "  parse + transforms of each page",
        "_parse_str_to_doctree",
        "sphinx/util/docutils",
    ),
    ("    transforms", "apply_transforms", "sphinx/transforms/__init__"),
    ("write", "write", "sphinx/builders/__init__"),
    ("  get_and_resolve_doctree", "get_and_resolve_doctree", "sphinx/environment"),
    ("    post-transforms", "apply_post_transforms", "sphinx/environment"),
    ("  HTML write_doc (translate)", "write_doc", "sphinx/builders/html"),
    ("  search index (index_page)", "index_page", "sphinx/builders/html"),
    ("  handle_page (templates)", "handle_page", "sphinx/builders/html"),
)

#: Reports the collections of each generation and their time at exit, and
#: which full (generation 2) collections ran while pages were written.
GC_PROBE = """
import atexit, gc, sys, time
_state = {"start": 0.0, "seconds": [0.0, 0.0, 0.0], "count": [0, 0, 0],
          "write": [0, 0.0]}
_WRITING = {"_write_serial", "_write_parallel"}
def _writing():
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name in _WRITING:
            return True
        frame = frame.f_back
    return False
def _probe(phase, info):
    if phase == "start":
        _state["start"] = time.perf_counter()
    else:
        gen = info["generation"]
        took = time.perf_counter() - _state["start"]
        _state["seconds"][gen] += took
        _state["count"][gen] += 1
        if gen == 2 and _writing():
            _state["write"][0] += 1
            _state["write"][1] += took
gc.callbacks.append(_probe)
atexit.register(lambda: sys.stderr.write(
    "GC-PROBE %r %r %r\\n" % (_state["count"], _state["seconds"], _state["write"])))
"""


#: (label, variant, sphinx-build options) of the garbage-collector runs.
GC_RUNS = (
    ("kommun", "kommun", ()),
    (
        "kommun, kommun_write_gc_threshold=0",
        "kommun",
        ("-D", "kommun_write_gc_threshold=0"),
    ),
    ("plain", "plain", ()),
)


def build(
    project: Path,
    out: Path,
    extra: Sequence[str],
    env: dict[str, str],
    options: Sequence[str] = (),
) -> str:
    command = [
        sys.executable,
        "-P",
        *extra,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "html",
        *options,
    ]
    command += ["-d", str(out / "doctrees"), str(project), str(out / "html")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return done.stderr


def cumulative(stats: pstats.Stats, function: str, file_part: str) -> float:
    best = 0.0
    for (file, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        if name == function and file_part in file:
            best = max(best, row[3])
    return best


def listing(stats: pstats.Stats, sort: str, *restrictions: str | int) -> str:
    buffer = io.StringIO()
    stats.stream = buffer  # type: ignore[attr-defined]
    stats.sort_stats(sort).print_stats(*restrictions)
    lines = buffer.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    rows = [line for line in lines[start:] if line.strip()]
    return "\n".join("   " + _short_paths(line) for line in rows)


def _short_paths(line: str) -> str:
    """Paths relative to site-packages or to this repository."""
    line = re.sub(r"/\S*/site-packages/", "", line)
    line = re.sub(r"/\S*/lib/python3\.\d+/", "", line)
    return line.replace(f"{HERE.parent}/", "")


def heading(text: str) -> str:
    return f"\n{text}\n{'-' * len(text)}\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="kommun-profile-"))
    projects = corpus.write_corpus(root / "src", args.n, args.seed)
    pages, _words = corpus.source_words(projects["kommun"])
    stats: dict[str, pstats.Stats] = {}
    gc_figures: dict[str, tuple[list[int], list[float], list[float]]] = {}
    probe_dir = root / "probe"
    probe_dir.mkdir()
    (probe_dir / "sitecustomize.py").write_text(GC_PROBE, encoding="utf-8")
    probe_env = dict(os.environ)
    # -P leaves PYTHONPATH alone; sitecustomize is imported from it
    probe_env["PYTHONPATH"] = os.pathsep.join(
        [str(probe_dir), *filter(None, [probe_env.get("PYTHONPATH")])]
    )
    for variant in ("kommun", "plain"):
        profile = root / f"{variant}.prof"
        build(
            projects[variant],
            root / f"out-{variant}-prof",
            ["-m", "cProfile", "-o", str(profile)],
            dict(os.environ),
        )
        stats[variant] = pstats.Stats(str(profile))
    for number, (label, variant, options) in enumerate(GC_RUNS):
        stderr = build(
            projects[variant], root / f"out-gc-{number}", [], probe_env, options
        )
        probe = next(
            line for line in stderr.splitlines() if line.startswith("GC-PROBE")
        )
        counts, seconds, writing = (
            ast.literal_eval(part) for part in re.findall(r"\[[^\]]*\]", probe)
        )
        gc_figures[label] = (counts, seconds, writing)

    kommun, plain = stats["kommun"], stats["plain"]
    total_k = cumulative(kommun, "build", "sphinx/builders/__init__")
    total_p = cumulative(plain, "build", "sphinx/builders/__init__")
    print(
        f"cProfile of a sphinx-kommun HTML build, N = {args.n} ärenden ({pages} pages)"
    )
    print("=" * 72)
    print(
        f"\nCorpus: `python benchmarks/corpus.py DIR --n {args.n} --seed {args.seed}`,"
        " sidebar off;\nmade by `python benchmarks/profile.py --n "
        f"{args.n}`. Under the profiler the\nbuild phase takes {total_k:.1f} s for "
        f"sphinx-kommun and {total_p:.1f} s for the plain floor\n"
        f"({total_k / total_p:.2f}x)."
    )
    print(heading("1. Phases, cumulative seconds under the profiler"))
    print(f"   {'phase':40} {'kommun':>8} {'plain':>8}")
    for label, function, file_part in PHASES:
        k = cumulative(kommun, function, file_part)
        p = cumulative(plain, function, file_part)
        print(f"   {label:40} {k:8.2f} {p:8.2f}")
    print(heading("2. Garbage collection (separate runs, no profiler)"))
    print(
        f"   {'':34} {'collections gen 0/1/2':>22} {'seconds gen 0/1/2':>18}"
        f" {'full while writing':>19}"
    )
    for label, (counts, seconds, writing) in gc_figures.items():
        count_text = "/".join(str(c) for c in counts)
        second_text = "/".join(f"{s:.2f}" for s in seconds)
        write_text = f"{int(writing[0])} ({writing[1]:.2f} s)"
        print(f"   {label:34} {count_text:>22} {second_text:>18} {write_text:>19}")
    print(heading("3. sphinx-kommun's own functions, by cumulative time"))
    print(listing(kommun, "cumulative", "sphinx_kommun/", 30))
    print(heading("4. sphinx-needs, by cumulative time"))
    print(listing(kommun, "cumulative", "sphinx_needs/", 15))
    print(heading("5. Top 20 by own time: sphinx-kommun, then plain"))
    print(listing(kommun, "tottime", 20))
    print()
    print(listing(plain, "tottime", 20))


if __name__ == "__main__":
    main()
