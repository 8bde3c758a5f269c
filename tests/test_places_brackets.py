"""Issue 10, third pass: a report's place without an incident, units written in brackets,
container towns, a country as an owner and the far side of a border.

Each report is a sentence we wrote; the whole pipeline runs on it and the place the
scorer reads (`document_prediction`) or the main incident's place is checked.
"""

from __future__ import annotations

from tollwatch.evaluate.predict import document_prediction, main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.places.fallback import document_place
from tollwatch.read import cleaning
from tollwatch.records import Extraction, PlaceMention, Report, Span
from tollwatch.settings import Settings


def _extract(text: str, settings: Settings, resources: Resources) -> Extraction:
    return extract(Report(id="t", text=text), settings=settings, resources=resources)


def _place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    extraction = _extract(text, settings, resources)
    main = main_incident(extraction)
    return main.place if main is not None else extraction.place


def test_a_report_without_an_incident_still_has_its_place(
    settings: Settings, resources: Resources
) -> None:
    """A coder's note on an arrest tells of no deaths, yet it says where: the document
    prediction carries the report's place and nothing else."""
    extraction = _extract(
        "On 4 May, police detained a teacher in Nasiriyah city after a sit-in over unpaid"
        " wages.",
        settings,
        resources,
    )
    assert extraction.place is not None
    prediction = document_prediction(extraction)
    assert prediction.country == "IQ"
    assert prediction.admin1 == "Dhi Qar"
    if not extraction.incidents:
        assert prediction.killed is None and not prediction.relevant


def test_no_place_without_one_in_the_text() -> None:
    assert document_prediction(Extraction(report_id="r")).country is None


def test_a_bracketed_province_of_the_second_level_keeps_the_village_in_its_country(
    settings: Settings, resources: Resources
) -> None:
    """Burkina Faso's provinces are admin2 units: a village the gazetteer lacks, spelled
    like a town abroad, gives way to the province in brackets after it."""
    place = _place(
        "On 3 March, gunmen shot dead two herders near the hamlet of Salem (Pissila,"
        " Sanmatenga) and took their cattle.",
        settings,
        resources,
    )
    assert place is not None
    assert (place.country, place.admin1) == ("BF", "Centre-Nord")


def test_a_country_among_another_countrys_containers_is_its_province(
    settings: Settings, resources: Resources
) -> None:
    """"(Niger, Shiroro)": Shiroro is a Nigerian district, so Niger is the state."""
    place = _place(
        "On 9 April, a roadside bomb killed two soldiers at Kuta Gari (Niger, Shiroro).",
        settings,
        resources,
    )
    assert place is not None
    assert (place.country, place.admin1) == ("NG", "Niger")


def test_a_bracketed_town_is_the_container_not_the_incident_place(
    settings: Settings, resources: Resources
) -> None:
    """"Burin village (Nablus, West Bank)": the figure is in Burin, not in Nablus city."""
    place = _place(
        "On 2 July, settlers attacked farmers in Burin village (Nablus, West Bank) and one"
        " farmer was killed by a stone.",
        settings,
        resources,
    )
    assert place is not None
    assert place.country == "PS"
    assert place.name == "Burin"


def test_a_country_as_the_owner_of_a_thing_is_not_the_place(
    settings: Settings, resources: Resources
) -> None:
    place = _place(
        "On 8 June, soldiers tried to raise Israel's flags at the gate of Burin village"
        " (Nablus, West Bank); one youth was shot dead.",
        settings,
        resources,
    )
    assert place is not None
    assert place.country == "PS"


def test_the_far_side_of_a_border_is_not_the_place(
    settings: Settings, resources: Resources
) -> None:
    place = _place(
        "A farmer was shot dead on a track outside Danli, close to the border with"
        " Nicaragua, on Sunday.",
        settings,
        resources,
    )
    assert place is not None
    assert place.country == "HN"


def _mention(text: str, start: int, country: str, precision: str = "point") -> PlaceMention:
    return PlaceMention(
        name=text, country=country, admin1=None, admin2=None, lat=1.0, lon=1.0,
        geonameid=None, precision=precision,  # type: ignore[arg-type]
        text=text, span=Span(start, start + len(text)), sentence=0, score=0.8,
    )


def test_a_lone_name_is_no_report_place_without_backing(settings: Settings) -> None:
    """Without an incident, one capitalised word alone ("a reading of the unrest") is
    too weak to place a report; a second place of its country or its type word backs it."""
    text = "Towards a Reading of the unrest in the hills"
    clean = cleaning.clean(Report(id="t", text=text), settings)
    lone = [_mention("Reading", 10, "GB")]
    assert document_place(clean, lone, "GB") is None
    text = "Crowds burned tyres in Reading, Berkshire"
    clean = cleaning.clean(Report(id="t", text=text), settings)
    backed = [_mention("Reading", 23, "GB"), _mention("Berkshire", 32, "GB", "admin1")]
    place = document_place(clean, backed, "GB")
    assert place is not None and place.name == "Reading"


def test_a_lone_name_written_as_a_container_is_backed(settings: Settings) -> None:
    """"Troops said they held Pisky Mali, Donetsk": the village is unknown, but the
    province written after it as its container is a place by its use."""
    text = "Troops said they held Pisky Mali, Donetsk"
    clean = cleaning.clean(Report(id="t", text=text), settings)
    province = [_mention("Donetsk", 34, "UA", "admin1")]
    place = document_place(clean, province, "UA")
    assert place is not None and place.country == "UA"


def test_a_province_abroad_before_a_foreign_container_gives_way(
    settings: Settings, resources: Resources
) -> None:
    """"Santa Cruz, San Juan-Laventille": a Trinidad district follows the name as its
    container, so the name is no Bolivian department; without a namesake there, the
    district places the figure."""
    place = _place(
        "A man was shot dead outside a bar in Santa Cruz, San Juan-Laventille, on Friday.",
        settings,
        resources,
    )
    assert place is not None
    assert place.country == "TT"
