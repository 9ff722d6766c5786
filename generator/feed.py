"""Atom feeds: new letters (feed.xml) and, per topic, new passages
(onderwerpen/<slug>/feed.xml).

Feed readers need absolute links, so the site's address comes from
mkdocs.yml's `site_url` (the one place it is set).  The output depends only on
the corpus and that address: no build time, entries in a fixed order, the
newest letter's date as the feed's `updated`, so an unchanged corpus gives
byte-identical feeds and the writer leaves them alone.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import yaml

from . import slugs
from .model import Block, Corpus, Letter, Page, Section, Topic
from .dates import dutch_date

ATOM = "http://www.w3.org/2005/Atom"
CONFIG = "mkdocs.yml"
# Characters XML 1.0 forbids (PDF text brings form feeds and the like).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A feed reader wants what is new, not the archive: the feed stays small at any size.
FEED_ENTRIES = 50
KINDS = {"geannoteerde agenda": "Geannoteerde agenda", "verslag": "Verslag"}


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!!python/name:..., !ENV)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(path: Path | None = None) -> dict:
    """mkdocs.yml of the project being built (current directory), else the one next to this package."""
    for candidate in ([path] if path else [Path.cwd() / CONFIG, Path(__file__).resolve().parent.parent / CONFIG]):
        if candidate.is_file():
            return yaml.load(candidate.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return {}


def _text(text: str) -> str:
    return NOT_XML.sub(" ", text)


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _text(text)
    return el


def _summary(blocks: tuple[Block, ...], limit: int = 400) -> str:
    """The first real paragraph (not "Geachte voorzitter,"), cut at a word."""
    text = next((b.text for b in blocks if b.kind in ("paragraph", "item") and len(b.text) > 60),
                next((b.text for b in blocks), ""))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


class _Feeds:
    def __init__(self, corpus: Corpus, site_url: str, site_name: str):
        from .render import page_url  # render imports this module

        self.corpus = corpus
        self.base = site_url.rstrip("/") + "/"
        self.site_name = site_name
        self.url = lambda path: self.base + page_url(path)
        self.meeting_of = {}  # a letter's first meeting (a report can cover two on one day)
        for m in corpus.meetings:
            for s in m.letters:
                self.meeting_of.setdefault(s, m)
        self.letters = {d.slug: d for l in corpus.letters for d in (l, *l.attachments)}
        # A topic's passages are thousands: each looks up its section and its letter's address here.
        self.sections: dict[tuple[str, str], Section] = {}
        for d in self.letters.values():
            for s in d.sections:
                self.sections.setdefault((d.slug, s.anchor), s)  # the first section with that anchor
        self._letter_urls: dict[str, str] = {}

    def letter_url(self, slug: str) -> str:
        url = self._letter_urls.get(slug)
        if url is None:
            from .render import letter_path  # render imports this module
            url = self._letter_urls[slug] = self.url(letter_path(slug))
        return url

    def day(self, letter: Letter) -> date:
        """The letter's date; an undated letter counts from its meeting's first day."""
        if letter.letter_date:
            return letter.letter_date
        if letter.attached_to and self.letters[letter.attached_to].letter_date:
            return self.letters[letter.attached_to].letter_date
        starts = [m.start for m in letter.meetings if m.start]
        meeting = self.meeting_of.get(letter.slug)
        return min(starts) if starts else (meeting.start if meeting else date(1970, 1, 1))

    def feed(self, path: str, title: str, subtitle: str, alternate: str, entries: list[tuple]) -> Page:
        """The feed of the newest FEED_ENTRIES `entries` (sorted newest first)."""
        root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
        _sub(root, "id", self.base + path)
        _sub(root, "title", title)
        _sub(root, "subtitle", subtitle)
        _sub(root, "link", rel="self", type="application/atom+xml", href=self.base + path)
        _sub(root, "link", rel="alternate", type="text/html", href=alternate)
        newest = max((day for day, *_ in entries), default=date(1970, 1, 1))
        _sub(root, "updated", _stamp(newest))
        _sub(_sub(root, "author"), "name", self.site_name)
        for day, entry_id, entry_title, link, summary, categories in entries[:FEED_ENTRIES]:
            entry = _sub(root, "entry")
            _sub(entry, "id", entry_id)
            _sub(entry, "title", entry_title)
            _sub(entry, "link", rel="alternate", type="text/html", href=link)
            _sub(entry, "updated", _stamp(day))
            _sub(entry, "summary", summary)
            for term in categories:
                _sub(entry, "category", term=term)
        ET.register_namespace("", ATOM)
        ET.indent(root)
        xml = ET.tostring(root, encoding="unicode")
        return Page(path, '<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n")

    def letter_entry(self, letter: Letter) -> tuple:
        topics = {s for sec in letter.sections for s in self.corpus.section_topics.get((letter.slug, sec.anchor), ())}
        meeting = self.meeting_of.get(letter.slug)
        lead = KINDS.get(letter.kind, "Brief")
        if meeting:
            lead += f" bij {meeting.title}, {dutch_date(meeting.start)}"
        summary = f"{lead}. {_summary(tuple(b for s in letter.sections for b in s.blocks))}"
        url = self.letter_url(letter.slug)
        return (self.day(letter), url, letter.title, url, summary,
                [t.title for t in self.corpus.topics if t.slug in topics])

    def topic_entries(self, topic: Topic) -> list[tuple]:
        """The newest FEED_ENTRIES passages, newest first (summaries made for those only)."""
        found = []
        for p in topic.passages:
            letter = self.letters.get(p.letter)
            section = self.sections.get((letter.slug, p.section)) if letter else None
            if section is None:
                continue
            # A passage is a paragraph: its own anchor keeps entry ids unique.
            url = f"{self.letter_url(letter.slug)}#{p.anchor}"
            found.append((self.day(letter), url, letter, section, p))
        found.sort(key=lambda f: (f[0], f[1]), reverse=True)
        entries = []
        for day, url, letter, section, p in found[:FEED_ENTRIES]:
            blocks = tuple(b for b in section.blocks if f"p{b.line}" == p.paragraph) or section.blocks
            entries.append((day, url, f"{letter.title}: {section.heading or 'inleiding'}", url, _summary(blocks),
                            [topic.title]))
        return entries


def render_feeds(corpus: Corpus, config: dict | None = None) -> list[Page]:
    """feed.xml for all letters and onderwerpen/<slug>/feed.xml per topic; none without a site_url."""
    from .render import topic_path

    config = site_config() if config is None else config
    site_url = config.get("site_url")
    if not site_url:
        return []
    feeds = _Feeds(corpus, site_url, config.get("site_name") or "Defensiebrieven")
    newest = sorted(corpus.letters, key=lambda l: (feeds.day(l), feeds.letter_url(l.slug)), reverse=True)
    entries = [feeds.letter_entry(l) for l in newest[:FEED_ENTRIES]]
    pages = [feeds.feed("feed.xml", f"{feeds.site_name}: nieuwe brieven",
                        "Geannoteerde agenda's en verslagen van de minister van Defensie, nieuwste eerst.",
                        feeds.url(f"{slugs.LETTERS}/index.md"), entries)]
    for topic in corpus.topics:
        folder = topic_path(topic.slug).removesuffix(".md")
        pages.append(feeds.feed(f"{folder}/feed.xml", f"{feeds.site_name}: {topic.title}", topic.description,
                                feeds.url(topic_path(topic.slug)), feeds.topic_entries(topic)))
    return pages
