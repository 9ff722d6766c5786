"""Plain text: decoded by read.py's decode(), as every letter was before readers."""
from __future__ import annotations

from pathlib import Path

from ..model import Source
from . import register


@register(".txt", "")
def read_txt(path: Path, name: str) -> Source:
    from ..read import read_text  # read.py dispatches to readers: imported here, not at the top
    return read_text(path, name)
