"""Letter text can never become markup: escaping and span-based insertion."""
from __future__ import annotations

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
    visible = (out[3:-4].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&"))
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
