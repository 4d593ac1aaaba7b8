"""The register of the bodies' members: ledamöter and ersättare.

Read from the files ``kommun_ledamoter`` names (TOML, or CSV with the
columns ``organ,namn,parti,uppdrag,roll,från,till``), relative to conf.py's
directory (:mod:`.members` holds the data and reads the files).
:func:`register_of` gives the register of a build; a document that asks for
it while it is read depends on the files (it is read again when one
changes). A bad file is a ``kommun.register`` warning naming the file and,
where known, the line; what can be read is kept.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .members import SEATS, Body, Member, Problem, Register, Seat, load

__all__ = [
    "SEATS",
    "Body",
    "Member",
    "Problem",
    "Register",
    "Seat",
    "configured_files",
    "load",
    "register_of",
]

logger = logging.getLogger(__name__)

# -- the register of a build -----------------------------------------------------

_LOADED: weakref.WeakKeyDictionary[
    BuildEnvironment, tuple[tuple[tuple[str, int, int], ...], Register]
] = weakref.WeakKeyDictionary()


def configured_files(env: BuildEnvironment) -> list[Path]:
    """The files ``kommun_ledamoter`` names, relative to conf.py's directory."""
    setting = env.config.kommun_ledamoter
    names = [setting] if isinstance(setting, str) else list(setting or ())
    confdir = env._app.confdir
    base = Path(confdir) if confdir else Path(env.srcdir)
    return [(base / name).resolve() for name in names if name]


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return str(path), -1, -1
    return str(path), stat.st_mtime_ns, stat.st_size


def register_of(env: BuildEnvironment) -> Register:
    """The register of this build, read again when a file has changed.

    A document read meanwhile depends on the register's files.
    """
    paths = configured_files(env)
    stamps = tuple(_stamp(path) for path in paths)
    cached = _LOADED.get(env)
    if cached is None or cached[0] != stamps:
        register, problems = load(paths)
        for problem in problems:
            logger.warning(
                problem.message,
                location=problem.location,
                type="kommun",
                subtype="register",
            )
        cached = (stamps, register)
        _LOADED[env] = cached
    docname = env.current_document.docname
    if docname:
        for path in paths:
            env.note_dependency(str(path))
    return cached[1]


def load_early(app: Any, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: read the register (and warn) once, before
    parallel readers are forked."""
    register_of(env)
