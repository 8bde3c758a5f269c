"""`kill -9` half way through an ingest: a re-run loses nothing committed, duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from test_store_support import extraction, incident, killed
from tollwatch.settings import Settings
from tollwatch.store import open_store
from tollwatch.store.models import AuditRow, IncidentRow, ReportRow

TOTAL, BATCH, STOP_AT = 60, 10, 35

CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[3])
    from test_store_support import extraction, incident, killed
    from tollwatch.settings import Settings
    from tollwatch.store import open_store

    def items(n, stop):
        for i in range(n):
            if i == stop:
                print("HALFWAY", flush=True)
                time.sleep(120)  # killed here, with a batch half written
            yield extraction(f"k{i}", [incident(f"k{i}#1", killed=killed(i))])

    store = open_store(Settings(db=sys.argv[1]))
    store.ingest(items(int(sys.argv[2]), int(sys.argv[4])), batch_size=int(sys.argv[5]),
                 on_batch=lambda s: print("COMMITTED", s.reports_in, flush=True))
    """
)


def _items() -> list[object]:
    return [extraction(f"k{i}", [incident(f"k{i}#1", killed=killed(i))]) for i in range(TOTAL)]


def test_kill_9_then_rerun(db_url: str, tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    tests_dir = str(Path(__file__).parent)
    args = [sys.executable, str(script), db_url, str(TOTAL), tests_dir, str(STOP_AT), str(BATCH)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    committed = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("COMMITTED"):
                committed.append(int(line.split()[1]))
            if line.startswith("HALFWAY"):
                break
        else:
            pytest.fail(f"the child stopped early: {proc.stderr.read() if proc.stderr else ''}")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert committed == [10, 20, 30]

    with open_store(Settings(db=db_url)) as store:
        assert store.counts()["reports"] == 30  # the half-written 4th batch is gone
        stats = store.ingest(_items(), batch_size=BATCH)  # type: ignore[arg-type]
        assert (stats.unchanged, stats.stored) == (30, 30)
        with store.sessions() as session:
            keys = list(session.scalars(select(ReportRow.key)))
            incidents = session.scalar(select(func.count()).select_from(IncidentRow))
            inserts = session.scalar(
                select(func.count()).select_from(AuditRow).where(AuditRow.action == "report.insert")
            )
    assert sorted(keys) == sorted(f"k{i}" for i in range(TOTAL))
    assert incidents == TOTAL and inserts == TOTAL
