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
from typing import Any, Callable

# Numbered or named back references would point elsewhere once joined.
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
# Values derived from an object, by its id and kept with it so that the id stays its own:
# a tuple of patterns or a topic hashes slowly (or not at all), and is asked of every line.
_DERIVED: dict[tuple[int, str], tuple[object, Any]] = {}


def derived(obj: object, kind: str, make: Callable[[Any, str], Any]) -> Any:
    """make(obj, kind), computed once per object and kind."""
    held = _DERIVED.get((id(obj), kind))
    if held is None or held[0] is not obj:
        held = _DERIVED[(id(obj), kind)] = (obj, make(obj, kind))
    return held[1]


# The joined patterns by id, as derived() keeps them; asked of most lines, so looked up in one step.
_SEARCH: dict[int, tuple[object, Callable[[str], bool]]] = {}
_MATCH: dict[int, tuple[object, Callable[[str], bool]]] = {}


def any_search(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    """any(p.search(text) for p in patterns)."""
    held = _SEARCH.get(id(patterns))
    if held is None or held[0] is not patterns:
        held = _SEARCH[id(patterns)] = (patterns, _joined(patterns, "search"))
    return held[1](text)


def any_match(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    """any(p.match(text) for p in patterns)."""
    held = _MATCH.get(id(patterns))
    if held is None or held[0] is not patterns:
        held = _MATCH[id(patterns)] = (patterns, _joined(patterns, "match"))
    return held[1](text)


def _joined(patterns: tuple[re.Pattern, ...], how: str) -> Callable[[str], bool]:
    return derived(patterns, how, _join)


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
