"""Ingest throughput of the incident database (reports/s), SQLite and PostgreSQL.

    python bench/ingest.py                       # 2000 synthetic reports, both databases
    python bench/ingest.py --reports 5000 --db sqlite
    python bench/ingest.py --run ../shared/gold/dev [--workers 2]  # read+extract+store+match

Synthetic reports carry hand-built extractions (3 incidents each: an aggregate
with two parts), so the figure measures the store alone, not extraction. The
PostgreSQL database (127.0.0.1:5432, user postgres) is created with a unique
name and dropped afterwards. Figures are recorded in docs/store.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

from tollwatch.records import (
    Actor,
    ActorMention,
    DateMention,
    Extraction,
    Incident,
    PlaceMention,
    Report,
    SourceMention,
    Span,
    Toll,
)
from tollwatch.settings import Settings
from tollwatch.store import open_store

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TOWNS = [
    ("Town A", 34.5, 38.2),
    ("Town B", 35.0, 40.4),
    ("Town C", 35.9, 36.6),
    ("Town D", 33.3, 44.4),
    ("Town E", 11.8, 13.1),
]


def synthetic(n: int) -> Iterator[Extraction]:
    """`n` reports, each with an aggregate and two part incidents, spread over days."""
    actor = ActorMention(Actor("Armed group", "rebel", "rebel"), "armed group", Span(0, 5), 0)
    source = SourceMention("A monitor", "monitor", "a monitor", Span(0, 5), 0)
    for i in range(n):
        # most reports describe their own event; every tenth repeats the one before
        j = i - 1 if i % 10 == 9 else i
        day = date(2020, 1, 1) + timedelta(days=j // 7)
        text_ = f"Report {i}: {j % 9 + 2} people were killed in two attacks, a monitor said."
        name, lat, lon = TOWNS[j % len(TOWNS)]
        lat, name = lat + j * 0.37 % 3.0, f"{name} {j % 40}"
        place = PlaceMention(
            name, "SY", "Province", None, lat, lon, None, "point", name, Span(0, 5), 0
        )
        when = DateMention(day, day, "day", "on Monday", Span(0, 5), 0)
        parts = [
            Incident(
                f"b{i}#{k}",
                "incident",
                "battle",
                killed=Toll(k + 1, k + 1, k + 1, "x"),
                date=when,
                place=place,
                perpetrator=actor,
                source=source,
                evidence=[Span(0, len(text_))],
            )
            for k in (1, 2)
        ]
        total = Incident(
            f"b{i}#0",
            "aggregate",
            "battle",
            killed=Toll(5, 5, None, "5"),
            date=when,
            place=place,
            source=source,
            parts=[p.id for p in parts],
            evidence=[Span(0, len(text_))],
        )
        report = Report(f"bench-{i}", text_, day, outlet="Bench", origin=f"bench:{i}")
        yield Extraction(report.id, [total, *parts], report=report)


def measure(url: str, n: int, batch: int) -> dict[str, float]:
    """Seconds and reports/s for ingest, re-ingest (all unchanged) and match."""
    with open_store(Settings(db=url)) as store:
        t0 = time.perf_counter()
        stats = store.ingest(synthetic(n), batch_size=batch)
        t1 = time.perf_counter()
        again = store.ingest(synthetic(n), batch_size=batch)
        t2 = time.perf_counter()
        matched = store.match()
        t3 = time.perf_counter()
    if not (stats.stored == n and again.unchanged == n):
        raise SystemExit(f"inconsistent counts: {stats} / {again}")
    return {
        "ingest_s": t1 - t0,
        "ingest_rps": n / (t1 - t0),
        "reingest_rps": n / (t2 - t1),
        "match_s": t3 - t2,
        "events": matched.events,
    }


def with_postgres(n: int, batch: int) -> dict[str, float] | None:
    """Measure on a fresh PostgreSQL database; None when no server answers."""
    name = f"tollwatch_bench_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as err:  # report and go on with SQLite only
        sys.stderr.write(f"PostgreSQL not available ({err.__class__.__name__}); skipped\n")
        return None
    try:
        return measure(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", n, batch)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_folder(folder: Path, workers: int = 1) -> None:
    """`tollwatch run` over a folder into a fresh SQLite file; print counts and rates."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(Settings(db=f"sqlite:///{Path(tmp) / 'run.sqlite'}")) as store,
    ):
        t0 = time.perf_counter()
        summary = store.run([folder], workers=workers)
        elapsed = time.perf_counter() - t0
        counts = store.counts()
    s = summary.ingest
    print(
        f"run {folder} ({workers} worker(s)): {s.reports_in} reports in {elapsed:.1f} s "
        f"({s.reports_in / elapsed:.0f} reports/s, extraction included)"
    )
    print(
        f"  stored {s.stored} + rejected {s.rejected} = {s.stored + s.rejected} "
        f"(consistent: {s.consistent}); incidents {s.incidents}; events {summary.match.events}"
    )
    print(f"  table counts: {counts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--db", choices=["both", "sqlite", "postgresql"], default="both")
    parser.add_argument("--run", type=Path, help="run read+extract+store+match over a folder")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes for --run")
    args = parser.parse_args()
    if args.run:
        run_folder(args.run, args.workers)
        return
    results: dict[str, dict[str, float] | None] = {}
    if args.db in ("both", "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            results["sqlite"] = measure(
                f"sqlite:///{Path(tmp) / 'bench.sqlite'}", args.reports, args.batch
            )
    if args.db in ("both", "postgresql"):
        results["postgresql"] = with_postgres(args.reports, args.batch)
    for name, r in results.items():
        if r is None:
            continue
        print(
            f"{name:10s} {args.reports} reports x 3 incidents, batch {args.batch}: "
            f"ingest {r['ingest_rps']:.0f} reports/s ({r['ingest_s']:.1f} s), "
            f"re-ingest unchanged {r['reingest_rps']:.0f} reports/s, "
            f"match {r['match_s']:.1f} s -> {r['events']:.0f} events"
        )


if __name__ == "__main__":
    main()
