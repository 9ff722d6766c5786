"""Checks shared by the tests of readers that turn a development-corpus letter into another format
(saved web pages: test_html_reader.py; Word and OpenDocument: test_office_reader.py): the converted
letter must read as its text save does."""
from __future__ import annotations

import html as htmllib
import re
import shutil
from pathlib import Path

import yaml

from generator.pipeline import build_corpus
from generator.score import Score, compare, expected_values, read_values

GENRE = Path(__file__).resolve().parent / "fixtures" / "genre"


def letter_of(result, name: str):
    return next((l for l in result.corpus.letters if l.source == name), None)


def words(text: str) -> set[str]:
    # A footnote marker glued to its word in a text save ("defensie-uitgaven1, deze ...", as
    # officielebekendmakingen prints it) is a note on the page: the word and the number count apart.
    text = re.sub(r"(?<=[a-z])(?=\d{1,2}\b)", " ", htmllib.unescape(text.replace("\\", "")))
    return set(re.findall(r"\w+", text))


def assert_reads_its_truth(name: str, letter, suffix: str = "") -> None:
    """Every field of the development-corpus letter `name`'s truth file read right from `letter`."""
    truth = yaml.safe_load((GENRE / f"{name}.yaml").read_text(encoding="utf-8"))["truth"]
    score = Score()
    compare(f"{name}{suffix}", expected_values(truth), read_values(letter), score)
    assert not score.misses, score.table()


def score_against_truth(result, names: list[str], suffix: str) -> Score:
    """The converted letters `name + suffix` in `result` scored against their .txt's truth files."""
    score = Score()
    for name in names:
        truth = yaml.safe_load((GENRE / f"{name}.yaml").read_text(encoding="utf-8"))["truth"]
        compare(f"{name}{suffix}", expected_values(truth), read_values(letter_of(result, f"{name}{suffix}")), score)
    return score


def differences_from_text(result, names: list[str], suffix: str, work: Path) -> dict:
    """Per letter, the values (truth fields, title, subject, dossiers) its converted file `name + suffix`
    in `result` reads otherwise than its .txt does: {name: {field: (text's, converted's)}}."""
    for name in names:
        shutil.copy(GENRE / f"{name}.txt", work / f"{name}.txt")
    texts = build_corpus(work)
    differ = {}
    for name in names:
        doc, text = letter_of(result, f"{name}{suffix}"), letter_of(texts, f"{name}.txt")
        got = {**read_values(doc), "title": doc.title, "subject": doc.subject, "dossiers": doc.dossiers}
        want = {**read_values(text), "title": text.title, "subject": text.subject, "dossiers": text.dossiers}
        if got != want:
            differ[name] = {k: (want[k], got[k]) for k in want if want[k] != got[k]}
    return differ
