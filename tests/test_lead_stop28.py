"""The lead's rules of stop 28, written at the merge: country names written in French or
Spanish with lower-case inner words, and the French elided "d'" before a town
(docs/quality.md, stop 28, the merge). Every report here is written by us."""

from __future__ import annotations

import pytest

from golden_support import extract_text
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings


def _places(text: str, language: str, settings: Settings,
            resources: Resources) -> list[tuple[str | None, str | None]]:
    result = extract_text(text, language, settings, resources)
    return [(i.place.country, i.place.name) for i in result.incidents if i.place is not None]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Six villageois ont été tués par des miliciens dans l'est de la République "
         "démocratique du Congo, selon des sources locales.", "fr"),
        ("Six villageois ont été tués par des miliciens dans l'est de la RD Congo, selon "
         "des sources locales.", "fr"),
        ("Seis aldeanos fueron asesinados por milicianos en el este de la República "
         "democrática del Congo.", "es"),
    ],
)
def test_the_democratic_republic_written_in_french_or_spanish_is_not_the_other_congo(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    assert _places(text, language, settings, resources) == [("CD", None)]


def test_the_elided_preposition_before_a_town_is_not_part_of_its_name(
    settings: Settings, resources: Resources
) -> None:
    text = ("Neuf civils ont été tués mardi soir près d'Oicha, dans le territoire de Beni, "
            "par des rebelles ADF.")
    places = _places(text, "fr", settings, resources)
    assert places and places[0][0] == "CD"
    assert places[0][1] is not None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deux gendarmes ont été tués lundi dans le nord de la Côte d'Ivoire.", "fr"),
        ("Two gendarmes were killed on Monday in northern Côte d'Ivoire.", "en"),
        ("Two gendarmes were killed on Monday in northern Cote d'Ivoire.", "en"),
    ],
)
def test_the_country_with_an_elided_de_in_its_name_is_read(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    assert [country for country, _ in _places(text, language, settings, resources)] == ["CI"]


def test_a_war_long_toll_and_the_same_periods_dead_are_background(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "An air strike killed three people in a car in Khan Younis on Monday, medics said.\n\n"
        "The health ministry said 410 people have been killed by Israeli fire since the truce. "
        "Israel says three of its soldiers have been killed by militants over the same "
        "period.\n\n"
        "The territory has been ruined by more than two years of an Israeli offensive that "
        "killed over 70,000 people, according to local health authorities."
    )
    assert extract_text(text, "en", settings, resources).toll() == 3


def test_the_story_a_read_also_header_links_to_is_not_the_reports(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "ارتفاع حصيلة اشتباكات مدينة الزاوية إلى 12 قتيلا\n\n"
        "أعلن مركز طبي، اليوم، ارتفاع حصيلة الاشتباكات المسلحة في مدينة الزاوية إلى 12 "
        "قتيلا و30 جريحا.\n\n"
        "إقرأ أيضاً:\n\n"
        "ارتفاع حصيلة القتلى في السودان إلى 20 ألفا\n"
        "أعلنت منظمة دولية، اليوم، ارتفاع حصيلة القتلى في السودان إلى 20 ألفا منذ بدء الحرب."
    )
    assert extract_text(text, "ar", settings, resources).toll() == 12


def test_a_read_also_line_inside_the_article_leaves_the_rest_of_it(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Gunmen kill four in Zamfara village\n\n"
        "Gunmen killed four farmers in a village of Zamfara State on Tuesday, police said.\n\n"
        "Read also:\n\n"
        "Bandits abduct 20 travellers on Kaduna highway\n\n"
        "A police spokesman said two more bodies were found on Wednesday, raising the "
        "toll to six."
    )
    assert extract_text(text, "en", settings, resources).toll() == 6


def test_a_first_name_after_a_coarse_lead_is_no_town(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Five people were shot at a street festival in the United States on Sunday.\n\n"
        "Four of the victims are in stable condition, police said.\n\n"
        "Cameron Whitfield learned from a friend that his brother had been hit."
    )
    for incident in extract_text(text, "en", settings, resources).incidents:
        assert incident.place is None or incident.place.name != "Cameron"


def test_the_town_said_after_a_coarse_lead_still_places_it(
    settings: Settings, resources: Resources
) -> None:
    text = ("Gunmen killed four policemen in northwest Pakistan on Monday, officials said.\n"
            "The attackers fired on a checkpoint in Hangu Tuesday night, a police officer "
            "said.")
    places = _places(text, "en", settings, resources)
    assert places and places[0][0] == "PK" and places[0][1] is not None
    assert "Hangu" in places[0][1]
