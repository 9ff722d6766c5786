"""Decoding input files: every encoding a letter can arrive in, and files that are not letters."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.read import decode, read_seeds, read_text

TEXT = "Oekraïne en België: coördinatie, € 3,5 miljard."


@pytest.mark.parametrize("raw, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("cp1252"), "cp1252"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
])
def test_decode(raw, encoding):
    assert decode(raw) == (TEXT, encoding)


def test_latin1_bytes_undefined_in_cp1252():
    raw = "Oekraïne".encode("latin-1") + b"\x81"
    text, encoding = decode(raw)
    assert encoding == "latin-1" and text.startswith("Oekraïne")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_crlf_nul_and_combining_marks(tmp_path):
    path = write(tmp_path, "a.txt", "Oekrai\u0308ne\r\nregel\x00 twee\rdrie".encode("utf-8"))
    source = read_text(path, path.name)
    assert source.text == "Oekraïne\nregel twee\ndrie"
    assert any("stuurteken" in p.message for p in source.problems)


def test_mojibake_is_repaired(tmp_path):
    path = write(tmp_path, "m.txt", TEXT.encode("utf-8").decode("cp1252").encode("utf-8"))
    assert read_text(path, path.name).text == TEXT


def test_a_no_break_space_read_as_windows_1252_is_repaired(tmp_path):
    # a page's copy with only no-break spaces doubly encoded ("(Kamerstuk 21Â\xa0501-28, nr. 191)"): nothing
    # else gives the damage away, and the number was not read
    text = "Op 28 en 29\u00a0augustus jl. vond de bijeenkomst plaats (Kamerstuk 21\u00a0501-28, nr.\u00a0191).\n"
    path = write(tmp_path, "nbsp.txt", text.encode("utf-8").decode("cp1252").encode("utf-8"))
    assert read_text(path, path.name).text == text


@pytest.mark.parametrize("data, message", [
    (b"", "leeg bestand"),
    (b"  \n\n \t", "leeg bestand"),
    (bytes(range(256)) * 20, "geen tekstbestand"),
])
def test_unusable_files_are_reported_by_name(tmp_path, data, message):
    path = write(tmp_path, "slecht bestand é.txt", data)
    source = read_text(path, path.name)
    assert source.text is None
    errors = [p for p in source.problems if p.level == "error"]
    assert len(errors) == 1
    assert message in str(errors[0]) and "slecht bestand é.txt" in str(errors[0])


def test_read_seeds_skips_unknown_types_and_hidden_files(tmp_path):
    write(tmp_path, "brief.txt", TEXT.encode())
    write(tmp_path, ".DS_Store", b"\x00\x01")
    write(tmp_path, "foto.jpg", b"\xff\xd8\xff")  # no reader knows it (a .pdf now has one)
    sources, problems = read_seeds(tmp_path)
    assert [s.name for s in sources] == ["brief.txt"]
    assert [(p.source, p.level) for p in problems] == [(".DS_Store", "warning"), ("foto.jpg", "error")]
    assert "verborgen" in problems[0].message
    # the editor learns what to save the file as instead
    assert ".pdf" in problems[1].message and ".docx" in problems[1].message and ".txt" in problems[1].message
