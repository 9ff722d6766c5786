"""OpenDocument text (`.odt`: LibreOffice, and what officielebekendmakingen.nl once offered).

Read as docx.py reads a Word document, with the standard library and the
same guarded package (package.py), into the same shape:

- `styles.xml`: the first page's header (a master page's `style:header-first`,
  else the header of the "First Page" master page, else of the first master
  page) is the letterhead and goes before the body as one block of lines;
  every other header and footer repeats on later pages and is furniture;
- `content.xml`: `text:p` and `text:h` are paragraphs, `text:line-break` a
  line, `text:s` its `text:c` spaces, `text:tab` a tab; `text:list` items get
  the bullet or number their list style (`text:list-level-style-number`,
  `-bullet`) gives, which the file keeps out of the text; a table row is one
  line `cel | cel |`; a text box (`draw:frame` > `draw:text-box`) is a block
  of its own before the paragraph that anchors it; a note (`text:note`:
  `text:note-citation`, `text:note-body`) is a superscript marker on its
  word and a note after its paragraph;
- not read: comments (`office:annotation`), deleted text of tracked changes
  (`text:tracked-changes`), hidden text and paragraphs (`text:hidden-text`,
  `text:hidden-paragraph`, a style with `text:display="none"`: not printed),
  the document's properties (`meta.xml`: author, editor), images, objects,
  macros and settings.
"""
from __future__ import annotations

import functools

import xml.etree.ElementTree as ET
from pathlib import Path

from ..model import Furniture, Problem, Source
from . import register
from .package import Package, PackageError, sniff
from .textform import office_text, superscript, table_blocks

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"

# Never text of the document: comments, deletions, declarations, alt texts, form controls, index templates.
SKIPPED = {OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "tracked-changes", TEXT + "sequence-decls",
           TEXT + "variable-decls", TEXT + "user-field-decls", TEXT + "dde-connection-decls", OFFICE + "forms",
           TEXT + "table-of-content-source", TEXT + "alphabetical-index-source", TEXT + "illustration-index-source",
           TEXT + "bibliography-source", TEXT + "user-index-source", TEXT + "object-index-source",
           TEXT + "table-index-source", TEXT + "ruby-text", TEXT + "soft-page-break", TEXT + "bookmark",
           TEXT + "bookmark-start", TEXT + "bookmark-end", TEXT + "change", TEXT + "change-start",
           TEXT + "change-end", "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
           "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc", DRAW + "image", DRAW + "object",
           DRAW + "object-ole", OFFICE + "event-listeners", TEXT + "hidden-text", TABLE + "covered-table-cell"}
PARAGRAPHS = {TEXT + "p", TEXT + "h"}
NUMBER_FORMATS = {"1", "a", "A", "i", "I"}


def _number(n: int, fmt: str) -> str:
    from .docx import number_text
    return number_text(n, {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
                           "": "none"}.get(fmt, "decimal"))


class ListStyles:
    """List styles by name: per level, ("bullet", char) or ("number", format, prefix, suffix, start)."""

    def __init__(self, *roots: ET.Element | None):
        self.styles: dict[str, dict[int, tuple]] = {}
        self.hidden: set[str] = set()  # text and paragraph styles that hide their text
        for root in roots:
            if root is None:
                continue
            for ls in root.iter(TEXT + "list-style"):
                levels: dict[int, tuple] = {}
                for lvl in ls:
                    level = _int(lvl.get(TEXT + "level"), 1)
                    if lvl.tag == TEXT + "list-level-style-bullet":
                        levels[level] = ("bullet",)
                    elif lvl.tag == TEXT + "list-level-style-number":
                        levels[level] = ("number", lvl.get(STYLE + "num-format", "1"), lvl.get(STYLE + "num-prefix", ""),
                                         lvl.get(STYLE + "num-suffix", ""), _int(lvl.get(TEXT + "start-value"), 1))
                self.styles[ls.get(STYLE + "name", "")] = levels
            for st in root.iter(STYLE + "style"):
                props = st.find(STYLE + "text-properties")
                if props is not None and props.get(TEXT + "display") == "none":
                    self.hidden.add(st.get(STYLE + "name", ""))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Walker:
    def __init__(self, lists: ListStyles):
        self.lists = lists
        self.notes: list[tuple[str, list[str]]] = []
        self.hidden = 0
        self.list_stack: list[list] = []  # per open text:list: [style name, counter]
        self.last_counter: dict[str, int] = {}  # a list style's last number, for text:continue-numbering

    def is_hidden(self, elem: ET.Element) -> bool:
        if elem.tag == TEXT + "hidden-paragraph" or elem.tag == TEXT + "hidden-text":
            return elem.get(TEXT + "is-hidden", "true") != "false"
        if elem.get(TEXT + "display") == "none":  # a hidden section
            return True
        return elem.get(TEXT + "style-name") in self.lists.hidden if self.lists.hidden else False

    # --- inline -----------------------------------------------------------------------------------
    def inline(self, elem: ET.Element, out: list[str], boxes: list[list[str]]) -> None:
        if elem.text:
            out.append(elem.text)
        for child in elem:
            tag = child.tag
            if tag in SKIPPED or self.is_hidden(child):
                if tag in (TEXT + "hidden-text",) or (tag not in SKIPPED):
                    self.hidden += 1
            elif tag == TEXT + "s":
                out.append(" " * max(1, min(_int(child.get(TEXT + "c"), 1), 100)))
            elif tag == TEXT + "tab":
                out.append("\t")
            elif tag == TEXT + "line-break":
                out.append("\n")
            elif tag == TEXT + "note":
                self.note(child, out)
            elif tag == DRAW + "frame" or tag == DRAW + "a":
                self.frame(child, boxes)
            elif tag in (TEXT + "hidden-paragraph",):
                pass
            else:  # text:span, text:a, text:ruby-base, fields (their content is what they show), text:meta…
                self.inline(child, out, boxes)
            if child.tail:
                out.append(child.tail)

    def note(self, note: ET.Element, out: list[str]) -> None:
        label = str(len(self.notes) + 1)
        body = note.find(TEXT + "note-body")
        lines: list[str] = []
        if body is not None:
            for block in self.blocks(body):
                lines.extend(block)
        self.notes.append((label, lines))
        out.append(superscript(label))

    def frame(self, frame: ET.Element, boxes: list[list[str]]) -> None:
        for child in frame:
            if child.tag == DRAW + "text-box":
                lines: list[str] = []
                for block in self.blocks(child):
                    lines.extend(block)
                if lines:
                    boxes.append(lines)
            elif child.tag in (DRAW + "frame", DRAW + "a", DRAW + "g"):
                self.frame(child, boxes)

    # --- blocks -----------------------------------------------------------------------------------
    def blocks(self, container: ET.Element) -> list[list[str]]:
        out: list[list[str]] = []
        for child in container:
            tag = child.tag
            if tag in SKIPPED or self.is_hidden(child):
                if tag not in SKIPPED or tag == TEXT + "hidden-text":
                    self.hidden += 1
                continue
            if tag in PARAGRAPHS:
                out.extend(self.paragraph(child))
            elif tag == TEXT + "list":
                out.extend(self.list(child))
            elif tag == TABLE + "table":
                out.extend(self.table(child))
            elif tag in (DRAW + "frame", DRAW + "a", DRAW + "g"):
                boxes: list[list[str]] = []
                self.frame(child, boxes)
                out.extend(boxes)
            else:  # text:section, text:index-body, table-of-content, office:text, text:numbered-paragraph…
                out.extend(self.blocks(child))
        return out

    def paragraph(self, p: ET.Element, label: str = "") -> list[list[str]]:
        out: list[str] = []
        boxes: list[list[str]] = []
        self.inline(p, out, boxes)
        lines = [l.strip() for l in "".join(out).split("\n") if l.strip()]
        if label and lines:
            lines[0] = label + lines[0]
        return boxes + ([lines] if lines else [])

    def list(self, lst: ET.Element) -> list[list[str]]:
        style = lst.get(TEXT + "style-name") or (self.list_stack[-1][0] if self.list_stack else "")
        level = len(self.list_stack) + 1
        spec = self.lists.styles.get(style, {}).get(level, ("bullet",))
        start = spec[4] - 1 if spec[0] == "number" else 0
        if lst.get(TEXT + "continue-numbering") == "true" or lst.get(TEXT + "continue-list"):
            start = self.last_counter.get(f"{style}:{level}", start)
        self.list_stack.append([style, start])
        out: list[list[str]] = []
        for item in lst:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            label = ""
            if item.tag == TEXT + "list-item" and any(c.tag in PARAGRAPHS for c in item):
                self.list_stack[-1][1] = _int(item.get(TEXT + "start-value"), self.list_stack[-1][1] + 1)
                if spec[0] == "bullet":
                    label = "- "
                else:
                    text = f"{spec[2]}{_number(self.list_stack[-1][1], spec[1])}{spec[3]}".strip()
                    label = f"{text} " if text else ""
            for child in item:
                if child.tag in PARAGRAPHS:
                    out.extend(self.paragraph(child, label))
                    label = ""  # a second paragraph of the item has no label
                elif child.tag == TEXT + "list":
                    out.extend(self.list(child))
                else:
                    out.extend(self.blocks(_Wrap(child)))
        self.last_counter[f"{style}:{level}"] = self.list_stack[-1][1]
        self.list_stack.pop()
        return out

    def table(self, table: ET.Element) -> list[list[str]]:
        rows = ([c for c in tr if c.tag == TABLE + "table-cell"] for tr in _rows(table))
        return table_blocks(rows, lambda c: c.find(f".//{TABLE}table") is not None, self.blocks)


class _Wrap:
    """One element as a container of itself (blocks() walks a container's children)."""

    def __init__(self, elem: ET.Element):
        self.elem = elem

    def __iter__(self):
        return iter([self.elem])


def _rows(table: ET.Element):
    for child in table:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag in (TABLE + "table-header-rows", TABLE + "table-rows", TABLE + "table-row-group"):
            yield from _rows(child)


def odt_text(pkg: Package) -> tuple[str, list[Furniture], dict]:
    if not pkg.has("content.xml"):
        raise PackageError("zip-bestand zonder content.xml: geen OpenDocument-tekst; overgeslagen")
    if pkg.has("META-INF/manifest.xml") and b"encryption-data" in pkg.read("META-INF/manifest.xml"):
        raise PackageError("versleuteld OpenDocument-bestand (met wachtwoord); sla het onbeveiligd op als .odt, "
                           ".docx of .pdf")
    if pkg.has("mimetype"):
        mimetype = pkg.read("mimetype")[:100].decode("ascii", "replace").strip()
        if not mimetype.startswith("application/vnd.oasis.opendocument.text"):
            raise PackageError(f"OpenDocument-bestand maar geen tekstdocument ({mimetype}); overgeslagen")
    content = pkg.xml("content.xml")
    styles = pkg.xml("styles.xml") if pkg.has("styles.xml") else None
    walker = Walker(ListStyles(content, styles))
    head_blocks: list[list[str]] = []
    furniture: list[Furniture] = []
    if styles is not None:
        masters = [m for m in styles.iter(STYLE + "master-page")]
        regions = [(m, r) for m in masters for r in m if r.tag.startswith(STYLE + "header") or
                   r.tag.startswith(STYLE + "footer")]
        first = next((r for m, r in regions if r.tag == STYLE + "header-first"), None) or \
            next((r for m, r in regions if r.tag == STYLE + "header" and
                  m.get(STYLE + "name", "").replace("_20_", " ").lower() == "first page"), None) or \
            next((r for m, r in regions if r.tag == STYLE + "header"), None)
        for m, region in regions:
            if region.get(STYLE + "display") == "false":
                continue
            blocks = walker.blocks(region)
            if region is first:
                head_blocks = blocks
            else:
                kind = "sidebar" if region.tag.startswith(STYLE + "header") else "page"
                furniture += [Furniture(1, line, kind) for b in blocks for line in b]
    walker.notes = []  # notes of a header or footer are not the letter's
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise PackageError("content.xml zonder office:text: geen tekstdocument; overgeslagen")
    blocks = walker.blocks(body)
    text = office_text(head_blocks, blocks, walker.notes)
    # Furniture of every page but the first: one line each, even if a master page is used on many pages.
    seen: set[tuple[str, str]] = set()
    furniture = [f for f in furniture if (f.text, f.role) not in seen and not seen.add((f.text, f.role))]
    return text, furniture, {"notes": len(walker.notes), "hidden": walker.hidden}


def odt_source(path: Path, name: str, pkg: Package, problems: list[Problem]) -> Source:
    """An .odt package already open (read_odt, or a Word name on an OpenDocument file)."""
    from .docx import finish, note_package
    note_package(pkg, name, problems, macros=any(n.startswith(("Basic/", "Scripts/")) for n in pkg.names))
    text, furniture, counts = odt_text(pkg)
    return finish(path, name, text, furniture, counts, problems, "odt", "OpenDocument-tekst")


def read_odt(path: Path, name: str) -> Source:
    from .docx import unread
    problems: list[Problem] = []
    failed = functools.partial(unread, path, name, problems, "odt")
    if path.stat().st_size == 0:
        return failed("leeg bestand: geen OpenDocument-tekst om te lezen")
    if sniff(path) != "zip":
        return failed("geen OpenDocument-tekst (geen zip-bestand); overgeslagen")
    try:
        with Package(path) as pkg:
            return odt_source(path, name, pkg, problems)
    except PackageError as exc:
        return failed(str(exc))


register(".odt", ".ott")(read_odt)
