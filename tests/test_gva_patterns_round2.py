"""Issue 8, second round on real US local news: the forms bench/toll_misses.py still found
among wrong document tolls. Every sentence here is made up for these tests; each one
stands for a pattern, not for an article.
"""

from __future__ import annotations

import pytest

from tollwatch.records import CleanText, Sentence, Span
from tollwatch.settings import Settings
from tollwatch.tolls.find import find_tolls

SETTINGS = Settings()


def killed(text: str) -> list[tuple[int | None, bool]]:
    """The killed figures of one sentence, with whether each is the attacker's own death."""
    clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    return [(m.toll.best, "perpetrator" in m.flags)
            for m in find_tolls(clean, clean.sentences, SETTINGS) if m.outcome == "killed"]


@pytest.mark.parametrize(
    "text",
    [
        # a death told with the medical word
        pytest.param("She was later pronounced deceased at a trauma centre.",
                     id="pronounced-deceased"),
        # a death told by its denial
        pytest.param("A sergeant said the driver did not survive.", id="did-not-survive"),
        pytest.param("Medics tried to save the teenager, but he didn't survive.",
                     id="didnt-survive"),
        # what the officers found: a named person with an age and no article
        pytest.param("Arriving deputies found 31-year-old Mara Quint of Elkton shot to death.",
                     id="found-name-shot-to-death"),
        pytest.param("Troopers found the driver dead behind the wheel.", id="found-the-x-dead"),
        # where someone is from, set off by commas, between the name and the verb
        pytest.param("Investigators say 9-year-old Tess Ambler, of Linwood, died at the farm.",
                     id="home-town-apposition"),
    ],
)
def test_one_death_in_local_news_wording(text: str) -> None:
    assert killed(text) == [(1, False)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The old barn did not survive the storm.", id="a-thing-survives"),
        pytest.param("Both brothers did not survive the crash.", id="a-plural-subject"),
    ],
)
def test_not_surviving_needs_one_person(text: str) -> None:
    assert killed(text) == []


def test_an_age_closing_the_sentence_is_not_a_count() -> None:
    # "X, 16." at the very end: the number is X's age, not sixteen more dead
    assert killed("Three men are charged over the killing of Dorian Pell, 16.") == [(1, False)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Man sought in fatal shooting of 15-year-old turns himself in",
                     id="headline-surrender"),
        pytest.param("The suspect in the fatal shooting of Lena Ortiz turned himself in on "
                     "Monday.", id="lead-surrender"),
    ],
)
def test_a_surrender_is_no_own_death(text: str) -> None:
    # "the shooting of <victim> ... himself" is a noun phrase, not a killer's verb with its
    # object followed by the killer himself: one victim, no murder-suicide
    assert killed(text) == [(1, False)]


def test_the_murder_suicide_verb_still_counts_both() -> None:
    assert sorted(killed("Police say he shot his wife and then himself in a murder-suicide.")) \
        == [(1, False), (1, True)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A 12-year-old boy was shot and killed on a porch, and detectives now "
                     "say that boy was murdered by a neighbour.", id="that-boy-again"),
        pytest.param("Ina Roe, 22, has died after a rifle her cousin was cleaning went off, "
                     "striking and killing her.", id="participle-pronoun"),
    ],
)
def test_one_victim_told_twice_in_a_sentence_is_one_death(text: str) -> None:
    assert killed(text) == [(1, False)]


@pytest.mark.parametrize(
    "text",
    [
        # a new subject may kill someone else: both deaths stay
        pytest.param("A man shot and killed his wife before a deputy killed him.",
                     id="new-subject-kills-him"),
        # "her" ends the relative clause, it is not the subject of "was killed"
        pytest.param("A clerk was shot and killed, and the man who shot her was killed by "
                     "police.", id="relative-clause-her"),
    ],
)
def test_a_second_person_in_the_sentence_still_counts(text: str) -> None:
    assert sum(best or 0 for best, _ in killed(text)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Two gunmen fired into a birthday party, killing seven people, including "
                     "an unborn baby.", 6, id="active-including-unborn"),
        pytest.param("Nine people were killed, including an unborn child, when the house was "
                     "sprayed with bullets.", 8, id="passive-including-unborn"),
        pytest.param("He shot his girlfriend, killing her and their unborn son.", 1,
                     id="pronoun-and-unborn"),
        # not an unborn child: the second person counts
        pytest.param("He shot his girlfriend, killing her and her father.", 2,
                     id="pronoun-and-kin"),
    ],
)
def test_gun_death_monitors_do_not_count_the_unborn(text: str, expected: int) -> None:
    assert sum(best or 0 for best, _ in killed(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "who were shot and killed": a relative clause, the figure is its subject
        pytest.param("Detectives named the two brothers who were shot and killed near the "
                     "levee.", 2, id="relative-shot-and-killed"),
        pytest.param("Three women who were shot and killed at the laundromat were sisters.", 3,
                     id="relative-subject-first"),
        # still a coordination of the subject's verbs without the relative pronoun
        pytest.param("Four members of a family were shot and killed.", 4,
                     id="long-subject-coordination"),
    ],
)
def test_a_relative_clause_passive_keeps_its_figure(text: str, expected: int) -> None:
    assert sum(best or 0 for best, _ in killed(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the victim is the object of the headline's verb; "Police" is no part of them
        pytest.param("Police identify woman killed in Tuesday crossfire", id="identify-x-killed"),
        pytest.param("Coroner names man shot to death near rail yard", id="names-x-shot"),
    ],
)
def test_headline_victim_after_a_headline_verb(text: str) -> None:
    assert killed(text) == [(1, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "both" repeats the figure before it: two dead, not four
        pytest.param("The two girls, 7-year-old Ivy Hale and 9-year-old Rose Hale, both died "
                     "of their wounds.", 2, id="apposition-then-both"),
        pytest.param("The two hunters both died.", 2, id="figure-then-both"),
    ],
)
def test_a_figure_with_the_names_of_its_dead(text: str, expected: int) -> None:
    assert sum(best or 0 for best, _ in killed(text)) == expected
