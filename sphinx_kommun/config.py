"""The one configuration object of sphinx-kommun.

Every setting is a field of :class:`KommunConfig`, registered as the Sphinx
config value ``kommun_<field>`` and validated at ``config-inited``.
"""

from __future__ import annotations

import dataclasses
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

from .profiles import PROFILES, Profile
from .validators import (
    is_accessibility,
    is_bool,
    is_count,
    is_federation,
    is_pdf_standard,
    is_plugin_list,
    is_positive,
    is_profile_entries,
    is_publication,
    is_regex,
    is_str,
    is_str_dict,
    is_str_list,
    is_str_or_none,
    is_str_or_str_list,
)

logger = logging.getLogger(__name__)

#: Settings by config object; weak, so each Sphinx app's config has its own.
_CACHE: weakref.WeakKeyDictionary[Config, KommunConfig] = weakref.WeakKeyDictionary()

PREFIX = "kommun_"


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
        is_str,
    )
    publication: str = _setting(
        "public",
        "'public' (what the kommun publishes: personal data masked, secret "
        "passages and unpublished documents left out) or 'internal' (everything, "
        "marked); -t internt makes a build internal.",
        is_publication,
    )
    accessibility: dict[str, Any] = _setting(
        {},
        "The tillgänglighetsredogörelse's entries (webbplats, organisation, "
        "epost, telefon, status, brister, bedomd, publicerad; see the README).",
        is_accessibility,
    )
    vocabulary: dict[str, Any] = _setting(
        {},
        "Entries of the profile to override, by name (see the README's profile table).",
        is_profile_entries,
    )
    municipality: str | None = _setting(
        None,
        "The municipality's name, printed in headers (default: the profile's).",
        is_str_or_none,
    )
    logo: str = _setting(
        "",
        "The municipality's logo in the HTML pages' banner, beside its name: "
        "a path relative to conf.py's folder (copied to _static) or an address.",
        is_str,
        "html",
    )
    dnr_pattern: str | None = _setting(
        None,
        "Regular expression a diarienummer must match (default: the profile's).",
        is_regex,
    )
    ledamoter: list[str] | str = _setting(
        [],
        "The register of the bodies' ledamöter and ersättare: a TOML or CSV "
        "file relative to conf.py's directory, or a list of them.",
        is_str_or_str_list,
        types=(str, list, tuple),
    )
    pdf_url: str = _setting(
        "",
        "Where the PDFs are published: a folder relative to the HTML root "
        "('pdf/') or an address; an ärende's and a meeting's page then link "
        "their PDF.",
        is_str,
    )
    oparl_url: str = _setting(
        "",
        "The address the OParl export (sphinx-build -b oparl) is published "
        "at; every object's id is below it (default: html_baseurl + 'oparl/').",
        is_str,
        "",
    )
    oparl_page_size: int = _setting(
        100,
        "How many objects each page of an OParl list holds (body/<kommun>/"
        "paper.json, paper-2.json ...; OParl recommends pages for lists of "
        "more than 100); 1 or more.",
        is_positive,
        "",
    )
    feeds: bool = _setting(
        True,
        "Write the feeds in the HTML build: iCalendar files of the meetings "
        "(all, and one per body) and an Atom feed of the ärenden and meetings "
        "(feeds/), linked from every page.",
        is_bool,
        "html",
    )
    needs: bool = _setting(
        True,
        "Register every object as a sphinx-needs need (needtable, needflow, "
        "needs.json).",
        is_bool,
    )
    quoted_sections: list[str] | None = _setting(
        None,
        "Titles of the yttrande sections quoted in the remissammanställning "
        "(when a yttrande does not name its own with :citera:; default: the "
        "profile's).",
        is_str_list,
    )
    common_noun_endings: list[str] | None = _setting(
        None,
        "Endings of one-word body names written in lower case inside a "
        "sentence (socialnämnden, stadsledningskontoret; default: the "
        "profile's).",
        is_str_list,
    )
    extra_positions: dict[str, str] = _setting(
        {},
        "Extra ställning words for yttranden, mapped to a description.",
        is_str_dict,
    )
    pdf_documents: str = _setting(
        "all",
        "Which PDFs latex_documents gets: 'all' (every ärende and sammanträde), "
        "'arenden', 'sammantraden', a comma-separated list of dnr or ids, or "
        "'off' to keep the project's own latex_documents.",
        is_str,
        "",
    )
    federation: dict[str, Any] = _setting(
        {},
        "Other projects whose objects (a nämnd's yttranden) are read as if "
        "written here: a name mapped to the address their pages are published "
        "at, or to (address, where to read kommun-objects.json: a path or an "
        "address; None for the address).",
        is_federation,
    )
    pdf_standard: str = _setting(
        "A-2b",
        "The PDF/A level of the PDFs for the archive ('A-2b'; 'A-1b', 'A-2u', "
        "'A-3b', 'A-3u'), or 'off' for plain PDFs.",
        is_pdf_standard,
        "",
    )
    forsta_paragraf: int = _setting(
        1,
        "The number of the first § of a body's protokoll each year; the "
        "numbers continue over the year (a protokoll's :forsta-paragraf: "
        "starts anew); 1 or more.",
        is_positive,
    )
    check_personnummer: bool = _setting(
        True,
        "Warn about personnummer in documents that are to be published "
        "(a document opts out with :publiceras: nej).",
        is_bool,
    )
    plugins: list[Any] = _setting(
        [],
        "Project-local plugins: module names (or modules) with @hookimpl functions.",
        is_plugin_list,
        "",
    )
    disabled_plugins: list[str] = _setting(
        [],
        "Names of plugins not to load (as 'python -m sphinx_kommun plugins' "
        "lists them).",
        is_str_list,
        "",
    )
    object_css: bool = _setting(
        True, "Add sphinx-kommun's stylesheet to HTML output.", is_bool, "html"
    )
    gc_freeze: bool = _setting(
        True,
        "Move the doctrees read so far to the garbage collector's permanent "
        "generation while pages are read (and what the main process holds "
        "while -j writes), so full collections do not walk them again (see "
        "sphinx_kommun.output.memory).",
        is_bool,
        "",
    )
    write_gc_threshold: int = _setting(
        10_000,
        "Size of Python's youngest garbage-collector generation while pages "
        "are written (see sphinx_kommun.collector); 0 leaves the collector "
        "as it is.",
        is_count,
        "",
    )
    allow_raw: bool = _setting(
        False,
        "Let raw HTML and LaTeX (the raw directive and roles derived from "
        "raw) through to the output; by default it is printed as text.",
        is_bool,
    )
    allow_outside_files: bool = _setting(
        False,
        "Let include, literalinclude, csv-table, raw, :download:, image and "
        "figure use files outside the source directory (and csv-table and raw "
        "a :url:); by default they are left out.",
        is_bool,
    )
    url_schemes: list[str] = _setting(
        ["http", "https", "mailto", "tel", "ftp"],
        "The schemes a link's address may have (relative addresses are always "
        "links); a link with any other (javascript:, data:, file: ...) is "
        "printed as its text.",
        is_str_list,
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


def conf_lines(app: Sphinx) -> tuple[Path, list[str]] | None:
    """The project's conf.py and its lines (None: none to read)."""
    if not app.confdir:
        return None
    path = Path(app.confdir) / "conf.py"
    try:
        return path, path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None


def conf_location(app: Sphinx, name: str) -> str | None:
    """Where conf.py sets ``name`` (``path:line``), for a warning about it."""
    found = conf_lines(app)
    if found is None:
        return None
    path, lines = found
    setting = re.compile(rf"\s*{re.escape(name)}\s*(:[^=]*)?[+]?=")
    for number, line in enumerate(lines, start=1):
        if setting.match(line):
            return f"{path}:{number}"
    # set otherwise (sphinx-build -D): a bare path would be read as a docname
    return None
