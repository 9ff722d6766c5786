"""Stage 1, read: find the input files and decode them to text.

A reader takes a path and returns a `Source`; readers are registered by
suffix in generator/readers/ (txt, pdf, xml).  This module finds the files and
dispatches; plain text is decoded here (decode(), read_text()).
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import time
import unicodedata
from dataclasses import replace
from pathlib import Path

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
    """Decode bytes to text; returns (text, encoding name).  Never raises.

    A byte sequence that is invalid in the chosen encoding becomes U+FFFD,
    which `vet` reports by line.  A file of UTF-8 lines mixed with
    Windows-1252 lines (two editors, one file) is decoded line by line.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16, errors="replace"), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if mixed_lines(raw):
        return "".join(_decode_line(line) for line in raw.splitlines(keepends=True)), MIXED
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return raw.decode("latin-1"), "latin-1"


MIXED = "utf-8+cp1252"


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def mixed_lines(raw: bytes) -> list[int]:
    """1-based numbers of the lines that are not UTF-8, when other lines are UTF-8 beyond ASCII.

    Empty when the file is one encoding throughout.
    """
    utf8, other = False, []
    for n, line in enumerate(raw.splitlines(), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            other.append(n)
    return other if utf8 and other else []


def _fix_mojibake(text: str) -> str | None:
    """UTF-8 read once as Windows-1252 ("OekraÃ¯ne", a no-break space as "Â "): undo it when that round-trips."""
    if not MOJIBAKE.search(text):
        return None
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != text else None


def decoded_source(path: Path, name: str, raw: bytes, text: str | None, encoding: str,
                   problems: list[Problem], reader: str = "txt") -> Source:
    """A source read as text (None: unreadable).  Its digest is the decoded text's: a copy saved
    with other line ends or encoding is still a copy."""
    digest = hashlib.sha1(text.encode("utf-8") if text is not None else raw).hexdigest()
    return Source(name, path, text, encoding, digest, tuple(problems), reader=reader)


def read_text(path: Path, name: str) -> Source:
    raw = path.read_bytes()
    problems: list[Problem] = []

    def result(text: str | None, encoding: str) -> Source:
        return decoded_source(path, name, raw, text, encoding, problems)

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


from .readers import READERS, companion_of  # noqa: E402  (".txt" and "" -> read_text; ".pdf", ".xml")


def _lines(text: str, pattern: re.Pattern) -> list[int]:
    if not re.search(pattern.pattern, text, re.MULTILINE):
        return []  # one search over the whole text first: most letters have none of it
    return [n for n, line in enumerate(text.split("\n"), start=1) if pattern.search(line)]


def _where(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:8]))
    return f"regel {shown}" + (f" en {len(lines) - 8} meer" if len(lines) > 8 else "")


# UTF-8 read as Windows-1252: "Ã¯" for "ï", "â€™" for "’", "Â " for a no-break space.
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf\u0152-\u0178\u2013-\u203a\u20ac\u2122]|â€|Â[\u00a0-\u00bf]")
# Not text: the replacement character, C1 controls, private use.
SUSPECT = re.compile(r"[\ufffd\u0080-\u009f\ue000-\uf8ff]")
PDF_SYNTAX = re.compile(r"^%PDF-|\b\d+ \d+ obj\b|^(?:endobj|stream|endstream|xref|trailer|startxref)\s*$|/(?:Type|Filter|Length|Font|Page)\b")
PDF_WORDS = ("%PDF-", " obj", "endobj", "stream", "xref", "trailer", "/Type", "/Filter", "/Length", "/Font", "/Page")
# Bidirectional embeddings, overrides and isolates: they turn the text around them
# (and an unbalanced one, the page around it).  Marks (U+200E, U+200F) are harmless.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Share of a text's lines (mojibake, PDF syntax) or characters (suspect) above which it is not a letter.
MOSTLY = 0.5


def _fix_mojibake_lines(text: str) -> tuple[str, list[int]]:
    """Undo UTF-8-read-as-cp1252 line by line where it round-trips; returns the text and the lines fixed."""
    lines, fixed = text.split("\n"), []
    for n, line in enumerate(lines):
        if MOJIBAKE.search(line):
            repaired = _fix_mojibake(line)
            if repaired is not None:
                lines[n] = repaired
                fixed.append(n + 1)
    return "\n".join(lines), fixed


def vet(source: Source) -> Source:
    """Check what a reader made of a file: damage is repaired or reported by line, garbage kept out.

    Applies to the output of every reader.  A text that is mostly mojibake,
    unreadable characters or PDF syntax is an error and no letter; partial
    damage is a warning naming the lines; direction overrides are removed.
    """
    text = source.text
    if text is None:
        return source
    problems = list(source.problems)
    name = source.name
    if source.encoding == MIXED:
        lines = mixed_lines(source.path.read_bytes())
        problems.append(Problem(name, f"gemengde codering: {_where(lines)} in Windows-1252, de rest in UTF-8; "
                                      "per regel gelezen", lines[0], level="warning"))
    content = [line for line in text.split("\n") if line.strip()]
    pdf = _lines(text, PDF_SYNTAX) if any(w in text for w in PDF_WORDS) else []
    if text.startswith("%PDF-") or len(pdf) > MOSTLY * len(content):
        problems.append(Problem(name, "PDF-opmaak in plaats van tekst (een PDF met een andere extensie?); "
                                      "niet gepubliceerd", level="error"))
        return replace(source, text=None, problems=tuple(problems))
    text, fixed = _fix_mojibake_lines(text) if MOJIBAKE.search(text) else (text, [])
    if fixed:
        problems.append(Problem(name, f"dubbel gecodeerde UTF-8 (zoals 'Ã¯') hersteld op {_where(fixed)}",
                                fixed[0], level="warning"))
    mojibake = _lines(text, MOJIBAKE)
    suspect = len(SUSPECT.findall(text))
    garbage = suspect > MOSTLY * len("".join(text.split())) if suspect else False
    if source.encoding in ("cp1252", "latin-1"):
        # Read as Windows-1252 or Latin-1, text in another encoding (Cyrillic, Greek) is all accented letters.
        letters = [c for c in text if c.isalpha()]
        garbage = garbage or sum(1 for c in letters if not c.isascii()) > MOSTLY * len(letters)
    if len(mojibake) > MOSTLY * len(content) or garbage:
        problems.append(Problem(name, "tekst is grotendeels onleesbaar (verkeerde codering of geen tekst); "
                                      "niet gepubliceerd", level="error"))
        return replace(source, text=None, problems=tuple(problems))
    if mojibake:
        problems.append(Problem(name, f"tekens in de verkeerde codering (zoals 'Ã¯') op {_where(mojibake)}; "
                                      "niet te herstellen", mojibake[0], level="warning"))
    unreadable = _lines(text, SUSPECT)
    if unreadable:
        problems.append(Problem(name, f"onleesbare tekens (vervangen door �) op {_where(unreadable)}",
                                unreadable[0], level="warning"))
    bidi = _lines(text, BIDI_CONTROLS)
    if bidi:
        text = BIDI_CONTROLS.sub("", text)
        problems.append(Problem(name, f"tekens die de schrijfrichting omkeren verwijderd op {_where(bidi)}",
                                bidi[0], level="info"))
    if text == source.text and len(problems) == len(source.problems):
        return source
    return replace(source, text=text, problems=tuple(problems))


# File names with these cannot be shown on one report line or in a URL as they are.
UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def shown_name(name: str) -> str:
    """A file name for a report: control and direction characters as escapes ("\\n")."""
    return UNSAFE_NAME.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def _skip_reason(entry: os.DirEntry, root: Path) -> tuple[str, str] | None:
    """Why a folder entry is not read, as (level, reason); None for a regular file inside `root`."""
    if UNSAFE_NAME.search(entry.name):
        return "error", "bestandsnaam met stuurtekens (zoals een regeleinde); hernoem het bestand"
    if entry.name.startswith("."):
        return "warning", "verborgen bestand"
    info = entry.stat(follow_symlinks=False)
    if stat.S_ISLNK(info.st_mode):
        return "error", "symbolische koppeling; alleen gewone bestanden in de map worden gelezen"
    if stat.S_ISDIR(info.st_mode):
        return "warning", "map; alleen bestanden direct in de map worden gelezen"
    if not stat.S_ISREG(info.st_mode):
        kind = "named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else \
            "apparaatbestand" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else \
            "socket" if stat.S_ISSOCK(info.st_mode) else "geen gewoon bestand"
        return "error", f"{kind}; alleen gewone bestanden worden gelezen"
    if info.st_nlink > 1:
        return "error", "harde koppeling naar een bestand dat ook elders staat; alleen gewone bestanden worden gelezen"
    if Path(entry.path).resolve().parent != root:
        return "error", "ligt buiten de map met brieven"
    return None


# `make serve` reads every seed again after each save.  A .txt file whose size,
# mtime_ns, ctime_ns and inode are those of its last read in this process is
# not read again: that read's Source (its text and the digest of those bytes)
# is reused.  Every write sets mtime and ctime, but only to the file system's
# clock tick: so, as git does, a file written less than RACY_NS before that
# read is read again, since a second write of the same size in the same tick
# would look the same.  Not for other readers: a .xml letter is read with its
# metadata file beside it, whose change this stat would not see.
RACY_NS = 1_000_000_000
_READ: dict[str, tuple[tuple, Source, int]] = {}


def _read_once(entry: os.DirEntry, path: Path, reader) -> Source:
    if path.suffix.lower() != ".txt":
        return vet(reader(path, path.name))
    info = entry.stat(follow_symlinks=False)
    key = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    held = _READ.get(entry.path)
    if held is not None and held[0] == key and max(info.st_mtime_ns, info.st_ctime_ns) < held[2] - RACY_NS:
        return held[1]
    started = time.time_ns()
    source = vet(reader(path, path.name))
    _READ[entry.path] = (key, source, started)
    return source


def read_seeds(folder: Path) -> tuple[list[Source], list[Problem]]:
    """Read every regular file directly in `folder`, in name order.

    Nothing outside the folder is read: symbolic links, pipes, devices,
    folders and hidden files are named as skipped, with the reason.  A reader
    that fails on a file reports it; the other files are still read.
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], [Problem(str(folder), "map met brieven bestaat niet", level="error")]
    root = folder.resolve()
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        name = shown_name(entry.name)
        try:
            skip = _skip_reason(entry, root)
        except OSError as exc:
            skip = ("error", f"kan bestand niet bekijken: {exc.strerror}")
        if skip:
            problems.append(Problem(name, f"overgeslagen: {skip[1]}", level=skip[0]))
            continue
        path = Path(entry.path)
        if companion_of(path):  # metadata or provenance beside a letter: read with that letter
            continue
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            known = ", ".join(s for s in sorted(READERS) if s)
            problems.append(Problem(name, f"onbekend bestandstype '{path.suffix}'; overgeslagen "
                                          f"(gelezen worden: {known})", level="error"))
            continue
        try:
            sources.append(_read_once(entry, path, reader))
        except OSError as exc:
            problems.append(Problem(name, f"kan bestand niet lezen: {exc.strerror}", level="error"))
        except Exception as exc:  # a reader's bug must not stop the other letters
            problems.append(Problem(name, f"kan bestand niet lezen ({type(exc).__name__}: {exc})", level="error"))
    return sources, problems
