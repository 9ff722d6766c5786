"""The readers of word-processor documents (generator/readers/docx.py, odt.py, package.py).

The documents are made at test time from the development corpus's text saves
(tests/office_docs.py writes the packages in the shapes Word and LibreOffice
write), so each can be scored against the same truth file as its .txt.
"""
from __future__ import annotations

import io
import re
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

import office_docs as od
from converted import assert_reads_its_truth, differences_from_text, letter_of, score_against_truth, words
from generator.pipeline import build_corpus, build_site
from generator.read import read_seeds
from generator.readers import package
from generator.readers.docx import read_docx
from generator.readers.odt import read_odt
from generator.score import FIELDS

GENRE = od.GENRE
NAMES = sorted(p.stem for p in GENRE.glob("*.txt"))
LETTERHEADS = [p.stem for p in sorted(GENRE.glob("*.yaml"))
               if yaml.safe_load(p.read_text(encoding="utf-8"))["layout"] in ("letterhead", "letterhead-table")]
NEVER = (od.AUTHOR, od.EDITOR, od.COMMENT, od.DELETED, od.HIDDEN, od.INSTRUCTION.split()[1])


# --- (a) the development corpus as documents reads as its text saves ------------------------------


@pytest.fixture(scope="module", params=["docx", "odt"])
def converted_corpus(request, tmp_path_factory):
    """Every development-corpus letter as a document that keeps its text save's lines."""
    kind = request.param
    seeds = tmp_path_factory.mktemp(f"corpus-{kind}")
    make = od.docx_from_text if kind == "docx" else od.odt_from_text
    for name in NAMES:
        (seeds / f"{name}.{kind}").write_bytes(make((GENRE / f"{name}.txt").read_text(encoding="utf-8")))
    return kind, build_corpus(seeds)


def test_every_corpus_letter_as_a_document_reads_its_truth(converted_corpus):
    kind, result = converted_corpus
    score = score_against_truth(result, NAMES, f".{kind}")
    assert score.overall == (len(FIELDS) * len(NAMES), len(FIELDS) * len(NAMES)), score.table()
    assert len(NAMES) == 76


@pytest.fixture(scope="module", params=["docx", "odt"])
def letterhead_site(request, tmp_path_factory):
    """The letterhead letters as their editor has them (side column in the first page's header text box,
    a paragraph per paragraph, tracked changes, a comment, hidden text), built into pages."""
    kind = request.param
    tmp = tmp_path_factory.mktemp(f"letterhead-{kind}")
    seeds = tmp / "seeds"
    seeds.mkdir()
    shown = {}
    for name in LETTERHEADS:
        data, shown[name] = od.word_letter(name) if kind == "docx" else od.odt_letter(name)
        (seeds / f"{name}.{kind}").write_bytes(data)
    result, _ = build_site(seeds, tmp / "docs")
    return kind, result, tmp / "docs", shown


def test_a_letterhead_document_reads_the_fields_its_text_save_reads(letterhead_site, tmp_path):
    # The same truth file as the .txt, and beyond it the same title, subject and dossiers.
    kind, result, _, _ = letterhead_site
    score = score_against_truth(result, LETTERHEADS, f".{kind}")
    assert not score.misses, score.table()
    assert len(LETTERHEADS) == 9
    differ = differences_from_text(result, LETTERHEADS, f".{kind}", tmp_path)
    assert not differ, differ


def test_the_date_only_in_the_header_text_box_is_read(letterhead_site):
    kind, result, _, _ = letterhead_site
    name = "2019-dmm-agenda-letterhead"
    side, body, _ = od.split_letterhead((GENRE / f"{name}.txt").read_text(encoding="utf-8"))
    assert "Datum 7 oktober 2019" in side and not any("7 oktober 2019" in l for b in body for l in b)
    letter = letter_of(result, f"{name}.{kind}")
    assert str(letter.letter_date) == "2019-10-07"
    assert str(letter_of(result, f"2012-dmm-verslag-informal-letterhead.{kind}").letter_date) == "2012-11-01"


def test_a_side_column_in_a_body_text_box_is_read_before_its_paragraph(tmp_path):
    # No header: the side column (with the only date) in a text box anchored in the address block's paragraph.
    name = "2012-dmm-verslag-informal-letterhead"
    side, body, _ = od.split_letterhead((GENRE / f"{name}.txt").read_text(encoding="utf-8"))
    assert "1 november 2012" in side and not any("1 november 2012" in l for b in body for l in b)
    anchored = od.para(od.text_box(side) + "<w:r><w:br/></w:r>".join(od.run(l) for l in body[0]))
    data = od.docx(anchored + "".join(od.lines_para(lines) for lines in body[1:]))
    source = docx_source(tmp_path, data, f"{name}.docx")
    assert source.text.index("1 november 2012") < source.text.index(body[0][0]) and source.text.count("Kalvermarkt") == 1
    letter = letter_of(build_corpus(tmp_path), f"{name}.docx")
    assert str(letter.letter_date) == "2012-11-01"
    assert_reads_its_truth(name, letter, ".docx")


# --- (b) every word of the letter reaches its page ----------------------------------------------------


def test_every_word_the_document_shows_reaches_its_page(letterhead_site):
    kind, result, docs, shown = letterhead_site
    lost = {}
    for name in LETTERHEADS:
        letter = letter_of(result, f"{name}.{kind}")
        page = (docs / "brieven" / f"{letter.slug}.md").read_text(encoding="utf-8")
        missing = words(shown[name]) - words(page)
        if missing:
            lost[name] = sorted(missing)[:10]
    assert not lost, lost


def test_later_pages_header_is_furniture_not_text(letterhead_site):
    kind, result, docs, _ = letterhead_site
    letter = letter_of(result, f"2019-dmm-agenda-letterhead.{kind}")
    body = " ".join(b.text for s in letter.sections for b in s.blocks)
    assert "Pagina 2 van 3" not in body and "Ministerie van Defensie" not in body
    assert "7 oktober 2019" in [f.text for f in letter.furniture]  # the later pages' header, shown as set aside


# --- (c) a footnote is a note, its sentence whole ---------------------------------------------------

NOTE = "Zie de verklaring die de NAVO na afloop publiceerde."


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_a_footnote_becomes_a_note_and_its_sentence_stays_whole(tmp_path, kind):
    name, where = "2019-dmm-agenda-letterhead", "het NATO Readiness Initiative"
    make = od.word_letter if kind == "docx" else od.odt_letter
    data, _ = make(name, note_after=where, note=NOTE)
    (tmp_path / f"{name}.{kind}").write_bytes(data)
    letter = letter_of(build_corpus(tmp_path), f"{name}.{kind}")
    assert [(f.label, f.text) for f in letter.footnotes] == [("1", NOTE)]
    blocks = [b for s in letter.sections for b in s.blocks]
    marked = [b for b in blocks if where in b.text]
    sentence = "De Ministers bespreken de voortgang van het NATO Readiness Initiative."
    assert len(marked) == 1 and sentence in marked[0].text, [b.text for b in marked]
    notes = [m for m in marked[0].marks if m.kind == "footnote"]
    assert [m.value for m in notes] == ["1"]
    assert marked[0].text.index(where) + len(where) == notes[0].start
    assert not any(NOTE in b.text for b in blocks)
    assert_reads_its_truth(name, letter, f".{kind}")


def test_a_cited_document_in_a_footnote_is_still_a_reference(tmp_path):
    # As a ministry writes it: the earlier agenda cited in a footnote, not in brackets in the sentence.
    name = "2025-rbz-verslag-informal-letterhead-table"
    text = (GENRE / f"{name}.txt").read_text(encoding="utf-8")
    cited = " (Kamerstuk 21 501-28, nr. 275)"
    assert cited in text
    side, body, _ = od.split_letterhead(text.replace(cited, ""))
    parts = []
    for lines in body:
        if all(od.ROW.match(l) for l in lines):
            parts.append(od.table([[c.strip() for c in l.rstrip().rstrip("|").split("|")] for l in lines
                                   if not od.RULE.match(l) and l.strip("| ")]))
        elif "eerder ontvangen" in lines[0]:
            at = lines[0].index("eerder ontvangen") + len("eerder ontvangen")
            parts.append(od.para(od.run(lines[0][:at]) + od.footnote_ref(1) + od.run(lines[0][at:])))
        else:
            parts.append(od.lines_para(lines))
    (tmp_path / f"{name}.docx").write_bytes(od.docx("".join(parts), first_header=od.para(od.text_box(side)),
                                                    footnotes=["Kamerstuk 21 501-28, nr. 275."]))
    letter = letter_of(build_corpus(tmp_path), f"{name}.docx")
    assert [f.text for f in letter.footnotes] == ["Kamerstuk 21 501-28, nr. 275."]
    assert_reads_its_truth(name, letter, ".docx")


# --- (d) a text box in mc:AlternateContent is read once -----------------------------------------------


def docx_source(tmp_path: Path, data: bytes, name: str = "brief.docx"):
    (tmp_path / name).write_bytes(data)
    return read_docx(tmp_path / name, name)


def test_a_text_box_in_alternate_content_is_read_once(tmp_path):
    data, _ = od.word_letter("2024-dmm-agenda-letterhead-table")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        header = z.read("word/header1.xml").decode("utf-8")
    assert header.count("Plein 4") == 2  # the choice and the fallback
    source = docx_source(tmp_path, data)
    assert source.text.count("Plein 4") == 1 and source.text.count("Ministerie van Defensie") == 1
    # The side column before the body, its lines one block, as a PDF's first page gives it.
    assert source.text.index("www.defensie.nl") < source.text.index("Geachte voorzitter")
    assert "Ministerie van Defensie\nPlein 4\nMPC 58 B\n" in source.text


def test_the_fallback_is_read_when_the_choice_has_no_text(tmp_path):
    box = od.text_box(["Datum 3 oktober 2024"])
    only_fallback = re.sub(r"<w:txbxContent>.*?</w:txbxContent>", "", box, count=1)
    assert only_fallback.count("3 oktober 2024") == 1
    source = docx_source(tmp_path, od.docx(od.para(only_fallback) + od.para(od.run("Geachte voorzitter,"))))
    assert source.text.count("Datum 3 oktober 2024") == 1


# --- what the format knows: lists, fields, tables, runs ---------------------------------------------


def test_runs_fields_lists_and_tables(tmp_path):
    body = (od.para(od.run("Eerste regel") + "<w:r><w:br/></w:r>" + od.run("tweede") + "<w:r><w:cr/></w:r>"
                    + od.run("derde\tmet tab") + "<w:r><w:noBreakHyphen/></w:r>" + od.run("regel")
                    + '<w:r><w:softHyphen/></w:r>' + od.run("stuk"))
            + od.list_item("een opsomming", 1) + od.list_item("nog een", 1)
            + od.list_item("eerste punt", 2) + od.list_item("tweede punt", 2)
            + od.para(od.run("sub"), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>')
            + od.list_item("derde punt", 2)
            + od.para('<w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; "><w:r><w:t>3 oktober 2024</w:t></w:r>'
                      '</w:fldSimple>')
            + od.para('<w:sdt><w:sdtPr><w:alias w:val="Kenmerk"/></w:sdtPr><w:sdtContent><w:r><w:t>BS2024012345</w:t>'
                      '</w:r></w:sdtContent></w:sdt>')
            + od.para('<w:ins w:id="1" w:author="x"><w:r><w:t>ingevoegd</w:t></w:r></w:ins>'
                      '<w:del w:id="2" w:author="x"><w:r><w:delText>weg</w:delText></w:r></w:del>')
            + od.para('<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>' + od.run(" teken"))
            + od.table([["Datum", "3 oktober 2024"], ["Betreft", "Geannoteerde agenda"]]))
    text = docx_source(tmp_path, od.docx(body)).text
    assert "Eerste regel\ntweede\nderde\tmet tab-regelstuk" in text
    assert "- een opsomming\n\n- nog een" in text
    assert "1. eerste punt\n\n2. tweede punt\n\na) sub\n\n3. derde punt" in text
    assert "3 oktober 2024\n\nBS2024012345\n\ningevoegd\n\n• teken" in text
    assert "Datum | 3 oktober 2024 |\nBetreft | Geannoteerde agenda |" in text
    assert "weg" not in text.split() and "DATE" not in text


def test_numbered_headings_by_style_and_endnotes(tmp_path):
    # A heading numbered by its paragraph style (the numbering in styles.xml, not in the paragraph), and an
    # endnote, numbered as a note of the letter.
    styles = od.STYLES.replace("</w:styles>", '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/>'
                               '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
                               '<w:style w:type="paragraph" w:styleId="Kop1Brief"><w:basedOn w:val="Kop1"/></w:style>'
                               "</w:styles>")
    endnotes = (od.DECL + f"<w:endnotes {od.NS}>"
                '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
                f'<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>{od.run(" Zie de slotverklaring.")}</w:p>'
                "</w:endnote></w:endnotes>")
    body = (od.para(od.run("Afschrikking"), '<w:pStyle w:val="Kop1"/>')
            + od.para(od.run("De ministers spreken over de plannen") + '<w:r><w:endnoteReference w:id="1"/></w:r>'
                      + od.run(" van de bondgenoten."))
            + od.para(od.run("Oekraïne"), '<w:pStyle w:val="Kop1Brief"/>'))
    text = docx_source(tmp_path, od.docx(body, extra={"word/styles.xml": styles, "word/endnotes.xml": endnotes})).text
    assert "1. Afschrikking\n\nDe ministers spreken over de plannen¹ van de bondgenoten.\n\n¹ Zie de slotverklaring." \
        in text
    assert "2. Oekraïne" in text


def test_a_page_under_a_word_name_is_reported(tmp_path):
    (tmp_path / "brief.doc").write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n")
    source = read_docx(tmp_path / "brief.doc", "brief.doc")
    assert source.text is None and "is een webpagina" in source.problems[-1].message


def test_odt_spaces_tabs_lists_notes_and_tables(tmp_path):
    body = ('<text:h text:outline-level="2">Kop</text:h><text:p>a<text:s text:c="3"/>b<text:tab/>c'
            '<text:line-break/>d<text:soft-page-break/>e</text:p>'
            '<text:list text:style-name="L2"><text:list-item><text:p>eerste</text:p><text:list>'
            '<text:list-item><text:p>sub</text:p></text:list-item></text:list></text:list-item>'
            '<text:list-item><text:p>tweede</text:p></text:list-item></text:list>'
            + od.odt_table([["Datum", "3 oktober 2024"]]))
    (tmp_path / "b.odt").write_bytes(od.odt(body))
    text = read_odt(tmp_path / "b.odt", "b.odt").text
    assert "Kop\n\na   b\tc\nde" in text  # text:c="3": three spaces
    assert "1. eerste\n\na) sub\n\n2. tweede" in text
    assert "Datum | 3 oktober 2024 |" in text


# --- (e) deleted text, comments, hidden text and document properties never reach the site -----------


def test_deletions_comments_hidden_text_and_properties_never_reach_the_site(letterhead_site):
    kind, result, docs, _ = letterhead_site
    everything = "".join(p.read_text(encoding="utf-8") for p in docs.rglob("*") if p.is_file())
    for never in NEVER:
        assert never not in everything, never
    # They are in the documents (the test would see them if the reader read them).
    data, _ = (od.word_letter if kind == "docx" else od.odt_letter)(LETTERHEADS[0])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        packed = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    for never in NEVER if kind == "docx" else (od.AUTHOR, od.EDITOR, od.COMMENT, od.DELETED, od.HIDDEN):
        assert never in packed, never


def test_the_original_document_is_not_published_its_text_is(letterhead_site):
    kind, result, docs, _ = letterhead_site
    name = f"{LETTERHEADS[0]}.{kind}"
    letter = letter_of(result, name)
    page = (docs / "brieven" / f"{letter.slug}.md").read_text(encoding="utf-8")
    label = "tekst uit het Word-document" if kind == "docx" else "tekst uit het OpenDocument-bestand"
    assert f"brontype: {label}" in page and f"{name}.txt" in page
    published = docs / "bronnen" / f"{name}.txt"
    assert published.read_bytes() == next(s for s in result.sources if s.name == name).text.encode("utf-8")
    assert not (docs / "bronnen" / name).exists()
    assert not published.read_bytes().startswith(b"PK")


# --- (f) hostile documents: a clear message naming the file, and the build goes on --------------------

PAYLOAD = "\"'><script>alert('xss')</script><img src=x onerror=alert(1)><i id=ingevoegd>"
MARKUP_LINES = [f"Let op: {PAYLOAD}", "Sjabloon {{ config.site_name }} en {% include 'x' %}",
                "[klik](javascript:alert('xss-link'))", "Entiteiten &lt;script&gt;alert('xss-entity')&lt;/script&gt; &amp;"]


def bomb(size: int) -> bytes:
    """A .docx whose document.xml inflates to `size` bytes (spaces inside one paragraph)."""
    buf = io.BytesIO()
    head = f'<?xml version="1.0"?><w:document xmlns:w="{od.W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                f.write(chunk)
            f.write(tail)
    return buf.getvalue()


def laughs() -> str:
    entities = '<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    return f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]><w:document xmlns:w="{od.W_NS}"><w:body>' \
           f"<w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"


def external() -> str:
    return (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<w:document xmlns:w="{od.W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')


def with_part(data: bytes, name: str, content: str | bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != name:
                z.writestr(info.filename, src.read(info.filename))
        z.writestr(name, content)
    return buf.getvalue()


def hostile_documents() -> dict[str, bytes]:
    letter = (GENRE / "2019-dmm-verslag-plain.txt").read_text(encoding="utf-8")

    def plain(tag: str) -> bytes:  # the same letter, told apart (two copies of one text are one letter)
        return od.docx_from_text(f"{letter}\nBijlage: {tag}.\n")
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as z:
        for n in range(package.MAX_MEMBERS + 1):
            z.writestr(f"word/media/image{n}.png", b"x")
    traversal = with_part(with_part(plain("pad"), "../../etc/passwd", "GEHEIM-71 root:x:0:0"), "/tmp/absoluut.txt", "GEHEIM-71")
    ole = package.OLE_MAGIC + b"\x00" * 504
    return {
        "bom.docx": bomb(package.MAX_PART + 2 * 1024 * 1024),
        "veel-onderdelen.docx": many.getvalue(),
        "pad.docx": traversal,
        "lachen.docx": with_part(plain("lachen"), "word/document.xml", laughs()),
        "extern.docx": with_part(plain("extern"), "word/document.xml", external()),
        "macro.docm": with_part(with_part(plain("macro"), "word/vbaProject.bin", b"Attribute VB_Name = \"GEHEIM-71\""),
                                "word/embeddings/oleObject1.bin", b"GEHEIM-71 object"),
        "geen-zip.docx": b"Dit is geen Word-document maar platte tekst.\n" * 20,
        "versleuteld.docx": ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
        + "EncryptedPackage".encode("utf-16-le"),
        "oud.doc": ole + "WordDocument".encode("utf-16-le") + b"\x00" * 64,
        "eigenlijk-docx.doc": plain("doc"),
        "pagina.doc": b'<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p>Een brief.</p></body></html>',
        "rtf.doc": b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Een brief.\\par }",
        "markup.docx": od.docx(od.body_from_text(letter + "\n\n" + "\n\n".join(MARKUP_LINES))),
        "markup.odt": od.odt(od.odt_body_from_text(f"{letter}\nBijlage: odt.\n\n" + "\n\n".join(MARKUP_LINES))),
        "leeg.odt": b"",
    }


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    from sitebuild import generate, mkdocs_build, prepare, seeds_with

    tmp = tmp_path_factory.mktemp("hostiledocx")
    root = prepare(tmp / "w", seeds_with(tmp / "seeds", hostile_documents()))
    gen = generate(root)
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr[-3000:]
    return root, gen


def test_hostile_documents_are_reported_by_name_and_the_build_goes_on(hostile_build):
    root, gen = hostile_build
    err = gen.stderr
    assert gen.returncode == 1  # files that could not be used at all
    expect = {
        "bom.docx": "pakt uit tot meer dan 64 MiB (een zip-bom?)",
        "veel-onderdelen.docx": f"zip-bestand met {package.MAX_MEMBERS + 1} onderdelen",
        "lachen.docx": "heeft een DTD",
        "extern.docx": "heeft een DTD",
        "geen-zip.docx": "geen Word-document (geen zip-bestand)",
        "versleuteld.docx": "versleuteld Word-document",
        "oud.doc": "oud Word-formaat; sla op als .docx of .pdf",
        "rtf.doc": "RTF-bestand met de naam .doc",
        "pagina.doc": "bestand heet .doc maar is een webpagina",
        "leeg.odt": "leeg bestand",
    }
    for name, message in expect.items():
        assert re.search(rf"^{re.escape(name)}: error: .*{re.escape(message)}", err, re.M), (name, err[-3000:])
    assert re.search(r"^pad\.docx: warning: zip-bestand met onderdelen buiten het document", err, re.M)
    assert re.search(r"^macro\.docm: warning: document bevat macro's; die worden niet gelezen", err, re.M)
    told = {(p.source, p.level, p.message) for p in build_corpus(root / "seeds").problems}  # `make check`
    assert ("eigenlijk-docx.doc", "info", "bestand heet .doc maar is een .docx (Office Open XML); gelezen als .docx") \
        in told
    site = root / "site"
    assert len(list((site / "brieven").rglob("index.html"))) > 5  # the seeds and the readable documents
    from test_bad_input import page_of
    for name in ("pad.docx", "macro.docm", "eigenlijk-docx.doc", "markup.docx", "markup.odt"):
        assert page_of(site, f"{name}.txt") is not None, name
    for name in expect:
        assert not (site / "bronnen" / name).exists() and not (site / "bronnen" / f"{name}.txt").exists()


def test_hostile_documents_leak_nothing_and_write_nothing_outside(hostile_build):
    root, _ = hostile_build
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (root / "site").rglob("*")
                         if p.is_file() and p.suffix in (".html", ".txt", ".md", ".json", ".xml"))
    assert "GEHEIM-71" not in everything and "root:x:0:0" not in everything
    # Nothing is extracted: no member's path became a file, not beside the seeds nor outside them.
    assert not (root / "etc").exists() and not Path("/tmp/absoluut.txt").exists()
    assert not list(root.rglob("passwd")) and not list(root.rglob("vbaProject.bin"))


def test_markup_in_a_document_reaches_the_page_as_text(hostile_build):
    from test_bad_input import Text, assert_no_markup_added, page_of
    root, _ = hostile_build
    site = root / "site"
    assert_no_markup_added(site)
    for name in ("markup.docx", "markup.odt"):
        page = page_of(site, f"{name}.txt")
        parser = Text()
        parser.feed(page.read_text(encoding="utf-8"))
        shown = " ".join(" ".join(parser.text).split())
        for line in MARKUP_LINES:
            assert line in shown, (name, line)
        assert not any(t == "a" and a.get("href", "").startswith("javascript") for t, a in parser.tags)


def test_expat_itself_refuses_entity_expansion_and_external_entities():
    # What Python's parser does without our DTD check (expat >= 2.4 limits amplification; an
    # external entity is never fetched but undefined).  Our check refuses both before parsing.
    with pytest.raises(ET.ParseError, match="amplification|recursive|entity"):
        ET.fromstring(laughs())
    with pytest.raises(ET.ParseError, match="undefined entity"):
        ET.fromstring(external())
    for xml in (laughs().encode(), external().encode(),
                laughs().replace('"1.0"?>', '"1.0" encoding="UTF-16"?>', 1).encode("utf-16")):
        with pytest.raises(package.PackageError, match="DTD"):
            package.parse_xml(xml, "word/document.xml")


def test_the_total_inflated_size_is_capped_too(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_TOTAL", 40_000)
    monkeypatch.setattr(package, "MAX_PART", 60_000)
    letter = (GENRE / "2019-dmm-verslag-plain.txt").read_text(encoding="utf-8")
    data = od.docx(od.body_from_text(letter), footnotes=["x" * 50_000])  # each part under the cap, all over it
    source = docx_source(tmp_path, data)
    assert source.text is None
    assert any("pakt uit tot meer dan" in p.message and p.level == "error" for p in source.problems)


def test_an_encrypted_odt_and_a_spreadsheet_are_reported(tmp_path):
    enc = od.odt("<text:p>x</text:p>", manifest_extra='<manifest:file-entry manifest:full-path="content.xml">'
                                                      "<manifest:encryption-data/></manifest:file-entry>")
    (tmp_path / "a.odt").write_bytes(enc)
    assert "versleuteld OpenDocument-bestand" in read_odt(tmp_path / "a.odt", "a.odt").problems[-1].message
    sheet = od.zipped({"content.xml": "<x/>"}, first=("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"))
    (tmp_path / "b.odt").write_bytes(sheet)
    assert "geen tekstdocument" in read_odt(tmp_path / "b.odt", "b.odt").problems[-1].message


def test_an_unknown_word_name_is_no_longer_skipped(tmp_path):
    (tmp_path / "brief.docx").write_bytes(od.docx_from_text((GENRE / "2019-dmm-verslag-plain.txt")
                                                            .read_text(encoding="utf-8")))
    sources, problems = read_seeds(tmp_path)
    assert not any("onbekend bestandstype" in p.message for p in problems)
    assert sources[0].reader == "docx" and "Bijleveld" in sources[0].text
