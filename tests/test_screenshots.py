"""The reference images in docs/screenshots/ (``make screenshots`` makes them
anew with the browser test ``test_reference_screenshot``): there, of the
sizes the browser test takes them at, small, and shown in the docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import SCREENSHOT_SIZES, SCREENSHOTS, png_size

ROOT = Path(__file__).parent.parent
FOLDER = ROOT / "docs" / "screenshots"
IMAGES = [
    f"{name}-{width}.png" for name in SCREENSHOTS.values() for width in SCREENSHOT_SIZES
]


def test_the_screenshots_are_the_four_pages_and_widths() -> None:
    assert IMAGES == [
        "utlatande-1280.png",
        "utlatande-390.png",
        "motion-1280.png",
        "motion-390.png",
    ]
    assert sorted(path.name for path in FOLDER.glob("*.png")) == sorted(IMAGES)


@pytest.mark.parametrize("image", IMAGES)
def test_a_reference_image_has_its_stated_size(image: str) -> None:
    path = FOLDER / image
    width = int(path.stem.rsplit("-", 1)[1])
    assert png_size(path) == (width, SCREENSHOT_SIZES[width])
    assert 5_000 < path.stat().st_size < 100_000, path.stat().st_size


def test_the_docs_show_the_reference_images() -> None:
    page = (FOLDER / "README.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for image in IMAGES:
        width = int(image.removesuffix(".png").rsplit("-", 1)[1])
        height = SCREENSHOT_SIZES[width]
        assert f"]({image})" in page, image
        assert f"{width} × {height} px" in page, image
        assert f"docs/screenshots/{image}" in readme, image
    assert "make screenshots" in page
