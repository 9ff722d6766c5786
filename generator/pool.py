"""Clean and parse the letters that need it, on all of the machine's cores.

Each letter is cleaned and parsed on its own (the word lists and corpus
counts are read, never changed), so letters can be parsed in worker
processes.  The workers are forked once the lexicon is loaded, so they
inherit it instead of loading it again; each sends back its letter as the
cache entry it will be stored as, and the results come back in the letters'
order: the same letters, problems and cache entries as one by one.  Small
batches, a machine without fork and a process that runs threads (a fork
would copy their locks in whatever state they are) parse one by one.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from .cache import active
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
# What forked workers inherit: the letters to parse and the lexicon, set only while the pool runs.
_WORK: tuple[list[Source], Lexicon] | None = None


def clean_and_parse(source: Source, lexicon: Lexicon) -> Letter | None:
    return parse(clean(source.name, source.text, lexicon), source)


def parse_entries(sources: list[Source], lexicon: Lexicon) -> Iterator[tuple[dict, bytes | None]]:
    """Per source, in order: its cache entry ({"result": letter, "corpus": counts asked}) and, when a
    worker made it, the entry's pickled bytes (so the cache stores them without pickling again).
    Entries come as they are ready: the caller stores one while the workers parse the next."""
    workers = _workers()
    if len(sources) < MIN_PARALLEL or workers < 2:
        yield from ((_entry(s, lexicon), None) for s in sources)
        return
    global _WORK
    # The first letter in this process: it loads whatever the cleaner and parser load lazily
    # (rules, patterns), and the lexicon is loaded in full, so that no worker does either again.
    yield _entry(sources[0], lexicon), None
    lexicon.dutch, lexicon.english, lexicon.corpus  # noqa: B018 (loads them)
    done, last = 1, None  # sources[:done] are yielded, or held in `last`
    _WORK = (sources, lexicon)
    gc.freeze()  # the workers' collections then leave the inherited objects alone (and their pages shared)
    pool = None
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        for data in pool.map(_work, range(1, len(sources)), chunksize=max(1, len(sources) // (workers * 8))):
            if last is not None:
                yield last
            last, done = (pickle.loads(data), data), done + 1
    except (OSError, NotImplementedError, BrokenProcessPool):
        pass  # no process pool here (no semaphores in a sandbox, a worker killed): the rest one by one
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        _WORK = None
        gc.unfreeze()
    if last is not None:  # the last one only now: the pool is shut down before the caller moves on
        yield last
    yield from ((_entry(s, lexicon), None) for s in sources[done:])


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


def _work(i: int) -> bytes:
    sources, lexicon = _WORK
    with active(None):  # the parent's cache is the parent's to write
        entry = _entry(sources[i], lexicon)
    return pickle.dumps(entry, protocol=5)  # as Cache.keep() pickles it


def _workers() -> int:
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
