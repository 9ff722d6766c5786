"""How letters name their meeting: phrasings harvested from real letters, committee records and
news pages of 2005-2026, each in a made-up sentence of the genre, and names that must stay
another meeting's or none (generator/data/meetings.yaml)."""
from __future__ import annotations

from datetime import date

import pytest

from generator.clean import clean
from generator.metadata import read_metadata

HEAD = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 20 mei 2010\n\n"
TAIL = "\n\nOperaties\n\nDe ministers spreken over de lopende operaties.\n\n"
DEFENCE = "De minister van Defensie,\n\nA.B. de Voorbeeld\n"


def read(lexicon, body: str, *, head: str = HEAD, closing: str = DEFENCE):
    docs = clean("t.txt", head + body + TAIL + closing, lexicon).documents
    return read_metadata(docs[0], "t.txt")


def types(meta):
    """The letter's meetings as (type, informal)."""
    return [(m.type, m.informal) for m in meta.meetings]


AGENDA = "Hierbij bied ik u de geannoteerde agenda aan voor {} die op 10 en 11 juni aanstaande in Brussel plaatsvindt."


@pytest.mark.parametrize("name, expected", [
    # NAVO defence ministers
    ("de ministeriële NAVO-bijeenkomst", ("dmm", False)),
    ("de ministeriële Navo-bijeenkomst van de ministers van Defensie", ("dmm", False)),
    ("de Navo-informele", ("dmm", True)),
    ("de bijeenkomst van de ministers van Defensie van de 28 NAVO-landen", ("dmm", False)),
    # ... by NATO's own name: its council "at the level of" (or "for") the defence ministers
    ("de vergadering van de Noord-Atlantische Raad op het niveau van ministers van Defensie", ("dmm", False)),
    ("de bijeenkomst van de Noord-Atlantische Raad (NAR) op het niveau van defensieministers", ("dmm", False)),
    ("de informele bijeenkomst van de Noord-Atlantische Raad voor ministers van Defensie", ("dmm", True)),
    ("de NAR-ministeriële op het niveau van ministers van Defensie", ("dmm", False)),
    # NAVO foreign ministers
    ("de FMM", ("fmm", False)),
    # the abbreviation joined to the organisation's (made up: no real letter seen with it)
    ("de NAVO-FMM", ("fmm", False)),
    ("de NAVO-DMM", ("dmm", False)),
    ("de Defence Ministerial", ("dmm", False)),
    ("de ministeriële NAVO-bijeenkomst van ministers van Buitenlandse Zaken", ("fmm", False)),
    # NATO's order of the words, as the 2022 verslag of Boekarest has it (made-up sentence, kst-28676-418's shape)
    ("de NAVO-ministeriële bijeenkomst van ministers van Buitenlandse Zaken", ("fmm", False)),
    ("de NAVO-ministeriële bijeenkomst ministers van Buitenlandse Zaken", ("fmm", False)),   # as a title writes it
    ("de ministeriële NAVO-raad", ("dmm", False)),   # the writer's colleagues, as "NAVO-ministeriële"
    ("de NAVO-ministeriële bijeenkomst van de ministers van Defensie", ("dmm", False)),
    ("de NAVO-bijeenkomst van de ministers van Buitenlandse Zaken", ("fmm", False)),
    ("de bijeenkomst van de ministers van Buitenlandse Zaken van de Atlantische Alliantie", ("fmm", False)),
    ("de vergadering van de Noord-Atlantische Raad op het niveau van ministers van Buitenlandse Zaken",
     ("fmm", False)),
    # NAVO-top
    ("de top van de NAVO", ("navo-top", False)),
    ("de bijeenkomst van de leiders van de 32 NAVO-landen", ("navo-top", False)),
    ("de topbijeenkomst van de staatshoofden en regeringsleiders van het Noord-Atlantisch Bondgenootschap",
     ("navo-top", False)),
    ("de bijeenkomst van de staatshoofden en regeringsleiders van de Atlantische Alliantie", ("navo-top", False)),
    ("de bijeenkomst van de regeringsleiders en staatshoofden van de 32 NAVO-landen", ("navo-top", False)),
    ("de vergadering van de Noord-Atlantische Raad op het niveau van staatshoofden en regeringsleiders",
     ("navo-top", False)),
    # EU defence council
    ("de Defensieraad", ("rbz-defensie", False)),
    ("de informele Defensieraad", ("rbz-defensie", True)),
    ("de gezamenlijke RBZ", ("rbz-defensie", False)),
    ("een gezamenlijke Raad Buitenlandse Zaken (RBZ) met de ministers van Buitenlandse Zaken en Defensie",
     ("rbz-defensie", False)),
    ("de Raad Buitenlandse Zaken met de ministers van Buitenlandse Zaken en van Defensie", ("rbz-defensie", False)),
    ("de informele bijeenkomst van de ministers van Defensie van de 27 EU-lidstaten", ("rbz-defensie", True)),
    ("de Foreign Affairs Council (Defence)", ("rbz-defensie", False)),
    # short forms of notes and tables (made up: no real letter seen with them)
    ("de RBZ-D", ("rbz-defensie", False)),
    ("de FAC Defensie", ("rbz-defensie", False)),
    ("de Foreign Affairs Council (including Defence)", ("rbz-defensie", False)),
    ("de Informal Meeting of EU Defence Ministers", ("rbz-defensie", True)),
    # a committee record giving a letter's title (kst-21501-28-54)
    ("de informele EU-defensieministeriële", ("rbz-defensie", True)),
    # a Defence news item of 2007 (opennieuwsbank): "de Raad voor Algemene Zaken en Externe Betrekkingen (RAZEB)"
    ("de Raad voor Algemene Zaken en Externe Betrekkingen met de ministers van Defensie", ("rbz-defensie", False)),
    # the joint council in a government press release of 21 March 2022 (agenparl) and on njb.nl
    ("de bijeenkomst van de EU-ministers van Buitenlandse Zaken en Defensie", ("rbz-defensie", False)),
    ("de Raad Buitenlandse Zaken en Defensie", ("rbz-defensie", False)),
    # the council and its defence configuration joined by a slash, as Defence letters shorten it
    ("de RBZ/Defensie", ("rbz-defensie", False)),
    ("de Raad Buitenlandse Zaken/Defensie", ("rbz-defensie", False)),
    ("de informele RBZ/Defensie", ("rbz-defensie", True)),
    # the abbreviation with the configuration in brackets, as "Raad Buitenlandse Zaken (Defensie)"
    ("de RBZ (Defensie)", ("rbz-defensie", False)),
    # a letter's title as a committee record gives it (kst-21501-28-111): "informele EU-bijeenkomst Ministers van Defensie"
    ("de informele EU-bijeenkomst Ministers van Defensie", ("rbz-defensie", True)),
    ("de informele EU-bijeenkomst van de ministers van Defensie", ("rbz-defensie", True)),
    # EU foreign ministers (not the defence council)
    ("de Raad van de Europese Unie (Buitenlandse Zaken)", ("rbz", False)),
    ("de Gymnich", ("rbz", True)),
    ("de informele Raad van ministers van Buitenlandse Zaken (Gymnich)", ("rbz", True)),
])
def test_meeting_named(lexicon, name, expected):
    meta = read(lexicon, AGENDA.format(name))
    assert types(meta) == [expected]
    assert (meta.meetings[0].start, meta.meetings[0].location) == (date(2010, 6, 10), "Brussel")


def test_ministers_come_together(lexicon):
    meta = read(lexicon, "Hierbij ontvangt u de geannoteerde agenda. De NAVO-ministers van Buitenlandse Zaken "
                         "komen op 10 en 11 juni in Brussel samen.")
    assert types(meta) == [("fmm", False)]
    # "samen met" says who goes along, not that a meeting takes place.
    meta = read(lexicon, "Hierbij ontvangt u de geannoteerde agenda. Wij komen op 10 juni samen met de "
                         "NAVO-ministers van Buitenlandse Zaken in het nieuws.")
    assert meta.meetings == ()


@pytest.mark.parametrize("sentence", [
    # The foreign ministers' council without defence ministers stays the Raad Buitenlandse Zaken.
    "Hierbij bied ik u de geannoteerde agenda aan voor de gezamenlijke lunch van de Raad Buitenlandse Zaken "
    "met de ministers van Buitenlandse Zaken en Handel die op 10 juni aanstaande in Brussel plaatsvindt.",
])
def test_foreign_affairs_council_stays_rbz(lexicon, sentence):
    assert types(read(lexicon, sentence)) == [("rbz", False)]


@pytest.mark.parametrize("sentence", [
    # Named in passing, a new name is no more the letter's meeting than an old one.
    "Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst op 27 juni in Den Haag, "
    "ter voorbereiding op de top van de NAVO op 11 en 12 juli in Vilnius.",
    # ... also where a headline leaves out the article.
    "Hierbij ontvangt u het verslag van de bijeenkomst van regeringsleiders in aanloop naar NAVO-top Vilnius "
    "van 11 en 12 juli.",
    "Hierbij ontvangt u de geannoteerde agenda; de minister heeft voorafgaand aan NAVO-top op 13 en 14 juni "
    "overleg in Berlijn.",
    # Leaders without the NAVO meet in the Europese Raad.
    "Hierbij bied ik u de geannoteerde agenda aan; op 26 juni komen de regeringsleiders en staatshoofden van "
    "de EU-lidstaten in Brussel bijeen.",
    # Bodies and assemblies that are none of the meetings.
    "Hierbij bied ik u de geannoteerde agenda aan voor de jaarvergadering van de NAVO Parlementaire Assemblee "
    "die op 10 en 11 oktober aanstaande in Kopenhagen plaatsvindt.",
    "Hierbij bied ik u de geannoteerde agenda aan voor de Defensiecontactgroep voor Oekraïne (UDCG), "
    "die op 4 juni in Brussel bijeenkomt.",
    "Hierbij bied ik u het verslag aan van de ministeriële bijeenkomst van het European Intervention Initiative "
    "in Parijs op 7 mei 2010.",
    "Hierbij bied ik u de geannoteerde agenda aan; op 15 juni a.s. vindt in Luxemburg de Raad Algemene Zaken (RAZ) "
    "plaats, met een bespreking van de Europese Raad (ER) van 24 en 25 juni.",
])
def test_named_but_not_a_meeting_of_the_letter(lexicon, sentence):
    assert read(lexicon, sentence).meetings == ()


NAVO_MINISTERIAL = "Hierbij bied ik u de geannoteerde agenda aan voor {} van 10 en 11 juni aanstaande in Brussel."
FOREIGN = "De minister van Buitenlandse Zaken,\n\nC.D. de Voorbeeld\n"
PRINTED = "28 676 NAVO\n\nNr. 999 BRIEF VAN DE MINISTER{} VAN BUITENLANDSE ZAKEN{}\n\n" + HEAD


@pytest.mark.parametrize("name", ["de NAVO-ministeriële", "de NAVO Ministeriële", "de NAVO-ministeriële bijeenkomst",
                                  "de ministeriële NAVO-bijeenkomst"])
def test_a_navo_ministerial_is_the_writers_colleagues(lexicon, name):
    body = NAVO_MINISTERIAL.format(name)
    assert types(read(lexicon, body)) == [("dmm", False)]
    # The Minister of Foreign Affairs writes about the foreign ministers' meeting, signed or printed in the head.
    assert types(read(lexicon, body, closing=FOREIGN)) == [("fmm", False)]
    assert types(read(lexicon, body, head=PRINTED.format("", ""), closing="")) == [("fmm", False)]
    # Both ministers together: the defence ministers' still.
    assert types(read(lexicon, body, head=PRINTED.format("S", " EN VAN DEFENSIE"), closing="")) == [("dmm", False)]
    assert types(read(lexicon, body, head=PRINTED.format("S", " EN VAN\nDEFENSIE"), closing="")) == [("dmm", False)]


def test_a_meeting_named_with_its_ministers_does_not_follow_the_writer(lexicon):
    body = NAVO_MINISTERIAL.format("de bijeenkomst van de NAVO-ministers van Defensie")
    assert types(read(lexicon, body, closing=FOREIGN)) == [("dmm", False)]


# A saved letter (a news archive's page) under the title it was given, breaking off before its signature:
# no date, addressee or signature, and the opening does not yet speak to the Kamer.
ARCHIVED = ("Kamerbrief inzake informele NAVO-ministeriële Oslo, 26 en 27 april 2007\n\n"
            "Op 26 en 27 april jl. vond in Oslo de jaarlijkse informele ministeriële NAVO-bijeenkomst van "
            "ministers van Buitenlandse Zaken plaats.\n\nRusland\n\nIk heb het belang van overleg benadrukt.\n")


def test_a_bare_navo_ministerial_is_the_meeting_named_in_full_on_its_days(lexicon):
    docs = clean("t.txt", ARCHIVED, lexicon).documents
    meta = read_metadata(docs[0], "t.txt")
    assert [(m.type, m.informal, m.start, m.end, m.location) for m in meta.meetings] == [
        ("fmm", True, date(2007, 4, 26), date(2007, 4, 27), "Oslo")]


def test_a_title_that_calls_the_text_a_kamerbrief_makes_it_a_letter(lexicon):
    meta = read_metadata(clean("t.txt", ARCHIVED, lexicon).documents[0], "t.txt")
    assert meta.kind == "verslag"
    # A news item of the same words is none.
    news = ARCHIVED.replace("Kamerbrief inzake informele", "Informele").replace("Ik heb", "De minister heeft")
    assert read_metadata(clean("t.txt", news, lexicon).documents[0], "t.txt").kind == "overig"


COSIGNED = ("De minister van Buitenlandse Zaken,\n\nC.D. de Voorbeeld\n\n"
            "De minister van Defensie,\n\nA.B. de Voorbeeld\n")


@pytest.mark.parametrize("name", ["de Raad Algemene Zaken en Externe Betrekkingen", "de RAZEB",
                                  "de Raad voor Algemene Zaken en Externe Betrekkingen"])
def test_a_razeb_the_defence_minister_signs_is_the_defence_council(lexicon, name):
    body = f"Graag bieden wij u hierbij de geannoteerde agenda aan van {name} van 19 en 20 november 2007."
    assert types(read(lexicon, body, closing=COSIGNED)) == [("rbz-defensie", False)]
    assert types(read(lexicon, body, closing=DEFENCE)) == [("rbz-defensie", False)]
    # The Minister of Foreign Affairs alone reports on the council of the foreign ministers.
    assert types(read(lexicon, body, closing=FOREIGN)) == [("rbz", False)]


def test_a_council_is_named_as_it_was_on_its_day(tmp_path):
    # The RAZEB became the Raad Buitenlandse Zaken with the Lisbon Treaty (1 December 2009).
    from generator.pipeline import build_corpus
    for name, day, year in (("a.txt", "26 en 27 april", 2004), ("b.txt", "25 januari", 2010)):
        (tmp_path / name).write_text(
            f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 20 april {year}\n\n"
            f"Hierbij bied ik u de geannoteerde agenda aan van de Raad Algemene Zaken en Externe Betrekkingen "
            f"van {day} {year}.\n\nDe Minister van Buitenlandse Zaken,\n\nA.B. Voorbeeld\n"
            if year == 2004 else
            f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 15 januari {year}\n\n"
            f"Hierbij bied ik u de geannoteerde agenda aan van de Raad Buitenlandse Zaken van {day} {year}.\n\n"
            "De Minister van Buitenlandse Zaken,\n\nA.B. Voorbeeld\n", encoding="utf-8")
    corpus = build_corpus(tmp_path).corpus
    assert [(m.id, m.title) for m in corpus.meetings] == [
        ("2004-04-26-rbz", "Raad Algemene Zaken en Externe Betrekkingen"), ("2010-01-25-rbz", "Raad Buitenlandse Zaken")]
    assert sorted(l.title for l in corpus.letters) == [
        "Geannoteerde agenda Raad Algemene Zaken en Externe Betrekkingen 26 april 2004",
        "Geannoteerde agenda Raad Buitenlandse Zaken 25 januari 2010"]
