"""Adding batches of new reports to large stores: store + incremental match time.

    nice python bench/incremental.py --sizes 10000 100000 1000000 --db postgresql --keep
    nice python bench/incremental.py --sizes 10000 100000 --db sqlite
    nice python bench/incremental.py --sizes 10000 --full   # also a full re-match
    nice python bench/incremental.py --sizes 1000000 --db postgresql --keep --wide
                                              # the query not narrowed by place

Each store is a synthetic one (bench/synthetic_store.py: ten years, ten countries
with provinces and coordinates, events told by one to three outlets, tolls, named
victims) written in bulk (COPY on PostgreSQL). Then `--batches` batches of
`--batch` new reports (a third about stored events) are stored (`Store.ingest`)
and matched (`Store.match_incremental`) one after the other; extraction is not
timed (the reports come as extractions): the figures are the store and match
times the issue's target is about. PostgreSQL: a database of its own on
127.0.0.1:5432 (user postgres), dropped at the end unless --keep, which keeps it
(and a SQLite file under --dir) to be reused by later runs of the same size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from synthetic_store import World, build

from tollwatch.settings import Settings
from tollwatch.store import open_store

PG_HOST = "postgresql+psycopg://postgres@127.0.0.1:5432"
SEED = 7


def _say(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")


def run_batches(url: str, world: World, batches: int, size: int,
                full: bool, skip: int = 0) -> dict[str, Any]:
    """Store and match `batches` batches of `size` new reports; the times of each
    (after `skip` batches stored and matched untimed: the process's first queries
    build and compile its statements once)."""
    out: dict[str, Any] = {"store": [], "match": [], "closure": [], "match_cpu": []}
    world.prefix = f"n{uuid.uuid4().hex[:6]}-"  # new keys, whatever ran before
    with open_store(Settings(db=url)) as store:
        for _ in range(skip):
            store.match_incremental(store.ingest(world.batch(size), batch_size=size))
        for _ in range(batches):
            items = world.batch(size)
            t0 = time.perf_counter()
            added = store.ingest(items, batch_size=size)
            t1, c1 = time.perf_counter(), time.process_time()
            matched = store.match_incremental(added)
            t2, c2 = time.perf_counter(), time.process_time()
            out["store"].append(t1 - t0)
            out["match"].append(t2 - t1)
            out["match_cpu"].append(c2 - c1)
            out["closure"].append(matched.incidents)
        if full:
            store.ingest(world.batch(size), batch_size=size)
            t3 = time.perf_counter()
            store.match()
            out["full"] = time.perf_counter() - t3
    return out


def _pg_exists(name: str) -> bool:
    admin = create_engine(f"{PG_HOST}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return bool(conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                    {"n": name}))
    finally:
        admin.dispose()


def _pg(statement: str) -> None:
    admin = create_engine(f"{PG_HOST}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


def measure(db: str, incidents: int, args: argparse.Namespace) -> dict[str, Any]:
    """Build (or reuse) a store of `incidents` incidents and time the batches."""
    world = World(SEED)
    if db == "postgresql":
        name = (f"tollwatch_bench_{incidents}" if args.keep
                else f"tollwatch_bench_{uuid.uuid4().hex[:10]}")
        url, reuse = f"{PG_HOST}/{name}", args.keep and _pg_exists(name)
        if not reuse:
            _pg(f'CREATE DATABASE "{name}"')
    else:
        folder = Path(args.dir or tempfile.mkdtemp(prefix="tollwatch-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"bench_{incidents}.sqlite"
        url, reuse = f"sqlite:///{path}", args.keep and path.exists()
        if not reuse:
            path.unlink(missing_ok=True)
    try:
        t0 = time.perf_counter()
        if reuse:
            world.replay(incidents)
            _say(f"reusing {url}")
        else:
            build(url, world, incidents, _say)
        built = time.perf_counter() - t0
        result = run_batches(url, world, args.batches, args.batch, args.full, args.skip)
        result["built"], result["reused"] = built, reuse
        return result
    finally:
        if not args.keep:
            if db == "postgresql":
                _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            else:
                path.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--batch", type=int, default=100, help="reports per batch")
    parser.add_argument("--batches", type=int, default=5, help="batches per size")
    parser.add_argument("--skip", type=int, default=0,
                        help="warm-up batches stored and matched first, not timed")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--keep", action="store_true",
                        help="keep each store (and reuse one kept by an earlier run)")
    parser.add_argument("--dir", help="folder of the SQLite stores (default: a temporary one)")
    parser.add_argument("--full", action="store_true", help="also time a full re-match")
    parser.add_argument("--wide", action="store_true",
                        help="candidates by date from the whole country, not narrowed by "
                             "place (the query before 0011_match_place; the same events): "
                             "a comparison on the same store")
    args = parser.parse_args()
    if args.wide:
        from tollwatch.store import incremental

        # a bench-only switch: every unit's vicinity is "anywhere in its country"
        incremental.vicinity = lambda _unit, _settings: None  # type: ignore[assignment]
    for size in args.sizes:
        r = measure(args.db, size, args)
        store, match = statistics.median(r["store"]), statistics.median(r["match"])
        total = statistics.median(s + m for s, m in zip(r["store"], r["match"], strict=True))
        full = f", full re-match {r['full']:.1f} s" if "full" in r else ""
        how = "reused" if r["reused"] else f"built in {r['built']:.0f} s"
        print(f"{args.db} {size} incidents ({how}): batch of {args.batch}, median of "
              f"{args.batches}: store {store:.2f} s + incremental match {match:.2f} s "
              f"(CPU {statistics.median(r['match_cpu']):.2f} s) = {total:.2f} s; re-clustered "
              f"{min(r['closure'])}-{max(r['closure'])} incidents; every batch "
              f"{' '.join(f'{s + m:.2f}' for s, m in zip(r['store'], r['match'], strict=True))}"
              f" s{full}", flush=True)


if __name__ == "__main__":
    main()
