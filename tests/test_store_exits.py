"""Honest exits and safe files (issue 11, items 7-10): `run` says why each report was
rejected and fails when nothing was stored; reading commands never create a database;
nothing is added to a database that is not tollwatch's; exports keep good files, their
mode, and no spreadsheet formula; store errors say what happened."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from test_store_support import actor, extraction, incident, killed, place
from tollwatch.cli import app
from tollwatch.errors import StoreError
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.store import Store, open_store
from tollwatch.store.errors import describe

GOOD = "Gunmen killed 4 villagers in Gwoza on Monday, police said."


@pytest.fixture(autouse=True)
def loaded_once(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tollwatch.pipeline.load_resources", lambda _settings: resources)


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- item 7: run ----------------------------------------------------------------------


def test_run_on_a_missing_path_fails_before_touching_the_database(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    code, _out, err = _invoke("run", str(tmp_path / "nope.jsonl"), "--db", f"sqlite:///{db}")
    assert code == 1
    assert "nope.jsonl does not exist" in err and "nothing was read or stored" in err
    assert not db.exists()


def test_run_prints_each_rejection_and_fails_when_nothing_was_stored(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "bad.jsonl", ["{not json", '{"id": "a"}', '{"text": "no id"}'])
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    code, out, err = _invoke("run", str(path), "--db", url)
    assert code == 1
    assert "rejected 3" in out
    assert f"rejected {path}:1: line 1 of bad.jsonl is not JSON" in err
    assert f'rejected {path}:2: line 2 of bad.jsonl has no "text"' in err
    assert f'rejected {path}:3: line 3 of bad.jsonl has no "id"' in err
    assert "error: nothing was stored: 3 report(s) read, 3 rejected" in err


def test_run_succeeds_when_something_was_stored_and_again_when_unchanged(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "mixed.jsonl", [json.dumps({"id": "ok", "text": GOOD}), "{bad"])
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert _invoke("run", str(path), "--db", url)[0] == 0
    code, out, _err = _invoke("run", str(path), "--db", url)
    assert code == 0 and "unchanged 1" in out


def test_many_rejections_are_summed_up_and_listed_by_the_rejections_command(
    tmp_path: Path,
) -> None:
    lines = [json.dumps({"id": "ok", "text": GOOD})] + [f"{{bad {i}" for i in range(30)]
    path = _jsonl(tmp_path / "many.jsonl", lines)
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    code, _out, err = _invoke("run", str(path), "--db", url)
    assert code == 0
    assert err.count("\nrejected ") + err.startswith("rejected ") == 20  # 20 reasons shown
    assert "... and 10 more rejected; `tollwatch rejections --db" in err
    code, out, _err = _invoke("rejections", "--db", url, "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert len(listed) == 30 and listed[0]["origin"] == f"{path}:2"
    assert "is not JSON" in listed[0]["reason"]


def test_run_shows_reading_warnings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    code, _out, err = _invoke("run", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert code == 0 and "warning: folder" in err and "1 .pdf" in err


# --- item 8: reading commands, foreign databases, empty exports -----------------------


@pytest.mark.parametrize("command", [["tally"], ["export"], ["rejections"]])
def test_reading_commands_never_create_a_database(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "incidnets.sqlite"
    code, _out, err = _invoke(*command, "--db", f"sqlite:///{typo}")
    assert code == 1 and "there is no database at" in err
    assert not typo.exists()


def test_reading_commands_refuse_an_empty_database(fresh_url: str) -> None:
    if fresh_url.startswith("sqlite"):
        sqlite3.connect(fresh_url.removeprefix("sqlite:///")).close()  # an empty file
    with pytest.raises(StoreError, match="is empty: no reports were stored there"):
        open_store(Settings(db=fresh_url), create=False)


def test_a_database_that_is_not_tollwatchs_is_left_alone(fresh_url: str) -> None:
    engine = create_engine(fresh_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"))
    with pytest.raises(StoreError, match=r"not a tollwatch database \(it holds other tables: "
                                         r"customers\) and is left as it is"):
        open_store(Settings(db=fresh_url))
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["customers"]
    engine.dispose()


def test_an_empty_export_keeps_a_file_with_content(sqlite_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    out.write_text("event_id,killed_best\n1,4\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"no counted events to export.*it is kept"):
        sqlite_store.export("csv", path=out)
    assert out.read_text(encoding="utf-8") == "event_id,killed_best\n1,4\n"
    assert sqlite_store.export("csv", path=out, allow_empty=True) == 0
    assert out.read_text(encoding="utf-8").startswith("event_id,")
    out.write_text("event_id\n7\n", encoding="utf-8")
    code, _out, err = _invoke("export", "--db", sqlite_store.url, "-o", str(out))
    assert code == 1 and "--allow-empty" in err
    assert out.read_text(encoding="utf-8") == "event_id\n7\n"
    fresh = tmp_path / "fresh.csv"  # no file there: an empty export is written
    assert _invoke("export", "--db", sqlite_store.url, "-o", str(fresh))[0] == 0
    assert fresh.read_text(encoding="utf-8").startswith("event_id,")


# --- item 9: formulas and modes -------------------------------------------------------


def _hostile(store: Store) -> None:
    store.ingest([extraction("h1", [incident(
        "h1#1", killed=killed(4),
        perpetrator=actor("=HYPERLINK(\"http://x\")", "rebel", "rebel"),
        place=place("@SUM(A1)", country="SY", admin1="+cmd|' /C calc'!A0", lat=-12.5,
                    lon=-3.25),
    )])])
    store.match()


def test_csv_exports_neutralise_spreadsheet_formulas(sqlite_store: Store) -> None:
    _hostile(sqlite_store)
    stream = io.StringIO()
    sqlite_store.export("csv", "native", stream=stream)
    row = next(csv.DictReader(io.StringIO(stream.getvalue())))
    assert row["perpetrator"] == "'=HYPERLINK(\"http://x\")"
    assert row["location"] == "'@SUM(A1)"
    assert row["admin1"] == "'+cmd|' /C calc'!A0"
    assert (row["lat"], row["lon"], row["killed_best"]) == ("-12.5", "-3.25", "4")  # numbers


def test_tally_csv_neutralises_formulas(sqlite_store: Store) -> None:
    _hostile(sqlite_store)
    code, out, _err = _invoke("tally", "--db", sqlite_store.url, "--group", "perpetrator",
                              "--format", "csv")
    assert code == 0
    assert next(csv.DictReader(io.StringIO(out)))["group"].startswith("'=")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_export_keeps_the_mode_of_the_file_it_replaces(
    sqlite_store: Store, tmp_path: Path, umask_022: None, fmt: str
) -> None:
    _hostile(sqlite_store)
    new = tmp_path / f"new.{fmt}"
    sqlite_store.export(fmt, path=new)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644  # 0o666 less the umask
    kept = tmp_path / f"kept.{fmt}"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    sqlite_store.export(fmt, path=kept)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


# --- item 10: what happened ----------------------------------------------------------


def test_a_read_only_database_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    open_store(Settings(db=f"sqlite:///{path}")).close()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    with (
        open_store(Settings(db=url), migrate=False) as store,
        pytest.raises(StoreError) as caught,
    ):
        store.ingest([extraction("r", [incident("r#1")])])
    message = str(caught.value)
    assert "the database is read-only" in message and "db upgrade" not in message


def test_a_writer_waits_for_the_lock_then_says_so(db_url: str) -> None:
    settings = Settings(db=db_url, db_lock_timeout=1.0)
    started = time.monotonic()
    with (
        open_store(Settings(db=db_url)) as holder,
        holder.writing(),
        open_store(settings) as waiting,
        pytest.raises(StoreError, match=r"kept the database locked for longer than "
                                        r"the lock timeout.*db_lock_timeout"),
    ):
        waiting.ingest([extraction("r", [incident("r#1")])])
    assert time.monotonic() - started < 20


def test_a_server_that_never_answers_gives_up_after_the_timeout() -> None:
    with socket.socket() as silent:  # accepts connections, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/nothing"
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"did not answer in time.*db_connect_timeout"):
            open_store(Settings(db=url, db_connect_timeout=2.0))
        assert time.monotonic() - started < 15


def test_store_errors_say_what_happened() -> None:
    from sqlalchemy.exc import DataError, IntegrityError, OperationalError

    unique = IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed: actors.name"))
    assert describe(unique).startswith("a unique constraint was violated")
    ranged = DataError("INSERT", {}, Exception("integer out of range"))
    assert describe(ranged).startswith("a value does not fit its column")
    locked = OperationalError("INSERT", {}, Exception("database is locked"))
    assert "db_lock_timeout" in describe(locked)
    for err in (unique, ranged, locked):
        assert "db upgrade" not in describe(err)
    missing = OperationalError("SELECT", {}, Exception("no such table: reports"))
    assert "tollwatch db upgrade" in describe(missing)
