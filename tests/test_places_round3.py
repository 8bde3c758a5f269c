"""Issue 10, places round two (our golden tests/golden/annotated/places-round2.jsonl,
stop 24): reports from the Sahel, Lake Chad, Nigeria's LGAs, Congo's territories,
Sudan, South Sudan, Somalia, Myanmar's townships, Syria and Iraq, Mexico, Colombia and
Haiti.

A headline often names a place by a name its province shares ("Kaduna", "Chihuahua",
"east of Aleppo", "north of Baghdad"); the body then says where inside that province
it happened. The body's town, "near" phrase or district refines the headline's place.
Every report here is written by us.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tollwatch.evaluate.metrics import haversine_km
from tollwatch.evaluate.normalise import same_admin1, same_place
from tollwatch.evaluate.predict import main_incident
from tollwatch.incidents.scope import refines_province_shorthand
from tollwatch.pipeline import Resources, extract
from tollwatch.records import PlaceMention, Report, Span
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "places-round2.jsonl"


def _mention(name: str, admin1: str, precision: str, sentence: int,
             country: str = "NG") -> PlaceMention:
    return PlaceMention(
        name=name, country=country, admin1=admin1, admin2=None, lat=0.0, lon=0.0,
        geonameid=None, precision=precision,  # type: ignore[arg-type]
        text=name, span=Span(0, len(name)), sentence=sentence,
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # the headline's "Kaduna" (city and state share the name), the body's LGA
        (("Kaduna", "Kaduna", "point", 0), ("Kajuru", "Kaduna", "admin2", 1), True),
        # a "near" phrase in the body refines "east of Aleppo" of the same province
        (("Aleppo", "Aleppo", "near", 0), ("Dayr Hafir", "Aleppo", "near", 1), True),
        # a town named otherwise than its province is no shorthand: precision decides
        (("Maiduguri", "Borno", "point", 0), ("Dikwa", "Borno", "point", 1), False),
        # the body's place in another province does not refine it
        (("Kaduna", "Kaduna", "point", 0), ("Jos", "Plateau", "point", 1), False),
        # the province itself later is no refinement
        (("Kaduna", "Kaduna", "point", 0), ("Kaduna", "Kaduna", "admin1", 1), False),
        # nor another place of the same sentence
        (("Kaduna", "Kaduna", "point", 1), ("Kajuru", "Kaduna", "admin2", 1), False),
    ],
    ids=["lga-in-state", "near-in-province", "plain-town", "other-province",
         "province-again", "same-sentence"],
)
def test_a_place_named_like_its_province_is_refined_inside_it(
    old: tuple[str, str, str, int], new: tuple[str, str, str, int], expected: bool
) -> None:
    assert refines_province_shorthand(_mention(*old), _mention(*new)) is expected


def _main_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    report = Report(id="t", text=text, published=date(2025, 5, 6), language="en")
    main = main_incident(extract(report, settings=settings, resources=resources))
    return main.place if main is not None else None


@pytest.mark.parametrize(
    ("text", "country", "admin1", "name"),
    [
        (
            "Bandits kill nine farmers in Katsina raid\n\n"
            "Nine farmers were shot dead in their fields in Faskari Local Government Area "
            "of Katsina State on Monday, police said.",
            "NG", "Katsina", "Faskari",
        ),
        (
            "Five dead in shooting in Zacatecas\n\n"
            "Gunmen killed five men at a party in the municipality of Fresnillo, "
            "Zacatecas, late on Saturday, state prosecutors said.",
            "MX", "Zacatecas", "Fresnillo",
        ),
        (
            "Three soldiers killed west of Homs\n\n"
            "A roadside bomb killed three soldiers near Tall Kalakh, in the western "
            "Homs countryside, a war monitor said.",
            "SY", "Homs", "Tall Kalakh",
        ),
    ],
    ids=["katsina-lga", "zacatecas-municipio", "west-of-homs"],
)
def test_the_body_says_where_in_the_headlines_province(
    text: str, country: str, admin1: str, name: str, settings: Settings,
    resources: Resources,
) -> None:
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == country
    assert same_admin1(admin1, place.admin1, country)
    assert same_place(name, place.name)


def test_a_headline_city_without_a_body_place_stays(
    settings: Settings, resources: Resources
) -> None:
    """Nothing in the body says more: the headline's city is kept."""
    text = ("Gunmen kill four in Kaduna\n\n"
            "Four people were killed when gunmen opened fire on a bus on Monday, "
            "police said.")
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == "NG" and place.name == "Kaduna"


# Known misses: the village is missing from the default gazetteer and the figure's
# telling names no province ("Sudan village"); the army's claim names the place while
# the headline's incident keeps "central Somalia" (docs/quality.md, "stop 24: geo9").
ADMIN1_KNOWN_MISSES = frozenset({"pl2-sudan-wad-al-noura", "pl2-somalia-el-buur"})


def test_places_round_two_countries_provinces_and_distance(
    settings: Settings, resources: Resources
) -> None:
    """Every report: the main incident's country is the gold's; the province too but
    for the known misses; and most land within 50 km of the gold point."""
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 30
    wrong_country, wrong_admin1, within = [], [], 0
    for record in records:
        report = Report(id=record["id"], text=record["text"], language="en",
                        published=date.fromisoformat(record["published"]))
        extraction = extract(report, settings=settings, resources=resources)
        gold = record["incidents"][0]
        same = [i for i in extraction.incidents
                if i.killed is not None and i.killed.best == gold["killed"]["best"]]
        main = same[0] if same else main_incident(extraction)
        place = main.place if main is not None else None
        if place is None or place.country != gold["country"]:
            wrong_country.append(record["id"])
            continue
        if not same_admin1(gold["admin1"], place.admin1, gold["country"]):
            wrong_admin1.append(record["id"])
        if place.lat is not None and place.lon is not None and haversine_km(
            gold["lat"], gold["lon"], place.lat, place.lon
        ) <= 50:
            within += 1
    assert wrong_country == []
    assert set(wrong_admin1) <= ADMIN1_KNOWN_MISSES
    assert within >= 36  # out of sample 31/46; after this stop's rules 36/46


@pytest.mark.parametrize(
    ("text", "country", "admin1", "admin2"),
    [
        # a department none of whose towns the default holds, in a report about its
        # country: its province, never Madagascar's Sava region read from the tail of
        # the compound name
        ("Cameroon: two herders were shot dead in Mayo-Sava department on Monday, a "
         "local official said.", "CM", "Far North", "Mayo-Sava"),
        # a Congolese territory ("territory" is a unit word) with no province beside it
        ("Militiamen killed seven villagers in Fizi territory in eastern DR Congo on "
         "Sunday, a civil society leader said.", "CD", "South Kivu", "Fizi"),
        # a Malian cercle
        ("Jihadists killed four soldiers in Bankass cercle on Friday, the army said.",
         "ML", "Mopti", None),
    ],
    ids=["cameroon-department", "congo-territory", "mali-cercle"],
)
def test_units_the_default_has_no_town_of_give_their_province(
    text: str, country: str, admin1: str, admin2: str | None, settings: Settings,
    resources: Resources,
) -> None:
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == country
    assert same_admin1(admin1, place.admin1, country)
    if admin2 is not None:
        assert place.admin2 == admin2


def test_a_unit_named_after_a_known_town_stays_at_the_town(
    settings: Settings, resources: Resources
) -> None:
    """"Tillia department" has no place of its own in the default, but the town of
    Tillia is known: the town (the seat) places it, not the province's centre."""
    text = "Gunmen killed eleven herders in Tillia department, Tahoua region, on Sunday."
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == "NE" and place.precision == "point"
    assert same_place("Tillia", place.name)


def test_a_border_beside_a_unit_is_not_its_container(
    settings: Settings, resources: Resources
) -> None:
    """"in Seno province near the border with Niger": the province is Burkina Faso's,
    the border names the country beyond it."""
    text = ("Burkina Faso: attack kills 15\n\nGunmen killed 15 civilians in Seno province "
            "near the border with Niger on Sunday, security sources said.")
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == "BF"
    assert same_admin1("Sahel", place.admin1, "BF")


def test_a_headline_country_takes_the_place_told_before_the_body_figure(
    settings: Settings, resources: Resources
) -> None:
    """The headline names only the country; the body says where, then gives the figure
    in a sentence of its own without a place."""
    text = ("Dozens killed in attack in Burkina Faso\n\n"
            "Militants attacked a cattle market outside Kaya in the Centre-Nord region "
            "on Friday. A local official said 31 people were killed.")
    place = _main_place(text, settings, resources)
    assert place is not None and place.country == "BF"
    assert same_admin1("Centre-Nord", place.admin1, "BF")
    assert place.precision not in ("country", "region")
