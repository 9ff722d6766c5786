"""Measure site search on the query set in tests/search_queries.yaml.

    python tests/measure_search.py SITE_DIR [--engine pagefind|lunr] [--json OUT]

Drives Debian's chromium (Playwright) against SITE_DIR served on 127.0.0.1,
one cold browser context per query, and reports for each query the first
hits, whether the first hit is the expected page/section, and the bytes the
browser downloaded for the search itself (index, fragments, worker), raw and
gzip-estimated (what GitHub Pages would send for text types).

lunr: Material's built-in search (needs a site built with the `search`
plugin); pagefind: the /pagefind/ bundle, queried through its JS API with the
options docs/javascripts/zoeken.js uses.  Not a pytest test: it needs a
browser and prints a report.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

QUERIES = Path(__file__).with_name("search_queries.yaml")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# Must match docs/javascripts/zoeken.js.
PAGEFIND_OPTIONS = {"excerptLength": 24}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(site: Path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", "-d", str(site), str(port), "--bind", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=5)


def is_search_request(engine: str, url: str) -> bool:
    path = urlsplit(url).path
    if engine == "pagefind":
        return "/pagefind/" in path
    return "/search/" in path or "/workers/" in path or "lunr" in path


def norm(base: str, href: str) -> str:
    """Site-relative path + fragment, e.g. 'brieven/x/#sectie'."""
    parts = urlsplit(href)
    path = unquote(parts.path).removeprefix(urlsplit(base).path).removesuffix("index.html")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def run_lunr(page, query: str) -> list[dict]:
    # Material's Dutch result counter says "... overeenkomende document(en)" once lunr has answered;
    # input typed while its worker still loads the index can be dropped, so type again.
    for _ in range(5):
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", query, delay=20)
        with contextlib.suppress(Exception):
            page.wait_for_function(
                "() => /overeenkomend/.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=3000)
            break
    page.wait_for_timeout(400)  # results render in batches
    # Each item is one page: its first link is the page, the next ones its sections by score.
    return page.evaluate("""() => {
        const total = parseInt(document.querySelector('.md-search-result__meta').textContent) || 0;
        return [...document.querySelectorAll('.md-search-result__item')].map(li => {
            const links = li.querySelectorAll('a.md-search-result__link');
            const a = links[links.length > 1 ? 1 : 0];
            return {url: a.href, text: a.textContent.replace(/\\s+/g, ' ').trim(), total};
        });
    }""")


def run_pagefind(page, query: str, top: int = 5) -> list[dict]:
    return page.evaluate("""async ([query, options, top]) => {
        const base = new URL(JSON.parse(document.getElementById('__config').textContent).base + '/', location.href);
        const pagefind = await import(new URL('pagefind/pagefind.js', base).href);
        await pagefind.options({...options, baseUrl: base.pathname});
        const search = await pagefind.search(query);
        const data = await Promise.all(search.results.slice(0, top).map(r => r.data()));
        return data.map(d => {
            // As zoeken.js shows it: the page, led by its best section (a hit on the h1 is the page).
            const sub = (d.sub_results || []).find(s => s.anchor && s.anchor.element !== 'h1');
            return {url: new URL(sub ? sub.url : d.url, location.href).href, page: d.url,
                    text: (sub ? sub.title + ': ' + sub.plain_excerpt : d.plain_excerpt),
                    total: search.results.length};
        });
    }""", [query, PAGEFIND_OPTIONS, top])


def measure(site: Path, engine: str) -> list[dict]:
    from playwright.sync_api import sync_playwright

    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    report = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for q in queries:
            print("…", q["query"], file=sys.stderr)
            context = browser.new_context()  # cold cache: bytes of a first search
            page = context.new_page()
            responses = []
            context.on("response", lambda r: responses.append(r) if is_search_request(engine, r.url) else None)
            page.goto(base, wait_until="networkidle")
            hits = run_lunr(page, q["query"]) if engine == "lunr" else run_pagefind(page, q["query"])
            page.wait_for_load_state("networkidle")
            downloads: list[tuple[str, int, int]] = []
            for response in responses:
                with contextlib.suppress(Exception):
                    body = response.body()
                    # Pagefind's index files are gzip already; text files get gzipped by the host.
                    gz = len(body) if response.url.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")) \
                        else len(gzip.compress(body, 6))
                    downloads.append((response.url, len(body), gz))
            context.close()
            got = [norm(base, h["url"]) for h in hits]
            first = got[0] if got else None
            wanted = {q["expect"], *q.get("accept", [])}
            first_page = first.split("#")[0] if first else None
            report.append({
                "query": q["query"],
                "hits": hits[0]["total"] if hits else 0,
                "first": first,
                "first_text": hits[0]["text"][:140] if hits else "",
                "top5": got[:5],
                "exact": first == q["expect"],
                "page": first_page == q["expect"].split("#")[0],
                "ok": first in wanted or (first_page in wanted),
                "expected_page_in_top5": any(g.split("#")[0] == q["expect"].split("#")[0] for g in got[:5]),
                "contains": bool(hits) and q["must_contain"].lower() in hits[0]["text"].lower(),
                "requests": len(downloads),
                "bytes": sum(d[1] for d in downloads),
                "bytes_gz": sum(d[2] for d in downloads),
                "files": [(urlsplit(u).path.rsplit("/", 1)[-1], n) for u, n, _ in downloads],
            })
        browser.close()
    return report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("site", type=Path)
    ap.add_argument("--engine", choices=["pagefind", "lunr"], default="pagefind")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--options", type=json.loads, default={}, help="extra Pagefind options (JSON), to try ranking")
    args = ap.parse_args()
    PAGEFIND_OPTIONS.update(args.options)
    report = measure(args.site, args.engine)
    for r in report:
        mark = "OK " if r["ok"] or r["page"] else ("top5" if r["expected_page_in_top5"] else "MISS")
        print(f"{mark:4} {r['query']!r:28} hits={r['hits']:<3} first={r['first']}  "
              f"{r['requests']} req, {r['bytes']/1024:.1f} KiB ({r['bytes_gz']/1024:.1f} KiB gz)")
    ok = sum(r["ok"] or r["page"] for r in report)
    exact = sum(r["exact"] for r in report)
    print(f"{args.engine}: first hit acceptable {ok}/{len(report)}, exactly the expected page/section "
          f"{exact}/{len(report)}, expected page first {sum(r['page'] for r in report)}/{len(report)}, expected page in top 5 {sum(r['expected_page_in_top5'] for r in report)}/{len(report)}; "
          f"median bytes per search {sorted(r['bytes'] for r in report)[len(report)//2]/1024:.1f} KiB "
          f"({sorted(r['bytes_gz'] for r in report)[len(report)//2]/1024:.1f} KiB gz)")
    if args.engine == "pagefind":
        # After the first search the runtime (pagefind.js, worker, wasm, entry, meta) is cached;
        # a further query costs only the index chunks and result fragments not yet fetched.
        per_query = sorted(sum(n for f, n in r["files"] if f.endswith((".pf_index", ".pf_fragment")))
                           for r in report)
        print(f"pagefind: index chunks + fragments per search (the part a further search may need): "
              f"median {per_query[len(per_query)//2]/1024:.1f} KiB, max {per_query[-1]/1024:.1f} KiB")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
