"""WCAG 2.1 AA, checked by a machine in a real browser, and by keyboard.

axe-core (npm, pinned in package-lock.json; `make test` runs `npm ci`) is
injected from node_modules: no network at test time.  Every kind of page is
checked at a desktop and a phone width, and the search box open with results.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .pagetypes import every_kind

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
KINDS = ["home", "index vergaderingen", "index onderwerpen", "index brieven", "index kamerstukken",
         "index dossiers", "index bewindspersonen", "meeting with verslag", "meeting without verslag", "letter (verslag)",
         "letter (geannoteerde agenda)", "nota", "topic", "kamerstuk", "dossier", "person", "woordenlijst",
         "over", "404"]
# Transitions off: a control is judged in its settled state, not half faded in.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does) to install axe-core", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def kinds(site) -> dict[str, str]:
    return every_kind(site)


def visit(page, base_url: str, path: str) -> None:
    if path == "/404.html":
        # MkDocs writes the 404 page with addresses under site_url's path (/leeszaal/).
        page.route("**/leeszaal/**", lambda route: route.continue_(url=route.request.url.replace("/leeszaal/", "/", 1)))
    response = page.goto(base_url + path)
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else '?'}"


def serious(page, axe_source: str) -> list[str]:
    """axe-core's serious and critical violations on the page, one line per element."""
    page.add_script_tag(content=axe_source)
    found = page.evaluate("""() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .flatMap(v => v.nodes.map(n => `${v.impact} ${v.id}: ${n.target.join(' ')}: ${
            (n.any[0] && n.any[0].message) || n.failureSummary}`)))""")
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("kind", KINDS)
def test_no_serious_accessibility_violations(page, base_url, kinds, axe_source, kind, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    visit(page, base_url, kinds[kind])
    problems = serious(page, axe_source)
    assert not problems, f"{kind} ({kinds[kind]}) at {viewport}: {len(problems)} serious/critical:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_no_serious_accessibility_violations_with_search_results_open(page, base_url, axe_source, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    visit(page, base_url, "/?q=drones")
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate("document.getElementById('__search').checked"), "?q=drones did not open the search box"
    problems = serious(page, axe_source)
    assert not problems, f"search open at {viewport}: {len(problems)} serious/critical:\n" + "\n".join(problems[:20])


# --- Keyboard ------------------------------------------------------------------

FOCUSED = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    let hidden = false;
    for (let el = e; el; el = el.parentElement) {
        const c = getComputedStyle(el);
        if (c.visibility === 'hidden' || c.display === 'none' || parseFloat(c.opacity) === 0) { hidden = true; break; }
    }
    const path = []; for (let el = e; el && el !== document.body; el = el.parentElement) path.unshift(el);
    return {tag: e.tagName, cls: String(e.className), text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
            w: r.width, h: r.height, x: r.x, y: r.y, vw: innerWidth, vh: innerHeight, hidden,
            ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== 'none',
            search: document.getElementById('__search').checked,
            order: [...document.querySelectorAll('*')].indexOf(e)};
}"""


def tab_through(page, stops: int) -> list[dict]:
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if now is None or (seen and now["order"] < seen[-1]["order"]):
            break  # back at the start: every stop has been seen
        seen.append(now)
    return seen


def label(stop: dict) -> str:
    return f"<{stop['tag'].lower()} class='{stop['cls'][:40]}'> {stop['text']!r}"


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("kind", ["home", "letter (verslag)", "nota", "meeting with verslag", "topic", "index brieven"])
def test_tabbing_is_visible_in_order_and_leaves_search_closed(page, base_url, kinds, kind, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    visit(page, base_url, kinds[kind])
    page.add_style_tag(content=STILL)
    stops = tab_through(page, 80)
    assert len(stops) > 5, f"{kind}: only {len(stops)} tab stops"
    invisible = [label(s) for s in stops if s["hidden"] or s["w"] < 1 or s["h"] < 1
                 or s["x"] + s["w"] <= 0 or s["x"] >= s["vw"] or s["y"] + s["h"] <= 0 or s["y"] >= s["vh"]]
    assert not invisible, f"{kind} at {viewport}: invisible tab stops: {invisible}"
    no_ring = [label(s) for s in stops if not s["ring"]]
    assert not no_ring, f"{kind} at {viewport}: controls without a visible focus ring: {no_ring}"
    assert not any(s["search"] for s in stops), \
        f"{kind} at {viewport}: tabbing opened the search box (at {[label(s) for s in stops if s['search']][:1]})"
    orders = [s["order"] for s in stops]
    assert orders == sorted(orders), f"{kind} at {viewport}: tab order does not follow the page"


def test_search_opens_on_purpose_and_closes_when_focus_leaves(page, base_url):
    page.set_viewport_size(VIEWPORTS["desktop"])
    visit(page, base_url, "/")
    is_open = "() => document.getElementById('__search').checked"
    box = page.locator("#zoekveld")
    box.focus()
    assert not page.evaluate(is_open), "focusing the search field opened the search box"
    page.keyboard.type("drones")
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate(is_open), "typing in the search field did not open the search box"
    # Tab on through the box (filters, results) until focus leaves it.
    for _ in range(20):
        page.keyboard.press("Tab")
        if not page.evaluate("() => !!document.activeElement.closest('.md-search')"):
            break
    assert not page.evaluate("() => !!document.activeElement.closest('.md-search')"), "Tab never leaves the search box"
    assert not page.evaluate(is_open), "the search box stays open after focus left it"
    # A key opens it on purpose, Escape closes it.
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("/")
    assert page.evaluate(is_open), "the / key did not open the search box"
    page.keyboard.press("Escape")
    assert not page.evaluate(is_open), "Escape did not close the search box"


def test_phone_menu_opens_by_keyboard_and_reaches_the_letters_sections(page, base_url, kinds):
    page.set_viewport_size(VIEWPORTS["phone"])
    visit(page, base_url, kinds["letter (verslag)"])
    page.add_style_tag(content=STILL)
    menu = page.locator("label[for='__drawer'][role='button']").first
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Enter on the menu button did not open the menu"
    contents = page.locator(".md-sidebar--primary label.md-nav__link[for='__toc']")
    assert contents.count() == 1, "the phone menu has no entry for this page's table of contents"
    contents.focus()
    page.keyboard.press("Enter")
    headings = page.evaluate("() => [...document.querySelectorAll('.md-content article h2[id]')].map(h => h.id)")
    links = page.locator(".md-sidebar--primary .md-nav--secondary a.md-nav__link")
    targets = [h.split("#")[-1] for h in links.evaluate_all("els => els.map(a => a.getAttribute('href'))")]
    assert headings and set(headings) <= set(targets), f"the phone menu lacks sections: {sorted(set(headings) - set(targets))}"
    first = links.first
    assert first.is_visible(), "the letter's sections are in the menu but not shown"
    first.click()
    page.wait_for_function("() => location.hash.length > 1")
