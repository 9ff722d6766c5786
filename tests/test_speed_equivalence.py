"""Speed-ups that must not change an answer: fold() done run by run, patterns asked as one."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from generator.knowledge import cleaning_rules
from generator.lexicon import fold, fold_aligned
from generator.patterns import any_match, any_search

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def fold_reference(text: str) -> str:
    """fold() as first written: NFKD of the case-folded text without its combining marks."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


TRICKY = [
    "Oekraïne", "OEKRAÏNE", "financiën en coördinatie", "Straße", "STRASSE ẞ", "ﬁnanciële ﬂankering ﬀ",
    "Ǆ ǅ ǆ", "İstanbul", "ΑΘΗΝΑ Σοφός", "Москва́", "東京 ＮＡＴＯ", "½ ① ²", "e\u0301\u0327", "a\u0327\u0301b",
    "ŉ ﬅ", "ℌ Ⅸ", "‘Zo’ zei – de minister…", "\u00a0non-breaking\u00a0space", "café\u0301", "",
    "Hangul 한국", "Ångström Å", "dž ǈ", "ﬃ\u0308", "K (Kelvin) Ω (Ohm)",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fold_equals_its_first_definition(text):
    assert fold(text) == fold_reference(text)


def test_fold_equals_its_first_definition_over_all_of_unicode():
    # Every code point, mixed with ASCII and run together: runs, marks after ASCII letters, all of it.
    for start in range(0, 0x110000, 1024):
        chunk = "".join(chr(c) for c in range(start, start + 1024) if not 0xD800 <= c < 0xE000)
        text = "aB" + "x".join(chunk) + chunk + "Z"
        assert fold(text) == fold_reference(text), hex(start)


def test_fold_aligned_equals_its_first_definition_over_all_of_unicode():
    from generator.lexicon import _fold_char

    for start in range(0, 0x110000, 1024):
        chunk = "".join(chr(c) for c in range(start, start + 1024) if not 0xD800 <= c < 0xE000)
        text = "aB" + "x".join(chunk) + chunk + "Z"
        assert fold_aligned(text) == "".join(map(_fold_char, text)), hex(start)
    for text in TRICKY:
        assert fold_aligned(text) == "".join(map(_fold_char, text))


def test_fold_aligned_keeps_offsets():
    text = "De Oekraïne en de ﬁnanciën"
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text) == "de oekraine en de ﬁnancien"


PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in [r"^kerngegevens$", r"^home ?[>»/|]", r"noot\b", r"^x noot$"])


@pytest.mark.parametrize("text", ["Kerngegevens", "kerngegevens en meer", "Home > Kamerstukken", "X Noot",
                                  "een voetnoot", "voetnoten", "", "home", "Homepagina"])
def test_joined_patterns_answer_as_each_pattern_does(text):
    assert any_search(PATTERNS, text) == any(p.search(text) for p in PATTERNS)
    assert any_match(PATTERNS, text) == any(p.match(text) for p in PATTERNS)


def test_patterns_that_cannot_be_joined_are_asked_one_by_one():
    # Back references and mixed flags would change meaning once joined.
    mixed = (re.compile(r"(\w)\1"), re.compile(r"^ABC$", re.IGNORECASE), re.compile(r"(?P<x>a)(?P=x)"))
    for text in ["aa", "abc", "ab", "xyzz"]:
        assert any_search(mixed, text) == any(p.search(text) for p in mixed)
        assert any_match(mixed, text) == any(p.match(text) for p in mixed)
    same_name = (re.compile(r"(?P<n>\d+) jaar"), re.compile(r"nr\. (?P<n>\d+)"))
    assert any_search(same_name, "Kamerstuk nr. 12") and not any_search(same_name, "geen")


def test_the_cleaners_pattern_lists_answer_as_before():
    rules = cleaning_rules()
    lines = [l.strip() for seed in sorted(SEEDS.glob("*.txt")) for l in seed.read_text(encoding="utf-8").splitlines()]
    lines += ["Kerngegevens", "Directe link naar document", "Pagina 2 van 3", "Tweede Kamer der Staten-Generaal 2023-2024"]
    for patterns in (rules.webpage, rules.page_patterns, rules.letterhead):
        for line in lines:
            assert any_search(patterns, line) == any(p.search(line) for p in patterns), line
            assert any_match(patterns, line) == any(p.match(line) for p in patterns), line


def test_the_page_patterns_asked_of_every_line_are_anchored():
    """The web page patterns are asked of every line of every letter as one joined search; one pattern
    that may match anywhere ("\\bgoogle-plus facebook twitter\\b") made that search try every position of
    every line, and a cold build at 1,000 letters 40% slower.  Each starts with "^"."""
    for pattern in cleaning_rules().webpage + cleaning_rules().page_patterns:
        assert pattern.pattern.startswith("^"), pattern.pattern


@pytest.mark.parametrize("language", ["nl", "en"])
def test_word_lists_are_spellcheckers_own(language):
    from spellchecker import SpellChecker

    from generator.lexicon import _wordlist

    assert _wordlist.__wrapped__(language) == frozenset(SpellChecker(language=language, distance=1).word_frequency.dictionary)


def term_pattern_reference(term: str) -> re.Pattern:
    """topics._term_pattern as first written: the look-behinds first, then the term."""
    from generator.topics import is_acronym

    prefix = term.endswith("*")
    body = (term[:-1] if prefix else term).strip()
    if not is_acronym(body):
        body = fold_aligned(body)
    parts = []
    for piece in re.split(r"(\s+|-)", body):
        if piece:
            parts.append(r"\s+" if piece.isspace() else r"[-\s]?" if piece == "-" else re.escape(piece))
    right = "" if prefix else r"(?![^\W_])(?![.,]\d)"
    return re.compile(r"(?<![^\W_])(?<!\d[.,])" + "".join(parts) + right)


EDGES = ["", "nuc", "NUC", "xNUC NUC_ _NUC 3.NUC 3,NUC a,NUC (NUC) NUC-x NUC's NUC3 NUC.5 NUC,",
         "defensie-uitgaven defensieuitgaven defensie uitgaven 2,defensie-uitgaven ,defensie xdefensie",
         "oekraïne oekraine Oekraïne-steun 5.oekraine é-oekraine oekrainers"]


def test_term_patterns_find_what_they_found_before():
    from generator.topics import _term_pattern, load_taxonomy

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + EDGES
    texts += [fold_aligned(t) for t in texts]
    terms = {t.text for topic in load_taxonomy() for t in topic._terms}
    terms |= {a for topic in load_taxonomy() for a in (topic.title, *topic.aliases)}
    terms |= {"NUC", "defensie-uitgaven", "oekraïn*", "a.b c", "F-35's"}
    for term in sorted(terms):
        new, old = _term_pattern(term), term_pattern_reference(term)
        for text in texts + [f"{term} {term}{term} x{term}, 1.{term}"]:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], (term, text[:60])


def test_glossary_terms_are_found_where_they_were_before():
    from generator.glossary import load_abbreviation_list
    from generator.markdown import Abbreviations

    glossary = {"NAVO": "x", "EU": "y", "F-35": "", "EU-NAVO": "z", "CT25": "c", "Coreper": "d", "A&B": "e", "é": "f"}
    glossary.update(load_abbreviation_list())  # the listed abbreviations: every term a page may hold
    terms = sorted(glossary, key=len, reverse=True)
    before = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["De NAVO en EU, xEU EU_ NAVO-top F-35. EU-NAVO EU-NAVOx CT25 CT250 A&B A&Bc é éé xé 1EU EU1 (EU) Coreper's"]
    now = Abbreviations(glossary).pattern
    for text in texts:
        assert [m.span() for m in now.finditer(text)] == [m.span() for m in before.finditer(text)]
