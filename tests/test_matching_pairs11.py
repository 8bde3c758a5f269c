"""Issue 8, matching round eleven (`pairs11`): same-incident pairs across outlets.

`tests/golden/annotated/world-pairs4.jsonl` holds thirty-nine world-news reports written
for these tests: fourteen attacks told by two or three outlets (tolls rising from one
report to the next, places spelled two ways, the day of the attack against the day of
the report) and seven that must stay apart (the same town a week later, the same town
and day but another kind of attack, another city of the country the same day, a road
accident). Out of sample it scored pair precision 0.812 (13 of 16) and recall 0.591
(13 of 22).

The rules of this round, each tested below with examples of our own:

* a named street both reports give links them when they were published within days of
  each other and no place vetoes the pair (before: only with the same province);
* two or more people named in both reports bring a pair in up to `people_window_days`
  apart (a trial two years on), one person only up to `person_window_days`;
* victims of two kinds with tolls that do not agree and no key in common lower a pair;
* streets named on both sides, none the same, lower a pair no key backs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pytest
from sqlalchemy import select

from test_store_support import IS, day, extraction, incident, killed, place
from tollwatch import Report, extract
from tollwatch.evaluate import evaluate_files
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.store import Store
from tollwatch.store.key_match import key_evidence, streets_differ
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    candidate_pairs,
    match_units,
    score_pair,
)
from tollwatch.store.models import IncidentRow, ReportRow
from tollwatch.store.pair_scores import STREETS_DIFFER, VICTIMS_DIFFER

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-pairs4.jsonl"

# same-incident pairs of the golden set the matcher still misses, and why (extraction)
KNOWN_MISSES = {
    # "A fourth soldier died" read as a toll of one
    ("wp4-haw-local", "wp4-haw-wire"),
    # (the Marib, checkpost, Mangina and Tera pairs: merged since pairs13)
    # ("wp4-sag-exile", "wp4-sag-wire") merged since geo12 (stop 26): Depayin township
    # is a bundled place (data/gazetteer/conflict_places.csv)
    # the funerals report (two days later) is never compared with the first wire; since
    # geo12 (stop 26) Dasht-e-Barchi is a place of Kabul, so the update joins the
    # funerals report, and clustering keeps the wire (dated two days earlier) apart
    ("wp4-kab-local", "wp4-kab-wire"),
    ("wp4-kab-update", "wp4-kab-wire"),
}
# reports of two events the matcher still joins: a sticky bomb on one official and the
# mosque bombing of the same city and day (victims unknown on one side, so the victims
# rule cannot tell them apart)
KNOWN_FALSE = {
    ("wp4-kab-sameday", "wp4-kab-update"),
    ("wp4-kab-sameday", "wp4-kab-wire"),
}

# a shooting told by two outlets: the second left the town unresolved (our own example)
SHOOTING = MatchUnit(
    id=1, report=1, published=date(2016, 5, 2),
    date_start=date(2016, 5, 1), date_end=date(2016, 5, 1), date_precision="day",
    country="US", admin1="Ohio", place="Dayton", place_text="Dayton",
    lat=39.76, lon=-84.19, place_precision="point", event_type="violence_against_civilians",
    killed=1, keys=frozenset({("street", "larkspur hollow road")}),
)
UNPLACED = replace(
    SHOOTING, id=2, report=2, published=date(2016, 5, 3), admin1=None, place=None,
    place_text=None, lat=None, lon=None, place_precision="unknown", killed=None,
)


def test_a_named_street_links_reports_of_the_same_days_without_a_place() -> None:
    """A street both outlets name, two days apart, where one left the place unknown: one
    shooting (gva-news: 24 pairs like it were left under the threshold at 0.5-0.6)."""
    pair = score_pair(SHOOTING, UNPLACED)
    assert pair.veto is None and pair.score >= 0.85, pair.reasons
    assert "same street: larkspur hollow road" in pair.reasons
    assert len(match_units([SHOOTING, UNPLACED])) == 1


def test_a_street_alone_weeks_apart_or_in_a_vetoed_place_is_no_link() -> None:
    """The street stands for the place only in reports of the same days, and never
    against a place that vetoes the pair."""
    later = replace(UNPLACED, published=SHOOTING.published + timedelta(days=12))
    assert key_evidence(SHOOTING, later).floor is None
    assert key_evidence(SHOOTING, UNPLACED, place_vetoed=True).floor is None
    assert key_evidence(SHOOTING, UNPLACED).floor == 0.85


def _person_units(names: set[str], days: int) -> tuple[MatchUnit, MatchUnit]:
    keys = frozenset(("person", n) for n in names)
    first = replace(SHOOTING, keys=keys)
    trial = replace(
        SHOOTING, id=2, report=2, published=SHOOTING.published + timedelta(days=days),
        date_start=SHOOTING.published + timedelta(days=days),
        date_end=SHOOTING.published + timedelta(days=days), keys=keys,
    )
    return first, trial


def test_two_people_in_common_bring_in_a_trial_two_years_on() -> None:
    """The victim and the accused named again at a sentencing 500 days later: a
    candidate pair (and one event); one person alone that far apart is not."""
    settings = MatchSettings()
    assert settings.person_window_days < 500 <= settings.people_window_days
    two = _person_units({"jonah pell", "reuben castaldo"}, 500)
    assert [(a.id, b.id) for a, b in candidate_pairs(two)] == [(1, 2)]
    assert len(match_units(two)) == 1
    one = _person_units({"jonah pell"}, 500)
    assert candidate_pairs(one) == []
    near = _person_units({"jonah pell"}, 300)  # within the one-person window
    assert [(a.id, b.id) for a, b in candidate_pairs(near)] == [(1, 2)]
    beyond = _person_units({"jonah pell", "reuben castaldo"}, 900)
    assert candidate_pairs(beyond) == []


# two attacks of one town and day: a raid on a police post and a roadside bomb on a
# vaccination team (our own example, as world-pairs4's Dera Ismail Khan pair)
RAID = MatchUnit(
    id=1, report=1, published=date(2026, 9, 9),
    date_start=date(2026, 9, 9), date_end=date(2026, 9, 9), date_precision="day",
    country="PK", admin1="Khyber Pakhtunkhwa", place="Bannu", place_text="Bannu",
    lat=32.99, lon=70.6, place_precision="point", victim_type="state",
    event_type="explosion_remote_violence", sub_event_type="grenade", killed=4,
)
BOMB = replace(RAID, id=2, report=2, victim_type="civilians", sub_event_type="ied", killed=2)


def test_victims_of_two_kinds_with_tolls_apart_lower_the_pair() -> None:
    """Police on one side, civilians on the other, tolls 4 / 2: the pair loses
    VICTIMS_DIFFER and falls under the threshold; with tolls that agree it does not."""
    settings = MatchSettings()
    pair = score_pair(RAID, BOMB)
    assert "victims differ and tolls do not agree" in pair.reasons
    assert pair.score < settings.threshold
    agree = score_pair(RAID, replace(BOMB, killed=4))
    assert "victims differ and tolls do not agree" not in agree.reasons
    same_victims = score_pair(RAID, replace(BOMB, victim_type="state"))
    assert same_victims.score - pair.score >= -VICTIMS_DIFFER


def test_a_key_in_common_outweighs_victims_of_two_kinds() -> None:
    """A person both reports name is one event whatever the victims' kinds say."""
    named = frozenset({("person", "gul zaman")})
    pair = score_pair(replace(RAID, keys=named), replace(BOMB, keys=named))
    assert pair.score >= 0.95 and "victims differ and tolls do not agree" not in pair.reasons


def test_two_streets_of_one_city_and_day_lower_the_pair() -> None:
    """Two shootings of one city the same day, one "on Grand Avenue", the other "in the
    1200 block of Elm Street": the pair loses STREETS_DIFFER; a street in common, or
    streets on one side only, take nothing."""
    grand = replace(SHOOTING, keys=frozenset({("street", "grand avenue")}))
    elm = replace(SHOOTING, id=2, report=2, keys=frozenset({("street", "elm street")}))
    assert streets_differ(grand, elm)
    pair = score_pair(grand, elm)
    assert "different streets named" in pair.reasons
    plain = score_pair(grand, replace(elm, keys=frozenset()))
    assert not streets_differ(grand, replace(elm, keys=frozenset()))
    assert round(plain.score - pair.score, 6) == round(-STREETS_DIFFER, 6)
    both = replace(elm, keys=elm.keys | grand.keys)
    assert not streets_differ(grand, both)
    assert score_pair(grand, both).score >= 0.85  # the street in common is a floor


def test_incremental_links_reports_two_years_apart_naming_two_people(store: Store) -> None:
    """Stored one at a time, a report and its trial coverage two years later (the
    victim and the accused named with their ages in both) end in one event, as the
    full pass puts them."""
    text = ("Dana Whitcombe, 24, was shot dead; police charged Ivo Marchetti, 31, "
            "with the killing.")
    items = [
        extraction("first", [incident("first#1", date=day("2015-03-02"), killed=killed(1),
                                      perpetrator=IS, place=place("Idlib"))],
                   text_=text, published="2015-03-02"),
        extraction("trial", [incident("trial#1", date=day("2016-12-01"), killed=killed(1),
                                      perpetrator=IS, place=place("Idlib"))],
                   text_="At the trial: " + text, published="2016-12-01"),
    ]
    for item in items:
        store.match_incremental(store.ingest([item]))
    with store.sessions() as session:
        events = {r.event_id for r in session.scalars(select(IncidentRow))}
    assert len(events) == 1
    full = store.match()
    assert (full.created, full.updated, full.deleted) == (0, 0, 0)


def _events_of_reports(
    store: Store, settings: Settings, resources: Resources, golden: Path = GOLDEN
) -> tuple[dict[str, set[int]], dict[str, str]]:
    """A golden set (world-pairs4 unless told) extracted, stored and matched: the events
    of each report, and the gold group of each report (its own id when it has none)."""
    import json

    groups: dict[str, str] = {}
    items = []
    for line in golden.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        groups[record["id"]] = record["same_incident_group"] or record["id"]
        report = Report(id=record["id"], text=record["text"],
                        published=date.fromisoformat(record["published"]))
        items.append(extract(report, settings=settings, resources=resources))
    store.ingest(items)
    store.match()
    events: dict[str, set[int]] = defaultdict(set)
    with store.sessions() as session:
        query = select(ReportRow.key, IncidentRow.event_id).join(
            ReportRow, ReportRow.id == IncidentRow.report_id)
        for key, event in session.execute(query):
            if event is not None:
                events[key].add(event)
    return events, groups


@pytest.fixture(scope="module")
def world_pairs4(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(gold pairs, merged pairs) of world-pairs4, through a SQLite store."""
    from tollwatch.pipeline import load_resources
    from tollwatch.store import open_store

    settings = Settings()
    db = tmp_path_factory.mktemp("pairs11") / "wp4.sqlite"
    with open_store(replace(settings, db=f"sqlite:///{db}")) as store:
        events, groups = _events_of_reports(store, settings, load_resources(settings))
    ids = sorted(groups)
    gold = {(a, b) for a, b in combinations(ids, 2) if groups[a] == groups[b]}
    merged = {(a, b) for a, b in combinations(ids, 2) if events[a] & events[b]}
    return gold, merged


def test_world_pairs4_misses_are_the_known_ones(
    world_pairs4: tuple[set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """Every same-incident pair is merged but the known misses (extraction's); a known
    miss that now merges is news: take it off the list."""
    gold, merged = world_pairs4
    assert len(gold) == 22
    assert gold - merged <= KNOWN_MISSES, sorted(gold - merged - KNOWN_MISSES)
    fixed = KNOWN_MISSES & merged
    if fixed:
        pytest.xfail(f"known misses now merged (update KNOWN_MISSES): {sorted(fixed)}")


def test_world_pairs4_decoys_stay_apart_but_the_known_ones(
    world_pairs4: tuple[set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """The same town a week later, the same town and day by another kind of attack,
    another city the same day: kept apart, but the known false merges."""
    gold, merged = world_pairs4
    assert merged - gold <= KNOWN_FALSE, sorted(merged - gold - KNOWN_FALSE)
    assert ("wp4-dik-sameday", "wp4-dik-wire") not in merged  # the victims rule


def test_world_pairs4_precision_and_recall_floor(settings: Settings, resources: Resources) -> None:
    """Out of sample 0.812 / 0.591; after this round 0.867 / 0.591 (13 of 15, 13 of
    22); after pairs13 0.900 / 0.818 (18 of 20, 18 of 22). A floor: raise it when the
    matcher or the extraction improves."""
    result = evaluate_files([GOLDEN], settings=settings, resources=resources)
    metrics = result.metrics("world-pairs4")
    precision, recall = metrics["pair_precision"], metrics["pair_recall"]
    assert recall.n == 22
    assert precision.value is not None and precision.value >= 0.85
    assert recall.value is not None and recall.value >= 0.81
