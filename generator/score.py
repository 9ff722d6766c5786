"""The score: how many metadata values the pipeline reads right, against truth files.

A truth file `<name>.yaml` (schema: tests/fixtures/genre/, key `truth`) states
what the letter `<name>.txt` says about itself.  The pipeline runs once on the
letters' folder; every field of every truth file is compared with what it read,
and every miss is listed.  Fields: kind, letter_date, addressee, signer,
kamerstuk, meeting.type/start/end/place (the letter's main meeting) and
references (the set of cited documents, one field).  A letter whose truth has
no meeting is right on the meeting fields only when nothing was found.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .model import Letter
from .pipeline import build_corpus

FIELDS = ("kind", "letter_date", "addressee", "signer", "kamerstuk",
          "meeting.type", "meeting.start", "meeting.end", "meeting.place", "references")
MEETING_FIELDS = FIELDS[5:9]


@dataclass(frozen=True)
class Miss:
    source: str
    field: str
    expected: object
    got: object


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)
    letters: int = 0

    @property
    def overall(self) -> tuple[int, int]:
        return sum(self.right.values()), sum(self.total.values())

    def table(self) -> str:
        def pct(r: int, t: int) -> str:
            return f"{100 * r / t:5.1f}%" if t else "    —"
        rows = [f"{'veld':<14} {'goed':>5} {'van':>5} {'score':>7}"]
        rows += [f"{f:<14} {self.right[f]:>5} {self.total[f]:>5} {pct(self.right[f], self.total[f]):>7}"
                 for f in FIELDS]
        r, t = self.overall
        rows.append(f"{'totaal':<14} {r:>5} {t:>5} {pct(r, t):>7}")
        rows.append(f"{self.letters} brieven, {len(self.misses)} missers")
        rows += [f"  {m.source}: {m.field}: verwacht {_show(m.expected)}, gelezen {_show(m.got)}"
                 for m in self.misses]
        return "\n".join(rows)


def _show(value: object) -> str:
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(sorted(map(str, value))) + "]"
    return "—" if value is None else str(value)


def _norm(value: object) -> object:
    """Truth values as comparable text: dates ISO, whitespace collapsed, numbers as text."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return frozenset(str(_norm(v)) for v in value)
    return " ".join(str(value).split())


def read_values(letter: Letter | None) -> dict[str, object]:
    """The values of the scored fields the pipeline read for one letter (None: file not parsed)."""
    if letter is None:
        return dict.fromkeys(FIELDS)
    meeting = letter.meetings[0] if letter.meetings else None
    citations = letter.citations + tuple(c for a in letter.attachments for c in a.citations)
    own = letter.kamerstuk.key if letter.kamerstuk else None
    return {
        "kind": letter.kind,
        "letter_date": letter.letter_date,
        "addressee": letter.addressee,
        "signer": letter.minister_signed,
        "kamerstuk": own,
        "meeting.type": meeting.type if meeting else None,
        "meeting.start": meeting.start if meeting else None,
        "meeting.end": meeting.end if meeting else None,
        "meeting.place": meeting.location if meeting else None,
        "references": {_reference_key(c.kind, c.key) for c in citations if c.key and c.key != own},
        "_has_meeting": meeting is not None,
    }


def _reference_key(kind: str, key: str) -> str:
    """The truth files' form: a dossier cited without a number is "dossier-28676"."""
    return f"dossier-{key}" if kind == "dossier" and not key.startswith("dossier-") else key


def expected_values(truth: dict) -> dict[str, object]:
    meeting = truth.get("meeting") or {}
    return {
        "kind": truth.get("kind"),
        "letter_date": truth.get("letter_date"),
        "addressee": truth.get("addressee"),
        "signer": truth.get("signer"),
        "kamerstuk": truth.get("kamerstuk"),
        "meeting.type": meeting.get("type"),
        "meeting.start": meeting.get("start"),
        "meeting.end": meeting.get("end"),
        "meeting.place": meeting.get("place"),
        "references": truth.get("references") or [],
        "_has_meeting": bool(truth.get("meeting")),
    }


def compare(source: str, expected: dict, got: dict, score: Score) -> None:
    score.letters += 1
    for f in FIELDS:
        score.total[f] += 1
        if f in MEETING_FIELDS and not expected["_has_meeting"]:
            # A negative control: right only when no meeting was read.
            ok = not got["_has_meeting"]
            want, have = None, got[f]
        else:
            want, have = _norm(expected[f]), _norm(got[f])
            ok = want == have
        if ok:
            score.right[f] += 1
        else:
            score.misses.append(Miss(source, f, want, have))


def truth_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def score(letters_dir: Path, truth_dir: Path | None = None) -> Score:
    """Run the pipeline once on `letters_dir` and score it against the truth files in `truth_dir`
    (default: the same folder).  A truth file names its letter by its own stem (`<name>.txt`)."""
    truth_dir = truth_dir or letters_dir
    corpus = build_corpus(letters_dir).corpus
    by_source = {l.source: l for l in corpus.letters}
    result = Score()
    for path in truth_files(truth_dir):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data.get("truth"), dict):
            raise ValueError(f"{path}: geen 'truth:' met velden")
        source = data.get("letter") or f"{path.stem}.txt"
        compare(source, expected_values(data["truth"]), read_values(by_source.get(source)), result)
    return result
