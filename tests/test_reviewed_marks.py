"""Exports and tallies say which values a person reviewed (the `reviewed` column)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from test_store_support import IS, day, extraction, incident, killed, place
from tollwatch.cli import app
from tollwatch.store import Store
from tollwatch.store import review as review_stage
from tollwatch.store.models import EventRow
from tollwatch.store.tally import TallyRow
from tollwatch.web import create_app

TALLY_COLUMNS = ["period", "group", "events", "killed_low", "killed_best", "killed_high"]


def _fill(store: Store) -> None:
    """Three counted events in two countries and two months."""
    store.ingest(
        [
            extraction("a", [incident("a#1", killed=killed(5), perpetrator=IS,
                                      date=day("2020-03-02"), place=place("Palmyra"))]),
            extraction("b", [incident("b#1", killed=killed(7), perpetrator=IS,
                                      date=day("2020-03-20"), place=place("Mayadin"))]),
            extraction("c", [incident("c#1", killed=killed(3),
                                      date=day("2020-04-05"),
                                      place=place(None, "country", country="IQ"))]),
        ]
    )  # fmt: skip
    store.match()


def _event_of(store: Store, day_: str) -> int:
    with store.sessions() as session:
        events = session.query(EventRow).all()
        (found,) = [e.id for e in events if e.date_start and e.date_start.isoformat() == day_]
        return found


def _review(store: Store, event_id: int, action: str, **kw: object) -> None:
    with store.writing() as session:
        review_stage.act(session, event_id, action, "amina", **kw)  # type: ignore[arg-type]


@pytest.fixture
def reviewed(store: Store) -> Store:
    """Event of 2020-03-02 corrected twice (killed_best, admin1); 2020-04-05 accepted."""
    _fill(store)
    first = _event_of(store, "2020-03-02")
    _review(store, first, "correct", field="killed_best", value="6")
    _review(store, first, "correct", field="admin1", value="Homs")
    _review(store, _event_of(store, "2020-04-05"), "accept")
    return store


@pytest.mark.parametrize("columns", ["native", "acled", "ucdp"])
def test_export_rows_list_the_reviewed_fields(reviewed: Store, columns: str) -> None:
    rows = reviewed.export_rows(columns)
    assert len(rows) == 3
    assert list(rows[0])[-1] == "reviewed"
    assert [r["reviewed"] for r in rows] == ["admin1; killed_best", "", "status"]


def test_untouched_store_exports_empty_reviewed(store: Store) -> None:
    _fill(store)
    assert {r["reviewed"] for r in store.export_rows()} == {""}
    assert {r.reviewed for r in store.tally()} == {0}


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "parquet"])
def test_every_format_carries_reviewed(reviewed: Store, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"events.{fmt}"
    assert reviewed.export(fmt, "native", out) == 3
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
    elif fmt == "json":
        rows = json.loads(out.read_text())
    elif fmt == "geojson":
        rows = [f["properties"] for f in json.loads(out.read_text())["features"]]
    else:
        rows = pq.read_table(out).to_pylist()
    assert [r["reviewed"] for r in rows] == ["admin1; killed_best", "", "status"]


def test_a_merge_is_listed_on_the_event_it_went_into(store: Store) -> None:
    _fill(store)
    target, other = _event_of(store, "2020-03-02"), _event_of(store, "2020-03-20")
    _review(store, other, "merge", other=target)
    (row,) = [r for r in store.export_rows() if r["event_id"] == target]
    assert row["reviewed"] == "merge"


def test_tally_counts_reviewed_events_per_row(reviewed: Store) -> None:
    rows = {(r.period, r.group): r for r in reviewed.tally(by="month", group="country")}
    march = rows[("2020-03", "SY")]
    assert (march.events, march.killed_best, march.reviewed) == (2, 6 + 7, 1)
    assert rows[("2020-04", "IQ")].reviewed == 1
    assert [r.reviewed for r in reviewed.tally(by="day", country="SY")] == [1, 0]
    # existing columns keep their names and order; `reviewed` is added last
    assert list(TallyRow.__dataclass_fields__) == [*TALLY_COLUMNS, "reviewed"]


def test_not_counted_events_do_not_count_as_reviewed(reviewed: Store) -> None:
    _review(reviewed, _event_of(reviewed, "2020-03-20"), "not_incident")
    (march,) = [r for r in reviewed.tally(by="month") if r.period == "2020-03"]
    assert (march.events, march.reviewed) == (1, 1)


def test_tally_command_prints_reviewed(reviewed: Store, db_url: str) -> None:
    runner = CliRunner()
    answer = runner.invoke(app, ["tally", "--db", db_url, "--by", "month", "--format", "csv"])
    assert answer.exit_code == 0, answer.output
    rows = list(csv.DictReader(io.StringIO(answer.output)))
    assert list(rows[0]) == [*TALLY_COLUMNS, "reviewed"]
    assert [(r["period"], r["reviewed"]) for r in rows] == [("2020-03", "1"), ("2020-04", "1")]
    table = runner.invoke(app, ["tally", "--db", db_url])
    assert table.exit_code == 0 and "reviewed" in table.output


def test_web_tally_and_export_show_reviewed(reviewed: Store) -> None:
    with TestClient(create_app(reviewed, public=True)) as c:
        rows = c.get("/api/tally?by=month").json()
        assert [(r["period"], r["reviewed"]) for r in rows] == [("2020-03", 1), ("2020-04", 1)]
        downloaded = list(csv.DictReader(io.StringIO(c.get("/api/tally?format=csv").text)))
        assert list(downloaded[0]) == [*TALLY_COLUMNS, "reviewed"]
        page = c.get("/tally?by=month").text
        assert ">Reviewed</th>" in page
        exported = c.get("/api/export?format=json&columns=ucdp").json()
        assert [r["reviewed"] for r in exported] == ["admin1; killed_best", "", "status"]
