"""Stage 5, render: the linked corpus becomes Markdown pages (Jinja2 templates).

Templates decide the layout; this module gives them safe Markdown fragments
(escaped letter text with links inserted by span) and the paths between pages.
Nothing here touches the disk, but for the pages that render workers write
(render_pages, by generator/write.py's rule).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import Callable
from pathlib import Path
from urllib.parse import quote

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from . import slugs
from .dates import MONTHS, dutch_date
from .knowledge import PersonEntry, document_label, field_label, kind_label, origin_label, people
from .dataset import render_dataset
from .feed import render_feeds
from . import pool
from .incremental import Incremental, Record, Recording, by_letter
from .markdown import Abbreviations, escape, html_inline, html_text, render_inline
from .references import letter_citation
from .write import Written, announce, check_paths, write_page
from .model import Block, CitedDocument, Corpus, Letter, Mark, Meeting, Page, Section, Source, Topic

TEMPLATES = Path(__file__).parent / "templates"
# Page budgets (issue 16): a page stays light on a phone at 1,000 letters and more.
TOPIC_MEETINGS_IN_FULL = 6  # a topic page quotes the newest meetings; older ones are on a page per year
DOCUMENTS_IN_FULL = 250  # the Kamerstukken index lists them all up to this many, else the newest year
HOME_YEARS = 2  # the home page's timeline shows the newest years; the rest is on the year pages
PERSON_LETTERS_IN_FULL = 100  # a person's page lists all their letters up to this many, else the newest years
HOME_MATRIX_MEETINGS = 12  # columns of the home page's topic-per-meeting table
NO_DATE = "zonder-datum"  # the year page of letters without a date
GLOSSARY_FILE = "includes/abbreviations.json"
# libyaml's safe dumper where PyYAML has it: the same output, many times faster.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def letter_path(slug: str) -> str:
    return f"{slugs.LETTERS}/{slug}.md"


def meeting_path(meeting_id: str) -> str:
    return f"{slugs.MEETINGS}/{meeting_id}.md"


def topic_path(slug: str) -> str:
    return f"{slugs.TOPICS}/{slug}.md"


def topic_year_path(slug: str, year: int) -> str:
    """onderwerpen/oekraine/2019.md: a topic's older meetings of one year, beside its feed."""
    return f"{slugs.TOPICS}/{slug}/{year}.md"


def person_path(key: str) -> str:
    return f"{slugs.PEOPLE}/{key}.md"


def person_year_path(key: str, year: int | None) -> str:
    """bewindspersonen/brekelmans/2019.md: a person's letters of one year, when they are too many for one page."""
    return f"{slugs.PEOPLE}/{key}/{year or NO_DATE}.md"


def document_path(kind: str, key: str) -> str:
    return f"{slugs.DOSSIERS}/{key}.md" if kind == "dossier" else f"{slugs.DOCUMENTS}/{key}.md"


def year_path(folder: str, year: int | None) -> str:
    """brieven/jaar/2024.md, vergaderingen/jaar/2024.md: one index page per year, apart from the letters."""
    return f"{folder}/jaar/{year or NO_DATE}.md"


@lru_cache(maxsize=65536)
def _relative(from_dir: str, to_page: str) -> str:
    """markdown.relative() for docs/-relative paths, by string: posixpath.relpath asks the
    file system for the working folder twice per call, and a build makes 100,000 links."""
    target, _, anchor = to_page.partition("#")
    if not target:
        return f"#{anchor}" if anchor else ""
    here = from_dir.split("/") if from_dir else []
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    path = "/".join([".."] * (len(here) - common) + there[common:])
    return path + (f"#{anchor}" if anchor else "")


def page_url(path: str) -> str:
    """Site-root-relative URL of a page (directory URLs); templates put base_url before it."""
    return quote(path.removesuffix(".md").removesuffix("index").rstrip("/") + "/")


def front_matter(data: dict) -> str:
    """YAML front matter; safe_dump quotes whatever a title throws at it ('---', ': ', quotes)."""
    return "---\n" + yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


@dataclass
class Site:
    """Lookups the templates need, built once per corpus."""

    corpus: Corpus
    # Memos filled while pages render, not inputs: a page rendered by incremental.py gets its own.
    SCRATCH = frozenset({"quoted"})

    @cached_property
    def letters(self) -> dict[str, Letter]:
        out = {}
        for letter in self.corpus.letters:
            out[letter.slug] = letter
            out.update({a.slug: a for a in letter.attachments})
        return out

    @cached_property
    def meetings(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.corpus.meetings}

    @cached_property
    def topics(self) -> dict[str, Topic]:
        return {t.slug: t for t in self.corpus.topics}

    @cached_property
    def documents(self) -> dict[tuple[str, str], CitedDocument]:
        return {(d.kind, d.key): d for d in self.corpus.documents}

    # Indexes built once: templates look things up, they never scan the corpus
    # per item (that made rendering grow with the square of the letter count).

    @cached_property
    def _sections(self) -> dict[tuple[str, str], Section]:
        return {(slug, s.anchor): s for slug, l in self.letters.items() for s in l.sections}

    @cached_property
    def _passages(self) -> dict[tuple[str, str | None], list]:
        index: dict[tuple[str, str | None], list] = {}
        for topic in self.corpus.topics:
            for p in topic.passages:
                index.setdefault((topic.slug, p.meeting), []).append(p)
        return index

    @cached_property
    def _letter_meetings(self) -> dict[str, list[Meeting]]:
        index: dict[str, list[Meeting]] = {}
        for m in self.corpus.meetings:
            for slug in m.letters:
                index.setdefault(slug, []).append(m)
        return index

    @cached_property
    def _dossier_documents(self) -> dict[str, list[CitedDocument]]:
        index: dict[str, list[CitedDocument]] = {}
        for d in self.corpus.documents:
            if d.kind != "dossier" and d.dossier:
                index.setdefault(d.dossier, []).append(d)
        return index

    @cached_property
    def _paragraphs(self) -> dict[tuple[str, str], Block]:
        return {(slug, f"p{b.line}"): b for slug, l in self.letters.items() for s in l.sections for b in s.blocks}

    @by_letter
    def section(self, letter_slug: str, anchor: str) -> Section:
        return self._sections[(letter_slug, anchor)]

    @by_letter
    def paragraph(self, letter_slug: str, anchor: str) -> Block:
        return self._paragraphs[(letter_slug, anchor)]

    @cached_property
    def _paragraph_numbers(self) -> dict[tuple[str, str, str], int]:
        index: dict[tuple[str, str, str], int] = {}
        for (slug, anchor), section in self._sections.items():
            for i, b in enumerate(section.blocks, 1):
                index.setdefault((slug, anchor, f"p{b.line}"), i)  # the first, as a reader finds it
        return index

    @by_letter
    def paragraph_number(self, letter_slug: str, section: str, anchor: str) -> int:
        """1-based position of a paragraph in its section, as a reader counts it."""
        return self._paragraph_numbers[(letter_slug, section, anchor)]

    def passages(self, topic_slug: str, meeting_id: str | None, letter_slug: str | None = None) -> list:
        found = self._passages.get((topic_slug, meeting_id), [])
        return [p for p in found if p.letter == letter_slug] if letter_slug else found

    def meetings_of(self, letter_slug: str) -> list[Meeting]:
        return self._letter_meetings.get(letter_slug, [])

    def dossier_documents(self, dossier: str) -> list[CitedDocument]:
        return self._dossier_documents.get(dossier, [])

    def dossier_citing(self, dossier: str) -> int:
        """How many letters cite the dossier, as a whole or one of its documents."""
        doc = self.documents.get(("dossier", dossier))
        return len({slug for d in [doc, *self.dossier_documents(dossier)] if d for slug, _ in d.citing})

    def topics_of(self, letter_slug: str, anchor: str) -> list[Topic]:
        return [self.topics[s] for s in self.corpus.section_topics.get((letter_slug, anchor), ())]

    def letter_topics(self, letter: Letter) -> list[Topic]:
        seen = {s for sec in letter.sections for s in self.corpus.section_topics.get((letter.slug, sec.anchor), ())}
        return [t for t in self.corpus.topics if t.slug in seen]

    def meeting_topics(self, meeting: Meeting) -> list[Topic]:
        return [t for t in self.corpus.topics if (t.slug, meeting.id) in self._passages]

    @cached_property
    def letter_years(self) -> list[tuple[int | None, list[Letter]]]:
        """Letters by year of their date, newest year first, newest letter first; undated last."""
        years: dict[int | None, list[Letter]] = {}
        for letter in reversed(self.corpus.letters):
            years.setdefault(letter.letter_date.year if letter.letter_date else None, []).append(letter)
        return sorted(years.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0)))

    @cached_property
    def document_years(self) -> list[tuple[int | None, list[CitedDocument]]]:
        """Cited Kamerstukken and zaken (dossiers have their own index) by the year of the letters
        that cite them, newest year first: a document cited in two years is in both.  Cited only
        by undated letters: last, as "zonder datum"."""
        dated: dict[str, date | None] = {}
        for letter in self.corpus.letters:
            dated[letter.slug] = letter.letter_date
            dated.update({a.slug: a.letter_date or letter.letter_date for a in letter.attachments})
        years: dict[int | None, list[CitedDocument]] = {}
        for doc in self.corpus.documents:
            if doc.kind == "dossier":
                continue
            # A letter of the corpus that no other letter cites: the year of its own date.
            days = [dated.get(slug) for slug, _ in doc.citing] or [dated.get(doc.letter or "")]
            for year in dict.fromkeys(day.year if day else None for day in days):
                years.setdefault(year, []).append(doc)
        return sorted(years.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0)))

    @cached_property
    def people_letters(self) -> dict[str, list[tuple[Letter, bool]]]:
        """Per person of data/people.yaml who signed a letter: (letter, signed it: True; co-signed: False),
        newest first, undated last."""
        index: dict[str, list[tuple[Letter, bool]]] = {}
        for letter in reversed(self.corpus.letters):
            if letter.minister:
                index.setdefault(letter.minister, []).append((letter, True))
            for key in dict.fromkeys(k for k in letter.cosigner_people if k and k != letter.minister):
                index.setdefault(key, []).append((letter, False))
        return {key: sorted(found, key=lambda e: e[0].letter_date is None) for key, found in index.items()}

    @cached_property
    def signers(self) -> list[tuple[PersonEntry, list[tuple[Letter, bool]]]]:
        """The people who signed, with their letters: who signed the newest letter first."""
        known = people()
        found = [(known[k], letters) for k, letters in self.people_letters.items() if k in known]
        newest = {p.key: max((l.letter_date for l, _ in ls if l.letter_date), default=date.min) for p, ls in found}
        # Who signed most breaks a tie: the minister before a state secretary who co-signed the same letter.
        return sorted(found, key=lambda e: (-newest[e[0].key].toordinal(), -len(e[1]), e[0].name))

    @cached_property
    def _person_years(self) -> dict[str, list[tuple[int | None, list[tuple[Letter, bool]]]]]:
        index: dict[str, list[tuple[int | None, list[tuple[Letter, bool]]]]] = {}
        for key, found in self.people_letters.items():
            years: dict[int | None, list[tuple[Letter, bool]]] = {}
            for letter, signed in found:
                years.setdefault(letter.letter_date.year if letter.letter_date else None, []).append((letter, signed))
            index[key] = list(years.items())
        return index

    def person_years(self, key: str) -> list[tuple[int | None, list[tuple[Letter, bool]]]]:
        """A person's letters by year, newest first; undated last (grouped once, for every page that shows them)."""
        return self._person_years.get(key, [])

    @cached_property
    def meeting_years(self) -> list[tuple[int, list[Meeting]]]:
        """Meetings by year, newest first."""
        years: dict[int, list[Meeting]] = {}
        for m in reversed(self.corpus.meetings):
            years.setdefault(m.start.year, []).append(m)
        return sorted(years.items(), key=lambda kv: -kv[0])

    def topic_meetings(self, topic: Topic) -> tuple[list[str], list[tuple[int, list[str]]]]:
        """(newest meeting ids, quoted in full; older ones grouped by year, newest first)."""
        newest_first = list(reversed(topic.meetings))
        older: dict[int, list[str]] = {}
        for mid in newest_first[TOPIC_MEETINGS_IN_FULL:]:
            older.setdefault(self.meetings[mid].start.year, []).append(mid)
        return newest_first[:TOPIC_MEETINGS_IN_FULL], list(older.items())

    @cached_property
    def overig_years(self) -> list[tuple[int | None, list[tuple[Letter, Section]]]]:
        """overig() by the year of the letter (its date, else its first meeting's), newest first; undated last."""
        years: dict[int | None, list[tuple[Letter, Section]]] = {}
        for letter, section in self.overig():
            day = letter.letter_date or next((m.start for m in letter.meetings if m.start), None)
            years.setdefault(day.year if day else None, []).append((letter, section))
        return sorted(years.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0)))

    def overig(self) -> list[tuple[Letter, Section]]:
        return [(self.letters[l], self.section(l, a)) for (l, a), t in self.corpus.section_topics.items() if not t]

    @cached_property
    def glossary(self) -> dict[str, str]:
        """The tooltips, as the abbr extension gets them (GLOSSARY_FILE)."""
        return dict(sorted({a.short: " ".join(a.long.split()) for a in self.corpus.glossary}.items()))

    @cached_property
    def abbreviations(self) -> Abbreviations:
        return Abbreviations(self.glossary)

    @cached_property
    def quoted(self) -> dict[tuple[str, str, int], str]:
        """A quoted paragraph's HTML, made once per run and reused by every page at that depth."""
        return {}

    def prepare(self) -> None:
        """Builds every index now (not the memos), so that forked workers inherit them instead of each building its own."""
        for name, value in vars(type(self)).items():
            if isinstance(value, cached_property) and name not in self.SCRATCH:
                getattr(self, name)


class PageRenderer:
    """Markdown fragments for one page: links are relative to that page."""

    def __init__(self, site: Site, path: str):
        self.site = site
        self.path = path

    def link(self, target: str) -> str:
        return _relative(self.path.rpartition("/")[0], target)

    def _reference(self, mark: Mark, shown: str) -> str:
        kind, _, key = mark.value.partition(":")
        if kind == "unresolved":
            reason = escape(key or "onbekend document").replace('"', "&quot;")
            return f'<span class="ref-onopgelost" title="Niet gevonden: {reason}">{shown}</span>'
        doc = self.site.documents.get((kind, key))
        if doc is None:
            return shown
        target = letter_path(doc.letter) if doc.letter else document_path(kind, key)
        return f"[{shown}]({self.link(target)})"

    def inline(self, block: Block, footnotes: bool = True) -> str:
        return render_inline(block.text, block.marks, self._reference,
                             (lambda label: f"[^{label}]") if footnotes else (lambda label: None))

    def block(self, block: Block, footnotes: bool = True, anchor: bool = True) -> str:
        text = self.inline(block, footnotes)
        if block.kind == "item":
            text = "- " + text
        if block.kind == "subject":
            text = f"**{text}**"
        return text + (f"\n{{: #p{block.line} }}" if anchor else "")

    def quote(self, letter_slug: str, anchor: str, lead: bool = False, paragraph: str | None = None) -> str:
        """A section quoted in full (or its opening paragraph, or one paragraph), as a block quote, without footnote markers."""
        section = self.site.section(letter_slug, anchor)
        if paragraph:
            return "> " + self.block(self.site.paragraph(letter_slug, paragraph), footnotes=False,
                                     anchor=False).replace("\n", "\n> ")
        blocks = section.blocks[:1] if lead else section.blocks
        paragraphs = [self.block(b, footnotes=False, anchor=False) for b in blocks]
        if lead and len(section.blocks) > 1:
            more = len(section.blocks) - 1
            paragraphs.append(f"[… nog {more} {'alinea' if more == 1 else 'alinea’s'}]"
                              f"({self.link(letter_path(letter_slug) + '#' + anchor)})")
        return "\n>\n".join("> " + p.replace("\n", "\n> ") for p in paragraphs)

    def url(self, target: str) -> str:
        """The built URL of a docs/ page (with its anchor), relative to this page's URL: for HTML
        that MkDocs passes through without rewriting its links."""
        target, _, anchor = target.partition("#")
        return "../" * self._depth + page_url(target) + (f"#{quote(anchor, safe='')}" if anchor else "")

    @cached_property
    def _depth(self) -> int:
        """Folders between the site root and this page's URL (index.md: 0, brieven/x.md: 2)."""
        here = page_url(self.path).strip("/")
        return here.count("/") + 1 if here else 0

    def text_html(self, text: str) -> str:
        """Text escaped for HTML, with the glossary's tooltips."""
        return html_text(text, self.site.abbreviations)

    def _reference_html(self, mark: Mark) -> tuple[str, str] | None:
        kind, _, key = mark.value.partition(":")
        if kind == "unresolved":
            return "unresolved", key or "onbekend document"
        doc = self.site.documents.get((kind, key))
        if doc is None:
            return None
        return "a", self.url(letter_path(doc.letter) if doc.letter else document_path(kind, key))

    def _paragraph_html(self, letter_slug: str, paragraph: str) -> str:
        key = (letter_slug, paragraph, self._depth)
        body = self.site.quoted.get(key)
        if body is None:
            block = self.site.paragraph(letter_slug, paragraph)
            body = html_inline(block.text, block.marks, self._reference_html, self.site.abbreviations)
            if block.kind == "subject":
                body = f"<strong>{body}</strong>"
            self.site.quoted[key] = body
        return body

    def place(self, p) -> str:
        """Where a quoted paragraph stands, as ready HTML: its section and paragraph, a link into the
        letter.  Here, not a template macro: a meeting page names thousands of places."""
        label = (self.site.section(p.letter, p.section).heading or "Inleiding").rstrip(".")
        number = self.site.paragraph_number(p.letter, p.section, p.paragraph)
        href = self.url(letter_path(p.letter) + "#" + p.paragraph)
        return f'<a href="{href}">{self.text_html(f"{label}, alinea {number}")}</a>'

    def quotes_html(self, passages, after: Callable | None = None) -> str:
        """Paragraphs quoted one after another (quote(paragraph=...) for each, as Markdown would
        join them: one block quote), as ready HTML: a raw block that Python-Markdown does not
        convert again.  `after(passage)` is HTML put at the end of each paragraph."""
        parts: list[str] = []
        items: list[str] = []

        def close_list() -> None:
            # Markdown makes a list of two or more items, each after a blank line, "loose": <li><p>.
            if items:
                parts.append("<ul>\n" + "\n".join(f"<li>{x}</li>" if len(items) == 1 else f"<li>\n<p>{x}</p>\n</li>"
                                                     for x in items) + "\n</ul>")
                items.clear()

        for p in passages:
            body = self._paragraph_html(p.letter, p.paragraph) + (f" {after(p)}" if after else "")
            if self.site.paragraph(p.letter, p.paragraph).kind == "item":
                items.append(body)
            else:
                close_list()
                parts.append(f"<p>{body}</p>")
        close_list()
        return "<blockquote>\n" + "\n".join(parts) + "\n</blockquote>" if parts else ""


def _env(cache: Path | None = None) -> Environment:
    # "{#id}" is Markdown's attribute syntax in these templates, so comments use "{## ... ##}".
    # With a cache folder, compiled templates are kept there (Jinja checks each template's mtime).
    bytecode = None
    if cache is not None:
        (cache / "templates").mkdir(parents=True, exist_ok=True)
        bytecode = FileSystemBytecodeCache(str(cache / "templates"))
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=False,
                      bytecode_cache=bytecode,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      comment_start_string="{##", comment_end_string="##}")
    env.filters["date_nl"] = dutch_date
    env.filters["date_after"] = date_after
    env.filters["number_nl"] = lambda n: f"{n:,}".replace(",", ".")  # 1.366: Dutch thousands
    env.filters["kind_label"] = kind_label
    env.filters["document_label"] = document_label
    env.filters["e"] = escape
    env.filters["attr"] = attribute_value
    env.filters["anchor"] = lambda text: slugs.slug(str(text))
    env.globals.update(letter_path=letter_path, meeting_path=meeting_path, topic_path=topic_path,
                       document_path=document_path, year_path=year_path, topic_year_path=topic_year_path,
                       person_path=person_path, person_year_path=person_year_path, signature_place=signature_place,
                       slugs=slugs, month_names=MONTHS,
                       home_years=HOME_YEARS, home_matrix_meetings=HOME_MATRIX_MEETINGS)
    return env


def signature_place(letter: Letter) -> tuple[int, int] | None:
    """(section, block) a letter's signature stands before: the first block below it in the source (of
    the agenda or report a cover letter sends); None: after the text, as in most letters."""
    if letter.closing:
        signed = letter.closing[0].line
        for n, section in enumerate(letter.sections):
            for k, block in enumerate(section.blocks):
                if block.line > signed:
                    return n, k
    return None


def date_after(d, title: str | None) -> str:
    """", 23 maart 2016" after a title, unless the title names that day already ("Brief van 23 maart 2016")."""
    if not d or re.search(rf"(?<!\d){re.escape(dutch_date(d))}(?!\d)", title or ""):
        return ""
    return f", {dutch_date(d)}"


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def attribute_value(text) -> str:
    """Text for the quotes of an attribute list ({ title="…" }) or a link's title ([x](url "…")):
    escaped, and no quote (nor, in a link, an unpaired bracket) can end the value early.  The
    entities reach the HTML attribute as they are, and the browser shows the characters."""
    value = escape(str(text)).replace('"', "&quot;").replace("'", "&#39;")
    return value if _balanced(value) else value.replace("(", "&#40;").replace(")", "&#41;")


def search_number(key: str | None) -> dict:
    """The page's own Kamerstuk or zaak number, for search: overrides/main.html gives it a
    search token that docs/javascripts/zoeken.js makes from any way a number is written."""
    return {"zoeknummer": key} if key else {}


def letter_citation_line(letter: Letter) -> dict:
    """How to cite the letter: the official form for a numbered letter, else its title and date."""
    if letter.kamerstuk and letter.kamerstuk.key:
        return {"tekst": letter_citation(letter.kamerstuk, letter.letter_date, letter.addressee),
                "officieel": True, "jaar": letter.letter_date is not None}
    return {"tekst": f"{letter.title}{date_after(letter.letter_date, letter.title)}", "officieel": False, "jaar": False}


def signer_pages(letter: Letter) -> dict[str, str]:
    pairs = [(letter.minister_signed, letter.minister), *zip(letter.cosigners, letter.cosigner_people)]
    return {name: page_url(person_path(key)) for name, key in pairs if name and key}


def signer_names(letter: Letter) -> list[str]:
    known = people()
    return list(dict.fromkeys(known[k].name for k in (letter.minister, *letter.cosigner_people) if k in known))


def letter_front_matter(site: Site, letter: Letter, path: str) -> dict:
    """The metadata panel's data (overrides/partials/brief.html shows it) and the page's meta."""
    meetings = site.meetings_of(letter.slug)
    pages, names = signer_pages(letter), signer_names(letter)
    return {
        "title": letter.title,
        **search_number(letter.kamerstuk.key if letter.kamerstuk else None),
        # What the page holds, without naming a writer the text may not have (Foreign Affairs co-signs).
        "description": f"{letter.title}: " + ("parlementair stuk" if letter.record else
                                              "bijlage bij een Kamerbrief" if letter.attached_to else
                                              "Kamerbrief" if letter.letter else "stuk, geen brief") +
                       ", met de volledige tekst, verwijzingen en onderwerpen.",
        "tags": [t.title for t in site.letter_topics(letter)],
        "brief": {
            "soort": document_label(letter),
            "parlementair_stuk": bool(letter.record),
            **({"geen_brief": True} if not letter.letter else {}),  # a news item a page saved
            "bijlage": bool(letter.attached_to),  # a memo or annex sent along: no letter of its own
            # The letter it was sent with, by title (overrides/partials/path.html names it in the trail).
            **({"bij_brief": site.letters[letter.attached_to].title} if letter.attached_to in site.letters else {}),
            "datum": dutch_date(letter.letter_date) if letter.letter_date else None,
            "minister": letter.minister_signed,  # as signed: no name the text does not give
            # "De minister …, De staatssecretaris …": both signed.
            **({"medeondertekenaars": list(letter.cosigners)} if letter.cosigners else {}),
            # A name signed, as written, and the page of the person people.yaml says it is.
            **({"personen": pages} if pages else {}),
            # Who they are, by the names people.yaml gives them (search narrows by them).
            **({"bewindspersonen": names} if names else {}),
            # Where each value came from, keyed as the panel's rows: {"datum": "briefhoofd", ...}.
            "herkomst": {field_label(f): origin_label(o) for f, o in letter.origins},
            "van": letter.memo_from,
            "aan": letter.memo_to,
            "geadresseerde": letter.addressee,
            "kamerstuk": ({"label": site.documents[("kamerstuk", letter.kamerstuk.key)].label,
                           "url": site.documents[("kamerstuk", letter.kamerstuk.key)].url}
                          if letter.kamerstuk and letter.kamerstuk.key else None),
            "dossiers": [{"label": site.documents[("dossier", d)].label,
                          "pagina": page_url(document_path("dossier", d))}
                         for d, _ in letter.dossiers if ("dossier", d) in site.documents],
            "onderwerp": letter.subject,
            "kenmerken": list(letter.our_references),
            "vergaderingen": [{"titel": f"{m.title}, {dutch_date(m.start)}",
                               "pagina": page_url(meeting_path(m.id))} for m in meetings],
            "bron": f"{slugs.SOURCES}/{quote(slugs.published_source(letter.source))}",
            "bronnaam": letter.source,
            # The source named by what it is, and the file saved under the letter's own address.
            "bronlabel": f"Brontekst van {letter.title}{date_after(letter.letter_date, letter.title)}",
            # Saved under the letter's address, with the published file's extensions ("x.xml" is published "x.xml.txt").
            "brondownload": letter.slug.replace("/", "-")
            + slugs.published_source(letter.source)[len(Path(letter.source).stem):],
            "brontype": {".txt": "tekstbestand", ".pdf": "PDF", ".xml": "XML", ".html": "webpagina",
                         ".htm": "webpagina", ".mhtml": "webpagina", ".mht": "webpagina",
                         **{s: "tekst uit het Word-document" for s in (".docx", ".docm", ".dotx", ".doc")},
                         ".odt": "tekst uit het OpenDocument-bestand", ".ott": "tekst uit het OpenDocument-bestand"}.get(
                Path(letter.source).suffix.lower(), Path(letter.source).suffix.lstrip(".").upper() or "bestand"),
            "citeer": letter_citation_line(letter),
        },
    }


def render(corpus: Corpus, sources: list[Source], cache: Path | None = None,
           plan: Incremental | None = None, docs: Path | None = None) -> list[Page | Written]:
    """Every page; with a `plan`, only those whose inputs changed (the rest are in plan.kept).

    With `docs`, when worker processes render the pages, they also write them
    there (render_pages) and the pages come back as Written, for write_pages to
    count; one by one, pages come back with their content, as without `docs`.
    """
    env = _env(cache)
    site = Site(corpus)
    jobs = page_jobs(site)
    # Tooltips reach every page through the abbr extension's glossary
    # (overrides/hooks/generate.py reads this file): one pass per page,
    # however long the list, instead of a snippet appended to every page.
    more = [Page(GLOSSARY_FILE, json.dumps(site.glossary, ensure_ascii=False, indent=0, sort_keys=True) + "\n")]
    for source in sources:
        more.append(Page(f"{slugs.SOURCES}/{slugs.published_source(source.name)}", published_bytes(source)))
    more += render_feeds(corpus)
    more += render_dataset(corpus)
    # Made before the templated pages: the workers that write those write these too.
    return render_pages(env, site, jobs, plan, docs, more)


def published_bytes(source: Source) -> bytes:
    """What is published as a letter's source file: its bytes, or for a word-processor document the text
    read from it (the file may hold tracked changes, comments and its authors' names, which the text
    leaves out)."""
    if source.reader in ("docx", "odt") and source.text is not None:
        return source.text.encode("utf-8")
    return source.path.read_bytes()


@dataclass(frozen=True)
class Job:
    """One templated page to render: its path, template, front matter and the values its template is handed."""

    path: str
    template: str
    meta: dict | None
    context: dict


def render_pages(env: Environment, site: Site, jobs: list[Job], plan: Incremental | None = None,
                 docs: Path | None = None, ready: list[Page] = ()) -> list[Page | Written]:
    """The pages of `jobs` in their order, then the `ready` ones (made already, not templated);
    with a `plan`, those it keeps are left out (in plan.kept).

    Many pages are rendered in forked worker processes (generator/pool.py),
    each with its own copy of the site; the pages and the plan's records come
    back in the jobs' order, as one by one.  A worker that dies leaves the
    rest to this process.  With `docs`, the workers write their pages, and the
    `ready` ones, there (write.write_page) and send back only whether each was
    written (Written), not its text; every path is checked first (a WriteError
    before any file is written).
    """
    handed = [plan.handed(j.path, j.template, j.meta, j.context) for j in jobs] if plan is not None else None
    kept = [plan is not None and plan.unchanged(site, j.path, handed[n]) for n, j in enumerate(jobs)]
    todo = [n for n, k in enumerate(kept) if not k]
    parallel = len(todo) >= pool.MIN_PARALLEL_PAGES and pool.workers() >= 2
    direct = docs is not None and parallel  # one by one, pages go back to write_pages as ever
    if direct:
        paths = [*(jobs[n].path for n in todo), *(p.path for p in ready)]
        check_paths(docs, paths)
        announce(docs, paths)
    made: set[Path] = set()  # folders made by this process (a forked worker fills its own copy)
    count = len(todo) + (len(ready) if direct else 0)  # the ready pages go to the workers only to be written

    def one(i: int) -> tuple[str | bool, Record | None]:
        if i >= len(todo):  # a ready page: only written
            page = ready[i - len(todo)]
            return write_page(docs, page.path, page.content, made), None
        n = todo[i]
        text, record = render_job(env, site, jobs[n], plan, handed[n] if handed is not None else b"")
        return (write_page(docs, jobs[n].path, text, made) if direct else text), record

    done: dict[int, tuple[str | bool, Record | None]] = {}
    if parallel:
        site.prepare()  # indexes and templates made once, here: the workers inherit them
        for name in sorted({jobs[n].template for n in todo}):
            env.get_template(name)
        done.update(pool.in_workers(one, count))
    for i in range(len(done), count):  # all of them one by one, or what the workers left
        done[i] = one(i)
    pages, results = [], iter(done[i] for i in range(len(todo)))
    for n, job in enumerate(jobs):
        if kept[n]:
            plan.settle(job.path, None, kept=True)
            continue
        text, record = next(results)
        pages.append(Written(job.path, text) if direct else Page(job.path, text))
        if plan is not None:
            plan.settle(job.path, record)
    return pages + ([Written(p.path, done[len(todo) + k][0]) for k, p in enumerate(ready)] if direct else list(ready))


def render_job(env: Environment, site: Site, job: Job, plan: Incremental | None, handed: bytes) -> tuple[str, Record | None]:
    """One page's text and, with a `plan`, the record of what it was rendered from (None: not repeatable)."""
    log = plan.log() if plan is not None else None
    view = Recording(site, log) if log is not None else site
    body = env.get_template(job.template).render(r=PageRenderer(view, job.path), site=view, **job.context)
    text = (front_matter(job.meta) if job.meta else "") + body
    return text, (plan.record(handed, log) if log is not None else None)


def page_jobs(site: Site) -> list[Job]:
    """Every templated page of the site, in the order they are written."""
    corpus = site.corpus
    jobs: list[Job] = []

    def page(path: str, template: str, meta: dict | None = None, **context) -> None:
        jobs.append(Job(path, template, meta, context))

    page("index.md", "home.md.j2", {"title": "Defensiebrieven over NAVO- en EU-vergaderingen",
                                    "description": "Alle geannoteerde agenda's en verslagen van de minister van "
                                                   "Defensie over NAVO- en EU-ministeriële vergaderingen, "
                                                   "doorzoekbaar en per onderwerp gevolgd.",
                                    "hide": ["navigation"]})
    page(f"{slugs.LETTERS}/index.md", "letters.md.j2", {"title": "Brieven", "description": "Alle brieven, per jaar."},
         year=None, letters=site.letter_years[0][1] if site.letter_years else [])
    for year, group in site.letter_years:
        label = str(year) if year else "zonder datum"
        page(year_path(slugs.LETTERS, year), "letters.md.j2",
             {"title": f"Brieven {label}",
              "description": f"Alle brieven uit {label}, nieuwste eerst." if year else "Alle brieven zonder datum."},
             year=label, letters=group)
    for letter in corpus.letters:
        for doc in (letter, *letter.attachments):
            path = letter_path(doc.slug)
            page(path, "letter.md.j2", letter_front_matter(site, doc, path), letter=doc, parent=letter)
    page(f"{slugs.MEETINGS}/index.md", "meetings.md.j2",
         {"title": "Vergaderingen", "description": "Alle vergaderingen, per jaar."},
         year=None, meetings=site.meeting_years[0][1] if site.meeting_years else [])
    for year, group in site.meeting_years:
        page(year_path(slugs.MEETINGS, year), "meetings.md.j2",
             {"title": f"Vergaderingen {year}", "description": f"Alle vergaderingen uit {year}, nieuwste eerst."},
             year=str(year), meetings=group)
    for meeting in corpus.meetings:
        page(meeting_path(meeting.id), "meeting.md.j2",
             {"title": f"{meeting.title}, {dutch_date(meeting.start)}",
              "description": f"Wat Nederland inbracht en wat er uitkwam: {meeting.title}, "
                             f"{dutch_date(meeting.start)}" + (f", {meeting.location}" if meeting.location else "") + ".",
              "tags": [t.title for t in site.meeting_topics(meeting)],
              # The comparison needs the width: two columns of quoted paragraphs.
              "hide": ["navigation", "toc"]},
             meeting=meeting, letters=[site.letters[s] for s in meeting.letters])
    page(f"{slugs.TOPICS}/index.md", "topics.md.j2",
         {"title": "Onderwerpen", "description": "Elk onderwerp gevolgd door alle vergaderingen heen."})
    for topic in corpus.topics:
        page(topic_path(topic.slug), "topic.md.j2", {"title": topic.title, "description": topic.description},
             topic=topic, year=None, meeting_ids=())
        for year, ids in site.topic_meetings(topic)[1]:
            page(topic_year_path(topic.slug, year), "topic.md.j2",
                 {"title": f"{topic.title}: {year}",
                  "description": f"Wat de brieven in {year} over {topic.title} zeiden, per vergadering."},
                 topic=topic, year=year, meeting_ids=ids)
    page(topic_path("overig"), "overig.md.j2", {"title": "Overig", "description": "Passages die onder geen onderwerp vallen."},
         year=None, items=[i for _, group in site.overig_years[:HOME_YEARS] for i in group])
    for year, group in site.overig_years[HOME_YEARS:]:
        label = str(year) if year else "zonder datum"
        page(topic_year_path("overig", year or NO_DATE), "overig.md.j2",
             {"title": f"Overig: {label}", "description": f"Passages uit {label} die onder geen onderwerp vallen."},
             year=label, items=group)
    cited = [doc for doc in corpus.documents if doc.kind != "dossier"]
    in_full = len(cited) <= DOCUMENTS_IN_FULL
    page(f"{slugs.DOCUMENTS}/index.md", "documents.md.j2",
         {"title": "Kamerstukken", "description": "Alle Kamerstukken waarnaar de brieven verwijzen, per jaar."},
         year=None, in_full=in_full, count=len(cited),
         documents=cited if in_full else site.document_years[0][1])
    for year, group in site.document_years:
        label = str(year) if year else "zonder datum"
        page(year_path(slugs.DOCUMENTS, year), "documents.md.j2",
             {"title": f"Kamerstukken {label}",
              "description": f"De Kamerstukken waarnaar de brieven {'uit ' + label if year else 'zonder datum'} verwijzen."},
             year=label, documents=group)
    page(f"{slugs.DOSSIERS}/index.md", "dossiers.md.j2",
         {"title": "Dossiers", "description": "Alle Kamerdossiers waarnaar de brieven verwijzen."})
    for doc in corpus.documents:
        page(document_path(doc.kind, doc.key), "document.md.j2",
             {"title": doc.heading, "description": f"{doc.label}: wat het is en welke brieven ernaar verwijzen.",
              # A document that is itself a letter in the corpus is found as that letter.
              **search_number(doc.key if doc.kind in ("kamerstuk", "zaak") and not doc.letter else None),
              # A dossier's number alone ("28676", "21501-28") finds its page first.
              **({"zoekdossier": doc.key} if doc.kind == "dossier" else {})},
             doc=doc)
    page(f"{slugs.PEOPLE}/index.md", "people.md.j2",
         {"title": "Bewindspersonen", "description": "Wie de brieven ondertekende, met hun brieven."})
    for person, found in site.signers:
        years = site.person_years(person.key)
        # Past PERSON_LETTERS_IN_FULL, the newest years in full and a page per older year: no page grows with the archive.
        split = len(found) > PERSON_LETTERS_IN_FULL
        page(person_path(person.key), "person.md.j2",
             {"title": person.name,
              "description": f"De brieven die {person.name}" + (f" ({', '.join(person.roles)})" if person.roles else "")
                             + " ondertekende, per jaar."},
             person=person, year=None, years=years[:HOME_YEARS] if split else years, split=split)
        for year, group in years[HOME_YEARS:] if split else ():
            label = str(year) if year else "zonder datum"
            page(person_year_path(person.key, year), "person.md.j2",
                 {"title": f"{person.name}: {label}",
                  "description": f"De brieven uit {label} die {person.name} ondertekende."},
                 person=person, year=label, years=[(year, group)], split=split)
    page("woordenlijst.md", "glossary.md.j2",
         {"title": "Woordenlijst", "description": "Afkortingen uit de brieven en wat ze betekenen."})
    return jobs
