"""Metadata read from the letters' own text: the real seeds, then made-up variants."""
from datetime import date

import pytest

from conftest import parsed_letter
from generator.clean import clean
from generator.metadata import LetterMeta, match_person, normalise_role, read_metadata, rules
from generator.model import Block, Document, Furniture


# --- the real seeds -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(cleaned):
    """Metadata of every document of every seed, keyed by the seed's number ("000")."""
    out = {}
    for name, ct in cleaned.items():
        main = read_metadata(ct.documents[0], name)
        out[name[:3]] = [main] + [read_metadata(d, name, appended=True) for d in ct.documents[1:]]
    return out


def messages(meta: LetterMeta) -> str:
    return " | ".join(p.message for p in meta.problems)


def meeting(type_, start, end=None, location="Brussel", bodies=()):
    return (type_, start, end or start, location, frozenset(bodies))


def as_tuples(meta: LetterMeta):
    return [(m.type, m.start, m.end, m.location, frozenset(m.bodies)) for m in meta.meetings]


EXPECTED = {
    "000": dict(kind="geannoteerde agenda", letter_date=None, addressee=None, minister=None,
                minister_signed=None, minister_role="minister van Defensie", subject=None, our_references=(),
                meetings=[meeting("dmm", date(2025, 6, 5), bodies={"NPG", "UDCG"})]),
    "001": dict(kind="geannoteerde agenda", letter_date=date(2025, 1, 31), addressee="Tweede Kamer",
                minister="brekelmans", minister_signed="R.P. Brekelmans",
                minister_role="minister van Defensie", subject=None, our_references=(),
                meetings=[meeting("dmm", date(2025, 2, 13), bodies={"NUC"})]),
    "002": dict(kind="geannoteerde agenda", letter_date=date(2025, 9, 29), addressee="Eerste Kamer",
                minister="brekelmans", minister_signed="Ruben Brekelmans",
                minister_role="minister van Defensie",
                subject="Geannoteerde agenda bijeenkomst NAVO-ministers en Nederlandse bijdrage anti-drone "
                        "capaciteiten in Denemarken",
                our_references=("D2024-001261", "MINDEF20250035303"),
                meetings=[meeting("dmm", date(2025, 10, 15), bodies={"NUC", "UDCG"})]),
    "003": dict(kind="geannoteerde agenda", letter_date=None, addressee=None, minister="ollongren",
                minister_signed="drs. K.H. Ollongren", minister_role="minister van Defensie", subject=None,
                our_references=(),
                meetings=[meeting("dmm", date(2023, 6, 15), date(2023, 6, 16), bodies={"NUC", "NPG", "UDCG"})]),
    "004": dict(kind="verslag", letter_date=date(2025, 11, 12), addressee="Tweede Kamer",
                minister="brekelmans", minister_signed="R.P. Brekelmans",
                minister_role="minister van Defensie", subject=None, our_references=(),
                meetings=[meeting("dmm", date(2025, 10, 15), bodies={"NAR", "NUC", "UDCG"}),
                          meeting("rbz-defensie", date(2025, 10, 15))]),
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_fields(seeds, seed):
    meta = seeds[seed][0]
    want = EXPECTED[seed]
    for name, value in want.items():
        got = as_tuples(meta) if name == "meetings" else getattr(meta, name)
        assert got == value, f"{seed} {name}"


@pytest.mark.parametrize("seed,words", [
    ("000", ["briefdatum", "geadresseerde", "ondertekenaar", "Betreft", "referentie"]),
    ("003", ["briefdatum", "geadresseerde", "Betreft", "referentie"]),
    ("001", ["Betreft", "referentie"]),
    ("004", ["Betreft", "referentie"]),
])
def test_seed_problems_name_the_missing_fields(seeds, seed, words):
    meta = seeds[seed][0]
    text = messages(meta)
    for word in words:
        assert word in text, (seed, word, text)
    assert all(p.source.startswith(seed) for p in meta.problems)


def test_seed_problems_only_for_missing_fields(seeds):
    for word in ("briefdatum", "geadresseerde", "ondertekenaar", "vergadering", "soort"):
        assert word not in messages(seeds["001"][0])
        assert word not in messages(seeds["004"][0])
    assert messages(seeds["002"][0]) == ""


def test_seed_000_signature_problem_points_at_the_closing(seeds):
    problem = next(p for p in seeds["000"][0].problems if "ondertekenaar" in p.message)
    assert problem.line == 24


def test_seed_002_memo(seeds):
    letter, memo = seeds["002"]
    assert memo.kind == "nota"
    assert (memo.memo_from, memo.memo_to) == ("DGB", "MINDEF")
    assert memo.letter_date == date(2025, 9, 29)
    assert memo.addressee is None and memo.minister is None
    assert memo.subject == "Kamerbrief geannoteerde agenda Defence Ministers Meeting (DMM) 15 oktober 2025"
    assert memo.our_references == ("D2024-001261", "MINDEF20250035304", "MINDEF20250035303")
    assert as_tuples(memo) == [meeting("dmm", date(2025, 10, 15), bodies={"UDCG"})]
    assert [(m.type, m.start) for m in memo.meetings] == [(m.type, m.start) for m in letter.meetings]
    # A memo is not addressed to parliament: no problem for that.
    assert "geadresseerde" not in messages(memo)


def test_seed_000_summit_in_passing_is_not_the_meeting(seeds):
    assert [m.type for m in seeds["000"][0].meetings] == ["dmm"]


# --- made-up letters (run through the real cleaner with the shared lexicon) ---------------


def letter(lexicon, *, head="", opening, rest="Bondgenoten spreken over de plannen.",
           closing="De minister van Defensie,\nR.P. Brekelmans", appended_memo: str | None = None):
    """A small letter in the layout of the seeds, run through the real cleaner."""
    text = (f"{head}\n\n" if head else "") + f"{opening}\n\nAfschrikking en verdediging\n\n{rest}\n\n{closing}\n"
    if appended_memo:
        text += "\n\n" + appended_memo
    docs = clean("test.txt", text, lexicon).documents
    return docs


def meta_of(lexicon, **kw) -> LetterMeta:
    return read_metadata(letter(lexicon, **kw)[0], "test.txt")


TK = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"


def test_december_agenda_for_a_january_meeting(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 3 december 2024",
                   opening="Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers "
                           "van Defensie (DMM) op 15 januari te Brussel.")
    assert meta.kind == "geannoteerde agenda"
    assert meta.letter_date == date(2024, 12, 3)
    assert as_tuples(meta) == [meeting("dmm", date(2025, 1, 15))]


def test_january_report_on_a_december_meeting(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 10 januari 2025",
                   opening="Op 12 en 13 december vonden in Vilnius bijeenkomsten plaats van de NAVO-ministers van "
                           "Defensie. In deze brief informeer ik uw Kamer over de uitkomsten.")
    assert meta.kind == "verslag"
    assert as_tuples(meta) == [meeting("dmm", date(2024, 12, 12), date(2024, 12, 13), "Vilnius")]


def test_late_report_lies_before_its_letter_even_when_the_next_year_is_nearer(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 20 december 2025",
                   opening="Op 13 juni vonden in Brussel bijeenkomsten plaats van de NAVO-ministers van Defensie. "
                           "In deze brief informeer ik uw Kamer over de uitkomsten.")
    assert meta.kind == "verslag"
    assert meta.meetings[0].start == date(2025, 6, 13)


def test_early_agenda_lies_before_its_meeting_even_when_the_last_year_is_nearer(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 10 januari 2025",
                   opening="Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers "
                           "van Defensie op 25 juli te Brussel.")
    assert meta.meetings[0].start == date(2025, 7, 25)


def test_year_only_in_the_letter_date_and_a_range_over_two_months(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 15 september 2025",
                   opening="Op 30 september tot en met 2 oktober komen de NAVO-ministers van Defensie in "
                           "Den Haag bijeen. In deze brief informeer ik uw Kamer over de Nederlandse inzet.")
    assert as_tuples(meta) == [meeting("dmm", date(2025, 9, 30), date(2025, 10, 2), "Den Haag")]


def test_summit_letter(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 2 juni 2025",
                   opening="Op 24 en 25 juni 2025 vindt de NAVO-top plaats in Den Haag. In deze brief informeer "
                           "ik uw Kamer over de Nederlandse inzet.",
                   rest="De Noord-Atlantische Raad bespreekt de plannen.")
    assert meta.kind == "geannoteerde agenda"
    assert as_tuples(meta) == [meeting("navo-top", date(2025, 6, 24), date(2025, 6, 25), "Den Haag", {"NAR"})]


def test_eu_defence_council_report(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 2 december 2025",
                   opening="Op 18 november kwam de Raad Buitenlandse Zaken in Defensiesamenstelling (RBZ Defensie) "
                           "in Brussel bijeen. Hierbij ontvangt u het verslag van deze vergadering.",
                   rest="Ook de Nuclear Planning Group (NPG) werd genoemd.")
    assert meta.kind == "verslag"
    # Not also the plain Foreign Affairs Council, and a NATO body does not go on an EU meeting.
    assert as_tuples(meta) == [meeting("rbz-defensie", date(2025, 11, 18))]


def test_meeting_named_in_passing_is_skipped(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 31 januari 2025",
                   opening="Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen, in aanloop "
                           "naar de NAVO-top in Den Haag op 24 en 25 juni.")
    assert as_tuples(meta) == [meeting("dmm", date(2025, 2, 13))]


def test_other_proper_name_containing_a_meeting_name(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 2 juni 2025",
                   opening="Op 24 juni vindt het NATO Summit Defence Industry Forum plaats in Den Haag.")
    assert meta.meetings == ()
    assert meta.kind == "overig"
    assert "geen vergaderbrief" in messages(meta)


@pytest.mark.parametrize("configuration", ["Handel", "Ontwikkelingssamenwerking"])
@pytest.mark.parametrize("council", ["Raad Buitenlandse Zaken (RBZ)", "RBZ"])
def test_another_configuration_of_the_council_after_its_abbreviation(lexicon, configuration, council):
    # tkconv 2025: "de Raad Buitenlandse Zaken (RBZ) Handel": the trade ministers, not the foreign ministers;
    # so is "de RBZ Handel", the abbreviation alone being a name of the council too
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 2 juni 2025",
                   opening=f"Op 24 juni vindt de {council} {configuration} plaats in Brussel.")
    assert meta.meetings == ()
    # in a title in capitals too
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 2 juni 2025\n\nVERSLAG RAAD BUITENLANDSE ZAKEN "
                                 f"{configuration.upper()} VAN 24 JUNI 2025",
                   opening="Hierbij bied ik u het verslag aan.")
    assert meta.meetings == ()
    # without a configuration after it, the abbreviation keeps the council (the one with the defence
    # ministers: the Minister of Defence signs this letter, meetings.yaml `by_writer`)
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 2 juni 2025",
                   opening="Op 24 juni vindt de Raad Buitenlandse Zaken (RBZ) plaats in Brussel.")
    assert [m.type for m in meta.meetings] == ["rbz-defensie"]


@pytest.mark.parametrize("written", ["Raad Buitenlandse Zaken (Handel)", "Raad Buitenlandse Zaken (RBZ) over handel",
                                     "Raad Buitenlandse Zaken voor Ontwikkelingssamenwerking"])
def test_another_configuration_in_brackets_or_after_over(lexicon, written):
    # "de Raad Buitenlandse Zaken (Handel)", "(RBZ) over handel": the trade ministers' council as letters write it
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 2 juni 2025", opening=f"Op 24 juni vindt de {written} plaats in Brussel.")
    assert meta.meetings == ()


def test_no_date_anywhere(lexicon):
    meta = meta_of(lexicon, opening="Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen. "
                                    "In deze brief informeer ik uw Kamer over de Nederlandse inzet.")
    assert meta.letter_date is None
    assert [(m.type, m.start, m.end) for m in meta.meetings] == [("dmm", None, None)]
    text = messages(meta)
    assert "geen briefdatum" in text and "jaar van de vergadering" in text


def test_no_year_is_assumed_for_an_appended_memo_without_date(lexicon):
    docs = letter(lexicon, opening="Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.")
    meta = read_metadata(docs[0], "test.txt", appended=True)
    assert meta.kind == "nota"
    assert meta.meetings[0].start is None  # never guessed from the letter it is appended to
    assert "jaar van de vergadering" in messages(meta)


def test_year_from_the_same_day_elsewhere_in_the_text(lexicon):
    meta = meta_of(lexicon, opening="Op 15 en 16 juni komen de NAVO-ministers van Defensie in Brussel bijeen.",
                   rest="Op 16 juni 2022 vindt ook een sessie plaats.")
    assert as_tuples(meta) == [meeting("dmm", date(2022, 6, 15), date(2022, 6, 16))]


def test_conflicting_years_elsewhere_leave_the_date_open(lexicon):
    meta = meta_of(lexicon, opening="Op 15 juni komen de NAVO-ministers van Defensie in Brussel bijeen.",
                   rest="Op 15 juni 2022 en op 15 juni 2023 waren er sessies.")
    assert meta.meetings[0].start is None
    assert "onzeker" in messages(meta)


def test_meeting_without_place_is_reported(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 31 januari 2025",
                   opening="Op 13 februari komen de NAVO-ministers van Defensie (DMM) bijeen.")
    assert meta.meetings[0].location is None
    problem = next(p for p in meta.problems if "plaats van de vergadering" in p.message)
    assert "DMM" in problem.message and problem.line is not None


def test_meeting_dated_in_the_next_sentence_that_refers_back_to_it(lexicon):
    # kst-21501-28-198: the meeting named in one sentence, its day in the next ("de vergadering vindt
    # plaats op ..."); the earlier day in that sentence ("op 1 april jl.") is when it was called.
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 3 april 2020",
                   opening="Hierbij informeer ik uw Kamer over een ingelaste videoconferentie van de EU-ministers "
                           "van Defensie. Tot deze videoconferentie besloot de Hoge Vertegenwoordiger op 1 april "
                           "jl. en de vergadering vindt plaats op 6 april aanstaande.")
    assert meta.kind == "geannoteerde agenda"
    assert as_tuples(meta) == [meeting("rbz-defensie", date(2020, 4, 6), location=None)]


def test_a_back_referring_clause_may_say_the_meeting_is_informal(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 3 april 2020",
                   opening="Hierbij informeer ik uw Kamer over een ingelaste videoconferentie van de EU-ministers "
                           "van Defensie. Tot deze videoconferentie, die bedoeld is als een informele "
                           "gedachtewisseling, besloot de Hoge Vertegenwoordiger op 1 april jl. en de vergadering "
                           "vindt plaats op 6 april aanstaande.")
    assert [(m.type, m.start, m.informal) for m in meta.meetings] == [("rbz-defensie", date(2020, 4, 6), True)]


def test_a_next_sentence_that_does_not_refer_back_dates_no_meeting(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 3 april 2020",
                   opening="Hierbij informeer ik uw Kamer over de lessen die de EU-ministers van Defensie trekken. "
                           "Op 6 april aanstaande vindt een oefening plaats.")
    assert meta.meetings == ()


def test_a_meeting_in_passing_is_not_dated_by_the_next_sentence(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 3 april 2020",
                   opening="Hierbij informeer ik uw Kamer over de stand van zaken na de vorige NAVO-top. "
                           "De bijeenkomst vindt plaats op 6 april aanstaande.")
    assert meta.meetings == ()


def test_unknown_signer_kept_as_written(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 31 januari 2025",
                   opening="Op 13 februari komen de NAVO-ministers van Defensie in Brussel bijeen.",
                   closing="Hoogachtend,\n\nDe Staatssecretaris van Defensie,\nmr. J.K. Jansen")
    assert meta.minister_signed == "mr. J.K. Jansen" and meta.minister is None
    assert meta.minister_role == "staatssecretaris van Defensie"
    problem = next(p for p in meta.problems if "Jansen" in p.message)
    assert problem.level == "info"


def test_a_role_broken_over_two_lines_and_its_name(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 31 januari 2031",
                   opening="Graag bied ik u hierbij het verslag aan van de bijeenkomst van 20 januari 2031.",
                   closing="De Minister\n\nvan Buitenlandse Zaken,\n\nDr. A.B. Voorbeeld")
    assert (meta.minister_signed, meta.minister_role) == ("Dr. A.B. Voorbeeld", "minister van Buitenlandse Zaken")


def test_a_line_below_a_bare_role_that_is_prose_is_no_role(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 31 januari 2031",
                   opening="Graag bied ik u hierbij het verslag aan van de bijeenkomst van 20 januari 2031.",
                   closing="De Minister\n\nvan Buitenlandse Zaken heeft hierover eerder bericht.\n\nDr. A.B. Voorbeeld")
    assert meta.minister_role != "minister van Buitenlandse Zaken heeft hierover eerder bericht."


def test_an_agenda_the_letter_points_to_does_not_make_it_one(lexicon):
    opening = ("Zoals toegezegd informeer ik u over mijn aanwezigheid bij de Raden sinds mijn aantreden. Voortaan "
               "ga ik vooraf in de geannoteerde agenda van de Raad in op mijn voorgenomen aanwezigheid.")
    assert meta_of(lexicon, head=f"{TK}\n\nDen Haag, 10 oktober 2031", opening=opening).kind == "overig"
    sent = "Hierbij bied ik u de geannoteerde agenda aan van de Raad Algemene Zaken van 15 november 2031."
    assert meta_of(lexicon, head=f"{TK}\n\nDen Haag, 7 november 2031", opening=sent).kind == "geannoteerde agenda"


def test_kind_not_stated(lexicon):
    meta = meta_of(lexicon, head=f"{TK}\n\nDen Haag, 31 januari 2025",
                   opening="Graag deel ik met uw Kamer de stand van zaken van het materieelprogramma.")
    assert meta.kind == "overig"
    assert "geen vergaderbrief" in messages(meta)
    assert meta.meetings == ()


def test_kind_from_subject_line():
    doc = Document(
        blocks=(Block("paragraph", "Graag deel ik met uw Kamer het volgende.", 10),),
        furniture=(Furniture(3, "Datum 12 maart 2025", "letterhead"),
                   Furniture(4, "Betreft Verslag van de Defensieraad", "letterhead")),
    )
    meta = read_metadata(doc, "x.txt")
    assert meta.kind == "verslag"
    assert meta.subject == "Verslag van de Defensieraad"


def test_date_label_and_value_on_separate_lines():
    doc = Document(
        blocks=(Block("paragraph", "Tekst.", 20),),
        furniture=(Furniture(5, "Datum", "sidebar"), Furniture(6, "3 maart 2025", "sidebar"),
                   Furniture(8, "Onze referentie", "sidebar"), Furniture(9, "BS2025012345", "sidebar"),
                   Furniture(11, "Betreft", "sidebar"), Furniture(12, "Stand van zaken", "sidebar"),
                   Furniture(13, "materieel", "sidebar")),
    )
    meta = read_metadata(doc, "x.txt")
    assert meta.letter_date == date(2025, 3, 3)
    assert meta.our_references == ("BS2025012345",)
    assert meta.subject == "Stand van zaken materieel"


@pytest.mark.parametrize("line, letter_date", [
    ("13 oktober 2010", date(2010, 10, 13)),  # a bare letterhead's or news archive's date line
    ("Woensdag 13 oktober 2010", date(2010, 10, 13)),
    ("Kamerbrief | 13 oktober 2010", date(2010, 10, 13)),  # an archive's label of the page, then its date
    # a title ending in a day is the meeting's day, not the letter's
    ("GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN VAN 13 OKTOBER 2010", None),
    ("Verslag van de bijeenkomst op 13 oktober 2010", None),
])
def test_a_lone_date_line_above_the_text(line, letter_date):
    doc = Document(blocks=(Block("heading", line, 3),
                           Block("paragraph", "De Raad spreekt over de toestand in het voorbeeldland.", 20)),
                   furniture=(Furniture(1, "Ministerie van Defensie", "letterhead"),))
    assert read_metadata(doc, "x.txt").letter_date == letter_date


def test_a_letterhead_saved_as_table_cells_gives_its_date():
    # A news archive's copy of a 2005 Foreign Affairs letterhead: label and value cells, two columns.
    doc = Document(blocks=(Block("paragraph", "|Datum |14 november 2005 |Behandel|A.B. Voorbeeld |", 11),
                           Block("paragraph", "|Blad |1/6 |Fax |070-348 6381 |", 13),
                           Block("paragraph", "Hierbij bied ik u het verslag aan van de Raad.", 20)),
                   furniture=(Furniture(1, "Ministerie van Buitenlandse Zaken", "letterhead"),))
    assert read_metadata(doc, "x.txt").letter_date == date(2005, 11, 14)


def test_the_address_under_an_archives_title_of_the_page():
    doc = Document(blocks=(Block("heading", "Kamerbrief verslag RAZEB van 26 en 27 april 2004", 5),
                           Block("paragraph", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", 7),
                           Block("heading", "Betreft", 9),
                           Block("paragraph", "Hierbij bied ik u het verslag aan van de Raad van 26 en 27 april 2004.", 20),
                           Block("paragraph", "Aan de Voorzitter van de Eerste Kamer is een afschrift gezonden.", 22)),
                   furniture=(Furniture(1, "Ministerie van Buitenlandse Zaken", "letterhead"),))
    # below the first sentence, the Voorzitter of the other chamber is named in prose: no address
    assert read_metadata(doc, "x.txt").addressee == "Tweede Kamer"


def test_conflicting_letter_dates_are_not_chosen_between():
    doc = Document(blocks=(Block("paragraph", "Tekst.", 20),),
                   furniture=(Furniture(1, "Den Haag, 3 maart 2025", "letterhead"),
                              Furniture(5, "Datum 4 maart 2025", "sidebar")))
    meta = read_metadata(doc, "x.txt")
    assert meta.letter_date is None
    assert "briefdatum onzeker" in messages(meta)


def test_appended_memo_is_a_nota_and_finds_its_meeting_under_aanleiding():
    doc = Document(
        blocks=(Block("heading", "Aanleiding", 10, level=2),
                Block("paragraph", "Op 20 mei komen de NAVO-ministers van Defensie in Vilnius bijeen. "
                                   "In deze nota informeer ik u over de Nederlandse inzet.", 12),
                Block("heading", "Kernpunten", 14, level=2),
                Block("paragraph", "Op 3 juni komen de NAVO-ministers van Buitenlandse Zaken in Rome bijeen.", 16)),
        furniture=(Furniture(2, "Datum", "memo-header"), Furniture(3, "30 april 2025", "memo-header")),
        title="Nota",
    )
    meta = read_metadata(doc, "x.txt", appended=True)
    assert meta.kind == "nota"
    assert meta.letter_date == date(2025, 4, 30)
    # Only the opening section counts: the FMM under "Kernpunten" is not this memo's meeting.
    assert as_tuples(meta) == [meeting("dmm", date(2025, 5, 20), location="Vilnius")]


@pytest.mark.parametrize("signed,name", [
    ("R.P. Brekelmans", "Ruben Brekelmans"),
    ("Ruben Brekelmans", "Ruben Brekelmans"),
    ("R. Brekelmans", "Ruben Brekelmans"),
    ("drs. K.H. Ollongren", "Kajsa Ollongren"),
    ("K. Ollongren", "Kajsa Ollongren"),
    ("A.Th.B. Bijleveld-Schouten", "Ank Bijleveld"),
    ("G. Tuinman", "Gijs Tuinman"),
    ("C. van der Maat", "Christophe van der Maat"),
    # initials printed apart, and titles without their stops (older pages and letterheads)
    ("J. S. J. Hillen", "Hans Hillen"),
    ("Dr B. R. Bot", "Ben Bot"),
    ("Drs. M. J. M. Verhagen", "Maxime Verhagen"),
    ("drs. J.G. de Vries", "Jack de Vries"),
    ("J.A. de Vries", None),  # the same surname, other initials
    ("R.P. Ollongren", None),  # initials of someone else
    ("P. Tuinman", None),
    ("J. Jansen", None),
])
def test_people(signed, name):
    person = match_person(signed, rules())
    assert (person.name if person else None) == name


@pytest.mark.parametrize("written,role", [
    ("DE MINISTER VAN DEFENSIE", "minister van Defensie"),
    ("Minister van Defensie", "minister van Defensie"),
    ("DE MINISTER VAN BUITENLANDSE ZAKEN", "minister van Buitenlandse Zaken"),
    ("staatssecretaris van Defensie", "staatssecretaris van Defensie"),
])
def test_normalise_role(written, role):
    assert normalise_role(written) == role


def test_a_news_archive_stamp_dates_the_letter_and_is_page_text(tmp_path):
    text = ("Ministerie van Defensie\n\n---\n\nBrieven aan de Kamer\n---\n\n"
            "Geannoteerde agenda voor de bijeenkomst van de EU-defensieministers in Luxemburg\n\n"
            "7-4-2005 10:12:00\n\n"
            "Op 18 en 19 april a.s. komen de EU-ministers van Defensie bijeen te Luxemburg. Zij spreken over "
            "de operaties in Bosnië en over de militaire capaciteiten van de Unie.\n")
    letter = parsed_letter(tmp_path, text)
    assert letter.letter_date == date(2005, 4, 7)
    page_text = {f.text for f in letter.furniture if f.role == "webpage"}
    assert {"Brieven aan de Kamer", "7-4-2005 10:12:00"} <= page_text
    assert not any(s.heading in page_text for s in letter.sections)


ANSWERS = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 16 mei 2025\n"
           "Betreft {subject}\n\nGeachte voorzitter,\n\n{opening} over de geannoteerde agenda voor de Raad "
           "Buitenlandse Zaken Defensie van 20 mei 2025 in Brussel.\n\nDe minister van Defensie,\n\nR.P. Brekelmans\n")


def test_a_letter_answering_questions_about_an_agenda_is_not_that_agenda(tmp_path):
    letter = parsed_letter(tmp_path, ANSWERS.format(
        subject="Beantwoording vragen schriftelijk overleg over de geannoteerde agenda RBZ Defensie 20 mei 2025",
        opening="Hierbij beantwoord ik de vragen van de vaste commissie voor Defensie"))
    assert (letter.kind, letter.meetings) == ("overig", ())


def test_an_agenda_that_also_answers_a_question_stays_the_agenda(tmp_path):
    letter = parsed_letter(tmp_path, ANSWERS.format(
        subject="Geannoteerde agenda Raad Buitenlandse Zaken Defensie 20 mei 2025",
        opening="Hierbij bied ik u de geannoteerde agenda aan en beantwoord ik tevens de vragen van de commissie"))
    assert letter.kind == "geannoteerde agenda" and letter.meetings[0].type == "rbz-defensie"


def test_one_letter_saved_twice_is_kept_twice_and_reported(tmp_path):
    from generator.pipeline import build_corpus

    body = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 1 november 2019\n\n"
            "Hierbij bied ik u de geannoteerde agenda aan voor de Raad Buitenlandse Zaken Defensie van "
            "12 november 2019 in Brussel.\n\nDe Minister van Defensie,\n\nA.Th.B. Bijleveld-Schouten\n")
    (tmp_path / "tk.txt").write_text("21 501-28 Defensieraad\n\nNr. 193 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
                                     + body, encoding="utf-8")
    (tmp_path / "opentk.txt").write_text("Kamerstuk 21501-28-193\n\nNr. 193 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
                                         + body, encoding="utf-8")
    result = build_corpus(tmp_path)
    assert {l.source for l in result.corpus.letters} == {"tk.txt", "opentk.txt"}  # each file read as it is
    [copy] = [p for p in result.problems if "zelfde Kamerstuknummer" in p.message]
    assert copy.source == "tk.txt" and "opentk.txt" in copy.message and "21 501-28, nr. 193" in copy.message
