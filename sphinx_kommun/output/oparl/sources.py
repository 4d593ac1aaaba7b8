"""When a page's source last changed: what the export's ``modified`` and
the Atom feed's ``updated`` say.

A source in a git repository and unchanged since its last commit changed
when that commit was made, however recently it was checked out (a CI job
checks out every file anew: their file times say nothing). Any other
source (changed since, not committed, or no repository, or no git) changed
at its file's modification time. Two runs of git for the whole project.
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from collections.abc import Callable
from pathlib import Path

from sphinx.environment import BuildEnvironment


def _git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "core.quotepath=off", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )
    return result.stdout


def committed(srcdir: Path) -> dict[Path, dt.datetime]:
    """Each source under ``srcdir`` git has committed and that has not
    changed since, with the time of its last commit ({} without git)."""
    try:
        top = Path(_git(srcdir, "rev-parse", "--show-toplevel").strip())
        log = _git(top, "log", "--format=@%cI", "--name-only", "--", str(srcdir))
        status = _git(top, "status", "--porcelain", "-z", "--", str(srcdir))
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    changed = {
        (top / entry[3:]).resolve() for entry in status.split("\0") if len(entry) > 3
    }
    found: dict[Path, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in log.splitlines():
        if line.startswith("@"):
            when = dt.datetime.fromisoformat(line[1:])
        elif line and when is not None:
            path = (top / line).resolve()
            if path not in changed:
                found.setdefault(path, when)
    return found


def source_times(env: BuildEnvironment) -> Callable[[str], str]:
    """When a page's source last changed (UTC, to the second; "" unknown)."""
    commits = committed(Path(env.srcdir))

    @functools.cache
    def modified(docname: str) -> str:
        path = Path(env.doc2path(docname)).resolve()
        moment = commits.get(path)
        if moment is None:
            try:
                stamp = path.stat().st_mtime
            except OSError:
                return ""
            moment = dt.datetime.fromtimestamp(int(stamp), dt.UTC)
        return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()

    return modified
