"""Stage 4, link: once every letter is parsed, resolve what ties them together.

Meetings from the letters' meeting mentions, topics per section, the cited
documents and dossiers with who cites them, and the glossary.  One pass over
the whole corpus, after parsing (as Pelican resolves links after reading).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator

from .glossary import glossary_and_conflicts
from .knowledge import heading_key, meeting_knowledge
from .model import CitedDocument, Corpus, Letter, Meeting, Passage, Problem, Section, Topic
from .references import dossier_label, dossier_url, label, official_url
from .topics import assign, load_taxonomy


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
            if letter.slug not in entry["letters"]:
                entry["letters"].append(letter.slug)
    by_slug = {l.slug: l for l in letters}
    meetings = []
    for key, e in sorted(found.items()):
        title = types[e["type"]].title if e["type"] in types else e["type"]
        ordered = sorted(e["letters"], key=lambda s: (by_slug[s].letter_date or e["start"], s))
        meetings.append(Meeting(key, e["type"], title, e["start"], e["end"], e["location"],
                                tuple(sorted(e["bodies"])), tuple(ordered)))
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


def assign_topics(letters: tuple[Letter, ...]) -> tuple[tuple[Topic, ...], dict, list[Problem]]:
    taxonomy = load_taxonomy()
    passages: dict[str, list[Passage]] = defaultdict(list)
    section_topics: dict[tuple[str, str], tuple[str, ...]] = {}
    problems: list[Problem] = []
    by_slug = {l.slug: l for l in letters}
    for doc in all_documents(letters):
        parents = {s.anchor: s for s in doc.sections}
        owner = by_slug.get(doc.attached_to or doc.slug, doc)
        for section in doc.sections:
            parent = parents.get(section.parent or "")
            slugs = assign(section.heading, section_text(section), taxonomy, parent.heading if parent else None)
            section_topics[(doc.slug, section.anchor)] = slugs
            meeting = section_meeting(owner, section, parents)
            for s in slugs:
                passages[s].append(Passage(doc.slug, section.anchor, meeting))
            if not slugs:
                what = f"sectie '{section.heading}'" if section.heading else "inleiding"
                problems.append(Problem(doc.source, f"{what} valt onder geen onderwerp (overig)", section.line, "info"))
    topics = tuple(Topic(t.slug, t.title, t.description, tuple(passages.get(t.slug, ()))) for t in taxonomy)
    return topics, section_topics, problems


def _citing_places(doc: Letter) -> Iterator[tuple[str, str]]:
    """(reference mark value, section anchor) for every reference in a document."""
    footnote_section: dict[str, str] = {}
    for section in doc.sections:
        for block in section.blocks:
            for mark in block.marks:
                if mark.kind == "reference":
                    yield mark.value, section.anchor
                elif mark.kind == "footnote":
                    footnote_section.setdefault(mark.value, section.anchor)
    for note in doc.footnotes:
        for mark in note.marks:
            if mark.kind == "reference":
                yield mark.value, footnote_section.get(note.label, doc.sections[0].anchor if doc.sections else "")


def cited_documents(letters: tuple[Letter, ...]) -> tuple[CitedDocument, ...]:
    by_key: dict[tuple[str, str], dict] = {}
    own = {l.kamerstuk.key: l for l in letters if l.kamerstuk and l.kamerstuk.key}
    citations = {(c.kind, c.key): c for d in all_documents(letters) for c in d.citations if c.key}
    citations.update({("kamerstuk", k): l.kamerstuk for k, l in own.items()})

    def entry(kind: str, key: str) -> dict:
        return by_key.setdefault((kind, key), {"citing": []})

    for doc in all_documents(letters):
        for value, anchor in _citing_places(doc):
            kind, _, key = value.partition(":")
            if kind == "unresolved" or not key:
                continue
            place = (doc.slug, anchor)
            if place not in entry(kind, key)["citing"]:
                entry(kind, key)["citing"].append(place)
    for key in own:
        entry("kamerstuk", key)
    dossiers: dict[str, str] = {}
    for letter in letters:
        for dossier, title in letter.dossiers:
            dossiers.setdefault(dossier, title)
    result = []
    for (kind, key), e in by_key.items():
        c = citations[(kind, key)]
        if kind != "dossier":
            result.append(CitedDocument(key, kind, label(c), official_url(c), c.dossier, tuple(e["citing"]),
                                        own[key].slug if key in own else None))
        if c.dossier:
            dossiers.setdefault(c.dossier, "")
    for dossier, title in dossiers.items():
        e = by_key.get(("dossier", dossier), {"citing": []})
        name = f"Dossier {dossier_label(dossier)}" + (f" {title}" if title else "")
        result.append(CitedDocument(dossier, "dossier", name, dossier_url(dossier), dossier, tuple(e["citing"])))
    return tuple(sorted(result, key=lambda d: (d.kind, d.key)))


def corpus_text(doc: Letter) -> str:
    parts = [s.heading or "" for s in doc.sections] + [section_text(s) for s in doc.sections]
    return "\n".join(parts + [n.text for n in doc.footnotes])


def link(letters: list[Letter], problems: list[Problem]) -> Corpus:
    ordered = tuple(sorted(letters, key=lambda l: (l.letter_date or date.min, l.slug)))
    meetings, meeting_problems = group_meetings(ordered)
    topics, section_topics, topic_problems = assign_topics(ordered)
    # Newest letters first; glossary.py decides by agreement, so one letter cannot redefine a term site-wide.
    glossary, glossary_problems = glossary_and_conflicts(
        (d.slug, d.source, corpus_text(d)) for d in all_documents(reversed(ordered)))
    return Corpus(ordered, meetings, topics, cited_documents(ordered), glossary, section_topics,
                  tuple(problems) + tuple(meeting_problems) + tuple(topic_problems) + tuple(glossary_problems))
