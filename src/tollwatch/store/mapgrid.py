"""The map's grid of events, aggregated in the database on indexes (docs/web.md, "Map").

Events with coordinates fall in cells of a fixed ladder of sizes (`STEPS`, degrees).
Three base sizes (`BASES`) have an index on the event's cell numbers
(migration 0010_map_cells: an index on the expressions `cell_sql` writes, holding
what the map sums and the list's filters test too), so one query walks the index in
cell order and sums each cell without sorting or reading the table (on SQLite the query
names the index, so that a filter never turns it into a table scan and a sort). A
larger step is a whole number of base cells, summed in Python from the base's cells
(at most `FETCH` of them).

`map_cells()` answers the smallest step of the ladder at or above the asked grid that
gives at most MAX_CELLS cells, so an answer stays far below 2 MB whatever the number of
events.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import Integer

from .models import EventRow

MAX_CELLS = 4000
BASES = (0.1, 0.5, 5.0)  # each has an index (migration 0010_map_cells)
STEPS = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
OFFSET = 1000.0  # cell numbers count from -1000 degrees, so they are never negative
FETCH = 4 * MAX_CELLS  # base cells read at most for one answer


def cell_sql(dialect: str, axis: str, base: float, table: str | None = None) -> str:
    """The cell number of an event along `axis` (lat or lon) for a base size, in the
    dialect's SQL: the same text in the migration's indexes and in the queries."""
    name = f"{table}.{axis}" if table else axis
    if dialect == "sqlite":  # truncation is floor: the value is positive
        return f"CAST(({name} + {OFFSET!r}) / {base!r} AS INTEGER)"
    return f"floor(({name} + {OFFSET!r}) / {base!r})"


def index_name(base: float) -> str:
    """The index of a base size's cells: ix_events_cell_0_1 for 0.1 degrees."""
    return "ix_events_cell_" + f"{base:g}".replace(".", "_")


UNPLACED_INDEX = "ix_events_unplaced"  # events without coordinates (partial index)
# What the map sums and the list's filters test: the indexes hold them, so that they
# answer alone whatever the filter.
COVERED = (
    "killed_best", "lat", "lon", "place_precision", "date_start", "country", "counted",
    "event_type", "perpetrator_type", "victim_type", "admin1",
)  # fmt: skip


def cell_number(value: float, base: float) -> int:
    """The cell number of a coordinate, as the database computes it."""
    return int((value + OFFSET) / base)


class Cell(ColumnElement[int]):
    """An event's cell number along one axis for a base size (see `cell_sql`)."""

    type = Integer()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's declaration)
        ("axis", InternalTraversal.dp_string),
        ("base", InternalTraversal.dp_plain_obj),
    ]

    def __init__(self, axis: str, base: float) -> None:
        self.axis = axis
        self.base = base


@compiles(Cell)
def _cell(element: Cell, compiler: Any, **kw: Any) -> str:
    return cell_sql(compiler.dialect.name, element.axis, element.base, "events")


def unplaced(session: Session, narrow: Any) -> int:
    """How many events that `narrow` keeps have no coordinates (on the partial index)."""
    query = narrow(select(func.count(EventRow.id)).where(EventRow.lat.is_(None)))
    hinted = query.with_hint(EventRow, f"INDEXED BY {UNPLACED_INDEX}", "sqlite")
    return int(session.scalar(hinted) or 0)


def _possible(base: float, bbox: tuple[float, float, float, float] | None) -> float:
    """How many cells of `base` degrees the box (or the globe) can hold at most."""
    south, west, north, east = bbox or (-90.0, -180.0, 90.0, 180.0)
    return ((north - south) / base + 2) * ((east - west) / base + 2)


def base_of(step: float) -> float:
    """The largest base size that a whole number of fits in `step`."""
    return max(b for b in BASES if b <= step and abs(step / b - round(step / b)) < 1e-9)


def base_cells(
    session: Session,
    narrow: Any,
    base: float,
    bbox: tuple[float, float, float, float] | None,
) -> list[tuple[int, int, int, int, float, float, int, int]] | None:
    """(lat cell, lon cell, events, killed, sum of lat, sum of lon, point-placed, first
    id) per base cell holding events that `narrow` (a function narrowing a query over
    events) keeps, in `bbox`; None when there are more than FETCH such cells (never for
    the largest base, whose cells are few on the globe)."""
    cy, cx = Cell("lat", base), Cell("lon", base)
    inside: list[Any] = [EventRow.lat.is_not(None), EventRow.lon.is_not(None)]
    if bbox is not None:
        south, west, north, east = bbox
        inside += [
            and_(cy >= cell_number(south, base), cy <= cell_number(north, base)),
            EventRow.lat.between(south, north),
            EventRow.lon.between(west, east),
        ]
    query = narrow(
        select(
            cy, cx, func.count(EventRow.id), func.sum(EventRow.killed_best),
            func.sum(EventRow.lat), func.sum(EventRow.lon),
            func.sum(case((EventRow.place_precision == "point", 1), else_=0)),
            func.min(EventRow.id),
        ).where(*inside)
    ).group_by(cy, cx).with_hint(EventRow, f"INDEXED BY {index_name(base)}", "sqlite")  # fmt: skip
    if base == BASES[0] and _possible(base, bbox) > FETCH:  # maybe too many: count first
        many = select(func.count()).select_from(query.limit(FETCH + 1).subquery())
        if (session.scalar(many) or 0) > FETCH:
            return None
    last = base == BASES[-1]  # at most 36 x 72 cells of 5 degrees: read them all
    rows = [
        (int(y), int(x), int(n), int(k or 0), float(la), float(lo), int(p or 0), int(first))
        for y, x, n, k, la, lo, p, first in session.execute(
            query if last else query.limit(FETCH + 1)
        )
    ]
    return None if len(rows) > FETCH and not last else rows


def merge(
    rows: list[tuple[int, int, int, int, float, float, int, int]], factor: int
) -> list[dict[str, Any]]:
    """Base cells summed into cells `factor` times as large (the map's answer form)."""
    sums: dict[tuple[int, int], list[Any]] = {}
    for y, x, n, killed, lat, lon, points, first in rows:
        key = (y // factor, x // factor)
        total = sums.get(key)
        if total is None:
            sums[key] = [n, killed, lat, lon, points, first]
        else:
            total[0] += n
            total[1] += killed
            total[2] += lat
            total[3] += lon
            total[4] += points
            total[5] = min(total[5], first)
    return [
        {"events": n, "killed": killed, "lat": round(lat / n, 4), "lon": round(lon / n, 4),
         "points": points, "event_id": first}
        for n, killed, lat, lon, points, first in sums.values()
    ]  # fmt: skip


def grid_cells(
    session: Session,
    narrow: Any,
    grid: float,
    bbox: tuple[float, float, float, float] | None,
) -> tuple[float, list[dict[str, Any]]]:
    """(step, cells): the smallest step of STEPS at or above `grid` giving at most
    MAX_CELLS cells (the largest step otherwise, cut to MAX_CELLS)."""
    steps = [s for s in STEPS if s >= grid - 1e-9] or [STEPS[-1]]
    read: dict[float, Any] = {}
    for step in steps:
        base = base_of(step)
        if base not in read:
            read[base] = base_cells(session, narrow, base, bbox)
        rows = read[base]
        if rows is None:  # more base cells than FETCH: this step has too many too
            continue
        cells = merge(rows, round(step / base))
        if len(cells) <= MAX_CELLS or step == steps[-1]:
            return step, cells[:MAX_CELLS]
    raise AssertionError("unreachable: the largest base always fits")  # pragma: no cover
