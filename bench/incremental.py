"""Adding a batch of reports to a large store: incremental matching against a full pass.

    python bench/incremental.py                       # 10000 incidents, SQLite
    python bench/incremental.py --sizes 10000 50000 --db postgresql
    python bench/incremental.py --full                # also time the full re-match

A synthetic store: events over ten years in eight countries (300 places each, with
coordinates), each told by one to three reports of different outlets with tolls
that differ a little, dated the same day or the next. Then a batch of `--batch` new
reports (a third repeat stored events) is stored and matched incrementally
(`Store.match_incremental`); with --full the full pass (`Store.match`) is timed too
on the same batch. Figures go in docs/watch.md with the command.
"""

from __future__ import annotations

import argparse
import random
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
COUNTRIES = {"SY": (33.0, 36.0, 37.0, 41.0), "IQ": (30.0, 43.0, 36.0, 47.0),
             "NG": (5.0, 4.0, 13.0, 14.0), "ML": (12.0, -8.0, 20.0, 4.0),
             "SO": (-1.0, 41.0, 11.0, 50.0), "AF": (30.0, 61.0, 38.0, 71.0),
             "YE": (13.0, 43.0, 17.0, 52.0), "CD": (-5.0, 26.0, 3.0, 30.0)}
START, DAYS = date(2015, 1, 1), 3650
ACTORS = [("Armed group", "rebel"), ("Government forces", "state"), ("Militia", "militia"),
          ("Jihadist group", "jihadist")]


class World:
    """Places and events, drawn from a seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.places = [
            (code, f"Place {code}-{k}", f"Province {code}-{k % 12}",
             self.rng.uniform(box[0], box[2]), self.rng.uniform(box[1], box[3]))
            for code, box in COUNTRIES.items() for k in range(300)
        ]
        self.events: list[tuple[date, int, int, int]] = []
        self.reports = 0

    def event(self) -> tuple[date, int, int, int]:
        e = (START + timedelta(days=self.rng.randrange(DAYS)),
             self.rng.randrange(len(self.places)), 1 + int(self.rng.expovariate(1 / 8)),
             self.rng.randrange(len(ACTORS)))
        self.events.append(e)
        return e

    def report(self, event: tuple[date, int, int, int]) -> Extraction:
        self.reports += 1
        n = self.reports
        when, where, toll, who = event
        when += timedelta(days=self.rng.choice([0, 0, 0, 1]))
        toll = max(1, toll + self.rng.choice([0, 0, 1, -1, 3]))
        code, name, admin1, lat, lon = self.places[where]
        text_ = f"Report {n}: {toll} people were killed near {name}, {admin1}."
        span = Span(0, len(text_))
        actor_name, category = ACTORS[who]
        incident = Incident(
            f"r{n}#1", "incident", "battle",
            killed=Toll(toll, toll, toll, str(toll)),
            date=DateMention(when, when, "day", "on Monday", span, 0),
            place=PlaceMention(name, code, admin1, None, lat, lon, None, "point", name, span, 0),
            perpetrator=ActorMention(Actor(actor_name, category, category), actor_name, span, 0),
            source=SourceMention(f"Outlet {n % 7}", "media", "an outlet", span, 0),
            evidence=[span],
        )
        report = Report(f"r{n}", text_, when, outlet=f"Outlet {n % 7}", origin=f"bench:{n}")
        return Extraction(report.id, [incident], report=report)

    def store_reports(self, incidents: int) -> Iterator[Extraction]:
        """About `incidents` reports: events told by one to three reports."""
        made = 0
        while made < incidents:
            event = self.event()
            for _ in range(min(1 + self.rng.randrange(3), incidents - made)):
                made += 1
                yield self.report(event)

    def batch(self, size: int) -> list[Extraction]:
        """New reports: a third about stored events, the rest about new ones."""
        old = list(self.events)
        return [self.report(self.rng.choice(old) if i % 3 == 0 else self.event())
                for i in range(size)]


def measure(url: str, size: int, batch: int, full: bool) -> dict[str, float]:
    world = World(size)
    with open_store(Settings(db=url)) as store:
        t0 = time.perf_counter()
        store.ingest(world.store_reports(size), batch_size=1000)
        built = store.match()
        t1 = time.perf_counter()
        added = store.ingest(world.batch(batch), batch_size=batch)
        t2, c2 = time.perf_counter(), time.process_time()
        inc = store.match_incremental(added)
        t3, c3 = time.perf_counter(), time.process_time()
        out = {"build_s": t1 - t0, "events": built.events, "ingest_s": t2 - t1,
               "incremental_s": t3 - t2, "incremental_cpu": c3 - c2, "closure": inc.incidents}
        if full:
            added = store.ingest(world.batch(batch), batch_size=batch)
            t4, c4 = time.perf_counter(), time.process_time()
            store.match()
            out["full_s"] = time.perf_counter() - t4
            out["full_cpu"] = time.process_time() - c4
    return out


def on_postgres(size: int, batch: int, full: bool) -> dict[str, float] | None:
    name = f"tollwatch_bench_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as err:  # report and go on
        sys.stderr.write(f"PostgreSQL not available ({err.__class__.__name__}); skipped\n")
        return None
    try:
        return measure(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", size, batch, full)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--full", action="store_true", help="also time a full re-match")
    args = parser.parse_args()
    for size in args.sizes:
        if args.db == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                r = measure(f"sqlite:///{Path(tmp) / 'b.sqlite'}", size, args.batch, args.full)
        else:
            found = on_postgres(size, args.batch, args.full)
            if found is None:
                return
            r = found
        full = (f", full re-match {r['full_s']:.2f} s (CPU {r['full_cpu']:.2f} s)"
                if "full_s" in r else "")
        print(f"{args.db} {size} incidents ({r['events']:.0f} events, built in "
              f"{r['build_s']:.0f} s): batch of {args.batch}: store {r['ingest_s']:.2f} s, "
              f"incremental match {r['incremental_s']:.2f} s (CPU {r['incremental_cpu']:.2f} s,"
              f" {r['closure']:.0f} incidents re-clustered){full}")


if __name__ == "__main__":
    main()
