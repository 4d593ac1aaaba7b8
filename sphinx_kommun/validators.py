"""What each ``kommun_*`` setting accepts: one function per kind of value,
returning what is wrong with a value or None (:mod:`.config` declares the
settings with them).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .profiles import problems


def is_regex(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return "must be a string"
    try:
        re.compile(value)
    except re.error as err:
        return f"is not a valid regular expression ({err})"
    return None


def is_str_list(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, str) for item in value
    ):
        return "must be a list of strings"
    return None


#: Values that cannot be a plugin in ``kommun_plugins``.
NOT_A_PLUGIN = (bool, int, float, complex, bytes, list, tuple, dict, set)


def is_plugin_list(value: Any) -> str | None:
    if not isinstance(value, list | tuple):
        return "must be a list of module names or modules"
    for item in value:
        # a module name, or a module, class or object with hookimpls
        if item is None or isinstance(item, NOT_A_PLUGIN):
            return f"must be a list of module names or modules, not {item!r}"
    return None


def is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be True or False"


def is_count(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "must be a whole number, 0 or more"
    return None


def is_positive(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "must be a whole number, 1 or more"
    return None


def is_str(value: Any) -> str | None:
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


def is_accessibility(value: Any) -> str | None:
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


def is_publication(value: Any) -> str | None:
    return None if value in ("public", "internal") else "must be 'public' or 'internal'"


#: What ``kommun_pdf_standard`` accepts: the PDF/A levels LaTeX's PDF
#: management writes without tagging, or off.
PDF_STANDARDS = ("A-1b", "A-2b", "A-2u", "A-3b", "A-3u", "off")


def is_pdf_standard(value: Any) -> str | None:
    return (
        None
        if value in PDF_STANDARDS
        else "must be one of " + ", ".join(f"'{s}'" for s in PDF_STANDARDS)
    )


def is_str_or_str_list(value: Any) -> str | None:
    if isinstance(value, str):
        return None
    return "must be a path or a list of paths" if is_str_list(value) else None


def is_federation(value: Any) -> str | None:
    def source(v: Any) -> bool:
        if isinstance(v, str):
            return True
        return (
            isinstance(v, tuple | list)
            and len(v) == 2
            and isinstance(v[0], str)
            and (v[1] is None or isinstance(v[1], str))
        )

    if isinstance(value, dict) and all(
        isinstance(k, str) and source(v) for k, v in value.items()
    ):
        return None
    return "must map a name to an address, or to (address, file or None)"


def is_str_or_none(value: Any) -> str | None:
    return None if value is None else is_str(value)


def is_profile_entries(value: Any) -> str | None:
    found = problems(value)
    return "; ".join(found) if found else None


def is_str_dict(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return "must be a dict from string to string"
    return None
