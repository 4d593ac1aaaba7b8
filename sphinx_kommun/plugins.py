"""Loading plugins and calling their hooks safely.

One :class:`Plugins` per Sphinx application (``app.kommun_plugins``), made at
``config-inited``: the built-in plugin first, then the ``sphinx_kommun``
entry points of installed distributions, then the modules listed in
``kommun_plugins``; names in ``kommun_disabled_plugins`` are skipped.

Every hook is called plugin by plugin: one that raises or returns something
of the wrong shape gets a ``kommun.plugin`` warning naming it (and the
document, when there is one) and is left out of that call.
"""

from __future__ import annotations

import difflib
import functools
import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, cast

import pluggy
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import hookspecs
from .config import conf_location
from .hookspecs import Column, FieldSpec, FooterPart, SectionKind
from .swedish import fold

logger = logging.getLogger(__name__)

PROJECT = "sphinx_kommun"
ENTRY_POINT_GROUP = "sphinx_kommun"
BUILTIN = "sphinx_kommun.builtin"

Location = tuple[str, int] | str | None


@dataclass
class PluginInfo:
    """Where a plugin came from, for ``python -m sphinx_kommun plugins``."""

    name: str
    version: str
    source: str  # "built-in", "entry point", "conf.py"
    hooks: list[str] = field(default_factory=list)


class PluginError(Exception):
    """A plugin returned something of the wrong shape."""


def _warn(message: str, location: Location = None) -> None:
    logger.warning(message, location=location, type="kommun", subtype="plugin")


class Plugins:
    """The plugin manager of one Sphinx application, and what its hooks add."""

    def __init__(
        self,
        extra: Iterable[Any] = (),
        disabled: Iterable[str] = (),
        *,
        entry_points: bool = True,
        locate: Callable[[str], str | None] = lambda setting: None,
    ) -> None:
        #: where conf.py sets a setting, for warnings about it
        self.locate = locate
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.info: dict[str, PluginInfo] = {}
        disabled = list(disabled)
        for name in disabled:
            self.pm.set_blocked(name)
        #: every plugin name met, loaded or blocked
        self._names: set[str] = set()
        from . import builtin

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
                _warn(
                    f"kommun_disabled_plugins: ingen plugin heter '{name}'; "
                    f"menade du '{close[0]}'? (kända plugins: {', '.join(known)})",
                    self.locate("kommun_disabled_plugins"),
                )

    def _register(self, plugin: Any, name: str, source: str, version: str) -> None:
        if self._blocked(name):
            return
        if self.pm.has_plugin(name) or self.pm.is_registered(plugin):
            _warn(f"plugin '{name}' is registered twice; the second is ignored")
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as err:  # pluggy validates hook names and signatures
            _warn(f"plugin '{name}' cannot be registered: {err}")
            return
        hooks = sorted(caller.name for caller in self.pm.get_hookcallers(plugin) or ())
        self.info[name] = PluginInfo(name, version, source, hooks)

    def _load_entry_points(self) -> None:
        for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self._blocked(entry.name):
                continue
            version = entry.dist.version if entry.dist is not None else ""
            try:
                plugin = entry.load()
            except Exception as err:
                _warn(f"plugin '{entry.name}' ({entry.value}) cannot be loaded: {err}")
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
                _warn(
                    f"plugin '{item}' in kommun_plugins cannot be imported: {err}",
                    self.locate("kommun_plugins"),
                )
                return
        else:
            plugin = item
            name = getattr(item, "__name__", None) or type(item).__name__
        version = str(getattr(plugin, "__version__", ""))
        self._register(plugin, name, "conf.py", version)

    # -- calling -----------------------------------------------------------------------

    def call(
        self, hook: str, location: Location = None, **kwargs: Any
    ) -> list[tuple[str, Any]]:
        """Call ``hook`` on each plugin in registration order.

        Returns (plugin name, result) for every plugin that returned something
        other than None; a plugin that raises is warned about and skipped.
        """
        caller = getattr(self.pm.hook, hook)
        results = []
        for impl in caller.get_hookimpls():
            args = [kwargs[name] for name in impl.argnames]
            try:
                result = impl.function(*args)
            except Exception as err:
                _warn(
                    f"plugin '{impl.plugin_name}' failed in {hook}: "
                    f"{type(err).__name__}: {err}",
                    location,
                )
                continue
            if result is not None:
                results.append((impl.plugin_name, result))
        return results

    def collect(
        self,
        hook: str,
        check: Callable[[Any], Any],
        location: Location = None,
        **kwargs: Any,
    ) -> list[tuple[str, Any]]:
        """Like :meth:`call`, with each result checked (and converted) by
        ``check``, which raises :class:`PluginError` for nonsense."""
        checked = []
        for name, result in self.call(hook, location, **kwargs):
            try:
                checked.append((name, check(result)))
            except (PluginError, TypeError, ValueError, KeyError) as err:
                _warn(f"plugin '{name}' returned nonsense from {hook}: {err}", location)
        return checked

    # -- what the setup hooks add ------------------------------------------------------

    # The setup hooks' answers cannot change during a build: each is asked once,
    # so a plugin returning nonsense is warned about once, not per document.

    @functools.cached_property
    def sections(self) -> dict[str, SectionKind]:
        """Every section kind, by name (a later plugin's kind replaces one)."""
        found: dict[str, SectionKind] = {}
        for _name, kinds in self.collect("kommun_section_kinds", _check_sections):
            for kind in kinds:
                found[kind["name"]] = kind
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
            for _name, specs in self.collect(
                "kommun_object_fields", _check_fields, kind=kind
            ):
                found.extend(specs)
            self._fields[kind] = found
        return self._fields[kind]

    @functools.cached_property
    def positions(self) -> dict[str, str]:
        """Ställning words from every plugin, with their descriptions."""
        merged: dict[str, str] = {}
        for _name, words in self.collect("kommun_positions", _check_str_mapping):
            merged.update(words)
        return merged

    @functools.cached_property
    def columns(self) -> list[tuple[str, Column]]:
        """Extra columns of the remissammanställning, with the plugin of each."""
        return [
            (name, column)
            for name, columns in self.collect(
                "kommun_compilation_columns", _check_columns
            )
            for column in columns
        ]

    def latex_preamble(self) -> str:
        return "\n".join(
            text for _name, text in self.collect("kommun_latex_preamble", _check_str)
        )

    def static_files(self) -> list[tuple[str, str]]:
        """(plugin name, path) of every file a plugin adds to HTML output."""
        return [
            (name, path)
            for name, paths in self.collect("kommun_static_files", _check_str_list)
            for path in paths
        ]

    @functools.cached_property
    def checked_static_files(self) -> list[Path]:
        """The plugins' existing .css and .js files; a bad one is warned about once."""
        files = []
        for plugin, text in self.static_files():
            path = Path(text)
            if path.suffix not in (".css", ".js") or not path.is_file():
                _warn(
                    f"plugin '{plugin}': static file {path} is not an existing "
                    ".css or .js file"
                )
                continue
            files.append(path)
        return files

    # -- what the reading hooks add -----------------------------------------------------

    def header_fields(self, obj: Any, language: str) -> list[tuple[str, str]]:
        return [
            row
            for _name, rows in self.collect(
                "kommun_header_fields",
                _check_rows,
                obj.location,
                obj=obj,
                language=language,
            )
            for row in rows
        ]

    def footer(self, obj: Any, language: str) -> list[nodes.Node]:
        parts: dict[str, list[nodes.Node]] = {}
        for _name, found in self.collect(
            "kommun_footer", _check_footer, obj.location, obj=obj, language=language
        ):
            for part in found:
                parts.pop(part["key"], None)  # replaced: goes where the later one is
                parts[part["key"]] = list(part["nodes"])
        return [node for part in parts.values() for node in part]


def run_validator(
    validate: Callable[[str], Any] | None, text: str, *, text_only: bool = False
) -> Any:
    """A plugin's ``validate`` of an option, on the text the author wrote.

    ``text_only``: the value must be text (a field shown in the header),
    not anything the plugin's own section builder reads.

    :raises ValueError: the value is wrong (the author's mistake; the
        plugin's message says what is wrong).
    :raises PluginError: the validator itself failed, or returned no text
        where ``text_only`` (the plugin's fault).
    """
    if validate is None:
        return text
    try:
        value = validate(text)
    except ValueError:
        raise
    except Exception as err:
        raise PluginError(f"{type(err).__name__}: {err}") from err
    return _check_str(value) if text_only else value


def section_key(name: str) -> str:
    """A section name for comparing: folded, words joined by hyphens."""
    return fold(name).replace(" ", "-")


# -- shape checks ------------------------------------------------------------------


def _check_str(value: Any) -> str:
    if not isinstance(value, str):
        raise PluginError(f"expected a string, got {type(value).__name__}")
    return value


def _check_str_list(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(v, str) for v in value
    ):
        raise PluginError("expected a list of strings")
    return list(value)


def _check_str_mapping(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise PluginError("expected a dict from string to string")
    return dict(value)


def _check_dicts(
    value: Any, required: Mapping[str, type | tuple[type, ...]], what: str
) -> list[dict[str, Any]]:
    if not isinstance(value, list | tuple):
        raise PluginError(
            f"expected a list of {what} dicts, got {type(value).__name__}"
        )
    checked = []
    for item in value:
        if not isinstance(item, Mapping):
            raise PluginError(f"expected a {what} dict, got {type(item).__name__}")
        for key, types in required.items():
            if key not in item:
                raise PluginError(f"a {what} has no '{key}'")
            if not isinstance(item[key], types):
                raise PluginError(f"a {what}'s '{key}' has the wrong type")
        checked.append(dict(item))
    return checked


def _check_sections(value: Any) -> list[SectionKind]:
    kinds = _check_dicts(
        value, {"name": str, "title": (str, type(None))}, "section kind"
    )
    for kind in kinds:
        if not kind["name"] or not kind["name"].replace("-", "").isalnum():
            raise PluginError(
                f"section kind name {kind['name']!r} is not a directive name"
            )
        aliases = kind.get("aliases", ())
        if not isinstance(aliases, list | tuple) or not all(
            isinstance(a, str) for a in aliases
        ):
            raise PluginError(
                f"section kind {kind['name']!r}: 'aliases' is not a list of names"
            )
        if "build" in kind and not callable(kind["build"]):
            raise PluginError(f"section kind {kind['name']!r}: 'build' is not callable")
        kinds_of = kind.get("kinds", ())
        if not isinstance(kinds_of, list | tuple) or not all(
            isinstance(k, str) for k in kinds_of
        ):
            raise PluginError(
                f"section kind {kind['name']!r}: 'kinds' is not a list of object kinds"
            )
        environment = kind.get("latex_environment", "")
        if not isinstance(environment, str) or not (
            environment == "" or (environment.isascii() and environment.isalpha())
        ):
            raise PluginError(
                f"section kind {kind['name']!r}: 'latex_environment' is not a "
                "LaTeX name (letters only)"
            )
        options = kind.get("options", {})
        if not isinstance(options, Mapping) or not all(
            isinstance(option, Mapping) for option in options.values()
        ):
            raise PluginError(
                f"section kind {kind['name']!r}: 'options' is not a mapping of "
                "option name to settings"
            )
        for option in options.values():
            if "validate" in option and not callable(option["validate"]):
                raise PluginError(
                    f"section kind {kind['name']!r}: a 'validate' is not callable"
                )
    return cast(list[SectionKind], kinds)


def _check_fields(value: Any) -> list[FieldSpec]:
    specs = _check_dicts(value, {"name": str, "label": str, "help": str}, "field")
    for spec in specs:
        if "validate" in spec and not callable(spec["validate"]):
            raise PluginError(f"field {spec['name']!r}: 'validate' is not callable")
    return cast(list[FieldSpec], specs)


def _check_columns(value: Any) -> list[Column]:
    columns = _check_dicts(value, {"title": str}, "column")
    for column in columns:
        if not callable(column.get("value")):
            raise PluginError(f"column {column['title']!r}: 'value' is not callable")
    return cast(list[Column], columns)


def _check_rows(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(row, list | tuple)
        and len(row) == 2
        and all(isinstance(part, str) for part in row)
        for row in value
    ):
        raise PluginError("expected a list of (label, value) string pairs")
    return [(row[0], row[1]) for row in value]


def _check_footer(value: Any) -> list[FooterPart]:
    parts = _check_dicts(value, {"key": str, "nodes": (list, tuple)}, "footer part")
    for part in parts:
        if not all(isinstance(node, nodes.Node) for node in part["nodes"]):
            raise PluginError(
                f"footer part {part['key']!r}: 'nodes' are not docutils nodes"
            )
    return cast(list[FooterPart], parts)


def check_findings(value: Any) -> list[dict[str, Any]]:
    findings = _check_dicts(value, {"subtype": str, "message": str}, "finding")
    for finding in findings:
        location = getattr(finding.get("object"), "location", None)
        if not (isinstance(location, tuple) and len(location) == 2):
            raise PluginError("a finding's 'object' is not an object of the project")
        line = finding.get("line")
        if line is not None and (isinstance(line, bool) or not isinstance(line, int)):
            raise PluginError("a finding's 'line' is not a line number")
    return findings


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


# -- one per application ---------------------------------------------------------------


def setup_plugins(app: Sphinx, config: Config) -> None:
    """``config-inited``: make this application's plugin manager."""
    app.kommun_plugins = Plugins(  # type: ignore[attr-defined]
        config.kommun_plugins,
        config.kommun_disabled_plugins,
        locate=lambda setting: conf_location(app, setting),
    )


def plugins_of(env: BuildEnvironment) -> Plugins:
    """The plugin manager of the application building ``env``.

    The environment reaches its application through ``env._app``, as Sphinx's
    own post-transforms do.
    """
    return cast(Plugins, env._app.kommun_plugins)  # type: ignore[attr-defined]
