"""The corpus as data to download: gegevens/brieven.csv, gegevens/vergaderingen.csv and
gegevens/leeszaal.json, for readers who count, sort or link letters in a spreadsheet or a script.

One row per letter (its appended memos are part of it) and one per meeting, in the site's own
order, with the values the letter pages show: nothing the pages do not state, and an empty cell
where they say "niet vermeld".  Addresses are absolute when mkdocs.yml gives the site's address,
so a row pasted elsewhere still leads to its page.

A spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a formula; a letter's title
may start so.  In the CSV such a cell gets an apostrophe before it, as OWASP advises: a
spreadsheet then shows the text.  The JSON holds every value as written.  Output depends only on
the corpus and the site's address, so an unchanged corpus gives byte-identical files.
"""
from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote

from . import slugs
from .feed import site_config
from .link import meeting_id
from .model import Corpus, Letter, Meeting, Page

FOLDER = slugs.DATA
LETTER_FIELDS = ("adres", "titel", "soort", "datum", "geadresseerde", "ondertekenaar", "onderwerp",
                 "kamerstuk", "dossiers", "vergaderingen", "verwijzingen", "bronbestand", "medeondertekenaars",
                 "bewindspersonen")
MEETING_FIELDS = ("id", "adres", "naam", "begin", "eind", "plaats", "informeel", "brieven")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters a spreadsheet or a JSON reader may trip over (PDF text brings form feeds).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LIST_SEPARATOR = "; "


def render_dataset(corpus: Corpus, config: dict | None = None) -> list[Page]:
    config = site_config() if config is None else config
    base = (config.get("site_url") or "").rstrip("/")
    base = base + "/" if base else ""
    # Dated letters first, oldest first, as a reader reads a series; then those without a date.
    ordered = sorted(corpus.letters, key=lambda l: (l.letter_date is None, l.letter_date or "", l.slug))
    letters = [_letter_row(l, base) for l in ordered]
    meetings = [_meeting_row(m, base) for m in corpus.meetings]
    data = {"brieven": letters, "vergaderingen": meetings}
    return [Page(f"{FOLDER}/brieven.csv", _csv(LETTER_FIELDS, letters)),
            Page(f"{FOLDER}/vergaderingen.csv", _csv(MEETING_FIELDS, meetings)),
            Page(f"{FOLDER}/leeszaal.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")]


def _address(base: str, path: str) -> str:
    from .render import page_url  # render imports this module
    return base + page_url(path)


def _letter_row(letter: Letter, base: str) -> dict:
    from .render import letter_path, signer_names
    keys = list(dict.fromkeys(c.key for c in letter.citations if c.key))
    return {
        "adres": _address(base, letter_path(letter.slug)),
        "titel": _clean(letter.title),
        "soort": letter.kind,
        "datum": letter.letter_date.isoformat() if letter.letter_date else "",
        "geadresseerde": letter.addressee or "",
        "ondertekenaar": _clean(letter.minister_signed or ""),
        "onderwerp": _clean(letter.subject or ""),
        "kamerstuk": (letter.kamerstuk.key or "") if letter.kamerstuk else "",
        "dossiers": LIST_SEPARATOR.join(d for d, _ in letter.dossiers),
        "vergaderingen": LIST_SEPARATOR.join(dict.fromkeys(meeting_id(m.start, m.type)
                                                           for m in letter.meetings if m.start)),
        "verwijzingen": LIST_SEPARATOR.join(keys),
        "bronbestand": base + f"{slugs.SOURCES}/{quote(slugs.published_source(letter.source))}",
        # Last, so that columns a reader's spreadsheet already uses keep their place.
        "medeondertekenaars": LIST_SEPARATOR.join(_clean(n) for n in letter.cosigners),
        # Who signed, by the names of the site's list of people (their pages), to count a person's letters.
        "bewindspersonen": LIST_SEPARATOR.join(signer_names(letter)),
    }


def _meeting_row(meeting: Meeting, base: str) -> dict:
    from .render import meeting_path
    return {
        "id": meeting.id,
        "adres": _address(base, meeting_path(meeting.id)),
        "naam": meeting.title,
        "begin": meeting.start.isoformat(),
        "eind": meeting.end.isoformat(),
        "plaats": _clean(meeting.location or ""),
        "informeel": "ja" if meeting.informal else "nee",
        "brieven": LIST_SEPARATOR.join(meeting.letters),
    }


def _clean(text: str) -> str:
    return CONTROL.sub(" ", text)


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv(fields: tuple[str, ...], rows: list[dict]) -> str:
    """Semicolons between cells, as a spreadsheet set to Dutch expects, and a byte-order mark
    so that it reads the file as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([_cell(row[f]) for f in fields])
    return "\ufeff" + out.getvalue()
