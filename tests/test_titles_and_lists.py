"""A person named by a title and the people listed with them, in our own words: "the
village head" is a person ("head" alone is not), "a village chief" is no village, and
"the village chief and his two sons" is three (tolls/phrases.py, tolls/implicit.py,
tolls/rules.py)."""

from __future__ import annotations

import pytest

from tollwatch.tolls.find import sentence_tolls


def _killed(text: str) -> int:
    return sum(b.best or 0 for b in sentence_tolls(text) if b.outcome == "killed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Militants killed a village head in Borno.", 1, id="a-village-head"),
        pytest.param("Militants killed a village chief in Borno.", 1, id="a-village-chief"),
        pytest.param("Gunmen killed the head of the village.", 1, id="head-of-the-village"),
        pytest.param("Gunmen killed the village chief and his two sons.", 3,
                     id="and-his-two-sons"),
        pytest.param("Gunmen killed the village head and two of his sons in Katsina state on "
                     "Sunday, police said.", 3, id="and-two-of-his-sons"),
        pytest.param("Gunmen killed the mayor and two of his guards.", 3, id="mayor-guards"),
        pytest.param("Rebels killed 3 soldiers and their two drivers.", 5, id="their-drivers"),
        pytest.param("He was shot in the head.", 0, id="shot-in-the-head"),
        pytest.param("Gunmen attacked two villages, killing five.", 5, id="two-villages"),
        pytest.param("The siege lasted three days and killed 12 soldiers.", 12, id="three-days"),
    ],
)
def test_titles_and_the_people_listed_with_them(text: str, expected: int) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He killed an FBI K-9 during the assault.", 0, id="k9"),
        pytest.param("The gunman shot through a door and killed a 2-year-old police K-9.", 0,
                     id="aged-k9"),
        pytest.param("A police dog was killed in the shootout.", 0, id="police-dog"),
        pytest.param("Raiders killed three herders and 40 cattle.", 3, id="herders-cattle"),
        pytest.param("The dog walker was shot dead.", 1, id="dog-walker"),
        pytest.param("Gunmen killed a man walking his dog.", 1, id="man-with-dog"),
        pytest.param("A 2-year-old boy was killed.", 1, id="aged-boy"),
    ],
)
def test_animals_are_no_count_of_the_dead(text: str, expected: int) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Mother, toddler killed in shooting in Fort Washington", 2,
                     id="comma-list"),
        pytest.param("Woman, 2 children killed in house fire", 3, id="item-with-figure"),
        pytest.param("Soldier, two civilians killed in mortar attack", 3, id="soldier-civilians"),
        pytest.param("Father and son killed in shooting", 2, id="and-list"),
        pytest.param("Man and woman found dead in apparent murder-suicide", 2, id="found-dead"),
        pytest.param("Residents, police clash after protest", 0, id="groups-count-no-one"),
        pytest.param("Man, 20, killed in shooting", 1, id="age-is-no-item"),
        pytest.param("Police say a man broke into a home, killed a young couple and shot two "
                     "others.", 2, id="a-young-couple"),
        pytest.param("Gunmen killed an elderly couple in their farmhouse.", 2, id="elderly-couple"),
        pytest.param("A couple of men were killed.", 2, id="a-couple-of"),
    ],
)
def test_people_counted_by_the_words_that_name_them(text: str, expected: int) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("An airstrike on a market killed dozens of people on Monday, a medical "
                     "group said, putting the toll at 46.", 46, id="dozens-then-toll"),
        pytest.param("Gunmen killed several villagers, bringing the death toll to 9.", 9,
                     id="several-then-toll"),
        pytest.param("The death toll stood at 12, and dozens were killed later.", 36,
                     id="vague-after-the-toll"),
    ],
)
def test_a_toll_restating_a_vague_amount(text: str, expected: int) -> None:
    assert _killed(text) == expected
