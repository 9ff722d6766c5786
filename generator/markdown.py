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

# Characters Python-Markdown (plus the tables extension) takes a backslash escape for;
# "!" too, or a "!" before an inserted link would make it an image.
_INLINE = re.compile(r"([\\`*_{}\[\]|!])")
# At the start of any line these open a block: a heading, list, quote, rule or
# table row (core), an admonition "!!!" or a collapsible "???" (admonition,
# pymdownx.details), a tab "===" or a setext underline "===" / "---".  Leading
# blanks would make an indented code block or continue an admonition's body.
_LINE_START = re.compile(r"^[ \t]*([#+=|?!-]|\d+[.)])?", re.MULTILINE)
# Python-Markdown takes a backslash escape for these; "=" and "?" it does not
# (the backslash would show), so they become character references.
_AS_ENTITY = {"=": "&#61;", "?": "&#63;"}
# Two blanks at a line end make a hard break (<br>): trailing blanks go too.
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


def _protect_line_start(text: str) -> str:
    def protect(m: re.Match) -> str:
        if not m.group(1):
            return ""  # leading blanks go (HTML shows none); a following character stays
        return "".join(_AS_ENTITY.get(c) or ("\\" + c if c in "#+|!-.)" else c) for c in m.group(1))

    return _LINE_START.sub(protect, _TRAILING.sub("", text))


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
    ordered = sorted((_trim(m, text) for m in marks if m.kind != "emphasis" or text[m.start:m.end].strip()), key=lambda m: (m.start, -m.end, m.kind != "emphasis"))
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


def _trim(mark: Mark, text: str) -> Mark:
    """Emphasis without blanks at its edges: "* x*" is no emphasis, and "* " opens a list."""
    if mark.kind != "emphasis":
        return mark
    inner = text[mark.start:mark.end]
    start = mark.start + len(inner) - len(inner.lstrip())
    return Mark(start, start + len(inner.strip()), mark.kind, mark.value)


def escape_fragment(text: str) -> str:
    """Escape a piece of a line: no line-start rules, they apply to the joined result.

    "^" takes no backslash escape, yet after an inserted link's "[" it would
    open a footnote ("[^x]: ..."): it becomes a character reference.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("^", "&#94;")
    return _INLINE.sub(r"\\\1", text)
