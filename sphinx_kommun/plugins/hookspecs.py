"""Hook specifications: what a plugin can add to sphinx-kommun.

A plugin is a module (or any object) with functions named like the hooks
below, marked with ``@hookimpl``::

    from sphinx_kommun import hookimpl

    @hookimpl
    def kommun_positions():
        return {"tillstyrker med tillägg": "stöder förslaget med ett tillägg"}

Plugins return plain values (dicts, lists, strings, docutils nodes), so
``hookimpl`` is all a plugin needs from sphinx-kommun; the helpers of
:mod:`sphinx_kommun.api` (dates, lists of entries, people, Swedish lists,
tables) read and write values as sphinx-kommun does. Every hook is called
for every plugin; a plugin may accept only some of a hook's arguments.

Hooks are called through pluggy, by its rules. The plugin registered last
is called first: the built-in plugin is registered first, then the
installed ones (entry points), then those of ``kommun_plugins`` in order, so
the last of ``kommun_plugins`` is called first and the built-in plugin
last. ``@hookimpl(tryfirst=True)`` and ``@hookimpl(trylast=True)`` move an
implementation to the front or the end. ``@hookimpl(wrapper=True)`` wraps
the call: the generator gets the list of results of the others
(``results = yield``) and returns it, changed or not; old-style
``hookwrapper=True`` wrappers work too.

Where results compete, the implementation called first wins: section kinds
by name, ställning words, footer parts by key. So a plugin replaces the
built-in plugin's, unless it is marked ``trylast``. Lists (columns, fields,
header rows, footer parts, preambles, static files, findings) come in call
order.

A plugin that raises, or returns something of the wrong shape, gets a
``kommun.plugin`` warning naming it and is left out of that call; the build
goes on. The warning is at the document when the hook is about one, else at
the file and line of the plugin's hook implementation.

Hooks are grouped by when they are called: once when the project's
configuration is read (setup), while a document is read, and after all
documents are read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

import pluggy
from docutils import nodes

from ..domain.model import KommunObject

if TYPE_CHECKING:  # for the annotations only: the kinds read plugins' fields
    from ..domain.project import Project
    from ..kinds.yttrande import Yttrande

hookspec = pluggy.HookspecMarker("sphinx_kommun")
#: Marker for plugin hook implementations: ``from sphinx_kommun import hookimpl``.
hookimpl = pluggy.HookimplMarker("sphinx_kommun")


# -- what hooks return -----------------------------------------------------------


class OptionSpec(TypedDict):
    """An option of a section kind."""

    #: What the option means (shown in warnings and docs).
    help: str
    #: Parses the written value; raises ``ValueError`` with a message for a
    #: clerk when it is wrong. Default: the text as written.
    validate: NotRequired[Callable[[str], Any]]


class SectionKind(TypedDict):
    """A kind of section of a document (see :func:`kommun_section_kinds`)."""

    #: Directive name: ``.. <name>::`` and ``.. avsnitt:: <name>``.
    name: str
    #: Heading of the section; ``None`` for a passage without heading.
    title: str | None
    #: More directive names, e.g. with å, ä and ö (``jämställdhetsanalys``).
    aliases: NotRequired[Sequence[str]]
    #: Object kinds whose content may hold it (default: all).
    kinds: NotRequired[Sequence[str]]
    #: Options, by name.
    options: NotRequired[Mapping[str, OptionSpec]]
    #: ``"beslut"``, ``"lydelse"`` or ``"arendet"``: generated text quotes a
    #: section with this title as the nämnd's decision, the answer's text or
    #: the utlåtande's Ärendet.
    excerpt: NotRequired[str]
    #: Builds the section body from the validated options, the parsed
    #: content and the output language ("sv", "en"); default: the content.
    build: NotRequired[
        Callable[[Mapping[str, Any], list[nodes.Node], str], list[nodes.Node]]
    ]
    #: CSS class on the section in HTML (style it with kommun_static_files).
    html_class: NotRequired[str]
    #: LaTeX environment around the section body (define it with
    #: kommun_latex_preamble).
    latex_environment: NotRequired[str]


class FieldSpec(TypedDict):
    """An option added to an object kind (see :func:`kommun_object_fields`)."""

    #: Option name (ASCII; å/ä/ö spellings are accepted too).
    name: str
    #: Label in the document header; empty to leave it out of the header.
    label: str
    #: What the field means.
    help: str
    #: Parses the written value and returns the text to show; raises
    #: ``ValueError`` with a message for a clerk when it is wrong.
    validate: NotRequired[Callable[[str], str]]


class Column(TypedDict):
    """A column of the remissammanställning's table."""

    #: Column heading.
    title: str
    #: The cell for one yttrande (a :class:`~sphinx_kommun.api.Yttrande`),
    #: as text or docutils nodes.
    value: Callable[[Yttrande], str | Sequence[nodes.Node]]
    #: Relative width (default 2).
    width: NotRequired[int]


class FooterPart(TypedDict):
    """A block at the end of a document (see :func:`kommun_footer`)."""

    #: Of parts with the same key the first called plugin's is kept, where it
    #: is: a plugin replaces a built-in part (the built-in attestation is
    #: ``attestering``).
    key: str
    #: The nodes of the part.
    nodes: Sequence[nodes.Node]


class Finding(TypedDict):
    """A problem a check found (see :func:`kommun_checks`)."""

    #: The object it is about (its file and line are reported).
    object: KommunObject
    #: Warning subtype, reported as ``kommun.<subtype>``.
    subtype: str
    #: The message, for a clerk.
    message: str
    #: The line, when the finding is about one option rather than the whole
    #: object: ``obj.line_of("stallning")`` (the object's line if not written).
    line: NotRequired[int]


# -- setup: called once, when the configuration is read -------------------------


@hookspec
def kommun_section_kinds() -> list[SectionKind]:
    """Section kinds this plugin adds: each becomes a directive.

    Returns a list of :class:`SectionKind` dicts. A section kind is written
    ``.. <name>::`` or ``.. avsnitt:: <name>`` inside an object's content;
    its options are validated, its body built by ``build``, and it renders
    as a section with its title, in HTML with ``html_class`` and in LaTeX in
    ``latex_environment``. A heading in a document with the same title as a
    kind is that kind too (so ``excerpt`` applies to it). sphinx-kommun's own
    sections (Förslag till beslut, Synpunkter och förslag …) are declared
    through this hook by its built-in plugin; a plugin's kind with the same
    name replaces one of a plugin called after it (the built-in one's).
    """


@hookspec
def kommun_object_fields(kind: str) -> list[FieldSpec]:
    """Options this plugin adds to the object kind ``kind``.

    ``kind`` is one of arende, motion, yrkande, remiss, yttrande, reservation,
    utlatande, beslut, sammantrade. Returns a list of :class:`FieldSpec`
    dicts. Values are validated when the document is read (a ``ValueError``
    becomes a ``kommun.field`` warning), shown in the document header under
    ``label`` and stored as a sphinx-needs field of the same name.
    """


@hookspec
def kommun_positions() -> dict[str, str]:
    """Ställning words a yttrande may use, mapped to what they mean.

    All plugins' words together make the vocabulary ``:stallning:`` is
    checked against (``kommun_extra_positions`` in conf.py adds more); a word
    two plugins give means what the one called first says.
    """


@hookspec
def kommun_profiles() -> dict[str, dict[str, Any]]:
    """Kommun profiles, by the name ``kommun_profile`` chooses them with.

    Each profile is a dict of entries (the fields of
    :class:`sphinx_kommun.profiles.Profile`, listed in the README's profile
    table); an entry ``"base"`` names the profile whose entries the others
    override (default ``"kommun"``). A built-in name cannot be replaced; a
    name two plugins give means what the one called first says.
    """


@hookspec
def kommun_compilation_columns() -> list[Column]:
    """Columns of the remissammanställning's table, in order.

    Returns :class:`Column` dicts; the columns of all plugins follow the
    built-in ones, plugin after plugin in call order (the plugin registered
    last first).
    """


@hookspec
def kommun_latex_preamble() -> str:
    """LaTeX for the preamble of every PDF (packages, environments, macros)."""


@hookspec
def kommun_static_files() -> list[str]:
    """Paths of CSS (``.css``) and JavaScript (``.js``) files for HTML pages."""


# -- reading: called for each object of a document -------------------------------


@hookspec
def kommun_header_fields(obj: KommunObject, language: str) -> list[tuple[str, str]]:
    """More (label, value) rows for the header block of ``obj``'s document.

    ``obj`` is the object (a :mod:`sphinx_kommun.model` dataclass) and
    ``language`` the output language ("sv" or "en").
    """


@hookspec
def kommun_footer(obj: KommunObject, language: str) -> list[FooterPart]:
    """Blocks at the end of ``obj``'s document, after signatures and bilagor.

    Returns :class:`FooterPart` dicts, shown in call order; a part replaces
    the part with the same ``key`` of a plugin called after it (the built-in
    one's).
    """


# -- after reading: called once, with every object known --------------------------


@hookspec
def kommun_checks(index: Project) -> list[Finding]:
    """Problems across documents, reported as warnings.

    ``index`` is the whole project, read-only (a
    :class:`~sphinx_kommun.api.Project`: ``index.by_id``,
    ``index.yttranden(dnr)``, ``index.concerns(r)`` …). Returns :class:`Finding` dicts; each becomes a warning of type
    ``kommun`` and the finding's subtype, at the object's file and line.
    """


#: Every hook, in the order above (the hook reference follows it): the
#: functions of this module that ``@hookspec`` marked (pluggy sets the
#: attribute ``<project>_spec`` on them).
HOOKS = tuple(
    value
    for value in list(globals().values())
    if callable(value) and hasattr(value, f"{hookspec.project_name}_spec")
)
