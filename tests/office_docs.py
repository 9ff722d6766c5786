"""Word (.docx) and OpenDocument (.odt) files made at test time from the development corpus's text saves.

Nothing is copied from a real document: the packages are written here, in the
shapes Word and LibreOffice write (as python-docx's oxml classes, docx2python,
OfficeIMO's text-box examples and the ODF schema notes name them):

- a .docx: `[Content_Types].xml`, `_rels/.rels`, `word/document.xml` with
  `w:body` > `w:p` > `w:r` > `w:t`, tables `w:tbl/w:tr/w:tc`, list items with
  `w:numPr` and their formats in `word/numbering.xml`; footnotes in
  `word/footnotes.xml` (a separator and a continuation separator first, each
  note opening with a `w:footnoteRef` run) cited by `w:footnoteReference`;
  headers in `word/header1.xml` (the first page's, `w:titlePg`) and
  `word/header2.xml` (later pages'), tied to the section by
  `w:headerReference` and `word/_rels/document.xml.rels`; a side column in a
  text box inside `mc:AlternateContent`, once in the `mc:Choice` drawing
  (`wp:anchor` > `a:graphic` > `wps:wsp` > `wps:txbx` > `w:txbxContent`) and
  once in the `mc:Fallback` VML (`w:pict` > `v:shape` > `v:textbox` >
  `w:txbxContent`); a PAGE field as `w:fldChar` begin / `w:instrText` /
  separate / result / end; comments in `word/comments.xml`, the author in
  `docProps/core.xml`, a logo in `word/media/`;
- an .odt: `mimetype` first and stored, `META-INF/manifest.xml`,
  `content.xml` with `office:text` > `text:p`/`text:h`, `text:line-break`,
  `text:list` with a list style, `table:table`, `text:note`, and
  `styles.xml` whose master page has a `style:header-first` with a
  `draw:frame` > `draw:text-box` side column; `meta.xml` with the author.

`docx_from_text` and `odt_from_text` keep a text save's lines as they are (a
paragraph per blank-line block, `w:br`/`text:line-break` between its lines,
`a | b |` rows as a table), so every development-corpus letter can be scored
as a document against its truth file.  `word_letter` and `odt_letter` write a
letterhead letter as the ministry's editor has it: the side column in the
first page's header text box, a paragraph per paragraph, a footnote.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
GENRE = ROOT / "tests" / "fixtures" / "genre"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROW = re.compile(r"^.*\|\s*$")
RULE = re.compile(r"^[|:\- ]*-{3}[|:\- ]*$")
BULLET = re.compile(r"^(?:[-•]|\d{1,2}[.)])\s+")

# What never reaches the site, put where a real document keeps it.
AUTHOR = "Auteur-Verborgen-8c1e"
EDITOR = "Laatst-Bewerkt-Door-3f9a"
COMMENT = "Opmerking-Intern-61b2 niet publiceren"
DELETED = "Geschrapt-Woord-44d0"
HIDDEN = "Verborgen-Tekst-9e7c"
INSTRUCTION = "DOCPROPERTY Geheim-Veld-2b5d"


def blocks(text: str) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


# --- WordprocessingML -------------------------------------------------------------------------


def run(text: str, props: str = "") -> str:
    parts = re.split(r"(\t)", text)
    inner = "".join("<w:tab/>" if p == "\t" else f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts if p)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{inner}</w:r>"


def para(content: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def lines_para(lines: list[str]) -> str:
    """One paragraph whose lines are kept with line breaks (w:br), as a converted text save has them."""
    return para("<w:r><w:br/></w:r>".join(run(l) for l in lines))


def table(rows: list[list[str]]) -> str:
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
           + '<w:gridCol w:w="2000"/>' * max(len(r) for r in rows) + "</w:tblGrid>"]
    for cells in rows:
        out.append("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{para(run(c))}</w:tc>'
                                      for c in cells) + "</w:tr>")
    return "".join(out) + "</w:tbl>"


def list_item(text: str, num_id: int) -> str:
    return para(run(text), f'<w:pStyle w:val="Lijstalinea"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')


def text_box(lines: list[str]) -> str:
    """A text box anchored in a run: the same paragraphs in the drawing (mc:Choice) and in VML (mc:Fallback)."""
    content = "<w:txbxContent>" + "".join(para(run(l)) for l in lines) + "</w:txbxContent>"
    choice = ('<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
              'simplePos="0" relativeHeight="2" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
              '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>5436000</wp:posOffset>'
              '</wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>1962000</wp:posOffset></wp:positionV>'
              '<wp:extent cx="1400000" cy="7920000"/><wp:wrapNone/><wp:docPr id="2" name="Zijkolom"/>'
              '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
              f'<wps:wsp><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>'
              '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>')
    fallback = ('<mc:Fallback><w:pict><v:shape id="Zijkolom" style="position:absolute;width:110pt;height:624pt" '
                f'stroked="f"><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>')
    return f"<w:r><mc:AlternateContent>{choice}{fallback}</mc:AlternateContent></w:r>"


LOGO = ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:extent cx="540000" cy="1080000"/><wp:wrapNone/><wp:docPr id="1" name="Logo" descr="Rijkslogo"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
        '<a:blip r:embed="rIdLogo"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def page_field(result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def footnote_ref(n: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def text_body(text: str, table_of, list_of, lines_of) -> str:
    """A text save's blocks in one format's markup: table rows as a table (table_of(rows)), a block of
    bullet lines as a list (list_of(items)), other blocks with their lines kept (lines_of(lines))."""
    out = []
    for block in blocks(text):
        rows = [l for l in block if ROW.match(l)]
        if rows and len(rows) == len(block):
            cells = table_rows(block)
            if cells:
                out.append(table_of(cells))
            continue
        if all(l.startswith("- ") for l in block):
            out.append(list_of([l[2:] for l in block]))
            continue
        out.append(lines_of(block))
    return "".join(out)


def body_from_text(text: str) -> str:
    """A text save's blocks as Word paragraphs: lines kept (w:br), table rows as a table, a block of
    bullet lines as a list."""
    return text_body(text, table, lambda items: "".join(list_item(i, 1) for i in items), lines_para)


NUMBERING = (DECL + f"<w:numbering {NS}>"
             '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
             '<w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>'
             '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
             '<w:lvlJc w:val="left"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>'
             '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
STYLES = (DECL + f"<w:styles {NS}>"
          '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/>'
          '<w:basedOn w:val="Standaard"/></w:style>'
          '<w:style w:type="character" w:styleId="Voetnootmarkering"><w:name w:val="footnote reference"/>'
          '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>')


def footnotes_xml(notes: list[str]) -> str:
    out = [DECL, f"<w:footnotes {NS}>",
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           '</w:footnote>']
    for n, note in enumerate(notes, start=1):
        out.append(f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="Voetnoottekst"/></w:pPr>'
                   '<w:r><w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr><w:footnoteRef/></w:r>'
                   f'{run(" " + note)}</w:p></w:footnote>')
    return "".join(out) + "</w:footnotes>"


def docx(body: str, *, first_header: str | None = None, header: str | None = None, footer: str | None = None,
         footnotes: list[str] = (), extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx package around `body` (the content of w:body)."""
    rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/>',
            '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/numbering" Target="numbering.xml"/>',
            '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/comments" Target="comments.xml"/>']
    parts = {"word/styles.xml": STYLES, "word/numbering.xml": NUMBERING,
             "word/comments.xml": (DECL + f'<w:comments {NS}><w:comment w:id="0" w:author="{AUTHOR}" '
                                   f'w:initials="AV"><w:p>{run(COMMENT)}</w:p></w:comment></w:comments>')}
    sect = ""
    for rid, part, kind, kind_type, content in (("rIdH1", "header1.xml", "header", "first", first_header),
                                                ("rIdH2", "header2.xml", "header", "default", header),
                                                ("rIdF1", "footer1.xml", "footer", "default", footer)):
        if content is None:
            continue
        tag = "hdr" if kind == "header" else "ftr"
        parts[f"word/{part}"] = DECL + f"<w:{tag} {NS}>{content}</w:{tag}>"
        rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/{kind}" Target="{part}"/>')
        sect += f'<w:{kind}Reference w:type="{kind_type}" r:id="{rid}"/>'
    if first_header is not None:
        parts["word/_rels/header1.xml.rels"] = (
            DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'image" Target="media/image1.png"/></Relationships>')
        parts["word/media/image1.png"] = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    if footnotes:
        parts["word/footnotes.xml"] = footnotes_xml(list(footnotes))
        rels.append('<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/footnotes" Target="footnotes.xml"/>')
    title_pg = "<w:titlePg/>" if first_header is not None else ""
    parts["word/document.xml"] = (DECL + f"<w:document {NS}><w:body>{body}<w:sectPr>{sect}"
                                  '<w:pgSz w:w="11906" w:h="16838"/>'
                                  f"{title_pg}</w:sectPr></w:body></w:document>")
    parts["word/_rels/document.xml.rels"] = (
        DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>")
    parts["docProps/core.xml"] = (
        DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:creator>{AUTHOR}</dc:creator><cp:lastModifiedBy>{EDITOR}</cp:lastModifiedBy>"
        "<dc:title>Sjabloon brief</dc:title></cp:coreProperties>")
    parts["[Content_Types].xml"] = (
        DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>')
    parts["_rels/.rels"] = (
        DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
        'package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
    parts.update(extra or {})
    return zipped(parts)


def zipped(parts: dict[str, str | bytes], first: tuple[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if first:
            z.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            data = parts[name]
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def docx_from_text(text: str) -> bytes:
    return docx(body_from_text(text))


# --- a letterhead letter as the ministry's editor writes it in Word ------------------------------

SIDE_START = re.compile(r"^(?:Ministerie van|Directie|Datum\b|Betreft\b)")
PAGE_LINES = re.compile(r"^(?:Datum|Pagina \d+ van \d+|\d{1,2} \w+ \d{4}|Onze referentie.*|Kenmerk.*)$")
HEADING = re.compile(r"^[A-ZÀ-Ý][^.:;,]{1,60}$")


def split_letterhead(text: str) -> tuple[list[str], list[list[str]], list[str]]:
    """A letterhead text save: (side column lines, body paragraphs, repeated page lines).

    The side column is the lines before the salutation that start as one does ("Ministerie van",
    "Datum", "Betreft") and the short lines after them; the blocks after the body began that hold
    only page lines ("Datum" / a date / "Pagina 2 van 3") are the later pages' header; each other
    block's wrapped lines are one paragraph, a short first line without a full stop a heading of its
    own.  A text save whose paragraphs are unwrapped lines (a table letterhead read from a PDF) has
    a paragraph per line, its table rows kept together."""
    found = blocks(text)
    if max(len(l) for l in text.splitlines()) > 100:  # unwrapped: a line is a paragraph
        exploded: list[list[str]] = []
        for block in found:
            for line in block:
                if ROW.match(line) and exploded and ROW.match(exploded[-1][-1]):
                    exploded[-1].append(line)
                else:
                    exploded.append([line])
        found = exploded
    side, body, page = [], [], []
    started = in_side = False
    for block in found:
        if not started and not ROW.match(block[0]) and (SIDE_START.match(block[0]) or
                                                        (in_side and len(block) == 1 and len(block[0]) < 70
                                                         and not block[0].startswith("Geachte"))):
            side.extend(block)
            in_side = True
            continue
        if started and all(PAGE_LINES.match(l.strip()) for l in block):
            page.extend(block)
            continue
        if block[0].startswith("Geachte") or (not ROW.match(block[0]) and not block[0].startswith(">")
                                              and not started and side):
            started = True
        if len(block) > 1 and HEADING.match(block[0]) and not ROW.match(block[0]) and started \
                and not block[1][:1].islower():
            body.append([block[0]])
            block = block[1:]
        if ROW.match(block[0]) or not started:
            body.append(block)  # the address block and table rows keep their lines
        else:
            body.append([" ".join(l.strip() for l in block)])
    return side, body, page


def table_rows(lines: list[str]) -> list[list[str]]:
    """The cells of a text save's `Datum | … |` rows (its `|---|` rules and empty rows left out)."""
    rows = [[c.strip() for c in l.rstrip().rstrip("|").split("|")] for l in lines if not RULE.match(l)]
    return [r for r in rows if any(r)]


def letter_body(body: list[list[str]], table_of, lines_of, paragraph_of) -> tuple[list[str], list[str]]:
    """A letter's blocks in one format's markup, and the text they show: `Datum | … |` rows as a table
    (table_of(rows)), a block of several lines as lines (lines_of(lines)), one line as a paragraph
    (paragraph_of(i, line), i the block's index)."""
    parts, shown = [], []
    for i, lines in enumerate(body):
        if all(ROW.match(l) for l in lines):
            rows = table_rows(lines)
            if rows:
                parts.append(table_of(rows))
                shown += [c for r in rows for c in r]
            continue
        if len(lines) > 1:
            parts.append(lines_of(lines))
            shown += lines
            continue
        parts.append(paragraph_of(i, lines[0]))
        shown.append(lines[0])
    return parts, shown


def with_note(line: str, note_after: str | None, text: Callable[[str], str], marker: str) -> str:
    """A paragraph's line in a document's markup (`text`), with a footnote's `marker` right after the
    words `note_after` when the line holds them."""
    if not note_after or note_after not in line:
        return text(line)
    at = line.index(note_after) + len(note_after)
    return text(line[:at]) + marker + text(line[at:])


def word_letter(name: str, note_after: str | None = None, note: str | None = None,
                revisions: bool = True) -> tuple[bytes, str]:
    """The development-corpus letterhead letter `name` as Word holds it; returns (docx, the text the
    document shows: what must reach the page).  With `note_after`, a footnote `note` is cited right
    after those words."""
    text = (GENRE / f"{name}.txt").read_text(encoding="utf-8")
    side, body, page = split_letterhead(text)

    def paragraph(i: int, line: str) -> str:
        content = with_note(line, note_after, run, footnote_ref(1))
        if revisions and i == len(body) // 2:
            # A deletion and an insertion tracked, a comment on the paragraph, hidden text, a field's code.
            content = (f'<w:commentRangeStart w:id="0"/>{content}<w:commentRangeEnd w:id="0"/>'
                       f'<w:r><w:commentReference w:id="0"/></w:r>'
                       f'<w:del w:id="11" w:author="{AUTHOR}" w:date="2024-01-01T00:00:00Z"><w:r>'
                       f'<w:delText xml:space="preserve"> {DELETED}</w:delText></w:r></w:del>'
                       f'<w:ins w:id="12" w:author="{AUTHOR}" w:date="2024-01-01T00:00:00Z"></w:ins>'
                       f'{run(" " + HIDDEN, "<w:vanish/>")}'
                       f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                       f'{INSTRUCTION} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
        return para(content)

    parts, shown = letter_body(body, table, lines_para, paragraph)
    first_header = para(LOGO + text_box(side)) if side else None
    later = None
    if page:
        later = para(text_box([l for l in page if not l.startswith("Pagina")] + ["Pagina"]))
        later = later.replace(run("Pagina"), run("Pagina ") + page_field("2") + run(" van 3"))
    shown += side
    return docx("".join(parts), first_header=first_header, header=later,
                footer=para(page_field("1")), footnotes=[note] if note else []), "\n".join(shown)


# --- OpenDocument -----------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"')


def odt_span(text: str) -> str:
    """Text with its runs of spaces as text:s and tabs as text:tab, as LibreOffice writes them."""
    def spaces(m: re.Match) -> str:
        n = len(m.group())
        return " " + (f'<text:s text:c="{n - 1}"/>' if n > 2 else "<text:s/>")
    out = escape(text).replace("\t", "<text:tab/>")
    return re.sub(r" {2,}", spaces, out)


def odt_lines(lines: list[str], style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">' + "<text:line-break/>".join(odt_span(l) for l in lines) + "</text:p>"


def odt_table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    return (f'<table:table table:name="Tabel1"><table:table-column table:number-columns-repeated="{width}"/>'
            + "".join("<table:table-row>" + "".join(f'<table:table-cell office:value-type="string">'
                                                     f'<text:p>{odt_span(c)}</text:p></table:table-cell>'
                                                     for c in r) + "</table:table-row>" for r in rows)
            + "</table:table>")


def odt_body_from_text(text: str) -> str:
    return text_body(text, odt_table,
                     lambda items: '<text:list text:style-name="L1">' + "".join(
                         f"<text:list-item><text:p>{odt_span(i)}</text:p></text:list-item>" for i in items)
                     + "</text:list>", odt_lines)


def odt(body: str, *, first_header: str | None = None, header: str | None = None, footer: str | None = None,
        extra: dict[str, bytes] | None = None, manifest_extra: str = "") -> bytes:
    content = (DECL + f"<office:document-content {ODF_NS}><office:automatic-styles>"
               '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
               '</text:list-style><text:list-style style:name="L2"><text:list-level-style-number text:level="1" '
               'style:num-suffix="." style:num-format="1"/><text:list-level-style-number text:level="2" '
               'style:num-suffix=")" style:num-format="a"/></text:list-style>'
               '<style:style style:name="T9" style:family="text"><style:text-properties text:display="none"/>'
               "</style:style></office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    regions = ""
    if header is not None:
        regions += f"<style:header>{header}</style:header>"
    if first_header is not None:
        regions += f"<style:header-first>{first_header}</style:header-first>"
    if footer is not None:
        regions += f"<style:footer>{footer}</style:footer>"
    styles = (DECL + f"<office:document-styles {ODF_NS}><office:styles/><office:master-styles>"
              f'<style:master-page style:name="Standard" style:page-layout-name="pm1">{regions}</style:master-page>'
              "</office:master-styles></office:document-styles>")
    meta = (DECL + f"<office:document-meta {ODF_NS}><office:meta><meta:initial-creator>{AUTHOR}</meta:initial-creator>"
            f"<dc:creator>{EDITOR}</dc:creator></office:meta></office:document-meta>")
    manifest = (DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                f"{manifest_extra}</manifest:manifest>")
    parts = {"content.xml": content, "styles.xml": styles, "meta.xml": meta, "META-INF/manifest.xml": manifest}
    parts.update(extra or {})
    return zipped(parts, first=("mimetype", b"application/vnd.oasis.opendocument.text"))


def odt_from_text(text: str) -> bytes:
    return odt(odt_body_from_text(text))


def odt_frame(lines: list[str]) -> str:
    return ('<text:p><draw:frame draw:name="Zijkolom" text:anchor-type="paragraph" svg:width="3.9cm" '
            'svg:x="15.1cm" svg:y="5.4cm"><draw:text-box>'
            + "".join(f"<text:p>{odt_span(l)}</text:p>" for l in lines)
            + '</draw:text-box></draw:frame><draw:frame draw:name="Logo"><draw:image xlink:href="Pictures/logo.png"/>'
              "<svg:title>Rijkslogo</svg:title></draw:frame></text:p>")


def odt_letter(name: str, note_after: str | None = None, note: str | None = None) -> tuple[bytes, str]:
    """The letterhead letter `name` as LibreOffice holds it: the side column in a text box in the first
    page's header, a paragraph per paragraph, a footnote, a comment, tracked deletion, hidden text."""
    text = (GENRE / f"{name}.txt").read_text(encoding="utf-8")
    side, body, page = split_letterhead(text)

    def paragraph(i: int, line: str) -> str:
        content = with_note(line, note_after, odt_span,
                            '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
                            '</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                            f"{odt_span(note or '')}</text:p></text:note-body></text:note>")
        if i == len(body) // 2:
            content = (f'<office:annotation><dc:creator>{AUTHOR}</dc:creator><text:p>{escape(COMMENT)}</text:p>'
                       f'</office:annotation>{content}<text:change text:change-id="ct1"/>'
                       f'<text:span text:style-name="T9"> {HIDDEN}</text:span>')
        return f"<text:p>{content}</text:p>"

    parts, shown = letter_body(body, odt_table, odt_lines, paragraph)
    changes = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
               f"<dc:creator>{AUTHOR}</dc:creator></office:change-info><text:p>{DELETED}</text:p></text:deletion>"
               "</text:changed-region></text:tracked-changes>")
    shown += side
    later = odt_lines([l for l in page if not l.startswith("Pagina")]) if page else None
    return odt(changes + "".join(parts), first_header=odt_frame(side) if side else None, header=later,
               footer='<text:p><text:page-number text:select-page="current">1</text:page-number></text:p>'), \
        "\n".join(shown)
