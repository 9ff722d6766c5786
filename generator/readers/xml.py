"""The official publication: a Kamerstuk as XML (officiele-publicatie), with its metadata.xml.

The schema's elements this reader uses (op-xsd, as published on
officielebekendmakingen.nl and read by public projects such as parlhist and
the converters whose test files show its shape):

    <officiele-publicatie>
      <kamerstuk>
        <kamerstukkop><tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>…
        <dossier><dossiernummer><dossiernr>28 676</dossiernr></dossiernummer><titel>NAVO</titel></dossier>…
        <stuk><stuknr>Nr. <ondernummer>554</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER …</titel>
          <algemeen> … <datum isodatum="2025-11-12">12 november 2025</datum> …
            <al> text <noot><noot.nr>1</noot.nr><noot.al>…<extref doc="kst-28676-440">…</extref></noot.al></noot></al>
            <divisie><kop><titel>heading</titel></kop><tekst><al>…</al></tekst></divisie>
            <ondertekening><al>De minister van Defensie,</al><al>R.P. Brekelmans</al></ondertekening>

and metadata.xml: <metadata name="OVERHEIDop.dossiernummer" content="28676"/> and the like.

What the publication states exactly goes into `Official` (parse.py applies it
over what the text suggests); the text is written as textform.TextForm says,
so the rest of the pipeline reads it as it reads any letter.
"""
from __future__ import annotations

import hashlib
import re
import stat
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from ..model import Official, Problem, Source
from . import register
from .textform import TextForm, superscript

MARKERS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def find(elem: ET.Element, name: str) -> ET.Element | None:
    return next((e for e in elem.iter() if local(e.tag) == name), None)


def find_all(elem: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in elem.iter() if local(e.tag) == name]


def plain(elem: ET.Element | None) -> str:
    """The element's text, notes left out, spaces folded."""
    if elem is None:
        return ""
    parts: list[str] = []

    def walk(e: ET.Element) -> None:
        if e.text:
            parts.append(e.text)
        for child in e:
            if local(child.tag) != "noot":
                walk(child)
            if child.tail:
                parts.append(child.tail)
    walk(elem)
    return " ".join("".join(parts).split())


# A dossier key and a document's number become addresses (kamerstukken/28676-554.md) and
# links: anything else a file states there is no number, and is left out (and reported).
_SAFE_KEY = re.compile(r"^[0-9][0-9A-Za-z]*(?:-[0-9A-Za-z]+)*$")
_SAFE_NR = re.compile(r"^[0-9]{1,6}[A-Za-z]?$")


def dossier_key(text: str) -> str | None:
    """"28 676" -> "28676"; "21 501-28" -> "21501-28"; "36 200 X" -> "36200-X"; None: no dossier number."""
    text = " ".join(text.split())
    m = re.match(r"^(\d[\d ]*\d)(?:\s*-\s*(\d+))?(?:\s*[- ]\s*([A-Z]+))?$", text)
    if not m:
        key = text.replace(" ", "")
        return key if _SAFE_KEY.match(key) else None
    key = m.group(1).replace(" ", "")
    if m.group(2):
        key += "-" + m.group(2)
    if m.group(3):
        key += "-" + m.group(3)
    return key


def document_nr(text: str | None) -> str | None:
    """A document's own number ("554") as a file states it; None when it is no number."""
    text = (text or "").strip()
    return text if _SAFE_NR.match(text) else None


def official_numbers(name: str, dossiers: list[tuple[str, str]], nr: str | None,
                     problems: list[Problem]) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """(dossier key, title) of each dossier number as written, and the document's number: a value
    that is no number is left out, with a warning naming it."""
    keys = [(dossier_key(shown), title, shown) for shown, title in dossiers]
    bad = [shown for key, _, shown in keys if key is None]
    if nr and document_nr(nr) is None:
        bad.append(nr)
        nr = None
    for shown in bad:
        problems.append(Problem(name, f"'{' '.join(shown.split())[:80]}' is geen dossier- of stuknummer; "
                                      "genegeerd", level="warning"))
    return tuple((key, title) for key, title, _ in keys if key is not None), nr or None


def reference_key(doc: str) -> str | None:
    """extref doc "kst-28676-440" -> "28676-440" (the key the text's references use)."""
    m = re.match(r"^kst-(.+)$", doc.strip())
    return m.group(1) if m else None


def chamber(text: str) -> str | None:
    m = re.search(r"\b(Eerste|Tweede) Kamer\b", text)
    return f"{m.group(1)} Kamer" if m else None


class _Body:
    """Writes the body's blocks into a TextForm, footnotes after the paragraph that cites them."""

    def __init__(self, form: TextForm):
        self.form = form
        self.headings: list[tuple[str, int]] = []
        self.depth = 0  # nesting of <divisie>: a heading one level down is a sub-heading

    def inline(self, elem: ET.Element) -> str:
        out: list[str] = [elem.text or ""]
        for child in elem:
            name = local(child.tag)
            if name == "noot":
                label = plain(find(child, "noot.nr")) or str(len(self.form.notes) + 1)
                body = " ".join(plain(a) for a in find_all(child, "noot.al")) or plain(child)
                out.append(superscript(label))
                self.form.note(label, [body])
            elif name == "nadruk":
                inner = self.inline(child).strip()
                out.append(f"*{inner}*" if inner else "")
            elif name in ("noot.nr", "li.nr"):
                pass
            else:
                out.append(self.inline(child))
            out.append(child.tail or "")
        # A marker belongs to the word before it, whatever white space the XML has.
        return re.sub(r"\s+(" + MARKERS.pattern + ")", r"\1", " ".join("".join(out).split()))

    def block(self, elem: ET.Element) -> None:
        name = local(elem.tag)
        if name == "kop":
            titel = find(elem, "titel")
            # inline(): a note in a heading is kept, its marker on the heading.
            title = " ".join(t for t in (plain(find(elem, "nr")), self.inline(titel if titel is not None else elem))
                             if t)
            if title:
                self.form.paragraph_break()
                self.form.line(title)
                self.headings.append((MARKERS.sub("", title), 2 if self.depth <= 1 else 3))
                self.form.paragraph_break()
            return
        if name == "tussenkop":
            self.form.paragraph_break()
            self.form.line(self.inline(elem))
            self.headings.append((plain(elem), 3))
            self.form.paragraph_break()
            return
        if name == "al":
            self.form.paragraph_break()
            self.form.line(self.inline(elem))
            self.form.paragraph_break()
            return
        if name == "li":
            nr = plain(find(elem, "li.nr"))
            for i, al in enumerate(e for e in elem if local(e.tag) == "al"):
                self.form.paragraph_break()
                bullet = "–" if not nr or not re.match(r"^\w{1,3}[.)]$", nr) else nr
                self.form.line((bullet + " " if i == 0 else "") + self.inline(al))
            for sub in (e for e in elem if local(e.tag) == "lijst"):
                self.children(sub)
            return
        if name == "ondertekening":
            self.form.paragraph_break()
            lines = [plain(e) for e in elem if local(e.tag) in ("al", "functie", "naam", "organisatie")]
            for line in lines or [plain(elem)]:
                self.form.line(line)
            self.form.paragraph_break()
            return
        nested = name == "divisie"
        self.depth += nested
        self.children(elem)
        self.depth -= nested

    def children(self, elem: ET.Element) -> None:
        if elem.text and elem.text.strip() and local(elem.tag) not in ("algemeen", "brief", "stuk"):
            self.form.line(elem.text)
        for child in elem:
            if local(child.tag) in ("noot", "metadata"):
                continue
            self.block(child)


def read_metadata_xml(path: Path) -> dict[str, list[str]]:
    """name -> contents of a metadata.xml (<metadata name=… content=…/>); {} when absent or unreadable."""
    try:
        info = path.lstat()
    except OSError:
        return {}
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:  # only a regular file of seeds/ itself, as read_seeds
        return {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    found: dict[str, list[str]] = {}
    for e in root.iter():
        if local(e.tag) in ("metadata", "meta") and e.get("name") and e.get("content") is not None:
            found.setdefault(e.get("name"), []).append(e.get("content"))
    return found


def official_from_metadata(path: Path, problems: list[Problem]) -> Official | None:
    """What a metadata.xml alone states (beside a PDF of a Kamerstuk): dossiers, number, title.
    A number it states that is no number is left out and reported in `problems`."""
    meta = read_metadata_xml(path)
    if not meta:
        return None
    dossiers, nr = official_numbers(path.name, [(d, "") for d in meta.get("OVERHEIDop.dossiernummer", [])],
                                    next(iter(meta.get("OVERHEIDop.ondernummer", [])), None), problems)
    titles = meta.get("OVERHEIDop.dossiertitel", [])
    if dossiers and titles:
        dossiers = ((dossiers[0][0], titles[0]),) + dossiers[1:]
    identifier = next(iter(meta.get("DC.identifier", [])), None) or path.name.removesuffix(".metadata.xml")
    # DC.creator is the chamber that published it, not said to be the addressee: left out.
    return Official(identifier=identifier, dossiers=dossiers, nr=nr,
                    title=next(iter(meta.get("OVERHEIDop.documenttitel", [])), None),
                    url=f"https://zoek.officielebekendmakingen.nl/{identifier}.html")


def companion_metadata(path: Path) -> Path:
    """kst-28676-554.xml -> kst-28676-554.metadata.xml beside it."""
    return path.with_name(path.stem + ".metadata.xml")


def read_xml(path: Path, name: str) -> Source:
    raw = path.read_bytes()
    problems: list[Problem] = []

    def failed(message: str) -> Source:
        problems.append(Problem(name, message, level="error"))
        return Source(name, path, None, "xml", hashlib.sha1(raw).hexdigest(), tuple(problems), reader="xml")

    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        return failed(f"geen geldige XML: {exc}")
    kamerstuk = root if local(root.tag) == "kamerstuk" else find(root, "kamerstuk")
    stuk = find(kamerstuk, "stuk") if kamerstuk is not None else None
    if stuk is None:
        return failed("geen officiële publicatie van een Kamerstuk (verwacht <officiele-publicatie> met "
                      "<kamerstuk> en <stuk>); overgeslagen")

    # What the publication states exactly.
    stated_nr = plain(find(find(stuk, "stuknr") or stuk, "ondernummer")) or None  # the text shows it as written
    dossiers, nr = official_numbers(name, [(plain(find(d, "dossiernr")) or plain(find(d, "dossiernummer")),
                                            plain(find(d, "titel"))) for d in kamerstuk if local(d.tag) == "dossier"],
                                    stated_nr, problems)
    title = plain(next((e for e in stuk if local(e.tag) == "titel"), None)) or None
    body = next((e for e in stuk if local(e.tag) == "algemeen"), None)
    if body is None:
        body = stuk
    dated = [e for e in find_all(body, "datum") if e.get("isodatum")]
    letter_date = None
    if dated:
        try:
            letter_date = date.fromisoformat(dated[0].get("isodatum"))
        except ValueError:
            problems.append(Problem(name, f"datum isodatum '{dated[0].get('isodatum')}' is geen datum"))
    signers = []
    for o in find_all(body, "ondertekening"):
        lines = [plain(e) for e in o if plain(e)]
        role = next((l.rstrip(",") for l in lines if l.endswith(",")), "")
        names = [l for l in lines if not l.endswith(",")]
        if names:
            signers.append((role, names[-1]))
    references = tuple(e.get("doc") for e in find_all(stuk, "extref") if (e.get("doc") or "").startswith("kst-"))
    addressee = next((c for c in (chamber(plain(e)) for e in find_all(body, "al")[:4]) if c), None)
    meta = read_metadata_xml(companion_metadata(path))
    identifier = next(iter(meta.get("DC.identifier", [])), None) or \
        (f"kst-{dossiers[0][0]}-{nr}" if dossiers and nr else path.stem)
    if meta:
        # metadata.xml fills what the publication's own text does not state; a disagreement is reported.
        for key, ours in (("OVERHEIDop.dossiernummer", dossiers[0][0] if dossiers else None),
                          ("OVERHEIDop.ondernummer", nr)):
            theirs = next(iter(meta.get(key, [])), None)
            if theirs and ours and dossier_key(theirs) != ours:
                problems.append(Problem(name, f"metadata.xml zegt {key} = {theirs}, de publicatie {ours}"))
        theirs, their_nr = official_numbers(f"{path.stem}.metadata.xml",
                                            [(d, "") for d in meta.get("OVERHEIDop.dossiernummer", [])],
                                            next(iter(meta.get("OVERHEIDop.ondernummer", [])), None), problems)
        dossiers = dossiers or theirs
        nr = nr or their_nr
        title = next(iter(meta.get("OVERHEIDop.documenttitel", [])), None) or title
    official = Official(identifier=identifier, dossiers=dossiers, nr=nr, letter_date=letter_date,
                        addressee=addressee, signers=tuple(signers), title=title, references=references,
                        url=f"https://zoek.officielebekendmakingen.nl/{identifier}.html")

    # The text: the printed head, then the body.
    form = TextForm()
    for head in (e for e in kamerstuk if local(e.tag) == "kamerstukkop"):
        for e in find_all(head, "tekstregel"):
            form.line(plain(e))
    form.paragraph_break()
    for number, dossier_title in ((plain(find(d, "dossiernr")) or plain(find(d, "dossiernummer")), plain(find(d, "titel")))
                                  for d in kamerstuk if local(d.tag) == "dossier"):
        form.line(f"{number} {dossier_title}".strip())
    if stated_nr:
        form.line(f"Nr. {stated_nr} {plain(next((e for e in stuk if local(e.tag) == 'titel'), None))}".strip())
    form.paragraph_break()
    writer = _Body(form)
    writer.children(body)
    text = form.text()
    return Source(name, path, text, "xml", hashlib.sha1(text.encode("utf-8")).hexdigest(), tuple(problems),
                  reader="xml", official=official, headings=tuple(writer.headings))


register(".xml")(read_xml)
