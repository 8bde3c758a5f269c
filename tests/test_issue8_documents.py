"""Issue 8, the document level: the same deaths told again count once.

Every report here is written for this file (no text from ../shared). Each case runs
the whole pipeline on a short article and checks the document toll and the
incidents that count.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tollwatch.contract import extraction_json
from tollwatch.evaluate import evaluate_files
from tollwatch.evaluate.articles import document_toll, news_incidents
from tollwatch.pipeline import Resources, extract
from tollwatch.read import read_paths
from tollwatch.records import Extraction, Report
from tollwatch.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PUBLISHED = date(2024, 5, 8)  # a Wednesday


def _run(text: str, settings: Settings, resources: Resources) -> Extraction:
    report = Report(id="t", text=text, published=PUBLISHED)
    return extract(report, settings=settings, resources=resources)


def _toll(text: str, settings: Settings, resources: Resources) -> int:
    return document_toll(_run(text, settings, resources)) or 0


# -- retellings: headline, lead, caption, later paragraph -----------------------------

RETOLD = [
    pytest.param(
        "Clashes near Rutshuru leave 7 dead\n\n"
        "Seven people, including two soldiers, were killed on Tuesday in clashes between "
        "the army and a rebel group near Rutshuru in eastern Congo, a local official said.",
        7,
        id="headline-and-lead-in-words",
    ),
    pytest.param(
        "1 killed, 2 wounded in West End shooting\n\n"
        "A man was killed and two other men were wounded in a shooting on Tuesday evening, "
        "police said.\n\n"
        "Darnell Pike, 22, was taken to Mercy Hospital, where he died an hour later, "
        "a spokesman for the coroner said.",
        1,
        id="named-victim-dies-in-hospital",
    ),
    pytest.param(
        "Teen shot dead outside corner store\n\n"
        "A 17-year-old boy was shot and killed outside a corner store on Monday night, "
        "police said.\n\n"
        "Officers found the teen lying on the sidewalk. He died at the scene, "
        "the medical examiner said.",
        1,
        id="teen-dies-at-scene",
    ),
    pytest.param(
        "Gunmen kill 12 villagers in Zamfara raid\n\n"
        "Gunmen on motorcycles killed 12 villagers in a raid on Tuesday in Zamfara "
        "state, police said.\n\n"
        "Photo caption: Mourners gather after 12 villagers were killed in the raid.\n\n"
        "A resident said the attackers killed twelve people and burned homes.",
        12,
        id="caption-and-later-paragraph",
    ),
    pytest.param(
        "Bomb kills 20 at market\n\n"
        "A car bomb killed 20 people at a busy market on Tuesday, officials said. "
        "The death toll later rose to 35, a health official said.",
        35,
        id="update-replaces-figure",
    ),
    pytest.param(
        "Three killed in checkpoint attack\n\n"
        "Three police officers were killed when gunmen attacked a checkpoint on Monday, "
        "the interior ministry said. Two of the officers died on the spot and one died "
        "later in hospital.",
        3,
        id="breakdown-inside-lead",
    ),
]


@pytest.mark.parametrize(("text", "toll"), RETOLD)
def test_a_retold_figure_counts_once(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _toll(text, settings, resources) == toll


def test_retelling_is_one_incident_with_both_sentences_as_evidence(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Gunmen kill 12 villagers in Zamfara raid\n\n"
        "Gunmen on motorcycles killed 12 villagers in a raid on Tuesday in Zamfara state, "
        "police said."
    )
    counted = news_incidents(_run(text, settings, resources))
    assert len(counted) == 1
    assert len(counted[0].evidence) == 2


def test_another_attack_is_not_a_retelling(settings: Settings, resources: Resources) -> None:
    text = (
        "Gunmen kill 5 in village raid\n\n"
        "Gunmen killed five villagers in a raid on Tuesday, police said. "
        "In a separate attack, gunmen killed two farmers in another village."
    )
    assert _toll(text, settings, resources) == 7


def test_a_second_equal_figure_of_another_place_and_day_stays_apart(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Two soldiers were killed in an ambush in Borno on Tuesday, the army said. "
        "Another two soldiers were killed by a roadside bomb in Yobe on Sunday."
    )
    assert _toll(text, settings, resources) == 4


# -- the demo feed: one incident of 7 in DR Congo -------------------------------------


def test_demo_feed_gives_one_incident_of_seven_in_dr_congo(
    settings: Settings, resources: Resources
) -> None:
    items = list(read_paths([EXAMPLES / "feed.rss"], published=None, settings=settings))
    report = next(i for i in items if isinstance(i, Report) and i.id == "ex-feed-01")
    extraction = extract(report, settings=settings, resources=resources)
    out = extraction_json(extraction)
    assert out["toll"] == 7
    assert len(out["incidents"]) == 1
    place = out["incidents"][0]["place"]
    assert place["country"] == "CD"
    assert place["admin1"] == "Nord-Kivu"


def test_eastern_congo_beside_a_kivu_place_reads_as_dr_congo(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Rebels kill 4 in North Kivu\n\n"
        "Four civilians were killed on Tuesday in eastern Congo, a local official said. "
        "Separately, two soldiers were killed in an ambush in eastern Congo."
    )
    extraction = _run(text, settings, resources)
    countries = {i.place.country for i in extraction.incidents if i.place is not None}
    assert countries == {"CD"}


# -- relevance: violence done by people, or not -----------------------------------

NOT_VIOLENCE = [
    pytest.param(
        "River floods kill 9\n\nNine people drowned when flood waters swept through low-lying "
        "streets of the town overnight, the disaster agency said.",
        "natural disaster",
        id="flood",
    ),
    pytest.param(
        "Quake kills 40 in the hills\n\nA magnitude 6.0 earthquake killed at least 40 people "
        "in the hill villages on Tuesday, officials said.",
        "natural disaster",
        id="earthquake",
    ),
    pytest.param(
        "Mudslide buries 15\n\nA landslide after torrential rain buried 15 homes and killed "
        "15 people on Tuesday, rescuers said.",
        "natural disaster",
        id="landslide",
    ),
    pytest.param(
        "Blast in coal mine kills 11 miners\n\nA methane explosion in a coal mine killed 11 "
        "miners on Tuesday, the company said.",
        "industrial",
        id="mine-disaster",
    ),
    pytest.param(
        "Tanker blast kills 8\n\nA fuel tanker overturned and exploded on the highway on "
        "Tuesday, killing eight people who had gathered to collect spilled petrol.",
        "accident",
        id="tanker-explosion",
    ),
    pytest.param(
        "Outbreak kills 22\n\nA cholera outbreak has killed 22 people in the river districts, "
        "the health ministry said.",
        "illness",
        id="epidemic",
    ),
    pytest.param(
        "Ferry capsizes, 30 dead\n\nAn overloaded ferry capsized on the lake on Tuesday, "
        "killing 30 passengers, police said.",
        "accident",
        id="ferry",
    ),
    pytest.param(
        "Killer jailed for life\n\nA court sentenced a man to life in prison on Tuesday for "
        "shooting dead two shopkeepers in 2019.",
        "court",
        id="court-sentence",
    ),
    pytest.param(
        "Village remembers massacre\n\nSurvivors gathered on Tuesday for the 25th anniversary "
        "of the massacre in which militiamen killed 80 villagers.",
        "anniversary",
        id="anniversary",
    ),
    pytest.param(
        "United massacre City 9-0\n\nUnited killed off the match in the first half and "
        "completed a 9-0 massacre of City, the biggest defeat of the league season.",
        "sport",
        id="sport-metaphor",
    ),
    pytest.param(
        "Senate kills the bill\n\nThe Senate killed the water bill on Tuesday by 51 votes.",
        "figure of speech",
        id="politics-metaphor",
    ),
    pytest.param(
        "Review: a thriller with a body count\n\nThe film follows an assassin who kills 14 "
        "people in one night; the director keeps the plot moving.",
        "story",
        id="film-plot",
    ),
]


@pytest.mark.parametrize(("text", "label"), NOT_VIOLENCE)
def test_not_violence_gives_no_incident_and_says_why(
    text: str, label: str, settings: Settings, resources: Resources
) -> None:
    extraction = _run(text, settings, resources)
    assert extraction.incidents == []
    assert extraction.relevance is not None and not extraction.relevance.relevant
    assert label in extraction.relevance.reason


VIOLENCE = [
    pytest.param(
        "Gunmen attack gold mine, kill 6\n\nGunmen attacked a gold mine on Tuesday and "
        "killed six miners, police said.",
        6,
        id="attack-on-a-mine",
    ),
    pytest.param(
        "Bomb kills 4 at football match\n\nA bomb exploded among fans at a football match on "
        "Tuesday, killing four people, police said.",
        4,
        id="bomb-at-a-match",
    ),
    pytest.param(
        "Man shot dead during protest\n\nPolice shot dead a man during a protest in the "
        "capital on Tuesday, witnesses said.",
        1,
        id="protest-shooting",
    ),
]


@pytest.mark.parametrize(("text", "toll"), VIOLENCE)
def test_violence_near_frame_words_stays_relevant(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    extraction = _run(text, settings, resources)
    assert extraction.relevance is not None and extraction.relevance.relevant
    assert extraction.relevance.reason.startswith("violence")
    assert document_toll(extraction) == toll


def test_relevance_and_new_fields_are_in_the_contract(
    settings: Settings, resources: Resources
) -> None:
    out = extraction_json(_run(RETOLD[0].values[0], settings, resources))  # type: ignore[index]
    assert out["relevance"]["relevant"] is True and out["relevance"]["reason"]
    incident = out["incidents"][0]
    assert incident["background"] is False
    assert "violence_kind" in incident and isinstance(incident["sources"], list)
    flood = extraction_json(_run(NOT_VIOLENCE[0].values[0], settings, resources))  # type: ignore[index]
    assert flood["relevance"]["relevant"] is False and flood["toll"] is None


# -- our annotated articles, scored as `tollwatch eval` scores them -------------------

OUR_ARTICLES = Path(__file__).resolve().parent / "golden" / "annotated" / "our-articles.jsonl"


def test_our_articles_score(settings: Settings, resources: Resources) -> None:
    result = evaluate_files([OUR_ARTICLES], settings=settings, resources=resources, pairs=False)
    metrics = result.metrics("our-articles")
    assert metrics["irrelevant_with_toll"].value == 0.0
    assert metrics["relevant_missed"].value == 0.0
    assert (metrics["doc_toll_exact"].value or 0.0) >= 0.85


# -- background and cumulative figures --------------------------------------------

BACKGROUND = [
    pytest.param(
        "Drone strike kills 9\n\nA drone strike killed nine civilians in a village on Tuesday, "
        "the governor said. The war has killed more than 80,000 people, according to estimates.",
        9,
        "aggregate",
        id="war-wide-total",
    ),
    pytest.param(
        "Car bomb kills 6\n\nA car bomb killed six people in the main square on Tuesday, police "
        "said. A bombing in the same square killed 30 people in 2018.",
        6,
        "incident",
        id="earlier-dated-attack",
    ),
    pytest.param(
        "Air raids kill 4\n\nAir raids killed four people in the district on Tuesday, a monitor "
        "said. The raids have now claimed 240 lives in the district since the offensive began.",
        4,
        "aggregate",
        id="since-the-offensive-began",
    ),
    pytest.param(
        "Gunmen kill 3 police\n\nGunmen killed three police officers at a checkpoint on Tuesday. "
        "Last year a similar attack on the checkpoint killed 11 officers.",
        3,
        "incident",
        id="last-year",
    ),
]


@pytest.mark.parametrize(("text", "toll", "kind"), BACKGROUND)
def test_background_is_kept_but_not_counted(
    text: str, toll: int, kind: str, settings: Settings, resources: Resources
) -> None:
    extraction = _run(text, settings, resources)
    assert extraction.toll() == toll
    assert document_toll(extraction) == toll
    context = [i for i in extraction.incidents if i.background]
    assert len(context) == 1 and context[0].kind == kind
    out = extraction_json(extraction)
    assert [i["background"] for i in out["incidents"]].count(True) == 1


def test_news_dated_this_year_is_not_background(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Gunmen kill 5 in 2024's worst raid\n\nGunmen killed five villagers on Tuesday in the "
        "deadliest raid in 2024, officials said."
    )
    extraction = _run(text, settings, resources)
    assert document_toll(extraction) == 5
    assert not any(i.background for i in extraction.incidents)


# -- conflicting sources ------------------------------------------------------------


def test_conflicting_sources_fold_into_one_range(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Crackdown leaves at least 15 dead\n\nSecurity forces opened fire on protesters on "
        "Tuesday. The interior ministry said 15 people died; a health official put the toll "
        "at 25."
    )
    extraction = _run(text, settings, resources)
    counted = news_incidents(extraction)
    assert len(counted) == 1
    killed = counted[0].killed
    assert killed is not None and (killed.low, killed.best, killed.high) == (15, 25, 25)
    names = {s.name for s in counted[0].sources}
    assert {"interior ministry", "health official"} <= names
    out = extraction_json(extraction)
    assert len(out["incidents"][0]["sources"]) >= 2


def test_a_witness_figure_is_best_over_the_police_figure(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Raid on market turns deadly\n\nPolice said three people died when officers fired on "
        "traders on Tuesday. Residents said five people were killed."
    )
    extraction = _run(text, settings, resources)
    killed = news_incidents(extraction)[0].killed
    assert killed is not None and (killed.low, killed.best, killed.high) == (3, 5, 5)
    assert document_toll(extraction) == 5


def test_two_victim_groups_with_a_source_between_still_add_up(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Five soldiers were killed in the ambush, the army said, and three civilians were "
        "killed, residents said."
    )
    assert _toll(text, settings, resources) == 8


# -- combat, terrorism or other -------------------------------------------------------

KINDS = [
    pytest.param(
        "Suicide bomber kills 17 at mosque\n\nA suicide bomber blew himself up at a mosque "
        "during prayers, killing 17 worshippers, police said.",
        "terrorism",
        id="suicide-bombing",
    ),
    pytest.param(
        "Army and rebels clash, 11 killed\n\nEleven fighters were killed on Tuesday in a gun "
        "battle between the army and rebels, a military spokesman said.",
        "combat",
        id="army-rebel-battle",
    ),
    pytest.param(
        "Air strikes kill 8 fighters\n\nAir strikes killed eight rebel fighters near the town "
        "on Tuesday, a monitor said.",
        "combat",
        id="air-strike-on-fighters",
    ),
    pytest.param(
        "Jihadists kill 20 villagers\n\nJihadists killed 20 villagers in an attack on Tuesday, "
        "in what officials called a massacre.",
        "terrorism",
        id="massacre-of-villagers",
    ),
    pytest.param(
        "Man shot dead in parking lot\n\nA man was shot dead in a supermarket parking lot on "
        "Tuesday night, police said.",
        "other",
        id="street-crime",
    ),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_violence_kind_tells_combat_from_terrorism(
    text: str, kind: str, settings: Settings, resources: Resources
) -> None:
    extraction = _run(text, settings, resources)
    counted = news_incidents(extraction)
    assert counted and counted[0].violence_kind == kind
    assert extraction_json(extraction)["incidents"][0]["violence_kind"] == kind


def test_violence_kind_rules() -> None:
    from tollwatch.violence.kind import violence_kind

    assert violence_kind("explosion_remote_violence", "ied", None, None) == "terrorism"
    assert violence_kind("explosion_remote_violence", "air_strike", "government", "rebel") == (
        "combat"
    )
    # a state's bombing is not terrorism by these rules; its strike on fighters is combat
    assert violence_kind("explosion_remote_violence", "suicide_bomb", "government", None) != (
        "terrorism"
    )
    assert violence_kind("violence_against_civilians", "attack", "criminal", "civilian",
                         "a massacre at a party") == "other"
    assert violence_kind("violence_against_civilians", "attack", None, "government") == "combat"
