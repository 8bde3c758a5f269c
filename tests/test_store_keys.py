"""Report keys: two files are two reports, a moved file is the same report, a key counts
once per run, and a re-run changes nothing whatever the batch size (issue 11, item 1).

Each test runs on SQLite and on PostgreSQL (the `store` fixture)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from test_store_support import extraction, incident, killed
from tollwatch.pipeline import Resources
from tollwatch.read import read_paths
from tollwatch.records import Rejection, Report
from tollwatch.store import Store
from tollwatch.store.models import AuditRow, IncidentRow, RejectionRow, ReportRow

GWOZA = "Gunmen killed 4 villagers in Gwoza on Monday, police said."
MAIDUGURI = "A bomb killed 12 people at a market in Maiduguri on Tuesday, officials said."
BAMA = "Soldiers killed 7 militants near Bama on Wednesday, the army said."


def _text(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body + "\n", encoding="utf-8")
    return path


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _run(store: Store, resources: Resources, *paths: Path, batch_size: int = 100) -> object:
    return store.run(list(paths), resources=resources, batch_size=batch_size,
                     published=None)


def snapshot(store: Store) -> dict[str, object]:
    """Every report with its text hash and incident count, and the row counts."""
    with store.sessions() as session:
        reports = sorted(
            (row.key, row.report_id, row.content_hash, len(row.incidents))
            for row in session.scalars(select(ReportRow))
        )
        rejections = sorted(
            (r.key, r.origin, r.reason) for r in session.scalars(select(RejectionRow))
        )
    return {"reports": reports, "rejections": rejections, "rows": store.counts()}


def test_the_same_file_name_in_two_folders_is_two_reports(
    store: Store, resources: Resources, tmp_path: Path
) -> None:
    _text(tmp_path / "2023" / "a.txt", GWOZA)
    _text(tmp_path / "2024" / "a.txt", MAIDUGURI)
    first = _run(store, resources, tmp_path / "2023")
    second = _run(store, resources, tmp_path / "2024")
    assert (first.ingest.stored, second.ingest.stored, second.ingest.replaced) == (1, 1, 0)
    reports = snapshot(store)["reports"]
    assert [r[1] for r in reports] == ["a.txt", "a.txt"]  # the id as read, twice
    assert {r[0] for r in reports} == {
        (tmp_path / "2023" / "a.txt").as_uri(),
        (tmp_path / "2024" / "a.txt").as_uri(),
    }
    assert all(r[3] > 0 for r in reports)  # both keep their incidents


def test_two_jsonl_files_using_the_same_id_are_two_reports(
    store: Store, resources: Resources, tmp_path: Path
) -> None:
    one = _jsonl(tmp_path / "one.jsonl", [{"id": "1", "text": GWOZA}])
    two = _jsonl(tmp_path / "two.jsonl", [{"id": "1", "text": MAIDUGURI}])
    _run(store, resources, one)
    _run(store, resources, two)
    keys = [r[0] for r in snapshot(store)["reports"]]
    assert keys == sorted([f"{one.as_uri()}#1", f"{two.as_uri()}#1"])


def test_a_uri_id_names_one_report_wherever_it_is_read(
    store: Store, resources: Resources, tmp_path: Path
) -> None:
    url = "https://news.example.org/2024/05/gwoza"
    one = _jsonl(tmp_path / "monday.jsonl", [{"id": url, "text": GWOZA}])
    two = _jsonl(tmp_path / "tuesday.jsonl", [{"id": url, "text": GWOZA}])
    _run(store, resources, one)
    again = _run(store, resources, two)
    assert again.ingest.unchanged == 1
    assert [r[0] for r in snapshot(store)["reports"]] == [url]


def test_a_repeated_id_in_one_jsonl_file_is_refused_naming_both_lines(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dup.jsonl", [
        {"id": "7", "text": GWOZA}, {"id": "8", "text": BAMA}, {"id": "7", "text": MAIDUGURI},
    ])
    items = list(read_paths([path]))
    assert [type(i).__name__ for i in items] == ["Report", "Report", "Rejection"]
    refused = items[2]
    assert isinstance(refused, Rejection)
    assert "line 3 of dup.jsonl repeats the id '7' of line 1" in refused.error
    assert refused.origin == f"{path}:3"


def test_a_moved_file_is_the_same_report_and_a_copy_is_another(
    store: Store, resources: Resources, tmp_path: Path
) -> None:
    old = _text(tmp_path / "inbox" / "a.txt", GWOZA)
    _run(store, resources, tmp_path / "inbox")
    before = snapshot(store)
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.move(old, archive / "a.txt")
    moved = _run(store, resources, archive)
    assert (moved.ingest.unchanged, moved.ingest.moved, moved.ingest.stored) == (1, 1, 0)
    after = snapshot(store)
    assert after["reports"] == [((archive / "a.txt").as_uri(), *before["reports"][0][1:])]
    assert after["rows"] == dict(before["rows"], audit=before["rows"]["audit"] + 1)  # the move

    shutil.copy(archive / "a.txt", tmp_path / "copy.txt")  # the original is still there
    copied = _run(store, resources, tmp_path / "copy.txt")
    assert copied.ingest.stored == 1
    assert snapshot(store)["reports"][0][2] == snapshot(store)["reports"][1][2]


def test_a_report_stored_before_keys_is_taken_over_by_its_file(
    store: Store, resources: Resources, tmp_path: Path
) -> None:
    # A database written before report keys holds "a.txt" under its bare id.
    legacy = Report(id="a.txt", text=GWOZA + "\n", origin="a.txt")
    store.ingest([extraction("a.txt", [incident("a#1", killed=killed(4))], text_=legacy.text)])
    path = _text(tmp_path / "reports" / "a.txt", GWOZA)
    summary = _run(store, resources, tmp_path / "reports")
    assert summary.ingest.moved == 1
    assert [r[0] for r in snapshot(store)["reports"]] == [path.as_uri()]


@pytest.mark.parametrize("batch_size", [1, 2, 100])
def test_a_rerun_changes_nothing_whatever_the_batch_size(
    store: Store, resources: Resources, tmp_path: Path, batch_size: int
) -> None:
    url = "https://news.example.org/2024/05/bama"
    paths = [
        _jsonl(tmp_path / "dup.jsonl", [
            {"id": "1", "text": GWOZA}, {"id": "1", "text": MAIDUGURI}, {"id": "2", "text": BAMA},
        ]),
        _jsonl(tmp_path / "other.jsonl", [{"id": "1", "text": BAMA}, {"id": url, "text": BAMA}]),
        _jsonl(tmp_path / "later.jsonl", [{"id": url, "text": GWOZA}]),
        _text(tmp_path / "x" / "a.txt", MAIDUGURI),
        _text(tmp_path / "y" / "a.txt", GWOZA),
    ]
    first = _run(store, resources, *paths, batch_size=batch_size)
    assert first.ingest.consistent
    # dup.jsonl line 2 and later.jsonl's URI id (a second text for it) are refused
    assert (first.ingest.stored, first.ingest.rejected) == (6, 2)
    stored = snapshot(store)
    assert all(r[3] > 0 for r in stored["reports"])  # every report keeps its incidents
    for _ in range(2):
        again = _run(store, resources, *paths, batch_size=batch_size)
        assert (again.ingest.unchanged, again.ingest.rejected) == (6, 2)
        assert (again.match.created, again.match.deleted, again.match.updated) == (0, 0, 0)
        assert snapshot(store) == stored


@pytest.mark.parametrize("batch_size", [1, 2])
def test_one_key_twice_in_one_ingest_keeps_the_first(store: Store, batch_size: int) -> None:
    four = extraction("k", [incident("k#1", killed=killed(4))], text_="Four died.")
    twelve = extraction("k", [incident("k#1", killed=killed(12))], text_="Twelve died.")
    for _ in range(3):
        stats = store.ingest([four, twelve], batch_size=batch_size)
        store.match()
        with store.sessions() as session:
            report = session.scalars(select(ReportRow)).one()
            assert report.text == "Four died." and len(report.incidents) == 1
            reason = session.scalars(select(RejectionRow.reason)).one()
            events = session.scalar(
                select(func.count(func.distinct(IncidentRow.event_id)))
            )
        assert stats.rejected == 1 and "comes twice in this input" in reason
        assert events == 1
    with store.sessions() as session:
        actions = list(session.scalars(select(AuditRow.action).order_by(AuditRow.id)))
    assert actions == ["report.insert", "rejection.insert", "event.create"]


def test_the_migrations_have_one_head() -> None:
    from alembic.script import ScriptDirectory

    from tollwatch.store.db import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_upgrading_a_0001_database_keeps_its_rows(db_url: str) -> None:
    """0002 adds columns in place: on SQLite, recreating `reports` would cascade to
    the incidents."""
    from sqlalchemy import text

    from tollwatch.settings import Settings
    from tollwatch.store import db as store_db
    from tollwatch.store import open_store

    with open_store(Settings(db=db_url), migrate=False) as opened:
        engine = opened.engine
        from sqlalchemy import MetaData

        everything = MetaData()  # back to 0001: drop every table, whichever migrations made it
        everything.reflect(bind=engine)
        everything.drop_all(bind=engine)
        store_db.upgrade(engine, "0001")
        now = "2024-05-07 10:00:00"
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO reports (id, key, content_hash, text, created_at, updated_at) "
                "VALUES (1, 'old.txt', 'h', 'Four died.', :t, :t)"), {"t": now})
            conn.execute(text(
                "INSERT INTO incidents (id, report_id, local_id, kind, top_level, event_type, "
                "date_precision, place_precision, source_role, confidence, update) VALUES "
                "(1, 1, 'old#1', 'incident', true, 'battle', 'day', 'point', 'monitor', 0.5, "
                "false)".replace("update)", '"update")')))
            conn.execute(text(
                "INSERT INTO rejections (key, origin, reason, created_at) "
                "VALUES ('bad', 'bad.jsonl:3', 'not JSON', :t)"), {"t": now})
        assert store_db.upgrade(engine) == store_db.head_revision()
        with opened.sessions() as session:
            report = session.scalars(select(ReportRow)).one()
            assert (report.key, report.report_id, report.source) == ("old.txt", "old.txt", None)
            assert len(report.incidents) == 1
            rejection = session.scalars(select(RejectionRow)).one()
            assert len(rejection.fingerprint) == 64
