"""Corpora of N letters made from the five seeds, deterministically.

Letter j is seed j % 5, copy j // 5.  Each copy moves every date in the
letter by the same number of days (so letter date and meeting dates stay
consistent, and meetings of different copies differ) and raises every
Kamerstuk number ("nr. 440") by the copy number, so cited documents multiply
as they would in a real archive.  The words themselves repeat the seeds': the
search index grows in pages and postings more than in vocabulary.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from generator.dates import MONTHS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATE = re.compile(rf"\b(\d{{1,2}})(?:(\s+en\s+)(\d{{1,2}}))?\s+({'|'.join(MONTHS)})\b(?:(\s+)((?:19|20)\d\d)\b)?")
NUMBER = re.compile(r"\b([Nn]rs?\.\s?)(\d{1,5})\b")
# Copies step back in time two weeks apart: 200 copies span about eight years.
STEP_DAYS = 14


def shift_dates(text: str, days: int) -> str:
    """Every "15 juni 2023", "15 juni" and "15 en 16 juni" moved by `days`."""
    years = Counter(m.group(6) for m in DATE.finditer(text) if m.group(6))
    default_year = int(years.most_common(1)[0][0]) if years else 2025
    delta = timedelta(days=days)

    def repl(m: re.Match) -> str:
        d1, sep, d2, month, space, year = m.groups()
        y, mi = int(year) if year else default_year, MONTHS.index(month) + 1
        try:
            start = date(y, mi, int(d1)) + delta
            end = date(y, mi, int(d2)) + delta if d2 else None
        except ValueError:
            return m.group(0)  # "31 februari": leave it as written
        if end is None:
            out = f"{start.day} {MONTHS[start.month - 1]}"
        elif end.month == start.month:
            out = f"{start.day}{sep}{end.day} {MONTHS[start.month - 1]}"
        else:
            out = f"{start.day} {MONTHS[start.month - 1]}{sep}{end.day} {MONTHS[end.month - 1]}"
        return out + (f"{space}{(end or start).year}" if year else "")

    return DATE.sub(repl, text)


def renumber(text: str, add: int) -> str:
    return NUMBER.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + add}", text) if add else text


def seed_texts() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def letter(j: int, seeds: list[tuple[str, str]]) -> tuple[str, str]:
    """(file name, text) of letter j."""
    stem, text = seeds[j % len(seeds)]
    copy = j // len(seeds)
    return f"{j:04d}_{stem}.txt", renumber(shift_dates(text, -STEP_DAYS * copy), copy)


def make_corpus(n: int, folder: Path) -> Path:
    """Write letters 0..n-1 into `folder` (emptied first); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    seeds = seed_texts()
    for j in range(n):
        name, text = letter(j, seeds)
        (folder / name).write_text(text, encoding="utf-8")
    return folder
