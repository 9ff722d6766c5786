"""Many patterns asked as one: "does any of these match?" in a single regex pass.

The data files keep their patterns as lists (one rule a line, each with its
comment); the cleaner asks of most lines whether any of them matches.  One
alternation answers that in one pass instead of one search per pattern; the
answer is the same, since an alternation matches wherever one of its branches
does.  Patterns that cannot be joined safely (different flags, back
references, a group name used twice) are asked one by one, as before.
"""
from __future__ import annotations

import re
from typing import Callable

# Numbered or named back references would point elsewhere once joined.
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
# (patterns, how) by the id of the tuple, kept with the tuple so the id stays its own.
_JOINED: dict[tuple[int, str], tuple[tuple[re.Pattern, ...], Callable[[str], bool]]] = {}


def any_search(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    """any(p.search(text) for p in patterns)."""
    return _joined(patterns, "search")(text)


def any_match(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    """any(p.match(text) for p in patterns)."""
    return _joined(patterns, "match")(text)


def _joined(patterns: tuple[re.Pattern, ...], how: str) -> Callable[[str], bool]:
    held = _JOINED.get((id(patterns), how))
    if held is None or held[0] is not patterns:
        held = (patterns, _join(patterns, how))
        _JOINED[(id(patterns), how)] = held
    return held[1]


def _join(patterns: tuple[re.Pattern, ...], how: str) -> Callable[[str], bool]:
    flags = {p.flags for p in patterns}
    if len(flags) == 1 and not any(BACKREFERENCE.search(p.pattern) for p in patterns):
        try:
            joined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop())
        except re.error:  # inline flags, or a group name two patterns share
            pass
        else:
            find = getattr(joined, how)
            return lambda text: find(text) is not None
    return lambda text: any(getattr(p, how)(text) for p in patterns)
