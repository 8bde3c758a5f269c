"""Issue 8, matching round nine: one attack told by world-news outlets in other words.

`tests/golden/annotated/world-pairs2.jsonl` holds forty reports written for these tests
(twelve attacks each told by two or three outlets, ten reports that must stay apart).
The rules tested here came from its misses: a name spelled with other word breaks
("Maaret Misrin" / "Ma'arrat Misrin"), a town written with one letter less than the
gazetteer's ("Hawija" / Al Hawijah), a blast worded as a bomb by one outlet and a
suicide bombing by the next, a report placing the attack only in its province.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tollwatch.evaluate import evaluate_files
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.store.matching import MatchSettings, MatchUnit, place_score, score_pair, type_score
from tollwatch.store.pair_places import _named_apart, _unsure_place

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-pairs2.jsonl"

# a market bombing told by a wire on the day (our own example)
WIRE = MatchUnit(
    id=1, report=1, published=date(2026, 2, 3),
    date_start=date(2026, 2, 3), date_end=date(2026, 2, 3), date_precision="day",
    country="AF", admin1="Nangarhar", place="Jalalabad", place_text="in Jalalabad",
    lat=34.43, lon=70.45, place_precision="point", victim_type="civilians",
    event_type="explosion_remote_violence", sub_event_type="suicide_bomb", killed=7,
)


def _told(**changes: object) -> MatchUnit:
    values: dict[str, object] = {"id": 2, "report": 2, **changes}
    return replace(WIRE, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [
        pytest.param("suicide_bomb", "remote_explosive", 0.8, id="bomb-and-suicide-bomb"),
        pytest.param("ied", "grenade", 0.8, id="two-kinds-of-bomb"),
        pytest.param("air_strike", "shelling", 0.8, id="strike-and-shelling"),
        pytest.param("air_strike", "suicide_bomb", 0.4, id="strike-and-bomb-differ"),
        pytest.param("suicide_bomb", "suicide_bomb", 1.0, id="same-sub-type"),
    ],
)
def test_sub_types_of_one_kind_score_close(one: str, two: str, expected: float) -> None:
    score, why = type_score(_told(id=1, report=1, sub_event_type=one), _told(sub_event_type=two))
    assert score == expected, why


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        pytest.param("Maaret Misrin", "Ma'arrat Misrin", False, id="word-breaks-and-vowels"),
        pytest.param("Deir Hafer", "Dayr Hafir", False, id="vowels-only"),
        pytest.param("Wardyah town", "Abu Zandin crossing", True, id="two-places-named"),
        pytest.param("Kafr Nabl", "Kafr Nabudah", True, id="one-word-in-common-only"),
    ],
)
def test_one_name_in_two_spellings_is_not_two_places(
    first: str, second: str, apart: bool
) -> None:
    """Both resolved to the province only: the written words decide."""
    common = {"country": "SY", "admin1": "Idlib", "place": "Idlib", "place_precision": "admin1",
              "lat": None, "lon": None}
    a = _told(id=1, report=1, place_text=first, **common)
    b = _told(place_text=second, **common)
    assert bool(_named_apart(a, b)) is apart


def test_a_town_written_with_a_letter_less_is_the_town_resolved() -> None:
    """'Hawija' resolved to Al Hawijah is no alternate name (an unsure place that vetoes
    nothing); 'Coors' resolved to a French town with 'Cours' in its name still is."""
    hawija = _told(country="IQ", admin1="Kirkuk", place="Al Hawijah", place_text="Hawija")
    assert _unsure_place(hawija) is None
    coors = _told(country="FR", admin1="Bourgogne-Franche-Comte",
                  place="Cosne-Cours-sur-Loire", place_text="near Coors", place_precision="near")
    assert _unsure_place(coors) == "near Coors"


def test_the_gazetteers_name_without_its_apostrophe_is_the_same_place() -> None:
    local = _told(country="SY", admin1="Idlib", place="Ma'arratmisrin",
                  place_text="Ma'arrat Misrin", lat=36.01, lon=36.68)
    monitor = replace(local, id=3, report=3, place_text="Maaret Misrin")
    score, why, veto = place_score(local, monitor, MatchSettings())
    assert score == 1.0 and not veto, why


def test_a_town_and_its_province_with_tolls_agreeing_join() -> None:
    """The wire names the town, the next day's report only the province, with the
    risen toll: one event. With a toll of one on each side it stays under the threshold
    (a state of the US has several shootings a day), and another province vetoes."""
    province = _told(published=date(2026, 2, 4), place="Nangarhar", place_text="Nangarhar",
                     place_precision="admin1", lat=None, lon=None,
                     sub_event_type="remote_explosive", killed=11, victim_type=None)
    pair = score_pair(WIRE, province)
    assert pair.score >= MatchSettings().threshold and pair.veto is None, pair.reasons
    assert any("province the other report names" in r for r in pair.reasons)
    single = score_pair(replace(WIRE, killed=1), replace(province, killed=1))
    assert single.score < MatchSettings().threshold, single.reasons
    elsewhere = score_pair(WIRE, replace(province, admin1="Kunar", place="Kunar",
                                         place_text="Kunar"))
    assert elsewhere.veto, elsewhere.reasons


def test_world_pairs2_precision_and_recall_floor(settings: Settings, resources: Resources) -> None:
    """The whole set through extraction, the store and matching: outlets of one attack
    share an event, the distractors stay apart. Out of sample on the matcher before this
    round: 1.000 / 0.500; a floor, to raise when the matcher improves."""
    result = evaluate_files([GOLDEN], settings=settings, resources=resources)
    metrics = result.metrics("world-pairs2")
    precision, recall = metrics["pair_precision"], metrics["pair_recall"]
    assert recall.n == 24
    assert precision.value is not None and precision.value >= 0.95
    assert recall.value is not None and recall.value >= 0.62
