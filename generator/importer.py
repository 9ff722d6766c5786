"""Fetch letters by number from the official repository (repository.overheid.nl) into seeds/.

    python -m generator import 28676-554 [more ...]
    python -m generator import --dossier 28676 --since 2025-01-01
    python -m generator import --update          # the dossiers in data/import.yaml, since the newest letter

The repository's SRU search (searchRetrieve, CQL, records in the gzd schema)
finds a Kamerstuk's record; the record names the files of the publication
(<gzd:itemUrl manifestation="xml"> and "metadata"; "pdf" when there is no XML).  Both are stored beside
each other (kst-28676-554.xml, kst-28676-554.metadata.xml) with a provenance
record (kst-28676-554.herkomst.json: URLs, retrieval date, checksums and the
record's modification stamp).  A document already present is fetched again
only when its record changed.  Polite: one request at a time, a pause between
requests, a User-Agent naming the project.
"""
from __future__ import annotations

import hashlib
import json
import re
import stat
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .knowledge import load_yaml

BASE = "https://repository.overheid.nl"
USER_AGENT = "Defensiebrieven/0.1 (leeszaal voor defensiebrieven aan de Kamer; import van Kamerstukken)"
PAUSE = 1.0  # seconds between requests
PAGE = 100  # records per SRU page


class ImportFailed(Exception):
    """Something an editor must read: a Dutch message, nothing written for the document concerned."""


class NoConnection(ImportFailed):
    """The repository cannot be reached: the whole import stops."""


@dataclass(frozen=True)
class Record:
    identifier: str  # "kst-28676-554"
    title: str
    modified: str  # the record's own stamp: a change means the publication changed
    date: str | None
    urls: dict[str, str]  # manifestation -> URL


@dataclass
class Report:
    fetched: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (identifier, title, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (identifier or number, message)

    def lines(self) -> list[str]:
        out = [f"opgehaald: {i}" for i in self.fetched]
        out += [f"al aanwezig en ongewijzigd: {i}" for i in self.present]
        out += [f"overgeslagen: {i} '{t}': {r}" for i, t, r in self.skipped]
        out += [f"mislukt: {i}: {m}" for i, m in self.failed]
        return out


class Client:
    """One request at a time, a pause between requests, a User-Agent naming the project."""

    def __init__(self, base: str = BASE, pause: float = PAUSE, timeout: float = 30.0):
        self.base = base.rstrip("/")
        self.pause = pause
        self.timeout = timeout
        self._last = 0.0

    def get(self, url: str) -> bytes:
        # The search answer names the files to fetch: urllib would also open a file: (or ftp:, data:)
        # address and copy a file of this machine into seeds/, to be published.
        if urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
            raise ImportFailed(f"'{url[:120]}' is geen http- of https-adres; niet opgehaald")
        wait = self._last + self.pause - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/xml"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise ImportFailed(f"{url} gaf HTTP-status {exc.code} ({exc.reason})") from exc
        except (urllib.error.URLError, OSError) as exc:
            host = urllib.parse.urlsplit(url).netloc
            reason = getattr(exc, "reason", exc)
            raise NoConnection(f"geen verbinding met {host} ({reason}). Is er netwerk? "
                               "Er is niets aan seeds/ veranderd.") from exc
        finally:
            self._last = time.monotonic()

    def search(self, query: str, start: int = 1) -> bytes:
        params = urllib.parse.urlencode({"operation": "searchRetrieve", "version": "2.0", "query": query,
                                         "startRecord": start, "maximumRecords": PAGE,
                                         "httpAccept": "application/xml"})
        return self.get(f"{self.base}/sru?{params}")


# --- the SRU response --------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_records(raw: bytes) -> tuple[list[Record], int | None, int | None]:
    """(records, number of records, next record position) of one SRU response."""
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ImportFailed(f"antwoord van de zoekdienst is geen XML: {exc}") from exc
    diagnostics = [e.text for e in root.iter() if _local(e.tag) == "message" and e.text]
    if diagnostics and not any(_local(e.tag) == "numberOfRecords" for e in root.iter()):
        raise ImportFailed("de zoekdienst weigerde de vraag: " + "; ".join(diagnostics))
    number = next((int(e.text) for e in root.iter() if _local(e.tag) == "numberOfRecords" and e.text), None)
    following = next((int(e.text) for e in root.iter() if _local(e.tag) == "nextRecordPosition" and e.text), None)
    records = []
    for rec in (e for e in root.iter() if _local(e.tag) == "recordData"):
        values: dict[str, str] = {}
        urls: dict[str, str] = {}
        for e in rec.iter():
            name = _local(e.tag)
            if name == "itemUrl" and e.get("manifestation") and e.text:
                urls[e.get("manifestation")] = e.text.strip()
            elif e.text and e.text.strip() and name not in values:
                values[name] = e.text.strip()
        identifier = values.get("identifier", "")
        records.append(Record(identifier, values.get("title", ""),
                              values.get("timestamp") or values.get("modified") or values.get("available") or "",
                              values.get("date") or values.get("issued"), urls))
    return records, number, following


def search_all(client: Client, query: str) -> list[Record]:
    records: list[Record] = []
    start = 1
    while True:
        found, number, following = parse_records(client.search(query, start))
        records += found
        if not found or following is None or (number is not None and len(records) >= number):
            return records
        start = following


# --- numbers, genre, storing -------------------------------------------------------------


def split_number(number: str) -> tuple[str, str]:
    """ "28676-554" -> ("28676", "554"); "21501-28-2307" -> ("21501-28", "2307"); "kst-36200-X-37" too."""
    text = re.sub(r"^kst-", "", number.strip(), flags=re.IGNORECASE).replace(" ", "")
    m = re.fullmatch(r"(\d{5}(?:-[0-9A-Z]+)?)-(\d+)", text)
    if not m:
        raise ImportFailed(f"'{number}' is geen Kamerstuknummer (zoals 28676-554 of 21501-28-2307)")
    return m.group(1), m.group(2)


def genre_reason(title: str) -> str | None:
    """None when the title marks a letter of this genre; else why it is skipped (Dutch)."""
    rules = load_yaml("import.yaml")
    folded = title.lower()
    if not re.search(rules["letter"], folded):
        return "geen brief van de regering"
    if not any(re.search(p, folded) for p in rules["kind"]):
        return "geen geannoteerde agenda of verslag"
    if not any(re.search(p, folded) for p in rules["meeting"]):
        return "geen bijeenkomst van NAVO of Defensieraad"
    return None


def _not_own_file(path: Path) -> bool:
    """A symbolic or hard link, folder or other non-regular file where the import would read or write."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    return not stat.S_ISREG(info.st_mode) or info.st_nlink > 1


def _provenance_path(seeds: Path, identifier: str) -> Path:
    return seeds / f"{identifier}.herkomst.json"


def letters_present(seeds: Path) -> dict[str, str]:
    """Kamerstuk number -> file of the letters already in seeds/ (as text, PDF or XML)."""
    if not seeds.is_dir():
        return {}
    from .pipeline import build_corpus
    return {l.kamerstuk.key: l.source for l in build_corpus(seeds).corpus.letters if l.kamerstuk and l.kamerstuk.key}


def store(client: Client, record: Record, seeds: Path, report: Report, present: dict[str, str]) -> None:
    """Fetch the record's XML (or PDF) and metadata into seeds/, unless present and unchanged."""
    identifier = record.identifier
    if not re.fullmatch(r"kst-[0-9A-Za-z-]+", identifier):
        report.failed.append((identifier or "?", "onverwachte identificatie in het zoekresultaat"))
        return
    # The same letter added by hand (a .txt or a dropped PDF): one letter, one page.
    held = present.get(identifier.removeprefix("kst-"))
    if held and not held.startswith(identifier + "."):
        report.skipped.append((identifier, record.title, f"al aanwezig als {held}"))
        return
    provenance = _provenance_path(seeds, identifier)
    # The official XML when the publication has one; else its PDF (older documents), read by the PDF reader.
    manifestation = "xml" if "xml" in record.urls else "pdf" if "pdf" in record.urls else None
    main = seeds / f"{identifier}.{manifestation or 'xml'}"
    # Only regular files of seeds/ itself are read or written: a link there (or a folder)
    # would make the import read, or overwrite, a file elsewhere.
    for path in (main, seeds / f"{identifier}.metadata.xml", provenance):
        if _not_own_file(path):
            report.failed.append((identifier, f"{path.name} in de map is geen gewoon bestand (een koppeling of map); "
                                              "niets opgehaald"))
            return
    if main.is_file() and provenance.is_file():
        try:
            known = json.loads(provenance.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        if known.get("record_modified") == record.modified and record.modified:
            report.present.append(identifier)
            return
    if manifestation is None:
        report.failed.append((identifier, "het zoekresultaat noemt geen XML of PDF van de publicatie"))
        return
    files = {manifestation: (main, record.urls[manifestation])}
    if "metadata" in record.urls:
        files["metadata"] = (seeds / f"{identifier}.metadata.xml", record.urls["metadata"])
    fetched: dict[str, bytes] = {}
    try:
        for kind, (_, url) in files.items():
            fetched[kind] = client.get(url)
    except NoConnection:
        raise
    except ImportFailed as exc:
        report.failed.append((identifier, str(exc)))
        return
    if main.is_file() and provenance.is_file() and all(
            path.is_file() and path.read_bytes() == fetched[kind] for kind, (path, _) in files.items()):
        report.present.append(identifier)  # the record changed, the files did not
        return
    seeds.mkdir(parents=True, exist_ok=True)
    for kind, (path, _) in files.items():
        path.write_bytes(fetched[kind])
    record_json = {
        "identifier": identifier,
        "title": record.title,
        "retrieved": date.today().isoformat(),
        "record_modified": record.modified,
        "files": {path.name: {"url": url, "sha256": hashlib.sha256(fetched[kind]).hexdigest()}
                  for kind, (path, url) in files.items()},
    }
    provenance.write_text(json.dumps(record_json, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                          encoding="utf-8")
    report.fetched.append(identifier)


def import_numbers(numbers: list[str], seeds: Path, client: Client) -> Report:
    report = Report()
    present = letters_present(seeds)
    for number in numbers:
        try:
            dossier, nr = split_number(number)
        except ImportFailed as exc:
            report.failed.append((number, str(exc)))
            continue
        identifier = f"kst-{dossier}-{nr}"
        records = search_all(client, f"c.product-area==officielepublicaties AND dt.identifier=={identifier}")
        record = next((r for r in records if r.identifier == identifier), None)
        if record is None:
            report.failed.append((identifier, "niet gevonden in de officiële publicaties"))
            continue
        store(client, record, seeds, report, present)
    return report


def import_dossier(dossier: str, since: date, seeds: Path, client: Client) -> Report:
    report = Report()
    present = letters_present(seeds)
    query = (f"c.product-area==officielepublicaties AND w.dossiernummer=={dossier} "
             f"AND dt.date>={since.isoformat()}")
    for record in sorted(search_all(client, query), key=lambda r: r.identifier):
        if not record.identifier.startswith("kst-"):
            report.skipped.append((record.identifier, record.title, "geen Kamerstuk"))
            continue
        if record.date and record.date < since.isoformat():
            report.skipped.append((record.identifier, record.title, f"van voor {since.isoformat()}"))
            continue
        reason = genre_reason(record.title)
        if reason:
            report.skipped.append((record.identifier, record.title, reason))
            continue
        store(client, record, seeds, report, present)
    return report


def newest_letter_date(seeds: Path) -> date | None:
    """The newest letter date of the letters present: where `--update` starts."""
    from .pipeline import build_corpus
    dates = [l.letter_date for l in build_corpus(seeds).corpus.letters if l.letter_date]
    return max(dates) if dates else None


def update_dossiers() -> list[str]:
    return [str(d) for d in load_yaml("import.yaml")["dossiers"]]
