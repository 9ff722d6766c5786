"""Every page can be found by following links, and a topic permalink works on its own."""
from __future__ import annotations

from collections import deque
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser

# The kinds of page a reader must be able to reach from the home page.
REACHABLE = ("vergaderingen", "onderwerpen", "brieven")
# The four NAVO defence ministers' meetings the seeds prepare or report on.
DMM_MEETINGS = ["2023-06-15-dmm", "2025-02-13-dmm", "2025-06-05-dmm", "2025-10-15-dmm"]


def page_paths(site: Path, folder: str) -> set[str]:
    """URL paths ("/brieven/x/") of the pages under one folder of the built site."""
    return {"/" + p.parent.relative_to(site).as_posix() + "/" for p in (site / folder).rglob("index.html")}


def crawl(page, base_url: str) -> set[str]:
    """URL paths of all pages reachable from the home page through same-origin links."""
    origin = urlsplit(base_url)
    seen: set[str] = {"/"}
    queue = deque(["/"])
    while queue:
        path = queue.popleft()
        response = page.goto(base_url + path, wait_until="domcontentloaded")
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else '?'}"
        for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)"):
            parts = urlsplit(href)
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                continue
            target = unquote(parts.path)
            # Pages only: the source .txt files, feeds and assets are not navigated.
            if not (target.endswith("/") or target.endswith(".html")) or target in seen:
                continue
            seen.add(target)
            queue.append(target)
    return seen


def test_every_meeting_topic_and_letter_page_is_reachable_from_home(page, site, base_url):
    # Stylesheets, scripts and images play no part in which links a page has.
    page.route("**/*", lambda route: route.abort() if route.request.resource_type in
               ("stylesheet", "image", "font", "script") else route.fallback())
    reached = crawl(page, base_url)
    expected = set().union(*(page_paths(site, folder) for folder in REACHABLE))
    assert expected, "no meeting, topic or letter pages in the built site"
    missing = sorted(expected - reached)
    assert not missing, f"{len(missing)} page(s) not reachable by links from the home page: {missing}"


def test_topic_permalink_shows_passages_of_all_four_meetings(page, base_url):
    response = page.goto(base_url + "/onderwerpen/oekraine/")
    assert response is not None and response.ok
    assert "Oekraïne" in page.locator("h1").first.inner_text()
    # Per meeting heading (its id is the meeting id): the quoted passages under it.
    meetings = page.evaluate("""() => {
        const out = {};
        for (const h of document.querySelectorAll('.md-content article h2[id]')) {
            let quotes = 0, links = [];
            for (let el = h.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
                quotes += el.matches('blockquote') ? 1 : el.querySelectorAll('blockquote').length;
                links.push(...[...el.querySelectorAll('a[href]')].map(a => a.getAttribute('href')));
            }
            out[h.id] = {quotes, links};
        }
        return out;
    }""")
    for meeting in DMM_MEETINGS:
        assert meeting in meetings, f"no section for meeting {meeting} on the topic page; sections: {sorted(meetings)}"
        assert meetings[meeting]["quotes"] > 0, f"meeting {meeting} has no quoted passage on the topic page"
        assert any(f"vergaderingen/{meeting}/" in link for link in meetings[meeting]["links"]), \
            f"meeting {meeting}: no link to its meeting page"


def test_topic_passage_leads_to_its_section_in_the_letter(page, base_url):
    page.goto(base_url + "/onderwerpen/oekraine/")
    link = page.locator(".md-content article a[href*='brieven/'][href*='#']").first
    anchor = unquote(urlsplit(link.get_attribute("href")).fragment)
    link.click()
    page.wait_for_url(f"**/brieven/**#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1, f"letter page has no element with id {anchor!r}"
    assert target.is_visible()
