"""Command line: `python -m generator build | check | export`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .knowledge import field_label, kind_label, origin_label
from .link import meeting_id
from .model import Letter, Problem
from .pipeline import Result, build_corpus, build_site
from .references import official_url

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
@CACHE
@NO_CACHE
def build(seeds: Path, docs: Path, quiet: bool, cache: Path, no_cache: bool) -> None:
    result, report = build_site(seeds, docs, None if no_cache else cache)
    for problem in result.problems:
        if problem.level == "error" or (not quiet and problem.level == "warning"):
            click.echo(str(problem), err=True)
    if not quiet:
        click.echo(f"{len(result.corpus.letters)} brieven ({result.parsed} gelezen, "
                   f"{len(result.sources) - result.parsed} uit de cache), "
                   f"{len(result.corpus.meetings)} vergaderingen: "
                   f"{len(report.written)} pagina's geschreven, {report.unchanged} ongewijzigd, "
                   f"{len(report.removed)} verwijderd.")


def _report(letter: Letter, problems: list[Problem]) -> list[str]:
    lines = [f"{letter.source}: {kind_label(letter.kind)}, {letter.title}",
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
    result = build_corpus(seeds)
    by_source: dict[str, list[Problem]] = {}
    for p in result.problems:
        by_source.setdefault(p.source, []).append(p)
    for letter in result.corpus.letters:
        click.echo("\n".join(_report(letter, by_source.pop(letter.source, []))))
    for source, problems in sorted(by_source.items()):
        click.echo(f"{source}:")
        click.echo("\n".join(f"  {p.level}: {p.message}" for p in problems))
    if any(p.level == "error" for p in result.problems):
        sys.exit(1)


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
    click.echo(json.dumps(export_data(build_corpus(seeds)), ensure_ascii=False, indent=2))


@main.command(help="Meet hoeveel metadata goed gelezen wordt, tegen de waarheidsbestanden (<naam>.yaml).")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False),
                default=Path("tests/fixtures/genre"))
@click.option("--truth", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Map met de waarheidsbestanden (standaard: dezelfde map als de brieven).")
def score(folder: Path, truth: Path | None) -> None:
    from .score import score as run_score  # the scorer loads YAML truth files only when asked
    click.echo(run_score(folder, truth).table())
