"""The reader of saved web pages (generator/readers/html.py).

The pages are made at test time from the development corpus's text saves
(tests/html_pages.py wraps each letter in the markup of the site its layout
comes from), so each can be scored against the same truth file as its .txt.
"""
from __future__ import annotations

import html as htmllib
import time
from pathlib import Path

import pytest

import html_pages as pages
from converted import assert_reads_its_truth, differences_from_text, letter_of, score_against_truth, words
from generator.pipeline import build_corpus, build_site
from generator.read import read_seeds
from generator.readers.html import page_text, read_html
from generator.score import FIELDS

GENRE = pages.GENRE


# --- the development corpus as saved web pages ------------------------------------------------


@pytest.fixture(scope="module")
def html_corpus(tmp_path_factory):
    """Every development-corpus letter whose layout is one of the four sites, as a saved page, built."""
    tmp = tmp_path_factory.mktemp("htmlcorpus")
    seeds = tmp / "seeds"
    seeds.mkdir()
    names = [n for site in pages.letters_by_site().values() for n in site]
    for name in names:
        (seeds / f"{name}.html").write_text(pages.page_for(name), encoding="utf-8")
    result, _ = build_site(seeds, tmp / "docs")
    return names, result, tmp / "docs"


def test_the_letter_panel_names_a_saved_page_as_such(html_corpus):
    names, result, docs = html_corpus
    letter = letter_of(result, f"{names[0]}.html")
    page = (docs / "brieven" / f"{letter.slug}.md").read_text(encoding="utf-8")
    assert "brontype: webpagina" in page and f"{names[0]}.html.txt" in page  # published as text, never as a page


def test_every_site_has_pages():
    by_site = pages.letters_by_site()
    assert set(by_site) == {"officielebekendmakingen", "tweedekamer", "tkconv", "rijksoverheid"}
    assert all(by_site.values())


def test_each_page_reads_what_its_text_save_reads(html_corpus):
    # The same truth file as the .txt (which the text path reads 100% right): every field equal.
    names, result, _ = html_corpus
    score = score_against_truth(result, names, ".html")
    right, total = score.overall
    assert total == len(FIELDS) * len(names) and len(names) >= 30
    assert not score.misses, score.table()


def test_each_page_reads_as_its_text_save_does_title_included(html_corpus, tmp_path):
    # Beyond the truth fields: what the page gives is what its .txt gives, down to the title (a page's
    # "Brief regering : …" heading titles a letter without a Betreft, as in its text save).
    names, result, _ = html_corpus
    differ = differences_from_text(result, names, ".html", tmp_path)
    assert not differ, differ
    titled = [letter_of(result, f"{n}.html").title for n in pages.letters_by_site()["tweedekamer"]]
    assert "‘Update versnelling opbouw industrie innovatie en kennis voor Defensie’" in titled


def test_every_word_of_the_letter_reaches_its_page(html_corpus):
    names, result, docs = html_corpus
    lost = {}
    for name in names:
        letter = letter_of(result, f"{name}.html")
        page = (docs / "brieven" / f"{letter.slug}.md").read_text(encoding="utf-8")
        # Every word of the text save: the letter, its head and the site's own lines shown as set aside.
        missing = words((GENRE / f"{name}.txt").read_text(encoding="utf-8")) - words(page)
        if missing:
            lost[name] = sorted(missing)[:10]
    assert not lost, lost


def chrome_lines(site: str) -> list[str]:
    """The lines of text a site's chrome (tests/html_pages.py CHROME) holds."""
    text, _ = page_text("".join(pages.CHROME[site]))
    return [l for l in text.split("\n") if l.strip()]


def test_the_sites_chrome_reaches_neither_the_reading_text_nor_the_metadata(html_corpus):
    # Skip links, menus, search forms, breadcrumbs, cookie banners, share buttons and footers in the shapes
    # real saved pages have (no <nav>, no <footer>): none of their lines is the letter's text or data.
    names, result, _ = html_corpus
    leaked = {}
    for site, site_names in pages.letters_by_site().items():
        markers = [w for w in ("Sitenavigatie", "Ga direct naar", "Direct naar", "Deel dit via", "Deel deze pagina",
                               "cookies", "Colofon", "Zoek in publicaties", "Zoek binnen", "Over deze site",
                               "Meta navigatie", "Plenaire vergaderingen", "Uw privacy")
                   if w in "".join(pages.CHROME.get(site, ("", "")))]
        for name in site_names:
            letter = letter_of(result, f"{name}.html")
            reading = [b.text for s in letter.sections for b in s.blocks] + [b.text for b in letter.closing]
            fields = [letter.title, letter.subject or "", letter.minister_signed or "", letter.addressee or ""]
            found = sorted({w for w in markers for t in reading + fields if w in t})
            if found:
                leaked[name] = found
    assert not leaked, leaked


def test_chrome_is_recognised_by_role_element_id_and_class_outside_the_main_text():
    text, _ = page_text(
        '<body class="page-x tk_cookie-processed"><div id="top"><a class="skiplink" href="#c">Direct naar inhoud</a></div>'
        '<div id="navigation"><ul><li><a href="/">Menu-een</a></li></ul></div>'
        '<div class="breadcrumb-container"><ol><li>Kruimel-een</li></ol></div>'
        '<div role="banner">Banier-een</div><div role="search"><label>Zoekveld-een</label></div>'
        '<div id="cookiebar-policy">Koekje-een</div><div class="social-media-links">Deel-een</div>'
        '<main><h1>Titel</h1><div class="menu">Briefmenu</div><footer>Slotregel van de brief</footer>'
        '<p>Tekst van de brief.</p></main>'
        '<div id="footer">Voet-een</div><footer>Voet-twee</footer><div role="contentinfo">Voet-drie</div></body>')
    lines = [l for l in text.split("\n") if l]
    # Inside <main> a class or a <footer> is the letter's own: kept.
    assert lines == ["Titel", "Briefmenu", "Slotregel van de brief", "Tekst van de brief."], lines


def test_a_menu_left_open_ends_where_the_main_text_begins():
    # A page whose menu is never closed: the letter in <main> is read all the same; a <main> in hidden text is not.
    text, _ = page_text('<div id="navigation"><ul><li>Menu-een<main><p>Tekst van de brief.</p></main>')
    assert [l for l in text.split("\n") if l] == ["Tekst van de brief."]
    text, _ = page_text('<p>Zichtbaar.</p><div hidden><main><p>Verborgen.</p></main></div>')
    assert "Verborgen" not in text


def test_every_chrome_shape_is_one_the_pages_carry():
    for site, (top, bottom) in pages.CHROME.items():
        assert chrome_lines(site) == [], site  # all of it is recognised as chrome by the reader
        names = pages.letters_by_site()[site]
        assert top in pages.page_for(names[0]) and bottom in pages.page_for(names[0])


# --- what the markup knows ---------------------------------------------------------------------


def test_blocks_lines_rows_and_list_items():
    text, title = page_text(
        "<html><head><title>Titel van de pagina</title><style>p { color: red }</style></head><body>"
        "<nav><a href='/'>Home</a> &gt; <a>Kamerstukken</a></nav>"
        "<h2>Kop</h2><p>Een <em>zin</em> met <a href='#'>link</a>,\n   over twee regels.</p>"
        "<p>Regel een<br>regel twee</p>"
        "<table><tr><th>Datum</th><td>3 oktober 2024</td></tr><tr><td>Betreft</td><td>Agenda</td></tr></table>"
        "<ul><li>eerste</li><li>tweede</li></ul><ol start='3'><li>derde</li><li>b. eigen label</li></ol>"
        "<dl><dt>DMM</dt><dd>Defence Ministers Meeting</dd></dl></body></html>")
    lines = text.split("\n")
    assert lines[:4] == ["Kop", "", "Een zin met link, over twee regels.", ""]
    assert "Regel een\nregel twee" in text
    assert "Datum | 3 oktober 2024 |\nBetreft | Agenda |" in text
    assert "- eerste" in lines and "- tweede" in lines and "3. derde" in lines and "b. eigen label" in lines
    assert "DMM" in lines and "Defence Ministers Meeting" in lines
    assert "Home" not in text and "color" not in text  # the site's navigation and the style: no text
    assert "Titel van de pagina" not in text and title == "Titel van de pagina"


def test_hidden_and_non_text_elements_give_no_text():
    text, _ = page_text(
        "<body><p>Zichtbaar.</p><p hidden>verborgen-een</p><div style='display: none'>verborgen-twee</div>"
        "<script>var x = 'script-tekst';</script><noscript>noscript-tekst</noscript>"
        "<template><p>template-tekst</p></template><svg><text>svg-tekst</text></svg>"
        "<iframe>iframe-tekst</iframe><object>object-tekst</object>"
        "<form><label>Zoek</label><input value='invoer-tekst'><select><option>optie-tekst</option></select>"
        "<textarea>veld-tekst</textarea><button>knop-tekst</button></form>"
        "<!-- commentaar-tekst --><![CDATA[cdata-tekst]]><img src='logo.svg' alt='logo-tekst'>"
        "<p>Ook zichtbaar.</p></body>")
    assert "Zichtbaar." in text and "Ook zichtbaar." in text and "Zoek" in text
    for gone in ("verborgen", "script-tekst", "noscript", "template", "svg", "iframe", "object", "invoer",
                 "optie", "veld", "knop", "commentaar", "cdata", "logo"):
        assert gone not in text, gone


def test_character_references_become_characters():
    text, _ = page_text("<p>NAVO &amp; EU&#8217;s &lt;b&gt;top&lt;/b&gt; op 7&nbsp;juni &#x2013; Brussel</p>")
    assert text.strip() == "NAVO & EU’s <b>top</b> op 7\u00a0juni – Brussel"


def test_deeply_nested_and_stray_tags_are_read_in_time():
    # 200,000 elements left open, then 200,000 end tags that close nothing: linear, not quadratic.
    start = time.monotonic()
    text, _ = page_text("<p>Begin.</p>" + "<div><b>" * 200_000 + "Midden." + "</i>" * 200_000 + "<p>Einde.</p>")
    assert [l for l in text.split("\n") if l] == ["Begin.", "Midden.", "Einde."]
    assert time.monotonic() - start < 20


# --- footnotes as the sites publish them ----------------------------------------------------

NOTE = "Zie de verklaring die de NAVO na afloop publiceerde."
# Per site: a letter, and the word of one of its sentences that gets the marker (mid-sentence).
NOTED = {"officielebekendmakingen": ("2018-dmm-agenda-printed", "Hoge Vertegenwoordiger"),
         "tkconv": ("2024-dmm-verslag-opentk", "hoe de coördinatie")}


def sentence_with(text: str, words_: str) -> str:
    """The sentence of a text save that holds `words_` (from its line's start or the full stop before),
    its line breaks as spaces."""
    line_start = text.rfind("\n", 0, text.index(words_)) + 1
    flat = " ".join(text[line_start:].split())
    at = flat.index(words_)
    start = flat.rfind(". ", 0, at) + 2 if ". " in flat[:at] else 0
    return flat[start:flat.index(".", at) + 1]


@pytest.mark.parametrize("site", sorted(NOTED))
def test_a_real_shape_footnote_becomes_a_note_and_its_sentence_stays_whole(tmp_path, site):
    name, where = NOTED[site]
    text = (GENRE / f"{name}.txt").read_text(encoding="utf-8")
    if site == "officielebekendmakingen":
        page = pages.officielebekendmakingen(text, "kst-28676-283", notes={"1": NOTE})
        marker = '<sup><a class="nootnum supernote-click-ID-1" href="#ID-1">1</a></sup>'
    else:
        page = pages.tkconv(text, footnotes={"1": NOTE})
        marker = '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>'
    assert page.count(where) == 1
    (tmp_path / f"{name}.html").write_text(page.replace(where, where + marker), encoding="utf-8")
    letter = letter_of(build_corpus(tmp_path), f"{name}.html")
    assert [(f.label, f.text) for f in letter.footnotes] == [("1", NOTE)]
    blocks = [b for s in letter.sections for b in s.blocks]
    marked = [b for b in blocks if where in b.text]
    sentence = sentence_with(text, where)
    assert len(marked) == 1 and sentence in marked[0].text, (sentence, [b.text for b in marked])
    assert [m.value for m in marked[0].marks if m.kind == "footnote"] == ["1"]
    assert marked[0].text.index(where) + len(where) == [m.start for m in marked[0].marks if m.kind == "footnote"][0]
    assert not any(NOTE in b.text for b in blocks)  # the note is no paragraph of the letter
    assert_reads_its_truth(name, letter)


def test_a_superscript_without_a_note_stays_text():
    text, _ = page_text("<p>Een oppervlak van 40 m<sup>2</sup> op de 1<sup>e</sup> verdieping.</p>")
    assert text.strip() == "Een oppervlak van 40 m2 op de 1e verdieping."


# --- decoding ----------------------------------------------------------------------------------


def read(tmp_path: Path, raw: bytes, name: str = "brief.html"):
    path = tmp_path / name
    path.write_bytes(raw)
    return read_html(path, name)


LETTER_HTML = "<p>Den Haag, 3 oktober 2024</p><p>De ministers spreken over Oekraïne – ‘steun’ € 5 mln.</p>"


def test_decoding_follows_the_bom_the_meta_then_utf8_then_windows_1252(tmp_path):
    expected = "De ministers spreken over Oekraïne – ‘steun’ € 5 mln."
    cases = {
        "utf8": LETTER_HTML.encode("utf-8"),
        "bom": b"\xef\xbb\xbf" + ("<meta charset='windows-1252'>" + LETTER_HTML).encode("utf-8"),  # the BOM wins
        "utf16": ("<meta charset='utf-8'>" + LETTER_HTML).encode("utf-16"),
        "meta": ("<meta charset=\"windows-1252\">" + LETTER_HTML).encode("cp1252"),
        "http-equiv": ("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
                       + LETTER_HTML).encode("cp1252"),  # Latin-1 is read as Windows-1252, as browsers do
        "undeclared-cp1252": LETTER_HTML.encode("cp1252"),
        "unknown-charset": ("<meta charset='x-onbekend'>" + LETTER_HTML).encode("utf-8"),
    }
    for case, raw in cases.items():
        source = read(tmp_path, raw)
        assert source.text is not None and expected in source.text, (case, source.text)
        assert source.reader == "html"
    assert read(tmp_path, cases["meta"]).encoding == "cp1252"
    # Only the page's <meta> tells Latin-9 from Windows-1252: byte A4 is "€" in one, "¤" in the other.
    latin9 = read(tmp_path, "<meta charset='iso-8859-15'><p>Den Haag, 3 oktober 2024</p><p>Kosten: € 5 mln.</p>"
                  .encode("iso-8859-15"))
    assert "Kosten: € 5 mln." in latin9.text and latin9.encoding == "iso8859-15"
    assert any("niet in UTF-8" in p.message for p in read(tmp_path, cases["undeclared-cp1252"]).problems)


def test_invalid_bytes_are_reported_by_line_and_the_rest_is_read(tmp_path):
    raw = b"<meta charset='utf-8'>\n<p>Den Haag, 3 oktober 2024</p>\n<p>Kapot \xff\xfe teken.</p>\n<p>Verder.</p>"
    (tmp_path / "kapot.html").write_bytes(raw)
    sources, problems = read_seeds(tmp_path)
    assert "Verder." in sources[0].text and "\ufffd" in sources[0].text
    assert any("onleesbare tekens" in p.message for p in sources[0].problems)


# --- bad and hostile pages -----------------------------------------------------------------------

PAYLOAD = "\"'><script>alert('xss')</script><img src=x onerror=alert(1)><i id=ingevoegd>"
SECRET = "GEHEIM-5f2a: dit mag nooit op de site staan"


def hostile_pages() -> dict[str, bytes]:
    letter = (GENRE / "2022-dmm-agenda-tweedekamer-page.txt").read_text(encoding="utf-8")
    page = pages.tweedekamer(letter)
    marked = htmllib.escape(PAYLOAD, quote=True)

    def into_body(extra: str, base: str = page) -> str:
        return base.replace("<div class=\"m-modal__content\">", "<div class=\"m-modal__content\">" + extra, 1)
    return {
        # A script, an image with a handler, a comment and CDATA holding markup: none of it becomes anything.
        "script.html": into_body("<script>alert('xss-script')</script><img src=x onerror=alert(1)>"
                                 "<!-- <script>alert('xss-comment')</script> -->"
                                 "<![CDATA[<script>alert('xss-cdata')</script>]]>"
                                 "<p onclick=\"alert('xss-attr')\" id=ingevoegd>Zichtbare zin.</p>").encode(),
        # Entities that decode to markup: shown as text.
        "entities.html": into_body(f"<p>Let op: {marked}</p>").encode(),
        # The same saved as one file (MHTML): its page part is read as a page, never published as one.
        "script.mhtml": single_file(into_body("<script>alert('xss-mhtml')</script><img src=x onerror=alert(2)>"
                                              "<p>Zichtbare zin uit een enkel bestand.</p>")),
        # Tags left open, a script never closed.
        "unclosed.html": (page.split("</main>")[0].replace("</div>", "").replace("</p>", "")
                          + "<p><b>vet <i>schuin <span>open" + "<script>alert('xss-open')").encode(),
        # No <body> at all, only a head: no letter, a clear message.
        "geen-body.html": b"<html><head><title>Alleen een titel</title><script>alert(1)</script></head></html>",
        # Invalid bytes throughout: not a page.
        "binair.html": bytes(range(256)) * 64,
        # 10 MB of page: scripts, styles and empty blocks around the letter.
        "groot.html": into_body("<script>" + "var a='<p>xss-groot</p>';\n" * 200_000 + "</script>"
                                + "<div><span></span></div>\n" * 200_000).encode(),
    }


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from sitebuild import generate, mkdocs_build, prepare, seeds_with

    tmp = tmp_path_factory.mktemp("hostilehtml")
    seeds = seeds_with(tmp / "seeds", hostile_pages())
    # A saved page's companion folder: never read.
    (seeds / "script_files").mkdir()
    (seeds / "script_files" / "geheim.txt").write_text(SECRET, encoding="utf-8")
    (seeds / "script_files" / "pagina.html").write_text(f"<p>{SECRET}</p>", encoding="utf-8")
    assert (seeds / "groot.html").stat().st_size >= 10_000_000
    root = prepare(tmp / "w", seeds)
    start = time.monotonic()
    gen = generate(root)
    took = time.monotonic() - start
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr[-3000:]
    return root / "site", gen, took


def test_hostile_pages_add_no_markup(hostile_site):
    from test_bad_input import assert_no_markup_added
    site, _, _ = hostile_site
    assert_no_markup_added(site)
    everything = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    for never in ("xss-script", "xss-comment", "xss-cdata", "xss-attr", "xss-open", "xss-groot", "xss-mhtml",
                  "GEHEIM-5f2a"):
        assert never not in everything, never
    # The pages' own text is read: the hostile parts are left out, not the page.
    assert "Zichtbare zin." in everything and "Zichtbare zin uit een enkel bestand." in everything


def test_entities_that_decode_to_markup_show_as_text(hostile_site):
    from test_bad_input import Text, page_of
    site, _, _ = hostile_site
    page = page_of(site, "entities.html.txt")
    assert page is not None
    parser = Text()
    parser.feed(page.read_text(encoding="utf-8"))
    assert f"Let op: {PAYLOAD}" in " ".join("".join(parser.text).split())


def test_unclosed_and_big_pages_keep_every_word(hostile_site):
    from test_bad_input import Text, page_of
    site, gen, took = hostile_site
    letter = words((GENRE / "2022-dmm-agenda-tweedekamer-page.txt").read_text(encoding="utf-8"))
    for name in ("unclosed.html", "groot.html", "script.html"):
        page = page_of(site, f"{name}.txt")
        assert page is not None, name
        parser = Text()
        parser.feed(page.read_text(encoding="utf-8"))
        shown = words(" ".join(parser.text))
        assert not letter - shown, (name, sorted(letter - shown)[:10])
    assert took < 300, f"the seeds and a 10 MB page took {took:.0f} s"


def test_bad_pages_are_reported_by_name_and_the_build_goes_on(hostile_site):
    site, gen, _ = hostile_site
    assert gen.returncode == 1  # files that could not be used at all
    assert "geen-body.html: error: webpagina zonder tekst" in gen.stderr, gen.stderr[-2000:]
    assert "binair.html: error" in gen.stderr
    assert "script_files: warning: overgeslagen: map" in gen.stderr
    assert len(list((site / "brieven").rglob("index.html"))) > 5  # the seeds and the other pages are built


# --- a page laid out in a table, as older sites were ------------------------------------------


def test_a_page_laid_out_in_a_table_keeps_every_paragraph(tmp_path):
    # The menu in one cell, the letter in the next, a data table inside it: the letter's cell is a
    # region of text, not a cell of a row (before, the whole letter was lost but the inner row).
    name = pages.letters_by_site()["officielebekendmakingen"][0]
    text = (GENRE / f"{name}.txt").read_text(encoding="utf-8")
    page = ('<html><body><table><tr><td><a href="/">Home</a><br><a href="/kst">Kamerstukken</a></td>'
            f'<td><h1>Brief</h1>{pages.body(text.splitlines())}'
            '<table><tr><td>Datum</td><td>3 oktober 2008</td></tr></table></td></tr></table></body></html>')
    got, _ = page_text(page)
    assert words(text) <= words(got)
    assert got.count("\n\n") >= len(pages.blocks(text.splitlines()))  # its paragraphs stay paragraphs
    assert "Datum | 3 oktober 2008 |" in got.splitlines()  # a table of data inside it is still rows
    (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")
    letter = build_corpus(tmp_path).corpus.letters[0]
    assert_reads_its_truth(name, letter)


def test_a_cell_with_one_paragraph_is_still_a_cell():
    # Word and the official site write a cell's text in a <p>: one paragraph keeps the row whole.
    got, _ = page_text("<table><tr><td><p>Datum</p></td><td><p>3 oktober 2008</p></td></tr></table>")
    assert got.splitlines() == ["Datum | 3 oktober 2008 |"]


# --- a page saved as one file (MHTML) ---------------------------------------------------------


def single_file(page: str) -> bytes:
    """A page as Chrome and Edge save it as one file: a MIME message, the page quoted-printable,
    an image beside it (as their saves hold one)."""
    import quopri
    boundary = "----MultipartBoundary--voorbeeld----"
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.org/brief\r\n"
            f"Subject: Brief\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            f"\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n\r\n--{boundary}\r\n"
            "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n").encode() \
        + quopri.encodestring(page.encode("utf-8")).replace(b"\n", b"\r\n") \
        + (f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           f"iVBORw0KGgo=\r\n--{boundary}--\r\n").encode()


def test_a_page_saved_as_one_file_reads_as_the_page(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    names = [site[0] for site in pages.letters_by_site().values()]
    for name in names:
        (seeds / f"{name}.mhtml").write_bytes(single_file(pages.page_for(name)))
    result, _ = build_site(seeds, tmp_path / "docs")
    for name in names:
        letter = letter_of(result, f"{name}.mhtml")
        assert_reads_its_truth(name, letter)
        page = (tmp_path / "docs" / "brieven" / f"{letter.slug}.md").read_text(encoding="utf-8")
        assert words((GENRE / f"{name}.txt").read_text(encoding="utf-8")) <= words(page)
        assert "brontype: webpagina" in page and f"{name}.mhtml.txt" in page  # published as text


def test_a_single_file_save_without_a_page_is_reported(tmp_path):
    (tmp_path / "leeg.mht").write_bytes(b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n")
    source = read_html(tmp_path / "leeg.mht", "leeg.mht")
    assert source.text is None
    assert [(p.source, p.level) for p in source.problems] == [("leeg.mht", "error")]
    assert "MHTML" in source.problems[0].message
