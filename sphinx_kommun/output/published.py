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

from sphinx.application import Sphinx

from ..domain.federation import FILE, FORMAT, VERSION
from ..domain.remote import is_federated
from ..domain.store import get_domain

#: Builders whose output is a site of pages another project can link to.
BUILDERS = ("html", "dirhtml")


def write(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the file, from every object written here."""
    if exception is not None or app.builder.name not in BUILDERS:
        return
    encoded = get_domain(app.env).data["published"]
    # each document's objects were encoded when it was read (domain/store.py)
    pages = ",".join(
        f"{json.dumps(app.builder.get_target_uri(docname), ensure_ascii=False)}:"
        f"{encoded[docname]}"
        for docname in sorted(encoded)
        if not is_federated(docname)
    )
    head = {"format": FORMAT, "version": VERSION, "project": app.config.project}
    text = json.dumps(head, ensure_ascii=False)[:-1] + f', "pages": {{{pages}}}}}'
    path = Path(app.outdir, FILE)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
