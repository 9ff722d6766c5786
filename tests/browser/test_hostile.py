"""No dialog fires on any page built from hostile input.

The site is built from the bad seeds (tests/badseeds.py: markup in letter
text, headings, Betreft, signature and file names) with, in addition, a
payload in every metadata field a letter can fill (tests/test_bad_input.py).
Every HTML page is opened in Chromium; any alert, confirm or prompt fails.
The same for a site whose data files (topics, meetings, kinds, people,
abbreviations) carry the payload: an editor's text is text too.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

import badseeds as bad
from sitebuild import mkdocs_build, prepare
from test_bad_input import NAME_PAYLOAD, build_with_hostile_data, with_payload

from .conftest import QuietHandler

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(chromium, tmp_path_factory) -> Path:
    from generator.link import link
    from generator.pipeline import build_corpus
    from generator.render import render
    from generator.write import write_pages

    tmp = tmp_path_factory.mktemp("hostile")
    seeds = bad.write_bad_seeds(tmp / "seeds", big_size=None)
    (seeds / NAME_PAYLOAD).write_text(bad.markup_name_letter().replace("12 september", "19 september"),
                                      encoding="utf-8")
    root = prepare(tmp / "w", seeds)
    result = build_corpus(root / "seeds")
    corpus = link([with_payload(l) for l in result.corpus.letters], list(result.problems))
    write_pages(render(corpus, list(result.sources)), root / "docs")
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(hostile_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_no_dialog_fires_on_any_page(browser, hostile_site, hostile_url):
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) > 50
    dialogs: list[str] = []
    tab = browser.context.new_page()
    tab.set_default_timeout(15_000)

    def seen(dialog) -> None:
        dialogs.append(f"{tab.url}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    tab.on("dialog", seen)
    tab.on("pageerror", lambda exc: None)
    try:
        for path in pages:
            tab.goto(f"{hostile_url}/{path}", wait_until="load")
        tab.wait_for_timeout(300)  # a handler on a late-loading image would fire by now
    finally:
        tab.close()
    assert not dialogs, f"{len(dialogs)} dialog(s):\n" + "\n".join(dialogs[:20])


def test_the_check_would_see_a_dialog(browser, hostile_url):
    # The same page with an unescaped payload does fire: the test above can fail.
    tab = browser.context.new_page()
    fired = []
    tab.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    try:
        tab.set_content('<p>x</p><img src=x onerror="alert(1)">')
        tab.wait_for_timeout(300)
    finally:
        tab.close()
    assert fired == ["1"]


@pytest.fixture(scope="module")
def data_hostile_site(chromium, tmp_path_factory) -> Path:
    return build_with_hostile_data(tmp_path_factory.mktemp("data-hostile"))


def test_data_file_values_add_no_element_dialog_or_request(browser, data_hostile_site):
    # Every page: no dialog, no element the payload would add, and no request leaves the site.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(data_hostile_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    pages = sorted(p.relative_to(data_hostile_site).as_posix() for p in data_hostile_site.rglob("*.html"))
    dialogs: list[str] = []
    found: list[str] = []
    elsewhere: list[str] = []
    tab = browser.context.new_page()
    tab.set_default_timeout(15_000)
    tab.on("dialog", lambda d: (dialogs.append(f"{tab.url}: {d.message!r}"), d.dismiss()))
    tab.on("pageerror", lambda exc: None)
    tab.on("request", lambda r: None if r.url.startswith(base) else elsewhere.append(r.url))
    try:
        for path in pages:
            tab.goto(f"{base}/{path}", wait_until="load")
            hits = tab.evaluate("""() => [...document.querySelectorAll('#ingevoegd, img[src="x"], [onerror], [onclick]')]
                                   .map(e => e.outerHTML.slice(0, 100))""")
            found += [f"{path}: {h}" for h in hits]
        tab.wait_for_timeout(300)
        # The payload is there, as text.
        tab.goto(f"{base}/index.html", wait_until="load")
        assert "NAVO-ministers van Defensie \"'><script>" in tab.inner_text("body")
    finally:
        tab.close()
        server.shutdown()
        server.server_close()
    assert len(pages) > 50
    assert not dialogs and not found and not elsewhere, (dialogs[:10], found[:10], elsewhere[:10])
