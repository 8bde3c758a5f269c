"""Issue 10, places round five (our golden tests/golden/annotated/places-round5.jsonl,
stop 26): camps (Zamzam, Abu Shouk, Kutupalong, al-Hol, Rukban), Myanmar townships (Kani,
Depayin/Tabayin, Pauk, Gangaw), towns named alone in a report about their country (Qunduz,
Palma), "X Division", "X territory", hyphenated compounds (Dasht-e-Barchi,
Mazar-i-Sharif), Mexican municipios with their state, "the capital", colonial names.

Scored once on the unchanged code (575eed6): country 24 of 30, admin1 20, within 50 km 17
of 29, five over 1,000 km. This round adds a short bundled list of camps and township
seats (data/gazetteer/conflict_places.csv), reads "-i-" inside a name as "-e-" is read,
takes an article hyphened to a common word ("Al-Shabaab") for that word, no place, and
reads "who fled Myanmar" as where the victims came from (places/rules.BEYOND_BEFORE).
After: country 30, admin1 30, within 50 km 29 of 29 (in sample for the bundled names).
Every report here is written by us.
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
from tollwatch.places.gazetteer.build import data_rows
from tollwatch.records import PlaceMention, Report
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "places-round5.jsonl"


def _main_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    """The main incident's place, else the report's (as bench/golden_places.py scores:
    a toll miss should not hide the place)."""
    report = Report(id="t", text=text, published=date(2025, 3, 4))
    extraction = extract(report, settings=settings, resources=resources)
    main = main_incident(extraction)
    return main.place if main is not None else extraction.place


@pytest.mark.parametrize(
    ("text", "country", "admin1", "lat", "lon"),
    [
        ("Shelling hits Darfur camp\n\nShells fell on Zamzam camp on Monday, killing "
         "five displaced people, medics said.", "SD", "Northern Darfur", 13.49, 25.30),
        ("Drone kills three near desert camp\n\nA drone strike near the Rukban camp in "
         "Syria's desert killed three people, residents said.", "SY", "Homs", 33.30, 38.68),
        ("Troops kill five in Sagaing\n\nSoldiers shot dead five villagers in Kani Township "
         "on Tuesday, resistance groups said.", "MM", "Sagaing Region", 22.43, 94.85),
        ("Attack on police station in Magway\n\nResistance fighters killed nine police "
         "officers in an attack in Pauk on Sunday, they said.", "MM", "Magway", 21.45, 94.46),
        ("Insurgents kill six in Mozambique\n\nInsurgents killed six fishermen near Palma "
         "at the weekend, Mozambique's army said.", "MZ", "Cabo Delgado Province",
         -10.78, 40.47),
    ],
    ids=["zamzam", "rukban-syrian-side", "kani-township", "pauk", "palma-mozambique"],
)
def test_a_bundled_camp_or_township_is_found(
    text: str, country: str, admin1: str, lat: float, lon: float,
    settings: Settings, resources: Resources,
) -> None:
    """Places GeoNames' 500+ list lacks: not the Japanese Kani, the Jordanian Rukban or
    Palma de Mallorca, and not the region or country only."""
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == country
    assert same_admin1(admin1, place.admin1, country)
    assert place.lat is not None and place.lon is not None
    assert haversine_km(lat, lon, place.lat, place.lon) <= 25


def test_palma_alone_stays_majorca_without_a_mozambican_context(
    settings: Settings, resources: Resources
) -> None:
    """The bundled Palma is a small town: a report with nothing of Mozambique keeps the
    Spanish city."""
    place = _main_place("Two men were stabbed to death in a bar brawl in Palma on Saturday, "
                        "Spanish police said.", settings, resources)
    assert place is not None and place.country == "ES"


def test_every_bundled_place_row_is_well_formed() -> None:
    """Nine columns, a known country code, a position on the globe."""
    rows = [r for r in data_rows("conflict_places.csv") if r[0] != "name"]
    assert len(rows) >= 15
    for row in rows:
        assert len(row) == 9, row
        assert len(row[2]) == 2 and row[3].startswith(row[2] + "."), row
        assert -90 <= float(row[4]) <= 90 and -180 <= float(row[5]) <= 180, row


def test_the_persian_link_i_is_read_inside_a_name(
    settings: Settings, resources: Resources
) -> None:
    """ "Mazar-i-Sharif" was "Mazar" (a Jordanian village); "-i-" links as "-e-" does."""
    place = _main_place("Three people were killed in a bombing at the governor's office in "
                        "Mazar-i-Sharif on Thursday, officials said.", settings, resources)
    assert place is not None and place.country == "AF"
    assert same_admin1("Balkh", place.admin1, "AF")


def test_an_armed_group_with_its_article_is_no_place(
    settings: Settings, resources: Resources
) -> None:
    """ "Al-Shabaab" matched an Iranian "Shabāb" and made the Somali capital Tehran."""
    place = _main_place("A car bomb exploded at a checkpoint in the capital on Saturday, "
                        "killing six people, Somali police said. Al-Shabaab said it carried "
                        "out the attack.", settings, resources)
    assert place is not None and place.country == "SO"
    assert place.name == "Mogadishu"


def test_the_country_people_fled_is_not_the_incidents(
    settings: Settings, resources: Resources
) -> None:
    """ "Rohingya who fled Myanmar": where the victims came from, not where they died."""
    place = _main_place("Two refugees were shot dead in Balukhali camp, home to Rohingya who "
                        "fled Myanmar, police said on Monday.", settings, resources)
    assert place is not None and place.country == "BD"


def test_every_report_keeps_its_document_toll(settings: Settings, resources: Resources) -> None:
    assert doc_toll_misses(GOLDEN, settings, resources, at_least=31) == KNOWN_TOLL_MISSES


# figures, not places (out of sample, left to the toll rules): "3 fatalities." after a
# bracketed container, "The body of ... was found", "says it killed 14 junta soldiers"
KNOWN_TOLL_MISSES: list[tuple[str, int | None, int]] = [
    ("pl5-sd-zamzam-note", 3, 0), ("pl5-sy-alhol-lead", 1, 0), ("pl5-mm-arakan", 14, 0),
]

# Known misses after this round (see docs/quality.md, stop 26: geo12).
COUNTRY_KNOWN_MISSES: frozenset[str] = frozenset()
ADMIN1_KNOWN_MISSES = COUNTRY_KNOWN_MISSES | frozenset()


def test_places_round_five_countries_provinces_and_distance(
    settings: Settings, resources: Resources
) -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 31
    wrong_country, wrong_admin1, within, far = set(), set(), 0, 0
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
        if place.lat is not None and place.lon is not None and "lat" in gold:
            km = haversine_km(gold["lat"], gold["lon"], place.lat, place.lon)
            within += km <= 50
            far += km > 1000
    assert wrong_country <= COUNTRY_KNOWN_MISSES
    assert wrong_admin1 <= ADMIN1_KNOWN_MISSES
    assert within >= 29  # 17 of 29 before this round's rules
    assert far == 0  # 5 before
