"""The cleaner on the real seeds, and on made-up snippets for each rule."""
from __future__ import annotations

import pytest

from conftest import ROOT, SEED_NAMES, SEEDS, WORD, missing_words, seed
from generator.clean import clean, keep_hyphen, repair_word, single_spaced, split_lines
from generator.knowledge import cleaning_rules
from generator.model import CleanText


def all_text(ct: CleanText) -> str:
    parts = []
    for d in ct.documents:
        parts += [d.title or ""] + [b.text for b in d.blocks] + [f.text for f in d.footnotes]
        parts += [f.text for f in d.furniture]
    return "\n".join(parts)


def body(ct: CleanText, doc: int = 0) -> list:
    return list(ct.documents[doc].blocks)


def headings(ct: CleanText, doc: int = 0) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in body(ct, doc) if b.kind == "heading"]


# --- nothing lost --------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_source_word_survives_cleaning(name, sources, cleaned):
    ct = cleaned[name]
    repaired = {w for r in ct.repairs for w in WORD.findall(r.before)}
    assert missing_words(sources[name].text, all_text(ct), repaired) == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_no_line_breaks_or_split_words_in_blocks(name, cleaned):
    for d in cleaned[name].documents:
        for b in d.blocks:
            assert "\n" not in b.text
            assert "\ue000" not in b.text and "\ue001" not in b.text
            assert not b.text.endswith("-"), b.text


# --- reflow and hyphenation -------------------------------------------------------


def test_line_end_hyphenation_on_the_seeds(cleaned):
    text = all_text(cleaned[seed("001")])
    assert "verdedigingsplannen" in text
    assert "capaciteitsdoelstellingen van de NAVO" in text
    assert "operationalisering van NSATU" in text
    assert "stafofficieren" in text and "beveiliging" in text
    assert "de defensie-industrie. Het kabinet" in text  # across a page break, hyphen kept
    assert "NAVO-capaciteitsdoelstellingen" in text
    text3 = all_text(cleaned[seed("003")])
    assert "NATO-Ukraine Commission" in text3
    assert "NAVO-ministers van Defensie de voortgang" in text3
    assert "AIV-briefadvies: de Oekraïne-oorlog" in text3
    assert "land- lucht- en maritiem" in text3
    text4 = all_text(cleaned[seed("004")])
    assert "NATO Ukraine Council (NUC)-format" in text4
    assert "defensiebegrotingstekort" in text4


def test_paragraphs_keep_real_breaks(cleaned):
    paras = [b.text for b in body(cleaned[seed("003")]) if b.kind == "paragraph"]
    assert any(p.startswith("De eerste sessie van de DMM") for p in paras)
    assert any(p.startswith("Nederland pleit in NAVO-verband") for p in paras)
    # 000 has one paragraph per line: each stays its own paragraph.
    paras0 = [b.text for b in body(cleaned[seed("000")]) if b.kind == "paragraph"]
    assert any(p.startswith("De nieuwe militaire plannen") for p in paras0)
    assert any(p.startswith("In het kader van de versterking") for p in paras0)


@pytest.mark.parametrize("head, tail, keep", [
    ("verdedigings", "plannen", False),
    ("defensie", "industrie", True),      # vowel clash / corpus
    ("NAVO", "ministers", True),          # acronym
    ("trans", "Atlantische", True),       # capital
    ("bevei", "liging", False),
    ("zee", "eenheid", True),             # ee+e: Dutch writes the hyphen
    ("e", "mail", True),                  # single letter
    # an abbreviation split at the line's end ("de NA-" / "VO-ministers"): one word the letters write whole
    ("bijeenkomst van de NA", "VO-ministers", False),
    ("het NA", "VO-hoofdkwartier", False),
    ("de EU", "NAVO-samenwerking", True),  # two abbreviations: "EUNAVO" is no word of the letters
    ("de EU", "VS-relatie", True),
])
def test_keep_hyphen(head, tail, keep, lexicon):
    assert keep_hyphen(head, tail, cleaning_rules(), lexicon) is keep


def test_elliptic_hyphen_and_soft_hyphen(lexicon):
    ct = clean("x.txt", "De lucht-\nen raketverdediging wordt versterkt, en de veilig\u00ad\nheid ook.\n", lexicon)
    assert body(ct)[0].text == "De lucht- en raketverdediging wordt versterkt, en de veiligheid ook."


# --- headings ---------------------------------------------------------------------


def test_headings_and_levels_on_the_seeds(cleaned):
    h0 = headings(cleaned[seed("000")])
    assert (2, "Afschrikking en verdediging") in h0 and (3, "Capability Targets 2025 (CT25)") in h0
    assert (2, "Oekraïne (UDCG)") in h0
    h2 = headings(cleaned[seed("002")])
    assert (3, "Ontwikkelingen/laatste stand van zaken IAMD/BMD.") in h2
    assert (2, "Nederlandse bijdrage anti-drone capaciteiten in Denemarken") in h2
    h3 = headings(cleaned[seed("003")])
    assert h3[:3] == [(2, "Oekraïne"), (2, "Afschrikking & verdediging"), (3, "Defence Investment Pledge (DIP)")]
    h4 = headings(cleaned[seed("004")])
    assert h4[0] == (2, "NAVO Defensie Ministeriële bijeenkomst")
    assert (3, "Afschrikking en verdediging") in h4 and (2, "Raad Buitenlandse Zaken Defensie") in h4
    # A sentence opening a paragraph is not a heading.
    assert all(not t.startswith("En marge") for _, t in h4)


def test_headings_no_list_knows_are_siblings(lexicon):
    # "Sterk", "Slim", "Samen": nothing shows one stands over the others, so none is made a
    # sub-heading of the first (which would also hand the first one's topic to the others).
    text = ("Hierbij informeren wij u over de voortgang van de strategie.\n\n"
            "Sterk\n\nWij werken aan een brede industriële basis voor de krijgsmacht.\n\n"
            "Slim\n\nHet aantal innovatieprojecten met bedrijven is uitgebreid.\n\n"
            "Samen\n\nWij werken met Europese partners aan gezamenlijke aanschaf.\n\n"
            "De minister van Defensie,\n\nA.B. Voorbeeld\n")
    assert headings(clean("x.txt", text, lexicon)) == [(2, "Sterk"), (2, "Slim"), (2, "Samen")]
    # with a main heading the list knows, the others under it stay its sub-headings
    known = text.replace("Sterk\n", "Defensie-industrie\n")
    assert headings(clean("x.txt", known, lexicon)) == [(2, "Defensie-industrie"), (3, "Slim"), (3, "Samen")]


def test_a_table_saved_one_cell_per_line_gives_no_headings(lexicon):
    # A table of attended councils, flattened by the save: short lines with no text among them.
    text = ("Hierbij geef ik u een overzicht van de Raden die ik heb bijgewoond.\n\n"
            "Aanwezigheid RAZ en RBZ 2030 (sinds aantreden op 12 maart)\n\n"
            "RAZ\n\nRBZ\n\n20 maart 2030\n\nAfgemeld\n\n19 maart 2030\n\nAanwezig\n\n"
            "30-31 augustus 2030 Gymnich\n\nAanwezig\n\n"
            "De Minister van Buitenlandse Zaken,\n\nA.B. Voorbeeld\n")
    doc = clean("x.txt", text, lexicon).documents[0]
    assert headings(clean("x.txt", text, lexicon)) == [(2, "Aanwezigheid RAZ en RBZ 2030 (sinds aantreden op 12 maart)")]
    assert [b.text for b in doc.blocks if b.kind == "paragraph"][1:4] == ["RAZ", "RBZ", "20 maart 2030"]


def test_one_line_sentence_under_a_heading_is_not_a_heading(cleaned):
    nota = cleaned[seed("002")].documents[1]
    texts = {b.text: b.kind for b in nota.blocks}
    assert texts["Uit de geannoteerde agenda volgen geen financiële consequenties."] == "paragraph"
    assert texts["Financiële overwegingen"] == "heading"


def test_heading_ending_in_period_needs_no_verb(lexicon):
    text = "Inleidende tekst hier.\n\nStand van zaken IAMD.\n\nDe tekst gaat verder.\n\nNederland steunt dit voorstel.\n\nMeer tekst.\n"
    kinds = {b.text: b.kind for b in body(clean("x.txt", text, lexicon))}
    assert kinds["Stand van zaken IAMD."] == "heading"
    assert kinds["Nederland steunt dit voorstel."] == "paragraph"


def test_a_line_that_leaves_a_bracket_open_is_no_heading(lexicon):
    # One line per paragraph (no wrap width), the citation broken inside its brackets.
    text = ("Titel van de brief\nDe Raad bespreekt het voorstel.\nHet kabinet gaf eerder zijn oordeel (TK, Kamerstuk\n"
            "2030-2031, 12345, nr. 67). Het steunt de aanpak.\nVervolg\nDe Raad besluit later.\n")
    kinds = {b.text: b.kind for b in body(clean("x.txt", text, lexicon))}
    assert kinds["Het kabinet gaf eerder zijn oordeel (TK, Kamerstuk 2030-2031, 12345, nr. 67). Het steunt de aanpak."] \
        == "paragraph"
    assert kinds["Vervolg"] == "heading"


def test_a_bracket_after_a_line_that_ends_no_sentence_goes_on_with_it(lexicon):
    """One paragraph wrapped, the rest one line each (no wrap width to go by): a line that opens
    with a bracket after a line that ends no sentence is the same sentence going on; a numbered
    "(1)" after a colon opens an item of its own."""
    text = ("Op 12 maart 2031 kwamen in Brussel de ministers van de Raad Buitenlandse Zaken\n"
            "(RBZ) in defensiesamenstelling bijeen. Over de inzet schreef ik eerder in de agenda\n"
            "(Kamerstuk 21 501-28, nr. 300). De Raad besprak twee punten:\n"
            "(1) de steun aan Oekraïne, waarover de lidstaten het eens waren, en de voorraden munitie die zij samen willen aanvullen.\n"
            "\nDe minister van Defensie,\n\nA.B. Jansen\n")
    texts = [b.text for b in body(clean("x.txt", text, lexicon))]
    assert ("Op 12 maart 2031 kwamen in Brussel de ministers van de Raad Buitenlandse Zaken (RBZ) in "
            "defensiesamenstelling bijeen. Over de inzet schreef ik eerder in de agenda (Kamerstuk 21 501-28, "
            "nr. 300). De Raad besprak twee punten:") in texts
    assert any(t.startswith("(1) de steun aan Oekraïne") for t in texts)


def test_the_icons_over_a_europa_nu_page_are_page_text(lexicon):
    """Europa Nu saves its share and menu icons as their names over the item; they were the text's
    first paragraph, and the item's title "Brief: 'r google-plus facebook …'".  Rijksoverheid's dateline
    on a line of its own is the page's too, and so are the headline and the credit under it (what the
    page says of them: tests/test_head.py)."""
    text = ("r google-plus facebook twitter linkedin2 nujij M Monitor Nieuwsbrief pdclogo man met tas twitter boek\n\n"
            "Europese ministers in gesprek over defensiesamenwerking\n\nMet dank overgenomen van Nederlands "
            "voorzitterschap Europese Unie, gepubliceerd op woensdag 3 februari 2031, 14:22.\n\n"
            "Nieuwsbericht | 03-02-2031 | 14:22\n\nHet museum is de komende dagen het decor van de bijeenkomst "
            "van de ministers, die spreken over samenwerking en missies.\n")
    cleaned = clean("x.txt", text, lexicon)
    furniture = {f.text for f in cleaned.documents[0].furniture if f.role == "webpage"}
    assert {"Nieuwsbericht | 03-02-2031 | 14:22", "Europese ministers in gesprek over defensiesamenwerking"} <= furniture
    assert any(t.startswith("r google-plus facebook") for t in furniture)
    assert any(t.startswith("Met dank overgenomen van") for t in furniture)
    assert body(cleaned)[0].text.startswith("Het museum is de komende dagen")


def test_an_opening_formula_wrapped_before_a_capital_goes_on(lexicon):
    """A short first line that starts with the letter's formula ("Hierbij bied ik u ... van de Raad" /
    "Buitenlandse Zaken ...", kst-21501-28-228 wrapped at about 60) is the start of a sentence, never a
    heading; a short line of another kind before a capital still stands alone."""
    text = ("Den Haag, 3 december 2031\n\nHierbij bied ik u het verslag aan van de Raad\n"
            "Buitenlandse Zaken (RBZ) van 15–16 november jl. Gedurende de avond van\n"
            "15 november vond een gezamenlijke sessie van de ministers plaats over het\n"
            "kompas, dat richting geeft aan het beleid van de Unie voor de komende jaren.\n\n"
            "Strategisch Kompas\n"
            "De Raad sprak in een gezamenlijke sessie met de ministers over de eerste versie\n"
            "van het kompas, dat de lidstaten in het voorjaar willen vaststellen.\n")
    blocks = body(clean("x.txt", text, lexicon))
    assert blocks[0].kind == "paragraph"
    assert blocks[0].text.startswith("Hierbij bied ik u het verslag aan van de Raad Buitenlandse Zaken (RBZ) van 15–16")
    assert ("heading", "Strategisch Kompas") in [(b.kind, b.text) for b in blocks]


def test_a_title_wrapped_onto_two_lines_names_the_subject_of_a_headless_letter(lexicon):
    """A news archive's title over a letter without a head, wrapped at the page's width: both lines
    are the subject.  A headline with its byline directly above the text is no title of the letter."""
    letter = ("Kamerbrief over de informele bijeenkomst van NAVO-ministers in Vilnius, 3 en 4\n"
              "maart 2031\n\nOp 3 en 4 maart jl. kwamen de ministers van Defensie van de NAVO bijeen\n"
              "in Vilnius. Ik bericht u hierbij over de uitkomsten van hun gesprekken.\n")
    first = body(clean("x.txt", letter, lexicon))[0]
    assert (first.kind, first.text) == (
        "subject", "Kamerbrief over de informele bijeenkomst van NAVO-ministers in Vilnius, 3 en 4 maart 2031")
    news = ("Minister wil meer gezamenlijke inkoop van munitie\ndoor Redactie Op 05-03-2031\n"
            "De minister van Defensie wil dat de lidstaten meer munitie samen inkopen. Dat schrijft zij de Kamer.\n")
    assert body(clean("x.txt", news, lexicon))[0].kind != "subject"


# --- footnotes --------------------------------------------------------------------


def test_footnotes_on_the_seeds(cleaned):
    ct1 = cleaned[seed("001")]
    notes = ct1.documents[0].footnotes
    assert [(n.label, n.text) for n in notes] == [("1", "Kamerstuk 28 676, nr. 472 van 8 november 2024.")]
    para = next(b for b in body(ct1) if "geïnformeerd al in juni" in b.text)
    assert [m.value for m in para.marks if m.kind == "footnote"] == ["1"]
    assert para.text[:next(m.start for m in para.marks if m.kind == "footnote")].endswith("geïnformeerd")

    ct3 = cleaned[seed("003")]
    assert [n.label for n in ct3.documents[0].footnotes] == ["1", "2", "3", "4", "5", "6"]
    joined = [b.text for b in body(ct3) if "1e suppletoire begroting (Kamerstuk 36 350 X van 11 mei 2023)" in b.text]
    assert len(joined) == 1  # the sentence cut by the footnotes is whole again
    assert any("functieverdeling tussen de diverse hoofdkwartieren" in b.text for b in body(ct3))

    ct2 = cleaned[seed("002")]
    assert [(n.label, n.text) for n in ct2.documents[0].footnotes] == [("1", "Kamerstuk 36725-1"), ("2", "Kamerstuk 3592-17")]
    para = next(b for b in body(ct2) if "Voorjaarsnota 2025" in b.text)
    assert "¹" not in para.text and [m.value for m in para.marks if m.kind == "footnote"] == ["1", "2"]

    ct4 = cleaned[seed("004")]
    assert [n.label for n in ct4.documents[0].footnotes] == ["1"]
    para = next(b for b in body(ct4) if "lastenverdeling" in b.text)
    assert "bondgenoten?." not in para.text and "bondgenoten." in para.text
    assert any("voetnootteken" in r.rule for r in ct4.repairs)


def test_glued_marker_and_continuation(lexicon):
    text = ("Dit is besproken in de Kamer.3 Daarna volgde een\nbesluit over de inzet van eenheden\n\n"
            "3 Kamerstuk 28 676, nr. 440 van\n1 juli 2023.\n beschreven in het plan.\n")
    ct = clean("x.txt", text, lexicon)
    notes = ct.documents[0].footnotes
    assert [(n.label, n.text) for n in notes] == [("3", "Kamerstuk 28 676, nr. 440 van 1 juli 2023.")]
    assert body(ct)[0].text.endswith("inzet van eenheden beschreven in het plan.")


def test_a_note_broken_off_before_a_day_goes_on_with_it(lexicon):
    # a printed Kamerstuk's note over two lines, the second opening with a day ("… van 24 en" / "25 oktober 2019 …"),
    # cited with its marker before a comma ("bent geïnformeerd1,"): the day is the note's, not the next note's number
    text = ("In navolging van de bijeenkomst, waarover u eerder bent geïnformeerd1, bied ik u de agenda aan voor de "
            "bijeenkomst die op 12 en 13\n\n"
            "1 Verslag van de bijeenkomst van NAVO-ministers van Defensie van 24 en\n"
            "25 oktober 2019 te Brussel, Kamerstuk 28 676, nr. 320\n\n"
            "februari in Brussel plaatsvindt.\n")
    ct = clean("x.txt", text, lexicon)
    notes = ct.documents[0].footnotes
    assert [(n.label, n.text) for n in notes] == [
        ("1", "Verslag van de bijeenkomst van NAVO-ministers van Defensie van 24 en 25 oktober 2019 te Brussel, "
              "Kamerstuk 28 676, nr. 320")]
    assert "die op 12 en 13 februari in Brussel plaatsvindt." in body(ct)[0].text
    # guard: a name's number before a comma is no marker ("de G7, …")
    text = "De G7, de EU en de NAVO spraken erover.\n\n7 Een noot.\n"
    assert body(clean("x.txt", text, lexicon))[0].text.startswith("De G7, de EU")


def test_a_note_under_the_signature_before_the_enclosure_is_the_letters(lexicon):
    # a printed cover letter: its note under the signature, then "Bijlage" and the agenda it sends
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 12 juni 2031\n\n"
            "Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie op 24 "
            "en 25 juni 2031 te Brussel1.\n\nDe Minister van Defensie,\nA.B. Voorbeeld\n\n"
            "1 Het verslag van de vorige bijeenkomst heeft u op 2 maart ontvangen (Kamerstuk 28 676, nr. 220).\n\n"
            "Bijlage\n\nGeannoteerde agenda bijeenkomst NAVO-ministers van Defensie\n\n"
            "De ministers bespreken de gereedheid van de strijdkrachten.\n")
    doc = clean("x.txt", text, lexicon).documents[0]
    assert [(n.label, n.text) for n in doc.footnotes] == [
        ("1", "Het verslag van de vorige bijeenkomst heeft u op 2 maart ontvangen (Kamerstuk 28 676, nr. 220).")]
    assert body(clean("x.txt", text, lexicon))[0].text.endswith("te Brussel.")


def test_a_marker_glued_to_the_year_of_a_date(lexicon):
    # "die op 8 en 9 november 20171 in Brussel2 plaatsvindt" (a PDF copy): the year keeps its four digits
    text = ("Hierbij ontvangt u de agenda voor de bijeenkomst die op 8 en 9 november 20171 in Brussel2 "
            "plaatsvindt.\n\n1 De agenda is nog niet vastgesteld.\n2 Het hoofdkwartier.\n")
    ct = clean("x.txt", text, lexicon)
    doc = ct.documents[0]
    assert [(n.label, n.text) for n in doc.footnotes] == [("1", "De agenda is nog niet vastgesteld."),
                                                          ("2", "Het hoofdkwartier.")]
    assert "op 8 en 9 november 2017 in Brussel plaatsvindt" in body(ct)[0].text
    # guard: without a note of its number, a year and its digits stay as written
    text = "Het plan van 20171 woningen werd in november 20171 keer besproken.\n\n2 Een noot.\n"
    assert "november 20171 keer" in body(clean("x.txt", text, lexicon))[0].text


def test_a_number_broken_at_its_hyphen_is_one_paragraph(lexicon):
    # lines of a saved page, wrapped unevenly: the reference broken inside its sub-dossier was two paragraphs,
    # and only the dossier 21501 was read
    text = ("Hierbij bied ik u het verslag aan van de bijeenkomst. Over het vastgoed informeerde ik u afzonderlijk "
            "(Kamerstuk\n34 919, nr. 85). De inzet in EU-verband staat beschreven in het verslag van de Raad "
            "(Kamerstuk 21 501-\n28, nr. 240).\n\nDe Minister van Defensie,\n\nA.B. Voorbeeld\n")
    paragraph = body(clean("x.txt", text, lexicon))[0].text
    assert paragraph.endswith("(Kamerstuk 21 501-28, nr. 240).")


def test_numbers_are_not_footnote_markers(lexicon):
    text = "Nederland levert € 1,4 miljoen en 2% van het bbp.\n\n4 Kamerstuk 1.\n"
    ct = clean("x.txt", text, lexicon)
    assert ct.documents[0].footnotes == ()


# --- OCR repair -------------------------------------------------------------------


def test_repairs_on_the_seeds_are_listed(cleaned):
    pairs = {(r.before, r.after) for r in cleaned[seed("004")].repairs}
    for pair in [("Belgié", "België"), ("Oekraine", "Oekraïne"), ("efficiénter", "efficiënter"),
                 ("Counci/", "Council"), ("/ntegrated", "Integrated"), ("p/aybook", "playbook"),
                 ("codrdinatie", "coördinatie"), ("Oekraiense", "Oekraïense")]:
        assert pair in pairs
    # Known words and real slashes are left alone.
    text = all_text(cleaned[seed("002")])
    assert "IAMD/BMD" in text and "communicatie/persmomenten" in text
    assert cleaned[seed("001")].repairs == ()


@pytest.mark.parametrize("word, expected", [
    ("Belgié", "België"), ("Oekraine", "Oekraïne"), ("Counci/", "Council"), ("p/aybook", "playbook"),
    ("krijgsmachten", None),   # a plural, not "krijgsmacht en"
    ("uitgavenen", "uitgaven en"),
    ("Shmyhal", None), ("NASAMS", None), ("België", None), ("IAMD/BMD", None),
    # "l" read for "i", in a word that is no word as read; a name that stays unknown either way is left
    ("Defensle", "Defensie"), ("lnzet", "inzet"), ("Kallas", None), ("Vilnius", None),
])
def test_repair_word(word, expected, lexicon):
    fixed = repair_word(word, cleaning_rules(), lexicon)
    assert (fixed[0] if fixed else None) == expected


def test_an_abbreviation_is_no_ocr_damage(lexicon):
    from dataclasses import replace as with_
    rules = cleaning_rules()
    # The genre's "(incl. RCCs)": the word lists lack "incl", and "cl" for "d" would make it "ind".
    assert repair_word("incl", rules, lexicon) is None
    # A made-up abbreviation: repaired as OCR damage ("rn" for "m") until it is listed as one.
    assert repair_word("rnaand", rules, lexicon) == ("maand", "rn gelezen voor m; woordenlijst")
    listed = with_(rules, period_abbreviations=rules.period_abbreviations | {"rnaand"})
    assert repair_word("rnaand", listed, lexicon) is None


def test_a_line_with_incl_is_left_as_written(lexicon):
    ct = clean("x.txt", "Veiligheid & defensie (incl. hybride dreigingen)\n\nDe Raad spreekt hierover.\n", lexicon)
    assert ct.repairs == ()
    assert "(incl. hybride dreigingen)" in "\n".join(b.text for d in ct.documents for b in d.blocks)


# --- furniture and documents --------------------------------------------------------


def test_letterhead_and_appended_memo(cleaned):
    ct = cleaned[seed("002")]
    assert [d.title for d in ct.documents] == [None, "Nota"]
    letterhead = [f.text for f in ct.documents[0].furniture]
    assert "Datum 29 september 2025" in letterhead and "www.defensie.nl" in letterhead
    assert not any("Retouradres" in b.text or "Bij beantwoording" in b.text for b in body(ct))
    assert [b.text for b in body(ct) if b.kind == "closing"] == ["Hoogachtend,", "DE MINISTER VAN DEFENSIE", "Ruben Brekelmans"]
    memo = ct.documents[1]
    assert memo.blocks[0].kind == "subject"
    assert "MINDEF20250035304" in [f.text for f in memo.furniture]
    assert not any(b.text == "29 september 2025" for b in memo.blocks)  # repeated side column set aside


COVER = (
    "Hierbij bied ik u de geannoteerde agenda aan van de bijeenkomst van de NAVO-ministers van Defensie.\n\n"
    "DE MINISTER VAN DEFENSIE\n\ndrs. A.B. Voorbeeld\n\n"
)
# A saved page keeps each paragraph on one line: the agenda the cover letter sends is two long lines.
AGENDA = (
    "Agenda Op 8 en 9 juni vinden in Brussel de besprekingen plaats, waarbij de ministers eerst de stand van de "
    "operaties bespreken en daarna de hervorming van de commandostructuur, met aandacht voor de kosten, de "
    "verdeling van de lasten en de planning van de komende jaren.\n\n"
    "Operaties De ministers bespreken de voortgang van de missie en de vraag of het mandaat na de zomer wordt "
    "verlengd, waarbij Nederland aangeeft dat het zijn bijdrage in de huidige vorm wil voortzetten tot het einde van"
)


def test_two_long_lines_below_a_signature_are_the_attached_agenda_not_the_closing(lexicon):
    ct = clean("x.txt", COVER + AGENDA, lexicon)
    assert [b.text for b in body(ct) if b.kind == "closing"] == ["DE MINISTER VAN DEFENSIE", "drs. A.B. Voorbeeld"]
    paragraphs = [b.text for b in body(ct) if b.kind == "paragraph"]
    assert paragraphs[-2].startswith("Agenda Op 8 en 9 juni") and paragraphs[-1].startswith("Operaties De ministers")


def test_a_short_line_below_a_signature_stays_with_the_closing(lexicon):
    ct = clean("x.txt", COVER + "Bijlage: geannoteerde agenda\n", lexicon)
    assert [b.text for b in body(ct) if b.kind == "closing"][-1] == "Bijlage: geannoteerde agenda"


def test_printed_kamerstuk_header_is_furniture(cleaned):
    ct = cleaned[seed("004")]
    assert [f.text for f in ct.documents[0].furniture][:4] == [
        "28 676 NAVO", "21 501-28 Defensieraad", "36 045 Situatie in Oekraïne", "Nr. 554 Brief van de minister van Defensie"]
    assert body(ct)[0].text.startswith("Op 15 oktober 2025 vonden in Brussel")


def test_page_numbers_are_furniture(lexicon):
    text = "Eerste zin van de brief die doorloopt op de\n\n2\n\nvolgende pagina.\n"
    ct = clean("x.txt", text, lexicon)
    assert body(ct)[0].text == "Eerste zin van de brief die doorloopt op de volgende pagina."
    assert [(f.text, f.role) for f in ct.documents[0].furniture] == [("2", "page")]


# --- characters ----------------------------------------------------------------------


def test_space_characters_are_normalised():
    lines = split_lines("Kamerstuk\u00a028\u202f676,\u200b nr. 1\fVolgende\tpagina")
    assert [l.text for l in lines] == ["Kamerstuk 28 676, nr. 1", "Volgende pagina"]
    assert lines[1].page_start


def test_emphasis_becomes_a_mark(lexicon):
    ct = clean("x.txt", "Een informele *NATO Ukraine Council* (NUC) vindt plaats.\n", lexicon)
    block = body(ct)[0]
    assert block.text == "Een informele NATO Ukraine Council (NUC) vindt plaats."
    assert [(block.text[m.start:m.end], m.kind) for m in block.marks] == [("NATO Ukraine Council", "emphasis")]


@pytest.mark.parametrize("colophon", [
    "kst-28676-500\nISSN 0921 - 7371\n's-Gravenhage 2025 Tweede Kamer, vergaderjaar 2024–2025, 28 676, nr. 500 1\n\n",
    # the apostrophe as the PDF sets it, and the page's line apart: the sentence still goes on
    "kst-28676-500\nISSN 0921 - 7371\n’s-Gravenhage 2025\n\nTweede Kamer, vergaderjaar 2024–2025, 28 676, nr. 500 1\n\n",
])
def test_printed_kamerstuk_furniture(lexicon, colophon):
    text = ("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2024–2025\n\n28 676 NAVO\n\n"
            "Nr. 500 BRIEF VAN DE MINISTER VAN DEFENSIE\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 3 juni 2025\n\nOp 5 juni komen de ministers bijeen in de eerste zin van de brief die\n\n"
            + colophon + "doorloopt op de volgende pagina.\n")
    ct = clean("kst.txt", text, lexicon)
    assert [b.text for b in body(ct)] == [
        "Op 5 juni komen de ministers bijeen in de eerste zin van de brief die doorloopt op de volgende pagina."]
    roles = {f.text: f.role for f in ct.documents[0].furniture}
    assert roles["Vergaderjaar 2024–2025"] == "letterhead" and roles["kst-28676-500"] == "page"


def test_numbered_headings_and_their_depth(lexicon):
    text = ("Hierbij informeer ik uw Kamer over de vergadering.\n\n1. Oekraïne\n\nDe steun gaat door.\n\n"
            "1.1 Luchtverdediging\n\nNederland levert Patriots.\n\n2. Defensie-industrie\n\nDe productie groeit.\n\n"
            "Twee punten:\n\n1. eerste punt van de lijst\n\n2. tweede punt van de lijst\n")
    assert headings(clean("x.txt", text, lexicon)) == [
        (2, "1. Oekraïne"), (3, "1.1 Luchtverdediging"), (2, "2. Defensie-industrie")]


def test_bold_from_conversion_tools_is_emphasis(lexicon):
    block = body(clean("x.txt", "Het **Defence Production Action Plan** is herzien.\n", lexicon))[0]
    assert block.text == "Het Defence Production Action Plan is herzien."
    assert [(block.text[m.start:m.end], m.kind) for m in block.marks] == [("Defence Production Action Plan", "emphasis")]


def test_the_rijksoverheid_wordmark_is_letterhead_not_the_subject(lexicon):
    text = ("Rijksoverheid\n\n\n12 mei 2014\n\nGeannoteerde agenda van de bijeenkomst te Brussel\n\n"
            "Hierbij bied ik u de geannoteerde agenda aan van de bijeenkomst van de ministers van Defensie.\n")
    ct = clean("x.txt", text, lexicon)
    assert ("Rijksoverheid", "letterhead") in [(f.text, f.role) for f in ct.documents[0].furniture]
    assert not any(b.text == "Rijksoverheid" for b in body(ct))


def test_a_saved_pages_sentences_do_not_hide_the_printed_head_below_them(lexicon):
    # An OpenTK page: its title lines, its metadata (one line a sentence), then the printed record's head.
    text = ("Verslag van een commissiedebat, gehouden op 9 maart 2023, over de Defensieraad\n"
            "Defensieraad\nVerslag van een commissiedebat\n"
            "Nummer: 2023D11111, datum: 2023-04-04, bijgewerkt: 2023-04-05 09:00, versie: 2\n"
            "Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site, officiële HTML versie (kst-21501-28-999).\n"
            "Onderdeel van zaak 2023Z01234:\n- Indiener: K.H. Ollongren, minister van Defensie\n"
            "- Medeindiener: W.B. Hoekstra, minister van Buitenlandse Zaken\n"
            "Preview document (🔗 origineel)\n"
            "Tweede Kamer der Staten-Generaal | 2 |\nVergaderjaar 2022-2023 |\n21 501-28 Defensieraad\n"
            "Nr. 999 VERSLAG VAN EEN COMMISSIEDEBAT\nVastgesteld 4 april 2023\n"
            "De vaste commissie voor Defensie heeft op 9 maart 2023 overleg gevoerd met de minister van Defensie.\n")
    ct = clean("x.txt", text, lexicon)
    assert [b.kind for b in body(ct)] == ["paragraph"]
    furniture = {f.text: f.role for f in ct.documents[0].furniture}
    assert furniture["- Medeindiener: W.B. Hoekstra, minister van Buitenlandse Zaken"] == "webpage"
    assert "Tweede Kamer der Staten-Generaal | 2 |" in furniture and "Vastgesteld 4 april 2023" in furniture


def test_two_signatures_side_by_side_are_the_closing(lexicon):
    text = ("Hierbij bied ik u de geannoteerde agenda aan van de Raad Buitenlandse Zaken van 20 en 21 mei.\n\n"
            "De Minister van Buitenlandse Zaken, De Staatssecretaris voor Europese Zaken,\n\n"
            "Drs. A.B. Eerste Mr. C.D. Tweede\n")
    ct = clean("x.txt", text, lexicon)
    assert [b.text for b in body(ct) if b.kind == "closing"] == [
        "De Minister van Buitenlandse Zaken, De Staatssecretaris voor Europese Zaken,", "Drs. A.B. Eerste Mr. C.D. Tweede"]


@pytest.mark.parametrize("number", ["Pagina 3 van 3", "Pagina 2/2", "Blad 2 van 2"])
def test_a_page_number_under_the_signature_is_the_pages_not_the_signers(lexicon, number):
    text = ("Hierbij bied ik u de geannoteerde agenda aan van de Raad Buitenlandse Zaken van 20 en 21 mei.\n\n"
            f"DE MINISTER VAN DEFENSIE\n\n\nA.B. Voorbeeld\n\n{number}\n")
    doc = clean("x.txt", text, lexicon).documents[0]
    assert [b.text for b in doc.blocks if b.kind == "closing"] == ["DE MINISTER VAN DEFENSIE", "A.B. Voorbeeld"]
    assert [(f.text, f.role) for f in doc.furniture] == [(number, "page")]


def test_an_address_block_saved_as_one_line_is_letterhead(lexicon):
    # A news archive joins the letterhead's copy line, address and instruction into one line of the text.
    line = ("Afschrift aan de Voorzitter van de Eerste Kamer der Staten-Generaal Binnenhof 22 2513 AA Den Haag "
            "Bij beantwoording datum, onze referentie en betreft vermelden.")
    text = ("Geannoteerde agenda van de bijeenkomst van 8 en 9 juni\n\n" + line + "\n\n"
            "Hierbij stuur ik u de geannoteerde agenda van de bijeenkomst van 8 en 9 juni a.s. te Brussel.\n\n"
            "DE MINISTER VAN DEFENSIE\n\nA.B. Voorbeeld\n")
    doc = clean("x.txt", text, lexicon).documents[0]
    assert (line, "letterhead") in [(f.text, f.role) for f in doc.furniture]
    assert not any("Afschrift" in b.text for b in doc.blocks)


@pytest.mark.parametrize("lines", [
    # the same line as a copy wraps it: the postcode on the next line, or the town
    ["Afschrift aan de Voorzitter van de Eerste Kamer der Staten-Generaal Binnenhof 22",
     "2513 AA Den Haag Bij beantwoording datum, onze referentie en betreft vermelden."],
    ["Afschrift aan de Voorzitter van de Eerste Kamer der Staten-Generaal Binnenhof 22 2513 AA",
     "Den Haag Bij beantwoording datum, onze referentie en betreft vermelden."],
])
def test_an_address_block_saved_as_one_wrapped_line_is_letterhead(lexicon, lines):
    text = ("Geannoteerde agenda van de bijeenkomst van 8 en 9 juni\n\n" + "\n".join(lines) + "\n\n"
            "Hierbij stuur ik u de geannoteerde agenda van de bijeenkomst van 8 en 9 juni a.s. te Brussel.\n\n"
            "DE MINISTER VAN DEFENSIE\n\nA.B. Voorbeeld\n")
    doc = clean("x.txt", text, lexicon).documents[0]
    assert [(f.text, f.role) for f in doc.furniture] == [(line, "letterhead") for line in lines]
    assert not any("Afschrift" in b.text or "Den Haag" in b.text for b in doc.blocks)
    assert [b.kind for b in doc.blocks if b.text.startswith("Hierbij")] == ["paragraph"]


def test_a_paragraph_after_a_one_line_address_is_not_the_address(lexicon):
    line = ("Afschrift aan de Voorzitter van de Eerste Kamer der Staten-Generaal Binnenhof 22 2513 AA Den Haag "
            "Bij beantwoording datum, onze referentie en betreft vermelden.")
    text = (line + "\nHierbij stuur ik u de geannoteerde agenda van de bijeenkomst van 8 en 9 juni a.s. te Brussel.\n\n"
            "DE MINISTER VAN DEFENSIE\n\nA.B. Voorbeeld\n")
    doc = clean("x.txt", text, lexicon).documents[0]
    assert any(b.text.startswith("Hierbij stuur ik u") for b in doc.blocks)


def cover_letter(closing: str, enclosure: str, heading: str, lexicon) -> CleanText:
    """A cover letter signed with `closing`, then what it sends along: a title, a heading and two paragraphs."""
    paragraph = "De ministers spreken over de gereedheid van de strijdkrachten en de steun aan partners. " * 2
    return clean("x.txt", f"Hierbij bied ik u de geannoteerde agenda aan van de bijeenkomst van 6 maart.\n\n"
                          f"{closing}\n\n{enclosure}\n\n{heading}\n\n{paragraph}\n\n{paragraph}\n", lexicon)


def closing_lines(ct: CleanText) -> list[str]:
    return [b.text for b in body(ct) if b.kind == "closing"]


def test_a_role_on_two_lines_is_the_closing_and_the_report_below_it_the_letters(lexicon):
    # News archives set each line of the signature apart: "De Minister" / "van Buitenlandse Zaken,".
    ct = cover_letter("De Minister\n\nvan Buitenlandse Zaken,\n\nDr. B.R. Bot",
                      "Verslag van de Informele Raad Algemene Zaken en Externe Betrekkingen van 10 en 11 maart 2006",
                      "Westelijke Balkan", lexicon)
    assert len(ct.documents) == 1  # the report the letter sends along, not a document of its own
    assert closing_lines(ct) == ["De Minister", "van Buitenlandse Zaken,", "Dr. B.R. Bot"]
    assert headings(ct)[0][1].startswith("Verslag van de Informele Raad")


@pytest.mark.parametrize("title, joined", [
    # A title in capitals below a role that bears its name: the enclosure's title, not a second name.
    ("GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN\n(RBZ) VAN 6 MAART 2017",
     "GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN (RBZ) VAN 6 MAART 2017"),
    # A title wrapped in a split word and before lower case.
    ("Geannoteerde agenda van de Raad Algemene Za-\nken en Externe Betrekkingen van 19 en 20\nnovember 2007",
     "Geannoteerde agenda van de Raad Algemene Zaken en Externe Betrekkingen van 19 en 20 november 2007"),
    # A long title whose second line, before a capital, is the last before a blank line.
    ("Verslag van de Informele Raad Algemene Zaken en Externe\nBetrekkingen (RAZEB) van 10 en 11 maart 2006",
     "Verslag van de Informele Raad Algemene Zaken en Externe Betrekkingen (RAZEB) van 10 en 11 maart 2006"),
])
def test_an_enclosures_wrapped_title_is_one_heading(title, joined, lexicon):
    ct = cover_letter("De Minister van Buitenlandse Zaken, A.G. Koenders", title, "Veiligheid en defensie", lexicon)
    assert len(ct.documents) == 1
    assert closing_lines(ct) == ["De Minister van Buitenlandse Zaken, A.G. Koenders"]
    assert [h for _, h in headings(ct)] == [joined, "Veiligheid en defensie"]


@pytest.mark.parametrize("greeting", ["Met vriendelijke groet, De minister van Defensie",
                                      "Hoogachtend, de minister van Defensie"])
def test_a_greeting_and_role_on_one_line_still_take_the_name_below(greeting, lexicon):
    ct = cover_letter(f"{greeting}\n\nR.P. Brekelmans", "Geannoteerde agenda NAVO-ministers van Defensie",
                      "Gereedheid", lexicon)
    assert len(ct.documents) == 1
    assert closing_lines(ct) == [greeting, "R.P. Brekelmans"]


def test_a_sentence_naming_two_ministers_is_no_closing(lexicon):
    text = "De minister van Defensie, de minister van Buitenlandse Zaken en de staatssecretaris spraken met de NAVO.\n"
    assert [b.kind for b in body(clean("x.txt", text, lexicon))] == ["paragraph"]


def test_a_name_under_a_role_ending_in_a_comma_is_no_heading(lexicon):
    # A committee's record signs under its text: role, then the name on a line of its own.
    text = ("Van dit overleg brengt de commissie bijgaand geredigeerd woordelijk verslag uit.\n\n"
            "De voorzitter van de vaste commissie voor Defensie,\n\nJansen\n\n"
            "De griffier van de vaste commissie voor Defensie,\n\nPietersen\n\n"
            "Aanwezig zijn vijf leden der Kamer en de minister van Defensie, die vergezeld is van ambtenaren.\n")
    ct = clean("x.txt", text, lexicon)
    assert headings(ct) == []
    assert [b.text for b in body(ct)][2] == "Jansen"


def test_a_committee_records_signature_and_head_lines_are_no_headings(lexicon):
    # As a saved page writes a committee's record: role and name on one line, then the record's head.
    text = ("De commissie heeft overleg gevoerd met de minister over de brief van 1 maart.\n\n"
            "Van dit overleg brengt de commissie bijgaand verslag uit.\n\n"
            "De fungerend voorzitter van de vaste commissie voor Defensie, Jansen\n\n"
            "Adjunct-griffier van de commissie, Pietersen\n\n"
            "Voorzitter: Jansen\n\nGriffier: Pietersen\n\n"
            "Aanwezig zijn vijf leden der Kamer en de minister van Defensie.\n\n"
            "Aanvang 14.05 uur.\n\n"
            "Vragen en opmerkingen uit de commissie\n\n"
            "De voorzitter: Ik open het overleg en geef het woord aan de eerste spreker.\n")
    ct = clean("x.txt", text, lexicon)
    assert [t for _, t in headings(ct)] == ["Vragen en opmerkingen uit de commissie"]
    assert "De fungerend voorzitter van de vaste commissie voor Defensie, Jansen" in [b.text for b in body(ct)]


# A cover letter wrapped at the width of the report it sends (about 60 characters here): its own
# two lines tell no width, the file's lines do.
WRAPPED_COVER = (
    "Graag bied ik u hierbij de geannoteerde agenda aan van de\n"
    "informele bijeenkomst van de NAVO-ministers van Defensie, die\n"
    "op 5 en 6 oktober a.s. in Brussel plaatsvindt, en van de Raad\n"
    "Buitenlandse Zaken die daarop volgt.\n\n"
    "De Minister van Defensie,\n\nA.B. Voorbeeld\n\n"
    "Geannoteerde agenda\n\n"
    "De ministers bespreken eerst de stand van de hervormingen in\n"
    "het bondgenootschap. Daarna komen de lopende operaties aan\n"
    "de orde, met de vraag hoe lang de bijdragen van de\n"
    "bondgenoten nodig blijven. Nederland steunt een zorgvuldige\n"
    "afbouw en vraagt aandacht voor de kosten die daarmee gemoeid\n"
    "zijn. Tot slot kijken de ministers vooruit naar de NAVO-top\n"
    "van volgend jaar, waar de leiders over de nieuwe structuur\n"
    "van de hoofdkwartieren besluiten.\n"
)


def test_a_short_cover_letter_is_read_at_the_width_of_its_file(lexicon):
    ct = clean("x.txt", WRAPPED_COVER, lexicon)
    paragraphs = [b.text for d in ct.documents for b in d.blocks if b.kind == "paragraph"]
    assert paragraphs[0] == (
        "Graag bied ik u hierbij de geannoteerde agenda aan van de informele bijeenkomst van de NAVO-ministers "
        "van Defensie, die op 5 en 6 oktober a.s. in Brussel plaatsvindt, en van de Raad Buitenlandse Zaken "
        "die daarop volgt.")


def test_an_unwrapped_file_keeps_a_short_cover_letters_lines_apart(lexicon):
    # One line per paragraph: two sentences on two lines of a cover letter are two paragraphs.
    long = "De ministers bespreken de stand van de hervormingen en de operaties in het bondgenootschap. " * 3
    text = ("Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie.\n"
            "Daarmee kom ik ook tegemoet aan het verzoek dat de vaste commissie voor Defensie op 3 mei deed.\n\n"
            "De Minister van Defensie,\n\nA.B. Voorbeeld\n\n" + (long + "\n\n") * 8)
    paragraphs = [b.text for d in clean("x.txt", text, lexicon).documents for b in d.blocks if b.kind == "paragraph"]
    assert paragraphs[1].startswith("Daarmee kom ik")


@pytest.mark.parametrize("first, second", [
    ("Op 17 en 18 oktober kwamen de NAVO-ministers van Defensie (DMM)", "in Brussel bijeen."),
    ("Hierbij doe ik u het verslag toekomen van de bijeenkomst die op 7 en", "8 december jl. in Brussel plaatsvond."),
])
def test_a_line_that_ends_no_sentence_runs_on(first, second, lexicon):
    # A bracket closes no sentence without its stop; no paragraph ends on "en", "van", "de".
    assert [b.text for b in body(clean("x.txt", f"{first}\n{second}\n", lexicon))] == [f"{first} {second}"]


# Some PDF tools write a ministry letter's side column after the page's main text.
SIDE_COLUMN = ("Ministerie van Defensie\nPlein 4\nMPC 58 B\nPostbus 20701\n2500 ES Den Haag\nNederland\n"
               "www.defensie.nl\nBij beantwoording, datum, onze referentie en onderwerp vermelden.\n")


@pytest.mark.parametrize("after", ["\n", ""])  # a blank line after the column, or the next text right under it
def test_a_side_column_between_paragraphs_is_letterhead(lexicon, after):
    text = ("Geachte voorzitter,\n\nHierbij bied ik u de geannoteerde agenda aan van de bijeenkomst in Brussel.\n\n"
            + SIDE_COLUMN + after + "Gereedheid\n\nDe ministers bespreken de gereedheid van de strijdkrachten.\n")
    ct = clean("x.txt", text, lexicon)
    assert [b.text for b in body(ct)] == [
        "Geachte voorzitter,", "Hierbij bied ik u de geannoteerde agenda aan van de bijeenkomst in Brussel.",
        "Gereedheid", "De ministers bespreken de gereedheid van de strijdkrachten."]
    column = [f.text for f in ct.documents[0].furniture if f.role == "letterhead"]
    assert column == SIDE_COLUMN.splitlines()  # nothing lost: the letter page shows it with the letterhead


def test_prose_about_a_ministry_is_no_side_column(lexicon):
    # Letterhead-like lines that are text: no postcode or Postbus line, or a line as long as prose.
    text = ("Geachte voorzitter,\n\nMinisterie van Defensie\nPlein 4\nwww.defensie.nl\n\n"
            "Ministerie van Buitenlandse Zaken en het ministerie van Defensie bereiden samen de top voor, en zij\n"
            "Postbus 20701\n2500 ES Den Haag\n")
    ct = clean("x.txt", text, lexicon)
    assert not [f for f in ct.documents[0].furniture if f.role == "letterhead"]


def test_a_page_break_after_an_article_continues_the_sentence(lexicon):
    # A blank line where a page broke, before a capital: "... aan voor de" / "NAVO-ministers ...".
    text = ("Hierbij bied ik u de geannoteerde agenda aan voor de\n\n"
            "NAVO-ministers van Defensie op 24 en 25 oktober in Brussel.\n\n"
            "Lidstaten nemen het Strategisch Kompas aan\n\n"
            "De ministers stellen het kompas vast.\n")
    assert [b.text for b in body(clean("x.txt", text, lexicon))] == [
        "Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-ministers van Defensie op 24 en 25 oktober "
        "in Brussel.",
        # A verb particle ("aan") may end a heading or a clause: the blank line there is a break.
        "Lidstaten nemen het Strategisch Kompas aan", "De ministers stellen het kompas vast."]


# A paragraph whose first line broke early, shorter than a heading may be (under 0.8 of the wrap
# width, 57 here), because the next line's first word did not fit on it.
EARLY_BREAK = (
    "Geachte voorzitter,\n\n"
    "Op 29 augustus was in Wenen de informele Raad\n"
    "Buitenlandse Zaken met ministers van Defensie bijeen. Met\n"
    "deze brief informeer ik uw Kamer over de besprekingen.\n"
    "Omdat het om een informele bijeenkomst ging, zijn er geen\n"
    "besluiten genomen.\n\n"
    "Oekraïne\n"
    "Verschillende lidstaten wezen op het belang van\n"
    "voorspelbare steun op de lange termijn. Nederland heeft dat\n"
    "onderschreven en gevraagd om snelle afspraken over de\n"
    "levering van munitie aan de Oekraïense strijdkrachten, ook\n"
    "in de komende jaren.\n"
)


def test_an_opening_line_that_broke_before_a_long_word_is_no_heading(lexicon):
    ct = clean("x.txt", EARLY_BREAK, lexicon)
    assert [(b.kind, b.text[:45]) for b in body(ct)] == [
        ("paragraph", "Geachte voorzitter,"),
        ("paragraph", "Op 29 augustus was in Wenen de informele Raad"),
        ("heading", "Oekraïne"),  # "Verschillende" would have fitted beside it: a heading
        ("paragraph", "Verschillende lidstaten wezen op het belang v"),
    ]
    assert body(ct)[1].text.endswith("zijn er geen besluiten genomen.")


@pytest.mark.parametrize("first, second, word", [
    ("over de aanhou-", "dende Russische steun aan de separatisten.", "aanhoudende"),  # not "den de"
    ("het Dossier- en onde-", "rnummer van de brief.", "ondernummer"),  # not "rn" read for "m"
])
def test_the_halves_of_a_split_word_are_not_repaired_as_words(first, second, word, lexicon):
    ct = clean("x.txt", f"In een afzonderlijke sessie spraken de ministers {first}\n{second}\n", lexicon)
    assert word in body(ct)[0].text.split()
    assert not ct.repairs


# A letter copied line by line (no blank lines) whose paragraph ends on a full line: the heading
# below it, short and without an end, is no part of that paragraph.
FULL_LINE_THEN_HEADING = (
    "De ministers bespreken hoe de afspraken over capaciteiten en de defensie-industrie\n"
    "worden uitgewerkt. Nederland wil dat de lidstaten de voortgang volgend jaar opnieuw\n"
    "bespreken en dat er tot die tijd resultaat is bij de projecten voor luchttanken.\n"
    "Operaties\n"
    "In de Centraal-Afrikaanse Republiek bereidt de EU een militaire operatie voor. De\n"
    "ministers spreken over de bijdragen die lidstaten daaraan kunnen leveren. Het kabinet\n"
    "bekijkt of Nederland een bijdrage kan leveren met transportcapaciteit.\n"
    "Vragen en opmerkingen\n"
    "Vragen van de leden van de eerste fractie over de agenda\n"
    "Vragen van de leden van de tweede fractie over de agenda\n"
    "Vragen van de leden van de derde fractie over de agenda\n"
)


def test_a_short_line_after_a_full_one_that_ends_a_sentence_is_a_heading(lexicon):
    ct = clean("x.txt", FULL_LINE_THEN_HEADING, lexicon)
    kinds = [(b.kind, b.text[:40]) for b in body(ct)]
    assert kinds[:3] == [("paragraph", "De ministers bespreken hoe de afspraken "), ("heading", "Operaties"),
                         ("paragraph", "In de Centraal-Afrikaanse Republiek bere")]
    assert body(ct)[0].text.endswith("de projecten voor luchttanken.")
    # Lines of a list of headings stay apart, though each is long for a heading.
    assert [b.text for b in body(ct)[3:]] == ["Vragen en opmerkingen", "Vragen van de leden van de eerste fractie over "
                                              "de agenda", "Vragen van de leden van de tweede fractie over de agenda",
                                              "Vragen van de leden van de derde fractie over de agenda"]


# A saved page whose lines run unevenly long (a note marker joins lines): the first line of a
# section's text is shorter than the file's long lines but is text, not a second heading.
UNEVEN = (
    "De vaste commissie heeft gevraagd om een appreciatie van de jaarlijkse toespraak van de voorzitter van de\n"
    "Europese Commissie. Aan dat verzoek wordt met deze brief voldaan, mede namens de andere bewindspersonen.\n"
    "Toespraak van de Commissievoorzitter\n"
    "Op 14 september hield de voorzitter van de Europese Commissie de jaarlijkse\n"
    "Staat van de Unie. Er was zoals verwacht veel aandacht voor Oekraïne en de energiecrisis.3 Verder was er\n"
    "aandacht voor de uitbreiding van de Unie en voor de weerbaarheid van Europese democratieën en economieën.\n"
    "Het kabinet deelt de analyse van de voorzitter en steunt de voorstellen die zij deed voor de komende jaren,\n"
    "in het bijzonder die voor de gezamenlijke inkoop van munitie en voor een sterkere Europese industrie.\n"
    "Over de uitwerking van die voorstellen informeert het kabinet uw Kamer zodra de Commissie ze publiceert.\n"
    "Daarbij betrekt het kabinet ook de wensen die uw Kamer eerder over deze onderwerpen heeft uitgesproken.\n"
)


def test_the_first_line_of_a_section_in_a_file_of_uneven_lines_is_text(lexicon):
    kinds = [(b.kind, b.text[:35]) for b in body(clean("x.txt", UNEVEN, lexicon))]
    assert kinds[1:3] == [("heading", "Toespraak van de Commissievoorzitte"),
                          ("paragraph", "Op 14 september hield de voorzitter")]


# --- double-spaced text ------------------------------------------------------------------

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_double_spaced_letter_reads_as_the_letter(lexicon, name):
    # Some PDF tools save a letter set with wide line spacing as a blank line after every line: each
    # line was then a paragraph, and a sentence broken over lines named no meeting.
    text = (SEEDS / name).read_text(encoding="utf-8")
    single = clean(name, text, lexicon)
    double = clean(name, text.replace("\n", "\n\n"), lexicon)
    assert [[(b.kind, b.text) for b in d.blocks] for d in double.documents] == \
        [[(b.kind, b.text) for b in d.blocks] for d in single.documents]


@pytest.mark.parametrize("folder", ["genre", "genre-holdout", "unseen"])
def test_no_letter_saved_with_paragraphs_apart_is_taken_for_double_spaced(folder):
    # Saved pages keep a paragraph on one line, with a blank line after it: that is no double spacing.
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / folder).glob("*.txt"))]
    assert texts
    rules = cleaning_rules()
    assert [n for n, t in enumerate(texts) if single_spaced(lines := split_lines(t, rules)) != lines] == []
