"""Stage 3, parse: a cleaned file becomes a Letter with sections, metadata and citations."""
from __future__ import annotations

import re
from dataclasses import replace

from .dates import dutch_date
from .knowledge import DATA, DataFileError, load_yaml, meeting_knowledge
from .metadata import LetterMeta, match_person, read_metadata, read_own_number, rules
from .model import Block, Citation, CleanText, Document, Letter, Mark, Problem, Section, Source
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


TITLE_CHARS = 120  # a subject longer than this is cut in a title (lists, the browser's tab)
OPENING_CHARS = 60  # the first words that name a letter nothing else names


def letter_title(meta: LetterMeta, appended_title: str | None, opening: str = "", dossier: str = "") -> str:
    """`dossier`: the title of the dossier the letter's printed head files it under ("Defensieraad")."""
    if appended_title:
        return appended_title
    # A text that shows no sign of a letter (a news item a page saved) is called no letter; its address
    # keeps "brief" (letter_slug_base), as addresses never change with a better reading of the text.
    kind = KIND_TITLES.get(meta.kind, "Brief" if meta.letter_like or meta.record else "Stuk")
    if meta.meetings:
        types = {t.key: t for t in meeting_knowledge().types}
        m = meta.meetings[0]
        return f"{kind} {types[m.type].title_on(m.start) if m.type in types else m.type} {dutch_date(m.start)}"
    if meta.subject or meta.page_title:
        # A letter about no meeting is best known by its own subject (else the title the page it was
        # saved from gives it), as the Kamer's sites list it; its date stands beside it wherever listed.
        return shorten(meta.subject or meta.page_title, TITLE_CHARS)
    kind = meta.record or kind  # a committee's record is no letter: it says what it is
    if meta.letter_date:
        dated = f"{kind} van {dutch_date(meta.letter_date)}"
        # The dossier says what a printed letter is about, as the official titles begin
        # ("Defensieraad; Brief regering; …"): "Defensieraad: brief van 8 juli 2011".
        return f"{dossier}: {dated[0].lower()}{dated[1:]}" if dossier else dated
    # Nothing names or dates it: its first words, quoted, tell it from the other undated letters.
    return f"{kind}: ‘{shorten(opening, OPENING_CHARS)}’" if opening else kind


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words (the full text stays on the page)."""
    if len(text) <= limit:
        return text
    return text[:limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-–") + " …"


def letter_slug_base(meta: LetterMeta) -> str:
    """Readable and stable: letter date (or meeting date), kind, meeting type.  An undated letter
    about no meeting adds its subject (or its page's title): undated letters differ by that, readably."""
    day = meta.letter_date or (meta.meetings[0].start if meta.meetings else None)
    parts = [day.isoformat() if day else "zonder-datum", KIND_SLUGS.get(meta.kind, "brief")]
    if meta.meetings:
        parts.append(meta.meetings[0].type)
    elif day is None and (meta.subject or meta.page_title):
        parts.append(meta.subject or meta.page_title)
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
    opening = next((" ".join(b.text.split()) for s in sections for b in s.blocks), "")
    return Letter(
        source=source.name, slug=slug_, kind=meta.kind,
        title=letter_title(meta, doc.title if appended else None, opening,
                           next((title for _, title in dossiers if title), "")),
        letter_date=meta.letter_date, addressee=meta.addressee, minister=meta.minister,
        minister_signed=meta.minister_signed, subject=meta.subject, kamerstuk=own, dossiers=dossiers,
        our_references=meta.our_references, meetings=meta.meetings, sections=sections,
        footnotes=tuple(footnotes), closing=closing, furniture=doc.furniture, citations=tuple(cited),
        attached_to=attached_to, problems=tuple(problems),
        origins=meta.origins + ((("kamerstuk", own_origin), ("dossiers", own_origin)) if own_origin else ()),
        memo_from=meta.memo_from, memo_to=meta.memo_to, record=meta.record, cosigners=meta.cosigners,
        letter=meta.letter_like or meta.kind != "overig" or meta.record is not None,
    )


def exact_headings(doc: Document, headings: tuple[tuple[str, int], ...]) -> Document:
    """The file marks its headings and their depth (XML <kop>): those are headings, and nothing else is."""
    wanted = {" ".join(h.split()): level for h, level in headings}

    def fix(b: Block) -> Block:
        if b.kind == "heading" and b.text not in wanted:
            return replace(b, kind="paragraph", level=0)
        if b.kind in ("heading", "paragraph") and b.text in wanted:
            return replace(b, kind="heading", level=wanted[b.text])
        return b
    return replace(doc, blocks=tuple(fix(b) for b in doc.blocks))


# Problems about a value the official publication states: moot once it does.
_MOOT = {"letter_date": ("geen briefdatum", "briefdatum onzeker", "briefdatum niet te lezen"),
         "addressee": ("geen geadresseerde", "geadresseerde onzeker")}


def apply_official(letter: Letter, source: Source) -> Letter:
    """Exact metadata of the official publication over what the text suggests (one place for it).

    The letter's origins then say "official" for each value it gave, a value
    the text states otherwise is reported, and the references the publication
    marks (<extref doc="kst-...">) are checked against those found in the text.
    """
    from .readers.xml import reference_key

    official = source.official
    if official is None:
        return letter
    name = source.name
    changes: dict = {}
    origins = dict(letter.origins)
    problems = list(letter.problems)
    moot: list[str] = []

    def take(field: str, value, shown: str, origin_field: str | None = None) -> None:
        current = getattr(letter, field)
        if current is not None and current != value:
            problems.append(Problem(name, f"{shown}: de tekst zegt {current}, de officiële publicatie {value}; "
                                          "de officiële waarde geldt"))
        changes[field] = value
        origins[origin_field or field] = "official"
        moot.extend(_MOOT.get(field, ()))

    if official.letter_date:
        take("letter_date", official.letter_date, "briefdatum")
    if official.addressee:
        take("addressee", official.addressee, "geadresseerde")
    if official.dossiers and official.nr:
        dossier = official.dossiers[0][0]
        key = f"{dossier}-{official.nr}"
        if letter.kamerstuk and letter.kamerstuk.key != key:
            problems.append(Problem(name, f"eigen nummer: de tekst zegt {letter.kamerstuk.key}, "
                                          f"de officiële publicatie {key}; de officiële waarde geldt"))
        changes["kamerstuk"] = Citation(text=f"Nr. {official.nr}", start=0, end=0, kind="kamerstuk",
                                        dossier=dossier, nr=official.nr, key=key)
        changes["dossiers"] = official.dossiers
        origins["kamerstuk"] = "official"
    if official.signers:
        take("minister_signed", official.signers[0][1], "ondertekenaar", "signer")
        changes["cosigners"] = tuple(name for _, name in official.signers[1:])
    problems = [p for p in problems if not p.message.startswith(tuple(moot))]

    # References: what the publication marks against what the text path finds.
    marked = {k for k in (reference_key(r) for r in official.references) if k}
    found = {c.key for l in (letter, *letter.attachments) for c in l.citations if c.key and c.kind == "kamerstuk"}
    for key in sorted(marked - found):
        problems.append(Problem(name, f"de officiële publicatie verwijst naar Kamerstuk {key} (extref), "
                                      "maar in de tekst is die verwijzing niet gevonden"))
    for key in sorted(found - marked):
        problems.append(Problem(name, f"de tekst verwijst naar Kamerstuk {key}, maar de officiële publicatie "
                                      "markeert die verwijzing niet (geen extref)", level="info"))
    # Keep the panel's order: a field the publication states changes its origin in place.
    ordered = [(f, origins.pop(f)) for f, _ in letter.origins if f in origins]
    return replace(letter, origins=tuple(ordered + list(origins.items())), problems=tuple(problems), **changes)


def parse(clean: CleanText, source: Source) -> Letter | None:
    """The letter of one file, with appended documents as attachments.

    Its address is what it is (date, kind, meeting), the same whatever else is
    in seeds/; `settle_addresses` resolves addresses two letters share.
    """
    if not clean.documents:
        return None
    main = clean.documents[0]
    if source.headings:
        main = exact_headings(main, source.headings)
    meta = read_metadata(main, source.name)
    slug_ = letter_slug_base(meta)
    letter = parse_document(main, source, meta, slug_, appended=False)
    if source.furniture:  # set aside by the reader from the layout: running heads, a repeated side column
        letter = replace(letter, furniture=tuple(sorted(letter.furniture + source.furniture, key=lambda f: f.line)))
    # "Nota bij Geannoteerde agenda …": a bare "Nota" or "Bijlage" says nothing in a list, a search
    # result or a breadcrumb (its address stays the letter's own, plus "nota-1").
    attachments = tuple(
        replace(a, title=f"{a.title} bij {letter.title}") for a in (
            parse_document(doc, source, read_metadata(doc, source.name, appended=True),
                           f"{slug_}/{slug(doc.title or 'bijlage')}-{n}", appended=True, attached_to=slug_)
            for n, doc in enumerate(clean.documents[1:], start=1)))
    problems = letter.problems + tuple(p for a in attachments for p in a.problems) + clean.problems
    if not letter.sections:
        problems += (Problem(source.name, "geen brieftekst gevonden: alleen briefhoofd of ondertekening; "
                                          "de pagina toont wat er is"),)
    return known_signers(apply_official(replace(letter, attachments=attachments, repairs=clean.repairs,
                                                problems=problems), source))


def known_signers(letter: Letter) -> Letter:
    """The people.yaml keys of the names as finally signed: per co-signer theirs or None, and the
    signer's again where the official publication gave another name than the text (the reader
    matched the text's)."""
    r = rules()
    minister = letter.minister
    if dict(letter.origins).get("signer") == "official":
        signer = match_person(letter.minister_signed, r) if letter.minister_signed else None
        minister = signer.key if signer else None
    others = (match_person(name, r) for name in letter.cosigners)
    return replace(letter, minister=minister, cosigner_people=tuple(p.key if p else None for p in others))


def _readdress(letter: Letter, new: str) -> Letter:
    old = letter.slug
    return replace(letter, slug=new, attachments=tuple(
        replace(a, slug=new + a.slug[len(old):], attached_to=new) for a in letter.attachments))


def settle_addresses(letters: list[Letter], digests: dict[str, str],
                     pinned: dict[str, str] | None = None) -> tuple[list[Letter], list[Problem]]:
    """Give letters that share an address each their own, by what they are, never by file order.

    Of letters with one address, the one the address is pinned to (data/adressen.yaml:
    address -> start of its text's digest) keeps it; without a pin, the one
    with the lowest digest.  Each other letter gets the address plus the start
    of its own digest: an address that depends only on the letter itself, so
    adding or removing another file never moves it.  Every collision is reported.
    """
    groups: dict[str, list[Letter]] = {}
    for letter in letters:
        groups.setdefault(letter.slug, []).append(letter)
    settled: dict[int, Letter] = {}
    problems: list[Problem] = []
    for base, group in groups.items():
        if len(group) == 1:
            continue
        pinned = address_pins() if pinned is None else pinned  # read only when two letters share one
        pin = pinned.get(base)
        keeper = next((l for l in group if pin and digests[l.source].startswith(pin)), None) or \
            min(group, key=lambda l: digests[l.source])
        for letter in group:
            if letter is keeper:
                continue
            new = f"{base}-{digests[letter.source][:DIGEST_CHARS]}"
            settled[id(letter)] = _readdress(letter, new)
            how = "vastgelegd in data/adressen.yaml" if pin and digests[keeper.source].startswith(pin) else \
                "laagste inhoudscode; leg het vast in data/adressen.yaml"
            problems.append(Problem(letter.source, f"zelfde adres ({base}) als {keeper.source}, dat het houdt "
                                                   f"({how}); deze brief staat op {new}"))
    return [settled.get(id(l), l) for l in letters], problems


# Characters of a letter's digest that make a shared address its own (collisions of 8 hex are far off).
DIGEST_CHARS = 8


def address_pins() -> dict[str, str]:
    """data/adressen.yaml: letter address -> start of the digest of the letter that keeps it."""
    data = load_yaml("adressen.yaml")
    pins = {str(k): str(v).lower() for k, v in (data.get("adressen") or {}).items()}
    for address, code in pins.items():
        if not re.fullmatch(r"[0-9a-f]{8,40}", code):
            raise DataFileError(DATA / "adressen.yaml", f"{address}: '{code}' is geen inhoudscode (8 tot 40 hexadecimale tekens)")
    return pins


# Characters of a digest written into a new pin: well past DIGEST_CHARS, so a pin never matches two letters.
PIN_CHARS = 12


def new_pins(letters: list[Letter], digests: dict[str, str], pins: dict[str, str]) -> list[tuple[str, str, str]]:
    """(address, digest start, source) for every letter whose address is not pinned yet, by address.

    Pinning what is published now is what keeps it: a near-copy that arrives
    later, whatever its content code, finds the address taken.
    """
    return sorted((l.slug, digests[l.source][:PIN_CHARS], l.source) for l in letters
                  if l.slug not in pins and l.source in digests)
