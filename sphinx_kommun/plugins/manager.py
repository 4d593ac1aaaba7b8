"""Loading plugins and calling their hooks through pluggy, safely.

One :class:`Plugins` per Sphinx application (``app.kommun_plugins``), made at
``config-inited``: the built-in plugin first, then the ``sphinx_kommun``
entry points of installed distributions, then the modules listed in
``kommun_plugins``; names in ``kommun_disabled_plugins`` are skipped.

Hooks are called through pluggy (``pm.hook.<name>(...)``), so its rules
hold: the plugin registered last is called first, ``tryfirst`` and
``trylast`` move an implementation, ``wrapper=True`` and ``hookwrapper=True``
implementations wrap the call. What is registered with pluggy is not the
plugin itself but a proxy (:class:`_Proxy`) whose functions guard the
plugin's: one that raises is warned about and gives no result (pluggy drops
None), so the other plugins still run. A plugin that raises or returns
something of the wrong shape gets a ``kommun.plugin`` warning naming it, at
the document when the hook is about one, else at the file and line of its
hook implementation.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import importlib
import inspect
from collections.abc import Callable, Generator, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, cast

import pluggy
from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..i18n import (
    N_,
    _,
)
from ..swedish import fold
from . import hookspecs
from .hookspecs import (
    Column,
    FieldSpec,
    FooterPart,
    SectionKind,
)

logger = logging.getLogger(__name__)

PROJECT = "sphinx_kommun"
ENTRY_POINT_GROUP = "sphinx_kommun"
BUILTIN = "sphinx_kommun.builtin"
#: The attribute pluggy's ``HookimplMarker`` sets on an implementation.
IMPL_ATTRIBUTE = f"{PROJECT}_impl"

Location = tuple[str, int] | str | None


@dataclass
class PluginInfo:
    """Where a plugin came from, for ``python -m sphinx_kommun plugins``."""

    name: str
    version: str
    source: str  # "built-in", "entry point", "conf.py"
    hooks: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Impl:
    """One hook implementation of one plugin: whose, and where it is written."""

    plugin: str
    hook: str
    #: ``path:line`` of its ``def``, for warnings not about a document
    location: str | None = None


class PluginError(Exception):
    """A plugin returned something of the wrong shape."""


def _warn(message: str, location: Location = None) -> None:
    logger.warning(message, location=location, type="kommun", subtype="plugin")


def _at(impl: Impl, location: Location) -> Location:
    """Where a warning about ``impl`` goes: the document a call is about,
    if any, else the implementation's ``def``."""
    return location if location is not None else impl.location


def _error(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}"


def implementation_location(function: Callable[..., Any]) -> str | None:
    """``path:line`` of the ``def`` of ``function`` (past its decorators)."""
    function = inspect.unwrap(function)
    try:
        path = inspect.getsourcefile(function)
        lines, start = inspect.getsourcelines(function)
    except (OSError, TypeError):
        return None
    if path is None:
        return None
    for offset, text in enumerate(lines):
        if text.lstrip().startswith(("def ", "async def ")):
            return f"{path}:{start + offset}"
    return f"{path}:{start}"


class _Proxy:
    """What is registered with pluggy for a plugin: its guarded hook functions."""

    def __init__(self, plugin: Any) -> None:
        self._plugin = plugin

    def __repr__(self) -> str:
        return repr(self._plugin)


class _Call:
    """One call of a hook: where it is about, and which implementation gave
    each result (by identity: pluggy hands results on as they are)."""

    def __init__(self, hook: str, location: Location) -> None:
        self.hook = hook
        self.location = location
        self._sources: dict[int, tuple[Any, Impl]] = {}

    def note(self, result: Any, impl: Impl) -> None:
        self._sources.setdefault(id(result), (result, impl))

    def note_new(self, results: list[Any], before: Iterable[Any], impl: Impl) -> None:
        """Results a wrapper put in that were not there before it: its own."""
        old = {id(item) for item in before}
        for item in results:
            if id(item) not in old:
                self.note(item, impl)

    def source(self, result: Any) -> Impl:
        found = self._sources.get(id(result))
        return found[1] if found is not None else Impl("?", self.hook)


class Plugins:
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
        #: where conf.py sets a setting, for warnings about it
        self.locate = locate
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.info: dict[str, PluginInfo] = {}
        #: the plugins themselves (pluggy has their proxies), by name
        self._plugins: dict[str, Any] = {}
        #: the hook calls under way, innermost last
        self._calls: list[_Call] = []
        #: what has been warned about (a warning is given once per build)
        self._warned: set[Hashable] = set()
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

    def warn(
        self, message: str, location: Location = None, *, key: Hashable = None
    ) -> None:
        """A ``kommun.plugin`` warning, given once per build for each ``key``
        (by default the message and its location)."""
        key = (message, location) if key is None else key
        if key in self._warned:
            return
        self._warned.add(key)
        _warn(message, location)

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

    # -- the proxies pluggy calls ----------------------------------------------------

    def _proxy(self, plugin: Any, name: str) -> _Proxy:
        """A stand-in for ``plugin``: each of its hook implementations
        guarded, under the same attribute name, with the same signature
        (pluggy reads the argument names) and the same ``@hookimpl`` options."""
        proxy = _Proxy(plugin)
        for attribute in dir(plugin):
            opts = self.pm.parse_hookimpl_opts(plugin, attribute)
            if opts is None:
                continue
            function = getattr(plugin, attribute)
            hook = opts.get("specname") or attribute
            impl = Impl(name, hook, implementation_location(function))
            setattr(proxy, attribute, self._guard(function, impl, dict(opts)))
        return proxy

    def _guard(
        self, function: Callable[..., Any], impl: Impl, opts: dict[str, Any]
    ) -> Callable[..., Any]:
        """``function``, failing without stopping the call (a warning instead).

        A wrapper stays a generator, so pluggy runs it as one; a wrapper
        that is not a generator is guarded as a plain function, which pluggy
        refuses to register (as it would the plugin's own).
        """
        guarded: Callable[..., Any]
        if inspect.isgeneratorfunction(function) and opts.get("wrapper"):
            guarded = self._guard_wrapper(function, impl)
        elif inspect.isgeneratorfunction(function) and opts.get("hookwrapper"):
            guarded = self._guard_hookwrapper(function, impl)
        else:
            guarded = self._guard_plain(function, impl)
        functools.update_wrapper(guarded, function)
        setattr(guarded, IMPL_ATTRIBUTE, opts)
        return guarded

    def _guard_plain(
        self, function: Callable[..., Any], impl: Impl
    ) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                result = function(*args, **kwargs)
            except Exception as err:
                self._failed(impl, _error(err))
                return None
            if result is not None:
                self._note(result, impl)
            return result

        return guarded

    def _guard_wrapper(
        self, function: Callable[..., Any], impl: Impl
    ) -> Callable[..., Any]:
        """A new-style wrapper (``wrapper=True``): it gets the results and
        returns them, changed or not; if it fails, they go on unchanged."""

        def guarded(*args: Any, **kwargs: Any) -> Generator[None, Any, Any]:
            try:
                teardown = function(*args, **kwargs)
                next(teardown)
            except StopIteration:
                self._failed(impl, _("wrappern gjorde aldrig yield"))
                return (yield)
            except Exception as err:
                self._failed(impl, _error(err))
                return (yield)
            try:
                results = yield
            except BaseException:  # not from a plugin: theirs are caught
                teardown.close()
                raise
            before = list(results)
            try:
                teardown.send(results)
            except StopIteration as stop:
                altered = stop.value
            except Exception as err:
                self._failed(impl, _error(err))
                return before
            else:
                teardown.close()
                self._failed(impl, _("wrappern gjorde yield mer än en gång"))
                return before
            if not isinstance(altered, list):
                self._nonsense(
                    impl,
                    _("wrappern returnerade %(type)s, inte en lista")
                    % {"type": type(altered).__name__},
                    self._current(),
                )
                return before
            self._note_new(altered, before, impl)
            return altered

        return guarded

    def _guard_hookwrapper(
        self, function: Callable[..., Any], impl: Impl
    ) -> Callable[..., Any]:
        """An old-style wrapper (``hookwrapper=True``): it gets pluggy's
        ``Result`` and may force another; if it fails, the results stay."""

        def guarded(*args: Any, **kwargs: Any) -> Generator[None, Any, None]:
            try:
                teardown = function(*args, **kwargs)
                next(teardown)
            except StopIteration:
                self._failed(impl, _("wrappern gjorde aldrig yield"))
                yield
                return
            except Exception as err:
                self._failed(impl, _error(err))
                yield
                return
            outcome: pluggy.Result[Any] = yield
            if outcome.exception is not None:  # not from a plugin: theirs are caught
                with contextlib.suppress(StopIteration):
                    teardown.send(outcome)
                return
            before = list(outcome.get_result())
            try:
                teardown.send(outcome)
            except StopIteration:
                pass
            except Exception as err:
                self._failed(impl, _error(err))
                outcome.force_result(before)
                return
            else:
                teardown.close()
                self._failed(impl, _("wrappern gjorde yield mer än en gång"))
                outcome.force_result(before)
                return
            if outcome.exception is not None:
                self._failed(impl, _error(outcome.exception))
                outcome.force_result(before)
                return
            altered = outcome.get_result()
            if not isinstance(altered, list):
                self._nonsense(
                    impl,
                    _("wrappern returnerade %(type)s, inte en lista")
                    % {"type": type(altered).__name__},
                    self._current(),
                )
                outcome.force_result(before)
                return
            self._note_new(altered, before, impl)

        return guarded

    def _current(self) -> Location:
        """The document the hook call under way is about, if any."""
        return self._calls[-1].location if self._calls else None

    def _failed(self, impl: Impl, error: str) -> None:
        self.warn(
            _("pluginen '%(plugin)s' misslyckades i %(hook)s: %(error)s")
            % {"plugin": impl.plugin, "hook": impl.hook, "error": error},
            _at(impl, self._current()),
        )

    def _nonsense(self, impl: Impl, error: object, location: Location) -> None:
        self.warn(
            _("pluginen '%(plugin)s' gav ett svar av fel form från %(hook)s: %(error)s")
            % {"plugin": impl.plugin, "hook": impl.hook, "error": error},
            _at(impl, location),
        )

    def _note(self, result: Any, impl: Impl) -> None:
        if self._calls:
            self._calls[-1].note(result, impl)

    def _note_new(self, results: list[Any], before: list[Any], impl: Impl) -> None:
        if self._calls:
            self._calls[-1].note_new(results, before, impl)

    # -- calling -----------------------------------------------------------------------

    def call(
        self, hook: str, location: Location = None, **kwargs: Any
    ) -> list[tuple[Impl, Any]]:
        """Call ``hook`` through pluggy, about the document at ``location``
        if it is about one.

        Returns (implementation, result) for every result, in the order
        pluggy returns them: the order it called the implementations in, as
        wrappers left it. A plugin that raises is warned about and gives none.
        """
        record = _Call(hook, location)
        self._calls.append(record)
        try:
            results = getattr(self.pm.hook, hook)(**kwargs)
        finally:
            self._calls.pop()
        return [(record.source(result), result) for result in results]

    def collect(
        self,
        hook: str,
        check: Callable[[Any], Any],
        location: Location = None,
        **kwargs: Any,
    ) -> list[tuple[Impl, Any]]:
        """Like :meth:`call`, with each result checked (and converted) by
        ``check``, which raises :class:`PluginError` for nonsense."""
        checked = []
        for impl, result in self.call(hook, location, **kwargs):
            try:
                checked.append((impl, check(result)))
            except (PluginError, TypeError, ValueError, KeyError) as err:
                self._nonsense(impl, err, location)
        return checked

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
        raise PluginError(_error(err)) from err
    return _check_str(value) if text_only else value


def section_key(name: str) -> str:
    """A section name for comparing: folded, words joined by hyphens."""
    return fold(name).replace(" ", "-")


# -- shape checks ------------------------------------------------------------------


def _check_str(value: Any) -> str:
    if not isinstance(value, str):
        raise PluginError(
            _("väntade en sträng, fick %(type)s") % {"type": type(value).__name__}
        )
    return value


def _check_str_list(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(v, str) for v in value
    ):
        raise PluginError(_("väntade en lista med strängar"))
    return list(value)


def _check_str_mapping(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise PluginError(_("väntade en dict från sträng till sträng"))
    return dict(value)


#: What a hook's dicts are, for the messages about them.
SECTION_KIND = N_("en avsnittstyp")
FIELD = N_("ett fält")
COLUMN = N_("en kolumn")
FOOTER_PART = N_("en sidfotsdel")
FINDING = N_("ett fynd")


def _check_dicts(
    value: Any, required: Mapping[str, type | tuple[type, ...]], what: str
) -> list[dict[str, Any]]:
    """``value`` as a list of dicts with the ``required`` keys; ``what`` (one
    of the names above) says what each dict is."""
    what = _(what)
    if not isinstance(value, list | tuple):
        raise PluginError(
            _("väntade en lista, fick %(type)s") % {"type": type(value).__name__}
        )
    checked = []
    for item in value:
        if not isinstance(item, Mapping):
            raise PluginError(
                _("väntade %(what)s som dict, fick %(type)s")
                % {"what": what, "type": type(item).__name__}
            )
        for key, types in required.items():
            if key not in item:
                raise PluginError(
                    _("%(what)s saknar '%(key)s'") % {"what": what, "key": key}
                )
            if not isinstance(item[key], types):
                raise PluginError(
                    _("'%(key)s' har fel typ i %(what)s") % {"what": what, "key": key}
                )
        checked.append(dict(item))
    return checked


def _check_sections(value: Any) -> list[SectionKind]:
    kinds = _check_dicts(value, {"name": str, "title": (str, type(None))}, SECTION_KIND)
    for kind in kinds:
        name = {"name": repr(kind["name"])}
        if not kind["name"] or not kind["name"].replace("-", "").isalnum():
            raise PluginError(
                _("avsnittstypens namn %(name)s är inget direktivnamn") % name
            )
        aliases = kind.get("aliases", ())
        if not isinstance(aliases, list | tuple) or not all(
            isinstance(a, str) for a in aliases
        ):
            raise PluginError(
                _("avsnittstypen %(name)s: 'aliases' är ingen lista med namn") % name
            )
        if "build" in kind and not callable(kind["build"]):
            raise PluginError(
                _("avsnittstypen %(name)s: 'build' går inte att anropa") % name
            )
        kinds_of = kind.get("kinds", ())
        if not isinstance(kinds_of, list | tuple) or not all(
            isinstance(k, str) for k in kinds_of
        ):
            raise PluginError(
                _("avsnittstypen %(name)s: 'kinds' är ingen lista med objekttyper")
                % name
            )
        environment = kind.get("latex_environment", "")
        if not isinstance(environment, str) or not (
            environment == "" or (environment.isascii() and environment.isalpha())
        ):
            raise PluginError(
                _(
                    "avsnittstypen %(name)s: 'latex_environment' är inget "
                    "LaTeX-namn (bara bokstäver)"
                )
                % name
            )
        options = kind.get("options", {})
        if not isinstance(options, Mapping) or not all(
            isinstance(option, Mapping) for option in options.values()
        ):
            raise PluginError(
                _(
                    "avsnittstypen %(name)s: 'options' är ingen mappning från "
                    "alternativets namn till dess inställningar"
                )
                % name
            )
        for option in options.values():
            if "validate" in option and not callable(option["validate"]):
                raise PluginError(
                    _("avsnittstypen %(name)s: en 'validate' går inte att anropa")
                    % name
                )
    return cast(list[SectionKind], kinds)


def _check_fields(value: Any) -> list[FieldSpec]:
    specs = _check_dicts(value, {"name": str, "label": str, "help": str}, FIELD)
    for spec in specs:
        if "validate" in spec and not callable(spec["validate"]):
            raise PluginError(
                _("fältet %(name)s: 'validate' går inte att anropa")
                % {"name": repr(spec["name"])}
            )
    return cast(list[FieldSpec], specs)


def _check_columns(value: Any) -> list[Column]:
    columns = _check_dicts(value, {"title": str}, COLUMN)
    for column in columns:
        if not callable(column.get("value")):
            raise PluginError(
                _("kolumnen %(title)s: 'value' går inte att anropa")
                % {"title": repr(column["title"])}
            )
    return cast(list[Column], columns)


def _check_rows(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(row, list | tuple)
        and len(row) == 2
        and all(isinstance(part, str) for part in row)
        for row in value
    ):
        raise PluginError(_("väntade en lista med par av strängar (etikett, värde)"))
    return [(row[0], row[1]) for row in value]


def _check_footer(value: Any) -> list[FooterPart]:
    parts = _check_dicts(value, {"key": str, "nodes": (list, tuple)}, FOOTER_PART)
    for part in parts:
        if not all(isinstance(node, nodes.Node) for node in part["nodes"]):
            raise PluginError(
                _("sidfotsdelen %(key)s: 'nodes' är inga docutils-noder")
                % {"key": repr(part["key"])}
            )
    return cast(list[FooterPart], parts)


def check_findings(value: Any) -> list[dict[str, Any]]:
    findings = _check_dicts(value, {"subtype": str, "message": str}, FINDING)
    for finding in findings:
        location = getattr(finding.get("object"), "location", None)
        if not (isinstance(location, tuple) and len(location) == 2):
            raise PluginError(_("ett fynds 'object' är inget objekt i projektet"))
        line = finding.get("line")
        if line is not None and (isinstance(line, bool) or not isinstance(line, int)):
            raise PluginError(_("ett fynds 'line' är inget radnummer"))
    return findings


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
