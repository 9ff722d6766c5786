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
