"""The preview figure: edit one yttrande → its utlåtande rewritten by serve.

Writes the benchmark corpus for N ärenden, starts ``sphinx-kommun serve
--port 0`` on its ``kommun`` project (a child process, as a clerk runs it),
waits for the first build, then K times appends a sentence to
*Synpunkter och förslag* in ``arende-1/yttrande-2.rst`` (the section the
utlåtande's remissammanställning quotes) and measures the time from the
write of the source to the moment the utlåtande's HTML file is replaced
(its ``st_mtime_ns`` changes, polled every 5 ms) and holds the new
sentence. That includes serve's polling of the sources (every 0.3 s, so
0.15 s on average). Beside it, the same K edits built by ``sphinx-build``
incrementally (a new process each time, the environment read from disk).
Medians of the K edits (the machine is shared and noisy).

    python benchmarks/preview.py --n 50 --edits 7
    python benchmarks/preview.py --n 50 --profile   # cProfile of one edit in-process
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# benchmarks/profile.py would shadow the standard library's profile module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
import cProfile  # noqa: E402

sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import run  # noqa: E402

PAGE = "arende-1/utlatande.html"
SCRIPT = Path(sys.executable).with_name("sphinx-kommun")
ADDRESS = re.compile(r"http://127\.0\.0\.1:\d+/")
DONE = re.compile(r"bygge (\d+) klart på (\d+,\d) s: (\d+) lästa, (\d+) skrivna")


def counter(address: str) -> str:
    with urllib.request.urlopen(address + "__sphinx_kommun__/build", timeout=60) as r:
        return str(r.read().decode())


def serve_edits(project: Path, edits: int, log: Path) -> list[tuple[float, float]]:
    """Start serve, then time each edit → the utlåtande written, and →
    the build counter the page polls (the browser reloads) changed."""
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [str(SCRIPT), "serve", "--port", "0"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_COLOR": "1", "PYTHONWARNINGS": "ignore"},
        )
        try:
            return _timed_edits(project, edits, log, process)
        finally:
            process.terminate()
            process.wait(timeout=60)


def _timed_edits(
    project: Path, edits: int, log: Path, process: subprocess.Popen[bytes]
) -> list[tuple[float, float]]:
    deadline = time.monotonic() + 3600
    while not (found := ADDRESS.search(log.read_text(encoding="utf-8"))):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("serve did not start:\n" + log.read_text("utf-8"))
        time.sleep(0.2)
    address = found.group(0)
    page = project / "_build" / "preview" / "html" / PAGE
    seconds = []
    for number in range(1, edits + 1):
        time.sleep(3.0)  # serve idle again (and what it defers done)
        before, builds = page.stat().st_mtime_ns, counter(address)
        sentence = f"Meningen ändrades i mätning nummer {number}."
        start = time.perf_counter()
        run.edit_yttrande(project, number)
        written = shown = asked = 0.0
        while not (written and shown):
            if time.perf_counter() - start > 600:
                raise SystemExit(f"{page} was not rewritten within 600 s")
            now = time.perf_counter() - start
            if not written and page.stat().st_mtime_ns != before:
                with contextlib.suppress(UnicodeDecodeError):
                    if sentence in page.read_text(encoding="utf-8"):
                        written = now
            # the counter every 20 ms (a page asks every 500 ms): asked
            # every 5 ms, serve's server thread took the build's time
            if not shown and now - asked >= 0.02:
                asked = now
                if counter(address) != builds:
                    shown = now
            time.sleep(0.005)
        seconds.append((written, shown))
    time.sleep(1.0)
    return seconds


def sphinx_build_edits(project: Path, out: Path, edits: int) -> list[float]:
    """The same edits built by sphinx-build, incrementally (first build untimed)."""
    command = [
        "-b",
        "html",
        "-d",
        str(out / "doctrees"),
        str(project),
        str(out / "html"),
    ]
    run.sphinx(command, out.parent / "sphinx-build-first.log")
    seconds = []
    for number in range(101, 101 + edits):
        run.edit_yttrande(project, number)
        seconds.append(run.sphinx(command, out.parent / "sphinx-build.log").seconds)
    return seconds


def profile_edit(project: Path) -> str:
    """cProfile of serve's build after one edit, in this process."""
    sys.path.insert(0, str(HERE.parent))
    from sphinx_kommun.cli.serve import Preview

    preview = Preview(project)
    preview.build(fresh_app=True)
    for number in (1, 2):  # the second edit's build is profiled
        preview.idle()
        run.edit_yttrande(project, number)
        time.sleep(0.05)
        if number == 1:
            preview.build(fresh_app=False, same_files=True)
    profiler = cProfile.Profile()
    profiler.enable()
    preview.build(fresh_app=False, same_files=True)
    profiler.disable()
    preview.idle()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    preview.session.close()
    return buffer.getvalue()


#: (module, class or None, function) timed by ``--phases``
PHASED = (
    ("sphinx.builders", "Builder", "read"),
    ("sphinx.builders", "Builder", "write"),
    ("sphinx.builders", "Builder", "get_outdated_docs"),
    ("sphinx.builders.html", "StandaloneHTMLBuilder", "get_outdated_docs"),
    ("sphinx.builders.html", "StandaloneHTMLBuilder", "finish"),
    ("sphinx.builders.html", "StandaloneHTMLBuilder", "dump_search_index"),
    ("sphinx.builders.html", "StandaloneHTMLBuilder", "gen_indices"),
    ("sphinx.builders.html", "StandaloneHTMLBuilder", "copy_assets"),
    ("sphinx.environment", "BuildEnvironment", "find_files"),
    ("sphinx.environment", "BuildEnvironment", "check_dependents"),
    ("sphinx.environment", "BuildEnvironment", "check_consistency"),
    ("sphinx.environment", "BuildEnvironment", "get_and_resolve_doctree"),
    ("sphinx_kommun.generate.incremental", None, "pages_to_rewrite"),
    ("sphinx_kommun.generate.incremental", None, "commit_written"),
    ("pickle", None, "dump"),
)


def phases(project: Path, edits: int) -> str:
    """Wall seconds per phase of serve's builds after ``edits`` edits
    (medians), in this process, without a profiler."""
    import functools
    import importlib

    sys.path.insert(0, str(HERE.parent))
    from sphinx_kommun.cli.serve import Preview

    spent: dict[str, list[float]] = {}

    def timed(label: str, function: Any) -> Any:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label][-1] += time.perf_counter() - start

        return wrapper

    for module_name, owner_name, name in PHASED:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name) if owner_name else module
        label = f"{owner_name or module_name.rpartition('.')[2]}.{name}"
        spent[label] = [0.0]
        setattr(owner, name, timed(label, getattr(owner, name)))
    preview = Preview(project)
    preview.build(fresh_app=True)
    total = []
    for number in range(1, edits + 1):
        for times in spent.values():
            times.append(0.0)
        preview.idle()  # as serve is between edits
        run.edit_yttrande(project, number)
        time.sleep(0.05)
        start = time.perf_counter()
        preview.build(fresh_app=False, same_files=True)  # as serve's poll says
        total.append(time.perf_counter() - start)
    preview.idle()
    preview.session.close()
    for times in spent.values():
        del times[0]  # the first build's
    lines = [f"   {'whole build':45} {statistics.median(total):6.2f}"]
    for label, times in spent.items():
        lines.append(f"   {label:45} {statistics.median(times):6.2f}")
    return "\n".join(lines)


def summary(label: str, seconds: Sequence[float]) -> str:
    each = ", ".join(f"{s:.2f}" for s in seconds)
    return f"| {label} | {statistics.median(seconds):.2f} | {min(seconds):.2f} | {max(seconds):.2f} | {each} |"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="number of ärenden")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=7, help="edits measured")
    parser.add_argument("--profile", action="store_true", help="profile one edit")
    parser.add_argument("--phases", action="store_true", help="time phases")
    parser.add_argument("--skip-sphinx-build", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kommun-preview-") as tmp:
        root = args.keep.resolve() if args.keep else Path(tmp)
        project = corpus.write_corpus(
            root / "src", args.n, args.seed, variants=("kommun",)
        )["kommun"]
        if args.phases:
            print(phases(project, args.edits))
            return
        if args.profile:
            print(profile_edit(project))
            return
        print(run.machine_info())
        print(run.kommun_under_test())
        print(f"N = {args.n}, {args.edits} edits of {run.EDIT_DOC}.rst\n")
        print("| | median s | min s | max s | each edit, s |")
        print("| --- | --- | --- | --- | --- |")
        served = serve_edits(project, args.edits, root / "serve.log")
        print(summary("serve: edit → utlåtande written", [w for w, _s in served]))
        print(
            summary("serve: edit → build counter changed", [s for _w, s in served]),
            flush=True,
        )
        if not args.skip_sphinx_build:
            built = sphinx_build_edits(project, root / "out", args.edits)
            print(summary("sphinx-build incremental (whole process)", built))
        builds = DONE.findall((root / "serve.log").read_text(encoding="utf-8"))
        print("\nserve's own lines (build, seconds, read, written):")
        for number, took, read, written in builds:
            print(f"  {number}: {took} s, {read} read, {written} written")


if __name__ == "__main__":
    main()
