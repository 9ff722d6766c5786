"""Topic taxonomy: which subjects a section of a letter touches.

The taxonomy lives in data/topics.yaml so editors can change it without code.
`assign` is a pure function of a section's heading, its text and the heading
of the main section it belongs to:

1. heading: the section gets every topic whose title, alias or strong term its
   heading names (a sub-section also gets the topics its main heading names);
2. text: it gets every topic whose terms occur at least `min_hits` times
   (overlapping mentions count once), or whose strong term occurs once.

A passing mention ("inclusief militaire steun aan Oekraïne") is one hit and
tags nothing; a section that discusses a subject repeats its words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import yaml
from slugify import slugify

from .cache import memoized
from .knowledge import at_line, entry_lines, heading_key
from .lexicon import fold_aligned

TOPICS_FILE = Path(__file__).parent / "data" / "topics.yaml"
DEFAULT_MIN_HITS = 2


class TaxonomyError(ValueError):
    """topics.yaml cannot be used; the message names the file and the topic."""


# --- matching helpers ---------------------------------------------------------




def is_acronym(term: str) -> bool:
    """Capitals and no lower case ("NUC", "CT25"): matched in exactly this spelling."""
    return any(c.isupper() for c in term) and not any(c.islower() for c in term)


def _term_pattern(term: str) -> re.Pattern:
    """A whole-word pattern for a term; see the header of topics.yaml for the rules."""
    prefix = term.endswith("*")
    body = term[:-1] if prefix else term
    body = body.strip()
    if not is_acronym(body):
        body = fold_aligned(body)
    parts = []
    for piece in re.split(r"(\s+|-)", body):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"\s+")
        elif piece == "-":
            # "defensie-uitgaven" is also written "defensie uitgaven" or "defensieuitgaven".
            parts.append(r"[-\s]?")
        else:
            parts.append(re.escape(piece))
    # Letters and digits continue a word; anything else (hyphen, apostrophe,
    # bracket) ends it.  A number's decimal comma does not: "3,5%" holds no "5%".
    left = r"(?<![^\W_])(?<!\d[.,])"
    right = "" if prefix else r"(?![^\W_])(?![.,]\d)"
    if parts and parts[0] not in (r"\s+", r"[-\s]?"):
        # The same pattern, with the first word leading and what stands before it looked back at
        # from its end: a pattern that starts with a string is searched for as a string, one that
        # starts with a look-behind is tried at every position of the text (ten times slower).
        return re.compile(parts[0] + f"(?<={left}{parts[0]})" + "".join(parts[1:]) + right)
    return re.compile(left + "".join(parts) + right)


# Addresses under onderwerpen/ that the site's own pages take: the index and the sections under
# no topic (render.py); a topic there would silently replace the page, or be replaced by it.
RESERVED_SLUGS = frozenset({"index", "overig"})


@dataclass(frozen=True)
class _Term:
    text: str
    pattern: re.Pattern
    acronym: bool
    strong: bool
    probe: str  # a piece every match contains: a cheap substring test before the regex


def _probe(term: str) -> str:
    body = term.rstrip("*").strip()
    if not is_acronym(body):
        body = fold_aligned(body)
    return max(re.split(r"[\s-]+", body), key=len)


def _compile_terms(terms: Iterable[str], strong: Iterable[str]) -> tuple[_Term, ...]:
    out = [_Term(t, _term_pattern(t), is_acronym(t.rstrip("*")), True, _probe(t)) for t in strong]
    out += [_Term(t, _term_pattern(t), is_acronym(t.rstrip("*")), False, _probe(t)) for t in terms]
    return tuple(out)


def _tail_acronyms(text: str) -> list[str]:
    """Acronyms in a parenthesised tail: "Oekraïne (UDCG)" -> ["UDCG"]."""
    found = []
    for inner in re.findall(r"\(([^)]*)\)", text):
        found += [w for w in re.split(r"[\s,;/]+", inner) if len(w) >= 2 and is_acronym(w)]
    return found


def _heading_words(text: str) -> str:
    """A heading as space-padded words for phrase containment: '&' = 'en', no tail, hyphens as spaces."""
    return " " + " ".join(heading_key(text).replace("-", " ").split()) + " "


# --- the taxonomy -------------------------------------------------------------


@dataclass(frozen=True)
class TopicDef:
    slug: str
    title: str
    description: str
    aliases: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    strong: tuple[str, ...] = ()
    min_hits: int = DEFAULT_MIN_HITS
    # Derived, for matching.
    _alias_keys: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)
    _alias_acronyms: tuple[re.Pattern, ...] = field(default=(), init=False, repr=False, compare=False)
    _terms: tuple[_Term, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys, acronyms = [], []
        for alias in (self.title, *self.aliases):
            if is_acronym(alias):
                acronyms.append(alias)
                continue
            key = _heading_words(alias)
            if key.strip():
                keys.append(key)
            acronyms += _tail_acronyms(alias)
        object.__setattr__(self, "_alias_keys", tuple(dict.fromkeys(keys)))
        object.__setattr__(self, "_alias_acronyms", tuple(_term_pattern(a) for a in dict.fromkeys(acronyms)))
        object.__setattr__(self, "_terms", _compile_terms(self.terms, self.strong))


class Taxonomy(tuple):
    """The topics in display order, plus the headings that name no topic.

    A tuple of TopicDef, so anything that takes `tuple[TopicDef, ...]` takes it.
    """

    generic_headings: frozenset[str]
    subject_markers: tuple[str, ...]
    greetings: tuple[re.Pattern, ...]
    announcements: tuple[re.Pattern, ...]

    def __new__(cls, topics: Iterable[TopicDef] = (), generic_headings: Iterable[str] = (),
                subject_markers: Iterable[str] = (), greetings: Iterable[re.Pattern] = (),
                announcements: Iterable[re.Pattern] = ()):
        self = super().__new__(cls, tuple(topics))
        self.generic_headings = frozenset(heading_key(h) for h in generic_headings)
        self.subject_markers = tuple(fold_aligned(m).lower() for m in subject_markers)
        self.greetings = tuple(greetings)
        self.announcements = tuple(announcements)
        return self


def _strings(value, where: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list):
        raise TaxonomyError(f"{where}: '{what}' moet een lijst zijn")
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    if bad:
        raise TaxonomyError(f"{where}: '{what}' bevat een lege of niet-tekstuele waarde: {bad[0]!r} (zet hem tussen aanhalingstekens)")
    return tuple(v.strip() for v in value)


def _min_hits(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise TaxonomyError(f"{where}: 'min_hits' moet een geheel getal van 1 of meer zijn, niet {value!r}")
    return value


def _patterns(value, where: str, what: str) -> tuple[re.Pattern, ...]:
    out = []
    for text in _strings(value, where, what):
        try:
            out.append(re.compile(text, re.IGNORECASE))
        except re.error as exc:
            raise TaxonomyError(f"{where}: '{what}': {text!r} is geen geldige reguliere expressie: {exc}") from exc
    return tuple(out)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and check topics.yaml; every problem is a TaxonomyError naming the file."""
    path = Path(path) if path else TOPICS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path}: kan onderwerpenbestand niet lezen: {exc}") from exc
    return _taxonomy(path, text)


@lru_cache(maxsize=8)  # by the file's text: a run asks twice (link.Ready and link()), `make serve` every run
def _taxonomy(path: Path, text: str) -> Taxonomy:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: geen geldige YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list) or not data["topics"]:
        raise TaxonomyError(f"{path}: verwacht een lijst 'topics' met minstens één onderwerp")
    default_min = _min_hits(data.get("min_hits", DEFAULT_MIN_HITS), str(path))
    generic = _strings(data.get("generic_headings"), str(path), "generic_headings")
    generic_keys = {heading_key(h) for h in generic}

    topics: list[TopicDef] = []
    seen_slugs: set[str] = set()
    alias_owner: dict[str, str] = {}
    lines = entry_lines(text, "topics")
    for n, raw in enumerate(data["topics"], 1):
        at = at_line(path, lines, n - 1)
        if not isinstance(raw, dict):
            raise TaxonomyError(f"{at}: onderwerp nr. {n} is geen mapping met slug, title, description")
        slug = raw.get("slug")
        where = f"{at}: onderwerp '{slug}'" if slug else f"{at}: onderwerp nr. {n}"
        for key in ("slug", "title", "description"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise TaxonomyError(f"{where}: '{key}' ontbreekt of is leeg")
        unknown = set(raw) - {"slug", "title", "description", "aliases", "terms", "strong", "min_hits"}
        if unknown:
            raise TaxonomyError(f"{where}: onbekend veld {sorted(unknown)[0]!r}")
        if slug != slugify(slug):
            raise TaxonomyError(f"{where}: slug moet kleine letters, cijfers en streepjes zijn, bijvoorbeeld '{slugify(slug)}'")
        if slug in RESERVED_SLUGS:
            raise TaxonomyError(f"{where}: slug '{slug}' is het adres van een pagina van de leeszaal zelf "
                                f"(onderwerpen/{slug}/); kies een andere")
        if slug in seen_slugs:
            raise TaxonomyError(f"{where}: slug komt vaker dan één keer voor")
        seen_slugs.add(slug)
        aliases = _strings(raw.get("aliases"), where, "aliases")
        terms = _strings(raw.get("terms"), where, "terms")
        strong = _strings(raw.get("strong"), where, "strong")
        for alias in (raw["title"], *aliases):
            key = heading_key(alias)
            if key in generic_keys:
                raise TaxonomyError(f"{where}: alias '{alias}' staat ook bij generic_headings")
            owner = alias_owner.setdefault(key, slug)
            if owner != slug:
                raise TaxonomyError(f"{where}: alias '{alias}' hoort al bij onderwerp '{owner}'")
        for term in (*terms, *strong):
            if not term.rstrip("*").strip() or "*" in term.rstrip("*"):
                raise TaxonomyError(f"{where}: term {term!r}: '*' mag alleen aan het eind staan")
        min_hits = _min_hits(raw.get("min_hits", default_min), where)
        topics.append(TopicDef(slug, raw["title"].strip(), " ".join(raw["description"].split()),
                               aliases, terms, strong, min_hits))
    return Taxonomy(topics, generic, _strings(data.get("subject_markers"), str(path), "subject_markers"),
                    _patterns(data.get("greetings"), str(path), "greetings"),
                    _patterns(data.get("announcements"), str(path), "announcements"))


# --- assignment ---------------------------------------------------------------


def is_generic(heading: str | None, taxonomy: Sequence[TopicDef]) -> bool:
    """True for a heading that names no subject ("Aanleiding", a meeting's name)."""
    generic = getattr(taxonomy, "generic_headings", frozenset())
    return heading is not None and heading_key(heading) in generic


def _names_topic(heading: str, words: str, topic: TopicDef) -> bool:
    if any(key in words for key in topic._alias_keys):
        return True
    if any(p.search(heading) for p in topic._alias_acronyms):
        return True
    folded = fold_aligned(heading)
    return any(t.strong and t.pattern.search(heading if t.acronym else folded) for t in topic._terms)


@memoized  # pure; the generator's cache keeps it across runs
def heading_topics(heading: str | None, taxonomy: Sequence[TopicDef]) -> tuple[str, ...]:
    """Slugs of the topics a heading names, in taxonomy order; () for none or a generic heading."""
    if not heading or is_generic(heading, taxonomy):
        return ()
    words = _heading_words(heading)
    return tuple(t.slug for t in taxonomy if _names_topic(heading, words, t))


def term_hits(text: str, topic: TopicDef, folded: str | None = None) -> tuple[int, bool, dict[str, int]]:
    """(mentions, strong term seen, mentions per term) of a topic's terms in a text.

    Overlapping matches are one mention: "onderzeese vitale infrastructuur"
    is not also "onderzeese" plus "vitale infrastructuur".  `folded` is
    fold_aligned(text), when the caller has it already.
    """
    if folded is None:
        folded = fold_aligned(text)
    found: list[tuple[int, int, _Term]] = []
    for term in topic._terms:
        haystack = text if term.acronym else folded
        if term.probe not in haystack:
            continue  # most terms are absent: skip the regex (the benchmark's hot spot)
        for m in term.pattern.finditer(haystack):
            found.append((m.start(), m.end(), term))
    found.sort(key=lambda f: (f[0], -f[1]))
    mentions, strong, per_term = 0, False, {}
    end = -1
    for start, stop, term in found:
        strong = strong or term.strong
        if start >= end:  # a new mention, not inside the previous one
            mentions += 1
            per_term[term.text] = per_term.get(term.text, 0) + 1
        end = max(end, stop)
    return mentions, strong, per_term


def text_topics(text: str, taxonomy: Sequence[TopicDef]) -> tuple[str, ...]:
    """Slugs of the topics a text touches by its terms, in taxonomy order."""
    out = []
    folded = fold_aligned(text)
    for topic in taxonomy:
        mentions, strong, _ = term_hits(text, topic, folded)
        if strong or mentions >= topic.min_hits:
            out.append(topic.slug)
    return tuple(out)


def assign(heading: str | None, text: str, taxonomy: Sequence[TopicDef], parent: str | None = None) -> tuple[str, ...]:
    """Topic slugs for one section of a letter, in taxonomy order; () means "overig".

    `parent` is the heading of the main (level-2) section a sub-section belongs
    to: the sub-section inherits the topics that heading names.
    """
    found = set(heading_topics(heading, taxonomy))
    found |= set(heading_topics(parent, taxonomy))
    found |= set(text_topics(text or "", taxonomy))
    return tuple(t.slug for t in taxonomy if t.slug in found)


def explain(heading: str | None, text: str, taxonomy: Sequence[TopicDef], parent: str | None = None) -> dict[str, str]:
    """Why `assign` gives each slug, in Dutch, for editors tuning topics.yaml."""
    own, inherited = heading_topics(heading, taxonomy), heading_topics(parent, taxonomy)
    reasons: dict[str, str] = {}
    for topic in taxonomy:
        why = []
        if topic.slug in own:
            why.append("kop")
        if topic.slug in inherited:
            why.append("kop van de hoofdsectie")
        mentions, strong, per_term = term_hits(text or "", topic)
        if strong or mentions >= topic.min_hits:
            terms = ", ".join(f"{t} ×{n}" for t, n in per_term.items())
            why.append(f"termen ({terms})" + ("; sterke term" if strong and mentions < topic.min_hits else ""))
        if why:
            reasons[topic.slug] = "; ".join(why)
    return reasons


# --- paragraphs -----------------------------------------------------------------

# A clause ends at these; a subject marker reaches no further.
_CLAUSE_END = re.compile(r"[.;:!?,()]")


@memoized  # pure; the generator's cache keeps it across runs
def is_framing(text: str, taxonomy: Sequence[TopicDef], opening: bool) -> bool:
    """A greeting, or (in the untitled opening of a letter) a paragraph announcing the letter."""
    stripped = text.strip()
    if any(p.search(stripped) for p in getattr(taxonomy, "greetings", ())):
        return True
    return opening and any(p.search(stripped) for p in getattr(taxonomy, "announcements", ()))


def _subject_mention(text: str, folded: str, topic: TopicDef, markers: tuple[str, ...]) -> bool:
    """True when a term of the topic follows a subject marker in one clause, at most four words on."""
    if not markers:
        return False
    for term in topic._terms:
        haystack = text if term.acronym else folded
        if term.probe not in haystack:
            continue
        for m in term.pattern.finditer(haystack):
            before = folded[max(0, m.start() - 80):m.start()]
            clause = _CLAUSE_END.split(before)[-1].lower().split()
            if any(w in markers for w in clause[-6:]):
                return True
    return False


@memoized  # pure; the generator's cache keeps it across runs
def paragraph_topics(text: str, taxonomy: Sequence[TopicDef], prior: Iterable[str] = (),
                     framing: bool = False, inherited: Iterable[str] = ()) -> tuple[str, ...]:
    """Topic slugs for one paragraph, its main topic first; () for none.

    `prior` holds the topics its section's heading names, `inherited` those
    of the main section's heading.
    A topic counts when the paragraph has min_hits mentions, a strong term, or
    one mention as the subject of a clause ("spreken over ..."); a heading's
    topic counts on one mention, and all heading topics count when the
    paragraph names no topic of its own.  The main topic has the highest
    score: mentions, plus two for its own heading's topic and one for the main
    heading's (the writer's own filing), ties in taxonomy order.
    """
    if framing:
        return ()
    bonus = {slug: 1 for slug in inherited}
    bonus.update({slug: 2 for slug in prior})
    prior = set(bonus)
    folded = fold_aligned(text)
    markers = getattr(taxonomy, "subject_markers", ())
    scores: dict[str, int] = {}
    mentioned: dict[str, int] = {}
    for topic in taxonomy:
        mentions, strong, _ = term_hits(text, topic, folded)
        if not mentions:
            continue
        mentioned[topic.slug] = mentions
        if strong or mentions >= topic.min_hits or _subject_mention(text, folded, topic, markers):
            scores[topic.slug] = mentions + (1 if strong else 0)
    for slug in prior:
        if slug in mentioned:
            scores[slug] = max(scores.get(slug, 0), mentioned[slug])
    if not scores:
        scores = {slug: 0 for slug in prior}
    for slug in prior & set(scores):
        scores[slug] += bonus[slug]
    order = {t.slug: i for i, t in enumerate(taxonomy)}
    return tuple(sorted((s for s in scores if s in order), key=lambda s: (-scores[s], order[s])))
