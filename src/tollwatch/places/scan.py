"""Scanning sentences for gazetteer names, and the report's country context.

Part of rule ``places.v1`` (see places/geocode.py and docs/places.md): token n-grams
are looked up by name key, longest first, starting only at capitalised tokens
in ordinary text and at every token in upper-case or title-case text; then
each name votes for the countries of its candidates to give the report's
context.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from ..read.script import has_arabic, script_core, script_token_key, strip_clitics
from ..records import CleanText, Sentence
from .gazetteer.model import Gazetteer
from .names import ARTICLES, fold, light_key, split_fused_article, token_key
from .ordinary import is_ordinary, title_case, unforced_capital
from .rules import DATELINE_AFTER, DATELINE_BEFORE

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]*[^\W_])?", re.UNICODE)


CONNECTORS = ARTICLES | frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "du",
        "des",
        "le",
        "les",
        "of",
        "and",
        "y",
        "e",
        "on",
        "upon",
        "sur",
        "au",
        "aux",
        "bin",
        "ibn",
        "bint",
    ]
)


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


MAX_CANDIDATES = 20  # the index lists the strongest candidates of a name first


VOTING_CANDIDATES = 8


DEMONYM_VOTE = 1.0  # "Ukrainian forces", "Syrian regime": the report's country, as a name
DATELINE_VOTE = 3.0  # a wire dateline's place: where the report is filed, most often its country
CO_LEADER = 0.8  # "Russian forces ... Ukrainian forces": no single country leads


# In upper-case text these short words start no name ("AT WAR", "AN ACT", "IN SAN...")
_NOT_FIRST_IN_CAPITALS = frozenset(
    [
        "an",
        "at",
        "as",
        "in",
        "to",
        "on",
        "of",
        "and",
        "or",
        "for",
        "by",
        "is",
        "it",
        "es",
        "en",
        "et",
        "ed",
        "er",
        "il",
        "ul",
        "a",
    ]
)


_LOWER_ARTICLES = frozenset({"al", "el", "ash", "adh", "ath", "az", "ez"})


@cache
def _stopwords() -> frozenset[str]:
    from .gazetteer.build import stopwords

    return stopwords()


def common_words() -> frozenset[str]:
    """Words that are never a place alone (our stop lists plus justext's)."""
    return _stopwords()


class Token(NamedTuple):
    start: int  # offset in the report text
    end: int
    text: str
    key: str  # spelling-folded key
    core: str  # key without a fused article ("ezzor" -> "zor"); "" for an article
    cap: bool


@dataclass
class Match:
    """A name found in a sentence, before it is resolved."""

    sentence: int
    first: int  # token positions in the sentence
    last: int
    start: int
    end: int
    candidates: tuple[int, ...]
    strict: bool
    exact: frozenset[int] = frozenset()  # candidates found with the articles kept
    sure: bool = False  # read by a rule that leaves no doubt ("Salem, Mass."): well spelled


@dataclass
class Context:
    """What the whole report says about where it is."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: set[str] = field(default_factory=set)  # "SY.07"

    main: str | None = None  # the country with most votes, when it has at least 1
    main_votes: float = 0.0
    leaders: frozenset[str] = frozenset()  # countries within 80 % of the main one's votes
    votes: dict[str, float] = field(default_factory=dict)  # every country's raw votes
    admin_votes: dict[str, float] = field(default_factory=dict)
    # what each name gave: (sentence, start) -> (country shares, province shares)
    shares: dict[tuple[int, int], tuple[dict[str, float], dict[str, float]]] = field(
        default_factory=dict
    )

    def without(self, m: Match) -> Context:
        """The context without the votes of name `m` itself: a name that is the
        report's only evidence must not vote its own namesake into the lead
        ("Palmyra" alone is not a town of the US because it has ten there)."""
        own = self.shares.get((m.sentence, m.start))
        if own is None:
            return self
        votes = dict(self.votes)
        for iso, share in own[0].items():
            votes[iso] -= share
        admin = dict(self.admin_votes)
        for code, share in own[1].items():
            admin[code] -= share
        local = _settle(votes, admin)
        local.countries = {**self.countries, **local.countries}  # no country drops out
        return local


@lru_cache(maxsize=65_536)
def _word_keys(raw: str) -> tuple[str, str, str, bool]:
    """(word without a possessive 's, key, article-free key, capitalised) of a raw token."""
    word = raw[:-2] if raw[-2:] in ("'s", "’s", "'S", "’S") else raw
    if has_arabic(word):  # keyed in its own script, as the gazetteer keys Arabic names
        key = script_token_key(word)
        return word, key, script_core(key), False
    folded = fold(word).replace(" ", "")
    core = "" if folded in ARTICLES else token_key(split_fused_article(folded))
    return word, token_key(folded), core, word[:1].isupper()


def _tokens(text: str, offset: int, strict: bool) -> list[Token]:
    """Word tokens; in ordinary text a lower-case word that cannot be inside a name
    ("killed", "near") gets no keys, which saves most of the work."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start = offset + m.start()
        if not strict and raw[0].islower() and raw not in CONNECTORS:
            out.append(Token(start, start + len(raw), raw, "", "-", False))
            continue
        word, key, core, cap = _word_keys(raw)
        out.append(Token(start, start + len(word), word, key, core, cap))
    return out


def _longest(gaz: Gazetteer, tokens: list[Token], i: int) -> int:
    """The most tokens a name starting at token i can have (0: no name starts here)."""
    tok = tokens[i]
    firsts = gaz.firsts
    most = max(firsts.get(tok.key, 0), firsts.get(tok.core, 0) if tok.core else 0)
    if not tok.core and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        most = max(most, firsts.get(nxt.core, 0) + 1, firsts.get(nxt.key, 0) + 1)
    return min(most + 1, len(tokens) - i)


def _is_strict(clean: CleanText, sentence: Sentence) -> bool:
    """Upper-case or title-case text: capitals say nothing, so ask for more evidence."""
    if clean.upper or not any(ch.islower() for ch in sentence.text):
        return True
    long_words = _LONG_WORD.findall(sentence.text)
    capitals = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 5 and capitals / len(long_words) > 0.85


def _can_start(tokens: list[Token], i: int, strict: bool) -> bool:
    tok = tokens[i]
    lower = tok.text.lower()
    if lower == "the" or (strict and lower in _NOT_FIRST_IN_CAPITALS):
        return False
    if strict or tok.cap:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.cap or tok.text.lower() not in ARTICLES:
        return False
    # "al-Mayadeen", "ez-Zor": Arabic articles; a lone "en"/"as"/"at" is a Spanish or
    # English word ("en Juárez")
    return tok.end == nxt.start - 1 or tok.text.lower() in _LOWER_ARTICLES


def _common_word(gaz: Gazetteer, tok: Token, strict: bool) -> bool:
    """A lone word that is a common word, a demonym, or (in capital-less text) very short.

    A country's own name is never a demonym, though it may share the demonym's key
    ("Somalia" and "Somali", "Argentina" and "Argentine") or be used as one ("Myanmar").
    """
    lower = tok.text.lower()
    if lower in _stopwords() or (strict and len(lower) < 3):
        return True
    if len(lower) < 3 and not tok.text.isupper():
        return True  # "Os", "En": a two-letter place or country code is written "US", "DR"
    return tok.key in gaz.demonyms and not names_country(gaz, tok.text)


def names_country(gaz: Gazetteer, word: str) -> bool:
    """Whether a word is spelled as a country's name ("Somalia", "Myanmar", not "Somali")."""
    return any(gaz.kinds[i] == 2 for i in gaz.spelled(light_key(word)))


def _lookup(gaz: Gazetteer, run: list[Token]) -> tuple[tuple[int, ...], frozenset[int]]:
    """Candidates by the full key, then by the article-free key; and the full-key ones."""
    full = " ".join(t.key for t in run)
    found = gaz.candidates(full)
    core = " ".join(t.core for t in run if t.core)
    if not core or core == full:
        return found, frozenset()
    more = gaz.candidates(core)
    if found and more:
        return tuple(dict.fromkeys(found + more)), frozenset(found)
    return found or more, frozenset()


def _unclitic(gaz: Gazetteer, tokens: list[Token]) -> list[Token]:
    """Arabic words that are no name's first word as written ("بحلب", "وإدلب") are looked
    up without their clitic prefix (read/script.py): "بحلب" is "حلب", Aleppo."""
    out = []
    for tok in tokens:
        bare = strip_clitics(tok.text) if tok.key not in gaz.firsts else tok.text
        if bare != tok.text and has_arabic(bare):
            _, key, core, cap = _word_keys(bare)
            if key in gaz.firsts:
                tok = Token(tok.end - len(bare), tok.end, bare, key, core, cap)
        out.append(tok)
    return out


def scan(
    gaz: Gazetteer, clean: CleanText, sentence: Sentence, ordinary: frozenset[str] = frozenset()
) -> tuple[list[Token], list[Match]]:
    """Gazetteer names of one sentence (`ordinary`: the report's lower-case words,
    `ordinary_words`, which a lone capitalised word by position does not name)."""
    strict = _is_strict(clean, sentence)
    tokens = _tokens(sentence.text, sentence.span.start, strict)
    title = bool(ordinary) and title_case(sentence)
    if has_arabic(sentence.text):  # clitics are Arabic: other sentences keep their tokens
        tokens = _unclitic(gaz, tokens)
    matches: list[Match] = []
    # span[j]: how many tokens from j on may belong to one name (capitalised or connectors)
    span = [0] * (len(tokens) + 1)
    for j in range(len(tokens) - 1, -1, -1):
        tok = tokens[j]
        ok = strict or tok.cap or tok.text.lower() in CONNECTORS
        span[j] = span[j + 1] + 1 if ok else 0
    i = 0
    while i < len(tokens):
        if (not strict and not tokens[i].cap and tokens[i].core) or not _can_start(
            tokens, i, strict
        ):
            i += 1
            continue
        found = None
        for n in range(min(_longest(gaz, tokens, i), max(span[i], 1)), 0, -1):
            run = tokens[i : i + n]
            if run[-1].text.lower() in CONNECTORS or (not run[-1].cap and not strict):
                continue
            if n == 1 and _common_word(gaz, run[0], strict):
                break
            if (
                n == 1
                and ordinary
                and is_ordinary(run[0].text, ordinary)
                and unforced_capital(sentence, run[0].start, title)
            ):
                break
            cands, exact = _lookup(gaz, run)
            if cands:
                found = Match(
                    sentence.index, i, i + n - 1, run[0].start, run[-1].end, cands, strict, exact
                )
                break
        if found:
            matches.append(found)
            i = found.last + 1
        else:
            i += 1
    if ", " in sentence.text:
        matches = _with_abbreviations(gaz, sentence, tokens, matches, strict)
    return tokens, matches


@cache
def _abbreviations() -> dict[str, str]:
    from .gazetteer.build import data_rows

    return {abbr.lower(): code for abbr, code in data_rows("state_abbreviations.csv")}


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    dotted = "|".join(re.escape(a) for a in sorted(_abbreviations(), key=len, reverse=True))
    # "Salem, Mass." / "FORT WAYNE, IND." / "Dothan, AL": only right after a capitalised name
    return re.compile(rf"(?<=\w), (?:(?i:{dotted})|(?P<postal>[A-Z]{{2}})(?![\w'’-]))")


_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)$")


def _with_abbreviations(
    gaz: Gazetteer, sentence: Sentence, tokens: list[Token], matches: list[Match], strict: bool
) -> list[Match]:
    """Add the state abbreviations that follow a town ("Salem, Mass.") as sure provinces,
    in place of any name read from the same letters. In upper-case text a two-letter
    word is no postal code ("SAN SALVADOR, IN ...")."""
    found: list[Match] = []
    offset = sentence.span.start
    for hit in _abbreviation_pattern().finditer(sentence.text):
        word = _LAST_WORD.search(sentence.text, max(0, hit.start() - 40), hit.start())
        if word is None or not word.group()[0].isupper():
            continue  # "killed, PA" or "8, AL": no town before it
        if strict and hit.group("postal"):
            continue
        abbr = hit.group()[2:]
        code = f"US.{abbr}" if hit.group("postal") else _abbreviations().get(abbr.lower())
        entry = gaz.admin1_entries.get(code or "")
        if entry is None:
            continue
        start, end = offset + hit.start() + 2, offset + hit.end()
        inside = [k for k, t in enumerate(tokens) if start <= t.start and t.end <= end]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        found.append(
            Match(
                sentence.index,
                first,
                last,
                start,
                tokens[last].end,
                (entry,),
                False,
                frozenset([entry]),
                sure=True,
            )
        )
    if not found:
        return matches
    kept = [m for m in matches if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


# --- document context ------------------------------------------------------------


def read_context(
    gaz: Gazetteer, text: str, scans: dict[int, tuple[list[Token], list[Match]]]
) -> Context:
    """Countries and provinces the report is about: the ones that explain most names.

    Each name shares a vote among the countries of its candidates (less when it
    is ambiguous); demonyms vote for their country; early sentences count more; a
    wire dateline's name adds DATELINE_VOTE to its country.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    admin_votes: defaultdict[str, float] = defaultdict(float)
    shares: dict[tuple[int, int], tuple[dict[str, float], dict[str, float]]] = {}
    for rank, (_, (tokens, matches)) in enumerate(sorted(scans.items())):
        weight = 1.5 if rank < 2 else 1.0
        for tok in tokens:
            iso = gaz.demonyms.get(tok.key) if tok.cap else None
            if iso:
                votes[iso] += DEMONYM_VOTE * weight
        for m in matches:
            given = _vote(gaz, votes, admin_votes, m, text, weight)
            shares[(m.sentence, m.start)] = given
            if rank == 0 and given[0] and _dateline(text, m):
                # "SAN SALVADOR, 8 AUG 89 (...) --": the wire dateline's country leads
                votes[max(given[0], key=lambda iso: given[0][iso])] += DATELINE_VOTE
    ctx = _settle(dict(votes), dict(admin_votes))
    ctx.shares = shares
    return ctx


def _dateline(text: str, m: Match) -> bool:
    """Whether a name opens a wire dateline ("BOGOTA, 2 SEP 89 (...) --")."""
    if m.start > 80:
        return False
    return (
        DATELINE_BEFORE.search(text[: m.start]) is not None
        and DATELINE_AFTER.match(text[m.end : m.end + 80]) is not None
    )


def _settle(votes: dict[str, float], admin_votes: dict[str, float]) -> Context:
    """The countries and provinces that count, from raw votes."""
    ctx = Context(votes=votes, admin_votes=admin_votes)
    floor = max(1.0, 0.2 * max(votes.values(), default=0.0))
    ctx.countries = {iso: v for iso, v in votes.items() if v >= floor - 1e-9}
    top = set(ctx.countries)
    if ctx.countries:
        ctx.main = max(sorted(ctx.countries), key=lambda iso: ctx.countries[iso])
        ctx.main_votes = ctx.countries[ctx.main]
        ctx.leaders = frozenset(
            iso for iso, v in ctx.countries.items() if v >= CO_LEADER * ctx.main_votes
        )
    ctx.admin1 = {code for code, v in admin_votes.items() if code[:2] in top and v >= 0.75}
    return ctx


def _vote(
    gaz: Gazetteer,
    votes: defaultdict[str, float],
    admin_votes: defaultdict[str, float],
    m: Match,
    text: str,
    weight: float,
) -> tuple[dict[str, float], dict[str, float]]:
    """Add one name's votes; returns what it gave (country shares, province shares)."""
    light = light_key(text[m.start : m.end])
    spelled = set(gaz.spelled(light))
    candidates = m.candidates[:VOTING_CANDIDATES]
    if m.strict and m.first == m.last:
        # a lone word in upper-case text ("CASE", "BEGIN") votes only as a well-spelled
        # country, province or large town by its own name (not "GUTIERREZ", a surname
        # and an alternate name of Tuxtla Gutierrez)
        candidates = tuple(
            i
            for i in candidates
            if i in spelled
            and (
                gaz.kinds[i] in (1, 2, 3, 4)
                or (gaz.populations[i] >= 100_000 and primary_light(gaz.names[i]) == light)
            )
        )
    best: dict[str, tuple[float, int]] = {}
    for i in candidates:
        value = prior(gaz, i) + (1.5 if i in spelled else 0.0)
        if primary_light(gaz.names[i]) == light:
            value += 0.75
        iso = gaz.countries[i]
        if iso not in best or value > best[iso][0]:
            best[iso] = (value, i)
    spread = math.sqrt(len(best)) * (2.0 if m.end - m.start <= 4 else 1.0)  # "U.S." counts less
    given: dict[str, float] = {}
    given_admin: dict[str, float] = {}
    for iso, (value, i) in best.items():
        share = weight * max(value - 1.0, 0.0) / spread / 2
        votes[iso] += share
        given[iso] = share
        if gaz.kinds[i] != 2:
            code = f"{iso}.{gaz.admin1_codes[i]}"
            admin_votes[code] += share
            given_admin[code] = given_admin.get(code, 0.0) + share
    return given, given_admin


_KIND_PRIOR = (0.0, 2.5, 4.5, 2.5, 3.0)
ADMIN1_POPULATION_WEIGHT = 0.05  # namesake provinces: the more populous one, by a hair


@lru_cache(maxsize=8192)
def _population_prior(population: int) -> float:
    return 0.5 * math.log10(population + 10)


def prior(gaz: Gazetteer, i: int) -> float:
    """How likely an entry is meant before any context: by kind, then population."""
    kind = gaz.kinds[i]
    if kind == 1:
        size = math.log10(gaz.populations[i] + 10) - 6.0  # 0 for a million people
        return _KIND_PRIOR[1] + ADMIN1_POPULATION_WEIGHT * size
    if 0 < kind < 5:
        return _KIND_PRIOR[kind]
    return _population_prior(gaz.populations[i]) + (0.3 if kind == 5 else 0.0)


@lru_cache(maxsize=65_536)
def primary_light(name: str) -> str:
    return light_key(name)


# --- the sentence frame ------------------------------------------------------------

MAX_FRAME_BONUS = 2.0
FRAME_WINDOW = 80  # characters between two names of a sentence that frame each other


@dataclass
class Frame:
    """What the other names of a sentence say about where a name is.

    `provinces` and `countries` are the provinces and countries the other names
    may be (well-spelled candidates); `towns` and `town_countries` the provinces
    and countries of the towns they may be.
    """

    provinces: set[tuple[str, str]] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    towns: set[tuple[str, str]] = field(default_factory=set)
    town_countries: set[str] = field(default_factory=set)
    containers_after: bool = False  # a province or country is named just after the name
    # provinces named just after the name ("X town in Y countryside", "X (A, Y)")
    provinces_after: set[tuple[str, str]] = field(default_factory=set)

    def merge(self, other: Frame) -> None:
        self.provinces |= other.provinces
        self.countries |= other.countries
        self.towns |= other.towns
        self.town_countries |= other.town_countries

    def bonus(self, gaz: Gazetteer, i: int, alternate: bool) -> float:
        """Agreement of entry i with the sentence's other names.

        A town inside a province the sentence names gains most; a town in a
        country the sentence names some; a town abroad beside named provinces
        or countries loses, more when it matched only by an alternate name
        ("Ghadir al Bostan village, Quneitra" is not Boston). A province gains
        when a town named beside it lies inside it.
        """
        kind = gaz.kinds[i]
        iso = gaz.countries[i]
        where = (iso, gaz.admin1_codes[i])
        if kind == 2:
            if iso in self.town_countries or iso in self.countries:
                return 0.5
            return -3.5 if alternate and self.containers_after else 0.0  # "Banin" is not Benin
        if kind == 1:
            if where in self.towns:
                return 1.0
            if iso in self.countries or iso in self.town_countries:
                return 0.5
            return -1.0 if self.containers_after else 0.0
        if where in self.provinces:
            return MAX_FRAME_BONUS
        if any(iso == country for country, _ in self.provinces_after):
            # a town of the right country but outside the province named after it
            return -3.5 if alternate else -3.0
        if iso in self.countries:
            return 1.0
        if self.containers_after:
            return -3.5 if alternate else -3.0
        if where in self.towns:
            return 0.5
        return 0.0


_CLAUSE_BREAK = re.compile(r"[.;!?]\s|\n\s*\n")

# Lower-case words that may stand between a place and the province or country that
# contains it ("X village, Nkum subdivision (Bui, Y)", "X district of Y", "X in Y")
_CONTAINER_GAP_WORDS = frozenset(
    {
        "in",
        "of",
        "the",
        "and",
        "or",
        "city",
        "town",
        "village",
        "villages",
        "area",
        "areas",
        "district",
        "districts",
        "region",
        "camp",
        "township",
        "county",
        "municipality",
        "rural",
        "subdivision",
        "sub",
        "neighbourhood",
        "neighborhood",
        "locality",
        "ward",
        "payam",
        "sector",
        "countryside",
        "province",
        "governorate",
        "state",
        "department",
        "tract",
        "commune",
        "quarter",
        "suburb",
        "outskirts",
        "near",
        "coded",
        "as",
        # units below a province in coder notes ("Playa Rica corregimiento (Cauca)")
        "corregimiento",
        "vereda",
        "municipio",
        "kebele",
        "woreda",
        "zone",
        "chiefdom",
        "council",
        "raion",
        "hromada",
        "tehsil",
        "upazila",
        "taluka",
        "union",
        # a site named after its place ("Khaldah junction (Aley)")
        "junction",
        "roundabout",
        "crossing",
        "checkpoint",
        "road",
        "highway",
        "bridge",
        "market",
    }
)


_CONTAINMENT = re.compile(r"[,(]|\b(?:in|of)\b")
_LIST_WORD = re.compile(r"\b(?:and|or)\b")


def container_gap(between: str) -> bool:
    """Whether the text between a name and a later one reads "X, Y" / "X (A, Y)" /
    "X district of Y": only names, punctuation and container words."""
    if not _CONTAINMENT.search(between) or _LIST_WORD.search(between):
        return False  # "Aleppo and Idlib", "Homs – Deir Ezzor": a list, not a container
    words = re.findall(
        r"\b[a-z]+\b", between if any(c.islower() for c in between) else between.lower()
    )
    return all(w in _CONTAINER_GAP_WORDS for w in words)


def _neighbours(names: list[tuple[Match, frozenset[int], bool]]) -> list[range]:
    """For each name, the indices of the names that may lie within FRAME_WINDOW
    characters of it: all of them, or (names in text order, the usual case) only those
    around it, so that a sentence of n names does not cost n * n."""
    starts = [n[0].start for n in names]
    if any(a > b for a, b in pairwise(starts)):
        return [range(len(names))] * len(names)
    longest = max(n[0].end - n[0].start for n in names)
    out: list[range] = []
    lo = hi = 0
    for k, (m, _, _) in enumerate(names):
        while m.start - (starts[lo] + longest) > FRAME_WINDOW:  # too far before, for good
            lo += 1
        hi = max(hi, k + 1)
        while hi < len(names) and starts[hi] - m.end <= FRAME_WINDOW:
            hi += 1
        out.append(range(lo, hi))
    return out


def sentence_frames(
    gaz: Gazetteer, text: str, names: list[tuple[Match, frozenset[int], bool]]
) -> list[Frame | None]:
    """For each (match, well-spelled candidates, whether it frames others) of a
    sentence, the frame its other names give: those within FRAME_WINDOW
    characters and no full stop away (None when there is no other name)."""
    if len(names) < 2:
        return [None] * len(names)
    own: list[Frame] = []
    for m, spelled, framing in names:
        f = Frame()
        if framing:
            for i in m.candidates[:MAX_CANDIDATES]:
                kind, iso = gaz.kinds[i], gaz.countries[i]
                if i not in spelled and kind not in (1, 2):
                    continue  # provinces and countries frame by key ("Al Hasakeh")
                if kind == 1:
                    f.provinces.add((iso, gaz.admin1_codes[i]))
                    f.countries.add(iso)
                elif kind == 2:
                    f.countries.add(iso)
                elif kind != 3:
                    f.towns.add((iso, gaz.admin1_codes[i]))
                    f.town_countries.add(iso)
        own.append(f)
    frames: list[Frame | None] = []
    near = _neighbours(names)
    for k, (m, _, _) in enumerate(names):
        f = Frame()
        for j in near[k]:
            other, o = own[j], names[j][0]
            gap = o.start - m.end if j > k else m.start - o.end
            if j == k or gap > FRAME_WINDOW:
                continue
            between = text[m.end : o.start] if j > k else text[o.end : m.start]
            if not _CLAUSE_BREAK.search(between):
                f.merge(other)
                if j > k and other.countries and container_gap(between):
                    f.containers_after = True
                    f.provinces_after |= other.provinces
        frames.append(f)
    return frames
