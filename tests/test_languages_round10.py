"""Round ten of the languages (tests/golden/annotated/languages-round10.jsonl): messy
reports in the style of real outlets (agency tags, read-also lines, captions, updates,
claims, running totals). One sentence or short report per rule the round's misses taught,
written for tollwatch in the patterns of real articles, nothing copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.read import cleaning
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls
from tollwatch.violence.detect import candidate_sentences

ROUND10 = Path(__file__).parent / "golden" / "annotated" / "languages-round10.jsonl"


def _killed(text: str, language: str) -> list[tuple[int | None, bool]]:
    return [(b.best, "perpetrator" in b.flags)
            for b in sentence_tolls(text, language=language) if b.outcome == "killed"]


def _toll(text: str, language: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="r10", text=text, language=language, published=date(2025, 6, 10))
    return document_toll(extract(report, settings=settings, resources=resources))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Oaxaca, Oax. (EFE).- Un maestro, líder sindical de la región mixteca, "
                     "fue asesinado a tiros el lunes.", "es", [(1, False)],
                     id="es-wire-tag-is-no-word-of-the-subject"),
        pytest.param("Según el parte militar, un presunto integrante del grupo armado murió en "
                     "el enfrentamiento.", "es", [(1, True)], id="es-subject-after-fronted-phrase"),
        pytest.param("Los agentes repelieron la agresión y uno de los atacantes fue abatido.",
                     "es", [(1, True)], id="es-subject-after-and"),
        pytest.param("Durante a perseguição, um dos suspeitos também foi atingido e morreu no "
                     "hospital.", "pt", [(1, True)], id="pt-subject-after-fronted-phrase"),
        pytest.param("وأفاد شهود بأن الحراس ردوا على النيران، وقُتل أحد المهاجمين عند المدخل.",
                     "ar", [(1, True)], id="ar-one-of-the-attackers"),
    ],
)
def test_round_ten_figures(text: str, language: str, expected: list[tuple[int, bool]]) -> None:
    assert _killed(text, language) == expected


def test_sunday_is_no_figure_in_arabic() -> None:
    """"أحد" reads one only bare: "الأحد" (Sunday) stays a day."""
    assert _killed("قتل جنديان يوم الأحد في هجوم.", "ar") == [(2, False)]


def test_an_arabic_death_verb_with_its_conjunction_is_a_candidate(settings: Settings) -> None:
    """"وقُتل" (and was killed) in a sentence with no other violence word: the clitic
    prefix before the stem no longer hides the sentence from the toll grammar."""
    text = (
        "مقتل جنديين بهجوم في الأنبار\n\nقُتل جنديان عراقيان مساء الخميس بهجوم على نقطة "
        "تفتيش في محافظة الأنبار.\n\nوذكر المصدر أن الجنود ردوا على مصدر النيران، وقُتل أحد "
        "المهاجمين قرب الطريق."
    )
    clean = cleaning.clean(Report(id="r10", text=text, language="ar"), settings)
    assert [s.index for s in candidate_sentences(clean)] == [s.index for s in clean.content()]


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        pytest.param(
            "Dois policiais mortos em emboscada no Pará\n\nDois policiais militares foram "
            "mortos a tiros nesta segunda-feira numa emboscada em Marabá. Na troca de tiros, "
            "um dos criminosos também foi atingido e morreu.", "pt", 3, id="pt-police-and-one"),
        pytest.param(
            "Mueren tres militares en Guaviare\n\nTres militares murieron este martes en un "
            "ataque con drones en zona rural de Guaviare. Según el Ejército, un integrante del "
            "grupo armado murió durante la persecución.", "es", 4, id="es-soldiers-and-one"),
    ],
)
def test_one_attacker_is_never_inside_the_state_forces_toll(
    text: str, language: str, toll: int, settings: Settings, resources: Resources
) -> None:
    """Police or soldiers killed and then one attacker killed: two incidents, the attacker
    no part of the forces' total (incidents/repeats.py, `_keep_own_death`)."""
    assert _toll(text, language, settings, resources) == toll


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        pytest.param(
            "Dois mortos em protestos em Nampula\n\nDuas pessoas morreram baleadas na "
            "terça-feira em Nampula. Com estas mortes, sobe para mais de 150 o número de mortos "
            "nos protestos desde novembro.", "pt", 2, id="pt-desde-novembro"),
        pytest.param(
            "Dos muertos en protestas en Tegucigalpa\n\nDos manifestantes murieron baleados el "
            "martes. Con ellos, la cifra de muertos en las protestas desde el 3 de mayo "
            "ascendió a 40.", "es", 2, id="es-desde-el-3-de-mayo"),
        pytest.param(
            "Deux morts lors d'une manifestation à Conakry\n\nDeux manifestants ont été tués "
            "mardi à Conakry. Le nombre de morts depuis octobre s'est alourdi à 45, selon "
            "l'opposition.", "fr", 2, id="fr-depuis-octobre"),
    ],
)
def test_a_running_total_since_a_month_is_background(
    text: str, language: str, toll: int, settings: Settings, resources: Resources
) -> None:
    """"sobe para mais de 150 ... desde novembro": a total since a month is a running
    total of the whole crisis, never an update of the day's toll."""
    assert _toll(text, language, settings, resources) == toll


def test_forces_that_managed_to_kill_tell_their_own_action(
    settings: Settings, resources: Resources
) -> None:
    """"تمكنت القوات من قتل اثنين من المهاجمين" (the forces managed to kill two of the
    attackers): the forces' claim, not counted."""
    text = (
        "مقتل أربعة جنود بهجوم في ديالى\n\nقتل أربعة جنود عراقيين فجر اليوم بهجوم على موقع "
        "عسكري في ديالى. وقال بيان عسكري إن القوات تمكنت من قتل اثنين من المهاجمين."
    )
    assert _toll(text, "ar", settings, resources) == 4


# The report of the round that the rules do not yet get right (see the round's report):
# an army's own count of the enemies it killed told in the passive (es-r10-6).
KNOWN_MISSES = {"es-r10-6"}

def test_round_ten_document_tolls(settings: Settings, resources: Resources) -> None:
    misses = doc_toll_misses(ROUND10, settings, resources, at_least=40)
    assert {m[0] for m in misses} <= KNOWN_MISSES, misses


@pytest.mark.parametrize(
    ("text", "place", "precision"),
    [
        pytest.param("قتل ثلاثة أشخاص بانفجار عبوة في حي الزهراء بمدينة حمص.", "Homs", "point",
                     id="homs-the-city"),
        pytest.param("قتل جنديان بهجوم في محافظة حمص.", "Homs", "admin1", id="homs-the-province"),
        pytest.param("قتل جنديان بقصف على ريف حلب الشمالي.", "Aleppo", "region",
                     id="aleppo-countryside"),
        pytest.param("استشهد أربعة فلسطينيين بغارة على حي الشجاعية شرق مدينة غزة.", "Gaza",
                     "point", id="gaza-city"),
    ],
)
def test_arabic_cities_and_their_provinces(
    text: str, place: str, precision: str, settings: Settings, resources: Resources
) -> None:
    """A Syrian city has its province's name: "بمدينة حمص" is the city, "محافظة حمص" and
    "ريف حلب" the province; "مدينة غزة" is Gaza City, not the Palestinian territory
    (data/gazetteer/place_aliases.csv `town`, places/lang city_words and province_words)."""
    report = Report(id="r10", text=text, language="ar", published=date(2025, 6, 10))
    (incident,) = extract(report, settings=settings, resources=resources).incidents
    assert incident.place is not None
    assert (incident.place.name, incident.place.precision) == (place, precision)


def test_the_city_words_of_french() -> None:
    """"la ville de Beni": a city hint (places/rules.py `CITY_BEFORE`)."""
    from tollwatch.places.rules import shape

    assert shape("tués dans la ville de ", ".", at_text_start=False).kind_hint == "city"
    assert shape("tués dans la province de ", ".", at_text_start=False).kind_hint != "city"


@pytest.mark.parametrize(
    ("text", "language", "source"),
    [
        pytest.param("Au moins neuf civils ont été tués mardi près d'Oicha, selon le Baromètre "
                     "sécuritaire du Kivu.", "fr", "Kivu Security Tracker", id="fr-kst"),
        pytest.param("Au moins neuf civils ont été tués mardi près de Djibo, selon l'ONG Acled.",
                     "fr", "ACLED", id="fr-acled"),
        pytest.param("Quatro pessoas foram mortas a tiros em Nampula, disse a Plataforma Decide.",
                     "pt", "Human rights groups", id="pt-plataforma-decide"),
        pytest.param("Nove civis foram mortos em Ancuabe, segundo o projeto de monitorização "
                     "ACLED.", "pt", "ACLED", id="pt-acled"),
        pytest.param("Seis personas fueron asesinadas en Irapuato, según la organización Causa en "
                     "Común.", "es", "Human rights groups", id="es-causa-en-comun"),
        pytest.param("قتل 12 مدنياً في قصف على أم درمان، بحسب شبكة أطباء السودان.", "ar",
                     "Sudan Doctors Network", id="ar-sudan-doctors"),
    ],
)
def test_monitors_named_in_the_languages(
    text: str, language: str, source: str, settings: Settings, resources: Resources
) -> None:
    """The monitors the press of each language cites (actors/lang/<code>.yaml)."""
    report = Report(id="r10", text=text, language=language, published=date(2025, 6, 10))
    (incident,) = extract(report, settings=settings, resources=resources).incidents
    assert incident.source is not None
    assert (incident.source.name, incident.source.role) == (source, "monitor")


def test_an_arabic_update_with_the_article() -> None:
    """"ارتفعت الحصيلة إلى 6": the toll noun with its article is an update too."""
    (binding,) = [b for b in sentence_tolls("وارتفعت الحصيلة إلى 6 قتلى مساء اليوم.", language="ar")
                  if b.outcome == "killed"]
    assert binding.best == 6 and "update" in binding.flags


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        pytest.param(
            "Ataque en Sonora deja cinco policías muertos\n\nCinco policías municipales fueron "
            "asesinados el lunes en Cajeme, informó la Fiscalía. Medios locales reportaron ocho "
            "muertos.", "es", 5, id="es-medios-locales"),
        pytest.param(
            "Quatre soldats tués dans une embuscade au Mali\n\nQuatre soldats ont été tués lundi "
            "près de Ségou, selon l'armée. Des médias locaux font état de sept morts.", "fr", 4,
            id="fr-medias-locaux"),
        pytest.param(
            "Tiroteio deixa três mortos em Salvador\n\nTrês homens foram mortos a tiros nesta "
            "segunda-feira em Salvador, segundo a polícia. A imprensa local fala em cinco mortos.",
            "pt", 3, id="pt-imprensa-local"),
    ],
)
def test_the_local_press_count_is_another_source(
    text: str, language: str, toll: int, settings: Settings, resources: Resources
) -> None:
    """"Medios locales reportaron ocho muertos": the press's own count after the official
    one is another source's figure of the same incident, its high end."""
    assert _toll(text, language, settings, resources) == toll


def test_an_army_announcing_the_enemys_dead_in_a_headline_is_a_claim(
    settings: Settings, resources: Resources
) -> None:
    """"الجيش يعلن مقتل العشرات من الدعم السريع": the army's claim about its own action,
    in the headline as in the lead; the civilians killed by shelling count."""
    text = (
        "الجيش السوداني يعلن مقتل العشرات من الدعم السريع قرب كادقلي\n\nأعلن الجيش السوداني "
        "اليوم أنه قتل العشرات من عناصر الدعم السريع قرب كادقلي. من جهة أخرى، قُتل ثلاثة مدنيين "
        "بقذائف سقطت على سوق المدينة، وفق مصدر طبي."
    )
    assert _toll(text, "ar", settings, resources) == 3


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("وارتفعت الحصيلة إلى 7 قتلى بعد وفاة ثلاثة من الجرحى في المستشفى.", "ar",
                     [(7, False)], id="ar-baad-wafat"),
        pytest.param("Le bilan est passé à neuf morts après le décès de deux blessés.", "fr",
                     [(9, False)], id="fr-apres-le-deces"),
        pytest.param("O número de mortos subiu para oito após a morte de dois feridos.", "pt",
                     [(8, False)], id="pt-apos-a-morte"),
    ],
)
def test_what_made_a_toll_rise_is_inside_it(
    text: str, language: str, expected: list[tuple[int, bool]]
) -> None:
    """"rose to 7 after three of the wounded died": the three are inside the 7
    (`rise_cause` words of the language tables)."""
    assert _killed(text, language) == expected


def test_others_after_the_wounded_figure_set_no_toll_apart(
    settings: Settings, resources: Resources
) -> None:
    """"قتل 4 أشخاص وأصيب 9 آخرون" (four killed and nine others wounded): the lead's
    toll is the one the update headline raised, not a distinct incident."""
    text = (
        "ارتفاع حصيلة انفجار حماة إلى 5 قتلى\n\nقُتل 3 أشخاص وأصيب 8 آخرون مساء الأحد بانفجار "
        "سيارة مفخخة في مدينة حماة، بحسب مصادر طبية.\n\nوفي وقت لاحق، ارتفعت الحصيلة إلى 5 "
        "قتلى، وفق المرصد السوري لحقوق الإنسان."
    )
    assert _toll(text, "ar", settings, resources) == 5


@pytest.mark.parametrize(
    ("text", "language", "best"),
    [
        pytest.param("La cifra de muertos por el ataque contra la estación de "
                     "policía de Jamundí, en el Valle del Cauca, ascendió a siete.", "es", 7,
                     id="es-cifra-de-muertos"),
        pytest.param("O número de mortos no ataque de insurgentes a uma aldeia de Macomia, em "
                     "Cabo Delgado, subiu para nove.", "pt", 9, id="pt-numero-de-mortos"),
    ],
)
def test_a_toll_noun_far_from_its_risen_figure(text: str, language: str, best: int) -> None:
    """"La cifra de muertos por <a long event, commas and all> ascendió a siete": the
    toll noun binds the figure after its verb up to sixteen words away."""
    assert [b for b, _ in _killed(text, language)] == [best]
