"""What plugins return, checked: a wrong shape is the plugin's fault, warned
about and left out (:class:`~.dispatch.PluginError`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from docutils import nodes

from ..i18n import N_, _
from ..swedish import fold
from .dispatch import PluginError, _error
from .hookspecs import Column, FieldSpec, FooterPart, SectionKind


def run_validator(
    validate: Callable[[str], Any] | None, text: str, *, text_only: bool = False
) -> Any:
    """A plugin's ``validate`` of an option, on the text the author wrote.

    ``text_only``: the value must be text (a field shown in the header),
    not anything the plugin's own section builder reads.

    :raises ValueError: the value is wrong (the author's mistake; the
        plugin's message says what is wrong).
    :raises PluginError: the validator itself failed, or returned no text
        where ``text_only`` (the plugin's fault).
    """
    if validate is None:
        return text
    try:
        value = validate(text)
    except ValueError:
        raise
    except Exception as err:
        raise PluginError(_error(err)) from err
    return _check_str(value) if text_only else value


def section_key(name: str) -> str:
    """A section name for comparing: folded, words joined by hyphens."""
    return fold(name).replace(" ", "-")


# -- shape checks ------------------------------------------------------------------


def _check_str(value: Any) -> str:
    if not isinstance(value, str):
        raise PluginError(
            _("väntade en sträng, fick %(type)s") % {"type": type(value).__name__}
        )
    return value


def _check_str_list(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(v, str) for v in value
    ):
        raise PluginError(_("väntade en lista med strängar"))
    return list(value)


def _check_str_mapping(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise PluginError(_("väntade en dict från sträng till sträng"))
    return dict(value)


def _check_profiles(value: Any) -> dict[str, dict[str, Any]]:
    """Profiles by name, each a dict of entries (and ``base``)."""
    from ..profiles import PROFILES, problems

    if not isinstance(value, Mapping):
        raise PluginError(_("väntade en dict från profilnamn till profil"))
    checked: dict[str, dict[str, Any]] = {}
    for name, entries in value.items():
        if not isinstance(name, str) or not isinstance(entries, Mapping):
            raise PluginError(_("väntade en dict från profilnamn till profil"))
        if name in PROFILES:
            raise PluginError(
                _("profilen '%(name)s' är inbyggd och kan inte ersättas")
                % {"name": name}
            )
        own = {k: v for k, v in entries.items() if k != "base"}
        found = problems(own)
        base = entries.get("base", "kommun")
        if not isinstance(base, str):
            found.append("'base' must be a profile name")
        if found:
            raise PluginError(
                _("profilen '%(name)s': %(problems)s")
                % {"name": name, "problems": "; ".join(found)}
            )
        checked[name] = {"base": base, **own}
    return checked


#: What a hook's dicts are, for the messages about them.
SECTION_KIND = N_("en avsnittstyp")
FIELD = N_("ett fält")
COLUMN = N_("en kolumn")
FOOTER_PART = N_("en sidfotsdel")
FINDING = N_("ett fynd")


def _check_dicts(
    value: Any, required: Mapping[str, type | tuple[type, ...]], what: str
) -> list[dict[str, Any]]:
    """``value`` as a list of dicts with the ``required`` keys; ``what`` (one
    of the names above) says what each dict is."""
    what = _(what)
    if not isinstance(value, list | tuple):
        raise PluginError(
            _("väntade en lista, fick %(type)s") % {"type": type(value).__name__}
        )
    checked = []
    for item in value:
        if not isinstance(item, Mapping):
            raise PluginError(
                _("väntade %(what)s som dict, fick %(type)s")
                % {"what": what, "type": type(item).__name__}
            )
        for key, types in required.items():
            if key not in item:
                raise PluginError(
                    _("%(what)s saknar '%(key)s'") % {"what": what, "key": key}
                )
            if not isinstance(item[key], types):
                raise PluginError(
                    _("'%(key)s' har fel typ i %(what)s") % {"what": what, "key": key}
                )
        checked.append(dict(item))
    return checked


def _strings(value: Any) -> bool:
    """Whether ``value`` is a list (or tuple) of strings."""
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def _check_sections(value: Any) -> list[SectionKind]:
    kinds = _check_dicts(value, {"name": str, "title": (str, type(None))}, SECTION_KIND)
    for kind in kinds:
        name = {"name": repr(kind["name"])}
        if not kind["name"] or not kind["name"].replace("-", "").isalnum():
            raise PluginError(
                _("avsnittstypens namn %(name)s är inget direktivnamn") % name
            )
        if not _strings(kind.get("aliases", ())):
            raise PluginError(
                _("avsnittstypen %(name)s: 'aliases' är ingen lista med namn") % name
            )
        if "build" in kind and not callable(kind["build"]):
            raise PluginError(
                _("avsnittstypen %(name)s: 'build' går inte att anropa") % name
            )
        if not _strings(kind.get("kinds", ())):
            raise PluginError(
                _("avsnittstypen %(name)s: 'kinds' är ingen lista med objekttyper")
                % name
            )
        environment = kind.get("latex_environment", "")
        if not isinstance(environment, str) or not (
            environment == "" or (environment.isascii() and environment.isalpha())
        ):
            raise PluginError(
                _(
                    "avsnittstypen %(name)s: 'latex_environment' är inget "
                    "LaTeX-namn (bara bokstäver)"
                )
                % name
            )
        options = kind.get("options", {})
        if not isinstance(options, Mapping) or not all(
            isinstance(option, Mapping) for option in options.values()
        ):
            raise PluginError(
                _(
                    "avsnittstypen %(name)s: 'options' är ingen mappning från "
                    "alternativets namn till dess inställningar"
                )
                % name
            )
        for option in options.values():
            if "validate" in option and not callable(option["validate"]):
                raise PluginError(
                    _("avsnittstypen %(name)s: en 'validate' går inte att anropa")
                    % name
                )
    return cast(list[SectionKind], kinds)


def _check_fields(value: Any) -> list[FieldSpec]:
    specs = _check_dicts(value, {"name": str, "label": str, "help": str}, FIELD)
    for spec in specs:
        if "validate" in spec and not callable(spec["validate"]):
            raise PluginError(
                _("fältet %(name)s: 'validate' går inte att anropa")
                % {"name": repr(spec["name"])}
            )
    return cast(list[FieldSpec], specs)


def _check_columns(value: Any) -> list[Column]:
    columns = _check_dicts(value, {"title": str}, COLUMN)
    for column in columns:
        if not callable(column.get("value")):
            raise PluginError(
                _("kolumnen %(title)s: 'value' går inte att anropa")
                % {"title": repr(column["title"])}
            )
    return cast(list[Column], columns)


def _check_rows(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(row, list | tuple)
        and len(row) == 2
        and all(isinstance(part, str) for part in row)
        for row in value
    ):
        raise PluginError(_("väntade en lista med par av strängar (etikett, värde)"))
    return [(row[0], row[1]) for row in value]


def _check_footer(value: Any) -> list[FooterPart]:
    parts = _check_dicts(value, {"key": str, "nodes": (list, tuple)}, FOOTER_PART)
    for part in parts:
        if not all(isinstance(node, nodes.Node) for node in part["nodes"]):
            raise PluginError(
                _("sidfotsdelen %(key)s: 'nodes' är inga docutils-noder")
                % {"key": repr(part["key"])}
            )
    return cast(list[FooterPart], parts)


def check_findings(value: Any) -> list[dict[str, Any]]:
    findings = _check_dicts(value, {"subtype": str, "message": str}, FINDING)
    for finding in findings:
        location = getattr(finding.get("object"), "location", None)
        if not (isinstance(location, tuple) and len(location) == 2):
            raise PluginError(_("ett fynds 'object' är inget objekt i projektet"))
        line = finding.get("line")
        if line is not None and (isinstance(line, bool) or not isinstance(line, int)):
            raise PluginError(_("ett fynds 'line' är inget radnummer"))
    return findings
