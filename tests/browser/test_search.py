"""Typing the queries of tests/search_queries.yaml into the site's search box.

Written against the search the site has: Pagefind shown in Material's search
box (docs/javascripts/zoeken.js).  Each result item is a page; its first link
is the page, the next ones its best sections, so the first hit is the item's
second link when there is one (as tests/measure_search.py counts it).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).resolve().parent.parent / "search_queries.yaml"
QUERIES = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8")) if QUERIES_FILE.exists() else []
SEARCH_BOX = "#zoekveld, input.md-search__input"
RESULTS = ".md-search-result__item"


def site_relative(base_url: str, href: str) -> str:
    """'brieven/x/#sectie' for http://127.0.0.1:port/brieven/x/?markeer=...#sectie."""
    parts = urlsplit(href)
    path = unquote(parts.path).removeprefix(urlsplit(base_url).path).lstrip("/").removesuffix("index.html")
    return path + (f"#{unquote(parts.fragment)}" if parts.fragment else "")


def search(page, base_url: str, query: str) -> list[dict]:
    page.goto(base_url + "/")
    box = page.locator(SEARCH_BOX).first
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        "([q, sel]) => { const m = document.querySelector('.md-search-result__meta');"
        " return document.querySelector(sel) || (m && /niets gevonden|geen/i.test(m.textContent)); }",
        arg=[query, RESULTS], timeout=10_000)
    return page.evaluate("""sel => [...document.querySelectorAll(sel)].map(li => {
        const links = li.querySelectorAll('a.md-search-result__link, a[href]');
        const a = links[links.length > 1 ? 1 : 0];
        return {href: a.href, page: links[0].href, text: li.textContent.replace(/\\s+/g, ' ').trim()};
    })""", RESULTS)


def test_query_file_exists():
    assert QUERIES_FILE.exists(), f"{QUERIES_FILE} is missing: the search tests have no queries"
    assert QUERIES, f"{QUERIES_FILE} holds no queries"


def test_search_runs_on_pagefind(page, site, base_url):
    assert (site / "pagefind" / "pagefind.js").exists(), "no pagefind/pagefind.js in the built site"
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    search(page, base_url, "drones")
    assert any(p.startswith("/pagefind/") for p in fetched), \
        "searching did not load anything from /pagefind/: the search box is not using Pagefind"
    assert not any(p.endswith("search_index.json") for p in fetched), "the search box still loads lunr's index"


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_gives_its_expected_first_result(page, base_url, case):
    hits = search(page, base_url, case["query"])
    assert hits, f"{case['query']!r}: no results"
    first = site_relative(base_url, hits[0]["href"])
    first_page = first.split("#")[0]
    wanted = {case["expect"], *case.get("accept", [])}
    ok = first in wanted or first_page in wanted or first_page == case["expect"].split("#")[0]
    top = [site_relative(base_url, h["href"]) for h in hits[:5]]
    assert ok, f"{case['query']!r}: first result {first}, expected {case['expect']} (or {sorted(wanted)}); top 5: {top}"
    if case.get("must_contain"):
        assert case["must_contain"].casefold() in hits[0]["text"].casefold(), \
            f"{case['query']!r}: first result does not show {case['must_contain']!r}: {hits[0]['text'][:200]}"
