"""Safe defaults for text that others write.

A kommun's CI builds text that förvaltningar and outsiders submit, so by
default nothing written in a source reaches the published handlingar
except as text:

* ``raw`` (the directive, and roles derived from the ``raw`` role) is
  printed as text, as written, never passed to HTML or LaTeX
  (``kommun_allow_raw = True`` lets it through; docutils' ``raw_enabled``
  setting follows it);
* ``include``, ``literalinclude``, ``csv-table :file:``/``:url:``,
  ``raw :file:``/``:url:``, ``:download:``, ``image`` and ``figure`` of a
  file outside the source directory (or, for the ``:url:`` options, from
  the net) are left out, the text around them kept
  (``kommun_allow_outside_files = True`` allows them);
* a link whose address has another scheme than those in
  ``kommun_url_schemes`` (``javascript:``, ``data:``, ``vbscript:``,
  ``file:``, anything unknown) is printed as its text; relative
  addresses are links. This holds wherever the link is written: content,
  an option parsed as inline text (``:bilagor:``, ``:beslut:``), a quote,
  and what is generated when a page is written.

Each refusal is a ``kommun.unsafe`` warning at its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import roles
from docutils.parsers.rst.directives.misc import Raw
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.directives.patches import CSVTable
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..config import KommunConfig
from ..i18n import _

logger = logging.getLogger(__name__)

#: What the ``url_schemes`` setting holds by default.
SAFE_SCHEMES = ("http", "https", "mailto", "tel", "ftp")

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
#: What a browser ignores in an address ("java\tscript:" is "javascript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


def scheme(uri: str) -> str | None:
    """The scheme of ``uri``, lower case; ``None`` for a relative address."""
    match = _SCHEME.match(_IGNORED.sub("", uri))
    return match.group(1).lower() if match else None


def unsafe_scheme(config: KommunConfig, uri: str) -> str | None:
    """The scheme of ``uri`` when it is not an allowed one."""
    found = scheme(uri)
    if found is None:
        return None
    allowed = {name.lower().rstrip(":") for name in config.url_schemes}
    return None if found in allowed else found


def settings_of(env: BuildEnvironment) -> KommunConfig:
    return KommunConfig.from_config(env.config)


def inside(env: BuildEnvironment, path: str | Path) -> bool:
    """Whether ``path`` (absolute, or relative to the working directory, as
    docutils has it) is in the source directory, links resolved."""
    try:
        Path(path).resolve().relative_to(Path(env.srcdir).resolve())
    except ValueError:
        return False
    return True


def warn_outside_at(location: str | None, what: str, path: str) -> None:
    logger.warning(
        _(
            "%(what)s hänvisar till '%(path)s' utanför projektets källmapp; "
            "det tas inte med (kommun_allow_outside_files = True tillåter det)"
        ),
        {"what": what, "path": path},
        location=location,
        type="kommun",
        subtype="unsafe",
    )


def _warn_outside(directive: SphinxDirective, what: str, path: str) -> None:
    warn_outside_at(directive.get_location(), what, path)


def _refused(directive: SphinxDirective, what: str, path: str, full: str) -> bool:
    """Whether ``path`` (``full``, resolved) is refused; warns if so."""
    if settings_of(directive.env).allow_outside_files or inside(directive.env, full):
        return False
    _warn_outside(directive, what, path)
    return True


def _from_the_net(directive: SphinxDirective, what: str) -> bool:
    """A ``:url:`` option is refused like a file outside the project."""
    url = directive.options.get("url")
    if url is None or settings_of(directive.env).allow_outside_files:
        return False
    _warn_outside(directive, what, url)
    return True


def _option_path(directive: SphinxDirective, path: str) -> str:
    """A ``:file:`` option as docutils reads it: relative to the file the
    directive is written in, an absolute path as it is."""
    source = directive.state.document.current_source or ""
    return str(Path(source).parent / path)


class SafeInclude(Include):
    """``include`` of a file in the project (or of docutils' own ``<…>``)."""

    def run(self) -> Sequence[nodes.Node]:
        path = self.arguments[0]
        standard = path.startswith("<") and path.endswith(">")
        if not standard and _refused(
            self, "'.. include::'", path, self.env.relfn2path(path)[1]
        ):
            return []
        return super().run()


class SafeLiteralInclude(LiteralInclude):
    def run(self) -> list[nodes.Node]:
        what = "'.. literalinclude::'"
        path = self.arguments[0]
        if _refused(self, what, path, self.env.relfn2path(path)[1]):
            return []
        # Sphinx opens :diff: as written, from the working directory
        old = self.options.get("diff")
        if old is not None and _refused(self, what, old, old):
            return []
        return super().run()


class SafeCSVTable(CSVTable, SphinxDirective):
    # Sphinx's CSVTable returns a list of nodes, docutils' a table: Sphinx's
    def run(self) -> list[nodes.Node]:  # type: ignore[override]
        what = "'.. csv-table::'"
        if _from_the_net(self, what):
            return []
        path = self.options.get("file")
        if path is not None:
            # an absolute path is the source directory's, unless it exists
            # (Sphinx's csv-table reads it then, with a warning)
            full = (
                str(Path(self.env.srcdir) / path.lstrip("/"))
                if path.startswith("/") and not Path(path).exists()
                else _option_path(self, path)
            )
            if _refused(self, what, path, full):
                return []
        return super().run()


class SafeRaw(Raw, SphinxDirective):
    """``raw``: printed as text unless ``kommun_allow_raw``."""

    def run(self) -> list[nodes.Node]:
        what = f"'.. raw:: {self.arguments[0]}'"
        if not settings_of(self.env).allow_raw:
            logger.warning(
                _(
                    "%(what)s skrivs ut som text, inte som HTML eller LaTeX "
                    "(kommun_allow_raw = True tillåter det)"
                ),
                {"what": what},
                location=self.get_location(),
                type="kommun",
                subtype="unsafe",
            )
            text = "\n".join(self.content)
            if not text:  # a :file: or :url: is not read
                return []
            block = nodes.literal_block(text, text)
            self.set_source_info(block)
            return [block]
        if _from_the_net(self, what):
            return []
        path = self.options.get("file")
        if path is not None and _refused(self, what, path, _option_path(self, path)):
            return []
        return list(super().run())


def raw_role(
    role: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """The ``raw`` role (the base of ``.. role:: html(raw)``): its text is
    printed as written unless ``kommun_allow_raw``."""
    env = inliner.document.settings.env
    if settings_of(env).allow_raw:
        return roles.raw_role(role, rawtext, text, lineno, inliner, options or {})
    source, line = inliner.reporter.get_source_and_line(lineno)
    logger.warning(
        _(
            "%(what)s skrivs ut som text, inte som HTML eller LaTeX "
            "(kommun_allow_raw = True tillåter det)"
        ),
        {"what": f":{role}:"},
        location=f"{source}:{line}",
        type="kommun",
        subtype="unsafe",
    )
    return [nodes.literal(rawtext, text)], []


# ``.. role:: html(raw)`` takes the options of its base role
raw_role.options = roles.raw_role.options  # type: ignore[attr-defined]


# -- in the doctree: links, images, downloads ------------------------------------


def use_settings(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: docutils' own ``raw_enabled`` follows
    ``kommun_allow_raw`` (it stops what sphinx-kommun's ``raw`` does not
    handle)."""
    env.settings["raw_enabled"] = KommunConfig.from_config(app.config).allow_raw


DIRECTIVES: dict[str, type[SphinxDirective]] = {
    "include": SafeInclude,
    "literalinclude": SafeLiteralInclude,
    "csv-table": SafeCSVTable,
    "raw": SafeRaw,
}


def register(app: Sphinx) -> None:
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive, override=True)
    app.add_role("raw", raw_role, override=True)
    app.connect("env-before-read-docs", use_settings)
