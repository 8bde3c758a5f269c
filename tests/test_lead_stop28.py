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
