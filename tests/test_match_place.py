"""The candidate query by date narrowed by place (store/match_place.py): every candidate
that can link by place is still asked for, so incremental matching keeps the decisions
of a full re-match; one that cannot is left out."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, select

from test_incremental import snapshot
from test_store_support import IS, day, extraction, incident, killed, place
from tollwatch.records import Extraction
from tollwatch.store import Store
from tollwatch.store.candidates import dated
from tollwatch.store.match_place import (
    EARTH_KM,
    Vicinity,
    cell_of,
    cells_near,
    place_columns,
    vicinity,
)
from tollwatch.store.matching import MatchSettings, MatchUnit, haversine_km
from tollwatch.store.models import IncidentRow, ReportRow


def _moved(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point `km` from (lat, lon) along `bearing` (degrees), on the sphere."""
    arc, p1, b = km / EARTH_KM, math.radians(lat), math.radians(bearing)
    p2 = math.asin(math.sin(p1) * math.cos(arc) + math.cos(p1) * math.sin(arc) * math.cos(b))
    dl = math.atan2(math.sin(b) * math.sin(arc) * math.cos(p1),
                    math.cos(arc) - math.sin(p1) * math.sin(p2))
    lon2 = (math.degrees(math.radians(lon) + dl) + 540) % 360 - 180
    return math.degrees(p2), lon2


@given(st.floats(-89.5, 89.5), st.floats(-180, 180), st.floats(0, 30), st.floats(0, 360))
def test_every_point_within_the_radius_lies_in_a_cell_asked_for(
    lat: float, lon: float, km: float, bearing: float
) -> None:
    other = _moved(lat, lon, km, bearing)
    cells = cells_near(lat, lon, 30.0)
    assert haversine_km(lat, lon, *other) <= 30.0 + 1e-6
    assert cells is None or cell_of(*other) in cells
    assert cells is not None or abs(lat) > 60  # narrowed up to 60 degrees


def test_no_narrowing_by_cell_close_to_a_pole() -> None:
    assert cells_near(88.9, 10.0, 30.0) is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(("Palmyra", "point", "Palmyra", "Homs", 34.56, 38.27, []),
                     ("homs", cell_of(34.56, 38.27), "palmyra", "palmyra", False), id="town"),
        pytest.param(("northern Homs countryside", "admin1", "Homs", "Homs", 34.7, 38.9, []),
                     ("homs", None, None, "homs", False), id="province-not-located"),
        pytest.param(("al-Bab city", "admin2", "Al-Bab", "Deir ez-Zor", None, None, []),
                     ("deir ez zor", None, "al bab", "bab", False), id="fine-without-point"),
        pytest.param(("Ruiz", "point", "Ruiz", "Lara", 10.0, -69.0, [("person", "ana ruiz")]),
                     ("lara", cell_of(10.0, -69.0), "ruiz", "ruiz", True), id="surname-place"),
        pytest.param((None, "unknown", None, None, None, None, []),
                     (None, None, None, None, False), id="no-place"),
    ],
)
def test_place_columns(args: tuple[Any, ...], expected: tuple[Any, ...]) -> None:
    near = place_columns(*args)
    assert (near.admin1, near.cell, near.name, near.words, near.loose) == expected


@pytest.mark.parametrize(
    ("unit", "narrowed"),
    [
        pytest.param(MatchUnit(1, 1, country="SY", admin1="Homs", place="Palmyra",
                               place_text="Palmyra", lat=34.56, lon=38.27,
                               place_precision="point"), True, id="located"),
        pytest.param(MatchUnit(1, 1, country="SY", admin1=None, place="Syria",
                               place_precision="country"), False, id="province-unknown"),
        pytest.param(MatchUnit(1, 1, country="SY", admin1="Lara", place="Ruiz",
                               place_text="Ruiz", place_precision="point", lat=10.0, lon=-69.0,
                               keys=frozenset({("person", "ana ruiz")})),
                     False, id="place-is-a-persons-name"),
    ],
)
def test_vicinity_narrows_only_when_the_place_can_say_no(unit: MatchUnit, narrowed: bool) -> None:
    assert (vicinity(unit, MatchSettings()) is not None) == narrowed


AFAR = {"country": "SY", "admin1": "Deir ez-Zor", "lat": 35.02, "lon": 40.45}  # 200 km east


def _case(n: int, name: str, where: Any, text_: str | None = None) -> Extraction:
    when = (date(2019, 3, 1) + timedelta(days=5 * n)).isoformat()
    return extraction(f"{name}-{n}", [incident(
        f"{name}-{n}#1", date=day(when), place=where, killed=killed(10), perpetrator=IS)],
        text_=text_, published=None)


def cases() -> tuple[list[Extraction], list[Extraction], set[str]]:
    """Anchors in Palmyra (Homs), each with a candidate five days after the previous
    case's: (anchors, candidates, the cases whose pair must be one event)."""
    palmyra = place("Palmyra")
    candidates = {
        # another province, 200 km away, but the same victim named in both reports
        "key-far": (place("Mayadin", **AFAR), "Among the dead was Ana Ruiz, 34."),
        # the same province, given without coordinates
        "province": (place("Homs", "admin1", admin1="Homs", lat=None, lon=None,
                           text="Homs countryside"), None),
        # 10 km away across a province border: found by grid cell
        "across-border": (place("Arak", country="SY", admin1="Deir ez-Zor", lat=34.60,
                                lon=38.37, text="Arak"), None),
        # the same fine place named, resolved to another province
        "same-name": (place("Palmyra", "admin2", **AFAR, text="Tadmur"), None),
        # the same words written, resolved to another town
        "same-words": (place("Tadmor", **AFAR, text="Palmyra"), None),
        # the place is the named victim's surname (a name read as a town)
        "surname": (place("Ruiz", **AFAR, text="Ruiz"), "Among the dead was Maria Ruiz, 40."),
        # another province, far, nothing shared: never one event
        "far": (place("Mayadin", **AFAR), None),
    }
    anchors, found = [], []
    for n, (name, (where, text_)) in enumerate(candidates.items()):
        anchor_text = "Among the dead was Ana Ruiz, 34." if name == "key-far" else None
        anchors.append(_case(n, "anchor", palmyra, anchor_text))
        found.append(_case(n, name, where, text_))
    return anchors, found, set(candidates) - {"far"}


@pytest.mark.parametrize("anchors_first", [True, False], ids=["anchors-first", "anchors-last"])
def test_candidates_near_by_place_join_as_in_a_full_rematch(
    store: Store, anchors_first: bool
) -> None:
    anchors, found, linked = cases()
    for batch in (anchors, found) if anchors_first else (found, anchors):
        store.match_incremental(store.ingest(batch))
    incremental = snapshot(store)
    events = {frozenset(r.rsplit("-", 1)[0] for r, _local in members)
              for members, *_ in incremental}
    assert {name for name in linked if {"anchor", name} in events} == linked
    assert {"far"} in events and {"anchor"} in events
    full = store.match()
    assert (full.created, full.updated, full.deleted) == (0, 0, 0)
    assert snapshot(store) == incremental


def test_a_far_candidate_without_a_key_is_not_asked_for(store: Store) -> None:
    anchors, found, _linked = cases()
    store.ingest([*anchors, *found])
    settings = MatchSettings()
    with store.sessions() as session:
        rows = {r.report.key: r for r in session.scalars(
            select(IncidentRow).join(ReportRow, ReportRow.id == IncidentRow.report_id))}
        anchor = next(r for key, r in rows.items() if key.endswith("anchor-6"))
        unit = MatchUnit(anchor.id, anchor.report_id, date_start=anchor.date_start,
                         date_end=anchor.date_end, date_precision="day", country="SY",
                         admin1="Homs", place="Palmyra", place_text="Palmyra", lat=34.56,
                         lon=38.27, place_precision="point")
        near = vicinity(unit, settings)
        assert isinstance(near, Vicinity)
        lo, hi = anchor.date_start - timedelta(days=1), anchor.date_start + timedelta(days=1)
        asked = {c.unit.id for c in dated(session, {"SY": [(lo, hi, near)]})}
        wide = {c.unit.id for c in dated(session, {"SY": [(lo, hi, None)]})}
    far = next(r.id for key, r in rows.items() if key.endswith("far-6"))
    assert far in wide and far not in asked and anchor.id in asked


def test_migration_0011_fills_the_place_columns_of_stored_rows(db_url: str) -> None:
    """Down to 0010 and up again: the data migration gives what writing gives."""
    from alembic import command

    from test_incremental import mixed
    from tollwatch.settings import Settings
    from tollwatch.store import db as store_db
    from tollwatch.store import open_store

    anchors, found, _linked = cases()
    columns = (IncidentRow.id, IncidentRow.match_admin1, IncidentRow.match_cell,
               IncidentRow.match_name, IncidentRow.match_words, IncidentRow.match_loose)
    with open_store(Settings(db=db_url)) as opened:
        opened.ingest([*anchors, *found, *mixed(7, 20)])
        with opened.sessions() as session:
            written = sorted(tuple(r) for r in session.execute(select(*columns)))
        command.downgrade(store_db.alembic_config(db_url), "0010_map_cells")
        assert store_db.upgrade(opened.engine) == store_db.head_revision()
        with opened.sessions() as session:
            migrated = sorted(tuple(r) for r in session.execute(select(*columns)))
    assert any(r[5] for r in written) and any(r[2] is None for r in written)
    assert len(written) > 30 and migrated == written


def test_narrowed_query_is_served_by_the_place_indexes(sqlite_store: Store) -> None:
    """EXPLAIN QUERY PLAN of the narrowed date query: a search of each place index,
    never a scan of incidents (docs/matching.md has the PostgreSQL plan)."""
    from tollwatch.store.candidates import _dated_statement, _params
    from tollwatch.store.models import PLACE_INDEXES

    near = Vicinity("homs", (cell_of(34.56, 38.27),), "palmyra", "palmyra")
    params = _params("SY", [(date(2019, 3, 1), date(2019, 3, 3), near)])

    def explain(_conn: Any, _cursor: Any, statement: str, parameters: Any,
                *_rest: Any) -> tuple[str, Any]:
        return f"EXPLAIN QUERY PLAN {statement}", parameters

    engine = sqlite_store.engine
    event.listen(engine, "before_cursor_execute", explain, retval=True)
    try:
        with engine.connect() as conn:
            rows = conn.execute(_dated_statement(True, narrowed=True), params).fetchall()
    finally:
        event.remove(engine, "before_cursor_execute", explain)
    plan = " | ".join(str(r[-1]) for r in rows)
    assert all(name in plan for name in PLACE_INDEXES), plan
    assert "SCAN incidents" not in plan and "SCAN i " not in plan, plan
