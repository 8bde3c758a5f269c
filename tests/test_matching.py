"""Matching across reports: blocking, scoring and clustering alone, then in the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_store_support import (
    HTS,
    IS,
    day,
    extraction,
    incident,
    killed,
    place,
    source,
)
from tollwatch.records import Extraction
from tollwatch.store import Store
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    candidate_pairs,
    cluster,
    haversine_km,
    match_units,
    score_pair,
    score_pairs,
)
from tollwatch.store.pairs_eval import evaluate, load_pairs

PAIRS = Path(__file__).parent / "data" / "matching_pairs.jsonl"

BASE = MatchUnit(
    id=1,
    report=1,
    published=date(2020, 3, 2),
    date_start=date(2020, 3, 1),
    date_end=date(2020, 3, 1),
    date_precision="day",
    country="SY",
    admin1="Idlib",
    place="Saraqib",
    lat=35.86,
    lon=36.80,
    place_precision="point",
    perpetrator="Hayat Tahrir al-Sham",
    perpetrator_category="jihadist",
    victim_type="military",
    event_type="battle",
    sub_event_type="attack",
    killed=10,
)


def other(**changes: object) -> MatchUnit:
    """A second report's unit, like BASE unless changed."""
    values: dict[str, object] = {"id": 2, "report": 2, **changes}
    return replace(BASE, **values)  # type: ignore[arg-type]


# ---- blocking ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b", "paired"),
    [
        pytest.param(other(), True, id="same-day"),
        pytest.param(
            other(date_start=date(2020, 3, 2), date_end=date(2020, 3, 2)), True, id="next-day"
        ),
        pytest.param(
            other(date_start=date(2020, 3, 3), date_end=date(2020, 3, 3)),
            False,
            id="two-days-later",
        ),
        pytest.param(other(report=1), False, id="same-report"),
        pytest.param(other(country="IQ"), False, id="other-country"),
        pytest.param(other(country=None), True, id="country-unknown"),
        pytest.param(other(date_precision="month"), False, id="month-date-too-vague"),
        pytest.param(other(kind="aggregate"), False, id="incident-vs-aggregate"),
        pytest.param(other(kind="claim"), True, id="claim-vs-incident"),
    ],
)
def test_candidate_pairs_block_on_date_country_report_kind(b: MatchUnit, paired: bool) -> None:
    assert bool(candidate_pairs([BASE, b])) is paired


def test_blocking_compares_only_within_the_window() -> None:
    units = [
        replace(
            BASE, id=i, report=i, date_start=date(2020, 1, 1 + i), date_end=date(2020, 1, 1 + i)
        )
        for i in range(20)
    ]
    pairs = candidate_pairs(units)
    assert len(pairs) == 19  # each day only with the next one
    assert all(abs((a.date_start - b.date_start).days) == 1 for a, b in pairs)  # type: ignore[operator]


# ---- scoring ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b", "veto_word"),
    [
        pytest.param(
            other(place="Maarat al-Numan", lat=35.65, lon=36.68), "km apart", id="two-towns-25km"
        ),
        pytest.param(
            other(admin1="Hama", place=None, lat=None, lon=None, place_precision="admin1"),
            "different provinces",
            id="other-province",
        ),
        pytest.param(
            other(perpetrator="Islamic State", perpetrator_category="rebel"),
            "perpetrators differ",
            id="other-perpetrator",
        ),
        pytest.param(other(killed=95), "too far apart", id="toll-2-vs-95-same-day"),
        pytest.param(
            other(date_start=date(2020, 3, 5), date_end=date(2020, 3, 5)),
            "days apart",
            id="dates-apart",
        ),
    ],
)
def test_scoring_vetoes_what_cannot_be_one_event(b: MatchUnit, veto_word: str) -> None:
    scored = score_pair(BASE, b)
    assert scored.veto is not None and veto_word in scored.veto
    assert scored.score == 0.0


@pytest.mark.parametrize(
    ("b", "at_least"),
    [
        pytest.param(other(), 0.99, id="identical"),
        pytest.param(other(place="Sarmin", lat=35.90, lon=36.72), 0.85, id="village-8km"),
        pytest.param(
            other(perpetrator=None, perpetrator_category=None), 0.85, id="perpetrator-unknown"
        ),
        pytest.param(other(published=date(2020, 3, 4), killed=22), 0.95, id="later-update-22"),
        pytest.param(
            other(place=None, lat=None, lon=None, place_precision="admin1"),
            0.75,
            id="province-only",
        ),
    ],
)
def test_scoring_rewards_same_event_evidence(b: MatchUnit, at_least: float) -> None:
    assert score_pair(BASE, b).score >= at_least


def test_scores_are_symmetric_and_bounded() -> None:
    b = other(place="Sarmin", lat=35.90, lon=36.72, killed=14)
    ab, ba = score_pair(BASE, b), score_pair(b, BASE)
    assert ab.score == pytest.approx(ba.score) and 0.0 <= ab.score <= 1.0


def test_explanation_names_components_and_reasons() -> None:
    explained = score_pair(BASE, other(killed=12)).explanation()
    components: Any = explained["components"]
    assert set(components) == {"date", "place", "actors", "type", "toll"}
    assert "same place Saraqib" in explained["reasons"]  # type: ignore[operator]
    assert explained["rule"] == "matching.v2" and explained["keys"] == {}


@given(km=st.floats(0, 500), tolls=st.tuples(st.integers(0, 300), st.integers(0, 300)))
@settings(max_examples=60, deadline=None)
def test_score_in_unit_interval(km: float, tolls: tuple[int, int]) -> None:
    b = other(place=None, lat=BASE.lat + km / 111.0, killed=tolls[1])  # type: ignore[operator]
    scored = score_pair(replace(BASE, killed=tolls[0]), b)
    assert 0.0 <= scored.score <= 1.0
    assert (scored.veto is None) or scored.score == 0.0


def test_haversine_known_distance() -> None:
    assert haversine_km(35.86, 36.80, 35.65, 36.68) == pytest.approx(25.9, abs=1.0)


# ---- clustering ------------------------------------------------------------------------


def test_cluster_never_joins_two_incidents_of_one_report() -> None:
    a, b = BASE, other()
    c = replace(BASE, id=3, report=1)  # same report as a, same facts
    clusters = cluster([a, b, c], score_pairs(candidate_pairs([a, b, c])))
    assert sorted(len(x.members) for x in clusters) == [1, 2]


def test_cluster_respects_vetoes_against_chaining() -> None:
    # b is near both a and c, but a and c are 25 km apart: no chain a-b-c
    a = BASE
    b = other(place="Sarmin", lat=35.76, lon=36.74, place_precision="near")
    c = replace(BASE, id=3, report=3, place="Maarat al-Numan", lat=35.65, lon=36.68)
    clusters = match_units([a, b, c])
    assert all(not {1, 3} <= {u.id for u in x.members} for x in clusters)


def test_a_shared_person_joins_a_cluster_across_a_member_veto() -> None:
    """Three outlets tell one shooting; the third resolved the town to a homonym in
    another state (a veto against the second), but names the victim as the first does:
    the named person overrides the veto there as on its own pair."""
    victim = frozenset({("person", "dana whitfield")})
    a = replace(BASE, keys=victim)
    b = other()
    far = {"place": "Saraqib Springs", "lat": 36.10, "lon": 37.20, "place_precision": "point"}
    c = replace(BASE, id=3, report=3, keys=victim, **far)  # type: ignore[arg-type]
    scored = score_pairs(candidate_pairs([a, b, c]))
    assert any(p.veto and {p.a.id, p.b.id} == {2, 3} for p in scored)
    clusters = cluster([a, b, c], scored)
    assert [sorted(u.id for u in x.members) for x in clusters] == [[1, 2, 3]]
    reasons = [r for link in clusters[0].links for r in link.reasons]
    assert "same person named: dana whitfield" in reasons
    # without the name, the veto still keeps the third apart
    plain = replace(c, keys=frozenset())
    alone = match_units([replace(a, keys=frozenset()), b, plain])
    assert all(not {2, 3} <= {u.id for u in x.members} for x in alone)


def test_cluster_threshold_is_a_setting() -> None:
    b = other(place=None, lat=None, lon=None, place_precision="admin1", perpetrator=None)
    assert len(match_units([BASE, b])) == 1
    assert len(match_units([BASE, b], MatchSettings(threshold=0.95))) == 2


def test_every_unit_ends_in_exactly_one_cluster() -> None:
    units = [replace(BASE, id=i, report=i % 4, killed=10 + i) for i in range(12)]
    clusters = match_units(units)
    ids = sorted(u.id for c in clusters for u in c.members)
    assert ids == list(range(12))


# ---- precision and recall on the hand-written pairs ------------------------------------


def test_pairs_file_precision_and_recall_floor() -> None:
    pairs = load_pairs(PAIRS)
    assert len(pairs) >= 40
    assert sum(p.same for p in pairs) >= 20 and sum(not p.same for p in pairs) >= 20
    scores = evaluate(pairs)
    # the floor recorded in docs/matching.md; raise it deliberately
    assert scores.precision >= 0.95, scores.wrong
    assert scores.recall >= 0.9, scores.wrong


# ---- in the store ----------------------------------------------------------------------


def _attack(
    rid: str,
    toll: int,
    published: str,
    where: str = "Maarat al-Numan",
    perpetrator: object = HTS,
) -> Extraction:
    return extraction(
        rid,
        [
            incident(
                f"{rid}#1",
                killed=killed(toll),
                date=day("2020-02-10"),
                place=place(where),
                perpetrator=perpetrator,
            )
        ],
        published=published,
    )


def test_later_report_with_higher_toll_updates_the_event(store: Store) -> None:
    store.ingest([_attack("early", 5, "2020-02-10")])
    store.match()
    [event] = store.events()
    assert event.killed_best == 5
    store.ingest([_attack("later", 12, "2020-02-11")])
    stats = store.match()
    [updated] = store.events()
    assert (updated.id, updated.killed_best, updated.n_reports) == (event.id, 12, 2)
    assert stats.updated == 1 and stats.created == 0


def test_same_day_same_province_different_incidents_stay_apart(store: Store) -> None:
    store.ingest(
        [
            _attack("r1", 7, "2020-02-10", where="Maarat al-Numan"),
            _attack("r2", 6, "2020-02-10", where="Jisr al-Shughur"),
            _attack("r3", 9, "2020-02-10", where="Idlib", perpetrator=IS),
        ]
    )
    store.match()
    assert len(store.events()) == 3


def test_each_merge_stores_its_explanation(store: Store) -> None:
    store.ingest([_attack("a", 8, "2020-02-10"), _attack("b", 9, "2020-02-11")])
    store.match()
    [event] = store.events()
    [why] = store.explain(event.id)
    assert why["score"] >= MatchSettings().threshold and why["veto"] is None
    assert any("same place" in r for r in why["reasons"])


def test_claim_of_attaches_to_its_incident_event(store: Store) -> None:
    ext = extraction(
        "c",
        [
            incident(
                "c#1",
                killed=killed(15),
                date=day("2020-02-10"),
                place=place("Palmyra"),
                perpetrator=IS,
            ),
            incident(
                "c#2",
                "claim",
                claim_of="c#1",
                killed=killed(40),
                perpetrator=IS,
                source=source("Amaq", "perpetrator_claim"),
                date=day("2020-02-10"),
            ),
        ],
    )
    store.ingest([ext])
    store.match()
    [event] = store.events()
    assert event.killed_best == 15
    assert event.claims == (
        "Islamic State claims 40; Syrian Observatory for Human Rights reports 15"
    )


def test_replacing_a_report_rematches(store: Store) -> None:
    store.ingest([_attack("a", 8, "2020-02-10"), _attack("b", 9, "2020-02-11")])
    store.match()
    moved = extraction(
        "b",
        [
            incident(
                "b#1",
                killed=killed(9),
                date=day("2020-02-10"),
                place=place("Palmyra"),
                perpetrator=HTS,
            )
        ],
        text_="A new text.",
        published="2020-02-11",
    )
    store.ingest([moved])
    stats = store.match()
    assert len(store.events()) == 2 and stats.created == 1


def test_police_and_other_state_forces_are_one_side_not_a_veto() -> None:
    """One report says 'officers' shot the suspect, another 'a state trooper': police
    and state forces are one side, of one kind, never a veto."""
    a = replace(BASE, perpetrator="Police Forces", perpetrator_category="police")
    b = other(perpetrator="Military Forces", perpetrator_category="state")
    scored = score_pair(a, b)
    assert scored.veto is None
    assert scored.components["actors"] > 0.5
    assert any("both state forces" in r for r in scored.reasons)
    # outside a battle (where either side is named the attacker: pairs13), police and
    # an armed group stay a veto
    rebel = other(perpetrator="Islamic State", perpetrator_category="rebel",
                  event_type="violence_against_civilians")
    assert score_pair(a, rebel).veto is not None
