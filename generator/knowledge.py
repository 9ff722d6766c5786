"""Load the editable knowledge files in generator/data/ into typed objects.

Each YAML file is read once.  Patterns are compiled here so that a bad
pattern in a data file fails loudly at start-up: every problem with a data
file is one DataFileError naming the file (and the line, for bad YAML).
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .lexicon import fold
from .slugs import slug

DATA = Path(__file__).parent / "data"


class DataFileError(Exception):
    """A data file in generator/data/ that cannot be used: names the file and, where known, the line."""

    def __init__(self, path: Path, message: str, line: int | None = None):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}{f':{line}' if line else ''}: {message}")


def load_yaml(name: str) -> dict:
    """A data file as a mapping; any problem is one DataFileError naming the file and line."""
    path = DATA / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"kan gegevensbestand niet lezen: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(path, "geen UTF-8-tekst") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(path, f"geen geldige YAML: {problem}", mark.line + 1 if mark else None) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(path, "verwacht sleutels met waarden (een YAML-mapping) bovenaan", 1)
    return data


def entry_lines(text: str, key: str | None = None) -> list[int]:
    """The 1-based line of each entry of a YAML text: the top-level mapping's keys,
    or with `key` the items of the list under that key.  Empty when the text has
    no such shape; only for error messages, so it never raises."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    if key is None:
        return [k.start_mark.line + 1 for k, _ in node.value]
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def at_line(path: Path | str, lines: list[int], index: int) -> str:
    """"path:line" for entry `index` (0-based) when its line is known, else the path."""
    return f"{path}:{lines[index]}" if index < len(lines) else str(path)


def _checked(name: str, build):
    """Run `build` on a loaded data file; a missing or mistyped entry becomes a DataFileError."""
    try:
        return build(load_yaml(name))
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as exc:
        detail = f"ontbrekend veld {exc}" if isinstance(exc, KeyError) else f"ongeldige waarde ({exc})"
        raise DataFileError(DATA / name, detail) from exc


def _patterns(items: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


@dataclass(frozen=True)
class Confusion:
    wrong: str
    right: str
    rule: str


@dataclass(frozen=True)
class CleaningRules:
    sidebar_labels: frozenset[str]  # folded
    letterhead: tuple[re.Pattern, ...]
    page_patterns: tuple[re.Pattern, ...]
    salutations: tuple[re.Pattern, ...]
    closings: tuple[re.Pattern, ...]
    greetings: tuple[str, ...]
    signer_roles: tuple[str, ...]
    delegations: tuple[str, ...]  # "namens deze": the role above signs through the one below
    appended_titles: frozenset[str]  # folded
    memo_titles: frozenset[str]  # folded: the appended titles of a memo, not of an enclosure
    elliptic_conjunctions: frozenset[str]
    hyphen_vowel_pairs: frozenset[str]
    clause_words: frozenset[str]
    confusions: tuple[Confusion, ...]
    glued_words: tuple[str, ...]
    glued_head_endings: tuple[str, ...]
    period_abbreviations: frozenset[str]
    date_end_abbreviations: frozenset[str]
    continuation_words: frozenset[str]
    broken_off_words: frozenset[str]  # a blank line after one is a page break mid-sentence
    main_headings: frozenset[str]  # as normalised by heading_key()
    meeting_headings: frozenset[str]  # names of meetings and bodies, as heading_key()
    head_end: tuple[re.Pattern, ...] = ()  # the place and date line that ends a letter's head
    webpage: tuple[re.Pattern, ...] = ()  # a saved web page's own text around the letter
    page_facts: tuple[re.Pattern, ...] = ()  # what such a page states about the letter
    title_above: tuple[re.Pattern, ...] = ()  # a page line whose line above is the page's title for the text
    run_on_heads: tuple[re.Pattern, ...] = ()  # a head run on into the text on one line: `head`, `rest`
    annex_titles: tuple[re.Pattern, ...] = ()  # the title of an agenda or report a cover letter sends
    not_headings: tuple[re.Pattern, ...] = ()  # short lines that are never headings (signature lines)
    sentence_openings: tuple[re.Pattern, ...] = ()  # a line starting so begins a sentence, never a heading
    title_prefixes: tuple[re.Pattern, ...] = ()  # "KAMERBRIEF INZAKE" before a document's title


def heading_key(text: str) -> str:
    """Normalise a heading for comparison: folded, '&' as 'en', no parenthesised tail."""
    key = re.sub(r"^\d{1,2}(\.\d{1,2})*\.?\s+", "", fold(text)).replace("&", " en ")  # "2. Oekraïne"
    key = re.sub(r"\([^)]*\)", " ", key)
    key = re.sub(r"[^\w\s-]", " ", key)
    return " ".join(key.split())


@dataclass(frozen=True)
class MeetingType:
    key: str
    title: str
    short: str
    organisation: str
    names: tuple[str, ...]
    # Earlier names, (last day, title), oldest first: the council the RAZEB was until December 2009.
    former_titles: tuple[tuple[date, str], ...] = ()

    def title_on(self, day: date | None) -> str:
        """The meeting's name as it was on `day` (today's name for a meeting without a day)."""
        return next((title for until, title in self.former_titles if day is not None and day <= until), self.title)


@dataclass(frozen=True)
class MeetingKnowledge:
    types: tuple[MeetingType, ...]
    bodies: dict[str, tuple[str, ...]]
    locations: tuple[str, ...]


@lru_cache(maxsize=None)
def meeting_knowledge() -> MeetingKnowledge:
    return _checked("meetings.yaml", _meeting_knowledge)


def _meeting_knowledge(data: dict) -> MeetingKnowledge:
    for key in data["types"]:
        # A type is part of its meetings' addresses (vergaderingen/2025-10-15-dmm/) and page classes.
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(key)):
            raise ValueError(f"soort vergadering '{key}': alleen kleine letters, cijfers en streepjes")
    types = tuple(
        MeetingType(key, t["title"], t.get("short", t["title"]), t.get("organisation", ""), tuple(t["names"]),
                    _former_titles(key, t.get("former_titles") or []))
        for key, t in data["types"].items()
    )
    bodies = {k: tuple(v) for k, v in data.get("bodies", {}).items()}
    return MeetingKnowledge(types, bodies, tuple(dict.fromkeys(data.get("locations", []))))


def _former_titles(key: str, entries: list) -> tuple[tuple[date, str], ...]:
    if not all(isinstance(e, dict) and isinstance(e.get("until"), date) and e.get("title") for e in entries):
        raise ValueError(f"soort vergadering '{key}': former_titles verwacht regels "
                         "'- {until: JJJJ-MM-DD, title: naam}'")
    return tuple(sorted((e["until"], str(e["title"])) for e in entries))


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _closing_patterns(greetings: tuple[str, ...], roles: tuple[str, ...],
                      acting: tuple[str, ...] = ()) -> tuple[re.Pattern, ...]:
    # The role alone, or the role and the signer's name on one line ("De Minister van Defensie, K.H. Ollongren");
    # a minister standing in for another says so after the role ("De minister van Defensie a.i.,").
    name = r"(?:(?:drs|dr|mr|ir|prof)\.\s*)*(?:[A-Z][a-z]{0,2}\.\s?)+\s?[\w’' -]+"
    stands_in = rf"(?:,?\s*(?:{alternation(acting)}))?" if acting else ""
    # (and a second role after a comma: "De Minister-President, Minister van Algemene Zaken,")
    one = rf"(?:{alternation(roles)})(?: (?:van|voor) [\w -]+| [\w-]+)?"
    role = rf"^(?:de|het) {one}(?:,\s*{one})?{stands_in}"
    return _patterns([rf"^(?:{alternation(greetings)}),?$", rf"{role},?$", rf"{role},\s+{name}$"])


@lru_cache(maxsize=None)
def cleaning_rules() -> CleaningRules:
    return _checked("cleaning.yaml", _cleaning_rules)


def _cleaning_rules(data: dict) -> CleaningRules:
    greetings, roles = _longest_first(data["greetings"]), _longest_first(data["signer_roles"])
    meetings = meeting_knowledge()
    meeting_names = [n for t in meetings.types for n in t.names] + [n for ns in meetings.bodies.values() for n in ns]
    return CleaningRules(
        sidebar_labels=frozenset(fold(x) for x in data["sidebar_labels"]),
        letterhead=_patterns(data["letterhead_patterns"]),
        page_patterns=_patterns(data["page_patterns"]),
        salutations=_patterns(data["salutations"]),
        closings=_closing_patterns(greetings, roles, tuple(data.get("acting", ()))),
        greetings=greetings,
        signer_roles=roles,
        delegations=tuple(data["delegations"]),
        appended_titles=frozenset(fold(x) for x in data["appended_titles"]),
        memo_titles=frozenset(fold(x) for x in data.get("memo_titles", ())),
        elliptic_conjunctions=frozenset(data["elliptic_conjunctions"]),
        hyphen_vowel_pairs=frozenset(data["hyphen_vowel_pairs"]),
        clause_words=frozenset(data["clause_words"]),
        confusions=tuple(Confusion(c["from"], c["to"], c["rule"]) for c in data["ocr_confusions"]),
        glued_words=tuple(data["glued_words"]),
        glued_head_endings=tuple(data["glued_head_endings"]),
        period_abbreviations=frozenset(data["period_abbreviations"]),
        date_end_abbreviations=frozenset(data.get("date_end_abbreviations", [])),
        continuation_words=frozenset(data["continuation_words"]),
        broken_off_words=frozenset(data["broken_off_words"]),
        main_headings=frozenset(heading_key(h) for h in data["main_headings"]),
        meeting_headings=frozenset(heading_key(n) for n in meeting_names),
        head_end=_patterns(data.get("head_end_patterns", [])),
        webpage=_patterns(data.get("webpage_patterns", [])),
        page_facts=_patterns(data.get("page_facts", [])),
        title_above=_patterns(data.get("page_title_above", [])),
        run_on_heads=_patterns(data.get("run_on_heads", [])),
        annex_titles=_patterns(data.get("annex_titles", [])),
        not_headings=_patterns(data.get("not_headings", [])),
        sentence_openings=_patterns(data.get("sentence_openings", [])),
        title_prefixes=_patterns(data.get("title_prefixes", [])),
    )


@lru_cache(maxsize=None)
def dossier_names() -> dict[str, str]:
    """Official names of dossiers (data/dossiers.yaml), by the dossier's key ("22112", "21501-28")."""
    names = load_yaml("dossiers.yaml").get("names") or {}
    if not isinstance(names, dict):
        raise DataFileError(DATA / "dossiers.yaml", "'names' verwacht per dossier een regel 'nummer: naam'")
    return {str(k): str(v) for k, v in names.items()}


@dataclass(frozen=True)
class PersonEntry:
    """A member of government in people.yaml, as the site names them (a page of their own)."""

    key: str
    name: str
    roles: tuple[str, ...]


def person_key(surname: str) -> str:
    """A person's stable identifier, their page's address: the surname as a slug, "brekelmans"."""
    return slug(surname)


@lru_cache(maxsize=None)
def people() -> dict[str, PersonEntry]:
    """The people of people.yaml by key, in the file's order."""
    return _checked("people.yaml", lambda data: {
        person_key(p["surname"]): PersonEntry(person_key(p["surname"]), str(p["name"]),
                                              tuple(str(r) for r in p.get("roles", [])))
        for p in data["people"]})


@lru_cache(maxsize=None)
def _kind_labels() -> dict[str, str]:
    return dict(load_yaml("kinds.yaml").get("labels", {}))


def kind_label(kind: str) -> str:
    """The Dutch name of a kind of document ("Geannoteerde agenda", "Brief", "Nota")."""
    return _kind_labels().get(kind, kind)


def document_label(letter) -> str:
    """What the site calls a document: a parliamentary record by its own name, a text that is no
    letter (Letter.letter) by kinds.yaml `not_a_letter`, anything else by its kind."""
    if letter.record:
        return letter.record
    if not letter.letter:
        return _kind_labels().get("not_a_letter", "not_a_letter")
    return kind_label(letter.kind)


@lru_cache(maxsize=None)
def _origin_labels() -> tuple[dict[str, str], dict[str, str]]:
    data = load_yaml("origins.yaml")
    return dict(data.get("origins", {})), dict(data.get("fields", {}))


def origin_label(origin: str) -> str:
    """Where a value came from, in Dutch ("briefhoofd", "jaar uit de briefdatum"); a value of
    several parts ("text+type-from-dossier") names each ("brieftekst; soort vergadering …")."""
    labels = _origin_labels()[0]
    return "; ".join(labels.get(part, part) for part in origin.split("+"))


def field_label(field: str) -> str:
    """A metadata field as the panel and `check` name it ("datum", "vergadering")."""
    return _origin_labels()[1].get(field, field)
