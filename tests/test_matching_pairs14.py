"""Issue 8, matching round fourteen (`pairs14`): same-incident pairs across outlets.

`tests/golden/annotated/world-pairs6.jsonl` holds thirty-nine world-news reports written
for these tests: fourteen attacks told by two to four outlets (tolls rising, places
spelled two ways, a district in one report and a village or town of it in another, the
day of the attack against the day of the report, French and Spanish reports, an armed
group's claim naming only the province) and six that must stay apart (the same city a
week or ten days later, a neighbouring district or local government area the same day,
the same armed group in another province the same day). Out of sample (main db4f664)
it scored pair precision 1.000 (13/13) and recall 0.542 (13/24).

The rules of this round, each tested below with examples of our own:

* the words of the unit's country's name beside another name are left out of its place
  text ("Rada'a in Yemen" writes Rada'a as "Radaa" does);
* a place text giving a direction from its town ("northeast of Baqubah") lifts the
  distance veto, up to twice `far_km`, for a point that lies that way;
* a claim of an attack of the province and days of an incident, of a close type, gains
  `CLAIM_BONUS` (its figure is not compared, so the toll says nothing either way).

The test also lists, for every world-pairs set, the same-incident pairs still missed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from tollwatch.evaluate import evaluate_files
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.store.matching import MatchSettings, MatchUnit, match_units, score_pair
from tollwatch.store.pair_places import _bare_text, _bearing, place_score
from tollwatch.store.pair_scores import CLAIM_BONUS, toll_bonus

GOLDEN = Path(__file__).parent / "golden" / "annotated"

# a house blown up, told by a wire for foreign readers and a local outlet (our own)
HOUSE = MatchUnit(
    id=1, report=1, published=date(2026, 11, 18),
    date_start=date(2026, 11, 17), date_end=date(2026, 11, 17), date_precision="day",
    country="YE", admin1="Al Bayda", place="Rada'", place_text="Rada'a in Yemen",
    lat=14.42, lon=44.84, place_precision="point", perpetrator="Houthis",
    perpetrator_category="rebel", victim_type="civilians",
    event_type="violence_against_civilians", sub_event_type="attack", killed=11,
)


def _told(unit: MatchUnit, **changes: object) -> MatchUnit:
    values: dict[str, object] = {"id": unit.id + 1, "report": unit.report + 1, **changes}
    return replace(unit, **values)  # type: ignore[arg-type]


def test_the_country_beside_a_town_names_no_other_place() -> None:
    """"Rada'a in Yemen" and "Radaa": one town; the country the wire adds is no
    second place named. A text of the country alone keeps it."""
    local = _told(HOUSE, place_text="Radaa", killed=9, published=date(2026, 11, 17))
    score, why, veto = place_score(HOUSE, local, MatchSettings())
    assert (score, veto) == (1.0, False), why
    assert _bare_text(HOUSE) == "Rada a in"
    assert _bare_text(replace(HOUSE, place_text="Yemen")) == "Yemen"
    assert _bare_text(replace(HOUSE, place_text="in Yemen")) == "in Yemen"
    assert len(match_units([HOUSE, local])) == 1


def test_another_country_in_the_text_stays_a_word_of_it() -> None:
    """Only the unit's own country is left out ("Syria Street" in a Yemeni city)."""
    street = replace(HOUSE, place_text="Syria Street, Rada'a")
    assert "Syria" in (_bare_text(street) or "")


# an attack told as "near Muqdadiya" and as "northeast of Baqubah" (our own)
TOWN = MatchUnit(
    id=5, report=5, published=date(2026, 11, 22),
    date_start=date(2026, 11, 21), date_end=date(2026, 11, 21), date_precision="day",
    country="IQ", admin1="Diyala", place="Al Miqdadiyah", place_text="near Muqdadiya",
    lat=33.98, lon=44.94, place_precision="near", perpetrator="Islamic State",
    perpetrator_category="jihadist", victim_type="militia", event_type="battle",
    sub_event_type="armed_clash", killed=5,
)


def test_a_direction_from_a_city_reaches_a_town_that_way() -> None:
    """"northeast of Baqubah": the attack is away from the city, toward the town the
    other report names, 40 km off; no distance veto."""
    off = _told(TOWN, place="Baqubah", place_text="northeast of Baqubah", lat=33.75,
                lon=44.64)
    score, why, veto = place_score(TOWN, off, MatchSettings())
    assert not veto and score == 0.45, why
    assert "lies northeast of Baqubah" in why
    assert score_pair(TOWN, off).score >= MatchSettings().threshold


def test_a_direction_away_from_the_other_town_still_vetoes() -> None:
    """"southwest of Baqubah" points away from Miqdadiyah: two places."""
    town = replace(TOWN, place_text="near Miqdadiyah")
    off = _told(town, place="Baqubah", place_text="southwest of Baqubah", lat=33.75,
                lon=44.64)
    assert place_score(town, off, MatchSettings())[2]
    far = _told(town, place="Baghdad", place_text="north of Baghdad", lat=33.34,
                lon=44.40, admin1="Baghdad")
    assert place_score(town, far, MatchSettings())[2]  # 86 km: beyond twice far_km
    assert round(_bearing(0.0, 0.0, 0.0, 1.0)) == 90


# a mosque bombing and the armed group's claim naming only the province (our own)
BOMBING = MatchUnit(
    id=8, report=8, published=date(2026, 11, 20),
    date_start=date(2026, 11, 20), date_end=date(2026, 11, 20), date_precision="day",
    country="AF", admin1="Baghlan", place="Pul-e Khumri", place_text="Pul-e-Khumri",
    lat=35.94, lon=68.71, place_precision="point", victim_type="civilians",
    event_type="explosion_remote_violence", sub_event_type="remote_explosive", killed=7,
)
CLAIM = _told(
    BOMBING, kind="claim", published=date(2026, 11, 21), date_start=date(2026, 11, 21),
    date_end=date(2026, 11, 21), date_precision="unknown", place="Baghlan",
    place_text="Baghlan province", lat=None, lon=None, place_precision="admin1",
    sub_event_type="suicide_bomb", killed=None,
)


def test_a_claim_of_the_province_backs_the_attack_of_a_town_of_it() -> None:
    pair = score_pair(BOMBING, CLAIM)
    assert pair.veto is None and pair.score >= MatchSettings().threshold, pair.reasons
    assert "a claim of an attack of the same province and days" in pair.reasons
    assert toll_bonus(BOMBING, CLAIM, 0.5, 0.7, MatchSettings())[0] == CLAIM_BONUS


def test_a_claim_of_another_province_or_type_gains_nothing() -> None:
    other = replace(CLAIM, admin1="Nangarhar", place="Nangarhar")
    assert toll_bonus(BOMBING, other, 0.5, 0.7, MatchSettings()) == (0.0, None)
    fight = replace(CLAIM, event_type="battle", sub_event_type="armed_clash")
    assert toll_bonus(BOMBING, fight, 0.5, 0.7, MatchSettings()) == (0.0, None)
    incident = replace(CLAIM, kind="incident")
    assert toll_bonus(BOMBING, incident, 0.5, 0.7, MatchSettings()) == (0.0, None)


# same-incident pairs of every world-pairs set the matcher still misses, and why
KNOWN_MISSES = {
    "world-pairs1": {
        # a town 179 km away read for the next-day update
        ("wp-baj-next", "wp-baj-wire"),
        # the claim joins the monitor's report, dated apart from the wire
        ("wp-djibo-claim", "wp-djibo-wire"),
    },
    "world-pairs2": {
        # the claim report's incident (fighters killed) against the bombing
        ("wp2-jbd-claim", "wp2-jbd-prov"),
        ("wp2-jbd-claim", "wp2-jbd-wire"),
        # no toll on one side and dates a day apart: 0.69
        ("wp2-mms-local", "wp2-mms-monitor"),
        ("wp2-mms-local", "wp2-mms-wire"),
        # the local report gives no incident
        ("wp2-khk-local", "wp2-khk-ru"),
        ("wp2-khk-local", "wp2-khk-wire"),
    },
    "world-pairs3": {
        # "Qunduz" read as a village of Turkey
        ("wp3-kdz-update", "wp3-kdz-wire"),
        # Oicha read as Hyosha, 24 km from the wire's Beni
        ("wp3-oicha-followup", "wp3-oicha-local"),
        ("wp3-oicha-followup", "wp3-oicha-wire"),
        ("wp3-oicha-local", "wp3-oicha-wire"),
    },
    "world-pairs6": {
        # the follow-up placed at the hospital (Popayán) with its one death, dated the
        # day the soldier died
        ("wp6-arg-en", "wp6-arg-update"),
        ("wp6-arg-es", "wp6-arg-update"),
        # the French update dated the day of its sources ("jointes jeudi"), three
        # days after the attack
        ("wp6-ban-en", "wp6-ban-update"),
        ("wp6-ban-fr", "wp6-ban-update"),
        # Barsalogho not found: the wire left at the country, the French report placed
        # at Kaya (where the wounded went)
        ("wp6-bars-fr", "wp6-bars-wire"),
        ("wp6-bars-update", "wp6-bars-wire"),
        # "Chai" read as a village of Turkey
        ("wp6-mac-local", "wp6-mac-wire"),
    },
}


@pytest.fixture(scope="module", params=sorted(KNOWN_MISSES))
def world_pairs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
) -> tuple[str, set[tuple[str, str]], set[tuple[str, str]]]:
    """(set name, gold pairs, merged pairs) of a world-pairs set, through a SQLite store."""
    from test_matching_pairs11 import _events_of_reports
    from tollwatch.pipeline import load_resources
    from tollwatch.store import open_store

    name: str = request.param
    settings = Settings()
    db = tmp_path_factory.mktemp("pairs14") / f"{name}.sqlite"
    with open_store(replace(settings, db=f"sqlite:///{db}")) as store:
        events, groups = _events_of_reports(
            store, settings, load_resources(settings), GOLDEN / f"{name}.jsonl"
        )
    ids = sorted(groups)
    gold = {(a, b) for a, b in combinations(ids, 2) if groups[a] == groups[b]}
    merged = {(a, b) for a, b in combinations(ids, 2) if events[a] & events[b]}
    return name, gold, merged


def test_world_pairs_misses_are_the_known_ones(
    world_pairs: tuple[str, set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """Every same-incident pair is merged but the known misses."""
    name, gold, merged = world_pairs
    known = KNOWN_MISSES[name]
    assert known <= gold, sorted(known - gold)
    assert gold - merged <= known, sorted(gold - merged - known)
    fixed = known & merged
    if fixed:
        pytest.xfail(f"known misses now merged (update KNOWN_MISSES): {sorted(fixed)}")


def test_world_pairs_decoys_stay_apart(
    world_pairs: tuple[str, set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """Another incident of the same town later, a neighbouring district the same day,
    the same group in another province: kept apart."""
    _name, gold, merged = world_pairs
    assert merged <= gold, sorted(merged - gold)


def test_world_pairs6_precision_and_recall_floor(settings: Settings, resources: Resources) -> None:
    """Out of sample 1.000 / 0.542; a floor at this round's figures."""
    result = evaluate_files([GOLDEN / "world-pairs6.jsonl"], settings=settings,
                            resources=resources)
    metrics = result.metrics("world-pairs6")
    precision, recall = metrics["pair_precision"], metrics["pair_recall"]
    assert recall.n == 24
    assert precision.value is not None and precision.value >= 0.95
    assert recall.value is not None and recall.value >= 0.70
