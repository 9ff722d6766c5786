"""Reading a letter: abbreviation tooltips, footnotes there and back, copying a section link."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ABBR = "IAMD"
ABBR_LONG = "Integrated Air and Missile Defence"


def letter_paths(site: Path, pattern: str) -> list[str]:
    """URL paths of letter pages whose HTML matches `pattern`."""
    found = []
    for html in sorted((site / "brieven").rglob("index.html")):
        if re.search(pattern, html.read_text(encoding="utf-8")):
            found.append("/" + html.parent.relative_to(site).as_posix() + "/")
    return found


def letter_003(site: Path) -> str:
    """The 2023 letter (seed 003), the one with footnotes."""
    paths = sorted(p for p in letter_paths(site, "") if p.startswith("/brieven/2023-06-15"))
    assert paths, "no letter page whose slug starts with 2023-06-15"
    return paths[0]


def in_viewport(page, element_id: str) -> bool:
    return page.evaluate("""id => {
        const el = document.getElementById(id);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
    }""", element_id)


def test_abbreviation_has_its_long_form_as_tooltip(page, site, base_url):
    paths = letter_paths(site, rf'<abbr title="{re.escape(ABBR_LONG)}">{ABBR}</abbr>')
    assert paths, f'no letter page has <abbr title="{ABBR_LONG}">{ABBR}</abbr>'
    page.goto(base_url + paths[0])
    abbr = page.locator(".md-content article abbr", has_text=re.compile(rf"^{ABBR}$")).first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    # Material's content.tooltips replaces the browser's title tooltip with its own element.
    tooltip = page.locator(".md-tooltip2, .md-tooltip, [role=tooltip]").filter(has_text=ABBR_LONG)
    tooltip.first.wait_for(state="visible", timeout=5_000)
    assert tooltip.first.inner_text().strip() == ABBR_LONG


def test_footnote_marker_jumps_to_the_note_and_back(page, site, base_url):
    page.goto(base_url + letter_003(site))
    ref = page.locator("a.footnote-ref").first
    assert ref.count() == 1, "letter 003 shows no footnote markers"
    note_id = ref.get_attribute("href").removeprefix("#")
    ref_id = ref.evaluate("a => (a.closest('[id]') || a).id")
    ref.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=note_id)
    assert in_viewport(page, note_id), f"footnote {note_id} is not on screen after clicking its marker"
    back = page.locator(f"[id='{note_id}'] a.footnote-backref").first
    assert back.get_attribute("href") == f"#{ref_id}"
    back.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=ref_id)
    assert in_viewport(page, ref_id), "the back-link does not return to the footnote marker"


def test_copy_link_puts_the_absolute_section_url_on_the_clipboard(page, site, base_url):
    page.goto(base_url + letter_003(site))
    heading = page.locator(".md-content article h2[id]").first
    anchor = heading.get_attribute("id")
    heading.hover()
    control = heading.locator("button[aria-label*='kopieer' i], button[title*='kopieer' i], "
                              "[role=button][aria-label*='kopieer' i]")
    assert control.count() == 1, f"no copy-link control (button titled 'Kopieer link...') on heading #{anchor}"
    page.evaluate("() => navigator.clipboard.writeText('')")
    control.click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)", timeout=5_000)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    canonical = page.evaluate("() => document.querySelector('link[rel=canonical]')?.href")
    here = page.url.split("#")[0]
    allowed = {f"{u}#{anchor}" for u in (canonical, here) if u}
    assert copied in allowed, f"clipboard holds {copied!r}; expected one of {sorted(allowed)}"
    assert re.match(r"^https?://", copied), "the copied link is not absolute"
