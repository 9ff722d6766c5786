"""The body of a letter's metadata on made-up snippets in the shapes of the genre since 2007:
meeting names, places and dates, the kind, the signer as signed, and where values came from."""
from __future__ import annotations

from datetime import date

import pytest

from generator.clean import clean
from generator.metadata import read_metadata
from generator.references import find_citations

TK = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
SIGNED = "De minister van Defensie,\n\nA.B. de Voorbeeld"


def read(lexicon, body: str, *, date_line: str | None = "Den Haag, 20 januari 2010", closing: str = SIGNED):
    head = f"{TK}\n\n{date_line}\n\n" if date_line else ""
    text = f"{head}{body}\n\nOperaties\n\nDe ministers spreken over de lopende operaties.\n\n{closing}\n"
    docs = clean("t.txt", text, lexicon).documents
    return read_metadata(docs[0], "t.txt"), docs


def meetings(meta):
    return [(m.type, m.start, m.end, m.location, m.informal) for m in meta.meetings]


# --- meeting names, places and dates ---------------------------------------------------


def test_nar_in_defence_composition_informal_aanstaande(lexicon):
    meta, _ = read(lexicon, "Hierbij informeer ik u dat op 4 en 5 februari aanstaande in Istanbul een informele "
                            "bijeenkomst plaatsvindt van de Noord-Atlantische Raad (NAR) in de samenstelling van "
                            "ministers van Defensie.")
    assert meetings(meta) == [("dmm", date(2010, 2, 4), date(2010, 2, 5), "Istanbul", True)]
    assert meta.kind == "geannoteerde agenda"
    assert dict(meta.origins)["meeting"] == "year-from-letter-date"


@pytest.mark.parametrize("name", [
    "de NAVO-ministers van Defensie", "de Navo-ministers van Defensie", "de navo-ministers van defensie",
    "de ministeriële bijeenkomst van de defensieministers van de Navo", "de NAVO-ministeriële",
    "de Defensieministeriële",
])
def test_defence_ministers_in_any_case_and_phrasing(lexicon, name):
    meta, _ = read(lexicon, f"Op 10 en 11 juni aanstaande vindt te Brussel {name} plaats.")
    assert meetings(meta) == [("dmm", date(2010, 6, 10), date(2010, 6, 11), "Brussel", False)]


COMBINED = ("Datum 2 februari 2031\nBetreft Geannoteerde agenda Raad Buitenlandse Zaken Defensie, Bijeenkomst "
            "NAVO-ministers van Defensie en Ukraine Defence Contact Group van 11 en 12 februari 2031\n\n{opening}")


def test_days_a_list_of_meetings_shares_give_way_to_each_meetings_own(lexicon):
    # One letter for two meetings on two days: its subject gives the days to the list, its text to each.
    meta, _ = read(lexicon, COMBINED.format(opening=(
        "Op 11 februari vindt in Brussel de Raad Buitenlandse Zaken in defensiesamenstelling plaats. Op 12 februari "
        "komen de NAVO-ministers van Defensie in Brussel bijeen. Met deze brief informeer ik u over de inzet.")),
        date_line=None)
    assert meetings(meta) == [("rbz-defensie", date(2031, 2, 11), date(2031, 2, 11), "Brussel", False),
                              ("dmm", date(2031, 2, 12), date(2031, 2, 12), "Brussel", False)]
    # A meeting the text names with both days keeps both.
    meta, _ = read(lexicon, COMBINED.format(opening=(
        "Op 11 en 12 februari vindt in Brussel de Raad Buitenlandse Zaken in defensiesamenstelling plaats. "
        "Met deze brief informeer ik u over de inzet.")), date_line=None)
    assert meetings(meta)[0] == ("rbz-defensie", date(2031, 2, 11), date(2031, 2, 12), "Brussel", False)


def test_verslag_with_jl_and_was_te(lexicon):
    meta, _ = read(lexicon, "Op 8 en 9 juni jl. was te Brussel een Navo-bijeenkomst van defensieministers. "
                            "Hieronder treft u de belangrijkste punten.", date_line="Den Haag, 1 juli 2011")
    assert meta.kind == "verslag"
    assert meetings(meta) == [("dmm", date(2011, 6, 8), date(2011, 6, 9), "Brussel", False)]


def test_verslag_as_attachment(lexicon):
    meta, _ = read(lexicon, "Graag bied ik u hierbij als bijlage het verslag aan van de ministeriële bijeenkomst "
                            "van de defensieministers van de Navo te Brussel op 8 en 9 juni jl.",
                   date_line="Den Haag, 1 juli 2011")
    assert meta.kind == "verslag"
    assert meetings(meta) == [("dmm", date(2011, 6, 8), date(2011, 6, 9), "Brussel", False)]


def test_summit_of_heads_of_state_and_government(lexicon):
    meta, _ = read(lexicon, "Op 3 en 4 april komen de staatshoofden en regeringsleiders van de NAVO bijeen "
                            "te Straatsburg/Kehl.", date_line="Den Haag, 20 maart 2009")
    assert meetings(meta) == [("navo-top", date(2009, 4, 3), date(2009, 4, 4), "Straatsburg/Kehl", False)]
    # Without the NAVO, heads of state and government are no NAVO-top (the Europese Raad meets so too).
    meta, _ = read(lexicon, "Op 3 en 4 april komen de staatshoofden en regeringsleiders bijeen in Brussel.",
                   date_line="Den Haag, 20 maart 2009")
    assert meta.meetings == ()


@pytest.mark.parametrize("name", ["de NAVO-ministeriële van Buitenlandse Zaken", "de NAVO Ministeriële Buitenlandse Zaken"])
def test_a_navo_ministerial_of_foreign_affairs_is_the_foreign_ministers(lexicon, name):
    meta, _ = read(lexicon, f"Op 10 en 11 juni aanstaande vindt te Brussel de informele {name[3:]} plaats.")
    assert meetings(meta) == [("fmm", date(2010, 6, 10), date(2010, 6, 11), "Brussel", True)]


def test_foreign_ministers(lexicon):
    meta, _ = read(lexicon, "Op 7 en 8 december a.s. komen de NAVO-ministers van Buitenlandse Zaken in Brussel "
                            "bijeen. Hierbij bied ik u de geannoteerde agenda aan.", date_line="Den Haag, 28 november 2011")
    assert meetings(meta) == [("fmm", date(2011, 12, 7), date(2011, 12, 8), "Brussel", False)]
    meta, _ = read(lexicon, "Graag bied ik u het verslag aan van de NAR-bijeenkomst met de ministers van "
                            "Buitenlandse Zaken, die op 2 en 3 december jl. te Brussel plaatsvond.",
                   date_line="Den Haag, 17 december 2008")
    assert [m.type for m in meta.meetings] == ["fmm"]


@pytest.mark.parametrize("name", [
    "de Raad Buitenlandse Zaken (Defensie)", "de Raad Buitenlandse Zaken met de ministers van Defensie",
    "de Raad Buitenlandse Zaken (RBZ) met ministers van Defensie", "de RBZ Defensie",
    "de Raad Algemene Zaken en Externe Betrekkingen (RAZEB) met de ministers van Defensie",
])
def test_eu_defence_council_in_every_phrasing(lexicon, name):
    meta, _ = read(lexicon, f"Hierbij ontvangt u de geannoteerde agenda voor {name} die op 20 mei in Brussel "
                            "plaatsvindt.", date_line="Den Haag, 12 mei 2025")
    assert meetings(meta) == [("rbz-defensie", date(2025, 5, 20), date(2025, 5, 20), "Brussel", False)]


def test_a_council_is_a_defence_council_only_with_the_defence_ministers_in_it(lexicon):
    meta, _ = read(lexicon, "Op 20 mei komen de NAVO-ministers van Defensie bijeen in Brussel, en de Raad "
                            "Buitenlandse Zaken op 22 mei.", date_line="Den Haag, 12 mei 2025")
    assert [(m.type, m.start) for m in meta.meetings] == [("dmm", date(2025, 5, 20)), ("rbz", date(2025, 5, 22))]


@pytest.mark.parametrize("co", ["mede namens de Minister van Defensie",
                                "mede namens de Minister-President en de Minister van Defensie"])
def test_who_co_sends_a_letter_is_no_composition_of_the_council(lexicon, co):
    meta, _ = read(lexicon, f"Hierbij bied ik u, {co}, het verslag aan van de Raad Buitenlandse Zaken van "
                            "19 november 2031.", date_line="Den Haag, 27 november 2031",
                   closing="De minister van Buitenlandse Zaken,\n\nC.D. de Voorbeeld")
    assert meetings(meta) == [("rbz", date(2031, 11, 19), date(2031, 11, 19), None, False)]
    # The council's composition still counts beside it.
    meta, _ = read(lexicon, f"Hierbij bied ik u, {co}, het verslag aan van de Raad Buitenlandse Zaken met de "
                            "ministers van Defensie van 19 november 2031.", date_line="Den Haag, 27 november 2031",
                   closing="De minister van Buitenlandse Zaken,\n\nC.D. de Voorbeeld")
    assert [m.type for m in meta.meetings] == ["rbz-defensie"]
    # Only who is named right after "namens": on whose behalf a minister speaks in the council is no sender.
    meta, _ = read(lexicon, "Namens Nederland nam ik deel aan de Raad Buitenlandse Zaken van 19 november 2031, waar "
                            "de ministers van Defensie over Oekraïne spraken. Hierbij bied ik u het verslag aan.",
                   date_line="Den Haag, 27 november 2031")
    assert [m.type for m in meta.meetings] == ["rbz-defensie"]


def test_the_razeb_without_defence_ministers_is_the_foreign_affairs_council(lexicon):
    # Until 2009 the Raad Algemene Zaken en Externe Betrekkingen was the council of foreign ministers
    # (as its own minister writes; one the Minister of Defence signs is the defence council: test_meeting_names.py).
    meta, _ = read(lexicon, "Hierbij bied ik u de geannoteerde agenda aan van de Raad Algemene Zaken en Externe "
                            "Betrekkingen van 16 en 17 maart 2031.", date_line="Den Haag, 11 maart 2031",
                   closing="De minister van Buitenlandse Zaken,\n\nC.D. de Voorbeeld")
    assert meetings(meta) == [("rbz", date(2031, 3, 16), date(2031, 3, 17), None, False)]
    meta, _ = read(lexicon, "Hierbij bied ik u de geannoteerde agenda aan van de RAZEB van 16 en 17 maart 2031, "
                            "waar de ministers van Defensie bijeenkomen.", date_line="Den Haag, 11 maart 2031")
    assert [m.type for m in meta.meetings] == ["rbz-defensie"]


def test_informal_eu_defence_ministers(lexicon):
    meta, _ = read(lexicon, "Op 24 en 25 februari aanstaande komen de EU-ministers van Defensie in Palma de "
                            "Mallorca bijeen voor een informele bijeenkomst. Hierbij bied ik u de geannoteerde "
                            "agenda aan.", date_line="Den Haag, 15 februari 2010")
    assert meetings(meta) == [("rbz-defensie", date(2010, 2, 24), date(2010, 2, 25), "Palma de Mallorca", True)]
    meta, _ = read(lexicon, "Op 23 en 24 september vindt in Gent een informele bijeenkomst van de EU-ministers "
                            "van Defensie plaats.", date_line="Den Haag, 15 september 2010")
    assert meetings(meta) == [("rbz-defensie", date(2010, 9, 23), date(2010, 9, 24), "Gent", True)]


def test_range_across_months_with_en(lexicon):
    meta, _ = read(lexicon, "Op 31 mei en 1 juni jl. kwamen de NAVO-ministers van Buitenlandse Zaken in Oslo "
                            "bijeen. Hierbij bied ik u het verslag aan.", date_line="Den Haag, 20 juni 2023")
    assert meetings(meta) == [("fmm", date(2023, 5, 31), date(2023, 6, 1), "Oslo", False)]


def test_no_letter_date_no_year_no_date(lexicon):
    meta, _ = read(lexicon, "Op 14 en 15 juni jl. werd in Brussel een bijeenkomst gehouden van de NAVO-ministers "
                            "van Defensie. In deze brief doe ik u verslag van de bijeenkomst.", date_line=None)
    assert meetings(meta) == [("dmm", None, None, "Brussel", False)]
    assert "jaar van de vergadering" in " ".join(p.message for p in meta.problems)


def test_year_from_a_month_with_its_year_in_the_title(lexicon):
    meta, _ = read(lexicon, "Geannoteerde agenda Brussel juni 2010\n\nHierbij bericht ik u dat op 10 en 11 juni "
                            "aanstaande in Brussel de NAVO-ministers van Defensie bijeenkomen.", date_line=None)
    assert meetings(meta) == [("dmm", date(2010, 6, 10), date(2010, 6, 11), "Brussel", False)]
    assert dict(meta.origins)["meeting"] == "text"


def test_cover_letter_then_all_caps_agenda(lexicon):
    body = ("Hierbij bieden wij u, mede namens de Minister-President, de geannoteerde agenda aan voor de NAVO-Top "
            "van 11 en 12 juli 2023.\n\nDe Minister van Buitenlandse Zaken, A.B. Eerste\n\n"
            "De Minister van Defensie, C.D. Tweede\n\n"
            "GEANNOTEERDE AGENDA VAN DE NAVO TOP IN VILNIUS VAN 11 EN 12 JULI 2023\n\n"
            "De leiders komen op 11 en 12 juli bijeen in Vilnius.")
    meta, _ = read(lexicon, body, date_line="Den Haag, 30 juni 2023", closing="")
    assert meta.kind == "geannoteerde agenda"
    assert meetings(meta) == [("navo-top", date(2023, 7, 11), date(2023, 7, 12), "Vilnius", False)]
    assert meta.minister_signed == "C.D. Tweede"  # the Defence signature of the co-signed cover letter


def test_title_first_then_opening(lexicon):
    meta, _ = read(lexicon, "Verslag informele bijeenkomst NAVO-ministers van Defensie\n\nOp 9 en 10 oktober jl. "
                            "vond in Brussel een informele bijeenkomst plaats van de NAVO-ministers van Defensie.",
                   date_line="Den Haag, 1 november 2012")
    assert meta.kind == "verslag"
    assert meetings(meta) == [("dmm", date(2012, 10, 9), date(2012, 10, 10), "Brussel", True)]


# --- kind --------------------------------------------------------------------------------


@pytest.mark.parametrize("opening, kind", [
    ("Hierbij bieden wij u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie "
     "op 4 en 5 juni te Brussel.", "geannoteerde agenda"),
    ("Op 4 en 5 juni komen de NAVO-ministers van Defensie in Brussel bijeen. Hierbij informeer ik u over de "
     "bijeenkomst.", "geannoteerde agenda"),
    ("Op 4 en 5 juni kwamen de NAVO-ministers van Defensie in Brussel bijeen. In deze brief informeer ik u over "
     "de uitkomsten.", "verslag"),
    ("Hierbij zend ik u het verslag van de informele bijeenkomst van de NAVO-ministers van Defensie op 4 en "
     "5 juni in Brussel.", "verslag"),
])
def test_kind_from_what_the_letter_says(lexicon, opening, kind):
    meta, _ = read(lexicon, opening, date_line="Den Haag, 20 mei 2013" if kind != "verslag" else
                   "Den Haag, 20 juni 2013")
    assert meta.kind == kind


@pytest.mark.parametrize("opening", [
    "Hierbij verzoek ik de Adviesraad Internationale Vraagstukken om advies over de toekomst van de "
    "Europese defensiesamenwerking. Zoals toegezegd in het debat van 18 mei jl. stuur ik u de adviesaanvraag.",
    "Hierbij bied ik u de publicatie over het materieelprogramma aan. De resultaten vindt u in de bijlage. "
    "Tijdens de NAVO-top van 24 en 25 juni 2025 in Den Haag is over de uitgaven gesproken.",
])
def test_a_letter_about_no_meeting_is_overig_without_meeting(lexicon, opening):
    meta, _ = read(lexicon, opening, date_line="Den Haag, 1 juli 2025")
    assert meta.kind == "overig"
    assert meta.meetings == ()


def test_appended_memo_is_a_nota_with_its_van_and_aan(lexicon):
    memo = ("Aan MINDEF\nVan DGB\n\nDatum\n3 maart 2025\n\nNota\n\nOnderwerp van de nota\n\nAanleiding\n\n"
            "Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.\n\nDE DIRECTEUR-GENERAAL BELEID\n")
    meta, docs = read(lexicon, "Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de "
                               "NAVO-ministers van Defensie op 13 februari te Brussel.",
                      date_line="Den Haag, 31 januari 2025", closing=SIGNED + "\n\n\n" + memo)
    assert len(docs) == 2
    nota = read_metadata(docs[1], "t.txt", appended=True)
    assert (nota.kind, nota.memo_from, nota.memo_to, nota.addressee) == ("nota", "DGB", "MINDEF", None)


def test_an_appended_document_without_a_date_is_named_by_its_line_not_warned(lexicon):
    # A memo sent along is dated by its letter: its missing date is news, and its line says which
    # document of the file is meant.
    memo = "Nota\n\nOnderwerp van de nota\n\nAanleiding\n\nDe ministers spreken over de operaties.\n"
    meta, docs = read(lexicon, "Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de "
                               "NAVO-ministers van Defensie op 13 februari te Brussel.",
                      date_line="Den Haag, 31 januari 2025", closing=SIGNED + "\n\n\n" + memo)
    nota = read_metadata(docs[1], "t.txt", appended=True)
    (undated,) = [p for p in nota.problems if p.message.startswith("geen briefdatum")]
    assert (undated.level, undated.line) == ("info", docs[1].first_line)
    assert all(p.line is not None for p in nota.problems)
    # The letter itself without a date is still warned about.
    meta, _ = read(lexicon, "Hierbij stuur ik u de agenda.", date_line=None)
    assert [p.level for p in meta.problems if p.message.startswith("geen briefdatum")] == ["warning"]


# --- signer as signed ---------------------------------------------------------------------


def test_signer_as_signed_and_the_person_only_as_a_key(lexicon):
    meta, _ = read(lexicon, "Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.",
                   closing="De minister van Defensie,\n\nR.P. Brekelmans")
    assert (meta.minister_signed, meta.minister) == ("R.P. Brekelmans", "brekelmans")
    assert dict(meta.origins)["signer"] == "text"


@pytest.mark.parametrize("closing, signed", [
    # two signatures side by side, read as a line of roles and a line of names: Defence's is the signer
    ("De Minister van Buitenlandse Zaken, De Minister van Defensie,\n\nA.B. Voorbeeld C.D. Proef-Model",
     "C.D. Proef-Model"),
    # without Defence, the first signer; a second role is never a name
    ("De Minister van Buitenlandse Zaken, De Staatssecretaris voor Europese Zaken,\n\n"
     "Drs. A.B. Voorbeeld Drs. C.D.E. Proef", "Drs. A.B. Voorbeeld"),
    # read line by line: both role heads, then both tails; titles without their stops (RAZEB letters
    # of 2004-2005); the second role's tail is never its name
    ("De Minister De Staatssecretaris\n\nvan Buitenlandse Zaken, voor Europese Zaken,\n\n"
     "Dr A.B. Voorbeeld Mr Drs C.D. Proef", "Dr A.B. Voorbeeld"),
    # the second head's preposition on the heads' line, and the names one under the other
    ("De Minister De Minister voor\n\nvan Buitenlandse Zaken,\nOntwikkelingssamenwerking,\n\n"
     "Dr. A.B. Voorbeeld\nC.D.E. Proef-Model", "Dr. A.B. Voorbeeld"),
    # the second role broken after its preposition: its rest is no name
    ("De Minister van Buitenlandse Zaken, De Staatssecretaris voor\nEuropese Zaken,\n\n"
     "Drs. A.B. Voorbeeld Drs. C.D.E. Proef", "Drs. A.B. Voorbeeld"),
])
def test_two_signatures_side_by_side(lexicon, closing, signed):
    meta, _ = read(lexicon, "Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.", closing=closing)
    assert meta.minister_signed == signed


@pytest.mark.parametrize("closing, signed, others", [
    ("De minister van Defensie,\n\nA.B. Voorbeeld\n\nDe staatssecretaris van Defensie,\n\nC.D. Proef",
     "A.B. Voorbeeld", ("C.D. Proef",)),
    ("De Minister van Buitenlandse Zaken, De Minister van Defensie,\n\nA.B. Voorbeeld C.D. Proef-Model",
     "C.D. Proef-Model", ("A.B. Voorbeeld",)),
    ("De minister van Defensie,\n\nA.B. Voorbeeld", "A.B. Voorbeeld", ()),
])
def test_every_name_signed_is_kept_the_others_as_cosigners(lexicon, closing, signed, others):
    meta, _ = read(lexicon, "Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.", closing=closing)
    assert (meta.minister_signed, meta.cosigners) == (signed, others)


@pytest.mark.parametrize("closing", [
    "De minister van Defensie,\n\nw.g.\n\nA.B. de Voorbeeld",
    "De minister van Defensie,\n\n(w.g.) A.B. de Voorbeeld",
    "De Minister van Defensie,\n\nW.g. A.B. de Voorbeeld",
])
def test_was_getekend_is_no_part_of_the_signer(lexicon, closing):
    # A published copy leaves out the signature and writes "w.g." (was getekend) in its place: no name.
    meta, _ = read(lexicon, "Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.", closing=closing)
    assert meta.minister_signed == "A.B. de Voorbeeld"


def test_prose_naming_two_ministers_is_no_pair_of_signatures(lexicon):
    meta, _ = read(lexicon, "Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.\n\n"
                            "De Minister van Buitenlandse Zaken, de Minister van Defensie en de Minister-President "
                            "hebben daarover op 2 februari met de bondgenoten gesproken en zullen de Kamer informeren",
                   closing="De minister van Defensie,\n\nA.B. de Voorbeeld")
    assert meta.minister_signed == "A.B. de Voorbeeld"


# --- through the pipeline: export, panel, timelines --------------------------------------


def test_no_first_name_the_text_does_not_give_in_export_or_panel(tmp_path):
    import json

    from generator.cli import export_data
    from generator.pipeline import build_corpus
    from generator.render import Site, letter_front_matter

    (tmp_path / "brief.txt").write_text(
        f"{TK}\n\nDen Haag, 31 januari 2025\n\nOp 13 februari komen de NAVO-ministers van Defensie in Brussel "
        "bijeen. In deze brief informeer ik uw Kamer over de Nederlandse inzet.\n\nDe minister van Defensie,"
        "\n\nR.P. Brekelmans\n", encoding="utf-8")
    result = build_corpus(tmp_path)
    exported = json.dumps(export_data(result), ensure_ascii=False)
    assert "R.P. Brekelmans" in exported and "Ruben" not in exported
    letter = result.corpus.letters[0]
    panel = letter_front_matter(Site(result.corpus), letter, "brieven/x.md")["brief"]
    assert panel["minister"] == "R.P. Brekelmans"
    assert panel["soort"] == "Geannoteerde agenda"
    assert panel["herkomst"] == {"datum": "briefhoofd", "geadresseerde": "briefhoofd", "soort": "brieftekst",
                                 "ondertekenaar": "brieftekst", "vergadering": "jaar uit de briefdatum"}


def test_the_panel_says_a_meetings_type_came_from_the_letters_dossier(tmp_path):
    # "de Ministers van Defensie" name no organisation; in 28 676 NAVO they are NATO's (meetings.yaml
    # names_in_dossier).  The text did not say so: the panel says where the type came from.
    from generator.pipeline import build_corpus
    from generator.render import Site, letter_front_matter

    (tmp_path / "verslag.txt").write_text(
        "28 676 NAVO\n\nNr. 231 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
        f"{TK}\n\nDen Haag, 22 oktober 2015\n\nOp 8 oktober 2015 kwamen de Ministers van Defensie te Brussel "
        "bijeen. Met deze brief bied ik u het verslag aan.\n\nDe minister van Defensie,\n\nA.B. de Voorbeeld\n",
        encoding="utf-8")
    result = build_corpus(tmp_path)
    [letter] = result.corpus.letters
    assert [(m.type, m.start) for m in letter.meetings] == [("dmm", date(2015, 10, 8))]
    panel = letter_front_matter(Site(result.corpus), letter, "brieven/x.md")["brief"]
    assert panel["herkomst"]["vergadering"] == "brieftekst; soort vergadering afgeleid uit het dossier van de brief"


def test_a_letter_about_no_meeting_stays_off_the_timelines(tmp_path):
    from generator.pipeline import build_corpus

    (tmp_path / "advies.txt").write_text(
        f"{TK}\n\nDen Haag, 1 juli 2025\n\nHierbij bied ik u de adviesaanvraag over de Oekraïne-steun aan.\n\n"
        "Oekraïne\n\nDe steun aan Oekraïne wordt voortgezet.\n\nDe minister van Defensie,\n\nR.P. Brekelmans\n",
        encoding="utf-8")
    corpus = build_corpus(tmp_path).corpus
    [letter] = corpus.letters
    assert letter.kind == "overig" and letter.meetings == () and corpus.meetings == ()
    assert all(p.letter != letter.slug for t in corpus.topics for p in t.passages)
    assert corpus.section_topics  # its sections still carry their topics on its own page


def test_check_says_where_values_came_from(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    (tmp_path / "brief.txt").write_text(
        f"{TK}\n\nDen Haag, 31 januari 2025\n\nOp 13 februari komen de NAVO-ministers van Defensie in Brussel "
        "bijeen.\n\nDe minister van Defensie,\n\nR.P. Brekelmans\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--seeds", str(tmp_path)]).output
    assert "herkomst: datum: briefhoofd" in out and "vergadering: jaar uit de briefdatum" in out
    assert "Geannoteerde agenda" in out and "other" not in out


def test_informal_as_adverb_and_half_yearly_eu_meeting(lexicon):
    meta, _ = read(lexicon, "Op 21 en 22 februari komen de ministers informeel bijeen in Ljubljana voor de "
                            "halfjaarlijkse EU-vergadering van ministers van Defensie.",
                   date_line="Den Haag, 12 februari 2008")
    assert meetings(meta) == [("rbz-defensie", date(2008, 2, 21), date(2008, 2, 22), "Ljubljana", True)]


def test_informal_after_the_name_but_not_from_another_meeting(lexicon):
    meta, _ = read(lexicon, "Op 31 mei en 1 juni kwamen de NAVO-ministers van Buitenlandse Zaken informeel "
                            "bijeen in Oslo.", date_line="Den Haag, 20 juni 2023")
    assert [m.informal for m in meta.meetings] == [True]
    meta, _ = read(lexicon, "Op 14 juni komen de NAVO-ministers van Defensie bijeen in Brussel; op 16 juni volgt "
                            "de informele RBZ Defensie.", date_line="Den Haag, 1 juni 2023")
    assert [(m.type, m.informal) for m in meta.meetings][:1] == [("dmm", False)]


def test_weekday_between_name_and_date(lexicon):
    meta, _ = read(lexicon, "In Brussel vindt in juni de bijeenkomst plaats van de NAVO-ministers van Defensie "
                            "(DMM) op dinsdag 14 en woensdag 15 juni, voorafgaand aan de top van 11 juli.",
                   date_line="Den Haag, 1 juni 2022")
    assert meetings(meta) == [("dmm", date(2022, 6, 14), date(2022, 6, 15), "Brussel", False)]


def test_known_signer_with_a_surname_prefix(lexicon):
    meta, _ = read(lexicon, "Op 10 en 11 juni aanstaande komen de NAVO-ministers van Defensie in Brussel bijeen.",
                   closing="DE MINISTER VAN DEFENSIE\n\nE. van Middelkoop")
    assert (meta.minister_signed, meta.minister) == ("E. van Middelkoop", "van-middelkoop")
    assert not any("people.yaml" in p.message for p in meta.problems)


def test_an_informal_meeting_is_exported_as_such(tmp_path):
    from generator.cli import export_data
    from generator.pipeline import build_corpus

    (tmp_path / "brief.txt").write_text(
        f"{TK}\n\nDen Haag, 1 november 2012\n\nOp 9 en 10 oktober jl. vond in Brussel een informele bijeenkomst "
        "plaats van de NAVO-ministers van Defensie. Met deze brief bied ik u het verslag aan.\n\n"
        "De minister van Defensie,\n\nJ.S.J. Hillen\n", encoding="utf-8")
    [meeting] = export_data(build_corpus(tmp_path))["meetings"]
    assert (meeting["id"], meeting["informal"]) == ("2012-10-09-dmm", True)


def test_an_informal_meeting_says_so_on_its_pages(tmp_path):
    from generator.pipeline import build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, day, informal in (("informeel", 9, "een informele bijeenkomst"), ("formeel", 23, "een bijeenkomst")):
        (seeds / f"{name}.txt").write_text(
            f"{TK}\n\nDen Haag, 1 november 2012\n\nOp {day} en {day + 1} oktober jl. vond in Brussel {informal} "
            "plaats van de NAVO-ministers van Defensie. Met deze brief bied ik u het verslag aan.\n\n"
            "De minister van Defensie,\n\nJ.S.J. Hillen\n", encoding="utf-8")
    build_site(seeds, tmp_path / "docs")
    meetings = tmp_path / "docs" / "vergaderingen"
    assert "**Soort:** informele bijeenkomst" in (meetings / "2012-10-09-dmm.md").read_text(encoding="utf-8")
    assert "informele" not in (meetings / "2012-10-23-dmm.md").read_text(encoding="utf-8")
    listed = [line for line in (meetings / "index.md").read_text(encoding="utf-8").splitlines() if "-dmm.md" in line]
    assert [("2012-10-09" in line, line.endswith("(informeel)")) for line in listed] == [(False, False), (True, True)]


# --- parliamentary records, run-on heads, places by date, the page's signer ----------------

RECORD_BODY = ("Binnen de vaste commissie voor Defensie leven vragen over de geannoteerde agenda voor de "
               "bijeenkomst van de NAVO-ministers van Defensie die op 5 en 6 februari 2031 in Brussel plaatsvindt.")


TRANSCRIPT_BODY = ("De heer Voorbeeld (XYZ): Voorzitter. Ik dank de minister voor de geannoteerde agenda voor de "
                   "bijeenkomst van de NAVO-ministers van Defensie die op 5 en 6 februari 2031 in Brussel plaatsvindt.")


@pytest.mark.parametrize("record_line, body", [
    ("Nr. 7 VERSLAG VAN EEN COMMISSIEDEBAT", RECORD_BODY),
    ("Nr. 12 VERSLAG VAN EEN ALGEMEEN OVERLEG", RECORD_BODY),
    ("INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", RECORD_BODY),
    ("Vragen van het lid Voorbeeld (XYZ) aan de minister van Defensie over de NAVO (ingezonden 2 maart 2031).",
     RECORD_BODY),
    # A tkconv transcript page says "Stenogram" under its title; the chair opens an item "Aan de orde is ...".
    ("Stenogram", TRANSCRIPT_BODY),
    ("Aan de orde is het tweeminutendebat Voorbeeldraad van 5 en 6 februari 2031 (CD d.d. 1/2).", TRANSCRIPT_BODY),
])
def test_a_parliamentary_record_is_overig_on_no_meeting(lexicon, record_line, body):
    meta, _ = read(lexicon, f"{record_line}\n\n{body}", date_line=None, closing="Voorzitter: Jansen")
    assert meta.kind == "overig"
    assert meta.meetings == ()


def test_the_same_text_without_a_record_line_is_a_meeting_letter(lexicon):
    # The control for the test above: the record line, not the body, makes the difference.
    meta, _ = read(lexicon, RECORD_BODY.replace("Binnen de vaste commissie voor Defensie leven vragen over",
                                                "Hierbij bied ik u"), date_line="Den Haag, 20 januari 2031")
    assert meta.kind == "geannoteerde agenda"
    assert meetings(meta) == [("dmm", date(2031, 2, 5), date(2031, 2, 6), "Brussel", False)]


def test_a_record_named_after_the_letters_signature_makes_it_no_record(lexicon):
    # A saved page lists related documents under a short letter: "Verslag van een algemeen overleg, gehouden op
    # 3 februari 2031, over …" after the signature is no head of the letter
    text = (f"{TK}\n\nDen Haag, 12 februari 2031\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de "
            "NAVO-ministers van Defensie, die op 10 en 11 februari jl. in Brussel plaatsvond.\n\n"
            f"{SIGNED}\n\nVerslag van een algemeen overleg, gehouden op 3 februari 2031, over de NAVO-ministeriële\n\n"
            "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie 10 en 11 februari 2031\n")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.kind == "verslag"
    assert meetings(meta) == [("dmm", date(2031, 2, 10), date(2031, 2, 11), "Brussel", False)]


def test_a_pages_list_of_related_documents_is_no_part_of_the_letter(lexicon):
    # tweedekamer.nl under a letter: "Gerelateerde documenten" / "<titel> (Kamerstuk …) | <datum>"; opennieuwsbank's
    # "Lees ook:" list likewise. The listed documents are the page's, not the letter's references nor a record's title.
    text = (f"{TK}\n\nDen Haag, 12 februari 2031\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de "
            "NAVO-ministers van Defensie, die op 10 en 11 februari jl. in Brussel plaatsvond (Kamerstuk 28 676, nr. 500)."
            f"\n\n{SIGNED}\n\nOndertekenaars\nEerste ondertekenaar\nA.B. Voorbeeld, minister van Defensie\n"
            "Gerelateerde documenten\n"
            "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie (Kamerstuk 28 676, nr. 501) | 01-02-2031\n"
            "Verslag van een commissiedebat, gehouden op 4 februari 2031, over de NAVO (Kamerstuk 28 676, nr. 502) | "
            "20-02-2031\n"
            "Kamerstuk 28676 nr. 503 | Verslag van een algemeen overleg | 23-11-2031\nDeel deze pagina\n")
    doc = clean("t.txt", text, lexicon).documents[0]
    meta = read_metadata(doc, "t.txt")
    assert meta.kind == "verslag"
    assert meetings(meta) == [("dmm", date(2031, 2, 10), date(2031, 2, 11), "Brussel", False)]
    cited = {c.key for b in doc.blocks for c in find_citations(b.text)}
    assert cited == {"28676-500"}
    # nothing lost: the page's lines are kept as the page's
    assert any("(Kamerstuk 28 676, nr. 501) | 01-02-2031" in f.text for f in doc.furniture)


def test_a_cookie_banner_over_the_page_is_the_pages(lexicon):
    # a sentence-like banner above a saved page's copy of the printed letter hid its head
    text = ("Tweede Kamer der Staten-Generaal\nWij gebruiken cookies om de website goed te laten werken en om het "
            "gebruik te meten.\nCookies accepteren\nAlleen noodzakelijke cookies\nKamerbrief\n28 676 NAVO\nNr. 454\n"
            f"BRIEF VAN DE MINISTER VAN DEFENSIE\n{TK}\nDen Haag, 24 april 2031\n"
            "Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie, die op 3 en 4 april "
            f"jl. in Brussel plaatsvond.\n\n{SIGNED}\n")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert (meta.letter_date, meta.addressee, meta.kind) == (date(2031, 4, 24), "Tweede Kamer", "verslag")


def test_committee_report_sentence_marks_a_record(lexicon):
    meta, _ = read(lexicon, "De vaste commissie voor Defensie heeft op 1 februari 2031 overleg gevoerd met de "
                            "minister over de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers van "
                            "Defensie op 5 en 6 februari 2031 te Brussel.", date_line=None, closing="Griffier: Pieters")
    assert meta.kind == "overig" and meta.meetings == ()


def test_the_same_speech_without_a_transcript_line_is_read_as_a_meeting_letter(lexicon):
    # The control: without the transcript's line the speech's words make it an agenda letter.
    meta, _ = read(lexicon, TRANSCRIPT_BODY, date_line=None, closing="De voorzitter: Dank u wel.")
    assert meta.kind == "geannoteerde agenda"
    assert meetings(meta) == [("dmm", date(2031, 2, 5), date(2031, 2, 6), "Brussel", False)]


@pytest.mark.parametrize("head", ["Vastgesteld 3 maart 2031", "99 999 Voorbeelddossier\n\nNr. 12 VERSLAG VAN EEN "
                                  "ALGEMEEN OVERLEG\n\nVastgesteld 3 maart 2031"])
def test_a_record_dates_itself_vastgesteld(lexicon, head):
    meta, _ = read(lexicon, f"{head}\n\n{RECORD_BODY}", date_line=None, closing="Voorzitter: Jansen")
    assert meta.letter_date == date(2031, 3, 3)


def test_address_and_date_run_into_the_first_paragraph(lexicon):
    text = ("Samenwerking met de buren ; Brief regering; Stand van zaken\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 7 november 2031 Hierbij "
            "informeer ik u over de stand van zaken van de samenwerking met de buurlanden.\n")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.letter_date == date(2031, 11, 7)
    assert meta.addressee == "Tweede Kamer"


def test_a_date_in_a_later_sentence_of_prose_is_no_letter_date(lexicon):
    text = ("Samenwerking met de buren ; Brief regering\n\n"
            "Hierbij informeer ik u over de samenwerking die de Staten-Generaal op 7 november 2031 besprak.\n")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.letter_date is None


def test_place_from_another_sentence_with_the_meetings_date(lexicon):
    meta, _ = read(lexicon, "Hierbij bied ik u de geannoteerde agenda aan voor de Raad Buitenlandse Zaken met de "
                            "ministers van Defensie van 12 mei 2010. Op 12 mei komen de ministers in Luxemburg "
                            "bijeen. Op 20 mei volgt een conferentie in Brussel.")
    assert meetings(meta) == [("rbz-defensie", date(2010, 5, 12), date(2010, 5, 12), "Luxemburg", False)]


def test_no_place_from_a_sentence_with_another_date(lexicon):
    meta, _ = read(lexicon, "Hierbij bied ik u de geannoteerde agenda aan voor de Raad Buitenlandse Zaken met de "
                            "ministers van Defensie van 12 mei 2010. Op 20 mei volgt een conferentie in Brussel.")
    assert [m.location for m in meta.meetings] == [None]


@pytest.mark.parametrize("phrase", ["aan de orde zullen komen", "op de agenda staan"])
def test_a_meeting_whose_subjects_come_up_is_the_letters(lexicon, phrase):
    # A letter on a wider subject that also serves as the agenda names its meeting by what comes up there.
    meta, _ = read(lexicon, "In deze brief beschrijf ik de stand van zaken van het veiligheidsbeleid en de "
                            f"onderwerpen die tijdens de RBZ met ministers van Defensie op 18 mei {phrase}. "
                            "Deze brief dient ook als geannoteerde agenda.", date_line="Den Haag, 26 april 2031")
    assert meetings(meta) == [("rbz-defensie", date(2031, 5, 18), date(2031, 5, 18), None, False)]


def test_place_from_the_section_headed_by_the_meetings_name(lexicon):
    body = ("In deze brief beschrijf ik het veiligheidsbeleid en de onderwerpen die tijdens de RBZ met ministers "
            "van Defensie op 18 mei aan de orde zullen komen. Deze brief dient ook als geannoteerde agenda.\n\n"
            "{heading}\n\n"
            "Op maandag 18 mei vergadert de Raad in Brussel. Daarna volgt de lunch.")
    meta, _ = read(lexicon, body.format(heading="Raad Buitenlandse Zaken met ministers van Defensie"),
                   date_line="Den Haag, 26 april 2031")
    assert [m.location for m in meta.meetings] == ["Brussel"]
    # Under a heading that names another subject the sentence gives no place: it may be another meeting's.
    meta, _ = read(lexicon, body.format(heading="Europese Raad"), date_line="Den Haag, 26 april 2031")
    assert [m.location for m in meta.meetings] == [None]


OPENTK_TRUNCATED = (
    "Geannoteerde agenda voorbeeldraad\n"
    "Defensieraad\n"
    "Brief regering\n"
    "Nummer: 2031D01234, datum: 2031-05-12, bijgewerkt: 2031-05-13 10:00, versie: 1\n"
    "Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site.\n"
    "Gerelateerde personen:- Eerste ondertekenaar: A.B. van Voorbeeld, minister van Defensie (Ooit XYZ kamerlid)\n"
    "Preview document (🔗 origineel)\n"
    "99 999 Voorbeeldraad\n"
    "Nr. 5 BRIEF VAN DE MINISTER VAN DEFENSIE\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    "Den Haag, 12 mei 2031\n"
    "Hierbij ontvangt u de geannoteerde agenda voor de Raad Buitenlandse Zaken met ministers van Defensie die "
    "op 20 mei in Brussel plaatsvindt.\n"
    "A. Geannoteerde agenda\n"
    "1. Milita\n")


def test_signer_from_the_saved_page_when_the_text_breaks_off(lexicon):
    meta = read_metadata(clean("t.txt", OPENTK_TRUNCATED, lexicon).documents[0], "t.txt")
    assert meta.minister_signed == "A.B. van Voorbeeld"
    assert dict(meta.origins)["signer"] == "page"


def test_the_letters_own_signature_wins_over_the_page(lexicon):
    text = OPENTK_TRUNCATED + "\nDe minister van Defensie,\n\nC.D. Anders\n"
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.minister_signed == "C.D. Anders"
    assert dict(meta.origins)["signer"] == "text"


def test_no_signer_from_the_page_for_a_record(lexicon):
    text = OPENTK_TRUNCATED.replace("Brief regering", "Inbreng verslag schriftelijk overleg")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.kind == "overig" and meta.minister_signed is None


OPENTK_ENCLOSURE = (
    "Geannoteerde agenda van de Raad Buitenlandse Zaken 20 mei 2031\n"
    "Bijlage\n"
    "Nummer: 2031D01235, datum: 2031-05-09, bijgewerkt: 2031-05-13 10:00, versie: 1\n"
    "Directe link naar document (.docx), link naar pagina op de Tweede Kamer site.\n"
    "Bijlage bij: Geannoteerde agenda van de Raad Buitenlandse Zaken op 20 mei 2031 (2031D01234)\n"
    "Preview document (🔗 origineel)\n\n"
    "GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN VAN 20 MEI 2031\n\n"
    "Voorbeeldland\n\n"
    "De Raad spreekt over de toestand in het voorbeeldland. Nederland steunt de lijn van de Hoge "
    "Vertegenwoordiger.\n")


def test_an_enclosure_page_opens_with_its_title_and_its_date_is_the_pages(lexicon):
    # OpenTK's page of an agenda sent as an enclosure: no letterhead, a title in capitals naming the
    # meeting's day.  The title says what the text is; the day in it is the meeting's, not the letter's.
    meta = read_metadata(clean("t.txt", OPENTK_ENCLOSURE, lexicon).documents[0], "t.txt")
    assert meta.kind == "geannoteerde agenda"
    assert meta.letter_date == date(2031, 5, 9)
    assert [(m.type, m.start) for m in meta.meetings] == [("rbz", date(2031, 5, 20))]


def test_a_kamer_documents_page_title_and_number_are_the_pages_not_citations(tmp_path):
    # tweedekamer.nl titles a committee's document "<its kind> : <title>" and prints its own number
    # before the document's title in capitals; neither is a reference the document makes.
    from generator.pipeline import build_corpus
    (tmp_path / "inbreng.txt").write_text(
        "Inbreng verslag schriftelijk overleg : Inbreng over de geannoteerde agenda (Kamerstuk 99999-12)\n"
        "2031D01234 INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n"
        "Binnen de vaste commissie voor Defensie hebben de fracties vragen over de geannoteerde agenda\n"
        "(Kamerstuk 99 999, nr. 12) en over de brief van 2 mei (Kamerstuk 99 999, nr. 11).\n", encoding="utf-8")
    (letter,) = build_corpus(tmp_path).corpus.letters
    assert {c.key for c in letter.citations} == {"99999-12", "99999-11"}


PAGE_TITLED = ("Brief regering : Kabinetsinzet voor de NAVO-top van 9 en 10 juli\n"
               "99 999 Voorbeeld\n"
               "Nr. 77\n"
               "BRIEF VAN DE MINISTER-PRESIDENT EN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE\n"
               "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
               "Den Haag, 20 juni 2031\n"
               "Het bondgenootschap staat voor grote opgaven. Het kabinet steunt een hogere norm voor de "
               "uitgaven aan defensie.\n")


def test_the_saved_pages_title_names_kind_and_meeting_without_a_betreft(lexicon):
    meta = read_metadata(clean("t.txt", PAGE_TITLED, lexicon).documents[0], "t.txt")
    assert meta.kind == "geannoteerde agenda"
    assert meetings(meta) == [("navo-top", date(2031, 7, 9), date(2031, 7, 10), None, False)]
    assert dict(meta.origins)["kind"] == "page"
    assert dict(meta.origins)["meeting"] == "year-from-letter-date"  # "9 en 10 juli" has no year
    assert meta.subject is None  # the letter states no subject of its own


def test_without_the_page_title_the_same_letter_is_overig(lexicon):
    meta = read_metadata(clean("t.txt", PAGE_TITLED.split("\n", 1)[1], lexicon).documents[0], "t.txt")
    assert meta.kind == "overig" and meta.meetings == ()


@pytest.mark.parametrize("subject, kind", [
    ("Kabinetsinzet voor de NAVO-top van 9 en 10 juli 2031", "geannoteerde agenda"),
    ("Inzet voor de informele bijeenkomst van EU-ministers van Defensie", "geannoteerde agenda"),
    ("Kabinetsinzet voor de vervanging van de onderzeeboten", "overig"),
])
def test_inzet_voor_a_meeting_is_an_agenda(lexicon, subject, kind):
    text = f"{TK}\n\nDatum 20 juni 2031\nBetreft {subject}\n\nHet kabinet zet in op meer samenwerking.\n\n{SIGNED}\n"
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.subject == subject
    assert meta.kind == kind


# --- a news item is no letter ----------------------------------------------------------

NEWS = ("Voorbeeldminister naar bijeenkomst in Oslo\n\n"
        "De EU-ministers van Defensie komen op 3 en 4 maart in Oslo bijeen voor hun informele overleg. "
        "Op de agenda staan de lopende missies.\n\nDe bewindslieden spreken ook over samenwerking.")


def test_news_item_without_letter_features_is_overig(lexicon):
    # No date, addressee or signature, and it does not speak to the Kamer: the tense of its
    # meeting sentence ("komen ... bijeen") makes no agenda of it.
    meta, _ = read(lexicon, NEWS, date_line=None, closing="Bron: voorbeeldsite")
    assert meta.kind == "overig"
    assert meta.meetings == ()


def test_a_news_item_about_a_report_is_no_report(lexicon):
    # A news site on a letter: it names the report ("doet ... verslag aan de Tweede Kamer"), in the
    # third person, with a byline date that is the site's; the item is no letter, nor that report.
    item = ("Voorbeeldminister wil meer aandacht voor de regio\n\ndoor Redactie Op 05-03-2031\n\n"
            "Hij doet vandaag schriftelijk verslag aan de Tweede Kamer van de informele Raad Buitenlandse Zaken "
            "die op 1 en 2 maart in Oslo is gehouden. Volgens de minister vroegen enkele landen aandacht voor "
            "de regio.")
    meta, _ = read(lexicon, item, date_line=None, closing="Bron: voorbeeldsite")
    assert (meta.kind, meta.letter_date, meta.meetings) == ("overig", None, ())


@pytest.mark.parametrize("opening", [
    "Wij melden u het volgende. De EU-ministers van Defensie komen op 3 en 4 maart in Oslo bijeen.",
    "De EU-ministers van Defensie komen op 3 en 4 maart in Oslo bijeen; graag informeer ik u hierover.",
])
def test_the_same_sentence_in_a_letter_speaking_to_the_kamer_is_an_agenda(lexicon, opening):
    meta, _ = read(lexicon, opening, date_line=None, closing="Bron: voorbeeldsite")
    assert meta.kind == "geannoteerde agenda"
    assert [m.location for m in meta.meetings] == ["Oslo"]


def test_a_signed_letter_in_the_third_person_keeps_its_hints(lexicon):
    meta, _ = read(lexicon, "De EU-ministers van Defensie komen op 3 en 4 maart in Oslo bijeen.", date_line=None)
    assert meta.kind == "geannoteerde agenda"


# --- a title with its date on the line under it ----------------------------------------


@pytest.mark.parametrize("between", ["", "1.\n\n"])
def test_title_with_its_date_on_its_own_line(lexicon, between):
    text = (f"Voorbeeldpagina over de NAVO\n\nGEANNOTEERDE AGENDA BIJEENKOMST NAVO-MINISTERS VAN DEFENSIE\n\n"
            f"{between}7 MAART 2032\n\n"
            "Operaties\n\nDe ministers spreken over de lopende operaties en de voortgang van de missies.\n")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.kind == "geannoteerde agenda"
    assert [(m.type, m.start) for m in meta.meetings] == [("dmm", date(2032, 3, 7))]


def test_an_enclosures_title_with_its_days_and_place_on_the_line_under_it(lexicon):
    # a cover letter that names no day, its enclosure headed "Geannoteerde agenda NAVO Defensie Ministeriële" over
    # "21 en 22 oktober 2031, Brussel"
    text = (f"{TK}\n\nDen Haag, 8 oktober 2031\n\nHierbij bied ik u de geannoteerde agenda aan voor de eerstvolgende "
            f"bijeenkomst van de NAVO-ministers van Defensie.\n\n{SIGNED}\n\nBijlage\n\n"
            "Geannoteerde agenda NAVO Defensie Ministeriële\n21 en 22 oktober 2031, Brussel\n\n"
            "De ministers spreken over de lessen uit de missies.\n")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert meta.kind == "geannoteerde agenda"
    assert meetings(meta) == [("dmm", date(2031, 10, 21), date(2031, 10, 22), "Brussel", False)]


def test_a_date_line_under_a_title_with_a_year_is_left_alone(lexicon):
    text = ("Voorbeeldpagina over de NAVO\n\nGEANNOTEERDE AGENDA BIJEENKOMST NAVO-MINISTERS VAN DEFENSIE 7 MAART 2032"
            "\n\n9 MAART 2032\n\n"
            "Operaties\n\nDe ministers spreken over de lopende operaties en de voortgang van de missies.\n")
    meta = read_metadata(clean("t.txt", text, lexicon).documents[0], "t.txt")
    assert [m.start for m in meta.meetings] == [date(2032, 3, 7)]
