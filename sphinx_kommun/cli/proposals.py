"""``new tjansteskrivelse``, ``new utlatande`` and ``new beslut``: the
förvaltning's statement, the styrelse's proposal to fullmäktige and the
decision, in the ärende's folder and toctree.

A proposal's beslutspunkter default to the initiating documents'
att-satser, a keyword each for the clerk to write; a beslut is the body's
the last proposal is addressed to, on the day of its sammanträde with the
ärende on the agenda.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..swedish import capitalise, fold, in_sentence, slug
from . import documents, known
from .files import add, arende_of, checked_dnr, date, profile
from .project import Found, dnr_of, of_arende, project_dir
from .term import CliError, _, warn
from .text import one_line

Kind = Callable[[Any, str, str], argparse.ArgumentParser]


def add_parsers(kinds: Any, kind: Kind) -> None:
    _tjansteskrivelse(
        kind(kinds, "tjansteskrivelse", _("förvaltningens tjänsteskrivelse"))
    )
    _utlatande(kind(kinds, "utlatande", _("styrelsens utlåtande till fullmäktige")))
    _beslut(kind(kinds, "beslut", _("ett organs beslut i ärendet")))


def _proposal(parser: argparse.ArgumentParser) -> None:
    """The options every proposal has: its rubrik, its förslag till beslut,
    its date and signatories."""
    parser.add_argument(
        "--rubrik",
        help=_('rubriken (förval: ärendets rubrik, "Svar på motion om …")'),
    )
    parser.add_argument("--datum", type=date, help=_("datum"))
    parser.add_argument(
        "--undertecknare",
        action="append",
        default=[],
        help=_("Namn, titel (flera gånger)"),
    )
    proposal = parser.add_mutually_exclusive_group()
    proposal.add_argument(
        "--forslag",
        help=_(
            'förslaget till beslut: ett ord ("avslag", "anses besvarad"), en '
            'egen mening eller ett ord per att-sats ("1: bifall; 2: avslag"); '
            "förval: ett ord per att-sats att skriva in"
        ),
    )
    proposal.add_argument(
        "--punkt",
        action="append",
        default=[],
        help=_("en numrerad beslutspunkt (flera gånger)"),
    )


def _tjansteskrivelse(parser: argparse.ArgumentParser) -> None:
    _proposal(parser)
    parser.add_argument("--forvaltning", help=_("förvaltningen som skrev den"))
    parser.add_argument(
        "--till",
        help=_("nämnden eller styrelsen som beslutar (förval: ärendets ansvariga)"),
    )
    parser.add_argument(
        "--handlaggare",
        action="append",
        default=[],
        help=_("Namn, titel (flera gånger)"),
    )
    parser.set_defaults(run=run_tjansteskrivelse)


def _utlatande(parser: argparse.ArgumentParser) -> None:
    _proposal(parser)
    parser.add_argument(
        "--organ", help=_("organet som föreslår (förval: profilens styrelse)")
    )
    parser.add_argument(
        "--till", help=_("organet som beslutar (förval: profilens fullmäktige)")
    )
    parser.add_argument("--foredragande", help=_("föredragande, t.ex. kommunalrådet"))
    parser.add_argument("--ort", help=_("orten där det undertecknas"))
    parser.set_defaults(run=run_utlatande)


def _beslut(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--organ",
        help=_(
            "organet som beslutar (förval: det som ärendets senaste förslag är ställt till)"
        ),
    )
    parser.add_argument(
        "--datum",
        type=date,
        help=_("beslutsdatum (förval: dagen för organets sammanträde med ärendet)"),
    )
    parser.add_argument(
        "--utfall",
        help=_('utfallet: "enligt förslaget", "avslag", "1: bifall; 2: avslag"'),
    )
    parser.add_argument(
        "--underlag",
        action="append",
        default=[],
        help=_(
            "förslaget beslutet fattas på: utlåtandets eller tjänsteskrivelsens "
            'id, filnamn ("tjansteskrivelse-2") eller slag ("utlatande"); förval: '
            "förslaget som är ställt till organet"
        ),
    )
    parser.set_defaults(run=run_beslut)


def forslag(args: argparse.Namespace, srcdir: Path, arende: Found) -> str | list[str]:
    """The ``:forslag:`` the command line gives, else a keyword per
    att-sats of the ärende's initiating documents, to write in."""
    if args.punkt:
        return [f"{n}. {' '.join(p.split())}" for n, p in enumerate(args.punkt, 1)]
    if args.forslag:
        return one_line(args.forslag)
    return known.per_att_sats(known.initiating(srcdir, arende))


#: an ärende's rubrik that names its initiating document ("Motion om …")
ANSWERED = ("motion", "skrivelse", "medborgarförslag", "e-förslag", "framställning")


def _title(args: argparse.Namespace, arende: Found) -> str:
    """``--rubrik``, else the ärende's: "Svar på motion om …" when the
    rubrik names the document the proposal answers."""
    if args.rubrik:
        return one_line(args.rubrik)
    rubrik = one_line(arende.options.get("rubrik", ""))
    if rubrik.split(" ", 1)[0].casefold() in ANSWERED:
        return _("Svar på %(rubrik)s") % {"rubrik": rubrik[:1].lower() + rubrik[1:]}
    return rubrik


def run_tjansteskrivelse(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    arende = arende_of(srcdir, checked_dnr(srcdir, args.dnr))
    till = args.till or arende.options.get("ansvarig") or profile(srcdir).board
    options: list[tuple[str, str | list[str]]] = [
        ("dnr", dnr_of(arende)),
        ("forvaltning", one_line(args.forvaltning or "")),
        ("till", one_line(till)),
        ("datum", args.datum or ""),
        ("handlaggare", [one_line(h) for h in args.handlaggare]),
        ("undertecknare", [one_line(u) for u in args.undertecknare]),
        ("forslag", forslag(args, srcdir, arende)),
    ]
    sections = [_("Ärendet"), _("Bedömning")]
    heading = capitalise(_(profile(srcdir).statement))
    text = documents.proposal(
        "tjansteskrivelse", heading, _title(args, arende), options, sections
    )
    add(arende.path, arende.path.parent / "tjansteskrivelse.rst", text, srcdir)
    return 0


def run_utlatande(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    arende = arende_of(srcdir, checked_dnr(srcdir, args.dnr))
    words = profile(srcdir)
    options: list[tuple[str, str | list[str]]] = [
        ("dnr", dnr_of(arende)),
        ("organ", one_line(args.organ or words.board)),
        ("till", one_line(args.till or words.council)),
        ("foredragande", one_line(args.foredragande or "")),
        ("datum", args.datum or ""),
        ("ort", one_line(args.ort or "")),
        ("undertecknare", [one_line(u) for u in args.undertecknare]),
        ("forslag", forslag(args, srcdir, arende)),
    ]
    # the Beredning is generated from the remiss's answers
    referred = bool(of_arende(srcdir, arende, "remiss"))
    text = documents.proposal(
        "utlatande",
        _(words.proposal_title),
        _title(args, arende),
        options,
        [_("Ärendet")],
        beredning=_("Beredning") if referred else "",
    )
    add(arende.path, arende.path.parent / "utlatande.rst", text, srcdir)
    return 0


def run_beslut(args: argparse.Namespace) -> int:
    srcdir = project_dir(args.dir)
    arende = arende_of(srcdir, checked_dnr(srcdir, args.dnr))
    words = profile(srcdir)
    dnr = dnr_of(arende)
    organ = one_line(args.organ or known.deciding_body(srcdir, arende, words.council))
    day = args.datum or known.meeting_date(srcdir, dnr, organ, words.council)
    options = [
        ("dnr", dnr),
        ("organ", organ),
        ("datum", day),
        ("utfall", one_line(args.utfall or "")),
        ("underlag", _underlag(args.underlag, srcdir, arende, organ, words.council)),
    ]
    name = in_sentence(organ, words.common_noun_endings, words.proper_names)
    title = _("Beslut i %(organ)s") % {"organ": name}
    text = "\n".join(
        [*documents.heading(title), *documents.directive("beslut", "", options)]
    )
    add(
        arende.path,
        arende.path.parent / f"beslut-{slug(organ)}.rst",
        text + "\n",
        srcdir,
    )
    return 0


def _underlag(
    written: list[str], srcdir: Path, arende: Found, organ: str, council: str
) -> str:
    """The id of the proposal the beslut decides on: the one ``--underlag``
    names, else the last addressed to ``organ``, else the ärende's only
    one; "" (and the clerk told) when there is none or several."""
    chosen, proposals, ids = known.decided_on(srcdir, arende, organ, council)
    dnr = dnr_of(arende)
    if len(written) > 1:
        raise CliError(
            _(
                "ett beslut fattas på ett förslag: ange --underlag en gång, "
                "inte %(count)d gånger"
            )
            % {"count": len(written)}
        )
    if written:
        return _named(one_line(written[0]), proposals, ids, dnr)
    if chosen:
        return chosen
    message = (
        _(
            "ärendet %(dnr)s har inget förslag till beslut (tjänsteskrivelse eller "
            "utlåtande): skriv beslutets :underlag: när det finns"
        )
        if not ids
        else _(
            "inget av förslagen i ärendet %(dnr)s är ställt till %(organ)s: skriv "
            "det beslutet fattas på i :underlag: (%(ids)s)"
        )
    )
    warn(message % {"dnr": dnr, "organ": organ, "ids": ", ".join(ids)})
    return ""


def _named(wanted: str, proposals: list[Found], ids: list[str], dnr: str) -> str:
    """The id of the proposal ``--underlag`` names by its id, its file
    (below the ärende's folder, without suffix) or its kind."""
    for proposal, ident in reversed(list(zip(proposals, ids, strict=True))):
        stem = proposal.path.with_suffix("").name
        if fold(wanted) in (fold(ident), fold(stem), proposal.kind):
            return ident
    raise CliError(
        _(
            "underlaget '%(target)s' finns inte i ärendet %(dnr)s; ärendets "
            "förslag till beslut: %(ids)s"
        )
        % {"target": wanted, "dnr": dnr, "ids": ", ".join(ids) or _("inga")}
    )
