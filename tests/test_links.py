"""Link check over the built site: every internal link leads to a file, every #anchor to an id.

MkDocs' own validation sees only the Markdown links; this reads the HTML the
reader gets, theme and templates included.  All broken links are reported at
once, each with the page it is on.
"""
from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

# Links that are not to a file: other sites, mail, inline data.
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data", "blob"}


class Links(HTMLParser):
    """The ids a page offers and the href/src values it uses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in ("href", "src"):
            value = a.get(attr)
            if value is not None and not (tag == "link" and "preconnect" in (a.get("rel") or "")):
                self.links.append(value.strip())

    handle_startendtag = handle_starttag


@lru_cache(maxsize=None)
def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def site_url(root: Path) -> str:
    # mkdocs.yml uses !!python tags elsewhere in some projects; only site_url is needed.
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["site_url"].rstrip("/") + "/"


def page_url(site: Path, html: Path) -> str:
    """Site-relative URL path of a built file: 'brieven/x/' for brieven/x/index.html."""
    rel = html.relative_to(site).as_posix()
    return rel.removesuffix("index.html") if rel.endswith("index.html") else rel


def target_file(site: Path, path: str) -> Path | None:
    """The file a site-relative URL path is served from, or None."""
    candidate = site / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(site.resolve())
    except ValueError:
        return None  # leads out of the site
    return candidate if candidate.is_file() else None


def resolve(base: str, page: str, link: str) -> tuple[str | None, str, str | None]:
    """(site-relative path, fragment, reason) for one link on `page`; path None: not internal."""
    parts = urlsplit(link)
    fragment = unquote(parts.fragment)
    if parts.scheme == "javascript":
        return "", fragment, "javascript: URL"
    if link.startswith(base):
        return unquote(link[len(base):].split("#")[0].split("?")[0]), fragment, None
    if parts.scheme in EXTERNAL_SCHEMES or parts.scheme or parts.netloc:
        return None, fragment, None
    path = unquote(parts.path)
    if path.startswith("/"):
        prefix = urlsplit(base).path  # the site is published under this path ("/leeszaal/")
        if not path.startswith(prefix):
            return "", fragment, f"root-relative link outside the site's path {prefix}"
        return path[len(prefix):], fragment, None
    if not path:
        return page, fragment, None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page) if not page.endswith("/") else page, path))
    if joined.startswith(".."):
        return "", fragment, "leads above the site root"
    joined = "" if joined == "." else joined
    return joined + ("/" if path.endswith("/") and joined else ""), fragment, None


def broken_links(site: Path, base: str) -> list[str]:
    broken: list[str] = []
    for html in sorted(site.rglob("*.html")):
        page = page_url(site, html)
        for link in parse(html).links:
            if not link or link == "#":
                continue
            path, fragment, reason = resolve(base, page, link)
            if path is None:
                continue
            where = f"{page or '/'}: {link}"
            if reason:
                broken.append(f"{where} ({reason})")
                continue
            target = target_file(site, path)
            if target is None:
                broken.append(f"{where} (no file for /{path})")
                continue
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{where} (no id {fragment!r} in /{page_url(site, target)})")
    return broken


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built / "site"


@pytest.fixture(scope="module")
def base(built) -> str:
    return site_url(built)


def test_every_internal_link_and_anchor_resolves(site, base):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20, "the built site has hardly any pages"
    broken = broken_links(site, base)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken)


def test_sitemap_and_feed_urls_resolve(site, base):
    """Absolute URLs in sitemap.xml and feed.xml point at pages of this site."""
    urls: list[tuple[str, str]] = []
    sitemap = site / "sitemap.xml"
    assert sitemap.exists(), "no sitemap.xml"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls += [("sitemap.xml", loc.text.strip()) for loc in ET.parse(sitemap).getroot().iterfind("s:url/s:loc", ns)]
    feed = site / "feed.xml"
    if feed.exists():
        root = ET.parse(feed).getroot()
        urls += [("feed.xml", l.get("href")) for l in root.iter("{http://www.w3.org/2005/Atom}link") if l.get("href")]
        urls += [("feed.xml", l.text.strip()) for l in root.iter("link") if l.text and l.text.strip()]
    broken = []
    for where, url in urls:
        if not url.startswith(base):
            if urlsplit(url).netloc == urlsplit(base).netloc:
                broken.append(f"{where}: {url} (not under {base})")
            continue
        path, fragment, _ = resolve(base, "", url)
        target = target_file(site, path)
        if target is None:
            broken.append(f"{where}: {url} (no file)")
        elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
            broken.append(f"{where}: {url} (no id {fragment!r})")
    assert urls, "sitemap.xml lists no URLs"
    assert not broken, f"{len(broken)} broken URL(s):\n" + "\n".join(broken)


# --- the checker itself ---------------------------------------------------------------


@pytest.mark.parametrize("page, link, expected", [
    ("brieven/x/", "../../vergaderingen/y/", "vergaderingen/y/"),
    ("brieven/x/", "../y/#a", "brieven/y/"),
    ("brieven/x/", "#voetnoot", "brieven/x/"),
    ("", "brieven/", "brieven/"),
    ("", "assets/app.js", "assets/app.js"),
    ("brieven/x/", "/leeszaal/assets/app.js", "assets/app.js"),
    ("brieven/x/", "https://defensiebrieven.github.io/leeszaal/brieven/y/", "brieven/y/"),
    ("brieven/x/", "https://zoek.officielebekendmakingen.nl/kst-28676-440.html", None),
])
def test_resolve(page, link, expected):
    path, _, reason = resolve("https://defensiebrieven.github.io/leeszaal/", page, link)
    assert reason is None and path == expected


@pytest.mark.parametrize("link", ["/assets/app.js", "javascript:alert(1)", "../../../x/"])
def test_resolve_rejects(link):
    assert resolve("https://defensiebrieven.github.io/leeszaal/", "brieven/x/", link)[2]


def test_checker_finds_a_missing_file_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="hier">x</p><a href="../b/">b</a><a href="#daar">d</a>'
                                               '<a href="#hier">h</a><img src="../plaatje.png">', encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<a href="../a/#hier">a</a><a href="../a/#nergens">n</a>',
                                               encoding="utf-8")
    broken = broken_links(tmp_path, "https://example.org/site/")
    assert sorted(broken) == sorted([
        "a/: #daar (no id 'daar' in /a/)",
        "a/: ../plaatje.png (no file for /plaatje.png)",
        "b/: ../a/#nergens (no id 'nergens' in /a/)",
    ])
