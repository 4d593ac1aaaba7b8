"""What happens while a source is read, before sphinx-kommun sees the doctree.

System messages docutils inserts below Sphinx's filter level (the INFO
that a directive has no Swedish name and the English one is used) are
removed before ``doctree-read``: Sphinx filters them only after it (its
``FilterSystemMessages`` runs at priority 999), so a quoted section kept
at ``doctree-read`` would publish them, with the build machine's path.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.transforms import FilterSystemMessages


class EarlyFilterSystemMessages(FilterSystemMessages):
    """Sphinx's own filter, before ``doctree-read`` (priority 880) instead
    of after it; docutils' ``FilterMessages`` has the same place."""

    default_priority = 870


def register(app: Sphinx) -> None:
    app.add_transform(EarlyFilterSystemMessages)
