"""Casualty figures in French, Spanish and Portuguese: the shared clause grammar reading
each language's words (tolls/lang/<code>.py), and the goldens of each language scored
as the eval scores them (tests/golden/annotated/languages-<code>.jsonl)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

GOLDEN = Path(__file__).parent / "golden" / "annotated"


def _figures(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(b.outcome, b.low, b.best, b.high) for b in sentence_tolls(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French: number words, "au moins", a figure after "et", vague amounts
        ("Au moins vingt soldats ont été tués dimanche.", [("killed", 20, 20, None)]),
        ("Trois gendarmes et un civil ont été tués mercredi.",
         [("killed", 3, 3, 3), ("killed", 1, 1, 1)]),
        ("Une trentaine de civils ont été tués.", [("killed", 30, 30, None)]),
        ("Des dizaines de villageois ont été tués.", [("killed", 24, 24, None)]),
        ("Dix militaires ont perdu la vie dans une embuscade.", [("killed", 10, 10, 10)]),
        ("Une frappe de drone a tué au moins huit civils.", [("killed", 8, 8, None)]),
        ("L'attaque a fait plus de 40 morts.", [("killed", 41, 41, None)]),
        ("Une attaque a fait des morts et trois blessés.", [("wounded", 3, 3, 3)]),
        ("Le conflit a fait plus de 6 000 morts.", [("killed", 6001, 6001, None)]),
        # Spanish
        ("Un ataque armado dejó cinco muertos y tres heridos.",
         [("killed", 5, 5, 5), ("wounded", 3, 3, 3)]),
        ("Hombres armados mataron a cuatro jóvenes.", [("killed", 4, 4, 4)]),
        ("En el ataque murieron tres uniformados.", [("killed", 3, 3, 3)]),
        ("Decenas de personas fueron asesinadas.", [("killed", 24, 24, None)]),
        # Portuguese
        ("Pelo menos onze pessoas foram mortas na aldeia.", [("killed", 11, 11, None)]),
        ("Chacina deixa seis mortos e quatro feridos.",
         [("killed", 6, 6, 6), ("wounded", 4, 4, 4)]),
        ("Fontes militares confirmaram a morte de dois militares.", [("killed", 2, 2, 2)]),
        ("A violência já fez mais de quatro mil mortos.", [("killed", 4001, 4001, None)]),
        ("Oito pessoas morreram durante a operação.", [("killed", 8, 8, 8)]),
    ],
)
def test_clause_grammar_reads_each_language(
    text: str, expected: list[tuple[str, int | None, int | None, int | None]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Le bilan s'est alourdi à 42 morts, a annoncé l'armée.", "update"),
        ("Sube a 12 la cifra de muertos por el ataque.", "update"),
        ("Sobe para 23 o número de mortos na operação.", "update"),
        ("Le groupe a affirmé avoir tué 25 soldats.", "claim_cue"),
        ("La guerrilla aseguró haber dado de baja a diez policías.", "claim_cue"),
        ("O grupo afirmou ter matado 20 soldados.", "claim_cue"),
        ("Au moins 50 personnes ont été tuées en deux jours.", "aggregate_cue"),
        ("Le conflit a fait plus de 6000 morts depuis fin 2016.", "cumulative"),
        ("A violência fez 4000 mortos desde 2017.", "cumulative"),
    ],
)
def test_sentence_cues_come_from_the_language_tables(text: str, flag: str) -> None:
    bindings = sentence_tolls(text)
    assert bindings and all(flag in b.flags for b in bindings)


def test_an_article_is_not_a_figure() -> None:
    assert _figures("Une attaque contre le poste avait fait des morts.") == []
    assert _figures("Un ataque contra un bar dejó muertos.") == []


def _records(code: str) -> list[dict[str, object]]:
    path = GOLDEN / f"languages-{code}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _doc_toll(record: dict[str, object], settings: Settings, resources: Resources) -> int:
    report = Report(
        id=str(record["id"]), text=str(record["text"]),
        published=date.fromisoformat(str(record["published"])), language=str(record["lang"]),
    )
    return extract(report, settings=settings, resources=resources).toll() or 0


# The share of each language's goldens whose document toll is exact (docs/languages.md).
FLOORS = {"fr": 0.75, "es": 0.85, "pt": 0.85}


@pytest.mark.parametrize("code", sorted(FLOORS))
def test_golden_document_tolls_per_language(
    code: str, settings: Settings, resources: Resources
) -> None:
    records = _records(code)
    assert len(records) >= 6
    misses = [
        (r["id"], r["doc_toll"], toll)
        for r in records
        if (toll := _doc_toll(r, settings, resources)) != (r["doc_toll"] or 0)
    ]
    exact = 1 - len(misses) / len(records)
    assert exact >= FLOORS[code], misses


def test_goldens_quote_their_evidence() -> None:
    for code in ("fr", "es", "pt"):
        for record in _records(code):
            text = str(record["text"])
            for incident in record["incidents"]:  # type: ignore[attr-defined]
                for quote in incident["evidence"]:
                    assert quote in text, (record["id"], quote)
