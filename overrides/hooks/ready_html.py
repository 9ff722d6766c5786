"""MkDocs glue: ready-made HTML goes straight into the page, parsed by no one.

Meeting, topic and Kamerstuk pages quote letters as HTML the generator has
already written and escaped (generator/markdown.py, READY_OPEN ... READY_CLOSE
around each block).  Python-Markdown would still run every page through two
HTML parsers: MkDocs' anchor scan and md_in_html's block extractor, most of
the build's parsing time.  A preprocessor ahead of both moves each marked
block into the HTML stash, the standard home of raw HTML, leaving the same
placeholder paragraph the block extractor would leave; the page comes out
byte for byte as before.  Ids inside a block still count as anchors for
MkDocs' validation.  A block that is not closed, does not start with a
block-level tag or asks md_in_html for Markdown inside (a `markdown`
attribute) is left to the normal path, with a warning.
"""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from generator.markdown import READY_CLOSE, READY_OPEN

log = logging.getLogger("mkdocs.hooks.ready_html")
# md_in_html converts Markdown inside a tag with this attribute: such a block is no ready HTML.
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_MARKDOWN_ATTRIBUTE = re.compile(r"<[^<>]*\smarkdown\b")


class _Ids(HTMLParser):
    """The anchors MkDocs' own scan counts: every id, and the name of an <a>."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" or (k == "name" and tag == "a"):
                self.ids.add(v)


def anchor_ids(html: str) -> set[str]:
    if "id=" not in html and "name=" not in html:
        return set()  # the common case: no parser at all
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser.ids


def _blank(line: str) -> bool:
    return not line.strip(" ")


class StashReady(Preprocessor):
    """Marked blocks into md.htmlStash, exactly as the raw-HTML block extractor stores them."""

    def __init__(self, md) -> None:
        super().__init__(md)
        self.ids: set[str] = set()
        self.placeholders: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        self.ids = set()
        self.placeholders = set()
        if READY_OPEN not in lines:
            return lines
        out: list[str] = []
        pos = 0
        while True:
            try:
                start = lines.index(READY_OPEN, pos)
                end = lines.index(READY_CLOSE, start + 1)
            except ValueError:
                break
            out += lines[pos:start]
            out += self._block(lines, start, end)
            pos = end + 1
        if pos < len(lines) and READY_OPEN in lines[pos:]:
            log.warning("Kant-en-klare HTML zonder %r: als Markdown verwerkt", READY_CLOSE)
        return out + lines[pos:]

    def _block(self, lines: list[str], start: int, end: int) -> list[str]:
        body = lines[start + 1:end]
        first = next((i for i, line in enumerate(body) if not _blank(line)), None)
        if first is None:
            return [""]
        last = max(i for i, line in enumerate(body) if not _blank(line))
        head = body[first]
        tag = _START_TAG.match(head)
        if READY_OPEN in body or not tag or not self.md.is_block_level(tag.group(1).lower()):
            log.warning("Kant-en-klare HTML begint niet met een blokelement (%r): als Markdown verwerkt", head[:60])
            return [""] + body + [""]
        html = "\n".join(body[first:last + 1])
        if "markdown" in html and _MARKDOWN_ATTRIBUTE.search(html):
            log.warning("Kant-en-klare HTML met een markdown-attribuut: als Markdown verwerkt")
            return [""] + body + [""]
        # The extractor keeps one newline when a blank line follows the block's end tag.
        rest = body[last + 1:] + lines[end + 1:end + 3]
        if len(rest) >= 2 and _blank(rest[0]):
            html += "\n"
        self.ids |= anchor_ids(html)
        placeholder = self.md.htmlStash.store(html)
        self.placeholders.add(placeholder)
        return ["", placeholder, ""]


class _AnchorsFromStash(Preprocessor):
    """Adds the stashed blocks' ids to MkDocs' raw-HTML anchor scan, which has just run."""

    def __init__(self, md, stash: StashReady) -> None:
        super().__init__(md)
        self.stash = stash

    def run(self, lines: list[str]) -> list[str]:
        if self.stash.ids and "mkdocs_raw_html" in self.md.preprocessors:
            self.md.preprocessors["mkdocs_raw_html"].present_anchor_ids |= self.stash.ids
        return lines


class _PlaceholderParagraph(BlockProcessor):
    """A stashed block's placeholder becomes the paragraph Markdown would make of it, its text
    atomic: no inline pattern or abbreviation is tried on it (the stash replaces <p>placeholder</p>)."""

    def __init__(self, parser, stash: StashReady) -> None:
        super().__init__(parser)
        self.stash = stash

    def test(self, parent, block: str) -> bool:
        return block in self.stash.placeholders

    def run(self, parent, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = AtomicString(blocks.pop(0))


class ReadyHtml(Extension):
    def extendMarkdown(self, md) -> None:
        stash = StashReady(md)
        # After normalize_whitespace (30), before MkDocs' anchor scan (21) and html_block (20).
        md.preprocessors.register(stash, "ready_html", 25)
        md.preprocessors.register(_AnchorsFromStash(md, stash), "ready_html_anchors", 20.5)
        # Ahead of every block processor (md_in_html's is 105): a placeholder is a block of its own.
        md.parser.blockprocessors.register(_PlaceholderParagraph(md.parser, stash), "ready_html", 110)


def on_config(config):
    """Every page's Markdown gets the extension."""
    config.markdown_extensions.append(ReadyHtml())
    return config
