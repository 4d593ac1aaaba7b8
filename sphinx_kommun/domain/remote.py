"""Objects written in another project (:mod:`.federation`): how they are
named in the domain and linked.

An object read from another project is kept under a document name that is
the address of its page, starting with :data:`FEDERATED` (no Sphinx
document has such a name); a link to it goes to that page.
"""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Element
from sphinx.builders import Builder
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

#: How a document name of an object from another project starts.
FEDERATED = "@"


def is_federated(docname: str) -> bool:
    return docname.startswith(FEDERATED)


def page_of(docname: str) -> str:
    """The address of a federated object's page."""
    return docname.removeprefix(FEDERATED)


def address(builder: Builder, fromdocname: str, docname: str) -> str:
    """The address of another project's page as written on page
    ``fromdocname``: as published, or, when published at a path from this
    project's root, relative to the page."""
    page = page_of(docname)
    if "://" in page or page.startswith("/"):
        return page
    return relative_uri(builder.get_target_uri(fromdocname), page)


def refnode(
    builder: Builder,
    fromdocname: str,
    todocname: str,
    targetid: str,
    child: Element,
    title: str | None = None,
) -> nodes.reference:
    """A link to ``targetid`` on page ``todocname``, here or in another
    project (Sphinx's ``make_refnode`` for a page of this one)."""
    if not is_federated(todocname):
        return make_refnode(builder, fromdocname, todocname, targetid, child, title)
    link = nodes.reference(
        "",
        "",
        internal=False,
        refuri=f"{address(builder, fromdocname, todocname)}#{targetid}",
    )
    if title:
        link["reftitle"] = title
    link += child
    return link
