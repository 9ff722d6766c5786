"""Ready-made HTML between the generator's markers reaches the page unparsed (overrides/hooks/ready_html.py).

The stash must give the same bytes as Python-Markdown's own raw-HTML path,
keep every byte of the block as written (escaped letter text stays escaped),
leave unmarked HTML to the normal path, and keep MkDocs' anchor validation
right for ids inside a block.
"""
from __future__ import annotations

import logging
import sys
import textwrap
from pathlib import Path

import markdown
import pytest

from generator.markdown import READY_CLOSE, READY_OPEN
from sitebuild import ROOT, built_as_is_and_with, run

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import ready_html  # noqa: E402

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "footnotes", "tables", "toc"]


def marked(*blocks: str) -> str:
    return "\n".join(f"{READY_OPEN}\n{b}\n{READY_CLOSE}" for b in blocks)


def convert(text: str, ready: bool) -> str:
    extensions = ([ready_html.ReadyHtml()] if ready else []) + EXTENSIONS
    return markdown.Markdown(extensions=extensions).convert(text)


def without_markers(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line not in (READY_OPEN, READY_CLOSE))


# Made-up pages in the shapes the templates write (meeting, topic, Kamerstuk pages).
COLUMNS = '''<div class="naast-elkaar">
<div class="kolom">
<p class="kolomkop">Geannoteerde agenda · 3 maart 2031</p>

<blockquote>
<p>De <abbr title="Noord-Atlantische Raad">NAR</abbr> sprak over *drones* en [links](x.md).</p>
</blockquote>

</div>
<div class="kolom">
<p><em>Niet besproken in deze brief.</em></p>

</div>
</div>'''
QUOTE = '<blockquote>\n<p>Een zin met &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; 5 &gt; 3.</p>\n</blockquote>'
PAGES = {
    "columns between headings": f"# Vergadering\n\n### Oekraïne {{#oekraine}}\n\n{marked(COLUMNS)}\n\n### Rusland\n\nTekst.\n",
    "one column: two blocks": f"### A\n\n{READY_OPEN}\n{QUOTE}\n\n<p class=\"ook-hier\">Ook over A:\n<a href=\"#b\">B</a>.\n</p>\n\n{READY_CLOSE}\n\n### B\n",
    "quote then a link line": f"## Passage\n\n{marked(QUOTE)}\n\n[Lees dit in de brief](brief.md#p3)\n",
    "quote then text, no blank line": f"Tekst.\n{marked(QUOTE)}\nMeer tekst direct erna.\n",
    "block at the end of the page": f"# Titel\n\n{marked('<ul>' + chr(10) + '<li>2031</li>' + chr(10) + '</ul>')}",
    "several blocks in a row": f"# K\n\n{marked(QUOTE)}\n\n[Brief](b.md)\n\n{marked(QUOTE)}\n\n[Brief](c.md)\n",
    "an empty block": f"# Leeg\n\n{READY_OPEN}\n\n{READY_CLOSE}\n\nTekst.\n",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_stashed_blocks_render_exactly_as_the_raw_html_path(name):
    text = PAGES[name]
    assert convert(text, ready=True) == convert(without_markers(text), ready=False)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_marked_block_reaches_the_html_parsers(name):
    md = markdown.Markdown(extensions=[ready_html.ReadyHtml()] + EXTENSIONS)
    lines = md.preprocessors["normalize_whitespace"].run(PAGES[name].split("\n"))
    after = md.preprocessors["ready_html"].run(lines)
    left = "\n".join(after)
    assert READY_OPEN not in left and READY_CLOSE not in left
    assert "<blockquote>" not in left and "<div" not in left and "<ul>" not in left
    # What stays is Markdown: headings, text and links are untouched.
    for line in lines:
        if line and not line.startswith("<") and "</" not in line and line not in (READY_OPEN, READY_CLOSE):
            assert line in after


def test_unmarked_html_takes_the_normal_path():
    text = f'# Pagina\n\n<div class="eigen" id="buiten">\n<p>Los</p>\n</div>\n\n{marked(QUOTE)}\n'
    md = markdown.Markdown(extensions=[ready_html.ReadyHtml()] + EXTENSIONS)
    after = md.preprocessors["ready_html"].run(text.split("\n"))
    assert '<div class="eigen" id="buiten">' in after and "<p>Los</p>" in after
    assert md.htmlStash.html_counter == 1  # the marked block only
    assert convert(text, ready=True) == convert(without_markers(text), ready=False)


def test_nothing_of_a_block_is_lost_or_made_live():
    # Escaped letter text, Markdown syntax and a would-be end marker inside a block:
    # the page shows the block's bytes exactly, nothing unescaped, nothing converted.
    block = ("<blockquote>\n<p>&lt;!-- /ready-html --&gt; &lt;img src=x onerror=alert(1)&gt; *geen nadruk* "
             "[geen link](x.md) &amp;lt; NAR_1 &#94; {: #id } \\* einde</p>\n</blockquote>")
    html = convert(f"# T\n\n{marked(block)}\n\nNa het blok.\n", ready=True)
    assert block in html
    assert "<img" not in html and "<em>" not in html and 'href="x.md"' not in html
    assert html.count("<blockquote>") == 1 and "<p>Na het blok.</p>" in html


def test_a_letter_cannot_close_a_block_early():
    # Letter text is HTML-escaped in a block, so the end marker cannot stand on a line of its own.
    from generator.markdown import html_text, Abbreviations

    text = html_text(f"{READY_CLOSE}\n<script>x</script>", Abbreviations({}))
    assert READY_CLOSE not in text.split("\n") and "<script>" not in text


def test_unclosed_or_non_html_block_is_left_to_markdown_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.ready_html"):
        unclosed = f"# T\n\n{READY_OPEN}\n{QUOTE}\n\nTekst.\n"
        assert convert(unclosed, ready=True) == convert(unclosed, ready=False)
        not_html = f"# T\n\n{READY_OPEN}\n*nadruk* en tekst\n{READY_CLOSE}\n"
        assert "<em>nadruk</em>" in convert(not_html, ready=True)
        markdown_inside = f'# T\n\n{READY_OPEN}\n<div class="x" markdown>\n*nadruk*\n</div>\n{READY_CLOSE}\n'
        converted = convert(markdown_inside, ready=True)
        assert converted == convert(without_markers(markdown_inside), ready=False) and "<em>nadruk</em>" in converted
        for odd in ("<>", "< div>", "<span>inline</span>"):
            text = f"# T\n\n{READY_OPEN}\n{odd}\n{READY_CLOSE}\n"
            assert convert(text, ready=True) == convert(without_markers(text), ready=False)
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 6
    # The word in letter text is no attribute: the block is stashed.
    assert convert(marked("<p>Over markdown en meer.</p>"), ready=True) == "<p>Over markdown en meer.</p>"


def test_anchor_ids_of_a_block():
    assert ready_html.anchor_ids('<p id="a">x</p><a name="b">y</a><span name="c">id=</span>') == {"a", "b"}
    assert ready_html.anchor_ids(QUOTE) == set()
    # Text that looks like an attribute is no anchor.
    assert ready_html.anchor_ids("<p>id=&quot;nep&quot; name=x</p>") == set()


# --- with MkDocs: anchor validation ---------------------------------------------------

WITH_ID = '<div class="kolom">\n<p id="binnen">Alinea</p>\n</div>'


def _anchor_project(root: Path, link: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(f"# Vergadering\n\n{marked(WITH_ID)}\n\n## Kop {{#kop}}\n\nTekst.\n",
                                            encoding="utf-8")
    (root / "docs" / "b.md").write_text(f"# B\n\n[naar de alinea]({link})\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Proef
        theme: mkdocs
        markdown_extensions: [md_in_html, attr_list]
        hooks: [{ROOT / 'overrides' / 'hooks' / 'ready_html.py'}]
        validation: {{anchors: warn}}
        """), encoding="utf-8")
    return root


def test_mkdocs_counts_ids_inside_blocks_and_still_fails_on_a_missing_anchor(tmp_path):
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"]
    ok = run(build, _anchor_project(tmp_path / "ok", "index.md#binnen"))
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert '<p id="binnen">Alinea</p>' in (tmp_path / "ok" / "site" / "index.html").read_text(encoding="utf-8")
    heading = run(build, _anchor_project(tmp_path / "kop", "index.md#kop"))
    assert heading.returncode == 0, heading.stderr[-2000:]
    missing = run(build, _anchor_project(tmp_path / "missing", "index.md#nergens"))
    assert missing.returncode != 0
    assert "nergens" in missing.stderr


# --- the seeds' site: the same bytes as without the stash -------------------------------

# The hook replaced by one that only drops the markers: every block then takes
# Python-Markdown's raw-HTML path, as before the markers existed.
MARKERS_DROPPED = f'''
def on_page_markdown(markdown, page, config, files):
    return "\\n".join(l for l in markdown.split("\\n") if l not in ({READY_OPEN!r}, {READY_CLOSE!r}))
'''


def test_seeds_site_is_byte_identical_to_the_raw_html_path(tmp_path):
    from conftest import SEEDS

    stash, raw = built_as_is_and_with(tmp_path, SEEDS, "ready_html.py", MARKERS_DROPPED)
    docs = tmp_path / "as-is" / "project" / "docs"
    marked_pages = [p for p in docs.rglob("*.md") if READY_OPEN in p.read_text(encoding="utf-8")]
    kinds = {p.relative_to(docs).parts[0] for p in marked_pages}
    assert {"vergaderingen", "onderwerpen", "kamerstukken"} <= kinds
    pages = sorted(p.relative_to(stash) for p in stash.rglob("*.html"))
    assert len(pages) > 50
    for rel in pages:
        html = (stash / rel).read_bytes()
        assert b"ready-html" not in html, rel
        assert html == (raw / rel).read_bytes(), rel


def test_placeholder_paragraphs_are_not_run_through_inline_patterns():
    from markdown.treeprocessors import Treeprocessor
    from markdown.util import AtomicString

    seen = []

    class Spy(Treeprocessor):
        def run(self, root):
            seen.extend(isinstance(p.text, AtomicString) for p in root.iter("p")
                        if p.text in self.md.preprocessors["ready_html"].placeholders)

    md = markdown.Markdown(extensions=[ready_html.ReadyHtml()] + EXTENSIONS)
    md.treeprocessors.register(Spy(md), "spy", 21)  # just before the inline processor (20)
    md.convert(PAGES["several blocks in a row"])
    assert seen == [True, True]
