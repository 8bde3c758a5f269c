"""`tollwatch run` on one local process against a 2-worker Dask LocalCluster.

    nice python bench/cluster.py                      # 100,000 generated reports
    nice python bench/cluster.py --reports 4000 --json results.json
    python bench/cluster.py --reports 2000 --db postgresql

Reports are generated from templates (`write_reports`: attacks, clashes, bombings
and air strikes in a dozen places, tolls, weekdays, outlets; each text different),
written as one JSON Lines file. Each mode stores them in a fresh database with the
same `Store.run` call: "local" extracts in this process (`--workers 1`), "cluster"
on a LocalCluster of `--cluster-workers` worker processes with one thread each,
started before the clock (as a real cluster is already running); the client reads
and stores in this process in both. The time includes loading the resources (in
this process, or once per worker) and matching (incremental, the default). Besides
wall time, the CPU seconds of the client process and of the worker processes during
the run (steadier than wall time on a shared machine, and what docs/scale.md
extrapolates from), and peak resident memory; each mode runs in a fresh process.
Figures and the command go in docs/quality.md.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLACES = [
    ("Mosul", "Iraq"), ("Kirkuk", "Iraq"), ("Idlib", "Syria"), ("Aleppo", "Syria"),
    ("Kandahar", "Afghanistan"), ("Kunduz", "Afghanistan"), ("Mogadishu", "Somalia"),
    ("Maiduguri", "Nigeria"), ("Gao", "Mali"), ("Peshawar", "Pakistan"),
    ("Quetta", "Pakistan"), ("Goma", "Democratic Republic of the Congo"),
]
OUTLETS = ["Example Wire", "Daily Sample", "The Test Herald", "Synthetic News Agency"]
WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
         9: "nine", 10: "ten", 12: "twelve", 15: "fifteen", 20: "twenty"}
TEMPLATES = [
    "{n} people were killed on {day} when a car bomb exploded near a market in {place}, "
    "{country}, police said. Another {w} were wounded.",
    "Gunmen attacked a checkpoint in {place} on {day}, killing {n} soldiers, the army said "
    "in a statement. The attackers fled.",
    "At least {n} civilians died in an air strike on a village outside {place}, {country}, "
    "on {day}, local officials told reporters.",
    "Clashes between government forces and rebels near {place} left {n} fighters dead on "
    "{day}, a monitoring group said. The toll could rise.",
    "A suicide bomber killed {n} worshippers at a mosque in {place} on {day}. No group "
    "claimed the attack, which also wounded {w}.",
    "The death toll from {day}'s attack on a bus in {place}, {country}, rose to {n}, the "
    "health ministry said, up from an earlier count of {w}.",
]
FILLER = [
    "Residents described hearing several explosions before dawn.",
    "The region has seen repeated violence in recent months.",
    "Security was tightened across the area after the incident.",
    "Aid groups called for an independent investigation.",
]


def report_text(rng: random.Random, index: int) -> tuple[str, str]:
    """One generated report: its text and its publication date (ISO)."""
    place, country = rng.choice(PLACES)
    n = rng.randint(2, 60)
    w = WORDS.get(m := rng.choice(list(WORDS)), str(m))
    published = date(2021, 1, 1) + timedelta(days=rng.randrange(1500))
    day = (published - timedelta(days=rng.randint(0, 2))).strftime("%A")
    body = rng.choice(TEMPLATES).format(n=n, w=w, day=day, place=place, country=country)
    extra = " ".join(rng.sample(FILLER, rng.randint(0, 3)))
    return f"{body} {extra} (Report {index}.)".strip(), published.isoformat()


def write_reports(path: Path, n: int, seed: int = 13) -> Path:
    """Write `n` generated reports to `path` (JSON Lines, ids gen-0000001...)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for index in range(n):
            text, published = report_text(rng, index)
            record = {"id": f"gen-{index:07d}", "published": published,
                      "outlet": rng.choice(OUTLETS), "text": text}
            handle.write(json.dumps(record) + "\n")
    return path


def _database(kind: str, folder: Path, label: str) -> tuple[str, Any]:
    """A fresh database URL and a function that drops it (PostgreSQL) or does nothing."""
    if kind == "sqlite":
        return f"sqlite:///{folder / f'{label}.sqlite'}", lambda: None
    from sqlalchemy import create_engine, text

    admin = create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                          isolation_level="AUTOCOMMIT")
    name = f"tollwatch_bench_{label}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", drop


def run_mode(mode: str, source: Path, url: str, workers: int) -> dict[str, Any]:
    """Store `source` into `url` with one local process or a LocalCluster; the figures."""
    from tollwatch.parallel import own_peak_mb
    from tollwatch.settings import Settings
    from tollwatch.store import open_store

    cluster = client = None
    if mode == "cluster":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster, set_as_default=False)
    try:
        with open_store(Settings(db=url)) as store:
            address = cluster.scheduler_address if cluster is not None else None
            workers_cpu = _workers_cpu(client)
            started, cpu = time.perf_counter(), time.process_time()
            summary = store.run([source], workers=None if address else 1, cluster=address,
                                batch_size=500, incremental=True)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            workers_cpu = _workers_cpu(client) - workers_cpu
            peaks = list(client.run(own_peak_mb).values()) if client is not None else []
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    stats = summary.ingest
    return {"mode": mode, "workers": workers if cluster is not None else 1,
            "reports": stats.reports_in, "stored": stats.stored, "rejected": stats.rejected,
            "incidents": stats.incidents, "events": summary.match.events,
            "seconds": round(seconds, 1), "reports_per_s": round(stats.reports_in / seconds, 1),
            "client_cpu_s": round(cpu, 1), "workers_cpu_s": round(workers_cpu, 1),
            "client_peak_mb": round(own_peak_mb()),
            "worker_peak_mb": round(max(peaks)) if peaks else None}


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _workers_cpu(client: Any) -> float:
    """CPU seconds the cluster's worker processes have used so far (0 without a cluster)."""
    return 0.0 if client is None else sum(client.run(_cpu_seconds).values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--cluster-workers", type=int, default=2)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--modes", nargs="+", default=["local", "cluster"],
                        choices=["local", "cluster"])
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    parser.add_argument("--one", nargs=3, metavar=("MODE", "SOURCE", "URL"),
                        help=argparse.SUPPRESS)  # one mode, in a process of its own
    args = parser.parse_args()
    if args.one:
        mode, source, url = args.one
        print(json.dumps(run_mode(mode, Path(source), url, args.cluster_workers)))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = write_reports(folder / "reports.jsonl", args.reports)
        for mode in args.modes:  # each in a fresh process: its peak memory is its own
            url, drop = _database(args.db, folder, mode)
            try:
                done = subprocess.run(
                    [sys.executable, __file__, "--one", mode, str(source), url,
                     "--cluster-workers", str(args.cluster_workers)],
                    check=True, stdout=subprocess.PIPE, text=True)
                rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            finally:
                drop()
            print(json.dumps(rows[-1]), file=sys.stderr)
    print("| mode | workers | reports | incidents | events | wall s | reports/s "
          "| client CPU s | workers' CPU s | client peak MB | worker peak MB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['mode']} | {r['workers']} | {r['reports']} | {r['incidents']} | "
              f"{r['events']} | {r['seconds']} | {r['reports_per_s']} | {r['client_cpu_s']} "
              f"| {r['workers_cpu_s']} | {r['client_peak_mb']} | {r['worker_peak_mb'] or '-'} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
