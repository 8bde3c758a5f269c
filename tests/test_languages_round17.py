"""Round seventeen of the languages (tests/golden/annotated/languages-round17.jsonl): full-length
French (Djibo, an ambush between Gao and Ansongo, Banibangou, a Djugu displaced camp, Saké,
Bambui, Mozogo, Kenscoff, the Haut-Mbomou, an army communiqué on the Kompienga), Spanish
(Celaya, Culiacán's bodies, an Apatzingán ambush, Suárez in the Cauca, a Yarumal masacre,
the Catatumbo, Guayaquil, Quevedo, El Callao, the Vraem) and Portuguese (Macomia, Mocímboa da
Praia, Chiúre, the Penha, Salvador, Nova Iguaçu, Cabinda, Luanda, the Lunda Norte, Feira de
Santana) reports with updates, conflicting sources, the forces' claims, the attackers' dead,
background totals, two irrelevant per language (a bus crash, an electoral "carnage"; a
landslide, a football "masacre"; a bus that overturned, a cyclone). One sentence or short
report per rule the round taught, written for tollwatch, nothing copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden_support import doc_toll_misses, extract_text, load_records, record_toll, text_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND17 = Path(__file__).parent / "golden" / "annotated" / "languages-round17.jsonl"
RECORDS = load_records(ROUND17)

# The reports of the round still missed (docs/languages.md, "Round seventeen").
KNOWN_MISSES: set[str] = set()


def _flags(text: str, language: str) -> list[tuple[int | None, frozenset[str]]]:
    return [(b.best, frozenset(b.flags)) for b in sentence_tolls(text, language=language)
            if b.outcome == "killed"]


def test_the_round_holds_twelve_reports_per_language() -> None:
    counts = {lang: sum(r["lang"] == lang for r in RECORDS) for lang in ("fr", "es", "pt")}
    assert counts == {"fr": 12, "es": 12, "pt": 12}
    for lang in ("fr", "es", "pt"):
        assert sum(r["lang"] == lang and not r["relevant"] for r in RECORDS) == 2


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
    misses = doc_toll_misses(ROUND17, settings, resources, at_least=36)
    assert {m[0] for m in misses} == KNOWN_MISSES


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Un premier bilan évoquait huit morts ; le bilan est désormais de 14 morts.",
                     "fr", id="fr-desormais"),
        pytest.param("Un primer reporte hablaba de ocho muertos; la cifra es ahora de 14 muertos.",
                     "es", id="es-es-ahora-de"),
        pytest.param("Um primeiro balanço apontava oito mortos; o número é agora de 14 mortos.",
                     "pt", id="pt-e-agora-de"),
    ],
)
def test_the_count_that_is_now_the_toll_is_an_update(text: str, language: str) -> None:
    flags = _flags(text, language)
    assert [best for best, _ in flags] == [8, 14]
    assert "update" not in flags[0][1] and "update" in flags[1][1]


def test_a_first_toll_and_the_one_that_replaced_it_in_one_sentence(
    settings: Settings, resources: Resources
) -> None:
    text = ("Centrafrique : quatorze morts dans une attaque contre un village\n\nQuatorze "
            "personnes ont été tuées vendredi lors d'une attaque contre le village de Dembia, "
            "dans le Haut-Mbomou.\n\nUn premier bilan transmis samedi par la mairie évoquait "
            "huit morts ; le bilan est désormais de 14 morts, après la découverte de nouveaux "
            "corps.")
    assert text_toll(text, "fr", settings, resources) == 14


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Desde entonces, más de 1.200 personas han sido asesinadas en el estado.",
                     "es", id="es-desde-entonces"),
        pytest.param("Depuis lors, plus de 3 000 personnes ont été tuées dans la région.", "fr",
                     id="fr-depuis-lors"),
        pytest.param("Desde então, mais de 2.000 pessoas foram mortas na província.", "pt",
                     id="pt-desde-entao"),
    ],
)
def test_since_then_is_a_running_total(text: str, language: str) -> None:
    assert all("cumulative" in flags for _, flags in _flags(text, language))


def test_a_running_total_since_a_start_told_before_is_background(
    settings: Settings, resources: Resources
) -> None:
    text = ("Localizan seis cuerpos en Culiacán\n\nLos cuerpos de seis hombres fueron "
            "localizados este lunes al oriente de Culiacán, informó la Fiscalía.\n\nLa "
            "violencia en Sinaloa se disparó desde septiembre de 2024 por la guerra interna "
            "del Cártel de Sinaloa. Desde entonces, más de 1.200 personas han sido asesinadas "
            "en el estado.")
    assert text_toll(text, "es", settings, resources) == 6


def test_an_older_count_with_its_day_before_the_figure(
    settings: Settings, resources: Resources
) -> None:
    text = ("Defensoría eleva a 56 los muertos en el Catatumbo\n\nLa cifra de muertos por los "
            "combates en el Catatumbo aumentó a 56, informó este jueves la Defensoría del "
            "Pueblo.\n\nEl gobernador de Norte de Santander había hablado el martes de «al "
            "menos 40 muertos confirmados».")
    assert text_toll(text, "es", settings, resources) == 56


def test_an_older_count_told_as_earlier_in_portuguese(
    settings: Settings, resources: Resources
) -> None:
    text = ("Sobe para seis o número de mortos em operação da PM na Bahia\n\nSubiu para seis o "
            "número de mortos na operação da Polícia Militar no bairro de Valéria, em Salvador, "
            "neste domingo.\n\nMais cedo, a Secretaria da Segurança Pública havia informado "
            "quatro mortes; dois homens levados para o hospital morreram à tarde.")
    assert text_toll(text, "pt", settings, resources) == 6


def test_salvador_in_a_portuguese_report_is_the_city_of_bahia(
    settings: Settings, resources: Resources
) -> None:
    text = ("Operação da PM deixa seis mortos em Salvador\n\nSeis pessoas morreram na operação "
            "da Polícia Militar no bairro de Valéria, em Salvador, neste domingo.")
    extraction = extract_text(text, "pt", settings, resources)
    places = [i.place for i in extraction.incidents if i.place is not None]
    assert places and places[0].country == "BR"


def test_el_salvador_spelled_with_its_article_is_still_the_country(
    settings: Settings, resources: Resources
) -> None:
    text = "Guerrillas killed six soldiers in El Salvador on Sunday, the army said."
    extraction = extract_text(text, "en", settings, resources)
    places = [i.place for i in extraction.incidents if i.place is not None]
    assert places and places[0].country == "SV"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Emboscan a militares en Michoacán; mueren dos soldados\n\nDos soldados "
                     "murieron el domingo en una emboscada en Apatzingán, informó la Defensa."
                     "\n\nEn la repulsión de la agresión, cuatro agresores fueron abatidos, "
                     "añadió la Defensa.", "es", 2, id="es-anadio-la-defensa"),
        pytest.param("Un militar muerto en operativo en Los Ríos\n\nUn soldado murió este "
                     "martes durante un operativo contra Los Lobos en Quevedo.\n\nTres "
                     "presuntos integrantes de la banda fueron abatidos y otros cinco, "
                     "detenidos.", "es", 1, id="es-presuntos-abatidos"),
    ],
)
def test_the_enemies_the_forces_shot_down_are_their_claim(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert text_toll(text, language, settings, resources) == expected


def test_the_other_party_conceding_its_dead_after_a_claim(
    settings: Settings, resources: Resources
) -> None:
    flags = _flags("Cabinda: FLEC diz ter matado 12 militares angolanos, FAA reconhecem duas "
                   "mortes", "pt")
    assert [(best, "claim_cue" in f) for best, f in flags] == [(12, True), (2, False)]
    text = ("Cabinda: FLEC diz ter matado 12 militares angolanos, FAA reconhecem duas mortes"
            "\n\nA FLEC-FAC afirmou hoje ter matado 12 militares das Forças Armadas Angolanas "
            "num confronto em Buco-Zau. Um porta-voz das FAA reconheceu a morte de dois "
            "militares.")
    assert text_toll(text, "pt", settings, resources) == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Ônibus tomba na BR-381 e deixa 14 mortos em Minas Gerais\n\nCatorze "
                     "pessoas morreram depois que um ônibus de turismo tombou na BR-381, em "
                     "João Monlevade.", "pt", id="pt-onibus-tomba"),
    ],
)
def test_a_vehicle_that_overturned_has_no_toll(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    assert text_toll(text, language, settings, resources) == 0


def test_a_soldier_who_fell_in_combat_is_no_accident(
    settings: Settings, resources: Resources
) -> None:
    text = ("Três soldados tombaram em combate contra insurgentes em Macomia\n\nTrês soldados "
            "moçambicanos foram mortos num ataque de insurgentes em Macomia, disseram fontes "
            "locais.")
    assert text_toll(text, "pt", settings, resources) == 3


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Angola: quatro mortos em protesto em Luanda, segundo a polícia\n\nQuatro "
                     "pessoas morreram durante os protestos de taxistas em Luanda, anunciou "
                     "hoje a Polícia Nacional, mas organizações da sociedade civil falam em "
                     "pelo menos nove mortos.", "pt", 4, id="pt-police-headline"),
        pytest.param("Haïti : au moins 20 morts à Kenscoff, selon le RNDDH\n\nAu moins vingt "
                     "personnes ont été tuées à Kenscoff, a dénoncé le RNDDH.\n\nLa Police "
                     "nationale a de son côté fait état de douze morts.", "fr", 20,
                     id="fr-monitor-headline"),
    ],
)
def test_the_figure_of_the_headline_is_the_one_the_report_leads_with(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert text_toll(text, language, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "language", "contrast"),
    [
        pytest.param("Quatro pessoas morreram, anunciou a polícia, mas organizações falam em "
                     "nove mortos.", "pt", [False, True], id="pt-mas"),
        pytest.param("Vingt personnes ont été tuées, selon le RNDDH, mais la police parle de "
                     "douze morts.", "fr", [False, True], id="fr-mais"),
        pytest.param("Moradores falam em mais de dez mortos.", "pt", [False],
                     id="pt-mais-de-is-no-contrast"),
    ],
)
def test_a_figure_set_against_the_one_before(
    text: str, language: str, contrast: list[bool]
) -> None:
    assert ["contrast" in flags for _, flags in _flags(text, language)] == contrast
