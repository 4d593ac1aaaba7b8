"""What the preview leaves until it is idle: work no open page waits for.

After an edit the preview writes the pages whose inputs changed and tells
the browser to reload; two things Sphinx does on every build are not
needed for that, and at 500 ärenden they take longer than the pages:

- the **search index** (``searchindex.js``): the builder's indexer takes in
  each written page as usual, but dumping the whole index is left until no
  build is running (the search page finds the new text a moment after the
  edited page shows); the indexer stays in memory, where the next build
  takes it up again instead of loading the file;
- the feeds (each meeting's calendar, the Atom feed of ärenden), for
  feed readers rather than pages, ``objects.inv`` (for intersphinx) and
  ``kommun-objects.json`` (for other projects that read this one's
  objects);
- the record of what each page was written from
  (:mod:`~sphinx_kommun.generate.incremental`), kept in memory meanwhile;
- the **pickled environment** (``environment.pickle``): the preview keeps
  its environment in memory and reads it back only when it starts again,
  so it is written when the preview is idle and when it stops. Until then
  the file is empty (Sphinx opens it before pickling), which a new
  application reads as no environment: it reads every document again,
  which is safe.
"""

from __future__ import annotations

import pickle
import weakref
from collections.abc import Callable, Set
from typing import IO, Any

import sphinx.builders
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.search import IndexBuilder

from ..generate import incremental

#: the ``build-finished`` handlers that write files for other programs than
#: a browser showing a page: the feeds, and the objects other projects read
LATER = (
    ("sphinx_kommun.output.oparl.feeds", "write_feeds"),
    ("sphinx_kommun.output.published", "write"),
)


class _Pickle:
    """The ``pickle`` module as :mod:`sphinx.builders` sees it: an
    environment of a preview is not dumped, only remembered."""

    def __init__(self) -> None:
        #: the environments of previews; their dumps are deferred
        self.deferred: weakref.WeakKeyDictionary[BuildEnvironment, Deferred] = (
            weakref.WeakKeyDictionary()
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(pickle, name)

    def dump(self, obj: Any, file: IO[bytes], *args: Any, **kwargs: Any) -> None:
        owner = self.deferred.get(obj) if isinstance(obj, BuildEnvironment) else None
        if owner is None:
            pickle.dump(obj, file, *args, **kwargs)
        else:
            owner.pending["environment"] = lambda: owner.dump_environment(file.name)


_PICKLE = _Pickle()


class Deferred:
    """The work one preview application leaves for when it is idle."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        #: what to do when idle, by name (each at most once)
        self.pending: dict[str, Callable[[], None]] = {}
        # sphinx.builders pickles the environment with its module ``pickle``
        setattr(sphinx.builders, "pickle", _PICKLE)  # noqa: B010
        _PICKLE.deferred[app.env] = self
        incremental.keep_in_memory(app, self._save_record)
        if isinstance(app.builder, StandaloneHTMLBuilder):
            self._defer_search_index(app.builder)
        self._defer_files(app)

    def _defer_files(self, app: Sphinx) -> None:
        """The feeds (calendars, Atom) are for feed readers and
        ``kommun-objects.json`` for other projects, not for pages (the
        output stage's handlers, found by name: only the extension's setup
        imports that stage)."""
        for listener in list(app.events.listeners["build-finished"]):
            write = listener.handler
            name = (getattr(write, "__module__", ""), getattr(write, "__name__", ""))
            if name not in LATER:
                continue
            app.disconnect(listener.id)

            def later(
                app: Sphinx,
                exception: Exception | None,
                write: Any = write,
                name: str = ".".join(name),
            ) -> None:
                if exception is None:
                    self.pending[name] = lambda: write(app, None)

            app.connect("build-finished", later, priority=listener.priority)

    def _defer_search_index(self, builder: StandaloneHTMLBuilder) -> None:
        dump, load = builder.dump_search_index, builder.load_indexer
        #: the index as the last build left it
        kept: list[IndexBuilder] = []

        def later() -> None:
            if builder.indexer is not None:
                kept[:] = [builder.indexer]
                self.pending["search index"] = dump

        def take_up(docnames: Set[str]) -> None:
            """As Sphinx's, from the index in memory rather than the file."""
            if not kept:
                load(docnames)
                return
            builder.indexer = kept[0]
            builder.indexer.prune(set(builder.env.all_docs).difference(docnames))

        builder.dump_search_index = later  # type: ignore[method-assign]
        builder.load_indexer = take_up  # type: ignore[method-assign]
        inventory = builder.dump_inventory

        def inventory_later() -> None:
            self.pending["objects.inv"] = inventory

        builder.dump_inventory = inventory_later  # type: ignore[method-assign]

    def _save_record(self, save: Callable[[], None]) -> None:
        self.pending["record"] = save

    def dump_environment(self, path: str | bytes | int) -> None:
        with open(path, "wb") as f:
            pickle.dump(self.app.env, f, pickle.HIGHEST_PROTOCOL)

    def run(self, one: bool = False) -> None:
        """Do what was left, or ``one`` thing of it (never while the
        application builds), the last left first: what is left before a
        build starts (the preview's collector) is done after what the build
        leaves (a key left again keeps its place)."""
        while self.pending:
            _name, work = self.pending.popitem()
            work()
            if one:
                return

    def close(self) -> None:
        _PICKLE.deferred.pop(self.app.env, None)
