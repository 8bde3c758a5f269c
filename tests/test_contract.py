"""The output contract (../shared/docs/output-contract.md, version 1) on our own reports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tollwatch import Report, extract
from tollwatch.contract import extraction_json
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
REPORTS = [
    json.loads(line)
    for name in ("examples/reports.jsonl", "tests/golden/reports.jsonl")
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]

KINDS = {"incident", "aggregate", "claim"}
EVENT_TYPES = {"battle", "explosion_remote_violence", "violence_against_civilians", "other"}
DATE_PRECISIONS = {"day", "week", "month", "year", "unknown"}
PLACE_PRECISIONS = {"point", "near", "admin2", "admin1", "country", "region", "unknown"}
PERPETRATOR_TYPES = {"state", "rebel", "militia", "jihadist", "criminal", "civilians", "unknown"}
VICTIM_TYPES = {"military", "police", "militia", "militant", "civilian", "unknown"}
ROLES = {"monitor", "official", "perpetrator_claim", "media", "witness", "unknown"}


def _line(record: dict[str, Any], settings: Settings, resources: Resources) -> dict[str, Any]:
    published = record.get("published")
    report = Report(
        id=record["id"],
        text=record["text"],
        published=date.fromisoformat(published) if published else None,
    )
    return extraction_json(extract(report, settings=settings, resources=resources))


def _check_toll(toll: dict[str, Any]) -> None:
    values = [toll[k] for k in ("low", "best", "high")]
    assert all(v is None or (isinstance(v, int) and v >= 0) for v in values)
    low, best, high = values
    if low is not None and best is not None:
        assert low <= best
    if best is not None and high is not None:
        assert best <= high


@pytest.mark.parametrize("record", REPORTS, ids=[r["id"] for r in REPORTS])
def test_every_line_follows_the_contract(
    record: dict[str, Any], settings: Settings, resources: Resources
) -> None:
    line = _line(record, settings, resources)
    assert line["contract"] == 1 and line["id"] == record["id"]
    assert isinstance(line["warnings"], list)
    ids = {i["id"] for i in line["incidents"]}
    for incident in line["incidents"]:
        assert incident["id"].startswith(record["id"] + "#")
        assert incident["kind"] in KINDS
        assert set(incident["parts"]) <= ids
        assert incident["event_type"] in EVENT_TYPES
        _check_toll(incident["killed"])
        _check_toll(incident["wounded"])
        assert incident["date"]["precision"] in DATE_PRECISIONS
        assert incident["place"]["precision"] in PLACE_PRECISIONS
        country = incident["place"]["country"]
        assert country is None or (len(country) == 2 and country.isupper())
        assert incident["perpetrator"]["type"] in PERPETRATOR_TYPES
        assert incident["victim"]["type"] in VICTIM_TYPES
        assert incident["source"]["role"] in ROLES
        assert incident["evidence"], "every incident keeps the sentences it came from"
        for span in incident["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(record["text"])
        assert 0.0 <= incident["confidence"] <= 1.0
        json.dumps(incident)  # serialisable as it is


def test_document_toll_never_adds_claims_or_parts(
    settings: Settings, resources: Resources
) -> None:
    for record in REPORTS:
        line = _line(record, settings, resources)
        parts = {p for i in line["incidents"] if i["kind"] == "aggregate" for p in i["parts"]}
        top = [
            i["killed"]["best"]
            for i in line["incidents"]
            if i["kind"] != "claim" and i["id"] not in parts and i["killed"]["best"] is not None
        ]
        assert line["toll"] == (sum(top) if top else None)
