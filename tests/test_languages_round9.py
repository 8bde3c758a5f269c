"""Round nine of the languages (tests/golden/annotated/languages-round9.jsonl): one
sentence or short report per rule the round's misses taught. Reports written for
tollwatch in the patterns of real articles, nothing copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures
from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll, news_incidents
from tollwatch.pipeline import Resources
from tollwatch.places.names import name_keys
from tollwatch.settings import Settings

ROUND9 = Path(__file__).parent / "golden" / "annotated" / "languages-round9.jsonl"


def _run(text: str, language: str, settings: Settings, resources: Resources):  # type: ignore[no-untyped-def]
    report = Report(id="r9", text=text, language=language, published=date(2025, 3, 28))
    return extract(report, settings=settings, resources=resources)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("L'attaque a coûté la vie à quinze militaires et à six supplétifs civils.",
                     "fr", [15, 6], id="fr-second-object-after-et-a"),
        pytest.param("Los sicarios mataron a dos policías y a un civil en Culiacán.", "es",
                     [2, 1], id="es-second-object-after-y-a"),
        pytest.param("فارق جندي الحياة متأثراً بجراحه.", "ar", [1], id="ar-faraqa-al-hayat"),
        pytest.param("توفي شاب اليوم متأثرا بجراحه التي أصيب بها في الهجوم.", "ar", [1],
                     id="ar-died-of-his-wounds"),
        pytest.param("وفي حادث منفصل، عثر على جثة راعي أغنام مصاباً بطلقات نارية.", "ar", [1],
                     id="ar-a-body-found"),
    ],
)
def test_round_nine_figures(text: str, language: str, expected: list[int]) -> None:
    assert killed_figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        pytest.param(
            "Burkina : au moins 27 soldats tués près de Djibo\n\nAu moins 27 soldats ont été "
            "tués lundi dans une embuscade près de Djibo. Un responsable local a pour sa part "
            "fait état de 31 morts.", "fr", 27, id="fr-pour-sa-part"),
        pytest.param(
            "Operação deixa ao menos 18 mortos no Rio\n\nUma operação policial deixou ao menos "
            "18 mortos nesta terça-feira no Complexo da Maré. A Defensoria Pública afirma ter "
            "contabilizado 23 corpos.", "pt", 18, id="pt-afirma-ter-contabilizado"),
        pytest.param(
            "مقتل 30 مدنياً في قصف على الفاشر\n\nقتل 30 مدنياً على الأقل يوم الأحد في قصف مدفعي على "
            "مدينة الفاشر. من جهتها، قالت شبكة أطباء السودان إن حصيلة القصف بلغت 41 قتيلاً.",
            "ar", 30, id="ar-min-jihatiha"),
    ],
)
def test_another_sources_figure_is_the_high_end(
    text: str, language: str, toll: int, settings: Settings, resources: Resources
) -> None:
    """"a pour sa part fait état de 31 morts": one incident, the report's own figure best
    and the other source's the high end (incidents/conflict.py, `other_source`)."""
    extraction = _run(text, language, settings, resources)
    (incident,) = news_incidents(extraction)
    assert incident.killed is not None
    assert incident.killed.best == toll
    assert incident.killed.high is not None and incident.killed.high > toll
    assert document_toll(extraction) == toll


def test_the_other_side_dead_are_another_incident(
    settings: Settings, resources: Resources
) -> None:
    """"في المقابل" (on the other side): the attackers' two dead are no retelling of the
    nine soldiers (incidents/corefer.py reads the languages' distinct words before a figure)."""
    text = (
        "مقتل 9 عناصر من قوات النظام بهجوم في بادية حمص\n\nوثق المرصد السوري مقتل 9 عناصر من "
        "قوات النظام جراء هجوم على نقطة عسكرية في بادية حمص. في المقابل، قتل عنصران من "
        "التنظيم خلال الاشتباكات."
    )
    assert document_toll(_run(text, "ar", settings, resources)) == 11


def test_the_pluperfect_figure_of_an_update_is_its_older_toll(
    settings: Settings, resources: Resources
) -> None:
    """"ارتفعت الحصيلة إلى أربعة ... وكان الانفجار قد أسفر أمس عن مقتل ثلاثة": 4, not 7."""
    text = (
        "ارتفاع حصيلة تفجير عدن إلى أربعة قتلى\n\nارتفعت حصيلة ضحايا التفجير في مدينة عدن إلى "
        "أربعة قتلى، بعد أن فارق جندي الحياة اليوم متأثراً بجراحه. وكان الانفجار قد أسفر أمس عن "
        "مقتل ثلاثة جنود وإصابة سبعة آخرين."
    )
    extraction = _run(text, "ar", settings, resources)
    assert document_toll(extraction) == 4
    (incident,) = news_incidents(extraction)
    assert incident.place is not None and incident.place.name == "Aden"


def test_a_first_toll_far_from_its_words_is_the_older_one(
    settings: Settings, resources: Resources
) -> None:
    """"Um primeiro balanço, divulgado ..., apontava para sete mortos": the earlier-toll
    words anywhere before the figure in its sentence; and Sunday's killing elsewhere is
    another incident, no part of the risen toll."""
    text = (
        "Sobe para 11 o número de mortos no ataque a Mocímboa da Praia\n\nO número de mortos "
        "no ataque de quarta-feira subiu para 11, disse o administrador. Um primeiro balanço, "
        "divulgado pelas autoridades no próprio dia, apontava para sete mortos.\n\nNo domingo, "
        "um grupo armado já tinha matado dois pescadores na ilha de Quirimba."
    )
    assert document_toll(_run(text, "pt", settings, resources)) == 13


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Lluvias dejan 11 muertos en Oaxaca\n\nLas intensas lluvias dejaron al menos "
                     "11 muertos. Siete de las víctimas murieron sepultadas por un deslave en la "
                     "Sierra Sur.", "es", id="es-deslave"),
        pytest.param("Chuvas provocam nove mortos em Minas\n\nAs chuvas já provocaram nove mortos. "
                     "Cinco das vítimas morreram soterradas num deslizamento de terra em Ipatinga.",
                     "pt", id="pt-deslizamento"),
    ],
)
def test_a_disaster_in_any_language_is_no_violence(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    """The languages' accident words frame a sentence as the English disaster words do
    (violence/relevance.py)."""
    extraction = _run(text, language, settings, resources)
    assert (extraction.toll() or 0) == 0


def test_arabic_names_are_keyed_in_their_own_script() -> None:
    """"عدن" keys as Arabic, never as the Latin "adn" that English words share."""
    assert name_keys("عدن") == ("عدن",)
    assert name_keys("الموصل") == ("الموصل", "موصل")
    assert all(k.isascii() for k in name_keys("Aden"))


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        pytest.param("قتل ثلاثة جنود في انفجار عبوة ناسفة في مدينة عدن.", "YE", "Aden", id="aden"),
        pytest.param("قتل مدنيان في قصف على مدينة تعز.", "YE", "Taiz", id="taiz"),
    ],
)
def test_short_arabic_city_names_are_places(
    text: str, country: str, name: str, settings: Settings, resources: Resources
) -> None:
    (incident,) = news_incidents(_run(text, "ar", settings, resources))
    assert incident.place is not None
    assert (incident.place.country, incident.place.name) == (country, name)


def test_round_nine_document_tolls(settings: Settings, resources: Resources) -> None:
    assert not doc_toll_misses(ROUND9, settings, resources, at_least=36)
