"""Serve the built site on 127.0.0.1 and drive chromium through it.

Without chromium the browser tests are skipped, except under REQUIRE_BROWSER=1
(set by .ci/run): there a missing browser is a failure, not a silent skip.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1"}
# Not network requests: inline data and the page's own blobs.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}


def unavailable(reason: str) -> None:
    message = f"{reason}: install the browser with `apt-get update && apt-get install -y chromium`"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (REQUIRE_BROWSER=1: browser tests may not be skipped)", pytrace=False)
    pytest.skip(message)


def chromium_path() -> str | None:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium")


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; wasm with its own type (Pagefind), no log lines in the test output."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".pagefind": "application/wasm", ".xml": "application/xml"}

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def chromium():
    """The chromium executable, checked before anything is built."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("Playwright for Python is not installed")
    path = chromium_path()
    if path is None:
        unavailable("chromium not found")
    return path


@pytest.fixture(scope="session")
def site(chromium, built) -> Path:
    return built / "site"


@pytest.fixture(scope="session")
def base_url(site):
    """http://127.0.0.1:<free port> serving the built site (no trailing slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


class Browser:
    """One chromium for the session; every request it makes is recorded.

    Requests to anything but 127.0.0.1 are recorded and aborted, so a test
    never waits on the network and the privacy test can list them.
    """

    def __init__(self, chromium: str, profile: Path, base_url: str):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.context = self._pw.chromium.launch_persistent_context(
            str(profile), executable_path=chromium, headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900}, locale="nl-NL")
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
        self.requests: list[str] = []
        self.context.route("**/*", self._route)
        # Chromium's own requests (service workers, prefetch) show here, not in route().
        self.context.on("request", self._seen)

    def _route(self, route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def _seen(self, request) -> None:
        self.requests.append(request.url)

    def close(self) -> None:
        self.context.close()
        self._pw.stop()


@pytest.fixture(scope="session")
def browser(chromium, base_url, tmp_path_factory):
    b = Browser(chromium, tmp_path_factory.mktemp("chromium-profile"), base_url)
    yield b
    b.close()


@pytest.fixture
def page(browser):
    p = browser.context.new_page()
    p.set_default_timeout(15_000)
    yield p
    p.close()
