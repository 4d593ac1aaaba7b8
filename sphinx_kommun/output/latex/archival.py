"""PDF/A for the archive: ``\\DocumentMetadata`` before each PDF's class.

LaTeX's PDF management (in the kernel since 2022, with
``pdfmanagement-testphase`` from TeX Live's latex-recommended) writes a
PDF/A when the document starts with ``\\DocumentMetadata{pdfstandard=…}``:
the XMP metadata from ``\\hypersetup`` (title, the diarienummer as subject,
the municipality as author, the language), the sRGB output intent, and
every font embedded. It must come before ``\\documentclass``, where
Sphinx's LaTeX template gives a project no place, so each .tex file the
builder has written gets it as its first line. (A project whose own
template already writes ``\\DocumentMetadata`` is left as it is.)

Tagging (``testphase``) is not switched on: with TeX Live 2022 the
structure tree of a handling holds paragraphs and links but no headings,
lists or tables, and tagpdf warns of hundreds of invalid nestings (see
README, "PDF for the archive").
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ...config import KommunConfig


def language_tag(config: Config) -> str:
    """The documents' language as a BCP 47 tag (``sv-SE``)."""
    language = config.language or "sv"
    return {"sv": "sv-SE", "en": "en-GB"}.get(language, language.replace("_", "-"))


def document_metadata(config: Config) -> str:
    """The ``\\DocumentMetadata`` line of the project's PDFs, or "" when
    ``kommun_pdf_standard`` is off."""
    standard = KommunConfig.from_config(config).pdf_standard
    if standard == "off":
        return ""
    version = "1.4" if standard.startswith("A-1") else "1.7"
    return (
        f"\\DocumentMetadata{{pdfstandard={standard}, pdfversion={version}, "
        f"lang={language_tag(config)}}}\n"
    )


def has_metadata(tex: str) -> bool:
    """Whether the preamble before ``\\documentclass`` sets the metadata."""
    return "\\DocumentMetadata" in tex.split("\\documentclass", 1)[0]


def add_metadata(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the metadata line at the top of every .tex file
    of ``latex_documents``."""
    if exception is not None or app.builder.format != "latex":
        return
    line = document_metadata(app.config)
    if not line:
        return
    for entry in app.config.latex_documents:
        path = Path(app.outdir, entry[1])
        if not path.is_file():
            continue
        tex = path.read_text(encoding="utf-8")
        if not has_metadata(tex):
            path.write_text(line + tex, encoding="utf-8")
