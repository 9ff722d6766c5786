"""Work spread over all of the machine's cores: cleaning and parsing letters,
rendering pages (generator/render.py).

Each letter is cleaned and parsed on its own (the word lists and corpus
counts are read, never changed), so letters can be parsed in worker
processes.  The workers are forked once the lexicon is loaded, so they
inherit it instead of loading it again; each sends back its letter as the
cache entry it will be stored as, with the link stage's work on that one
letter (its topics and cited places), and the results come back in the
letters' order: the same letters, problems and cache entries as one by one.
Pages are spread the same way (in_workers).  Small batches, a machine without
fork and a process that runs threads (a fork would copy their locks in
whatever state they are) work one by one.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from typing import Callable, Iterator, NamedTuple, TypeVar

from .cache import active, current
from .clean import clean
from .glossary import AbbreviationListError
from .knowledge import DataFileError
from .lexicon import Lexicon
from .model import Letter, Source
from .parse import parse
from .topics import TaxonomyError

# A broken data file: it stops the whole run (exit 2), it is not one letter's failure.
DATA_ERRORS = (DataFileError, TaxonomyError, AbbreviationListError)
MIN_PARALLEL = 50  # below this many letters, starting the workers costs more than it saves
MIN_PARALLEL_PAGES = 200  # the same for pages to render (generator/render.py): a page costs about 1 ms
# What forked workers run (in_workers): set only while a pool runs, inherited by the fork.
_TASK: Callable[[int], object] | None = None
T = TypeVar("T")


def clean_and_parse(source: Source, lexicon: Lexicon) -> Letter | None:
    return parse(clean(source.name, source.text, lexicon), source)


class Parsed(NamedTuple):
    entry: dict  # the cache entry: {"result": letter, "corpus": counts asked}
    data: bytes | None  # the entry pickled, when a worker made it (the cache stores it without pickling again)
    after: object = None  # after(letter), when a worker computed it
    journal: tuple = ()  # the memo results the worker used and computed for it (Cache.merge)


def parse_entries(sources: list[Source], lexicon: Lexicon,
                  after: Callable[[Letter], object] | None = None) -> Iterator[Parsed]:
    """Per source, in order, what parsing it gave.  Entries come as they are ready: the caller stores
    one while the workers parse the next.  `after`: further work on each letter, pure (the link
    stage's work on one letter), which a worker does right after parsing; the caller does it for
    the letters parsed in its own process (Parsed.after is None)."""
    if len(sources) < MIN_PARALLEL or workers() < 2:
        yield from (Parsed(_entry(s, lexicon), None) for s in sources)
        return
    # The first letter in this process: it loads whatever the cleaner and parser load lazily
    # (rules, patterns), and the lexicon is loaded in full, so that no worker does either again.
    # The caller's work on it (`after`) loads what that needs, before the workers are forked.
    yield Parsed(_entry(sources[0], lexicon), None)
    lexicon.dutch, lexicon.english, lexicon.corpus  # noqa: B018 (loads them)
    done = 1  # sources[:done] are yielded
    for i, (data, more) in in_workers(lambda i: _work(sources[i], lexicon, after), len(sources), start=1):
        yield Parsed(pickle.loads(data), data, *(pickle.loads(more) if more is not None else ()))
        done = i + 1
    yield from (Parsed(_entry(s, lexicon), None) for s in sources[done:])


def in_workers(task: Callable[[int], T], count: int, start: int = 0) -> Iterator[tuple[int, T]]:
    """(i, task(i)) for i in range(start, count), in order, each computed in a forked worker.

    The workers inherit everything `task` reads (forked after it is ready);
    only the indices go out, and the results come back pickled.  Without a
    process pool (no semaphores in a sandbox) or when a worker dies, it stops
    early without raising: the caller does the indices after the last one
    yielded itself.  An exception `task` raises in a worker is raised here.
    """
    global _TASK
    n = workers()
    last = None
    _TASK = task
    gc.freeze()  # the workers' collections then leave the inherited objects alone (and their pages shared)
    pool = None
    try:
        pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork"))
        chunk = max(1, (count - start) // (n * 32))  # small: the last chunks leave no worker long idle
        for i, value in zip(range(start, count), pool.map(_call, range(start, count), chunksize=chunk)):
            if last is not None:
                yield last
            last = (i, value)
    except (OSError, NotImplementedError, BrokenProcessPool):
        pass  # no process pool here, or a worker was killed: the caller does the rest in its process
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        _TASK = None
        gc.unfreeze()
    if last is not None:  # the last one only now: the pool is shut down before the caller moves on
        yield last


def _call(i: int):
    return _TASK(i)


def _entry(source: Source, lexicon: Lexicon) -> dict:
    """The cache entry of one letter.  A letter that trips a bug in the cleaner or parser gets an
    entry with the error instead: it is reported by name and the other letters are still built
    (never stored in the cache: the next run tries it again)."""
    with lexicon.record() as asked:
        try:
            letter = clean_and_parse(source, lexicon)
        except DATA_ERRORS:
            raise  # a broken data file stops the whole build (exit 2), as before
        except Exception as exc:  # noqa: BLE001 (one letter's bug must not cost the others their pages)
            return {"result": None, "corpus": dict(asked), "error": f"{type(exc).__name__}: {exc}"}
    return {"result": letter, "corpus": dict(asked)}


def _work(source: Source, lexicon: Lexicon, after: Callable[[Letter], object] | None) -> tuple[bytes, bytes | None]:
    with active(None):  # the parent's cache is the parent's to write
        entry = _entry(source, lexicon)
    data = pickle.dumps(entry, protocol=5)  # as Cache.keep() pickles it
    if after is None or entry.get("result") is None:
        return data, None
    # The inherited cache answers memoized calls; what they add goes back in the journal.
    cache = current()
    with cache.journal() if cache is not None else nullcontext([]) as journal:
        done = after(entry["result"])
    return data, pickle.dumps((done, tuple(journal)), protocol=5)


def workers() -> int:
    """Worker processes to use: the cores this process may run on; 1 (no workers) without fork
    or while threads run."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
