"""Topics per paragraph, and the meeting page that compares them (issue 12)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.pipeline import build_corpus
from generator.render import render
from generator.topics import is_framing, load_taxonomy, paragraph_topics

SMALL = r"""
min_hits: 2
subject_markers: [over]
greetings: ['^geachte\b']
announcements: ['\bin deze brief informeer ik\b']
topics:
  - slug: drones
    title: Drones
    description: Over drones.
    terms: [drone*, onbemand*]
  - slug: schepen
    title: Schepen
    description: Over schepen.
    terms: [fregat*, schip]
  - slug: steun
    title: Steun
    description: Over steun.
    strong: [NUC]
    terms: [Oekraïne]
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load_taxonomy(path)


# --- the rules, on made-up paragraphs ----------------------------------------------


def test_paragraph_takes_its_own_topics_not_the_whole_heading(small):
    text = "De marine bestelt twee fregatten. Elk fregat krijgt een nieuw schip als bevoorrader."
    assert paragraph_topics(text, small, prior=("drones",)) == ("schepen",)


def test_heading_topic_is_kept_on_one_mention_and_wins_main(small):
    text = "De fregatten en het schip krijgen een drone aan boord."
    assert paragraph_topics(text, small, prior=("drones",)) == ("drones", "schepen")


def test_paragraph_without_own_topic_takes_the_heading(small):
    assert paragraph_topics("Nederland blijft hier volop aan bijdragen.", small, prior=("steun",),
                            inherited=("drones",)) == ("steun", "drones")


def test_one_mention_as_subject_of_a_clause_counts(small):
    assert paragraph_topics("Ministers spreken over de inzet van onbemande systemen.", small) == ("drones",)
    # Too far from the marker, or in another clause: a passing mention.
    assert paragraph_topics("Ministers spreken over de lange termijn, met daarbij ook drones.", small) == ()
    assert paragraph_topics("Het budget, inclusief drones, blijft gelijk.", small) == ()


def test_main_topic_is_the_most_discussed(small):
    text = "Een drone, nog een drone en een derde drone. Ook twee fregatten en een schip."
    assert paragraph_topics(text, small)[0] == "drones"
    assert paragraph_topics(text, small, prior=("schepen",))[0] == "schepen"


def test_greeting_and_announcing_opening_have_no_topic(small):
    assert is_framing("Geachte voorzitter,", small, opening=False)
    assert is_framing("In deze brief informeer ik u over de NUC.", small, opening=True)
    # The same words later in a letter are content.
    assert not is_framing("In deze brief informeer ik u over de NUC.", small, opening=False)
    assert paragraph_topics("In deze brief informeer ik u over de NUC.", small, framing=True) == ()


def test_bad_pattern_is_a_taxonomy_error_naming_the_file(tmp_path):
    from generator.topics import TaxonomyError

    path = tmp_path / "topics.yaml"
    path.write_text(SMALL.replace(r"'^geachte\b'", "'(geachte'"), encoding="utf-8")
    with pytest.raises(TaxonomyError, match="topics.yaml.*greetings"):
        load_taxonomy(path)


# --- the real seeds ---------------------------------------------------------------------


def paragraphs_of(seed_corpus, slug_start: str, words: str) -> list[tuple[str, str]]:
    """(letter slug, paragraph anchor) of the paragraphs containing `words`."""
    return [(d.slug, f"p{b.line}") for l in seed_corpus.letters for d in (l, *l.attachments) if d.slug.startswith(slug_start)
            for s in d.sections for b in s.blocks if words in b.text]


def test_missed_passages_are_on_their_topics(seed_corpus):
    topics = {t.slug: t for t in seed_corpus.topics}
    spending = paragraphs_of(seed_corpus, "2025-06-05", "een nieuwe afspraak over NAVO-defensie uitgaven")
    plans = paragraphs_of(seed_corpus, "2025-01-31", "SACEUR zal een update geven over de invulling")
    assert len(spending) == len(plans) == 1
    assert spending[0] in {(p.letter, p.paragraph) for p in topics["defensie-uitgaven"].passages}
    assert plans[0] in {(p.letter, p.paragraph) for p in topics["militaire-plannen"].passages}


def test_greetings_and_openings_belong_to_no_topic(seed_corpus):
    for start, words in (("2025-09-29", "Geachte voorzitter"), ("2025-09-29", "In deze brief informeer ik"),
                         ("2025-11-12", "In deze brief informeer ik"), ("2025-01-31", "Hierbij stuur ik u")):
        found = paragraphs_of(seed_corpus, start, words)
        assert found and all(seed_corpus.paragraph_topics[f] == () for f in found), (start, words)


def test_section_topics_are_the_union_of_its_paragraphs(seed_corpus):
    for letter in seed_corpus.letters:
        for s in letter.sections:
            if s.blocks:
                union = {t for b in s.blocks for t in seed_corpus.paragraph_topics[(letter.slug, f"p{b.line}")]}
                assert set(seed_corpus.section_topics[(letter.slug, s.anchor)]) == union


# A quoted paragraph (ready HTML, tests/test_quotes.py): its text, before the <small> naming where it stands.
QUOTE = re.compile(r"^<(?:p|li)>(.+?) <small>", re.M)


def test_meeting_page_quotes_every_paragraph_once_under_its_main_topic(seed_corpus, seed_pages):
    page = seed_pages["vergaderingen/2025-10-15-dmm.md"]
    quotes = QUOTE.findall(page)
    assert len(quotes) > 15
    assert len(quotes) == len(set(quotes))
    # Each quote stands in the row of its paragraph's main topic.
    rows = re.split(r"^### ", page, flags=re.M)[1:]
    texts = {re.sub(r"\W+", "", b.text)[:60]: seed_corpus.paragraph_topics[(d.slug, f"p{b.line}")]
             for d in seed_corpus.letters if "2025-10-15-dmm" in {m.id for m in seed_corpus.meetings if d.slug in m.letters}
             for s in d.sections for b in s.blocks}
    for row in rows:
        slug = re.search(r"\{#([a-z-]+)\}", row.splitlines()[0])[1]
        for q in QUOTE.findall(row):
            key = re.sub(r"\W+", "", html.unescape(re.sub(r"<[^>]+>", "", q)))[:60]
            assert texts[key][0] == slug, (slug, q[:60])
    # The shadow-fleet playbook is quoted under Rusland, not hidden behind a section's opening.
    rusland = next(r for r in rows if "{#rusland}" in r.splitlines()[0])
    assert "schaduwvloot" in rusland
    # The agenda speaks of Russian drones and jets: no "Niet besproken" under Rusland.
    assert "Niet besproken" not in rusland


def test_meeting_without_verslag_says_so_and_draws_one_column(seed_pages):
    page = seed_pages["vergaderingen/2025-06-05-dmm.md"]
    assert "Het verslag van deze vergadering staat nog niet in de leeszaal" in page
    assert "naast-elkaar" not in page and "Niet besproken" not in page
    both = seed_pages["vergaderingen/2025-10-15-dmm.md"]
    assert "staat nog niet in de leeszaal" not in both and "naast-elkaar" in both


def test_no_empty_quote_anywhere(seed_pages):
    assert not [path for path, text in seed_pages.items() if "(geen tekst)" in text or re.search(r"^>\s*$\n\n", text, re.M)]


def test_topic_pages_quote_the_missed_paragraphs_and_feeds_have_unique_ids(seed_corpus, seed_pages):
    from generator.feed import render_feeds

    def text(path: str) -> str:  # quotes are HTML, their glossary terms in <abbr>
        return re.sub(r"<[^>]+>", "", seed_pages[path])

    assert "een nieuwe afspraak over NAVO-defensie uitgaven" in text("onderwerpen/defensie-uitgaven.md")
    assert "SACEUR zal een update geven over de invulling" in text("onderwerpen/militaire-plannen.md")
    for page in render_feeds(seed_corpus, {"site_url": "https://example.org/"}):
        ids = re.findall(r"<id>(.*?)</id>", page.content)
        assert len(ids) == len(set(ids)), page.path


# --- the development seed_corpus of made-up letters in the genre's shapes -------------------------

GENRE = Path(__file__).parent / "fixtures" / "genre"


@pytest.fixture(scope="module")
def genre():
    corpus = build_corpus(GENRE).corpus
    return corpus, {p.path: p.content for p in render(corpus, []) if isinstance(p.content, str)}


def test_genre_meeting_pages_quote_each_paragraph_once(genre):
    corpus, pages = genre
    meetings = [p for p in pages if p.startswith("vergaderingen/") and not p.endswith("index.md")
                and not p.startswith("vergaderingen/jaar/")]  # a year's index, no meeting
    assert len(meetings) >= 10
    for path in meetings:
        quotes = QUOTE.findall(pages[path])
        assert len(quotes) == len(set(quotes)), path
        letters = next(m for m in corpus.meetings if f"vergaderingen/{m.id}.md" == path).letters
        kinds = {next(l for l in corpus.letters if l.slug == s).kind for s in letters}
        assert ("Het verslag van deze vergadering staat nog niet in de leeszaal" in pages[path]) == \
            ("verslag" not in kinds), path
    assert not [p for p, t in pages.items() if "(geen tekst)" in t]


def test_genre_openings_that_announce_the_letter_have_no_topic(genre):
    corpus, _ = genre
    announcing = ("Hierbij bied", "Hierbij ontvangt u", "Met deze brief ontvangt u", "In deze brief informeer ik")
    found = [(l.slug, b) for l in corpus.letters for b in (l.sections[0].blocks if l.sections else ())
             if l.sections[0].heading is None and b.text.startswith(announcing)]
    assert len(found) >= 5
    assert all(corpus.paragraph_topics[(slug, f"p{b.line}")] == () for slug, b in found)


def test_genre_descriptions_and_dates_are_spans_of_the_citing_sentence(genre):
    corpus, _ = genre
    mentions = [m for d in corpus.documents for m in d.mentions]
    assert len(mentions) >= 10
    for m in mentions:
        c = m.context
        if c.description:
            assert c.description in c.sentence
        if c.date_text:
            assert c.date_text in c.sentence
