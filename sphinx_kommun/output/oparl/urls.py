"""Where the OParl export puts each object, and the addresses it links.

Every OParl object is a JSON file below the export's base address
(``kommun_oparl_url``, else ``html_baseurl`` + ``oparl/``), named by its
type and a key derived from what it is (an object's id, a body's name),
so an object keeps its address from build to build:
``paper/ks-2024-0123-motion.json``, ``organization/kommunstyrelsen.json``.
Keys are ASCII, as the PDFs' file names are (:func:`render.file_name`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from sphinx.config import Config

from ...config import KommunConfig
from ...render import file_name

#: OParl 1.1's type URLs, e.g. ``https://schema.oparl.org/1.1/Paper``.
SCHEMA = "https://schema.oparl.org/1.1/"
#: What our own properties are prefixed with (OParl 1.1, section 3
#: "Herstellerspezifische Erweiterungen").
PREFIX = "sk:"


def slashed(url: str) -> str:
    return url if not url or url.endswith("/") else url + "/"


def export_base(config: Config) -> str:
    """The export's base address ("" when neither setting gives one)."""
    own = KommunConfig.from_config(config).oparl_url
    if own:
        return slashed(own)
    html = str(config.html_baseurl or "")
    return slashed(html) + "oparl/" if html else ""


def html_base(config: Config) -> str:
    return slashed(str(config.html_baseurl or ""))


@dataclass
class Site:
    """The addresses of one export: its objects, the HTML pages, the PDFs."""

    base: str
    html: str = ""
    suffix: str = ".html"
    pdf: str = ""
    _keys: dict[tuple[str, str], str] = field(default_factory=dict)
    _taken: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, config: Config) -> Site:
        return cls(
            base=export_base(config),
            html=html_base(config),
            suffix=str(config.html_file_suffix or ".html"),
            pdf=KommunConfig.from_config(config).pdf_url,
        )

    def url(self, kind: str, name: str) -> str:
        """The address of the ``kind`` object named ``name`` (the same name
        gives the same address; two names that spell one key get two)."""
        if (kind, name) not in self._keys:
            key = file_name(name)
            number = 1
            while (kind, key) in self._taken:
                number += 1
                key = f"{file_name(name)}-{number}"
            self._taken.add((kind, key))
            self._keys[kind, name] = key
        return f"{self.base}{kind}/{self._keys[kind, name]}.json"

    def at(self, path: str) -> str:
        """The address of a file of the export (a list: ``body.json``)."""
        return self.base + path

    def path(self, url: str) -> str:
        """The file an object's address is written to, below the output."""
        return url[len(self.base) :]

    def page(self, docname: str, anchor: str = "") -> str:
        """The address of a page of the HTML build (relative without
        ``html_baseurl``)."""
        url = self.html + quote(docname + self.suffix)
        return f"{url}#{quote(anchor)}" if anchor else url

    def pdf_file(self, name: str) -> str:
        """The address of a PDF where ``kommun_pdf_url`` says the PDFs are
        published ("" where it does not)."""
        if not self.pdf:
            return ""
        folder = slashed(self.pdf)
        if "://" not in folder and not folder.startswith("/"):
            folder = self.html + folder
        return folder + quote(file_name(name) + ".pdf")
