"""A public and an internal build from the same sources.

``kommun_publication = "public"`` (the default) builds what the kommun
publishes; ``"internal"`` (or ``sphinx-build -t internt``) what its staff
read. In a public build, what must not be published is taken out of the
text *as it is read* (``source-read``, ``include-read``), so no later
stage — the doctrees and environment Sphinx pickles, the search index,
``objects.inv``, needs.json, LaTeX, open data — ever holds it:

- a personnummer is masked (``811218-XXXX``), with a
  ``kommun.personnummer`` warning at its line: the source should be
  masked too;
- the text of a ``:personuppgift:`` role (a name, an address …) becomes
  "[personuppgift]";
- the content of a ``sekretess`` directive is left out; the directive
  prints a notice with its legal ground ("Uppgifter har utelämnats med stöd
  av 26 kap. 1 § offentlighets- och sekretesslagen.").

An internal build shows everything, marked: personal data highlighted, a
secret passage in a box with its ground, a document marked ``:publiceras:
nej`` with its text and a notice (:mod:`.publishing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..config import KommunConfig, conf_location, forget
from ..i18n import _
from .personnummer import find, mask, warn_masked

logger = logging.getLogger(__name__)

#: The Sphinx tag that makes a build internal (``-t internt``).
INTERNAL_TAG = "internt"
#: What a masked personuppgift reads in a public build.
MASKED = "[personuppgift]"

_ROLE = re.compile(r"(:personuppgift:|\{personuppgift\})`([^`]*)`")
_RST_SECRET = re.compile(r"^(?P<indent>[ \t]*)\.\. +sekretess::")
_MYST_SECRET = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|:{3,})\{sekretess\}")
_OPTION_LINE = re.compile(r"^\s*:[^:\s][^:]*:")


def is_public(config: Config) -> bool:
    return KommunConfig.from_config(config).publication != "internal"


# -- taking out what must not be published, as the text is read ----------------------


def _mask_roles(text: str) -> str:
    """Each ``:personuppgift:`` role's text replaced, its lines kept."""

    def masked(match: re.Match[str]) -> str:
        rest = match.group(2).split("\n")[1:]
        if not rest:
            return f"{match.group(1)}`{MASKED}`"
        # each line the text went on over stays, with its indentation, and
        # the role still ends after a character (the role prints MASKED)
        kept = "".join("\n" + line[: len(line) - len(line.lstrip())] for line in rest)
        return f"{match.group(1)}`{MASKED[:-1]}{kept}{MASKED[-1]}`"

    return _ROLE.sub(masked, text)


def _secret_block_end(lines: list[str], start: int, indent: int) -> int:
    """The line after a reST ``sekretess`` directive's block."""
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    return end


def _drop_secrets(text: str) -> str:
    """The content of every ``sekretess`` directive left out (its lines
    kept empty, so every later line keeps its number); the argument and
    the option lines right after the directive stay."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        rst = _RST_SECRET.match(lines[i])
        myst = _MYST_SECRET.match(lines[i]) if rst is None else None
        if rst is None and myst is None:
            i += 1
            continue
        if rst is not None:
            end = _secret_block_end(lines, i, len(rst.group("indent")))
        else:
            assert myst is not None
            fence = myst.group("fence")
            end = next(
                (j for j in range(i + 1, len(lines)) if lines[j].strip() == fence),
                len(lines),
            )
        j = i + 1
        while j < end and _OPTION_LINE.match(lines[j]):
            j += 1  # the options stay
        for k in range(j, end):
            lines[k] = ""
        i = end
    return "\n".join(lines)


#: ``:publiceras: nej`` among a document's first lines (reST field, MyST
#: front matter): its numbers are masked, not warned about
_UNPUBLISHED = re.compile(
    r"^:?publiceras:?[ \t]*(nej|no|false|0)[ \t]*$", re.IGNORECASE | re.MULTILINE
)


def _mask_personnummer(app: Sphinx, text: str, path: Path) -> str:
    """Each personnummer masked, and warned about at its line."""
    check = KommunConfig.from_config(app.config).check_personnummer and not (
        _UNPUBLISHED.search("\n".join(text.split("\n")[:20]))
    )
    reported: set[str] = set()
    lines = text.split("\n")
    for number, line in enumerate(lines):
        for found in find(line):
            if check and found not in reported:
                reported.add(found)
                warn_masked(found, f"{path}:{number + 1}")
            lines[number] = lines[number].replace(found, mask(found))
    return "\n".join(lines)


def public_markup(text: str, *, roles_only: bool = False) -> str:
    """``text`` with each ``:personuppgift:`` role's text replaced and, unless
    ``roles_only``, every ``sekretess`` passage left out (personnummer stay)."""
    return _mask_roles(text) if roles_only else _drop_secrets(_mask_roles(text))


def public_text(app: Sphinx, text: str, path: Path) -> str:
    if not is_public(app.config):
        return text
    return _mask_personnummer(app, _drop_secrets(_mask_roles(text)), path)


def source_read(app: Sphinx, docname: str, content: list[str]) -> None:
    content[0] = public_text(app, content[0], Path(app.env.doc2path(docname)))


def include_read(
    app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]
) -> None:
    content[0] = public_text(app, content[0], Path(app.srcdir) / relative_path)


# -- the role and the directive --------------------------------------------------------


class PersonuppgiftRole(SphinxRole):
    """``:personuppgift:`Anna Svensson```: masked in a public build, marked
    in an internal one."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if is_public(self.config):
            node = nodes.inline(MASKED, MASKED, classes=["kommun-masked"])
        else:
            node = nodes.inline(self.text, self.text, classes=["kommun-personuppgift"])
        return [node], []


class SekretessDirective(SphinxDirective):
    """``.. sekretess:: 26 kap. 1 § offentlighets- och sekretesslagen``: a
    passage under sekretess, with its legal ground."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "class": directives.class_option
    }

    def run(self) -> list[nodes.Node]:
        ground = " ".join((self.arguments or [""])[0].split())
        if not ground:
            logger.warning(
                _("sekretess utan lagrum: ange grunden efter direktivet"),
                location=self.get_location(),
                type="kommun",
                subtype="missing",
            )
        if is_public(self.config):
            text = (
                _("Uppgifter har utelämnats med stöd av %(ground)s.")
                % {"ground": ground}
                if ground
                else _("Uppgifter har utelämnats.")
            )
            notice = nodes.paragraph(text, text, classes=["kommun-sekretess"])
            self.set_source_info(notice)
            return [notice]
        box = nodes.container(classes=["kommun-sekretess-intern"])
        self.set_source_info(box)
        label = _("Sekretess (%(ground)s)") % {"ground": ground or "?"}
        box += nodes.paragraph(label, "", nodes.strong(label, label))
        box.extend(self.parse_content_to_nodes())
        return [box]


# -- the setting -----------------------------------------------------------------------


def choose(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``-t internt`` makes the build internal; a public
    build copies no page sources (``_sources``), whatever conf.py says, an
    internal one when conf.py (or ``-D``) sets ``html_copy_source``."""
    if app.tags.has(INTERNAL_TAG) and config.kommun_publication != "internal":
        config.kommun_publication = "internal"
        forget(config)
    own = "html_copy_source" in config._raw_config or (
        "html_copy_source" in config._overrides
    )
    if config.kommun_publication == "internal":
        if not own:  # an internal build copies them when conf.py says so
            config.html_copy_source = False
        return
    if not config.html_copy_source:
        return
    if own:
        logger.warning(
            _(
                "html_copy_source gäller inte när handlingarna byggs för publicering: sidornas "
                "källtext publiceras inte (kommun_publication = 'internal' "
                "kopierar den)"
            ),
            type="kommun",
            subtype="config",
            location=conf_location(app, "html_copy_source"),
        )
    config.html_copy_source = False


def register(app: Sphinx) -> None:
    app.connect("config-inited", choose, priority=5)
    # after the text is normalised (source.py, 100)
    app.connect("source-read", source_read, priority=200)
    app.connect("include-read", include_read, priority=200)
    app.add_role("personuppgift", PersonuppgiftRole())
    for name in ("sekretess",):
        app.add_directive(name, SekretessDirective)
