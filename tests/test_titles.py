"""How a letter is named: its title, its address when undated, its panel's kind, the page of undated letters.

A letter about a meeting is named by its meeting; any other by what it says it is (its subject, the
title of the page it was saved from, the name a committee's record gives itself), then its date, then
its first words: never by anything the text does not state.
"""
from __future__ import annotations

from conftest import parsed_letter


OTHER_LETTER = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
                "Datum 3 oktober 2012\n{subject}\n"
                "Hierbij informeer ik u over de voortgang van de aanschaf van nieuwe voertuigen voor de landmacht.\n\n"
                "DE MINISTER VAN DEFENSIE\n\nJ.S.J. Hillen\n")


def test_a_letter_about_no_meeting_is_titled_by_its_subject(tmp_path):
    letter = parsed_letter(tmp_path, OTHER_LETTER.format(subject="Betreft Voortgang aanschaf voertuigen\n"))
    assert (letter.meetings, letter.title) == ((), "Voortgang aanschaf voertuigen")


def test_without_a_subject_a_letter_about_no_meeting_is_titled_by_its_date(tmp_path):
    letter = parsed_letter(tmp_path, OTHER_LETTER.format(subject=""))
    assert letter.title == "Brief van 3 oktober 2012"
    from generator.render import letter_citation_line
    assert letter_citation_line(letter)["tekst"] == "Brief van 3 oktober 2012"  # the date said once


def test_without_a_subject_a_printed_letter_is_titled_by_its_dossier_and_date(tmp_path):
    # "Brief van 8 juli 2011" said nothing in a list; the printed head's dossier says what it is about.
    text = ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2010–2011\n21 501-28 Defensieraad\n"
            "Nr. 73 BRIEF VAN DE MINISTER VAN DEFENSIE\n") + OTHER_LETTER.format(subject="").replace(
            "Datum 3 oktober 2012", "Den Haag, 8 juli 2011")
    letter = parsed_letter(tmp_path, text)
    assert (letter.kamerstuk.key, letter.title) == ("21501-28-73", "Defensieraad: brief van 8 juli 2011")


def test_a_long_subject_is_cut_between_words_in_the_title(tmp_path):
    subject = "Voortgang " + " ".join(["aanschaf van voertuigen en materieel"] * 6)
    letter = parsed_letter(tmp_path, OTHER_LETTER.format(subject=f"Betreft {subject}\n"))
    assert letter.title.endswith(" …") and len(letter.title) <= 122
    assert subject.startswith(letter.title[:-2]) and subject[len(letter.title) - 2] == " "


def test_a_committee_record_is_titled_as_what_it_is(tmp_path):
    text = ("21 501-28 Defensieraad\n\nNr. 81 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nVastgesteld 14 maart 2014\n\n"
            "De vaste commissie voor Defensie heeft op 5 maart 2014 overleg gevoerd met minister Hennis-Plasschaert "
            "van Defensie over de geannoteerde agenda van de bijeenkomst van de EU-ministers van Defensie.\n")
    letter = parsed_letter(tmp_path, text)
    assert (letter.kind, letter.meetings) == ("overig", ())
    assert letter.title == "Defensieraad: verslag van een algemeen overleg van 14 maart 2014"


def test_a_saved_page_title_names_a_letter_without_a_subject(tmp_path):
    text = ("Brief regering : Stand van zaken personeelsbeleid\n\nNummer: 2019D12345, datum: 2019-04-02, "
            "bijgewerkt: 2019-04-03 10:00, versie: 2\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 2 april 2019\n\nHierbij informeer ik u over de stand van zaken van het personeelsbeleid "
            "van de krijgsmacht in het afgelopen jaar.\n\nDE MINISTER VAN DEFENSIE\n\nA.Th.B. Bijleveld-Schouten\n")
    letter = parsed_letter(tmp_path, text)
    assert (letter.meetings, letter.title) == ((), "Stand van zaken personeelsbeleid")


def test_a_committee_records_page_calls_it_what_it_is(tmp_path):
    from generator.pipeline import build_corpus
    from generator.render import Site, letter_front_matter

    (tmp_path / "verslag.txt").write_text(
        "21 501-28 Defensieraad\n\nNr. 81 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nVastgesteld 14 maart 2014\n\n"
        "De vaste commissie voor Defensie heeft op 5 maart 2014 overleg gevoerd met minister Hennis-Plasschaert "
        "van Defensie over de geannoteerde agenda van de bijeenkomst van de EU-ministers van Defensie.\n",
        encoding="utf-8")
    result = build_corpus(tmp_path)
    letter = result.corpus.letters[0]
    matter = letter_front_matter(Site(result.corpus), letter, "brieven/x.md")
    assert matter["brief"]["soort"] == "Verslag van een algemeen overleg"
    assert matter["brief"]["parlementair_stuk"]  # the panel reads "Gegevens van dit stuk"
    assert "parlementair stuk" in matter["description"] and "brief van de minister" not in matter["description"]


OPENTK_HEAD = ("[overzicht] [activiteiten] [kamerleden] [kamerstukdossiers]\n[toezeggingen] [stemmingen] [verslagen]\n\n"
               "Stand van zaken munitievoorraden\n\nMaterieelprojecten\n\nBrief regering\n\n"
               "Nummer: 2023D40001, datum: 2023-10-02, bijgewerkt: 2023-10-03 09:00, versie: 2\n\n"
               "Preview document (🔗 origineel)\n\n")


def test_an_opentk_pages_heading_names_a_letter_without_a_subject(tmp_path):
    text = OPENTK_HEAD + ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 oktober 2023\n\n"
                          "Met deze brief informeer ik u over de voorraden munitie van de krijgsmacht en de aanvulling "
                          "ervan in de komende jaren.\n\nDe Minister van Defensie,\n\nK.H. Ollongren\n")
    letter = parsed_letter(tmp_path, text)
    assert (letter.meetings, letter.title) == ((), "Stand van zaken munitievoorraden")
    betreft = text.replace("Den Haag, 2 oktober 2023", "Datum 2 oktober 2023\nBetreft Munitie")
    assert parsed_letter(tmp_path, betreft).title == "Munitie"  # the letter's own subject goes first


def test_an_undated_letter_about_no_meeting_has_its_subject_in_its_address(tmp_path):
    text = ("Betreft Stand van zaken munitievoorraden\n\n"
            "Met deze brief informeer ik u over de voorraden munitie van de krijgsmacht en de aanvulling "
            "ervan in de komende jaren.\n\nDe Minister van Defensie,\n\nK.H. Ollongren\n")
    letter = parsed_letter(tmp_path, text)
    assert (letter.letter_date, letter.meetings) == (None, ())
    assert letter.slug == "zonder-datum-brief-stand-van-zaken-munitievoorraden"


def test_a_letter_nothing_names_or_dates_is_titled_by_its_first_words(tmp_path):
    text = ("Met deze brief informeer ik u over de voorraden munitie en de productie daarvan in Europa, zoals "
            "toegezegd.\n")
    letter = parsed_letter(tmp_path, text)
    assert (letter.letter_date, letter.subject, letter.meetings, letter.letter) == (None, None, (), True)
    assert letter.title == "Brief: ‘Met deze brief informeer ik u over de voorraden munitie en …’"


def test_a_text_that_shows_no_sign_of_a_letter_is_called_no_letter(tmp_path):
    # A news item a page saved: no date of its own, no addressee, no signature, no words to the Kamer.
    # The site does not call it a letter (title, panel, description), but its address keeps "brief".
    from generator.render import Site, letter_front_matter

    text = ("De ministers van Defensie van de bondgenoten hebben in de afgelopen maanden veel gesproken over de "
            "voorraden munitie en de productie daarvan in Europa.\n")
    letter = parsed_letter(tmp_path, text)
    assert (letter.kind, letter.letter) == ("overig", False)
    assert letter.title == "Stuk: ‘De ministers van Defensie van de bondgenoten hebben in de …’"
    assert letter.slug.startswith("zonder-datum-brief")
    from generator.pipeline import build_corpus
    corpus = build_corpus(tmp_path).corpus
    matter = letter_front_matter(Site(corpus), corpus.letters[0], "brieven/x.md")
    assert (matter["brief"]["soort"], matter["brief"]["geen_brief"]) == ("Overig stuk", True)
    assert "Kamerbrief" not in matter["description"] and "stuk, geen brief" in matter["description"]


def test_the_page_of_undated_letters_has_no_date_column(tmp_path):
    from generator.pipeline import build_site

    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    (seeds / "zonder.txt").write_text("Betreft Stand van zaken munitievoorraden\n\nMet deze brief informeer ik u over "
                                      "de voorraden munitie van de krijgsmacht.\n", encoding="utf-8")
    (seeds / "met.txt").write_text(OTHER_LETTER.format(subject="Betreft Voortgang aanschaf voertuigen\n"), encoding="utf-8")
    build_site(seeds, docs)
    undated = (docs / "brieven" / "jaar" / "zonder-datum.md").read_text(encoding="utf-8")
    assert "| Brief | Vergadering |" in undated and "| Datum |" not in undated
    assert "description: Alle brieven zonder datum." in undated
    assert "| Datum | Brief | Vergadering |" in (docs / "brieven" / "jaar" / "2012.md").read_text(encoding="utf-8")
