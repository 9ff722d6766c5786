"""Read a letter's metadata from its own text: kind, date, addressee, signer,
subject, reference numbers and the meeting(s) it prepares or reports on.

Wrong metadata is worse than none: a field the text does not state stays None
(or empty) and a Problem says so; nothing is guessed.  The knowledge used
lives in generator/data/ (kinds.yaml, people.yaml, meetings.yaml).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Callable

from .dates import WEEKDAY, DateMention, dutch_date, find_date, find_dates, resolve_year
from .knowledge import alternation, cleaning_rules, load_yaml, meeting_knowledge, person_key
from .lexicon import fold, fold_aligned
from .clean import cells, is_webpage, row_cells
from .model import Block, Citation, Document, Furniture, MeetingMention, Problem
from .patterns import any_search, derived
from .references import find_citations, header_citation

# The kinds of document (labels in data/kinds.yaml): a meeting letter is an agenda or a verslag;
# a letter about no meeting is "overig"; a memo appended after a letter is a "nota".
AGENDA, REPORT, OVERIG, NOTA = "geannoteerde agenda", "verslag", "overig", "nota"


@dataclass(frozen=True)
class LetterMeta:
    kind: str  # "geannoteerde agenda" | "verslag" | "overig" | "nota"
    letter_date: date | None
    addressee: str | None  # "Tweede Kamer" | "Eerste Kamer"
    minister: str | None  # the signer's key in people.yaml (a link target, never shown); None when unknown
    minister_signed: str | None  # the signature as written
    minister_role: str | None  # the signer's role, e.g. "minister van Defensie"
    subject: str | None  # the "Betreft" text, joined over its lines
    our_references: tuple[str, ...]  # the ministry's own reference numbers
    meetings: tuple[MeetingMention, ...]
    problems: tuple[Problem, ...]
    origins: tuple[tuple[str, str], ...] = ()  # see Letter.origins
    memo_from: str | None = None  # a nota's "Van" line, as written
    memo_to: str | None = None  # a nota's "Aan" line, as written
    page_title: str | None = None  # the title a saved page gives the letter ("Brief regering : ...")
    record: str | None = None  # what a parliamentary record calls itself ("Verslag van een algemeen overleg")
    cosigners: tuple[str, ...] = ()  # the other names signed under the letter, as written, in order
    # Does the text show a sign of a letter (a date of its own, an addressee, a signature, words to the
    # Kamer)?  Not a news item a page saved: that is no letter, whatever it is about.
    letter_like: bool = True


# --- knowledge -----------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    initials: str | None
    variants: tuple[str, ...]

    @property
    def key(self) -> str:
        """Stable identifier (a link target): the surname as a slug, "brekelmans"."""
        return person_key(self.surname)


@dataclass(frozen=True)
class _Name:
    """A compiled way of writing a meeting type or body."""

    key: str
    is_type: bool
    pattern: re.Pattern
    folded: bool  # matched against the folded text (else case-sensitively, for abbreviations)
    context: re.Pattern | None = None  # the name counts only when the rest of its sentence matches this
    dossiers: frozenset[str] = frozenset()  # the name counts only in a letter filed in one of these dossiers


@dataclass(frozen=True)
class _ByWriter:
    """A name whose type the writer's ministry decides (meetings.yaml `by_writer`)."""

    names: tuple[re.Pattern, ...]  # matched against the names as written, folded to lower case
    type: str
    writer: re.Pattern
    first_only: bool = False  # only for the letter's own meeting, the first it names
    unless: re.Pattern | None = None  # not when its sentence says who else meets in it


@dataclass(frozen=True)
class Rules:
    kind_patterns: dict[str, tuple[re.Pattern, ...]]  # what a letter says it is
    kind_hints: dict[str, tuple[re.Pattern, ...]]  # tense of its meeting sentence: counts only with a meeting
    voice: tuple[re.Pattern, ...]  # a letter speaks to the Kamer ("ik", "u"): hints count only in a letter
    letter_titles: tuple[re.Pattern, ...]  # a title that calls the text a letter ("Kamerbrief inzake ...")
    subject_weight: int
    timing_weight: int
    opening_headings: frozenset[str]  # folded
    people: tuple[Person, ...]
    titles: frozenset[str]  # folded
    names: tuple[_Name, ...]
    locations: tuple[tuple[str, re.Pattern], ...]
    meeting_phrases: tuple[re.Pattern, ...]
    passing_phrases: tuple[re.Pattern, ...]
    body_meetings: dict[str, tuple[str, ...]]
    informal: re.Pattern  # "informele" before a meeting's name, in its sentence
    records: tuple[re.Pattern, ...] = ()  # a line saying the document is a parliamentary record
    answers: tuple[re.Pattern, ...] = ()  # a subject saying the letter answers the Kamer's questions
    other_letters: tuple[re.Pattern, ...] = ()  # a subject naming another kind of letter: no kind by hints
    elsewhere: tuple[re.Pattern, ...] = ()  # a clause about another letter, sent apart or before
    about: tuple[re.Pattern, ...] = ()  # the words after which a clause speaks of another letter
    this_letter: tuple[re.Pattern, ...] = ()  # words that say a clause is about the letter itself
    subject_statements: tuple[re.Pattern, ...] = ()  # "informeer ik u over <subject>" in the first paragraph
    answer_statements: tuple[re.Pattern, ...] = ()  # "Hierbij beantwoord ik de vragen …" in the first paragraph
    meeting_matters: tuple[re.Pattern, ...] = ()  # a subject's head that is about a meeting ("de uitkomsten")
    by_writer: tuple[_ByWriter, ...] = ()
    # "Ter voorbereiding op de NAVO-top ... bied ik u de geannoteerde agenda aan": the meeting the agenda is for
    prepared_phrases: tuple[re.Pattern, ...] = ()
    # Words that never tell a name's context ("mede namens de Minister van Defensie": who writes)
    not_context: tuple[re.Pattern, ...] = ()
    other_configurations: frozenset[str] = frozenset()  # "Raad Buitenlandse Zaken (RBZ) Handel": another council
    # "de vergadering vindt plaats op ...": a clause dating the meeting the sentence before named
    back_references: tuple[re.Pattern, ...] = ()
    # "mijn brief van 3 februari", "het commissiedebat van 24 februari": a date that is no meeting's
    not_meeting_dates: tuple[re.Pattern, ...] = ()
    not_meeting_dates_after: tuple[re.Pattern, ...] = ()
    passing_clauses: tuple[re.Pattern, ...] = ()  # the opening of a clause about a meeting in passing
    passing_beside: tuple[re.Pattern, ...] = ()  # words of passing that count only beside another meeting
    other_groups: tuple[re.Pattern, ...] = ()  # groups of ministers other than NATO's and the EU council's
    # Words that name a meeting of any kind ("raad", "top"): the Europese Raad is one of no type here
    meeting_words: tuple[re.Pattern, ...] = ()
    # "is gesproken over", "bespraken": what ministers do at a meeting, said of the letter's own
    talk_phrases: tuple[re.Pattern, ...] = ()
    # "de top in Den Haag": per type, the word for the meeting a title named, before its place
    generic_words: dict[str, re.Pattern] = field(default_factory=dict)
    # "is uitgesteld tot", "verplaatst naar": the days after these words are the meeting's, not those it was planned on
    moved_phrases: tuple[re.Pattern, ...] = ()
    # "zou in Brussel plaatsvinden", "stond gepland in Brussel": a place in such a clause was only planned
    planned_places: tuple[re.Pattern, ...] = ()
    # "deze bijeenkomst", "deze top": the meeting types a word for a meeting may point back at
    meeting_word_types: dict[str, frozenset[str]] = field(default_factory=dict)


def _name_pattern(name: str) -> tuple[re.Pattern, bool]:
    """Hyphen and space are interchangeable in names ("NAVO-top", "NAVO top"), an
    abbreviation in brackets may follow any word ("Noord-Atlantische Raad (NAR) in de ..."),
    and a count may stand before any word but the first ("van de 28 NAVO-landen")."""
    abbreviation = name.isupper() and " " not in name
    text = name if abbreviation else fold(name)
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", text) if p]
    gap = r"(?:\s*\([^()]{1,12}\))?[\s\-‐–]+(?:\d{1,2}\s+)?"
    body = gap.join(parts).replace("'", "['’]?").replace("’", "['’]?")
    flags = 0 if abbreviation else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}(?!\w)", flags), not abbreviation


def _compiled(data: dict, key: str) -> tuple[re.Pattern, ...]:
    """The patterns a data file lists under `key` (none when it lists none)."""
    return tuple(re.compile(p) for p in data.get(key, []))


@lru_cache(maxsize=None)
def rules() -> Rules:
    kinds = load_yaml("kinds.yaml")
    people = load_yaml("people.yaml")
    meetings = load_yaml("meetings.yaml")  # the keys meeting_knowledge() does not load
    known = meeting_knowledge()
    # How a sentence names a meeting's place: "in Brussel", "te Brussel", "(Brussel)" (data/meetings.yaml).
    place_forms = meetings.get("place_forms", [r"\b(?:in|te)\s+{place}(?!\w)"])
    names: list[_Name] = []
    for t in known.types:
        for n in t.names:
            names.append(_Name(t.key, True, *_name_pattern(n)))
    # Names that mean this type only in a sentence about it ("de RAZEB" with the defence ministers).
    for key, entries in meetings.get("names_in_context", {}).items():
        for e in entries:
            names.append(_Name(key, True, *_name_pattern(e["name"]), context=re.compile(e["context"])))
    # Names that mean this type only in a letter of its dossier ("de ministers van Defensie" in 28 676 NAVO).
    for key, entries in meetings.get("names_in_dossier", {}).items():
        for e in entries:
            names.append(_Name(key, True, *_name_pattern(e["name"]), dossiers=frozenset(map(str, e["dossiers"]))))
    for body, ns in known.bodies.items():
        for n in ns:
            names.append(_Name(body, False, *_name_pattern(n)))
    return Rules(
        kind_patterns={k: tuple(re.compile(p) for p in ps) for k, ps in kinds["kinds"].items()},
        kind_hints={k: tuple(re.compile(p) for p in ps) for k, ps in kinds.get("hints", {}).items()},
        voice=_compiled(kinds, "voice"),
        letter_titles=_compiled(kinds, "letter_titles"),
        subject_weight=int(kinds.get("subject_weight", 1)),
        timing_weight=int(kinds.get("timing_weight", 1)),
        opening_headings=frozenset(fold(h) for h in kinds.get("opening_headings", [])),
        people=tuple(Person(p["name"], p["surname"], p.get("initials"), tuple(p.get("variants", [])))
                     for p in people["people"]),
        titles=frozenset(fold(t) for t in people.get("titles", [])),
        names=tuple(names),
        locations=tuple((loc, re.compile("|".join(f.replace("{place}", re.escape(fold(loc))) for f in place_forms)))
                        for loc in known.locations),
        meeting_phrases=_compiled(meetings, "meeting_phrases"),
        passing_phrases=_compiled(meetings, "passing_phrases"),
        body_meetings={k: tuple(v) for k, v in meetings.get("body_meetings", {}).items()},
        informal=re.compile(meetings["informal"]),
        records=tuple(re.compile(p, re.MULTILINE) for p in kinds.get("records", [])),
        answers=_compiled(kinds, "answers"),
        other_letters=_compiled(kinds, "other_letters"),
        elsewhere=_compiled(kinds, "elsewhere"),
        about=_compiled(kinds, "about"),
        this_letter=_compiled(kinds, "this_letter"),
        subject_statements=_compiled(kinds, "subject_statements"),
        answer_statements=_compiled(kinds, "answer_statements"),
        meeting_matters=_compiled(kinds, "meeting_matters"),
        # Matched against the names as written, folded to lower case: an abbreviation ("RAZEB") too.
        by_writer=tuple(_ByWriter(tuple(re.compile(_name_pattern(n)[0].pattern, re.IGNORECASE) for n in e["names"]),
                                  e["type"], re.compile(e["writer"]), bool(e.get("first_only")),
                                  re.compile(e["unless"]) if e.get("unless") else None)
                        for e in meetings.get("by_writer", [])),
        prepared_phrases=_compiled(meetings, "prepared_phrases"),
        not_context=_compiled(meetings, "not_context"),
        other_configurations=frozenset(meetings.get("other_configurations", [])),
        back_references=_compiled(meetings, "back_references"),
        not_meeting_dates=_compiled(meetings, "not_meeting_dates"),
        not_meeting_dates_after=_compiled(meetings, "not_meeting_dates_after"),
        passing_clauses=_compiled(meetings, "passing_clauses"),
        passing_beside=_compiled(meetings, "passing_beside"),
        other_groups=_compiled(meetings, "other_groups"),
        meeting_words=_compiled(meetings, "meeting_words"),
        talk_phrases=_compiled(meetings, "talk_phrases"),
        moved_phrases=_compiled(meetings, "moved_phrases"),
        planned_places=_compiled(meetings, "planned_places"),
        meeting_word_types={w: frozenset(ts) for w, ts in meetings.get("meeting_word_types", {}).items()},
        generic_words={k: re.compile(rf"\b(?:de|deze|die)\s+(?:{alternation(words)})\s+(?=(?:in|te)\s)")
                       for k, words in meetings.get("generic_words", {}).items()},
    )


# --- letter date, addressee, subject, references ----------------------------------

# "Den Haag, 5 februari 2025", also with the weekday: "Den Haag, woensdag 5 februari 2025".
PLACE_DATE = re.compile(r"^(?P<place>['’]?[^\W\d][\w'’ .-]*?)(?:,\s*|\s+)"
                        rf"(?:{WEEKDAY},?\s+)?(?P<value>\d.*)$", re.IGNORECASE)
DATE_LABEL = re.compile(r"^datum\b\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
# (also the chair of one of its committees: "de Voorzitter van de vaste commissie voor Buitenlandse Zaken, Defensie en
# Ontwikkelingssamenwerking van de Eerste Kamer der Staten-Generaal")
ADDRESSEE = re.compile(r"\bvoorzitter\s+van\s+de\s+(?:vaste\s+commissie\s+(?:voor\s+)?[\w ,-]{3,90}?\s+van\s+de\s+)?"
                       r"(?P<chamber>tweede|eerste)\s+kamer\b")
# "Afschrift aan de Voorzitter van de Eerste Kamer": a copy goes there; the chamber is no addressee.
COPY_TO = re.compile(r"\b(?:afschrift|kopie)\s+aan\s*:?\s+(?:de\s+)?$")
# What may precede the address at the start of a body paragraph: "Aan de", "De", "Aan:", nothing.
ADDRESS_OPENING = re.compile(r"(?:aan\s*:?)?\s*(?:de)?")
# The printed head run into the address's paragraph (a saved copy of a Kamerstuk on one line):
# "... Nr. 56 BRIEF VAN DE MINISTER VAN DEFENSIE Aan de Voorzitter van de Tweede Kamer ...".  The head is
# printed in capitals; prose citing "nr. 56, brief van de minister ... aan de Voorzitter" is no address.
RUN_ON_HEAD = re.compile(r"\bnr\.?\s*\d+\s+brief van de (?:ministers?|staatssecretaris(?:sen)?|minister-president)\b"
                         r"[^.;:]{0,120}?\s+aan\s*:?\s*(?:de)?$")
PRINTED_HEAD = re.compile(r"\bNr\.?\s*\d+\s+BRIEF VAN DE (?:MINISTERS?|STAATSSECRETARIS(?:SEN)?|MINISTER-PRESIDENT)\b")
# "Onderwerp" without a colon labels a subject only before a capital: "... en / onderwerp vermelden."
# in the side column's reply instruction is no subject.
SUBJECT_LABEL = re.compile(r"^(?:betreft\b\s*:?\s*|onderwerp(?::\s*|\s+(?=(?-i:[A-Z0-9‘“'\"]))|\s*$))(?P<value>.*)$",
                           re.IGNORECASE)
REFERENCE_LABEL = re.compile(r"^(?:onze referentie|ons kenmerk)\b\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
# A ministry reference number: letters, optional separator, digits ("D2024-001261", "MINDEF20250035303").
REFERENCE = re.compile(r"^[A-Z]{0,12}[-/]?\d{4,}(?:[-/.]\d+)*[A-Z]?$")
LETTER_PLACES = {"den haag", "'s-gravenhage", "s-gravenhage"}
# A parliamentary record dates itself "Vastgesteld <datum>", a government memo or reply to a report
# "Ontvangen <datum>", where a letter writes "Den Haag, <datum>".
RECORD_DATE_WORDS = {"vastgesteld", "ontvangen"}
# The head run together on one line: "... Staten-Generaal Den Haag, 7 november 2014 Hierbij ...".
INLINE_PLACE_DATE = re.compile(r"\bstaten-generaal\s+(?:den haag|['’]?s-gravenhage),\s*(?P<value>\d{1,2}\s+\w+\s+\d{4})\b")
# A record's printed head run into one paragraph (a PDF transcript): "... Nr. 5 VERSLAG VAN EEN
# ALGEMEEN OVERLEG Vastgesteld 1 maart 2014 De vaste commissie ...".
INLINE_RECORD_DATE = re.compile(r"\bverslag van een (?:\w+ ){1,3}?vastgesteld\s+(?P<value>\d{1,2}\s+\w+\s+\d{4})\b")


def _opening(doc: Document, opening_headings: frozenset[str]) -> list[Block]:
    """Blocks before the first heading, plus sections headed e.g. "Aanleiding", and the text right
    under a title ("Verslag informele bijeenkomst ...", "GEANNOTEERDE AGENDA VAN ..."): a letter
    that starts with its title, or a cover letter followed by the agenda itself, opens there."""
    salutations = cleaning_rules().salutations
    r = rules()
    out: list[Block] = []
    inside = True
    for b in doc.blocks:
        if b.kind == "heading":
            inside = (fold(b.text.strip().rstrip(".:")) in opening_headings or _is_title(b, r)
                      or not any(x.kind in ("paragraph", "item") for x in out))
            continue
        if inside and b.kind in ("paragraph", "item") and not any(p.match(b.text) for p in salutations):
            out.append(b)
    return out


def _is_title(block: Block, r: Rules) -> bool:
    if block.kind != "heading":  # asked of every block: fold only the headings
        return False
    return any_search(derived(r.kind_patterns, "all", _all_kind_patterns), fold(block.text))


def _all_kind_patterns(kind_patterns: dict[str, tuple[re.Pattern, ...]], _kind: str) -> tuple[re.Pattern, ...]:
    return tuple(p for ps in kind_patterns.values() for p in ps)


def _before_first_heading(doc: Document) -> list[Block]:
    out = []
    for b in doc.blocks:
        if b.kind == "heading":
            break
        out.append(b)
    return out


def _before_first_prose(doc: Document, limit: int = 12) -> list[Block]:
    """The blocks above the letter's first sentence: where its address stands, also under an archive's
    title of the page ("Kamerbrief verslag RAZEB van 26 en 27 april 2004" / "Aan de Voorzitter …")."""
    out = []
    for b in doc.blocks[:limit]:
        if b.kind == "paragraph" and b.text.rstrip().endswith(".") and len(b.text.split()) > 6:
            break
        out.append(b)
    return max(out, _before_first_heading(doc), key=len)  # both run from the first block: the longer holds both


def head_cells(doc: Document) -> list[Furniture]:
    """head_furniture, with a table row that does not open with a label also read cell by cell after
    it: a label may share a row with the address ("| de Voorzitter van de Tweede Kamer … | Datum 3 juni
    2024 |").  (A row that opens with one is read as its label's: its value may go on below; a further
    label on it is read as well.)"""
    out = []
    for f in sorted(doc.furniture, key=lambda f: f.line):
        if f.role == "webpage":
            continue
        row = row_cells(f.text) if "|" in f.text else []
        split = len(row) > 1 and not _is_label(row[0])
        whole = cells(f.text).strip()
        out += [Furniture(f.line, text, f.role) for text in [whole] + (row if split else _further_labels(whole))]
    return out


def _further_labels(text: str) -> list[str]:
    """A line that opens with a label, cut at each further label: "Datum 3 juni 2024 Betreft Verslag …"
    (a table row "| Datum | … | Betreft | … |", or a copy that ran the side column together) also reads
    as "Betreft Verslag …".  The first label's value is cut at the next label where it is read."""
    if not _is_label(text):
        return []
    starts = _label_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]


def head_furniture(doc: Document) -> list[Furniture]:
    """The letter's own head and side column, in line order: a saved web page's text is not the letter's,
    and a table row reads as its cells ("| Datum | 24 maart 2025 |" -> "Datum 24 maart 2025")."""
    return [Furniture(f.line, cells(f.text).strip(), f.role) for f in sorted(doc.furniture, key=lambda f: f.line)
            if f.role != "webpage"]


@dataclass(frozen=True)
class PageFacts:
    """What a saved web page states about the letter it holds."""

    letter_date: date | None = None
    document: str | None = None  # Tweede Kamer document number, e.g. "2024D41170"
    kamerstuk: Citation | None = None
    line: int | None = None
    signer: str | None = None  # the minister the page names as first signer, as written
    title: str | None = None  # the title the page gives the letter
    title_line: int | None = None
    heading: str | None = None  # the heading over an OpenTK page: the Kamer's title for the letter
    heading_line: int | None = None
    # The day the page says it (or its source) published the text: a news item's dateline, Europa Nu's
    # "gepubliceerd op".  The text's date when nothing else gives one, but no sign the text is a letter.
    published: date | None = None


def read_page_facts(doc: Document) -> PageFacts:
    """The document number, date and Kamerstuk number a saved page states (data/cleaning.yaml page_facts).

    A value the page states twice in different ways is left out rather than chosen."""
    dates: dict[date, int] = {}
    published: dict[date, int] = {}
    documents: set[str] = set()
    kamerstukken: dict[str, Citation] = {}
    signers: set[str] = set()
    titles: dict[str, int] = {}
    document_line: int | None = None
    above: Furniture | None = None  # the page's line above this one
    for f in sorted(doc.furniture, key=lambda f: f.line):
        if f.role != "webpage":
            continue
        text = " ".join(cells(f.text).split())
        if above is not None and any_search(cleaning_rules().title_above, text) \
                and not is_webpage(above.text, cleaning_rules()):
            titles.setdefault(" ".join(above.text.split()), above.line)
        above = f
        for pattern in cleaning_rules().page_facts:
            m = pattern.search(text)
            if not m:
                continue
            found = {k: v for k, v in m.groupdict().items() if v}
            for group, days in (("date", dates), ("published", published)):
                d = _page_date(found[group]) if group in found else None
                if d:
                    days.setdefault(d, f.line)
            if "title" in found:
                titles.setdefault(found["title"].strip(), f.line)
            if "signer" in found:
                signers.add(found["signer"])
            if "document" in found:
                documents.add(found["document"].upper())
                document_line = document_line or f.line  # OpenTK's "Nummer: 2024D24009, datum: ..." line
            if "dossier" in found and "nr" in found:
                c = _page_citation(found, m.group(0), f.line)
                if c is not None:
                    kamerstukken.setdefault(c.key, c)
    line = min(dates.values(), default=None) or min(published.values(), default=None)
    return PageFacts(
        letter_date=next(iter(dates)) if len(dates) == 1 else None,
        published=next(iter(published)) if len(published) == 1 else None,
        document=next(iter(documents)) if len(documents) == 1 else None,
        kamerstuk=next(iter(kamerstukken.values())) if len(kamerstukken) == 1 else None,
        line=line,
        signer=next(iter(signers)) if len(signers) == 1 else None,
        title=next(iter(titles)) if len(titles) == 1 else None,
        title_line=next(iter(titles.values())) if len(titles) == 1 else None,
        heading=heading[0] if (heading := _opentk_heading(doc, document_line) if document_line else None) else None,
        heading_line=heading[1] if heading else None,
    )


def _opentk_heading(doc: Document, meta_line: int) -> tuple[str, int] | None:
    """OpenTK heads its page with three lines over its metadata line (`meta_line`, "Nummer: ...,
    datum: ..."): the document's title, its dossier's title and its kind ("Brief regering").
    The first is the title."""
    lines = sorted(doc.furniture, key=lambda f: f.line)
    k = next(i for i, f in enumerate(lines) if f.line == meta_line)
    if k < 3:
        return None
    title, *_ = lines[k - 3:k]
    if lines[k].line - title.line > 6 or is_webpage(title.text, cleaning_rules()):  # not the three lines, or the menu
        return None
    return " ".join(title.text.split()), title.line


def _page_date(value: str) -> date | None:
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    numeric = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if numeric:
            return date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
    except ValueError:
        return None
    return find_date(value)


def _page_citation(found: dict[str, str], written: str, line: int) -> Citation | None:
    """The Kamerstuk a page names, as the one reference grammar reads it."""
    dossier = found["dossier"]
    if found.get("sub"):
        dossier += f"-{found['sub']}"
    elif found.get("suffix"):
        dossier += f" {found['suffix'].upper()}"
    cited = [c for c in find_citations(f"Kamerstuk {dossier}, nr. {int(found['nr'])}") if c.key]
    if len(cited) != 1:
        return None
    return replace(cited[0], text=written.strip(" |"), start=0, end=len(written.strip(" |")))


def read_own_number(doc: Document, facts: PageFacts | None = None
                    ) -> tuple[Citation | None, tuple[tuple[str, str], ...], str | None]:
    """The letter's own Kamerstuk number and dossiers, and where it came from: the printed head
    ("head"), else what a saved page states ("page"; `facts`, when read already)."""
    own, dossiers = header_citation([f.text for f in head_furniture(doc) if f.role == "letterhead"])
    if own is not None:
        return own, dossiers, "head"
    page = (facts or read_page_facts(doc)).kamerstuk
    if page is not None:
        return page, ((page.dossier, ""),), "page"
    return None, dossiers, None


def read_letter_date(doc: Document) -> tuple[list[tuple[date, int]], list[int]]:
    """Dates the letterhead or side column gives as the letter's date: ([(date, line)], lines of unreadable ones)."""
    found: list[tuple[date, int]] = []
    unreadable: list[int] = []
    items = [(f.text, f.line) for f in head_cells(doc)]
    # The cleaner may leave a lone date line in the body: only a short line that is a whole date counts there.
    for b in _before_first_heading(doc):
        text = b.text.strip()
        # A letterhead saved as a table of label and value cells: "|Datum |14 november 2005 |Behandel|…|".
        row = row_cells(text) if text.startswith("|") else []
        dated = next((f"{label} {value}" for label, value in zip(row, row[1:])
                      if fold(label).rstrip(":") == "datum" and find_date(value)), None) or next(
            (cell for cell in row if (m := DATE_LABEL.match(cell)) and find_date(m.group("value"))), None)
        if dated:
            items.append((dated, b.line))
            continue
        m = DATE_LABEL.match(text) or PLACE_DATE.match(text)
        if b.kind in ("paragraph", "subject") and len(text.split()) <= 6 and m and find_date(m.group("value")):
            items.append((text, b.line))
    # A record's "Vastgesteld <datum>" line may stand as the first heading.
    for b in doc.blocks[:3]:
        m = PLACE_DATE.match(b.text.strip())
        if (b.kind == "heading" and m and fold(m.group("place")) in RECORD_DATE_WORDS
                and len(b.text.split()) <= 6 and find_date(m.group("value"))):
            items.append((b.text.strip(), b.line))
    for i, (text, line) in enumerate(items):
        m = DATE_LABEL.match(text)
        if m:
            value = _cut_at_label(m.group("value"))
            if not value:
                # The value on the next line, or below labels stacked over their values, as a PDF's text
                # may give them ("Datum" / "Betreft" / "16 januari 2024" / "Geannoteerde agenda …"): as far
                # below the labels as this one stands among them, and then only a date.
                first = i
                while first > 0 and _bare_label(items[first - 1][0]):
                    first -= 1
                k = next((k for k in range(i + 1, len(items)) if not _bare_label(items[k][0])), len(items))
                k += i - first
                if k < len(items) and not _is_label(items[k][0]) and (
                        k == i + 1 or (find_date(items[k][0]) and find_dates(items[k][0].strip())[0].start == 0)):
                    value, line = items[k]
            d = find_date(value) if value else None
            if d:
                found.append((d, line))
            elif value:
                unreadable.append(line)
            continue
        m = PLACE_DATE.match(text)
        if m and fold(m.group("place")).replace("’", "'") in LETTER_PLACES | RECORD_DATE_WORDS:
            d = find_date(m.group("value"))
            if d:
                found.append((d, line))
            else:
                unreadable.append(line)
            continue
        # The address and the date on one head line: "Aan de Voorzitter … Staten-Generaal Den Haag, 16 januari 2024".
        m = INLINE_PLACE_DATE.search(fold(text))
        if m and (d := find_date(m.group("value"))):
            found.append((d, line))
    if not found and not unreadable:
        # No head line of its own: the address and date run into the first paragraph.
        for b in [b for b in _before_first_heading(doc) if b.kind == "paragraph"][:3]:
            m = INLINE_PLACE_DATE.search(fold(b.text))
            d = find_date(m.group("value")) if m else None
            if d:
                found.append((d, b.line))
                break
    if not found and not unreadable:
        for b in [b for b in doc.blocks[:12] if b.kind == "paragraph"]:
            m = INLINE_RECORD_DATE.search(fold(b.text))
            d = find_date(m.group("value")) if m else None
            if d:
                found.append((d, b.line))
                break
    if not found and not unreadable:
        found += _lone_head_date(doc)
    # Not a date after the signature that differs from one before it: an enclosure's own "Datum 31 januari 2022"
    # (a later page's side column repeats the letter's own date, a side column printed after the text has it once).
    signed = next((b.line for b in doc.blocks if b.kind == "closing"), None)
    if signed is not None and len({d for d, _ in found}) > 1 and any(line < signed for _, line in found):
        found = [(d, line) for d, line in found if line < signed]
    return found, unreadable


# A time after a lone date, as a news archive stamps its items: "25-3-2004 15:32:00".
TIME_AFTER_DATE = re.compile(r"\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$")


def _lone_head_date(doc: Document) -> list[tuple[date, int]]:
    """A whole date on a line of its own above the text, with no label and no place: how a news
    archive or a bare letterhead dates a letter ("Ministerie van Defensie" / "13 oktober 2010").  (An
    archive's line "11-03-2009 | Kamerstuk | ..." is the page's: data/cleaning.yaml page_facts.)  Only
    above the first sentence, and not the value of another label ("Uw brief" / "12 maart 2010")."""
    items = [(f.text, f.line) for f in head_furniture(doc)] + [(b.text, b.line) for b in doc.blocks[:8]]
    previous = ""
    for text, line in sorted(items, key=lambda item: item[1]):
        text = text.strip()
        if text.endswith(".") or len(text.split()) > 25:
            break  # the first sentence: a date below it is the body's
        d = find_date(TIME_AFTER_DATE.sub("", text))
        if d and not _is_label(previous) and _bare_date(text):
            # A day the text names elsewhere ("op 12 en 13 februari aanstaande") is a meeting's
            # date under its title, not the letter's: better no letter date than that one.
            named = any(_covers(m, d) for b in doc.blocks if b.line != line for m in find_dates(b.text))
            return [] if named else [(d, line)]
        previous = text
    return []


# What may stand before a lone date: a weekday ("Dinsdag 13 oktober 2010") or an archive's label of
# the page ("Kamerbrief | 31 maart 2010"), nothing else; a date at the end of a title ("GEANNOTEERDE
# AGENDA RAAD BUITENLANDSE ZAKEN VAN 23 MEI 2016") is the meeting's.
LONE_DATE_PREFIX = re.compile(rf"^(?:\w+\s*\|\s*)?(?:{WEEKDAY}\b\W*)?$",
                              re.IGNORECASE)


def _bare_date(text: str) -> bool:
    mentions = find_dates(text)
    return len(mentions) == 1 and bool(LONE_DATE_PREFIX.match(text[:mentions[0].start].strip()))


def _covers(mention: DateMention, day: date) -> bool:
    """Whether a date mention ("12 en 13 februari", "12 februari 2025") includes `day`."""
    if mention.day is None or mention.end_day is None:
        return False
    try:
        first = date(mention.year or day.year, mention.month, mention.day)
        last = date(mention.end_year or mention.year or day.year, mention.end_month, mention.end_day)
    except ValueError:
        return False
    return first <= day <= last


def is_record(doc: Document, r: Rules) -> tuple[int, str | None] | None:
    """(line, name) where the document says it is a parliamentary record (data/kinds.yaml records),
    the name as the record calls itself ("Verslag van een algemeen overleg") or None; None if not a record."""
    # The page's lines and the first blocks, before any signature: a saved page's list of related documents
    # after a short letter ("Verslag van een algemeen overleg, gehouden op …") is no head of the letter.
    signed = next((b.line for b in doc.blocks if b.kind == "closing"), None)
    lines = [(f.text, f.line) for f in sorted(doc.furniture, key=lambda f: f.line) if signed is None or f.line < signed]
    head = list(itertools.islice(doc.blocks, 12))
    closing = next((k for k, b in enumerate(head) if b.kind == "closing"), len(head))
    lines += [(b.text, b.line) for b in head[:closing]]
    for text, line in lines:
        folded = fold(" ".join(cells(text).split()))
        found = [m for p in r.records if (m := p.search(folded))]
        if found:
            name = next((m["title"] for m in found if m.re.groupindex.get("title") and m["title"]), None)
            return line, name[:1].upper() + name[1:] if name else None
    return None


def _label_starts(text: str) -> list[int]:
    """Where a further label starts on a line: two columns of a letterhead side by side ("24 maart
    2031 Onze referentie BS2031001234"), written as a label is, capitalised after a space."""
    return sorted({m.start() + 1 for label in cleaning_rules().sidebar_labels if len(label) > 3
                   for m in re.finditer(rf"\s{re.escape(label.capitalize())}\b", text)})


def _cut_at_label(value: str) -> str:
    """A value up to the next label on its line ("24 maart 2031 Onze referentie …" -> "24 maart 2031")."""
    starts = _label_starts(value)
    return value[:starts[0]].strip() if starts else value.strip()


def read_addressee(doc: Document) -> tuple[set[str], int | None]:
    texts = [(f.text, f.line, False) for f in head_furniture(doc)]
    texts += [(b.text, b.line, True) for b in _before_first_prose(doc)]
    chambers: set[str] = set()
    line = None
    # The address may break anywhere ("Aan de Voorzitter van de" / "Tweede Kamer der Staten-Generaal").
    joined, starts, written = "", [], {}
    for text, no, in_body in texts:
        starts.append((len(joined), no, in_body))
        written[len(joined)] = text
        joined += fold(text) + " "
    for m in ADDRESSEE.finditer(joined):
        offset, no, in_body = max(s for s in starts if s[0] <= m.start())
        if COPY_TO.search(joined[max(0, m.start() - 30):m.start()]):
            continue
        # In the body the address opens its paragraph; prose that names the Voorzitter is no address
        # ("Namens Nederland namen de Voorzitter van de Tweede Kamer en ... deel").
        prefix = joined[offset:m.start()].strip()
        run_on = RUN_ON_HEAD.search(prefix) and PRINTED_HEAD.search(written[offset])
        if in_body and not (ADDRESS_OPENING.fullmatch(prefix) or run_on):
            continue
        chambers.add(f"{m.group('chamber').capitalize()} Kamer")
        line = line or no
    return chambers, line


def _bare_label(text: str) -> bool:
    """A side-column label alone on its line ("Betreft"), its value elsewhere."""
    return fold(cells(text).strip()).rstrip(":").strip() in cleaning_rules().sidebar_labels


def _is_label(text: str) -> bool:
    folded = fold(cells(text).strip()).rstrip(":")
    return any(folded == lab or folded.startswith((lab + " ", lab + ":")) for lab in cleaning_rules().sidebar_labels)


def read_subject(doc: Document) -> tuple[str | None, int | None]:
    furniture = head_cells(doc)
    letterhead = cleaning_rules().letterhead
    for i, f in enumerate(furniture):
        m = SUBJECT_LABEL.match(f.text.strip())
        if not m:
            continue
        value = _cut_at_label(m.group("value"))
        parts = [value] if value else []
        last = f.line
        for g in furniture[i + 1:]:
            # The subject goes on over the next lines of the same column, up to a blank line or label.
            gap = 2 if not parts else 1
            if g.line > last + gap or _is_label(g.text) or any(p.search(g.text) for p in letterhead):
                break
            parts.append(g.text.strip())
            last = g.line
        if parts:
            return " ".join(" ".join(parts).split()), f.line
    subject_blocks = [b for b in doc.blocks if b.kind == "subject"]
    if subject_blocks:
        return " ".join(b.text for b in subject_blocks), subject_blocks[0].line
    return None, None


def read_references(furniture: tuple[Furniture, ...]) -> tuple[str, ...]:
    items = head_furniture(Document((), (), furniture))
    refs: list[str] = []
    for i, f in enumerate(items):
        m = REFERENCE_LABEL.match(f.text.strip())
        if not m:
            continue
        values = m.group("value").split()
        # The values follow on the next lines of the side column, blank lines between or not.
        for g in items[i + 1:]:
            if not REFERENCE.match(g.text.strip()):
                break
            values.append(g.text.strip())
        refs += [v for v in values if REFERENCE.match(v)]
    return tuple(dict.fromkeys(refs))


# --- kind --------------------------------------------------------------------------


def read_kind(subject: str | None, titles: str, opening: str, r: Rules, *, timing: str | None,
              meeting_up_front: bool, letter: bool = True) -> tuple[str, dict[str, int], str]:
    """(kind, score per kind, origin): what the letter says it is.

    The subject line and a title ("GEANNOTEERDE AGENDA VAN ...") count `subject_weight` times, the
    opening once.  Hints (the tense of the meeting sentence) and the timing of the meeting against
    the letter date count only when the letter opens with a meeting: without one, a letter that
    does not say it is an agenda or verslag is "overig".  Nor do they count in a text that is no
    letter (`letter` False: no date, addressee or signature, and it does not speak to the Kamer), such
    as a news item about a minister going to a meeting.
    """
    scores: dict[str, int] = {}
    from_subject: dict[str, int] = {}
    subject_f, titles_f = fold(subject or ""), fold(titles)
    opening_f = fold(" ".join(opening.split()))
    own_f = _own_words(" ".join(opening.split()), r)
    for kind, patterns in r.kind_patterns.items():
        from_subject[kind] = sum(r.subject_weight * bool(p.search(subject_f)) for p in patterns)
        # A text that is no letter tells its kind only by a subject or title: a news item's "Hij doet
        # vandaag verslag aan de Tweede Kamer van ..." is about a letter, and is none.
        scores[kind] = from_subject[kind] + sum(
            r.subject_weight * bool(p.search(titles_f)) + (letter and bool(p.search(own_f))) for p in patterns)
    if meeting_up_front and letter:
        for kind, patterns in r.kind_hints.items():
            scores[kind] = scores.get(kind, 0) + sum(bool(p.search(opening_f)) for p in patterns)
        timed = {"before": REPORT, "after": AGENDA}.get(timing or "")
        if timed:
            scores[timed] = scores.get(timed, 0) + r.timing_weight
    best = max(scores.values(), default=0)
    winners = [k for k, v in scores.items() if v == best]
    if best == 0 or len(winners) > 1:
        return OVERIG, scores, "text"
    return winners[0], scores, "head" if from_subject.get(winners[0]) else "text"


def _first(found: list[_Found], own: int | None) -> list[_Found]:
    """The meetings with the one at `own` (if any) moved to the front: the letter's main meeting."""
    return found if not own else [found[own], *found[:own], *found[own + 1:]]


def _subject_type_first(found: list[_Found], subject: str, writer: str, r: Rules,
                        dossiers: frozenset[str]) -> list[_Found]:
    """The first meeting of the one type the subject names, first: "Betreft Verslag NAVO-top Londen" over a
    text that names the foreign ministers' April meeting before the summit it reports on.  A name the
    writer's ministry decides counts as the writer's (`by_writer`).  Not a title's: an enclosure's title
    may name the next meeting a verslag sends the agenda of."""
    types = set()
    folded = fold_aligned(subject)
    for h in _hits(subject, folded, r, dossiers):
        if h.is_type:
            written = folded[h.start:h.end]
            types.add(next((rule.type for rule in r.by_writer if rule.writer.search(writer)
                            and any(n.fullmatch(written) for n in rule.names)), h.key))
    if len(types) != 1 or not found or found[0].type in types:
        return found
    own = next((i for i, f in enumerate(found) if f.type in types), None)
    return _first(found, own)


def _heading_first(found: list[_Found], page: PageFacts, writer: str, r: Rules,
                   dossiers: frozenset[str]) -> list[_Found]:
    """The meeting OpenTK's title for the letter names and dates ("Geannoteerde agenda NAVO ministeriële
    bijeenkomst van 14 en 15 mei 2025") first, when the text names others before it; the kind and the
    values stay the text's."""
    named = [_by_writer(f, writer, r, first=True) for f in
             _sentence_meetings(page.heading or "", page.heading_line or 0, r, need_phrase=False, dossiers=dossiers)]
    if not named:
        return found
    own = next((i for i, f in enumerate(found) if (f.type, f.when.day, f.when.month)
                == (named[0].type, named[0].when.day, named[0].when.month)), None)
    return _first(found, own)


def _own_formula_first(found: list[_Found], letter_date: date | None, r: Rules,
                       opening: list[str] = (), elsewhere: list[_Found] = ()) -> list[_Found]:
    """The meeting the sentence that says what the letter is names, first, when the text named others
    before it ("Dit jaar staat in het teken van de NAVO-top op 24 en 25 juni. … Met deze brief informeer ik
    uw Kamer over de bijeenkomst van de NAVO-ministers van Defensie op 12 en 13 februari a.s.").  Not over
    a meeting the subject line names: that is the letter's by definition; nor a meeting on the wrong side
    of the letter date for what the sentence says ("Hierbij bied ik u de geannoteerde agenda aan, die ook
    ingaat op de DMM van 13 februari" in May).  A sentence that says what the letter is of a meeting it
    points back at ("Hierbij ontvangt u de geannoteerde agenda van deze bijeenkomst") names the meeting
    of the sentence before it (`opening`: the opening's sentences, folded as the meetings' are), also when
    that sentence named it as another letter's ("Op 30 juni jl. heb ik u de geannoteerde agenda gestuurd voor de
    NAVO-top van 11 en 12 juli (…). Hierbij ontvangt u het verslag van deze top."; `elsewhere`)."""
    if (found and found[0].origin != "text") or not (found or elsewhere):
        return found

    def said_of(f: _Found, sentence: str) -> bool:
        said = {k for k, patterns in r.kind_patterns.items() if any_search(patterns, sentence)}
        if not said:
            return any_search(r.subject_statements, sentence)
        timing = _timing([f], letter_date)
        return len(said) == 1 and {AGENDA: "before", REPORT: "after"}.get(next(iter(said))) != timing

    def own(f: _Found) -> bool:
        return any_search(r.this_letter, f.sentence) and said_of(f, f.sentence)

    index = next((i for i, f in enumerate(found) if own(f)), None)
    if index is None:
        candidates = found + list(elsewhere)
        named = {f.sentence for f in candidates}
        index = next((i for before, sentence in zip(opening, opening[1:])
                      if sentence not in named and any_search(r.this_letter, sentence)
                      for types in [_points_back(sentence, r)] if types
                      for i, f in enumerate(candidates) if f.sentence == before and f.type in types
                      and said_of(f, sentence)), None)
        if index is not None and index >= len(found):
            return [candidates[index], *found]
    return _first(found, index)


def _points_back(folded: str, r: Rules) -> frozenset[str]:
    """The meeting types the sentence may point back at, when it speaks of a meeting only in words that point
    back at one named before ("van deze bijeenkomst", "die vergadering"; meetings.yaml `meeting_word_types`)."""
    words = [m for p in r.meeting_words for m in p.finditer(folded)]
    # (one meeting: "deze drie bijeenkomsten" points back at all the sentences before named)
    if not words or not all(_POINTING_BACK.search(folded[:m.start()]) and not m.group().endswith(("en", "ies"))
                            for m in words):
        return frozenset()
    return frozenset.intersection(*(r.meeting_word_types.get(m.group(), frozenset()) for m in words))


def _named_of_another_letter(found: _Found, r: Rules) -> bool:
    """The clause that dates this meeting speaks of another letter (kinds.yaml `elsewhere`), or dates it
    in the questions the letter answers ("een reactie op enkele vragen over het verslag van de NAVO-top
    van 11 en 12 juli jl."; kinds.yaml `about`)."""
    day = fold(found.when.text)
    for clause in found.sentence.split(";"):
        if day not in clause:
            continue
        if _of_another_letter(_without_as_said(clause, r, day), r) \
                or any(day in clause[m.start():] for p in r.about if (m := p.search(clause))):
            return True
    return False


def _of_another_letter(clause: str, r: Rules) -> bool:
    """A folded clause about a letter the Kamer receives apart or received before, not about this one."""
    return any_search(r.elsewhere, clause) and not any_search(r.this_letter, clause)


# "Op 2 en 3 september vond in Luxemburg de bijeenkomst plaats, zoals aangekondigd in de geannoteerde agenda":
# the clause points to another letter for what it says, and speaks of this letter's meeting.
_AS_SAID = re.compile(r"\bzoals\b[^,;]*")


def _without_as_said(clause: str, r: Rules, day: str = "") -> str:
    """The folded clause without the words that point to another letter ("zoals aangekondigd in de
    geannoteerde agenda"), unless they hold `day` ("zoals ik in mijn verslag van de DMM van 14 februari
    schreef": the DMM is the other letter's)."""
    for m in reversed(list(_AS_SAID.finditer(clause))):
        if not (day and day in m.group()) and _of_another_letter(m.group(), r):
            clause = clause[:m.start()] + clause[m.end():]
    return clause


def _own_words(text: str, r: Rules) -> str:
    """The opening, folded, without what it says of other letters (kinds.yaml `elsewhere`, `about`): a
    clause about a report the Kamer receives apart ("Het verslag van de vorige Raad ontvangt u
    separaat"), and the questions a letter answers ("de antwoorden op de vragen over de geannoteerde
    agenda …") from their first word on."""
    kept = []
    for start, end in _sentences(text):
        for clause in fold(text[start:end]).split(";"):
            clause = _without_as_said(clause, r)
            if _of_another_letter(clause, r):
                continue
            cut = min((m.start() for p in r.about if (m := p.search(clause))), default=len(clause))
            kept.append(clause[:cut])
    return " ".join(kept)


# --- signer ------------------------------------------------------------------------

# Greetings and signer roles are the cleaner's (data/cleaning.yaml): one list for both.
GREETING = re.compile(rf"^(?:{alternation(cleaning_rules().greetings)})\b", re.IGNORECASE)
ROLE = re.compile(rf"^(?:de|het)\s+(?P<role>(?:plaatsvervangend\s+)?(?:{alternation(cleaning_rules().signer_roles)})\b.*?)"
                  r"\s*[,.]?$", re.IGNORECASE)
INITIALS = re.compile(r"^(?:[A-Z][a-z]{0,2}\.)+$")
SURNAME_START = re.compile(r"^(?:(?:van|de|der|den|het|ter|ten|te|von)\s+)*[A-Z]")  # "Voorbeeld", "van der Proef"
SPACED_INITIALS = re.compile(r"\b[A-Z][a-z]{0,2}\.(?: [A-Z][a-z]{0,2}\.)+(?= )")
# The rest of a role on the line below it: "van Buitenlandse Zaken,", "voor Europese Zaken,".
ROLE_REST = re.compile(r"^(?:van|voor)\s+[A-Z][\w -]{2,60},?$")
# A full stop after the surname closes the signature ("E. van Middelkoop." under a besluit); it is no
# part of the name.  An initial keeps its own ("A.B." has no two lower-case letters before its stop).
SECOND_ROLE = re.compile(rf"^(?:{alternation(cleaning_rules().signer_roles)})\b", re.IGNORECASE)
SURNAME_REST = re.compile(r"[A-Z][a-z’'-]+")  # the second part of a double surname, on a line of its own
SIGNATURE_STOP = re.compile(r"(?<=[a-z]{2})\.$")
# "w.g." (was getekend) stands where a copy leaves out the signature: above the name, or before it.
SIGNED_MARK = re.compile(r"^\(?w\.\s?g\.\)?(?:\s+|$)", re.IGNORECASE)
# "namens deze," under a role: that role signs through the official named below (cleaning.yaml `delegations`).
DELEGATION = re.compile(rf"^(?:{alternation(cleaning_rules().delegations)})\s*,?$", re.IGNORECASE)


def normalise_role(role: str) -> str:
    """'DE MINISTER VAN DEFENSIE' and 'De Minister van Defensie,' both become 'minister van Defensie'."""
    words = role.strip().rstrip(",.").split()
    if len(words) > 1 and words[0].lower() in ("de", "het"):
        words = words[1:]
    if role.isupper():
        words = [w.lower() for w in words]
        if "van" in words:  # the ministry's name after "van" is a proper name
            k = words.index("van")
            words[k + 1:] = [w if w in ("en", "de", "het") else w.capitalize() for w in words[k + 1:]]
    words[0] = words[0].lower()
    return " ".join(words)


def _strip_titles(name: str, titles: frozenset[str]) -> str:
    words = [w for w in name.replace(",", " ").split() if fold(w) not in titles and not _is_honorific(w, titles)]
    # Initials printed apart ("J. S. J. Hillen", "Dr B. R. Bot") are one set of initials.
    return SPACED_INITIALS.sub(lambda m: m.group(0).replace(" ", ""), " ".join(words))


def match_person(signed: str, r: Rules) -> Person | None:
    """The one person in people.yaml the signature names, or None (unknown or ambiguous)."""
    plain = fold(_strip_titles(signed, r.titles))
    hits = []
    for p in r.people:
        if plain in {fold(p.name), *(fold(v) for v in p.variants)}:
            hits.append(p)
            continue
        words = _strip_titles(signed, r.titles).split()
        if len(words) >= 2 and INITIALS.match(words[0]) and fold(" ".join(words[1:])) == fold(p.surname):
            given = words[0]
            if p.initials:
                ok = fold(p.initials).replace(" ", "").startswith(fold(given))
            else:
                ok = fold(given)[0] == fold(p.name)[0]
            if ok:
                hits.append(p)
    return hits[0] if len(hits) == 1 else None


def _looks_like_name(text: str, most: int = 7) -> bool:
    words = text.split()
    return 1 <= len(words) <= most and not re.search(r"\d", text) and text[:1].isalpha()


def _dangling(role: str) -> bool:
    """A role broken after its preposition ("De Staatssecretaris voor")."""
    return role.split()[-1].lower() in ("van", "voor")


def _role_rest(text: str) -> bool:
    """What completes a role broken after its preposition: capitalised words and a comma ("Europese Zaken,")."""
    words = text.split()
    return 1 <= len(words) <= 6 and text.endswith(",") and words[0][:1].isupper() and not INITIALS.match(words[0])


def _signed_name(text: str) -> bool:
    """A name under a role, not the rest of a role printed where a name would stand ("voor
    Europese Zaken,", "Ontwikkelingssamenwerking,"): a role ends with a comma, a name does not."""
    # Two names side by side, with their titles, may run to ten words; their initials show it.
    two = sum(bool(INITIALS.match(w)) for w in text.split()) >= 2
    return _looks_like_name(text, 10 if two else 7) and not ROLE_REST.match(text) and not text.endswith(",")


def _signature_line(block: Block) -> bool:
    """"De Minister van Defensie, K.H. Ollongren" on one line is a signature, whatever block it
    was read as (a cover letter's co-signatures may stand between its text and the enclosure)."""
    m = ROLE.match(" ".join(block.text.split())) if block.kind in ("heading", "paragraph") else None
    if not m:
        return False
    _, sep, tail = m.group("role").partition(",")
    return bool(sep) and (_signed_name(tail.strip()) or _two_roles(" ".join(block.text.split())) is not None)


# Two signatures side by side, read line by line: both role heads first, then both tails
# ("De Minister De Staatssecretaris" / "van Buitenlandse Zaken, voor Europese Zaken,").
TWO_HEADS = re.compile(rf"^(?i:(?P<a>(?:de|het)\s+(?:{alternation(cleaning_rules().signer_roles)}))\s+"
                       rf"(?P<b>(?:de|het)\s+(?:{alternation(cleaning_rules().signer_roles)})))\s+"
                       r"(?P<tails>[^,]{3,60},[^,]{3,60}),?$")
PREPOSITION = re.compile(r"^(?:van|voor)\s+")


def _two_roles(text: str) -> list[str] | None:
    """The roles of two signatures set side by side and read as one line ("De Minister van
    Buitenlandse Zaken, De Staatssecretaris voor Europese Zaken,"), or None."""
    heads = TWO_HEADS.match(text)
    if heads:
        first, second = (t.strip() for t in heads.group("tails").split(","))
        # "De Minister De Minister voor" / "van Buitenlandse Zaken, Ontwikkelingssamenwerking,":
        # the second head's preposition was printed on the heads' line.
        moved = PREPOSITION.match(first) if PREPOSITION.match(PREPOSITION.sub("", first, count=1)) else None
        if moved:
            first, second = first[moved.end():], moved.group(0) + second
        if (PREPOSITION.match(first) or first[:1].isupper()) and (PREPOSITION.match(second) or second[:1].isupper()):
            return [f"{heads.group('a')} {first}", f"{heads.group('b')} {second}"]
    m = ROLE.match(text)
    head, sep, tail = m.group("role").partition(",") if m else ("", "", "")
    second = ROLE.match(tail.strip()) if sep else None
    # Two short roles, nothing more: prose that starts "De minister van X, de minister van Y en ..." is no signature.
    if not second or len(head.split()) > 8 or len(second.group("role").split()) > 8:
        return None
    return [head, second.group("role")]


# Where a second name starts on a line of names side by side: initials (or a title such as
# "Drs." or "mr.", people.yaml's `titles`) after a word that is no initial ("Drs. M.J.M. Verhagen
# Drs. F.C.G.M. Timmermans", "mr. C.D. Voorbeeld drs. A.B. Proef").
@lru_cache(maxsize=None)
def _next_name(titles: frozenset[str]) -> re.Pattern:
    # Titles written before a name ("mr.", "drs."), not after it ("LL.M.").
    prefixes = "|".join(re.escape(t) for t in sorted(titles) if t.endswith(".") and t.count(".") == 1)
    return re.compile(rf"(?<=[^.\s])\s+(?=(?:[A-Z][a-z]{{0,2}}\.|(?i:{prefixes}))+(?:\s|$))")


def _side_by_side_names(text: str, titles: frozenset[str]) -> list[str]:
    names: list[list[str]] = []
    opening: list[str] = []  # titles written without their stops ("Dr B. R. Bot Mr Drs A. Nicolaï") open the next name
    for piece in (n.split() for n in _next_name(titles).split(text) if n.strip()):
        piece = opening + piece
        k = len(piece)
        while k > 0 and _is_honorific(piece[k - 1], titles):
            k -= 1
        if k:
            names.append(piece[:k])
        opening = piece[k:]
    if opening and names:
        names[-1] += opening
    elif opening:
        names.append(opening)
    return [" ".join(n) for n in names]


def _is_honorific(word: str, titles: frozenset[str]) -> bool:
    """A title written before a name ("Dr.", "mr", "Drs"), with its stop or without."""
    folded = fold(word.rstrip(".")) + "."
    return folded in titles and folded.count(".") == 1


def _two_full_names(text: str, r: Rules) -> list[str] | None:
    """Two names written in full side by side, read as one line ("Caspar Veldkamp Ruben
    Brekelmans"): no initials show where the second starts, so split where one side is a person
    people.yaml knows, if exactly one place does; four words can only be two and two (a name
    written in full has a first name and a surname); else None."""
    words = text.split()
    if any(INITIALS.match(w) or _is_honorific(w, r.titles) for w in words):
        return None  # "drs. J.A. de Vries": initials or a title show one name written with them
    splits = [j for j in range(2, len(words) - 1)
              if match_person(" ".join(words[:j]), r) or match_person(" ".join(words[j:]), r)]
    if not splits and len(words) == 4:
        splits = [2]
    return [" ".join(words[:splits[0]]), " ".join(words[splits[0]:])] if len(splits) == 1 else None


def read_signer(doc: Document, r: Rules) -> tuple[str | None, Person | None, str | None, int | None, tuple[str, ...]]:
    """(signed name as written, the person it names if known, role, line of the closing, the other
    names signed, in order).

    A co-signed letter has several role + name pairs; the one for Defensie is
    this site's minister, otherwise the first signer.
    """
    closing = [b for b in doc.blocks if b.kind == "closing" or _signature_line(b) or DELEGATION.match(b.text.strip())]
    # Under two signatures side by side, the line of their names belongs to the closing too (or
    # their two lines of names, one under the other).
    for k, a in enumerate(doc.blocks):
        roles = _two_roles(" ".join(a.text.split()))
        if roles:
            under = doc.blocks[k + 1:k + 3]
            rest = [b for b in under[:1] if _dangling(roles[-1]) and _role_rest(b.text.strip())]
            if rest:  # "… De Staatssecretaris voor" / "Europese Zaken,": the role's rest, then the names
                under = doc.blocks[k + 2:k + 4]
            closing += [b for b in rest + list(itertools.takewhile(lambda b: _signed_name(b.text.strip()), under))
                        if b not in closing]
    # A role broken over two lines ("De Minister" / "van Buitenlandse Zaken,"), and the name under it.
    broken: dict[int, str] = {}
    for a, b, c in zip(doc.blocks, doc.blocks[1:], doc.blocks[2:]):
        if (a in closing and len(a.text.split()) <= 3 and ROLE.match(a.text.strip())
                and ROLE_REST.match(b.text.strip()) and _signed_name(c.text.strip())):
            broken[a.line] = f"{a.text.strip()} {b.text.strip()}"
            closing = [x for x in closing if x is not b] + ([c] if c not in closing else [])
    # A signature line broken inside its name ("De Minister van Buitenlandse Zaken, A.G." / "Koenders"):
    # the initials and the surname on the line below are one name.
    for a, b in zip(doc.blocks, doc.blocks[1:]):
        if a not in closing:
            continue
        text = " ".join(broken.get(a.line, a.text).split())
        tail = text.partition(",")[2].split() if ROLE.match(text) else []
        surname = " ".join(b.text.split())
        if text.endswith("-") and _signed_name(text[:-1]) and SURNAME_REST.fullmatch(surname):
            # a double surname broken at its hyphen: "A.Th.B. Bijleveld-" / "Schouten"
            broken[a.line] = text + surname
            closing = [x for x in closing if x is not b]
        elif (tail and all(INITIALS.match(w) or fold(w) in r.titles for w in tail) and b.kind != "closing"
                and _signed_name(surname) and len(surname.split()) <= 4 and SURNAME_START.match(surname)
                and not ROLE.match(surname)):
            broken[a.line] = f"{text} {surname}"
            closing = [x for x in closing if x is not b]
    closing.sort(key=lambda b: b.line)
    pairs: list[list[str | None]] = []  # [role, name]
    delegated = False  # the last role signs through the next one ("namens deze"): that role is no pair of its own
    for b in closing:
        text = SIGNED_MARK.sub("", " ".join(broken.get(b.line, b.text).split()))
        if not text or GREETING.match(text):
            continue
        if DELEGATION.match(text):
            delegated = bool(pairs) and pairs[-1][1] is None
            continue
        was_delegated, delegated = delegated, False
        roles = _two_roles(text)
        if roles:
            pairs += [[normalise_role(role), None] for role in roles]
            continue
        if pairs and pairs[-1][1] is None and _dangling(pairs[-1][0]) and _role_rest(text):
            pairs[-1][0] += " " + text.rstrip(",")  # the rest of a role broken after "voor"
            continue
        m = ROLE.match(text)
        if m:
            role_text, name = m.group("role"), None
            # "De minister van Defensie, R.P. Brekelmans" on one line.
            head, sep, tail = role_text.partition(",")
            # (not a second role: "De Minister-President, Minister van Algemene Zaken,")
            if sep and _signed_name(tail.strip()) and not SECOND_ROLE.match(tail.strip()):
                role_text, name = head, tail.strip()
            if was_delegated:  # the official's role ("De Directeur-Generaal Beleid,"): the name signs for the role above
                pairs[-1][1] = name
                continue
            pairs.append([normalise_role(role_text), name])
            continue
        if _signed_name(text):
            names = _side_by_side_names(text, r.titles)
            two_open = len(pairs) >= 2 and pairs[-2][1] is None and pairs[-1][1] is None
            if len(names) == 1 and two_open:
                names = _two_full_names(text, r) or names
            if len(pairs) >= len(names) > 1 and all(p[1] is None for p in pairs[-len(names):]):
                for pair, name in zip(pairs[-len(names):], names):
                    pair[1] = name.rstrip(",")
            elif len(names) == 1 and two_open and len(text.split()) >= 4:
                pass  # two names under two roles that cannot be told apart: none, rather than both as one
            elif pairs and pairs[-1][1] is None:
                # Names one under the other, under roles side by side: the first open role's first.
                waiting = list(itertools.takewhile(lambda p: p[1] is None, reversed(pairs)))
                waiting[-1][1] = text.rstrip(",")
            elif not pairs:
                pairs.append([None, text.rstrip(",")])
    line = closing[0].line if closing else None
    if not pairs:
        return None, None, None, line, ()
    # The Defence signature that bears a name (a co-signed letter's minister who signs through an
    # official or the state secretary, "namens deze", keeps the name signed under it).
    defence = [p for p in pairs if p[0] and "defensie" in fold(p[0])]
    chosen = next((p for p in defence if p[1]), defence[0] if defence else pairs[0])
    role, signed = chosen
    if signed:
        signed = SIGNATURE_STOP.sub("", signed)
    others = tuple(SIGNATURE_STOP.sub("", p[1]) for p in pairs if p is not chosen and p[1])
    return signed, (match_person(signed, r) if signed else None), role, line, others


# --- meetings ----------------------------------------------------------------------


@dataclass
class _Hit:
    start: int
    end: int
    key: str
    is_type: bool
    in_context: bool = False  # a name that counts only in context wins over a plain one of the same span
    in_dossier: bool = False  # a name that stands for its type only in the letter's dossier


@dataclass
class _Found:
    """A meeting found in one sentence, before its year is settled."""

    type: str
    when: DateMention
    location: str | None
    line: int
    informal: bool = False
    origin: str = "text"  # "head": found in the subject line
    written: tuple[str, ...] = ()  # the names as written (folded) that gave the type
    shared: bool = False  # the date may be a list's: its sentence names other meetings under it
    sentence: str = ""  # the sentence that names it, folded
    # Where the type came from when the name alone does not give it: "dossier" (names_in_dossier) or
    # "writer" (by_writer).  The letter panel says so: the text did not state it.
    type_from: str = ""


# Between names of one list there are only separators: "X (DMM), de Y (UDCG) en de Z".
# (also "…, de bijeenkomst van de NAVO-ministers van Defensie en de UDCG, die op 11 en 12 februari …")
_LIST_GAP = re.compile(r"^(?:[\s,()]|\ben\b|\bde\b|\bhet\b|\bvan\b|\bof\b|\bbijeenkomst\b|\bvergadering\b)*$")
# What may stand between a name and the date that belongs to it: "(DMM) op", "in Brussel op",
# "in Washington, gepland op", "..., die op" / "die plaatsvindt op" (a relative clause dating it).
_DATE_GAP = re.compile(r"^[\s()]*(?:(?:in|te)\s+(?:(?!\ben\b)[\w' -]){2,30}?\s*)?,?\s*(?:(?:gepland|voorzien)\s+)?"
                       r"(?:(?:die|welke)\s+(?:(?:plaats(?:vindt|vond|vinden|vonden)|(?:wordt|werd|zal worden)"
                       r"\s+gehouden)\s+)?)?"
                       rf"(?:op|van|d\.d\.|,)?(?:\s*{WEEKDAY})?\s*$")


# What may stand between a second meeting's date and its name after it: "... en op 12 februari de
# bijeenkomst van de NAVO-ministers van Defensie".
_DATE_BEFORE = re.compile(r"\s*(?:de |het )?(?:(?:[a-z]+e )?(?:bijeenkomst|vergadering) van (?:de )?)?")
# What may stand between a date and the place right after it: "van 20 mei a.s. in Brussel".
_AFTER_DATE = re.compile(r"[\s,]*(?:(?:jl|j\.l|a\.s|aanstaande|[12][0-9]{3})\.?[\s,]*)?")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences in `text`; a period after an abbreviation or initial does not end one,
    unless it closes a date before a capitalised word ("op 9 juni jl. De Kamer ...")."""
    rules = cleaning_rules()
    spans, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[\"'‘“«(]?[A-Z0-9À-Ý])", text):
        word = re.search(r"([\w.]+)$", text[start:m.start()])
        token = word.group(1).lower() if word else ""
        date_end = token in rules.date_end_abbreviations and re.match(r"\s+[A-ZÀ-Ý][a-zà-ÿ]", text[m.end():])
        if not date_end and (token in rules.period_abbreviations or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token)):
            continue  # "nr.", "R.P."
        spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _inside_longer_name(sentence: str, end: int, r: Rules, proper: bool = True) -> bool:
    """'NATO Summit' in 'NATO Summit Defence Industry Forum' is part of another proper name
    (which capitals cannot tell in a title written all in capitals).  Its abbreviation may stand
    between: "de Raad Buitenlandse Zaken (RBZ) Handel" is another configuration of the council,
    and so is the abbreviation itself, in its brackets or not.  `proper`: a name written out, which
    any capitalised word after it may continue; an abbreviation only its configurations do."""
    m = re.match(r"\)? (?:\([^()]{1,12}\) )?([A-Z][\w-]*)", sentence[end:])
    if m and fold(m.group(1)) in r.other_configurations:
        return True  # also in a title in capitals
    # ... or the configuration in brackets, or after "over"/"voor": "Raad Buitenlandse Zaken (Handel)", "(RBZ) over handel"
    config = re.match(r"\)? (?:\([^()]{1,12}\) )?(?:\(|(?:over|voor) )([A-Za-z][\w-]*)", sentence[end:])
    if config and fold(config.group(1)) in r.other_configurations:
        return True
    if not proper or not m or not re.search(r"[a-zà-ÿ]", sentence):
        return False
    rest = sentence[end + m.start(1):]
    return not any(rest.startswith(loc) for loc, _ in r.locations)


def _hits(sentence: str, folded: str, r: Rules, dossiers: frozenset[str] = frozenset()) -> list[_Hit]:
    raw: list[_Hit] = []
    probes = derived(r.names, "probes", _probes)
    # Ministers of another group in the sentence ("de ministers van Defensie van de JEF"): a name that
    # stands for a type only by the letter's dossier or the sentence's context stands for none.
    other_group = any_search(r.other_groups, folded)
    for n, probe in probes:
        if n.context is not None or (n.dossiers and (other_group or not n.dossiers & dossiers)) or (
                probe is not None and probe(folded if n.folded else sentence) is None):
            continue
        for m in n.pattern.finditer(folded if n.folded else sentence):
            if _inside_longer_name(sentence, m.end(), r, proper=n.folded):
                continue
            raw.append(_Hit(m.start(), m.end(), n.key, n.is_type, in_dossier=bool(n.dossiers)))
    # A name in context: its context is looked for in the sentence without the other meetings' names,
    # so "de NAVO-ministers van Defensie en de RAZEB" does not make the RAZEB a defence council.  A name
    # only the letter's dossier makes a meeting's ("de ministers van Defensie") stays: it is the context;
    # and so does a name of the type the context gives ("de EU-ministers van Defensie tijdens de RAZEB").
    rests: dict[str, str] = {}

    def rest_for(key: str) -> str:
        if key not in rests:
            rest = list(folded)
            for h in raw:
                if h.is_type and h.key != key and (not h.in_dossier or any(
                        g.is_type and not g.in_dossier and g.start < h.end and h.start < g.end for g in raw)):
                    rest[h.start:h.end] = " " * (h.end - h.start)  # (the dossier's words inside another name too)
            text = "".join(rest)
            for p in r.not_context:
                text = p.sub(lambda m: " " * len(m.group()), text)
            rests[key] = text
        return rests[key]

    for n, probe in probes:
        if n.context is None or other_group or (probe is not None and probe(folded if n.folded else sentence) is None):
            continue
        for m in n.pattern.finditer(folded if n.folded else sentence):
            rest_text = rest_for(n.key)
            if n.context.search(rest_text[:m.start()] + " " * (m.end() - m.start()) + rest_text[m.end():]):
                raw.append(_Hit(m.start(), m.end(), n.key, n.is_type, in_context=True))
    # Longest match first: "Raad Buitenlandse Zaken (RBZ) Defensie" is not also "Raad Buitenlandse Zaken".
    raw.sort(key=lambda h: (-(h.end - h.start), not h.in_context, h.start))
    kept: list[_Hit] = []
    for h in raw:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _chains(hits: list[_Hit], folded: str) -> list[list[_Hit]]:
    chains: list[list[_Hit]] = []
    for h in hits:
        if chains and _LIST_GAP.match(folded[chains[-1][-1].end:h.start]):
            chains[-1].append(h)
        else:
            chains.append([h])
    return chains


def _passing(chain: list[_Hit], folded: str, r: Rules) -> bool:
    before = folded[:chain[0].start]
    return any_search(r.passing_phrases, before)


def _informal(folded: str, chain: list[_Hit], chains: list[list[_Hit]], r: Rules) -> bool:
    """"informele"/"informeel" in the part of the sentence that is about this meeting: between the
    meetings named before and after it ("een informele bijeenkomst van ...", "... kwamen informeel bijeen")."""
    before = [c for c in chains if c[-1].end <= chain[0].start]
    after = [c for c in chains if c[0].start >= chain[-1].end]
    start = before[-1][-1].end if before else 0
    tail = folded[chain[-1].end:after[0][0].start if after else len(folded)]
    clause = re.split(r"[;:,]", tail)[0]
    if after and clause == tail:
        # "..., op 16 juni volgt de informele RBZ": the word belongs to the meeting it stands before.
        clause = re.sub(r"\binform(?:ele|eel)\b[\w\s-]{0,30}$", "", clause)
    return bool(r.informal.search(folded[start:chain[-1].end] + " " + clause))


def _other_clause(folded: str, at: int, name: int, when: DateMention | None) -> bool:
    """Is position `at` in a clause (between semicolons) that holds neither the meeting's name (at `name`)
    nor its date: "… komen de ministers bijeen; de dag ervoor ben ik in Washington"?"""
    if ";" not in folded:
        return False
    def clause(i: int) -> int:
        return folded.count(";", 0, i)
    return clause(at) != clause(name) and (when is None or clause(at) != clause(when.start))


# From the words that say a meeting moved to its new days: "tot", "naar", "en vond op", "en vindt nu plaats op".
_MOVED_TO = re.compile(rf"\s*(?:tot|naar|(?:en\s+)?(?:vond|vindt|wordt|werd)\s+(?:nu\s+|zij\s+|hij\s+)?(?:plaats\s+)?op|op)"
                       rf"\s+(?:{WEEKDAY}\s+)?")
# Between two meetings of one list: "… van 5 juni en de NAVO-top …", "…, de informele RBZ …".
_PASSING_LIST = re.compile(r"^\s*(?:,|en|of)\s*(?:de\s+|het\s+)?(?:(?:in)?formele\s+)?$")
# ... and before the next meeting of a list, from the words after the one before: "… en de bijeenkomst van".
_LIST_NEXT = re.compile(r"(?:,|\ben|\bof)\s+(?:de|het|een)\s+(?:(?:in)?formele\s+)?$")


def _sentence_meetings(sentence: str, line: int, r: Rules, need_phrase: bool,
                       origin: str = "text", dossiers: frozenset[str] = frozenset()) -> list[_Found]:
    folded = fold_aligned(sentence)
    if need_phrase and not any_search(r.meeting_phrases, folded):
        return []
    chains = [c for c in _chains(_hits(sentence, folded, r, dossiers), folded) if any(h.is_type for h in c)]
    if not chains:
        return []
    # (not a page's stamp after a bar: "Verslag informele Raad … | 10-09-2024")
    dates = [d for d in find_dates(sentence) if d.day is not None and not sentence[:d.start].rstrip().endswith("|")]
    passing = [c for c in chains if _passing(c, folded, r)]
    beside = [c for c in chains if c not in passing and any_search(r.passing_beside, folded[:c[0].start])]
    if len(beside) < len(chains) - len(passing):
        passing += beside  # another meeting of a type stays the sentence's (meetings.yaml `passing_beside`)
    # A list of meetings after the words of passing is passed as a whole: "Ter voorbereiding van de DMM van
    # 5 juni en de NAVO-top van 24 en 25 juni komen de ministers … bijeen".
    for before, chain in zip(chains, chains[1:]):
        if before in passing and chain not in passing:
            end = before[-1].end
            end = next((d.end for d in dates if d.start >= end and _DATE_GAP.match(folded[end:d.start])), end)
            if _PASSING_LIST.match(folded[end:chain[0].start]):
                passing.append(chain)
    main = [c for c in chains if c not in passing]
    if not main and any_search(r.kind_patterns.get(AGENDA, ()), " ".join(folded.split())):
        # The sentence offers the agenda "ter voorbereiding op" the one meeting it names: that is the letter's.
        main = [c for c in passing if any_search(r.prepared_phrases, folded[:c[0].start])]
        passing = [c for c in passing if c not in main]
    if not main or not dates:
        return []

    def adjacent_date(chain: list[_Hit]) -> DateMention | None:
        end = chain[-1].end
        return next((d for d in dates if d.start >= end and _DATE_GAP.match(folded[end:d.start])), None)

    # A date right after a name mentioned in passing belongs to that name, not to the letter's meeting;
    # nor is the date of a letter or of the Kamer's debate ("het algemeen overleg van 24 februari") one.
    owned = {id(d) for c in passing if (d := adjacent_date(c))}
    owned |= {id(d) for d in dates if _no_meetings_date(d, folded, r)}
    free = [d for d in dates if id(d) not in owned]
    primary = main[0]
    when = adjacent_date(primary)
    if when is None:
        # Nor is a date right after another meeting's name the first one's: "de videoconferentie van de
        # ministers van Defensie bouwt voort op de bijeenkomst van de ministers van Buitenlandse Zaken op 2 april".
        # The same meeting named again is no other ("de NAVO-ministeriële bijeenkomst van ministers van
        # Defensie op 13 juni", "... van EU-ministers van Defensie (informele RBZ Defensie) op 5 mei").
        own_types = {h.key for h in primary if h.is_type}
        others = {id(d) for c in main[1:] if {h.key for h in c if h.is_type} - own_types and (d := adjacent_date(c))}
        free = [d for d in free if id(d) not in others]
        before = [d for d in free if d.end <= primary[0].start]
        after = [d for d in free if d.start >= primary[-1].end]
        when = before[-1] if before else (after[0] if after else None)
    if when is None:
        return []
    # A meeting moved: "… die op 10 en 11 februari zou plaatsvinden, is uitgesteld tot 16 en 17 februari".
    # (Not another meeting's: "…; de NAVO-top van juli is verplaatst naar 24 juni".)
    # Where it was planned is not said of the days it moved to: only a place after those words counts.
    moved = min((m for p in r.moved_phrases if (m := p.search(folded, when.end))), key=lambda m: m.start(),
                default=None)
    planned = 0  # places before this position were the planned meeting's
    # (the days right after those words: "uitgesteld tot 4 en 5 maart", "en vond op 4 juni … plaats"; not what else
    # the sentence says was put off: "… waarvan de behandeling is uitgesteld tot na de verkiezingen van 14 mei")
    if moved is not None and ";" not in folded[when.end:moved.start()] \
            and not any(when.end <= c[0].start < moved.start() for c in chains if c is not primary):
        passed = {id(d) for c in passing if (d := adjacent_date(c))}
        later = next((d for d in dates if d.start >= moved.end() and id(d) not in passed), None)
        if later is not None and _MOVED_TO.fullmatch(folded[moved.end():later.start]):
            when, planned = later, moved.end()

    def own_date(chain: list[_Hit]) -> DateMention | None:
        """A further meeting's days: right after its name, or right before it after the first meeting's
        name ("De RBZ vindt op 11 februari plaats en op 12 februari de bijeenkomst van de NAVO-ministers")."""
        return adjacent_date(chain) or next(
            (d for d in dates if primary[-1].end <= d.start and d.end <= chain[0].start
             and _DATE_BEFORE.fullmatch(folded[d.end:chain[0].start])), None)

    further = [(chain, own_date(chain)) for chain in main[1:]]  # each further meeting with its own days

    # Places: "in Brussel", "te Brussel", but not the place of a meeting named in passing, right after its
    # name or its days ("Na de NAVO-top van 9 tot en met 11 juli in Washington komen de ministers ... bijeen").
    passing_days = [d for c in passing if (d := adjacent_date(c))]
    # A clause about a meeting in passing, up to its comma or the letter's meeting, holds that meeting's place:
    # "In aanloop naar de NAVO-top van juli 2023 in Vilnius kwamen de ministers … in Boekarest bijeen", "Na de
    # informele bijeenkomst in Stockholm van maart jl. komt de Raad … bijeen" (meetings.yaml `passing_clauses`).
    # (or after it, up to its comma: "…, twee dagen na de steunconferentie in Parijs"); the clause ends, too,
    # where the sentence goes on to say that a meeting meets ("Na afloop van de Europese Raad van 23 en 24 juni
    # jl. kwamen de ministers … op 18 juli in Brussel bijeen in de Raad Buitenlandse Zaken").
    # (Not a meeting of the clause's own list: "Na de Europese Raad van 20 en 21 maart en de bijeenkomst van de
    # «coalition of the willing» op 27 maart in Parijs kwamen de EU-ministers … in Warschau bijeen".)
    def clause_end(at: int) -> int:
        ends = [k for k in (folded.find(",", at), folded.find(";", at)) if k >= 0]
        ends += [next((m.start() for m in p.finditer(folded, at) if not _LIST_NEXT.search(folded, at, m.start())),
                      len(folded)) for p in r.meeting_phrases]
        return min(ends, default=len(folded))

    passing_spans = [(m.start(), min(clause_end(m.end()), primary[0].start if m.start() < primary[0].start
                                     else len(folded)))
                     for p in r.passing_clauses for m in p.finditer(folded)
                     if m.start() < primary[0].start or m.start() >= primary[-1].end]
    places = []
    for name, pattern in r.locations:
        for m in pattern.finditer(folded):
            after_passing = any(m.start() >= c[-1].end and re.fullmatch(r"[\s)]*", folded[c[-1].end:m.start()])
                                for c in passing) or any(
                m.start() >= d.end and _AFTER_DATE.fullmatch(folded[d.end:m.start()]) for d in passing_days)
            if not after_passing and not any(a <= m.start() < b for a, b in passing_spans) and m.start() >= planned \
                    and not _other_clause(folded, m.start(), primary[0].start, when) \
                    and not _only_planned(folded, m.start(), r):
                places.append((m.start(), name))
    # At one position the longest name: "te Straatsburg/Kehl" is not only "Straatsburg".
    places.sort(key=lambda p: (p[0], -len(p[1])))
    places = [p for i, p in enumerate(places) if i == 0 or p[0] != places[i - 1][0]]
    # A place between another meeting's name and its own date, or right after that date, is that
    # meeting's: "de DMM van 5 juni en de NAVO-top van 24 en 25 juni in Den Haag" says nothing of the DMM's.
    # So is a place right after another meeting's name: "…, op 29 en 30 november volgt de NAVO Foreign Ministers
    # Meeting in Boekarest en …".
    # The same for days before the name: "…, op 15 november vindt in Brussel de RBZ plaats".
    # (Not the same meeting named again: "… die op 21 maart met de Ministers van Defensie in Brussel plaatsvindt".)
    own_types = {h.key for h in primary if h.is_type}
    another = [(chain, own) for chain, own in further if {h.key for h in chain if h.is_type} - own_types]
    own_places: dict[int, str] = {}
    for chain, own in further:
        other = any(chain is c for c, _ in another)
        if own is when or (own is None and not other):
            continue
        if own is not None and not (other and own.start < chain[0].start):
            lo, hi = chain[0].start, own.end
        else:  # another meeting's name, its days before it or none
            lo, hi = min(chain[0].start, own.start if own else chain[0].start), max(chain[-1].end, own.end if own else 0)
        mine = [p for p in places if lo <= p[0] <= hi or (p[0] >= hi and _AFTER_DATE.fullmatch(folded[hi:p[0]]))]
        if mine:
            own_places[id(chain)] = mine[0][1]
            places = [p for p in places if p not in mine]
    # A place in a clause of its own that names another meeting is none of the first one's: "Op 12 en 13 oktober
    # kwamen de NAVO-ministers bijeen, op 15 november vindt in Brussel de RBZ plaats, …".
    def comma_clause(at: int) -> int:
        return folded.count(",", 0, at) + folded.count(";", 0, at)
    mine = {comma_clause(primary[0].start), comma_clause(when.start)}
    others = {comma_clause(c[0].start) for c, _ in another} - mine
    places = [p for p in places if comma_clause(p[0]) not in others]
    location = None
    if len({p for _, p in places}) == 1:
        location = places[0][1]
    elif places:
        mid = primary[0].start
        location = min(places, key=lambda p: abs(p[0] - mid))[1]

    def written(chain: list[_Hit], key: str) -> tuple[str, ...]:
        return tuple(folded[h.start:h.end] for h in chain if h.key == key)

    def type_from(chain: list[_Hit], key: str) -> str:
        return "dossier" if all(h.in_dossier for h in chain if h.key == key) else ""

    found: list[_Found] = []
    types = list(dict.fromkeys(h.key for h in primary if h.is_type))
    informal = _informal(folded, primary, chains, r)
    # "RBZ Defensie, NAVO-ministers van Defensie en UDCG van 11 en 12 februari": the days are the list's.
    shared = len(types) > 1 or any(own in (None, when) for _, own in further)
    found += [_Found(t, when, location, line, informal, origin, written(primary, t), shared, folded,
                     type_from(primary, t)) for t in types]
    # Another meeting in the same sentence counts only with a date of its own: "... en de RBZ op 16 oktober".
    for chain, own in further:
        if own is not None and own is not when:
            found += [_Found(t, own, own_places.get(id(chain), location), line, _informal(folded, chain, chains, r),
                             origin, written(chain, t), sentence=folded, type_from=type_from(chain, t))
                      for t in dict.fromkeys(h.key for h in chain if h.is_type)]
    return found


def _writer(doc: Document, role: str | None) -> str:
    """Who writes the letter, as the letter says it: the signer's role, else the printed head
    ("BRIEF VAN DE MINISTER VAN ...") or the saved page's first signer; lower case, no diacritics."""
    if role:
        return fold(role)
    lines = [fold(f.text) for f in doc.furniture] + [fold(b.text) for b in doc.blocks[:3]]
    return next((t for t in lines if re.search(r"\bbrief van de ministers? |\beerste ondertekenaar: ", t)), "")


def _named_only_by(found: _Found, names: tuple[re.Pattern, ...]) -> bool:
    """Is every name the text gives this meeting one of `names`?"""
    return bool(found.written) and all(any(n.fullmatch(w) for n in names) for w in found.written)


def _by_writer(found: _Found, writer: str, r: Rules, first: bool) -> _Found:
    """A meeting named only by a name the writer's ministry decides (meetings.yaml `by_writer`);
    `first`: it is the first meeting the letter names."""
    for rule in r.by_writer:
        if (_named_only_by(found, rule.names) and rule.writer.search(writer) and (first or not rule.first_only)
                and not (rule.unless and rule.unless.search(found.sentence))):
            return found if found.type == rule.type else replace(found, type=rule.type, type_from="writer")
    return found


def _by_namesake(found: list[_Found], r: Rules) -> list[_Found]:
    """A meeting named only by a name the writer's ministry decides ("informele NAVO-ministeriële Oslo,
    26 en 27 april 2007" in a title) is the one the text names in full on the same days ("de informele
    ministeriële NAVO-bijeenkomst van ministers van Buitenlandse Zaken"), when the writer does not tell."""
    out = []
    for f in found:
        for rule in r.by_writer:
            if (f.type != rule.type and f.when is not None and _named_only_by(f, rule.names)
                    and any(g.type == rule.type and g.when is not None
                            and (g.when.day, g.when.month) == (f.when.day, f.when.month) for g in found)):
                f = replace(f, type=rule.type, type_from="")  # the text's full name gives it
        out.append(f)
    return out


def title_blocks(doc: Document, r: Rules) -> list[Block]:
    """Headings that title the document as an agenda or verslag ("GEANNOTEERDE AGENDA VAN DE NAVO TOP
    IN VILNIUS VAN 11 EN 12 JULI 2023", "Verslag van de informele bijeenkomst ..."), as after a cover letter."""
    return [b for b in doc.blocks if _is_title(b, r)]


def _no_meetings_date(d: DateMention, folded: str, r: Rules) -> bool:
    """A letter's or the Kamer's debate's date: "mijn brief van 3 februari", "het algemeen overleg van 24
    februari"; or a day something was decided: "heeft op 1 april jl. besloten deze VTC te beleggen"."""
    return (any_search(r.not_meeting_dates, folded[max(0, d.start - 60):d.start])
            or any(p.match(folded, d.end) for p in r.not_meeting_dates_after))


# Where a sentence divides into clauses: ";" and "en" between clauses (not "5 en 6 september").
_CLAUSES = re.compile(r";|(?<!\d)\s+en\s+(?!\d)")


def _dated_by_next(previous: str, sentence: str, line: int, r: Rules,
                   dossiers: frozenset[str] = frozenset(), opening: bool = False) -> list[_Found]:
    """A meeting the previous sentence names without a day, dated by a clause of this sentence that
    refers back to it and says it takes place ("... een VTC van de EU-ministers van Defensie. Tot deze VTC
    is op 1 april jl. besloten en de vergadering vindt plaats op 6 april aanstaande"): read as one
    sentence of the two, with only that clause of the second, so the day it was called is not taken.
    `opening`: only a clause that opens with the words referring back ("De Raad vond plaats op …"), not one
    that names the meeting in passing ("…, ter voorbereiding van de top")."""
    before = fold_aligned(previous)
    if (any(d.day is not None and not _no_meetings_date(d, before, r) for d in find_dates(previous))
            or _hits(sentence, fold_aligned(sentence), r, dossiers)):
        return []
    clauses = _CLAUSES.split(sentence)
    # "Tot deze VTC, die bedoeld is als een informele gedachtewisseling, ...": any clause about it may say so.
    informal = any(r.informal.search(fold(c)) for c in clauses if any_search(r.back_references, fold(c)))
    for clause in clauses:
        folded = fold(clause)
        refers = any(p.match(folded.lstrip()) for p in r.back_references) if opening \
            else any_search(r.back_references, folded)
        if refers and any_search(r.meeting_phrases, folded):
            found = _sentence_meetings(previous.rstrip() + " " + clause.strip(), line, r, need_phrase=False,
                                       dossiers=dossiers)
            if found:
                return [replace(f, informal=f.informal or informal) for f in found]
    return []


def find_meetings(doc: Document, subject: str | None, subject_line: int | None, r: Rules,
                  dossiers: frozenset[str] = frozenset()) -> list[_Found]:
    """Meetings the opening names with a date; the subject line and a title count as well, since
    they name the letter's own meeting by definition.  `dossiers`: those the letter is filed in."""
    found: list[_Found] = []
    # (not the day a page stamps its title with: "Verslag informele Raad … | 10-09-2024")
    subject = _PAGE_STAMP.sub("", subject) if subject else subject
    if subject:
        found += _sentence_meetings(subject, subject_line or doc.first_line, r, need_phrase=False, origin="head",
                                    dossiers=dossiers)
    # A subject that names the meeting without its day ("Betreft Verslag informele Defensieraad Zagreb") is
    # dated by the opening's first sentence that refers back to it ("De Raad vond plaats op 4 en 5 maart jl.").
    undated = subject if subject and not found and any(h.is_type for h in _hits(subject, fold_aligned(subject), r,
                                                                                  dossiers)) else None
    for b in _opening(doc, r.opening_headings):
        text = b.text
        previous = None
        for s, e in _sentences(text):
            sentence = text[s:e]
            here = _sentence_meetings(sentence, b.line, r, need_phrase=True, dossiers=dossiers)
            if ";" in sentence:
                # Clauses that each name and date a meeting: "Tijdens de FMM van 3 en 4 april vierden de
                # bondgenoten …; op 3 en 4 december kwamen de regeringsleiders van de NAVO in Londen bijeen."
                seen = {(f.type, f.when.text) for f in here}
                here += [f for c in sentence.split(";")
                         for f in _sentence_meetings(c, b.line, r, need_phrase=True, dossiers=dossiers)
                         if (f.type, f.when.text) not in seen]
            if not here and previous is not None:
                here = _dated_by_next(previous, sentence, b.line, r, dossiers)
            if not here and not found and undated:
                here = _dated_by_next(undated, sentence, b.line, r, dossiers, opening=True)
            found += here
            previous = sentence
    for b in title_blocks(doc, r):
        found += _sentence_meetings(_title_text(doc, b), b.line, r, need_phrase=False, dossiers=dossiers)
    return found


_PAGE_STAMP = re.compile(r"\s*\|\s*\d{1,2}-\d{1,2}-\d{4}\s*$")


def _saying(blocks: list[Block], kind: str, r: Rules) -> str:
    """The sentences of these blocks that say the letter is of `kind` ("Hieronder doe ik verslag …")."""
    return " ".join(b.text[s:e] for b in blocks for s, e in _sentences(b.text)
                    if any_search(r.kind_patterns[kind], fold(b.text[s:e])))


# "deze bijeenkomst", "die vergadering": the words point back at the meeting named before, and name no other.
_POINTING_BACK = re.compile(r"\b(?:deze|die|dit|dat)\s+(?:[a-z-]+\s+)?$")


def _names_a_meeting(folded: str, r: Rules) -> bool:
    return any(not _POINTING_BACK.search(folded[:m.start()]) for p in r.meeting_words for m in p.finditer(folded))


def _about_something_else(subject: str, r: Rules, dossiers: frozenset[str]) -> bool:
    """The subject names another kind of letter ("Toezegging …", kinds.yaml `other_letters`), or a
    subject other than a meeting ("Militaire steun aan Oekraïne"): a meeting the first paragraph names
    then is one the letter speaks of in passing, and its tense and date say nothing of the letter's kind."""
    folded = fold(subject)
    if any_search(r.other_letters, folded):
        return True
    return not (_names_a_meeting(folded, r) or _hits(subject, fold_aligned(subject), r, dossiers)
                or any(any_search(patterns, folded) for patterns in r.kind_patterns.values()))


def _states_another_subject(blocks: list[Block], r: Rules, dossiers: frozenset[str]) -> bool:
    """The first paragraph says what the letter informs the Kamer of, and that is no meeting nor what
    came of one (kinds.yaml `subject_statements`): "informeer ik uw Kamer over de voortgang van de
    organisatie van de NAVO-top" is about the organisation.  A meeting counts when the words up to the
    first "van" name it or its matters, or the subject points back at it ("die bijeenkomst")."""
    for b in blocks:
        folded = fold(" ".join(b.text.split()))
        if any_search(r.answer_statements, folded):
            return True  # "Hierbij beantwoord ik de vragen die de commissie stelde over het verslag van …"
        found = [m for p in r.subject_statements if (m := p.search(folded))]
        if found:
            subject = min(found, key=lambda m: m.start())["subject"]
            head = re.split(r"\b(?:van|voor|bij|tijdens|in|op)\b", subject, maxsplit=1)[0]
            # ("de gang van zaken tijdens die bijeenkomst": what came of the meeting named before; not "de
            # uitvoering van de motie … over de inzet tijdens de NAVO-top", which is about the motion)
            if _names_a_meeting(head, r) or any_search(r.meeting_matters, head) \
                    or any(_POINTING_BACK.search(subject[:m.start()]) for p in r.meeting_words
                           for m in p.finditer(subject)):
                return False
            # A phrase before the subject ("mede namens de minister van Buitenlandse Zaken de kabinetsinzet voor de
            # NAVO-top", "in vervolg op mijn brief van 20 januari jl. de inzet voor …"): a meeting's matter up to the
            # first meeting word still makes it the meeting's, unless a motion or questions are the subject.
            upto = min((m.start() for p in r.meeting_words for m in [p.search(subject)] if m), default=len(subject))
            return not (any_search(r.meeting_matters, subject[:upto]) and not _MOTION.search(subject[:upto]))
    return False


# What a subject is about when it names a motion, a commitment or questions, whatever meeting they speak of.
_MOTION = re.compile(r"\b(?:motie|moties|toezegging|toezeggingen|vragen)\b")


def _named_up_front(blocks: list[Block], said: str, r: Rules, dossiers: frozenset[str]) -> list[_Found]:
    """The first dated meeting these blocks name where the ministers spoke (meetings.yaml
    `talk_phrases`), in words that need not say it meets: for a letter whose kind is known when no
    sentence of its opening says so.  Not when the words that say what the letter is (`said`) name a
    meeting of another type, or one of no type ("… de geannoteerde agenda van de Europese Raad"): the
    letter is then about that one, not the meeting the blocks name."""
    folded = fold_aligned(said)
    named = {h.key for h in _hits(said, folded, r, dossiers) if h.is_type}
    for b in blocks:
        for s, e in _sentences(b.text):
            if not any_search(r.talk_phrases, fold(b.text[s:e])):
                continue
            found = _sentence_meetings(b.text[s:e], b.line, r, need_phrase=False, dossiers=dossiers)
            if found and (named >= {f.type for f in found} if named else not _names_a_meeting(folded, r)):
                return found
    return []


LIST_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?$")
# (also with the place after it: "21 en 22 oktober 2021, Brussel", "… 2021 te Brussel")
DATE_LINE = re.compile(r"^(?:van |d\.d\. )?\d{1,2}(?:\s*(?:en|-|–|t/m|tot en met)\s*\d{1,2})? [a-z]+ \d{4}"
                       r"(?:,? (?:te |in )?[a-z][\w .'’/-]{1,30}?)?\.?$")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _title_text(doc: Document, title: Block) -> str:
    """A title with the date printed on its own line under it ("GEANNOTEERDE AGENDA RAAD ..." over
    "16 NOVEMBER 2015"), a bare list number between them skipped; a title with a year stands alone."""
    if YEAR.search(title.text):
        return title.text
    i = doc.blocks.index(title)
    for b in doc.blocks[i + 1:i + 4]:
        text = " ".join(b.text.split())
        if LIST_NUMBER.match(text):
            continue
        if DATE_LINE.match(fold(text)) and any(d.year and d.day for d in find_dates(text)):
            return f"{title.text} {text}"
        break
    return title.text


def find_bodies(doc: Document, r: Rules) -> list[str]:
    """Bodies named anywhere in the document's text (one search per name, not per block)."""
    raw = "\n".join(b.text for b in doc.blocks)
    folded = fold_aligned(raw)
    return sorted({n.key for n in r.names if not n.is_type and _search(n.pattern, folded if n.folded else raw)})


LEADING_LOOKBEHIND = "(?<![\\w-])"


def _search(pattern: re.Pattern, text: str) -> bool:
    return _may_match(pattern, text) and pattern.search(text) is not None


def _may_match(pattern: re.Pattern, text: str) -> bool:
    """False when `pattern` certainly finds nothing in `text`.  A name pattern starts with a look-behind,
    which keeps the regex engine from skipping ahead to its first word; the pattern without it finds
    something wherever the whole pattern does, and finds it quickly."""
    probe = derived(pattern, "probe", _probe)
    return probe is None or probe(text) is not None


def _probes(names: tuple[_Name, ...], _kind: str) -> tuple[tuple[_Name, Callable[[str], re.Match | None] | None], ...]:
    """Each name with its _probe: a sentence is asked about every name."""
    return tuple((n, derived(n.pattern, "probe", _probe)) for n in names)


def _probe(pattern: re.Pattern, _kind: str) -> Callable[[str], re.Match | None] | None:
    rest = pattern.pattern[len(LEADING_LOOKBEHIND):]
    return re.compile(rest, pattern.flags).search if pattern.pattern.startswith(LEADING_LOOKBEHIND) and rest \
        else None


def _doc_years(doc: Document) -> list[DateMention]:
    """Dates with a year in the text, also a month with its year ("juni 2010" in a title)."""
    texts = [b.text for b in doc.blocks] + [f.text for f in doc.footnotes]
    return [d for t in texts for d in find_dates(t) if d.year is not None]


def _clause_of(folded: str, day: str) -> str:
    """The part of a folded sentence between the commas or semicolons around where it gives `day`."""
    at = folded.find(fold(day))
    if at < 0:
        return ""
    start = max(folded.rfind(",", 0, at), folded.rfind(";", 0, at)) + 1
    ends = [k for k in (folded.find(",", at), folded.find(";", at)) if k >= 0]
    return folded[start:min(ends, default=len(folded))]


def _tense_of(folded: str) -> str | None:
    """AGENDA when the sentence speaks of its meeting in the future only, REPORT in the past only."""
    r = rules()
    said = {k for k, patterns in r.kind_hints.items() if any_search(patterns, folded)}
    return said.pop() if len(said) == 1 else None


# A year right after a meeting's name, or after the name and its place: "Geannoteerde agenda NAVO-top Vilnius
# 2023" (not a date's: "… 11 juli 2023" has its days before it and is read as a date).
_YEAR_AFTER_NAME = re.compile(r"[\s,]*(?:[A-Z][\w'’.]*(?:[\s/-][A-Z][\w'’.]*){0,2}[\s,]*)?((?:19|20)\d\d)(?![\w/-])")


def _years_by_name(texts: list[str], r: Rules, dossiers: frozenset[str]) -> dict[str, set[int]]:
    """Per meeting type, the years the subject or a title writes right after its name."""
    years: dict[str, set[int]] = {}
    for text in texts:
        for h in _hits(text, fold_aligned(text), r, dossiers):
            if h.is_type and (m := _YEAR_AFTER_NAME.match(text, h.end)):
                years.setdefault(h.key, set()).add(int(m.group(1)))
    return years


def _settle_year(found: _Found, kind: str, letter_date: date | None, doc: Document,
                 source: str, named_years: set[int] = frozenset()) -> tuple[DateMention | None, str, list[Problem]]:
    """The meeting's dates with their year, and where the year came from ("text",
    "year-from-letter-date" or "year-from-subject").  Without a year in the text or a letter date there
    is no date."""
    when = found.when
    if when.year is not None:
        return when, found.origin, []
    label = f"{_short(found.type)}, {when.text}"
    if letter_date is not None:
        # An agenda looks forward from its date, a verslag back; "jl." and "aanstaande" say so themselves,
        # and so does the tense of the sentence naming the meeting ("… de NAVO-top die op 24 en 25 juni in
        # Den Haag zal plaatsvinden" in a verslag), when it has one (kinds.yaml `hints`).
        direction = {AGENDA: "after", REPORT: "before"}.get(kind, "nearest")
        direction = {AGENDA: "after", REPORT: "before"}.get(_tense_of(found.sentence), direction)
        # ... or the clause that dates it, in a sentence that lists meetings past and to come ("Op 12 en 13
        # oktober kwamen de NAVO-ministers bijeen, op 15 november vindt de RBZ plaats, …")
        direction = {AGENDA: "after", REPORT: "before"}.get(_tense_of(_clause_of(found.sentence, when.text)),
                                                            direction)
        direction = {"past": "before", "future": "after"}.get(when.tense or "", direction)
        if direction == "after":
            # Forward to the meeting's last day: a letter of 4 December on the meeting of "3 en 4 december"
            # is of the same year, not the next.
            end_year = resolve_year(when.end_day, when.end_month, letter_date, direction)
            year = end_year - 1 if (when.end_month, when.end_day) < (when.month, when.day) else end_year
        else:
            year = resolve_year(when.day, when.month, letter_date, direction)
        return when.with_year(year), "year-from-letter-date", []
    # Without a letter date: the same day written with a year elsewhere in the text.
    crosses = (when.end_month, when.end_day) < (when.month, when.day)
    years = set()
    for d in _doc_years(doc):
        if d.day is None and d.month in (when.month, when.end_month):
            years.add(d.year - 1 if crosses and d.month == when.end_month else d.year)  # "juni 2010"
        elif (d.day, d.month) == (when.day, when.month):
            years.add(d.year)
        elif (d.day, d.month) == (when.end_day, when.end_month):
            years.add(d.year - 1 if crosses else d.year)
    if len(years) == 1:
        return when.with_year(years.pop()), "text", []
    if not years and len(named_years) == 1 and not crosses:
        # The subject names the meeting with its year only: "Geannoteerde agenda NAVO-top Vilnius 2023"
        # (days across New Year would leave the year of each open).
        return when.with_year(next(iter(named_years))), "year-from-subject", []
    if len(years) > 1:
        return None, found.origin, [Problem(source, f"jaar van de vergadering ({label}) onzeker: de tekst noemt "
                                            f"{', '.join(map(str, sorted(years)))}", found.line)]
    return None, found.origin, [Problem(source, f"jaar van de vergadering ({label}) niet gevonden: geen "
                                        "briefdatum en geen jaartal bij deze datum", found.line)]


# "Vanwege COVID-19 komen de ministers niet in Brussel bijeen": a place the sentence denies.
NEGATION = re.compile(r"\b(?:niet|geen)\b")


def _met_there(sentence: str, folded: str, kind: str, r: Rules, dossiers: frozenset[str]) -> bool:
    """A sentence that may say where the meeting of `kind` named just before met: it names no meeting
    of another type, nor any by a meeting's word, and denies nothing."""
    return (all(h.key == kind for h in _hits(sentence, folded, r, dossiers))
            and not _names_a_meeting(folded, r) and not NEGATION.search(folded))


def _place_by_date(doc: Document, meeting: MeetingMention, r: Rules,
                   dossiers: frozenset[str] = frozenset()) -> str | None:
    """The place of a meeting its naming sentence leaves out, from another sentence of the opening
    (or the first paragraph under a title, or under a heading that names the meeting) that gives the
    meeting's first day and one known place: "... de geannoteerde agenda voor de Raad van 11 december"
    then "Op 11 december vindt de Raad plaats in Brussel"."""
    if meeting.start is None:
        return None
    titles = title_blocks(doc, r)
    # A letter that covers more than its meeting gives the meeting a section of its own, headed by its
    # name ("Raad Buitenlandse Zaken met Ministers van Defensie"), whose first sentence says where.
    named = [b for b in doc.blocks if b.kind == "heading" and b not in titles
             and any(h.is_type and h.key == meeting.type for h in _hits(b.text, fold_aligned(b.text), r, dossiers))]
    blocks = list(_opening(doc, r.opening_headings))
    for t in titles + named:
        after = next((b for b in doc.blocks if b.line > t.line and b.kind == "paragraph"), None)
        if after is not None:
            blocks.append(after)
    for b in blocks:
        after_day = False  # the sentence before gave the meeting's first day
        for s, e in _sentences(b.text):
            sentence = b.text[s:e]
            folded = fold_aligned(sentence)
            dates = find_dates(sentence)
            if not any((d.day, d.month) == (meeting.start.day, meeting.start.month)
                       and d.year in (None, meeting.start.year) for d in dates):
                # The next sentence may say where, referring back without a date: "... de NAVO-Top van
                # 11 en 12 juli a.s. De Top vindt plaats in het nieuwe hoofdkwartier van de NAVO in Brussel.",
                # or saying the meeting met there in words that name no other: "Op 24 en 25 juni was Nederland
                # gastland van een NAVO-top. In het World Forum in Den Haag kwamen de regeringsleiders bijeen."
                refers_back = (after_day and not dates and any_search(r.meeting_phrases, folded)
                               and (any(p.match(folded.lstrip()) for p in r.back_references)
                                    or _met_there(sentence, folded, meeting.type, r, dossiers)))
                after_day = False
                if refers_back and (place := _one_place(folded, r)):
                    return place
                continue
            after_day = True
            named = _sentence_meetings(sentence, b.line, r, need_phrase=False, dossiers=dossiers)
            # A sentence that names meetings each with its own days has given each its place already; one
            # that names this meeting has said what it says of its place (a place after a meeting named in
            # passing is that one's: "Na de NAVO-top van 9 tot en met 11 juli in Washington komen ...").
            if len({f.when.start for f in named}) > 1:
                continue
            if same := [f for f in named if f.type == meeting.type]:
                if same[0].location:
                    return same[0].location
                continue
            if place := _one_place(folded, r):
                return place
    return _place_by_name(_opening(doc, r.opening_headings), meeting.type, r, dossiers)


def _place_by_name(blocks: list[Block], kind: str, r: Rules, dossiers: frozenset[str]) -> str | None:
    """The one place of the first undated sentence of these blocks that names a meeting of this type,
    not in passing, and no other: "De informele bijeenkomst van de NAVO-ministers van Defensie in
    Bratislava stond in het teken van …" under a title that dates it."""
    for b in blocks:
        for s, e in _sentences(b.text):
            sentence = b.text[s:e]
            if any(d.day is not None for d in find_dates(sentence)):
                continue
            folded = fold_aligned(sentence)
            chains = [c for c in _chains(_hits(sentence, folded, r, dossiers), folded) if any(h.is_type for h in c)]
            types = {h.key for c in chains for h in c if h.is_type}
            if types == {kind} and not any(_passing(c, folded, r) for c in chains):
                # ... or the next sentence's, when it says where the meeting met and names no other: "Nederland
                # is gastland van een NAVO-top. De regeringsleiders vergaderen in het World Forum in Den Haag."
                after = [b.text[s2:e2] for s2, e2 in _sentences(b.text) if s2 >= e][:1]
                return _one_place(folded, r) or next(
                    (_one_place(fold_aligned(n), r) for n in after if not find_dates(n)
                     and any_search(r.meeting_phrases, fold_aligned(n))
                     and _met_there(n, fold_aligned(n), kind, r, dossiers)), None)
            # No name, but words that point back at it and say where it meets: "De top vindt plaats in het World
            # Forum in Den Haag" under a subject that names and dates the summit.
            clause = folded.lstrip().split(";")[0]
            back = next((m for p in r.back_references if (m := p.match(clause))), None)
            if not types and back and any_search(r.meeting_phrases, clause) and not NEGATION.search(clause) \
                    and not _names_a_meeting(clause[back.end():], r) and (place := _one_place(clause, r)):
                return place
            # No name, but the word for it before its place: "… de inzet van het kabinet voor de top in Den Haag".
            # (not another body's: "bij de top in Tirana van de Europese Politieke Gemeenschap")
            if not types and kind in r.generic_words and (m := r.generic_words[kind].search(folded)) \
                    and not OTHER_BODYS.match(folded, m.end()):
                return _one_place(folded[m.end():m.end() + 40], r)
    return None


# A place after a meeting's word, then whose meeting it is: "… de top in Tirana van de Europese Politieke …".
OTHER_BODYS = re.compile(r"(?:in|te)\s+[\w'’ .-]{2,30}?\s+van\s+(?:de|het)\s")


def _only_planned(folded: str, at: int, r: Rules) -> bool:
    """Is position `at` in a clause (between commas or semicolons) that says the meeting was only planned
    there ("De bijeenkomst zou in Boedapest plaatsvinden, maar …"; meetings.yaml `planned_places`)?"""
    start = max(folded.rfind(",", 0, at), folded.rfind(";", 0, at)) + 1
    ends = [k for k in (folded.find(",", at), folded.find(";", at)) if k >= 0]
    return any_search(r.planned_places, folded[start:min(ends, default=len(folded))]) or _denied(folded, at)


# "De top wordt niet, zoals eerder gemeld, in Vilnius gehouden maar in Riga": the place between "niet" and "maar".
_NOT = re.compile(r"\bniet\b")
_BUT = re.compile(r"\bmaar\b")


def _denied(folded: str, at: int) -> bool:
    """Is position `at` denied: after a "niet" of its sentence and before the "maar" that answers it?"""
    nots = [m.start() for m in _NOT.finditer(folded, 0, at)]
    return bool(nots) and not _BUT.search(folded, nots[-1], at) and _BUT.search(folded, at) is not None


def _one_place(folded: str, r: Rules) -> str | None:
    """The one known place a sentence names, if it names one (not one it was only planned in)."""
    places = {name for name, pattern in r.locations for m in pattern.finditer(folded)
              if not _only_planned(folded, m.start(), r)}
    # "te Straatsburg/Kehl" also matches "Straatsburg": keep the longest of nested names.
    places = {p for p in places if not any(p != q and p in q for q in places)}
    return places.pop() if len(places) == 1 else None


NEAR_DAYS = 90  # a meeting's days without a year this close to the letter date say before or after


def _timing(found: list[_Found], letter_date: date | None) -> str | None:
    """"before" or "after" the letter date: where the letter's first meeting lies, by its tense
    ("jl.", "aanstaande") or its full date."""
    if not found:
        return None
    when = found[0].when
    if when.tense:
        return {"past": "before", "future": "after"}[when.tense]
    span = when.dates()
    if span is None and letter_date and when.day and when.month:
        # Days without a year: the reading nearest the letter date, when that is near enough to tell
        # (a letter of 3 November on the council "van 14 november"; not of June on "14 november").
        readings = [s for y in (letter_date.year - 1, letter_date.year, letter_date.year + 1)
                    if (s := when.with_year(y).dates())]
        near = min(readings, key=lambda s: min(abs((s[0] - letter_date).days), abs((s[1] - letter_date).days)),
                   default=None)
        if near and min(abs((near[0] - letter_date).days), abs((near[1] - letter_date).days)) <= NEAR_DAYS:
            span = near
    if span and letter_date:
        if span[1] < letter_date:
            return "before"
        if span[0] > letter_date:
            return "after"
    return None


MEMO_LINE = re.compile(r"^(?P<label>aan|van)\s*:?\s+(?P<value>\S.*)$", re.IGNORECASE)


def read_memo_lines(furniture: tuple[Furniture, ...]) -> tuple[str | None, str | None]:
    """A memo's "Van" and "Aan" lines as written: (from, to)."""
    values: dict[str, str] = {}
    for f in sorted(furniture, key=lambda f: f.line):
        m = MEMO_LINE.match(f.text.strip()) if f.role == "memo-header" else None
        if m:
            values.setdefault(m.group("label").lower(), " ".join(m.group("value").split()))
    return values.get("van"), values.get("aan")


# --- the whole -----------------------------------------------------------------------


def _days(m: MeetingMention) -> str:
    return dutch_date(m.start) if m.end in (None, m.start) else f"{dutch_date(m.start)} tot en met {dutch_date(m.end)}"


def _short(type_key: str) -> str:
    return next((t.short for t in meeting_knowledge().types if t.key == type_key), type_key)


def read_metadata(doc: Document, source: str, *, appended: bool = False) -> LetterMeta:
    """The metadata `doc` states about itself, with a Problem for every field it does not state.

    appended: the document follows a letter's signature (a memo); its kind is "nota".
    """
    r = rules()
    problems: list[Problem] = []

    def report(message: str, line: int | None = None, level: str = "warning") -> None:
        # A document appended to the letter shares its file: its first line says which one is meant.
        problems.append(Problem(source, message, line if line is not None or not appended else doc.first_line, level))

    # Date: the head's, else what a saved page states about the letter.
    origins: list[tuple[str, str]] = []
    dates, unreadable = read_letter_date(doc)
    distinct = sorted({d for d, _ in dates})
    letter_date = distinct[0] if len(distinct) == 1 else None
    page = read_page_facts(doc)
    published_only = False  # the only date is the day the page published the text
    if letter_date is not None:
        origins.append(("letter_date", "head"))
    if len(distinct) > 1:
        report("briefdatum onzeker: het briefhoofd noemt " + ", ".join(d.isoformat() for d in distinct),
               dates[0][1])
    elif not dates and page.letter_date is not None and not appended:
        letter_date = page.letter_date
        origins.append(("letter_date", "page"))
        report(f"briefdatum {letter_date.isoformat()} overgenomen van de opgeslagen webpagina; de brief zelf "
               "noemt geen datum", page.line, "info")
    elif not dates and page.published is not None and not appended:
        letter_date, published_only = page.published, True
        origins.append(("letter_date", "page"))
        report(f"datum {letter_date.isoformat()} is de publicatiedatum die de opgeslagen webpagina noemt; de "
               "tekst zelf noemt geen datum", page.line, "info")
    elif not dates:
        if unreadable:
            report("briefdatum niet te lezen", unreadable[0])
        else:
            # An appended memo or annex is dated by the letter it goes with.
            report("geen briefdatum gevonden (geen 'Den Haag, <datum>' of 'Datum' in het briefhoofd)",
                   level="info" if appended else "warning")

    # Addressee.
    chambers, line = read_addressee(doc)
    addressee = chambers.pop() if len(chambers) == 1 else None
    if addressee is not None:
        origins.append(("addressee", "head"))
    if len(chambers) > 1:
        report("geadresseerde onzeker: zowel Eerste als Tweede Kamer genoemd", line)
    elif addressee is None and not appended:
        report("geen geadresseerde gevonden (geen 'Voorzitter van de Tweede/Eerste Kamer')", level="info")

    # Subject and references.
    subject, subject_line = read_subject(doc)
    if subject is not None and page.title and not any(f.line == subject_line for f in doc.furniture):
        # The first line of a text without a head is no Betreft: the title its saved page gives it names
        # it better (Europa Nu's section "Defensie" stands under the credit line, over the text).
        subject, subject_line = None, None
    if subject is None:
        report("geen onderwerp ('Betreft') gevonden", level="info")
    else:
        # A Betreft line of the head, or the title line over the text (a memo's, a headless letter's).
        origins.append(("subject", "head" if any(f.line == subject_line for f in doc.furniture) else "text"))
    references = read_references(doc.furniture)
    if not references:
        report("geen eigen referentienummer ('Onze referentie') gevonden", level="info")

    # Meetings as written (their years are settled once the kind is known), then the kind.
    # Without a Betreft line, the title a saved page gives the letter plays its part (marked "page").
    read_as_subject, read_as_subject_line = subject, subject_line
    if subject is None and page.title and not appended:
        read_as_subject, read_as_subject_line = page.title, page.title_line
    # The dossiers the letter is filed in tell whose ministers "de ministers van Defensie" are.
    _, filed_in, _ = read_own_number(doc, page) if not appended else (None, (), None)
    filed = frozenset(dossier for dossier, _ in filed_in)
    raw_found = find_meetings(doc, read_as_subject, read_as_subject_line, r, filed)
    # A meeting named where the text speaks of another letter ("Het verslag van de Raad van 18 mei jl. heeft
    # u eerder ontvangen") is none of this letter's, and its date says nothing of the letter's kind.
    opening_sentences = [fold_aligned(b.text[s:e]) for b in _opening(doc, r.opening_headings)
                         for s, e in _sentences(b.text)]
    of_another = [f for f in raw_found if _named_of_another_letter(f, r)]
    raw_found = _own_formula_first([f for f in raw_found if f not in of_another], letter_date, r, opening_sentences,
                                   of_another)
    if read_as_subject is not subject:
        raw_found = [replace(f, origin="page") if f.origin == "head" else f for f in raw_found]
    opening_blocks = _opening(doc, r.opening_headings)
    opening = " ".join(b.text for b in opening_blocks)
    titles = " ".join(b.text for b in title_blocks(doc, r))
    # "Up front": in the subject, a title or the opening's first paragraph, where meeting letters name it.
    up_front = {read_as_subject_line, *(b.line for b in title_blocks(doc, r)), *(b.line for b in opening_blocks[:1])}
    record_line, record_name = (None if appended else is_record(doc, r)) or (None, None)
    signed, person, role, closing_line, cosigners = read_signer(doc, r)
    # "de NAVO-ministeriële" is the meeting of the writer's colleagues (meetings.yaml `by_writer`).
    writer = _writer(doc, role)
    raw_found = _by_namesake([_by_writer(f, writer, r, first=i == 0) for i, f in enumerate(raw_found)], r)
    if read_as_subject is None and page.heading and not appended:
        raw_found = _heading_first(raw_found, page, writer, r, filed)
    raw_found = _subject_type_first(raw_found, read_as_subject or "", writer, r, filed)
    # A letter has a date, an addressee or a signature, or speaks to the Kamer in its first paragraphs.
    first = fold(" ".join(b.text for b in opening_blocks[:2]))
    # (A day the page only says it published the text on is no sign of a letter: news has one too.)
    letter_like = bool((letter_date and not published_only) or addressee or signed or page.signer
                       or any(p.search(first) for p in r.voice)
                       # a title that calls the text a letter: an archive's "Kamerbrief inzake ..." breaking off early
                       or (read_as_subject and any(p.search(fold(read_as_subject)) for p in r.letter_titles)))
    if appended:
        kind, kind_origin = NOTA, "text"
    elif record_line is not None:
        kind, kind_origin = OVERIG, "text"
        report("parlementair stuk (verslag van een overleg, inbreng of vragen), geen brief van de minister; "
               "soort 'overig', bij geen vergadering", record_line, "info")
    elif read_as_subject and any_search(r.answers, fold(read_as_subject)):
        kind, kind_origin = OVERIG, "head" if read_as_subject is subject else "page"
        report("beantwoordt vragen van de Kamer, geen geannoteerde agenda of verslag; soort 'overig', "
               "bij geen vergadering", read_as_subject_line, "info")
    else:
        kind, scores, kind_origin = read_kind(
            read_as_subject, titles, opening, r, timing=_timing(raw_found, letter_date),
            meeting_up_front=any(f.line in up_front for f in raw_found)
            and not (read_as_subject and _about_something_else(read_as_subject, r, filed))
            and not _states_another_subject(opening_blocks[:1], r, filed), letter=letter_like)
        if kind_origin == "head" and read_as_subject is not subject:
            kind_origin = "page"
        if kind in (AGENDA, REPORT) and not raw_found:
            # The letter says what it is, but no sentence that names a dated meeting says it meets:
            # "Tijdens de RBZ Defensie van 12 november jl. is gesproken over … Hieronder doe ik verslag …".
            said = read_as_subject if kind_origin != "text" else _saying(opening_blocks[:1], kind, r)
            raw_found = _by_namesake([_by_writer(f, writer, r, first=i == 0) for i, f in
                                      enumerate(_named_up_front(opening_blocks[:1], said or "", r, filed))], r)
        if kind == OVERIG:
            named = [k for k, v in scores.items() if v]
            if len(named) > 1:
                report("soort brief onzeker: de opening wijst zowel op " + " als op ".join(named))
            else:
                report("geen vergaderbrief: de tekst noemt geen geannoteerde agenda of verslag van een "
                       "vergadering; soort 'overig'", level="info")

    # Signer (read above).
    level = "info" if appended else "warning"
    signer_origin = "text"
    if signed is None and page.signer and not appended and record_line is None:
        # The text breaks off before its signature; the saved page names its signer.
        signed, person, signer_origin = page.signer, match_person(page.signer, r), "page"
        report(f"ondertekenaar '{signed}' overgenomen van de opgeslagen webpagina; de brief zelf noemt geen "
               "ondertekening", page.line, "info")
    elif signed is None:
        if role:
            report(f"ondertekenaar niet genoemd: alleen de functie '{role}'", closing_line, level)
        else:
            report("geen ondertekening gevonden", closing_line, level)
    elif person is None:
        report(f"ondertekenaar '{signed}' staat niet in people.yaml; naam overgenomen zoals geschreven",
               closing_line, "info")

    # Meetings: a letter about no meeting has none, whatever it mentions in passing.
    meetings: list[MeetingMention] = []
    shared: list[bool] = []  # per meeting: its days are so far only a list's
    lines: list[int] = []
    meeting_origins: list[str] = []
    type_from: list[str] = []  # per meeting: where its type came from, if not from its names (_Found.type_from)
    named_years = _years_by_name([read_as_subject or "", titles], r, filed)
    for found in raw_found if kind != OVERIG else []:
        when, origin, more = _settle_year(found, kind, letter_date, doc, source, named_years.get(found.type, set()))
        problems += more
        span = when.dates() if when else None
        start, end = span if span else (None, None)
        same = next((i for i, m in enumerate(meetings) if m.type == found.type and m.start == start), None)
        # Days that overlap another's of the same type are that meeting's: a day of it ("op 16 november
        # vergaderen …" of one on 15 and 16), or a misprint ("13 en 14 juni" in the subject, "14 en 15 juni"
        # in the text), reported; one meeting, the first days kept.  (Meetings of one type never overlap.)
        within = None if same is not None or not start else next(
            (i for i, m in enumerate(meetings) if m.type == found.type and m.start and m.end
             and start <= m.end and m.start <= (end or start)), None)
        if within is not None and shared[within] and not found.shared:
            # Days a list of meetings shared give way to a day the text gives this one alone ("… en UDCG van 11
            # en 12 februari" in the subject, "Op 12 februari komen de NAVO-ministers … bijeen" in the text).
            m = meetings[within]
            meetings[within] = replace(m, start=start, end=end or start, location=m.location or found.location)
            shared[within] = False
            if not found.type_from:
                type_from[within] = ""
            continue
        if within is not None and not (meetings[within].start < start and (end or start) <= meetings[within].end):
            report(f"dagen van de vergadering ({_short(found.type)}) verschillen: {_days(meetings[within])} en "
                   f"{_days(replace(meetings[within], start=start, end=end or start))}; de eerst genoemde "
                   "aangehouden", found.line)
        again = same if same is not None else within
        if again is not None and not found.type_from:
            type_from[again] = ""  # named again in words that give the type themselves: the text's
        if within is not None:
            if meetings[within].location is None and found.location:
                meetings[within] = replace(meetings[within], location=found.location)
            continue
        if same is not None:
            if meetings[same].location is None and found.location:
                meetings[same] = replace(meetings[same], location=found.location)
            if shared[same] and not found.shared and end:
                # Days a list of meetings shared give way to the days the text gives this one alone.
                meetings[same], shared[same] = replace(meetings[same], end=end), False
            continue
        meetings.append(MeetingMention(found.type, start, end, found.location, informal=found.informal))
        shared.append(found.shared)
        lines.append(found.line)
        meeting_origins.append(origin)
        type_from.append(found.type_from)
    meetings = [replace(m, location=_place_by_date(doc, m, r, filed)) if m.location is None else m for m in meetings]
    for m, line in zip(meetings, lines):
        if m.location is None:
            report(f"plaats van de vergadering ({_short(m.type)}) niet gevonden", line)
        if kind == AGENDA and letter_date and m.start and m.start < letter_date:
            report(f"vergadering ({_short(m.type)}, {m.start.isoformat()}) ligt vóór de briefdatum van een "
                   "geannoteerde agenda", line, "info")
        if kind == REPORT and letter_date and m.start and m.start > letter_date:
            report(f"vergadering ({_short(m.type)}, {m.start.isoformat()}) ligt na de briefdatum van een verslag",
                   line, "info")
    if not meetings and kind in (AGENDA, REPORT):
        report("geen vergadering met datum gevonden in de opening", level="warning")

    # Bodies go on the first meeting they meet alongside.
    bodies: dict[int, list[str]] = {}
    for body in find_bodies(doc, r) if meetings else []:
        allowed = r.body_meetings.get(body, ())
        target = next((i for i, m in enumerate(meetings) if m.type in allowed), None)
        if target is not None:
            bodies.setdefault(target, []).append(body)
    meetings = [replace(m, bodies=tuple(bodies.get(i, ()))) for i, m in enumerate(meetings)]

    # Where each body value came from (the head's values are recorded with them, above).
    origins.append(("kind", kind_origin))
    if signed:
        origins.append(("signer", signer_origin))
    if meetings:
        # "text+type-from-dossier": the days from the text, the type from the dossier (origins.yaml).
        origins.append(("meeting", meeting_origins[0] + (f"+type-from-{type_from[0]}" if type_from[0] else "")))
    memo_from, memo_to = read_memo_lines(doc.furniture) if appended else (None, None)

    return LetterMeta(
        kind=kind, letter_date=letter_date, addressee=addressee, minister=person.key if person else None,
        minister_signed=signed, minister_role=role, subject=subject, our_references=references,
        meetings=tuple(meetings), problems=tuple(problems), origins=tuple(origins),
        memo_from=memo_from, memo_to=memo_to, page_title=None if appended else (page.title or page.heading),
        record=record_name, cosigners=cosigners if signer_origin == "text" else (), letter_like=letter_like,
    )
