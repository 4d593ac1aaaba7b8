"""The preview's web server: the output folder on 127.0.0.1, each HTML
page with a small script that asks for the build counter and reloads the
page when a new build has finished."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

COUNTER = "/__sphinx_kommun__/build"

#: Polls the counter every half second; reloads when it changes.
SCRIPT = f"""<script>
(function () {{
  var seen = null;
  function poll() {{
    fetch("{COUNTER}", {{cache: "no-store"}}).then(function (r) {{ return r.text(); }})
      .then(function (n) {{
        if (seen !== null && n !== seen) {{ location.reload(); }}
        seen = n;
      }}).catch(function () {{}}).finally(function () {{ setTimeout(poll, 500); }});
  }}
  poll();
}})();
</script>
"""


class State:
    """What the builder and the server share: the build counter, and a
    lock held while pages are written (a page is never served half done)."""

    def __init__(self, fallback: Path | None = None) -> None:
        self.builds = 0
        self.lock = threading.Lock()
        #: where a file the preview does not write is looked for: the last
        #: ``build`` (its PDFs, which the pages link)
        self.fallback = fallback


class Handler(SimpleHTTPRequestHandler):
    state: State

    def do_GET(self) -> None:
        if self.path.split("?")[0] == COUNTER:
            self._send(str(self.state.builds).encode(), "text/plain; charset=utf-8")
            return
        with self.state.lock:
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                page = path.read_text(encoding="utf-8")
                page = page.replace("</body>", SCRIPT + "</body>", 1)
                self._send(page.encode("utf-8"), "text/html; charset=utf-8")
                return
            super().do_GET()

    def translate_path(self, path: str) -> str:
        """A file of the preview, else of the fallback folder."""
        found = Path(super().translate_path(path))
        if found.exists() or self.state.fallback is None:
            return str(found)
        other = self.state.fallback / found.relative_to(self.directory)
        return str(other) if other.is_file() else str(found)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the clerk sees builds, not requests."""


def server(outdir: Path, port: int, state: State) -> ThreadingHTTPServer:
    handler = functools.partial(
        type("PreviewHandler", (Handler,), {"state": state}), directory=str(outdir)
    )
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
