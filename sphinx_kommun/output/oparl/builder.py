"""``sphinx-build -b oparl``: the project as OParl 1.1 JSON files.

A builder of its own, not a part of the HTML build: the export is
published where OParl clients expect it (``kommun_oparl_url``), built and
checked (``-W``) as a job of its own, and an HTML build does not pay for
it. It writes no page: after reading, :func:`.export.make` turns what the
domain holds into every object, each written to its own file, so an
incremental build writes what a fresh one does. An object that is gone
stays at its address as deleted, as OParl requires (which a fresh build
into an empty folder cannot know).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Set
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder
from sphinx.util import logging

from ...config import conf_location
from ...i18n import _
from . import export
from .objects import Json
from .urls import export_base

logger = logging.getLogger(__name__)

#: Lists the files the last build wrote (to remove those no longer made).
MANIFEST = ".oparl-files"


class OParlBuilder(Builder):
    """Writes the OParl export of the project."""

    name = "oparl"
    format = "oparl"
    epilog = "The OParl export is in %(outdir)s."
    allow_parallel = True

    def init(self) -> None:
        if not export_base(self.config):
            logger.warning(
                _(
                    "OParl-exporten saknar adress (kommun_oparl_url eller "
                    "html_baseurl): objekten får relativa adresser"
                ),
                # where conf.py sets one empty, else its first line: a bare
                # path would be read as a docname ("conf.py.rst")
                location=conf_location(self._app, "kommun_oparl_url")
                or conf_location(self._app, "html_baseurl")
                or f"{Path(self._app.confdir) / 'conf.py'}:1",
                type="kommun",
                subtype="oparl",
            )

    def get_outdated_docs(self) -> list[str]:
        return []  # pages are not written: the export is made in finish()

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        write(Path(self.outdir), export.make(self.env))


def write(outdir: Path, files: dict[str, Json]) -> None:
    """Write each file whose text changed. An object the last build wrote
    and this one does not stays at its address, deleted (OParl 1.1, 2.8
    "Gelöschte Objekte": ``deleted`` and the time it was deleted); a list
    no longer made is removed."""
    manifest = outdir / MANIFEST
    before = set(manifest.read_text("utf-8").split()) if manifest.exists() else set()
    files = {**deleted(outdir, before - set(files)), **files}
    for name, obj in sorted(files.items()):
        path = outdir / name
        text = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
        if path.exists() and path.read_text("utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name in sorted(before - set(files)):
        (outdir / name).unlink(missing_ok=True)
    outdir.mkdir(parents=True, exist_ok=True)
    manifest.write_text("\n".join(sorted(files)) + "\n", encoding="utf-8")


def deleted(outdir: Path, names: Iterable[str]) -> dict[str, Json]:
    """The objects among the files ``names`` (of the last build), each as
    deleted: its id and type, ``deleted``, and when (kept as it was when it
    was deleted before)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    found: dict[str, Json] = {}
    for name in names:
        try:
            obj = json.loads((outdir / name).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(obj, dict) or "id" not in obj or "type" not in obj:
            continue  # a list
        if obj.get("deleted") is not True:
            obj = {
                "id": obj["id"],
                "type": obj["type"],
                "deleted": True,
                "modified": now,
            }
        found[name] = obj
    return found
