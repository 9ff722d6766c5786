"""The built site's reading features, checked on the HTML (no browser):
feeds, sharing metadata, no third-party requests, the Pagefind index and
what it contains, the Dutch 404 page, print styles, tags and search chrome."""
from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.feed import site_config

ATOM = "{http://www.w3.org/2005/Atom}"
LETTER = "brieven/2025-11-12-verslag-dmm"
MEETING = "vergaderingen/2025-10-15-dmm"
TOPIC = "onderwerpen/oekraine"


class Tags(HTMLParser):
    """Every start tag of a page as (tag, attributes)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def parse(path: Path) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built / "site"


@pytest.fixture(scope="module")
def site_url(built) -> str:
    url = site_config(built / "mkdocs.yml")["site_url"]
    assert url.startswith("https://") and url.endswith("/")
    return url


@pytest.fixture(scope="module")
def letters(built) -> list[str]:
    """Slugs of the letters (attachments live in a letter's own folder)."""
    return sorted(p.stem for p in (built / "docs" / "brieven").glob("*.md") if p.name != "index.md")


def html(site: Path, page: str) -> Path:
    return site / page / "index.html" if page else site / "index.html"


def metas(path: Path) -> dict[str, str]:
    out = {}
    for tag, a in parse(path):
        if tag == "meta" and ("property" in a or "name" in a):
            out[a.get("property") or a["name"]] = a.get("content", "")
        if tag == "link" and a.get("rel") in ("canonical", "alternate"):
            out.setdefault(f"link:{a['rel']}", a.get("href", ""))
    return out


# --- feeds -------------------------------------------------------------------


def test_feed_is_atom_with_one_entry_per_letter(site, site_url, letters):
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(letters)
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert sorted(l.removeprefix(site_url + "brieven/").rstrip("/") for l in links) == letters
    assert all(l.startswith(site_url) for l in links)
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == site_url + "feed.xml"
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)
    # Deterministic: the feed is as new as its newest letter, not as the build.
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert root.find(f"{ATOM}updated").text == max(updated)
    assert updated == sorted(updated, reverse=True)
    for e in entries:
        assert e.find(f"{ATOM}title").text and e.find(f"{ATOM}summary").text


def test_topic_feeds_parse_and_link_into_letters(site, site_url):
    feeds = sorted((site / "onderwerpen").glob("*/feed.xml"))
    assert len(feeds) >= 10
    for feed in feeds:
        root = ET.parse(feed).getroot()
        for entry in root.findall(f"{ATOM}entry"):
            href = entry.find(f"{ATOM}link").get("href")
            assert href.startswith(site_url + "brieven/") and "#" in href


def test_feed_is_announced_in_every_head(site):
    for page in ("", LETTER, MEETING, TOPIC):
        links = [a for t, a in parse(html(site, page)) if t == "link" and a.get("type") == "application/atom+xml"]
        assert links and links[0]["rel"] == "alternate", page
        assert (html(site, page).parent / links[0]["href"]).resolve() == (site / "feed.xml").resolve()
    topic_feed = [a["href"] for t, a in parse(html(site, TOPIC)) if t == "a" and a.get("href", "").endswith("feed.xml")]
    assert topic_feed == ["feed.xml"]


# --- sharing -------------------------------------------------------------------


@pytest.mark.parametrize("page", ["", LETTER, MEETING, TOPIC])
def test_pages_carry_description_canonical_and_open_graph(site, site_url, page):
    m = metas(html(site, page))
    url = site_url + (page + "/" if page else "")
    assert m["link:canonical"] == url
    assert m["og:url"] == url
    assert m["og:title"] and m["twitter:title"] == m["og:title"]
    assert m["description"] and m["og:description"] == m["description"]
    assert m["og:site_name"] == "Defensiebrieven"
    assert m["og:locale"] == "nl_NL"
    assert m["og:type"] == ("article" if page == LETTER else "website")
    assert m["twitter:card"] == "summary"
    assert re.search(r"<title>[^<]+</title>", html(site, page).read_text(encoding="utf-8"))


def test_copy_link_and_search_scripts_are_local(site):
    scripts = [a["src"] for t, a in parse(html(site, LETTER)) if t == "script" and a.get("src")]
    assert any(s.endswith("javascripts/deel.js") for s in scripts)
    assert any(s.endswith("javascripts/zoeken.js") for s in scripts)
    text = (site / "javascripts" / "deel.js").read_text(encoding="utf-8")
    assert "Link gekopieerd" in text and "clipboard" in text
    # The anchors it copies exist: headings and paragraphs have ids.
    ids = [a["id"] for t, a in parse(html(site, LETTER)) if a.get("id")]
    assert any(re.fullmatch(r"p\d+", i) for i in ids)


# --- no third-party requests ------------------------------------------------------


def test_no_resource_is_loaded_from_another_host(site, site_url):
    bad = []
    for page in site.rglob("*.html"):
        for tag, a in parse(page):
            urls = [a[k] for k in ("src", "srcset", "poster", "data") if a.get(k)]
            if tag == "link" and a.get("rel") not in ("canonical",):
                urls.append(a.get("href", ""))
            bad += [(page.relative_to(site).as_posix(), tag, u) for u in urls
                    if re.match(r"(https?:)?//", u) and not u.startswith(site_url)]
        text = page.read_text(encoding="utf-8")
        bad += [(page.name, "style", u) for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", text)]
    for css in site.rglob("*.css"):
        bad += [(css.name, "css", u) for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text())]
        bad += [(css.name, "css", u) for u in re.findall(r"@import\s+['\"]((?:https?:)?//[^'\"]+)", css.read_text())]
    assert not bad, bad[:10]


def test_repository_link_does_not_fetch_github_facts(site):
    # Material's source component (data-md-component="source") asks api.github.com for stars.
    page = html(site, LETTER).read_text(encoding="utf-8")
    assert 'class="md-source"' in page
    assert 'data-md-component="source"' not in page


# --- search ----------------------------------------------------------------------


def test_pagefind_index_is_built_in_dutch(site):
    assert (site / "pagefind" / "pagefind.js").is_file()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] > 20
    assert 'lang="nl"' in html(site, "").read_text(encoding="utf-8")[:200]


def test_lunr_search_is_replaced(site):
    assert not (site / "search" / "search_index.json").exists()
    tags = parse(html(site, LETTER))
    assert any(t == "input" and a.get("id") == "zoekveld" for t, a in tags)
    # Material starts its lunr worker for a form named "search".
    assert not any(t == "form" and a.get("name") == "search" for t, a in tags)


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's stored text per page URL (fragments are gzip'd JSON)."""
    out = {}
    for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))
        out[data["url"]] = data
    return out


def test_index_holds_the_text_not_the_chrome(site):
    pages = fragments(site)
    letter = pages["/" + LETTER + "/"]
    text = letter["content"]
    assert "Eastern Sentry" in text and "Oekraïne" in text
    # Not indexed: the metadata panel, navigation, table of contents, the
    # collapsed "Herstelde woorden" (it lists the misspelling "Oekraine").
    for chrome in ("Gegevens van deze brief", "Inhoudsopgave", "Vergaderingen Onderwerpen", "Herstelde woorden",
                   "Oekraine", "Briefhoofd en kantlijn", "Kopieer"):
        assert chrome not in text, chrome
    assert letter["meta"]["soort"] == "Verslag" and letter["meta"]["datum"] == "12 november 2025"
    # Sections are sub-results: headings keep their anchors.
    assert any(a["id"] == "afschrikking-en-verdediging" for a in letter["anchors"])
    assert "/404.html" not in pages and not any(u.startswith("/404") for u in pages)


def test_quoted_passages_are_found_in_their_letter(site):
    """Topic and meeting pages quote whole sections; search leads to the letter instead."""
    page = html(site, TOPIC).read_text(encoding="utf-8")
    quote = re.sub(r"<[^>]+>", "", re.search(r"<blockquote>(.*?)</blockquote>", page, re.S).group(1))
    words = " ".join(quote.split()[:8])
    pages = fragments(site)
    assert words not in pages["/" + TOPIC + "/"]["content"]
    assert any(words in p["content"] for url, p in pages.items() if url.startswith("/brieven/"))
    # The letters' section headings above the quotes are left to the letters too.
    quoted = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", page, re.S)]
    assert quoted and not any(h.strip() in pages["/" + TOPIC + "/"]["content"] for h in quoted)


# --- 404, print, tags ---------------------------------------------------------------


def test_404_page_is_dutch(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in page
    assert "Pagina niet gevonden" in page and "startpagina" in page
    assert "data-pagefind-body" not in page


def test_print_styles(site):
    css = (site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "@media print" in css
    block = css[css.index("@media print"):]
    for selector in (".md-search", ".deel-link", "details", 'a[href^="http"]::after'):
        assert selector in block, selector
    assert any(t == "link" and a.get("href", "").endswith("stylesheets/extra.css") for t, a in parse(html(site, LETTER)))


def test_tags_link_to_topic_pages(site):
    tags = [a["href"] for t, a in parse(html(site, LETTER)) if t == "a" and "md-tag" in a.get("class", "").split()]
    assert tags and all(re.fullmatch(r"\.\./\.\./onderwerpen/[a-z0-9-]+/", h) for h in tags)
    for href in tags:
        assert (html(site, LETTER).parent / href / "index.html").resolve().is_file()


def test_home_page_shows_latest_meeting_timeline_and_matrix(site):
    page = html(site, "").read_text(encoding="utf-8")
    assert 'id="laatste"' in page and 'id="vergaderingen"' in page and 'id="overzicht"' in page
    assert 'class="tijdlijn"' in page and 'class="topic-matrix"' in page
    assert "<script" not in page.split('id="overzicht"')[1].split("</article>")[0]


@pytest.mark.parametrize("title, shown", [
    ("Brief van 23 maart 2016", ""),  # the title names the day: not twice
    ("Verslag van een algemeen overleg van 23 maart 2016", ""),
    ("Geannoteerde agenda NAVO-top", ", 23 maart 2016"),
    ("Geannoteerde agenda RBZ Defensie 3 maart 2016", ", 23 maart 2016"),  # "3 maart 2016" is another day
    (None, ", 23 maart 2016"),
])
def test_a_letters_date_after_its_title_only_when_the_title_lacks_it(title, shown):
    from datetime import date
    from generator.render import date_after
    assert date_after(date(2016, 3, 23), title) == shown
    assert date_after(None, title) == ""
    # the agenda of 9 november for the council of 19 november names another day
    assert date_after(date(2018, 11, 9), "Geannoteerde agenda RBZ Defensie 19 november 2018") == ", 9 november 2018"


def test_a_year_page_does_not_link_to_itself(tmp_path):
    from generator.pipeline import build_corpus
    from generator.render import render
    for name, day, year in (("a.txt", "3 februari", 2030), ("b.txt", "5 maart", 2031)):
        (tmp_path / name).write_text(
            f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {day} {year}\n\n"
            f"Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de NAVO-ministers van Defensie "
            f"op 20 en 21 maart {year} in Brussel.\n\nDe minister van Defensie,\n\nA.B. Voorbeeld\n", encoding="utf-8")
    pages = {p.path: p.content for p in render(build_corpus(tmp_path).corpus, [])}
    for folder in ("brieven", "vergaderingen"):
        page = pages[f"{folder}/jaar/2030.md"]
        assert "(2030.md)" not in page and "**2030**" in page, folder
        assert "(2031.md)" in page, folder
