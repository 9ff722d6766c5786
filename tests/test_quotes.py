"""Quoted passages are ready HTML (issue 16): the same as the letter's own rendering, and inert.

Meeting and topic pages quote paragraphs that their letter pages show already;
the generator writes those quotes as HTML (generator/markdown.py html_inline)
so that Python-Markdown does not convert them again.  What the reader sees
must not change: a quote is what the letter's Markdown renders to, tooltips
and links included, and no byte of letter text becomes markup.
"""
from __future__ import annotations

import html as html_lib
import posixpath
import re
from html.parser import HTMLParser

import markdown
import pytest

from generator.markdown import Abbreviations, html_inline, render_inline
from generator.model import Mark

GLOSSARY = {"DMM": "Defence Ministers Meeting", "EU": "Europese Unie", "NAVO-top": "Top van de NAVO",
            "IAMD": 'Integrated Air & Missile Defence <"x">', "LEEG": ""}


class Tokens(HTMLParser):
    """An HTML fragment as (kind, tag or text, attributes): comparable whatever its whitespace."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.tokens.append(("text", text, ()))
        self._text = []

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.tokens.append(("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_endtag(self, tag):
        self._flush()
        self.tokens.append(("end", tag, ()))

    def handle_data(self, data):
        self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def tokens(html: str) -> list[tuple]:
    parser = Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def as_markdown(text: str, marks: tuple[Mark, ...], targets: dict[str, str]) -> str:
    """What the letter page makes of the same text (without footnote markers): the yardstick."""
    def link(mark: Mark, shown: str) -> str | None:
        kind, _, key = mark.value.partition(":")
        if kind == "unresolved":
            return f'<span class="ref-onopgelost" title="Niet gevonden: {key}">{shown}</span>'
        return f"[{shown}]({targets[mark.value]})" if mark.value in targets else None

    source = render_inline(text, marks, link, lambda label: None)
    out = markdown.markdown(source, extensions=["abbr", "attr_list", "md_in_html"],
                            extension_configs={"abbr": {"glossary": GLOSSARY}})
    return out.removeprefix("<p>").removesuffix("</p>")


def as_html(text: str, marks: tuple[Mark, ...], targets: dict[str, str]) -> str:
    def link(mark: Mark):
        kind, _, key = mark.value.partition(":")
        if kind == "unresolved":
            return "unresolved", key
        return ("a", targets[mark.value]) if mark.value in targets else None

    return html_inline(text, marks, link, Abbreviations(GLOSSARY))


TARGETS = {"kamerstuk:1": "../../kamerstukken/1/", "kamerstuk:2": "../../brieven/x/#p3"}
CASES = [
    ("De DMM besprak de EU en de NAVO-top.", ()),
    ("DMM_EU, DMMs, xDMM, EU-landen, (EU) en EU.", ()),  # whole words only; "_" ends a word in Markdown
    ("De IAMD en LEEG: een lege uitleg geeft geen tooltip.", ()),
    ("Zie Kamerstuk 28 676, nr. 440 (DMM) en nog iets.",
     (Mark(4, 29, "reference", "kamerstuk:1"), Mark(30, 30, "footnote", "1"), Mark(35, 39, "emphasis"))),
    ("Een onbekend stuk over de EU hier.", (Mark(3, 18, "reference", "unresolved:Kamerstuk 9_9 <b>"),)),
    ("Een stuk zonder pagina, en de DMM.", (Mark(4, 9, "reference", "kamerstuk:onbekend"),)),
    ("Nadruk *met* sterretjes_en_streepjes en [haken](x) en \\ en ^1.", (Mark(0, 6, "emphasis"),)),
    ("<script>alert(1)</script> & <b>vet</b> &amp; &lt; [klik](javascript:alert(1)) <img src=x onerror=alert(1)>", ()),
    ("regel een   \n   # geen kop\n- geen lijst\n!!! note\n> geen citaat\n{: #id }", ()),
    ("Voetnoot midden in DM[1]M telt niet als grens.", (Mark(21, 21, "footnote", "1"),)),
    ("Crossing marks: abcdefghijkl", (Mark(16, 22, "emphasis"), Mark(19, 26, "reference", "kamerstuk:2"))),
    ("Link in nadruk: de EU steunt het.", (Mark(16, 33, "emphasis"), Mark(19, 21, "reference", "kamerstuk:2"))),
]


@pytest.mark.parametrize("text,marks", CASES)
def test_quote_html_is_what_the_letters_markdown_renders(text, marks):
    assert tokens(as_html(text, marks, TARGETS)) == tokens(as_markdown(text, marks, TARGETS))


def test_glossary_terms_get_their_tooltip_escaped():
    out = as_html("De IAMD en de DMM.", (), {})
    assert out == ('De <abbr title="Integrated Air &amp; Missile Defence &lt;&quot;x&quot;&gt;">IAMD</abbr> en de '
                   '<abbr title="Defence Ministers Meeting">DMM</abbr>.')


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<b>vet</b>", "<img src=x onerror=alert(1)>", "&lt;script&gt;",
    "\"><script>alert(1)</script>", "</blockquote><script>x</script>", "<!-- x -->",
])
def test_hostile_text_in_a_quote_stays_text(text):
    marks = (Mark(0, len(text), "reference", "unresolved:" + text), Mark(0, len(text), "emphasis"))
    for m in ((), marks[:1], marks[1:]):
        out = as_html(text, m, TARGETS)
        # The only tags are the ones the renderer writes; the reader sees the text itself.
        assert {t[1] for t in tokens(out) if t[0] == "start"} <= {"em", "span"}, out
        assert "".join(t[1] for t in tokens(out) if t[0] == "text") == " ".join(text.split())
        assert "<script" not in out and "<b>" not in out and "<img" not in out and "<!--" not in out


# --- the built seeds site: every quote is its letter's paragraph ---------------------------

def element(tokens_: list[tuple], start: int) -> list[tuple]:
    """The tokens inside the element that opens at `start`."""
    depth, tag = 0, tokens_[start][1]
    for i in range(start, len(tokens_)):
        kind, name, _ = tokens_[i]
        if name == tag and kind == "start":
            depth += 1
        elif name == tag and kind == "end":
            depth -= 1
            if depth == 0:
                return tokens_[start + 1:i]
    return tokens_[start + 1:]


def resolved(toks: list[tuple], page_url: str) -> list[tuple]:
    """Links made absolute (the letter page and the meeting page sit in different folders)."""
    out = []
    for kind, name, attrs in toks:
        fixed = []
        for k, v in attrs:
            if k == "href" and not v.startswith(("#", "http")):
                path, _, frag = v.partition("#")
                v = posixpath.normpath(posixpath.join(page_url, path)) + (f"#{frag}" if frag else "")
            fixed.append((k, v))
        out.append((kind, name, tuple(fixed)))
    return out


FOOTNOTE_MARK = re.compile(r'<sup id="fnref[^"]*"><a class="footnote-ref" [^>]*>[^<]*</a></sup>')


def test_every_quote_on_a_meeting_page_is_its_letters_paragraph(built):
    site = built / "site"
    letters: dict[str, list[tuple]] = {}
    checked = 0
    for page in sorted((site / "vergaderingen").glob("*/index.html")):
        url = "/" + page.parent.relative_to(site).as_posix() + "/"
        toks = tokens(page.read_text(encoding="utf-8"))
        quotes = [element(toks, i) for i, t in enumerate(toks) if t[:2] == ("start", "blockquote")]
        # Each quoted paragraph (a <p>, or a list item without one) ends with <small>, its link into the letter.
        units = [element(q, i) for q in quotes for i, t in enumerate(q) if t[0] == "start" and t[1] in ("p", "li")]
        for inner in units:
            if any(t[:2] == ("start", "p") for t in inner):
                continue
            small = next(j for j, t in enumerate(inner) if t[:2] == ("start", "small"))
            href = dict(inner[small + 2][2])["href"]
            target, _, anchor = posixpath.normpath(posixpath.join(url, href)).partition("#")
            if target not in letters:
                # Quotes leave the letter's footnote markers out.
                letters[target] = tokens(FOOTNOTE_MARK.sub("", (site / target.strip("/") / "index.html").read_text(encoding="utf-8")))
            lt = letters[target]
            at = next(j for j, t in enumerate(lt) if t[0] == "start" and ("id", anchor) in t[2])
            own = resolved(element(lt, at), target + "/")
            if own and own[0][:2] == ("start", "p"):  # a list item's paragraph
                own = element(own, 0)
            quote = resolved(inner[:small], url)
            assert quote == own, f"{page.relative_to(site)}: quote of {target}#{anchor}"
            checked += 1
    assert checked > 20


def test_quotes_are_raw_html_in_the_markdown(seed_pages):
    """The meeting page's Markdown carries its quotes as HTML blocks, never as "> " Markdown."""
    meetings = {p: c for p, c in seed_pages.items() if p.startswith("vergaderingen/") and "/jaar/" not in p}
    assert meetings
    for path, content in meetings.items():
        assert not re.search(r"^> ", content, re.M), path
    assert sum("<blockquote>" in c for c in meetings.values()) >= 3


def test_urls_in_ready_html_are_the_built_pages_relative_to_the_page(seed_corpus):
    from generator.render import PageRenderer, Site

    site = Site(seed_corpus)
    assert PageRenderer(site, "vergaderingen/2025-10-15-dmm.md").url("brieven/x.md#p3") == "../../brieven/x/#p3"
    assert PageRenderer(site, "index.md").url("kamerstukken/36045-1.md") == "kamerstukken/36045-1/"
    assert PageRenderer(site, "onderwerpen/oekraine/2019.md").url("brieven/a b.md") == "../../../brieven/a%20b/"


def test_citing_sentences_and_other_topics_links_are_ready_html_and_inert(seed_corpus):
    """A Kamerstuk page's citing sentence and a meeting page's "Ook over" line: escaped, with tooltips."""
    from dataclasses import replace

    from generator.render import render

    hostile = '<script>alert(1)</script> "DMM" & <b>vet</b>'
    doc = next(d for d in seed_corpus.documents if d.mentions and d.kind == "kamerstuk")
    m = doc.mentions[0]
    hostile_doc = replace(doc, mentions=(replace(m, context=replace(m.context, sentence=hostile + "\n\n  tweede regel")),))
    corpus = replace(seed_corpus, documents=tuple(hostile_doc if d is doc else d for d in seed_corpus.documents))
    pages = {p.path: p.content for p in render(corpus, []) if isinstance(p.content, str)}
    page = pages[f"kamerstukken/{doc.key}.md"]
    glossary = dict(Abbreviations(corpus_glossary(corpus)).titles)
    dmm = f'<abbr title="{glossary["DMM"]}">DMM</abbr>' if "DMM" in glossary else "DMM"
    assert (f'<blockquote>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; "{dmm}" &amp; &lt;b&gt;vet&lt;/b&gt;\n'
            f'tweede regel</p>\n</blockquote>') in page
    assert "<script>" not in page and "<b>" not in page
    # The "Ook over" line names other topics with links and tooltips, as the Markdown did.
    ook = [c for p, c in pages.items() if p.startswith("vergaderingen/") and 'class="ook-hier"' in c]
    assert ook and all(re.search(r'<p class="ook-hier">Ook over [^\n]+:\n<a href="\.\./\.\./brieven/[^"]+/#p\d+">', c)
                       for c in ook)


def corpus_glossary(corpus) -> dict[str, str]:
    from generator.render import Site

    return Site(corpus).glossary


# --- links in ready HTML: MkDocs no longer checks them, so every one is checked here ------

@pytest.fixture(scope="module")
def scale_pages(tmp_path_factory):
    """Forty letters over more than a year: topic pages with year pages."""
    from bench.corpus import make_corpus
    from generator.pipeline import build_corpus
    from generator.render import render

    result = build_corpus(make_corpus(40, tmp_path_factory.mktemp("quotes") / "seeds"))
    return result.corpus, {p.path: p.content for p in render(result.corpus, []) if isinstance(p.content, str)}


def test_every_link_in_ready_html_leads_to_a_page_and_its_anchor(scale_pages):
    from generator.render import page_url

    corpus, pages = scale_pages
    by_url = {page_url(path): path for path in pages if path.endswith(".md")}
    anchors = {}
    for letter in corpus.letters:
        for doc in (letter, *letter.attachments):
            anchors[f"brieven/{doc.slug}.md"] = {s.anchor for s in doc.sections} | {
                f"p{b.line}" for s in doc.sections for b in s.blocks}
    checked = 0
    for path, content in pages.items():
        if not path.endswith(".md"):
            continue
        here = page_url(path)
        for href in re.findall(r'<a href="([^"#][^"]*)"', content):
            target, _, anchor = href.partition("#")
            url = posixpath.normpath(posixpath.join("/" + here, target)).lstrip("/") + "/"
            assert url in by_url, f"{path}: {href} leads to no page"
            if anchor:
                assert anchor in anchors.get(by_url[url], ()), f"{path}: {href} has no such anchor"
            checked += 1
    assert checked > 200


def test_year_page_lines_name_the_meeting_and_each_passage(scale_pages):
    from generator.render import topic_year_path

    corpus, pages = scale_pages
    topic = max(corpus.topics, key=lambda t: len(t.meetings))
    years = [p for p in pages if p.startswith(topic_year_path(topic.slug, 0).rsplit("/", 1)[0] + "/")]
    assert years
    for path in years:
        for line in re.findall(r"^<li>(.*)</li>$", pages[path], re.M):
            text = html_lib.unescape(re.sub(r"<[^>]+>", "", line))
            date_, _, rest = text.partition(", ")
            assert re.fullmatch(r"\d{1,2} \w+ \d{4}", date_), line
            title, _, labels = rest.partition(": ")
            assert title and labels and "<" not in labels, line


@pytest.mark.parametrize("kinds", [("paragraph",), ("item",), ("item", "item"), ("paragraph", "item", "item", "paragraph"),
                                   ("subject", "item", "paragraph"), ("item", "paragraph", "item")])
def test_quotes_in_a_row_are_one_block_quote_as_markdown_joins_them(seed_corpus, kinds):
    """Paragraphs, list items and subject lines quoted one after another, against the Markdown quote() gives."""
    from dataclasses import replace
    from types import SimpleNamespace

    from generator.render import PageRenderer, Site

    letter = max(seed_corpus.letters, key=lambda l: sum(len(s.blocks) for s in l.sections))
    section = max(letter.sections, key=lambda s: len(s.blocks))
    blocks = list(section.blocks)
    assert len(blocks) >= len(kinds)
    for i, kind in enumerate(kinds):
        blocks[i] = replace(blocks[i], kind=kind)
    changed = replace(letter, sections=tuple(replace(s, blocks=tuple(blocks)) if s is section else s
                                             for s in letter.sections))
    corpus = replace(seed_corpus, letters=tuple(changed if l is letter else l for l in seed_corpus.letters))
    site = Site(corpus)
    r = PageRenderer(site, "vergaderingen/x.md")
    passages = [SimpleNamespace(letter=letter.slug, paragraph=f"p{b.line}") for b in blocks[:len(kinds)]]
    ours = r.quotes_html(passages, lambda p: "<small>bron</small>")
    source = "\n\n".join(r.quote(letter.slug, section.anchor, paragraph=p.paragraph) + " <small>bron</small>"
                         for p in passages)
    # Markdown's links are to .md files, which MkDocs rewrites; compare them as built URLs.
    theirs = markdown.markdown(source, extensions=["abbr", "attr_list", "md_in_html"],
                               extension_configs={"abbr": {"glossary": site.glossary}})
    theirs = re.sub(r'href="((?:\.\./)+)([^"#]+)\.md(#[^"]*)?"', lambda m: f'href="../{m[1]}{m[2]}/{m[3] or ""}"', theirs)
    assert tokens(ours) == tokens(theirs)


def test_hostile_paragraph_is_inert_in_a_rendered_meeting_quote(seed_corpus):
    from dataclasses import replace
    from types import SimpleNamespace

    from generator.render import PageRenderer, Site

    hostile = '</blockquote><script>alert(1)</script><img src=x onerror=alert(1)> "DMM" &amp; <!--'
    letter = seed_corpus.letters[0]
    section = next(s for s in letter.sections if s.blocks)
    block = replace(section.blocks[0], text=hostile, marks=())
    changed = replace(letter, sections=tuple(replace(s, blocks=(block, *s.blocks[1:])) if s is section else s
                                             for s in letter.sections))
    corpus = replace(seed_corpus, letters=(changed, *seed_corpus.letters[1:]))
    r = PageRenderer(Site(corpus), "vergaderingen/x.md")
    href = r.url('brieven/x.md#a"><script>')  # an anchor stays inside its attribute
    out = r.quotes_html([SimpleNamespace(letter=letter.slug, paragraph=f"p{block.line}")],
                        lambda p: f'<small><a href="{href}">bron</a></small>')
    assert "<script" not in out and "<img" not in out and "<!--" not in out and out.count("</blockquote>") == 1
    assert {t[1] for t in tokens(out) if t[0] == "start"} <= {"blockquote", "p", "small", "a", "abbr"}
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", out)).strip().startswith(hostile)
