"""The Dutch date parser: forms the letters use, and what it must not take for a date."""
from datetime import date

import pytest

from generator.dates import MONTHS, find_date, find_dates, month_number, resolve_year


def one(text):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("n,name", list(enumerate(MONTHS, start=1)))
def test_every_month_name(n, name):
    m = one(f"op 7 {name} 2024 spraken")
    assert (m.day, m.month, m.year) == (7, n, 2024)
    assert m.dates() == (date(2024, n, 7), date(2024, n, 7))


@pytest.mark.parametrize("word,n", [("jan.", 1), ("feb.", 2), ("febr.", 2), ("mrt.", 3), ("apr.", 4),
                                    ("jun.", 6), ("jul.", 7), ("aug.", 8), ("sep.", 9), ("sept.", 9),
                                    ("okt.", 10), ("nov.", 11), ("dec.", 12), ("Sept", 9), ("OKTOBER", 10)])
def test_abbreviations_and_case(word, n):
    assert month_number(word) == n
    m = one(f"de vergadering van 3 {word} 2025 is")
    assert (m.day, m.month, m.year) == (3, n, 2025)


def test_single_date_with_span():
    text = "Op 5 juni 2025 komen de NAVO-ministers bijeen."
    m = one(text)
    assert text[m.start:m.end] == "5 juni 2025" == m.text
    assert not m.is_range


def test_date_without_year():
    m = one("bijeenkomst op 13 februari te Brussel")
    assert (m.day, m.month, m.year) == (13, 2, None)
    assert m.dates() is None
    assert m.with_year(2025).dates() == (date(2025, 2, 13), date(2025, 2, 13))


@pytest.mark.parametrize("text,start,end", [
    ("Op 15 en 16 juni komen", (15, 6, None), (16, 6, None)),
    ("op 24 en 25 juni 2025", (24, 6, 2025), (25, 6, 2025)),
    ("15, 16 en 17 juni 2024", (15, 6, 2024), (17, 6, 2024)),
    ("30 september tot en met 2 oktober 2025", (30, 9, 2025), (2, 10, 2025)),
    ("30 september - 1 oktober", (30, 9, None), (1, 10, None)),
    ("1 t/m 3 oktober", (1, 10, None), (3, 10, None)),
    ("van 21 februari tot 28 februari", (21, 2, None), (28, 2, None)),
    ("12 april tot en met 24 april 2025", (12, 4, 2025), (24, 4, 2025)),
    ("15-16 juni 2023", (15, 6, 2023), (16, 6, 2023)),
    ("1 – 3 okt. 2025", (1, 10, 2025), (3, 10, 2025)),
    ("op 13 & 14 februari 2025", (13, 2, 2025), (14, 2, 2025)),
    ("30 september & 1 oktober", (30, 9, None), (1, 10, None)),
    # the preposition repeated, the last day after a comma, an aside in brackets
    ("op 13 en op 14 februari 2025", (13, 2, 2025), (14, 2, 2025)),
    ("op 13, 14 februari 2025", (13, 2, 2025), (14, 2, 2025)),
    ("13, 14 februari 2025", (13, 2, 2025), (14, 2, 2025)),
    ("op 13 februari (diner) en 14 februari 2025", (13, 2, 2025), (14, 2, 2025)),
    # a space lost after the preposition in a copy ("28-29 november2023" is real on tweedekamer.nl)
    ("Op13 en 14 februari jl. kwamen", (13, 2, None), (14, 2, None)),
    ("vond van9 tot en met 11 juli plaats", (9, 7, None), (11, 7, None)),
])
def test_ranges(text, start, end):
    m = one(text)
    assert m.is_range
    assert (m.day, m.month, m.year) == start
    assert (m.end_day, m.end_month, m.end_year) == end


def test_range_over_new_year_takes_the_written_year_for_its_end():
    m = one("van 30 december tot en met 2 januari 2025")
    assert m.dates() == (date(2024, 12, 30), date(2025, 1, 2))


def test_with_year_on_a_range_over_new_year():
    m = one("van 30 december tot en met 2 januari")
    assert m.with_year(2025).dates() == (date(2025, 12, 30), date(2026, 1, 2))


def test_several_dates_in_order():
    text = ("trainingen van 21 februari tot en met 28 februari, en 12 april tot en met 24 april 2025, "
            "en een speech van 13 december")
    found = find_dates(text)
    assert [(m.day, m.month) for m in found] == [(21, 2), (12, 4), (13, 12)]
    assert [m.year for m in found] == [None, 2025, None]


def test_month_with_year_but_no_day():
    m = one("Tijdens de vorige DMM in februari 2025 is het plan herzien.")
    assert (m.day, m.month, m.year) == (None, 2, 2025)
    assert m.dates() is None


def test_numeric_date():
    m = one("gedateerd 15-10-2025 verzonden")
    assert (m.day, m.month, m.year) == (15, 10, 2025)


def test_tense_words():
    assert one("daags na de RBZ, op 16 oktober jl., een routekaart").tense == "past"
    assert one("de bijeenkomst op 3 maart a.s. in Brussel").tense == "future"
    assert one("op 3 maart in Brussel").tense is None


@pytest.mark.parametrize("text", [
    "een bijdrage van 3,5 mei",          # a decimal is no day
    "Kamerstuk 28 676, nr. 440",          # dossier numbers
    "de F-16 juni",                       # a code is no day
    "31 februari 2025",                   # no such day
    "op 32 mei",
    "Nederland levert 9 stafofficieren",
    "16 - 15 juni",                       # a range may not run backwards
    "in 2026 2,24% van het bbp",
    # OCR damage before the first day: unreadable, so no date rather than "4 februari" or "14 februari" alone
    "op 1 3 en 1 4 februari",
    "op l3 en 14 februari",
    "op 1 0 en 11 juni 2010",             # the first day split in two: not "11 juni" alone
    # days too far apart for one meeting: several dates, not a range
    "op 5 en 19 juni",
    "op 3, 10 en 17 juni",
])
def test_not_dates(text):
    assert [m for m in find_dates(text) if m.day is not None] == []


def test_find_date_needs_one_whole_date():
    assert find_date("31 januari 2025") == date(2025, 1, 31)
    assert find_date(" 29 september 2025 ") == date(2025, 9, 29)
    assert find_date("31 januari") is None  # no year
    assert find_date("15 en 16 juni 2025") is None  # a range is no letter date
    assert find_date("31 januari 2025 en verder") is None


@pytest.mark.parametrize("day,month,ref,direction,year", [
    (13, 2, date(2025, 1, 31), "after", 2025),
    (15, 1, date(2024, 12, 3), "after", 2025),    # a December agenda for a January meeting
    (15, 12, date(2025, 1, 10), "before", 2024),  # a January report on a December meeting
    (15, 10, date(2025, 11, 12), "before", 2025),
    (31, 1, date(2025, 1, 31), "after", 2025),    # the same day counts
    (31, 1, date(2025, 1, 31), "before", 2025),
    (20, 1, date(2025, 12, 1), "nearest", 2026),
    (20, 11, date(2025, 1, 10), "nearest", 2024),
    (29, 2, date(2025, 3, 1), "after", 2028),     # only leap years have 29 February
    (29, 2, date(2025, 3, 1), "before", 2024),
])
def test_resolve_year(day, month, ref, direction, year):
    assert resolve_year(day, month, ref, direction) == year


def test_resolve_year_rejects_unknown_direction():
    with pytest.raises(ValueError):
        resolve_year(1, 1, date(2025, 1, 1), "sideways")


# --- "en" over a month end --------------------------------------------------------


def test_en_joins_days_over_a_month_end():
    [d] = find_dates("op 30 september en 1 oktober 2008 in Brussel")
    assert (d.day, d.month, d.year, d.end_day, d.end_month, d.end_year) == (30, 9, 2008, 1, 10, 2008)


def test_en_over_a_year_end_without_start_year():
    [d] = find_dates("van 31 december en 1 januari 2010")
    assert (d.year, d.end_year) == (2009, 2010)


def test_en_between_distant_days_gives_two_dates():
    found = find_dates("op 5 juni en 6 juli")
    assert [(d.day, d.month, d.end_day, d.end_month) for d in found] == [(5, 6, 5, 6), (6, 7, 6, 7)]


def test_capitals_and_tense_words():
    [d] = find_dates("DE NAVO TOP IN VILNIUS VAN 11 EN 12 JULI 2023")
    assert (d.day, d.end_day, d.month, d.year) == (11, 12, 7, 2023)
    [a] = find_dates("op 4 en 5 februari aanstaande in Istanbul")
    assert (a.day, a.end_day, a.year, a.tense) == (4, 5, None, "future")
    [p] = find_dates("op 8 en 9 juni jl. te Brussel")
    assert p.tense == "past"
    # written out, and "ll." (laatstleden)
    assert [d.tense for d in find_dates("op 8 juni jongstleden, op 9 juni ll. en op 10 juni laatstleden")] == ["past"] * 3


def test_weekdays_before_the_days_of_a_range():
    [d] = find_dates("op dinsdag 14 en woensdag 15 juni")
    assert (d.day, d.end_day, d.month) == (14, 15, 6)
    [d] = find_dates("van maandag 30 september tot en met woensdag 2 oktober 2024")
    assert (d.day, d.month, d.end_day, d.end_month, d.year) == (30, 9, 2, 10, 2024)
    [d] = find_dates("op donderdag 31 mei en vrijdag 1 juni 2023")
    assert (d.day, d.month, d.end_day, d.end_month, d.year) == (31, 5, 1, 6, 2023)


@pytest.mark.parametrize("text, day", [
    # guard: a number before a comma is no day of a list ("artikel 5, 14 februari"), nor are days that do not
    # follow each other: the last day stands alone, as before
    ("volgens artikel 5, 14 februari 2025", 14),
    ("op 3, 14 februari 2025", 14),
])
def test_days_listed_with_commas_only_follow_each_other_after_a_preposition(text, day):
    m = one(text)
    assert (m.day, m.end_day, m.month, m.year) == (day, day, 2, 2025)
