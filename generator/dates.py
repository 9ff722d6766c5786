"""The project's one parser for Dutch dates in running text.

Letters write dates as words: "5 juni 2025", "op 13 februari", "15 en 16 juni",
"30 september tot en met 2 oktober 2025", "1 t/m 3 okt.".  `find_dates`
returns every such mention with its span; the year is left None when the text
does not give it, and `resolve_year` helps a caller infer it from a reference
date.  Everything here is a pure function of its arguments.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
          "augustus", "september", "oktober", "november", "december")



def dutch_date(d: date | None) -> str:
    """A date as Dutch text writes it: "15 oktober 2025"."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else "datum onbekend"


# Abbreviations as Dutch texts write them, with or without the period.
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
_MONTH_NUMBERS = {name: i for i, name in enumerate(MONTHS, start=1)} | _ABBREVIATIONS

# Longest alternatives first, so "september" wins over "sept" and "sep".
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + "|" + "|".join(
    rf"{a}\.?" for a in sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?![^\W\d_])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# A day must not continue a number ("3,5", "28 676") or a code ("F-16").
# (A space lost after "op" or "van" in a copy, "Op13 en 14 februari", "van9 tot en met 11 juli", still leaves the
# first day: read as "14 februari" alone it would be a wrong one.)
# (the digit asked first: the look-behinds are asked only where a day may start)
_DAY_START = r"(?=\d)(?:(?<![\w.,/€-])|(?<=\b[Oo]p)|(?<=\b[Vv]an))"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
# A weekday may stand before the second day: "dinsdag 14 en woensdag 15 juni".
WEEKDAY = r"(?:maan|dins|woens|donder|vrij|zater|zon)dag"  # a weekday's name, for other patterns of dates
_WEEKDAY = rf"(?:{WEEKDAY}\s+)?"
# "14/15 juni": a slash between two days is a range as well.
_RANGE = r"\s*(?:tot\s+en\s+met|t/m|t\.m\.|tot|-|–|—|/)\s*" + _WEEKDAY
# "13 & 14 februari": an ampersand joins days as "en" does (headings, tables, short notes);
# "op 13 en op 14 februari" repeats the preposition.
_AND = r"\s+(?:en|&)\s+(?:op\s+)?"
# "13, 14 en 15 juni"; the last day after a comma too ("13, 14 februari"), when the days follow each other.
_LIST = r"(?:\s*,\s*" + _WEEKDAY + _DAY + r")*(?:" + _AND + r"|(?P<comma>\s*,\s*))" + _WEEKDAY
# What stands before days listed with commas only: a preposition ("op 13, 14 februari"), or nothing.
_LIST_LEAD = re.compile(r"(?:^|\b(?:op|van|d\.d\.|dd)\s+|\(\s*)$", re.IGNORECASE)
# OCR damage right before a day: a lone digit ("1 4 februari" for 14), or a first day with a letter in it
# or split in two, joined to the day ("l3 en 14 februari", "1 0 en 11 juni" for 10 and 11).  Such a date
# is not read rather than misread.
_DAMAGED_BEFORE = re.compile(
    r"(?:(?<![\w.,])\d\s|(?:(?<!\w)(?=[\dlIOo]{2,4}\s)(?=\w*\d)\w*[lIOo]\w*|(?<![\w.,])\d\s\d)"
    r"\s*(?:en|&|-|–|t/m|tot(?: en met)?)\s*)$")
# A word or two in brackets after a day: "13 februari (diner) en 14 februari".
_ASIDE = r"(?:\s*\([^()\d]{1,25}\))?"

_SINGLE_MONTH = (
    _DAY_START
    + rf"(?P<d1>{_DAY})"
    + rf"(?:(?P<dlist>{_LIST})(?P<dn>{_DAY})|{_RANGE}(?P<d2>{_DAY}))?"
    + rf"\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?"
)
# A range over two months: "30 september tot en met 2 oktober", also "30 september en 1 oktober"
# (with "en" only when the days follow each other: "5 juni en 6 juli" are two dates).
DATE_RE = re.compile(
    _SINGLE_MONTH
    + rf"(?:{_ASIDE}(?:{_RANGE}|(?P<en>{_AND}{_WEEKDAY}))(?P<d3>{_DAY})\s+(?P<m3>{_MONTH})(?:\s+(?P<y3>{_YEAR}))?)?",
    re.IGNORECASE,
)
SINGLE_MONTH_RE = re.compile(_SINGLE_MONTH, re.IGNORECASE)
# Longest span "en" may join across a month end: a meeting of a few days.
_EN_SPAN_DAYS = 4
# A month with a year but no day: "in februari 2025".
MONTH_YEAR_RE = re.compile(
    r"(?<![\w-])(?<!\d\s)(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + rf")\s+(?P<y>{_YEAR})",
    re.IGNORECASE,
)
# Numeric dates, as in reference lines: "15-10-2025", "15/10/2025".
NUMERIC_RE = re.compile(r"(?<![\w/.-])(?P<d>\d{1,2})([-/.])(?P<m>\d{1,2})\2(?P<y>(?:19|20)\d{2})(?![\w/-])")
# "jl." (last) and "a.s." (coming) tell on which side of the letter date a date lies.
# "a.s." also without its periods: "op 23 juni as".
# Written out too ("jongstleden", "aanstaande"), and "ll." (laatstleden), which says what "jl." says.
_TENSE_RE = re.compile(r"\s*(?P<w>jl\.?|j\.l\.|jongstleden|ll\.|l\.l\.|laatstleden|a\.?s\.?|aanstaande)(?!\w)",
                       re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date or date range as written in a text.

    `day` is None for a month mention ("februari 2025"); the end fields equal
    the start fields for a single day.  Years are None where the text gives none.
    """

    start: int  # span in the text
    end: int
    text: str
    day: int | None
    month: int
    year: int | None
    end_day: int | None
    end_month: int
    end_year: int | None
    tense: str | None = None  # "past" ("16 oktober jl."), "future" ("a.s."), else None

    @property
    def is_range(self) -> bool:
        return (self.day, self.month, self.year) != (self.end_day, self.end_month, self.end_year)

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def with_year(self, year: int) -> "DateMention":
        """The mention with its start year set; the end follows (a year later if the range crosses New Year)."""
        end_year = year + 1 if (self.end_month, self.end_day or 1) < (self.month, self.day or 1) else year
        return DateMention(self.start, self.end, self.text, self.day, self.month, year,
                           self.end_day, self.end_month, end_year, self.tense)

    def dates(self) -> tuple[date, date] | None:
        """(first day, last day), or None without a year or a day, or with a day that year has not
        (29 February read with a year that is no leap year)."""
        if self.year is None or self.end_year is None or self.day is None or self.end_day is None:
            return None
        if not (_valid(self.day, self.month, self.year) and _valid(self.end_day, self.end_month, self.end_year)):
            return None
        return date(self.year, self.month, self.day), date(self.end_year, self.end_month, self.end_day)


def month_number(word: str) -> int | None:
    """1-12 for a Dutch month name or abbreviation ("sept.", "Oktober"), else None."""
    return _MONTH_NUMBERS.get(word.lower().rstrip("."))


def _valid(day: int | None, month: int, year: int | None) -> bool:
    if day is None:
        return True
    # Without a year, 29 February may still be meant.
    return 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _adjacent(d1: int, m1: int, y1: int | None, d2: int, m2: int, y2: int | None) -> bool:
    """Whether the second day follows the first within a few days (over a month or year end)."""
    if y1 is not None:
        year = y1
    elif y2 is not None:
        year = y2 - 1 if m2 < m1 else y2
    else:
        year = 2001  # any year without 29 February: the span is then at least as long
    if not _valid(d1, m1, year):
        return False
    first = date(year, m1, d1)
    end_year = year + 1 if m2 < m1 else year
    if not _valid(d2, m2, end_year):
        return False
    return 0 < (date(end_year, m2, d2) - first).days <= _EN_SPAN_DAYS


def _tense(text: str, end: int) -> tuple[str | None, int]:
    m = _TENSE_RE.match(text, end)
    if not m:
        return None, end
    return ("past" if m.group("w")[:1].lower() in "jl" else "future"), m.end()


def _from_match(text: str, m: re.Match) -> DateMention | None:
    d1 = int(m.group("d1"))
    m1 = month_number(m.group("m1"))
    y1 = int(m.group("y1")) if m.group("y1") else None
    groups = m.groupdict()
    if groups.get("d3"):  # "30 september tot en met 2 oktober 2025"
        if m.group("d2") or m.group("dn"):
            return None  # "1-2 september - 3 oktober": not a form letters use
        end_day, end_month = int(m.group("d3")), month_number(m.group("m3"))
        end_year = int(m.group("y3")) if m.group("y3") else None
        if m.group("en") and not _adjacent(d1, m1, y1, end_day, end_month, end_year):
            return None  # "op 5 juni en 6 juli": two dates, the caller reads them one by one
        if y1 is None and end_year is not None:
            # The one year written applies to the range; a range over New Year starts a year earlier.
            y1 = end_year - 1 if (end_month, end_day) < (m1, d1) else end_year
        if end_year is None and y1 is not None:
            end_year = y1 + 1 if (end_month, end_day) < (m1, d1) else y1
    else:
        end_month, end_year = m1, y1
        last = m.group("d2") or m.group("dn")
        end_day = int(last) if last else d1
        if m.group("dlist"):
            days = [d1] + [int(x) for x in re.findall(r"\d+", m.group("dlist"))] + [end_day]
            if m.group("comma") and (any(b != a + 1 for a, b in zip(days, days[1:]))
                                     or not _LIST_LEAD.search(text[max(0, m.start() - 12):m.start()])):
                return None  # "artikel 5, 14 februari": no list of days; the caller reads the last one alone
            if any(not 0 < b - a <= _EN_SPAN_DAYS for a, b in zip(days, days[1:])):
                return None  # "op 5 en 19 juni", "3, 10 en 17 juni": several days, no meeting's span
            d1, end_day = min(days), max(days)
        if end_day < d1:
            return None  # "16 - 15 juni" is not a date range
    if not (_valid(d1, m1, y1) and _valid(end_day, end_month, end_year)):
        return None
    if y1 is not None and end_year is not None and (end_year, end_month, end_day) < (y1, m1, d1):
        return None
    tense, stop = _tense(text, m.end())
    return DateMention(m.start(), m.end(), text[m.start():m.end()], d1, m1, y1, end_day, end_month, end_year,
                       tense)


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in `text`, in order of position.

    Forms: "5 juni 2025", "op 13 februari", "15 en 16 juni", "24 en 25 juni 2025",
    "30 september tot en met 2 oktober 2025", "30 september - 1 oktober",
    "1 t/m 3 okt.", "februari 2025" (day None), "15-10-2025".
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    pos = 0
    while (m := DATE_RE.search(text, pos)) is not None:
        mention = _from_match(text, m)
        if mention is None and m.group("comma"):
            pos = m.start("dn")  # "artikel 5, 14 februari": read "14 februari" alone
            continue
        if mention is None and m.group("en"):
            m = SINGLE_MONTH_RE.match(text, m.start())
            mention = _from_match(text, m)
        pos = m.end()
        if mention and _DAMAGED_BEFORE.search(text[max(0, mention.start - 24):mention.start]):
            continue  # "1 3 en 1 4 februari", "l3 en 14 februari": the first day is unreadable, so is the date
        if mention:
            found.append(mention)
            taken.append((mention.start, mention.end))
    for m in NUMERIC_RE.finditer(text):
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if 1 <= mo <= 12 and _valid(d, mo, y) and d >= 1 and free(m.start(), m.end()):
            found.append(DateMention(m.start(), m.end(), m.group(0), d, mo, y, d, mo, y))
            taken.append((m.start(), m.end()))
    for m in MONTH_YEAR_RE.finditer(text):
        if free(m.start(), m.end()):
            mo, y = month_number(m.group("m")), int(m.group("y"))
            found.append(DateMention(m.start(), m.end(), m.group(0), None, mo, y, None, mo, y))
    return sorted(found, key=lambda x: x.start)


def find_date(text: str) -> date | None:
    """The single full date (day, month and year) that `text` consists of, e.g. a letterhead value."""
    stripped = text.strip().rstrip(".,")
    mentions = find_dates(stripped)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    if m.is_range or m.day is None or m.year is None or stripped[m.end:].strip():
        return None
    return date(m.year, m.month, m.day)


def resolve_year(day: int, month: int, reference: date, direction: str = "nearest") -> int:
    """The year in which `day` `month` falls, seen from `reference`.

    direction "after": the first such day on or after the reference (an agenda
    is sent before its meeting); "before": the last on or before it (a report
    follows its meeting); "nearest": whichever is closer (ties go forward).
    """
    if direction not in ("after", "before", "nearest"):
        raise ValueError(f"unknown direction: {direction!r}")

    def on(year: int) -> date | None:
        return date(year, month, day) if _valid(day, month, year) else None

    # Eight years either way covers 29 February.
    candidates = [d for y in range(reference.year - 8, reference.year + 9) if (d := on(y))]
    if not candidates:
        raise ValueError(f"no such day: {day}-{month}")
    after = [d for d in candidates if d >= reference]
    before = [d for d in candidates if d <= reference]
    if direction == "after":
        return after[0].year
    if direction == "before":
        return before[-1].year
    nxt, prev = after[0], before[-1]
    return nxt.year if (nxt - reference) <= (reference - prev) else prev.year


__all__ = ["DateMention", "MONTHS", "WEEKDAY", "find_date", "find_dates", "month_number", "resolve_year"]
