"""Issue 8, matching round ten (`pairs10`): the incremental matcher bounds a pair as the
batch scorer scores it, and matching gives one answer whatever the order of its input.

`tests/golden/annotated/world-pairs3.jsonl` holds thirty-nine world-news reports written
for these tests (fourteen attacks each told by two or three outlets, six that must stay
apart: the same town a week later, the same day in another province, the same armed
group on another town the same day, a later report naming the attack as background).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from test_store_support import IS, day, extraction, incident, killed, place
from tollwatch.evaluate import evaluate_files
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.store import Store
from tollwatch.store.incremental import _cannot_link
from tollwatch.store.key_match import key_evidence
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    candidate_pairs,
    cluster,
    match_units,
    place_score,
    score_pair,
    score_pairs,
    toll_score,
)
from tollwatch.store.models import IncidentRow

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-pairs3.jsonl"

# one bombing told by two outlets that name two spots of the city the gazetteer resolved
# both to (our own example): the place scores low, everything else agrees, tolls large
MARKET = MatchUnit(
    id=1, report=1, published=date(2026, 3, 2),
    date_start=date(2026, 3, 2), date_end=date(2026, 3, 2), date_precision="day",
    country="SY", admin1="Idlib", place="Idlib", place_text="the Souq al-Hal market",
    lat=35.93, lon=36.63, place_precision="point", perpetrator="Islamic State",
    perpetrator_category="jihadist", victim_type="civilians", event_type="battle", killed=12,
)
SQUARE = replace(MARKET, id=2, report=2, place_text="Clock Tower square")


def test_the_incremental_bound_counts_the_large_toll_bonus() -> None:
    """A pair that links only thanks to agreeing large tolls must not be pruned by the
    incremental matcher (before: the bound left the bonus out and the pair was lost)."""
    settings = MatchSettings()
    score, why, veto = place_score(MARKET, SQUARE, settings)
    assert not veto and score <= 0.1, why
    pair = score_pair(MARKET, SQUARE, settings)
    assert pair.score >= settings.threshold and not pair.veto, pair.reasons
    assert any("large tolls agree" in why for why in pair.reasons)
    assert not _cannot_link(MARKET, SQUARE, settings)


def test_without_the_bonus_the_bound_still_prunes() -> None:
    """Small tolls earn no bonus: the same pair stays under the threshold and pruned."""
    settings = MatchSettings()
    one, two = replace(MARKET, killed=2), replace(SQUARE, killed=2)
    assert score_pair(one, two, settings).score < settings.threshold
    assert _cannot_link(one, two, settings)


def _reports() -> list[object]:
    """Two outlets' reports of the market bombing of MARKET / SQUARE, as extractions."""
    out = []
    for name, text in (("wire", "the Souq al-Hal market"), ("local", "Clock Tower square")):
        first = incident(f"{name}#1", date=day("2019-04-12"), killed=killed(12),
                         perpetrator=IS, place=place("Idlib", text=text))
        out.append(extraction(name, [first], published="2019-04-12"))
    return out


def test_incremental_links_what_the_full_pass_links(store: Store) -> None:
    """Stored one at a time and matched incrementally, the two reports end in the event
    a full re-match gives them (one), and the full pass changes nothing."""
    for item in _reports():
        store.match_incremental(store.ingest([item]))  # type: ignore[list-item]
    with store.sessions() as session:
        events = {r.event_id for r in session.scalars(select(IncidentRow))}
    assert len(events) == 1
    full = store.match()
    assert (full.created, full.updated, full.deleted) == (0, 0, 0)


def test_a_later_report_with_a_smaller_toll_is_no_update() -> None:
    """Tolls rise as bodies are found: a report published two days later with 9 dead
    against the first report's 18 tells another attack (world-pairs3: a raid on the
    next town of the territory), so the toll backs nothing; the other way round it is
    an update and agrees."""
    first = replace(MARKET, published=date(2026, 3, 2), killed=18)
    later = replace(SQUARE, published=date(2026, 3, 4), killed=9)
    score, why, veto = toll_score(first, later)
    assert (score, veto) == (0.0, False), why
    update = replace(later, killed=25)
    assert toll_score(first, update)[0] == 1.0
    same_day = replace(later, published=first.published)  # no order: tolls just differ
    assert toll_score(first, same_day)[0] == 0.6


def test_a_place_both_reports_name_is_no_name_in_common() -> None:
    """The town both reports are placed in is already the place score: as a match key it
    adds no bonus (it did: two attacks on one city a day apart scored 1.0)."""
    town = frozenset({("name", "el fasher")})
    a = replace(MARKET, place="El Fasher", place_text="El Fasher", keys=town)
    b = replace(SQUARE, place="El Fasher", place_text="south of El Fasher", keys=town)
    evidence = key_evidence(a, b, place_agrees=True)
    assert evidence.bonus == 0.0 and evidence.floor is None, evidence.reason
    other = frozenset({("name", "souq al hal")})  # a name that is no unit's place
    named = key_evidence(replace(a, keys=other), replace(b, keys=other))
    assert named.bonus > 0.0, named.reason


def test_clusters_do_not_depend_on_the_order_of_the_units() -> None:
    """The same units given in any order are matched into the same events (candidates
    are sorted by date and id, ties taken by score then ids)."""
    units = []
    for n in range(24):
        units.append(replace(
            MARKET, id=n + 1, report=n // 2 + 1, killed=5 + n % 3,
            date_start=date(2026, 3, 1 + n % 4), date_end=date(2026, 3, 1 + n % 4),
            place_text=None, keys=frozenset({("person", f"victim {n % 5}")}),
        ))

    def events(given: list[MatchUnit]) -> list[tuple[int, ...]]:
        return sorted(tuple(sorted(u.id for u in c.members)) for c in match_units(given))

    first = events(units)
    assert any(len(e) > 1 for e in first)
    for seed in (1, 2, 3):
        shuffled = list(units)
        random.Random(seed).shuffle(shuffled)
        assert events(shuffled) == first
    pairs = candidate_pairs(units)
    flipped = score_pairs([(b, a) for a, b in pairs])
    assert [p.score for p in flipped] == [p.score for p in score_pairs(pairs)]
    assert sorted(tuple(sorted(u.id for u in c.members)) for c in cluster(
        units, score_pairs(list(reversed(pairs))))) == first


def test_world_pairs3_precision_and_recall_floor(settings: Settings, resources: Resources) -> None:
    """The set scored 0.800 / 0.600 out of sample (12 of 15 merged right, 12 of 20 gold
    pairs); the misses left are the extraction's (a town read in another country, a
    dateline read as the place). A floor: raise it when the matcher improves."""
    result = evaluate_files([GOLDEN], settings=settings, resources=resources)
    metrics = result.metrics("world-pairs3")
    precision, recall = metrics["pair_precision"], metrics["pair_recall"]
    assert recall.n == 20
    assert precision.value is not None and precision.value >= 0.85
    assert recall.value is not None and recall.value >= 0.6
