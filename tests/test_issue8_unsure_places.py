"""Issue 8, third pass: a place too weak to veto a pair (matching._unsure_place).

Local news starts headlines with words that are towns somewhere, and names people
whose names are towns: the gazetteer then puts one outlet's report in a town far
away, and the place veto keeps two reports of one shooting apart. A place whose text
does not write the town it resolved to (an alternate name), or that is one word of a
two-word name the report gives, lifts no veto by itself; it still scores low, and the
groups it would join keep the vetoes of their other members. Units are our own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tollwatch.store.match_place import place_columns, vicinity
from tollwatch.store.matching import (
    MatchSettings,
    MatchUnit,
    candidate_pairs,
    match_units,
    score_pair,
)

# an outlet in Memphis: the town is written and resolved alike
MEMPHIS = MatchUnit(
    id=1,
    report=1,
    published=date(2017, 1, 21),
    date_start=date(2017, 1, 21),
    date_end=date(2017, 1, 21),
    date_precision="day",
    country="US",
    admin1="Tennessee",
    place="Memphis",
    place_text="Memphis",
    lat=35.15,
    lon=-90.05,
    place_precision="point",
    perpetrator="Police Forces",
    perpetrator_category="police",
    victim_type="civilians",
    event_type="violence_against_civilians",
    killed=1,
)

# another outlet on the same shooting whose only place read is the victim's surname,
# resolved to a town of that name in Michigan
SURNAME_TOWN = replace(
    MEMPHIS,
    id=2,
    report=2,
    published=date(2017, 1, 22),
    admin1="Michigan",
    place="Walker",
    place_text="Walker",
    lat=42.99,
    lon=-85.77,
    keys=frozenset({("name", "darnell walker")}),
)


def sets(clusters: list) -> list[set[int]]:  # type: ignore[type-arg]
    return sorted(({u.id for u in c.members} for c in clusters), key=min)


def test_town_read_from_a_name_of_the_report_does_not_veto() -> None:
    """Two outlets on one police shooting in Memphis, one of them read as in Walker,
    Michigan, from the victim's surname: one event, not 'two towns 950 km apart'."""
    pair = score_pair(MEMPHIS, SURNAME_TOWN)
    assert pair.veto is None
    assert pair.score >= MatchSettings().threshold
    assert sets(match_units([MEMPHIS, SURNAME_TOWN])) == [{1, 2}]


def test_town_that_ends_a_longer_name_does_not_veto() -> None:
    """A surname ending a three-word name ("Anna Marie Walker") is a name's word too."""
    longer = replace(SURNAME_TOWN, keys=frozenset({("name", "anna marie walker")}))
    assert score_pair(MEMPHIS, longer).veto is None


def test_the_same_far_town_written_as_itself_still_vetoes() -> None:
    """Without the name, Walker is a town the report names: two shootings apart."""
    sure = replace(SURNAME_TOWN, keys=frozenset())
    assert score_pair(MEMPHIS, sure).veto is not None
    assert sets(match_units([MEMPHIS, sure])) == [{1}, {2}]


def test_a_town_qualified_by_a_name_word_stays_a_town() -> None:
    """'West Memphis' or 'Metro Nashville' qualify the town: the town stays sure."""
    qualified = replace(SURNAME_TOWN, keys=frozenset({("name", "metro walker")}))
    assert score_pair(MEMPHIS, qualified).veto is not None


# a New Year's Eve shooting: "Eve" resolved to a town named otherwise (an alias)
ALIAS = replace(
    MEMPHIS,
    id=3,
    report=3,
    admin1="Missouri",
    place="Ava",
    place_text="Eve",
    lat=36.95,
    lon=-92.66,
    perpetrator=None,
    perpetrator_category=None,
    keys=frozenset({("name", "rosa delgado")}),
)


def test_place_named_by_an_alias_pairs_through_a_person_named_in_both() -> None:
    """The victim with an age in one report and by name in the other, both published
    the same days: enough once the alias lifts the place veto."""
    aged = replace(MEMPHIS, keys=frozenset({("person", "rosa delgado")}))
    pair = score_pair(aged, ALIAS)
    assert pair.veto is None and pair.score >= 0.95
    assert sets(match_units([aged, ALIAS])) == [{1, 3}]


def test_two_alias_places_are_not_the_same_town() -> None:
    """Two reports that both read 'Eve' as Ava are not thereby in one town."""
    twin = replace(ALIAS, id=4, report=4, keys=frozenset())
    assert not score_pair(ALIAS, twin).reasons[1].startswith("same place")


def test_unsure_place_is_compared_across_countries() -> None:
    """A word read as a town abroad ('Metro' in Indonesia) is no reason to skip the
    pair: its country is as unsure as its town."""
    abroad = replace(
        ALIAS, country="ID", admin1="Lampung", place="Metro", place_text="Metro",
        keys=frozenset({("name", "metro lopez")}),
    )
    assert candidate_pairs([MEMPHIS, abroad])


def test_unsure_link_keeps_the_vetoes_of_the_groups_it_joins() -> None:
    """An unsure place lifts the veto of its own pair only: a group holding a sure
    town far away (another outlet's St. Paul shooting joined by the same named person)
    is not joined to the Memphis group through it."""
    paul = replace(
        MEMPHIS, id=2, report=2, admin1="Minnesota", place="Saint Paul",
        place_text="St. Paul", lat=44.95, lon=-93.09,
        keys=frozenset({("person", "ana ruiz")}),
    )
    alias = replace(ALIAS, keys=frozenset({("person", "ana ruiz"), ("name", "rosa delgado")}))
    aged = replace(MEMPHIS, id=7, report=7, keys=frozenset({("person", "rosa delgado")}))
    other = replace(MEMPHIS, id=8, report=8, keys=frozenset())
    assert score_pair(aged, alias).score >= MatchSettings().threshold
    assert sets(match_units([aged, other, alias, paul])) == [{2, 3}, {7, 8}]


def test_unsure_place_is_asked_for_everywhere() -> None:
    """The stored columns and the query by date agree with the matcher: an unsure
    place is `loose` (any candidate may pair with it) and narrows nothing."""
    columns = place_columns(
        SURNAME_TOWN.place_text, "point", SURNAME_TOWN.place, SURNAME_TOWN.admin1,
        SURNAME_TOWN.lat, SURNAME_TOWN.lon, SURNAME_TOWN.keys,
    )
    assert columns.loose
    assert vicinity(SURNAME_TOWN, MatchSettings()) is None
    assert vicinity(MEMPHIS, MatchSettings()) is not None


def test_a_town_placed_at_its_country_only_keeps_its_country() -> None:
    """A fallback to the country ("Chicago" placed in the United States only) is no
    alternate name: the pair with a report abroad is still not compared."""
    fallback = replace(
        MEMPHIS, place="United States", admin1=None, place_text="Chicago",
        place_precision="country", lat=None, lon=None,
    )
    abroad = replace(
        MEMPHIS, id=9, report=9, country="FR", admin1="Occitanie", place="Toulouse",
        place_text="Toulouse", lat=43.6, lon=1.44,
    )
    assert not candidate_pairs([fallback, abroad])
