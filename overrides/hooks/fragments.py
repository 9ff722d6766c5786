"""MkDocs glue: the theme's page frame rendered once per folder, not once per page.

Material renders its navigation, tabs and configuration script into every
page; on the thousands of letter, meeting and Kamerstuk pages outside the
navigation these come out the same for every page in one folder (their links
are relative to it).  The templates wrap them in `{% call fragment(key...) %}`:
the first page of a key renders the block, the others reuse it.  Keys say
everything the block depends on (overrides/main.html, partials/nav.html,
partials/tabs.html); a key of None renders every time.  The cache starts
empty on every build, so `mkdocs serve` never shows a stale frame.
"""
from __future__ import annotations

from markupsafe import Markup

_cache: dict[tuple, str] = {}


def fragment(*key, caller):
    if None in key:
        return caller()
    if key not in _cache:
        _cache[key] = Markup(caller())
    return _cache[key]


def folder(page, nav) -> str | None:
    """The key of a page outside the navigation: the folder its URL sits in ("brieven"
    for brieven/x/); None for a page in the navigation or no page (404): rendered each time."""
    url = getattr(page, "url", None) if page else None
    if url is None or not nav or page in nav.pages:
        return None
    return url.rstrip("/").rpartition("/")[0]


def on_env(env, config, files):
    _cache.clear()
    env.globals["fragment"] = fragment
    env.globals["frame_folder"] = folder
    return env
