"""The place of a report with no sign of violence: read in its headline and first
sentences (pipeline._opening_places), never in a line of people's names."""

from __future__ import annotations

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources, _names_only, find_mentions
from tollwatch.read import cleaning
from tollwatch.settings import Settings


def _place(text: str, settings: Settings, resources: Resources) -> tuple[str | None, str]:
    result = extract(Report(id="q", text=text), settings=settings, resources=resources)
    assert not result.incidents
    assert result.place is not None, text
    return result.place.country, result.place.precision


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("March 3rd 2018: (X12) Tabqa city, Raqqa governorate, Syria", "SY"),
        ("A quiet night returns to Homs city after weeks of talks", "SY"),
        ("Weekly bulletin from the north of Iraq, Nineveh province", "IQ"),
        ("Michoacán y el futuro del gobernador", "MX"),  # a province named alone
    ],
)
def test_a_quiet_report_keeps_its_place(
    text: str, country: str, settings: Settings, resources: Resources
) -> None:
    assert _place(text, settings, resources)[0] == country


def test_a_line_of_names_gives_no_place(settings: Settings, resources: Resources) -> None:
    text = "Karim Haddad Yusuf Musa al-Sabri Unidentified"
    result = extract(Report(id="n", text=text), settings=settings, resources=resources)
    assert result.place is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Karim Haddad Yusuf Musa al-Sabri Unidentified", True),
        ("Omar Khalil bin Rashid Yusuf Saleh", True),
        ("Unidentified 1 Hana Idris Unidentified 2 Salma al-Hadi", True),
        ("Aleppo city, Aleppo governorate, Syria", False),
        ("Daily Report 4 May", False),
        ("Rami Saleh Homs", False),  # too short to call a list
    ],
)
def test_names_only(text: str, names: bool) -> None:
    assert _names_only(text) is names


def test_a_wire_dateline_leads_the_report_country(
    settings: Settings, resources: Resources
) -> None:
    """Two 'U.S.' of people's nationality do not outvote the dateline's country, so a
    lone upper-case word ('SUPERIOR', a US town) is no place of the report."""
    text = (
        "SAN SALVADOR, 4 MAR 90 (RADIO NORTE) -- [TEXT] THE FIGHTING GOES ON. A U.S. "
        "ENGINEER WAS SHOT DEAD LAST NIGHT AT HIS HOME BY UNIDENTIFIED GUNMEN, THE U.S. "
        "EMBASSY SAID. HE WORKED FOR A BUILDING COMPANY. A BOMB EXPLODED NEAR THE HOUSE "
        "OF THE SUPERIOR OF A CONVENT."
    )
    report = Report(id="d", text=text)
    clean = cleaning.clean(report, settings)
    places = find_mentions(clean, report, settings, resources).places
    assert places[0].country == "SV"
    assert not any("SUPERIOR" in p.text or "CONVENT" in p.text for p in places)
