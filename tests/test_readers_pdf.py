"""PDF reader: a letter as published gives the same letter as its text.

The PDFs are made from seeds by tests/make_pdfs.py in the two real layouts
(a Rijksoverheid letter with side column; a printed Kamerstuk with its head,
running footer and footnotes), then dropped into a seeds folder beside the
seeds, as an editor would.
"""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import SEEDS, seed
from generator.model import Letter
from generator.pipeline import build_corpus
from generator.read import read_seeds

pytest.importorskip("reportlab")
import make_pdfs  # noqa: E402

PAIRS = {"rijksoverheid": "002", "kamerstuk": "004"}
WORD = re.compile(r"[^\W\d_]+|\d+")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    names = {layout: make_pdfs.build(layout, SEEDS, folder).name for layout in PAIRS}
    result = build_corpus(folder)
    letters = {l.source: l for l in result.corpus.letters}
    return {layout: (letters[seed(prefix)], letters[names[layout]]) for layout, prefix in PAIRS.items()}, result


def words(letter: Letter) -> list[str]:
    out: list[str] = []
    for section in letter.sections:
        out += WORD.findall(section.heading or "")
        for block in section.blocks:
            out += WORD.findall(block.text)
    for block in letter.closing:
        out += WORD.findall(block.text)
    for note in letter.footnotes:
        out += WORD.findall(note.text)
    for attachment in letter.attachments:
        out += words(attachment)
    return out


@pytest.mark.parametrize("layout", PAIRS)
def test_same_words_as_the_text(corpus, layout):
    txt, pdf = corpus[0][layout]
    assert words(pdf) == words(txt)
    assert [s.heading for s in pdf.sections] == [s.heading for s in txt.sections]


@pytest.mark.parametrize("layout", PAIRS)
def test_same_metadata_and_references(corpus, layout):
    txt, pdf = corpus[0][layout]
    for field in ("kind", "title", "letter_date", "addressee", "minister", "minister_signed", "subject",
                  "dossiers", "our_references", "meetings"):
        assert getattr(pdf, field) == getattr(txt, field), field
    assert (pdf.kamerstuk and pdf.kamerstuk.key) == (txt.kamerstuk and txt.kamerstuk.key)
    assert [c.key for c in pdf.citations] == [c.key for c in txt.citations]
    assert [a.subject for a in pdf.attachments] == [a.subject for a in txt.attachments]


@pytest.mark.parametrize("layout", PAIRS)
def test_footnotes_in_place(corpus, layout):
    txt, pdf = corpus[0][layout]
    assert pdf.footnotes and [(n.label, n.text) for n in pdf.footnotes] == [(n.label, n.text) for n in txt.footnotes]

    def cited(letter):  # the words each marker follows
        return [(b.text[max(0, m.start - 20):m.start], m.value)
                for s in letter.sections for b in s.blocks for m in b.marks if m.kind == "footnote"]
    assert cited(pdf) == cited(txt)


def test_side_column_and_page_furniture_set_aside(corpus):
    letters = corpus[0]
    _, brief = letters["rijksoverheid"]
    _, kst = letters["kamerstuk"]
    text = " ".join(b.text for l in (brief, kst) for s in l.sections for b in s.blocks)
    assert "Pagina" not in text and "vergaderjaar" not in text and "ISSN" not in text
    assert "Onze referentie" not in text and "D2024-001261" not in text
    roles = {(f.role, f.text) for f in brief.furniture}
    assert ("letterhead", "Onze referentie") in roles  # the first page's side column: the letterhead
    assert ("sidebar", "Pagina 2") in roles  # repeated on later pages: set aside
    page = [f.text for f in kst.furniture if f.role == "page"]
    assert "Tweede Kamer, vergaderjaar 2025–2026, 28 676, nr. 554 2" in page
    assert any(t.startswith("kst-28676-554 ISSN") for t in page)


def test_sentence_across_a_page_stays_whole(corpus):
    """Some paragraph of the Kamerstuk breaks over a page (and its footer) and is still one paragraph."""
    txt, pdf = corpus[0]["kamerstuk"]
    paragraphs = lambda l: [b.text for s in l.sections for b in s.blocks]  # noqa: E731
    assert paragraphs(pdf) == paragraphs(txt)


def test_pdf_without_text_layer_is_reported(tmp_path):
    from reportlab.pdfgen.canvas import Canvas
    canvas = Canvas(str(tmp_path / "scan.pdf"), invariant=1)
    canvas.rect(50, 50, 400, 600, fill=1)  # a page that is all picture, as a scan is
    canvas.showPage()
    canvas.save()
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4\nthis is no pdf at all\n")
    shutil.copy(SEEDS / seed("000"), tmp_path / seed("000"))
    sources, problems = read_seeds(tmp_path)
    by_name = {s.name: s for s in sources}
    scan = by_name["scan.pdf"]
    assert scan.text is None and scan.reader == "pdf"
    assert any(p.level == "error" and "zonder tekstlaag" in p.message for p in scan.problems)
    broken = by_name["kapot.pdf"]
    assert broken.text is None and any(p.level == "error" for p in broken.problems)
    result = build_corpus(tmp_path)  # the build goes on with the other letters
    assert [l.source for l in result.corpus.letters] == [seed("000")]


def test_fixture_pdfs_are_deterministic(tmp_path):
    one, two = tmp_path / "a", tmp_path / "b"
    one.mkdir(), two.mkdir()
    assert make_pdfs.build("kamerstuk", SEEDS, one).read_bytes() == make_pdfs.build("kamerstuk", SEEDS, two).read_bytes()


def test_a_dash_standing_alone_at_a_line_end_is_no_split_word(lexicon):
    from generator.clean import join_lines
    from generator.knowledge import cleaning_rules
    assert join_lines("het Witboek Defensie -", "Paraatheid 2030", cleaning_rules(), lexicon) == \
        "het Witboek Defensie - Paraatheid 2030"


def test_reply_instruction_in_the_side_column_is_no_subject():
    from generator.metadata import SUBJECT_LABEL
    assert SUBJECT_LABEL.match("onderwerp vermelden.*") is None  # "Bij beantwoording ... onderwerp vermelden."
    assert SUBJECT_LABEL.match("Onderwerp Reactie op verzoek").group("value") == "Reactie op verzoek"
    assert SUBJECT_LABEL.match("Betreft Geannoteerde agenda").group("value") == "Geannoteerde agenda"


def test_a_note_running_on_to_the_next_page_stays_one_note(tmp_path):
    """Made-up page pair: the note under page 1 goes on under page 2; the sentence crosses too."""
    from reportlab.pdfgen.canvas import Canvas

    from generator.readers.pdf import read_pdf
    c = Canvas(str(tmp_path / "brief.pdf"), invariant=1)
    c.setFont("Helvetica", 10)
    lines = ["Geachte voorzitter,", "", "De ministers spreken over de steun aan de bondgenoten en over de",
             "inzet van Nederland in het oosten van het verdragsgebied, zoals eerder"]
    y = 760
    for line in lines:
        if line:
            c.drawString(75, y, line)
        y -= 13 if line else 20
    c.setFont("Helvetica", 6)
    c.drawString(75 + c.stringWidth(lines[-1], "Helvetica", 10), y + 13 + 3.5, "1")
    c.setFont("Helvetica", 7)
    c.drawString(75, 70, "1")
    c.drawString(85, 70, "Een eerdere brief over dit onderwerp, verstuurd in het voorjaar en")
    c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(75, 760, "gemeld aan uw Kamer.")
    c.drawString(75, 740, "De minister van Defensie,")
    c.setFont("Helvetica", 7)
    c.drawString(85, 70, "besproken in het commissiedebat.")
    c.showPage()
    c.save()
    text = read_pdf(tmp_path / "brief.pdf", "brief.pdf").text
    assert "zoals eerder¹\ngemeld aan uw Kamer." in text  # no blank line: the sentence goes on
    assert ("¹ Een eerdere brief over dit onderwerp, verstuurd in het voorjaar en\n"
            "besproken in het commissiedebat.") in text


@pytest.mark.parametrize("layout", PAIRS)
def test_italics_are_emphasis_as_in_the_text(corpus, layout):
    txt, pdf = corpus[0][layout]

    def emphasised(letter):
        return [b.text[m.start:m.end] for l in (letter, *letter.attachments) for s in l.sections for b in s.blocks
                for m in b.marks if m.kind == "emphasis"]
    assert emphasised(pdf) == emphasised(txt)


def test_ligatures_are_letters_and_check_says_what_the_reader_did(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    from generator.readers.pdf import LIGATURES, read_pdf
    assert "ﬁnanciële ﬂank".translate(LIGATURES) == "financiële flank"
    c = Canvas(str(tmp_path / "brief.pdf"), invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(75, 760, "Geachte voorzitter,")
    c.drawString(75, 740, "De ministers spreken over de oostflank.")
    c.setFont("Helvetica", 7)
    c.drawString(300, 30, "1")
    c.showPage()
    c.save()
    source = read_pdf(tmp_path / "brief.pdf", "brief.pdf")
    assert "De ministers spreken over de oostflank." in source.text
    assert [p.message for p in source.problems if p.level == "info"] == [
        "PDF gelezen: 1 pagina's, 0 voetnoten; 1 regels koptekst, voettekst of herhaalde kantlijn apart gezet"]
    assert [f.text for f in source.furniture] == ["1"]


def test_metadata_beside_an_imported_pdf_gives_the_exact_number(tmp_path):
    from conftest import ROOT
    pdf = make_pdfs.build("kamerstuk", SEEDS, tmp_path)
    pdf.rename(tmp_path / "kst-28676-554.pdf")
    meta = (ROOT / "tests" / "fixtures" / "official" / "kst-28676-999.metadata.xml").read_text(encoding="utf-8")
    (tmp_path / "kst-28676-554.metadata.xml").write_text(meta.replace("999", "554"), encoding="utf-8")
    letter = build_corpus(tmp_path).corpus.letters[0]
    assert letter.kamerstuk.key == "28676-554" and dict(letter.origins)["kamerstuk"] == "official"
    assert letter.letter_date.isoformat() == "2025-11-12"  # the text's own date: metadata.xml gives none
    assert not [p for p in letter.problems if "officiële publicatie" in p.message and "zegt" in p.message]
    (tmp_path / "kst-28676-554.metadata.xml").write_text(meta, encoding="utf-8")  # says nr. 999
    letter = build_corpus(tmp_path).corpus.letters[0]
    assert any("eigen nummer: de tekst zegt 28676-554, de officiële publicatie 28676-999" in p.message
               for p in letter.problems)


def test_a_number_in_the_metadata_beside_a_pdf_that_is_no_number_is_left_out_and_reported(tmp_path):
    from conftest import ROOT
    pdf = make_pdfs.build("kamerstuk", SEEDS, tmp_path)
    pdf.rename(tmp_path / "kst-28676-554.pdf")
    meta = (ROOT / "tests" / "fixtures" / "official" / "kst-28676-999.metadata.xml").read_text(encoding="utf-8")
    assert 'content="999"' in meta
    (tmp_path / "kst-28676-554.metadata.xml").write_text(meta.replace('content="999"', 'content="999/../x"'),
                                                         encoding="utf-8")
    result = build_corpus(tmp_path)
    letter = result.corpus.letters[0]
    assert letter.kamerstuk.key == "28676-554" and dict(letter.origins)["kamerstuk"] != "official"
    assert any("999/../x" in p.message and "geen dossier- of stuknummer" in p.message for p in result.problems)
