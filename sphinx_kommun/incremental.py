"""Which pages to rewrite after an incremental read.

Generated content depends on data from other documents. Each placeholder
records a dependency key while its document is read; after reading, the
digest of what each key stands for is compared with the digest stored when
the page was last written, and pages whose inputs changed are rewritten.
Pages read in this build are written anyway; their digests are refreshed.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import DepKey, get_domain
from .generate import _digest, fingerprint, project
from .needs import stale_views


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose generated content has changed.

    Compared per builder: after ``make html``, an edit and ``make latex``
    on one environment, the HTML pages are still to be rewritten.
    """
    domain = get_domain(env)
    state = domain.written(app.builder.name)
    generation = domain.data["generation"]
    if state.get("generation") == generation:
        return []
    state["generation"] = generation
    index = domain.index
    cache: dict[DepKey, str] = {}
    rewrite: list[str] = []
    digests: dict[str, dict[DepKey, str]] = state["digests"]
    for docname, keys in domain.deps.items():
        fresh = {}
        for key in keys:
            if key not in cache:
                cache[key] = project(index, key)
            fresh[key] = cache[key]
        stored = digests.get(docname)
        if stored is not None and stored != fresh:
            rewrite.append(docname)
        digests[docname] = fresh

    rewrite.extend(_neighbours_changed(env, state))

    # every page's sidebar links the index of all ärenden once there is one
    stored_has = state.get("has-arenden")
    state["has-arenden"] = index.has_arenden
    if stored_has is not None and stored_has != index.has_arenden:
        rewrite.extend(env.all_docs)

    objects = _digest(fingerprint(obj, with_text=True) for obj in index.objects)
    if state.get("objects-digest") != objects:
        state["objects-digest"] = objects
        rewrite.extend(stale_views(env))
    return sorted(set(rewrite))


def _neighbours_changed(env: BuildEnvironment, data: dict[str, Any]) -> list[str]:
    """Pages whose previous/next/parent links changed.

    Sphinx rewrites a page's toctree parents when it changes, but not the
    pages before and after it, whose ``rel="next"``/``"prev"`` links name
    it; adding, removing or retitling a page would leave them stale.
    """
    fresh: dict[str, tuple[str, ...]] = {}
    for docname, related in env.collect_relations().items():
        fresh[docname] = tuple(
            f"{other}:{env.titles[other].astext() if other in env.titles else ''}"
            for other in related
            if other
        )
    stored = data.get("relations")
    data["relations"] = fresh
    if not isinstance(stored, dict):
        return []
    return [doc for doc, rel in fresh.items() if doc in stored and stored[doc] != rel]


def plugins_changed(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """``env-get-outdated``: re-read everything when the plugins changed.

    Plugins are not configuration values Sphinx compares (they may be
    installed or removed without touching conf.py), so their names and
    versions are kept with the environment.
    """
    plugins = getattr(app, "kommun_plugins", None)
    if plugins is None:
        return []
    current = sorted((info.name, info.version) for info in plugins.info.values())
    domain = get_domain(env)
    previous = domain.data.get("plugins")
    domain.data["plugins"] = current
    if previous is None or previous == current:
        return []
    return sorted(env.found_docs)
