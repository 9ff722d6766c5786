"""Stage 6, write: put the pages into docs/, touching only what changed.

The generator owns the files it lists in docs/.generated.json and nothing
else: hand-written pages are never touched, and a page whose letter was
removed is deleted on the next run.  A file whose content did not change is
not rewritten, so live reload and dirty builds stay fast.

Every path it writes or deletes must resolve inside its own folders (or be
one of its own files at the top of docs/): the manifest is a file anyone can
edit, so an entry like "../secret" or "/etc/x" is refused, never deleted.

Pages rendered in worker processes are written by those workers, with the
same rule (write_page), once this process has checked every path: they come
back here as Written, and write_pages only counts them.

Every page is listed in the manifest before it is written (announce), so a
run that stops half way leaves no page the next run does not know as its own.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

from . import slugs
from .model import Page

MANIFEST = ".generated.json"
# What the generator owns under docs/: these folders, and these files at the top.
OWNED_FOLDERS = (slugs.LETTERS, slugs.MEETINGS, slugs.TOPICS, slugs.DOCUMENTS, slugs.DOSSIERS, slugs.PEOPLE,
                 slugs.SOURCES, slugs.DATA, "includes")
OWNED_FILES = ("index.md", "woordenlijst.md", "feed.xml")


class WriteError(Exception):
    """A path outside the generator's own folders."""


def owned(docs: Path, rel: str, folders: dict[str, str] | None = None) -> Path:
    """The file `rel` under `docs`, if the generator may write or delete it; else WriteError.

    `rel` is relative and POSIX, without "." or "..", in an owned folder (or an
    owned top-level file), and resolves there: a folder or file replaced by a
    symbolic link that leads elsewhere is refused too.  `folders`: real paths
    of folders already resolved in this pass (thousands of pages share a few
    folders; resolving each page's whole path costs a system call per part).
    """
    parts = rel.split("/") if isinstance(rel, str) else [""]
    if (not rel or "\x00" in rel or PurePosixPath(rel).is_absolute()
            or any(p in ("", ".", "..") for p in parts)):
        raise WriteError(f"{rel!r}: geen pad binnen docs/")
    if not ((parts[0] in OWNED_FOLDERS and len(parts) > 1) or rel in OWNED_FILES):
        raise WriteError(f"{rel!r}: niet in een map van de generator ({', '.join(OWNED_FOLDERS)})")
    folders = {} if folders is None else folders

    def real(path: str) -> str:  # as Path.resolve(): os.path.realpath
        found = folders.get(path)
        if found is None:
            found = folders[path] = os.path.realpath(path)
        return found

    base = real(str(docs))
    target = docs / rel
    home = os.path.join(base, parts[0]) if len(parts) > 1 else base
    folder, name = os.path.split(str(target))
    # The file itself is resolved only when it is a link; its folder once per pass.
    resolved = os.path.realpath(target) if os.path.islink(target) else os.path.join(real(folder), name)
    if not (resolved == home or resolved.startswith(home.rstrip(os.sep) + os.sep)) or (
            len(parts) > 1 and real(str(docs / parts[0])) != home):
        raise WriteError(f"{rel!r}: leidt via een koppeling buiten docs/{parts[0] if len(parts) > 1 else ''}")
    return target


def _manifest(path: Path) -> tuple[set[str], list[str]]:
    """Paths the last run wrote, and entries refused (not a list of strings, or not the generator's)."""
    if not path.exists():
        return set(), []
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return set(), [f"{MANIFEST}: geen geldige lijst; niets verwijderd"]
    if not isinstance(entries, list):
        return set(), [f"{MANIFEST}: geen geldige lijst; niets verwijderd"]
    return {e for e in entries if isinstance(e, str)}, [f"{MANIFEST}: {e!r} is geen pad" for e in entries
                                                         if not isinstance(e, str)]


def _save_manifest(manifest: Path, paths: set[str]) -> None:
    text = json.dumps(sorted(paths), ensure_ascii=False, indent=0) + "\n"
    if manifest.is_symlink() or not manifest.is_file():
        manifest.unlink(missing_ok=True)  # a link would be written through, to wherever it leads
    if not manifest.exists() or manifest.read_text(encoding="utf-8", errors="replace") != text:
        manifest.write_text(text, encoding="utf-8")


def announce(docs: Path, paths: Iterable[str], listed: tuple[set[str], list[str]] | None = None) -> None:
    """Add `paths` to the manifest before they are written: should the run stop half way (a
    template error in a render worker, a full disk), the next run deletes those it no longer
    makes.  A manifest that cannot be read is left for write_pages to report.  `listed`: the
    manifest as _manifest() read it already."""
    manifest = docs / MANIFEST
    before, refused = listed if listed is not None else _manifest(manifest)
    new = set(paths) - before
    if new and not refused and not manifest.is_symlink() and (manifest.is_file() or not manifest.exists()):
        docs.mkdir(parents=True, exist_ok=True)
        _save_manifest(manifest, before | new)


@dataclass(frozen=True)
class Written:
    """A page already put in docs/ by write_page (in a render worker): its path, and whether its bytes changed."""

    path: str
    written: bool


def check_paths(docs: Path, paths: Iterable[str]) -> None:
    """WriteError for the first path the generator may not write: all are checked before any is written."""
    folders: dict[str, str] = {}
    for path in paths:
        owned(docs, path, folders)


def write_page(docs: Path, path: str, content: str | bytes, made: set[Path]) -> bool:
    """Put `content` at docs/`path` (checked by owned() already) unless the file holds its bytes; True if written.

    `made`: folders this process made and checked; each folder it makes is checked
    again once made (a real folder, not a link elsewhere).
    """
    target = docs / path
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.is_file() and target.read_bytes() == data:
        return False
    if target.parent not in made:
        target.parent.mkdir(parents=True, exist_ok=True)
        owned(docs, path)  # the folders just made are real folders, not links elsewhere
        made.add(target.parent)
    target.write_bytes(data)
    return True


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]
    refused: tuple[str, ...] = ()  # manifest entries not deleted: outside the generator's folders


def write_pages(pages: list[Page | Written], docs: Path, kept: Iterable[str] = ()) -> WriteReport:
    """Write what changed and delete what the last run wrote but this one did not.

    `kept`: pages of this run that were not rendered because the file the last
    run wrote is still there and would come out the same (generator/incremental.py).
    A Written page is in docs/ already (render workers wrote it): counted, not written again.

    A page path outside the owned folders is a generator bug: WriteError.  A
    manifest entry outside them is refused and reported, never deleted.
    """
    docs.mkdir(parents=True, exist_ok=True)
    manifest = docs / MANIFEST
    before, refused = _manifest(manifest)
    check_paths(docs, (page.path for page in pages if not isinstance(page, Written)))  # before anything is written
    kept = set(kept)
    now = {p.path for p in pages} | kept
    announce(docs, now, (before, refused))
    written, unchanged = [], 0
    made: set[Path] = set()
    for page in pages:
        if isinstance(page, Written):
            done = page.written
        else:
            done = write_page(docs, page.path, page.content, made)
        if done:
            written.append(page.path)
        else:
            unchanged += 1
    unchanged += len(kept)
    removed = []
    for path in sorted(before - now):
        try:
            target = owned(docs, path)
        except WriteError as exc:
            refused.append(f"{MANIFEST}: {exc}; niet verwijderd")
            continue
        if target.is_file() or target.is_symlink():
            target.unlink()
        removed.append(path)
        _prune(target, docs)
    _save_manifest(manifest, now)
    return WriteReport(tuple(written), unchanged, tuple(removed), tuple(refused))


def _prune(path: Path, docs: Path) -> None:
    """Remove folders left empty by a removed page (never docs/ itself)."""
    parent = path.parent
    while parent != docs and parent.is_dir() and not parent.is_symlink() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
