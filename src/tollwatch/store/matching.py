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

`match_units()` composes them. The stages live in match_dates.py (dates),
pair_places.py (places), pair_scores.py (the score of a pair) and clustering.py;
this module does the blocking and keeps the public names. Thresholds live in
`MatchSettings` and are documented in docs/matching.md. Every merge keeps its explanation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from .clustering import Cluster, cluster
from .key_match import KeyEvidence, key_evidence, key_pairs, people_in_common
from .match_dates import (
    DAY_DATES,
    FALLBACK_DAYS_BEFORE,
    LONG_SPAN_DAYS,
    MATCHABLE_DATES,
    _interval,
    date_columns,
    date_score,
    matchable,
)
from .pair_places import (
    FINE_PLACES,
    GENERIC_PLACE_WORDS,
    PRECISE_PLACES,
    _same_written_place,
    _surname_place,
    _unsure_place,
    _words,
    _written_words,
    haversine_km,
    place_score,
)
from .pair_scores import (
    RULE,
    ScoredPair,
    actor_score,
    score_pair,
    score_pairs,
    toll_bonus,
    toll_score,
    type_score,
)
from .unit import MatchSettings, MatchUnit

__all__ = [
    "DAY_DATES",
    "FALLBACK_DAYS_BEFORE",
    "FINE_PLACES",
    "GENERIC_PLACE_WORDS",
    "LONG_SPAN_DAYS",
    "MATCHABLE_DATES",
    "PRECISE_PLACES",
    "RULE",
    "Cluster",
    "KeyEvidence",
    "MatchSettings",
    "MatchUnit",
    "ScoredPair",
    "_surname_place",
    "_unsure_place",
    "_words",
    "_written_words",
    "actor_score",
    "candidate_pairs",
    "cluster",
    "date_columns",
    "date_score",
    "haversine_km",
    "key_evidence",
    "match_units",
    "matchable",
    "place_score",
    "score_pair",
    "score_pairs",
    "toll_bonus",
    "toll_score",
    "type_score",
]


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


def match_units(units: Sequence[MatchUnit], settings: MatchSettings | None = None) -> list[Cluster]:
    """Blocking, scoring and clustering in one call."""
    settings = settings or MatchSettings()
    return cluster(units, score_pairs(candidate_pairs(units, settings), settings), settings)
