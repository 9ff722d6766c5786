"""One built page of every kind, found in the built site (not hard-coded slugs).

A letter's kind comes from the search filter its page carries
(overrides/partials/zoekfilters.html: data-pagefind-filter="soort").
"""
from __future__ import annotations

import re
from pathlib import Path

INDEXES = ("vergaderingen", "onderwerpen", "brieven", "kamerstukken", "dossiers", "bewindspersonen")
LETTER_LINK = re.compile(r'href="\.\./\.\./brieven/([^"#?]+)/"')


def url_path(site: Path, html: Path) -> str:
    return "/" + html.parent.relative_to(site).as_posix() + "/"


def kind_of(html: Path) -> str | None:
    m = re.search(r'data-pagefind-filter="soort">([^<]*)<', html.read_text(encoding="utf-8"))
    return m.group(1) if m else None


def pages_under(site: Path, folder: str) -> list[Path]:
    """Pages below an index (not the index itself), sorted."""
    return sorted(p for p in (site / folder).rglob("index.html") if p.parent != site / folder)


def letters(site: Path, kind: str) -> list[str]:
    return [url_path(site, p) for p in pages_under(site, "brieven") if (kind_of(p) or "").casefold() == kind.casefold()]


def meetings(site: Path, with_verslag: bool) -> list[str]:
    found = []
    for html in pages_under(site, "vergaderingen"):
        linked = {m.group(1) for m in LETTER_LINK.finditer(html.read_text(encoding="utf-8"))}
        kinds = {kind_of(site / "brieven" / slug / "index.html") for slug in linked
                 if (site / "brieven" / slug / "index.html").exists()}
        if ("verslag" in {(k or "").casefold() for k in kinds}) == with_verslag:
            found.append(url_path(site, html))
    return found


def every_kind(site: Path) -> dict[str, str]:
    """Page kind -> URL path of one page of that kind."""
    chosen = {"home": "/", **{f"index {name}": f"/{name}/" for name in INDEXES},
              "woordenlijst": "/woordenlijst/", "over": "/over/", "404": "/404.html"}
    picks = {
        "meeting with verslag": meetings(site, True),
        "meeting without verslag": meetings(site, False),
        "letter (verslag)": letters(site, "verslag"),
        "letter (geannoteerde agenda)": letters(site, "geannoteerde agenda"),
        "nota": [url_path(site, p) for p in pages_under(site, "brieven") if p.parent.name.startswith("nota")],
        "topic": [url_path(site, p) for p in pages_under(site, "onderwerpen")],
        "kamerstuk": [url_path(site, p) for p in pages_under(site, "kamerstukken")],
        "dossier": [url_path(site, p) for p in pages_under(site, "dossiers")],
        "person": [url_path(site, p) for p in pages_under(site, "bewindspersonen")],
    }
    for kind, paths in picks.items():
        assert paths, f"the built site has no page of kind {kind!r}"
        chosen[kind] = paths[0]
    return chosen
