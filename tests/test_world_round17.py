"""World news, round seventeen (tests/golden/annotated/world-round17.jsonl, 24 LONG English
reports of our own, 450 to 520 words each, full of numbers that are not the news: a Borno
"what we know" explainer, a Sudan live blog (oldest first) and a Kharkiv one (newest
first), a Mogadishu analysis quoting earlier attacks with their tolls, an Ituri camp with
its victims' profiles, Burkina's army and JNIM claims, Cabo Delgado, Idlib's two sources,
an Iraqi monitor's bulletin by district, Marib, Jenin, Bannu, Manipur, Kunduz, Culiacan's
running totals, Cauca, Haiti's UN and mayor, a German festival with a comparison paragraph;
and six irrelevant, number-heavy reports: a Bihar election "massacre", a hurricane, a
Sanaa crowd crush, a prison-riot film review, a Balochistan mine blast, Srebrenica's
anniversary). Scored once on the unchanged code (db4f664): 11 of 24 document tolls right
(0.458), incident F1 0.815, three of six irrelevant reports with a toll. After this round's
rules: 19 of 24, none of the irrelevant with a toll."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, toll_kinds_relevance
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round17.jsonl"
# Left (docs/quality.md, stop 27, world17):
KNOWN_MISSES = {
    # "The Sudan Doctors Network now says 21 people were killed in the market strike" is
    # not read as the update of the blog's 14 (its place is the network's "Sudan")
    "w17-sudan-el-obeid-live",
    # "The body of a man who had been kidnapped last Tuesday was found ... with gunshot
    # wounds" gives no dead
    "w17-iraq-diyala-bulletin",
    # the headline's "Four Palestinians and Israeli officer" binds the officer into the 4;
    # "one of its Border Police officers was killed" becomes a part of the Palestinians' 4
    "w17-jenin-raid-officer",
    # the two attackers "shot dead by police guards" give no best; ISPR's "security forces
    # had killed eight militants" is no claim
    "w17-bannu-police-bombing",
    # "The town's mayor said he had counted 40 bodies" is placed in the Dominican Republic
    # (the fleeing residents' border) and not folded into the UN's 28 as its high
    "w17-haiti-gang-attack-un-mayor",
}


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 11 of 24; after them 19 of 24."""
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=24)}
    assert misses <= KNOWN_MISSES


@pytest.mark.parametrize("record_id", sorted(KNOWN_MISSES))
@pytest.mark.xfail(reason="a known miss of world-round17 (docs/quality.md)", strict=True)
def test_a_known_miss(record_id: str, settings: Settings, resources: Resources) -> None:
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=24)}
    assert record_id not in misses


def test_every_record_is_long_and_the_irrelevant_have_no_toll() -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 24
    assert all(len(r["text"].split()) >= 450 for r in records)
    irrelevant = [r for r in records if not r["relevant"]]
    assert len(irrelevant) == 6
    assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


NEWS = "Gunmen killed three farmers near the village on Monday, police said. "


def test_a_friday_with_an_article_names_no_day(settings: Settings, resources: Resources) -> None:
    """dates/rules.py `_any_such_day`: "on a Friday evening" leaves the sentence's "In
    August 2024" its date, so the earlier attack stays background."""
    text = (NEWS + "In August 2024, gunmen and a suicide bomber attacked a beach resort, "
            "killing 37 people on a Friday evening.")
    assert toll_kinds_relevance(text, settings, resources)[0] == 3


@pytest.mark.parametrize(
    "total",
    [
        "The insurgency began in March 2017. Since then it has killed more than 4,000 "
        "people, according to a monitoring project.",
        "Since 1 January, the monitor has recorded 41 deaths in the two provinces.",
        "With those killings, April closed with 95 homicides in the state, prosecutors said.",
        "A commission estimated that 220,000 people were killed between 1964 and 2016.",
    ],
    ids=["since-then", "since-1-january-recorded", "month-closed-with", "between-years"],
)
def test_a_span_total_is_background(total: str, settings: Settings,
                                    resources: Resources) -> None:
    """incidents/background.py `_SPAN_TOTAL`."""
    assert toll_kinds_relevance(NEWS + total, settings, resources)[0] == 3


def test_hours_later_gunmen_open_a_new_event(settings: Settings, resources: Resources) -> None:
    """incidents/parts.py `_APART_OPENING` and tolls/groups.py `_killed_whom`: the second
    killing is no part of the bodies found, and "Hours later, gunmen" counts no one."""
    text = ("Eight bodies found on highway\n\nThe bodies of eight men were found beside a "
            "highway on Sunday, prosecutors said. Two of them had been reported missing. "
            "Hours later, gunmen killed a police officer and his 14-year-old son as they "
            "left a church, the security ministry said.")
    assert toll_kinds_relevance(text, settings, resources, published=date(2025, 3, 3))[0] == 10
    alone = "Hours later, gunmen killed a shopkeeper outside his shop, police said."
    assert toll_kinds_relevance(alone, settings, resources)[0] == 1


def test_a_crowd_crush_is_no_violence(settings: Settings, resources: Resources) -> None:
    """violence/lang/frames.py: "crush" words are an accident; "in late 2023" dates the
    shipping attacks of the context sentence old."""
    text = ("Crowd crush at charity handout kills 40\n\nAt least 40 people were killed in a "
            "crowd crush at a charity distribution on Friday as hundreds pressed through a "
            "gate, health officials said. Hospitals appealed for blood donors. The organisers "
            "were detained for questioning. Talks stalled after the rebels began attacking "
            "shipping in late 2023.")
    toll, _, relevant = toll_kinds_relevance(text, settings, resources)
    assert not toll
    assert relevant is False


def test_a_quoted_titles_review_is_a_story(settings: Settings, resources: Resources) -> None:
    """violence/lang/frames.py `REVIEW_HEADLINE`: "'Iron Gate' review: ..."."""
    text = ("'Iron Gate' review: a siege thriller with a cold heart\n\nThe new film by a "
            "Portuguese director follows a guard trapped in a prison riot. By the end of the "
            "second act six guards are dead, and the riot's leader has executed two "
            "informers. The film opens in October.")
    toll, _, relevant = toll_kinds_relevance(text, settings, resources)
    assert not toll
    assert relevant is False


def test_those_attacks_after_an_old_date_are_history(
    settings: Settings, resources: Resources
) -> None:
    """violence/relevance.py `_that_old_day` with `THOSE_DEEDS`: a mine blast report that
    recalls attacks on miners in earlier years stays an industrial accident."""
    text = ("Methane explosion in coal mine kills nine\n\nA methane explosion in a coal mine "
            "killed nine miners on Sunday, the chief inspector of mines said. Rescuers "
            "worked through the night. The owner was taken into custody. In January 2021, "
            "gunmen killed 11 miners in the same district. Those attacks were claimed by "
            "separatist groups. Officials said Sunday's explosion was an accident.")
    toll, _, relevant = toll_kinds_relevance(text, settings, resources)
    assert not toll
    assert relevant is False
