"""World news, round ten (tests/golden/annotated/world-round10.jsonl, 30 reports of our own,
scored once on the unchanged code: 16 of 30 document tolls right), and the rules their
misses led to: a state's media wing, a ministry "of Defence" and a party's television as
speakers; a running total of a war "between" two sides or that "has left" its dead "since"
a date; a report framed by its headline (a remembrance, an obituary, a court case over an
earlier killing, a figure of speech); a context sentence, a burial in a mass grave and "a
similar explosion" no evidence of violence; bylines and time stamps as boilerplate; the
forces' and the armed men's dead never one count; a figure of another day no second
source; a count inside a range its best; "left about 20 terrorists neutralised"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.actors import load_actors
from tollwatch.actors.sources import find_sources
from tollwatch.incidents.background import is_cumulative_sentence
from tollwatch.pipeline import Resources
from tollwatch.read.cleaning import is_boilerplate
from tollwatch.records import CleanText, Sentence, Span
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "world-round10.jsonl"
# Left (docs/quality.md, stop 24): a live blog told newest entry first (the risen six, the
# first four and "two of the wounded died" all kept).
KNOWN_MISSES = {"w10-idlib-live"}


def _extract(text: str, settings: Settings, resources: Resources,
             published: date = date(2025, 6, 3)):
    report = Report(id="w", text=text, language="en", published=published)
    return extract(report, settings=settings, resources=resources)


def _sources(text: str, settings: Settings) -> list[tuple[str, str, str]]:
    clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    return [(s.name, s.role, s.rule)
            for s in find_sources(clean, clean.sentences, load_actors(settings))]


def test_the_round_misses_only_the_known_ones(settings: Settings, resources: Resources) -> None:
    """Scored once before the rules: 16 of 30; after them 29 of 30."""
    misses = {m[0] for m in doc_toll_misses(GOLDEN, settings, resources, at_least=30)}
    assert misses <= KNOWN_MISSES


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Security forces killed eight khwarij in an operation in North Waziristan, the "
         "military's media wing said on Sunday.", "military's media wing", "official"),
        ("The army, backed by local forces, neutralised 47 al-Shabaab militants in the "
         "district, the Ministry of Defence said on Monday.", "ministry of defence", "official"),
        ("Al-Shabaab, in a statement on its affiliated Radio Andalus, said its fighters had "
         "killed 19 government soldiers.", "Radio Andalus", "perpetrator_claim"),
        ("The Houthis' al-Masirah television said the group had targeted a gathering of "
         "mercenaries and killed dozens of them.", "Al-Masirah", "perpetrator_claim"),
        ("Security forces gunned down 12 Maoists in the forest on Sunday, a senior police "
         "officer said.", "Police Forces", "official"),
    ],
    ids=["media-wing", "ministry-of-defence", "statement-aside", "party-television",
         "gunned-down-maoists"],
)
def test_a_party_speaking_of_its_own_kills_is_a_claim(
    text: str, name: str, role: str, settings: Settings
) -> None:
    (source,) = _sources(text, settings)
    assert source == (name, role, "sources.v1.claim_result")


def test_the_media_wing_on_a_passive_toll_is_no_claim(settings: Settings) -> None:
    text = "Four militants were killed in the exchange of fire, the military's media wing said."
    assert _sources(text, settings) == [("military's media wing", "official", "sources.v1")]


def test_left_some_terrorists_neutralised_is_the_army_s_claim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Ten soldiers killed in ambush\n\nTen soldiers were killed when their patrol was "
            "ambushed near the border on Sunday, the army said in a statement.\n\nThe "
            "counter-attack by air units left about 20 terrorists neutralised, the statement "
            "said.")
    extraction = _extract(text, settings, resources)
    claims = [i for i in extraction.incidents if i.kind == "claim"]
    assert extraction.toll() == 10
    assert [(c.killed.best if c.killed else None, c.source.role if c.source else None)
            for c in claims] == [(20, "official")]


def test_neutralised_after_things_is_no_toll() -> None:
    assert not sentence_tolls("The operation left two IEDs neutralised.")


@pytest.mark.parametrize(
    "text",
    [
        "The war between the army and the militia, now in its third year, has killed tens of "
        "thousands of people.",
        "The shootings are the latest in a feud between two gangs, which has left more than "
        "900 people dead in the state since March 2024.",
    ],
    ids=["war-between", "has-left-since"],
)
def test_running_totals(text: str) -> None:
    assert is_cumulative_sentence(text)


def test_a_fight_since_sunday_is_the_news() -> None:
    assert not is_cumulative_sentence(
        "Clashes between the army and rebels, which began on Sunday, have killed 14.")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Veteran war photographer dies at 81\n\nA photographer whose pictures of two wars "
         "made front pages has died at his home at the age of 81, his family said.\n\nHe "
         "survived being shot twice on assignment and later taught young photographers.",
         date(2025, 9, 10)),
        ("City remembers bus station victims on 5th anniversary\n\nFamilies gathered on "
         "Monday to remember the 31 people killed when gunmen stormed the bus station in "
         "2020.\n\nA man whose brother was shot dead that day laid flowers.", date(2025, 9, 10)),
        ("Town marks ten years since market attack\n\nResidents gathered on Friday to "
         "remember the 40 traders killed when militants bombed the market ten years ago.",
         date(2025, 9, 10)),
        ("Court jails two men over 2019 hotel attack\n\nA court on Wednesday sentenced two "
         "men to 30 years for helping the gunmen who attacked the hotel, killing 21 people.",
         date(2025, 9, 10)),
        ("Ruling party kills opposition bill\n\nThe ruling party killed the bill on Tuesday in "
         "what one senator called an ambush.", date(2025, 9, 10)),
    ],
    ids=["obituary", "anniversary", "years-since-an-attack", "court-over-an-old-attack",
         "figure-of-speech"],
)
def test_a_headline_framing_the_whole_report(
    text: str, published: date, settings: Settings, resources: Resources
) -> None:
    extraction = _extract(text, settings, resources, published)
    assert extraction.relevance is not None and not extraction.relevance.relevant
    assert not extraction.toll()
    assert not extraction.incidents  # no figureless incident either


def test_an_attack_on_a_day_of_remembrance_is_news(
    settings: Settings, resources: Resources
) -> None:
    text = ("Gunmen attack mourners at memorial service\n\nGunmen killed four mourners on "
            "Sunday as they left a memorial service in the village, police said.")
    assert _extract(text, settings, resources, date(2025, 9, 10)).toll() == 4


@pytest.mark.parametrize(
    "text",
    [
        ("At least 78 dead after boat capsizes on lake\n\nAt least 78 people drowned when an "
         "overloaded boat capsized near the port on Wednesday, authorities said.\n\n"
         "Rescuers pulled 10 survivors from the water.\n\nMany "
         "residents travel by lake because roads are cut by fighting between the army and "
         "rebels, a conflict that has killed thousands."),
        ("Tanker explosion kills 98 as residents scoop fuel\n\nAt least 98 people were killed "
         "when a petrol tanker exploded on Saturday as people scooped fuel, officials said.\n\n"
         "Many victims were buried in a mass grave, a local official said.\n\nIn October, a "
         "similar explosion in another state killed more than 150 people."),
        ("Pirates massacre Chiefs in Soweto derby\n\nPirates put five past Chiefs on Saturday "
         "in a derby that was over by half-time.\n\n\"We died a thousand deaths out there,\" "
         "the coach said."),
    ],
    ids=["war-as-context", "a-similar-explosion-and-a-burial", "derby"],
)
def test_no_violence_of_people(text: str, settings: Settings, resources: Resources) -> None:
    extraction = _extract(text, settings, resources)
    assert not extraction.toll()
    assert not extraction.incidents


@pytest.mark.parametrize(
    "line",
    ["By Our Correspondent | 14 May 2025, 08:41", "Updated 13 July 2025 | 4 min read",
     "Photo caption: An army vehicle on patrol (file photo)"],
)
def test_bylines_and_stamps_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


def test_by_a_day_is_no_byline() -> None:
    assert not is_boilerplate("By Tuesday, the toll had risen to 12, officials said.")


def test_a_vague_headline_after_a_byline_is_the_lead_s_figure(
    settings: Settings, resources: Resources
) -> None:
    text = ("Dozens of soldiers killed in assault on army base\n\nBy Our Correspondent | 14 "
            "May 2025, 08:41\n\nPhoto caption: An army vehicle on patrol (file photo)\n\nAt "
            "least 50 soldiers were killed when fighters stormed the camp on Sunday, two "
            "security sources said.")
    assert _extract(text, settings, resources, date(2025, 5, 14)).toll() == 50


def test_a_figure_of_another_day_is_another_event(
    settings: Settings, resources: Resources
) -> None:
    text = ("Shelling of camp kills 40\n\nAt least 40 civilians were killed on 20 June when "
            "shells struck the camp, according to local partners.\n\nEarlier in the week, on "
            "17 June, shelling of the main market killed 11 people, the Ministry of Health "
            "reported.")
    assert _extract(text, settings, resources, date(2025, 6, 23)).toll() == 51


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Manipur: three village volunteers shot dead; two militants killed in retaliatory "
         "firing\n\nThree village volunteers were shot dead by militants who fired on their "
         "bunker on Friday, police said.\n\nIn the exchange of fire, two of the attackers "
         "were killed, an officer said.", 5),
        ("Three soldiers, four militants killed in raid\n\nThree soldiers were killed in a "
         "shootout with militants on Saturday, the military said.\n\nTroops raided a hideout, "
         "the military's media wing said, adding that four militants were killed.", 7),
    ],
    ids=["volunteers-and-attackers", "soldiers-and-militants-two-speakers"],
)
def test_the_two_sides_dead_are_two_figures(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources).toll() == toll


@pytest.mark.parametrize(
    "text",
    [
        ("12 Maoists killed in encounter; jawan dies\n\nSecurity forces gunned down 12 "
         "Maoists in the forest on Sunday, a senior police officer said.\n\nOne jawan lost "
         "his life in the gunfight, the officer said."),
        ("Eight khwarij killed, two soldiers martyred: ISPR\n\nSecurity forces killed eight "
         "khwarij in an operation on Sunday, the military's media wing said.\n\nTwo soldiers "
         "embraced shahadat during the exchange of fire, the ISPR said."),
    ],
    ids=["maoists-and-a-jawan", "khwarij-and-two-soldiers"],
)
def test_a_headline_passive_of_the_claimed_armed_men_is_the_claim(
    text: str, settings: Settings, resources: Resources
) -> None:
    extraction = _extract(text, settings, resources)
    claims = [i.killed.best for i in extraction.incidents if i.kind == "claim" and i.killed]
    assert claims and claims[0] in (8, 12)
    assert extraction.toll() in (1, 2)


def test_a_count_inside_a_range_is_its_best(settings: Settings, resources: Resources) -> None:
    text = ("Dozens killed in clashes, residents say\n\nBetween 20 and 30 people were killed in "
            "clashes near the town on Friday, two residents said.\n\nA health official at the "
            "town's hospital said 30 bodies had been brought to the hospital.")
    extraction = _extract(text, settings, resources)
    (incident,) = [i for i in extraction.incidents if i.kind == "incident"]
    assert incident.killed is not None
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (20, 30, 30)


def test_village_volunteers_are_people() -> None:
    found = [b.best for b in sentence_tolls("Three village volunteers were shot dead.")
             if b.outcome == "killed"]
    assert found == [3]


def test_some_of_the_victims_described_are_no_more_victims() -> None:
    text = ("The bodies of six men, several with their hands bound, were found on Monday "
            "beside the highway.")
    killed = [(b.best, "part" in b.flags) for b in sentence_tolls(text) if b.outcome == "killed"]
    assert killed == [(6, False), (3, True)]


def test_a_list_still_adds() -> None:
    text = "Gunmen killed six men, several women and two children in the village on Monday."
    found = [b for b in sentence_tolls(text) if b.outcome == "killed"]
    assert not any("part" in b.flags for b in found)
