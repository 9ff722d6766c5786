"""The small data objects passed between pipeline stages.

read -> Source; clean -> CleanText (Documents of Blocks); parse -> Letter;
link -> Corpus; render -> Page; write -> files.  All are plain frozen
dataclasses so every stage is a pure function of the previous one's output.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """Something an editor should know about one input file."""

    source: str
    message: str
    line: int | None = None
    level: str = "warning"  # "error": the file could not be used; "warning"; "info"

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.level}: {self.message}"


# --- read ------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One input file, decoded.  `text` is None when the file is not text."""

    name: str
    path: Path
    text: str | None
    encoding: str
    digest: str  # sha1 of the decoded text: finds copies of one letter
    problems: tuple[Problem, ...] = ()
    # What a reader of a richer format knows beyond the text (generator/readers/):
    reader: str = "txt"  # "txt" | "pdf" | "xml" | "html"
    furniture: tuple["Furniture", ...] = ()  # set aside by layout: running heads, page numbers
    official: "Official | None" = None  # exact metadata of the official publication
    headings: tuple[tuple[str, int], ...] = ()  # (text, level 2 or 3) the file marks as headings (XML <kop>)

    @property
    def parse_key(self) -> str:
        """What a parse of this source is cached under: the text's digest, and what a richer format's
        reader knows beside the text (a later page's header changes nothing in the text)."""
        beside = (self.furniture, self.official, self.headings)
        if beside == ((), None, ()):
            return self.digest
        return hashlib.sha1(f"{self.digest}\0{beside!r}".encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Official:
    """What the official publication (XML and metadata.xml) states exactly.

    Applied over what the text suggests in one place (parse.py); the letter's
    origins then say "official" for these fields.
    """

    identifier: str  # "kst-28676-554"
    dossiers: tuple[tuple[str, str], ...] = ()  # (dossier, title), e.g. ("28676", "NAVO"); the first numbers it
    nr: str | None = None  # ondernummer
    letter_date: date | None = None
    addressee: str | None = None  # "Tweede Kamer" | "Eerste Kamer"
    signers: tuple[tuple[str, str], ...] = ()  # (role, name) from <ondertekening>
    title: str | None = None  # documenttitel
    references: tuple[str, ...] = ()  # <extref doc="kst-…"> targets, e.g. "kst-28676-440"
    url: str | None = None  # where the publication can be read


# --- clean -----------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """An annotation on a span of a block's text, inserted at render time.

    kind "footnote": a footnote marker at `start` (start == end), value = label;
    kind "emphasis": italics in the source;
    kind "reference": a parliamentary reference, value = its canonical key or "".
    """

    start: int
    end: int
    kind: str
    value: str = ""


@dataclass(frozen=True)
class Block:
    """A paragraph, heading, list item or closing line of a document."""

    kind: str  # "paragraph" | "heading" | "item" | "closing"
    text: str
    line: int  # 1-based line in the source where the block starts
    marks: tuple[Mark, ...] = ()
    level: int = 0  # headings only: 2 (main topic) or 3 (sub-heading)


@dataclass(frozen=True)
class Footnote:
    label: str
    text: str
    line: int
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Furniture:
    """A source line kept out of the reading text (letterhead, side column, page number).

    Kept, not dropped: the letter page shows it in a collapsed block and the
    metadata parser reads its data.
    """

    line: int
    text: str
    role: str  # "letterhead" | "sidebar" | "page" | "memo-header"


@dataclass(frozen=True)
class Repair:
    """A word changed by the cleaner (OCR repair), for the editor to review."""

    line: int
    before: str
    after: str
    rule: str


@dataclass(frozen=True)
class Document:
    """One document in a file: the letter itself, or an appended memo (nota)."""

    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    title: str | None = None  # e.g. "Nota" for an appended memo
    first_line: int = 1


@dataclass(frozen=True)
class CleanText:
    source: str
    documents: tuple[Document, ...]
    repairs: tuple[Repair, ...] = ()
    problems: tuple[Problem, ...] = ()


# --- parse -----------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A reference to a parliamentary document found in a text, with its span."""

    text: str  # as written
    start: int
    end: int
    kind: str  # "kamerstuk" | "dossier" | "zaak" | "document"
    dossier: str | None = None  # canonical, e.g. "36200-X", "21501-20"
    nr: str | None = None
    ident: str | None = None  # zaak / document number, e.g. "2023Z08629"
    key: str | None = None  # canonical id ("28676-440", "dossier-36350-X", "2023Z08629"); None: unresolved
    reason: str | None = None  # why it could not be resolved


@dataclass(frozen=True)
class CitationContext:
    """What the text around a reference says about the cited document; every value is a span of that text."""

    sentence: str  # the sentence the reference stands in, whitespace normalised
    sentence_span: tuple[int, int]
    description: str | None = None  # "motie-Van Campen", "Voortgangsrapportage Nederlandse inzet oostflank NAVO"
    description_span: tuple[int, int] | None = None
    date: date | None = None  # a full date written with the reference ("van 8 november 2024")
    date_text: str | None = None
    date_span: tuple[int, int] | None = None
    kind: str | None = None  # from the description's words (data/documents.yaml): "motie", "brief", "bijlage" ...
    annex: bool = False  # "Regeerprogramma (bijlage bij Kamerstuk ...)": the description names an annex of it


@dataclass(frozen=True)
class MeetingMention:
    """What a letter says about one meeting it prepares or reports on."""

    type: str  # key in data/meetings.yaml, e.g. "dmm", "rbz-defensie"
    start: date | None
    end: date | None
    location: str | None
    bodies: tuple[str, ...] = ()  # e.g. ("NPG", "UDCG")
    informal: bool = False  # "een informele bijeenkomst van ..."


@dataclass(frozen=True)
class Section:
    anchor: str  # unique within its letter page
    heading: str | None  # None: the text before the first heading
    level: int  # 2 or 3; the intro counts as 2
    blocks: tuple[Block, ...]
    line: int
    parent: str | None = None  # anchor of the main section a sub-section belongs to


@dataclass(frozen=True)
class Letter:
    source: str
    slug: str
    kind: str  # "geannoteerde agenda" | "verslag" | "overig" (no meeting letter) | "nota" (appended memo)
    title: str
    letter_date: date | None
    addressee: str | None
    minister: str | None  # key of the signer in data/people.yaml (a link target, never shown); None if unknown
    minister_signed: str | None  # as written under the letter: the only form shown or exported as the signer
    subject: str | None  # "Betreft" line, when present
    kamerstuk: Citation | None  # the letter's own number, from its header
    dossiers: tuple[tuple[str, str], ...]  # (dossier, title) from the header
    our_references: tuple[str, ...]  # the ministry's own reference numbers
    meetings: tuple[MeetingMention, ...]
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    closing: tuple[Block, ...]  # greeting, signature
    furniture: tuple[Furniture, ...]
    citations: tuple[Citation, ...] = ()
    attachments: tuple["Letter", ...] = ()
    attached_to: str | None = None  # slug of the letter this document is appended to
    repairs: tuple[Repair, ...] = ()
    problems: tuple[Problem, ...] = ()
    # Where each metadata value came from, so an editor can trust or correct it:
    # (field, origin) pairs.  Fields: "letter_date", "kind", "addressee", "signer",
    # "kamerstuk", "meeting".  Origins (labelled in Dutch at render time):
    # "head" (letter head / letterhead), "text" (the body), "page" (a saved web
    # page around the letter), "year-from-letter-date" (a meeting day whose year
    # the text does not give), "official" (metadata of the official publication).
    origins: tuple[tuple[str, str], ...] = ()
    memo_from: str | None = None  # a nota's "Van" line, as written
    memo_to: str | None = None  # a nota's "Aan" line, as written
    record: str | None = None  # what a parliamentary record calls itself ("Verslag van een algemeen overleg")
    cosigners: tuple[str, ...] = ()  # the other names signed under the letter, as written, in order
    cosigner_people: tuple[str | None, ...] = ()  # per co-signer, their key in data/people.yaml; None if unknown
    # False for a text of kind "overig" that shows no sign of a letter (no date of its own, addressee,
    # signature or words to the Kamer): a news item a page saved.  The site calls it no letter.
    letter: bool = True


# --- link ------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    id: str  # e.g. "2025-10-15-dmm": stable, readable, used in URLs
    type: str
    title: str
    start: date
    end: date
    location: str | None
    bodies: tuple[str, ...]
    letters: tuple[str, ...]  # slugs, in date order
    informal: bool = False  # a letter calls it informal


@dataclass(frozen=True)
class Passage:
    """A paragraph of a letter that is about a topic (paragraph None: the whole section)."""

    letter: str  # slug
    section: str  # anchor
    meeting: str | None  # meeting id
    paragraph: str | None = None  # the paragraph's anchor on the letter page ("p46")
    main: bool = True  # False: the paragraph's main topic is another; pages name it there, not quote it
    main_topic: str | None = None  # slug of the paragraph's main topic

    @property
    def anchor(self) -> str:
        """Where the passage starts on its letter page."""
        return self.paragraph or self.section


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str
    passages: tuple[Passage, ...] = ()

    @cached_property
    def meetings(self) -> tuple[str, ...]:
        return tuple(sorted({p.meeting for p in self.passages if p.meeting}))


@dataclass(frozen=True)
class CitedDocument:
    """A Kamerstuk, dossier or zaak cited anywhere in the corpus."""

    key: str
    kind: str
    label: str  # e.g. "Kamerstuk 28 676, nr. 440"
    url: str | None  # official publication
    dossier: str | None
    citing: tuple[tuple[str, str], ...]  # (letter slug, section anchor)
    letter: str | None = None  # slug, when the document is itself in the corpus
    # What the citing letters say about it (references.describe), in date order.
    mentions: tuple["Mention", ...] = ()
    description: str | None = None  # the best description, as a letter wrote it
    annex: bool = False  # the description names an annex of the document ("Regeerprogramma")
    date: date | None = None  # the date the letters give with it
    doc_kind: str | None = None  # "motie", "brief", "begroting", "bijlage", "zaak" ...
    title: str | None = None  # dossiers: the title a printed head gives ("NAVO")
    title_from_list: bool = False  # dossiers: the title is data/dossiers.yaml's, no letter prints it
    letters: tuple[str, ...] = ()  # dossiers: slugs of the corpus letters that belong to it

    @property
    def heading(self) -> str:
        """The page title: the best description the letters give, as written; else the number."""
        if self.kind != "dossier" and self.description and not self.annex:
            return self.description
        return self.label


@dataclass(frozen=True)
class Mention:
    """One place a letter cites a document, with what the text says about it."""

    letter: str  # slug
    section: str  # anchor
    paragraph: str  # anchor of the paragraph (for a footnote: the paragraph with its marker)
    context: CitationContext
    footnote: str | None = None  # label, when the reference stands in a footnote


@dataclass(frozen=True)
class Abbreviation:
    short: str
    long: str
    source: str  # letter slug where spelled out, or "lijst" for the editable list


@dataclass
class Corpus:
    letters: tuple[Letter, ...]
    meetings: tuple[Meeting, ...] = ()
    topics: tuple[Topic, ...] = ()
    documents: tuple[CitedDocument, ...] = ()
    glossary: tuple[Abbreviation, ...] = ()
    section_topics: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # (letter slug, paragraph anchor) -> topic slugs, main topic first; () for none
    paragraph_topics: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


# --- render / write --------------------------------------------------------


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, POSIX separators
    content: str | bytes  # bytes: a file copied as it is (the source letters)
