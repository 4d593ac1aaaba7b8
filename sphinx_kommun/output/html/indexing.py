"""Under ``-j N``, pages are written by N processes, each taking the pages
it writes into the search index, while the main process resolves them.

Sphinx reads with N forked processes while the main process merges what
they read, but writes with N - 1, because its main process both resolves
every page (the post-transforms, sphinx-kommun's generated content among
them) and takes it into the search index: with ``-j 2`` one process wrote
while the main one resolved and indexed, and at 500 ärenden each waited
for the other in turn. Here each page's words are collected where the page
is written, on the same resolved doctree, so the main process only
resolves, and N processes write, as N read. The main process adds the
collected words to its index when the pages are written, page by page in
the order it would have fed them itself: ``searchindex.js`` is the same as
a serial build's.

Each writing process appends what it collected (:class:`Collected`) to a
file of its own in a temporary directory; the main process reads them after
the last writing process has finished, before the index is dumped.
"""

from __future__ import annotations

import copy
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.search import IndexBuilder


@dataclass(frozen=True)
class Collected:
    """What :meth:`IndexBuilder.feed` keeps of one page."""

    docname: str
    title: str | None
    filename: str
    titles: list[tuple[str, str | None]]
    #: stemmed words of titles and of the text, in the order fed
    title_words: list[str]
    words: list[str]
    index_entries: list[tuple[str, str, str]]


def collect(indexer: IndexBuilder) -> Collected | None:
    """The one page fed to an ``indexer`` that held nothing before."""
    if not indexer._titles:
        return None
    ((docname, title),) = indexer._titles.items()
    return Collected(
        docname,
        title,
        indexer._filenames[docname],
        indexer._all_titles[docname],
        list(indexer._title_mapping),
        list(indexer._mapping),
        indexer._index_entries.get(docname, []),
    )


def add(indexer: IndexBuilder, page: Collected) -> None:
    """As :meth:`IndexBuilder.feed` would have added the page."""
    docname = page.docname
    indexer._titles[docname] = page.title
    indexer._filenames[docname] = page.filename
    indexer._all_titles[docname] = page.titles
    for word in page.title_words:
        indexer._title_mapping.setdefault(word, set()).add(docname)
    for word in page.words:
        indexer._mapping.setdefault(word, set()).add(docname)
    indexer._index_entries[docname] = page.index_entries


def _empty(indexer: IndexBuilder) -> None:
    """Nothing fed yet (the dictionaries are the environment's: new ones)."""
    indexer._titles = {}
    indexer._filenames = {}
    indexer._mapping = {}
    indexer._title_mapping = {}
    indexer._all_titles = {}
    indexer._index_entries = {}


def _read(folder: Path) -> Iterator[Collected]:
    for path in sorted(folder.iterdir()):
        with path.open("rb") as file:
            while True:
                try:
                    yield pickle.load(file)
                except EOFError:
                    break


class WriterIndexing:
    """One parallel write of ``builder``: pages indexed where written."""

    def __init__(self, builder: StandaloneHTMLBuilder, folder: Path) -> None:
        self.builder = builder
        self.folder = folder
        self.main = os.getpid()
        #: the pages the main process would have fed, in its order
        self.order: list[str] = []
        self.index_page = builder.index_page
        self.write_doc = builder.write_doc
        #: a writing process's own index builder (made in that process)
        self.own: IndexBuilder | None = None

    def in_main(self, pagename: str, doctree: nodes.document, title: str) -> None:
        """``index_page`` in the main process: the page's place noted (the
        first page, written in the main process, is fed as usual)."""
        first = not self.order
        self.order.append(pagename)
        if first:
            self.index_page(pagename, doctree, title)

    def in_writer(self, docname: str, doctree: nodes.document) -> None:
        """``write_doc``: in a writing process, the page indexed first."""
        if os.getpid() != self.main:
            self._index(docname, doctree)
        self.write_doc(docname, doctree)

    def _index(self, docname: str, doctree: nodes.document) -> None:
        builder = self.builder
        if self.own is None:
            self.own = copy.copy(builder.indexer)
        assert self.own is not None
        _empty(self.own)
        title_node = builder.env.longtitles.get(docname)
        title = title_node.astext() if title_node else ""
        kept, builder.indexer = builder.indexer, self.own
        try:
            self.index_page(docname, doctree, title)
        finally:
            builder.indexer = kept
        page = collect(self.own)
        if page is not None:
            with (self.folder / f"{os.getpid()}.pickle").open("ab") as file:
                pickle.dump(page, file, pickle.HIGHEST_PROTOCOL)

    def merge(self) -> None:
        """The pages the writing processes indexed, in the main process's order."""
        indexer = self.builder.indexer
        assert indexer is not None
        collected = {page.docname: page for page in _read(self.folder)}
        for docname in self.order[1:]:
            page = collected.get(docname)
            if page is not None:
                add(indexer, page)


def install(app: Sphinx) -> None:
    """``builder-inited``: an HTML builder's parallel writing indexes pages
    in the writing processes."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or app.parallel < 2:
        return
    write_parallel: Callable[[Sequence[str], int], None] = builder._write_parallel

    def writing(docnames: Sequence[str], nproc: int) -> None:
        nproc = app.parallel  # Sphinx's N - 1: the main process only resolves
        if builder.indexer is None:
            write_parallel(docnames, nproc)
            return
        with tempfile.TemporaryDirectory(prefix="kommun-index-") as folder:
            indexing = WriterIndexing(builder, Path(folder))
            builder.index_page = indexing.in_main  # type: ignore[method-assign]
            builder.write_doc = indexing.in_writer  # type: ignore[method-assign]
            try:
                write_parallel(docnames, nproc)
            finally:
                del builder.index_page, builder.write_doc
            indexing.merge()

    builder._write_parallel = writing  # type: ignore[method-assign]
