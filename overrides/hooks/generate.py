"""MkDocs glue: the generator's pages and glossary, and the live preview.

- Every build: the glossary the generator wrote (docs/includes/abbreviations.json)
  becomes the abbr extension's `glossary`, so every page gets its tooltips in
  one pass, read after the generator has run.
- `mkdocs serve`: regenerate once at start, in this process (`make serve` has
  just generated, so this writes nothing, but it loads what the next
  regeneration reuses), then regenerate on every change to seeds/, the data
  files or the generator, outside MkDocs' build (generator/preview.py): MkDocs
  sees the changed pages and builds once, as soon as the regeneration ends
  (poll_now).  A build waits for a running regeneration to end, so that it
  reads all of the pages it wrote (see settle()).
- Every build: the theme's templates compiled once per process (CompiledTemplates).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority

GLOSSARY = "includes/abbreviations.json"
SETTLE_MARGIN = 0.25  # seconds: for a poll of docs/ to walk the folders (0.03 s at 1,000 letters on a quiet machine)
POLL_WAIT = 2.0  # seconds, at most, for MkDocs to take in what a poll saw
_serving = False
_watching = False
_watcher = None  # generator.preview.Watcher, while serving
_server = None  # MkDocs' LiveReloadServer, while serving
_settled = float("-inf")  # when the last regeneration a build has settled ended


def on_startup(command, dirty):
    """Remember whether we are serving."""
    global _serving
    _serving = command == "serve"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config):
    """Serving: generate before the first build (later ones follow the watcher).  Then
    hand the generated glossary to the abbr extension."""
    if _serving and not _watching:
        from generator.preview import regenerate_here, warm_up_here

        # In this process: the first saved letter then finds the parsed letters,
        # word lists and page records already loaded (a fresh process costs seconds).
        # Warmed up before the site is served, so that an edit made at once waits for nothing.
        regenerate_here(_root(config), Path(config.docs_dir))
        warm_up_here(_root(config), Path(config.docs_dir))
    elif _watcher is not None:
        settle(_server, _watcher.wait_idle())
    path = Path(config.docs_dir) / GLOSSARY
    try:
        glossary = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        glossary = {}
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary


def settle(server, finished: float) -> None:
    """After a regeneration that ended at `finished` (time.monotonic()): make sure MkDocs has
    seen all of its writes, then drop the rebuild they ask for.

    MkDocs polls docs/ (watchdog's PollingObserver, every half second); a poll
    that walked the folders while the generator wrote sees part of its writes,
    and the next one sees the rest and would ask for a second build.  A poll
    that starts after the last write sees them all: one is taken now (poll_now),
    or, where MkDocs' watcher cannot be asked, the next one is waited for.  This
    build has read no page yet (on_pre_build comes first), so it reads every
    page as it is now.  Only the first build after a regeneration does this,
    however late it starts (MkDocs reloads its configuration first, which takes
    seconds on a busy machine); a later build, for an edit of a hand-written
    page, leaves MkDocs' flag alone.
    """
    global _settled
    if finished <= _settled:
        return
    _settled = finished
    if not poll_now(server):
        interval = getattr(getattr(server, "observer", None), "timeout", 0.5)
        time.sleep(max(0.0, finished + interval + SETTLE_MARGIN - time.monotonic()))
    condition = getattr(server, "_rebuild_cond", None)  # MkDocs' LiveReloadServer (mkdocs/livereload)
    if condition is not None and hasattr(server, "_want_rebuild"):
        with condition:
            server._want_rebuild = False


def _polling(server) -> list:
    """MkDocs' watchers of docs/ and mkdocs.yml, when they poll (watchdog's PollingEmitter) and run."""
    from watchdog.observers.polling import PollingEmitter

    observer = getattr(server, "observer", None)
    emitters = list(getattr(observer, "emitters", ()) or ())
    if not emitters or not all(isinstance(e, PollingEmitter) for e in emitters) or not observer.is_alive():
        return []
    return emitters


def poll_now(server) -> bool:
    """Have MkDocs' watcher look at docs/ now, and wait until what it saw has reached MkDocs (a
    rebuild asked for, when something changed): the build starts as soon as a regeneration
    ends, not at the next poll.  False when MkDocs does not watch by polling (then nothing is done)."""
    emitters = _polling(server)
    if not emitters:
        return False
    for emitter in emitters:
        emitter.queue_events(0)  # under the emitter's lock: never at the same time as its own poll
    queue = server.observer.event_queue
    deadline = time.monotonic() + POLL_WAIT
    while queue.unfinished_tasks and time.monotonic() < deadline:  # MkDocs' handler runs on the observer's thread
        time.sleep(0.005)
    return not queue.unfinished_tasks


_held: list = []  # the watchers' locks held while a regeneration runs


def pause_polling(server) -> None:
    """Hold MkDocs' polls of docs/ off while a regeneration runs.  Each poll walks every page (44 ms
    at 1,000 letters, twice a second) on the interpreter lock the regeneration needs: an eighth of
    its time.  What a poll would have seen then, the one after it sees (resume_polling, poll_now)."""
    for emitter in _polling(server):
        lock = getattr(emitter, "_lock", None)  # watchdog holds it while it takes a snapshot
        if lock is not None and hasattr(lock, "acquire") and lock.acquire(timeout=1):
            _held.append(lock)


def resume_polling() -> None:
    while _held:
        _held.pop().release()


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled code, kept for the life of the process.  `mkdocs serve`
    makes a new Jinja environment for every build, which compiled every template again: up to a
    second of each preview at 1,000 letters.  Jinja compares each template's source with the
    checksum stored beside its code, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_compiled = CompiledTemplates()


@event_priority(100)  # before any hook asks the environment for a template
def on_env(env, config, files):
    env.bytecode_cache = _compiled
    return env


def on_serve(server, config, builder):
    """Watch the letters, the data files and the generator; regenerate on change."""
    global _watching, _watcher, _server
    if not _watching:
        from generator.preview import Watcher

        root = _root(config)
        # Work other hooks do in the background on the site as it was (Pagefind's index) stops
        # while a regeneration runs: on two cores it slowed the preview by a tenth or more.
        stoppers = [hook.stop_background_work for hook in (getattr(config, "hooks", None) or {}).values()
                    if callable(getattr(hook, "stop_background_work", None))]

        def before() -> None:
            for stop in stoppers:
                stop()
            pause_polling(_server)

        def after() -> None:
            resume_polling()
            poll_now(_server)

        _watcher = Watcher(root, Path(config.docs_dir), [root / "seeds", root / "generator"], code=root / "generator",
                           before=before, after=after)
        _watcher.start()
        _watching = True
    _server = server
    return server
