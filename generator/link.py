"""Stage 4, link: once every letter is parsed, resolve what ties them together.

Meetings from the letters' meeting mentions, topics per section, the cited
documents and dossiers with who cites them, and the glossary.  One pass over
the whole corpus, after parsing (as Pelican resolves links after reading).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator

from .cache import current
from .glossary import find_abbreviations, glossary_and_conflicts
from .knowledge import dossier_names, heading_key, meeting_knowledge
from .model import CitedDocument, Corpus, Letter, Mark, Meeting, Mention, Passage, Problem, Section, Topic
from .references import describe, dossier_label, dossier_url, label, official_url
from .topics import heading_topics, is_framing, is_generic, load_taxonomy, paragraph_topics


def all_documents(letters: Iterable[Letter]) -> Iterator[Letter]:
    """Every letter and every document appended to one."""
    for letter in letters:
        yield letter
        yield from letter.attachments


def meeting_id(start: date, kind: str) -> str:
    return f"{start.isoformat()}-{kind}"


def group_meetings(letters: tuple[Letter, ...]) -> tuple[tuple[Meeting, ...], list[Problem]]:
    types = {t.key: t for t in meeting_knowledge().types}
    found: dict[str, dict] = {}
    problems: list[Problem] = []
    for letter in letters:
        for m in letter.meetings:
            if m.start is None:
                problems.append(Problem(letter.source, f"vergadering '{m.type}' zonder datum: niet ingedeeld"))
                continue
            key = meeting_id(m.start, m.type)
            entry = found.setdefault(key, {"type": m.type, "start": m.start, "end": m.end or m.start,
                                           "location": m.location, "bodies": set(), "letters": []})
            entry["end"] = max(entry["end"], m.end or m.start)
            if m.location and entry["location"] and m.location != entry["location"]:
                problems.append(Problem(letter.source, f"vergadering {key}: plaats '{m.location}' wijkt af "
                                                       f"van '{entry['location']}' in een andere brief"))
            entry["location"] = entry["location"] or m.location
            entry["bodies"].update(m.bodies)
            entry["informal"] = entry.get("informal", False) or m.informal
            if letter.slug not in entry["letters"]:
                entry["letters"].append(letter.slug)
    by_slug = {l.slug: l for l in letters}
    meetings = []
    for key, e in sorted(found.items()):
        title = types[e["type"]].title_on(e["start"]) if e["type"] in types else e["type"]
        ordered = sorted(e["letters"], key=lambda s: (by_slug[s].letter_date or e["start"], s))
        meetings.append(Meeting(key, e["type"], title, e["start"], e["end"], e["location"],
                                tuple(sorted(e["bodies"])), tuple(ordered), e.get("informal", False)))
    return tuple(meetings), problems


@lru_cache(maxsize=None)
def _meeting_names() -> dict[str, frozenset[str]]:
    return {t.key: frozenset(heading_key(n) for n in t.names) for t in meeting_knowledge().types}


def section_meeting(letter: Letter, section: Section, parents: dict[str, Section]) -> str | None:
    """The meeting a section is about: the one its (parent) heading names, else the letter's first."""
    if not letter.meetings:
        return None
    names = _meeting_names()
    for s in (section, parents.get(section.parent or "")):
        if s is None or s.heading is None:
            continue
        key = heading_key(s.heading)
        for m in letter.meetings:
            if m.start and key in names.get(m.type, ()):
                return meeting_id(m.start, m.type)
    first = next((m for m in letter.meetings if m.start), None)
    return meeting_id(first.start, first.type) if first else None


def section_text(section: Section) -> str:
    return "\n".join(b.text for b in section.blocks)


def paragraph_anchor(block) -> str:
    """The id a paragraph has on its letter page (the copy-link target)."""
    return f"p{block.line}"


def assign_topics(letters: tuple[Letter, ...], ready: Ready | None = None
                  ) -> tuple[tuple[Topic, ...], dict, list[Problem], dict]:
    """Topics per paragraph; a section's topics are the union of its paragraphs'.

    A paragraph's section heading (and main heading) is its prior, not a
    verdict (topics.paragraph_topics).  A section without paragraphs (a heading
    straight above its sub-sections) keeps the topics its heading names.
    `ready`: documents whose topics were found while the others were parsed.
    """
    taxonomy = load_taxonomy()
    passages: dict[str, list[Passage]] = defaultdict(list)
    section_topics: dict[tuple[str, str], tuple[str, ...]] = {}
    para_topics: dict[tuple[str, str], tuple[str, ...]] = {}
    problems: list[Problem] = []
    by_slug = {l.slug: l for l in letters}
    order = {t.slug: i for i, t in enumerate(taxonomy)}
    held = ready.topics if ready is not None and ready.taxonomy == taxonomy else {}
    for doc in all_documents(letters):
        owner = by_slug.get(doc.attached_to or doc.slug, doc)
        done = held.get(id(doc))
        found = done[2] if done is not None and done[0] is doc and done[1] is owner else \
            document_topics(doc, owner, taxonomy, order)
        paras, sections, doc_passages, doc_problems = found
        para_topics.update(paras)
        section_topics.update(sections)
        for slug, passage in doc_passages:
            passages[slug].append(passage)
        problems += doc_problems
    topics = tuple(Topic(t.slug, t.title, t.description, tuple(passages.get(t.slug, ()))) for t in taxonomy)
    return topics, section_topics, problems, para_topics


def document_topics(doc: Letter, owner: Letter, taxonomy, order: dict[str, int]) -> tuple[list, list, list, list]:
    """One document's part of assign_topics: (paragraph topics, section topics, (topic, passage) pairs,
    problems), each in the document's order.  `owner`: the letter it belongs to (itself, or the
    letter it is attached to), whose meetings its sections are about."""
    paras: list[tuple[tuple[str, str], tuple[str, ...]]] = []
    sections: list[tuple[tuple[str, str], tuple[str, ...]]] = []
    passages: list[tuple[str, Passage]] = []
    problems: list[Problem] = []
    parents = {s.anchor: s for s in doc.sections}
    for n, section in enumerate(doc.sections):
        parent = parents.get(section.parent or "")
        prior = heading_topics(section.heading, taxonomy)
        inherited = heading_topics(parent.heading if parent else None, taxonomy)
        opening = n == 0 and (section.heading is None or is_generic(section.heading, taxonomy))
        # A nota's sections belong to no meeting; a letter about no meeting stays off the topic timelines.
        meeting = section_meeting(owner, section, parents) if doc.kind != "nota" else None
        union: set[str] = set()
        for block in section.blocks:
            framing = is_framing(block.text, taxonomy, opening)
            slugs = paragraph_topics(block.text, taxonomy, prior, framing, inherited)
            anchor = paragraph_anchor(block)
            paras.append(((doc.slug, anchor), slugs))
            union.update(slugs)
            for s in slugs if doc.kind != "overig" else ():
                passages.append((s, Passage(doc.slug, section.anchor, meeting, anchor, s == slugs[0], slugs[0])))
        if not section.blocks:
            union.update(prior + inherited)
        sections.append(((doc.slug, section.anchor), tuple(sorted(union, key=order.__getitem__))))
        if not union and section.blocks:
            what = f"sectie '{section.heading}'" if section.heading else "inleiding"
            problems.append(Problem(doc.source, f"{what} valt onder geen onderwerp (overig)", section.line, "info"))
    return paras, sections, passages, problems


class Ready:
    """Link work on single letters done ahead, while the other letters are still being parsed
    (generator/pipeline.py): each letter's topics and the places it cites.  link() takes
    what is here for the same letter objects and computes the rest."""

    def __init__(self):
        self.taxonomy = None
        self._order: dict[str, int] = {}
        self.topics: dict[int, tuple[Letter, Letter, tuple]] = {}  # id(doc) -> (doc, owner, its topics)
        self.letters: dict[int, tuple[Letter, list]] = {}  # id(letter) -> (letter, what work() gave)

    def load_taxonomy(self):
        if self.taxonomy is None:
            self.taxonomy = load_taxonomy()
            self._order = {t.slug: i for i, t in enumerate(self.taxonomy)}
        return self.taxonomy

    def work(self, letter: Letter) -> list[tuple]:
        """The topics and cited places of each of the letter's documents; pure, so a worker
        process can do it (generator/pool.py) and hand the result to add().  The abbreviations
        each document spells out are looked for too: memoised, so link()'s glossary then finds
        them in the cache (a worker's memo results reach the parent's cache)."""
        self.load_taxonomy()
        done = []
        memo = current() is not None  # without a cache there is no memo: link() would look again
        for doc in all_documents([letter]):
            if memo:
                find_abbreviations(corpus_text(doc))
            done.append((document_topics(doc, letter, self.taxonomy, self._order), tuple(_citing_places(doc))))
        return done

    def add(self, letter: Letter, done: list[tuple] | None = None) -> None:
        """Hold the letter's work: `done`, what work() gave for an equal letter, else done here."""
        found = done if done is not None else self.work(letter)
        self.letters[id(letter)] = (letter, found)
        for doc, (topics, places) in zip(all_documents([letter]), found, strict=True):
            self.topics[id(doc)] = (doc, letter, topics)
            _PLACES[id(doc)] = (doc, places)

    def done(self, letter: Letter) -> list | None:
        """What add() holds for this very letter object, if anything."""
        held = self.letters.get(id(letter))
        return held[1] if held is not None and held[0] is letter else None


def taxonomy_key(taxonomy) -> str:
    """A hash of everything in a taxonomy that document_topics reads: the topics' defining fields
    (their repr) and what the Taxonomy holds beside them, which its repr does not show."""
    parts = (tuple(taxonomy), sorted(taxonomy.generic_headings), taxonomy.subject_markers,
             [(p.pattern, p.flags) for p in taxonomy.greetings],
             [(p.pattern, p.flags) for p in taxonomy.announcements])
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _citing_places(doc: Letter) -> Iterator[tuple[str, str, Mention]]:
    """(reference mark value, section anchor, mention) for every reference in a document."""
    footnote_place: dict[str, tuple[str, str]] = {}

    def marks_of(text: str, marks) -> Iterator[tuple[Mark, int]]:
        previous = 0  # a reference's description and date are read after the previous one
        for mark in sorted(marks, key=lambda m: m.start):
            if mark.kind == "reference":
                yield mark, previous
                previous = mark.end

    for section in doc.sections:
        for block in section.blocks:
            anchor = paragraph_anchor(block)
            for mark in block.marks:
                if mark.kind == "footnote":
                    footnote_place.setdefault(mark.value, (section.anchor, anchor))
            for mark, previous in marks_of(block.text, block.marks):
                yield mark.value, section.anchor, Mention(doc.slug, section.anchor, anchor,
                                                          describe(block.text, mark.start, mark.end, previous))
    first = doc.sections[0].anchor if doc.sections else ""
    for note in doc.footnotes:
        section, paragraph = footnote_place.get(note.label, (first, first))
        for mark, previous in marks_of(note.text, note.marks):
            yield mark.value, section, Mention(doc.slug, section, paragraph,
                                               describe(note.text, mark.start, mark.end, previous), note.label)


# What each document cites, kept in this process: a letter from the parse cache
# is the same (frozen) object run after run during `make serve`, and what it
# cites depends on it alone; only the letter that changed is read again.
_PLACES: dict[int, tuple[Letter, tuple]] = {}


def _places_by_document(docs: Iterable[Letter]) -> dict[int, tuple]:
    global _PLACES
    kept = {}
    for doc in docs:
        held = _PLACES.get(id(doc))
        kept[id(doc)] = held if held is not None and held[0] is doc else (doc, tuple(_citing_places(doc)))
    _PLACES = kept  # only this run's documents
    return {i: places for i, (_, places) in kept.items()}


def _best(values: list) -> object | None:
    """The value most mentions give; a tie goes to the earliest mention."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in values if v is not None and counts[v] == top)


def cited_documents(letters: tuple[Letter, ...]) -> tuple[CitedDocument, ...]:
    by_key: dict[tuple[str, str], dict] = {}
    own = {l.kamerstuk.key: l for l in letters if l.kamerstuk and l.kamerstuk.key}
    citations = {(c.kind, c.key): c for d in all_documents(letters) for c in d.citations if c.key}
    citations.update({("kamerstuk", k): l.kamerstuk for k, l in own.items()})
    dates = {d.slug: d.letter_date or date.min for d in all_documents(letters)}

    def entry(kind: str, key: str) -> dict:
        return by_key.setdefault((kind, key), {"citing": [], "mentions": []})

    places = _places_by_document(all_documents(letters))
    for doc in all_documents(letters):
        for value, anchor, mention in places[id(doc)]:
            kind, _, key = value.partition(":")
            if kind == "unresolved" or not key:
                continue
            e = entry(kind, key)
            place = (doc.slug, anchor)
            if place not in e["citing"]:
                e["citing"].append(place)
            e["mentions"].append(mention)
    for key in own:
        entry("kamerstuk", key)
    dossiers: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for letter in letters:
        for dossier, title in letter.dossiers:
            if title:
                dossiers[dossier] = dossiers.get(dossier) or title
            else:
                dossiers.setdefault(dossier, "")
            if letter.slug not in members[dossier]:
                members[dossier].append(letter.slug)
        if letter.kamerstuk and letter.kamerstuk.dossier and letter.slug not in members[letter.kamerstuk.dossier]:
            members[letter.kamerstuk.dossier].append(letter.slug)
            dossiers.setdefault(letter.kamerstuk.dossier, "")

    def described(e: dict) -> dict:
        # Date order of the citing letters; within a letter, the order of the text (stable sort).
        mentions = tuple(sorted(e["mentions"], key=lambda m: dates[m.letter]))
        contexts = [m.context for m in mentions]
        own_names = [c.description for c in contexts if not c.annex]
        return {"mentions": mentions,
                "description": _best(own_names) or _best([c.description for c in contexts]),
                "annex": not _best(own_names) and bool(_best([c.description for c in contexts])),
                "date": _best([c.date for c in contexts]),
                "doc_kind": _best([c.kind for c in contexts if not c.annex])}

    result = []
    for (kind, key), e in by_key.items():
        c = citations[(kind, key)]
        if kind != "dossier":
            info = described(e)
            if kind == "zaak" and info["doc_kind"] is None:
                info["doc_kind"] = "zaak"
            if key in own and kind == "kamerstuk":
                # The document is a letter of the corpus: its own title, date and kind say what it is.
                letter = own[key]
                info.update(description=letter.title, annex=False, date=letter.letter_date or info["date"],
                            doc_kind=letter.kind if letter.kind in ("geannoteerde agenda", "verslag") else "brief")
            result.append(CitedDocument(key, kind, label(c), official_url(c), c.dossier, tuple(e["citing"]),
                                        own[key].slug if key in own else None, **info))
        if c.dossier:
            dossiers.setdefault(c.dossier, "")
    listed = dossier_names()
    for dossier, title in dossiers.items():
        e = by_key.get(("dossier", dossier), {"citing": [], "mentions": []})
        # A name the letters print wins; else the list's, marked as such on the dossier's page.
        from_list = not title and dossier in listed
        title = title or listed.get(dossier, "")
        name = f"Dossier {dossier_label(dossier)}" + (f" {title}" if title else "")
        result.append(CitedDocument(dossier, "dossier", name, dossier_url(dossier), dossier, tuple(e["citing"]),
                                    title=title or None, title_from_list=from_list,
                                    letters=tuple(members.get(dossier, ())), **described(e)))
    return tuple(sorted(result, key=lambda d: (d.kind, number_order(d.key))))


def number_order(key: str) -> tuple:
    """A key sorted as its numbers read: "28676-48" before "28676-474", "21501-28-56" before "21501-28-283"."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key))


def corpus_text(doc: Letter) -> str:
    parts = [s.heading or "" for s in doc.sections] + [section_text(s) for s in doc.sections]
    return "\n".join(parts + [n.text for n in doc.footnotes])


def link(letters: list[Letter], problems: list[Problem], ready: Ready | None = None) -> Corpus:
    """`ready`: work on single letters already done (Ready), used where it is for these letters."""
    ordered = tuple(sorted(letters, key=lambda l: (l.letter_date or date.min, l.slug)))
    meetings, meeting_problems = group_meetings(ordered)
    topics, section_topics, topic_problems, para_topics = assign_topics(ordered, ready)
    # Newest letters first; glossary.py decides by agreement, so one letter cannot redefine a term site-wide.
    glossary, glossary_problems = glossary_and_conflicts(
        (d.slug, d.source, corpus_text(d)) for d in all_documents(reversed(ordered)))
    return Corpus(ordered, meetings, topics, cited_documents(ordered), glossary, section_topics,
                  problems=tuple(problems) + tuple(meeting_problems) + tuple(topic_problems) + tuple(glossary_problems),
                  paragraph_topics=para_topics)
