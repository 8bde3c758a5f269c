"""`tollwatch run` looks up which reports the store holds window by window
(store/known.py), not by loading every stored key first."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from tollwatch import pipeline
from tollwatch.records import Rejection, Report
from tollwatch.store import Store, known
from tollwatch.store.known import windows_with_known


def test_each_window_is_looked_up_before_its_first_item(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(known, "WINDOW_ITEMS", 3)
    stored = {"r1": "h1", "r4": "h4", "r5": "h5"}
    asked: list[list[str]] = []

    def lookup(keys: list[str]) -> Mapping[str, str]:
        asked.append(keys)
        return {k: stored[k] for k in keys if k in stored}

    items: list[Report | Rejection] = [Report(f"r{i}", "text") for i in range(1, 6)]
    items.insert(2, Rejection("bad", "here", "unreadable"))
    table: dict[str, str] = {}
    seen = [(item.id, dict(table)) for item in windows_with_known(
        items, lookup, lambda r: r.id, table)]
    assert asked == [["r1", "r2"], ["r3", "r4", "r5"]]
    assert seen == [
        ("r1", {"r1": "h1"}), ("r2", {"r1": "h1"}), ("bad", {"r1": "h1"}),
        ("r3", {"r4": "h4", "r5": "h5"}), ("r4", {"r4": "h4", "r5": "h5"}),
        ("r5", {"r4": "h4", "r5": "h5"}),
    ]


def test_a_run_again_extracts_nothing_with_small_windows(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(known, "WINDOW_ITEMS", 4)
    examples = Path(__file__).resolve().parent.parent / "examples"
    first = sqlite_store.run([examples], workers=1)
    asked: list[int] = []
    real = sqlite_store.stored_hashes

    def counted(keys: list[str]) -> dict[str, str]:
        asked.append(len(keys))
        return real(keys)

    extracted: list[str] = []

    def extract(report: Report, **kwargs: object) -> None:
        extracted.append(report.id)
        raise AssertionError("a stored report was extracted again")

    monkeypatch.setattr(sqlite_store, "stored_hashes", counted)
    monkeypatch.setattr(pipeline, "extract", extract)
    again = sqlite_store.run([examples], workers=1)
    assert extracted == []
    assert again.ingest.unchanged == first.ingest.stored and again.ingest.stored == 0
    assert asked and max(asked) <= 4 and sum(asked) == first.ingest.stored
