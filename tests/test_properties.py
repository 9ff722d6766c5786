"""Properties of the cleaner on generated text: it never crashes, and it loses no word.

Reference spans on random text are covered in tests/test_references.py; here
the cleaner gets text built from the seeds' own lines, cut and shuffled, with
the characters PDF extraction throws in (form feeds, soft hyphens, no-break
and zero-width spaces, superscript markers, the cleaner's own sentinels).
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import SEED_NAMES, SEEDS, WORD, missing_words
from generator.clean import clean
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

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def shown_text(ct: CleanText) -> str:
    """Everything the letter page shows of a cleaned file (as tests/test_clean.py reads it)."""
    parts = []
    for d in ct.documents:
        parts += [d.title or ""] + [b.text for b in d.blocks] + [f.text for f in d.footnotes]
        parts += [f.text for f in d.furniture]
    return "\n".join(parts)


def comparable(text: str) -> str:
    """The source as `missing_words` can compare it with what is shown.

    Asterisks are emphasis, zero-width characters and the cleaner's sentinels are
    not text, and a form feed starts a line.  A soft hyphen is a hyphenation
    point: the word is shown joined, also across a page break (blank lines)
    when it goes on in lower case, as the cleaner does.  A hyphen before a page
    break is made a plain line-end hyphen: `missing_words` knows only those.
    """
    text = re.sub("[\u200b\u200c\u200d\u2060\ufeff\ue000\ue001]", "", unmarked(text)).replace("\f", "\n")

    def soft(m: re.Match) -> str:
        across_page = m.group(0).count("\n") > 1
        return "\n\n" if across_page and not m.group(1).islower() else ""

    text = re.sub(r"\u00ad[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=([^\W\d_]))", soft, text).replace("\u00ad", "")
    return re.sub(r"-[ \t]*\n(?:[ \t]*\n)+[ \t]*", "-\n", text)


def unmarked(text: str) -> str:
    """Without asterisks: "*cursief*" is emphasis, and "A*a*" is shown as "A" and italic "a", one word."""
    return text.replace("*", "")


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


def lost_words(source: str, shown: str, repaired: set[str]) -> list[str]:
    """`missing_words`, forgiving what it cannot see.

    It reads one line-end hyphen at a time, so in a chain ("NAVO-", "verdedigings-",
    "begroting") the later parts look like words of their own, and it does not
    look up the right half of a split word among the repaired words.  Such a
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
        elif re.search(rf"-[ \t]*\n[ \t\f]*{re.escape(entry)}", source) and inside_shown(entry):
            continue
        lost.append(entry)
    return lost


@SETTINGS
@given(document)
@example("NAVO-\nverdedigings-\nbegroting is")
@example("b\xad\fA")
@example(":\fA\xad\n\n begroting is")
@example("lucht- en\nraketverdediging")
@example("de defensie-\nindustrie. Het kabinet")
@example("Nederland zet de steun voort¹.\n\n¹ Kamerstuk 28 676, nr. 440.")
def test_every_word_survives_cleaning(text):
    ct = clean("eigenschap.txt", text, LEXICON)
    repaired = {w for r in ct.repairs for w in WORD.findall(r.before)}
    missing = lost_words(comparable(text), unmarked(shown_text(ct)), repaired)
    assert missing == [], f"lost words {missing} from {text!r}"
