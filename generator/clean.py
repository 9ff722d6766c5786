"""Stage 2, clean: turn PDF-extracted text into documents of blocks.

The steps, in order, each a small function over lines:

1. normalise characters and find page starts;
2. repair OCR damage word by word (only on strong evidence, every change recorded);
3. split the file into documents: the letter, and anything appended after its signature;
4. per document: set page furniture aside (letterhead, side column, page
   numbers), take the closing, lift out footnotes and mark where they are cited;
5. reflow hard-wrapped lines into paragraphs, joining words split at line ends;
6. recognise headings and their level.

No text is dropped: furniture and closings are kept apart, not deleted.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import islice

from .dates import MONTHS
from .knowledge import CleaningRules, cleaning_rules, heading_key
from .lexicon import Lexicon, fold
from .model import Block, CleanText, Document, Footnote, Furniture, Mark, Repair
from .patterns import any_match, any_search

# Private-use characters carry footnote markers through reflow; stripped from input.
FN_OPEN, FN_CLOSE = "\ue000", "\ue001"
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000\t"), " ")
REMOVED = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\ue000\ue001"), None)
SOFT_HYPHEN = "\u00ad"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SENTENCE_END = tuple(".!?:;")
CLOSERS = "»”\"')"  # a closing quote or bracket ends a sentence only after its stop: "(DMM)" ends none
LIST_ITEM = re.compile(r"^(?:[-–•·▪◦*]|\d{1,2}[.)]|[a-z][.)])\s+\S")
BULLET = re.compile(r"^[-–•·▪◦*]\s+")
NUMBERED_ITEM = re.compile(r"^\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s")  # "(1) ", "(b) ", "(iv) "
DATE_VALUE = re.compile(r"^\d{1,2} [^\W\d_]+ \d{4}$")
CODE_VALUE = re.compile(r"^[A-Z][A-Za-z]*[-/]?\d{4,}[-/\dA-Z]*$")
# A layout dump prints a letter's side column beside its text, after a wide gap (side_by_side).
WIDE_GAP = " " * 6
COLUMN_GAP = re.compile(r"(?:(?<=\S)|^) {6,}(?=\S)")
SIDE_COLUMN_FROM = 40  # the column starts this many characters from the left, or further
SIDE_COLUMN_ROWS = 3  # rows with text at one such position, before a text counts as printed side by side
RUN_GAP = 3  # rows without column text that may stand between two rows of one run
PAGE_NUMBER = re.compile(r"^(?:pagina |blad |p\. )?\d{1,3}(?: ?(?:van|/|of) ?\d{1,3})?$", re.IGNORECASE)
# A postcode or Postbus line: what makes a run of letterhead lines an address (_address_block).
POSTAL = re.compile(r"^(?:postbus \d+|\d{4} ?[a-z]{2}\b)", re.IGNORECASE)
# The town that ends an address, or the reply instruction after it, opening a line of a wrapped address.
ADDRESS_GOES_ON = re.compile(r"(?:den haag|['’]?s-gravenhage|bij beantwoording)\b")
ADDRESS_LINE = 45  # characters: the first line of an address is short; a wrapped line of prose is not
# Words in one line after a signature that make it a paragraph of an attached document (split_documents).
ATTACHED_WORDS = 30
FOOTNOTE_LINE = re.compile(r"^(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s+(\S.*)$")
# A marker glued to the word or punctuation it follows: "geïnformeerd1", "verdragsgebied.2", "Boswijk5."
# Before a comma only after a word in lower case ("waarover u eerder bent geïnformeerd1, bied ik"): after a
# capital it is a name's number ("de G7, de F35,").
GLUED_MARKER = r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:)’”'\"]))({n})(?:(?![\w,]|[.,]\d)|(?<=[a-zß-öø-ÿ]{{3}}{n})(?=,(?!\d)))"
# A marker glued to a year that ends a date: "op 8 en 9 november 20171 in Brussel" (a year has four digits).
YEAR_MARKER = rf"\b(?:{'|'.join(MONTHS)}) (?:19|20)\d\d({{n}})(?![\w,]|[.,]\d)"
# OCR reads a superscript "1" as "?": "bondgenoten?." (a question mark before a period is never text).
OCR_MARKER = re.compile(r"(?<=[^\W\d_])\?(?=[.,;:])")
# *italics* and **bold** as conversion tools write them: both become an emphasis mark.
EMPHASIS = re.compile(r"(?P<stars>\*{1,2})(?=[^\s*])(?P<inner>[^*\n]*?[^\s*])(?P=stars)")
# "1. Oekraïne", "2.1 Luchtverdediging": a numbered heading; its depth is its level.
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=[^\W\d_])")
TOKEN = re.compile(r"[^\W\d_/]*(?:[/][^\W\d_/]*)*[^\W\d_]+[^\W\d_/]*(?:/[^\W\d_]*)*|/[^\W\d_]+")
APOSTROPHES = re.compile(r"['’]{2,}")
ROLE_REST = re.compile(r"^(?:van|voor) (?:[\w-]+ ){0,4}[\w-]+,$")  # a role's second line
SPLIT_END = re.compile(r"[^\W\d_][-\u00ad]$")  # a line ending in a word broken off with a hyphen
MULTIPLE_SPACES = re.compile(r" {2,}")
_UNSEEN = object()


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the source
    text: str  # normalised, stripped; "" for a blank line
    page_start: bool = False  # first line of a page (form feed, or indented by the PDF tool)


# --- 1. characters and lines -------------------------------------------------


def split_lines(text: str, rules: CleaningRules | None = None) -> list[Line]:
    """The text's lines, spaces normalised; with `rules`, a side column printed beside the text is
    read as lines of its own (side_by_side)."""
    raw_lines = text.split("\n")
    indented = sum(1 for r in raw_lines if r[:1] in (" ", "\t") and r.strip())
    # A layout dump indents many lines; only a lone leading space marks a new page.
    indent_marks_page = indented <= 0.2 * max(1, sum(1 for r in raw_lines if r.strip()))
    rows = (side_by_side(raw_lines, rules) if rules is not None and WIDE_GAP in text else None) \
        or list(enumerate(raw_lines, start=1))
    lines: list[Line] = []
    for no, raw in rows:
        for i, piece in enumerate(raw.split("\f")):
            page_start = i > 0 or (indent_marks_page and piece[:1] == " ")
            if piece.isascii():  # of REMOVED and SPACES only the tab is ASCII; no soft hyphen either
                piece = piece.replace("\t", " ").rstrip()
                trailing = ""
            else:
                piece = piece.translate(REMOVED).translate(SPACES).rstrip()
                # A soft hyphen at a line end marks where a word was split; elsewhere it is invisible.
                trailing = SOFT_HYPHEN if piece.endswith(SOFT_HYPHEN) and piece[-2:-1].isalpha() else ""
                piece = piece.replace(SOFT_HYPHEN, "")
            body = (MULTIPLE_SPACES.sub(" ", piece) if "  " in piece else piece).strip() + trailing
            lines.append(Line(no, body, page_start and bool(body)))
    return lines


WRAPPED_AT_MOST = 110  # characters: a line longer than this is a paragraph kept on one line, not a wrapped one


def single_spaced(lines: list[Line]) -> list[Line]:
    """A double-spaced text (a blank line after every line, as some PDF tools save a letter set with
    wide line spacing) with one blank line less in every run of them: its lines then run on into
    their paragraphs, which stay apart where the text left more room.  Told from a saved page that
    keeps each paragraph on one line by its sentences: they run on past the blank lines, into lines
    that start in lower case."""
    texts = [l.text for l in lines]
    filled = [k for k, t in enumerate(texts) if t]
    if len(filled) < 12:
        return lines
    # A filled line right under another: a double-spaced text has almost none.
    adjacent = sum(1 for a, b in zip(filled, filled[1:]) if b == a + 1)
    # Its text is wrapped: no line is a paragraph of its own, and its sentences run on past blank lines.
    unwrapped = sum(1 for k in filled if len(texts[k]) > WRAPPED_AT_MOST)
    wrapped = sum(1 for k in filled if len(texts[k]) >= 40) - unwrapped
    runs_on = sum(1 for a, b in zip(filled, filled[1:])
                  if b == a + 2 and not texts[a].endswith((".", ":", ";", "?", "!")) and texts[b][:1].islower())
    if adjacent > 0.1 * len(filled) or unwrapped > 0.1 * len(filled) or runs_on < max(4, 0.3 * wrapped):
        return lines
    return [l for k, l in enumerate(lines) if l.text or (k > 0 and not texts[k - 1])]


def side_by_side(raw_lines: list[str], rules: CleaningRules) -> list[tuple[int, str]] | None:
    """(line number, text) in reading order, when a layout dump (pdftotext -layout) prints the
    letter's side column beside its text: "Aan de Voorzitter van de        Ministerie van Defensie".
    The column is where at least SIDE_COLUMN_ROWS rows start text again after a wide gap, at one
    position right of SIDE_COLUMN_FROM; a run of such rows whose column text holds a letterhead
    line or a side-column label is read as the column's lines, numbered as the run's first row,
    then the rows' own text.  None: no such column."""
    starts: dict[int, int] = {}
    for k, raw in enumerate(raw_lines):
        if WIDE_GAP in raw:
            m = next((m for m in COLUMN_GAP.finditer(raw) if m.end() >= SIDE_COLUMN_FROM), None)
            if m is not None:
                starts[k] = m.end()
    if len(starts) < SIDE_COLUMN_ROWS:
        return None
    counts = Counter(starts.values())
    # One position per page layout: the first page's column may stand a few characters left of the next's.
    columns: list[int] = []
    for c in sorted(counts, key=lambda c: (-(counts[c - 1] + counts[c] + counts[c + 1]), c)):
        if counts[c - 1] + counts[c] + counts[c + 1] >= SIDE_COLUMN_ROWS and all(abs(c - o) > 2 for o in columns):
            columns.append(c)
    beside = [k for k, c in starts.items() if any(abs(c - o) <= 1 for o in columns)]
    if len(beside) < SIDE_COLUMN_ROWS:
        return None
    beside_rows = set(beside)
    runs: list[list[int]] = []
    for k in beside:
        if runs and k - runs[-1][-1] <= RUN_GAP + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    split: dict[int, tuple[int, list[str]]] = {}  # first row of a run -> (its last row, column lines)
    for run in runs:
        column_lines = [" ".join(raw_lines[k][starts[k]:].split()) for k in run]
        # (or the page's number, printed beside the signature: "Drs. A.B. Voorbeeld          Pagina 2 van 2")
        if any(any_search(rules.letterhead, t) or _sidebar_label(t, rules) or _worded_page_number(t)
               for t in column_lines):
            split[run[0]] = (run[-1], column_lines)
    if not split:
        return None
    rows: list[tuple[int, str]] = []
    k = 0
    while k < len(raw_lines):
        if k not in split:
            rows.append((k + 1, raw_lines[k]))
            k += 1
            continue
        last, column_lines = split[k]
        rows += [(k + 1, t) for t in column_lines] + [(k + 1, "")]
        rows += [(j + 1, raw_lines[j][:starts[j]] if j in beside_rows else raw_lines[j]) for j in range(k, last + 1)]
        k = last + 1
    return rows


# --- 2. OCR repair -------------------------------------------------------------


def _candidates(word: str, rules: CleaningRules, lexicon: Lexicon) -> dict[str, str]:
    found: dict[str, str] = {}
    for c in rules.confusions:
        start = word.find(c.wrong)
        while start != -1:
            # A slash read for a capital I only at the start of a word ("/ntegrated").
            if not (c.right == "I" and start != 0):
                cand = word[:start] + c.right + word[start + len(c.wrong):]
                if "/" not in cand and lexicon.known(cand):
                    found.setdefault(cand, c.rule)
            start = word.find(c.wrong, start + 1)
    return found


def repair_word(word: str, rules: CleaningRules, lexicon: Lexicon) -> tuple[str, str] | None:
    """Return (replacement, rule) when the evidence is strong, else None."""
    if len(word) < 3 or word.isupper() or lexicon.known(word):
        return None
    if word.casefold() in rules.period_abbreviations:
        return None  # an abbreviation the word lists lack ("incl."), not OCR damage
    if "/" in word:
        parts = word.split("/")
        if all(len(p) >= 2 and (lexicon.known(p) or p.isupper()) for p in parts):
            return None  # a real slash: "IAMD/BMD", "communicatie/persmomenten"
    found = _candidates(word, rules, lexicon)
    if len(found) == 1:
        (cand, rule), = found.items()
        return cand, rule + "; woordenlijst"
    if not found and word.islower():
        for glue in rules.glued_words:
            head = word[: -len(glue)]
            # Only after an ending that never takes another: "uitgavenen", not "krijgsmachten".
            if word.endswith(glue) and head.endswith(rules.glued_head_endings) and lexicon.known(head):
                return f"{head} {glue}", f"spatie ontbrak voor '{glue}'; woordenlijst"
    return None


def repair_lines(lines: list[Line], rules: CleaningRules, lexicon: Lexicon) -> tuple[list[Line], list[Repair]]:
    repairs: list[Repair] = []
    out: list[Line] = []

    def repaired(word: str) -> tuple[str, str] | None:
        """repair_word(), once per word: letters repeat their words."""
        fixed = lexicon.memo.get(word, _UNSEEN)
        if fixed is _UNSEEN:
            fixed = lexicon.memo[word] = repair_word(word, rules, lexicon)
            if fixed is None:
                lexicon.sound.add(word)
        return fixed

    split_before = False  # the previous line ended in a word's first half: "aanhou-"
    for line in lines:
        text = line.text
        if not text:
            out.append(line)
            continue

        def fix_apostrophes(m: re.Match) -> str:
            repairs.append(Repair(line.no, m.group(0), "’", "dubbele apostrof"))
            return "’"

        text = APOSTROPHES.sub(fix_apostrophes, text)
        # The halves of a word split at a line end ("aanhou-" / "dende") are no words of their own:
        # "dende" is not "den de".  They are joined later, as written.
        tokens = list(TOKEN.finditer(text))
        halves = set()
        if tokens and split_before and tokens[0].start() == 0:
            halves.add(0)
        split_before = bool(SPLIT_END.search(text))
        if tokens and split_before:
            halves.add(tokens[-1].start())
        # Most lines need no repair: skip the substitution when no word needs one.  Words are
        # asked in their order either way (the cache records what the lexicon was asked).
        words = [m.group(0) for m in tokens if m.start() not in halves]
        if lexicon.sound.issuperset(words) or all(repaired(w) is None for w in words):
            out.append(line if text == line.text else replace(line, text=text))
            continue

        def fix(m: re.Match) -> str:
            word = m.group(0)
            fixed = None if m.start() in halves else repaired(word)
            if fixed is None:
                return word
            repairs.append(Repair(line.no, word, fixed[0], fixed[1]))
            return fixed[0]

        out.append(replace(line, text=TOKEN.sub(fix, text)))
    return out, repairs


# --- 3. documents ----------------------------------------------------------------


def _is_closing(text: str, rules: CleaningRules) -> bool:
    if len(text.split()) <= 8 and any(p.match(text) for p in rules.closings):
        return True
    # Two signatures side by side, read as one line: "De Minister van Buitenlandse Zaken, De Staatssecretaris
    # voor Europese Zaken,".  The second role starts with a capital, as no clause of prose does; after a
    # greeting it may not ("Hoogachtend, de minister van Defensie").
    head, sep, tail = text.partition(", ")
    return bool(sep) and (tail.startswith(("De ", "Het ")) or fold(head) in rules.greetings) \
        and "," not in tail.rstrip(",") and \
        all(len(part.split()) <= 8 and any(p.match(part) for p in rules.closings) for part in (head + ",", tail))


def _looks_like_name(text: str) -> bool:
    words = text.split()
    titled = bool(re.match(r"^(drs?|mr|ir|prof)\.", text))  # "drs. K.H. Ollongren"
    return titled or (1 <= len(words) <= 6 and not text.endswith((".", ",", ":")))


def _role_state(text: str, rules: CleaningRules) -> tuple[bool, bool]:
    """After a closing line: may a name line follow, and may the role go on ("De Minister" /
    "van Buitenlandse Zaken,")?  No name follows a role that bears its name ("De Minister van
    Buitenlandse Zaken, A.G. Koenders"): a short line below it is the enclosure's title.  After
    "Met vriendelijke groet, De minister van Defensie" the name still follows."""
    ends_role = text.endswith(",")
    last = text.rsplit(", ", 1)[-1]
    named = not ends_role and last != text and not any(p.match(last) for p in rules.closings)
    return not named, not ends_role


def find_closing(lines: list[Line], rules: CleaningRules) -> tuple[int, int] | None:
    """(start, end) indexes of the greeting and signatures, end exclusive.

    Co-signed letters carry several role + name pairs; all belong to the closing.
    """
    for i, line in enumerate(lines):
        if not line.text or not _is_closing(line.text, rules):
            continue
        end = j = i + 1
        name_allowed, role_open = _role_state(line.text, rules)
        while j < len(lines):
            t = lines[j].text
            if not t or any_match(rules.page_patterns, t) or _worded_page_number(t):
                j += 1
                continue
            if _is_closing(t, rules) or (role_open and ROLE_REST.match(t)):
                end = j + 1
                name_allowed, role_open = _role_state(t, rules)
            elif name_allowed and _looks_like_name(t) and not any(p.match(t) for p in rules.letterhead) \
                    and not any(p.match(t) for p in rules.annex_titles) and fold(t.split()[0]) != "aan":
                end, name_allowed, role_open = j + 1, False, False
            else:
                break
            j += 1
        return i, end
    return None


# A postcode inside a line ("... Binnenhof 22 2513 AA Den Haag ...").
POSTCODE = re.compile(r"\b\d{4} ?[A-Z]{2}\b")
STREET = re.compile(r"^[A-Z][\w'’. -]{2,40}\s\d{1,4}[a-zA-Z]?$")  # "Prinses Irenestraat 6"


def _run_on_address(text: str, rules: CleaningRules) -> bool:
    """A letterhead's address block saved as one line by a news archive ("Afschrift aan de Voorzitter
    van de Eerste Kamer der Staten-Generaal Binnenhof 22 2513 AA Den Haag Bij beantwoording ..."):
    it opens as a letterhead line does and holds a postcode.  (Short lines are _address_block's to judge.)"""
    return len(text) > ADDRESS_LINE and bool(POSTCODE.search(text)) and any(p.match(fold(text)) for p in rules.letterhead)


def _run_on_address_lines(body: list[Line], i: int, rules: CleaningRules, most: int = 4) -> int:
    """How many lines from i hold a run-on address (0: none): its line alone, or the lines of its
    paragraph when a copy wrapped it ("… der Staten-Generaal Binnenhof 22" / "2513 AA Den Haag Bij
    beantwoording …"); at most `most` lines, as an address is.  Short lines after the first are an
    address column, _address_block's to judge."""
    j = i
    while j < len(body) and j - i < most and body[j].text and (j == i or len(body[j].text) > ADDRESS_LINE):
        j += 1
        if _run_on_address(" ".join(g.text for g in body[i:j]), rules):
            # The address goes on where a wrapped line does: "… 2513 AA" / "Den Haag Bij beantwoording …".
            while (j < len(body) and j - i < most and body[j].text
                   and (body[j].text[:1].islower() or ADDRESS_GOES_ON.match(fold(body[j].text))
                        or any_search(rules.letterhead, body[j].text))):
                j += 1
            return j - i
    return 0


def _worded_page_number(text: str) -> bool:
    """"Pagina 3 van 3" under the signature: the page's number, no name."""
    return bool(text and PAGE_NUMBER.match(text.strip()) and not text.strip()[:1].isdigit())


def _attached_paragraph(text: str) -> bool:
    """A paragraph of a document of its own, not a stray line below a signature: saved pages keep a
    paragraph on one line, so an attached agenda may be two long lines (a postscript or note is short)."""
    return len(text.split()) >= ATTACHED_WORDS and not FOOTNOTE_LINE.match(text)


def split_documents(lines: list[Line], rules: CleaningRules) -> list[tuple[list[Line], list[Line], bool]]:
    """Split into (body lines, closing lines, appended?) per document."""
    parts = []
    rest, appended = lines, False
    while rest:
        closing = find_closing(rest, rules)
        if closing is None:
            parts.append((rest, [], appended))
            break
        start, end = closing
        end = _notes_under(rest, start, end)
        after = rest[end:]
        # A few stray lines (or page footers) after the signature are not a document of their own.
        content = (l for l in after if l.text and not any_match(rules.page_patterns, l.text)
                   and not is_webpage(l.text, rules))
        first = list(islice(content, 3))  # stops at three: linear however many documents follow
        # A title that names a document ("GEANNOTEERDE AGENDA VAN …") opens one, however short what is saved of it;
        # so does an enclosure's title over text ("Bijlage: Verslag NAVO-top …" and a paragraph), not a line
        # that only lists what is enclosed.
        titled = bool(first) and (_document_title(first[0].text, rules) or (
            len(first) > 1 and any(p.match(first[0].text) for p in rules.annex_titles)
            and not fold(first[1].text).startswith("bijlage")))
        if len(first) < 3 and not titled and not any(_attached_paragraph(l.text) for l in first):
            parts.append((rest[:start], rest[start:], appended))
            break
        parts.append((rest[:start], rest[start:end], appended))
        rest, appended = after, True
    return parts


def _notes_under(lines: list[Line], start: int, end: int) -> int:
    """The end of a signature (lines[start:end]) with the notes printed under it that the text above it
    cites ("… te Brussel1." / signature / "1 Het verslag van de bijeenkomst … (Kamerstuk 28 676, nr. 220)."),
    before what the letter encloses: they are the letter's, not the enclosure's."""
    j, last = end, end
    while j < len(lines):
        if not lines[j].text:
            j += 1
            continue
        m = FOOTNOTE_LINE.match(lines[j].text)
        if not m or not m.group(1).isascii() or _find_marker(lines, 0, start, m.group(1), None) is None:
            break
        j += 1
        while j < len(lines) and lines[j].text and not FOOTNOTE_LINE.match(lines[j].text):
            j += 1  # the note's further lines
        last = j
    return last


# --- 4. furniture and footnotes ----------------------------------------------------


def _sidebar_label(text: str, rules: CleaningRules) -> str | None:
    """The side-column label a line holds: alone, with its value, or with a title-like rest."""
    f = fold(text).rstrip(":")
    if f in rules.sidebar_labels:
        return f
    for label in rules.sidebar_labels:
        if f.startswith((label + " ", label + ":")):
            rest = text[len(label) + 1:].strip()
            # "Van 30 september ... komen ... bijeen." is a sentence, not a label.
            if _is_value(rest) or (len(label) > 3 and not rest.endswith(".")):
                return label
    return None


def _is_value(text: str) -> bool:
    return bool(DATE_VALUE.match(text) or CODE_VALUE.match(text) or re.fullmatch(r"\d{1,3}", text))


def cells(text: str) -> str:
    """A table row read as one line: "| Datum | 24 maart 2025 |" -> "Datum 24 maart 2025"."""
    return " ".join(row_cells(text)) if "|" in text else text


def row_cells(text: str) -> list[str]:
    """A table row's cells, the empty ones left out: "| Datum | 24 maart 2025 |" -> ["Datum", "24 maart 2025"]."""
    return [c.strip() for c in text.strip().strip("|").split("|") if c.strip()]


def is_webpage(text: str, rules: CleaningRules) -> bool:
    """A line of a saved web page's own text (menu, page metadata, committee dates, footer)."""
    return any_search(rules.webpage, text)


def _table_rule(text: str) -> bool:
    return bool(re.fullmatch(r"[|:\- ]*-{3}[|:\- ]*", text))


def _starts_letter(text: str, rules: CleaningRules) -> bool:
    """A line only a letter's own head (or its salutation) holds."""
    if _table_rule(text):
        return False
    return any(p.match(text) for p in rules.salutations + rules.head_end) or \
        any(p.search(text) for p in rules.letterhead)


def _prose(text: str) -> bool:
    return len(text.split()) >= 10 and text.endswith((".", ";", "?", "!"))


def page_zone(lines: list[Line], rules: CleaningRules, limit: int = 150) -> int:
    """How many lines at the top are a saved web page's own text.

    The zone runs to the page's last line that says so (its metadata, menus,
    lists of committee dates) and stops where the letter begins: its head, its
    salutation, its signature, or a sentence of prose.
    """
    end = 0
    for i, line in enumerate(lines[:limit]):
        t = line.text
        if not t:
            continue
        if is_webpage(t, rules):
            end = i + 1
        elif _starts_letter(t, rules) or _prose(t) or _is_closing(t, rules):
            break
    return end


def head_end(lines: list[Line], rules: CleaningRules, limit: int = 40) -> int | None:
    """Index of the place-and-date line that ends a letter's head, when one stands in its first lines.

    Everything above it is head, whatever it says, unless a sentence of prose
    stands above it (then the date line belongs to the text).
    """
    seen = 0
    for i, line in enumerate(lines):
        t = line.text
        if not t:
            continue
        seen += 1
        # A saved page's own sentences ("Directe link naar document (.pdf), ...") are not the letter's text.
        if seen > limit or (_prose(t) and not any_search(rules.letterhead, t) and not is_webpage(t, rules)):
            return None
        if any(p.match(t) for p in rules.head_end):
            return i
    return None


def _head_line(text: str, rules: CleaningRules) -> bool:
    """A line of a letterhead or printed head, by what it says."""
    t = cells(text)
    return bool(any_search(rules.letterhead, t) or _sidebar_label(t, rules) or t.isupper()
                or _table_rule(text) or is_webpage(text, rules))


def _document_title(text: str, rules: CleaningRules) -> bool:
    """A title in capitals that names what the text is ("GEANNOTEERDE AGENDA …", "VERSLAG VAN …", also
    after "KAMERBRIEF INZAKE"): where a page or an enclosure starts without a letterhead, it opens the
    text; it is no letterhead."""
    if not text.isupper() or any_search(rules.letterhead, text):
        return False
    folded = fold(text)
    for prefix in rules.title_prefixes:
        folded = prefix.sub("", folded, count=1)
    return any(folded.startswith(t + " ") for t in rules.appended_titles)


def _labelled_value(text: str, rules: CleaningRules) -> bool:
    """A side-column label and its value on one line, nothing else: "Datum 11 februari 2014"."""
    t = cells(text)
    label = _sidebar_label(t, rules) if len(t) <= 60 and t[:1].isupper() else None
    value = t[len(label):].strip(" :\t") if label else ""
    # A bare number is no such value: "Bijlage 1" may head a part of the text.
    return bool(DATE_VALUE.match(value) or CODE_VALUE.match(value))


def _continues_field(previous: str, text: str, rules: CleaningRules) -> bool:
    """Is `text` the value of a bare label on the line before ("Betreft" / "Geannoteerde agenda ..."),
    or the rest of a value cut off at a word that cannot end it ("... NAVO-ministers en" / "...")?"""
    if not previous:
        return False
    prev = cells(previous)
    label = _sidebar_label(prev, rules)
    if label is None:
        return False
    if fold(prev).rstrip(":") == label:
        return True
    last = fold(prev.rsplit(" ", 1)[-1])
    return last in rules.continuation_words or text[:1].islower()


def set_furniture_aside(lines: list[Line], rules: CleaningRules, appended: bool,
                        annex: bool = False) -> tuple[list[Line], list[Furniture]]:
    """Take a saved page's text, letterhead, side column and page furniture out of the body.

    annex: the text is the agenda or report a cover letter sends along; it has no head.
    """
    furniture: list[Furniture] = []
    zone = 0 if appended or annex else page_zone(lines, rules)
    furniture += [Furniture(l.no, l.text, "webpage") for l in lines[:zone] if l.text]
    lines = lines[zone:]
    start = 0
    texts = [l.text for l in lines]
    salutation = next((i for i, t in enumerate(texts[:120]) if t and any(p.match(t) for p in rules.salutations)), None)
    title = None
    if appended:
        title = next((i for i, t in enumerate(texts[:60]) if t and len(t) <= 40 and fold(t) in rules.appended_titles), None)
    end = None if appended or annex or salutation is not None else head_end(lines, rules)
    role = "letterhead"
    if annex:
        start = 0  # an enclosure has no head of its own
    elif title is not None:
        start = title + 1
        role = "memo-header"
    elif salutation is not None:
        start = salutation
    elif end is not None:
        start = end + 1
    else:
        previous = ""
        for i, line in enumerate(lines):
            t = line.text
            if not t:
                start = i + 1
                continue
            if _document_title(t, rules):
                break  # "GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN VAN 23 MEI 2016": the text's own title
            # An all-capitals line continues a printed title ("... EN VAN" / "DEFENSIE").
            if _head_line(t, rules) or (_is_value(cells(t)) and start == i) or _continues_field(previous, t, rules):
                start, previous = i + 1, t
                continue
            # The country under the Postbus line of Foreign Affairs' letterhead ("Postbus 20061" / "Nederland").
            if t.isalpha() and previous and POSTAL.match(cells(previous)):
                start, previous = i + 1, t
                continue
            # The addressee's street above its postcode, in a letterhead without a salutation below it.
            following = next((l.text for l in lines[i + 1:i + 3] if l.text), "")
            if STREET.match(t) and POSTCODE.match(following) and _head_line(following, rules):
                start, previous = i + 1, t
                continue
            break
    furniture += [Furniture(l.no, l.text, "webpage" if is_webpage(l.text, rules) else role)
                  for l in lines[:start] if l.text]
    body = lines[start:]

    # Side column repeated on later pages: a bare label with its values.
    kept: list[Line] = []
    i = 0
    while i < len(body):
        line = body[i]
        t = line.text
        if t and len(t) <= 40 and fold(t) in rules.sidebar_labels:
            j = i + 1
            group = [line]
            while j < len(body) and (not body[j].text or _is_value(body[j].text) or fold(body[j].text) in rules.sidebar_labels):
                group.append(body[j])
                j += 1
            if any(_is_value(g.text) for g in group):
                furniture += [Furniture(g.no, g.text, "sidebar") for g in group if g.text]
                kept.append(Line(line.no, "", False))
                i = j
                continue
        end = _address_block(body, i, rules) if t and len(t) <= ADDRESS_LINE else i
        if end > i:
            furniture += [Furniture(g.no, g.text, "letterhead") for g in body[i:end] if g.text]
            kept.extend(Line(g.no, "", False) for g in body[i:end])
            i = end
            continue
        run_on = _run_on_address_lines(body, i, rules) if t else 0
        if run_on:
            furniture += [Furniture(g.no, g.text, "letterhead") for g in body[i:i + run_on]]
            kept.extend(Line(g.no, "", False) for g in body[i:i + run_on])
            i += run_on
            continue
        if t and _labelled_value(t, rules):
            # The side column repeated on a later page, label and value on one line ("Datum 11 februari 2014").
            furniture.append(Furniture(line.no, t, "sidebar"))
            kept.append(Line(line.no, "", True))
            i += 1
            continue
        if t and is_webpage(t, rules):
            furniture.append(Furniture(line.no, t, "webpage"))
            kept.append(Line(line.no, "", False))
            i += 1
            continue
        footer = t and any_match(rules.page_patterns, t)
        worded = _worded_page_number(t)  # "Pagina 2 van 2" needs no blank line
        if t and (footer or worded or (PAGE_NUMBER.match(t) and _isolated(body, i))):
            furniture.append(Furniture(line.no, t, "page"))
            kept.append(Line(line.no, "", True))  # a page break: the sentence may go on
            i += 1
            continue
        kept.append(line)
        i += 1
    return kept, sorted(furniture, key=lambda f: f.line)


def _address_block(body: list[Line], i: int, rules: CleaningRules) -> int:
    """The end of a ministry's address column that stands in the text, or i when none starts at i.

    Some PDF tools write the side column after the page's main text, so "Ministerie van Defensie",
    "Plein 4", "Postbus 20701", "2500 ES Den Haag" can stand between two paragraphs: at least three
    letterhead lines, one of them a postcode or Postbus line, the first one short and none as long
    as a line of prose.  Blank lines and a lone word ("Nederland") may stand between them; the text
    after the last one is text."""
    j = end = i
    count, postal = 0, False
    while j < len(body):
        t = body[j].text
        if t and len(t) <= 2 * ADDRESS_LINE and any_search(rules.letterhead, t):
            count, postal, end = count + 1, postal or bool(POSTAL.match(t)), j + 1
        elif t and (j == i or not t.isalpha()):
            break
        j += 1
    return end if count >= 3 and postal else i


def _isolated(lines: list[Line], i: int) -> bool:
    """A page number stands alone: a blank line (or the text's edge) before or after it."""
    before = lines[i - 1].text if i > 0 else ""
    after = lines[i + 1].text if i + 1 < len(lines) else ""
    return not before or not after


def _marker_pattern(label: str) -> re.Pattern:
    return re.compile(GLUED_MARKER.format(n=re.escape(label)))


def _year_marker_pattern(label: str) -> re.Pattern:
    return re.compile(YEAR_MARKER.format(n=re.escape(label)))


def _find_marker(lines: list[Line], lo: int, hi: int, label: str, superscript: str | None) -> tuple[int, int, int] | None:
    """Last marker for `label` in lines[lo:hi]: (line index, start, end)."""
    found = None
    pattern = _marker_pattern(label)
    for k in range(lo, hi):
        text = lines[k].text
        if (superscript or label) not in text:
            continue  # both patterns match the label (or its superscript) literally
        if superscript:
            for m in re.finditer(re.escape(superscript), text):
                found = (k, m.start(), m.end())
        else:
            for m in pattern.finditer(text):
                found = (k, m.start(1), m.end(1))
    if found is None and not superscript:
        # Only where no word carries it: a year's digits could be read either way.
        year = _year_marker_pattern(label)
        for k in range(lo, hi):
            for m in year.finditer(lines[k].text):
                found = (k, m.start(1), m.end(1))
    return found


def lift_footnotes(lines: list[Line]) -> tuple[list[Line], list[tuple[str, int, list[Line]]], list[Repair]]:
    """Find footnotes at page bottoms; put a marker sentinel where each is cited.

    Returns the body lines (footnote lines and the blank lines before them
    removed, the line after them marked as a page start), the footnotes as
    (label, line number, lines), and repairs of OCR'd markers.
    """
    lines = list(lines)
    notes: list[tuple[str, int, list[Line]]] = []
    repairs: list[Repair] = []
    remove: set[int] = set()
    window_start = 0  # text after the previous footnote group
    group_start: int | None = None
    last_label = 0
    i = 0
    while i < len(lines):
        m = FOOTNOTE_LINE.match(lines[i].text)
        prev_blank = i == 0 or not lines[i - 1].text or (i - 1) in remove
        if m and prev_blank:
            raw_label = m.group(1)
            superscript = None if raw_label.isascii() else raw_label
            label = raw_label.translate(SUPERSCRIPTS)
            if int(label) > last_label:
                hi = group_start if group_start is not None else i
                marker = _find_marker(lines, window_start, hi, label, superscript)
                ocr = None
                if marker is None and not superscript:
                    ocr = _find_ocr_marker(lines, window_start, hi)
                if marker or ocr:
                    k, s, e = marker or ocr
                    t = lines[k].text
                    if ocr:
                        repairs.append(Repair(lines[k].no, t[max(0, s - 12):e + 1], t[max(0, s - 12):s] + t[e:e + 1],
                                              f"voetnootteken {label} door OCR gelezen als '?'"))
                    lines[k] = replace(lines[k], text=t[:s] + FN_OPEN + label + FN_CLOSE + t[e:])
                    body = [replace(lines[i], text=m.group(2))]
                    j = i + 1
                    while j < len(lines):
                        nxt = lines[j]
                        nm = FOOTNOTE_LINE.match(nxt.text)
                        if not nxt.text or nxt.page_start or (nm and int(nm.group(1).translate(SUPERSCRIPTS)) > int(label)
                                                              and not _number_goes_on(body[-1].text, nm, label)):
                            break
                        if body[-1].text.endswith(".") and nxt.text[:1].isupper():
                            break
                        body.append(nxt)
                        j += 1
                    if group_start is None:
                        group_start = i
                        # The blank lines that set the notes off from the text go too.
                        b = i - 1
                        while b >= 0 and not lines[b].text:
                            remove.add(b)
                            b -= 1
                    notes.append((label, lines[i].no, body))
                    remove.update(range(i, j))
                    last_label = int(label)
                    # The text resumes after the notes: maybe mid-sentence.
                    if j < len(lines) and lines[j].text:
                        lines[j] = replace(lines[j], page_start=True)
                    i = j
                    continue
        if lines[i].text and group_start is not None:
            window_start, group_start = i, None
        i += 1
    body = [l for k, l in enumerate(lines) if k not in remove]
    return body, notes, repairs


# A note's line that breaks off mid-sentence ("… van 24 en" / "25 oktober 2019 te Brussel, …"): the number
# that opens the next line goes on with it, unless it is the next note's.
_BROKEN_OFF = re.compile(r"(?:,|\b(?:en|of|tot|t/m|van|op|d\.d\.|de|het|in|te|tussen|sinds|per))$")


def _number_goes_on(before: str, m: re.Match, label: str) -> bool:
    return int(m.group(1).translate(SUPERSCRIPTS)) != int(label) + 1 and bool(_BROKEN_OFF.search(before.rstrip()))


def _find_ocr_marker(lines: list[Line], lo: int, hi: int) -> tuple[int, int, int] | None:
    found = None
    for k in range(lo, hi):
        for m in OCR_MARKER.finditer(lines[k].text):
            found = (k, m.start(), m.end())
    return found


# --- 5. reflow ------------------------------------------------------------------------


WIDTH_LINES = 8  # fewer lines tell no wrap width


def wrap_width(lines: list[Line], whole: bool = False) -> int | None:
    """The width the PDF wrapped lines at, or None when each line is a paragraph.  `whole`: the
    lines of a whole file, wrapped at one width only when no line runs past it."""
    lengths = sorted(len(l.text) for l in lines if l.text)
    if len(lengths) < WIDTH_LINES:
        return None
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    if whole and lengths[-1] > 1.1 * p90:
        return None
    return None if p90 > 130 else p90


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def _ends_sentence(text: str) -> bool:
    if text.endswith(FN_CLOSE):
        return True
    text = text.rstrip(CLOSERS)
    if not text.endswith(SENTENCE_END):
        return False
    last = text.rsplit(" ", 1)[-1].rstrip(".").lower()
    return last not in cleaning_rules().period_abbreviations


def _stands_alone(b: Line, after: Line, width: int) -> bool:
    """Is b, after a sentence's end, a line of its own (a heading), although the line before it is full?
    Inside a paragraph it would be full too, and as the paragraph's last line it would end its sentence:
    a short line without an end, followed by a new sentence, is neither ("... onbemande vliegtuigen." /
    "Operaties" / "In de Centraal-Afrikaanse Republiek ...")."""
    text = b.text
    return (len(text) < 0.6 * width and len(text.split()) <= 8 and text[:1].isupper()
            and not text.endswith((".", ",", ";", ":", "?", "!", "-", ")"))
            and fold(text.rsplit(" ", 1)[-1]) not in cleaning_rules().continuation_words
            and after.text[:1].isupper() and not after.page_start)


NUMBER_BROKEN = re.compile(r"\d[-\u2010\u2011]$")


def continues(a: Line, b: Line, blank_between: bool, width: int | None, a_first: bool,
              after: Line | None = None, under_heading: bool = False) -> bool:
    """Does line b continue the paragraph that line a ends?  `a_first`: a opened its paragraph;
    `after`: the line after b, when no blank line stands between them; `under_heading`: the line
    before a stood alone without ending a sentence (a heading)."""
    if a.text.endswith(("-", SOFT_HYPHEN)) and b.text[:1].isalpha():
        return not blank_between or b.text[:1].islower()
    if not blank_between and NUMBER_BROKEN.search(a.text) and b.text[:1].isdigit():
        return True  # a number broken at its hyphen: "(Kamerstuk 21 501-" / "28, nr. 240)"
    if blank_between:
        # Blank lines where a page broke mid-sentence: "met daarbij een" ... "bonusregeling", or
        # "… aan voor de" ... "NAVO-ministers": no paragraph (nor heading) ends on an article or a
        # preposition like that.
        if _ends_sentence(a.text) or BULLET.match(b.text):
            return False
        return b.text[:1].islower() or (b.text[:1].isalnum()
                                        and fold(a.text.rsplit(" ", 1)[-1]) in cleaning_rules().broken_off_words)
    if BULLET.match(b.text) or (LIST_ITEM.match(b.text) and _ends_sentence(a.text)):
        return False
    # A line that leaves a bracket open ends no paragraph: "... (TK, Kamerstuk" / "2007-2008, 22112, nr. 581)".
    if a.text.count("(") > a.text.count(")"):
        return True
    # Nor does a bracket open one after a line that ends no sentence: "... de Raad Buitenlandse Zaken" /
    # "(RBZ) met ...", "... de geannoteerde agenda" / "(Kamerstuk 21 501-28, nr. 283)." ("(1)" opens an item).
    if b.text.startswith("(") and not _ends_sentence(a.text) and not NUMBERED_ITEM.match(b.text):
        return True
    lower = b.text[:1].islower() or b.text[:1] in ",;)"
    if b.page_start:
        return lower or not _ends_sentence(a.text)
    if _ends_sentence(a.text):
        if width is not None and after is not None and _stands_alone(b, after, width):
            return False
        # Only a full line ends a sentence mid-paragraph; a short one ends the paragraph.
        return width is not None and len(a.text) + 1 + len(_first_word(b.text)) > 0.92 * width
    # "... die op 7 en" / "8 december": no paragraph ends on such a word.
    if lower or fold(a.text.rsplit(" ", 1)[-1]) in cleaning_rules().continuation_words:
        return True
    if width is None:
        return False
    if not a_first or any_match(cleaning_rules().sentence_openings, a.text):
        return True
    if len(a.text) >= 0.8 * width:
        return True
    if (under_heading and len(a.text) >= 0.6 * width and len(a.text.split()) >= 8
            and (". " in b.text or _ends_sentence(b.text))):
        return True  # the first line of a section's text, in a file whose lines run unevenly long
    # A short opening line without a period is a heading, unless b's first word could not have
    # fitted on it and b is a full line of text: "... de informele Raad" / "Buitenlandse Zaken met ...".
    return len(a.text) + 1 + len(_first_word(b.text)) > width and len(b.text) >= 0.8 * width


def keep_hyphen(head: str, tail: str, rules: CleaningRules, lexicon: Lexicon) -> bool:
    """Is the hyphen at the end of `head` (removed) part of the word `head`+`tail`?"""
    x_full = head.split(" ")[-1]
    x = x_full.split("-")[-1]
    y = re.match(r"[^\W_]*", tail).group(0)
    if not x or not y:
        return True
    capitals = re.match(r"[A-Z]*", y).group(0)
    if len(x) > 1 and x.isupper() and capitals and not lexicon.in_corpus(f"{x}-{capitals}") \
            and lexicon.in_corpus(x + capitals):
        return False  # an abbreviation split at the line's end: "de NA-" / "VO-ministers"
    if len(x) == 1 or any(c.isupper() for c in x[1:]) or any(c.isdigit() for c in x) or x.isupper():
        return True  # NAVO-, F-, AIV-
    if y[0].isupper() or y[0].isdigit():
        return True  # NATO-Ukraine, trans-Atlantische
    hyphenated, joined = lexicon.in_corpus(f"{x_full}-{y}"), lexicon.in_corpus(f"{x_full}{y}")
    if hyphenated != joined:
        return hyphenated > joined
    if lexicon.known(x + y):
        return False
    if lexicon.known(f"{x}-{y}"):
        return True
    return (x[-1] + y[0]).lower() in rules.hyphen_vowel_pairs


def joint(a: str, b: str, rules: CleaningRules, lexicon: Lexicon) -> tuple[str, str]:
    """How line b joins the text ending in a: (a without a dropped hyphen, separator + b).

    Only a's end is read, so a paragraph grows by appending pieces, never by
    copying itself (a letter that is one long paragraph stays linear).
    """
    if a.endswith(SOFT_HYPHEN):
        return a[:-1], b
    if a.endswith("-") and b[:1].isalpha():
        head = a[:-1]
        if fold(_first_word(b)).strip(",.;:") in rules.elliptic_conjunctions:
            return a, " " + b  # "lucht- en raketverdediging"
        if head.endswith(" "):
            return a, " " + b  # a dash standing alone ("Defensie -" / "Gereedheid"), no split word
        if not head or not head[-1].isalpha():
            return a, b  # "(NUC)-format"
        return (a, b) if keep_hyphen(head[-200:], b, rules, lexicon) else (head, b)
    if NUMBER_BROKEN.search(a) and b[:1].isdigit():
        return a, b  # "21 501-" / "28, nr. 240": one number
    return a, " " + b


def join_lines(a: str, b: str, rules: CleaningRules, lexicon: Lexicon) -> str:
    head, tail = joint(a, b, rules, lexicon)
    return head + tail


@dataclass
class _Para:
    lines: list[Line]
    pieces: list[str]

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def reflow(lines: list[Line], rules: CleaningRules, lexicon: Lexicon,
           file_width: int | None = None) -> list[_Para]:
    width = wrap_width(lines)
    if sum(1 for l in lines if l.text) < WIDTH_LINES:
        width = file_width  # too few lines of its own (a cover letter before its agenda): the file's width
    paras: list[_Para] = []
    blank = True
    for i, line in enumerate(lines):
        if not line.text:
            blank = blank or not line.page_start
            continue
        after = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].text else None
        under_heading = len(paras) >= 2 and len(paras[-2].lines) == 1 and not _ends_sentence(paras[-2].text)
        if paras and continues(paras[-1].lines[-1], line, blank, width, len(paras[-1].lines) == 1, after,
                               under_heading):
            para = paras[-1]
            para.pieces[-1], tail = joint(para.pieces[-1], line.text, rules, lexicon)
            para.pieces.append(tail)
            para.lines.append(line)
        else:
            paras.append(_Para([line], [line.text]))
        blank = False
    return paras


def join_footnote(lines: list[Line], rules: CleaningRules, lexicon: Lexicon) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = join_lines(text, line.text, rules, lexicon)
    return text


# --- 6. headings -----------------------------------------------------------------------


def _heading_candidate(p: _Para, rules: CleaningRules, lines: int = 1) -> bool:
    """Could paragraph `p` be a heading?  `lines`: how many lines it may run to."""
    text = p.text
    words = text.split()
    if len(p.lines) > lines or not 1 <= len(words) <= 14 or len(text) > 110:
        return False
    numbered = NUMBERED.match(text)
    if numbered and not text[numbered.end()].isupper():
        return False
    if (LIST_ITEM.match(text) and not numbered) or not (text[0].isupper() or text[0].isdigit() or text[0] in "*‘“'\""):
        return False
    if text.endswith((",", ";", ":", "?", "!", "-")) or FN_OPEN in text:
        return False
    if any_match(rules.not_headings, text) or any_match(rules.sentence_openings, text):
        return False
    if text.endswith("."):
        lowered = {fold(w.strip(".,;:()*")) for w in words}
        return len(words) <= 10 and not lowered & rules.clause_words
    return True


TABLE_RUN = 4  # short paragraphs in a row, no text among them: a table's cells, one per line
CELL_WORDS = 5


def _table_cells(paras: list[_Para]) -> set[int]:
    """Paragraphs that are the cells of a table saved one cell per line ("RAZ" / "RBZ" / "20 maart
    2018" / "Afgemeld" / ...): runs of TABLE_RUN or more short lines without a sentence among
    them.  No heading stands over so little text, nor heads a run of headings that long."""
    cells: set[int] = set()
    run: list[int] = []
    for i, p in enumerate(paras + [None]):
        short = p is not None and len(p.lines) == 1 and len(p.text.split()) <= CELL_WORDS \
            and not p.text.endswith((".", ":", ";", ",")) and not LIST_ITEM.match(p.text)
        if short:
            run.append(i)
            continue
        if len(run) >= TABLE_RUN:
            cells.update(run)
        run = []
    return cells


def _rank(text: str, rules: CleaningRules, announced: str) -> int:
    key = heading_key(text)
    if key in rules.main_headings:
        return 2
    if len(key.split()) >= 3 and key in announced:
        return 2  # a part the subject line or the opening paragraph announces
    return 3


def mark_headings(paras: list[_Para], rules: CleaningRules, announced: str) -> list[tuple[str, int]]:
    """Kind and level per paragraph: ("heading", 2|3), ("paragraph"|"item", 0)."""
    kinds: list[tuple[str, int]] = []
    cells = _table_cells(paras)
    for i, p in enumerate(paras):
        is_heading = _heading_candidate(p, rules) and i + 1 < len(paras) and i not in cells
        if is_heading and i and paras[i - 1].text.endswith(","):
            is_heading = False  # the line goes on from a comma: a signer's name under its role, no heading
        if is_heading and NUMBERED.match(p.text) and NUMBERED.match(paras[i + 1].text):
            is_heading = False  # "1. ..." followed by "2. ...": a numbered list, not a heading
        if is_heading and p.text.endswith("."):
            prev_heading = bool(kinds) and kinds[-1][0] == "heading"
            next_heading = _heading_candidate(paras[i + 1], rules) and not paras[i + 1].text.endswith(".")
            is_heading = bool(kinds) and not prev_heading and not next_heading
        if is_heading:
            kinds.append(("heading", 0))
        else:
            kinds.append(("item" if LIST_ITEM.match(p.text) else "paragraph", 0))
    # A heading directly above another heading has no text of its own: a container.
    headings = [i for i, (k, _) in enumerate(kinds) if k == "heading"]
    meeting_heads = [i for i in headings if heading_key(paras[i].text) in rules.meeting_headings
                     and heading_key(paras[i].text) not in rules.main_headings]
    if len(meeting_heads) >= 2:
        # The letter is organised per meeting: those are the main headings.
        for i in headings:
            kinds[i] = ("heading", 2 if i in meeting_heads else 3)
        return kinds
    numbered = [NUMBERED.match(paras[i].text) for i in headings]
    if numbered and all(numbered):
        # The letter numbers its headings: "1." is a main heading, "1.1" a sub-heading.
        for i, m in zip(headings, numbered):
            kinds[i] = ("heading", 2 if m.group(1).count(".") == 0 else 3)
        return kinds
    if not any(_rank(paras[i].text, rules, announced) == 2 for i in headings):
        # No heading is known as a main one ("Sterk", "Slim", "Samen"): nothing shows which heading
        # stands over which, so they are siblings, not the first over the rest.
        return [("heading", 2) if k == "heading" else (k, level) for k, level in kinds]
    seen_main = False
    for i in headings:
        container = i + 1 < len(kinds) and kinds[i + 1][0] == "heading"
        rank = 2 if container or not seen_main else _rank(paras[i].text, rules, announced)
        kinds[i] = ("heading", rank)
        seen_main = seen_main or rank == 2
    return kinds


# --- marks ----------------------------------------------------------------------------


def extract_marks(text: str) -> tuple[str, tuple[Mark, ...]]:
    """Turn footnote sentinels and *emphasis* into marks on the plain text."""
    marks: list[Mark] = []
    out: list[str] = []
    pos = 0
    length = 0
    pattern = re.compile(f"{FN_OPEN}([^{FN_CLOSE}]*){FN_CLOSE}|" + EMPHASIS.pattern)
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        if m.group(1) is not None:
            marks.append(Mark(length, length, "footnote", m.group(1)))
        else:
            inner, inner_marks = extract_marks(m.group("inner"))
            marks.append(Mark(length, length + len(inner), "emphasis"))
            marks += [Mark(k.start + length, k.end + length, k.kind, k.value) for k in inner_marks]
            out.append(inner)
            length += len(inner)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), tuple(sorted(marks, key=lambda k: (k.start, k.end)))


def _block(kind: str, text: str, line: int, level: int = 0) -> Block:
    if kind == "item":
        text = BULLET.sub("", text, count=1)
    plain, marks = extract_marks(text)
    return Block(kind, plain, line, marks, level)


# --- the stage -----------------------------------------------------------------------


def annex_title(lines: list[Line], rules: CleaningRules) -> int | None:
    """Index of the title line when `lines` (the text after a signature) open with the agenda or
    report itself ("GEANNOTEERDE AGENDA VAN DE NAVO TOP ...", "Verslag van de bijeenkomst ..."):
    a cover letter's enclosure, which belongs to the letter."""
    marked = False  # an enclosure's mark alone on the line above its title: "Bijlage" / "Verslag van …"
    for i, line in enumerate(lines):
        t = line.text
        if not t or any_match(rules.page_patterns, t) or is_webpage(t, rules):
            continue
        if not marked and ENCLOSURE_MARK.match(t):
            marked = True
            continue
        return i if len(t) <= 160 and any(p.match(t) for p in rules.annex_titles) else None
    return None


ENCLOSURE_MARK = re.compile(r"^bijlage(?: \d{1,2})?\s*:?$", re.IGNORECASE)


def is_enclosure(lines: list[Line], rules: CleaningRules) -> bool:
    """Is the text after a signature what the letter sends along (the agenda or report itself, titled
    or not), rather than a document with a head of its own (a memo: "Nota", "Aan MINDEF", ...)?"""
    if annex_title(lines, rules) is not None:
        return True
    content = [l.text for l in lines if l.text and not any_match(rules.page_patterns, l.text)
               and not is_webpage(l.text, rules)][:12]
    if not content or _head_line(content[0], rules) or any(p.match(content[0]) for p in rules.salutations):
        return False
    # A memo's own head: its title ("Nota"), or a column of labels ("Aan MINDEF", "Van DGB", "Datum").
    labels = sum(1 for t in content if fold(t).split(" ", 1)[0].rstrip(":") in rules.sidebar_labels
                 or fold(t).rstrip(":") in rules.sidebar_labels)
    return labels < 2 and not any(len(t) <= 40 and fold(t) in rules.appended_titles for t in content)


def _memos_apart(parts: list[tuple[list[Line], list[Line], bool]],
                 rules: CleaningRules) -> list[tuple[list[Line], list[Line], bool]]:
    """A memo after the enclosure a letter sends, both below the letter's signature and only the memo
    signed ("Verslag …" text, then "Nota" / "Aan: …" / "Van: …" / "Datum: …" and its signature): the
    enclosure joins the letter, the memo is a document of its own, its head no part of the letter's."""
    out = []
    for body, closing, appended in parts:
        start = _memo_start(body, rules) if appended and annex_title(body, rules) is not None else None
        if start:
            out += [(body[:start], [], True), (body[start:], closing, True)]
        else:
            out.append((body, closing, appended))
    return out


def _memo_start(lines: list[Line], rules: CleaningRules) -> int | None:
    """Index of a memo's title line ("Nota") followed by at least two of its head's labels."""
    for i, line in enumerate(lines):
        if not (line.text and len(line.text) <= 40 and fold(line.text) in rules.memo_titles):
            continue
        following = [l.text for l in lines[i + 1:i + 8] if l.text][:4]
        labels = sum(1 for t in following if fold(t).split(" ", 1)[0].rstrip(":") in rules.sidebar_labels)
        if labels >= 2:
            return i
    return None


def _title_goes_on(title: str, line: str, last: bool, rules: CleaningRules) -> bool:
    """Does `line` continue a title wrapped at its end?  A title in capitals goes on in capitals;
    another after a split word or a word no title ends on, before lower case or a number, or when
    a long title's next line is the last before a blank line."""
    if not line or len(title) + len(line) > 200 or line.endswith(".") or NUMBERED.match(line) \
            or any_match(rules.page_patterns, line):
        return False
    if title.isupper():
        return line.isupper()  # "GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN" / "(RBZ) VAN 6 MAART 2017"
    return title.endswith("-") or line[0].islower() or line[0].isdigit() \
        or fold(title.rsplit(" ", 1)[-1]) in rules.continuation_words \
        or (last and len(title) >= 40 and not title.endswith((":", ",")))


def build_document(body: list[Line], closing: list[Line], appended: bool, rules: CleaningRules,
                   lexicon: Lexicon, annex: bool = False,
                   file_width: int | None = None) -> tuple[Document, list[Repair]]:
    title_block = None
    k = annex_title(body, rules) if annex else None
    if k is not None:
        # The enclosure's title is its first heading, never run on into the text below it; only
        # its own wrapped lines join it ("... Raad Algemene Za-" / "ken en Externe Betrekkingen").
        end, title = k + 1, body[k].text
        while end < len(body) and _title_goes_on(title, body[end].text,
                                                 end + 1 == len(body) or not body[end + 1].text, rules):
            title, end = join_lines(title, body[end].text, rules, lexicon), end + 1
        title_block = _block("heading", title, body[k].no, 2)
        body = body[:k] + [Line(body[k].no, "", False)] + body[end:]
    # Notes printed below the signature ("1 Zie ook ...") are the text's footnotes, not the closing.
    tail = next((k for k, l in enumerate(closing) if k and FOOTNOTE_LINE.match(l.text)
                 and not _is_closing(l.text, rules)), None)
    trailing: list[Line] = []
    if tail is not None:
        closing, trailing = closing[:tail], [Line(closing[tail].no, "", True)] + closing[tail:]
    body, furniture = set_furniture_aside(body + trailing, rules, appended, annex)
    body, notes, repairs = lift_footnotes(body)
    paras = reflow(body, rules, lexicon, file_width)
    title = None
    if appended:
        title = next((f.text for f in furniture if fold(f.text) in rules.appended_titles), "Bijlage")
    # What the subject line and the opening paragraph announce, for heading levels.
    subject = " ".join(f.text for f in furniture if f.role in ("letterhead", "sidebar"))
    intro = []
    for p in paras:
        if _heading_candidate(p, rules):
            break
        intro.append(p.text)
    announced = heading_key(subject + " " + " ".join(intro))
    kinds = mark_headings(paras, rules, announced)
    blocks: list[Block] = []
    for n, (p, (kind, level)) in enumerate(zip(paras, kinds)):
        if n == 0 and (kind == "heading" or _wrapped_title(paras, rules)) \
                and (appended or not headless_title_ok(furniture, annex)):
            kind, level = "subject", 0  # a memo's first line, or the title over a headless letter, names its subject
        blocks.append(_block(kind, p.text, p.lines[0].no, level))
    if title_block:
        # After what stands above it: the enclosure's mark ("Bijlage" over "Verslag van …").
        blocks.insert(sum(b.line < title_block.line for b in blocks), title_block)
    for line in closing:
        if any_match(rules.page_patterns, line.text) or _worded_page_number(line.text):
            furniture.append(Furniture(line.no, line.text, "page"))
        elif line.text and is_webpage(line.text, rules):
            furniture.append(Furniture(line.no, line.text, "webpage"))
        elif line.text and any_search(rules.letterhead, cells(line.text)) and "voorzitter" not in fold(line.text):
            # a page's letterhead under the signature ("Pagina 1/1" / "Ministerie van Defensie"): no signer (a copy's
            # addressee, "Afschrift aan:" / "de Voorzitter van de Eerste Kamer …", stays the closing's)
            furniture.append(Furniture(line.no, line.text, "letterhead"))
        elif line.text:
            blocks.append(_block("closing", line.text, line.no))
    footnotes = []
    for label, no, lines in notes:
        plain, marks = extract_marks(join_footnote(lines, rules, lexicon))
        footnotes.append(Footnote(label, plain, no, marks))
    first = min([b.line for b in blocks] + [f.line for f in furniture] or [1])
    furniture.sort(key=lambda f: f.line)
    return Document(tuple(blocks), tuple(footnotes), tuple(furniture), title, first), repairs


def _wrapped_title(paras: list[_Para], rules: CleaningRules) -> bool:
    """Is the first paragraph a title wrapped onto a second line ("Kamerbrief inzake informele
    NAVO-ministeriële Oslo, 26 en 27" / "april 2007")?  Short, ending in no full stop, and apart from
    the text below by a blank line, as a title stands (a news item's byline under its headline does not)."""
    p = paras[0]
    return (len(p.lines) == 2 and len(paras) > 1 and paras[1].lines[0].no > p.lines[-1].no + 1
            and not p.text.endswith(".") and _heading_candidate(p, rules, lines=2))


def headless_title_ok(furniture: list[Furniture], annex: bool) -> bool:
    """May the first line of the text be a heading?  Not when the letter has no head of its own: then a
    title line above it (a news archive's, "Kamerbrief inzake ...") names its subject."""
    return annex or any(f.role in ("letterhead", "sidebar", "memo-header") for f in furniture)


NOTE_LABEL = re.compile(r"^\d{1,2}$")


def join_note_labels(lines: list[Line], rules: CleaningRules) -> list[Line]:
    """Under the official site's notes heading ("X Noot") each label stands on a line of its own
    above its note ("1" / "" / "Ter inzage gelegd ..."): put label and note on one line, as printed."""
    out: list[Line] = []
    notes = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_webpage(line.text, rules) and fold(line.text).endswith("noot"):
            notes = True
        elif notes and NOTE_LABEL.match(line.text):
            j = i + 1
            while j < len(lines) and not lines[j].text:
                j += 1
            if j < len(lines) and not NOTE_LABEL.match(lines[j].text) and not is_webpage(lines[j].text, rules):
                out.append(replace(line, text=f"{line.text} {lines[j].text}"))
                out += [Line(l.no, "", False) for l in lines[i + 1:j + 1]]
                i = j + 1
                continue
        out.append(line)
        i += 1
    return out


def join_documents(letter: Document, annex: Document) -> Document:
    return replace(letter, blocks=letter.blocks + annex.blocks, footnotes=letter.footnotes + annex.footnotes,
                   furniture=tuple(sorted(letter.furniture + annex.furniture, key=lambda f: f.line)))


def split_run_on_head(lines: list[Line], rules: CleaningRules, limit: int = 40) -> list[Line]:
    """A head run on into the text on one line ("… Staten-Generaal Den Haag, 7 november 2014 Hierbij …",
    cleaning.yaml `run_on_heads`) as two lines, the head's and the text's, both of the source's line:
    the head is set aside as a head, and the text is read as the letter's opening."""
    for i, line in enumerate(lines[:limit]):
        m = next((m for p in rules.run_on_heads if (m := p.match(line.text))), None)
        if m and (_head_line(m["head"], rules) or any(p.match(m["head"]) for p in rules.head_end)):
            # a letter has one head
            return lines[:i] + [Line(line.no, m["head"], line.page_start), Line(line.no, ""),
                                Line(line.no, m["rest"])] + lines[i + 1:]
    return lines


def clean(source: str, text: str, lexicon: Lexicon, rules: CleaningRules | None = None) -> CleanText:
    rules = rules or cleaning_rules()
    lines = split_run_on_head(single_spaced(split_lines(text, rules)), rules)
    lines, repairs = repair_lines(lines, rules, lexicon)
    lines = join_note_labels(lines, rules)
    documents: list[Document] = []
    parts = split_documents(lines, rules)
    # Table rows ("Datum | 12 mei 2025") are never wrapped: they tell nothing of the width.
    file_width = wrap_width([l for body, _, _ in parts for l in body if "|" not in l.text], whole=True)
    for body, closing, appended in _memos_apart(parts, rules):
        annex = appended and bool(documents) and documents[-1].title is None and is_enclosure(body, rules)
        document, more = build_document(body, closing, appended and not annex, rules, lexicon, annex, file_width)
        repairs += more
        if annex:
            # A cover letter and the agenda or report it sends are one letter.
            documents[-1] = join_documents(documents[-1], document)
        elif document.blocks or document.furniture:
            documents.append(document)
    return CleanText(source, tuple(documents), tuple(sorted(repairs, key=lambda r: r.line)))
