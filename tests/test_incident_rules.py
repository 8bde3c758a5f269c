"""Incident rules end to end on short reports of our own (the real finders)."""

from __future__ import annotations

from datetime import date

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.records import Extraction
from tollwatch.settings import Settings


def _run(text: str, published: date | None, settings: Settings, resources: Resources) -> Extraction:
    return extract(Report(id="t", text=text, published=published), settings=settings,
                   resources=resources)


def _killed(extraction: Extraction) -> list[int | None]:
    return [i.killed.best if i.killed else None for i in extraction.incidents]


def test_update_with_earlier_toll_is_one_incident(settings: Settings, resources: Resources) -> None:
    text = (
        "The death toll from Monday's car bombing at a bus station in Kano rose to 21 on "
        "Tuesday, a police spokesman said. Officials had earlier put the number of dead at 15. "
        "More than 30 people were wounded."
    )
    out = _run(text, date(2021, 6, 15), settings, resources)
    assert _killed(out) == [21]
    incident = out.incidents[0]
    assert incident.update
    assert incident.wounded is not None and incident.wounded.best == 31
    assert incident.date is not None and incident.date.start == date(2021, 6, 14)
    assert out.toll() == 21


def test_bystanders_also_killed_are_added(settings: Settings, resources: Resources) -> None:
    text = (
        "A suicide bomber killed six soldiers at an army checkpoint in Mogadishu on Friday. "
        "Two civilians waiting at the checkpoint were also killed, police said."
    )
    out = _run(text, date(2022, 3, 5), settings, resources)
    assert out.toll() == 8


def test_target_is_not_the_perpetrator(settings: Settings, resources: Resources) -> None:
    text = "A car bomb exploded next to a police checkpoint in Baghdad on Sunday, killing 7 people."
    out = _run(text, date(2022, 3, 6), settings, resources)
    assert _killed(out) == [7]
    perpetrator = out.incidents[0].perpetrator
    assert perpetrator is None or "Police" not in perpetrator.actor.name


@pytest.mark.parametrize(
    ("text", "published", "toll"),
    [
        pytest.param(
            "At least 20 fighters were killed in two days of clashes in Idlib, a monitor said "
            "on Sunday. Twelve soldiers died when militants stormed a post on Friday. Eight "
            "militants were killed on Saturday.",
            date(2023, 5, 14),
            20,
            id="two-days-said-on-sunday-holds-friday",
        ),
        pytest.param(
            "On 12 May 2022, air strikes killed 4 civilians in Saada. On the same day, clashes "
            "in Marib killed 9 fighters.",
            date(2022, 5, 13),
            13,
            id="two-incidents-one-day",
        ),
    ],
)
def test_document_tolls(
    text: str, published: date, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _run(text, published, settings, resources).toll() == toll


def test_old_event_is_background(settings: Settings, resources: Resources) -> None:
    text = (
        "Relatives gathered on Monday to remember the 14 March 2019 attack on a market in "
        "Kano in which 30 people were killed."
    )
    out = _run(text, date(2023, 3, 13), settings, resources)
    assert out.toll() is None


def test_question_is_not_an_event(settings: Settings, resources: Resources) -> None:
    text = "What do you think about the kidnappings in the north?"
    assert _run(text, date(2023, 3, 13), settings, resources).incidents == []
