"""A seeds folder full of the input an editor might drop in by mistake.

Shared by tests/test_bad_input.py; kept apart so a test can also build it by
hand (`python tests/badseeds.py DIR`) to look at what the generator makes of it.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CLOSING_OR_NOTE = re.compile(r"(?im)^\s*(?:de minister|hoogachtend|\d{1,2} \S)|voorzitter van de")

# Text that breaks HTML, Markdown or YAML when pasted in unescaped.  Each line
# stands alone between blank lines, short and without a period: the cleaner
# takes such a line for a heading, so it lands in headings, the table of
# contents and topic titles too.
HOSTILE_LINES = [
    "---",
    "Titel: met dubbele punt",
    "\"Aanhalingstekens\" en 'enkele' in een kop",
    "Kop met <b>vet</b> erin",
    "Kop met <script>alert(1)</script> erin",
    "# Kop die met een hekje begint",
    "| kolom | andere kolom |",
    "* Kop die met een sterretje begint",
    "Kop met [x](javascript:alert(1)) link",
    "Kop met {#anker .klasse} attributen",
]

HOSTILE_PARAGRAPH = (
    "Nederland zet de militaire steun aan Oekraïne onverminderd voort. Een alinea met <b>vet</b>, "
    "<script>alert(1)</script>, een [link](javascript:alert(1)), een <img src=x onerror=alert(1)>, "
    "*sterretjes* en _liggende streepjes_, `code`, &amp; en een voetnoot[^1] in de tekst.\n"
    "Over de NAVO-top in Den Haag: --- en een regel met | pijp | tekens |.\n"
)

# Paragraphs that open with the block syntax of an enabled Markdown extension.
BLOCK_PARAGRAPHS = [
    "!!! note Nederland steunt het voorstel en zet zich in voor een snelle uitvoering ervan door alle bondgenoten.",
    "??? danger De ministers spreken over de dreiging in het oosten van het verdragsgebied en wat daartegen helpt.",
    "= De bijdrage blijft gelijk aan die van vorig jaar, zoals in de vorige brief aan uw Kamer is gemeld.",
]

# Markers the tests look for in the built HTML: never present as markup.
INJECTED = ["<script>alert", "<b>vet</b>", "javascript:alert", "onerror=alert", "<img src=x"]


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    """Body paragraphs of a seed: no letterhead, closing or footnotes (those would end the letter)."""
    paras = re.split(r"\n[ \t]*\n", text)
    return [p.strip() for p in paras if len(p) > 200 and not CLOSING_OR_NOTE.search(p)]


def hostile_letter() -> str:
    heads = "\n\n".join(f"{line}\n\n{HOSTILE_PARAGRAPH}" for line in HOSTILE_LINES)
    return (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Datum 3 maart 2024\n"
        "Betreft <script>alert(1)</script> \"Geannoteerde\" agenda: --- <b>vet</b> [x](javascript:alert(1))\n\n"
        "Geachte voorzitter,\n\n"
        "Op 21 maart 2024 komen de NAVO-ministers van Defensie (DMM) in Brussel bijeen. "
        "In deze brief informeer ik uw Kamer over de Nederlandse inzet.\n\n"
        f"{heads}\n\n"
        + "\n\n".join(BLOCK_PARAGRAPHS) + "\n\n"
        "De minister van Defensie,\n\n"
        "<b>Naam</b> <script>alert(1)</script>\n"
    )


def no_date_letter() -> str:
    body = "\n\n".join(paragraphs(seed_text("001"))[:3])
    return (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Hierbij informeer ik uw Kamer over de bijeenkomst van de NAVO-ministers van Defensie.\n\n"
        f"Oekraïne\n\n{body}\n\n"
        "De minister van Defensie,\n\nR.P. Brekelmans\n"
    )


def latin1_letter() -> bytes:
    # Seed 001 moved to other dates so it is a letter of its own, saved as Windows-1252.
    text = seed_text("001").replace("31 januari 2025", "4 maart 2024").replace("13 februari", "21 maart")
    return text.encode("cp1252")


def big_letter(size: int = 5_000_000) -> str:
    """~`size` bytes: seed 003's paragraphs over and over, under numbered headings."""
    paras = paragraphs(seed_text("001")) + paragraphs(seed_text("004"))
    head = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 2 februari 2024\n\n"
            "Op 14 februari 2024 komen de NAVO-ministers van Defensie (DMM) in Brussel bijeen.\n\n")
    parts, total, n = [head], len(head), 0
    while total < size:
        piece = f"Onderdeel {n + 1}\n\n" + "\n\n".join(paras) + "\n\n"
        parts.append(piece)
        total += len(piece.encode("utf-8"))
        n += 1
    parts.append("De minister van Defensie,\n\nR.P. Brekelmans\n")
    return "".join(parts)


LETTERHEAD_ONLY = (
    "Ministerie van Defensie\n\nPlein 4\nMPC 58 B\nPostbus 20701\n2500 ES Den Haag\nwww.defensie.nl\n\n"
    "Datum 12 mei 2025\nBetreft Geannoteerde agenda\n\nOnze referentie\nMINDEF20250035303\n"
)

# File name -> what it is; the tests look up expectations by these names.
EMPTY = "leeg.txt"
BINARY = "plaatje.txt"
LATIN1 = "latin1 brief.txt"
LETTERHEAD = "alleen-briefhoofd.txt"
NO_DATE = "zonder datum.txt"
COPY = "003 kopie.txt"
CRLF_COPY = "004 windows.txt"
BIG = "groot.txt"
HOSTILE = "brief één.txt"
# Markup in a file name: the name is shown on the letter page and in every report.
MARKUP_NAME = "brief <img src=x onerror=alert(1)> & \"co\".txt"  # no "/": a path separator

# UTF-16 with a BOM, a lone surrogate and an odd byte count: used to stop the whole build.
BROKEN_UTF16 = "utf16 kapot.txt"

# Files from which a letter page must come (besides the real seeds).
READABLE = [LATIN1, NO_DATE, CRLF_COPY, HOSTILE, MARKUP_NAME, BROKEN_UTF16]


def broken_utf16_letter() -> bytes:
    """Seed 001 moved to October 2024, as UTF-16 with a lone surrogate in it and one byte too many."""
    text = seed_text("001").replace("31 januari 2025", "7 oktober 2024").replace("13 februari", "17 oktober")
    raw = text.encode("utf-16-le")
    cut = raw.index("Afschrikking".encode("utf-16-le"))
    return b"\xff\xfe" + raw[:cut] + b"\x00\xd8" + raw[cut:] + b"\x00"


def markup_name_letter() -> str:
    """Seed 000 moved to September 2024, so it is a letter of its own."""
    return seed_text("000").replace("5 juni 2025", "12 september 2024").replace("5 juni", "12 september")


def write_bad_seeds(folder: Path, big_size: int | None = 5_000_000) -> Path:
    """The real seeds plus every kind of bad input; `big_size` None leaves the big letter out."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in SEEDS.glob("*.txt"):
        shutil.copy2(p, folder / p.name)
    (folder / EMPTY).write_bytes(b"")
    # A PNG header and every byte value: what a mis-saved image looks like.
    (folder / BINARY).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (folder / LATIN1).write_bytes(latin1_letter())
    (folder / LETTERHEAD).write_text(LETTERHEAD_ONLY, encoding="utf-8")
    (folder / NO_DATE).write_text(no_date_letter(), encoding="utf-8")
    shutil.copy2(next(SEEDS.glob("003_*.txt")), folder / COPY)
    (folder / CRLF_COPY).write_bytes(seed_text("004").replace("\n", "\r\n").encode("utf-8"))
    if big_size:
        (folder / BIG).write_text(big_letter(big_size), encoding="utf-8")
    (folder / HOSTILE).write_text(hostile_letter(), encoding="utf-8")
    (folder / MARKUP_NAME).write_text(markup_name_letter(), encoding="utf-8")
    (folder / BROKEN_UTF16).write_bytes(broken_utf16_letter())
    return folder


if __name__ == "__main__":
    print(write_bad_seeds(Path(sys.argv[1])))
