"""Dates in French, Spanish and Portuguese (dates/lang/<code>.py): months, weekdays as
each language writes them, and relative phrases, against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from tollwatch import Report
from tollwatch.dates import find_dates
from tollwatch.read import cleaning
from tollwatch.settings import Settings

# A Friday.
PUBLISHED = date(2023, 6, 16)


def _first(text: str) -> tuple[date | None, date | None]:
    settings = Settings()
    clean = cleaning.clean(Report(id="d", text=text, published=PUBLISHED), settings)
    found = find_dates(clean, clean.content(), PUBLISHED, settings)
    assert found, text
    return found[0].start, found[0].end


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Deux soldats ont été tués hier près de Gao.", "2023-06-15", "2023-06-15"),
        ("L'attaque a eu lieu dans la nuit de jeudi à vendredi.", "2023-06-15", "2023-06-15"),
        ("Trois civils ont été tués dimanche dans le nord.", "2023-06-11", "2023-06-11"),
        ("Le 3 mars 2021, une attaque a fait 30 morts.", "2021-03-03", "2021-03-03"),
        ("En novembre 2021, une attaque avait fait 53 morts.", "2021-11-01", "2021-11-30"),
        ("Cinco muertos ayer en Celaya.", "2023-06-15", "2023-06-15"),
        ("El ataque ocurrió la madrugada del miércoles.", "2023-06-14", "2023-06-14"),
        ("Seis policías murieron el pasado domingo.", "2023-06-11", "2023-06-11"),
        ("Onze pessoas foram mortas na madrugada de ontem.", "2023-06-15", "2023-06-15"),
        ("O ataque de segunda-feira deixou dois mortos.", "2023-06-12", "2023-06-12"),
        ("Oito pessoas morreram nesta quarta-feira.", "2023-06-14", "2023-06-14"),
        ("Em março, o ataque deixou dezenas de mortos.", "2023-03-01", "2023-03-31"),
    ],
)
def test_dates_in_each_language(text: str, start: str, end: str) -> None:
    assert _first(text) == (date.fromisoformat(start), date.fromisoformat(end))


def test_a_portuguese_weekday_needs_its_form() -> None:
    """ "segunda" alone is also "second": only "segunda-feira" or "na segunda" is a day."""
    settings = Settings()
    text = "Foi a segunda vez que o grupo atacou a aldeia."
    clean = cleaning.clean(Report(id="d", text=text, published=PUBLISHED), settings)
    assert find_dates(clean, clean.content(), PUBLISHED, settings) == []
