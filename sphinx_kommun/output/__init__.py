"""The output stage: what each builder writes of sphinx-kommun's nodes.

- :mod:`.html`: HTML (and epub, singlehtml): visitors, static files,
  sphinx-needs' assets only where needed.
- :mod:`.latex`: the PDF handlingar.
- :mod:`.plain`: text, man and texinfo.
- :mod:`.oparl`: the OParl export (``-b oparl``) and the HTML build's feeds.
- :mod:`.published`: ``kommun-objects.json``, the objects for other projects.
- :mod:`.outdir`: the output directories are checked first of all.
- :mod:`.memory`: the garbage collector while pages are written.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (
    html,
    latex,
    memory,
    oparl,
    outdir,
    plain,
    published,
)


def register(app: Sphinx) -> None:
    """Register the output stage (from the extension's ``setup``; the output
    directories are checked first, before anything is written to them)."""
    outdir.check(app)
    for node, html_visitors in html.VISITORS.items():
        visitors = {
            "html": html_visitors,
            "latex": latex.VISITORS[node],
            **dict.fromkeys(plain.BUILDERS, plain.VISITORS[node]),
        }
        app.add_node(node, False, **visitors)
    html.register(app)
    latex.register(app)
    oparl.register(app)
    app.connect("build-finished", published.write)
    app.add_post_transform(plain.ReadableTables)
    memory.register(app)
