"""Calling the plugins' hooks through pluggy, one failing plugin at a time.

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
import functools
import inspect
from collections.abc import Callable, Generator, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import pluggy
from sphinx.util import logging

from ..i18n import _
from . import hookspecs

logger = logging.getLogger(__name__)

PROJECT = "sphinx_kommun"
#: The attribute pluggy's ``HookimplMarker`` sets on an implementation.
IMPL_ATTRIBUTE = f"{PROJECT}_impl"

Location = tuple[str, int] | str | None


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


class Dispatcher:
    """The pluggy plugin manager of one application, calling hooks safely."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        #: the hook calls under way, innermost last
        self._calls: list[_Call] = []
        #: what has been warned about (a warning is given once per build)
        self._warned: set[Hashable] = set()

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
            teardown = self._start(function, impl, args, kwargs)
            if teardown is None:
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
            if not self._a_list(altered, impl):
                return before
            self._note_new(altered, before, impl)
            return altered

        return guarded

    def _start(
        self,
        function: Callable[..., Any],
        impl: Impl,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> Generator[None, Any, Any] | None:
        """A wrapper run up to its ``yield``; None if it failed before."""
        try:
            teardown: Generator[None, Any, Any] = function(*args, **kwargs)
            next(teardown)
        except StopIteration:
            self._failed(impl, _("wrappern gjorde aldrig yield"))
            return None
        except Exception as err:
            self._failed(impl, _error(err))
            return None
        return teardown

    def _a_list(self, altered: Any, impl: Impl) -> bool:
        """Whether a wrapper returned a list (else it is warned about)."""
        if isinstance(altered, list):
            return True
        self._nonsense(
            impl,
            _("wrappern returnerade %(type)s, inte en lista")
            % {"type": type(altered).__name__},
            self._current(),
        )
        return False

    def _guard_hookwrapper(
        self, function: Callable[..., Any], impl: Impl
    ) -> Callable[..., Any]:
        """An old-style wrapper (``hookwrapper=True``): it gets pluggy's
        ``Result`` and may force another; if it fails, the results stay."""

        def guarded(*args: Any, **kwargs: Any) -> Generator[None, Any, None]:
            teardown = self._start(function, impl, args, kwargs)
            if teardown is None:
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
            if not self._a_list(altered, impl):
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
