"""Sections added by plugins: ``.. avsnitt:: <kind>`` and ``.. <kind>::``."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from ..i18n import _
from ..plugins.hookspecs import SectionKind
from ..plugins.manager import PluginError, plugins_of, run_validator
from ..swedish import capitalise, fold, output_locale
from .directive import CURRENT_KIND
from .warning import WarningDirective


class AvsnittDirective(WarningDirective):
    """A section of a kind some plugin declares.

    ``.. avsnitt:: jämställdhetsanalys`` works with or without the plugin:
    without it the content stays, as a plain section, with a warning.
    """

    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    #: Set on the classes registered under a kind's own name.
    section_name: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        name = self.section_name or (self.arguments[0] if self.arguments else "")
        if not name:
            self.warn(_("avsnitt saknar namn: skriv .. avsnitt:: <namn>"), "avsnitt")
            return self.parse_sections()
        kind = plugins_of(self.env).section(name)
        content = self.parse_sections()
        if kind is None:
            self.warn(
                _(
                    "okänt avsnitt '%(name)s': ingen installerad plugin har det "
                    "(texten visas som ett vanligt avsnitt)"
                ),
                "avsnitt",
                {"name": name},
            )
            return [self.section(capitalise(name.replace("-", " ")), name, content)]
        return self.build(kind, content)

    def build(self, kind: SectionKind, content: list[nodes.Node]) -> list[nodes.Node]:
        where = self.env.current_document.get(CURRENT_KIND, "")
        allowed = kind.get("kinds")
        if allowed and where not in allowed:
            self.warn(
                _("avsnittet '%(name)s' hör hemma i %(kinds)s, inte här"),
                "avsnitt",
                {"name": kind["name"], "kinds": ", ".join(allowed)},
            )
        options = self.validated_options(kind)
        body = content
        build = kind.get("build")
        if build is not None:
            language = output_locale(self.config.language)
            try:
                body = list(build(options, content, language))
                if not all(isinstance(node, nodes.Node) for node in body):
                    raise TypeError("build did not return docutils nodes")
            except Exception as err:
                self.warn(
                    _("plugin-avsnittet '%(name)s' kunde inte byggas: %(error)s"),
                    "plugin",
                    {"name": kind["name"], "error": f"{type(err).__name__}: {err}"},
                )
                body = content
        environment = kind.get("latex_environment", "")
        if environment:
            body = [nodes.container("", *body, classes=[f"kommunenv-{environment}"])]
        title = kind.get("title")
        if not title:
            wrapper = nodes.container(
                "", *body, classes=[f"kommun-avsnitt-{kind['name']}"]
            )
            if kind.get("html_class"):
                wrapper["classes"].append(kind["html_class"])
            return [wrapper]
        section = self.section(str(title), kind["name"], body)
        if kind.get("html_class"):
            section["classes"].append(kind["html_class"])
        return [section]

    def validated_options(self, kind: SectionKind) -> dict[str, Any]:
        specs = {
            fold(name): (name, spec) for name, spec in kind.get("options", {}).items()
        }
        values: dict[str, Any] = {}
        for option in self.written:
            written, value = option.name, option.value
            found = specs.get(fold(written))
            if found is None:
                self.warn(
                    _(
                        "okänt alternativ '%(option)s' för avsnittet '%(name)s'; kända är %(known)s"
                    ),
                    "option",
                    {
                        "option": written,
                        "name": kind["name"],
                        "known": ", ".join(n for n, _spec in specs.values()) or "–",
                    },
                )
                continue
            name, spec = found
            text = "" if value is None else str(value)
            try:
                values[name] = run_validator(spec.get("validate"), text)
            except ValueError as err:
                self.warn(
                    _("fel värde för '%(option)s' i avsnittet '%(name)s': %(error)s"),
                    "avsnitt",
                    {"name": kind["name"], "option": written, "error": err},
                )
            except PluginError as err:
                self.warn(
                    _(
                        "plugin-avsnittet '%(name)s' kunde inte läsa '%(option)s': %(error)s"
                    ),
                    "plugin",
                    {"name": kind["name"], "option": written, "error": err},
                )
        return values

    def section(self, title: str, name: str, body: list[nodes.Node]) -> nodes.section:
        section = nodes.section(classes=["kommun-avsnitt", f"kommun-avsnitt-{name}"])
        section += nodes.title(title, title)
        section["names"].append(nodes.fully_normalize_name(title))
        self.state.document.note_implicit_target(section, section)
        section.extend(body)
        self.set_source_info(section)
        return section


def directive_for(kind_name: str) -> type[AvsnittDirective]:
    """The directive class registered under a section kind's own name."""
    return type(
        f"AvsnittDirective_{kind_name.replace('-', '_')}",
        (AvsnittDirective,),
        {"section_name": kind_name, "optional_arguments": 0},
    )


def register_directives(app: Sphinx, config: Config) -> None:
    """``config-inited``: ``avsnitt`` and a directive per plugin section kind."""
    app.add_directive("avsnitt", AvsnittDirective, override=True)
    kinds = app.kommun_plugins.sections.values()  # type: ignore[attr-defined]
    # aliases first: a kind's own name wins over another kind's alias
    for kind in kinds:
        for alias in kind.get("aliases", ()):
            app.add_directive(alias, directive_for(kind["name"]), override=True)
    for kind in kinds:
        app.add_directive(kind["name"], directive_for(kind["name"]), override=True)


def register(app: Sphinx) -> None:
    # late: after the plugins are loaded (1) and sphinx-needs' directives
    app.connect("config-inited", register_directives, priority=900)
