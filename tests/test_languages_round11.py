"""Round eleven of the languages (tests/golden/annotated/languages-round11.jsonl): Sahel
army communiqués, DRC and Haiti in French, Mexican prosecutors' figures, Colombian
massacres and Ecuador's prisons in Spanish, Brazilian police operations, Cabo Delgado and
Angola in Portuguese, Sudan, Gaza, Yemen, Syria and Libya in Arabic. One sentence or short
report per rule the round's misses taught, written for tollwatch, nothing copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures
from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

ROUND11 = Path(__file__).parent / "golden" / "annotated" / "languages-round11.jsonl"


def _toll(text: str, language: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="r11", text=text, language=language, published=date(2025, 6, 10))
    return document_toll(extract(report, settings=settings, resources=resources))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Le communiqué de l'armée fait état de trois militaires tombés et de "
                     "neuf blessés.", [3], id="fallen-before-the-wounded"),
        pytest.param("Deux gendarmes tombés, quatre blessés : le bilan de l'embuscade.", [2],
                     id="fallen-before-a-comma"),
        pytest.param("Cinq soldats sont tombés au combat lors de l'attaque du poste.", [5],
                     id="fallen-in-combat"),
        pytest.param("Six militaires sont tombés dans une embuscade près de la frontière.", [],
                     id="fell-into-an-ambush-is-no-death"),
        pytest.param("Deux soldats sont tombés de leur camion sur la piste.", [],
                     id="fell-off-a-truck-is-no-death"),
    ],
)
def test_fallen_soldiers_in_french(text: str, expected: list[int]) -> None:
    assert killed_figures(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Hallan a dos hombres asesinados en Tijuana\n\nDos hombres fueron "
                     "asesinados a balazos el lunes en Tijuana. Con ellos suman más de 300 "
                     "homicidios en la ciudad desde que inició la ola de violencia.", "es", 2,
                     id="es-since-the-fight-began"),
        pytest.param("Ataque deixa três mortos em Pemba\n\nTrês civis foram mortos a tiro na "
                     "terça-feira em Pemba. Mais de 4.000 pessoas foram mortas desde que "
                     "começou a insurgência.", "pt", 3, id="pt-since-the-fight-began"),
        pytest.param("Quatre civils tués à Beni\n\nQuatre civils ont été tués mardi à Beni. "
                     "Plus de 5 000 personnes ont été tuées depuis que la guerre a éclaté.", "fr",
                     4, id="fr-since-the-war-broke-out"),
    ],
)
def test_a_total_since_the_fight_began_is_background(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


def test_round_eleven_document_tolls(settings: Settings, resources: Resources) -> None:
    assert doc_toll_misses(ROUND11, settings, resources, at_least=32) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("قتلت قوات الدعم السريع تسعة مدنيين في هجوم على سوق القرية.", [9],
                     id="a-party-of-three-words-between-verb-and-figure"),
        pytest.param("قتلت القوات 4 مهربين قرب الحدود.", [4], id="the-forces-with-the-article"),
        pytest.param("مسلحون يقتلون... الدعم السريع تقتل 6 مزارعين في دارفور", [6],
                     id="a-headline-in-the-present-tense"),
        pytest.param("قُتل مدنيان بقصف مدفعي على بلدة في ريف حلب.", [2],
                     id="the-nominative-dual-of-a-sound-plural"),
        pytest.param("وثق المرصد مقتل مسلحين اثنين في اشتباك بريف درعا.", [2],
                     id="the-number-two-after-the-noun"),
        pytest.param("قتل مدنيين في قصف على القرية.", [], id="the-oblique-alone-stays-unread"),
    ],
)
def test_arabic_subjects_and_duals(text: str, expected: list[int]) -> None:
    assert killed_figures(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Dos taxistas fueron privados de la vida a balazos en Acapulco.", [2],
                     id="deprived-of-life-passive"),
        pytest.param("Hombres armados privaron de la vida a cuatro jornaleros en Zacatecas.",
                     [4], id="deprived-of-life-active"),
        pytest.param("Un comerciante fue privado de la vida en el mercado de Iguala.", [1],
                     id="deprived-of-life-one"),
        pytest.param("Tres jóvenes fueron privados de la libertad en Celaya.", [],
                     id="deprived-of-liberty-is-no-death"),
    ],
)
def test_spanish_deprived_of_life(text: str, expected: list[int]) -> None:
    assert killed_figures(text, "es") == expected
