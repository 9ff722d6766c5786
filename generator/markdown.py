"""Letter text to safe Markdown: escaping, and inserting marks by their spans.

Letter text is data, never markup.  Everything Python-Markdown (with the
extensions in mkdocs.yml) would interpret is escaped; links, footnote markers
and emphasis are inserted from marks in one pass over sorted spans, never by
search-and-replace on the text.
"""
from __future__ import annotations

import posixpath
import re
from typing import Callable

from .model import Mark

# Characters Python-Markdown (plus the tables extension) takes a backslash escape for.
_INLINE = re.compile(r"([\\`*_{}\[\]|])")
# At the start of a block these open a heading, list, quote, rule or table.
_LINE_START = re.compile(r"^(\s*)([#+=|-]|\d+[.)])")


def _protect_line_start(text: str) -> str:
    return _LINE_START.sub(lambda m: m.group(1) + "".join("\\" + c if c in "#+=|-.)" else c for c in m.group(2)), text)


def escape(text: str) -> str:
    """Plain text that renders as itself in Markdown and HTML."""
    return _protect_line_start(escape_fragment(text))


def relative(from_page: str, to_page: str) -> str:
    """Link from one docs/-relative Markdown file to another (MkDocs validates these)."""
    target, _, anchor = to_page.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_page) or ".") if target else ""
    return path + (f"#{anchor}" if anchor else "")


def render_inline(text: str, marks: tuple[Mark, ...], link: Callable[[Mark, str], str | None],
                  footnote: Callable[[str], str | None] = lambda label: f"[^{label}]") -> str:
    """Escape `text` and insert the marks.

    `link(mark, escaped_text)` returns Markdown for a reference mark (or None to
    leave it as text); `footnote(label)` the marker for a footnote.  Marks that
    cross another mark's boundary are skipped, as are footnote markers whose
    `footnote` returns None.
    """
    out: list[str] = []
    pos = 0
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, m.kind != "emphasis"))
    open_end = None  # end of the emphasis span we are inside
    for mark in ordered:
        if mark.start < pos:
            continue  # overlaps what was already written
        if open_end is not None and mark.start >= open_end:
            out.append(escape_fragment(text[pos:open_end]) + "*")
            pos, open_end = open_end, None
        if open_end is not None and mark.end > open_end:
            continue  # would cross the emphasis boundary
        out.append(escape_fragment(text[pos:mark.start]))
        pos = mark.start
        if mark.kind == "footnote":
            out.append(footnote(mark.value) or "")
        elif mark.kind == "emphasis" and open_end is None and mark.end > mark.start:
            out.append("*")
            open_end = mark.end
        elif mark.kind == "reference":
            shown = escape_fragment(text[mark.start:mark.end])
            out.append(link(mark, shown) or shown)
            pos = mark.end
    if open_end is not None:
        out.append(escape_fragment(text[pos:open_end]) + "*")
        pos = open_end
    out.append(escape_fragment(text[pos:]))
    return _protect_line_start("".join(out))


def escape_fragment(text: str) -> str:
    """Escape a piece of a line: no line-start rules, they apply to the joined result."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE.sub(r"\\\1", text)
