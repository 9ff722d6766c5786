"""Official publication (XML + metadata.xml): exact metadata, marked references, notes and headings."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS, seed
from generator.cli import main
from generator.pipeline import build_corpus
from generator.read import read_seeds

FIXTURES = ROOT / "tests" / "fixtures" / "official"
XML = "kst-28676-999.xml"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for path in FIXTURES.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def letter_of(folder: Path, name: str = XML):
    result = build_corpus(folder)
    return next(l for l in result.corpus.letters if l.source == name), result


def test_exact_metadata_with_its_origin(folder):
    letter, _ = letter_of(folder)
    assert letter.letter_date == date(2026, 2, 2)
    assert letter.addressee == "Tweede Kamer"
    assert letter.kamerstuk.key == "28676-999"
    assert letter.dossiers == (("28676", "NAVO"), ("21501-28", "Defensieraad"))
    assert letter.minister_signed == "R.P. Brekelmans"
    origins = dict(letter.origins)
    assert {origins[f] for f in ("letter_date", "addressee", "kamerstuk", "signer")} == {"official"}


def test_footnotes_from_noot_and_headings_from_kop(folder):
    letter, _ = letter_of(folder)
    assert [(n.label, n.text) for n in letter.footnotes] == [
        ("1", "Zie ook de brief over de defensie-industrie."), ("2", "Kamerstuk 28 676, nr. 440.")]
    cited = [(b.text[:m.start], m.value) for s in letter.sections for b in s.blocks for m in b.marks
             if m.kind == "footnote"]
    assert [v for _, v in cited] == ["1", "2"]
    assert cited[0][0].endswith("(Kamerstuk 31 125, nr. 134).") and cited[1][0].endswith("afspraak gemaakt.")
    assert [(s.heading, s.level) for s in letter.sections if s.heading] == [
        ("Afschrikking en verdediging", 2), ("Oekraïne", 2), ("Steun in natura", 3)]
    items = [b.text for s in letter.sections for b in s.blocks if b.kind == "item"]
    assert items == ["levering van luchtverdediging;", "training van Oekraïense militairen."]


def test_extref_disagreement_is_reported_by_check(folder):
    out = CliRunner().invoke(main, ["check", "--seeds", str(folder)]).output
    assert "Kamerstuk 28676-441 (extref), maar in de tekst is die verwijzing niet gevonden" in out
    assert "de tekst verwijst naar Kamerstuk 28676-440, maar de officiële publicatie markeert" in out


def test_agreeing_references_report_nothing(folder):
    xml = folder / XML
    xml.write_text(xml.read_text(encoding="utf-8").replace('doc="kst-28676-441"', 'doc="kst-28676-440"')
                   .replace("(Kamerstuk 31 125, nr. 134)", "(Kamerstuk <extref doc=\"kst-31125-134\">31 125, "
                            "nr. 134</extref>)"), encoding="utf-8")
    letter, _ = letter_of(folder)
    assert not [p for p in letter.problems if "extref" in p.message]
    assert {c.key for c in letter.citations} == {"28676-440", "31125-134"}


def test_official_value_wins_over_the_text_and_the_difference_is_reported(folder):
    xml = folder / XML
    xml.write_text(xml.read_text(encoding="utf-8").replace(
        'Den Haag, <datum isodatum="2026-02-02">2 februari 2026</datum>',
        'Den Haag, 3 februari 2026 <datum isodatum="2026-02-02"/>'), encoding="utf-8")
    letter, _ = letter_of(folder)
    assert letter.letter_date == date(2026, 2, 2)
    assert any("briefdatum: de tekst zegt 2026-02-03, de officiële publicatie 2026-02-02" in p.message
               for p in letter.problems)


def test_metadata_file_is_read_with_its_letter_not_as_one(folder):
    sources, problems = read_seeds(folder)
    assert [s.name for s in sources] == [XML] and not problems
    assert sources[0].official.title.startswith("Geannoteerde agenda")  # from metadata.xml
    (folder / XML).unlink()  # a metadata file alone is no letter: reported
    sources, problems = read_seeds(folder)
    assert [p.level for s in sources for p in s.problems] == ["error"]


def test_bad_xml_is_reported_and_the_build_goes_on(tmp_path):
    (tmp_path / "kapot.xml").write_text("<officiele-publicatie><kamerstuk>", encoding="utf-8")
    (tmp_path / "iets-anders.xml").write_text("<gemeenteblad><al>Tekst.</al></gemeenteblad>", encoding="utf-8")
    shutil.copy(SEEDS / seed("004"), tmp_path / seed("004"))
    result = build_corpus(tmp_path)
    errors = {p.source: p.message for p in result.problems if p.level == "error"}
    assert "geen geldige XML" in errors["kapot.xml"]
    assert "geen officiële publicatie van een Kamerstuk" in errors["iets-anders.xml"]
    assert [l.source for l in result.corpus.letters] == [seed("004")]


def test_official_xml_is_published_as_text_never_as_markup(folder):
    from generator.render import render
    result = build_corpus(folder)
    paths = {p.path for p in render(result.corpus, list(result.sources))}
    assert "bronnen/kst-28676-999.xml.txt" in paths and "bronnen/kst-28676-999.xml" not in paths


def test_a_note_on_a_heading_is_kept(folder):
    xml = folder / XML
    xml.write_text(xml.read_text(encoding="utf-8").replace(
        "<kop><titel>Oekraïne</titel></kop>",
        '<kop><titel>Oekraïne<noot id="n0" type="voet"><noot.nr>2</noot.nr><noot.al>Een noot bij de kop.'
        "</noot.al></noot></titel></kop>").replace("<noot.nr>2</noot.nr><noot.al>Kamerstuk",
                                                   "<noot.nr>3</noot.nr><noot.al>Kamerstuk"), encoding="utf-8")
    letter, _ = letter_of(folder)
    assert [n.text for n in letter.footnotes] == ["Zie ook de brief over de defensie-industrie.",
                                                  "Een noot bij de kop.", "Kamerstuk 28 676, nr. 440."]
    assert [s.heading for s in letter.sections if s.heading][1] == "Oekraïne"
