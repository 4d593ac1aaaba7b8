"""Swedish language helpers: dates, genitive, lists, slugs and in-sentence forms.

Dates and lists come from Babel's CLDR data (a Sphinx dependency), so that
"den 24 september 2020" and "A, B och C" are what CLDR says they are rather
than something hand-written here. Genitive and the lower-casing of common
nouns inside a sentence have no CLDR rule and are implemented here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

from babel.dates import format_date as _babel_format_date
from babel.lists import format_list as _babel_format_list

#: Locales the package has output texts for; anything else falls back to Swedish.
OUTPUT_LOCALES = ("sv", "en")

#: Endings of single-word names that are common nouns in Swedish ("socialnämnden",
#: "stadsledningskontoret") and therefore written in lower case inside a sentence.
DEFAULT_COMMON_NOUN_ENDINGS = (
    "nämnden",
    "kontoret",
    "förvaltningen",
    "styrelsen",
    "fullmäktige",
    "beredningen",
    "rådet",
    "revisorerna",
    "kansliet",
)

_ISO_DATE = re.compile(r"^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})\s*$")


def output_locale(language: str | None) -> str:
    """The locale used for generated text, given Sphinx's ``language``."""
    if language:
        base = language.replace("-", "_").split("_")[0].lower()
        if base in OUTPUT_LOCALES:
            return base
    return "sv"


def parse_date(text: str) -> dt.date:
    """Parse an ISO date (``2020-09-24``).

    :raises ValueError: with a message in Swedish naming what was wrong.
    """
    match = _ISO_DATE.match(text)
    if not match:
        raise ValueError(f"'{text.strip()}' är inte ett datum på formen ÅÅÅÅ-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text.strip()}' är inte ett giltigt datum") from None


def format_date(date: dt.date, locale: str = "sv") -> str:
    """``date`` written out: ``24 september 2020`` (sv) or ``24 September 2020``."""
    return str(_babel_format_date(date, "d MMMM y", locale=locale))


def join(
    items: Iterable[str],
    locale: str = "sv",
    style: Literal["standard", "or"] = "standard",
) -> str:
    """Join items as a list in running text: ``A, B och C``.

    ``style`` is CLDR's (Babel's ``format_list``): ``"standard"`` joins with
    "och" ("and"), ``"or"`` with "eller" ("or"): ``A, B eller C``. Empty
    items are left out.
    """
    values = [item for item in items if item]
    if not values:
        return ""
    return str(_babel_format_list(values, style=style, locale=locale))


def normalise(text: str) -> str:
    """``text`` for comparing names: case-insensitive, runs of whitespace as
    one space, letters kept as they are (Älvsjö is not Alvsjo) however they
    are encoded (Unicode NFC: an "ä" pasted from macOS as "a" and a
    combining diaeresis is "ä")."""
    return unicodedata.normalize("NFC", " ".join(text.split()).casefold())


def fold(text: str) -> str:
    """``text`` for comparing words as a clerk means them.

    Case-insensitive, with runs of whitespace as one space, and letters
    without their accents: ``fold(" Bedömning  ÄR ")`` is ``"bedomning ar"``.
    Option names, section names and fixed vocabularies are matched folded.
    """
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def genitive(name: str) -> str:
    """Swedish genitive of a name or noun phrase.

    The -s goes on the last word; a word already ending in s, x or z takes no
    extra s ("Kungsholmens stadsdelsförvaltnings", "Stadsledningskontorets");
    an abbreviation or a number takes ":s" ("KS:s", "Stockholm Vatten AB:s");
    a closing parenthesis is passed over ("Trafikverkets (Region Stockholm)").
    """
    stripped = name.rstrip()
    if not stripped:
        return name
    if stripped.endswith(")") and "(" in stripped:
        opening = stripped.rindex("(")
        head = stripped[:opening].rstrip()
        if head:
            return f"{genitive(head)} {stripped[opening:]}"
    last = stripped.split()[-1]
    if (2 <= len(last) <= 5 and last.isupper()) or last[-1].isdigit():
        return stripped + ":s"
    if stripped[-1].lower() in "sxz":
        return stripped
    return stripped + "s"


def in_sentence(
    name: str,
    endings: Sequence[str] = DEFAULT_COMMON_NOUN_ENDINGS,
    proper: Iterable[str] = (),
) -> str:
    """The form of ``name`` used inside a sentence.

    A body's name that is a common noun is written in lower case: one word
    with a common noun's ending ("Socialnämnden"), a compound written apart
    ("Gatu- och fastighetsnämnden"), words before such a noun ("Tekniska
    nämnden"), a name that starts with such a noun or its genitive
    ("Nämnden för arbetsmarknad …", "Kommunstyrelsens arbetsutskott").
    Proper names keep their capitals: a name with a place
    or another capital in it ("Bromma stadsdelsnämnd", "Hägersten-Älvsjö
    stadsdelsnämnd", "Uppsala kommun Fastighets AB"), an authority
    ("Polismyndigheten"), a name in all capitals, and the names in
    ``proper`` ("Skönhetsrådet").
    """
    words = name.split()
    if not words or name.isupper() or _kept(name, proper):
        return name
    first = words[0]
    if any(char.isupper() for char in first[1:]) or any(
        char.isupper() for word in words[1:] for char in word
    ):
        return name
    lowered = [word.lower() for word in words]

    def common(word: str) -> bool:
        return any(word.endswith(ending) for ending in endings)

    if len(words) == 1:
        is_common = common(lowered[0])
    else:
        is_common = (
            common(lowered[0])
            or (lowered[0].endswith("s") and common(lowered[0][:-1]))
            or common(lowered[-1])
        )
    if is_common:
        return name[0].lower() + name[1:]
    return name


def _kept(name: str, proper: Iterable[str]) -> bool:
    wanted = normalise(name)
    return any(normalise(other) == wanted for other in proper)


#: Endings of the neuter nouns a document is called by ("yttrandet",
#: "tjänsteutlåtandet", "remissvaret", "protokollet").
_NEUTER_ENDINGS = (
    "ande",
    "ende",
    "svar",
    "brev",
    "pm",
    "protokoll",
    "utdrag",
    "beslut",
)


def dated(noun: str) -> str:
    """The participle "daterad" in the gender of ``noun``: "en
    tjänsteskrivelse daterad", "ett yttrande daterat"."""
    last = noun.split()[-1].casefold() if noun.split() else ""
    return "daterat" if last.endswith(_NEUTER_ENDINGS) else "daterad"


def with_kind(kind: str, title: str, separator: str = ": ") -> str:
    """ "Yttrande: Bromma stadsdelsnämnd"; a title that starts with its kind
    is enough ("Beslutspunkt 2", "Reservation av …")."""
    if title.casefold().startswith(kind.casefold()):
        return title
    return f"{kind}{separator}{title}"


def capitalise(text: str) -> str:
    """Upper-case the first letter, leaving the rest alone."""
    return text[:1].upper() + text[1:] if text else text


_SLUG_KEEP = re.compile(r"[^0-9a-zåäöéüæø]+")


def slug(text: str) -> str:
    """An anchor-safe identifier that keeps å, ä and ö.

    ``slug("KS 2019/1899")`` is ``ks-2019-1899``; ``slug("Hägersten-Älvsjö
    stadsdelsnämnd")`` is ``hägersten-älvsjö-stadsdelsnämnd``. Other accented
    letters lose their accent.
    """
    text = unicodedata.normalize("NFC", text.strip().lower())
    out = []
    for char in text:
        if char in "åäöéüæø" or char.isascii():
            out.append(char)
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in decomposed if c.isascii()) or "-")
    return _SLUG_KEEP.sub("-", "".join(out)).strip("-")
