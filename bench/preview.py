"""The live preview, measured as an editor lives it: `mkdocs serve --dirty`
(as `make serve` runs it) on a project; one letter is saved with a new
sentence, and the clock runs from the file write until the letter's page,
fetched over HTTP, shows it.  Also counted: MkDocs builds per edit (must be
one) and regenerations per edit, and how long `mkdocs serve` took to serve
the site at all.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

MARKER = "Bewerkingsmarkering"  # a word no letter has


@dataclass
class Preview:
    seconds: float | None  # file write -> new text served; None: not within the time limit
    builds: int  # MkDocs builds after the edit
    regenerations: int  # generator runs after the edit
    error: str = ""
    start: float | None = None  # seconds from starting `mkdocs serve` to the site being served


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def _count(log: Path, pattern: str) -> int:
    return len(re.findall(pattern, log.read_text(encoding="utf-8", errors="replace"))) if log.exists() else 0


def measure(root: Path, seed: Path, page: str, *, limit: float = 300.0, start_limit: float = 1800.0, settle: float = 1.0,
            env: dict | None = None) -> Preview:
    """Serve `root`, change `seed`, time until `page` (site-relative URL) shows the change."""
    port = _free_port()
    log = root / ".bench-serve.log"
    args = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"]
    # --no-livereload only stops the browser script; the watcher still rebuilds.
    args[args.index("--no-livereload")] = "--livereload"
    launched = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(args, cwd=root, env=env or os.environ, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + start_limit  # the first build of a large site takes minutes
        while time.monotonic() < deadline and "Serving on" not in log.read_text(errors="replace"):
            if proc.poll() is not None:
                return Preview(None, 0, 0, log.read_text(errors="replace")[-2000:])
            time.sleep(0.2)
        start = time.perf_counter() - launched
        served = re.search(r"Serving on (http://\S+)", log.read_text(errors="replace"))
        url = (served.group(1) if served else f"http://127.0.0.1:{port}/").rstrip("/") + "/" + page
        if _get(url) is None:
            return Preview(None, 0, 0, f"{url} not served")
        time.sleep(settle)  # let the watchers settle
        builds_before = _count(log, r"Building documentation")
        regen_before = _count(log, r"\[generator\] opnieuw gegenereerd|\[generator\] de generator meldde")
        text = seed.read_text(encoding="utf-8")
        paragraph = next(p for p in text.split("\n\n") if len(p) > 200)
        changed = text.replace(paragraph, paragraph.rstrip() + f" {MARKER} van de redactie.", 1)
        start = time.perf_counter()
        deadline = time.monotonic() + limit
        seed.write_text(changed, encoding="utf-8")
        seconds = None
        while time.monotonic() < deadline:
            body = _get(url)
            if body and MARKER in body:
                seconds = time.perf_counter() - start
                break
            time.sleep(0.1)
        time.sleep(3.0)  # a second build, if the edit caused one, starts within this
        seed.write_text(text, encoding="utf-8")
        return Preview(seconds, _count(log, r"Building documentation") - builds_before,
                       _count(log, r"\[generator\] opnieuw gegenereerd|\[generator\] de generator meldde") - regen_before,
                       start=start)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
