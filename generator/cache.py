"""The generator's cache: a letter is cleaned and parsed again only when
something it used has changed.

A parse entry is keyed by the letter's content (the digest read.py takes of
its text, with what a richer format's reader knows beside it: Source.parse_key),
its file name, and the generator's version: a hash of the code
and data files that reading, cleaning and parsing use (LATER_STAGES are left
out, so editing a template or the topic list keeps the parses).  Cleaning a
letter also looks at the rest of the corpus (how often "defensie-industrie"
is written with a hyphen); the entry records every such question with its
answer, and is used only while all answers still hold.  So a cached run gives exactly the letters a cold run
gives.

`memoized` does the same for pure functions of the link stage (topics per
section, abbreviations per text): one table per function, pruned to what the
last run used.  Everything lives in one folder (default `.cache/`, which
`make clean` removes and git ignores); deleting it only costs time.  The
thousands of small entries (a parse and the word counts per letter) share one
SQLite file: creating a file costs more than parsing a short letter on some
disks, and a run's entries are then written in one transaction.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle
import sqlite3
import tempfile
from collections import Counter
from importlib import metadata
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .lexicon import Lexicon, _wordlist, corpus_counts

PACKAGE = Path(__file__).resolve().parent
DEFAULT_FOLDER = Path(".cache")
# Modules that run after parsing; their code does not change a parse.
LATER_STAGES = frozenset({"link.py", "topics.py", "glossary.py", "render.py", "feed.py", "write.py", "cli.py",
                          "incremental.py", "preview.py",
                          "__main__.py"})
# Data files only the link stage reads.
LINK_DATA = frozenset({"topics.yaml", "abbreviations.yaml"})
_MISSING = object()
# Kept between runs in one process (make serve): entries by the hash of their
# bytes, memo tables by folder and name with their version.  Only what the last
# run used is kept.
_LOADED: dict[bytes, dict] = {}
_TABLES: dict[tuple[Path, str], tuple[str, dict]] = {}
# The page records of the last run (generator/incremental.py), by folder, with the hash of their bytes.
_PAGES: dict[Path, tuple[bytes, dict]] = {}
# Memo keys by plain arguments, in this process (see Cache.memo).
_QUICK: dict[tuple[Path, str, str], dict] = {}
_FINGERPRINT = object()
# The last link result by folder (see Cache.link).
_LINKED: dict[Path, dict] = {}
# Each letter's link work by key and folder, the last run's only (see Cache.link_work).
_WORK: dict[Path, dict[str, list]] = {}


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@functools.lru_cache(maxsize=None)
def parse_version() -> str:
    """Hash of every file that can change a parse: code and data, not the later stages."""
    code = [p for p in PACKAGE.rglob("*.py") if p.name not in LATER_STAGES or p.parent != PACKAGE]
    data = [p for p in (PACKAGE / "data").rglob("*") if p.is_file() and p.name not in LINK_DATA]
    return _digest(sorted(code + data))


# Word lists read from pyspellchecker in this process, by cache folder, not yet kept there:
# Cache.store_words() writes them (7 MB of pickle) while the workers parse, not before they start.
_UNSTORED_WORDLISTS: dict[str, list[tuple[Path, frozenset[str]]]] = {}


# The word lists the lexicon asks for (Lexicon.dutch, Lexicon.english).
LANGUAGES = ("nl", "en")
# Forked processes reading the word lists into a cache folder (preload_wordlists), by folder.
_PRELOADING: dict[str, int] = {}


def _wordlist_path(folder: str, language: str) -> Path:
    return Path(folder) / f"wordlist-{language}-{_spellchecker_version()}.pickle"


def preload_wordlists(folder: Path) -> None:
    """With no word lists in the cache folder yet (a cold cache), read them in a forked process that
    keeps them there, while this one reads the letters and counts their words: half a second each or
    more, on two cores instead of one after the other, before the parse workers start.
    _cached_wordlist waits for it and loads what it kept (or, if it failed, reads them itself).
    Only where the parse workers may fork (generator/pool.py)."""
    from .pool import workers  # pool imports this module

    key = str(folder)
    paths = [_wordlist_path(key, language) for language in LANGUAGES]
    if (key in _PRELOADING or all(p.exists() for p in paths) or workers() < 2
            or _wordlist.cache_info().currsize == len(LANGUAGES)):  # read already in this process
        return
    pid = os.fork()
    if pid == 0:  # the child: keep the lists, then leave without running the parent's exit handlers
        code = 1
        try:
            for language, path in zip(LANGUAGES, paths):
                if not path.exists():
                    _store(path, {"words": _wordlist(language)})
            code = 0
        finally:
            os._exit(code)
    _PRELOADING[key] = pid


def _preloaded(folder: str) -> None:
    """Wait for the process preload_wordlists started for `folder`, if any."""
    pid = _PRELOADING.pop(folder, None)
    if pid is not None:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass  # reaped already


@functools.lru_cache(maxsize=None)
def _cached_wordlist(folder: str, language: str) -> frozenset[str]:
    """A word list, once per process; kept as a pickle (ten times quicker to load than pyspellchecker's JSON)."""
    _preloaded(folder)
    path = _wordlist_path(folder, language)
    saved = _load(path)
    if saved is not None:
        return frozenset(saved["words"])
    words = _wordlist(language)
    _UNSTORED_WORDLISTS.setdefault(folder, []).append((path, words))
    return words


def _spellchecker_version() -> str:
    try:
        return metadata.version("pyspellchecker")
    except metadata.PackageNotFoundError:
        return "unknown"


@functools.lru_cache(maxsize=None)
def full_version() -> str:
    """Hash of all code and data files of the generator."""
    return _digest(sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml")
                          and "__pycache__" not in p.parts))


class Shelf:
    """Small entries by key in one SQLite file.

    What a run puts is held until commit(), then written in one transaction,
    so a run never holds a lock while it parses and an interrupted run
    leaves the entries as they were.  A file SQLite cannot read (damaged, or
    not a database) is replaced by an empty one: the cache is reused, never
    trusted.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        data = self._pending.get(key)
        if data is not None:
            return data
        try:
            row = self._connect().execute("SELECT data FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return bytes(row[0]) if row else None

    def put(self, key: str, data: bytes) -> None:
        self._pending[key] = data

    def commit(self) -> None:
        if self._pending:
            try:
                self._write()
            except sqlite3.DatabaseError:
                self._reset()
                self._write()
            self._pending.clear()
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _write(self) -> None:
        db = self._connect()
        with db:  # one transaction
            db.executemany("INSERT OR REPLACE INTO entries (key, data) VALUES (?, ?)", self._pending.items())

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self._db = self._open()
            except sqlite3.DatabaseError:
                self._reset()
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # A second generator (make serve beside make build) waits for the other's commit.
        db = sqlite3.connect(self.path, timeout=60)
        try:
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _reset(self) -> None:
        self.close()
        for path in (self.path, self.path.with_name(self.path.name + "-journal")):
            path.unlink(missing_ok=True)
        self._db = self._open()


class Cache:
    """Parse entries and memo tables in `folder`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self._tables: dict[str, dict] = {}
        self._used: dict[str, set] = {}
        self._changed: set[str] = set()
        self._fingerprints: dict[int, tuple[object, str]] = {}
        self._save_counts: Callable[[], None] | None = None
        # What this run's letters are, entry by entry: equal fingerprints, equal corpus.
        self.fingerprint = hashlib.sha256()
        self._loaded: dict[bytes, dict] = {}
        self._unsaved_words: list[tuple[str, Counter]] = []
        self.shelf = Shelf(self.folder / "entries.sqlite")
        self._journal: list | None = None
        self._memos: dict[str, tuple[dict, dict]] = {}  # memo(): a function's table and quick keys, this run

    # --- parse entries --------------------------------------------------------

    def _entry_key(self, name: str, digest: str) -> str:
        return "parse:" + hashlib.sha256(f"{parse_version()}\0{name}\0{digest}".encode()).hexdigest()

    def parse(self, name: str, digest: str, lexicon: Lexicon, compute: Callable[[], object]) -> object:
        """`compute()`'s result, from the cache when every corpus count it depended on still holds."""
        hit = self.lookup(name, digest, lexicon)
        if hit is not None:
            return self.use(hit)
        with lexicon.record() as asked:
            result = compute()
        return self.keep(name, digest, {"result": result, "corpus": dict(asked)})

    def lookup(self, name: str, digest: str, lexicon: Lexicon) -> tuple[bytes, dict] | None:
        """(seal, entry) when the cache holds this letter and every corpus count it depended on still holds."""
        data = self.shelf.get(self._entry_key(name, digest))
        seal = hashlib.sha256(data).digest() if data is not None else b""
        # A long-lived process (make serve) keeps what it unpickled: same bytes, same entry.
        entry = _LOADED.get(seal) or _unpickle(data)
        if entry is not None and all(lexicon.in_corpus(word) == n for word, n in entry["corpus"].items()):
            return seal, entry
        return None

    def use(self, hit: tuple[bytes, dict]) -> object:
        """A letter lookup() found; called in the letters' order, which the fingerprint follows."""
        seal, entry = hit
        self.hits += 1
        self.fingerprint.update(seal)
        self._loaded[seal] = entry
        return entry["result"]

    def keep(self, name: str, digest: str, entry: dict, data: bytes | None = None) -> object:
        """Store a letter parsed in this run; `data`: the entry already pickled (by a worker, generator/pool.py)."""
        self.misses += 1
        data = data or pickle.dumps(entry, protocol=5)
        self.shelf.put(self._entry_key(name, digest), data)
        seal = hashlib.sha256(data).digest()
        self.fingerprint.update(seal)
        self._loaded[seal] = entry
        return entry["result"]

    def lexicon(self, sources) -> Lexicon:
        """A lazy lexicon: word lists kept here in a quick form, corpus counts kept and updated per changed letter."""
        texts = {s.digest: s.text for s in sources}
        corpus = hashlib.sha256("\0".join(sorted(texts)).encode()).hexdigest()
        path = self.folder / "corpus.pickle"
        saved = _load(path)
        if saved is None or saved.get("version") != parse_version():
            saved = None
        wordlist = functools.partial(_cached_wordlist, str(self.folder))
        if saved is not None and saved.get("corpus") == corpus:
            return Lexicon(corpus=saved["counts"], wordlist=wordlist)

        def counts() -> Counter:
            """The saved total, less the letters gone, plus the letters new; all afresh when something is missing."""
            if saved is not None:
                gone = [_unpickle(self.shelf.get(self._words_key(d))) for d in saved["digests"] - texts.keys()]
                if all(g is not None for g in gone):
                    total = Counter(saved["counts"])
                    for words in gone:
                        total.subtract(words["counts"])
                    for digest in texts.keys() - saved["digests"]:
                        total.update(self._words(digest, texts[digest]))
                    return +total  # drops the words no letter has any more
            total = Counter()
            for digest, text in texts.items():
                total.update(self._words(digest, text))
            return total

        lexicon = Lexicon(counts=counts, wordlist=wordlist)
        self._save_counts = lambda: lexicon._corpus is not None and _store(
            path, {"corpus": corpus, "version": parse_version(), "digests": set(texts), "counts": lexicon.corpus})
        return lexicon

    def _words_key(self, digest: str) -> str:
        return f"words:{digest}"

    def _words(self, digest: str, text: str) -> Counter:
        counts = corpus_counts([text])
        self._unsaved_words.append((digest, counts))  # stored by store_words(), out of the parse's way
        return counts

    def store_words(self) -> None:
        """Store the word counts of letters new to the corpus counts, and the word lists read anew.  Every
        letter's parse waits for them, not for their storing: generator/pipeline.py stores them while the
        workers parse."""
        for digest, counts in self._unsaved_words:
            self.shelf.put(self._words_key(digest), pickle.dumps({"counts": counts}, protocol=5))
        self._unsaved_words.clear()
        for path, words in _UNSTORED_WORDLISTS.pop(str(self.folder), ()):
            _store(path, {"words": words})

    def link(self, letters: list, problems: list, link: Callable, again: bool = False) -> object:
        """link(letters, problems), kept (without the letters) while the letters, problems and code are the
        same; `again`: linked anew all the same (the result is the same)."""
        key = hashlib.sha256(self.fingerprint.digest() + full_version().encode()
                             + repr([str(p) for p in problems]).encode()).hexdigest()
        path = self.folder / "link.pickle"
        # The key is kept apart too, so that a run whose letters changed does not unpickle the
        # last result only to drop it; a long-lived process (make serve) keeps it in memory.
        saved = _LINKED.get(self.folder)
        if saved is None or saved["key"] != key:
            saved = _load(path) if _read(self.folder / "link.key") == key.encode() else None
        by_slug = {l.slug: l for l in letters}
        if not again and saved is not None and saved.get("key") == key and set(saved["order"]) == set(by_slug):
            _LINKED[self.folder] = saved
            return dataclasses.replace(saved["corpus"], letters=tuple(by_slug[s] for s in saved["order"]))
        corpus = link(letters, problems)
        saved = {"key": key, "order": [l.slug for l in corpus.letters], "corpus": dataclasses.replace(corpus, letters=())}
        _store(path, saved)
        _write(self.folder / "link.key", key.encode())  # after the entry: a stale key only costs a relink
        _LINKED[self.folder] = saved
        return corpus

    def link_work(self, letters: list, seals: dict[int, tuple[object, bytes]], ready) -> None:
        """Give `ready` (link.Ready) each letter's link work from an earlier run where it is the same,
        so that link() works out the topics and cited places of changed letters only.

        That work (link.Ready.work) reads the letter alone, as its owner: its parse (`seals`: letter
        id -> (letter, the hash of its parse entry's bytes)), the addresses its documents have after
        settle_addresses (which may change them after the parse), the taxonomy, and the code and data
        files (full_version: topics.yaml, meetings.yaml, references' vocabulary).  The key covers
        all of them.  A letter without a seal is left to link()."""
        from .link import all_documents, taxonomy_key  # link imports this module
        version = hashlib.sha256(f"{full_version()}\0{taxonomy_key(ready.load_taxonomy())}".encode()).digest()
        held = _WORK.get(self.folder, {})
        kept: dict[str, list] = {}
        for letter in letters:
            sealed = seals.get(id(letter))
            if sealed is None or sealed[0] is not letter:
                continue
            h = hashlib.sha256(version + sealed[1])
            h.update(repr([(d.slug, d.attached_to) for d in all_documents([letter])]).encode())
            key = "link:" + h.hexdigest()
            done = ready.done(letter)  # parsed in this run: worked out already
            if done is None:
                done = held.get(key)
                if done is None:
                    saved = _unpickle(self.shelf.get(key))
                    done = saved["done"] if saved is not None and saved.get("key") == key else None
                    if done is None:
                        ready.add(letter)
                        done = ready.done(letter)
                    else:
                        held[key] = done  # not stored again below
                if ready.done(letter) is None:
                    ready.add(letter, done)
            if key not in held:
                self.shelf.put(key, pickle.dumps({"key": key, "done": done}, protocol=5))
            kept[key] = done
        _WORK[self.folder] = kept  # a long-lived process (make serve) holds only this run's

    # --- the written site -----------------------------------------------------

    def site_key(self, sources, docs: Path, extra: str) -> str:
        """What the pages depend on: the letters (fingerprint), the source files, all code, templates and data."""
        h = hashlib.sha256(self.fingerprint.digest())
        h.update(_digest(sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".yaml")
                                and "__pycache__" not in p.parts)).encode())
        h.update(str(Path(docs).resolve()).encode() + b"\0" + extra.encode())
        for s in sources:
            st = s.path.stat()
            h.update(f"{s.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        return h.hexdigest()

    def site_unchanged(self, key: str, docs: Path) -> int | None:
        """The number of pages, when the last run with this key wrote them and they are still as it left them."""
        saved = _load(self.folder / "site.pickle")
        if saved is None or saved.get("key") != key:
            return None
        for path, stamp in saved["files"].items():
            try:
                if _stamp(docs, path) != stamp:
                    return None
            except OSError:
                return None
        return len(saved["files"]) - 1  # the manifest is not a page

    def sealed(self) -> dict[int, tuple[object, bytes]]:
        """The letters this run has from the parse cache, by id, with the hash of their entry's bytes."""
        return {id(e["result"]): (e["result"], seal) for seal, e in self._loaded.items() if e["result"] is not None}

    def render_key(self, extra: str) -> str:
        """What every page depends on beyond the corpus: all code, templates and data files, and `extra`."""
        files = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                 and (p.suffix in (".py", ".j2", ".yaml") or "data" in p.relative_to(PACKAGE).parts)]
        return hashlib.sha256((_digest(sorted(files)) + "\0" + extra).encode()).hexdigest()

    def page_records(self, docs: Path, key: str) -> dict:
        """The last run's records (generator/incremental.py) of the pages still on disk as it wrote them.

        A file whose size or mtime_ns changed since (edited, deleted, written
        by a run without the cache) has no record, so its page is rendered.
        """
        path = self.folder / "pages.pickle"
        data = _read(path)
        if data is None:
            return {}
        seal = hashlib.sha256(data).digest()
        held = _PAGES.get(self.folder)
        saved = held[1] if held is not None and held[0] == seal else _unpickle(data)
        if not saved or saved.get("key") != key or saved.get("docs") != str(Path(docs).resolve()):
            return {}
        _PAGES[self.folder] = (seal, saved)
        records = {}
        for page, (record, size, mtime) in saved["pages"].items():
            try:
                if _stamp(docs, page) == (size, mtime):
                    records[page] = record
            except OSError:
                continue
        return records

    def remember_pages(self, docs: Path, key: str, records: dict) -> None:
        pages = {page: (record, *_stamp(docs, page)) for page, record in records.items()}
        saved = {"key": key, "docs": str(Path(docs).resolve()), "pages": pages}
        _PAGES[self.folder] = (hashlib.sha256(_store(self.folder / "pages.pickle", saved)).digest(), saved)

    def remember_site(self, key: str, docs: Path, paths) -> None:
        files = {path: _stamp(docs, path) for path in paths}
        _store(self.folder / "site.pickle", {"key": key, "files": files})

    # --- memo tables ----------------------------------------------------------

    def _fingerprint(self, value: object) -> str:
        """A key part for one argument; big objects (a taxonomy) are hashed once per run.

        By repr(): the same in every process (a pickle of a set is not), and a
        dataclass's repr shows its defining fields, not what code derives from them.
        """
        if isinstance(value, str):
            return f"s{len(value)}:{value}"  # length-prefixed: no two argument lists give one key
        if value is None or isinstance(value, (int, float, bool)):
            return repr(value)
        if isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
            return repr(tuple(value))
        held = self._fingerprints.get(id(value))
        if held is None or held[0] is not value:
            held = (value, hashlib.sha256(repr(value).encode()).hexdigest())
            self._fingerprints[id(value)] = held
        return held[1]

    def _table(self, name: str, version: str) -> dict:
        table = self._tables.get(name)
        if table is None:
            kept = _TABLES.get((self.folder, name))
            if kept is not None and kept[0] == version:
                table = kept[1]
            else:
                loaded = _load(self.folder / "memo" / f"{name}.pickle")
                table = loaded["table"] if loaded and loaded.get("version") == version else {}
            self._tables[name] = table
            self._used[name] = set()
        return table

    def memo(self, name: str, version: str, args: tuple, kwargs: dict, fn: Callable) -> object:
        # A run makes tens of thousands of calls (every paragraph): the tables are looked up once.
        held = self._memos.get(name)
        if held is None:
            # In one process (make serve) the same texts come back run after run: a lookup by the
            # arguments themselves (strings hash once) finds the key the hashing below would give.
            held = self._memos[name] = (self._table(name, version), _QUICK.setdefault((self.folder, name, version), {}))
        table, quick = held
        plain = (tuple([self._plain(a) for a in args]),
                 tuple([(k, self._plain(v)) for k, v in sorted(kwargs.items())]) if kwargs else ())
        held = quick.get(plain)
        if held is not None:
            result = table.get(held[0], _MISSING)
            if result is not _MISSING:
                self._use(name, version, held[0])
                return result
        key = hashlib.sha1("\0".join([self._fingerprint(a) for a in args]
                                     + [f"{k}={self._fingerprint(v)}" for k, v in sorted(kwargs.items())])
                           .encode("utf-8", "surrogatepass")).digest()
        result = table.get(key, _MISSING)
        if result is _MISSING:
            result = table[key] = fn(*args, **kwargs)
            self._changed.add(name)
            self._use(name, version, key, (result,))
        else:
            self._use(name, version, key)
        quick[plain] = (key,)
        return result

    def _use(self, name: str, version: str, key: bytes, new: tuple | None = None) -> None:
        self._used[name].add(key)
        if self._journal is not None:
            self._journal.append((name, version, key, new))

    @contextmanager
    def journal(self) -> Iterator[list]:
        """In a worker process (generator/pool.py): the memo results it uses and computes, which
        would otherwise die with the worker, listed for the parent's merge()."""
        self._journal = journal = []
        try:
            yield journal
        finally:
            self._journal = None

    def merge(self, journal: list) -> None:
        """Take a worker's journal() as if this process had used and computed those results."""
        for name, version, key, new in journal:
            table = self._table(name, version)
            if new is not None and key not in table:
                table[key] = new[0]
                self._changed.add(name)
            self._used[name].add(key)

    def _plain(self, value: object) -> object:
        """An argument as a dict key: a plain value itself (equal values, equal keys), else its fingerprint."""
        kind = type(value)
        if kind is str or value is None or kind is bool or kind is int or (
                kind is tuple and all(type(v) is str for v in value)):
            return value
        return (_FINGERPRINT, self._fingerprint(value))

    def save(self, versions: dict[str, str]) -> None:
        """Write the corpus counts when new, and the memo tables this run changed or pruned (only what it used)."""
        _preloaded(str(self.folder))  # a run that parsed nothing never waited for it
        self.store_words()
        self.shelf.commit()
        if self._save_counts is not None:
            self._save_counts()
        _LOADED.clear()
        _LOADED.update(self._loaded)
        self._memos.clear()  # _QUICK's tables are pruned below
        for name, table in self._tables.items():
            used = self._used[name]
            if name in self._changed or len(table) != len(used):
                table = {k: table[k] for k in used}
                _store(self.folder / "memo" / f"{name}.pickle", {"version": versions[name], "table": table})
            _TABLES[(self.folder, name)] = (versions[name], table)
            quick = _QUICK.get((self.folder, name, versions[name]))
            if quick is not None and len(quick) > len(used):  # only what this run used
                _QUICK[(self.folder, name, versions[name])] = {k: v for k, v in quick.items() if v[0] in used}


_active: Cache | None = None
_versions: dict[str, str] = {}


def current() -> Cache | None:
    """The cache memoized functions use now (see active())."""
    return _active


@contextmanager
def active(cache: Cache | None) -> Iterator[Cache | None]:
    """Within the block, memoized functions use `cache` (none: they just run)."""
    global _active
    previous, _active = _active, cache
    try:
        yield cache
        if cache is not None:
            cache.save(_versions)
    finally:
        _active = previous


def memoized(fn: Callable) -> Callable:
    """Remember a pure function's results across runs while a cache is active.

    The version covers all code and data files (a taxonomy's repr does not
    show all of topics.yaml), so any change to either recomputes.
    """
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if _active is None:
            return fn(*args, **kwargs)
        if name not in _versions:
            _versions[name] = hashlib.sha256((full_version() + name).encode()).hexdigest()
        return _active.memo(name, _versions[name], args, kwargs, fn)

    return wrapper


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _unpickle(data: bytes | None) -> dict | None:
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # a damaged or outdated entry is recomputed, never trusted
        return None


def _load(path: Path) -> dict | None:
    return _unpickle(_read(path))


def _stamp(docs: Path, page: str) -> tuple[int, int]:
    """A written page's size and mtime_ns (thousands of pages: os.stat, no Path objects)."""
    st = os.stat(os.path.join(docs, page))
    return st.st_size, st.st_mtime_ns


def _store(path: Path, value: dict) -> bytes:
    return _write(path, pickle.dumps(value, protocol=5))


def _write(path: Path, data: bytes) -> bytes:
    """Write atomically: an interrupted run leaves the old entry or the new, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return data
