"""The reference extractor on the real letters, on every spelling it must read, and on random text."""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from generator.model import Citation
from generator.references import (
    dossier_label,
    dossier_url,
    find_citations,
    header_citation,
    label,
    letter_citation,
    official_url,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def keys(text: str) -> list[str | None]:
    return [c.key for c in find_citations(text)]


def assert_spans(text: str, citations: tuple[Citation, ...]) -> None:
    previous_end = 0
    for c in citations:
        assert text[c.start:c.end] == c.text
        assert c.start < c.end
        assert c.start >= previous_end, "spans overlap or are out of order"
        previous_end = c.end


# --- the real letters ------------------------------------------------------------

SEED_KEYS = {
    "000": ["28676-440", "31125-134"],
    "001": ["28676-472", "36471-96", "27925-980"],
    "002": ["36725-1", None],
    "003": [
        "36200-X-1", "2023Z08629", "28676-432", "28676-429", "28676-426",
        "28676-427", "36350-X", "36200-X-37", "2023Z08629",
    ],
    "004": ["21501-20-2307"],
}


@pytest.mark.parametrize("prefix", sorted(SEED_KEYS))
def test_seed_raw_text(prefix):
    text = seed_text(prefix)
    citations = find_citations(text)
    assert Counter(c.key for c in citations) == Counter(SEED_KEYS[prefix])
    assert_spans(text, citations)


@pytest.mark.parametrize("prefix", sorted(SEED_KEYS))
def test_seed_with_lines_joined(prefix):
    # The cleaner joins wrapped lines; the result must not change.
    raw = seed_text(prefix)
    joined = " ".join(raw.split())
    assert keys(joined) == keys(raw)


def test_seed_unresolved_dossier_is_kept_with_reason():
    text = seed_text("002")
    (bad,) = [c for c in find_citations(text) if c.key is None]
    assert bad.text == "Kamerstuk 3592-17"
    assert text[bad.start:bad.end] == "Kamerstuk 3592-17"
    assert bad.kind == "kamerstuk"
    assert bad.dossier is None
    assert "vijf" in bad.reason and "3592" in bad.reason
    assert official_url(bad) is None
    assert label(bad) == "Kamerstuk 3592-17"


def test_seed_003_kinds():
    by_key = {c.key: c for c in find_citations(seed_text("003"))}
    assert by_key["2023Z08629"].kind == "zaak"
    assert by_key["36350-X"].kind == "dossier"
    assert by_key["36350-X"].nr is None
    assert by_key["36200-X-1"].dossier == "36200-X"
    assert by_key["36200-X-1"].nr == "1"


def test_seed_004_header():
    lines = seed_text("004").splitlines()[:8]
    citation, dossiers = header_citation(lines)
    assert citation.key == "28676-554"
    assert (citation.kind, citation.dossier, citation.nr) == ("kamerstuk", "28676", "554")
    assert dossiers == (
        ("28676", "NAVO"),
        ("21501-28", "Defensieraad"),
        ("36045", "Situatie in Oekraine"),  # as the seed spells it
    )


# --- spellings -----------------------------------------------------------------

SPELLINGS = [
    # (text, expected keys)
    ("Kamerstuk 28 676, nr. 440", ["28676-440"]),
    ("Kamerstuk 28676, nr. 440", ["28676-440"]),
    ("kamerstuk 28 676 nr. 440", ["28676-440"]),
    ("KAMERSTUK 28 676, NR. 440", ["28676-440"]),
    ("Kamerstuk 28 676, nr 440", ["28676-440"]),
    ("Kamerstukken 28 676, nrs. 432 en 429", ["28676-432", "28676-429"]),
    ("Kamerstukken 28 676, nrs. 432, 429 en 426", ["28676-432", "28676-429", "28676-426"]),
    ("Kamerstuk 36 200 X, nr. 1", ["36200-X-1"]),
    ("Kamerstuk 36 200 VIII, nr. 12", ["36200-VIII-12"]),
    ("Kamerstuk 36 200 IXB, nr. 3", ["36200-IXB-3"]),
    ("Kamerstuk 36 600 K, nr. 2", ["36600-K-2"]),
    ("Kamerstuk 36 200-X, nr. 5", ["36200-X-5"]),
    ("Kamerstuk 21 501-20, nr. 2307", ["21501-20-2307"]),
    ("Kamerstuk 21501-20, nr. 2307", ["21501-20-2307"]),
    ("Kamerstuk 21 501-02, nr. 2800", ["21501-02-2800"]),
    ("Kamerstuk 21501-20-2307", ["21501-20-2307"]),
    ("Kamerstuk 36725-1", ["36725-1"]),
    ("Kamerstuk 28676-440", ["28676-440"]),
    ("Kamerstuk 36200-X-1", ["36200-X-1"]),
    ("bijlage bij Kamerstuk 36 471, nr. 96", ["36471-96"]),
    ("(Kamerstuk 36 350 X van 11 mei 2023)", ["36350-X"]),
    ("Kamerstuk 28 676", ["28676"]),
    ("Kamerstuk 21 501-28", ["21501-28"]),
    ("Kamerstukdossier 36 200 X", ["36200-X"]),
    ("Kamerstuk 2023Z08629", ["2023Z08629"]),
    ("zie 2023Z08629.", ["2023Z08629"]),
    ("Kamerstuk 2024D41170", ["2024D41170"]),
    ("document 2024D41170", ["2024D41170"]),
    ("Kamerstukken II 2022/23, 28 676, nr. 440", ["28676-440"]),
    ("Kamerstukken II 2022–2023, 28 676, nr. 440", ["28676-440"]),
    ("Kamerstukken I 2022/23, 36 200 X, nr. 1", ["36200-X-1"]),
    ("(28 676, nr. 440)", ["28676-440"]),
    ("zie ook 21 501-20, nr. 2307.", ["21501-20-2307"]),
    ("(36 200 X, nr. 1)", ["36200-X-1"]),
    ("Kamerstuk 28\u00a0676, nr.\u00a0440", ["28676-440"]),
    ("Kamerstuk\u00a028\u202f676,\u202fnr. 440", ["28676-440"]),
    ("Kamerstuk\n28 676, nr. 440", ["28676-440"]),
    ("Kamerstuk 28 676, nr.\n440", ["28676-440"]),
    ("Kamerstuk 28\n676, nr. 440", ["28676-440"]),
    ("Kamerstuk 36 200 \nX, nr. 1", ["36200-X-1"]),
    ("Kamerstuk 21 501\u201120, nr. 2307", ["21501-20-2307"]),
    ("Kamerstuk \n2023Z08629", ["2023Z08629"]),
    ("Kamerstuk 28 676, nr. 432 van 12 mei 2023, Kamerstuk 28 676, nr. 429",
     ["28676-432", "28676-429"]),
    ("Kamerstuk 28 676, nr. 440, 2 miljard", ["28676-440"]),  # a list only after "nrs."
    ("Kamerstuk 28 676, nr. 432 en nr. 429", ["28676-432", "28676-429"]),  # ... or with "nr." each
    ("(21 501-28, nr. 250, nr. 251 en nr. 252)", ["21501-28-250", "21501-28-251", "21501-28-252"]),
    ("Kamerstuk 28 676, nummer 440", ["28676-440"]),
    ("Kamerstukken 28 676, nummers 432 en 429", ["28676-432", "28676-429"]),
    ("Kamerstuk 28 676, nummering", ["28676"]),
    # The official publication's identifier, alone or in its address.
    ("kst-28676-440", ["28676-440"]),
    ("(kst-21501-28-250)", ["21501-28-250"]),
    ("kst-36200-X-5", ["36200-X-5"]),
    ("zie https://zoek.officielebekendmakingen.nl/kst-28676-440.html.", ["28676-440"]),
    ("https://zoek.officielebekendmakingen.nl/dossier/kst-21501-28-250.html", ["21501-28-250"]),
    ("kst-2867-440", []),
    # A document filed in two dossiers is numbered in the first (made-up numbers).
    ("Kamerstukken 31 234 en 32 345, nr. 17", ["31234-17"]),
    ("Kamerstuk 21 501-28 / 31234, nr. 9", ["21501-28-9"]),
    ("(31 234 en 32 345 X, nr. 17)", ["31234-17"]),
    ("Kamerstukken 31 234 en 32 345, nrs. 17 en 18", ["31234-17", "31234-18"]),
    ("Kamerstuk 31 234 en 32 345 hangen samen", ["31234"]),  # no number: no joint document
    ("Kamerstuk 3592-17", [None]),
    ("Kamerstuk 285676, nr. 3", [None]),
]


@pytest.mark.parametrize("text, expected", SPELLINGS, ids=[s for s, _ in SPELLINGS])
def test_spelling(text, expected):
    citations = find_citations(text)
    assert [c.key for c in citations] == expected
    assert_spans(text, citations)


def test_reference_covers_the_whole_written_form():
    (c,) = find_citations("De brief (Kamerstukken II 2022/23, 28 676, nr. 440) meldt")
    assert c.text == "Kamerstukken II 2022/23, 28 676, nr. 440"


def test_nrs_list_spans():
    # The first citation spans the reference up to its number; the others just their number.
    text = "Zie Kamerstukken 28 676, nrs. 432, 429 en 426."
    first, second, third = find_citations(text)
    assert first.text == "Kamerstukken 28 676, nrs. 432"
    assert second.text == "429"
    assert third.text == "426"
    assert all(c.dossier == "28676" for c in (first, second, third))
    assert_spans(text, (first, second, third))


def test_official_address_is_one_reference_over_the_whole_address():
    # A link over part of the address would leave its two ends as text on either side.
    text = "Zie https://zoek.officielebekendmakingen.nl/kst-28676-440.html voor de brief."
    (c,) = find_citations(text)
    assert c.text == "https://zoek.officielebekendmakingen.nl/kst-28676-440.html"
    assert (c.kind, c.dossier, c.nr) == ("kamerstuk", "28676", "440")
    # Another site's address is not read: the number in it may name its own file.
    assert find_citations("https://example.org/kst-28676-440.html") == ()


def test_nr_list_with_a_word_per_number_spans():
    text = "Zie Kamerstuk 28 676, nr. 432 en nr. 429."
    first, second = find_citations(text)
    assert (first.text, second.text) == ("Kamerstuk 28 676, nr. 432", "429")
    assert_spans(text, (first, second))


@pytest.mark.parametrize("text, keys", [
    # "nr. 450 en 451" closing the citation: both documents
    ("(Kamerstuk 28 676, nr. 450 en 451)", ["28676-450", "28676-451"]),
    ("Zie Kamerstuk 28 676, nr. 450 en 451, waarin ik", ["28676-450", "28676-451"]),
    ("(Kamerstukken 28676 nr. 450 en 451).", ["28676-450", "28676-451"]),
    # guard: a number that goes on with words is no document number
    ("Kamerstuk 28 676, nr. 450 en 3 toestellen", ["28676-450"]),
    ("Kamerstuk 28 676, nr. 450, 2 miljard", ["28676-450"]),
])
def test_a_second_number_after_nr_and_en(text, keys):
    assert [c.key for c in find_citations(text)] == keys


@pytest.mark.parametrize("text, keys", [
    # numbers joined by hyphens, as tkconv and tweedekamer.nl title them ("Kamerstuk 21501-28-296"), listed
    # under one word Kamerstuk: every item is a document
    ("(Kamerstukken 28676-440 en 28676-441)", ["28676-440", "28676-441"]),
    ("(Kamerstukken 21501-28-250, 21501-28-251 en 28676-441).", ["21501-28-250", "21501-28-251", "28676-441"]),
    ("(Kamerstukken 36200-X-1; 36200-X-5)", ["36200-X-1", "36200-X-5"]),
    # guards: a sub-dossier without a number is no item; nor is a figure after "en"; nor an item without a
    # first one numbered by hyphen
    ("Kamerstuk 28676-440 en 21501-28 noemen", ["28676-440"]),
    ("Kamerstuk 28676-440 en 3 F-35's", ["28676-440"]),
    ("Kamerstuk 21501-28 en 28676-441", ["21501-28"]),
    ("Zie 28676-440 en 28676-441.", []),
])
def test_a_list_of_hyphen_numbered_documents(text, keys):
    found = find_citations(text)
    assert [c.key for c in found] == keys
    assert_spans(text, found)


def test_joint_document_spans_both_dossiers_and_links_the_first():
    # One citation over the whole written form, so the second dossier is no link of its own.
    text = "(zie Kamerstukken 31 234 en 32 345, nr. 17) en verder"
    (c,) = find_citations(text)
    assert (c.text, c.dossier, c.nr) == ("Kamerstukken 31 234 en 32 345, nr. 17", "31234", "17")
    assert_spans(text, (c,))


def test_zaak_and_document_kinds():
    zaak, document = find_citations("2023Z08629 en 2024D41170")
    assert (zaak.kind, zaak.ident, zaak.dossier) == ("zaak", "2023Z08629", None)
    assert (document.kind, document.ident) == ("document", "2024D41170")


def test_wrong_dossier_length_has_dutch_reason():
    (c,) = find_citations("Kamerstuk 285676, nr. 3")
    assert c.key is None
    assert "6 cijfers" in c.reason


NOT_REFERENCES = [
    "2,24%",
    "€ 1,4 miljoen",
    "16,6 miljard euro en in 2024 20,3 miljard euro",
    "11 mei 2023",
    "op 12 november 2025",
    "de aanvullende artikel 100-brief",
    "A-brief BS2024032851",
    "F-35",
    "F16's",
    "Postbus 20701 2500 ES Den Haag",
    "28 676 NAVO",
    "pagina’s 8-9",
    "nr. 440",
    "nrs. 432, 429 en 426",
    "Kamerstuk van 8 november 2024",
    "de Kamerstukken 2024/25 zijn",
    "BS2023Z08629",
    "2023Z08629X",
    "1,28 676, nr. 5",
    "12 345 676, nr. 5",
]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_not_a_reference(text):
    assert find_citations(text) == ()


# --- links and labels -------------------------------------------------------------


def only(text: str) -> Citation:
    (c,) = find_citations(text)
    return c


@pytest.mark.parametrize(
    "text, url, shown",
    [
        ("Kamerstuk 28 676, nr. 440",
         "https://zoek.officielebekendmakingen.nl/kst-28676-440.html", "Kamerstuk 28 676, nr. 440"),
        ("Kamerstuk 36 200 X, nr. 1",
         "https://zoek.officielebekendmakingen.nl/kst-36200-X-1.html", "Kamerstuk 36 200 X, nr. 1"),
        ("Kamerstuk 21 501-20, nr. 2307",
         "https://zoek.officielebekendmakingen.nl/kst-21501-20-2307.html", "Kamerstuk 21 501-20, nr. 2307"),
        ("kamerstuk 36725-1",
         "https://zoek.officielebekendmakingen.nl/kst-36725-1.html", "Kamerstuk 36 725, nr. 1"),
        ("Kamerstuk 36 350 X van 11 mei",
         "https://zoek.officielebekendmakingen.nl/dossier/36350-X", "Dossier 36 350 X"),
        ("Kamerstuk 2023Z08629",
         "https://www.tweedekamer.nl/kamerstukken/detail?id=2023Z08629", "Zaak 2023Z08629"),
        ("2024D41170",
         "https://www.tweedekamer.nl/kamerstukken/detail?id=2024D41170&did=2024D41170", "Document 2024D41170"),
    ],
)
def test_url_and_label(text, url, shown):
    c = only(text)
    assert official_url(c) == url
    assert label(c) == shown


def test_unresolved_has_no_url():
    c = only("Kamerstuk 3592-17")
    assert official_url(c) is None
    assert c.reason


@pytest.mark.parametrize(
    "dossier, shown",
    [("28676", "28 676"), ("36200-X", "36 200 X"), ("21501-20", "21 501-20"), ("36200-IXB", "36 200 IXB")],
)
def test_dossier_label(dossier, shown):
    assert dossier_label(dossier) == shown


def test_dossier_url():
    assert dossier_url("36350-X") == "https://zoek.officielebekendmakingen.nl/dossier/36350-X"
    assert dossier_url("21501-20") == "https://zoek.officielebekendmakingen.nl/dossier/21501-20"


# --- header ------------------------------------------------------------------------


def test_header_from_brief_example():
    citation, dossiers = header_citation([
        "28 676 NAVO",
        "21 501-28 Defensieraad",
        "36 045 Situatie in Oekraïne",
        "Nr. 554 Brief van de minister van Defensie",
    ])
    assert citation.key == "28676-554"
    assert citation.text == "Nr. 554"
    assert dossiers == (("28676", "NAVO"), ("21501-28", "Defensieraad"), ("36045", "Situatie in Oekraïne"))
    assert official_url(citation) == "https://zoek.officielebekendmakingen.nl/kst-28676-554.html"


def test_header_with_suffix_and_wrapped_title():
    citation, dossiers = header_citation([
        "Tweede Kamer der Staten-Generaal",
        "Vergaderjaar 2022–2023",
        "36 200 X Vaststelling van de begrotingsstaten van het Ministerie van",
        "Defensie (X) voor het jaar 2023",
        "Nr. 37 BRIEF VAN DE MINISTER VAN DEFENSIE",
    ])
    assert citation.key == "36200-X-37"
    assert dossiers == (
        ("36200-X", "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2023"),
    )


def test_header_of_an_older_page_with_the_documents_number_on_the_dossiers_line():
    # An older page of the official publications: "30800 X 109 Brief van …" and the session year under it.
    # The dossier's title is not printed here; the document's title and the year are no part of it.
    citation, dossiers = header_citation([
        "Vaststelling begroting van het Ministerie van Defensie (X) voor het jaar 2007",
        "30800 X 109 Brief van de minister en staatssecretaris van defensie",
        "Vergaderjaar 2006-2007",
        "Nr. 109",
    ])
    assert (citation.key, dossiers) == ("30800-X-109", (("30800-X", ""),))


def test_header_of_an_eerste_kamer_document_numbered_with_capitals():
    # kst-29521-BE: the Eerste Kamer numbers its documents "A", "B", ..., "BE", without "Nr.".
    citation, dossiers = header_citation([
        "29 521 Nederlandse deelname aan vredesmissies",
        "BE BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN, DE MINISTER VAN DEFENSIE EN DE MINISTER VOOR",
        "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal",
    ])
    assert (citation.key, citation.text, citation.nr) == ("29521-BE", "BE", "BE")
    assert dossiers == (("29521", "Nederlandse deelname aan vredesmissies"),)
    assert label(citation) == "Kamerstuk 29 521, BE"
    assert letter_citation(citation, date(2024, 3, 8), "Eerste Kamer") == "Kamerstukken I 2023/24, 29 521, BE"
    assert official_url(citation) == "https://zoek.officielebekendmakingen.nl/kst-29521-BE.html"
    # a capitalised word that is no document's kind does not number one
    assert header_citation(["29 521 Nederlandse deelname aan vredesmissies", "EU ZET IN OP DE RODE ZEE"]) == (None, ())


@pytest.mark.parametrize("text, keys", [
    # a sub-dossier's hyphen spaced as a PDF may set it
    ("(Kamerstuk 21 501 - 28, nr. 283)", ["21501-28-283"]),
    ("de brief (21 501 - 28, nr. 283) van mei", ["21501-28-283"]),
    # the word written whole: "Kamerstuknummer"
    ("(Kamerstuknummer 28676-470)", ["28676-470"]),
    # guards: a spaced hyphen between other numbers is no reference
    ("in 2023 - 24 bijeenkomsten", []),
])
def test_spellings_of_sub_dossiers_and_the_keyword(text, keys):
    assert [c.key for c in find_citations(text)] == keys


@pytest.mark.parametrize("text, keys, cited", [
    # The Eerste Kamer's own documents, cited as it prints them: a link to the document, not to its dossier.
    ("(Kamerstukken I 2023/24, 29 521, BE).", ["29521-BE"], "Kamerstukken I 2023/24, 29 521, BE"),
    ("zie Kamerstukken I 2019/20, 35 300 X, A en verder", ["35300-X-A"], "Kamerstukken I 2019/20, 35 300 X, A"),
    ("(Kamerstukken I 2023/24, 29 521, nr. 5)", ["29521-5"], "Kamerstukken I 2023/24, 29 521, nr. 5"),
    # guards: only after "Kamerstukken I"; in the Tweede Kamer a capital after a comma is no number
    ("(Kamerstukken II 2019/20, 35 300 X, A)", ["35300-X"], "Kamerstukken II 2019/20, 35 300 X"),
    ("in Kamerstuk 29 521, BE is dat beschreven", ["29521"], "Kamerstuk 29 521"),
    ("(Kamerstukken I 2023/24, 29 521, Bijlage)", ["29521"], "Kamerstukken I 2023/24, 29 521"),
])
def test_eerste_kamer_documents_cited_with_their_capitals(text, keys, cited):
    found = find_citations(text)
    assert [c.key for c in found] == keys and found[0].text == cited
    if found[0].kind == "kamerstuk" and not found[0].nr.isdigit():
        assert label(found[0]) == f"Kamerstuk {cited.split(', ', 1)[1]}"
        assert official_url(found[0]) == f"https://zoek.officielebekendmakingen.nl/kst-{keys[0]}.html"


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["", "  "],
        ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Den Haag, 12 november 2025"],
        ["28 676 NAVO", "Aan de Voorzitter"],  # no "Nr." line: not a printed header
        ["Nr. 554 Brief van de minister van Defensie"],  # no dossier to number it in
        # a number OCR damaged is not read as the digits before the damage ("Nr. 2l3" is no document 2)
        ["28 676 NAVO", "Nr. 2l3 BRIEF VAN DE MINISTER VAN DEFENSIE"],
        ["28 676 NAVO", "Nr. 1 09 BRIEF VAN DE MINISTER VAN DEFENSIE"],
    ],
)
def test_header_absent(lines):
    assert header_citation(lines) == (None, ())


# --- properties --------------------------------------------------------------------

# Pieces of references, so random text often comes close to the grammar.
PIECES = st.sampled_from([
    "Kamerstuk", "Kamerstukken", "kamerstukdossier", " ", "\u00a0", "\u202f", "\n", ",", ".", "(", ")",
    "28", "676", "28 676", "21 501", "-", "\u2011", "20", "X", "IXB", "II", "2022/23", "nr.", "nrs.",
    "en", "432", "2023Z08629", "2024D", "3592", "17", "van", "a", "é",
])
NEAR_MISS_TEXT = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=500)
@given(st.text())
def test_any_text_spans_are_exact(text):
    assert_spans(text, find_citations(text))


@settings(max_examples=500)
@given(NEAR_MISS_TEXT)
def test_near_miss_text_spans_are_exact(text):
    citations = find_citations(text)
    assert_spans(text, citations)
    for c in citations:
        assert (c.key is None) == (c.reason is not None)
        label(c)  # never fails
        official_url(c)


KNOWN = [
    ("Kamerstuk 28 676, nr. 440", "28676-440"),
    ("Kamerstuk 36 200 X, nr. 1", "36200-X-1"),
    ("Kamerstuk 21 501-20, nr. 2307", "21501-20-2307"),
    ("Kamerstuk 36725-1", "36725-1"),
    ("(28 676, nr. 440)", "28676-440"),
    ("Kamerstukken II 2022/23, 31 125, nr. 134", "31125-134"),
    ("Kamerstuk 28\u00a0676,\nnr. 440", "28676-440"),
    ("2023Z08629", "2023Z08629"),
    ("Kamerstuk 2024D41170", "2024D41170"),
]


@settings(max_examples=500)
@given(st.text(), st.sampled_from(KNOWN), st.text())
def test_known_reference_found_in_any_surroundings(left, known, right):
    assert_found_between(left, known, right)


def assert_found_between(left: str, known: tuple[str, str], right: str) -> None:
    reference, key = known
    # A following "nr." or "en" would legitimately extend the reference.
    assume(not right.lstrip().lower().startswith(("nr", "en")))
    text = f"{left} {reference} {right}"
    citations = find_citations(text)
    assert key in [c.key for c in citations]
    assert_spans(text, citations)


@settings(max_examples=500)
@given(NEAR_MISS_TEXT, st.sampled_from(KNOWN), NEAR_MISS_TEXT)
@example("28 676nr.", ("2023Z08629", "2023Z08629"), "")  # a zaak number is not a "nr."
def test_known_reference_found_among_near_misses(left, known, right):
    assert_found_between(left, known, right)
