"""Bad input in seeds/: the site still builds, every problem names its file, nothing is injected.

The folder (tests/badseeds.py) holds the real seeds plus an empty file, a
binary file, a Windows-1252 letter, a file with only a letterhead, a letter
without a date, two copies of one letter (byte for byte, and re-saved with
Windows line ends), a letter full of text that breaks HTML, Markdown and YAML,
and file names with spaces, non-ASCII characters and markup.  The ~5 MB
letter has a test of its own, with a time limit.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from html import escape as html_escape, unescape as html_unescape
from urllib.parse import quote

import pytest

import badseeds as bad
from conftest import SEED_NAMES, SEEDS
from sitebuild import ROOT, generate, mkdocs_build, prepare, run

# Seconds the generator may take for the real seeds plus one ~5 MB letter.
BIG_LETTER_BUDGET = 60


@dataclass
class Built:
    root: Path
    seeds: Path
    gen: subprocess.CompletedProcess
    site: subprocess.CompletedProcess
    check: subprocess.CompletedProcess


def check(seeds: Path, cwd: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "generator", "check", "--seeds", str(seeds)], cwd)


@pytest.fixture(scope="module")
def built_bad(tmp_path_factory) -> Built:
    tmp = tmp_path_factory.mktemp("bad")
    seeds = bad.write_bad_seeds(tmp / "seeds", big_size=None)
    root = prepare(tmp / "w", seeds)
    gen = generate(root)  # exits 1 (files that cannot be used) after writing the rest
    return Built(root, seeds, gen, mkdocs_build(root), check(seeds, root))


def reports(built: Built) -> dict[str, list[str]]:
    """Per file name, the problem lines of `build` (stderr) and `check` (stdout)."""
    out: dict[str, list[str]] = {}
    for line in built.gen.stderr.splitlines():
        name, sep, rest = line.partition(": ")
        if sep:
            out.setdefault(name.rsplit(":", 1)[0] if name.rsplit(":", 1)[-1].isdigit() else name, []).append(rest)
    current = None
    for line in built.check.stdout.splitlines():
        if line and not line.startswith(" "):
            current = line.partition(": ")[0].removesuffix(":")
        elif current and line.strip().startswith(("error:", "warning:", "info:")):
            out.setdefault(current, []).append(line.strip())
    return out


# --- the build --------------------------------------------------------------------


def test_build_writes_the_rest_then_fails_naming_the_unusable_files(built_bad):
    # Empty, binary and letterhead-only files cannot be used at all: exit 1, after writing every other page.
    assert built_bad.gen.returncode == 1, built_bad.gen.stderr
    last = built_bad.gen.stderr.splitlines()[-1]
    assert "niet te gebruiken" in last and bad.EMPTY in last and bad.BINARY in last, last
    assert built_bad.site.returncode == 0, built_bad.site.stderr[-3000:]


def test_keep_going_exits_0_and_still_reports(built_bad):
    done = run([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--docs", "docs", "--keep-going"],
               built_bad.root)
    assert done.returncode == 0 and f"{bad.EMPTY}: error" in done.stderr, done.stderr


def make_generate(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`make generate` of the project's Makefile in `root`, with this checkout's set-up venv."""
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")  # (older than the venv's stamp)
    return run(["make", "-s", "-f", str(ROOT / "Makefile"), f"VENV={ROOT / '.venv'}", "generate", *args], root)


@pytest.mark.skipif(not shutil.which("make") or not (ROOT / ".venv" / ".installed").exists(),
                    reason="needs make and the project's set-up .venv")
def test_make_build_fails_on_an_unusable_file_unless_keep_going(built_bad):
    strict = make_generate(built_bad.root)
    assert strict.returncode != 0 and bad.EMPTY in strict.stderr, strict.stderr[-2000:]
    assert make_generate(built_bad.root, "KEEP_GOING=1").returncode == 0


def test_ci_uses_the_strict_build():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert "KEEP_GOING" not in ci and "--keep-going" not in ci


class Text(HTMLParser):
    """The text of a page and what it would run or load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.script: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.script if self._in_script else self.text).append(data)


def page_of(site: Path, name: str) -> Path | None:
    """The letter page whose source link is the file `name`."""
    href = f"bronnen/{quote(name)}"
    for html in sorted((site / "brieven").rglob("index.html")):
        if html.parent.name != "brieven" and href in html.read_text(encoding="utf-8"):
            return html
    return None


def test_every_readable_letter_has_its_page(built_bad):
    site = built_bad.root / "site"
    seed003 = next(n for n in SEED_NAMES if n.startswith("003"))
    seed004 = next(n for n in SEED_NAMES if n.startswith("004"))
    pairs = [(bad.COPY, seed003), (bad.CRLF_COPY, seed004)]
    single = [n for n in SEED_NAMES + bad.READABLE if not any(n in pair for pair in pairs)]
    missing = [name for name in single if page_of(site, name) is None]
    assert not missing, f"no letter page for {missing}"
    # Of two copies of one letter, one has the page (which one is the generator's choice).
    for pair in pairs:
        pages = [n for n in pair if page_of(site, n) is not None]
        assert len(pages) >= 1, f"neither copy {pair} has a letter page"


def test_hostile_text_is_shown_as_text(built_bad):
    page = page_of(built_bad.root / "site", bad.HOSTILE)
    parser = Text()
    parser.feed(page.read_text(encoding="utf-8"))
    text = " ".join(" ".join(parser.text).split())
    for line in bad.HOSTILE_LINES:
        shown = line.lstrip("*").strip()  # a leading "* " makes a list item: the asterisk is its bullet
        assert shown in text, f"{line!r} is not shown on the letter page"
    assert "<script>alert(1)</script>" in text and "[link](javascript:alert(1))" in text


def test_nothing_is_injected_into_the_html(built_bad):
    site = built_bad.root / "site"
    found = []
    for html in sorted(site.rglob("*.html")):
        parser = Text()
        parser.feed(html.read_text(encoding="utf-8"))
        where = html.relative_to(site).as_posix()
        if any("alert(" in s for s in parser.script):
            found.append(f"{where}: <script> with alert(")
        for tag, attrs in parser.tags:
            for name, value in attrs.items():
                # (The theme's own search form has action="javascript:void(0)": not from a letter.)
                if "alert(" in value or (name in ("href", "src") and value.strip().lower().startswith("javascript:")):
                    found.append(f"{where}: <{tag} {name}={value!r}>")
            if tag == "img" and attrs.get("src") == "x":
                found.append(f"{where}: <img src=x>")
        # <b>vet</b> comes only from a letter, never from a template.
        raw = html.read_text(encoding="utf-8")
        for markup in ("<b>vet</b>",):
            if markup in raw:
                found.append(f"{where}: {markup} as markup")
    assert not found, f"{len(found)} injection(s):\n" + "\n".join(found)


def test_feeds_are_xml_and_carry_no_markup(built_bad):
    site = built_bad.root / "site"
    feeds = sorted(site.rglob("feed.xml"))
    assert feeds, "no feed.xml in the built site"
    for feed in feeds:
        root = ET.parse(feed).getroot()  # raises on anything but well-formed XML
        for el in root.iter():
            # Atom text constructs: type="html" would let a feed reader run what the letter says.
            if el.get("type") in ("html", "xhtml") and el.text and ("<script" in el.text or "<b>vet" in el.text):
                pytest.fail(f"{feed.relative_to(site)}: <{el.tag} type={el.get('type')}> carries letter markup")


# --- the reports ------------------------------------------------------------------------

# File -> words one of its reported problems must contain (any of them).
EXPECTED_REPORTS = {
    bad.EMPTY: ["leeg"],
    bad.BINARY: ["binair", "geen tekst"],
    bad.LATIN1: ["cp1252", "utf-8"],
    bad.NO_DATE: ["datum"],
    bad.LETTERHEAD: ["brieftekst", "geen tekst"],
    bad.HOSTILE: [],  # reported at all, under its own (non-ASCII) name
    bad.MARKUP_NAME: [],
    bad.BROKEN_UTF16: ["onleesbare tekens"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_REPORTS))
def test_problem_is_reported_naming_its_file(built_bad, name):
    found = reports(built_bad).get(name)
    assert found, f"no problem reported for {name!r}"
    words = EXPECTED_REPORTS[name]
    if words:
        assert any(w.casefold() in line.casefold() for line in found for w in words), \
            f"{name}: expected a report about {words}, got {found}"


def test_identical_copy_is_reported_naming_both_files(built_bad):
    seed003 = next(n for n in SEED_NAMES if n.startswith("003"))
    lines = [f"{name}: {line}" for name, found in reports(built_bad).items() for line in found]
    assert any(bad.COPY in l and seed003 in l for l in lines), \
        f"no report names both {bad.COPY!r} and {seed003!r}"


def test_copy_with_other_line_ends_is_reported(built_bad):
    # The same letter saved with Windows line ends: other bytes, same text.
    seed004 = next(n for n in SEED_NAMES if n.startswith("004"))
    lines = [f"{name}: {line}" for name, found in reports(built_bad).items() for line in found]
    assert any(bad.CRLF_COPY in l and seed004 in l for l in lines), (
        f"{bad.CRLF_COPY!r} has the text of {seed004!r} but no report says so; "
        "both get a page, and the real letter's URL gains a '-2'")


def test_check_exits_1_when_a_file_cannot_be_read(built_bad, tmp_path):
    assert built_bad.check.returncode == 1, built_bad.check.stdout
    for name, content in [(bad.EMPTY, b""), (bad.BINARY, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)]:
        seeds = tmp_path / name
        copy_seeds(seeds)
        (seeds / name).write_bytes(content)
        done = check(seeds, built_bad.root)
        assert done.returncode == 1, f"check exits {done.returncode} with {name} among the seeds"
    done = check(SEEDS, built_bad.root)
    assert done.returncode == 0, f"check fails on the real seeds:\n{done.stdout}"


def copy_seeds(folder: Path) -> None:
    shutil.copytree(SEEDS, folder)
    for p in folder.iterdir():
        p.chmod(0o644)  # the seeds are read-only; copies get written next to


# --- a ~5 MB letter -------------------------------------------------------------------


def test_five_megabyte_letter_builds_in_time(tmp_path):
    seeds = tmp_path / "seeds"
    copy_seeds(seeds)
    (seeds / bad.BIG).write_text(bad.big_letter(5_000_000), encoding="utf-8")
    assert (seeds / bad.BIG).stat().st_size >= 5_000_000
    root = prepare(tmp_path / "w", seeds)
    start = time.monotonic()
    try:
        gen = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--docs", "docs"],
                             cwd=root, capture_output=True, text=True, timeout=BIG_LETTER_BUDGET,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"the generator did not finish within {BIG_LETTER_BUDGET} s on the seeds plus a 5 MB letter",
                    pytrace=False)
    took = time.monotonic() - start
    assert gen.returncode == 0, gen.stderr
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr[-3000:]
    assert page_of(root / "site", bad.BIG) is not None, "no page for the 5 MB letter"
    print(f"generator: {took:.1f} s for a 5 MB letter")


# --- a payload in every field a letter can fill -------------------------------------------

# Closes an attribute and a tag, opens a script, an image with a handler and a marked element.
PAYLOAD = "\"'><script>alert('xss')</script><img src=x onerror=alert(1)><i id=ingevoegd>"
# A file name cannot hold "/": the same without the closing script tag.
NAME_PAYLOAD = "brief \"'><img src=x onerror=alert(1)><i id=ingevoegd>.txt"


def with_payload(letter):
    """`letter` with the payload in every free-text value the reader and parser can fill."""
    from dataclasses import replace

    from generator.model import Furniture, Repair

    p = PAYLOAD
    return replace(
        letter, title=f"Brief {p}", addressee=f"Tweede Kamer {p}", minister=f"Minister {p}",
        minister_signed=f"Ondertekenaar {p}", subject=f"Betreft {p}", our_references=(f"REF{p}",),
        dossiers=tuple((d, f"Dossiertitel {p}") for d, _ in letter.dossiers) or (("36045", f"Situatie {p}"),),
        meetings=tuple(replace(m, location=f"Brussel {p}") for m in letter.meetings),
        sections=tuple(replace(s, heading=f"Kop {p}") if s.heading else s for s in letter.sections),
        footnotes=tuple(replace(n, text=n.text + f" Voetnoot {p}") for n in letter.footnotes),  # marks keep their spans
        furniture=letter.furniture + (Furniture(1, f"Briefhoofd {p}", "letterhead"),),
        repairs=letter.repairs + (Repair(1, f"voor {p}", f"na {p}", f"regel {p}"),),
    )


class Elements(HTMLParser):
    """Every element and attribute of a page, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))
        self._script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts.append(data)


def injected(html: str) -> list[str]:
    """What the payload would have added as markup: each found element or attribute."""
    parser = Elements()
    parser.feed(html)
    found = [f"<script> {s.strip()[:60]!r}" for s in parser.scripts if "xss" in s or "alert(" in s]
    for tag, attrs in parser.found:
        if tag == "img" and attrs.get("src") == "x":
            found.append("<img src=x>")
        if attrs.get("id") == "ingevoegd":
            found.append(f"<{tag} id=ingevoegd>")
        found += [f"<{tag} {k}=…>" for k in attrs if k.startswith("on")]
        # (An escaped payload inside an attribute value is text: only a live URL counts.)
        found += [f"<{tag} {k}={v[:60]!r}>" for k, v in attrs.items()
                  if k in ("href", "src") and v.strip().lower().startswith("javascript:")]
    return found


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    """The seeds, seed 004 under a file name with markup, every field of every letter carrying the payload."""
    from generator.link import link
    from generator.pipeline import build_corpus
    from generator.render import render
    from generator.write import write_pages

    tmp = tmp_path_factory.mktemp("payload")
    seeds = tmp / "seeds"
    copy_seeds(seeds)
    seed004 = next(seeds.glob("004_*.txt"))
    seed004.rename(seeds / NAME_PAYLOAD)
    root = prepare(tmp / "w", seeds)
    result = build_corpus(root / "seeds")
    letters = [with_payload(l) for l in result.corpus.letters]
    corpus = link(letters, [])
    write_pages(render(corpus, list(result.sources)), root / "docs")
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr[-3000:]
    return root / "site"


def test_payload_reaches_the_pages_as_text(payload_site):
    # The payload is there to be read (nothing lost), as text: in the title, the panel, the footnotes.
    page = (payload_site / "brieven" / "2025-11-12-verslag-dmm" / "index.html").read_text(encoding="utf-8")
    parser = Text()
    parser.feed(page)
    text = " ".join(parser.text)
    for field in ("Brief", "Tweede Kamer", "Ondertekenaar", "Betreft", "Dossiertitel", "Voetnoot", "Kop"):
        assert f"{field} {PAYLOAD}" in text, f"{field}: payload not shown as text"
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert html_unescape(title).startswith(f"Brief {PAYLOAD}")


def assert_no_markup_added(site: Path) -> None:
    """No page of the built site holds an element, attribute or request the payload injected."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    found = [f"{p.relative_to(site)}: {what}" for p in pages for what in injected(p.read_text(encoding="utf-8"))]
    assert not found, f"{len(found)} injection(s):\n" + "\n".join(found[:40])


def test_payload_in_every_field_adds_no_markup(payload_site):
    assert_no_markup_added(payload_site)


def test_injection_detector_finds_unescaped_markup():
    # The check above would see the payload if a template printed it as it is.
    assert len(injected(f"<title>{PAYLOAD}</title><meta name=description content=\"{PAYLOAD}\">")) >= 3
    assert injected(html_escape(PAYLOAD)) == []


def test_block_syntax_at_a_paragraph_start_stays_text_with_its_anchor(built_bad):
    page = page_of(built_bad.root / "site", bad.HOSTILE).read_text(encoding="utf-8")
    anchored = [html_unescape(t) for t in re.findall(r'<p id="p\d+">([^<]*)</p>', page)]
    for para in bad.BLOCK_PARAGRAPHS:
        assert para in anchored, f"{para[:20]!r} is not an anchored paragraph of its own"
    assert '<div class="admonition' not in page and "<details class=\"danger" not in page


# --- only regular files inside seeds/ ----------------------------------------------------

SECRET = "GEHEIM-7d1c0f: dit mag nooit op de site staan"


def secret_file(tmp_path: Path) -> Path:
    outside = tmp_path / "buiten" / "geheim.txt"
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.write_text(f"Den Haag, 3 maart 2024\n\n{SECRET}\n\nEen alinea van een brief. " * 3, encoding="utf-8")
    return outside


def strange_entries(seeds: Path, tmp_path: Path) -> dict[str, str]:
    """Add every kind of folder entry that is not a letter; returns name -> words its report must hold."""
    outside = secret_file(tmp_path)
    (seeds / "koppeling.txt").symlink_to(outside)
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    (seeds / "dood.txt").symlink_to(tmp_path / "bestaat-niet.txt")
    (seeds / "map.txt").mkdir()
    os.mkfifo(seeds / "pijp.txt")
    (seeds / ".verborgen.txt").write_text(SECRET, encoding="utf-8")
    os.link(outside, seeds / "hard.txt")
    expected = {"koppeling.txt": "koppeling", "passwd.txt": "koppeling", "dood.txt": "koppeling",
                "map.txt": "map", "pijp.txt": "FIFO", ".verborgen.txt": "verborgen", "hard.txt": "harde koppeling"}
    try:
        os.mknod(seeds / "apparaat.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        expected["apparaat.txt"] = "apparaatbestand"
    except (PermissionError, OSError):
        pass  # no right to make a device here; the other kinds still count
    return expected


def test_only_regular_files_inside_the_folder_are_read(tmp_path):
    from generator.read import read_seeds

    seeds = tmp_path / "seeds"
    copy_seeds(seeds)
    expected = strange_entries(seeds, tmp_path)
    sources, problems = read_seeds(seeds)
    assert sorted(s.name for s in sources) == SEED_NAMES
    assert all(SECRET not in (s.text or "") for s in sources)
    reported = {p.source: p for p in problems}
    for name, words in expected.items():
        assert name in reported, f"{name} skipped without a word"
        assert "overgeslagen" in reported[name].message and words in reported[name].message, reported[name]


def test_nothing_outside_seeds_is_published_and_each_skip_is_printed(tmp_path):
    seeds = tmp_path / "seeds"
    copy_seeds(seeds)
    expected = strange_entries(seeds, tmp_path)
    root = prepare(tmp_path / "w", SEEDS)
    shutil.rmtree(root / "seeds")
    (root / "seeds").symlink_to(seeds)  # the seeds folder itself may be a link; its entries are checked
    gen = run([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--docs", "docs"], root)
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr[-2000:]
    leaked = [p for folder in ("docs", "site") for p in (root / folder).rglob("*")
              if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert not leaked, f"the secret is published in {leaked}"
    assert "root:" not in " ".join(p.read_text(errors="replace") for p in (root / "site").rglob("*.html"))
    for name in expected:
        assert any(line.startswith(f"{name}: ") and "overgeslagen" in line for line in gen.stderr.splitlines()), \
            f"{name}: no report in\n{gen.stderr}"


# --- decoding never raises; damage is reported by line -----------------------------------

LETTER = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 4 maart 2024\n\n"
          "Op 21 maart 2024 komen de NAVO-ministers van Defensie (DMM) in Brussel bijeen. Oekraïne en België "
          "spreken over coördinatie.\n\nDe minister van Defensie,\n\nR.P. Brekelmans\n")


def read_one(tmp_path: Path, name: str, data: bytes):
    from generator.read import read_seeds

    folder = tmp_path / "een"
    folder.mkdir()
    (folder / name).write_bytes(data)
    sources, problems = read_seeds(folder)
    return sources, problems + [p for s in sources for p in s.problems]


@pytest.mark.parametrize("label, data", [
    ("UTF-16 with a BOM and an odd byte count", "\ufeff".encode("utf-16-le") + LETTER.encode("utf-16-le") + b"\x00"),
    ("UTF-16 with a lone surrogate", b"\xff\xfe" + LETTER.encode("utf-16-le")[:40] + b"\x00\xd8" + LETTER.encode("utf-16-le")[40:]),
    ("UTF-16 big-endian, odd", b"\xfe\xff" + LETTER.encode("utf-16-be") + b"\x01"),
    ("UTF-8 BOM with invalid bytes", b"\xef\xbb\xbf" + LETTER.encode() + b"\xff\xfe\xc3"),
])
def test_broken_encodings_are_read_and_reported_by_line(tmp_path, label, data):
    sources, problems = read_one(tmp_path, "kapot.txt", data)
    assert len(sources) == 1 and sources[0].text and "Brekelmans" in sources[0].text, label
    assert any("onleesbare tekens" in p.message and p.line for p in problems), (label, problems)


def test_mixed_utf8_and_cp1252_is_read_line_by_line_with_a_warning(tmp_path):
    head, tail = LETTER.split("De minister")
    data = head.encode("utf-8") + ("De minister" + tail).replace("Brekelmans", "Brekelmans, Oekraïne").encode("cp1252")
    sources, problems = read_one(tmp_path, "gemengd.txt", data)
    assert "Oekraïne en België" in sources[0].text and "Brekelmans, Oekraïne" in sources[0].text
    warning = next(p for p in problems if "gemengde codering" in p.message)
    assert warning.level == "warning" and warning.line == LETTER.split("\n").index("R.P. Brekelmans") + 1


def test_half_mojibake_is_repaired_per_line_with_a_warning(tmp_path):
    letter = LETTER.replace("Brekelmans", "Brekelmans, Oekraïne")
    lines = letter.split("\n")
    lines[4] = lines[4].encode("utf-8").decode("cp1252")  # only this line double-encoded
    sources, problems = read_one(tmp_path, "half.txt", "\n".join(lines).encode("utf-8"))
    assert sources[0].text == letter
    assert any(p.level == "warning" and p.line == 5 and "hersteld" in p.message for p in problems), problems


@pytest.mark.parametrize("label, data, words", [
    # Encoded twice over: one repair still leaves "Ã¯" in every line.
    ("mostly mojibake", ("Oekraïne en België: coördinatie\n".encode().decode("cp1252").encode().decode("cp1252") * 40
                         + LETTER).encode("utf-8"), "onleesbaar"),
    ("Cyrillic bytes", "Привет, это не голландский текст\n".encode("koi8-r") * 40, "onleesbaar"),
    ("an uncompressed PDF", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                            b"3 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Den Haag) Tj ET\n"
                            b"endstream\nendobj\nxref\n0 4\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n",
     "PDF"),
])
def test_garbage_is_an_error_and_no_letter(tmp_path, label, data, words):
    sources, problems = read_one(tmp_path, "rommel.txt", data)
    assert all(s.text is None for s in sources), label
    assert any(p.level == "error" and words in p.message and p.source == "rommel.txt" for p in problems), problems


def test_direction_overrides_are_removed_and_reported(tmp_path):
    text = LETTER.replace("Brussel", "Brussel \u202egnipuorg\u202c en \u2067x")
    sources, problems = read_one(tmp_path, "rtl.txt", text.encode())
    assert "Brussel gnipuorg en x" in sources[0].text
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", sources[0].text)
    assert any("schrijfrichting" in p.message and p.line == 5 for p in problems)


def test_file_name_with_a_newline_cannot_split_a_report_line(tmp_path):
    seeds = tmp_path / "seeds"
    copy_seeds(seeds)
    (seeds / "brief\nnep.txt: error: vals bericht.txt").write_text(LETTER, encoding="utf-8")
    (seeds / "brief \u202eevil.txt").write_text(LETTER, encoding="utf-8")
    done = check(seeds, ROOT)
    lines = done.stdout.splitlines()
    assert not any(line.startswith("nep.txt") for line in lines), done.stdout
    assert any(line.startswith("brief\\nnep.txt") for line in lines), done.stdout
    assert not any("\u202e" in line for line in lines)
    assert done.returncode == 1  # neither file was used: each is an error naming it


# --- the writer stays in its own folders ---------------------------------------------------

def test_tampered_manifest_deletes_nothing_outside_the_generated_folders(tmp_path):
    from generator.model import Page
    from generator.write import write_pages

    docs = tmp_path / "project" / "docs"
    (docs / "stylesheets").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victims = [elsewhere / "secret.txt", docs / "over.md", docs / "stylesheets" / "extra.css",
               tmp_path / "project" / "mkdocs.yml"]
    for v in victims:
        v.write_text("blijft staan", encoding="utf-8")
    (docs / "brieven").mkdir()
    (docs / "brieven" / "oud.md").write_text("verouderd", encoding="utf-8")
    (docs / ".generated.json").write_text(json.dumps([
        "../../elsewhere/secret.txt", str(elsewhere / "secret.txt"), "over.md", "stylesheets/extra.css",
        "../mkdocs.yml", "brieven/../../mkdocs.yml", "brieven/./../over.md", "", 42, "brieven/oud.md",
    ]), encoding="utf-8")
    report = write_pages([Page("brieven/nieuw.md", "# Nieuw\n")], docs)
    assert all(v.read_text(encoding="utf-8") == "blijft staan" for v in victims)
    assert report.removed == ("brieven/oud.md",) and not (docs / "brieven" / "oud.md").exists()
    assert len(report.refused) == 9, report.refused
    assert json.loads((docs / ".generated.json").read_text(encoding="utf-8")) == ["brieven/nieuw.md"]


def test_writer_does_not_write_through_a_link_out_of_its_folder(tmp_path):
    from generator.model import Page
    from generator.write import WriteError, write_pages

    docs = tmp_path / "docs"
    docs.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (docs / "brieven").symlink_to(elsewhere)
    with pytest.raises(WriteError, match="koppeling"):
        write_pages([Page("brieven/a.md", "x")], docs)
    (docs / "brieven").unlink()
    (docs / "brieven").mkdir()
    (docs / "brieven" / "a.md").symlink_to(elsewhere / "a.md")
    with pytest.raises(WriteError):
        write_pages([Page("brieven/a.md", "x")], docs)
    for outside in ("../x.md", "/tmp/x.md", "over.md", "stylesheets/x.css", "brieven/../over.md"):
        with pytest.raises(WriteError):
            write_pages([Page(outside, "x")], docs)
    assert list(elsewhere.iterdir()) == []
    (docs / ".generated.json").symlink_to(elsewhere / "manifest.json")
    write_pages([Page("index.md", "# Start\n")], docs)
    assert list(elsewhere.iterdir()) == [] and (docs / "index.md").exists()


# --- a broken data file: one clear message naming the file and line ------------------------

@pytest.fixture
def broken_data(tmp_path, monkeypatch):
    """generator/data/ copied, meetings.yaml broken at a known line; the loaders' caches emptied around it."""
    import generator.cli  # noqa: F401  (loaded with the good files, as a running `make serve` would be)
    from generator import knowledge

    data = tmp_path / "data"
    shutil.copytree(knowledge.DATA, data)
    lines = (data / "meetings.yaml").read_text(encoding="utf-8").split("\n")
    lines.insert(3, "  kapot: [niet gesloten")
    (data / "meetings.yaml").write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(knowledge, "DATA", data)
    for loader in (knowledge.meeting_knowledge, knowledge.cleaning_rules):
        loader.cache_clear()
    yield data / "meetings.yaml"
    monkeypatch.undo()
    for loader in (knowledge.meeting_knowledge, knowledge.cleaning_rules):
        loader.cache_clear()


def test_broken_data_file_names_file_and_line(broken_data):
    from generator.knowledge import DataFileError, meeting_knowledge

    with pytest.raises(DataFileError) as caught:
        meeting_knowledge()
    assert caught.value.path == broken_data and caught.value.line in (4, 5, 6), str(caught.value)
    assert str(caught.value).startswith(f"{broken_data}:{caught.value.line}: geen geldige YAML")


@pytest.mark.parametrize("content, message", [
    ("types:\n  dmm:\n    short: DMM\n", "meetings.yaml: ontbrekend veld 'title'"),
    # A meeting type is part of its meetings' addresses (vergaderingen/2025-10-15-dmm/).
    ("types:\n  '../dmm\"<b>':\n    title: X\n    names: [X]\n", "meetings.yaml: ongeldige waarde .*soort vergadering"),
    # an earlier name needs the last day it was used
    ("types:\n  rbz:\n    title: X\n    names: [X]\n    former_titles:\n      - {title: Y}\n",
     "meetings.yaml: ongeldige waarde .*former_titles"),
], ids=["missing field", "type that is no address", "former title without its last day"])
def test_a_meetings_file_error_is_named(tmp_path, monkeypatch, content, message):
    from generator import knowledge

    data = tmp_path / "data"
    shutil.copytree(knowledge.DATA, data)
    (data / "meetings.yaml").write_text(content, encoding="utf-8")
    monkeypatch.setattr(knowledge, "DATA", data)
    knowledge.meeting_knowledge.cache_clear()
    try:
        with pytest.raises(knowledge.DataFileError, match=message):
            knowledge.meeting_knowledge()
    finally:
        monkeypatch.undo()
        knowledge.meeting_knowledge.cache_clear()


def test_broken_documents_list_is_named(tmp_path, monkeypatch):
    from generator import knowledge, references

    data = tmp_path / "data"
    shutil.copytree(knowledge.DATA, data)
    (data / "documents.yaml").write_text("kinds: {}\ndeterminers: [de]\n", encoding="utf-8")
    monkeypatch.setattr(knowledge, "DATA", data)
    references._vocabulary.cache_clear()
    try:
        with pytest.raises(knowledge.DataFileError, match="documents.yaml: ontbrekend veld 'openers'"):
            references._vocabulary()
    finally:
        monkeypatch.undo()
        references._vocabulary.cache_clear()


@pytest.mark.parametrize("command", ["build", "check"])
def test_cli_stops_with_exit_2_naming_the_broken_data_file(broken_data, tmp_path, command):
    from click.testing import CliRunner

    from generator.cli import EXIT_FATAL, main

    # The build's own, empty cache: the fixture breaks a copy of the data files, which the key of a
    # warm .cache/ in the working folder (made from generator/data/ itself) does not see.
    args = [command, "--seeds", str(SEEDS)] + (["--docs", str(tmp_path / "docs"), "--cache", str(tmp_path / "cache")]
                                               if command == "build" else [])
    done = CliRunner().invoke(main, args)
    assert done.exit_code == EXIT_FATAL, done.output
    assert f"{broken_data}:" in done.output and "geen geldige YAML" in done.output


def test_broken_data_file_at_start_up_is_one_message(tmp_path):
    # Some data files are read when the modules load: `python -m generator` still gives one line, no traceback.
    shutil.copytree(ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "generator" / "data" / "cleaning.yaml").write_text("greetings: [a\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--seeds", str(SEEDS)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "cleaning.yaml:2: geen geldige YAML" in done.stderr, done.stderr


# --- stable addresses ---------------------------------------------------------------------

def near_copy(text: str) -> str:
    """The letter with one word changed: another text, the same date, kind and meeting."""
    return text.replace(" de ", " de de ", 1)


def addresses(seeds: Path, pinned: dict | None = None) -> tuple[dict[str, str], list]:
    """File name -> letter address, and the problems, for a seeds folder."""
    from generator import parse as parse_module
    from generator.pipeline import build_corpus

    original = parse_module.address_pins
    if pinned is not None:
        parse_module.address_pins = lambda: pinned
    try:
        result = build_corpus(seeds)
    finally:
        parse_module.address_pins = original
    return {l.source: l.slug for l in result.corpus.letters}, list(result.problems)


@pytest.fixture(scope="module")
def seed_addresses() -> dict[str, str]:
    return addresses(SEEDS)[0]


def test_near_copy_of_a_seed_never_moves_the_seeds_address(tmp_path, seed_addresses):
    seeds = tmp_path / "seeds"
    copy_seeds(seeds)
    copies = {}
    for name in SEED_NAMES:
        # "-edit" sorts before ".txt": by name order the copy would take the address.
        copy = name.replace(".txt", "-edit.txt")
        (seeds / copy).write_text(near_copy((SEEDS / name).read_text(encoding="utf-8")), encoding="utf-8")
        copies[copy] = name
    found, problems = addresses(seeds)
    for copy, name in copies.items():
        assert found[name] == seed_addresses[name], f"{name} moved from {seed_addresses[name]} to {found[name]}"
        assert found[copy].startswith(seed_addresses[name] + "-") and found[copy] != found[name]
        assert any(p.source == copy and name in p.message and found[copy] in p.message for p in problems), \
            f"the shared address of {copy} and {name} is not reported"


def test_unpinned_collision_is_settled_by_content_not_by_name(tmp_path):
    # Two versions of one letter, under names in either order: the same letter gets the same address.
    text = (SEEDS / SEED_NAMES[4]).read_text(encoding="utf-8")
    runs = []
    for first, second in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        seeds = tmp_path / first.replace(".txt", "") / "seeds"
        seeds.mkdir(parents=True)
        (seeds / first).write_text(text, encoding="utf-8")
        (seeds / second).write_text(near_copy(text), encoding="utf-8")
        found, problems = addresses(seeds, pinned={})
        runs.append({("seed" if name == first else "copy"): slug for name, slug in found.items()})
        assert len(set(found.values())) == 2
        assert sum("zelfde adres" in p.message for p in problems) == 1
    assert runs[0] == runs[1], runs
    # The one that moves gets the start of its own content code: it does not depend on the other letter.
    moved = next(v for v in runs[0].values() if v != "2025-11-12-verslag-dmm")
    assert re.fullmatch(r"2025-11-12-verslag-dmm-[0-9a-f]{8}", moved)


def test_bad_address_pin_is_a_data_file_error(monkeypatch, tmp_path):
    from generator import knowledge, parse as parse_module

    (tmp_path / "adressen.yaml").write_text("adressen:\n  2025-11-12-verslag-dmm: xyz\n", encoding="utf-8")
    monkeypatch.setattr(knowledge, "DATA", tmp_path)
    monkeypatch.setattr(parse_module, "DATA", tmp_path)
    with pytest.raises(knowledge.DataFileError, match="adressen.yaml: 2025-11-12-verslag-dmm: 'xyz'"):
        parse_module.address_pins()


def test_odd_but_harmless_file_names_are_published(tmp_path):
    # A backslash, quotes, "#", "?" and "%" are ordinary characters in a POSIX file name.
    from generator.pipeline import build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    names = ["brief\\map.txt", "brief #1 ?.txt", "100% 'zeker'.txt"]
    for n, name in enumerate(names):
        (seeds / name).write_text(LETTER.replace("4 maart", f"{n + 4} maart"), encoding="utf-8")
    result, report = build_site(seeds, tmp_path / "docs")
    assert sorted(l.source for l in result.corpus.letters) == sorted(names)
    assert all((tmp_path / "docs" / "bronnen" / name).is_file() for name in names)


def test_generate_reports_instead_of_raising(broken_data, tmp_path):
    # The API `make serve`'s hook uses: a broken data file is an outcome, not an exception.
    from generator.cli import EXIT_FATAL, generate

    outcome = generate(SEEDS, tmp_path / "docs")
    assert outcome.code == EXIT_FATAL and outcome.summary == ""
    assert outcome.lines[0].startswith(f"{broken_data}:") and "geen geldige YAML" in outcome.lines[0]
    assert not (tmp_path / "docs" / "brieven").exists()


def test_generate_names_unusable_files_and_writes_the_rest(tmp_path):
    from generator.cli import EXIT_UNUSABLE, generate

    seeds = tmp_path / "seeds"
    copy_seeds(seeds)
    (seeds / "leeg.txt").write_bytes(b"")
    outcome = generate(seeds, tmp_path / "docs")
    assert outcome.code == EXIT_UNUSABLE and "5 brieven" in outcome.summary
    assert any(line.startswith("leeg.txt: error: leeg bestand") for line in outcome.lines)
    assert "leeg.txt" in outcome.lines[-1] and len(list((tmp_path / "docs" / "brieven").glob("*.md"))) >= 5


def test_pin_fixes_every_published_address_so_a_later_near_copy_never_takes_it(tmp_path, monkeypatch):
    """`generator pin` writes the addresses of today's letters into adressen.yaml; afterwards a
    near-copy of a letter whose address was not pinned before still leaves that letter where it was."""
    from click.testing import CliRunner

    from generator import cli, knowledge
    from generator.parse import address_pins
    from generator.pipeline import build_corpus

    data = tmp_path / "data"
    shutil.copytree(knowledge.DATA, data)
    (data / "adressen.yaml").write_text("# Vastgelegde adressen\nadressen:\n", encoding="utf-8")
    monkeypatch.setattr(knowledge, "DATA", data)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt")):
        shutil.copy(SEEDS / name, seeds / name)
    before = {l.source: l.slug for l in build_corpus(seeds).corpus.letters}

    result = CliRunner().invoke(cli.main, ["pin", "--seeds", str(seeds)])
    assert result.exit_code == 0, result.output
    assert result.output.count("vastgelegd:") == len(before)
    assert set(address_pins()) == set(before.values())
    assert CliRunner().invoke(cli.main, ["pin", "--seeds", str(seeds)]).output.startswith("Alle adressen")

    # Whatever content code a near-copy has, every original keeps its address.
    for name in before:
        (seeds / f"kopie-{name}").write_text(near_copy((seeds / name).read_text(encoding="utf-8")), encoding="utf-8")
    after = {l.source: l.slug for l in build_corpus(seeds).corpus.letters}
    assert {name: after[name] for name in before} == before


# --- what an official publication states as its numbers ------------------------------------

OFFICIAL = ROOT / "tests" / "fixtures" / "official" / "kst-28676-999.xml"


@pytest.mark.parametrize("field, value", [
    ("ondernummer", "999)<img src=x onerror=alert(1)>"),
    ("ondernummer", "1/../../../over"),
    ("dossiernr", "28676<b/id=ingevoegd>x"),
    ("dossiernr", "../../../x"),
])
def test_an_official_number_that_is_no_number_becomes_no_address_or_link(tmp_path, field, value):
    # The number an XML publication (or its metadata.xml) states becomes a page's address
    # (kamerstukken/<dossier>-<nr>.md) and the official link: one that is no number is left
    # out and reported, never a folder, a path out of docs/ or markup in a link.
    from generator.pipeline import build_site

    source = OFFICIAL.read_text(encoding="utf-8")
    tag = {"ondernummer": '<ondernummer kamer="2">999</ondernummer>', "dossiernr": "<dossiernr>28 676</dossiernr>"}[field]
    assert tag in source
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "kst-x.xml").write_text(source.replace(tag, tag.replace(tag[tag.index(">") + 1:tag.rindex("<")],
                                                                     html_escape(value))), encoding="utf-8")
    docs = tmp_path / "docs"
    result, _ = build_site(seeds, docs)
    assert [l.source for l in result.corpus.letters] == ["kst-x.xml"]
    written = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()]
    assert all(path.count("/") <= 1 or path.startswith(("brieven/jaar/", "vergaderingen/jaar/", "kamerstukken/jaar/",
                                                        "onderwerpen/", "includes/"))
               for path in written), written
    assert not (tmp_path / "over.md").exists() and not (tmp_path / "x.md").exists()
    pages = {p: (docs / p).read_text(encoding="utf-8") for p in written if p.endswith(".md")}
    assert not [p for p, text in pages.items() if "<img src=x" in text or "<b/id=ingevoegd>" in text]
    problems = [str(p) for p in result.problems]
    assert any("kst-x.xml" in p and "geen dossier- of stuknummer" in p and value in p for p in problems), problems
    # The text still shows what the publication printed (a path's "/o" the cleaner takes for OCR damage).
    (letter,) = result.corpus.letters
    assert value.partition("/")[0] in " ".join(b.text for s in letter.sections for b in s.blocks) + " ".join(f.text for f in letter.furniture)


# --- the data files: an editor's text is shown as text too --------------------------------

def hostile_data(data: Path) -> None:
    """generator/data/ with the payload in every value an editor writes that a page shows: topic
    titles and descriptions, a meeting type's title, the bodies, the Dutch names of the kinds,
    a signer's name, an abbreviation and its long form."""
    import yaml

    def edit(name: str, change) -> None:
        path = data / name
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(value)
        path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def topics(value) -> None:
        topic = next(t for t in value["topics"] if t["slug"] == "oekraine")
        topic["title"] += f" {PAYLOAD}"
        topic["description"] += f" {PAYLOAD}"

    def meetings(value) -> None:
        value["types"]["dmm"]["title"] += f" {PAYLOAD}"
        for table in ("bodies", "body_meetings"):
            value[table] = {(f"{k}{PAYLOAD}" if k == "NUC" else k): v for k, v in value[table].items()}

    def kinds(value) -> None:
        value["labels"] = {k: f"{v} {PAYLOAD}" for k, v in value["labels"].items()}

    def people(value) -> None:
        value["people"][0]["name"] += f" {PAYLOAD}"

    def abbreviations(value) -> None:
        value["SACEUR"] += f" {PAYLOAD}"
        value[f"X{PAYLOAD}"] = f"lange vorm {PAYLOAD}"

    for name, change in (("topics.yaml", topics), ("meetings.yaml", meetings), ("kinds.yaml", kinds),
                         ("people.yaml", people), ("abbreviations.yaml", abbreviations)):
        edit(name, change)


@pytest.fixture(scope="module")
def data_payload_site(tmp_path_factory) -> Path:
    return build_with_hostile_data(tmp_path_factory.mktemp("datapayload"))


def build_with_hostile_data(tmp: Path) -> Path:
    """The seeds, built by a copy of the generator whose data files carry the payload; returns the site."""
    # The project's own copy of the generator (prepare() links to ours only when there is none).
    code = tmp / "w" / "project" / "generator"
    shutil.copytree(ROOT / "generator", code, ignore=shutil.ignore_patterns("__pycache__"))
    hostile_data(code / "data")
    seeds = tmp / "seeds"
    copy_seeds(seeds)
    root = prepare(tmp / "w", seeds)
    gen = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--docs", "docs"], cwd=root,
                         capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(root)})
    assert gen.returncode == 0, gen.stderr[-3000:]
    assert "ingevoegd" in (root / "docs" / "woordenlijst.md").read_text(encoding="utf-8")  # the copy was used
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr[-3000:]
    return root / "site"


def test_data_file_values_add_no_markup(data_payload_site):
    assert_no_markup_added(data_payload_site)


def test_data_file_values_are_shown_as_text(data_payload_site):
    def text(path: str, between: str = " ") -> str:
        parser = Text()
        parser.feed((data_payload_site / path).read_text(encoding="utf-8"))
        return between.join(parser.text)

    home, glossary = text("index.html"), text("woordenlijst/index.html")
    assert f"Verslag {PAYLOAD}" in home and f"NAVO-ministers van Defensie {PAYLOAD}" in home
    assert f"X{PAYLOAD}" in glossary and f"lange vorm {PAYLOAD}" in glossary
    assert f"Oekraïne {PAYLOAD}" in text("onderwerpen/oekraine/index.html")
    assert f"Verslag {PAYLOAD}" in text("vergaderingen/2025-10-15-dmm/index.html")  # the column heads
    assert any(f"NUC{PAYLOAD}" in text(p.relative_to(data_payload_site).as_posix(), "")  # NUC in its <abbr>
               for p in (data_payload_site / "vergaderingen").glob("20*/index.html"))
    # A tooltip (an attribute list's title) shows the titles as they are, quotes and all.
    parser = Elements()
    parser.feed((data_payload_site / "index.html").read_text(encoding="utf-8"))
    tips = [a["title"] for tag, a in parser.found if tag == "a" and "stip" in a.get("class", "")]
    assert tips and all(t.startswith(f"Oekraïne {PAYLOAD}: ") for t in tips if t.startswith("Oekraïne"))
    assert any(f"NAVO-ministers van Defensie {PAYLOAD} " in t for t in tips)


def test_two_sources_never_share_a_published_name(tmp_path):
    # "a.xml" is published as "a.xml.txt" (a browser shows XML's bytes only as text); a letter
    # saved as "a.xml.txt" beside it must keep its own file, and each letter links its own.
    from generator.pipeline import build_site
    from generator.slugs import published_source

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.xml").write_bytes(OFFICIAL.read_bytes())
    (seeds / "a.xml.txt").write_text(LETTER, encoding="utf-8")
    (seeds / "a.XML.TXT").write_text(LETTER.replace("4 maart", "5 maart"), encoding="utf-8")
    result, _ = build_site(seeds, tmp_path / "docs")
    assert sorted(l.source for l in result.corpus.letters) == ["a.XML.TXT", "a.xml", "a.xml.txt"]
    published = tmp_path / "docs" / "bronnen"
    assert sorted(p.name for p in published.iterdir()) == sorted(published_source(n) for n in ("a.xml", "a.xml.txt",
                                                                                              "a.XML.TXT"))
    for name in ("a.xml", "a.xml.txt", "a.XML.TXT"):
        assert (published / published_source(name)).read_bytes() == (seeds / name).read_bytes(), name
    links = [re.search(r"^  bron: (.*)$", p.read_text(encoding="utf-8"), re.M).group(1)
             for p in (tmp_path / "docs" / "brieven").glob("*.md") if p.name != "index.md"]
    assert len(set(links)) == 3, links
    assert published_source("brief.txt") == "brief.txt" and published_source("kst-1.xml") == "kst-1.xml.txt"


def test_a_hard_linked_metadata_file_is_not_read(tmp_path):
    # read_seeds skips a hard link (it may be a file elsewhere); the metadata.xml read with a
    # letter is skipped the same way, and so is a symbolic link.
    from generator.pipeline import build_corpus

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "kst-x.xml").write_bytes(OFFICIAL.read_bytes())
    elsewhere = tmp_path / "elders.metadata.xml"
    # Read, it would be reported: its number disagrees with the publication's.
    elsewhere.write_text(OFFICIAL.with_name("kst-28676-999.metadata.xml").read_text(encoding="utf-8").replace(
        'name="OVERHEIDop.ondernummer" scheme="" content="999"', 'name="OVERHEIDop.ondernummer" scheme="" content="998"'),
        encoding="utf-8")
    assert "998" in elsewhere.read_text(encoding="utf-8")
    for link in ("hardlink_to", "symlink_to"):
        metadata = seeds / "kst-x.metadata.xml"
        metadata.unlink(missing_ok=True)
        getattr(metadata, link)(elsewhere)
        result = build_corpus(seeds)
        assert [l.source for l in result.corpus.letters] == ["kst-x.xml"]
        problems = [str(p) for p in result.problems] + [str(p) for l in result.corpus.letters for p in l.problems]
        assert not any("998" in p for p in problems), (link, problems)
        assert any(p.source == "kst-x.metadata.xml" and p.level == "error" for p in result.problems), link
