"""What a page reads of the domain, recorded while it is written.

A page's generated content, its references and its sidebar read the
object index through a :class:`RecordingIndex`: every query it makes and
every attribute of an object it reads is recorded as a *key*. After the
next read, each key is evaluated again on the new index (:func:`evaluate`);
a page is rewritten when the digest of what its keys give has changed. So
what a page depends on is exactly what it read, never written again by
hand beside the code that reads it.

Keys:

- ``("call", method, *arguments)``: a query of the index; the digest is of
  the *identity* of what it returned (which objects, in which order), not
  of their contents;
- ``("attr", id, name)``: an attribute of an object;
- ``("method", id, name, *arguments)``: a method of an object (its result).

An object a query returns is handed to the page as an :class:`ObjectView`
that records the attributes read.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .model import KommunObject

if TYPE_CHECKING:
    from .index import ObjectIndex

Key = tuple[Any, ...]
#: What a key's value depends on: ``("id", object id)`` or ``("dnr", ärende)``.
Token = tuple[str, str]
#: the token of every person's section in a personregister
PEOPLE: Token = ("people", "")
_GONE = "<gone>"
#: What a page reads of an object without depending on it: its id is in
#: every key, and where it is written (lines) only locates warnings.
_NOT_RECORDED = frozenset({"id", "lineno", "option_lines", "location", "line_of"})


class ObjectView:
    """An object as a page reads it: each attribute read is recorded."""

    __slots__ = ("_obj", "_reads")

    def __init__(self, obj: KommunObject, reads: set[Key]) -> None:
        object.__setattr__(self, "_obj", obj)
        object.__setattr__(self, "_reads", reads)

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance(view, Yttrande) holds
        return type(self._obj)

    def __getattr__(self, name: str) -> Any:
        obj = self._obj
        value = getattr(obj, name)
        if name in _NOT_RECORDED:
            return value
        if callable(value):

            def call(*args: Any) -> Any:
                self._reads.add(("method", obj.id, name, *_arguments(args)))
                return _view(value(*_unwrapped(args)), self._reads)

            return call
        self._reads.add(("attr", obj.id, name))
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(name)

    def __eq__(self, other: object) -> bool:
        return bool(self._obj == unwrap(other))

    def __hash__(self) -> int:
        return hash(self._obj)

    def __repr__(self) -> str:
        return f"ObjectView({self._obj!r})"


def unwrap(value: Any) -> Any:
    return (
        object.__getattribute__(value, "_obj") if type(value) is ObjectView else value
    )


def _unwrapped(args: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(unwrap(arg) for arg in args)


def _arguments(args: Iterable[Any]) -> tuple[Any, ...]:
    """Arguments as a key holds them: an object by its id."""
    return tuple(
        ("obj", unwrap(arg).id) if isinstance(arg, KommunObject | ObjectView) else arg
        for arg in args
    )


def _view(value: Any, reads: set[Key]) -> Any:
    """What a query returned, as the page gets it (objects as views)."""
    if isinstance(value, KommunObject):
        return ObjectView(value, reads)
    if isinstance(value, list | tuple):
        return type(value)(_view(item, reads) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.name: _view(getattr(value, f.name), reads)
            for f in dataclasses.fields(value)
            if isinstance(getattr(value, f.name), KommunObject)
        }
        return dataclasses.replace(value, **fields) if fields else value
    return value


class RecordingIndex:
    """The object index as one page reads it (see the module's description)."""

    def __init__(self, index: ObjectIndex, reads: set[Key]) -> None:
        self._index = index
        self._reads = reads

    def __getattr__(self, name: str) -> Callable[..., Any]:
        value = getattr(self._index, name)
        if not callable(value):
            raise AttributeError(f"{name}: read the index through its queries")

        def query(*args: Any) -> Any:
            self._reads.add(("call", name, *_arguments(args)))
            return _view(value(*_unwrapped(args)), self._reads)

        self.__dict__[name] = query  # asked for once per page and query
        return query


# -- evaluating keys again ------------------------------------------------------------


def _identity(value: Any) -> str:
    """What a query returned, by identity: objects by their ids."""
    if isinstance(value, KommunObject):
        return f"<{value.kind}:{value.id}>"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_identity(item) for item in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return repr(
            tuple(_identity(getattr(value, f.name)) for f in dataclasses.fields(value))
        )
    return repr(value)


def evaluate(index: ObjectIndex, key: Key) -> str:
    """What ``key`` gives on ``index`` now, as a comparable string."""
    kind = key[0]
    if kind == "call":
        args = _resolved(index, key[2:])
        if args is None:
            return _GONE
        return _identity(getattr(index, key[1])(*args))
    obj = index.get(key[1])
    if obj is None:
        return _GONE
    if kind == "attr":
        return repr(getattr(obj, key[2]))
    args = _resolved(index, key[3:])
    if args is None:
        return _GONE
    return repr(getattr(obj, key[2])(*args))


def _resolved(index: ObjectIndex, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A key's arguments with each object looked up again (None if one is gone)."""
    found = []
    for arg in args:
        if isinstance(arg, tuple) and len(arg) == 2 and arg[0] == "obj":
            obj = index.get(arg[1])
            if obj is None:
                return None
            found.append(obj)
        else:
            found.append(arg)
    return tuple(found)


# -- what a key depends on ------------------------------------------------------------

#: Queries whose result depends only on the objects of the ärenden their
#: arguments name (a dnr, or an object's ärende) and on how ärenden are
#: joined; every other query may depend on anything.
ARENDE_QUERIES = frozenset(
    {
        "arende",
        "beslut",
        "canonical",
        "compilation_pages",
        "first",
        "initiativ",
        "items",
        "of_dnr",
        "of_kind",
        "paragrafer",
        "points",
        "primary",
        "proposal_for",
        "proposals",
        "remiss",
        "remiss_rank",
        "reservations",
        "utlatande",
        "yrkanden",
        "yttrande_from",
        "yttranden",
    }
)


def scope(index: ObjectIndex, key: Key) -> frozenset[Token] | None:
    """The object ids and ärenden what ``key`` gives depends on, besides
    how ärenden are joined and which ids are written twice (None: anything).

    An attribute or method of an object depends on the object with that id
    only (objects are frozen and hold no index); ``get`` likewise; a query
    of :data:`ARENDE_QUERIES` on the ärenden its arguments name (each
    string argument is taken as a dnr: one that is not adds a token that
    nothing matches) and on the objects it is given.
    """
    if key[0] in ("attr", "method"):
        return frozenset({("id", key[1])})
    name, args = key[1], key[2:]
    if name == "person_page":  # the personregister's sections only
        return frozenset({PEOPLE})
    if name == "position_on":
        return _position_scope(index, args)
    if name == "get" and len(args) == 1 and isinstance(args[0], str):
        return frozenset({("id", args[0])})
    if name not in ARENDE_QUERIES:
        return None
    tokens: set[Token] = set()
    for arg in args:
        if isinstance(arg, str):
            tokens.add(("dnr", index.canonical(arg)))
        elif isinstance(arg, tuple) and len(arg) == 2 and arg[0] == "obj":
            obj = index.get(arg[1])
            if obj is None:
                return None
            tokens.update({("id", obj.id), ("dnr", index.canonical(obj.dnr))})
        elif not isinstance(arg, type):
            return None
    return frozenset(tokens)


def _position_scope(
    index: ObjectIndex, args: tuple[Any, ...]
) -> frozenset[Token] | None:
    """A yttrande's ställning on an item (:func:`.verdicts.direct`): without a
    verdict naming a document, it reads the two objects, the item's
    initiating document and its ärende's; a verdict naming one may name any."""
    found = [
        index.get(arg[1])
        for arg in args
        if isinstance(arg, tuple) and len(arg) == 2 and arg[0] == "obj"
    ]
    if len(found) != 2 or len(args) != 2:
        return None
    yttrande, item = found
    if yttrande is None or item is None:
        return None
    if any(verdict.target for verdict in getattr(yttrande, "positions", ())):
        return None
    tokens = {("id", yttrande.id), ("id", item.id), ("dnr", index.canonical(item.dnr))}
    initiativ = getattr(item, "initiativ", "")
    if isinstance(initiativ, str) and initiativ:
        tokens.add(("id", initiativ))
    return frozenset(tokens)


def digest(values: Iterable[str]) -> str:
    hasher = hashlib.sha1()
    for value in values:
        hasher.update(value.encode())
        hasher.update(b"\0")
    return hasher.hexdigest()
