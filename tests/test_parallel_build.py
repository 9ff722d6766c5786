"""MkDocs' pages built in worker processes (overrides/hooks/parallel.py) are the pages one process builds.

A corpus large enough for the workers is built twice, once with the project's
mkdocs.yml and once without the hook, with a hand-written page holding a
broken link and a broken anchor: every HTML file must be byte-identical, and
the warnings (which a worker logs, and the build must count under --strict)
the same, in the same order.
"""
from __future__ import annotations

import os
import re
import shutil
import sys

import pytest

from bench.corpus import make_corpus
from sitebuild import generate, load_hook, prepare, run

N = 60  # letters: well over the hook's MIN_PAGES pages
BROKEN = "---\ntitle: Kapotte links\n---\n\n# Kapotte links\n\n[weg](bestaat-niet.md) en [anker](../index.md#geen-anker)\n"

pytestmark = pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="one core: built in one process")


def html_files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    work = tmp_path_factory.mktemp("parallel")
    root = prepare(work, make_corpus(N, work / "seeds"))
    assert generate(root).returncode == 0
    (root / "docs" / "brieven" / "kapot.md").write_text(BROKEN, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hook = re.search(r"^  - overrides/hooks/parallel\.py.*\n", config, re.M)
    assert hook, "mkdocs.yml no longer lists the parallel hook"
    (root / "serial.yml").write_text(config.replace(hook.group(0), ""), encoding="utf-8")
    builds = {}
    for name, config_file in (("parallel", "mkdocs.yml"), ("serial", "serial.yml")):
        done = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config_file, "-d", name], root)
        builds[name] = (done, html_files(root / name))
        shutil.rmtree(root / name)
    return builds


def warnings(done):
    return [line for line in done.stderr.splitlines() if line.startswith("WARNING")]


def test_the_workers_built_the_pages(two_builds):
    parallel, _ = two_builds["parallel"]
    serial, _ = two_builds["serial"]
    assert re.search(r"Building \d+ pages in [2-9] worker processes", parallel.stderr)
    assert "worker processes" not in serial.stderr


def test_every_page_is_byte_identical(two_builds):
    (_, parallel), (_, serial) = two_builds["parallel"], two_builds["serial"]
    assert len(parallel) > 200
    assert parallel.keys() == serial.keys()
    assert [path for path in parallel if parallel[path] != serial[path]] == []


def test_warnings_from_the_workers_still_fail_a_strict_build(two_builds):
    (parallel, _), (serial, _) = two_builds["parallel"], two_builds["serial"]
    assert parallel.returncode == serial.returncode == 1
    found = warnings(parallel)
    assert any("bestaat-niet.md" in w for w in found) and any("#geen-anker" in w for w in found)
    assert found == warnings(serial)
    assert "Aborted with 2 warnings in strict mode" in parallel.stdout + parallel.stderr


def test_serve_builds_its_first_site_in_workers_and_rebuilds_in_one_process(monkeypatch):
    """`mkdocs serve`: the first build is the whole site in a fresh folder, before the server's
    threads start; the later ones rebuild a few pages (--dirty) beside them.  `mkdocs build --dirty`
    skips unchanged pages, whose results the workers' streams would still hold."""
    hook = load_hook("parallel")
    monkeypatch.setattr(hook.threading, "active_count", lambda: 1)  # threads other tests left behind
    cores = min(os.cpu_count() or 1, 4)
    hook.on_startup("serve", True)
    assert hook._workers() == cores
    hook.on_post_build(None)
    assert hook._workers() == 1
    hook.on_startup("build", True)
    assert hook._workers() == 1
    hook.on_startup("build", False)
    assert hook._workers() == cores
    hook.on_post_build(None)
    assert hook._workers() == cores  # gh-deploy and build make one site each; a second is as whole
