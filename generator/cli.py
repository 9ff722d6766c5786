"""Command line: `python -m generator build | check | export`.

Exit codes: 0 every file was used; 1 a file could not be used at all (the
rest was still written); 2 nothing could be built (a data file is broken, or
the writer refused a path).  `problem_lines` and `exit_code` are the one
place that decides what is printed and how a run ends: `make serve`'s hook
reuses them.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from . import knowledge
from .knowledge import document_label, field_label, origin_label
from .link import meeting_id
from .model import Letter, Problem
from .parse import address_pins, new_pins
from .pipeline import Result, build_corpus, build_site
# A broken data file stops the run (with its name); the letters are input, the data files the editor's.
from .pool import DATA_ERRORS
from .references import official_url
from .write import WriteError

EXIT_OK, EXIT_UNUSABLE, EXIT_FATAL = 0, 1, 2
# Control and direction characters from a file name or letter text would split or turn a report line.
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` as a single report line: control and direction characters shown as escapes ("\\n")."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def problem_lines(problems, quiet: bool = False, refused=()) -> list[str]:
    """The report lines of a run: errors always, warnings unless `quiet`; each on one line."""
    lines = [one_line(str(p)) for p in problems if p.level == "error" or (not quiet and p.level == "warning")]
    return lines + [one_line(f"docs/{r}") for r in refused]


def exit_code(problems, refused=()) -> int:
    """EXIT_UNUSABLE when a file could not be used at all (or the writer refused a path), else EXIT_OK."""
    return EXIT_UNUSABLE if refused or any(p.level == "error" for p in problems) else EXIT_OK

CACHE = click.option("--cache", type=click.Path(path_type=Path), default=Path(".cache"), show_default=True,
                     help="Map voor de cache van gelezen brieven (ongewijzigde brieven worden niet opnieuw gelezen).")
NO_CACHE = click.option("--no-cache", is_flag=True, help="Alles opnieuw lezen, zonder cache.")
SEEDS = click.option("--seeds", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True,
                     help="Map met de brieven (tekstbestanden).")


@click.group(help="Genereer de leeszaal voor defensiebrieven uit de brieven in seeds/.")
def main() -> None:
    pass


@main.command(help="Lees alle brieven en schrijf de Markdown-pagina's naar docs/.")
@SEEDS
@click.option("--docs", type=click.Path(path_type=Path), default=Path("docs"), show_default=True,
              help="Map waarin de pagina's komen.")
@click.option("--quiet", is_flag=True, help="Alleen fouten melden.")
@click.option("--keep-going", is_flag=True,
              help="Eindig met 0, ook als een bestand niet te gebruiken was (de fouten worden wel gemeld).")
@CACHE
@NO_CACHE
def build(seeds: Path, docs: Path, quiet: bool, keep_going: bool, cache: Path, no_cache: bool) -> None:
    outcome = generate(seeds, docs, quiet, None if no_cache else cache)
    for line in outcome.lines:
        click.echo(line, err=True)
    if outcome.summary and not quiet:
        click.echo(outcome.summary)
    sys.exit(EXIT_OK if keep_going and outcome.code == EXIT_UNUSABLE else outcome.code)


@dataclass(frozen=True)
class Outcome:
    """One generator run as a report: what to print and how it ends."""

    code: int  # EXIT_OK, EXIT_UNUSABLE (pages written for the rest) or EXIT_FATAL (nothing written)
    lines: tuple[str, ...]  # problems, one per line, errors first-class; for stderr
    summary: str = ""  # counts of letters and pages; empty when nothing was built


def generate(seeds: Path, docs: Path, quiet: bool = False, cache: Path | None = None) -> Outcome:
    """Read, build and write once; never raises for bad letters or a broken data file.

    `build` prints it; `make serve`'s hook can print the same lines on every
    regeneration and keep the last good site when the code is EXIT_FATAL.
    """
    try:
        result, report = build_site(seeds, docs, cache)
    except DATA_ERRORS as exc:
        return Outcome(EXIT_FATAL, (one_line(str(exc)), "Niets gebouwd: herstel eerst dit gegevensbestand."))
    except WriteError as exc:
        return Outcome(EXIT_FATAL, (one_line(f"docs/: schrijven geweigerd: {exc}"),))
    lines = problem_lines(result.problems, quiet, report.refused)
    code = exit_code(result.problems, report.refused)
    if code != EXIT_OK:
        unusable = sorted({p.source for p in result.problems if p.level == "error"})
        lines.append(one_line(f"{len(unusable)} bestand(en) niet te gebruiken: {', '.join(unusable)}"
                              + (f"; {len(report.refused)} pad(en) geweigerd" if report.refused else "")
                              + "; de rest is wel geschreven"))
    summary = (f"{len(result.corpus.letters)} brieven, {len(result.corpus.meetings)} vergaderingen: "
               f"{len(report.written)} pagina's geschreven, {report.unchanged} ongewijzigd, "
               f"{len(report.removed)} verwijderd.")
    return Outcome(code, tuple(lines), summary)


def _report(letter: Letter, problems: list[Problem]) -> list[str]:
    lines = [f"{letter.source}: {document_label(letter)}, {letter.title}",
             f"  datum: {letter.letter_date or '—'}; ondertekend: {letter.minister_signed or '—'}; "
             f"geadresseerde: {letter.addressee or '—'}",
             "  herkomst: " + ("; ".join(f"{field_label(f)}: {origin_label(o)}" for f, o in letter.origins)
                               or "—"),
             "  vergaderingen: " + (", ".join(f"{m.type} {m.start} {m.location or ''}".strip() for m in letter.meetings) or "—"),
             f"  secties: {len(letter.sections)}; voetnoten: {len(letter.footnotes)}; "
             f"verwijzingen: {len(letter.citations)}; bijlagen: {len(letter.attachments)}"]
    for c in letter.citations + tuple(c for a in letter.attachments for c in a.citations):
        lines.append(f"  verwijzing: {c.text!r} -> {c.key or 'ONOPGELOST: ' + (c.reason or '')}")
    for r in letter.repairs:
        lines.append(f"  herstel regel {r.line}: {r.before!r} -> {r.after!r} ({r.rule})")
    lines += [f"  {p.level}: {p.message}" + (f" (regel {p.line})" if p.line else "") for p in problems]
    return lines


@main.command(help="Lees alle brieven en meld per brief wat er gevonden is en wat er ontbreekt.")
@SEEDS
def check(seeds: Path) -> None:
    result = _corpus(seeds)
    by_source: dict[str, list[Problem]] = {}
    for p in result.problems:
        by_source.setdefault(p.source, []).append(p)
    for letter in result.corpus.letters:
        click.echo("\n".join(one_line(l) for l in _report(letter, by_source.pop(letter.source, []))))
    for source, problems in sorted(by_source.items()):
        click.echo(one_line(f"{source}:"))
        click.echo("\n".join(one_line(f"  {p.level}: {p.message}" + (f" (regel {p.line})" if p.line else ""))
                             for p in problems))
    sys.exit(exit_code(result.problems))


def _corpus(seeds: Path) -> Result:
    """The parsed corpus, or exit EXIT_FATAL naming the broken data file."""
    try:
        return build_corpus(seeds)
    except DATA_ERRORS as exc:
        click.echo(one_line(str(exc)), err=True)
        sys.exit(EXIT_FATAL)


@main.command(help="Leg de adressen van alle brieven vast in data/adressen.yaml, zodat een latere "
                   "bijna-kopie ze nooit overneemt.")
@SEEDS
def pin(seeds: Path) -> None:
    result = _corpus(seeds)
    path = knowledge.DATA / "adressen.yaml"
    added = new_pins(list(result.corpus.letters), {s.name: s.digest for s in result.sources}, address_pins())
    if not added:
        click.echo("Alle adressen zijn al vastgelegd.")
        return
    # Appended as lines under the file's last key (adressen:), so the editor's comments stay.
    lines = [f"  {address}: {code}  # {one_line(source).replace('#', '')}\n" for address, code, source in added]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + "".join(lines), encoding="utf-8")
    address_pins()  # what was written must load again (raises DataFileError otherwise)
    for address, code, source in added:
        click.echo(one_line(f"vastgelegd: {address} -> {code} ({source})"))


def export_data(result: Result) -> dict:
    corpus = result.corpus

    def letter_json(l: Letter) -> dict:
        return {
            "source": l.source, "slug": l.slug, "kind": l.kind, "title": l.title,
            "letter_date": l.letter_date.isoformat() if l.letter_date else None,
            "meeting": meeting_ids[0] if (meeting_ids := [meeting_id(m.start, m.type) for m in l.meetings if m.start]) else None,
            "meetings": meeting_ids,
            # The signer as signed; "person" is the people.yaml key, a link target only.
            "minister": l.minister_signed, "minister_signed": l.minister_signed, "person": l.minister,
            "addressee": l.addressee, "origins": dict(l.origins),
            "kamerstuk": {"dossier": l.kamerstuk.dossier, "nr": l.kamerstuk.nr} if l.kamerstuk else None,
            "references": [{"text": c.text, "dossier": c.dossier, "nr": c.nr, "id": c.key, "kind": c.kind,
                            "url": official_url(c), "resolved": c.key is not None} for c in l.citations],
            "attachments": [letter_json(a) for a in l.attachments],
        }

    return {
        "letters": [letter_json(l) for l in corpus.letters],
        "meetings": [{"id": m.id, "type": m.type, "title": m.title, "start": m.start.isoformat(),
                      "end": m.end.isoformat(), "location": m.location, "bodies": list(m.bodies),
                      "informal": m.informal,
                      "letters": [next(l.source for l in corpus.letters if l.slug == s) for s in m.letters]}
                     for m in corpus.meetings],
        "topics": [{"slug": t.slug, "title": t.title, "meetings": list(t.meetings)} for t in corpus.topics],
        "problems": [{"source": p.source, "line": p.line, "level": p.level, "message": p.message}
                     for p in corpus.problems],
        # Every cited document with what the citing text says about it; spans are offsets in the paragraph.
        "documents": [{"key": d.key, "kind": d.kind, "label": d.label, "description": d.description,
                       "annex": d.annex, "date": d.date.isoformat() if d.date else None, "doc_kind": d.doc_kind,
                       "title": d.title, "letter": d.letter, "letters": list(d.letters),
                       "mentions": [{"letter": m.letter, "paragraph": m.paragraph, "footnote": m.footnote,
                                     "sentence": m.context.sentence, "description": m.context.description,
                                     "description_span": m.context.description_span,
                                     "date": m.context.date.isoformat() if m.context.date else None,
                                     "date_text": m.context.date_text, "date_span": m.context.date_span,
                                     "kind": m.context.kind} for m in d.mentions]}
                      for d in corpus.documents],
    }


@main.command(help="Druk het gelezen corpus af als JSON.")
@SEEDS
def export(seeds: Path) -> None:
    click.echo(json.dumps(export_data(_corpus(seeds)), ensure_ascii=False, indent=2))


@main.command(help="Meet hoeveel metadata goed gelezen wordt, tegen de waarheidsbestanden (<naam>.yaml).")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False),
                default=Path("tests/fixtures/genre"))
@click.option("--truth", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Map met de waarheidsbestanden (standaard: dezelfde map als de brieven).")
def score(folder: Path, truth: Path | None) -> None:
    from .score import score as run_score  # the scorer loads YAML truth files only when asked
    click.echo(run_score(folder, truth).table())


@main.command("import", help="Haal Kamerstukken op uit de officiële publicaties (repository.overheid.nl) "
                             "naar seeds/: op nummer (28676-554), per dossier, of --update.")
@click.argument("numbers", nargs=-1)
@click.option("--dossier", "dossiers", multiple=True, help="Alle brieven van dit genre in dit dossier (bijv. 28676).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Alleen stukken vanaf deze datum (JJJJ-MM-DD).")
@click.option("--update", is_flag=True, help="De dossiers uit data/import.yaml, vanaf de nieuwste brief in seeds/.")
@SEEDS
@click.option("--base", default=None, help="Adres van de repository (standaard https://repository.overheid.nl).")
@click.option("--pause", type=float, default=None, help="Seconden tussen twee verzoeken (standaard 1).")
def import_command(numbers, dossiers, since, update, seeds: Path, base, pause) -> None:
    from . import importer

    client = importer.Client(base or importer.BASE, importer.PAUSE if pause is None else pause)
    if not numbers and not dossiers and not update:
        raise click.UsageError("geef een Kamerstuknummer (28676-554), --dossier of --update")
    try:
        reports = []
        if numbers:
            reports.append(importer.import_numbers(list(numbers), seeds, client))
        if update:
            newest = importer.newest_letter_date(seeds)
            if since is None and newest is None:
                raise click.UsageError("geen brief met een datum in seeds/; geef --since JJJJ-MM-DD")
            dossiers = tuple(dossiers) + tuple(importer.update_dossiers())
            since = since or newest
        if dossiers and since is None:
            raise click.UsageError("--dossier vraagt --since JJJJ-MM-DD")
        for dossier in dossiers:
            click.echo(f"dossier {dossier} vanaf {since.date() if hasattr(since, 'date') else since}:")
            reports.append(importer.import_dossier(dossier, since.date() if hasattr(since, "date") else since,
                                                   seeds, client))
    except importer.ImportFailed as exc:
        click.echo(f"import mislukt: {exc}", err=True)
        sys.exit(1)
    for report in reports:
        for line in report.lines():
            click.echo(line)
    if any(r.failed for r in reports):
        sys.exit(1)
