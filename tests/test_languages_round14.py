"""Round fourteen of the languages (tests/golden/annotated/languages-round14.jsonl): French
(Sahel, DR Congo, Cameroon, Haiti), Spanish (Mexico, Colombia, Venezuela, Ecuador, Peru)
and Portuguese (Brazil, Cabo Delgado) reports with updates, conflicting sources, claims
of armed groups and of the army, background totals, two irrelevant per language. One
sentence or short report per rule the round taught, written for tollwatch, nothing copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden_support import extract_text as _extract
from golden_support import killed_figures as _killed
from golden_support import load_records, record_toll
from golden_support import text_toll as _toll
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND14 = Path(__file__).parent / "golden" / "annotated" / "languages-round14.jsonl"
RECORDS = load_records(ROUND14)

# The reports of the round still missed (docs/languages.md, "Round fourteen"): the
# residents' seven against the security secretariat's five of the headline and the lead;
# the later, larger figure is taken as completing the headline's (incidents/corefer.py
# `_completed`) and its speaker is not found (docs/languages.md, "Round seventeen").
KNOWN_MISSES = {"pt-r14-4"}


def test_the_round_holds_ten_reports_per_language() -> None:
    counts = {lang: sum(r["lang"] == lang for r in RECORDS) for lang in ("fr", "es", "pt")}
    assert counts == {"fr": 10, "es": 10, "pt": 10}
    assert sum(not r["relevant"] for r in RECORDS) == 6


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


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Zacatecas: al menos 12 asesinatos en el fin de semana\n\nAl menos 12 "
                     "personas fueron asesinadas en Zacatecas entre el viernes y el domingo."
                     "\n\nEl ataque más violento ocurrió en Fresnillo, donde cuatro jóvenes "
                     "fueron asesinados en una fiesta.", "es", 12, id="es-the-most-violent"),
        pytest.param("Fim de semana violento na Grande Natal\n\nOito pessoas foram mortas na "
                     "Grande Natal entre a sexta-feira e o domingo.\n\nO caso mais grave "
                     "aconteceu em Parnamirim, onde três homens foram executados.", "pt", 8,
                     id="pt-the-worst-case"),
        pytest.param("Ituri : 26 civils tués en une semaine\n\nAu moins 26 civils ont été tués "
                     "en une semaine dans trois attaques en territoire de Djugu.\n\nL'attaque "
                     "la plus sanglante a visé Drodro, où onze personnes ont été tuées.", "fr",
                     26, id="fr-the-bloodiest"),
    ],
)
def test_the_deadliest_attack_is_inside_the_total(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


def test_the_deadliest_attack_sets_its_flag() -> None:
    bound = sentence_tolls("L'attaque la plus meurtrière a visé Kamango, où douze personnes "
                           "ont été tuées.", language="fr")
    assert [b.best for b in bound if "part_cue" in b.flags] == [12]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("Attaque contre un camp de déplacés en Ituri\n\nDes miliciens ont attaqué "
                     "mardi un camp de déplacés près de Bunia.\n\nUn responsable du camp a fait "
                     "état d'un bilan provisoire de huit morts.\n\nMercredi, l'ONU a indiqué "
                     "que onze civils avaient été tués.", "fr", 11,
                     id="fr-a-later-count-after-a-provisional-one"),
        pytest.param("Ataque en Tumaco\n\nHombres armados atacaron el sábado un caserío de "
                     "Tumaco.\n\nSegún un balance preliminar de la alcaldía, seis personas "
                     "murieron.\n\nEl domingo, la Defensoría informó que nueve personas fueron "
                     "asesinadas.", "es", 9, id="es-a-later-count-after-a-preliminary-one"),
        pytest.param("Ataque em aldeia de Muidumbe\n\nInsurgentes atacaram no domingo uma "
                     "aldeia de Muidumbe.\n\nUm balanço provisório apontava quatro mortos."
                     "\n\nNa segunda-feira, o administrador confirmou seis mortos.", "pt", 6,
                     id="pt-a-later-count-after-a-provisional-one"),
        pytest.param("Nord-Kivu : douze civils tués à Oicha\n\nSelon un bilan provisoire, douze "
                     "civils ont été tués dans la nuit à Oicha.", "fr", 12,
                     id="fr-a-provisional-toll-alone-counts"),
    ],
)
def test_a_provisional_toll_and_the_other_count_are_one(
    text: str, language: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, language, settings, resources) == expected


def test_the_forces_killing_bandits_is_an_official_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Niger : trois villageois tués près de Gaya\n\nTrois villageois ont été tués "
            "dimanche près de Gaya lors d'une attaque de bandits armés.\n\nLors de la "
            "riposte, les gendarmes ont abattu deux bandits.")
    extraction = _extract(text, "fr", settings, resources)
    claims = [i for i in extraction.incidents if i.kind == "claim"]
    assert document_toll(extraction) == 3
    assert [(c.killed.best if c.killed else None) for c in claims] == [2]
    assert [c.source.role if c.source else None for c in claims] == ["official"]


def test_the_police_older_figure_folds_into_the_toll(
    settings: Settings, resources: Resources
) -> None:
    text = ("Haïti : au moins 18 morts à Pétion-Ville\n\nAu moins 18 personnes ont été tuées "
            "lors d'une attaque de gangs à Pétion-Ville, selon une ONG.\n\nLa police avait "
            "annoncé lundi un bilan de neuf morts.")
    assert _toll(text, "fr", settings, resources) == 18


def test_a_vague_toll_and_its_count_of_bodies_are_one(
    settings: Settings, resources: Resources
) -> None:
    text = ("Mali : une trentaine de civils tués à Diallassagou\n\nUne trentaine de civils "
            "ont été tués samedi lors d'une attaque contre le village de Diallassagou.\n\n"
            "« Nous avons enterré 32 corps », a déclaré un chef de village.")
    assert _toll(text, "fr", settings, resources) == 32


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Le bilan s'est alourdi : deux autres corps ont été retrouvés, portant à "
                     "sept le nombre de morts.", [7], id="the-bodies-before-the-toll"),
        pytest.param("Le bilan s'est alourdi à neuf morts après la découverte de quatre autres "
                     "corps.", [9], id="the-bodies-after-the-toll"),
        pytest.param("Les enquêteurs ont compté 14 corps dans la fosse.", [14],
                     id="bodies-counted"),
        pytest.param("Le corps expéditionnaire a perdu deux hommes tués au combat.", [2],
                     id="a-corps-of-the-army-is-no-body"),
    ],
)
def test_bodies_in_french(text: str, expected: list[int]) -> None:
    assert _killed(text, "fr") == expected


def test_more_bodies_inside_an_update_are_not_added(
    settings: Settings, resources: Resources
) -> None:
    text = ("Cameroun : cinq morts dans une attaque à Mora\n\nDes assaillants ont tué cinq "
            "personnes vendredi soir à Mora, selon des sources locales.\n\nSamedi, le bilan "
            "s'est alourdi : quatre autres corps ont été découverts près de la rivière, "
            "portant à neuf le nombre de morts.")
    assert _toll(text, "fr", settings, resources) == 9


def test_the_headline_suspects_are_the_lead_men(settings: Settings, resources: Resources) -> None:
    text = ("Três suspeitos morrem em confronto com a PM em Feira de Santana\n\nTrês homens "
            "morreram durante uma troca de tiros com policiais militares no bairro George "
            "Américo, na noite deste sábado.")
    assert _toll(text, "pt", settings, resources) == 3


def test_the_army_passive_kill_is_an_official_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Tres soldados muertos en ataque en Argelia, Cauca\n\nTres soldados murieron el "
            "martes en un ataque con drones en Argelia, Cauca.\n\nEl Ejército informó que en "
            "la persecución posterior fueron dados de baja cuatro integrantes del grupo.")
    extraction = _extract(text, "es", settings, resources)
    claims = [i for i in extraction.incidents if i.kind == "claim"]
    assert document_toll(extraction) == 3
    assert [(c.killed.best if c.killed else None) for c in claims] == [4]
    assert [c.source.role if c.source else None for c in claims] == ["official"]
