"""PDF: text with positions and font sizes (pdfplumber), read by its layout.

What the layout tells, and the characters alone do not:

- the side column of a Rijksoverheid letter (Datum, Betreft, Onze referentie,
  the ministry's address) stands right of all body text: on the first page it
  is written before the body, as the letterhead it is; on later pages, where
  it repeats, it is set aside as furniture;
- running heads, footers and page numbers stand in the top or bottom margin
  and repeat from page to page (or are known page lines: "kst-…", "ISSN …"):
  set aside as furniture;
- footnotes are set smaller than the body and stand below it; their markers
  are small digits raised above the body's baseline;
- a paragraph ends where the gap to the next line is wider than the line
  pitch; a page that ends with a full line goes on on the next page.

The text is written as textform.TextForm describes, so the clean stage joins
words split at line ends and lifts the footnotes by the same rules as for a
plain text.  A PDF without a text layer (a scan) is reported, not guessed at.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from ..knowledge import cleaning_rules
from ..model import Furniture, Problem, Source
from . import register
from .textform import TextForm, superscript

SIDE_GUTTER = 14.0  # points of white between the body and a side column
MARGIN_BAND = 0.085  # share of the page height at top and bottom where running heads and footers stand
# Typographic ligatures as PDFs store them ("ﬁnanciële"): the letters they stand for.
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
PAGE_LINE = re.compile(r"^(?:pagina |blad |p\. )?\d{1,3}(?: ?(?:van|/|of) ?\d{1,3})?$", re.IGNORECASE)


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    marker: bool = False


@dataclass
class Line:
    words: list[Word]
    page: int

    @property
    def top(self) -> float:
        return min(w.top for w in self.words if not w.marker) if any(not w.marker for w in self.words) \
            else min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def size(self) -> float:
        sizes = Counter()
        for w in self.words:
            if not w.marker:
                sizes[round(w.size, 1)] += len(w.text)
        return sizes.most_common(1)[0][0] if sizes else self.words[0].size

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if not w.marker)

    @property
    def text(self) -> str:
        out = ""
        previous: Word | None = None
        italic = False  # inside a run of italic words: written *so*, as conversion tools do
        for w in sorted(self.words, key=lambda w: w.x0):
            if w.marker:
                out += superscript(w.text)  # glued to the word it follows
            else:
                # Split from its neighbour only by a change of size (after a marker): no space.
                touching = previous is not None and w.x0 - previous.x1 < 0.16 * w.size
                space = "" if not out or touching else " "
                if w.italic and not italic:
                    out, space = out + space + "*", ""
                elif italic and not w.italic:
                    out += "*"
                italic = w.italic
                out += space + w.text
            previous = w
        return out + ("*" if italic else "")


def _words(page) -> list[Word]:
    # A gap of a sixth of the font size between letters is a space, whether or not the PDF has one.
    found = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, use_text_flow=False,
                               x_tolerance_ratio=0.16)
    return [Word(unicodedata.normalize("NFC", w["text"].translate(LIGATURES)), w["x0"], w["x1"], w["top"], w["bottom"], w["size"],
                 bool(re.search(r"bold|black|heavy|semibold", w["fontname"], re.IGNORECASE)),
                 bool(re.search(r"italic|oblique", w["fontname"], re.IGNORECASE)))
            for w in found if w["text"].strip()]


def _mark_markers(words: list[Word], body: float) -> None:
    """Small digits raised above a body-size word they follow are footnote markers."""
    big = [w for w in words if w.size >= 0.9 * body]
    for w in words:
        if w.size >= 0.8 * body or not re.fullmatch(r"\d{1,2}", w.text):
            continue
        for b in big:
            if abs(b.x1 - w.x0) < 1.5 and b.bottom - 0.75 * body < w.bottom < b.bottom - 0.5:
                w.marker = True
                break


def _lines(words: list[Word], page: int) -> list[Line]:
    """Words on one baseline form a line; a marker joins the line it is raised above."""
    lines: list[Line] = []
    for w in sorted((w for w in words if not w.marker), key=lambda w: (round(w.bottom, 1), w.x0)):
        if lines and abs(lines[-1].words[-1].bottom - w.bottom) <= 2.0:
            lines[-1].words.append(w)
        else:
            lines.append(Line([w], page))
    for m in (w for w in words if w.marker):
        host = min(lines, key=lambda l: abs(l.bottom - m.bottom) + (0 if l.x0 <= m.x0 <= l.x1 + 2 else 1000),
                   default=None)
        if host is not None:
            host.words.append(m)
    return sorted(lines, key=lambda l: (l.top, l.x0))


def _ends_italic(line: Line) -> bool:
    words = [w for w in sorted(line.words, key=lambda w: w.x0) if not w.marker]
    return bool(words) and words[-1].italic


def _gutter(lines: list[Line], width: float) -> float | None:
    """The left edge of a side column: right of a gutter no word crosses, in the page's right half."""
    covered = sorted((w.x0, w.x1) for l in lines for w in l.words)
    edge = None
    reach = 0.0
    for x0, x1 in covered:
        if reach and x0 - reach >= SIDE_GUTTER and 0.5 * width <= reach and x0 <= 0.9 * width:
            edge = x0
            break
        reach = max(reach, x1)
    return edge


def _split_side_column(lines: list[Line], width: float) -> tuple[list[Line], list[Line]]:
    """(main column, side column)."""
    edge = _gutter(lines, width)
    if edge is None:
        return lines, []
    main: list[Line] = []
    side: list[Line] = []
    for line in lines:
        left = [w for w in line.words if w.x0 < edge]
        right = [w for w in line.words if w.x0 >= edge]
        if left:
            main.append(Line(left, line.page))
        if right:
            side.append(Line(right, line.page))
    return main, side


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def read_pdf(path: Path, name: str) -> Source:
    raw = path.read_bytes()
    problems: list[Problem] = []
    digest = hashlib.sha1(raw).hexdigest()

    def failed(message: str) -> Source:
        problems.append(Problem(name, message, level="error"))
        return Source(name, path, None, "pdf", digest, tuple(problems), reader="pdf")

    import pdfplumber  # only a build with PDFs pays for loading it
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(path)
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as exc:
        return failed(f"geen leesbare PDF ({type(exc).__name__}); overgeslagen")
    except Exception as exc:  # pdfminer raises many kinds on damaged files; the build goes on
        return failed(f"PDF kan niet worden gelezen: {exc}; overgeslagen")
    with pdf:
        pages = [(p.width, p.height, _words(p)) for p in pdf.pages]
    if not any(words for _, _, words in pages):
        return failed(f"PDF zonder tekstlaag ({len(pages)} pagina's, waarschijnlijk een scan): "
                      "er is geen tekst om te lezen; zet de brief om met OCR of voeg de tekst als .txt toe")
    sizes = Counter()
    for _, _, words in pages:
        for w in words:
            sizes[round(w.size, 1)] += len(w.text)
    body = sizes.most_common(1)[0][0]
    rules = cleaning_rules()

    # Lines per page, markers found, side column split off.
    laid: list[tuple[float, float, list[Line], list[Line]]] = []
    for n, (width, height, words) in enumerate(pages, start=1):
        _mark_markers(words, body)
        main, side = _split_side_column(_lines(words, n), width)
        laid.append((width, height, main, side))

    # Running heads and footers: margin lines whose text (digits aside) recurs on another page.
    margin_texts = Counter()
    for width, height, main, side in laid:
        for line in main + side:
            if line.top < MARGIN_BAND * height or line.bottom > (1 - MARGIN_BAND) * height:
                margin_texts[_norm(line.text)] += 1

    def is_page_furniture(line: Line, height: float) -> bool:
        in_margin = line.top < MARGIN_BAND * height or line.bottom > (1 - MARGIN_BAND) * height
        t = line.text
        known = any(p.match(t) for p in rules.page_patterns)
        return known or (in_margin and (margin_texts[_norm(t)] > 1 or bool(PAGE_LINE.match(t))))

    form = TextForm()
    furniture: list[tuple[int, str, str]] = []  # (page, text, role); line numbers come after writing
    previous_full = False
    page_line: dict[int, int] = {}
    for n, (width, height, main, side) in enumerate(laid, start=1):
        page_line[n] = len(form.lines) + 1
        kept = []
        for line in main:
            if is_page_furniture(line, height):
                furniture.append((n, line.text, "page"))
            else:
                kept.append(line)
        side_kept = []
        for line in side:
            if is_page_furniture(line, height):
                furniture.append((n, line.text, "page"))
            else:
                side_kept.append(line)
        if n > 1:
            # The side column repeats on later pages: furniture, not text.
            furniture += [(n, l.text, "sidebar") for l in side_kept]
            side_kept = []
        # Footnotes: smaller than the body, below the last body-size line.
        last_body = max((l.bottom for l in kept if l.size >= 0.9 * body), default=0)
        notes = [l for l in kept if l.top > last_body and l.size < 0.9 * body]
        text_lines = [l for l in kept if l not in notes]
        if side_kept:
            for line in side_kept:
                form.line(line.text)
            form.paragraph_break()
        pitch = median([b.top - a.top for a, b in zip(text_lines, text_lines[1:]) if b.top > a.top] or [body * 1.3])
        right = max((l.x1 for l in text_lines), default=0)
        for i, line in enumerate(text_lines):
            if i == 0:
                if n > 1 and not previous_full:
                    form.paragraph_break()
            elif line.top - text_lines[i - 1].top > 1.45 * pitch or \
                    abs(line.size - text_lines[i - 1].size) > 0.5:
                form.paragraph_break()
            elif line.bold and text_lines[i - 1].bold and form.lines and form.lines[-1]:
                # A bold heading wrapped over two lines is one heading.
                form.lines[-1] += " " + line.text
                continue
            text = line.text
            if text.startswith("*") and i and _ends_italic(text_lines[i - 1]) and form.lines[-1].endswith("*"):
                # An italic run that goes on over the line end is one run.
                form.lines[-1], text = form.lines[-1][:-1], text[1:]
            form.line(text)
        if text_lines:
            last = text_lines[-1]
            previous_full = last.x1 >= right - 0.06 * (right - min(l.x0 for l in text_lines))
        _collect_notes(form, notes)
    text = form.text()
    notes = sum(1 for line in text.split("\n") if re.match(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2} ", line))
    problems.append(Problem(name, f"PDF gelezen: {len(pages)} pagina's, {notes} voetnoten; {len(furniture)} regels "
                                  "koptekst, voettekst of herhaalde kantlijn apart gezet", level="info"))
    # Furniture line numbers: the text line where its page begins, so it sorts with its page.
    source_furniture = tuple(Furniture(page_line.get(p, 1), t, role) for p, t, role in furniture)
    from .xml import companion_metadata, official_from_metadata  # a metadata.xml beside an imported PDF
    official = official_from_metadata(companion_metadata(path), problems)
    return Source(name, path, text, "pdf", hashlib.sha1(text.encode("utf-8")).hexdigest(), tuple(problems),
                  reader="pdf", furniture=source_furniture, official=official)


def _collect_notes(form: TextForm, notes: list[Line]) -> None:
    """A note starts with its number; other lines go on with the note above (or the previous page's last)."""

    def finish(label: str, lines: list[str]) -> None:
        if label:
            form.note(label, lines)
        elif form.notes:  # a note that runs on from the previous page's bottom
            form.notes[-1][2].extend(lines)
        else:  # small text under the body that is no note: kept as text
            for t in lines:
                form.line(t)

    current: tuple[str, list[str]] | None = None
    for line in notes:
        words = sorted(line.words, key=lambda w: w.x0)
        if re.fullmatch(r"\d{1,2}", words[0].text) and len(words) > 1:
            if current:
                finish(*current)
            current = (words[0].text, [Line(words[1:], line.page).text])
        elif current:
            current[1].append(line.text)
        else:
            current = ("", [line.text])
    if current:
        finish(*current)


register(".pdf")(read_pdf)
