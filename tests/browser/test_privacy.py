"""The feed parses, and browsing the site asks nothing of any host but its own."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from .conftest import is_local

pytestmark = pytest.mark.browser


def test_feed_is_valid_xml(page, base_url):
    response = page.request.get(base_url + "/feed.xml")
    assert response.ok, f"/feed.xml: HTTP {response.status}"
    root = ET.fromstring(response.body())  # raises ParseError on anything but well-formed XML
    local = root.tag.rsplit("}", 1)[-1]
    assert local in ("feed", "rss"), f"/feed.xml is XML but neither Atom nor RSS: <{root.tag}>"
    entries = root.findall("{http://www.w3.org/2005/Atom}entry") + root.findall("./channel/item")
    assert entries, "/feed.xml has no entries"


def test_browsing_makes_no_request_beyond_127_0_0_1(browser, site, base_url):
    meeting = next(p for p in sorted((site / "vergaderingen").iterdir()) if (p / "index.html").exists())
    letter = next(p for p in sorted((site / "brieven").iterdir()) if (p / "index.html").exists())
    paths = ["/", f"/vergaderingen/{meeting.name}/", f"/brieven/{letter.name}/", "/onderwerpen/oekraine/"]
    page = browser.context.new_page()
    browser.requests.clear()
    try:
        for path in paths:
            page.goto(base_url + path, wait_until="load")
            # Give late scripts (repository stats, analytics, fonts) time to ask.
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
        # Searching loads the search index: that too must come from the site itself.
        box = page.locator("#zoekveld, input.md-search__input").first
        if box.count():
            box.click()
            box.press_sequentially("oekraine", delay=20)
            page.wait_for_timeout(1500)
    finally:
        page.close()
    assert browser.requests, "no requests recorded"
    outside = sorted({u for u in browser.requests if not is_local(u)})
    hosts = sorted({urlsplit(u).netloc for u in outside})
    assert not outside, f"requests left 127.0.0.1 (to {hosts}): {outside}"
