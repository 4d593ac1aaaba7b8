"""Every object is a sphinx-needs need, with fields and links."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.testing import warnings_of

from .conftest import append, cut_before, edit, html_text


def load_needs(outdir: Path) -> dict[str, Any]:
    data = json.loads((outdir / "needs.json").read_text(encoding="utf-8"))
    return data["versions"][data["current_version"]]["needs"]


def test_needs_json_holds_every_object_with_links(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("case"), "needs")
    assert warnings_of(app) == ""
    needs = load_needs(app.outdir)
    by_type: dict[str, list[str]] = {}
    for need in needs.values():
        by_type.setdefault(need["type"], []).append(need["id"])
    assert {kind: len(ids) for kind, ids in by_type.items()} == {
        "arende": 2,
        "motion": 1,
        "yrkande": 2,
        "remiss": 1,
        "yttrande": 3,
        "reservation": 1,
        "utlatande": 1,
        "beslut": 1,
        "sammantrade": 1,
    }
    bromma = needs["ks-2019-1899-yttrande-bromma-stadsdelsnämnd"]
    assert bromma["instans"] == "Bromma stadsdelsnämnd"
    assert bromma["sammantrade"] == "2020-09-24"
    assert bromma["stallning"] == "1: avstyrker; 2: ingen erinran"
    assert set(bromma["besvarar"]) == {
        "ks-2019-1899-remiss",
        "ks-2019-1899-motion-att-sats-1",
        "ks-2019-1899-motion-att-sats-2",
    }
    assert bromma["arende"] == ["ks-2019-1899"]
    first = needs["ks-2019-1899-motion-att-sats-1"]
    assert first["avser"] == ["ks-2019-1899-motion"]
    assert "ks-2019-1899-yttrande-bromma-stadsdelsnämnd" in first["besvarar_back"]
    assert first["beslutar_back"] == ["ks-2019-1899-beslut-kommunstyrelsen"]
    reservation = next(n for n in needs.values() if n["type"] == "reservation")
    assert reservation["avser"] == ["ks-2019-1899-yttrande-bromma-stadsdelsnämnd"]
    assert needs["ks-2019-1899"]["relaterat"] == ["ks-2019-656"]
    meeting = next(n for n in needs.values() if n["type"] == "sammantrade")
    assert meeting["behandlar"] == ["ks-2019-1899"]
    assert meeting["datum"] == "2021-03-15"


def test_needtable_lists_objects_and_follows_changes(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    app = build(src)
    table = html_text(app.outdir / "annat.html")
    assert (
        "ks-2019-1899-yttrande-kungsholmens-stadsdelsnämnd Kungsholmens stadsdelsnämnd lämnar synpunkter"
        in table
    )
    edit(
        src / "yttrande-kungsholmen.rst",
        ":stallning: lämnar synpunkter",
        ":stallning: avstyrker",
    )
    app = build(src)
    table = html_text(app.outdir / "annat.html")
    assert "Kungsholmens stadsdelsnämnd avstyrker" in table


def test_needs_can_be_switched_off(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    # annat.rst keeps its needtable: a needs view would otherwise make them
    assert ".. needtable::" in (src / "annat.rst").read_text(encoding="utf-8")
    app = build(src, confoverrides={"kommun_needs": False})
    assert warnings_of(app) == ""
    from sphinx_needs.data import SphinxNeedsData

    assert SphinxNeedsData(app.env).get_needs_view() == {}
    assert "Bromma stadsdelsförvaltnings" in html_text(app.outdir / "utlatande.html")


def test_needs_warnings_see_the_objects_without_any_needs_view(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    cut_before(src / "annat.rst", "Spårbarhet")
    app = build(
        src,
        confoverrides={
            "needs_warnings": {
                "bromma-granskas": "type == 'yttrande' and "
                "instans == 'Bromma stadsdelsnämnd'"
            }
        },
    )
    assert "[needs.warnings]" in warnings_of(app)
    # sphinx-needs reports which filter matched which needs in its log
    report = app._status.getvalue()  # type: ignore[attr-defined]
    assert "bromma-granskas" in report
    assert "ks-2019-1899-yttrande-bromma-stadsdelsnämnd" in report


def test_needs_from_toml_keeps_the_objects(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    (src / "ubproject.toml").write_text(
        '[needs]\nid_required = false\n\n[[needs.types]]\ndirective = "krav"\n'
        'title = "Krav"\nprefix = "K_"\n',
        encoding="utf-8",
    )
    append(src / "annat.rst", "\n.. krav:: Ett eget krav\n   :id: K_1\n")
    app = build(src, "needs", confoverrides={"needs_from_toml": "ubproject.toml"})
    assert warnings_of(app) == ""
    needs = load_needs(app.outdir)
    assert needs["K_1"]["type"] == "krav"
    assert needs["ks-2019-1899-yttrande-bromma-stadsdelsnämnd"]["type"] == "yttrande"


def test_a_motion_without_att_satser_is_answered_and_decided_as_a_whole(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    src = project_copy("case")
    cut_before(src / "motion.rst", "   .. yrkande::")
    app = build(src, "needs")
    assert "[kommun.missing]" in warnings_of(app)  # the clerk is told
    needs = load_needs(app.outdir)
    yttrande = needs["ks-2019-1899-yttrande-bromma-stadsdelsnämnd"]
    assert "ks-2019-1899-motion" in yttrande["besvarar"]
    assert needs["ks-2019-1899-beslut-kommunstyrelsen"]["beslutar"] == [
        "ks-2019-1899-motion"
    ]
    assert (
        "ks-2019-1899-yttrande-bromma-stadsdelsnämnd"
        in (needs["ks-2019-1899-motion"]["besvarar_back"])
    )
