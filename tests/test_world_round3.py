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
    assert not doc_toll_misses(GOLDEN, settings, resources, at_least=10)
