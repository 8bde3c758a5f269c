"""World news, round seven: a force's own dead and its claims in one article, soldiers'
and militants' dead of one fight, a member of the forces "also killed" beside the
militants, speakers after a list ("two local officials said"), a live blog's risen
count, a headline's two items split by a semicolon, a running total "for years", and
accidents told beside old violence (tests/golden/annotated/world-round7.jsonl, scored
before the rules below were written)."""

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

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round7.jsonl"


def _toll(text: str, settings: Settings, resources: Resources,
          published: date = date(2025, 6, 3)) -> int:
    report = Report(id="w", text=text, language="en", published=published)
    return extract(report, settings=settings, resources=resources).toll() or 0


def _killed(text: str) -> list[int | None]:
    return [b.best for b in sentence_tolls(text) if b.outcome == "killed"]


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("The spokesman said four soldiers paid the supreme price in the attack.", 4),
        ("Three soldiers embraced martyrdom when militants attacked the post.", 3),
        ("Two policemen made the ultimate sacrifice defending the station.", 2),
    ],
)
def test_a_forces_words_for_its_own_dead(text: str, best: int) -> None:
    assert _killed(text) == [best]


def test_the_ultimate_sacrifice_of_no_number_is_no_count() -> None:
    assert _killed("The team made the ultimate sacrifice for the title, the coach said.") == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen raided the market, killing 19 traders, two local officials said.", [19]),
        ("A bomb hit the patrol, killing three soldiers, three security sources said.", [3]),
        # a list of victims goes on
        ("Gunmen killed three soldiers, two civilians and a child, police said.", [3, 2, 1]),
    ],
)
def test_speakers_after_a_list_are_no_victims(text: str, killed: list[int]) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    "text",
    [
        "A third militant was killed later, taking the number of militants killed to three.",
        "A third militant was killed later, taking the toll to three.",
    ],
)
def test_taking_the_count_to_n_is_an_update(text: str) -> None:
    updates = [b for b in sentence_tolls(text) if "update" in b.flags]
    assert [b.best for b in updates] == [3]


def test_many_years_of_clashes_in_which_thousands_died_is_a_running_total() -> None:
    assert is_cumulative_sentence(
        "The state has for years been hit by clashes between herders and farmers in which "
        "thousands have died.")


def test_years_of_an_inquiry_are_no_running_total() -> None:
    assert not is_cumulative_sentence(
        "Police have for two years investigated the gang, which killed three men on Friday.")


def test_a_member_of_the_forces_also_killed_adds_to_the_militants(
    settings: Settings, resources: Resources
) -> None:
    text = ("Nine Maoists killed in encounter in Sukma\n\n"
            "Nine Maoists were killed in an encounter with security forces in the forests of "
            "Sukma district on Friday, police said. A constable of the Special Task Force was "
            "also killed in the gunfight, while three others were injured.")
    assert _toll(text, settings, resources) == 10


def test_one_more_victim_also_killed_adds_to_the_incident(
    settings: Settings, resources: Resources
) -> None:
    text = ("A reporter was killed on Sunday while covering clashes in the town, his station "
            "said.\n\nA cameraman working with him was also killed.")
    assert _toll(text, settings, resources) == 2


def test_officers_who_also_died_may_be_the_totals_breakdown(
    settings: Settings, resources: Resources
) -> None:
    text = ("Five police officers were killed in a shooting on Thursday night.\n\n"
            "Officials identified one of the slain officers as Officer John Reed. Four city "
            "police officers also died from their injuries.")
    assert _toll(text, settings, resources) == 5


def test_soldiers_and_militants_of_one_fight_add_up(
    settings: Settings, resources: Resources
) -> None:
    text = ("Three soldiers and six militants were killed in an exchange of fire in the "
            "Khyber district on Monday, the military said in a statement.")
    assert _toll(text, settings, resources) == 9


def test_soldiers_and_militants_are_one_incident_each(
    settings: Settings, resources: Resources
) -> None:
    text = ("Two soldiers, six militants killed in clash\n\n"
            "Two soldiers and six militants were killed in a clash in the district on Monday, "
            "the military said.")
    report = Report(id="w", text=text, language="en", published=date(2025, 6, 3))
    extraction = extract(report, settings=settings, resources=resources)
    assert sorted(i.killed.best for i in extraction.incidents if i.killed) == [2, 6]
    assert extraction.toll() == 8


def test_own_dead_and_claimed_kills_in_one_sentence(
    settings: Settings, resources: Resources
) -> None:
    text = ("Militants attacked a check post in the district late on Friday, and the army "
            "said four of its soldiers were killed while troops killed nine attackers in the "
            "exchange of fire.")
    assert _toll(text, settings, resources) == 4


def test_a_forces_statement_of_its_losses_and_its_kills(
    settings: Settings, resources: Resources
) -> None:
    text = ("Troops kill 20 terrorists, lose four soldiers, army says\n\n"
            "The army on Tuesday said troops killed 20 terrorists in operations around the "
            "lake.\n\n"
            "The army spokesman said four soldiers paid the supreme price and seven others "
            "were wounded when the insurgents attacked a base.")
    assert _toll(text, settings, resources) == 4


def test_a_command_speaking_of_its_strike_makes_a_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("A roadside bomb struck an army patrol on Monday, killing two soldiers, security "
            "sources said.\n\n"
            "Iraqi forces later killed three Islamic State militants in an air strike in the "
            "mountains, the Joint Operations Command said in a statement.")
    assert _toll(text, settings, resources) == 2


def test_a_live_update_raises_the_count(settings: Settings, resources: Resources) -> None:
    text = ("Two militants killed in encounter\n\n"
            "Two militants were killed in an encounter with security forces in the district "
            "on Saturday, police said.\n\n"
            "UPDATE 5.10 pm: A third militant has been killed as the operation goes on, "
            "officials said, taking the number of militants killed to three.")
    assert _toll(text, settings, resources) == 3


def test_a_headlines_two_items_split_by_a_semicolon(
    settings: Settings, resources: Resources
) -> None:
    text = ("Drone strike kills two in Kherson; toll from Odesa attack rises to six\n\n"
            "A Russian drone hit a car in Kherson on Monday, killing two people, the regional "
            "governor said.\n\n"
            "In the Odesa region, the toll from Saturday's missile strike on a port rose to six "
            "after two of the wounded died, officials said.")
    assert _toll(text, settings, resources) == 8


def test_an_accident_beside_an_attack_of_last_year(
    settings: Settings, resources: Resources
) -> None:
    text = ("15 killed as bus plunges into river\n\n"
            "Fifteen passengers were killed when a bus skidded off a bridge and plunged into "
            "a river on Sunday, police said.\n\n"
            "The driver lost control on a bend, an official said. Last year, gunmen fired on "
            "a bus on the same road, killing six people.")
    assert _toll(text, settings, resources) == 0


def test_the_blast_after_a_tanker_accident_is_no_attack(
    settings: Settings, resources: Resources
) -> None:
    text = ("Tanker explosion kills 40\n\n"
            "A fuel tanker overturned and exploded on a highway on Saturday as people gathered "
            "to collect fuel, killing 40, the emergency agency said.\n\n"
            "The blast also destroyed nearby shops, witnesses said.")
    assert _toll(text, settings, resources) == 0


def test_the_blast_of_a_bombing_still_counts(settings: Settings, resources: Resources) -> None:
    text = ("A car bomb exploded near a checkpoint on Saturday, killing seven people, police "
            "said.\n\nThe blast also destroyed nearby shops, witnesses said.")
    assert _toll(text, settings, resources) == 7


def test_a_dateline_alone_takes_no_place_in_the_lead(
    settings: Settings, resources: Resources
) -> None:
    text = ("Blast at market kills 9, hospital says\n\n"
            "KANDAHAR (AFP) -\n\n"
            "A bomb exploded at a crowded market on Friday, killing nine shoppers, a hospital "
            "said.\n\n"
            "A government spokesman said five people had been killed and 12 wounded.")
    report = Report(id="w", text=text, language="en", published=date(2025, 6, 3))
    extraction = extract(report, settings=settings, resources=resources)
    assert [(i.kind, i.killed.best, i.killed.low) for i in extraction.incidents if i.killed] == [
        ("incident", 9, 5)]


def test_round_seven_golden(settings: Settings, resources: Resources) -> None:
    """Each report's document toll."""
    assert doc_toll_misses(GOLDEN, settings, resources, at_least=30) == []
