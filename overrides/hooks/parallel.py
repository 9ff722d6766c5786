"""MkDocs glue: build the pages on all of the machine's cores.

MkDocs converts and renders one page after another in one process; at a
thousand letters that is most of a build.  Each page is converted (Markdown to
HTML) and rendered (into the theme's template) on its own, so forked workers
do both, page i in worker i mod n, and stream their results back in MkDocs'
order.  MkDocs' own loops still run every step around them (every plugin
event, the writes, link and anchor checks) and take the worker's result where
they would read a page's source (its front matter parsed), convert or render:
the same HTML, table of contents, anchors and warnings.  A page whose
Markdown came out otherwise in the worker, or that a worker could not do, is
done here as before.  `mkdocs serve` uses the workers for its first build:
the whole site in a fresh folder, before the server's threads start.  Its
later builds (threads run, and --dirty rebuilds a few pages), `mkdocs build
--dirty` (it skips unchanged pages, and the workers would convert them all)
and small sites stay in this process.
"""
from __future__ import annotations

import gc
import logging
import os
import pickle
import threading
from collections.abc import Callable
from functools import partial

from mkdocs.commands.build import get_context
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

MIN_PAGES = 200  # below this, starting the workers costs more than it saves
log = logging.getLogger("mkdocs.hooks.parallel")
_serving = False
_dirty = False
_built = 0  # builds finished in this process
_pages: list[Page] = []  # the pages of this build, in MkDocs' order, when built in workers
_rendered: dict[int, tuple[_Results, bool]] = {}  # id(page) -> where its rendered HTML comes from
_nav = None


def on_startup(command, dirty):
    global _serving, _dirty, _built
    _serving, _dirty, _built = command == "serve", dirty, 0


def on_post_build(config):
    global _built
    _built += 1


class _Capture(logging.Handler):
    """In a worker: what a page's conversion logs, for the build to log in its turn."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


class _Results:
    """The parent's end of one worker's pipe: results read as MkDocs' loop asks for them."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.stream = pid, os.fdopen(fd, "rb")

    def next(self, last: bool):
        try:
            return pickle.load(self.stream)
        except (EOFError, pickle.UnpicklingError):  # the worker died: the rest is done here
            return None
        finally:
            if last:
                self.stream.close()
                os.waitpid(self.pid, 0)


def _fork(pages: list[Page], do: Callable[[Page], object]) -> list[tuple[list[Page], _Results]]:
    """Workers that each do(page) for every n-th page, in order, and pipe back one pickled result a
    page (None when it failed: the build then does that page itself and reports what went wrong)."""
    n = _workers()
    # The workers then leave the inherited objects alone.  Not while serving: unfrozen, the
    # first build's objects all land in the oldest generation, and each later edit's build then
    # waited about 0.4 s longer at 1,000 letters.
    freeze = not _serving
    if freeze:
        gc.freeze()
    shares = []
    for k in range(n):
        share = pages[k::n]
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(read)
            try:
                capture = _Capture()
                logger = logging.getLogger("mkdocs")
                logger.handlers, logger.propagate = [capture], False
                with os.fdopen(write, "wb") as stream:
                    for page in share:
                        capture.records = []
                        try:
                            result = (do(page), capture.records)
                        except Exception:  # noqa: BLE001 (see the docstring)
                            result = None
                        pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(0)
        os.close(write)
        shares.append((share, _Results(pid, read)))
    if freeze:
        gc.unfreeze()
    return shares


def _workers() -> int:
    if (_serving and _built) or (_dirty and not _serving) or not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    return min(os.cpu_count() or 1, 4)


def _replay(logged) -> None:
    for name, level, message in logged:
        logging.getLogger(name).log(level, message)


# Conversion ------------------------------------------------------------------

def _convert(page: Page, config, files):
    """What MkDocs' build does with a page up to and including its conversion."""
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    source = page.markdown, page.meta
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    page.render(config, files)
    anchors = page.links_to_anchors
    if anchors is not None:
        anchors = {f.src_uri: a for f, a in anchors.items()}
    return source, (page.markdown, page.content, page.toc, page._title_from_render, page.present_anchor_ids, anchors)


_sourced: dict[int, tuple] = {}  # id(page) -> the rest of the worker's result, once read_source took its part


def _read(page: Page, results: _Results, last: bool, config) -> None:
    """Stands in for page.read_source: the source as the worker read it (front matter parsed)."""
    del page.read_source  # back to MkDocs' own method
    result = results.next(last)
    if result is None:
        page.read_source(config)
        return
    ((page.markdown, page.meta), converted), logged = result
    _sourced[id(page)] = (converted, logged)


def _converted(page: Page, config, files) -> None:
    """Stands in for page.render: the worker's result, when it converted the same Markdown."""
    del page.render
    result = _sourced.pop(id(page), None)
    if result is None or result[0][0] != page.markdown:
        page.render(config, files)
        return
    (_, page.content, page.toc, page._title_from_render, page.present_anchor_ids, anchors), logged = result
    if anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): a for uri, a in anchors.items()}
    _replay(logged)


@event_priority(-100)  # after every other plugin's on_nav: the workers see the final navigation
def on_nav(nav, config, files):
    global _nav
    _nav = nav
    _pages.clear()
    _rendered.clear()
    _sourced.clear()
    if _workers() < 2:
        return nav
    # The pages MkDocs' build loop reads next, in its order (it makes the pages outside the nav so).
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        _pages.append(file.page)
    if len(_pages) < MIN_PAGES:
        _pages.clear()
        return nav
    log.info(f"Building {len(_pages)} pages in {_workers()} worker processes")
    for share, results in _fork(_pages, partial(_convert, config=config, files=files)):
        for i, page in enumerate(share):
            page.read_source = partial(_read, page, results, i == len(share) - 1)
            page.render = partial(_converted, page)
    return nav


# Rendering into the theme ----------------------------------------------------

def _render(page: Page, env, config, nav, files) -> str:
    """What MkDocs' build does with a page up to and including its template (_build_page)."""
    page.active = True
    try:
        context = get_context(nav, files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return template.render(context)
    finally:
        page.active = False


def _rendering(render):
    """Wraps a page template's render: the worker's output for a page rendered there.  (Jinja
    itself never calls render on a template it extends or includes, only MkDocs does.)"""

    def rendered(context) -> str:
        entry = _rendered.pop(id(context.get("page")), None)
        if entry is not None:
            result = entry[0].next(entry[1])
            if result is not None:
                _replay(result[1])
                return result[0]
        return render(context)

    return rendered


@event_priority(-100)  # after every other on_env: the workers render with the finished environment
def on_env(env, config, files):
    """All pages are converted by now; the theme's pages are rendered next."""
    if not _pages:
        return env
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for share, results in _fork(_pages, partial(_render, env=env, config=config, nav=_nav, files=pages)):
        for i, page in enumerate(share):
            _rendered[id(page)] = (results, i == len(share) - 1)
    for name in sorted({page.meta.get("template", "main.html") for page in _pages}):
        template = env.get_template(name)
        template.render = _rendering(template.render)
    return env
