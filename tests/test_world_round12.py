"""World news, round twelve (tests/golden/annotated/world-round12.jsonl, 30 English reports
of our own modelled on wire and outlet reports from conflict zones: a newest-first live
blog, Indian encounters told by the police, a school shooting, a Sahel base attack with
the army's riposte, "at least five - three soldiers and two civilians", eastern Congo with
a war-wide figure, Nigeria, Sudan, Somalia, Syria, Iraq, Yemen, the Afghan-Pakistani
border, Myanmar, Colombia, Mexico, the West Bank, Manipur, and eight irrelevant reports:
an earthquake, a tanker explosion, a budget "massacre", a court sentence, an
anniversary, a war film, a mine collapse, floods). Scored once on the unchanged code
(61274c6): 19 of 30 document tolls right (0.633), incident F1 0.777, one irrelevant
report with a toll. After this round's rules: 26 of 30."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from golden_support import toll_and_kinds as _extract
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round12.jsonl"
# Left (docs/quality.md, stop 25, world12):
KNOWN_MISSES: set[str] = set()
# Fixed by world14 (tests/test_world_round14.py): the Taliban "lost two of their own men".
# Fixed by world13 (tests/test_world_round13.py): the Quetta doctor's anonymous 18 as a
# second source, "two children and teacher" as 3, Yemen's "earlier this month" as background.


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 19 of 30; after them 26 of 30."""
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=30)}
    assert misses <= KNOWN_MISSES


@pytest.mark.parametrize("record_id", sorted(KNOWN_MISSES))
@pytest.mark.xfail(reason="a known miss of world-round12 (docs/quality.md)", strict=False)
def test_a_known_miss(record_id: str, settings: Settings, resources: Resources) -> None:
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=30)}
    assert record_id not in misses


def test_every_irrelevant_report_keeps_a_zero_toll() -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    irrelevant = [r for r in records if not r["relevant"]]
    assert len(irrelevant) == 8
    assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # the forces' result told in the passive, by the army: its claim
        ("Twelve soldiers were killed when jihadists attacked a base in the north on Monday. "
         "The army general staff said the attack had been repelled and that dozens of "
         "assailants were killed in the counter-offensive.", 12),
        ("The defence ministry said eight soldiers were killed in the ambush, and that "
         "at least 30 militants were killed during the response.", 8),
    ],
    ids=["dozens-in-counter-offensive", "killed-during-response"],
)
def test_the_armys_passive_riposte_is_its_claim(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    found, kinds = _extract(text, settings, resources)
    assert found == toll
    assert "claim" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Security forces killed 14 Maoists in an encounter in Bijapur on Tuesday, police "
        "said. The bodies of 14 Maoists were recovered from the site along with rifles, "
        "the superintendent of police said.",
        "Nine Naxals killed in encounter, bodies recovered\n\nSecurity forces gunned down "
        "nine Naxals in the forests of Sukma district on Friday, police said. Nine bodies "
        "were found after the firing stopped, an officer said.",
    ],
    ids=["bodies-of-n-maoists", "n-bodies-found"],
)
def test_bodies_recovered_repeat_the_forces_claim(
    text: str, settings: Settings, resources: Resources
) -> None:
    found, kinds = _extract(text, settings, resources)
    assert not found
    assert set(kinds) == {"claim"}


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("An Israeli strike on a school sheltering families killed 14 people on Tuesday, "
         "medics said. The Hamas-led attack on Israel that triggered the war killed about "
         "1,200 people.", 14),
        ("Fighters ambushed an army patrol near Jableh on Sunday, killing six soldiers, "
         "the monitor said. Violence on the coast in March left more than 1,500 people dead.",
         6),
        ("Militants killed four policemen at a checkpoint in Bannu on Sunday, officials said. "
         "The group's fighters have killed hundreds of security personnel this year.", 4),
    ],
    ids=["war-cause", "earlier-month", "perfect-this-year"],
)
def test_context_figures_stay_out_of_the_toll(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources, published=date(2025, 4, 6))[0] == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("The toll from the attack on the village has risen to 56, the governor said on "
         "Monday. Amnesty International said as many as 100 people may have been killed.",
         56),
        ("Gunmen killed 20 villagers in the raid, police said. Residents said up to 35 "
         "people might have died.", 20),
    ],
    ids=["may-have-been-killed", "might-have-died"],
)
def test_a_figure_hedged_on_its_verb_is_no_best(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources)[0] == toll


def test_another_states_soldiers_killed_by_the_forces_are_a_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Pakistan's military said three of its soldiers were killed in the clashes. "
            "Taliban government spokesman Zabihullah Mujahid said Afghan forces had killed "
            "nine Pakistani soldiers in retaliatory operations.")
    found, kinds = _extract(text, settings, resources)
    assert found == 3
    assert kinds.count("claim") == 1


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Fuel tanker explosion kills 40\n\nA fuel tanker exploded on a highway as people "
         "scooped spilled petrol on Saturday, killing at least 40 people, officials said. "
         "The blast set fire to nearby shops and vehicles.", False),
        ("Car bomb kills 9 at market\n\nA car bomb exploded at a crowded market on Saturday, "
         "killing nine people, police said. The blast set fire to nearby shops.", True),
    ],
    ids=["tanker", "car-bomb"],
)
def test_a_blasts_own_fire_is_no_arson(
    text: str, relevant: bool, settings: Settings, resources: Resources
) -> None:
    report = Report(id="w", text=text, language="en", published=date(2025, 1, 19))
    result = extract(report, settings=settings, resources=resources)
    assert result.relevance.relevant is relevant


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Two children were killed when a gunman fired into a church during Mass, police "
         "said. The shooter died of a self-inflicted gunshot wound.", 3),
        ("A gunman killed three worshippers at a mosque on Friday. The attacker was found "
         "dead with a self-inflicted gunshot wound, police said.", 4),
        # a total of people may hold the shooter: unchanged
        ("A shooting left five people dead at a bar. The shooter died of a self-inflicted "
         "gunshot wound.", 5),
    ],
    ids=["children", "worshippers", "people"],
)
def test_a_shooters_own_death_beside_children_or_worshippers(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources)[0] == toll


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Opposition calls budget a 'massacre' as minister wins vote\n\nThe opposition "
         "leader on Thursday accused the government of a \"massacre\" of middle-income "
         "families as the budget passed its first vote in parliament.", False),
        ("Rebels say they \"shot down\" plan to cut benefits\n\nLawmakers on Tuesday said "
         "they had \"shot down\" a planned cut to disability payments.", False),
        ("Army accused of 'massacre' in village raid\n\nSoldiers shot dead 12 villagers in "
         "a raid on Sunday, residents said, in what activists called a 'massacre'.", True),
    ],
    ids=["massacre-of-families", "shot-down-a-plan", "quoted-beside-a-deed"],
)
def test_a_word_in_quotes_is_no_deed(
    text: str, relevant: bool, settings: Settings, resources: Resources
) -> None:
    report = Report(id="w", text=text, language="en", published=date(2025, 11, 27))
    result = extract(report, settings=settings, resources=resources)
    assert result.relevance.relevant is relevant
    assert bool(result.incidents) is relevant
