"""Stop 26 (issues 9 and 10): places that went to the wrong country.

A local station's county dateline votes for its state ("HORRY COUNTY, SC (WMBF) -": the
report's Conway is South Carolina's); an acronym in capitals that spells no place's name
("el ELN") is an actor, not Elne in France; the subject of a speech verb with its article
("añadió la Defensa") is an institution, not La Defensa in Veracruz.
"""

from __future__ import annotations

import re

import pytest

from tollwatch.places.context import county_dateline_state
from tollwatch.places.gazetteer import Gazetteer, load_gazetteer
from tollwatch.places.geocode import find_places
from tollwatch.records import CleanText, PlaceMention, Sentence, Span
from tollwatch.settings import Settings

SETTINGS = Settings()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(SETTINGS)


def places_in(gaz: Gazetteer, text: str) -> list[PlaceMention]:
    sentences = [
        Sentence(i, Span(m.start(), m.end()), m.group())
        for i, m in enumerate(re.finditer(r"[^\n.]+(?:\.(?!\d)|\n|$)", text))
        if m.group().strip()
    ]
    sentences = [Sentence(i, s.span, s.text) for i, s in enumerate(sentences)]
    clean = CleanText("t", text, tuple(sentences), upper=False)
    return find_places(clean, clean.sentences, gaz, SETTINGS)


def named(mentions: list[PlaceMention], surface: str) -> list[PlaceMention]:
    return [m for m in mentions if surface in m.text]


def test_county_dateline_votes_for_its_state(gaz: Gazetteer) -> None:
    text = (
        "Deputies investigate deadly shooting\n\n"
        "HORRY COUNTY, SC (WXYZ) - A woman was shot dead outside a store near Conway "
        "late on Friday, the coroner said.\n\n"
        "Maria Lowe, 52, of Conway, died at the scene."
    )
    found = named(places_in(gaz, text), "Conway")
    assert found and all(m.admin1 == "South Carolina" for m in found)


def test_county_dateline_state_reads_the_station_line(gaz: Gazetteer) -> None:
    assert county_dateline_state(gaz, "Headline\n\nPOLK COUNTY, FL (WFLA) - A man") == "FL"
    assert county_dateline_state(gaz, "Headline\n\nPolk County, IA (KCCI) -- A man") == "IA"
    assert county_dateline_state(gaz, "POLK COUNTY, ZZ (WFLA) - A man") is None  # no state
    assert county_dateline_state(gaz, "A man from Polk County, FL (WFLA) - died") is None


def test_without_dateline_conway_is_not_forced_to_south_carolina(gaz: Gazetteer) -> None:
    text = "LITTLE ROCK, Ark. (AP) - A man was shot dead in Conway on Friday, police said."
    found = named(places_in(gaz, text), "Conway")
    assert found and all(m.admin1 == "Arkansas" for m in found)


def test_actor_acronym_is_no_place(gaz: Gazetteer) -> None:
    text = (
        "Combates entre el ELN y disidencias dejan 30 muertos en el Catatumbo.\n\n"
        "CÚCUTA.- Los enfrentamientos entre el Ejército de Liberación Nacional (ELN) y las "
        "disidencias dejaron 30 muertos en Norte de Santander, informó la Defensoría."
    )
    found = places_in(gaz, text)
    assert not named(found, "ELN")
    assert all(m.country == "CO" for m in found)


def test_acronym_that_spells_a_place_stays(gaz: Gazetteer) -> None:
    found = places_in(gaz, "Two men were shot dead in the DRC on Monday, police said.")
    assert [m.country for m in named(found, "DRC")] == ["CD"]


def test_dateline_in_capitals_is_no_acronym(gaz: Gazetteer) -> None:
    text = "Headline here\n\nLA PORTE, Texas - A 90-year-old man was shot dead on Friday."
    assert [m.name for m in named(places_in(gaz, text), "LA PORTE")] == ["La Porte"]


def test_speaker_after_speech_verb_is_no_place(gaz: Gazetteer) -> None:
    text = (
        "APATZINGÁN, Mich.- Dos soldados murieron en una emboscada en Apatzingán. "
        "Tres agresores fueron abatidos, añadió la Defensa, que aseguró cinco armas."
    )
    found = places_in(gaz, text)
    assert not named(found, "Defensa")
    assert {m.country for m in found} == {"MX"}


def test_article_name_in_venezuelan_report(gaz: Gazetteer) -> None:
    """The headline's lone "El Callao" follows the body's, which its state places in
    Venezuela (stop 28, places/namesakes.py; was a known miss)."""
    text = (
        "Operativo en mina de El Callao deja seis muertos\n\n"
        "PUERTO ORDAZ.- Seis personas murieron en la mina, en el municipio El Callao del "
        "estado Bolívar, y los cuerpos fueron llevados a la morgue de Guasipati."
    )
    found = named(places_in(gaz, text), "El Callao")
    assert found and all(m.country == "VE" for m in found)
