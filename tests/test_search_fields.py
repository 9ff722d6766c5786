"""What the generator gives search (generator/render.py `zoeknummer`, overrides/partials/zoekfilters.html).

A letter carries its own Kamerstuk number; a cited document's page carries its
number only when the document is not itself a letter here, so a search for the
number leads to the letter.  Filters and the sort date say only what the page
states.
"""
from __future__ import annotations

import re

import yaml

from generator.render import search_number


def front(path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


def test_search_number_is_left_out_when_there_is_none():
    assert search_number(None) == {}
    assert search_number("35000-VII-12") == {"zoeknummer": "35000-VII-12"}


def test_letters_and_documents_carry_their_numbers(built):
    docs = built / "docs"
    letters = {p.stem: front(p) for p in (docs / "brieven").rglob("*.md") if p.name != "index.md"}
    numbered = {meta["zoeknummer"]: slug for slug, meta in letters.items() if meta.get("zoeknummer")}
    assert "28676-554" in numbered, f"the verslag does not carry its Kamerstuk number: {numbered}"
    for page in sorted((docs / "kamerstukken").glob("*.md")):
        if page.name == "index.md":
            continue
        meta = front(page)
        if page.stem in numbered:
            assert "zoeknummer" not in meta, f"{page.name}: competes with its letter for its number"
        else:
            assert meta.get("zoeknummer") == page.stem, f"{page.name}: zoeknummer {meta.get('zoeknummer')!r}"


def test_filters_state_only_what_the_page_states(built):
    site = built / "site"
    for html in sorted((site / "brieven").rglob("index.html")):
        if html.parent == site / "brieven":
            continue
        text = html.read_text(encoding="utf-8")
        years = re.findall(r'data-pagefind-filter="jaar">([^<]*)<', text)
        dates = re.findall(r'data-pagefind-sort="datum">([^<]*)<', text)
        shown = re.search(r"<dt>Datum</dt><dd>([^<]*)", text)
        stated = shown and shown.group(1).strip() != "niet vermeld"
        if not stated:
            assert not years and not dates, f"{html.parent.name}: a year or date for a letter without one"
        else:
            assert len(dates) == 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[0]), html.parent.name
            assert years == [dates[0][:4]] and dates[0][:4] in shown.group(1), html.parent.name


def _filters_of(src: str, meta: dict) -> str:
    """overrides/partials/zoekfilters.html as MkDocs renders it for a page at `src` with front matter `meta`."""
    from types import SimpleNamespace

    from jinja2 import Environment, FileSystemLoader

    from sitebuild import ROOT
    env = Environment(loader=FileSystemLoader(str(ROOT / "overrides")))
    page = SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri=src))
    return env.get_template("partials/zoekfilters.html").render(page=page)


def test_a_topics_year_page_narrows_to_the_topic_itself():
    # "Oekraïne: 2019" as a choice beside "Oekraïne" would flood the list with one choice per year.
    year = _filters_of("onderwerpen/oekraine/2019.md", {"title": "Oekraïne: 2019"})
    assert re.findall(r'data-pagefind-filter="onderwerp">([^<]*)<', year) == ["Oekraïne"]
    topic = _filters_of("onderwerpen/oekraine.md", {"title": "Oekraïne"})
    assert re.findall(r'data-pagefind-filter="onderwerp">([^<]*)<', topic) == ["Oekraïne"]


def test_a_dossier_page_carries_its_number_as_one_word(built):
    pages = {p.stem: front(p) for p in (built / "docs" / "dossiers").glob("*.md") if p.name != "index.md"}
    assert pages and all(meta.get("zoekdossier") == stem for stem, meta in pages.items())
    html = _filters_of("dossiers/21501-28.md", {"zoekdossier": "21501-28"})
    assert re.findall(r'class="zoeknummer"[^>]*>([^<]+)<', html) == ["dos2150128"]
