"""The domain: the model, the ``kommun`` Sphinx domain that stores it, and
what is derived from it.

:mod:`.model` holds the values every object is made of (the objects
themselves are declared with their kinds, :mod:`sphinx_kommun.kinds`);
:mod:`.store` is the Sphinx domain, which collects the objects of each
document as it is read; :mod:`.index` answers the questions across
documents; :mod:`.recording` records what a page asks of it;
:mod:`.checks` are sphinx-kommun's own checks across documents;
:mod:`.register` the bodies' members, read from ``kommun_ledamoter``, and
:mod:`.people` who a name written in a document is among them;
:mod:`.perdocument` the stores, and what ``-j``'s reading processes send back.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def register_domain(app: Sphinx) -> None:
    """Add the domain (its own function: ``register`` is the module
    :mod:`.register`, the register of members)."""
    from .federation import read_sources
    from .people import check_namesakes
    from .perdocument import reading_finished, reading_started
    from .register import load_early
    from .store import KommunDomain

    app.add_domain(KommunDomain)
    app.connect("warn-missing-reference", KommunDomain.warn_missing_reference)
    app.connect("env-before-read-docs", reading_started)
    app.connect("env-updated", reading_finished)
    app.connect("env-before-read-docs", load_early)
    app.connect("env-before-read-docs", read_sources)
    app.connect("env-check-consistency", check_namesakes)
