"""Find and resolve references to parliamentary documents in a letter's text.

Modelled on eyecite: every reference is a typed `Citation` with the exact
character span it was found at; one grammar finds them all; resolution gives a
canonical key, and a reference that cannot be resolved is still returned, with
key None and a Dutch `reason`, so an editor sees it instead of losing it.

Canonical forms
    dossier          "28676"; with a budget-chapter suffix "36200-X";
                     sub-dossier "21501-20"
    kamerstuk key    f"{dossier}-{nr}": "28676-440", "36200-X-1", "21501-20-2307"
    dossier key      the dossier: "36350-X"
    zaak / document  the number itself: "2023Z08629", "2024D41170"

Spans of an `nrs.` list ("Kamerstukken 28 676, nrs. 432 en 429"): the first
citation spans from the start of the reference through its own number
("Kamerstukken 28 676, nrs. 432"); every further citation spans only its own
number ("429").  So the spans never overlap, each links to its own document,
and together they cover the whole reference except the separators.

Everything here is a pure function of its arguments: no I/O.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache


from .dates import find_dates
from .knowledge import _checked
from .model import Citation, CitationContext

# --- grammar -----------------------------------------------------------------
# Built from named parts so each can be read (and tested) on its own.  Python's
# \s includes the no-break spaces (U+00A0, U+202F, U+2007) and line breaks, so
# a reference broken across a line or glued with a no-break space still matches.

# Hyphen as typed, non-breaking (U+2011), Unicode hyphen (U+2010) or en dash.
_HYPHEN = "[-\u2010\u2011\u2013]"

# "Kamerstuk", "Kamerstukken", "Kamerstukdossier", "Kamerstuknummer", any case; not inside a word.
_KEYWORD = r"(?<![A-Za-z\u00c0-\u024f])(?i:kamerstuk(?:ken|dossier|nummer)?)"

# Optional chamber, as in "Kamerstukken II": I = Eerste (group `ek`), II = Tweede Kamer.
_CHAMBER = r"(?:\s+(?:(?P<ek>I)|II)(?![A-Za-z0-9]))?"

# Optional parliamentary year: "2022/23", "2022-2023", "2022–2023".
_SESSION = r"(?:,?\s+(?:19|20)[0-9]{2}\s?[/\u2013-]\s?[0-9]{2,4}(?![0-9]))?"

# Everything before the number when the word Kamerstuk is written.
_PREFIX = rf"(?P<prefix>{_KEYWORD}{_CHAMBER}{_SESSION},?\s+)"

# A bare number must not continue a word, a number ("2,24"), a path or a code.
_NOT_GLUED = r"(?(prefix)|(?<![0-9A-Za-z.,/\u2010\u2011\u2013-]))"

# Zaak (Z) or document (D) number of the Tweede Kamer: year, letter, 5-6 digits.
_IDENT = r"(?P<ident>(?:19|20)[0-9]{2}(?P<idkind>[ZD])[0-9]{5,6})(?![0-9A-Za-z])"

# A dossier number has five digits, printed "28 676" (any space, or none).
_STRICT = r"[0-9]{2}\s{0,3}[0-9]{3}(?![0-9])"

# After the word Kamerstuk also a wrongly sized number ("3592"): it is returned
# unresolved rather than skipped.  "2024/25" after the word is a year, not this.
_LOOSE = rf"(?:{_STRICT}|[0-9]{{3,7}}(?![0-9]|\s?/))"

# Without the word Kamerstuk only a well-formed dossier number counts.
_DOSSIER = rf"(?P<dossier>(?(prefix){_LOOSE}|{_STRICT}))"

# Budget-chapter suffix: a Roman numeral ("X", "VIII", "IXB") or one letter ("A").
_SUFFIX = rf"(?:\s{{1,3}}|{_HYPHEN})(?P<suffix>[IVX]{{1,5}}[AB]?|[A-Z])(?![A-Za-z0-9])"

# Sub-dossier: "21 501-20", also spaced as a PDF may set it ("21 501 - 20"); without a number after
# it, "36725-1" (see _resolve).
_SUB = rf"\s?{_HYPHEN}\s{{0,2}}(?P<sub>[0-9]{{1,3}})(?![0-9])"

# A document filed in two dossiers is cited by both and numbered in the first:
# "Kamerstukken 28 676 en 29 521, nr. 264", "Kamerstuk 21 501-28 / 28676, nr. 136"
# are 28676-264 and 21501-28-136 (29521-264 is another document).  Only before a
# number: "Kamerstuk 28 676 en 29 521" stays a reference to the first dossier alone.
_CO_TAIL = rf"(?:(?:\s{{1,3}}|{_HYPHEN})(?:[IVX]{{1,5}}[AB]?|[A-Z])(?![A-Za-z0-9])|{_HYPHEN}\s{{0,2}}[0-9]{{1,3}}(?![0-9]))"
_CODOSSIER = rf"(?:(?:\s+en\s+|\s*/\s*){_STRICT}{_CO_TAIL}?(?=,?\s*(?i:nrs?)\.?\s*[0-9]))?"

# A document number within a dossier; not the start of a zaak number ("2023Z...").
_NR = r"[0-9]{1,5}(?![0-9A-Za-z])"

# ", nr. 440"; or a list ", nrs. 432, 429 en 426" (a list only after "nrs.", so
# "nr. 440, 2 miljard" does not take the 2), or one whose every number has its
# own word (", nr. 432 en nr. 429"), or "nr. 450 en 451" closing the citation
# (a bracket, comma, semicolon or full stop after it: "nr. 450 en 3 F-35's" is no list).
# "nummer(s)" is the word written out.
_LIST_SEP = r"(?:\s*,\s*|\s+en\s+)"
_ONE = r"(?i:nr\.?|nummer(?![a-z]))"
_LAST_EN = rf"\s+en\s+{_NR}(?=\s*[),;]|\.(?![0-9])|\s*$)"
_NUMBERS = (
    rf",?\s*(?:(?i:nrs\.?|nummers(?![a-z]))\s*(?P<nrlist>{_NR}(?:{_LIST_SEP}{_NR})*)"
    rf"|{_ONE}\s*(?P<nr>{_NR})(?P<nrmore>(?:{_LIST_SEP}{_ONE}\s*{_NR})+|{_LAST_EN})?)"
)

# The Eerste Kamer numbers its own documents with capitals, after a comma: "Kamerstukken I 2023/24,
# 29 521, BE", "Kamerstukken I 2019/20, 35 300 X, A".  Only after "Kamerstukken I".
_EK_NR = r"(?(ek),\s*(?P<eknr>[A-Z]{1,3})(?![A-Za-z0-9])|(?!))"

# "36725-1", "36200-X-1", "21501-20-2307": the number joined by a hyphen.
_HYPHEN_NR = rf"{_HYPHEN}(?P<hnr>{_NR})"

# After the dossier: a suffix or sub-dossier, then the number(s).  With the word
# Kamerstuk the number is optional (a dossier reference); bare, it is required.
_TAIL = rf"(?:{_SUFFIX}|{_SUB})?{_CODOSSIER}(?:{_NUMBERS}|{_EK_NR}|(?(prefix)(?:{_HYPHEN_NR})?|(?!)))"

# The official publication's own identifier ("kst-28676-90", "kst-21501-28-250",
# "kst-36200-X-5": dossier, sub-dossier or budget chapter, number), alone or in the
# publication's address, which the reference then spans whole: a link over part of
# an address would cut it in two.
_KST = (
    r"(?<![A-Za-z0-9./-])(?:https?://(?:zoek\.|www\.)?officielebekendmakingen\.nl/(?:[a-z]+/)?)?"
    rf"(?i:kst)-(?P<kdossier>[0-9]{{5}})"
    rf"(?:-(?P<ksub>[0-9]{{1,3}})|-(?P<ksuffix>[IVX]{{1,5}}[AB]?|[A-Z]))?-(?P<knr>{_NR})"
    r"(?:\.(?:html|pdf|xml))?"
)

REFERENCE = re.compile(rf"{_KST}|{_PREFIX}?{_NOT_GLUED}(?:{_IDENT}|{_DOSSIER}{_TAIL})")

# A list of numbers joined by hyphens under one word Kamerstuk: "Kamerstukken 28676-440 en 28676-441",
# "Kamerstuk 21501-28-250, 21501-28-251".  Each further item is a dossier and its number, the word
# not repeated; only after a first item numbered so (a bare "28676-441" alone could be any figure).
_HYPHEN_ITEM = re.compile(
    rf"(?:\s*[,;]\s*|\s+en\s+)(?P<dossier>{_STRICT})"
    rf"(?:{_SUFFIX}{_HYPHEN}(?P<nr>{_NR})|{_HYPHEN}(?P<sub>[0-9]{{1,3}})(?:{_HYPHEN}(?P<subnr>{_NR}))?(?![0-9]))"
    rf"(?![A-Za-z0-9]|{_HYPHEN}[0-9A-Za-z])")

# Dossiers whose "-NN" is a sub-dossier even with no number after it
# ("Kamerstuk 21 501-28" is the Defence Council dossier, not its document 28).
SUB_DOSSIER_PARENTS = frozenset({"21501"})

_OFFICIAL = "https://zoek.officielebekendmakingen.nl"
# The Tweede Kamer's detail page takes a zaak as `id`; a document number as
# `did` (with `id` repeated, which the site accepts when the zaak is unknown).
_TWEEDE_KAMER = "https://www.tweedekamer.nl/kamerstukken/detail"

_NUMBER_IN_LIST = re.compile(r"[0-9]+")
_DIGIT = re.compile(r"[0-9]")
_CANONICAL_DOSSIER = re.compile(r"(?P<digits>[0-9]{5})(?:-(?P<sub>[0-9]+)|-(?P<suffix>[A-Z]+))?")


# --- finding -----------------------------------------------------------------


def find_citations(text: str) -> tuple[Citation, ...]:
    """All references in `text`, sorted by start and non-overlapping."""
    if _DIGIT.search(text) is None:
        return ()  # every reference has a number
    found: list[Citation] = []
    for m in REFERENCE.finditer(text):
        if found and m.start() < found[-1].end:
            continue  # inside the items of a hyphen-numbered list already read
        if m["ident"]:
            found.append(_ident_citation(m))
        elif m["knr"]:
            dossier, reason = _resolve_dossier(m["kdossier"], m["ksub"], m["ksuffix"])
            found.append(_citation(text, m.start(), m.end(), "kamerstuk", dossier, str(int(m["knr"])), reason))
        else:
            found.extend(_dossier_citations(text, m))
            if m["prefix"] and found[-1].nr and (m["hnr"] or (m["sub"] and not m["nrlist"] and not m["nr"])):
                found.extend(_hyphen_items(text, m.end()))
    return tuple(found)


def _hyphen_items(text: str, pos: int) -> list[Citation]:
    """The further items of a hyphen-numbered list that starts at `pos` (see _HYPHEN_ITEM)."""
    items = []
    while (item := _HYPHEN_ITEM.match(text, pos)) is not None:
        digits, sub, nr = re.sub(r"\s", "", item["dossier"]), item["sub"], item["nr"] or item["subnr"]
        if nr is None:  # "28676-441": the number after the dossier; "21501-28" alone is a sub-dossier
            if digits in SUB_DOSSIER_PARENTS:
                break
            sub, nr = None, sub
        dossier, reason = _resolve_dossier(digits, sub, item["suffix"])
        items.append(_citation(text, item.start("dossier"), item.end(), "kamerstuk", dossier, str(int(nr)), reason))
        pos = item.end()
    return items


def _ident_citation(m: re.Match) -> Citation:
    ident = m["ident"]
    return Citation(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        kind="zaak" if m["idkind"] == "Z" else "document",
        ident=ident,
        key=ident,
    )


def _dossier_citations(text: str, m: re.Match) -> list[Citation]:
    digits = re.sub(r"\s", "", m["dossier"])
    sub, suffix = m["sub"], m["suffix"]
    # Each number with its span: (number, start, end).
    numbers: list[tuple[str, int, int]] = []
    if m["nrlist"]:
        base = m.start("nrlist")
        numbers = [(n.group(), base + n.start(), base + n.end()) for n in _NUMBER_IN_LIST.finditer(m["nrlist"])]
    elif m["nr"]:
        numbers = [(m["nr"], m.start("nr"), m.end("nr"))]
        if m["nrmore"]:
            base = m.start("nrmore")
            numbers += [(n.group(), base + n.start(), base + n.end()) for n in _NUMBER_IN_LIST.finditer(m["nrmore"])]
    elif m["hnr"]:
        numbers = [(m["hnr"], m.start("hnr"), m.end("hnr"))]
    elif m["eknr"]:
        numbers = [(m["eknr"], m.start("eknr"), m.end("eknr"))]
    elif sub and digits not in SUB_DOSSIER_PARENTS:
        # "Kamerstuk 36725-1": dossier and number joined by a hyphen.
        numbers = [(sub, m.start("sub"), m.end("sub"))]
        sub = None

    dossier, reason = _resolve_dossier(digits, sub, suffix)
    if not numbers:
        return [_citation(text, m.start(), m.end(), "dossier", dossier, None, reason)]

    citations = []
    for i, (nr, _, nr_end) in enumerate(numbers):
        start = m.start() if i == 0 else numbers[i][1]
        citations.append(_citation(text, start, nr_end, "kamerstuk", dossier, str(int(nr)) if nr.isdigit() else nr,
                                   reason))
    return citations


def _resolve_dossier(digits: str, sub: str | None, suffix: str | None) -> tuple[str | None, str | None]:
    """The canonical dossier, or None and the reason it cannot be one."""
    if len(digits) != 5:
        return None, (
            f"Dossiernummer {digits} heeft {len(digits)} cijfers; een Kamerstukdossier heeft er vijf. "
            "Waarschijnlijk een tikfout in de brief."
        )
    if suffix:
        return f"{digits}-{suffix}", None
    if sub:
        return f"{digits}-{int(sub):02d}", None
    return digits, None


def _citation(
    text: str, start: int, end: int, kind: str, dossier: str | None, nr: str | None, reason: str | None
) -> Citation:
    if dossier is None:
        key = None
    else:
        key = f"{dossier}-{nr}" if nr is not None else dossier
    return Citation(
        text=text[start:end], start=start, end=end, kind=kind,
        dossier=dossier, nr=nr, key=key, reason=reason,
    )


# --- the letter's own number ---------------------------------------------------

_HEADER_DOSSIER = re.compile(rf"^\s*(?P<dossier>{_STRICT})(?:{_SUFFIX}|{_SUB})?(?:\s+(?P<title>.*?))?\s*$")
# (not a number OCR damaged: "Nr. 2l3", "Nr. 1 09" are no document 2 or 1; the number is not read)
_HEADER_NR = re.compile(r"^\s*(?P<text>(?i:nr)\.?\s*(?P<nr>[0-9]{1,5}))(?![0-9A-Za-z]|\s[0-9])"
                        # The Eerste Kamer numbers its documents with capitals: "BE BRIEF VAN DE MINISTER …".
                        r"|^\s*(?P<letters>[A-Z]{1,3})\s+(?=(?:BRIEF|MEMORIE|NOTA|VERSLAG|VOORLOPIG|NADER|EINDVERSLAG)\b)")
# No part of a dossier's title: the session year printed under it, or the document's own number and
# title on the dossier's line ("30800 X 109 Brief van de minister …", an older page's layout).
_NOT_DOSSIER_TITLE = re.compile(r"^(?:vergaderjaar\b|[0-9]{1,5}\s+(?:brief|verslag|motie|nota|amendement|memorie|"
                                r"lijst|advies|voorstel|koninklijke)\b)", re.IGNORECASE)


def header_citation(lines: list[str]) -> tuple[Citation | None, tuple[tuple[str, str], ...]]:
    """The letter's own Kamerstuk number and its dossiers, from a printed header.

    A header is one or more dossier lines ("28 676 NAVO"; a long title may run
    on to the next line) followed by "Nr. 554 Brief van ..." (in the Eerste
    Kamer "BE BRIEF VAN ...").  The letter is numbered in the first dossier.
    The citation's start/end are offsets of "Nr. 554" (or "BE") within its own
    line.  Without a "Nr." line after dossier lines
    there is no header: (None, ()).
    """
    dossiers: list[list[str]] = []  # [dossier, title]
    for line in lines:
        if not line.strip():
            continue
        nr_line = _HEADER_NR.match(line)
        if nr_line and dossiers:
            first = dossiers[0][0]
            nr = str(int(nr_line["nr"])) if nr_line["nr"] else nr_line["letters"]
            group = "text" if nr_line["nr"] else "letters"
            citation = Citation(
                text=nr_line[group], start=nr_line.start(group), end=nr_line.end(group),
                kind="kamerstuk", dossier=first, nr=nr, key=f"{first}-{nr}",
            )
            return citation, tuple((d, " ".join(t.split())) for d, t in dossiers)
        dossier_line = _HEADER_DOSSIER.match(line)
        if dossier_line:
            digits = re.sub(r"\s", "", dossier_line["dossier"])
            dossier, _ = _resolve_dossier(digits, dossier_line["sub"], dossier_line["suffix"])
            title = dossier_line["title"] or ""
            dossiers.append([dossier or digits, "" if _NOT_DOSSIER_TITLE.match(title) else title])
        elif dossiers and not _NOT_DOSSIER_TITLE.match(line.strip()):
            # A title too long for one line continues on the next.
            dossiers[-1][1] += " " + line.strip()
        # Lines before the first dossier line (letterhead, "Vergaderjaar") are skipped.
    return None, ()


# --- display and links -----------------------------------------------------------


def dossier_label(dossier: str) -> str:
    """Dutch print form of a canonical dossier: "28 676", "36 200 X", "21 501-20"."""
    m = _CANONICAL_DOSSIER.fullmatch(dossier)
    if not m:
        return dossier
    digits = f"{m['digits'][:2]} {m['digits'][2:]}"
    if m["suffix"]:
        return f"{digits} {m['suffix']}"
    if m["sub"]:
        return f"{digits}-{m['sub']}"
    return digits


def label(c: Citation) -> str:
    """Dutch display form; an unresolved reference is shown as written."""
    if c.key is None:
        return " ".join(c.text.split())
    if c.kind == "kamerstuk":
        return f"Kamerstuk {dossier_label(c.dossier)}, {_number(c.nr)}"
    if c.kind == "dossier":
        return f"Dossier {dossier_label(c.dossier)}"
    if c.kind == "zaak":
        return f"Zaak {c.ident}"
    return f"Document {c.ident}"


def dossier_url(dossier: str) -> str:
    return f"{_OFFICIAL}/dossier/{dossier}"


def official_url(c: Citation) -> str | None:
    """Where the document is officially published; None when unresolved."""
    if c.key is None:
        return None
    if c.kind == "kamerstuk":
        return f"{_OFFICIAL}/kst-{c.dossier}-{c.nr}.html"
    if c.kind == "dossier":
        return dossier_url(c.dossier)
    if c.kind == "zaak":
        return f"{_TWEEDE_KAMER}?id={c.ident}"
    if c.kind == "document":
        return f"{_TWEEDE_KAMER}?id={c.ident}&did={c.ident}"
    return None


# --- citing a letter -------------------------------------------------------------


def parliamentary_year(day: date) -> str:
    """The parliamentary year ("2025/26") a day falls in: it opens on the third Tuesday of September."""
    first = date(day.year, 9, 1)
    opening = first.replace(day=1 + (1 - first.weekday()) % 7 + 14)  # weekday 1 = Tuesday
    start = day.year if day >= opening else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def letter_citation(own: Citation, letter_date: date | None, addressee: str | None = None) -> str:
    """The official citation of a numbered letter: "Kamerstukken II 2025/26, 28 676, nr. 554".

    The chamber is the Eerste Kamer (I) only when the letter is addressed to
    it; without a letter date the year is left out, not guessed.
    """
    chamber = "I" if addressee and "eerste kamer" in addressee.lower() else "II"
    year = f" {parliamentary_year(letter_date)}" if letter_date else ""
    return f"Kamerstukken {chamber}{year}, {dossier_label(own.dossier)}, {_number(own.nr)}"


def _number(nr: str | None) -> str:
    """"nr. 554"; the Eerste Kamer's capitals stand alone, as it prints them ("29 521, BE")."""
    return f"nr. {nr}" if not nr or nr[0].isdigit() else nr


# --- what the citing text says about a cited document ----------------------------

@lru_cache(maxsize=None)
def _vocabulary() -> dict:
    """data/documents.yaml; a broken file is a DataFileError naming it, as for every data file."""
    return _checked("documents.yaml", lambda data: {
        "kinds": tuple((k, tuple(w.lower() for w in words)) for k, words in data["kinds"].items()),
        "determiners": frozenset(w.lower() for w in data["determiners"]),
        "openers": frozenset(w.lower() for w in data["openers"]),
        "max_words": int(data["max_words"]),
    })


# A sentence ends at . ! ? before a space and a capital, except after these abbreviations.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\u00c0-\u024f‘“(])")
_ABBREVIATED = re.compile(r"(?:\b(?:nr|nrs|d\.d|o\.a|bijv|art|jl|a\.s|ca|resp|zgn|m\.b\.t)|\b[A-Z])$", re.IGNORECASE)
# A date right after the reference: "van 8 november 2024", ", 17 mei 2023", "d.d. 3 februari 2025".
_DATE_AFTER = re.compile(r"\)?\s*(?:,\s*|\s+van\s+|\s+d\.d\.\s+)$")
# Before the reference, the description ends with a comma or an opening bracket,
# maybe with a date between ("Kamerbrief ..., 17 mei 2023, Kamerstuk ...").
_BEFORE = re.compile(r"(?P<lead>.*?)(?P<rel>\(\s*(?:(?P<annex>bijlage)\s+bij\s+)?|,\s*)$", re.S | re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()\[\]]")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around [start, end); a full stop inside the reference does not end it."""
    left, right = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATED.search(text[:m.start()]) or start <= m.start() < end:
            continue
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start() + 1
            break
    return left, right


def _full_date(mentions, at: int, before: bool):
    """The mention ending (before=True) or starting at `at`, when it is one full day."""
    for m in mentions:
        hit = (m.end == at) if before else (m.start == at)
        if hit and m.day is not None and m.year is not None and not m.is_range:
            return m
    return None


def describe(text: str, start: int, end: int, floor: int = 0) -> CitationContext:
    """What the text around one reference says about the cited document.

    `text[start:end]` is the reference; `floor` is where the text may be read
    from (the end of the previous reference, so its date is not taken for this
    one).  Every value is a span of `text`: nothing is inferred.
    """
    vocab = _vocabulary()
    s_start, s_end = _sentence(text, start, end)
    floor = max(floor, s_start)
    mentions = find_dates(text[floor:s_end])
    shift = lambda m: (m.start + floor, m.end + floor)  # noqa: E731
    when, when_span = None, None
    # After the reference: "Kamerstuk 28 676, nr. 472 van 8 november 2024".
    for m in mentions:
        begin, stop = shift(m)
        if begin >= end and _DATE_AFTER.fullmatch(text[end:begin]) and m.day and m.year and not m.is_range:
            when, when_span = date(m.year, m.month, m.day), (begin, stop)
            break
    before = text[floor:start]
    lead_end = len(before)
    # Before it: "..., 17 mei 2023, Kamerstuk 2023Z08629".
    comma = re.search(r",\s*$", before)
    if comma:
        for m in mentions:
            if m.end <= comma.start() and not before[m.end:comma.start()].strip() and m.day and m.year \
                    and not m.is_range:
                if when is None:
                    when, when_span = date(m.year, m.month, m.day), shift(m)
                lead_end = m.start
                break
    description = span = kind = None
    annex = False
    found = _BEFORE.fullmatch(before[:lead_end])
    if found and (found["rel"].startswith("(") or lead_end == len(before) or found["rel"].strip() == ","):
        annex = bool(found["annex"])
        lead = found["lead"]
        clause_start = max((m.end() for m in _CLAUSE.finditer(lead)), default=0)
        words = list(re.finditer(r"\S+", lead[clause_start:]))
        # The name starts after the last determiner before its last document word ("in onder andere de
        # Voortgangsrapportage ..."); a determiner after that word is part of the name ("Nota Stand van de Marine").
        doc_words = [i for i, w in enumerate(words) if any(x in w.group().lower() for _, ws in vocab["kinds"] for x in ws)]
        limit = doc_words[-1] if doc_words else len(words)
        cut = 0
        for i, w in enumerate(words[:limit]):
            if w.group().lower() in vocab["determiners"]:
                cut = i + 1
        while cut < len(words) and words[cut].group().lower() in vocab["openers"]:
            cut += 1
        chosen = words[cut:]
        # Before a bracket a name ends in a capital or a number ("Ontwerpbegroting 2023 (Kamerstuk ...)");
        # lower-case words after the last document word are the sentence going on ("Zoals ik in de
        # voortgangsrapportage meldde (Kamerstuk ...)").  Before a comma the words are a title as listed.
        named = [i for i, w in enumerate(chosen) if any(x in w.group().lower() for _, ws in vocab["kinds"] for x in ws)]
        if named and found["rel"].startswith("(") and not re.match(r"[\dA-Z\u00c0-\u00de]", chosen[-1].group()):
            chosen = chosen[:named[-1] + 1]
        if chosen and len(chosen) <= vocab["max_words"]:
            a = floor + clause_start + chosen[0].start()
            b = floor + clause_start + chosen[-1].end()
            phrase = text[a:b].strip("‘’“”'\"")
            lowered = phrase.lower()
            kind = next((k for k, ws in vocab["kinds"] if any(w in lowered for w in ws)), None)
            if kind:
                description, span = phrase, (a + text[a:b].index(phrase), a + text[a:b].index(phrase) + len(phrase))
    return CitationContext(
        sentence=" ".join(text[s_start:s_end].split()), sentence_span=(s_start, s_end),
        description=description, description_span=span,
        date=when, date_text=text[when_span[0]:when_span[1]] if when_span else None, date_span=when_span,
        kind="bijlage" if annex and description else kind, annex=annex,
    )
