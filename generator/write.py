"""Stage 6, write: put the pages into docs/, touching only what changed.

The generator owns the files it lists in docs/.generated.json and nothing
else: hand-written pages are never touched, and a page whose letter was
removed is deleted on the next run.  A file whose content did not change is
not rewritten, so live reload and dirty builds stay fast.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .model import Page

MANIFEST = ".generated.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def write_pages(pages: list[Page], docs: Path) -> WriteReport:
    docs.mkdir(parents=True, exist_ok=True)
    manifest = docs / MANIFEST
    before = set(json.loads(manifest.read_text(encoding="utf-8"))) if manifest.exists() else set()
    written, unchanged = [], 0
    for page in pages:
        target = docs / page.path
        data = page.content.encode("utf-8") if isinstance(page.content, str) else page.content
        if target.exists() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(page.path)
    now = {p.path for p in pages}
    removed = sorted(before - now)
    for path in removed:
        (docs / path).unlink(missing_ok=True)
        _prune(docs / path, docs)
    text = json.dumps(sorted(now), ensure_ascii=False, indent=0) + "\n"
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != text:
        manifest.write_text(text, encoding="utf-8")
    return WriteReport(tuple(written), unchanged, tuple(removed))


def _prune(path: Path, docs: Path) -> None:
    """Remove folders left empty by a removed page."""
    parent = path.parent
    while parent != docs and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
