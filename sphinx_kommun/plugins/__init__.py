"""Plugins: what a nämnd or a kommun adds through pluggy.

One plugin manager per Sphinx application (:mod:`.manager`), made when the
configuration is read: sphinx-kommun's own sections, words, attestation
block and checks first (:mod:`.builtin`, registered through the same hooks
as any plugin), then the ``sphinx_kommun`` entry points of installed
distributions, then the modules of ``kommun_plugins``. The hooks are
specified in :mod:`.hookspecs`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..config import conf_location, forget
from ..i18n import _
from ..profiles import PROFILES
from .manager import Plugins, check_findings, plugins_of

logger = logging.getLogger(__name__)

#: The plugins found and their versions, as a configuration value: Sphinx
#: reads every document again when it changes (a plugin installed, removed
#: or upgraded without touching conf.py).
INSTALLED = "kommun_installed_plugins"


def load(
    extra: Iterable[Any] = (),
    disabled: Iterable[str] = (),
    *,
    entry_points: bool = True,
    locate: Callable[[str], str | None] = lambda setting: None,
) -> Plugins:
    """A plugin manager with the built-in plugin, the entry points (unless
    ``entry_points`` is false) and ``extra``, less the ``disabled``."""
    from . import builtin  # its checks read the domain, which reads the kinds

    return Plugins(
        extra, disabled, builtin=builtin, entry_points=entry_points, locate=locate
    )


def setup_plugins(app: Sphinx, config: Config) -> None:
    """``config-inited``: make this application's plugin manager."""
    plugins = load(
        config.kommun_plugins,
        config.kommun_disabled_plugins,
        locate=lambda setting: conf_location(app, setting),
    )
    app.kommun_plugins = plugins  # type: ignore[attr-defined]
    plugins.prepare()
    config[INSTALLED] = sorted(
        [info.name, info.version] for info in plugins.info.values()
    )


def apply_profile(app: Sphinx, config: Config) -> None:
    """``config-inited``, after the plugins: a profile a plugin gives becomes
    the entries ``kommun_vocabulary`` starts from; an unknown name is
    warned about and the ordinary kommun's profile used."""
    name = config.kommun_profile
    if name in PROFILES:
        return
    given = app.kommun_plugins.profiles  # type: ignore[attr-defined]
    if name not in given:
        known = sorted({*PROFILES, *given})
        logger.warning(
            _("okänd profil '%(name)s' i kommun_profile; kända är %(known)s"),
            {"name": name, "known": ", ".join(known)},
            type="kommun",
            subtype="config",
            location=conf_location(app, "kommun_profile"),
        )
        config.kommun_profile = "kommun"
        forget(config)
        return
    entries: dict[str, Any] = {}
    seen = {name}
    while name not in PROFILES:
        own = dict(given[name][1])
        base = own.pop("base")
        entries = {**own, **entries}
        if base in seen or (base not in PROFILES and base not in given):
            logger.warning(
                _("profilen '%(name)s' bygger på '%(base)s', som inte finns"),
                {"name": name, "base": base},
                type="kommun",
                subtype="config",
                location=given[name][0].location,
            )
            base = "kommun"
        seen.add(base)
        name = base
    config.kommun_profile = name
    config.kommun_vocabulary = {**entries, **config.kommun_vocabulary}
    forget(config)


def run_checks(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: every plugin's checks, built-in ones included."""
    from ..domain.project import Project
    from ..domain.remote import is_federated
    from ..domain.store import get_domain

    index = Project(get_domain(env).index)
    for _impl, findings in plugins_of(env).collect(
        "kommun_checks", check_findings, index=index
    ):
        for finding in findings:
            docname, line = finding["object"].location
            if is_federated(docname):
                continue  # another project's object: reported there
            logger.warning(
                finding["message"],
                location=(docname, finding.get("line", line)),
                type="kommun",
                subtype=finding["subtype"],
            )


def register(app: Sphinx) -> None:
    app.add_config_value(
        INSTALLED,
        [],
        "env",
        types=[list],
        description="set by sphinx-kommun: the plugins found, with their versions",
    )
    app.connect("config-inited", setup_plugins, priority=1)
    app.connect("config-inited", apply_profile, priority=2)
    app.connect("env-check-consistency", run_checks)
