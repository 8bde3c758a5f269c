"""The document tolls of an annotated golden file of ours, as the golden tests check
them: every report's toll must equal its `doc_toll`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings


def doc_toll_misses(
    path: Path, settings: Settings, resources: Resources, *, at_least: int
) -> list[tuple[str, int | None, int]]:
    """(id, gold, extracted) for each report of `path` whose document toll is wrong;
    a file of fewer than `at_least` reports fails, so a truncated golden cannot pass."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if len(records) < at_least:
        raise AssertionError(f"{path} holds {len(records)} reports, fewer than {at_least}")
    misses = []
    for record in records:
        report = Report(
            id=str(record["id"]), text=str(record["text"]), language=str(record["lang"]),
            published=date.fromisoformat(str(record["published"])),
        )
        toll = extract(report, settings=settings, resources=resources).toll() or 0
        if toll != (record["doc_toll"] or 0):
            misses.append((str(record["id"]), record["doc_toll"], toll))
    return misses
