"""Issue 10, places round three (our golden tests/golden/annotated/places-round3.jsonl,
stop 24): wire reports filed from a capital about an incident elsewhere, border phrases
in en/fr/es/pt, namesakes abroad, camps and roads.

A bare dateline in capitals ("BAGHDAD -", "CÚCUTA.") opening the body names where the
report was filed when the lead then places the incident elsewhere in the same country;
a local paper's dateline over a shooting in its own city stays the place. A country
named before "border" is the neighbour. Every report here is written by us.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tollwatch.evaluate.metrics import haversine_km
from tollwatch.evaluate.normalise import same_admin1
from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.places.rules import BEYOND_RULE
from tollwatch.records import PlaceMention, Report
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "places-round3.jsonl"


def _main_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    report = Report(id="t", text=text, published=date(2025, 3, 4))
    main = main_incident(extract(report, settings=settings, resources=resources))
    return main.place if main is not None else None


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        (
            "Five farmers shot dead in northern Iraq\n\n"
            "BAGHDAD - Gunmen shot dead five farmers in their fields near Tuz Khurmatu in "
            "Salahuddin province on Monday, a local official said.",
            "IQ", "Salah ad Din",
        ),
        (
            "Gang raid leaves eleven dead in Haiti\n\n"
            "PORT-AU-PRINCE - Armed men killed eleven people in a night raid on a "
            "village of the Centre department, the civil protection agency said.",
            "HT", "Centre",
        ),
        (
            "Asesinan a seis hombres en Zacatecas\n\n"
            "MONTERREY.- Seis hombres fueron asesinados la madrugada del domingo en "
            "Fresnillo, Zacatecas, informó la fiscalía estatal.",
            "MX", "Zacatecas",
        ),
    ],
    ids=["town-and-province", "other-province", "spanish-full-stop-guard"],
)
def test_a_capitals_dateline_over_an_incident_elsewhere_is_the_source(
    text: str, country: str, admin1: str, settings: Settings, resources: Resources
) -> None:
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == country
    assert same_admin1(admin1, place.admin1, country)
    assert not place.is_source_location


def test_a_local_dateline_over_a_shooting_in_its_own_city_stays(
    settings: Settings, resources: Resources
) -> None:
    """Nothing in the lead lies away from the city: the dateline is the place."""
    text = ("Two men shot dead outside a bar\n\n"
            "DAYTON - Two men were shot dead early Sunday outside a bar on the city's "
            "west side, police said.")
    place = _main_place(text, settings, resources)
    assert place is not None and place.name == "Dayton"


def test_a_spanish_local_dateline_stays(settings: Settings, resources: Resources) -> None:
    """"GUADALAJARA.-" over a shooting in one of its neighbourhoods: the city."""
    text = ("Balacera deja cinco muertos\n\n"
            "GUADALAJARA.- Cinco personas murieron en un ataque armado en un bar de la "
            "colonia Americana, informó la fiscalía.")
    place = _main_place(text, settings, resources)
    assert place is not None and place.name == "Guadalajara"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kill seven herders near Benin border\n\n"
        "Gunmen killed seven herders on Monday in a village of Kwara state, police said.",
        "Smugglers kill four guards on the Benin frontier\n\n"
        "Four customs guards were killed on Monday in Kwara state, officials said.",
    ],
    ids=["near-x-border", "on-the-x-frontier"],
)
def test_a_country_before_border_is_the_neighbour(
    text: str, settings: Settings, resources: Resources
) -> None:
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == "NG"
    assert place.rule != BEYOND_RULE


def test_a_number_word_opening_a_spanish_headline_is_no_place(
    settings: Settings, resources: Resources
) -> None:
    """"Cinco" is a village in Mexico and in China; "Cinco muertos" is five dead."""
    text = ("Cinco muertos en ataque armado\n\n"
            "Cinco personas murieron el domingo en un ataque armado, informó la policía.")
    place = _main_place(text, settings, resources)
    assert place is None


# Known misses (docs/quality.md, "stop 24: geo10"): "Palma" in a Portuguese report
# resolves to Majorca's when the lead names Cabo Delgado (coded at the province); the
# Kutupalong camp is missing and "COX'S BAZAR" reads as Kyrgyzstan's Bazar-Korgon.
COUNTRY_KNOWN_MISSES = frozenset({"pl3-bangladesh-kutupalong-camp"})


def test_places_round_three_countries_provinces_and_distance(
    settings: Settings, resources: Resources
) -> None:
    """Every report but the known misses lands in the gold country; most in its
    province and within 50 km of the gold point."""
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 30
    wrong_country, admin1_hits, within = [], 0, 0
    for record in records:
        report = Report(id=record["id"], text=record["text"],
                        published=date.fromisoformat(record["published"]))
        place = _main_place_of(report, settings, resources)
        gold = record["incidents"][0]
        if place is None or place.country != gold["country"]:
            wrong_country.append(record["id"])
            continue
        admin1_hits += same_admin1(gold["admin1"], place.admin1, gold["country"])
        if place.lat is not None and place.lon is not None:
            within += haversine_km(gold["lat"], gold["lon"], place.lat, place.lon) <= 50
    assert set(wrong_country) <= COUNTRY_KNOWN_MISSES
    assert admin1_hits >= 25  # 18 of 30 before this stop's rules
    assert within >= 22  # 16 of 30 before


def _main_place_of(report: Report, settings: Settings,
                   resources: Resources) -> PlaceMention | None:
    main = main_incident(extract(report, settings=settings, resources=resources))
    return main.place if main is not None else None
