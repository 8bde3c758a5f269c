"""The map's grid on indexes (store/mapgrid.py, migration 0010), on SQLite and PostgreSQL:
every placed event counted once in one cell, the ladder of steps, the coarsening bound."""

from __future__ import annotations

import random
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import insert, select

from tollwatch.store import Store, mapgrid
from tollwatch.store.browse import EventFilter, filtered, map_cells
from tollwatch.store.models import EventRow

STAMP = datetime(2026, 1, 1)


def _events(n: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        placed = i % 10 != 0
        rows.append({
            "id": i, "kind": "incident", "counted": True, "date_start": date(2024, 1 + i % 12, 1),
            "date_end": None, "date_precision": "day", "country": ("SY", "NG", "ML")[i % 3],
            "lat": rng.uniform(-60, 70) if placed else None,
            "lon": rng.uniform(-179.9, 179.9) if placed else None,
            "place_precision": "point" if i % 4 else "admin1", "event_type": "battle",
            "killed_low": i % 7, "killed_best": i % 7, "killed_high": i % 7, "n_reports": 1,
            "toll_rule": "tolls.event.v1", "created_at": STAMP, "updated_at": STAMP,
        })  # fmt: skip
    return rows


@pytest.fixture
def spread(store: Store) -> list[dict[str, Any]]:
    rows = _events(600)
    with store.writing() as session:
        session.execute(insert(EventRow), rows)
    return rows


def _totals(answer: dict[str, Any]) -> tuple[int, int, int]:
    cells = answer["cells"]
    return (sum(c["events"] for c in cells), sum(c["killed"] for c in cells),
            sum(c["points"] for c in cells))  # fmt: skip


def test_every_placed_event_is_in_one_cell(store: Store, spread: list[dict[str, Any]]) -> None:
    placed = [r for r in spread if r["lat"] is not None]
    expected = (len(placed), sum(r["killed_best"] for r in placed),
                sum(r["place_precision"] == "point" for r in placed))  # fmt: skip
    with store.sessions() as session:
        for grid in (0.01, 0.05, 0.1, 0.3, 0.5, 1, 2, 5, 10, 30, 90):
            answer = map_cells(session, EventFilter(), grid)
            assert _totals(answer) == expected, grid
            assert answer["grid"] in mapgrid.STEPS and answer["grid"] >= min(grid, 30)
            assert answer["unplaced"] == len(spread) - len(placed)
            for cell in answer["cells"]:
                assert -60 <= cell["lat"] <= 70 and -180 <= cell["lon"] <= 180
                if cell["events"] == 1:
                    (row,) = [r for r in placed if r["id"] == cell["event_id"]]
                    assert (cell["lat"], cell["lon"]) == (round(row["lat"], 4),
                                                          round(row["lon"], 4))  # fmt: skip


def test_cells_follow_the_filter_and_the_box(store: Store, spread: list[dict[str, Any]]) -> None:
    box = (0.0, -20.0, 40.0, 60.0)
    inside = [r for r in spread if r["lat"] is not None and r["country"] == "SY"
              and box[0] <= r["lat"] <= box[2] and box[1] <= r["lon"] <= box[3]]  # fmt: skip
    with store.sessions() as session:
        for grid in (0.05, 0.5, 5):
            answer = map_cells(session, EventFilter(country="SY"), grid, box)
            assert _totals(answer)[:2] == (len(inside), sum(r["killed_best"] for r in inside))
            assert answer["unplaced"] == sum(
                1 for r in spread if r["lat"] is None and r["country"] == "SY"
            )


def test_too_many_cells_coarsen(
    store: Store, spread: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mapgrid, "MAX_CELLS", 80)
    monkeypatch.setattr(mapgrid, "FETCH", 200)
    with store.sessions() as session:
        answer = map_cells(session, EventFilter(), 0.05)
    assert len(answer["cells"]) <= 80
    assert answer["grid"] >= 10  # 540 points over the world do not fit in 80 finer cells
    assert _totals(answer)[0] == sum(1 for r in spread if r["lat"] is not None)


def test_steps_are_whole_numbers_of_a_base() -> None:
    for step in mapgrid.STEPS:
        base = mapgrid.base_of(step)
        assert base in mapgrid.BASES and abs(step / base - round(step / base)) < 1e-9
    assert mapgrid.cell_number(-90, 0.05) >= 0  # numbers never negative: truncation is floor


def test_sqlite_reads_the_cells_from_their_index(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's")
    cy, cx = mapgrid.Cell("lat", 0.5), mapgrid.Cell("lon", 0.5)
    query = (filtered(select(cy, cx, EventRow.killed_best), EventFilter(since=date(2024, 1, 1)))
             .group_by(cy, cx).with_hint(EventRow, "INDEXED BY ix_events_cell_0_5", "sqlite"))
    sql = str(query.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        plan = " ".join(str(r) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "COVERING INDEX ix_events_cell_0_5" in plan and "TEMP B-TREE" not in plan
