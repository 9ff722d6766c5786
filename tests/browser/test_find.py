"""Finding by number, a search's own address, and narrowing results by filter.

Each number form is one a reader really writes (the letters themselves write
"36725-1", the official site "kst-28676-554").  The expected first result is
read from the built site: the letter page when the document is a letter in
the corpus (its Kamerstuk page says so with a link into the reading room),
else the document's own page.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser

# (as a reader types it, the document's page under kamerstukken/)
FORMS = [
    ("28676-554", "28676-554"),
    ("28 676 nr. 554", "28676-554"),
    ("28676, nr. 554", "28676-554"),
    ("kst-28676-554", "28676-554"),
    ("36725-1", "36725-1"),
    ("36 200 X, nr. 1", "36200-X-1"),
    ("2023Z08629", "2023Z08629"),
]
IN_READING_ROOM = re.compile(r'<a class="md-button md-button--primary" href="\.\./\.\./brieven/([^"#?]+)/"')


def expected_page(site: Path, key: str) -> str:
    html = site / "kamerstukken" / key / "index.html"
    assert html.exists(), f"no page for {key} in the built site"
    letter = IN_READING_ROOM.search(html.read_text(encoding="utf-8"))
    return f"/brieven/{letter.group(1)}/" if letter else f"/kamerstukken/{key}/"


def results(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "els => els.map(a => a.href)")
    return [unquote(urlsplit(h).path) for h in hrefs]


def typed_search(page, base_url: str, typed: str) -> list[str]:
    """What the search lists for `typed`, typed into the box on the home page as a reader types it."""
    page.goto(base_url + "/")
    box = page.locator("#zoekveld")
    box.click()
    box.press_sequentially(typed, delay=20)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=typed, timeout=10_000)
    return results(page)


@pytest.mark.parametrize("typed,key", FORMS, ids=[f[0] for f in FORMS])
def test_number_typed_in_the_search_box_finds_its_document_first(page, site, base_url, typed, key):
    found = typed_search(page, base_url, typed)
    wanted = expected_page(site, key)
    assert found[0] == wanted, f"{typed!r}: first result {found[0]}, expected {wanted}; top 3: {found[:3]}"


@pytest.mark.parametrize("typed,key", [("28676", "28676"), ("28 676", "28676"), ("21501-28", "21501-28")])
def test_a_dossier_number_typed_alone_finds_the_dossier_first(page, site, base_url, typed, key):
    # "21501-28" might be Kamerstuk 21501, nr. 28 too: the dossier leads.
    assert (site / "dossiers" / key / "index.html").exists(), f"no page for dossier {key} in the built site"
    found = typed_search(page, base_url, typed)
    assert found[0] == f"/dossiers/{key}/", f"{typed!r}: first result {found[0]}; top 3: {found[:3]}"


def test_the_verslag_is_found_by_its_own_number_not_its_kamerstuk_page(site):
    # The corpus holds Kamerstuk 28 676, nr. 554 as a letter: the test above must expect the letter.
    assert expected_page(site, "28676-554").startswith("/brieven/")


def test_search_address_opens_with_results(page, base_url):
    page.goto(base_url + "/onderwerpen/?q=" + quote("drones"))
    assert results(page), "?q=drones showed no results"
    assert page.evaluate("document.getElementById('__search').checked"), "?q=drones did not open the search box"
    assert page.locator("#zoekveld").input_value() == "drones"


def test_typing_a_query_gives_the_page_its_address(page, base_url):
    page.goto(base_url + "/")
    box = page.locator("#zoekveld")
    box.click()
    box.press_sequentially("oekraine", delay=20)
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'oekraine'", timeout=10_000)
    address = page.url
    first = results(page)[0]
    other = page.context.new_page()
    try:
        other.goto(address)
        assert results(other)[0] == first, "the search's address does not give the same first result"
    finally:
        other.close()


def test_filters_narrow_the_results_and_sort_newest_first(page, base_url):
    page.goto(base_url + "/?q=" + quote("oekraine"))
    everything = results(page)
    filters = page.locator(".zoeken__filters select")
    names = filters.evaluate_all("els => els.map(s => s.name)")
    assert {"jaar", "soort", "vergadering", "onderwerp", "bewindspersoon"} <= set(names), f"search filters: {names}"
    assert page.locator(".zoeken__filters input[name=nieuwste]").count() == 1, "no 'Nieuwste eerst' choice"

    status = page.locator(".md-search-result__meta")
    before = status.inner_text()
    page.select_option(".zoeken__filters select[name=jaar]", "2023")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t", arg=before)
    narrowed = results(page)
    assert 0 < len(narrowed) < len(everything), f"year 2023: {len(narrowed)} of {len(everything)} results"
    assert all("2023" in p for p in narrowed), f"year 2023 lets through {[p for p in narrowed if '2023' not in p]}"
    assert "jaar=2023" in page.url, "the chosen filter is not in the search's address"

    page.select_option(".zoeken__filters select[name=jaar]", "")
    page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length >= n", arg=len(everything))

    # Who signed: the letters a person signed (and their own page), by the name people.yaml gives them.
    before = status.inner_text()
    page.select_option(".zoeken__filters select[name=bewindspersoon]", "Ruben Brekelmans")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t", arg=before)
    signed = results(page)
    assert 0 < len(signed) < len(everything), f"Ruben Brekelmans: {len(signed)} of {len(everything)} results"
    assert all(p.startswith(("/brieven/", "/bewindspersonen/brekelmans/")) for p in signed), signed
    page.select_option(".zoeken__filters select[name=bewindspersoon]", "")
    page.check(".zoeken__filters input[name=nieuwste]")
    page.wait_for_function("() => new URLSearchParams(location.search).get('nieuwste') === '1'")
    page.wait_for_timeout(300)
    dated = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a:first-child')]
        .map(a => (new URL(a.href).pathname.match(/\\/(\\d{4}-\\d{2}-\\d{2})-/) || [])[1]).filter(Boolean)""")
    assert len(dated) >= 3, f"sorted results carry too few dates: {dated}"
    assert dated == sorted(dated, reverse=True), f"'Nieuwste eerst' is not newest first: {dated}"


# Made-up numbers of every shape (none of them is in the seeds), and queries that are no number.
SHAPES = {
    "35000-12": "kst35000n12", "35 000 nr. 12": "kst35000n12", "35000, nr. 12": "kst35000n12",
    "kst-35000-12": "kst35000n12", "Kamerstuk 35 000, nr. 12": "kst35000n12", "35.000 nr 12": "kst35000n12",
    "35 000 VII, nr. 12": "kst35000viin12", "35000-VII-12": "kst35000viin12", "21501-07, nr. 1999": "kst2150107n1999",
    "2019Z01234": "2019z01234", "2019 z 01234": "2019z01234",
}
NOT_NUMBERS = ["drones", "2025", "35000", "3500-12", "35000 drones 12", "nr. 12", "NAVO-top 2025"]
DOSSIER_SHAPES = {"35000": "dos35000", "35 000": "dos35000", "Kamerstuk 35.000": "dos35000",
                  "21501-07": "dos2150107", "21 501-07": "dos2150107", "35000 VII": "dos35000vii",
                  "35000-12": "dos3500012"}  # a Kamerstuk's shape too: its word finds no dossier page
NOT_DOSSIERS = ["drones", "2025", "3500", "35000 drones 12", "35000-VII-12", "nr. 12", "NAVO-top 2025"]


@pytest.mark.parametrize("function, shapes, others", [
    ("zoeknummer", SHAPES, NOT_NUMBERS),  # a Kamerstuk or zaak number
    ("zoekdossier", DOSSIER_SHAPES, NOT_DOSSIERS),  # a dossier's number alone
])
def test_number_shapes_become_the_pages_search_word(page, base_url, function, shapes, others):
    page.goto(base_url + "/")
    got = page.evaluate(f"shapes => shapes.map(s => window.{function}(s))", list(shapes))
    assert dict(zip(shapes, got)) == shapes
    assert page.evaluate(f"qs => qs.map(q => window.{function}(q))", others) == [None] * len(others)


def test_each_dossier_page_carries_the_word_its_number_makes(page, site, base_url):
    page.goto(base_url + "/")
    pages = sorted((site / "dossiers").glob("*/index.html"))
    assert len(pages) > 3
    for html in pages:
        word = re.search(r'<span hidden class="zoeknummer"[^>]*>([^<]+)</span>', html.read_text(encoding="utf-8"))
        assert word, f"{html.parent.name}: no search word for the dossier"
        assert page.evaluate("k => window.zoekdossier(k)", html.parent.name) == word.group(1), html.parent.name


def test_each_kamerstuk_page_carries_the_word_its_number_makes(page, site, base_url):
    """The page's word (overrides/partials/zoekfilters.html) is the one the search makes of its number."""
    page.goto(base_url + "/")
    checked = 0
    for html in sorted((site / "kamerstukken").glob("*/index.html")):
        key = html.parent.name
        word = re.search(r'<span hidden class="zoeknummer"[^>]*>([^<]+)</span>', html.read_text(encoding="utf-8"))
        if IN_READING_ROOM.search(html.read_text(encoding="utf-8")):
            assert word is None, f"{key}: the Kamerstuk page competes with its letter for the number"
            continue
        assert word, f"{key}: no search word for its number"
        assert page.evaluate("k => window.zoeknummer(k)", key) == word.group(1), key
        checked += 1
    assert checked > 5
