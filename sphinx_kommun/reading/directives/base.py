"""What every object directive shares: options, parsing, warnings, registration."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, ClassVar, TypeVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import Body
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ... import render
from ...config import KommunConfig
from ...domain.model import (
    Excerpt,
    KommunObject,
    Person,
)
from ...domain.store import (
    KommunDomain,
    get_domain,
)
from ...i18n import (
    N_,
    _,
)
from ...nodes import (
    kommun_object,
    kommun_pending,
)
from ...plugins.hookspecs import FieldSpec
from ...plugins.manager import (
    PluginError,
    Plugins,
    plugins_of,
    run_validator,
)
from ...swedish import (
    fold,
    in_sentence,
    output_locale,
    parse_date,
)
from ...vocabulary import closest
from ..personnummer import check_options

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=KommunObject)

#: The key under which the current ärende of a document is remembered while
#: it is read, so objects after an ``arende`` directive belong to it.
CURRENT_DNR = "kommun:dnr"
#: The object whose content is being parsed (roles record it as their source).
CURRENT_OBJECT = "kommun:object"
#: The kind of that object (plugin sections check where they are).
CURRENT_KIND = "kommun:kind"


class AnyOptions(dict[str, Callable[[str | None], Any]]):
    """An option spec that accepts every option.

    Unknown options must not make docutils drop the whole directive with its
    content; the directive warns about them itself and keeps going.
    """

    def __missing__(self, key: str) -> Callable[[str | None], Any]:
        return directives.unchanged


_PERSON = re.compile(
    r"^\s*(?P<name>[^()\[\]]+?)\s*(?:\((?P<party>[^()]*)\))?\s*"
    r"(?:\[(?P<note>[^\]]*)\])?\s*$"
)
_WITHDRAWN_NOTES = ("ej tjänstgörande", "återkallad", "utgår")
_SEPARATORS = re.compile(r"\s*(?:;|\n)\s*")


def split_entries(value: str) -> list[str]:
    """Entries of a list option: one per line, or separated by semicolons."""
    return [entry.strip() for entry in _SEPARATORS.split(value) if entry.strip()]


class PersonError(ValueError):
    """An entry :func:`parse_person` cannot read whole.

    ``kind`` is ``"date"`` (a date that is not one: ``value``), ``"place"``
    (a date, ``value``, before the role, where it would be read as part of
    it) or ``"person"`` (no name to read); ``person`` is what could be read,
    with the misplaced date as its date.
    """

    def __init__(self, message: str, kind: str, person: Person, value: str = ""):
        super().__init__(message)
        self.kind = kind
        self.person = person
        self.value = value


def parse_person(entry: str, *, with_dates: bool = False) -> Person:
    """One person of a list option.

    ``Name (Party) [note]`` (a note such as ``[ej tjänstgörande]`` marks a
    withdrawn signatory), or ``Name, role[, YYYY-MM-DD]``: the role is
    everything between the name and the date, and the date is read only
    ``with_dates``.

    :raises PersonError: in Swedish, with what could be read.
    """
    date = None
    role = ""
    head = entry
    if "," in entry and "(" not in entry:
        parts = [part.strip() for part in entry.split(",")]
        head, rest = parts[0], parts[1:]
        if with_dates and rest:
            try:
                date = parse_date(rest[-1])
                rest = rest[:-1]
            except ValueError as err:
                if re.match(r"^\s*\d", rest[-1]):
                    raise PersonError(
                        str(err),
                        "date",
                        _person(head, ", ".join(rest[:-1])) or Person(name=head),
                        rest[-1],
                    ) from None
            if date is None:
                _date_not_last(head, rest)
        role = ", ".join(part for part in rest if part)
    person = _person(head, role, date)
    if person is None:
        raise PersonError(
            f"kan inte läsa personen '{entry}'", "person", Person(name=entry)
        )
    return person


def _date_not_last(head: str, rest: list[str]) -> None:
    """Refuse ``Name, 2020-09-08, role``: a date that is not last would be read as role."""
    for place, part in enumerate(rest):
        try:
            date = parse_date(part)
        except ValueError:
            continue
        others = ", ".join(rest[:place] + rest[place + 1 :])
        raise PersonError(
            f"datumet '{part}' ska stå sist",
            "place",
            _person(head, others, date) or Person(name=head, date=date),
            part,
        )


def _person(head: str, role: str, date: dt.date | None = None) -> Person | None:
    match = _PERSON.match(head)
    if not match:
        return None
    note = (match.group("note") or "").strip()
    return Person(
        name=match.group("name").strip(),
        party=(match.group("party") or "").strip(),
        role=role,
        date=date,
        withdrawn=note.casefold() in _WITHDRAWN_NOTES,
        note=note,
    )


#: A field marker (``:name:``), as docutils reads option blocks.
_FIELD = re.compile(Body.patterns["field_marker"])
#: An HTML tag pasted into a value: ``<b>``, ``</i>``, ``<br/>``,
#: ``<a href="…">`` (not ``a < b``, ``<anna@example.se>`` or ``<https://…>``).
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


class WarningDirective(SphinxDirective):
    """A directive that warns at its own file and line, with type ``kommun``.

    It reads its options itself. docutils refuses a whole directive, and
    drops it with its content, for an option written twice or a line it
    cannot read among the options; a clerk's slip must cost a warning, not
    the document. With no ``option_spec``, docutils leaves the option lines
    in the final argument (or, for a directive without arguments, at the
    start of the content), and :meth:`_take_options` reads them.
    """

    option_spec = None
    arguments: list[str]
    content: StringList
    content_offset: int
    #: every option as written, in order, repeats included
    option_items: list[tuple[str, str]]
    #: the source line of each of :attr:`option_items`
    option_lines: list[int]
    #: each option (folded name) and the line where it is first written
    first_option_lines: dict[str, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.option_lines = []
        self.first_option_lines = {}
        self.option_items = self._take_options()
        for (written, _value), line in zip(
            self.option_items, self.option_lines, strict=True
        ):
            self.first_option_lines.setdefault(fold(written), line)
        options: dict[str, Any] = {}
        for name, value in self.option_items:
            options.setdefault(name, value)
        self.options = options
        self._warn_about_html()
        check_options(self, [*self.arguments, *(v for _n, v in self.option_items)])

    def _warn_about_html(self) -> None:
        """An HTML tag in the argument or an option is printed as written
        (escaped, never interpreted); the clerk is told so."""
        written = [
            (f"'.. {self.name}::'", argument, self.lineno)
            for argument in self.arguments
        ] + [
            (f"'{name}'", value, line)
            for (name, value), line in zip(
                self.option_items, self.option_lines, strict=True
            )
        ]
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

    #: What the directive's argument is, when it must have one
    #: (``"remissinstansen"``). docutils would drop a directive without its
    #: required argument, content and all, so such a directive takes it as
    #: optional and its ``run`` returns :meth:`without_argument` when it
    #: is missing.
    argument_help: ClassVar[str] = ""

    def without_argument(self) -> list[nodes.Node]:
        """A directive without its required argument: a warning, and the
        content kept as text."""
        self.warn(
            _("'.. %(name)s::' saknar %(what)s; texten visas men blir inget objekt"),
            "missing",
            {"name": self.name, "what": _(self.argument_help or N_("sitt argument"))},
        )
        return self.parse_content_to_nodes(allow_section_headings=True)

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

    def option_line(self, name: str) -> int | None:
        """The line where option ``name`` (any spelling) is first written."""
        return self.first_option_lines.get(fold(name))

    def _take_options(self) -> list[tuple[str, str]]:
        arguments = self.arguments
        if arguments:
            lines = arguments[-1].splitlines()
            start = next(
                (n for n, line in enumerate(lines) if _FIELD.match(line)), None
            )
            if start is None:
                return []
            head = "\n".join(lines[:start]).strip()
            self.arguments = [*arguments[:-1], *([head] if head else [])]
            first = self._block_line(lines[start])
            options, taken = self._read_options(lines[start:], first)
            if start + taken < len(lines):
                self._prepend_content(lines[start + taken :], first + taken)
            return options
        content = self.content
        if not content or not _FIELD.match(content[0]):
            return []
        # no arguments: docutils left the option lines at the start of the content
        end = next(
            (n for n, line in enumerate(content) if not line.strip()), len(content)
        )
        first = self.content_offset + 1
        options, taken = self._read_options(list(content[:end]), first)
        if taken < end:
            end = taken
        else:
            while end < len(content) and not content[end].strip():
                end += 1
        self.content = content[end:]
        self.content_offset += end
        return options

    def _prepend_content(self, lines: list[str], first: int) -> None:
        """Make ``lines``, written from line ``first`` on right after the
        options, the start of the content (which follows a blank line)."""
        machine = self.state_machine
        following = self.content_offset + 1 if self.content else first + len(lines)
        text = lines + [""] * (following - first - len(lines))
        items = [
            machine.input_lines.info(first + n - 1 - machine.input_offset)
            for n in range(len(text))
        ]
        self.content = StringList(text, items=items) + self.content
        self.content_offset = first - 1

    def _block_line(self, text: str) -> int:
        """The source line of ``text``, a line of the directive's block."""
        for number, line in enumerate(self.block_text.splitlines()):
            if line.strip() == text.strip():
                return self.lineno + number
        return self.lineno

    def _read_options(
        self, lines: list[str], first: int
    ) -> tuple[list[tuple[str, str]], int]:
        """``:name: value`` lines, values continued on indented lines;
        ``first`` is the source line of the first.

        Returns the options and how many of ``lines`` they take: what
        follows the last option unindented (a heading or a paragraph written
        without a blank line after the options) is the start of the content.
        """

        def option(line: str) -> re.Match[str] | None:
            # an option indented more than the others (a tab among spaces)
            # is an option all the same, not a continuation of the one before
            return _FIELD.match(line.lstrip())

        last = max(n for n, line in enumerate(lines) if option(line))
        taken = next(
            (n for n in range(last + 1, len(lines)) if not lines[n][:1].isspace()),
            len(lines),
        )
        if taken < len(lines):
            self.warn(
                _(
                    "raden '%(line)s' efter alternativen saknar en tom rad före "
                    "sig; den läses som början på texten"
                ),
                "option",
                {"line": lines[taken].strip()},
                line=first + taken,
            )
        items: list[tuple[str, list[str]]] = []
        for number, line in enumerate(lines[:taken], start=first):
            match = option(line)
            if match and line[:1].isspace() and items:
                self.warn(
                    _(
                        "raden '%(line)s' är mer indragen än alternativen före "
                        "den (ett tabbtecken?) men läses som ett eget alternativ, "
                        "inte som en fortsättning på '%(option)s'"
                    ),
                    "option",
                    {"line": line.strip(), "option": items[-1][0]},
                    line=number,
                )
            if match:
                line = line.lstrip()
                name = match.group(0).strip()[1:-1].replace("\\", "").lower()
                items.append((name, [line[match.end() :].strip()]))
                self.option_lines.append(number)
            elif line[:1].isspace() and items:
                items[-1][1].append(line)
            else:
                self.warn(
                    _(
                        "raden '%(line)s' bland alternativen går inte att läsa "
                        "(skriv :namn: värde); den hoppas över"
                    ),
                    "option",
                    {"line": line.strip()},
                    line=number,
                )
        result = []
        for name, (head, *rest) in items:
            more = textwrap.dedent("\n".join(rest)).strip()
            result.append((name, "\n".join(part for part in (head, more) if part)))
        return result, taken


class KommunDirective(WarningDirective):
    """Base of the object directives.

    Subclasses set ``kind`` and ``options`` (canonical option name → help
    text) and implement :meth:`run_object`.
    """

    kind: ClassVar[str] = ""
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    #: canonical option names (ASCII, as written in the docs) and their help
    options_help: ClassVar[dict[str, str]] = {}

    # -- environment --------------------------------------------------------

    @property
    def domain(self) -> KommunDomain:
        return get_domain(self.env)

    @property
    def kommun_config(self) -> KommunConfig:
        return KommunConfig.from_config(self.config)

    def in_sentence(self, name: str) -> str:
        """``name`` inside a Swedish sentence (common nouns in lower case)."""
        if output_locale(self.config.language) != "sv":
            return name
        return in_sentence(name, self.kommun_config.common_noun_endings)

    def where(self) -> dict[str, Any]:
        """Where the object is written, for its model: file, line, and the
        line of each option, for warnings found later."""
        return {
            "docname": self.env.docname,
            "lineno": self.lineno,
            "option_lines": tuple(self.first_option_lines.items()),
        }

    # -- options -------------------------------------------------------------

    def _folded_options(self) -> dict[str, tuple[str, str]]:
        if not hasattr(self, "_folded"):
            folded: dict[str, tuple[str, str]] = {}
            for (written, value), line in zip(
                self.option_items, self.option_lines, strict=True
            ):
                key = fold(written)
                if key in folded:
                    self.warn(
                        _("alternativet '%(option)s' är angivet två gånger"),
                        "option",
                        {"option": written},
                        line=line,
                    )
                    continue
                folded[key] = (written, "" if value is None else str(value))
            self._folded = folded
            known = {"id", "dnr", *self.options_help}
            for key, (written, _value) in folded.items():
                if key not in known and not self.is_extra_option(key):
                    self.warn(
                        _(
                            "okänt alternativ '%(option)s' för %(kind)s; "
                            "kända alternativ är %(known)s"
                        ),
                        "option",
                        {
                            "option": written,
                            "kind": self.name,
                            "known": ", ".join(sorted(known)),
                        },
                    )
        return self._folded

    def is_extra_option(self, key: str) -> bool:
        """Whether a plugin has added this option to the kind."""
        return any(fold(spec["name"]) == key for spec in self.plugin_fields)

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
            if not self.has_opt(spec["name"]):
                continue
            try:
                value = run_validator(
                    spec.get("validate"), self.opt(spec["name"]), text_only=True
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

    def header(
        self,
        obj: KommunObject,
        fields: list[tuple[str, render.Part]],
        classes: Iterable[str] = (),
    ) -> nodes.Element:
        """The header block: the directive's fields, then what plugins add."""
        labels = {spec["name"]: spec["label"] for spec in self.plugin_fields}
        rows = list(fields)
        rows.extend(
            (labels[name], value) for name, value in obj.extra if labels.get(name)
        )
        language = output_locale(self.config.language)
        rows.extend(self.plugins.header_fields(obj, language))
        return render.header(rows, classes=classes)

    def excerpt_titles(self, excerpt: str) -> list[str]:
        """Headings of the section kinds whose ``excerpt`` is ``excerpt``."""
        return self.plugins.excerpt_titles(excerpt)

    def footer(self, obj: KommunObject) -> list[nodes.Node]:
        """Blocks plugins add at the end of the document (attestation …)."""
        return self.plugins.footer(obj, output_locale(self.config.language))

    def opt(self, name: str, default: str = "") -> str:
        """The value of an option, stripped, or ``default``."""
        found = self._folded_options().get(fold(name))
        return found[1].strip() if found else default

    def has_opt(self, name: str) -> bool:
        return fold(name) in self._folded_options()

    def flag(self, name: str) -> bool:
        if not self.has_opt(name):
            return False
        value = self.opt(name).casefold()
        if value in ("", "ja", "yes", "true", "1"):
            return True
        if value not in ("nej", "no", "false", "0"):
            self.warn(
                _("alternativet '%(option)s' ska vara tomt, 'ja' eller 'nej'"),
                "option",
                {"option": name},
            )
        return False

    def date_opt(self, name: str) -> dt.date | None:
        value = self.opt(name)
        if not value:
            return None
        try:
            return parse_date(value)
        except ValueError as err:
            self.warn(
                _("fel datum i '%(option)s': %(error)s"),
                "date",
                {"option": name, "error": err},
            )
            return None

    def list_opt(self, name: str) -> list[str]:
        return split_entries(self.opt(name))

    def numbered_opt(self, name: str) -> list[tuple[int | None, str]]:
        """Entries ``word`` (for every att-sats) or ``N: word`` (for att-sats N).

        An att-sats given twice, or two words for all of them, is warned
        about: the first is used.
        """
        result: list[tuple[int | None, str]] = []
        seen: set[int | None] = set()
        for entry in self.list_opt(name):
            number: int | None = None
            word = entry
            head, sep, tail = entry.partition(":")
            if sep and head.strip().isdigit():
                number, word = int(head.strip()), tail.strip()
            if number in seen:
                self.warn(
                    _(
                        "'%(entry)s' i '%(option)s' upprepar %(what)s; den "
                        "första uppgiften gäller"
                    ),
                    "option",
                    {
                        "entry": entry,
                        "option": name,
                        "what": _("att-sats %(number)s") % {"number": number}
                        if number is not None
                        else _("uppgiften för alla att-satser"),
                    },
                )
                continue
            seen.add(number)
            result.append((number, word))
        return result

    def vocabulary_opt(
        self, name: str, vocabulary: Iterable[str], unknown: str
    ) -> list[tuple[int | None, str]]:
        """:meth:`numbered_opt` with each word matched to ``vocabulary``.

        An unknown word is warned about (``unknown``, a message with
        ``%(word)s`` and ``%(known)s``, subtype ``name``) and kept as written.
        """
        known_words = list(vocabulary)
        result: list[tuple[int | None, str]] = []
        for number, word in self.numbered_opt(name):
            known = closest(word, known_words)
            if known is None:
                self.warn(
                    unknown,
                    name,
                    {"word": word, "known": ", ".join(known_words)},
                    line=self.option_line(name),
                )
                known = " ".join(word.split())
            result.append((number, known))
        return result

    def persons_opt(self, name: str, *, with_dates: bool = False) -> tuple[Person, ...]:
        """The people of a list option (see :func:`parse_person`).

        An entry that cannot be read is warned about and kept as written.
        """
        people = []
        for entry in self.list_opt(name):
            try:
                people.append(parse_person(entry, with_dates=with_dates))
            except PersonError as err:
                if err.kind == "date":
                    self.warn(
                        _("fel datum för %(person)s i '%(option)s': %(value)s"),
                        "date",
                        {"person": err.person.name, "option": name, "value": err.value},
                    )
                elif err.kind == "place":
                    self.warn(
                        _(
                            "datumet %(value)s för %(person)s i '%(option)s' ska "
                            "stå sist: Namn, roll, ÅÅÅÅ-MM-DD"
                        ),
                        "date",
                        {"person": err.person.name, "option": name, "value": err.value},
                    )
                else:
                    self.warn(
                        _("kan inte läsa personen '%(entry)s' i '%(option)s'"),
                        "person",
                        {"entry": entry, "option": name},
                    )
                people.append(err.person)
        return tuple(people)

    # -- the ärende ------------------------------------------------------------

    def resolve_dnr(self, explicit: str = "") -> str:
        """The dnr of the object: its option, else the document's ärende.

        An explicit dnr becomes the document's ärende for what follows; it is
        checked where it is written.
        """
        dnr = " ".join((explicit or self.opt("dnr")).split())
        if not dnr:
            return self.inherited_dnr()
        self.env.current_document[CURRENT_DNR] = dnr
        if not self.kommun_config.dnr_regex.fullmatch(dnr):
            self.warn(
                _("diarienumret '%(dnr)s' har inte formen %(pattern)s"),
                "dnr",
                {"dnr": dnr, "pattern": self.kommun_config.dnr_pattern},
                line=None if explicit else self.option_line("dnr"),
            )
        return dnr

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

    # -- content ---------------------------------------------------------------

    @contextmanager
    def object_context(self, obj_id: str, dnr: str) -> Iterator[None]:
        """While the content is read, roles know their object and ärende."""
        doc = self.env.current_document
        keys = (CURRENT_OBJECT, CURRENT_DNR, CURRENT_KIND)
        previous = tuple(doc.get(key, "") for key in keys)
        doc[CURRENT_OBJECT] = obj_id
        doc[CURRENT_KIND] = self.kind
        if dnr:
            doc[CURRENT_DNR] = dnr
        try:
            yield
        finally:
            for key, value in zip(keys, previous, strict=True):
                doc[key] = value

    def parse_body(self, obj_id: str, dnr: str) -> list[nodes.Node]:
        """Parse the directive content (section titles allowed)."""
        with self.object_context(obj_id, dnr):
            return lift_sections(
                self.parse_content_to_nodes(allow_section_headings=True)
            )

    def parse_inline_option(self, text: str, option: str) -> list[nodes.Node]:
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

    # -- registration -------------------------------------------------------------

    def object_id(self, default: str) -> str:
        explicit = self.opt("id")
        if explicit:
            cleaned = explicit.strip()
            if not re.match(r"^[\wåäöÅÄÖ][\wåäöÅÄÖ-]*$", cleaned):
                self.warn(
                    _(
                        "id '%(id)s' får bara innehålla bokstäver, siffror, "
                        "bindestreck och understreck"
                    ),
                    "id",
                    {"id": cleaned},
                    line=self.option_line("id"),
                )
                return default
            return cleaned
        return default

    def container(self, obj: KommunObject) -> kommun_object:
        node = kommun_object(ids=[obj.id], kind=obj.kind, dnr=obj.dnr)
        node["classes"].append(f"kommun-{obj.kind}")
        self.set_source_info(node)
        return node

    def register(self, obj: KommunObject) -> None:
        self.domain.add_object(obj)
        # the page's sidebar lists its ärende's documents (and a meeting's agenda)
        meeting = obj.id if obj.kind == "sammantrade" else ""
        self.domain.add_dependency(self.env.docname, ("navigation", meeting, obj.dnr))

    def pending(self, generate: str, **attrs: Any) -> kommun_pending:
        """A placeholder filled after reading; it depends on ``(generate, key)``."""
        node = kommun_pending(generate=generate, refdoc=self.env.docname, **attrs)
        self.set_source_info(node)
        self.domain.add_dependency(self.env.docname, dependency_key(node))
        return node

    def backlinks(self, obj: KommunObject) -> kommun_pending:
        return self.pending("backlinks", target=obj.id)

    def xref(
        self, kind: str, target: str, text: str, refdnr: str = ""
    ) -> nodes.Element:
        """A reference written by the directive; the page depends on its target."""
        self.domain.add_dependency(self.env.docname, ("ref", kind, target, refdnr))
        return render.xref(kind, target, text, self.env.docname, refdnr=refdnr)


def lift_sections(body: list[nodes.Node]) -> list[nodes.Node]:
    """Make a plugin's titled section that ends another section its sibling.

    A section directive written after "Synpunkter och förslag" is parsed as
    part of it; in the document it is the next heading at the same level
    (as Skärholmen's Jämställdhetsanalys is), and it is not quoted with the
    section before it.
    """
    result: list[nodes.Node] = []
    for node in body:
        result.append(node)
        if not isinstance(node, nodes.section):
            continue
        node.children[:] = lift_sections(list(node.children))
        lifted: list[nodes.Node] = []
        while (
            len(node.children) > 1
            and isinstance(node[-1], nodes.section)
            and "kommun-avsnitt" in node[-1]["classes"]
        ):
            lifted.insert(0, node.pop())
        for child in lifted:
            child.parent = None
        result.extend(lifted)
    return result


def dependency_key(node: kommun_pending) -> tuple[str, ...]:
    return (node["generate"], node.get("target", ""), node.get("dnr", ""))


def mark_excerpts(
    body: Iterable[nodes.Node],
    obj_id: str,
    wanted: dict[str, str],
) -> tuple[Excerpt, ...]:
    """Mark the sections of ``body`` whose titles are in ``wanted``.

    ``wanted`` maps a section title (case-insensitive) to an excerpt name.
    The section gets the attribute ``kommun-excerpt`` = ``obj_id#name``, so
    generated text can later find and quote it. Returns the excerpts; their
    digests are taken once the document is read
    (:func:`~sphinx_kommun.generate.keep_excerpts`).
    """
    folded = {title.casefold(): name for title, name in wanted.items()}
    names: dict[str, None] = {}
    for node in body:
        if not isinstance(node, nodes.section) or not node.children:
            continue
        name = folded.get(node[0].astext().strip().casefold())
        if name is not None:
            mark_excerpt(node, obj_id, name)
            names[name] = None
    return tuple(Excerpt(name) for name in names)


def mark_excerpt(node: nodes.Element, obj_id: str, name: str) -> Excerpt:
    node["kommun-excerpt"] = f"{obj_id}#{name}"
    return Excerpt(name)
