"""`make serve`: regenerate docs/ when a letter, a data file or the generator
changes: once per change, incrementally, loudly, and never at the cost of the
site being served.

MkDocs rebuilds whenever docs/ changes.  So the regeneration runs outside
MkDocs' build, on a watcher of its own: the generator writes only the pages
whose content changed, MkDocs sees those writes and builds once (`--dirty`:
only those pages).  The generator's own writes never trigger a second
regeneration, because seeds/ is not in MkDocs' watch list.

Each regeneration is `generator build` (the parse cache makes it
incremental): it prints exactly the problems `make build` prints, and a crash
(an invalid data file, a bug) writes nothing, so the last good site stays
served.  While only letters change it runs inside this process, which keeps
the word lists, compiled patterns and parsed letters it loaded; once code or
a data file under generator/ changes, every later run is a fresh process, so
the edit takes effect.
"""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

# Editors' swap and backup files, bytecode: not a change to the site.
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".pyc", ".pyo")
IGNORED_PARTS = {"__pycache__", ".git"}
QUIET_SECONDS = 0.15  # an editor's save is several events; wait until they stop


def log(message: str) -> None:
    print(f"INFO    -  [generator] {message}", file=sys.stderr, flush=True)


def generator_command(root: Path, docs: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--seeds", str(root / "seeds"), "--docs", str(docs),
            "--cache", str(root / ".cache")]


def generator_args(root: Path, docs: Path) -> list[str]:
    return generator_command(root, docs)[3:]


def regenerate_here(root: Path, docs: Path) -> bool:
    """`generator build` in this process (its modules, word lists and parsed letters stay loaded)."""
    from .cli import main

    started = time.perf_counter()
    # MkDocs' own objects fill this process: with the collector on, each of its
    # passes over them while the generator allocates costs seconds at 1,000 letters.
    collecting = gc.isenabled()
    gc.disable()
    try:
        main(generator_args(root, docs), standalone_mode=False)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int) and exc.code is not None:
            print(exc.code, file=sys.stderr, flush=True)
    except Exception as exc:  # a bug or a bad data file must not take the preview down
        log(f"de generator faalde: {type(exc).__name__}: {exc}; de vorige versie van de site blijft staan")
        return False
    finally:
        if collecting:
            gc.enable()
    seconds = time.perf_counter() - started
    if code:
        log(f"de generator meldde fouten (code {code}, {seconds:.1f} s); wat niet gelukt is, blijft zoals het was")
        return False
    log(f"opnieuw gegenereerd in {seconds:.1f} s")
    return True


def warm_up_here(root: Path, docs: Path) -> None:
    """Load in this process what the first regeneration after an edit needs (pipeline.warm_up),
    so that the first saved letter shows as fast as the next.  Writes nothing; a failure is told."""
    from .pipeline import warm_up

    started = time.perf_counter()
    try:
        warm_up(root / "seeds", docs, root / ".cache")  # with the cyclic collector paused, as a regeneration
    except Exception as exc:  # only time is lost: the first regeneration loads it all then
        log(f"voorbereiden mislukt: {type(exc).__name__}: {exc}")
        return
    log(f"klaar voor de eerste wijziging ({time.perf_counter() - started:.1f} s)")


def regenerate(root: Path, docs: Path) -> bool:
    """Run the generator once in a fresh process; its problems go to the terminal as in `make build`.
    True when it succeeded."""
    started = time.perf_counter()
    env = dict(os.environ)
    # The generator of this checkout, also when MkDocs runs from elsewhere.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                      env.get("PYTHONPATH")]))
    try:
        done = subprocess.run(generator_command(root, docs), cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    except OSError as exc:
        log(f"kon de generator niet starten: {exc}; de vorige versie van de site blijft staan")
        return False
    for line in done.stdout.splitlines():
        print(f"        {line}", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        log(f"de generator meldde fouten (code {done.returncode}, {seconds:.1f} s); wat niet gelukt is, "
            "blijft zoals het was")
        return False
    log(f"opnieuw gegenereerd in {seconds:.1f} s")
    return True


class Watcher:
    """Runs `regenerate` after each burst of file events in the watched folders, one run at a time."""

    def __init__(self, root: Path, docs: Path, paths: list[Path], code: Path | None = None,
                 before: Callable[[], object] | None = None, after: Callable[[], object] | None = None):
        self.root, self.docs, self.paths = root, docs, paths
        self.code = code  # the generator's folder: a change there means fresh processes from then on
        self.before = before  # run before each regeneration: background work on the old site stops
        self.after = after  # run after each regeneration: the site's builder hears of the new pages at once
        self.code_changed = False
        self._changed = threading.Event()
        self._last_event = 0.0
        self._observer = None
        self._idle = threading.Event()  # set while no regeneration runs
        self._idle.set()
        self.finished = float("-inf")  # time.monotonic() when the last regeneration ended

    def wait_idle(self) -> float:
        """Wait for a running regeneration to end; when the last one ended (time.monotonic())."""
        self._idle.wait()
        return self.finished

    def notice(self, path: str) -> None:
        p = Path(path)
        if p.name.endswith(IGNORED_SUFFIXES) or p.name.startswith(".#") or IGNORED_PARTS & set(p.parts):
            return
        if self.code is not None and (p == self.code or self.code in p.parents):
            self.code_changed = True
        self._last_event = time.monotonic()
        self._changed.set()

    def _loop(self) -> None:
        while True:
            self._changed.wait()
            while time.monotonic() - self._last_event < QUIET_SECONDS:
                time.sleep(QUIET_SECONDS / 3)
            self._changed.clear()
            log("wijziging gezien; opnieuw genereren")
            self._idle.clear()
            try:
                self._call(self.before)
                if self.code_changed:
                    regenerate(self.root, self.docs)
                else:
                    regenerate_here(self.root, self.docs)
            finally:
                self.finished = time.monotonic()
                self._idle.set()
            self._call(self.after)

    @staticmethod
    def _call(step: Callable[[], object] | None) -> None:
        """A step around the regeneration; its failure is told, and costs only time (the builder
        hears of the new pages at its next look, a background job finishes)."""
        if step is None:
            return
        try:
            step()
        except Exception as exc:
            log(f"stap rond het genereren mislukt: {type(exc).__name__}: {exc}")

    def start(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                watcher.notice(event.src_path)
                if getattr(event, "dest_path", ""):
                    watcher.notice(event.dest_path)

        self._observer = Observer()
        for path in self.paths:
            if path.exists():
                self._observer.schedule(Handler(), str(path), recursive=True)
        self._observer.daemon = True
        self._observer.start()
        threading.Thread(target=self._loop, name="regenerate", daemon=True).start()
        log("let op wijzigingen in " + ", ".join(str(p.relative_to(self.root)) for p in self.paths if p.exists()))
