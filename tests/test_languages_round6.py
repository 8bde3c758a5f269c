"""Round six of the languages (tests/golden/annotated/languages-round6.jsonl): an
aside naming some of the victims between a figure and its verb, a toll told as a
possibility, and "y otros seis" that belongs to the wounded. Reports written for
tollwatch in the patterns of real articles, nothing copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

ROUND6 = Path(__file__).parent / "golden" / "annotated" / "languages-round6.jsonl"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Au moins huit personnes, dont deux gendarmes, ont été tuées jeudi.", "fr",
                     [8], id="fr-dont"),
        pytest.param("Cinq personnes, parmi lesquelles deux enfants, ont été tuées lundi.", "fr",
                     [5], id="fr-parmi-lesquelles"),
        pytest.param("Cinco personas, entre ellas un menor, fueron asesinadas a balazos.", "es",
                     [5], id="es-entre-ellas"),
        pytest.param("Seis personas, entre ellas un niño y dos mujeres, fueron asesinadas.", "es",
                     [6], id="es-aside-with-a-list-is-not-added"),
        pytest.param("Cinco pessoas, entre elas um bebé, foram mortas a tiros.", "pt", [5],
                     id="pt-entre-elas"),
        pytest.param("Três agentes, incluindo um comandante, foram mortos numa emboscada.", "pt",
                     [3], id="pt-incluindo"),
        pytest.param("Trois civils et deux soldats ont été tués.", "fr", [3, 2],
                     id="fr-coordinated-figures-still-both"),
    ],
)
def test_an_aside_naming_some_victims_keeps_the_figure(
    text: str, language: str, expected: list[int]
) -> None:
    assert killed_figures(text, language) == expected


def _toll(text: str, language: str, settings: Settings, resources: Resources):  # type: ignore[no-untyped-def]
    report = Report(id="r6", text=text, language=language, published=date(2024, 5, 18))
    document = extract(report, settings=settings, resources=resources)
    counted = [i for i in document.incidents if i.kind == "incident" and not i.background]
    return document.toll(), counted


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param(
            "Huit morts dans une attaque à Bamenda\n\nAu moins huit personnes ont été tuées "
            "jeudi dans une attaque de séparatistes armés à Bamenda, selon une source "
            "administrative. Selon un élu local, le bilan pourrait être de dix morts.",
            "fr", id="fr-pourrait-etre"),
        pytest.param(
            "Ocho muertos en un ataque en Culiacán\n\nAl menos ocho personas murieron el "
            "jueves en un ataque armado en Culiacán, según la Fiscalía. Un vocero municipal "
            "dijo que la cifra podría ascender a diez muertos.",
            "es", id="es-podria-ascender"),
        pytest.param(
            "Eight dead in separatist attack\n\nAt least eight people were killed on Thursday "
            "in an attack by armed separatists in Bamenda, an official said. A local lawmaker "
            "said the toll could be as high as ten dead.",
            "en", id="en-could-be-as-high-as"),
    ],
)
def test_a_hedged_toll_is_the_high_end_not_the_count(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    toll, counted = _toll(text, language, settings, resources)
    assert toll == 8
    (incident,) = counted
    assert incident.killed is not None and incident.killed.best == 8
    assert incident.killed.high in (10, None)


def test_the_hedge_sets_the_high_end(settings: Settings, resources: Resources) -> None:
    text = ("Huit morts dans une attaque à Bamenda\n\nAu moins huit personnes ont été tuées "
            "jeudi dans une attaque de séparatistes armés à Bamenda, selon une source "
            "administrative. Selon un élu local, le bilan pourrait être de dix morts.")
    _, (incident,) = _toll(text, "fr", settings, resources)
    assert incident.killed is not None
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (8, 8, 10)


def test_and_others_wounded_is_not_another_toll(settings: Settings, resources: Resources) -> None:
    text = ("Dos soldados muertos en ataque con drones en el Cauca\n\nDos militares murieron y "
            "otros seis quedaron heridos tras un ataque con drones contra una base del Ejército "
            "en zona rural de Argelia, Cauca, informaron las autoridades.")
    toll, counted = _toll(text, "es", settings, resources)
    assert toll == 2 and len(counted) == 1


def test_round_six_document_tolls(settings: Settings, resources: Resources) -> None:
    assert not doc_toll_misses(ROUND6, settings, resources, at_least=28)


# -- round seven (tests/golden/annotated/languages-round7.jsonl) ------------------------

ROUND7 = Path(__file__).parent / "golden" / "annotated" / "languages-round7.jsonl"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Onze soldats et trente et un supplétifs ont été tués samedi.", "fr",
                     [11, 31], id="fr-trente-et-un"),
        pytest.param("Quatre-vingt-dix-sept personnes ont été tuées.", "fr", [97],
                     id="fr-quatre-vingt-dix-sept"),
        pytest.param("Treinta y un personas murieron en el ataque.", "es", [31],
                     id="es-treinta-y-un"),
        pytest.param("Vinte e duas pessoas foram mortas no ataque.", "pt", [22],
                     id="pt-vinte-e-duas"),
        pytest.param("Trois gendarmes et un civil ont été tués.", "fr", [3, 1],
                     id="fr-a-list-is-no-compound"),
        pytest.param("Os insurgentes decapitaram 12 pessoas em ataques a 9 aldeias.", "pt", [12],
                     id="pt-villages-after-a-preposition-are-no-toll"),
        pytest.param("Los sicarios mataron a 12 personas en ataques a 9 comunidades.", "es", [12],
                     id="es-villages-after-a-preposition-are-no-toll"),
        pytest.param("Mataron a 3 soldados y a 2 civiles.", "es", [3, 2],
                     id="es-a-list-still-joins"),
        pytest.param("Moradores encontraram os corpos decapitados de sete pessoas.", "pt", [7],
                     id="pt-os-corpos-de"),
        pytest.param("O ataque provocou a morte a quatro pessoas.", "pt", [4],
                     id="pt-a-morte-a"),
        pytest.param("Hallaron los cuerpos sin vida de cinco hombres en una brecha.", "es", [5],
                     id="es-los-cuerpos-sin-vida-de"),
        pytest.param("استشهد شابان برصاص قوات الاحتلال خلال اقتحام المخيم.", "ar", [2],
                     id="ar-istashhada-with-a-dual"),
        pytest.param("استشهد 4 فلسطينيين في غارة على المدينة.", "ar", [4],
                     id="ar-istashhada-with-digits"),
    ],
)
def test_round_seven_figures(text: str, language: str, expected: list[int]) -> None:
    assert killed_figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param(
            "Six volunteers were killed in the attack on Kaya, a local official said. A woman "
            "also died in the attack, bringing the toll to seven.", "en", id="en-bringing"),
        pytest.param(
            "Selon un responsable local, six volontaires ont été tués dans l'attaque de Kaya. "
            "Une femme a également péri dans l'attaque, ce qui porte le bilan à sept morts.",
            "fr", id="fr-porte-le-bilan"),
    ],
)
def test_a_death_added_and_the_new_toll_count_once(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    toll, _ = _toll(text, language, settings, resources)
    assert toll == 7


def test_round_seven_document_tolls(settings: Settings, resources: Resources) -> None:
    assert not doc_toll_misses(ROUND7, settings, resources, at_least=18)


# -- round eight: one sentence each, the verbs and nouns of killing in each language ----
# ("fusillés", "a coûté la vie à", "cobró la vida de", "tirou a vida a", "أودى بحياة",
# verb-subject-object Arabic, "ont exécuté trois otages", Portuguese "no ataque" that is
# "in the attack", not a negation)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param(
            "Deux soldats ont succombé à leurs blessures après l'attaque de la caserne.",
            'fr', 2, id="fr-0"),
        pytest.param(
            'Trois civils ont été fusillés par des hommes armés dans le village.',
            'fr', 3, id="fr-1"),
        pytest.param(
            "Cinq personnes ont été égorgées lors d'une attaque contre le village.",
            'fr', 5, id="fr-2"),
        pytest.param(
            'Quatre gendarmes ont été abattus dans une embuscade près de Kidal.',
            'fr', 4, id="fr-3"),
        pytest.param(
            "L'attaque contre le camp a coûté la vie à six soldats.",
            'fr', 6, id="fr-4"),
        pytest.param(
            "L'explosion d'une mine a tué sept passagers d'un bus près de Djibo.",
            'fr', 7, id="fr-5"),
        pytest.param(
            'Des jihadistes ont exécuté trois otages dans la région de Ménaka.',
            'fr', 3, id="fr-6"),
        pytest.param(
            'Tres hombres fueron ultimados a balazos en una calle de Culiacán.',
            'es', 3, id="es-7"),
        pytest.param(
            'El ataque armado cobró la vida de cinco personas en Celaya.',
            'es', 5, id="es-8"),
        pytest.param(
            'Cuatro personas perdieron la vida en el ataque armado contra el bar.',
            'es', 4, id="es-9"),
        pytest.param(
            'Seis personas fueron acribilladas en una fiesta en Zamora.',
            'es', 6, id="es-10"),
        pytest.param(
            'Un comando armado ejecutó a dos policías en Apatzingán.',
            'es', 2, id="es-11"),
        pytest.param(
            'La explosión de un coche bomba dejó tres muertos en Jamundí.',
            'es', 3, id="es-12"),
        pytest.param(
            'Três pessoas perderam a vida no ataque armado em Macomia.',
            'pt', 3, id="pt-13"),
        pytest.param(
            'O ataque dos insurgentes tirou a vida a quatro pessoas em Ancuabe.',
            'pt', 4, id="pt-14"),
        pytest.param(
            'Dois homens foram executados a tiros em Salvador.',
            'pt', 2, id="pt-15"),
        pytest.param(
            'Cinco civis foram chacinados por homens armados no distrito de Mocímboa.',
            'pt', 5, id="pt-16"),
        pytest.param(
            'Três jovens foram assassinados a tiros numa chacina em Fortaleza.',
            'pt', 3, id="pt-17"),
        pytest.param(
            'لقي ثلاثة أشخاص حتفهم في انفجار سيارة مفخخة في الموصل.',
            'ar', 3, id="ar-18"),
        pytest.param(
            'أودى الهجوم بحياة خمسة جنود في ريف حماة.',
            'ar', 5, id="ar-19"),
        pytest.param(
            'سقط أربعة قتلى في قصف على مدينة إدلب.',
            'ar', 4, id="ar-20"),
        pytest.param(
            'أعدم تنظيم داعش ستة مدنيين في ريف دير الزور.',
            'ar', 6, id="ar-21"),
        pytest.param(
            'اغتال مسلحون ثلاثة من عناصر الشرطة في درعا.',
            'ar', 3, id="ar-22"),
    ],
)
def test_round_eight_sentences(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    toll, _ = _toll(text, language, settings, resources)
    assert toll == expected


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        pytest.param("قتل ثلاثة أشخاص في غارة على مدينة الموصل.", "IQ", "Mosul", id="mosul"),
        pytest.param("استشهد 4 فلسطينيين في غارة إسرائيلية على خان يونس.", "PS", "Khan Yunis",
                     id="khan-yunis"),
        pytest.param("قتل ثلاثة أشخاص في انفجار في مدينة الفلوجة.", "IQ", "Al Fallujah",
                     id="fallujah"),
        pytest.param("قتل جنديان في هجوم على حاجز في نابلس.", "PS", "Nablus", id="nablus"),
    ],
)
def test_arabic_names_of_cities_are_places(
    text: str, country: str, name: str, settings: Settings, resources: Resources
) -> None:
    """data/gazetteer/place_aliases.csv: the Arabic names of cities the packaged
    gazetteer knows only in Latin letters."""
    _, (incident,) = _toll(text, "ar", settings, resources)
    assert incident.place is not None
    assert (incident.place.country, incident.place.name) == (country, name)
