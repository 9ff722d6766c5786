"""The corpus as data to download (generator/dataset.py): what the pages show, as rows."""
from __future__ import annotations

import csv
import io
import json

from generator.dataset import render_dataset
from generator.link import meeting_id
from generator.pipeline import build_corpus

SITE = {"site_url": "https://example.org/leeszaal/"}
TK = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"


def files(corpus) -> dict[str, str]:
    return {p.path: p.content for p in render_dataset(corpus, SITE)}


def rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")  # a spreadsheet reads the file as UTF-8
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_every_letter_and_meeting_is_a_row_with_the_values_its_page_shows(seed_corpus):
    out = files(seed_corpus)
    letters = rows(out["gegevens/brieven.csv"])
    by_address = {r["adres"]: r for r in letters}
    assert len(by_address) == len(seed_corpus.letters) == 5
    dated = [r["datum"] for r in letters if r["datum"]]
    assert dated == sorted(dated) and [r["datum"] for r in letters][:len(dated)] == dated  # undated last
    for letter in seed_corpus.letters:
        row = by_address[f"https://example.org/leeszaal/brieven/{letter.slug}/"]
        assert row["titel"] == letter.title and row["soort"] == letter.kind
        assert row["datum"] == (letter.letter_date.isoformat() if letter.letter_date else "")
        assert row["ondertekenaar"] == (letter.minister_signed or "")
        assert row["medeondertekenaars"] == "; ".join(letter.cosigners)
        # the list's name of whoever signed: the seeds are signed by "R.P. Brekelmans" and "drs. K.H. Ollongren"
        assert row["bewindspersonen"] == {"brekelmans": "Ruben Brekelmans", "ollongren": "Kajsa Ollongren",
                                          None: ""}[letter.minister]
        assert row["kamerstuk"] == (letter.kamerstuk.key if letter.kamerstuk else "")
        assert row["vergaderingen"].split("; ") == [meeting_id(m.start, m.type) for m in letter.meetings]
        cited = {c.key for c in letter.citations if c.key}
        assert set(filter(None, row["verwijzingen"].split("; "))) == cited
        assert row["bronbestand"].startswith("https://example.org/leeszaal/bronnen/")
    meetings = rows(out["gegevens/vergaderingen.csv"])
    assert [(r["id"], r["begin"], r["eind"], r["plaats"], r["informeel"]) for r in meetings] == [
        (m.id, m.start.isoformat(), m.end.isoformat(), m.location or "", "ja" if m.informal else "nee")
        for m in seed_corpus.meetings]
    # The JSON holds the same rows.
    data = json.loads(out["gegevens/leeszaal.json"])
    assert data["brieven"] == letters and data["vergaderingen"] == meetings


def test_a_cell_a_spreadsheet_would_run_is_text_in_the_csv_and_as_written_in_the_json(tmp_path):
    (tmp_path / "brief.txt").write_text(
        f"{TK}\n\nDatum 1 november 2012\nBetreft =HYPERLINK(\"https://example.com\";\"klik\")\n\n"
        "Geachte voorzitter,\n\nOp 9 en 10 oktober jl. vond in Brussel een bijeenkomst plaats van de NAVO-ministers "
        "van Defensie. Met deze brief bied ik u het verslag aan.\n\nDe minister van Defensie,\n\nJ.S.J. Hillen\n",
        encoding="utf-8")
    out = files(build_corpus(tmp_path).corpus)
    [row] = rows(out["gegevens/brieven.csv"])
    assert row["onderwerp"] == "'=HYPERLINK(\"https://example.com\";\"klik\")"
    [letter] = json.loads(out["gegevens/leeszaal.json"])["brieven"]
    assert letter["onderwerp"] == "=HYPERLINK(\"https://example.com\";\"klik\")"
    # Every other cell as written: none starts with what a spreadsheet runs.
    for name in ("gegevens/brieven.csv", "gegevens/vergaderingen.csv"):
        assert not [c for r in rows(out[name]) for c in r.values() if c.startswith(("=", "+", "-", "@"))]


def test_the_built_site_offers_the_files_and_says_what_they_hold(built):
    site = built / "site"
    for name in ("brieven.csv", "vergaderingen.csv", "leeszaal.json"):
        assert (site / "gegevens" / name).stat().st_size > 0
    about = (site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'href="../gegevens/brieven.csv"' in about and "Gegevens downloaden" in about
    for index, name in (("brieven", "brieven.csv"), ("vergaderingen", "vergaderingen.csv")):
        assert f'href="../gegevens/{name}"' in (site / index / "index.html").read_text(encoding="utf-8")
