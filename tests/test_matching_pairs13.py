"""Issue 8, matching round thirteen (`pairs13`): same-incident pairs across outlets.

`tests/golden/annotated/world-pairs5.jsonl` holds thirty-eight world-news reports written
for these tests: fourteen attacks told by two to four outlets (tolls rising from one
report to the next, a town in one report and only its district, province or a part of
it in another, places spelled two ways or in Arabic script, French and Spanish reports,
the day of the attack against the day of the report) and five that must stay apart (the
same city four or six days later, another town of the same province the same day).
Out of sample (main 575eed6) it scored pair precision 0.750 and recall 0.545.

The rules of this round, each tested below with examples of our own:

* an unidentified armed group against a named armed non-state group ("gunmen" /
  "bandits"), or the state's forces against an armed group in two battles, is no
  perpetrator veto;
* only capitalised words of a place text name a place ("a government office" does not);
* place texts of two scripts are not compared word by word, and a text in another
  script than the gazetteer's name is no alternate name;
* d and t are one letter in consonant skeletons ("Beledweyne" / "Belet Weyne");
* a report whose place text writes the town the other report resolved to names it;
* a possessive before a town or province ("Cameroon's Bamenda") makes no name of it,
  and a place text of compass words only ("Northwest region") is unsure, its country too;
* a part of a province (precision `region`) is as coarse as the province for the
  town-in-province bonus;
* an explosion and an attack on civilians are close types.
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
from tollwatch.store.key_match import names_in_common, unpossessed
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    candidate_pairs,
    match_units,
    score_pair,
)
from tollwatch.store.pair_places import _consonants, _renamed, _unsure_place, place_score
from tollwatch.store.pair_scores import actor_score, type_score

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-pairs5.jsonl"

# a raid told by a wire (unidentified gunmen) and a local outlet (our own example)
RAID = MatchUnit(
    id=1, report=1, published=date(2026, 11, 14),
    date_start=date(2026, 11, 14), date_end=date(2026, 11, 14), date_precision="day",
    country="NG", admin1="Zamfara", place="Tsafe", place_text="Tsafe",
    lat=11.96, lon=6.92, place_precision="point", perpetrator="Unidentified Armed Group",
    perpetrator_category="unknown", victim_type="civilians",
    event_type="violence_against_civilians", sub_event_type="attack", killed=14,
)


def _told(unit: MatchUnit, **changes: object) -> MatchUnit:
    values: dict[str, object] = {"id": unit.id + 1, "report": unit.report + 1, **changes}
    return replace(unit, **values)  # type: ignore[arg-type]


def test_gunmen_and_a_named_armed_group_are_no_veto() -> None:
    """"Gunmen" in the wire, "bandits" (a communal militia) next day: one raid."""
    local = _told(RAID, perpetrator="Communal Militia", perpetrator_category="militia",
                  killed=23, published=date(2026, 11, 15))
    score, why, veto = actor_score(RAID, local)
    assert not veto and score == 0.75, why
    assert why.startswith("perpetrator unidentified on one side")
    assert len(match_units([RAID, local])) == 1


def test_gunmen_against_the_police_stay_a_veto() -> None:
    """A police shooting and a gunman's are two events (US local news)."""
    police = _told(RAID, perpetrator="Police Forces", perpetrator_category="police")
    _score, why, veto = actor_score(RAID, police)
    assert veto, why


def test_the_two_sides_of_a_battle_are_no_veto() -> None:
    """"Jihadists stormed the base" / "the army repelled an attack": one battle, its
    attacker named either way; unless both reports tell a battle the veto stays."""
    fight = replace(RAID, perpetrator="Jihadists", perpetrator_category="jihadist",
                    event_type="battle", sub_event_type="armed_clash")
    army = _told(fight, perpetrator="Military Forces", perpetrator_category="state")
    score, why, veto = actor_score(fight, army)
    assert not veto and why.startswith("two sides of one battle"), why
    assert score == 0.75
    strike = replace(army, event_type="explosion_remote_violence", sub_event_type="air_strike")
    attack = replace(fight, event_type="violence_against_civilians", sub_event_type="attack")
    assert actor_score(attack, strike)[2]
    assert actor_score(fight, replace(army, event_type="violence_against_civilians"))[2]


BLAST = MatchUnit(
    id=10, report=10, published=date(2026, 11, 17),
    date_start=date(2026, 11, 17), date_end=date(2026, 11, 17), date_precision="day",
    country="SO", admin1="Hiiran", place="Beledweyne",
    place_text="outside a government office in Beledweyne", lat=4.736, lon=45.204,
    place_precision="near", victim_type="civilians",
    event_type="explosion_remote_violence", sub_event_type="remote_explosive", killed=9,
)


def test_lowercase_words_of_a_place_text_name_no_place() -> None:
    """"outside a government office in Beledweyne" and "Belet Weyne" both resolved to
    the town: not "different places named"; two capitalised names still are."""
    local = _told(BLAST, place_text="Belet Weyne", place_precision="point", killed=13)
    score, why, veto = place_score(BLAST, local, MatchSettings())
    assert (score, veto) == (1.0, False), why
    named = replace(BLAST, place_text="Hawo Tako market")
    other = replace(local, place_text="Kooshin checkpoint")
    assert place_score(named, other, MatchSettings())[1].startswith("different places named")


def test_d_and_t_are_one_letter_in_a_skeleton() -> None:
    """"Belet Weyne" writes Beledweyne: no unsure alternate name, so a country veto
    against a report of another country stands."""
    assert _consonants("beletweyne") == _consonants("beledweyne")
    local = _told(BLAST, place_text="Belet Weyne", place_precision="point")
    assert _unsure_place(local) is None
    abroad = _told(local, country="PK", admin1="Balochistan", place="Quetta",
                   place_text="Quetta", lat=30.18, lon=66.97)
    assert score_pair(local, abroad).veto


def test_place_texts_of_two_scripts_are_not_compared() -> None:
    """"Hodeidah" and "الحديدة", both resolved to Al Hudaydah: the same place, and the
    Arabic text is no alternate name of the gazetteer's."""
    wire = replace(BLAST, country="YE", admin1="Al Hudaydah", place="Al Hudaydah",
                   place_text="Hodeidah", lat=14.8, lon=42.95, place_precision="point")
    arabic = _told(wire, place_text="الحديدة")
    assert not _renamed(arabic)
    score, why, veto = place_score(wire, arabic, MatchSettings())
    assert (score, veto) == (1.0, False), why


def test_a_text_that_writes_the_other_reports_town_names_it() -> None:
    """"Mangina, Beni" resolved to Beni, 22 km from the other report's Mangina: the
    same town named, no distance veto."""
    town = replace(RAID, country="CD", admin1="Nord-Kivu", place="Mangina",
                   place_text="at Mangina", lat=0.62, lon=29.30)
    beni = _told(town, place="Beni", place_text="Mangina, Beni", lat=0.49, lon=29.47)
    score, why, veto = place_score(town, beni, MatchSettings())
    assert (score, veto) == (0.9, False), why
    assert why == "Mangina written in both reports"
    elsewhere = replace(beni, place_text="Oicha, Beni")
    assert place_score(town, elsewhere, MatchSettings())[2]


def test_a_part_of_the_province_and_a_town_of_it_gain_the_bonus() -> None:
    """"Ariha" on the day and "the southern Idlib countryside" from a monitor, tolls 7
    and 9: the town-in-province bonus, as for a province named alone."""
    town = replace(BLAST, country="SY", admin1="Idlib", place="Ariha", place_text="Ariha",
                   lat=35.81, lon=36.61, place_precision="point", killed=7,
                   sub_event_type="air_strike")
    part = _told(town, place="Idlib", place_text="southern Idlib", place_precision="region",
                 lat=35.93, lon=36.63, killed=9)
    pair = score_pair(town, part)
    assert "a town of the province the other report names; tolls agree" in pair.reasons
    assert pair.score >= MatchSettings().threshold, pair.reasons


def test_a_blast_and_an_attack_on_civilians_are_close_types() -> None:
    """"A blast at the market" / "civilians killed in an attack on the market": 0.5,
    as a fight and an attack; a blast and a battle stay apart."""
    attack = replace(BLAST, event_type="violence_against_civilians", sub_event_type="attack")
    assert type_score(BLAST, attack) == (
        0.5, "types close: explosion_remote_violence/violence_against_civilians"
    )
    battle = replace(attack, event_type="battle")
    assert type_score(BLAST, battle)[0] == 0.1


# same-incident pairs of the golden set the matcher still misses, and why (extraction)
KNOWN_MISSES = {
    # the headline's "north of Baghdad" placed the wire, not its "near Tuz Khurmatu"
    ("wp5-tuz-local", "wp5-tuz-wire"),
    # "Quelimane village ... 20 km from Mocímboa da Praia" read as the city of Zambezia
    ("wp5-moc-pt", "wp5-moc-wire"),
    # "bringing the death toll to five" read as no incident
    ("wp5-zap-update", "wp5-zap-wire"),
}
KNOWN_FALSE: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def world_pairs5(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(gold pairs, merged pairs) of world-pairs5, through a SQLite store."""
    from test_matching_pairs11 import _events_of_reports
    from tollwatch.pipeline import load_resources
    from tollwatch.store import open_store

    settings = Settings()
    db = tmp_path_factory.mktemp("pairs13") / "wp5.sqlite"
    with open_store(replace(settings, db=f"sqlite:///{db}")) as store:
        events, groups = _events_of_reports(
            store, settings, load_resources(settings), GOLDEN
        )
    ids = sorted(groups)
    gold = {(a, b) for a, b in combinations(ids, 2) if groups[a] == groups[b]}
    merged = {(a, b) for a, b in combinations(ids, 2) if events[a] & events[b]}
    return gold, merged


def test_world_pairs5_misses_are_the_known_ones(
    world_pairs5: tuple[set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """Every same-incident pair is merged but the known misses (extraction's)."""
    gold, merged = world_pairs5
    assert len(gold) == 22
    assert gold - merged <= KNOWN_MISSES, sorted(gold - merged - KNOWN_MISSES)
    fixed = KNOWN_MISSES & merged
    if fixed:
        pytest.xfail(f"known misses now merged (update KNOWN_MISSES): {sorted(fixed)}")


def test_world_pairs5_decoys_stay_apart(
    world_pairs5: tuple[set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """The same city four or six days later, another town of the province the same
    day: kept apart."""
    gold, merged = world_pairs5
    assert merged - gold <= KNOWN_FALSE, sorted(merged - gold - KNOWN_FALSE)


def test_world_pairs5_precision_and_recall_floor(settings: Settings, resources: Resources) -> None:
    """Out of sample 0.750 / 0.545; a floor at this round's figures."""
    result = evaluate_files([GOLDEN], settings=settings, resources=resources)
    metrics = result.metrics("world-pairs5")
    precision, recall = metrics["pair_precision"], metrics["pair_recall"]
    assert recall.n == 22
    assert precision.value is not None and precision.value >= 0.95
    assert recall.value is not None and recall.value >= 0.86


def test_a_country_possessive_makes_no_name_of_a_town() -> None:
    """"Cameroon's Bamenda" and "Cameroon's Northwest" are places, not names: Bamenda
    is no unsure place, and the province shared with a report of another town of it
    gives no name in common."""
    keys = frozenset({("name", "cameroon's bamenda"), ("name", "cameroon's northwest")})
    town = replace(RAID, country="CM", admin1="Northwest", place="Bamenda",
                   place_text="Bamenda", lat=5.96, lon=10.15, keys=keys)
    assert _unsure_place(town) is None
    other = _told(town, place="Kumbo", place_text="Kumbo", lat=6.2, lon=10.68,
                  keys=frozenset({("name", "cameroon's northwest")}))
    assert names_in_common(town, other) == set()
    pair = score_pair(town, other)
    assert pair.veto and not any("in common" in why for why in pair.reasons), pair.reasons
    assert unpossessed("cameroon's northwest") == "northwest"
    assert unpossessed("macy's") == "macy's"


def test_a_region_of_compass_words_abroad_is_unsure() -> None:
    """"Northwest region" read as a town of North Carolina for a Cameroonian report: it
    names no town, so its country does not keep it from the Bamenda report."""
    region = _told(RAID, country="US", admin1="North Carolina", place="Northwest",
                   place_text="Northwest region", lat=34.3, lon=-78.1)
    assert _unsure_place(region) == "Northwest region"
    town = replace(RAID, country="CM", admin1="Northwest", place="Bamenda",
                   place_text="Bamenda", lat=5.96, lon=10.15)
    assert [(a.id, b.id) for a, b in candidate_pairs([town, region])] == [(1, 2)]
