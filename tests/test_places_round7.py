"""Issue 10, places round six (our golden tests/golden/annotated/places-round6.jsonl,
stop 27, geo13): coder notes and short news reports in countries where villages,
townships, LGAs, municipios and districts place incidents, with their traps (a village
the gazetteer lacks beside its unit, the town three sentences before the figure, the
country only as an adjective, Title Case headline words, unit and party acronyms,
"X River", "the capital"). Scored once on the unchanged code (db4f664): see
docs/quality.md, stop 27, geo13. Every report here is written by us.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tollwatch.evaluate.metrics import haversine_km
from tollwatch.evaluate.normalise import same_admin1
from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.records import PlaceMention, Report
from tollwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "places-round6.jsonl"
RECORDS = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]

# records whose country, province or point (within 50 km) we still miss, with why
KNOWN_MISSES: dict[str, str] = {}


def _main_place(text: str, lang: str | None, published: str, settings: Settings,
                resources: Resources) -> PlaceMention | None:
    """The main incident's place, else the report's (as bench/golden_places.py scores)."""
    report = Report(id="t", text=text, language=lang, published=date.fromisoformat(published))
    extraction = extract(report, settings=settings, resources=resources)
    main = main_incident(extraction)
    return main.place if main is not None else extraction.place


def _params() -> list[object]:
    out: list[object] = []
    for record in RECORDS:
        marks = []
        if record["id"] in KNOWN_MISSES:
            marks.append(pytest.mark.xfail(reason=KNOWN_MISSES[record["id"]], strict=True))
        out.append(pytest.param(record, id=record["id"], marks=marks))
    return out


def test_the_set_is_whole() -> None:
    assert len(RECORDS) == 30
    assert set(KNOWN_MISSES) <= {r["id"] for r in RECORDS}


@pytest.mark.parametrize("record", _params())
def test_country_province_and_point(
    record: dict[str, object], settings: Settings, resources: Resources
) -> None:
    gold = record["incidents"][0]  # type: ignore[index]
    place = _main_place(str(record["text"]), record.get("lang"),  # type: ignore[arg-type]
                        str(record["published"]), settings, resources)
    assert place is not None and place.country == gold["country"]
    assert same_admin1(gold["admin1"], place.admin1, gold["country"])
    assert place.lat is not None and place.lon is not None
    assert haversine_km(gold["lat"], gold["lon"], place.lat, place.lon) <= 50
