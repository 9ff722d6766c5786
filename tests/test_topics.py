"""Topic assignment: the taxonomy file, the matching rules, and the real seeds."""
from __future__ import annotations

from pathlib import Path

import pytest
from slugify import slugify

from conftest import SEED_NAMES, seed
from generator.topics import (
    TaxonomyError,
    assign,
    explain,
    heading_topics,
    is_generic,
    load_taxonomy,
    term_hits,
)

# Which meeting each seed is about (from the letters themselves).
MEETING = {"003": "2023-06-15", "001": "2025-02-13", "000": "2025-06-05", "002": "2025-10-15", "004": "2025-10-15"}


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def sections(clean_text):
    """(heading, parent heading, text) per section, as the parser cuts them."""
    out = []
    for doc in clean_text.documents:
        current, main = [None, None, []], None
        for block in doc.blocks:
            if block.kind == "heading":
                out.append(current)
                if block.level == 2:
                    main = block.text
                    current = [block.text, None, []]
                else:
                    current = [block.text, main, []]
            elif block.kind in ("paragraph", "item"):
                current[2].append(block.text)
        out.append(current)
    return [(h, p, "\n\n".join(t)) for h, p, t in out if h is not None or t]


@pytest.fixture(scope="module")
def assigned(cleaned, taxonomy):
    """{seed prefix: [(heading, parent, slugs)]} for every section of every seed."""
    return {
        name[:3]: [(h, p, assign(h, t, taxonomy, p)) for h, p, t in sections(cleaned[name])]
        for name in SEED_NAMES
    }


def write_yaml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    return path


SMALL = """
min_hits: 2
generic_headings: [Aanleiding]
topics:
  - slug: drones
    title: Drones
    description: Over drones.
    aliases: ["Onbemande systemen (UAS)"]
    strong: [UAS]
    terms: [drone*, onbemand*]
  - slug: kernwapens
    title: Kernwapens
    description: Over kernwapens.
    terms: [nucleair*]
    min_hits: 3
  - slug: steun
    title: Steun
    description: Over steun.
    strong: [NUC]
    terms: [Oekraïne]
"""


@pytest.fixture
def small(tmp_path):
    return load_taxonomy(write_yaml(tmp_path, SMALL))


# --- the taxonomy file ----------------------------------------------------------


def test_taxonomy_file_is_valid_and_has_the_core_topics(taxonomy):
    slugs = [t.slug for t in taxonomy]
    assert len(slugs) == len(set(slugs))
    assert all(s == slugify(s) for s in slugs)
    for needed in ("oekraine", "luchtverdediging", "defensie-industrie", "defensie-uitgaven",
                   "capability-targets", "militaire-plannen", "missies-en-operaties", "navo-top",
                   "eu-defensie", "onderzeese-infrastructuur", "nucleair", "ruimte", "hybride-dreigingen"):
        assert needed in slugs
    assert all(t.title and t.description for t in taxonomy)
    assert is_generic("Defence Ministers Meeting (DMM)", taxonomy)


@pytest.mark.parametrize("change, message", [
    (lambda s: s.replace("slug: kernwapens", "slug: drones"), "vaker"),
    (lambda s: s.replace("slug: kernwapens", "slug: Kernwapens"), "kernwapens"),
    # The site's own pages under onderwerpen/: a topic there would replace one, or be replaced.
    (lambda s: s.replace("slug: kernwapens", "slug: overig"), "adres van een pagina van de leeszaal"),
    (lambda s: s.replace("slug: kernwapens", "slug: index"), "adres van een pagina van de leeszaal"),
    (lambda s: s.replace("slug: kernwapens", "slug: kern wapens"), "kern-wapens"),
    (lambda s: s.replace("    title: Steun\n", ""), "'title'"),
    (lambda s: s.replace("    description: Over steun.\n", "    description: ''\n"), "'description'"),
    (lambda s: s.replace("[drone*, onbemand*]", "drone"), "lijst"),
    (lambda s: s.replace("min_hits: 3", "min_hits: 0"), "min_hits"),
    (lambda s: s.replace("generic_headings: [Aanleiding]", "generic_headings: [Drones]"), "generic_headings"),
    (lambda s: s.replace("    strong: [NUC]\n", "    aliases: [drones]\n    strong: [NUC]\n"), "hoort al bij"),
    (lambda s: s.replace("[nucleair*]", "['nu*cleair']"), "'*'"),
    (lambda s: s.replace("    min_hits: 3\n", "    minhits: 3\n"), "minhits"),
    (lambda s: s.replace("topics:", "topics: [\n"), "YAML"),
    (lambda s: "topics: []\n", "topics"),
])
def test_taxonomy_errors_name_the_file(tmp_path, change, message):
    path = write_yaml(tmp_path, change(SMALL))
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_missing_file_is_a_taxonomy_error(tmp_path):
    with pytest.raises(TaxonomyError, match="topics.yaml"):
        load_taxonomy(tmp_path / "topics.yaml")


# --- matching rules on made-up snippets ------------------------------------------


def test_threshold_one_mention_is_not_enough(small):
    assert assign(None, "Er vloog een drone over.", small) == ()
    assert assign(None, "Er vloog een drone over. Drones zijn goedkoop.", small) == ("drones",)


def test_strong_term_needs_one_mention(small):
    assert assign(None, "Nederland levert UAS.", small) == ("drones",)


def test_per_topic_min_hits(small):
    two = "Nucleaire afschrikking en nucleair beleid."
    assert assign(None, two, small) == ()
    assert assign(None, two + " Nucleaire planning.", small) == ("kernwapens",)


def test_acronym_is_case_exact_and_whole_word(small):
    # "NUC" is not "nucleair", "Nuc" or part of "NUCLEAR".
    assert "steun" not in assign(None, "De nucleaire NUCLEAR Nuc-groep.", small)
    assert assign(None, "In de NUC-bijeenkomst.", small) == ("steun",)


def test_words_ignore_case_and_diacritics(small):
    mentions, strong, _ = term_hits("OEKRAINE en Oekraïne en oekraine", small[2])
    assert (mentions, strong) == (3, False)


def test_heading_alias_with_parenthetical_and_its_acronym(small):
    assert heading_topics("Onbemande systemen", small) == ("drones",)
    assert heading_topics("Onbemande systemen (zie ook bijlage)", small) == ("drones",)
    assert heading_topics("Nieuwe ontwikkelingen (UAS)", small) == ("drones",)
    # A lower-case word in brackets is not an acronym and names nothing.
    assert heading_topics("Nieuwe ontwikkelingen (drones)", small) == ()


def test_heading_always_wins_over_threshold(small):
    assert assign("Onbemande systemen", "Geen enkel woord over het onderwerp.", small) == ("drones",)


def test_generic_heading_names_nothing_but_text_still_counts(small):
    assert heading_topics("Aanleiding", small) == ()
    assert assign("Aanleiding", "Een drone en nog een drone.", small) == ("drones",)


def test_sub_section_inherits_main_heading(small):
    assert assign("Tot slot", "Niets.", small, parent="Onbemande systemen") == ("drones",)
    assert assign("Tot slot", "Niets.", small, parent="Aanleiding") == ()


def test_result_is_in_taxonomy_order(small):
    text = "De NUC sprak over UAS en nucleair, nucleair, nucleair."
    assert assign(None, text, small) == ("drones", "kernwapens", "steun")


def test_ampersand_and_diacritics_in_headings(taxonomy):
    assert "afschrikking-en-verdediging" in heading_topics("Afschrikking & verdediging", taxonomy)
    assert heading_topics("Oekraine", taxonomy) == ("oekraine",)
    assert heading_topics("Oekraïne (UDCG)", taxonomy) == ("oekraine",)


def test_hyphen_in_term_matches_space_or_nothing(taxonomy):
    spending = next(t for t in taxonomy if t.slug == "defensie-uitgaven")
    for text in ("defensie-uitgaven", "defensie uitgaven", "defensieuitgaven"):
        assert term_hits(text, spending)[0] == 1
    assert term_hits("defensie-uitgavenplan", spending)[0] == 0


def test_decimal_comma_is_not_a_word_boundary(taxonomy):
    spending = next(t for t in taxonomy if t.slug == "defensie-uitgaven")
    _, _, per_term = term_hits("3,5% voor defensie", spending)
    assert per_term == {"3,5%": 1}
    assert term_hits("12% groei", spending)[0] == 0
    assert term_hits("0,5% groei", spending)[0] == 0


def test_prefix_term_and_overlaps_count_once(taxonomy):
    air = next(t for t in taxonomy if t.slug == "luchtverdediging")
    assert term_hits("luchtverdedigingsmiddelen", air)[0] == 1
    # "Integrated Air and Missile Defence (IAMD)" is two mentions, not three.
    assert term_hits("Integrated Air and Missile Defence (IAMD)", air)[0] == 2
    assert term_hits("PURL-initiatief", next(t for t in taxonomy if t.slug == "oekraine"))[1]
    # The phrase is a term and so are its parts: one mention.
    seabed = next(t for t in taxonomy if t.slug == "onderzeese-infrastructuur")
    assert term_hits("de onderzeese vitale infrastructuur", seabed)[0] == 1
    assert term_hits("onderzeese kabels en vitale infrastructuur", seabed)[0] == 3


def test_explain_gives_reasons(small):
    reasons = explain("Onbemande systemen", "drone drone", small)
    assert "kop" in reasons["drones"] and "drone* ×2" in reasons["drones"]


# --- the real seeds -----------------------------------------------------------------


def meetings_with(assigned, slug):
    return {MEETING[prefix] for prefix, secs in assigned.items() for _, _, slugs in secs if slug in slugs}


def test_oekraine_spans_all_four_meetings(assigned):
    assert meetings_with(assigned, "oekraine") == set(MEETING.values())


def test_luchtverdediging_in_2023_june_and_october_2025(assigned):
    assert {"2023-06-15", "2025-06-05", "2025-10-15"} <= meetings_with(assigned, "luchtverdediging")

    def slugs(prefix, heading):
        return next(s for h, _, s in assigned[prefix] if h and h.startswith(heading))

    assert "luchtverdediging" in slugs("003", "Air and Missile Defence Task Force")
    assert "luchtverdediging" in slugs("000", "Voortgang implementatie militaire plannen")
    assert "luchtverdediging" in slugs("002", "Ontwikkelingen/laatste stand van zaken IAMD")
    assert any("luchtverdediging" in s for _, _, s in assigned["004"])


def test_every_named_heading_in_the_seeds_is_known(cleaned, taxonomy):
    # A heading that is neither generic nor names a topic needs an alias in topics.yaml.
    unknown = [
        (name[:3], b.text)
        for name in SEED_NAMES
        for d in cleaned[name].documents
        for b in d.blocks
        if b.kind == "heading" and not is_generic(b.text, taxonomy) and not heading_topics(b.text, taxonomy)
    ]
    assert unknown == []


def test_only_generic_sections_stay_overig(assigned, taxonomy):
    overig = [(p, h) for p, secs in assigned.items() for h, _, s in secs if not s]
    assert all(h is None or is_generic(h, taxonomy) for _, h in overig)
    assert len(overig) <= 8
    total = sum(len(secs) for secs in assigned.values())
    assert len(overig) < total / 5


def test_passing_mention_does_not_tag(cleaned, taxonomy):
    # Both sections mention Oekraïne exactly once, in passing.
    found = {h: assign(h, t, taxonomy, p)
             for name in (seed("002"), seed("004")) for h, p, t in sections(cleaned[name])}
    assert "oekraine" not in found["Hague Investment Plan & Capability Targets 2025"]
    assert "oekraine" not in found["Defensiegereedheid"]
    # ... while the section that discusses Ukraine under an EU heading gets both.
    rbz_ukraine = [assign(h, t, taxonomy, p) for h, p, t in sections(cleaned[seed("004")])
                   if h == "Oekraïne" and p == "Raad Buitenlandse Zaken Defensie"]
    assert rbz_ukraine and set(rbz_ukraine[0]) >= {"oekraine", "eu-defensie"}


def test_nuc_does_not_match_nucleair_in_seed(cleaned, taxonomy):
    # 000's DMM section speaks of the NPG and "nucleaire beleid", and of the UDCG.
    text = next(t for h, _, t in sections(cleaned[seed("000")]) if h == "Defence Ministers Meeting (DMM)")
    ukraine = next(t for t in taxonomy if t.slug == "oekraine")
    assert "NUC" not in term_hits(text, ukraine)[2]
    assert "nucleair" in assign("Defence Ministers Meeting (DMM)", text, taxonomy)


def test_headings_with_two_subjects(taxonomy):
    assert set(heading_topics("Hague Investment Plan & Capability Targets 2025", taxonomy)) == {
        "defensie-uitgaven", "capability-targets"}
    assert set(heading_topics("Voorlopig triloogakkoord EDIP", taxonomy)) == {"defensie-industrie", "eu-defensie"}


def test_taxonomy_error_names_the_line_of_the_topic(tmp_path):
    # The second topic ("kernwapens") starts on line 11 of SMALL; an editor jumps there.
    path = write_yaml(tmp_path, SMALL.replace("    min_hits: 3\n", "    minhits: 3\n"))
    assert SMALL.splitlines()[10] == "  - slug: kernwapens"
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(path)
    assert str(err.value).startswith(f"{path}:11: onderwerp 'kernwapens'")
