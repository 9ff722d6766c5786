"""Where am I: a trail back, the active tab, a paragraph reached by its link."""
from __future__ import annotations

import pytest

from .pagetypes import every_kind

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
# Deep page kind -> the tab that must be marked active.
TABS = {"letter (verslag)": "Brieven", "nota": "Brieven", "meeting with verslag": "Vergaderingen",
        "topic": "Onderwerpen", "kamerstuk": "Kamerstukken", "dossier": "Dossiers", "person": "Brieven"}


@pytest.fixture(scope="module")
def kinds(site):
    return every_kind(site)


@pytest.mark.parametrize("kind", list(TABS))
def test_deep_page_has_a_trail_back_and_its_tab_active(page, base_url, kinds, kind):
    page.set_viewport_size(DESKTOP)
    page.goto(base_url + kinds[kind])
    trail = page.locator("nav.md-path a")
    steps = [t.strip() for t in trail.all_inner_texts()]
    assert steps and steps[0] == "Start", f"{kind}: no trail back starting at Start: {steps}"
    assert len(steps) >= 2, f"{kind}: the trail stops at Start: {steps}"
    for link in trail.all():
        href = link.get_attribute("href")
        response = page.request.get(page.url.split("#")[0].rsplit("/", 1)[0] + "/" + href) if href else None
        assert response is not None and response.ok, f"{kind}: trail link {href!r} is broken"
    active = page.locator(".md-tabs__item--active .md-tabs__link")
    assert active.count() == 1, f"{kind}: {active.count()} active tabs"
    assert active.inner_text().strip() == TABS[kind], f"{kind}: active tab {active.inner_text()!r}, expected {TABS[kind]}"
    assert active.get_attribute("aria-current"), f"{kind}: the active tab does not tell a screen reader (aria-current)"


def test_letter_trail_goes_through_its_meeting(page, base_url, kinds):
    page.goto(base_url + kinds["letter (verslag)"])
    steps = [t.strip() for t in page.locator("nav.md-path a").all_inner_texts()]
    meetings = page.locator(".brief-meta a[href*='vergaderingen/']").all_inner_texts()
    assert meetings, "the verslag's panel names no meeting"
    assert steps[:2] == ["Start", "Vergaderingen"] and steps[2] == meetings[0].strip(), f"trail: {steps}"


def test_paragraph_reached_by_its_link_is_highlighted_for_a_moment(page, base_url, kinds):
    page.goto(base_url + kinds["letter (verslag)"])
    anchor = page.locator(".md-content article p[id^='p']").nth(3).get_attribute("id")
    page.goto(base_url + kinds["letter (verslag)"] + "#" + anchor)
    colour = f"() => getComputedStyle(document.getElementById('{anchor}')).backgroundColor"
    at_once = page.evaluate(colour)
    assert at_once not in ("rgba(0, 0, 0, 0)", "transparent"), f"paragraph #{anchor} is not highlighted on arrival"
    page.wait_for_timeout(3500)
    later = page.evaluate(colour)
    assert later in ("rgba(0, 0, 0, 0)", "transparent"), f"the highlight of #{anchor} does not fade ({later})"
    other = page.locator(".md-content article p[id^='p']").nth(5)
    assert other.evaluate("p => getComputedStyle(p).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")


def test_paragraph_link_control_is_on_screen_and_big_enough_on_a_phone(page, base_url, kinds):
    page.set_viewport_size(PHONE)
    page.goto(base_url + kinds["letter (verslag)"])
    boxes = page.evaluate("""() => [...document.querySelectorAll('.deelbaar > .deel-link')].slice(0, 30).map(b => {
        const r = b.getBoundingClientRect(); return {x: r.x, right: r.right, w: r.width, h: r.height, id: b.dataset.anker}; })""")
    assert boxes, "no paragraph-link controls on the verslag"
    width = PHONE["width"]
    off = [b for b in boxes if b["x"] < 0 or b["right"] > width]
    assert not off, f"paragraph-link controls off screen on a phone: {off[:3]}"
    small = [b for b in boxes if b["w"] < 24 or b["h"] < 24]
    assert not small, f"paragraph-link controls under 24x24 px on a phone: {small[:3]}"
