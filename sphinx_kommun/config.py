"""The one configuration object of sphinx-kommun.

Every setting is a field of :class:`KommunConfig`, registered as the Sphinx
config value ``kommun_<field>`` and validated at ``config-inited``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .profiles import PROFILES, Profile, problems

logger = logging.getLogger(__name__)

#: Settings by config object; weak, so each Sphinx app's config has its own.
_CACHE: weakref.WeakKeyDictionary[Config, KommunConfig] = weakref.WeakKeyDictionary()

PREFIX = "kommun_"


def _is_regex(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return "must be a string"
    try:
        re.compile(value)
    except re.error as err:
        return f"is not a valid regular expression ({err})"
    return None


def _is_str_list(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, str) for item in value
    ):
        return "must be a list of strings"
    return None


#: Values that cannot be a plugin in ``kommun_plugins``.
NOT_A_PLUGIN = (bool, int, float, complex, bytes, list, tuple, dict, set)


def _is_plugin_list(value: Any) -> str | None:
    if not isinstance(value, list | tuple):
        return "must be a list of module names or modules"
    for item in value:
        # a module name, or a module, class or object with hookimpls
        if item is None or isinstance(item, NOT_A_PLUGIN):
            return f"must be a list of module names or modules, not {item!r}"
    return None


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be True or False"


def _is_count(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "must be a whole number, 0 or more"
    return None


def _is_str(value: Any) -> str | None:
    return None if isinstance(value, str) else "must be a string"


#: The entries of ``kommun_accessibility`` and what each holds.
ACCESSIBILITY_ENTRIES = {
    "webbplats": "the site's name (default: html_title or project)",
    "organisation": "who stands behind it (default: kommun_municipality)",
    "epost": "where readers report problems and ask for content (required)",
    "telefon": "a phone number for the same",
    "status": "'helt', 'delvis' or 'inte': how far the site complies",
    "brister": "the known problems, a list of sentences",
    "bedomd": "the date of the latest assessment, YYYY-MM-DD (required)",
    "publicerad": "the date the site was published, YYYY-MM-DD",
    "metod": "how the site was assessed, a sentence (default: a self-assessment)",
}


def _is_accessibility(value: Any) -> str | None:
    """What is wrong with a ``kommun_accessibility`` value (None: nothing)."""
    if not isinstance(value, dict):
        return "must be a dict"
    unknown = sorted(set(value) - set(ACCESSIBILITY_ENTRIES))
    if unknown:
        return (
            f"has unknown entries {unknown} (known: {', '.join(ACCESSIBILITY_ENTRIES)})"
        )
    if value.get("status", "delvis") not in ("helt", "delvis", "inte"):
        return "entry 'status' must be 'helt', 'delvis' or 'inte'"
    if not isinstance(value.get("brister", []), list):
        return "entry 'brister' must be a list of sentences"
    for key in ("bedomd", "publicerad"):
        if key in value:
            try:
                dt.date.fromisoformat(str(value[key]))
            except ValueError:
                return f"entry '{key}' must be a date YYYY-MM-DD"
    return None


def _is_publication(value: Any) -> str | None:
    return None if value in ("public", "internal") else "must be 'public' or 'internal'"


#: What ``kommun_pdf_standard`` accepts: the PDF/A levels LaTeX's PDF
#: management writes without tagging, or off.
PDF_STANDARDS = ("A-1b", "A-2b", "A-2u", "A-3b", "A-3u", "off")


def _is_pdf_standard(value: Any) -> str | None:
    return (
        None
        if value in PDF_STANDARDS
        else "must be one of " + ", ".join(f"'{s}'" for s in PDF_STANDARDS)
    )


def _is_str_or_str_list(value: Any) -> str | None:
    if isinstance(value, str):
        return None
    return "must be a path or a list of paths" if _is_str_list(value) else None


def _is_str_or_none(value: Any) -> str | None:
    return None if value is None else _is_str(value)


def _is_profile_entries(value: Any) -> str | None:
    found = problems(value)
    return "; ".join(found) if found else None


def _is_str_dict(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return "must be a dict from string to string"
    return None


def _setting(
    default: Any,
    help: str,
    validator: Callable[[Any], str | None],
    rebuild: Literal["env", "html", ""] = "env",
    types: tuple[type, ...] = (),
) -> Any:
    factory = (lambda: list(default)) if isinstance(default, list | tuple) else None
    meta = {"help": help, "validator": validator, "rebuild": rebuild, "types": types}
    if isinstance(default, dict):
        return field(default_factory=lambda: dict(default), metadata=meta)
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class KommunConfig:
    """All settings, read from ``conf.py`` as ``kommun_<name>``."""

    profile: str = _setting(
        "kommun",
        "The kommun profile: its words, phrases and dnr form ('kommun', "
        "'stockholm', 'region', or one a plugin adds).",
        _is_str,
    )
    publication: str = _setting(
        "public",
        "'public' (what the kommun publishes: personal data masked, secret "
        "passages and unpublished documents left out) or 'internal' (everything, "
        "marked); -t internt makes a build internal.",
        _is_publication,
    )
    accessibility: dict[str, Any] = _setting(
        {},
        "The tillgänglighetsredogörelse's entries (webbplats, organisation, "
        "epost, telefon, status, brister, bedomd, publicerad; see the README).",
        _is_accessibility,
    )
    vocabulary: dict[str, Any] = _setting(
        {},
        "Entries of the profile to override, by name (see the README's profile table).",
        _is_profile_entries,
    )
    municipality: str | None = _setting(
        None,
        "The municipality's name, printed in headers (default: the profile's).",
        _is_str_or_none,
    )
    logo: str = _setting(
        "",
        "The municipality's logo in the HTML pages' banner, beside its name: "
        "a path relative to conf.py's folder (copied to _static) or an address.",
        _is_str,
        "html",
    )
    dnr_pattern: str | None = _setting(
        None,
        "Regular expression a diarienummer must match (default: the profile's).",
        _is_regex,
    )
    ledamoter: list[str] | str = _setting(
        [],
        "The register of the bodies' ledamöter and ersättare: a TOML or CSV "
        "file relative to conf.py's directory, or a list of them.",
        _is_str_or_str_list,
        types=(str, list, tuple),
    )
    pdf_url: str = _setting(
        "",
        "Where the PDFs are published: a folder relative to the HTML root "
        "('pdf/') or an address; an ärende's and a meeting's page then link "
        "their PDF.",
        _is_str,
    )
    oparl_url: str = _setting(
        "",
        "The address the OParl export (sphinx-build -b oparl) is published "
        "at; every object's id is below it (default: html_baseurl + 'oparl/').",
        _is_str,
        "",
    )
    feeds: bool = _setting(
        True,
        "Write the feeds in the HTML build: iCalendar files of the meetings "
        "(all, and one per body) and an Atom feed of the ärenden and meetings "
        "(feeds/), linked from every page.",
        _is_bool,
        "html",
    )
    needs: bool = _setting(
        True,
        "Register every object as a sphinx-needs need (needtable, needflow, "
        "needs.json).",
        _is_bool,
    )
    quoted_sections: list[str] | None = _setting(
        None,
        "Titles of the yttrande sections quoted in the remissammanställning "
        "(when a yttrande does not name its own with :citera:; default: the "
        "profile's).",
        _is_str_list,
    )
    common_noun_endings: list[str] | None = _setting(
        None,
        "Endings of one-word body names written in lower case inside a "
        "sentence (socialnämnden, stadsledningskontoret; default: the "
        "profile's).",
        _is_str_list,
    )
    extra_positions: dict[str, str] = _setting(
        {},
        "Extra ställning words for yttranden, mapped to a description.",
        _is_str_dict,
    )
    pdf_documents: str = _setting(
        "all",
        "Which PDFs latex_documents gets: 'all' (every ärende and sammanträde), "
        "'arenden', 'sammantraden', a comma-separated list of dnr or ids, or "
        "'off' to keep the project's own latex_documents.",
        _is_str,
        "",
    )
    pdf_standard: str = _setting(
        "A-2b",
        "The PDF/A level of the PDFs for the archive ('A-2b'; 'A-1b', 'A-2u', "
        "'A-3b', 'A-3u'), or 'off' for plain PDFs.",
        _is_pdf_standard,
        "",
    )
    forsta_paragraf: int = _setting(
        1,
        "The number of the first § of a body's protokoll each year; the "
        "numbers continue over the year (a protokoll's :forsta-paragraf: "
        "starts anew).",
        _is_count,
    )
    check_personnummer: bool = _setting(
        True,
        "Warn about personnummer in documents that are to be published "
        "(a document opts out with :publiceras: nej).",
        _is_bool,
    )
    plugins: list[Any] = _setting(
        [],
        "Project-local plugins: module names (or modules) with @hookimpl functions.",
        _is_plugin_list,
        "",
    )
    disabled_plugins: list[str] = _setting(
        [],
        "Names of plugins not to load (as 'python -m sphinx_kommun plugins' "
        "lists them).",
        _is_str_list,
        "",
    )
    object_css: bool = _setting(
        True, "Add sphinx-kommun's stylesheet to HTML output.", _is_bool, "html"
    )
    write_gc_threshold: int = _setting(
        10_000,
        "Size of Python's youngest garbage-collector generation while pages "
        "are written (see sphinx_kommun.collector); 0 leaves the collector "
        "as it is.",
        _is_count,
        "",
    )
    allow_raw: bool = _setting(
        False,
        "Let raw HTML and LaTeX (the raw directive and roles derived from "
        "raw) through to the output; by default it is printed as text.",
        _is_bool,
    )
    allow_outside_files: bool = _setting(
        False,
        "Let include, literalinclude, csv-table, raw, :download:, image and "
        "figure use files outside the source directory (and csv-table and raw "
        "a :url:); by default they are left out.",
        _is_bool,
    )
    url_schemes: list[str] = _setting(
        ["http", "https", "mailto", "tel", "ftp"],
        "The schemes a link's address may have (relative addresses are always "
        "links); a link with any other (javascript:, data:, file: ...) is "
        "printed as its text.",
        _is_str_list,
    )

    @classmethod
    def from_config(cls, config: Config) -> KommunConfig:
        """The settings of a Sphinx config (read once per config object)."""
        cached = _CACHE.get(config)
        if cached is None:
            cached = cls(
                **{
                    f.name: getattr(config, PREFIX + f.name)
                    for f in dataclasses.fields(cls)
                }
            )
            _CACHE[config] = cached
        return cached

    @functools.cached_property
    def words(self) -> Profile:
        """The profile, with the entries ``kommun_vocabulary`` and the
        settings of the same name (municipality …) override."""
        base = PROFILES.get(self.profile, PROFILES["kommun"])
        own = {
            name: getattr(self, name)
            for name in OWN_ENTRIES
            if getattr(self, name) is not None
        }
        return base.replace({**self.vocabulary, **own})

    @property
    def dnr_regex(self) -> re.Pattern[str]:
        return re.compile(self.words.dnr_pattern)


#: Profile entries that are settings of their own too.
OWN_ENTRIES = ("municipality", "dnr_pattern", "quoted_sections", "common_noun_endings")


def register(app: Sphinx) -> None:
    """Register each field as ``kommun_<field>``."""
    defaults = KommunConfig()
    for f in dataclasses.fields(KommunConfig):
        app.add_config_value(
            PREFIX + f.name,
            getattr(defaults, f.name),
            f.metadata["rebuild"],
            f.metadata["types"],
            description=f.metadata["help"],
        )
    app.connect("config-inited", validate, priority=0)


def forget(config: Config) -> None:
    """Read the settings anew (after a ``config-inited`` handler set one)."""
    _CACHE.pop(config, None)


def validate(app: Sphinx, config: Config) -> None:
    """Check every setting; a bad one warns and falls back to its default."""
    forget(config)
    defaults = KommunConfig()
    for f in dataclasses.fields(KommunConfig):
        name = PREFIX + f.name
        problem = f.metadata["validator"](getattr(config, name))
        if problem:
            logger.warning(
                "%s %s; using the default %r",
                name,
                problem,
                getattr(defaults, f.name),
                type="kommun",
                subtype="config",
                location=conf_location(app, name),
            )
            config[name] = getattr(defaults, f.name)


def conf_location(app: Sphinx, name: str) -> str | None:
    """Where conf.py sets ``name`` (``path:line``), for a warning about it."""
    if not app.confdir:
        return None
    path = Path(app.confdir) / "conf.py"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    setting = re.compile(rf"\s*{re.escape(name)}\s*(:[^=]*)?[+]?=")
    for number, line in enumerate(lines, start=1):
        if setting.match(line):
            return f"{path}:{number}"
    # set otherwise (sphinx-build -D): a bare path would be read as a docname
    return None
