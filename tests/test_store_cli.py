"""`tollwatch run` and `tollwatch db upgrade` end to end.

Extraction may still find nothing in these reports while its stages are being
written: these tests check structure and counts, not tolls.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.pipeline import Resources
from tollwatch.records import Extraction, Report
from tollwatch.settings import Settings
from tollwatch.store import db as store_db
from tollwatch.store import open_store

REPORTS = [
    {
        "id": "cli-1",
        "published": "2021-03-06",
        "text": "Gunmen killed seven villagers in an attack on a market town on Friday, "
        "police said.",
    },
    {
        "id": "cli-2",
        "published": "2021-03-07",
        "text": "The toll from Friday's market attack rose to eleven, a local official said.",
    },
    {"id": "cli-3", "published": "2021-03-07", "text": "The central bank left rates unchanged."},
]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def loaded_once(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    """`run` loads the gazetteer and actors; reuse the session's copy (conftest)."""
    monkeypatch.setattr("tollwatch.pipeline.load_resources", lambda _settings: resources)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    return _write(
        tmp_path / "reports.jsonl", [json.dumps(r) for r in REPORTS] + ["{this is not json"]
    )


def test_run_stores_rejects_and_is_idempotent(tmp_path: Path, reports: Path) -> None:
    url = f"sqlite:///{tmp_path / 'run.sqlite'}"
    runner = CliRunner()
    first = runner.invoke(app, ["run", str(reports), "--db", url])
    assert first.exit_code == 0, first.output
    assert "reports 4: stored 3, replaced 0, unchanged 0, rejected 1" in first.output
    with open_store(Settings(db=url)) as store:
        before = store.counts()
    assert before["reports"] == 3 and before["rejections"] == 1
    again = runner.invoke(app, ["run", str(reports), "--db", url])
    assert "stored 0, replaced 0, unchanged 3, rejected 1" in again.output
    with open_store(Settings(db=url)) as store:
        assert store.counts() == before
        tally = store.tally(by="day")
    assert all(r.killed_best >= 0 for r in tally)


def test_run_with_two_workers_stores_what_one_worker_stores(
    tmp_path: Path, reports: Path
) -> None:
    examples = Path(__file__).resolve().parent.parent / "examples"
    runner = CliRunner()
    stored = {}
    for workers in ("1", "2"):
        url = f"sqlite:///{tmp_path / f'w{workers}.sqlite'}"
        args = ["run", str(examples), str(reports), "--db", url, "--batch-size", "4"]
        result = runner.invoke(app, [*args, "--workers", workers])
        assert result.exit_code == 0, result.output
        again = runner.invoke(app, [*args, "--workers", workers])
        assert "stored 0, replaced 0" in again.output and "rejected 1" in again.output
        with open_store(Settings(db=url)) as store:
            stored[workers] = (store.counts(), store.known_reports(), store.export_rows())
    assert stored["2"] == stored["1"]
    counts = stored["1"][0]
    assert counts["reports"] >= 12 and counts["rejections"] == 1 and counts["incidents"] > 0


def test_run_takes_its_workers_from_the_settings(tmp_path: Path, reports: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    result = CliRunner().invoke(
        app, ["run", str(reports), "--db", url], env={"TOLLWATCH_WORKERS": "0"}
    )
    assert result.exit_code == 1 and "workers=0" in result.output


def test_run_replaces_a_changed_report(tmp_path: Path, reports: Path) -> None:
    url = f"sqlite:///{tmp_path / 'run.sqlite'}"
    runner = CliRunner()
    runner.invoke(app, ["run", str(reports), "--db", url])
    changed = dict(REPORTS[0], text=REPORTS[0]["text"] + " Two more died in hospital.")
    _write(reports, [json.dumps(changed)])  # the same file, edited: the same report key
    result = runner.invoke(app, ["run", str(reports), "--db", url])
    assert "replaced 1" in result.output


def test_run_reports_a_bad_database_clearly(reports: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(reports), "--db", "sqlite:////no/dir/x.db"])
    assert result.exit_code == 1
    assert "error (store)" in result.output and "does not exist" in result.output


def test_db_upgrade_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'up.sqlite'}"
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 0, result.output
    assert f"is at revision {store_db.head_revision()}" in result.output


def test_migrations_run_standalone_from_the_package(tmp_path: Path) -> None:
    # what `alembic upgrade head` does with script_location = tollwatch:migrations
    url = f"sqlite:///{tmp_path / 'alembic.sqlite'}"
    command.upgrade(store_db.alembic_config(url), "head")
    engine = store_db.make_engine(url)
    assert store_db.current_revision(engine) == store_db.head_revision()
    engine.dispose()


@pytest.mark.shared
def test_run_over_a_slice_of_the_dev_set_has_consistent_counts(
    shared_dir: Path, tmp_path: Path
) -> None:
    source = shared_dir / "gold" / "dev" / "acled-2022.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()[:25]
    sample = _write(tmp_path / "slice.jsonl", lines)
    url = f"sqlite:///{tmp_path / 'dev.sqlite'}"
    with open_store(Settings(db=url)) as store:
        summary = store.run([sample])
        counts = store.counts()
    assert summary.ingest.consistent and summary.ingest.reports_in == 25
    assert counts["reports"] + counts["rejections"] == 25


def test_a_crash_in_one_extraction_becomes_a_rejection(
    tmp_path: Path, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tollwatch.pipeline as pipeline

    real = pipeline.extract

    def flaky(report: Report, **kwargs: object) -> Extraction:
        if report.id == "cli-2":
            raise AttributeError("'NoneType' object has no attribute 'sentence'")
        return real(report, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract", flaky)
    with open_store(Settings(db=f"sqlite:///{tmp_path / 'crash.sqlite'}")) as store:
        summary = store.run([reports])
        rows = store.counts()
    assert (summary.ingest.stored, summary.ingest.rejected) == (2, 2)
    assert rows["reports"] == 2 and rows["rejections"] == 2


def test_rerun_skips_extraction_unless_refreshed(
    tmp_path: Path, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tollwatch.pipeline as pipeline

    calls: list[str] = []
    real = pipeline.extract

    def counting(report: Report, **kwargs: object) -> Extraction:
        calls.append(report.id)
        return real(report, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract", counting)
    with open_store(Settings(db=f"sqlite:///{tmp_path / 'skip.sqlite'}")) as store:
        store.run([reports])
        assert len(calls) == 3
        again = store.run([reports])
        assert len(calls) == 3 and again.ingest.unchanged == 3
        refreshed = store.run([reports], refresh=True)
    assert len(calls) == 6 and refreshed.ingest.replaced == 3
