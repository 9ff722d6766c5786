"""A printed letter is the letter: its text, footnotes, source and address.

The letterhead as it was and the list of repaired words stay on screen only.
Chromium's own PDF is counted, page by page.
"""
from __future__ import annotations

import re

import pytest

from .pagetypes import letters

pytestmark = pytest.mark.browser

# What the screen keeps and print leaves out (generator/templates/letter.md.j2).
SCREEN_ONLY = "details.briefhoofd, details.herstellingen"
SHOW_AGAIN = ".md-content .md-typeset details:is(.briefhoofd, .herstellingen) { display: block !important; }"


def pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))


@pytest.fixture
def verslag(site) -> str:
    found = letters(site, "verslag")
    assert found, "no verslag in the built site"
    return found[0]


def test_printed_letter_keeps_text_footnotes_source_and_address(page, base_url, verslag):
    page.goto(base_url + verslag)
    assert page.locator(SCREEN_ONLY).count() == 2, "the verslag shows no letterhead block or repair list on screen"
    page.emulate_media(media="print")
    shown = page.evaluate("""sel => [...document.querySelectorAll(sel)].map(e => e.getClientRects().length > 0)""", SCREEN_ONLY)
    assert shown == [False, False], "the letterhead block or the repair list is printed"
    for what, selector in (("the text", ".md-content article p[id]"), ("the footnotes", ".footnote"),
                           ("the source file", ".brief-meta a[href*='bronnen/']"), ("the page's address", ".afdruk-bron")):
        element = page.locator(selector).first
        assert element.count() == 1 and element.is_visible(), f"{what} ({selector}) is not printed"
    assert "https://" in page.locator(".afdruk-bron").inner_text(), "the printed address is not the public one"


def test_printed_verslag_is_at_least_two_pages_shorter_without_the_repair_list(page, base_url, verslag):
    page.goto(base_url + verslag)
    printed = pdf_pages(page)
    page.add_style_tag(content=SHOW_AGAIN)
    with_lists = pdf_pages(page)
    assert printed <= with_lists - 2, f"printed verslag: {printed} pages; with letterhead and repair list {with_lists}"
