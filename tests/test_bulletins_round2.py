"""Monitors' bulletins, round two (tests/golden/annotated/bulletins-round2.jsonl, 12 reports of
our own, 7 right out of sample): a count raised by its speaker ("raises toll of civilians
executed to 33"), a toll that "reached" its figure, a month's tally, a headline over a running
total, a military command's claim about its own strike, and a tracker's dated items."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.incidents.background import is_cumulative_sentence
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

GOLDEN = Path(__file__).resolve().parent / "golden" / "annotated" / "bulletins-round2.jsonl"


def _extract(text: str, settings: Settings, resources: Resources):
    report = Report(id="b", text=text, language="en", published=date(2025, 10, 6))
    return extract(report, settings=settings, resources=resources)


def test_every_bulletin_keeps_its_document_toll(settings: Settings, resources: Resources) -> None:
    assert not doc_toll_misses(GOLDEN, settings, resources, at_least=12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The monitor raises toll of civilians executed to 33 in the coastal town", [33]),
        ("The group has raised the number of people killed in the city of Homs to 21.", [21]),
        ("The shelling raises the number of casualties to 47 and the number of displaced "
         "people increases to about 14000 persons", [47]),
        ("The death toll reached 47 on Monday.", [47]),
        ("The number of people killed in the province during November reached 18.", [18]),
    ],
    ids=["raises-toll-of", "raised-the-number", "no-second-figure", "reached", "number-reached"],
)
def test_a_raised_or_reached_toll(text: str, expected: list[int]) -> None:
    found = [b.best for b in sentence_tolls(text) if b.outcome == "killed"]
    assert found == expected
    assert all("update" in b.flags for b in sentence_tolls(text) if b.outcome == "killed")


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        ("The monitor documented the deaths of 310 people across the country in May.", True),
        ("The number of people killed in the province during the month of June was 52, "
         "according to the monitor's tally.", True),
        ("According to the monitor's monthly statistics, 64 of the dead were civilians.", True),
        ("Two men were shot dead in May, police said.", False),
        ("Gunmen killed five people on 3 May, residents said.", False),
    ],
    ids=["documented-in-may", "during-the-month", "monthly-statistics", "one-event-in-may",
         "a-day-of-may"],
)
def test_a_months_tally_is_a_running_total(text: str, cumulative: bool) -> None:
    assert is_cumulative_sentence(text) is cumulative


def test_a_headline_over_a_running_total_is_no_news(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Homs: 29 people killed in security chaos in September\n\n"
        "The number of people killed in security chaos in Homs province during September "
        "reached 29, according to the monitor's tally for the month."
    )
    assert not _extract(text, settings, resources).toll()


def test_a_military_command_claims_its_own_strike(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Air strike near Jilib\n\n"
        "A US air strike on a vehicle near Jilib killed four civilians, local elders said. "
        "US Africa Command said the strike killed three al-Shabaab militants."
    )
    extraction = _extract(text, settings, resources)
    claims = [i.killed.best for i in extraction.incidents if i.kind == "claim" and i.killed]
    assert extraction.toll() == 4
    assert claims == [3]


def test_a_trackers_dated_items_are_separate_incidents(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Security tracker: incidents of 1 to 5 October\n\n"
        "1 October - Beni territory (North Kivu): ADF fighters killed seven civilians in "
        "fields near Oicha.\n\n"
        "4 October - Masisi territory (North Kivu): Clashes between two militias near "
        "Kibabi left four combatants dead, local sources said."
    )
    assert _extract(text, settings, resources).toll() == 11


def test_a_raised_running_count_of_a_cause_is_cumulative() -> None:
    text = "More casualties raise the death toll of mines in the city to about 160"
    (binding,) = [b for b in sentence_tolls(text) if b.outcome == "killed"]
    assert binding.best == 160 and "cumulative" in binding.flags
