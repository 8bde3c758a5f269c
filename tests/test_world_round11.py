"""World news, round eleven (tests/golden/annotated/world-round11.jsonl, 30 English reports
of our own: wires, Indian, Pakistani, Nigerian, Kenyan, Somali, Philippine, Colombian and
Mexican outlets, Gaza and the West Bank, Ukraine's governors, Sudan, a live blog, an
explainer, a "what we know" list, a roundup, two rights reports and eight irrelevant
reports with figures). Scored once on the unchanged code (0585949): 23 of 30 document
tolls right (24 of 30 once two passive encounter reports were annotated as rounds seven
and nine count them), every irrelevant report at 0. The rules it led to: ages in
apposition between a count and its verb; "shot dead" among the forces' results; a role
noun's own name between it and its speech verb."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.actors import load_actors
from tollwatch.actors.sources import find_sources
from tollwatch.pipeline import Resources
from tollwatch.records import CleanText, Sentence, Span
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round11.jsonl"
# Left (docs/quality.md, stop 24, world11):
KNOWN_MISSES = {
    # the jawan "martyred" beside 22 Maoists "gunned down" (counted, passive, as in rounds
    # seven and nine): the jawan is not added
    "w11-india-bijapur-jawan",
    # (w11-whatweknow-shooting and w11-roundup-sahel: right since world12, stop 25)
    # "at least five" over its parts three and two: the two counted again
    "w11-ukraine-governor",
    # Goma's 3,000 dated "in late January" a sentence before: not read as background
    "w11-drc-m23",
}


def _tolls(text: str, settings: Settings, resources: Resources) -> tuple[int | None, list[str]]:
    report = Report(id="w", text=text, language="en", published=date(2025, 5, 8))
    result = extract(report, settings=settings, resources=resources)
    return result.toll(), [i.kind for i in result.incidents]


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 23 of 30 (24 as annotated now); after them 25 of 30."""
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=30)}
    assert misses <= KNOWN_MISSES


def test_every_irrelevant_report_keeps_a_zero_toll() -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    irrelevant = [r for r in records if not r["relevant"]]
    assert len(irrelevant) == 8
    assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Two boys, aged 12 and 14, were killed when gunmen fired on a football pitch, the "
         "police said.", 2),
        ("Three farmers, ages 40 to 55, were shot dead by bandits near the village.", 3),
    ],
    ids=["aged", "ages"],
)
def test_ages_between_the_count_and_its_verb(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _tolls(text, settings, resources)[0] == toll


def test_the_forces_shooting_armed_men_dead_is_their_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Soldiers shot dead four militants who tried to storm a checkpoint on Tuesday, "
            "an army spokesman said.")
    toll, kinds = _tolls(text, settings, resources)
    assert kinds == ["claim"]
    assert not toll


def test_a_role_noun_with_its_own_name_speaks(settings: Settings) -> None:
    text = ("Police spokesman Abdifatah Aden Hassan told reporters that security forces shot "
            "dead two other attackers.")
    clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    sources = find_sources(clean, clean.sentences, load_actors(settings))
    assert [(s.name, s.role, s.rule) for s in sources] == [
        ("police spokesman", "official", "sources.v1.claim_result")]


def test_a_passive_toll_told_by_a_named_spokesman_still_counts(
    settings: Settings, resources: Resources
) -> None:
    text = "Police spokesman Ahmed Ali Warsame said six people were killed in the blast."
    assert _tolls(text, settings, resources)[0] == 6
