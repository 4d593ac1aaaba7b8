"""``python -m sphinx_kommun``: the same command line as ``sphinx-kommun``
(``sphinx_kommun.cli``), e.g. ``python -m sphinx_kommun hooks >
docs/plugin-hooks.md``."""

from __future__ import annotations

from .cli import main
from .cli.hooks import hook_reference
from .cli.plugins import list_plugins

__all__ = ["hook_reference", "list_plugins", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
