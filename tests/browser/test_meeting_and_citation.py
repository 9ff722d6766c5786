"""The copy button beside a letter's citation: keyboard, clipboard, Dutch status, visible focus."""
from __future__ import annotations


def test_citation_copies_with_the_keyboard(page, base_url):
    page.goto(f"{base_url}/brieven/2025-11-12-verslag-dmm/")
    assert page.locator(".citeer-tekst").inner_text() == "Kamerstukken II 2025/26, 28 676, nr. 554"
    button = page.get_by_role("button", name="Kopieer de verwijzing naar deze brief")
    button.focus()
    assert button.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.locator(".citeer-status", has_text="Verwijzing gekopieerd").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "Kamerstukken II 2025/26, 28 676, nr. 554"


# Measured before issue 12 (sections quoted, repeated per topic): 15,182 px at 1366 px wide.
HEIGHT_BEFORE = 15_182


def test_meeting_page_quotes_each_paragraph_once_at_half_the_height(page, base_url):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{base_url}/vergaderingen/2025-10-15-dmm/")
    quotes = page.eval_on_selector_all("article blockquote p", "ps => ps.map(p => p.innerText.trim())")
    assert len(quotes) > 15 and len(quotes) == len(set(quotes))
    assert page.evaluate("document.documentElement.scrollHeight") <= HEIGHT_BEFORE / 2
    # Agenda and verslag stand side by side: two columns, next to each other.
    columns = page.locator("#oekraine ~ .naast-elkaar").first.locator(".kolom")
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert second["x"] > first["x"] + first["width"] / 2


def test_meeting_without_verslag_draws_one_column(page, base_url):
    page.goto(f"{base_url}/vergaderingen/2025-06-05-dmm/")
    assert page.get_by_text("Het verslag van deze vergadering staat nog niet in de leeszaal").is_visible()
    assert page.locator(".naast-elkaar").count() == 0


def test_source_row_names_the_letter_not_the_file(page, base_url):
    page.goto(f"{base_url}/brieven/2025-09-29-geannoteerde-agenda-dmm/")
    link = page.locator(".brief-meta a[download]")
    assert link.inner_text().startswith("Brontekst van Geannoteerde agenda")
    assert link.get_attribute("download") == "2025-09-29-geannoteerde-agenda-dmm.txt"
    assert "002_" not in page.locator(".brief-meta").inner_text()
    # No number: the citation line is the title and the date, with no copy of an official form.
    assert page.locator(".citeer-tekst").inner_text().endswith(", 29 september 2025")
