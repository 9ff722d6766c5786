"""A web page saved from a browser ("Save page as", `.html`/`.htm`, or as one file, `.mhtml`/`.mht`):
its text, as a text save gives it.

The page is turned into the text the clean stage already reads for saved
pages (tweedekamer.nl, OpenTK/tkconv, zoek.officielebekendmakingen.nl,
rijksoverheid.nl): the cleaner sets the site's own lines around the letter
aside as it does for a text save.  What the markup knows exactly is kept in
the shape textform.py writes for PDF and XML: a paragraph ends where a block
element ends (a blank line), a `<br>` ends a line, a table row is one line
with its cells as `cel | cel |` (the letterhead table rows of a text save),
a list item keeps its bullet or number, and a footnote marker (`<sup>`, the
official site's `a.nootnum`, pandoc's `a.footnote-ref`) becomes a superscript
digit on its word, its note (`div#noten`/`div.voet.noot`, `section.footnotes`,
`li#fn1`) written after the paragraph that cites it.

Only text leaves this reader: tags, attributes, comments, CDATA and the
content of script, style, template, svg, iframe, object and form controls
never do, and a character reference (`&lt;script&gt;`) is a character of
text, which the later stages escape as any other.  The page's <head> gives
no text: its <title> repeats what the page's own heading states, and a text
save does not hold it.  The site's navigation (<nav>, role="navigation") is
menus and breadcrumbs, never a letter's text, and is left out, as is the rest
of its chrome outside the page's <main> or <article> (banner, search, footer,
skip links, cookie banner, share buttons: CHROME_ROLES, CHROME_NAME); text the page
hides (the `hidden` attribute, `display:none`) is not shown by it and is
left out too.  Nothing the page refers to (images, the "Page_files/" folder
beside it) is read.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from ..model import Problem, Source
from . import register
from .textform import TextForm, superscript

# Elements whose content is never text of the page.
SKIPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
           "select", "textarea", "button", "option", "datalist", "head", "nav", "audio", "video", "map"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen", "frame"}
# Elements that end a paragraph before and after them.
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "main", "header",
          "footer", "aside", "address", "pre", "ul", "ol", "dl", "dt", "dd", "li", "table", "figure", "figcaption",
          "hgroup", "hblock", "center", "form", "fieldset", "legend", "details", "summary", "body", "html",
          "caption", "menu", "dialog"}
CELLS = {"td", "th"}
# In a table cell, any of these (or a second paragraph) makes the table a layout of the page, as
# older sites laid out whole pages: the cell is then a region of text, read as paragraphs, not a
# cell of a row of data ("Datum | 3 oktober 2008 |").
LAYOUT = {"table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "menu", "blockquote", "section", "article",
          "main", "header", "footer", "aside", "pre", "form", "address", "figure", "fieldset"}
# How a page says where its text is encoded (the first 4 KiB, as the HTML standard's prescan does).
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# A label that already stands before a list item's text ("a.", "1)", "–", "•").
LABELLED = re.compile(r"^(?:[-–—•·*▪◦]|\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])\s")
# A footnote marker's text: a number, maybe in brackets.
MARKER_TEXT = re.compile(r"^\s*[\[(]?\s*([0-9]{1,3})\s*[\])]?\s*$")
# The site's own chrome around the letter, as every such site marks it: the page's banner, footer and search
# (role="banner"/"contentinfo"/"search", a <footer> outside the page's main text), and blocks whose id or
# class names them: skip links, menus, search forms, breadcrumbs, cookie banners, share buttons, the page
# footer: the site's navigation, as <nav> is, or its notices.  Saved pages of tweedekamer.nl (2015:
# div#navigation, div#footer, a.skiplink, div.social-media-links) and rijksoverheid.nl (2018: div.skiplinks,
# div#footer) carry them without any <nav> or <footer>.
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search"}
CHROME_NAME = re.compile(r"^(?:skip-?links?|skip-?to-?[a-z-]*|[a-z-]*breadcrumbs?[a-z-]*"
                         r"|[a-z-]*cookies?-?(?:bar|banner|consent|notice|notification|melding|message|dialog|popup"
                         r"|wall|policy)[a-z0-9-]*"
                         r"|social-?media(?:-[a-z-]+)?|share(?:-?(?:buttons?|links?|page|bar|tools))?|sharing"
                         r"|navigation|navbar|nav-?(?:main|top|footer|bar|sub[a-z-]*)|main-?nav(?:igation)?"
                         r"|menu|site-?menu|footer|site-?footer|page-?footer"
                         r"|search(?:-?(?:form|box|bar|field|container|box-container))?|site-?search)$")
# Inside these the page's own text is read as it stands: a class there names the letter's markup, not the site's.
MAIN = {"main", "article"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML white space (not the no-break space)
MARK = "\x00"  # around a footnote marker's label until the notes are known


def declared_encoding(raw: bytes) -> str | None:
    """The encoding a page declares in a <meta> (charset= or http-equiv content-type), if Python knows it."""
    m = META_CHARSET.search(raw[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # The HTML standard reads a page labelled Latin-1 or ASCII as Windows-1252; UTF-16 in a meta means UTF-8.
    return {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8",
            "utf-16-le": "utf-8", "utf-16-be": "utf-8"}.get(name, name)


def decode_page(raw: bytes) -> tuple[str, str]:
    """A byte-order mark, else the page's own <meta> declaration, else as read.py decodes text (UTF-8, Windows-1252)."""
    from ..read import decode  # read.py imports the readers: imported here, not at the top
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(raw)
    declared = declared_encoding(raw)
    if declared:
        return raw.decode(declared, errors="replace"), declared
    return decode(raw)


class _Page(HTMLParser):
    """Collects the page's text as paragraphs of lines, and its footnotes apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []  # paragraphs of lines
        self.lines: list[str] = []  # the paragraph being written
        self.parts: list[str] = []  # the line being written
        self.stack: list[tuple[str, str]] = []  # (tag, role) of open elements
        self.open: dict[str, int] = {}  # how many of each tag are open: an end tag nothing opened costs nothing
        self.skip = 0  # depth of the skipped element we are in (0: none)
        self.chrome = False  # the skipped element is the site's chrome (not a script, a control or hidden text)
        self.main = 0  # how many of the page's main text containers (<main>, <article>, role="main") are open
        self.pre = 0
        self.lists: list[list] = []  # per open list: [ordered, next number, kind]
        self.cells: list[str] | None = None  # the cells of the table row being read
        self.cell: list[str] | None = None
        self.cell_blocks = 0  # paragraphs begun in the cell being read
        self.notes: dict[str, list[str]] = {}
        self.note: tuple[str | None, list[str]] | None = None  # the note being read: (label, lines)
        self.note_depth = 0
        self.sup = 0  # inside <sup>
        self.marker: list[str] | None = None  # text of a marker being read (<sup> or a footnote link)
        self.marker_depth = 0
        self.title: list[str] = []
        self.in_title = False
        self.bullet: str | None = None  # the bullet or number of a list item whose first line is not written yet

    # --- writing ----------------------------------------------------------------------------
    def text(self, data: str) -> None:
        if self.marker is not None:
            self.marker.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        else:
            self.parts.append(data)

    def newline(self) -> None:
        if self.cell is not None:
            self.cell.append(" ")
            return
        line = "".join(self.parts)
        self.parts = []
        line = line if self.pre else SPACES.sub(" ", line)
        if line.strip():
            if self.bullet is not None:  # a list item's first line: its bullet, unless it states its own label
                if not LABELLED.match(line.strip() + " "):
                    line = self.bullet + line.strip()
                self.bullet = None
            self.lines.append(line.rstrip())

    def paragraph_break(self) -> None:
        if self.cell is not None:
            self.cell.append(" ")
            return
        self.newline()
        if self.lines:
            target = self.note[1] if self.note is not None else None
            if target is not None:
                target.extend(self.lines)
            else:
                self.blocks.append(self.lines)
            self.lines = []

    # --- parsing ----------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        role = attrs.get("role", "").lower()
        if self.skip and self.chrome and (tag in MAIN or role == "main"):
            self.skip = 0  # the page's main text never stands in its menus: a menu left open ends here
        if self.skip:
            if tag not in VOID:
                self._push(tag, "")
            return
        cls = f" {attrs.get('class', '').lower()} "
        hidden = "hidden" in attrs or HIDDEN_STYLE.search(attrs.get("style", "")) is not None
        chrome = tag == "nav" or role in CHROME_ROLES or (not self.main and self._chrome(tag, attrs))
        skipped = tag in SKIPPED or chrome or hidden or tag in ("input",) or \
            (tag == "h5" and "note-close" in cls)  # the official site's "X Noot" over each note
        if tag in VOID and not skipped:
            if tag == "br":
                self.newline()
            elif tag == "hr":
                self.paragraph_break()
            return  # an image gives no text, as in a text save (its alt text names a logo or an icon)
        if tag in VOID:
            return
        self._push(tag, role)
        if skipped:
            # Only a menu or banner ends where the main text begins; a script, a control or hidden text never does.
            self.skip, self.chrome = len(self.stack), chrome and not hidden and (tag == "nav" or tag not in SKIPPED)
            return
        ident = attrs.get("id", "")
        # A footnote: the official site's div.voet.noot, pandoc's li#fnN in section.footnotes, role=doc-endnote.
        if self.note is None and (("voet" in cls and " noot " in cls) or role in ("doc-endnote", "doc-footnote")
                                  or (tag == "li" and re.match(r"^fn\d+$", ident))):
            self.paragraph_break()
            label = re.match(r"^fn(\d+)$", ident)
            self.note = (label.group(1) if label else None, [])
            self.note_depth = len(self.stack)
            return
        if self.note is not None and ("footnote-back" in cls or role == "doc-backlink"):
            self.skip, self.chrome = len(self.stack), False  # pandoc's "↩︎" back to the text
            return
        if self.note is not None and "nootnum" in cls and self.note[0] is None:
            self.marker, self.marker_depth = [], len(self.stack)  # the note's own number
            return
        if self.note is None and self.marker is None and (
                "nootnum" in cls or "footnote-ref" in cls or role == "doc-noteref" or tag == "sup"):
            self.marker, self.marker_depth = [], len(self.stack)
            return
        if self.cell is not None and tag in BLOCKS:
            self.cell_blocks += 1
            if tag in LAYOUT or self.cell_blocks > 1:
                self._layout_row()
        if tag == "pre":
            self.paragraph_break()
            self.pre += 1
        elif tag == "tr":
            self.newline()
            self.cells = []
        elif tag in CELLS:
            if self.cells is None:
                self.cells = []
            self.cell, self.cell_blocks = [], 0
        elif tag in ("ul", "ol", "menu"):
            self.paragraph_break()
            start = attrs.get("start", "1")
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1, attrs.get("type", "1")])
        elif tag == "li":
            self.paragraph_break()
            self.bullet = self._bullet()
        elif tag in BLOCKS:
            self.paragraph_break()

    @staticmethod
    def _chrome(tag: str, attrs: dict[str, str]) -> bool:
        """A block of the site's own (outside the page's main text): its footer, or named as chrome by id or class."""
        if tag == "footer":
            return True
        if tag in ("html", "body"):  # a page's own classes ("page-kamerstukken", "tk_cookie-processed")
            return False
        names = attrs.get("class", "").lower().split() + attrs.get("id", "").lower().split()
        return any(CHROME_NAME.match(n.replace("_", "-")) for n in names)

    def _push(self, tag: str, role: str) -> None:
        self.stack.append((tag, role))
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in MAIN or role == "main":
            self.main += 1

    def _pop(self) -> None:
        self._close(len(self.stack))
        tag, role = self.stack.pop()
        self.open[tag] -= 1
        if tag in MAIN or role == "main":
            self.main -= 1

    def _bullet(self) -> str:
        if not self.lists:
            return "- "
        ordered, n, kind = self.lists[-1]
        self.lists[-1][1] += 1
        if not ordered:
            return "- "
        if kind in ("a", "A") and 1 <= n <= 26:
            label = chr(ord(kind) + n - 1)
        else:
            label = str(n)
        return f"{label}. "

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in VOID:
            return
        # Close up to the matching open element; an end tag nothing opened is ignored.
        if not self.open.get(tag):
            return
        at = next(i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i][0] == tag)
        while len(self.stack) > at:
            self._pop()

    def _close(self, depth: int) -> None:
        tag = self.stack[depth - 1][0]
        if self.skip:
            if depth == self.skip:
                self.skip = 0
            return
        if self.marker is not None and depth == self.marker_depth:
            self._end_marker()
            return
        if self.note is not None and depth == self.note_depth:
            self.paragraph_break()
            label, lines = self.note
            self.note = None
            text = " ".join(lines)
            m = re.match(r"^\s*[\[(]?([0-9]{1,3})[\])]?[.:]?\s+(.*)$", text) if label is None else None
            if m:  # "1 De tekst" where the label is no element of its own
                label, lines = m.group(1), [m.group(2)]
            if label is None:
                label = str(len(self.notes) + 1)
            self.notes.setdefault(label, lines)
            return
        if tag == "pre":
            self.paragraph_break()
            self.pre = max(0, self.pre - 1)
        elif tag in CELLS:
            if self.cell is not None and self.cells is not None:
                self.cells.append(SPACES.sub(" ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr":
            self._end_row()
        elif tag in ("ul", "ol", "menu"):
            self.paragraph_break()
            if self.lists:
                self.lists.pop()
        elif tag in BLOCKS:
            self.paragraph_break()

    def _layout_row(self) -> None:
        """The row being read lays out the page: its cells so far are paragraphs, and the text from
        here on is read as text, not as cells."""
        cells = (self.cells or []) + [SPACES.sub(" ", "".join(self.cell or [])).strip()]
        self.cells = self.cell = None
        for text in cells:
            if text:
                self.parts.append(text)
                self.paragraph_break()

    def _end_row(self) -> None:
        if self.cell is not None and self.cells is not None:
            self.cells.append(SPACES.sub(" ", "".join(self.cell)).strip())
        self.cell = None
        cells, self.cells = self.cells, None
        if cells and any(cells):
            self.newline()
            self.lines.append(" | ".join(cells) + " |")

    def _end_marker(self) -> None:
        text, self.marker = "".join(self.marker or []), None
        if self.note is not None:  # a note's own number
            self.note = (MARKER_TEXT.match(text).group(1), self.note[1]) if MARKER_TEXT.match(text) else \
                (self.note[0], self.note[1] + [text])
            return
        m = MARKER_TEXT.match(text)
        if m:
            self.text(f"{MARK}{m.group(1)}{MARK}")
        else:
            self.text(text)  # a superscript that is no note number ("e" of "1e"): its text, in the line

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        self.text(data.replace("\x00", "\ufffd"))

    def close(self):
        super().close()
        while self.stack:
            self._pop()
        self.paragraph_break()


MARKED = re.compile(r"(\s*)" + MARK + r"([0-9]{1,3})" + MARK)


def _resolve(line: str, notes: dict[str, list[str]]) -> str:
    """A marker whose note is on the page becomes a superscript on its word; any other stays its digits."""
    return MARKED.sub(lambda m: superscript(m.group(2)) if m.group(2) in notes else m.group(1) + m.group(2), line)


def page_text(html: str) -> tuple[str, str]:
    """(text in the clean stage's shape, the page's <title>) of a page's HTML."""
    page = _Page()
    page.feed(html)
    page.close()
    form = TextForm()
    for label, lines in page.notes.items():
        form.note(label, [_resolve(l, {}) for l in lines])
    for block in page.blocks:
        for line in block:
            form.line(_resolve(line, page.notes))
        form.paragraph_break()
    text = form.text() if form.lines or form.notes else ""
    return text, " ".join("".join(page.title).split())


# A page saved as one file (Chrome's and Edge's "Webpagina, één bestand"): MHTML, a MIME message.
SINGLE_FILE = (".mhtml", ".mht")


def single_file_page(raw: bytes) -> tuple[bytes, str | None] | None:
    """The page in a single-file save: its first text/html part, transfer-decoded (quoted-printable,
    base64), and the charset its part header declares.  None: no such part.  The other parts
    (images, styles, frames) are never read."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_payload(decode=True) or b"", part.get_content_charset()
    return None


def _decode_declared(raw: bytes, declared: str | None) -> tuple[str, str]:
    """A part's bytes in the charset its MIME header declares, else as a saved page's (decode_page)."""
    try:
        name = codecs.lookup(declared).name if declared else None
    except LookupError:
        name = None
    return (raw.decode(name, errors="replace"), name) if name else decode_page(raw)


def read_html(path: Path, name: str) -> Source:
    from ..read import CONTROLS, decoded_source
    raw = path.read_bytes()
    problems: list[Problem] = []

    def result(text: str | None, encoding: str) -> Source:
        return decoded_source(path, name, raw, text, encoding, problems, reader="html")

    if not raw.strip():
        problems.append(Problem(name, "leeg bestand: geen webpagina om te lezen", level="error"))
        return result(None, "")
    page, declared = raw, None
    if path.suffix.lower() in SINGLE_FILE:
        found = single_file_page(raw)
        if found is None:
            problems.append(Problem(name, "webpagina als één bestand (MHTML) zonder HTML-deel; overgeslagen",
                                    level="error"))
            return result(None, "")
        page, declared = found
    html, encoding = _decode_declared(page, declared)
    if encoding not in ("utf-8", "utf-8-sig"):
        problems.append(Problem(name, f"webpagina is niet in UTF-8; gelezen als {encoding}", level="info"))
    if "\x00" in html[:4096] and html.count("\x00") > 0.05 * len(html):
        problems.append(Problem(name, "geen webpagina (binaire inhoud); overgeslagen", level="error"))
        return result(None, encoding)
    text, _title = page_text(html)
    text = unicodedata.normalize("NFC", CONTROLS.sub("", text))
    if not text.strip():
        problems.append(Problem(name, "webpagina zonder tekst (alleen opmaak, scripts of navigatie); "
                                      "geen brief", level="error"))
        return result(None, encoding)
    return result(text, encoding)


register(".html", ".htm", *SINGLE_FILE)(read_html)
