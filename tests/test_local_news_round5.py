"""US local news of our own, round five (tests/golden/annotated/local-news-round5.jsonl),
written at the start of stop 28 (gva28) after reading real local reports, and scored once
on the unchanged code: 15 of 24 document tolls right (12 of 20 where someone died)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND5 = Path(__file__).resolve().parent / "golden" / "annotated" / "local-news-round5.jsonl"
# Left (docs/quality.md, stop 28, gva28):
KNOWN_MISSES = {
    # "The woman's boyfriend later killed himself" after "A woman and her nephew were
    # fatally shot": with no killer named as the agent of the two deaths, his own death is
    # read as inside them (a murder-suicide's count of two often holds him)
    "ln5-boyfriend",
    # "Deputies kill suspect in double homicide": the headline's suspect is not seen beside
    # the couple, and the lead's "was shot and killed by deputies" joins the couple's two
    "ln5-police-suspect",
    # "after serving 11 years for killing two men in 2004": the earlier killings inside the
    # news sentence are added to it (3 for 1)
    "ln5-earlier-crime",
    # "Police believe the two were killed at the same time" retells the woman and the
    # second body, and is counted beside the woman (3 for 2)
    "ln5-second-body",
    # "Mother kills daughter, then herself" (1 + 1) beside "A mother and her daughter were
    # found dead" (2): the murder-suicide's count is not seen to hold both
    "ln5-mother-daughter",
    # "Two of those men, Luis Ortega, 23, and Daniel Baca, 24, died": the apposed names
    # hide the count; one of the names is read alone
    "ln5-two-of-those",
    # "a summer in which the city counted more than 90 homicides": a city's tally read as
    # an incident of a report that tells of none
    "ln5-council",
}


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in ROUND5.read_text(encoding="utf-8").splitlines()]


def _toll(text: str, settings: Settings, resources: Resources,
          published: date = date(2016, 6, 13)) -> int:
    report = Report(id="l", text=text, language="en", published=published)
    return extract(report, settings=settings, resources=resources).toll() or 0


@pytest.fixture(scope="module")
def misses(settings: Settings, resources: Resources) -> set[str]:
    return {m[0] for m in doc_toll_misses(ROUND5, settings, resources, at_least=24)}


@pytest.mark.parametrize("record_id", sorted(str(r["id"]) for r in _records()))
def test_every_record(record_id: str, misses: set[str], request: pytest.FixtureRequest) -> None:
    if record_id in KNOWN_MISSES:
        request.applymarker(pytest.mark.xfail(
            reason="a known miss of local-news-round5 (docs/quality.md)", strict=True))
    assert record_id not in misses


def test_three_outlets_of_one_incident_share_a_group() -> None:
    groups = [r["same_incident_group"] for r in _records() if r["same_incident_group"]]
    assert groups.count("ln5-dayton-motel") == 3


def test_every_irrelevant_report_keeps_a_zero_toll() -> None:
    irrelevant = [r for r in _records() if not r["relevant"]]
    assert len(irrelevant) == 3
    assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


@pytest.mark.parametrize(("sentence", "best"), [
    ("Two people were shot and killed near the bus station, officers said.", 2),
    ("Three teenagers were shot and killed outside a party on Friday.", 3),
    ("Two men were stabbed and killed in a fight at a bar.", 2),
    ("Two teens were shot and wounded on the south side.", 2),
])
def test_a_count_with_its_noun_and_auxiliary_before_coordinated_verbs(
    sentence: str, best: int
) -> None:
    assert [b.best for b in sentence_tolls(sentence)] == [best]


def test_a_one_before_an_apposition_and_coordinated_verbs_stays_one() -> None:
    sentence = "According to a sheriff's spokesman, a 19-year-old man was shot and died there."
    assert [b.best for b in sentence_tolls(sentence)] == [1]


def test_fatally_shoots_is_a_cue_of_a_killing(settings: Settings, resources: Resources) -> None:
    text = ("Grandmother fatally shoots burglar\n\n"
            "TULSA, Okla. - One burglar is dead and a second ran off after a woman, 68, "
            "defended her home early Friday, police said.")
    assert _toll(text, settings, resources) == 1


def test_a_killer_named_as_the_agent_is_not_inside_his_victims_count(
    settings: Settings, resources: Resources
) -> None:
    text = ("GARY, Ind. - Two women were fatally shot at a house on Tuesday by the younger "
            "woman's estranged husband, police said.\n\n"
            "The husband later killed himself in his truck a block away, officers said.")
    assert _toll(text, settings, resources) == 3


def test_a_murder_suicide_count_still_holds_the_killer(
    settings: Settings, resources: Resources
) -> None:
    text = ("GARY, Ind. - Two people were found shot to death in a house on Tuesday in what "
            "police called a murder-suicide.\n\n"
            "The man shot his wife and then shot himself, officers said.")
    assert _toll(text, settings, resources) == 2
