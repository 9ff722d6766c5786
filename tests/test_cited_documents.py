"""What a cited document is, from the citing text (references.describe), and its pages (issue 12)."""
from __future__ import annotations

import re
from datetime import date


from conftest import SEEDS
from generator.references import describe, find_citations


def context(text: str, n: int = 0):
    """describe() for the n-th reference in a made-up text."""
    found = find_citations(text)
    previous = found[n - 1].end if n else 0
    return describe(text, found[n].start, found[n].end, previous)


# --- made-up sentences in the genre's shapes -----------------------------------------


def test_description_before_a_comma_with_its_kind():
    c = context("Zoals gevraagd in de motie-De Vries, Kamerstuk 12 345, nr. 67, volgt hier het antwoord.")
    assert c.description == "motie-De Vries" and c.kind == "motie"
    text = "Zoals gevraagd in de motie-De Vries, Kamerstuk 12 345, nr. 67, volgt hier het antwoord."
    assert text[slice(*c.description_span)] == "motie-De Vries"


def test_description_before_a_bracket_and_date_inside_it():
    c = context("Op grond van de Najaarsnota 2030 (Kamerstuk 40 100, nr. 2 van 1 december 2030) geldt dit.")
    assert (c.description, c.kind, c.date, c.date_text) == ("Najaarsnota 2030", "nota", date(2030, 12, 1),
                                                           "1 december 2030")


def test_annex_is_marked():
    c = context("Met de plannen uit het Defensieprogramma (bijlage bij Kamerstuk 40 200, nr. 9) gaan we verder.")
    assert c.description == "Defensieprogramma" and c.annex and c.kind == "bijlage"


def test_date_before_the_reference_in_a_footnote():
    c = context("Kamerbrief Stand van zaken drones, 2 maart 2031, Kamerstuk 2031Z01234")
    assert c.description == "Kamerbrief Stand van zaken drones" and c.date == date(2031, 3, 2)


def test_each_reference_in_a_list_gets_its_own_date():
    text = "Zie: Kamerstuk 40 300, nr. 5 van 3 mei 2032, Kamerstuk 40 300, nr. 4 van 1 april 2032."
    first, second = context(text, 0), context(text, 1)
    assert (first.date, second.date) == (date(2032, 5, 3), date(2032, 4, 1))
    assert first.description is second.description is None


def test_nothing_is_invented_without_a_document_word():
    # "de top in Oslo" is an event, not a name of the document: no description.
    c = context("Tijdens de top in Oslo (Kamerstuk 40 400, nr. 1) is dit besloten.")
    assert c.description is None and c.date is None and c.kind is None
    assert c.sentence == "Tijdens de top in Oslo (Kamerstuk 40 400, nr. 1) is dit besloten."


def test_sentence_is_the_one_the_reference_stands_in():
    c = context("Eerst iets anders. Dan de brief over drones, Kamerstuk 40 500, nr. 3. Daarna meer.")
    assert c.sentence == "Dan de brief over drones, Kamerstuk 40 500, nr. 3."


# --- the seeds -----------------------------------------------------------------------------


def test_zaak_page_is_titled_by_its_description_and_date(seed_pages):
    page = seed_pages["kamerstukken/2023Z08629.md"]
    assert "title: Voortgangsrapportage Nederlandse inzet oostflank NAVO" in page
    assert "# Voortgangsrapportage Nederlandse inzet oostflank NAVO" in page
    assert "**Datum:** 17 mei 2023" in page


def test_kamerstuk_dates_and_descriptions_from_the_citing_text(seed_pages):
    assert "**Datum:** 8 november 2024" in seed_pages["kamerstukken/28676-472.md"]
    motion = seed_pages["kamerstukken/21501-20-2307.md"]
    assert "# motie-Van Campen" in motion and "**Soort:** motie" in motion
    # The citing sentence is quoted as ready HTML (tests/test_quotes.py).
    assert "<blockquote>\n<p>Conform de motie-Van Campen, Kamerstuk 21 501-20, nr. 2307" in motion
    assert "Regeerprogramma" in seed_pages["kamerstukken/36471-96.md"] and "**Bijlage:**" in seed_pages["kamerstukken/36471-96.md"]


def test_every_citation_is_shown_with_its_sentence_and_paragraph_in_date_order(seed_corpus, seed_pages):
    for doc in seed_corpus.documents:
        page = seed_pages[("dossiers/" if doc.kind == "dossier" else "kamerstukken/") + doc.key + ".md"]
        for m in doc.mentions:
            assert f'#{m.paragraph}">' in page  # the link under the quote is ready HTML (document.md.j2)
        dates = [next(l for l in seed_corpus.letters if l.slug == m.letter.split("/")[0]).letter_date for m in doc.mentions]
        known = [d for d in dates if d]
        assert known == sorted(known)


def test_letter_in_the_corpus_shows_that_letter(seed_pages):
    page = seed_pages["kamerstukken/28676-554.md"]
    assert "# Verslag NAVO-ministers van Defensie 15 oktober 2025" in page
    assert "12 november 2025" in page and "vergaderingen/2025-10-15-dmm.md" in page


def test_dossier_lists_its_letters_title_and_documents(seed_pages):
    page = seed_pages["dossiers/28676.md"]
    assert "# Dossier 28 676 NAVO" in page
    brieven = page.split("## Brieven in dit dossier")[1].split("##")[0]
    assert "brieven/2025-11-12-verslag-dmm.md" in brieven
    assert "[Kamerstuk 28 676, nr. 472](../kamerstukken/28676-472.md), 8 november 2024" in page


# --- citing a letter ---------------------------------------------------------------------


def test_parliamentary_year_opens_on_the_third_tuesday_of_september():
    from generator.references import parliamentary_year

    assert parliamentary_year(date(2025, 9, 15)) == "2024/25"
    assert parliamentary_year(date(2025, 9, 16)) == "2025/26"  # Prinsjesdag 2025
    assert parliamentary_year(date(2030, 1, 2)) == "2029/30"
    assert parliamentary_year(date(2099, 12, 31)) == "2099/00"


def test_letter_citation_in_the_official_form():
    from generator.references import letter_citation

    own = find_citations("Kamerstuk 40 600 X, nr. 12")[0]
    assert letter_citation(own, date(2031, 3, 1)) == "Kamerstukken II 2030/31, 40 600 X, nr. 12"
    assert letter_citation(own, date(2031, 3, 1), "De Voorzitter van de Eerste Kamer") == \
        "Kamerstukken I 2030/31, 40 600 X, nr. 12"
    assert letter_citation(own, None) == "Kamerstukken II, 40 600 X, nr. 12"  # no year guessed


def test_letter_pages_offer_a_citation_and_name_the_source(seed_corpus, seed_pages):
    import yaml

    def panel(slug):
        return yaml.safe_load(seed_pages[f"brieven/{slug}.md"].split("---\n")[1])["brief"]

    verslag = panel("2025-11-12-verslag-dmm")
    assert verslag["citeer"] == {"tekst": "Kamerstukken II 2025/26, 28 676, nr. 554", "officieel": True, "jaar": True}
    assert verslag["bronlabel"] == "Brontekst van Verslag NAVO-ministers van Defensie 15 oktober 2025, 12 november 2025"
    agenda = panel("2025-09-29-geannoteerde-agenda-dmm")
    assert agenda["citeer"]["tekst"] == "Geannoteerde agenda NAVO-ministers van Defensie 15 oktober 2025, 29 september 2025"
    assert not agenda["citeer"]["officieel"]
    assert "_" not in agenda["brondownload"] and agenda["brondownload"].endswith(".txt")
    assert agenda["brontype"] == "tekstbestand"


def test_description_stops_where_the_sentence_goes_on():
    assert context("Zoals ik in de voortgangsrapportage meldde (Kamerstuk 40 700, nr. 8), bleef het budget gelijk."
                   ).description == "voortgangsrapportage"
    assert context("De geannoteerde agenda heeft u eerder ontvangen (Kamerstuk 40 700, nr. 9)."
                   ).description == "geannoteerde agenda"
    # A name that goes on in capitals is kept whole.
    assert context("Zie de Nota Stand van de Marine (Kamerstuk 40 700, nr. 10).").description == \
        "Nota Stand van de Marine"


def test_export_lists_every_cited_document_with_spans():
    from generator.cli import export_data
    from generator.pipeline import build_corpus as build

    docs = {d["key"]: d for d in export_data(build(SEEDS))["documents"]}
    zaak = docs["2023Z08629"]
    assert zaak["description"] == "Voortgangsrapportage Nederlandse inzet oostflank NAVO" and zaak["date"] == "2023-05-17"
    assert len(zaak["mentions"]) == 2 and all(m["description_span"] for m in zaak["mentions"])
    assert docs["28676"]["letters"] == ["2025-11-12-verslag-dmm"]


def test_kamerstukken_are_listed_in_the_order_of_their_numbers(tmp_path):
    # A list sorted as text puts "nr. 474" before "nr. 48"; readers look numbers up in number order.
    from generator.pipeline import build_corpus
    (tmp_path / "a.txt").write_text(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 februari 2031\n\n"
        "Zoals gemeld (Kamerstuk 28 676, nr. 474) en eerder (Kamerstuk 28 676, nr. 48) en in Kamerstuk "
        "21 501-28, nr. 283 en Kamerstuk 21 501-28, nr. 56 staat de inzet beschreven.\n\n"
        "De minister van Defensie,\n\nA.B. Voorbeeld\n", encoding="utf-8")
    corpus = build_corpus(tmp_path).corpus
    keys = [d.key for d in corpus.documents if d.kind != "dossier"]
    assert keys == ["21501-28-56", "21501-28-283", "28676-48", "28676-474"]


def test_the_dossier_index_says_how_many_letters_refer_to_each_dossier(tmp_path):
    # A dossier no letter here belongs to, cited through one of its documents: not "0, 0" alone.
    from generator.pipeline import build_corpus
    from generator.render import render
    for name, nr in (("a.txt", "3000"), ("b.txt", "3001")):
        (tmp_path / name).write_text(
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 februari 2031\n\n"
            f"Het fiche over het voorstel (Kamerstuk 22 112, nr. {nr}) beschrijft de inzet.\n\n"
            "De minister van Defensie,\n\nA.B. Voorbeeld\n", encoding="utf-8")
    pages = {p.path: p.content for p in render(build_corpus(tmp_path).corpus, [])}
    row = next(line for line in pages["dossiers/index.md"].splitlines() if "22 112" in line)
    assert row.rstrip().endswith("| 0 | 2 | 2 brieven |"), row


def test_a_dossier_without_a_printed_name_takes_the_lists_marked_as_such(tmp_path):
    from generator.knowledge import dossier_names
    from generator.pipeline import build_corpus
    assert dossier_names()["22112"].startswith("Nieuwe Commissievoorstellen")
    (tmp_path / "a.txt").write_text(
        "28 676 NAVO\n\nNr. 999 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 februari 2031\n\n"
        "Het fiche over het voorstel (Kamerstuk 22 112, nr. 3000) beschrijft de inzet.\n\n"
        "De minister van Defensie,\n\nA.B. Voorbeeld\n", encoding="utf-8")
    docs = {d.key: d for d in build_corpus(tmp_path).corpus.documents if d.kind == "dossier"}
    assert (docs["22112"].title, docs["22112"].title_from_list) == (dossier_names()["22112"], True)
    assert (docs["28676"].title, docs["28676"].title_from_list) == ("NAVO", False)  # as the letter prints it


def test_the_dossier_list_is_keyed_as_the_site_writes_dossiers():
    from generator.knowledge import dossier_names
    from generator.references import dossier_label
    for key, name in dossier_names().items():
        assert re.fullmatch(r"\d{5}(-\d{2}|-[A-Z]+)?", key), key
        assert dossier_label(key) != key and name.strip() == name and name
