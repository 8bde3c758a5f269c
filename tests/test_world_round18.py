"""World news, round eighteen (tests/golden/annotated/world-round18.jsonl, 24 English
reports of our own, wire and long, after the patterns of real articles read this stop:
Zamfara's "about a fortnight ago", Bannu's dated earlier losses, North Waziristan's
attackers "neutralised by troops", a Mogadishu hotel claim "in which three of its fighters
were also killed", a Sagaing strike with "some local outlets put the toll at nine", a Chin
strike with "nine deaths from the incident, while a spokesman said eight", El Obeid's "now
says 19", a Diyala kidnapped shepherd found dead, Jenin's mixed headline, Bannu's "two
other attackers were shot dead", Konduga's "She died in the blast", Haiti's mayor, a Gaza
shelter with its war background, Kharkiv, Cauca, Kurram's risen toll, Manipur, Idlib's two
sources, a Kirkuk army claim; and five irrelevant reports: a court sentence, the Herat
earthquake, the Peshawar school anniversary, the Maiduguri flood, an election
"massacre"). Scored once on the unchanged code (e895cee): 13 of 24 document tolls right
(0.542), incident F1 0.821, one of five irrelevant reports with a toll. After this round's
rules: 18 of 24, none of the irrelevant with a toll."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, toll_kinds_relevance
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round18.jsonl"
# Left (docs/quality.md, stop 28, world18):
KNOWN_MISSES = {
    # "The Sudan Doctors Network now says 19 people were killed in the market strike" is
    # not read as the update of the 12 (as world-round17's El Obeid)
    "w18-elobeid-now-says",
    # "the body of a shepherd who had been kidnapped ... was found ... with gunshot wounds"
    # gives no dead
    "w18-diyala-kidnapped-body",
    # "The Israeli military said one of its soldiers was killed" is a part of the 3
    "w18-jenin-mixed-headline",
    # "two other attackers were shot dead by police guards" and the two who "blew
    # themselves up" give no dead
    "w18-bannu-other-attackers",
    # "She died in the blast": the bomber's own death is read as an anaphor of the victims
    "w18-konduga-she-died",
    # "A fourth man was killed on Friday" gives no dead (an ordinal, no figure)
    "w18-manipur-jiribam",
}


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 13 of 24; after them 18 of 24."""
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=24)}
    assert misses <= KNOWN_MISSES


@pytest.mark.parametrize("record_id", sorted(KNOWN_MISSES))
@pytest.mark.xfail(reason="a known miss of world-round18 (docs/quality.md)", strict=True)
def test_a_known_miss(record_id: str, settings: Settings, resources: Resources) -> None:
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=24)}
    assert record_id not in misses


def test_the_set_has_24_reports_and_the_irrelevant_have_no_toll() -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 24
    irrelevant = [r for r in records if not r["relevant"]]
    assert len(irrelevant) == 5
    assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


NEWS = "Gunmen killed three farmers near the village on Monday, police said. "


def test_a_fortnight_ago_is_background(settings: Settings, resources: Resources) -> None:
    """incidents/background.py `_EARLIER_RELATIVE`: "about a fortnight ago"."""
    text = NEWS + ("Residents said the same gang killed 20 people in a nearby district "
                   "about a fortnight ago.")
    assert toll_kinds_relevance(text, settings, resources)[0] == 3


def test_attackers_neutralised_in_the_passive_count(settings: Settings,
                                                    resources: Resources) -> None:
    """tolls/rules.py `_NEUTRALISED_AFTER`: "four attackers, two of them wearing vests,
    were neutralised by troops" are the attackers' own dead; things neutralised are not."""
    text = ("A suicide bomber drove a truck into an army post on Monday, killing five "
            "soldiers, officials said. In the gunfight that followed, four attackers, two of "
            "them wearing explosive vests, were neutralised by troops guarding the post.")
    assert toll_kinds_relevance(text, settings, resources)[0] == 9
    things = NEWS + "Two roadside bombs were neutralised by troops on the same road."
    assert toll_kinds_relevance(things, settings, resources)[0] == 3


def test_a_responsibility_claims_aside_is_the_reports(settings: Settings,
                                                      resources: Resources) -> None:
    """actors/sources.py `_DEED_ASIDE`, tolls/sentence_flags.py `_RESPONSIBILITY_ASIDE`
    and tolls/dead.py `_OWN_MEN_ALSO`: the group claims the deed, its own dead in the
    aside count, apart from the victims."""
    text = ("At least 12 people were killed when gunmen stormed a hotel in Mogadishu on "
            "Friday, police said. Al-Shabaab claimed responsibility for the assault, in which "
            "three of its fighters were also killed.")
    toll, kinds, _ = toll_kinds_relevance(text, settings, resources)
    assert toll == 15
    assert "claim" not in kinds


def test_another_sources_count_after_while_is_no_sum(settings: Settings,
                                                     resources: Resources) -> None:
    """tolls/sentence_flags.py and incidents/figures.py `OTHER_COUNT`, incidents/conflict.py
    `_names_the_event`: "nine deaths from the incident, while a spokesman said eight" are
    two counts of the lead's six, never 17 and never added to it."""
    text = ("At least six civilians were killed when aircraft bombed a village in Chin State "
            "on Thursday, a rights group said.\n\nThe strike hit Vawmkhua village, home to "
            "about 80 families, the group said. It said no fighters were in the village.\n\n"
            "Local media reported nine deaths from the incident, while a spokesman for the "
            "Chin National Front said eight people had died.")
    assert toll_kinds_relevance(text, settings, resources)[0] == 6


def test_an_election_massacre_is_a_figure_of_speech(settings: Settings,
                                                    resources: Resources) -> None:
    """violence/lang/frames.py "politics": "massacred at the polls"."""
    text = ("Opposition 'massacred' at the polls\n\nThe opposition was massacred in "
            "Saturday's regional election, winning just six of the 48 seats.")
    toll, _, relevant = toll_kinds_relevance(text, settings, resources)
    assert not toll
    assert relevant is False
