"""``new motion``, ``new skrivelse``, ``new medborgarforslag``, ``new
e-forslag`` and ``new framstallning``: the document that starts an ärende,
with its authors and att-satser, in the ärende's folder and toctree."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..i18n import N_
from . import documents
from .files import add, arende_of, checked_dnr, date, profile
from .project import dnr_of, entries, project_dir
from .term import _, ask, interactive
from .text import one_line


@dataclass(frozen=True)
class Shape:
    """One kind of initiating document as ``new`` writes it."""

    #: the directive, and the subcommand and file name
    name: str
    #: its page's title when it has no rubrik
    label: str
    help: str
    #: the option of its authors, the command line's (once per author),
    #: and what an author is
    authors: str
    flag: str
    author_help: str
    #: whether it is filed in fullmäktige (else its :organ: has no default)
    in_council: bool
    #: the comment that says what to write
    text: str


SHAPES = (
    Shape(
        "motion",
        N_("Motion"),
        N_("en motion med sina motionärer och att-satser"),
        "motionarer",
        "--motionar",
        N_("en motionär, Namn (Parti), flera gånger"),
        True,
        N_("Skriv motionens text här, före att-satserna."),
    ),
    Shape(
        "skrivelse",
        N_("Skrivelse"),
        N_("en skrivelse från ett kommunalråd eller en ledamot"),
        "forfattare",
        "--forfattare",
        N_("en författare, Namn (Parti), flera gånger"),
        False,
        N_("Skriv skrivelsens text här, före att-satserna."),
    ),
    Shape(
        "medborgarforslag",
        N_("Medborgarförslag"),
        N_("ett medborgarförslag med sina förslagsställare"),
        "forslagsstallare",
        "--forslagsstallare",
        N_("en förslagsställare, Namn, flera gånger"),
        True,
        N_("Skriv medborgarförslagets text här."),
    ),
    Shape(
        "e-forslag",
        N_("E-förslag"),
        N_("ett e-förslag med sina förslagsställare"),
        "forslagsstallare",
        "--forslagsstallare",
        N_("en förslagsställare, Namn, flera gånger"),
        True,
        N_("Skriv e-förslagets text här."),
    ),
    Shape(
        "framstallning",
        N_("Framställning"),
        N_("en framställning från en nämnd, ett bolag eller en annan organisation"),
        "fran",
        "--fran",
        N_("vem den kommer från, flera gånger"),
        False,
        N_("Skriv framställningens text här."),
    ),
)


def add_parsers(
    kinds: Any, kind: Callable[[Any, str, str], argparse.ArgumentParser]
) -> None:
    for shape in SHAPES:
        parser = kind(kinds, shape.name, _(shape.help))
        parser.add_argument("--rubrik", help=_("rubriken (förval: ärendets rubrik)"))
        parser.add_argument(
            shape.flag,
            dest="authors",
            action="append",
            default=[],
            help=_(shape.author_help),
        )
        if shape.authors in ("motionarer", "forfattare"):
            parser.add_argument(
                "--parti", help=_("parti för den som skrivs utan parti, t.ex. V")
            )
        parser.add_argument(
            "--inlamnad", type=date, help=_("dagen den lämnades in (förval: i dag)")
        )
        parser.add_argument(
            "--organ",
            help=_("organet den lämnades till (förval: profilens fullmäktige)")
            if shape.in_council
            else _("organet den lämnades till"),
        )
        parser.add_argument("--nummer", help=_("numret den fick, t.ex. 2025:7"))
        parser.add_argument(
            "--eget-dnr",
            help=_("handlingens eget diarienummer, när ärendet har flera handlingar"),
        )
        parser.add_argument(
            "--att-sats",
            dest="att_satser",
            action="append",
            default=[],
            help=_('en att-sats, "att …" (flera gånger)'),
        )
        parser.set_defaults(run=run, shape=shape)


def with_party(authors: list[str], party: str | None) -> list[str]:
    """``Anna Berg`` with ``--parti V`` is ``Anna Berg (V)``; a name that
    names its party keeps it."""
    written = [one_line(a) for a in authors if a.strip()]
    if not party:
        return written
    return [a if a.endswith(")") else f"{a} ({party.strip()})" for a in written]


def run(args: argparse.Namespace) -> int:
    shape: Shape = args.shape
    srcdir = project_dir(args.dir)
    arende = arende_of(srcdir, checked_dnr(srcdir, args.dnr))
    dnr = dnr_of(arende)
    own = checked_dnr(srcdir, args.eget_dnr) if args.eget_dnr else ""
    authors = with_party(args.authors, getattr(args, "parti", None))
    if not authors and interactive():
        authors = entries(ask(_("Författare, Namn (Parti), åtskilda med ';'"), ""))
    title = args.rubrik or arende.options.get("rubrik", "")
    organ = args.organ or (profile(srcdir).council if shape.in_council else "")
    options: list[tuple[str, str | list[str]]] = [
        ("dnr", f"{dnr}, {own}" if own and own != dnr else dnr),
        ("inlamnad", args.inlamnad or dt.date.today().isoformat()),
        ("organ", one_line(organ)),
        ("nummer", args.nummer or ""),
        (shape.authors, authors),
    ]
    att_satser = [one_line(a) for a in args.att_satser if a.strip()]
    if not att_satser and shape.name == "motion":
        att_satser = [""]  # an empty one, which check names
    title = one_line(title)
    text = documents.initiating(
        shape.name, title or _(shape.label), title, options, _(shape.text), att_satser
    )
    add(arende.path, arende.path.parent / f"{shape.name}.rst", text, srcdir)
    return 0
