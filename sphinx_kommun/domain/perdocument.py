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
"""

from __future__ import annotations

import os
from typing import Any

#: The process that started reading (``env-before-read-docs``), and the
#: pages read in this process since.
_STARTED_BY = [os.getpid()]
_READ_HERE: set[str] = set()


def reading_started() -> None:
    """Pages are about to be read, here or in processes forked from here."""
    _STARTED_BY[0] = os.getpid()
    _READ_HERE.clear()


def read_here(docname: str) -> None:
    """Page ``docname`` has been read in this process."""
    _READ_HERE.add(docname)


class PerDocument(dict[str, Any]):
    """A store, by document name (see the module's description)."""

    def __reduce__(self) -> tuple[type[PerDocument], tuple[dict[str, Any]]]:
        if os.getpid() == _STARTED_BY[0]:
            return (PerDocument, (dict(self),))
        return (PerDocument, ({k: v for k, v in self.items() if k in _READ_HERE},))
