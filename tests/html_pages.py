"""Web pages as a browser saves them, made from the development corpus's text saves.

Each function wraps a letter's text (tests/fixtures/genre/*.txt) in the markup
of the site its layout comes from, so the HTML reader can be checked against
the same truth files.  Nothing is copied from the sites: the shapes below are
the markup their own templates and known scrapers name.

- zoek.officielebekendmakingen.nl (`officielebekendmakingen`): the publication
  in `div#main-column` > `div.stuk` (openkamer's scraper/documents.py reads
  `div.stuk`, `h1/h2.stuktitel`, the `dcterms.identifier` meta); the site's
  header table as a `<table>`; a footnote marker `<sup><a class="nootnum
  supernote-click-ID-…" href="#ID-…">1</a></sup>` and the notes in `div#noten`
  as `div.voet.noot` with an `h5.note-close` ("X Noot") and `sup >
  span.nootnum` (the official XSLT as tkconv's tk-div.xslt and openkamer's
  tests show it).
- tweedekamer.nl (`tweedekamer`): `<h1><span class="u-text-primary
  u-font-normal">Brief regering</span> : titel</h1>` (as the
  tweede-kamer-stemming-scraper reads it), the site's menu in `<nav>`, the
  document text in `div.m-modal__content`, the signers in `ul.m-list` >
  `li.m-list__item--variant-member` with `span.u-font-bold` and
  `span.m-list__label`, and a "Naar boven" link.
- berthub.eu/tkconv (`tkconv`): partials/base.html and partials/getorig.html
  of berthubert/tkconv: the menu `[<a>overzicht</a>] …` in `header > center >
  small`, the `hblock` of h2/h4/em, the `Nummer: <b>…</b>, datum: …` line,
  `Gerelateerde personen:` and `Onderdeel van zaak …:` lists, and the
  document in a bordered `div` under `<h4>Preview document (🔗 <a>origineel</a>)</h4><hr/>`;
  a .docx is shown as pandoc writes it (footnotes: `a.footnote-ref > sup`,
  `section.footnotes` > `ol` > `li#fn1` with an `a.footnote-back`).
- rijksoverheid.nl (`rijksoverheid`): a document or news page as an `article`
  under `main`, with the site's header, breadcrumb `nav` and footer links
  (the shape of its pages as saved; no scraper of it was found).

Around the letter each page carries its site's chrome in the shape real saved
pages show it (openkamer/openkamer's saved tweedekamer.nl pages of 2015, a
rijksoverheid.nl and an overheid.nl page of 2018): skip links, a menu and a
footer as plain `div`s (no `<nav>`, no `<footer>`), breadcrumbs, a cookie
banner, share buttons, a search form with its label (`CHROME`, written here).

A letter's text keeps its paragraphs (a blank line: a new `<p>`) and its line
breaks inside one (`<br>`), as the sites show a document converted from a PDF
or Word file; a text save's table row (`a | b |`) is a table row.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GENRE = ROOT / "tests" / "fixtures" / "genre"

ROW = re.compile(r"^.*\|\s*$")
RULE = re.compile(r"^[|:\- ]*-{3}[|:\- ]*$")


def e(text: str) -> str:
    return html.escape(text, quote=True)


def blocks(lines: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def body(lines: list[str]) -> str:
    """Paragraphs as <p> with <br> line breaks; table rows as a table."""
    parts: list[str] = []
    for block in blocks(lines):
        para: list[str] = []

        def flush() -> None:
            if para:
                parts.append("<p>" + "<br>\n".join(e(l) for l in para) + "</p>")
                para.clear()
        rows: list[str] = []
        for line in block:
            if RULE.match(line.strip()):
                continue  # a text save's rule under a table's first row: no such line in HTML
            if ROW.match(line) and line.count("|") >= 1 and line.strip() != "|":
                flush()
                cells = [c.strip() for c in line.rstrip().rstrip("|").split("|")]
                rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
                continue
            if rows:
                parts.append("<table><tbody>" + "".join(rows) + "</tbody></table>")
                rows = []
            if line.strip() == "|":
                continue
            para.append(line)
        if rows:
            parts.append("<table><tbody>" + "".join(rows) + "</tbody></table>")
        flush()
    return "\n".join(parts)


# Per site: the chrome above the letter and below it, in the shapes real saved pages have (class and id
# names as the sites use them; the words are made up here).
CHROME = {
    "officielebekendmakingen": (
        '<p class="skiplink"><a href="#main-column">Ga direct naar de inhoud</a></p>'
        '<div id="cookiebar" class="cookie-notice"><p>Deze website gebruikt alleen functionele cookies.</p>'
        '<a href="/cookies">Meer over cookies</a></div>'
        '<div id="header"><form class="search" action="/zoeken"><label for="q">Zoek in publicaties</label>'
        '<input id="q" name="q"></form></div>',
        '<div class="footer"><p><a href="/toegankelijkheid">Toegankelijkheid</a></p>'
        '<p>Deze site werkt samen met andere overheidssites</p></div>'
        '<div id="menu"><h2>Sitenavigatie</h2><ul><li><a href="/">Home</a></li><li><a href="/zoeken">Zoeken</a></li>'
        '</ul><h3>Meta navigatie</h3><ul class="meta"><li><a href="/contact">Contact</a></li>'
        '<li><a href="/help">Help</a></li></ul></div>'),
    "tweedekamer": (
        '<div id="top"><a href="#navigation" class="skiplink">Direct naar de hoofdnavigatie</a>'
        '<a href="#header" class="skiplink">Direct naar de inhoud</a></div>'
        '<div id="navigation"><ul id="nav-main"><li><a href="/vergaderingen">Vergaderingen</a>'
        '<div class="nav-sub-container"><ul class="nav-sub"><li><a href="#">Plenaire vergaderingen</a></li></ul></div></li>'
        '<li><a href="/kamerleden">Kamerleden</a></li><li><a href="/commissies">Commissies</a></li></ul>'
        '<div id="search-box-container"><form id="search-box"><label for="zoek">Zoeken</label><input id="zoek"></form></div></div>'
        '<div class="breadcrumb-container"><ol><li><a href="/">Home</a></li><li><a href="/kamerstukken">Kamerstukken</a></li></ol></div>'
        '<div class="social-media-links"><ul><li>Deel dit via</li><li><a href="#">Facebook</a></li>'
        '<li><a href="#">LinkedIn</a></li><li><a href="#">E-mail</a></li></ul></div>',
        '<div id="footer"><ul id="nav-footer"><li><a href="/colofon">Colofon</a></li><li><a href="/privacy">Uw privacy</a>'
        '</li></ul><a href="#top">Direct naar het begin van de pagina</a></div>'
        '<div id="cookiebar-cookiepolicy"><p>Wij plaatsen cookies om de site te verbeteren.</p>'
        '<a href="#">Akkoord</a></div>'),
    "rijksoverheid": (
        '<div id="header"><div class="logo"><img src="Page_files/logo.svg" alt="Logo"></div>'
        '<div class="skiplinks"><p><span class="assistive">Ga direct naar</span> <a href="#content">inhoud</a> '
        '<span class="assistive">of</span> <a href="#navigation">menu</a></p></div></div>'
        '<div id="searchForm" role="search"><form action="/zoeken"><label for="kw">Zoek binnen deze site</label>'
        '<input id="kw" name="trefwoord"></form></div>',
        '<div class="share"><p>Deel deze pagina</p><ul><li><a href="#">X</a></li><li><a href="#">LinkedIn</a></li></ul></div>'
        '<div id="footer"><div class="payoff"><span>De overheid, voor iedereen</span></div>'
        '<div class="column"><h2>Service</h2><ul><li><a href="/contact">Contact</a></li><li><a href="/rss">RSS</a></li></ul></div>'
        '<div class="column"><h2>Over deze site</h2><ul><li><a href="/privacy">Privacy</a></li>'
        '<li><a href="/cookies">Cookies</a></li></ul></div></div>'
        '<footer><p>Een site van de overheid</p></footer>'),
}


def officielebekendmakingen(text: str, identifier: str = "kst-onbekend", notes: dict[str, str] | None = None) -> str:
    noten = ""
    if notes:
        noten = '<div id="noten"><hr />' + "".join(
            f'<div class="voet noot snp-mouseoffset snb-pinned notedefault" id="supernote-note-ID-{n}">'
            f'<h5 class="note-close"><a class="note-close" href="#close-ID-{n}">X</a> Noot </h5>'
            f'<sup><span class="nootnum" id="ID-{n}">{n}</span></sup><p>{e(t)}</p></div>'
            for n, t in notes.items()) + "</div>"
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>{e(identifier)} | Overheid.nl &gt; Officiële bekendmakingen</title>
<meta name="dcterms.identifier" content="{e(identifier)}">
<link rel="stylesheet" href="Page_files/screen.css"><script src="Page_files/main.js"></script>
</head><body>
{CHROME["officielebekendmakingen"][0]}
<nav class="breadcrumb" aria-label="Kruimelpad"><a href="/">Home</a> &gt; <a href="/zoeken">Zoeken</a></nav>
<div id="main-column"><div class="stuk">
{body(text.split(chr(10)))}
</div>
{noten}
<p><a href="#top">Naar boven</a></p>
</div>
{CHROME["officielebekendmakingen"][1]}
</body></html>
"""


def tweedekamer(text: str) -> str:
    lines = text.split("\n")
    title = ""
    m = re.match(r"^Brief regering ?: ?(.*)$", lines[0]) if lines else None
    if m:
        title, lines = m.group(1), lines[1:]
    signers = ""
    if "Ondertekenaars" in lines:  # the site's list of signers under the letter
        at = lines.index("Ondertekenaars")
        tail, lines = lines[at + 1:], lines[:at]
        items = [l for l in tail if l.strip() and l.strip() != "-"]
        signers = ('<h2>Ondertekenaars</h2><ul class="m-list">' + "".join(
            f'<li class="m-list__item m-list__item--variant-member"><span class="m-list__label">'
            f'<span class="u-font-bold">{e(a)}</span><br><a class="h-link-inverse" href="#">{e(b)}</a></span></li>'
            for a, b in zip(items[0::2], items[1::2])) + "</ul>")
    h1 = f'<h1><span class="u-text-primary u-font-normal">Brief regering</span> : {e(title)}</h1>' if m else ""
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(title or 'Document')} | Tweede Kamer der Staten-Generaal</title>
<script>window.dataLayer = window.dataLayer || [];</script>
</head><body>
<header class="o-header"><a class="h-visually-hidden" href="#main">Direct naar content</a>
<nav class="m-navigation" aria-label="Hoofdmenu"><ul><li><a href="/kamerleden_en_commissies">Kamerleden en commissies</a></li>
<li><a href="/kamerstukken">Kamerstukken</a></li><li><a href="/debat_en_vergadering">Debat en vergadering</a></li></ul></nav>
<form role="search"><input type="search" name="qry" placeholder="Zoeken"><button>Zoek</button></form>
</header>
{CHROME["tweedekamer"][0]}
<main id="main">
{h1}
<div class="m-modal__content">
{body(lines)}
</div>
{signers}
<p><a href="#main">Naar boven</a></p>
</main>
{CHROME["tweedekamer"][1]}
<noscript>Uw browser ondersteunt geen JavaScript.</noscript>
</body></html>
"""


def tkconv(text: str, footnotes: dict[str, str] | None = None) -> str:
    lines = text.split("\n")
    menu = [l for l in lines[:3] if l.startswith("[")]
    rest = lines[len(menu):]
    try:
        at = next(i for i, l in enumerate(rest) if l.startswith("Preview document"))
    except StopIteration:
        at = -1
    head, doc = (rest[:at], rest[at + 1:]) if at >= 0 else ([], rest)
    header = "<br/>\n".join(
        " ".join(f'[<a href="{e(w.strip("[]"))}.html">{e(w.strip("[]"))}</a>]' for w in re.findall(r"\[[^\]]+\]", l))
        for l in menu)
    out: list[str] = []
    items: list[str] = []
    titles = [l for l in head if l.strip()]
    hblock = []  # the lines above "Nummer: …": onderwerp (h2), titel (h4), soort (em)
    while titles and not titles[0].startswith("Nummer:"):
        hblock.append(titles.pop(0))
    shapes = ["<h2>{}</h2>", "<h4>{}</h4>"] + ["<p><em>{}</em></p>"] * len(hblock)
    out.append("<hblock>" + "".join(s.format(e(l)) for s, l in zip(shapes, hblock)) + "</hblock>")

    def flush() -> None:
        if items:
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
            items.clear()
    for line in titles:
        if line.startswith("- "):
            items.append(line[2:])
            continue
        flush()
        if line.startswith("Gerelateerde personen:- "):
            out.append("Gerelateerde personen:")
            items.append(line[len("Gerelateerde personen:- "):])
            continue
        m = re.match(r"^Nummer: (\S+), datum: (\S+), bijgewerkt: (.+?), versie: (\S+)$", line)
        if m:
            out.append(f"<p>Nummer: <b>{e(m.group(1))}</b>, datum: <b>{e(m.group(2))}</b>, "
                       f"bijgewerkt: <b>{e(m.group(3))}</b>, versie: {e(m.group(4))}</p>")
            continue
        out.append(f"<p>{e(line)}</p>")
    flush()
    notes = ""
    if footnotes:
        notes = ('<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">'
                 "<hr />\n<ol>\n" + "".join(
                     f'<li id="fn{n}"><p>{e(t)}<a href="#fnref{n}" class="footnote-back" role="doc-backlink">↩︎</a></p></li>\n'
                     for n, t in footnotes.items()) + "</ol>\n</section>")
    preview = ('<div style="border-width:1px; border-style:solid; border-color:#222222; padding: 0.5em; max-width: 50em;">\n'
               '<h4>Preview document (🔗 <a href="getraw/x">origineel</a>)</h4>\n<hr/>\n'
               f"{body(doc)}\n{notes}\n</div>") if at >= 0 else body(doc)
    return f"""<!DOCTYPE html>
<html><head><title>{e(hblock[0] if hblock else '')}</title><meta charset="utf-8">
<link rel='stylesheet' href='Page_files/pico.min.css' /><style>body {{ font-size: 1em; }}</style>
<script defer src="Page_files/logic.js"></script>
</head><body><div>
<header class="container"><center><small>
{header}
<br/></small></center></header>
<main class="container">
{chr(10).join(out)}
{preview}
</main></div>
</body></html>
"""


def rijksoverheid(text: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="UTF-8"><title>Document | Rijksoverheid.nl</title>
<script>var _paq = [];</script></head><body>
{CHROME["rijksoverheid"][0]}
<nav aria-label="Hoofdnavigatie"><ul><li><a href="/onderwerpen">Onderwerpen</a></li><li><a href="/ministeries">Ministeries</a></li></ul></nav>
<nav class="breadcrumb" aria-label="U bent hier"><a href="/">Home</a> &gt; <a href="/documenten">Documenten</a></nav>
<main id="content"><article class="article">
{body(text.split(chr(10)))}
</article></main>
{CHROME["rijksoverheid"][1]}
</body></html>
"""


def site_of(name: str) -> str | None:
    """The site whose page shape a development-corpus letter's layout follows; None: none of the four."""
    truth = yaml.safe_load((GENRE / f"{name}.yaml").read_text(encoding="utf-8"))
    layout, follows = truth.get("layout", ""), str(truth.get("follows", ""))
    text = (GENRE / f"{name}.txt").read_text(encoding="utf-8")
    if layout == "tweedekamer-page":
        return "tweedekamer"
    if layout == "opentk-page" and text.startswith("[overzicht]"):
        return "tkconv"
    if "rijksoverheid.nl" in follows:
        return "rijksoverheid"
    if layout in ("printed-kamerstuk", "printed-kamerstuk-lines") or "officielebekendmakingen" in follows:
        return "officielebekendmakingen"
    return None


def page_for(name: str) -> str:
    text = (GENRE / f"{name}.txt").read_text(encoding="utf-8")
    site = site_of(name)
    if site == "officielebekendmakingen":
        m = re.search(r"(kst-[0-9A-Za-z-]+)", str(yaml.safe_load((GENRE / f"{name}.yaml").read_text())["follows"]))
        return officielebekendmakingen(text, m.group(1) if m else "kst-onbekend")
    return {"tweedekamer": tweedekamer, "tkconv": tkconv, "rijksoverheid": rijksoverheid}[site](text)


def letters_by_site() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for txt in sorted(GENRE.glob("*.txt")):
        site = site_of(txt.stem)
        if site:
            found.setdefault(site, []).append(txt.stem)
    return found


if __name__ == "__main__":  # write the pages into a folder, to look at them in a browser
    import sys
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/html-pages")
    target.mkdir(parents=True, exist_ok=True)
    for site, names in letters_by_site().items():
        for name in names:
            (target / f"{name}.html").write_text(page_for(name), encoding="utf-8")
        print(site, len(names))
