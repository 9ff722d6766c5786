"""Render only the pages whose inputs changed (issue 16).

A page is a pure function of what its template is handed (path, template,
front matter, context values) and of the answers to the lookups it makes on
the `Site` while it renders (`site.letters[...]`, `site.passages(...)`,
`site.corpus.meetings`, ...).  So each page rendered through a `Recording`
notes every lookup with a digest of its answer; the next run asks the same
questions of the new corpus, and a page whose handed values and answers all
have the same digests would come out the same: it is not rendered again.
Everything else (code, templates, data files, site config) is one global key
kept by the cache: when it changes, every page is rendered.

Digests are by value: a letter from the parse cache by the hash of its cache
entry's bytes (same bytes, same letter), anything else by its pickle, written
without pickle's memo so that equal values give equal bytes whatever objects
they share.  A lookup the replay cannot repeat, or an answer it cannot digest,
makes the page render: unsure means render.
"""
from __future__ import annotations

import hashlib
import io
import pickle
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import Letter, Meeting, Topic

_PRIMITIVES = (str, int, float, bool, type(None), date)
_MISSING = object()


class Digests:
    """Digests of values for one run; objects are digested once (kept alive, so their ids stay theirs)."""

    def __init__(self, sealed: dict[int, tuple[object, bytes]] | None = None):
        # id -> (object, digest); seeded with the parse cache's letters, their attachments and
        # sections: each is fixed by the hash of its letter's entry and its place in the letter.
        self._memo: dict[int, tuple[object, bytes]] = {}
        for letter, seal in (sealed or {}).values():
            self._seal(letter, hashlib.sha256(b"seal\0" + seal).digest())

    def _seal(self, letter, digest: bytes) -> None:
        self._memo[id(letter)] = (letter, digest)
        for n, section in enumerate(letter.sections):  # (overig pages are handed sections)
            self._memo[id(section)] = (section, digest + b"s%d" % n)  # a place in a sealed letter
        for n, attachment in enumerate(letter.attachments):
            self._seal(attachment, digest + b"a%d" % n)

    def token(self, value: Any) -> Any:
        """What a record keeps of an answer: a plain value itself, anything else its digest."""
        return value if type(value) in (str, int, bool, type(None)) else self(value)

    def __call__(self, value: Any) -> bytes:
        if isinstance(value, _PRIMITIVES):
            return hashlib.sha256(f"{type(value).__name__}\0{value!r}".encode()).digest()
        held = self._memo.get(id(value))
        if held is not None and held[0] is value:
            return held[1]
        if isinstance(value, (list, tuple)):
            h = hashlib.sha256(b"L" if isinstance(value, list) else b"T")
            for item in value:
                h.update(self(item))
            digest = h.digest()
        elif isinstance(value, dict):
            h = hashlib.sha256(b"D")
            for key, item in value.items():
                h.update(self(key) + self(item))
            digest = h.digest()
        else:
            digest = plain_digest(value)
        self._memo[id(value)] = (value, digest)
        return digest


def plain_digest(value: Any) -> bytes:
    """The digest of a value by its pickle."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True  # no memo: the bytes depend on the value only, not on shared objects
    pickler.dump(value)
    return hashlib.sha256(b"pickle\0" + out.getvalue()).digest()


# A lookup's arguments as they are kept between runs: plain values as they
# are; a meeting, topic or letter by its key and digest (it is looked up again
# and must still be the same).
_REFERENCES = {Meeting: ("meetings", "id"), Topic: ("topics", "slug"), Letter: ("letters", "slug")}


def by_letter(method):
    """Marks a Site method whose answer depends only on the letter its first argument names."""
    method.by_letter = True
    return method


class Unrepeatable(Exception):
    """A lookup whose arguments cannot be kept: the page is rendered every run."""


def _reference(value: Any, digests: Digests) -> Any:
    if isinstance(value, _PRIMITIVES):
        return value
    ref = _REFERENCES.get(type(value))
    if ref is None:
        raise Unrepeatable(type(value).__name__)
    return ("ref", ref[0], getattr(value, ref[1]), digests(value))


def _resolve(site, arg: Any, digests: Digests) -> Any:
    if isinstance(arg, tuple) and arg and arg[0] == "ref":
        _, table, key, digest = arg
        value = getattr(site, table)[key]  # KeyError: gone, so the page renders
        if digests(value) != digest:
            raise KeyError(key)
        return value
    return arg


def answer(site, query: tuple, digests: Digests) -> Any:
    """The answer to a recorded lookup, asked of `site`."""
    kind, name = query[0], query[1]
    if kind == "attr":
        return getattr(site, name)
    if kind == "corpus":
        return getattr(site.corpus, name)
    if kind == "call":
        return getattr(site, name)(*(_resolve(site, a, digests) for a in query[2]))
    table = getattr(site, name)
    if kind == "item":
        return table[query[2]]
    if kind == "get":
        return table.get(query[2])
    if kind == "in":
        return query[2] in table
    if kind == "all":
        return table
    raise KeyError(kind)


class _Log:
    def __init__(self, digests: Digests):
        self.digests = digests
        self.queries: dict[tuple, bytes] = {}
        self.repeatable = True

    def note(self, query: tuple, value: Any) -> Any:
        if query not in self.queries:
            self.queries[query] = self.digests.token(value)
        return value


class _Table:
    """A dict of the Site (letters, meetings, topics, documents) whose lookups are noted."""

    def __init__(self, log: _Log, name: str, table: dict):
        self._log, self._name, self._table = log, name, table

    def __getitem__(self, key):
        return self._log.note(("item", self._name, key), self._table[key])

    def get(self, key, default=None):
        value = self._log.note(("get", self._name, key), self._table.get(key))
        return default if value is None else value

    def __contains__(self, key) -> bool:
        return self._log.note(("in", self._name, key), key in self._table)

    def _all(self) -> dict:
        return self._log.note(("all", self._name), self._table)

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def keys(self):
        return self._all().keys()

    def values(self):
        return self._all().values()

    def items(self):
        return self._all().items()


class _Corpus:
    """site.corpus, its fields noted one by one (the home page counts letters; it need not read them)."""

    def __init__(self, log: _Log, corpus):
        self._log, self._corpus = log, corpus

    def __getattr__(self, name):
        return self._log.note(("corpus", name), getattr(self._corpus, name))


class Recording:
    """The Site as one page sees it: every lookup is noted with its answer's digest."""

    def __init__(self, site, log: _Log):
        self._site, self._log = site, log
        self._scratch: dict[str, dict] = {}

    def __getattr__(self, name):
        # Kept on the instance: later reads of the name skip this method (a meeting page reads
        # `site.…` thousands of times).  The answer is noted at the first read, as before.
        found = self.__dict__[name] = self._lookup(name)
        return found

    def _lookup(self, name):
        if name in getattr(self._site, "SCRATCH", ()):
            # A memo the Site fills while pages render (not an input): a recorded page gets its
            # own, so that everything it shows is computed, and noted, by itself.
            return self._scratch.setdefault(name, {})
        value = getattr(self._site, name)
        if name == "corpus":
            return _Corpus(self._log, value)
        if getattr(value, "by_letter", False):
            # A lookup inside one letter (its sections, paragraphs): depends on that letter alone.
            def inside(slug, *args):
                self._log.note(("get", "letters", slug), self._site.letters.get(slug))
                return value(slug, *args)
            return inside
        if callable(value):
            def call(*args):
                try:
                    key = ("call", name, tuple(_reference(a, self._log.digests) for a in args))
                except Unrepeatable:
                    self._log.repeatable = False
                    return value(*args)
                return self._log.note(key, value(*args))
            return call
        if isinstance(value, dict):
            return _Table(self._log, name, value)
        return self._log.note(("attr", name), value)


@dataclass
class Record:
    """What one page was rendered from: the digest of what it was handed, and its lookups."""

    handed: bytes
    queries: dict[tuple, bytes]


@dataclass
class Incremental:
    """One run's choice of pages to render, from the last run's records of the pages still on disk.

    Per page, in the site's order: handed(), then unchanged(); a page that must
    render is rendered through a Recording on a log() and gives its record();
    settle() then files each page's outcome in that order.  Only settle()
    changes the plan, so pages can be rendered elsewhere (forked workers,
    generator/pool.py) and settled here: the same records as one by one.
    """

    previous: dict[str, Record]
    digests: Digests = field(default_factory=Digests)
    kept: list[str] = field(default_factory=list)
    records: dict[str, Record] = field(default_factory=dict)
    _answers: dict = field(default_factory=dict)

    def handed(self, path: str, template: str, meta: dict | None, context: dict) -> bytes:
        """The digest of what the page is handed."""
        # Front matter is plain data: one pickle; context values (letters, meetings) by their digests.
        h = hashlib.sha256(plain_digest((path, template, meta)))
        for name in sorted(context):
            h.update(name.encode() + b"\0" + self.digests(context[name]))
        return h.digest()

    def unchanged(self, site, path: str, handed: bytes) -> bool:
        """True when the page at `path` would come out as last time (it is then not rendered)."""
        record = self.previous.get(path)
        return record is not None and record.handed == handed and self._same_answers(site, record)

    def _same_answers(self, site, record: Record) -> bool:
        for query, token in record.queries.items():
            now = self._answers.get(query, _MISSING)  # many pages ask the same
            if now is _MISSING:
                try:
                    now = self.digests.token(answer(site, query, self.digests))
                except (KeyError, IndexError, AttributeError, TypeError):
                    now = _MISSING
                self._answers[query] = now
            if now is _MISSING or now != token:
                return False
        return True

    def log(self) -> _Log:
        """A fresh log for one page's lookups (render it through Recording(site, log))."""
        return _Log(self.digests)

    @staticmethod
    def record(handed: bytes, log: _Log) -> Record | None:
        """What the page was rendered from; None when a lookup cannot be repeated (it renders every run)."""
        return Record(handed, log.queries) if log.repeatable else None

    def settle(self, path: str, record: Record | None, kept: bool = False) -> None:
        """The page's outcome: kept (its last record holds), or rendered with `record`."""
        if kept:
            self.kept.append(path)
            self.records[path] = self.previous[path]
        elif record is not None:
            self.records[path] = record
