"""The output directories are checked before anything is written to them.

Sphinx creates the output directory right after loading the extensions, and
sphinx-needs writes into it at ``config-inited``: an output directory that
cannot be written (a file where a folder should be, no permission, a
read-only file system) would end in a traceback from their code, long before
``builder-inited``. So sphinx-kommun's ``setup`` checks the output and the
doctree directory first and ends the build with one line.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..i18n import _

logger = logging.getLogger(__name__)


class OutputDirectoryError(SystemExit):
    """The build cannot write where it was told to.

    A ``SystemExit`` (status 2, Sphinx's for an error): ``sphinx-build``
    prints any other exception with its traceback and a bug-report notice,
    but this is the user's mistake, said in the one line logged before.
    """

    def __init__(self, message: str) -> None:
        super().__init__(2)
        self.message = message

    def __str__(self) -> str:
        return self.message


def check(app: Sphinx) -> None:
    """Make sure the output and doctree directories can be written."""
    for path, message in (
        (Path(app.outdir), _("kan inte skriva i utdatakatalogen %(path)s: %(reason)s")),
        (
            Path(app.doctreedir),
            _("kan inte skriva i doctree-katalogen %(path)s: %(reason)s"),
        ),
    ):
        reason = why_unwritable(path)
        if reason is not None:
            text = message % {"path": path, "reason": reason}
            logger.error(text)
            raise OutputDirectoryError(text)


def why_unwritable(path: Path) -> str | None:
    """Why nothing can be written in ``path`` (made if missing), or None."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as err:
        return reason(path, err)
    return None


def reason(path: Path, err: OSError) -> str:
    if err.errno in (errno.ENOTDIR, errno.EEXIST):
        file = next(
            (p for p in (path, *path.parents) if p.exists() and not p.is_dir()), path
        )
        return _("%(file)s är en fil, inte en katalog") % {"file": file}
    if err.errno in (errno.EACCES, errno.EPERM):
        return _("behörighet saknas")
    if err.errno == errno.EROFS:
        return _("filsystemet är skrivskyddat")
    if err.errno == errno.ENOSPC:
        return _("disken är full")
    return err.strerror or str(err)
