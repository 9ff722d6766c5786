"""MkDocs glue: index the built site with Pagefind after every build.

Runs for `mkdocs build`, `mkdocs serve` and `mkdocs gh-deploy` alike, so the
published site, the Actions artifact and the local preview all carry the same
/pagefind/ bundle.  The generator knows nothing of this: it only writes
Markdown.  What to index is decided by data-pagefind-* attributes in
overrides/ (the article body, not the chrome); the selectors below cover the
generated blocks that the templates cannot mark.
"""
from __future__ import annotations

import os
import subprocess
import sys

from mkdocs.exceptions import PluginError

# Collapsed blocks of a letter ("Briefhoofd en kantlijn", "Herstelde woorden")
# show the source as it was, misspellings included: a search for "oekraine"
# must lead to the text, not to the list of repaired words.  Passages quoted on
# meeting and topic pages, and on topic pages the letters' section headings
# above them, are found in the letter they come from, where the result leads
# to the section; the quoting pages are still found by their own titles and
# headings.  (`pagina--onderwerp` is set in overrides/main.html.)
EXCLUDE = [".md-typeset details", ".md-typeset .headerlink", ".md-typeset blockquote", ".pagina--onderwerp h3"]


_serving = False
_running: subprocess.Popen | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_shutdown() -> None:
    """`mkdocs serve` stopped: so does its background indexing."""
    stop_background_work()


def stop_background_work() -> None:
    """Stop indexing in the background: the site is about to change (overrides/hooks/generate.py
    calls this before each regeneration), and the next build starts a new index."""
    if _running is not None and _running.poll() is None:
        _running.kill()
        _running.wait()


def on_post_build(config) -> None:
    global _running
    cmd = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--force-language", "nl",
           "--exclude-selectors", ", ".join(EXCLUDE), "--quiet"]
    if _serving:
        # The preview shows a saved letter at once; its search index follows
        # a few seconds later, in the background (an older run is stopped).
        stop_background_work()
        # At the lowest priority: a letter saved meanwhile is regenerated and built first.
        _running = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    preexec_fn=lambda: os.nice(19))
        return
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"Pagefind kon de zoekindex niet maken:\n{done.stdout}{done.stderr}")
