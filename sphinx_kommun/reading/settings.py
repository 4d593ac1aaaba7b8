"""Personnummer in conf.py's values.

What conf.py (or ``-D``) sets reaches the output too: ``project``,
``html_title``, ``copyright``, ``kommun_municipality``, ``html_context``,
``latex_elements`` … are printed on every page, and ``rst_prolog`` and
``rst_epilog`` are read as part of every document (a substitution defined
there is printed where it is used). Each of these values is scanned at
``config-inited``: a personnummer gets a ``kommun.personnummer`` warning at
the line of conf.py it is written on, and a public build masks it in the
value, so that no page, PDF, search index or pickled environment holds it.
In ``rst_prolog`` and ``rst_epilog`` a public build also takes out a
``:personuppgift:`` role's text and a ``sekretess`` passage, as in a
document (:mod:`.masking`).
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..config import KommunConfig, conf_lines, conf_location, forget
from ..i18n import _
from .masking import is_public, public_markup
from .personnummer import find, in_settings, mask

logger = logging.getLogger(__name__)

#: Settings read as text of every document.
READ_AS_TEXT = ("rst_prolog", "rst_epilog")
#: Settings that are no text a build prints but names of code, files or
#: patterns (masking them would break the build).
NOT_PRINTED = frozenset(
    {
        "extensions",
        "exclude_patterns",
        "include_patterns",
        "templates_path",
        "html_static_path",
        "html_extra_path",
        "locale_dirs",
        "suppress_warnings",
        "source_suffix",
        "kommun_ledamoter",
        "kommun_dnr_pattern",
    }
)


def _strings(value: Any) -> list[str]:
    """Every string in ``value`` (in lists, tuples, sets and dicts, keys too)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for item in value for s in _strings(item)]
    return []


def _masked(value: Any) -> Any:
    """``value`` with each personnummer masked (containers of the same type)."""
    if isinstance(value, str):
        for number in find(value):
            value = value.replace(number, mask(number))
        return value
    if isinstance(value, dict):
        return type(value)((_masked(k), _masked(v)) for k, v in value.items())
    if type(value) in (list, tuple, set, frozenset):
        return type(value)(_masked(item) for item in value)
    return value


def _names(config: Config) -> list[str]:
    """The settings conf.py or ``-D`` sets, in conf.py's order."""
    written = list(config._raw_config) + list(config._overrides)
    return [
        name
        for name in dict.fromkeys(written)
        if name in config and name not in NOT_PRINTED
    ]


def _line(app: Sphinx, name: str, number: str) -> str | None:
    """Where conf.py writes ``number``: the first line from where it sets
    ``name`` on, else anywhere, else where it sets ``name``."""
    setting = conf_location(app, name)
    found = conf_lines(app)
    if found is None:
        return setting
    path, lines = found
    start = int(setting.rsplit(":", 1)[1]) - 1 if setting else 0
    written = re.compile(rf"(?<!\d){re.escape(number)}(?!\d)")
    for line in [*range(start, len(lines)), *range(start)]:
        if written.search(lines[line]):
            return f"{path}:{line + 1}"
    return setting


def warn(app: Sphinx, name: str, number: str) -> None:
    logger.warning(
        _(
            "'%(masked)s' i %(name)s i conf.py ser ut som ett personnummer; "
            "maskera det där (den publicerade versionen maskerar det)"
        ),
        {"masked": mask(number), "name": name},
        location=_line(app, name, number),
        type="kommun",
        subtype="personnummer",
    )


def check(app: Sphinx, config: Config) -> None:
    """``config-inited``: warn about each personnummer in a printed setting
    and, in a public build, mask it."""
    public = is_public(config)
    warned = KommunConfig.from_config(config).check_personnummer
    found: set[str] = set()
    for name in _names(config):
        value = getattr(config, name)
        if name in READ_AS_TEXT and isinstance(value, str):
            # a :personuppgift: role's text is marked, no warning
            value = public_markup(value, roles_only=not public)
        for number in dict.fromkeys(n for s in _strings(value) for n in find(s)):
            found.add(number)
            if warned:
                warn(app, name, number)
        if public:
            masked = _masked(value)
            if masked != getattr(config, name):
                setattr(config, name, masked)
    if public and found:
        forget(config)  # a kommun_* value may have changed
    in_settings[config] = frozenset(found)


def register(app: Sphinx) -> None:
    # after masking.choose (5), which makes a build internal; before every
    # handler that reads or copies a setting
    app.connect("config-inited", check, priority=6)
