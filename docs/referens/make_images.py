"""Render one reference page per document kind from the example's PDFs.

    python docs/referens/make_images.py   # after building the PDFs

Reads example_project/_build/latex/*.pdf and writes a PNG per kind here,
finding each kind's first page by its running header.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).parent
LATEX = HERE.parent.parent / "example_project" / "_build" / "latex"

#: image name -> (PDF, text that must be on the page, text that must not)
PAGES = {
    "sammantrade": (
        "kommunfullmaktige-2021-03-15",
        "Föredragningslista",
        "Mina synpunkter",
    ),
    "arende": ("ks-2019-1899", "Handlingar i ärendet", "Att-sats 1"),
    "motion": ("ks-2019-1899", "Att-sats 1", "Handlingar i ärendet"),
    "remiss": ("ks-2019-1899", "Remissinstans", "Sammanfattning"),
    "yttrande": ("ks-2019-1899", "Carina Cronwall", "Remissvar i sammandrag"),
    "utlatande": ("ks-2019-1899", "Föredragande borgarrådet", "Sida 2"),
    "remissammanstallning": (
        "ks-2019-1899",
        "Remissvar i sammandrag",
        "Mina synpunkter",
    ),
    "beslut": ("ks-2019-1899", "Utfall", "Remissvar"),
}


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    return text.split("\f")


def main() -> None:
    for name, (stem, wanted, unwanted) in PAGES.items():
        pdf = LATEX / f"{stem}.pdf"
        pages = page_texts(pdf)
        number = next(
            n
            for n, text in enumerate(pages, start=1)
            if wanted in text and unwanted not in text
        )
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(number),
             "-l", str(number), str(pdf), str(HERE / name)],
            check=True,
        )  # fmt: skip
        print(f"{name}: {pdf.name} page {number}")


if __name__ == "__main__":
    main()
