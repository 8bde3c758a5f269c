"""Reports of our own written before stop 23's rules (tests/golden/annotated/probes-stop23.jsonl,
scored once on the unchanged code: 24 of 30 document tolls right), and the rules their misses
led to: speakers named after a list of victims, a second source of the same deaths, a war's
running total with an aside or told of an invasion, a court case over a killing, a fire, and a
headline that tells a party's claim without its speaker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.incidents.background import is_cumulative_sentence
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

PROBES = Path(__file__).resolve().parent / "golden" / "annotated" / "probes-stop23.jsonl"


def _extract(text: str, settings: Settings, resources: Resources, language: str = "en"):
    report = Report(id="p", text=text, language=language, published=date(2025, 9, 10))
    return extract(report, settings=settings, resources=resources)


def test_every_probe_keeps_its_document_toll(settings: Settings, resources: Resources) -> None:
    assert not doc_toll_misses(PROBES, settings, resources, at_least=30)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Bandits stormed a market on Saturday, killing 23 traders and customers, two local "
         "officials said on Sunday.", [23]),
        ("Gunmen killed 14 villagers, three residents told reporters.", [14]),
        ("Gunmen killed 14 villagers and three soldiers on Monday.", [14, 3]),
    ],
    ids=["speakers-after-a-list", "residents-told", "a-real-list-goes-on"],
)
def test_speakers_after_a_list_are_no_victims(text: str, killed: list[int]) -> None:
    found = [b.best for b in sentence_tolls(text) if b.outcome == "killed"]
    assert found == killed


@pytest.mark.parametrize(
    "text",
    [
        "The war, now in its fourth year, has killed tens of thousands of people.",
        "Russia's full-scale invasion has killed more than 12,000 civilians, the UN says.",
        "The rebellion, which began in 2017, has cost at least 6,000 lives.",
    ],
    ids=["aside", "invasion", "rebellion-relative"],
)
def test_running_totals_of_a_war(text: str) -> None:
    assert is_cumulative_sentence(text)


def test_a_second_official_gives_another_figure_of_the_same_deaths(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Car bomb hits checkpoint in the capital\n\n"
        "A car bomb exploded at a checkpoint in Mogadishu on Thursday, killing at least 9 "
        "people, a police officer said.\n\n"
        "A second official, speaking at the scene, gave a toll of 14 dead."
    )
    extraction = _extract(text, settings, resources)
    counted = [i for i in extraction.incidents if i.kind == "incident" and not i.background]
    assert extraction.toll() == 14
    assert len(counted) == 1 and counted[0].killed is not None
    assert (counted[0].killed.low, counted[0].killed.best) == (9, 14)


def test_a_second_attack_is_still_another_event(settings: Settings, resources: Resources) -> None:
    text = (
        "Gunmen attack two villages\n\n"
        "Gunmen killed 9 people in a village near Gao on Monday, officials said.\n\n"
        "In a second attack on Tuesday, gunmen killed 14 people in another village."
    )
    assert _extract(text, settings, resources).toll() == 23


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Condenan a 40 años de cárcel a un policía\n\nUn juez condenó este martes a 40 años de "
         "prisión a un policía por el asesinato de tres jóvenes, informó la Fiscalía.", "es"),
        ("Man sentenced to life\n\nA man was sentenced to life in prison on Tuesday for the "
         "murder of two shopkeepers, prosecutors said.", "en"),
    ],
    ids=["es-por-el-asesinato", "en-for-the-murder-of"],
)
def test_a_court_sentence_for_a_killing_is_no_news_of_violence(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    assert not _extract(text, settings, resources, language).toll()


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Incêndio em hotel deixa sete mortos\n\nUm incêndio atingiu um hotel no centro da "
         "cidade e deixou sete mortos, segundo os bombeiros.", 0),
        ("Incêndio criminoso mata quatro\n\nHomens armados atearam fogo a uma casa e mataram "
         "quatro pessoas, segundo a polícia.", 4),
    ],
    ids=["a-fire", "arson"],
)
def test_a_fire_is_no_violence_unless_set(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert (_extract(text, settings, resources, "pt").toll() or 0) == toll


def test_a_headline_telling_a_claim_is_the_claim(settings: Settings, resources: Resources) -> None:
    text = (
        "Troops kill 9 rebels in forest gunfight\n\n"
        "Troops killed 9 rebels in a gunfight in a forest in Bijapur district on Thursday, "
        "police said.\n\n"
        "One soldier was also killed, an officer said."
    )
    extraction = _extract(text, settings, resources)
    claims = [i for i in extraction.incidents if i.kind == "claim"]
    assert extraction.toll() == 1
    assert [c.killed.best for c in claims if c.killed] == [9]


def test_a_headline_of_the_dead_stays_a_toll(settings: Settings, resources: Resources) -> None:
    text = (
        "Four shot, two dead in night shooting\n\n"
        "Four people were shot in a home, police say two of them were killed."
    )
    assert _extract(text, settings, resources).toll() == 2


PROBES_B = Path(__file__).resolve().parent / "golden" / "annotated" / "probes-stop23b.jsonl"


def test_every_second_probe_keeps_its_document_toll(
    settings: Settings, resources: Resources
) -> None:
    """Written after the first set's rules and scored once: 18 of 18 right."""
    assert not doc_toll_misses(PROBES_B, settings, resources, at_least=18)


def test_a_related_links_header_in_capitals_opens_a_list(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Air strikes kill 12 in northern town\n\n"
        "Air strikes on a market in the town of Kafr Nabl killed 12 people on Monday, "
        "rescuers said.\n\n"
        "RELATED COVERAGE\n"
        "Gunmen kill 5 at checkpoint in the south"
    )
    extraction = _extract(text, settings, resources)
    assert extraction.toll() == 12
    assert all(i.killed is None or i.killed.best != 5 for i in extraction.incidents)


PROBES_C = Path(__file__).resolve().parent / "golden" / "annotated" / "probes-stop23c.jsonl"


def test_every_third_probe_keeps_its_document_toll(
    settings: Settings, resources: Resources
) -> None:
    """Written after stop 23's merge and scored once on it: 14 of 19 right."""
    assert not doc_toll_misses(PROBES_C, settings, resources, at_least=19)


@pytest.mark.parametrize(
    ("text", "best", "cumulative"),
    [
        ("Rescuers found two more bodies, bringing the number of people killed in Monday's "
         "attack on the village to 14, an official said.", 14, False),
        ("The attack took the death toll to 9.", 9, False),
        ("Gunmen kill 3 soldiers, bringing the number of casualties among the forces to 62 "
         "in 5 months", 62, True),
    ],
    ids=["bringing-the-number", "took-the-toll", "over-five-months"],
)
def test_a_toll_brought_to_a_figure(text: str, best: int, cumulative: bool) -> None:
    found = [b for b in sentence_tolls(text) if b.outcome == "killed" and b.best == best]
    assert found and "update" in found[0].flags
    assert ("cumulative" in found[0].flags) is cumulative


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Bomber kills five at wedding\n\nA suicide bomber blew himself up at a wedding hall "
         "on Friday, killing five people including himself, police said.", 5),
        ("Gunman kills two at factory\n\nA man opened fire at a factory on Tuesday, killing "
         "two co-workers before officers shot him dead in the yard, police said.", 3),
        ("Gunman kills two at factory\n\nA man opened fire at a factory on Tuesday, killing "
         "two co-workers, police said. Gunmen later shot him dead, his family said.", 2),
    ],
    ids=["including-himself", "police-shot-him-dead", "not-after-the-attack"],
)
def test_the_attackers_own_death(
    text: str, toll: int, settings: Settings, resources: Resources
) -> None:
    assert _extract(text, settings, resources).toll() == toll


def test_a_place_opening_a_sentence_is_no_named_victim(
    settings: Settings, resources: Resources
) -> None:
    text = ("Attacks kill 10 in two countries\n\nSix fighters were killed in an ambush in "
            "Burkina Faso on Sunday, officials said.\n\nIn neighbouring Niger, four soldiers "
            "died when their patrol hit a mine on Monday, the army said.")
    assert _extract(text, settings, resources).toll() == 10


def test_a_feature_remembering_old_deaths(settings: Settings, resources: Resources) -> None:
    text = ("In the camps, survivors wait\n\nAmina was 12 when the raiders came. Her mother "
            "and three sisters were killed that night.\n\nNearly a decade later she still "
            "lives in a camp outside the city.")
    assert not _extract(text, settings, resources).toll()


PROBES_D = Path(__file__).resolve().parent / "golden" / "annotated" / "probes-stop23d.jsonl"
# Left at the end of stop 23 (docs/quality.md): a hospital's "11 patients and a
# caretaker's child was among them". The French count of bodies after "une vingtaine" is
# read since stop 24 (tests/test_languages_round14.py), as are the range "between 20 and
# 30" beside a hospital's 30 and the obituary of a man once shot
# (tests/test_world_round10.py).
KNOWN_MISSES_D = {"p23d-en-msf"}


def test_the_fourth_probes_miss_only_the_known_ones(
    settings: Settings, resources: Resources
) -> None:
    """Written after the second merge and scored once on it: 9 of 14 right."""
    misses = {m[0] for m in doc_toll_misses(PROBES_D, settings, resources, at_least=14)}
    assert misses <= KNOWN_MISSES_D


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ciclone deixa 12 mortos em Nampula\n\nPelo menos 12 pessoas morreram após a "
         "passagem de um ciclone pela província, segundo as autoridades.", "pt"),
        ("Huracán deja 9 muertos en la costa\n\nNueve personas murieron por el paso del "
         "huracán por la costa del estado, informó Protección Civil.", "es"),
        ("Un cyclone fait 14 morts\n\nAu moins 14 personnes sont mortes au passage du "
         "cyclone sur l'île, selon les autorités.", "fr"),
    ],
    ids=["pt-ciclone", "es-huracan", "fr-cyclone"],
)
def test_a_storm_is_no_violence(
    text: str, language: str, settings: Settings, resources: Resources
) -> None:
    assert not _extract(text, settings, resources, language).toll()
