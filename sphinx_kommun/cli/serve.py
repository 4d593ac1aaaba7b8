"""``sphinx-kommun serve``: a live preview on 127.0.0.1.

One Sphinx application stays in memory between edits: its environment is
not read back from disk, and each build rereads only the files that
changed and writes only the pages whose inputs changed (sphinx-kommun's
incremental rules, the same as a fresh build gives). The sources are
polled; after each build the pages reload themselves. A changed conf.py
starts a new application.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path
from types import FrameType
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import SphinxError

from .build import show
from .preview import State, server
from .project import project_dir
from .sphinxrun import WarningStream, application, session
from .term import _, fail, say

POLL = 0.3


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "serve",
        help=_("förhandsgranska i webbläsaren"),
        description=_(
            "Bygger HTML och visar den på 127.0.0.1; bygger om vid varje "
            "ändring och laddar om sidan i webbläsaren."
        ),
    )
    parser.add_argument("dir", nargs="?", metavar=_("KATALOG"))
    parser.add_argument("--port", type=int, default=8000, help=_("port (0: en ledig)"))
    parser.set_defaults(run=run)


def snapshot(srcdir: Path) -> dict[Path, tuple[int, int]]:
    """Every file of the project outside _build and hidden folders."""
    found = {}
    for path in srcdir.rglob("*"):
        parts = path.relative_to(srcdir).parts
        if parts[0] == "_build" or any(p.startswith(".") for p in parts):
            continue
        if path.is_file():
            stat = path.stat()
            found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


class Preview:
    def __init__(self, srcdir: Path) -> None:
        self.srcdir = srcdir
        self.outdir = srcdir / "_build" / "preview" / "html"
        self.state = State()
        self.app: Sphinx | None = None
        #: docutils' registries as the application made them
        self.session = ExitStack()

    def build(self, fresh_app: bool) -> None:
        started = time.perf_counter()
        with self.state.lock:
            try:
                if fresh_app or self.app is None:
                    self.session.close()
                    self.session.enter_context(session(self.srcdir))
                    self.app = application(
                        self.srcdir,
                        "html",
                        self.outdir,
                        self.srcdir / "_build" / "preview" / "doctrees",
                        WarningStream(show),
                    )
                self.app.build()
            except SphinxError as error:
                fail(str(error))
                self.app = None
            self.state.builds += 1
        say(
            _("bygge %(number)d klart på %(seconds).1f s")
            % {"number": self.state.builds, "seconds": time.perf_counter() - started}
        )

    def watch(self, stop: threading.Event) -> None:
        seen = snapshot(self.srcdir)
        while not stop.wait(POLL):
            now = snapshot(self.srcdir)
            if now != seen:
                conf = self.srcdir / "conf.py"
                self.build(fresh_app=now.get(conf) != seen.get(conf))
                seen = now


def run(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    preview = Preview(srcdir)
    preview.build(fresh_app=True)
    httpd = server(preview.outdir, args.port, preview.state)
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop,), daemon=True)
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
        preview.session.close()
    return 0
