"""``sphinx-kommun new``: a new ärende, its initiating document (motion,
skrivelse, medborgarförslag …), remiss, yttrande, reservation,
tjänsteskrivelse, utlåtande and beslut, a sammanträde, its kallelse and
protokoll, in its place in the project and in the right toctree, with
every option the kind needs filled in from the command line or left empty
(``check`` then names what is missing, at its line)."""

from __future__ import annotations

import argparse
from typing import Any

from . import answers, cases, initiating, meetings, proposals
from .files import date
from .term import _, add_project_dir


def add_parser(commands: Any) -> None:
    new = commands.add_parser(
        "new",
        help=_("skapa en ny handling"),
        description=_(
            "Skapar en ny handling på rätt plats i projektet och lägger den "
            "i rätt innehållsförteckning."
        ),
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="SLAG")
    _arende(kinds)
    initiating.add_parsers(kinds, _kind)
    _remiss(kinds)
    _yttrande(kinds)
    _reservation(kinds)
    proposals.add_parsers(kinds, _kind)
    _sammantrade(kinds)
    meetings.add_parsers(kinds, _kind)


def _kind(
    kinds: Any, name: str, help: str, dnr: bool = True
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = kinds.add_parser(
        name, help=help, description=help
    )
    if dnr:
        parser.add_argument("dnr", metavar="DNR", help=_("ärendets diarienummer"))
    add_project_dir(parser, option=True)
    return parser


def _arende(kinds: Any) -> None:
    parser = _kind(kinds, "arende", _("ett nytt ärende, med sin sida i arenden/"))
    parser.add_argument("--rubrik", help=_("ärendets rubrik"))
    parser.add_argument(
        "--ansvarig", help=_("ansvarigt organ (förval: profilens styrelse)")
    )
    parser.set_defaults(run=cases.run_arende)


def _remiss(kinds: Any) -> None:
    parser = _kind(kinds, "remiss", _("ärendets remiss"))
    parser.add_argument(
        "--instans",
        action="append",
        default=[],
        help=_("en remissinstans (flera gånger)"),
    )
    parser.add_argument("--avsandare", help=_("avsändare (förval: profilens styrelse)"))
    parser.add_argument("--datum", type=date, help=_("remissdatum (förval: i dag)"))
    parser.add_argument("--svar-senast", type=date, help=_("sista svarsdag"))
    parser.set_defaults(run=cases.run_remiss)


def _yttrande(kinds: Any) -> None:
    parser = _kind(kinds, "yttrande", _("en remissinstans yttrande"))
    parser.add_argument(
        "--instans", help=_("remissinstansen, som remissen skriver den")
    )
    parser.add_argument("--forvaltning", help=_("förvaltningen som skrev underlaget"))
    parser.add_argument("--datum", type=date, help=_("förvaltningens datum"))
    parser.add_argument(
        "--sammantrade", type=date, help=_("nämndens sammanträdesdatum")
    )
    parser.add_argument("--handlaggare", help=_("handläggare"))
    parser.add_argument(
        "--sammanfattning", help=_('en mening till beredningen ("anser att …")')
    )
    parser.add_argument(
        "--stallning", help=_('ställning ("tillstyrker", "1: avstyrker")')
    )
    parser.set_defaults(run=answers.run_yttrande)


def _reservation(kinds: Any) -> None:
    parser = _kind(kinds, "reservation", _("en reservation, ett särskilt uttalande …"))
    parser.add_argument(
        "--typ",
        default="reservation",
        help=_(
            "reservation, särskilt uttalande, ersättaryttrande eller protokollsanteckning"
        ),
    )
    parser.add_argument("--organ", help=_("organet där den gjordes"))
    parser.add_argument(
        "--forfattare",
        action="append",
        default=[],
        help=_("Namn (Parti), flera gånger"),
    )
    parser.add_argument(
        "--avser", help=_("vad den avser (ett yttrande, beslut, punkt 2)")
    )
    parser.add_argument("--datum", type=date, help=_("datum"))
    parser.set_defaults(run=answers.run_reservation)


def _sammantrade(kinds: Any) -> None:
    parser = _kind(
        kinds, "sammantrade", _("ett sammanträde i sammantraden/"), dnr=False
    )
    parser.add_argument("datum", metavar=_("DATUM"), type=date, help=_("ÅÅÅÅ-MM-DD"))
    parser.add_argument("--organ", help=_("organet (förval: profilens fullmäktige)"))
    parser.add_argument("--tid", help=_("tid, t.ex. 18.00"))
    parser.add_argument("--plats", help=_("plats"))
    parser.add_argument(
        "--arende",
        action="append",
        default=[],
        help=_("ett ärende på föredragningslistan (flera gånger)"),
    )
    parser.set_defaults(run=cases.run_sammantrade)
