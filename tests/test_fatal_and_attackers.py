"""Wounded of whom some died, and attackers killed after the attack, in our own words:
"wounds seven, three fatally" is killed 3 and wounded 4 (tolls/fatal.py); "soldiers who
pursued the attackers killed four of them" is four attackers dead, an incident of their
own beside the victims' toll, never a part of it (tolls/find.py, incidents/structure.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls


def _killed_wounded(text: str) -> tuple[int, int]:
    bound = sentence_tolls(text)
    return (sum(b.best or 0 for b in bound if b.outcome == "killed"),
            sum(b.best or 0 for b in bound if b.outcome == "wounded"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Gunman wounds seven at Ohio bar, three fatally", (3, 4), id="headline"),
        pytest.param("A man opened fire inside a bar, shooting seven people, three of them "
                     "fatally, police said.", (3, 4), id="shooting-of-them"),
        pytest.param("A gunman wounded nine shoppers, five fatally, at a market in Kano.",
                     (5, 4), id="bound-wounded"),
        pytest.param("Police shot two men, one fatally.", (1, 1), id="police-shot"),
        pytest.param("Two people were shot, one fatally, on Main Street.", (1, 1),
                     id="passive-shot"),
        pytest.param("The gunman wounded four people. Police said he was later arrested.",
                     (0, 4), id="no-fatal"),
    ],
)
def test_some_of_the_wounded_died(text: str, expected: tuple[int, int]) -> None:
    assert _killed_wounded(text) == expected


@pytest.mark.parametrize(
    "flags_of",
    [
        pytest.param("Soldiers who pursued the attackers killed four of them.", id="pursued"),
        pytest.param("Troops chased the militants into the forest and killed four of them.",
                     id="chased"),
    ],
)
def test_of_them_pointing_to_the_attackers(flags_of: str) -> None:
    (binding,) = sentence_tolls(flags_of)
    assert binding.best == 4
    assert "perpetrator" in binding.flags
    assert "partitive" not in binding.flags


def test_of_them_pointing_to_the_victims_stays_a_part() -> None:
    bound = sentence_tolls("The attackers killed 20 villagers, five of them women.")
    assert [(b.best, "partitive" in b.flags) for b in bound] == [(20, False), (5, True)]


def _toll(text: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="a", text=text, language="en", published=date(2025, 2, 24))
    return extract(report, settings=settings, resources=resources).toll() or 0


@pytest.mark.parametrize(
    "second",
    [
        pytest.param("Soldiers who pursued the attackers killed four of them, an army "
                     "spokesman said.", id="of-them"),
        pytest.param("Soldiers killed four of the attackers, residents said.",
                     id="of-the-attackers"),
        pytest.param("Four of the attackers were later killed by soldiers.", id="passive"),
    ],
)
def test_attackers_killed_after_are_counted_apart(
    second: str, settings: Settings, resources: Resources
) -> None:
    text = ("Rebels kill 18 in raid on Ituri village\n\nRebels killed 18 civilians in a "
            "night raid on a village in Ituri province, a local official said. " + second)
    assert _toll(text, settings, resources) == 22


def test_the_army_telling_its_own_kills_is_a_claim(
    settings: Settings, resources: Resources
) -> None:
    # issue 8: "the army said it killed 14 insurgents" is a claim of role official
    text = ("Rebels killed 18 civilians in a night raid on a village in Ituri province, a "
            "local official said. Soldiers killed four of the attackers, an army spokesman "
            "said.")
    assert _toll(text, settings, resources) == 18
    assert _claims(text, settings, resources) == [4]


def test_one_attacker_shot_dead_stays_inside_a_stated_total(
    settings: Settings, resources: Resources
) -> None:
    # US local news: "a shooting that left five dead" already counts the shooter
    text = ("A shooting at a warehouse left five people dead on Monday, police said. "
            "The gunman was shot dead by officers.")
    assert _toll(text, settings, resources) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The war has killed tens of thousands of people and uprooted more than "
                     "12 million.", [20000], id="uprooted"),
        pytest.param("The conflict has killed 20,000 people and displaced two million.",
                     [20000], id="displaced"),
        pytest.param("Rebels killed 3 soldiers and 2 civilians.", [3, 2], id="list-stays"),
        pytest.param("The strike killed 5 fighters and 3 civilians, and injured 9.", [5, 3],
                     id="list-then-wounded"),
        pytest.param("A man with a rifle shot four deputies, killing two of them and leading "
                     "dozens of officers on a long chase.", [2], id="gerund"),
        pytest.param("When it was all over, one person was killed and three others shot.", [1],
                     id="all-over-is-not-more-than"),
        pytest.param("Over 20 people were killed in the raid.", [21], id="over-is-more-than"),
    ],
)
def test_a_second_verb_ends_the_list_of_dead(text: str, expected: list[int]) -> None:
    assert [b.best for b in sentence_tolls(text) if b.outcome == "killed"] == expected


def _claims(text: str, settings: Settings, resources: Resources) -> list[int | None]:
    report = Report(id="c", text=text, language="en", published=date(2025, 2, 24))
    extraction = extract(report, settings=settings, resources=resources)
    return [i.killed.best for i in extraction.incidents if i.kind == "claim"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Army says it killed 13 Boko Haram fighters in Borno\n\nThe Nigerian army "
                     "said on Monday its troops killed 13 Boko Haram insurgents in an ambush "
                     "near Bama.", [13], id="headline-and-lead"),
        pytest.param("Islamic State claims attack that killed 20 soldiers\n\nIslamic State said "
                     "in a statement its fighters killed 20 soldiers in the attack on Sunday. "
                     "The ministry said eight soldiers were killed.", [20], id="unnamed-again"),
        pytest.param("The army said it killed 13 insurgents near Bama. Separately, police said "
                     "they killed 13 bandits in Zamfara.", [13, 13], id="separately"),
    ],
)
def test_a_claim_told_again_is_one_claim(
    text: str, expected: list[int], settings: Settings, resources: Resources
) -> None:
    assert _claims(text, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("At least 14 people were killed on Saturday when a rocket hit a building "
                     "in Sumy. In a separate attack, a drone strike on Kharkiv killed two men.",
                     16, id="in-a-separate-attack"),
        pytest.param("At least 14 people were killed on Saturday when a rocket hit a building "
                     "in Sumy. Elsewhere in the region, shelling of a village near the border "
                     "killed one woman.", 15, id="elsewhere"),
        pytest.param("At least 14 people were killed on Saturday when a rocket hit a building "
                     "in Sumy, officials said. Two children were among the dead.", 14,
                     id="part-stays-inside"),
        pytest.param("Fighting in two provinces killed 20 people on Monday. In Kidal, 12 "
                     "soldiers died. Elsewhere, eight civilians were killed in Gao.", 20,
                     id="parts-of-a-total"),
    ],
)
def test_a_sentence_opening_on_another_event(
    text: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Six members of one family, a couple and their four children, were "
                     "killed when a shell hit their home.", 6, id="apposition-says-who"),
        pytest.param("Six members of one family, including four children, were killed.", 6,
                     id="of-one-family"),
        pytest.param("Five members of the same family were killed.", 5, id="of-the-same-family"),
        pytest.param("Six people, the police said, were killed.", 6, id="aside-between-commas"),
    ],
)
def test_a_figure_before_an_apposition_is_the_dead(text: str, expected: int) -> None:
    """What sits between commas after the figure says who they were; the figure counts."""
    counted = [b.best for b in sentence_tolls(text)
               if b.outcome == "killed" and "part" not in b.flags]
    assert counted == [expected]


def test_one_of_the_six_before_an_apposition_is_one() -> None:
    """'One of the six, a 24-year-old man, died': the six were shot, one died."""
    text = "One of the six, a 24-year-old man, died in hospital."
    assert 6 not in [b.best for b in sentence_tolls(text) if b.outcome == "killed"]
