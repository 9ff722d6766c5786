"""MkDocs glue: link tags to topic pages, and topic pages to their feeds.

Tags on letter and meeting pages are topic titles (the generator writes
them); partials/tags.html links each to its topic page through
`topic_pages`, and main.html links a topic page to its Atom feed when the generator
wrote one next to the page (onderwerpen/<slug>/feed.xml).
"""
from __future__ import annotations

_topics: dict[str, str] = {}  # topic title -> page URL ("onderwerpen/oekraine/")
_feeds: set[str] = set()
_dirty = False


def on_startup(command, dirty):
    """`serve --dirty` reads only changed pages: keep what earlier builds learned."""
    global _dirty
    _dirty = dirty


def on_files(files, config):
    """Start afresh on every (re)build while serving (a dirty build keeps the topics it has seen)."""
    if not _dirty:
        _topics.clear()
    _feeds.clear()
    _feeds.update(f.src_uri for f in files if f.src_uri.endswith("/feed.xml"))


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src.startswith("onderwerpen/") and not src.endswith("index.md") and page.meta.get("title"):
        _topics[page.meta["title"]] = page.file.url


def on_env(env, config, files):
    # All pages have been read by now; templates are rendered after this.
    env.globals["topic_pages"] = dict(_topics)
    return env


def on_page_context(context, page, config, nav):
    feed = page.file.src_uri.removesuffix(".md") + "/feed.xml"
    context["topic_feed"] = feed if feed in _feeds else None
    return context
