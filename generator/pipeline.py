"""The whole pipeline at a glance: read, clean, parse, link, render, write."""
from __future__ import annotations

import functools
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, active, preload_wordlists
from .feed import site_config
from .lexicon import load_lexicon
from .link import Ready, link
from .model import Corpus, Letter, Problem, Source
from .parse import settle_addresses
from .pool import MIN_PARALLEL, parse_entries
from .read import read_seeds
from .references import label
from .incremental import Digests, Incremental
from .render import render
from .write import MANIFEST, WriteReport, write_pages


@dataclass(frozen=True)
class Result:
    sources: tuple[Source, ...]
    corpus: Corpus
    parsed: int = 0  # letters cleaned and parsed in this run; the others came from the cache

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.corpus.problems


def unique_sources(sources: list[Source]) -> tuple[list[Source], list[Problem]]:
    """Usable sources; an unreadable file or a copy of another letter is reported, not used.

    Of copies (same text, maybe other line ends or encoding) the one stored as
    plain UTF-8 is kept, then the first by name: the original, not a re-save.
    """
    problems = [p for s in sources for p in s.problems]
    readable = [s for s in sources if s.text is not None]
    groups: dict[str, list[Source]] = {}
    for s in readable:
        groups.setdefault(s.digest, []).append(s)
    kept = []
    for s in readable:
        group = groups[s.digest]
        best = group[0] if len(group) == 1 else \
            min(group, key=lambda c: (c.path.read_bytes() != c.text.encode("utf-8"), c.name))
        if s is best:
            kept.append(s)
        else:
            problems.append(Problem(s.name, f"zelfde tekst als {best.name}; alleen dat bestand is gebruikt"))
    return kept, problems


def same_documents(letters: list[Letter]) -> list[Problem]:
    """Letters with one own Kamerstuk number: the same letter saved twice (from tweedekamer.nl and
    OpenTK, a PDF and a saved page), or a number misread.  Both stay on the site, each file read and
    shown as it is; the editor is told, since a meeting's page then shows the letter twice."""
    first: dict[str, Letter] = {}
    problems: list[Problem] = []
    for letter in letters:
        if letter.kamerstuk is None or not letter.kamerstuk.key:
            continue
        held = first.setdefault(letter.kamerstuk.key, letter)
        if held is not letter:
            problems.append(Problem(letter.source, f"zelfde Kamerstuknummer ({label(letter.kamerstuk)}) als "
                                                   f"{held.source}: twee opslagen van één brief? Houd er één over "
                                                   "in seeds/, anders staat de brief twee keer bij de vergadering"))
    return problems


def _seed_count(seeds: Path) -> int:
    """The number of files in the seeds folder, before they are read (0 if it cannot be listed)."""
    try:
        return len(os.listdir(seeds))
    except OSError:
        return 0


def build_corpus(seeds: Path, cache: Path | None = None, store: Cache | None = None, warm: bool = False) -> Result:
    """Read, clean, parse and link; with a `cache` folder, unchanged letters are not parsed again.
    `warm`: as if the first letter had been saved unchanged (see warm_up)."""
    store = store or (Cache(cache) if cache else None)
    with active(store):
        if store and _seed_count(seeds) >= MIN_PARALLEL:
            preload_wordlists(store.folder)  # on a cold cache, read while this process reads the letters
        sources, problems = read_seeds(seeds)
        usable, more = unique_sources(sources)
        problems += more
        lexicon = store.lexicon(usable) if store else load_lexicon(s.text for s in usable)
        letters: list[Letter] = []
        ready = Ready()  # link work on each newly parsed letter: in the worker that parsed it, or here
        # Letters the cache holds are taken from it; the others are cleaned and parsed, on all cores.
        hits = [store.lookup(s.name, s.parse_key, lexicon) if store else None for s in usable]
        if warm and hits:
            hits[0] = None  # parsed again: the same entry is stored
        fresh = iter(parse_entries([s for s, hit in zip(usable, hits) if hit is None], lexicon, ready.work))
        for source, hit in zip(usable, hits):
            if hit is not None:
                entry, letter = hit[1], store.use(hit)
            else:
                entry, data, done, journal = next(fresh)
                if store:
                    store.merge(journal)
                if store and "error" in entry:
                    store.misses += 1  # parsed, but not stored: the next run tries it again
                    letter = None
                else:
                    letter = store.keep(source.name, source.parse_key, entry, data) if store else entry["result"]
                    if store and data is not None:
                        store.store_words()  # a worker made this letter: the pool runs, this process has time
                    if letter is not None:
                        ready.add(letter, done)
            if letter is None:
                problems.append(Problem(source.name, f"kon niet worden verwerkt door een fout in de generator "
                                        f"({entry['error']}); meld dit met het bestand erbij"
                                        if entry.get("error") else "geen brieftekst gevonden", level="error"))
                continue
            letters.append(letter)
            problems += letter.problems
        problems += same_documents(letters)
        parsed_letters = letters
        letters, more = settle_addresses(letters, {s.name: s.digest for s in usable})
        problems += more
        parsed = store.misses if store else len(usable)
        linker = functools.partial(link, ready=ready)
        if store:
            # Each letter's parse entry, by the letter object settle_addresses gave (maybe a readdressed
            # copy): the cache then gives link() the link work of letters unchanged since an earlier run.
            sealed = store.sealed()
            seals = {id(new): (new, sealed[id(old)][1]) for old, new in zip(parsed_letters, letters, strict=True)
                     if id(old) in sealed and sealed[id(old)][0] is old}

            def linker(letters: list[Letter], problems: list[Problem]) -> Corpus:
                store.link_work(letters, seals, ready)  # only when the link result is not kept whole
                return link(letters, problems, ready=ready)
        corpus = store.link(letters, problems, linker, again=warm) if store else linker(letters, problems)
        return Result(tuple(usable), corpus, parsed)


@contextmanager
def collector_paused():
    """Python's cyclic collector off for one run (as it was before, after).  A run builds a large
    corpus of long-lived objects and makes almost no cyclic garbage (a few hundred objects at
    1,000 letters); each full pass of the collector over the corpus cost a tenth of a second or
    more in the main process, much of it while the workers waited.  Forked workers inherit it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def build_site(seeds: Path, docs: Path, cache: Path | None = None, warm: bool = False) -> tuple[Result, WriteReport]:
    """Build the corpus and write its pages; with a cache, a run where nothing changed renders nothing.
    `warm`: as if the first letter had been saved unchanged (see warm_up)."""
    with collector_paused():
        return _build_site(seeds, docs, cache, warm)


def warm_up(seeds: Path, docs: Path, cache: Path) -> None:
    """A long-lived process (`make serve`) loads now what the first regeneration after an edit
    would otherwise load then: a run that found nothing changed loaded almost nothing (the parser's
    rules and word lists, each letter's link work, the page records), and the first saved letter
    took a second longer than the next.  So: a run as if the first letter had been saved unchanged.
    It parses and links it again, checks every page, and writes nothing (the pages come out the same)."""
    build_site(seeds, docs, cache, warm=True)


def _build_site(seeds: Path, docs: Path, cache: Path | None, warm: bool = False) -> tuple[Result, WriteReport]:
    store = Cache(cache) if cache else None
    result = build_corpus(seeds, store=store, warm=warm)
    if store is None:
        return result, write_pages(render(result.corpus, list(result.sources)), docs)
    key = store.site_key(result.sources, docs, repr(sorted(site_config().items())))
    unchanged = None if warm else store.site_unchanged(key, docs)
    if unchanged is not None:
        return result, WriteReport((), unchanged, ())
    # Only the pages whose inputs changed are rendered; the others stay as the last run wrote them.
    render_key = store.render_key(repr(sorted(site_config().items())))
    plan = Incremental(store.page_records(docs, render_key), Digests(store.sealed()))
    pages = render(result.corpus, list(result.sources), cache, plan, docs)  # workers write what they render
    report = write_pages(pages, docs, plan.kept)
    store.remember_pages(docs, render_key, plan.records)
    store.remember_site(key, docs, [p.path for p in pages] + plan.kept + [MANIFEST])
    return result, report
