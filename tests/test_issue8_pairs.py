"""Issue 8, same-incident pairs on local news: what kept two outlets' reports apart.

Reports and units here are our own; each case names the cause it guards against
(docs/matching.md, "issue 8, second pass").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.read.cleaning import is_boilerplate
from tollwatch.records import Report
from tollwatch.settings import Settings
from tollwatch.store.matching import (
    FALLBACK_DAYS_BEFORE,
    MatchUnit,
    candidate_pairs,
    match_units,
    score_pair,
)

US_UNIT = MatchUnit(
    id=1,
    report=1,
    published=date(2016, 8, 15),
    date_start=date(2016, 8, 13),
    date_end=date(2016, 8, 13),
    date_precision="day",
    country="US",
    admin1="Florida",
    place="Naples",
    place_text="Naples",
    lat=26.14,
    lon=-81.79,
    place_precision="point",
    event_type="violence_against_civilians",
    killed=1,
)


def other(**changes: object) -> MatchUnit:
    values: dict[str, object] = {"id": 2, "report": 2, **changes}
    return replace(US_UNIT, **values)  # type: ignore[arg-type]


# ---- dates: a publication-day fallback stands for the days before it -----------------


@pytest.mark.parametrize(
    ("days_after", "paired"),
    [
        pytest.param(0, True, id="published-the-same-day"),
        pytest.param(2, True, id="monday-article-saturday-night-shooting"),
        pytest.param(FALLBACK_DAYS_BEFORE + 1, True, id="window-plus-one-day"),
        pytest.param(FALLBACK_DAYS_BEFORE + 3, False, id="a-week-later"),
    ],
)
def test_undated_report_is_compared_with_the_days_before_its_publication(
    days_after: int, paired: bool
) -> None:
    """An article that gives no date for its shooting (precision "unknown", the
    publication day) is compared with an outlet that dated it days before."""
    published = date(2016, 8, 13).toordinal() + days_after
    undated = other(
        published=date.fromordinal(published),
        date_start=date.fromordinal(published),
        date_end=date.fromordinal(published),
        date_precision="unknown",
    )
    assert bool(candidate_pairs([US_UNIT, undated])) is paired


def test_undated_report_is_not_compared_with_later_events() -> None:
    """The fallback window looks back only: an event dated after publication is not it."""
    undated = other(
        published=date(2016, 8, 10),
        date_start=date(2016, 8, 10),
        date_end=date(2016, 8, 10),
        date_precision="unknown",
    )
    later = replace(US_UNIT, date_start=date(2016, 8, 14), date_end=date(2016, 8, 14))
    assert candidate_pairs([later, undated]) == []


# ---- places: a homonym resolved abroad -----------------------------------------------


def test_same_town_written_resolved_to_two_countries_is_one_place() -> None:
    """'Naples' resolved to Italy in one report and to Florida in the other: the same
    written town is a homonym the gazetteer chose differently, not two countries."""
    abroad = other(country="IT", admin1="Campania", lat=40.85, lon=14.27)
    assert candidate_pairs([US_UNIT, abroad])
    pair = score_pair(US_UNIT, abroad)
    assert pair.veto is None and pair.score >= 0.7
    assert len(match_units([US_UNIT, abroad])) == 1


def test_different_towns_in_two_countries_still_veto() -> None:
    abroad = other(
        country="IT", admin1="Campania", place="Salerno", place_text="Salerno", lat=40.68, lon=14.77
    )
    assert candidate_pairs([US_UNIT, abroad]) == []
    assert score_pair(US_UNIT, abroad).veto is not None


# ---- places: a capitalised ordinary word where capitals are not chosen -----------------


def _place_name(text: str, settings: Settings, resources: Resources) -> str | None:
    extraction = extract(
        Report(id="t", text=text, published=date(2016, 3, 7)),
        settings=settings,
        resources=resources,
    )
    main = main_incident(extraction)
    assert main is not None, f"no incident in {text!r}"
    return main.place.name if main.place else None


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        pytest.param(
            "Teen killed in shooting outside store\n\nA 17-year-old was shot dead on "
            "Saturday night outside a convenience store in Memphis, police said.",
            "Teen",
            id="headline-first-word-teen",
        ),
        pytest.param(
            "Man Hurt, Woman Killed In Overnight Shooting\n\nA woman was shot and killed "
            "and a man was hurt early Sunday in Akron, police said.",
            "Hurt",
            id="title-case-headline-hurt",
        ),
        pytest.param(
            "Police: Man shot dead after argument\n\nA man was shot and killed after an "
            "argument on Friday in Toledo, police said.",
            "Man",
            id="after-a-colon-man",
        ),
        pytest.param(
            "Man arrested after bar shooting\n\nWHEN IT WAS OVER ONE PERSON WAS KILLED AND "
            "ONE MAN WAS TAKEN INTO CUSTODY, POLICE SAID.",
            "Man",
            id="broadcast-transcript-in-capitals",
        ),
        pytest.param(
            "Assault ends in fatal shooting\n\nOne man was shot dead on Friday in Tulsa "
            "after an assault outside a bar, police said.",
            "Assault",
            id="a-word-the-report-also-writes-in-lower-case",
        ),
    ],
)
def test_capitalised_ordinary_word_is_not_a_town(
    text: str, not_a_place: str, settings: Settings, resources: Resources
) -> None:
    """'Teen', 'Man', 'Hurt', 'Assault' are towns somewhere; capitalised by position
    (a sentence's first word, a title-case headline, after a colon) in a report that
    uses them as words, they name none."""
    assert _place_name(text, settings, resources) != not_a_place


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Couple found dead in home\n\nDeputies said Lena Reeves, 66 and Tomas Reeves, 64 "
            "were found dead in their home on Sunday, police said.",
            id="ages-without-closing-commas",
        ),
        pytest.param(
            "Man dies after shooting\n\nJordan Harris, a 24-year-old man, died in hospital on "
            "Saturday after the shooting, police said.",
            id="first-name-a-country-surname-a-town",
        ),
    ],
)
def test_people_named_with_their_ages_are_no_towns(
    text: str, settings: Settings, resources: Resources
) -> None:
    """'Reeves', 'Tomas', 'Harris' are towns somewhere and 'Jordan' a country; set off by
    an age (local news drops the comma after it), a first name and surname are a person."""
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    assert main is not None and main.place is None


def test_town_named_mid_sentence_is_still_a_town(settings: Settings, resources: Resources) -> None:
    """The rule reads only capitals by position: a town named inside a sentence stays."""
    text = (
        "Two shot in Hurt overnight\n\nTwo people were shot and one died on Saturday "
        "in Hurt, Virginia, deputies said. The hurt man was taken to a hospital."
    )
    assert _place_name(text, settings, resources) == "Hurt"


# ---- a link to another story is not this report's news -------------------------------


@pytest.mark.parametrize(
    ("sentence", "link"),
    [
        pytest.param("[OTHER NEWS: Woman shot dead in Dayton on Friday]", True, id="other-news"),
        pytest.param("MORE: Two killed in crash on Route 9", True, id="more"),
        pytest.param("WATCH: Family of slain teen speaks out", True, id="watch"),
        pytest.param("(Related: Man dies after bar fight)", True, id="related-in-brackets"),
        pytest.param("More than 10 people were shot over the weekend.", False, id="more-than"),
        pytest.param("Also, police said two men died.", False, id="also-comma"),
        pytest.param("Police: man shot dead near a bus stop", False, id="police-colon"),
    ],
)
def test_link_to_another_story_is_boilerplate(sentence: str, link: bool) -> None:
    assert is_boilerplate(sentence) is link


# ---- the victim named by kinship: "killed his girlfriend" ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A man shot and killed his girlfriend on Friday in Dayton, police said.",
            id="girlfriend",
        ),
        pytest.param(
            "A teen fatally shot his cousin on Sunday in Mobile, deputies said.", id="cousin"
        ),
        pytest.param(
            "Police say a woman killed her roommate on Monday in Fresno.", id="roommate"
        ),
    ],
)
def test_victim_named_by_kinship_is_one_dead(
    text: str, settings: Settings, resources: Resources
) -> None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    assert main is not None and main.killed is not None and main.killed.best == 1


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        pytest.param(
            "Deputies found the body of a 41-year-old man on Sunday in Macon after "
            "neighbors heard gunshots.",
            1,
            id="found-the-body-of",
        ),
    ],
)
def test_one_death_told_without_a_figure(
    text: str, dead: int, settings: Settings, resources: Resources
) -> None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    assert main is not None and main.killed is not None and main.killed.best == dead


def test_headline_figure_told_again_in_a_follow_up_is_counted_once(
    settings: Settings, resources: Resources
) -> None:
    """A follow-up article: the headline's figure and the body's retelling of it carry
    different dates (the killing in June, the arrest this week) and places (the town,
    the state of the arrest); a headline tells one event, so the toll is the figure."""
    text = (
        "Second suspect arrested in Elm Street triple murder\n\n"
        "Police in Dayton said a second suspect in the Elm Street triple murder that "
        "happened in June was arrested on Tuesday in Kentucky.\n\n"
        "The man had been sought for weeks after the triple murder on Elm Street."
    )
    extraction = extract(
        Report(id="t", text=text, published=date(2016, 8, 12)),
        settings=settings,
        resources=resources,
    )
    counted = [i for i in extraction.incidents if i.killed and not i.background]
    assert sum(i.killed.best or 0 for i in counted if i.killed) == 3


def test_city_quarter_resolved_to_a_namesake_far_away_does_not_veto() -> None:
    """'the South Side' of a Chicago report, which the gazetteer put in New York: the
    words name a quarter of the report's city, so they neither veto nor vouch."""
    chicago = replace(
        US_UNIT, admin1="Illinois", place="Chicago", place_text="Chicago", lat=41.88, lon=-87.63
    )
    quarter = other(
        admin1="New York", place="Eltingville", place_text="South Side", lat=40.54, lon=-74.16
    )
    pair = score_pair(chicago, quarter)
    assert pair.veto is None and pair.components["place"] == pytest.approx(0.2)
    town = other(admin1="New York", place="Yonkers", place_text="Yonkers", lat=40.93, lon=-73.9)
    assert score_pair(chicago, town).veto is not None


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        pytest.param(
            "Father who killed 2-year-old son says gun went off\n\nThe boy was shot on "
            "Friday at the family's home in Macon, police said.",
            1,
            id="headline-bare-age-object",
        ),
        pytest.param(
            "Police said the girl was declared brain-dead on Sunday, two days after she "
            "was shot in Macon.",
            1,
            id="declared-brain-dead",
        ),
        pytest.param(
            "Dana Whitfield, 16, and Marcus Bell, 17, were killed in the shooting on "
            "Saturday in Macon.",
            2,
            id="names-with-ages",
        ),
        pytest.param(
            "Dana Whitfield and Marcus Bell, both 16, were killed in the shooting on "
            "Saturday in Macon.",
            2,
            id="names-both-aged",
        ),
        pytest.param(
            "Officers said Lena Varga, 66 and Tomas Varga, 64 were found dead in their home on "
            "Sunday in Tifton.",
            2,
            id="ages-without-closing-commas",
        ),
    ],
)
def test_victims_named_with_their_ages(
    text: str, dead: int, settings: Settings, resources: Resources
) -> None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    assert main is not None and main.killed is not None and main.killed.best == dead


# ---- a headline that tells a shooting, with no figure in the body --------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "3 people shot outside corner store\n\nPolice were called to the store on "
            "Elm Street late Friday and found the victims in the parking lot.",
            id="people-shot",
        ),
        pytest.param(
            "Boy, 9, shot by stray bullet at home\n\nThe boy was taken to a hospital "
            "in Macon on Sunday night, police said.",
            id="aged-boy-shot",
        ),
    ],
)
def test_shooting_told_in_the_headline_gives_a_figureless_incident(
    text: str, settings: Settings, resources: Resources
) -> None:
    """No killed figure, but the headline tells people shot: one incident without a toll,
    so the report can join the other outlets' reports of the shooting."""
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    assert extraction.relevance is not None and extraction.relevance.relevant
    assert len(extraction.incidents) == 1
    assert extraction.incidents[0].killed is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Teen singer shoots up the charts\n\nThe 16-year-old's single rose to number "
            "three this week, her label said.",
            id="shoots-up-the-charts",
        ),
        pytest.param(
            "Boy, 12, shot 67 to win junior title\n\nThe young golfer finished two strokes "
            "ahead on Sunday.",
            id="golf-score",
        ),
        pytest.param(
            "Mother's photo shoot with baby goes viral\n\nThe pictures were shared "
            "thousands of times on Sunday.",
            id="photo-shoot",
        ),
    ],
)
def test_figurative_shot_in_a_headline_gives_no_incident(
    text: str, settings: Settings, resources: Resources
) -> None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    assert not any(i.killed for i in extraction.incidents)
    assert shooting_headline_of(text) is None


def shooting_headline_of(text: str) -> object:
    from tollwatch.incidents.headline import shooting_headline
    from tollwatch.read.cleaning import clean

    return shooting_headline(clean(Report(id="t", text=text), Settings()))


def test_a_fight_and_an_attack_are_close_types() -> None:
    """One outlet's "shootout" (battle) and another's "gunman opened fire" (violence
    against civilians) for one shooting: close types, not different ones."""
    fight = other(event_type="battle")
    assert score_pair(US_UNIT, fight).components["type"] == pytest.approx(0.5)
    blast = other(event_type="explosions")
    assert score_pair(US_UNIT, blast).components["type"] == pytest.approx(0.1)
