"""Round eighteen of the languages (tests/golden/annotated/languages-round18.jsonl): full-length
French, Spanish and Portuguese reports written for tollwatch (Sahel, Cameroon, DR Congo, Haiti,
a Paris-desk dispatch; Mexico, Colombia, Ecuador, Venezuela, Peru; Cabo Delgado, Rio, Bahia),
two irrelevant per language. One short sentence per rule the round taught, nothing copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden_support import load_records, record_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND18 = Path(__file__).parent / "golden" / "annotated" / "languages-round18.jsonl"
RECORDS = load_records(ROUND18)

# The reports of the round still missed (docs/languages.md, "Round eighteen").
KNOWN_MISSES: set[str] = set()


def _flags(text: str, language: str) -> list[tuple[int | None, frozenset[str]]]:
    return [(b.best, frozenset(b.flags)) for b in sentence_tolls(text, language=language)
            if b.outcome == "killed"]


def test_the_round_holds_twelve_reports_per_language() -> None:
    counts = {lang: sum(r["lang"] == lang for r in RECORDS) for lang in ("fr", "es", "pt")}
    assert counts == {"fr": 12, "es": 12, "pt": 12}


@pytest.mark.parametrize(
    "record",
    [pytest.param(r, id=r["id"], marks=[pytest.mark.xfail(strict=True, reason="known miss")]
                  if r["id"] in KNOWN_MISSES else []) for r in RECORDS],
)
def test_each_report_keeps_its_document_toll(
    record: dict[str, object], settings: Settings, resources: Resources
) -> None:
    assert record_toll(record, settings, resources) == (record["doc_toll"] or 0)


def test_own_dead_before_a_claim_are_not_the_claim() -> None:
    flags = _flags("L'armée annonce trois morts dans ses rangs et revendique vingt "
                   "« terroristes neutralisés »", "fr")
    assert (3, False) in [(best, "claim_cue" in f) for best, f in flags]


def test_the_pluperfect_forces_verb_is_a_claim() -> None:
    flags = _flags("Le ministère a indiqué que l'armée avait « abattu quatre assaillants ».", "fr")
    assert all("claim_cue" in f for _, f in flags)


def test_a_quarter_count_is_cumulative() -> None:
    flags = _flags("Plus de 900 personnes ont été tuées au premier trimestre, selon l'ONU.", "fr")
    assert all("cumulative" in f for _, f in flags)


def test_abaten_a_presuntos_is_a_claim() -> None:
    flags = _flags("Abaten a cuatro presuntos sicarios en Zacatecas", "es")
    assert all("claim_cue" in f for _, f in flags)


def test_some_of_the_dead_are_a_part() -> None:
    flags = _flags("Familiares de três dos mortos negaram envolvimento com o crime.", "pt")
    assert all("part" in f for _, f in flags)


def test_a_figure_before_the_next_ordinal_is_a_part() -> None:
    flags = _flags("Dos víctimas murieron en el lugar y la tercera en el hospital.", "es")
    assert all("part" in f for _, f in flags)
