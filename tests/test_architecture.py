"""docs/architecture.md walks through kinds/remiss.py: each Python block it
shows is still in that module, line for line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import sphinx_kommun

ROOT = Path(__file__).parent.parent
GUIDE = ROOT / "docs" / "architecture.md"
REMISS = Path(sphinx_kommun.__file__).parent / "kinds" / "remiss.py"


def test_the_guides_worked_example_is_the_remiss_kind() -> None:
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 5
    source = REMISS.read_text(encoding="utf-8")
    for block in blocks:
        lines = block.rstrip("\n").splitlines()
        indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
        shown = textwrap.indent(textwrap.dedent(block), " " * indent)
        assert shown.rstrip("\n") in source, shown


def test_the_guide_names_every_module_of_the_stages() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    package = Path(sphinx_kommun.__file__).parent
    missing = [
        f"{stage}/{path.name}"
        for stage in ("reading", "domain", "generate")
        for path in sorted((package / stage).glob("*.py"))
        if path.name != "__init__.py" and path.name not in text
    ]
    assert missing == []
