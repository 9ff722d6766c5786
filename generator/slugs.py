"""The one slug function of the project, and the URL paths built from slugs."""
from __future__ import annotations

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
SOURCES = "bronnen"


def published_source(name: str) -> str:
    """The name a source file is published under in SOURCES/: a markup format (official XML)
    gets ".txt", so a browser shows its bytes and never runs them."""
    return name + ".txt" if name.lower().endswith((".xml", ".xhtml", ".html", ".htm", ".svg")) else name
