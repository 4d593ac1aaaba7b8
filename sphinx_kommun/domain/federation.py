"""Objects of other projects, read as if they were written here.

A nämnd keeps its yttranden in its own Sphinx project; its HTML build
publishes them in ``kommun-objects.json`` beside ``objects.inv``
(:mod:`sphinx_kommun.output.published`). A project that names it in
``kommun_federation`` (as ``intersphinx_mapping`` names inventories: a
name, the address its pages are published at, and where to read the file
when not there) reads that file before its own documents are read, and its
objects join the index: the remissammanställning compiles a nämnd's
yttrande and quotes it exactly as a local one, and every link to it goes
to the nämnd's page.

Each source read is kept in the doctree directory; a source that cannot be
read or understood is a ``kommun.federation`` warning, and its last kept
copy is used. The objects are kept in the domain under a document name
that is the address of their page, starting with :data:`FEDERATED`; no
Sphinx document has such a name.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..config import KommunConfig, conf_location
from ..i18n import _
from .interchange import _classes, decode, decode_nodes
from .model import KommunObject
from .remote import FEDERATED
from .store import get_domain

logger = logging.getLogger(__name__)

#: The file a project publishes, and what it says it is.
FILE = "kommun-objects.json"
FORMAT = "sphinx-kommun-objects"
VERSION = 1

#: Seconds to wait for a source on the web.
TIMEOUT = 20


def sources(config: KommunConfig) -> dict[str, tuple[str, str]]:
    """Each source's name, the address of its pages and where to read its
    file."""
    found = {}
    for name, value in config.federation.items():
        base, location = (value, None) if isinstance(value, str) else value
        base = base if base.endswith("/") else base + "/"
        found[name] = (base, location or urljoin(base, FILE))
    return found


def _read(app: Sphinx, location: str) -> bytes:
    """The file at ``location``: an address, or a path from conf.py's folder."""
    if "://" in location:
        with urllib.request.urlopen(location, timeout=TIMEOUT) as response:
            return bytes(response.read())
    path = Path(app.confdir or ".", location)
    if path.is_dir():
        path = path / FILE
    return path.read_bytes()


def _warn(app: Sphinx, message: str, values: dict[str, str]) -> None:
    logger.warning(
        message,
        values,
        location=conf_location(app, "kommun_federation"),
        type="kommun",
        subtype="federation",
    )


def _objects(
    data: Any, base: str
) -> tuple[dict[str, list[KommunObject]], dict[str, dict[str, bytes]]]:
    """The objects of a published file by their page, and their excerpts
    pickled as a local document's are."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a {FILE}")
    if data.get("version") != VERSION:
        raise ValueError(f"version {data.get('version')!r}, not {VERSION}")
    classes = _classes()
    objects: dict[str, list[KommunObject]] = {}
    kept: dict[str, dict[str, bytes]] = {}
    for page, entries in dict(data.get("pages", {})).items():
        docname = FEDERATED + urljoin(base, str(page))
        for entry in entries:
            obj = decode(entry["object"], classes)
            if not isinstance(obj, KommunObject):
                raise ValueError(f"not an object: {type(obj).__name__}")
            objects.setdefault(docname, []).append(
                dataclasses.replace(obj, docname=docname)
            )
            for name, excerpt in dict(entry.get("excerpts", {})).items():
                copies = decode_nodes(excerpt)
                kept.setdefault(docname, {})[f"{obj.id}#{name}"] = pickle.dumps(
                    copies, pickle.HIGHEST_PROTOCOL
                )
    return objects, kept


Found = tuple[dict[str, list[KommunObject]], dict[str, dict[str, bytes]]]


def _source(app: Sphinx, name: str, base: str, location: str) -> Found | None:
    """The objects of source ``name`` (:func:`_objects`): read now and kept,
    or as last kept."""
    cache = Path(app.doctreedir, "kommun-federation", f"{name}.json")
    try:
        raw = _read(app, location)
        # understood, before it replaces the kept copy
        found = _objects(json.loads(raw.decode("utf-8")), base)
    except (OSError, ValueError, KeyError, TypeError) as error:
        kept = cache.read_bytes() if cache.is_file() else None
        _warn(
            app,
            _(
                "kommun_federation: %(name)s kan inte läsas från %(location)s "
                "(%(error)s); %(fallback)s"
            ),
            {
                "name": name,
                "location": location,
                "error": str(error) or type(error).__name__,
                "fallback": _("den senast sparade kopian används")
                if kept is not None
                else _("dess objekt saknas i bygget"),
            },
        )
        return _objects(json.loads(kept.decode("utf-8")), base) if kept else None
    cache.parent.mkdir(parents=True, exist_ok=True)
    if not cache.is_file() or cache.read_bytes() != raw:
        cache.write_bytes(raw)
    return found


def read_sources(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: every source's objects into the domain
    (replacing those read last time; the index is rebuilt if they changed)."""
    objects: dict[str, list[KommunObject]] = {}
    kept: dict[str, dict[str, bytes]] = {}
    for name, (base, location) in sources(KommunConfig.from_config(app.config)).items():
        found = _source(app, name, base, location)
        if found is None:
            continue
        objects.update(found[0])
        kept.update(found[1])
    get_domain(env).federate(objects, kept)
