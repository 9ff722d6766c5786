"""Stage 3, parse: a cleaned file becomes a Letter with sections, metadata and citations."""
from __future__ import annotations

from dataclasses import replace

from .dates import dutch_date
from .knowledge import meeting_knowledge
from .metadata import LetterMeta, read_metadata, read_own_number
from .model import Block, CleanText, Document, Letter, Mark, Problem, Section, Source
from .references import find_citations
from .slugs import slug, unique

KIND_SLUGS = {"geannoteerde agenda": "geannoteerde-agenda", "verslag": "verslag"}
KIND_TITLES = {"geannoteerde agenda": "Geannoteerde agenda", "verslag": "Verslag"}
INTRO_ANCHOR = "inleiding"


def cite(block: Block) -> tuple[Block, list]:
    """Add a reference mark for every citation in the block's text."""
    citations = find_citations(block.text)
    marks = [Mark(c.start, c.end, "reference", f"{c.kind}:{c.key}" if c.key else f"unresolved:{c.reason or ''}")
             for c in citations]
    if not marks:
        return block, []
    return replace(block, marks=tuple(sorted(block.marks + tuple(marks), key=lambda m: (m.start, m.end)))), list(citations)


def build_sections(blocks: tuple[Block, ...]) -> tuple[tuple[Section, ...], tuple[Block, ...]]:
    """Group body blocks under their headings; return (sections, closing blocks)."""
    taken: set[str] = {INTRO_ANCHOR}
    sections: list[Section] = []
    current: list[Block] = []
    heading: Block | None = None
    parent: str | None = None
    closing = tuple(b for b in blocks if b.kind == "closing")

    def flush() -> None:
        nonlocal parent
        if heading is None:
            if current:
                sections.append(Section(INTRO_ANCHOR, None, 2, tuple(current), current[0].line))
            return
        anchor = unique(slug(heading.text, "sectie"), taken)
        level = heading.level or 2
        sections.append(Section(anchor, heading.text, level, tuple(current), heading.line,
                                parent if level == 3 else None))
        if level == 2:
            parent = anchor

    for block in blocks:
        if block.kind == "closing":
            continue
        if block.kind == "heading":
            flush()
            heading, current = block, []
        else:
            current.append(block)
    flush()
    return tuple(sections), closing


def letter_title(meta: LetterMeta, appended_title: str | None) -> str:
    if appended_title:
        return appended_title
    kind = KIND_TITLES.get(meta.kind, "Brief")
    if meta.meetings:
        names = {t.key: t.title for t in meeting_knowledge().types}
        m = meta.meetings[0]
        return f"{kind} {names.get(m.type, m.type)} {dutch_date(m.start)}"
    return f"{kind} van {dutch_date(meta.letter_date)}" if meta.letter_date else kind


def letter_slug_base(meta: LetterMeta) -> str:
    """Readable and stable: letter date (or meeting date), kind, meeting type."""
    day = meta.letter_date or (meta.meetings[0].start if meta.meetings else None)
    parts = [day.isoformat() if day else "zonder-datum", KIND_SLUGS.get(meta.kind, "brief")]
    if meta.meetings:
        parts.append(meta.meetings[0].type)
    return slug("-".join(parts))


def parse_document(doc: Document, source: Source, meta: LetterMeta, slug_: str, *, appended: bool,
                   attached_to: str | None = None) -> Letter:
    own, dossiers, own_origin = read_own_number(doc) if not appended else (None, (), None)
    cited = []
    blocks = []
    for block in doc.blocks:
        block, found = cite(block)
        blocks.append(block)
        cited += found
    footnotes = []
    for note in doc.footnotes:
        marked, found = cite(Block("paragraph", note.text, note.line, note.marks))
        footnotes.append(replace(note, marks=marked.marks))
        cited += found
    sections, closing = build_sections(tuple(blocks))
    problems = list(meta.problems)
    for c in cited:
        if c.key is None:
            line = next((b.line for b in blocks + footnotes if c.text in b.text), None)
            problems.append(Problem(source.name, f"verwijzing '{c.text}' is niet op te lossen: {c.reason}", line))
    return Letter(
        source=source.name, slug=slug_, kind=meta.kind, title=letter_title(meta, doc.title if appended else None),
        letter_date=meta.letter_date, addressee=meta.addressee, minister=meta.minister,
        minister_signed=meta.minister_signed, subject=meta.subject, kamerstuk=own, dossiers=dossiers,
        our_references=meta.our_references, meetings=meta.meetings, sections=sections,
        footnotes=tuple(footnotes), closing=closing, furniture=doc.furniture, citations=tuple(cited),
        attached_to=attached_to, problems=tuple(problems),
        origins=meta.origins + ((("kamerstuk", own_origin),) if own_origin else ()),
        memo_from=meta.memo_from, memo_to=meta.memo_to,
    )


def parse(clean: CleanText, source: Source, taken: set[str]) -> Letter | None:
    """The letter of one file, with appended documents as attachments.  `taken`: slugs in use."""
    if not clean.documents:
        return None
    main = clean.documents[0]
    meta = read_metadata(main, source.name)
    slug_ = unique(letter_slug_base(meta), taken)
    letter = parse_document(main, source, meta, slug_, appended=False)
    attachments = tuple(
        parse_document(doc, source, read_metadata(doc, source.name, appended=True),
                       f"{slug_}/{slug(doc.title or 'bijlage')}-{n}", appended=True, attached_to=slug_)
        for n, doc in enumerate(clean.documents[1:], start=1)
    )
    problems = letter.problems + tuple(p for a in attachments for p in a.problems) + clean.problems
    if not letter.sections:
        problems += (Problem(source.name, "geen brieftekst gevonden: alleen briefhoofd of ondertekening; "
                                          "de pagina toont wat er is"),)
    return replace(letter, attachments=attachments, repairs=clean.repairs, problems=problems)
