"""Glossary: abbreviations the letters spell out, plus an editable list.

Spelled-out forms are found with the algorithm of Schwartz and Hearst (2003,
"A simple algorithm for identifying abbreviation definitions in biomedical
text"): for "long form (SHORT)" the characters of SHORT are matched right to
left inside the words before the bracket, the first one at the start of a
word.  Also recognised: "(long form, SHORT)", "SHORT (long form)" and the
apposition "het SHORT, het long form".  A hyphen starts a word, so
"NATO-Ukraine Council (NUC)" and "(SAFE)-instrument" work.

Abbreviations the letters use without spelling them out come from
data/abbreviations.yaml (source "lijst").  That list also settles a term the
letters spell out differently; otherwise the letters decide by agreement
(see glossary_and_conflicts).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator, Mapping

import yaml

from .cache import memoized
from .knowledge import at_line, entry_lines
from .model import Abbreviation, Problem

ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "abbreviations.yaml"
LIST_SOURCE = "lijst"

# Words that do not count towards the length of a long form and cannot start
# it: Dutch long forms are full of them ("Hoge Vertegenwoordiger van de EU voor ...").
STOPWORDS = frozenset(
    "de het een van voor en of in op te met door die dat der den des aan bij tot om uit "
    "the a an of and for to on in at by with".split()
)
# A long form may hold this many words more than its short form has characters.
EXTRA_WORDS = 5
LOOK_BACK = 800  # characters before a bracket searched for its long form
# Within a sentence a long form stops at these; across them it is not one name.
_BREAK = re.compile(r"[,;:!?()\[\]«»“”\"]|\.(?=\s)")
_PAREN = re.compile(r"\(([^()]*)\)")
_PLURAL = re.compile(r"(?:['’]s|(?<=[A-Z]{2})s)$")
_APPOSITION = re.compile(
    r"\b(?i:het|de|the)\s+([A-Z][A-Za-z0-9]{1,9}),\s+(?i:het|de|een|the)\s+([^,.;:()]+)"
)


class AbbreviationListError(ValueError):
    """abbreviations.yaml cannot be used; the message names the file."""


def valid_short(token: str) -> bool:
    """2-10 characters, starting with a letter or digit, with at least two capitals or a capital and a digit.

    Rules out "(2%)", "(eerste fase)" and a plain capitalised word such as "(Witboek)".
    """
    if not 2 <= len(token) <= 10 or not token[0].isalnum():
        return False
    if not re.fullmatch(r"[^\W_][\w&/.-]*", token) or "_" in token:
        return False
    upper = sum(c.isupper() for c in token)
    return upper >= 2 or (upper == 1 and any(c.isdigit() for c in token))


def _short_form(token: str) -> str | None:
    token = token.strip(" ‘’'\"")
    token = _PLURAL.sub("", token)
    return token if valid_short(token) else None


def _prepare(text: str) -> str:
    """Markdown emphasis out, line breaks in hyphenated words closed, spaces collapsed."""
    text = text.replace("*", "")
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    return " ".join(text.split())


def _content_words(words: list[str]) -> int:
    return sum(1 for w in words if w.casefold() not in STOPWORDS)


def _window(before: str, short: str) -> str:
    """The words before a bracket in which a long form may stand."""
    parts = _BREAK.split(before)
    words = parts[-1].split() if parts else []
    limit = len(short) + EXTRA_WORDS
    keep: list[str] = []
    content = 0  # _content_words(keep), counted as the window grows
    for word in reversed(words):
        content += word.casefold() not in STOPWORDS
        if content > limit:
            break
        keep.append(word)
    return " ".join(reversed(keep))


def _matches(short: str, long: str) -> Iterator[tuple[int, int]]:
    """Schwartz-Hearst: (start of the long form, index of its last matched character).

    The characters after the first are matched greedily from the right; the
    first must begin a word.  Candidates for it are tried from right to left,
    so that "Air and Missile Defence Task Force (AMDTF)" can skip "and".
    """
    s = len(short) - 1
    i = len(long) - 1
    last = None
    while s > 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and long[i].lower() != c:
            i -= 1
        if i < 0:
            return
        if last is None:
            last = i
        i -= 1
        s -= 1
    first = short[0].lower()
    for j in range(i, -1, -1):
        if long[j].lower() == first and (j == 0 or not long[j - 1].isalnum()):
            start = long.rfind(" ", 0, j + 1) + 1
            yield start, (j if last is None else last)


def _accept(short: str, long: str) -> str | None:
    long = long.strip(" -‘’'\"")
    words = long.split()
    if not words or len(long) <= len(short):
        return None
    if words[0].casefold() in STOPWORDS or not words[0][0].isalnum():
        return None
    if short in re.split(r"[\s-]+", long):
        return None
    # A long form that starts in lower case is a common noun phrase; a name
    # (capitalised word) later on means the match began too early, as in
    # "ingestemd met ... Integrated Air and Missile Defence (IAMD)".
    if words[0][0].islower() and any(w[0].isupper() and not w.isupper() for w in words[1:]):
        return None
    return long


def _long_before(short: str, before: str, trim: bool = False) -> str | None:
    window = _window(before, short)
    for start, last in _matches(short, window):
        end = len(window)
        if trim:
            # "(EUBAM Rafah)": the name stops at the word holding the last matched letter.
            nxt = window.find(" ", last)
            end = nxt if nxt >= 0 else end
        long = _accept(short, window[start:end])
        if long:
            return long
    return None


def _long_inside(short: str, inner: str) -> str | None:
    for start, _ in _matches(short, inner):
        # The bracket must hold the name itself, not a sentence that ends in it.
        if _content_words(inner[:start].split()) > 0:
            return None
        long = _accept(short, inner[start:])
        if long:
            return long
    return None


@memoized
def find_abbreviations(text: str) -> list[tuple[str, str]]:
    """(short, long) pairs spelled out in a text, in text order, without repeats."""
    text = _prepare(text)
    found: dict[tuple[str, str], None] = {}  # ordered set

    def add(short: str | None, long: str | None) -> None:
        if short and long:
            found.setdefault((short, long))

    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        # A long form stands in the sentence before the bracket: a bounded look-back
        # keeps a long letter linear.
        before = text[max(0, m.start() - LOOK_BACK): m.start()]
        segments = [p.strip() for p in re.split(r"[,;]", inner)]
        head = segments[0].split()
        if len(head) == 1:
            # "long form (SHORT)" and "long form (SHORT, remark)"
            short = _short_form(head[0])
            add(short, short and _long_before(short, before))
        elif len(head) == 2 and _short_form(head[0]) and head[1][:1].isupper() and head[1] in before.split():
            # "European Union Border Assistance Mission to Rafah Crossing Point (EUBAM Rafah)"
            short = _short_form(head[0])
            add(short, _long_before(short, before, trim=True))
        elif len(segments) >= 2 and len(segments[-1].split()) == 1 and _short_form(segments[-1]):
            # "(Distributed Synthetic Training, DST)"
            short = _short_form(segments[-1])
            add(short, _long_inside(short, ", ".join(segments[:-1])))
        else:
            # "SHORT (long form)"
            prev = before.split()[-1:] or [""]
            short = _short_form(prev[0])
            add(short, short and _long_inside(short, inner))

    for m in _APPOSITION.finditer(text):
        # "het NDPP, het NAVO-capaciteitenplanningsproces": the letters need not
        # all occur in a translation, so only the first letter is checked.
        short = _short_form(m.group(1))
        words = m.group(2).split()
        if len(words) > len(m.group(1)) + EXTRA_WORDS:
            # Too long to be a name put beside the term: an item of a list goes on ("de EU, het Europees
            # Defensie Agentschap en de betrekkingen tussen de EU en de NAVO").
            continue
        long = " ".join(words)
        if short and long[:1].casefold() == short[:1].casefold() and any(c.islower() for c in long):
            add(short, _accept(short, long))
    return list(found)


def load_abbreviation_list(path: Path | None = None) -> dict[str, str]:
    """The editable list: {short: long}; problems raise AbbreviationListError naming the file."""
    path = Path(path) if path else ABBREVIATIONS_FILE
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except OSError as exc:
        raise AbbreviationListError(f"{path}: kan afkortingenlijst niet lezen: {exc}") from exc
    except yaml.YAMLError as exc:
        raise AbbreviationListError(f"{path}: geen geldige YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise AbbreviationListError(f"{path}: verwacht regels 'AFKORTING: voluit'")
    out: dict[str, str] = {}
    lines = entry_lines(text)
    for n, (short, long) in enumerate(data.items()):
        at = at_line(path, lines, n)
        # YAML reads an unquoted NO or ON as a boolean: ask for quotes.
        if not isinstance(short, str) or not short.strip():
            raise AbbreviationListError(f"{at}: afkorting {short!r} is geen tekst; zet haar tussen aanhalingstekens")
        if not isinstance(long, str) or not long.strip():
            raise AbbreviationListError(f"{at}: afkorting '{short}' heeft geen voluit geschreven vorm")
        out[short.strip()] = " ".join(long.split())
    return out


def _form(long: str) -> str:
    """Two spellings of one long form compare equal: case, spaces and hyphens aside."""
    return " ".join(long.casefold().replace("-", " ").split())


def glossary_and_conflicts(texts: Iterable[tuple[str, str, str]], listed: Mapping[str, str] | None = None
                           ) -> tuple[tuple[Abbreviation, ...], list[Problem]]:
    """All abbreviations, sorted by short form (case-insensitive), and the conflicts found.

    `texts` are (letter slug, file name, text), newest letter first.  A tooltip
    shows on every page, so no single letter decides it:
    - the editable list (default: abbreviations.yaml) wins; a letter that
      spells the term out otherwise is reported (info: the list settles it);
    - else the long form that the most letters spell out; on a tie the form
      the archive had first, so a new letter cannot redefine a term; letters
      that disagree are reported (warning: an editor should settle it in the list).
    """
    listed = load_abbreviation_list() if listed is None else listed
    forms: dict[str, dict[str, list[tuple[str, str, str]]]] = {}  # short -> form -> [(slug, file, long)]
    seen: set[tuple[str, str, str]] = set()  # (short, form, file): a letter counts once per form
    for slug, source, text in texts:
        for short, long in find_abbreviations(text or ""):
            form = _form(long)
            if (short, form, source) not in seen:
                seen.add((short, form, source))
                forms.setdefault(short, {}).setdefault(form, []).append((slug, source, long))
    entries: dict[str, Abbreviation] = {}
    problems: list[Problem] = []
    for short, by_form in forms.items():
        if short in listed:
            for form, uses in by_form.items():
                if form != _form(listed[short]):
                    problems += [Problem(source, f"afkorting {short}: de brief schrijft '{long}', de lijst "
                                                 f"'{listed[short]}'; de lijst geldt", level="info")
                                 for _, source, long in uses]
            continue
        # Most letters; on a tie the oldest (texts come newest first, so the last to appear).
        order = list(by_form)
        best = max(by_form, key=lambda f: (len(by_form[f]), order.index(f)))
        slug, _, long = by_form[best][0]
        entries[short] = Abbreviation(short, long, slug)
        if len(by_form) > 1:
            others = "; ".join(f"'{uses[0][2]}' ({len(uses)} {'brief' if len(uses) == 1 else 'brieven'})"
                               for form, uses in by_form.items() if form != best)
            problems += [Problem(source, f"afkorting {short}: brieven schrijven haar verschillend voluit: {others}; "
                                         f"de woordenlijst houdt '{long}' aan (zet de juiste vorm in "
                                         f"generator/data/abbreviations.yaml)")
                         for form, uses in by_form.items() if form != best for _, source, _ in uses]
    for short, long in listed.items():
        entries[short] = Abbreviation(short, long, LIST_SOURCE)
    return tuple(sorted(entries.values(), key=lambda a: (a.short.casefold(), a.short))), problems


def build_glossary(texts: Iterable[tuple[str, str]], listed: Mapping[str, str] | None = None) -> tuple[Abbreviation, ...]:
    """The glossary of `glossary_and_conflicts` for (letter slug, text) pairs, newest letter first."""
    return glossary_and_conflicts(((slug, slug, text) for slug, text in texts), listed)[0]
