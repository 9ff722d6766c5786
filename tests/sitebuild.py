"""Build the whole site (generator + MkDocs) in a scratch copy of the project.

Tests never write into the working tree: the hand-written parts (mkdocs.yml,
overrides/, hand-written docs/) are copied next to a seeds folder of the
test's choosing, and the site is built there with `mkdocs build --strict`.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def hand_written_docs() -> list[Path]:
    docs = ROOT / "docs"
    manifest = docs / ".generated.json"
    generated = set(json.loads(manifest.read_text(encoding="utf-8"))) if manifest.exists() else set()
    generated.add(".generated.json")
    return [p for p in docs.rglob("*") if p.is_file() and p.relative_to(docs).as_posix() not in generated]


def load_hook(name: str):
    """A fresh copy of overrides/hooks/<name>.py, as MkDocs loads it (its module state its own)."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook_under_test", ROOT / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seeds_with(folder: Path, files: dict[str, bytes]) -> Path:
    """A copy of the project's seeds in `folder` with `files` (name: bytes) beside them; returns `folder`."""
    from test_bad_input import copy_seeds
    copy_seeds(folder)
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return folder


def prepare(work: Path, seeds: Path) -> Path:
    """A project copy in `work` whose seeds are `seeds`; returns its root."""
    root = work / "project"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides", dirs_exist_ok=True)
    for path in hand_written_docs():
        target = root / "docs" / path.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    if (root / "seeds").exists():
        shutil.rmtree(root / "seeds")
    shutil.copytree(seeds, root / "seeds")
    if not (root / "generator").exists():
        (root / "generator").symlink_to(ROOT / "generator")  # mkdocs.yml watches it
    return root


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def generate(root: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--docs", "docs"], root)


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"], root)


def build(work: Path, seeds: Path) -> tuple[Path, subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """Generate and build; returns (project root, generator run, mkdocs run)."""
    root = prepare(work, seeds)
    gen = generate(root)
    site = mkdocs_build(root) if gen.returncode == 0 else gen
    return root, gen, site


def built_as_is_and_with(work: Path, seeds: Path, hook: str, replacement: str) -> tuple[Path, Path]:
    """The site of `seeds` built twice: as the project is, and with overrides/hooks/<hook>
    replaced by `replacement`; returns the two site folders (a hook's output compared to a
    plainer way of doing the same)."""
    sites = []
    for name, text in (("as-is", None), ("replaced", replacement)):
        root = prepare(work / name, seeds)
        if text is not None:
            (root / "overrides" / "hooks" / hook).write_text(text, encoding="utf-8")
        assert generate(root).returncode == 0
        built = mkdocs_build(root)
        assert built.returncode == 0, built.stderr[-2000:]
        sites.append(root / "site")
    return sites[0], sites[1]
