"""Made-up letters in shapes the seeds do not show: a printed, co-signed Kamerstuk
(verslag of a NAVO-top), an EU Defence Council agenda, a foreign ministers' letter."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "unseen"


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(FIXTURES).corpus


def letter(corpus, source):
    return next(l for l in corpus.letters if l.source == source)


def test_printed_cosigned_kamerstuk(corpus):
    l = letter(corpus, "kst-navo-top.txt")
    assert (l.kind, str(l.letter_date), l.addressee) == ("verslag", "2025-07-04", "Tweede Kamer")
    assert (l.minister_signed, l.minister) == ("R.P. Brekelmans", "brekelmans")  # the Defence signer
    assert l.kamerstuk.key == "28676-512"
    assert [(m.type, str(m.start), str(m.end), m.location) for m in l.meetings] == [
        ("navo-top", "2025-06-24", "2025-06-25", "Den Haag")]
    assert [s.heading for s in l.sections] == [None, "Defensie-uitgaven", "Oekraïne", "Defensie-industrie"]
    assert l.attachments == ()  # the second signature and the page footer are no appended document
    text = " ".join(b.text for s in l.sections for b in s.blocks)
    assert "minister-president" in text and "trans-Atlantische" in text
    assert "ISSN" not in text and "vergaderjaar" not in text  # running footers are furniture
    assert [c.key for c in l.citations] == ["28676-505", "21501-20-2250"]
    assert [n.text for n in l.footnotes] == ["Kamerstuk 21 501-20, nr. 2250"]


def test_eu_defence_council_agenda(corpus):
    l = letter(corpus, "rbz-agenda.txt")
    assert (l.kind, l.minister_signed, l.minister) == ("geannoteerde agenda", "G.P. Tuinman", "tuinman")
    assert [(m.type, str(m.start), m.location) for m in l.meetings] == [("rbz-defensie", "2025-11-20", "Brussel")]


def test_foreign_ministers_letter_without_date(corpus):
    l = letter(corpus, "fmm-agenda.txt")
    assert l.letter_date is None and l.kind == "geannoteerde agenda"
    assert [(m.type, str(m.start), str(m.end)) for m in l.meetings] == [("fmm", "2025-12-03", "2025-12-04")]
    assert any("briefdatum" in p.message for p in l.problems)
