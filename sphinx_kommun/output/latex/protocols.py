"""A protokoll no PDF prints is warned about.

The protokoll is printed in its meeting's PDF: its page belongs in a
toctree under the sammanträde's page (or an ärende's, whose PDF prints it
too). Where the build derives meetings' PDFs (``kommun_pdf_documents``
``all``, ``sammantraden`` or the meeting's id) and no PDF holds the
protokoll's page, the justerade protokoll would be missing from print: a
``kommun.structure`` warning at the protokoll, as for an ärende's
documents (:func:`.documents.check_printed`). A page marked ``:orphan:``
is left out of print knowingly.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ...config import KommunConfig
from ...domain.index import ObjectIndex
from ...domain.remote import is_federated
from ...domain.store import get_domain
from ...i18n import _
from ...kinds.arende import Arende
from ...kinds.protokoll import Protokoll
from ...kinds.sammantrade import Sammantrade
from ...swedish import normalise
from .documents import _keys, printed_pages, selection

logger = logging.getLogger(__name__)


def _printed(env: BuildEnvironment, index: ObjectIndex, selected: set[str]) -> set[str]:
    """The pages the derived PDFs hold."""
    found: set[str] = set()
    for obj in index.by_id.values():
        if isinstance(obj, Arende):
            keys = _keys(obj, "arenden")
        elif isinstance(obj, Sammantrade):
            keys = _keys(obj, "sammantraden")
        else:
            continue
        if selected & keys and not is_federated(obj.docname):
            found |= printed_pages(env, obj.docname)
    return found


def _meeting(index: ObjectIndex, protokoll: Protokoll) -> Sammantrade | None:
    """The sammanträde the protokoll is of: the same body's on the same day."""
    body = normalise(protokoll.body)
    return next(
        (
            m
            for m in index.sammantraden()
            if normalise(m.body) == body
            and m.date == protokoll.date
            and not is_federated(m.docname)
        ),
        None,
    )


def check_protokoll_printed(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: each protokoll is in a PDF, where the
    build derives the PDF of its meeting (or of every meeting)."""
    settings = KommunConfig.from_config(app.config)
    if settings.pdf_documents.strip().casefold() in ("", "off"):
        return
    index = get_domain(env).index
    selected = selection(settings)
    printed: set[str] | None = None
    for protokoll in index.by_id.values():
        if not isinstance(protokoll, Protokoll) or is_federated(protokoll.docname):
            continue
        if "orphan" in env.metadata.get(protokoll.docname, {}):
            continue
        meeting = _meeting(index, protokoll)
        wanted = _keys(meeting, "sammantraden") if meeting else {"all", "sammantraden"}
        if not selected & wanted:
            continue  # the build derives no PDF of this meeting
        if printed is None:
            printed = _printed(env, index, selected)
        if protokoll.docname in printed:
            continue
        if meeting is not None:
            message = _(
                "protokollet kommer inte med i någon PDF: sidan står inte i någon "
                "toctree under sammanträdets sida (%(page)s; ange :orphan: om den "
                "ska stå utanför)"
            )
        else:
            message = _(
                "protokollet kommer inte med i någon PDF: sidan står inte i någon "
                "toctree under ett sammanträdes sida (ange :orphan: om den ska "
                "stå utanför)"
            )
        logger.warning(
            message,
            {"page": meeting.docname if meeting else ""},
            location=protokoll.location,
            type="kommun",
            subtype="structure",
        )
