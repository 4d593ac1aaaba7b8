"""``sphinx-kommun serve``: a live preview on 127.0.0.1.

One Sphinx application stays in memory between edits: its environment is
not read back from disk, and each build rereads only the files that
changed and writes only the pages whose inputs changed (sphinx-kommun's
incremental rules, the same as a fresh build gives). The sources are
polled; after each build the pages reload themselves. What no page waits
for (the search index, the pickled environment) is written when the
preview is idle (:mod:`.deferred`). A changed conf.py starts a new
application.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
import threading
import time
import weakref
from contextlib import ExitStack
from pathlib import Path
from types import FrameType
from typing import Any

from sphinx.application import Sphinx
from sphinx.project import Project

from ..config import KommunConfig
from .build import show
from .deferred import Deferred
from .preview import State, server
from .progress import Progress
from .project import project_dir
from .sphinxrun import WarningStream, application, session
from .term import CliError, _, fail, say

#: seconds between looks at the project's files
POLL = 0.2


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "serve",
        help=_("förhandsgranska i webbläsaren"),
        description=_(
            "Bygger HTML och visar den på 127.0.0.1; bygger om vid varje "
            "ändring och laddar om sidan i webbläsaren."
        ),
    )
    parser.add_argument(
        "dir",
        nargs="?",
        metavar=_("KATALOG"),
        help=_("projektets katalog (förval: den aktuella)"),
    )
    parser.add_argument("--port", type=int, default=8000, help=_("port (0: en ledig)"))
    parser.set_defaults(run=run)


def snapshot(srcdir: Path) -> dict[str, tuple[int, int]]:
    """Every file of the project outside _build and hidden folders (which
    are not walked: at 500 ärenden _build holds twice the files); as
    :func:`os.walk` without following links, with the stat each directory
    entry has (16 ms for the 6,000 files of 500 ärenden, where a walk and a
    stat per file took 25 ms)."""
    found = {}
    top = os.fspath(srcdir)
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            entries = os.scandir(folder)
        except OSError:  # removed meanwhile
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                with contextlib.suppress(OSError):  # removed meanwhile
                    if entry.is_dir():
                        if not entry.is_symlink() and not (
                            folder == top and entry.name == "_build"
                        ):
                            folders.append(entry.path)
                        continue
                    stat = entry.stat()
                    found[entry.path] = (stat.st_mtime_ns, stat.st_size)
    return found


#: The projects of applications whose files are those of their last build.
_SAME_FILES: weakref.WeakSet[Project] = weakref.WeakSet()
_discover = Project.discover


def _discover_again(project: Project, *args: Any, **kwargs: Any) -> set[str]:
    """Sphinx's look for documents (a walk of the whole project, 0.35 s at
    N = 500), skipped once after the preview saw no file added or removed."""
    if project in _SAME_FILES:
        _SAME_FILES.discard(project)
        return project.docnames
    return _discover(project, *args, **kwargs)


class Preview:
    def __init__(self, srcdir: Path) -> None:
        self.srcdir = srcdir
        self.outdir = srcdir / "_build" / "preview" / "html"
        self.state = State(fallback=srcdir / "_build" / "html")
        self.app: Sphinx | None = None
        #: what the application left for when the preview is idle
        self.deferred: Deferred | None = None
        #: held while building or doing what was deferred (the state's
        #: lock, which the server waits for, only while building)
        self.working = threading.Lock()
        #: docutils' registries as the application made them
        self.session = ExitStack()
        #: what each build read and wrote (no bar: the preview prints a line)
        self.counts = Progress("HTML", shown=False)

    def build(self, fresh_app: bool, same_files: bool = False) -> None:
        """Build; ``same_files``: no file was added or removed since the
        last build (only changed), so Sphinx need not look for documents."""
        started = time.perf_counter()
        with self.working, self.state.lock:
            self.counts.read = self.counts.written = 0
            try:
                if fresh_app or self.app is None:
                    self.app = self._application()
                elif same_files:
                    _SAME_FILES.add(self.app.env.project)
                if self.deferred is not None:
                    # the first thing left, so the last done (see Deferred.run)
                    self.deferred.pending.setdefault("collector", self._settle)
                self.app.build()
            except Exception as error:  # a broken build must not stop the preview
                fail(_("bygget misslyckades: %(error)s") % {"error": error})
                self.app = None  # the next edit starts a new application
                self._forget_deferred()
            self.state.builds += 1
        say(
            _(
                "bygge %(number)d klart på %(seconds)s s: %(read)d lästa, %(written)d skrivna"
            )
            % {
                "number": self.state.builds,
                # a decimal comma, as Swedish writes it
                "seconds": f"{time.perf_counter() - started:.1f}".replace(".", ","),
                "read": self.counts.read,
                "written": self.counts.written,
            }
        )

    def idle(self, step: bool = False) -> None:
        """Do what the last builds left (the search index, the pickled
        environment …, then the collector settled); with ``step``, one
        thing of it, so that an edit saved meanwhile waits for that one
        only (the watch does a step a poll). A broken build leaves nothing.
        Pages are served meanwhile: none of it is a page (the search index
        is replaced at once)."""
        with self.working:
            self._run_deferred(one=step)

    def left_over(self) -> bool:
        """Something the last builds left is still to be done when idle."""
        return bool(self.deferred and self.deferred.pending)

    def _settle(self) -> None:
        """Collect and freeze what the application holds (left by each
        build, done after the rest of what it left), so that the next build's collections walk only what it
        makes (see :mod:`sphinx_kommun.output.memory`; garbage among what
        was frozen is collected the next time); unfrozen when the
        application is left."""
        if self.app is None or not KommunConfig.from_config(self.app.config).gc_freeze:
            return
        if gc.get_freeze_count() == 0:
            self.session.callback(gc.unfreeze)
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _run_deferred(self, one: bool = False) -> None:
        if self.deferred is not None:
            try:
                self.deferred.run(one)
            except (
                Exception
            ) as error:  # a search page not updated: the next build tries again
                fail(_("bygget misslyckades: %(error)s") % {"error": error})

    def _forget_deferred(self) -> None:
        if self.deferred is not None:
            self.deferred.close()
            self.deferred = None

    def _application(self) -> Sphinx:
        if self.app is not None:  # a new conf.py: the old environment pickled first
            self._run_deferred()
        self._forget_deferred()
        self.session.close()
        self.session.enter_context(session(self.srcdir))
        app = application(
            self.srcdir,
            "html",
            self.outdir,
            self.srcdir / "_build" / "preview" / "doctrees",
            WarningStream(show),
        )
        self.counts.attach(app)
        self.deferred = Deferred(app)
        Project.discover = _discover_again  # type: ignore[method-assign,assignment]
        return app

    def watch(self, seen: dict[str, tuple[int, int]], stop: threading.Event) -> None:
        """Rebuild whenever a file changes (a change during a build is
        seen by the next poll); between polls, what the builds left is done
        a step at a time, with a look at the files after each step."""
        while not stop.wait(0 if self.left_over() else POLL):
            now = snapshot(self.srcdir)
            if now != seen:
                conf = os.fspath(self.srcdir / "conf.py")
                self.build(
                    fresh_app=now.get(conf) != seen.get(conf),
                    same_files=now.keys() == seen.keys(),
                )
                seen = now
            else:
                self.idle(step=True)


def run(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    preview = Preview(srcdir)
    seen = snapshot(srcdir)
    preview.build(fresh_app=True)
    try:
        httpd = server(preview.outdir, args.port, preview.state)
    except OSError as error:
        preview.session.close()  # docutils' registries as they were
        raise CliError(
            _("kan inte lyssna på 127.0.0.1:%(port)d: %(error)s")
            % {"port": args.port, "error": error.strerror}
        ) from error
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(seen, stop), daemon=True)
    watcher.start()

    def interrupted(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    say(
        _("förhandsgranskning på http://127.0.0.1:%(port)d/ (Ctrl-C avslutar)")
        % {"port": httpd.server_address[1]}
    )
    sys.stdout.flush()
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        httpd.server_close()
        preview.idle()
        preview.session.close()
    return 0
