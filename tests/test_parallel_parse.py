"""Letters parsed in worker processes give exactly the corpus, problems and cache one by one gives."""
from __future__ import annotations

import multiprocessing
import pickle
import sqlite3
from pathlib import Path

import pytest

from conftest import ROOT
from pools import breaking_at
from generator import pool
from generator.cli import export_data
from generator.pipeline import build_corpus

GENRE = ROOT / "tests" / "fixtures" / "genre"

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


def serial(monkeypatch) -> None:
    monkeypatch.setattr(pool, "MIN_PARALLEL", 10**9)


def parallel(monkeypatch) -> None:
    # Two workers even on one core, and the fixtures are fewer letters than the real threshold.
    monkeypatch.setattr(pool, "MIN_PARALLEL", 2)
    monkeypatch.setattr(pool, "workers", lambda: 2)


def entries(cache: Path, kind: str = "parse") -> dict[str, dict]:
    with sqlite3.connect(cache / "entries.sqlite") as db:
        rows = db.execute("SELECT key, data FROM entries WHERE key LIKE ? ORDER BY key", (f"{kind}:%",)).fetchall()
    db.close()
    return {key: pickle.loads(data) for key, data in rows}


@needs_fork
def test_parallel_parse_gives_the_serial_corpus(monkeypatch):
    serial(monkeypatch)
    one_by_one = build_corpus(GENRE)
    parallel(monkeypatch)
    spread = build_corpus(GENRE)
    assert spread.parsed == one_by_one.parsed == len(one_by_one.sources) > 40
    assert export_data(spread) == export_data(one_by_one)
    assert spread.corpus.letters == one_by_one.corpus.letters
    assert [str(p) for p in spread.problems] == [str(p) for p in one_by_one.problems]


@needs_fork
def test_parallel_parse_stores_the_cache_entries_a_serial_parse_stores(monkeypatch, tmp_path):
    serial(monkeypatch)
    one_by_one = build_corpus(GENRE, tmp_path / "serial")
    parallel(monkeypatch)
    spread = build_corpus(GENRE, tmp_path / "parallel")
    assert spread.parsed == one_by_one.parsed == len(spread.sources)
    assert entries(tmp_path / "parallel") == entries(tmp_path / "serial")
    # The entries the workers made are used by the next run: nothing parsed, the same corpus.
    again = build_corpus(GENRE, tmp_path / "parallel")
    assert again.parsed == 0
    assert export_data(again) == export_data(spread)


@needs_fork
def test_only_the_letters_the_cache_misses_go_to_the_workers(monkeypatch, tmp_path):
    parallel(monkeypatch)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    letters = sorted(GENRE.glob("*.txt"))
    for path in letters[:20]:
        (seeds / path.name).write_bytes(path.read_bytes())
    build_corpus(seeds, tmp_path / "cache")
    for path in letters[20:]:
        (seeds / path.name).write_bytes(path.read_bytes())
    sent: list[int] = []
    real = pool.parse_entries
    monkeypatch.setattr("generator.pipeline.parse_entries", lambda s, lex, after: sent.append(len(s)) or real(s, lex, after))
    mixed = build_corpus(seeds, tmp_path / "cache")
    assert sent == [len(letters) - 20] and mixed.parsed == len(letters) - 20
    serial(monkeypatch)
    assert export_data(mixed) == export_data(build_corpus(seeds))


def test_a_small_batch_is_parsed_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("no worker processes for a handful of letters")

    monkeypatch.setattr(pool, "ProcessPoolExecutor", no_pool)
    assert build_corpus(ROOT / "seeds").parsed == 5


def test_a_process_running_threads_does_not_fork(monkeypatch):
    # make serve runs the generator beside its server threads; a fork would copy their locks.
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert pool.workers() == 1
    finally:
        stop.set()
        thread.join()


def test_without_a_process_pool_the_letters_are_parsed_here(monkeypatch):
    def unavailable(*args, **kwargs):
        raise OSError("no semaphores in this sandbox")

    serial(monkeypatch)
    one_by_one = build_corpus(GENRE)
    parallel(monkeypatch)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", unavailable)
    assert export_data(build_corpus(GENRE)) == export_data(one_by_one)


def test_a_pool_that_breaks_half_way_leaves_the_rest_to_this_process(monkeypatch, tmp_path):
    HalfPool = breaking_at(5)  # the sixth letter's worker is killed
    serial(monkeypatch)
    one_by_one = build_corpus(GENRE, tmp_path / "serial")
    parallel(monkeypatch)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", HalfPool)
    broken = build_corpus(GENRE, tmp_path / "broken")
    assert broken.parsed == one_by_one.parsed
    assert export_data(broken) == export_data(one_by_one)
    assert entries(tmp_path / "broken") == entries(tmp_path / "serial")


def _trip_on(name: str, monkeypatch) -> None:
    """A cleaner with a bug that one letter triggers (the real cleaner raising, by its own code path)."""
    real = pool.clean_and_parse

    def clean_and_parse(source, lexicon):
        if source.name == name:
            raise IndexError("list index out of range")
        return real(source, lexicon)

    monkeypatch.setattr(pool, "clean_and_parse", clean_and_parse)


@pytest.mark.parametrize("mode", ["serial", pytest.param("parallel", marks=needs_fork)])
def test_a_letter_that_trips_a_bug_is_reported_by_name_and_the_rest_is_built(monkeypatch, tmp_path, mode):
    serial(monkeypatch) if mode == "serial" else parallel(monkeypatch)
    whole = build_corpus(GENRE)
    victim = sorted(p.name for p in GENRE.glob("*.txt"))[3]
    _trip_on(victim, monkeypatch)
    result = build_corpus(GENRE, tmp_path / "cache")
    errors = [p for p in result.problems if p.source == victim and p.level == "error"]
    assert len(errors) == 1 and "fout in de generator" in errors[0].message and "IndexError" in errors[0].message
    assert len(result.corpus.letters) == len(whole.corpus.letters) - 1
    assert victim not in {letter.source for letter in result.corpus.letters}
    # The failure is not cached: the next run tries that letter again and reports it again.
    again = build_corpus(GENRE, tmp_path / "cache")
    assert again.parsed == 1
    assert [str(p) for p in again.problems] == [str(p) for p in result.problems]
    assert len(entries(tmp_path / "cache")) == len(whole.corpus.letters) - 1


@needs_fork
def test_word_counts_are_stored_while_the_workers_parse(monkeypatch, tmp_path):
    """The corpus counts come first (every letter's cleaning reads them); the files of the counts per
    letter are written once the workers run, not before they start."""
    from generator.cache import Cache

    parallel(monkeypatch)
    calls: list[tuple[int, int]] = []  # (counts waiting to be stored, letters parsed so far)
    real = Cache.store_words

    def spy(self):
        calls.append((len(self._unsaved_words), self.misses))
        return real(self)

    monkeypatch.setattr(Cache, "store_words", spy)
    result = build_corpus(GENRE, tmp_path / "cache")
    stored = [(waiting, parsed) for waiting, parsed in calls if waiting]
    assert stored == [(len(result.sources), 2)]  # all at once, with the second letter: the first from a worker
    assert len(entries(tmp_path / "cache", "words")) == len(result.sources)
    # The next run finds every letter in the cache.
    assert build_corpus(GENRE, tmp_path / "cache").parsed == 0


def memo_tables(cache: Path) -> dict[str, dict]:
    return {p.name: pickle.loads(p.read_bytes())["table"] for p in sorted((cache / "memo").glob("*.pickle"))}


@needs_fork
def test_the_workers_find_the_topics_and_the_cache_keeps_what_they_found(monkeypatch, tmp_path):
    """Each letter's topics are found by the worker that parsed it, not again in this process; the
    memo results they computed reach the cache as if found here, so the next run with one letter
    changed finds the others' topics in the cache."""
    from generator import link as link_module

    serial(monkeypatch)
    one_by_one = build_corpus(GENRE, tmp_path / "serial")
    parallel(monkeypatch)
    here: list[str] = []  # documents whose topics this process computed (a worker's calls stay in the worker)
    real = link_module.document_topics
    monkeypatch.setattr(link_module, "document_topics", lambda doc, *a: here.append(doc.slug) or real(doc, *a))
    spread = build_corpus(GENRE, tmp_path / "parallel")
    assert export_data(spread) == export_data(one_by_one)
    letters = len(spread.corpus.letters)
    assert 0 < len(here) < letters / 4, here  # the first letter (it loads the taxonomy before the fork) and few more
    assert memo_tables(tmp_path / "parallel") == memo_tables(tmp_path / "serial") != {}
    # One letter changed: only its documents' paragraphs are new to the memo tables.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(GENRE.iterdir()):
        (seeds / path.name).write_bytes(path.read_bytes())
    build_corpus(seeds, tmp_path / "parallel")
    before = memo_tables(tmp_path / "parallel")
    first = sorted(seeds.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nEen nieuwe zin over de steun aan Oekraïne.\n",
                     encoding="utf-8")
    assert build_corpus(seeds, tmp_path / "parallel").parsed == 1
    after = memo_tables(tmp_path / "parallel")
    new = {name: after[name].keys() - before.get(name, {}).keys() for name in after}
    assert sum(map(len, new.values())) <= 3, new  # without the workers' results: hundreds
