"""MkDocs glue: the generator's pages and glossary, and the live preview.

- Every build: the glossary the generator wrote (docs/includes/abbreviations.json)
  becomes the abbr extension's `glossary`, so every page gets its tooltips in
  one pass, read after the generator has run.
- `mkdocs serve`: regenerate once at start, in this process (`make serve` has
  just generated, so this writes nothing, but it loads what the next
  regeneration reuses), then regenerate on every change to seeds/, the data
  files or the generator, outside MkDocs' build (generator/preview.py): MkDocs
  sees the changed pages and builds once.  A build waits for a running
  regeneration to end, so that it reads all of the pages it wrote (see settle()).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

GLOSSARY = "includes/abbreviations.json"
SETTLE_MARGIN = 0.25  # seconds: for a poll of docs/ to walk the folders (0.03 s at 1,000 letters on a quiet machine)
_serving = False
_watching = False
_watcher = None  # generator.preview.Watcher, while serving
_server = None  # MkDocs' LiveReloadServer, while serving
_settled = float("-inf")  # when the last regeneration a build has settled ended


def on_startup(command, dirty):
    """Remember whether we are serving."""
    global _serving
    _serving = command == "serve"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config):
    """Serving: generate before the first build (later ones follow the watcher).  Then
    hand the generated glossary to the abbr extension."""
    if _serving and not _watching:
        from generator.preview import regenerate_here

        # In this process: the first saved letter then finds the parsed letters,
        # word lists and page records already loaded (a fresh process costs seconds).
        regenerate_here(_root(config), Path(config.docs_dir))
    elif _watcher is not None:
        settle(_server, _watcher.wait_idle())
    path = Path(config.docs_dir) / GLOSSARY
    try:
        glossary = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        glossary = {}
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary


def settle(server, finished: float) -> None:
    """After a regeneration that ended at `finished` (time.monotonic()): wait until MkDocs has
    seen all of its writes, then drop the rebuild they ask for.

    MkDocs polls docs/ (watchdog's PollingObserver, every half second); a poll
    that walked the folders while the generator wrote sees part of its writes,
    and the next one sees the rest and would ask for a second build.  The first
    poll to start after the last write sees them all.  This build has read no
    page yet (on_pre_build comes first), so it reads every page as it is now.
    Only the first build after a regeneration does this, however late it
    starts (MkDocs reloads its configuration first, which takes seconds on a
    busy machine); a later build, for an edit of a hand-written page, leaves
    MkDocs' flag alone.
    """
    global _settled
    if finished <= _settled:
        return
    _settled = finished
    interval = getattr(getattr(server, "observer", None), "timeout", 0.5)
    time.sleep(max(0.0, finished + interval + SETTLE_MARGIN - time.monotonic()))
    condition = getattr(server, "_rebuild_cond", None)  # MkDocs' LiveReloadServer (mkdocs/livereload)
    if condition is not None and hasattr(server, "_want_rebuild"):
        with condition:
            server._want_rebuild = False


def on_serve(server, config, builder):
    """Watch the letters, the data files and the generator; regenerate on change."""
    global _watching, _watcher, _server
    if not _watching:
        from generator.preview import Watcher

        root = _root(config)
        _watcher = Watcher(root, Path(config.docs_dir), [root / "seeds", root / "generator"], code=root / "generator")
        _watcher.start()
        _watching = True
    _server = server
    return server
