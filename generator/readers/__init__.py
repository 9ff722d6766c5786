"""Readers: one per kind of file, each turning a file into the same `Source`.

A reader is a function `(path, name) -> Source`, registered here by file
suffix (Pelican's reader contract).  Whatever a richer format knows exactly,
the reader puts beside the text: furniture set apart by layout, the official
publication's metadata and references, its marked headings.  The text itself
is written in the shape the clean stage reads (paragraphs, footnote markers
and notes), so later stages never care where a letter came from, except that
exact metadata wins over what the text suggests (parse.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..model import Source

Reader = Callable[[Path, str], Source]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def add(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = reader
        return reader
    return add


# Files that travel with a letter and are read with it, never as a letter:
# the official publication's metadata and the importer's provenance record.
COMPANIONS = (".metadata.xml", ".herkomst.json")


def companion_of(path: Path) -> Path | None:
    """The letter a companion file belongs with, when that letter is there."""
    for suffix in COMPANIONS:
        if path.name.endswith(suffix):
            stem = path.name[: -len(suffix)]
            return next((m for m in (path.with_name(stem + s) for s in (".xml", ".pdf", ".txt")) if m.is_file()),
                        None)
    return None


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, by its suffix; None: no reader knows it."""
    return READERS.get(path.suffix.lower())


from . import docx, html, odt, pdf, txt, xml  # noqa: E402,F401  (each registers its suffixes)
