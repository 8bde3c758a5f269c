"""Issue 10, third pass: a town's surroundings, units below a province, and places that
name an armed group rather than where it fought.

Every report is our own invented text; the whole pipeline runs on it and the incident's
place is checked.
"""

from __future__ import annotations

import pytest

from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.places import rules
from tollwatch.records import PlaceMention, Report
from tollwatch.settings import Settings


def incident_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    assert main is not None, f"no incident in {text!r}"
    return main.place


@pytest.mark.parametrize(
    ("text", "name", "admin1", "precision"),
    [
        pytest.param(
            "On 3 May 2022, in the rural area of Buenaventura municipality (Valle del Cauca), "
            "guerrillas ambushed a patrol and killed two soldiers.",
            "Buenaventura", "Valle del Cauca", "near", id="rural-area-of-a-municipality",
        ),
        pytest.param(
            "On 8 June 2022, gunmen killed a farmer in the rural area of Convencion "
            "(Norte de Santander).",
            "Convencion", "Norte de Santander", "near", id="rural-area-of-a-town",
        ),
    ],
)
def test_the_area_of_a_town_is_near_the_town_not_its_province(
    text: str, name: str, admin1: str, precision: str, settings: Settings,
    resources: Resources,
) -> None:
    """"The rural area of X" is a part of the town X: nearer the town than the centre of
    the province named beside it, so it ranks before the province."""
    place = incident_place(text, settings, resources)
    assert place is not None
    assert (place.name, place.admin1, place.precision) == (name, admin1, precision)


@pytest.mark.parametrize(
    ("before", "after", "part_of"),
    [
        pytest.param("in the rural area of ", " municipality", True, id="area-of"),
        pytest.param("in the eastern part of the ", "", True, id="part-of-the"),
        pytest.param("in rural ", " with rockets", False, id="rural-adjective"),
        pytest.param("in northern ", ".", False, id="direction-adjective"),
    ],
)
def test_a_region_phrase_says_whether_it_is_a_part_of_the_name(
    before: str, after: str, part_of: bool
) -> None:
    """"Rural Damascus" and "northern Idlib" name an area that may be the province of
    that name; "the rural area of X" is a part of X itself."""
    shape = rules.shape(before, after, at_text_start=False)
    assert shape.precision == "region"
    assert shape.part_of is part_of


@pytest.mark.parametrize(
    ("phrase", "lower_unit"),
    [
        pytest.param(" corregimiento (Huila)", True, id="corregimiento"),
        pytest.param(" district, Basrah", True, id="district"),
        pytest.param(" LGA of Borno", True, id="lga"),
        pytest.param(" village tract", True, id="village-tract"),
        pytest.param(" province", False, id="province"),
        pytest.param(" governorate", False, id="governorate"),
        pytest.param(", killing two", False, id="no-unit"),
    ],
)
def test_unit_words_below_a_province(phrase: str, lower_unit: bool) -> None:
    assert (rules.LOWER_UNIT_AFTER.match(phrase) is not None) is lower_unit


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        pytest.param(
            "On 4 April 2022, Zamfara militiamen killed two herders in Kaduna state.",
            "Kaduna", id="militia-named-after-a-state",
        ),
        pytest.param(
            "On 9 May 2022, rival clans clashed in Al Qurnah, Basrah. The dispute was over "
            "farmland. Maysan operations commander sent troops to separate them. "
            "Three clansmen were killed.",
            "Basra", id="command-named-after-a-province",
        ),
    ],
)
def test_a_place_naming_an_armed_group_is_not_the_incident_place(
    text: str, admin1: str, settings: Settings, resources: Resources
) -> None:
    """"Kaduna militiamen", "Maysan operations commander": whose group or command, not
    where the incident was; the place named plainly wins, also from a sentence before."""
    place = incident_place(text, settings, resources)
    assert place is not None
    assert place.admin1 == admin1


def test_a_place_naming_an_armed_group_is_kept_when_nothing_else_is_named(
    settings: Settings, resources: Resources
) -> None:
    place = incident_place(
        "On 2 March 2022, Benue militiamen killed four farmers.", settings, resources
    )
    assert place is not None
    assert (place.country, place.admin1) == ("NG", "Benue")


def test_a_target_after_at_is_the_town_not_the_province_of_its_name(
    settings: Settings, resources: Resources
) -> None:
    """"Shelled ... at Mykolaiv": a province and its capital share the name; fire aimed at
    it lands on the town."""
    place = incident_place(
        "On 4 May 2022, Russian forces fired rockets at Mykolaiv, killing two civilians.",
        settings, resources,
    )
    assert place is not None
    assert (place.admin1, place.precision) == ("Mykolaiv", "point")


def test_of_two_units_in_a_chain_the_first_is_the_incident_place(
    settings: Settings, resources: Resources
) -> None:
    """"near X village (Ye township, Mawlamyine district, Mon state)": coder notes name a
    village by its containers, smallest first; the township, not the district."""
    place = incident_place(
        "On 2 March 2022, near Kyon Paw village (Ye township, Mawlamyine district, Mon "
        "state), soldiers shot dead two farmers.",
        settings, resources,
    )
    assert place is not None
    assert (place.name, place.admin1, place.precision) == ("Ye Township", "Mon", "admin2")


def test_a_town_abroad_that_alone_votes_for_its_country_yields_to_its_container(
    settings: Settings, resources: Resources
) -> None:
    """"at Khaldah junction (Aley)": Khaldah is missing from the gazetteer and matches an
    alternate name of a district of Amman, which alone speaks for Jordan; the town in
    brackets after it, Aley, says Lebanon."""
    place = incident_place(
        "On 2 February 2022, a man was shot dead during a quarrel at Khaldah junction (Aley).",
        settings, resources,
    )
    assert place is not None
    assert (place.name, place.country) == ("Aley", "LB")


def test_the_name_after_a_unit_of_is_its_province(
    settings: Settings, resources: Resources
) -> None:
    """"in Avasin region (Mergasur district) of Erbil": Erbil contains the district, so it
    is the province, and the district's town is the more precise place."""
    place = incident_place(
        "On 5 May 2022, drones struck a vehicle in Avasin region (Mergasur district) of "
        "Erbil, killing three fighters.",
        settings, resources,
    )
    assert place is not None
    assert (place.name, place.admin1, place.precision) == ("Mergasur", "Erbil", "near")


@pytest.mark.parametrize(
    ("phrase", "site"),
    [
        pytest.param(" Hospital", True, id="hospital"),
        pytest.param(" mosque", True, id="mosque"),
        pytest.param(" House in", True, id="house"),
        pytest.param(" city", False, id="city"),
        pytest.param(" Hills", False, id="hills"),
    ],
)
def test_a_building_word_after_a_name(phrase: str, site: bool) -> None:
    assert (rules.SITE_AFTER.match(phrase) is not None) is site


def test_a_building_named_after_a_place_is_not_the_incident_place(
    settings: Settings, resources: Resources
) -> None:
    """"stormed the Sindh House in Islamabad": the building bears a province's name; the
    town it stands in is the place."""
    place = incident_place(
        "On 2 April 2022, protesters stormed the Sindh House in Islamabad city and two "
        "guards were killed.",
        settings, resources,
    )
    assert place is not None
    assert (place.name, place.country) == ("Islamabad", "PK")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "On 3 June 2022, militants ambushed a convoy along the Bura-Garissa Road near "
            "Garissa town, killing two soldiers.",
            "Garissa", id="route-named-after-its-ends",
        ),
        pytest.param(
            "On 9 January 2022, near Zinapecuaro, Michoacan, the Los Correa Gang clashed "
            "with a rival cartel and three people were killed.",
            "Zinapecuaro", id="gang-named-after-a-family",
        ),
        pytest.param(
            "On 6 March 2022, in Paungde township (Bago region), soldiers shot dead a man "
            "near a tea shop on the Yangon-Pyay road.",
            "Paungde", id="near-a-route-end",
        ),
    ],
)
def test_routes_and_gangs_named_after_places_are_not_the_place(
    text: str, name: str, settings: Settings, resources: Resources
) -> None:
    place = incident_place(text, settings, resources)
    assert place is not None
    assert place.name is not None and place.name.startswith(name)
