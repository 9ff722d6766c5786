"""Pages written by the render workers (generator/render.py render_pages with
`docs`, generator/write.py write_page) make exactly the docs/ that rendering
and writing one by one makes: same bytes, same report, same manifest, same
deletions; every path is checked before any file is written."""
from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

import generator.pipeline as pipeline
import generator.render as render_module
from generator import pool, write
from generator.model import Page
from generator.pipeline import build_corpus, build_site
from generator.render import Job, render
from generator.write import MANIFEST, WriteError, Written, write_pages
from pools import breaking_at
from test_parallel_render import GENRE, pages, parallel, saved_records, serial

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


def build(monkeypatch, seeds: Path, docs: Path, cache: Path | None) -> tuple[write.WriteReport, list]:
    """build_site; returns the report and what write_pages was handed."""
    real_write = pipeline.write_pages
    handed: list = []

    def write_spied(pages, *args, **kwargs):
        handed.extend(pages)
        return real_write(pages, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(pipeline, "write_pages", write_spied)
        _, report = build_site(seeds, docs, cache)
    return report, handed


def both_ways(monkeypatch, seeds: Path, work: Path, cache: str = "cache") -> tuple[write.WriteReport, list, write.WriteReport]:
    """The site built one by one (work/serial) and in workers (work/docs, its cache work/`cache`):
    the serial report, what the workers rendered, the workers' report."""
    serial(monkeypatch)
    _, one_by_one = build_site(seeds, work / "serial", work / "serial-cache")
    from_workers = parallel(monkeypatch)
    spread, _ = build(monkeypatch, seeds, work / "docs", work / cache)
    return one_by_one, from_workers, spread


def stamps(docs: Path) -> dict[str, int]:
    return {p.relative_to(docs).as_posix(): p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}


def edit_one_letter(seeds: Path) -> str:
    """A made-up change to one word of one letter; the changed word."""
    # A dated letter, named: an undated one carries its subject in its address, and an index shifts
    # whenever a fixture is added.
    victim = seeds / "2009-navotop-agenda-printed-lines.txt"
    text = victim.read_text(encoding="utf-8")
    word = next(w for w in text.split() if len(w) > 8 and w.isalpha())
    victim.write_text(text.replace(word, word + "x", 1), encoding="utf-8")
    return word + "x"


@pytest.fixture
def seeds(tmp_path) -> Path:
    shutil.copytree(GENRE, tmp_path / "seeds")
    return tmp_path / "seeds"


@needs_fork
def test_workers_write_the_serial_site_and_report(monkeypatch, tmp_path, seeds):
    serial(monkeypatch)
    _, one_by_one = build_site(seeds, tmp_path / "serial", tmp_path / "serial-cache")
    from_workers = parallel(monkeypatch)
    spread, handed = build(monkeypatch, seeds, tmp_path / "docs", tmp_path / "cache")
    # Every page was written by a worker: the templated ones, the copied sources, the glossary, the feeds.
    assert all(isinstance(p, Written) for p in handed)
    assert len(from_workers) == len(handed) > 200
    assert any(p.path.endswith(".txt") for p in handed) and any(p.path.endswith(".xml") for p in handed)
    assert pages(tmp_path / "docs") == pages(tmp_path / "serial")  # the manifest included
    assert spread == one_by_one  # the same pages written, in the same order
    assert len(spread.written) == len(pages(tmp_path / "docs")) - 1  # all but the manifest
    assert saved_records(tmp_path / "cache") == saved_records(tmp_path / "serial-cache")


@needs_fork
def test_a_second_run_in_workers_writes_nothing(monkeypatch, tmp_path, seeds):
    parallel(monkeypatch)
    first, _ = build(monkeypatch, seeds, tmp_path / "docs", tmp_path / "cache")
    before = stamps(tmp_path / "docs")
    from_workers = parallel(monkeypatch)
    # A new cache: every page is rendered again, in the workers, and found unchanged there.
    again, handed = build(monkeypatch, seeds, tmp_path / "docs", tmp_path / "other-cache")
    assert len(from_workers) > 200 and all(isinstance(p, Written) for p in handed)
    assert again.written == () and again.removed == ()
    assert again.unchanged == len(first.written)
    assert stamps(tmp_path / "docs") == before  # not one file touched
    third, _ = build(monkeypatch, seeds, tmp_path / "docs", tmp_path / "cache")
    assert third.written == () and third.unchanged == len(first.written)


@needs_fork
def test_a_changed_letter_rewrites_only_its_pages(monkeypatch, tmp_path, seeds):
    both_ways(monkeypatch, seeds, tmp_path)
    before = stamps(tmp_path / "docs")
    word = edit_one_letter(seeds)
    one_by_one, from_workers, spread = both_ways(monkeypatch, seeds, tmp_path)
    assert from_workers  # the pages to render again went to the workers
    assert spread == one_by_one
    assert 0 < len(spread.written) < 10 and any(p.endswith(".md") for p in spread.written)
    assert any(word in (tmp_path / "docs" / p).read_text(encoding="utf-8") for p in spread.written if p.endswith(".md"))
    after = stamps(tmp_path / "docs")
    assert {p for p in after if after[p] != before.get(p)} - {MANIFEST} == set(spread.written)  # no other file touched
    assert pages(tmp_path / "docs") == pages(tmp_path / "serial")
    # Rendered all again in the workers (a new cache): the same, found unchanged.
    again, _ = build(monkeypatch, seeds, tmp_path / "docs", tmp_path / "fresh-cache")
    assert again.written == ()


@needs_fork
def test_a_removed_letter_is_deleted_and_left_out_of_the_manifest_as_before(monkeypatch, tmp_path, seeds):
    both_ways(monkeypatch, seeds, tmp_path)
    # A hand-written page beside the generated ones is never touched.
    (tmp_path / "docs" / "over.md").write_text("# Over\n", encoding="utf-8")
    (tmp_path / "serial" / "over.md").write_text("# Over\n", encoding="utf-8")
    sorted(seeds.glob("*.txt"))[3].unlink()
    one_by_one, from_workers, spread = both_ways(monkeypatch, seeds, tmp_path, "new-cache")
    assert from_workers
    assert spread == one_by_one and spread.removed
    assert not any((tmp_path / "docs" / p).exists() for p in spread.removed)
    assert pages(tmp_path / "docs") == pages(tmp_path / "serial")  # the manifest without them
    assert (tmp_path / "docs" / "over.md").read_text(encoding="utf-8") == "# Over\n"


@pytest.fixture(scope="module")
def genre_corpus():
    return build_corpus(GENRE)


@needs_fork
@pytest.mark.parametrize("where", ["template", "feed"])
def test_a_path_outside_the_owned_folders_stops_the_run_before_any_file_is_written(monkeypatch, tmp_path,
                                                                                  genre_corpus, where):
    result = genre_corpus
    from_workers = parallel(monkeypatch)
    if where == "template":  # the last page of the run: the workers would have written all the others
        real_jobs = render_module.page_jobs
        monkeypatch.setattr(render_module, "page_jobs",
                            lambda site: real_jobs(site) + [Job("../buiten.md", "glossary.md.j2", None, {})])
    else:  # a page made before the templated ones, written after them
        real_feeds = render_module.render_feeds
        monkeypatch.setattr(render_module, "render_feeds",
                            lambda corpus: real_feeds(corpus) + [Page("overrides/feed.xml", "<x/>")])
    docs = tmp_path / "docs"
    docs.mkdir()
    with pytest.raises(WriteError):
        render(result.corpus, list(result.sources), docs=docs)
    assert from_workers == []  # no worker started
    assert list(docs.iterdir()) == []
    assert not (tmp_path / "buiten.md").exists()


@needs_fork
def test_a_folder_that_links_elsewhere_stops_the_run_before_any_file_is_written(monkeypatch, tmp_path, genre_corpus):
    result = genre_corpus
    parallel(monkeypatch)
    docs, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    docs.mkdir()
    elsewhere.mkdir()
    (docs / "vergaderingen").symlink_to(elsewhere)
    with pytest.raises(WriteError):
        render(result.corpus, list(result.sources), docs=docs)
    assert list(elsewhere.iterdir()) == []
    assert [p.name for p in docs.iterdir()] == ["vergaderingen"]


def test_one_by_one_the_pages_come_back_to_be_written_as_before(monkeypatch, tmp_path, genre_corpus):
    result = genre_corpus
    serial(monkeypatch)
    docs = tmp_path / "docs"
    rendered = render(result.corpus, list(result.sources), docs=docs)
    assert all(isinstance(p, Page) for p in rendered) and not docs.exists()
    assert [(p.path, p.content) for p in rendered] == [(p.path, p.content) for p in render(result.corpus, list(result.sources))]


@needs_fork
def test_without_a_process_pool_this_process_writes_the_same_site(monkeypatch, tmp_path, seeds):
    def unavailable(*args, **kwargs):
        raise OSError("no semaphores in this sandbox")

    serial(monkeypatch)
    _, one_by_one = build_site(seeds, tmp_path / "serial", tmp_path / "serial-cache")
    parallel(monkeypatch)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", unavailable)
    report, _ = build(monkeypatch, seeds, tmp_path / "docs", tmp_path / "cache")
    assert report == one_by_one
    assert pages(tmp_path / "docs") == pages(tmp_path / "serial")


def test_write_pages_counts_pages_already_written(tmp_path):
    docs = tmp_path / "docs"
    (docs / "brieven").mkdir(parents=True)
    (docs / "brieven" / "oud.md").write_text("# Oud\n", encoding="utf-8")
    (docs / MANIFEST).write_text('["brieven/oud.md"]\n', encoding="utf-8")
    report = write_pages([Written("brieven/a.md", True), Page("brieven/b.md", "# B\n"), Written("brieven/c.md", False)],
                         docs)
    assert report.written == ("brieven/a.md", "brieven/b.md") and report.unchanged == 1
    assert report.removed == ("brieven/oud.md",) and not (docs / "brieven" / "oud.md").exists()
    assert (docs / MANIFEST).read_text(encoding="utf-8").split() == ["[", '"brieven/a.md",', '"brieven/b.md",',
                                                                      '"brieven/c.md"', "]"]


def test_write_page_keeps_unchanged_bytes_and_refuses_a_folder_made_into_a_link(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    made: set[Path] = set()
    assert write.write_page(docs, "brieven/a.md", b"# A\n", made) is True
    stamp = (docs / "brieven" / "a.md").stat().st_mtime_ns
    assert write.write_page(docs, "brieven/a.md", b"# A\n", made) is False
    assert (docs / "brieven" / "a.md").stat().st_mtime_ns == stamp
    assert write.write_page(docs, "brieven/a.md", b"# A2\n", made) is True
    assert (docs / "brieven" / "a.md").read_bytes() == b"# A2\n"
    # A folder that turns out to lead elsewhere once made (a race with another process): refused.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real_mkdir = Path.mkdir

    def mkdir_into_link(self, *args, **kwargs):
        if self == docs / "vergaderingen":
            self.symlink_to(elsewhere)
            return None
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir_into_link)
    with pytest.raises(WriteError):
        write.write_page(docs, "vergaderingen/x.md", b"x", set())
    assert list(elsewhere.iterdir()) == []


@needs_fork
def test_a_pool_that_breaks_half_way_leaves_the_rest_to_write_here(monkeypatch, tmp_path, seeds):
    HalfPool = breaking_at(50)  # the worker is killed at the 50th page
    serial(monkeypatch)
    _, one_by_one = build_site(seeds, tmp_path / "serial", tmp_path / "serial-cache")
    from_workers = parallel(monkeypatch)
    monkeypatch.setattr(pool, "ProcessPoolExecutor", HalfPool)
    report, handed = build(monkeypatch, seeds, tmp_path / "docs", tmp_path / "cache")
    assert from_workers == list(range(50)) and all(isinstance(p, Written) for p in handed)
    assert report == one_by_one
    assert pages(tmp_path / "docs") == pages(tmp_path / "serial")
    assert saved_records(tmp_path / "cache") == saved_records(tmp_path / "serial-cache")


@needs_fork
def test_a_run_that_stops_half_way_leaves_no_page_the_next_run_does_not_know(monkeypatch, tmp_path, seeds):
    """A template error in a render worker stops the run after other workers wrote pages: those
    pages are in the manifest already, so a later run deletes the ones it no longer makes."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    parallel(monkeypatch)
    victim = sorted(seeds.glob("*.txt"))[5]
    real_job = render_module.render_job
    jobs = render_module.page_jobs(render_module.Site(build_corpus(seeds).corpus))
    last = next(j.path for j in reversed(jobs) if j.template == "letter.md.j2")

    def failing(env, site, job, *args):
        if job.path == last:
            raise RuntimeError("een fout in een sjabloon")
        return real_job(env, site, job, *args)

    with monkeypatch.context() as m:
        m.setattr(render_module, "render_job", failing)
        with pytest.raises(RuntimeError, match="sjabloon"):
            build_site(seeds, docs, cache)
    on_disk = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()} - {MANIFEST}
    assert len(on_disk) > 10 and last not in on_disk  # the workers wrote pages before the error
    assert on_disk <= set(write._manifest(docs / MANIFEST)[0])
    # The next run makes the site without one letter: its pages, written by the broken run, go.
    victim.unlink()
    build_site(seeds, docs, cache)
    serial(monkeypatch)
    build_site(seeds, tmp_path / "serial", tmp_path / "serial-cache")
    assert pages(docs) == pages(tmp_path / "serial")
