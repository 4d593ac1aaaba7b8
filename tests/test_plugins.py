"""Plugins: every hook, failing plugins, loading, disabling and listing."""

from __future__ import annotations

import ast
import inspect
import json
import os
import re
import subprocess
import sys
import textwrap
import types
from collections.abc import Callable, Generator
from pathlib import Path

import pluggy
import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun import api, hookimpl
from sphinx_kommun.__main__ import hook_reference
from sphinx_kommun.config import KommunConfig
from sphinx_kommun.kinds.arende import Arende
from sphinx_kommun.plugins import hookspecs, load
from sphinx_kommun.plugins.manager import PluginError, check_findings
from sphinx_kommun.reading.people import PersonError
from sphinx_kommun.testing import line_of, warning_lines, warnings_of
from sphinx_kommun.vocabulary import POSITIONS

from .conftest import ROOTS, append, edit, html_text
from .test_incremental import assert_same_pages

HOOK_NAMES = [spec.__name__ for spec in hookspecs.HOOKS]
#: the provplugin check reports Stadsledningskontoret on purpose, at the
#: line of its ``:datum:``
PROV_FINDING = re.compile(
    rf"yttrande-slk\.rst:{line_of(ROOTS / 'test-plugins' / 'yttrande-slk.rst', ':datum:')}: "
    r"WARNING: provkontroll: Stadsledningskontoret \[kommun\.prov\]"
)


@pytest.fixture(autouse=True)
def fresh_plugin_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Import the test roots' plugins afresh, from this test's copy of its
    root: warnings name the file of a plugin's hook implementation."""
    for root in ROOTS.glob("test-plugin*"):
        for module in root.glob("*.py"):
            if module.stem != "conf":
                monkeypatch.delitem(sys.modules, module.stem, raising=False)


@pytest.fixture
def plugged(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> SphinxTestApp:
    return build(project_copy("plugins"))


def only_prov_finding(app: SphinxTestApp) -> bool:
    lines = [line for line in warnings_of(app).splitlines() if line.strip()]
    return len(lines) == 1 and bool(PROV_FINDING.search(lines[0]))


# -- one test per hook -----------------------------------------------------------------


def test_hook_kommun_section_kinds(
    plugged: SphinxTestApp, build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    assert only_prov_finding(plugged), warnings_of(plugged)
    html = (plugged.outdir / "yttrande-bromma.html").read_text(encoding="utf-8")
    assert re.search(
        r'<section class="kommun-avsnitt kommun-avsnitt-riskanalys prov-risk"', html
    )
    text = html_text(plugged.outdir / "yttrande-bromma.html")
    assert "Riskanalys Risknivå: medel. Riskerna är hanterbara." in text
    # written at the end of "Synpunkter och förslag", it is that section's
    # sibling: the same heading level, and not quoted with it
    assert re.search(r"<h2>Synpunkter och förslag.*?<h2>Riskanalys", html, re.S)
    compilation = html_text(plugged.outdir / "utlatande.html")
    assert "Förvaltningen tycker att samverkan är viktig" in compilation
    assert "Riskerna är hanterbara" not in compilation
    latex = build(plugged.srcdir, "latex", builddir=tmp_path / "latex")
    tex = (latex.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    assert "\\begin{sphinxuseclass}{kommunenv-provrisk}" in tex
    assert (
        "\\newenvironment{sphinxclasskommunenv-provrisk}{\\begin{provrisk}}{\\end{provrisk}}"
        in tex
    )


def test_hook_kommun_object_fields(
    plugged: SphinxTestApp, build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    text = html_text(plugged.outdir / "yttrande-bromma.html")
    assert "Stadsdelsområde: BROMMA" in text
    needs = build(plugged.srcdir, "needs", builddir=tmp_path / "needs")
    data = json.loads((needs.outdir / "needs.json").read_text(encoding="utf-8"))
    need = data["versions"][data["current_version"]]["needs"][
        "ks-2019-1899-yttrande-bromma-stadsdelsnämnd"
    ]
    assert need["stadsdel"] == "BROMMA"


def test_hook_kommun_object_fields_validates(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    edit(src / "yttrande-bromma.rst", ":stadsdel: BROMMA", ":stadsdel: bromma")
    app = build(src)
    assert re.search(
        r"yttrande-bromma\.rst:12: WARNING: fel värde för 'stadsdel': 'bromma' ska "
        r"skrivas med versaler \[kommun\.field\]",
        warnings_of(app),
    )
    assert "Stadsdelsområde" not in html_text(app.outdir / "yttrande-bromma.html")


def test_hook_kommun_positions(plugged: SphinxTestApp) -> None:
    # "tillstyrker med tillägg" comes from the plugin and is accepted
    assert "kommun.stallning" not in warnings_of(plugged)
    assert "1: tillstyrker med tillägg" in html_text(plugged.outdir / "utlatande.html")


def test_hook_kommun_profiles(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    app = build(src, confoverrides={"kommun_profile": "goteborg"})
    assert only_prov_finding(app), warnings_of(app)
    text = html_text(app.outdir / "utlatande.html")
    # the plugin's entries, on the ordinary kommun's
    assert KommunConfig.from_config(app.config).words.municipality == "Göteborgs Stad"
    assert "Stadsledningskontorets tjänsteutlåtande daterat den" in text
    assert "Kommunstyrelsen föreslår kommunfullmäktige att besluta följande." in text
    # conf.py's entries win over the plugin's
    app = build(
        src,
        freshenv=True,
        confoverrides={
            "kommun_profile": "goteborg",
            "kommun_vocabulary": {"statement_dated": "upprättat"},
        },
    )
    text = html_text(app.outdir / "utlatande.html")
    assert "Stadsledningskontorets tjänsteutlåtande upprättat den" in text


def test_hook_kommun_compilation_columns(plugged: SphinxTestApp) -> None:
    text = html_text(plugged.outdir / "utlatande.html")
    assert "Sammanfattning Reservationer m.m. Stadsdel" in text
    assert "särskilt uttalande BROMMA" in text


def test_hook_kommun_latex_preamble(
    plugged: SphinxTestApp, build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    latex = build(plugged.srcdir, "latex", builddir=tmp_path / "latex")
    tex = (latex.outdir / "ks-2019-1899.tex").read_text(encoding="utf-8")
    preamble = tex[: tex.index("\\begin{document}")]
    assert (
        "\\newenvironment{provrisk}{\\par\\noindent PROVRISK\\par}{\\par}" in preamble
    )


def test_hook_kommun_static_files(plugged: SphinxTestApp) -> None:
    assert (plugged.outdir / "_static" / "kommun-plugins" / "prov.css").is_file()
    html = (plugged.outdir / "motion.html").read_text()
    assert re.search(r'href="_static/kommun-plugins/prov\.css\?v=\w+"', html)


def test_hook_kommun_header_fields(plugged: SphinxTestApp) -> None:
    text = html_text(plugged.outdir / "yttrande-bromma.html")
    assert "Provfält: prov-Bromma stadsdelsnämnd" in text


def test_hook_kommun_footer(plugged: SphinxTestApp) -> None:
    text = html_text(plugged.outdir / "yttrande-bromma.html")
    assert "Provsidfot för Bromma stadsdelsnämnd. Provattestering." in text
    # the plugin's "attestering" part replaced the built-in block
    assert "Attesterat av" not in text


def test_hook_kommun_checks(plugged: SphinxTestApp) -> None:
    assert PROV_FINDING.search(warnings_of(plugged))


def test_a_finding_with_a_line_that_is_no_line_is_nonsense() -> None:
    obj = Arende(
        id="ks-2019-1", docname="index", lineno=4, dnr="KS 2019/1", title="Prov"
    )
    finding = {"object": obj, "subtype": "prov", "message": "m"}
    assert check_findings([{**finding, "line": 7}])[0]["line"] == 7
    for nonsense in ("7", True, 1.5):
        with pytest.raises(PluginError, match="ett fynds 'line' är inget radnummer"):
            check_findings([{**finding, "line": nonsense}])


# -- pluggy's rules -------------------------------------------------------------------


def plugin(name: str, *functions: Callable[..., object]) -> types.ModuleType:
    """A plugin module ``name`` holding ``functions`` (marked with ``@hookimpl``)."""
    module = types.ModuleType(name)
    for function in functions:
        setattr(module, function.__name__, function)
    return module


def preamble(text: str, **options: bool) -> Callable[..., object]:
    @hookimpl(specname="kommun_latex_preamble", **options)
    def preamble_hook() -> str:
        return text

    return preamble_hook


def test_plugins_are_called_in_pluggys_order() -> None:
    plugins = load(
        [
            plugin("sist", preamble("sist", trylast=True)),
            plugin("tidig", preamble("tidig")),
            plugin("sen", preamble("sen")),
            plugin("forst", preamble("först", tryfirst=True)),
        ],
        entry_points=False,
    )
    # tryfirst first, trylast last, and between them the later registered first
    assert plugins.latex_preamble().split("\n") == ["först", "sen", "tidig", "sist"]


def test_the_first_called_implementation_wins_where_results_compete() -> None:
    @hookimpl
    def kommun_positions() -> dict[str, str]:
        return {"avstyrker": "säger nej"}

    @hookimpl
    def kommun_section_kinds() -> list[dict[str, object]]:
        return [{"name": "bakgrund", "title": "Egen bakgrund"}]

    @hookimpl(specname="kommun_positions", trylast=True)
    def late_positions() -> dict[str, str]:
        return {"tillstyrker": "för sent"}

    @hookimpl(specname="kommun_section_kinds", trylast=True)
    def late_sections() -> list[dict[str, object]]:
        return [{"name": "sammanfattning", "title": "Sen sammanfattning"}]

    plugins = load(
        [
            plugin("egen", kommun_positions, kommun_section_kinds),
            plugin("sen", late_positions, late_sections),
        ],
        entry_points=False,
    )
    # a plugin registered after the built-in is called before it and wins ...
    assert plugins.positions["avstyrker"] == "säger nej"
    assert plugins.sections["bakgrund"]["title"] == "Egen bakgrund"
    # ... unless it is marked trylast
    assert plugins.positions["tillstyrker"] == POSITIONS["tillstyrker"]
    assert plugins.sections["sammanfattning"]["title"] == "Sammanfattning"


def test_a_wrapper_wraps_the_call_and_can_change_its_result() -> None:
    @hookimpl(wrapper=True)
    def kommun_positions() -> Generator[None, list[dict[str, str]], object]:
        results = yield
        kept = [
            {w: d for w, d in words.items() if w != "avstyrker"} for words in results
        ]
        return [*kept, {"omsvept": "lagt till av omslaget"}]

    @hookimpl(specname="kommun_positions")
    def own_positions() -> dict[str, str]:
        return {"avstyrker": "säger nej", "eget": "ett eget ord"}

    # the wrapper is registered first: it still wraps the later plugin
    plugins = load(
        [plugin("omslag", kommun_positions), plugin("egen", own_positions)],
        entry_points=False,
    )
    words = plugins.positions
    assert "avstyrker" not in words
    assert words["eget"] == "ett eget ord"
    assert words["omsvept"] == "lagt till av omslaget"
    assert words["tillstyrker"] == POSITIONS["tillstyrker"]


def test_an_old_style_hookwrapper_can_force_a_result() -> None:
    @hookimpl(hookwrapper=True)
    def kommun_compilation_columns() -> Generator[None, pluggy.Result[object], None]:
        outcome = yield
        added = [{"title": "Omslag", "value": str}]
        outcome.force_result([added, *outcome.get_result()])

    @hookimpl(specname="kommun_compilation_columns")
    def own_columns() -> list[dict[str, object]]:
        return [{"title": "Egen", "value": str}]

    plugins = load(
        [plugin("gammalt", kommun_compilation_columns), plugin("egen", own_columns)],
        entry_points=False,
    )
    # each column is its plugin's: the one the wrapper added is the wrapper's
    assert [(name, column["title"]) for name, column in plugins.columns] == [
        ("gammalt", "Omslag"),
        ("egen", "Egen"),
    ]


def test_wrappers_that_fail_leave_the_results_as_they_were(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugin-faults")
    app = build(src, confoverrides={"kommun_plugins": ["omslagplugin"]})
    wrapper = src / "omslagplugin.py"
    index = src / "index.rst"
    positions = line_of(wrapper, "def kommun_positions")
    # positions of the built-in are kept: the yttrande's :stallning: is accepted
    assert warning_lines(app) == [
        f"omslagplugin.py:{positions}: WARNING: pluginen 'omslagplugin' "
        "misslyckades i kommun_positions: RuntimeError: omslaget gick sönder "
        "[kommun.plugin]",
        f"index.rst:{line_of(index, '.. arende::')}: WARNING: pluginen "
        "'omslagplugin' misslyckades i kommun_header_fields: RuntimeError: inget "
        "huvud för ärendet [kommun.plugin]",
        f"index.rst:{line_of(index, '.. yttrande::')}: WARNING: pluginen "
        "'omslagplugin' gav ett svar av fel form från kommun_header_fields: "
        "wrappern returnerade str, inte en lista [kommun.plugin]",
    ]


def test_a_wrapper_that_is_no_generator_is_refused(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(
        project_copy("plugin-faults"), confoverrides={"kommun_plugins": ["ingetomslag"]}
    )
    warnings = warnings_of(app)
    assert re.match(
        r"WARNING: pluginen 'ingetomslag' kan inte registreras: .*kommun_positions.*"
        r"wrapper=True.* not a generator function \[kommun\.plugin\]\n$",
        warnings,
        re.S,
    ), warnings
    assert "ingetomslag" not in app.kommun_plugins.info  # type: ignore[attr-defined]


def test_a_failing_setup_hook_warns_once_at_its_implementation(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugin-faults")
    app = build(src)
    source = src / "kaputtplugin.py"
    failed = {
        "kommun_section_kinds": "inga avsnitt",
        "kommun_object_fields": "inga fält",
        "kommun_positions": "inga ord",
        "kommun_compilation_columns": "inga kolumner",
        "kommun_latex_preamble": "ingen ingress",
        "kommun_static_files": "inga filer",
    }
    expected = [
        f"kaputtplugin.py:{line_of(source, f'def {hook}(')}: WARNING: pluginen "
        f"'kaputtplugin' misslyckades i {hook}: RuntimeError: {error} [kommun.plugin]"
        for hook, error in failed.items()
    ]
    expected.append(
        f"kaputtplugin.py:{line_of(source, 'def kommun_checks(')}: WARNING: "
        "pluginen 'kaputtplugin' gav ett svar av fel form från kommun_checks: "
        "ett fynds 'object' är inget objekt i projektet [kommun.plugin]"
    )
    assert sorted(warning_lines(app)) == sorted(expected)


def test_a_failing_column_warns_once_per_yttrande_in_a_build(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("plugins")
    # the table a second time, on another page and so in another PDF
    append(
        src / "annat.rst",
        "\nRemissvaren i korthet\n---------------------\n\n"
        ".. remissammanstallning::\n   :dnr: KS 2019/1899\n   :delar: tabell\n",
    )
    overrides = {"kommun_plugins": ["provplugin", "trasigplugin"]}
    html = build(src, confoverrides=overrides)
    latex = build(src, "latex", builddir=tmp_path / "latex", confoverrides=overrides)
    assert "Trasig" in html_text(html.outdir / "annat.html")
    assert "Trasig" in html_text(html.outdir / "utlatande.html")
    tables = [
        tex.read_text(encoding="utf-8").count("Trasig")
        for tex in latex.outdir.glob("*.tex")
    ]
    assert sum(tables) > 2 and max(tables) > 1
    for app in (html, latex):
        about_the_column = [line for line in warning_lines(app) if "'Trasig'" in line]
        assert len(about_the_column) == 3, about_the_column
        failed = re.findall(
            r"^(yttrande-\S+\.rst):\d+: WARNING: pluginen 'trasigplugin' misslyckades "
            r"i kolumnen 'Trasig' för (.+): ZeroDivisionError: division by zero "
            r"\[kommun\.plugin\]$",
            "\n".join(about_the_column),
            re.M,
        )
        assert sorted(failed) == [
            ("yttrande-bromma.rst", "Bromma stadsdelsnämnd"),
            ("yttrande-kungsholmen.rst", "Kungsholmens stadsdelsnämnd"),
            ("yttrande-slk.rst", "Stadsledningskontoret"),
        ]


# -- plugins that fail ---------------------------------------------------------------


def test_failing_plugin_warns_and_the_build_goes_on(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    append(
        src / "yttrande-kungsholmen.rst",
        "\n   .. avsnitt:: trasig\n\n      Text som inte får försvinna.\n",
    )
    edit(
        src / "yttrande-bromma.rst",
        ":stadsdel: BROMMA",
        ":stadsdel: BROMMA\n   :trasigt: x",
    )
    app = build(src, confoverrides={"kommun_plugins": ["trasigplugin"]})
    warnings = warnings_of(app)
    lines = warning_lines(app)
    assert "Traceback" not in warnings
    plugin = src / "trasigplugin.py"
    # once, although three yttranden ask for the ställning words, and where
    # the plugin's hook is, since no document asked
    nonsense = [line for line in lines if "kommun_positions" in line]
    assert nonsense == [
        f"trasigplugin.py:{line_of(plugin, 'def kommun_positions')}: WARNING: "
        "pluginen 'trasigplugin' gav ett svar av fel form från kommun_positions: "
        "väntade en dict från sträng till sträng [kommun.plugin]"
    ]
    # asked for once (config-inited), not again when the files are copied
    static = [line for line in lines if "saknas.css" in line]
    assert static == [
        f"trasigplugin.py:{line_of(plugin, 'def kommun_static_files')}: WARNING: "
        "pluginen 'trasigplugin': den statiska filen saknas.css är ingen befintlig "
        ".css- eller .js-fil [kommun.plugin]"
    ]
    assert re.search(
        r"yttrande-bromma\.rst:4: WARNING: pluginen 'trasigplugin' misslyckades i "
        r"kommun_header_fields: RuntimeError: trasigt huvud \[kommun\.plugin\]",
        warnings,
    )
    assert re.search(
        r"pluginen 'trasigplugin' gav ett svar av fel form från kommun_footer", warnings
    )
    assert (
        f"trasigplugin.py:{line_of(plugin, 'def kommun_checks')}: WARNING: pluginen "
        "'trasigplugin' misslyckades i kommun_checks: KeyError: 'trasig kontroll' "
        "[kommun.plugin]"
    ) in lines
    assert re.search(
        r"yttrande-kungsholmen\.rst:\d+: WARNING: plugin-avsnittet 'trasig' kunde inte "
        r"byggas: ZeroDivisionError",
        warnings,
    )
    assert re.search(
        r"pluginen 'trasigplugin' misslyckades i kolumnen 'Trasig'", warnings
    )
    # a validator that returns no text
    assert re.search(
        r"yttrande-bromma\.rst:13: WARNING: pluginen som lägger till 'trasigt' "
        r"kunde inte läsa värdet: väntade en sträng, fick int \[kommun\.plugin\]",
        warnings,
    )
    # what the clerk wrote is still there, and the rest of the build is whole
    assert "Text som inte får försvinna." in html_text(
        app.outdir / "yttrande-kungsholmen.html"
    )
    assert "Bromma stadsdelsförvaltnings" in html_text(app.outdir / "utlatande.html")


def test_plugin_warnings_follow_the_project_language(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    edit(
        src / "yttrande-bromma.rst",
        ":stadsdel: BROMMA",
        ":stadsdel: BROMMA\n   :trasigt: x",
    )
    app = build(
        src,
        confoverrides={
            "language": "en",
            "kommun_plugins": ["provplugin", "trasigplugin"],
            "kommun_disabled_plugins": ["provplugn"],
        },
    )
    lines = warning_lines(app)
    plugin = src / "trasigplugin.py"
    for expected in (
        f"trasigplugin.py:{line_of(plugin, 'def kommun_positions')}: WARNING: "
        "plugin 'trasigplugin' returned nonsense from kommun_positions: expected "
        "a dict from string to string [kommun.plugin]",
        "yttrande-bromma.rst:4: WARNING: plugin 'trasigplugin' failed in "
        "kommun_header_fields: RuntimeError: trasigt huvud [kommun.plugin]",
        "yttrande-bromma.rst:4: WARNING: plugin 'trasigplugin' failed in column "
        "'Trasig' for Bromma stadsdelsnämnd: ZeroDivisionError: division by zero "
        "[kommun.plugin]",
        f"yttrande-bromma.rst:{line_of(src / 'yttrande-bromma.rst', ':trasigt:')}: "
        "WARNING: the plugin that adds 'trasigt' could not read the value: "
        "expected a string, got int [kommun.plugin]",
    ):
        assert expected in lines, "\n".join(lines)
    assert any(
        "kommun_disabled_plugins: no plugin is named 'provplugn'; did you mean "
        "'provplugin'?" in line
        for line in lines
    ), lines
    assert not [line for line in lines if "plugin" in line and "pluginen" in line]


def test_a_parallel_build_warns_about_a_plugin_as_a_serial_one(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    """The setup hooks are asked before the workers read: a plugin's nonsense
    there is one warning, not one per worker."""
    src = project_copy("plugins")
    overrides = {"kommun_plugins": ["provplugin", "trasigplugin"]}
    serial = build(src, builddir=tmp_path / "serial", confoverrides=overrides)
    parallel = build(
        src, builddir=tmp_path / "parallel", confoverrides=overrides, parallel=2
    )
    assert sorted(warning_lines(parallel)) == sorted(warning_lines(serial))
    assert (
        len([line for line in warning_lines(serial) if "kommun_positions" in line]) == 1
    )


def test_unknown_section_keeps_its_text_with_a_warning(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    app = build(src, confoverrides={"kommun_disabled_plugins": ["provplugin"]})
    assert re.search(
        r"yttrande-bromma\.rst:\d+: WARNING: okänt avsnitt 'riskanalys': ingen installerad "
        r"plugin har det \(texten visas som ett vanligt avsnitt\) \[kommun\.avsnitt\]",
        warnings_of(app),
    )
    text = html_text(app.outdir / "yttrande-bromma.html")
    assert "Riskanalys Riskerna är hanterbara." in text
    assert "Risknivå" not in text


def test_section_options_are_validated(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    edit(src / "yttrande-bromma.rst", ":niva: medel", ":niva: extrem\n      :farg: röd")
    app = build(src)
    warnings = warnings_of(app)
    assert re.search(
        r"WARNING: fel värde för 'niva' i avsnittet 'riskanalys': 'extrem' är ingen nivå "
        r"\[kommun\.avsnitt\]",
        warnings,
    )
    assert re.search(
        r"WARNING: okänt alternativ 'farg' för avsnittet 'riskanalys'", warnings
    )


def test_section_kind_alias(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    append(
        src / "yttrande-kungsholmen.rst",
        "\n   .. riskbedömning::\n      :niva: låg\n\n      Små risker.\n",
    )
    app = build(src)
    assert only_prov_finding(app), warnings_of(app)
    assert "Riskanalys Risknivå: låg. Små risker." in html_text(
        app.outdir / "yttrande-kungsholmen.html"
    )


def test_section_in_the_wrong_kind_of_object(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    append(src / "beslut.rst", "\n   .. riskanalys::\n\n      Fel ställe.\n")
    app = build(src)
    assert re.search(
        r"beslut\.rst:\d+: WARNING: avsnittet 'riskanalys' hör hemma i yttrande, inte här",
        warnings_of(app),
    )


# -- loading ------------------------------------------------------------------------


def test_plugin_disabled_by_name(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    app = build(src, confoverrides={"kommun_disabled_plugins": ["provplugin"]})
    assert "provplugin" not in app.kommun_plugins.info  # type: ignore[attr-defined]
    assert "Provfält" not in html_text(app.outdir / "yttrande-bromma.html")
    assert "sphinx_kommun.builtin" in app.kommun_plugins.info  # type: ignore[attr-defined]


def test_a_misspelt_disabled_plugin_is_warned_about(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("plugins")
    app = build(
        src,
        confoverrides={
            "kommun_disabled_plugins": ["provplugn", "ett-plugin-som-saknas"]
        },
    )
    warnings = warnings_of(app)
    found = ", ".join(sorted(app.kommun_plugins.info))  # type: ignore[attr-defined]
    assert "provplugin" in found and "sphinx_kommun.builtin" in found
    assert (
        "kommun_disabled_plugins: ingen plugin heter 'provplugn'; "
        f"menade du 'provplugin'? (kända plugins: {found}) [kommun.plugin]"
    ) in warnings
    # a name like no installed plugin may be one installed elsewhere
    assert "ett-plugin-som-saknas" not in warnings
    assert warnings.count("kommun_disabled_plugins") == 1
    assert "provplugin" in app.kommun_plugins.info  # type: ignore[attr-defined]


def test_changing_plugins_rebuilds_like_a_fresh_build(
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
    tmp_path: Path,
) -> None:
    src = project_copy("plugins")
    build(src)
    edit(src / "conf.py", 'kommun_plugins = ["provplugin"]', "kommun_plugins = []")
    again = build(src)
    assert "Provfält" not in html_text(again.outdir / "yttrande-bromma.html")
    fresh = build(src, builddir=tmp_path / "fresh", freshenv=True)
    assert_same_pages(again.outdir, fresh.outdir)


@pytest.fixture
def installed_distribution(tmp_path: Path) -> Path:
    """A throwaway distribution with a sphinx_kommun entry point, on a path."""
    site = tmp_path / "site"
    package = site / "kastplugin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            from sphinx_kommun import hookimpl

            @hookimpl
            def kommun_positions():
                return {"kastord": "från en installerad distribution"}
            """
        )
    )
    info = site / "kastplugin-4.5.6.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: kastplugin\nVersion: 4.5.6\n"
    )
    (info / "entry_points.txt").write_text("[sphinx_kommun]\nkast = kastplugin\n")
    (info / "RECORD").write_text("")
    return site


def test_entry_point_plugin_is_found_and_listed(installed_distribution: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(installed_distribution)}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_kommun", "plugins"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "sphinx_kommun.builtin" in result.stdout
    assert re.search(
        r"^kast 4\.5\.6 \(entry point\)\n    kommun_positions$", result.stdout, re.M
    )


def test_entry_point_plugin_is_used_in_a_build(
    # monkeypatch first, so it restores sys.path after Sphinx's own fixtures
    # have restored theirs (which include the distribution's path)
    monkeypatch: pytest.MonkeyPatch,
    installed_distribution: Path,
    project_copy: Callable[[str], Path],
    build: Callable[..., SphinxTestApp],
) -> None:
    monkeypatch.syspath_prepend(str(installed_distribution))
    src = project_copy("plugins")
    edit(
        src / "yttrande-kungsholmen.rst",
        ":stallning: lämnar synpunkter",
        ":stallning: kastord",
    )
    app = build(src)
    assert app.kommun_plugins.info["kast"].version == "4.5.6"  # type: ignore[attr-defined]
    assert "kommun.stallning" not in warnings_of(app)


def test_cli_lists_configured_modules(tmp_path: Path) -> None:
    roots = Path(__file__).parent / "roots" / "test-plugins"
    env = {**os.environ, "PYTHONPATH": str(roots)}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_kommun", "plugins", "provplugin"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    listing = result.stdout[result.stdout.index("provplugin 1.2.3 (conf.py)") :]
    hooks = listing.splitlines()[1 : len(HOOK_NAMES) + 1]
    assert [line.strip() for line in hooks] == sorted(HOOK_NAMES)


# -- the hook reference and this file cover every hook -------------------------------


def test_hook_reference_is_generated_and_current() -> None:
    committed = (Path(__file__).parent.parent / "docs" / "plugin-hooks.md").read_text(
        encoding="utf-8"
    )
    assert committed == hook_reference(), (
        "run: python -m sphinx_kommun hooks > docs/plugin-hooks.md"
    )
    for name in HOOK_NAMES:
        assert f"## `{name}(" in committed


def test_every_hook_has_a_test() -> None:
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    tests = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert [name for name in HOOK_NAMES if f"test_hook_{name}" not in tests] == []
    specs = {
        name
        for name in dir(hookspecs)
        if name.startswith("kommun_") and callable(getattr(hookspecs, name))
    }
    assert specs == set(HOOK_NAMES), "every kommun_ function must be a @hookspec"


def test_hooks_are_the_marked_functions_in_definition_order() -> None:
    source = inspect.getsource(hookspecs)
    defined = re.findall(r"^@hookspec\ndef (\w+)\(", source, re.M)
    assert defined == HOOK_NAMES
    assert len(defined) == source.count("\n@hookspec") > 0


def test_readme_plugin_example_works_when_copied(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(
        r"```(\w+)\n(.*?)```", readme[readme.index("<!-- plugin-example -->") :], re.S
    )
    plugin, conf, usage = blocks[0][1], blocks[1][1], blocks[2][1]
    src = project_copy("case")
    (src / "barnkonsekvens.py").write_text(plugin, encoding="utf-8")
    append(src / "conf.py", "\n" + conf)
    append(src / "yttrande-kungsholmen.rst", "\n" + textwrap.indent(usage, "   "))
    app = build(src)
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "yttrande-kungsholmen.html")
    assert (
        "Barnkonsekvensanalys Berörda barn: cirka 200. Förslaget påverkar barn" in text
    )


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ({"options": ["niva"]}, "'options' är ingen mappning"),
        ({"kinds": "yttrande"}, "'kinds' är ingen lista"),
        ({"latex_environment": "x}\\evil{"}, "'latex_environment' är inget LaTeX-namn"),
    ],
)
def test_section_kind_of_the_wrong_shape_is_refused(bad: dict, says: str) -> None:
    from sphinx_kommun.plugins.shapes import PluginError, _check_sections

    with pytest.raises(PluginError, match=says):
        _check_sections([{"name": "prov", "title": None, **bad}])


def test_a_section_name_wins_over_another_kinds_alias() -> None:
    first = types.ModuleType("forsta")
    second = types.ModuleType("andra")

    @hookimpl
    def kommun_section_kinds() -> list[dict[str, object]]:
        return [
            {"name": "riskbedomning", "title": "Riskbedömning", "aliases": ["Risk"]}
        ]

    @hookimpl(specname="kommun_section_kinds")
    def other_kinds() -> list[dict[str, object]]:
        return [
            {"name": "risk", "title": "Risk"},
            {"name": "konsekvenser", "title": "Konsekvenser", "aliases": ["följder"]},
        ]

    first.kommun_section_kinds = kommun_section_kinds  # type: ignore[attr-defined]
    second.kommun_section_kinds = other_kinds  # type: ignore[attr-defined]
    plugins = load([first, second], entry_points=False)
    found = plugins.section
    assert found("risk") is not None and found("risk")["title"] == "Risk"
    assert found("RISKBEDÖMNING") is not None
    assert found("Riskbedömning")["name"] == "riskbedomning"  # type: ignore[index]
    assert found("Följder")["name"] == "konsekvenser"  # type: ignore[index]
    assert found("saknas") is None


def test_parse_entries_names_every_wrong_entry() -> None:
    def number(entry: str) -> int:
        if not entry.isdigit():
            raise ValueError(f"'{entry}' är inget tal")
        return int(entry)

    assert api.parse_entries("1; 2\n  3 ", number) == [1, 2, 3]
    assert api.parse_entries("  ", number) == []
    with pytest.raises(ValueError) as raised:
        api.parse_entries("1; x  y; 3; z", number)
    assert str(raised.value) == "'x y' är inget tal; 'z' är inget tal"


def test_example_plugins_import_only_the_api() -> None:
    plugins = Path(__file__).parent.parent / "plugins"
    sources = sorted(plugins.glob("*/sphinx_kommun_*/__init__.py"))
    assert len(sources) == 3
    for source in sources:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith("sphinx_kommun")
        }
        assert imported == {"sphinx_kommun.api"}, source
    assert set(api.__all__) <= set(dir(api))


def test_parse_person_reads_both_forms() -> None:
    signatory = api.parse_person("Karin Ernlund (C) [ej tjänstgörande]")
    assert (signatory.name, signatory.party, signatory.withdrawn) == (
        "Karin Ernlund",
        "C",
        True,
    )
    approver = api.parse_person(
        "Anna A, avdelningschef, social omsorg, 2020-09-07", with_dates=True
    )
    assert (approver.name, approver.role, str(approver.date)) == (
        "Anna A",
        "avdelningschef, social omsorg",
        "2020-09-07",
    )
    # without with_dates the last part is part of the role
    assert api.parse_person("Anna A, chef, 2020-09-07").role == "chef, 2020-09-07"


def test_parse_person_says_what_it_could_not_read() -> None:
    with pytest.raises(PersonError) as bad_date:
        api.parse_person("Anna A, chef, 2020-13-01", with_dates=True)
    assert bad_date.value.kind == "date"
    assert bad_date.value.value == "2020-13-01"
    assert bad_date.value.person.role == "chef"
    assert "inte ett giltigt datum" in str(bad_date.value)
    with pytest.raises(PersonError) as unreadable:
        api.parse_person("Anna (S) (M)")
    with pytest.raises(PersonError) as misplaced:
        api.parse_person("Anna A, 2020-09-07, chef", with_dates=True)
    assert misplaced.value.kind == "place"
    assert (misplaced.value.person.role, str(misplaced.value.person.date)) == (
        "chef",
        "2020-09-07",
    )
    assert unreadable.value.kind == "person"
    assert unreadable.value.person.name == "Anna (S) (M)"


def test_a_check_gets_the_project_read_only(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    """``kommun_checks`` gets an ``api.Project``: the model's objects, which
    a check can read but not change."""
    src = project_copy("case")
    (src / "lasplugin.py").write_text(
        textwrap.dedent(
            """
            from sphinx_kommun import api

            SEEN = []


            @api.hookimpl
            def kommun_checks(index):
                SEEN.append(index)
                yttranden = index.yttranden("KS 2019/1899")
                assert all(isinstance(y, api.Yttrande) for y in yttranden)
                index.by_id["nytt"] = yttranden[0]
                return []
            """
        ),
        encoding="utf-8",
    )
    append(
        src / "conf.py",
        "import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parent))\n"
        "kommun_plugins = ['lasplugin']\n",
    )
    app = build(src)
    plugin = sys.modules["lasplugin"]
    (project,) = plugin.SEEN
    assert isinstance(project, api.Project)
    assert "nytt" not in project.by_id
    assert re.search(
        r"pluginen 'lasplugin' misslyckades i kommun_checks: TypeError: "
        r"'mappingproxy' object does not support item assignment",
        warnings_of(app),
    )
    del sys.modules["lasplugin"]
