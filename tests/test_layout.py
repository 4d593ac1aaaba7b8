"""The package's shape: what imports what, and how long its modules and
functions are (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import sphinx_kommun

PACKAGE = Path(sphinx_kommun.__file__).parent
OUTPUT = "sphinx_kommun.output"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path) -> set[str]:
    """The package's modules that module ``name`` imports (anywhere in it,
    also inside functions; not for types only, in ``TYPE_CHECKING``
    blocks, which never run): ``from . import x`` names the module ``x``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for block in ast.walk(tree):
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test):
            block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            submodules = {f"{base}.{alias.name}" for alias in node.names}
            found.update(submodules)
            # ``from . import x`` imports the module x; from the package
            # itself only what is no module of it
            if not submodules <= set(MODULES):
                found.add(base)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imported(name, path) for name, path in MODULES.items()}


def is_output(name: str) -> bool:
    return name == OUTPUT or name.startswith(OUTPUT + ".")


def test_only_the_extension_setup_imports_the_output_stage() -> None:
    importers = {
        name
        for name, targets in GRAPH.items()
        if not is_output(name) and any(is_output(target) for target in targets)
    }
    assert importers <= {"sphinx_kommun"}, importers


def test_nodes_import_nothing_of_the_package() -> None:
    assert GRAPH["sphinx_kommun.nodes"] == set()


def reaches(start: str, goal: str) -> bool:
    seen, stack = set(), [start]
    while stack:
        for target in GRAPH[stack.pop()]:
            if target == goal:
                return True
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return False


def test_no_import_circle_through_the_output_stage() -> None:
    circles = [name for name in GRAPH if is_output(name) and reaches(name, name)]
    assert circles == []


def test_output_modules_and_functions_are_short() -> None:
    long_modules, long_functions = [], []
    for name, path in MODULES.items():
        if not (is_output(name) or name == "sphinx_kommun.nodes"):
            continue
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 400:
            long_modules.append(name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                if node.end_lineno - node.lineno + 1 > 60:
                    long_functions.append(f"{name}.{node.name}")
    assert long_modules == []
    assert long_functions == []


def test_no_import_circle_anywhere() -> None:
    circles = sorted(name for name in GRAPH if reaches(name, name))
    assert circles == []


def test_every_module_and_function_is_short() -> None:
    long_modules, long_functions = [], []
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 400:
            long_modules.append(name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                if node.end_lineno - node.lineno + 1 > 60:
                    long_functions.append(f"{name}.{node.name}")
    assert long_modules == []
    assert long_functions == []


def test_the_stages_import_in_pipeline_order() -> None:
    """A stage imports only the stages before it: the domain knows nothing
    of generating or writing, generating nothing of writing. The model
    (``domain.model``) comes first: reading makes it."""
    order = ["model", "reading", "domain", "generate", "output"]

    def stage(module: str) -> int | None:
        if module == "sphinx_kommun.domain.model":
            return 0
        parts = module.split(".")
        return order.index(parts[1]) if len(parts) > 1 and parts[1] in order else None

    backwards = {
        (name, target)
        for name, targets in GRAPH.items()
        for target in targets
        if (here := stage(name)) is not None
        and (there := stage(target)) is not None
        and there > here
    }
    assert backwards == set()
