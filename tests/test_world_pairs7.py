"""Issue 8, matching round fifteen (`pairs15`): same-incident pairs across outlets.

`tests/golden/annotated/world-pairs7.jsonl` holds thirty-six world-news reports written
for these tests (30 English, 5 French, 1 Spanish): twelve attacks told by two or three
outlets (a hotel siege told by the wire naming al-Shabaab, by a local outlet quoting the
forces that ended it, and by the next day's update naming the group in full; "Bokkos" /
"Bokos" with the toll rising 41, 63, 112; "Sibbi" / "Sibi district" / "the Sibi area";
a village of a local government area against the state only; an English wire and a
French outlet; a French report of the burial three days on; ISWAP / Boko Haram / "the
army repelled terrorists"; TTP / Tehreek-e-Taliban Pakistan / the Pakistani Taliban;
Jableh / Jablah; a Colombian municipality against its department; Mukalla /
Al-Mukalla; Ségou / Segou) and six that must stay apart (the same town four to six days
later three times, the neighbouring local government area the same night, a bombing of
the provincial capital the same day with the same toll, the same group on another town
of the state the same night with the same toll). Out of sample (main e895cee) it scored
pair precision 1.000 (19/19) and recall 0.792 (19/24).

The rules of this round, each tested below with examples of our own:

* the state's forces on one side and the attackers on the other, at the same town or
  district, are no perpetrator veto when the other side is a named armed group or
  either report tells a blast (`pair_scores._forces_and_attackers`): the police
  commander who ended a siege, or the police truck a bomber struck, read as the
  perpetrator;
* a number word where capitals are not chosen ("Sixteen killed in raid near Eringeti")
  is no town (`places/ordinary.py`; "Sixteen" is a village of Ohio);
* a lead placed only by its country, province or a region of them takes the place a
  next sentence says the attack "took place" or "occurred" in
  (`incidents/output._said_where_after`, rule `incidents.place_said_after`; geo14's
  wider form since the merge of stop 28).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from golden_support import extract_text
from tollwatch.evaluate import evaluate_files
from tollwatch.pipeline import Resources
from tollwatch.places.ordinary import is_ordinary
from tollwatch.settings import Settings
from tollwatch.store.matching import MatchSettings, MatchUnit, actor_score, score_pair

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-pairs7.jsonl"

# a hotel siege told by a wire naming the group (our own)
SIEGE = MatchUnit(
    id=1, report=1, published=date(2026, 10, 4),
    date_start=date(2026, 10, 4), date_end=date(2026, 10, 4), date_precision="day",
    country="SO", admin1="Jubbada Hoose", place="Kismayo", place_text="Kismayo",
    lat=-0.36, lon=42.55, place_precision="point", perpetrator="Al-Shabaab",
    perpetrator_category="jihadist", victim_type="civilians",
    event_type="violence_against_civilians", sub_event_type="attack", killed=14,
)


def _told(unit: MatchUnit, **changes: object) -> MatchUnit:
    values: dict[str, object] = {"id": unit.id + 1, "report": unit.report + 1, **changes}
    return replace(unit, **values)  # type: ignore[arg-type]


def test_the_forces_that_ended_a_siege_are_no_other_perpetrator() -> None:
    """The local outlet quotes the police who ended the siege: read as the perpetrator,
    against the wire's al-Shabaab at the same town, it is one attack told from the
    other side."""
    local = _told(SIEGE, perpetrator="Police Forces", perpetrator_category="police",
                  place_text="Kismaayo", killed=6)
    _score, why, veto = actor_score(SIEGE, local)
    assert not veto, why
    assert "the forces and the attackers of one attack" in why
    assert score_pair(SIEGE, local, MatchSettings()).score >= 0.7


def test_a_bomb_on_the_police_against_gunmen_at_one_town() -> None:
    """A blast: the police truck struck read as the police's act, the other outlet's
    unidentified bomber: one attack at one town."""
    wire = replace(SIEGE, perpetrator="Unidentified Armed Group", perpetrator_category="unknown",
                   event_type="explosion_remote_violence", sub_event_type="suicide_bomb",
                   victim_type="state", killed=8)
    next_day = _told(wire, perpetrator="Police Forces", perpetrator_category="police",
                     sub_event_type="remote_explosive", killed=9,
                     date_start=date(2026, 10, 5), date_end=date(2026, 10, 5),
                     published=date(2026, 10, 5))
    _score, why, veto = actor_score(wire, next_day)
    assert not veto, why


def test_police_against_gunmen_without_a_blast_stays_a_veto() -> None:
    """A police shooting and a gunman's shooting of one city and day (US local news):
    an unidentified group against the police, no blast, stays two events."""
    gunman = replace(SIEGE, country="US", admin1="Illinois", place="Chicago",
                     place_text="Chicago", perpetrator="Unidentified Armed Group",
                     perpetrator_category="unknown", killed=1)
    police = _told(gunman, perpetrator="Police Forces", perpetrator_category="police")
    _score, why, veto = actor_score(gunman, police)
    assert veto, why


def test_the_forces_and_a_group_in_two_towns_stay_a_veto() -> None:
    """The same sides at two towns (or one placed only in the province) keep the veto."""
    other = _told(SIEGE, perpetrator="Police Forces", perpetrator_category="police",
                  place="Afmadow", place_text="Afmadow")
    assert actor_score(SIEGE, other)[2]
    province = _told(SIEGE, perpetrator="Police Forces", perpetrator_category="police",
                     place="Jubbada Hoose", place_text="Lower Juba", place_precision="admin1")
    assert actor_score(SIEGE, province)[2]
    battle = _told(SIEGE, perpetrator="Police Forces", perpetrator_category="police",
                   event_type="battle", sub_event_type="armed_clash")
    assert actor_score(SIEGE, battle)[2]


def test_a_count_heading_a_headline_is_no_town() -> None:
    """"Sixteen killed in rebel raid near Eringeti": the count is no village of Ohio."""
    assert is_ordinary("Sixteen", frozenset())
    assert is_ordinary("Twelve", frozenset())
    assert not is_ordinary("Sibi", frozenset())


def test_the_sentence_saying_where_the_attack_took_place(
    settings: Settings, resources: Resources,
) -> None:
    """"... a police truck in southwestern Pakistan. ... the attack took place in Sibbi":
    the town the next sentence gives, inside the lead's region, places the incident."""
    text = (
        "At least eight policemen were killed on Monday when a suicide bomber rammed a "
        "motorcycle into a police truck in southwestern Pakistan, officials said. A police "
        "spokesman said the attack took place in Sibbi, a city some 160 km east of Quetta."
    )
    extraction = extract_text(text, "en", settings, resources)
    places = [i.place for i in extraction.incidents if i.place is not None]
    assert [p.name for p in places] == ["Sibi"], places


def test_a_place_said_of_another_country_is_not_taken(
    settings: Settings, resources: Resources,
) -> None:
    """The phrase naming a place outside the lead's country leaves the lead's place."""
    text = (
        "Gunmen killed six soldiers in northern Mali on Sunday, the army said. A similar "
        "attack took place in Niamey last year."
    )
    extraction = extract_text(text, "en", settings, resources)
    assert all(i.place is None or i.place.country == "ML" for i in extraction.incidents
               if not i.background)


# same-incident pairs of world-pairs7 still missed, and why
KNOWN_MISSES = {
    # the French report is dated by the burial ("Jeudi ... a enterré"), three days after
    # the attack, and names no one the English report names: never compared
    ("wp7-eri-en", "wp7-eri-fr"),
}


@pytest.fixture(scope="module")
def world_pairs7(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(gold pairs, merged pairs) of world-pairs7, through a SQLite store."""
    from test_matching_pairs11 import _events_of_reports
    from tollwatch.pipeline import load_resources
    from tollwatch.store import open_store

    settings = Settings()
    db = tmp_path_factory.mktemp("pairs15") / "world-pairs7.sqlite"
    with open_store(replace(settings, db=f"sqlite:///{db}")) as store:
        events, groups = _events_of_reports(store, settings, load_resources(settings), GOLDEN)
    ids = sorted(groups)
    gold = {(a, b) for a, b in combinations(ids, 2) if groups[a] == groups[b]}
    merged = {(a, b) for a, b in combinations(ids, 2) if events[a] & events[b]}
    return gold, merged


def test_world_pairs7_misses_are_the_known_ones(
    world_pairs7: tuple[set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """Every same-incident pair is merged but the known misses."""
    gold, merged = world_pairs7
    assert gold >= KNOWN_MISSES, sorted(KNOWN_MISSES - gold)
    assert gold - merged <= KNOWN_MISSES, sorted(gold - merged - KNOWN_MISSES)
    fixed = KNOWN_MISSES & merged
    if fixed:
        pytest.xfail(f"known misses now merged (update KNOWN_MISSES): {sorted(fixed)}")


def test_world_pairs7_decoys_stay_apart(
    world_pairs7: tuple[set[tuple[str, str]], set[tuple[str, str]]],
) -> None:
    """The same town days later, the neighbouring area the same night, the provincial
    capital or another town of the state the same day with the same toll: apart."""
    gold, merged = world_pairs7
    assert merged <= gold, sorted(merged - gold)


def test_world_pairs7_precision_and_recall_floor(settings: Settings, resources: Resources) -> None:
    """Out of sample 1.000 / 0.792; a floor at this round's figures."""
    result = evaluate_files([GOLDEN], settings=settings, resources=resources)
    metrics = result.metrics("world-pairs7")
    precision, recall = metrics["pair_precision"], metrics["pair_recall"]
    assert recall.n == 24
    assert precision.value is not None and precision.value >= 0.95
    assert recall.value is not None and recall.value >= 0.95
