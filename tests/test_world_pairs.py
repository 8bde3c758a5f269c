"""Same incident told by several world-news outlets: the matcher puts their reports in
one event (issue 8, cross-report matching).

`tests/golden/annotated/world-pairs1.jsonl` holds reports written for these tests: a
dozen attacks in conflict zones, each told by two or three outlets (a wire lead with an
early toll, a next-day update, a monitor or local outlet spelling the town its own way),
and reports that must stay apart (the same town on another day, a nearby town on the
same day, a later report naming the older attack as background).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from tollwatch.evaluate import evaluate_files
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    actor_score,
    place_score,
    score_pair,
    toll_score,
)
from tollwatch.store.unit import unit_killed

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-pairs1.jsonl"

# a city strike told by a Ukrainian outlet (the gazetteer's spelling)
STRIKE = MatchUnit(
    id=1, report=1, published=date(2024, 3, 12),
    date_start=date(2024, 3, 12), date_end=date(2024, 3, 12), date_precision="day",
    country="UA", admin1="Dnipropetrovsk", place="Kryvyy Rih",
    place_text="the city of Kryvyi Rih", lat=47.91, lon=33.39, place_precision="point",
    perpetrator="Russia", perpetrator_category="state", victim_type="civilians",
    event_type="explosion_remote_violence", sub_event_type="air_strike", killed=9,
)


def _told(**changes: object) -> MatchUnit:
    values: dict[str, object] = {"id": 2, "report": 2, **changes}
    return replace(STRIKE, **values)  # type: ignore[arg-type]


def test_a_town_in_another_transliteration_is_the_same_place() -> None:
    """'Krivoy Rog' (the Russian form) and 'Kryvyi Rih' both resolved to Kryvyy Rih: the
    leftover words are spellings of the town, not two places named."""
    score, why, veto = place_score(STRIKE, _told(place_text="Krivoy Rog"), MatchSettings())
    assert (score, veto) == (1.0, False), why
    assert why == "same place Kryvyy Rih"


def test_two_quarters_of_one_city_stay_two_places_named() -> None:
    """Words that spell no part of the resolved town still name places apart."""
    a = _told(place="Baghdad", admin1="Baghdad", country="IQ", place_text="Karrada district")
    b = replace(a, id=3, report=3, place_text="Shorja market")
    _score, why, _veto = place_score(a, b, MatchSettings())
    assert why.startswith("different places named"), why


def test_rebels_and_a_jihadist_group_can_be_one_perpetrator() -> None:
    """One outlet writes 'the rebels', another names the Islamist group: no veto."""
    named = _told(perpetrator="Islamic State", perpetrator_category="jihadist")
    as_class = _told(id=3, report=3, perpetrator="Rebels (Nigeria)", perpetrator_category="rebel")
    score, why, veto = actor_score(named, as_class)
    assert not veto and score > 0.5, why
    assert "both insurgents" in why


def test_two_named_armed_groups_of_two_kinds_still_veto() -> None:
    a = _told(perpetrator="Islamic State", perpetrator_category="jihadist")
    b = _told(id=3, report=3, perpetrator="M23", perpetrator_category="rebel")
    _score, why, veto = actor_score(a, b)
    assert veto, why


def test_world_pairs_precision_and_recall_floor(settings: Settings, resources: Resources) -> None:
    """Reports of one attack by different outlets share an event; the distractors stay
    apart. A floor: raise it deliberately when the matcher improves."""
    result = evaluate_files([GOLDEN], settings=settings, resources=resources)
    metrics = result.metrics("world-pairs1")
    precision, recall = metrics["pair_precision"], metrics["pair_recall"]
    assert recall.n == 20
    assert precision.value is not None and precision.value >= 0.95
    assert recall.value is not None and recall.value >= 0.85


def test_killed_with_no_count_is_no_toll_to_compare() -> None:
    """'People were killed' stores a floor of one: the matcher must not read it as a
    toll of one against another outlet's 32 (a veto for tolls far apart)."""
    assert unit_killed(None, 1) is None
    assert unit_killed(None, 51) == 51  # "more than 50": a floor that counts
    assert unit_killed(3, 1) == 3
    wire, vague = _told(killed=32), _told(id=3, report=3, killed=unit_killed(None, 1))
    _score, why, veto = toll_score(wire, vague)
    assert not veto, why


def test_large_tolls_that_agree_lift_a_pair_with_an_unknown_place() -> None:
    """A wire's 'at least 25' on the day and a next-day '44' in a report whose place was
    not found: large tolls agreeing are seldom chance; small ones earn nothing."""
    wire = _told(published=date(2024, 3, 12), killed=25, perpetrator=None,
                 perpetrator_category=None)
    update = replace(
        wire, id=3, report=3, published=date(2024, 3, 13), killed=44, country=None,
        admin1=None, place=None, place_text=None, lat=None, lon=None, place_precision=None,
    )
    lifted = score_pair(wire, update)
    assert lifted.score >= MatchSettings().threshold, lifted.reasons
    assert any("large tolls agree" in why for why in lifted.reasons)
    small = score_pair(replace(wire, killed=2), replace(update, killed=3))
    assert small.score < MatchSettings().threshold, small.reasons
