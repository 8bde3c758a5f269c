"""Export: formats, ACLED and UCDP column sets, atomic writes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from test_store_support import (
    IS,
    actor,
    day,
    extraction,
    incident,
    killed,
    place,
    seed_extraction,
    source,
)
from tollwatch.cli import app
from tollwatch.errors import StoreError
from tollwatch.settings import Settings
from tollwatch.store import Store, open_store
from tollwatch.store.export import column_names

ACLED = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "fatalities",
    "reviewed",  # added after the ACLED columns: the event's reviewed fields
]
UCDP = [
    "best",
    "low",
    "high",
    "date_start",
    "date_end",
    "where_prec",
    "date_prec",
    "side_a",
    "side_b",
]


def _fill(store: Store) -> None:
    store.ingest(
        [
            extraction(
                "x",
                [
                    incident(
                        "x#1",
                        killed=killed(15, 12, 20),
                        date=day("2019-04-11"),
                        place=place("Palmyra"),
                        perpetrator=IS,
                        victim=actor("Syrian soldiers", "military"),
                        event_type="battle",
                        sub_event_type="ambush",
                    ),
                    incident(
                        "x#2",
                        "claim",
                        claim_of="x#1",
                        killed=killed(30),
                        perpetrator=IS,
                        source=source("Amaq", "perpetrator_claim"),
                        date=day("2019-04-11"),
                    ),
                ],
                text_="Fifteen soldiers were killed in an ambush near Palmyra, the monitor said.",
            )
        ]
    )
    store.match()


def test_acled_columns(store: Store) -> None:
    _fill(store)
    [row] = store.export_rows("acled")
    assert list(row) == ACLED
    assert row["event_type"] == "Battles" and row["sub_event_type"] == "Armed clash"
    assert (row["fatalities"], row["geo_precision"], row["time_precision"]) == (15, 1, 1)
    assert row["actor1"] == "Islamic State" and row["admin1"] == "Homs"
    assert "Islamic State claims 30" in row["notes"]


def test_ucdp_columns_put_the_state_on_side_a(store: Store) -> None:
    _fill(store)
    [row] = store.export_rows("ucdp")
    assert list(row)[: len(UCDP)] == UCDP
    assert (row["low"], row["best"], row["high"]) == (12, 15, 20)
    assert (row["side_a"], row["side_b"]) == ("Syrian soldiers", "Islamic State")
    assert (row["where_prec"], row["date_prec"]) == (1, 1)


def test_native_columns_carry_provenance(store: Store) -> None:
    _fill(store)
    [row] = store.export_rows("native")
    assert row["reports"] == "x" and row["killed_counted"] == 15
    assert row["summary"] is not None and row["toll_rule"] == "tolls.event.v1"


def test_only_counted_events_are_exported(store: Store) -> None:
    store.ingest([seed_extraction()])
    store.match()
    rows = store.export_rows("acled")
    assert sorted(r["fatalities"] for r in rows) == [6, 61]


@pytest.mark.parametrize("columns", ["native", "acled", "ucdp"])
@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "parquet"])
def test_every_format_and_column_set_round_trips(
    sqlite_store: Store, tmp_path: Path, fmt: str, columns: str
) -> None:
    _fill(sqlite_store)
    out = tmp_path / f"events.{fmt}"
    assert sqlite_store.export(fmt, columns, out) == 1
    if fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    elif fmt == "json":
        rows = json.loads(out.read_text(encoding="utf-8"))
    elif fmt == "geojson":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection"
        assert data["features"][0]["geometry"]["coordinates"] == [38.27, 34.56]
        rows = [f["properties"] for f in data["features"]]
    else:
        rows = pq.read_table(out).to_pylist()
    assert list(rows[0]) == column_names(columns)
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_empty_export_still_has_a_header(sqlite_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "empty.csv"
    assert sqlite_store.export("csv", "acled", out) == 0
    assert out.read_text().strip().split(",") == ACLED
    assert pq.read_table(_parquet(sqlite_store, tmp_path)).column_names == ACLED


def _parquet(store: Store, tmp_path: Path) -> Path:
    out = tmp_path / "empty.parquet"
    store.export("parquet", "acled", out)
    return out


def test_failed_write_keeps_the_old_file(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(sqlite_store)
    out = tmp_path / "events.json"
    out.write_text("old", encoding="utf-8")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("tollwatch.store.export.os.replace", boom)
    with pytest.raises(StoreError, match="disk full"):
        sqlite_store.export("json", "native", out)
    assert out.read_text(encoding="utf-8") == "old"
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("fmt", "columns", "path", "message"),
    [
        pytest.param("xlsx", "native", None, "use one of csv, json", id="bad-format"),
        pytest.param("csv", "gdelt", None, "use one of native, acled, ucdp", id="bad-columns"),
        pytest.param("parquet", "native", None, "give an output file", id="parquet-to-stdout"),
        pytest.param(
            "csv", "native", Path("/no/such/dir/x.csv"), "does not exist", id="missing-folder"
        ),
    ],
)
def test_bad_export_requests(
    sqlite_store: Store, fmt: str, columns: str, path: Path | None, message: str
) -> None:
    with pytest.raises(StoreError, match=message):
        sqlite_store.export(fmt, columns, path)


def test_cli_export(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with open_store(Settings(db=url)) as opened:
        _fill(opened)
    runner = CliRunner()
    out = tmp_path / "acled.csv"
    done = runner.invoke(
        app, ["export", "--db", url, "--format", "csv", "--columns", "acled", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    assert next(csv.DictReader(out.open()))["fatalities"] == "15"
    stdout = runner.invoke(app, ["export", "--db", url, "--format", "json"])
    assert json.loads(stdout.output)[0]["killed_best"] == 15
    bad = runner.invoke(app, ["export", "--db", url, "--format", "parquet"])
    assert bad.exit_code == 1 and "-o FILE.parquet" in bad.output
