"""World news, round six: governors' statements, live-blog entries, an explainer, a long
feature and six irrelevant reports, scored before the rules below were written
(tests/golden/annotated/world-round6.jsonl): running totals "since May 2023" and "N
civilian deaths ... since February 2022"; "killed a family of four"; "one of the
suspected attackers"; the attackers' side killed after their attack ("soldiers killed
two of the separatists", "a reservist was killed" after Israeli strikes); a headline
total whose parts are told paragraphs apart; a court's execution; a film review."""

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

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round6.jsonl"


def _toll(text: str, settings: Settings, resources: Resources,
          published: date = date(2025, 5, 6)) -> int:
    report = Report(id="w", text=text, language="en", published=published)
    return extract(report, settings=settings, resources=resources).toll() or 0


@pytest.mark.parametrize(
    "text",
    [
        "Over 300 people have been killed and thousands forced from their homes in the "
        "fighting between the two communities since May 2022.",
        "The monitors say they have confirmed more than 9,000 civilian deaths in the "
        "country since March 2021.",
    ],
)
def test_totals_since_a_dated_month(text: str) -> None:
    assert is_cumulative_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        "The 15 deaths on Friday were the worst since 2020.",
        "Two people have been killed since May, police said.",
    ],
)
def test_a_record_or_a_short_span_is_no_running_total(text: str) -> None:
    assert not is_cumulative_sentence(text)


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Gunmen shot dead a family of five in their home on Sunday.", 5),
        ("Raiders killed a family of three -- a mother and two daughters -- overnight.", 3),
    ],
)
def test_a_family_of_n_is_the_count(text: str, best: int) -> None:
    assert [b.best for b in sentence_tolls(text) if b.outcome == "killed"] == [best]


def test_the_family_of_named_victims_is_no_count() -> None:
    text = "The family of two victims said the men were killed by police."
    assert [b.best for b in sentence_tolls(text) if b.best is not None] == []


def test_a_suspected_attacker_killed_is_the_attackers_own(
    settings: Settings, resources: Resources
) -> None:
    text = ("A roadside bomb killed three soldiers in the province on Monday, the army said.\n\n"
            "In a shootout with troops hours later, one of the suspected attackers was "
            "killed, the army added.")
    assert _toll(text, settings, resources) == 4


def test_soldiers_killing_the_attackers_side_is_another_count(
    settings: Settings, resources: Resources
) -> None:
    text = ("Rebels kill five in village raid\n\n"
            "Suspected rebel fighters killed five villagers in a raid on a farming village, "
            "the district governor said on Monday.\n\n"
            "Troops sent to the area killed three of the rebels the next day, he said.")
    assert _toll(text, settings, resources) == 8


def test_parts_told_paragraphs_apart_fill_the_headline(
    settings: Settings, resources: Resources
) -> None:
    text = ("Russian strikes kill four in Kharkiv and Sumy regions, governors say\n\n"
            "KYIV, May 6 (Reuters) - Russian attacks on two Ukrainian regions killed four "
            "people overnight and on Tuesday morning, regional governors said.\n\n"
            "A guided bomb hit a residential street of Kharkiv city late on Monday, killing "
            "three people and injuring eight, the regional governor wrote on Telegram.\n\n"
            "\"They are hitting homes again,\" he wrote.\n\n"
            "In the Sumy region, a man died when a drone hit his car near Shostka, the "
            "regional governor said.")
    assert _toll(text, settings, resources) == 4


def test_a_soldier_of_the_striking_side_is_no_part_of_the_strikes(
    settings: Settings, resources: Resources
) -> None:
    text = ("Israeli strikes kill 12 in Gaza, health officials say\n\n"
            "Israeli air strikes killed 12 people across Gaza overnight, the health ministry "
            "said on Tuesday.\n\n"
            "The Israeli military said a reservist was killed in fighting in the north of the "
            "territory on Monday.")
    assert _toll(text, settings, resources) == 13


def test_a_court_execution_is_no_violence(settings: Settings, resources: Resources) -> None:
    text = ("Country hangs man over drug charge\n\n"
            "The authorities executed a 45-year-old man on Tuesday for trafficking "
            "cannabis, the prison department said.")
    assert _toll(text, settings, resources) == 0


def test_an_armed_group_executing_villagers_still_counts(
    settings: Settings, resources: Resources
) -> None:
    text = "Militants executed six villagers on Tuesday, local officials said."
    assert _toll(text, settings, resources) == 6


def test_a_film_review_tells_no_deaths(settings: Settings, resources: Resources) -> None:
    text = ("Review: 'Border Night' is a tense thriller\n\n"
            "The film follows four smugglers crossing a desert at night. Three of them "
            "are killed before dawn, and the survivor walks on alone.\n\n"
            "Three stars. In cinemas now.")
    assert _toll(text, settings, resources) == 0


def test_a_review_of_a_real_attack_still_counts(
    settings: Settings, resources: Resources
) -> None:
    text = ("Review: police missed warnings before market attack\n\n"
            "Gunmen killed seven people at a market on Saturday, police said, and an "
            "internal review found that warnings had been ignored.")
    assert _toll(text, settings, resources) == 7


def test_round_six_golden(settings: Settings, resources: Resources) -> None:
    """Each report's document toll."""
    assert doc_toll_misses(GOLDEN, settings, resources, at_least=24) == []
