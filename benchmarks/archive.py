"""The archive benchmark: a kommun's archive as one project per year.

``corpus.py`` writes P projects of N ärenden each, one per year (``KS
2011/1001`` …, each with its own seed), as sphinx-kommun projects and as
their plain-Sphinx floor (``plain/``, no sidebar). Each year project is a
job of its own: its full HTML build is timed against its own floor, built
just after it (interleaved, so both see the same machine). Then the
archive project — ``kommun_federation`` naming every year project by the
path of its ``kommun-objects.json``, and one page with
``.. arendeforteckning::`` — is built and timed: the join. The wall time
"as if on P runners" is the slowest job plus the join; beside it, the
serial sum.

Command line::

    python benchmarks/archive.py [--projects 10] [--n 500] [--seed 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

#: The year of the first project.
FIRST_YEAR = 2011

ARCHIVE_CONF = """project = "Arkivet"
language = "sv"
extensions = ["sphinx_kommun"]
html_sidebars = {{"**": []}}
kommun_profile = "stockholm"
kommun_federation = {{
{sources}
}}
"""

ARCHIVE_INDEX = """Alla ärenden
============

.. arendeforteckning::
"""


def write_archive(root: Path, years: dict[int, Path]) -> Path:
    """The archive project, reading each year's built HTML."""
    project = root / "arkiv"
    project.mkdir(parents=True, exist_ok=True)
    sources = "\n".join(
        f'    "{year}": ("https://arkiv.example/{year}/", '
        f'"{out / "html" / "kommun-objects.json"}"),'
        for year, out in years.items()
    )
    (project / "conf.py").write_text(
        ARCHIVE_CONF.format(sources=sources), encoding="utf-8"
    )
    (project / "index.rst").write_text(ARCHIVE_INDEX, encoding="utf-8")
    return project


def benchmark(root: Path, projects: int, n: int, seed: int) -> None:
    # benchmarks/ is on sys.path when this file runs as a script (its
    # profile.py would shadow the standard library's for an importer)
    import corpus
    from run import full_build, table

    rows: list[list[object]] = []
    jobs = []
    built: dict[int, Path] = {}
    for number in range(projects):
        year = FIRST_YEAR + number
        src = corpus.write_corpus(
            root / "src" / str(year),
            n,
            seed=seed + number,
            year=year,
            variants=("kommun", "plain"),
        )
        out = root / "out" / str(year)
        kommun = full_build(src["kommun"], out / "kommun")
        floor = full_build(src["plain"], out / "plain")
        built[year] = out / "kommun"
        jobs.append(kommun)
        ratio = kommun.seconds / floor.seconds
        rows.append(
            [
                year,
                f"{kommun.seconds:.1f}",
                f"{floor.seconds:.1f}",
                f"{ratio:.2f}×",
                f"{kommun.maxrss_mb:.0f}",
                len(kommun.warnings),
            ]
        )
        print(
            f"  {year}: {kommun.seconds:.1f} s, floor {floor.seconds:.1f} s", flush=True
        )
    archive = write_archive(root / "src", built)
    join = full_build(archive, root / "out" / "arkiv")
    print(
        table(
            [
                "project",
                "sphinx-kommun s",
                "floor s",
                "ratio",
                "peak RSS MB",
                "warnings",
            ],
            rows,
        )
    )
    ratios = [float(str(row[3]).rstrip("×")) for row in rows]
    slowest = max(job.seconds for job in jobs)
    total = sum(job.seconds for job in jobs)
    print(f"\nmedian ratio to the floor: {statistics.median(ratios):.2f}×")
    print(
        f"join (the archive project reading {projects} files, "
        f"{projects * n} ärenden listed): {join.seconds:.1f} s, "
        f"peak RSS {join.maxrss_mb:.0f} MB, {len(join.warnings)} warnings"
    )
    print(
        f"wall time as if on {projects} runners: slowest job {slowest:.1f} s + "
        f"join {join.seconds:.1f} s = {slowest + join.seconds:.1f} s "
        f"(serially: {total + join.seconds:.1f} s)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--n", type=int, default=500, help="ärenden per project")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    args = parser.parse_args(argv)
    from run import machine_info

    print("# sphinx-kommun archive benchmark\n")
    print(machine_info())
    print(f"\n## {args.projects} projects of N = {args.n} ärenden, seed {args.seed}\n")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kommun-archive-") as tmp:
        root = args.keep.resolve() if args.keep else Path(tmp)
        benchmark(root, args.projects, args.n, args.seed)
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
