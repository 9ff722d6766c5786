"""The same letters in other shapes read the same.

Real letters reach the site as text extracted from PDFs and web pages: wrapped at another width or
not at all, with Windows line ends, a byte-order mark, no-break spaces in dates and numbers, one
blank line or two.  Each variant of the development corpus must score exactly as the corpus does
(every value right), so a rule that only holds at one line width shows here.
"""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from generator.score import score

GENRE = Path(__file__).resolve().parent / "fixtures" / "genre"
LINE_LAYOUTS = {"printed-kamerstuk-lines"}
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"


def _prose(block: str) -> bool:
    """A paragraph wrapped over several full lines (not a head, a list, a table or page text)."""
    lines = block.split("\n")
    return (len(lines) >= 2 and all(len(l) >= 45 for l in lines[:-1])
            and not any(l.lstrip().startswith(("|", "-", "•", "#", ">")) or "://" in l for l in lines))


def _rewrap(text: str, width: int | None) -> str:
    """Each paragraph of a text with blank lines between them, joined and wrapped at `width`."""
    def one(block: str) -> str:
        if not _prose(block):
            heading, _, rest = block.partition("\n")  # a heading right above its paragraph
            return f"{heading}\n{one(rest)}" if rest and len(heading) < 45 and _prose(rest) else block
        joined = " ".join(block.split("\n"))
        return joined if width is None else textwrap.fill(joined, width, break_long_words=False,
                                                          break_on_hyphens=False)
    return "\n\n".join(one(b) for b in text.split("\n\n"))


def _no_break_spaces(text: str) -> str:
    text = re.sub(r"(?<=\d) (?=\d)", "\u00a0", text)  # "28 676"
    return re.sub(rf"(\d) ((?:{MONTHS})\b)", "\\1\u00a0\\2", text)  # "12 mei"


VARIANTS = {
    "windows": lambda t: "\ufeff" + "\r\n".join(l + "  " if l else l for l in t.split("\n")),
    "no-break spaces": _no_break_spaces,
    "paragraphs on one line": lambda t: _rewrap(t, None),
    "wrapped at 64": lambda t: _rewrap(t, 64),
    "wrapped at 80": lambda t: _rewrap(t, 80),
    "wrapped at 100": lambda t: _rewrap(t, 100),
    # Every long line wrapped, titles and opening lines too, as a narrow PDF page sets them
    # (a saved page's table rows stay whole).
    "every line wrapped at 60": lambda t: "\n".join(textwrap.fill(l, 60, break_long_words=False, break_on_hyphens=False)
                                                   if len(l) > 60 and "|" not in l else l for l in t.split("\n")),
    "two blank lines": lambda t: t.replace("\n\n", "\n\n\n"),
    "double-spaced": lambda t: t.replace("\n", "\n\n"),  # a blank line after every line
}
REWRAPS = {"paragraphs on one line", "wrapped at 64", "wrapped at 80", "wrapped at 100", "every line wrapped at 60"}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_development_corpus_reads_the_same_in_another_shape(variant, tmp_path):
    changed = 0
    for truth in sorted(GENRE.glob("*.yaml")):
        letter = truth.with_suffix(".txt")
        text = letter.read_text(encoding="utf-8")
        shape = VARIANTS[variant]
        if variant in REWRAPS and yaml.safe_load(truth.read_text(encoding="utf-8"))["layout"] in LINE_LAYOUTS:
            shape = str  # no blank line between paragraphs: where one ends is not for the variant to say
        (tmp_path / letter.name).write_bytes(shape(text).encode("utf-8"))
        shutil.copy(truth, tmp_path / truth.name)
        changed += shape(text) != text
    assert changed >= 15, f"the variant {variant!r} changes too few letters to tell anything"
    result = score(tmp_path)
    assert result.letters >= 50
    assert [f"{m.source}: {m.field}: {m.expected} != {m.got}" for m in result.misses] == []
