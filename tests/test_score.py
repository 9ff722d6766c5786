"""The score: truth files against what the pipeline reads."""
from __future__ import annotations

from pathlib import Path

from generator.score import FIELDS, score

ROOT = Path(__file__).resolve().parent.parent
GENRE = ROOT / "tests" / "fixtures" / "genre"

LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2021

Op 17 en 18 februari jl. kwamen de NAVO-ministers van Defensie (DMM) bijeen in Brussel. In deze brief
informeer ik uw Kamer over de uitkomsten van deze bijeenkomst.

De minister van Defensie,
A.B. Voorbeeld
"""

TRUTH = """truth:
  kind: verslag
  letter_date: 2021-03-03
  addressee: {addressee}
  signer: A.B. Voorbeeld
  kamerstuk: null
  meeting: {meeting}
  references: []
"""
MEETING = "{type: dmm, informal: false, start: 2021-02-17, end: 2021-02-18, place: Brussel}"


def test_right_and_wrong_values_are_counted_and_misses_listed(tmp_path):
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "brief.yaml").write_text(TRUTH.format(addressee="Eerste Kamer", meeting=MEETING), encoding="utf-8")
    result = score(tmp_path)
    assert result.letters == 1
    assert result.overall == (len(FIELDS) - 1, len(FIELDS))
    [miss] = result.misses
    assert (miss.source, miss.field, miss.expected, miss.got) == ("brief.txt", "addressee", "Eerste Kamer", "Tweede Kamer")
    assert "addressee: verwacht Eerste Kamer, gelezen Tweede Kamer" in result.table()


def test_a_negative_control_is_right_only_without_a_meeting(tmp_path):
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "brief.yaml").write_text(TRUTH.format(addressee="Tweede Kamer", meeting="null"), encoding="utf-8")
    result = score(tmp_path)
    assert {m.field for m in result.misses} == {"meeting.type", "meeting.start", "meeting.end", "meeting.place"}


def test_truth_in_another_folder_and_a_missing_letter(tmp_path):
    letters, truth = tmp_path / "brieven", tmp_path / "waarheid"
    letters.mkdir(), truth.mkdir()
    (letters / "brief.txt").write_text(LETTER, encoding="utf-8")
    (truth / "brief.yaml").write_text(TRUTH.format(addressee="Tweede Kamer", meeting=MEETING), encoding="utf-8")
    (truth / "weg.yaml").write_text(TRUTH.format(addressee="Tweede Kamer", meeting=MEETING), encoding="utf-8")
    result = score(letters, truth)
    assert result.letters == 2
    assert {m.source for m in result.misses} == {"weg.txt"}


def test_the_seeds_score_full_marks():
    result = score(ROOT / "seeds", ROOT / "tests" / "fixtures" / "seeds-truth")
    assert result.letters == 5
    assert result.misses == [], result.table()


# The figure reached on the development corpus; raise it as the reader improves.
GENRE_THRESHOLD = 0.99


# The held-out corpus is never tuned on (tests/fixtures/genre-holdout/README.md): this floor is
# what the rules reached on it without seeing it.
HOLDOUT_THRESHOLD = 0.94


def test_the_held_out_corpus_scores_at_least_its_floor():
    result = score(ROOT / "tests" / "fixtures" / "genre-holdout")
    right, total = result.overall
    assert result.letters >= 30
    assert right / total >= HOLDOUT_THRESHOLD, result.table()


def test_the_development_corpus_scores_at_least_the_threshold():
    result = score(GENRE)
    right, total = result.overall
    assert result.letters >= 30
    assert right / total >= GENRE_THRESHOLD, result.table()


def test_score_command_prints_the_table():
    from click.testing import CliRunner

    from generator.cli import main
    out = CliRunner().invoke(main, ["score", str(ROOT / "seeds"), "--truth", str(ROOT / "tests/fixtures/seeds-truth")])
    assert out.exit_code == 0, out.output
    assert "totaal            50    50  100.0%" in out.output
