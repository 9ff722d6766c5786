"""Word evidence for the cleaner: maintained word lists plus the corpus itself.

Dutch and English lists come from pyspellchecker; the corpus counts tell how
the letters themselves spell a word ("defensie-industrie" vs "defensieindustrie").
"""
from __future__ import annotations

import gzip
import json
import pkgutil
import re
import unicodedata
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterable, Iterator

# A word: letters, optionally joined by hyphens or apostrophes ("NAVO-top", "F-35's").
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


# Runs of characters outside ASCII: the only part of a text fold() has work to do on.
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
NON_ASCII_SPLIT = re.compile(r"([^\x00-\x7f]+)")  # split() keeps the runs, at the odd places


def fold(text: str) -> str:
    """Lower case without diacritics: the key for loose comparison.

    The same as dropping the combining marks from NFKD(casefold(text)); done
    run by run, since ASCII is its own decomposition and the marks NFKD may
    reorder are all dropped, and letters repeat the same few runs ("ë", "’").
    """
    if text.isascii():
        return text.lower()
    return NON_ASCII.sub(_fold_run, text.casefold())


def _fold_run(m: re.Match) -> str:
    return _strip_marks(m.group(0))


@lru_cache(maxsize=4096)
def _strip_marks(folded: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


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
    # ASCII stretches lower-cased whole, the runs between them character by character.
    parts = NON_ASCII_SPLIT.split(text)
    parts[::2] = [p.lower() for p in parts[::2]]
    parts[1::2] = ["".join(map(_fold_char, p)) for p in parts[1::2]]
    return "".join(parts)


@lru_cache(maxsize=None)
def _wordlist(language: str) -> frozenset[str]:
    """pyspellchecker's words: the lower-cased keys of its frequency list, as SpellChecker() holds
    them.  Read from its data file directly: SpellChecker() also builds two dicts of the counts,
    which we never use (a third of the cost; tests/test_speed_equivalence.py checks the words are the same)."""
    data = pkgutil.get_data("spellchecker", f"resources/{language}.json.gz")
    return frozenset(map(str.lower, json.loads(gzip.decompress(data))))


class Lexicon:
    """Word lists and corpus counts, each computed only when first asked for.

    A run whose letters all come from the parse cache never needs them: the
    Dutch and English lists (about a second to load) are loaded at most once
    per process, and only when a letter is cleaned.  `record()` notes every
    corpus count the cleaner asks for, so the cache can tell later whether a
    changed corpus would change that letter.
    """

    def __init__(self, dutch: frozenset[str] | None = None, english: frozenset[str] | None = None,
                 corpus: Counter | None = None, texts: Iterable[str] | None = None,
                 wordlist: Callable[[str], frozenset[str]] | None = None,
                 counts: Callable[[], Counter] | None = None):
        self._dutch, self._english, self._corpus = dutch, english, corpus
        self._texts = texts
        self._wordlist = wordlist or _wordlist  # the parse cache keeps the lists in a faster form
        self._counts = counts  # the parse cache counts only what changed
        # Per-word results of the cleaner's OCR check: letters repeat their words.
        self.memo: dict = {}
        self.sound: set[str] = set()  # the words memo holds as needing no repair
        self._asked: dict[str, int] | None = None

    @property
    def dutch(self) -> frozenset[str]:
        if self._dutch is None:
            self._dutch = self._wordlist("nl")
        return self._dutch

    @property
    def english(self) -> frozenset[str]:
        if self._english is None:
            self._english = self._wordlist("en")
        return self._english

    @property
    def corpus(self) -> Counter:
        """Lower-cased word -> count over every letter."""
        if self._corpus is None:
            self._corpus = self._counts() if self._counts else corpus_counts(self._texts or ())
            self._texts = None
        return self._corpus

    def known(self, word: str) -> bool:
        w = word.casefold()
        return w in self.dutch or w in self.english

    def in_corpus(self, word: str) -> int:
        key = word.casefold()
        n = self.corpus.get(key, 0)
        if self._asked is not None:
            self._asked[key] = n
        return n

    @contextmanager
    def record(self) -> Iterator[dict[str, int]]:
        """Collect {word: count} of every in_corpus() question asked inside the block."""
        previous, self._asked = self._asked, {}
        try:
            yield self._asked
        finally:
            self._asked = previous


def corpus_counts(texts: Iterable[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(map(str.casefold, WORD_RE.findall(text)))  # WORD_RE has no groups: whole matches
    return counts


def load_lexicon(texts: Iterable[str] = ()) -> Lexicon:
    """A lexicon over `texts`; nothing is loaded or counted until it is used."""
    return Lexicon(texts=list(texts))
