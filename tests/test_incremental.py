"""Incremental rendering (generator/incremental.py): after each kind of edit,
the pages a cached run leaves in docs/ are byte-identical to a build from
scratch of the same seeds, and only pages whose content changed are written."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
import sys
from pathlib import Path

import pytest

from bench.corpus import letter, seed_texts, shift_dates
from conftest import ROOT, SEEDS, seed
from generator.incremental import Digests, Incremental, Recording, _Log
from generator.pipeline import build_site
from generator.render import Site, render


def pages(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    build_site(seeds, docs, cache)
    return seeds, docs, cache


def incremental_equals_full(seeds: Path, docs: Path, cache: Path, tmp_path: Path) -> tuple[dict, dict, object]:
    """Rebuild with the cache, then from scratch; assert the same files; (before, after, write report)."""
    before = pages(docs)
    _, report = build_site(seeds, docs, cache)
    after = pages(docs)
    full = tmp_path / "full"
    shutil.rmtree(full, ignore_errors=True)
    build_site(seeds, full)
    assert after.keys() == pages(full).keys()
    assert [p for p in after if after[p] != pages(full)[p]] == []
    # Written: exactly the pages whose bytes changed; removed: exactly the pages gone.
    changed = {p for p in after if before.get(p) != after[p]} - {".generated.json"}
    assert set(report.written) == changed
    assert set(report.removed) == before.keys() - after.keys()
    return before, after, report


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_sentence_renders_and_writes_only_what_shows_it(project, tmp_path):
    seeds, docs, cache = project
    edit(seeds / seed("001"), "werksessies", "werkbijeenkomsten")
    before, after, report = incremental_equals_full(seeds, docs, cache, tmp_path)
    assert 0 < len(report.written) < 10
    assert all("werkbijeenkomsten" in after[p].decode("utf-8", "replace") for p in report.written)
    assert report.unchanged > 50


def test_a_moved_date_changes_meeting_topic_index_home_and_feed_pages(project, tmp_path):
    seeds, docs, cache = project
    path = seeds / seed("001")
    path.write_text(shift_dates(path.read_text(encoding="utf-8"), -400), encoding="utf-8")
    before, after, report = incremental_equals_full(seeds, docs, cache, tmp_path)
    written = set(report.written)
    assert "index.md" in written and "feed.xml" in written
    assert any(p.startswith("vergaderingen/jaar/") for p in written)
    assert any(p.startswith("onderwerpen/") for p in written)
    assert any(p.startswith("vergaderingen/") for p in report.removed)  # the old meeting's page


def test_an_added_and_a_deleted_letter(project, tmp_path):
    seeds, docs, cache = project
    name, text = letter(6, seed_texts())  # a copy of a seed, dates and numbers moved: a new letter
    (seeds / name).write_text(text, encoding="utf-8")
    _, _, report = incremental_equals_full(seeds, docs, cache, tmp_path)
    assert any(p.startswith("brieven/") for p in report.written)
    (seeds / seed("003")).unlink()
    _, _, report = incremental_equals_full(seeds, docs, cache, tmp_path)
    assert any(p.startswith("brieven/") for p in report.removed)


def test_a_page_changed_on_disk_is_rendered_again(project, tmp_path):
    seeds, docs, cache = project
    target = docs / "index.md"
    target.write_text("met de hand bewerkt\n", encoding="utf-8")
    incremental_equals_full(seeds, docs, cache, tmp_path)
    (docs / "woordenlijst.md").unlink()
    incremental_equals_full(seeds, docs, cache, tmp_path)


def test_a_changed_data_file_renders_the_pages_it_touches(tmp_path):
    """The generator copied with one topic's title changed: the incremental run matches a clean one."""
    package = tmp_path / "code" / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "code"))
    work = tmp_path / "work"
    shutil.copytree(SEEDS, work / "seeds")
    shutil.copy2(ROOT / "mkdocs.yml", work / "mkdocs.yml")

    def build(docs: str, *extra: str) -> None:
        done = subprocess.run([sys.executable, "-m", "generator", "build", "--quiet", "--keep-going", "--seeds",
                               "seeds", "--docs", docs, *extra], cwd=work, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]

    build("docs", "--cache", "cache")
    topics = package / "data" / "topics.yaml"
    text = topics.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    topics.write_text(text.replace(old, old.rstrip() + " en meer", 1), encoding="utf-8")
    before = pages(work / "docs")
    build("docs", "--cache", "cache")
    build("full", "--no-cache")
    after = pages(work / "docs")
    assert after == pages(work / "full")
    assert after != before


def test_unchanged_pages_are_not_rendered(project):
    """A second run with one letter changed renders few pages: the rest are kept from the last run."""
    seeds, docs, cache = project
    from generator.cache import Cache
    from generator.feed import site_config
    from generator.pipeline import build_corpus

    edit(seeds / seed("001"), "werksessies", "werkbijeenkomsten")
    store = Cache(cache)
    result = build_corpus(seeds, store=store)
    plan = Incremental(store.page_records(docs, store.render_key(repr(sorted(site_config().items())))),
                       Digests(store.sealed()))
    rendered = render(result.corpus, list(result.sources), cache, plan)
    templated = [p for p in rendered if p.path.endswith(".md")]
    assert plan.kept and len(templated) < len(plan.kept)
    assert any("werkbijeenkomsten" in p.content for p in templated if p.path.startswith("brieven/"))
    full = {p.path: p.content for p in render(result.corpus, list(result.sources))}
    assert all(full[p.path] == p.content for p in rendered)
    assert set(full) == {p.path for p in rendered} | set(plan.kept)


def test_digests_are_by_value():
    from generator.model import Passage

    a = [Passage("brief", "s1", None, "p3", True, "oekraine")]
    b = [Passage("brief", "s1", None, "p3", True, "oekraine")]
    c = [Passage("brief", "s1", None, "p4", True, "oekraine")]
    digests = Digests()
    assert digests(a) == Digests()(b) and digests(a) != digests(c)
    shared = "x" * 10
    assert Digests()({"a": (shared, shared)}) == Digests()({"a": ("x" * 10, "".join(["x"] * 10))})


def test_a_recording_notes_every_lookup(seed_corpus):
    site = Site(seed_corpus)
    log = _Log(Digests())
    view = Recording(site, log)
    slug = seed_corpus.letters[0].slug
    assert view.letters[slug] is site.letters[slug]
    assert (slug in view.letters) is True
    assert len(view.corpus.letters) == len(seed_corpus.letters)
    meeting = seed_corpus.meetings[0]
    view.meeting_topics(meeting)
    kinds = {q[0] for q in log.queries}
    assert kinds == {"item", "in", "corpus", "call"}
    call = next(q for q in log.queries if q[0] == "call")
    assert call[2][0][:3] == ("ref", "meetings", meeting.id)


def test_an_unchanged_seed_is_not_read_again_in_one_process(tmp_path, monkeypatch):
    """read.py's stat check: same size, mtime, ctime and inode, written well before the last read."""
    from generator import read
    from generator.read import read_seeds

    folder = tmp_path / "seeds"
    folder.mkdir()
    path = folder / "brief.txt"
    path.write_text("Geachte voorzitter,\n\nEen zin.\n", encoding="utf-8")
    first = read_seeds(folder)[0][0]
    # Written just now (within RACY_NS of the read): read again.
    assert read_seeds(folder)[0][0] is not first
    monkeypatch.setattr(read, "RACY_NS", -10**18)  # as if the write were long before the read
    first = read_seeds(folder)[0][0]
    assert read_seeds(folder)[0][0] is first
    # Same size and the same mtime set back: the ctime still tells the write.
    st = path.stat()
    time.sleep(0.05)  # past the file system's clock tick, which the racy rule (switched off here) covers
    path.write_text("Geachte voorzitter,\n\nEen wol.\n", encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    assert read_seeds(folder)[0][0].text.endswith("Een wol.\n")


_computed: list = []


def _shout(text: str, marks: tuple, table: list) -> str:
    _computed.append(text)
    return text.upper() + "".join(marks) + str(len(table))


def test_memo_finds_plain_arguments_without_hashing_and_still_tells_values_apart(tmp_path):
    """cache.memo's lookup by the arguments themselves gives what the hashed key gives."""
    from generator.cache import Cache, active, memoized

    shout = memoized(_shout)
    _computed.clear()
    with active(Cache(tmp_path / "cache")):
        assert shout("ab", ("!",), [1]) == "AB!1"
        assert shout("ab", ("!",), [1]) == "AB!1"  # found by its plain arguments
        assert shout("ab", ("?",), [1]) == "AB?1"
        assert shout("ab", ("!",), [1, 2]) == "AB!2"  # a list by its fingerprint: another value
    assert _computed == ["ab", "ab", "ab"]
    with active(Cache(tmp_path / "cache")):  # a later run in this process
        assert shout("a" + "b", ("!",), [1]) == "AB!1"
    assert len(_computed) == 3
