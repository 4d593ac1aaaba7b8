"""The domain's stores, one entry per document, and what a process reading
pages for ``-j`` sends back of them.

Under ``-j N`` Sphinx reads the pages in forked processes. Each pickles its
whole environment, the stores of every page read before the fork included,
and the main process unpickles it only to merge the pages that process read
(:meth:`~.store.KommunDomain.merge_domaindata`). Most of a sphinx-kommun
environment is the domain's stores (the excerpts quotes are made of, each
page's objects as ``kommun-objects.json`` has them), so at N = 500 each of
the 35 forks sent back tens of megabytes the main process threw away.

A store is a :class:`PerDocument` dict: pickled in a process that did not
start the reading, it holds only the pages read in that process, which is
all the main process merges. Pickled anywhere else (the environment saved
after a build), it holds every page.

Sphinx's own dicts by page (titles, tables of contents) were sent back
whole too: at N = 500 the last forks sent 5 MB each, of which the main
process merged a thirty-fifth, and unpickling them, with the full
collections of the growing heap that it set off, cost the main process
13.6 s while the pages were read (2.4 s since). For the time of a
parallel read they are :class:`PerDocument` dicts too
(:func:`reading_started`), and plain dicts again once the pages are read
(:func:`reading_finished`), before Sphinx saves the environment.
"""

from __future__ import annotations

import os
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: The process that started reading (``env-before-read-docs``), and the
#: pages read in this process since.
_STARTED_BY = [os.getpid()]
_READ_HERE: set[str] = set()

#: The environment's dicts by page of which Sphinx merges only the pages a
#: reading process read (``merge_info_from`` and its collectors' ``merge_other``).
ENVIRONMENT_STORES = (
    "all_docs",
    "titles",
    "longtitles",
    "tocs",
    "toc_num_entries",
    "toctree_includes",
)


def reading_started(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: pages are about to be read, here or in
    processes forked from here (``-j``), which send back of the
    environment's dicts by page only the pages they read."""
    _STARTED_BY[0] = os.getpid()
    _READ_HERE.clear()
    if app.parallel > 1:
        for name in ENVIRONMENT_STORES:
            value = getattr(env, name, None)
            if type(value) is dict:
                setattr(env, name, PerDocument(value))


def reading_finished(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the environment's dicts by page are plain dicts again."""
    for name in ENVIRONMENT_STORES:
        value = getattr(env, name, None)
        if type(value) is PerDocument:
            setattr(env, name, dict(value))


def read_elsewhere() -> bool:
    """Whether this is a process forked to read pages (``-j``), not the one
    reading started in."""
    return os.getpid() != _STARTED_BY[0]


def read_here(docname: str) -> None:
    """Page ``docname`` has been read in this process."""
    _READ_HERE.add(docname)


class PerDocument(dict[str, Any]):
    """A store, by document name (see the module's description)."""

    def __reduce__(self) -> tuple[type[PerDocument], tuple[dict[str, Any]]]:
        if not read_elsewhere():
            return (PerDocument, (dict(self),))
        return (PerDocument, ({k: v for k, v in self.items() if k in _READ_HERE},))
