"""Issue 10, fifth pass: a lone name that its words place, an exonym against a village
of that spelling, a country's abbreviation used as an adjective, and a town abroad
beside a well-spelled town of the report's country.

Each report is a sentence we wrote; the whole pipeline runs on it and the place the
scorer reads (the main incident's place, else the report's own place) is checked.
"""

from __future__ import annotations

import pytest

from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract, find_mentions
from tollwatch.places.fallback import document_place
from tollwatch.read import cleaning
from tollwatch.records import PlaceMention, Report, Span
from tollwatch.settings import Settings


def _place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    return main.place if main is not None else extraction.place


def _mention(text: str, start: int, country: str, precision: str = "point") -> PlaceMention:
    return PlaceMention(
        name=text, country=country, admin1=None, admin2=None, lat=1.0, lon=1.0,
        geonameid=None, precision=precision,  # type: ignore[arg-type]
        text=text, span=Span(start, start + len(text)), sentence=0, score=0.8,
    )


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Patrols were doubled overnight in Saltillo after the weekend", "Saltillo", "point"),
        ("Detienen a tres hombres en Saltillo tras una persecución", "Saltillo", "point"),
        ("Saltillo: patrols doubled after a violent weekend", "Saltillo", "point"),
        ("The army took back two hamlets east of Saltillo", "east of Saltillo", "near"),
    ],
    ids=["in", "en", "kicker", "spatial"],
)
def test_a_lone_name_placed_by_its_words_is_the_report_place(
    settings: Settings, text: str, name: str, precision: str
) -> None:
    """Without an incident a lone town counts when its words place it: a locative
    preposition, a headline's kicker before a colon, or a spatial phrase."""
    clean = cleaning.clean(Report(id="t", text=text), settings)
    lone = [_mention(name, text.index(name), "MX", precision)]
    place = document_place(clean, lone, "MX")
    assert place is not None and place.country == "MX"


def test_a_report_opening_with_a_town_is_placed_there(settings: Settings) -> None:
    """"Saltillo rivalries turn bitter": a mixed-case report that opens with a town
    written as its own name is about that town."""
    text = "Saltillo rivalries turn bitter"
    clean = cleaning.clean(Report(id="t", text=text), settings)
    place = document_place(clean, [_mention("Saltillo", 0, "MX")], "MX")
    assert place is not None and place.name == "Saltillo"


def test_a_lone_name_without_such_words_stays_unplaced(settings: Settings) -> None:
    """"The old Saltillo rivalries turn bitter": mid-sentence, with no preposition, type
    word, container or second place, the name alone does not place the report."""
    text = "The old Saltillo rivalries turn bitter"
    clean = cleaning.clean(Report(id="t", text=text), settings)
    assert document_place(clean, [_mention("Saltillo", 8, "MX")], "MX") is None


@pytest.mark.parametrize(
    "text",
    [
        "Two gunmen were killed when troops raided the Jenin camp before dawn.",
        "Jenin: a teenager was shot dead during a raid",
    ],
    ids=["camp", "kicker"],
)
def test_an_exonym_is_the_town_not_a_village_of_that_spelling(
    settings: Settings, resources: Resources, text: str
) -> None:
    """"Jenin" is the West Bank town's English name and a Polish village's own name;
    a village a tenth the size of its namesake gets no own-name bonus."""
    place = _place(text, settings, resources)
    assert place is not None
    assert place.country == "PS"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A U.S. aid worker was shot dead in Cali on Tuesday.", "CO"),
        (
            "TEGUCIGALPA, 4 MAY 90 (RADIO AMERICA) -- [TEXT] A U.S. MISSIONARY WAS KILLED"
            " YESTERDAY BY UNIDENTIFIED MEN. THE HONDURAN POLICE ARE SEARCHING FOR THEM.",
            "HN",
        ),
        ("Two people were shot dead in the U.S. on Friday, officials said.", "US"),
    ],
    ids=["mixed-case", "wire", "the-place"],
)
def test_a_country_abbreviation_before_a_noun_is_an_adjective(
    settings: Settings, resources: Resources, text: str, country: str
) -> None:
    """"A U.S. missionary": whose, not where; "in the U.S." is still the place."""
    place = _place(text, settings, resources)
    assert place is not None
    assert place.country == country


def test_a_neighbourhood_of_a_town_is_in_that_town(
    settings: Settings, resources: Resources
) -> None:
    """"en un fraccionamiento de Tampico": a lower-case type word and a bare "de" say
    "a subdivision of Tampico", so the town is the place (unlike "Colonia del Valle",
    a neighbourhood's own name)."""
    place = _place(
        "Asesinan a un comerciante en un fraccionamiento de Tampico; huyeron en una moto",
        settings,
        resources,
    )
    assert place is not None
    assert (place.country, place.name) == ("MX", "Tampico")


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Oaxaca y el luto de una familia", "Oaxaca", "Oaxaca"),
        ("Refuerzan la vigilancia en la sierra de Veracruz", "Veracruz",
         "Veracruz de Ignacio de la Llave"),
    ],
    ids=["same-name", "official-name"],
)
def test_a_lone_town_named_like_its_province_is_the_report_place(
    settings: Settings, text: str, name: str, admin1: str
) -> None:
    """A lone name that is both a town and the province it heads ("Oaxaca") names the
    province whichever is meant; the province's official "de ..." tail aside."""
    clean = cleaning.clean(Report(id="t", text=text), settings)
    lone = [
        PlaceMention(
            name=name, country="MX", admin1=admin1, admin2=None, lat=1.0, lon=1.0,
            geonameid=None, precision="point", text=name,
            span=Span(text.index(name), text.index(name) + len(name)), sentence=0, score=0.5,
        )
    ]
    place = document_place(clean, lone, "MX")
    assert place is not None and place.name == name


def test_a_country_named_by_its_name_beats_a_small_town_of_the_main_country(
    settings: Settings, resources: Resources
) -> None:
    """A wire report filed in Mexico names El Salvador, the country, not the Jalisco
    hamlet of that name: a country written as its name is never penalised as a country
    the report is not about, and its namesake towns get no own-name bonus."""
    text = (
        "MEXICO CITY, 3 FEB 90 (NOTIMEX) -- [TEXT] MEXICO TODAY DEPLORED THE KILLING OF"
        " TWO TEACHERS IN EL SALVADOR, A FOREIGN MINISTRY STATEMENT SAID."
    )
    report = Report(id="t", text=text)
    mentions = find_mentions(cleaning.clean(report, settings), report, settings, resources)
    named = [p for p in mentions.places if p.text.replace("\n", " ") == "EL SALVADOR"]
    assert named and all(p.country == "SV" and p.precision == "country" for p in named)


def test_central_america_is_no_part_of_the_united_states(
    settings: Settings, resources: Resources
) -> None:
    """"the Jesuits in Central America": a part of a continent, not the US's centre."""
    text = "Church groups in Central America said two catechists were shot dead in Honduras."
    report = Report(id="t", text=text)
    mentions = find_mentions(cleaning.clean(report, settings), report, settings, resources)
    assert all(p.country != "US" for p in mentions.places)
