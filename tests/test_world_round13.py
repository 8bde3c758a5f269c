"""Document-level rules of world13 (stop 25), each on a report of our own: a headline
figure and the lead's total over two named regions are one figure; a headline total
equal to the sum of one lead sentence's list of both sides' dead is their aggregate; a
round-up's total holds the item that completes it whoever its attackers; an unnamed
source's count widens the named official's range; a headline's "two children and
teacher" is three; an event "earlier this month" after the lead's news is background.
They fixed b3-myanmar-airstrikes, b3-colombia-cauca, b3-nigeria-weekly,
w12-pak-quetta-rally, w12-school-shooting-selfinflicted and w12-yemen-rasisa-strike."""

from __future__ import annotations

from datetime import date

from golden_support import killed_figures
from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.records import Extraction
from tollwatch.settings import Settings


def _extract(text: str, settings: Settings, resources: Resources) -> Extraction:
    report = Report(id="w13", text=text, language="en", published=date(2025, 3, 20))
    return extract(report, settings=settings, resources=resources)


def test_a_headline_figure_over_two_regions_is_the_leads_total(
    settings: Settings, resources: Resources
) -> None:
    text = ("Army shelling kills 14 in Kachin and Shan over two days\n\n"
            "Army artillery fire on villages in Kachin and Shan states killed at least 14 "
            "civilians on Monday and Tuesday, rescue workers said.\n\n"
            "In Kachin's Waingmaw Township, shells hit a school compound on Monday, killing "
            "eight people.\n\n"
            "On Tuesday, shelling in Shan State's Kutkai Township killed six villagers.")
    result = _extract(text, settings, resources)
    assert result.toll() == 14


def test_a_headline_total_of_both_sides_listed_in_the_lead(
    settings: Settings, resources: Resources
) -> None:
    text = ("Seven killed as rebels and troops fight in Cauca\n\n"
            "Five soldiers and two members of a rebel group died in a firefight in a rural "
            "part of Argelia municipality, in Colombia's Cauca department, the army said on "
            "Wednesday.\n\n"
            "The fighting began at dawn on Tuesday near a hamlet, an army statement said.")
    result = _extract(text, settings, resources)
    assert result.toll() == 7
    countries = {i.place.country for i in result.incidents if i.place is not None}
    assert countries == {"CO"}  # Argelia in Cauca, not Algeria


def test_a_roundup_holds_the_item_that_completes_it(
    settings: Settings, resources: Resources
) -> None:
    text = ("Weekly roundup: at least 20 killed across three states\n\n"
            "At least 20 people were killed in attacks by bandits and communal clashes "
            "across three states this week, according to police statements.\n\n"
            "In Zamfara State, gunmen on motorcycles raided a village on Monday, killing "
            "nine residents, a councillor said.\n\n"
            "In Plateau State, attackers killed seven people in two communities on "
            "Wednesday.\n\n"
            "Four vigilantes died in a gunfight with kidnappers in Niger State on Tuesday.")
    assert _extract(text, settings, resources).toll() == 20


def test_an_anonymous_sources_count_widens_the_range(
    settings: Settings, resources: Resources
) -> None:
    text = ("Car bomb in market kills 12\n\n"
            "A car bomb exploded in a crowded market in the northwestern town of Bannu on "
            "Wednesday, killing at least 12 people, the district police chief said.\n\n"
            "A doctor at the town's main hospital, who spoke on condition of anonymity "
            "because he was not authorised to brief the media, put the number of dead at 16.")
    result = _extract(text, settings, resources)
    assert result.toll() == 12
    killed = [i.killed for i in result.incidents if i.killed is not None]
    assert [(k.low, k.best, k.high) for k in killed] == [(12, 12, 16)]


def test_a_headline_conjunct_without_its_article_counts_one() -> None:
    assert killed_figures("Gunman kills three students and teacher at college", "en") == [4]
    assert killed_figures("Gunmen kill three soldiers and police in raid", "en") == [3]


def test_an_event_earlier_this_month_after_the_news_is_background(
    settings: Settings, resources: Resources
) -> None:
    text = ("Drone strike on fuel depot kills nine, officials say\n\n"
            "A drone strike on a fuel depot outside the port city killed nine workers on "
            "Wednesday, local health officials said.\n\n"
            "Rescuers were still searching the site in the evening.\n\n"
            "A strike on a prison in the north earlier this month killed 30 inmates, "
            "according to the same officials.")
    result = _extract(text, settings, resources)
    assert result.toll() == 9
    assert any(i.background and i.killed and i.killed.best == 30 for i in result.incidents)
