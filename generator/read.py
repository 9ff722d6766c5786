"""Stage 1, read: find the input files and decode them to text.

A reader takes a path and returns a `Source`.  Only plain text is read today;
a PDF or official XML reader would register another suffix in READERS.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Callable

from .model import Problem, Source

# Share of control characters above which a file is taken to be binary.
BINARY_THRESHOLD = 0.05
ALLOWED_CONTROLS = {"\n", "\t", "\f"}
# Unicode category Cc (C0, DEL, C1) but for ALLOWED_CONTROLS: one regex pass, not a lookup per character.
CONTROLS = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 saved without BOM shows NUL in every other byte."""
    if len(raw) < 4:
        return None
    even, odd = raw[0::2], raw[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding name)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16, errors="replace"), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return raw.decode("latin-1"), "latin-1"


def _fix_mojibake(text: str) -> str | None:
    """UTF-8 read once as Windows-1252 ("OekraÃ¯ne"): undo it when that round-trips."""
    if "Ã" not in text and "â€" not in text:
        return None
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != text else None


def read_text(path: Path, name: str) -> Source:
    raw = path.read_bytes()
    problems: list[Problem] = []

    def result(text: str | None, encoding: str) -> Source:
        # Digest of the decoded text: a copy saved with other line ends or encoding is still a copy.
        digest = hashlib.sha1(text.encode("utf-8") if text is not None else raw).hexdigest()
        return Source(name, path, text, encoding, digest, tuple(problems))

    if not raw.strip():
        problems.append(Problem(name, "leeg bestand: geen tekst om te lezen", level="error"))
        return result(None, "")
    text, encoding = decode(raw)
    if encoding not in ("utf-8", "utf-8-sig"):
        problems.append(Problem(name, f"tekst is niet in UTF-8; gelezen als {encoding}", level="info"))
    fixed = _fix_mojibake(text)
    if fixed is not None:
        text = fixed
        problems.append(Problem(name, "dubbel gecodeerde UTF-8 (zoals 'Ã¯') hersteld", level="info"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(CONTROLS.findall(text))
    if controls > BINARY_THRESHOLD * len(text):
        problems.append(Problem(name, "geen tekstbestand (binaire inhoud); overgeslagen", level="error"))
        return result(None, encoding)
    if controls:
        problems.append(Problem(name, f"{controls} stuurteken(s) (zoals NUL) verwijderd", level="info"))
        text = CONTROLS.sub("", text)
    # Combining diaeresis and friends become single characters: "e\u0308" -> "ë".
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        problems.append(Problem(name, "leeg bestand: geen tekst om te lezen", level="error"))
        return result(None, encoding)
    return result(text, encoding)


READERS: dict[str, Callable[[Path, str], Source]] = {".txt": read_text, "": read_text}


def read_seeds(folder: Path) -> tuple[list[Source], list[Problem]]:
    """Read every file in `folder`, in name order.  Unknown types are reported, not read."""
    sources: list[Source] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], [Problem(str(folder), "map met brieven bestaat niet", level="error")]
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or not path.is_file():
            continue
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            problems.append(Problem(path.name, f"onbekend bestandstype '{path.suffix}'; overgeslagen", level="error"))
            continue
        try:
            sources.append(reader(path, path.name))
        except OSError as exc:
            problems.append(Problem(path.name, f"kan bestand niet lezen: {exc.strerror}", level="error"))
    return sources, problems
