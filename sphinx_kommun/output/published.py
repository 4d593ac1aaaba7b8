"""``kommun-objects.json``: what an HTML build publishes of its objects, for
other projects to read as their own (:mod:`sphinx_kommun.domain.federation`).

Beside ``objects.inv`` (names and addresses, for intersphinx), this file
holds what another project needs to compile and quote an object as if it
were written there: every field of the model and the excerpts it marks for
quoting, per page, as the domain holds them — so a public build publishes
only what its pages show (masked, and without the excerpts of a document
not to be published). Objects read from other projects are not published
again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..domain import excerpts
from ..domain.federation import FILE, FORMAT, VERSION
from ..domain.interchange import encode, encode_nodes
from ..domain.model import KommunObject
from ..domain.remote import is_federated
from ..domain.store import get_domain

#: Builders whose output is a site of pages another project can link to.
BUILDERS = ("html", "dirhtml")


def _entry(obj: KommunObject, kept: dict[str, bytes]) -> dict[str, Any]:
    quoted = {
        excerpt.name: encode_nodes(excerpts.copies(kept[key]))
        for excerpt in obj.excerpts
        if obj.published and (key := f"{obj.id}#{excerpt.name}") in kept
    }
    return {"object": encode(obj), "excerpts": quoted}


def write(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the file, from every object written here."""
    if exception is not None or app.builder.name not in BUILDERS:
        return
    domain = get_domain(app.env)
    stored = domain.data["excerpts"]
    pages = {
        app.builder.get_target_uri(docname): [
            _entry(obj, stored.get(docname, {})) for obj in objects
        ]
        for docname, objects in sorted(domain.objects.items())
        if objects and not is_federated(docname)
    }
    data = {
        "format": FORMAT,
        "version": VERSION,
        "project": app.config.project,
        "pages": pages,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path = Path(app.outdir, FILE)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
