"""Round nineteen of the languages, French (tests/golden/annotated/languages-round19-fr.jsonl):
reports written for tollwatch in the patterns of real French conflict reporting (Sahel, DR
Congo, Cameroon, Chad, Haiti, Mozambique), three irrelevant. One short sentence per rule the
round taught, nothing copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from golden_support import record_toll
from tollwatch.pipeline import Resources
from tollwatch.read.cleaning import is_boilerplate
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND19 = Path(__file__).parent / "golden" / "annotated" / "languages-round19-fr.jsonl"
RECORDS = [json.loads(line) for line in ROUND19.read_text(encoding="utf-8").splitlines()]

# The reports of the round still missed (docs/quality.md, "stop 28: fr29").
KNOWN_MISSES: set[str] = {
    # a week's total dated by the day of its count: Wednesday's seven (told in the
    # pluperfect) fall outside it and are added
    "fr-r19-1",
    # "Cinq Volontaires pour la défense de la patrie (VDP) ont perdu la vie": the name is
    # longer than the words a figure may stand from its verb (a long-name rule read the
    # five, but then took the auxiliaries for the attackers of languages-round9's fr-r9-1)
    "fr-r19-3",
}


def _killed(text: str) -> list[tuple[int | None, frozenset[str]]]:
    return [(b.best, frozenset(b.flags)) for b in sentence_tolls(text, language="fr")
            if b.outcome == "killed"]


def test_the_round_holds_sixteen_french_reports() -> None:
    assert len(RECORDS) == 16 and all(r["lang"] == "fr" for r in RECORDS)
    assert sum(not r["relevant"] for r in RECORDS) == 3


@pytest.mark.parametrize(
    "record",
    [pytest.param(r, id=r["id"], marks=[pytest.mark.xfail(strict=True, reason="known miss")]
                  if r["id"] in KNOWN_MISSES else []) for r in RECORDS],
)
def test_each_report_keeps_its_document_toll(
    record: dict[str, object], settings: Settings, resources: Resources
) -> None:
    assert record_toll(record, settings, resources) == (record["doc_toll"] or 0)


def test_the_forces_word_for_their_enemies_is_a_claim() -> None:
    assert all("claim_cue" in f for _, f in _killed("Burkina : 12 terroristes tués à Dori"))


def test_announced_killing_is_a_claim() -> None:
    flags = _killed("L'armée a annoncé avoir tué 15 jihadistes près de Ménaka.")
    assert flags and all("claim_cue" in f for _, f in flags)


def test_own_dead_before_the_claim_with_its_figure_between_are_counted() -> None:
    found = dict(_killed("Quatre soldats ont été tués et 9 assaillants neutralisés."))
    assert "claim_cue" not in found[4] and "claim_cue" in found[9]


def test_days_of_a_month_are_no_figures() -> None:
    found = [best for best, _ in _killed(
        "L'armée a tué six rebelles lors d'opérations menées le 3 et le 5 mars.")]
    assert found == [6]


def test_beheaded_is_a_death() -> None:
    assert [best for best, _ in _killed("Huit villageois ont été décapités.")] == [8]


def test_last_month_is_background() -> None:
    flags = _killed("Le mois dernier, une attaque avait fait 30 morts à Kaya.")
    assert all("background" in f for _, f in flags)


def test_a_count_of_those_who_confirmed_is_another_source() -> None:
    flags = _killed("L'attaque a été confirmée par un élu, qui a donné un bilan de 12 morts.")
    assert all("other_source" in f for _, f in flags)


def test_a_french_link_to_another_story_is_boilerplate() -> None:
    assert is_boilerplate("→ A LIRE AUSSI : Mali : 12 morts dans une attaque à Gao")
    assert is_boilerplate("Lire aussi : Niger : l'armée repousse une attaque")


def test_a_count_set_against_the_last_quarter_is_cumulative() -> None:
    flags = _killed("Au moins 800 personnes ont été tuées, en hausse par rapport au "
                    "trimestre précédent.")
    assert flags and all("cumulative" in f for _, f in flags)
