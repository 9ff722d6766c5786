"""The one slug function of the project, and the URL paths built from slugs."""
from __future__ import annotations

import re

from slugify import slugify as _slugify


def slug(text: str, fallback: str = "x") -> str:
    """ASCII, lower case, hyphens: 'Oekraïne (UDCG)' -> 'oekraine-udcg'."""
    return _slugify(text, max_length=80, word_boundary=True) or fallback


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free; records the choice in `taken`."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


# Where each kind of page lives under docs/; the writer owns these folders.
LETTERS = "brieven"
MEETINGS = "vergaderingen"
TOPICS = "onderwerpen"
DOCUMENTS = "kamerstukken"
DOSSIERS = "dossiers"
PEOPLE = "bewindspersonen"
SOURCES = "bronnen"
DATA = "gegevens"  # the corpus as CSV and JSON (dataset.py)


# A markup format, maybe followed by ".txt"s: published with one ".txt" more.  So is a word-processor
# document, whose extracted text is published in its place (render.py: never the file itself).
_MARKUP_NAME = re.compile(r"\.(?:xml|xhtml|html|htm|mhtml|mht|svg|docx|docm|dotx|doc|odt|ott)(?:\.txt)*$",
                          re.IGNORECASE)


def published_source(name: str) -> str:
    """The name a source file is published under in SOURCES/: a markup format (official XML)
    gets ".txt", so a browser shows its bytes and never runs them.  So does a name that
    already ends in such a ".txt" ("a.xml.txt"), or it would take the published name of
    "a.xml" beside it: no two sources share one."""
    return name + ".txt" if _MARKUP_NAME.search(name) else name
