"""What a protokoll shows of other documents: each §'s number (continued
over the year), its ärende and handlingar, and a protokollsutdrag's copy
of its §."""

from __future__ import annotations

from docutils import nodes

from .. import render
from ..i18n import _
from ..kinds.paragraf import Paragraf
from ..kinds.protokoll import Protokoll, default_title, justering_fields
from ..kinds.protokollsutdrag import Protokollsutdrag
from ..nodes import kommun_pending
from ..swedish import genitive, join
from .context import Context
from .registry import GENERATORS, generator


def number_text(ctx: Context, paragraf: Paragraf) -> str:
    """ "§ 23" ("§" alone outside a protokoll)."""
    number = ctx.index.paragraf_number(paragraf.id, ctx.config.forsta_paragraf)
    return f"§ {number}" if number is not None else "§"


def paragraf_label(ctx: Context, paragraf: Paragraf) -> str:
    """ "§ 23, protokoll Kommunfullmäktige 15 mars 2021"."""
    protokoll = ctx.index.get(paragraf.protokoll)
    title = protokoll.title if isinstance(protokoll, Protokoll) else ""
    return ", ".join(part for part in (number_text(ctx, paragraf), title) if part)


def protokoll_in_sentence(ctx: Context, protokoll: Protokoll) -> str:
    """The protokoll in running text: "kommunfullmäktiges protokoll den 17
    juni 2024" (a title the clerk wrote, as written)."""
    if protokoll.title != default_title(protokoll.body, protokoll.date, ctx.locale):
        return protokoll.title
    organ = ctx.in_sentence(protokoll.body)
    names = {"organ": organ, "organ_gen": genitive(organ)}
    if protokoll.date is None:
        return _("%(organ_gen)s protokoll") % names
    return _("%(organ_gen)s protokoll den %(date)s") % {
        **names,
        "date": ctx.date(protokoll.date),
    }


def paragraf_in_sentence(ctx: Context, paragraf: Paragraf) -> str:
    """ "§ 82 i kommunfullmäktiges protokoll den 17 juni 2024"."""
    protokoll = ctx.index.get(paragraf.protokoll)
    if not isinstance(protokoll, Protokoll):
        return number_text(ctx, paragraf)
    return _("%(number)s i %(protokoll)s") % {
        "number": number_text(ctx, paragraf),
        "protokoll": protokoll_in_sentence(ctx, protokoll),
    }


@generator("paragraf-number")
def paragraf_number(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    paragraf = ctx.index.get(node["target"])
    if not isinstance(paragraf, Paragraf):
        return []
    return [nodes.Text(number_text(ctx, paragraf))]


@generator("paragraf-arende")
def paragraf_arende(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """ "Ärende: KS 2019/1899 …" and its handlingar, linked: the initiating
    documents, the proposals and the ``beslut`` the § records."""
    paragraf = ctx.index.get(node["target"])
    if not isinstance(paragraf, Paragraf) or not paragraf.dnr:
        return []
    arende = ctx.index.arende(paragraf.dnr)
    if arende is None:
        return []
    documents = [
        *ctx.index.initiativ(paragraf.dnr),
        *ctx.index.proposals(paragraf.dnr),
        *(b for b in ctx.index.beslut(paragraf.dnr) if not isinstance(b, Paragraf)),
    ]
    result: list[nodes.Node] = [
        render.para(
            _("Ärende: %(link)s"),
            classes=["kommun-paragraf-arende"],
            link=ctx.link(arende, f"{arende.dnr} {arende.title}".strip()),
        )
    ]
    if documents:
        links = [ctx.link(doc, ctx.labelled(doc)) for doc in documents]
        template = join([f"%({n})s" for n in range(len(links))], ctx.locale)
        listed = render.fill(template, **{str(n): link for n, link in enumerate(links)})
        result.append(
            nodes.paragraph(
                "",
                "",
                nodes.Text(_("Handlingar: ")),
                *listed,
                classes=["kommun-paragraf-handlingar"],
            )
        )
    return result


@generator("protokollsutdrag")
def protokollsutdrag(ctx: Context, node: kommun_pending) -> list[nodes.Node]:
    """The § with its number and the protokoll's body and date, its beslut,
    what happened at the meeting, the justering and "Utdrag bestyrks"."""
    utdrag = ctx.index.get(node["target"])
    if not isinstance(utdrag, Protokollsutdrag):
        return []
    paragraf = ctx.index.find_paragraf(utdrag.paragraf)
    protokoll = ctx.index.get(paragraf.protokoll) if paragraf is not None else None
    if paragraf is None or not isinstance(protokoll, Protokoll):
        return []
    heading = f"{number_text(ctx, paragraf)} {paragraf.title}"
    result: list[nodes.Node] = [
        render.para(
            _("Utdrag ur %(title)s"),
            classes=["kommun-utdrag-source"],
            title=ctx.link(protokoll, protokoll_in_sentence(ctx, protokoll)),
        ),
        render.rubric(heading, classes=["kommun-paragraf-title"]),
    ]
    if paragraf.dnr:
        outcomes = kommun_pending(generate="beslut-outcomes", target=paragraf.id)
        result.append(render.rubric(_("Beslut"), classes=["kommun-paragraf-part"]))
        # the outcomes as the § shows them (generate.decisions)
        result.extend(GENERATORS["beslut-outcomes"](ctx, outcomes))
    result.extend(ctx.excerpt(paragraf, "text"))
    result.append(render.header(justering_fields(protokoll, ctx.locale)))
    certifier = utdrag.certifier
    result.append(
        render.signatures(
            [certifier] if certifier is not None else [],
            [render.para(_("Utdrag bestyrks"))],
            classes=["kommun-utdrag-signature"],
        )
    )
    return result
