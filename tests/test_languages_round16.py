"""Round sixteen of the languages (tests/golden/annotated/languages-round16.jsonl): full-length
French (Boulkessi, Solenzo, Tillia, Ituri's ADF, a Goma camp, Bamenda, Mirebalais and
Croix-des-Bouquets, a drone strike at Tiawa), Spanish (Irapuato, Culiacán's bodies, an
Indepaz masacre, Guaviare, a líder social in Tumaco, a Machala prison riot, Guayaquil, a
Petare operation, a Michoacán ambush) and Portuguese (Macomia, Mocímboa da Praia, the Maré,
Salvador, Itaquera, Fortaleza, the Guarujá, Muidumbe, Caarapó) reports with updates,
conflicting sources, the forces' claims, background totals, three irrelevant per language
(a road collision, floods, an appeal ruling on a 2009 massacre; a football "masacre", a
landslide, a bus that overturned; rains, a bus crash, a football "massacre"). One sentence
or short report per rule the round taught, written for tollwatch, nothing copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures, load_records, record_toll, text_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

ROUND16 = Path(__file__).parent / "golden" / "annotated" / "languages-round16.jsonl"
RECORDS = load_records(ROUND16)

# The reports of the round still missed (docs/languages.md, "Round sixteen").
KNOWN_MISSES: set[str] = set()


def test_the_round_holds_twelve_reports_per_language() -> None:
    counts = {lang: sum(r["lang"] == lang for r in RECORDS) for lang in ("fr", "es", "pt")}
    assert counts == {"fr": 12, "es": 12, "pt": 12}
    for lang in ("fr", "es", "pt"):
        assert sum(r["lang"] == lang and not r["relevant"] for r in RECORDS) == 3


@pytest.mark.parametrize(
    "record",
    [pytest.param(r, id=r["id"], marks=[pytest.mark.xfail(strict=True, reason="known miss")]
                  if r["id"] in KNOWN_MISSES else []) for r in RECORDS],
)
def test_each_report_keeps_its_document_toll(
    record: dict[str, object], settings: Settings, resources: Resources
) -> None:
    toll = record_toll(record, settings, resources)
    assert toll == (record["doc_toll"] or 0)


def test_the_misses_are_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    misses = doc_toll_misses(ROUND16, settings, resources, at_least=36)
    assert {m[0] for m in misses} == KNOWN_MISSES


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("En el enfrentamiento murieron también tres de los agresores.", "es", [3],
                     id="es-tambien"),
        pytest.param("Murieron además dos civiles.", "es", [2], id="es-ademas"),
        pytest.param("No confronto morreram também três dos atacantes.", "pt", [3],
                     id="pt-tambem"),
    ],
)
def test_an_adverb_between_the_verb_and_its_figure(
    text: str, language: str, expected: list[int]
) -> None:
    assert killed_figures(text, language) == expected


def test_the_other_bodies_are_the_rest_of_the_total(
    settings: Settings, resources: Resources
) -> None:
    text = ("Localizan 20 cuerpos en Culiacán\n\nLos cuerpos de 20 hombres fueron localizados "
            "el lunes en Culiacán, informó la Fiscalía.\n\nCuatro de las víctimas estaban "
            "colgadas de un puente, mientras que los otros 16 cuerpos estaban dentro de una "
            "camioneta.")
    assert text_toll(text, "es", settings, resources) == 20


def test_other_bodies_without_the_article_still_add(
    settings: Settings, resources: Resources
) -> None:
    text = ("Localizan 20 cuerpos en Culiacán\n\nLos cuerpos de 20 hombres fueron localizados "
            "el lunes en Culiacán, informó la Fiscalía.\n\nEl martes, en Navolato, fueron "
            "hallados otros 6 cuerpos.")
    assert text_toll(text, "es", settings, resources) == 26


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Operação policial deixa oito mortos, diz Fogo Cruzado\n\nOito pessoas "
                     "morreram durante uma operação da Polícia Militar no Rio, segundo "
                     "levantamento do Instituto Fogo Cruzado.\n\nA Polícia Militar informou que "
                     "seis suspeitos morreram em confronto com os agentes.", "pt", 8,
                     id="pt-fogo-cruzado-over-the-pm"),
        pytest.param("Operação deixa seis mortos, segundo Ouvidoria\n\nA Ouvidoria das Polícias "
                     "contabilizou seis mortos em ações da PM no Guarujá.\n\nA Secretaria da "
                     "Segurança Pública fala em quatro suspeitos mortos em confronto com os "
                     "agentes.", "pt", 6, id="pt-ouvidoria-over-the-ssp"),
    ],
)
def test_the_forces_version_of_an_operation_folds_into_the_independent_count(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert text_toll(text, language, settings, resources) == expected


def test_a_death_in_a_when_clause_beside_another_count(
    settings: Settings, resources: Resources
) -> None:
    text = ("Operação no Guarujá\n\nA Ouvidoria contabilizou seis mortos em ações da PM no "
            "Guarujá desde sexta-feira (7), quando um soldado da Rota foi morto a tiros.")
    assert text_toll(text, "pt", settings, resources) == 7


def test_another_source_cued_figure_does_not_inherit_the_source_before(
    settings: Settings, resources: Resources
) -> None:
    text = ("RDC : au moins 35 civils tués en Ituri\n\nAu moins 35 civils ont été tués dans la "
            "nuit de lundi à mardi à Mambelenga, selon la société civile locale.\n\nLe "
            "porte-parole de l'armée dans la région, le lieutenant Jean Mbala, a pour sa part "
            "évoqué un bilan de 22 morts.")
    assert text_toll(text, "fr", settings, resources) == 35


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Mueren 18 al volcar un autobús en Oaxaca\n\nDieciocho personas murieron "
                     "al volcar un autobús en la carretera federal 190. La Fiscalía abrió una "
                     "carpeta de investigación por homicidio culposo.", "es",
                     id="es-homicidio-culposo"),
        pytest.param("Ônibus capota e deixa 12 mortos\n\nDoze pessoas morreram quando um ônibus "
                     "capotou na BR-116. O motorista vai responder por homicídio culposo.", "pt",
                     id="pt-homicidio-culposo"),
        pytest.param("Guinée : la cour d'appel confirme la condamnation de l'ancien chef de la "
                     "junte\n\nLa cour d'appel a confirmé mardi sa condamnation dans l'affaire "
                     "du massacre du 28 septembre 2009.\n\nCe jour-là, au moins 156 personnes "
                     "avaient été tuées dans un stade.", "fr", id="fr-appeal-of-an-old-massacre"),
    ],
)
def test_an_accident_or_an_old_massacre_in_court_has_no_toll(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    assert text_toll(text, language, settings, resources) == 0
