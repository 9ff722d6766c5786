"""Page budgets (issue 16): pages whose size would grow with the archive are
bounded: topic pages quote the newest meetings and link the older ones by
year, the home page shows the newest years, letters and meetings have a page
per year, the feeds hold the newest entries."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import generator.feed as feed
import generator.render as render_module
from bench.corpus import make_corpus
from generator.pipeline import build_corpus
from generator.render import (
    HOME_MATRIX_MEETINGS,
    HOME_YEARS,
    TOPIC_MEETINGS_IN_FULL,
    letter_path,
    render,
    topic_path,
    topic_year_path,
    year_path,
)

N = 40  # eight copies of each seed, two weeks apart: meetings over more than a year


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    seeds = make_corpus(N, tmp_path_factory.mktemp("scale") / "seeds")
    result = build_corpus(seeds)
    pages = {p.path: p.content for p in render(result.corpus, list(result.sources))}
    return result.corpus, pages


def body(pages: dict, path: str) -> str:
    return pages[path].split("---\n", 2)[2]


def test_a_topic_page_quotes_the_newest_meetings_and_links_the_older_ones(built):
    corpus, pages = built
    topic = max(corpus.topics, key=lambda t: len(t.meetings))
    assert len(topic.meetings) > TOPIC_MEETINGS_IN_FULL + 2
    text = body(pages, topic_path(topic.slug))
    full, _, older = text.partition("## Eerdere vergaderingen {#eerder}")
    newest_first = list(reversed(topic.meetings))
    assert re.findall(r"^## .*\{#([\w-]+)\}$", full, re.M) == newest_first[:TOPIC_MEETINGS_IN_FULL]
    assert full.count("\n<blockquote>") >= TOPIC_MEETINGS_IN_FULL  # quoted (ready HTML: tests/test_quotes.py)
    assert "<blockquote>" not in older  # links only
    # Older meetings: a page per year, linked from the topic page, each with dated links to every passage.
    by_year: dict[int, list[str]] = {}
    for mid in newest_first[TOPIC_MEETINGS_IN_FULL:]:
        by_year.setdefault(int(mid[:4]), []).append(mid)
    assert by_year
    for year, ids in by_year.items():
        path = topic_year_path(topic.slug, year)
        assert f"]({topic.slug}/{year}.md)" in older
        page = body(pages, path)
        assert page.count("\n<li>") == len(ids)  # ready HTML: the letters convert the text
        for mid in ids:
            assert f'vergaderingen/{mid}/"' in page
            groups = {}  # one link per section of a letter: to its first passage
            for p in topic.passages:
                if p.meeting == mid:
                    groups.setdefault((p.letter, p.section), p.anchor)
            for (letter, _), anchor in groups.items():
                assert f'{Path(letter_path(letter)).stem}/#{anchor}"' in page


def test_the_home_page_shows_the_newest_years_and_links_the_rest(built):
    corpus, pages = built
    text = body(pages, "index.md")
    years = sorted({m.start.year for m in corpus.meetings}, reverse=True)
    assert len(years) > HOME_YEARS
    shown = re.findall(r"^### (\d{4}) \{#jaar-\d{4}\}$", text, re.M)
    assert shown == [str(y) for y in years[:HOME_YEARS]]
    for year in years[HOME_YEARS:]:
        assert f"[{year}]({year_path('vergaderingen', year)})" in text
    header = next(line for line in text.splitlines() if line.startswith("| Onderwerp |"))
    assert header.count("<br>") == min(HOME_MATRIX_MEETINGS, len(corpus.meetings))


def test_letters_and_meetings_have_a_page_per_year(built):
    corpus, pages = built
    on_year_pages = []
    for path, content in pages.items():
        if re.fullmatch(r"brieven/jaar/(\d{4}|zonder-datum)\.md", path):
            # A row: its date (none on the page of undated letters), the letter's link, its meetings.
            on_year_pages += re.findall(r"^\| (?:[^|\[]+ \| )?\[[^]]*\]\(([^)#]+\.md)\) \|", content, re.M)
    assert sorted(on_year_pages) == sorted(f"../{Path(letter_path(l.slug)).name}" for l in corpus.letters)
    index = body(pages, "brieven/index.md")
    for year in {l.letter_date.year for l in corpus.letters if l.letter_date}:
        assert f"](jaar/{year}.md)" in index
    meeting_pages = [c for p, c in pages.items() if re.fullmatch(r"vergaderingen/jaar/\d{4}\.md", p)]
    assert sum(c.count("\n- [") for c in meeting_pages) == len(corpus.meetings)
    # The index shows the newest year only.
    newest = max(m.start.year for m in corpus.meetings)
    assert body(pages, "vergaderingen/index.md").count("\n- [") == sum(m.start.year == newest for m in corpus.meetings)


def test_kamerstukken_have_a_page_per_year_of_the_letters_that_cite_them(built, monkeypatch):
    corpus, pages = built
    cited = [d for d in corpus.documents if d.kind != "dossier"]
    dated = {l.slug: l.letter_date for l in corpus.letters}
    dated.update({a.slug: a.letter_date or l.letter_date for l in corpus.letters for a in l.attachments})
    rows = lambda text: re.findall(r"^\| \[[^]]*\]\((?:\.\./)?([^)#/]+)\.md\) \|", text, re.M)
    listed: dict[str, set[str]] = {}
    for path, content in pages.items():
        m = re.fullmatch(r"kamerstukken/jaar/(\d{4}|zonder-datum)\.md", path)
        if m:
            listed[m.group(1)] = set(rows(body(pages, path)))
    # Each document is on the page of every year in which a letter cites it, and on no other.
    for doc in cited:
        slugs = [slug for slug, _ in doc.citing] or [doc.letter]  # a letter of the corpus that none cites
        years = {str(dated[slug].year) if dated.get(slug) else "zonder-datum" for slug in slugs}
        assert {y for y, keys in listed.items() if doc.key in keys} == years, doc.key
    assert not any(d.key in keys for d in corpus.documents if d.kind == "dossier" for keys in listed.values())
    # A small archive's index lists them all, and links every year.
    index = body(pages, "kamerstukken/index.md")
    assert sorted(rows(index)) == sorted(d.key for d in cited) and len(listed) > 1
    assert all(f"](jaar/{y}.md)" in index for y in listed)
    # A large one shows the newest year only.
    monkeypatch.setattr(render_module, "DOCUMENTS_IN_FULL", 3)
    site = render_module.Site(corpus)
    job = next(j for j in render_module.page_jobs(site) if j.path == "kamerstukken/index.md")
    newest = max(y for y in listed if y.isdigit())
    assert {d.key for d in job.context["documents"]} == listed[newest] and not job.context["in_full"]
    text = render_module.render_job(render_module._env(None), site, job, None, b"")[0]
    assert set(rows(text)) == listed[newest] and f"## {newest} {{#nieuwste}}" in text
    assert f"{len(cited)} stukken, per jaar:" in text
    # Counts are written the Dutch way: 1.366 stukken.
    number = render_module._env(None).filters["number_nl"]
    assert (number(1366), number(12), number(1234567)) == ("1.366", "12", "1.234.567")


def test_feeds_hold_the_newest_entries(built, monkeypatch):
    corpus, _ = built
    monkeypatch.setattr(feed, "FEED_ENTRIES", 5)
    pages = {p.path: p.content for p in feed.render_feeds(corpus, {"site_url": "https://example.org/"})}
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.fromstring(pages["feed.xml"].split("\n", 1)[1]).findall(f"{atom}entry")
    assert len(entries) == 5
    days = [e.find(f"{atom}updated").text for e in entries]
    newest = sorted((l.letter_date for l in corpus.letters if l.letter_date), reverse=True)[:5]
    assert days == sorted(days, reverse=True) and days[0][:10] == newest[0].isoformat()
    for path, content in pages.items():
        assert len(ET.fromstring(content.split("\n", 1)[1]).findall(f"{atom}entry")) <= 5, path


def test_fast_relative_links_equal_relpath(built):
    from generator.markdown import relative
    from generator.render import _relative

    _, pages = built
    paths = sorted(pages)[::7] + ["index.md", "feed.xml", "brieven/a/b/c.md"]
    for source in paths:
        for target in paths[::5] + ["brieven/x.md#sectie", "index.md#laatste"]:
            assert _relative(source.rpartition("/")[0], target) == relative(source, target), (source, target)


def test_overig_shows_the_newest_years_and_a_page_per_older_year(built):
    corpus, pages = built
    site_overig = [(l, a) for (l, a), t in corpus.section_topics.items() if not t]
    assert site_overig
    listed = []
    for path, content in pages.items():
        if path == topic_path("overig") or re.fullmatch(r"onderwerpen/overig/(\d{4}|zonder-datum)\.md", path):
            listed += re.findall(r"^- \[[^]]*\]\(([^)]+)\)$", body(pages, path), re.M)
    # Every section under no topic is listed exactly once, on the overview or its year's page.
    assert len(listed) == len(site_overig) == len(set(listed))


def test_bench_sets_an_earlier_run_aside_without_deleting_it(tmp_path, monkeypatch):
    """The bench moves an earlier run away and deletes it only after measuring: deleting first
    would slow every file the measured builds create (bench.TRASH says why)."""
    import bench.__main__ as bench

    monkeypatch.setattr(bench, "TRASH", tmp_path / ".trash")
    run = tmp_path / "1000"
    (run / "site" / "a").mkdir(parents=True)
    page = run / "site" / "a" / "index.html"
    page.write_text("<p>oud</p>", encoding="utf-8")
    inode = page.stat().st_ino
    bench.set_aside(run)
    assert not run.exists()
    [moved] = (tmp_path / ".trash").iterdir()
    kept = moved / "site" / "a" / "index.html"
    assert kept.read_text(encoding="utf-8") == "<p>oud</p>" and kept.stat().st_ino == inode
    bench.set_aside(run)  # nothing there: nothing to do
    assert len(list((tmp_path / ".trash").iterdir())) == 1
