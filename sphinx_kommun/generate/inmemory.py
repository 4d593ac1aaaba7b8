"""Which pages to rewrite, for an application kept in memory (the preview).

:mod:`.incremental` compares every page's inputs with what it was written
from: it evaluates every key any page read (about a hundred per page). An
application that stays in memory between builds (``sphinx-kommun serve``)
can do less, because it still holds what the domain looked like when the
pages were last written (a :class:`Memo`):

- the documents whose objects or remissammanställningar changed since
  then are those whose stored lists are no longer the same Python objects
  (the domain replaces a document's entries when it is read or removed);
- a key has a *scope* (:func:`~sphinx_kommun.domain.recording.scope`): the
  object ids and ärenden its value depends on, or none when it may depend
  on anything (backlinks, references, the register); only the keys whose
  scope meets the ids and ärenden of the changed documents (before and
  after), and the keys without a scope, are evaluated again;
- the value each key gave is kept, so a page is rewritten when one of its
  keys gives something else, or its previous/next/parent links or (with
  needs views) the objects changed;
- backlinks may come from anywhere, so their keys have no scope; but the
  backlinks of the index the pages were written from are kept too, and an
  object whose backlinks are the same as then (the same relations from the
  same Python objects: a document not read again keeps its objects) needs
  no evaluation.

When ärenden are joined differently or an object id is written twice in
another way than before, every key is evaluated (:mod:`.incremental`'s
way). The memo holds only while every page whose inputs changed was
written; otherwise it is dropped and the next build compares everything.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain.backlinks import Backlink
from ..domain.index import ObjectIndex
from ..domain.model import KommunObject
from ..domain.recording import PEOPLE, Key, Token, evaluate, scope
from ..domain.store import KommunDomain

#: what a page was made of (see :mod:`.incremental`)
Inputs = tuple[str, tuple[str, ...], str]
#: the domain's stores whose entries decide scoped keys
SCOPED_STORES = ("objects", "compilations", "people")


def fingerprint(value: str) -> bytes:
    return hashlib.blake2b(value.encode(), digest_size=12).digest()


@dataclass
class Memo:
    """What the pages were last written from, as the application holds it."""

    #: each page: the keys it read and its inputs
    pages: dict[str, tuple[frozenset[Key], Inputs]]
    #: what each key gave when last evaluated, who read it, its scope
    values: dict[Key, bytes] = field(default_factory=dict)
    readers: dict[Key, set[str]] = field(default_factory=dict)
    scopes: dict[Key, frozenset[Token] | None] = field(default_factory=dict)
    #: the keys of each token; the keys without a scope
    scoped: dict[Token, set[Key]] = field(default_factory=lambda: defaultdict(set))
    unscoped: set[Key] = field(default_factory=set)
    #: the domain's stores (their entries, by identity) and joins
    snapshot: dict[str, dict[str, Any]] = field(default_factory=dict)
    joined: dict[str, str] = field(default_factory=dict)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    #: every object's backlinks then (None: not computed)
    backlinks: Mapping[str, list[Backlink]] | None = None

    def set(self, key: Key, value: bytes, index: ObjectIndex) -> None:
        """What ``key`` gives now, and its scope on ``index``."""
        self.values[key] = value
        self._unscope(key)
        tokens = scope(index, key)
        self.scopes[key] = tokens
        if tokens is None:
            self.unscoped.add(key)
        else:
            for token in tokens:
                self.scoped[token].add(key)

    def forget(self, key: Key, reader: str) -> None:
        readers = self.readers.get(key)
        if readers is None:
            return
        readers.discard(reader)
        if not readers:
            del self.readers[key]
            self.values.pop(key, None)
            self._unscope(key)
            self.scopes.pop(key, None)

    def _unscope(self, key: Key) -> None:
        if key not in self.scopes:
            return
        tokens = self.scopes[key]
        if tokens is None:
            self.unscoped.discard(key)
            return
        for token in tokens:
            keys = self.scoped.get(token)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self.scoped[token]


def snapshot(domain: KommunDomain) -> dict[str, dict[str, Any]]:
    return {store: dict(domain.data[store]) for store in SCOPED_STORES}


def _duplicates(index: ObjectIndex) -> list[tuple[str, str]]:
    return [(kept.docname, other.docname) for kept, other in index.duplicates]


def changed_keys(memo: Memo, domain: KommunDomain, value: Any) -> set[Key] | None:
    """The keys that give something else now (None: every key must be
    compared, the scopes cannot tell). ``value(key)`` evaluates a key."""
    index = domain.index
    if index.joined != memo.joined or _duplicates(index) != memo.duplicates:
        return None
    tokens: set[Token] = set()
    for store in SCOPED_STORES:
        now, then = domain.data[store], memo.snapshot[store]
        for docname in now.keys() | then.keys():
            new, old = now.get(docname), then.get(docname)
            if new is not old:
                tokens.update(_tokens_of(index, new, store))
                tokens.update(_tokens_of(index, old, store))
    candidates = set(memo.unscoped)
    for token in tokens:
        candidates.update(memo.scoped.get(token, ()))
    return {
        key
        for key in candidates
        if not _same_backlinks(memo, index, key)
        and fingerprint(value(key)) != memo.values.get(key)
    }


def _same_backlinks(memo: Memo, index: ObjectIndex, key: Key) -> bool:
    """``key`` asks for backlinks that are those it gave then (so what it
    gives by identity is the same)."""
    if memo.backlinks is None or key[:2] != ("call", "backlinks") or len(key) != 3:
        return False
    then, now = memo.backlinks.get(key[2], []), index.backlinks(key[2])
    return len(then) == len(now) and all(
        old.source is new.source
        and (old.relation, old.docname, old.detail, old.page_title)
        == (new.relation, new.docname, new.detail, new.page_title)
        for old, new in zip(then, now, strict=True)
    )


def _tokens_of(index: ObjectIndex, entry: Any, store: str) -> Iterable[Token]:
    if entry is None:
        return
    if store == "compilations":
        for dnr in entry:
            yield ("dnr", index.canonical(dnr))
        return
    if store == "people":
        yield PEOPLE
        return
    for obj in entry:
        if isinstance(obj, KommunObject):
            yield ("id", obj.id)
            yield ("dnr", index.canonical(obj.dnr))


def pages_of(memo: Memo, keys: Iterable[Key]) -> set[str]:
    found: set[str] = set()
    for key in keys:
        found.update(memo.readers.get(key, ()))
    return found


def remember(
    memo: Memo,
    domain: KommunDomain,
    written: Mapping[str, tuple[frozenset[Key], Inputs]],
    evaluated: Mapping[Key, str],
) -> None:
    """After a build that wrote every page whose inputs changed: the pages
    written (``evaluated`` holds every key they read) and the keys
    evaluated (what they give now)."""
    index = domain.index
    for key, text in evaluated.items():
        if key in memo.readers:
            value = fingerprint(text)
            # a key without a scope keeps none (None is always safe)
            if memo.scopes.get(key, ()) is not None or memo.values[key] != value:
                memo.set(key, value, index)
    for docname in memo.pages.keys() - domain.env.all_docs.keys():
        for key in memo.pages.pop(docname)[0]:
            memo.forget(key, docname)
    for docname, (keys, inputs) in written.items():
        old = memo.pages.get(docname)
        for key in old[0] - keys if old is not None else ():
            memo.forget(key, docname)
        for key in keys:
            if key not in memo.readers:
                memo.readers[key] = set()
                memo.set(key, fingerprint(evaluated[key]), index)
            memo.readers[key].add(docname)
        memo.pages[docname] = (keys, inputs)
    memo.snapshot = snapshot(domain)
    memo.joined = dict(index.joined)
    memo.duplicates = _duplicates(index)
    memo.backlinks = index.computed_backlinks()


def new_memo(
    domain: KommunDomain,
    pages: dict[str, tuple[frozenset[Key], Inputs]],
    value: Any,
) -> Memo:
    """A memo of ``pages`` (every key evaluated by ``value``)."""
    memo = Memo({})
    remember(
        memo,
        domain,
        pages,
        {key: value(key) for keys, _inputs in pages.values() for key in keys},
    )
    return memo


__all__ = ["Memo", "changed_keys", "evaluate", "new_memo", "pages_of", "remember"]
