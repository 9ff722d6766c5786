"""The head of a letter, recognised by what its lines say: the printed Kamerstuk head,
the ministry letterhead in any layout, a saved web page's own text around the letter,
and a cover letter that sends the agenda or report itself.  Made-up snippets of each shape."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.clean import clean
from generator.metadata import read_metadata, read_own_number, read_page_facts
from generator.pipeline import build_corpus

BODY = ("Op 4 en 5 februari aanstaande komen de ministers van Defensie van de NAVO bijeen in Istanbul. "
        "Met deze brief informeer ik u over de inzet.\n"
        "Afghanistan\n"
        "De bondgenoten spreken over de voortgang van de missie.\n"
        "De minister van Defensie,\n"
        "A.B. Voorbeeld\n")


def doc_of(lexicon, text: str, n: int = 0):
    return clean("test.txt", text, lexicon).documents[n]


def furniture(doc, role=None) -> list[str]:
    return [f.text for f in doc.furniture if role is None or f.role == role]


def headings(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "heading"]


HEAD_FIELDS = ("letter_date", "addressee", "kamerstuk", "subject", "dossiers")


def origins(meta) -> dict[str, str]:
    """The origins of the head's values (the body's are tested in test_metadata.py)."""
    return {f: o for f, o in meta.origins if f in HEAD_FIELDS}


def meetings(meta) -> list[tuple]:
    """The letter's meetings as (type, first day, last day, place)."""
    return [(m.type, m.start, m.end, m.location) for m in meta.meetings]


# --- the printed Kamerstuk head ----------------------------------------------------------

PRINTED_LINES = ("Tweede Kamer der Staten-Generaal\n"
                 "Vergaderjaar 2009–2010\n"
                 "28 676 NAVO\n"
                 "Nr. 97\n"
                 "BRIEF VAN DE MINISTER VAN DEFENSIE\n"
                 "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
                 "Den Haag, 20 januari 2010\n"
                 "Inleiding\n")


def test_printed_head_one_line_per_line_is_furniture_and_read(lexicon):
    doc = doc_of(lexicon, PRINTED_LINES + BODY)
    assert furniture(doc, "letterhead") == PRINTED_LINES.splitlines()[:7]
    assert headings(doc)[0] == "Inleiding"  # no head line became a heading
    meta = read_metadata(doc, "test.txt")
    assert (meta.letter_date, meta.addressee) == (date(2010, 1, 20), "Tweede Kamer")
    own, dossiers, origin = read_own_number(doc)
    assert (own.key, origin, [d for d, _ in dossiers]) == ("28676-97", "head", ["28676"])
    assert origins(meta) == {"letter_date": "head", "addressee": "head"}  # no Betreft in a printed head


def test_printed_head_whatever_lies_above_the_date_line(lexicon):
    # A dossier title over two lines and a co-signed title over two lines: the date line ends the head.
    head = ("36 123 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het\n"
            "jaar 2031\n"
            "Nr. 12\n"
            "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN\n"
            "DEFENSIE\n"
            "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\n"
            "’s-Gravenhage, 3 maart 2031\n")
    doc = doc_of(lexicon, head + BODY)
    assert furniture(doc, "letterhead") == head.splitlines()
    meta = read_metadata(doc, "test.txt")
    assert (meta.letter_date, meta.addressee) == (date(2031, 3, 3), "Eerste Kamer")
    assert read_own_number(doc)[0].key == "36123-X-12"


def test_a_date_line_below_prose_is_not_a_head(lexicon):
    text = ("Met deze brief informeer ik uw Kamer over de bijeenkomst die volgende week in Brussel plaatsvindt.\n"
            "Den Haag, 4 mei 2031\n") + BODY
    doc = doc_of(lexicon, text)
    assert furniture(doc) == []


# --- the ministry letterhead --------------------------------------------------------------


@pytest.mark.parametrize("rows", [
    "| Datum | 24 maart 2031 |\n| Betreft | Geannoteerde agenda bijeenkomst ministers |\n| Onze referentie | BS2031001234 |\n",
    "Datum | 24 maart 2031\nBetreft | Geannoteerde agenda bijeenkomst ministers\nOnze referentie | BS2031001234\n",
    "Datum\t24 maart 2031\nBetreft\tGeannoteerde agenda bijeenkomst ministers\nOnze referentie\tBS2031001234\n",
    "Datum    24 maart 2031\nBetreft    Geannoteerde agenda bijeenkomst ministers\nOnze referentie    BS2031001234\n",
    "Datum\n24 maart 2031\nBetreft\nGeannoteerde agenda bijeenkomst ministers\nOnze referentie\nBS2031001234\n",
    "Datum: 24 maart 2031\nBetreft: Geannoteerde agenda bijeenkomst ministers\nOnze referentie: BS2031001234\n",
])
@pytest.mark.parametrize("salutation", ["Geachte voorzitter,\n", ""])
def test_letterhead_rows_in_any_layout(lexicon, rows, salutation):
    head = ("Retouradres Postbus 20701 2500 ES Den Haag\n"
            "de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n"
            "Ministerie van Defensie\nPlein 4\nwww.defensie.nl\n")
    doc = doc_of(lexicon, head + rows + salutation + BODY)
    assert not any("24 maart" in b.text or "BS2031" in b.text for b in doc.blocks)
    meta = read_metadata(doc, "test.txt")
    assert (meta.letter_date, meta.addressee) == (date(2031, 3, 24), "Tweede Kamer")
    assert meta.subject == "Geannoteerde agenda bijeenkomst ministers"
    assert meta.our_references == ("BS2031001234",)
    assert origins(meta) == {"letter_date": "head", "addressee": "head", "subject": "head"}


@pytest.mark.parametrize("row", [
    # a letterhead saved as a table whose row holds the address and the date (a Word template's two columns)
    "| de Voorzitter van de Tweede Kamer der Staten-Generaal | Datum 24 maart 2031 |\n",
    "de Voorzitter van de Tweede Kamer der Staten-Generaal | Datum 24 maart 2031 | Betreft Verslag\n",
    "| de Voorzitter van de Tweede Kamer der Staten-Generaal | Datum | 24 maart 2031 |\n",
])
def test_the_date_in_a_table_row_beside_the_address(lexicon, row):
    doc = doc_of(lexicon, row + BODY)
    meta = read_metadata(doc, "test.txt")
    assert (meta.letter_date, meta.addressee) == (date(2031, 3, 24), "Tweede Kamer")
    assert meta.subject == ("Verslag" if "Betreft" in row else None)


@pytest.mark.parametrize("head", [
    # a row that opens with a label and holds a second one, or a copy that ran the side column together
    "| Datum | 24 maart 2031 | Betreft | Geannoteerde agenda bijeenkomst ministers |\n",
    "Datum 24 maart 2031 Betreft Geannoteerde agenda bijeenkomst ministers\n",
    "Datum: 24 maart 2031 Onze referentie BS2031001234 Betreft: Geannoteerde agenda bijeenkomst ministers\n",
])
def test_a_second_label_on_a_head_line_is_read(lexicon, head):
    meta = read_metadata(doc_of(lexicon, head + BODY), "test.txt")
    assert meta.letter_date == date(2031, 3, 24)
    assert meta.subject == "Geannoteerde agenda bijeenkomst ministers"


def test_an_address_block_ending_with_the_town_alone_is_head_and_its_subject_read(lexicon):
    # A Defensie letterhead of about 2010: the address ends "Binnenhof 4" / "Den Haag", no postcode.
    head = ("Ministerie van Defensie\nPlein 4\nPostbus 20701\n2500 ES Den Haag\n\nAan\n"
            "de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nBinnenhof 4\nDen Haag\n\n"
            "Datum 24 maart 2031\nOnderwerp Verslag bijeenkomst ministers van Defensie te\nIstanbul\n\n")
    doc = doc_of(lexicon, head + BODY)
    meta = read_metadata(doc, "test.txt")
    assert meta.subject == "Verslag bijeenkomst ministers van Defensie te Istanbul"
    assert ("Den Haag", "letterhead") in [(f.text, f.role) for f in doc.furniture]
    assert headings(doc) == ["Afghanistan"]


def test_table_rule_under_a_header_row_is_furniture(lexicon):
    doc = doc_of(lexicon, "| Datum | 2 mei 2031 |\n|---|---|\n| Betreft | Verslag |\n" + BODY)
    assert furniture(doc) == ["| Datum | 2 mei 2031 |", "|---|---|", "| Betreft | Verslag |"]


def test_older_letterhead_labels(lexicon):
    doc = doc_of(lexicon, "Ons kenmerk BS/2031/123456\nOnderwerp Verslag van de bijeenkomst\n" + BODY)
    meta = read_metadata(doc, "test.txt")
    assert meta.subject == "Verslag van de bijeenkomst"


# --- a saved web page ---------------------------------------------------------------------

OPENTK = ("[overzicht] [activiteiten] [kamerstukdossiers] [wat is dit?]\n"
          "[toezeggingen] [stemmingen] [verslagen]\n"
          "\n"
          "Verslag van de bijeenkomst van de ministers van 3 en 4 maart 2031\n"
          "NAVO\n"
          "Brief regering\n"
          "Nummer: 2031D01234, datum: 2031-03-20, bijgewerkt: 2031-03-21 09:15, versie: 2\n"
          "Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site.\n"
          "Gerelateerde personen:- Eerste ondertekenaar: A.B. Voorbeeld, minister van Defensie\n"
          "Onderdeel van kamerstukdossier 28676 -612 NAVO.\n"
          "Onderdeel van zaak 2031Z04567:\n"
          "- Indiener: A.B. Voorbeeld, minister van Defensie\n"
          "- 2031-04-02 10:00: Procedurevergadering (Procedurevergadering), vaste commissie voor Defensie\n"
          "- 2031-04-16 14:00: NAVO (Commissiedebat), vaste commissie voor Defensie\n"
          "Preview document (🔗 origineel)\n"
          "\n")


def test_opentk_page_text_is_furniture_and_states_number_and_date(lexicon):
    doc = doc_of(lexicon, OPENTK + BODY)
    page = furniture(doc, "webpage")
    assert page == [l for l in OPENTK.splitlines() if l]
    assert doc.blocks[0].text.startswith("Op 4 en 5 februari aanstaande")
    facts = read_page_facts(doc)
    assert (facts.letter_date, facts.document, facts.kamerstuk.key) == (date(2031, 3, 20), "2031D01234", "28676-612")
    meta = read_metadata(doc, "test.txt")
    assert meta.letter_date == date(2031, 3, 20) and origins(meta)["letter_date"] == "page"
    assert any("webpagina" in p.message for p in meta.problems)
    own, _, origin = read_own_number(doc)
    assert (own.key, origin) == ("28676-612", "page")


def test_opentk_transcript_page_states_its_date(lexicon):
    # OpenTK's page of a debate's transcript dates it in a line of its own, not as "Nummer: ..., datum: ...".
    page = ("[overzicht] [activiteiten] [kamerstukdossiers] [wat is dit?]\n"
            "Datum 2031-04-16. Laatste update: 2031-04-20 12:00\n"
            "Voorbeeldzaal\n"
            "Tussenpublicatie / Ongecorrigeerd\n\n"
            "Voortgang van de missies\n\n"
            "Verslag van een commissiedebat\n\n"
            "De vaste commissie voor Defensie heeft op 16 april 2031 overleg gevoerd met de minister van Defensie "
            "over de voortgang van de missies.\n\n"
            "De voorzitter:\nIk open de vergadering.\n")
    doc = doc_of(lexicon, page)
    # The date, the room and the status line are the page's; the debate's title is the first text.
    assert furniture(doc, "webpage")[-3:] == ["Datum 2031-04-16. Laatste update: 2031-04-20 12:00", "Voorbeeldzaal",
                                             "Tussenpublicatie / Ongecorrigeerd"]
    assert doc.blocks[0].text == "Voortgang van de missies"
    assert read_page_facts(doc).letter_date == date(2031, 4, 16)
    meta = read_metadata(doc, "test.txt")
    assert meta.letter_date == date(2031, 4, 16) and origins(meta)["letter_date"] == "page"
    assert meta.kind == "overig" and meta.meetings == ()


EUROPA_NU = ("r google-plus facebook twitter linkedin2 nujij M Monitor Nieuwsbrief pdclogo man met tas twitter boek\n\n"
             "{title}\n\nMet dank overgenomen van {source}, gepubliceerd op {day}.\n\n{section}")


def test_a_text_europa_nu_copied_has_its_title_and_publication_day_from_the_page(lexicon):
    """Europa Nu and the Parlementaire Monitor credit their source under the title of a text they copied
    ("Met dank overgenomen van ..., gepubliceerd op maandag 4 november 2019."), and may put their section
    ("Defensie") under it.  The credit is the page's; the title over it names the text, and the day is
    the text's date when it has none of its own: a day of publishing, no sign that the text is a letter."""
    news = EUROPA_NU.format(title="Algemeen overleg over de EU-Defensieraad", source="Tweede Kamer der Staten "
                            "Generaal (Tweede Kamer)", day="maandag 4 november 2031", section="Defensie\n\n") + (
        "Voordat de minister van Defensie op dinsdag 12 november deelneemt aan de EU-Defensieraad in Brussel, "
        "debatteert de commissie over de inzet. Het overleg vindt plaats op woensdag 6 november.\n")
    doc = doc_of(lexicon, news)
    assert any(t.startswith("Met dank overgenomen van") for t in furniture(doc, "webpage"))
    facts = read_page_facts(doc)
    assert (facts.title, facts.published, facts.letter_date) == (
        "Algemeen overleg over de EU-Defensieraad", date(2031, 11, 4), None)
    meta = read_metadata(doc, "test.txt")
    assert meta.letter_date == date(2031, 11, 4) and origins(meta)["letter_date"] == "page"
    # a news item: no letter for its date alone, so no agenda of the council it names
    assert (meta.kind, meta.meetings) == ("overig", ())
    # the section under the credit is no subject: the page's title names the text
    assert meta.subject is None and meta.page_title == "Algemeen overleg over de EU-Defensieraad"


def test_a_letter_europa_nu_copied_keeps_its_own_head(lexicon):
    letter = EUROPA_NU.format(title="Geannoteerde agenda NAVO-defensieministers", source="Rijksoverheid (RO)",
                              day="vrijdag 22 januari 2010", section="") + PRINTED_LINES + BODY
    doc = doc_of(lexicon, letter)
    meta = read_metadata(doc, "test.txt")
    assert meta.letter_date == date(2010, 1, 20) and origins(meta)["letter_date"] == "head"
    assert meta.kind == "geannoteerde agenda"
    assert [(m.type, m.start) for m in meta.meetings] == [("dmm", date(2010, 2, 4))]


def test_a_dated_text_europa_nu_published_the_same_day_is_still_a_letter(lexicon):
    # Its own date line makes it a letter, though the page's day of publishing is the same day.
    text = EUROPA_NU.format(title="Informele bijeenkomst NAVO-defensieministers", source="Rijksoverheid (RO)",
                            day="woensdag 20 januari 2010", section="") + (
        "Den Haag, 20 januari 2010\n\nOp 4 en 5 februari aanstaande komen de ministers van Defensie van de NAVO "
        "bijeen in Istanbul.\n")
    meta = read_metadata(doc_of(lexicon, text), "test.txt")
    assert meta.letter_date == date(2010, 1, 20) and origins(meta)["letter_date"] == "head"
    assert meta.letter_like and meta.kind == "geannoteerde agenda"


def test_a_rijksoverheid_page_dates_the_letter_under_its_title(lexicon):
    # rijksoverheid.nl puts "Kamerstuk: Kamerbrief | <dag>" under a letter's title (as "Nieuwsbericht | <dag>"
    # under a news item's): the line was the text's, so the letter had no date and its meeting no year
    text = ("Kamerbrief over verslag NAVO-top 24 en 25 juni 2031 in Den Haag\n\n"
            "Kamerstuk: Kamerbrief | 04-07-2031\n\nDe ministers informeren de Kamer over de uitkomsten.\n\n"
            "Op 24 en 25 juni jl. kwamen de regeringsleiders van de NAVO in Den Haag bijeen. Met deze brief brengen "
            "wij verslag uit van de top.\n")
    doc = doc_of(lexicon, text)
    assert furniture(doc, "webpage") == ["Kamerbrief over verslag NAVO-top 24 en 25 juni 2031 in Den Haag",
                                         "Kamerstuk: Kamerbrief | 04-07-2031"]
    meta = read_metadata(doc, "test.txt")
    assert (meta.kind, meta.letter_date, origins(meta)["letter_date"]) == ("verslag", date(2031, 7, 4), "page")
    assert meetings(meta) == [
        ("navo-top", date(2031, 6, 24), date(2031, 6, 25), "Den Haag")]


def test_docplayer_page_text_over_a_transcription_is_page_text(lexicon):
    # docplayer.nl prints its menu over a PDF's text run into one paragraph (a 2014 record in the stored
    # pages); its "Maat: px" and "Transcriptie" were headings, so the text was no letter's opening
    text = ("Tweede Kamer der Staten-Generaal\n\nMaat: px\nWeergave met pagina beginnen:\n\n"
            "Download \"Tweede Kamer der Staten-Generaal\"\n\nTranscriptie\n\n"
            "1 Tweede Kamer der Staten-Generaal 2 Vergaderjaar NAVO Nr. 75 BRIEF VAN DE MINISTER VAN DEFENSIE "
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 3 februari 2031 Hierbij bied ik "
            "u de geannoteerde agenda aan van de bijeenkomst van de NAVO-ministers van Defensie die op 19 en 20 "
            "februari in Krakow plaatsvindt. De ministers spreken over de missies.\n")
    doc = doc_of(lexicon, text)
    assert furniture(doc, "webpage") == ["Maat: px", "Weergave met pagina beginnen:",
                                         'Download "Tweede Kamer der Staten-Generaal"', "Transcriptie"]
    meta = read_metadata(doc, "test.txt")
    assert (meta.kind, meta.letter_date) == ("geannoteerde agenda", date(2031, 2, 3))
    assert meetings(meta) == [
        ("dmm", date(2031, 2, 19), date(2031, 2, 20), "Krakow")]


@pytest.mark.parametrize("head", [
    # a copy of the PDF with the head run on into the text on one line (Parlementaire Monitor, 2014)
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 20 januari 2010 ",
    # ... and the printed head before it too
    "28 676 NAVO Nr. 97 BRIEF VAN DE MINISTER VAN DEFENSIE Aan de Voorzitter van de Tweede Kamer der "
    "Staten-Generaal Den Haag, 20 januari 2010 ",
])
def test_a_head_run_on_into_the_text_is_set_aside_and_the_text_read(lexicon, head):
    doc = doc_of(lexicon, head + BODY)
    assert furniture(doc, "letterhead") == [head.strip()]
    assert doc.blocks[0].text.startswith("Op 4 en 5 februari aanstaande komen de ministers")
    meta = read_metadata(doc, "test.txt")
    assert (meta.letter_date, meta.addressee, meta.kind) == (date(2010, 1, 20), "Tweede Kamer", "geannoteerde agenda")
    assert [(m.type, m.start, m.location) for m in meta.meetings] == [("dmm", date(2010, 2, 4), "Istanbul")]


def test_the_letters_own_head_wins_over_the_page(lexicon):
    doc = doc_of(lexicon, OPENTK + PRINTED_LINES + BODY)
    meta = read_metadata(doc, "test.txt")
    assert meta.letter_date == date(2010, 1, 20) and origins(meta)["letter_date"] == "head"
    own, _, origin = read_own_number(doc)
    assert (own.key, origin) == ("28676-97", "head")
    assert furniture(doc, "letterhead") == PRINTED_LINES.splitlines()[:7]


@pytest.mark.parametrize("written,key", [
    ("Onderdeel van kamerstukdossier 21501 02-2999 Raad Algemene Zaken.", "21501-02-2999"),
    ("Onderdeel van kamerstukdossier 36123 X-45 Begroting.", "36123-X-45"),
    ("Directe link naar document (.pdf), officiële HTML versie (kst-21501-28-301).", "21501-28-301"),
    ("Tweede Kamer der Staten-Generaal | 2030-2031 | 28676 nr. 640 |", "28676-640"),
    # The session year typeset with an en dash, as printed Kamerstukken write it ("Vergaderjaar 2030–2031").
    ("Tweede Kamer der Staten-Generaal | 2030\u20132031 | 28676 nr. 642 |", "28676-642"),
    ("Tweede Kamer der Staten-Generaal 2030\u20132031 28676 nr. 643", "28676-643"),
    ("ID: 28676-641", "28676-641"),
])
def test_page_kamerstuk_shapes(lexicon, written, key):
    doc = doc_of(lexicon, "Brief regering\n" + written + "\n\n" + BODY)
    assert read_page_facts(doc).kamerstuk.key == key


def test_page_footer_anywhere_is_furniture(lexicon):
    doc = doc_of(lexicon, PRINTED_LINES + BODY + "Naar boven\n")
    assert furniture(doc, "webpage") == ["Naar boven"]
    assert not any("Naar boven" in b.text for b in doc.blocks)


def test_page_dates_are_no_meeting_traps(lexicon):
    # The committee dates in the page's lists never reach the text the meeting reader reads.
    doc = doc_of(lexicon, OPENTK + BODY)
    text = " ".join(b.text for b in doc.blocks)
    assert "2031-04" not in text and "Commissiedebat" not in text


def test_a_page_line_in_the_letter_does_not_swallow_the_letter(lexicon):
    text = BODY.replace("Afghanistan\n", "Afghanistan\nBron: https://www.example.org/brief\n")
    doc = doc_of(lexicon, text)
    assert doc.blocks[0].text.startswith("Op 4 en 5 februari")
    assert furniture(doc, "webpage") == ["Bron: https://www.example.org/brief"]


# --- cover letter and enclosure -----------------------------------------------------------

COVER = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
         "Den Haag, 20 juni 2031\n"
         "Hierbij bieden wij u de geannoteerde agenda aan voor de top van 8 en 9 juli 2031.\n"
         "De Minister van Buitenlandse Zaken,\n"
         "C.D. Voorbeeld\n"
         "De Minister van Defensie,\n"
         "A.B. Voorbeeld\n")


@pytest.mark.parametrize("title", [
    "GEANNOTEERDE AGENDA VAN DE TOP IN OSLO VAN 8 EN 9 JULI 2031 MET DE REGERINGSLEIDERS VAN ALLE BONDGENOTEN",
    "Verslag van de bijeenkomst van de ministers van Defensie op 8 en 9 juli 2031 te Oslo",
    # the enclosure marked as one
    "Bijlage: Verslag van de bijeenkomst van de ministers van Defensie te Oslo",
    "Bijlage 1 – Geannoteerde agenda van de top in Oslo",
])
def test_cover_letter_and_its_enclosure_are_one_document(lexicon, title):
    text = COVER + title + "\nInleiding\nDe regeringsleiders spreken over de steun aan Oekraïne.\n" \
        "Oekraïne\nNederland zet de steun voort.\n"
    ct = clean("test.txt", text, lexicon)
    assert len(ct.documents) == 1
    doc = ct.documents[0]
    assert headings(doc) == [title, "Inleiding", "Oekraïne"]
    assert next(b for b in doc.blocks if b.text == title).level == 2
    assert [b.text for b in doc.blocks if b.kind == "closing"][-1] == "A.B. Voorbeeld"
    assert doc.blocks[0].text.startswith("Hierbij bieden wij u")
    assert read_metadata(doc, "test.txt").letter_date == date(2031, 6, 20)


def test_an_enclosure_marked_bijlage_gives_the_cover_letter_its_meeting(lexicon):
    # The cover letter names the summit without its days; the enclosure, titled "Bijlage: Verslag …", dates it.
    text = ("Den Haag, 19 juli 2031\n\nHierbij bied ik u het verslag aan van de NAVO-top.\n\n"
            "De minister van Buitenlandse Zaken,\n\nC.D. Voorbeeld\n\nBijlage: Verslag NAVO-top Oslo\n\n"
            "Van 9 tot en met 11 juli kwamen de regeringsleiders van de NAVO bijeen in Oslo. De bondgenoten "
            "spraken over de steun aan Oekraïne en over de uitgaven.\n")
    meta = read_metadata(doc_of(lexicon, text), "test.txt")
    assert meta.kind == "verslag"
    assert meetings(meta) == [
        ("navo-top", date(2031, 7, 9), date(2031, 7, 11), "Oslo")]


def test_an_enclosure_marked_bijlage_on_a_line_of_its_own_is_the_letters_text(lexicon):
    # "Bijlage" alone over the enclosure's title: the enclosure was a document of its own, so the cover letter,
    # which names the meeting without its days, had no meeting; the mark stays in place, above the title.
    text = ("Den Haag, 12 april 2031\n\nHierbij zend ik u het verslag van de NAVO-ministeriële bijeenkomst van "
            "ministers van Buitenlandse Zaken.\n\nDe minister van Buitenlandse Zaken,\n\nC.D. Voorbeeld\n\n"
            "Bijlage\n\nVerslag van de bijeenkomst van NAVO-ministers van Buitenlandse Zaken op 3 en 4 april 2031 "
            "in Brussel\n\nDe ministers spraken over de steun aan Oekraïne.\n")
    ct = clean("test.txt", text, lexicon)
    assert len(ct.documents) == 1
    doc = ct.documents[0]
    assert headings(doc) == ["Bijlage", "Verslag van de bijeenkomst van NAVO-ministers van Buitenlandse Zaken op 3 "
                                        "en 4 april 2031 in Brussel"]
    meta = read_metadata(doc, "test.txt")
    assert meetings(meta) == [
        ("fmm", date(2031, 4, 3), date(2031, 4, 4), "Brussel")]


@pytest.mark.parametrize("listed", [
    "Bijlage: Verslag van de bijeenkomst van de NAVO-ministers",
    "Bijlage 1: Verslag NAVO-top\nBijlage 2: Geannoteerde agenda NAVO-top",
])
def test_lines_that_list_the_enclosures_stay_under_the_signature(lexicon, listed):
    text = ("Den Haag, 19 juli 2031\n\nHierbij bied ik u het verslag aan van de NAVO-top van 9 tot en met 11 juli "
            f"in Oslo.\n\nDe minister van Buitenlandse Zaken,\n\nC.D. Voorbeeld\n\n{listed}\n")
    ct = clean("test.txt", text, lexicon)
    assert len(ct.documents) == 1
    assert [b.kind for b in ct.documents[0].blocks if b.text.startswith("Bijlage")] == ["closing"] * (listed.count("\n") + 1)


def test_a_titled_enclosure_cut_short_is_still_the_letters_text(lexicon):
    # A saved page that breaks off after the enclosure's first paragraph (tkconv previews): its title and
    # that paragraph were taken for stray lines under the signature, so the meeting's place went unread.
    text = COVER + ("GEANNOTEERDE AGENDA VAN DE TOP VAN 8 EN 9 JULI 2031\n"
                    "Op 8 en 9 juli 2031 komen de regeringsleiders van de NAVO bijeen in Oslo.\n")
    ct = clean("test.txt", text, lexicon)
    assert len(ct.documents) == 1
    doc = ct.documents[0]
    assert [b.text for b in doc.blocks if b.kind == "closing"][-1] == "A.B. Voorbeeld"
    assert doc.blocks[-1].text.startswith("Op 8 en 9 juli 2031 komen")
    assert [(m.type, m.location) for m in read_metadata(doc, "test.txt").meetings] == [("navo-top", "Oslo")]


def test_a_memo_after_the_signature_stays_a_document_of_its_own(lexicon):
    text = COVER + "Nota\nAanleiding\nDe top komt eraan en vraagt een besluit.\nToelichting\nHet besluit volgt.\n"
    assert len(clean("test.txt", text, lexicon).documents) == 2


def test_a_memo_after_the_enclosure_stays_a_document_of_its_own(lexicon):
    # The enclosure a cover letter sends, then an internal memo with its head and signature: the memo's "Datum"
    # joined the letter's head, which then had two dates and none
    text = (COVER + "Verslag van de bijeenkomst van de ministers van Defensie op 8 en 9 juli 2031 te Oslo\n"
            "De ministers spraken over de steun aan Oekraïne.\n\nNota\nAan: Minister van Defensie\n"
            "Van: Directie Internationale Zaken\nDatum: 12 juni 2031\nOnderwerp: Verslag\n\nTer ondertekening.\n\n"
            "De directeur Internationale Zaken,\nE.F. Voorbeeld\n")
    ct = clean("test.txt", text, lexicon)
    assert len(ct.documents) == 2
    letter, memo = ct.documents
    assert letter.blocks[-1].text == "De ministers spraken over de steun aan Oekraïne."
    assert read_metadata(letter, "test.txt").letter_date == date(2031, 6, 20)
    assert read_metadata(memo, "test.txt", appended=True).kind == "nota"


def test_a_letterhead_without_a_salutation_keeps_the_street_of_its_address_in_the_head(lexicon):
    # The text opens with a heading, not "Geachte voorzitter,": the street under the addressee ended the head,
    # so the subject line became a heading and the letter named no meeting
    text = ("> Retouradres Postbus 20701 2500 ES Den Haag\n\nDe Voorzitter van de Tweede Kamer der Staten-Generaal\n"
            "Prinses Irenestraat 6\n2595 BD Den Haag\n\nDatum 1 maart 2031\nBetreft Verslag NAVO Defensie "
            "Ministeriële 17 en 18 februari 2031\n\nAfschrikking en verdediging\n\nDe ministers vergaderden per "
            "videoverbinding over de afschrikking.\n\nDE MINISTER VAN DEFENSIE\n\nA.B. Voorbeeld\n")
    doc = doc_of(lexicon, text)
    assert headings(doc) == ["Afschrikking en verdediging"]
    meta = read_metadata(doc, "test.txt")
    assert (meta.kind, meetings(meta)) == ("verslag", [("dmm", date(2031, 2, 17), date(2031, 2, 18), None)])


# --- through the whole pipeline -------------------------------------------------------------


def test_origins_reach_the_letter(tmp_path: Path):
    (tmp_path / "a.txt").write_text(OPENTK + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PRINTED_LINES + BODY, encoding="utf-8")
    letters = {l.source: l for l in build_corpus(tmp_path).corpus.letters}
    a, b = letters["a.txt"], letters["b.txt"]
    assert (a.kamerstuk.key, dict(a.origins)["kamerstuk"], dict(a.origins)["letter_date"]) == ("28676-612", "page", "page")
    assert (a.dossiers, dict(a.origins)["dossiers"]) == ((("28676", ""),), "page")
    assert (b.kamerstuk.key, dict(b.origins)["kamerstuk"]) == ("28676-97", "head")
    assert not any(s.heading in ("Nr. 97", "BRIEF VAN DE MINISTER VAN DEFENSIE") for s in b.sections)


def test_role_and_name_on_one_line_close_the_cover_letter(lexicon):
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 20 juni 2031\n"
            "Hierbij sturen wij u het verslag van de top van 8 en 9 juli jl.\n"
            "De Minister van Buitenlandse Zaken, C.D. Voorbeeld\n"
            "De Minister van Defensie, A.B.C. Voorbeeld-Anders\n"
            "De regeringsleiders kwamen op 8 en 9 juli bijeen en spraken over de lasten.\n"
            "Lastenverdeling\nBondgenoten vroegen om snellere stappen.\n")
    ct = clean("test.txt", text, lexicon)
    assert len(ct.documents) == 1  # an untitled report after the signature is the letter's enclosure
    doc = ct.documents[0]
    assert [b.text for b in doc.blocks if b.kind == "closing"] == [
        "De Minister van Buitenlandse Zaken, C.D. Voorbeeld", "De Minister van Defensie, A.B.C. Voorbeeld-Anders"]
    assert headings(doc) == ["Lastenverdeling"]


def test_addressee_over_two_lines(lexicon):
    doc = doc_of(lexicon, "Aan de Voorzitter van de\nTweede Kamer der Staten-Generaal\nBinnenhof 4\n"
                          "Datum 2 mei 2031\nGeachte voorzitter,\n" + BODY)
    assert read_metadata(doc, "test.txt").addressee == "Tweede Kamer"


@pytest.mark.parametrize("copy", ["Afschrift aan de Voorzitter van de Eerste Kamer der Staten-Generaal",
                                  "Kopie aan de Voorzitter van de Eerste Kamer der Staten-Generaal"])
def test_a_copy_to_a_chamber_is_no_addressee(lexicon, copy):
    doc = doc_of(lexicon, f"Rijksoverheid\n\n\n12 mei 2031\n\nGeannoteerde concept-agenda van de Navo-ministeriële te "
                          f"Istanbul van 4 en 5 juni a.s.\n\n{copy} Binnenhof 22 2513 AA Den Haag\n\n" + BODY)
    assert read_metadata(doc, "test.txt").addressee is None


@pytest.mark.parametrize("opening, addressee", [
    # prose that names the Voorzitter is no address: a news item, a delegation's report
    ("De minister-president reist naar Oslo; ook de Voorzitter van de Tweede Kamer is daar aanwezig.", None),
    ("Namens Nederland namen de Voorzitter van de Eerste Kamer en twee senatoren deel aan de conferentie.", None),
    # an address that opens its paragraph still counts, and a copy sent elsewhere does not
    ("De Voorzitter van de Eerste Kamer der Staten-Generaal\nEenzelfde brief gaat aan de Voorzitter van de "
     "Tweede Kamer.", "Eerste Kamer"),
])
def test_only_an_address_that_opens_its_paragraph_names_the_addressee(lexicon, opening, addressee):
    doc = doc_of(lexicon, f"{opening}\n\n{BODY}")
    assert read_metadata(doc, "test.txt").addressee == addressee


def test_title_over_a_headless_letter_is_its_subject(lexicon):
    # A news archive keeps only the page title above the letter: it names the subject, it heads no section.
    doc = doc_of(lexicon, "Kamerbrief inzake geannoteerde agenda Oslo juni 2031\n\n" + BODY)
    assert doc.blocks[0].kind == "subject"
    meta = read_metadata(doc, "test.txt")
    assert meta.subject == "Kamerbrief inzake geannoteerde agenda Oslo juni 2031"
    assert origins(meta)["subject"] == "text"


def test_a_title_in_capitals_after_kamerbrief_inzake_is_the_texts_not_letterhead(lexicon):
    # The same title as an archive sets it in capitals: it was letterhead, and the letter lost its kind.
    title = "KAMERBRIEF INZAKE VERSLAG BIJEENKOMST NAVO-MINISTERS VAN DEFENSIE 22 EN 23 OKTOBER 2031"
    doc = doc_of(lexicon, title + "\n\nDe ministers spraken over de missie. Graag informeer ik u over de "
                                  "belangrijkste punten.\n\nDE MINISTER VAN DEFENSIE\n\nA.B. Voorbeeld\n")
    assert (doc.blocks[0].kind, doc.blocks[0].text) == ("subject", title)
    meta = read_metadata(doc, "test.txt")
    assert meta.kind == "verslag"
    assert [(m.type, m.start, m.end) for m in meta.meetings] == [("dmm", date(2031, 10, 22), date(2031, 10, 23))]


def test_street_line_of_an_address_block_is_head(lexicon):
    doc = doc_of(lexicon, "Ministerie van Defensie\nTulpmarkt 12\nPostbus 20701\n2500 ES Den Haag\n"
                          "Datum\n2 mei 2031\nBetreft\nVerslag bijeenkomst ministers\n\n" + BODY)
    assert furniture(doc, "letterhead")[1:3] == ["Tulpmarkt 12", "Postbus 20701"]
    assert headings(doc) == ["Afghanistan"]
    assert read_metadata(doc, "test.txt").subject == "Verslag bijeenkomst ministers"


def test_side_column_repeated_on_a_later_page_with_label_and_value_on_one_line(lexicon):
    text = "Datum\t2 mei 2031\nBetreft\tVerslag\n\n" + BODY.replace("Afghanistan\n", "Datum\t2 mei 2031\nPagina 2 van 2\nAfghanistan\n")
    doc = doc_of(lexicon, text)
    assert "Datum 2 mei 2031" in furniture(doc, "sidebar")
    assert headings(doc) == ["Afghanistan"]


def test_a_label_with_a_bare_number_in_the_text_stays_text(lexicon):
    doc = doc_of(lexicon, PRINTED_LINES + BODY.replace("Afghanistan\n", "Bijlage 1\n"))
    assert "Bijlage 1" in headings(doc)


def test_official_sites_notes_heading_is_page_text_and_its_notes_footnotes(lexicon):
    text = PRINTED_LINES + BODY.replace("de inzet.", "de inzet.1") + "\nX Noot\n1\n\nTer inzage gelegd bij de Kamer.\n\nNaar boven\n"
    doc = doc_of(lexicon, text)
    assert furniture(doc, "webpage") == ["X Noot", "Naar boven"]
    assert "X Noot" not in headings(doc)
    assert [f.text for f in doc.footnotes] == ["Ter inzage gelegd bij de Kamer."]
    assert [b.text for b in doc.blocks if b.kind == "closing"] == ["De minister van Defensie,", "A.B. Voorbeeld"]


def test_a_footnote_below_the_signature_is_lifted_as_a_footnote(lexicon):
    text = BODY.replace("de inzet.", "de inzet.1") + "\n1 Zie de eerdere brief over de inzet.\n"
    doc = doc_of(lexicon, text)
    assert [f.text for f in doc.footnotes] == ["Zie de eerdere brief over de inzet."]
    assert [b.text for b in doc.blocks if b.kind == "closing"] == ["De minister van Defensie,", "A.B. Voorbeeld"]


def test_two_columns_of_a_letterhead_on_one_line(lexicon):
    text = ("Ministerie van Defensie\nDatum\t24 maart 2031\tOnze referentie\tBS2031001234\n"
            "Betreft\tVerslag van de bijeenkomst\tKenmerk\t2031Z01234\nGeachte voorzitter,\n" + BODY)
    meta = read_metadata(doc_of(lexicon, text), "test.txt")
    assert (meta.letter_date, meta.subject) == (date(2031, 3, 24), "Verslag van de bijeenkomst")


def test_two_label_columns_of_an_older_letterhead_on_one_line(lexicon):
    text = ("Ministerie van Buitenlandse Zaken\nDatum 21 september 2031 Auteur A.B. Voorbeeld\n"
            "Kenmerk ABC/123/31 Telefoon 070-3480000\nBlad 1/11 Fax 070-3480001\n"
            "Betreft Verslag van de bijeenkomst\nZeer geachte Voorzitter,\n" + BODY)
    doc = doc_of(lexicon, text)
    meta = read_metadata(doc, "test.txt")
    assert (meta.letter_date, meta.subject) == (date(2031, 9, 21), "Verslag van de bijeenkomst")
    assert "Blad 1/11 Fax 070-3480001" in furniture(doc)


@pytest.mark.parametrize("line,day", [
    ("Den Haag, 21 januari 2031", date(2031, 1, 21)),
    ("'s-Gravenhage, 3 februari 2031", date(2031, 2, 3)),
    ("’s-Gravenhage 3 februari 2031", date(2031, 2, 3)),
    ("Den Haag, 21-01-2031", date(2031, 1, 21)),
    # with its weekday, the month abbreviated, no space after the comma (made up: forms a typist may use)
    ("Den Haag, dinsdag 21 januari 2031", date(2031, 1, 21)),
    ("Den Haag, 21 jan. 2031", date(2031, 1, 21)),
    ("Den Haag,21 januari 2031", date(2031, 1, 21)),
])
def test_date_line_shapes_end_the_head(lexicon, line, day):
    doc = doc_of(lexicon, "28 676 NAVO\nNr. 97\nBRIEF VAN DE MINISTER VAN DEFENSIE\n" + line + "\n" + BODY)
    assert furniture(doc)[-1] == line
    assert read_metadata(doc, "test.txt").letter_date == day


# --- nothing lost on the letters of the genre corpora -------------------------------------------

GENRE = sorted(p for d in ("genre", "genre-holdout") for p in (Path(__file__).parent / "fixtures" / d).glob("*.txt"))


@pytest.mark.skipif(not GENRE, reason="genre corpora not present")
def test_every_word_of_every_genre_letter_survives_cleaning(lexicon):
    from conftest import WORD, missing_words

    lost = {}
    for path in GENRE:
        text = path.read_text(encoding="utf-8")
        ct = clean(path.name, text, lexicon)
        kept = [t for d in ct.documents
                for t in [d.title or ""] + [b.text for b in d.blocks] + [f.text for f in d.footnotes + d.furniture]]
        repaired = {w for r in ct.repairs for w in WORD.findall(r.before)}
        missing = missing_words(text, "\n".join(kept), repaired)
        if missing:
            lost[path.name] = missing[:5]
    assert lost == {}


@pytest.mark.skipif(not GENRE, reason="genre corpora not present")
def test_no_saved_page_text_and_no_head_line_reaches_the_reading_text(lexicon):
    from generator.clean import is_webpage
    from generator.knowledge import cleaning_rules

    rules = cleaning_rules()
    leaked = []
    for path in GENRE:
        for d in clean(path.name, path.read_text(encoding="utf-8"), lexicon).documents:
            for b in d.blocks:
                head_line = any(p.match(b.text) for p in rules.head_end) or b.text.startswith(("Nr. ", "Vergaderjaar "))
                if is_webpage(b.text, rules) or head_line:
                    leaked.append((path.name, b.text[:60]))
    assert leaked == []


# --- the printed head of a parliamentary record ---------------------------------------------

RECORD_LINES = ("99 999 Voorbeeldzaken\n"
                "Nr. 321\n"
                "VERSLAG VAN EEN COMMISSIEDEBAT\n"
                "Vastgesteld 4 maart 2031\n"
                "De vaste commissie voor Defensie heeft op 1 maart 2031 overleg gevoerd met de minister over\n"
                "de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers van Defensie op 8 maart 2031.\n"
                "Voorzitter: Jansen\n")


def test_record_head_one_line_per_line_is_furniture_and_read(lexicon):
    doc = doc_of(lexicon, RECORD_LINES)
    assert "VERSLAG VAN EEN COMMISSIEDEBAT" in furniture(doc)
    meta = read_metadata(doc, "t.txt")
    own, _, origin = read_own_number(doc)
    assert (own.key, origin) == ("99999-321", "head")
    assert meta.letter_date == date(2031, 3, 4)
    assert meta.kind == "overig" and meta.meetings == ()


def test_record_with_its_dossier_number_alone_on_a_line(lexicon):
    doc = doc_of(lexicon, RECORD_LINES.replace("99 999 Voorbeeldzaken\nNr. 321\n", "99 999\nVoorbeeldzaken\n\nnr. 321\n"))
    own, _, _ = read_own_number(doc)
    assert own is not None and own.key == "99999-321"


def test_record_page_title_states_its_number(lexicon):
    text = "Kamerstuk 99999-12-321\n\nVerslag van een algemeen overleg\n\nVoorbeeldraad\n\n" + \
           RECORD_LINES.split("\n", 2)[2]
    doc = doc_of(lexicon, text)
    own, _, origin = read_own_number(doc)
    assert (own.key, origin) == ("99999-12-321", "page")


@pytest.mark.parametrize("title, key", [
    ("Kamerstuk 28676, nr. 439 | Overheid.nl > Officiële bekendmakingen", "28676-439"),
    ("Kamerstuk 36600-XV, nr. 8 | Overheid.nl > Officiële bekendmakingen", "36600-XV-8"),
])
def test_the_official_sites_page_title_states_the_number(lexicon, title, key):
    # the title of a page of zoek.officielebekendmakingen.nl, saved over a letter that prints no number
    text = (f"{title}\nU bent hier:\nKamerstuk\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
            "Den Haag, 30 juni 2031\nHierbij bied ik u de geannoteerde agenda aan.\n\nDe minister van Defensie,\n\n"
            "A.B. Voorbeeld\n")
    doc = doc_of(lexicon, text)
    own, _, origin = read_own_number(doc)
    assert (own.key, origin) == (key, "page")
    assert title in furniture(doc)


def test_record_head_run_into_one_paragraph_dates_it(lexicon):
    # A PDF transcript that runs the printed head and the record's first sentence together.
    text = ("Voorbeeldarchief\n\nTranscriptie\n\n1 Tweede Kamer der Staten-Generaal 2 Vergaderjaar Voorbeeldzaken "
            "Nr. 77 VERSLAG VAN EEN ALGEMEEN OVERLEG Vastgesteld 9 oktober 2031 De vaste commissie voor "
            "Voorbeeldzaken heeft op 2 september 2031 overleg gevoerd met de minister over de brief van "
            "3 augustus 2031.\n")
    meta = read_metadata(doc_of(lexicon, text), "t.txt")
    assert meta.letter_date == date(2031, 10, 9)
    assert meta.kind == "overig" and meta.meetings == ()


def test_a_later_vastgesteld_in_a_letters_body_is_no_date(lexicon):
    text = ("Voorbeeldarchief\n\nTranscriptie\n\nDe commissie heeft het verslag van 2 september 2031 "
            "inmiddels vastgesteld 9 oktober 2031 en verstuurd.\n")
    assert read_metadata(doc_of(lexicon, text), "t.txt").letter_date is None


# --- a lone date above the text: a news archive's or a bare letterhead's date ---------------

def test_a_lone_date_under_the_ministry_name_dates_the_letter(lexicon):
    text = ("Ministerie van Defensie\n\n12 maart 2031\n\nVerslag informele bijeenkomst EU-ministers van Defensie "
            "in Voorbeeldstad op 2 en 3 maart 2031\n\n" + BODY)
    assert read_metadata(doc_of(lexicon, text), "t.txt").letter_date == date(2031, 3, 12)


def test_an_archive_stamp_with_a_time_dates_the_letter(lexicon):
    text = ("Ministerie van Defensie\n\n---\n\nBrieven aan de Kamer\n\n---\n\nGeannoteerde agenda voor de informele "
            "bijeenkomst van de EU-defensieministers in Voorbeeldstad 4 en 5 april 2031\n\n25-3-2031 15:32:00\n\n" + BODY)
    assert read_metadata(doc_of(lexicon, text), "t.txt").letter_date == date(2031, 3, 25)


@pytest.mark.parametrize("text", [
    "Ministerie van Voorbeeldzaken\n\nKamerbrief over de geannoteerde agenda van de Raad van 16 en 17 maart "
    "2031\n\n11-03-2031 | Kamerstuk | Ministerie van Voorbeeldzaken\n\n" + BODY,
    # hard-wrapped, no blank lines: the title over two lines, the archive line inside the first paragraph
    "Kamerbrief over de geannoteerde agenda van de Raad van 16 en\n17 maart 2031\n11-03-2031 | Kamerstuk | "
    "Ministerie van Voorbeeldzaken\nHierbij bied ik u de geannoteerde agenda aan van de Raad\nvan 16 en 17 maart.\n" + BODY,
])
def test_an_archive_line_states_the_letter_date_as_the_page(lexicon, text):
    meta = read_metadata(doc_of(lexicon, text), "t.txt")
    assert meta.letter_date == date(2031, 3, 11)
    assert origins(meta)["letter_date"] == "page"


@pytest.mark.parametrize("text", [
    # a one-day meeting's date under the page's title, the body naming the same days
    "Geannoteerde agenda informele bijeenkomst NAVO-ministers van Defensie\n\n12 maart 2031\n\n"
    "Op 12 en 13 maart aanstaande komen de ministers bijeen in Voorbeeldstad. Hierbij ontvangt u de agenda.\n\n" + BODY,
    "Verslag NAVO-top\nVoorbeeldstad\n24 juni 2031\n\nOp 24 juni jl. vond in Voorbeeldstad de NAVO-top plaats.\n\n" + BODY,
])
def test_a_lone_date_the_text_names_as_a_meeting_day_is_no_letter_date(lexicon, text):
    assert read_metadata(doc_of(lexicon, text), "t.txt").letter_date is None


@pytest.mark.parametrize("text", [
    # below the first sentence the date is the body's
    "Ministerie van Defensie\n\nDe ministers kwamen bijeen om te overleggen.\n\n12 maart 2031\n\n" + BODY,
    # the value of another label is no letter date
    "Ministerie van Defensie\n\nUw brief van\n\n12 maart 2031\n\n" + BODY,
])
def test_a_lone_date_elsewhere_is_no_letter_date(lexicon, text):
    assert read_metadata(doc_of(lexicon, text), "t.txt").letter_date is None


# pdftotext -layout prints the side column beside the head and the first lines of the text.
LAYOUT = (
    "de Voorzitter van de Tweede Kamer" + " " * 27 + "Ministerie van Defensie\n"
    "der Staten-Generaal" + " " * 41 + "Plein 4\n"
    "Binnenhof 4" + " " * 49 + "MPC 58 B\n"
    "2513 AA Den Haag" + " " * 44 + "Postbus 20701\n"
    + " " * 60 + "2500 ES Den Haag\n"
    + " " * 60 + "www.defensie.nl\n"
    "\n"
    "Datum       7 oktober 2031" + " " * 34 + "Onze referentie\n"
    "Betreft     Geannoteerde agenda NAVO-ministers" + " " * 14 + "BS2031012345\n"
    "\n"
    "Geachte voorzitter," + " " * 41 + "Bij beantwoording datum, onze\n"
    + " " * 60 + "referentie en onderwerp vermelden.\n"
    "Hierbij bied ik u de geannoteerde agenda aan voor de\n"
    "bijeenkomst van de NAVO-ministers van Defensie op 24 en 25\n"
    "oktober in Brussel.\n"
    "\n")


def test_a_side_column_printed_beside_the_text_is_read_as_its_own(lexicon):
    doc = doc_of(lexicon, LAYOUT + BODY)
    assert [b.text for b in doc.blocks[:2]] == [
        "Geachte voorzitter,", "Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de "
        "NAVO-ministers van Defensie op 24 en 25 oktober in Brussel."]
    head = furniture(doc)
    for line in ("Ministerie van Defensie", "Postbus 20701", "www.defensie.nl", "Onze referentie", "BS2031012345",
                 "Bij beantwoording datum, onze", "referentie en onderwerp vermelden.", "Binnenhof 4"):
        assert line in head  # nothing lost, and no column text glued to the letter's own lines
    meta = read_metadata(doc, "test.txt")
    assert (meta.letter_date, meta.addressee, meta.subject) == (
        date(2031, 10, 7), "Tweede Kamer", "Geannoteerde agenda NAVO-ministers")


def test_a_later_pages_side_column_and_page_number_beside_the_signature(lexicon):
    # page 2 of the dump sets its column a few characters right of page 1's, and prints the page's number
    # beside the signature: both are the page's, the name under the letter is the signer's alone
    page2 = ("\nDe ministers spreken over de reactie van het bondgenootschap op de" + " " * 8 + "Pagina 1 van 2\n"
             "ontwikkeling van de Russische raket.\n" + " " * 64 + "Datum\n"
             "Missies" + " " * 57 + "7 oktober 2031\n"
             "Verder komt de voortgang van de missies in Afghanistan" + " " * 10 + "Onze referentie\n"
             "aan de orde." + " " * 52 + "BS2031012345\n\n"
             "De minister van Defensie,\n\n\n\nA.B. Voorbeeld" + " " * 51 + "Pagina 2 van 2\n")
    doc = doc_of(lexicon, LAYOUT + page2)
    assert [b.text for b in doc.blocks if b.kind == "closing"][-1] == "A.B. Voorbeeld"
    assert "Missies" in [b.text for b in doc.blocks if b.kind == "heading"]
    assert {"Pagina 2 van 2", "Onze referentie"} <= set(furniture(doc))
    assert read_metadata(doc, "test.txt").minister_signed == "A.B. Voorbeeld"


def test_wide_gaps_without_a_side_column_are_spaces(lexicon):
    # A table or a page number set far right, printed with wide gaps: no letterhead or side-column
    # label in the right-hand text, so the rows read as before.
    text = ("Geachte voorzitter,\n\n"
            "Onderwerp van de bijeenkomst" + " " * 20 + "Luchtverdediging\n"
            "Onderwerp van de tweede sessie" + " " * 18 + "Defensie-industrie\n"
            "Onderwerp van de derde sessie" + " " * 19 + "Oekraïne\n")
    doc = doc_of(lexicon, text)
    assert any("Onderwerp van de bijeenkomst Luchtverdediging" in b.text for b in doc.blocks)
    assert not doc.furniture


def test_the_country_under_foreign_affairs_postbus_is_the_letterheads(lexicon):
    # Buitenlandse Zaken's letterhead: "Postbus 20061" / "Nederland" / "www.rijksoverheid.nl", then the side column
    text = ("> Retouradres Postbus 20061 2500 EB Den Haag\n\nde Voorzitter van de Eerste Kamer der Staten-Generaal\n"
            "Binnenhof 22\n2513 AA Den Haag\n\nMinisterie van Buitenlandse Zaken\nRijnstraat 8\n2515 XP Den Haag\n"
            "Postbus 20061\nNederland\nwww.rijksoverheid.nl\n\nOnze referentie\nBZ2210457\n\nDatum 8 juli 2031\n"
            "Betreft Verslag NAVO-top Voorbeeldstad\n\nHierbij informeren wij uw Kamer over de uitkomsten van de "
            "NAVO-top die op 28 en 29 juni jl. plaatsvond.\n\nDe Minister van Buitenlandse Zaken,\n\nA.B. Voorbeeld\n")
    doc = doc_of(lexicon, text)
    assert "Nederland" in furniture(doc)
    meta = read_metadata(doc, "t.txt")
    assert (meta.subject, meta.kind) == ("Verslag NAVO-top Voorbeeldstad", "verslag")


@pytest.mark.parametrize("labels, values, expected", [
    # a PDF's text gives the side column's labels one under the other, then their values in the same order
    ("Datum\nBetreft", "16 januari 2031\nGeannoteerde agenda", date(2031, 1, 16)),
    ("Onze referentie\nDatum", "BS2031000871\n16 januari 2031", date(2031, 1, 16)),
    # guard: a subject that ends in a date is not the letter's date
    ("Datum\nBetreft", "Geannoteerde agenda informele Raad 31 januari 2031", None),
])
def test_labels_stacked_over_their_values(lexicon, labels, values, expected):
    text = ("> Retouradres Postbus 20701 2500 ES Den Haag\n\nde Voorzitter van de Tweede Kamer\nder Staten-Generaal\n"
            "Plein 2\n2511 CR Den Haag\n\nMinisterie van Defensie\nPlein 4\nPostbus 20701\n2500 ES Den Haag\n\n"
            f"{labels}\n{values}\n\nHierbij ontvangt u de geannoteerde agenda voor de bijeenkomst.\n\n"
            "De minister van Defensie,\n\nA.B. Voorbeeld\n")
    assert read_metadata(doc_of(lexicon, text), "t.txt").letter_date == expected


def test_an_enclosures_own_date_after_the_signature_is_not_the_letters(lexicon):
    # a cover letter with its agenda below it, the agenda dated a day earlier in its own side column
    text = ("> Retouradres Postbus 20701 2500 ES Den Haag\n\nde Voorzitter van de Tweede Kamer\nder Staten-Generaal\n"
            "Binnenhof 4\n2513 AA Den Haag\n\nMinisterie van Defensie\nPlein 4\nPostbus 20701\n2500 ES Den Haag\n\n"
            "Datum 1 februari 2031\nBetreft Geannoteerde agenda\n\nGeachte voorzitter,\n\nHierbij bied ik u de "
            "geannoteerde agenda aan.\n\nDE MINISTER VAN DEFENSIE\n\nA.B. Voorbeeld\n\nBijlage\n\n"
            "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie\n\nDatum 31 januari 2031\n\n"
            "De ministers spreken over de oostflank.\n")
    assert read_metadata(doc_of(lexicon, text), "t.txt").letter_date == date(2031, 2, 1)
