"""Match incidents of different reports that describe one real event.

Three stages, each usable alone (as dedupe's pairs -> score -> cluster):

    candidate_pairs(units)  blocking: same country (or unknown), dates within ±1 day,
                            different reports, compatible kinds; or a shared person,
                            street or two shared names (match keys, keys.py) within
                            a wider window of publication dates
    score_pairs(pairs)      a weighted score in [0, 1] from date, place, actors, type
                            and toll, with a veto for pairs that cannot be one event;
                            then the match keys: a shared named person or street
                            overrides what extraction errors made look apart, names
                            of different people lower the score
    cluster(units, scored)  greedy merging by descending score above the threshold;
                            never two incidents of one report, never across a veto
                            (unless a shared person, street or names join them)

`match_units()` composes them. Thresholds live in `MatchSettings` and are
documented in docs/matching.md. Every merge keeps its explanation.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .key_match import KeyEvidence, key_evidence, key_pairs, people_in_common
from .unit import MatchSettings, MatchUnit, norm_name

__all__ = [
    "Cluster",
    "KeyEvidence",
    "MatchSettings",
    "MatchUnit",
    "ScoredPair",
    "candidate_pairs",
    "cluster",
    "date_columns",
    "haversine_km",
    "key_evidence",
    "match_units",
    "matchable",
    "score_pair",
    "score_pairs",
]

PRECISE_PLACES = frozenset({"point", "near"})
FINE_PLACES = frozenset({"point", "near", "admin2"})
# generic words of place phrases: what is left names a specific place
GENERIC_PLACE_WORDS = frozenset(
    [
        "a",
        "al",
        "an",
        "and",
        "area",
        "around",
        "at",
        "camp",
        "center",
        "central",
        "centre",
        "city",
        "countryside",
        "county",
        "desert",
        "district",
        "east",
        "eastern",
        "el",
        "governorate",
        "in",
        "city",
        "near",
        "neighborhood",
        "neighbourhood",
        "north",
        "northeastern",
        "northern",
        "northwestern",
        "of",
        "on",
        "outside",
        "outskirts",
        "province",
        "region",
        "rural",
        "south",
        "southeastern",
        "southern",
        "southwestern",
        "state",
        "suburb",
        "suburbs",
        "the",
        "town",
        "township",
        "village",
        "west",
        "western",
    ]
)
# a city's quarter by its compass side ("the South Side", "Northwest", "downtown")
QUARTER_WORDS = frozenset(
    {"side", "downtown", "uptown", "midtown", "northwest", "northeast", "southwest",
     "southeast", "far"}
)
# match keys that name someone or something (keys.py): a town's name that ends one, or
# is a word of a two-word one, is a name's word ("Shetamia Taylor", "Joshua Cooper"),
# unless the rest only qualifies the town ("West Charlotte", "Metro Nashville")
NAME_KEYS = frozenset({"person", "name"})
UNSURE_PLACE = 0.3  # place score of a pair whose place veto an unsure place lifted
CITY_QUALIFIERS = frozenset({"metro", "greater", "old", "little", "new", "upper", "lower"})
QUALIFIERS = GENERIC_PLACE_WORDS | QUARTER_WORDS | CITY_QUALIFIERS
# event types that reports of one event give alternately: a fight or an attack
FIGHT_OR_ATTACK = frozenset({"battle", "violence_against_civilians"})
DAY_DATES = frozenset({"day"})
# "unknown" with a date: the publication-day fallback of dates/ (no date in the text)
MATCHABLE_DATES = frozenset({"day", "week", "unknown"})
RULE = "matching.v2"
# perpetrator categories that are one side: a country's police and its other state
# forces ("police" / "state": extraction often names an officer's force either way)
STATE_SIDE = frozenset({"police", "state"})
# actor categories outlets use for one armed group ("ADF rebels" / "Islamist ADF")
INSURGENTS = frozenset({"rebel", "jihadist"})
# the actor dictionary's names of those classes (norm_name), not of a named group
INSURGENT_CLASSES = frozenset({"rebels", "jihadists"})


@dataclass(frozen=True)
class ScoredPair:
    """A candidate pair with its score, per-component scores and reasons."""

    a: MatchUnit
    b: MatchUnit
    score: float
    components: dict[str, float]
    reasons: tuple[str, ...]
    veto: str | None = None
    keys: dict[str, list[str]] = field(default_factory=dict)  # shared keys by kind
    strong: bool = False  # a shared person or street: the link may span dates
    unsure: bool = False  # an unsure place lifted the place veto (`_unsure_place`)

    def explanation(self) -> dict[str, object]:
        """The stored explanation of a merge."""
        return {
            "rule": RULE,
            "score": round(self.score, 3),
            "components": {k: round(v, 3) for k, v in self.components.items()},
            "reasons": list(self.reasons),
            "veto": self.veto,
            "keys": self.keys,
        }


@dataclass
class Cluster:
    """Incidents judged to be one event, with the pairs that joined them."""

    members: list[MatchUnit]
    links: list[ScoredPair] = field(default_factory=list)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km(0.0, 0.0, 0.0, 1.0))
    111
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


# A publication-day fallback (precision "unknown": the text gave no date) stands for
# an event told on that day or up to this many days before: a Monday article on a
# Saturday-night shooting whose weekday was not read (gva-news pairs, docs/matching.md)
FALLBACK_DAYS_BEFORE = 3


def _interval(unit: MatchUnit) -> tuple[date, date] | None:
    if unit.date_start is None and unit.date_end is None:
        return None
    start = unit.date_start or unit.date_end
    end = unit.date_end or unit.date_start
    if start is None or end is None:
        return None
    if unit.date_precision == "unknown" and start == end:
        return start - timedelta(days=FALLBACK_DAYS_BEFORE), end
    return (start, end) if start <= end else (end, start)


def matchable(unit: MatchUnit) -> bool:
    """Units with a day or week date (or a publication-day fallback) can be matched by
    date; vaguer ones only through a shared match key."""
    return unit.date_precision in MATCHABLE_DATES and _interval(unit) is not None


# a matchable interval longer than this is flagged (`date_long`): the candidate
# query finds shorter ones by a bounded range on their first day
LONG_SPAN_DAYS = 7


def date_columns(
    start: date | None, end: date | None, precision: str
) -> tuple[date | None, date | None, bool]:
    """An incident's stored (date_from, date_to, date_long): the ordered interval
    `matchable` compares, None for one that is not matchable by date."""
    interval = _interval(MatchUnit(0, 0, date_start=start, date_end=end,
                                   date_precision=precision))
    if interval is None or precision not in MATCHABLE_DATES:
        return None, None, False
    return interval[0], interval[1], (interval[1] - interval[0]).days > LONG_SPAN_DAYS


def _kinds_compatible(a: str, b: str) -> bool:
    if "claim" in (a, b):
        return True
    return a == b


def candidate_pairs(
    units: Iterable[MatchUnit], settings: MatchSettings | None = None
) -> list[tuple[MatchUnit, MatchUnit]]:
    """Blocking: pairs of units from different reports worth scoring.

    Two ways in, each an indexed query in a database (date; key):

    * by date: their dates are within the window (units sorted by start date are
      compared only with those starting before the first one's end plus the window,
      so the cost grows with the density of incidents per day);
    * by match key: their reports name the same person (published at most
      `person_window_days` apart), or the same street or two same names (at most
      `key_window_days` apart). Vaguely dated units come in this way too.

    Both require compatible kinds and the same country (or one unknown).
    """
    settings = settings or MatchSettings()
    units = list(units)
    pairs = _date_pairs(units, settings)
    seen = {(min(a.id, b.id), max(a.id, b.id)) for a, b in pairs}
    for a, b in key_pairs(units, settings):
        if (a.id, b.id) not in seen and (_comparable(a, b) or _one_person_abroad(a, b)):
            seen.add((a.id, b.id))
            pairs.append((a, b))
    return pairs


def _one_person_abroad(a: MatchUnit, b: MatchUnit) -> bool:
    """Reports naming one person (with an age on both sides) whose places resolved to
    two countries: a homonym the gazetteer chose abroad ("Naples" in Italy for a
    Florida shooting) is likelier than the same person in two countries' news."""
    return (
        a.report != b.report
        and _kinds_compatible(a.kind, b.kind)
        and bool(people_in_common(a, b))
    )


def _comparable(a: MatchUnit, b: MatchUnit) -> bool:
    return (
        a.report != b.report
        and (
            _same_country(a, b)
            or _same_written_place(a, b)
            or bool(_unsure_place(a) or _unsure_place(b))
        )
        and _kinds_compatible(a.kind, b.kind)
    )


def _same_written_place(a: MatchUnit, b: MatchUnit) -> bool:
    """Both texts write the same place, resolved to two countries: a homonym the
    gazetteer chose abroad for one of them ("Naples" in Italy for a Florida report);
    `place_score` scores such a pair as the same place named."""
    written = _written_words(a)
    return bool(written) and written == _written_words(b)


def _date_pairs(
    units: Sequence[MatchUnit], settings: MatchSettings
) -> list[tuple[MatchUnit, MatchUnit]]:
    window = timedelta(days=settings.window_days)
    ranked = sorted(
        ((iv, u) for u in units if matchable(u) and (iv := _interval(u)) is not None),
        key=lambda pair: (pair[0][0], pair[1].id),
    )
    pairs: list[tuple[MatchUnit, MatchUnit]] = []
    for i, ((_start, end), a) in enumerate(ranked):
        for (start_b, _end_b), b in ranked[i + 1 :]:
            if start_b > end + window:
                break
            if _comparable(a, b):
                pairs.append((a, b))
    return pairs


def _same_country(a: MatchUnit, b: MatchUnit) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def date_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str]:
    """1 for overlapping dates, less for a day apart; 0 beyond the window."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return 0.0, "no date"
    gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
    if gap > settings.window_days:
        return 0.0, f"dates {gap} days apart"
    exact = a.date_precision in DAY_DATES and b.date_precision in DAY_DATES
    if gap == 0:
        return (1.0 if exact else 0.7), "same day" if exact else "overlapping dates"
    return 0.6, f"dates {gap} day apart"


def place_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str, bool]:
    """Place similarity, its reason, and whether it vetoes the pair."""
    score, why, veto, _unsure = _place_judged(a, b, settings)
    return score, why, veto


def _place_judged(
    a: MatchUnit, b: MatchUnit, settings: MatchSettings
) -> tuple[float, str, bool, bool]:
    """`place_score` and whether it lifted a veto for an unsure place (`_unsure_place`)."""
    score, why, veto = _place_score(a, b, settings)
    vague = veto and (_only_generic(a) or _only_generic(b))
    if vague:
        # "the South Side" resolved to a namesake in another state: the words name a
        # quarter of the report's city, not where the gazetteer put it
        return 0.2, f"place {vague} names no town", False, False
    unsure = veto and (_unsure_place(a) or _unsure_place(b))
    if unsure:
        return UNSURE_PLACE, f"place {unsure} is unsure: {why}", False, True
    return score, why, veto, False


def _renamed(unit: MatchUnit) -> bool:
    """The text does not write the place it resolved to: no word in common between the
    place as written and the town or province (an alternate name: "Eve" read as Ava).
    A place resolved to its country only (a fallback) keeps that country."""
    written = _written_words(unit)
    return (
        bool(written)
        and unit.place is not None
        and unit.place_precision != "country"
        and not written & (_words(unit.place) | _words(unit.admin1))
    )


@functools.lru_cache(maxsize=65536)
def _unsure_place(unit: MatchUnit) -> str | None:
    """The unit's place text when it is too weak to veto a pair: the text does not write
    the town it resolved to (an alternate name of the gazetteer: "Eve" read as Ava),
    or a lone word that ends a name the report gives, or is one of a two-word name
    ("Shetamia Taylor", "Joshua Cooper", "critically hurt"): a word read as a town
    somewhere else, whose distance, province or country says nothing (gva-news pairs,
    docs/matching.md)."""
    if _renamed(unit):
        return unit.place_text
    written = _written_words(unit)
    if len(written) != 1:
        return None
    (word,) = written
    for kind, key in unit.keys:
        parts = key.split()
        in_name = parts[-1] == word or (len(parts) == 2 and word in parts)
        if kind in NAME_KEYS and in_name and not set(parts) - {word} <= QUALIFIERS:
            return unit.place_text
    return None


def _place_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str, bool]:
    if a.country and b.country and a.country != b.country:
        if _same_written_place(a, b):
            return 0.9, f"same place named ({a.place_text} / {b.place_text})", False
        return 0.0, f"different countries {a.country}/{b.country}", True
    doubtful = _surname_place(a) or _surname_place(b)
    if doubtful:
        return 0.3, f"place {doubtful} is a person's name in the report", False
    named = _named_apart(a, b)
    if named:
        return 0.1, named, False
    fine = a.place_precision in FINE_PLACES and b.place_precision in FINE_PLACES
    if fine and _renamed(a) and _renamed(b):
        # neither text writes the town both resolved to ("Eve" and "Eve" read as Ava)
        return 0.2, f"place unsure ({a.place_text} / {b.place_text} read as {a.place})", False
    if fine and norm_name(a.place) and norm_name(a.place) == norm_name(b.place):
        return 1.0, f"same place {a.place}", False
    written = _written_words(a)
    if written and written == _written_words(b):
        # both texts name the same town, resolved to two places (or one not at all):
        # a homonym the gazetteer chose differently ("Naples", "Newburgh")
        return 0.9, f"same place named ({a.place_text} / {b.place_text})", False
    located = None not in (a.lat, a.lon, b.lat, b.lon)
    if located and a.place_precision in PRECISE_PLACES and b.place_precision in PRECISE_PLACES:
        return _distance_score(a, b, settings)
    province = _province_written(a, b) or _province_written(b, a)
    if province:
        return 0.45, f"same province {province} (written, not resolved)", False
    if a.admin1 and b.admin1:
        if norm_name(a.admin1) != norm_name(b.admin1):
            return 0.0, f"different provinces {a.admin1}/{b.admin1}", True
        return 0.45, f"same province {a.admin1}", False
    return (
        (0.3, "same country", False) if a.country and b.country else (0.2, "place unknown", False)
    )


def _province_written(unit: MatchUnit, other: MatchUnit) -> str | None:
    """`other`'s province when `unit` resolved to no province but its text writes just
    that province ("Tennessee" left at the country): the same province, as resolved."""
    written = _written_words(unit)
    if unit.admin1 or not other.admin1 or not written:
        return None
    return other.admin1 if written == _words(other.admin1) else None


def _only_generic(unit: MatchUnit) -> str | None:
    """The unit's place text when it holds only generic words ("South Side", "Northwest")."""
    if unit.place_text and _words(unit.place_text) and _written_words(unit) <= QUARTER_WORDS:
        return unit.place_text
    return None


@functools.lru_cache(maxsize=65536)
def _surname_place(unit: MatchUnit) -> str | None:
    """The unit's place when its words are part of a person's name the report gives
    ("Shelton" of "Cheron Shelton, 31"): a name the gazetteer read as a town, whose
    distance or province says nothing."""
    words = _written_words(unit)
    if not words:
        return None
    for kind, key in unit.keys:
        if kind == "person" and words < set(key.split()):
            return unit.place_text
    return None


def _distance_score(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> tuple[float, str, bool]:
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    # two named points further apart than point_far_km are two towns; "near X"
    # places get the wider far_km
    both_points = a.place_precision == b.place_precision == "point"
    far = settings.point_far_km if both_points else settings.far_km
    if km > far:
        return 0.0, f"{km:.0f} km apart", True
    span = max(far - settings.near_km, 1e-9)
    share = 1.0 if km <= settings.near_km else 1.0 - (km - settings.near_km) / span
    return share, f"{km:.0f} km apart", False


@functools.lru_cache(maxsize=65536)
def _written_words(unit: MatchUnit) -> frozenset[str]:
    """The place as the text writes it, less generic words ("in", "northern", "city")."""
    return frozenset(_words(unit.place_text) - GENERIC_PLACE_WORDS)


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", (text or "").casefold()))


@functools.lru_cache(maxsize=65536)
def _specific_words(unit: MatchUnit) -> frozenset[str]:
    """Words of the place as written, less generic words and the names it resolved to,
    in the gazetteer's spelling or another transliteration of it ("Kryvyi" and "Krivoy"
    of Kryvyy Rih, "Maidugiri" of Maiduguri)."""
    resolved = _words(unit.admin1) | _words(unit.place)
    left = _words(unit.place_text) - GENERIC_PLACE_WORDS - resolved
    return frozenset(w for w in left if not any(_spelled_alike(w, r) for r in resolved))


def _consonants(word: str) -> str:
    """The consonant skeleton of a folded word: vowels, w, y and a final h go, doubled
    letters collapse ("kryvyi", "krivoy" and "kryvyy" all give "krv")."""
    letters = re.sub(r"[aeiouwy]", "", re.sub(r"h$", "", word))
    return re.sub(r"(.)\1+", r"\1", letters)


def _spelled_alike(word: str, name: str) -> bool:
    """Two spellings of one name word: same first letter and the same consonant
    skeleton of at least three letters (transliterations; not "rog" / "rih")."""
    if word[:1] != name[:1]:
        return False
    skeleton = _consonants(word)
    return len(skeleton) >= 3 and skeleton == _consonants(name)


def _named_apart(a: MatchUnit, b: MatchUnit) -> str | None:
    """Both texts name a specific place beyond what the gazetteer resolved, and not the
    same one ("Wardyah town" / "Abu Zandin crossing", both resolved to the province):
    likely two events, whatever the resolved places say."""
    wa, wb = _specific_words(a), _specific_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return None
    return f"different places named ({a.place_text} / {b.place_text})"


def actor_score(a: MatchUnit, b: MatchUnit) -> tuple[float, str, bool]:
    """Perpetrators and victim types: same, unknown, or incompatible (a veto)."""
    pa, pb = norm_name(a.perpetrator), norm_name(b.perpetrator)
    ca, cb = a.perpetrator_category, b.perpetrator_category
    if pa and pb and pa == pb:
        perp, why = 1.0, f"same perpetrator {a.perpetrator}"
    elif pa and pb and ca and cb and ca == cb and ca != "unknown":
        perp, why = 0.7, f"perpetrators of one kind ({ca})"
    elif pa and pb and ca in STATE_SIDE and cb in STATE_SIDE:
        perp, why = 0.7, f"perpetrators both state forces ({ca}/{cb})"
    elif pa and pb and frozenset((ca, cb)) == INSURGENTS and _a_class(pa, pb):
        # one outlet's "rebels" or "insurgents" is another's "jihadists" or names the
        # Islamist group: one armed group written as a class on one side at least
        perp, why = 0.6, f"perpetrators both insurgents ({ca}/{cb})"
    elif pa and pb:
        return 0.0, f"perpetrators differ: {a.perpetrator} / {b.perpetrator}", True
    else:
        perp, why = 0.5, "perpetrator unknown on one side"
    va, vb = a.victim_type, b.victim_type
    known = va not in (None, "unknown") and vb not in (None, "unknown")
    victim = (1.0 if va == vb else 0.2) if known else 0.5
    return (perp + victim) / 2, f"{why}; victims {va or '?'}/{vb or '?'}", False


def _a_class(*names: str) -> bool:
    """One of the perpetrators is a class of armed group ("Rebels", "Jihadists (Mali)"),
    not a named group."""
    return any(re.sub(r"\s*\(.*\)$", "", name) in INSURGENT_CLASSES for name in names)


def type_score(a: MatchUnit, b: MatchUnit) -> tuple[float, str]:
    """Event and sub-event type agreement."""
    if a.event_type == b.event_type and a.event_type != "other":
        if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
            return 0.4, f"same type, sub-types {a.sub_event_type}/{b.sub_event_type}"
        return 1.0, f"same type {a.event_type}"
    if "other" in (a.event_type, b.event_type):
        return 0.5, "type unknown on one side"
    if frozenset((a.event_type, b.event_type)) == FIGHT_OR_ATTACK:
        # one outlet's "shootout" is another's "gunman opened fire": who fired back is
        # what reports of one event tell differently (gva-news pairs 0.968/0.734 ->
        # 0.965/0.743)
        return 0.5, f"types close: {a.event_type}/{b.event_type}"
    return 0.1, f"types differ: {a.event_type}/{b.event_type}"


def toll_score(a: MatchUnit, b: MatchUnit) -> tuple[float, str, bool]:
    """Similar tolls score high; a later report may give a higher toll (an update).

    Tolls far apart (one under a seventh of the other) veto the pair unless the
    later report holds the larger one; a claim's figure is not compared at all.
    """
    if "claim" in (a.kind, b.kind):
        return 0.5, "a claim's figure is not compared", False
    if a.killed is None or b.killed is None:
        return 0.5, "toll unknown on one side", False
    low, high = sorted((a.killed, b.killed))
    ratio = (low + 1) / (high + 1)
    later_higher = _later_is_higher(a, b)
    pair = f"tolls {a.killed}/{b.killed}"
    if ratio >= 0.7 or (later_higher and ratio >= 0.4):
        return 1.0, pair + (" (later report higher)" if ratio < 0.7 else ""), False
    if ratio >= 0.4 or (later_higher and ratio >= 0.15):
        return 0.6, pair + " differ", False
    if ratio >= 0.15 or later_higher:
        return 0.0, pair + " far apart", False
    return 0.0, pair + " too far apart for one event", True


def _later_is_higher(a: MatchUnit, b: MatchUnit) -> bool:
    if a.published is None or b.published is None or a.published == b.published:
        return False
    later, earlier = (a, b) if a.published > b.published else (b, a)
    return (later.killed or 0) >= (earlier.killed or 0)


def score_pair(a: MatchUnit, b: MatchUnit, settings: MatchSettings | None = None) -> ScoredPair:
    """Score one pair: a weighted sum of components, or a veto with its reason; then the
    match keys adjust it (`key_evidence`)."""
    settings = settings or MatchSettings()
    d, d_why = date_score(a, b, settings)
    p, p_why, p_veto, unsure = _place_judged(a, b, settings)
    ac, a_why, a_veto = actor_score(a, b)
    t, t_why = type_score(a, b)
    k, k_why, k_veto = toll_score(a, b)
    components = {"date": d, "place": p, "actors": ac, "type": t, "toll": k}
    reasons: tuple[str, ...] = (d_why, p_why, a_why, t_why, k_why)
    vetoes = ((p_veto, p_why), (a_veto, a_why), (k_veto, k_why), (d == 0.0, d_why))
    veto = next((why for vetoed, why in vetoes if vetoed), None)
    weights = dict(settings.weights)
    score = sum(weights[name] * value for name, value in components.items())
    if k == 1.0 and _large_tolls(a, b, settings):
        # "at least 25" on the day and "44" the next: tolls that large agreeing in
        # one province and day are seldom two events (a place or date extraction left
        # unknown costs no more than that)
        score += settings.large_toll_bonus
        reasons = (*reasons, f"large tolls agree (both >= {settings.large_toll})")
    evidence = key_evidence(
        a, b, place_agrees=not p_veto and p >= 0.45, place_vetoed=p_veto
    )
    # the veto an unsure place lifted still binds the groups this pair joins, unless
    # the match keys would have lifted it as well
    unsure = unsure and (
        key_evidence(a, b, place_vetoed=True).floor is None if evidence.floor else True
    )
    if evidence.floor is not None:
        # a named person or street in common outweighs a date or place that
        # extraction resolved differently: the veto is lifted
        score, veto = max(score, evidence.floor), None
    score = min(1.0, max(0.0, score + evidence.bonus))
    if veto:
        score = 0.0
    if evidence.reason:
        reasons = (*reasons, evidence.reason)
    return ScoredPair(
        a, b, score, components, reasons, veto, evidence.shared,
        evidence.floor is not None, unsure,
    )


def _large_tolls(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> bool:
    return a.killed is not None and b.killed is not None and (
        min(a.killed, b.killed) >= settings.large_toll
    )


def score_pairs(
    pairs: Iterable[tuple[MatchUnit, MatchUnit]], settings: MatchSettings | None = None
) -> list[ScoredPair]:
    """Score every candidate pair."""
    return [score_pair(a, b, settings) for a, b in pairs]


@dataclass
class _Group:
    """Bookkeeping of one growing cluster: what any join must respect."""

    cluster: Cluster
    ids: set[int]
    reports: set[int]
    vetoes: set[int]
    first_end: date | None
    last_start: date | None


def _group(unit: MatchUnit, vetoes: set[int]) -> _Group:
    interval = _interval(unit)
    return _Group(
        Cluster([unit]),
        {unit.id},
        {unit.report},
        vetoes,
        interval[1] if interval else None,
        interval[0] if interval else None,
    )


def cluster(
    units: Sequence[MatchUnit], scored: Sequence[ScoredPair], settings: MatchSettings | None = None
) -> list[Cluster]:
    """Greedy clustering: join the best-scoring pairs first, within the constraints.

    Two clusters are joined when a pair between them scores at least the threshold,
    they share no report (one report's incidents are distinct by construction), no
    pair between them was vetoed, and all their dates stay within the window (so
    reports of consecutive days cannot chain into a week-long event). A pair joined
    by match keys (`ScoredPair.strong`) is exempt from the last two. Every unit
    ends in exactly one cluster.
    """
    settings = settings or MatchSettings()
    vetoes: dict[int, set[int]] = {u.id: set() for u in units}
    for p in scored:
        if p.veto and p.a.id in vetoes and p.b.id in vetoes:
            vetoes[p.a.id].add(p.b.id)
            vetoes[p.b.id].add(p.a.id)
    groups = {u.id: _group(u, vetoes[u.id]) for u in units}
    owner = {u.id: u.id for u in units}
    for pair in sorted(scored, key=lambda p: (-p.score, p.a.id, p.b.id)):
        if pair.veto or pair.score < settings.threshold:
            continue
        ga, gb = owner.get(pair.a.id), owner.get(pair.b.id)
        if ga is None or gb is None or ga == gb:
            continue
        left, right = groups[ga], groups[gb]
        if not _can_join(
            left, right, settings.window_days, span_dates=pair.strong, unsure=pair.unsure
        ):
            continue
        _join(left, right, pair)
        for unit in right.cluster.members:
            owner[unit.id] = ga
        del groups[gb]
    return sorted((g.cluster for g in groups.values()), key=lambda c: min(u.id for u in c.members))


def _can_join(
    left: _Group, right: _Group, window_days: int, *, span_dates: bool, unsure: bool = False
) -> bool:
    if left.reports & right.reports:
        return False
    if unsure and (left.vetoes & right.ids or right.vetoes & left.ids):
        # a pair whose place veto an unsure place lifted joins no groups that other
        # members veto: a common name in two towns is not one event
        return False
    if span_dates:
        # joined by a shared person or street: a follow-up may be weeks later, and a
        # veto between other members (a town geocoded in another state, a date read
        # from a court hearing) is the extraction error the shared name overrides on
        # the pair itself (gva-news: pair recall 0.508 -> 0.546 at precision 0.966)
        return True
    if left.vetoes & right.ids or right.vetoes & left.ids:
        return False
    ends = [d for d in (left.first_end, right.first_end) if d is not None]
    starts = [d for d in (left.last_start, right.last_start) if d is not None]
    if ends and starts:
        return (max(starts) - min(ends)).days <= window_days
    return True


def _join(left: _Group, right: _Group, pair: ScoredPair) -> None:
    left.cluster.members.extend(right.cluster.members)
    left.cluster.links.extend([*right.cluster.links, pair])
    left.ids |= right.ids
    left.reports |= right.reports
    left.vetoes |= right.vetoes
    if pair.strong and left.first_end is not None and right.first_end is not None:
        # joined by a name: the later side is a follow-up (an arrest a week later, a
        # trial months later) whose date is its own news, not the event's; the group
        # keeps the earlier side's dates, so that another outlet of the shooting's day
        # still joins by date and place, and none of the follow-up's day does
        # (gva-news pairs 0.960/0.779 -> 0.958/0.787, docs/matching.md)
        earlier = left if left.first_end <= right.first_end else right
        left.first_end, left.last_start = earlier.first_end, earlier.last_start
        return
    ends = [d for d in (left.first_end, right.first_end) if d is not None]
    starts = [d for d in (left.last_start, right.last_start) if d is not None]
    left.first_end = min(ends) if ends else None
    left.last_start = max(starts) if starts else None


def match_units(units: Sequence[MatchUnit], settings: MatchSettings | None = None) -> list[Cluster]:
    """Blocking, scoring and clustering in one call."""
    settings = settings or MatchSettings()
    return cluster(units, score_pairs(candidate_pairs(units, settings), settings), settings)
