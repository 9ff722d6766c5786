"""The command line on the real seeds: build, check and export as a user runs them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, seed

EXPECTED_REFERENCES = {
    "000": ["28676-440", "31125-134"],
    "001": ["28676-472", "36471-96", "27925-980"],
    "002": ["36725-1", None],
    "003": ["2023Z08629", "2023Z08629", "28676-432", "28676-429", "28676-426", "28676-427", "36200-X-1",
            "36350-X", "36200-X-37"],
    "004": ["21501-20-2307"],
}


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def exported() -> dict:
    result = run("export", "--seeds", str(SEEDS))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def by_source(exported: dict, prefix: str) -> dict:
    return next(l for l in exported["letters"] if l["source"] == seed(prefix))


def test_help_lists_the_commands():
    out = run("--help").stdout
    assert all(cmd in out for cmd in ("build", "check", "export"))


def test_export_keys_are_stable(exported):
    assert set(exported) >= {"letters", "meetings", "topics"}
    for letter in exported["letters"]:
        assert set(letter) >= {"source", "kind", "letter_date", "meeting", "minister", "addressee", "kamerstuk",
                               "references"}
        for ref in letter["references"]:
            assert set(ref) >= {"text", "dossier", "nr", "url"}
    for meeting in exported["meetings"]:
        assert set(meeting) >= {"id", "start", "end", "location", "letters"}
    for topic in exported["topics"]:
        assert set(topic) >= {"slug", "title", "meetings"}


@pytest.mark.parametrize("prefix, kind, letter_date, meeting, minister, addressee", [
    ("000", "geannoteerde agenda", None, "2025-06-05-dmm", None, None),
    ("001", "geannoteerde agenda", "2025-01-31", "2025-02-13-dmm", "R.P. Brekelmans", "Tweede Kamer"),
    ("002", "geannoteerde agenda", "2025-09-29", "2025-10-15-dmm", "Ruben Brekelmans", "Eerste Kamer"),
    ("003", "geannoteerde agenda", None, "2023-06-15-dmm", "drs. K.H. Ollongren", None),
    ("004", "verslag", "2025-11-12", "2025-10-15-dmm", "R.P. Brekelmans", "Tweede Kamer"),
])
def test_export_metadata_per_seed(exported, prefix, kind, letter_date, meeting, minister, addressee):
    letter = by_source(exported, prefix)
    assert (letter["kind"], letter["letter_date"], letter["meeting"], letter["minister"], letter["addressee"]) == (
        kind, letter_date, meeting, minister, addressee)


def test_meetings(exported):
    meetings = {m["id"]: m for m in exported["meetings"]}
    assert {"2023-06-15-dmm", "2025-02-13-dmm", "2025-06-05-dmm", "2025-10-15-dmm"} <= set(meetings)
    assert meetings["2023-06-15-dmm"]["end"] == "2023-06-16"
    assert sorted(meetings["2025-10-15-dmm"]["letters"]) == [seed("002"), seed("004")]
    assert meetings["2025-10-15-rbz-defensie"]["letters"] == [seed("004")]  # one letter, two meetings
    assert all(m["location"] == "Brussel" for m in meetings.values())


@pytest.mark.parametrize("prefix", sorted(EXPECTED_REFERENCES))
def test_references_per_seed(exported, prefix):
    refs = by_source(exported, prefix)["references"]
    assert sorted(map(str, (r["id"] for r in refs))) == sorted(map(str, EXPECTED_REFERENCES[prefix]))
    for r in refs:
        assert (r["url"] is None) == (r["id"] is None)
    assert by_source(exported, "004")["kamerstuk"] == {"dossier": "28676", "nr": "554"}


def test_reference_urls(exported):
    urls = {r["id"]: r["url"] for l in exported["letters"] for r in l["references"]}
    assert urls["28676-440"] == "https://zoek.officielebekendmakingen.nl/kst-28676-440.html"
    assert urls["36200-X-1"] == "https://zoek.officielebekendmakingen.nl/kst-36200-X-1.html"
    assert urls["21501-20-2307"] == "https://zoek.officielebekendmakingen.nl/kst-21501-20-2307.html"
    assert urls["36350-X"] == "https://zoek.officielebekendmakingen.nl/dossier/36350-X"


def test_topics_follow_meetings(exported):
    topics = {t["slug"]: set(t["meetings"]) for t in exported["topics"]}
    assert {"2023-06-15-dmm", "2025-02-13-dmm", "2025-06-05-dmm", "2025-10-15-dmm"} <= topics["oekraine"]
    assert {"2023-06-15-dmm", "2025-06-05-dmm", "2025-10-15-dmm"} <= topics["luchtverdediging"]


def test_check_reports_missing_fields_and_unresolved_references():
    result = run("check", "--seeds", str(SEEDS))
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "geen briefdatum" in out
    assert "Kamerstuk 3592-17" in out and "ONOPGELOST" in out
    assert "'Belgié' -> 'België'" in out  # repairs are listed for review
    assert "overig" in out or "onder geen onderwerp" in out or "secties" in out


def test_check_exits_1_when_a_letter_cannot_be_read(tmp_path):
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "brief.txt").write_text((SEEDS / seed("000")).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", "--seeds", str(tmp_path))
    assert result.returncode == 1
    assert "leeg.txt" in result.stdout and "leeg bestand" in result.stdout


def test_build_is_deterministic_and_writes_only_changes(tmp_path):
    docs = tmp_path / "docs"
    first = run("build", "--seeds", str(SEEDS), "--docs", str(docs))
    assert first.returncode == 0, first.stderr
    snapshot = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert any(str(p).startswith("brieven/") for p in snapshot)
    second = run("build", "--seeds", str(SEEDS), "--docs", str(docs))
    assert "0 pagina's geschreven" in second.stdout
    assert {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()} == snapshot


def test_removed_letter_leaves_no_stale_page(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for prefix in ("000", "004"):
        (seeds / seed(prefix)).write_bytes((SEEDS / seed(prefix)).read_bytes())
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "handgeschreven.md").write_text("# Eigen pagina\n", encoding="utf-8")
    run("build", "--seeds", str(seeds), "--docs", str(docs))
    assert (docs / "brieven" / "2025-11-12-verslag-dmm.md").exists()
    (seeds / seed("004")).unlink()
    result = run("build", "--seeds", str(seeds), "--docs", str(docs))
    assert "verwijderd" in result.stdout
    assert not (docs / "brieven" / "2025-11-12-verslag-dmm.md").exists()
    assert not (docs / "vergaderingen" / "2025-10-15-rbz-defensie.md").exists()
    assert (docs / "handgeschreven.md").exists()


def test_check_names_a_committee_record_as_what_it_is(tmp_path):
    (tmp_path / "verslag.txt").write_text(
        "21 501-28 Defensieraad\n\nNr. 81 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nVastgesteld 14 maart 2014\n\n"
        "De vaste commissie voor Defensie heeft op 5 maart 2014 overleg gevoerd met de minister van Defensie.\n",
        encoding="utf-8")
    result = run("check", "--seeds", str(tmp_path))
    assert ("verslag.txt: Verslag van een algemeen overleg, "
            "Defensieraad: verslag van een algemeen overleg van 14 maart 2014") in result.stdout, result.stdout
