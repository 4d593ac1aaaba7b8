"""Swedish dates, genitive, lists, in-sentence forms and slugs."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_kommun.swedish import (
    fold,
    format_date,
    genitive,
    in_sentence,
    join,
    normalise,
    output_locale,
    parse_date,
    slug,
)


def test_dates_are_written_out_in_swedish() -> None:
    assert format_date(dt.date(2020, 9, 24)) == "24 september 2020"
    assert format_date(dt.date(2021, 2, 1)) == "1 februari 2021"
    assert format_date(dt.date(2020, 9, 24), "en") == "24 September 2020"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bromma stadsdelsförvaltning", "Bromma stadsdelsförvaltnings"),
        ("Socialförvaltningen", "Socialförvaltningens"),
        ("Stadsledningskontoret", "Stadsledningskontorets"),
        ("Kungsholmens stadsdelsförvaltning", "Kungsholmens stadsdelsförvaltnings"),
        ("Hans", "Hans"),
        ("Linux", "Linux"),
        ("Niklas Thorén", "Niklas Thoréns"),
        ("KS", "KS:s"),
        ("SLK", "SLK:s"),
        ("Stockholm Vatten AB", "Stockholm Vatten AB:s"),
        ("Trafikverket (Region Stockholm)", "Trafikverkets (Region Stockholm)"),
        ("Nämnd 2", "Nämnd 2:s"),
    ],
)
def test_genitive(name: str, expected: str) -> None:
    assert genitive(name) == expected


def test_lists_use_och_without_serial_comma() -> None:
    assert join(["A", "B", "C"]) == "A, B och C"
    assert join(["A", "B"]) == "A och B"
    assert join(["A"]) == "A"
    assert join([]) == ""
    assert join(["A", "B", "C"], "en") == "A, B, and C"


def test_lists_with_eller() -> None:
    assert join(["A", "B", "C"], style="or") == "A, B eller C"
    assert join(["A", "B"], "en", style="or") == "A or B"
    assert join(["A", "B", "C"], style="standard") == join(["A", "B", "C"])
    with pytest.raises(ValueError, match="style 'and'"):  # Babel's names only
        join(["A", "B"], style="and")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bedömning", "bedomning"),
        ("  Jämställdhets   ANALYS ", "jamstalldhets analys"),
        ("Ärende", "arende"),
        ("Éva Müller", "eva muller"),
        ("STRASSE", "strasse"),
    ],
)
def test_fold_ignores_case_accents_and_spacing(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Stadsledningskontoret", "stadsledningskontoret"),
        ("Socialnämnden", "socialnämnden"),
        ("Bromma stadsdelsnämnd", "Bromma stadsdelsnämnd"),
        ("Polismyndigheten", "Polismyndigheten"),
        ("Gatu- och fastighetsnämnden", "gatu- och fastighetsnämnden"),
        ("Kultur- och fritidsförvaltningen", "kultur- och fritidsförvaltningen"),
        ("Kommunstyrelsens arbetsutskott", "kommunstyrelsens arbetsutskott"),
        (
            "Nämnden för arbetsmarknad och vuxenutbildning",
            "nämnden för arbetsmarknad och vuxenutbildning",
        ),
        ("Kommunfullmäktige", "kommunfullmäktige"),
        ("Tekniska nämnden", "tekniska nämnden"),
        (
            "Kultur-, idrotts- och fritidsnämnden",
            "kultur-, idrotts- och fritidsnämnden",
        ),
        ("Hägersten-Älvsjö stadsdelsnämnd", "Hägersten-Älvsjö stadsdelsnämnd"),
        ("Uppsala kommun Fastighets AB", "Uppsala kommun Fastighets AB"),
        ("Region Uppsala", "Region Uppsala"),
        ("Trafikverket", "Trafikverket"),
    ],
)
def test_common_nouns_are_lower_case_inside_a_sentence(
    name: str, expected: str
) -> None:
    assert in_sentence(name) == expected


def test_a_proper_name_the_rule_does_not_know_keeps_its_capitals() -> None:
    assert in_sentence("Skönhetsrådet") == "skönhetsrådet"
    assert in_sentence("Skönhetsrådet", proper=["skönhetsrådet"]) == "Skönhetsrådet"
    assert in_sentence("Pensionärsrådet", proper=["Skönhetsrådet"]) == "pensionärsrådet"


def test_all_capitals_stay_as_written_inside_a_sentence() -> None:
    assert in_sentence("SOCIALNÄMNDEN") == "SOCIALNÄMNDEN"


def test_slug_keeps_swedish_letters() -> None:
    assert slug("KS 2019/1899") == "ks-2019-1899"
    assert slug("Hägersten-Älvsjö stadsdelsnämnd") == "hägersten-älvsjö-stadsdelsnämnd"
    assert slug("  Å, Ä & Ö  ") == "å-ä-ö"
    assert slug("Ångström ñ") == "ångström-n"


def test_parse_date_accepts_iso_and_names_the_problem() -> None:
    assert parse_date(" 2020-09-24 ") == dt.date(2020, 9, 24)
    with pytest.raises(ValueError, match="ÅÅÅÅ-MM-DD"):
        parse_date("24/9 2020")
    with pytest.raises(ValueError, match="inte ett giltigt datum"):
        parse_date("2020-02-30")
    # digits of other scripts are not ISO dates
    with pytest.raises(ValueError, match="ÅÅÅÅ-MM-DD"):
        parse_date("２０２０-０９-２４")


def test_output_locale_falls_back_to_swedish() -> None:
    assert output_locale("sv") == "sv"
    assert output_locale("en_GB") == "en"
    assert output_locale("de") == "sv"
    assert output_locale(None) == "sv"


def test_normalise_compares_composed_and_decomposed_letters_alike() -> None:
    """A name pasted from macOS (NFD: ``a`` + U+0308) is the same name,
    and ``Älvsjö`` is still not ``Alvsjo``."""
    decomposed = "Socialna\u0308mnden  i A\u0308lvsjo\u0308"
    assert normalise(decomposed) == normalise("socialnämnden i Älvsjö")
    assert normalise("Älvsjö") != normalise("Alvsjo")
