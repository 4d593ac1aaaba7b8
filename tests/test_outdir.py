"""An output directory that cannot be written ends sphinx-build with one
line saying so, not with a traceback from Sphinx's or sphinx-needs' code.

Tests run as root, for whom a directory's mode does not stop a write: the
unwritable directory here is one under a regular file, which stops root too.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


def sphinx_build(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -q`` through Sphinx's own command line (no colours,
    which Sphinx turns on where CI is set)."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "--no-color", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_output_directory_under_a_file(
    project_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    src = project_copy("case")
    blocker = tmp_path / "handlingar.pdf"
    blocker.write_text("a file, not a folder")
    out = blocker / "html"
    result = sphinx_build("-b", "html", src, out)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines() == [
        "ERROR: while setting up extension sphinx_kommun: kan inte skriva i "
        f"utdatakatalogen {out}: {blocker} är en fil, inte en katalog"
    ]
    assert not (src / "_build").exists()


def test_doctree_directory_under_a_file_in_english(
    project_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    src = project_copy("case")
    blocker = tmp_path / "doctrees"
    blocker.write_text("")
    doctrees = blocker / "env"
    result = sphinx_build(
        "-b", "html", "-D", "language=en", "-d", doctrees, src, tmp_path / "html"
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines() == [
        "ERROR: while setting up extension sphinx_kommun: cannot write to the "
        f"doctree directory {doctrees}: {blocker} is a file, not a directory"
    ]


def test_a_writable_output_directory_is_made_and_builds(
    project_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    src = project_copy("case")
    out = tmp_path / "new" / "html"
    result = sphinx_build("-b", "html", src, out)
    assert (result.returncode, result.stderr) == (0, "")
    assert (out / "index.html").is_file()
    assert list(out.glob("tmp*")) == []
