"""Two processes storing into one database at once (issue 11, item 3), on SQLite and on
PostgreSQL: a fresh database is migrated once, places and actors both create are one
row, and the database ends as if the two runs had gone one after the other.

Real processes, started together: each waits for a `go` file before opening the store.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.store import Store, open_store
from tollwatch.store.models import ActorRow, EventRow, PlaceRow, ReportRow

ROOT = Path(__file__).resolve().parent.parent
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from test_store_concurrency import items
    from tollwatch.settings import Settings
    from tollwatch.store import open_store

    url, go, lo, hi = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    print("READY", flush=True)
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    with open_store(Settings(db=url)) as store:
        stats = store.ingest(items(lo, hi), batch_size=4)
        store.match()
    print("DONE", stats.stored, stats.unchanged, stats.rejected, flush=True)
    """
)


def items(lo: int, hi: int) -> list[object]:
    """Reports lo..hi-1: few actors and places, so that both processes create the same ones."""
    from test_store_support import actor, extraction, incident, killed, place

    return [
        extraction(
            f"r{i}",
            [incident(f"r{i}#1", killed=killed(i % 9 + 1), perpetrator=actor(
                f"Armed group {i % 5}", "rebel", "rebel"), place=place(f"Town {i % 7}"))],
            text_=f"Report {i}: gunmen killed {i % 9 + 1} in Town {i % 7}.",
        )
        for i in range(lo, hi)
    ]


def _start(args: list[str]) -> subprocess.Popen[str]:
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("READY"), (line, proc.stderr.read() if proc.stderr else "")
    return proc


def state(store: Store) -> dict[str, object]:
    """What the database holds, without its row ids."""
    with store.sessions() as session:
        reports = sorted(
            (r.key, r.content_hash, sorted(i.local_id for i in r.incidents))
            for r in session.scalars(select(ReportRow))
        )
        events = sorted(
            (sorted(f"{i.report.key}/{i.local_id}" for i in e.incidents), e.killed_best)
            for e in session.scalars(select(EventRow))
        )
        actors = sorted(session.scalars(select(ActorRow.name)))
        places = sorted(session.scalars(select(PlaceRow.key)))
    counts = store.counts()
    return {"reports": reports, "events": events, "actors": actors, "places": places,
            "rejections": counts["rejections"]}


def _sequential(tmp_path: Path, ranges: list[tuple[int, int]]) -> dict[str, object]:
    with open_store(Settings(db=f"sqlite:///{tmp_path / 'sequential.sqlite'}")) as store:
        for lo, hi in ranges:
            store.ingest(items(lo, hi), batch_size=4)  # type: ignore[arg-type]
            store.match()
        return state(store)


@pytest.mark.parametrize("migrated", [False, True], ids=["fresh", "migrated"])
def test_two_ingests_at_once(fresh_url: str, tmp_path: Path, migrated: bool) -> None:
    """On a fresh database both migrate it (once); on a migrated one both create the
    same actors and places (actors.name, places.key are unique)."""
    if migrated:
        open_store(Settings(db=fresh_url)).close()
    ranges = [(0, 60), (30, 90)]  # 30 reports in common, the same actors and places
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    tests, go = str(Path(__file__).parent), tmp_path / "go"
    outputs = _run_together(go, [
        [sys.executable, str(script), tests, fresh_url, str(go), str(lo), str(hi)]
        for lo, hi in ranges
    ])
    stored = [tuple(int(x) for x in out.split("DONE")[1].split()) for out in outputs]
    assert sum(s[0] for s in stored) == 90 and sum(s[1] for s in stored) == 30
    with open_store(Settings(db=fresh_url)) as store:
        assert state(store) == _sequential(tmp_path, ranges)


def _run_together(go: Path, commands: list[list[str]]) -> list[str]:
    """Start the commands (each waits for `go`), let them go at once, return their output."""
    procs = [_start(cmd) for cmd in commands]
    go.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, f"a process failed ({proc.returncode}):\n{out}\n{err}"
        outputs.append(out)
    return outputs


CLI_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    go = Path(sys.argv[1])
    print("READY", flush=True)
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    from tollwatch.cli import app
    sys.argv = ["tollwatch", *sys.argv[2:]]
    app()
    """
)

TEXTS = [
    "Gunmen killed {n} villagers in Gwoza on Monday, police said.",
    "A bomb killed {n} people at a market in Maiduguri on Tuesday, officials said.",
    "Soldiers killed {n} militants near Bama on Wednesday, the army said.",
]


def test_two_tollwatch_runs_at_once(
    fresh_url: str, tmp_path: Path, resources: Resources
) -> None:
    """`tollwatch run` twice at once, on folders that share files: both land, and the
    database is what the two runs one after the other give."""
    shared, first, second = tmp_path / "shared", tmp_path / "first", tmp_path / "second"
    for folder, start in ((shared, 2), (first, 20), (second, 40)):
        folder.mkdir()
        for i, pattern in enumerate(TEXTS):
            (folder / f"r{i}.txt").write_text(pattern.format(n=start + i), encoding="utf-8")
    script = tmp_path / "cli_child.py"
    script.write_text(CLI_CHILD, encoding="utf-8")
    go = tmp_path / "go"
    commands = [
        [sys.executable, str(script), str(go), "run", str(shared), str(folder), "--db",
         fresh_url, "--published", "2024-05-08", "--batch-size", "1"]
        for folder in (first, second)
    ]
    _run_together(go, commands)
    sequential = Settings(db=f"sqlite:///{tmp_path / 'sequential.sqlite'}")
    with open_store(sequential) as store:
        for folder in (first, second):
            store.run([shared, folder], resources=resources, batch_size=1,
                      published=date(2024, 5, 8))
        expected = state(store)
    with open_store(Settings(db=fresh_url)) as store:
        got = state(store)
    assert got == expected
    assert len(got["reports"]) == 9  # type: ignore[arg-type]


def test_get_or_create_survives_another_transaction_creating_the_row(pg_url: str) -> None:
    """Without the write lock (a web request, say), two transactions creating the same
    actor both end with the one row: the second waits for the first, then reads it."""
    from concurrent.futures import ThreadPoolExecutor

    from tollwatch.store.rows import get_or_create

    with open_store(Settings(db=pg_url)) as store, store.sessions.begin() as first:
        mine = get_or_create(first, ActorRow, {"name": "Raced", "type": "rebel"},
                             {"category": "rebel"})

        def other() -> int:
            with store.sessions.begin() as second:
                row = get_or_create(second, ActorRow, {"name": "Raced", "type": "rebel"},
                                    {"category": "rebel"})
                return int(row.id)

        with ThreadPoolExecutor(1) as pool:
            theirs = pool.submit(other)
            time.sleep(0.3)  # the other transaction is now waiting on our uncommitted row
            assert not theirs.done()
            first.commit()
            assert theirs.result(timeout=30) == mine.id
