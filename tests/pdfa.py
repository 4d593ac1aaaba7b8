"""What a PDF/A-2b needs, checked with pikepdf (ISO 19005-2, level B).

No free PDF/A validator is packaged for Debian (veraPDF is not), so the
requirements a LaTeX-made PDF could miss are checked one by one: the
PDF/A identification and the document's metadata in XMP, agreeing with
the document information dictionary; an output intent with an embedded
ICC profile; every font embedded; a file identifier; no encryption, no
JavaScript, no LZW, no embedded files; every annotation printable and
not hidden; PDF 1.7 at most; the document's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pikepdf

#: Annotation flags (PDF 32000-1, 12.5.3): Print must be set, these not.
PRINT, FORBIDDEN = 4, 1 | 2 | 32  # Invisible, Hidden, NoView


def _fonts(
    resources: pikepdf.Dictionary, seen: set[tuple[int, int]]
) -> Iterator[pikepdf.Object]:
    """The fonts of ``resources`` and of the form XObjects they use."""
    yield from resources.get("/Font", {}).values()
    for xobject in resources.get("/XObject", {}).values():
        if xobject.objgen in seen or xobject.get("/Subtype") != "/Form":
            continue
        seen.add(xobject.objgen)
        yield from _fonts(xobject.get("/Resources", pikepdf.Dictionary()), seen)


def _embedded(font: pikepdf.Object) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # its glyphs are content streams of the file
    if font.get("/Subtype") == "/Type0":
        return all(_embedded(f) for f in font.DescendantFonts)
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def problems(path: Path, *, subject: str) -> list[str]:
    """What keeps the PDF at ``path`` from being a PDF/A-2b whose subject
    (the diarienummer) is ``subject``; empty when nothing does."""
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        if (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) != ("2", "B"):
            found.append("XMP does not identify the file as PDF/A-2b")
        info = pdf.docinfo
        for xmp, key in (("dc:title", "/Title"), ("dc:description", "/Subject")):
            if str(meta.get(xmp, "")) != str(info.get(key, "")):
                found.append(f"XMP {xmp} differs from the info dictionary's {key}")
        if subject not in str(meta.get("dc:description", "")):
            found.append(f"XMP dc:description lacks {subject!r}")
        if not str(pdf.Root.get("/Lang", "")):
            found.append("no document language")
        intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.S == "/GTS_PDFA1"]
        if not intents or "/DestOutputProfile" not in intents[0]:
            found.append("no PDF/A output intent with an ICC profile")
        if "/ID" not in pdf.trailer:
            found.append("no file identifier")
        if pdf.is_encrypted:
            found.append("encrypted")
        if float(pdf.pdf_version) > 1.7:
            found.append(f"PDF version {pdf.pdf_version}")
        names = pdf.Root.get("/Names", pikepdf.Dictionary())
        found += [
            f"catalogue names {key}"
            for key in ("/JavaScript", "/EmbeddedFiles")
            if key in names
        ]
        seen: set[tuple[int, int]] = set()
        for number, page in enumerate(pdf.pages, 1):
            for font in _fonts(page.Resources, seen):
                if not _embedded(font):
                    found.append(
                        f"page {number}: font {font.get('/BaseFont')} not embedded"
                    )
            for annot in page.get("/Annots", []):
                flags = int(annot.get("/F", 0))
                if not flags & PRINT or flags & FORBIDDEN:
                    found.append(f"page {number}: annotation flags {flags}")
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and "/LZWDecode" in str(
                obj.get("/Filter", "")
            ):
                found.append("an LZW-compressed stream")
    return found
