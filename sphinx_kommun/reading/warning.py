"""The directive that reads its own option block and warns where the clerk wrote.

Every sphinx-kommun directive (each kind's, the generated ones, plugin
sections) is one: it takes its options off the argument or the content
(:mod:`.options`), warns about an HTML tag in them and about personnummer,
and warns at the file and line with type ``kommun``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..i18n import N_, _
from ..swedish import fold
from .options import Written, is_myst, take_options
from .personnummer import check_options

logger = logging.getLogger(__name__)

#: An HTML tag pasted into a value: ``<b>``, ``</i>``, ``<br/>``,
#: ``<a href="…">`` (not ``a < b``, ``<anna@example.se>`` or ``<https://…>``).
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


class WarningDirective(SphinxDirective):
    """A directive that reads its own options and warns at its file and line,
    with type ``kommun``."""

    option_spec = None
    arguments: list[str]
    content: StringList
    content_offset: int
    #: every option as written, in order, repeats included
    written: list[Written]
    #: What the directive's argument is, when it must have one
    #: (``"remissinstansen"``): docutils would drop a directive without its
    #: required argument, content and all, so it is optional to docutils
    #: and :meth:`without_argument` is its text.
    argument_help: ClassVar[str] = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.written = take_options(self, self._warn_at)
        self.options: dict[str, Any] = {}
        for option in self.written:
            self.options.setdefault(option.name, option.value)
        self._warn_about_html()
        check_options(self, [*self.arguments, *(o.value for o in self.written)])

    def _warn_at(
        self, message: str, subtype: str, values: dict[str, Any], line: int
    ) -> None:
        self.warn(message, subtype, values, line=line)

    def _warn_about_html(self) -> None:
        """An HTML tag in the argument or an option is printed as written
        (escaped, never interpreted); the clerk is told so."""
        written = [
            (f"'.. {self.name}::'", argument, self.lineno)
            for argument in self.arguments
        ] + [(f"'{o.name}'", o.value, o.line) for o in self.written]
        for where, value, line in written:
            tag = _HTML_TAG.search(value)
            if tag:
                self.warn(
                    _(
                        "HTML-koden '%(tag)s' i %(where)s skrivs ut som text, "
                        "inte som formatering"
                    ),
                    "markup",
                    {"tag": tag.group(0), "where": where},
                    line=line,
                )

    def option_line(self, name: str) -> int | None:
        """The line where option ``name`` (any spelling) is first written."""
        for option in self.written:
            if fold(option.name) == fold(name):
                return option.line
        return None

    def without_argument(self) -> list[nodes.Node]:
        """A directive without its required argument: a warning, and the
        content kept as text."""
        self.warn(
            _("'.. %(name)s::' saknar %(what)s; texten visas men blir inget objekt"),
            "missing",
            {"name": self.name, "what": _(self.argument_help or N_("sitt argument"))},
        )
        return self.parse_sections()

    def parse_sections(self) -> list[nodes.Node]:
        """The content, section titles allowed, as nodes of the directive.

        MyST attaches the sections of a nested parse to the document's
        sections, whatever node the directive parses into; while the
        content is parsed, its renderer's section levels lead to the
        directive's node instead, so a ``## Heading`` in a yttrande is the
        yttrande's.
        """
        if not is_myst(self):
            return self.parse_content_to_nodes(allow_section_headings=True)
        renderer = self.state._renderer  # type: ignore[attr-defined]
        levels = renderer._level_to_section
        holder = nodes.Element()
        holder.document = self.state.document
        renderer._level_to_section = dict.fromkeys(range(max(levels) + 1), holder)
        try:
            self.state.nested_parse(
                self.content, self.content_offset, holder, match_titles=True
            )
        finally:
            renderer._level_to_section = levels
        return list(holder.children)

    def warn(
        self, message: str, subtype: str, *args: Any, line: int | None = None
    ) -> None:
        """Warn at ``line``, else at the line of the option the message names
        (``%(option)s``), else at the directive."""
        if line is None and args and isinstance(args[0], dict):
            line = self.option_line(str(args[0].get("option", "")))
        source, line = self.state_machine.get_source_and_line(line or self.lineno)
        logger.warning(
            message,
            *args,
            location=f"{source}:{line}" if source and line else self.get_location(),
            type="kommun",
            subtype=subtype,
        )
