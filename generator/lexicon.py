"""Word evidence for the cleaner: maintained word lists plus the corpus itself.

Dutch and English lists come from pyspellchecker; the corpus counts tell how
the letters themselves spell a word ("defensie-industrie" vs "defensieindustrie").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

# A word: letters, optionally joined by hyphens or apostrophes ("NAVO-top", "F-35's").
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def fold(text: str) -> str:
    """Lower case without diacritics: the key for loose comparison."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def _fold_char(c: str) -> str:
    base = fold(c)
    # One character in, one out: match offsets stay valid in the original text.
    if len(base) == 1:
        return base
    low = c.lower()
    return low if len(low) == 1 else c


def fold_aligned(text: str) -> str:
    """fold() character by character, keeping every offset ("Oekraïne" -> "oekraine")."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=None)
def _wordlist(language: str) -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language=language, distance=1).word_frequency.dictionary)


@dataclass(frozen=True)
class Lexicon:
    dutch: frozenset[str]
    english: frozenset[str]
    corpus: Counter = field(default_factory=Counter)  # lower-cased word -> count
    # Per-word results of the cleaner's OCR check: letters repeat their words.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def known(self, word: str) -> bool:
        w = word.casefold()
        return w in self.dutch or w in self.english

    def in_corpus(self, word: str) -> int:
        return self.corpus.get(word.casefold(), 0)


def corpus_counts(texts: Iterable[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(m.group(0).casefold() for m in WORD_RE.finditer(text))
    return counts


def load_lexicon(texts: Iterable[str] = ()) -> Lexicon:
    return Lexicon(_wordlist("nl"), _wordlist("en"), corpus_counts(texts))
