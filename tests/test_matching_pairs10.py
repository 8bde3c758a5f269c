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
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    candidate_pairs,
    cluster,
    match_units,
    place_score,
    score_pair,
    score_pairs,
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
