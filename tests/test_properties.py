"""Properties of the cleaner on generated text: it never crashes, and it loses no word.

Reference spans on random text are covered in tests/test_references.py; here
the cleaner gets text built from the seeds' own lines, cut and shuffled, with
the characters PDF extraction throws in (form feeds, soft hyphens, no-break
and zero-width spaces, superscript markers, the cleaner's own sentinels).
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import SEED_NAMES, SEEDS, WORD, missing_words
from generator.clean import EMPHASIS, clean
from generator.lexicon import load_lexicon
from generator.model import CleanText

SEED_LINES = sorted({line for name in SEED_NAMES
                     for line in (SEEDS / name).read_text(encoding="utf-8").split("\n")})
SEED_WORDS = sorted({w for l in SEED_LINES for w in l.split()})
LEXICON = load_lexicon((SEEDS / name).read_text(encoding="utf-8") for name in SEED_NAMES)

# Characters a PDF dump or a careless editor puts in a text file.
ODD = list("\f\u00ad\u00a0\u202f\u200b\ufeff\ue000\ue001¹²³⁴⁵*-–•|#:\"'’«»()?.,;/\t\n")
PIECES = [
    "De minister van Defensie,", "Hoogachtend,", "Nota", "Bijlage", "Geachte voorzitter,",
    "Den Haag, 31 januari 2025", "Datum 12 mei 2025", "Betreft Geannoteerde agenda", "Onze referentie",
    "1 van 3", "Tweede Kamer, vergaderjaar 2024–2025, 28 676, nr. 554", "1 Kamerstuk 28 676, nr. 440.",
    "NAVO-", "verdedigings-", "plannen", "lucht- en raketverdediging", "bondgenoten?.", "uitgavenen",
    "- een opsomming", "a) een punt", "*cursief*", "(IAMD)", "Oekraïne", "Oekraine", "e\u0308",
]

line = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(PIECES),
    st.text(alphabet=st.sampled_from(list("abcdefghij ABCDE0123456789.,-") + ODD), max_size=60),
    st.lists(st.sampled_from(SEED_WORDS + ODD + [" ", " ", "\n", "-\n", "  ", "''"]), max_size=25).map("".join),
    st.text(max_size=40),
)
document = st.lists(line, max_size=60).map("\n".join)

# A soft hyphen after a space, at a line end: no word was split there.
SOFT_AFTER_SPACE = re.compile(r"\s\u00ad[^\S\n]*(?:\n|$)")

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def shown_text(ct: CleanText) -> str:
    """Everything the letter page shows of a cleaned file (as tests/test_clean.py reads it)."""
    def with_markers(text: str, marks) -> str:
        # A footnote marker stands between what comes before and after it ("b³A").
        for m in sorted((m for m in marks if m.kind == "footnote"), key=lambda m: -m.start):
            text = text[:m.start] + " " + text[m.start:]
        return text

    parts = []
    for d in ct.documents:
        parts += [d.title or ""] + [with_markers(b.text, b.marks) for b in d.blocks]
        parts += [with_markers(f.text, f.marks) for f in d.footnotes] + [f.text for f in d.furniture]
    return "\n".join(parts)


def comparable(text: str, emphasis: bool = True) -> str:
    """The source as `missing_words` can compare it with what is shown.

    *Emphasis* is markup (with `emphasis`: in the letterhead the asterisks stay
    as they are, so the test tries both readings); zero-width characters and the cleaner's sentinels are
    not text; a form feed or a carriage return starts a line.  A soft hyphen
    inside a line is no break; at a line end it is a hyphenation point like
    "-": the word may be shown joined, or (in the letterhead) as two parts.  A
    hyphen before a page break (blank lines) is made a plain line-end hyphen:
    `missing_words` knows only those.
    """
    if emphasis:
        text = EMPHASIS.sub(r"\1", text)
    text = re.sub("[\u200b\u200c\u200d\u2060\ufeff\ue000\ue001]", "", text)
    text = re.sub(r"\r\n?|\f", "\n", text)
    text = re.sub(r"\u00ad[^\S\n]*\n", "-\n", text).replace("\u00ad", "")
    return re.sub(r"-[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*", "-\n", text)


def lost_words(source: str, shown: str, repaired: set[str]) -> list[str]:
    """`missing_words`, forgiving what it cannot see.

    It reads a line-end hyphen only when the next line goes on with the word,
    so a chain ("NAVO-", "verdedigings-", "begroting") or a word split around a
    page number or running footer (set aside, then joined over) shows up as
    separate words; it does not look the right half of a split word up among
    the repaired words; and a word glued to an asterisk that the cleaner read
    as emphasis after joining lines is shown glued to its neighbour.  Such a
    part counts as kept when it is part of a word that is shown.
    """
    shown_words = set(WORD.findall(shown))

    def inside_shown(part: str) -> bool:
        # A superscript is a footnote marker, not a word ("NAVO-" + "²").
        return not WORD.fullmatch(part) or part in repaired or any(part in w for w in shown_words)

    lost = []
    for entry in missing_words(source, shown, repaired):
        if "-/" in entry:
            left, right = entry.split("-/")
            if inside_shown(left) and inside_shown(right):
                continue
        elif inside_shown(entry):
            e = re.escape(entry)
            glued = re.search(rf"\*{e}|{e}\*", source)
            split = "-\n" in source and re.search(rf"{e}-[^\S\n]*\n|^[^\S\n]*{e}", source, re.MULTILINE)
            if glued or split:
                continue
        lost.append(entry)
    return lost


@SETTINGS
@given(document)
@example("")
@example("\f\f\n\n")
@example("\ue000 1\ue001\n1 voetnoot")
@example("De minister van Defensie,\nDe minister van Defensie,\nHoogachtend,")
@example("Bondgenoten?.\n\n1 Kamerstuk 28 676, nr. 440.")
def test_cleaner_never_crashes(text):
    ct = clean("eigenschap.txt", text, LEXICON)
    for d in ct.documents:
        for b in d.blocks:
            assert "\n" not in b.text
            assert "\ue000" not in b.text and "\ue001" not in b.text
            for m in b.marks:
                assert 0 <= m.start <= m.end <= len(b.text), (m, b.text)


@SETTINGS
@given(document)
@example("lucht- en\nraketverdediging")
@example("de defensie-\nindustrie. Het kabinet")
@example("Nederland zet de steun voort¹.\n\n¹ Kamerstuk 28 676, nr. 440.")
@example("NAVO-\nverdedigings-\nbegroting is")
@example("b\xad\fA")
@example(":\fA\xad\n\n begroting is")
@example("A\xad\nAan MINDEF")
@example("MINISTERIeLE*A")
@example("A*a*")
@example("A*A*")
@example("*eenen*A")
@example("b3*A*\n\n3\t0")
def test_every_word_survives_cleaning(text):
    assume(not SOFT_AFTER_SPACE.search(text))  # a known bug, see the test below
    ct = clean("eigenschap.txt", text, LEXICON)
    repaired = {w for r in ct.repairs for w in WORD.findall(r.before)}
    missing = lost_words(comparable(text), shown_text(ct), repaired)
    if missing:
        missing = missing if lost_words(comparable(text, emphasis=False), shown_text(ct), repaired) else []
    assert missing == [], f"lost words {missing} from {text!r}"


def test_soft_hyphen_after_a_space_does_not_glue_two_words():
    # "hoge \u00ad" at a line end: the soft hyphen follows a space, so no word was
    # split there; the cleaner strips the space and joins "hogeverdediging".
    ct = clean("eigenschap.txt", "de hoge \u00ad\nverdediging is", LEXICON)
    assert "hoge verdediging" in shown_text(ct)
