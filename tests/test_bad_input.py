"""Bad input in seeds/: the site still builds, every problem names its file, nothing is injected.

The folder (tests/badseeds.py) holds the real seeds plus an empty file, a
binary file, a Windows-1252 letter, a file with only a letterhead, a letter
without a date, two copies of one letter (byte for byte, and re-saved with
Windows line ends), a letter full of text that breaks HTML, Markdown and YAML,
and file names with spaces, non-ASCII characters and markup.  The ~5 MB
letter has a test of its own, with a time limit.
"""
from __future__ import annotations

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
from sitebuild import ROOT, build, mkdocs_build, prepare, run

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
    root, gen, site = build(tmp / "w", seeds)
    return Built(root, seeds, gen, site, check(seeds, root))


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


def test_build_finishes_with_strict_mkdocs(built_bad):
    assert built_bad.gen.returncode == 0, built_bad.gen.stderr
    assert built_bad.site.returncode == 0, built_bad.site.stderr[-3000:]


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


def test_payload_in_every_field_adds_no_markup(payload_site):
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) > 20
    found = [f"{p.relative_to(payload_site)}: {what}" for p in pages
             for what in injected(p.read_text(encoding="utf-8"))]
    assert not found, f"{len(found)} injection(s):\n" + "\n".join(found[:40])


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
