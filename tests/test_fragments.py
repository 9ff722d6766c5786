"""The page frame rendered once per folder (overrides/hooks/fragments.py) is the frame every page would get.

The hook reuses Material's navigation, tabs and configuration script for the
pages outside the navigation in one folder.  Built once with the cache and
once with a hook that renders every block afresh, the seeds give the same
bytes in every page.
"""
from __future__ import annotations

import sys

from markupsafe import Markup

from sitebuild import ROOT, built_as_is_and_with

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import fragments  # noqa: E402

UNCACHED = '''
def fragment(*key, caller):
    return caller()


def folder(page, nav):
    return None


def on_env(env, config, files):
    env.globals["fragment"] = fragment
    env.globals["frame_folder"] = folder
    return env
'''


def test_same_key_renders_once_and_none_every_time():
    calls = []

    def caller():
        calls.append(1)
        return f"<nav>{len(calls)}</nav>"

    fragments.on_env(type("Env", (), {"globals": {}})(), None, None)
    assert fragments.fragment("nav", "brieven", caller=caller) == "<nav>1</nav>"
    assert fragments.fragment("nav", "brieven", caller=caller) == "<nav>1</nav>"
    assert fragments.fragment("nav", "kamerstukken", caller=caller) == "<nav>2</nav>"
    assert fragments.fragment("nav", None, caller=caller) == "<nav>3</nav>"
    assert fragments.fragment("nav", None, caller=caller) == "<nav>4</nav>"
    assert isinstance(fragments.fragment("nav", "brieven", caller=caller), Markup)
    # A new build starts empty.
    fragments.on_env(type("Env", (), {"globals": {}})(), None, None)
    assert fragments.fragment("nav", "brieven", caller=caller) == "<nav>5</nav>"


def test_folder_keys_pages_outside_the_navigation_by_their_folder():
    class Page:
        def __init__(self, url):
            self.url = url

    in_nav = Page("brieven/")
    nav = type("Nav", (), {"pages": [in_nav]})()
    assert fragments.folder(Page("brieven/2025-01-31-x/"), nav) == "brieven"
    assert fragments.folder(Page("brieven/2025-01-31-x/nota-1/"), nav) == "brieven/2025-01-31-x"
    assert fragments.folder(Page("over/"), nav) == ""
    assert fragments.folder(in_nav, nav) is None
    assert fragments.folder(None, nav) is None


def test_cached_frame_is_byte_identical_to_the_uncached_one(tmp_path):
    from conftest import SEEDS

    cached, uncached = built_as_is_and_with(tmp_path, SEEDS, "fragments.py", UNCACHED)
    pages = sorted(p.relative_to(cached) for p in cached.rglob("*.html"))
    assert len(pages) > 50
    for rel in pages:
        assert (cached / rel).read_bytes() == (uncached / rel).read_bytes(), rel
