"""Loading plugins, and what their hooks add.

One :class:`Plugins` per Sphinx application (``app.kommun_plugins``), made at
``config-inited``: the built-in plugin first, then the ``sphinx_kommun``
entry points of installed distributions, then the modules listed in
``kommun_plugins``; names in ``kommun_disabled_plugins`` are skipped. Hooks
are called through :class:`~.dispatch.Dispatcher`.
"""

from __future__ import annotations

import difflib
import functools
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, cast

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..i18n import _
from .dispatch import PROJECT, Dispatcher, Impl, PluginError
from .hookspecs import Column, FieldSpec, SectionKind
from .shapes import (
    _check_columns,
    _check_fields,
    _check_footer,
    _check_profiles,
    _check_rows,
    _check_sections,
    _check_str,
    _check_str_list,
    _check_str_mapping,
    check_findings,
    run_validator,
    section_key,
)

ENTRY_POINT_GROUP = "sphinx_kommun"
BUILTIN = "sphinx_kommun.builtin"

__all__ = [
    "Impl",
    "PluginError",
    "Plugins",
    "check_findings",
    "plugins_of",
    "run_validator",
    "section_key",
]


@dataclass
class PluginInfo:
    """Where a plugin came from, for ``python -m sphinx_kommun plugins``."""

    name: str
    version: str
    source: str  # "built-in", "entry point", "conf.py"
    hooks: list[str] = field(default_factory=list)


class Plugins(Dispatcher):
    """The plugin manager of one Sphinx application, and what its hooks add."""

    def __init__(
        self,
        extra: Iterable[Any] = (),
        disabled: Iterable[str] = (),
        *,
        builtin: Any = None,
        entry_points: bool = True,
        locate: Callable[[str], str | None] = lambda setting: None,
    ) -> None:
        """Load ``builtin`` (sphinx-kommun's own plugin), the entry points
        and ``extra``, but not the ``disabled``."""
        super().__init__()
        #: where conf.py sets a setting, for warnings about it
        self.locate = locate
        self.info: dict[str, PluginInfo] = {}
        #: the plugins themselves (pluggy has their proxies), by name
        self._plugins: dict[str, Any] = {}
        disabled = list(disabled)
        for name in disabled:
            self.pm.set_blocked(name)
        #: every plugin name met, loaded or blocked
        self._names: set[str] = set()
        if builtin is not None:
            self._register(
                builtin, BUILTIN, "built-in", _version(PROJECT.replace("_", "-"))
            )
        if entry_points:
            self._load_entry_points()
        for item in extra:
            self._load_configured(item)
        self._fields: dict[str, list[FieldSpec]] = {}
        self._check_disabled(disabled)

    # -- loading -------------------------------------------------------------------

    def _blocked(self, name: str) -> bool:
        """Note ``name`` as met; whether it is disabled (then it is not imported)."""
        self._names.add(name)
        return self.pm.is_blocked(name)

    def _check_disabled(self, disabled: Iterable[str]) -> None:
        """Warn about a disabled name that looks like a misspelt plugin name.

        The warning names the plugin meant and every plugin found. Other
        unknown names are fine: a project may disable a plugin that is
        installed on some machines only (the test projects disable the
        example plugins, which a plugin's own tests may run without).
        """
        known = sorted(self._names)
        for name in disabled:
            if name in self._names:
                continue
            close = difflib.get_close_matches(name, known, n=1)
            if close:
                self.warn(
                    _(
                        "kommun_disabled_plugins: ingen plugin heter '%(name)s'; "
                        "menade du '%(close)s'? (kända plugins: %(known)s)"
                    )
                    % {"name": name, "close": close[0], "known": ", ".join(known)},
                    self.locate("kommun_disabled_plugins"),
                )

    def _register(self, plugin: Any, name: str, source: str, version: str) -> None:
        if self._blocked(name):
            return
        if self.pm.has_plugin(name) or any(
            known is plugin for known in self._plugins.values()
        ):
            self.warn(
                _(
                    "pluginen '%(plugin)s' är registrerad två gånger; den andra räknas inte"
                )
                % {"plugin": name}
            )
            return
        try:
            proxy = self._proxy(plugin, name)
            # pluggy validates hook names, signatures and wrappers
            self.pm.register(proxy, name=name)
        except Exception as err:
            self.warn(
                _("pluginen '%(plugin)s' kan inte registreras: %(error)s")
                % {"plugin": name, "error": err}
            )
            return
        self._plugins[name] = plugin
        hooks = sorted(caller.name for caller in self.pm.get_hookcallers(proxy) or ())
        self.info[name] = PluginInfo(name, version, source, hooks)

    def _load_entry_points(self) -> None:
        for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self._blocked(entry.name):
                continue
            version = entry.dist.version if entry.dist is not None else ""
            try:
                plugin = entry.load()
            except Exception as err:
                self.warn(
                    _("pluginen '%(plugin)s' (%(value)s) kan inte läsas in: %(error)s")
                    % {"plugin": entry.name, "value": entry.value, "error": err}
                )
                continue
            self._register(plugin, entry.name, "entry point", version)

    def _load_configured(self, item: Any) -> None:
        if isinstance(item, str):
            name = item
            if self._blocked(name):
                return
            try:
                plugin = importlib.import_module(item)
            except Exception as err:
                self.warn(
                    _(
                        "pluginen '%(plugin)s' i kommun_plugins kan inte importeras: "
                        "%(error)s"
                    )
                    % {"plugin": item, "error": err},
                    self.locate("kommun_plugins"),
                )
                return
        else:
            plugin = item
            name = getattr(item, "__name__", None) or type(item).__name__
        version = str(getattr(plugin, "__version__", ""))
        self._register(plugin, name, "conf.py", version)

    # -- what the setup hooks add ------------------------------------------------------

    # The setup hooks' answers cannot change during a build: each is asked once
    # (:meth:`prepare`), so a plugin returning nonsense is warned about once, not
    # per document nor per parallel worker. Where results compete (section
    # kinds by name, ställning words, footer parts by key), the implementation
    # pluggy calls first wins; lists come in call order.

    def prepare(self) -> None:
        """Ask every setup hook now, before any document is read (and before
        parallel workers start, so each asks none again)."""
        for name in ("sections", "positions", "columns", "checked_static_files"):
            getattr(self, name)
        self.latex_preamble()

    @functools.cached_property
    def sections(self) -> dict[str, SectionKind]:
        """Every section kind, by name (the first called plugin's kind of a
        name wins: one called before the built-in replaces its kind)."""
        found: dict[str, SectionKind] = {}
        for _impl, kinds in self.collect("kommun_section_kinds", _check_sections):
            for kind in kinds:
                found.setdefault(kind["name"], kind)
        return found

    @functools.cached_property
    def _sections_by_key(self) -> dict[str, SectionKind]:
        found: dict[str, SectionKind] = {}
        for kind in self.sections.values():
            for alias in kind.get("aliases", ()):
                found.setdefault(section_key(alias), kind)
        for kind in self.sections.values():  # a name wins over another's alias
            found[section_key(kind["name"])] = kind
        return found

    def section(self, name: str) -> SectionKind | None:
        """The section kind named or aliased ``name`` (as :func:`section_key` folds it).

        A kind's own name takes precedence over another kind's alias.
        """
        return self._sections_by_key.get(section_key(name))

    @functools.cached_property
    def _excerpt_titles(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for kind in self.sections.values():
            if kind.get("excerpt") and kind.get("title"):
                found.setdefault(str(kind["excerpt"]), []).append(str(kind["title"]))
        return found

    def excerpt_titles(self, excerpt: str) -> list[str]:
        """Headings of the section kinds whose ``excerpt`` is ``excerpt``."""
        return self._excerpt_titles.get(excerpt, [])

    def fields(self, kind: str) -> list[FieldSpec]:
        if kind not in self._fields:
            found: list[FieldSpec] = []
            for _impl, specs in self.collect(
                "kommun_object_fields", _check_fields, kind=kind
            ):
                found.extend(specs)
            self._fields[kind] = found
        return self._fields[kind]

    @functools.cached_property
    def positions(self) -> dict[str, str]:
        """Ställning words from every plugin, with their descriptions (the
        first called plugin's description of a word wins)."""
        merged: dict[str, str] = {}
        for _impl, words in self.collect("kommun_positions", _check_str_mapping):
            for word, description in words.items():
                merged.setdefault(word, description)
        return merged

    @functools.cached_property
    def profiles(self) -> dict[str, tuple[Impl, dict[str, Any]]]:
        """Every plugin's profiles, by name, with the plugin that gives each
        (the first called plugin's profile of a name wins)."""
        found: dict[str, tuple[Impl, dict[str, Any]]] = {}
        for impl, profiles in self.collect("kommun_profiles", _check_profiles):
            for name, entries in profiles.items():
                found.setdefault(name, (impl, entries))
        return found

    @functools.cached_property
    def columns(self) -> list[tuple[str, Column]]:
        """Extra columns of the remissammanställning in call order, with the
        plugin of each."""
        return [
            (impl.plugin, column)
            for impl, columns in self.collect(
                "kommun_compilation_columns", _check_columns
            )
            for column in columns
        ]

    def latex_preamble(self) -> str:
        """The plugins' preambles, in call order."""
        return self._latex_preamble

    @functools.cached_property
    def _latex_preamble(self) -> str:
        return "\n".join(
            text for _impl, text in self.collect("kommun_latex_preamble", _check_str)
        )

    def static_files(self) -> list[tuple[Impl, str]]:
        """(implementation, path) of every file a plugin adds to HTML output."""
        return [
            (impl, path)
            for impl, paths in self.collect("kommun_static_files", _check_str_list)
            for path in paths
        ]

    @functools.cached_property
    def checked_static_files(self) -> list[Path]:
        """The plugins' existing .css and .js files; a bad one is warned about once."""
        files = []
        for impl, text in self.static_files():
            path = Path(text)
            if path.suffix not in (".css", ".js") or not path.is_file():
                self.warn(
                    _(
                        "pluginen '%(plugin)s': den statiska filen %(path)s är ingen "
                        "befintlig .css- eller .js-fil"
                    )
                    % {"plugin": impl.plugin, "path": path},
                    impl.location,
                )
                continue
            files.append(path)
        return files

    # -- what the reading hooks add -----------------------------------------------------

    def header_fields(self, obj: Any, language: str) -> list[tuple[str, str]]:
        return [
            row
            for _impl, rows in self.collect(
                "kommun_header_fields",
                _check_rows,
                obj.location,
                obj=obj,
                language=language,
            )
            for row in rows
        ]

    def footer(self, obj: Any, language: str) -> list[nodes.Node]:
        """The footer parts in call order; of parts with the same key, the
        first called plugin's (in its place)."""
        parts: dict[str, list[nodes.Node]] = {}
        for _impl, found in self.collect(
            "kommun_footer", _check_footer, obj.location, obj=obj, language=language
        ):
            for part in found:
                parts.setdefault(part["key"], list(part["nodes"]))
        return [node for part in parts.values() for node in part]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


# -- one per application ---------------------------------------------------------------


def plugins_of(env: BuildEnvironment) -> Plugins:
    """The plugin manager of the application building ``env``.

    The environment reaches its application through ``env._app``, as Sphinx's
    own post-transforms do.
    """
    return cast(Plugins, env._app.kommun_plugins)  # type: ignore[attr-defined]
