"""Reading Pagefind's index files (CBOR, behind a "pagefind_dcd" marker): shared by the tests and the benchmark."""
from __future__ import annotations


def cbor(data: bytes, at: int = 0):
    """Decode one CBOR item (the subset Pagefind writes); returns (value, next offset)."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        n = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        n = int.from_bytes(data[at:at + size], "big")
        at += size
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major in (2, 3):
        raw = data[at:at + n]
        return (raw if major == 2 else raw.decode("utf-8")), at + n
    if major in (4, 5):
        items = []
        for _ in range(n * (2 if major == 5 else 1)):
            item, at = cbor(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR major type {major} not expected in a Pagefind filter file")
