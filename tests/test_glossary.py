"""Glossary: Schwartz-Hearst on made-up snippets and on the real seeds, and the editable list."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_NAMES
from generator.glossary import (
    AbbreviationListError,
    build_glossary,
    glossary_and_conflicts,
    find_abbreviations,
    load_abbreviation_list,
    valid_short,
)
from generator.model import Abbreviation

# Every abbreviation the seeds spell out.
SPELLED_OUT = {
    "DMM", "NPG", "UDCG", "CT25", "IAMD", "DPAP", "NSDIF", "NUC", "NSATU", "NMI", "OIR", "DIP", "DDA",
    "NDPP", "AMDTF", "PURL", "DST", "OTI", "EDIP", "SAFE", "MRTT", "DGLC", "NAR", "RBZ", "HV", "AIV",
    "OESO", "GABC", "PA", "EUBAM", "ECID", "NSPA", "EDA",
}


def found(text: str) -> dict[str, str]:
    return dict(find_abbreviations(text))


# --- Schwartz-Hearst and the other patterns --------------------------------------


@pytest.mark.parametrize("text, short, long", [
    ("de Nuclear Planning Group (NPG) komt bijeen", "NPG", "Nuclear Planning Group"),
    # the first letter may not start a function word ("and Missile ..."): look further left
    ("het beëindigen van de Air and Missile Defence Task Force (AMDTF) in Slowakije", "AMDTF",
     "Air and Missile Defence Task Force"),
    # digits in the short form
    ("De Capability Targets 2025 (CT25) zijn vastgesteld.", "CT25", "Capability Targets 2025"),
    # a hyphen starts a word
    ("in de NATO-Ukraine Council (NUC) gesproken", "NUC", "NATO-Ukraine Council"),
    ("het Europees Defensie-Industrie Programma (EDIP), waarop", "EDIP", "Europees Defensie-Industrie Programma"),
    ("de NAVO-missie in Irak (NMI). Nederland", "NMI", "NAVO-missie in Irak"),
    # the bracket is followed by a hyphenated word
    ("het Security Action for Europe (SAFE)-instrument", "SAFE", "Security Action for Europe"),
    # a remark after the short form
    ("de Multi Role Tanker Transport Unit (MRTT, waarvan de bijdrage is verlengd)", "MRTT",
     "Multi Role Tanker Transport Unit"),
    # Dutch function words do not count towards the length
    ("en de Hoge Vertegenwoordiger van de EU voor buitenlandse zaken en veiligheidsbeleid (HV) Kallas",
     "HV", "Hoge Vertegenwoordiger van de EU voor buitenlandse zaken en veiligheidsbeleid"),
    # reversed, inside the bracket
    ("multinationale simulaties (Distributed Synthetic Training, DST).", "DST", "Distributed Synthetic Training"),
    # short form before the bracket
    ("De NAVO (Noord-Atlantische Verdragsorganisatie) telt 32 leden.", "NAVO", "Noord-Atlantische Verdragsorganisatie"),
    # apposition
    ("de volgende stap in het NDPP, het NAVO-capaciteitenplanningsproces. Het NDPP omvat", "NDPP",
     "NAVO-capaciteitenplanningsproces"),
    # markdown emphasis and a line break inside a hyphenated name
    ("een informele *NATO Ukraine Council* (NUC).", "NUC", "NATO Ukraine Council"),
    ("de NATO-\nUkraine Commission (NUC) en", "NUC", "NATO-Ukraine Commission"),
    # plural short form
    ("de negen Priority Capability Areas (PCA's) van de EU", "PCA", "Priority Capability Areas"),
    # a name after the short form: the long form stops at the last matched word
    ("via de European Union Border Assistance Mission to Rafah Crossing Point (EUBAM Rafah).", "EUBAM",
     "European Union Border Assistance Mission"),
    # a lower-case long form is fine when it matches
    ("het bruto binnenlands product (BBP) groeit", "BBP", "bruto binnenlands product"),
])
def test_spelled_out(text, short, long):
    assert found(text).get(short) == long


@pytest.mark.parametrize("text", [
    "minimaal 2% van het bbp (2%) te besteden",
    "luchtverdediging (inclusief F16's), drones en munitie",
    "het implementatieplan (eerste fase) van het plan",
    "het Witboek Europese Defensie - Gereedheid 2030 (‘Witboek’).",
    "Tijdens de NAVO-top in Vilnius in 2023 (Kamerstuk 28 676, nr. 440) stemden",
    "het opschalen van productiecapaciteit (met name in Oekraïne zelf) en",
    "de NAVO-capaciteitsdoelstellingen (Capability Targets 25) ten behoeve van",
    "efficiënt en (kosten-)efficiënt en (counter-)drones",
    # the letters do not occur in order in the words before the bracket
    "Nederland levert een bijdrage (MRTT) aan de missie",
    # a match would start with a function word: "de bijeenkomst van de NAVO-ministers van Defensie"
    "de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers van Defensie (DMM) op 13 februari",
    # ... also when the rest is in lower case
    "ten behoeve van de operationele gereedheid (DOG) van de eenheden",
    # a match would start in a lower-case word and run into a name
    "is ingestemd met de vervolgstappen voor NAVO's /ntegrated Air and Missile Defence (IAMD) plan",
    # apposition with a different first letter
    "samenwerking tussen de EU, de NAVO en de VN",
    # a list whose next item starts with the term's letter
    "het snelle reactievermogen van de EU, het Europees Defensie Agentschap en de betrekkingen tussen de EU en "
    "de NAVO bij de overname van SFOR.",
])
def test_false_positives_are_skipped(text):
    assert find_abbreviations(text) == []


def test_valid_short():
    assert valid_short("CT25") and valid_short("NUC") and valid_short("MoU") and valid_short("SNMG1")
    assert not valid_short("Witboek") and not valid_short("2%") and not valid_short("N") and not valid_short("fase")
    assert not valid_short("ABCDEFGHIJK")


def test_repeats_are_reported_once_in_text_order():
    text = "De Nuclear Planning Group (NPG) en de UDCG. Nuclear Planning Group (NPG)."
    assert find_abbreviations(text) == [("NPG", "Nuclear Planning Group")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB()-,.NUCÏï*\n2%")), max_size=80))
def test_any_text_gives_valid_pairs(text):
    for short, long in find_abbreviations(text):
        assert valid_short(short)
        assert len(long) > len(short) and long == long.strip()


# --- the real seeds -------------------------------------------------------------


def test_raw_seeds_spell_out_every_known_abbreviation(sources):
    glossary = build_glossary(((name[:3], sources[name].text) for name in SEED_NAMES), listed={})
    assert SPELLED_OUT <= {a.short for a in glossary}
    assert all(a.source != "lijst" for a in glossary)


@pytest.fixture(scope="module")
def cleaned_glossary(cleaned):
    texts = [(name[:3], "\n\n".join(b.text for d in cleaned[name].documents for b in d.blocks))
             for name in SEED_NAMES]
    return build_glossary(texts), build_glossary(texts, listed={})


def test_cleaned_seeds_spell_out_every_known_abbreviation(cleaned_glossary):
    with_list, letters_only = cleaned_glossary
    by_short = {a.short: a for a in letters_only}
    assert SPELLED_OUT <= set(by_short)
    assert by_short["NUC"] == Abbreviation("NUC", "NATO-Ukraine Council", "001")
    assert by_short["DDA"].long == "Deterrence and Defence of the Euro-Atlantic Area"
    assert by_short["OESO"].long == "Organisatie voor Economische Samenwerking en Ontwikkeling"
    assert by_short["DMM"] == Abbreviation("DMM", "Defence Ministers Meeting", "000")
    # Every long form starts in a word and names the short form's first letter.
    for a in letters_only:
        assert a.long[0].casefold() == a.short[0].casefold(), a


def test_full_glossary_is_sorted_and_merged(cleaned_glossary):
    with_list, letters_only = cleaned_glossary
    shorts = [a.short for a in with_list]
    assert shorts == sorted(shorts, key=str.casefold)
    assert len(shorts) == len(set(shorts))
    listed = load_abbreviation_list()
    by_short = {a.short: a for a in with_list}
    # The list fills the gaps and settles what the letters spell out too.
    for short in ("SACEUR", "KFOR", "MoU", "BNC", "EDPCI", "MARCOM", "SNMG1", "DGB", "HV", "EDA"):
        assert by_short[short].source == "lijst" and by_short[short].long == listed[short]
    assert {a.short for a in with_list} == {a.short for a in letters_only} | set(listed)


def test_one_letter_cannot_redefine_a_term():
    # Texts come newest first, as the linker passes them.
    old = ("oud", "oud.txt", "de NATO-Ukraine Commission (NUC)")
    new = ("nieuw", "nieuw.txt", "de NATO-Ukraine Council (NUC)")
    glossary, problems = glossary_and_conflicts([new, old], listed={})
    assert glossary == (Abbreviation("NUC", "NATO-Ukraine Commission", "oud"),)
    assert [p.source for p in problems] == ["nieuw.txt"] and problems[0].level == "warning"
    assert "NATO-Ukraine Council" in problems[0].message and "abbreviations.yaml" in problems[0].message


def test_the_form_most_letters_agree_on_wins():
    texts = [("c", "c.txt", "de NATO-Ukraine Council (NUC)"), ("b", "b.txt", "de NATO-Ukraine Council (NUC)"),
             ("a", "a.txt", "de NATO-Ukraine Commission (NUC)")]
    glossary, problems = glossary_and_conflicts(texts, listed={})
    assert glossary == (Abbreviation("NUC", "NATO-Ukraine Council", "c"),)
    assert [p.source for p in problems] == ["a.txt"]
    # Case, spaces and hyphens do not make another form.
    same = [("b", "b.txt", "de NATO Ukraine council (NUC)"), ("a", "a.txt", "de NATO-Ukraine Council (NUC)")]
    assert glossary_and_conflicts(same, listed={})[1] == []


def test_the_list_wins_and_a_differing_letter_is_noted():
    texts = [("a", "a.txt", "de NATO-Ukraine Commission (NUC)")]
    glossary, problems = glossary_and_conflicts(texts, listed={"NUC": "NATO-Ukraine Council"})
    assert glossary == (Abbreviation("NUC", "NATO-Ukraine Council", "lijst"),)
    assert [(p.source, p.level) for p in problems] == [("a.txt", "info")]
    agreeing = [("a", "a.txt", "de NATO-Ukraine Council (NUC)")]
    assert glossary_and_conflicts(agreeing, listed={"NUC": "NATO-Ukraine Council"})[1] == []
    assert build_glossary([], listed={"NUC": "iets anders"}) == (Abbreviation("NUC", "iets anders", "lijst"),)


# --- the editable list -------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "abbreviations.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_list_loads(tmp_path):
    assert load_abbreviation_list(write(tmp_path, "KFOR: Kosovo  Force\n'NO': Noorwegen\n")) == {
        "KFOR": "Kosovo Force", "NO": "Noorwegen"}


@pytest.mark.parametrize("text, message", [
    ("NO: Noorwegen\n", "aanhalingstekens"),
    ("KFOR:\n", "KFOR"),
    ("- KFOR\n", "AFKORTING"),
    ("KFOR: [a\n", "YAML"),
])
def test_list_errors_name_the_file(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(AbbreviationListError) as err:
        load_abbreviation_list(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_list_error_names_the_line(tmp_path):
    path = write(tmp_path, "KFOR: Kosovo Force\nUAS: Unmanned Aerial System\nNO: Noorwegen\n")
    with pytest.raises(AbbreviationListError) as err:
        load_abbreviation_list(path)
    assert str(err.value).startswith(f"{path}:3: ")
