"""A word-processor document's zip package, opened as hostile input.

`.docx` (Office Open XML) and `.odt` (OpenDocument) files are zip archives of
XML parts.  Only the parts a reader names are read, by their exact names, into
memory: nothing is ever extracted to disk, so a member named
`../../etc/passwd` is no path anywhere (it is reported, not read).  What the
archive may not do:

- hold more than MAX_MEMBERS members (a real letter holds a few dozen);
- inflate one part beyond MAX_PART bytes, or all parts read beyond MAX_TOTAL
  (a zip bomb): the bytes are counted as they are inflated, whatever sizes
  the archive claims, and reading stops at the limit;
- declare a DTD (`<!DOCTYPE`, `<!ENTITY`): Word and LibreOffice never write
  one, so a part that has one is refused before it is parsed.  Python's
  expat parser would also refuse the two known attacks on its own (entity
  expansion past its amplification limit; an external entity is an
  "undefined entity", never fetched), but a DTD has no place in these files.

Macros (`vbaProject.bin`), embedded objects and images are never read.
Bad input raises PackageError with a Dutch message; the reader reports it
with the file's name and the build goes on.
"""
from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

MAX_MEMBERS = 2000
MAX_PART = 64 * 1024 * 1024  # bytes one XML part may inflate to
MAX_TOTAL = 160 * 1024 * 1024  # bytes all parts read from one document may inflate to

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Compound File: old Word (.doc) or an encrypted .docx
RTF_MAGIC = b"{\\rtf"
DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
DTD_UTF16 = re.compile("<!DOCTYPE|<!ENTITY".encode("utf-16-le"), re.IGNORECASE)


class PackageError(Exception):
    """A document that cannot be read; the message (Dutch) says why."""


def sniff(path: Path) -> str:
    """What the file is by its first bytes: "zip", "ole", "rtf" or "other"."""
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(RTF_MAGIC):
        return "rtf"
    return "other"


def ole_kind(path: Path) -> str:
    """An OLE (Compound File) document: "encrypted" (an Office file saved with a password: its
    streams are named EncryptionInfo and EncryptedPackage), "word" (the old binary Word format, a
    WordDocument stream) or "other".  Stream names are UTF-16 in the file's directory sectors."""
    with path.open("rb") as f:
        data = f.read(8 * 1024 * 1024)
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return "encrypted"
    if "WordDocument".encode("utf-16-le") in data:
        return "word"
    return "other"


def unsafe_name(name: str) -> bool:
    """A member name that would leave the folder it was extracted to (if anyone extracted it)."""
    p = PurePosixPath(name.replace("\\", "/"))
    return p.is_absolute() or ".." in p.parts or re.match(r"^[A-Za-z]:", name) is not None


class Package:
    """The parts of one zip archive, read by name with the limits above."""

    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise PackageError(f"beschadigd zip-bestand ({exc}); overgeslagen") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self.zip.close()
            raise PackageError(f"zip-bestand met {len(infos)} onderdelen (meer dan {MAX_MEMBERS}); "
                               "geen gewoon document, niet gelezen")
        self.names = {i.filename: i for i in infos}
        self.read_total = 0
        self.unsafe = sorted(n for n in self.names if unsafe_name(n))

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def matching(self, pattern: str) -> list[str]:
        """Member names that match `pattern` in full, in name order."""
        return sorted(n for n in self.names if re.fullmatch(pattern, n))

    def read(self, name: str) -> bytes:
        """A part's bytes, inflated up to the limits (a zip bomb stops at the limit, not after)."""
        info = self.names[name]
        if info.flag_bits & 0x1:
            raise PackageError(f"onderdeel {name} is versleuteld; sla het document onbeveiligd op als .docx, "
                               ".odt of .pdf")
        allowed = min(MAX_PART, MAX_TOTAL - self.read_total)
        chunks, size = [], 0
        try:
            with self.zip.open(info) as part:
                while True:
                    chunk = part.read(min(1024 * 1024, allowed + 1 - size))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > allowed:
                        raise PackageError(
                            f"onderdeel {name} pakt uit tot meer dan {allowed // (1024 * 1024)} MiB "
                            f"(een zip-bom?); niet gelezen (grens: {MAX_PART // (1024 * 1024)} MiB per onderdeel, "
                            f"{MAX_TOTAL // (1024 * 1024)} MiB per document)")
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError,
                RuntimeError, ValueError) as exc:
            raise PackageError(f"onderdeel {name} kan niet worden uitgepakt ({type(exc).__name__}); "
                               "beschadigd document, overgeslagen") from None
        self.read_total += size
        return b"".join(chunks)

    def xml(self, name: str) -> ET.Element:
        """A part parsed as XML; a part with a DTD is refused before it is parsed."""
        return parse_xml(self.read(name), name)


def parse_xml(data: bytes, name: str) -> ET.Element:
    if DTD.search(data) or DTD_UTF16.search(data):
        raise PackageError(f"onderdeel {name} heeft een DTD (<!DOCTYPE> of <!ENTITY>), die Word en LibreOffice "
                           "nooit schrijven; niet gelezen")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise PackageError(f"onderdeel {name} is geen geldige XML ({exc}); overgeslagen") from None
