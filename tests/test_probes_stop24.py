"""Reports of our own written at the start of stop 24 (tests/golden/annotated/probes-stop24.jsonl,
scored once on the unchanged code: 18 of 24 document tolls right), and the rules their misses
led to: "hacked and shot to death N", a market fire as an accident, the French, Spanish,
Portuguese and Arabic names of countries, a figure with a definite article as a part of the
toll before it, the headline's figure told again a day off, "them" after the killers' own
subject, and a country over a border as no incident's place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.places.gazetteer.build import translated_country_names
from tollwatch.settings import Settings

PROBES = Path(__file__).resolve().parent / "golden" / "annotated" / "probes-stop24.jsonl"


def _extract(text: str, settings: Settings, resources: Resources, language: str = "en"):
    report = Report(id="p", text=text, language=language, published=date(2025, 5, 21))
    return extract(report, settings=settings, resources=resources)


# Left: a police statement that "security forces killed 22 Maoists" (a state's claim,
# annotation rule 6) whose headline and recovered bodies are read as deaths, beside the
# one jawan killed (1).
KNOWN_MISSES = {"p24-en-india-maoists"}


def test_every_probe_keeps_its_document_toll(settings: Settings, resources: Resources) -> None:
    misses = {rid for rid, _, _ in doc_toll_misses(PROBES, settings, resources, at_least=24)}
    assert misses <= KNOWN_MISSES


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Suspected rebels hacked and shot to death at least 38 villagers in Ituri on Sunday.", 38),
        ("Gunmen shot to death two police officers in Guerrero on Monday.", 2),
        ("Attackers stabbed to death three farmers near Jos on Friday.", 3),
    ],
    ids=["hacked-and-shot", "shot", "stabbed"],
)
def test_killed_to_death_before_the_figure(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources).toll() == toll


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Fire at Dakar market kills five\n\nFive people died on Saturday in a fire that swept "
         "through part of the Sandaga market in Dakar, firefighters said.", "en"),
        ("Un incendie dans un marché de Dakar fait cinq morts\n\nCinq personnes ont péri samedi "
         "dans un incendie qui a ravagé le marché Sandaga, selon les sapeurs-pompiers.", "fr"),
    ],
    ids=["en", "fr"],
)
def test_a_market_fire_is_an_accident(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    result = _extract(text, settings, resources, language)
    assert result.relevance is not None and not result.relevance.relevant
    assert result.toll() is None


def test_an_arson_fire_stays_violence(settings: Settings, resources: Resources) -> None:
    text = ("Gunmen set fire to market in Borno, killing 9\n\nSuspected Boko Haram gunmen set fire "
            "to a market in Borno state, killing nine traders, police said. The fire swept "
            "through dozens of stalls.")
    assert _extract(text, settings, resources).toll() == 9


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("Tchad : neuf soldats tués\n\nNeuf soldats ont été tués dans une attaque, selon "
         "l'armée.", "fr", "TD"),
        ("Centrafrique : neuf civils tués\n\nNeuf civils ont été tués dans une attaque.",
         "fr", "CF"),
        ("Burkina : douze civils tués\n\nDouze civils ont été tués lors d'une attaque contre le "
         "village de Tin, selon des sources locales.", "fr", "BF"),
        ("Marruecos: dos muertos en un ataque\n\nDos personas murieron en un ataque armado.",
         "es", "MA"),
        ("Moçambique: cinco mortos em ataque\n\nCinco pessoas foram mortas por insurgentes.",
         "pt", "MZ"),
        ("تشاد: مقتل تسعة جنود\n\nقتل تسعة جنود في هجوم.", "ar", "TD"),
    ],
    ids=["tchad", "centrafrique", "burkina-not-a-namesake", "marruecos", "mocambique", "arabic"],
)
def test_country_names_in_the_languages_read(
    text: str, language: str, country: str, settings: Settings, resources: Resources
) -> None:
    incidents = _extract(text, settings, resources, language).incidents
    assert incidents and incidents[0].place is not None
    assert incidents[0].place.country == country


@pytest.mark.parametrize(
    "text",
    ["Gunmen killed two people in Sara.", "A bomb killed two people in Brussels.",
     "Two tourists were killed in Antalya."],
    ids=["sara", "brussels", "antalya"],
)
def test_country_names_of_other_languages_take_no_english_name(
    text: str, settings: Settings, resources: Resources
) -> None:
    place = _extract(text, settings, resources).incidents[0].place
    assert place is None or place.country not in {"SY", "BR", "IT"}


def test_translated_names_leave_out_inverted_forms_and_vowel_marks() -> None:
    names = {name for _, name in translated_country_names()}
    assert "تشاد" in names and "الصومال" in names
    assert not any("," in name or "\u0651" in name for name in names)


def test_the_definite_figure_is_a_part(settings: Settings, resources: Resources) -> None:
    text = ("Police raid in Rio leaves 64 dead\n\nUma operação policial nos complexos do Alemão e "
            "da Penha deixou 64 mortos nesta terça-feira, entre eles quatro policiais, segundo o "
            "governo do estado.\n\nO governador afirmou que os 60 suspeitos mortos eram "
            "criminosos.")
    assert _extract(text, settings, resources, "pt").toll() == 64


def test_a_caption_a_day_later_does_not_split_the_headline(
    settings: Settings, resources: Resources
) -> None:
    text = ("Seven killed as gunmen open fire on passenger bus in Balochistan\n\nPhoto: Security "
            "personnel inspect the site in Kalat district, Balochistan, on Wednesday. Seven "
            "passengers were killed. (AP)\n\nQUETTA: Gunmen stopped a passenger bus on the highway "
            "in Kalat district late on Tuesday, checked the identity cards of the travellers and "
            "shot dead seven of them, the deputy commissioner said.")
    assert _extract(text, settings, resources).toll() == 7


def test_them_after_the_killers_subject_are_victims(
    settings: Settings, resources: Resources
) -> None:
    text = ("QUETTA: Gunmen stopped a bus, checked the identity cards of the travellers and shot "
            "dead seven of them, police said.")
    incidents = _extract(text, settings, resources).incidents
    assert [i.perpetrator_dead for i in incidents if i.killed] == [False]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Niger: six gendarmes and two civilians killed in Makalondi\n\nSix gendarmes were killed "
         "on Friday in an attack on their post in Makalondi, near the border with Burkina Faso, "
         "the ministry said.\n\nTwo civilians were also killed by the attackers, who then fled "
         "towards Burkina Faso.", "en"),
        ("Niger : six gendarmes et deux civils tués à Makalondi\n\nSix gendarmes ont été tués "
         "vendredi dans l'attaque de leur poste à Makalondi, près de la frontière avec le Burkina "
         "Faso.\n\nDeux civils ont également été tués par les assaillants, qui sont repartis vers "
         "le Burkina.", "fr"),
    ],
    ids=["en", "fr"],
)
def test_the_country_over_the_border_is_not_the_place(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    result = _extract(text, settings, resources, language)
    assert result.toll() == 8
    assert {i.place.country for i in result.incidents if i.place} == {"NE"}
