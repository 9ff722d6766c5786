"""Shared fixtures: the real seeds, read and cleaned once per test session."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.clean import clean
from generator.lexicon import load_lexicon
from generator.read import read_seeds

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="session")
def sources():
    found, problems = read_seeds(SEEDS)
    assert not problems
    return {s.name: s for s in found}


@pytest.fixture(scope="session")
def lexicon(sources):
    return load_lexicon(s.text for s in sources.values())


@pytest.fixture(scope="session")
def cleaned(sources, lexicon):
    return {name: clean(name, s.text, lexicon) for name, s in sources.items()}


def seed(prefix: str) -> str:
    """The seed file whose name starts with `prefix` ("000"...)."""
    return next(n for n in SEED_NAMES if n.startswith(prefix))


LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-[ \t]*\n[ \t\f]*([^\W\d_]+)")
WORD = re.compile(r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+")  # superscript digits are markers, not words


def source_words(text: str) -> tuple[Counter, list[tuple[str, str, str]]]:
    """Words of a source text after undoing line-end hyphenation.

    A word split at a line end counts as one word, found either joined
    ("verdedigingsplannen") or with its hyphen kept ("defensie-industrie").
    Returns the plain word counts and the split words as (joined, left, right).
    """
    splits = [(m.group(1) + m.group(2), m.group(1), m.group(2)) for m in LINE_END_HYPHEN.finditer(text)]
    rest = LINE_END_HYPHEN.sub(" ", text)
    return Counter(WORD.findall(rest)), splits


def missing_words(source_text: str, shown_text: str, repaired: set[str]) -> list[str]:
    """Words of the source that the shown text lacks (repaired words excepted)."""
    counts, splits = source_words(source_text)
    shown = Counter(WORD.findall(shown_text))
    missing = [w for w, n in counts.items() if shown[w] < n and w not in repaired]
    for joined, left, right in splits:
        if joined in repaired or left in repaired:
            continue
        if not shown[joined] and not (shown[left] and shown[right]):
            missing.append(f"{left}-/{right}")
    return missing


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real seeds built into a site once per session: (project root, generator run, mkdocs run)."""
    from sitebuild import build

    root, gen, site = build(tmp_path_factory.mktemp("site"), SEEDS)
    assert gen.returncode == 0, gen.stderr
    assert site.returncode == 0, site.stderr
    return root


@pytest.fixture(scope="session")
def seed_corpus():
    """The seeds, read, parsed and linked once per session."""
    from generator.pipeline import build_corpus

    return build_corpus(SEEDS).corpus


@pytest.fixture(scope="session")
def seed_pages(seed_corpus):
    """The Markdown pages the seeds give, by path."""
    from generator.render import render

    return {p.path: p.content for p in render(seed_corpus, []) if isinstance(p.content, str)}


def parsed_letter(folder: Path, text: str):
    """The letter one made-up text gives, read, cleaned and parsed as the build does (in `folder`)."""
    from generator.pool import clean_and_parse

    (folder / "brief.txt").write_text(text, encoding="utf-8")
    sources, _ = read_seeds(folder)
    return clean_and_parse(sources[0], load_lexicon([text]))
