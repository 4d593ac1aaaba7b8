"""The directive every kind of object is written with.

:class:`ObjectDirective` (a :class:`~.warning.WarningDirective`) runs a
:class:`~.kind.Kind`: its parse function, the plugins' fields, its
renderer. The object it makes travels on its container node
(``node["object"]``); the domain collects it when the document is read
(:meth:`~sphinx_kommun.domain.store.KommunDomain.process_doc`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, ClassVar, TypeVar, cast

from docutils import nodes
from sphinx.util import logging

from .. import render
from ..config import KommunConfig
from ..domain.model import KommunObject
from ..i18n import _
from ..nodes import kommun_object, kommun_pending
from ..plugins.hookspecs import FieldSpec
from ..plugins.manager import PluginError, Plugins, plugins_of, run_validator
from ..swedish import fold, format_date, in_sentence, output_locale
from .excerpts import lift_sections
from .kind import Kind
from .values import OptionValues
from .warning import WarningDirective

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=KommunObject)

#: The current ärende of a document while it is read, so objects after an
#: ``arende`` directive belong to it.
CURRENT_DNR = "kommun:dnr"
#: The kind of the object whose content is being read (plugin sections
#: check where they are).
CURRENT_KIND = "kommun:kind"

#: While a document is read: every dnr written in it, and the ärende it
#: belongs to (the first dnr written with it).
JOINED_DNR = "kommun:joined-dnr"

_ID = re.compile(r"^[\wåäöÅÄÖ][\wåäöÅÄÖ-]*$")


class ObjectDirective(WarningDirective, OptionValues):
    """The directive of one kind of object (:attr:`kind_spec`)."""

    kind_spec: ClassVar[Kind]
    #: the diarienummer written on it, when more than its ärende's (:meth:`dnr`)
    _dnrs: tuple[str, ...] = ()
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    @property
    def kind(self) -> str:
        return self.kind_spec.name

    def run(self) -> list[nodes.Node]:
        spec = self.kind_spec
        if spec.argument_required and not self.arguments:
            return self.without_argument()
        obj, body = spec.parse(self)
        if obj is None:
            return body
        return spec.render(self, self.with_extra(obj), body)

    @classmethod
    def option_names(cls) -> list[str]:
        """The options the directive declares (besides ``id`` and ``dnr``)."""
        return list(cls.kind_spec.options)

    def known_options(self) -> set[str]:
        return {
            "id",
            "dnr",
            *(fold(name) for name in self.option_names()),
            *(fold(spec["name"]) for spec in self.plugin_fields),
        }

    def value(self, name: str) -> Any:
        """Option ``name`` read by its declared type (once)."""
        cache: dict[str, Any] = self.__dict__.setdefault("_values", {})
        if name not in cache:
            cache[name] = self.kind_spec.options[name].read(self, name)
        return cache[name]

    # -- environment --------------------------------------------------------

    @property
    def kommun_config(self) -> KommunConfig:
        return KommunConfig.from_config(self.config)

    @property
    def locale(self) -> str:
        return output_locale(self.config.language)

    def in_sentence(self, name: str) -> str:
        """``name`` inside a Swedish sentence (common nouns in lower case)."""
        if self.locale != "sv":
            return name
        words = self.kommun_config.words
        return in_sentence(name, words.common_noun_endings, words.proper_names)

    def where(self) -> dict[str, Any]:
        """Where the object is written, for its model: file, line, and the
        line of each option, for warnings found later."""
        first: dict[str, int] = {}
        for option in self.written:
            first.setdefault(fold(option.name), option.line)
        return {
            "docname": self.env.docname,
            "lineno": self.lineno,
            "option_lines": tuple(first.items()),
            "dnrs": self._dnrs,
        }

    # -- the ärende ------------------------------------------------------------

    def dnr(self, explicit: str = "") -> str:
        """The dnr of the object's ärende: its option, else the document's.

        Several may be written (``KS 2023/456, KS 2023/123``): the object
        carries them all (:attr:`~.KommunObject.dnrs`) and the others are
        joined to its ärende: the one among them that is the document's
        ärende (or was joined to an ärende earlier in it), else the first
        written. An explicit
        dnr becomes the document's ärende for what follows; each is checked
        where it is written.
        """
        written = split_dnrs(explicit or self.text("dnr"))
        if not written:
            return self.inherited_dnr()
        line = None if explicit else self.option_line("dnr")
        for dnr in written:
            self.check_dnr(dnr, line=line)
        doc = self.env.current_document
        joined = cast("dict[str, str]", doc.setdefault(JOINED_DNR, {}))
        # the ärende: one of them the document already has, else the first
        known = [joined.get(dnr, dnr) for dnr in written if dnr in joined]
        current = doc.get(CURRENT_DNR)
        main = next(
            (dnr for dnr in written if dnr == current),
            known[0] if known else written[0],
        )
        for other in written:
            joined.setdefault(other, main)
        doc[CURRENT_DNR] = main
        self._dnrs = tuple(written) if tuple(written) != (main,) else ()
        return main

    def check_dnr(self, dnr: str, line: int | None = None) -> None:
        """Warn when ``dnr`` does not have the project's form."""
        if not self.kommun_config.dnr_regex.fullmatch(dnr):
            self.warn(
                _("diarienumret '%(dnr)s' har inte formen %(pattern)s"),
                "dnr",
                {"dnr": dnr, "pattern": self.kommun_config.words.dnr_pattern},
                line=line or self.lineno,
            )

    def inherited_dnr(self) -> str:
        dnr = str(self.env.current_document.get(CURRENT_DNR) or "")
        if not dnr:
            self.warn(
                _(
                    "%(kind)s hör inte till något ärende: ange :dnr: eller skriv "
                    "det efter ett arende-direktiv i samma dokument"
                ),
                "dnr",
                {"kind": self.name},
            )
        return dnr

    def object_id(self, default: str) -> str:
        """The ``:id:`` given, else ``default``."""
        explicit = self.text("id")
        if not explicit:
            return default
        if not _ID.match(explicit):
            self.warn(
                _(
                    "id '%(id)s' får bara innehålla bokstäver, siffror, "
                    "bindestreck och understreck"
                ),
                "id",
                {"id": explicit},
                line=self.option_line("id"),
            )
            return default
        return explicit

    def argument(self) -> str:
        """The argument, whitespace collapsed ("" without one)."""
        return " ".join(self.arguments[0].split()) if self.arguments else ""

    # -- content ---------------------------------------------------------------

    @contextmanager
    def reading(self, dnr: str) -> Iterator[None]:
        """While the content is read: its ärende and the kind it is in."""
        doc = self.env.current_document
        previous = (doc.get(CURRENT_DNR, ""), doc.get(CURRENT_KIND, ""))
        doc[CURRENT_KIND] = self.kind
        if dnr:
            doc[CURRENT_DNR] = dnr
        try:
            yield
        finally:
            doc[CURRENT_DNR], doc[CURRENT_KIND] = previous

    def body(self, dnr: str) -> list[nodes.Node]:
        """Parse the directive content (section titles allowed)."""
        with self.reading(dnr):
            return lift_sections(self.parse_sections())

    def inline(self, text: str, option: str) -> list[nodes.Node]:
        """Parse ``text``, the value of ``option``, as inline markup (roles are
        allowed); what it reports is located at the option's line."""
        if not text:
            return []
        lineno = self.option_line(option) or self.lineno
        parsed, messages = self.parse_inline(text, lineno=lineno)
        # what is found in it later (a link refused, a character pdflatex
        # cannot set) is located at the option too
        source, line = self.state_machine.get_source_and_line(lineno)
        for node in parsed:
            for element in node.findall(nodes.Element):
                if element.line is None:
                    element.source, element.line = source, line
        return [*parsed, *messages]

    # -- what plugins add ----------------------------------------------------------

    @property
    def plugins(self) -> Plugins:
        return plugins_of(self.env)

    @property
    def plugin_fields(self) -> list[FieldSpec]:
        return self.plugins.fields(self.kind)

    def with_extra(self, obj: T) -> T:
        """``obj`` with the validated values of the options plugins added."""
        values = []
        for spec in self.plugin_fields:
            if not self.has(spec["name"]):
                continue
            try:
                value = run_validator(
                    spec.get("validate"), self.text(spec["name"]), text_only=True
                )
            except ValueError as err:
                self.warn(
                    _("fel värde för '%(option)s': %(error)s"),
                    "field",
                    {"option": spec["name"], "error": err},
                )
                continue
            except PluginError as err:
                self.warn(
                    _(
                        "pluginen som lägger till '%(option)s' kunde inte läsa värdet: %(error)s"
                    ),
                    "plugin",
                    {"option": spec["name"], "error": err},
                )
                continue
            values.append((spec["name"], value))
        return replace(obj, extra=tuple(values)) if values else obj

    def excerpt_titles(self, excerpt: str) -> list[str]:
        """Headings of the section kinds whose ``excerpt`` is ``excerpt``."""
        return self.plugins.excerpt_titles(excerpt)

    # -- rendering -------------------------------------------------------------------

    def container(self, obj: KommunObject) -> kommun_object:
        """The node of the object's document; it carries the object."""
        node = kommun_object(ids=[obj.id], kind=obj.kind, dnr=obj.dnr)
        node["classes"].append(f"kommun-{obj.kind}")
        node["object"] = obj
        self.set_source_info(node)
        return node

    def after_another_document(self) -> bool:
        """Whether a document other than the ärende is written before this
        one on its page, outside any other (a tjänsteskrivelse, its beslut
        and a reservation in one file): the page's title is then not this
        document's, which shows its own."""
        try:
            parent = self.state.parent
        except Exception:  # MyST's mock state has it on its inliner
            parent = getattr(getattr(self.state, "inliner", None), "parent", None)
        if not isinstance(parent, nodes.section | nodes.document):
            return False  # inside another object: a reservation in a §
        return any(
            node.get("kind") != "arende"
            for node in self.state.document.findall(kommun_object)
        )

    def fields(
        self, *rows: tuple[str, render.Part | dt.date | None]
    ) -> list[tuple[str, render.Part]]:
        """Rows of a header: a date written out, an empty value left out."""
        found: list[tuple[str, render.Part]] = []
        for label, value in rows:
            if isinstance(value, dt.date):
                found.append((label, format_date(value, self.locale)))
            elif value:
                found.append((label, value))
        return found

    def header(
        self,
        obj: KommunObject,
        fields: list[tuple[str, render.Part]],
        classes: Iterable[str] = (),
    ) -> nodes.Element:
        """The header block: the kind's fields, then what plugins add."""
        labels = {spec["name"]: spec["label"] for spec in self.plugin_fields}
        rows = list(fields)
        rows.extend(
            (labels[name], value) for name, value in obj.extra if labels.get(name)
        )
        rows.extend(self.plugins.header_fields(obj, self.locale))
        return render.header(rows, classes=classes)

    def footer(self, obj: KommunObject) -> list[nodes.Node]:
        """Blocks plugins add at the end of the document (attestation …)."""
        return self.plugins.footer(obj, self.locale)

    def pending(self, generate: str, **attrs: Any) -> kommun_pending:
        """A placeholder, filled when the page is written."""
        node = kommun_pending(generate=generate, refdoc=self.env.docname, **attrs)
        self.set_source_info(node)
        return node

    def backlinks(self, obj: KommunObject) -> kommun_pending:
        return self.pending("backlinks", target=obj.id)

    def xref(
        self, kind: str, target: str, text: str, refdnr: str = ""
    ) -> nodes.Element:
        """A reference the directive writes."""
        return render.xref(kind, target, text, self.env.docname, refdnr=refdnr)


def split_dnrs(text: str) -> list[str]:
    """Diarienummer written one per line or separated by ``,`` or ``;``."""
    return [
        " ".join(part.split()) for part in re.split(r"[,;\n]", text) if part.strip()
    ]


def directive_for(spec: Kind) -> type[ObjectDirective]:
    """The directive class of a kind."""
    return type(
        f"{spec.model.__name__}Directive",
        (ObjectDirective,),
        {
            "kind_spec": spec,
            "argument_help": spec.argument,
            "optional_arguments": 1 if spec.takes_argument else 0,
        },
    )
