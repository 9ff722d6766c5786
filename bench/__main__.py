"""python -m bench [--sizes 10,100,1000]: build corpora of N letters and measure.

Per N: the generator (time, letters per second, peak memory), MkDocs with the
Pagefind hook (time, peak memory), pages written, site size, the bytes a
browser downloads for one search, and what one changed letter rewrites.  Each
figure is printed beside its target.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from .corpus import ROOT, make_corpus

sys.path.insert(0, str(ROOT / "tests"))
from pagefind_files import cbor  # noqa: E402  (shared with tests/test_determinism.py)
from sitebuild import prepare  # noqa: E402  (one way to set up a scratch project, shared with the tests)

OUT = ROOT / "bench" / "out"
# Typical queries: a word every letter has, a plural, an acronym.
QUERIES = ["oekraine", "drones", "iamd"]
RESULTS_SHOWN = 10  # docs/javascripts/zoeken.js loads ten results' fragments per step
TARGET_GEN_SHARE = 0.10
TARGET_END_TO_END_1000 = 120.0
TARGET_SEARCH_1000 = 500 * 1024


@dataclass
class Run:
    seconds: float
    peak_kib: int
    returncode: int
    stdout: str
    stderr: str


def timed(args: list[str], cwd: Path) -> Run:
    """Run a child process; wall time and its peak resident memory (with its own children, e.g. Pagefind)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1767225600")
    out, err = cwd / ".bench-stdout", cwd / ".bench-stderr"
    with out.open("w") as o, err.open("w") as e:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=o, stderr=e)
        # wait4 gives this child's rusage alone: getrusage(RUSAGE_CHILDREN) would be the max over all runs.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    run = Run(seconds, usage.ru_maxrss, proc.returncode, out.read_text(), err.read_text())
    out.unlink()
    err.unlink()
    return run


def generator(root: Path) -> Run:
    return timed([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--docs", "docs"], root)


def mkdocs(root: Path) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"], root)


def written(run: Run) -> int:
    m = re.search(r"(\d+) pagina's geschreven", run.stdout)
    return int(m.group(1)) if m else -1


# --- search download, from the files --------------------------------------------------


def gz(path: Path) -> int:
    """Bytes on the wire: GitHub Pages gzips text; Pagefind's own files are gzip already."""
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


@dataclass
class Search:
    engine: str
    runtime: int = 0  # loaded once: scripts, wasm, entry, meta
    chunk: int = 0  # index chunk(s) for a typical query
    fragments: int = 0  # the shown results' fragments
    worst: int = 0  # largest chunk + the largest fragments
    notes: list[str] = field(default_factory=list)

    @property
    def typical(self) -> int:
        return self.runtime + self.chunk + self.fragments


def search_bytes(site: Path) -> Search:
    pf = site / "pagefind"
    if not (pf / "pagefind.js").exists():
        index = site / "search" / "search_index.json"
        s = Search("lunr")
        if index.exists():
            worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"), None)
            s.runtime = gz(index) + (gz(worker) if worker else 0)
            s.worst = s.runtime
        s.notes.append("no Pagefind bundle: lunr's whole index")
        return s
    entry = json.loads((pf / "pagefind-entry.json").read_text(encoding="utf-8"))
    lang, info = next(iter(entry["languages"].items()))
    meta_path = pf / f"pagefind.{info['hash']}.pf_meta"
    meta = cbor(gzip.decompress(meta_path.read_bytes()), len(b"pagefind_dcd"))[0]
    chunks = meta[2]  # [from word, to word, hash]
    s = Search("pagefind")
    wasm = pf / f"wasm.{info.get('wasm') or 'unknown'}.pagefind"
    for f in (pf / "pagefind.js", pf / "pagefind-worker.js", pf / "pagefind-entry.json", meta_path, wasm):
        if f.exists():
            s.runtime += gz(f)
    sizes = {h: gz(pf / "index" / f"{h}.pf_index") for _, _, h in chunks}
    per_query = []
    for q in QUERIES:
        hit = next((h for lo, hi, h in chunks if lo <= q <= hi), chunks[-1][2])
        per_query.append(sizes[hit])
    s.chunk = int(median(per_query))
    fragments = sorted(gz(f) for f in (pf / "fragment").glob("*.pf_fragment"))
    shown = min(RESULTS_SHOWN, len(fragments))
    s.fragments = int(median(fragments)) * shown if fragments else 0
    s.worst = s.runtime + max(sizes.values()) + sum(fragments[-shown:])
    s.notes.append(f"{len(chunks)} index chunks, {len(fragments)} fragments")
    return s


# --- one changed letter ---------------------------------------------------------------


def change_one_letter(root: Path) -> tuple[int, int, list[str]]:
    """Change a sentence in one letter and regenerate: (pages rewritten, of which not showing it, total pages)."""
    docs = root / "docs"
    pages = json.loads((docs / ".generated.json").read_text(encoding="utf-8"))
    seed = sorted((root / "seeds").glob("*_001_*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    changed = text.replace("twee werksessies", "drie werksessies", 1)
    assert changed != text, f"nothing to change in {seed.name}"
    slug = next(p for p in pages if re.fullmatch(r"brieven/[^/]+\.md", p)
                and f"bronnen/{seed.name}" in (docs / p).read_text(encoding="utf-8")).removeprefix("brieven/")[:-3]
    before = {p: (docs / p).stat().st_mtime_ns for p in pages}
    seed.write_text(changed, encoding="utf-8")
    run = generator(root)
    touched = [p for p in pages if (docs / p).stat().st_mtime_ns != before[p]]
    unrelated = [p for p in touched if not (p.startswith(f"brieven/{slug}") or p == f"bronnen/{seed.name}"
                                            or f"brieven/{slug}" in (docs / p).read_text(encoding="utf-8", errors="replace"))]
    assert written(run) == len(touched), (written(run), touched)
    return len(touched), len(pages), unrelated


# --- the benchmark -----------------------------------------------------------------------


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MiB"


def ok(flag: bool) -> str:
    return "ok" if flag else "MISSED"


def bench(n: int) -> dict:
    work = OUT / str(n)
    if work.exists():
        shutil.rmtree(work)
    seeds = make_corpus(n, work / "seeds")
    root = prepare(work, seeds)
    gen = generator(root)
    if gen.returncode:
        raise SystemExit(f"generator failed at N={n}:\n{gen.stderr[-3000:]}")
    site = mkdocs(root)
    if site.returncode:
        raise SystemExit(f"mkdocs failed at N={n}:\n{site.stderr[-3000:]}")
    total, html = size_of(root / "site")
    search = search_bytes(root / "site")
    touched, pages, unrelated = change_one_letter(root)
    return {"n": n, "gen": gen, "site": site, "written": written(gen), "html": html, "total": total,
            "search": search, "touched": touched, "pages": pages, "unrelated": unrelated}


def report(r: dict) -> None:
    n, gen, site, search = r["n"], r["gen"], r["site"], r["search"]
    whole = gen.seconds + site.seconds
    share = gen.seconds / whole
    print(f"\nN = {n} letters   (bench/out/{n})")
    rows = [
        ("generator", f"{gen.seconds:8.1f} s", f"{n / gen.seconds:,.1f} letters/s, peak {gen.peak_kib / 1024:,.0f} MiB"),
        ("MkDocs + Pagefind", f"{site.seconds:8.1f} s", f"peak {site.peak_kib / 1024:,.0f} MiB"),
        ("end to end", f"{whole:8.1f} s",
         f"target < {TARGET_END_TO_END_1000:.0f} s at 1,000 letters" + (f": {ok(whole < TARGET_END_TO_END_1000)}" if n >= 1000 else "")),
        ("generator share", f"{share:8.1%}", f"target <= {TARGET_GEN_SHARE:.0%}: {ok(share <= TARGET_GEN_SHARE)}"),
        ("pages written", f"{r['written']:8,}", f"{r['html']:,} HTML pages in site/"),
        ("site size", f"{kib(r['total']):>10}", ""),
        (f"one search ({search.engine})", f"{kib(search.typical):>10}",
         f"runtime {kib(search.runtime)} + index {kib(search.chunk)} + {RESULTS_SHOWN} fragments {kib(search.fragments)}; "
         f"worst {kib(search.worst)}; target < {TARGET_SEARCH_1000 // 1024} KiB at 1,000 letters"
         + (f": {ok(search.typical < TARGET_SEARCH_1000)}" if n >= 1000 else "") + f" ({'; '.join(search.notes)})"),
        ("one letter changed", f"{r['touched']:8,}",
         f"pages rewritten of {r['pages']:,}; all show that letter: {ok(not r['unrelated'])}"
         + (f" (unrelated: {r['unrelated'][:5]})" if r["unrelated"] else "")),
    ]
    for name, value, note in rows:
        print(f"  {name:<24}{value:>12}   {note}")


def summary(results: list[dict]) -> None:
    print("\nSummary")
    head = f"  {'N':>6} {'gen s':>8} {'letters/s':>10} {'mkdocs s':>9} {'total s':>8} {'gen %':>6} {'pages':>7} " \
           f"{'site':>10} {'search':>10} {'gen MiB':>8} {'mkdocs MiB':>11} {'rewritten':>10}"
    print(head)
    for r in results:
        g, s = r["gen"], r["site"]
        print(f"  {r['n']:>6} {g.seconds:>8.1f} {r['n'] / g.seconds:>10.1f} {s.seconds:>9.1f} {g.seconds + s.seconds:>8.1f} "
              f"{g.seconds / (g.seconds + s.seconds):>6.0%} {r['written']:>7,} {kib(r['total']):>10} "
              f"{kib(r['search'].typical):>10} {g.peak_kib / 1024:>8.0f} {s.peak_kib / 1024:>11.0f} {r['touched']:>10}")


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="comma-separated corpus sizes (letters)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"Benchmark on {os.cpu_count()} CPU(s); corpora and sites in {OUT.relative_to(ROOT)}/")
    results = []
    for n in sizes:
        results.append(bench(n))
        report(results[-1])
    summary(results)


if __name__ == "__main__":
    main()
