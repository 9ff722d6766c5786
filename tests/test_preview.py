"""make serve: one regeneration per edit, the generator's own writes ignored,
problems printed as `build` prints them, and a failed regeneration leaves the
served site as it was."""
from __future__ import annotations

import json
import shutil
import time
from types import SimpleNamespace


from conftest import ROOT, SEEDS
from generator import preview
from generator.feed import site_config
from sitebuild import load_hook


def test_regeneration_prints_the_problems_build_prints(tmp_path, capsys):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "leeg.txt").write_text("   \n", encoding="utf-8")
    preview.regenerate(tmp_path, tmp_path / "docs")  # issue 15: an unusable file may make it exit 1
    err = capsys.readouterr().err
    assert "leeg.txt" in err and "leeg bestand" in err
    assert "pagina's geschreven" in err and "[generator]" in err
    assert (tmp_path / "docs" / "index.md").is_file()


def test_a_failed_regeneration_leaves_the_site_as_it_was(tmp_path, capsys):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    docs = tmp_path / "docs"
    preview.regenerate(tmp_path, docs)
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    # A generator that cannot run to the end (here: its cache folder is a file) writes nothing.
    (tmp_path / ".cache").exists() and shutil.rmtree(tmp_path / ".cache")
    (tmp_path / ".cache").write_text("geen map", encoding="utf-8")
    (tmp_path / "seeds" / "000_b4f94cc82272424f.txt").write_text("Een gewijzigde brief.\n", encoding="utf-8")
    assert preview.regenerate(tmp_path, docs) is False
    assert "blijft" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


def test_one_regeneration_per_edit_and_none_for_its_own_writes(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "generator").mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    calls = []

    def fake(how):
        def run(root, docs_dir):
            calls.append(how)
            (docs_dir / f"pagina-{len(calls)}.md").write_text("x", encoding="utf-8")  # the generator's writes
            return True
        return run

    monkeypatch.setattr(preview, "regenerate_here", fake("hier"))
    monkeypatch.setattr(preview, "regenerate", fake("nieuw proces"))
    watcher = preview.Watcher(tmp_path, docs, [tmp_path / "seeds", tmp_path / "generator"],
                              code=tmp_path / "generator")
    watcher.start()
    try:
        time.sleep(0.5)
        seed = tmp_path / "seeds" / "brief.txt"
        seed.write_text("een", encoding="utf-8")  # an editor's save: several events
        seed.write_text("een twee", encoding="utf-8")
        (tmp_path / "seeds" / ".brief.txt.swp").write_text("swap", encoding="utf-8")
        time.sleep(2.0)
        assert calls == ["hier"]
        (tmp_path / "seeds" / "brief.txt~").write_text("backup", encoding="utf-8")
        time.sleep(1.0)
        assert calls == ["hier"]
        # Once the generator itself changes, a fresh process runs it (the edit must take effect).
        (tmp_path / "generator" / "regel.yaml").write_text("a: 1", encoding="utf-8")
        time.sleep(2.0)
        seed.write_text("een twee drie", encoding="utf-8")
        time.sleep(2.0)
        assert calls == ["hier", "nieuw proces", "nieuw proces"]
    finally:
        watcher._observer.stop()


def test_in_process_regeneration_prints_problems_and_survives_a_crash(tmp_path, capsys):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "leeg.txt").write_text("   \n", encoding="utf-8")
    docs = tmp_path / "docs"
    preview.regenerate_here(tmp_path, docs)
    out = capsys.readouterr()
    assert "leeg.txt" in out.err and "pagina's geschreven" in out.out
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    shutil.rmtree(tmp_path / ".cache")
    (tmp_path / ".cache").write_text("geen map", encoding="utf-8")
    (tmp_path / "seeds" / "000_b4f94cc82272424f.txt").write_text("Een gewijzigde brief.\n", encoding="utf-8")
    assert preview.regenerate_here(tmp_path, docs) is False
    assert "blijft" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


def test_mkdocs_does_not_watch_the_seeds_itself():
    # Else a saved letter builds twice: once for seeds/, once for the pages the generator writes.
    config = site_config(ROOT / "mkdocs.yml")
    assert not {"seeds", "generator"} & set(config.get("watch") or [])
    assert "generate.py" in " ".join(config["hooks"])


def test_the_glossary_reaches_the_abbr_extension_after_generation(tmp_path):
    hook = load_hook("generate")
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "abbreviations.json").write_text(json.dumps({"DMM": "Defence Ministers Meeting"}),
                                                              encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(tmp_path), mdx_configs={}, config_file_path=str(tmp_path / "mkdocs.yml"))
    hook.on_pre_build(config)
    assert config.mdx_configs["abbr"]["glossary"] == {"DMM": "Defence Ministers Meeting"}
    (tmp_path / "includes" / "abbreviations.json").unlink()
    hook.on_pre_build(config)
    assert config.mdx_configs["abbr"]["glossary"] == {}


def test_a_build_waits_for_the_regeneration_and_takes_the_writes_it_heard_of_late(tmp_path, monkeypatch):
    """MkDocs may start a build on the first of the generator's writes, and hear of the others only
    when the regeneration (in this process) lets go: the build waits for it to end, and the writes
    it hears of meanwhile ask for no second build (this one reads them all)."""
    import threading

    hook = load_hook("generate")
    for folder in ("seeds", "generator", "docs"):
        (tmp_path / folder).mkdir()
    server = SimpleNamespace(_rebuild_cond=threading.Condition(), _want_rebuild=False)
    running = threading.Event()

    def regenerate(root, docs_dir):
        running.set()
        time.sleep(0.6)
        (docs_dir / "brief.md").write_text("nieuw", encoding="utf-8")
        with server._rebuild_cond:  # what MkDocs' watcher does when it hears of the write
            server._want_rebuild = True
        return True

    monkeypatch.setattr(preview, "regenerate_here", regenerate)
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), mdx_configs={},
                             config_file_path=str(tmp_path / "mkdocs.yml"))
    hook.on_startup("serve", True)
    hook.on_serve(server, config, None)  # after the first build: its regeneration is done
    try:
        # No regeneration lately: a build of a hand-written page starts at once and leaves MkDocs' flag alone.
        with server._rebuild_cond:
            server._want_rebuild = True
        started = time.monotonic()
        hook.on_pre_build(config)
        assert time.monotonic() - started < 0.1 and server._want_rebuild
        # A build that starts long after a regeneration (MkDocs loading its configuration on a busy
        # machine) still drops the rebuild the regeneration's last writes asked for, without waiting.
        started = time.monotonic()
        hook.settle(server, started - 10)
        assert time.monotonic() - started < 0.1 and not server._want_rebuild
        (tmp_path / "seeds" / "brief.txt").write_text("een", encoding="utf-8")
        assert running.wait(5)
        hook.on_pre_build(config)  # a build that began during the regeneration
        assert (tmp_path / "docs" / "brief.md").read_text(encoding="utf-8") == "nieuw"
        assert not server._want_rebuild
        # The next build, for a hand-written page, leaves the flag alone again.
        with server._rebuild_cond:
            server._want_rebuild = True
        hook.on_pre_build(config)
        assert server._want_rebuild
    finally:
        hook._watcher._observer.stop()
        hook._watcher = None


def test_stopping_serve_stops_its_background_search_indexing():
    """During `mkdocs serve` Pagefind indexes in the background; when the server stops, so does it
    (MkDocs calls on_shutdown), instead of running on over a temporary site that is being deleted."""
    import subprocess
    import sys

    hook = load_hook("pagefind")
    hook._running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        hook.on_shutdown()
        assert hook._running.poll() is not None
    finally:
        hook._running.kill()
        hook._running.wait()
    hook.on_shutdown()  # nothing running: nothing to do


def _mkdocs_server(root, interval: float = 30):
    """MkDocs' own live-reload server, watching `root` by polling as `mkdocs serve` does (not
    serving).  Its own looks `interval` s apart: at 30 s, only an asked-for look sees a write."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root),
                              polling_interval=interval)
    server.watch(str(root))
    server.observer.start()
    time.sleep(0.2)  # its first snapshot
    return server


def test_the_build_starts_when_the_regeneration_ends_not_at_the_next_poll(tmp_path):
    """MkDocs looks at docs/ every half second.  After a regeneration the hook has it look at once
    (poll_now): the rebuild is asked for without that wait, and the build that follows drops the
    request its own writes made, so no second build comes at MkDocs' next look."""
    hook = load_hook("generate")
    docs = tmp_path / "docs"
    docs.mkdir()
    server = _mkdocs_server(docs)
    try:
        (docs / "brief.md").write_text("nieuw", encoding="utf-8")
        assert not server._want_rebuild
        started = time.monotonic()
        assert hook.poll_now(server) is True
        assert server._want_rebuild and time.monotonic() - started < 0.4
        # The build after that regeneration: MkDocs has seen every write, so its request is dropped
        # at once, and a look after the build finds nothing new.
        finished = time.monotonic()
        hook.settle(server, finished)
        assert not server._want_rebuild and time.monotonic() - finished < 0.4
        hook.poll_now(server)
        assert not server._want_rebuild
    finally:
        server.observer.stop()
        server.observer.join()


def test_mkdocs_does_not_look_at_docs_while_a_regeneration_runs(tmp_path):
    """MkDocs' looks at docs/ (every 0.1 s here) wait while the pages are being written; the look
    after the regeneration sees every write."""
    hook = load_hook("generate")
    docs = tmp_path / "docs"
    docs.mkdir()
    server = _mkdocs_server(docs, interval=0.1)
    try:
        hook.pause_polling(server)
        (docs / "brief.md").write_text("nieuw", encoding="utf-8")
        time.sleep(0.6)
        assert not server._want_rebuild
        hook.resume_polling()
        assert hook.poll_now(server) and server._want_rebuild
    finally:
        hook.resume_polling()
        server.observer.stop()
        server.observer.join()


def test_without_a_polling_watcher_the_build_waits_for_mkdocs_to_look():
    """A server whose watcher cannot be asked (another MkDocs, a stub): nothing is polled, and
    settle() waits for MkDocs' next look instead."""
    import threading

    hook = load_hook("generate")
    server = SimpleNamespace(_rebuild_cond=threading.Condition(), _want_rebuild=True)
    assert hook.poll_now(server) is False
    started = time.monotonic()
    hook.settle(server, started)
    assert time.monotonic() - started >= 0.5 + hook.SETTLE_MARGIN - 0.05
    assert not server._want_rebuild


def test_background_work_stops_before_a_regeneration_and_the_build_is_asked_for_after(tmp_path, monkeypatch):
    """Around each regeneration: background work on the old site (Pagefind's index, on two cores)
    stops first, and MkDocs is asked to look once the pages are written; a failing step is told
    and the preview goes on."""
    for folder in ("seeds", "generator", "docs"):
        (tmp_path / folder).mkdir()
    steps = []

    def regenerate(root, docs_dir):
        steps.append("genereren")
        return True

    def failing():
        steps.append("na")
        raise RuntimeError("kapot")

    monkeypatch.setattr(preview, "regenerate_here", regenerate)
    watcher = preview.Watcher(tmp_path, tmp_path / "docs", [tmp_path / "seeds"],
                              before=lambda: steps.append("voor"), after=failing)
    watcher.start()
    try:
        time.sleep(0.3)
        (tmp_path / "seeds" / "brief.txt").write_text("een", encoding="utf-8")
        time.sleep(1.5)
        (tmp_path / "seeds" / "brief.txt").write_text("twee", encoding="utf-8")
        time.sleep(1.5)
        assert steps == ["voor", "genereren", "na"] * 2
    finally:
        watcher._observer.stop()


def test_serving_stops_the_search_indexing_of_the_old_site_when_a_letter_changes(tmp_path, monkeypatch):
    """The generate hook finds every hook with background work (Pagefind's) and stops it before
    regenerating: the pagefind hook's running indexer is killed."""
    import subprocess
    import sys

    generate, pagefind = load_hook("generate"), load_hook("pagefind")
    pagefind._running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    captured = {}

    class Watcher:
        def __init__(self, *args, before=None, after=None, **kwargs):
            captured["before"] = before

        def start(self):
            pass

    monkeypatch.setattr(preview, "Watcher", Watcher)
    monkeypatch.setattr(generate, "_watching", False)
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), config_file_path=str(tmp_path / "mkdocs.yml"),
                             hooks={"overrides/hooks/pagefind.py": pagefind, "overrides/hooks/generate.py": generate})
    try:
        generate.on_serve(SimpleNamespace(), config, None)
        assert pagefind._running.poll() is None
        captured["before"]()
        assert pagefind._running.poll() is not None
    finally:
        pagefind._running.kill()
        pagefind._running.wait()
        generate._watcher = None


def test_theme_templates_are_compiled_once_and_again_when_edited(tmp_path):
    """`mkdocs serve` makes a new Jinja environment per build: the templates' compiled code is kept
    for the process, and an edited template is compiled afresh (its new text is what renders)."""
    import jinja2

    hook = load_hook("generate")
    compiled = hook.CompiledTemplates()
    (tmp_path / "main.html").write_text("<p>{{ titel }}</p>", encoding="utf-8")

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=compiled)
        return env.get_template("main.html").render(titel="Brief")

    assert render() == "<p>Brief</p>"
    assert len(compiled.code) == 1
    kept = dict(compiled.code)
    assert render() == "<p>Brief</p>" and compiled.code == kept  # loaded, not compiled again
    (tmp_path / "main.html").write_text("<h1>{{ titel }}</h1>", encoding="utf-8")
    assert render() == "<h1>Brief</h1>" and compiled.code != kept


def test_warming_up_loads_what_the_first_edit_needs_and_writes_nothing(tmp_path):
    """`make serve` warms up once the site is served: a run as if the first letter had been saved
    unchanged.  In a fresh process whose first run found nothing changed (and so loaded almost
    nothing), warming up holds each letter's link work and the page records in memory, and not a
    byte or a timestamp of docs/ changes."""
    import subprocess
    import sys

    shutil.copytree(SEEDS, tmp_path / "seeds")
    docs = tmp_path / "docs"
    assert preview.regenerate(tmp_path, docs)  # the site as `make serve` finds it
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    script = (
        "import sys; from pathlib import Path; from generator import cache, pipeline\n"
        "root = Path(sys.argv[1]); folder = root / '.cache'\n"
        "pipeline.build_site(root / 'seeds', root / 'docs', folder)\n"
        "print(len(cache._WORK.get(folder, {})), folder in cache._PAGES)\n"
        "pipeline.warm_up(root / 'seeds', root / 'docs', folder)\n"
        "print(len(cache._WORK.get(folder, {})), folder in cache._PAGES)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["0 False", f"{len(list(SEEDS.glob('*.txt')))} True"]
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()} == before


def test_serving_warms_up_before_the_site_is_served(tmp_path, monkeypatch):
    """`mkdocs serve` regenerates and then warms up before its first build, in its own process:
    an edit made as soon as the site is served waits for neither."""
    hook = load_hook("generate")
    calls = []
    monkeypatch.setattr(preview, "regenerate_here", lambda root, docs: calls.append("genereren"))
    monkeypatch.setattr(preview, "warm_up_here", lambda root, docs: calls.append("opwarmen"))
    monkeypatch.setattr(hook, "_watching", False)
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), mdx_configs={}, config_file_path=str(tmp_path / "mkdocs.yml"))
    hook.on_startup("serve", True)
    try:
        hook.on_pre_build(config)
        assert calls == ["genereren", "opwarmen"]
    finally:
        hook.on_startup("build", False)
