"""The lead's rules of stop 26, written at the merge: who speaks is not who killed, and
Myanmar's armed groups are their own actors (docs/quality.md, stop 26, the merge)."""

from __future__ import annotations

import pytest

from golden_support import extract_text
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings


@pytest.mark.parametrize(
    "text",
    [
        "Junta airstrikes kill 15 in Sagaing\n\nMilitary jets bombed villages in Sagaing "
        "Region on Saturday, killing at least 15 civilians, residents said. In Kani "
        "Township, a jet bombed a school, killing eight people, a local People's Defence "
        "Force member said. Seven more died in strikes on nearby villages.",
    ],
)
def test_a_groups_member_who_speaks_is_not_the_perpetrator(
    text: str, settings: Settings, resources: Resources
) -> None:
    result = extract_text(text, "en", settings, resources)
    assert result.toll() == 15
    for incident in result.incidents:
        assert incident.perpetrator is None or incident.perpetrator.actor.name != (
            "People's Defence Force"
        )


def test_the_group_that_kills_before_the_figure_stays_the_perpetrator(
    settings: Settings, resources: Resources
) -> None:
    text = ("People's Defence Force fighters ambushed a military convoy in Magway Region on "
            "Monday, killing six soldiers, a resistance spokesman said.")
    result = extract_text(text, "en", settings, resources)
    perpetrators = {i.perpetrator.actor.name for i in result.incidents if i.perpetrator}
    assert "People's Defence Force" in perpetrators


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighting between the army and the Kachin Independence Army killed four soldiers "
         "near Bhamo on Tuesday.", "Kachin Independence Army"),
        ("Karen National Union fighters attacked an army outpost, killing three soldiers, "
         "a local official said.", "Karen National Union"),
        ("Arakan Army fighters overran a police post in Rakhine State, killing five "
         "officers, residents said.", "Arakan Army"),
    ],
    ids=["kia", "knu", "arakan-army"],
)
def test_myanmars_armed_groups_are_their_own_actors(
    text: str, name: str, settings: Settings, resources: Resources
) -> None:
    result = extract_text(text, "en", settings, resources)
    names = {i.perpetrator.actor.name for i in result.incidents if i.perpetrator}
    assert name in names or any(
        i.victim and i.victim.actor.name == name for i in result.incidents
    ), names
