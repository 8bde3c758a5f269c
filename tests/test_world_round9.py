"""World news, round nine: a long subject before "were killed" ("people sheltering at a
camp for the displaced"), an officer quoted by rank on his troops' kills, an army post
that is the target and not the forces acting, an armed group named before its head noun
("the JNIM group said"), a war's months and estimated tens of thousands as running
totals, a bus that fell into a ravine, a figure of "some" outlets beside the lead's, and
a risen toll's first count told after it (tests/golden/annotated/world-round9.jsonl,
scored before the rules below were written)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.actors import load_actors
from tollwatch.actors.sources import find_sources
from tollwatch.incidents.background import is_cumulative_sentence
from tollwatch.pipeline import Resources
from tollwatch.records import CleanText, Sentence, Span
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round9.jsonl"


def _extraction_toll(text: str, settings: Settings, resources: Resources,
                     published: date = date(2025, 6, 3)) -> int:
    report = Report(id="w", text=text, language="en", published=published)
    return extract(report, settings=settings, resources=resources).toll() or 0


def _killed(text: str) -> list[int | None]:
    return [b.best for b in sentence_tolls(text) if b.outcome == "killed"]


def _sources(text: str, settings: Settings) -> list[tuple[str, str, str]]:
    clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    return [(s.name, s.role, s.rule)
            for s in find_sources(clean, clean.sentences, load_actors(settings))]


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Five people sheltering at a camp for the displaced were killed on Sunday when "
         "shells hit the camp.", 5),
        ("Three men attending a wedding in the village were killed when gunmen opened fire.", 3),
    ],
)
def test_a_long_subject_with_a_participle(text: str, best: int) -> None:
    assert _killed(text) == [best]


@pytest.mark.parametrize(
    "text",
    [
        '"Our troops killed six of the militants and repulsed the attack," Captain Abdi Nur '
        "said by telephone.",
        "Troops killed four rebels in the clash, Lt. Col. Ramon Santos said.",
    ],
)
def test_an_officer_by_rank_on_his_troops_kills_is_a_claim(text: str, settings: Settings) -> None:
    (source,) = _sources(text, settings)
    assert source[1:] == ("official", "sources.v1.claim_result")


def test_an_officer_on_the_forces_losses_is_no_claim(settings: Settings) -> None:
    text = "Four soldiers were killed in the ambush, Captain Abdi Nur said."
    assert all(rule == "sources.v1" for _, _, rule in _sources(text, settings))


def test_an_army_post_is_a_target_not_the_forces_acting(settings: Settings) -> None:
    text = ("Jihadist fighters attacked an army post in the north on Sunday, killing at least "
            "31 soldiers and volunteer fighters, two security sources said.")
    assert all(rule == "sources.v1" for _, _, rule in _sources(text, settings))


def test_the_army_acting_is_still_a_result(settings: Settings) -> None:
    text = "The army killed 12 militants in the raid, security sources said."
    assert [rule for _, _, rule in _sources(text, settings)] == ["sources.v1.claim_result"]


def test_a_group_named_before_its_head_noun_claims(settings: Settings) -> None:
    text = ("The al Qaeda-linked JNIM group said in a statement that its fighters had killed "
            "60 members of the army.")
    assert [(role, rule) for _, role, rule in _sources(text, settings)] == [
        ("perpetrator_claim", "sources.v1.claim_result")]


@pytest.mark.parametrize(
    "text",
    [
        "More than 4,000 people were killed in Lebanon during the 14 months of war between "
        "Israel and Hezbollah.",
        "The UN has put the toll at more than 20,000, while some researchers estimate that as "
        "many as 150,000 people have been killed.",
        "Officials estimated the death toll at 12,000.",
    ],
)
def test_a_wars_months_and_its_estimated_dead_are_running_totals(text: str) -> None:
    assert is_cumulative_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed in the shelling during months of calm, residents said.",
        "Gunmen killed 12 people at a market on Sunday, officials said.",
        "The strike killed 1,200 sheep, the farmers said.",
    ],
)
def test_news_figures_are_no_running_totals(text: str) -> None:
    assert not is_cumulative_sentence(text)


def test_a_bus_that_fell_into_a_ravine_beside_an_old_attack(
    settings: Settings, resources: Resources
) -> None:
    text = ("18 killed as bus plunges into gorge\n\n"
            "At least 18 people were killed when a bus fell into a ravine on a mountain road on "
            "Sunday, rescue officials said.\n\n"
            "The driver lost control on a bend. In 2021, a bomb attack on a bus on the same "
            "road killed 13 people.")
    assert _extraction_toll(text, settings, resources) == 0


def test_some_outlets_figure_widens_the_range(settings: Settings, resources: Resources) -> None:
    text = ("Airstrike on village kills 21, rebels say\n\n"
            "A military airstrike on a village in the north killed 21 people and wounded 28, a "
            "rebel spokesman said on Friday.\n\n"
            "Some local media outlets put the number of dead at 24.")
    report = Report(id="w", text=text, language="en", published=date(2025, 6, 3))
    extraction = extract(report, settings=settings, resources=resources)
    assert [(i.killed.best, i.killed.high) for i in extraction.incidents if i.killed] == [(21, 24)]


def test_a_risen_tolls_first_count_told_after_it(
    settings: Settings, resources: Resources
) -> None:
    text = ("Convoy attack: death toll rises to 42\n\n"
            "The death toll from Thursday's attack on a passenger convoy in the district rose "
            "to 42 on Saturday after four more of the wounded died, officials said.\n\n"
            "Gunmen had opened fire on the vehicles, killing 38 people on the spot.")
    report = Report(id="w", text=text, language="en", published=date(2025, 6, 3))
    extraction = extract(report, settings=settings, resources=resources)
    assert [(i.killed.best, i.killed.low) for i in extraction.incidents if i.killed] == [(42, 38)]


def test_a_second_attack_after_a_risen_toll_still_counts(
    settings: Settings, resources: Resources
) -> None:
    text = ("Convoy attack: death toll rises to 42\n\n"
            "The death toll from Thursday's attack on a passenger convoy in the district rose "
            "to 42 on Saturday after four more of the wounded died, officials said.\n\n"
            "In a separate attack on Saturday, gunmen killed five policemen at a checkpoint.")
    assert _extraction_toll(text, settings, resources) == 47


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Troops neutralised 35 terrorists and arrested 62 suspects in the past week.", [35]),
        ("Troops have neutralised at least 12 bandits in the forest.", [12]),
        ("Troops also neutralised two IEDs planted on the road.", []),
        ("The police neutralised the threat within minutes.", []),
    ],
)
def test_neutralised_armed_men_are_killed(text: str, killed: list[int]) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    "text",
    [
        "The Defence Headquarters (DHQ) on Thursday said troops neutralised 35 terrorists in "
        "the north-east.",
        "Security forces neutralised 11 terrorists in an operation in the district, the "
        "Inter-Services Public Relations (ISPR) said on Wednesday.",
    ],
)
def test_an_armys_press_office_on_its_kills_makes_a_claim(text: str, settings: Settings) -> None:
    assert [(role, rule) for _, role, rule in _sources(text, settings)] == [
        ("official", "sources.v1.claim_result")]


def test_an_armys_claim_beside_farmers_killed_by_gunmen(
    settings: Settings, resources: Resources
) -> None:
    text = ("Troops neutralise 35 terrorists - DHQ\n\n"
            "The Defence Headquarters (DHQ) on Thursday said troops neutralised 35 terrorists "
            "and neutralised two IEDs in the past week.\n\n"
            "Meanwhile, residents said gunmen killed seven farmers on their farms on Tuesday.")
    assert _extraction_toll(text, settings, resources) == 7


def test_round_nine_golden(settings: Settings, resources: Resources) -> None:
    """Each report's document toll."""
    assert doc_toll_misses(GOLDEN, settings, resources, at_least=30) == []
