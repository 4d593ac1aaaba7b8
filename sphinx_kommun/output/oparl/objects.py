"""The export being made: its OParl objects by address, and the objects
every part shares (the kommun's Body, organizations, people, page files)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ...domain.index import ObjectIndex
from ...domain.members import Register
from ...domain.model import KommunObject, Person, RoleRef, dnr_slug
from ...domain.people import People
from ...domain.remote import is_federated, page_of
from ...kinds.arende import Arende
from ...swedish import normalise
from .urls import PREFIX, SCHEMA, Site

Json = dict[str, Any]


def compact(props: dict[str, Any]) -> Json:
    """``props`` without the empty ones (None, "", [], {})."""
    return {k: v for k, v in props.items() if v is not None and v != "" and v != []}


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def own(obj: KommunObject) -> bool:
    """Whether ``obj`` is this project's (not read from another project,
    which publishes it itself: :mod:`sphinx_kommun.domain.federation`)."""
    return not is_federated(obj.docname)


def ext(**props: Any) -> Json:
    """Our own properties, prefixed (empty ones left out)."""
    return {PREFIX + k: v for k, v in compact(props).items() if v != {}}


@dataclass
class Export:
    """What the export holds so far, by address."""

    site: Site
    index: ObjectIndex
    #: the kommun's name (the Body)
    kommun: str
    #: a page's source's modification time, as OParl's date-time ("" unknown)
    modified: Callable[[str], str]
    #: the number of a body's first § of the year (``kommun_forsta_paragraf``)
    first_paragraf: int = 1
    #: the register of members (empty without ``kommun_ledamoter``)
    register: Register = field(default_factory=Register)
    objects: dict[str, Json] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    _pages: dict[str, Json] = field(default_factory=dict)
    _refs: dict[str, list[RoleRef]] | None = None
    _people: People | None = None

    @property
    def body(self) -> str:
        return self.site.url("body", self.kommun)

    def refs_from(self, source: str) -> list[RoleRef]:
        """The references written in the object ``source``."""
        if self._refs is None:
            self._refs = {}
            for ref in self.index.refs:
                self._refs.setdefault(ref.source, []).append(ref)
        return self._refs.get(source, [])

    def new(self, kind: str, url: str, **props: Any) -> Json:
        """A new OParl object of type ``kind`` at ``url``, kept for writing."""
        obj = {"id": url, "type": SCHEMA + kind, **compact(props)}
        self.objects[url] = obj
        return obj

    def last_modified(self, docnames: Iterable[str]) -> str | None:
        times = [t for t in (self.modified(d) for d in set(docnames)) if t]
        return max(times) if times else None

    # -- what papers and meetings name ---------------------------------------

    def organization(self, name: str) -> str:
        """The address of the organization ``name`` (made on first mention;
        names that differ only in case or spaces are one)."""
        name = " ".join(name.split())
        key = normalise(name)
        if key not in self.organizations:
            url = self.site.url("organization", key)
            self.organizations[key] = url
            self.new("Organization", url, body=self.body, name=name)
        return self.organizations[key]

    def organizations_of(self, *names: str) -> list[str]:
        return list(dict.fromkeys(self.organization(n) for n in names if n.strip()))

    def person(self, name: str, party: str = "") -> str:
        """The address of the person ``name`` (made on first mention): of
        namesakes in the register, the one of ``party`` (:mod:`~sphinx_kommun.
        domain.people`); a name it cannot tell apart a Person of its own,
        by name and party as written."""
        name = " ".join(name.split())
        key = self._person_key(name, party)
        if key not in self.people:
            url = self.site.url("person", key)
            self.people[key] = url
            self.new("Person", url, body=self.body, name=name, **ext(parti=party))
        person = self.objects[self.people[key]]
        if party and PREFIX + "parti" not in person:
            person[PREFIX + "parti"] = party
        return self.people[key]

    def _person_key(self, name: str, party: str) -> str:
        if self._people is None:
            self._people = People(self.register)
        if len(self._people.named(name)) < 2:
            return normalise(name)
        found = self._people.identify(name, party)
        return normalise(f"{name} {found.party if found else party}")

    def persons(self, people: Iterable[Person]) -> list[str]:
        return list(dict.fromkeys(self.person(p.name, p.party) for p in people))

    # -- papers ------------------------------------------------------------------

    def exported(self, dnr: str) -> bool:
        """Whether the ärende ``dnr`` is a paper of this export (objects of
        it are this project's)."""
        return any(own(obj) for obj in self.index.of_dnr(dnr))

    def arende_url(self, dnr: str) -> str:
        """The address of the ärende ``dnr``'s paper."""
        canonical = self.index.canonical(dnr)
        arende = self.index.arende(canonical)
        return self.site.url("paper", arende.id if arende else dnr_slug(canonical))

    def paper_url(self, obj: KommunObject) -> str:
        """The address of the paper ``obj`` is (an ärende's, a document's) or
        is in (an att-sats's, a beslutspunkt's: its document's)."""
        if isinstance(obj, Arende):
            return self.arende_url(obj.dnr)
        owner = getattr(obj, "initiativ", None) or getattr(obj, "proposal", None)
        found = self.index.get(owner) if isinstance(owner, str) else None
        return (
            self.paper_url(found)
            if found is not None
            else self.site.url("paper", obj.id)
        )

    def web(self, obj: KommunObject) -> str:
        """The address of ``obj`` on its page, here or in its own project."""
        if own(obj):
            return self.site.page(obj.docname, obj.id)
        return f"{page_of(obj.docname)}#{quote(obj.id)}"

    def page_file(self, docname: str) -> Json:
        """The File of a page of the HTML build (made on first mention)."""
        if docname not in self._pages:
            url = self.site.page(docname)
            self._pages[docname] = self.new(
                "File",
                self.site.url("file", docname),
                name=self.index.page_title(docname) or docname,
                fileName=docname.rsplit("/", 1)[-1] + self.site.suffix,
                mimeType="text/html",
                accessUrl=url,
                web=url,
                modified=self.modified(docname),
            )
        return self._pages[docname]

    def pdf_file(self, name: str, title: str) -> Json | None:
        """The File of a PDF (where ``kommun_pdf_url`` says they are)."""
        url = self.site.pdf_file(name)
        if not url:
            return None
        return self.new(
            "File",
            self.site.url("file", f"{name}.pdf"),
            name=title,
            fileName=url.rsplit("/", 1)[-1],
            mimeType="application/pdf",
            accessUrl=url,
            downloadUrl=url,
        )

    def filed_on(self, file: Json, key: str, url: str) -> None:
        """Note on a File the paper or meeting it belongs to."""
        file.setdefault(key, [])
        if url not in file[key]:
            file[key].append(url)
