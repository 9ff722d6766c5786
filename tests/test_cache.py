"""The parse cache: a cached run gives exactly what a cold run gives, and
parses only the letters whose input changed."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, seed
from generator.pipeline import build_corpus, build_site


def pages(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def same_as_cold(seeds: Path, cache: Path, work: Path) -> int:
    """Build with the cache and without; assert identical pages; return how many letters the cached run parsed."""
    shutil.rmtree(work / "cold", ignore_errors=True)
    shutil.rmtree(work / "warm", ignore_errors=True)
    cold, _ = build_site(seeds, work / "cold")
    warm, _ = build_site(seeds, work / "warm", cache)
    assert pages(work / "warm") == pages(work / "cold")
    assert [str(p) for p in warm.problems] == [str(p) for p in cold.problems]
    return warm.parsed


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_unchanged_run_parses_nothing_and_writes_the_same(seeds, tmp_path):
    cache = tmp_path / "cache"
    assert build_corpus(seeds, cache).parsed == 5
    assert same_as_cold(seeds, cache, tmp_path) == 0


def test_a_changed_letter_is_the_only_one_parsed_again(seeds, tmp_path):
    cache = tmp_path / "cache"
    build_corpus(seeds, cache)
    path = seeds / seed("001")
    text = path.read_text(encoding="utf-8")
    changed = text.replace("werksessies", "werkbijeenkomsten", 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    assert same_as_cold(seeds, cache, tmp_path) == 1


def _hyphenated_at_line_end(text: str, head: str, tail: str) -> str:
    """Put "head-" at the end of the first long body line and "tail" at the start of the next."""
    lines = text.split("\n")
    i = next(i for i, l in enumerate(lines) if len(l) > 60 and lines[i + 1][:1].islower() and i > 20)
    lines[i] = lines[i].rstrip() + f" {head}-"
    lines[i + 1] = f"{tail} {lines[i + 1]}"
    return "\n".join(lines)


def test_a_letter_whose_hyphen_depends_on_another_letter_follows_it(seeds, tmp_path):
    # How a word broken at a line end is joined depends on how the other
    # letters spell it: the entry must not outlive a change there.
    cache = tmp_path / "cache"
    letter = seeds / seed("003")
    letter.write_text(_hyphenated_at_line_end(letter.read_text(encoding="utf-8"), "kraan", "wagenpark"),
                      encoding="utf-8")
    other = seeds / "zz_notitie.txt"
    other.write_text("Notitie\n\nHet kraan-wagenpark, het kraan-wagenpark en nog eens het kraan-wagenpark.\n",
                     encoding="utf-8")

    def spelling() -> str:
        corpus = build_corpus(seeds, cache).corpus
        text = " ".join(b.text for l in corpus.letters if l.source == letter.name for s in l.sections for b in s.blocks)
        return "kraan-wagenpark" if "kraan-wagenpark" in text else "kraanwagenpark" if "kraanwagenpark" in text else "?"

    assert spelling() == "kraan-wagenpark"
    other.write_text("Notitie\n\nHet kraanwagenpark, het kraanwagenpark en nog eens het kraanwagenpark.\n",
                     encoding="utf-8")
    assert spelling() == "kraanwagenpark"
    assert same_as_cold(seeds, cache, tmp_path) == 0


def test_addresses_follow_a_removed_letter_as_in_a_cold_run(seeds, tmp_path):
    # Two letters with the same address base: the cached run settles them as a
    # cold run does, before and after one of them goes.
    cache = tmp_path / "cache"
    original = seeds / seed("000")
    (seeds / "zz_kopie.txt").write_text(original.read_text(encoding="utf-8").replace("werksessies", "sessies", 1)
                                        + "\nEen extra zin.\n", encoding="utf-8")

    def addresses(cache_dir):
        return {l.source: l.slug for l in build_corpus(seeds, cache_dir).corpus.letters}

    before = addresses(cache)
    assert before["zz_kopie.txt"] != before[original.name]
    assert addresses(cache) == before == addresses(None)
    original.unlink()
    same_as_cold(seeds, cache, tmp_path)
    assert addresses(cache) == addresses(None)


def test_a_cached_run_loads_no_word_list(seeds, tmp_path):
    cache = tmp_path / "cache"
    build_corpus(seeds, cache)
    code = ("import sys; from pathlib import Path; from generator.pipeline import build_corpus; "
            "from generator.lexicon import _wordlist; "
            f"r = build_corpus(Path({str(seeds)!r}), Path({str(cache)!r})); "
            "print(r.parsed, _wordlist.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "0"]


def test_a_damaged_entry_is_recomputed(seeds, tmp_path):
    cache = tmp_path / "cache"
    build_corpus(seeds, cache)
    with sqlite3.connect(cache / "entries.sqlite") as db:
        damaged = db.execute("UPDATE entries SET data = ? WHERE key LIKE 'parse:%'", (b"not a pickle",)).rowcount
    db.close()
    assert damaged == 5
    assert same_as_cold(seeds, cache, tmp_path) == 5


@pytest.mark.parametrize("damage", [b"not a database\n" * 200, b""])
def test_a_damaged_cache_file_is_replaced(seeds, tmp_path, damage):
    """Garbage where the entries file was (or an empty file): the letters are parsed again and
    stored in a new file, which the next run uses."""
    cache = tmp_path / "cache"
    build_corpus(seeds, cache)
    (cache / "entries.sqlite").write_bytes(damage)
    assert same_as_cold(seeds, cache, tmp_path) == 5
    assert build_corpus(seeds, cache).parsed == 0


def test_entries_are_written_in_one_file(seeds, tmp_path):
    """One file for all parses, word counts and link work, however many letters (creating files is slow on
    some disks); nothing of it is written before the run ends."""
    cache = tmp_path / "cache"
    build_corpus(seeds, cache)
    with sqlite3.connect(cache / "entries.sqlite") as db:
        kinds = sorted(db.execute("SELECT substr(key, 1, instr(key, ':') - 1), count(*) FROM entries GROUP BY 1"))
    db.close()
    assert kinds == [("link", 5), ("parse", 5), ("words", 5)]
    # Two letters leave the same files as five.
    few = tmp_path / "few"
    few.mkdir()
    for path in sorted(seeds.iterdir())[:2]:
        shutil.copy2(path, few / path.name)
    build_corpus(few, tmp_path / "cache-few")
    files = lambda folder: sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files(tmp_path / "cache-few") == files(cache)


def test_a_run_with_nothing_changed_renders_nothing_but_repairs_what_was_touched(seeds, tmp_path):
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    build_site(seeds, docs, cache)
    snapshot = pages(docs)
    _, report = build_site(seeds, docs, cache)
    assert report.written == () and report.unchanged == len(snapshot) - 1  # the manifest is no page
    # A generated page deleted or edited by hand is written again.
    letter = next(p for p in snapshot if p.startswith("brieven/") and p.count("/") == 1 and p != "brieven/index.md")
    (docs / letter).unlink()
    (docs / "index.md").write_text("met de hand bewerkt", encoding="utf-8")
    _, report = build_site(seeds, docs, cache)
    assert sorted(report.written) == sorted([letter, "index.md"])
    assert pages(docs) == snapshot


def test_word_lists_read_in_a_forked_process_are_the_lists(tmp_path, monkeypatch):
    """A cold cache: a forked process reads the word lists into the cache folder while the letters are
    read (cache.preload_wordlists); this process then loads what it kept, the same words."""
    import functools
    from generator import cache, lexicon

    import multiprocessing
    from generator import pool
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork: the lists are read in this process")
    # As on a machine with two cores and no threads running (earlier tests in this process may have left
    # an idle thread, which makes the generator read the lists itself).
    monkeypatch.setattr(pool, "workers", lambda: 2)
    # A fresh memo of the JSON lists: as in a new process, which has not read them yet.
    monkeypatch.setattr(cache, "_wordlist", functools.lru_cache(maxsize=None)(lexicon._wordlist.__wrapped__))
    folder = tmp_path / "cache"
    cache.preload_wordlists(folder)
    assert str(folder) in cache._PRELOADING
    for language in cache.LANGUAGES:
        assert cache._cached_wordlist(str(folder), language) == lexicon._wordlist(language)
        assert cache._wordlist_path(str(folder), language).exists()
    assert str(folder) not in cache._PRELOADING  # waited for
    assert cache._wordlist.cache_info().currsize == 0  # read by the child, not here


def test_a_change_beside_the_text_is_parsed_again(tmp_path):
    # A Word letter whose later pages' header changes, nothing else: the text is the same, but the
    # header lines (set aside as furniture, shown on the letter page) are not: the cached parse must go.
    sys.path.insert(0, str(ROOT / "tests"))
    import office_docs as od
    seeds, cache, out = tmp_path / "seeds", tmp_path / "cache", tmp_path / "out"
    seeds.mkdir()
    text = (SEEDS / seed("000")).read_text(encoding="utf-8")
    for header in ("Pagina-kop van de eerste versie", "Pagina-kop van de tweede versie"):
        (seeds / "brief.docx").write_bytes(od.docx(od.body_from_text(text), first_header=od.para(od.run("Ministerie van Defensie")),
                                                    header=od.para(od.run(header))))
        assert same_as_cold(seeds, cache, out) == 1
        shown = "".join(p.read_text(encoding="utf-8") for p in (out / "warm" / "brieven").glob("*.md"))
        assert header in shown


def _topic_work(monkeypatch) -> list[str]:
    """The letters whose documents' topics are worked out (link.document_topics), by file, from now on."""
    from generator import link as link_module

    done: list[str] = []
    real = link_module.document_topics
    monkeypatch.setattr(link_module, "document_topics", lambda doc, *a: done.append(doc.source) or real(doc, *a))
    return done


@pytest.mark.parametrize("process", ["new", "same"])
def test_link_work_is_done_again_only_for_what_changed(seeds, tmp_path, monkeypatch, process):
    # Each letter's topics and cited places are kept between runs (Cache.link_work), on disk and,
    # in a long-lived process (make serve), in memory; every input they read is in their key.
    from generator import cache as cache_module, topics

    cache = tmp_path / "cache"
    calls = _topic_work(monkeypatch)
    last = build_corpus(seeds, cache).corpus

    def run() -> tuple[set[str], set[str], object]:
        """(letters worked on, letters new in this run, the corpus), which equals a cold run's; by file."""
        nonlocal last
        if process == "new":
            monkeypatch.setattr(cache_module, "_WORK", {})  # as a new process: from disk only
        calls.clear()
        warm = build_corpus(seeds, cache).corpus
        worked = set(calls)
        assert warm == build_corpus(seeds).corpus
        # A letter from the parse cache is the object the last run had (unless readdressed since).
        new = {l.source for l in warm.letters if not any(l is k for k in last.letters)}
        last = warm
        return worked, new, warm

    # A word in one letter: only its documents.
    edit = seeds / seed("001")
    edit.write_text(edit.read_text(encoding="utf-8").replace("werksessies", "werkbijeenkomsten", 1), encoding="utf-8")
    done, new, corpus = run()
    assert done == new == {edit.name}
    # Its meeting's date: its passages are about another meeting.
    text = edit.read_text(encoding="utf-8")
    assert "(DMM) op 13 februari" in text
    edit.write_text(text.replace("(DMM) op 13 februari", "(DMM) op 14 februari"), encoding="utf-8")
    done, new, corpus = run()
    assert done == new == {edit.name}
    assert any(p.meeting == "2025-02-14-dmm" for t in corpus.topics for p in t.passages)
    # A letter whose address moves (settle_addresses) while its parse stays: its documents, under the new one.
    original = seeds / seed("000")
    copy = seeds / "zz_kopie.txt"
    copy.write_text(original.read_text(encoding="utf-8").replace("werksessies", "sessies", 1) + "\nEen extra zin.\n",
                    encoding="utf-8")
    done, new, corpus = run()
    assert copy.name in new and done == new
    before = next(l for l in corpus.letters if l.source == copy.name)
    original.unlink()
    done, new, corpus = run()
    after = next(l for l in corpus.letters if l.source == copy.name)
    assert after.slug != before.slug and after.sections is before.sections  # not parsed again
    assert copy.name in new and done == new
    # The taxonomy (topics.yaml) edited: every document, as linked from nothing.
    taxonomy = tmp_path / "topics.yaml"
    taxonomy.write_text(topics.TOPICS_FILE.read_text(encoding="utf-8").replace("\nmin_hits: 2", "\nmin_hits: 1", 1),
                        encoding="utf-8")
    monkeypatch.setattr(topics, "TOPICS_FILE", taxonomy)
    # (A letter changed too: with the same letters, Cache.link keeps the whole link result, keyed by the code.)
    edit.write_text(edit.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    done, new, corpus = run()
    assert done == {l.source for l in corpus.letters} != new
