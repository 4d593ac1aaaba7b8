"""Generate the benchmark corpus: the same ärenden written three ways.

``write_corpus(root, n, seed)`` writes three Sphinx projects under ``root``:

``kommun/``
    a sphinx-kommun project: per ärende ``arende-<i>/`` with the ärende page,
    motion, remiss, seven yttranden (one with a särskilt uttalande), the
    utlåtande with ``.. beredning::`` and ``.. remissammanstallning::``, and
    the beslut; one kommunfullmäktige sammanträde per 30 ärenden.
``plain/``
    the same pages and words as ordinary reST, with the text sphinx-kommun
    would generate (Beredning, remissammanställning, föredragningslista)
    written out; no extension.
``needs/``
    what a sphinx-needs user would write: every object a need, a
    ``needtable`` of the ärende's yttranden in each utlåtande, and the
    generated text written out as in ``plain/``.

The text is built from a seeded random generator per ärende, so a corpus is
the same for the same ``n`` and ``seed``, and the first ärenden of a larger
corpus equal those of a smaller one.

Command line::

    python benchmarks/corpus.py OUT --n 50 [--seed 1] [--sidebar off|default]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

VARIANTS = ("kommun", "plain", "needs")
SIDEBARS = ("off", "default")
#: Ärenden per kommunfullmäktige sammanträde.
PER_MEETING = 30
INSTANSER_PER_REMISS = 7

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

# -- word material --------------------------------------------------------------

#: (what the motion is about, the matter as a subject in running text)
TOPICS: tuple[tuple[str, str], ...] = (
    ("fler trygghetsvandringar i ytterstaden", "trygghetsarbetet i ytterstaden"),
    ("säkra cykelvägar till skolan", "cykelvägarna till stadens skolor"),
    ("gratis simundervisning för alla barn", "simundervisningen för barn"),
    ("längre öppettider på stadens bibliotek", "bibliotekens öppettider"),
    ("fler parkbänkar för äldre", "möjligheten för äldre att vila i parkerna"),
    (
        "ett kommunalt bostadsförmedlingsstöd för unga",
        "ungas väg in på bostadsmarknaden",
    ),
    ("klimatanpassning av stadens skolgårdar", "klimatanpassningen av skolgårdarna"),
    ("lokala aktionsgrupper mot brott", "samverkan mot brott i utsatta områden"),
    ("sommarjobb för alla gymnasieelever", "sommarjobben för gymnasieelever"),
    ("fler platser i äldreboenden", "tillgången till platser i äldreboenden"),
    ("minskad matsvinn i skolköken", "matsvinnet i skolköken"),
    ("upprustning av stadens idrottsplatser", "upprustningen av idrottsplatserna"),
    ("belysning på gång- och cykelvägar", "belysningen på gång- och cykelvägar"),
    ("språkstöd för nyanlända föräldrar", "språkstödet till nyanlända föräldrar"),
    ("fritidsgårdar med längre öppettider", "fritidsgårdarnas verksamhet"),
    ("solceller på stadens fastigheter", "solenergin på stadens fastigheter"),
    ("en stadsövergripande plan mot ensamhet", "arbetet mot ofrivillig ensamhet"),
    ("fler offentliga toaletter", "tillgången till offentliga toaletter"),
    ("trygga skolvägar i förorten", "tryggheten på skolvägarna"),
    ("digital delaktighet för äldre", "den digitala delaktigheten bland äldre"),
    ("stöd till föreningslivet i utsatta områden", "föreningslivets villkor"),
    ("grönare innergårdar i allmännyttan", "grönskan på allmännyttans gårdar"),
)

INSTANSER: tuple[tuple[str, str], ...] = (
    # (instans, förvaltning)
    ("Socialnämnden", "Socialförvaltningen"),
    ("Utbildningsnämnden", "Utbildningsförvaltningen"),
    ("Kulturnämnden", "Kulturförvaltningen"),
    ("Trafiknämnden", "Trafikkontoret"),
    ("Idrottsnämnden", "Idrottsförvaltningen"),
    ("Äldrenämnden", "Äldreförvaltningen"),
    ("Arbetsmarknadsnämnden", "Arbetsmarknadsförvaltningen"),
    ("Miljö- och hälsoskyddsnämnden", "Miljöförvaltningen"),
    ("Bromma stadsdelsnämnd", "Bromma stadsdelsförvaltning"),
    (
        "Enskede-Årsta-Vantörs stadsdelsnämnd",
        "Enskede-Årsta-Vantörs stadsdelsförvaltning",
    ),
    ("Farsta stadsdelsnämnd", "Farsta stadsdelsförvaltning"),
    ("Hägersten-Älvsjö stadsdelsnämnd", "Hägersten-Älvsjö stadsdelsförvaltning"),
    ("Hässelby-Vällingby stadsdelsnämnd", "Hässelby-Vällingby stadsdelsförvaltning"),
    ("Kungsholmens stadsdelsnämnd", "Kungsholmens stadsdelsförvaltning"),
    ("Norrmalms stadsdelsnämnd", "Norrmalms stadsdelsförvaltning"),
    ("Rinkeby-Kista stadsdelsnämnd", "Rinkeby-Kista stadsdelsförvaltning"),
    ("Skarpnäcks stadsdelsnämnd", "Skarpnäcks stadsdelsförvaltning"),
    ("Skärholmens stadsdelsnämnd", "Skärholmens stadsdelsförvaltning"),
    ("Spånga-Tensta stadsdelsnämnd", "Spånga-Tensta stadsdelsförvaltning"),
    ("Södermalms stadsdelsnämnd", "Södermalms stadsdelsförvaltning"),
    ("Östermalms stadsdelsnämnd", "Östermalms stadsdelsförvaltning"),
)

FIRST_NAMES = [
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Kerstin",
    "Ingrid",
    "Marie",
    "Johanna",
    "Sofia",
    "Erik",
    "Lars",
    "Karl",
    "Anders",
    "Johan",
    "Per",
    "Nils",
    "Mikael",
    "Jan",
    "Hans",
    "Peter",
    "Fredrik",
    "Ali",
    "Amina",
    "Leila",
    "Omar",
    "Fatima",
    "Mats",
    "Björn",
    "Ulla",
    "Åsa",
    "Örjan",
    "Göran",
]
SURNAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Lindberg",
    "Lindqvist",
    "Lundgren",
    "Berglund",
    "Sandberg",
    "Holm",
    "Ekström",
    "Wallin",
    "Åberg",
    "Öberg",
    "Hassan",
    "Mohammed",
    "Ahmadi",
    "Sjöberg",
    "Forsberg",
    "Nyström",
    "Lundqvist",
]
PARTIES = ("S", "M", "V", "L", "C", "MP", "KD", "SD")
POSITIONS = (
    "tillstyrker",
    "delvis tillstyrker",
    "avstyrker",
    "instämmer",
    "ingen erinran",
    "tillgodosett",
    "lämnar synpunkter",
)
UTFALL = ("avslag", "anses besvarad", "bifall")
ROTLAR = ("Rotel I", "Rotel II", "Rotel III", "Rotel IV", "Rotel V", "Rotel VI")

SUBJECTS = ("Förvaltningen", "Nämnden", "Staden", "Förvaltningen", "Nämnden")
VIEWS = ("anser", "bedömer", "menar", "konstaterar", "framhåller", "understryker")
GROUPS = (
    "barn och unga",
    "äldre",
    "föreningslivet",
    "näringslivet",
    "de boende",
    "civilsamhället",
    "personer med funktionsnedsättning",
    "nyanlända",
    "skolorna",
    "fastighetsägarna",
)
MEASURES = (
    "en ny handlingsplan",
    "ett utökat samarbete med polisen",
    "en särskild samordnare",
    "riktade informationsinsatser",
    "en tillfällig försöksverksamhet",
    "ett stadsövergripande program",
    "fler fältassistenter",
    "en årlig uppföljning",
    "ett nytt bidrag till föreningar",
    "en gemensam kartläggning",
    "förstärkt medborgardialog",
    "en särskild budgetpost",
)
ORGS = (
    "Polismyndigheten",
    "Trafikverket",
    "Region Stockholm",
    "Skolverket",
    "Länsstyrelsen i Stockholms län",
    "Försäkringskassan",
    "Arbetsförmedlingen",
    "Stockholmshem",
    "Familjebostäder",
    "Svenska Bostäder",
)
PLACES = (
    "Rinkeby",
    "Tensta",
    "Skärholmen",
    "Farsta",
    "Bromma",
    "Vällingby",
    "Hägersten",
    "Kista",
    "Skarpnäck",
    "Södermalm",
    "Östermalm",
    "Årsta",
)

SENTENCES: tuple[str, ...] = (
    "{Subj} {view} att {topic} är en viktig fråga för {group} i hela staden.",
    "Redan i dag pågår flera insatser inom området, bland annat {measure} i {place}.",
    "Under {year} genomförde förvaltningen en kartläggning som visade att behoven skiljer sig mellan stadsdelarna.",
    "Det är därför angeläget att arbetet utgår från den lokala lägesbilden och följs upp regelbundet.",
    "{Subj} delar motionärernas uppfattning att {topic} behöver utvecklas, men ser inte behov av {measure}.",
    "Samverkan med {org} sker redan inom ramen för befintliga överenskommelser.",
    "Kostnaderna för {measure} bedöms bli betydande och ryms inte inom nämndens budget för {year}.",
    "Enligt förvaltningen bör frågan i stället hanteras inom det ordinarie budgetarbetet.",
    "{Subj} vill samtidigt lyfta fram att {group} måste få möjlighet att påverka hur insatserna utformas.",
    "Erfarenheterna från {place} visar att {measure} kan ge goda resultat när den kombineras med långsiktigt förebyggande arbete.",
    "Frågan om {topic} berör flera nämnders ansvarsområden och kräver därför en samordnad hantering.",
    "Förvaltningen följer utvecklingen noga och återkommer till nämnden med en lägesrapport under {year}.",
    "{Subj} {view} att en förutsättning för att lyckas är att {group} och {org} deltar från början.",
    "I {place} har man sedan {year} arbetat med {measure}, vilket har mottagits väl av {group}.",
    "Det saknas i dag tillräckligt underlag för att bedöma vilka effekter {measure} skulle få.",
    "Förvaltningen föreslår att staden i stället utvärderar de insatser som redan genomförs innan nya beslut fattas.",
    "Ett genomförande skulle kräva ytterligare personal och lokaler, vilket inte finns inom befintlig ram.",
    "{Subj} ser positivt på motionens intentioner och vill bidra till att arbetet med {topic} stärks.",
    "Samtidigt är det viktigt att insatserna inte leder till att andra angelägna verksamheter trängs undan.",
    "Dialogen med {org} har under det senaste året blivit mer regelbunden och strukturerad.",
    "Förvaltningen har inhämtat synpunkter från {group} och deras företrädare inför detta yttrande.",
    "Det framkom att många upplever att informationen om stadens insatser är svår att hitta.",
    "{Subj} {view} därför att staden bör förbättra sin kommunikation om vad som redan görs.",
    "I stadens budget för {year} finns ett uppdrag som delvis motsvarar det motionärerna efterfrågar.",
    "Uppdraget omfattar bland annat {measure} och en uppföljning av resultaten i samtliga stadsdelar.",
    "Mot den bakgrunden bedöms motionens förslag i huvudsak vara tillgodosett.",
    "{Subj} vill dock understryka att behoven i {place} är särskilt stora och kräver långsiktiga resurser.",
    "Arbetet bör bedrivas i nära samverkan med {org} och med stöd av stadens gemensamma riktlinjer.",
    "Förvaltningen avser att ta upp frågan i verksamhetsplanen för {year}.",
    "Det är inte lämpligt att staden binder sig för en viss arbetsform innan effekterna är kända.",
    "Flera av de åtgärder som motionen lyfter fram ligger utanför kommunens ansvarsområde.",
    "{Subj} {view} att staden även fortsättningsvis ska prioritera förebyggande arbete framför kortsiktiga insatser.",
    "En breddad samverkan mellan förvaltningarna skulle sannolikt ge bättre förutsättningar för {group}.",
    "Resultaten från tidigare satsningar i {place} har ännu inte utvärderats fullt ut.",
    "Förvaltningen har också gått igenom hur andra kommuner i länet har organiserat arbetet.",
    "Jämförelsen visar att de mest framgångsrika exemplen bygger på tydlig ansvarsfördelning och uthållighet.",
)

SUMMARIES: tuple[str, ...] = (
    "anser att {topic} bör utvecklas inom befintliga ramar",
    "ser positivt på motionens intentioner men avstyrker förslaget om {measure}",
    "menar att frågan redan hanteras genom {measure}",
    "vill att arbetet med {topic} samordnas med {org}",
    "betonar att {group} måste vara delaktiga när insatserna utformas",
    "bedömer att kostnaderna för {measure} inte ryms i budgeten",
    "framhåller de goda erfarenheterna från {place}",
    "anser att motionens förslag i huvudsak redan är tillgodosett",
)

DECISIONS: tuple[str, ...] = (
    "{Instans} överlämnar förvaltningens tjänsteutlåtande till kommunstyrelsen som svar på remissen av motionen om {short}.",
    "{Instans} godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.",
    "{Instans} besvarar remissen med förvaltningens tjänsteutlåtande och förklarar beslutet omedelbart justerat.",
)


# -- the model --------------------------------------------------------------------


@dataclass
class Yttrande:
    number: int
    instans: str
    forvaltning: str
    datum: dt.date
    sammantrade: dt.date
    handlaggare: str
    telefon: str
    sammanfattning: str
    stallning: tuple[str, str]
    undertecknare: tuple[str, str]
    #: (section title, paragraphs) in order
    sections: list[tuple[str, list[str]]]

    @property
    def docname(self) -> str:
        return f"yttrande-{self.number}"

    def section(self, title: str) -> list[str]:
        return next(paras for name, paras in self.sections if name == title)


@dataclass
class Reservation:
    yttrande: int
    typ: str
    forfattare: str
    datum: dt.date
    paragraphs: list[str]


@dataclass
class Arende:
    i: int
    dnr: str
    key: int
    topic: str
    short: str
    rubrik: str
    about: str
    motion_title: str
    inlamnad: dt.date
    motionarer: list[str]
    motion_text: list[str]
    attsatser: tuple[str, str]
    remiss_title: str
    svar_senast: dt.date
    remiss_text: str
    yttranden: list[Yttrande]
    reservation: Reservation
    utlatande_title: str
    rotel: str
    foredragande: str
    utl_datum: dt.date
    utl_undertecknare: tuple[str, str, str]
    arendet_text: list[str]
    synpunkter_text: list[str]
    utfall: tuple[str, str]
    beslut_text: str
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Meeting:
    number: int
    datum: dt.date
    arenden: list[Arende]

    @property
    def docname(self) -> str:
        return f"sammantraden/kf-{self.datum.isoformat()}"

    @property
    def title(self) -> str:
        return f"Kommunfullmäktige {swedish_date(self.datum)}"

    @property
    def long_title(self) -> str:
        return f"Kommunfullmäktiges sammanträde den {swedish_date(self.datum)}"


def swedish_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def genitive(name: str) -> str:
    return name if name.endswith(("s", "x", "z")) else name + "s"


def in_sentence(name: str) -> str:
    """Lower-case one-word body names mid-sentence (Socialnämnden → socialnämnden)."""
    return name[0].lower() + name[1:] if " " not in name else name


def join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


class Text:
    """Swedish-looking prose from a seeded generator."""

    def __init__(self, rng: random.Random, topic: str) -> None:
        self.rng = rng
        self.topic = topic

    def fill(self, template: str, **extra: str) -> str:
        r = self.rng
        values = {
            "Subj": r.choice(SUBJECTS),
            "view": r.choice(VIEWS),
            "topic": self.topic,
            "group": r.choice(GROUPS),
            "measure": r.choice(MEASURES),
            "org": r.choice(ORGS),
            "place": r.choice(PLACES),
            "year": str(r.randint(2018, 2023)),
            **extra,
        }
        return template.format(**values)

    def sentence(self) -> str:
        return self.fill(self.rng.choice(SENTENCES))

    def paragraph(self, words: int) -> str:
        out: list[str] = []
        count = 0
        while count < words:
            sentence = self.sentence()
            out.append(sentence)
            count += len(sentence.split())
        return " ".join(out)

    def paragraphs(self, words: int, low: int = 50, high: int = 110) -> list[str]:
        result: list[str] = []
        left = words
        while left > 0:
            size = min(left, self.rng.randint(low, high))
            result.append(self.paragraph(size))
            left -= len(result[-1].split())
        return result

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"


def make_arende(i: int, seed: int, year: int = 2020) -> Arende:
    rng = random.Random(seed * 1_000_003 + i)
    topic, subject = TOPICS[rng.randrange(len(TOPICS))]
    text = Text(rng, subject)
    key = 1000 + i
    dnr = f"KS {year}/{key}"
    start = dt.date(year, 1, 7) + dt.timedelta(days=i)
    inlamnad = start
    svar_senast = start + dt.timedelta(days=120)
    party = rng.choice(PARTIES)
    motionarer = [f"{text.person()} ({party})" for _ in range(rng.randint(1, 3))]
    motion_text = text.paragraphs(rng.randint(200, 320))
    attsatser = (
        f"att kommunstyrelsen ges i uppdrag att utreda {topic},",
        f"att kommunfullmäktige avsätter medel för {rng.choice(MEASURES)}.",
    )
    chosen = rng.sample(range(len(INSTANSER)), INSTANSER_PER_REMISS)
    yttranden: list[Yttrande] = []
    for number, which in enumerate(chosen, start=1):
        instans, forvaltning = INSTANSER[which]
        datum = start + dt.timedelta(days=rng.randint(60, 100))
        total = rng.randint(400, 700)
        decision = text.fill(rng.choice(DECISIONS), Instans=instans, short=topic)
        sammanfattning = text.fill(rng.choice(SUMMARIES))
        body = total - len(decision.split())
        parts = (0.12, 0.12, 0.16)
        sections = [
            ("Förslag till beslut", [decision]),
            ("Sammanfattning", [text.paragraph(int(body * parts[0]))]),
            ("Ärendets beredning", [text.paragraph(int(body * parts[1]))]),
            ("Ärendet", [text.paragraph(int(body * parts[2]))]),
        ]
        used = sum(len(p.split()) for _t, ps in sections for p in ps)
        sections.append(("Synpunkter och förslag", text.paragraphs(total - used)))
        yttranden.append(
            Yttrande(
                number=number,
                instans=instans,
                forvaltning=forvaltning,
                datum=datum,
                sammantrade=datum + dt.timedelta(days=rng.randint(10, 20)),
                handlaggare=text.person(),
                telefon=f"08-508 {rng.randint(10, 99)} {rng.randint(100, 999)}",
                sammanfattning=sammanfattning,
                stallning=(rng.choice(POSITIONS), rng.choice(POSITIONS)),
                undertecknare=(
                    f"{text.person()}, förvaltningschef",
                    f"{text.person()}, avdelningschef",
                ),
                sections=sections,
            )
        )
    reserved = rng.randrange(INSTANSER_PER_REMISS)
    reservation = Reservation(
        yttrande=reserved + 1,
        typ="särskilt uttalande",
        forfattare=f"{text.person()} m.fl. ({rng.choice(PARTIES)})",
        datum=yttranden[reserved].sammantrade,
        paragraphs=text.paragraphs(rng.randint(80, 150)),
    )
    utl_datum = svar_senast + dt.timedelta(days=rng.randint(40, 80))
    utfall = (rng.choice(UTFALL), rng.choice(UTFALL))
    return Arende(
        i=i,
        dnr=dnr,
        key=key,
        topic=topic,
        short=topic,
        rubrik=f"Motion om {topic}",
        about=text.paragraph(rng.randint(40, 70)),
        motion_title=f"Motion angående {topic}",
        inlamnad=inlamnad,
        motionarer=motionarer,
        motion_text=motion_text,
        attsatser=attsatser,
        remiss_title=f"Remiss av motionen om {topic}",
        svar_senast=svar_senast,
        remiss_text=(
            f"Kommunstyrelsen har skickat motionen på remiss till "
            f"{INSTANSER_PER_REMISS} instanser. Svaren ska ha kommit in senast "
            f"den {swedish_date(svar_senast)}."
        ),
        yttranden=yttranden,
        reservation=reservation,
        utlatande_title=topic[0].upper() + topic[1:],
        rotel=rng.choice(ROTLAR),
        foredragande=text.person(),
        utl_datum=utl_datum,
        utl_undertecknare=(
            text.person().upper(),
            text.person(),
            text.person(),
        ),
        arendet_text=[
            f"{motionarer[0].rsplit(' (', 1)[0]} m.fl. ({party}) har lämnat en "
            f"motion till kommunfullmäktige om {topic}. " + text.paragraph(60)
        ],
        synpunkter_text=text.paragraphs(rng.randint(250, 400)),
        utfall=utfall,
        beslut_text=(
            "Kommunstyrelsen ställer sig bakom borgarrådsberedningens uppfattning "
            "och föreslår att kommunfullmäktige beslutar i enlighet med utlåtandet."
        ),
    )


def make_meetings(arenden: Sequence[Arende], year: int = 2020) -> list[Meeting]:
    meetings = []
    for number in range(math.ceil(len(arenden) / PER_MEETING)):
        chunk = list(arenden[number * PER_MEETING : (number + 1) * PER_MEETING])
        datum = dt.date(year + 1, 1, 18) + dt.timedelta(weeks=2 * number)
        meetings.append(Meeting(number=number + 1, datum=datum, arenden=chunk))
    return meetings


# -- reST helpers -------------------------------------------------------------------


def title(text: str, char: str = "=") -> str:
    return f"{text}\n{char * len(text)}\n"


def indent(text: str, by: int = 3) -> str:
    pad = " " * by
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def paras(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(wrap(p) for p in paragraphs)


def wrap(text: str, width: int = 76) -> str:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def option_list(name: str, values: Sequence[str]) -> str:
    return f":{name}:\n" + "\n".join(f"   {v}" for v in values)


def directive(name: str, argument: str, options: Sequence[str], body: str) -> str:
    head = f".. {name}::" + (f" {argument}" if argument else "")
    parts = [head]
    if options:
        parts.append(indent("\n".join(options)))
    text = "\n".join(parts)
    if body.strip():
        text += "\n\n" + indent(body)
    return text + "\n"


def section_text(sections: Sequence[tuple[str, list[str]]], rubric: bool) -> str:
    out = []
    for name, paragraphs in sections:
        head = f".. rubric:: {name}" if rubric else title(name, "-").rstrip()
        out.append(head + "\n\n" + paras(paragraphs))
    return "\n\n".join(out)


def heading(text: str, char: str, rubric: bool) -> str:
    """A section title, or a rubric where titles are not allowed (need content)."""
    return f".. rubric:: {text}" if rubric else title(text, char).rstrip()


def field_list(fields: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f":{label}: {value}" for label, value in fields)


def stallning(y: Yttrande) -> str:
    return f"1: {y.stallning[0]}; 2: {y.stallning[1]}"


# -- generated text written out (plain and needs) -----------------------------------


def beredning_text(a: Arende) -> list[str]:
    names = [in_sentence(y.instans) for y in a.yttranden]
    result = [f"Ärendet har remitterats till {join(names)}."]
    result += [f"{y.instans} {y.sammanfattning}." for y in a.yttranden]
    return result


def compilation_sections(a: Arende, rubric: bool) -> str:
    """The remissammanställning as sphinx-kommun renders it, in reST."""

    def sub(text: str) -> str:
        return heading(text, "-", rubric)

    def subsub(text: str) -> str:
        return heading(text, "~", rubric)

    out = [sub("Ärendet"), paras(a.arendet_text)]
    out += [sub("Beredning"), paras(beredning_text(a))]
    out.append(sub("Remissvaren"))
    for y in a.yttranden:
        out.append(subsub(y.instans))
        text = [
            f"{y.instans} beslutade vid sitt sammanträde den "
            f"{swedish_date(y.sammantrade)} följande.",
            *y.section("Förslag till beslut"),
        ]
        if a.reservation.yttrande == y.number:
            text.append(
                f"Särskilt uttalande gjordes av {a.reservation.forfattare}, bilaga 1."
            )
        text.append(
            f"{genitive(y.forvaltning)} tjänsteutlåtande daterat den "
            f"{swedish_date(y.datum)} har i huvudsak följande lydelse."
        )
        text += y.section("Synpunkter och förslag")
        out.append(paras(text))
    reserved = a.yttranden[a.reservation.yttrande - 1]
    out.append(sub("Reservationer m.m."))
    out.append(subsub(reserved.instans))
    out.append(
        paras(
            [
                f"Särskilt uttalande (bilaga 1) gjordes av "
                f"{a.reservation.forfattare} enligt följande.",
                *a.reservation.paragraphs,
            ]
        )
    )
    out.append(sub("Remissvar i sammandrag"))
    out.append(f"Svar senast {swedish_date(a.svar_senast)}.")
    out.append(summary_table(a))
    return "\n\n".join(out)


def summary_table(a: Arende) -> str:
    rows = [
        [
            "Remissinstans",
            "Tjänsteutlåtande",
            "Nämndens beslut",
            "Ställning",
            "Sammanfattning",
            "Reservationer m.m.",
        ]
    ]
    for y in a.yttranden:
        rows.append(
            [
                y.instans,
                swedish_date(y.datum),
                swedish_date(y.sammantrade),
                stallning(y),
                f"{y.sammanfattning[0].upper()}{y.sammanfattning[1:]}.",
                "Särskilt uttalande" if a.reservation.yttrande == y.number else "",
            ]
        )
    lines = [".. list-table::", "   :header-rows: 1", "   :widths: 3 3 3 2 6 2", ""]
    for row in rows:
        lines.append("   * - " + (row[0] or "–"))
        lines += [f"     - {cell or '–'}" for cell in row[1:]]
    return "\n".join(lines)


def utlatande_byline(a: Arende) -> list[str]:
    first = a.motionarer[0].rsplit(" (", 1)[0]
    return [
        f"Motion av {first} m.fl.",
        "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande.",
        "Motionen avslås med hänvisning till vad som sägs i utlåtandet.",
        f"Föredragande borgarrådet {a.foredragande} anför följande.",
    ]


def utlatande_closing(a: Arende) -> list[str]:
    return [
        "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.",
        "Kommunstyrelsen delar borgarrådsberedningens uppfattning och föreslår "
        "att kommunfullmäktige beslutar följande.",
        "Motionen avslås med hänvisning till vad som sägs i utlåtandet.",
        f"Stockholm den {swedish_date(a.utl_datum)}",
        "På kommunstyrelsens vägnar: " + ", ".join(a.utl_undertecknare),
    ]


# -- the three writers ---------------------------------------------------------------

Pages = dict[str, str]


def kommun_pages(a: Arende) -> Pages:
    pages: Pages = {}
    pages["index"] = (
        title(f"{a.dnr} – {a.utlatande_title}")
        + "\n"
        + directive(
            "arende",
            a.dnr,
            [f":rubrik: {a.rubrik}", ":ansvarig: Kommunstyrelsen"],
            wrap(a.about),
        )
        + "\n"
        + toctree_block(a, "Handlingar i ärendet")
    )
    motion_body = (
        paras(a.motion_text)
        + "\n\nMotionärerna föreslår därför att kommunfullmäktige beslutar\n\n"
        + "\n\n".join(directive("yrkande", "", [], wrap(s)) for s in a.attsatser)
    )
    pages["motion"] = (
        title("Motion")
        + "\n"
        + directive(
            "motion",
            a.motion_title,
            [
                f":dnr: {a.dnr}",
                f":inlamnad: {a.inlamnad.isoformat()}",
                ":organ: Kommunfullmäktige",
                option_list("motionarer", a.motionarer),
            ],
            motion_body,
        )
    )
    pages["remiss"] = (
        title("Remiss")
        + "\n"
        + directive(
            "remiss",
            a.remiss_title,
            [
                f":dnr: {a.dnr}",
                ":avsandare: Kommunstyrelsen",
                f":svar-senast: {a.svar_senast.isoformat()}",
                option_list("instanser", [y.instans for y in a.yttranden]),
            ],
            wrap(a.remiss_text),
        )
    )
    for y in a.yttranden:
        page = (
            title(f"Yttrande från {in_sentence(y.instans)}")
            + "\n"
            + directive(
                "yttrande",
                y.instans,
                [
                    f":dnr: {a.dnr}",
                    f":forvaltning: {y.forvaltning}",
                    f":datum: {y.datum.isoformat()}",
                    f":sammantrade: {y.sammantrade.isoformat()}",
                    f":handlaggare: {y.handlaggare}",
                    f":telefon: {y.telefon}",
                    f":sammanfattning: {y.sammanfattning}",
                    f":stallning: {stallning(y)}",
                    f":undertecknare: {'; '.join(y.undertecknare)}",
                ],
                section_text(y.sections, rubric=False),
            )
        )
        if a.reservation.yttrande == y.number:
            r = a.reservation
            page += "\n" + directive(
                "reservation",
                "",
                [
                    f":typ: {r.typ}",
                    f":organ: {y.instans}",
                    f":forfattare: {r.forfattare}",
                    f":datum: {r.datum.isoformat()}",
                ],
                paras(r.paragraphs),
            )
        pages[y.docname] = page
    utl_body = (
        title("Ärendet", "-")
        + "\n"
        + paras(a.arendet_text)
        + "\n\n"
        + title("Beredning", "-")
        + "\n.. beredning::\n\n"
        + title("Mina synpunkter", "-")
        + "\n"
        + paras(a.synpunkter_text)
    )
    pages["utlatande"] = (
        title("Utlåtande")
        + "\n"
        + directive(
            "utlatande",
            a.utlatande_title,
            [
                f":dnr: {a.dnr}",
                f":rotel: {a.rotel}",
                f":foredragande: {a.foredragande}",
                ":forslag: avslag",
                ":tillstyrkt-av: Borgarrådsberedningen",
                f":datum: {a.utl_datum.isoformat()}",
                ":ort: Stockholm",
                f":undertecknare: {'; '.join(a.utl_undertecknare)}",
                ":slutlig:",
            ],
            utl_body,
        )
        + "\n"
        + title("Remissammanställning")
        + "\n"
        + directive("remissammanstallning", "", [f":dnr: {a.dnr}"], "")
    )
    pages["beslut"] = (
        title("Beslut")
        + "\n"
        + directive(
            "beslut",
            "",
            [
                f":dnr: {a.dnr}",
                ":organ: Kommunstyrelsen",
                f":datum: {a.utl_datum.isoformat()}",
                f":utfall: 1: {a.utfall[0]}; 2: {a.utfall[1]}",
            ],
            wrap(a.beslut_text),
        )
    )
    return pages


def toctree_block(a: Arende, caption: str) -> str:
    entries = ["motion", "remiss", *(y.docname for y in a.yttranden)]
    entries += ["utlatande", "beslut"]
    return (
        f".. toctree::\n   :maxdepth: 1\n   :caption: {caption}\n\n"
        + "\n".join(f"   {e}" for e in entries)
        + "\n"
    )


def yttrande_header(a: Arende, y: Yttrande) -> list[tuple[str, str]]:
    return [
        ("Diarienummer", a.dnr),
        ("Förvaltning", y.forvaltning),
        ("Datum", swedish_date(y.datum)),
        ("Sammanträde", swedish_date(y.sammantrade)),
        ("Handläggare", y.handlaggare),
        ("Telefon", y.telefon),
        ("Ställning", stallning(y)),
    ]


def plain_pages(a: Arende, needs: bool = False) -> Pages:
    """The plain reST pages; with ``needs`` every object is a need."""
    pages: Pages = {}
    p = f"{a.key}"

    def obj(
        kind: str,
        need_title: str,
        need_id: str,
        need_fields: Sequence[str],
        header: Sequence[tuple[str, str]],
        body: str,
    ) -> str:
        if needs:
            return directive(kind, need_title, [f":id: {need_id}", *need_fields], body)
        lines = [f"**{need_title}**\n"] if need_title else []
        if header:
            lines.append(field_list(header) + "\n")
        return "\n".join(lines) + ("\n" + body + "\n" if body.strip() else "")

    pages["index"] = (
        title(f"{a.dnr} – {a.utlatande_title}")
        + "\n"
        + obj(
            "arende",
            a.rubrik,
            f"ARE_{p}",
            [f":dnr: {a.dnr}", ":organ: Kommunstyrelsen"],
            [("Diarienummer", a.dnr), ("Ansvarig", "Kommunstyrelsen")],
            wrap(a.about),
        )
        + "\n"
        + toctree_block(a, "Handlingar i ärendet")
    )
    if needs:
        atts = "\n\n".join(
            directive(
                "yrkande",
                f"Att-sats {n}",
                [
                    f":id: YRK_{p}_{n}",
                    f":dnr: {a.dnr}",
                    f":nummer: {n}",
                    f":avser: MOT_{p}",
                ],
                wrap(s),
            )
            for n, s in enumerate(a.attsatser, start=1)
        )
    else:
        atts = "\n".join(f"#. {s}" for s in a.attsatser) + "\n"
    motion_body = (
        paras(a.motion_text)
        + "\n\nMotionärerna föreslår därför att kommunfullmäktige beslutar\n\n"
        + atts
    )
    pages["motion"] = (
        title("Motion")
        + "\n"
        + obj(
            "motion",
            a.motion_title,
            f"MOT_{p}",
            [
                f":dnr: {a.dnr}",
                f":datum: {a.inlamnad.isoformat()}",
                ":organ: Kommunfullmäktige",
                f":personer: {', '.join(a.motionarer)}",
                f":arende: ARE_{p}",
            ],
            [
                ("Diarienummer", a.dnr),
                ("Inlämnad", swedish_date(a.inlamnad)),
                ("Motionärer", ", ".join(a.motionarer)),
            ],
            motion_body,
        )
    )
    instanser = "\n".join(f"#. {y.instans}" for y in a.yttranden)
    pages["remiss"] = (
        title("Remiss")
        + "\n"
        + obj(
            "remiss",
            a.remiss_title,
            f"REM_{p}",
            [
                f":dnr: {a.dnr}",
                ":organ: Kommunstyrelsen",
                f":svar_senast: {a.svar_senast.isoformat()}",
                f":arende: ARE_{p}",
            ],
            [
                ("Diarienummer", a.dnr),
                ("Avsändare", "Kommunstyrelsen"),
                ("Svar senast", swedish_date(a.svar_senast)),
            ],
            wrap(a.remiss_text) + "\n\n" + instanser,
        )
    )
    for y in a.yttranden:
        body = section_text(y.sections, rubric=needs)
        body += "\n\n" + "\n\n".join(y.undertecknare)
        page = (
            title(f"Yttrande från {in_sentence(y.instans)}")
            + "\n"
            + obj(
                "yttrande",
                y.instans,
                f"YTT_{p}_{y.number}",
                [
                    f":dnr: {a.dnr}",
                    f":instans: {y.instans}",
                    f":forvaltning: {y.forvaltning}",
                    f":datum: {y.datum.isoformat()}",
                    f":sammantrade: {y.sammantrade.isoformat()}",
                    f":stallning: {stallning(y)}",
                    f":sammanfattning: {y.sammanfattning}",
                    f":personer: {y.handlaggare}",
                    f":besvarar: REM_{p}",
                ],
                yttrande_header(a, y),
                body,
            )
        )
        if a.reservation.yttrande == y.number:
            r = a.reservation
            page += "\n" + obj(
                "reservation",
                f"Särskilt uttalande, {y.instans}",
                f"RES_{p}_1",
                [
                    f":dnr: {a.dnr}",
                    f":typ: {r.typ}",
                    f":organ: {y.instans}",
                    f":personer: {r.forfattare}",
                    f":datum: {r.datum.isoformat()}",
                    f":avser: YTT_{p}_{y.number}",
                ],
                [("Typ", r.typ), ("Organ", y.instans), ("Författare", r.forfattare)],
                paras(r.paragraphs),
            )
        pages[y.docname] = page

    def sub(text: str) -> str:
        return heading(text, "-", needs)

    utl_body = "\n\n".join(
        [
            paras(utlatande_byline(a)[:1]),
            paras(utlatande_byline(a)[1:]),
            sub("Ärendet"),
            paras(a.arendet_text),
            sub("Beredning"),
            paras(beredning_text(a)),
            sub("Mina synpunkter"),
            paras(a.synpunkter_text),
            paras(utlatande_closing(a)),
        ]
    )
    compilation = compilation_sections(a, rubric=False)
    if needs:
        compilation = (
            ".. needtable:: Remissvar\n"
            f'   :filter: type == "yttrande" and dnr == "{a.dnr}"\n'
            '   :columns: id;instans as "Remissinstans";datum as "Tjänsteutlåtande";'
            'stallning as "Ställning";sammanfattning as "Sammanfattning"\n'
            "   :style: table\n\n" + compilation
        )
    pages["utlatande"] = (
        title("Utlåtande")
        + "\n"
        + obj(
            "utlatande",
            a.utlatande_title,
            f"UTL_{p}",
            [
                f":dnr: {a.dnr}",
                f":datum: {a.utl_datum.isoformat()}",
                ":organ: Kommunstyrelsen",
                f":personer: {a.foredragande}",
                f":arende: ARE_{p}",
            ],
            [
                ("Dokument", f"Utlåtande {a.rotel}"),
                ("Diarienummer", a.dnr),
                ("Datum", swedish_date(a.utl_datum)),
            ],
            utl_body,
        )
        + "\n"
        + title("Remissammanställning")
        + "\n"
        + compilation
        + "\n"
    )
    pages["beslut"] = (
        title("Beslut")
        + "\n"
        + obj(
            "beslut",
            "Beslut i kommunstyrelsen",
            f"BES_{p}",
            [
                f":dnr: {a.dnr}",
                ":organ: Kommunstyrelsen",
                f":datum: {a.utl_datum.isoformat()}",
                f":utfall: 1: {a.utfall[0]}; 2: {a.utfall[1]}",
                f":beslutar: YRK_{p}_1, YRK_{p}_2",
            ],
            [
                ("Diarienummer", a.dnr),
                ("Organ", "Kommunstyrelsen"),
                ("Datum", swedish_date(a.utl_datum)),
                ("Utfall", f"1: {a.utfall[0]}; 2: {a.utfall[1]}"),
            ],
            wrap(a.beslut_text),
        )
    )
    return pages


def meeting_page(m: Meeting, variant: str) -> str:
    if variant == "kommun":
        return (
            title(m.title)
            + "\n"
            + directive(
                "sammantrade",
                m.long_title,
                [
                    ":organ: Kommunfullmäktige",
                    f":datum: {m.datum.isoformat()}",
                    ":tid: 18.00",
                    ":plats: Stadshuset, Rådssalen",
                    option_list("arenden", [a.dnr for a in m.arenden]),
                ],
                "",
            )
        )
    items = "\n".join(
        f"#. {a.dnr} {a.rubrik}: :doc:`Utlåtande </arende-{a.i}/utlatande>`"
        for a in m.arenden
    )
    return (
        title(m.title)
        + "\n"
        + f"**{m.long_title}**\n\n"
        + field_list(
            [
                ("Organ", "Kommunfullmäktige"),
                ("Datum", swedish_date(m.datum)),
                ("Tid", "18.00"),
                ("Plats", "Stadshuset, Rådssalen"),
            ]
        )
        + "\n\n"
        + title("Föredragningslista", "-")
        + "\n"
        + items
        + "\n"
    )


def root_index(arenden: Sequence[Arende], meetings: Sequence[Meeting]) -> str:
    return (
        title("Handlingar – benchmark")
        + "\nGenererade ärenden för prestandamätning.\n\n"
        + ".. toctree::\n   :maxdepth: 1\n   :caption: Ärenden\n\n"
        + "\n".join(f"   arende-{a.i}/index" for a in arenden)
        + "\n\n.. toctree::\n   :maxdepth: 1\n   :caption: Sammanträden\n\n"
        + "\n".join(f"   {m.docname}" for m in meetings)
        + "\n"
    )


# -- conf.py ------------------------------------------------------------------------

NEEDS_TYPES = (
    ("arende", "Ärende", "ARE_", "#DDDDDD"),
    ("motion", "Motion", "MOT_", "#BFD8D2"),
    ("yrkande", "Att-sats", "YRK_", "#DCB239"),
    ("remiss", "Remiss", "REM_", "#DF744A"),
    ("yttrande", "Yttrande", "YTT_", "#FEDCD2"),
    ("reservation", "Reservation", "RES_", "#C0C0F0"),
    ("utlatande", "Utlåtande", "UTL_", "#A0D0A0"),
    ("beslut", "Beslut", "BES_", "#F0C080"),
)
NEEDS_FIELDS = (
    "dnr",
    "instans",
    "forvaltning",
    "datum",
    "sammantrade",
    "svar_senast",
    "stallning",
    "sammanfattning",
    "organ",
    "typ",
    "personer",
    "utfall",
    "nummer",
)
NEEDS_LINKS = (
    ("arende", "ärende för", "ärende"),
    ("avser", "avses av", "avser"),
    ("besvarar", "besvaras av", "besvarar"),
    ("beslutar", "beslutas av", "beslutar"),
)


def conf_py(variant: str, sidebar: str) -> str:
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    if sidebar not in SIDEBARS:
        raise ValueError(f"unknown sidebar choice {sidebar!r}")
    lines = [
        f'"""Benchmark corpus: {variant} variant (generated by benchmarks/corpus.py)."""',
        "",
        f'project = "Handlingar ({variant})"',
        'language = "sv"',
    ]
    if variant == "kommun":
        lines.append('extensions = ["sphinx_kommun"]')
        lines.append('kommun_profile = "stockholm"')
    elif variant == "needs":
        lines.append('extensions = ["sphinx_needs"]')
    else:
        lines.append("extensions: list[str] = []")
    if sidebar == "off":
        lines.append('html_sidebars: dict[str, list[str]] = {"**": []}')
    if variant == "needs":
        lines += ["", "needs_types = ["]
        for directive_name, type_title, prefix, color in NEEDS_TYPES:
            lines.append(
                f'    {{"directive": "{directive_name}", "title": "{type_title}", '
                f'"prefix": "{prefix}", "color": "{color}", "style": "node"}},'
            )
        lines += ["]", "needs_fields = {"]
        for name in NEEDS_FIELDS:
            lines.append(
                f'    "{name}": {{"description": "{name}", "schema": {{"type": "string"}}}},'
            )
        lines += ["}", "needs_links = {"]
        for name, incoming, outgoing in NEEDS_LINKS:
            lines.append(
                f'    "{name}": {{"incoming": "{incoming}", "outgoing": "{outgoing}"}},'
            )
        lines += ["}", 'needs_id_regex = r"^[A-Z0-9_]{3,}$"']
    return "\n".join(lines) + "\n"


def write_conf(project: Path, variant: str, sidebar: str) -> None:
    """(Re)write a project's conf.py, e.g. to switch the sidebar on."""
    (project / "conf.py").write_text(conf_py(variant, sidebar), encoding="utf-8")


# -- writing ------------------------------------------------------------------------


def _write_project(
    project: Path,
    variant: str,
    sidebar: str,
    arenden: Sequence[Arende],
    meetings: Sequence[Meeting],
    pages_of: Callable[[Arende], Pages],
) -> None:
    if project.exists():
        shutil.rmtree(project)
    (project / "sammantraden").mkdir(parents=True)
    write_conf(project, variant, sidebar)
    (project / "index.rst").write_text(root_index(arenden, meetings), encoding="utf-8")
    for a in arenden:
        directory = project / f"arende-{a.i}"
        directory.mkdir()
        for name, text in pages_of(a).items():
            (directory / f"{name}.rst").write_text(text, encoding="utf-8")
    for m in meetings:
        (project / f"{m.docname}.rst").write_text(
            meeting_page(m, variant), encoding="utf-8"
        )


def write_corpus(
    root: Path,
    n: int,
    seed: int = 1,
    sidebar: str = "off",
    year: int = 2020,
    variants: Sequence[str] = VARIANTS,
) -> dict[str, Path]:
    """Write the variants for ``n`` ärenden under ``root``, their diarienummer
    and dates in ``year`` (``KS 2020/1001`` …; the archive benchmark writes
    one corpus per year).

    Returns ``{"kommun": …, "plain": …, "needs": …}``, the project directories.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    arenden = [make_arende(i, seed, year) for i in range(1, n + 1)]
    meetings = make_meetings(arenden, year)
    writers: dict[str, Callable[[Arende], Pages]] = {
        "kommun": kommun_pages,
        "plain": plain_pages,
        "needs": lambda a: plain_pages(a, needs=True),
    }
    result: dict[str, Path] = {}
    for variant, writer in writers.items():
        if variant not in variants:
            continue
        project = root / variant
        _write_project(project, variant, sidebar, arenden, meetings, writer)
        result[variant] = project
    return result


def source_words(project: Path) -> tuple[int, int]:
    """(documents, words) of a project's .rst sources."""
    docs = words = 0
    for path in project.rglob("*.rst"):
        docs += 1
        words += len(re.findall(r"\w+", path.read_text(encoding="utf-8")))
    return docs, words


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write the variants into")
    parser.add_argument("--n", type=int, default=50, help="number of ärenden")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sidebar", choices=SIDEBARS, default="off")
    args = parser.parse_args(argv)
    projects = write_corpus(args.out, args.n, args.seed, args.sidebar)
    for variant, project in projects.items():
        docs, words = source_words(project)
        print(f"{variant:7} {project}  {docs} pages, {words} source words")


if __name__ == "__main__":
    main()
