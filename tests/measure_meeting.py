"""Measure a built meeting page in Chromium: height and quoted paragraphs.

    python tests/measure_meeting.py site vergaderingen/2025-10-15-dmm/

Prints, at 1366 px (desktop) and 390 px (phone) wide, the page's height, the
number of quoted paragraphs and how many of them are distinct.  Issue 12
measured 15,182 px / 27 quoted / 14 distinct before and 7,043 px / 24 / 24 after.
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def measure(site: str, path: str) -> list[tuple[int, int, int, int]]:
    """(width, height, quoted paragraphs, distinct paragraphs) per viewport width."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
            for width in (1366, 390):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(f"http://127.0.0.1:{server.server_port}/{path}")
                height = page.evaluate("document.documentElement.scrollHeight")
                texts = page.eval_on_selector_all("article blockquote p", "ps => ps.map(p => p.innerText.trim())")
                # "… nog 2 alinea's" links under a quoted opening are not paragraphs.
                texts = [t for t in texts if t and not t.startswith("…")]
                out.append((width, height, len(texts), len(set(texts))))
            browser.close()
    finally:
        server.shutdown()
    return out


if __name__ == "__main__":
    for width, height, quoted, distinct in measure(sys.argv[1], sys.argv[2]):
        print(f"{width} px wide: height {height} px; {quoted} quoted paragraphs, {distinct} distinct")
