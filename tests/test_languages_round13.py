"""Round thirteen of the languages (tests/golden/annotated/languages-round13.jsonl): long,
messy French, Spanish, Portuguese and Arabic reports (round-ups by region, updates
through the text, officials against NGOs, police operations, massacres with the victims
named, running totals). One sentence or short report per rule the round's misses
taught, written for tollwatch, nothing copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures
from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

ROUND13 = Path(__file__).parent / "golden" / "annotated" / "languages-round13.jsonl"

# The report of the round still missed (docs/languages.md, "Round thirteen"): a singular
# part of a weekend total. The part cue ("l'attaque la plus meurtrière") and a later
# monitor's provisional figure were fixed in round fourteen (tests/test_languages_round14.py).
# fr-r13-4 (stop 27): now that "l'Artibonite" is read as the department, the lead's
# incident is placed in Haiti, while the NGO's later "onze morts à Liancourt" still takes
# the French namesake Liancourt; the two figures are then two incidents (7 + 11), not one
# with the NGO's 11 as its high end (docs/quality.md, "stop 27: the lead").
KNOWN_MISSES = {"pt-r13-6", "fr-r13-4"}


def _toll(text: str, language: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="r13", text=text, language=language, published=date(2025, 6, 14))
    return document_toll(extract(report, settings=settings, resources=resources)) or 0


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Ecuador cerró 2024 con una tasa de 38 homicidios por cada 100.000 "
                     "habitantes.", "es", [], id="es-a-rate"),
        pytest.param("Hubo 38 homicidios por cada 100.000 habitantes en la provincia.", "es",
                     [], id="es-a-rate-without-its-name"),
        pytest.param("O estado teve uma taxa de 21 homicídios por 100 mil habitantes.", "pt",
                     [], id="pt-a-rate"),
        pytest.param("Le pays affiche un taux de 12 homicides pour 100 000 habitants.", "fr",
                     [], id="fr-a-rate"),
        pytest.param("Hubo 38 homicidios en la provincia durante el fin de semana.", "es",
                     [38], id="es-a-count-stays"),
    ],
)
def test_a_rate_is_no_count(text: str, language: str, expected: list[int]) -> None:
    assert killed_figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Recife tem 12 assassinatos no fim de semana.", "pt", [12],
                     id="pt-murders-as-a-noun"),
        pytest.param("O estado registrou 15 crimes violentos letais intencionais no sábado.",
                     "pt", [15], id="pt-the-police-statistic"),
        pytest.param("Cuatro agentes de la Policía Nacional y un civil que los guiaba "
                     "murieron este jueves.", "es", [4, 1], id="es-two-long-subjects"),
        pytest.param("Cuatro agentes y un civil murieron este jueves.", "es", [4, 1],
                     id="es-two-short-subjects"),
    ],
)
def test_figures_read(text: str, language: str, expected: list[int]) -> None:
    assert killed_figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("اشتباكات في مصراتة\n\nمقتل ستة أشخاص في الاشتباكات حتى الآن.\n\n"
                     "14:20 - وزارة الصحة تعلن ارتفاع حصيلة القتلى إلى 11 شخصاً.", "ar", 11,
                     id="ar-raised-to-a-bare-figure"),
        pytest.param("مقتل جنديين بهجوم في ديالى\n\nقالت مصادر أمنية إن جنديين قتلا وأصيب "
                     "اثنان آخران بهجوم مسلح ليل الأحد.\n\nوأفاد مصدر طبي بأن أحد الجريحين "
                     "توفي متأثراً بجراحه، لترتفع حصيلة القتلى إلى ثلاثة.", "ar", 3,
                     id="ar-the-death-that-raised-the-toll"),
        pytest.param("Chacina em Belém\n\nCinco pessoas foram mortas a tiros na noite de "
                     "sábado em Belém.\n\nUm sexto homem morreu no hospital no domingo, o que "
                     "eleva para seis o número de mortos.", "pt", 6, id="pt-which-raises-to"),
    ],
)
def test_a_toll_raised(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Emboscada en Huánuco\n\nTres policías murieron el martes en una "
                     "emboscada, informó el Comando Conjunto.\n\nEn otro comunicado, el "
                     "Comando Conjunto señaló que las fuerzas del orden 'abatieron a cuatro "
                     "terroristas' en la persecución.", "es", 3,
                     id="es-the-forces-quoted-killing"),
        pytest.param("قصف على تعز\n\nقتل طفلان بقصف على حي سكني في تعز.\n\nفي المقابل، "
                     "زعمت وسائل إعلام تابعة للجماعة مقتل العشرات من المرتزقة.", "ar", 2,
                     id="ar-a-claim-with-a-long-speaker"),
    ],
)
def test_claims_with_long_speakers(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("مقتل أكثر من 50 مدنياً في هجوم على قرية\n\nقالت منظمة حقوقية إن أكثر "
                     "من 50 مدنياً قتلوا في هجوم على قرية بولاية الجزيرة.\n\nمن جانبها، "
                     "قالت الحكومة إن عدد الضحايا بلغ 80 قتيلاً.", "ar", 51,
                     id="ar-for-its-part"),
        pytest.param("Haïti : six personnes tuées à Mirebalais\n\nDes bandits ont tué six "
                     "personnes jeudi à Mirebalais, selon la mairie.\n\nParmi les victimes "
                     "figurent Jean Paul, Marie Joseph et Pierre Louis.\n\nLes habitants "
                     "ont fui vers Hinche.\n\nUne ONG avance pour sa part un bilan de neuf "
                     "morts à Mirebalais.", "fr", 6, id="fr-for-its-part-after-the-names"),
        pytest.param("Motín en la cárcel\n\nAl menos 10 presos murieron en un enfrentamiento "
                     "en la cárcel de Machala, informó el SNAI.\n\nUn comité de derechos "
                     "humanos asegura, sin embargo, que son al menos 15 los internos "
                     "asesinados.", "es", 10, id="es-however-another-source"),
    ],
)
def test_another_source_folds_into_the_lead(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Ejecuciones en Valencia\n\nTres jóvenes murieron el jueves durante un "
                     "operativo de la Policía Nacional Bolivariana en Valencia, denunció el "
                     "Observatorio Venezolano de Violencia.\n\nLa ONG contabilizó 90 muertes por "
                     "intervención policial en el estado durante el primer semestre.", "es",
                     3, id="es-a-half-year-count"),
        pytest.param("Chacina em Natal\n\nTrês homens foram executados na madrugada de "
                     "sábado em Natal.\n\nNo acumulado do ano, o estado soma 640 mortes "
                     "violentas.", "pt", 3, id="pt-the-year-so-far"),
    ],
)
def test_running_counts_are_left_out(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Arauca: la Defensoría eleva a 40 los muertos\n\nARAUCA – La Defensoría "
                     "del Pueblo elevó este lunes a 40 el número de personas asesinadas desde "
                     "el jueves en Arauca.\n\nEl domingo, la Gobernación había reportado 25 "
                     "muertos, entre ellos dos menores de edad.", "es", 40,
                     id="es-an-older-figure-told-after"),
        pytest.param("Arauca: la Defensoría eleva a 40 los muertos\n\nARAUCA – La Defensoría "
                     "del Pueblo elevó este lunes a 40 el número de personas asesinadas desde "
                     "el jueves en Arauca.\n\nLa Gobernación reportó además 25 heridos.", "es",
                     40, id="es-the-wounded-stay-apart"),
    ],
)
def test_an_older_smaller_figure_folds_into_the_toll(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


def test_round_thirteen_document_tolls(settings: Settings, resources: Resources) -> None:
    misses = doc_toll_misses(ROUND13, settings, resources, at_least=40)
    assert {m[0] for m in misses} <= KNOWN_MISSES, misses


def test_the_deadliest_attack_is_a_part_of_the_week(
    settings: Settings, resources: Resources
) -> None:
    text = ("Nord-Kivu : au moins 40 civils tués en une semaine\n\nAu moins 40 civils ont été "
            "tués entre le 2 et le 8 juin dans une série d'attaques dans le territoire de "
            "Beni.\n\nL'attaque la plus meurtrière a visé le village de Mamove, où vingt "
            "personnes ont été tuées dans la nuit du 4 au 5 juin.")
    assert _toll(text, "fr", settings, resources) == 40
