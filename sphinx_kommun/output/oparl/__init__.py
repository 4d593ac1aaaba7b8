"""Open data: the OParl 1.1 export and the feeds.

- :mod:`.builder`: ``sphinx-build -b oparl`` writes the project as OParl
  JSON files (:mod:`.export`: the whole; :mod:`.papers`, :mod:`.meetings`,
  :mod:`.members`, :mod:`.protocols`: ärenden and documents, meetings,
  the register, protokoll and their §§;
  :mod:`.objects`: what they share; :mod:`.urls`: every object's address;
  :mod:`.sources`: when a source last changed).
- :mod:`.feeds`: the HTML build writes the meetings as iCalendar
  (:mod:`.calendar`) and the ärenden and meetings as Atom, linked from
  every page.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import builder, feeds


def register(app: Sphinx) -> None:
    app.add_builder(builder.OParlBuilder)
    app.connect("build-finished", feeds.write_feeds)
    app.connect("html-page-context", feeds.head_links)
