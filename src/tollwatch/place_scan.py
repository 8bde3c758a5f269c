"""Scanning sentences for gazetteer names, and the report's country context.

Part of rule ``places.v1`` (see places.py and docs/places.md): token n-grams
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
from typing import NamedTuple

from .gazetteer import Gazetteer
from .placenames import ARTICLES, fold, light_key, split_fused_article, token_key
from .records import CleanText, Sentence

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
    from .gazetteer_build import stopwords

    return stopwords()


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


@dataclass
class Context:
    """What the whole report says about where it is."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: set[str] = field(default_factory=set)  # "SY.07"

    main: str | None = None  # the country with most votes, when it has at least 1
    main_votes: float = 0.0


@lru_cache(maxsize=65_536)
def _word_keys(raw: str) -> tuple[str, str, str, bool]:
    """(word without a possessive 's, key, article-free key, capitalised) of a raw token."""
    word = raw[:-2] if raw[-2:] in ("'s", "’s", "'S", "’S") else raw
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
    """A lone word that is a common word, a demonym, or (in capital-less text) very short."""
    lower = tok.text.lower()
    return lower in _stopwords() or tok.key in gaz.demonyms or (strict and len(lower) < 3)


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


def scan(gaz: Gazetteer, clean: CleanText, sentence: Sentence) -> tuple[list[Token], list[Match]]:
    strict = _is_strict(clean, sentence)
    tokens = _tokens(sentence.text, sentence.span.start, strict)
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
    return tokens, matches


# --- document context ------------------------------------------------------------


def read_context(
    gaz: Gazetteer, text: str, scans: dict[int, tuple[list[Token], list[Match]]]
) -> Context:
    """Countries and provinces the report is about: the ones that explain most names.

    Each name shares a vote among the countries of its candidates (less when it
    is ambiguous); demonyms vote for their country; early sentences count more.
    """
    ctx = Context()
    votes: defaultdict[str, float] = defaultdict(float)
    admin_votes: defaultdict[str, float] = defaultdict(float)
    for rank, (_, (tokens, matches)) in enumerate(sorted(scans.items())):
        weight = 1.5 if rank < 2 else 1.0
        for tok in tokens:
            iso = gaz.demonyms.get(tok.key) if tok.cap else None
            if iso:
                votes[iso] += 0.75 * weight
        for m in matches:
            _vote(gaz, votes, admin_votes, m, text, weight)
    floor = max(1.0, 0.2 * max(votes.values(), default=0.0))
    ctx.countries = {iso: v for iso, v in votes.items() if v >= floor}
    top = set(ctx.countries)
    if ctx.countries:
        ctx.main = max(ctx.countries, key=lambda iso: ctx.countries[iso])
        ctx.main_votes = ctx.countries[ctx.main]
    ctx.admin1 = {code for code, v in admin_votes.items() if code[:2] in top and v >= 0.75}
    return ctx


def _vote(
    gaz: Gazetteer,
    votes: defaultdict[str, float],
    admin_votes: defaultdict[str, float],
    m: Match,
    text: str,
    weight: float,
) -> None:
    light = light_key(text[m.start : m.end])
    spelled = set(gaz.spelled(light))
    candidates = m.candidates[:VOTING_CANDIDATES]
    if m.strict and m.first == m.last:
        # a lone word in upper-case text ("CASE", "BEGIN") votes only as a well-spelled
        # country, province or large town
        candidates = tuple(
            i
            for i in candidates
            if i in spelled and (gaz.kinds[i] in (1, 2, 3, 4) or gaz.populations[i] >= 100_000)
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
    for iso, (value, i) in best.items():
        share = weight * max(value - 1.0, 0.0) / spread / 2
        votes[iso] += share
        if gaz.kinds[i] != 2:
            admin_votes[f"{iso}.{gaz.admin1_codes[i]}"] += share


_KIND_PRIOR = (0.0, 2.5, 4.5, 2.5, 3.0)


@lru_cache(maxsize=8192)
def _population_prior(population: int) -> float:
    return 0.5 * math.log10(population + 10)


def prior(gaz: Gazetteer, i: int) -> float:
    """How likely an entry is meant before any context: by kind, then population."""
    kind = gaz.kinds[i]
    if 0 < kind < 5:
        return _KIND_PRIOR[kind]
    return _population_prior(gaz.populations[i]) + (0.3 if kind == 5 else 0.0)


@lru_cache(maxsize=65_536)
def primary_light(name: str) -> str:
    return light_key(name)
