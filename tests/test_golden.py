"""Golden reports written by us (tests/golden/reports.jsonl) against hand-checked
expectations (tests/golden/expected.json): the same phenomena as the seed article,
without ../shared. A failing field prints the whole incident for diagnosis."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tollwatch import Report, extract
from tollwatch.actors import victim_type
from tollwatch.pipeline import Resources
from tollwatch.records import Extraction, Incident
from tollwatch.settings import Settings

HERE = Path(__file__).parent / "golden"
REPORTS = {
    r["id"]: r
    for r in (json.loads(line) for line in (HERE / "reports.jsonl").read_text().splitlines())
}
EXPECTED: dict[str, dict[str, Any]] = json.loads((HERE / "expected.json").read_text())

# Known gaps, kept visible: remove an id when its fix lands (strict xfail fails then).
KNOWN_GAPS: dict[str, str] = {}


def _extract(report_id: str, settings: Settings, resources: Resources) -> Extraction:
    r = REPORTS[report_id]
    report = Report(
        id=r["id"], text=r["text"], published=date.fromisoformat(r["published"])
    )
    return extract(report, settings=settings, resources=resources)


def _fold(name: str | None) -> str | None:
    return None if name is None else "".join(c for c in name.lower() if c.isalnum())


def _project(incident: Incident, by_id: dict[str, Incident], keys: set[str]) -> dict[str, Any]:
    """The fields of an incident that the expectation names, in the expectation's terms."""
    killed = incident.killed.best if incident.killed else None
    values: dict[str, Any] = {
        "kind": incident.kind,
        "killed": killed,
        "wounded": incident.wounded.best if incident.wounded else None,
        "parts": sorted(
            (by_id[p].killed.best for p in incident.parts if by_id[p].killed), reverse=True
        ),
        "date": [
            incident.date.start.isoformat() if incident.date and incident.date.start else None,
            incident.date.end.isoformat() if incident.date and incident.date.end else None,
        ],
        "country": incident.place.country if incident.place else None,
        "admin1": _fold(incident.place.admin1) if incident.place else None,
        "role": incident.source.role if incident.source else None,
        "perpetrator": incident.perpetrator.actor.name if incident.perpetrator else None,
        "victim_type": victim_type(incident.victim.actor) if incident.victim else None,
        "update": incident.update,
        "event_type": incident.event_type,
    }
    return {k: v for k, v in values.items() if k in keys}


def _expected(item: dict[str, Any]) -> dict[str, Any]:
    out = dict(item)
    if "admin1" in out:
        out["admin1"] = _fold(out["admin1"])
    if "parts" in out:
        out["parts"] = sorted(out["parts"], reverse=True)
    return out


@pytest.mark.parametrize("report_id", sorted(EXPECTED))
def test_golden_report(report_id: str, settings: Settings, resources: Resources) -> None:
    if report_id in KNOWN_GAPS:
        pytest.xfail(KNOWN_GAPS[report_id])
    extraction = _extract(report_id, settings, resources)
    expected = EXPECTED[report_id]
    assert extraction.toll() == expected["toll"]
    assert len(extraction.incidents) == len(expected["incidents"]), extraction.incidents
    by_id = {i.id: i for i in extraction.incidents}
    for incident, item in zip(extraction.incidents, expected["incidents"], strict=True):
        want = _expected(item)
        got = _project(incident, by_id, set(want))
        assert got == want, f"{report_id}: {incident}"
