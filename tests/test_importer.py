"""`python -m generator import` against a local server that answers as the repository does.

No test touches the network: the server listens on 127.0.0.1 and serves the
fixture responses in tests/fixtures/repository/ and the official publication
in tests/fixtures/official/.
"""
from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from generator.cli import main

REPOSITORY = ROOT / "tests" / "fixtures" / "repository"
OFFICIAL = ROOT / "tests" / "fixtures" / "official"


class Repository(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []  # (path and query, User-Agent)
    base = ""
    pdf: Path | None = None  # a publication that has only a PDF
    paged = False  # answer dossier 21501-28 in two pages
    items = ""  # where the search answer says the files are, instead of {base}/frbr

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).requests.append((self.path, self.headers.get("User-Agent", "")))
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/sru":
            query = urllib.parse.parse_qs(url.query).get("query", [""])[0]
            if "w.dossiernummer==21501-28" in query and self.paged:
                self.send_xml(self.page(int(urllib.parse.parse_qs(url.query)["startRecord"][0])))
                return
            if "dt.identifier==kst-28676-999" in query:
                name = "sru-kst-28676-999.xml"
            elif "w.dossiernummer==28676" in query:
                name = "sru-dossier-28676.xml"
            else:
                name = "sru-empty.xml"
            body = (REPOSITORY / name).read_text(encoding="utf-8").replace("{base}/frbr", self.items or "{base}/frbr")
            body = body.replace("{base}", self.base).encode("utf-8")
        elif url.path.endswith("/xml/kst-28676-999.xml"):
            body = (OFFICIAL / "kst-28676-999.xml").read_bytes()
        elif url.path.endswith("kst-28676-999/1/metadata/metadata.xml"):
            body = (OFFICIAL / "kst-28676-999.metadata.xml").read_bytes()
        elif url.path.endswith("/pdf/kst-28676-994.pdf") and self.pdf:
            body = self.pdf.read_bytes()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass

    def send_xml(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def page(self, start: int) -> bytes:
        """Two pages of one record each, as SRU pages with nextRecordPosition."""
        text = (REPOSITORY / "sru-kst-28676-999.xml").read_text(encoding="utf-8").replace("{base}", self.base)
        nr = str(990 + start)
        text = text.replace("kst-28676-999", f"kst-21501-28-{nr}").replace(
            "NAVO; Brief regering; Geannoteerde agenda", "Defensieraad; Motie; Motie over de agenda").replace(
            "<sru:numberOfRecords>1</sru:numberOfRecords>", "<sru:numberOfRecords>2</sru:numberOfRecords>")
        if start == 1:
            text = text.replace("</sru:records>", "</sru:records><sru:nextRecordPosition>2</sru:nextRecordPosition>")
        return text.encode("utf-8")


@pytest.fixture(scope="module")
def pdf_only(tmp_path_factory) -> Path:
    pytest.importorskip("reportlab")
    import make_pdfs
    from conftest import SEEDS
    return make_pdfs.build("kamerstuk", SEEDS, tmp_path_factory.mktemp("pdf"))


@pytest.fixture()
def server(pdf_only):
    Repository.pdf = pdf_only
    Repository.paged = False
    Repository.items = ""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Repository)
    Repository.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    Repository.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Repository
    httpd.shutdown()
    httpd.server_close()


def run(*args: str):
    return CliRunner().invoke(main, ["import", *args])


def test_import_by_number_fetches_stores_and_records_where_from(server, tmp_path):
    result = run("28676-999", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0")
    assert result.exit_code == 0, result.output
    assert "opgehaald: kst-28676-999" in result.output
    assert (tmp_path / "kst-28676-999.xml").read_bytes() == (OFFICIAL / "kst-28676-999.xml").read_bytes()
    assert (tmp_path / "kst-28676-999.metadata.xml").is_file()
    provenance = json.loads((tmp_path / "kst-28676-999.herkomst.json").read_text(encoding="utf-8"))
    assert provenance["files"]["kst-28676-999.xml"]["url"].endswith("/xml/kst-28676-999.xml")
    assert len(provenance["files"]["kst-28676-999.xml"]["sha256"]) == 64 and provenance["retrieved"]
    assert all(agent.startswith("Defensiebrieven/") for _, agent in server.requests)
    # The stored letter is read with its metadata; the provenance file is no letter.
    checked = CliRunner().invoke(main, ["check", "--seeds", str(tmp_path)])
    assert "kst-28676-999.xml: Geannoteerde agenda" in checked.output
    assert "herkomst.json" not in checked.output and "metadata.xml" not in checked.output
    assert "datum: officiële publicatie" in checked.output  # the panel and check say where the value came from


def test_import_again_skips_what_it_has(server, tmp_path):
    run("28676-999", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0")
    stored = (tmp_path / "kst-28676-999.herkomst.json").read_bytes()
    server.requests.clear()
    result = run("28676-999", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0")
    assert result.exit_code == 0 and "al aanwezig en ongewijzigd: kst-28676-999" in result.output
    assert [p for p, _ in server.requests if not p.startswith("/sru")] == []  # only the search was asked
    assert (tmp_path / "kst-28676-999.herkomst.json").read_bytes() == stored


def test_dossier_import_keeps_the_genre_and_lists_what_it_skipped(server, tmp_path):
    result = run("--dossier", "28676", "--since", "2026-01-01", "--seeds", str(tmp_path), "--base", server.base,
                 "--pause", "0")
    assert result.exit_code == 0, result.output
    assert "opgehaald: kst-28676-999" in result.output
    assert "overgeslagen: kst-28676-997 'NAVO; Motie; Motie van het lid Voorbeeld over luchtverdediging': " \
           "geen brief van de regering" in result.output
    assert "overgeslagen: kst-28676-996" in result.output and "geen geannoteerde agenda of verslag" in result.output
    assert "overgeslagen: blg-1100001" in result.output and "geen Kamerstuk" in result.output
    assert "opgehaald: kst-28676-994" in result.output  # published as PDF only: its PDF is fetched
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "kst-28676-994.herkomst.json", "kst-28676-994.pdf",
        "kst-28676-999.herkomst.json", "kst-28676-999.metadata.xml", "kst-28676-999.xml"]
    checked = CliRunner().invoke(main, ["check", "--seeds", str(tmp_path)]).output
    assert "kst-28676-994.pdf: Verslag" in checked and "PDF gelezen" in checked


def test_unknown_number_is_reported(server, tmp_path):
    result = run("28676-12345", "nonsens", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0")
    assert result.exit_code == 1
    assert "mislukt: kst-28676-12345: niet gevonden" in result.output
    assert "mislukt: nonsens: 'nonsens' is geen Kamerstuknummer" in result.output
    assert not any(tmp_path.iterdir())


def test_no_server_gives_a_clear_dutch_message(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run("28676-999", "--seeds", str(tmp_path), "--base", f"http://127.0.0.1:{port}", "--pause", "0")
    assert result.exit_code == 1
    assert "import mislukt: geen verbinding met 127.0.0.1" in result.output
    assert "Er is niets aan seeds/ veranderd." in result.output
    assert not any(tmp_path.iterdir())


def test_requests_are_paused(server, tmp_path):
    import time
    start = time.monotonic()
    run("28676-999", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0.2")
    assert len(server.requests) == 3  # search, publication, metadata: one at a time
    assert time.monotonic() - start >= 0.4


def test_update_fetches_the_configured_dossiers_since_the_newest_letter(server, tmp_path):
    run("28676-999", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0")  # newest letter: 2 Feb 2026
    server.requests.clear()
    result = run("--update", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0")
    assert result.exit_code == 0, result.output
    queries = [urllib.parse.parse_qs(urllib.parse.urlsplit(p).query)["query"][0] for p, _ in server.requests
               if p.startswith("/sru")]
    assert queries == ["c.product-area==officielepublicaties AND w.dossiernummer==28676 AND dt.date>=2026-02-02",
                       "c.product-area==officielepublicaties AND w.dossiernummer==21501-28 AND dt.date>=2026-02-02"]
    assert "al aanwezig en ongewijzigd: kst-28676-999" in result.output
    assert "overgeslagen: kst-28676-996" in result.output and "van voor 2026-02-02" in result.output
    # Only the letter that is new since then is fetched.
    assert [p.rsplit("/", 1)[1] for p, _ in server.requests if not p.startswith("/sru")] == ["kst-28676-994.pdf"]


def test_make_import_without_a_number_says_what_to_give(tmp_path):
    result = run("--seeds", str(tmp_path))
    assert result.exit_code == 2 and "geef een Kamerstuknummer" in result.output


def test_weekly_workflow_runs_make_update_and_commits_only_seeds():
    import yaml
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "update.yml").read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads the key `on` as true
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"]
    steps = [s.get("run", "") for s in flow["jobs"]["update"]["steps"]]
    assert "make update" in steps
    assert any("git add seeds/" in s and "git push" in s for s in steps)
    assert any("gh workflow run pages.yml" in s for s in steps)


def test_dossier_search_follows_the_pages(server, tmp_path):
    server.paged = True
    result = run("--dossier", "21501-28", "--since", "2026-01-01", "--seeds", str(tmp_path), "--base", server.base,
                 "--pause", "0")
    assert result.exit_code == 0, result.output
    starts = [urllib.parse.parse_qs(urllib.parse.urlsplit(p).query)["startRecord"][0] for p, _ in server.requests]
    assert starts == ["1", "2"]
    assert "overgeslagen: kst-21501-28-991" in result.output and "overgeslagen: kst-21501-28-992" in result.output


def test_a_letter_already_there_by_hand_is_not_imported_again(server, tmp_path):
    from generator.readers.xml import read_xml
    # The same letter, added by hand as text: its head says 28 676, Nr. 999.
    (tmp_path / "brief.txt").write_text(read_xml(OFFICIAL / "kst-28676-999.xml", "x.xml").text, encoding="utf-8")
    result = run("28676-999", "--seeds", str(tmp_path), "--base", server.base, "--pause", "0")
    assert result.exit_code == 0, result.output
    assert "overgeslagen: kst-28676-999" in result.output and "al aanwezig als brief.txt" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_a_search_answer_cannot_make_the_import_copy_a_local_file(server, tmp_path):
    # The search answer names the files to fetch; a file: address there would copy a file of this
    # machine into seeds/, and the site would publish it.  Only http(s) addresses are fetched.
    elders = tmp_path / "elders"
    stored = elders / "officielepublicaties" / "kst" / "28676" / "kst-28676-999" / "1"
    (stored / "xml").mkdir(parents=True)
    (stored / "metadata").mkdir()
    (stored / "xml" / "kst-28676-999.xml").write_bytes((OFFICIAL / "kst-28676-999.xml").read_bytes())
    (stored / "metadata" / "metadata.xml").write_text("<geheim/>", encoding="utf-8")
    server.items = elders.as_uri()
    seeds = tmp_path / "seeds"
    result = run("28676-999", "--seeds", str(seeds), "--base", server.base, "--pause", "0")
    assert result.exit_code == 1, result.output
    assert "geen http- of https-adres" in result.output and "kst-28676-999" in result.output
    assert not seeds.exists() or list(seeds.iterdir()) == []


@pytest.mark.parametrize("name", ["kst-28676-999.xml", "kst-28676-999.metadata.xml", "kst-28676-999.herkomst.json"])
@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_the_import_reads_and_writes_no_file_through_a_link_in_seeds(server, tmp_path, name, link):
    # A link in seeds/ where the import stores a file would make it overwrite (or read) a file elsewhere.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_text("blijft zoals het is\n", encoding="utf-8")
    if link == "symbolic":
        (seeds / name).symlink_to(elsewhere)
    else:
        (seeds / name).hardlink_to(elsewhere)
    result = run("28676-999", "--seeds", str(seeds), "--base", server.base, "--pause", "0")
    assert result.exit_code == 1, result.output
    assert "geen gewoon bestand" in result.output and name in result.output
    assert elsewhere.read_text(encoding="utf-8") == "blijft zoals het is\n"
    assert sorted(p.name for p in seeds.iterdir()) == [name]
