"""Conflict bulletins and round-ups, round one: reports we wrote in the shape of daily
monitor bulletins, regional governors' tallies and weekly security round-ups, scored
before the rules below were written: a running total since a dated turning point or
over part of a year is background, a risen toll revises the incident of the place it
names, a round-up's item that opens on a place of another region (or on another town than
the lead's) is its own incident, and a headline total whose body figures add up to it
keeps them all as parts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from golden_support import doc_toll_misses
from tollwatch import Report, extract
from tollwatch.incidents.background import is_cumulative_sentence
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "bulletins-round1.jsonl"


def _toll(text: str, settings: Settings, resources: Resources, day: date) -> int:
    report = Report(id="r", text=text, published=day, language="en")
    return extract(report, settings=settings, resources=resources).toll() or 0


def test_running_totals_from_a_dated_turning_point_are_cumulative() -> None:
    assert is_cumulative_sentence(
        "The rights group counts more than 4,000 civilians killed since the 2021 coup.")
    assert is_cumulative_sentence(
        "Over 900 people died in gang violence in the first six months of the year.")
    assert not is_cumulative_sentence("Troops killed six villagers on Friday.")


def test_a_running_total_beside_the_days_news_is_not_added(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Soldiers kill eight villagers in raid, monitor says\n\n"
        "Soldiers killed eight villagers during a raid on a hamlet in Chin state on "
        "Friday, a local monitoring group said.\n\n"
        "The group has recorded more than 3,000 civilian deaths since the 2021 coup."
    )
    assert _toll(text, settings, resources, date(2025, 2, 8)) == 8


def test_a_verdict_for_a_named_siege_of_an_earlier_year_is_background(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Verdicts this week\n\n"
        "A court on Thursday jailed two men over the 2015 Garissa college siege, in "
        "which 148 people were killed."
    )
    assert _toll(text, settings, resources, date(2025, 6, 20)) == 0


def test_a_risen_toll_revises_the_incident_of_the_place_it_names(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Shelling kills civilians in two towns\n\n"
        "Artillery fire killed six people in Kadugli on Sunday, a local doctors' group said.\n\n"
        "In Dilling, a drone hit a bus station and killed two people, the group said.\n\n"
        "The group later said the toll in Kadugli had risen to nine."
    )
    assert _toll(text, settings, resources, date(2025, 5, 12)) == 11


def test_a_round_up_item_in_another_region_is_its_own_incident(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Attacks in eastern Congo\n\n"
        "Rebels killed 14 villagers in Lubero territory on Saturday, local officials said.\n\n"
        "In Ituri province, militiamen attacked a displacement camp on Tuesday, killing "
        "six, an aid worker said.\n\n"
        "In South Kivu's Fizi territory, fighting between two armed groups left four "
        "fighters dead, a local chief said."
    )
    assert _toll(text, settings, resources, date(2025, 7, 24)) == 24


def test_a_headline_total_keeps_every_body_figure_that_adds_up_to_it(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Army raids kill 11 civilians in two regions, rights group says\n\n"
        "Troops killed seven civilians when they raided a village in Sagaing region "
        "on Monday, a rights group said.\n\n"
        "An air strike on a market in Magway region on Tuesday killed four more, "
        "the group said."
    )
    assert _toll(text, settings, resources, date(2025, 3, 5)) == 11


def test_an_item_opening_on_its_region_is_not_the_lead_told_again(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Three farmers shot dead in Cauca\n\n"
        "Three farmers were shot dead on Friday in Cauca department, a peace group said.\n\n"
        "In Antioquia, a union organiser was killed outside his house in Segovia on "
        "Saturday, the group said."
    )
    assert _toll(text, settings, resources, date(2025, 4, 28)) == 4


def test_a_cued_headline_total_keeps_the_items_that_add_up_to_it(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Nine killed in separate attacks in Balochistan and Khyber Pakhtunkhwa\n\n"
        "Gunmen shot dead five passengers on a highway in Kech district of Balochistan on "
        "Monday, police said.\n\n"
        "In Khyber Pakhtunkhwa, militants attacked a police post in Bannu overnight, killing "
        "four policemen, an official said.\n\n"
        "Separately, security forces killed six militants during an operation in North "
        "Waziristan, the military's media wing said."
    )
    # the military telling its own kills is a claim, outside the headline's nine
    assert _toll(text, settings, resources, date(2025, 10, 8)) == 9


def test_a_wire_dateline_bounds_no_parts_of_the_lead_total(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Attacks kill 15 across northern Nigeria this week\n\n"
        "KANO - At least 15 people were killed in attacks across northern Nigeria this "
        "week, police said.\n\n"
        "Katsina: Bandits killed nine villagers in Faskari on Tuesday, a local leader said.\n\n"
        "Benue: Herders killed six farmers near Agatu on Friday, police said."
    )
    assert _toll(text, settings, resources, date(2025, 5, 18)) == 15


def test_golden_bulletins_keep_their_tolls(settings: Settings, resources: Resources) -> None:
    misses = doc_toll_misses(GOLDEN, settings, resources, at_least=24)
    # the misses left: a herder and his son (with a state force's own kills counted),
    # a list's figureless body and its closing count
    assert len(misses) <= 2, misses
