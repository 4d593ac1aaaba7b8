"""What ``pip install`` gets: the wheels of the package and of the three
plugins carry every file of their packages that git tracks (templates,
stylesheets, LaTeX styles, catalogues …), not only the Python modules."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PROJECTS = [".", *(p.parent.relative_to(ROOT).as_posix() for p in sorted(ROOT.glob("plugins/*/pyproject.toml")))]  # fmt: skip


def tracked_package_files(project: Path) -> list[str]:
    """The files git tracks in the project's packages (the folders its
    pyproject.toml's ``packages.find`` includes), relative to the project."""
    config = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", "."],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    return [
        name
        for name in listed
        if "/" in name
        and any(fnmatch(name.split("/")[0], pattern) for pattern in include)
    ]


def test_the_plugins_are_found() -> None:
    assert len(PROJECTS) == 4
    assert "plugins/sphinx-kommun-jamstalldhet" in PROJECTS


@pytest.mark.parametrize("project", PROJECTS)
def test_wheel_holds_every_tracked_file_of_the_package(
    project: str, tmp_path: Path
) -> None:
    source = ROOT / project
    files = tracked_package_files(source)
    assert any(name.endswith("/__init__.py") for name in files)
    # build from a copy of what git tracks, so that nothing left in the
    # checkout (a build/ folder, an egg-info) can make up for missing data
    copy = tmp_path / "src"
    for name in [*files, "pyproject.toml", "README.md"]:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, copy / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", str(tmp_path / "wheels"), str(copy)],
        check=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "wheels").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    assert sorted(set(files) - in_wheel) == []
