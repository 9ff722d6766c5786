"""PDF fixtures in the two layouts letters are published in, made from seed texts.

    python tests/make_pdfs.py OUTDIR     # writes one PDF per layout into OUTDIR

- "rijksoverheid": a ministry letter as sent (rijksoverheid.nl, tweedekamer.nl):
  address block and return address top left, Datum and Betreft above the
  salutation, the side column right (ministry address, Onze referentie, page
  number; repeated on every page), footnotes at the page bottom in a small
  size, an appended memo on its own pages with its own side column.
- "kamerstuk": a printed Kamerstuk (officielebekendmakingen.nl): the chamber
  and session year on top, two columns of metadata (dossier numbers and their
  titles, "Nr." and the document's title), a running footer with the page
  number on every page, "kst-… ISSN …" under the first page, footnotes in a
  small size above the footer.

The structure (letterhead lines, paragraphs, headings, footnotes and where
they are cited) is what the generator's clean stage finds in the seed; the
text is wrapped anew at the PDF's own width, and long words are split at line
ends with a hyphen, so the PDF reader and the clean stage have real work.
reportlab's invariant mode makes two runs byte-identical.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.clean import clean  # noqa: E402
from generator.lexicon import load_lexicon  # noqa: E402
from generator.model import Block, Document  # noqa: E402
from generator.read import read_seeds  # noqa: E402

W, H = A4
BODY, SMALL, NOTE = 10.0, 7.0, 7.0
LEAD, NOTE_LEAD = 13.0, 8.5
REGULAR, BOLD = "Helvetica", "Helvetica-Bold"
SPLIT_MIN = 5  # letters on each side of a split word


@dataclass
class Token:
    word: str
    marker: str = ""  # footnote label cited right after this word
    glued: bool = False  # no space before it: the rest of a word a marker was cited in
    italic: bool = False  # inside an emphasis span of the text


def tokens(block: Block) -> list[Token]:
    """Words of a block, each with the footnote marker that follows it and whether it is italic.

    A word is cut where a marker or an emphasis span starts or ends inside it
    ("2025¹," or "*Targets*,"): the pieces are glued, drawn without a space.
    """
    out: list[Token] = []
    markers = {m.start: m.value for m in block.marks if m.kind == "footnote"}
    spans = [(m.start, m.end) for m in block.marks if m.kind == "emphasis"]
    for m in re.finditer(r"\S+", block.text):
        start, end = m.start(), m.end()
        cuts = sorted({p for p in markers if start < p < end} |
                      {p for a, b in spans for p in (a, b) if start < p < end})
        for k, (a, b) in enumerate(zip([start] + cuts, cuts + [end])):
            italic = any(x <= a and b <= y for x, y in spans)
            out.append(Token(block.text[a:b], markers.get(b, ""), glued=k > 0, italic=italic))
    return out


def wrap(toks: list[Token], width: float, font: str, size: float) -> list[list[Token]]:
    """Greedy wrap; a long plain word that does not fit is split with a hyphen."""
    lines: list[list[Token]] = [[]]

    def used(line: list[Token]) -> float:
        text = "".join(("" if t.glued or not i else " ") + t.word for i, t in enumerate(line))
        return stringWidth(text, font, size) + sum(stringWidth(t.marker, font, size * 0.6) for t in line)

    for tok in toks:
        line = lines[-1]
        if not line or tok.glued or used(line + [tok]) <= width:
            line.append(tok)
            continue
        word = tok.word
        if len(word) >= 2 * SPLIT_MIN + 2 and word.isalpha() and word.islower():
            for cut in range(len(word) - SPLIT_MIN, SPLIT_MIN - 1, -1):
                if used(line + [Token(word[:cut] + "-")]) <= width:
                    line.append(Token(word[:cut] + "-", italic=tok.italic))
                    lines.append([Token(word[cut:], tok.marker, italic=tok.italic)])
                    break
            else:
                lines.append([tok])
        else:
            lines.append([tok])
    return [l for l in lines if l]


class Writer:
    """Places lines top-down on pages; footnotes go to the bottom of the page that cites them."""

    def __init__(self, path: Path, layout: str, side: list[str], footer: str, first_footer: str):
        self.c = Canvas(str(path), pagesize=A4, invariant=1)
        self.layout = layout
        self.side = side  # side column of later pages (rijksoverheid)
        self.footer = footer
        self.first_footer = first_footer
        self.page = 1
        self.left, self.right = (75.0, 405.0) if layout == "rijksoverheid" else (150.0, 530.0)
        self.y = H - 150
        self.notes: list[tuple[str, list[str]]] = []
        self.notes_height = 0.0
        self.bottom = 80.0

    # -- page furniture ----------------------------------------------------------------
    def _furniture(self) -> None:
        c = self.c
        if self.layout == "kamerstuk":
            c.setFont(REGULAR, SMALL)
            text = f"{self.footer} {self.page}"
            c.drawString(self.right - stringWidth(text, REGULAR, SMALL), 40, text)
            if self.page == 1 and self.first_footer:
                c.drawString(self.left, 30, self.first_footer)
        elif self.page > 1:
            c.setFont(REGULAR, SMALL)
            y = H - 110
            for line in self.side:
                c.drawString(440, y, line)
                y -= 9
            c.drawString(440, y - 9, f"Pagina {self.page}")

    def _flush_notes(self) -> None:
        if not self.notes:
            return
        c = self.c
        y = self.bottom - 10 + self.notes_height
        c.setLineWidth(0.4)
        c.line(self.left, y + 4, self.left + 60, y + 4)
        for label, lines in self.notes:
            for i, line in enumerate(lines):
                y -= NOTE_LEAD
                c.setFont(REGULAR, NOTE)
                if i == 0:
                    c.drawString(self.left, y, label)
                c.drawString(self.left + 10, y, line)
        self.notes, self.notes_height = [], 0.0

    def new_page(self) -> None:
        self._flush_notes()
        self._furniture()
        self.c.showPage()
        self.page += 1
        self.y = H - 110

    def finish(self) -> None:
        self._flush_notes()
        self._furniture()
        self.c.showPage()
        self.c.save()

    # -- text --------------------------------------------------------------------------
    def gap(self, points: float) -> None:
        self.y -= points

    def text_line(self, toks: list[Token], font: str = REGULAR, size: float = BODY,
                  notes: dict[str, str] | None = None) -> None:
        cited = [(t.marker, notes[t.marker]) for t in toks if t.marker and notes and t.marker in notes]
        extra = 0.0
        wrapped = []
        for label, text in cited:
            lines = [" ".join(t.word for t in l) for l in wrap(tokens(Block("paragraph", text, 0)),
                                                                self.right - self.left - 10, REGULAR, NOTE)]
            wrapped.append((label, lines))
            extra += NOTE_LEAD * len(lines) + 6
        if self.y - LEAD < self.bottom + self.notes_height + extra + 8:
            self.new_page()
        self.y -= LEAD
        x = self.left
        c = self.c
        for i, t in enumerate(toks):
            if i and not t.glued:
                x += stringWidth(" ", font, size)
            face = {REGULAR: "Helvetica-Oblique", BOLD: "Helvetica-BoldOblique"}[font] if t.italic else font
            c.setFont(face, size)
            c.drawString(x, self.y, t.word)
            x += stringWidth(t.word, face, size)
            if t.marker:
                c.setFont(font, size * 0.6)
                c.drawString(x, self.y + size * 0.35, t.marker)  # raised, small: a footnote marker
                x += stringWidth(t.marker, font, size * 0.6)
        for label, lines in wrapped:
            self.notes.append((label, lines))
            self.notes_height += NOTE_LEAD * len(lines) + 6

    def plain(self, text: str, font: str = REGULAR, size: float = BODY, x: float | None = None) -> None:
        if self.y - LEAD < self.bottom + self.notes_height:
            self.new_page()
        self.y -= LEAD
        self.c.setFont(font, size)
        self.c.drawString(self.left if x is None else x, self.y, text)

    def block(self, block: Block, notes: dict[str, str]) -> None:
        font = BOLD if block.kind in ("heading", "subject") else REGULAR
        if block.kind == "heading":
            self.gap(6)
        toks = tokens(block)
        if block.kind == "item":
            toks = [Token("–")] + toks
        for line in wrap(toks, self.right - self.left, font, BODY):
            self.text_line(line, font, BODY, notes)
        self.gap(8)


def _seed_documents(seed: Path) -> tuple[Document, ...]:
    sources, _ = read_seeds(seed.parent)
    lexicon = load_lexicon(s.text for s in sources)
    source = next(s for s in sources if s.name == seed.name)
    return clean(source.name, source.text, lexicon).documents


SIDE_START = re.compile(r"^(ministerie van|onze referentie)", re.IGNORECASE)
DATE_BLOCK = re.compile(r"^(datum|betreft)\b", re.IGNORECASE)


def _rijksoverheid(documents: tuple[Document, ...], out: Path) -> None:
    letter = documents[0]
    head = [f.text for f in letter.furniture if f.role == "letterhead"]
    address: list[str] = []
    dated: list[str] = []
    side: list[str] = []
    part = address
    for line in head:
        if SIDE_START.match(line):
            part = side
        elif DATE_BLOCK.match(line):
            part = dated
        part.append(line)  # other lines continue the part they follow ("Betreft" runs on)
    date_line = next((l for l in dated if l.lower().startswith("datum")), "")
    reference = [l for l in side if re.match(r"^(D\d|MINDEF)", l)][:1]
    later_side = [side[0] if side else "", "", "Datum", date_line[6:].strip(), "", "Onze referentie"] + reference
    w = Writer(out, "rijksoverheid", later_side, "", "")
    c = w.c
    c.setFont(BOLD, 9)
    c.drawString(W / 2 - 40, H - 60, "Rijksoverheid")  # the logo's word mark, in the top margin
    y = H - 110
    c.setFont(REGULAR, SMALL)
    for line in side + ["", "Pagina 1"]:
        if line:
            c.drawString(440, y, line)
        y -= 9
    w.y = H - 130
    if address:
        w.plain(address[0], REGULAR, SMALL)
        w.gap(6)
        for line in address[1:]:
            w.plain(line)
    w.gap(30)
    for line in dated:
        label, _, value = line.partition(" ")
        if label.lower() in ("datum", "betreft"):
            if w.y - LEAD < w.bottom:
                w.new_page()
            w.y -= LEAD
            c.setFont(REGULAR, SMALL)
            c.drawString(w.left, w.y, label)
            c.setFont(REGULAR, BODY)
            c.drawString(w.left + 45, w.y, value)
        else:
            w.plain(line, x=w.left + 45)
    w.gap(24)
    _body(w, letter)
    for doc in documents[1:]:
        w.new_page()
        for f in doc.furniture:
            if f.role == "memo-header":
                w.plain(f.text, BOLD if f.text == doc.title else REGULAR)
        memo_side = [f.text for f in doc.furniture if f.role == "sidebar"]
        w.side = memo_side or w.side
        w.gap(12)
        _body(w, doc)
    w.finish()


def _body(w: Writer, doc: Document) -> None:
    notes = {n.label: n.text for n in doc.footnotes}
    closing = [b for b in doc.blocks if b.kind == "closing"]
    for block in doc.blocks:
        if block.kind != "closing":
            w.block(block, notes)
    w.gap(10)
    for block in closing:
        w.plain(block.text)
        w.gap(4)


def _kamerstuk(documents: tuple[Document, ...], out: Path, footer: str, first_footer: str) -> None:
    letter = documents[0]
    head = [f.text for f in letter.furniture if f.role == "letterhead"]
    w = Writer(out, "kamerstuk", [], footer, first_footer)
    c = w.c
    c.setFont(BOLD, 13)
    c.drawString(60, H - 60, "Tweede Kamer der Staten-Generaal")
    c.setFont(REGULAR, 10)
    c.drawString(60, H - 76, "Vergaderjaar 2025–2026")
    w.y = H - 110
    for line in head:
        m = re.match(r"^((?:Nr\. )?\d[\d ]*(?:-\d+)?)\s+(.*)$", line)
        if m:  # two columns: the number, its title
            w.y -= LEAD + 4
            c.setFont(BOLD, BODY)
            c.drawString(60, w.y, m.group(1))
            c.setFont(REGULAR, BODY)
            c.drawString(w.left, w.y, m.group(2))
        else:
            w.gap(8)
            w.plain(line)
    w.gap(16)
    _body(w, letter)
    w.finish()


LAYOUTS = {
    # layout: (seed prefix, file name)
    "rijksoverheid": ("002", "brief-rijksoverheid.pdf"),
    "kamerstuk": ("004", "kamerstuk-28676-554.pdf"),
}


def build(layout: str, seeds: Path, out_dir: Path) -> Path:
    prefix, name = LAYOUTS[layout]
    seed = next(p for p in sorted(seeds.iterdir()) if p.name.startswith(prefix))
    documents = _seed_documents(seed)
    out = out_dir / name
    if layout == "rijksoverheid":
        _rijksoverheid(documents, out)
    else:
        _kamerstuk(documents, out, "Tweede Kamer, vergaderjaar 2025–2026, 28 676, nr. 554",
                   "kst-28676-554 ISSN 0921 - 7371 's-Gravenhage 2025")
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    for layout in LAYOUTS:
        print(build(layout, ROOT / "seeds", target))
