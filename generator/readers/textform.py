"""Text in the shape the clean stage reads, written from a structured source.

PDF and XML readers know where paragraphs end, which digits are footnote
markers and which lines are footnotes.  They write that knowledge as a plain
text would carry it: a blank line between paragraphs, a marker as a
superscript digit glued to its word ("besluiten¹"), and each footnote as a
line "¹ text" after a blank line.  A note is written after the paragraph that
cites it ends, so a sentence that crosses a page or a footnote block stays
whole, and the clean stage lifts notes and joins split words by its own rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, TypeVar

Cell = TypeVar("Cell")

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(label: str) -> str:
    return label.translate(SUPERSCRIPT)


@dataclass
class TextForm:
    lines: list[str] = field(default_factory=list)
    notes: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (order, label, lines)
    cited: set[str] = field(default_factory=set)  # labels whose marker has been written

    def line(self, text: str) -> None:
        text = text.strip()
        if text:
            self.lines.append(text)
            self.cited.update(_markers_in(text))

    def paragraph_break(self) -> None:
        """End the paragraph: a blank line, then the notes it (or an earlier one) cites."""
        if self.lines and self.lines[-1]:
            self.lines.append("")
        ready = [n for n in self.notes if n[1] in self.cited]
        if ready:
            self._write(ready)

    def note(self, label: str, lines: list[str]) -> None:
        self.notes.append((len(self.notes), label, [l for l in (x.strip() for x in lines) if l]))

    def _write(self, notes: list) -> None:
        for n in sorted(notes, key=lambda n: (int(n[1]) if n[1].isdigit() else 0, n[0])):
            self.notes.remove(n)
            first, *rest = n[2] or [""]
            self.lines.append(f"{superscript(n[1])} {first}".rstrip())
            self.lines.extend(rest)
        self.lines.append("")

    def text(self) -> str:
        self.paragraph_break()
        if self.notes:  # notes whose marker was never seen: kept, at the end
            self._write(list(self.notes))
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _markers_in(text: str) -> set[str]:
    import re
    return {m.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
            for m in re.findall(r"(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}", text)}


def table_blocks(rows: Iterable[list[Cell]], holds_table: Callable[[Cell], bool],
                 blocks: Callable[[Cell], list[list[str]]]) -> list[list[str]]:
    """A word-processor table as blocks of lines: its rows as `cel | cel |` lines in one block, as a text
    save writes a letterhead's `Datum | … |`; a row whose cells hold a table lays out regions of text, so
    its cells are read as the blocks they hold."""
    out: list[list[str]] = []
    lines: list[str] = []
    for cells in rows:
        if any(holds_table(c) for c in cells):
            if lines:
                out.append(lines)
                lines = []
            for c in cells:
                out.extend(blocks(c))
            continue
        texts = [" ".join(" ".join(l for b in blocks(c) for l in b).split()) for c in cells]
        if any(texts):
            lines.append(" | ".join(texts) + " |")
    if lines:
        out.append(lines)
    return out


def office_text(head: list[list[str]], blocks: list[list[str]], notes: list[tuple[str, list[str]]]) -> str:
    """A word-processor document as text: the first page's header (letterhead, side column) as one block
    before the body, as a save of the letter's PDF has it, then the body's blocks, each note after the
    paragraph that cites it."""
    form = TextForm()
    for label, lines in notes:
        form.note(label, lines)
    for block in ([[line for b in head for line in b]] if head else []) + blocks:
        for line in block:
            form.line(line)
        form.paragraph_break()
    return form.text() if form.lines or form.notes else ""
