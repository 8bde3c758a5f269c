"""Spanish and Portuguese, round nineteen (tests/golden/annotated/languages-round19-es.jsonl
and languages-round19-pt.jsonl, 15 reports each of our own words, three irrelevant in
each): the patterns of real violence reporting from Mexico, Colombia, Ecuador, Honduras,
Brazil's police operations and chacinas, and Cabo Delgado. Road crashes and a police
helicopter that fell, a week's total over its two attacks, the leaders among the six
dead, "12 presos e 5 mortos", a homicide rate, "once indígenas", another massacre hours
before, an earlier operation's toll, ACLED's running count, a wave's count since June.
Scored once on the code before this round's rules (main at e895cee): Spanish 11 of 15
(0.733), Portuguese 9 of 15 (0.600); after them 14 of 15 and 15 of 15."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated"
SETS = ("languages-round19-es.jsonl", "languages-round19-pt.jsonl")
# Left (docs/quality.md, stop 28, espt29):
KNOWN_MISSES = {
    # "La matanza ocurre apenas cuatro días después de otra en la cárcel de Turi, donde
    # murieron seis presos": the six are read, then dropped with the nine of the lead
    "es-r19-11",
}


def _misses(settings: Settings, resources: Resources) -> set[str]:
    return {m[0] for name in SETS
            for m in doc_toll_misses(GOLDEN / name, settings, resources, at_least=15)}


def _toll(text: str, language: str, settings: Settings, resources: Resources,
          published: date = date(2026, 3, 10)) -> tuple[int | None, bool | None]:
    report = Report(id="r", text=text, language=language, published=published)
    result = extract(report, settings=settings, resources=resources)
    relevant = result.relevance.relevant if result.relevance is not None else None
    return result.toll(), relevant


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 11 and 9 of 15; after them 14 and 15 of 15."""
    assert _misses(settings, resources) <= KNOWN_MISSES


@pytest.mark.parametrize("record_id", sorted(KNOWN_MISSES))
@pytest.mark.xfail(reason="a known miss of languages-round19 (docs/quality.md)", strict=True)
def test_a_known_miss(record_id: str, settings: Settings, resources: Resources) -> None:
    assert record_id not in _misses(settings, resources)


def test_each_set_has_its_irrelevant_reports() -> None:
    for name in SETS:
        records = [json.loads(line) for line in
                   (GOLDEN / name).read_text(encoding="utf-8").splitlines()]
        assert len(records) == 15
        irrelevant = [r for r in records if not r["relevant"]]
        assert len(irrelevant) == 3
        assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        ("Balacera en Sinaloa deja 15 detenidos y nueve muertos, informó la Fiscalía.", "es", 9),
        ("A operação da PM terminou com 30 presos e sete mortos, segundo a Defensoria.", "pt", 7),
        ("Dos presos fueron asesinados en la cárcel de Tuluá, informó el Inpec.", "es", 2),
        ("Na rebelião, morreram seis presos, segundo a Secretaria de Administração "
         "Penitenciária.", "pt", 6),
    ],
    ids=["es-arrested", "pt-arrested", "es-prisoners-dead", "pt-prisoners-dead"],
)
def test_an_arrest_count_is_no_toll(text: str, language: str, toll: int,
                                    settings: Settings, resources: Resources) -> None:
    """tolls/lang/es.py and pt.py `units`: "15 detenidos", "30 presos e ..." blanked; the
    prisoners who died still count."""
    assert _toll(text, language, settings, resources)[0] == toll


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dos hombres fueron asesinados en Choloma, informó la Policía. El municipio cierra el "
         "año con una tasa de homicidios de 40 casos.", "es"),
        ("Dois homens foram mortos a tiros em Natal, informou a polícia. O estado tem uma "
         "taxa de homicídios de 38 por cem mil habitantes.", "pt"),
    ],
    ids=["es", "pt"],
)
def test_a_rate_is_no_incident(text: str, language: str, settings: Settings,
                               resources: Resources) -> None:
    """`rate`: "una tasa de homicidios de 40 casos" binds nothing (not "una" = 1)."""
    assert _toll(text, language, settings, resources)[0] == 2


def test_a_running_count_of_the_year_is_background(settings: Settings,
                                                   resources: Resources) -> None:
    """`cumulative`: "en lo corrido del año", "a mayo," (a count as of a month)."""
    text = ("Una lideresa fue asesinada el lunes en Buenos Aires, Cauca, denunció Indepaz. Son 61 "
            "los líderes asesinados en lo corrido del año. En el Cauca, a mayo, habían sido "
            "asesinados 22 firmantes de paz.")
    assert _toll(text, "es", settings, resources)[0] == 1


def test_an_event_carried_out_kills_no_one(settings: Settings, resources: Resources) -> None:
    """`singular`: "una masacre fue ejecutada", "el ataque fue ejecutado" are no death."""
    text = ("Una masacre fue ejecutada en zona rural de El Charco, donde cuatro personas fueron "
            "asesinadas, informó la Alcaldía. El ataque fue ejecutado por una disidencia.")
    assert _toll(text, "es", settings, resources)[0] == 4


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        ("Tres campesinos fueron asesinados el sábado en Argelia, Cauca. El hecho se suma a otra "
         "masacre conocida el mismo día en Balboa, que dejó a cuatro personas asesinadas.",
         "es", 7),
        ("Quatro pessoas foram mortas a tiros num bar de Guarulhos no sábado. Em outra chacina, "
         "em Mauá, dois jovens foram assassinados.", "pt", 6),
    ],
    ids=["es", "pt"],
)
def test_another_massacre_counts_apart(text: str, language: str, toll: int,
                                       settings: Settings, resources: Resources) -> None:
    """`apart`: a sentence opening on another event is no retelling of the first."""
    assert _toll(text, language, settings, resources)[0] == toll


def test_a_total_over_three_clashes_holds_them(settings: Settings, resources: Resources) -> None:
    """`aggregate_cue`: "murieron en tres enfrentamientos" is a total."""
    text = ("Once presuntos delincuentes murieron el viernes en tres enfrentamientos con "
            "militares en Michoacán, informó la Secretaría de Seguridad.")
    toll, _ = _toll(text, "es", settings, resources)
    assert toll == 11


def test_policemen_who_died_in_an_accident_are_no_toll(settings: Settings,
                                                       resources: Resources) -> None:
    """incidents/build.py `_accident_deaths`: "morreram no acidente" after the figure."""
    text = ("Um helicóptero da polícia caiu durante uma operação em Belford Roxo. Os dois "
            "policiais que estavam na aeronave morreram no acidente. No domingo, moradores "
            "encontraram três corpos com marcas de tiros na comunidade.")
    assert _toll(text, "pt", settings, resources)[0] == 3


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Carreta tomba e mata dois\n\nO caminhão colidiu com uma mureta na BR-040. O motorista "
         "morreu no local e o ajudante morreu no hospital.", "pt"),
        ("Sete pessoas morreram numa colisão entre um ônibus e um carro na BR-101. Segundo o "
         "Corpo de Bombeiros, militares do batalhão ajudaram no resgate.", "pt"),
        ("Tres personas fallecieron en una colisión entre dos camionetas en la carretera a "
         "Puebla, informó la Guardia Nacional.", "es"),
    ],
    ids=["pt-lead-collision", "pt-corpo-de-bombeiros", "es-colision"],
)
def test_a_road_crash_is_no_violence(text: str, language: str, settings: Settings,
                                     resources: Resources) -> None:
    """violence/lang/pt.py and es.py `accident` ("colidiu", "colisión"), the lead's
    accident frame (violence/relevance.py `_dominant_frame`) and "Corpo de Bombeiros"."""
    assert not _toll(text, language, settings, resources)[0]


def test_last_years_attack_is_background(settings: Settings, resources: Resources) -> None:
    """`background`: "em agosto do ano passado"."""
    text = ("Dois militares foram mortos numa emboscada perto de Macomia na terça-feira. O mesmo "
            "grupo matou seis civis em Quissanga em agosto do ano passado, segundo residentes.")
    assert _toll(text, "pt", settings, resources)[0] == 2
