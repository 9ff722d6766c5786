"""A process pool for tests of the fallbacks in generator/pool.py."""
from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool


def breaking_at(n: int) -> type:
    """A ProcessPoolExecutor stand-in whose worker is killed at the n-th item (counted from 0):
    the items before it are done (in this process), then map() raises BrokenProcessPool."""

    class HalfPool:
        def __init__(self, *args, **kwargs):
            pass

        def map(self, fn, items, chunksize=1):
            for k, i in enumerate(items):
                if k == n:
                    raise BrokenProcessPool("a worker was killed")
                yield fn(i)

        def shutdown(self, **kwargs):
            pass

    return HalfPool
