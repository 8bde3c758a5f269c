"""World news, round fourteen (tests/golden/annotated/world-round14.jsonl, 30 English
reports of our own modelled on wire and outlet reports from conflict zones less seen in
the earlier rounds: Niger with the army's riposte, El Fasher's risen toll, Haiti's two
sources, Amhara, Cabo Delgado's listed family, Cameroon's Northwest, an Ecuador prison
riot with its 2021 massacre, Thailand's deep south, a Kashmir gunfight with "a second
soldier died", the Balochistan train siege, a newest-first Gaza live blog, the West
Bank, south Lebanon, Syria's coast, Mindanao, a Red Sea ship, Zaporizhzhia's risen
toll, Belgorod, M23 in South Kivu, Katsina, Mogadishu, Guanajuato, and eight irrelevant
reports: a bus crash, a cartel film, Ebola, a court sentence, the Mumbai anniversary,
cricket, a senate "execution", a cyclone). Scored once on the unchanged code (575eed6):
19 of 30 document tolls right (0.633), incident F1 0.727, two irrelevant reports with a
toll. After this round's rules: 25 of 30, none of the irrelevant with a toll."""

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

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round14.jsonl"
# Left (docs/quality.md, stop 26, world14):
KNOWN_MISSES = {
    # "Two militants and a soldier were killed ... a second soldier died": the soldiers'
    # update folds into the militants' figure of the mixed sentence
    "w14-kashmir-kulgam-second-soldier",
    # the army's "all 33 militants had been killed" is no claim; "taking the number of
    # hostages and troops killed to 26" does not hold the lead's 21 and four
    "w14-balochistan-train-siege",
}


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 19 of 30; after them 25 of 30."""
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=30)}
    assert misses <= KNOWN_MISSES


@pytest.mark.parametrize("record_id", sorted(KNOWN_MISSES))
@pytest.mark.xfail(reason="a known miss of world-round14 (docs/quality.md)", strict=False)
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
        ("Insurgents killed a village chief, his wife and their three children in an "
         "overnight raid, local sources said.", 5),
        ("Gunmen shot dead a farmer, his elderly mother and his two sons at their home on "
         "Sunday, police said.", 4),
        # no kin between: the list rule as before
        ("Gunmen killed a village chief and his two sons on Sunday, police said.", 3),
    ],
    ids=["wife-and-children", "mother-and-sons", "no-kin-between"],
)
def test_kin_listed_before_a_group_each_count(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources)[0] == toll


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people on a bus on Sunday, residents said. Separately, a rebel "
        "commander said on Monday that his fighters had killed 30 government soldiers in "
        "clashes near the town.",
        "Gunmen killed 12 soldiers at a base on Thursday, the ministry said. It said the "
        "army had \"neutralised dozens of terrorists\" in the counter-attack.",
    ],
    ids=["his-fighters", "the-army-had-neutralised"],
)
def test_a_partys_men_told_by_its_speaker_are_its_claim(
    text: str, settings: Settings, resources: Resources
) -> None:
    found, kinds = _extract(text, settings, resources)
    assert found == 12
    assert "claim" in kinds


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Three soldiers were killed in an ambush on Monday, the army said. A fourth "
         "soldier died of his wounds on Tuesday.", 4),
        ("Four soldiers killed in ambush\n\nThree soldiers were killed in an ambush on "
         "Monday, the army said. A fourth soldier died of his wounds in hospital on "
         "Tuesday.", 4),
    ],
    ids=["after-three", "headline-four"],
)
def test_an_ordinal_death_is_the_risen_count(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources, published=date(2025, 8, 6))[0] == toll


def test_men_a_side_lost_are_its_own_dead_not_a_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Pakistan's military said three of its soldiers were killed in the clashes. "
            "Taliban government spokesman Zabihullah Mujahid said Afghan forces had killed "
            "nine Pakistani soldiers and lost two of their own men.")
    found, kinds = _extract(text, settings, resources)
    assert found == 5
    assert kinds.count("claim") == 1


def test_a_later_figure_of_an_earlier_month_is_background_without_a_day(
    settings: Settings, resources: Resources
) -> None:
    """The news's only date is the saying's ("a monitor said on Tuesday"), so no figure
    has a day of its own: March's violence in news of April 15 is still background."""
    text = ("Unidentified gunmen killed a man, his wife and their three children in their "
            "home in Tartus, a war monitor said on Tuesday. Violence on the coast in early "
            "March, when loyalists attacked security forces and fighters carried out revenge "
            "killings, left more than 1,500 people dead, according to the Observatory.")
    assert _extract(text, settings, resources, published=date(2025, 4, 15))[0] == 5


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Colombian court sentences former colonel over 'false positives' killings\n\n"
         "A special court on Thursday sentenced a former army colonel to eight years for "
         "his role in the killings of 135 civilians presented as guerrillas killed in "
         "combat.", False),
        ("Mumbai remembers victims of 26/11 attacks, 17 years on\n\nMumbai on Wednesday "
         "paid tribute to the 166 people killed in the November 2008 attacks. Nine of the "
         "gunmen were killed by security forces.", False),
    ],
    ids=["quoted-case", "remembers"],
)
def test_a_headline_of_a_court_case_or_a_remembrance(
    text: str, relevant: bool, settings: Settings, resources: Resources
) -> None:
    report = Report(id="w", text=text, language="en", published=date(2025, 11, 26))
    result = extract(report, settings=settings, resources=resources)
    assert result.relevance.relevant is relevant
    assert not result.toll()


@pytest.mark.parametrize(
    ("text", "toll", "own"),
    [
        ("Three soldiers were killed when militants ambushed a patrol on Sunday, the army "
         "said. The attackers fled. The body of one of the attackers was later found by "
         "residents, he added.", 4, True),
        # one of the victims is one of the three already counted
        ("Three soldiers were killed when militants ambushed a patrol on Sunday, the army "
         "said. The body of one of the soldiers was later found in a ravine.", 3, False),
    ],
    ids=["attacker", "victim"],
)
def test_the_body_of_one_of_the_attackers_is_their_own_dead(
    text: str, toll: int, own: bool, settings: Settings, resources: Resources
) -> None:
    report = Report(id="w", text=text, language="en", published=date(2025, 2, 3))
    result = extract(report, settings=settings, resources=resources)
    assert result.toll() == toll
    assert any(i.perpetrator_dead for i in result.incidents) is own


@pytest.mark.parametrize(
    ("between", "toll"),
    [
        (" The rebels seized Goma in January and Bukavu in February. ", 23),
        # a sentence of the news's own month dates nothing earlier
        (" The rebels seized the town of Kamanyola in August. ", 3023),
    ],
    ids=["earlier-months", "this-month"],
)
def test_a_figure_dated_by_the_sentence_before_to_earlier_months_is_background(
    between: str, toll: int, settings: Settings, resources: Resources
) -> None:
    text = ("At least 23 civilians were killed last week in fighting between M23 rebels and "
            "militias in South Kivu, the United Nations said on Wednesday. Most were shot in "
            "their homes, it said.\n\nThe M23 is backed by Rwanda." + between
            + "The fighting for Goma killed about 3,000 people, according to the UN.")
    report = Report(id="w", text=text, language="en", published=date(2025, 8, 6))
    result = extract(report, settings=settings, resources=resources)
    assert result.toll() == toll


@pytest.mark.parametrize(
    ("opener", "toll"),
    [
        ("In the neighbouring Dnipropetrovsk region, one man", 6),
        # no region of its own: the one death may be one of the five
        ("In the city, one man", 5),
    ],
    ids=["neighbouring-region", "same-city"],
)
def test_a_death_in_the_neighbouring_region_is_a_round_up_item(
    opener: str, toll: int, settings: Settings, resources: Resources
) -> None:
    text = ("Russian guided bombs struck the southern Ukrainian city of Zaporizhzhia on "
            "Tuesday, killing five people and wounding 29, the regional governor said.\n\n"
            + opener + " was killed in a Russian drone attack on the Nikopol district "
            "overnight, regional governor Serhiy Lysak said.")
    report = Report(id="w", text=text, language="en", published=date(2025, 5, 6))
    result = extract(report, settings=settings, resources=resources)
    assert result.toll() == toll
