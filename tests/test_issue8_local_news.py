"""Issue 8 on local news: forms of death that US local reports use, and one story's
figures counted once. Every report here is written for these tests, in the patterns
that bench/toll_misses.py found most often among wrong document tolls.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tollwatch import Report, extract
from tollwatch.evaluate import evaluate_files
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.records import CleanText, Sentence, Span
from tollwatch.settings import Settings
from tollwatch.tolls.find import find_tolls

SETTINGS = Settings()
PUBLISHED = date(2016, 3, 9)


def totals(text: str) -> dict[str, int]:
    """Best figures per outcome of one sentence, summed."""
    clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    found: dict[str, int] = {}
    for mention in find_tolls(clean, clean.sentences, SETTINGS):
        found[mention.outcome] = found.get(mention.outcome, 0) + (mention.toll.best or 0)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's pair of figures, each with its own outcome word
        pytest.param("2 killed 4 injured in parking lot shooting", {"killed": 2, "wounded": 4},
                     id="headline-pair-no-comma"),
        pytest.param("1 dead, 3 hurt after gunfire at a house party",
                     {"killed": 1, "wounded": 3}, id="headline-pair-comma"),
        # shot but not killed: the second figure of "killing ... and shooting ..." is wounded
        pytest.param("The man is charged with killing one neighbour and shooting three others.",
                     {"killed": 1, "wounded": 3}, id="killing-and-shooting"),
        pytest.param("Police said the gunman killed two and shot five more.",
                     {"killed": 2, "wounded": 5}, id="killed-and-shot"),
        # "both" before a long subject
        pytest.param("Both men sitting in the parked van were killed.", {"killed": 2},
                     id="both-long-subject"),
        # nominal forms of one death
        pytest.param("Detectives are looking into the fatal shooting of a teenager on Pine Road.",
                     {"killed": 1}, id="fatal-shooting-of"),
        pytest.param("Woman, 19, Charged in Boyfriend’s Fatal Stabbing", {"killed": 1},
                     id="possessive-fatal-stabbing"),
        pytest.param("Three teens charged in 2 slayings near the river", {"killed": 2},
                     id="slayings"),
        # headline forms without an auxiliary
        pytest.param("Man killed in early morning shooting on Route 9", {"killed": 1},
                     id="headline-bare-passive"),
        pytest.param("UPDATE: Teen, 16, shot dead outside corner store", {"killed": 1},
                     id="headline-with-label-and-age"),
        pytest.param("Toddler dies after finding loaded gun in bedroom", {"killed": 1},
                     id="headline-dies"),
        # not a bare passive: the agent of an active verb
        pytest.param("A man fatally shot his two neighbours on Friday.", {"killed": 2},
                     id="active-is-no-headline-passive"),
        pytest.param("Gunmen killed three farmers in the market", {"killed": 3},
                     id="plural-agent-headline"),
        # more forms of one death, and counts inside words
        pytest.param("A 17-year-old was shot and died at the scene, deputies said.",
                     {"killed": 1}, id="shot-and-died"),
        pytest.param("Police say the teen has died from his wounds.", {"killed": 1},
                     id="has-died"),
        pytest.param("Sheriff: Teenager shot, killed at trailer park", {"killed": 1},
                     id="headline-shot-comma-killed"),
        pytest.param("Riverside: Man found fatally shot in parked car", {"killed": 1},
                     id="headline-found-fatally-shot"),
        pytest.param("Paramedics pronounced the driver dead at the scene.", {"killed": 1},
                     id="pronounced-someone-dead"),
        pytest.param("3 people shot, 1 fatally, near a bus stop", {"killed": 1, "wounded": 2},
                     id="shot-one-fatally"),
        pytest.param("Two charged in double homicide at a motel", {"killed": 2},
                     id="double-homicide"),
        pytest.param("Police investigate a triple fatal shooting on Oak Lane", {"killed": 3},
                     id="triple-fatal-shooting"),
        pytest.param("A shell killed a girl and her body was carried to the mosque.",
                     {"killed": 1}, id="her-body-is-no-second-victim"),
        pytest.param("Gunmen killed a woman and dumped her in a canal.", {"killed": 1},
                     id="her-after-a-verb-is-no-second-victim"),
        pytest.param("Retired judge, 93, dies peacefully at home", {},
                     id="a-natural-death-is-no-toll"),
        # numbers that are not counts of the dead
        pytest.param("Four adults and an unborn baby were killed at the picnic.",
                     {"killed": 4}, id="the-unborn-are-not-counted"),
        pytest.param("Police say the gunman killed two men and an unborn child.",
                     {"killed": 2}, id="the-unborn-are-not-counted-as-objects"),
        pytest.param("Two held in Studio 5 shooting death of Ana Ruiz", {"killed": 1},
                     id="a-singular-death-is-never-counted-by-5"),

    ],
)
def test_local_news_forms(text: str, expected: dict[str, int]) -> None:
    assert totals(text) == expected


def _toll(text: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="t", text=text, published=PUBLISHED)
    return document_toll(extract(report, settings=settings, resources=resources)) or 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Father kills 2 sons, then turns gun on baby\n\n"
            "Police say three children, including a baby girl, were shot dead inside a "
            "house in Dayton, Ohio, on Monday night.\n\n"
            "The father was arrested at the scene.",
            3,
            id="lead-completes-the-headline",
        ),
        pytest.param(
            "Gunmen kill 2 at checkpoint in Kandahar\n\n"
            "Two policemen were killed at a checkpoint in Kandahar on Monday. Separately, "
            "militants in Herat province killed 6 soldiers at a base.",
            8,
            id="a-separate-larger-figure-stays-apart",
        ),
        pytest.param(
            "Girl, 6, dies after shooting in New Haven home\n\n"
            "A 6-year-old girl died Sunday after she was shot inside a home in New Haven, "
            "Connecticut, police said.\n\n"
            "Officers found the girl in a bedroom, police said.",
            1,
            id="new-in-a-place-name-is-no-marker",
        ),
        pytest.param(
            "Trooper remembered by his family\n\n"
            "A trooper who was one of the state police officers killed in Friday's ambush "
            "loved his job, his sister said.\n\n"
            "He was among three officers who died in the gunfire near Hartford.\n\n"
            "Two of the officers killed had served for more than ten years.",
            3,
            id="parts-of-a-group-told-before-and-after-it",
        ),
    ],
)
def test_one_story_counted_once(
    text: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A farmer killed his 6-year-old daughter and then himself on Monday.",
                     {"killed": 2}, id="victim-then-self"),
        pytest.param("Man kills 3-year-old grandson, self", {"killed": 2},
                     id="headline-victim-comma-self"),
        pytest.param("A nurse shot her husband and then herself in a murder-suicide.",
                     {"killed": 2}, id="shot-then-self-with-murder-suicide"),
        pytest.param("The guard shot his colleague and then himself, police said.", {},
                     id="shot-then-self-without-a-death-word-is-no-toll"),
        pytest.param("A man killed his three sons and then himself.", {"killed": 4},
                     id="counted-victims-then-self"),
        pytest.param("Deputies say a man fatally shot a woman and boy then killed himself.",
                     {"killed": 3}, id="two-objects-then-killed-himself"),
        pytest.param("Four members of the same family were shot and killed overnight.",
                     {"killed": 4}, id="members-of-a-family"),
    ],
)
def test_victim_then_self(text: str, expected: dict[str, int]) -> None:
    assert totals(text) == expected


def test_victim_then_self_keeps_the_killer_apart(
    settings: Settings, resources: Resources
) -> None:
    report = Report(id="t", text="A farmer killed his 6-year-old daughter and then himself "
                    "at their home in Ohio on Monday.", published=PUBLISHED)
    extraction = extract(report, settings=settings, resources=resources)
    assert document_toll(extraction) == 2
    assert sorted(i.perpetrator_dead for i in extraction.incidents) == [False, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Boy, 12, dies in accidental shooting at a friend's home\n\n"
            "A 12-year-old boy died on Saturday after a handgun went off by accident while "
            "he and a friend were handling it, the sheriff said.",
            1,
            id="an-accidental-shooting-is-gun-violence",
        ),
        pytest.param(
            "Teen killed in hunting accident\n\n"
            "A 15-year-old was killed when a rifle discharged accidentally during a deer hunt "
            "on Sunday, wildlife officers said.",
            1,
            id="a-hunting-accident-with-a-rifle",
        ),
        pytest.param(
            "Bus crash kills 9\n\n"
            "Nine passengers died when a bus left the road and rolled down a slope in an "
            "accident on Sunday, police said.",
            0,
            id="a-road-accident-is-not",
        ),
    ],
)
def test_gun_accidents(
    text: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, settings, resources) == expected


def test_the_headline_suspect_killed_is_the_attackers_own_death(
    settings: Settings, resources: Resources
) -> None:
    report = Report(id="t", text="Police: 2 neighbors fatally shot; suspect killed\n\n"
                    "Two neighbors were shot dead in Akron, Ohio, on Monday. Officers later "
                    "shot the gunman.", published=PUBLISHED)
    extraction = extract(report, settings=settings, resources=resources)
    assert document_toll(extraction) == 3
    assert [i.killed.best for i in extraction.incidents if i.perpetrator_dead and i.killed] == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Police shooting on Elm Street under review\n\n"
            "The suspect was shot dead by police on Friday night. One officer was grazed.\n\n"
            "The officer-involved shooting that left a man dead in Elmira is under review "
            "by state investigators.",
            1,
            id="the-man-police-shot-is-the-suspect",
        ),
        pytest.param(
            "Deputy killed, gunman shot dead\n\n"
            "A deputy was killed by a gunman on Monday in Pine Bluff. Officers returned fire "
            "and the gunman was killed.",
            2,
            id="the-deputy-and-the-gunman-are-two",
        ),
        pytest.param(
            "Deputy killed in mobile home standoff\n\n"
            "A deputy was killed by a gunman who shot two officers before barricading himself "
            "inside his trailer, police said.",
            1,
            id="barricading-himself-is-no-death",
        ),
        pytest.param(
            "4-year-old who died of self-inflicted gunshot identified\n\n"
            "A 4-year-old boy has died of a self-inflicted gunshot wound, police said.",
            1,
            id="a-child-who-shot-himself-is-one-victim",
        ),
    ],
)
def test_own_deaths_counted_once(
    text: str, expected: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, settings, resources) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        pytest.param("Suspect who shot police K-9 dies in standoff", 9, id="k-9-is-a-label"),
        pytest.param("Mother of 4 shot dead outside her home", 4, id="mother-of-four"),
        pytest.param("A 16 yo was killed in the drive-by.", 16, id="yo-is-an-age"),
    ],
)
def test_numbers_that_count_no_dead(text: str, number: int) -> None:
    clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    assert number not in [m.toll.best for m in find_tolls(clean, clean.sentences, SETTINGS)]


LOCAL_NEWS = Path(__file__).resolve().parent / "golden" / "annotated" / "local-news.jsonl"


def test_our_local_news_cases_score(settings: Settings, resources: Resources) -> None:
    """tests/golden/annotated/local-news.jsonl: short local reports we wrote, one per
    class of bench/toll_misses.py, scored as `tollwatch eval` scores them."""
    result = evaluate_files([LOCAL_NEWS], settings=settings, resources=resources, pairs=False)
    metrics = result.metrics("our-local-news")
    assert metrics["doc_toll_exact"].value == 1.0
    assert metrics["irrelevant_with_toll"].value == 0.0
    assert metrics["relevant_missed"].value == 0.0
