"""The built site on the real seeds: every word of every letter is there, every reference is a link."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT, SEED_NAMES, SEEDS, WORD, missing_words


BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "br",
              "section", "article", "details", "summary", "dt", "dd", "dl", "blockquote", "aside", "nav", "header",
              "footer", "label", "main"}


class _Text(HTMLParser):
    """Visible text of a page (scripts and styles left out); block elements separate words."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def export() -> dict:
    out = subprocess.run([sys.executable, "-m", "generator", "export", "--seeds", str(SEEDS)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def letter_pages(built, letter: dict) -> list:
    site = built / "site" / "brieven"
    pages = [site / letter["slug"] / "index.html"]
    pages += [site / a["slug"] / "index.html" for a in letter["attachments"]]
    return pages


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_word_of_the_source_is_on_its_pages(built, export, cleaned, sources, name):
    letter = next(l for l in export["letters"] if l["source"] == name)
    shown = " ".join(page_text(p) for p in letter_pages(built, letter))
    repaired = {w for r in cleaned[name].repairs for w in WORD.findall(r.before)}
    assert missing_words(sources[name].text, shown, repaired) == []
    for r in cleaned[name].repairs:
        assert r.after.strip(" .") in shown


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_reference_is_a_link_or_marked_unresolved(built, export, name):
    letter = next(l for l in export["letters"] if l["source"] == name)
    page = letter_pages(built, letter)[0].read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]+)"', page)
    for ref in letter["references"]:
        if ref["id"] is None:
            assert 'class="ref-onopgelost"' in page and html.escape(ref["text"]) in page
            continue
        folder = "dossiers" if ref["kind"] == "dossier" else "kamerstukken"
        assert any(f"{folder}/{ref['id']}/" in h for h in hrefs), ref


def test_cited_letter_in_the_corpus_links_to_its_page(built):
    # 28 676 nr. 554 is seed 004 itself: its Kamerstuk page sends readers to the letter.
    page = (built / "site" / "kamerstukken" / "28676-554" / "index.html").read_text(encoding="utf-8")
    assert "brieven/2025-11-12-verslag-dmm/" in page
    assert "https://zoek.officielebekendmakingen.nl/kst-28676-554.html" in page


def test_kamerstuk_page_lists_who_cites_it(built):
    page = page_text(built / "site" / "kamerstukken" / "28676-440" / "index.html")
    assert "Verwezen door" in page and "NAVO-ministers van Defensie 5 juni 2025" in page


def test_footnotes_are_working_links(built):
    page = (built / "site" / "brieven" / "2023-06-15-geannoteerde-agenda-dmm" / "index.html").read_text(encoding="utf-8")
    for n in range(1, 7):
        assert f'href="#fn:{n}"' in page and f'id="fn:{n}"' in page
    # The marker glued to "commandostructuur.1" became a footnote reference, not text.
    assert re.search(r'commandostructuur\.<sup id="fnref:1">', page)


def test_paragraphs_have_permalink_ids_and_no_hard_breaks(built):
    page = (built / "site" / "brieven" / "2025-01-31-geannoteerde-agenda-dmm" / "index.html").read_text(encoding="utf-8")
    paragraphs = re.findall(r'<p id="p\d+">(.*?)</p>', page, flags=re.S)
    assert len(paragraphs) > 10
    assert not any("\n" in p for p in paragraphs)
    assert "verdedigingsplannen" in page and "verdedigings-" not in page


def test_meeting_page_shows_agenda_and_verslag_side_by_side(built):
    page = page_text(built / "site" / "vergaderingen" / "2025-10-15-dmm" / "index.html")
    assert "Geannoteerde agenda" in page and "Verslag" in page
    assert "Oekraïne" in page


def test_topic_page_follows_oekraine_through_all_meetings(built):
    page = page_text(built / "site" / "onderwerpen" / "oekraine" / "index.html")
    for day in ("15 juni 2023", "13 februari 2025", "5 juni 2025", "15 oktober 2025"):
        assert day in page
    order = [page.index(d) for d in ("15 oktober 2025", "5 juni 2025", "13 februari 2025", "15 juni 2023")]
    assert order == sorted(order)  # newest meeting first


def test_abbreviations_have_tooltips(built):
    page = (built / "site" / "brieven" / "2025-06-05-geannoteerde-agenda-dmm" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]*Integrated Air and Missile Defen[cs]e[^"]*">IAMD</abbr>', page)


def test_letter_panel_says_where_each_value_came_from_and_shows_the_signer_as_signed(built):
    site = built / "site" / "brieven"
    panel = page_text(site / "2025-01-31-geannoteerde-agenda-dmm" / "index.html")
    assert "Soort" in panel and "Geannoteerde agenda (bron: brieftekst)" in panel
    assert "31 januari 2025 (bron: briefhoofd)" in panel
    assert "(bron: jaar uit de briefdatum)" in panel  # "op 13 februari": the year is the letter date's
    assert "R.P. Brekelmans (bron: brieftekst)" in panel
    # The name as signed, not the list's form of it, on the page (search's hidden filter values aside).
    html_ = (site / "2025-01-31-geannoteerde-agenda-dmm" / "index.html").read_text(encoding="utf-8")
    assert "Ruben" not in re.sub(r'<span data-pagefind-filter="bewindspersoon">[^<]*</span>', "", html_)
    nota = page_text(next((site / "2025-09-29-geannoteerde-agenda-dmm").glob("nota-*")) / "index.html")
    assert "Nota (bron: brieftekst)" in nota and "DGB" in nota and "MINDEF" in nota
    for page in site.rglob("index.html"):
        assert "other" not in page_text(page).split("Soort", 1)[-1][:40]


def test_a_memo_sent_with_a_letter_is_named_by_it_and_claims_no_letters_fields(built):
    # Seed 002 appends the ministry's internal Nota to the agenda letter.
    page = next((built / "site" / "brieven").glob("*/nota-1/index.html"))
    parent = (page.parent.parent / "index.html").read_text(encoding="utf-8")
    parent_title = re.search(r"<h1[^>]*>([^<]*)", parent).group(1).strip()
    html = page.read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>\s*Nota bij " + re.escape(parent_title), html), "the memo's title names its letter"
    trail = re.search(r'<nav class="md-path" aria-label="Kruimelpad">(.*?)</nav>', html, re.S).group(1)
    assert parent_title in trail, "the trail names the letter the memo belongs to"
    panel = re.search(r'<aside class="brief-meta[^>]*>(.*?)</aside>', html, re.S).group(1)
    assert "Gegevens van dit stuk" in panel
    assert "<dt>Geadresseerde</dt>" not in panel and "<dt>Ondertekend door</dt>" not in panel


def rendered(tmp_path, letters: dict[str, str]):
    """The corpus of these letters (file name -> text) and its pages (path -> Markdown)."""
    from generator.pipeline import build_corpus
    from generator.render import render
    for name, text in letters.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = build_corpus(tmp_path).corpus
    return corpus, {p.path: p.content for p in render(corpus, [])}


def test_the_panel_names_every_signer(tmp_path):
    # A letter signed by the minister and the state secretary: both names, the minister's first.
    corpus, pages = rendered(tmp_path, {"a.txt": (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 februari 2031\n\n"
        "Hierbij informeren wij u over de voortgang van de strategie voor de defensie-industrie.\n\n"
        "De minister van Defensie,\n\nA.B. Voorbeeld\n\nDe staatssecretaris van Defensie,\n\nC.D. Proef\n")})
    page = pages[f"brieven/{corpus.letters[0].slug}.md"]
    front = yaml.safe_load(page.split("---\n", 2)[1])
    assert (front["brief"]["minister"], front["brief"]["medeondertekenaars"]) == ("A.B. Voorbeeld", ["C.D. Proef"])


def test_a_person_page_lists_the_letters_they_signed_and_co_signed(tmp_path):
    # Names as signed go to the person people.yaml says they are; a name it does not know gets no
    # page and no link (the site does not guess who it is).
    head = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {day}\n\n{text}\n\n{closing}\n"
    letters = {
        "a.txt": ("3 februari 2031", "Hierbij informeer ik u over de voortgang van de defensie-industrie.",
                  "De minister van Defensie,\n\nR.P. Brekelmans"),
        "b.txt": ("4 maart 2031", "Hierbij informeren wij u over de personeelsvoorziening.",
                  "De minister van Defensie,\n\nA.B. Voorbeeld\n\nDe staatssecretaris van Defensie,\n\nG.P. Tuinman"),
        "c.txt": ("5 april 2031", "Hierbij informeer ik u over het vastgoed.",
                  "De minister van Defensie,\nnamens deze,\nDe Directeur-Generaal Beleid,\n\ndrs. C.D. de Proef"),
    }
    corpus, pages = rendered(tmp_path, {name: head.format(day=day, text=text, closing=closing)
                                        for name, (day, text, closing) in letters.items()})
    slugs_ = {l.source: l.slug for l in corpus.letters}
    people = sorted(p for p in pages if p.startswith("bewindspersonen/"))
    assert people == ["bewindspersonen/brekelmans.md", "bewindspersonen/index.md", "bewindspersonen/tuinman.md"]
    assert f"../brieven/{slugs_['a.txt']}.md" in pages["bewindspersonen/brekelmans.md"]
    tuinman = pages["bewindspersonen/tuinman.md"]
    assert f"../brieven/{slugs_['b.txt']}.md" in tuinman and "| medeondertekend |" in tuinman
    assert slugs_["a.txt"] not in tuinman
    index = pages["bewindspersonen/index.md"]
    assert "2 brieven zijn ondertekend door iemand die niet in de lijst" in index

    def panel(source):
        page = pages[f"brieven/{slugs_[source]}.md"]
        return yaml.safe_load(page.split("---\n", 2)[1])["brief"]
    assert panel("a.txt")["personen"] == {"R.P. Brekelmans": "bewindspersonen/brekelmans/"}
    assert panel("b.txt")["personen"] == {"G.P. Tuinman": "bewindspersonen/tuinman/"}
    assert panel("c.txt")["minister"] == "drs. C.D. de Proef" and "personen" not in panel("c.txt")


def test_a_cover_letters_signature_stands_before_what_it_sends(tmp_path):
    # A cover letter and its enclosure are one letter; the signature was printed at the end of the page,
    # under the enclosure it had sent, as if it signed that.  It stands where it was signed.
    corpus, pages = rendered(tmp_path, {
        "a.txt": "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 20 juni 2031\n\n"
                 "Hierbij sturen wij u het verslag van de top van 8 en 9 juli jl.\n\n"
                 "De Minister van Buitenlandse Zaken, C.D. Voorbeeld\n\nDe Minister van Defensie, A.B. Voorbeeld\n\n"
                 "De regeringsleiders kwamen op 8 en 9 juli bijeen en spraken over de lasten.\n\n"
                 "Lastenverdeling\n\nBondgenoten vroegen om snellere stappen.\n",
        "b.txt": "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 21 juni 2031\n\n"
                 "Hierbij informeer ik u over de voortgang van de aanschaf van voertuigen.\n\n"
                 "Voertuigen\n\nDe levering loopt volgens plan.\n\nDe Minister van Defensie,\n\nA.B. Voorbeeld\n"})
    cover, plain = (pages[f"brieven/{l.slug}.md"] for l in sorted(corpus.letters, key=lambda l: l.source))
    signed = cover.index('<div class="ondertekening"')
    assert cover.index("Hierbij sturen wij u") < signed < cover.index("De regeringsleiders kwamen") \
        < cover.index("## Lastenverdeling")
    assert plain.index("De levering loopt volgens plan.") < plain.index('<div class="ondertekening"')


def test_a_person_with_many_letters_has_a_page_per_older_year(tmp_path, monkeypatch):
    # No page grows with the archive: past PERSON_LETTERS_IN_FULL letters, the person's page shows the
    # newest years and links a page per older year, with every letter on one of them.
    from generator import render
    monkeypatch.setattr(render, "PERSON_LETTERS_IN_FULL", 3)
    letter = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 februari {year}\n\n"
              "Hierbij informeer ik u over de voortgang van de aanschaf in {year}.\n\n"
              "De minister van Defensie,\n\nR.P. Brekelmans\n")
    corpus, pages = rendered(tmp_path, {f"{y}.txt": letter.format(year=y) for y in range(2021, 2026)})
    person = pages["bewindspersonen/brekelmans.md"]
    assert "## 2025" in person and "## 2024" in person and "## 2023" not in person
    assert "[2023](brekelmans/2023.md)" in person and "[2021](brekelmans/2021.md)" in person
    for year in (2021, 2022, 2023):
        page = pages[f"bewindspersonen/brekelmans/{year}.md"]
        assert f"3 februari {year}" in page and "3 februari 2025" not in page
    shown = "".join(pages[p] for p in pages if p.startswith("bewindspersonen/brekelmans"))
    assert all(f"../brieven/{l.slug}.md" in shown or f"../../brieven/{l.slug}.md" in shown for l in corpus.letters)
