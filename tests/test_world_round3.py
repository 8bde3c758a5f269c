"""World news, round three: reports we wrote in the shape of wire copy, scored before
the rules below were written (docs/incidents.md, "Round three"): captives killed in
the active voice, "the bodies of the four men", a figure beside a vague one in the same
sentence, and a local leader's higher toll that contradicts the police's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls
from tollwatch.violence.detect import disaster_subject

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round3.jsonl"


def _killed(text: str) -> list[int | None]:
    return [b.best for b in sentence_tolls(text) if b.outcome == "killed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Gunmen who seized four engineers last week killed their captives.", [4],
                     id="killed-their-captives"),
        pytest.param("Kidnappers seized five workers and later killed all of them.", [5],
                     id="killed-all-of-them"),
        pytest.param("The gunmen killed their captives.", [], id="captives-without-a-count"),
        pytest.param("The bodies of the four men were recovered from a forest.", [4],
                     id="bodies-of-the-four-men"),
        pytest.param("The bodies of 12 people were found in a mass grave.", [12],
                     id="bodies-of-twelve"),
        pytest.param("Police recovered the bodies on Sunday.", [], id="bodies-without-figure"),
    ],
)
def test_figures(text: str, expected: list[int]) -> None:
    assert _killed(text) == expected


def _extract(text: str, settings: Settings, resources: Resources):  # type: ignore[no-untyped-def]
    report = Report(id="r", text=text, published=date(2025, 4, 22), language="en")
    return extract(report, settings=settings, resources=resources)


def test_a_figure_beside_a_vague_one_is_a_floor(settings: Settings, resources: Resources) -> None:
    text = (
        "Gunmen raid village in central Nigeria\n\n"
        "Gunmen killed 12 people and many others in a raid on a village in Plateau state "
        "on Monday, police said."
    )
    [incident] = [i for i in _extract(text, settings, resources).incidents if i.killed]
    assert incident.killed is not None
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (12, 12, None)


def test_a_local_leader_contradicts_the_police(settings: Settings, resources: Resources) -> None:
    text = (
        "Gunmen kill villagers in Nigeria's Plateau state\n\n"
        "Gunmen attacked two villages in Plateau state overnight, killing 18 people, a police "
        "spokesman said on Tuesday. A local community leader put the death toll at 31."
    )
    result = _extract(text, settings, resources)
    assert result.toll() == 31
    [incident] = [i for i in result.incidents if i.killed]
    assert incident.killed is not None and incident.killed.low == 18


def test_round_three_document_tolls(settings: Settings, resources: Resources) -> None:
    assert not doc_toll_misses(GOLDEN, settings, resources, at_least=16)


# -- round four: the same file's last six reports -------------------------------------


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        pytest.param("Floods kill ", True, id="floods-kill"),
        pytest.param("Floods triggered by heavy rains have killed at least ", True,
                     id="floods-have-killed"),
        pytest.param("Las inundaciones dejaron ", True, id="es-floods"),
        pytest.param("Gunmen kill ", False, id="gunmen"),
        pytest.param("Floods of gunmen attacked and killed ", False, id="an-attack-after-it"),
    ],
)
def test_a_disaster_as_the_subject(clause: str, expected: bool) -> None:
    assert disaster_subject(clause) is expected


def test_floods_amid_attacks_are_no_violence(settings: Settings, resources: Resources) -> None:
    text = (
        "Floods kill 40 in northern Nigeria amid bandit attacks\n\n"
        "Floods have killed at least 40 people in Zamfara state, officials said, as the state "
        "also struggles with attacks by armed gangs."
    )
    assert not _extract(text, settings, resources).toll()


def test_one_of_the_dead_is_part_of_the_toll(settings: Settings, resources: Resources) -> None:
    text = (
        "Three killed in shooting at house party\n\n"
        "Three people were killed when gunfire erupted at a house party early Saturday, police "
        "said. One of the dead was a 16-year-old."
    )
    assert _extract(text, settings, resources).toll() == 3


def test_an_event_a_week_older_than_the_news_is_background(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Two killed in shooting outside nightclub\n\n"
        "Two men were killed in a shooting outside a nightclub early Saturday, police said. "
        "It was the city's second deadly shooting this month; three people died in a "
        "shooting on April 2."
    )
    result = _extract(text, settings, resources)
    assert result.toll() == 2
    assert [i.killed.best for i in result.incidents if i.background and i.killed] == [3]
