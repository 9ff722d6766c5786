"""Letter text can never become markup: escaping and span-based insertion."""
from __future__ import annotations

import html as html_lib

import markdown
import pytest

from generator.markdown import escape, relative, render_inline
from generator.model import Mark

EXTENSIONS = ["abbr", "attr_list", "footnotes", "tables", "md_in_html", "admonition", "pymdownx.details",
              "pymdownx.tabbed"]


def html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=EXTENSIONS)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "[klik](javascript:alert(1))",
    "# geen kop",
    "| a | b |",
    "* geen lijst",
    "1. geen genummerde lijst",
    "- geen lijst",
    "> geen citaat",
    "*[DMM]: geen afkorting",
    "[^1]: geen voetnoot",
    "tekst {: #id .klasse }",
    "`code` en __vet__ en <b>vet</b> &amp; &lt;",
    "--8<-- \"geheim.txt\"",
])
def test_escaped_text_renders_as_itself(text):
    out = html(escape(text))
    assert out.startswith("<p>") and out.endswith("</p>"), out
    assert "<script" not in out and "<a " not in out and "<b>" not in out and "<em>" not in out and "<code>" not in out
    # What the reader sees is the text itself.
    visible = html_lib.unescape(out[3:-4])
    assert visible == text


def test_marks_are_inserted_by_span():
    text = "Zie Kamerstuk 28 676, nr. 440 en nog iets."
    marks = (Mark(4, 29, "reference", "kamerstuk:28676-440"), Mark(32, 32, "footnote", "1"),
             Mark(33, 36, "emphasis"))
    out = render_inline(text, marks, lambda m, shown: f"[{shown}](../kamerstukken/28676-440.md)")
    assert out == "Zie [Kamerstuk 28 676, nr. 440](../kamerstukken/28676-440.md) en[^1] *nog* iets."


def test_crossing_marks_are_skipped():
    marks = (Mark(0, 6, "emphasis"), Mark(3, 10, "reference", "k:1"))
    out = render_inline("abcdefghijkl", marks, lambda m, shown: f"[{shown}](x.md)")
    assert out == "*abcdef*ghijkl"


def test_relative_links():
    assert relative("brieven/a.md", "kamerstukken/1.md") == "../kamerstukken/1.md"
    assert relative("brieven/a/nota-1.md", "brieven/a.md#p3") == "../a.md#p3"
    assert relative("index.md", "onderwerpen/oekraine.md") == "onderwerpen/oekraine.md"


# --- block syntax of every enabled extension is inert at any line start ------------------

def site_markdown(md_text: str) -> str:
    """Markdown as the site renders it: the extensions mkdocs.yml enables, plus tabs."""
    import yaml

    from sitebuild import ROOT

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for ext in config["markdown_extensions"] + ["pymdownx.tabbed"]:
        name, options = next(iter(ext.items())) if isinstance(ext, dict) else (ext, {})
        names.append(name)
        configs[name] = options
    configs["pymdownx.snippets"] = {"base_path": [str(ROOT)], "check_paths": False}
    return markdown.markdown(md_text, extensions=names, extension_configs=configs)


BLOCK_SYNTAX = [
    "!!! note",                       # admonition
    "!!! danger \"Titel\"",
    "??? warning",                    # pymdownx.details
    "???+ note \"open\"",
    "=== \"Tab\"",                    # pymdownx.tabbed
    "= een regel met een is-teken",   # (used to show a stray backslash)
    "{: .klasse #id }",               # attr_list
    "# kop", "###### kop",            # headings
    "- lijst", "+ lijst", "* lijst", "1. lijst", "2) lijst",
    "> citaat",
    "| a | b |", "a | b",              # tables
    "--8<-- \"README.md\"",           # pymdownx.snippets
    "--8<--",
    "[TOC]",                          # toc marker
    "*[DMM]: afkorting", "[^1]: voetnoot", "[x]: https://example.org",
    "<div markdown>x</div>",          # md_in_html
    "    vier spaties: code", "\tmet een tab",
    "***", "---", "___",
]


@pytest.mark.parametrize("line", BLOCK_SYNTAX)
@pytest.mark.parametrize("where", ["first", "later", "underline"])
def test_block_syntax_at_a_line_start_stays_text(line, where):
    text = {"first": f"{line}\nen verder", "later": f"eerste regel\n{line}",
            "underline": f"{line}\n===\n---"}[where]
    out = site_markdown(escape(text) + "\n{: #p7 }")
    # One paragraph, with its anchor, holding the words as written.
    assert out.startswith('<p id="p7">') and out.endswith("</p>") and out.count("<p") == 1, out
    shown = html_lib.unescape(out[len('<p id="p7">'):-len("</p>")])
    assert " ".join(shown.split()) == " ".join(text.split()), out
    assert "\\" not in shown


def test_note_at_a_line_start_keeps_its_paragraph_anchor():
    out = site_markdown(escape("!!! note Nederland steunt het voorstel.") + "\n{: #p12 }")
    assert out == '<p id="p12">!!! note Nederland steunt het voorstel.</p>'


# --- property: random text renders as itself, in elements the generator made -------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

# Characters that mean something to Markdown, its extensions, HTML or YAML, and some letters.
MARKUP_ALPHABET = st.sampled_from(list("!?=#+-*_|{}[]()<>&;:.\"'`~\\/^ \t\n8") + ["a", "Z", "1", "ë", "--8<--",
                                   "!!! ", "??? ", "=== ", "{: #x }", "[^1]", "*[", "]: ", "<script>", "&amp;",
                                   "&#61;", "javascript:", "    "])


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKUP_ALPHABET, max_size=40).map("".join))
def test_random_text_becomes_one_anchored_paragraph_of_itself(text):
    lines = [l for l in text.split("\n") if l.strip()]
    text = "\n".join(lines)  # a block's text: no blank lines
    out = site_markdown(escape(text) + "\n{: #p5 }")
    parser = Tags()
    parser.feed(out)
    if not text.strip():
        return
    assert parser.tags == [("p", (("id", "p5"),))], out
    assert " ".join("".join(parser.text).split()) == " ".join(text.split()), out


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKUP_ALPHABET, min_size=1, max_size=40).map("".join), st.data())
def test_random_text_with_marks_makes_only_the_marks_elements(text, data):
    text = "\n".join(l for l in text.split("\n") if l.strip()) or "x"
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    kind = data.draw(st.sampled_from(["reference", "emphasis"]))
    mark = Mark(cuts[0], cuts[1], kind, "kamerstuk:1-2")
    md = render_inline(text, (mark,), lambda m, shown: f"[{shown}](../kamerstukken/1-2.md)")
    parser = Tags()
    parser.feed(site_markdown(md + "\n{: #p5 }"))
    allowed = {"p", "a", "em"}
    assert {t for t, _ in parser.tags} <= allowed, parser.tags
    assert all(dict(a).get("href", "../kamerstukken/1-2.md") == "../kamerstukken/1-2.md" for _, a in parser.tags)


def test_caret_in_a_linked_span_opens_no_footnote():
    # Found by the property above: a reference whose text starts "^]:" made "[^\]:" a footnote definition.
    text = "^]: Kamerstuk 1 nr. 2"
    md = render_inline(text, (Mark(0, 3, "reference", "kamerstuk:1-2"),),
                       lambda m, shown: f"[{shown}](../kamerstukken/1-2.md)")
    parser = Tags()
    parser.feed(site_markdown(md + "\n{: #p5 }"))
    assert {t for t, _ in parser.tags} == {"p", "a"}, parser.tags
    assert "".join(parser.text).startswith("^]:")
