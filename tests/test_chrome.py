"""Every built page speaks Dutch and shows no Markdown markup.

Scans the whole built site (one build per session, tests/conftest.py): the
labels a screen reader reads (aria-label, title, placeholder, alt), the
page's chrome outside the article, and the labels inside it (the letter
panel, buttons, collapsible titles, table heads); the letters' own text may
quote English (NATO's names), so only it is spared the word list.  Then the
text of every page for Markdown that was not converted, counts with a
slash instead of the right singular or plural, and lists that link two
meetings under the same words.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

ENGLISH = re.compile(r"\b(Made with|Material for MkDocs|Header|Footer|Tabs|Search|Navigation|Table of contents|"
                     r"Back to top|Skip to content|Copy to clipboard|Copied|Previous|Next|Share|Edit this page|"
                     r"Type to start searching|No matching|results?|Last update|Initializing|other|Close|Menu toggle)\b")
# Markdown a reader should never see: emphasis marks, link syntax, attribute lists, headings, code ticks.
MARKDOWN = re.compile(r"\*\*|(?<![\w/])__\w|\]\((?!\))|\{\s*[:#.][\w-]|^\s*#{1,6} \S|`", re.MULTILINE)
SLASH_PLURAL = re.compile(r"\b\d+ (brief/brieven|passage/passages|vergadering/vergaderingen|document/documenten|"
                          r"\w+\(s\)|\w+\(en\))")
LABELS = ("aria-label", "title", "placeholder", "alt")
CHROME_INSIDE = {"dt", "summary", "th", "button", "label"}
SKIP = {"script", "style", "code", "pre", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Text of a page split into chrome and article, plus label attributes and link groups."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.labels: list[str] = []
        self.chrome: list[str] = []
        self.article: list[str] = []
        self.inside_labels: list[str] = []
        self.groups: list[list[tuple[str, str]]] = []  # links per li / td
        self._group: list[list[tuple[str, str]]] = []
        self._link: list[list[str]] = []

    def in_(self, tag: str = "", cls: str = "") -> bool:
        return any((not tag or t == tag) and (not cls or cls in c) for t, c in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in LABELS:
            if a.get(name) and not (tag == "abbr" and name == "title"):  # an abbreviation's long form may be English
                self.labels.append(a[name])
        if tag in VOID:
            return
        self.stack.append((tag, set((a.get("class") or "").split())))
        if tag in ("li", "td"):
            self._group.append([])
        if tag == "a":
            self._link.append([a.get("href") or "", ""])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if tag == "a" and t == "a" and self._link:
                href, text = self._link.pop()
                if self._group:
                    self._group[-1].append((href.split("#")[0], " ".join(text.split())))
            if tag in ("li", "td") and t == tag and self._group:
                self.groups.append(self._group.pop())
            if t == tag:
                break

    def handle_data(self, data):
        if not data.strip() or any(t in SKIP for t, _ in self.stack):
            return
        for link in self._link:
            link[1] += data
        if self.in_("article"):
            self.article.append(data)
            if any(t in CHROME_INSIDE for t, _ in self.stack) or self.in_(cls="md-button") or self.in_(cls="brief-meta") \
                    or self.in_(cls="kolomkop") or self.in_(cls="md-path"):
                self.inside_labels.append(data)
        else:
            self.chrome.append(data)


@pytest.fixture(scope="module")
def pages(built) -> dict[str, Page]:
    site = built / "site"
    found = {}
    for path in sorted(site.rglob("*.html")):
        parsed = Page()
        parsed.feed(path.read_text(encoding="utf-8"))
        found[path.relative_to(site).as_posix()] = parsed
    assert len(found) > 20, "the built site has hardly any pages"
    return found


def hits(pattern: re.Pattern, texts: list[str]) -> list[str]:
    return sorted({m.group(0) for t in texts for m in pattern.finditer(t)})


def test_the_word_lists_catch_what_they_are_for():
    # Made-up chrome of the shapes the site once had.
    assert hits(ENGLISH, ["Made with", "Header", "Soort: other"]) == ["Header", "Made with", "other"]
    assert not hits(ENGLISH, ["Kop van de pagina", "Hoofdmenu", "overig", "Menu"])
    assert hits(MARKDOWN, ["→ ** bondgenoten.**"]) and hits(MARKDOWN, ["[tekst](../x.md)"]) and hits(MARKDOWN, ["x{ .md-button }"])
    assert not hits(MARKDOWN, ["Kamerstuk 28 676, nr. 554 (zie bijlage)", "NAVO-top [2025]"])
    assert hits(SLASH_PLURAL, ["1 brief/brieven"]) and not hits(SLASH_PLURAL, ["1 brief", "3 brieven"])


def test_no_english_chrome_on_any_page(pages):
    found = {}
    for name, page in pages.items():
        english = hits(ENGLISH, page.labels + page.chrome + page.inside_labels)
        if english:
            found[name] = english
    assert not found, f"English chrome on {len(found)} page(s): " + "; ".join(f"{n}: {w}" for n, w in list(found.items())[:10])


def test_no_literal_markdown_on_any_page(pages):
    found = {}
    for name, page in pages.items():
        markup = [t.strip()[:80] for t in page.article + page.chrome if MARKDOWN.search(t)]
        if markup:
            found[name] = markup[:3]
    assert not found, f"literal Markdown on {len(found)} page(s): " + "; ".join(f"{n}: {m}" for n, m in list(found.items())[:10])


def test_counts_use_the_right_singular_or_plural(pages):
    found = {name: hits(SLASH_PLURAL, page.article + page.chrome) for name, page in pages.items()}
    found = {n: h for n, h in found.items() if h}
    assert not found, f"counts with a slash: {found}"


def test_two_links_in_one_list_item_are_told_apart_by_their_words(pages):
    """Two meetings on one day: each link says which meeting, not only the date."""
    found = []
    for name, page in pages.items():
        for group in page.groups:
            by_text: dict[str, set[str]] = {}
            for href, text in group:
                by_text.setdefault(text, set()).add(href)
            found += [f"{name}: {text!r} -> {sorted(hrefs)}" for text, hrefs in by_text.items() if text and len(hrefs) > 1]
    assert not found, "identical link text for different pages in one list item or cell:\n" + "\n".join(found[:10])


def test_glossary_names_no_file_of_the_project(pages):
    page = pages["woordenlijst/index.html"]
    text = " ".join(page.article)
    assert not re.search(r"[\w/]+\.(ya?ml|py|j2|json|txt)\b", text), "the glossary names a file of the project"


def test_over_page_has_the_accessibility_statement(pages):
    text = " ".join(pages["over/index.html"].article)
    assert "Toegankelijkheid" in text and "WCAG 2.1" in text
    assert re.search(r"[Mm]eld", text), "the Over page does not say how to report an accessibility problem"
