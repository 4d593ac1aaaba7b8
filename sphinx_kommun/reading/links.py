"""Links, images and downloads in a page's tree, made safe (:mod:`.safety`
says what is refused): checked when a page is read, and again for what is
generated when it is written.

Each refusal is a ``kommun.unsafe`` warning at its file and line.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..config import KommunConfig
from ..i18n import _
from ..nodes import source_location
from .safety import inside, scheme, settings_of, unsafe_scheme, warn_outside_at

logger = logging.getLogger(__name__)


def _location(node: nodes.Node) -> str | None:
    """``file:line`` of ``node``: the line of the first element in it that
    knows its line (an image with a ``:target:`` link does, the link does
    not), else of its nearest ancestor that does."""
    first = next(
        (element for element in node.findall(nodes.Element) if element.line), node
    )
    return source_location(first)


def _warn(node: nodes.Node, message: str, values: dict[str, str]) -> None:
    logger.warning(
        message, values, location=_location(node), type="kommun", subtype="unsafe"
    )


def _as_text(
    reference: nodes.Element, uri: str, found: str, *, warn: bool = True
) -> None:
    if warn:
        _warn(
            reference,
            _(
                "länken till '%(uri)s' skrivs ut som text: adresser som börjar "
                "med '%(scheme)s:' tillåts inte (se kommun_url_schemes)"
            ),
            {"uri": uri, "scheme": found},
        )
    children = list(reference.children) or [nodes.Text(reference.astext())]
    for child in children:
        child.parent = None
    reference.replace_self(children)


def _remove_image(image: nodes.image) -> None:
    """Leave ``image`` out; an image inside a sentence leaves its alt text."""
    parent = image.parent
    alt = image.get("alt", "")
    if isinstance(parent, nodes.TextElement):
        image.replace_self(nodes.Text(alt) if alt else [])
    else:
        parent.remove(image)
    if isinstance(parent, nodes.reference) and not parent.children:
        parent.parent.remove(parent)


class _Once:
    """Whether a refusal is new in this document: a substitution's
    definition and each place it is used hold copies of one link or image."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def __call__(self, kind: str, value: str) -> bool:
        new = (kind, value) not in self.seen
        self.seen.add((kind, value))
        return new


def _linking(
    doctree: nodes.Node,
) -> tuple[list[nodes.reference], list[addnodes.download_reference], list[nodes.image]]:
    """The references (downloads among them), the downloads and the images
    of ``doctree``, in document order, found in one walk of the tree."""
    references: list[nodes.reference] = []
    downloads: list[addnodes.download_reference] = []
    images: list[nodes.image] = []
    for node in doctree.findall(_is_linking):
        if isinstance(node, nodes.image):
            images.append(node)
            continue
        references.append(node)  # type: ignore[arg-type]
        if isinstance(node, addnodes.download_reference):
            downloads.append(node)
    return references, downloads, images


def _is_linking(node: nodes.Node) -> bool:
    return isinstance(node, nodes.reference | nodes.image)


def check_links(config: KommunConfig, doctree: nodes.Node) -> None:
    """Links with a scheme not allowed become their text; so do images."""
    once = _Once()
    references, downloads, images = _linking(doctree)
    replaced: set[int] = set()
    for reference in references:
        uri = reference.get("refuri")
        found = unsafe_scheme(config, uri) if uri else None
        if found is not None:
            _as_text(reference, uri, found, warn=once("link", uri))
            replaced.add(id(reference))
    # a :download: of an address becomes a link to it
    for download in downloads:
        if id(download) in replaced:
            continue
        target = download.get("reftarget", "")
        found = unsafe_scheme(config, target) if "://" in target else None
        if found is not None:
            _as_text(download, target, found, warn=once("link", target))
    for image in images:
        uri = image.get("uri", "")
        found = unsafe_scheme(config, uri)
        if found is not None and not once("image", uri):
            _remove_image(image)
        elif found is not None:
            _warn(
                image,
                _(
                    "bilden '%(uri)s' tas inte med: adresser som börjar med "
                    "'%(scheme)s:' tillåts inte (se kommun_url_schemes)"
                ),
                {"uri": uri[:80], "scheme": found},
            )
            _remove_image(image)


def check_files(env: BuildEnvironment, doctree: nodes.document) -> None:
    """Images and downloads of files outside the source directory are left
    out (before Sphinx's collectors copy them to the output)."""
    if settings_of(env).allow_outside_files:
        return
    docname = env.docname
    once = _Once()
    _references, downloads, images = _linking(doctree)
    for image in images:
        uri = image.get("uri", "")
        if scheme(uri) is not None or uri.startswith("//"):
            continue  # an address, not a file (checked by check_links)
        if uri.endswith(".*"):
            uri = uri[:-2]  # Sphinx's "any format" marker
        if not inside(env, env.relfn2path(uri, docname)[1]):
            kind = "figure" if isinstance(image.parent, nodes.figure) else "image"
            if once("image", image["uri"]):
                warn_outside_at(_location(image), f"'.. {kind}::'", image["uri"])
            _remove_image(image)
    for download in downloads:
        target = download.get("reftarget", "")
        if "://" in target or inside(env, env.relfn2path(target, docname)[1]):
            continue
        if once("download", target):
            warn_outside_at(_location(download), ":download:", target)
        download.replace_self(nodes.Text(download.astext()))


class SafeDocument(SphinxTransform):
    """What was read, before the domain keeps excerpts for quotes (850) and
    Sphinx's collectors take downloads and images (``doctree-read``)."""

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        check_files(self.env, self.document)
        check_links(KommunConfig.from_config(self.config), self.document)


def check_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: what was generated when the page was written."""
    check_links(KommunConfig.from_config(app.config), doctree)


def register(app: Sphinx) -> None:
    app.add_transform(SafeDocument)
    app.connect("doctree-resolved", check_written, priority=650)
