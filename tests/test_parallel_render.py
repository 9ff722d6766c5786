"""Pages rendered in worker processes (generator/render.py, generator/pool.py)
are exactly the pages, and the incremental records, that rendering one by one
gives: same texts, same order, same records."""
from __future__ import annotations

import multiprocessing
import pickle
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from pools import breaking_at
from generator import pool
from generator.cache import Cache
from generator.feed import site_config
from generator.incremental import Digests, Incremental
from generator.pipeline import build_corpus, build_site
from generator.render import render

GENRE = ROOT / "tests" / "fixtures" / "genre"

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


def serial(monkeypatch) -> None:
    monkeypatch.setattr(pool, "MIN_PARALLEL_PAGES", 10**9)


def parallel(monkeypatch) -> list[int]:
    """Two page workers even on one core and for a small corpus; the list counts the pages that came from them."""
    monkeypatch.setattr(pool, "MIN_PARALLEL_PAGES", 2)
    # The letters are parsed here whatever the corpus's size (pool.MIN_PARALLEL): only pages are counted.
    monkeypatch.setattr(pool, "MIN_PARALLEL", 10**9)
    monkeypatch.setattr(pool, "workers", lambda: 2)
    from_workers: list[int] = []
    real = pool.in_workers

    def counted(task, count, start=0):
        for item in real(task, count, start):
            from_workers.append(item[0])
            yield item

    monkeypatch.setattr(pool, "in_workers", counted)
    return from_workers


@pytest.fixture(scope="module")
def genre(tmp_path_factory):
    """The genre corpus, parsed once into a cache (so that its letters are sealed, as in a real run)."""
    cache = tmp_path_factory.mktemp("cache")
    store = Cache(cache)
    return build_corpus(GENRE, store=store), store


def plan_for(store: Cache) -> Incremental:
    return Incremental({}, Digests(store.sealed()))


@needs_fork
def test_parallel_render_gives_the_serial_pages(monkeypatch, genre):
    result, _ = genre
    serial(monkeypatch)
    one_by_one = render(result.corpus, list(result.sources))
    from_workers = parallel(monkeypatch)
    spread = render(result.corpus, list(result.sources))
    templated = [p for p in one_by_one if p.path.endswith(".md")]
    assert len(templated) > 200
    assert len(from_workers) == len(templated)  # every templated page came from a worker
    assert [(p.path, p.content) for p in spread] == [(p.path, p.content) for p in one_by_one]


@needs_fork
def test_parallel_render_gives_the_serial_records(monkeypatch, genre):
    result, store = genre
    serial(monkeypatch)
    one_by_one = plan_for(store)
    pages = render(result.corpus, list(result.sources), None, one_by_one)
    from_workers = parallel(monkeypatch)
    spread = plan_for(store)
    assert [(p.path, p.content) for p in render(result.corpus, list(result.sources), None, spread)] == \
        [(p.path, p.content) for p in pages]
    assert from_workers
    assert len(one_by_one.records) > 200 and one_by_one.kept == spread.kept == []
    # The same records, in the same order (pages.pickle is written from this dict).
    assert list(spread.records.items()) == list(one_by_one.records.items())


def saved_records(cache: Path) -> list:
    """pages.pickle's records in their order, without the files' stamps (their mtimes differ per run)."""
    return [(page, record) for page, (record, *_) in pickle.loads((cache / "pages.pickle").read_bytes())["pages"].items()]


@needs_fork
def test_records_from_workers_let_the_next_run_keep_what_did_not_change(monkeypatch, tmp_path):
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    shutil.copytree(GENRE, seeds)
    serial(monkeypatch)
    build_site(seeds, tmp_path / "serial", tmp_path / "serial-cache")
    from_workers = parallel(monkeypatch)
    build_site(seeds, docs, cache)
    assert from_workers
    assert saved_records(cache) == saved_records(tmp_path / "serial-cache")
    # A dated letter, named: an undated one carries its subject in its address, and an index shifts
    # whenever a fixture is added.
    victim = seeds / "2009-navotop-agenda-printed-lines.txt"
    text = victim.read_text(encoding="utf-8")
    word = next(w for w in text.split() if len(w) > 8 and w.isalpha())
    victim.write_text(text.replace(word, word + "x", 1), encoding="utf-8")
    serial(monkeypatch)  # the next run, in `make serve`, renders one by one from those records
    store = Cache(cache)
    result = build_corpus(seeds, store=store)
    plan = Incremental(store.page_records(docs, store.render_key(repr(sorted(site_config().items())))),
                       Digests(store.sealed()))
    rendered = [p for p in render(result.corpus, list(result.sources), cache, plan) if p.path.endswith(".md")]
    assert any(word + "x" in p.content for p in rendered)
    assert len(plan.kept) > 4 * len(rendered)
    _, report = build_site(seeds, docs, cache)
    assert 0 < len(report.written) < 5
    build_site(seeds, tmp_path / "full")
    assert pages(docs) == pages(tmp_path / "full")


def pages(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


@needs_fork
def test_a_pool_that_breaks_half_way_leaves_the_rest_to_this_process(monkeypatch, genre):
    HalfPool = breaking_at(50)  # the worker is killed at the 50th page
    result, store = genre
    serial(monkeypatch)
    whole = plan_for(store)
    one_by_one = render(result.corpus, list(result.sources), None, whole)
    from_workers = parallel(monkeypatch)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", HalfPool)
    broken = plan_for(store)
    assert [(p.path, p.content) for p in render(result.corpus, list(result.sources), None, broken)] == \
        [(p.path, p.content) for p in one_by_one]
    assert from_workers == list(range(50))
    assert list(broken.records.items()) == list(whole.records.items())


def test_a_page_that_fails_in_a_worker_fails_the_build(monkeypatch, genre):
    """A template error is not lost in a worker: it is raised here, as one by one."""
    from jinja2 import UndefinedError

    import generator.render as render_module

    result, _ = genre
    if "fork" in multiprocessing.get_all_start_methods():
        parallel(monkeypatch)
    real = render_module.render_job

    def failing(env, site, job, plan, handed):
        if job.template == "meeting.md.j2":
            env.get_template("meeting.md.j2").render()  # without its context: StrictUndefined raises
        return real(env, site, job, plan, handed)

    monkeypatch.setattr(render_module, "render_job", failing)
    with pytest.raises(UndefinedError):
        render(result.corpus, list(result.sources))


def test_a_few_pages_are_rendered_in_this_process(monkeypatch, seed_corpus):
    def no_pool(*args, **kwargs):
        raise AssertionError("no worker processes for a handful of pages")

    monkeypatch.setattr(pool, "ProcessPoolExecutor", no_pool)
    assert len(render(seed_corpus, [])) > 20


def test_a_process_running_threads_renders_in_this_process(monkeypatch, genre):
    # make serve renders beside its server threads: a fork would copy their locks.
    def no_pool(*args, **kwargs):
        raise AssertionError("no fork while threads run")

    monkeypatch.setattr(pool, "MIN_PARALLEL_PAGES", 2)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", no_pool)
    result, _ = genre
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert len(render(result.corpus, list(result.sources))) > 200
    finally:
        stop.set()
        thread.join()


def test_without_a_process_pool_the_pages_are_rendered_here(monkeypatch, genre):
    def unavailable(*args, **kwargs):
        raise OSError("no semaphores in this sandbox")

    result, _ = genre
    serial(monkeypatch)
    one_by_one = render(result.corpus, list(result.sources))
    parallel(monkeypatch)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", unavailable)
    assert [(p.path, p.content) for p in render(result.corpus, list(result.sources))] == \
        [(p.path, p.content) for p in one_by_one]
