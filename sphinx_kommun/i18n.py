"""Translation of the texts readers see.

Message ids are the Swedish texts themselves: a Swedish project needs no
catalogue, and ``locale/en`` translates them for projects built in English.

Sphinx's own Swedish catalogue gets a few words a reader sees wrong (a
table's permalink is "Länk till detta bord", a piece of furniture; a
glossary term's "Länk till denna termin", a school term); ``locale/sv``'s
``sphinx`` catalogue corrects them and is put before Sphinx's own when a
project is in Swedish (:func:`correct_sphinx`). The search page's messages
come from ``translations.js``, Sphinx's ``sphinx.js`` of the language:
``locale_js`` holds Sphinx's with the same corrections, found first.
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path
from typing import cast

from sphinx import locale
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import _TranslationProxy, get_translation
from sphinx.util.i18n import CatalogRepository

CATALOG = "sphinx_kommun"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)


def N_(message: str) -> str:  # noqa: N802  (the gettext convention)
    """Mark a message for the catalogue; it is translated where it is used."""
    return message


def lazy(message: str) -> str:
    """``message`` translated each time it is read as text, in the language
    of the build running then: for a class's text that Sphinx reads (an
    index's title), which ``_`` would translate once, in the language of
    the first build of the process."""
    return cast("str", _TranslationProxy(CATALOG, "general", message))


def register(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.connect("config-inited", correct_sphinx)


#: Sphinx's catalogue, and where Sphinx keeps its translator.
SPHINX_CATALOG = "sphinx"
SPHINX_KEY = ("general", SPHINX_CATALOG)
#: Sphinx's ``sphinx.js`` with our corrections, per language: what an HTML
#: build copies to ``_static/translations.js`` (Sphinx looks for it in
#: ``locale_dirs`` before its own). A directory of its own: Sphinx compiles
#: the .po files it finds in ``locale_dirs``.
JS_DIR = Path(__file__).parent / "locale_js"


def correct_sphinx(app: Sphinx, config: Config) -> None:
    """``config-inited``: our corrections of Sphinx's own messages in the
    project's language (if we have any), behind the project's own
    ``sphinx.po`` in its ``locale_dirs`` (a kommun's own words win) and
    ahead of Sphinx's catalogue; for the search page's script too."""
    language = config.language or "en"
    own_dirs = CatalogRepository(
        app.srcdir, config.locale_dirs, language, config.source_encoding
    ).locale_dirs
    if js_path(language).is_file() and str(JS_DIR) not in config.locale_dirs:
        config.locale_dirs = [*config.locale_dirs, str(JS_DIR)]
    found = gettext.translation(
        SPHINX_CATALOG, str(LOCALE_DIR), languages=[language], fallback=True
    )
    if type(found) is gettext.NullTranslations:
        return
    current = locale.translators.get(SPHINX_KEY)
    if current is not None:
        found.add_fallback(current)
    for folder in reversed(list(own_dirs)):
        own = gettext.translation(
            SPHINX_CATALOG, str(folder), languages=[language], fallback=True
        )
        if type(own) is not gettext.NullTranslations:
            own.add_fallback(found)
            found = own
    locale.translators[SPHINX_KEY] = found
    app.translator = found  # what the templates get


# -- maintaining the catalogue (python -m sphinx_kommun.i18n) -----------------

PACKAGE_DIR = Path(__file__).parent
KEYWORDS = {"_": None, "N_": None}


def extract_messages() -> dict[str, tuple[str, int]]:
    """Every message id in the package, with where it is first used."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, tuple[str, int]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE_DIR),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
    ):
        if isinstance(message, str) and message:
            found.setdefault(message, (filename, lineno))
    return found


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOG}.po"


def update(language: str = "en") -> None:
    """Add new message ids to the catalogue and drop the ones no longer used."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    path = po_path(language)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language, domain=CATALOG)
    else:
        catalog = Catalog(locale=language, domain=CATALOG, project="sphinx-kommun")
    template = Catalog(domain=CATALOG, creation_date=catalog.creation_date)
    for message, (filename, lineno) in extract_messages().items():
        template.add(message, locations=[(filename, lineno)])
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=88, sort_output=True, no_location=True)


def sphinx_po_path(language: str = "sv") -> Path:
    """Our corrections of Sphinx's own catalogue (see the module's description)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{SPHINX_CATALOG}.po"


def js_path(language: str = "sv") -> Path:
    return JS_DIR / language / "LC_MESSAGES" / f"{SPHINX_CATALOG}.js"


def corrected_js(language: str = "sv") -> str:
    """Sphinx's ``sphinx.js`` of ``language`` with the messages our
    ``sphinx`` catalogue corrects (those the script has)."""
    from babel.messages.pofile import read_po
    from sphinx import package_dir

    theirs = Path(package_dir, "locale", language, "LC_MESSAGES", "sphinx.js")
    text = theirs.read_text(encoding="utf-8").strip()
    prefix, suffix = "Documentation.addTranslations(", ");"
    assert text.startswith(prefix) and text.endswith(suffix), theirs
    catalogue = json.loads(text[len(prefix) : -len(suffix)])
    messages = catalogue["messages"]
    with sphinx_po_path(language).open("rb") as handle:
        for message in read_po(handle, locale=language):
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            if key and key in messages:
                string = message.string
                messages[key] = list(string) if isinstance(string, tuple) else string
    # ASCII, as Sphinx writes it: a page may load it without a charset
    body = json.dumps(catalogue, indent=4, sort_keys=True)
    return f"{prefix}{body}{suffix}\n"


def compile_catalog(language: str = "en", path: Path | None = None) -> bytes:
    """The .mo file of a catalogue (ours in ``language``, or the .po file
    ``path``), as bytes."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (path or po_path(language)).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    import sys

    command = (argv if argv is not None else sys.argv[1:]) or ["update"]
    if command[0] == "update":
        update()
        po_path("en").with_suffix(".mo").write_bytes(compile_catalog())
        fixes = sphinx_po_path()
        fixes.with_suffix(".mo").write_bytes(compile_catalog("sv", fixes))
        js_path().parent.mkdir(parents=True, exist_ok=True)
        js_path().write_text(corrected_js(), encoding="utf-8")
        print(f"updated {po_path('en')}")
    else:
        raise SystemExit("usage: python -m sphinx_kommun.i18n [update]")


if __name__ == "__main__":
    main()
