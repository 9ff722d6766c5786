"""Same seeds, same site: byte for byte, and a rebuild touches only what changed.

What MkDocs stamps: sitemap.xml's <lastmod> and the mtime inside
sitemap.xml.gz are the build date; MkDocs takes them from SOURCE_DATE_EPOCH
when it is set (there is no mkdocs.yml setting), so both builds here set it,
as a deploy should (e.g. to the last commit's time).

What cannot be switched off: Pagefind 1.5 writes its filter index in hash-map
order, which differs from run to run (Pagefind issue #638), so the filter
files get other names, and with them the meta file and pagefind-entry.json
that name them.  Those three are compared by content instead: the filter
files must hold the same values for the same pages.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from conftest import SEEDS
from pagefind_files import cbor
from sitebuild import build, generate, prepare

EPOCH = "1767225600"  # 2026-01-01: any fixed time will do
# Named by content hashes that depend on the filter order (see above).
PAGEFIND_UNSTABLE = re.compile(r"^pagefind/(?:filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- Pagefind's filter files: gzip'd "pagefind_dcd" + CBOR -------------------------


def unordered(value):
    """The value with every list turned into a sorted tuple: order no longer counts."""
    if isinstance(value, list):
        return tuple(sorted((unordered(v) for v in value), key=repr))
    return value


def filter_content(site: dict[str, bytes]) -> set:
    out = set()
    for path, raw in site.items():
        if path.startswith("pagefind/filter/"):
            data = gzip.decompress(raw)
            assert data.startswith(b"pagefind_dcd"), path
            out.add(unordered(cbor(data, len(b"pagefind_dcd"))[0]))
    return out


# --- the builds ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    roots = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name in ("eerste", "tweede"):
            root, gen, site = build(tmp_path_factory.mktemp(name), SEEDS)
            assert gen.returncode == 0, gen.stderr
            assert site.returncode == 0, site.stderr
            roots.append(root)
    return roots


def differing(a: dict[str, bytes], b: dict[str, bytes], skip=lambda path: False) -> list[str]:
    return sorted(p for p in a.keys() | b.keys() if not skip(p) and a.get(p) != b.get(p))


def test_two_builds_give_identical_docs(two_builds):
    first, second = (tree(root / "docs") for root in two_builds)
    assert differing(first, second) == []


def test_two_builds_give_identical_sites(two_builds):
    first, second = (tree(root / "site") for root in two_builds)
    assert differing(first, second, skip=PAGEFIND_UNSTABLE.match) == []


def test_pagefind_filters_hold_the_same_content(two_builds):
    first, second = (tree(root / "site") for root in two_builds)
    if not any(p.startswith("pagefind/") for p in first):
        pytest.skip("no Pagefind index in this site")
    assert filter_content(first) == filter_content(second)
    assert sum(1 for p in first if PAGEFIND_UNSTABLE.match(p)) == sum(1 for p in second if PAGEFIND_UNSTABLE.match(p))


def test_sitemap_dates_come_from_source_date_epoch(two_builds):
    sitemap = (two_builds[0] / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2026-01-01</lastmod>" in sitemap


# --- rebuilding ----------------------------------------------------------------------


def written(run) -> int:
    m = re.search(r"(\d+) pagina's geschreven", run.stdout)
    assert m, f"generator output does not say how many pages it wrote:\n{run.stdout}"
    return int(m.group(1))


def snapshot(docs: Path) -> dict[str, int]:
    return {p.relative_to(docs).as_posix(): p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}


def test_second_generator_run_rewrites_nothing(tmp_path):
    root = prepare(tmp_path, SEEDS)
    first = generate(root)
    assert first.returncode == 0, first.stderr
    assert written(first) > 0
    before = snapshot(root / "docs")
    second = generate(root)
    assert second.returncode == 0, second.stderr
    assert written(second) == 0, second.stdout
    assert snapshot(root / "docs") == before, "files in docs/ were touched by a run that wrote nothing"


# Seed 001 (31 January 2025), a sentence in its body: not its date, title or headings.
CHANGED_SEED = "001"
BEFORE = "De SG NAVO heeft aangekondigd twee werksessies bijeen te roepen."
AFTER = "De SG NAVO heeft aangekondigd drie werksessies bijeen te roepen."


def letter_slug(docs: Path, pages: list[str], source_name: str) -> str:
    """Slug of the letter made from `source_name`: its page links to the source file."""
    own = [p for p in pages if re.fullmatch(r"brieven/[^/]+\.md", p) and p != "brieven/index.md"
           and f"bronnen/{source_name}" in (docs / p).read_text(encoding="utf-8")]
    assert len(own) == 1, f"expected one letter page linking to bronnen/{source_name}, found {own}"
    return own[0].removeprefix("brieven/").removesuffix(".md")


def dependents(docs: Path, pages: list[str], slug: str, source_name: str) -> set[str]:
    """Generated pages that show anything of one letter: each links to it or to its source file."""
    out = set()
    for path in pages:
        if path.startswith(f"brieven/{slug}") or path == f"bronnen/{source_name}":
            out.add(path)
        # A feed that links to the letter quotes it too (topic feeds quote its paragraphs).
        elif path.endswith((".md", ".xml")) and (f"brieven/{slug}" in (docs / path).read_text(encoding="utf-8")):
            out.add(path)
    return out


def test_changing_one_seed_rewrites_only_the_pages_that_depend_on_it(tmp_path):
    root = prepare(tmp_path, SEEDS)
    assert generate(root).returncode == 0
    docs = root / "docs"
    pages = json.loads((docs / ".generated.json").read_text(encoding="utf-8"))
    (seed,) = (root / "seeds").glob(f"{CHANGED_SEED}_*.txt")
    slug = letter_slug(docs, pages, seed.name)
    allowed = dependents(docs, pages, slug, seed.name)

    text = seed.read_text(encoding="utf-8")
    assert BEFORE in text, f"the sentence to change is not in {seed.name} any more"
    seed.chmod(0o644)  # copied from the read-only seeds
    seed.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    before = snapshot(docs)
    run = generate(root)
    assert run.returncode == 0, run.stderr
    after = snapshot(docs)
    rewritten = {p for p in after if after[p] != before.get(p)} - {".generated.json"}

    assert written(run) == len(rewritten), f"generator says {written(run)} written; files touched: {sorted(rewritten)}"
    assert f"brieven/{slug}.md" in rewritten and f"bronnen/{seed.name}" in rewritten
    assert rewritten <= allowed, (f"pages that show nothing of {seed.name} were rewritten: "
                                  f"{sorted(rewritten - allowed)}")
