"""World news, round sixteen (tests/golden/annotated/world-round16.jsonl, 30 English
reports of our own modelled on wire reports: Mali's convoy with the army's and JNIM's
claims, Djibo's two sources, Fambita's mosque, Benue's Amnesty and police figures, a
Konduga suicide bomber, Komanda's revised toll, El Fasher's risen toll with a Kordofan
round-up item, Beledweyne's bomber and gunmen, Amhara, Ras Isa, Kirkuk, Sweida, Bannu,
Kandahar, Manipur's listed family, Sagaing, Negros, Jamundi, Culiacan's "five of them
fatally", Kenscoff, Kharkiv's round-up, Gaza and south Lebanon; and eight irrelevant
reports: a flood, an earthquake, a mine landslide, a bus crash, a court sentence, the
Srebrenica anniversary, a rugby "massacre", a war film). Scored once on the unchanged
code (db4f664): 23 of 30 document tolls right (0.767), incident F1 0.855, claim F1
0.824, no irrelevant report with a toll. After this round's rules: 29 of 30."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from golden_support import toll_and_kinds as _extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round16.jsonl"
# Left (docs/quality.md, stop 27, world16):
KNOWN_MISSES = {
    # "A female suicide bomber killed 12 ... She died in the blast": the pronoun's death
    # is read as one of the 12 (anaphoric), not as the bomber's own
    "w16-nigeria-konduga-suicide-bomber",
}


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 23 of 30; after them 29 of 30."""
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=30)}
    assert misses <= KNOWN_MISSES


@pytest.mark.parametrize("record_id", sorted(KNOWN_MISSES))
@pytest.mark.xfail(reason="a known miss of world-round16 (docs/quality.md)", strict=True)
def test_a_known_miss(record_id: str, settings: Settings, resources: Resources) -> None:
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=30)}
    assert record_id not in misses


def test_every_irrelevant_report_keeps_a_zero_toll() -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    irrelevant = [r for r in records if not r["relevant"]]
    assert len(irrelevant) == 8
    assert all(r["doc_toll"] == 0 and not r["incidents"] for r in irrelevant)


@pytest.mark.parametrize(
    "text",
    [
        "A policeman was killed in a clash with rebels on Monday, the army said. The army "
        "spokesman said troops had pursued the attackers and killed six of them.",
        "A policeman was killed in a clash with gangs on Monday. Police said officers, "
        "backed by foreign personnel of a U.N.-backed mission, had killed four gang members.",
    ],
    ids=["troops-had-pursued-and-killed", "officers-backed-by-had-killed"],
)
def test_the_forces_deed_told_by_their_speaker_is_a_claim(
    text: str, settings: Settings, resources: Resources
) -> None:
    found, kinds = _extract(text, settings, resources)
    assert found == 1
    assert "claim" in kinds


def test_attackers_killed_in_the_gunfight_still_count(
    settings: Settings, resources: Resources
) -> None:
    text = ("Militants stormed a police station on Wednesday, killing five policemen, police "
            "said. All six attackers were killed in the exchange of fire, the police chief said.")
    assert _extract(text, settings, resources)[0] == 11


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Rebels killed at least 38 people in Komanda on Saturday, a local official said. "
         "The toll was later revised to 43 by civil society groups.", 43),
        ("Rebels killed at least 38 people in Komanda on Saturday, a local official said. "
         "The toll was later revised to 43 by civil society groups, who said the bodies of "
         "five more victims had been found.", 43),
    ],
    ids=["revised-to", "five-more-inside"],
)
def test_a_revised_toll_holds_the_more_deaths_that_raised_it(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources, published=date(2025, 7, 28))[0] == toll


def test_the_dead_among_the_sentences_own_wounded_are_no_part_of_a_later_figure(
    settings: Settings, resources: Resources
) -> None:
    text = ("Gunmen opened fire on a family party in Culiacan on Sunday night, wounding nine "
            "people, five of them fatally, prosecutors said.\n\nSeparately, the bodies of "
            "seven men were found beside a highway on Monday, police said.")
    assert _extract(text, settings, resources, published=date(2025, 3, 17))[0] == 12


def test_how_the_war_began_is_background(settings: Settings, resources: Resources) -> None:
    text = ("Israeli strikes killed at least 27 Palestinians across the Gaza Strip on "
            "Tuesday, the civil defence agency said. The war began when Hamas-led militants "
            "attacked southern Israel, killing about 1,200 people.")
    assert _extract(text, settings, resources, published=date(2025, 7, 8))[0] == 27


def test_a_compass_region_opener_is_a_round_up_item(
    settings: Settings, resources: Resources
) -> None:
    text = ("Russian missiles struck Kharkiv overnight, killing five people, the regional "
            "governor said on Sunday.\n\nIn the southern Kherson region, a Russian drone "
            "killed a 62-year-old man in the village of Bilozerka, the regional "
            "administration said.")
    assert _extract(text, settings, resources, published=date(2025, 6, 8))[0] == 6
