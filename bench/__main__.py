"""python -m bench [--sizes 10,100,1000]: build corpora of N letters and measure.

Per N, all in one run: the generator cold and warm (nothing changed: every
letter from the parse cache), MkDocs with the Pagefind hook, and a bare
Material build of the letter pages alone (same theme and Markdown
extensions, small navigation, no hooks, no Pagefind) as the yardstick; peak
memory; the largest page of each kind; the feed; the bytes a browser
downloads for one search; what one changed letter rewrites; and the live
preview: `mkdocs serve --dirty` with the project's hooks, from the write of
a letter to its new text being served.  Each figure is printed beside its
target (issue 16).
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

import yaml

from generator.feed import site_config

from .corpus import ROOT, make_corpus
from .preview import measure as measure_preview

sys.path.insert(0, str(ROOT / "tests"))
from pagefind_files import cbor  # noqa: E402  (shared with tests/test_determinism.py)
from sitebuild import prepare  # noqa: E402  (one way to set up a scratch project, shared with the tests)

OUT = ROOT / "bench" / "out"
# An earlier run's files are moved here and deleted after the measurements, not before them: this
# machine's ext4 runs without a journal, and then ext4 will not reuse an inode freed in the last one
# to five minutes (recently_deleted() in find_inode_bit).  Every file created soon after a large
# delete scans past all of them: after removing an earlier 1,000-letter run, creating a page and its
# folder took about 1.5 ms of kernel time instead of 0.1 ms, and the project creates some 12,000
# files against the yardstick's 1,000.
TRASH = OUT / ".trash"
# Typical queries: a word every letter has, a plural, an acronym.
QUERIES = ["oekraine", "drones", "iamd"]
RESULTS_SHOWN = 10  # docs/javascripts/zoeken.js loads ten results' fragments per step
TARGET_GEN_SHARE = 0.10
TARGET_VS_BARE = 1.5  # end to end against the bare build of the letter pages
TARGET_WARM = 3.0  # seconds, generator with nothing changed
TARGET_PAGE = 500 * 1000  # bytes of HTML, any page
TARGET_HOME = 200 * 1000
TARGET_SEARCH_1000 = 250 * 1024
TARGET_PREVIEW = 5.0  # seconds from saving a letter to its new text being served
TARGET_MEMORY_GROWTH = 10.0  # peak at 1,000 letters against the peak at 100


@dataclass
class Run:
    seconds: float
    peak_kib: int
    kernel: float  # seconds of system time, with its own children: mostly creating files
    cpu: float  # seconds of CPU (user and system), with its own children: what two cores share
    returncode: int
    stdout: str
    stderr: str


def child_env() -> dict:
    """What every measured process runs with: this project's generator, a fixed build time."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1767225600")


def timed(args: list[str], cwd: Path) -> Run:
    """Run a child process; wall time and its peak resident memory (with its own children, e.g. Pagefind)."""
    env = child_env()
    out, err = cwd / ".bench-stdout", cwd / ".bench-stderr"
    with out.open("w") as o, err.open("w") as e:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=o, stderr=e)
        # wait4 gives this child's rusage alone: getrusage(RUSAGE_CHILDREN) would be the max over all runs.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    run = Run(seconds, usage.ru_maxrss, usage.ru_stime, usage.ru_utime + usage.ru_stime, proc.returncode,
              out.read_text(), err.read_text())
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


def change_one_letter(root: Path) -> tuple[int, int, list[str], Run]:
    """Change a sentence in one letter and regenerate: (pages rewritten, total pages, those not showing it, the run)."""
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
    return len(touched), len(pages), unrelated, run


# --- the yardstick: a bare Material build of the letter pages ---------------------------


def bare_project(root: Path, work: Path) -> Path:
    """The letter pages alone under Material: same theme and Markdown extensions, no hooks, no plugins."""
    bare = work / "bare"
    set_aside(bare)
    shutil.copytree(root / "docs" / "brieven", bare / "docs" / "brieven")
    (bare / "docs" / "index.md").write_text("# Brieven\n", encoding="utf-8")
    config = site_config(root / "mkdocs.yml")
    bare_config = {
        "site_name": "Kale bouw", "site_url": config.get("site_url"),
        "theme": {"name": "material", "language": "nl", "font": False},
        "nav": [{"Start": "index.md"}], "not_in_nav": "/brieven/**",
        "markdown_extensions": config.get("markdown_extensions", []),
        "validation": {k: "ignore" for k in ("omitted_files", "absolute_links", "unrecognized_links", "anchors")},
    }
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(bare_config, allow_unicode=True), encoding="utf-8")
    return bare


# --- page weights ------------------------------------------------------------------------


def page_kind(rel: str) -> str:
    parts = rel.split("/")[:-1]  # without index.html
    if not parts:
        return "home"
    if len(parts) == 1:
        return "index" if parts[0] in ("brieven", "vergaderingen", "onderwerpen", "kamerstukken", "dossiers",
                                       "bewindspersonen") \
            else parts[0]
    if len(parts) == 3 and parts[1] == "jaar":
        return "year index"
    return {"brieven": "letter", "vergaderingen": "meeting", "onderwerpen": "topic", "kamerstukken": "document",
            "dossiers": "dossier", "bewindspersonen": "person"}.get(parts[0], parts[0])


def page_weights(site: Path) -> dict[str, tuple[int, str]]:
    """Largest HTML page per kind: {kind: (bytes, path)}."""
    largest: dict[str, tuple[int, str]] = {}
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("pagefind/", "assets/")):
            continue
        kind, size = page_kind(rel), path.stat().st_size
        if size > largest.get(kind, (0, ""))[0]:
            largest[kind] = (size, rel)
    return dict(sorted(largest.items()))


# --- the benchmark -----------------------------------------------------------------------


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MiB"


def ok(flag: bool) -> str:
    return "ok" if flag else "MISSED"


def letter_page_of(root: Path, seed: Path) -> str:
    docs = root / "docs"
    pages = json.loads((docs / ".generated.json").read_text(encoding="utf-8"))
    path = next(p for p in pages if re.fullmatch(r"brieven/[^/]+\.md", p)
                and f"bronnen/{seed.name}" in (docs / p).read_text(encoding="utf-8"))
    return path.removesuffix(".md") + "/"


def set_aside(path: Path) -> None:
    """An earlier run's folder out of the way, without deleting a file (see TRASH)."""
    if path.exists():
        TRASH.mkdir(parents=True, exist_ok=True)
        path.rename(TRASH / f"{path.name}-{time.time_ns()}")


def creation_cost(count: int = 400) -> float:
    """Microseconds to create a folder with one page in it, as MkDocs writes a page, here and now."""
    probe = OUT / ".probe"
    set_aside(probe)
    probe.mkdir(parents=True)
    start = time.perf_counter()
    for i in range(count):
        (probe / str(i)).mkdir()
        (probe / str(i) / "index.html").write_bytes(b"<p>")
    seconds = time.perf_counter() - start
    set_aside(probe)
    return seconds / count * 1e6


def bench(n: int) -> dict:
    work = OUT / str(n)
    set_aside(work)
    creation = creation_cost()
    seeds = make_corpus(n, work / "seeds")
    root = prepare(work, seeds)
    gen = generator(root)
    if gen.returncode:
        raise SystemExit(f"generator failed at N={n}:\n{gen.stderr[-3000:]}")
    warm = generator(root)
    site = mkdocs(root)
    if site.returncode:
        raise SystemExit(f"mkdocs failed at N={n}:\n{site.stderr[-3000:]}")
    bare_root = bare_project(root, work)
    bare = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], bare_root)
    if bare.returncode:
        raise SystemExit(f"bare mkdocs failed at N={n}:\n{bare.stderr[-3000:]}")
    total, html = size_of(root / "site")
    search = search_bytes(root / "site")
    weights = page_weights(root / "site")
    feed = (root / "site" / "feed.xml").stat().st_size if (root / "site" / "feed.xml").exists() else 0
    touched, pages, unrelated, incremental = change_one_letter(root)
    return {"n": n, "root": root, "creation": creation, "gen": gen, "warm": warm, "site": site, "bare": bare,
            "written": written(gen), "html": html, "total": total, "search": search, "weights": weights, "feed": feed,
            "touched": touched, "pages": pages, "unrelated": unrelated, "incremental": incremental, "live": None}


def live_preview(root: Path):
    """The live preview of a project the bench built.  Run after every size's builds: `mkdocs serve`
    deletes its temporary site when it stops, which would slow the next size's builds (see TRASH)."""
    seed = sorted((root / "seeds").glob("*_001_*.txt"))[0]
    return measure_preview(root, seed, letter_page_of(root, seed), env=child_env())


def report(r: dict) -> None:
    n, gen, site, search, bare = r["n"], r["gen"], r["site"], r["search"], r["bare"]
    whole = gen.seconds + site.seconds
    share = gen.seconds / whole
    big = n >= 1000
    at = lambda flag: f": {ok(flag)}" if big else " (at 1,000 letters)"
    peak = max(gen.peak_kib, site.peak_kib)
    print(f"\nN = {n} letters   (bench/out/{n}; creating a folder and a page took {r['creation']:,.0f} µs "
          f"before the run)")
    rows = [
        ("generator, cold", f"{gen.seconds:8.1f} s", f"{n / gen.seconds:,.1f} letters/s, peak {gen.peak_kib / 1024:,.0f} MiB, CPU {gen.cpu:.1f} s "
                                                     f"(kernel {gen.kernel:.1f} s)"),
        ("generator, warm", f"{r['warm'].seconds:8.1f} s", f"nothing changed; target < {TARGET_WARM:.0f} s" + at(r["warm"].seconds < TARGET_WARM)),
        ("MkDocs + Pagefind", f"{site.seconds:8.1f} s", f"peak {site.peak_kib / 1024:,.0f} MiB, CPU {site.cpu:.1f} s "
                                                       f"(kernel {site.kernel:.1f} s)"),
        ("bare build, letters", f"{bare.seconds:8.1f} s", f"Material, letter pages only, no hooks, no Pagefind; peak {bare.peak_kib / 1024:,.0f} MiB, "
                                                         f"CPU {bare.cpu:.1f} s (kernel {bare.kernel:.1f} s)"),
        ("end to end", f"{whole:8.1f} s", f"{whole / bare.seconds:.2f}x the bare build; target <= {TARGET_VS_BARE}x" + at(whole <= TARGET_VS_BARE * bare.seconds)
                                           + f"; CPU {(gen.cpu + site.cpu) / bare.cpu:.1f}x the bare build's"),
        ("generator share", f"{share:8.1%}", f"target <= {TARGET_GEN_SHARE:.0%}" + at(share <= TARGET_GEN_SHARE)),
        ("peak memory", f"{peak / 1024:6,.0f} MiB", "largest of generator and MkDocs + Pagefind"),
        ("pages written", f"{r['written']:8,}", f"{r['html']:,} HTML pages in site/"),
        ("site size", f"{kib(r['total']):>10}", ""),
        ("feed.xml", f"{kib(r['feed']):>10}", "newest 50 letters"),
    ]
    for kind, (size, path) in r["weights"].items():
        target = TARGET_HOME if kind == "home" else TARGET_PAGE
        rows.append((f"largest {kind} page", f"{kib(size):>10}", f"{path}; target < {target // 1000} KB" + at(size < target)))
    rows += [
        (f"one search ({search.engine})", f"{kib(search.typical):>10}",
         f"runtime {kib(search.runtime)} + index {kib(search.chunk)} + {RESULTS_SHOWN} fragments {kib(search.fragments)}; "
         f"worst {kib(search.worst)}; target < {TARGET_SEARCH_1000 // 1024} KiB" + at(search.typical < TARGET_SEARCH_1000)
         + f" ({'; '.join(search.notes)})"),
        ("one letter changed", f"{r['touched']:8,}",
         f"pages rewritten of {r['pages']:,} in {r['incremental'].seconds:.1f} s; all show that letter: {ok(not r['unrelated'])}"
         + (f" (unrelated: {r['unrelated'][:5]})" if r["unrelated"] else "")),
    ]
    live = r["live"]
    if live is not None:
        shown = f"{live.seconds:8.1f} s" if live.seconds is not None else "   never"
        rows.append(("live preview", shown,
                     f"saved letter -> new text served; {live.builds} MkDocs build(s), {live.regenerations} "
                     f"regeneration(s) for the edit; target < {TARGET_PREVIEW:.0f} s, one build"
                     + at(live.seconds is not None and live.seconds < TARGET_PREVIEW and live.builds == 1)
                     + (f"; {live.error[-300:]}" if live.error else "")))
        if live.start is not None:
            rows.append(("serve, first build", f"{live.start:8.1f} s", "`mkdocs serve --dirty` started -> site served"))
    for name, value, note in rows:
        print(f"  {name:<24}{value:>12}   {note}")


def summary(results: list[dict]) -> None:
    print("\nSummary (ratios measured in this run)")
    head = f"  {'N':>6} {'gen s':>7} {'warm s':>7} {'mkdocs s':>9} {'bare s':>7} {'e2e/bare':>9} {'gen %':>6} " \
           f"{'peak MiB':>9} {'max page':>10} {'home':>9} {'search':>9} {'preview s':>10}"
    print(head)
    for r in results:
        g, s = r["gen"], r["site"]
        whole = g.seconds + s.seconds
        live = r["live"]
        pages = [size for kind, (size, _) in r["weights"].items()]
        print(f"  {r['n']:>6} {g.seconds:>7.1f} {r['warm'].seconds:>7.1f} {s.seconds:>9.1f} {r['bare'].seconds:>7.1f} "
              f"{whole / r['bare'].seconds:>8.2f}x {g.seconds / whole:>6.0%} "
              f"{max(g.peak_kib, s.peak_kib) / 1024:>9.0f} {kib(max(pages, default=0)):>10} "
              f"{kib(r['weights'].get('home', (0, ''))[0]):>9} {kib(r['search'].typical):>9} "
              f"{(f'{live.seconds:.1f}' if live and live.seconds is not None else '-'):>10}")
    by_n = {r["n"]: r for r in results}
    if 100 in by_n and 1000 in by_n:
        peak = lambda r: max(r["gen"].peak_kib, r["site"].peak_kib)
        growth = peak(by_n[1000]) / peak(by_n[100])
        print(f"  peak memory at 1,000 / at 100: {growth:.1f}x (target <= {TARGET_MEMORY_GROWTH:.0f}x: "
              f"{ok(growth <= TARGET_MEMORY_GROWTH)})")


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="comma-separated corpus sizes (letters)")
    ap.add_argument("--no-serve", action="store_true", help="skip the live-preview measurement")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"Benchmark on {os.cpu_count()} CPU(s); corpora and sites in {OUT.relative_to(ROOT)}/")
    results = []
    try:
        for n in sizes:
            results.append(bench(n))
            print(f"  N = {n}: built and measured", file=sys.stderr, flush=True)
        for r in results if not args.no_serve else ():
            r["live"] = live_preview(r["root"])
        for r in results:
            report(r)
        summary(results)
    finally:
        shutil.rmtree(TRASH, ignore_errors=True)  # after the measurements (see TRASH)


if __name__ == "__main__":
    main()
