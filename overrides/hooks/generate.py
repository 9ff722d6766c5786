"""MkDocs glue: the generator's pages and glossary, and the live preview.

- Every build: the glossary the generator wrote (docs/includes/abbreviations.json)
  becomes the abbr extension's `glossary`, so every page gets its tooltips in
  one pass, read after the generator has run.
- `mkdocs serve`: regenerate once at start, in this process (`make serve` has
  just generated, so this writes nothing, but it loads what the next
  regeneration reuses), then regenerate on every change to seeds/, the data
  files or the generator, outside MkDocs' build (generator/preview.py): MkDocs
  sees the changed pages and builds once.
"""
from __future__ import annotations

import json
from pathlib import Path

GLOSSARY = "includes/abbreviations.json"
_serving = False
_watching = False


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
    path = Path(config.docs_dir) / GLOSSARY
    try:
        glossary = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        glossary = {}
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary


def on_serve(server, config, builder):
    """Watch the letters, the data files and the generator; regenerate on change."""
    global _watching
    if not _watching:
        from generator.preview import Watcher

        root = _root(config)
        Watcher(root, Path(config.docs_dir), [root / "seeds", root / "generator"], code=root / "generator").start()
        _watching = True
    return server
