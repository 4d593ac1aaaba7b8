"""The English catalogue covers every message and its .mo is compiled."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from sphinx.testing.util import SphinxTestApp

from sphinx_kommun.i18n import CATALOG, compile_catalog, extract_messages, po_path
from sphinx_kommun.testing import warnings_of

from .conftest import html_text


def test_catalogue_has_every_message_translated() -> None:
    with po_path("en").open("rb") as handle:
        catalog = read_po(handle, locale="en", domain=CATALOG)
    in_catalogue = {m.id for m in catalog if m.id}
    in_code = set(extract_messages())
    assert in_code - in_catalogue == set(), "run: python -m sphinx_kommun.i18n"
    assert in_catalogue - in_code == set(), "obsolete messages"
    untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []


def _translations(catalog: Catalog) -> dict[object, object]:
    return {m.id: m.string for m in catalog if m.id}


def test_compiled_catalogue_is_up_to_date() -> None:
    """The .mo holds what the .po holds (compared message by message: the
    bytes name the Babel version that wrote them)."""
    with po_path("en").with_suffix(".mo").open("rb") as handle:
        committed = read_mo(handle)
    compiled = read_mo(io.BytesIO(compile_catalog("en")))
    assert _translations(committed) == _translations(compiled)
    assert len(_translations(committed)) > 100


def test_english_build_uses_the_catalogue(
    project_copy: Callable[[str], Path], build: Callable[..., SphinxTestApp]
) -> None:
    app = build(project_copy("case"), confoverrides={"language": "en"})
    assert warnings_of(app) == ""
    text = html_text(app.outdir / "utlatande.html")
    assert "Bromma stadsdelsnämnd decided at its meeting on 24 September 2020" in text
    assert "The matter was referred to" in text
    assert "Stadsledningskontoret, Bromma stadsdelsnämnd, and Kungsholmens" in text
