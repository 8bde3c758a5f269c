"""Districts, townships, counties, LGAs and municipios resolve to an admin2 unit.

Short reports of our own; `find_places` and the whole pipeline run on them.
"""

from __future__ import annotations

import pytest

from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.places.admin2 import admin2_index, lookup_admin2
from tollwatch.places.gazetteer.model import GazetteerBuilder
from tollwatch.places.names import name_key
from tollwatch.records import PlaceMention, Report
from tollwatch.settings import Settings


def incident_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    assert main is not None, f"no incident in {text!r}"
    return main.place


@pytest.mark.parametrize(
    ("text", "country", "admin1", "admin2"),
    [
        (
            "Gunmen killed five farmers in Gwoza LGA of Borno State on Monday.",
            "NG",
            "Borno",
            "Gwoza",
        ),
        (
            "Three people were shot dead in Washtenaw County, Michigan.",
            "US",
            "Michigan",
            "Washtenaw County",
        ),
        (
            "Militants killed four soldiers in Kulgam district on Friday.",
            "IN",
            "Jammu and Kashmir",
            "Kulgam",
        ),
        (
            "Gunmen killed six men in the municipality of Aguililla, Michoacan.",
            "MX",
            None,
            "Aguililla",
        ),
    ],
)
def test_unit_phrase_is_an_admin2(
    text: str,
    country: str,
    admin1: str | None,
    admin2: str,
    settings: Settings,
    resources: Resources,
) -> None:
    place = incident_place(text, settings, resources)
    assert place is not None
    assert (place.country, place.precision, place.admin2) == (country, "admin2", admin2)
    if admin1:
        assert place.admin1 == admin1
    assert place.lat is not None and place.lon is not None
    assert place.rule == "places.v1.admin2"


def test_unknown_township_falls_back_to_the_province_beside_it(
    settings: Settings, resources: Resources
) -> None:
    """A village and township the gazetteer lacks: never a fragment of their names."""
    text = (
        "Two resistance fighters were killed in clashes near Nyaung Kan village, "
        "Pauk Kan township, Magway region."
    )
    place = incident_place(text, settings, resources)
    assert place is not None and place.country == "MM"
    assert place.admin1 == "Magway"
    assert place.precision in ("admin1", "admin2", "region")  # "Magway region"
    assert "Kan" not in (place.name or "")


def test_centroid_is_the_mean_of_the_units_places() -> None:
    b = GazetteerBuilder()
    b.add(
        "Alpha",
        [],
        country="ZZ",
        lat=10.0,
        lon=20.0,
        kind="place",
        admin1_code="01",
        admin2="Delta District",
        population=1000,
    )
    b.add(
        "Beta",
        [],
        country="ZZ",
        lat=12.0,
        lon=24.0,
        kind="place",
        admin1_code="01",
        admin2="Delta District",
        population=500,
    )
    b.add(
        "Gamma",
        [],
        country="ZZ",
        lat=50.0,
        lon=50.0,
        kind="place",
        admin1_code="02",
        admin2="Other",
        population=500,
    )
    gaz = b.finish()
    unit = lookup_admin2(gaz, "Delta")
    assert unit is not None
    assert (unit.country, unit.admin1_code, unit.places) == ("ZZ", "01", 2)
    assert (unit.lat, unit.lon) == (11.0, 22.0)
    assert name_key("Delta") in admin2_index(gaz)


def test_namesake_units_need_a_province_or_a_country() -> None:
    b = GazetteerBuilder()
    for code, lat in (("01", 1.0), ("02", 5.0)):
        b.add(
            f"Town{code}",
            [],
            country="ZZ",
            lat=lat,
            lon=1.0,
            kind="place",
            admin1_code=code,
            admin2="Twin",
            population=1000,
        )
    gaz = b.finish()
    assert lookup_admin2(gaz, "Twin") is None
    unit = lookup_admin2(gaz, "Twin", named_admin1=frozenset({"ZZ.02"}))
    assert unit is not None and unit.admin1_code == "02"


def test_unit_named_after_its_seat_takes_the_seats_point(
    settings: Settings, resources: Resources
) -> None:
    """Sources code a district's events at its seat town, not at the district's centre."""
    place = incident_place(
        "Militants killed four soldiers in Kulgam district on Friday.", settings, resources
    )
    town = next(p for p in resources.gazetteer.lookup("Kulgam") if p.country == "IN")
    assert place is not None and place.precision == "admin2"
    assert (place.lat, place.lon) == (round(town.lat, 5), round(town.lon, 5))


def test_other_unit_kind_is_not_taken(settings: Settings, resources: Resources) -> None:
    """A township is not the district of the same name it lies in."""
    place = incident_place(
        "Soldiers killed three villagers in Pyay township on Tuesday.", settings, resources
    )
    assert place is not None and place.country == "MM"
    assert place.admin2 != "Pyay District" or place.precision != "admin2"
