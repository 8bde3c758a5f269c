"""Match keys (store/keys.py) and how they move matching decisions (matching.v2).

The reports here are written by us: local-news style shootings with named victims,
streets and shooters, told by two outlets with different dates or places.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import select

from test_store_support import day, extraction, incident, killed, place
from tollwatch.store import Store
from tollwatch.store.key_match import same_person_loosely
from tollwatch.store.keys import report_keys
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    candidate_pairs,
    cluster,
    key_evidence,
    match_units,
    place_score,
    score_pair,
    score_pairs,
)
from tollwatch.store.models import ReportKeyRow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers found Dana Whitfield, 27, lying in the driveway.", ("person", "dana whitfield")),
        ("A 19-year-old man, Marcus Bell, died later.", ("name", "marcus bell")),
        ("The 19-year-old Marcus Bell died later.", ("person", "marcus bell")),
        ("The coroner identified him as Tyrese Holloway.", ("person", "tyrese holloway")),
        ("Shots rang out in the 4200 block of Pine Hollow Road.", ("street", "pine hollow road")),
        ("They met near N. Garfield Ave. that night.", ("street", "garfield avenue")),
        ("Sgt. Alma Reyes, 41, of the county force, spoke.", ("person", "alma reyes")),
        ("The Riverbend Tavern closed early.", ("name", "riverbend tavern")),
    ],
    ids=["name-comma-age", "apposition-no-age", "age-before", "identified-as", "block-of",
         "abbreviated", "title-dropped", "proper-name"],
)
def test_keys_found(text: str, expected: tuple[str, str]) -> None:
    assert expected in report_keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Police Department said on Monday that the Associated Press had the story.",
        "Crime Stoppers asks anyone with tips to call.",
        "The shooting happened Tuesday in Jackson County.",
    ],
    ids=["institutions", "boilerplate", "weekday-county"],
)
def test_generic_runs_are_no_keys(text: str) -> None:
    assert report_keys(text) == set()


def test_keys_are_few_and_bounded() -> None:
    roll = " ".join(f"Jo{chr(97 + i % 26)}n Sm{chr(97 + i // 26)}th, {20 + i % 50}." for i in
                    range(200))
    keys = report_keys(roll)
    assert 0 < len([k for k in keys if k[0] == "person"]) <= 60


BASE = MatchUnit(
    id=1, report=1, published=date(2016, 5, 2), date_start=date(2016, 5, 1),
    date_end=date(2016, 5, 1), date_precision="day", country="US", admin1="Ohio",
    place="Dayton", place_text="Dayton", lat=39.76, lon=-84.19, place_precision="point",
    event_type="violence_against_civilians", killed=1,
    keys=frozenset({("person", "dana whitfield"), ("street", "pine hollow road"),
                    ("name", "riverbend tavern")}),
)


def other(**changes: object) -> MatchUnit:
    values: dict[str, object] = {"id": 2, "report": 2, **changes}
    return replace(BASE, **values)  # type: ignore[arg-type]


def test_shared_person_overrides_a_wrong_place_and_date() -> None:
    # the second outlet's town was geocoded 900 km away and its date is the day of a
    # court hearing five weeks later: the victim's name says it is the same shooting
    far = other(published=date(2016, 6, 8), date_start=date(2016, 6, 7), date_end=date(2016, 6, 7),
                admin1="Georgia", place="Dayton", lat=34.87, lon=-85.9,
                keys=frozenset({("person", "dana whitfield")}))
    assert not score_pair(BASE, replace(far, keys=frozenset())).score
    scored = score_pair(BASE, far)
    assert scored.veto is None and scored.score >= 0.95 and scored.strong
    assert scored.explanation()["keys"] == {"person": ["dana whitfield"]}
    assert "same person named: dana whitfield" in scored.reasons
    assert len(match_units([BASE, far])) == 1  # a candidate by key, joined across the dates


def test_shared_street_alone_needs_the_same_province_or_a_name() -> None:
    street = frozenset({("street", "pine hollow road")})
    elsewhere = other(admin1="Texas", place="Austin", place_text="Austin", lat=30.27, lon=-97.74,
                      keys=street)
    assert key_evidence(BASE, elsewhere, place_vetoed=True).floor is None
    assert score_pair(BASE, elsewhere).veto is not None
    nearby = other(place=None, lat=None, lon=None, place_precision="admin1", keys=street)
    assert score_pair(BASE, nearby).score >= 0.85
    # a street and one name, in places that veto (another state): still apart
    with_name = replace(elsewhere, keys=street | {("name", "riverbend tavern")})
    assert score_pair(BASE, with_name).veto is not None
    unplaced = replace(nearby, admin1=None, keys=with_name.keys)
    assert score_pair(BASE, unplaced).strong  # no veto: the name backs the street


def test_two_names_in_common_are_strong_one_is_a_bonus() -> None:
    two = frozenset({("name", "riverbend tavern"), ("name", "kettering health")})
    a = replace(BASE, keys=two)
    assert key_evidence(a, other(keys=two)).floor == 0.8
    one = key_evidence(a, other(keys=frozenset({("name", "riverbend tavern")})))
    assert one.floor is None and one.bonus > 0


def test_different_people_named_lower_the_score() -> None:
    plain = score_pair(BASE, other(keys=frozenset()))
    named_apart = score_pair(BASE, other(keys=frozenset({("person", "lee ortiz")})))
    assert named_apart.score < plain.score and "different people named" in named_apart.reasons


def test_key_blocking_finds_vaguely_dated_reports_within_the_window() -> None:
    month = other(date_precision="month", date_start=date(2016, 5, 1), date_end=date(2016, 5, 31))
    assert candidate_pairs([BASE, month])  # shares a person
    late = replace(month, published=date(2018, 1, 1))
    assert not candidate_pairs([BASE, late])  # beyond person_window_days
    no_keys = replace(month, keys=frozenset())
    assert not candidate_pairs([BASE, no_keys])


def test_strong_links_may_span_dates_others_may_not() -> None:
    later = other(published=date(2016, 5, 20), date_start=date(2016, 5, 19),
                  date_end=date(2016, 5, 19), keys=frozenset({("person", "dana whitfield")}))
    third = replace(BASE, id=3, report=3, keys=frozenset(), published=date(2016, 5, 20),
                    date_start=date(2016, 5, 19), date_end=date(2016, 5, 19))
    units = [BASE, later, third]
    clusters = cluster(units, score_pairs(candidate_pairs(units)))
    members = sorted(sorted(u.id for u in c.members) for c in clusters)
    # 1 and 2 share the victim; 3 is dated with 2 but its link to the group would
    # stretch it over 18 days on dates and places alone
    assert members == [[1, 2], [3]]


def _shooting(rid: str, text: str, when: str, where: str) -> object:
    return extraction(
        rid,
        [incident(f"{rid}#1", killed=killed(1), date=day(when), place=place(where),
                  event_type="violence_against_civilians", source=None)],
        text_=text,
        published=when,
    )


def test_store_keeps_keys_and_matches_by_them(store: Store) -> None:
    first = _shooting(
        "wire", "Police said Dana Whitfield, 27, was shot on Pine Hollow Road.", "2020-02-10",
        "Palmyra",
    )
    # the local paper's place was read as another town, 80 km away
    second = _shooting(
        "local", "Dana Whitfield, 27, died in hospital, her family said.", "2020-02-11",
        "Sukhnah",
    )
    store.ingest([first, second])  # type: ignore[list-item]
    store.match()
    events = store.report_events()
    assert events["wire"] == events["local"]
    [event] = store.events()
    assert any("same person named" in " ".join(e["reasons"]) for e in store.explain(event.id))
    with store.sessions() as session:
        stored = set(session.execute(select(ReportKeyRow.kind, ReportKeyRow.key)))
    assert ("person", "dana whitfield") in stored and ("street", "pine hollow road") in stored


def test_replacing_a_report_replaces_its_keys(store: Store) -> None:
    store.ingest([_shooting("r", "Dana Whitfield, 27, was shot.", "2020-02-10", "Palmyra")])  # type: ignore[list-item]
    store.ingest(
        [_shooting("r", "Lee Ortiz, 30, was shot.", "2020-02-10", "Palmyra")],  # type: ignore[list-item]
        refresh=True,
    )
    with store.sessions() as session:
        keys = set(session.scalars(select(ReportKeyRow.key)))
    assert keys == {"lee ortiz", "ortiz"}  # the person and its surname


def test_migrations_have_one_head() -> None:
    config = Config()
    config.set_main_option("script_location", "tollwatch:migrations")
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_a_town_read_as_a_person_is_no_person() -> None:
    # "Baton Rouge, 12 miles ..." gives a person key; the unit's own town is no witness
    town = frozenset({("person", "dayton")})
    a, b = replace(BASE, keys=town), other(keys=town)
    assert key_evidence(a, b).floor is None


def test_same_town_named_but_resolved_apart_is_the_same_place() -> None:
    # one outlet's "Newburgh" went to a town of Indiana, the other's only to the country
    b = other(admin1=None, place="United States", place_text="Newburgh", lat=None, lon=None,
              place_precision="country", keys=frozenset())
    a = replace(BASE, place="Newburgh", place_text="Newburgh", admin1="Indiana", lat=37.9,
                lon=-87.4, keys=frozenset())
    scored = score_pair(a, b)
    assert scored.veto is None and scored.components["place"] == 0.9
    assert scored.score >= 0.7


def test_names_in_common_count_only_in_reports_of_the_same_days() -> None:
    # two coder notes weeks apart naming the same town and district are two events
    two = frozenset({("name", "riverbend tavern"), ("name", "kettering health")})
    a = replace(BASE, keys=two)
    weeks = other(keys=two, published=date(2016, 5, 20), date_start=date(2016, 5, 19),
                  date_end=date(2016, 5, 19))
    assert key_evidence(a, weeks).floor is None
    assert score_pair(a, weeks).veto is not None


def test_a_person_named_with_an_age_in_one_report_only_joins_where_places_agree() -> None:
    # the follow-up a month later names the victim without her age: compared by key,
    # and one event where the places agree
    follow_up = other(published=date(2016, 6, 10), date_start=date(2016, 6, 9),
                      date_end=date(2016, 6, 9), keys=frozenset({("name", "dana whitfield")}))
    assert candidate_pairs([BASE, follow_up])
    scored = score_pair(BASE, follow_up)
    assert scored.score >= 0.95 and scored.strong
    assert scored.explanation()["keys"] == {"person_named": ["dana whitfield"]}
    assert len(match_units([BASE, follow_up])) == 1
    # the same name in a report placed in another state: a namesake, not a link
    elsewhere = replace(follow_up, admin1="Georgia", place="Macon", place_text="Macon",
                        lat=32.84, lon=-83.63)
    apart = score_pair(BASE, elsewhere)
    assert apart.veto is not None and not apart.strong
    # placed only in the country, but told the same week: no veto, the name joins them
    same_week = replace(follow_up, published=date(2016, 5, 3), admin1=None, place=None,
                        place_text=None, lat=None, lon=None, place_precision="country")
    assert score_pair(BASE, same_week).strong
    assert len(match_units([BASE, elsewhere])) == 2


def test_three_names_in_common_join_reports_months_apart_two_do_not() -> None:
    # the sentencing report names the victim, the accused and the bar as the first did
    # (and its town was geocoded in another state)
    three = frozenset({("name", "riverbend tavern"), ("name", "lee ortiz"),
                       ("person", "dana whitfield")})
    first = replace(BASE, keys=three)
    trial = other(published=date(2016, 11, 3), date_start=date(2016, 11, 2),
                  date_end=date(2016, 11, 2), admin1="Georgia", place="Macon",
                  place_text="Macon", lat=32.84, lon=-83.63, keys=frozenset({
                      ("name", "riverbend tavern"), ("name", "lee ortiz"),
                      ("name", "dana whitfield")}))
    assert candidate_pairs([first, trial])
    scored = score_pair(first, trial)
    assert scored.strong and "3 names in common" in scored.reasons
    assert len(match_units([first, trial])) == 1
    # two names half a year apart (a neighbourhood and a reporter) are not enough
    two = replace(trial, keys=frozenset({("name", "riverbend tavern"), ("name", "lee ortiz")}))
    assert len(match_units([replace(first, keys=frozenset(
        {("name", "riverbend tavern"), ("name", "lee ortiz")})), two])) == 2


def test_a_person_named_on_both_sides_is_compared_across_a_homonym_abroad() -> None:
    # "Naples" of a Florida shooting resolved to Italy by one outlet's text
    abroad = other(country="IT", admin1="Campania", place="Naples", place_text="Naples",
                   lat=40.85, lon=14.27, keys=frozenset({("person", "dana whitfield")}))
    assert candidate_pairs([BASE, abroad])
    assert len(match_units([BASE, abroad])) == 1
    stranger = replace(abroad, keys=frozenset({("name", "dana whitfield")}))
    assert not candidate_pairs([BASE, stranger])  # by name alone: countries keep them apart


def test_one_person_written_two_ways_is_compared_and_joined() -> None:
    # the follow-up two weeks later spells the victim's first name in full and gives
    # her middle name; it was placed only in the state
    first = replace(BASE, keys=frozenset({("person", "dana whitfield"), ("surname", "whitfield")}))
    later = other(published=date(2016, 5, 16), date_start=date(2016, 5, 15),
                  date_end=date(2016, 5, 15), place=None, place_text=None, lat=None, lon=None,
                  place_precision="admin1",
                  keys=frozenset({("person", "dayna whitfield"), ("surname", "whitfield")}))
    assert not candidate_pairs([BASE, replace(later, keys=frozenset())])
    assert candidate_pairs([first, later])
    scored = score_pair(first, later)
    assert scored.strong and scored.score >= 0.95
    assert scored.explanation()["keys"]["person_loose"] == [  # type: ignore[index]
        "dana whitfield / dayna whitfield"]
    assert len(match_units([first, later])) == 1
    # a relative of the same surname (another first name) is somebody else
    brother = replace(later, keys=frozenset({("person", "marcus whitfield"),
                                             ("surname", "whitfield")}))
    assert not candidate_pairs([first, brother])
    assert not score_pair(first, brother).strong
    # a namesake in another state, weeks later: not joined
    elsewhere = replace(later, admin1="Georgia", place="Macon", place_text="Macon",
                        lat=32.84, lon=-83.63, place_precision="point")
    assert len(match_units([first, elsewhere])) == 2


@pytest.mark.parametrize(
    ("one", "two", "same"),
    [
        ("jon miles", "jonathan miles", True),
        ("jamal reed", "jamaal reed", True),
        ("ana ruiz", "ana maria ruiz", True),
        ("kevin smith", "keith smith", False),
        ("tom reed", "kim reed", False),
        ("ana ruiz", "ana ruiz", False),  # the same key: the exact rules decide
        ("ana li", "anna li", False),  # too short a surname to tell people apart
    ],
)
def test_spellings_of_one_person(one: str, two: str, same: bool) -> None:
    assert same_person_loosely(one, two) is same


def test_surname_keys_are_stored_for_people_and_names() -> None:
    keys = report_keys("Police said Dana Whitfield, 27, died; a neighbour, Lee Ortiz, called.")
    assert ("surname", "whitfield") in keys


def test_a_middle_name_given_by_one_outlet_joins_like_the_same_name() -> None:
    # both outlets give the victim's age; one adds her middle name; its town was
    # geocoded in another state and it was published five months later (a trial)
    first = replace(BASE, keys=frozenset({("person", "dana whitfield"), ("surname", "whitfield")}))
    trial = other(published=date(2016, 10, 4), date_start=date(2016, 10, 3),
                  date_end=date(2016, 10, 3), admin1="Georgia", place="Macon",
                  place_text="Macon", lat=32.84, lon=-83.63,
                  keys=frozenset({("person", "dana louise whitfield"),
                                  ("surname", "whitfield")}))
    scored = score_pair(first, trial)
    assert scored.veto is None and scored.strong
    assert len(match_units([first, trial])) == 1
    # another first name spelled close to hers in that far report: not enough
    close = replace(trial, keys=frozenset({("person", "dayna whitfield"),
                                           ("surname", "whitfield")}))
    assert score_pair(first, close).veto is not None
    assert len(match_units([first, close])) == 2


def test_a_middle_name_without_an_age_joins_a_follow_up_placed_nowhere() -> None:
    # the arrest report nine days later gives the victim's full name without her age,
    # and only the country as its place: no veto of places, so the middle name joins
    first = replace(BASE, keys=frozenset({("person", "dana whitfield"), ("surname", "whitfield")}))
    arrest = other(published=date(2016, 5, 11), date_start=date(2016, 5, 10),
                   date_end=date(2016, 5, 10), admin1=None, place=None, place_text=None,
                   lat=None, lon=None, place_precision="country",
                   keys=frozenset({("name", "dana louise whitfield"), ("surname", "whitfield")}))
    assert score_pair(first, arrest).strong
    assert len(match_units([first, arrest])) == 1
    # another spelling of her first name, nine days later and placed nowhere: apart
    spelled = replace(arrest, keys=frozenset({("name", "dayna whitfield"),
                                              ("surname", "whitfield")}))
    assert not score_pair(first, spelled).strong
    assert len(match_units([first, spelled])) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Detectives say Darnell "Big D" Whitaker, 29, fired first.',
         ("person", "darnell whitaker")),
        ("Detectives say Darnell \u201cBig D\u201d Whitaker, 29, fired first.",
         ("person", "darnell whitaker")),
        ("The mother of Inés Cordero, 17, spoke at the vigil.", ("person", "ines cordero")),
        ("Neighbours said Ramón Ibáñez, 52, kept the store open late.",
         ("person", "ramon ibanez")),
        ("Friends of Kiara O\u2019Dell, 22, gathered on the porch.", ("person", "kiara o'dell")),
    ],
    ids=["nickname-straight-quotes", "nickname-curly-quotes", "accented-first-name",
         "accented-both", "curly-apostrophe"],
)
def test_names_written_with_nicknames_accents_or_curly_apostrophes(
    text: str, expected: tuple[str, str]
) -> None:
    keys = report_keys(text)
    assert expected in keys
    # the nickname is not a key of its own, nor the name cut at its accent or quote
    assert not any(kind == "person" and key != expected[1] for kind, key in keys)


def test_one_victim_written_with_and_without_accents_and_nickname_joins() -> None:
    # one outlet writes the accents and the shooter's nickname; the other, two days
    # later, writes neither and its town was geocoded in another state
    first = report_keys("Ramón Ibáñez, 52, was shot by Darnell \u201cBig D\u201d Whitaker, 29.")
    later = report_keys("Police charged Darnell Whitaker, 29, in the death of Ramon Ibanez, 52.")
    assert {("person", "ramon ibanez"), ("person", "darnell whitaker")} <= first & later
    a = replace(BASE, keys=frozenset(first))
    b = other(published=date(2016, 5, 4), date_start=date(2016, 5, 3), date_end=date(2016, 5, 3),
              admin1="Georgia", place="Dayton", lat=34.87, lon=-85.9, keys=frozenset(later))
    assert score_pair(a, b).strong
    assert len(match_units([a, b])) == 1
    # before folding, the accented and the plain spellings were two keys: apart
    plain = replace(b, keys=frozenset({("person", "ramón ibáñez")}))
    assert len(match_units([replace(a, keys=frozenset({("person", "ramon ibanez")})), plain])) == 2


def test_a_follow_up_joined_by_name_leaves_room_for_outlets_of_the_shootings_day() -> None:
    # the first outlet and a trial report a month later name the victim (a strong
    # join); a second outlet of the next day names no one but tells the same shooting
    # in the same town: it joins the first by date and place, the trial's date apart
    first = replace(BASE, keys=frozenset({("person", "dana whitfield")}))
    trial = other(published=date(2016, 6, 1), date_start=date(2016, 5, 31),
                  date_end=date(2016, 5, 31), keys=frozenset({("person", "dana whitfield")}))
    second = other(id=3, report=3, published=date(2016, 5, 2), date_start=date(2016, 5, 2),
                   date_end=date(2016, 5, 2), killed=None, keys=frozenset())
    assert score_pair(first, trial).score > score_pair(first, second).score >= 0.7
    assert not score_pair(first, second).strong
    clusters = match_units([first, trial, second])
    assert [sorted(u.id for u in c.members) for c in clusters] == [[1, 2, 3]]
    # a third outlet two days after the shooting, matching only the second by date,
    # cannot chain the days into one event
    third = other(id=4, report=4, published=date(2016, 5, 3), date_start=date(2016, 5, 3),
                  date_end=date(2016, 5, 3), killed=None, keys=frozenset())
    clusters = match_units([first, trial, second, third])
    assert sorted(sorted(u.id for u in c.members) for c in clusters) == [[1, 2, 3], [4]]


def test_one_name_in_common_joins_reports_of_one_town_published_days_apart() -> None:
    # two outlets of one county name the wounded man only by name, no age; one dated
    # the shooting to its Friday, the other to the Wednesday of its article: one
    # name in common, the same province and two days between the articles
    friday = replace(BASE, keys=frozenset({("name", "corey almquist")}), place="Lakeview",
                     place_text="Lakeview", lat=39.9, lon=-84.3)
    wednesday = other(published=date(2016, 5, 4), date_start=date(2016, 5, 4),
                      date_end=date(2016, 5, 4), place="Ohio", place_text="Ohio",
                      place_precision="admin1", lat=None, lon=None,
                      keys=frozenset({("name", "corey almquist")}))
    assert [(p.a.id, p.b.id) for p in score_pairs(candidate_pairs([friday, wednesday]))] == [
        (1, 2)]
    scored = score_pair(friday, wednesday)
    assert scored.veto is None and scored.strong
    assert "a name in common: corey almquist" in scored.reasons
    assert len(match_units([friday, wednesday])) == 1


def test_one_name_in_common_keeps_apart_other_states_and_later_weeks() -> None:
    friday = replace(BASE, keys=frozenset({("name", "corey almquist")}))
    # the same name in a report of another state two days later: not one event
    elsewhere = other(published=date(2016, 5, 4), date_start=date(2016, 5, 3),
                      date_end=date(2016, 5, 3), admin1="Georgia", place="Macon",
                      place_text="Macon", lat=32.84, lon=-83.63,
                      keys=frozenset({("name", "corey almquist")}))
    assert not score_pair(friday, elsewhere).strong
    assert len(match_units([friday, elsewhere])) == 2
    # in the same town but published three weeks later (a name without an age
    # recurs: a spokesman, a street's business): never compared
    later = other(published=date(2016, 5, 23), date_start=date(2016, 5, 22),
                  date_end=date(2016, 5, 22), keys=frozenset({("name", "corey almquist")}))
    assert candidate_pairs([friday, later]) == []
    assert len(match_units([friday, later])) == 2


def test_a_state_written_but_left_at_the_country_is_that_province() -> None:
    # one outlet writes only "Ohio", which the gazetteer left at the country: it is
    # the province of the other report's town, not an unknown place
    town = BASE
    state = other(admin1=None, place="United States", place_text="Ohio",
                  place_precision="country", lat=None, lon=None)
    score, why, veto = place_score(town, state, MatchSettings())
    assert (score, veto) == (0.45, False) and "same province Ohio" in why
    assert place_score(state, town, MatchSettings())[0] == 0.45
    # another state's name left at the country stays a place unknown to compare
    elsewhere = replace(state, place_text="Georgia")
    assert place_score(town, elsewhere, MatchSettings())[0] == 0.3
