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
from tollwatch.tolls.numbers import parse_number


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


# Round four (tests/golden/annotated/world-round4.jsonl): each rule of a full article,
# in a sentence or two of our own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Troops shot dead two Palestinians in Tulkarm on Monday. More than 900 '
            'people have been killed in the territory since October 2023, the ministry says.',
            2, id="r4-since-month"),
        pytest.param(
            'Rebels killed 12 farmers near Butembo overnight. The militia has killed '
            'thousands of civilians over the past decade.',
            12, id="r4-past-decade"),
        pytest.param(
            'Gunmen killed five traders near Kaduna on Sunday. Hundreds of people have '
            'been killed in the state since the election campaign began.',
            5, id="r4-since-began"),
        pytest.param(
            'A tribunal on Monday jailed a former rebel officer for 25 years over a 2013 '
            'raid on a market in which 40 shoppers were killed.',
            0, id="r4-court-old-raid"),
        pytest.param(
            'Police found eight bodies in a truck near Celaya, prosecutors said. In a '
            'separate discovery on Sunday, soldiers found three bodies in a ravine near Leon.',
            11, id="r4-separate-discovery"),
        pytest.param(
            'Drone strikes kill dozens in Sudan town\n\nDrone strikes on a market in '
            'Kadugli killed 36 people on Friday, an aid group said. The state government '
            'put the toll at 22, with more than 40 wounded.',
            36, id="r4-dozens-then-figure-then-other-source"),
        pytest.param(
            'The toll from the raid on the fuel depot rose to 61, the ministry said on '
            'Sunday. Rebel television had reported 30 dead on Saturday night.',
            61, id="r4-had-reported-is-older"),
        pytest.param(
            'Armed men killed at least 45 people in the town of Liancourt, the UN said. '
            'Town officials had earlier put the toll at 80.',
            45, id="r4-earlier-higher-widens"),
        pytest.param(
            'The gang killed at least 45 people, among them eight women and two infants, '
            'the UN said.',
            45, id="r4-list-of-parts"),
        pytest.param(
            'Insurgents stormed a checkpoint in Bannu, killing five policemen. Two of '
            'the attackers were killed when police fired back.',
            7, id="r4-attackers-apart"),
        pytest.param(
            'A guard shot dead two colleagues at the border post before turning his rifle '
            'on himself.',
            3, id="r4-turning-his-rifle"),
        pytest.param(
            'A provincial judge was shot dead on Friday along with her three escorts.',
            4, id="r4-along-with"),
        pytest.param(
            'Three soldiers were killed and six wounded when guerrillas attacked a base, '
            'the army said. The army said troops had killed four dissidents in the '
            'counter-attack.',
            3, id="r4-troops-killed-dissidents-is-a-claim"),
        pytest.param(
            'Dozens killed at Khartoum market, ministry says; Egypt condemns attack\n\n'
            'Shelling killed at least 33 people at a market in Omdurman on Sunday, the '
            'health ministry said.',
            33, id="r4-dozens-headline-names-another-country"),
        pytest.param(
            'A Russian missile hit a bus station in Sumy, killing three people, the '
            'governor said. In the neighbouring Kharkiv region, one man was killed by shelling.',
            4, id="r4-smaller-figure-in-another-region"),
        pytest.param(
            'Armed men killed at least 30 villagers in an attack in Zamfara state.',
            30, id="r4-armed-men-killed-at-least"),
        pytest.param(
            'Five members of one family were killed when a shell hit their home in Kharkiv.',
            5, id="r4-members-of-one-family-passive"),
        pytest.param(
            'Clashes in Tal Afar killed 12 people, the interior ministry said. A monitor said '
            '19 people had been killed since the fighting erupted on Friday.',
            19, id="r4-since-the-fighting-erupted-on-a-weekday-is-news"),
        pytest.param(
            'Bandits killed seven traders near Sokoto, police said. Boko Haram, '
            'which is linked to Islamic State, said its fighters had killed dozens of soldiers.',
            7, id="r4-claim-with-a-relative-clause"),
        pytest.param(
            'Gunmen kill dozens in Kebbi village\n\nGunmen killed at least 90 people in a '
            'village in Kebbi state overnight, a rights group said. Police said they had '
            'confirmed 38 deaths.',
            90, id="r4-dozens-of-ninety-and-another-source"),
        pytest.param(
            'Court hands death sentences to four over 2015 market bombing\n\nA court on '
            'Tuesday sentenced four men to death for a 2015 suicide bombing at a market '
            'that killed 48 people.',
            0, id="r4-death-sentences-over-an-old-bombing"),
    ],
)
def test_round_four_rule_gives_its_toll(
    text: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, settings, resources) == expected


def test_headline_figure_over_one_lead_figure_is_one_incident(
    settings: Settings, resources: Resources
) -> None:
    text = ("Bombing at Herat market kills 19\n\nA bomb at a market in Herat killed at least "
            "11 people, a police spokesman said. A hospital official said 19 bodies had "
            "been brought in.")
    report = Report(id="w", text=text, language="en", published=date(2024, 6, 1))
    out = extract(report, settings=settings, resources=resources)
    news = [i for i in out.incidents if i.kind != "claim" and not i.background]
    assert out.toll() == 19
    assert len(news) == 1
    assert news[0].killed is not None and news[0].killed.low == 11


def test_digits_and_a_scale_word_are_one_number() -> None:
    assert parse_number("12 million") == 12_000_000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("40 thousand") == 40_000


def test_the_displaced_are_no_second_count_of_the_dead(
    settings: Settings, resources: Resources
) -> None:
    text = ("The war has killed tens of thousands of people and driven more than 12 million "
            "from their homes.")
    report = Report(id="w", text=text, language="en", published=date(2024, 6, 1))
    out = extract(report, settings=settings, resources=resources)
    assert [i.killed.best for i in out.incidents if i.killed is not None] == [20_000]
