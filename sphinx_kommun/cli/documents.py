"""The text of a new document of each kind: every option the kind needs,
filled in from the command line or left empty for the clerk (the build
then names what is missing, at its line)."""

from __future__ import annotations

from collections.abc import Sequence

from ..swedish import join
from .term import _


def heading(title: str) -> list[str]:
    return [title, "=" * len(title), ""]


def directive(
    name: str, argument: str, options: Sequence[tuple[str, str | Sequence[str]]]
) -> list[str]:
    """``.. name:: argument`` and its options, a list one entry per line."""
    lines = [f".. {name}:: {argument}".rstrip()]
    for option, value in options:
        if isinstance(value, str):
            lines.append(f"   :{option}: {value}".rstrip())
        else:
            lines.append(f"   :{option}:")
            lines.extend(f"      {entry}" for entry in value)
    return lines


def placeholder(text: str) -> list[str]:
    """A comment in the content: the clerk's note of what to write, which
    no builder prints."""
    return ["", f"   .. {text}"]


def arende(dnr: str, rubrik: str, ansvarig: str) -> str:
    title = f"{dnr} – {rubrik}" if rubrik else dnr
    lines = [
        *heading(title),
        *directive("arende", dnr, [("rubrik", rubrik), ("ansvarig", ansvarig)]),
        *placeholder(_("Beskriv ärendet här.")),
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        # not the overview table's caption ("Handlingar i ärendet") again
        "   :caption: " + _("Sidor i ärendet"),
    ]
    return "\n".join(lines) + "\n"


def remiss(
    dnr: str, instanser: Sequence[str], options: Sequence[tuple[str, str]]
) -> str:
    lines = [
        *heading(_("Remiss")),
        *directive(
            "remiss", "", [("dnr", dnr), *options, ("instanser", list(instanser))]
        ),
        *placeholder(_("Skriv remissens följebrev här.")),
    ]
    return "\n".join(lines) + "\n"


def yttrande(
    dnr: str,
    instans: str,
    options: Sequence[tuple[str, str]],
    sections: Sequence[str] = (),
    body: Sequence[str] | None = None,
) -> str:
    """A yttrande: with ``body`` (reST lines, e.g. from a Word file) as its
    content, else with empty sections to write in."""
    lines = heading(_("Yttrande från %(instans)s") % {"instans": instans})
    if body is None:
        titles = join([f"'{t}'" for t in (_("Förslag till beslut"), *sections)], "sv")
        lines += [
            ".. "
            + _("Skriv yttrandets text i direktivet, under rubrikerna %(titles)s.")
            % {"titles": titles},
            "",
        ]
    lines += directive("yttrande", instans, [("dnr", dnr), *options])
    if body:
        lines += ["", *("   " + line if line else "" for line in _trimmed(body))]
    return "\n".join(lines) + "\n"


def _trimmed(lines: Sequence[str]) -> list[str]:
    """``lines`` without blank lines at the start and end."""
    kept = list(lines)
    while kept and not kept[0].strip():
        kept.pop(0)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def reservation(
    dnr: str, title: str, options: Sequence[tuple[str, str | Sequence[str]]]
) -> str:
    lines = [
        *heading(title),
        ".. " + _("Skriv texten i direktivet, efter alternativen och en tom rad."),
        "",
        *directive("reservation", "", [("dnr", dnr), *options]),
    ]
    return "\n".join(lines) + "\n"


def sammantrade(
    title: str, options: Sequence[tuple[str, str]], arenden: Sequence[str]
) -> str:
    lines = [
        *heading(title),
        *directive("sammantrade", "", [*options, ("arenden", list(arenden))]),
    ]
    return "\n".join(lines) + "\n"


def initiating(
    kind: str,
    heading_text: str,
    title: str,
    options: Sequence[tuple[str, str | Sequence[str]]],
    comment: str,
    att_satser: Sequence[str],
) -> str:
    """A motion, skrivelse, medborgarförslag …: its text to write, then its
    att-satser (an empty one is named by ``check``)."""
    lines = [
        *heading(heading_text),
        *directive(kind, title, options),
        *placeholder(comment),
    ]
    for att_sats in att_satser:
        lines += ["", "   .. yrkande::"]
        lines += ["", f"      {att_sats}"] if att_sats else []
    return "\n".join(lines) + "\n"


def proposal(
    kind: str,
    heading_text: str,
    title: str,
    options: Sequence[tuple[str, str | Sequence[str]]],
    sections: Sequence[str],
    beredning: str = "",
) -> str:
    """A tjänsteskrivelse or utlåtande: a comment naming the sections to
    write, the directive, and the generated Beredning under its title."""
    titles = join([f"'{t}'" for t in sections], "sv")
    comment = (
        _("Skriv texten i direktivet, under rubrikerna %(titles)s.")
        if len(sections) > 1
        else _("Skriv texten i direktivet, under rubriken %(titles)s.")
    )
    lines = [
        *heading(heading_text),
        ".. " + comment % {"titles": titles},
        "",
        *directive(kind, title, options),
    ]
    if beredning:
        lines += ["", f"   {beredning}", "   " + "-" * len(beredning)]
        lines += ["", "   .. beredning::"]
    return "\n".join(lines) + "\n"
