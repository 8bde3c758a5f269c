"""World news, round eleven (tests/golden/annotated/world-round11.jsonl, 30 English reports
of our own: wires, Indian, Pakistani, Nigerian, Kenyan, Somali, Philippine, Colombian and
Mexican outlets, Gaza and the West Bank, Ukraine's governors, Sudan, a live blog, an
explainer, a "what we know" list, a roundup, two rights reports and eight irrelevant
reports with figures). Scored once on the unchanged code (0585949): 23 of 30 document
tolls right, every irrelevant report at 0. The rules it led to: ages in apposition
between a count and its verb; armed men killed "in an encounter with" the forces, told by
the forces, a claim; "shot dead" a forces' result; a headline figure of armed men over
the body's passive claim that claim."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round11.jsonl"
# Left (docs/quality.md, stop 24, world11):
KNOWN_MISSES = {
    # 18 bodies of the forces' 22 kept as a toll beside the claim (as p24-en-india-maoists)
    "w11-india-bijapur-jawan",
    # "Police spokesman X told reporters that security forces shot dead two ...": no speaker
    "w11-somalia-mogadishu-cafe",
    # the shooter's self-inflicted death folded into the children's count
    "w11-whatweknow-shooting",
    # "dozens of assailants were killed in the counteroffensive": the ministry's claim kept
    "w11-roundup-sahel",
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
    """Scored once before the rules: 23 of 30; after them 24 of 30."""
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


def test_armed_men_killed_in_an_encounter_told_by_the_forces_are_a_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Four guerrillas were killed in a clash with government troops in the mountains "
            "on Tuesday, the army said.")
    toll, kinds = _tolls(text, settings, resources)
    assert kinds == ["claim"]
    assert not toll


def test_the_headline_of_a_passive_claim_is_that_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("5 rebels killed in encounter in the hills\n\nFive suspected members of the "
            "rebel front were killed in an encounter with soldiers on Monday, the military "
            "said. No soldier was hurt.")
    toll, kinds = _tolls(text, settings, resources)
    assert kinds == ["claim"]
    assert not toll


def test_the_forces_own_loss_in_an_encounter_still_counts(
    settings: Settings, resources: Resources
) -> None:
    text = ("Two soldiers were killed in an encounter with rebels in the hills on Monday, "
            "the military said.")
    assert _tolls(text, settings, resources)[0] == 2
