"""What one big letter costs: `python tests/measure_big_letter.py 1 5` (sizes in MB).

Builds the seeds plus one letter of N MB (seed paragraphs under numbered
headings, tests/badseeds.py) in a scratch project and prints the generator's
and MkDocs' (with Pagefind) wall time and the size of docs/ and site/.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import badseeds  # noqa: E402
from sitebuild import ROOT, generate, mkdocs_build, prepare  # noqa: E402


def size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def measure(mb: int, work: Path) -> str:
    seeds = work / "seeds"
    seeds.mkdir(parents=True)
    for p in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(p, seeds / p.name)
    (seeds / "groot.txt").write_text(badseeds.big_letter(mb * 1_000_000), encoding="utf-8")
    root = prepare(work / "w", seeds)
    start = time.monotonic()
    gen = generate(root)
    middle = time.monotonic()
    site = mkdocs_build(root)
    end = time.monotonic()
    return (f"| {mb} MB | {middle - start:.1f} s | {end - middle:.1f} s | {size(root / 'docs'):.1f} MiB "
            f"| {size(root / 'site'):.1f} MiB |" + ("" if gen.returncode == site.returncode == 0 else " (failed)"))


if __name__ == "__main__":
    print("| letter | generator | MkDocs + Pagefind | docs/ | site/ |\n|---:|---:|---:|---:|---:|")
    for arg in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as tmp:
            print(measure(int(arg), Path(tmp)), flush=True)
