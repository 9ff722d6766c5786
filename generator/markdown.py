"""Letter text to safe Markdown: escaping, and inserting marks by their spans.

Letter text is data, never markup.  Everything Python-Markdown (with the
extensions in mkdocs.yml) would interpret is escaped; links, footnote markers
and emphasis are inserted from marks in one pass over sorted spans, never by
search-and-replace on the text.
"""
from __future__ import annotations

import html
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


# --- the same text as ready HTML, for quotes --------------------------------------------
#
# Meeting and topic pages quote paragraphs that their letter pages already show.
# Handing those quotes to Python-Markdown again would convert every passage once
# more per quoting page, the largest cost of the build; they are written as HTML
# here instead, exactly as the letter's Markdown renders (tests/test_quotes.py
# compares the two), and MkDocs passes the block through untouched.  Every
# byte of letter text is escaped: only the tags written below are markup.

# A block of ready HTML stands between these two lines in a generated page.
# MkDocs takes it as it is (overrides/hooks/ready_html.py) instead of feeding it
# through two HTML parsers; another Markdown builder sees two HTML comments.
# Only the templates write them: letter text inside a block is escaped, so a
# letter can never close a block early.
READY_OPEN = "<!-- ready-html -->"
READY_CLOSE = "<!-- /ready-html -->"

# Python-Markdown turns these into placeholders (escaped characters, entities)
# before the abbr extension looks for terms: there they end a word, and a term
# containing one never matches.  Masking them keeps its word boundaries.
_MASKED = re.compile(r"[\\`*_{}\[\]|!&<>^]")


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)


def _html_attr(text: str) -> str:
    return _html_text(text).replace('"', "&quot;")


class Abbreviations:
    """What the abbr extension does with its `glossary`, for text written as HTML.

    Terms are tried longest first and only as whole words, as abbr does; an
    empty explanation gives no tooltip.  Pass the same mapping as the JSON the
    extension reads (sorted by term).
    """

    def __init__(self, glossary: dict[str, str]):
        self.titles = dict(glossary)
        terms = sorted(self.titles, key=len, reverse=True)
        # r"\b(?:TERM|...)\b", with each term's left boundary checked from its end: a pattern that
        # starts with its terms is searched for by their first letters, one that starts with \b is
        # tried at every position of the text (twice as slow).
        self.pattern = re.compile("(?:" + "|".join(f"{t}(?<=\\b{t})" for t in map(re.escape, terms)) + r")\b") \
            if terms else None
        # html() of each text, made once: pages repeat their labels and the paragraphs they quote.
        self._done: dict[str, str] = {}

    def __getstate__(self) -> dict:
        # The memo is no part of the value: a page's record digests this object by its pickle.
        return {k: v for k, v in self.__dict__.items() if k != "_done"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _done={})

    def html(self, text: str) -> str:
        """`text` escaped for HTML, its glossary terms in <abbr title="…">."""
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._html(text)
        return done

    def _html(self, text: str) -> str:
        if self.pattern is None:
            return _html_text(text)
        out, pos = [], 0
        for m in self.pattern.finditer(_MASKED.sub("\0", text)):
            title = self.titles[m.group(0)]
            if title:
                out += [_html_text(text[pos:m.start()]), f'<abbr title="{_html_attr(title)}">',
                        _html_text(m.group(0)), "</abbr>"]
                pos = m.end()
        out.append(_html_text(text[pos:]))
        return "".join(out)


def _clean_lines(text: str) -> str:
    """What Markdown does with a paragraph's line breaks: blanks around them go."""
    return re.sub(r"[ \t]*\n[ \t\n]*", "\n", text) if "\n" in text else text


def html_text(text: str, abbreviations: Abbreviations) -> str:
    """Plain text as HTML, as Markdown renders its escaped form: tooltips added, blanks around line breaks gone."""
    return abbreviations.html(_clean_lines(text))


def html_inline(text: str, marks: tuple[Mark, ...], link: Callable[[Mark], tuple[str, str | None] | None],
                abbreviations: Abbreviations) -> str:
    """`text` with its emphasis and references as HTML, as render_inline's Markdown renders
    without footnote markers.

    `link(mark)` returns ("a", href) for a link, ("unresolved", reason) for a
    reference that names nothing, or None to leave the text as it is.  The
    marks are taken and skipped exactly as render_inline takes them.
    """
    # Runs of plain text stay whole until the end: abbr sees one text node between two elements.
    parts: list[str | tuple[str]] = []  # str: plain text; tuple: ready HTML

    def plain(s: str) -> None:
        if s:
            parts.append(s)

    pos = 0
    ordered = sorted((_trim(m, text) for m in marks if m.kind != "emphasis" or text[m.start:m.end].strip()),
                     key=lambda m: (m.start, -m.end, m.kind != "emphasis"))
    open_end = None
    for mark in ordered:
        if mark.start < pos:
            continue
        if open_end is not None and mark.start >= open_end:
            plain(text[pos:open_end])
            parts.append(("</em>",))
            pos, open_end = open_end, None
        if open_end is not None and mark.end > open_end:
            continue
        plain(text[pos:mark.start])
        pos = mark.start
        if mark.kind == "emphasis" and open_end is None and mark.end > mark.start:
            parts.append(("<em>",))
            open_end = mark.end
        elif mark.kind == "reference":
            shown = _clean_lines(text[mark.start:mark.end])
            target = link(mark)
            if target is None:
                plain(shown)
            elif target[0] == "a":
                parts.append((f'<a href="{_html_attr(target[1] or "")}">{abbreviations.html(shown)}</a>',))
            else:
                parts.append((f'<span class="ref-onopgelost" title="Niet gevonden: {_html_attr(target[1] or "")}">'
                              f"{abbreviations.html(shown)}</span>",))
            pos = mark.end
    if open_end is not None:
        plain(text[pos:open_end])
        parts.append(("</em>",))
        pos = open_end
    plain(text[pos:])
    out: list[str] = []
    run: list[str] = []
    for part in parts + [("",)]:
        if isinstance(part, str):
            run.append(part)
            continue
        if run:
            out.append(abbreviations.html(_clean_lines("".join(run))))
            run = []
        out.append(part[0])
    return "".join(out).strip(" \t\n")
