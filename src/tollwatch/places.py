"""Place phrases linked to the gazetteer (rule ``places.v1``), as an analyst codes them.

1. Scan: token n-grams of each sentence are looked up by name key (longest
   first), starting only at capitalised tokens in ordinary text and at every
   token in upper-case or title-case text, where the acceptance bar is higher.
2. Context (cheap, over the whole text): the countries and provinces the report
   names, by name or demonym ("Syrian"), weighted towards the first sentences.
3. Resolve: each name's candidates are scored by kind, population, agreement
   with the report's countries and provinces, and the words around it
   ("X province", "X city"); the best one is kept if it clears the bar.
4. Shape: "near X" / "outside X" / "10 km east of X" give precision ``near``;
   "central Syria", "northwestern Idlib", "the Badia desert", "between X and Y"
   give ``region``; "X province" gives ``admin1``; "the UK-based Observatory",
   "a spokesman in Damascus" and wire datelines are flagged as the source's place.

See docs/places.md for the rules and precision values.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import NamedTuple

from unidecode import unidecode

from . import place_rules as rules
from .gazetteer import Gazetteer, Place
from .placenames import ARTICLES, fold, light_key, split_fused_article, token_key
from .records import CleanText, PlaceMention, PlacePrecision, Sentence, Span
from .settings import Settings

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
_COMPOUND_AFTER = re.compile(
    r"-(?:backed|led|loyal|allied|affiliated|supported|sponsored|aligned|controlled|held|run)\b",
    re.IGNORECASE,
)
_IN_BEFORE = re.compile(r"\b(?:in|IN|In)\s+$")
CONTEXT_SENTENCES = 12  # news states its country early; this bounds the cost on long texts
_LOWER_ARTICLES = frozenset({"al", "el", "ash", "adh", "ath", "az", "ez"})
PRECISION_ORDER = ("point", "near", "admin2", "region", "admin1", "country", "unknown")


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


@dataclass
class Context:
    """What the whole report says about where it is."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: set[str] = field(default_factory=set)  # "SY.07"

    main: str | None = None  # the country with most votes, when it has at least 1
    main_votes: float = 0.0


@lru_cache(maxsize=65_536)
def _word_keys(word: str) -> tuple[str, str]:
    folded = fold(word).replace(" ", "")
    core = "" if folded in ARTICLES else token_key(split_fused_article(folded))
    return token_key(folded), core


def _tokens(text: str, offset: int) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[-2:] in ("'s", "’s", "'S", "’S"):
            word = word[:-2]
        key, core = _word_keys(word)
        start = offset + m.start()
        out.append(Token(start, start + len(word), word, key, core, word[:1].isupper()))
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


def _is_strict(clean: CleanText, sentence: Sentence, tokens: list[Token]) -> bool:
    """Upper-case or title-case text: capitals say nothing, so ask for more evidence."""
    if clean.upper or not any(ch.islower() for ch in sentence.text):
        return True
    long_words = [t for t in tokens if len(t.text) > 3]
    return len(long_words) >= 4 and sum(t.cap for t in long_words) / len(long_words) > 0.7


def _can_start(tokens: list[Token], i: int, strict: bool) -> bool:
    tok = tokens[i]
    if tok.text.lower() == "the":
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


def _lookup(gaz: Gazetteer, run: list[Token]) -> tuple[int, ...]:
    full = " ".join(t.key for t in run)
    found = gaz.candidates(full)
    core = " ".join(t.core for t in run if t.core)
    if not core or core == full:
        return found
    more = gaz.candidates(core)
    return tuple(dict.fromkeys(found + more)) if found and more else found or more


def _scan(gaz: Gazetteer, clean: CleanText, sentence: Sentence) -> tuple[list[Token], list[Match]]:
    tokens = _tokens(sentence.text, sentence.span.start)
    strict = _is_strict(clean, sentence, tokens)
    matches: list[Match] = []
    i = 0
    while i < len(tokens):
        if not _can_start(tokens, i, strict):
            i += 1
            continue
        found = None
        for n in range(_longest(gaz, tokens, i), 0, -1):
            run = tokens[i : i + n]
            if not strict and not all(t.cap or t.text.lower() in CONNECTORS for t in run):
                continue
            if run[-1].text.lower() in CONNECTORS or (not run[-1].cap and not strict):
                continue
            if n == 1 and _common_word(gaz, run[0], strict):
                break
            cands = _lookup(gaz, run)
            if cands:
                found = Match(
                    sentence.index, i, i + n - 1, run[0].start, run[-1].end, cands, strict
                )
                break
        if found:
            matches.append(found)
            i = found.last + 1
        else:
            i += 1
    return tokens, matches


# --- document context ------------------------------------------------------------


def _context(
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
    if (
        m.strict
        and m.first == m.last
        and all(gaz.kinds[i] in (0, 5) and gaz.populations[i] < 500_000 for i in m.candidates)
    ):
        return  # a lone word in upper-case text says little about the country
    spelled = set(gaz.spelled(light_key(text[m.start : m.end])))
    best: dict[str, tuple[float, int]] = {}
    for i in m.candidates:
        value = _prior(gaz, i) + (1.5 if i in spelled else 0.0)
        iso = gaz.countries[i]
        if iso not in best or value > best[iso][0]:
            best[iso] = (value, i)
    spread = math.sqrt(len(best))
    for iso, (value, i) in best.items():
        share = weight * max(value - 1.0, 0.0) / spread / 2
        votes[iso] += share
        if gaz.kinds[i] != 2:
            admin_votes[f"{iso}.{gaz.admin1_codes[i]}"] += share


# --- resolution --------------------------------------------------------------------


def _prior(gaz: Gazetteer, i: int) -> float:
    kind = gaz.kinds[i]
    if kind in (1, 2, 3, 4):
        return (0.0, 2.5, 3.0, 2.5, 3.0)[kind]
    return 0.5 * math.log10(gaz.populations[i] + 10) + (0.3 if kind == 5 else 0.0)


@lru_cache(maxsize=65_536)
def _primary_light(name: str) -> str:
    return light_key(name)


def _score(
    gaz: Gazetteer,
    i: int,
    ctx: Context,
    spelled: frozenset[int],
    hint: str | None,
    surface_light: str = "",
) -> float:
    score = _prior(gaz, i)
    iso = gaz.countries[i]
    main = ctx.main
    if main:
        strong = ctx.main_votes >= 3.0 and gaz.kinds[i] != 2  # a country name stands alone
        score += 2.5 if iso == main else (1.0 if iso in ctx.countries else -3.0 if strong else -1.0)
    if f"{iso}.{gaz.admin1_codes[i]}" in ctx.admin1 and gaz.kinds[i] != 2:
        score += 1.0
    score += 1.0 if i in spelled else -1.0
    if surface_light and _primary_light(gaz.names[i]) == surface_light:
        score += 0.75  # the place's own name, not one of its alternate names
    kind = gaz.kinds[i]
    if hint == "admin1":
        score += 3.0 if kind == 1 else -1.0
    elif hint == "place" and kind in (0, 4, 5):
        score += 1.0
    return score


def _bar(m: Match, surface: str, candidates: int) -> float:
    """How much evidence a name needs: more for short, ambiguous or capital-less text."""
    bar = 3.0 if m.strict else 2.0
    if m.first == m.last and len(surface) <= 4:
        bar += 0.5
    if candidates > 5:
        bar += 0.5
    return bar


def _person_or_org(tokens: list[Token], m: Match, text: str, orgs: list[tuple[int, int]]) -> bool:
    if any(s < m.end and m.start < e for s, e in orgs):
        return True
    for back in range(1, 4 if m.strict else 3):
        if m.first - back < 0:
            break
        prev = tokens[m.first - back]
        gap = text[prev.end : tokens[m.first - back + 1].start if back > 1 else m.start]
        if gap.strip() not in ("", "."):
            break
        if prev.text.lower() in rules.TITLES:
            return True  # "General Rafael Bustillo", "President Assad"
        if not prev.cap:
            break
    return False


def _inside_longer_name(gaz: Gazetteer, tokens: list[Token], m: Match, text: str) -> bool:
    """A name glued to unknown capitalised words ("Rami Abdel...") in ordinary text."""
    if m.strict or m.last + 1 >= len(tokens):
        return False
    nxt = tokens[m.last + 1]
    gap = text[m.end : nxt.start]
    return (
        nxt.cap
        and gap == " "
        and nxt.text.lower() not in rules.TITLES
        and not gaz.candidates(nxt.key)
        and nxt.text.lower() not in _TYPE_WORDS
    )


_TYPE_WORDS = frozenset(
    [
        "province",
        "governorate",
        "state",
        "department",
        "region",
        "district",
        "city",
        "town",
        "village",
        "camp",
        "desert",
        "countryside",
        "valley",
        "mountains",
        "mountain",
        "airport",
        "base",
        "river",
        "bridge",
        "road",
        "highway",
    ]
)


class _OrgSpans:
    """Organisation-name spans of a sentence, found only when first needed."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.spans: list[tuple[int, int]] | None = None

    def get(self) -> list[tuple[int, int]]:
        if self.spans is None:
            offset = self.sentence.span.start
            self.spans = [(s + offset, e + offset) for s, e in rules.org_spans(self.sentence.text)]
        return self.spans


@dataclass
class Resolved:
    match: Match
    entry: int
    score: float
    shape: rules.Shape


def _resolve(
    gaz: Gazetteer,
    clean: CleanText,
    tokens: list[Token],
    m: Match,
    ctx: Context,
    orgs: _OrgSpans,
    prev_end: int,
) -> Resolved | None:
    text = clean.text
    sentence = clean.sentences[m.sentence]
    surface = text[m.start : m.end]
    light = light_key(surface)
    spelled = frozenset(gaz.spelled(light))
    bar = _bar(m, surface, len(m.candidates))
    if max(_score(gaz, i, ctx, spelled, None, light) for i in m.candidates) + 3.0 < bar:
        return None  # cannot clear the bar whatever the words around it say
    before = text[max(sentence.span.start, prev_end, m.start - 120) : m.start]
    if re.search(r"\b(?:pro|anti)-$", before, re.IGNORECASE) or _COMPOUND_AFTER.match(
        text, m.end
    ):
        return None  # "pro-Damascus fighters", "Turkey-backed factions": a party, not a place
    after = text[m.end : min(sentence.span.end, m.end + 120)]
    shape = rules.shape(before, after, at_text_start=m.start - _first_start(clean) <= 3)
    if not shape.source and _person_or_org(tokens, m, text, orgs.get()):
        return None
    scored = [(_score(gaz, i, ctx, spelled, shape.kind_hint, light), i) for i in m.candidates]
    best, entry = max(scored)
    lone = m.strict and m.first == m.last and gaz.kinds[entry] != 2
    if lone and gaz.countries[entry] not in ctx.countries and gaz.populations[entry] < 1_000_000:
        return None  # "FORCE", "STATION": a word, unless the report is about that country
    if _inside_longer_name(gaz, tokens, m, text):
        best -= 2.0
    initial = m.first == m.last == _first_content_token(tokens)
    if initial and not m.strict and gaz.kinds[entry] in (0, 5):
        best -= 1.5  # a capital at the start of a sentence says nothing ("Rocket shells...")
    if best < bar:
        return None
    return Resolved(m, entry, best, shape)


def _first_content_token(tokens: list[Token]) -> int:
    return 0 if tokens else -1


def _first_start(clean: CleanText) -> int:
    content = clean.content()
    return content[0].span.start if content else 0


def _display(name: str) -> str:
    return unidecode(name)


def _mention(gaz: Gazetteer, clean: CleanText, r: Resolved) -> PlaceMention:
    place = gaz.place(r.entry)
    start = r.match.start - r.shape.start_extra
    end = r.match.end + r.shape.end_extra
    precision = _precision(place, r.shape)
    return PlaceMention(
        name=_display(place.name) if place.kind != "country" else None,
        country=place.country or None,
        admin1=place.admin1 if place.kind != "country" else None,
        admin2=place.admin2,
        lat=round(place.lat, 5),
        lon=round(place.lon, 5),
        geonameid=place.geonameid,
        precision=precision,
        text=clean.text[start:end],
        span=Span(start, end),
        sentence=r.match.sentence,
        is_source_location=r.shape.source,
        score=round(min(1.0, r.score / 7.0), 3),
        rule=r.shape.rule,
    )


_OWN_PRECISION: dict[str, PlacePrecision] = {
    "place": "point",
    "user": "point",
    "feature": "point",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
}


def _precision(place: Place, shape: rules.Shape) -> PlacePrecision:
    shaped = shape.precision
    own = _OWN_PRECISION[place.kind]
    if shaped == "near":
        return "near" if own == "point" else "region"
    if shaped == "region":
        return "near" if own == "point" and shape.rule == "places.v1.area" else "region"
    if shaped == "admin1" and own == "admin1":
        return "admin1"
    return own


def _combine(gaz: Gazetteer, clean: CleanText, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Join "X in Y province" (Y contains X) and "between X and Y" into one phrase each."""
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.sentence == m.sentence:
            gap = clean.text[prev.span.end : m.span.start]
            if _contains(m, prev) and rules.CONTAINER_AFTER.match(gap + " "):
                out[-1] = replace(
                    prev,
                    text=clean.text[prev.span.start : m.span.end],
                    span=Span(prev.span.start, m.span.end),
                    admin1=prev.admin1 or m.admin1,
                )
                continue
            between = rules.BETWEEN_BEFORE.search(clean.text[: prev.span.start])
            if between and re.fullmatch(r"\s+and\s+(?:the\s+)?", gap, re.IGNORECASE):
                out[-1] = _between(clean, prev, m, between.start())
                continue
        out.append(m)
    return out


def _contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    if outer.country != inner.country or outer.precision not in ("admin1", "country", "region"):
        return False
    return outer.precision == "country" or (
        outer.admin1 is not None and outer.admin1 == inner.admin1
    )


def _between(clean: CleanText, a: PlaceMention, b: PlaceMention, start: int) -> PlaceMention:
    lat = lon = None
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        lat, lon = round((a.lat + b.lat) / 2, 5), round((a.lon + b.lon) / 2, 5)
    return replace(
        a,
        name=clean.text[start : b.span.end],
        lat=lat,
        lon=lon,
        geonameid=None,
        admin1=a.admin1 if a.admin1 == b.admin1 else None,
        admin2=None,
        precision="region",
        text=clean.text[start : b.span.end],
        span=Span(start, b.span.end),
        rule="places.v1.between",
    )


def find_places(
    clean: CleanText, sentences: Sequence[Sentence], gazetteer: Gazetteer, settings: Settings
) -> list[PlaceMention]:
    """Place mentions in the given sentences, linked to the gazetteer.

    The report's opening (its first CONTEXT_SENTENCES content sentences) and the
    given sentences are scanned once for context: the countries and provinces
    they name. Mentions come in text order.
    """
    opening = clean.content()[:CONTEXT_SENTENCES]
    scans = {s.index: _scan(gazetteer, clean, s) for s in opening}
    for s in sentences:
        if s.index not in scans:
            scans[s.index] = _scan(gazetteer, clean, s)
    ctx = _context(gazetteer, clean.text, scans)
    mentions: list[PlaceMention] = []
    for sentence in sentences:
        tokens, matches = scans[sentence.index]
        if not matches:
            continue
        orgs = _OrgSpans(sentence)
        found: list[Resolved] = []
        for m in matches:
            prev_end = found[-1].match.end if found else 0
            r = _resolve(gazetteer, clean, tokens, m, ctx, orgs, prev_end)
            if r:
                found.append(r)
        mentions.extend(_combine(gazetteer, clean, [_mention(gazetteer, clean, r) for r in found]))
    return mentions


@cache
def _demonyms() -> dict[str, str]:
    from .gazetteer_build import data_rows

    return {d.lower(): iso for d, iso in data_rows("demonyms.csv") if iso}


def document_country(clean: CleanText, mentions: Sequence[PlaceMention]) -> str | None:
    """The report's main country (ISO2): the one its places and demonyms point to most.

    A wire dateline ("SAN SALVADOR, 3 JAN 90 --") counts most; other places count
    more in the first quarter of the text; the source's own place ("UK-based")
    and abbreviations used as adjectives ("U.S. policy") count little; each
    demonym ("Syrian", "SALVADORAN") half a vote.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    early = max(200, len(clean.text) // 4)
    for m in mentions:
        if not m.country:
            continue
        if m.rule == "places.v1.dateline":
            votes[m.country] += 3.0
            continue
        weight = 0.3 if m.is_source_location else 1.0
        if _IN_BEFORE.search(clean.text, max(0, m.span.start - 4), m.span.start):
            weight *= 1.5  # "killed 30 civilians in Syria": where it happened
        if len(m.text.replace(".", "")) <= 3:
            weight *= 0.5
        votes[m.country] += weight * (1.5 if m.span.start < early else 1.0)
    table = _demonyms()
    for word in re.findall(r"[A-Z][a-z]+|[A-Z]+", clean.text[:20_000]):
        iso = table.get(word.lower())
        if iso:
            votes[iso] += 0.5
    if not votes:
        return None
    return max(votes, key=lambda iso: votes[iso])
