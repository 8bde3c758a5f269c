"""One sentence of world news per way of telling deaths, in our own words: each must give
its document toll. The suicide bomber counts among the dead, as perpetrators' own dead
do (docs/incidents.md); "among those killed" is a part that stands alone when the
report gives no total, and folds into the total when it does; "four members of one
family" is four."""

from __future__ import annotations

from datetime import date

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings


def _toll(text: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="w", text=text, language="en", published=date(2024, 6, 1))
    return extract(report, settings=settings, resources=resources).toll() or 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Three soldiers were killed when their vehicle struck a landmine in Kidal on Monday.',
            3, id="en-0"),
        pytest.param(
            'A drone strike on a wedding party in Helmand left five civilians dead, '
            'local officials said.',
            5, id="en-1"),
        pytest.param(
            'Gunmen shot dead four worshippers at a mosque in Zamfara state on Friday.',
            4, id="en-2"),
        pytest.param(
            'Six people lost their lives in an attack by suspected jihadists on a '
            'village near Djibo.',
            6, id="en-3"),
        pytest.param(
            'The attack claimed the lives of two police officers, the ministry said.',
            2, id="en-4"),
        pytest.param(
            'Seven villagers were hacked to death by suspected ADF rebels in Beni '
            'territory overnight.',
            7, id="en-5"),
        pytest.param(
            'Nine people died after militiamen opened fire on a market in Ituri province.',
            9, id="en-6"),
        pytest.param(
            'Three aid workers were among those killed in the airstrike on the convoy '
            'near Khan Younis.',
            3, id="en-7"),
        pytest.param(
            'A suicide bomber blew himself up at a checkpoint in Mogadishu, killing 12 '
            'people, police said.',
            13, id="en-8"),
        pytest.param(
            'At least eight people were feared dead after gunmen stormed a village in '
            'Plateau state.',
            8, id="en-9"),
        pytest.param(
            'Five bodies riddled with bullets were dumped on a highway outside Culiacan.',
            5, id="en-10"),
        pytest.param(
            'Israeli strikes killed four members of one family in Rafah overnight, '
            'health officials said.',
            4, id="en-11"),
        pytest.param(
            'Two journalists were killed in a Russian missile strike on Kramatorsk on Tuesday.',
            2, id="en-12"),
        pytest.param(
            'Ten people, among them three children, were killed when shells hit a camp '
            'for displaced people in El Fasher.',
            10, id="en-13"),
        pytest.param(
            'A roadside bomb killed three Pakistani soldiers in North Waziristan, the '
            'military said.',
            3, id="en-14"),
        pytest.param(
            'Bandits killed six farmers and abducted 20 others in Katsina state, police said.',
            6, id="en-15"),
        pytest.param(
            'A prominent human rights activist was gunned down outside her home in Tegucigalpa.',
            1, id="en-16"),
        pytest.param(
            'Fighting between rival armed groups in Tripoli has left 15 dead and dozens wounded.',
            15, id="en-17"),
        pytest.param(
            'Four Indian paramilitary troopers were killed in a Maoist ambush in Chhattisgarh.',
            4, id="en-18"),
        pytest.param(
            'Two UN peacekeepers were killed in an attack on their base in northern '
            'Mali, the mission said.',
            2, id="en-19"),
    ],
)
def test_one_sentence_gives_its_toll(
    text: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, settings, resources) == expected


def test_among_those_killed_folds_into_the_total(
    settings: Settings, resources: Resources
) -> None:
    text = ("An airstrike on a convoy near Khan Younis killed 20 people on Monday, health "
            "officials said. Three aid workers were among those killed.")
    assert _toll(text, settings, resources) == 20
