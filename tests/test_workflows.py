"""The CI templates in the example (example_project/.github/workflows):
valid workflows whose every build fails on a warning, and whose check
passes on the example as it is."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOWS = Path(__file__).parent.parent / "example_project" / ".github" / "workflows"


def commands(name: str) -> list[str]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert workflow["name"] and workflow["jobs"]
    found = []
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            assert "run" in step or "uses" in step, step
            if "run" in step:
                found.extend(line for line in step["run"].splitlines() if line.strip())
    return found


@pytest.mark.parametrize("name", ["publicera.yml", "arkiv.yml"])
def test_every_build_of_the_template_fails_on_a_warning(name: str) -> None:
    builds = [c for c in commands(name) if "sphinx-build" in c]
    assert builds
    assert all(" -W " in f" {c} " for c in builds), builds


def test_the_publishing_template_builds_what_is_published() -> None:
    run = " ".join(commands("publicera.yml"))
    for part in ("-b html", "-M latexpdf", "-b oparl", "sphinx-kommun check"):
        assert part in run, part


def test_the_templates_check_passes_on_the_example() -> None:
    (check,) = [c for c in commands("publicera.yml") if "sphinx-kommun check" in c]
    args = shlex.split(check)[1:]
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_kommun", *args],
        cwd=WORKFLOWS.parent.parent,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
