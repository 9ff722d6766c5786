"""Word documents (`.docx`, Office Open XML): the letter's text, in the shape a text save of its PDF has.

Read with the standard library (zipfile, ElementTree; package.py opens the
archive as hostile input).  python-docx was considered: it reads body
paragraphs and tables, but not footnotes, endnotes or text boxes, where a
ministry letter keeps its notes and its side column, so it would not save
the walk below.

What is read, and where it goes (textform.py's shape):

- the first page's header (`w:titlePg`: the `first` header, else the
  `default` one), where the Rijksoverheid letterhead and side column
  ("Ministerie van Defensie / Plein 4 / … / Datum / Betreft") stand, often in
  a text box: before the body, its paragraphs as lines of one block, as the
  PDF reader writes a first page's side column; the headers and footers of
  later pages (and every footer) repeat on each page and are set aside as
  furniture, shown as such on the letter page;
- the body (`word/document.xml`): a paragraph (`w:p`) is a paragraph, a
  line break (`w:br`, `w:cr`) a line; a table row is one line `cel | cel |`
  (the letterhead rows a text save gives); a list item (`w:numPr`, also by
  its paragraph style) gets its bullet ("- ") or number ("1.", "a)", as the
  list's level text in `numbering.xml` says), which Word keeps out of the
  text; a text box in the body (`w:txbxContent`) is written before the
  paragraph that anchors it, as a block of its own;
- footnotes and endnotes (`footnotes.xml`, `endnotes.xml`): the marker is a
  superscript number on its word, the note written after its paragraph;
- text boxes inside `mc:AlternateContent` appear twice (the `mc:Choice`
  drawing and the `mc:Fallback` VML picture): only the choice is read (the
  fallback when the choice holds no text);
- tracked changes: inserted text (`w:ins`, `w:moveTo`) is text, deleted text
  (`w:del`, `w:delText`, `w:moveFrom`) is not; fields: the instruction
  (`w:instrText`) is not text, the result is (also of `w:fldSimple`);
  content controls (`w:sdt`): their content is text;
- hidden text (`w:vanish`) is not read: Word neither prints nor shows it,
  and templates use it for notes to the writer; the file's report says how
  many hidden passages were left out.

Never read: comments (`comments.xml`), document properties
(`docProps/core.xml`: author, last editor), macros, embedded objects,
images, settings.  A `.doc` that is really a .docx is read as one; the old
binary Word format, an encrypted document and RTF are reported.
"""
from __future__ import annotations

import functools

import hashlib
import posixpath
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

from ..model import Furniture, Problem, Source
from . import register
from .package import Package, PackageError, ole_kind, sniff
from .textform import office_text, superscript, table_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Elements whose content is never the document's text.
SKIPPED = {W + "del", W + "moveFrom", W + "delText", W + "delInstrText", W + "instrText", W + "rPr", W + "pPr",
           W + "sdtPr", W + "sdtEndPr", W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr", W + "sectPr",
           W + "commentReference", W + "annotationRef", W + "footnoteRef", W + "endnoteRef", W + "separator",
           W + "continuationSeparator", W + "rt", W + "customXmlPr", W + "smartTagPr", W + "object"}
# Symbol-font characters (w:sym) that stand for a character of text.
SYMBOLS = {("symbol", 0xB7): "•", ("symbol", 0xD7): "×", ("symbol", 0xB0): "°", ("symbol", 0x2D): "−",
           ("symbol", 0xAE): "→", ("symbol", 0xB1): "±", ("wingdings", 0x9F): "•", ("wingdings", 0xA7): "▪",
           ("wingdings", 0xFC): "✓", ("wingdings", 0xD8): "➢", ("wingdings", 0x6C): "●", ("wingdings", 0x71): "❑"}
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def number_text(n: int, fmt: str) -> str:
    """A list counter in a level's number format (numFmt)."""
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        return roman(n).upper() if fmt == "upperRoman" else roman(n)
    if fmt == "none":
        return ""
    return str(n)  # decimal and its many variants (decimalZero, ordinal…): digits


class Numbering:
    """numbering.xml: each list's level formats, and the counters as the document goes."""

    def __init__(self, root: ET.Element | None):
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for a in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in a.iter(W + "lvl"):
                fmt = _val(lvl.find(W + "numFmt")) or "decimal"
                text = _val(lvl.find(W + "lvlText"))
                start = _val(lvl.find(W + "start"))
                levels[_int(lvl.get(W + "ilvl"))] = (fmt, text if text is not None else "", _int(start, 1))
            self.abstract[a.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            overrides = {}
            for o in num.iter(W + "lvlOverride"):
                start = o.find(W + "startOverride")
                if start is not None:
                    overrides[_int(o.get(W + "ilvl"))] = _int(_val(start), 1)
            self.nums[num.get(W + "numId", "")] = (_val(num.find(W + "abstractNumId")) or "", overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label of list `num_id` at level `ilvl` ("1. ", "a) ", "- "), or "" (no list)."""
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        start = overrides.get(ilvl, start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level's next item restarts the levels below it
        if fmt == "bullet":
            return "- "

        def level(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lvl_fmt, _, lvl_start = levels.get(k, ("decimal", "", 1))
            return number_text(counters.get(k, overrides.get(k, lvl_start)), lvl_fmt)
        label = re.sub(r"%([1-9])", level, text).strip()
        return f"{label} " if label else ""


def _val(elem: ET.Element | None) -> str | None:
    return None if elem is None else elem.get(W + "val")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Styles:
    """styles.xml, for what a paragraph style says about lists: its numbering (w:numPr), by basedOn."""

    def __init__(self, root: ET.Element | None):
        self.styles: dict[str, ET.Element] = {}
        if root is not None:
            for s in root.iter(W + "style"):
                self.styles[s.get(W + "styleId", "")] = s

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None:
                num_id = _val(num.find(W + "numId"))
                if num_id:
                    return num_id, _int(_val(num.find(W + "ilvl")))
            style_id = _val(style.find(W + "basedOn"))
        return None


class Notes:
    """Footnotes or endnotes by id (their separators left out)."""

    def __init__(self, root: ET.Element | None, tag: str):
        self.by_id: dict[str, ET.Element] = {}
        if root is not None:
            for note in root.iter(W + tag):
                if note.get(W + "type", "normal") == "normal":
                    self.by_id[note.get(W + "id", "")] = note


class Walker:
    """Walks WordprocessingML and writes its text into blocks of lines."""

    def __init__(self, numbering: Numbering, styles: Styles, footnotes: Notes, endnotes: Notes):
        self.numbering, self.styles = numbering, styles
        self.footnotes, self.endnotes = footnotes, endnotes
        self.notes: list[tuple[str, list[str]]] = []  # (label, lines), in order of citation
        self.hidden = 0  # hidden passages left out
        self.symbols = 0  # symbols (w:sym) with no character of text
        self.field_depth = 0  # open complex fields whose instruction is being read (no text)
        self.fields: list[bool] = []  # per open complex field: past its separator (its result is text)

    # --- runs -------------------------------------------------------------------------------------
    def inline(self, elem: ET.Element, out: list[str], boxes: list[list[str]]) -> None:
        """The text of a paragraph's content into `out` ("\n" for a line break); text boxes into `boxes`."""
        for child in elem:
            tag = child.tag
            if tag in SKIPPED:
                continue
            if tag == W + "r":
                self.run(child, out, boxes)
            elif tag == MC + "AlternateContent":
                self.alternate(child, out, boxes)
            elif tag == W + "txbxContent":
                boxes.append(self.box(child))
            elif tag in (W + "drawing", W + "pict"):
                self.drawing(child, boxes)
            elif tag == W + "fldSimple":
                self.inline(child, out, boxes)  # its runs are the field's result
            else:  # w:hyperlink, w:ins, w:moveTo, w:smartTag, w:sdt/w:sdtContent, w:customXml, w:bdo, w:dir…
                self.inline(child, out, boxes)

    def run(self, run: ET.Element, out: list[str], boxes: list[list[str]]) -> None:
        props = run.find(W + "rPr")
        hidden = props is not None and (props.find(W + "vanish") is not None) and \
            _val(props.find(W + "vanish")) not in ("0", "false", "off")
        for child in run:
            tag = child.tag
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    self.fields.append(False)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag in SKIPPED:
                continue
            if tag == MC + "AlternateContent":
                self.alternate(child, out, boxes)
                continue
            if tag in (W + "drawing", W + "pict"):
                self.drawing(child, boxes)
                continue
            if self.fields and not self.fields[-1]:
                continue  # inside a field's instruction: no text
            if tag == W + "t":
                if hidden:
                    self.hidden += 1 if child.text else 0
                    continue
                out.append(child.text or "")
            elif hidden:
                continue
            elif tag in (W + "tab", W + "ptab"):
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "softHyphen":
                pass  # shown only where Word breaks the line: no character of the text
            elif tag == W + "sym":
                font = (child.get(W + "font") or "").lower()
                code = int(child.get(W + "char") or "0", 16) if re.fullmatch(r"[0-9A-Fa-f]{1,4}", child.get(W + "char") or "") else 0
                code = code - 0xF000 if code >= 0xF000 else code
                char = SYMBOLS.get(("wingdings" if "wingdings" in font else "symbol" if "symbol" in font else font, code))
                if char:
                    out.append(char)
                else:
                    self.symbols += 1
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                self.reference(child, out)

    def reference(self, ref: ET.Element, out: list[str]) -> None:
        notes = self.footnotes if ref.tag == W + "footnoteReference" else self.endnotes
        note = notes.by_id.get(ref.get(W + "id", ""))
        if note is None:
            return
        label = str(len(self.notes) + 1)
        lines: list[str] = []
        fields, self.fields = self.fields, []  # the note is a story of its own
        for block in self.blocks(note):
            lines.extend(block)
        self.fields = fields
        self.notes.append((label, lines))
        out.append(superscript(label))

    def alternate(self, elem: ET.Element, out: list[str], boxes: list[list[str]]) -> None:
        """mc:AlternateContent: the first choice, or the fallback when the choice gives no text (read once)."""
        for option in elem.findall(MC + "Choice") + elem.findall(MC + "Fallback"):
            got_out: list[str] = []
            got_boxes: list[list[str]] = []
            self.inline(option, got_out, got_boxes)
            if "".join(got_out).strip() or any(got_boxes):
                out.extend(got_out)
                boxes.extend(got_boxes)
                return

    def drawing(self, elem: ET.Element, boxes: list[list[str]]) -> None:
        """The text boxes of a drawing or VML picture (not those nested in a text box: read with it)."""
        for child in elem:
            if child.tag == W + "txbxContent":
                boxes.append(self.box(child))
            elif child.tag == MC + "AlternateContent":
                self.alternate(child, [], boxes)
            else:
                self.drawing(child, boxes)

    def box(self, content: ET.Element) -> list[str]:
        """A text box's paragraphs, as lines of one block (a side column)."""
        lines: list[str] = []
        for block in self.blocks(content):
            lines.extend(block)
        return lines

    # --- blocks -----------------------------------------------------------------------------------
    def blocks(self, container: ET.Element) -> list[list[str]]:
        """Paragraphs (lists of lines) of a body, cell, note, header or text box, in order; a text box
        comes before the paragraph that anchors it, as a block of its own."""
        out: list[list[str]] = []
        for child in container:
            tag = child.tag
            if tag == W + "p":
                boxes: list[list[str]] = []
                text = self.paragraph(child, boxes)
                out.extend(b for b in boxes if b)
                if text:
                    out.append(text)
            elif tag == W + "tbl":
                out.extend(self.table(child))
            elif tag == MC + "AlternateContent":
                boxes = []
                self.alternate(child, [], boxes)
                out.extend(b for b in boxes if b)
            elif tag in SKIPPED:
                continue
            else:  # w:sdt > w:sdtContent, w:customXml, w:ins, w:moveTo, w:txbxContent inside a container
                out.extend(self.blocks(child))
        return out

    def paragraph(self, p: ET.Element, boxes: list[list[str]]) -> list[str]:
        out: list[str] = []
        self.inline(p, out, boxes)
        lines = [l.strip() for l in "".join(out).split("\n") if l.strip()]
        label = self.list_label(p) if lines else ""
        if label and lines:
            lines[0] = label + lines[0].lstrip("\t ")
        return lines

    def list_label(self, p: ET.Element) -> str:
        props = p.find(W + "pPr")
        if props is None:
            return ""
        num = props.find(W + "numPr")
        found = None
        if num is not None:
            num_id = _val(num.find(W + "numId"))
            if num_id is not None:
                found = (num_id, _int(_val(num.find(W + "ilvl"))))
        if found is None:
            style = self.styles.numbering(_val(props.find(W + "pStyle")))
            if style is not None:
                found = style
        return self.numbering.label(*found) if found else ""

    def table(self, tbl: ET.Element) -> list[list[str]]:
        """Rows as `cel | cel |` lines in one block; a table that lays out regions of text (a cell with a
        table in it) is read as the blocks of its cells."""
        rows = (tr.findall(W + "tc") + [c for s in tr.findall(W + "sdt") for c in s.iter(W + "tc")]
                for tr in tbl.iter(W + "tr") if tr_parent_table(tr, tbl))
        return table_blocks(rows, lambda tc: tc.find(f".//{W}tbl") is not None, self.blocks)


def tr_parent_table(tr: ET.Element, tbl: ET.Element) -> bool:
    """A row of this table itself, not of a table nested in one of its cells."""
    return any(child is tr for child in tbl) or any(child is tr for s in tbl.findall(W + "sdt")
                                                    for c in s.iter(W + "sdtContent") for child in c)


def relationships(pkg: Package, part: str) -> dict[str, str]:
    """A part's relationships: id -> the target part's name in the package."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if not pkg.has(rels):
        return {}
    out = {}
    for rel in pkg.xml(rels).iter(RELS + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
        out[rel.get("Id", "")] = target.lstrip("/")
    return out


def document_text(pkg: Package) -> tuple[str, list[Furniture], dict]:
    """(text in the clean stage's shape, furniture, counts) of a .docx package."""
    main = "word/document.xml"
    if not pkg.has(main):
        raise PackageError("zip-bestand zonder word/document.xml: geen Word-document; overgeslagen")
    root = pkg.xml(main)
    rels = relationships(pkg, main)

    def optional(part: str) -> ET.Element | None:
        return pkg.xml(part) if pkg.has(part) else None

    walker = Walker(Numbering(optional("word/numbering.xml")), Styles(optional("word/styles.xml")),
                    Notes(optional("word/footnotes.xml"), "footnote"), Notes(optional("word/endnotes.xml"), "endnote"))
    body = root.find(W + "body")
    if body is None:
        raise PackageError("word/document.xml zonder w:body: geen Word-document; overgeslagen")
    # The first section's headers and footers (the first page's letterhead is in its first header).
    sections = list(body.iter(W + "sectPr"))
    first = sections[0] if sections else None
    title_page = first is not None and first.find(W + "titlePg") is not None and \
        _val(first.find(W + "titlePg")) not in ("0", "false", "off")
    refs: dict[tuple[str, str], str] = {}
    for sect in sections:
        for kind in ("header", "footer"):
            for ref in sect.findall(f"{W}{kind}Reference"):
                target = rels.get(ref.get(R + "id", ""))
                if target and pkg.has(target):
                    refs.setdefault((kind, ref.get(W + "type", "default")), target)
                    refs.setdefault((kind, "part:" + target), target)
    letterhead_part = refs.get(("header", "first" if title_page else "default"))
    head = walker.blocks(pkg.xml(letterhead_part)) if letterhead_part else []
    walker.fields = []
    blocks = walker.blocks(body)
    text = office_text(head, blocks, walker.notes)
    furniture: list[Furniture] = []
    others = sorted({t for (kind, key), t in refs.items() if key.startswith("part:") and t != letterhead_part})
    for part in others:
        kind = "sidebar" if "header" in posixpath.basename(part) else "page"
        for line in (l for b in walker.blocks(pkg.xml(part)) for l in b):
            furniture.append(Furniture(1, line, kind))
    counts = {"notes": len(walker.notes), "hidden": walker.hidden, "symbols": walker.symbols}
    return text, furniture, counts


def read_docx(path: Path, name: str) -> Source:
    problems: list[Problem] = []
    failed = functools.partial(unread, path, name, problems, "docx")
    if path.stat().st_size == 0:
        return failed("leeg bestand: geen Word-document om te lezen")
    kind = sniff(path)
    suffix = path.suffix.lower()
    if kind == "ole":
        if ole_kind(path) == "encrypted":
            return failed("versleuteld Word-document (met wachtwoord); sla het onbeveiligd op als .docx of .pdf")
        return failed("oud Word-formaat; sla op als .docx of .pdf")
    if kind == "rtf":
        return failed(f"RTF-bestand{' met de naam ' + suffix if suffix != '.rtf' else ''}: wordt niet gelezen; "
                      "sla op als .docx of .pdf")
    if kind != "zip" and suffix == ".doc" and looks_like_page(path):
        return failed("bestand heet .doc maar is een webpagina (zoals Word en oude sites die opslaan); "
                      "hernoem het naar .html (of .mht) en het wordt gelezen")
    if kind != "zip":
        return failed("geen Word-document (geen zip-bestand)" + (" en geen oud Word-formaat" if suffix == ".doc" else "")
                      + "; overgeslagen")
    try:
        with Package(path) as pkg:
            if pkg.has("content.xml") and pkg.has("mimetype"):
                from .odt import odt_source  # an OpenDocument file under a Word name
                problems.append(Problem(name, f"OpenDocument-bestand met de naam {suffix}; gelezen als .odt",
                                        level="warning"))
                return odt_source(path, name, pkg, problems)
            if suffix == ".doc":
                problems.append(Problem(name, "bestand heet .doc maar is een .docx (Office Open XML); "
                                              "gelezen als .docx", level="info"))
            note_package(pkg, name, problems, macros=pkg.has("word/vbaProject.bin"))
            text, furniture, counts = document_text(pkg)
    except PackageError as exc:
        return failed(str(exc))
    return finish(path, name, text, furniture, counts, problems, "docx", "Word-document")


def unread(path: Path, name: str, problems: list[Problem], reader: str, message: str) -> Source:
    """A word-processor file that could not be read: its source with `message` as an error (the
    Word and OpenDocument readers alike)."""
    problems.append(Problem(name, message, level="error"))
    return Source(name, path, None, reader, head_digest(path), tuple(problems), reader=reader)


def head_digest(path: Path) -> str:
    """The digest of an unreadable document: of its first MiB (it may be a bomb of any size)."""
    with path.open("rb") as f:
        return hashlib.sha1(f.read(1024 * 1024)).hexdigest()


def looks_like_page(path: Path) -> bool:
    """A web page or a single-file save (MHTML) under a Word name, as Word's "Save as web page" and old
    sites' "download as .doc" wrote them."""
    with path.open("rb") as f:
        head = f.read(4096).lstrip(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in head \
        or head.startswith(b"mime-version:") or b"<html xmlns:o=" in head


def note_package(pkg: Package, name: str, problems: list[Problem], macros: bool) -> None:
    """What the package holds that is never read, said once."""
    if pkg.unsafe:
        problems.append(Problem(name, f"zip-bestand met onderdelen buiten het document (zoals {pkg.unsafe[0]!r}); "
                                      "niet gelezen en nooit uitgepakt", level="warning"))
    if macros:
        problems.append(Problem(name, "document bevat macro's; die worden niet gelezen en niet gepubliceerd",
                                level="warning"))


def finish(path: Path, name: str, text: str, furniture: list[Furniture], counts: dict, problems: list[Problem],
           reader: str, what: str) -> Source:
    from ..read import CONTROLS
    text = unicodedata.normalize("NFC", CONTROLS.sub("", text))
    if not text.strip():
        problems.append(Problem(name, f"{what} zonder tekst; geen brief", level="error"))
        return Source(name, path, None, reader, head_digest(path), tuple(problems), reader=reader)
    extra = []
    if counts.get("hidden"):
        extra.append(f"{counts['hidden']} stuk(ken) verborgen tekst niet overgenomen")
    if counts.get("symbols"):
        extra.append(f"{counts['symbols']} symbool/symbolen zonder teken niet overgenomen")
    problems.append(Problem(name, f"{what} gelezen: {counts.get('notes', 0)} voetnoten, {len(furniture)} regels "
                                  "kop- en voettekst van volgende pagina's apart gezet"
                                  + "".join(f"; {e}" for e in extra)
                                  + "; opmerkingen, wijzigingen en documenteigenschappen niet gelezen", level="info"))
    return Source(name, path, text, reader, hashlib.sha1(text.encode("utf-8")).hexdigest(), tuple(problems),
                  reader=reader, furniture=tuple(furniture))


register(".docx", ".docm", ".dotx", ".doc", ".rtf")(read_docx)
