"""Latency of the web workspace on a store of many events (default 100,000), SQLite.

    python bench/web.py                  # 100,000 events, 30 calls per endpoint
    python bench/web.py --events 20000 --calls 50

Writes the events straight into the tables (one report, one incident and one killed
figure per event, spread over 8 countries and 3 years), then calls each endpoint
in-process through FastAPI's TestClient with an API token and prints the median,
95th percentile and size of the answers, and the 95th percentile of the process's CPU
time per call (the server runs in-process: on a shared machine the CPU time says what a
call costs, the wall time what it waited). Figures are recorded in docs/web.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert

from tollwatch.settings import Settings
from tollwatch.store import open_store
from tollwatch.store import users as accounts
from tollwatch.store.models import EventRow, FigureRow, IncidentRow, ReportRow
from tollwatch.web import create_app

COUNTRIES = {
    "SY": (35.0, 38.5), "IQ": (33.3, 44.0), "NG": (10.0, 8.0), "ML": (15.0, -2.0),
    "AF": (34.5, 66.0), "SO": (4.0, 46.0), "YE": (15.5, 47.5), "SD": (14.0, 30.0),
}  # fmt: skip
TYPES = ("battle", "explosion_remote_violence", "violence_against_civilians", "other")


def fill(url: str, n: int, seed: int = 7) -> None:
    """n synthetic events with one report, incident and figure each."""
    rng = random.Random(seed)
    store = open_store(Settings(db=url))
    stamp = datetime(2026, 1, 1)
    start = date(2022, 1, 1)
    batch = 5000
    with store.writing() as session:
        for first in range(1, n + 1, batch):
            ids = range(first, min(first + batch, n + 1))
            reports, events, incidents, figures = [], [], [], []
            for i in ids:
                country = rng.choice(list(COUNTRIES))
                lat0, lon0 = COUNTRIES[country]
                killed = max(0, int(rng.expovariate(1 / 6)))
                day = start + timedelta(days=rng.randrange(3 * 365))
                lat, lon = lat0 + rng.uniform(-3, 3), lon0 + rng.uniform(-3, 3)
                text = f"Report {i}: {killed} people were killed near place {i % 997}."
                reports.append({"id": i, "key": f"bench:{i}", "report_id": str(i),
                                "content_hash": f"{i:064d}", "text": text,
                                "created_at": stamp, "updated_at": stamp})  # fmt: skip
                events.append({
                    "id": i, "kind": "incident", "counted": True, "date_start": day,
                    "date_end": day, "date_precision": "day", "country": country,
                    "admin1": f"Province {i % 13}", "location": f"Place {i % 997}",
                    "lat": lat, "lon": lon, "place_precision": "point",
                    "event_type": rng.choice(TYPES), "perpetrator": f"Group {i % 31}",
                    "perpetrator_type": rng.choice(("state", "rebel", "jihadist")),
                    "victim_type": rng.choice(("civilians", "military")),
                    "killed_low": killed, "killed_best": killed, "killed_high": killed,
                    "n_reports": 1, "toll_rule": "tolls.event.v1", "summary": text,
                    "created_at": stamp, "updated_at": stamp,
                })  # fmt: skip
                incidents.append({
                    "id": i, "report_id": i, "local_id": f"{i}#1", "kind": "incident",
                    "top_level": True, "event_type": "battle", "date_start": day,
                    "date_precision": "day", "place_precision": "point",
                    "source_role": "monitor", "confidence": 0.9, "update": False, "event_id": i,
                })  # fmt: skip
                at = text.index(str(killed))
                figures.append({
                    "id": i, "incident_id": i, "outcome": "killed", "low": killed,
                    "best": killed, "high": killed, "text": str(killed), "span_start": at,
                    "span_end": at + len(str(killed)), "sentence": text, "rule": "tolls.v1",
                })  # fmt: skip
            session.execute(insert(ReportRow), reports)
            session.execute(insert(EventRow), events)
            session.execute(insert(IncidentRow), incidents)
            session.execute(insert(FigureRow), figures)
        accounts.add_user(session, "bench", "viewer", "bench password 1")
    store.close()


def measure(
    url: str, n: int, calls: int
) -> list[tuple[str, float, float, float, float, float, int]]:
    """(endpoint, first call ms, its CPU ms, median ms, p95 ms, p95 CPU ms, bytes) per
    endpoint. The first call of a tally, timeline or map computes it; later ones with the
    same parameters on an unchanged store are served from the workspace's cache."""
    store = open_store(Settings(db=url), create=False)
    with store.writing() as session:
        token = accounts.new_token(session, "bench", "bench")
    client = TestClient(create_app(store))
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(3)
    endpoints = {
        "/api/events (page 1)": lambda: "/api/events",
        "/api/events (filtered)": lambda: "/api/events?country=SY&min_killed=5&since=2023-01-01",
        "/api/events (text, page 40)": lambda: "/api/events?q=place%201&page=40",
        "/events (HTML list)": lambda: "/events?country=IQ&sort=killed",
        "/api/events/{id}": lambda: f"/api/events/{rng.randrange(1, n + 1)}",
        "/events/{id} (HTML)": lambda: f"/events/{rng.randrange(1, n + 1)}",
        "/api/map": lambda: "/api/map?grid=0.5",
        "/api/map (fine grid, whole world)": lambda: "/api/map?grid=0.05",
        "/api/map (zoomed: 6° box, grid 0.1)": lambda: "/api/map?grid=0.1&bbox=32,41,38,47",
        "/api/map (filtered: since, grid 0.5)": lambda: "/api/map?grid=0.5&since=2024-01-01",
        "/api/map (random 6° boxes: never cached)": lambda: _random_box(rng),
        "/api/tally": lambda: "/api/tally?group=country",
        "/api/timeline": lambda: "/api/timeline?group=country",
    }
    out = []
    for name, path in endpoints.items():
        times, cpu, size = [], [], 0
        for _ in range(calls):
            started, used = time.perf_counter(), time.process_time()
            answer = client.get(path(), headers=headers)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
            assert answer.status_code == 200, (name, answer.status_code, answer.text[:200])
            size = max(size, len(answer.content))
        first = times[0]
        out.append((name, first, cpu[0], statistics.median(times), _p95(times), _p95(cpu), size))
    store.close()
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def _random_box(rng: random.Random) -> str:
    """A 6° view somewhere over the events at grid 0.1 (a new key each call: no cache)."""
    lat0, lon0 = rng.choice(list(COUNTRIES.values()))
    south, west = lat0 + rng.uniform(-4, 1), lon0 + rng.uniform(-4, 1)
    return f"/api/map?grid=0.1&bbox={south:.3f},{west:.3f},{south + 6:.3f},{west + 6:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        started = time.perf_counter()
        fill(url, args.events)
        filled = time.perf_counter() - started
        rows = measure(url, args.events, args.calls)
    print(f"{args.events} events (filled in {filled:.1f} s), {args.calls} calls each, SQLite")
    print("| endpoint | first call ms (CPU) | median ms | p95 ms | p95 CPU ms | largest answer |")
    print("|---|---|---|---|---|---|")
    for name, first, first_cpu, median, p95, cpu, size in rows:
        print(f"| `{name}` | {first:.0f} ({first_cpu:.0f}) | {median:.0f} | {p95:.0f} | {cpu:.0f} "
              f"| {size / 1024:.0f} KiB |")


if __name__ == "__main__":
    main()
