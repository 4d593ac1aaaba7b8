"""Two figures of ``sphinx-kommun build`` at N ärenden: ``-j 2`` against a
serial build, and the first meeting's PDF after the HTML build.

    python benchmarks/jobs.py --n 500 --pairs 3

* **-j 2**: K interleaved pairs of full HTML builds of the sphinx-kommun
  corpus (sidebar off, as the floor in ``run.py``), serial then ``-j 2``,
  each from an empty output directory; the median of the pairs' wall-time
  ratios. CPU time is the sum over the processes the build waited for.
* **The meeting's PDF after the HTML build**: what ``sphinx-kommun build``
  does. The HTML build's environment and doctrees (``-d``) are kept; the
  LaTeX builder then writes only the first KF sammanträde's PDF
  (``-D kommun_pdf_documents=<id>``) on that environment, timed as its own
  ``sphinx-build`` process, then ``make all-pdf`` in the LaTeX directory.
  Sphinx's own report says how many source files the LaTeX step read
  (``updating environment: … added, … changed``): none, if the environment
  is shared. Compare ``run.py``'s cold figure, which reads every document.

No test asserts a time; ``tests/test_benchmarks.py`` runs this at N = 2.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from run import (
    CHILD_PYTHONPATH,
    full_build,
    kommun_under_test,
    load,
    machine_info,
    meeting_id,
    run_process,
    show_warnings,
    snapshot_package,
    table,
)

#: Sphinx's line saying what the environment read.
UPDATED = re.compile(
    r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed"
)


def jobs_pairs(src: Path, out: Path, k: int) -> list[str]:
    """K pairs of serial and ``-j 2`` builds; the table's rows, median last."""
    rows = []
    ratios = []
    for i in range(1, k + 1):
        serial = full_build(src, out / "serial")
        parallel = full_build(src, out / "j2", ["-j", "2"])
        show_warnings(f"pair {i} serial", serial.warnings)
        show_warnings(f"pair {i} -j 2", parallel.warnings)
        ratio = parallel.seconds / serial.seconds
        ratios.append(ratio)
        rows.append(
            [
                str(i),
                f"{serial.seconds:.1f}",
                f"{serial.cpu:.1f}",
                f"{parallel.seconds:.1f}",
                f"{parallel.cpu:.1f}",
                f"{ratio:.2f}×",
                f"{serial.maxrss_mb:.0f} / {parallel.maxrss_mb:.0f}",
            ]
        )
    print(
        table(
            [
                "pair",
                "serial wall s",
                "serial CPU s",
                "-j 2 wall s",
                "-j 2 CPU s",
                "-j 2 / serial",
                "peak RSS MB (largest process)",
            ],
            rows,
        )
    )
    median = statistics.median(ratios)
    print(f"\nmedian -j 2 / serial: {median:.2f}×")
    return [f"{r:.2f}" for r in ratios]


def pdf_after_html(src: Path, out: Path) -> None:
    """The HTML build, then the first meeting's PDF on its environment."""
    html = full_build(src, out)
    ident = meeting_id(src)
    latex_dir = out / "latex"
    step = run_process(
        [
            sys.executable,
            "-P",
            "-m",
            "sphinx",
            "-b",
            "latex",
            "-d",
            str(out / "doctrees"),
            "-D",
            f"kommun_pdf_documents={ident}",
            str(src),
            str(latex_dir),
        ],
        out / "latex.log",
    )
    if step.returncode != 0:
        raise SystemExit(f"the LaTeX step failed, see {out / 'latex.log'}")
    found = UPDATED.search(step.log)
    read = "?" if found is None else str(int(found.group(1)) + int(found.group(2)))
    latexmk = run_process(
        ["make", "all-pdf", "LATEXOPTS=-halt-on-error"], out / "latexmk.log", latex_dir
    )
    if latexmk.returncode != 0:
        raise SystemExit(f"latexmk failed, see {out / 'latexmk.log'}")
    show_warnings("latex after html", step.warnings)
    print(
        table(
            [
                "HTML build s",
                "meeting PDF: sphinx (latex) s",
                "source files it read",
                "latexmk s",
                "peak RSS MB (latex step)",
            ],
            [
                [
                    f"{html.seconds:.1f}",
                    f"{step.seconds:.2f}",
                    read,
                    f"{latexmk.seconds:.2f}",
                    f"{step.maxrss_mb:.0f}",
                ]
            ],
        )
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="number of ärenden")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pairs", type=int, default=3, help="serial / -j 2 pairs")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    parser.add_argument(
        "--kommun-commit",
        metavar="REV",
        help="measure sphinx_kommun as committed at REV (as run.py does)",
    )
    args = parser.parse_args(argv)
    print("# sphinx-kommun: -j 2 and the meeting's PDF after HTML\n")
    print(machine_info())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kommun-jobs-") as tmp:
        root = args.keep.resolve() if args.keep else Path(tmp)
        if args.kommun_commit:
            full = snapshot_package(args.kommun_commit, root / "package")
            CHILD_PYTHONPATH.append(str(root / "package"))
            print(f"sphinx_kommun snapshot of commit {full}")
        print(kommun_under_test())
        src = corpus.write_corpus(
            root / "src", args.n, seed=args.seed, variants=("kommun",)
        )["kommun"]
        print(f"\n## N = {args.n}: {args.pairs} pairs, serial then -j 2\n")
        print(f"before: {load()}")
        jobs_pairs(src, root / "out", args.pairs)
        if not args.skip_pdf and shutil.which("latexmk"):
            print(f"\n## N = {args.n}: the first meeting's PDF after the HTML build\n")
            pdf_after_html(src, root / "out" / "shared")
        print(f"\nafter: {load()}")
    print(f"\nwall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
