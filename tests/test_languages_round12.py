"""Round twelve of the languages (tests/golden/annotated/languages-round12.jsonl): messy
French, Spanish and Portuguese reports of the Sahel, the DRC, Cameroon, Mexico, Colombia,
Venezuela, Ecuador, Brazil and Cabo Delgado. One sentence or short report per rule the
round's misses taught, written for tollwatch, nothing copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures
from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND12 = Path(__file__).parent / "golden" / "annotated" / "languages-round12.jsonl"


def _toll(text: str, language: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="r12", text=text, language=language, published=date(2025, 5, 6))
    return document_toll(extract(report, settings=settings, resources=resources)) or 0


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Nueve personas, entre muertos y heridos, dejó el ataque contra la "
                     "estación.", "es", [], id="es-dead-and-wounded-together"),
        pytest.param("El atentado deja once víctimas entre heridos y muertos.", "es", [],
                     id="es-wounded-and-dead-together"),
        pytest.param("O ataque fez sete vítimas, entre mortos e feridos.", "pt", [],
                     id="pt-dead-and-wounded-together"),
        pytest.param("L'explosion a fait douze victimes entre morts et blessés.", "fr", [],
                     id="fr-dead-and-wounded-together"),
        pytest.param("Tres muertos y cuatro heridos dejó el ataque.", "es", [3],
                     id="es-the-dead-told-apart-still-count"),
    ],
)
def test_the_dead_and_wounded_together_are_no_toll(
    text: str, language: str, expected: list[int]
) -> None:
    assert killed_figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Doble crimen en Irapuato\n\nAl menos cinco personas murieron la noche "
                     "del sábado en un ataque armado contra un bar de Irapuato.\n\nHoras "
                     "después uno de los heridos falleció en el hospital, con lo que suman "
                     "seis víctimas mortales.", "es", 6, id="es-with-that-they-add-up-to"),
        pytest.param("Ataque em Manaus\n\nPelo menos quatro pessoas foram mortas a tiros na "
                     "noite de sábado em Manaus.\n\nUma quinta vítima morreu no hospital, "
                     "elevando para cinco o número de mortos.", "pt", 5,
                     id="pt-raising-to"),
        pytest.param("Mali : cinq soldats tués dans une embuscade\n\nL'armée malienne a "
                     "annoncé mardi la mort de cinq soldats dans une embuscade près de "
                     "Douentza.\n\nMercredi, l'armée a revu son bilan à la hausse, à six "
                     "soldats tués, un blessé ayant succombé.", "fr", 6,
                     id="fr-revised-its-toll-upward"),
    ],
)
def test_a_toll_updated_later_in_the_text(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Dez pessoas foram assassinadas entre a noite de sexta-feira (2) e a "
                     "madrugada de segunda-feira (5) na Região Metropolitana de Recife.\n\n"
                     "O caso mais grave ocorreu em Olinda, onde quatro jovens foram mortos a "
                     "tiros no sábado (3).", "pt", 10, id="pt-between-friday-and-monday"),
        pytest.param("Diez personas fueron asesinadas entre la noche del viernes y el lunes "
                     "en Culiacán.\n\nEl caso más grave ocurrió en la colonia Centro, donde "
                     "tres hombres fueron asesinados el sábado.", "es", 10,
                     id="es-between-friday-and-monday"),
    ],
)
def test_a_span_of_days_makes_a_total(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


def _claims(text: str, language: str) -> list[tuple[int | None, bool]]:
    """(figure, claim) for each killed figure of one sentence."""
    return [(b.best, "claim_cue" in b.flags) for b in sentence_tolls(text, language=language)
            if b.outcome == "killed"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("L'armée affirme avoir neutralisé 35 terroristes lors de frappes dans le "
                     "centre du pays.", "fr", [(35, True)], id="fr-neutralised-before-figure"),
        pytest.param("Selon le communiqué, les FAMa ont « neutralisé une douzaine "
                     "d'assaillants » pendant les combats.", "fr", [(12, True)],
                     id="fr-neutralised-of-the-attackers"),
        pytest.param("Les soldats ont neutralisé une douzaine d'engins explosifs sur la piste.",
                     "fr", [], id="fr-neutralised-mines-are-no-dead"),
        pytest.param("Burkina : quatre soldats tués, l'armée dit avoir neutralisé des dizaines "
                     "de terroristes", "fr", [(4, False), (24, True)],
                     id="fr-the-soldiers-before-the-claim-are-no-claim"),
        pytest.param("El Ejército informó que abatió a cuatro presuntos integrantes de un grupo "
                     "criminal en Michoacán.", "es", [(4, True)], id="es-army-said-it-shot-down"),
        pytest.param("Ocho presuntos integrantes del grupo armado murieron en combates con las "
                     "tropas, informó el Ejército.", "es", [(8, True)],
                     id="es-enemies-died-the-army-said"),
        pytest.param("Militares abatieron a dos presuntos sicarios en Culiacán, informó la "
                     "Secretaría de la Defensa.", "es", [(2, True)],
                     id="es-soldiers-shot-down-the-ministry-said"),
        pytest.param("En la acción fueron «neutralizados» tres integrantes del grupo irregular.",
                     "es", [(3, True)], id="es-neutralised-in-quotes"),
        pytest.param("Hombres armados mataron a dos militares, informó el Ejército.", "es",
                     [(2, False)], id="es-the-army-telling-its-own-dead-is-no-claim"),
        pytest.param("Un ataque deja un policía muerto; militares abaten a tres", "es",
                     [(1, False), (3, True)], id="es-headline-dead-then-claim"),
    ],
)
def test_army_claims_of_enemy_dead(
    text: str, language: str, expected: list[tuple[int, bool]]
) -> None:
    assert _claims(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Abaten a cuatro presuntos sicarios en Zacatecas\n\nLa Secretaría de la "
                     "Defensa informó que elementos del Ejército abatieron a cuatro presuntos "
                     "integrantes de un grupo criminal tras ser agredidos.", "es", 0,
                     id="es-headline-of-the-claim-is-the-claim"),
        pytest.param("Enfrentamiento en Tierra Caliente deja un soldado muerto; Ejército abate a "
                     "cuatro\n\nEl Ejército informó que abatió a cuatro presuntos integrantes "
                     "de un grupo criminal. En el enfrentamiento, un militar perdió la "
                     "vida.", "es", 1,
                     id="es-own-dead-count-the-claim-does-not"),
        pytest.param("Mali : deux soldats tués près de Ménaka\n\nDeux soldats ont été tués "
                     "mardi près de Ménaka, a annoncé l'armée, qui affirme avoir neutralisé "
                     "une trentaine de terroristes.", "fr", 2, id="fr-own-dead-and-claim"),
    ],
)
def test_claims_never_count(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Niger : quatre policiers et trois civils tués à Téra\n\nQuatre policiers "
                     "ont été tués jeudi dans l'attaque de leur poste à Téra. Selon le maire, "
                     "trois civils ont également été tués par les assaillants.", "fr", 7,
                     id="fr-a-listed-figure-told-again-with-also"),
        pytest.param("Emboscada deja dos soldados y tres civiles muertos en Cauca\n\nDos "
                     "soldados murieron el lunes en una emboscada en Argelia, Cauca. Tres "
                     "civiles también murieron en el ataque.", "es", 5,
                     id="es-a-listed-figure-told-again-with-also"),
        pytest.param("Niger : quatre policiers tués à Téra\n\nQuatre policiers ont été tués "
                     "jeudi à Téra. Trois civils ont également été tués.", "fr", 7,
                     id="fr-also-without-a-list-adds"),
    ],
)
def test_a_figure_of_the_headline_list_told_again(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


def test_round_twelve_document_tolls(settings: Settings, resources: Resources) -> None:
    assert doc_toll_misses(ROUND12, settings, resources, at_least=36) == []


def test_the_listed_figure_told_again_is_a_part_of_the_headline(
    settings: Settings, resources: Resources
) -> None:
    text = ("Niger : quatre policiers et trois civils tués à Téra\n\nQuatre policiers ont été "
            "tués jeudi dans l'attaque de leur poste à Téra. Selon le maire, trois civils ont "
            "également été tués par les assaillants.")
    report = Report(id="r12", text=text, language="fr", published=date(2025, 5, 6))
    incidents = extract(report, settings=settings, resources=resources).incidents
    top = [i for i in incidents if i.parts]
    assert [(i.killed.best if i.killed else None) for i in top] == [7]
    parts = sorted(i.killed.best for i in incidents if i.id in top[0].parts and i.killed)
    assert parts == [3, 4]
